import Foundation
import Testing

@testable import WarehouseCore

@Suite("Warehouse database")
struct DatabaseTests {
    let db: WarehouseDatabase
    let owner = try! OwnerIdentifier("038090012345")

    init() throws {
        db = try WarehouseDatabase()
    }

    /// Files one document with the given text through the same commit the pipeline uses.
    @discardableResult
    func file(text: String, owner: OwnerIdentifier, dossier: String = "000.00.12.H56-241105-0007", bytes: String) throws -> String {
        let blobId = BlobID.of(Data(bytes.utf8)).hex
        let docId = UUID().uuidString.lowercased()
        let now = Date()
        let blob = FilingBatch.NewBlob(
            record: BlobRecord(id: blobId, size: Int64(bytes.utf8.count), mime: "image/png", pageCount: 1, createdAt: now, verifiedAt: nil),
            pages: [
                PageRecord(
                    blobId: blobId, number: 1, width: 10, height: 10, dpi: 300, pixelDigest: "p-\(blobId)", perceptualHash: 0, text: text, confidence: 90,
                    textSource: "ocr", skewAngle: 0, rotation: 0, ocrSeconds: 1, engine: "test", pipelineVersion: "t")
            ], barcodes: [])
        let document = DocumentRecord(
            id: docId, code: "", kind: 0, ownerPartyId: "", docType: "other", typeConfidence: 0.5, title: "Giấy tờ", pageCount: 1,
            meanConfidence: 90, reviewStatus: "auto", sensitivity: "basic", createdAt: now, createdBy: "clerk",
            agencyCode: "000.00.12.H56", procedureCode: "1.001193", pipelineVersion: "t", engine: "test")
        let batch = FilingBatch(
            owner: owner, dossierCode: dossier, procedureCode: "1.001193", agencyCode: "000.00.12.H56", actor: "clerk", at: now,
            blobs: [blob],
            documents: [
                .init(
                    existingDocumentId: nil, newDocument: document,
                    files: [DocumentFile(documentId: docId, seq: 1, blobId: blobId, fileName: "a.png")], fields: [], text: text,
                    componentName: "Giấy tờ", codeStem: "1.001193.other", filingIndices: [0])
            ],
            filings: [
                FilingRecord(
                    id: nil, at: now, actor: "clerk", agencyCode: "000.00.12.H56", fileName: "a.png", sha256: blobId, documentId: nil,
                    dossierCode: dossier, status: "filed", error: nil, errorCode: nil, quarantinePath: nil, pipelineVersion: "t")
            ])
        let filings = try db.commit(batch)
        #expect(filings.first?.documentId == docId)
        return docId
    }

    @Test("search finds Vietnamese with exact diacritics, and accent-folded including đ")
    func search() throws {
        let id = try file(text: "Họ và tên: Nguyễn Văn An\nNơi sinh: Đà Nẵng", owner: owner, bytes: "one")
        try file(text: "Họ và tên: Nguyên Văn Ân", owner: owner, bytes: "two")

        let exact = try db.search("Nguyễn Văn An", owner: nil, limit: 10)
        #expect(exact.first?.document.id == id)
        #expect(exact.first?.exact == true)
        #expect(exact.count == 2)  // the folded form matches the other one too, ranked after
        #expect(exact.last?.exact == false)

        let folded = try db.search("nguyen van an", owner: nil, limit: 10)
        #expect(Set(folded.map(\.document.id)).contains(id))
        #expect(try db.search("da nang", owner: nil, limit: 10).map(\.document.id) == [id])
        #expect(try db.search("ĐÀ NẴNG", owner: nil, limit: 10).first?.exact == true)
        #expect(try db.search("Đà Nẵng", owner: nil, limit: 10).first?.snippet.contains("Đà Nẵng") == true)
        #expect(try db.search("Hà Nội", owner: nil, limit: 10).isEmpty)
        // FTS syntax in user input is taken as words, not operators.
        #expect(try db.search("\"An\" OR * NEAR(", owner: nil, limit: 10).count >= 0)
    }

    @Test("search by owner shows only that owner's documents")
    func searchByOwner() throws {
        let other = try OwnerIdentifier("038192004567")
        try file(text: "Lê Thị Bình", owner: other, dossier: "000.00.12.H56-241105-0008", bytes: "b")
        try file(text: "Lê Thị Bình", owner: owner, bytes: "a")
        #expect(try db.search("Bình", owner: nil, limit: 10).count == 2)
        let mine = try db.search("Bình", owner: other, limit: 10)
        #expect(mine.count == 1)
        #expect(mine.first?.ownerIdentifiers.first?.value == "038192004567")
    }

    @Test("document codes follow {owner}.{procedure}.{component}.{NN}")
    func documentCodes() throws {
        let a = try file(text: "x", owner: owner, bytes: "1")
        let b = try file(text: "y", owner: owner, bytes: "2")
        #expect(try db.documentDetail(a)?.stored.document.code == "038090012345.1.001193.other.01")
        #expect(try db.documentDetail(b)?.stored.document.code == "038090012345.1.001193.other.02")
    }

    @Test("a dossier keeps its procedure; components of other owners may join it")
    func dossierConsistency() throws {
        try file(text: "x", owner: owner, bytes: "1")
        // The child's birth certificate belongs to the child, in the parent's dossier.
        let child = try OwnerIdentifier("038324000123")
        let childDoc = try file(text: "y", owner: child, bytes: "2")
        #expect(try db.documentDetail(childDoc)?.stored.ownerIdentifiers.first?.value == "038324000123")
        #expect(try db.dossier("000.00.12.H56-241105-0007")?.procedureCode == "1.001193")
        let dossier = try #require(try db.dossier("000.00.12.H56-241105-0007"))
        #expect(WarehouseDatabase.conflict(dossier, procedure: "2.000806", agency: "000.00.12.H56") != nil)
        #expect(WarehouseDatabase.conflict(dossier, procedure: "1.001193", agency: "000.00.12.H56") == nil)
    }

    @Test("the fresh schema passes SQLite's integrity and foreign-key checks")
    func structure() throws {
        try file(text: "x", owner: owner, bytes: "1")
        #expect(try db.structuralProblems().isEmpty)
    }
}
