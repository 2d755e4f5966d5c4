import Foundation
import Testing

/// `keys`, `issue`, `verify`, `revoke` with the real binary, QR encoder, zbar and Tesseract's PDF renderer.
@Suite("Issued results and their seals")
struct IssueVerifyTests {
    struct Issued: Decodable {
        struct Digests: Decodable {
            var original: String
            var sealed: String
        }
        var resultCode: String
        var payload: String
        var payloadBytes: Int
        var qrVersion: Int
        var sealedDocument: String
        var sha256: Digests
        var keyId: String
        var addedStrip: Bool
    }

    struct Checked: Decodable {
        struct Online: Decodable {
            var known: Bool
            var revoked: Bool
            var warehouseDocumentMatches: Bool
            var fileMatches: Bool?
        }
        var verdict: String
        var reason: String
        var fields: [String: String]
        var online: Online?
    }

    func sample(_ path: String) -> String { WarehouseRunner.sampleScans.appendingPathComponent(path).path }

    @Test("issue then verify: valid, with the fields as issued, for a PNG and a PDF result; revocation and expiry reported")
    func roundTrip() throws {
        let warehouse = WarehouseRunner()
        defer { warehouse.remove() }
        #expect(try warehouse.run(["keys", "init"]).status == 0)
        let out = warehouse.storage.appendingPathComponent("kq1.pdf").path

        // A PNG result, permanent.
        let png = try warehouse.run([
            "issue", sample("000.12.34.H56-241105-0007/giay-khai-sinh.png"), "--dossier", "000.12.34.H56-241105-0007",
            "--result-type", "KQ.G15.000031", "--owner", "038324000123", "--name", "Giấy khai sinh", "--number", "45",
            "--permanent", "--scope", "Toàn quốc", "--procedure", "1.001193", "--agency", "000.12.34.H56", "--out", out, "--json",
        ])
        #expect(png.status == 0, "\(png.stderr)")
        let issued = try png.json(Issued.self)
        #expect(issued.resultCode == "000.12.34.H56-241105-0007-KQ1")
        #expect(issued.qrVersion <= 15)
        #expect(issued.payloadBytes == issued.payload.utf8.count)

        let checked = try warehouse.run(["verify", out, "--online", "--json"])
        #expect(checked.status == 0, "\(checked.stdout)")
        let result = try checked.json(Checked.self)
        #expect(result.verdict == "valid")
        #expect(result.fields["resultCode"] == issued.resultCode)
        #expect(result.fields["dossierCode"] == "000.12.34.H56-241105-0007")
        #expect(result.fields["procedureCode"] == "1.001193")
        #expect(result.fields["ownerId"] == "038324000123")
        #expect(result.fields["documentName"] == "Giấy khai sinh")
        #expect(result.fields["number"] == "45")
        #expect(result.fields["validity"] == "permanent")
        #expect(result.fields["scope"] == "Toàn quốc")
        #expect(result.fields["documentSHA256"] == issued.sha256.original)
        #expect(result.online?.known == true && result.online?.warehouseDocumentMatches == true)
        #expect(result.online?.fileMatches == true)
        // The same PDF with bytes added after its end: it still shows the genuine QR, but it is not the file issued.
        let altered = warehouse.storage.appendingPathComponent("kq1-altered.pdf")
        try (try Data(contentsOf: URL(fileURLWithPath: out)) + Data("\n% changed after issue\n".utf8)).write(to: altered)
        let differs = try warehouse.run(["verify", altered.path, "--online", "--json"]).json(Checked.self)
        #expect(differs.online?.fileMatches == false && differs.reason.contains("khác bản đã cấp"), "\(differs.reason)")
        // Not an image or PDF at all: still JSON, malformed.
        let text = warehouse.storage.appendingPathComponent("notes.txt")
        try Data("ghi chú".utf8).write(to: text)
        let notSeal = try warehouse.run(["verify", text.path, "--json"])
        let notSealVerdict = try notSeal.json(Checked.self).verdict
        #expect(notSeal.status == 12 && notSealVerdict == "malformed")

        // The result is in the owner's store and findable.
        #expect(try warehouse.run(["show", issued.resultCode]).stdout.contains(issued.resultCode))

        // A PDF result with a validity date that has passed: the seal is genuine but expired.
        let pdf = try warehouse.run([
            "issue", sample("000.12.34.H56-241021-0003/giay-xac-nhan-tthn.pdf"), "--dossier", "000.12.34.H56-241021-0003",
            "--result-type", "KQ.G15.000035", "--owner", "038192004567", "--name", "Giấy xác nhận tình trạng hôn nhân",
            "--valid-until", "2025-04-23", "--procedure", "1.004873", "--agency", "000.12.34.H56", "--json",
        ])
        #expect(pdf.status == 0, "\(pdf.stderr)")
        let second = try pdf.json(Issued.self)
        #expect(second.resultCode == "000.12.34.H56-241021-0003-KQ1")
        let expired = try warehouse.run(["verify", "--payload", second.payload, "--json"])
        #expect(expired.status == 13)
        #expect(try expired.json(Checked.self).verdict == "expired")
        #expect(try expired.json(Checked.self).fields["validUntil"] == "2025-04-23")

        // Revoked: online verification says so; offline the signature alone is still genuine.
        #expect(try warehouse.run(["revoke", issued.resultCode, "--reason", "cấp nhầm"]).status == 0)
        let revoked = try warehouse.run(["verify", out, "--online", "--json"])
        #expect(revoked.status == 14)
        #expect(try revoked.json(Checked.self).verdict == "revoked")
        #expect(try warehouse.run(["verify", out]).status == 0)
        #expect(try warehouse.run(["revoke", "000.12.34.H56-241105-0007-KQ9", "--reason", "x"]).status == 5)

        // Offline with the published key set only, as a bank or another province would.
        let published = warehouse.storage.appendingPathComponent("published-keys.json")
        try Data(try warehouse.run(["keys", "export-public"]).stdout.utf8).write(to: published)
        let other = WarehouseRunner()
        defer { other.remove() }
        let offline = try other.run(["verify", out, "--keys", published.path, "--json"])
        #expect(try offline.json(Checked.self).verdict == "valid")
        // Without the keys, a stranger's warehouse knows nothing: unknown key.
        #expect(try other.run(["keys", "init"]).status == 0)
        #expect(try other.run(["verify", out]).status == 11)
    }

