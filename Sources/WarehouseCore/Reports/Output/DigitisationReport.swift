import Foundation
import GRDB

/// `warehouse report digitisation`: per agency, for one month, how the papers that came in were digitised
/// (Decree 107/2021: every component and every result digitised on intake; DOMAIN.md §1 targets).
public struct DigitisationReport: Sendable, Encodable {
    /// One agency's month.
    public struct Row: Sendable, Codable, Equatable {
        public var agency: String
        /// Components received: filed into the agency's dossiers, scanned or reused, plus the papers of its
        /// dossiers that were quarantined (received but not digitised).
        public var componentsReceived = 0
        /// Of those, scanned and filed now.
        public var componentsDigitised = 0
        /// Of those, taken from the warehouse instead of being scanned again.
        public var componentsReused = 0
        /// Papers that could not be read or placed (quarantined with their bytes), in dossiers or not.
        public var papersQuarantined = 0
        /// Archived papers filed outside any dossier (a backfill without a manifest): in their owners' stores,
        /// or in the agency's own archive when they name no owner.
        public var archivedDocuments = 0
        /// Results filed (document kind 1), sealed or not.
        public var resultsIssued = 0
        /// Results carrying our QR seal.
        public var resultsSealed = 0
        /// Reuses recorded (a filed document attached to a later dossier, by the desk or with the owner's consent).
        public var documentsReused = 0
        /// Pages read by OCR (not copied from a text layer or an identical page).
        public var pagesOCRd = 0
        /// Documents filed, and of those flagged for review.
        public var documentsFiled = 0
        public var documentsNeedingReview = 0

        public init(agency: String) {
            self.agency = agency
        }

        /// Share of the components received that are in the warehouse (scanned or reused), percent.
        public var digitisedPercent: Double { ProcessingMetrics.percent(componentsDigitised + componentsReused, of: componentsReceived) }
        /// Share of the results issued that are sealed, percent.
        public var sealedPercent: Double { ProcessingMetrics.percent(resultsSealed, of: resultsIssued) }
        /// Share of the documents filed that need review, percent.
        public var needsReviewPercent: Double { ProcessingMetrics.percent(documentsNeedingReview, of: documentsFiled) }

        static func + (a: Row, b: Row) -> Row {
            var sum = a
            sum.componentsReceived += b.componentsReceived
            sum.componentsDigitised += b.componentsDigitised
            sum.componentsReused += b.componentsReused
            sum.papersQuarantined += b.papersQuarantined
            sum.archivedDocuments += b.archivedDocuments
            sum.resultsIssued += b.resultsIssued
            sum.resultsSealed += b.resultsSealed
            sum.documentsReused += b.documentsReused
            sum.pagesOCRd += b.pagesOCRd
            sum.documentsFiled += b.documentsFiled
            sum.documentsNeedingReview += b.documentsNeedingReview
            return sum
        }

        private enum CodingKeys: String, CodingKey {
            case agency, componentsReceived, componentsDigitised, componentsReused, papersQuarantined, archivedDocuments, resultsIssued, resultsSealed
            case documentsReused, pagesOCRd, documentsFiled, documentsNeedingReview, digitisedPercent, sealedPercent, needsReviewPercent
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(agency, forKey: .agency)
            try c.encode(componentsReceived, forKey: .componentsReceived)
            try c.encode(componentsDigitised, forKey: .componentsDigitised)
            try c.encode(componentsReused, forKey: .componentsReused)
            try c.encode(papersQuarantined, forKey: .papersQuarantined)
            try c.encode(archivedDocuments, forKey: .archivedDocuments)
            try c.encode(resultsIssued, forKey: .resultsIssued)
            try c.encode(resultsSealed, forKey: .resultsSealed)
            try c.encode(documentsReused, forKey: .documentsReused)
            try c.encode(pagesOCRd, forKey: .pagesOCRd)
            try c.encode(documentsFiled, forKey: .documentsFiled)
            try c.encode(documentsNeedingReview, forKey: .documentsNeedingReview)
            try c.encode(digitisedPercent, forKey: .digitisedPercent)
            try c.encode(sealedPercent, forKey: .sealedPercent)
            try c.encode(needsReviewPercent, forKey: .needsReviewPercent)
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            agency = try c.decode(String.self, forKey: .agency)
            componentsReceived = try c.decode(Int.self, forKey: .componentsReceived)
            componentsDigitised = try c.decode(Int.self, forKey: .componentsDigitised)
            componentsReused = try c.decode(Int.self, forKey: .componentsReused)
            papersQuarantined = try c.decode(Int.self, forKey: .papersQuarantined)
            archivedDocuments = try c.decode(Int.self, forKey: .archivedDocuments)
            resultsIssued = try c.decode(Int.self, forKey: .resultsIssued)
            resultsSealed = try c.decode(Int.self, forKey: .resultsSealed)
            documentsReused = try c.decode(Int.self, forKey: .documentsReused)
            pagesOCRd = try c.decode(Int.self, forKey: .pagesOCRd)
            documentsFiled = try c.decode(Int.self, forKey: .documentsFiled)
            documentsNeedingReview = try c.decode(Int.self, forKey: .documentsNeedingReview)
        }
    }

