import Crypto
import Foundation
import GRDB

/// One entry of the append-only access log (`accessLog`). Each entry's `hash` covers its content and
/// the previous entry's hash, so that an edited or deleted entry breaks the chain (`warehouse check`).
/// No personal data: ids and codes only.
public struct AccessLogEntry: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "accessLog"
    public var id: Int64?
    public var at: Date
    public var accountId: String
    public var role: String
    public var agencyCode: String?
    public var action: String
    public var objectType: String
    public var objectId: String
    /// Whose data it was: the owner sees the entries about their documents.
    public var ownerPartyId: String?
    /// `allowed` or `denied`.
    public var outcome: String
    public var prevHash: String
    public var hash: String

    public init(
        at: Date, accountId: String, role: String, agencyCode: String?, action: String, objectType: String, objectId: String,
        ownerPartyId: String?, outcome: String
    ) {
        self.id = nil
        self.at = at
        self.accountId = accountId
        self.role = role
        self.agencyCode = agencyCode
        self.action = action
        self.objectType = objectType
        self.objectId = objectId
        self.ownerPartyId = ownerPartyId
        self.outcome = outcome
        self.prevHash = ""
        self.hash = ""
    }

    /// The hash this entry must have after `prevHash`.
    public func computedHash(after prevHash: String) -> String {
        let millis = Int64((at.timeIntervalSince1970 * 1000).rounded())
        let fields = [
            prevHash, String(millis), accountId, role, agencyCode ?? "", action, objectType, objectId, ownerPartyId ?? "", outcome,
        ]
        // Length-prefixed, so that no two field lists give the same text.
        let text = fields.map { "\($0.utf8.count):\($0)" }.joined()
        return SHA256.hash(data: Data(text.utf8)).hexString
    }
}
