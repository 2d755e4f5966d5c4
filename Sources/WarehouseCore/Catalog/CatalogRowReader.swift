import Foundation

/// Reads the typed fields of one catalogue record, and names the file, the record and the field in every problem.
struct CatalogRowReader {
    let file: String
    let row: CatalogRow
    /// The record's location, with its key once known (JSON records are named by it).
    var location: CatalogLocation

    init(file: String, row: CatalogRow) {
        self.file = file
        self.row = row
        location = row.location
    }

    /// Names the record by its key in later messages (JSON only: CSV lines are enough).
    mutating func identify(_ key: String) {
        if case .record(let n, _) = location { location = .record(n, key: key) }
    }

    /// A problem with `field` (its canonical name; shown as the file spells it).
    func problem(_ field: String?, _ reason: CatalogProblem.Reason, _ detail: String) -> CatalogProblem {
        let spelled = field.map { row.fields[CatalogFile.normalise($0)]?.spelled ?? $0 }
        return CatalogProblem(file: file, location: location, field: spelled, reason: reason, detail: detail)
    }

    /// The text of a field, or nil when absent.
    func text(_ field: String) throws(CatalogProblem) -> String? {
        switch row.fields[CatalogFile.normalise(field)]?.value {
        case nil: return nil
        case .text(let s)?: return s
        case .bool(let b)?: throw problem(field, .badValue, "must be text, not \(b)")
        case .list?: throw problem(field, .badValue, "must be one value, not a list")
        }
    }

    /// The text of a field that must be given.
    func required(_ field: String) throws(CatalogProblem) -> String {
        guard let value = try text(field) else { throw problem(field, .missingField, "is required and empty or missing") }
        return value
    }

    /// A code of type `C` (DOMAIN.md §3), as normalised by its parser; nil when absent.
    func code<C: ValidatedCode>(_ field: String, as _: C.Type) throws(CatalogProblem) -> C? {
        guard let value = try text(field) else { return nil }
        do {
            return try C(value)
        } catch {
            throw problem(field, .badCode, error.description)
        }
    }

    /// A list: a JSON array, or a CSV cell separated by `;`. Empty when absent.
    func list(_ field: String) throws(CatalogProblem) -> [String] {
        switch row.fields[CatalogFile.normalise(field)]?.value {
        case nil: return []
        case .list(let items)?: return items
        case .text(let s)?:
            return s.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        case .bool?: throw problem(field, .badValue, "must be a list of codes (in CSV separated by ;)")
        }
    }

    /// A list of codes of type `C`, each validated, in order, without repeats.
    func codes<C: ValidatedCode>(_ field: String, as _: C.Type) throws(CatalogProblem) -> [String] {
        var out: [String] = []
        for item in try list(field) {
            let code: C
            do { code = try C(item) } catch { throw problem(field, .badCode, error.description) }
            if !out.contains(code.rawValue) { out.append(code.rawValue) }
        }
        return out
    }

    /// A whole number within `range`; nil when absent.
    func int(_ field: String, in range: ClosedRange<Int>) throws(CatalogProblem) -> Int? {
        guard let value = try text(field) else { return nil }
        guard let n = Int(value), range.contains(n) else {
            throw problem(field, .badValue, "\"\(value)\" is not a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return n
    }

    /// Yes or no: JSON true/false, or `yes`/`no`, `true`/`false`, `1`/`0`, `có`/`không`; nil when absent.
    func bool(_ field: String) throws(CatalogProblem) -> Bool? {
        switch row.fields[CatalogFile.normalise(field)]?.value {
        case nil: return nil
        case .bool(let b)?: return b
        case .text(let s)?:
            switch VietnameseFolding.fold(s) {
            case "yes", "true", "1", "x", "co": return true
            case "no", "false", "0", "khong": return false
            default: throw problem(field, .badValue, "\"\(s)\" is not yes or no (yes/no, true/false, 1/0, có/không)")
            }
        case .list?: throw problem(field, .badValue, "must be yes or no, not a list")
        }
    }

    /// A real `yyyy-MM-dd` date; nil when absent.
    func date(_ field: String) throws(CatalogProblem) -> CalendarDate? {
        guard let value = try text(field) else { return nil }
        guard let date = CalendarDate(iso: value) else {
            throw problem(field, .badDate, "\"\(value)\" is not a real date written yyyy-MM-dd (e.g. 2025-07-01)")
        }
        return date
    }

    /// One of `choices` (keys folded: no case, no diacritics, no spaces) → its value; nil when absent.
    func choice(_ field: String, _ choices: KeyValuePairs<String, String>) throws(CatalogProblem) -> String? {
        guard let value = try text(field) else { return nil }
        let folded = VietnameseFolding.fold(value).filter { !$0.isWhitespace && $0 != "_" && $0 != "-" }
        guard let hit = choices.first(where: { $0.key == folded }) else {
            let names = Array(Set(choices.map(\.value))).sorted().joined(separator: ", ")
            throw problem(field, .badValue, "\"\(value)\" is not one of \(names)")
        }
        return hit.value
    }

    /// `validFrom` and `validTo` as ISO text, checked to be real dates in order.
    func validity() throws(CatalogProblem) -> (from: String?, to: String?) {
        let from = try date("validFrom")
        let to = try date("validTo")
        if let from, let to, from > to {
            throw problem("validTo", .dateOrder, "\(to.iso) is before validFrom \(from.iso); an entry is valid from its first day to its last")
        }
        return (from?.iso, to?.iso)
    }

    /// Problems for fields this kind does not have (JSON records; a CSV header is checked once).
    func unknownFields(allowed: [String]) -> [CatalogProblem] {
        let known = Set(allowed.map(CatalogFile.normalise))
        return row.fields.filter { !known.contains($0.key) }.map(\.value.spelled).sorted().map {
            CatalogProblem(
                file: file, location: location, field: $0, reason: .unknownField,
                detail: "is not a field of this catalogue (its fields: \(allowed.joined(separator: ", ")))")
        }
    }
}
