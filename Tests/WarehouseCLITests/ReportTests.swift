import Foundation
import Testing

/// `warehouse report digitisation`: the counts come from what was really filed, in every format.
@Suite("warehouse report", .serialized)
struct ReportTests {
    struct Digitisation: Decodable {
        struct Row: Decodable {
            var agency: String
            var componentsReceived: Int
            var componentsDigitised: Int
            var componentsReused: Int
            var papersQuarantined: Int
            var archivedDocuments: Int
            var resultsIssued: Int
            var resultsSealed: Int
            var pagesOCRd: Int
            var documentsFiled: Int
            var documentsNeedingReview: Int
            var digitisedPercent: Double
            var sealedPercent: Double
        }

        var month: String
        var rows: [Row]
        var total: Row
    }

    static func sample(_ path: String) -> String { WarehouseRunner.sampleScans.appendingPathComponent(path).path }

    @Test("digitisation: components scanned, reused and quarantined, results sealed, pages OCR'd, per agency and month")
    func digitisation() throws {
        let warehouse = WarehouseRunner()
        defer { warehouse.remove() }
        let broken = warehouse.storage.deletingLastPathComponent().appendingPathComponent("hong-\(UUID().uuidString).pdf")
        try Data("%PDF-1.7\n1 0 obj <<".utf8).write(to: broken)
        defer { try? FileManager.default.removeItem(at: broken) }
        // Two papers of one dossier and a broken scan; then the same card again in a second dossier (reused bytes).
        let first = try warehouse.ingest([
            Self.sample("000.12.34.H56-241105-0007/cccd-mat-truoc.png"), Self.sample("000.12.34.H56-241105-0007/to-khai-dang-ky-khai-sinh.png"),
            broken.path,
        ])
        #expect(first.status == 2, "\(first.stderr)")
        let second = try warehouse.ingest(
            [Self.sample("000.12.34.H56-241105-0007/cccd-mat-truoc.png")], dossier: "000.12.34.H56-241105-0008")
        #expect(second.status == 0, "\(second.stderr)")
        // A result of another agency, sealed.
        #expect(try warehouse.run(["keys", "init"]).status == 0)
        let issued = try warehouse.run([
            "issue", Self.sample("000.12.34.H56-241105-0007/giay-khai-sinh.png"), "--dossier", "000.00.12.H56-241105-0001",
            "--result-type", "KQ.G15.000031", "--owner", "038324000123", "--name", "Giấy khai sinh", "--number", "45", "--permanent",
            "--scope", "Toàn quốc", "--procedure", "1.001193", "--agency", "000.00.12.H56",
        ])
        #expect(issued.status == 0, "\(issued.stderr)")

        let month = String(CalendarMonth.now)
        let run = try warehouse.run(["report", "digitisation", "--month", month, "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try run.json(Digitisation.self)
        #expect(report.month == month.replacingOccurrences(of: "-", with: ""))
        let desk = try #require(report.rows.first { $0.agency == "000.12.34.H56" })
        #expect((desk.componentsDigitised, desk.componentsReused, desk.papersQuarantined) == (2, 1, 1))
        #expect(desk.componentsReceived == 4)
        #expect(desk.digitisedPercent == 75)
        #expect(desk.pagesOCRd == 2, "the reused card is not read again")
        #expect((desk.resultsIssued, desk.resultsSealed, desk.archivedDocuments) == (0, 0, 0))
        let other = try #require(report.rows.first { $0.agency == "000.00.12.H56" })
        #expect((other.resultsIssued, other.resultsSealed, other.sealedPercent) == (1, 1, 100))
        #expect(report.total.componentsReceived == report.rows.map(\.componentsReceived).reduce(0, +))

        // One agency only; CSV with the JSON field names and CRLF; HTML with the table and the chart.
        let one = try warehouse.run(["report", "digitisation", "--month", month, "--agency", "000.00.12.H56", "--json"]).json(Digitisation.self)
        #expect(one.rows.map(\.agency) == ["000.00.12.H56"])
        let csv = try warehouse.run(["report", "digitisation", "--month", month, "--format", "csv"]).stdout
        #expect(csv.hasPrefix("agency,componentsReceived,componentsDigitised,componentsReused,papersQuarantined,digitisedPercent"))
        #expect(csv.contains("\r\n000.12.34.H56,4,2,1,1,75.0,"))
        let html = try warehouse.run(["report", "digitisation", "--month", month, "--format", "html"]).stdout
        #expect(html.contains("<table") && html.contains("<svg") && html.contains("000.00.12.H56"))
        // Another month: nothing.
        let empty = try warehouse.run(["report", "digitisation", "--month", "2019-01", "--json"]).json(Digitisation.self)
        #expect(empty.rows.isEmpty && empty.total.componentsReceived == 0)
        #expect(try warehouse.run(["report", "digitisation", "--month", "2024-13"]).status == 64)
    }
}

/// The current month in Vietnam, as `yyyy-MM`.
enum CalendarMonth {
    static var now: String {
        let formatter = DateFormatter()
        formatter.timeZone = TimeZone(secondsFromGMT: 7 * 3600)
        formatter.dateFormat = "yyyy-MM"
        formatter.locale = Locale(identifier: "en_US_POSIX")
        return formatter.string(from: Date())
    }
}
