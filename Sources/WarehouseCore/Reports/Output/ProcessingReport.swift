import Foundation

/// `warehouse report processing`: the 13 metrics of DOMAIN.md §5 for one month, per agency, procedure or
/// field, with their total, the channel split of #1 and the invariants checked.
public struct ProcessingReport: Sendable, Encodable {
    public var period: ReportingPeriod
    public var agency: String?
    public var groupedBy: MetricsGrouping
    public var groups: [MetricsGroup]
    public var total: ProcessingMetrics
    /// Broken invariants of the total and of each group (`key: invariant broken: a vs b`); empty when sound.
    public var invariantViolations: [String]

    /// Computes the report from the dossiers' histories, each taken as it stood at the end of the period.
    public init(
        records: [DossierRecord], period: ReportingPeriod, agency: String? = nil, by grouping: MetricsGrouping = .agency,
        lifecycle: DossierLifecycle
    ) throws(LifecycleError) {
        let chosen = agency.map { code in records.filter { $0.agency == code } } ?? records
        self.init(facts: try ProcessingMetrics.facts(of: chosen, asOf: period.end, lifecycle: lifecycle), period: period, agency: agency, by: grouping)
    }

    /// Computes the report from the dossiers' facts as of the end of the period (only `agency`'s when given).
    public init(facts all: [DossierFact], period: ReportingPeriod, agency: String? = nil, by grouping: MetricsGrouping = .agency) {
        let facts = agency.map { code in all.filter { $0.agency == code } } ?? all
        self.period = period
        self.agency = agency
        self.groupedBy = grouping
        self.groups = ProcessingMetrics.grouped(facts: facts, period: period, by: grouping)
        self.total = ProcessingMetrics(facts: facts, period: period)
        self.invariantViolations =
            total.invariantViolations().map { "total: \($0)" }
            + groups.flatMap { group in group.metrics.invariantViolations().map { "\(group.key): \($0)" } }
    }

    private enum CodingKeys: String, CodingKey {
        case month, start, end, agency, groupedBy, groups, total, invariantViolations
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(period.description, forKey: .month)
        try c.encode(period.start.iso, forKey: .start)
        try c.encode(period.end.iso, forKey: .end)
        try c.encodeIfPresent(agency, forKey: .agency)
        try c.encode(groupedBy, forKey: .groupedBy)
        try c.encode(groups, forKey: .groups)
        try c.encode(total, forKey: .total)
        try c.encode(invariantViolations, forKey: .invariantViolations)
    }

    /// The metrics in order #1 … #13, then the channel split: (short Vietnamese title, §5 field name, value).
    public static func cells(_ m: ProcessingMetrics) -> [(title: String, field: String, value: String)] {
        let c = ReportTable.count
        let p = ReportTable.percent
        return [
            ("(1) Nhận trong kỳ", "sonhantrongky", c(m.receivedInPeriod)),
            ("(2) Tồn kỳ trước", "sotonkytruoc", c(m.carriedOver)),
            ("(3) Phải xử lý", "tongsoxuly", c(m.total)),
            ("(4) Đã xử lý", "tongdaxuly", c(m.processed)),
            ("(5) Đúng hạn", "tongxulydunghan", c(m.processedOnTime)),
            ("(6) % đúng hạn", "phantramxulydunghan", p(m.processedOnTimePercent)),
            ("(7) Trễ hạn", "tongxulytrehan", c(m.processedLate)),
            ("(8) % trễ hạn", "phantramxulytrehan", p(m.processedLatePercent)),
            ("(9) Chưa xử lý", "tongchuaxuly", c(m.unprocessed)),
            ("(10) Trong hạn", "tongchuaxulytronghan", c(m.unprocessedWithinTime)),
            ("(11) % trong hạn", "phantramchuaxulytronghan", p(m.unprocessedWithinTimePercent)),
            ("(12) Quá hạn", "tongchuaxulytrehan", c(m.unprocessedOverdue)),
            ("(13) % quá hạn", "phantramchuaxulytrehan", p(m.unprocessedOverduePercent)),
            ("Trực tiếp", "sonhantrongkytructiep", c(m.receivedInPerson)),
            ("Trực tuyến", "sonhantrongkytructuyen", c(m.receivedOnline)),
            ("BCCI", "sonhantrongkybcci", c(m.receivedByPost)),
        ]
    }

    /// One row per group and the total. `fieldNames`: the §5 field names as headers (CSV), else Vietnamese.
    public func table(fieldNames: Bool = false) -> ReportTable {
        let keyTitle: String
        switch groupedBy {
        case .agency: keyTitle = fieldNames ? "agency" : "Cơ quan"
        case .procedure: keyTitle = fieldNames ? "procedure" : "Thủ tục"
        case .field: keyTitle = fieldNames ? "field" : "Lĩnh vực"
        }
        let headers = Self.cells(total).map { fieldNames ? $0.field : $0.title }
        return ReportTable(
            title: "Tình hình giải quyết hồ sơ \(period.start.iso) – \(period.end.iso)\(agency.map { " · \($0)" } ?? "")",
            columns: [.init(keyTitle, numeric: false)] + headers.map { .init($0) },
            rows: groups.map { [$0.key] + Self.cells($0.metrics).map(\.value) },
            total: [fieldNames ? "total" : "Tổng"] + Self.cells(total).map(\.value))
    }

    /// Bars per group: received, processed, still open.
    public func chart() -> String {
        SVGChart.horizontalBars(
            title: "Hồ sơ theo \(groupedBy == .agency ? "cơ quan" : groupedBy == .procedure ? "thủ tục" : "lĩnh vực") · \(period.description)",
            series: ["Phải xử lý (3)", "Đã xử lý (4)", "Chưa xử lý (9)"],
            bars: groups.map { .init(label: $0.key, values: [Double($0.metrics.total), Double($0.metrics.processed), Double($0.metrics.unprocessed)]) })
    }
}

extension ReportingPeriod {
    /// `2024-10` → October 2024; nil for anything else.
    public init?(month text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]), let month = Int(parts[1]) else {
            return nil
        }
        self.init(year: year, month: month)
    }

    /// The first instant of the first day and the first instant after the last day, in Vietnam time.
    public var instants: (start: Date, end: Date) {
        (start.startInVietnam, end.adding(days: 1).startInVietnam)
    }
}
