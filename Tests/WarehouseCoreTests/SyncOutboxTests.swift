import Foundation
import GRDB
import Testing

@testable import WarehouseCore

/// The outbox in the real SQLite: what the warehouse's changes enqueue, in their own transaction, how
/// messages coalesce and keep their order, and how senders claim them.
@Suite("National-portal outbox")
struct SyncOutboxTests {
    let db: WarehouseDatabase
    let owner = try! OwnerIdentifier("038090012345")
    static let agency = "000.12.34.H56"
    static let dossierA = "000.12.34.H56-241105-0007"
    static let dossierB = "000.12.34.H56-241105-0008"

    init() throws {
        db = try WarehouseDatabase()
    }

    /// Files one paper into `dossier` through the pipeline's commit: a new document, or an existing one
    /// (the same bytes seen again). Returns the document id.
    @discardableResult
    func file(
        _ name: String, dossier: String, owner: OwnerIdentifier? = nil, existing: String? = nil, kind: Int = 0, fields: [FieldRecord] = []
    ) throws -> String {
        let owner = owner ?? self.owner
        let bytes = "\(name)-\(UUID())"
        let blobId = BlobID.of(Data(bytes.utf8)).hex
        let docId = existing ?? UUID().uuidString.lowercased()
        let now = Date()
        let document = DocumentRecord(
            id: docId, code: "", kind: kind, ownerPartyId: "", docType: "other", typeConfidence: 0.5, title: name, pageCount: 0,
            meanConfidence: 90, reviewStatus: "auto", sensitivity: "basic", createdAt: now, createdBy: "clerk", agencyCode: Self.agency,
            procedureCode: "1.001193", pipelineVersion: "t", engine: "test")
        let batch = FilingBatch(
            owner: owner, dossierCode: dossier, procedureCode: "1.001193", agencyCode: Self.agency, actor: "clerk", at: now,
            blobs: existing == nil
                ? [.init(record: BlobRecord(id: blobId, size: 1, mime: "image/png", pageCount: 0, createdAt: now, verifiedAt: nil), pages: [], barcodes: [])]
                : [],
            documents: [
                .init(
                    existingDocumentId: existing, newDocument: existing == nil ? document : nil,
                    files: [DocumentFile(documentId: docId, seq: 1, blobId: blobId, fileName: "/scans/\(name).png")],
                    fields: fields.map { var f = $0; f.documentId = docId; return f }, text: name, componentName: name,
                    codeStem: "1.001193.other", filingIndices: [0])
            ],
            filings: [
                FilingRecord(
                    id: nil, at: now, actor: "clerk", agencyCode: Self.agency, fileName: "\(name).png", sha256: blobId, documentId: nil,
                    dossierCode: dossier, status: existing == nil ? "filed" : "reused", error: nil, errorCode: nil, quarantinePath: nil,
                    pipelineVersion: "t")
            ])
        try db.commit(batch)
        return docId
    }

    /// Records an issued result of `dossier` for `document` (its sealed copy is a blob row only).
    func issue(_ document: String, dossier: String, n: Int, type: String) throws -> String {
        let sealed = BlobID.of(Data("sealed-\(document)".utf8)).hex
        let code = "\(dossier)-KQ\(n)"
        let original = try #require(try db.documentDetail(document)?.stored.files.first?.blobId)
        try db.recordResult(
            ResultRecord(
                resultCode: code, dossierCode: dossier, n: n, resultType: type, documentId: document, originalBlobId: original,
                sealedBlobId: sealed, payload: "seal", keyId: "k1", documentName: "Giấy chứng nhận kết hôn", number: "12", issuedAt: Date(),
                issuedBy: "clerk", validUntil: nil, permanent: true, scope: nil, sealFrame: PixelRect(x: 0, y: 0, width: 1, height: 1),
                revokedAt: nil, revokedBy: nil, revokedReason: nil),
            sealedBlob: BlobRecord(id: sealed, size: 1, mime: "application/pdf", pageCount: 1, createdAt: Date(), verifiedAt: nil))
        return code
    }

    func messages(_ dossier: String? = nil) throws -> [SyncMessage] {
        try db.syncMessages(dossier: dossier)
    }

