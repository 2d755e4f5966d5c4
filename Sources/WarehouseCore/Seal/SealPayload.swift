import Crypto
import Foundation

/// What a seal says about an issued result: the fields Circular 01/2023 Art. 26 requires, plus the
/// digest of the unsealed document and the signing key. See docs/seal.md for the wire format.
public struct SealPayload: Sendable, Equatable, Codable {
    /// The format marker and version: the first field of every seal.
    public static let marker = "VNQR1"

    /// `{dossier code}-KQ{n}`; the dossier code (số hồ sơ) is its prefix.
    public var resultCode: String
    /// Mã TTHC.
    public var procedureCode: String
    /// The owner's identifier (CCCD, CMND, MST or passport).
    public var ownerId: String
    /// Tên giấy tờ: the name of the document issued.
    public var documentName: String
    /// Tên hệ thống: the issuing system.
    public var issuingSystem: String
    /// Thời điểm xuất bản, to the minute, Vietnam time (UTC+7).
    public var issuedAt: Date
    /// Thời hạn hiệu lực.
    public var validity: Validity
    /// Phạm vi hiệu lực, e.g. "Toàn quốc"; empty when not stated.
    public var scope: String
    /// Result type (`KQ.G15.000031`).
    public var resultType: String
    /// Số ký hiệu of the document; empty when it has none.
    public var number: String
    /// SHA-256 of the unsealed document's bytes (the original filed in the warehouse).
    public var documentDigest: [UInt8]
    /// Which key signed (first 8 hex digits of the SHA-256 of the public key).
    public var keyId: String

    /// How long a result is valid.
    public enum Validity: Sendable, Equatable, Codable {
        /// Vĩnh viễn.
        case permanent
        /// Valid to the end of this day (yyyy-MM-dd, Vietnam time).
        case until(String)
        /// The document states no validity.
        case unstated
    }

    public init(
        resultCode: String, procedureCode: String, ownerId: String, documentName: String, issuingSystem: String, issuedAt: Date,
        validity: Validity, scope: String, resultType: String, number: String, documentDigest: [UInt8], keyId: String
    ) {
        self.resultCode = resultCode
        self.procedureCode = procedureCode
        self.ownerId = ownerId
        self.documentName = documentName
        self.issuingSystem = issuingSystem
        self.issuedAt = issuedAt
        self.validity = validity
        self.scope = scope
        self.resultType = resultType
        self.number = number
        self.documentDigest = documentDigest
        self.keyId = keyId
    }

    /// The dossier code: the result code without its `-KQn` suffix.
    public var dossierCode: String {
        guard let range = resultCode.range(of: "-KQ", options: .backwards) else { return resultCode }
        return String(resultCode[..<range.lowerBound])
    }

    static func formatter(_ format: String) -> DateFormatter { VietnamTime.formatter(format) }

    /// Text fields may not carry the separator or line breaks.
    static func clean(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping.replacingOccurrences(of: "|", with: "/")
            .components(separatedBy: .newlines).joined(separator: " ").trimmingCharacters(in: .whitespaces)
    }

    /// The signed part: every field up to and including the key id, joined by `|`.
    public var signedText: String {
        let validityText: String
        switch validity {
        case .permanent: validityText = "VV"
        case .until(let day): validityText = day.replacingOccurrences(of: "-", with: "")
        case .unstated: validityText = ""
        }
        return [
            Self.marker, Self.clean(resultCode), Self.clean(procedureCode), Self.clean(ownerId), Self.clean(documentName),
            Self.clean(issuingSystem), Self.formatter("yyyyMMddHHmm").string(from: issuedAt), validityText, Self.clean(scope),
            Self.clean(resultType), Self.clean(number), Base64URL.encode(documentDigest), keyId,
        ].joined(separator: "|")
    }

    /// The complete seal text: the signed part, `|`, and the signature.
    public func sealed(signature: [UInt8]) -> String {
        signedText + "|" + Base64URL.encode(signature)
    }

    /// The seal carried in a URL of the verify page, so that a phone camera opens it: `BASE#PAYLOAD`.
    /// It is an IRI (RFC 3987): Vietnamese letters stay as UTF-8, as in the plain seal, and only ASCII
    /// characters a URL cannot hold (space, `%`, quotes, brackets) are percent-encoded. This keeps the
    /// URL form inside a version-15 symbol; phones percent-encode the rest when they open it.
    public static func url(base: String, seal: String) -> String {
        var allowed = CharacterSet.urlFragmentAllowed
        allowed.insert(charactersIn: "|")
        allowed.remove(charactersIn: "%")
        var out = base + "#"
        for scalar in seal.unicodeScalars {
            if !scalar.isASCII || allowed.contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else {
                out += String(format: "%%%02X", scalar.value)
            }
        }
        return out
    }
}

