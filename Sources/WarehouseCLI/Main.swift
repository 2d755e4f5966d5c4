import ArgumentParser
import Foundation

/// Entry point: makes sure OpenMP runs single-threaded, then hands over to the command parser.
@main
struct Main {
    static func main() async {
        OpenMPGuard.ensureSingleThreaded()
        await Warehouse.main()
    }
}

/// The `warehouse` command and its subcommands.
struct Warehouse: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "warehouse",
        abstract: "Digitise dossier components and file them in the provincial dossier warehouse.",
        discussion: """
            Exit codes: 0 ok; 2 some input was quarantined; 3 a dependency is missing (OCR language data); \
            4 integrity problems found; 5 not found; 6 no seal key; 7 portal sync messages left failing or dead; 64 bad usage or an invalid code; \
            65 a change refused (an illegal dossier status transition, an event out of order); 70 internal error; \
            74 the storage cannot be written (full, read-only). \
            verify: 0 valid, 10 invalid-signature, 11 unknown-key, 12 malformed, 13 expired, 14 revoked.
            """,
        subcommands: [Ingest.self, BackfillCommand.self, Unassigned.self, Assign.self, Show.self, Search.self, Report.self, Check.self, Backup.self, Restore.self, Keys.self, Issue.self, Verify.self, Revoke.self, DossierCommand.self, CatalogCommand.self, Sync.self, Serve.self]
    )
}
