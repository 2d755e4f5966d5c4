import Foundation
import GRDB

/// The service's hot paths, asynchronous: GRDB runs them on its own queues, so that a request waiting
/// for SQLite never holds one of Swift's few cooperative threads.
extension WarehouseDatabase {
    func readAsync<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        do { return try await writer.read(body) } catch { throw storeError(error) }
    }

    func writeAsync<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        do { return try await writer.write(body) } catch let e as StoreError { throw e } catch { throw storeError(error) }
    }

    /// A session and its account, if the session is current.
    public func sessionAsync(tokenHash: String, at now: Date) async throws(StoreError) -> (SessionRecord, Account)? {
        try await readAsync { db in
            guard let session = try SessionRecord.fetchOne(db, key: tokenHash), session.expiresAt > now,
                let account = try Account.fetchOne(db, key: session.accountId)
            else { return nil }
            return (session, account)
        }
    }

    /// Appends entries in one transaction, each chained to the one before (group commit: one WAL sync for
    /// all the reads that happened meanwhile).
    public func appendAccess(batch entries: [AccessLogEntry]) async throws(StoreError) {
        guard !entries.isEmpty else { return }
        do {
            try await logWriter.write { db in
                try Self.append(entries, db)
            }
        } catch {
            throw .database("cannot write the access log: \(error)")
        }
    }

    static func append(_ entries: [AccessLogEntry], _ db: Database) throws {
        var previous = try String.fetchOne(db, sql: "SELECT hash FROM accessLog ORDER BY id DESC LIMIT 1") ?? ""
        for entry in entries {
            var e = entry
            e.at = Date(timeIntervalSince1970: (entry.at.timeIntervalSince1970 * 1000).rounded(.down) / 1000)
            e.prevHash = previous
            e.hash = e.computedHash(after: previous)
            try e.insert(db)
            previous = e.hash
        }
    }

    /// A personal store in one read: the owner's identifiers and their documents with key fields and results,
    /// validity judged on `today`. Cached statements: this is the service's busiest query.
    public func personalStore(ownerPartyId: String, on today: CalendarDate = .todayInVietnam) async throws(StoreError)
        -> (identifiers: [String], documents: [DocumentSummary])
    {
        try await readAsync { db in
            let identifiers = try String.fetchAll(
                db.cachedStatement(sql: "SELECT value FROM partyIdentifier WHERE partyId = ? ORDER BY id"), arguments: [ownerPartyId])
            var documents: [DocumentSummary] = []
            var index: [String: Int] = [:]
            let rows = try Row.fetchCursor(
                db.cachedStatement(
                    sql: """
                        SELECT id, code, kind, docType, title, pageCount, createdAt, agencyCode, reviewStatus, sensitivity
                        FROM document WHERE ownerPartyId = ? ORDER BY createdAt DESC
                        """), arguments: [ownerPartyId])
            while let row = try rows.next() {
                let id: String = row[0]
                index[id] = documents.count
                documents.append(
                    DocumentSummary(
                        id: id, code: row[1], kind: row[2], docType: row[3], title: row[4], pages: row[5], createdAt: row[6],
                        agencyCode: row[7], reviewStatus: row[8], sensitivity: row[9], number: nil, issuedOn: nil, results: []))
            }
            guard !documents.isEmpty else { return (identifiers, documents) }
            let fields = try Row.fetchCursor(
                db.cachedStatement(
                    sql: """
                        SELECT f.documentId, f.name, f.value FROM field f JOIN document d ON d.id = f.documentId
                        WHERE d.ownerPartyId = ? AND f.name IN ('soKyHieu', 'soDangKy', 'soDinhDanh', 'ngayCap', 'ngayBanHanh', 'ngayDangKy')
                        """), arguments: [ownerPartyId])
            var found: [String: [String: String]] = [:]
            while let row = try fields.next() {
                found[row[0], default: [:]][row[1]] = row[2]
            }
            for (id, values) in found {
                guard let i = index[id] else { continue }
                documents[i].number = values["soKyHieu"] ?? values["soDangKy"] ?? values["soDinhDanh"]
                documents[i].issuedOn = values["ngayCap"] ?? values["ngayBanHanh"] ?? values["ngayDangKy"]
            }
            let results = try Row.fetchCursor(
                db.cachedStatement(
                    sql: """
                        SELECT r.documentId, r.resultCode, r.dossierCode, r.resultType, r.documentName, r.number, r.issuedAt,
                               r.validUntil, r.permanent, r.revokedAt, r.revokedReason
                        FROM result r JOIN document d ON d.id = r.documentId WHERE d.ownerPartyId = ? ORDER BY r.issuedAt
                        """), arguments: [ownerPartyId])
            while let row = try results.next() {
                guard let i = index[row[0]] else { continue }
                let revokedAt: Date? = row[9]
                let permanent: Bool = row[8]
                let validUntil: String? = row[7]
                documents[i].results.append(
                    ResultSummary(
                        resultCode: row[1], dossierCode: row[2], resultType: row[3], documentName: row[4], number: row[5], issuedAt: row[6],
                        validUntil: validUntil, permanent: permanent, revokedAt: revokedAt, revokedReason: row[10],
                        validity: .of(revoked: revokedAt != nil, permanent: permanent, validUntil: validUntil, on: today)))
            }
            return (identifiers, documents)
        }
    }
}
