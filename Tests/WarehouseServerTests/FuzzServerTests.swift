import Foundation
import FuzzSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import WarehouseImaging
import WarehouseTesseract

@testable import WarehouseCore
@testable import WarehouseServer

/// A warehouse of its own for the fuzz suites (they change what they touch): a clerk, a citizen, an admin,
/// seal keys, an open dossier and one filed document of the citizen.
struct FuzzFixture: Sendable {
    let services: ServerServices
    let document: String
    static let dossier = "000.12.34.H56-241105-0007"
    static let password = "pw-fuzz-secret-1"

    static let shared = Task { try await FuzzFixture.make() }

    static func make() async throws -> FuzzFixture {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-server-\(UUID().uuidString)")
        let services = try await ServerServices(
            layout: StorageLayout(root: root), settings: ServerSettings(maxUploadBytes: 2 << 20, bcryptCost: 4, loginAttempts: 1_000_000, verifyChecksPerMinute: 1_000_000))
        for (name, role, agency, owner) in [
            ("clerk.a", Role.clerk, "000.12.34.H56", nil), ("an", .citizen, nil, "038090012345"), ("admin", .admin, nil, nil),
            ("leaver", .clerk, "000.12.34.H56", nil),
        ] as [(String, Role, String?, String?)] {
            _ = try services.createAccount(
                username: name, password: password, role: role, displayName: name, agencyCode: agency, owner: try owner.map { try OwnerIdentifier($0) })
        }
        _ = try SealKeyStore(directory: services.layout.keys).initialise(issuer: "HTTT fuzz")
        try Fixture.importSampleCatalog(services.store, kinds: [.codeLists, .resultTypes, .procedures])
        let pipeline = IngestPipeline(
            layout: services.layout, store: services.store, blobs: services.blobs, decoder: ScanDecoder(), preprocessor: LeptonicaPreprocessor(),
            barcodeReader: ZBarReader(), ocrFactory: TesseractEngineFactory(language: "vie"), settings: PipelineSettings(workers: 1))
        let report = try pipeline.ingest(
            IngestRequest(
                files: [Fixture.sampleScans.appendingPathComponent("000.12.34.H56-241105-0007/cccd-mat-sau.png")],
                owner: try OwnerIdentifier("038090012345"), procedure: try ProcedureCode("1.001193"), dossier: try DossierCode(dossier),
                agency: try AgencyCode("000.12.34.H56"), actor: "fixture"))
        return FuzzFixture(services: services, document: try #require(report.files.first?.document))
    }

    var app: some ApplicationProtocol { Application(router: buildRouter(services: services)) }
}

extension TestClientProtocol {
    func signIn(_ username: String, password: String = FuzzFixture.password) async throws -> SignedIn {
        let response = try await execute(
            uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: "username=\(username)&password=\(password)"))
        let setCookie = try #require(response.headers[.setCookie], "sign-in of \(username): \(response.status)")
        let cookie = String(setCookie.split(separator: ";")[0])
        let token = String(cookie.split(separator: "=", maxSplits: 1)[1])
        let session = try #require(try await FuzzFixture.shared.value.services.store.sessionAsync(tokenHash: SessionHash.of(token), at: Date()))
        return SignedIn(cookie: cookie, csrf: session.0.csrfToken)
    }
}

/// A multipart body from parts: (headers, bytes).
func multipartBody(boundary: String, _ parts: [(String, [UInt8])]) -> [UInt8] {
    var body: [UInt8] = []
    for (headers, bytes) in parts {
        body += Array("--\(boundary)\r\n\(headers)\r\n\r\n".utf8) + bytes + Array("\r\n".utf8)
    }
    return body + Array("--\(boundary)--\r\n".utf8)
}

@Suite("Fuzzing: multipart uploads and request bodies", .serialized)
struct FuzzServerTests {
    // MARK: - The multipart reader

    static let boundary = "----WebKitFormBoundary7MA4YWxkTrZu0gW"

