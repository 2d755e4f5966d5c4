import Foundation

/// Turns a catalogue file into checked entries of one kind.
enum CatalogParser {
    /// Every record parsed on its own, each with the reader that names it; all problems of the file at once.
    static func parse<E: CatalogEntry>(_: E.Type, _ file: CatalogFile, importedAt: Date) throws(CatalogError) -> [(entry: E, reader: CatalogRowReader)] {
        var problems: [CatalogProblem] = []
        if let header = file.header {
            let known = Set(E.fieldNames.map(CatalogFile.normalise))
            for column in header where !column.isEmpty && !known.contains(CatalogFile.normalise(column)) {
                problems.append(
                    CatalogProblem(
                        file: file.name, location: .line(1), field: column, reason: .unknownField,
                        detail: "is not a field of the \(E.kind) catalogue (its fields: \(E.fieldNames.joined(separator: ", ")))"))
            }
            let given = Set(header.map(CatalogFile.normalise))
            for field in E.requiredFieldNames where !given.contains(CatalogFile.normalise(field)) {
                problems.append(
                    CatalogProblem(
                        file: file.name, location: .line(1), field: field, reason: .missingField,
                        detail: "the header has no such column; the \(E.kind) catalogue needs \(E.requiredFieldNames.joined(separator: ", "))"))
            }
            guard problems.isEmpty else { throw .invalid(problems) }
        }
        var parsed: [(entry: E, reader: CatalogRowReader)] = []
        var seen: [String: CatalogLocation] = [:]
        for row in file.rows {
            var reader = CatalogRowReader(file: file.name, row: row)
            do {
                let entry = try E(&reader, importedAt: importedAt)
                if file.header == nil { problems += reader.unknownFields(allowed: E.fieldNames) }
                if let first = seen[entry.key] {
                    problems.append(reader.problem(nil, .duplicate, "\(entry.key) is already given at \(first) of this file"))
                } else {
                    seen[entry.key] = reader.location
                    parsed.append((entry, reader))
                }
            } catch {
                problems.append(error)
                if file.header == nil { problems += reader.unknownFields(allowed: E.fieldNames) }
            }
        }
        if problems.isEmpty, parsed.isEmpty {
            problems.append(CatalogProblem(file: file.name, location: nil, field: nil, reason: .structure, detail: "has no records"))
        }
        guard problems.isEmpty else { throw .invalid(problems) }
        var entries = parsed.map(\.entry)
        E.prepare(&entries)
        return zip(entries, parsed).map { ($0, $1.reader) }
    }
}
