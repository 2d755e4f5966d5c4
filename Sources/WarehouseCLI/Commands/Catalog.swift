import ArgumentParser
import Foundation
import WarehouseCore

extension CatalogKind: ExpressibleByArgument {}

/// `warehouse catalog`: load and read the national and provincial catalogues (DOMAIN.md §9.1).
struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "Load and list the catalogues: procedures, component specs, result types, agencies, administrative units, code lists.",
        subcommands: [Import.self, List.self])

    /// `warehouse catalog import FILE --kind K`.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a catalogue file (.csv or .json): all of it or, on any problem, nothing.",
            discussion: """
                Every record is checked: code formats (DOMAIN.md §3), real yyyy-MM-dd dates with validFrom ≤ validTo, and \
                links that must name entries of the file or of the catalogue (parents, predecessors of merged units, \
                result types, procedures). Problems are listed with the file, the line (CSV) or record (JSON) and the \
                field; the exit code is then 64 and nothing is imported. Importing the same file again changes nothing. \
                Load order for an empty warehouse: \(CatalogKind.loadOrder.map(\.rawValue).joined(separator: ", ")). \
                `make run` loads catalog/sample/.
                """)

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The catalogue file, .csv (header row) or .json (array of objects).")
        var file: String

        @Option(help: "What the file holds: \(CatalogKind.allCases.map(\.rawValue).joined(separator: ", ")).")
        var kind: CatalogKind

        func run() throws {
            let env = try Environment.open(global.layout)
            let report: CatalogImportReport
            do {
                let catalog = try CatalogFile(url: URL(fileURLWithPath: file))
                report = try env.store.importCatalog(catalog, kind: kind)
            } catch {
                switch error {
                case .invalid(let problems):
                    for problem in problems.prefix(50) { printError("✗ \(problem)") }
                    if problems.count > 50 { printError("… and \(problems.count - 50) more problems") }
                    printError("warehouse catalog import: \(file) was not imported (\(problems.count) problem\(problems.count == 1 ? "" : "s"))")
                    throw Exit.usage
                case .database:
                    printError("warehouse catalog import: \(error)")
                    throw Exit.internalError
                }
            }
            if global.json {
                try printJSON(report)
            } else if report.changed {
                print(
                    "\(file) (\(kind)): \(report.records) record(s): \(report.inserted) inserted, \(report.updated) updated, \(report.unchanged) unchanged")
            } else {
                print("\(file) (\(kind)): nothing changed, all \(report.records) record(s) are already in the catalogue")
            }
        }
    }

    /// `warehouse catalog list --kind K`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a catalogue's entries (with --json: every field).")

        @OptionGroup var global: GlobalOptions

        @Option(help: "Which catalogue: \(CatalogKind.allCases.map(\.rawValue).joined(separator: ", ")).")
        var kind: CatalogKind

        func run() throws {
            let env = try Environment.open(global.layout)
            let listing = try env.store.catalogListing(kind)
            if global.json {
                print(String(decoding: listing.json, as: UTF8.self))
                return
            }
            guard !listing.rows.isEmpty else {
                print("the \(kind) catalogue is empty (warehouse catalog import FILE --kind \(kind))")
                return
            }
            let widths = listing.columns.indices.map { i in
                min(60, ([listing.columns[i]] + listing.rows.map { $0[i] }).map(\.count).max() ?? 0)
            }
            func line(_ cells: [String]) -> String {
                zip(cells, widths).map { cell, width in cell.count >= width ? cell : cell.padding(toLength: width, withPad: " ", startingAt: 0) }
                    .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
            }
            print(line(listing.columns))
            for row in listing.rows { print(line(row)) }
            print("\(listing.rows.count) \(kind)")
        }
    }
}
