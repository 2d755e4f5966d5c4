import Foundation

/// Where a result stands for its owner on a given day.
public enum ResultValidity: String, Codable, Sendable {
    case valid
    /// Valid, but for 30 days or fewer.
    case expiring
    case expired
    case revoked

    /// The last days of validity that count as "expires soon".
    public static let warningDays = 30

    public static func of(revoked: Bool, permanent: Bool, validUntil: String?, on today: CalendarDate) -> ResultValidity {
        if revoked { return .revoked }
        guard !permanent, let until = validUntil else { return .valid }
        // ISO dates compare as text.
        if today.iso > until { return .expired }
        if today.adding(days: warningDays).iso >= until { return .expiring }
        return .valid
    }
}

/// A result as a personal store lists it: what the owner needs to choose and reuse it, without the seal's
/// internals (payload, blobs, seal frame, the issuing account).
public struct ResultSummary: Codable, Sendable, Equatable {
    public var resultCode: String
    public var dossierCode: String
    public var resultType: String
    public var documentName: String
    public var number: String?
    public var issuedAt: Date
    /// yyyy-MM-dd, the last day of validity; nil when permanent or unstated.
    public var validUntil: String?
    public var permanent: Bool
    public var revokedAt: Date?
    public var revokedReason: String?
    /// As of the day the list was read (Vietnam time).
    public var validity: ResultValidity

    public init(
        resultCode: String, dossierCode: String, resultType: String, documentName: String, number: String?, issuedAt: Date,
        validUntil: String?, permanent: Bool, revokedAt: Date?, revokedReason: String?, validity: ResultValidity
    ) {
        self.resultCode = resultCode
        self.dossierCode = dossierCode
        self.resultType = resultType
        self.documentName = documentName
        self.number = number
        self.issuedAt = issuedAt
        self.validUntil = validUntil
        self.permanent = permanent
        self.revokedAt = revokedAt
        self.revokedReason = revokedReason
        self.validity = validity
    }
}

extension ResultRecord {
    public func validity(on today: CalendarDate) -> ResultValidity {
        .of(revoked: revokedAt != nil, permanent: permanent, validUntil: validUntil, on: today)
    }
}
