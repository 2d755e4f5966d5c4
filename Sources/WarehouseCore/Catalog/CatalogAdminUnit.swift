import Foundation
import GRDB

/// An administrative unit (đơn vị hành chính, GSO code): a province (2 digits), a district (3 digits; the level
/// was abolished on 2025-07-01, so districts are historical) or a commune (5 digits). A unit formed by a merger
/// names the units it replaced in `predecessors` (DOMAIN.md §0, §9.1).
public struct CatalogAdminUnit: CatalogEntry {
    public static let databaseTableName = "adminUnit"
    /// The levels, highest first, with the length of their codes.
    public static let levels: [(name: String, digits: Int)] = [("tinh", 2), ("huyen", 3), ("xa", 5)]

    public var code: String
    public var name: String
    /// `tinh` (province), `huyen` (district, historical) or `xa` (commune, ward, town).
    public var level: String
    public var parentCode: String?
    /// The units this one replaced (merged into it), each ended the day before this one was valid.
    public var predecessors: [String]
    /// yyyy-MM-dd, first and last day of validity; nil: open.
    public var validFrom: String?
    public var validTo: String?
    public var sourceVersion: String?
    public var importedAt: Date

    static let kind = CatalogKind.adminUnits
    static let fieldNames = ["code", "name", "level", "parentCode", "predecessors"] + commonFieldNames
    static let requiredFieldNames = ["code", "name"]
    static var indexPath: WritableKeyPath<CatalogIndex, [String: CatalogAdminUnit]> { \.adminUnits }
    static let listColumns = ["code", "name", "level", "parent", "predecessors", "valid"]
    var key: String { code }
    var listValues: [String] {
        [code, name, level, parentCode ?? "", predecessors.joined(separator: ";"), CatalogText.validity(validFrom, validTo)]
    }

    init(_ reader: inout CatalogRowReader, importedAt: Date) throws(CatalogProblem) {
        let code = try reader.required("code")
        guard CodeText.isDigits(code), let digits = Self.levels.first(where: { $0.digits == code.count }) else {
            throw reader.problem(
                "code", .badCode,
                "\"\(code)\" is not a GSO unit code: 2 digits for a province, 3 for a district, 5 for a commune (DOMAIN.md §3.5)")
        }
        reader.identify(code)
        let level = try reader.choice(
            "level", ["tinh": "tinh", "province": "tinh", "thanhpho": "tinh", "huyen": "huyen", "district": "huyen", "xa": "xa", "phuong": "xa",
                      "thitran": "xa", "commune": "xa", "ward": "xa"]) ?? digits.name
        guard level == digits.name else {
            throw reader.problem("level", .badValue, "a \(code.count)-digit code is of level \(digits.name), not \(level)")
        }
        self.code = code
        self.level = level
        name = try reader.required("name")
        parentCode = try reader.text("parentCode")
        predecessors = Self.uniqueCodes(try reader.list("predecessors"))
        if let bad = predecessors.first(where: { !CodeText.isDigits($0) || ![2, 3, 5].contains($0.count) }) {
            throw reader.problem("predecessors", .badCode, "\"\(bad)\" is not a GSO unit code (2, 3 or 5 digits)")
        }
        (validFrom, validTo) = try reader.validity()
        sourceVersion = try reader.text("sourceVersion")
        self.importedAt = importedAt
    }

    static func uniqueCodes(_ list: [String]) -> [String] {
        var out: [String] = []
        for code in list where !out.contains(code) { out.append(code) }
        return out
    }

    func check(_ index: CatalogIndex, _ reader: CatalogRowReader) -> [CatalogProblem] {
        var problems = CatalogLinks.checkParent(
            self, parent: parentCode, validTo: validTo, index: index.adminUnits, parentOf: \.parentCode, validToOf: \.validTo, reader: reader,
            what: "administrative unit")
        if problems.isEmpty, let parent = parentCode.flatMap({ index.adminUnits[$0] }), !Self.isAbove(parent.level, level) {
            problems.append(reader.problem("parentCode", .parent, "the parent \(parent.code) is a \(parent.level), not above a \(level)"))
        }
        problems += CatalogLinks.checkPredecessors(
            self, predecessors: predecessors, validFrom: validFrom, validTo: validTo, index: index.adminUnits, validToOf: \.validTo, reader: reader,
            what: "administrative unit",
            sameLevel: { new, old in new.level == old.level ? nil : "is a \(old.level): units merge with units of their own level (\(new.level))" })
        return problems
    }

    /// Provinces first, then districts, then communes; by code within a level.
    static func listedBefore(_ a: CatalogAdminUnit, _ b: CatalogAdminUnit) -> Bool {
        (a.code.count, a.code) < (b.code.count, b.code)
    }

    /// Whether level `upper` is above `lower` (a province above a district above a commune).
    static func isAbove(_ upper: String, _ lower: String) -> Bool {
        guard let u = levels.firstIndex(where: { $0.name == upper }), let l = levels.firstIndex(where: { $0.name == lower }) else { return false }
        return u < l
    }
}
