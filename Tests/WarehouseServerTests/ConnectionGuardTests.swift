import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing
import WarehouseCore

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
@Suite("Connection caps and slow clients", .serialized)
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
}
