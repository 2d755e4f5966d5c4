import Foundation

/// Small helpers for the catalogue entries.
enum CatalogText {
    /// Whether an entry valid from `from` to `to` (yyyy-MM-dd, either open) is in force on `day`.
    static func inForce(_ from: String?, _ to: String?, on day: CalendarDate) -> Bool {
        (from.map { $0 <= day.iso } ?? true) && (to.map { $0 >= day.iso } ?? true)
    }

    /// `2025-07-01…`, `…2025-06-30`, `2024-01-01…2025-06-30`, or `always`.
    static func validity(_ from: String?, _ to: String?) -> String {
        if from == nil && to == nil { return "always" }
        return "\(from ?? "")…\(to ?? "")"
    }

    /// A document type of the warehouse's classifier (`DocumentType` raw value); nil when absent.
    static func docType(_ reader: CatalogRowReader, _ field: String) throws(CatalogProblem) -> String? {
        guard let value = try reader.text(field) else { return nil }
        guard DocumentType(rawValue: value) != nil else {
            throw reader.problem(field, .badValue, "\"\(value)\" is not a document type (\(DocumentType.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return value
    }
}
