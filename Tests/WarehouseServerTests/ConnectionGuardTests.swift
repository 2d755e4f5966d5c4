import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing
import WarehouseCore
import WarehouseImaging

@testable import WarehouseServer

#if canImport(Glibc)
    import Glibc
#endif

/// A raw TCP connection from a chosen loopback address (127.0.0.0/8 is all loopback on Linux), for clients that
/// misbehave on purpose: many idle connections, headers or a body sent a byte at a time.
final class RawConnection {
    let fd: Int32

    /// Connects from `source` to 127.0.0.1:`port`; nil when the connection could not be made.
    init?(from source: String, to port: Int) {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var tv = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var local = sockaddr_in()
        local.sin_family = sa_family_t(AF_INET)
        local.sin_addr.s_addr = inet_addr(source)
        var remote = sockaddr_in()
        remote.sin_family = sa_family_t(AF_INET)
        remote.sin_port = UInt16(port).bigEndian
        remote.sin_addr.s_addr = inet_addr("127.0.0.1")
        let size = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &local) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, size) } }
        let connected = withUnsafePointer(to: &remote) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, size) } }
        guard bound == 0, connected == 0 else {
            close(fd)
            return nil
        }
    }

    deinit { close(fd) }

    /// Sends bytes; false when the server closed the connection.
    @discardableResult
    func send(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } == bytes.count
    }

    /// What the server sends until it closes the connection (or 5 s pass): "" for a close without a word.
    func readToEnd() -> String {
        var received = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            received += buffer[0..<n]
        }
        return String(decoding: received, as: UTF8.self)
    }
}

/// Issue 13, item 4: a client holding many idle connections, headers that never end, a body sent a byte at a
/// time. Each runs against the real server on loopback with small limits, and `/health` keeps answering.
@Suite("Denial of service: connections, slow clients, the pixels of one upload", .serialized)
struct ConnectionGuardTests {
    static let limits = ConnectionLimits(
        maxConnections: 150, maxPerAddress: 40, headerTimeout: .seconds(1), keepAliveTimeout: .seconds(2), minBodyBytesPerSecond: 1_024,
        bodyGrace: .seconds(2))

    static func app() async throws -> some ApplicationProtocol {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("connection-guard-\(UUID().uuidString)")
        let services = try await ServerServices(layout: StorageLayout(root: root), settings: ServerSettings(bcryptCost: 4, connections: limits))
        return buildApplication(services: services, host: "127.0.0.1", port: 0, logger: Logger(label: "connection-guard-test"))
    }

