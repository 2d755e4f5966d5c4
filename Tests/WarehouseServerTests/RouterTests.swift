import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import WarehouseImaging
import WarehouseServer
import WarehouseTesseract

@testable import WarehouseCore

/// A warehouse with accounts of every role and documents of three owners in two agencies, built once.
struct Fixture: Sendable {
    let services: ServerServices
    /// username → password
    let passwords: [String: String]
    /// Documents: An's CCCD (agency 000.12.34.H56), Bình's CCCD (same agency), Đức's CCCD (agency 000.00.12.H56).
    let docAn: String
    let docBinh: String
    let docDuc: String

    static let shared = Task { try await Fixture.make() }

    static let sampleScans = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("SampleScans")

    static func make() async throws -> Fixture {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("server-test-\(UUID().uuidString)")
        let services = try await ServerServices(
            layout: StorageLayout(root: root), settings: ServerSettings(maxUploadBytes: 3 << 20, bcryptCost: 4, loginAttempts: 3))
        let accounts: [(String, Role, String?, String?)] = [
            ("clerk.a", .clerk, "000.12.34.H56", nil), ("clerk.b", .clerk, "000.00.12.H56", nil),
            ("an", .citizen, nil, "038090012345"), ("binh", .citizen, nil, "038192004567"), ("auditor", .auditor, nil, nil),
            ("admin", .admin, nil, nil), ("guessed", .citizen, nil, "2801234564"), ("super.a", .supervisor, "000.12.34.H56", nil),
        ]
        var passwords: [String: String] = [:]
        for (name, role, agency, owner) in accounts {
            passwords[name] = "pw-\(name)-secret"
            _ = try services.createAccount(
                username: name, password: passwords[name]!, role: role, displayName: name, agencyCode: agency,
                owner: try owner.map { try OwnerIdentifier($0) })
        }
        _ = try SealKeyStore(directory: services.layout.keys).initialise(issuer: "HTTT test")
        // The procedures of the sample catalogue (without their component specs): a desk opens dossiers for those only.
        try importSampleCatalog(services.store, kinds: [.codeLists, .resultTypes, .procedures])
        func file(_ path: String, owner: String, dossier: String, procedure: String, agency: String) async throws -> String {
            let pipeline = IngestPipeline(
                layout: services.layout, store: services.store, blobs: services.blobs, decoder: ScanDecoder(),
                preprocessor: LeptonicaPreprocessor(), barcodeReader: ZBarReader(), ocrFactory: TesseractEngineFactory(language: "vie"),
                settings: PipelineSettings(workers: 1))
            let report = try pipeline.ingest(
                IngestRequest(
                    files: [sampleScans.appendingPathComponent(path)], owner: try OwnerIdentifier(owner), procedure: try ProcedureCode(procedure),
                    dossier: try DossierCode(dossier), agency: try AgencyCode(agency), actor: "fixture"))
            return try #require(report.files.first?.document)
        }
        let an = try await file(
            "000.12.34.H56-241105-0007/cccd-mat-truoc.png", owner: "038090012345", dossier: "000.12.34.H56-241105-0007",
            procedure: "1.001193", agency: "000.12.34.H56")
        let binh = try await file(
            "000.12.34.H56-241021-0003/cccd-mat-sau.jpg", owner: "038192004567", dossier: "000.12.34.H56-241021-0003",
            procedure: "1.004873", agency: "000.12.34.H56")
        let duc = try await file(
            "000.00.12.H56-241105-0007/cccd-mat-sau.jpg", owner: "052195001234", dossier: "000.00.12.H56-241105-0007",
            procedure: "2.000806", agency: "000.00.12.H56")
        return Fixture(services: services, passwords: passwords, docAn: an, docBinh: binh, docDuc: duc)
    }

    static let sampleCatalog = sampleScans.deletingLastPathComponent().appendingPathComponent("catalog/sample")

