import Foundation
import GRDB

/// A result type of the national catalogue (mã kết quả `KQ.*`, DOMAIN.md §3.3, §9.1).
public struct CatalogResultType: CatalogEntry {
    public static let databaseTableName = "resultType"

    public var code: String
    public var name: String
    /// How long a result of this type is valid from its issue, in months; nil: permanent (or not stated).
    public var validityMonths: Int?
    /// The document type the warehouse classifies a scan of this result as (e.g. `birth-certificate`), if it has one.
    public var docType: String?
    /// `basic` or `sensitive` (criminal records, …: Decree 356/2025 Art. 4).
    public var sensitivity: String
    public var validFrom: String?
    public var validTo: String?
    public var sourceVersion: String?
    public var importedAt: Date

    static let kind = CatalogKind.resultTypes
    static let fieldNames = ["code", "name", "validityMonths", "docType", "sensitivity"] + commonFieldNames
    static let requiredFieldNames = ["code", "name"]
    static var indexPath: WritableKeyPath<CatalogIndex, [String: CatalogResultType]> { \.resultTypes }
    static let listColumns = ["code", "name", "validity", "docType", "valid"]
    var key: String { code }
    var listValues: [String] {
        [code, name, validityMonths.map { "\($0) months" } ?? "permanent", docType ?? "", CatalogText.validity(validFrom, validTo)]
    }

    func check(_ index: CatalogIndex, _ reader: CatalogRowReader) -> [CatalogProblem] { [] }
}

// The reader's init in an extension keeps the memberwise one.
extension CatalogResultType {
    init(_ reader: inout CatalogRowReader, importedAt: Date) throws(CatalogProblem) {
        guard let code = try reader.code("code", as: ResultTypeCode.self) else { throw reader.problem("code", .missingField, "is required and empty or missing") }
        reader.identify(code.rawValue)
        self.code = code.rawValue
        name = try reader.required("name")
        let months = try reader.text("validityMonths")
        if let months, ["permanent", "vinhvien"].contains(VietnameseFolding.fold(months).filter { !$0.isWhitespace }) {
            validityMonths = nil
        } else {
            validityMonths = try reader.int("validityMonths", in: 1...1200)
        }
        docType = try CatalogText.docType(reader, "docType")
        sensitivity = try reader.choice("sensitivity", ["basic": "basic", "sensitive": "sensitive"]) ?? "basic"
        (validFrom, validTo) = try reader.validity()
        sourceVersion = try reader.text("sourceVersion")
        self.importedAt = importedAt
    }
}
