import Foundation
import GRDB

/// A document as it appears in a list (a personal store, a dossier).
public struct DocumentSummary: Codable, Sendable {
    public var id: String
    public var code: String
    public var kind: Int
    public var docType: String
    public var title: String
    public var pages: Int
    public var createdAt: Date
    public var agencyCode: String
    public var reviewStatus: String
    public var sensitivity: String
    /// Key fields for the list: số, dates.
    public var number: String?
    public var issuedOn: String?
    /// Results issued from it, with their validity.
    public var results: [ResultSummary]
}

extension WarehouseDatabase {
    // MARK: - Accounts and sessions

    /// Adds an account; one bound to a person at once comes with how it was (`binding`), in the same transaction.
    public func insertAccount(_ account: Account, binding: AccountBinding? = nil) throws(StoreError) {
        try writeDB { db in
            try account.insert(db)
            try binding?.insert(db)
        }
    }

    public func account(username: String) throws(StoreError) -> Account? {
        try readDB { db in try Account.filter(Column("username") == username).fetchOne(db) }
    }

    public func account(id: String) throws(StoreError) -> Account? {
        try readDB { db in try Account.fetchOne(db, key: id) }
    }

    public func accounts() throws(StoreError) -> [Account] {
        try readDB { db in try Account.order(Column("username")).fetchAll(db) }
    }

    /// The accounts bound to a party (a person's or an organisation's store).
    public func accounts(party: String) throws(StoreError) -> [Account] {
        try readDB { db in try Account.filter(Column("partyId") == party).order(Column("username")).fetchAll(db) }
    }

    public func insertSession(_ session: SessionRecord) throws(StoreError) {
        try writeDB { db in
            // Expired sessions are removed as new ones come.
            try SessionRecord.filter(Column("expiresAt") < session.createdAt).deleteAll(db)
            try session.insert(db)
        }
    }

    public func deleteSession(tokenHash: String) throws(StoreError) {
        try writeDB { db in _ = try SessionRecord.deleteOne(db, key: tokenHash) }
    }

    /// The party of an owner identifier, created if the warehouse has not seen it (a citizen account
    /// may exist before any of their papers).
    public func ensureParty(_ identifier: OwnerIdentifier) throws(StoreError) -> String {
        try writeDB { db in try Self.ensureParty(db, identifier, at: Date()) }
    }

    // MARK: - Backfill

    /// Every filing of an input at this path, oldest first: a resumed backfill skips a file filed before
    /// with the same bytes.
    public func filings(path: String) throws(StoreError) -> [FilingRecord] {
        try readDB { db in try FilingRecord.filter(Column("fileName") == path).order(Column("id")).fetchAll(db) }
    }

    /// Whether a result was sealed from these original bytes.
    public func hasResult(originalBlobId: String) throws(StoreError) -> Bool {
        try readDB { db in try ResultRecord.filter(Column("originalBlobId") == originalBlobId).fetchCount(db) > 0 }
    }

    // MARK: - Access log

    /// Entries about one owner's documents, newest first.
    public func accessLog(owner partyId: String, limit: Int = 200) throws(StoreError) -> [AccessLogEntry] {
        try readLog { db in
            try AccessLogEntry.filter(Column("ownerPartyId") == partyId).order(Column("id").desc).limit(limit).fetchAll(db)
        }
    }

    /// The whole log, newest first (auditors).
    public func accessLog(limit: Int) throws(StoreError) -> [AccessLogEntry] {
        try readLog { db in try AccessLogEntry.order(Column("id").desc).limit(limit).fetchAll(db) }
    }

    /// Walks the chain; returns one sentence per break (edited, deleted or reordered entries).
    public func accessLogProblems() throws(StoreError) -> [String] {
        try readLog { db in
            var problems: [String] = []
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            if integrity != ["ok"] { problems += integrity.map { "sqlite integrity of the access-log file: \($0)" } }
            var previous = ""
            var expectedID: Int64 = 1
            let cursor = try AccessLogEntry.order(Column("id")).fetchCursor(db)
            while let entry = try cursor.next() {
                if let id = entry.id, id != expectedID {
                    problems.append("access log entries \(expectedID)…\(id - 1) are missing")
                }
                if entry.prevHash != previous {
                    problems.append("access log entry \(entry.id ?? 0) does not follow the one before it (an entry was removed or replaced)")
                }
                if entry.computedHash(after: entry.prevHash) != entry.hash {
                    problems.append("access log entry \(entry.id ?? 0) was altered after it was written")
                }
                previous = entry.hash
                expectedID = (entry.id ?? expectedID) + 1
            }
            return problems
        }
    }

