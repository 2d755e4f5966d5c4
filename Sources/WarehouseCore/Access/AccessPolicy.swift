import Foundation

/// Everything someone may try to do.
public enum AccessAction: String, Sendable, Codable {
    case readDocument = "read-document"
    case downloadDocument = "download-document"
    case readOwnerStore = "read-owner-store"
    case readDossier = "read-dossier"
    /// A dossier's status, dates and event log: the desk of its agency, and its owner (read only).
    case readDossierStatus = "read-dossier-status"
    /// Moving a dossier to another status: the desk of its agency.
    case changeDossierStatus = "change-dossier-status"
    case fileInDossier = "file-in-dossier"
    case correctFields = "correct-fields"
    case issueResult = "issue-result"
    case reuseDocument = "reuse-document"
    case readAccessLog = "read-access-log"
    case readOwnAccessLog = "read-own-access-log"
    case manageAccounts = "manage-accounts"
    /// Monthly statistics (counts only, no personal data): a supervisor for their agency, an auditor for all.
    case readReports = "read-reports"
    /// The list of papers in an agency's own archive that wait for an owner: that agency's desk staff.
    case readUnassigned = "read-unassigned"
    /// Moving a paper out of an agency's own archive to its owner: that agency's desk staff.
    case assignOwner = "assign-owner"
    /// Recording at a dossier that its owner is at the counter (chip read, papers checked): its agency's desk.
    case recordPresence = "record-presence"
    /// Letting the desk of one's own dossier see and reuse one's earlier papers: the owner.
    case grantReuse = "grant-reuse"
    /// Binding a citizen account to the person proven at the counter: desk staff of any agency.
    case bindAccount = "bind-account"
}

/// What the policy needs to know about the thing acted on.
public struct AccessFacts: Sendable, Equatable {
    /// The owner of the document or store.
    public var ownerPartyId: String?
    /// Agencies of the dossiers the document is filed in (or of the dossier itself).
    public var agencies: Set<String>
    /// Agencies the owner shared the document with.
    public var sharedWith: Set<String>
    /// The agency whose own archive owns the document (or is the archive asked for): then the owner is no
    /// person's personal store. nil for a citizen's or an organisation's.
    public var archiveOf: String?
    /// The agency that filed the document: the only one that corrects its fields. Another agency that reuses
    /// it in a dossier reads it, and corrects nothing.
    public var filedBy: String?

    public init(
        ownerPartyId: String? = nil, agencies: Set<String> = [], sharedWith: Set<String> = [], archiveOf: String? = nil, filedBy: String? = nil
    ) {
        self.ownerPartyId = ownerPartyId
        self.agencies = agencies
        self.sharedWith = sharedWith
        self.archiveOf = archiveOf
        self.filedBy = filedBy
    }
}

/// The one function that decides every read and write.
public enum AccessPolicy {
    public static func allows(_ actor: Actor, _ action: AccessAction, _ facts: AccessFacts) -> Bool {
        // An agency's archive is no one's personal store: no citizen account owns it.
        let owns = actor.partyId != nil && actor.partyId == facts.ownerPartyId && facts.archiveOf == nil
        let ownAgency = actor.agencyCode.map { facts.agencies.contains($0) || facts.sharedWith.contains($0) } ?? false
        let ownArchive = actor.agencyCode != nil && actor.agencyCode == facts.archiveOf
        switch actor.role {
        case .citizen:
            switch action {
            case .readDocument, .downloadDocument, .readOwnerStore, .reuseDocument, .readOwnAccessLog, .readDossierStatus, .grantReuse: return owns
            default: return false
            }
        case .clerk, .supervisor:
            if action == .readReports { return actor.role == .supervisor && ownAgency }
            if action == .readUnassigned || action == .assignOwner { return ownArchive }
            if action == .correctFields { return actor.agencyCode != nil && actor.agencyCode == facts.filedBy }
            if action == .bindAccount { return actor.agencyCode != nil }
            switch action {
            case .readDocument, .downloadDocument, .readDossier, .fileInDossier, .issueResult, .reuseDocument,
                .readDossierStatus, .changeDossierStatus, .recordPresence:
                return ownAgency
            default: return false
            }
        case .auditor:
            return action == .readAccessLog || action == .readReports
        case .admin:
            return action == .manageAccounts
        }
    }
}
