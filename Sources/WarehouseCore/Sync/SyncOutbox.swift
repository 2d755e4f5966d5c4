import Foundation
import GRDB

/// The national-portal outbox: messages are written in the same transaction as the change they report,
/// and senders take them out one at a time.
///
/// Every function takes the caller's `Database`, so that a message exists exactly when its change was
/// committed: a filing that rolls back leaves no message; a message never goes out for a change that
/// was not made.
///
/// Order and coalescing:
/// - Messages of one dossier are sent in the order they were enqueued, one at a time: a later one waits
///   while an earlier one is pending (in backoff or being sent). Dead messages do not hold the queue.
/// - A dossier has at most one waiting full sync (`DongBoHoSoMC`): a newer state replaces the payload
///   of the waiting one in place (keeping its position, with a new message id), so that the portal gets
///   the dossier's newest state once instead of every intermediate one. A full sync being sent right now
///   is left alone; the newer state queues behind it. A state the portal already has (same payload as the
///   newest message, sent or waiting) is not queued again.
/// - Progress steps (`CapNhatTienDoHoSoMC`) are events: every one is sent, in order.
public enum SyncOutbox {
    // MARK: - Enqueue

    /// Queues a full sync of dossier `code` as the tables show it now; nil when there is no such dossier.
    @discardableResult
    public static func enqueueDossier(_ db: Database, dossier code: String, at now: Date = Date()) throws -> SyncMessage? {
        guard let snapshot = try DossierSyncLoader.snapshot(db, dossier: code) else { return nil }
        return try enqueueDossier(db, snapshot: snapshot, at: now)
    }

    /// Queues a full sync of a dossier from an explicit snapshot.
    @discardableResult
    public static func enqueueDossier(_ db: Database, snapshot: DossierSyncSnapshot, at now: Date = Date()) throws -> SyncMessage {
        try enqueueDossierReporting(db, snapshot: snapshot, at: now).0
    }

    /// What became of a full sync handed to the outbox.
    public enum EnqueueOutcome: Sendable {
        /// A new message.
        case queued
        /// The waiting message of the dossier now carries this state.
        case replaced
        /// The portal already has this state, or it is queued.
        case unchanged
    }

    static func enqueueDossierReporting(_ db: Database, snapshot: DossierSyncSnapshot, at now: Date) throws -> (SyncMessage, EnqueueOutcome) {
        let payload = try PortalJSON.encode(PortalDossier(snapshot))
        let newest = try SyncMessage.filter(Column("dossierCode") == snapshot.code && Column("kind") == SyncKind.dossier.rawValue)
            .order(Column("id").desc).fetchOne(db)
        if var newest {
            let same = newest.payload == payload
            switch newest.state {
            case .pending where newest.claimedBy == nil:
                guard !same else { return (newest, .unchanged) }
                newest.payload = payload
                newest.messageId = newMessageId()
                newest.updatedAt = now
                newest.superseded += 1
                try newest.update(db)
                return (newest, .replaced)
            case .pending, .sent:
                if same { return (newest, .unchanged) }
            case .dead:
                break
            }
        }
        return (try insert(db, kind: .dossier, dossier: snapshot.code, payload: payload, at: now), .queued)
    }

    /// Queues one progress step of dossier `dossier` (`CapNhatTienDoHoSoMC`). Every step is sent, in the
    /// order enqueued. The dossier must exist.
    @discardableResult
    public static func enqueueProgress(_ db: Database, dossier: String, update: DossierProgressUpdate, at now: Date = Date()) throws
        -> SyncMessage
    {
        let payload = try PortalJSON.encode(PortalProgress(dossier: dossier, update))
        return try insert(db, kind: .progress, dossier: dossier, payload: payload, at: now)
    }

    /// What the lifecycle's status hook calls after it has written the new status: the dossier's new state,
    /// then the step that led to it, in this order (the portal must know the dossier before its progress).
    public static func enqueueStatusChange(_ db: Database, dossier: String, update: DossierProgressUpdate, at now: Date = Date()) throws {
        try enqueueDossier(db, dossier: dossier, at: now)
        try enqueueProgress(db, dossier: dossier, update: update, at: now)
    }