    static let multipartSeeds: [[UInt8]] = [
        multipartBody(boundary: boundary, [
            ("Content-Disposition: form-data; name=\"csrf\"", Array("token-123".utf8)),
            ("Content-Disposition: form-data; name=\"component\"", Array("Tờ khai".utf8)),
            ("Content-Disposition: form-data; name=\"files\"; filename=\"cccd mặt trước.png\"\r\nContent-Type: image/png",
             [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0x41, count: 300) + Array("\r\n--not-the-boundary\r\n".utf8)),
            ("Content-Disposition: form-data; name=\"files\"; filename=\"b.pdf\"", Array("%PDF-1.4\n%%EOF\n".utf8)),
        ]),
        multipartBody(boundary: boundary, [
            ("Content-Disposition: form-data; name=\"payload\"", Array("VNQR1|a|b".utf8)),
            ("Content-Disposition: form-data; name=\"file\"; filename=\"\"\r\nContent-Type: application/octet-stream", []),
        ]),
        Array("preamble to ignore\r\n".utf8) + multipartBody(boundary: boundary, [
            ("content-disposition: form-data; name=\"owner\"", Array("038090012345".utf8)),
        ]) + Array("epilogue".utf8),
    ]

    /// Multipart bodies and content types that broke the reader, kept as regression cases. The first three
    /// stopped the server (MultipartKit 4.7.1 traps on them), from /api/verify without an account.
    static let multipartRegressions: [(name: String, contentType: String, body: [UInt8])] = [
        ("an empty boundary (found by this fuzzer)", "multipart/form-data; boundary=",
         multipartBody(boundary: "", [("Content-Disposition: form-data; name=\"a\"", [])])),
        ("a header name byte above 0x7F (found by this fuzzer)", "multipart/form-data; boundary=b",
         Array("--b\r\n".utf8) + [0xC3, 0xA9] + Array(": x\r\n\r\nabc\r\n--b--\r\n".utf8)),
        ("a header line of mathematical letters (found by schemathesis)", "multipart/form-data; boundary=41f2eb0edeac7e0deb330d7be703667a",
         Array("--41f2eb0edeac7e0deb330d7be703667a\r\n𝐓𝐡𝐞 𝐪𝐮𝐢𝐜𝐤 𝐛𝐫𝐨𝐰𝐧 𝐟𝐨𝐱--41f2eb0edeac7e0deb330d7be703667a--\r\n".utf8)),
        ("a boundary of 71 characters", "multipart/form-data; boundary=\(String(repeating: "b", count: 71))",
         multipartBody(boundary: String(repeating: "b", count: 71), [("Content-Disposition: form-data; name=\"a\"", [])])),
        ("a boundary of one quote", "multipart/form-data; boundary=\"", Array("--\"\r\n\r\n".utf8)),
        ("a 5000-byte header", "multipart/form-data; boundary=b", multipartBody(boundary: "b", [("X-Long: " + String(repeating: "h", count: 5000), [1])])),
        ("no parts", "multipart/form-data; boundary=b", Array("--b--\r\n".utf8)),
        ("no closing boundary", "multipart/form-data; boundary=b", Array("--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"x.png\"\r\n\r\nabc".utf8)),
        ("a file name that is not UTF-8", "multipart/form-data; boundary=b",
         Array("--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"".utf8) + [0xFF, 0xC3, 0x28] + Array(".png\"\r\n\r\nabc\r\n--b--\r\n".utf8)),
        ("a quoted file name with ; and \\\"", "multipart/form-data; boundary=b",
         Array("--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a;b \\\"c\\\".png\"\r\n\r\nabc\r\n--b--\r\n".utf8)),
    ]

    /// Reads `body` as the server does; nil when the reader refused it (checked to be a 4xx APIError with a message).
    static func read(_ body: [UInt8], contentType: String, chunks: [Int] = [], into dir: URL) async throws -> MultipartUpload? {
        var buffers: [ByteBuffer] = []
        var start = 0
        for cut in chunks.sorted() where cut > start && cut < body.count {
            buffers.append(ByteBuffer(bytes: body[start..<cut]))
            start = cut
        }
        buffers.append(ByteBuffer(bytes: body[start...]))
        let request = Request(
            head: HTTPRequest(method: .post, scheme: "http", authority: "localhost", path: "/upload", headerFields: [.contentType: contentType]),
            body: buffers.count == 1 ? RequestBody(buffer: buffers[0]) : RequestBody(asyncSequence: Chunks(buffers: buffers)))
        do {
            return try await MultipartUpload.read(request, into: dir, maxBytes: 1 << 20)
        } catch let error as APIError {
            #expect((400..<500).contains(error.status.code), "\(error.status): \(error.message)")
            #expect(!error.message.isEmpty && !error.code.isEmpty)
            // Nothing is left behind by a refused upload.
            let left = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            #expect(left.isEmpty, "files left after \(error.code): \(left)")
            return nil
        }
    }