    func dossierPayload(_ message: SyncMessage) throws -> PortalDossier {
        try JSONDecoder().decode(PortalDossier.self, from: Data(message.payload.utf8))
    }

    func progress(_ status: DossierStatus, _ minute: Int) -> DossierProgressUpdate {
        DossierProgressUpdate(
            handler: "canbo.phuong", at: SyncPayloadTests.vn("2024-11-05 09:\(String(format: "%02d", minute)):00"), content: "bước \(minute)",
            status: status)
    }

    // MARK: - What the warehouse's changes enqueue

    @Test("filing, dedup reuse, desk reuse of an earlier result and issuing a result each queue the dossier's state")
    func changesEnqueue() throws {
        // Dossier B (earlier): the parents' marriage certificate, issued there as a result of type KQ.G15.000032.
        let marriage = try file("ket-hon", dossier: Self.dossierB, kind: 1)
        _ = try issue(marriage, dossier: Self.dossierB, n: 1, type: "KQ.G15.000032")
        let cccd = try file(
            "cccd", dossier: Self.dossierB,
            fields: [
                FieldRecord(documentId: "", name: FieldName.soDinhDanh, value: "038090012345", confidence: 1, source: "barcode", flags: []),
                FieldRecord(documentId: "", name: FieldName.hoTen, value: "Nguyễn Văn An", confidence: 1, source: "barcode", flags: []),
            ])

        // Dossier A: a new paper, the CCCD seen again (dedup), the marriage certificate attached at the desk.
        try file("to-khai", dossier: Self.dossierA)
        #expect(try messages(Self.dossierA).count == 1)
        try file("cccd", dossier: Self.dossierA, existing: cccd)
        #expect(try db.reuse(document: marriage, in: Self.dossierA, component: "Giấy chứng nhận kết hôn", by: "clerk", basis: "desk", at: Date()))

        // One waiting message for A, carrying the newest state: three papers.
        let queued = try messages(Self.dossierA)
        #expect(queued.count == 1)
        // Replaced three times: the first filing's own components (the dossier was queued as it opened, in the
        // same transaction), the CCCD, the reuse.
        #expect(queued[0].kind == .dossier && queued[0].state == .pending && queued[0].superseded == 3)
        let payload = try dossierPayload(queued[0])
        #expect(payload == PortalDossier(try #require(try db.readDB { try DossierSyncLoader.snapshot($0, dossier: Self.dossierA) })))
        #expect(payload.TaiLieuNop.map(\.TenTepDinhKem) == ["to-khai.png", "cccd.png", "ket-hon.png"])
        #expect(payload.TaiLieuNop.map(\.DuocSoHoa) == ["1", "1", "1"])
        #expect(payload.TaiLieuNop.map(\.DuocTaiSuDung) == ["0", "1", "1"])
        #expect(payload.TaiLieuNop.map(\.MaKetQuaThayThe) == ["", "", "KQ.G15.000032"])
        #expect(payload.HoSoCoThanhPhanSoHoa == "1")
        #expect(payload.DinhDanhCHS == [PortalIdentifier(LoaiDinhDanh: "SO_DINH_DANH", SoDinhDanh: "038090012345")])
        #expect(payload.ChuHoSo == "Nguyễn Văn An", "the name the chip QR gave on the owner's own card")
        let received = try #require(try db.dossier(Self.dossierA)?.receivedAt)
        #expect(payload.NgayTiepNhan == PortalTime.string(received) && payload.NgayNopHoSo == payload.NgayTiepNhan)
        #expect(payload.TrangThaiHoSo == "2" && payload.KenhThucHien == "1", "accepted at the counter, from the lifecycle")

        // B lists its result among the results, not among the papers handed in.
        let b = try dossierPayload(try #require(try messages(Self.dossierB).last))
        #expect(b.DanhSachGiayToKetQua.map(\.MaGiayToKetQua) == ["KQ.G15.000032"])
        #expect(b.DanhSachGiayToKetQua.map(\.GiayToId) == ["\(Self.dossierB)-KQ1"])
        #expect(b.TaiLieuNop.map(\.TenTepDinhKem) == ["cccd.png"])

        // Revoking the result changes B's state again; a revoked result no longer stands for A's paper.
        #expect(try db.revoke("\(Self.dossierB)-KQ1", reason: "cấp nhầm", by: "clerk", at: Date()))
        #expect(try dossierPayload(try #require(try messages(Self.dossierB).last)).DanhSachGiayToKetQua.isEmpty)
        let afterRevoke = try #require(try db.readDB { try DossierSyncLoader.snapshot($0, dossier: Self.dossierA) })
        #expect(afterRevoke.components.map(\.substituteResultType) == [nil, nil, nil])
    }

    @Test("opening a dossier at the desk queues it; a filing that fails leaves no message")
    func sameTransaction() throws {
        _ = try db.openDossier(DossierIntake(code: try DossierCode(Self.dossierA), procedure: try ProcedureCode("1.001193"), agency: try AgencyCode(Self.agency), owner: owner, actor: "clerk"), keepingExisting: true)
        #expect(try messages(Self.dossierA).map(\.kind) == [.dossier])
        // The same code for another procedure: the whole filing is refused, its message too.
        var bad = try #require(try db.readDB { try DossierSyncLoader.snapshot($0, dossier: Self.dossierA) })
        bad.procedureCode = "2.000806"
        #expect(throws: StoreError.self) {
            try db.writeDB { db in
                try SyncOutbox.enqueueDossier(db, snapshot: bad)
                throw StoreError.conflict("rolled back")
            }
        }
        #expect(try messages(Self.dossierA).count == 1)
        #expect(try dossierPayload(try messages(Self.dossierA)[0]).MaTTHC == "1.001193")
        // A progress step for a dossier that does not exist is refused by the schema.
        #expect(throws: StoreError.self) {
            try db.enqueueProgressSync(dossier: "000.12.34.H56-241105-9999", update: progress(.accepted, 1))
        }
    }

    // MARK: - Coalescing and order

    @Test("full syncs of one dossier coalesce into the newest; progress steps keep every step in order")
    func coalescing() throws {
        _ = try db.openDossier(DossierIntake(code: try DossierCode(Self.dossierA), procedure: try ProcedureCode("1.001193"), agency: try AgencyCode(Self.agency), owner: owner, actor: "clerk"), keepingExisting: true)
        let first = try #require(try messages(Self.dossierA).first)
        try db.enqueueProgressSync(dossier: Self.dossierA, update: progress(.accepted, 1))
        try file("to-khai", dossier: Self.dossierA)
        try db.enqueueProgressSync(dossier: Self.dossierA, update: progress(.inProgress, 2))
        try file("chung-sinh", dossier: Self.dossierA)
        try db.enqueueProgressSync(dossier: Self.dossierA, update: progress(.supplementRequested, 3))

        var queue = try messages(Self.dossierA)
        #expect(queue.map(\.kind) == [.dossier, .progress, .progress, .progress])
        #expect(queue[0].id == first.id, "the waiting full sync keeps its place")
        #expect(queue[0].messageId != first.messageId, "a new payload gets a new idempotency key")
        #expect(queue[0].superseded == 2)
        #expect(try dossierPayload(queue[0]).TaiLieuNop.count == 2)
        let steps = try queue.dropFirst().map { try JSONDecoder().decode(PortalProgress.self, from: Data($0.payload.utf8)) }
        #expect(steps.map(\.TrangThai) == ["2", "4", "5"])

        // The same state again is not queued again.
        #expect(try db.enqueueDossierSync([Self.dossierA]) == .init(queued: 0, replaced: 0, unchanged: 1, missing: []))

        // A full sync being sent is left alone: the newer state queues behind it.
        let now = Date()
        let claim = try #require(try db.writeDB { try SyncOutbox.claimNext($0, runner: "r1", now: now, lease: 60) })
        #expect(claim.message.id == first.id && claim.isUpdating == false)
        try file("cccd", dossier: Self.dossierA)
        queue = try messages(Self.dossierA)
        #expect(queue.map(\.kind) == [.dossier, .progress, .progress, .progress, .dossier])
        #expect(queue[0].messageId == claim.message.messageId && queue[0].claimedBy == "r1")

        // Once it is sent, the next full sync tells the portal it is an update.
        #expect(try db.writeDB { try SyncOutbox.markSent($0, claim.message, at: now) })
        for _ in 0..<3 {
            let step = try #require(try db.writeDB { try SyncOutbox.claimNext($0, runner: "r1", now: now, lease: 60) })
            #expect(step.message.kind == .progress)
            #expect(try db.writeDB { try SyncOutbox.markSent($0, step.message, at: now) })
        }
        let last = try #require(try db.writeDB { try SyncOutbox.claimNext($0, runner: "r1", now: Date(), lease: 60) })
        #expect(last.message.kind == .dossier && last.isUpdating == true)
    }

    @Test("a dossier's messages go one at a time in order; other dossiers are not held up")
    func perDossierOrder() throws {
        for dossier in [Self.dossierA, Self.dossierB] {
            _ = try db.openDossier(DossierIntake(code: try DossierCode(dossier), procedure: try ProcedureCode("1.001193"), agency: try AgencyCode(Self.agency), owner: owner, actor: "clerk"), keepingExisting: true)
            try db.enqueueProgressSync(dossier: dossier, update: progress(.accepted, 1))
        }
        let now = Date()
        func claim(_ runner: String) throws -> SyncOutbox.Claim? {
            try db.writeDB { try SyncOutbox.claimNext($0, runner: runner, now: now, lease: 60) }
        }
        let a1 = try #require(try claim("r1"))
        let b1 = try #require(try claim("r2"))
        #expect(a1.message.dossierCode == Self.dossierA && b1.message.dossierCode == Self.dossierB)
        #expect(try claim("r3") == nil, "each dossier has a message in flight")
        // A fails and waits: its progress step must not overtake it.
        #expect(try db.writeDB { try SyncOutbox.markFailed($0, a1.message, runner: "r1", error: "HTTP 500", retryAt: now.addingTimeInterval(30)) })
        #expect(try claim("r3") == nil)
        #expect(try db.writeDB { try SyncOutbox.markSent($0, b1.message, at: now) })
        let b2 = try #require(try claim("r3"))
        #expect(b2.message.dossierCode == Self.dossierB && b2.message.kind == .progress)
        // A failure recorded by a sender whose claim lapsed and was taken over is ignored.
        let later = now.addingTimeInterval(31)
        let a1again = try #require(try db.writeDB { try SyncOutbox.claimNext($0, runner: "r4", now: later, lease: 60) })
        #expect(a1again.message.id == a1.message.id && a1again.message.attempts == 2)
        #expect(try !db.writeDB { try SyncOutbox.markFailed($0, a1.message, runner: "r1", error: "late", retryAt: nil) })
        #expect(try db.syncMessages(dossier: Self.dossierA).first?.state == .pending)
    }

    @Test("enqueueProgress, the lifecycle's hook, queues CapNhatTienDoHoSoMC steps after the dossier's state")
    func statusHook() throws {
        _ = try db.openDossier(DossierIntake(code: try DossierCode(Self.dossierA), procedure: try ProcedureCode("1.001193"), agency: try AgencyCode(Self.agency), owner: owner, actor: "clerk"), keepingExisting: true)
        try db.writeDB { db in
            try SyncOutbox.enqueueStatusChange(db, dossier: Self.dossierA, update: progress(.inProgress, 5))
            try SyncOutbox.enqueueProgress(db, dossier: Self.dossierA, update: progress(.processed, 6))
        }
        let queue = try messages(Self.dossierA)
        #expect(queue.map(\.kind) == [.dossier, .progress, .progress])
        let step = try JSONDecoder().decode(PortalProgress.self, from: Data(queue[1].payload.utf8))
        #expect(step.MaHoSo == Self.dossierA && step.TrangThai == "4" && step.ThoiDiemXuLy == "20241105090500" && step.NguoiXuLy == "canbo.phuong")
    }

    @Test("the lifecycle's status changes queue the dossier's new state and a progress step, refused ones nothing")
    func lifecycleQueues() throws {
        _ = try db.openDossier(DossierIntake(code: try DossierCode(Self.dossierA), procedure: try ProcedureCode("1.001193"), agency: try AgencyCode(Self.agency), owner: owner, actor: "clerk"), keepingExisting: true)
        #expect(try messages(Self.dossierA).map(\.kind) == [.dossier], "a new dossier goes as a whole")
        try db.changeStatus(of: Self.dossierA, to: .inProgress, note: "chuyển xử lý", by: "canbo.phuong")
        #expect(throws: DossierError.self) { try db.changeStatus(of: Self.dossierA, to: .returned, by: "canbo.phuong") }
        let queue = try messages(Self.dossierA)
        #expect(queue.map(\.kind) == [.dossier, .progress])
        #expect(try dossierPayload(queue[0]).TrangThaiHoSo == "4", "the waiting full sync carries the new status")
        let step = try JSONDecoder().decode(PortalProgress.self, from: Data(queue[1].payload.utf8))
        #expect(step.TrangThai == "4" && step.NguoiXuLy == "canbo.phuong" && step.NoiDungXuLy == "chuyển xử lý")
    }

    // MARK: - Dead letters

    @Test("retry-dead revives dead messages, and drops a dead full sync that a newer state supersedes")
    func retryDead() throws {
        _ = try db.openDossier(DossierIntake(code: try DossierCode(Self.dossierA), procedure: try ProcedureCode("1.001193"), agency: try AgencyCode(Self.agency), owner: owner, actor: "clerk"), keepingExisting: true)
        try db.enqueueProgressSync(dossier: Self.dossierA, update: progress(.accepted, 1))
        let now = Date()
        for _ in 0..<2 {
            let claim = try #require(try db.writeDB { try SyncOutbox.claimNext($0, runner: "r", now: now, lease: 60) })
            #expect(try db.writeDB { try SyncOutbox.markFailed($0, claim.message, runner: "r", error: "HTTP 400", retryAt: nil) })
        }
        var status = try db.syncStatus(now: now)
        #expect(status.dead == 2 && status.problems.count == 2 && status.problems.allSatisfy { $0.lastError == "HTTP 400" })
        try file("to-khai", dossier: Self.dossierA)  // a newer state of A is queued
        let report = try db.retryDeadSync(at: now)
        #expect(report == .init(revived: 1, superseded: 1))
        let queue = try messages(Self.dossierA)
        #expect(queue.map(\.kind) == [.progress, .dossier])
        #expect(queue.allSatisfy { $0.state == .pending && $0.attempts == 0 })
        status = try db.syncStatus()
        #expect(status.dead == 0 && status.due == 2)
    }

    // MARK: - Claims across connections

    @Test("senders on separate connections to one file never claim the same message")
    func concurrentClaims() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("outbox-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("warehouse.sqlite")
        let setup = try WarehouseDatabase(url: url)
        for n in 1...40 {
            let code = "\(Self.agency)-241105-\(String(format: "%04d", n))"
            _ = try setup.openDossier(DossierIntake(code: try DossierCode(code), procedure: try ProcedureCode("1.001193"), agency: try AgencyCode(Self.agency), owner: owner, actor: "clerk"), keepingExisting: true)
            try setup.enqueueProgressSync(dossier: code, update: progress(.accepted, 1))
        }
        let stores = try (0..<4).map { _ in try WarehouseDatabase(url: url) }
        let claimed = try await withThrowingTaskGroup(of: [String].self) { group in
            for (i, store) in stores.enumerated() {
                group.addTask {
                    var mine: [String] = []
                    while let claim = try await store.claimSyncMessage(runner: "r\(i)", now: Date(), lease: 60) {
                        mine.append(claim.message.messageId)
                        try await store.recordSyncSent(claim.message, at: Date())
                    }
                    return mine
                }
            }
            var all: [String] = []
            for try await mine in group { all += mine }
            return all
        }
        #expect(claimed.count == 80)
        #expect(Set(claimed).count == 80, "no message claimed twice")
        #expect(try setup.syncStatus().sent == 80)
    }
}
