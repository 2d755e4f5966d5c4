import ArgumentParser
import Foundation
import WarehouseCore

/// `warehouse issue`: seal a result and file it for its owner.
struct Issue: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Issue a result: sign a QR seal, stamp it top-left on page 1, file the sealed PDF for the owner.",
        discussion: "The result is filed as {dossier}-KQ{n}. Old paper results still valid can be sealed from a scan.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The result (PDF, PNG, JPEG, TIFF) or a scan of it.")
    var file: String

    @Option(help: "Dossier code.")
    var dossier: String

    @Option(help: "Result type code, e.g. KQ.G15.000031 (Giấy khai sinh).")
    var resultType: String

    @Option(help: "Owner's identifier (CCCD, CMND, MST or passport).")
    var owner: String

    @Option(help: "Name of the document issued, e.g. \"Giấy khai sinh\".")
    var name: String

    @Option(help: "Số ký hiệu of the document, e.g. 45 or 45/QĐ-UBND.")
    var number: String?

    @Option(help: "Last day of validity, yyyy-MM-dd.")
    var validUntil: String?

    @Flag(help: "The result is valid permanently (vĩnh viễn).")
    var permanent = false

    @Option(help: "Scope of validity, e.g. \"Toàn quốc\".")
    var scope = ""

    @Option(help: "Procedure code, when the dossier is not in the warehouse yet.")
    var procedure: String?

    @Option(help: "Receiving agency, when the dossier is not in the warehouse yet.")
    var agency: String?

    @Option(help: "Also write the sealed PDF here.")
    var out: String?

    @Option(help: "Put the seal inside a URL of this verify page (BASE#seal), for phone cameras.")
    var verifyURL: String?

    @Option(help: "Who issues (recorded).")
    var actor: String = ProcessInfo.processInfo.environment["USER"] ?? "cli"

    @Option(help: "OCR language(s).")
    var lang: String = ProcessInfo.processInfo.environment["WAREHOUSE_OCR_LANG"] ?? "vie"

    func validate() throws {
        _ = try request()
    }

    func request() throws -> IssueRequest {
        guard !(permanent && validUntil != nil) else { throw ValidationError("give --valid-until or --permanent, not both") }
        var validity = SealPayload.Validity.unstated
        if permanent { validity = .permanent }
        if let day = validUntil {
            guard let date = CalendarDate(iso: day) else { throw ValidationError("--valid-until: \"\(day)\" is not a date yyyy-MM-dd") }
            validity = .until(date.iso)
        }
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--name must not be empty") }
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        let dossierCode = try parseCode(dossier, as: DossierCode.self, option: "--dossier")
        return IssueRequest(
            file: URL(fileURLWithPath: file, relativeTo: cwd).standardizedFileURL,
            dossier: dossierCode,
            resultType: try parseCode(resultType, as: ResultTypeCode.self, option: "--result-type"),
            owner: try parseDossierOwner(owner, dossier: dossierCode.rawValue), name: name, number: number,
            validity: validity, scope: scope, procedure: try procedure.map { try parseCode($0, as: ProcedureCode.self, option: "--procedure") },
            agency: try agency.map { try parseCode($0, as: AgencyCode.self, option: "--agency") }, actor: actor,
            verifyURLBase: verifyURL)
    }

    func run() throws {
        let env = try Environment.openForWriting(global.layout)
        let (result, sealed): (IssuedResult, Data)
        do {
            (result, sealed) = try env.issuer(settings: PipelineSettings(language: lang)).issue(try request())
        } catch let error as IssueError {
            if case .storage(let failure) = error {
                throw storageExit("issue", failure, inputs: "no result was issued; \(file) is untouched")
            }
            printError("warehouse issue: \(error)")
            switch error {
            case .seal(.noKey): throw Exit.noKey
            case .input: throw Exit.quarantined
            case .ocr: throw Exit.missingDependency
            default: throw Exit.internalError
            }
        }
        if let out {
            do { try sealed.write(to: URL(fileURLWithPath: out)) } catch {
                printError("warehouse issue: cannot write \(out): \(error.localizedDescription)")
                throw Exit.internalError
            }
        }
        if global.json {
            try printJSON(result)
            return
        }
        print("✓ issued \(result.resultCode)  \(name)  (document \(result.sealedDocument))")
        print("  seal: \(result.payloadBytes) bytes, QR version \(result.qrVersion), key \(result.keyId)"
            + (result.addedStrip ? ", strip added above the page (no clear area top-left)" : ", top-left at \(result.sealFrame.x),\(result.sealFrame.y)"))
        print("  original sha256 \(result.sha256.original)")
        print("  sealed   sha256 \(result.sha256.sealed)\(out.map { " → \($0)" } ?? "")")
    }
}
