import Foundation
import HTTPTypes
import HummingbirdBcrypt
import Logging
import Mustache
import WarehouseCore

/// Settings of the service.
public struct ServerSettings: Sendable {
    /// Set the cookie's Secure attribute (behind HTTPS; off on plain loopback for development).
    public var secureCookies: Bool
    /// Largest upload, bytes (413 beyond).
    public var maxUploadBytes: Int
    public var sessionHours: Double
    /// bcrypt cost: 12 in production; tests use less.
    public var bcryptCost: UInt8
    /// Failed sign-ins allowed per username and address in `loginWindowSeconds`.
    public var loginAttempts: Int
    public var loginWindowSeconds: Double
    public var ocrLanguage: String
    /// Personal stores kept in memory between reads (`PersonalStoreCache`); 0 turns the cache off.
    public var personalStoreCache: Int
    /// Seal checks (`/verify`, `/api/verify`) one client address may send in a minute.
    public var verifyChecksPerMinute: Int
    /// Connection caps and slow-client timeouts.
    public var connections: ConnectionLimits
    /// The address citizens reach this server at (`https://dichvucong.example.gov.vn`): seals issued on the web
    /// link to its `/verify` page. nil: the address the clerk's browser used.
    public var publicURL: String?
    /// Most pixels the pages of one desk upload may have together (250 M: about 28 A4 pages scanned at 300 dpi);
    /// the files beyond are quarantined with the reason, to be sent on their own.
    public var pixelsPerUpload: Int

    public init(
        secureCookies: Bool = false, maxUploadBytes: Int = 64 << 20, sessionHours: Double = 8, bcryptCost: UInt8 = 12,
        loginAttempts: Int = 5, loginWindowSeconds: Double = 300, ocrLanguage: String = "vie", personalStoreCache: Int = 5_000,
        verifyChecksPerMinute: Int = 20, connections: ConnectionLimits = ConnectionLimits(), pixelsPerUpload: Int = 250_000_000,
        publicURL: String? = nil
    ) {
        self.publicURL = publicURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        self.connections = connections
        self.pixelsPerUpload = pixelsPerUpload
        self.verifyChecksPerMinute = verifyChecksPerMinute
        self.personalStoreCache = personalStoreCache
        self.secureCookies = secureCookies
        self.maxUploadBytes = maxUploadBytes
        self.sessionHours = sessionHours
        self.bcryptCost = bcryptCost
        self.loginAttempts = loginAttempts
        self.loginWindowSeconds = loginWindowSeconds
        self.ocrLanguage = ocrLanguage
    }
}

/// Everything the routes need, built once by the composition root.
public struct ServerServices: Sendable {
    public let layout: StorageLayout
    public let store: WarehouseDatabase
    public let blobs: FileBlobStore
    public let settings: ServerSettings
    let templates: MustacheLibrary
    let desk: DeskWork
    let metrics: ServerMetrics
    let limiter: LoginLimiter
    let identity: any IdentityProvider
    let accessLog: AccessLogWriter
    let personalStores: PersonalStoreCache
    let sessions: SessionCache
    let verifyGate: VerifyGate

    /// Opens the warehouse at `layout` and loads the page templates.
    public init(layout: StorageLayout, settings: ServerSettings = ServerSettings()) async throws {
        try layout.create()
        let store = try WarehouseDatabase(url: layout.database, lifecycle: try layout.dossierLifecycle())
        let blobs = FileBlobStore(layout: layout)
        // A server killed while filing left litter (temporary files, blobs without rows): cleaned up first.
        let recovered = StorageRecovery(layout: layout, store: store, blobs: blobs).run()
        if !recovered.isEmpty {
            Logger(label: "warehouse.server").notice(
                "cleaned up after an interrupted run: \(recovered.temporaryFiles.count) temporary file(s) removed, \(recovered.blobsTakenOut.count) blob(s) of a filing that never committed taken out")
        }
        self.layout = layout
        self.store = store
        self.blobs = blobs
        self.settings = settings
        guard let templatesPath = Bundle.module.path(forResource: "Templates", ofType: nil) else {
            throw APIError(.internalServerError, "templates-missing", "the page templates are not installed")
        }
        self.templates = try await MustacheLibrary(directory: templatesPath)
        self.metrics = ServerMetrics()
        self.desk = DeskWork(layout: layout, store: store, blobs: blobs, language: settings.ocrLanguage, metrics: metrics)
        self.limiter = LoginLimiter(attempts: settings.loginAttempts, window: settings.loginWindowSeconds)
        self.identity = LocalPasswordIdentity(store: store, cost: settings.bcryptCost)
        self.accessLog = AccessLogWriter(store: store)
        self.personalStores = PersonalStoreCache(capacity: settings.personalStoreCache)
        self.sessions = SessionCache()
        self.verifyGate = VerifyGate(perAddress: settings.verifyChecksPerMinute)
    }

