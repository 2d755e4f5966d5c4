import Crypto
import Foundation
import FuzzSupport
import Testing

@testable import WarehouseCore

/// Seeded fuzzing of the parsers of untrusted input in the core: the seal a phone or a scanner reads off
/// paper, and the manifest CSV a commune team writes by hand. Never a crash; a value or the typed error
/// with a message; valid inputs still round-trip.
@Suite("Fuzzing: seal payloads and backfill manifests")
struct FuzzTests {
    // MARK: - Seal payloads

    static let keys: SealKeyStore = {
        let store = SealKeyStore(directory: FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-keys-\(UUID().uuidString)"))
        _ = try! store.initialise(issuer: "HTTT giải quyết TTHC tỉnh Thanh Hóa")
        return store
    }()

    static func seal(_ validity: SealPayload.Validity, name: String, scope: String, number: String) throws -> (SealPayload, String) {
        let signer = try keys.activeSigner()
        let payload = SealPayload(
            resultCode: "000.12.34.H56-241105-0007-KQ1", procedureCode: "1.001193", ownerId: "038324000123", documentName: name,
            issuingSystem: signer.issuer, issuedAt: Date(timeIntervalSince1970: 1_730_796_300), validity: validity, scope: scope,
            resultType: "KQ.G15.000031", number: number, documentDigest: Array(SHA256.hash(data: Data(name.utf8))), keyId: signer.keyId)
        return (payload, payload.sealed(signature: try signer.sign(Array(payload.signedText.utf8))))
    }

    /// Inputs that crashed or misled the seal parser once, kept as regression cases.
    static let sealRegressions: [String: String] = [
        "empty": "",
        "marker only": "VNQR1",
        "separators only": "VNQR1|||||||||||||",
        "URL with a bad percent escape": "https://verify.example/verify#VNQR1%7|%ZZ",
        "fragment with no seal": "https://verify.example/verify#",
        "date with 13 months": "VNQR1|a|b|c|d|e|202413051545|VV|s|t|n|\(String(repeating: "A", count: 43))|0123abcd|\(String(repeating: "A", count: 86))",
        "validity of letters": "VNQR1|a|b|c|d|e|202411051545|2024ab01|s|t|n|\(String(repeating: "A", count: 43))|0123abcd|\(String(repeating: "A", count: 86))",
        // Found by this fuzzer: a combining accent among the digits of a date made DateFormatter trap
        // (one Character, two UTF-16 units: "Incorrect range"), crashing the server from /api/verify.
        "combining mark in the validity date": "VNQR1|a|b|c|d|e|202411051545|20311\u{0301}231|s|t|n|\(String(repeating: "A", count: 43))|0123abcd|\(String(repeating: "A", count: 86))",
        "combining mark in the time of issue": "VNQR1|a|b|c|d|e|2024110\u{0301}51545|VV|s|t|n|\(String(repeating: "A", count: 43))|0123abcd|\(String(repeating: "A", count: 86))",
        "non-canonical base64url": "VNQR1|a|b|c|d|e|202411051545|VV|s|t|n|\(String(repeating: "A", count: 42))B|0123abcd|\(String(repeating: "A", count: 86))",
    ]

    @Test("seal text: mutated seals parse or are malformed with a reason; a valid verdict only for the seal as signed")
    func sealPayloads() throws {
        let verifier = SealVerifier(keys: try #require(try Self.keys.publicKeys()))
        let issued = [
            try Self.seal(.permanent, name: "Giấy khai sinh (bản điện tử)", scope: "Toàn quốc", number: "45"),
            try Self.seal(.until("2031-12-31"), name: "Giấy xác nhận tình trạng hôn nhân", scope: "", number: ""),
            try Self.seal(.unstated, name: "Quyết định", scope: "Tỉnh Thanh Hóa", number: "12/2024/QĐ-UBND"),
        ]
        let valid = Dictionary(issued.map { ($0.1, $0.0) }, uniquingKeysWith: { a, _ in a })
        var seeds = issued.map { Array($0.1.utf8) }
        seeds += issued.map { Array(SealPayload.url(base: "https://dichvucong.thanhhoa.gov.vn/verify", seal: $0.1).utf8) }
        let tokens = ["|", "VNQR1", "#", "%7C", "%", "VV", "-", "_", "=", "+", "/", "202411051545", "20311231", "\u{0301}", "\u{FEFF}", "\r\n"]
            .map { Array($0.utf8) }
        for (name, text) in Self.sealRegressions {
            #expect(verifier.check(text).verdict == .malformed, "\(name)")
        }

        var verdicts: [SealVerdict: Int] = [:]
        // Each throw costs a backtrace under Swift Testing: a malformed case is parsed once, by the verifier.
        try Fuzz.run("seal", seeds: seeds, tokens: tokens, cases: 1200) { bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            let check = verifier.check(text)
            verdicts[check.verdict, default: 0] += 1
            #expect(!check.reason.isEmpty)
            guard check.verdict != .malformed else {
                #expect(check.reason.hasPrefix("the seal is malformed: "), "\(check.reason)")
                return
            }
            // What parses has the shape the format promises.
            let parsed = try #require(try? ParsedSeal(text), "the verifier parsed it, so must the parser")
            #expect(parsed.signature.count == 64 && parsed.payload.documentDigest.count == 32)
            #expect(parsed.payload.keyId.count == 8)
            #expect(parsed.signedText.hasPrefix(SealPayload.marker + "|"))
            if check.verdict == .valid {
                // Only a seal that says what was signed may be valid: the same fields as one of the seeds.
                #expect(valid.values.contains(parsed.payload), "valid but not as issued: \(text)")
            }
        }
        // The seeds themselves are still valid after all this: round trip of the real thing.
        for (text, payload) in valid {
            let check = verifier.check(text)
            #expect(check.verdict == .valid)
            #expect(try ParsedSeal(text).payload == payload)
            #expect(try ParsedSeal(SealPayload.url(base: "https://x.example/verify", seal: text)).payload == payload)
        }
        print("fuzz seal: \(verdicts.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", "))")
        #expect(verdicts[.malformed, default: 0] > 100 && verdicts[.invalidSignature, default: 0] > 100, "the mutations reach past the parser")
    }

    @Test("base64url: random text decodes to nothing or to bytes that encode back to the same text")
    func base64URL() {
        var generator = SeededGenerator(seed: 64)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/=%. ")
        for _ in 0..<20_000 {
            let text = String((0..<Int.random(in: 0...90, using: &generator)).map { _ in
                Int.random(in: 0..<10, using: &generator) == 0 ? alphabet.randomElement(using: &generator)! : alphabet[Int.random(in: 0..<64, using: &generator)]
            })
            if let bytes = Base64URL.decode(text) {
                #expect(Base64URL.encode(bytes) == text, "\(text)")
            }
        }
    }

    // MARK: - Manifests

    static let manifestSeeds = [
        """
        path,owner,procedure,dossier,agency,component,kind,resultType,name,number,validUntil,scope
        ./,038090012345,1.001193,000.12.34.H56-190315-0007,000.12.34.H56,,,,,,,
        2019/hs-0007/,038090012345,1.001193,000.12.34.H56-190315-0007,000.12.34.H56,,,,,,,
        2019/hs-0007/to-khai.png,038090012345,1.001193,000.12.34.H56-190315-0007,000.12.34.H56,Tờ khai,component,,,,,
        2019/hs-0007/gks.png,038324000123,1.001193,000.12.34.H56-190315-0007,000.12.34.H56,,result,KQ.G15.000031,Giấy khai sinh,45,permanent,Toàn quốc
        "2019/a, ""b"".png",038090012345,1.001193,000.12.34.H56-190315-0007,000.12.34.H56,"Tờ khai, bản chính",,,,,2030-01-31,

        """,
        "\u{FEFF}path,owner,procedure,dossier,agency\r\n2024/,0102030405,2.000806,000.00.12.H56-241105-0001,000.00.12.H56\r\n",
        "path,owner,procedure,dossier,agency,kind\n2024/x.pdf,038090012345,1.001193,000.12.34.H56-241105-0007,,result\n",
    ]

    /// Manifests that broke the parser once, kept as regression cases (name → text → expected error fragment).
    static let manifestRegressions: [(String, String, String?)] = [
        ("only a BOM", "\u{FEFF}", "no \"path\" column"),
        ("an unterminated quote", "path,owner,procedure,dossier,agency\n\"2019/,038090012345", nil),
        ("a NUL in the header", "pa\0th,owner,procedure,dossier,agency\n", "no \"path\" column"),
        ("a lone CR between rows", "path,owner,procedure,dossier,agency\r./,038090012345,1.001193,000.12.34.H56-190315-0007,000.12.34.H56\r", nil),
    ]

    @Test("manifest CSV: mutated manifests are read or refused with the manifest's name; what is read is valid")
    func manifests() throws {
        for (name, text, fragment) in Self.manifestRegressions {
            do {
                let manifest = try BackfillManifest(csv: text, name: "m.csv", defaultAgency: try AgencyCode("000.12.34.H56"))
                #expect(fragment == nil, "\(name): read \(manifest.entries.count) entries")
            } catch {
                #expect("\(error)".hasPrefix("manifest: m.csv"), "\(name): \(error)")
                if let fragment { #expect("\(error)".contains(fragment), "\(name): \(error)") }
            }
        }
        let defaultAgency = try AgencyCode("000.12.34.H56")
        // The seeds round-trip: every row read with its values.
        let first = try BackfillManifest(csv: Self.manifestSeeds[0], name: "m.csv")
        #expect(first.entries.map(\.path) == ["/", "2019/hs-0007/", "2019/hs-0007/to-khai.png", "2019/hs-0007/gks.png", "2019/a, \"b\".png"])
        #expect(first.entry(for: "2019/a, \"b\".png")?.component == "Tờ khai, bản chính")
        #expect(first.entry(for: "2019/hs-0007/gks.png")?.validity == .permanent)

        let tokens = [",", "\"", "\"\"", "\n", "\r\n", "\r", "\u{FEFF}", "\0", "../", "./", "/", "..", "\u{FFFD}", "path", "agency"]
            .map { Array($0.utf8) } + [[0xC3], [0xFF, 0xFE], [0xE1, 0xBB]]
        var read = 0
        var refused = 0
        Fuzz.run("manifest", seeds: Self.manifestSeeds.map { Array($0.utf8) }, tokens: tokens, cases: 2000) { bytes in
            // Bad UTF-8 reaches the parser as the file reader would give it: refused, or repaired by the caller.
            guard let text = String(validating: bytes, as: UTF8.self) else {
                refused += 1
                return
            }
            do {
                let manifest = try BackfillManifest(csv: text, name: "m.csv", defaultAgency: defaultAgency)
                read += 1
                for entry in manifest.entries {
                    #expect(!entry.path.isEmpty && !entry.path.split(separator: "/").contains(".."), "\(entry.path)")
                    #expect(manifest.entry(for: entry.path) == entry)
                }
            } catch {
                refused += 1
                #expect("\(error)".hasPrefix("manifest: m.csv"), "\(error)")
                #expect("\(error)".count > "manifest: m.csv".count + 10, "\(error)")
            }
        }
        print("fuzz manifest: \(read) read, \(refused) refused")
        #expect(read > 50 && refused > 100, "the mutations reach past the header")
    }

    @Test("manifest files that are not UTF-8, or empty, are refused naming the file")
    func manifestFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-manifest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var mutator = Mutator(seed: 7, seeds: Self.manifestSeeds.map { Array($0.utf8) }, tokens: [[0xC3], [0xFF], [0xED, 0xA0, 0x80]])
        for i in 0..<200 {
            var bytes = mutator.next()
            if i % 2 == 0 { bytes.insert(0xFF, at: bytes.count / 2) }
            let url = dir.appendingPathComponent("m\(i).csv")
            try Data(bytes).write(to: url)
            do {
                _ = try BackfillManifest(url: url)
            } catch {
                #expect("\(error)".contains("m\(i).csv"), "\(error)")
            }
        }
    }
}
