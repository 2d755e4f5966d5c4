import Foundation
import Testing

@testable import WarehouseCore

/// The agency's own archive in the store and the access policy: an owner of its own kind, unassigned until
/// a clerk gives a paper its owner, the move recorded and codes never given twice.
@Suite("Agency archive (store, policy)")
struct AgencyArchiveStoreTests {
    let db: WarehouseDatabase
    let agency = try! AgencyCode("000.12.34.H56")
    let citizen = try! OwnerIdentifier("038090012345")

    init() throws {
        db = try WarehouseDatabase()
    }

    /// Files one paper outside any dossier through the pipeline's commit: into the archive (unassigned) or for `owner`.
    @discardableResult
    func file(_ bytes: String, owner: OwnerIdentifier? = nil, docType: String = "official-letter") throws -> (id: String, code: String) {
        let blobId = BlobID.of(Data(bytes.utf8)).hex
        let docId = UUID().uuidString.lowercased()
        let now = Date()
        let blob = FilingBatch.NewBlob(
            record: BlobRecord(id: blobId, size: Int64(bytes.utf8.count), mime: "application/pdf", pageCount: 1, createdAt: now, verifiedAt: nil),
            pages: [
                PageRecord(
                    blobId: blobId, number: 1, width: 10, height: 10, dpi: 300, pixelDigest: "p-\(blobId)", perceptualHash: 0, text: bytes,
                    confidence: 90, textSource: "ocr", skewAngle: 0, rotation: 0, ocrSeconds: 1, engine: "test", pipelineVersion: "t")
            ], barcodes: [])
        var document = DocumentRecord(
            id: docId, code: "", kind: 0, ownerPartyId: "", docType: docType, typeConfidence: 0.9, title: "Công văn", pageCount: 1,
            meanConfidence: 90, reviewStatus: "needs-review", sensitivity: "basic", createdAt: now, createdBy: "backfill",
            agencyCode: agency.rawValue, procedureCode: "", pipelineVersion: "t", engine: "test")
        document.ownerUnassigned = owner == nil
        let batch = FilingBatch(
            owner: owner ?? .agency(agency), dossierCode: nil, procedureCode: nil, agencyCode: agency.rawValue, actor: "backfill", at: now,
            blobs: [blob],
            documents: [
                .init(
                    existingDocumentId: nil, newDocument: document,
                    files: [DocumentFile(documentId: docId, seq: 1, blobId: blobId, fileName: "\(bytes).pdf")],
                    fields: [FieldRecord(documentId: docId, name: "soKyHieu", value: "574/UBND-KTTH", confidence: 0.8, source: "ocr", flags: [])],
                    text: bytes, componentName: "Công văn", codeStem: docType, filingIndices: [0])
            ],
            filings: [
                FilingRecord(
                    id: nil, at: now, actor: "backfill", agencyCode: agency.rawValue, fileName: "\(bytes).pdf", sha256: blobId, documentId: nil,
                    dossierCode: nil, status: "filed", error: nil, errorCode: nil, quarantinePath: nil, pipelineVersion: "t")
            ])
        try db.commit(batch)
        return (docId, try #require(try db.documentDetail(docId)).stored.document.code)
    }

    @Test("an agency code is an owner of its own kind: a state agency's archive")
    func identifier() throws {
        let owner = try OwnerIdentifier(" 000.12.34.h56 ")
        #expect(owner == .agency(agency))
        #expect((owner.kind, owner.value, owner.partyKind, owner.isAgencyArchive) == ("agency", "000.12.34.H56", 3, true))
        #expect(try OwnerIdentifier(kind: "agency", value: "000.12.34.H56") == owner)
        #expect(try OwnerIdentifier(kind: "cccd", value: "038090012345") == citizen)
        #expect(!citizen.isAgencyArchive)
        #expect(try JSONDecoder().decode(OwnerIdentifier.self, from: JSONEncoder().encode(owner)) == owner)
    }

    @Test("the archive lists what waits for an owner; assign moves it, recorded, under a new code; old codes are never given again")
    func assign() throws {
        let first = try file("cong-van-574")
        let second = try file("cong-van-575")
        #expect(first.code == "000.12.34.H56.official-letter.01")
        #expect(second.code == "000.12.34.H56.official-letter.02")
        let waiting = try db.unassignedDocuments(agency: agency.rawValue)
        #expect(waiting.map(\.id) == [first.id, second.id])
        #expect(waiting.first?.number == "574/UBND-KTTH")
        #expect(waiting.first?.files == ["cong-van-574.pdf"])
        #expect(try db.unassignedDocuments(agency: "000.00.12.H56").isEmpty)
        #expect(try db.accessFacts(document: first.id)?.archiveOf == agency.rawValue)

        let move = try db.assignOwner(first.code, to: citizen, by: "canbo.phuong")
        #expect((move.fromCode, move.toCode, move.wasUnassigned, move.via, move.actor) == (first.code, "038090012345.official-letter.01", true, "assign", "canbo.phuong"))
        #expect(try db.unassignedDocuments().map(\.id) == [second.id])
        #expect(try db.accessFacts(document: first.id)?.archiveOf == nil)
        // The old code still finds the document; its history says who moved it, from what.
        let detail = try #require(try db.documentDetail(first.code))
        #expect(detail.stored.document.id == first.id)
        #expect(detail.stored.ownerIdentifiers.map(\.value) == ["038090012345"])
        #expect(detail.assignments.count == 1)
        #expect(detail.assignmentOwners[move.fromPartyId] == "agency 000.12.34.H56")
        // A new paper of the archive never gets the code the moved one had.
        let third = try file("cong-van-576")
        #expect(third.code == "000.12.34.H56.official-letter.03")
        #expect(try db.documentDetail(first.code)?.stored.document.id == first.id)
        // Marked as the agency's own: it leaves the list, keeps its code.
        let own = try db.assignOwner(second.id, to: .agency(agency), by: "canbo.phuong")
        #expect(own.toCode == second.code)
        #expect(try db.unassignedDocuments().map(\.id) == [third.id])
    }

    @Test("only a paper of an agency archive moves; an archive owns no dossier")
    func refusals() throws {
        let letter = try file("cong-van-574")
        _ = try db.assignOwner(letter.id, to: citizen, by: "canbo.phuong")
        #expect(throws: AssignError.notInArchive("038090012345.official-letter.01", owner: "CCCD 038090012345")) {
            try db.assignOwner(letter.id, to: try OwnerIdentifier("038192004567"), by: "canbo.phuong")
        }
        #expect(throws: AssignError.notFound("nothing")) { try db.assignOwner("nothing", to: citizen, by: "x") }
        let intake = DossierIntake(
            code: try DossierCode("000.12.34.H56-241105-0009"), procedure: try ProcedureCode("1.001193"), agency: agency, owner: .agency(agency),
            actor: "canbo.phuong")
        #expect(throws: DossierError.self) { try db.openDossier(intake) }
        let row = "path,owner,procedure,dossier,agency\n2024/,000.12.34.H56,1.001193,000.12.34.H56-241105-0009,000.12.34.H56\n"
        #expect(throws: BackfillError.self) { try BackfillManifest(csv: row) }
    }

