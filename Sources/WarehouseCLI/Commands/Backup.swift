import ArgumentParser
import Foundation
import WarehouseCore

/// `warehouse backup DEST`: a consistent copy while the service runs; incremental by hash.
struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy the warehouse to a backup directory while it is in use (incremental: known blobs are skipped).",
        discussion: """
            The databases are copied with SQLite's online backup API, then the blobs they name, each \
            verified against its hash, then the seal keys and the quarantine. Run it again into the same \
            directory to bring the backup up to date. Exit code 4 when a blob at the source is missing \
            or damaged (it is listed; `warehouse check` tells more).
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The backup directory (created if needed).")
    var destination: String

    func run() throws {
        let env = try Environment.open(global.layout)
        let target = StorageLayout.resolve(option: destination)
        guard target.root.standardizedFileURL != global.layout.root.standardizedFileURL else {
            throw ValidationError("the backup directory is the warehouse itself")
        }
        let report = try WarehouseBackup.backup(env.store, from: global.layout, to: target)
        try printBackup(report, json: global.json, verb: "backed up")
        if !report.problems.isEmpty { throw Exit.integrity }
    }
}

/// `warehouse restore SOURCE`: brings a backup back into an empty storage directory.
struct Restore: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Restore a backup into an empty storage directory (--storage), then check it.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The backup directory made by `warehouse backup`.")
    var source: String

    func run() throws {
        let report: WarehouseBackup.Report
        do {
            report = try WarehouseBackup.restore(from: StorageLayout.resolve(option: source), into: global.layout)
        } catch let error as BackupError {
            printError("warehouse restore: \(error)")
            throw Exit.usage
        }
        try printBackup(report, json: global.json, verb: "restored")
        if !report.problems.isEmpty { throw Exit.integrity }
    }
}

private func printBackup(_ report: WarehouseBackup.Report, json: Bool, verb: String) throws {
    if json { return try printJSON(report) }
    print(
        "\(verb) \(report.source) → \(report.destination): \(report.blobs) blob(s), \(report.blobsCopied) copied "
            + "(\(report.bytesCopied) bytes), \(report.otherFilesCopied) key or quarantine file(s), in \(String(format: "%.2f", report.seconds)) s")
    for problem in report.problems { print("✗ \(problem)") }
}
