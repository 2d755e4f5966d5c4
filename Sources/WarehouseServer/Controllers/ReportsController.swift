import Foundation
import Hummingbird
import WarehouseCore

/// The reports page: this month's tables, bars per agency and a twelve-month trend, drawn as SVG on the
/// server, with CSV downloads. A supervisor sees their agency; an auditor any agency or all of them.
struct ReportsController {
    let services: ServerServices
    var pages: Pages { Pages(services: services) }

    func addRoutes(to router: Router<AppContext>) {
        router.get("/reports") { request, context in try await page(request, context) }
        router.get("/reports/digitisation.csv") { request, context in try await csv(request, context, processing: false) }
        router.get("/reports/processing.csv") { request, context in try await csv(request, context, processing: true) }
    }

    /// Who asks, for which month and agency; refused unless the policy allows it.
    private func scope(_ request: Request, _ context: AppContext) async throws -> (period: ReportingPeriod, agency: String?) {
        let account = try context.requireAccount()
        let query = request.uri.queryParameters
        let month = query["month"].map(String.init) ?? String(CalendarDate.todayInVietnam.iso.prefix(7))
        guard let period = ReportingPeriod(month: month) else {
            throw APIError(.badRequest, "invalid-month", "A month is written yyyy-MM, e.g. 2024-10.")
        }
        // A supervisor's reports are their own agency's, whatever the query says.
        var agency = account.role == .supervisor ? account.agencyCode : query["agency"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        if let code = agency {
            guard (try? AgencyCode(code)) != nil else { throw APIError(.badRequest, "invalid-agency", "That is not an agency code.") }
            agency = code
        }
        let allowed = AccessPolicy.allows(Actor(account), .readReports, AccessFacts(agencies: Set([agency].compactMap { $0 })))
        try await services.recordAccess(account, .readReports, "report", "\(period)/\(agency ?? "all")", owner: nil, allowed: allowed)
        guard allowed else { throw APIError.forbidden }
        return (period, agency)
    }

    /// The 13 metrics of the month, per agency, from the dossiers' histories.
    private func processing(_ period: ReportingPeriod, _ agency: String?) throws -> ProcessingReport {
        let records = try services.store.dossierRecords(for: period, agency: agency)
        do {
            return try ProcessingReport(records: records, period: period, agency: agency, by: .agency, lifecycle: services.store.lifecycle)
        } catch {
            throw APIError(.internalServerError, "illegal-history", "A dossier's history is not legal: \(error)")
        }
    }

    func page(_ request: Request, _ context: AppContext) async throws -> Response {
        let (period, agency) = try await scope(request, context)
        let digitisation = try services.store.digitisationReport(period: period, agency: agency)
        let processing = try processing(period, agency)
        // The twelve months up to this one.
        var months: [ReportingPeriod] = [period]
        while months.count < 12 { months.insert(months[0].previousMonth, at: 0) }
        func label(_ month: ReportingPeriod) -> String { String(format: "%02d/%02d", month.start.month, month.start.year % 100) }
        let trend = try months.map { month in
            let total = try services.store.digitisationReport(period: month, agency: agency).total
            return SVGChart.Bar(label: label(month), values: [Double(total.componentsReceived + total.archivedDocuments), Double(total.resultsSealed)])
        }
        let processingTrend = try months.map { month in
            let total = try self.processing(month, agency).total
            return SVGChart.Bar(label: label(month), values: [Double(total.receivedInPeriod), Double(total.processed), Double(total.unprocessedOverdue)])
        }
        let query = "month=\(period.start.iso.prefix(7))\(agency.map { "&agency=\($0)" } ?? "")"
        return pages.render(
            "reports", title: "Báo cáo",
            [
                "month": String(period.start.iso.prefix(7)), "agency": agency ?? "", "fixedAgency": context.account?.role == .supervisor,
                "digitisationTable": digitisation.table().html(), "digitisationChart": digitisation.chart(),
                "trendChart": SVGChart.trend(title: "12 tháng gần nhất", series: ["Giấy tờ số hóa", "Kết quả có QR"], points: trend),
                "processingTable": processing.table().html(), "processingChart": processing.chart(),
                "processingTrend": SVGChart.trend(
                    title: "Hồ sơ 12 tháng gần nhất", series: ["Nhận trong kỳ", "Đã xử lý", "Quá hạn"], points: processingTrend),
                "violations": processing.invariantViolations.joined(separator: "; "), "hasViolations": !processing.invariantViolations.isEmpty,
                "csvQuery": query,
            ], context: context)
    }

    func csv(_ request: Request, _ context: AppContext, processing wanted: Bool) async throws -> Response {
        let (period, agency) = try await scope(request, context)
        let table =
            wanted
            ? try processing(period, agency).table(fieldNames: true) : try services.store.digitisationReport(period: period, agency: agency).table(fieldNames: true)
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(wanted ? "giai-quyet" : "so-hoa")-\(period).csv\"",
                .cacheControl: "private, no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(string: table.csv())))
    }
}
