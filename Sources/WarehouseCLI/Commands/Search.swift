import ArgumentParser
import Foundation
import WarehouseCore

/// `warehouse search`: full-text search over OCR text, with or without diacritics.
struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Search the text of filed documents (\"Nguyễn Văn An\" and \"nguyen van an\" both work).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Words to find (all must appear).")
    var query: String

    @Option(help: "Only this owner's documents (CCCD, CMND, MST or passport; an agency code: its own archive).")
    var owner: String?

    @Option(help: "Most results to show.")
    var limit = 20

    /// A hit as `--json` prints it.
    struct Hit: Encodable {
        var document: String
        var code: String
        var docType: String
        var title: String
        var owner: [String]
        var exact: Bool
        var snippet: String
    }

    func run() throws {
        let ownerID = try owner.map { try parseCode($0, as: OwnerIdentifier.self, option: "--owner") }
        let env = try Environment.open(global.layout)
        let hits = try env.store.search(query, owner: ownerID, limit: max(1, limit)).map {
            Hit(
                document: $0.document.id, code: $0.document.code, docType: $0.document.docType, title: $0.document.title,
                owner: $0.ownerIdentifiers.map(\.value), exact: $0.exact, snippet: $0.snippet)
        }
        if global.json {
            try printJSON(hits)
            return
        }
        if hits.isEmpty { print("no document matches \"\(query)\"") }
        for hit in hits {
            print("\(hit.exact ? "=" : "~") \(hit.document)  \(hit.code)  \(hit.title) [\(hit.docType)]")
            print("    \(hit.snippet)")
        }
    }
}
