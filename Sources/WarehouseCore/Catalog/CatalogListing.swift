import Foundation

/// A catalogue as `warehouse catalog list` prints it: a table, and the entries as JSON.
public struct CatalogListing: Sendable {
    public var kind: CatalogKind
    public var columns: [String]
    public var rows: [[String]]
    /// The entries as a JSON array of objects, one per entry with its fields as keys (sorted), dates ISO 8601.
    public var json: Data
}

/// The components a procedure asks for, from the catalogue, and the result types they name.
public struct ComponentRules: Sendable {
    public var procedure: CatalogProcedure?
    /// In the procedure's order; only those valid on the day asked for.
    public var components: [CatalogComponent]
    /// Every result type the components accept, by code (those the catalogue knows).
    public var resultTypes: [String: CatalogResultType]
}
