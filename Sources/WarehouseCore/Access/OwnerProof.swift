import Crypto
import Foundation
import GRDB

/// How the desk knows that the owner of a store is the person in front of it, or agrees: recorded before the
/// desk lists the owner's earlier papers for a dossier (``ReuseGrant``) and before an account is bound to a
/// person (``AccountBinding``).
public enum ProofMethod: String, Codable, Sendable, CaseIterable {
    /// The chip of the CCCD read at the counter: the number it gave equals the owner's.
    case chip
    /// A clerk compared the person with their papers at the counter (an organisation's representative with
    /// a letter of introduction, a CCCD without a readable chip); what was checked is written down.
    case clerkCheck = "clerk-check"
    /// The owner agreed from their own store (`/me`).
    case ownerConsent = "owner-consent"
    /// Done on the server's command line (`serve --demo`, an operator's script): whoever can run it can read
    /// the database anyway.
    case `operator`

    /// The method in Vietnamese, for the pages.
    public var vietnamese: String {
        switch self {
        case .chip: "đọc chip CCCD tại quầy"
        case .clerkCheck: "cán bộ đối chiếu giấy tờ tại quầy"
        case .ownerConsent: "chủ sở hữu đồng ý trên trang cá nhân"
        case .operator: "quản trị máy chủ"
        }
    }
}

/// A proof refused: the chip's number is not the owner's, or nothing was written for a check.
public enum ProofError: Error, Sendable, Equatable, CustomStringConvertible {
    case chipMismatch(read: String, owner: String)
    case chipNotApplicable(owner: String)
    case missingEvidence
    case methodNotAllowed(ProofMethod)

    public var description: String {
        switch self {
        case .chipMismatch(let read, let owner):
            "Số đọc từ chip (\(read)) khác số định danh của chủ sở hữu (\(owner)): không phải người này."
        case .chipNotApplicable(let owner):
            "\(owner) không phải số CCCD: chip chỉ có trên thẻ căn cước; hãy đối chiếu giấy tờ và ghi lại đã kiểm tra gì."
        case .missingEvidence: "Ghi lại đã đối chiếu giấy tờ gì (ví dụ: CCCD số …, giấy giới thiệu số …)."
        case .methodNotAllowed(let method): "Cách xác minh \(method.rawValue) không dùng được ở đây."
        }
    }

    /// Checks what the desk typed for `method` against `owner`, and gives the evidence to record: the chip's
    /// number for `chip`, the clerk's words (at most 300 characters) for `clerk-check`.
    public static func evidence(method: ProofMethod, chipNumber: String?, note: String?, owner: OwnerIdentifier) throws(ProofError) -> String {
        switch method {
        case .chip:
            guard owner.kind == "cccd" else { throw .chipNotApplicable(owner: owner.value) }
            let read = (chipNumber ?? "").filter { !$0.isWhitespace }
            guard read == owner.value else { throw .chipMismatch(read: read.isEmpty ? "trống" : read, owner: owner.value) }
            return "chip \(read)"
        case .clerkCheck:
            let text = (note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard text.count >= 4 else { throw .missingEvidence }
            return String(text.prefix(300))
        case .ownerConsent, .operator:
            throw .methodNotAllowed(method)
        }
    }
}

/// The owner present or agreeing, for one dossier (`reuseGrant`, append-only): only then does the desk see the
/// owner's earlier papers and attach them.
public struct ReuseGrant: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public var id: Int64?
    public var dossierCode: String
    public var method: ProofMethod
    /// What was read or checked: `chip 0380…`, the clerk's note, or the owner's account.
    public var evidence: String
    /// The account that recorded it: the clerk, or the owner's own.
    public var actor: String
    public var at: Date

    public init(dossierCode: String, method: ProofMethod, evidence: String, actor: String, at: Date = Date()) {
        self.id = nil
        self.dossierCode = dossierCode
        self.method = method
        self.evidence = evidence
        self.actor = actor
        self.at = at
    }

    /// The reference under which a document of the owner is offered in a dossier's reuse list: it names the
    /// document for that dossier only, and no other route takes it.
    public static func reference(dossier: String, document: String) -> String {
        String(SHA256.hash(data: Data("reuse\u{0}\(dossier)\u{0}\(document)".utf8)).hexString.prefix(24))
    }
}

/// How an account came to own a person's store (`accountBinding`): proven at a desk, by whom, when.
public struct AccountBinding: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public var accountId: String
    public var partyId: String
    public var method: ProofMethod
    public var evidence: String
    /// The clerk's account (or `operator`).
    public var boundBy: String
    /// The clerk's agency.
    public var agencyCode: String?
    public var at: Date

    public init(accountId: String, partyId: String, method: ProofMethod, evidence: String, boundBy: String, agencyCode: String?, at: Date = Date()) {
        self.accountId = accountId
        self.partyId = partyId
        self.method = method
        self.evidence = evidence
        self.boundBy = boundBy
        self.agencyCode = agencyCode
        self.at = at
    }
}

/// A binding refused by the store.
public enum BindingError: Error, Sendable, CustomStringConvertible {
    case noSuchAccount
    case notCitizen
    case alreadyBound
    case ownerHasAccount(String)
    case store(StoreError)

    public var description: String {
        switch self {
        case .noSuchAccount: "Không có tài khoản công dân với tên đăng nhập này."
        case .notCitizen: "Chỉ tài khoản công dân, tổ chức mới liên kết với một chủ sở hữu."
        case .alreadyBound: "Tài khoản này đã được liên kết với một chủ sở hữu; không liên kết lại."
        case .ownerHasAccount(let user): "Chủ sở hữu này đã có tài khoản (\(user)); không liên kết tài khoản thứ hai."
        case .store(let failure): failure.description
        }
    }
}