    @Test("multipart: mutated bodies are read or refused with a 4xx and a reason; valid ones round-trip, whatever the chunking")
    func multipart() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-multipart-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        for regression in Self.multipartRegressions {
            let scratch = dir.appendingPathComponent(UUID().uuidString)
            if let upload = try await Self.read(regression.body, contentType: regression.contentType, into: scratch) {
                for file in upload.files {
                    #expect(FileManager.default.fileExists(atPath: file.url.path), "\(regression.name)")
                    #expect(!file.fileName.contains("/") && !file.fileName.contains("\0"), "\(regression.name): \(file.fileName)")
                }
            }
        }

        // The seeds read back exactly, also when the body arrives in pieces cut anywhere.
        var generator = SeededGenerator(seed: 11)
        let contentType = "multipart/form-data; boundary=\(Self.boundary)"
        for _ in 0..<200 {
            let scratch = dir.appendingPathComponent(UUID().uuidString)
            let cuts = (0..<Int.random(in: 1...6, using: &generator)).map { _ in Int.random(in: 1..<Self.multipartSeeds[0].count, using: &generator) }
            let upload = try #require(try await Self.read(Self.multipartSeeds[0], contentType: contentType, chunks: cuts, into: scratch))
            #expect(upload.fields == ["csrf": "token-123", "component": "Tờ khai"])
            #expect(upload.files.map(\.fileName) == ["cccd mặt trước.png", "b.pdf"])
            let first = try Data(contentsOf: upload.files[0].url)
            #expect(first.count == 8 + 300 + 22 && first.suffix(22) == Data("\r\n--not-the-boundary\r\n".utf8))
            #expect(try Data(contentsOf: upload.files[1].url) == Data("%PDF-1.4\n%%EOF\n".utf8))
        }