    public var period: ReportingPeriod
    public var agency: String?
    public var rows: [Row]
    public var total: Row

    public init(period: ReportingPeriod, agency: String?, rows: [Row]) {
        self.period = period
        self.agency = agency
        self.rows = rows
        self.total = rows.reduce(Row(agency: "total"), +)
    }

    private enum CodingKeys: String, CodingKey { case month, start, end, agency, rows, total }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(period.description, forKey: .month)
        try c.encode(period.start.iso, forKey: .start)
        try c.encode(period.end.iso, forKey: .end)
        try c.encodeIfPresent(agency, forKey: .agency)
        try c.encode(rows, forKey: .rows)
        try c.encode(total, forKey: .total)
    }

    public func table(fieldNames: Bool = false) -> ReportTable {
        let titles: [(String, String)] = [
            ("Thành phần tiếp nhận", "componentsReceived"), ("Số hóa mới", "componentsDigitised"), ("Dùng lại", "componentsReused"),
            ("Không đọc được", "papersQuarantined"), ("% đã số hóa", "digitisedPercent"), ("Lưu trữ", "archivedDocuments"), ("Kết quả", "resultsIssued"),
            ("Kết quả có QR", "resultsSealed"), ("% có QR", "sealedPercent"), ("Lượt dùng lại", "documentsReused"),
            ("Trang OCR", "pagesOCRd"), ("Văn bản", "documentsFiled"), ("Cần xem lại", "documentsNeedingReview"),
            ("% cần xem lại", "needsReviewPercent"),
        ]
        func cells(_ r: Row) -> [String] {
            let c = ReportTable.count
            let p = ReportTable.percent
            return [
                c(r.componentsReceived), c(r.componentsDigitised), c(r.componentsReused), c(r.papersQuarantined), p(r.digitisedPercent),
                c(r.archivedDocuments),
                c(r.resultsIssued), c(r.resultsSealed), p(r.sealedPercent), c(r.documentsReused), c(r.pagesOCRd), c(r.documentsFiled),
                c(r.documentsNeedingReview), p(r.needsReviewPercent),
            ]
        }
        return ReportTable(
            title: "Số hóa hồ sơ \(period.start.iso) – \(period.end.iso)\(agency.map { " · \($0)" } ?? "")",
            columns: [.init(fieldNames ? "agency" : "Cơ quan", numeric: false)] + titles.map { .init(fieldNames ? $0.1 : $0.0) },
            rows: rows.map { [$0.agency] + cells($0) }, total: [fieldNames ? "total" : "Tổng"] + cells(total))
    }

    /// Bars per agency: components received, in the warehouse, results sealed.
    public func chart() -> String {
        SVGChart.horizontalBars(
            title: "Số hóa theo cơ quan · \(period.description)", series: ["Tiếp nhận", "Đã số hóa hoặc dùng lại", "Kết quả có QR"],
            bars: rows.map {
                .init(
                    label: $0.agency,
                    values: [Double($0.componentsReceived), Double($0.componentsDigitised + $0.componentsReused), Double($0.resultsSealed)])
            })
    }
}

