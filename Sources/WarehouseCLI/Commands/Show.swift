import ArgumentParser
import Foundation
import WarehouseCore

/// `warehouse show`: one document with its fields, pages, provenance and where it is filed.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show a document: metadata, fields, pages, provenance and the dossiers it is filed in.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Document id, document code, or a file's SHA-256 (at least 8 hex digits).")
    var document: String

    @Flag(help: "Also print each page's full text.")
    var text = false

    func run() throws {
        let env = try Environment.open(global.layout)
        guard let detail = try env.store.documentDetail(document) else {
            printError("warehouse show: no document \(document) in \(env.layout.root.path)")
            throw Exit.notFound
        }
        let view = DocumentView(detail) { env.blobs.locator(for: BlobID(hex: $0)!) }
        if global.json {
            try printJSON(view)
            return
        }
        print("\(view.title)  [\(view.docType), \(String(format: "%.0f", view.typeConfidence * 100))%]")
        print("  id          \(view.id)")
        print("  code        \(view.code)")
        let archive = view.owner.contains { $0.kind == "agency" }
        print(
            "  owner       \(view.owner.map { $0.kind == "agency" ? "archive of agency \($0.value)" : "\($0.kind.uppercased()) \($0.value)" }.joined(separator: ", "))"
                + (view.ownerUnassigned ? "  (unassigned: the paper names no owner; warehouse assign)" : archive ? "  (the agency's own paper)" : ""))
        print("  pages       \(view.pages), mean OCR confidence \(String(format: "%.1f", view.meanConfidence))")
        print("  review      \(view.reviewStatus)\(view.sensitivity == "sensitive" ? "  (sensitive personal data)" : "")")
        if !view.fields.isEmpty {
            print("Fields")
            for (name, field) in view.fields.sorted(by: { $0.key < $1.key }) {
                let flags = field.flags.isEmpty ? "" : "  ⚠ " + field.flags.joined(separator: ", ")
                print("  \(name.padding(toLength: 18, withPad: " ", startingAt: 0)) \(field.value)  (\(Int(field.confidence * 100))%, \(field.source.rawValue))\(flags)")
            }
        }
        print("Files")
        for f in view.files {
            print("  \(f.seq). \(f.name)  \(f.mime ?? "?"), \(f.size ?? 0) bytes, sha256 \(f.sha256)")
            print("     \(f.storedAt)")
        }
        print("Pages")
        for p in view.pageDetails {
            let turned = p.rotation != 0 ? ", turned \(p.rotation * 90)°" : ""
            print(
                "  file \(p.file) page \(p.number): \(p.width)×\(p.height) @ \(p.dpi) dpi, \(p.textSource) confidence \(String(format: "%.1f", p.confidence)), "
                    + "skew \(String(format: "%.2f", p.skewAngle))°\(turned), OCR \(String(format: "%.2f", p.ocrSeconds)) s"
                    + (p.barcodes.isEmpty ? "" : ", \(p.barcodes.count) barcode(s)"))
            if text { print(p.text.split(separator: "\n", omittingEmptySubsequences: false).map { "      " + $0 }.joined(separator: "\n")) }
        }
        print("Filed in")
        for f in view.filedIn {
            print("  dossier \(f.dossier) (procedure \(f.procedure ?? "?"), agency \(f.agency ?? "?")) as \"\(f.component)\"\(f.reused ? ", reused" : "") — \(f.by), \(f.at)")
        }
        if !view.results.isEmpty {
            print("Issued results")
            for r in view.results {
                let validity = r.permanent ? "permanent" : (r.validUntil.map { "valid until \($0)" } ?? "validity not stated")
                let state = r.revokedAt.map { "REVOKED \($0): \(r.revokedReason ?? "")" } ?? "in force"
                print("  \(r.resultCode)  \(r.name)\(r.number.map { " số \($0)" } ?? "")  [\(r.resultType)]  \(validity)  \(state)")
                print("     sealed PDF sha256 \(r.sealedSHA256), key \(r.keyId), issued \(r.issuedAt)")
            }
        }
        if !view.ownerHistory.isEmpty {
            print("Owner history")
            for move in view.ownerHistory {
                print("  \(move.at)  \(move.from) → \(move.to)  (\(move.fromCode) → \(move.toCode); \(move.via), \(move.actor))")
            }
        }
        print("Provenance")
        print("  digitised \(view.provenance.createdAt) by \(view.provenance.createdBy) at \(view.provenance.agency); \(view.provenance.engine); pipeline \(view.provenance.pipelineVersion)")
        for e in view.provenance.history {
            print("  \(e.at)  \(e.status.padding(toLength: 11, withPad: " ", startingAt: 0)) \(e.file)  (\(e.actor), \(e.agency))")
        }
    }
}
