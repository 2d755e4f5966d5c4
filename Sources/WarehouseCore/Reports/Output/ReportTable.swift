import Foundation

/// A report as a table: one header row, data rows, an optional total row. Rendered as aligned text for a
/// terminal, CSV for spreadsheets, and an HTML table for the web page and `--format html`.
public struct ReportTable: Sendable, Equatable {
    public struct Column: Sendable, Equatable {
        public var title: String
        /// Right-aligned in text and HTML.
        public var numeric: Bool

        public init(_ title: String, numeric: Bool = true) {
            self.title = title
            self.numeric = numeric
        }
    }

    public var title: String
    public var columns: [Column]
    public var rows: [[String]]
    public var total: [String]?

    public init(title: String, columns: [Column], rows: [[String]], total: [String]? = nil) {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.total = total
    }

    /// A count as the tables print it.
    public static func count(_ value: Int) -> String { String(value) }

    /// A percentage with one decimal (the value is a Double: never an integer division).
    public static func percent(_ value: Double) -> String { String(format: "%.1f", value) }

    /// Columns padded to their widest cell (by characters, so Vietnamese text lines up).
    public func text() -> String {
        let all = [columns.map(\.title)] + rows + (total.map { [$0] } ?? [])
        let widths = columns.indices.map { i in all.map { i < $0.count ? $0[i].count : 0 }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            columns.indices.map { i in
                let cell = i < cells.count ? cells[i] : ""
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                return columns[i].numeric ? pad + cell : cell + pad
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        var out = [title, line(columns.map(\.title)), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        out += rows.map(line)
        if let total { out += [widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "), line(total)] }
        return out.joined(separator: "\n") + "\n"
    }

    /// RFC 4180: a header row, CRLF line ends, fields quoted when they hold a comma, quote or line break.
    public func csv() -> String {
        func field(_ value: String) -> String {
            value.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
                ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
        }
        let lines = [columns.map(\.title)] + rows + (total.map { [$0] } ?? [])
        return lines.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// A `<table>` with a caption; every cell escaped.
    public func html() -> String {
        func cells(_ values: [String], tag: String) -> String {
            columns.indices.map { i in
                let value = i < values.count ? values[i] : ""
                return "<\(tag)\(columns[i].numeric ? " class=\"num\"" : "")>\(Self.escape(value))</\(tag)>"
            }.joined()
        }
        var out = "<table class=\"report\"><caption>\(Self.escape(title))</caption>\n<thead><tr>\(cells(columns.map(\.title), tag: "th"))</tr></thead>\n<tbody>\n"
        for row in rows { out += "<tr>\(cells(row, tag: "td"))</tr>\n" }
        out += "</tbody>\n"
        if let total { out += "<tfoot><tr>\(cells(total, tag: "th"))</tr></tfoot>\n" }
        return out + "</table>\n"
    }

    /// Text made safe inside HTML and SVG elements and attribute values.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