    private static func insert(_ db: Database, kind: SyncKind, dossier: String, payload: String, at now: Date) throws -> SyncMessage {
        var message = SyncMessage(
            id: nil, messageId: newMessageId(), kind: kind, dossierCode: dossier, payload: payload, createdAt: now, updatedAt: now,
            superseded: 0, attempts: 0, nextAttemptAt: now, lastAttemptAt: nil, lastError: nil, state: .pending, sentAt: nil, claimedBy: nil)
        try message.insert(db)
        return message
    }

    static func newMessageId() -> String { UUID().uuidString.lowercased() }

    // MARK: - Sending

    /// A message taken by a sender, with what it needs to build the request.
    public struct Claim: Sendable {
        public var message: SyncMessage
        /// For `DongBoHoSoMC`: an earlier version of the dossier was acknowledged by the portal.
        public var isUpdating: Bool
    }

    /// Takes the next message that is due, in queue order, skipping dossiers that have an earlier message
    /// still pending; marks it claimed by `runner` until `now + lease` and counts the attempt.
    ///
    /// Run it in a write transaction (as every GRDB write is, `BEGIN IMMEDIATE`): two senders, in this
    /// process or another, never take the same message, nor two messages of one dossier, at once.
    public static func claimNext(_ db: Database, runner: String, now: Date, lease: TimeInterval) throws -> Claim? {
        guard
            var message = try SyncMessage.fetchOne(
                db,
                sql: """
                    SELECT * FROM syncOutbox o
                    WHERE o.state = 'pending' AND o.nextAttemptAt <= ?
                    AND NOT EXISTS (SELECT 1 FROM syncOutbox p WHERE p.dossierCode = o.dossierCode AND p.state = 'pending' AND p.id < o.id)
                    ORDER BY o.id LIMIT 1
                    """, arguments: [now])
        else { return nil }
        message.claimedBy = runner
        message.attempts += 1
        message.lastAttemptAt = now
        message.nextAttemptAt = now.addingTimeInterval(lease)
        try message.update(db)
        let isUpdating =
            try message.kind == .dossier
            && SyncMessage.filter(
                Column("dossierCode") == message.dossierCode && Column("kind") == SyncKind.dossier.rawValue
                    && Column("state") == SyncState.sent.rawValue && Column("id") < message.id
            ).fetchCount(db) > 0
        return Claim(message: message, isUpdating: isUpdating)
    }

    /// Records the portal's acknowledgement of `message`. Whoever holds the claim now, a 2xx for this
    /// message id means the portal has it. Returns false when the message was already sent or replaced.
    @discardableResult
    public static func markSent(_ db: Database, _ message: SyncMessage, at now: Date) throws -> Bool {
        try db.execute(
            sql: """
                UPDATE syncOutbox SET state = 'sent', sentAt = ?, claimedBy = NULL, lastError = NULL
                WHERE id = ? AND messageId = ? AND state = 'pending'
                """, arguments: [now, message.id, message.messageId])
        return db.changesCount > 0
    }

    /// Records a failed attempt of `runner`: the message waits until `retryAt`, or is dead when `retryAt`
    /// is nil. Does nothing when the claim is no longer `runner`'s (it lapsed and another sender took the
    /// message) or the message was replaced meanwhile.
    @discardableResult
    public static func markFailed(_ db: Database, _ message: SyncMessage, runner: String, error: String, retryAt: Date?) throws -> Bool {
        try db.execute(
            sql: """
                UPDATE syncOutbox SET claimedBy = NULL, lastError = ?, state = ?, nextAttemptAt = COALESCE(?, nextAttemptAt)
                WHERE id = ? AND messageId = ? AND state = 'pending' AND claimedBy = ?
                """,
            arguments: [
                error, retryAt == nil ? SyncState.dead.rawValue : SyncState.pending.rawValue, retryAt, message.id, message.messageId, runner,
            ])
        return db.changesCount > 0
    }

    /// When the next pending message becomes due (including claims that will lapse); nil when none is pending.
    public static func nextAttempt(_ db: Database) throws -> Date? {
        try Date.fetchOne(db, sql: "SELECT MIN(nextAttemptAt) FROM syncOutbox WHERE state = 'pending'")
    }

    // MARK: - Dead letters

