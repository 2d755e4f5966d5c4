import Foundation
import GRDB

/// The national-portal outbox through the store: each method one transaction. The changes that make a
/// message due enqueue it themselves, inside their own transaction (`commit`, `reuse`, `openDossier`,
/// `recordResult`, `revoke`).
extension WarehouseDatabase {
    // MARK: - Enqueue

    /// What `enqueueDossierSync` did.
    public struct EnqueueReport: Codable, Sendable, Equatable {
        /// New messages.
        public var queued = 0
        /// Waiting messages whose payload was replaced by the newer state.
        public var replaced = 0
        /// Dossiers whose state the portal already has, or has queued.
        public var unchanged = 0
        /// Codes that are not dossiers of the warehouse.
        public var missing: [String] = []
    }

    /// Queues a full sync of each dossier (all when `codes` is nil), e.g. for dossiers filed before the
    /// outbox existed.
    public func enqueueDossierSync(_ codes: [String]?, at now: Date = Date()) throws(StoreError) -> EnqueueReport {
        try writeDB { db in
            let all = try codes ?? String.fetchAll(db, sql: "SELECT code FROM dossier ORDER BY createdAt, code")
            var report = EnqueueReport()
            for code in all {
                guard let snapshot = try DossierSyncLoader.snapshot(db, dossier: code) else {
                    report.missing.append(code)
                    continue
                }
                switch try SyncOutbox.enqueueDossierReporting(db, snapshot: snapshot, at: now).1 {
                case .queued: report.queued += 1
                case .replaced: report.replaced += 1
                case .unchanged: report.unchanged += 1
                }
            }
            return report
        }
    }

    /// Queues one progress step of a dossier on its own (the lifecycle's hook calls `SyncOutbox` in its
    /// own transaction instead).
    @discardableResult
    public func enqueueProgressSync(dossier: String, update: DossierProgressUpdate, at now: Date = Date()) throws(StoreError) -> SyncMessage {
        try writeDB { db in try SyncOutbox.enqueueProgress(db, dossier: dossier, update: update, at: now) }
    }

    // MARK: - Sender

    public func claimSyncMessage(runner: String, now: Date, lease: TimeInterval) async throws(StoreError) -> SyncOutbox.Claim? {
        try await writeAsync { db in try SyncOutbox.claimNext(db, runner: runner, now: now, lease: lease) }
    }

    public func recordSyncSent(_ message: SyncMessage, at now: Date) async throws(StoreError) {
        _ = try await writeAsync { db in try SyncOutbox.markSent(db, message, at: now) }
    }

    public func recordSyncFailure(_ message: SyncMessage, runner: String, error: String, retryAt: Date?) async throws(StoreError) {
        _ = try await writeAsync { db in try SyncOutbox.markFailed(db, message, runner: runner, error: error, retryAt: retryAt) }
    }

    public func nextSyncAttempt() async throws(StoreError) -> Date? {
        try await readAsync { db in try SyncOutbox.nextAttempt(db) }
    }

    public func syncStatusAsync(now: Date = Date()) async throws(StoreError) -> SyncOutbox.Status {
        try await readAsync { db in try SyncOutbox.status(db, now: now) }
    }

    // MARK: - Operators

    public func syncStatus(now: Date = Date()) throws(StoreError) -> SyncOutbox.Status {
        try readDB { db in try SyncOutbox.status(db, now: now) }
    }

    public func retryDeadSync(messageIds: [String]? = nil, at now: Date = Date()) throws(StoreError) -> SyncOutbox.RetryReport {
        try writeDB { db in try SyncOutbox.retryDead(db, messageIds: messageIds, at: now) }
    }

    /// The messages of the outbox in queue order, optionally of one dossier or one state.
    public func syncMessages(dossier: String? = nil, state: SyncState? = nil) throws(StoreError) -> [SyncMessage] {
        try readDB { db in
            var request = SyncMessage.order(Column("id"))
            if let dossier { request = request.filter(Column("dossierCode") == dossier) }
            if let state { request = request.filter(Column("state") == state.rawValue) }
            return try request.fetchAll(db)
        }
    }
}
