import ArgumentParser
import Foundation
import WarehouseCore

/// `warehouse check`: integrity of blobs and rows.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Re-hash blobs (least recently verified first) and check every row points to good bytes.",
        discussion: "Exit code 0 when clean, 4 when any problem is found; all problems are listed, not just the first.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Stop re-hashing after this many seconds (the rest is verified next time).")
    var maxDuration: Double?

    func run() throws {
        let env = try Environment.open(global.layout)
        let report = try IntegrityCheck(store: env.store, blobs: env.blobs, layout: env.layout).run(maxDuration: maxDuration)
        if global.json {
            try printJSON(report)
        } else {
            print(
                "\(report.blobsVerified) of \(report.blobsInDatabase) blob(s) verified in \(String(format: "%.2f", report.seconds)) s"
                    + (report.blobsNotReached > 0 ? ", \(report.blobsNotReached) left for the next run" : ""))
            for issue in report.issues {
                print("✗ \(issue.kind): \(issue.subject.count == 64 ? String(issue.subject.prefix(12)) : issue.subject) — \(issue.detail)")
            }
            print(report.isClean ? "ok: no problem found" : "\(report.issues.count) problem(s) found")
        }
        if !report.isClean { throw Exit.integrity }
    }
}
