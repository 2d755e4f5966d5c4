import Foundation

/// Where in a catalogue file a problem is: a CSV line, or a JSON record (0-based index) with its key when known.
public enum CatalogLocation: Sendable, Equatable, CustomStringConvertible {
    /// 1-based line of a CSV file (the header is line 1).
    case line(Int)
    /// 1-based position of a record in a JSON file, with the record's key (`1.001193`) when it has one.
    case record(Int, key: String?)

    public var description: String {
        switch self {
        case .line(let n): "line \(n)"
        case .record(let n, let key): "record \(n)" + (key.map { " (\($0))" } ?? "")
        }
    }
}

/// One thing wrong with a catalogue file, naming the file, the line or record, the field and the cause.
public struct CatalogProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// The machine-readable cause.
    public enum Reason: String, Sendable, Equatable {
        /// The file cannot be read, or is not the CSV or JSON it claims to be.
        case unreadable
        /// The file's shape is wrong: no header column for a required field, not an array of objects, …
        case structure
        /// A field the kind does not have (a typo, usually).
        case unknownField = "unknown-field"
        /// A required field is empty or absent.
        case missingField = "missing-field"
        /// A code does not follow its format (DOMAIN.md §3).
        case badCode = "bad-code"
        /// A value that is not what the field takes (a number, yes/no, one of a list).
        case badValue = "bad-value"
        /// Not a real `yyyy-MM-dd` date.
        case badDate = "bad-date"
        /// `validFrom` is after `validTo`.
        case dateOrder = "date-order"
        /// The same key twice in one file.
        case duplicate
        /// A code that should name an entry of the catalogue (in the file or already loaded) names none.
        case unknownReference = "unknown-reference"
        /// A predecessor link that cannot be: the unit itself, one still valid, or one whose end does not meet this unit.
        case predecessor
        /// A parent that cannot be: the entry itself, a loop, or one of the wrong level.
        case parent
    }

    /// The file's name as given.
    public var file: String
    /// The line or record; nil for a problem of the whole file.
    public var location: CatalogLocation?
    /// The field (column or key) as spelled in the file; nil when the problem is the record's or the file's.
    public var field: String?
    public var reason: Reason
    /// Cause and fix, one sentence without the location (the description adds it).
    public var detail: String

    public init(file: String, location: CatalogLocation?, field: String?, reason: Reason, detail: String) {
        self.file = file
        self.location = location
        self.field = field
        self.reason = reason
        self.detail = detail
    }

    /// `agencies.csv line 4, parentCode: "000.00.99.H56" names no agency …`.
    public var description: String {
        var place = file
        if let location { place += " \(location)" }
        if let field { place += ", \(field)" }
        return "\(place): \(detail)"
    }
}

/// Why an import changed nothing: every problem found in the file, or a failure of the database.
public enum CatalogError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file is invalid; nothing of it was imported. At least one problem, in file order.
    case invalid([CatalogProblem])
    /// The warehouse database failed.
    case database(String)

    /// The problems of an invalid file (empty for a database failure).
    public var problems: [CatalogProblem] {
        if case .invalid(let problems) = self { return problems }
        return []
    }

    /// One problem per line.
    public var description: String {
        switch self {
        case .invalid(let problems): problems.map(\.description).joined(separator: "\n")
        case .database(let why): "database error: \(why)"
        }
    }
}