    /// Loads `kinds` of catalog/sample/ (again: importing it twice changes nothing).
    static func importSampleCatalog(_ store: WarehouseDatabase, kinds: [CatalogKind] = CatalogKind.loadOrder) throws {
        for kind in kinds {
            let url = try #require(
                ["csv", "json"].map { sampleCatalog.appendingPathComponent("\(kind.rawValue).\($0)") }.first { FileManager.default.fileExists(atPath: $0.path) })
            _ = try store.importCatalog(try CatalogFile(url: url), kind: kind)
        }
    }

    var app: some ApplicationProtocol {
        Application(router: buildRouter(services: services))
    }
}

/// A signed-in client: the session cookie and the CSRF token of its session.
struct SignedIn {
    var cookie: String
    var csrf: String

    var headers: HTTPFields { [.cookie: cookie, .accept: "application/json"] }
}

extension TestClientProtocol {
    func signIn(_ fixture: Fixture, _ username: String, password: String? = nil) async throws -> SignedIn {
        let response = try await execute(
            uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: "username=\(username)&password=\(password ?? fixture.passwords[username]!)"))
        #expect(response.status == .seeOther, "sign-in of \(username)")
        let setCookie = try #require(response.headers[.setCookie])
        let cookie = String(setCookie.split(separator: ";")[0])
        let token = String(cookie.split(separator: "=", maxSplits: 1)[1])
        let session = try #require(try await fixture.services.store.sessionAsync(tokenHash: SessionHash.of(token), at: Date()))
        return SignedIn(cookie: cookie, csrf: session.0.csrfToken)
    }
}

enum SessionHash {
    static func of(_ token: String) -> String {
        Data(token.utf8).sha256Hex
    }
}

extension Data {
    var sha256Hex: String { BlobID.of(self).hex }
}

