import Foundation
import GRDB

extension WarehouseDatabase {
    // MARK: - Catalogue writes

    /// Imports one catalogue file of `kind`, all or nothing, in one transaction: every record is checked on its own
    /// (formats, dates) and against the catalogue as it will be (links to entries of this file or already loaded);
    /// any problem and nothing is written. Records equal to the stored ones are left alone, so importing the same
    /// file again changes nothing. Entries are never deleted: end one with `validTo`.
    public func importCatalog(_ file: CatalogFile, kind: CatalogKind, at now: Date = Date()) throws(CatalogError) -> CatalogImportReport {
        switch kind {
        case .procedures: try importEntries(CatalogProcedure.self, file, at: now)
        case .components: try importEntries(CatalogComponent.self, file, at: now)
        case .resultTypes: try importEntries(CatalogResultType.self, file, at: now)
        case .agencies: try importEntries(CatalogAgency.self, file, at: now)
        case .adminUnits: try importEntries(CatalogAdminUnit.self, file, at: now)
        case .codeLists: try importEntries(CatalogCodeItem.self, file, at: now)
        }
    }

    private func importEntries<E: CatalogEntry>(_ type: E.Type, _ file: CatalogFile, at now: Date) throws(CatalogError) -> CatalogImportReport {
        let parsed = try CatalogParser.parse(type, file, importedAt: now)
        do {
            return try writer.write { db in
                var index = try CatalogIndex.load(db, kinds: Set([E.kind] + E.kind.dependsOn))
                let stored = index[keyPath: E.indexPath]
                for (entry, _) in parsed { index[keyPath: E.indexPath][entry.key] = entry }
                let problems = parsed.flatMap { $0.entry.check(index, $0.reader) }
                guard problems.isEmpty else { throw CatalogError.invalid(problems) }
                var report = CatalogImportReport(file: file.name, kind: E.kind, records: parsed.count, inserted: 0, updated: 0, unchanged: 0)
                for (entry, _) in parsed {
                    var entry = entry
                    guard let old = stored[entry.key] else {
                        try entry.insert(db)
                        report.inserted += 1
                        continue
                    }
                    entry.importedAt = old.importedAt
                    if entry == old {
                        report.unchanged += 1
                    } else {
                        entry.importedAt = now
                        try entry.update(db)
                        report.updated += 1
                    }
                }
                return report
            }
        } catch let error as CatalogError {
            throw error
        } catch {
            throw .database("\(error)")
        }
    }
}

extension WarehouseDatabase {
    // MARK: - Catalogue reads

    /// Every entry of a catalogue, in key order.
    public func catalogListing(_ kind: CatalogKind) throws(StoreError) -> CatalogListing {
        switch kind {
        case .procedures: try listing(CatalogProcedure.self)
        case .components: try listing(CatalogComponent.self)
        case .resultTypes: try listing(CatalogResultType.self)
        case .agencies: try listing(CatalogAgency.self)
        case .adminUnits: try listing(CatalogAdminUnit.self)
        case .codeLists: try listing(CatalogCodeItem.self)
        }
    }

    private func listing<E: CatalogEntry>(_: E.Type) throws(StoreError) -> CatalogListing {
        let entries = try readDB { db in try E.fetchAll(db) }.sorted(by: E.listedBefore)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let json: Data
        do { json = try encoder.encode(entries) } catch { throw .database("cannot encode the \(E.kind) catalogue: \(error)") }
        return CatalogListing(kind: E.kind, columns: E.listColumns, rows: entries.map(\.listValues), json: json)
    }

    /// The components `procedure` asks for on `day`, with the result types they accept; nil when the catalogue
    /// has no component in force for it (the desk then offers the owner's documents without a spec, as before).
    public func componentRules(procedure: String, on day: CalendarDate = .todayInVietnam) throws(StoreError) -> ComponentRules? {
        try readDB { db in
            let components = try CatalogComponent.filter(Column("procedureCode") == procedure)
                .order(Column("position"), Column("code")).fetchAll(db)
                .filter { $0.isValid(on: day) }
            guard !components.isEmpty else { return nil }
            let codes = Set(components.flatMap(\.acceptsResultTypes))
            let types = try CatalogResultType.filter(codes.contains(Column("code"))).fetchAll(db)
            return ComponentRules(
                procedure: try CatalogProcedure.fetchOne(db, key: procedure), components: components,
                resultTypes: Dictionary(types.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a }))
        }
    }
}

extension WarehouseDatabase {
    /// The procedure `code` of the catalogue, with whether it is in force on `day`; nil when the catalogue does
    /// not have it. A desk opens dossiers only for procedures in force.
    public func catalogProcedure(_ code: String, on day: CalendarDate = .todayInVietnam) throws(StoreError) -> (CatalogProcedure, inForce: Bool)? {
        guard let procedure = try readDB({ db in try CatalogProcedure.fetchOne(db, key: code) }) else { return nil }
        return (procedure, CatalogText.inForce(procedure.validFrom, procedure.validTo, on: day))
    }
}
