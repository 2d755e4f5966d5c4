import Foundation
import GRDB

/// Fills a ``DossierSyncSnapshot`` from the warehouse tables: the dossier, its owner, its components
/// with their documents, files and reuse records, and its results. Runs inside the caller's
/// transaction, so that what is enqueued is exactly what that transaction commits.
public enum DossierSyncLoader {
    /// The snapshot of `code`; nil when there is no such dossier.
    public static func snapshot(_ db: Database, dossier code: String) throws -> DossierSyncSnapshot? {
        guard let dossier = try Dossier.fetchOne(db, key: code) else { return nil }
        var snapshot = DossierSyncSnapshot(
            code: dossier.code, procedureCode: dossier.procedureCode, agencyCode: dossier.agencyCode, owner: try owner(db, dossier))
        try applyLifecycle(db, dossier: dossier, to: &snapshot)
        snapshot.components = try components(db, dossier: code)
        snapshot.results = try ResultRecord.filter(Column("dossierCode") == code && Column("revokedAt") == nil).order(Column("n")).fetchAll(db)
            .map { DossierSyncSnapshot.IssuedPaper(resultCode: $0.resultCode, name: $0.documentName, resultType: $0.resultType) }
        return snapshot
    }

    /// Status, channel and dates of the dossier: THE one place where the lifecycle's columns are read.
    ///
    /// Today's `dossier` table knows only when the dossier was created at the desk: that is when it was
    /// handed in and received. Status, channel, due, finished, returned and refused stay unknown (sent
    /// as ""). When the lifecycle (migration `v7-dossier-lifecycle`) is merged, read its columns here
    /// and nowhere else: status 1–10 → `status`, channel 1–3 → `channel`, and the submitted / received /
    /// due / finished / returned / refused dates (`NgayNopHoSo` … `NgayTuChoi`); its supplement pauses
    /// can fill `supplements` (`DanhSachHoSoBoSung`).
    static func applyLifecycle(_ db: Database, dossier: Dossier, to snapshot: inout DossierSyncSnapshot) throws {
        snapshot.status = dossier.status
        snapshot.channel = dossier.channel
        // Submitted: registered online or by post before acceptance, else accepted at the counter.
        snapshot.submitted = dossier.registeredAt ?? dossier.receivedAt ?? dossier.createdAt
        snapshot.received = dossier.receivedAt ?? dossier.createdAt
        // The due date as of the last change (a pause moves it), at the end of that working day.
        snapshot.due = dossier.dueOn.map { $0.adding(days: 1).startInVietnam.addingTimeInterval(-1) }
        snapshot.finished = dossier.finishedAt ?? dossier.withdrawnAt
        snapshot.returned = dossier.returnedAt
        snapshot.refused = dossier.refusedAt
    }

    /// The owner party: kind, identifiers (CCCD first) and, when known for sure, the name.
    static func owner(_ db: Database, _ dossier: Dossier) throws -> DossierSyncSnapshot.Owner {
        let party = try Party.fetchOne(db, key: dossier.ownerPartyId)
        let rank = ["cccd": 0, "mst": 1, "cmnd": 2, "passport": 3]
        let identifiers = try PartyIdentifier.filter(Column("partyId") == dossier.ownerPartyId).order(Column("id")).fetchAll(db)
            .sorted { (rank[$0.kind] ?? 9, $0.id ?? 0) < (rank[$1.kind] ?? 9, $1.id ?? 0) }
        let name = try party?.name ?? ownerName(db, party: dossier.ownerPartyId, identifiers: identifiers.map(\.value))
        return DossierSyncSnapshot.Owner(
            name: name, kind: party?.kind ?? 1,
            identifiers: identifiers.map { DossierSyncSnapshot.Identifier(kind: DossierSyncSnapshot.Identifier.portalKind($0.kind), value: $0.value) })
    }

    /// The owner's name as a person confirmed it or the CCCD chip QR gave it, on a paper of the owner that
    /// carries the owner's own number; nil rather than a name read by OCR alone.
    static func ownerName(_ db: Database, party: String, identifiers: [String]) throws -> String? {
        guard !identifiers.isEmpty else { return nil }
        let marks = Array(repeating: "?", count: identifiers.count).joined(separator: ", ")
        return try String.fetchOne(
            db,
            sql: """
                SELECT name.value FROM field name
                JOIN document d ON d.id = name.documentId
                JOIN field number ON number.documentId = d.id AND number.name = ? AND number.value IN (\(marks))
                WHERE d.ownerPartyId = ? AND name.name = ? AND name.source IN ('manual', 'barcode')
                ORDER BY name.source = 'manual' DESC, d.createdAt DESC LIMIT 1
                """,
            arguments: StatementArguments([FieldName.soDinhDanh] + identifiers + [party, FieldName.hoTen]))
    }

    /// The papers handed in for the dossier, in filing order. A document filed new into the dossier as a
    /// result (kind 1) is the dossier's own result, listed with the results, not as a paper handed in.
    static func components(_ db: Database, dossier code: String) throws -> [DossierSyncSnapshot.Component] {
        let ownResults = Set(try String.fetchAll(db, sql: "SELECT documentId FROM result WHERE dossierCode = ?", arguments: [code]))
        let reusedByDesk = Set(try Int64.fetchAll(db, sql: "SELECT componentId FROM reuse WHERE dossierCode = ?", arguments: [code]))
        var out: [DossierSyncSnapshot.Component] = []
        for component in try ComponentRecord.filter(Column("dossierCode") == code).order(Column("id")).fetchAll(db) {
            let document = try DocumentRecord.fetchOne(db, key: component.documentId)
            let reused = component.reused || component.id.map(reusedByDesk.contains) == true
            if ownResults.contains(component.documentId) || (document?.kind == 1 && !reused) { continue }
            let files = try DocumentFile.filter(Column("documentId") == component.documentId).order(Column("seq")).fetchAll(db)
            // The earlier result that stands for a reused paper: its type is what the portal calls MaKetQuaThayThe.
            let substitute: String? =
                reused
                ? try String.fetchOne(
                    db,
                    sql: "SELECT resultType FROM result WHERE documentId = ? AND revokedAt IS NULL ORDER BY issuedAt DESC LIMIT 1",
                    arguments: [component.documentId]) : nil
            out.append(
                DossierSyncSnapshot.Component(
                    name: component.name, digitised: !files.isEmpty, reused: reused, substituteResultType: substitute,
                    files: files.map { DossierSyncSnapshot.File(id: $0.blobId, name: URL(fileURLWithPath: $0.fileName).lastPathComponent) }))
        }
        return out
    }
}
