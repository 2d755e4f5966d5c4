import Crypto
import Foundation
import Testing

@testable import WarehouseCore

@Suite("Seal payload, signature and verification")
struct SealTests {
    let keys: SealKeyStore
    let verifier: SealVerifier

    init() throws {
        keys = SealKeyStore(directory: FileManager.default.temporaryDirectory.appendingPathComponent("keys-\(UUID().uuidString)"))
        _ = try keys.initialise(issuer: "HTTT giải quyết TTHC tỉnh Thanh Hóa")
        verifier = SealVerifier(keys: try #require(try keys.publicKeys()))
    }

    /// The §9.6 birth certificate, sealed with the active key.
    func seal(validity: SealPayload.Validity = .permanent, name: String = "Giấy khai sinh (bản điện tử)", scope: String = "Toàn quốc")
        throws -> String
    {
        let signer = try keys.activeSigner()
        let payload = SealPayload(
            resultCode: "000.12.34.H56-241105-0007-KQ1", procedureCode: "1.001193", ownerId: "038324000123", documentName: name,
            issuingSystem: signer.issuer, issuedAt: Date(timeIntervalSince1970: 1_730_796_300), validity: validity, scope: scope,
            resultType: "KQ.G15.000031", number: "45", documentDigest: Array(SHA256.hash(data: Data("giấy".utf8))),
            keyId: signer.keyId)
        return payload.sealed(signature: try signer.sign(Array(payload.signedText.utf8)))
    }

    @Test("a seal round-trips: valid, with the fields as issued, in a QR of version 15 or lower at level M")
    func roundTrip() throws {
        let text = try seal()
        let check = verifier.check(text)
        #expect(check.verdict == .valid)
        #expect(check.fields["resultCode"] == "000.12.34.H56-241105-0007-KQ1")
        #expect(check.fields["dossierCode"] == "000.12.34.H56-241105-0007")
        #expect(check.fields["ownerId"] == "038324000123")
        #expect(check.fields["documentName"] == "Giấy khai sinh (bản điện tử)")
        #expect(check.fields["issuingSystem"] == "HTTT giải quyết TTHC tỉnh Thanh Hóa")
        #expect(check.fields["issuedAt"] == "2024-11-05T15:45+07:00")
        #expect(check.fields["validity"] == "permanent")
        #expect(check.fields["scope"] == "Toàn quốc")
        // 412 bytes is what a version-15 symbol holds at level M in 8-bit mode.
        #expect(text.utf8.count <= 412)
        print("seal payload: \(text.utf8.count) bytes")
    }

    @Test("changing any one character of the seal never leaves it valid")
    func everyCharacterTampered() throws {
        let text = Array(try seal())
        var verdicts: [SealVerdict: Int] = [:]
        for i in text.indices {
            var altered = text
            // Swap within the same kind of character, so that the change is as quiet as possible.
            altered[i] = text[i] == "A" ? "B" : (text[i].isNumber ? (text[i] == "1" ? "2" : "1") : (text[i] == "a" ? "b" : "a"))
            let verdict = verifier.check(String(altered)).verdict
            #expect(verdict != .valid, "changing character \(i) ('\(text[i])') left the seal valid")
            verdicts[verdict, default: 0] += 1
        }
        #expect(verdicts[.invalidSignature, default: 0] > text.count / 2)
    }

    @Test("a signature taken from another seal is refused")
    func swappedSignature() throws {
        let a = try seal(validity: .permanent)
        let b = try seal(validity: .until("2030-01-01"))
        let swapped = String(a[..<a.lastIndex(of: "|")!]) + String(b[b.lastIndex(of: "|")!...])
        #expect(verifier.check(swapped).verdict == .invalidSignature)
    }

    @Test("a forged seal says only \"invalid signature\": neither what it claims nor whether the result exists or was revoked")
    func forgedSealTellsNothing() throws {
        let a = try seal(validity: .permanent)
        let b = try seal(validity: .until("2030-01-01"))
        let swapped = String(a[..<a.lastIndex(of: "|")!]) + String(b[b.lastIndex(of: "|")!...])
        var check = verifier.check(swapped)
        #expect(check.verdict == .invalidSignature && check.reason == "invalid signature" && check.fields.isEmpty)
        // The warehouse knows a revoked result of that code: a forged seal learns nothing of it.
        let revoked = ResultRecord(
            resultCode: "KQ-1", dossierCode: "000.12.34.H56-241105-0007", n: 1, resultType: "KQ.G15.000031", documentId: "d", originalBlobId: "o",
            sealedBlobId: "s", payload: a, keyId: "k", documentName: "Giấy khai sinh", number: nil, issuedAt: Date(), issuedBy: "clerk",
            validUntil: nil, permanent: true, scope: nil, sealFrame: PixelRect(x: 0, y: 0, width: 1, height: 1), revokedAt: Date(),
            revokedBy: "clerk", revokedReason: "cấp nhầm người")
        check.apply(warehouse: revoked, fileMatches: nil)
        #expect(check.verdict == .invalidSignature && check.online == nil)
        // A genuine one is looked up.
        var genuine = verifier.check(a)
        genuine.apply(warehouse: revoked, fileMatches: nil)
        #expect(genuine.verdict == .revoked && genuine.online?.known == true)
    }

    @Test("a seal signed by a key that was never published is unknown-key; a rotated-out key still verifies")
    func keys_() throws {
        let old = try seal()
        _ = try keys.rotate()
        let rotated = SealVerifier(keys: try #require(try keys.publicKeys()))
        #expect(rotated.check(old).verdict == .valid)
        #expect(rotated.check(try seal()).verdict == .valid)
        // A stranger's key, same format.
        let stranger = SealKeyStore(directory: FileManager.default.temporaryDirectory.appendingPathComponent("keys-\(UUID().uuidString)"))
        _ = try stranger.initialise(issuer: "Giả mạo")
        let forged = try SealTests(keysAt: stranger).seal()
        #expect(rotated.check(forged).verdict == .unknownKey)
    }

    init(keysAt store: SealKeyStore) throws {
        keys = store
        verifier = SealVerifier(keys: try #require(try store.publicKeys()))
    }

    @Test("expiry is reported once the last day of validity has passed, in Vietnam time")
    func expiry() throws {
        let text = try seal(validity: .until("2025-05-05"))
        let formatter = ISO8601DateFormatter()
        #expect(verifier.check(text, today: formatter.date(from: "2025-05-05T16:00:00Z")!).verdict == .valid)  // 23:00 in Hà Nội
        #expect(verifier.check(text, today: formatter.date(from: "2025-05-05T17:30:00Z")!).verdict == .expired)  // 00:30 next day
    }

    @Test("malformed seals: wrong marker, missing fields, bad signature encoding")
    func malformed() throws {
        let text = try seal()
        #expect(verifier.check("hello").verdict == .malformed)
        #expect(verifier.check(String(text.dropLast(5))).verdict == .malformed)
        #expect(verifier.check(text.replacingOccurrences(of: "VNQR1", with: "VNQR9")).verdict == .malformed)
        #expect(verifier.check(text + "|extra").verdict == .malformed)
    }

    @Test("the seal inside a verify-page URL reads back the same")
    func url() throws {
        let text = try seal()
        let url = SealPayload.url(base: "https://dvc.thanhhoa.gov.vn/verify", seal: text)
        #expect(url.hasPrefix("https://dvc.thanhhoa.gov.vn/verify#VNQR1|"))
        #expect(!url.contains(" "))
        #expect(url.contains("Giấy%20khai%20sinh"))
        #expect(verifier.check(url).verdict == .valid)
        #expect(url.utf8.count <= 412, "URL form \(url.utf8.count) bytes")
    }

    @Test("private keys are mode 0600 in a 0700 directory")
    func permissions() throws {
        let id = try keys.activeSigner().keyId
        let file = keys.directory.appendingPathComponent("\(id).ed25519").path
        #expect(try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int == 0o600)
        #expect(try FileManager.default.attributesOfItem(atPath: keys.directory.path)[.posixPermissions] as? Int == 0o700)
    }
}
