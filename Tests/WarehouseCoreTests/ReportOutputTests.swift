import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import WarehouseCore

/// The report outputs: the October 2024 fixture of DOMAIN.md §5 as a table, CSV, JSON and HTML with SVG.
@Suite("Report output")
struct ReportOutputTests {
    static let october = ReportsFixtures.month(2024, 10)

    @Test("the processing report of the fixture: groups, total, §5 field names in CSV and JSON, no broken invariant")
    func processing() throws {
        let report = ProcessingReport(facts: ReportsFixtures.october2024, period: Self.october, by: .agency)
        #expect(report.invariantViolations.isEmpty)
        #expect(report.groups.map(\.key) == ["000.00.12.H56", "000.12.34.H56"])
        let csv = report.table(fieldNames: true).csv()
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[0] == "agency," + ProcessingReport.cells(ProcessingMetrics()).map(\.field).joined(separator: ","))
        // DOMAIN.md §5: 5 received, 3 carried over, 8 to process, 4 processed (2 on time, 50 %), 4 open (3 within time).
        let total = try #require(lines.first { $0.hasPrefix("total,") })
        #expect(total.hasPrefix("total,5,3,8,4,2,50.0,2,50.0,4,3,75.0,1,25.0"), "\(total)")
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(report)) as? [String: Any]
        #expect(json?["month"] as? String == "202410")
        let totalJSON = try #require(json?["total"] as? [String: Any])
        #expect(totalJSON["sonhantrongky"] as? Int == 5)
        #expect(totalJSON["phantramxulydunghan"] as? Double == 50)
        let text = report.table().text()
        #expect(text.contains("Tổng") && text.contains("(6) % đúng hạn"))
    }

    @Test("CSV quotes what needs quoting; HTML and SVG escape every label and parse as XML")
    func escaping() throws {
        let table = ReportTable(
            title: "A <b> & \"c\"", columns: [.init("Tên", numeric: false), .init("Số")], rows: [["Sở \"Tư pháp\", Thanh Hóa", "3"]],
            total: ["Tổng", "3"])
        #expect(table.csv() == "Tên,Số\r\n\"Sở \"\"Tư pháp\"\", Thanh Hóa\",3\r\nTổng,3\r\n")
        let html = table.html()
        #expect(!html.contains("<b>") && html.contains("&lt;b&gt; &amp; &quot;c&quot;"))
        let svg = SVGChart.horizontalBars(
            title: "<script>alert(1)</script>", series: ["a & b", "c"], bars: [.init(label: "x<y", values: [3, 0]), .init(label: "z", values: [1, 2])])
        let trend = SVGChart.trend(title: "t", series: ["n"], points: (1...12).map { .init(label: "\($0)/24", values: [Double($0)]) })
        for document in [svg, trend, "<div>" + html + "</div>"] {
            let parser = XMLParser(data: Data(document.utf8))
            #expect(parser.parse(), "not well-formed: \(parser.parserError.map { "\($0)" } ?? "")\n\(document)")
        }
        #expect(!svg.contains("<script>"))
    }
}
