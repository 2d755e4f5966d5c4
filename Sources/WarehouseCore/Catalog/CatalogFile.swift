import Foundation
import SwiftCSV

/// A value of one field as the file gives it, before the kind says what it means.
enum CatalogValue: Sendable, Equatable {
    /// A CSV cell, or a JSON string or number (numbers as written: `6`, `2.5`).
    case text(String)
    /// A JSON array of strings or numbers (in CSV, lists are one cell separated by `;`).
    case list([String])
    /// A JSON `true` or `false`.
    case bool(Bool)
}

/// One record of a catalogue file: its fields by normalised name (see ``CatalogFile/normalise(_:)``), and where it is.
struct CatalogRow: Sendable {
    /// A field as the file spells its name, and its value.
    struct Field: Sendable, Equatable {
        var spelled: String
        var value: CatalogValue
    }

    var location: CatalogLocation
    /// Normalised name → field. Empty CSV cells and JSON nulls are absent.
    var fields: [String: Field]
}

/// A catalogue file read into rows, CSV or JSON by its extension.
///
/// CSV: a header row naming the fields, one record per line after it (quoted values may hold commas and line
/// breaks), UTF-8 with or without a BOM; list fields separated by `;` in one cell. JSON: an array of objects, or an
/// object `{"sourceVersion": "…", "records": [ … ]}` whose `sourceVersion` applies to every record that gives none.
/// Field names match without regard to case, `_`, `-` or spaces: `valid_from`, `validFrom` and `Valid From` are one field.
public struct CatalogFile: Sendable {
    /// The format of a catalogue file.
    public enum Format: String, Sendable {
        case csv
        case json
    }

    /// The file's name as given (for messages).
    public let name: String
    public let format: Format
    let rows: [CatalogRow]
    /// A CSV file's header as spelled (nil for JSON): unknown or missing columns are reported once, at line 1.
    let header: [String]?

    /// Reads `url`: `.csv` or `.json`, UTF-8.
    public init(url: URL, name: String? = nil) throws(CatalogError) {
        let shown = name ?? url.path
        let format: Format
        switch url.pathExtension.lowercased() {
        case "csv": format = .csv
        case "json": format = .json
        default:
            throw .invalid([
                CatalogProblem(
                    file: shown, location: nil, field: nil, reason: .unreadable,
                    detail: "a catalogue file must be .csv or .json (by its extension), not \"\(url.pathExtension)\"")
            ])
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .invalid([
                CatalogProblem(file: shown, location: nil, field: nil, reason: .unreadable, detail: "cannot be read: \(error.localizedDescription)")
            ])
        }
        try self.init(data: data, format: format, name: shown)
    }

    /// Reads catalogue records from bytes of the given format; `name` is used in messages.
    public init(data: Data, format: Format, name: String) throws(CatalogError) {
        self.name = name
        self.format = format
        switch format {
        case .csv:
            guard let text = String(data: data, encoding: .utf8) else {
                throw .invalid([CatalogProblem(file: name, location: nil, field: nil, reason: .unreadable, detail: "is not UTF-8 text; save it as CSV UTF-8")])
            }
            (header, rows) = try Self.readCSV(text, name: name)
        case .json:
            header = nil
            rows = try Self.readJSON(data, name: name)
        }
    }

    /// The name a field is matched by: lower case without `_`, `-` and spaces.
    static func normalise(_ name: String) -> String {
        String(name.lowercased().filter { $0 != "_" && $0 != "-" && !$0.isWhitespace })
    }

    // MARK: - CSV

