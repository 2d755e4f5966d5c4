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
            let present = try await client.execute(
                uri: "/desk/dossiers/\(code)/presence", method: .post, headers: headers,
                body: ByteBuffer(string: "method=chip&chipNumber=052195001234&csrf=\(clerk.csrf)"))
            #expect(present.status == .seeOther)
            let attached = try await client.execute(
                uri: "/desk/dossiers/\(code)/reuse", method: .post, headers: headers,
                body: ByteBuffer(string: "document=\(ReuseGrant.reference(dossier: code, document: f.docDuc))&csrf=\(clerk.csrf)"))
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
                // The notice (the rest of the page is the document's, its access log growing with each try).
                let page = String(buffer: r.body).replacingOccurrences(of: dossier, with: "CODE")
                let notice = page.range(of: #"<p class="notice">[^<]*</p>"#, options: .regularExpression).map { String(page[$0]) } ?? ""
                return (r.status, notice)
            }
            let binhs = "000.12.34.H56-241021-0003"
            let (status, page) = try await offer(binhs)
            #expect(status == .badRequest, "An's document went into Bình's dossier")
            #expect(try !f.services.store.components(dossier: binhs).contains { $0.1.id == f.docAn })
            let (missingStatus, missingPage) = try await offer("000.12.34.H56-241021-0999")
            #expect(missingStatus == status && missingPage == page && page.contains("kiểm tra số hồ sơ"), "a missing dossier and another's must look the same")
            // The refusals are logged as refused, and the page keeps the form to try again.
            let log = try f.services.store.accessLog(owner: try #require(try f.services.store.accessFacts(document: f.docAn)?.ownerPartyId))
            #expect(log.filter { $0.action == "reuse-document" }.allSatisfy { $0.outcome == "denied" })
            let again = try await client.execute(
                uri: "/documents/\(f.docAn)/reuse", method: .post, headers: headers, body: ByteBuffer(string: "dossier=\(binhs)&csrf=\(an.csrf)"))
            #expect(String(buffer: again.body).contains("action=\"/documents/\(f.docAn)/reuse\""))
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

    @Test("an admin binds no account to a person; a desk does, with the person proven, once, and the person sees it")
    func bindingAtTheDesk() async throws {
        let f = try await Self.fixture.value
        try await f.app.test(.router) { client in
            let admin = try await client.signIn(f, "admin")
            // create account → sign in as An: refused at the first step.
            let bound = try await client.execute(
                uri: "/admin/accounts", method: .post, headers: Self.form(admin),
                body: ByteBuffer(string: "username=an.second&displayName=An&role=citizen&owner=038090012345&password=a-long-password-1&csrf=\(admin.csrf)"))
            #expect(bound.status == .badRequest && String(buffer: bound.body).contains("bind-at-desk"))
            #expect(try f.services.store.account(username: "an.second") == nil)
            let created = try await client.execute(
                uri: "/admin/accounts", method: .post, headers: Self.form(admin),
                body: ByteBuffer(string: "username=an.second&displayName=An&role=citizen&password=a-long-password-1&csrf=\(admin.csrf)"))
            #expect(created.status == .ok)
            let second = try await client.execute(
                uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "username=an.second&password=a-long-password-1"))
            let cookie = String(try #require(second.headers[.setCookie]).split(separator: ";")[0])
            let unbound = try await client.execute(uri: "/api/documents/\(f.docAn)", method: .get, headers: [.cookie: cookie, .accept: "application/json"])
            #expect(unbound.status == .notFound, "an unbound account read An's card")

            // At a desk: a chip that is not An's, a check with nothing written, and a second account for An: refused.
            let clerk = try await client.signIn(f, "clerk.a")
            func bind(_ body: String) async throws -> (HTTPResponse.Status, String) {
                let r = try await client.execute(
                    uri: "/desk/accounts/bind", method: .post, headers: Self.form(clerk, accept: "text/html"),
                    body: ByteBuffer(string: body + "&csrf=\(clerk.csrf)"))
                return (r.status, String(buffer: r.body))
            }
            let wrongChip = try await bind("username=an.second&owner=038090012345&method=chip&chipNumber=038192004567")
            #expect(wrongChip.0 == .badRequest && wrongChip.1.contains("khác số định danh"))
            let noNote = try await bind("username=an.second&owner=038090012345&method=clerk-check&note=")
            #expect(noNote.0 == .badRequest)
            let twice = try await bind("username=an.second&owner=038090012345&method=chip&chipNumber=038090012345")
            #expect(twice.0 == .conflict && twice.1.contains("đã có tài khoản"), "a second account bound to An")
            #expect(try f.services.store.account(username: "an.second")?.partyId == nil)
            #expect(try await client.execute(uri: "/api/documents/\(f.docAn)", method: .get, headers: [.cookie: cookie, .accept: "application/json"]).status == .notFound)

            // A person without an account, proven by the chip: bound, once; the person sees it in their store.
            let first = try await bind("username=an.second&owner=038199007777&method=chip&chipNumber=038199007777")
            #expect(first.0 == .ok, "\(first.1.prefix(300))")
            let again = try await bind("username=an.second&owner=038090012345&method=chip&chipNumber=038090012345")
            #expect(again.0 == .conflict, "an account bound twice")
            let me = String(buffer: try await client.execute(uri: "/me", method: .get, headers: [.cookie: cookie, .accept: "text/html"]).body)
            #expect(me.contains("Tài khoản liên kết với tôi") && me.contains("an.second") && me.contains("đọc chip CCCD tại quầy"))
            let party = try #require(try f.services.store.account(username: "an.second")?.partyId)
            #expect(try f.services.store.accessLog(owner: party).contains { $0.action == "bind-account" && $0.outcome == "allowed" })
        }
    }

    @Test("open dossier → list → attach → read → edit: each step bounded for another owner's and another agency's papers")
    func reuseSequence() async throws {
        let f = try await Fixture.make()
        try await f.app.test(.router) { client in
            let clerk = try await client.signIn(f, "clerk.a")
            func post(_ uri: String, _ body: String, as session: SignedIn? = nil) async throws -> TestResponse {
                let s = session ?? clerk
                return try await client.execute(uri: uri, method: .post, headers: Self.form(s), body: ByteBuffer(string: body + "&csrf=\(s.csrf)"))
            }
            // A made-up procedure opens nothing.
            let madeUp = try await post("/desk/dossiers", "procedure=1.999999&owner=052195001234&code=000.12.34.H56-241202-0001")
            #expect(madeUp.status == .unprocessableContent && String(buffer: madeUp.body).contains("unknown-procedure"))
            #expect(try f.services.store.dossier("000.12.34.H56-241202-0001") == nil)
            // A real one opens a dossier for Đức, whose card agency B filed; nothing of his is listed yet.
            let code = "000.12.34.H56-241202-0002"
            #expect(try await post("/desk/dossiers", "procedure=2.000806&owner=052195001234&code=\(code)").status == .seeOther)
            let page = String(buffer: try await client.execute(uri: "/desk/dossiers/\(code)", method: .get, headers: [.cookie: clerk.cookie, .accept: "text/html"]).body)
            #expect(page.contains("id=\"presence-form\"") && !page.contains(f.docDuc) && !page.contains("Đính kèm"))
            // attach by id, or by the reference, before Đức is at the counter: refused; his card stays unreadable.
            let byId = try await post("/desk/dossiers/\(code)/reuse", "document=\(f.docDuc)")
            let byRef = try await post("/desk/dossiers/\(code)/reuse", "document=\(ReuseGrant.reference(dossier: code, document: f.docDuc))")
            #expect(byId.status == .forbidden && byRef.status == .forbidden)
            #expect(try await client.execute(uri: "/api/documents/\(f.docDuc)", method: .get, headers: clerk.headers).status == .notFound)
            #expect(try f.services.store.components(dossier: code).isEmpty)

            // Đức consents from his store: only for his own dossier (another's and a missing one answer the same).
            _ = try f.services.createAccount(
                username: "duc", password: "pw-duc-secret", role: .citizen, displayName: "Đức", owner: try OwnerIdentifier("052195001234"))
            let an = try await client.signIn(f, "an")
            let notHis = try await post("/me/dossiers/\(code)/consent", "", as: an)
            let missing = try await post("/me/dossiers/000.12.34.H56-241202-0999/consent", "", as: an)
            #expect(notHis.status == .notFound && missing.status == .notFound)
            #expect(String(buffer: notHis.body).replacingOccurrences(of: code, with: "C") == String(buffer: missing.body).replacingOccurrences(of: "000.12.34.H56-241202-0999", with: "C"))
            #expect(try f.services.store.reuseGrants(dossier: code).isEmpty)
            let duc = try await client.signIn(f, "duc", password: "pw-duc-secret")
            let store = String(buffer: try await client.execute(uri: "/me", method: .get, headers: [.cookie: duc.cookie, .accept: "text/html"]).body)
            #expect(store.contains("/me/dossiers/\(code)/consent"), "his dossier offers the consent")
            #expect(try await post("/me/dossiers/\(code)/consent", "", as: duc).status == .seeOther)
            #expect(try f.services.store.reuseGrants(dossier: code).map(\.method) == [.ownerConsent])

            // Now listed by reference, attached, read through the dossier (in Đức's log), and not corrected by agency A.
            let listed = String(buffer: try await client.execute(uri: "/desk/dossiers/\(code)", method: .get, headers: [.cookie: clerk.cookie, .accept: "text/html"]).body)
            let ref = ReuseGrant.reference(dossier: code, document: f.docDuc)
            #expect(listed.contains("value=\"\(ref)\"") && !listed.contains("value=\"\(f.docDuc)\""))
            #expect(try await post("/desk/dossiers/\(code)/reuse", "document=\(f.docDuc)").status == .notFound, "an id is not a reference")
            #expect(try await post("/desk/dossiers/\(code)/reuse", "document=\(ref)").status == .seeOther)
            #expect(try await client.execute(uri: "/api/documents/\(f.docDuc)", method: .get, headers: clerk.headers).status == .ok)
            let party = try #require(try f.services.store.dossier(code)?.ownerPartyId)
            let log = try f.services.store.accessLog(owner: party)
            #expect(log.contains { $0.action == "read-document" && $0.objectId == f.docDuc && $0.agencyCode == "000.12.34.H56" && $0.outcome == "allowed" })
            #expect(log.contains { $0.action == "grant-reuse" && $0.objectId == code })
            let edit = try await post("/desk/documents/\(f.docDuc)/fields", "field.hoTen=Ai+%C4%90%C3%B3")
            #expect(edit.status == .notFound)
            // The same reference names nothing in another dossier.
            let other = "000.12.34.H56-241105-0007"
            #expect(try await post("/desk/dossiers/\(other)/reuse", "document=\(ref)").status != .seeOther)
        }
    }

    @Test("a seal issued on the web is a link to this server's /verify page, which a phone camera opens; the bare form on request")
    func webSealsAreLinks() async throws {
        let f = try await Fixture.make()
        let scan = Array(try Data(contentsOf: Fixture.sampleScans.appendingPathComponent("000.12.34.H56-241105-0007/giay-khai-sinh.png")))
        try await f.app.test(.router) { client in
            let clerk = try await client.signIn(f, "clerk.a")
            func issue(_ form: String?, number: String) async throws -> String {
                var parts: [(String, [UInt8])] = [("resultType", "KQ.G15.000031"), ("name", "Giấy khai sinh"), ("number", number)].map {
                    ("Content-Disposition: form-data; name=\"\($0.0)\"", Array($0.1.utf8))
                }
                if let form { parts.append(("Content-Disposition: form-data; name=\"qrForm\"", Array(form.utf8))) }
                parts.append(("Content-Disposition: form-data; name=\"file\"; filename=\"kq.png\"\r\nContent-Type: image/png", scan))
                let r = try await client.execute(
                    uri: "/api/dossiers/000.12.34.H56-241105-0007/results", method: .post,
                    headers: [.cookie: clerk.cookie, .contentType: "multipart/form-data; boundary=b", .accept: "application/json",
                              HTTPField.Name("X-CSRF-Token")!: clerk.csrf],
                    body: ByteBuffer(bytes: multipartBody(boundary: "b", parts)))
                #expect(r.status == .ok, "\(String(buffer: r.body).prefix(300))")
                struct Issued: Decodable { var payload: String }
                return try JSONDecoder().decode(Issued.self, from: Data(r.body.readableBytesView)).payload
            }
            let link = try await issue(nil, number: "45")
            #expect(link.hasPrefix("http://localhost/verify#VNQR1|"), "\(link.prefix(80))")
            let verified = try await client.execute(
                uri: "/api/verify", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(bytes: try JSONEncoder().encode(["payload": link])))
            #expect(String(buffer: verified.body).contains("\"verdict\":\"valid\""), "\(String(buffer: verified.body).prefix(300))")
            let bare = try await issue("payload", number: "46")
            #expect(bare.hasPrefix("VNQR1|"))
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