extension WarehouseDatabase {
    /// The digitisation counts of `period` per agency (only `agency` when given), from the filing tables.
    /// Times are judged in Vietnam: the month runs from its first day's 00:00 to its last day's 24:00 (UTC+7).
    public func digitisationReport(period: ReportingPeriod, agency: String? = nil) throws(StoreError) -> DigitisationReport {
        let (start, end) = period.instants
        let rows = try readDB { db -> [DigitisationReport.Row] in
            var rows: [String: DigitisationReport.Row] = [:]
            func add(_ sql: String, _ apply: (inout DigitisationReport.Row, Int) -> Void) throws {
                for row in try Row.fetchAll(db, sql: sql, arguments: [start, end]) {
                    let code: String = row[0]
                    let value: Int = row[1]
                    apply(&rows[code, default: DigitisationReport.Row(agency: code)], value)
                }
            }
            try add(
                """
                SELECT d.agencyCode, count(*) FROM component c JOIN dossier d ON d.code = c.dossierCode
                WHERE c.createdAt >= ?1 AND c.createdAt < ?2 AND c.reused = 0 GROUP BY 1
                """
            ) { $0.componentsDigitised = $1 }
            try add(
                """
                SELECT d.agencyCode, count(*) FROM component c JOIN dossier d ON d.code = c.dossierCode
                WHERE c.createdAt >= ?1 AND c.createdAt < ?2 AND c.reused = 1 GROUP BY 1
                """
            ) { $0.componentsReused = $1 }
            try add("SELECT agencyCode, count(*) FROM filing WHERE at >= ?1 AND at < ?2 AND status = 'quarantined' GROUP BY 1") {
                $0.papersQuarantined = $1
            }
            var quarantinedInDossiers: [String: Int] = [:]
            for row in try Row.fetchAll(
                db,
                sql: "SELECT agencyCode, count(*) FROM filing WHERE at >= ?1 AND at < ?2 AND status = 'quarantined' AND dossierCode IS NOT NULL GROUP BY 1",
                arguments: [start, end])
            {
                quarantinedInDossiers[row[0]] = row[1]
                _ = rows[row[0], default: DigitisationReport.Row(agency: row[0])]
            }
            try add(
                """
                SELECT agencyCode, count(*) FROM document doc WHERE createdAt >= ?1 AND createdAt < ?2
                AND NOT EXISTS (SELECT 1 FROM component c WHERE c.documentId = doc.id) GROUP BY 1
                """
            ) { $0.archivedDocuments = $1 }
            try add("SELECT agencyCode, count(*) FROM document WHERE createdAt >= ?1 AND createdAt < ?2 AND kind = 1 GROUP BY 1") {
                $0.resultsIssued = $1
            }
            try add(
                """
                SELECT d.agencyCode, count(*) FROM result r JOIN dossier d ON d.code = r.dossierCode
                WHERE r.issuedAt >= ?1 AND r.issuedAt < ?2 GROUP BY 1
                """
            ) { $0.resultsSealed = $1 }
            try add(
                """
                SELECT d.agencyCode, count(*) FROM reuse u JOIN dossier d ON d.code = u.dossierCode
                WHERE u.at >= ?1 AND u.at < ?2 GROUP BY 1
                """
            ) { $0.documentsReused = $1 }
            // A page counts once, for the first document filed with its blob in the period.
            try add(
                """
                SELECT agencyCode, count(*) FROM (
                    SELECT p.blobId, p.number, min(doc.agencyCode) AS agencyCode
                    FROM page p JOIN blob b ON b.id = p.blobId
                    JOIN documentFile f ON f.blobId = p.blobId JOIN document doc ON doc.id = f.documentId
                    WHERE b.createdAt >= ?1 AND b.createdAt < ?2 AND p.textSource = 'ocr' GROUP BY p.blobId, p.number)
                GROUP BY 1
                """
            ) { $0.pagesOCRd = $1 }
            try add("SELECT agencyCode, count(*) FROM document WHERE createdAt >= ?1 AND createdAt < ?2 GROUP BY 1") {
                $0.documentsFiled = $1
            }
            try add(
                "SELECT agencyCode, count(*) FROM document WHERE createdAt >= ?1 AND createdAt < ?2 AND reviewStatus = 'needs-review' GROUP BY 1"
            ) { $0.documentsNeedingReview = $1 }
            return rows.values.map { row in
                var row = row
                row.componentsReceived = row.componentsDigitised + row.componentsReused + (quarantinedInDossiers[row.agency] ?? 0)
                return row
            }
        }
        let chosen = agency.map { code in rows.filter { $0.agency == code } } ?? rows
        return DigitisationReport(period: period, agency: agency, rows: chosen.sorted { $0.agency < $1.agency })
    }
}