@Suite("HTTP routes", .serialized)
struct RouterTests {
    @Test("health and metrics are public; pages need a session")
    func publicRoutes() async throws {
        let f = try await Fixture.shared.value
        try await f.app.test(.router) { client in
            try await client.execute(uri: "/health", method: .get) { r in
                #expect(r.status == .ok)
                #expect(String(buffer: r.body).contains("\"status\":\"ok\""))
            }
            try await client.execute(uri: "/metrics", method: .get) { r in
                #expect(String(buffer: r.body).contains("warehouse_ingested_files_total{status=\"filed\"}"))
            }
            try await client.execute(uri: "/api/me/documents", method: .get) { r in
                #expect(r.status == .unauthorized)
                #expect(String(buffer: r.body).contains("sign-in-required"))
            }
            try await client.execute(uri: "/verify", method: .get) { r in #expect(r.status == .ok) }
        }
    }

    @Test("sign-in sets an HttpOnly, SameSite=Strict cookie; wrong passwords are limited")
    func signIn() async throws {
        let f = try await Fixture.shared.value
        try await f.app.test(.router) { client in
            let ok = try await client.execute(
                uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "username=an&password=pw-an-secret"))
            let cookie = try #require(ok.headers[.setCookie])
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
            for _ in 0..<3 {
                let bad = try await client.execute(
                    uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                    body: ByteBuffer(string: "username=guessed&password=wrong"))
                #expect(bad.status == .unauthorized)
            }
            let limited = try await client.execute(
                uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "username=guessed&password=pw-guessed-secret"))
            #expect(limited.status == .tooManyRequests, "from the guesser's address even the right password waits")
            #expect(limited.headers[.retryAfter] != nil && String(buffer: limited.body).contains("thử lại sau"))
        }
    }

    @Test("a citizen's store holds their documents only")
    func citizenStore() async throws {
        let f = try await Fixture.shared.value
        try await f.app.test(.router) { client in
            let an = try await client.signIn(f, "an")
            let list = try await client.execute(uri: "/api/me/documents", method: .get, headers: an.headers)
            #expect(list.status == .ok)
            let body = String(buffer: list.body)
            #expect(body.contains(f.docAn))
            #expect(!body.contains(f.docBinh) && !body.contains(f.docDuc))
            let page = try await client.execute(uri: "/documents/\(f.docAn)", method: .get, headers: [.cookie: an.cookie, .accept: "text/html"])
            #expect(page.status == .ok)
            #expect(String(buffer: page.body).contains("Ai đã xem giấy tờ này"))
        }
    }

    @Test("a citizen's list shows a change made by another process at once, though lists are cached")
    func storeCacheFollowsOtherProcesses() async throws {
        let f = try await Fixture.shared.value
        try await f.app.test(.router) { client in
            let an = try await client.signIn(f, "an")
            func number() async throws -> String? {
                let list = try await client.execute(uri: "/api/me/documents", method: .get, headers: an.headers)
                #expect(list.status == .ok)
                let decoder = JSONDecoder()
                decoder.dateDecodingStrategy = .iso8601
                let documents = try decoder.decode([DocumentSummary].self, from: Data(String(buffer: list.body).utf8))
                return documents.first { $0.id == f.docAn }?.number
            }
            let before = try await number()
            #expect(try await number() == before, "a second read, from the cache, is the same")
            // Another connection to the file, as `warehouse` in another process would write it.
            let other = try DatabaseQueue(path: f.services.layout.database.path)
            try await other.write { db in
                try db.execute(
                    sql: "INSERT INTO field (documentId, name, value, confidence, source, flags) VALUES (?, 'soKyHieu', '123/QĐ-UBND', 1, 'manual', '[]')",
                    arguments: [f.docAn])
            }
            #expect(try await number() == "123/QĐ-UBND")
            try await other.write { db in try db.execute(sql: "DELETE FROM field WHERE documentId = ? AND name = 'soKyHieu'", arguments: [f.docAn]) }
            #expect(try await number() == before)
        }
    }

    /// Every document route, as every role, on documents that are not theirs: refused, and the refusal
    /// says nothing about the document.
    @Test("the refusal matrix: every route × every role × another owner's and another agency's document")
    func refusalMatrix() async throws {
        let f = try await Fixture.shared.value
        let routes = ["/api/documents/%@", "/documents/%@", "/documents/%@/pages/1/1", "/documents/%@/results/x-KQ1/sealed.pdf"]
        // (account, documents it must not reach)
        let cases: [(String, [String])] = [
            ("an", [f.docBinh, f.docDuc]), ("binh", [f.docAn, f.docDuc]), ("clerk.a", [f.docDuc]), ("clerk.b", [f.docAn, f.docBinh]),
            ("auditor", [f.docAn, f.docBinh, f.docDuc]), ("admin", [f.docAn, f.docBinh, f.docDuc]),
        ]
        try await f.app.test(.router) { client in
            for (user, documents) in cases {
                let session = try await client.signIn(f, user)
                for document in documents {
                    for route in routes {
                        let uri = String(format: route, document)
                        let r = try await client.execute(uri: uri, method: .get, headers: session.headers)
                        #expect(r.status == .notFound, "\(user) GET \(uri) → \(r.status)")
                        let body = String(buffer: r.body)
                        #expect(!body.contains("0381") && !body.contains("0521") && !body.contains("cccd"), "\(user) \(uri) leaks: \(body)")
                    }
                }
                // And a document that does not exist at all looks exactly the same.
                let missing = try await client.execute(uri: "/api/documents/no-such-id", method: .get, headers: session.headers)
                #expect(missing.status == .notFound)
            }
            // What each may reach: owners their own, clerks their agency's.
            for (user, document) in [("an", f.docAn), ("binh", f.docBinh), ("clerk.a", f.docAn), ("clerk.a", f.docBinh), ("clerk.b", f.docDuc)] {
                let session = try await client.signIn(f, user)
                let r = try await client.execute(uri: "/api/documents/\(document)", method: .get, headers: session.headers)
                #expect(r.status == .ok, "\(user) must read \(document)")
                #expect(!String(buffer: r.body).contains(f.services.layout.root.path), "server paths leak")
            }
            // State-changing routes on what is not theirs: refused the same way (with a valid CSRF token).
            for (user, document, dossier) in [("an", f.docBinh, "000.00.12.H56-241105-0007"), ("clerk.a", f.docDuc, "000.00.12.H56-241105-0007")] {
                let session = try await client.signIn(f, user)
                let form: HTTPFields = [.cookie: session.cookie, .contentType: "application/x-www-form-urlencoded", .accept: "application/json"]
                for (uri, body) in [
                    ("/documents/\(document)/reuse", "dossier=000.12.34.H56-241105-0007&csrf=\(session.csrf)"),
                    ("/desk/documents/\(document)/fields", "field.hoTen=X&csrf=\(session.csrf)"),
                    ("/desk/dossiers/\(dossier)/reuse", "document=\(document)&csrf=\(session.csrf)"),
                ] {
                    let r = try await client.execute(uri: uri, method: .post, headers: form, body: ByteBuffer(string: body))
                    #expect([.notFound, .forbidden].contains(r.status), "\(user) POST \(uri) → \(r.status)")
                    #expect(!String(buffer: r.body).contains("0521") && !String(buffer: r.body).contains("0381"))
                }
            }
            // Role-wide refusals.
            let an = try await client.signIn(f, "an")
            #expect(try await client.execute(uri: "/api/access-log", method: .get, headers: an.headers).status == .forbidden)
            #expect(try await client.execute(uri: "/desk", method: .get, headers: an.headers).status == .forbidden)
            let clerk = try await client.signIn(f, "clerk.a")
            #expect(try await client.execute(uri: "/api/me/documents", method: .get, headers: clerk.headers).status == .forbidden)
            #expect(try await client.execute(uri: "/desk/dossiers/000.00.12.H56-241105-0007", method: .get, headers: clerk.headers).status == .notFound)
        }
    }

    @Test("every read is in the access log, hash-chained; the owner sees reads of their documents; tampering is found")
    func accessLog() async throws {
        let f = try await Fixture.shared.value
        try await f.app.test(.router) { client in
            let clerk = try await client.signIn(f, "clerk.a")
            _ = try await client.execute(uri: "/api/documents/\(f.docAn)", method: .get, headers: clerk.headers)
            let auditor = try await client.signIn(f, "auditor")
            let log = try await client.execute(uri: "/api/access-log", method: .get, headers: auditor.headers)
            #expect(log.status == .ok)
            #expect(String(buffer: log.body).contains(f.docAn))
            #expect(!String(buffer: log.body).contains("038090012345"), "no personal data in the log")
        }
        // Concurrent reads are written together (group commit) and still form one unbroken chain.
        let before = try f.services.store.accessLog(limit: 100_000).count
        try await f.app.test(.router) { client in
            let an = try await client.signIn(f, "an")
            try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<40 {
                    group.addTask { try await client.execute(uri: "/api/me/documents", method: .get, headers: an.headers).status }
                }
                for try await status in group { #expect(status == .ok) }
            }
        }
        #expect(try f.services.store.accessLog(limit: 100_000).count - before == 40)
        let owner = try #require(try f.services.store.accessFacts(document: f.docAn)?.ownerPartyId)
        #expect(try f.services.store.accessLog(owner: owner).contains { $0.objectId == f.docAn && $0.role == "clerk" })
        #expect(try f.services.store.accessLogProblems().isEmpty)
        // The database refuses edits…
        #expect(throws: (any Error).self) {
            try f.services.store.logWriter.write { db in try db.execute(sql: "UPDATE accessLog SET outcome = 'denied' WHERE id = 1") }
        }
    }

    @Test("state-changing forms need the session's CSRF token")
    func csrf() async throws {
        let f = try await Fixture.shared.value
        try await f.app.test(.router) { client in
            let clerk = try await client.signIn(f, "clerk.a")
            let form: HTTPFields = [.cookie: clerk.cookie, .contentType: "application/x-www-form-urlencoded", .accept: "application/json"]
            let without = try await client.execute(
                uri: "/desk/dossiers", method: .post, headers: form, body: ByteBuffer(string: "procedure=1.001193&owner=038090012345"))
            #expect(without.status == .forbidden)
            #expect(String(buffer: without.body).contains("csrf"))
            let with = try await client.execute(
                uri: "/desk/dossiers", method: .post, headers: form,
                body: ByteBuffer(string: "procedure=1.001193&owner=038090012345&csrf=\(clerk.csrf)"))
            #expect(with.status == .seeOther)
            #expect(with.headers[.location]?.hasPrefix("/desk/dossiers/000.12.34.H56-") == true)
        }
    }

    @Test("uploads stream to disk, are filed through the pipeline, and oversized ones get 413")
    func upload() async throws {
        let f = try await Fixture.shared.value
        try await f.app.test(.router) { client in
            let clerk = try await client.signIn(f, "clerk.a")
            let scan = try Data(contentsOf: Fixture.sampleScans.appendingPathComponent("000.12.34.H56-241105-0007/cccd-mat-truoc.png"))
            func multipart(_ files: [(String, Data)]) -> (HTTPFields, ByteBuffer) {
                let boundary = "----warehouse-test"
                var body = Data()
                body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(clerk.csrf)\r\n".utf8))
                for (name, data) in files {
                    body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"files\"; filename=\"\(name)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8))
                    body.append(data)
                    body.append(Data("\r\n".utf8))
                }
                body.append(Data("--\(boundary)--\r\n".utf8))
                return ([.cookie: clerk.cookie, .contentType: "multipart/form-data; boundary=\(boundary)", .accept: "application/json"], ByteBuffer(bytes: body))
            }
            let (headers, body) = multipart([("cccd mặt trước.png", scan), ("notes.txt", Data("hello".utf8))])
            let r = try await client.execute(uri: "/api/dossiers/000.12.34.H56-241105-0007/files", method: .post, headers: headers, body: body)
            #expect(r.status == .ok, "\(String(buffer: r.body))")
            let report = try JSONDecoder().decode(IngestReport.self, from: Data(r.body.readableBytesView))
            #expect(report.files.map(\.status) == [.reused, .quarantined])
            #expect(report.files[0].file == "cccd mặt trước.png")
            #expect(report.files[1].error?.hasPrefix("notes.txt:") == true)
            let (bigHeaders, bigBody) = multipart([("big.png", Data(count: 4 << 20))])
            let big = try await client.execute(uri: "/api/dossiers/000.12.34.H56-241105-0007/files", method: .post, headers: bigHeaders, body: bigBody)
            #expect(big.status == .contentTooLarge)
            // Another agency's dossier: refused before anything is read.
            let other = try await client.execute(uri: "/api/dossiers/000.00.12.H56-241105-0007/files", method: .post, headers: headers, body: body)
            #expect(other.status == .notFound)
        }
    }

    @Test("a real e-signed scan uploaded at the desk: its body read, its handwritten number flagged, the crop beside the field")
    func realPaperUpload() async throws {
        let f = try await Fixture.shared.value
        let real = Fixture.sampleScans.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("shared/real_vi/qn_2025_574-UBND-KTTH_colorscan.pdf")
        let scan = try Data(contentsOf: real)
        try await f.app.test(.router) { client in
            let clerk = try await client.signIn(f, "clerk.a")
            let boundary = "----warehouse-real"
            var body = Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(clerk.csrf)\r\n".utf8)
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"files\"; filename=\"574 UBND-KTTH.pdf\"\r\nContent-Type: application/pdf\r\n\r\n".utf8))
            body.append(scan)
            body.append(Data("\r\n--\(boundary)--\r\n".utf8))
            let r = try await client.execute(
                uri: "/api/dossiers/000.12.34.H56-241105-0007/files", method: .post,
                headers: [.cookie: clerk.cookie, .contentType: "multipart/form-data; boundary=\(boundary)", .accept: "application/json"],
                body: ByteBuffer(bytes: body))
            #expect(r.status == .ok, "\(String(buffer: r.body).prefix(500))")
            let report = try JSONDecoder().decode(IngestReport.self, from: Data(r.body.readableBytesView))
            let file = try #require(report.files.first)
            #expect(file.status == .filed)
            #expect(file.docType == "official-letter")
            #expect(file.fields["coQuanBanHanh"]?.value == "UBND tỉnh Quảng Ngãi")
            #expect(file.text.contains("Kính gửi: Thường trực HĐND tỉnh"), "page 1's body is read, not just its stamp")
            let id = try #require(file.document)
            let number = try #require(file.fields["soKyHieu"])
            guard number.flags.contains("needs-review") else { return }
            #expect(number.evidence != nil)
            let page = try await client.execute(uri: "/documents/\(id)", method: .get, headers: [.cookie: clerk.cookie, .accept: "text/html"])
            let html = String(buffer: page.body)
            #expect(html.contains("/documents/\(id)/fields/soKyHieu/crop.png"))
            #expect(html.contains("Số viết tay: nhập theo ảnh"))
            let crop = try await client.execute(uri: "/documents/\(id)/fields/soKyHieu/crop.png", method: .get, headers: [.cookie: clerk.cookie])
            #expect(crop.status == .ok)
            #expect(crop.headers[.contentType] == "image/png")
            #expect(Array(crop.body.readableBytesView.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
            // Another agency's clerk sees no crop of it.
            let other = try await client.signIn(f, "clerk.b")
            let refused = try await client.execute(uri: "/documents/\(id)/fields/soKyHieu/crop.png", method: .get, headers: [.cookie: other.cookie])
            #expect(refused.status == .forbidden || refused.status == .notFound)
        }
    }

    @Test("only admins manage accounts; a created citizen account can sign in to its own store")
    func admin() async throws {
        let f = try await Fixture.shared.value
        try await f.app.test(.router) { client in
            for user in ["an", "clerk.a", "auditor"] {
                let session = try await client.signIn(f, user)
                #expect(try await client.execute(uri: "/admin/accounts", method: .get, headers: session.headers).status == .forbidden)
            }
            let admin = try await client.signIn(f, "admin")
            let created = try await client.execute(
                uri: "/admin/accounts", method: .post,
                headers: [.cookie: admin.cookie, .contentType: "application/x-www-form-urlencoded", .accept: "text/html"],
                body: ByteBuffer(string: "username=duc&displayName=Tran+Van+Duc&role=citizen&password=a-long-password-1&csrf=\(admin.csrf)"))
            #expect(created.status == .ok)
            let login = try await client.execute(
                uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "username=duc&password=a-long-password-1"))
            let cookie = String(try #require(login.headers[.setCookie]).split(separator: ";")[0])
            // Unbound until a desk proves the person: no store, and the page says where to go.
            let unbound = try await client.execute(uri: "/api/me/documents", method: .get, headers: [.cookie: cookie, .accept: "application/json"])
            #expect(unbound.status == .forbidden)
            let page = try await client.execute(uri: "/me", method: .get, headers: [.cookie: cookie, .accept: "text/html"])
            #expect(page.status == .ok && String(buffer: page.body).contains("chưa được liên kết"))
            // Đức at agency B's counter: his chip read, his account bound.
            let clerk = try await client.signIn(f, "clerk.b")
            let bound = try await client.execute(
                uri: "/desk/accounts/bind", method: .post,
                headers: [.cookie: clerk.cookie, .contentType: "application/x-www-form-urlencoded", .accept: "text/html"],
                body: ByteBuffer(string: "username=duc&owner=052195001234&method=chip&chipNumber=052195001234&csrf=\(clerk.csrf)"))
            #expect(bound.status == .ok && String(buffer: bound.body).contains("Đã liên kết tài khoản duc"))
            let mine = try await client.execute(uri: "/api/me/documents", method: .get, headers: [.cookie: cookie, .accept: "application/json"])
            #expect(String(buffer: mine.body).contains(f.docDuc))
            let store = String(buffer: try await client.execute(uri: "/me", method: .get, headers: [.cookie: cookie, .accept: "text/html"]).body)
            #expect(store.contains("id=\"account-links\"") && store.contains("đọc chip CCCD tại quầy") && store.contains("clerk.b"), "he sees who bound it")
        }
    }

    @Test("reports: a supervisor sees their agency only, an auditor any; tables, SVG charts and CSV; everyone else is refused")
    func reports() async throws {
        let f = try await Fixture.shared.value
        let month = String(CalendarDate.todayInVietnam.iso.prefix(7))
        try await f.app.test(.router) { client in
            let supervisor = try await client.signIn(f, "super.a")
            // Asking for another agency's figures gives their own.
            let own = try await client.execute(
                uri: "/reports?month=\(month)&agency=000.00.12.H56", method: .get, headers: [.cookie: supervisor.cookie])
            #expect(own.status == .ok)
            let page = String(buffer: own.body)
            #expect(page.contains("<td>000.12.34.H56</td>") && !page.contains("000.00.12.H56</td>"))
            #expect(page.contains("<svg") && page.contains("12 tháng gần nhất") && page.contains("/reports/digitisation.csv?month=\(month)"))
            let auditor = try await client.signIn(f, "auditor")
            let all = String(buffer: try await client.execute(uri: "/reports?month=\(month)", method: .get, headers: [.cookie: auditor.cookie]).body)
            #expect(all.contains("<td>000.12.34.H56</td>") && all.contains("<td>000.00.12.H56</td>"))
            let csv = try await client.execute(uri: "/reports/digitisation.csv?month=\(month)", method: .get, headers: [.cookie: auditor.cookie])
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            let lines = String(buffer: csv.body).components(separatedBy: "\r\n")
            #expect(lines.first?.hasPrefix("agency,componentsReceived,") == true)
            // The fixture filed two cards at agency 000.12.34.H56 (other tests of this suite may file more).
            let row = try #require(lines.first { $0.hasPrefix("000.12.34.H56,") }).split(separator: ",")
            #expect(Int(row[1]) ?? 0 >= 2 && Int(row[2]) ?? 0 >= 2, "\(row)")
            // The processing section. The fixture's dossiers were received on the days their codes give: one of
            // agency 000.00.12.H56 on 5/11/2024; at 000.12.34.H56 one then and one carried over from 21/10/2024.
            #expect(all.contains("(1) Nhận trong kỳ") && all.contains("Hồ sơ 12 tháng gần nhất") && !all.contains("Chỉ tiêu không khớp"))
            let processing = try await client.execute(uri: "/reports/processing.csv?month=2024-11", method: .get, headers: [.cookie: auditor.cookie])
            let rows = String(buffer: processing.body).components(separatedBy: "\r\n")
            #expect(rows.first?.hasPrefix("agency,sonhantrongky,sotonkytruoc,") == true)
            #expect(rows.contains { $0.hasPrefix("000.00.12.H56,1,0,1,") }, "\(rows)")
            // (Other tests of this suite may open more dossiers there: check the carried-over one and the sum.)
            let desk = try #require(rows.first { $0.hasPrefix("000.12.34.H56,") }).split(separator: ",").compactMap { Int($0) }
            #expect(desk.count > 3 && desk[0] >= 1 && desk[1] >= 1 && desk[2] == desk[0] + desk[1], "\(desk)")
            #expect(try await client.execute(uri: "/reports?month=2024-13", method: .get, headers: [.cookie: auditor.cookie]).status == .badRequest)
            for user in ["an", "clerk.a", "admin"] {
                let session = try await client.signIn(f, user)
                for uri in ["/reports?month=\(month)", "/reports/digitisation.csv?month=\(month)", "/reports/processing.csv?month=\(month)"] {
                    #expect(try await client.execute(uri: uri, method: .get, headers: session.headers).status == .forbidden, "\(user) \(uri)")
                }
            }
            #expect(try await client.execute(uri: "/reports", method: .get).status != .ok)
        }
    }

    @Test("verify: a malformed payload is reported as such")
    func verifyAPI() async throws {
        let f = try await Fixture.shared.value
        try await f.app.test(.router) { client in
            let r = try await client.execute(
                uri: "/api/verify", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: "{\"payload\": \"VNQR1|not|a|seal\"}"))
            #expect(r.status == .ok)
            #expect(String(buffer: r.body).contains("\"verdict\":\"malformed\""))
        }
    }
}