    private static func readCSV(_ raw: String, name: String) throws(CatalogError) -> ([String], [CatalogRow]) {
        // A BOM from spreadsheet programs would otherwise stick to the first column's name.
        let text = raw.hasPrefix("\u{FEFF}") ? String(raw.dropFirst()) : raw
        if let (line, detail) = quoteProblem(text) {
            throw .invalid([CatalogProblem(file: name, location: .line(line), field: nil, reason: .unreadable, detail: detail)])
        }
        let csv: CSV<Enumerated>
        do {
            csv = try CSV<Enumerated>(string: text, delimiter: .comma, loadColumns: false)
        } catch {
            throw .invalid([CatalogProblem(file: name, location: nil, field: nil, reason: .unreadable, detail: "is not valid CSV: \(error)")])
        }
        let header = csv.header.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard header.contains(where: { !$0.isEmpty }) else {
            throw .invalid([CatalogProblem(file: name, location: .line(1), field: nil, reason: .structure, detail: "the header row is empty; it names the fields")])
        }
        let lines = recordLines(text)
        var rows: [CatalogRow] = []
        var problems: [CatalogProblem] = []
        for (i, cells) in csv.rows.enumerated() {
            // Row i of the data is record i + 1 of the text (record 0 is the header).
            let line = i + 1 < lines.count ? lines[i + 1] : i + 2
            if cells.allSatisfy({ $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) { continue }
            if cells.count > header.count, cells[header.count...].contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                problems.append(
                    CatalogProblem(
                        file: name, location: .line(line), field: nil, reason: .structure,
                        detail: "the line has more values than the header has columns (\(header.count)); put a value holding a comma in double quotes"))
                continue
            }
            var fields: [String: CatalogRow.Field] = [:]
            for (column, cell) in zip(header, cells) where !column.isEmpty {
                let value = cell.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !value.isEmpty else { continue }
                fields[normalise(column)] = CatalogRow.Field(spelled: column, value: .text(value.precomposedStringWithCanonicalMapping))
            }
            rows.append(CatalogRow(location: .line(line), fields: fields))
        }
        var seen: [String: String] = [:]
        for column in header where !column.isEmpty {
            if let earlier = seen[normalise(column)] {
                problems.append(
                    CatalogProblem(
                        file: name, location: .line(1), field: column, reason: .structure,
                        detail: "the header names this field twice (also as \"\(earlier)\")"))
            }
            seen[normalise(column)] = column
        }
        guard problems.isEmpty else { throw .invalid(problems) }
        return (header, rows)
    }

    /// The first misplaced double quote, with its line: SwiftCSV refuses some (without saying where) and takes a
    /// quote left open at the end of the file as the end of the value, silently. The same states as its parser.
    static func quoteProblem(_ text: String) -> (line: Int, detail: String)? {
        var line = 1
        var openedOn = 1
        var atStart = true
        var inField = false
        var quoted = false
        var pendingQuote = false
        let stray = "a double quote inside a value must be doubled (\"\"), and the value put in double quotes"
        for character in text {
            if atStart {
                if character == "\"" {
                    atStart = false
                    quoted = true
                    openedOn = line
                } else if character != "," && !character.isNewline && !character.isWhitespace {
                    atStart = false
                    inField = true
                }
            } else if inField {
                if pendingQuote {
                    guard character == "\"" else { return (line, stray) }
                    pendingQuote = false
                } else if character == "\"" {
                    pendingQuote = true
                } else if character == "," || character.isNewline {
                    atStart = true
                    inField = false
                }
            } else if quoted {
                if pendingQuote {
                    if character == "\"" {
                        pendingQuote = false
                    } else if character == "," || character.isNewline {
                        atStart = true
                        quoted = false
                        pendingQuote = false
                    } else if !character.isWhitespace {
                        return (line, stray)
                    }
                } else if character == "\"" {
                    pendingQuote = true
                }
            }
            if character.isNewline { line += 1 }
        }
        if inField && pendingQuote { return (line, stray) }
        if quoted && !pendingQuote { return (openedOn, "the double quote that opens a value on this line is never closed") }
        return nil
    }

    /// The 1-based line on which each CSV record starts (record 0 is the header): a line break inside
    /// double quotes belongs to the value, not to the file's structure.
    static func recordLines(_ text: String) -> [Int] {
        var starts = [1]
        var line = 1
        var quoted = false
        for character in text {
            if character == "\"" { quoted.toggle() }
            if character.isNewline {
                line += 1
                if !quoted { starts.append(line) }
            }
        }
        return starts
    }

    // MARK: - JSON

