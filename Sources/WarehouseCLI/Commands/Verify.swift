import ArgumentParser
import Foundation
import WarehouseCore
import WarehouseImaging

/// `warehouse verify`: check a seal from a file or its text, offline, and optionally against the warehouse.
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a result's seal: decode the QR, verify the signature with the published keys.",
        discussion: "Exit codes: 0 valid, 10 invalid-signature, 11 unknown-key, 12 malformed, 13 expired, 14 revoked.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A photo, scan or PDF of a sealed result.")
    var file: String?

    @Option(help: "The seal text (or the URL from the QR) instead of a file.")
    var payload: String?

    @Option(help: "A published key set (keys export-public); default: the warehouse's own keys.")
    var keys: String?

    @Flag(help: "Also ask the warehouse: revoked? does it hold the document the seal names?")
    var online = false

    func validate() throws {
        guard (file == nil) != (payload == nil) else { throw ValidationError("give a FILE or --payload, one of the two") }
    }

    func run() throws {
        let layout = global.layout
        let keySet: PublicKeySet
        if let keys {
            keySet = try PublicKeySet.load(URL(fileURLWithPath: keys))
        } else if let set = try SealKeyStore(directory: layout.keys).publicKeys() {
            keySet = set
        } else {
            printError("warehouse verify: no keys to verify with: give --keys FILE (a published key set) or run `warehouse keys init`")
            throw Exit.noKey
        }
        var text = payload
        var fileURL: URL? = nil
        if let file {
            let url = URL(fileURLWithPath: file)
            fileURL = url
            do {
                text = try SealReader(decoder: ScanDecoder(), barcodes: ZBarReader(persistent: true)).seals(in: url).first
            } catch {
                if global.json {
                    // Scripts get JSON whatever happened: the file is no readable image or PDF.
                    try printJSON(
                        SealCheck(verdict: .malformed, reason: "no seal could be read from \(url.lastPathComponent): \(error)", fields: [:], payload: nil, online: nil))
                } else {
                    printError("warehouse verify: \(url.lastPathComponent): \(error)")
                }
                throw ExitCode(SealVerdict.malformed.exitCode)
            }
        }
        var check: SealCheck
        if let text {
            check = SealVerifier(keys: keySet).check(text)
        } else {
            check = SealCheck(verdict: .malformed, reason: "no seal QR code was found on the first pages", fields: [:], payload: nil, online: nil)
        }
        if online, check.verdict != .malformed, let code = check.fields["resultCode"] {
            let env = try Environment.open(layout)
            let record = try env.store.result(code)
            var fileMatches: Bool? = nil
            // A PDF is a digital copy: the issued file or not. A photo or a scan never has the same bytes.
            if let fileURL, InputFormat.of(file: fileURL) == .pdf, let digest = try? BlobID.ofFile(fileURL) {
                fileMatches = digest.hex == record?.originalBlobId || digest.hex == record?.sealedBlobId
            }
            check.apply(warehouse: record, fileMatches: fileMatches)
        }
        if global.json {
            try printJSON(check)
        } else {
            print("\(check.verdict.rawValue.uppercased()): \(check.reason)")
            for (key, value) in check.fields.sorted(by: { $0.key < $1.key }) {
                print("  \(key.padding(toLength: 15, withPad: " ", startingAt: 0)) \(value)")
            }
            if let o = check.online {
                print("  online: \(o.known ? "known to the warehouse" : "NOT known to the warehouse")"
                    + (o.revoked ? ", revoked (\(o.revokedReason ?? ""))" : "")
                    + (o.warehouseDocumentMatches ? ", the filed original matches the digest" : ", the filed original does NOT match")
                    + (o.fileMatches.map { $0 ? ", this file is the filed original or sealed copy" : ", this file is not the filed copy" } ?? ""))
            }
        }
        if check.verdict != .valid { throw ExitCode(check.verdict.exitCode) }
    }
}

/// `warehouse revoke`: withdraw an issued result; its seal then verifies as `revoked` online.
struct Revoke: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Revoke an issued result (it stays filed, marked revoked).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Result code, {dossier}-KQ{n}.")
    var resultCode: String

    @Option(help: "Why it is revoked.")
    var reason: String

    @Option(help: "Who revokes (recorded).")
    var actor: String = ProcessInfo.processInfo.environment["USER"] ?? "cli"

    func run() throws {
        let env = try Environment.open(global.layout)
        guard try env.store.revoke(resultCode, reason: reason, by: actor, at: Date()) else {
            printError("warehouse revoke: no result \(resultCode)")
            throw Exit.notFound
        }
        if global.json {
            try printJSON(["resultCode": resultCode, "revoked": "true", "reason": reason])
        } else {
            print("revoked \(resultCode): \(reason)")
        }
    }
}
