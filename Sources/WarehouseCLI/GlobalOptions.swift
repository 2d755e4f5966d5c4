import ArgumentParser
import Foundation
import WarehouseCore

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Warehouse directory (default: $WAREHOUSE_STORAGE, else ./Storage).", valueName: "DIR"))
    var storage: String?

    @Flag(name: .long, help: "Print the result as JSON with stable keys.")
    var json = false

    var layout: StorageLayout { StorageLayout.resolve(option: storage) }
}

/// Exit codes, documented in `warehouse --help` and README.md.
enum Exit {
    static let quarantined = ExitCode(2)
    static let missingDependency = ExitCode(3)
    static let integrity = ExitCode(4)
    static let notFound = ExitCode(5)
    static let noKey = ExitCode(6)
    /// `sync run` / `sync status`: messages for the national portal are left failing or dead.
    static let syncIncomplete = ExitCode(7)
    static let usage = ExitCode(64)
    /// The warehouse refused a change that contradicts what it holds: an illegal status transition,
    /// a dossier that already exists, an event out of order (EX_DATAERR).
    static let refused = ExitCode(65)
    static let internalError = ExitCode(70)
    /// The warehouse's storage refused a write (full, read-only, failing): nothing was filed (EX_IOERR).
    static let storage = ExitCode(74)
}

/// Writes a line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Prints a value as pretty, key-sorted JSON.
func printJSON(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    let data = try encoder.encode(value)
    print(String(decoding: data, as: UTF8.self))
}
