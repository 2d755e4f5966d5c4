import Foundation
import GRDB

/// An agency of the e-identifier catalogue (mã định danh điện tử cơ quan, DOMAIN.md §3.2). An agency that took
/// over others (a merger of wards in 2025) names them in `predecessors`.
public struct CatalogAgency: CatalogEntry {
    public static let databaseTableName = "agency"

    /// The e-identifier `DDD.DD.DD.XDD`.
    public var code: String
    public var name: String
    /// `tinh` (provincial People's Committee), `so` (department), `huyen` (historical), `xa`, `bo` (ministry) or `khac`.
    public var level: String?
    public var parentCode: String?
    /// The national portal's own agency id (e.g. `H56.12`), which is not an e-identifier.
    public var portalAgencyId: String?
    /// The administrative unit the agency serves.
    public var adminUnitCode: String?
    /// The agencies this one took over, each ended the day before a day this one is valid.
    public var predecessors: [String]
    public var validFrom: String?
    public var validTo: String?
    public var sourceVersion: String?
    public var importedAt: Date

    static let kind = CatalogKind.agencies
    static let fieldNames = ["code", "name", "level", "parentCode", "portalAgencyId", "adminUnitCode", "predecessors"] + commonFieldNames
    static let requiredFieldNames = ["code", "name"]
    static var indexPath: WritableKeyPath<CatalogIndex, [String: CatalogAgency]> { \.agencies }
    static let listColumns = ["code", "name", "level", "parent", "unit", "predecessors", "valid"]
    var key: String { code }
    var listValues: [String] {
        [code, name, level ?? "", parentCode ?? "", adminUnitCode ?? "", predecessors.joined(separator: ";"), CatalogText.validity(validFrom, validTo)]
    }

    init(_ reader: inout CatalogRowReader, importedAt: Date) throws(CatalogProblem) {
        guard let code = try reader.code("code", as: AgencyCode.self) else { throw reader.problem("code", .missingField, "is required and empty or missing") }
        reader.identify(code.rawValue)
        self.code = code.rawValue
        name = try reader.required("name")
        level = try reader.choice(
            "level", ["tinh": "tinh", "so": "so", "huyen": "huyen", "xa": "xa", "phuong": "xa", "thitran": "xa", "bo": "bo",
                      "khac": "khac"])
        parentCode = try reader.code("parentCode", as: AgencyCode.self)?.rawValue
        if let portal = try reader.text("portalAgencyId") {
            let groups = portal.split(separator: ".", omittingEmptySubsequences: false)
            guard let first = groups.first, first.count == 3, let letter = first.first, letter.isASCII, letter.isUppercase,
                  CodeText.isDigits(first.dropFirst()), groups.dropFirst().allSatisfy({ CodeText.isDigits($0) }) else {
                throw reader.problem(
                    "portalAgencyId", .badCode,
                    "\"\(portal)\" is not a portal agency id: a letter and two digits, then dot-separated numbers (e.g. H56.12)")
            }
            portalAgencyId = portal
        }
        if let unit = try reader.text("adminUnitCode") {
            guard CodeText.isDigits(unit), [2, 3, 5].contains(unit.count) else {
                throw reader.problem("adminUnitCode", .badCode, "\"\(unit)\" is not a GSO unit code (2, 3 or 5 digits)")
            }
            adminUnitCode = unit
        }
        predecessors = try reader.codes("predecessors", as: AgencyCode.self)
        (validFrom, validTo) = try reader.validity()
        sourceVersion = try reader.text("sourceVersion")
        self.importedAt = importedAt
    }

    func check(_ index: CatalogIndex, _ reader: CatalogRowReader) -> [CatalogProblem] {
        var problems = CatalogLinks.checkParent(
            self, parent: parentCode, validTo: validTo, index: index.agencies, parentOf: \.parentCode, validToOf: \.validTo, reader: reader,
            what: "agency")
        if let unit = adminUnitCode, let missing = index.missing(\.adminUnits, unit, field: "adminUnitCode", in: reader, what: "administrative unit") {
            problems.append(missing)
        }
        problems += CatalogLinks.checkPredecessors(
            self, predecessors: predecessors, validFrom: validFrom, validTo: validTo, index: index.agencies, validToOf: \.validTo, reader: reader,
            what: "agency")
        return problems
    }
}
