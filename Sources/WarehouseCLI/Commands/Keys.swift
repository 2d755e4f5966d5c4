import ArgumentParser
import Foundation
import WarehouseCore

/// `warehouse keys`: the province's seal-signing keys.
struct Keys: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create, rotate, list and publish the keys that sign result seals.",
        subcommands: [Init.self, Rotate.self, List.self, ExportPublic.self])

    /// Prints keys as a table or JSON.
    static func printKeys(_ set: PublicKeySet, json: Bool) throws {
        if json { return try printJSON(set) }
        print("issuer: \(set.issuer)")
        for key in set.keys {
            let state = key.retiredAt.map { "retired \($0)" } ?? "active"
            print("  \(key.id)  \(state.padding(toLength: 30, withPad: " ", startingAt: 0))  created \(key.createdAt)  ed25519 \(key.publicKey)")
        }
    }

    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create the first signing key (does nothing when keys exist).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Name of the issuing system, printed in every seal (Circular 01/2023 Art. 26).")
        var issuer = ProcessInfo.processInfo.environment["WAREHOUSE_ISSUER"] ?? "HTTT giải quyết TTHC tỉnh Thanh Hóa"

        func run() throws {
            let env = try Environment.open(global.layout)
            let created = try env.keyStore.initialise(issuer: issuer)
            if created == nil && !global.json { print("keys already exist in \(env.layout.keys.path); use `keys rotate` for a new one") }
            if let set = try env.keyStore.publicKeys() { try Keys.printKeys(set, json: global.json) }
        }
    }

    struct Rotate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make a new signing key; the old one is retired but still verifies what it signed.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let env = try Environment.open(global.layout)
            do {
                _ = try env.keyStore.rotate()
            } catch {
                printError("warehouse keys rotate: \(error)")
                throw Exit.noKey
            }
            if let set = try env.keyStore.publicKeys() { try Keys.printKeys(set, json: global.json) }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the signing keys.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let env = try Environment.open(global.layout)
            guard let set = try env.keyStore.publicKeys() else {
                printError("warehouse keys list: no keys yet; run `warehouse keys init`")
                throw Exit.noKey
            }
            try Keys.printKeys(set, json: global.json)
        }
    }

    struct ExportPublic: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export-public",
            abstract: "Print the public key set (JSON) to publish, so that anyone can verify seals offline.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let env = try Environment.open(global.layout)
            guard let set = try env.keyStore.publicKeys() else {
                printError("warehouse keys export-public: no keys yet; run `warehouse keys init`")
                throw Exit.noKey
            }
            try printJSON(set)
        }
    }
}
