import Foundation
import Testing

@testable import WarehouseCore

/// `sync.json`, and what the sender makes of the portal's answers.
@Suite("National-portal sync settings and answers")
struct SyncSettingsTests {
    let file = URL(fileURLWithPath: "/srv/warehouse/sync.json")

    func parse(_ json: String) throws(SyncSettingsError) -> SyncSettings {
        try SyncSettings.parse(Data(json.utf8), file: file)
    }

    @Test("a complete settings file is read; a missing one gives the defaults without an endpoint")
    func good() throws {
        let s = try parse(
            """
            {"endpoint": "https://lgsp.thanhhoa.gov.vn/dvcqg/dongbo", "maxAttempts": 5, "timeoutSeconds": 12.5,
             "backoffSeconds": 30, "maxBackoffSeconds": 3600, "maxRunSeconds": 120, "headers": {"Authorization": "Bearer abc"}}
            """)
        #expect(s.endpoint?.absoluteString == "https://lgsp.thanhhoa.gov.vn/dvcqg/dongbo")
        #expect(s.maxAttempts == 5 && s.timeout == 12.5 && s.backoff == 30 && s.maxBackoff == 3600 && s.maxRunSeconds == 120)
        #expect(s.headers == ["Authorization": "Bearer abc"])
        // 1 is a number, not `true` (JSONSerialization on Linux confuses them).
        let ones = try parse(#"{"maxAttempts": 1, "timeoutSeconds": 1, "backoffSeconds": 1, "maxRunSeconds": 0}"#)
        #expect(ones.maxAttempts == 1 && ones.timeout == 1 && ones.backoff == 1 && ones.maxRunSeconds == 0)
        let none = try SyncSettings.load(URL(fileURLWithPath: "/nonexistent/\(UUID())/sync.json"))
        #expect(none.endpoint == nil && none.maxAttempts == 10)
    }

    @Test("every bad settings file is refused with the file, the field and the cause")
    func bad() {
        let cases: [(String, String?, String)] = [
            ("{\"endpoint\": \"https://x.gov.vn\"", nil, "not valid JSON"),
            ("[1, 2]", nil, "one JSON object"),
            ("{\"endPoint\": \"https://x.gov.vn\"}", "endPoint", "is not a setting"),
            ("{\"endpoint\": \"ftp://x.gov.vn/in\"}", "endpoint", "http or https"),
            ("{\"endpoint\": \"lgsp.gov.vn\"}", "endpoint", "http or https"),
            ("{\"endpoint\": 42}", "endpoint", "http or https"),
            ("{\"maxAttempts\": 0}", "maxAttempts", "from 1 to 100"),
            ("{\"maxAttempts\": 2.5}", "maxAttempts", "whole number"),
            ("{\"maxAttempts\": true}", "maxAttempts", "whole number"),
            ("{\"maxAttempts\": \"3\"}", "maxAttempts", "whole number"),
            ("{\"timeoutSeconds\": 0}", "timeoutSeconds", "seconds"),
            ("{\"timeoutSeconds\": -1}", "timeoutSeconds", "seconds"),
            ("{\"timeoutSeconds\": true}", "timeoutSeconds", "seconds"),
            ("{\"timeoutSeconds\": null}", "timeoutSeconds", "seconds"),
            ("{\"backoffSeconds\": 60, \"maxBackoffSeconds\": 10}", "maxBackoffSeconds", "at least backoffSeconds"),
            ("{\"headers\": [\"Authorization\"]}", "headers", "object"),
            ("{\"headers\": {\"Authorization\": 5}}", "headers.Authorization", "text"),
            ("{\"headers\": {\"X-Token\": \"a\\r\\nInjected: 1\"}}", "headers.X-Token", "line break"),
            ("{\"headers\": {\"Bad Name\": \"a\"}}", "headers.Bad Name", "header name"),
            ("{\"headers\": {\"Idempotency-Key\": \"a\"}}", "headers.Idempotency-Key", "set by the sender"),
        ]
        for (json, field, cause) in cases {
            do {
                _ = try parse(json)
                Issue.record("accepted: \(json)")
            } catch {
                #expect(error.file == file.path, "\(json)")
                #expect(error.field == field, "\(json): \(error)")
                #expect(error.description.contains(cause), "\(json): \(error)")
                #expect(error.description.hasPrefix("/srv/warehouse/sync.json"), "\(error)")
            }
        }
    }

    @Test("a 2xx answer is a success unless the portal's error_code says otherwise; malformed-message answers are final")
    func verdicts() {
        func verdict(_ status: Int, _ body: String = "", retryAfter: Double? = nil) -> SyncSender.Verdict {
            SyncSender.verdict(SyncResponse(status: status, body: Data(body.utf8), retryAfter: retryAfter))
        }
        #expect(verdict(200) == .sent)
        #expect(verdict(204) == .sent)
        #expect(verdict(200, #"{"error_code":"0","message":"OK"}"#) == .sent)
        #expect(verdict(200, #"{"error_code":"00"}"#) == .sent)
        #expect(verdict(200, #"{"error_code":0}"#) == .sent)
        #expect(verdict(200, "OK, not JSON") == .sent)
        guard case .retry(let why, _) = verdict(200, #"{"error_code":"-1","message":"Mã hồ sơ không hợp lệ"}"#) else {
            Issue.record("a non-zero error_code must not count as sent")
            return
        }
        #expect(why.contains("error_code -1"))
        #expect(verdict(503, "busy", retryAfter: 7) == .retry("HTTP 503 busy", retryAfter: 7))
        #expect(verdict(500) == .retry("HTTP 500", retryAfter: nil))
        #expect(verdict(302) == .retry("HTTP 302", retryAfter: nil))
        guard case .refused = verdict(422, "MaTTHC missing") else {
            Issue.record("422 is final")
            return
        }
    }

    @Test("backoff doubles from the base up to the cap, its upper half random")
    func backoff() {
        let settings = SyncSettings(endpoint: URL(string: "http://127.0.0.1:9"), backoff: 10, maxBackoff: 60)
        #expect(settings.backoff(afterAttempt: 1, random: 0) == 5)
        #expect(settings.backoff(afterAttempt: 1, random: 0.999) < 10)
        #expect(settings.backoff(afterAttempt: 2, random: 0) == 10)
        #expect(settings.backoff(afterAttempt: 3, random: 0) == 20)
        #expect(settings.backoff(afterAttempt: 4, random: 0) == 30)
        #expect(settings.backoff(afterAttempt: 40, random: 1) == 60)
        #expect(settings.backoff(afterAttempt: 1000, random: 1) == 60)
    }
}
