import Crypto
import Foundation

/// The outcome of checking a seal, worst first.
public enum SealVerdict: String, Codable, Sendable, CaseIterable {
    case valid
    case invalidSignature = "invalid-signature"
    case unknownKey = "unknown-key"
    case malformed
    case expired
    case revoked

    /// Exit code of `warehouse verify`: distinct per verdict.
    public var exitCode: Int32 {
        switch self {
        case .valid: 0
        case .invalidSignature: 10
        case .unknownKey: 11
        case .malformed: 12
        case .expired: 13
        case .revoked: 14
        }
    }
}

/// What `verify` reports.
public struct SealCheck: Codable, Sendable {
    public var verdict: SealVerdict
    /// One sentence on why, for people.
    public var reason: String
    public var fields: [String: String]
    /// The seal text as read.
    public var payload: String?
    /// Online checks against the warehouse; nil when not asked for.
    public var online: Online?

    public init(verdict: SealVerdict, reason: String, fields: [String: String], payload: String?, online: Online?) {
        self.verdict = verdict
        self.reason = reason
        self.fields = fields
        self.payload = payload
        self.online = online
    }

    public struct Online: Codable, Sendable {
        /// The warehouse knows this result.
        public var known: Bool
        public var revoked: Bool
        public var revokedReason: String?
        /// The warehouse holds the very document whose digest the seal carries.
        public var warehouseDocumentMatches: Bool
        /// The file given to `verify` is the filed original or the sealed copy (nil for `--payload`).
        public var fileMatches: Bool?

        public init(known: Bool, revoked: Bool, revokedReason: String?, warehouseDocumentMatches: Bool, fileMatches: Bool?) {
            self.known = known
            self.revoked = revoked
            self.revokedReason = revokedReason
            self.warehouseDocumentMatches = warehouseDocumentMatches
            self.fileMatches = fileMatches
        }
    }
}

extension SealCheck {
    /// Adds what the warehouse knows of the result (`--online`, the verify page): known, revoked, and whether
    /// the filed original is the document the seal names. A revoked result's verdict becomes `revoked`.
    public mutating func apply(warehouse record: ResultRecord?, fileMatches: Bool?) {
        // Only a genuine seal is looked up: a forged one must not learn whether a result exists, or why it was revoked.
        guard verdict == .valid || verdict == .expired else { return }
        online = Online(
            known: record != nil, revoked: record?.revokedAt != nil, revokedReason: record?.revokedReason,
            warehouseDocumentMatches: record.map { $0.originalBlobId == fields["documentSHA256"] } ?? false, fileMatches: fileMatches)
        if record?.revokedAt != nil, verdict == .valid || verdict == .expired {
            verdict = .revoked
            reason = "the seal is genuine, but the result was revoked: \(record?.revokedReason ?? "")"
        } else if record != nil, fileMatches == false {
            // A digital copy (a PDF) that is not the file issued: its QR is genuine, its content may not be.
            reason = "mã QR hợp lệ, nhưng tệp này khác bản đã cấp (the QR code is genuine, but this file is not the one issued: compare it with the sealed copy in the warehouse)"
        }
    }
}

/// Checks seals offline against a published key set.
public struct SealVerifier: Sendable {
    public let keys: PublicKeySet

    public init(keys: PublicKeySet) {
        self.keys = keys
    }

    /// Checks seal text; `today` decides expiry (a result valid until a day is valid through that day, Vietnam time).
    public func check(_ text: String, today: Date = Date()) -> SealCheck {
        let seal: ParsedSeal
        do {
            seal = try ParsedSeal(text)
        } catch {
            return SealCheck(verdict: .malformed, reason: error.description, fields: [:], payload: text, online: nil)
        }
        let fields = Self.fields(seal.payload)
        guard let key = keys.verifier(seal.payload.keyId) else {
            return SealCheck(
                verdict: .unknownKey,
                reason: "the seal was signed by key \(seal.payload.keyId), which is not among the \(keys.keys.count) published keys of \(keys.issuer)",
                fields: fields, payload: text, online: nil)
        }
        guard key.isValidSignature(seal.signature, for: Array(seal.signedText.utf8)) else {
            return SealCheck(
                verdict: .invalidSignature, reason: "invalid signature", fields: [:], payload: text, online: nil)
        }
        if case .until(let day) = seal.payload.validity {
            if CalendarDate(inVietnamAt: today).iso > day {
                return SealCheck(
                    verdict: .expired, reason: "the signature is genuine, but the result was valid until \(day)", fields: fields,
                    payload: text, online: nil)
            }
        }
        return SealCheck(
            verdict: .valid, reason: "the signature is genuine (key \(seal.payload.keyId) of \(keys.issuer))", fields: fields,
            payload: text, online: nil)
    }

    /// The payload as named fields (stable keys for `--json`).
    static func fields(_ p: SealPayload) -> [String: String] {
        var out: [String: String] = [
            "resultCode": p.resultCode, "dossierCode": p.dossierCode, "procedureCode": p.procedureCode, "ownerId": p.ownerId,
            "documentName": p.documentName, "issuingSystem": p.issuingSystem,
            "issuedAt": SealPayload.formatter("yyyy-MM-dd'T'HH:mmxxx").string(from: p.issuedAt), "scope": p.scope,
            "resultType": p.resultType, "number": p.number, "documentSHA256": p.documentDigest.hexString, "keyId": p.keyId,
        ]
        switch p.validity {
        case .permanent: out["validity"] = "permanent"
        case .until(let day): out["validUntil"] = day
        case .unstated: out["validity"] = "unstated"
        }
        return out
    }
}
