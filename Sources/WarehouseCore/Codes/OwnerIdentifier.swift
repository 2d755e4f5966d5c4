import Foundation

/// The identifier of a document's owner, classified by shape: CCCD, CMND, MST, passport, or an agency code
/// for an agency's own archive.
public enum OwnerIdentifier: ValidatedCode {
    /// 12 digits: personal identification number.
    case cccd(CCCD)
    /// 9 digits: old identity card.
    case cmnd(CMND)
    /// 10 digits, or 13 as `NNNNNNNNNN-NNN`: tax code of an organisation or household business.
    case mst(MST)
    /// One letter and seven digits: passport number (upper-cased).
    case passport(String)
    /// `DDD.DD.DD.XDD`: an agency's own archive (party kind 3, cơ quan nhà nước). Papers that name no citizen or
    /// organisation (the agency's directives, letters, decisions) are filed here, outside any dossier, for
    /// the agency that digitised them; a clerk gives them their owner later (`warehouse assign`).
    case agency(AgencyCode)

    /// Classifies and validates an owner id: 12 digits → CCCD, 9 → CMND, 10 or 13 with dash → MST, letter+7 digits → passport,
    /// `DDD.DD.DD.XDD` → an agency's own archive.
    public init(_ string: String) throws(CodeError) {
        let compact = CodeText.compact(string).uppercased()
        if AgencyCode.matches(compact) {
            self = .agency(try AgencyCode(compact))
            return
        }
        if CodeText.isDigits(compact) {
            switch compact.count {
            case 12: self = .cccd(try CCCD(compact))
            case 9: self = .cmnd(try CMND(compact))
            case 10, 13: self = .mst(try MST(compact))
            default:
                throw CodeError("OwnerIdentifier", value: string, reason: .wrongLength,
                                detail: "it has \(compact.count) digits but an owner id has 12 (CCCD), 9 (CMND) or 10/13 (MST); re-read the number")
            }
            return
        }
        if compact.count == 14, compact.dropFirst(10).first == "-" {
            self = .mst(try MST(compact))
            return
        }
        if compact.count == 8, let first = compact.first, first.isASCII, first.isLetter, CodeText.isDigits(compact.dropFirst()) {
            self = .passport(compact)
            return
        }
        throw CodeError("OwnerIdentifier", value: string, reason: .badFormat,
                        detail: "an owner id is a CCCD (12 digits), a CMND (9 digits), an MST (10 digits or NNNNNNNNNN-NNN), a passport (a letter and 7 digits), or an agency code (000.12.34.H56) for the agency's own archive; re-read it")
    }

    /// The owner identifier as stored (`partyIdentifier.kind` and `value`).
    public init(kind: String, value: String) throws(CodeError) {
        switch kind {
        case "cccd": self = .cccd(try CCCD(value))
        case "cmnd": self = .cmnd(try CMND(value))
        case "mst": self = .mst(try MST(value))
        case "agency": self = .agency(try AgencyCode(value))
        default: self = try OwnerIdentifier(value)
        }
    }

    /// `cccd`, `cmnd`, `mst`, `passport` or `agency`.
    public var kind: String {
        switch self {
        case .cccd: "cccd"
        case .cmnd: "cmnd"
        case .mst: "mst"
        case .passport: "passport"
        case .agency: "agency"
        }
    }

    /// True for an agency's own archive: not a citizen's or organisation's personal store, never a dossier's owner.
    public var isAgencyArchive: Bool {
        if case .agency = self { return true }
        return false
    }

    /// The normalised identifier.
    public var value: String {
        switch self {
        case .cccd(let c): c.rawValue
        case .cmnd(let c): c.rawValue
        case .mst(let m): m.rawValue
        case .passport(let p): p
        case .agency(let a): a.rawValue
        }
    }

    /// The normalised identifier (same as `value`).
    public var rawValue: String { value }
}
