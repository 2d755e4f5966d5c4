import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#endif

/// The metadata store: the one place that knows SQL. Every method is one transaction.
///
/// The pipeline and the front ends use it through these methods only; a PostgreSQL store for
/// a province-wide deployment implements the same `MetadataStore` protocol.
public final class WarehouseDatabase: MetadataStore, Sendable {
    let writer: any DatabaseWriter
    /// The access log lives in its own file: a busy service appends to it on every read, and keeping those
    /// commits out of the warehouse file keeps the readers' page caches of the warehouse warm.
    let logWriter: any DatabaseWriter
    /// A connection of its own whose `PRAGMA data_version` tells whether any other connection, in this
    /// process or another (`warehouse ingest`, `revoke`, a backfill), committed to the warehouse file.
    private let versionReader: DatabaseQueue?
    /// The working calendar and clock-stop rules behind every due date the warehouse records.
    public let lifecycle: DossierLifecycle
    /// The warehouse file, for messages.
    let path: String

    /// Opens (creating and migrating as needed) the SQLite file at `url`, in WAL mode, and its access log
    /// beside it (`{name}-access-log.sqlite`). Due dates follow `lifecycle` (`StorageLayout.dossierLifecycle()`
    /// reads the warehouse's own calendar file).
    public init(url: URL, lifecycle: DossierLifecycle = .standard) throws(StoreError) {
        self.lifecycle = lifecycle
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(30)
        config.label = "warehouse"
        let logURL = Self.accessLogURL(for: url)
        path = url.path
        do {
            writer = try DatabasePool(path: url.path, configuration: config)
            try Migrations.migrator.migrate(writer)
            var readOnly = config
            readOnly.readonly = true
            readOnly.label = "warehouse-version"
            versionReader = try DatabaseQueue(path: url.path, configuration: readOnly)
        } catch {
            if let failure = StorageFailure(sqlite: error, path: url.path) { throw .storage(failure) }
            throw .database("cannot open the warehouse database \(url.path): \(error)")
        }
        do {
            config.label = "access-log"
            logWriter = try DatabasePool(path: logURL.path, configuration: config)
            try Migrations.accessLogMigrator.migrate(logWriter)
            try Self.moveLegacyAccessLog(from: writer, to: logWriter)
        } catch {
            if let failure = StorageFailure(sqlite: error, path: logURL.path) { throw .storage(failure) }
            throw .database("cannot open the access log \(logURL.path): \(error)")
        }
    }

    /// An in-memory database, for tests that need no files.
    public init(lifecycle: DossierLifecycle = .standard) throws(StoreError) {
        self.lifecycle = lifecycle
        path = ":memory:"
        do {
            writer = try DatabaseQueue()
            try Migrations.migrator.migrate(writer)
            versionReader = nil
            logWriter = try DatabaseQueue()
            try Migrations.accessLogMigrator.migrate(logWriter)
            try Self.moveLegacyAccessLog(from: writer, to: logWriter)
        } catch {
            throw .database("\(error)")
        }
    }

    /// A number that changes whenever anything is committed to the warehouse file (not its access log), by
    /// any process; nil for an in-memory database, whose changes cannot be told apart this way.
    /// Cheap (no transaction, a cached statement): meant to validate caches on every request.
    public func dataVersion() -> Int64? {
        try? versionReader?.inDatabase { db in try Int64.fetchOne(db.cachedStatement(sql: "PRAGMA data_version")) }
    }

    /// The access-log file that goes with the warehouse file at `url`.
    public static func accessLogURL(for url: URL) -> URL {
        url.deletingLastPathComponent().appendingPathComponent(url.deletingPathExtension().lastPathComponent + "-access-log.sqlite")
    }

    /// Warehouses made before the access log had its own file kept it in the `accessLog` table: copy the
    /// entries over (ids and hashes unchanged, so the chain still verifies), then drop the old table.
    /// A copy cut short is finished on the next open: the old table goes only once its last entry is in the new file.
    static func moveLegacyAccessLog(from main: any DatabaseWriter, to log: any DatabaseWriter) throws {
        guard try main.read({ try $0.tableExists("accessLog") }) else { return }
        let legacy = try main.read { db in try AccessLogEntry.order(Column("id")).fetchAll(db) }
        try log.write { db in
            for entry in legacy where try !AccessLogEntry.exists(db, key: entry.id) {
                try entry.insert(db)
            }
        }
        let last = legacy.last
        let copied = try log.read { db in try last.map { try AccessLogEntry.fetchOne(db, key: $0.id) == $0 } ?? true }
        guard copied else { return }
        try main.write { db in try db.drop(table: "accessLog") }
    }

