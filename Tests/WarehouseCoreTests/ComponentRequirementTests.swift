import Foundation
import Testing

@testable import WarehouseCore

@Suite("Component requirements")
struct ComponentRequirementTests {
    static let day = CalendarDate(year: 2025, month: 3, day: 1)!
    static let now = Date()

    static func component(_ code: String, _ name: String, results: [String] = [], docTypes: [String] = [], required: Bool = true) -> CatalogComponent {
        CatalogComponent(
            procedureCode: "2.000806", code: code, name: name, required: required, position: 1, originals: nil, copies: nil,
            acceptsResultTypes: results, acceptsDocTypes: docTypes, nationalCode: nil, validFrom: nil, validTo: nil, sourceVersion: nil,
            importedAt: now)
    }

    static let rules = ComponentRules(
        procedure: nil,
        components: [
            component("TK", "Tờ khai đăng ký kết hôn"),
            component("XNTTHN", "Giấy xác nhận tình trạng hôn nhân", results: ["KQ.G15.900001"]),
            component("CCCD", "Căn cước công dân của người yêu cầu", docTypes: ["cccd-front", "cccd-back"]),
            component("KS", "Giấy khai sinh", results: ["KQ.G15.000031"], required: false),
        ],
        resultTypes: [
            "KQ.G15.900001": CatalogResultType(
                code: "KQ.G15.900001", name: "Giấy xác nhận TTHN", validityMonths: 6, docType: "marital-status-certificate", sensitivity: "basic",
                validFrom: nil, validTo: nil, sourceVersion: nil, importedAt: now),
            "KQ.G15.000031": CatalogResultType(
                code: "KQ.G15.000031", name: "Giấy khai sinh", validityMonths: nil, docType: "birth-certificate", sensitivity: "basic",
                validFrom: nil, validTo: nil, sourceVersion: nil, importedAt: now),
        ])

    static func document(_ id: String, _ docType: String, issuedOn: String? = nil, results: [ResultSummary] = []) -> DocumentSummary {
        DocumentSummary(
            id: id, code: "038090012345.\(id).01", kind: results.isEmpty ? 0 : 1, docType: docType, title: id, pages: 1, createdAt: now,
            agencyCode: "000.12.34.H56", reviewStatus: "auto", sensitivity: "basic", number: nil, issuedOn: issuedOn, results: results)
    }

    static func result(_ type: String, until: String?, revoked: Bool = false) -> ResultSummary {
        ResultSummary(
            resultCode: "000.12.34.H56-241021-0003-KQ1", dossierCode: "000.12.34.H56-241021-0003", resultType: type, documentName: "GXN",
            number: "1", issuedAt: now, validUntil: until, permanent: until == nil, revokedAt: revoked ? now : nil, revokedReason: nil,
            validity: .of(revoked: revoked, permanent: until == nil, validUntil: until, on: day))
    }

    @Test("documents stand for a component by an issued result of an accepted type, an accepted document type, or the document type of an accepted result type, while valid")
    func matching() throws {
        let documents = [
            Self.document("cccd", "cccd-front"),
            Self.document("form", "application-form"),
            // A marital-status certificate scanned on 2024-10-21: valid six months, to 2025-04-21.
            Self.document("tthn-fresh", "marital-status-certificate", issuedOn: "2024-10-21"),
            // One scanned on 2024-06-01 has expired.
            Self.document("tthn-old", "marital-status-certificate", issuedOn: "2024-06-01"),
            // A sealed result of the type, valid to 2025-05-01, and a revoked one.
            Self.document("tthn-sealed", "other", results: [Self.result("KQ.G15.900001", until: "2025-05-01")]),
            Self.document("tthn-revoked", "marital-status-certificate", results: [Self.result("KQ.G15.900001", until: "2025-05-01", revoked: true)]),
            Self.document("gks", "birth-certificate"),
        ]
        let requirements = ComponentRequirement.evaluate(Self.rules, components: [], documents: documents, on: Self.day)
        #expect(requirements.map(\.code) == ["TK", "XNTTHN", "CCCD", "KS"])
        #expect(requirements.allSatisfy { !$0.isPresent })
        #expect(requirements[0].candidates.isEmpty && requirements[0].unusable.isEmpty, "a form accepts nothing: it is scanned anew")
        let marital = requirements[1]
        #expect(marital.candidates.map(\.documentId) == ["tthn-sealed", "tthn-fresh"], "sealed results first")
        #expect(marital.candidates.map(\.basis) == ["KQ.G15.900001", "KQ.G15.900001"])
        #expect(marital.candidates[0].resultCode == "000.12.34.H56-241021-0003-KQ1")
        #expect(marital.candidates[1].validUntil == "2025-04-21")
        #expect(Set(marital.unusable.map(\.documentId)) == ["tthn-old", "tthn-revoked"])
        #expect(marital.unusable.first { $0.documentId == "tthn-old" }?.validity == .expired)
        #expect(marital.unusable.first { $0.documentId == "tthn-revoked" }?.validity == .revoked)
        #expect(requirements[2].candidates.map(\.documentId) == ["cccd"])
        #expect(requirements[2].candidates[0].basis == "cccd-front")
        let birth = try #require(requirements[3].candidates.first)
        #expect(birth.documentId == "gks" && birth.permanent && birth.validity == .valid)
    }

    @Test("a component is present when the dossier files a document under its name or of a type it accepts; then nothing is offered")
    func presence() {
        let filed = DocumentRecord(
            id: "x", code: "038090012345.2.000806.tk.01", kind: 0, ownerPartyId: "p", docType: "application-form", typeConfidence: 1, title: "Tờ khai",
            pageCount: 1, meanConfidence: 90, reviewStatus: "auto", sensitivity: "basic", createdAt: Self.now, createdBy: "c", agencyCode: "a",
            procedureCode: "2.000806", pipelineVersion: "t", engine: "t")
        let card = DocumentRecord(
            id: "y", code: "038090012345.2.000806.cccd.01", kind: 0, ownerPartyId: "p", docType: "cccd-back", typeConfidence: 1, title: "CCCD",
            pageCount: 1, meanConfidence: 90, reviewStatus: "auto", sensitivity: "sensitive", createdAt: Self.now, createdBy: "c", agencyCode: "a",
            procedureCode: "2.000806", pipelineVersion: "t", engine: "t")
        func component(_ name: String, _ doc: DocumentRecord) -> (ComponentRecord, DocumentRecord) {
            (ComponentRecord(id: 1, dossierCode: "d", name: name, documentId: doc.id, reused: false, createdAt: Self.now, createdBy: "c"), doc)
        }
        let requirements = ComponentRequirement.evaluate(
            Self.rules, components: [component("  tờ khai ĐĂNG KÝ kết hôn ", filed), component("Mặt sau", card)],
            documents: [Self.document("cccd", "cccd-front"), Self.document("y", "cccd-back")], on: Self.day)
        #expect(requirements[0].present.map(\.documentId) == ["x"], "by name, as people type it")
        #expect(requirements[2].present.map(\.component) == ["Mặt sau"], "by an accepted document type")
        #expect(requirements[2].candidates.isEmpty, "present: nothing more is offered")
        #expect(requirements[1].present.isEmpty && requirements[3].present.isEmpty)
    }
}
