import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import WarehouseServer

@testable import WarehouseCore

/// The desk's dossier page with the catalogue's component specs (catalog/sample/ loaded into the shared fixture).
/// Nested in the serialized `RouterTests`: its tests write to the fixture's file, and one of those opens a second
/// connection that must not find the file locked.
extension RouterTests {
    @Suite("Desk reuse driven by the catalogue")
    struct CatalogReuse {
        /// The shared fixture with the whole sample catalogue loaded, component specs included.
        static func fixture() async throws -> Fixture {
            let f = try await Fixture.shared.value
            try Fixture.importSampleCatalog(f.services.store)
            return f
        }

        struct Requirements: Decodable {
            struct Component: Decodable {
                struct Present: Decodable {
                    var documentId: String
                    var component: String
                }
                struct Candidate: Decodable {
                    var reference: String
                    var basis: String
                    var number: String?
                }
                var code: String
                var name: String
                var required: Bool
                var present: [Present]
                var candidates: [Candidate]
            }
            var procedure: String
            var hasSpec: Bool
            var reuseGranted: Bool
            var components: [Component]
        }

        /// The desk records An at the counter: the chip of his CCCD read.
        func present(_ client: some TestClientProtocol, _ clerk: SignedIn, code: String) async throws {
            let r = try await client.execute(
                uri: "/desk/dossiers/\(code)/presence", method: .post, headers: [.cookie: clerk.cookie, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "method=chip&chipNumber=038090012345&csrf=\(clerk.csrf)"))
            #expect(r.status == .seeOther, "presence at \(code): \(String(buffer: r.body))")
        }

        static func ref(_ code: String, _ document: String) -> String { ReuseGrant.reference(dossier: code, document: document) }

        func open(_ client: some TestClientProtocol, _ clerk: SignedIn, code: String, procedure: String) async throws {
            let r = try await client.execute(
                uri: "/desk/dossiers", method: .post, headers: [.cookie: clerk.cookie, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "code=\(code)&procedure=\(procedure)&owner=038090012345&csrf=\(clerk.csrf)"))
            #expect(r.status == .seeOther, "open \(code)")
        }

        func attach(_ client: some TestClientProtocol, _ clerk: SignedIn, code: String, document: String, component: String?) async throws -> TestResponse {
            let body = "document=\(document)&csrf=\(clerk.csrf)" + (component.map { "&componentCode=\($0)" } ?? "")
            return try await client.execute(
                uri: "/desk/dossiers/\(code)/reuse", method: .post,
                headers: [.cookie: clerk.cookie, .contentType: "application/x-www-form-urlencoded", .accept: "application/json"],
                body: ByteBuffer(string: body))
        }

        func requirements(_ client: some TestClientProtocol, _ clerk: SignedIn, code: String) async throws -> Requirements {
            let r = try await client.execute(uri: "/api/dossiers/\(code)/requirements", method: .get, headers: clerk.headers)
            #expect(r.status == .ok, "\(String(buffer: r.body))")
            return try JSONDecoder().decode(Requirements.self, from: Data(r.body.readableBytesView))
        }

        @Test("a procedure with a component spec: the page lists the components it requires and offers exactly the owner's documents that can stand for each")
        func specDrivesReuse() async throws {
            let f = try await Self.fixture()
            let code = "000.12.34.H56-250102-0101"
            try await f.app.test(.router) { client in
                let clerk = try await client.signIn(f, "clerk.a")
                // Cấp Giấy xác nhận tình trạng hôn nhân, for An, who has his CCCD (front) in the warehouse.
                try await open(client, clerk, code: code, procedure: "1.004873")
                // Nothing of An's is offered before he is at the counter, and nothing can be attached.
                let unseen = try await requirements(client, clerk, code: code)
                #expect(!unseen.reuseGranted && unseen.components.allSatisfy { $0.candidates.isEmpty })
                let early = try await attach(client, clerk, code: code, document: Self.ref(code, f.docAn), component: "CCCD-NYC")
                #expect(early.status == .forbidden && String(buffer: early.body).contains("owner-not-present"))
                try await present(client, clerk, code: code)
                let page = try await client.execute(uri: "/desk/dossiers/\(code)", method: .get, headers: [.cookie: clerk.cookie, .accept: "text/html"])
                let html = String(buffer: page.body)
                #expect(html.contains("id=\"requirements\"") && !html.contains("id=\"reuse\""), "the spec replaces the plain list")
                #expect(html.contains("Tờ khai cấp Giấy xác nhận tình trạng hôn nhân") && html.contains("Căn cước công dân của người yêu cầu"))
                #expect(html.contains("còn thiếu"))
                #expect(html.contains("CCCD-NYC · nhận: cccd-front, cccd-back") && !html.contains("TK-XNTTHN · nhận"))
                #expect(html.contains("name=\"document\" value=\"\(Self.ref(code, f.docAn))\"><input type=\"hidden\" name=\"componentCode\" value=\"CCCD-NYC\">"))
                #expect(!html.contains(f.docAn), "the list names An's paper by its reference in this dossier, not by its id")

                let before = try await requirements(client, clerk, code: code)
                #expect(before.hasSpec && before.procedure == "1.004873")
                #expect(before.components.map(\.code) == ["TK-XNTTHN", "CCCD-NYC"])
                #expect(before.components.allSatisfy { $0.required && $0.present.isEmpty })
                #expect(before.components[0].candidates.isEmpty, "a form is scanned anew: nothing stands for it")
                #expect(before.reuseGranted && before.components[1].candidates.map(\.reference) == [Self.ref(code, f.docAn)])
                #expect(before.components[1].candidates.map(\.basis) == ["cccd-front"])

                // Only what the spec accepts can be attached for a component; another owner's paper stays "not found".
                let wrong = try await attach(client, clerk, code: code, document: Self.ref(code, f.docAn), component: "TK-XNTTHN")
                #expect(wrong.status == .unprocessableContent && String(buffer: wrong.body).contains("not-accepted"))
                for document in [Self.ref(code, f.docBinh), f.docAn, f.docBinh] {
                    let other = try await attach(client, clerk, code: code, document: document, component: "CCCD-NYC")
                    #expect(other.status == .notFound, "another owner's paper, or a bare id: not offered")
                }
                let ok = try await attach(client, clerk, code: code, document: Self.ref(code, f.docAn), component: "CCCD-NYC")
                #expect(ok.status == .seeOther)

                let after = try await requirements(client, clerk, code: code)
                #expect(after.components[1].present.map(\.documentId) == [f.docAn])
                #expect(after.components[1].present.map(\.component) == ["Căn cước công dân của người yêu cầu"], "attached under the component's name")
                #expect(after.components[1].candidates.isEmpty)
                #expect(after.components[0].present.isEmpty)
                let again = try await attach(client, clerk, code: code, document: Self.ref(code, f.docAn), component: "CCCD-NYC")
                #expect(again.status == .unprocessableContent, "already in the dossier")
            }
        }