    /// The slowest of a few `/health` checks from 127.0.0.1, each on a new connection (connect and answer).
    static func slowestHealth(port: Int, checks: Int = 6) async throws -> Double {
        var slowest = 0.0
        for _ in 0..<checks {
            let start = Date()
            let c = try #require(RawConnection(from: "127.0.0.1", to: port))
            c.send("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            let answer = c.readToEnd()
            #expect(answer.hasPrefix("HTTP/1.1 200"), "\(answer.prefix(200))")
            slowest = max(slowest, Date().timeIntervalSince(start))
            try await Task.sleep(for: .milliseconds(100))
        }
        return slowest
    }

    @Test("one address opening many idle connections holds only its share; the rest get a 503 sentence; /health answers within 1 s")
    func connectionFlood() async throws {
        try await Self.app().test(.live) { client in
            let port = try #require(client.port)
            var held: [RawConnection] = []
            for _ in 0..<120 {
                guard let c = RawConnection(from: "127.0.0.2", to: port) else { continue }
                held.append(c)
            }
            #expect(held.count == 120)
            try await Task.sleep(for: .milliseconds(300))
            let slowest = try await Self.slowestHealth(port: port)
            #expect(slowest < 1, "/health took \(slowest) s while 127.0.0.2 held its connections")
            // Beyond its share, a connection was answered at once and closed; the ones held are closed after the
            // header time, without a word.
            let answers = held.map { $0.readToEnd() }
            let refused = answers.filter { $0.hasPrefix("HTTP/1.1 503") && $0.contains("quá nhiều kết nối") }
            #expect(refused.count == 80, "\(answers.filter { !$0.isEmpty && !$0.hasPrefix("HTTP/1.1 503") }.prefix(2))")
            #expect(answers.filter(\.isEmpty).count == 40)
            held.removeAll()
        }
    }

    @Test("a request head that never ends is answered 408 with a sentence after the header time")
    func slowHeaders() async throws {
        try await Self.app().test(.live) { client in
            let port = try #require(client.port)
            let slow = (0..<20).compactMap { _ in RawConnection(from: "127.0.0.3", to: port) }
            #expect(slow.count == 20)
            let started = Date()
            for c in slow { c.send("GET /health HTTP/1.1\r\nHost: x\r\n") }
            let slowest = try await Self.slowestHealth(port: port)
            #expect(slowest < 1, "/health took \(slowest) s")
            for c in slow {
                let answer = c.readToEnd()
                #expect(answer.hasPrefix("HTTP/1.1 408") && answer.contains("quá chậm"), "\(answer)")
            }
            #expect(Date().timeIntervalSince(started) < 4, "the slow heads were held too long")
        }
    }

    @Test("a body sent a byte at a time is cut off after its grace, with a 408 sentence")
    func trickledBody() async throws {
        try await Self.app().test(.live) { client in
            let port = try #require(client.port)
            let c = try #require(RawConnection(from: "127.0.0.4", to: port))
            c.send("POST /api/verify HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n")
            let started = Date()
            var cut = false
            for _ in 0..<40 where !cut {
                try await Task.sleep(for: .milliseconds(250))
                cut = !c.send("{")
            }
            let answer = c.readToEnd()
            #expect(cut || answer.hasPrefix("HTTP/1.1 408"), "a trickled body was held \(Date().timeIntervalSince(started)) s: \(answer)")
            #expect(Date().timeIntervalSince(started) < 8)
            let slowest = try await Self.slowestHealth(port: port, checks: 3)
            #expect(slowest < 1)
        }
    }

    @Test("a keep-alive client sending requests back to back is served; its idle connection is then closed")
    func keepAliveServed() async throws {
        try await Self.app().test(.live) { client in
            let port = try #require(client.port)
            let c = try #require(RawConnection(from: "127.0.0.5", to: port))
            for _ in 0..<3 {
                c.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
                try await Task.sleep(for: .milliseconds(300))
            }
            let answers = c.readToEnd()
            #expect(answers.components(separatedBy: "HTTP/1.1 200").count - 1 == 3, "\(answers)")
        }
    }

    @Test("one upload's pages are bounded in pixels: beyond the budget its files are quarantined with the reason, not read; /health answers")
    func pixelBudget() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("pixel-budget-\(UUID().uuidString)")
        let services = try await ServerServices(
            layout: StorageLayout(root: root), settings: ServerSettings(bcryptCost: 4, pixelsPerUpload: 20_000_000))
        _ = try services.createAccount(username: "clerk", password: "pw-clerk-secret", role: .clerk, displayName: "clerk", agencyCode: "000.12.34.H56")
        try Fixture.importSampleCatalog(services.store, kinds: [.codeLists, .resultTypes, .procedures])
        let dossier = "000.12.34.H56-241203-0001"
        _ = try services.store.openDossier(
            DossierIntake(
                code: try DossierCode(dossier), procedure: try ProcedureCode("1.001193"), agency: try AgencyCode("000.12.34.H56"),
                owner: try OwnerIdentifier("038090012345"), actor: "test"))
        // Five blank 16-megapixel pages, small as files: the budget holds one.
        let side = 4_000
        let png = Array(try PNGEncoder.encode(RasterPage(width: side, height: side, dpi: 300, pixels: [UInt8](repeating: 255, count: side * side)), maxWidth: .max))
        let parts = (1...5).map { ("Content-Disposition: form-data; name=\"files\"; filename=\"blank-\($0).png\"\r\nContent-Type: image/png", png) }
        let app = buildApplication(services: services, host: "127.0.0.1", port: 0, logger: Logger(label: "pixel-budget-test"))
        try await app.test(.ahc(.http)) { client in
            let port = try #require(client.port)
            // Signed in on a connection of its own: the test client follows the sign-in's redirect in circles.
            let signIn = try #require(RawConnection(from: "127.0.0.1", to: port))
            let form = "username=clerk&password=pw-clerk-secret"
            signIn.send(
                "POST /login HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: \(form.utf8.count)\r\n\r\n\(form)")
            let answer = signIn.readToEnd()
            let cookieLine = try #require(answer.components(separatedBy: "\r\n").first { $0.lowercased().hasPrefix("set-cookie:") }, "\(answer.prefix(300))")
            let cookie = String(cookieLine.dropFirst("set-cookie:".count).trimmingCharacters(in: .whitespaces).split(separator: ";")[0])
            let token = String(cookie.split(separator: "=", maxSplits: 1)[1])
            let csrf = try #require(try await services.store.sessionAsync(tokenHash: SessionHash.of(token), at: Date())).0.csrfToken
            async let upload = client.execute(
                uri: "/api/dossiers/\(dossier)/files", method: .post,
                headers: [.cookie: cookie, .contentType: "multipart/form-data; boundary=b", .accept: "application/json", HTTPField.Name("X-CSRF-Token")!: csrf],
                body: ByteBuffer(bytes: multipartBody(boundary: "b", parts)))
            let slowest = try await Self.slowestHealth(port: port)
            #expect(slowest < 1, "/health took \(slowest) s while the upload was read")
            let uploaded = try await upload
            #expect(uploaded.status == .ok)
            struct Report: Decodable {
                struct File: Decodable {
                    var file: String
                    var status: String
                    var errorCode: String?
                    var error: String?
                }
                var files: [File]
            }
            let report = try JSONDecoder().decode(Report.self, from: Data(uploaded.body.readableBytesView))
            #expect(report.files.map(\.status) == ["filed", "quarantined", "quarantined", "quarantined", "quarantined"], "\(report.files.map(\.status))")
            #expect(report.files.dropFirst().allSatisfy { ($0.error ?? "").contains("vượt quá 20 triệu điểm ảnh") }, "\(report.files.last?.error ?? "")")
        }
    }
}
