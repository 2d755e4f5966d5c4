import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import WarehouseCore
@testable import WarehouseServer

/// File names made to hurt, in multipart uploads to the real server on loopback: `../`, NUL, 300-byte
/// names, names that are not UTF-8, quotes and semicolons. Each file is filed or quarantined under a safe
/// name, the server answers 200 with the outcome of each, and nothing is written outside its scratch space.
@Suite("Hostile upload file names", .serialized)
struct HostileUploadTests {
    static let garbage = Array("%PDF-1.7\n".utf8) + (0..<2000).map { UInt8(truncatingIfNeeded: $0 &* 37) }

    /// (name as sent, bytes of the name in the Content-Disposition header, the name the outcome must show)
    static let names: [(label: String, raw: [UInt8], shown: String?)] = [
        ("../", Array("../../../../tmp/evil.pdf".utf8), "evil.pdf"),
        ("absolute", Array("/etc/passwd".utf8), "passwd"),
        ("windows path", Array("C:\\Users\\canbo\\Desktop\\to khai.pdf".utf8), "to khai.pdf"),
        ("NUL", Array("a\u{0}b.pdf".utf8), "ab.pdf"),
        ("only NUL", [0], "scan"),
        ("dot dot", Array("..".utf8), ".."),
        ("300 bytes", Array((String(repeating: "ờ", count: 100)).utf8) + Array(".pdf".utf8), String(repeating: "ờ", count: 65) + ".pdf"),
        ("not UTF-8", [0x73, 0xFF, 0xFE, 0xC3, 0x28, 0x2E, 0x70, 0x64, 0x66], "s\u{FFFD}\u{FFFD}\u{FFFD}(.pdf"),
        ("semicolon and quotes, as browsers send them", Array("a;b %22c%22.pdf".utf8), "a;b %22c%22.pdf"),
        ("control characters", Array("t\u{1B}[31m\u{7}.pdf".utf8), "t\u{1B}[31m\u{7}.pdf"),
    ]

    @Test("upload and issue: odd file names are filed or quarantined under a safe name; no 5xx, nothing escapes")
    func hostileNames() async throws {
        let f = try await FuzzFixture.shared.value
        let app = Application(router: buildRouter(services: f.services), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let clerk = try await client.signIn("clerk.a")
            let boundary = "hostile-boundary"
            // Built from bytes: a name that is not UTF-8 must reach the server as it was sent.
            var body = Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(clerk.csrf)\r\n".utf8)
            for (i, name) in Self.names.enumerated() {
                body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"files\"; filename=\"".utf8) + name.raw
                body += Array("\"\r\nContent-Type: application/pdf\r\n\r\n".utf8) + Self.garbage + [UInt8(i)] + Array("\r\n".utf8)
            }
            body += Array("--\(boundary)--\r\n".utf8)
            let headers: HTTPFields = [.cookie: clerk.cookie, .contentType: "multipart/form-data; boundary=\(boundary)", .accept: "application/json"]
            let response = try await client.execute(uri: "/api/dossiers/\(FuzzFixture.dossier)/files", method: .post, headers: headers, body: ByteBuffer(bytes: body))
            #expect(response.status == .ok, "\(response.status): \(String(buffer: response.body).prefix(500))")
            let decoder = JSONDecoder()
            let report = try decoder.decode(IngestReport.self, from: Data(response.body.readableBytesView))
            try #require(report.files.count == Self.names.count, "\(report.files.map(\.file))")
            for (name, outcome) in zip(Self.names, report.files) {
                #expect(outcome.status == .quarantined, "\(name.label): \(outcome.status)")
                #expect(outcome.errorCode == "damaged" || outcome.errorCode == "truncated", "\(name.label): \(outcome.errorCode ?? "")")
                #expect(!outcome.file.contains("/") && !outcome.file.contains("\0") && !outcome.file.isEmpty, "\(name.label): \(outcome.file)")
                #expect(outcome.file.utf8.count <= 200, "\(name.label): \(outcome.file.utf8.count) bytes")
                if let shown = name.shown { #expect(outcome.file == shown, "\(name.label)") }
                #expect(outcome.error?.hasPrefix(outcome.file + ": ") == true, "\(name.label): \(outcome.error ?? "")")
                #expect(outcome.quarantinedAt == nil, "server paths stay on the server")
            }
            #expect(!FileManager.default.fileExists(atPath: "/tmp/evil.pdf"))
            // The bytes are kept in quarantine, each under its hash.
            let quarantine = try FileManager.default.contentsOfDirectory(atPath: f.services.layout.quarantine.path)
            for outcome in report.files { #expect(quarantine.contains(outcome.sha256 ?? "-")) }

            // The same names for a result to issue: a clear 4xx (the file is no result), never a 5xx.
            for name in Self.names {
                var body = Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(clerk.csrf)\r\n".utf8)
                for (field, value) in [("resultType", "KQ.G15.000031"), ("name", "Giấy khai sinh")] {
                    body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"\r\n\r\n\(value)\r\n".utf8)
                }
                body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"".utf8) + name.raw + Array("\"\r\n\r\n".utf8)
                body += Self.garbage + Array("\r\n--\(boundary)--\r\n".utf8)
                let r = try await client.execute(uri: "/api/dossiers/\(FuzzFixture.dossier)/results", method: .post, headers: headers, body: ByteBuffer(bytes: body))
                #expect(r.status == .unprocessableContent, "\(name.label): \(r.status) \(String(buffer: r.body).prefix(300))")
            }
            // The server still works.
            #expect(try await client.execute(uri: "/health", method: .get).status == .ok)
        }
    }
}