    // MARK: - Reads for the service

    /// The owner and the agencies of the dossiers a document is filed in: what the access policy needs.
    public func accessFacts(document id: String) throws(StoreError) -> AccessFacts? {
        try readDB { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT ownerPartyId, agencyCode FROM document WHERE id = ?", arguments: [id]) else {
                return nil
            }
            let owner: String = row["ownerPartyId"]
            let agencies = try String.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT d.agencyCode FROM component c JOIN dossier d ON d.code = c.dossierCode WHERE c.documentId = ?
                    UNION SELECT agencyCode FROM document WHERE id = ?
                    """, arguments: [id, id])
            return AccessFacts(
                ownerPartyId: owner, agencies: Set(agencies), archiveOf: try Self.archiveAgency(db, party: owner), filedBy: row["agencyCode"])
        }
    }

    /// Dossiers received by an agency, newest first.
    public func dossiers(agency: String, limit: Int = 100) throws(StoreError) -> [Dossier] {
        try readDB { db in
            try Dossier.filter(Column("agencyCode") == agency).order(Column("createdAt").desc).limit(limit).fetchAll(db)
        }
    }

    /// A dossier's components with their documents.
    public func components(dossier code: String) throws(StoreError) -> [(ComponentRecord, DocumentRecord)] {
        try readDB { db in
            let components = try ComponentRecord.filter(Column("dossierCode") == code).order(Column("id")).fetchAll(db)
            return try components.compactMap { c in try DocumentRecord.fetchOne(db, key: c.documentId).map { (c, $0) } }
        }
    }

    /// The owner identifiers of a party.
    public func identifiers(party id: String) throws(StoreError) -> [PartyIdentifier] {
        try readDB { db in try PartyIdentifier.filter(Column("partyId") == id).order(Column("id")).fetchAll(db) }
    }

    /// A clerk's correction of a field: the value becomes the confirmed one, with who and when.
    public func correctField(document: String, name: String, value: String, by actor: String, at: Date) throws(StoreError) {
        try writeDB { db in
            let field = FieldRecord(documentId: document, name: name, value: value, confidence: 1, source: "manual", flags: [])
            try field.save(db)
            try db.execute(
                sql: "INSERT INTO fieldCorrection(documentId, name, value, correctedBy, correctedAt) VALUES (?, ?, ?, ?, ?)",
                arguments: [document, name, value, actor, at])
        }
    }

    /// Files an existing document as a component of another dossier: nothing is scanned or stored again.
    /// Returns false when the dossier does not exist.
    public func reuse(document id: String, in dossier: String, component: String, by account: String, basis: String, at: Date)
        throws(StoreError) -> Bool
    {
        try writeDB { db in
            guard try Dossier.fetchOne(db, key: dossier) != nil, try DocumentRecord.fetchOne(db, key: id) != nil else { return false }
            try ComponentRecord(id: nil, dossierCode: dossier, name: component, documentId: id, reused: true, createdAt: at, createdBy: account)
                .insert(db)
            let componentId = db.lastInsertedRowID
            try db.execute(
                sql: "INSERT INTO reuse(documentId, dossierCode, componentId, accountId, basis, at) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [id, dossier, componentId, account, basis, at])
            try SyncOutbox.enqueueDossier(db, dossier: dossier)
            return true
        }
    }

    /// The clerk has confirmed the document's fields.
    public func markReviewed(document id: String) throws(StoreError) {
        try writeDB { db in try db.execute(sql: "UPDATE document SET reviewStatus = 'reviewed' WHERE id = ?", arguments: [id]) }
    }

    /// The next dossier code of an agency for a day: `{agency}-{yyMMdd}-{NNNN}` (DOMAIN.md §3.1).
    public func nextDossierCode(agency: String, day: String) throws(StoreError) -> String {
        try readDB { db in
            let prefix = "\(agency)-\(day)-"
            let last = try String.fetchOne(
                db, sql: "SELECT MAX(code) FROM dossier WHERE substr(code, 1, ?) = ?", arguments: [prefix.count, prefix])
            let n = last.flatMap { Int($0.suffix(4)) } ?? 0
            return prefix + String(format: "%04d", n + 1)
        }
    }
}
