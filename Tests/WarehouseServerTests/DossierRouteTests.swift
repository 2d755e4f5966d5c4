import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import WarehouseServer

@testable import WarehouseCore

/// The dossier lifecycle on the desk pages, the JSON API and the citizen's page. Part of the serialized
/// `RouterTests` suite: they share its warehouse.
extension RouterTests {
    /// Opens a dossier of the ward received on `received` (Vietnam date) with 5 working days, owned by An.
    static func openWardDossier(_ f: Fixture, _ code: String, received: String) throws {
        let dossier = try DossierCode(code)
        try f.services.store.openDossier(
            DossierIntake(
                code: dossier, procedure: try ProcedureCode("1.001193"), agency: dossier.agency, owner: try OwnerIdentifier("038090012345"),
                received: EventTime(received), deadline: .workingDays(5), actor: "fixture"))
    }

    @Test("the desk's dossier page shows status, channel, dates, the late due date and the event log; the clerk moves the status")
    func dossierStatusPage() async throws {
        let f = try await Fixture.shared.value
        let code = "000.12.34.H56-241001-0101"
        try Self.openWardDossier(f, code, received: "2024-10-01 08:00")
        try await f.app.test(.router) { client in
            let clerk = try await client.signIn(f, "clerk.a")
            let html: HTTPFields = [.cookie: clerk.cookie, .accept: "text/html"]
            let page = try await client.execute(uri: "/desk/dossiers/\(code)", method: .get, headers: html)
            #expect(page.status == .ok)
            let body = String(buffer: page.body)
            for expected in [
                "Trạng thái hồ sơ", "2 Được tiếp nhận", "1 Trực tiếp", "2024-10-01 08:00", "<span id=\"due\" class=\"late\">2024-10-08</span>",
                "quá hạn", "id=\"status-form\"", "<option value=\"4\">4 Đang xử lý</option>", "<option value=\"7\">",
            ] {
                #expect(body.contains(expected), "missing \(expected)")
            }
            #expect(!body.contains("<option value=\"9\">"), "only the allowed next statuses are offered")
            #expect(body.contains("<td>2 Được tiếp nhận</td>"), "the first event has no previous status")
            for absent in ["Ngày nộp", "Ngày từ chối tiếp nhận", "Ngày rút hồ sơ", "ban đầu"] {
                #expect(!body.contains(absent), "\(absent) shown for a date the dossier does not have")
            }

            let form: HTTPFields = [.cookie: clerk.cookie, .contentType: "application/x-www-form-urlencoded", .accept: "text/html"]
            let moved = try await client.execute(
                uri: "/desk/dossiers/\(code)/status", method: .post, headers: form,
                body: ByteBuffer(string: "to=4&note=B%E1%BA%AFt+%C4%91%E1%BA%A7u+x%E1%BB%AD+l%C3%BD&csrf=\(clerk.csrf)"))
            #expect(moved.status == .seeOther)
            #expect(moved.headers[.location] == "/desk/dossiers/\(code)#status")
            let after = String(buffer: try await client.execute(uri: "/desk/dossiers/\(code)", method: .get, headers: html).body)
            #expect(after.contains("<strong id=\"status-now\">4 Đang xử lý</strong>"))
            #expect(after.contains("<td>2 → 4 Đang xử lý</td>"))
            #expect(after.contains("Bắt đầu xử lý"))
            #expect(after.contains("<td>clerk.a</td>"), "staff are shown by name")
            #expect(after.contains("<td>fixture</td>"))
            // A refused change from the page: the page again, with the reason, as 409.
            let refused = try await client.execute(
                uri: "/desk/dossiers/\(code)/status", method: .post, headers: form, body: ByteBuffer(string: "to=10&csrf=\(clerk.csrf)"))
            #expect(refused.status == .conflict)
            #expect(String(buffer: refused.body).contains("cannot move from 4 Đang xử lý to 10 Đã trả kết quả"))
            // Without the CSRF token: refused, nothing written.
            let forged = try await client.execute(uri: "/desk/dossiers/\(code)/status", method: .post, headers: form, body: ByteBuffer(string: "to=9"))
            #expect(forged.status == .forbidden)
            #expect(try f.services.store.dossier(code)?.status == .inProgress)
            // The desk's list shows the status.
            let desk = String(buffer: try await client.execute(uri: "/desk", method: .get, headers: html).body)
            #expect(desk.contains("<a href=\"/desk/dossiers/\(code)\">\(code)</a></td><td>1.001193</td><td>2024-10-01 08:00</td><td>4 Đang xử lý</td>"))
        }
    }