/// A seal read back: the payload, the exact bytes that were signed, and the signature.
public struct ParsedSeal: Sendable, Equatable {
    public var payload: SealPayload
    public var signedText: String
    public var signature: [UInt8]

    /// Parses seal text, or a URL whose fragment is seal text.
    public init(_ text: String) throws(SealError) {
        var raw = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if !raw.hasPrefix(SealPayload.marker), let hash = raw.firstIndex(of: "#") {
            raw = String(raw[raw.index(after: hash)...]).removingPercentEncoding ?? ""
        }
        raw = raw.precomposedStringWithCanonicalMapping
        let parts = raw.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        guard parts.first == SealPayload.marker else {
            throw .malformed(parts.first.map { "it does not start with \(SealPayload.marker) (found \"\($0.prefix(12))\")" } ?? "empty")
        }
        guard parts.count == 14 else { throw .malformed("it has \(parts.count) fields, a \(SealPayload.marker) seal has 14") }
        // Only ASCII digits reach DateFormatter: a combining mark among them (one Character, two UTF-16 units)
        // made Foundation's formatter trap ("Incorrect range"), from a seal anyone can send to /api/verify.
        guard Self.isDigits(parts[6], count: 12), let issued = SealPayload.formatter("yyyyMMddHHmm").date(from: parts[6]) else {
            throw .malformed("the time of issue \"\(parts[6])\" is not yyyyMMddHHmm")
        }
        let validity: SealPayload.Validity
        switch parts[7] {
        case "VV": validity = .permanent
        case "": validity = .unstated
        default:
            guard Self.isDigits(parts[7], count: 8), let day = SealPayload.formatter("yyyyMMdd").date(from: parts[7]) else {
                throw .malformed("the validity \"\(parts[7])\" is not VV or yyyyMMdd")
            }
            validity = .until(SealPayload.formatter("yyyy-MM-dd").string(from: day))
        }
        guard let digest = Base64URL.decode(parts[11]), digest.count == 32 else {
            throw .malformed("the document digest is not 32 bytes of base64url")
        }
        guard parts[12].count == 8, parts[12].allSatisfy(\.isHexDigit) else { throw .malformed("the key id is not 8 hex digits") }
        guard let signature = Base64URL.decode(parts[13]), signature.count == 64 else {
            throw .malformed("the signature is not 64 bytes of base64url")
        }
        payload = SealPayload(
            resultCode: parts[1], procedureCode: parts[2], ownerId: parts[3], documentName: parts[4], issuingSystem: parts[5],
            issuedAt: issued, validity: validity, scope: parts[8], resultType: parts[9], number: parts[10], documentDigest: digest,
            keyId: parts[12])
        signedText = parts[0..<13].joined(separator: "|")
        self.signature = signature
    }

    /// Exactly `count` ASCII digits.
    static func isDigits(_ text: String, count: Int) -> Bool {
        text.utf8.count == count && text.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
}

/// Why a seal could not be made or read.
public enum SealError: Error, Equatable, CustomStringConvertible {
    case malformed(String)
    case noKey(String)
    case keyStore(String)
    case tooLarge(bytes: Int)

    public var description: String {
        switch self {
        case .malformed(let why): "the seal is malformed: \(why)"
        case .noKey(let why): why
        case .keyStore(let why): "seal keys: \(why)"
        case .tooLarge(let bytes): "the seal payload is \(bytes) bytes, more than a QR code of version 15 at level M holds (412); shorten the document name or scope"
        }
    }
}

/// Base64 with the URL alphabet and no padding (RFC 4648 §5).
enum Base64URL {
    static func encode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ text: String) -> [UInt8]? {
        guard text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else { return nil }
        var base = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base.count % 4 != 0 { base += "=" }
        guard let bytes = Data(base64Encoded: base).map({ Array($0) }) else { return nil }
        // Only the canonical spelling: unused trailing bits that are set would let two texts carry one value.
        return encode(bytes) == text ? bytes : nil
    }
}
