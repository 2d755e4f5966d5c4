import Foundation

/// What the monthly statistics need to know about one dossier, as of the end of the period.
///
/// Build facts from event histories with ``DossierRecord/fact(asOf:lifecycle:)`` whenever the history
/// is available: then `status` and `due` are those at T1 and re-running a past month gives the same
/// numbers. Facts holding the *current* status also work for the counts (a closure dated after T1
/// counts as still open at T1), but a due date moved after T1 by a later clock stop would leak in.
public struct DossierFact: Sendable, Hashable, Codable {
    /// Dossier code (`MaHoSo`).
    public let code: String
    /// Receiving agency (`ma_dinh_danh` or portal id).
    public let agency: String
    /// Procedure code (`MaTTHC`).
    public let procedure: String
    /// Procedure field (`MaLinhVuc`).
    public let field: String
    /// Submission channel (`KenhThucHien`).
    public let channel: SubmissionChannel
    /// Status as of the period end (or current status; see the type's notes).
    public let status: DossierStatus
    /// Acceptance date (`NgayTiepNhan`); nil when never accepted.
    public let received: CalendarDate?
    /// Due date (`NgayHenTra`), already moved by clock stops; nil when the procedure has no deadline.
    public let due: CalendarDate?
    /// Closure date: `NgayKetThucXuLy` (entered 9) for statuses 9 and 10, the withdrawal date for 7.
    ///
    /// The statistics use the end of processing, not the return date `NgayTra`: handing over the
    /// result is the citizen's timing, not the agency's.
    public let done: CalendarDate?

    /// Creates a fact after checking that its dates fit its status.
    ///
    /// - Throws: ``DossierFactError`` when an accepted status (2, 4, 5, 6, 8, 9, 10) has no `received`,
    ///   1 or 3 has one, a finished dossier or one withdrawn after acceptance has no `done`, an open
    ///   dossier has a `done`, or `done` is before `received`.
    public init(
        code: String, agency: String, procedure: String, field: String, channel: SubmissionChannel,
        status: DossierStatus, received: CalendarDate?, due: CalendarDate?, done: CalendarDate?
    ) throws(DossierFactError) {
        switch status {
        case .registered, .notAccepted:
            guard received == nil else { throw .receivedWithoutAcceptance(code: code, status: status) }
        case .withdrawn:
            if received != nil, done == nil { throw .missingDone(code: code, status: status) }
        case .processed, .returned:
            guard received != nil else { throw .missingReceived(code: code, status: status) }
            guard done != nil else { throw .missingDone(code: code, status: status) }
        case .accepted, .inProgress, .supplementRequested, .financialObligationRequested, .suspended:
            guard received != nil else { throw .missingReceived(code: code, status: status) }
        }
        if done != nil, !(status.isFinished || status == .withdrawn) {
            throw .doneWhileOpen(code: code, status: status)
        }
        if let received, let done, done < received { throw .doneBeforeReceived(code: code) }
        self.init(
            unchecked: code, agency: agency, procedure: procedure, field: field, channel: channel,
            status: status, received: received, due: due, done: done)
    }

    /// For values that are consistent by construction (from a ``DossierTimeline``).
    init(
        unchecked code: String, agency: String, procedure: String, field: String, channel: SubmissionChannel,
        status: DossierStatus, received: CalendarDate?, due: CalendarDate?, done: CalendarDate?
    ) {
        self.code = code
        self.agency = agency
        self.procedure = procedure
        self.field = field
        self.channel = channel
        self.status = status
        self.received = received
        self.due = due
        self.done = done
    }

    private enum CodingKeys: String, CodingKey {
        case code, agency, procedure, field, channel, status, received, due, done
    }

    /// Decodes and checks a fact (same rules as the initialiser; a broken rule is a `DecodingError`).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let code = try c.decode(String.self, forKey: .code)
        let agency = try c.decode(String.self, forKey: .agency)
        let procedure = try c.decode(String.self, forKey: .procedure)
        let field = try c.decode(String.self, forKey: .field)
        let channel = try c.decode(SubmissionChannel.self, forKey: .channel)
        let status = try c.decode(DossierStatus.self, forKey: .status)
        let received = try c.decodeIfPresent(CalendarDate.self, forKey: .received)
        let due = try c.decodeIfPresent(CalendarDate.self, forKey: .due)
        let done = try c.decodeIfPresent(CalendarDate.self, forKey: .done)
        do {
            try self.init(
                code: code, agency: agency, procedure: procedure, field: field, channel: channel, status: status,
                received: received, due: due, done: done)
        } catch {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: error.description, underlyingError: error))
        }
    }
}

/// Why a ``DossierFact`` was refused.
public enum DossierFactError: Error, Sendable, Hashable, CustomStringConvertible {
    /// An accepted status without an acceptance date.
    case missingReceived(code: String, status: DossierStatus)
    /// Status 1 or 3 with an acceptance date.
    case receivedWithoutAcceptance(code: String, status: DossierStatus)
    /// Finished (9, 10) or withdrawn after acceptance (7) without a closure date.
    case missingDone(code: String, status: DossierStatus)
    /// An open or unaccepted status with a closure date.
    case doneWhileOpen(code: String, status: DossierStatus)
    /// The closure date is before the acceptance date.
    case doneBeforeReceived(code: String)

    /// One sentence naming the problem and the fix.
    public var description: String {
        switch self {
        case .missingReceived(let code, let status):
            "Dossier \(code) has status \(status) but no acceptance date; set received (NgayTiepNhan)."
        case .receivedWithoutAcceptance(let code, let status):
            "Dossier \(code) has status \(status) but an acceptance date; clear received or fix the status."
        case .missingDone(let code, let status):
            "Dossier \(code) has status \(status) but no closure date; set done (NgayKetThucXuLy, or the withdrawal date for 7)."
        case .doneWhileOpen(let code, let status):
            "Dossier \(code) is open (\(status)) but has a closure date; clear done or fix the status."
        case .doneBeforeReceived(let code):
            "Dossier \(code) is closed before it was accepted; check received and done."
        }
    }
}
