import Foundation
import GRDB

/// A document waiting in an agency's own archive for its owner, as `warehouse unassigned` and the desk list it.
public struct UnassignedDocument: Codable, Sendable, Equatable {
    public var id: String
    public var code: String
    /// The agency whose archive holds it: the agency that digitised it.
    public var agencyCode: String
    public var docType: String
    public var title: String
    public var pages: Int
    public var reviewStatus: String
    public var createdAt: Date
    public var createdBy: String
    /// The names of its files as they were filed, in order.
    public var files: [String]
    /// Key fields read from the paper, when found: `soKyHieu`, `ngayBanHanh`, `loaiVanBan`, `trichYeu`.
    public var number: String?
    public var issuedOn: String?
    public var kind: String?
    public var subject: String?
}

/// Why a document cannot be moved to another owner.
public enum AssignError: Error, Equatable, CustomStringConvertible {
    /// No document with this id or code.
    case notFound(String)
    /// The document belongs to a citizen or organisation, not to an agency's archive.
    case notInArchive(String, owner: String)
    /// A dossier's owner (chủ hồ sơ) cannot be an agency's archive; a document of a dossier stays where it is.
    case inDossier(String, dossier: String)
    case store(StoreError)

    public var description: String {
        switch self {
        case .notFound(let reference):
            "there is no document \(reference) in the warehouse; give its id or code as `warehouse unassigned` lists them"
        case .notInArchive(let code, let owner):
            "document \(code) belongs to \(owner), not to an agency's archive: assign moves only papers filed in an agency archive"
        case .inDossier(let code, let dossier):
            "document \(code) is a component of dossier \(dossier) and keeps the owner it was filed for"
        case .store(let error): error.description
        }
    }
}

extension WarehouseDatabase {
    // MARK: - The agency archive

    /// Documents in an agency archive that wait for an owner (all agencies when `agency` is nil), oldest first.
    public func unassignedDocuments(agency: String? = nil, limit: Int = 1_000) throws(StoreError) -> [UnassignedDocument] {
        try readDB { db in
            var request = DocumentRecord.filter(Column("ownerUnassigned") == true)
            if let agency { request = request.filter(Column("agencyCode") == agency) }
            let documents = try request.order(Column("createdAt"), Column("code")).limit(limit).fetchAll(db)
            return try documents.map { doc in
                let fields = try FieldRecord.filter(Column("documentId") == doc.id).fetchAll(db)
                let value = { (name: String) in fields.first { $0.name == name }?.value }
                let files = try DocumentFile.filter(Column("documentId") == doc.id).order(Column("seq")).fetchAll(db).map(\.fileName)
                return UnassignedDocument(
                    id: doc.id, code: doc.code, agencyCode: doc.agencyCode, docType: doc.docType, title: doc.title, pages: doc.pageCount,
                    reviewStatus: doc.reviewStatus, createdAt: doc.createdAt, createdBy: doc.createdBy, files: files,
                    number: value(FieldName.soKyHieu), issuedOn: value(FieldName.ngayBanHanh), kind: value(FieldName.loaiVanBan),
                    subject: value(FieldName.trichYeu))
            }
        }
    }

    /// Moves a document out of an agency's archive to `owner` (a citizen, an organisation, or an agency
    /// archive again, which only marks it as the agency's own): the owner and the document's code change,
    /// the pages and fields stay as they were read. Recorded in `ownerAssignment`: who, when, from what.
    /// `reference` is a document id or code (a code it had before a move too).
    public func assignOwner(_ reference: String, to owner: OwnerIdentifier, by actor: String, at: Date = Date())
        throws(AssignError) -> OwnerAssignmentRecord
    {
        do {
            return try writer.write { db in
                guard let id = try Self.documentId(db, reference: reference), let doc = try DocumentRecord.fetchOne(db, key: id) else {
                    throw AssignError.notFound(reference)
                }
                guard try Self.archiveAgency(db, party: doc.ownerPartyId) != nil else {
                    let owner = try PartyIdentifier.filter(Column("partyId") == doc.ownerPartyId).order(Column("id")).fetchOne(db)
                    throw AssignError.notInArchive(doc.code, owner: owner.map { "\($0.kind.uppercased()) \($0.value)" } ?? "another owner")
                }
                if let dossier = try String.fetchOne(db, sql: "SELECT dossierCode FROM component WHERE documentId = ? LIMIT 1", arguments: [id]) {
                    throw AssignError.inDossier(doc.code, dossier: dossier)
                }
                return try Self.move(db, doc, to: owner, by: actor, at: at, via: "assign")
            }
        } catch let error as AssignError {
            throw error
        } catch let error as StoreError {
            throw .store(error)
        } catch {
            throw .store(storeError(error))
        }
    }

