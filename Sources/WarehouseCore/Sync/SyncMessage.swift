import Foundation
import GRDB

/// What a message tells the national portal: its service name (DOMAIN.md §6).
public enum SyncKind: String, Codable, Sendable, CaseIterable {
    /// The whole dossier, as it stands now: a newer one replaces an older one not yet sent.
    case dossier = "DongBoHoSoMC"
    /// One progress step: each is sent, in order.
    case progress = "CapNhatTienDoHoSoMC"
}

/// Where a message is in its life.
public enum SyncState: String, Codable, Sendable, CaseIterable {
    /// Waiting for its next attempt (`nextAttemptAt`), or being sent (`claimedBy` set).
    case pending
    /// The portal acknowledged it (a 2xx answer without an error code).
    case sent
    /// Given up on: too many failed attempts, or refused as malformed. `warehouse sync retry-dead` revives it.
    case dead
}

/// One message of the national-portal outbox (`syncOutbox`).
public struct SyncMessage: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "syncOutbox"
    /// The position in the queue: messages of one dossier are sent in this order.
    public var id: Int64?
    /// A UUID, sent as the `Idempotency-Key` header: the portal can drop a message it already has when
    /// our copy of its answer was lost. A replaced payload gets a new one.
    public var messageId: String
    public var kind: SyncKind
    public var dossierCode: String
    /// The `data` item, JSON (``PortalDossier`` or ``PortalProgress``).
    public var payload: String
    public var createdAt: Date
    /// When the payload was last replaced by a newer state of the dossier (or `createdAt`).
    public var updatedAt: Date
    /// How many newer states of the dossier replaced this message's payload while it waited.
    public var superseded: Int
    /// Attempts made (counted when a sender claims the message).
    public var attempts: Int
    /// When a sender may take it: after the backoff of a failure, or when the claim of a sender lapses.
    public var nextAttemptAt: Date
    public var lastAttemptAt: Date?
    /// Why the last attempt failed (one sentence), nil after a success.
    public var lastError: String?
    public var state: SyncState
    public var sentAt: Date?
    /// The sender that is sending it now; nil otherwise.
    public var claimedBy: String?

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The HTTP body: `{"service": …, "isUpdating": …, "data": [payload]}`, the envelope of the portal's
    /// `DongBoHoSoMC` and `CapNhatTienDoHoSoMC` calls. `isUpdating` (dossiers only) says whether the
    /// portal already has an earlier version of the dossier.
    public func requestBody(isUpdating: Bool) -> Data {
        let head =
            switch kind {
            case .dossier: #"{"service":"DongBoHoSoMC","isUpdating":\#(isUpdating),"data":["#
            case .progress: #"{"service":"CapNhatTienDoHoSoMC","data":["#
            }
        return Data((head + payload + "]}").utf8)
    }
}
