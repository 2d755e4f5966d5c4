import Foundation

/// The catalogues `warehouse catalog import` loads (DOMAIN.md §9.1), named as on the command line.
public enum CatalogKind: String, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// National procedure codes (mã TTHC) with their provincial instance and main result type.
    case procedures
    /// The components a procedure asks for (thành phần hồ sơ) and what may stand for each.
    case components
    /// Result types of the national catalogue (mã kết quả `KQ.*`).
    case resultTypes = "result-types"
    /// Agency e-identifiers (mã định danh điện tử cơ quan), with predecessors after mergers.
    case agencies
    /// Administrative units (GSO codes), with predecessors after the 2025 mergers.
    case adminUnits = "admin-units"
    /// The generic code lists (GIOI_TINH, KENH, TRANG_THAI_HO_SO, …).
    case codeLists = "code-lists"

    public var description: String { rawValue }

    /// An order in which the kinds can be loaded into an empty warehouse: each kind only names
    /// entries of the kinds before it (and of its own).
    public static let loadOrder: [CatalogKind] = [.codeLists, .adminUnits, .agencies, .resultTypes, .procedures, .components]

    /// The kinds whose entries this kind's entries name, which must therefore be loaded first.
    public var dependsOn: [CatalogKind] {
        switch self {
        case .codeLists, .adminUnits, .resultTypes: []
        case .agencies: [.adminUnits]
        case .procedures: [.resultTypes, .codeLists]
        case .components: [.procedures, .resultTypes]
        }
    }
}
