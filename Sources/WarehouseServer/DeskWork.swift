import Foundation
import WarehouseCore
import WarehouseImaging
import WarehouseTesseract

/// Runs desk jobs (ingest, issue) one at a time on a thread of their own: OCR blocks for seconds and
/// must not run on the server's event loops or Swift's cooperative pool. The pipeline keeps its OCR
/// engines between jobs.
final class DeskWork: @unchecked Sendable {
    private let queue = DispatchQueue(label: "warehouse.desk")
    // Touched only on `queue`.
    private nonisolated(unsafe) let pipeline: IngestPipeline
    private nonisolated(unsafe) let issuer: ResultIssuer
    private let metrics: ServerMetrics
    /// Tells a backfill running on the same storage to wait while the desk works.
    private let activity: DeskActivity

    init(layout: StorageLayout, store: WarehouseDatabase, blobs: FileBlobStore, language: String, metrics: ServerMetrics) {
        let settings = PipelineSettings(language: language)
        pipeline = IngestPipeline(
            layout: layout, store: store, blobs: blobs, decoder: ScanDecoder(), preprocessor: LeptonicaPreprocessor(),
            barcodeReader: ZBarReader(), ocrFactory: TesseractEngineFactory(language: language), settings: settings)
        issuer = ResultIssuer(
            pipeline: pipeline, store: store, blobs: blobs, decoder: ScanDecoder(), keys: SealKeyStore(directory: layout.keys),
            qr: QREncoder(), pdf: TesseractPDFWriter(language: language), scratch: layout.scratch)
        self.metrics = metrics
        activity = DeskActivity(layout: layout)
    }

    private func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        metrics.queue(1)
        defer { metrics.queue(-1) }
        let marker = activity.begin()
        defer { marker.end() }
        let start = Date()
        defer { metrics.addOCRSeconds(Date().timeIntervalSince(start)) }
        return try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try body() })
            }
        }
    }

    func ingest(_ request: IngestRequest) async throws -> IngestReport {
        let report = try await run { [self] in try self.pipeline.ingest(request) }
        metrics.ingested(status: "filed", count: report.filed)
        metrics.ingested(status: "reused", count: report.reused)
        metrics.ingested(status: "quarantined", count: report.quarantined)
        return report
    }

    func issue(_ request: IssueRequest) async throws -> IssuedResult {
        let result = try await run { [self] in try self.issuer.issue(request).0 }
        metrics.issued()
        return result
    }
}
