import Foundation

/// The kind of paper a digitised document is, decided from its text and barcodes.
public enum DocumentType: String, Codable, Sendable, CaseIterable {
    /// Front of a chip-based citizen identity card (CCCD / Căn cước).
    case cccdFront = "cccd-front"
    /// Back of a CCCD: issue date, issuing authority, MRZ, and usually the chip QR code.
    case cccdBack = "cccd-back"
    /// Giấy khai sinh (result type KQ.G15.000031).
    case birthCertificate = "birth-certificate"
    /// Giấy xác nhận tình trạng hôn nhân, valid six months from issue.
    case maritalStatusCertificate = "marital-status-certificate"
    /// Quyết định of an administrative body.
    case decision = "decision"
    /// Công văn / official letter: no kind title, a `V/v …` subject under the number.
    case officialLetter = "official-letter"
    /// Chỉ thị.
    case directive = "directive"
    /// Thông báo.
    case notice = "notice"
    /// Kế hoạch.
    case plan = "plan"
    /// Báo cáo.
    case report = "report"
    /// Tờ trình.
    case submission = "submission"
    /// Giấy mời.
    case invitation = "invitation"
    /// Another administrative document (Nghị quyết, Hướng dẫn, Biên bản, Kết luận, …): its kind is in `loaiVanBan`.
    case administrative = "administrative"
    /// Tờ khai / đơn: an application form filled in by the requester.
    case applicationForm = "application-form"
    /// Anything else: filed with its text, no typed fields.
    case other = "other"
}

/// Where a field's value was read from.
public enum FieldSource: String, Codable, Sendable {
    /// Recognised by OCR from a scanned image.
    case ocr
    /// Decoded from a barcode or QR code.
    case barcode
    /// Read from a PDF's text layer.
    case pdfText = "pdf-text"
    /// A page read partly from its PDF text layer (a stamp's words) and partly by OCR (the rest).
    case mixed = "pdf-text+ocr"
    /// Entered or corrected by a person.
    case manual
}

/// One typed value read from a document, with how much it can be trusted.
public struct ExtractedField: Codable, Sendable, Equatable {
    /// Normalised value: dates as `yyyy-MM-dd`, codes without spaces, names NFC in title case as printed.
    public var value: String
    /// 0...1. OCR fields start from the OCR confidence of the page; a failed validation lowers it.
    public var confidence: Double
    /// Where the value was read from.
    public var source: FieldSource
    /// Problems found by validation, as stable kebab-case codes (`cccd-sex-mismatch`, `invalid-date`, …).
    public var flags: [String]
    /// Where on the page the value was read, when a person should see it to check it (a handwritten slot).
    public var evidence: FieldEvidence?

    /// Creates a field.
    public init(value: String, confidence: Double, source: FieldSource, flags: [String] = [], evidence: FieldEvidence? = nil) {
        self.value = value
        self.confidence = confidence
        self.source = source
        self.flags = flags
        self.evidence = evidence
    }
}

/// The text of one page as the OCR engine (or a PDF text layer) produced it.
public struct PageText: Sendable, Equatable {
    /// The page's text, lines separated by newlines.
    public var text: String
    /// Mean word confidence, 0...100, as Tesseract reports it.
    public var confidence: Double
    /// Where the text came from (`.ocr`, `.pdfText` or `.mixed`).
    public var source: FieldSource
    /// The page's lines in reading order with their regions and word boxes, when known: extraction then
    /// reads the header's columns, the signature block and the stamps apart.
    public var layout: PageLayout?
    /// The number and date blanks of the page and what fills them.
    public var slots: [HandwrittenSlot]

    /// Creates a page.
    public init(text: String, confidence: Double, source: FieldSource = .ocr, layout: PageLayout? = nil, slots: [HandwrittenSlot] = []) {
        self.text = text
        self.confidence = confidence
        self.source = source
        self.layout = layout
        self.slots = slots
    }
}

/// What extraction needs: every page's text in order, and every barcode payload found on any page.
public struct ExtractionInput: Sendable {
    /// Every page's text, in order.
    public var pages: [PageText]
    /// Decoded barcode payloads (UTF-8), e.g. a CCCD chip QR `038090012345|173456789|Nguyễn Văn An|...`.
    public var barcodes: [String]

    /// Creates an input.
    public init(pages: [PageText], barcodes: [String] = []) {
        self.pages = pages
        self.barcodes = barcodes
    }
}

/// The result of extraction: a document type and its typed fields.
public struct Extraction: Codable, Sendable, Equatable {
    /// The kind of paper.
    public var docType: DocumentType
    /// 0...1: how sure the classifier is of `docType`.
    public var typeConfidence: Double
    /// Field name (stable camelCase, see `FieldName`) → value.
    public var fields: [String: ExtractedField]

    /// Creates an extraction result.
    public init(docType: DocumentType, typeConfidence: Double, fields: [String: ExtractedField]) {
        self.docType = docType
        self.typeConfidence = typeConfidence
        self.fields = fields
    }
}
