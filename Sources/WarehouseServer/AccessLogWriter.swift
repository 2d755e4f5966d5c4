import Foundation
import Synchronization
import WarehouseCore

/// Writes access-log entries with group commit: a request waits until its entry is in the database
/// (nothing is shown before its read is logged), but entries that arrive while a transaction is being
/// written go together in the next one, so a busy server writes one transaction per batch, not per read.
actor AccessLogWriter {
    private let store: WarehouseDatabase
    private var pending: [(AccessLogEntry, CheckedContinuation<Void, any Error>)] = []
    private var writing = false

    init(store: WarehouseDatabase) {
        self.store = store
    }

    func append(_ entry: AccessLogEntry) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            pending.append((entry, continuation))
            if !writing {
                writing = true
                Task { await self.drain() }
            }
        }
    }

    private func drain() async {
        while !pending.isEmpty {
            let batch = pending
            pending = []
            do {
                try await store.appendAccess(batch: batch.map(\.0))
                for (_, continuation) in batch { continuation.resume() }
            } catch {
                for (_, continuation) in batch { continuation.resume(throwing: error) }
            }
        }
        writing = false
    }
}

/// Signed-in sessions kept in memory for a short while, so that a busy page does not read the session
/// table on every request. Sign-out removes the entry at once; an expired session is never served.
final class SessionCache: Sendable {
    private struct Entry {
        var session: SessionRecord
        var account: Account
        var cachedAt: Date
    }

    private let entries = Mutex<[String: Entry]>([:])
    let lifetime: Double

    init(lifetime: Double = 30) {
        self.lifetime = lifetime
    }

    func get(_ tokenHash: String, now: Date) -> (SessionRecord, Account)? {
        entries.withLock { all in
            guard let e = all[tokenHash] else { return nil }
            guard now.timeIntervalSince(e.cachedAt) < lifetime, e.session.expiresAt > now else {
                all.removeValue(forKey: tokenHash)
                return nil
            }
            return (e.session, e.account)
        }
    }

    /// Forgets the sessions of an account whose rights changed (bound to a person's store), so that its next
    /// request reads the account afresh.
    func forget(account id: String) {
        entries.withLock { all in all = all.filter { $0.value.account.id != id } }
    }

    func put(_ tokenHash: String, _ value: (SessionRecord, Account), now: Date) {
        entries.withLock { all in
            if all.count > 10_000 { all.removeAll() }
            all[tokenHash] = Entry(session: value.0, account: value.1, cachedAt: now)
        }
    }

    func remove(_ tokenHash: String) {
        _ = entries.withLock { $0.removeValue(forKey: tokenHash) }
    }
}
