import ArgumentParser
import Foundation
import WarehouseCore

/// `warehouse unassigned`: the papers in agency archives that wait for a clerk to give them their owner.
struct Unassigned: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the papers filed in an agency's own archive because they name no citizen or organisation.",
        discussion: """
            A paper whose owner is read from the paper (a backfill without a manifest, `ingest` without --owner) \
            and that names none (a directive, a letter, a decision of the agency itself) is filed, read and \
            searchable, in the archive of the agency that digitised it, for review. Give each its owner with \
            `warehouse assign`, or run the backfill again with a manifest row that names it; its OCR is kept.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "Only this agency's archive (its e-identifier, e.g. 000.12.34.H56).")
    var agency: String?

    @Option(help: "Most documents to list.")
    var limit = 1_000

    func validate() throws {
        if let agency { _ = try parseCode(agency, as: AgencyCode.self, option: "--agency") }
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let code = try agency.map { try parseCode($0, as: AgencyCode.self, option: "--agency").rawValue }
        let env = try Environment.open(global.layout)
        let documents = try env.store.unassignedDocuments(agency: code, limit: limit)
        if global.json {
            try printJSON(documents)
            return
        }
        let place = code.map { "the archive of agency \($0)" } ?? "agency archives"
        guard !documents.isEmpty else {
            print("no paper in \(place) waits for an owner")
            return
        }
        print("\(documents.count) paper\(documents.count == 1 ? "" : "s") in \(place) wait\(documents.count == 1 ? "s" : "") for an owner")
        for d in documents {
            let facts = [d.kind, d.number, d.issuedOn].compactMap { $0 }.joined(separator: "  ")
            print("  \(d.code)  [\(d.docType)]  \(d.pages) page\(d.pages == 1 ? "" : "s")\(facts.isEmpty ? "" : "  " + facts)")
            if let subject = d.subject { print("      \(subject)") }
            print("      id \(d.id); \(d.files.joined(separator: ", ")), filed \(ISO8601DateFormatter().string(from: d.createdAt)) by \(d.createdBy)")
        }
        print("Give each its owner: warehouse assign CODE --owner CCCD-OR-MST")
    }
}