    /// What `retryDead` did.
    public struct RetryReport: Codable, Sendable, Equatable {
        /// Dead messages queued again, with their attempts reset.
        public var revived: Int
        /// Dead full syncs dropped because a newer state of the same dossier is sent or queued.
        public var superseded: Int
    }

    /// Queues the dead messages again (all, or those with the given message ids), attempts reset, due now.
    /// A dead full sync of a dossier that has a newer full sync (in any state) is removed instead: sending
    /// it would set the portal back to an older state.
    public static func retryDead(_ db: Database, messageIds: [String]? = nil, at now: Date) throws -> RetryReport {
        var request = SyncMessage.filter(Column("state") == SyncState.dead.rawValue)
        if let messageIds { request = request.filter(messageIds.contains(Column("messageId"))) }
        var report = RetryReport(revived: 0, superseded: 0)
        for var message in try request.order(Column("id")).fetchAll(db) {
            if message.kind == .dossier,
                try SyncMessage.filter(
                    Column("dossierCode") == message.dossierCode && Column("kind") == SyncKind.dossier.rawValue && Column("id") > message.id
                ).fetchCount(db) > 0
            {
                try message.delete(db)
                report.superseded += 1
                continue
            }
            message.state = .pending
            message.attempts = 0
            message.nextAttemptAt = now
            message.claimedBy = nil
            try message.update(db)
            report.revived += 1
        }
        return report
    }

    // MARK: - Status

    /// Counts and the oldest problems, for `warehouse sync status`.
    public struct Status: Codable, Sendable, Equatable {
        /// Pending and due now.
        public var due: Int
        /// Pending, waiting for their next attempt after a failure (or behind an earlier message of their dossier).
        public var waiting: Int
        /// Being sent by a sender now.
        public var sending: Int
        public var sent: Int
        public var dead: Int
        /// The oldest pending message's enqueue time.
        public var oldestPendingAt: Date?
        /// The next attempt of a waiting message.
        public var nextAttemptAt: Date?
        public var lastSentAt: Date?
        /// Pending messages whose last attempt failed, and dead ones: the most recent first (up to 20).
        public var problems: [Problem]

        public struct Problem: Codable, Sendable, Equatable {
            public var messageId: String
            public var kind: SyncKind
            public var dossier: String
            public var state: SyncState
            public var attempts: Int
            public var lastAttemptAt: Date?
            public var nextAttemptAt: Date?
            public var lastError: String
        }
    }

    public static func status(_ db: Database, now: Date) throws -> Status {
        let pending = SyncMessage.filter(Column("state") == SyncState.pending.rawValue)
        let sending = try pending.filter(Column("claimedBy") != nil && Column("nextAttemptAt") > now).fetchCount(db)
        let due = try pending.filter(Column("nextAttemptAt") <= now).fetchCount(db)
        let allPending = try pending.fetchCount(db)
        let problems = try SyncMessage.filter(
            Column("state") == SyncState.dead.rawValue || (Column("state") == SyncState.pending.rawValue && Column("lastError") != nil)
        ).order(Column("lastAttemptAt").desc, Column("id").desc).limit(20).fetchAll(db)
        return Status(
            due: due, waiting: allPending - due - sending, sending: sending,
            sent: try SyncMessage.filter(Column("state") == SyncState.sent.rawValue).fetchCount(db),
            dead: try SyncMessage.filter(Column("state") == SyncState.dead.rawValue).fetchCount(db),
            oldestPendingAt: try Date.fetchOne(db, sql: "SELECT MIN(createdAt) FROM syncOutbox WHERE state = 'pending'"),
            nextAttemptAt: try Date.fetchOne(
                db, sql: "SELECT MIN(nextAttemptAt) FROM syncOutbox WHERE state = 'pending' AND nextAttemptAt > ?", arguments: [now]),
            lastSentAt: try Date.fetchOne(db, sql: "SELECT MAX(sentAt) FROM syncOutbox"),
            problems: problems.map {
                Status.Problem(
                    messageId: $0.messageId, kind: $0.kind, dossier: $0.dossierCode, state: $0.state, attempts: $0.attempts,
                    lastAttemptAt: $0.lastAttemptAt, nextAttemptAt: $0.state == .pending ? $0.nextAttemptAt : nil, lastError: $0.lastError ?? "")
            })
    }
}