        @Test("an upload chosen for a component of the spec turns it present at once; an unknown component code is refused")
        func uploadForAComponent() async throws {
            let f = try await Self.fixture()
            let code = "000.12.34.H56-250102-0104"
            let scan = try Data(contentsOf: Fixture.sampleScans.appendingPathComponent("000.12.34.H56-241105-0007/to-khai-dang-ky-khai-sinh.png"))
            try await f.app.test(.router) { client in
                let clerk = try await client.signIn(f, "clerk.a")
                try await open(client, clerk, code: code, procedure: "1.004873")
                func upload(_ component: String) async throws -> TestResponse {
                    try await client.execute(
                        uri: "/api/dossiers/\(code)/files", method: .post,
                        headers: [.cookie: clerk.cookie, .contentType: "multipart/form-data; boundary=b", .accept: "application/json",
                                  HTTPField.Name("X-CSRF-Token")!: clerk.csrf],
                        body: ByteBuffer(bytes: multipartBody(boundary: "b", [
                            ("Content-Disposition: form-data; name=\"componentCode\"", Array(component.utf8)),
                            ("Content-Disposition: form-data; name=\"files\"; filename=\"to-khai.png\"\r\nContent-Type: image/png", Array(scan)),
                        ])))
                }
                let unknown = try await upload("NO-SUCH")
                #expect(unknown.status == .badRequest && String(buffer: unknown.body).contains("unknown-component"))
                #expect(try await requirements(client, clerk, code: code).components[0].present.isEmpty)
                let filed = try await upload("TK-XNTTHN")
                #expect(filed.status == .ok, "\(String(buffer: filed.body).prefix(300))")
                let after = try await requirements(client, clerk, code: code)
                #expect(after.components[0].present.map(\.component) == ["Tờ khai cấp Giấy xác nhận tình trạng hôn nhân"])
                let page = try await client.execute(uri: "/desk/dossiers/\(code)", method: .get, headers: [.cookie: clerk.cookie, .accept: "text/html"])
                #expect(String(buffer: page.body).contains("<option value=\"TK-XNTTHN\">Tờ khai cấp Giấy xác nhận tình trạng hôn nhân (đã có)</option>"))
            }
        }

        @Test("a procedure without a component spec keeps the plain list of the owner's documents")
        func noSpecKeepsTheOldPage() async throws {
            let f = try await Self.fixture()
            try await f.app.test(.router) { client in
                let clerk = try await client.signIn(f, "clerk.a")
                // 2.001263 is in the catalogue without components.
                for (code, procedure) in [("000.12.34.H56-250102-0102", "2.001263")] {
                    try await open(client, clerk, code: code, procedure: procedure)
                    try await present(client, clerk, code: code)
                    let page = try await client.execute(uri: "/desk/dossiers/\(code)", method: .get, headers: [.cookie: clerk.cookie, .accept: "text/html"])
                    let html = String(buffer: page.body)
                    #expect(html.contains("id=\"reuse\"") && !html.contains("id=\"requirements\""))
                    #expect(html.contains("name=\"document\" value=\"\(Self.ref(code, f.docAn))\"><button>Đính kèm</button>"))
                    let json = try await requirements(client, clerk, code: code)
                    #expect(!json.hasSpec && json.components.isEmpty)
                    let named = try await attach(client, clerk, code: code, document: Self.ref(code, f.docAn), component: "CCCD-NYC")
                    #expect(named.status == .badRequest && String(buffer: named.body).contains("unknown-component"))
                    let plain = try await attach(client, clerk, code: code, document: Self.ref(code, f.docAn), component: nil)
                    #expect(plain.status == .seeOther)
                    let attached = try f.services.store.components(dossier: code)
                    #expect(attached.map(\.1.id) == [f.docAn] && attached.allSatisfy(\.0.reused))
                }
                // 3.000123 is not in the catalogue at all: no dossier is opened for it.
                let unknown = try await client.execute(
                    uri: "/desk/dossiers", method: .post, headers: [.cookie: clerk.cookie, .contentType: "application/x-www-form-urlencoded"],
                    body: ByteBuffer(string: "code=000.12.34.H56-250102-0103&procedure=3.000123&owner=038090012345&csrf=\(clerk.csrf)"))
                #expect(unknown.status == .unprocessableContent && String(buffer: unknown.body).contains("không có trong danh mục"))
                #expect(try f.services.store.dossier("000.12.34.H56-250102-0103") == nil)
            }
        }
    }
}