    /// Whether the document waits in an agency archive for its owner.
    public func ownerUnassigned(document id: String) throws(StoreError) -> Bool {
        try readDB { db in try Bool.fetchOne(db, sql: "SELECT ownerUnassigned FROM document WHERE id = ?", arguments: [id]) ?? false }
    }

    /// The moves of a document between owners, oldest first.
    public func ownerAssignments(document id: String) throws(StoreError) -> [OwnerAssignmentRecord] {
        try readDB { db in try OwnerAssignmentRecord.filter(Column("documentId") == id).order(Column("id")).fetchAll(db) }
    }

    /// The agency whose own archive `party` is, or nil for a citizen or organisation.
    static func archiveAgency(_ db: Database, party: String) throws -> String? {
        try String.fetchOne(
            db, sql: "SELECT value FROM partyIdentifier WHERE partyId = ? AND kind = 'agency' ORDER BY id LIMIT 1", arguments: [party])
    }

    /// A document id for an id, a current code, or a code the document had before a move.
    static func documentId(_ db: Database, reference: String) throws -> String? {
        if let id = try String.fetchOne(db, sql: "SELECT id FROM document WHERE id = ? OR code = ?", arguments: [reference, reference]) {
            return id
        }
        return try documentId(db, formerCode: reference)
    }

    /// The document that had `code` before it moved to another owner (codes are never given twice).
    static func documentId(_ db: Database, formerCode code: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT documentId FROM ownerAssignment WHERE fromCode = ? ORDER BY id DESC LIMIT 1", arguments: [code])
    }

    /// Gives `doc` to `owner` in this transaction: new owner, a code under the new owner's id with the same
    /// stem, no longer unassigned, and the move recorded.
    static func move(_ db: Database, _ doc: DocumentRecord, to owner: OwnerIdentifier, by actor: String, at: Date, via: String) throws
        -> OwnerAssignmentRecord
    {
        let toParty = try ensureParty(db, owner, at: at)
        let fromOwner = try PartyIdentifier.filter(Column("partyId") == doc.ownerPartyId).order(Column("id")).fetchOne(db)?.value
        var code = doc.code
        if toParty != doc.ownerPartyId {
            code = try nextDocumentCode(db, owner: owner.value, stem: codeStem(of: doc.code, owner: fromOwner))
        }
        try db.execute(
            sql: "UPDATE document SET ownerPartyId = ?, code = ?, ownerUnassigned = 0 WHERE id = ?", arguments: [toParty, code, doc.id])
        var record = OwnerAssignmentRecord(
            id: nil, documentId: doc.id, fromPartyId: doc.ownerPartyId, toPartyId: toParty, fromCode: doc.code, toCode: code,
            wasUnassigned: doc.ownerUnassigned, actor: actor, at: at, via: via)
        try record.insert(db)
        record.id = db.lastInsertedRowID
        return record
    }

    /// `{owner}.{stem}.{NN}` → `{stem}`; a code of another shape is its own stem.
    static func codeStem(of code: String, owner: String?) -> String {
        var stem = Substring(code)
        if let owner, stem.hasPrefix(owner + ".") { stem = stem.dropFirst(owner.count + 1) }
        if let dot = stem.lastIndex(of: "."), stem[stem.index(after: dot)...].allSatisfy(\.isNumber) { stem = stem[..<dot] }
        return String(stem)
    }
}