    private func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        try readDB(body)
    }

    private func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        try writeDB(body)
    }

    func readDB<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try writer.read(body) } catch { throw storeError(error) }
    }

    func readLog<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try logWriter.read(body) } catch { throw storeError(error) }
    }

    func writeDB<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try writer.write(body) } catch let e as StoreError { throw e } catch { throw storeError(error) }
    }

    /// A database error as the store reports it: the file system's refusals (full, read-only) apart.
    func storeError(_ error: any Error) -> StoreError {
        if let failure = StorageFailure(sqlite: error, path: path) { return .storage(failure) }
        return .database("\(error)")
    }

    // MARK: - Reads for the pipeline

    public func blob(_ id: BlobID) throws(StoreError) -> BlobRecord? {
        try read { db in try BlobRecord.fetchOne(db, key: id.hex) }
    }

    public func pages(ofBlob id: BlobID) throws(StoreError) -> [PageRecord] {
        try read { db in
            try PageRecord.filter(Column("blobId") == id.hex).order(Column("number")).fetchAll(db)
        }
    }

    public func barcodes(ofBlob id: BlobID) throws(StoreError) -> [BarcodeRecord] {
        try read { db in
            try BarcodeRecord.filter(Column("blobId") == id.hex).order(Column("pageNumber"), Column("id")).fetchAll(db)
        }
    }

    /// The crop of a page's handwritten slot (PNG), when one was kept.
    public func slotCrop(blobId: String, page: Int, kind: HandwrittenSlot.Kind) throws(StoreError) -> Data? {
        try read { db in
            try SlotCropRecord.fetchOne(db, key: ["blobId": blobId, "pageNumber": page, "kind": kind.rawValue])?.png
        }
    }

    public func page(withPixelDigest digest: String) throws(StoreError) -> PageRecord? {
        try read { db in try PageRecord.filter(Column("pixelDigest") == digest).fetchOne(db) }
    }

    public func pages(near hash: UInt64, maxDistance: Int) throws(StoreError) -> [PageRecord] {
        try read { db in
            // SQLite has no popcount: scan the hashes (8 bytes a page) and compare here.
            var near: [(Int, String, Int)] = []
            let rows = try Row.fetchCursor(db, sql: "SELECT blobId, number, perceptualHash FROM page")
            while let row = try rows.next() {
                let distance = hammingDistance(hash, UInt64(bitPattern: row[2] as Int64))
                if distance <= maxDistance { near.append((distance, row[0], row[1])) }
            }
            return try near.sorted { $0.0 < $1.0 }.compactMap { _, blob, number in
                try PageRecord.fetchOne(db, key: ["blobId": blob, "number": number])
            }
        }
    }

    public func documents(containing blob: BlobID) throws(StoreError) -> [StoredDocument] {
        try read { db in
            let ids = try String.fetchAll(
                db, sql: "SELECT DISTINCT documentId FROM documentFile WHERE blobId = ? ORDER BY documentId", arguments: [blob.hex])
            return try ids.compactMap { id in try Self.storedDocument(db, id: id) }
        }
    }

    public func party(for identifier: OwnerIdentifier) throws(StoreError) -> Party? {
        try read { db in try Self.party(db, identifier) }
    }

    public func dossier(_ code: String) throws(StoreError) -> Dossier? {
        try read { db in try Dossier.fetchOne(db, key: code) }
    }

    private static func party(_ db: Database, _ identifier: OwnerIdentifier) throws -> Party? {
        try Party.fetchOne(
            db,
            sql: "SELECT party.* FROM party JOIN partyIdentifier i ON i.partyId = party.id WHERE i.kind = ? AND i.value = ?",
            arguments: [identifier.kind, identifier.value])
    }

    private static func storedDocument(_ db: Database, id: String) throws -> StoredDocument? {
        guard let doc = try DocumentRecord.fetchOne(db, key: id) else { return nil }
        let files = try DocumentFile.filter(Column("documentId") == id).order(Column("seq")).fetchAll(db)
        let fields = try FieldRecord.filter(Column("documentId") == id).order(Column("name")).fetchAll(db)
        let owner = try PartyIdentifier.filter(Column("partyId") == doc.ownerPartyId).order(Column("id")).fetchAll(db)
        let text = try String.fetchOne(db, sql: "SELECT text FROM searchExact WHERE documentId = ?", arguments: [id]) ?? ""
        return StoredDocument(document: doc, files: files, fields: fields, ownerIdentifiers: owner, text: text)
    }

    // MARK: - Writes

    /// Files one ingest: party, dossier, new blobs and pages, documents, fields, components, search
    /// text and provenance, all in one transaction. Returns the filing rows with document ids set.
    @discardableResult
    public func commit(_ batch: FilingBatch) throws(StoreError) -> [FilingRecord] {
        try write { db in
            let partyId = try Self.ensureParty(db, batch.owner, at: batch.at)
            if let dossier = batch.dossierCode {
                try Self.ensureDossier(db, dossier, batch: batch, partyId: partyId, lifecycle: lifecycle)
            }
            for blob in batch.blobs {
                // Another ingest may have filed the same bytes meanwhile: keep the first.
                guard try !blob.record.exists(db) else { continue }
                try blob.record.insert(db)
                for page in blob.pages { try page.insert(db) }
                for code in blob.barcodes { try code.insert(db) }
                for crop in blob.crops { try crop.insert(db) }
            }
            var filings = batch.filings
            var componentsAdded = false
            for filing in batch.documents {
                let documentId: String
                var reused = false
                if let existing = filing.existingDocumentId {
                    documentId = existing
                    reused = true
                    if filing.claimsFromArchive, let doc = try DocumentRecord.fetchOne(db, key: existing), doc.ownerUnassigned {
                        // The archive's paper goes to the owner the manifest names: its first filing in a dossier,
                        // digitised by the earlier run, not a paper taken from an earlier procedure.
                        _ = try Self.move(db, doc, to: batch.owner, by: batch.actor, at: batch.at, via: "manifest")
                        reused = false
                    }
                } else if var doc = filing.newDocument {
                    doc.ownerPartyId = partyId
                    doc.code = try Self.nextDocumentCode(db, owner: batch.owner.value, stem: filing.codeStem)
                    try doc.insert(db)
                    for file in filing.files { try file.insert(db) }
                    for field in filing.fields { try field.insert(db) }
                    try db.execute(sql: "INSERT INTO searchExact(documentId, text) VALUES (?, ?)", arguments: [doc.id, filing.text])
                    try db.execute(
                        sql: "INSERT INTO searchFolded(documentId, text) VALUES (?, ?)",
                        arguments: [doc.id, VietnameseFolding.fold(filing.text)])
                    documentId = doc.id
                } else {
                    continue
                }
                // The same paper filed again into the same dossier under the same name is one component.
                if let dossier = batch.dossierCode {
                    let already = try ComponentRecord
                        .filter(Column("dossierCode") == dossier && Column("documentId") == documentId
                            && Column("name") == filing.componentName)
                        .fetchCount(db)
                    if already == 0 {
                        let component = ComponentRecord(
                            id: nil, dossierCode: dossier, name: filing.componentName, documentId: documentId,
                            reused: reused, createdAt: batch.at, createdBy: batch.actor)
                        try component.insert(db)
                        componentsAdded = true
                    }
                }
                for i in filing.filingIndices { filings[i].documentId = documentId }
            }
            for i in filings.indices { try filings[i].insert(db) }
            // The portal learns of the new papers in the same transaction (docs/sync.md).
            if componentsAdded, let dossier = batch.dossierCode { try SyncOutbox.enqueueDossier(db, dossier: dossier) }
            return filings
        }
    }

    /// Records inputs that were quarantined before anything else could be filed.
    public func recordQuarantined(_ filings: [FilingRecord]) throws(StoreError) {
        try write { db in
            for filing in filings { try filing.insert(db) }
        }
    }

    static func ensureParty(_ db: Database, _ owner: OwnerIdentifier, at: Date) throws -> String {
        if let party = try party(db, owner) { return party.id }
        let party = Party(id: UUID().uuidString.lowercased(), kind: owner.partyKind, name: nil, createdAt: at)
        try party.insert(db)
        let identifier = PartyIdentifier(id: nil, partyId: party.id, kind: owner.kind, value: owner.value, verifiedVia: "input")
        try identifier.insert(db)
        return party.id
    }

    /// Creates the dossier on first filing; its owner (chủ hồ sơ) is the owner of that first filing.
    /// Later components may belong to other people (a child's birth certificate in a parent's
    /// dossier): each document keeps its own owner. A dossier first seen in a filing was accepted at
    /// the counter (status 2, channel 1) when its code says (`DossierIntake.defaultReceipt`).
    private static func ensureDossier(_ db: Database, _ code: String, batch: FilingBatch, partyId: String, lifecycle: DossierLifecycle) throws {
        guard let procedure = batch.procedureCode else {
            throw StoreError.conflict("dossier \(code) is filed without its procedure code")
        }
        if let existing = try Dossier.fetchOne(db, key: code) {
            if let conflict = Self.conflict(existing, procedure: procedure, agency: batch.agencyCode) {
                throw StoreError.conflict(conflict)
            }
            return
        }
        if let why = archiveOwnerConflict(batch.owner, dossier: code) { throw StoreError.conflict(why) }
        let intake = DossierIntake(
            code: try DossierCode(code), procedure: try ProcedureCode(procedure), agency: try AgencyCode(batch.agencyCode),
            owner: batch.owner, actor: batch.actor)
        try insertDossier(db, intake, ownerPartyId: partyId, now: batch.at, lifecycle: lifecycle)
    }

    /// Why `owner` cannot own `dossier`, or nil: an agency's own archive holds papers outside any dossier,
    /// and a dossier's owner (chủ hồ sơ) is the citizen or organisation it is for.
    public static func archiveOwnerConflict(_ owner: OwnerIdentifier, dossier: String) -> String? {
        guard owner.isAgencyArchive else { return nil }
        return "dossier \(dossier) cannot be owned by the archive of agency \(owner.value): an agency's archive holds papers outside any dossier; "
            + "give the citizen's or organisation's identifier"
    }

    /// Why filing into `dossier` for this procedure and agency would be wrong, or nil.
    public static func conflict(_ dossier: Dossier, procedure: String, agency: String) -> String? {
        if dossier.procedureCode != procedure {
            return "dossier \(dossier.code) is for procedure \(dossier.procedureCode), not \(procedure); check the dossier code or the procedure"
        }
        if dossier.agencyCode != agency {
            return "dossier \(dossier.code) was received by agency \(dossier.agencyCode), not \(agency); check the dossier code or the agency"
        }
        return nil
    }

    /// `{owner}.{stem}.{NN}`, NN counting the earlier codes with that prefix (DOMAIN.md §3.6). A code that a
    /// document had before it moved to another owner is never given again: it still finds that document.
    static func nextDocumentCode(_ db: Database, owner: String, stem: String) throws -> String {
        let prefix = "\(owner).\(stem)."
        let taken = Set(
            try String.fetchAll(
                db,
                sql: "SELECT code FROM document WHERE substr(code, 1, ?1) = ?2 UNION SELECT fromCode FROM ownerAssignment WHERE substr(fromCode, 1, ?1) = ?2",
                arguments: [prefix.count, prefix]))
        var n = taken.count + 1
        while taken.contains(prefix + String(format: "%02d", n)) { n += 1 }
        return prefix + String(format: "%02d", n)
    }

    // MARK: - Reads for people

    /// A document with its files, pages, fields, components and provenance; nil when unknown.
    /// `reference` is a document id, a document code, or a file's SHA-256 (or a unique prefix of 8+ hex digits).
    public func documentDetail(_ reference: String) throws(StoreError) -> DocumentDetail? {
        try read { db in
            var id: String? = try String.fetchOne(
                db,
                sql: "SELECT id FROM document WHERE id = ? OR code = ? UNION SELECT documentId FROM result WHERE resultCode = ?",
                arguments: [reference, reference, reference])
            if id == nil { id = try Self.documentId(db, formerCode: reference) }
            if id == nil, reference.count >= 8, reference.allSatisfy(\.isHexDigit) {
                id = try String.fetchOne(
                    db,
                    sql: "SELECT documentId FROM documentFile WHERE blobId LIKE ? || '%' ORDER BY documentId LIMIT 1",
                    arguments: [reference.lowercased()])
            }
            guard let id, let stored = try Self.storedDocument(db, id: id) else { return nil }
            var pages: [PageRecord] = []
            var blobs: [BlobRecord] = []
            for file in stored.files {
                if let blob = try BlobRecord.fetchOne(db, key: file.blobId) { blobs.append(blob) }
                pages += try PageRecord.filter(Column("blobId") == file.blobId).order(Column("number")).fetchAll(db)
            }
            let barcodes = try BarcodeRecord.filter(stored.files.map(\.blobId).contains(Column("blobId"))).fetchAll(db)
            let components = try ComponentRecord.filter(Column("documentId") == id).order(Column("id")).fetchAll(db)
            let dossiers = try Dossier.filter(components.map(\.dossierCode).contains(Column("code"))).fetchAll(db)
            let filings = try FilingRecord.filter(Column("documentId") == id).order(Column("id")).fetchAll(db)
            let results = try ResultRecord.filter(Column("documentId") == id).order(Column("issuedAt")).fetchAll(db)
            let assignments = try OwnerAssignmentRecord.filter(Column("documentId") == id).order(Column("id")).fetchAll(db)
            var owners: [String: String] = [:]
            for party in Set(assignments.flatMap { [$0.fromPartyId, $0.toPartyId] }) {
                owners[party] = try PartyIdentifier.filter(Column("partyId") == party).order(Column("id")).fetchOne(db).map { "\($0.kind) \($0.value)" }
            }
            return DocumentDetail(
                stored: stored, blobs: blobs, pages: pages, barcodes: barcodes, components: components, dossiers: dossiers,
                filings: filings, results: results, assignments: assignments, assignmentOwners: owners)
        }
    }

    /// Full-text search over OCR text: exact-diacritics matches first, then accent-folded ones.
    public func search(_ query: String, owner: OwnerIdentifier?, limit: Int) throws(StoreError) -> [SearchHit] {
        let terms = SearchQuery(query)
        guard !terms.isEmpty else { return [] }
        return try read { db in
            var ownerPartyId: String? = nil
            if let owner {
                guard let party = try Self.party(db, owner) else { return [] }
                ownerPartyId = party.id
            }
            func run(_ table: String, _ match: String) throws -> [(String, Double)] {
                var sql = "SELECT s.documentId, bm25(\(table)) FROM \(table) s"
                var args: [any DatabaseValueConvertible] = [match]
                if let ownerPartyId {
                    sql += " JOIN document d ON d.id = s.documentId WHERE \(table) MATCH ? AND d.ownerPartyId = ?"
                    args.append(ownerPartyId)
                } else {
                    sql += " WHERE \(table) MATCH ?"
                }
                sql += " ORDER BY bm25(\(table)) LIMIT ?"
                args.append(limit)
                return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)).map { ($0[0], $0[1]) }
            }
            let exact = try run("searchExact", terms.exactMatch)
            let folded = try run("searchFolded", terms.foldedMatch)
            let exactIDs = Set(exact.map(\.0))
            var ordered = exact.map { ($0.0, true) }
            ordered += folded.filter { !exactIDs.contains($0.0) }.map { ($0.0, false) }
            return try ordered.prefix(limit).compactMap { id, isExact in
                guard let doc = try Self.storedDocument(db, id: id) else { return nil }
                return SearchHit(
                    document: doc.document, ownerIdentifiers: doc.ownerIdentifiers, exact: isExact,
                    snippet: terms.snippet(in: doc.text))
            }
        }
    }

    // MARK: - Results

    public func nextResultNumber(dossier: String) throws(StoreError) -> Int {
        try read { db in
            (try Int.fetchOne(db, sql: "SELECT MAX(n) FROM result WHERE dossierCode = ?", arguments: [dossier]) ?? 0) + 1
        }
    }

    public func recordResult(_ result: ResultRecord, sealedBlob: BlobRecord) throws(StoreError) {
        try write { db in
            if try !sealedBlob.exists(db) { try sealedBlob.insert(db) }
            try db.execute(sql: "UPDATE document SET kind = 1 WHERE id = ?", arguments: [result.documentId])
            try result.insert(db)
            try SyncOutbox.enqueueDossier(db, dossier: result.dossierCode)
        }
    }

    public func result(_ code: String) throws(StoreError) -> ResultRecord? {
        try read { db in try ResultRecord.fetchOne(db, key: code) }
    }

    public func results(originalBlobId: String) throws(StoreError) -> [ResultRecord] {
        try read { db in
            try ResultRecord.filter(Column("originalBlobId") == originalBlobId).order(Column("issuedAt"), Column("resultCode")).fetchAll(db)
        }
    }

    public func revoke(_ code: String, reason: String, by actor: String, at: Date) throws(StoreError) -> Bool {
        try write { db in
            guard var result = try ResultRecord.fetchOne(db, key: code) else { return false }
            guard result.revokedAt == nil else { return true }
            result.revokedAt = at
            result.revokedBy = actor
            result.revokedReason = reason
            try result.update(db)
            try SyncOutbox.enqueueDossier(db, dossier: result.dossierCode)
            return true
        }
    }

    // MARK: - Integrity

    /// Every blob row, least recently verified first.
    public func blobsByVerification() throws(StoreError) -> [BlobRecord] {
        try read { db in
            try BlobRecord.order(Column("verifiedAt").asc, Column("id")).fetchAll(db)
        }
    }

    public func markVerified(_ ids: [BlobID], at: Date) throws(StoreError) {
        guard !ids.isEmpty else { return }
        try write { db in
            for id in ids {
                try db.execute(sql: "UPDATE blob SET verifiedAt = ? WHERE id = ?", arguments: [at, id.hex])
            }
        }
    }

    /// SQLite's own checks: `integrity_check` and `foreign_key_check`, plus rows the schema cannot
    /// tie down (search rows without a document, documents without files).
    public func structuralProblems() throws(StoreError) -> [String] {
        try read { db in
            var problems: [String] = []
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            if integrity != ["ok"] { problems += integrity.map { "sqlite integrity: \($0)" } }
            for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
                let table: String = row[0]
                let rowid: Int64? = row[1]
                let parent: String = row[2]
                problems.append("table \(table) row \(rowid.map(String.init) ?? "?") points to a missing \(parent) row")
            }
            for id in try String.fetchAll(
                db, sql: "SELECT documentId FROM searchExact WHERE documentId NOT IN (SELECT id FROM document)")
            {
                problems.append("search index has text for a missing document \(id)")
            }
            for id in try String.fetchAll(db, sql: "SELECT id FROM document WHERE id NOT IN (SELECT documentId FROM documentFile)") {
                problems.append("document \(id) has no file")
            }
            for id in try String.fetchAll(
                db,
                sql: """
                    SELECT id FROM blob WHERE pageCount > 0 AND id IN (SELECT blobId FROM documentFile)
                    AND id NOT IN (SELECT blobId FROM page)
                    """)
            {
                problems.append("blob \(id.prefix(12)) has no page rows")
            }
            // Only a paper of an agency's archive waits for an owner.
            for code in try String.fetchAll(
                db,
                sql: """
                    SELECT code FROM document d WHERE ownerUnassigned
                    AND NOT EXISTS (SELECT 1 FROM partyIdentifier i WHERE i.partyId = d.ownerPartyId AND i.kind = 'agency')
                    """)
            {
                problems.append("document \(code) is marked unassigned but its owner is not an agency's archive")
            }
            // The status column and the event log are written together; they must agree.
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT d.code, d.status, e.status FROM dossier d
                    LEFT JOIN dossierEvent e ON e.dossierCode = d.code AND e.seq = (SELECT MAX(seq) FROM dossierEvent WHERE dossierCode = d.code)
                    WHERE e.status IS NULL OR e.status <> d.status
                    """)
            {
                let code: String = row[0]
                let last: Int? = row[2]
                problems.append(
                    last.map { "dossier \(code) has status \(row[1] as Int) but its last event says \($0)" } ?? "dossier \(code) has no event in its log")
            }
            return problems
        }
    }

    /// Counts for `check` and the tour.
    public func counts() throws(StoreError) -> [String: Int] {
        try read { db in
            var out: [String: Int] = [:]
            for table in ["party", "dossier", "blob", "page", "document", "component", "filing"] {
                out[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
            }
            return out
        }
    }
}

extension StorageFailure {
    /// SQLite's words for a file system that refused (full, read-only, failing, cannot open), as a storage
    /// failure; nil for every other database error.
    init?(sqlite error: any Error, path: String) {
        guard let error = error as? DatabaseError else { return nil }
        let directory = (path as NSString).deletingLastPathComponent
        switch error.resultCode {
        case .SQLITE_FULL: self.init(path: path, code: ENOSPC, reason: error.message ?? "database or disk is full")
        case .SQLITE_READONLY: self.init(path: path, code: EROFS, reason: error.message ?? "attempt to write a readonly database")
        case .SQLITE_IOERR, .SQLITE_CANTOPEN:
            // SQLite does not say why (creating the WAL index on a full disk is an I/O error): ask the file system.
            self.init(path: path, code: Self.cause(in: directory) ?? EIO, reason: error.message ?? "\(error.resultCode)")
        default: return nil
        }
    }
}
