import Foundation
import GRDB

/// A component a procedure asks for (thành phần hồ sơ quy định, DOMAIN.md §9.1 `component_spec`), and what may
/// stand for it: earlier results of the listed types, or filed documents of the listed document types. This is
/// what drives reuse at the desk (DESIGN.md §5).
public struct CatalogComponent: CatalogEntry {
    public static let databaseTableName = "componentSpec"

    public var procedureCode: String
    /// The component's code within the procedure (mã thành phần): letters, digits, `-` and `_`.
    public var code: String
    /// The component's name as the desk files it (the dossier's component of that name stands for it).
    public var name: String
    /// Whether every dossier of the procedure needs it (bắt buộc).
    public var required: Bool
    /// Its place in the procedure's list, from the order of the file.
    public var position: Int
    /// Originals and copies to hand in (số bản chính, số bản sao).
    public var originals: Int?
    public var copies: Int?
    /// Result types (`KQ.*`) whose results may stand for the component (mã kết quả thay thế).
    public var acceptsResultTypes: [String]
    /// Document types of the warehouse's classifier whose documents may stand for it (e.g. `cccd-front`).
    public var acceptsDocTypes: [String]
    /// The national warehouse's document code (mã giấy tờ kho quốc gia), if known.
    public var nationalCode: String?
    public var validFrom: String?
    public var validTo: String?
    public var sourceVersion: String?
    public var importedAt: Date

    static let kind = CatalogKind.components
    static let fieldNames =
        ["procedureCode", "code", "name", "required", "originals", "copies", "acceptsResultTypes", "acceptsDocTypes", "nationalCode"]
        + commonFieldNames
    static let requiredFieldNames = ["procedureCode", "code", "name"]
    static var indexPath: WritableKeyPath<CatalogIndex, [String: CatalogComponent]> { \.components }
    static let listColumns = ["procedure", "code", "name", "required", "accepts", "valid"]
    var key: String { Self.key(procedure: procedureCode, code: code) }
    var listValues: [String] {
        [procedureCode, code, name, required ? "yes" : "no", (acceptsResultTypes + acceptsDocTypes).joined(separator: ";"),
         CatalogText.validity(validFrom, validTo)]
    }

    static func key(procedure: String, code: String) -> String { "\(procedure)/\(code)" }

    /// Whether the component is in force on `day`.
    public func isValid(on day: CalendarDate) -> Bool {
        CatalogText.inForce(validFrom, validTo, on: day)
    }

    static func prepare(_ entries: inout [CatalogComponent]) {
        var count: [String: Int] = [:]
        for i in entries.indices {
            count[entries[i].procedureCode, default: 0] += 1
            entries[i].position = count[entries[i].procedureCode, default: 1]
        }
    }

    static func listedBefore(_ a: CatalogComponent, _ b: CatalogComponent) -> Bool {
        (a.procedureCode, a.position, a.code) < (b.procedureCode, b.position, b.code)
    }

    func check(_ index: CatalogIndex, _ reader: CatalogRowReader) -> [CatalogProblem] {
        var problems: [CatalogProblem] = []
        if let missing = index.missing(\.procedures, procedureCode, field: "procedureCode", in: reader, what: "procedure") {
            problems.append(missing)
        }
        for type in acceptsResultTypes {
            if let missing = index.missing(\.resultTypes, type, field: "acceptsResultTypes", in: reader, what: "result type") {
                problems.append(missing)
            }
        }
        return problems
    }
}

// The reader's init in an extension keeps the memberwise one.
extension CatalogComponent {
    init(_ reader: inout CatalogRowReader, importedAt: Date) throws(CatalogProblem) {
        guard let procedure = try reader.code("procedureCode", as: ProcedureCode.self) else {
            throw reader.problem("procedureCode", .missingField, "is required and empty or missing")
        }
        let code = try reader.required("code")
        guard code.count <= 40, code.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" || $0 == "_" }) else {
            throw reader.problem(
                "code", .badCode, "\"\(code)\" is not a component code: up to 40 letters, digits, - and _ (it becomes part of document codes)")
        }
        procedureCode = procedure.rawValue
        self.code = code
        reader.identify(Self.key(procedure: procedure.rawValue, code: code))
        name = try reader.required("name")
        required = try reader.bool("required") ?? true
        position = 0
        originals = try reader.int("originals", in: 0...99)
        copies = try reader.int("copies", in: 0...99)
        acceptsResultTypes = try reader.codes("acceptsResultTypes", as: ResultTypeCode.self)
        var docTypes: [String] = []
        for type in try reader.list("acceptsDocTypes") {
            guard DocumentType(rawValue: type) != nil else {
                throw reader.problem(
                    "acceptsDocTypes", .badValue, "\"\(type)\" is not a document type (\(DocumentType.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            if !docTypes.contains(type) { docTypes.append(type) }
        }
        acceptsDocTypes = docTypes
        nationalCode = try reader.text("nationalCode")
        (validFrom, validTo) = try reader.validity()
        sourceVersion = try reader.text("sourceVersion")
        self.importedAt = importedAt
    }
}
