import Foundation
import GRDB

/// What a signed-in person may do, besides what they own.
public enum Role: String, Codable, Sendable, CaseIterable {
    /// Desk staff: files, corrects and issues in their agency's dossiers.
    case clerk
    /// Desk supervisor: what a clerk may, plus reports for the agency.
    case supervisor
    /// A citizen or organisation: their own personal store.
    case citizen
    /// Reads the access log, nothing else.
    case auditor
    /// Manages accounts and catalogues; reads no one's documents.
    case admin
}

/// A local account (`account`). The identity provider sits behind `IdentityProvider`, so that
/// VNeID / OpenID Connect can replace the password check later.
public struct Account: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public var id: String
    public var username: String
    /// bcrypt.
    public var passwordHash: String
    public var role: Role
    public var displayName: String
    /// The agency a clerk, supervisor works for.
    public var agencyCode: String?
    /// The party a citizen account owns (their personal store).
    public var partyId: String?
    public var createdAt: Date

    public init(
        id: String = UUID().uuidString.lowercased(), username: String, passwordHash: String, role: Role, displayName: String,
        agencyCode: String?, partyId: String?, createdAt: Date = Date()
    ) {
        self.id = id
        self.username = username
        self.passwordHash = passwordHash
        self.role = role
        self.displayName = displayName
        self.agencyCode = agencyCode
        self.partyId = partyId
        self.createdAt = createdAt
    }
}

/// A signed-in session (`session`): the cookie holds a random token, the table only its SHA-256.
public struct SessionRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "session"
    public var tokenHash: String
    public var accountId: String
    /// Double-submit token that every form and state-changing API call must carry.
    public var csrfToken: String
    public var createdAt: Date
    public var expiresAt: Date

    public init(tokenHash: String, accountId: String, csrfToken: String, createdAt: Date, expiresAt: Date) {
        self.tokenHash = tokenHash
        self.accountId = accountId
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

/// The person acting, as the access policy sees them.
public struct Actor: Sendable, Equatable {
    public var accountId: String
    public var role: Role
    public var agencyCode: String?
    public var partyId: String?

    public init(accountId: String, role: Role, agencyCode: String?, partyId: String?) {
        self.accountId = accountId
        self.role = role
        self.agencyCode = agencyCode
        self.partyId = partyId
    }

    public init(_ account: Account) {
        self.init(accountId: account.id, role: account.role, agencyCode: account.agencyCode, partyId: account.partyId)
    }
}
