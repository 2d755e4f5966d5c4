import Foundation
import GRDB

/// One entry of a catalogue: a row of its table, parsed from a file record and checked against the catalogue.
protocol CatalogEntry: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    static var kind: CatalogKind { get }
    /// The fields a record may have, canonical spelling (matched without case, `_`, `-`, spaces).
    static var fieldNames: [String] { get }
    /// The fields every record must have: a CSV header without one of them is refused at once.
    static var requiredFieldNames: [String] { get }
    /// Where the entries of this kind are in a ``CatalogIndex``.
    static var indexPath: WritableKeyPath<CatalogIndex, [String: Self]> { get }
    /// Column titles of `warehouse catalog list`.
    static var listColumns: [String] { get }

    /// The unique key, e.g. `1.001193`, `1.001193/TK-KS`, `KENH/2`.
    var key: String { get }
    /// When the row was last inserted or changed (not part of what an import compares).
    var importedAt: Date { get set }
    /// The values of `listColumns`.
    var listValues: [String] { get }

    /// Parses a record on its own (formats, dates); names it in the reader once its key is known.
    init(_ reader: inout CatalogRowReader, importedAt: Date) throws(CatalogProblem)

    /// What is wrong with the entry's links to other entries, `index` being the catalogue after the import.
    func check(_ index: CatalogIndex, _ reader: CatalogRowReader) -> [CatalogProblem]

    /// Sets what the file gives by the records' order (a procedure's components are listed in file order).
    static func prepare(_ entries: inout [Self])

    /// The order of `warehouse catalog list`.
    static func listedBefore(_ a: Self, _ b: Self) -> Bool
}

extension CatalogEntry {
    static var commonFieldNames: [String] { ["validFrom", "validTo", "sourceVersion"] }

    static func prepare(_ entries: inout [Self]) {}

    static func listedBefore(_ a: Self, _ b: Self) -> Bool { a.key < b.key }
}

/// The catalogue as it will be after an import: the entries already loaded, with the file's over them.
struct CatalogIndex {
    var agencies: [String: CatalogAgency] = [:]
    var adminUnits: [String: CatalogAdminUnit] = [:]
    var resultTypes: [String: CatalogResultType] = [:]
    var procedures: [String: CatalogProcedure] = [:]
    var components: [String: CatalogComponent] = [:]
    var codeItems: [String: CatalogCodeItem] = [:]

    /// Loads the kinds `kinds` from the database.
    static func load(_ db: Database, kinds: Set<CatalogKind>) throws -> CatalogIndex {
        var index = CatalogIndex()
        func load<E: CatalogEntry>(_ type: E.Type) throws {
            guard kinds.contains(E.kind) else { return }
            index[keyPath: E.indexPath] = Dictionary(try E.fetchAll(db).map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        }
        try load(CatalogAgency.self)
        try load(CatalogAdminUnit.self)
        try load(CatalogResultType.self)
        try load(CatalogProcedure.self)
        try load(CatalogComponent.self)
        try load(CatalogCodeItem.self)
        return index
    }

    /// A problem when `code` names no entry of `path`.
    func missing<E: CatalogEntry>(
        _ path: KeyPath<CatalogIndex, [String: E]>, _ code: String, field: String, in reader: CatalogRowReader, what: String
    ) -> CatalogProblem? {
        guard self[keyPath: path][code] == nil else { return nil }
        return reader.problem(
            field, .unknownReference,
            "\"\(code)\" names no \(what) in this file or in the catalogue; import the \(E.kind) catalogue first, or correct the code")
    }
}

// MARK: - Links shared by agencies and administrative units

/// Checks of parent and predecessor links between entries of one kind that have validity dates.
enum CatalogLinks {
    /// The parent must exist, not be the entry itself nor lead back to it, and must not end before the entry.
    static func checkParent<E: CatalogEntry>(
        _ entry: E, parent: String?, validTo: String?, index: [String: E], parentOf: (E) -> String?, validToOf: (E) -> String?,
        reader: CatalogRowReader, what: String
    ) -> [CatalogProblem] {
        guard let parent else { return [] }
        if parent == entry.key { return [reader.problem("parentCode", .parent, "an entry cannot be its own parent")] }
        guard let found = index[parent] else {
            return [
                reader.problem(
                    "parentCode", .unknownReference,
                    "\"\(parent)\" names no \(what) in this file or in the catalogue; add the parent first, or correct the code")
            ]
        }
        var seen: Set<String> = [entry.key]
        var next: String? = parent
        while let current = next, let e = index[current] {
            guard seen.insert(current).inserted else {
                return [reader.problem("parentCode", .parent, "following parents from \"\(parent)\" leads back to \(entry.key): a loop")]
            }
            next = parentOf(e)
        }
        if let parentEnd = validToOf(found), validTo.map({ $0 > parentEnd }) ?? true {
            return [
                reader.problem(
                    "parentCode", .parent,
                    "the parent \(parent) ends on \(parentEnd), but this entry \(validTo.map { "goes on to \($0)" } ?? "has no end"); give it a parent valid as long as it is")
            ]
        }
        return []
    }

    /// Each predecessor must exist, have ended, and end the day before a day on which this entry is valid
    /// (a merger: the old units end on 2025-06-30, the new one is valid on 2025-07-01). Dates make loops impossible.
    static func checkPredecessors<E: CatalogEntry>(
        _ entry: E, predecessors: [String], validFrom: String?, validTo: String?, index: [String: E], validToOf: (E) -> String?,
        reader: CatalogRowReader, what: String, sameLevel: ((E, E) -> String?)? = nil
    ) -> [CatalogProblem] {
        var problems: [CatalogProblem] = []
        for code in predecessors {
            if code == entry.key {
                problems.append(reader.problem("predecessors", .predecessor, "an entry cannot be its own predecessor"))
                continue
            }
            guard let old = index[code] else {
                problems.append(
                    reader.problem(
                        "predecessors", .unknownReference,
                        "\"\(code)\" names no \(what) in this file or in the catalogue; a predecessor must be loaded (with its validTo) before or with the entry that replaces it"))
                continue
            }
            guard let end = validToOf(old), let last = CalendarDate(iso: end) else {
                problems.append(
                    reader.problem(
                        "predecessors", .predecessor,
                        "the predecessor \(code) is still valid (it has no validTo); give it the last day before the merger"))
                continue
            }
            let next = last.adding(days: 1).iso
            if let validFrom, validFrom > next {
                problems.append(
                    reader.problem(
                        "predecessors", .predecessor,
                        "the predecessor \(code) ends on \(end), but this entry starts on \(validFrom): it must be valid on \(next), the day after"))
            } else if let validTo, validTo < next {
                problems.append(
                    reader.problem(
                        "predecessors", .predecessor,
                        "the predecessor \(code) ends on \(end), but this entry ends before that (\(validTo)): it must be valid on \(next), the day after"))
            } else if let why = sameLevel?(entry, old) {
                problems.append(reader.problem("predecessors", .predecessor, "the predecessor \(code) \(why)"))
            }
        }
        return problems
    }
}
