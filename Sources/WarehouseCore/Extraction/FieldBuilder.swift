import Foundation

/// Collects extracted fields with their confidence, source and flags.
struct FieldBuilder {
    /// The fields so far.
    private(set) var fields: [String: ExtractedField] = [:]

    /// Confidence factor applied for each failed validation.
    static let validationPenalty = 0.5
    /// Confidence of a value read from a barcode.
    static let barcodeConfidence = 0.99

    /// Rounds a confidence to three decimals, clamped to 0...1.
    static func round(_ c: Double) -> Double {
        (min(max(c, 0), 1) * 1000).rounded() / 1000
    }

    /// Sets `name` from OCR text on `line` unless it is already set; empty values are ignored.
    mutating func set(_ name: String, _ value: String, line: TextLine, factor: Double, flags: [String] = []) {
        guard fields[name] == nil, !value.isEmpty else { return }
        var confidence = line.baseConfidence * factor
        for _ in flags { confidence *= FieldBuilder.validationPenalty }
        fields[name] = ExtractedField(value: value, confidence: FieldBuilder.round(confidence), source: line.source, flags: flags)
    }

    /// Sets a date field from a parsed date: ISO when real, else the raw digits with `invalid-date`.
    mutating func setDate(_ name: String, _ hit: DateHit, line: TextLine, factor: Double) {
        let f = factor * (hit.repaired ? 0.85 : 1)
        set(name, hit.value, line: line, factor: f, flags: hit.date == nil ? [FieldFlag.invalidDate] : [])
    }

    /// Sets `name` from a barcode: it replaces any OCR value, flagged `conflicts-with-barcode` when they differ.
    mutating func setBarcode(_ name: String, _ value: String) {
        guard !value.isEmpty else { return }
        var flags: [String] = []
        if let ocr = fields[name], ocr.source != .barcode, FieldBuilder.comparable(ocr.value) != FieldBuilder.comparable(value) {
            flags.append(FieldFlag.conflictsWithBarcode)
        }
        fields[name] = ExtractedField(value: value, confidence: FieldBuilder.barcodeConfidence, source: .barcode, flags: flags)
    }

    /// Adds `flag` to `name` (once) and multiplies its confidence by `factor`.
    mutating func flag(_ name: String, _ flag: String, factor: Double = FieldBuilder.validationPenalty) {
        guard var field = fields[name], !field.flags.contains(flag) else { return }
        field.flags.append(flag)
        field.confidence = FieldBuilder.round(field.confidence * factor)
        fields[name] = field
    }

    /// Replaces `name` with `field`.
    mutating func replace(_ name: String, _ field: ExtractedField) {
        fields[name] = field
    }

    /// Reads the value of `name`.
    subscript(_ name: String) -> String? { fields[name]?.value }

    /// Folded, punctuation-free form used to compare an OCR value with a barcode value.
    static func comparable(_ s: String) -> String {
        VietnameseFolding.fold(s).filter { $0.isLetter || $0.isNumber }
    }
}
