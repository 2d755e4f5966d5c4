import ArgumentParser
import Foundation
import WarehouseCore

/// `warehouse report`: the monthly reports of the provincial plans.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Monthly reports: dossier processing (the 13 metrics) and digitisation, per agency.",
        subcommands: [Digitisation.self])

    /// How a report is printed.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, csv, json, html
    }

    /// Options every report takes.
    struct Options: ParsableArguments {
        @OptionGroup var global: GlobalOptions

        @Option(help: "The month, yyyy-MM (e.g. 2024-10); Vietnam dates.")
        var month: String

        @Option(help: "Only this agency (its e-identifier).")
        var agency: String?

        @Option(help: "table, csv, json or html (a page with the table and a chart).")
        var format: Format = .table

        func validate() throws {
            guard ReportingPeriod(month: month) != nil else {
                throw ValidationError("--month: \"\(month)\" is not a month as yyyy-MM (e.g. 2024-10)")
            }
            if let agency { _ = try parseCode(agency, as: AgencyCode.self, option: "--agency") }
        }

        var period: ReportingPeriod { ReportingPeriod(month: month)! }

        /// Prints `table` in the chosen format; `json` encodes `value`; `html` adds `chart`.
        func emit(_ value: some Encodable, table: ReportTable, csvTable: ReportTable, chart: String) throws {
            switch global.json ? .json : format {
            case .table: print(table.text(), terminator: "")
            case .csv: print(csvTable.csv(), terminator: "")
            case .json: try printJSON(value)
            case .html: print(Report.page(title: table.title, body: table.html() + chart), terminator: "")
            }
        }
    }

    /// A standalone HTML page (for `--format html`, to open or mail).
    static func page(title: String, body: String) -> String {
        """
        <!doctype html>
        <html lang="vi"><head><meta charset="utf-8"><title>\(ReportTable.escape(title))</title>
        <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:1.5em}\
        th,td{border:1px solid #ccc;padding:4px 8px}td.num,th.num{text-align:right}caption{font-weight:bold;text-align:left;padding:6px 0}</style>
        </head><body>
        \(body)</body></html>

        """
    }

    struct Digitisation: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Per agency: components received vs digitised or reused, results issued vs sealed, reuses, pages OCR'd, share needing review.")

        @OptionGroup var options: Options

        func run() throws {
            let env = try Environment.open(options.global.layout)
            let report = try env.store.digitisationReport(period: options.period, agency: options.agency)
            try options.emit(report, table: report.table(), csvTable: report.table(fieldNames: true), chart: report.chart())
        }
    }
}
