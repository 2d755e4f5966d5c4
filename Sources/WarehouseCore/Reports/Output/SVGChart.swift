import Foundation

/// Charts drawn on the server as SVG: no script, no external file, readable without JavaScript.
public enum SVGChart {
    /// One bar: its label and one value per series.
    public struct Bar: Sendable, Equatable {
        public var label: String
        public var values: [Double]

        public init(label: String, values: [Double]) {
            self.label = label
            self.values = values
        }
    }

    /// Series colours, readable in grey print too (light to dark).
    static let colours = ["#2b6cb0", "#c05621", "#2f855a", "#6b46c1"]

    /// Horizontal grouped bars, one row per label (agencies), one bar per series, with a legend.
    public static func horizontalBars(title: String, series: [String], bars: [Bar], width: Int = 720) -> String {
        let labelWidth = 190
        let rowHeight = 14 * max(1, series.count) + 10
        let top = 44
        let height = top + rowHeight * max(1, bars.count) + 24
        let maximum = max(1, bars.flatMap(\.values).max() ?? 1)
        let plot = Double(width - labelWidth - 60)
        var svg = header(title: title, width: width, height: height)
        svg += legend(series, y: 32)
        if bars.isEmpty { svg += text(x: labelWidth, y: top + 14, "không có dữ liệu (no data)") }
        for (row, bar) in bars.enumerated() {
            let y = top + row * rowHeight
            svg += text(x: labelWidth - 6, y: y + rowHeight / 2, bar.label, anchor: "end")
            for (s, value) in bar.values.enumerated() {
                let length = plot * value / maximum
                let barY = y + 4 + s * 14
                svg += "<rect x=\"\(labelWidth)\" y=\"\(barY)\" width=\(quoted(length)) height=\"12\" fill=\"\(colours[s % colours.count])\">"
                svg += "<title>\(ReportTable.escape("\(bar.label) · \(series[safe: s] ?? ""): \(number(value))"))</title></rect>"
                svg += text(x: labelWidth + Int(length) + 4, y: barY + 10, number(value), size: 10)
            }
        }
        return svg + "</svg>\n"
    }

    /// A trend over months: one vertical bar group per month, with the values over the bars.
    public static func trend(title: String, series: [String], points: [Bar], width: Int = 720, height: Int = 260) -> String {
        let left = 40
        let bottom = height - 30
        let top = 50
        let maximum = max(1, points.flatMap(\.values).max() ?? 1)
        let slot = Double(width - left - 10) / Double(max(1, points.count))
        let barWidth = max(2, (slot - 6) / Double(max(1, series.count)))
        var svg = header(title: title, width: width, height: height)
        svg += legend(series, y: 32)
        svg += "<line x1=\"\(left)\" y1=\"\(bottom)\" x2=\"\(width - 10)\" y2=\"\(bottom)\" stroke=\"#888\"/>"
        for (i, point) in points.enumerated() {
            let x0 = Double(left) + Double(i) * slot + 3
            for (s, value) in point.values.enumerated() {
                let h = Double(bottom - top) * value / maximum
                let x = x0 + Double(s) * barWidth
                svg += "<rect x=\(quoted(x)) y=\(quoted(Double(bottom) - h)) width=\(quoted(barWidth - 1)) height=\(quoted(h)) fill=\"\(colours[s % colours.count])\">"
                svg += "<title>\(ReportTable.escape("\(point.label) · \(series[safe: s] ?? ""): \(number(value))"))</title></rect>"
            }
            svg += text(x: Int(x0 + slot / 2 - 3), y: bottom + 14, point.label, anchor: "middle", size: 10)
        }
        return svg + "</svg>\n"
    }

    private static func header(title: String, width: Int, height: Int) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\""
            + " font-family=\"sans-serif\" font-size=\"12\"><title>\(ReportTable.escape(title))</title>"
            + text(x: 4, y: 16, title, size: 14)
    }

    private static func legend(_ series: [String], y: Int) -> String {
        var out = ""
        var x = 4
        for (i, name) in series.enumerated() {
            out += "<rect x=\"\(x)\" y=\"\(y - 9)\" width=\"10\" height=\"10\" fill=\"\(colours[i % colours.count])\"/>"
            out += text(x: x + 14, y: y, name, size: 11)
            x += 24 + 7 * name.count
        }
        return out
    }

    private static func text(x: Int, y: Int, _ value: String, anchor: String = "start", size: Int = 12) -> String {
        "<text x=\"\(x)\" y=\"\(y)\" text-anchor=\"\(anchor)\" font-size=\"\(size)\">\(ReportTable.escape(value))</text>"
    }

    private static func quoted(_ value: Double) -> String { "\"" + String(format: "%.1f", value) + "\"" }

    private static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
