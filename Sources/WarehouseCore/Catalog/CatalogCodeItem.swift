import Foundation
import GRDB

/// An item of one of the generic code lists of the national portal (DOMAIN.md §1, §9.1 `catalogue_item`).
public struct CatalogCodeItem: CatalogEntry {
    public static let databaseTableName = "codeListItem"

    /// The code lists the warehouse takes (DOMAIN.md §9.1).
    public static let lists = [
        "GIOI_TINH", "DAN_TOC", "TON_GIAO", "QUOC_GIA", "TINH_TRANG_HON_NHAN", "LINH_VUC", "CAP_THUC_HIEN", "KENH", "TRANG_THAI_HO_SO",
        "DOI_TUONG", "PHI_LE_PHI", "CAN_CU_PHAP_LY", "SU_KIEN", "QUAN_HE", "KET_QUA",
    ]

    /// The list, e.g. `KENH`.
    public var list: String
    public var code: String
    public var name: String
    /// An item of the same list above this one (a field's sector, …).
    public var parentCode: String?
    public var validFrom: String?
    public var validTo: String?
    public var sourceVersion: String?
    public var importedAt: Date

    static let kind = CatalogKind.codeLists
    static let fieldNames = ["list", "code", "name", "parentCode"] + commonFieldNames
    static let requiredFieldNames = ["list", "code", "name"]
    static var indexPath: WritableKeyPath<CatalogIndex, [String: CatalogCodeItem]> { \.codeItems }
    static let listColumns = ["list", "code", "name", "parent", "valid"]
    var key: String { Self.key(list: list, code: code) }
    var listValues: [String] { [list, code, name, parentCode ?? "", CatalogText.validity(validFrom, validTo)] }

    static func key(list: String, code: String) -> String { "\(list)/\(code)" }

    init(_ reader: inout CatalogRowReader, importedAt: Date) throws(CatalogProblem) {
        let list = try reader.required("list").uppercased()
        guard Self.lists.contains(list) else {
            throw reader.problem("list", .badValue, "\"\(list)\" is not a code list the warehouse takes (\(Self.lists.joined(separator: ", ")))")
        }
        let code = try reader.required("code")
        guard code.count <= 40, !code.contains(where: { $0.isWhitespace || $0 == "/" }) else {
            throw reader.problem("code", .badCode, "\"\(code)\" is not a code: up to 40 characters without spaces or /")
        }
        // The two lists whose codes the warehouse itself uses must agree with it (DOMAIN.md §6).
        if list == "KENH", Int(code).flatMap(SubmissionChannel.init(rawValue:)) == nil {
            throw reader.problem("code", .badCode, "\"\(code)\" is not a channel (1 trực tiếp, 2 trực tuyến, 3 bưu chính công ích)")
        }
        if list == "TRANG_THAI_HO_SO", Int(code).flatMap(DossierStatus.init(rawValue:)) == nil {
            throw reader.problem("code", .badCode, "\"\(code)\" is not a dossier status (1 to 10)")
        }
        self.list = list
        self.code = code
        reader.identify(Self.key(list: list, code: code))
        name = try reader.required("name")
        parentCode = try reader.text("parentCode")
        (validFrom, validTo) = try reader.validity()
        sourceVersion = try reader.text("sourceVersion")
        self.importedAt = importedAt
    }

    func check(_ index: CatalogIndex, _ reader: CatalogRowReader) -> [CatalogProblem] {
        guard let parent = parentCode else { return [] }
        if parent == code { return [reader.problem("parentCode", .parent, "an item cannot be its own parent")] }
        var seen: Set<String> = [code]
        var next: String? = parent
        while let current = next {
            guard let item = index.codeItems[Self.key(list: list, code: current)] else {
                return current == parent
                    ? [reader.problem("parentCode", .unknownReference, "\"\(parent)\" is not a code of the \(list) list in this file or in the catalogue")]
                    : []
            }
            guard seen.insert(current).inserted else {
                return [reader.problem("parentCode", .parent, "following parents from \"\(parent)\" leads back to \(code): a loop")]
            }
            next = item.parentCode
        }
        return []
    }
}