    /// Appends an entry about `account` doing `action` on an object to the hash-chained access log.
    func recordAccess(_ account: Account, _ action: AccessAction, _ type: String, _ id: String, owner: String?, allowed: Bool) async throws {
        try await accessLog.append(
            AccessLogEntry(
                at: Date(), accountId: account.id, role: account.role.rawValue, agencyCode: account.agencyCode, action: action.rawValue,
                objectType: type, objectId: id, ownerPartyId: owner, outcome: allowed ? "allowed" : "denied"))
    }

    /// Creates an account with a bcrypt-hashed password, bound to `owner`'s store when one is given: for the
    /// server's command line only.
    public func createAccount(
        username: String, password: String, role: Role, displayName: String, agencyCode: String? = nil, owner: OwnerIdentifier? = nil
    ) throws -> Account {
        // A personal store is a citizen's or an organisation's: no account owns an agency's archive.
        if let owner, owner.isAgencyArchive {
            throw APIError(.badRequest, "invalid-owner", "An account owns a citizen's or organisation's store, not the archive of agency \(owner.value).")
        }
        let partyId = try owner.map { try store.ensureParty($0) }
        // One account per person: a second one bound to the same CCCD or MST would read their papers as them.
        if let partyId, let owner, let existing = try store.accounts(party: partyId).first {
            throw APIError(
                .conflict, "owner-has-account",
                "\(owner.value) đã có tài khoản (\(existing.role.rawValue)); không tạo tài khoản thứ hai cho cùng một người (this person already has an account).")
        }
        let account = Account(
            username: username, passwordHash: Bcrypt.hash(password, cost: settings.bcryptCost), role: role, displayName: displayName,
            agencyCode: agencyCode, partyId: partyId)
        // Bound here only by whoever runs the server's command line (demo accounts, an operator's script); the web
        // binds at a desk (`POST /desk/accounts/bind`).
        let binding = partyId.map {
            AccountBinding(
                accountId: account.id, partyId: $0, method: .operator, evidence: "tạo trên máy chủ", boundBy: "operator", agencyCode: nil,
                at: account.createdAt)
        }
        try store.insertAccount(account, binding: binding)
        return account
    }
}

/// Who someone is: local accounts now; VNeID / OpenID Connect later behind the same protocol.
protocol IdentityProvider: Sendable {
    /// The account for these credentials, or nil.
    func authenticate(username: String, password: String) throws -> Account?
}

/// Username and bcrypt password in the warehouse's own `account` table.
struct LocalPasswordIdentity: IdentityProvider {
    let store: WarehouseDatabase
    /// Checked when the username does not exist. Hashed at the cost new passwords get, so that a missing
    /// username costs what a real check costs and timing does not tell which usernames exist.
    let dummyHash: String

    init(store: WarehouseDatabase, cost: UInt8) {
        self.store = store
        self.dummyHash = Bcrypt.hash("not a password", cost: cost)
    }

    func authenticate(username: String, password: String) throws -> Account? {
        guard let account = try store.account(username: username) else {
            _ = Bcrypt.verify(password, hash: dummyHash)
            return nil
        }
        return Bcrypt.verify(password, hash: account.passwordHash) ? account : nil
    }
}
