import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import WarehouseServer

@testable import WarehouseCore

/// The agency's own archive on the desk: the list of papers that name no owner, and the form that gives one
/// its owner. Part of the serialized `RouterTests` suite: they share its warehouse.
extension RouterTests {
    /// Files a paper in the archive of `agency`, unassigned, as a backfill without a manifest does (no OCR here).
    static func fileInArchive(_ f: Fixture, agency: String, text: String) throws -> (id: String, code: String) {
        let blobId = BlobID.of(Data(text.utf8)).hex
        let id = UUID().uuidString.lowercased()
        let now = Date()
        var document = DocumentRecord(
            id: id, code: "", kind: 0, ownerPartyId: "", docType: "official-letter", typeConfidence: 0.9, title: "Công văn", pageCount: 1,
            meanConfidence: 90, reviewStatus: "needs-review", sensitivity: "basic", createdAt: now, createdBy: "backfill", agencyCode: agency,
            procedureCode: "", pipelineVersion: "t", engine: "test")
        document.ownerUnassigned = true
        try f.services.store.commit(
            FilingBatch(
                owner: .agency(try AgencyCode(agency)), dossierCode: nil, procedureCode: nil, agencyCode: agency, actor: "backfill", at: now,
                blobs: [
                    .init(
                        record: BlobRecord(id: blobId, size: 1, mime: "application/pdf", pageCount: 1, createdAt: now, verifiedAt: now),
                        pages: [
                            PageRecord(
                                blobId: blobId, number: 1, width: 10, height: 10, dpi: 300, pixelDigest: "archive-\(blobId)", perceptualHash: 0,
                                text: text, confidence: 90, textSource: "ocr", skewAngle: 0, rotation: 0, ocrSeconds: 1, engine: "test",
                                pipelineVersion: "t")
                        ], barcodes: [])
                ],
                documents: [
                    .init(
                        existingDocumentId: nil, newDocument: document,
                        files: [DocumentFile(documentId: id, seq: 1, blobId: blobId, fileName: "cong-van.pdf")],
                        fields: [FieldRecord(documentId: id, name: "soKyHieu", value: "574/UBND-KTTH", confidence: 0.8, source: "ocr", flags: [])],
                        text: text, componentName: "Công văn", codeStem: "official-letter", filingIndices: [0])
                ],
                filings: [
                    FilingRecord(
                        id: nil, at: now, actor: "backfill", agencyCode: agency, fileName: "/archive/\(id).pdf", sha256: blobId, documentId: nil,
                        dossierCode: nil, status: "filed", error: nil, errorCode: nil, quarantinePath: nil, pipelineVersion: "t")
                ]))
        return (id, try #require(try f.services.store.documentDetail(id)).stored.document.code)
    }

    @Test("the desk lists its archive's papers that name no owner; its clerk gives one its owner; no one else sees or moves them")
    func deskArchive() async throws {
        let f = try await Fixture.shared.value
        let paper = try Self.fileInArchive(f, agency: "000.12.34.H56", text: "Công văn số 574/UBND-KTTH \(UUID().uuidString)")
        try await f.app.test(.router) { client in
            let clerk = try await client.signIn(f, "clerk.a")
            let other = try await client.signIn(f, "clerk.b")
            let binh = try await client.signIn(f, "binh")
            let desk = String(buffer: try await client.execute(uri: "/desk", method: .get, headers: [.cookie: clerk.cookie, .accept: "text/html"]).body)
            #expect(desk.contains("Giấy tờ chưa có chủ"))
            #expect(desk.contains(paper.code))
            #expect(desk.contains("action=\"/desk/documents/\(paper.id)/assign\""))
            #expect(desk.contains("574/UBND-KTTH"))
            let otherDesk = String(buffer: try await client.execute(uri: "/desk", method: .get, headers: [.cookie: other.cookie]).body)
            #expect(!otherDesk.contains(paper.code), "another agency's desk does not see the archive")
            // The agency's clerk reads it; the citizen it is not yet given to does not.
            #expect(try await client.execute(uri: "/api/documents/\(paper.id)", method: .get, headers: clerk.headers).status == .ok)
            #expect(try await client.execute(uri: "/api/documents/\(paper.id)", method: .get, headers: binh.headers).status == .notFound)

            func assign(_ session: SignedIn, owner: String, csrf: Bool = true) async throws -> TestResponse {
                try await client.execute(
                    uri: "/desk/documents/\(paper.id)/assign", method: .post,
                    headers: [.cookie: session.cookie, .contentType: "application/x-www-form-urlencoded"],
                    body: ByteBuffer(string: "owner=\(owner)" + (csrf ? "&csrf=\(session.csrf)" : "")))
            }
            #expect(try await assign(other, owner: "038192004567").status == .notFound)
            #expect(try await assign(clerk, owner: "038192004567", csrf: false).status == .forbidden)
            #expect(try await assign(clerk, owner: "12345").status == .badRequest)
            #expect(try f.services.store.unassignedDocuments(agency: "000.12.34.H56").contains { $0.id == paper.id })

            let moved = try await assign(clerk, owner: "038192004567")
            #expect(moved.status == .seeOther)
            #expect(moved.headers[.location]?.hasPrefix("/desk?assigned=038192004567.official-letter.") == true, "\(moved.headers)")
            #expect(try !f.services.store.unassignedDocuments().contains { $0.id == paper.id })
            let history = try f.services.store.ownerAssignments(document: paper.id)
            let clerkAccount = try #require(try f.services.store.account(username: "clerk.a"))
            #expect(history.map(\.actor) == [clerkAccount.id])
            #expect(history.first?.fromCode == paper.code)
            // Now it is Bình's: in her store, and no longer the archive's to move.
            #expect(try await client.execute(uri: "/api/documents/\(paper.id)", method: .get, headers: binh.headers).status == .ok)
            #expect(try await assign(clerk, owner: "038090012345").status == .notFound)
            let log = try f.services.store.accessLog(limit: 50)
            #expect(log.contains { $0.action == "assign-owner" && $0.objectId == paper.id && $0.outcome == "allowed" })
            #expect(log.contains { $0.action == "assign-owner" && $0.objectId == paper.id && $0.outcome == "denied" })
        }
        // No account owns an agency's archive.
        #expect(throws: (any Error).self) {
            _ = try f.services.createAccount(
                username: "kho.phuong", password: "pw-kho-phuong-secret", role: .citizen, displayName: "kho", owner: .agency(try AgencyCode("000.12.34.H56")))
        }
    }
}