        let tokens = ["\r\n", "--", "--\(Self.boundary)", "--\(Self.boundary)--", "Content-Disposition: form-data; name=\"x\"; filename=\"y\"",
                      "filename=\"../../x\"", "filename*=UTF-8''%E1%BB%9D", ";", "\"", ":", "\r\n\r\n"].map { Array($0.utf8) }
        var read = 0
        var refused = 0
        let contentTypes = [contentType, contentType, contentType, "multipart/form-data; boundary=\"\(Self.boundary)\"",
                            "multipart/form-data", "multipart/form-data; boundary=\(String(repeating: "b", count: 300))",
                            "multipart/mixed; boundary=\(Self.boundary)", "text/plain"]
        for (i, body) in Fuzz.inputs("multipart", seeds: Self.multipartSeeds, tokens: tokens, cases: 1500, seed: 12).enumerated() {
            let scratch = dir.appendingPathComponent(UUID().uuidString)
            let cuts = i % 3 == 0 ? [body.count / 3, body.count / 2] : []
            if let upload = try await Self.read(body, contentType: contentTypes[i % contentTypes.count], chunks: cuts, into: scratch) {
                read += 1
                for file in upload.files {
                    let size = (try? FileManager.default.attributesOfItem(atPath: file.url.path)[.size] as? Int) ?? -1
                    #expect(size == file.size, "the size told is the size on disk")
                }
            } else {
                refused += 1
            }
            try? FileManager.default.removeItem(at: scratch)
        }
        print("fuzz multipart: \(read) read, \(refused) refused")
        #expect(read > 150 && refused > 150)
    }

    // MARK: - Request bodies of every route that takes one

    /// A route, who calls it, and a valid body (`CSRF` stands for the caller's token, `DOC` for the document id).
    struct Route {
        var path: String
        var user: String?
        var contentType: String
        var body: String
    }

    static func routes(_ f: FuzzFixture) -> [Route] {
        let form = "application/x-www-form-urlencoded"
        return [
            Route(path: "/login", user: nil, contentType: form, body: "username=an&password=\(FuzzFixture.password)"),
            Route(path: "/desk/dossiers", user: "clerk.a", contentType: form, body: "csrf=CSRF&procedure=1.001193&owner=038090012345&code="),
            Route(path: "/desk/dossiers", user: "clerk.a", contentType: form, body: "csrf=CSRF&procedure=1.001193&owner=038090012345&code=000.12.34.H56-241106-0001"),
            Route(path: "/documents/DOC/reuse", user: "an", contentType: form, body: "csrf=CSRF&dossier=\(FuzzFixture.dossier)&component=T%E1%BB%9D+khai"),
            Route(path: "/desk/dossiers/\(FuzzFixture.dossier)/reuse", user: "clerk.a", contentType: form, body: "csrf=CSRF&document=DOC&component=Gi%E1%BA%A5y"),
            Route(path: "/desk/documents/DOC/fields", user: "clerk.a", contentType: form, body: "csrf=CSRF&field.hoTen=Nguy%E1%BB%85n+V%C4%83n+An&field.soDinhDanh=038090012345"),
            Route(path: "/admin/accounts", user: "admin", contentType: form, body: "csrf=CSRF&username=new.user&password=a-long-password-1&role=citizen&displayName=B%C3%ACnh"),
            Route(path: "/desk/dossiers/\(FuzzFixture.dossier)/presence", user: "clerk.a", contentType: form, body: "csrf=CSRF&method=chip&chipNumber=038090012345"),
            Route(path: "/desk/accounts/bind", user: "clerk.a", contentType: form, body: "csrf=CSRF&username=new.user&owner=038192004567&method=clerk-check&note=CCCD+g%E1%BB%91c"),
            Route(path: "/me/dossiers/\(FuzzFixture.dossier)/consent", user: "an", contentType: form, body: "csrf=CSRF"),
            Route(path: "/admin/accounts", user: "admin", contentType: form, body: "csrf=CSRF&username=clerk.x&password=a-long-password-1&role=clerk&agency=000.12.34.H56"),
            Route(path: "/verify", user: nil, contentType: form, body: "payload=VNQR1%7Ca%7Cb"),
            Route(path: "/api/verify", user: nil, contentType: "application/json", body: "{\"payload\": \"VNQR1|000.12.34.H56-241105-0007-KQ1|1.001193\"}"),
            Route(path: "/api/verify", user: nil, contentType: "application/json; charset=utf-8", body: "{\"payload\": \"\\u0056NQR1\", \"extra\": [1, {\"a\": null}]}"),
            Route(path: "/api/verify", user: nil, contentType: "multipart/form-data; boundary=b", body: Self.verifyWithFile),
            Route(path: "/desk/dossiers/\(FuzzFixture.dossier)/status", user: "clerk.a", contentType: form, body: "csrf=CSRF&to=3&note=Chuy%E1%BB%83n+x%E1%BB%AD+l%C3%BD"),
            Route(
                path: "/api/dossiers/\(FuzzFixture.dossier)/status", user: "clerk.a", contentType: "application/json",
                body: "{\"to\": 3, \"note\": \"Chuyển xử lý\", \"csrf\": \"CSRF\"}"),
            Route(path: "/logout", user: "leaver", contentType: form, body: "csrf=CSRF"),
        ]
    }

    /// A seal check from an uploaded file that is no image (an empty payload field, so the file is read).
    static let verifyWithFile =
        "--b\r\nContent-Disposition: form-data; name=\"payload\"\r\n\r\n\r\n--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"file\"\r\n\r\nfiles\r\n--b--\r\n"

    /// Bodies that gave a 5xx once, or might, kept as regression cases (path, user, content type, body).
    static let bodyRegressions: [Route] = [
        // Found by schemathesis: a file that is no image made the seal reader's DecodeError a 500.
        Route(path: "/verify", user: nil, contentType: "multipart/form-data; boundary=b", body: verifyWithFile),
        Route(path: "/api/verify", user: nil, contentType: "application/json", body: "{\"payload\": 1}"),
        Route(path: "/api/verify", user: nil, contentType: "application/json", body: "[\"payload\"]"),
        Route(path: "/desk/dossiers", user: "clerk.a", contentType: "application/x-www-form-urlencoded", body: "csrf=CSRF&procedure=2.000806&owner=038090012345&code=\(FuzzFixture.dossier)"),
        Route(path: "/desk/documents/DOC/fields", user: "clerk.a", contentType: "application/x-www-form-urlencoded", body: "csrf=CSRF&field.=x&field.%00=%00&%ZZ=1"),
        Route(path: "/admin/accounts", user: "admin", contentType: "application/x-www-form-urlencoded", body: "csrf=CSRF&username=an&password=a-long-password-1&role=citizen&owner=038090012345"),
    ]

    /// Cases per route: a failed sign-in costs a bcrypt hash (tens of milliseconds), the rest a millisecond.
    static func cases(_ path: String) -> Int {
        switch path {
        case "/login": 30
        case "/logout": 60
        default: 150
        }
    }

    /// Sends one body and checks the answer: never a 5xx; an error in JSON has a code and a message.
    static func send(_ client: some TestClientProtocol, _ route: Route, body: [UInt8], sessions: [String: SignedIn], document: String) async throws -> UInt {
        var headers: HTTPFields = [.contentType: route.contentType, .accept: "application/json"]
        if let user = route.user, let session = sessions[user] { headers[.cookie] = session.cookie }
        let response = try await client.execute(
            uri: route.path.replacingOccurrences(of: "DOC", with: document), method: .post, headers: headers, body: ByteBuffer(bytes: body))
        let status = UInt(response.status.code)
        #expect(status < 500, "POST \(route.path) \(String(decoding: body.prefix(300), as: UTF8.self)) → \(status) \(String(buffer: response.body).prefix(300))")
        if status >= 400, response.headers[.contentType]?.hasPrefix("application/json") == true {
            let error = try? JSONDecoder().decode([String: String].self, from: Data(response.body.readableBytesView))
            #expect(error?["code"]?.isEmpty == false && error?["message"]?.isEmpty == false, "\(route.path) → \(status) \(String(buffer: response.body))")
        }
        return status
    }

    @Test("request bodies: mutated forms and JSON of every route that takes one never give a 5xx; errors say why")
    func bodies() async throws {
        let f = try await FuzzFixture.shared.value
        try await f.app.test(.router) { client in
            var sessions: [String: SignedIn] = [:]
            for user in ["clerk.a", "an", "admin", "leaver"] { sessions[user] = try await client.signIn(user) }
            func body(_ route: Route) -> [UInt8] {
                Array(route.body.replacingOccurrences(of: "CSRF", with: sessions[route.user ?? ""]?.csrf ?? "").replacingOccurrences(of: "DOC", with: f.document).utf8)
            }
            for route in Self.bodyRegressions {
                _ = try await Self.send(client, route, body: body(route), sessions: sessions, document: f.document)
            }
            let tokens = ["&", "=", "%", "%00", "%FF", "%E1%BB", "+", "csrf=", "field.", "\"", "{", "}", "[", "]", ":", ",", "\\u0000", "\\ud800", "null", "1e999"]
                .map { Array($0.utf8) }
            var statuses: [UInt: Int] = [:]
            for (i, route) in Self.routes(f).enumerated() {
                let seed = body(route)
                for bytes in Fuzz.inputs("body-\(i)", seeds: [seed], tokens: tokens, cases: Self.cases(route.path), seed: UInt64(100 + i))
                where route.path != "/logout" || bytes != seed {
                    let status = try await Self.send(client, route, body: bytes, sessions: sessions, document: f.document)
                    statuses[status, default: 0] += 1
                }
            }
            print("fuzz bodies: \(statuses.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", "))")
        }
    }
}

/// Buffers handed out one at a time, as a body arrives from the network.
struct Chunks: AsyncSequence, Sendable {
    typealias Element = ByteBuffer
    let buffers: [ByteBuffer]

    struct AsyncIterator: AsyncIteratorProtocol {
        var rest: ArraySlice<ByteBuffer>
        mutating func next() async -> ByteBuffer? { rest.popFirst() }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(rest: buffers[...]) }
}
