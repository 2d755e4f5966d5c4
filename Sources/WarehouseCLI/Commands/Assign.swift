import ArgumentParser
import Foundation
import WarehouseCore

/// `warehouse assign`: give a paper of an agency's archive its owner, keeping what was read from it.
struct Assign: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Move a paper out of an agency's archive to its owner (recorded: who, when, from what); no OCR again.",
        discussion: """
            The document keeps its pages, text and fields; it gets the owner and a code under the owner's \
            identifier ({owner}.{document type}.{NN}); its earlier code still finds it. The move is recorded \
            (warehouse show lists it). --owner may also be the agency's own code: the paper is the agency's, \
            and leaves the unassigned list. Only papers of an agency archive move: a citizen's or an \
            organisation's document keeps its owner (exit 65).
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Document id or code, as `warehouse unassigned` lists them.")
    var document: String

    @Option(help: "The owner: CCCD (12 digits), CMND (9), MST (10 or NNNNNNNNNN-NNN), passport, or an agency code.")
    var owner: String

    @Option(help: "Who assigns (recorded).")
    var actor: String = ProcessInfo.processInfo.environment["USER"] ?? "cli"

    /// The move as `--json` prints it.
    struct Moved: Encodable {
        var document: String
        var fromCode: String
        var code: String
        var owner: String
        var ownerKind: String
        var wasUnassigned: Bool
        var actor: String
        var at: Date
        var via: String
    }

    func validate() throws {
        _ = try parseCode(owner, as: OwnerIdentifier.self, option: "--owner")
        guard !actor.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--actor must not be empty") }
    }

    func run() throws {
        let ownerID = try parseCode(owner, as: OwnerIdentifier.self, option: "--owner")
        let env = try Environment.open(global.layout)
        let move: OwnerAssignmentRecord
        do {
            move = try env.store.assignOwner(document, to: ownerID, by: actor)
        } catch {
            printError("warehouse assign: \(error)")
            switch error {
            case .notFound: throw Exit.notFound
            case .notInArchive, .inDossier: throw Exit.refused
            case .store(.storage(let failure)): throw storageExit("assign", failure, inputs: "the document keeps its owner")
            case .store: throw Exit.internalError
            }
        }
        if global.json {
            try printJSON(
                Moved(
                    document: move.documentId, fromCode: move.fromCode, code: move.toCode, owner: ownerID.value, ownerKind: ownerID.kind,
                    wasUnassigned: move.wasUnassigned, actor: move.actor, at: move.at, via: move.via))
            return
        }
        let to = ownerID.isAgencyArchive ? "the archive of agency \(ownerID.value) (the agency's own paper)" : "\(ownerID.kind.uppercased()) \(ownerID.value)"
        print("✓ assigned \(move.fromCode) → \(move.toCode): owner \(to)")
        print("    recorded: \(move.actor), \(ISO8601DateFormatter().string(from: move.at)); pages and fields kept, nothing read again")
    }
}