    @Test("tampered seals: a changed character or a swapped signature is never valid")
    func tampering() throws {
        let warehouse = WarehouseRunner()
        defer { warehouse.remove() }
        _ = try warehouse.run(["keys", "init"])
        let issue = try warehouse.run([
            "issue", sample("000.00.00.H56-241015-0021/quyet-dinh-45-QD-UBND.tif"), "--dossier", "000.00.00.H56-241015-0021",
            "--result-type", "KQ.G01.000123", "--owner", "2801234564", "--name", "Quyết định cho phép chuyển mục đích sử dụng đất",
            "--number", "45/QĐ-UBND", "--permanent", "--procedure", "1.013992", "--agency", "000.00.00.H56", "--json",
        ])
        #expect(issue.status == 0, "\(issue.stderr)")
        let payload = try issue.json(Issued.self).payload
        let changed = payload.replacingOccurrences(of: "2801234564", with: "2801234565")
        #expect(try warehouse.run(["verify", "--payload", changed]).status == 10)
        _ = try warehouse.run(["keys", "rotate"])
        // Re-signed under the new key elsewhere? Take the signature of one seal onto the other's content.
        let other = try warehouse.run([
            "issue", sample("000.00.00.H56-241015-0021/cong-van-312-UBND-DC.pdf"), "--dossier", "000.00.00.H56-241015-0021",
            "--result-type", "KQ.G01.000124", "--owner", "2801234564", "--name", "Công văn", "--json",
        ])
        #expect(other.status == 0, "\(other.stderr)")
        let otherPayload = try other.json(Issued.self).payload
        let swapped = String(payload[..<payload.lastIndex(of: "|")!]) + String(otherPayload[otherPayload.lastIndex(of: "|")!...])
        #expect(try warehouse.run(["verify", "--payload", swapped]).status == 10)
        // The first seal, made before the rotation, still verifies.
        #expect(try warehouse.run(["verify", "--payload", payload]).status == 0)
        #expect(try warehouse.run(["verify", "--payload", "not a seal"]).status == 12)
    }

    @Test("issuing needs a key; a dossier the warehouse does not know needs its procedure")
    func refusals() throws {
        let warehouse = WarehouseRunner()
        defer { warehouse.remove() }
        let args = [
            "issue", sample("000.12.34.H56-241105-0007/giay-khai-sinh.png"), "--dossier", "000.12.34.H56-241105-0099",
            "--result-type", "KQ.G15.000031", "--owner", "038324000123", "--name", "Giấy khai sinh",
        ]
        let noKey = try warehouse.run(args)
        #expect(noKey.status == 6)
        #expect(noKey.stderr.contains("keys init"))
        _ = try warehouse.run(["keys", "init"])
        let noDossier = try warehouse.run(args)
        #expect(noDossier.status != 0)
        #expect(noDossier.stderr.contains("--procedure"))
        #expect(try warehouse.run(args + ["--valid-until", "2025-13-01"]).status == 64)
    }
}

extension IssueVerifyTests {
    /// A clerk (or a script after a crash or a lost answer) runs the same `issue` again: the result already
    /// issued comes back, never a second result for the same paper; a different request is a new result.
    @Test("the same issue again gets the result already issued (KQ1 again, one result row); another number is KQ2")
    func issueRetry() throws {
        let warehouse = WarehouseRunner()
        defer { warehouse.remove() }
        #expect(try warehouse.run(["keys", "init"]).status == 0)
        let args = [
            "issue", sample("000.12.34.H56-241105-0007/giay-khai-sinh.png"), "--dossier", "000.12.34.H56-241105-0007",
            "--result-type", "KQ.G15.000031", "--owner", "038324000123", "--name", "Giấy khai sinh", "--number", "45",
            "--permanent", "--scope", "Toàn quốc", "--procedure", "1.001193", "--agency", "000.12.34.H56", "--json",
        ]
        let first = try warehouse.run(args)
        #expect(first.status == 0, "\(first.stderr)")
        let again = try warehouse.run(args)
        #expect(again.status == 0, "\(again.stderr)")
        let (a, b) = (try first.json(Issued.self), try again.json(Issued.self))
        #expect(a.resultCode == "000.12.34.H56-241105-0007-KQ1")
        #expect(b.resultCode == a.resultCode)
        #expect(b.payload == a.payload)
        #expect(b.sha256.sealed == a.sha256.sealed)
        #expect(b.qrVersion == a.qrVersion && b.addedStrip == a.addedStrip)
        let other = try warehouse.run(args.map { $0 == "45" ? "46" : $0 })
        #expect(try other.json(Issued.self).resultCode == "000.12.34.H56-241105-0007-KQ2")
        // Revoked, the same request issues anew.
        #expect(try warehouse.run(["revoke", a.resultCode, "--reason", "cấp nhầm"]).status == 0)
        #expect(try warehouse.run(args).json(Issued.self).resultCode == "000.12.34.H56-241105-0007-KQ3")
        #expect(try warehouse.run(["check"]).status == 0)
    }
}
