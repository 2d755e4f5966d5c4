import Foundation
import Synchronization

/// Counters for `/metrics` (Prometheus text format).
final class ServerMetrics: Sendable {
    private struct Values {
        var filesIngested: [String: Int] = [:]
        var ocrSeconds = 0.0
        var queue = 0
        var errors = 0
        var requests = 0
        var resultsIssued = 0
        var verifications: [String: Int] = [:]
    }

    private let values = Mutex(Values())

    func ingested(status: String, count: Int = 1) { values.withLock { $0.filesIngested[status, default: 0] += count } }
    func addOCRSeconds(_ s: Double) { values.withLock { $0.ocrSeconds += s } }
    func queue(_ delta: Int) { values.withLock { $0.queue += delta } }
    func error() { values.withLock { $0.errors += 1 } }
    func request() { values.withLock { $0.requests += 1 } }
    func issued() { values.withLock { $0.resultsIssued += 1 } }
    func verified(_ verdict: String) { values.withLock { $0.verifications[verdict, default: 0] += 1 } }

    /// The exposition text.
    func render() -> String {
        let v = values.withLock { $0 }
        var out = """
            # HELP warehouse_ingested_files_total Files handed to ingest, by outcome.
            # TYPE warehouse_ingested_files_total counter

            """
        for status in ["filed", "reused", "quarantined"] {
            out += "warehouse_ingested_files_total{status=\"\(status)\"} \(v.filesIngested[status] ?? 0)\n"
        }
        out += """
            # HELP warehouse_ocr_seconds_total Seconds spent in ingest work (OCR and filing) for the desk.
            # TYPE warehouse_ocr_seconds_total counter
            warehouse_ocr_seconds_total \(String(format: "%.3f", v.ocrSeconds))
            # HELP warehouse_desk_queue Desk jobs (ingest, issue) waiting or running.
            # TYPE warehouse_desk_queue gauge
            warehouse_desk_queue \(v.queue)
            # HELP warehouse_results_issued_total Results sealed and filed.
            # TYPE warehouse_results_issued_total counter
            warehouse_results_issued_total \(v.resultsIssued)
            # HELP warehouse_http_requests_total HTTP requests served.
            # TYPE warehouse_http_requests_total counter
            warehouse_http_requests_total \(v.requests)
            # HELP warehouse_errors_total Requests that failed with a server error.
            # TYPE warehouse_errors_total counter
            warehouse_errors_total \(v.errors)
            # HELP warehouse_verifications_total Seal verifications, by verdict.
            # TYPE warehouse_verifications_total counter

            """
        for (verdict, n) in v.verifications.sorted(by: { $0.key < $1.key }) {
            out += "warehouse_verifications_total{verdict=\"\(verdict)\"} \(n)\n"
        }
        return out
    }
}