    private static func readJSON(_ data: Data, name: String) throws(CatalogError) -> [CatalogRow] {
        let top: JSONValue
        do {
            top = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw .invalid([CatalogProblem(file: name, location: nil, field: nil, reason: .unreadable, detail: "is not valid JSON: \(Self.reason(error))")])
        }
        var sourceVersion: String?
        let records: [JSONValue]
        if case .array(let array) = top {
            records = array
        } else if case .object(let object) = top, case .array(let array)? = object["records"] {
            records = array
            if let extra = object.keys.filter({ $0 != "records" && normalise($0) != "sourceversion" }).sorted().first {
                throw .invalid([
                    CatalogProblem(
                        file: name, location: nil, field: extra, reason: .unknownField,
                        detail: "the file's object takes only \"records\" and \"sourceVersion\"")
                ])
            }
            if let key = object.keys.first(where: { normalise($0) == "sourceversion" }) {
                guard case .string(let version)? = object[key] else {
                    throw .invalid([CatalogProblem(file: name, location: nil, field: key, reason: .badValue, detail: "must be a string")])
                }
                sourceVersion = version
            }
        } else {
            throw .invalid([
                CatalogProblem(
                    file: name, location: nil, field: nil, reason: .structure,
                    detail: "a JSON catalogue is an array of objects, or an object with a \"records\" array")
            ])
        }
        var rows: [CatalogRow] = []
        var problems: [CatalogProblem] = []
        for (i, record) in records.enumerated() {
            let location = CatalogLocation.record(i + 1, key: nil)
            guard case .object(let object) = record else {
                problems.append(CatalogProblem(file: name, location: location, field: nil, reason: .structure, detail: "is not a JSON object"))
                continue
            }
            var fields: [String: CatalogRow.Field] = [:]
            var bad = false
            for (key, raw) in object.sorted(by: { $0.key < $1.key }) {
                if let earlier = fields[normalise(key)] {
                    problems.append(
                        CatalogProblem(
                            file: name, location: location, field: key, reason: .structure,
                            detail: "the record gives this field twice (also as \"\(earlier.spelled)\")"))
                    bad = true
                    continue
                }
                switch raw.fieldValue {
                case .some(.some(let value)): fields[normalise(key)] = CatalogRow.Field(spelled: key, value: value)
                case .some(.none): continue
                case .none:
                    problems.append(
                        CatalogProblem(
                            file: name, location: location, field: key, reason: .badValue,
                            detail: "must be a string, a number, true/false, null or an array of strings; nested objects are not taken"))
                    bad = true
                }
            }
            if let sourceVersion, fields["sourceversion"] == nil {
                fields["sourceversion"] = CatalogRow.Field(spelled: "sourceVersion", value: .text(sourceVersion))
            }
            if !bad { rows.append(CatalogRow(location: location, fields: fields)) }
        }
        guard problems.isEmpty else { throw .invalid(problems) }
        return rows
    }

    /// What JSONDecoder says is wrong, without Swift's type names.
    private static func reason(_ error: any Error) -> String {
        guard case DecodingError.dataCorrupted(let context) = error else { return "\(error)" }
        if let underlying = context.underlyingError { return "\(context.debugDescription) \((underlying as NSError).localizedDescription)" }
        return context.debugDescription
    }
}

/// Any JSON value, decoded without losing which kind it was (a number is never taken for true/false).
private enum JSONValue: Decodable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let b = try? container.decode(Bool.self) {
            self = .bool(b)
        } else if let i = try? container.decode(Int.self) {
            self = .number(String(i))
        } else if let d = try? container.decode(Double.self) {
            self = .number(String(d))
        } else if let s = try? container.decode(String.self) {
            self = .string(s)
        } else if let a = try? container.decode([JSONValue].self) {
            self = .array(a)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// As a field's value: nil when it cannot be one (an object, an array of non-strings), `.some(nil)` for null and blanks.
    var fieldValue: CatalogValue?? {
        switch self {
        case .null: return .some(nil)
        case .bool(let b): return .bool(b)
        case .number(let n): return .text(n)
        case .string(let s):
            let value = s.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
            return value.isEmpty ? .some(nil) : .text(value)
        case .array(let elements):
            var items: [String] = []
            for element in elements {
                switch element {
                case .string(let s): items.append(s.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping)
                case .number(let n): items.append(n)
                default: return nil
                }
            }
            return .list(items.filter { !$0.isEmpty })
        case .object: return nil
        }
    }
}