    @Test("desk staff of the agency see and assign its archive; a citizen never owns it, other agencies do not see it")
    func policy() {
        let archive = AccessFacts(ownerPartyId: "p-archive", agencies: ["000.12.34.H56"], archiveOf: "000.12.34.H56")
        let clerk = Actor(accountId: "c", role: .clerk, agencyCode: "000.12.34.H56", partyId: nil)
        let other = Actor(accountId: "o", role: .clerk, agencyCode: "000.00.12.H56", partyId: nil)
        let citizen = Actor(accountId: "z", role: .citizen, agencyCode: nil, partyId: "p-archive")
        #expect(AccessPolicy.allows(clerk, .assignOwner, archive))
        #expect(AccessPolicy.allows(clerk, .readDocument, archive))
        #expect(AccessPolicy.allows(clerk, .readUnassigned, AccessFacts(archiveOf: "000.12.34.H56")))
        #expect(!AccessPolicy.allows(other, .assignOwner, archive))
        #expect(!AccessPolicy.allows(other, .readDocument, archive))
        #expect(!AccessPolicy.allows(other, .readUnassigned, AccessFacts(archiveOf: "000.12.34.H56")))
        #expect(!AccessPolicy.allows(citizen, .readDocument, archive))
        #expect(!AccessPolicy.allows(citizen, .readOwnerStore, AccessFacts(ownerPartyId: "p-archive", archiveOf: "000.12.34.H56")))
        // A citizen's document moved out of the archive is theirs as before; the desk may not move it again.
        let theirs = AccessFacts(ownerPartyId: "p-archive", agencies: ["000.12.34.H56"])
        #expect(AccessPolicy.allows(citizen, .readDocument, theirs))
        #expect(!AccessPolicy.allows(clerk, .assignOwner, theirs))
    }
}