    @Test("GET /api/dossiers/:code and the JSON status change; refused for another agency's clerk and for citizens")
    func dossierAPI() async throws {
        let f = try await Fixture.shared.value
        let code = "000.12.34.H56-241001-0102"
        try Self.openWardDossier(f, code, received: "2024-10-01 09:00")
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        try await f.app.test(.router) { client in
            let clerk = try await client.signIn(f, "clerk.a")
            let read = try await client.execute(uri: "/api/dossiers/\(code)", method: .get, headers: clerk.headers)
            #expect(read.status == .ok)
            let view = try decoder.decode(DossierView.self, from: Data(read.body.readableBytesView))
            #expect(view.code == code)
            #expect(view.status == 2)
            #expect(view.dueOn == CalendarDate(iso: "2024-10-08"))
            #expect(view.late)
            #expect(view.events.first?.actor == "fixture")

            func post(_ session: SignedIn, _ json: String, csrf: Bool = true) async throws -> TestResponse {
                var headers: HTTPFields = [.cookie: session.cookie, .contentType: "application/json", .accept: "application/json"]
                if csrf { headers[HTTPField.Name("X-CSRF-Token")!] = session.csrf }
                return try await client.execute(uri: "/api/dossiers/\(code)/status", method: .post, headers: headers, body: ByteBuffer(string: json))
            }
            let moved = try await post(clerk, #"{"to": 4, "note": "Bắt đầu"}"#)
            #expect(moved.status == .ok)
            #expect(try decoder.decode(DossierView.self, from: Data(moved.body.readableBytesView)).status == 4)
            let paused = try await post(clerk, #"{"to": 5, "note": "Thiếu giấy chứng sinh"}"#)
            #expect(try decoder.decode(DossierView.self, from: Data(paused.body.readableBytesView)).events.map(\.status) == [2, 4, 5])
            let illegal = try await post(clerk, #"{"to": 9}"#)
            #expect(illegal.status == .conflict)
            let error = String(buffer: illegal.body)
            #expect(error.contains("\"code\":\"illegal-transition\""))
            #expect(error.contains(code) && error.contains("5 Yêu cầu bổ sung giấy tờ") && error.contains("9 Đã xử lý xong"))
            #expect(try await post(clerk, #"{"to": 11}"#).status == .badRequest)
            #expect(try await post(clerk, "not json").status == .badRequest)
            #expect(try await post(clerk, #"{"to": 4}"#, csrf: false).status == .forbidden)
            #expect(try await post(clerk, #"{"to": 4, "csrf": "\#(clerk.csrf)"}"#, csrf: false).status == .ok, "the token may come in the body")

            // Another agency's clerk: the same 404 as for a dossier that does not exist, for reads and changes.
            let other = try await client.signIn(f, "clerk.b")
            let missing = try await client.execute(uri: "/api/dossiers/000.12.34.H56-241001-0999", method: .get, headers: other.headers)
            let foreign = try await client.execute(uri: "/api/dossiers/\(code)", method: .get, headers: other.headers)
            #expect(missing.status == .notFound && foreign.status == .notFound)
            #expect(String(buffer: missing.body) == String(buffer: foreign.body))
            #expect(try await post(other, #"{"to": 9}"#).status == .notFound)
            #expect(try await client.execute(uri: "/desk/dossiers/\(code)", method: .get, headers: other.headers).status == .notFound)
            let otherForm: HTTPFields = [.cookie: other.cookie, .contentType: "application/x-www-form-urlencoded", .accept: "application/json"]
            let otherPost = try await client.execute(
                uri: "/desk/dossiers/\(code)/status", method: .post, headers: otherForm, body: ByteBuffer(string: "to=7&csrf=\(other.csrf)"))
            #expect(otherPost.status == .notFound)

            // Citizens: the owner reads the status (without who did what) but may not change it; others see nothing.
            let an = try await client.signIn(f, "an")
            let own = try await client.execute(uri: "/api/dossiers/\(code)", method: .get, headers: an.headers)
            #expect(own.status == .ok)
            let ownView = try decoder.decode(DossierView.self, from: Data(own.body.readableBytesView))
            #expect(ownView.status == 4)
            #expect(ownView.events.allSatisfy { $0.actor == nil })
            #expect(!String(buffer: own.body).contains("\"actor\""))
            #expect(try await post(an, #"{"to": 9}"#).status == .forbidden)
            let anForm: HTTPFields = [.cookie: an.cookie, .contentType: "application/x-www-form-urlencoded", .accept: "application/json"]
            let anPost = try await client.execute(
                uri: "/desk/dossiers/\(code)/status", method: .post, headers: anForm, body: ByteBuffer(string: "to=7&csrf=\(an.csrf)"))
            #expect(anPost.status == .forbidden)
            let binh = try await client.signIn(f, "binh")
            #expect(try await client.execute(uri: "/api/dossiers/\(code)", method: .get, headers: binh.headers).status == .notFound)
            let auditor = try await client.signIn(f, "auditor")
            #expect(try await client.execute(uri: "/api/dossiers/\(code)", method: .get, headers: auditor.headers).status == .notFound)
            #expect(try await client.execute(uri: "/api/dossiers/\(code)", method: .get).status == .unauthorized)
        }
        #expect(try f.services.store.dossier(code)?.status == .inProgress, "no refused change was written")
    }

    @Test("a citizen sees the status of their own dossiers on /me, read only")
    func citizenDossiers() async throws {
        let f = try await Fixture.shared.value
        let code = "000.12.34.H56-241001-0103"
        try Self.openWardDossier(f, code, received: "2024-10-01 10:00")
        try f.services.store.changeStatus(of: code, to: .inProgress, at: .on(CalendarDate(iso: "2024-10-02")!), by: "fixture")
        try await f.app.test(.router) { client in
            let an = try await client.signIn(f, "an")
            let page = String(buffer: try await client.execute(uri: "/me", method: .get, headers: [.cookie: an.cookie, .accept: "text/html"]).body)
            #expect(page.contains("Hồ sơ của tôi"))
            #expect(page.contains(
                "<td data-label=\"Số hồ sơ\">\(code)</td><td data-label=\"Thủ tục\">1.001193</td><td data-label=\"Trạng thái\">4 Đang xử lý</td><td data-label=\"Tiếp nhận\">2024-10-01 10:00</td>"))
            #expect(page.contains("<span class=\"late\">2024-10-08</span>"))
            #expect(page.contains("000.12.34.H56-241105-0007"), "the dossier An's papers were filed in")
            #expect(!page.contains("status-form") && !page.contains("/status\""), "read only")
            let binh = try await client.signIn(f, "binh")
            let other = String(buffer: try await client.execute(uri: "/me", method: .get, headers: [.cookie: binh.cookie, .accept: "text/html"]).body)
            #expect(!other.contains(code))
        }
    }
}
