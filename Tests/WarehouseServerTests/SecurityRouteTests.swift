import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import WarehouseCore
import WarehouseImaging

@testable import WarehouseServer

/// The holes a probe of the running server found (issue 13), each with a test that failed before its fix.
/// A fixture of its own: these tests attach another agency's document to a dossier, which the shared
/// fixture's tests must not see.
@Suite("Access paths and hardening", .serialized)
struct SecurityRouteTests {
    static let fixture = Task { try await Fixture.make() }

    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .accept: "application/json"]

    /// A form post's headers in a signed-in session.
    static func form(_ session: SignedIn, accept: String = "application/json") -> HTTPFields {
        [.contentType: "application/x-www-form-urlencoded", .accept: accept, .cookie: session.cookie]
    }

    @Test("a document reused by another agency's desk is read there, but only the agency that filed it corrects its fields")
    func correctionsByTheFilingAgencyOnly() async throws {
        let f = try await Self.fixture.value
        try await f.app.test(.router) { client in
            // Agency A's clerk opens a dossier for Đức (whose CCCD agency B filed) and attaches it.
            let clerk = try await client.signIn(f, "clerk.a")
            let headers = Self.form(clerk)
            let code = "000.12.34.H56-241201-0001"
            let opened = try await client.execute(
                uri: "/desk/dossiers", method: .post, headers: headers,
                body: ByteBuffer(string: "procedure=2.000806&owner=052195001234&code=\(code)&csrf=\(clerk.csrf)"))
            #expect(opened.status == .seeOther)
            let attached = try await client.execute(
                uri: "/desk/dossiers/\(code)/reuse", method: .post, headers: headers, body: ByteBuffer(string: "document=\(f.docDuc)&csrf=\(clerk.csrf)"))
            #expect(attached.status == .seeOther)
            #expect(try await client.execute(uri: "/api/documents/\(f.docDuc)", method: .get, headers: clerk.headers).status == .ok)
            let before = try #require(try f.services.store.documentDetail(f.docDuc)).stored.fields
            let corrected = try await client.execute(
                uri: "/desk/documents/\(f.docDuc)/fields", method: .post, headers: headers,
                body: ByteBuffer(string: "field.hoTen=Ai+%C4%90%C3%B3&csrf=\(clerk.csrf)"))
            #expect(corrected.status == .notFound, "agency A corrected a field of a document agency B filed")
            #expect(try #require(try f.services.store.documentDetail(f.docDuc)).stored.fields == before)
            // Agency B, which filed it, still may.
            let owner = try await client.signIn(f, "clerk.b")
            let byFiler = try await client.execute(
                uri: "/desk/documents/\(f.docDuc)/fields", method: .post, headers: Self.form(owner),
                body: ByteBuffer(string: "field.hoTen=%C4%90%E1%BB%A9c&csrf=\(owner.csrf)"))
            #expect(byFiler.status == .seeOther)
        }
    }

    @Test("a citizen reuses a document only in their own dossiers; another's and a missing one answer the same")
    func citizenReuseOwnDossiersOnly() async throws {
        let f = try await Self.fixture.value
        try await f.app.test(.router) { client in
            let an = try await client.signIn(f, "an")
            let headers = Self.form(an, accept: "text/html")
            func offer(_ dossier: String) async throws -> (HTTPResponse.Status, String) {
                let r = try await client.execute(
                    uri: "/documents/\(f.docAn)/reuse", method: .post, headers: headers, body: ByteBuffer(string: "dossier=\(dossier)&csrf=\(an.csrf)"))
                return (r.status, String(buffer: r.body).replacingOccurrences(of: dossier, with: "CODE"))
            }
            let binhs = "000.12.34.H56-241021-0003"
            let (status, page) = try await offer(binhs)
            #expect(status == .badRequest, "An's document went into Bình's dossier")
            #expect(try !f.services.store.components(dossier: binhs).contains { $0.1.id == f.docAn })
            let (missingStatus, missingPage) = try await offer("000.12.34.H56-241021-0999")
            #expect(missingStatus == status && missingPage == page, "a missing dossier and another's must look the same")
            // Her own dossier takes it; the notice names it only because the document is in it.
            let own = try await offer("000.12.34.H56-241105-0007")
            #expect(own.0 == .seeOther)
            let forged = try await client.execute(
                uri: "/documents/\(f.docAn)?reused=Li%C3%AAn+h%E1%BB%87+0900+000+000", method: .get, headers: [.cookie: an.cookie])
            #expect(!String(buffer: forged.body).contains("0900 000 000"), "a link put words on the document page")
        }
    }

    @Test("the API shows no server path and no staff account id: a filing names the file as it was sent")
    func noServerPathsOrStaffIds() async throws {
        let f = try await Self.fixture.value
        try await f.app.test(.router) { client in
            let an = try await client.signIn(f, "an")
            let r = try await client.execute(uri: "/api/documents/\(f.docAn)", method: .get, headers: an.headers)
            #expect(r.status == .ok)
            let body = String(buffer: r.body)
            #expect(!body.contains(Fixture.sampleScans.path) && !body.contains(f.services.layout.root.path), "a server path in \(body.prefix(400))")
            #expect(body.contains("cccd-mat-truoc.png"), "the file is named as it was sent")
            for account in try f.services.store.accounts() where account.role != .citizen {
                #expect(!body.contains(account.id), "the id of \(account.username)")
            }
        }
    }

    @Test("an upload with the bytes of another agency's paper of another owner does not give the clerk its id or its text")
    func sameBytesOfAnotherAgency() async throws {
        // A fixture where agency A has not attached Đức's card to any dossier (the test above does).
        let f = try await Fixture.make()
        let bytes = try Data(contentsOf: Fixture.sampleScans.appendingPathComponent("000.00.12.H56-241105-0007/cccd-mat-sau.jpg"))
        let upload = ByteBuffer(
            bytes: multipartBody(
                boundary: "b", [("Content-Disposition: form-data; name=\"files\"; filename=\"the-same.jpg\"\r\nContent-Type: image/jpeg", Array(bytes))]))
        try await f.app.test(.router) { client in
            let clerk = try await client.signIn(f, "clerk.a")
            let r = try await client.execute(
                uri: "/api/dossiers/000.12.34.H56-241105-0007/files", method: .post,
                headers: [.cookie: clerk.cookie, .contentType: "multipart/form-data; boundary=b", .accept: "application/json",
                          HTTPField.Name("X-CSRF-Token")!: clerk.csrf],
                body: upload)
            let answer = String(buffer: r.body)
            if try f.services.store.components(dossier: "000.12.34.H56-241105-0007").contains(where: { $0.1.id == f.docDuc }) {
                Issue.record("Đức's paper was attached to An's dossier: \(answer.prefix(300))")
            }
            #expect(!answer.contains(f.docDuc), "the id of agency B's document: \(answer.prefix(400))")
        }
    }

    @Test("an admin cannot bind a second account to a person who has one, and so cannot sign in as them")
    func noSecondBinding() async throws {
        let f = try await Self.fixture.value
        try await f.app.test(.router) { client in
            let admin = try await client.signIn(f, "admin")
            let created = try await client.execute(
                uri: "/admin/accounts", method: .post, headers: Self.form(admin),
                body: ByteBuffer(string: "username=an.second&displayName=An&role=citizen&owner=038090012345&password=a-long-password-1&csrf=\(admin.csrf)"))
            #expect(created.status == .conflict && String(buffer: created.body).contains("owner-has-account"))
            #expect(try f.services.store.account(username: "an.second") == nil)
            let login = try await client.execute(
                uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "username=an.second&password=a-long-password-1"))
            #expect(login.status == .unauthorized)
        }
    }

    @Test("every response carries the security headers, errors included, and every error has a sentence")
    func securityHeaders() async throws {
        let f = try await Self.fixture.value
        try await f.app.test(.router) { client in
            let an = try await client.signIn(f, "an")
            let answers = [
                try await client.execute(uri: "/login", method: .get),
                try await client.execute(uri: "/no-such-page", method: .get),
                try await client.execute(uri: "/api/me/documents", method: .get),
                try await client.execute(uri: "/documents/no-such-id", method: .get, headers: [.cookie: an.cookie]),
                try await client.execute(
                    uri: "/login", method: .post, headers: Self.form, body: ByteBuffer(string: "x=" + String(repeating: "a", count: 2 << 20))),
            ]
            for r in answers {
                #expect(r.headers[HTTPField.Name("Content-Security-Policy")!]?.contains("frame-ancestors 'none'") == true, "\(r.status)")
                #expect(r.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
                #expect(r.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
                #expect(r.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin")
                #expect(r.headers[.cacheControl] == "no-store")
                #expect(r.headers[HTTPField.Name("Strict-Transport-Security")!] == nil, "HSTS only over TLS")
            }
            #expect(answers[1].status == .notFound && String(buffer: answers[1].body).contains("no such page"))
            #expect(answers[4].status == .contentTooLarge && String(buffer: answers[4].body).contains("larger than"), "\(String(buffer: answers[4].body))")
            // No page has inline script: the policy would block it.
            let verify = String(buffer: try await client.execute(uri: "/verify", method: .get).body)
            #expect(!verify.contains("<script>") && verify.contains("/static/app.js"))
            #expect(try await client.execute(uri: "/static/app.js", method: .get).status == .ok)
        }
    }

    @Test("a sign-in form posted from another site is refused (login CSRF)")
    func loginFromAnotherSite() async throws {
        let f = try await Self.fixture.value
        try await f.app.test(.router) { client in
            let body = ByteBuffer(string: "username=an&password=\(f.passwords["an"]!)")
            var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded", HTTPField.Name("Origin")!: "https://evil.example"]
            let cross = try await client.execute(uri: "/login", method: .post, headers: headers, body: body)
            #expect(cross.status == .forbidden && cross.headers[.setCookie] == nil)
            headers = [.contentType: "application/x-www-form-urlencoded", HTTPField.Name("Sec-Fetch-Site")!: "cross-site"]
            #expect(try await client.execute(uri: "/login", method: .post, headers: headers, body: body).status == .forbidden)
            headers = [.contentType: "application/x-www-form-urlencoded", HTTPField.Name("Sec-Fetch-Site")!: "same-origin"]
            #expect(try await client.execute(uri: "/login", method: .post, headers: headers, body: body).status == .seeOther)
        }
    }

    @Test("wrong passwords refuse the guesser's address and slow the username elsewhere; the owner still gets in")
    func limiterPerUsernameAndAddress() {
        let limiter = LoginLimiter(attempts: 3, window: 300, maxDelay: 4)
        let now = Date()
        for _ in 0..<3 { limiter.recordFailure(username: "canbo.tinh", address: "203.0.113.9", now: now) }
        guard case .refuse(let retry) = limiter.decide(username: "canbo.tinh", address: "203.0.113.9", now: now) else {
            Issue.record("the guesser's address is not refused")
            return
        }
        #expect(retry > 0 && retry <= 300)
        // The owner, from the office: not refused, a short wait before the check.
        #expect(limiter.decide(username: "canbo.tinh", address: "10.1.2.3", now: now) == .wait(0.25))
        // More guessing from other addresses makes each try wait longer, up to the bound.
        for n in 0..<10 { limiter.recordFailure(username: "canbo.tinh", address: "198.51.100.\(n)", now: now) }
        #expect(limiter.decide(username: "canbo.tinh", address: "10.1.2.3", now: now) == .wait(4))
        // Another username is not touched; the window passing forgets all.
        #expect(limiter.decide(username: "other", address: "203.0.113.9", now: now) == .proceed)
        #expect(limiter.decide(username: "canbo.tinh", address: "203.0.113.9", now: now.addingTimeInterval(301)) == .proceed)
    }

    @Test("a missing username costs what a real password check costs (timing tells no usernames)")
    func dummyHashCost() async throws {
        let f = try await Self.fixture.value
        let identity = try #require(f.services.identity as? LocalPasswordIdentity)
        let account = try #require(try f.services.store.account(username: "an"))
        // bcrypt's cost is the second field of the hash: "$2b$04$…".
        func cost(_ hash: String) -> Substring? { hash.split(separator: "$").dropFirst().first }
        #expect(cost(identity.dummyHash) != nil && cost(identity.dummyHash) == cost(account.passwordHash))
    }

    @Test("a flood of large images at /api/verify without an account: /health answers within a second, then the address is limited")
    func verifyFlood() async throws {
        let f = try await Self.fixture.value
        let side = 4_000
        let png = try PNGEncoder.encode(RasterPage(width: side, height: side, dpi: 300, pixels: [UInt8](repeating: 255, count: side * side)), maxWidth: .max)
        let upload = ByteBuffer(
            bytes: multipartBody(boundary: "b", [("Content-Disposition: form-data; name=\"file\"; filename=\"blank.png\"\r\nContent-Type: image/png", Array(png))]))
        try await f.app.test(.ahc(.http)) { client in
            try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<6 {
                    group.addTask {
                        try await client.execute(
                            uri: "/api/verify", method: .post, headers: [.contentType: "multipart/form-data; boundary=b"], body: upload
                        ).status
                    }
                }
                var slowest = 0.0
                for _ in 0..<8 {
                    let start = Date()
                    let health = try await client.execute(uri: "/health", method: .get)
                    slowest = max(slowest, Date().timeIntervalSince(start))
                    #expect(health.status == .ok)
                    try await Task.sleep(for: .milliseconds(250))
                }
                #expect(slowest < 1, "/health took \(slowest) s while the uploads were checked")
                for try await status in group { #expect(status == .ok || status == .serviceUnavailable, "\(status)") }
            }
            // The same address goes on sending: within its 20 checks a minute, then 429 with a time to wait.
            var limited: TestResponse?
            for _ in 0..<20 where limited == nil {
                let r = try await client.execute(
                    uri: "/api/verify", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: #"{"payload": "VNQR1|x"}"#))
                if r.status == .tooManyRequests { limited = r } else { #expect(r.status == .ok) }
            }
            let refusal = try #require(limited, "20 more checks from one address were not limited")
            #expect(String(buffer: refusal.body).contains("too-many-checks"))
        }
    }
}
