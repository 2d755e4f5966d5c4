import Foundation

/// What an import did: every record of the file is inserted, updated or found unchanged.
public struct CatalogImportReport: Codable, Sendable, Equatable {
    public var file: String
    public var kind: CatalogKind
    public var records: Int
    public var inserted: Int
    public var updated: Int
    public var unchanged: Int

    /// False when the catalogue already held every record exactly as the file gives it.
    public var changed: Bool { inserted + updated > 0 }
}
