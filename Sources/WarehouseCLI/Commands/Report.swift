import ArgumentParser
import Foundation
import WarehouseCore

extension MetricsGrouping: ExpressibleByArgument {}

/// `warehouse report`: the monthly reports of the provincial plans.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Monthly reports: dossier processing (the 13 metrics) and digitisation, per agency.",
        subcommands: [Processing.self, Digitisation.self])

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

    struct Processing: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The 13 monthly processing metrics of DOMAIN.md §5, judged at the end of the month, per agency, procedure or field.",
            discussion: "Exit code 4 when an invariant of the metrics does not hold (the figures are printed all the same).")

        @OptionGroup var options: Options

        @Option(help: "Rows per agency, procedure or field.")
        var by: MetricsGrouping = .agency

        func run() throws {
            let env = try Environment.open(options.global.layout)
            let records = try env.store.dossierRecords(for: options.period, agency: options.agency)
            let report: ProcessingReport
            do {
                report = try ProcessingReport(
                    records: records, period: options.period, agency: options.agency, by: by, lifecycle: env.store.lifecycle)
            } catch {
                printError("warehouse report processing: a dossier's history is not legal: \(error)")
                throw Exit.integrity
            }
            try options.emit(report, table: report.table(), csvTable: report.table(fieldNames: true), chart: report.chart())
            if !report.invariantViolations.isEmpty {
                printError("warehouse report processing: invariants broken: " + report.invariantViolations.joined(separator: "; "))
                throw Exit.integrity
            }
        }
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
