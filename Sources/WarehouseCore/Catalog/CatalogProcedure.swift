import Foundation
import GRDB

/// An administrative procedure (thủ tục hành chính) of the national database (DOMAIN.md §3.3, §9.1).
public struct CatalogProcedure: CatalogEntry {
    public static let databaseTableName = "procedure"

    /// The national code `^[123]\.\d{6}$`.
    public var code: String
    public var name: String
    /// The provincial instance code `{code}.{agency code}[.NN]`, e.g. `1.001193.000.00.00.H56`.
    public var localCode: String?
    /// The field (lĩnh vực): a code of the `LINH_VUC` code list.
    public var fieldCode: String?
    /// The time the law gives to settle a dossier, and whether it counts working or calendar days.
    public var processingDays: Int?
    /// `working` or `calendar`; set when `processingDays` is.
    public var processingDayUnit: String?
    /// The result the procedure issues (mã kết quả chính).
    public var mainResultType: String?
    public var validFrom: String?
    public var validTo: String?
    public var sourceVersion: String?
    public var importedAt: Date

    static let kind = CatalogKind.procedures
    static let fieldNames =
        ["code", "name", "localCode", "fieldCode", "processingDays", "processingDayUnit", "mainResultType"] + commonFieldNames
    static let requiredFieldNames = ["code", "name"]
    static var indexPath: WritableKeyPath<CatalogIndex, [String: CatalogProcedure]> { \.procedures }
    static let listColumns = ["code", "name", "result", "time", "valid"]
    var key: String { code }
    var listValues: [String] {
        [code, name, mainResultType ?? "", processingDays.map { "\($0) \(processingDayUnit ?? "working") days" } ?? "",
         CatalogText.validity(validFrom, validTo)]
    }

    init(_ reader: inout CatalogRowReader, importedAt: Date) throws(CatalogProblem) {
        guard let code = try reader.code("code", as: ProcedureCode.self) else { throw reader.problem("code", .missingField, "is required and empty or missing") }
        reader.identify(code.rawValue)
        self.code = code.rawValue
        name = try reader.required("name")
        if let local = try reader.text("localCode") {
            guard Self.isLocalCode(local, of: code.rawValue) else {
                throw reader.problem(
                    "localCode", .badCode,
                    "\"\(local)\" is not a provincial instance of \(code.rawValue): the national code, a dot, the agency code, and an optional .NN (e.g. \(code.rawValue).000.00.00.H56)")
            }
            localCode = local.uppercased()
        }
        fieldCode = try reader.text("fieldCode")
        processingDays = try reader.int("processingDays", in: 0...3650)
        processingDayUnit = try reader.choice(
            "processingDayUnit", ["working": "working", "workingdays": "working", "ngaylamviec": "working", "lamviec": "working",
                                  "calendar": "calendar", "calendardays": "calendar", "ngay": "calendar"])
        if processingDayUnit != nil, processingDays == nil {
            throw reader.problem("processingDayUnit", .badValue, "is given without processingDays")
        }
        if processingDays != nil, processingDayUnit == nil { processingDayUnit = "working" }
        mainResultType = try reader.code("mainResultType", as: ResultTypeCode.self)?.rawValue
        (validFrom, validTo) = try reader.validity()
        sourceVersion = try reader.text("sourceVersion")
        self.importedAt = importedAt
    }

    /// `1.001193.000.00.00.H56` or `2.000815.000.00.00.H55.02` for `code`.
    static func isLocalCode(_ local: String, of code: String) -> Bool {
        let upper = local.uppercased()
        guard upper.hasPrefix(code + ".") else { return false }
        let rest = upper.dropFirst(code.count + 1)
        let agency = String(rest.prefix(13))
        guard AgencyCode.matches(agency) else { return false }
        let suffix = rest.dropFirst(13)
        return suffix.isEmpty || (suffix.first == "." && (1...3).contains(suffix.count - 1) && CodeText.isDigits(suffix.dropFirst()))
    }

    func check(_ index: CatalogIndex, _ reader: CatalogRowReader) -> [CatalogProblem] {
        var problems: [CatalogProblem] = []
        if let result = mainResultType, let missing = index.missing(\.resultTypes, result, field: "mainResultType", in: reader, what: "result type") {
            problems.append(missing)
        }
        if let field = fieldCode, index.codeItems[CatalogCodeItem.key(list: "LINH_VUC", code: field)] == nil {
            problems.append(
                reader.problem(
                    "fieldCode", .unknownReference,
                    "\"\(field)\" is not a code of the LINH_VUC code list; import that list first (--kind code-lists), or correct the code"))
        }
        return problems
    }
}
