import Foundation

/// The identifier of a document's owner, classified by shape: CCCD, CMND, MST or passport.
public enum OwnerIdentifier: ValidatedCode {
    /// 12 digits: personal identification number.
    case cccd(CCCD)
    /// 9 digits: old identity card.
    case cmnd(CMND)
    /// 10 digits, or 13 as `NNNNNNNNNN-NNN`: tax code of an organisation or household business.
    case mst(MST)
    /// One letter and seven digits: passport number (upper-cased).
    case passport(String)

    /// Classifies and validates an owner id: 12 digits → CCCD, 9 → CMND, 10 or 13 with dash → MST, letter+7 digits → passport.
    public init(_ string: String) throws(CodeError) {
        let compact = CodeText.compact(string).uppercased()
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
                        detail: "an owner id is a CCCD (12 digits), a CMND (9 digits), an MST (10 digits or NNNNNNNNNN-NNN) or a passport (a letter and 7 digits); re-read it")
    }

    /// `cccd`, `cmnd`, `mst` or `passport`.
    public var kind: String {
        switch self {
        case .cccd: "cccd"
        case .cmnd: "cmnd"
        case .mst: "mst"
        case .passport: "passport"
        }
    }

    /// The normalised identifier.
    public var value: String {
        switch self {
        case .cccd(let c): c.rawValue
        case .cmnd(let c): c.rawValue
        case .mst(let m): m.rawValue
        case .passport(let p): p
        }
    }

    /// The normalised identifier (same as `value`).
    public var rawValue: String { value }
}
