import Foundation

/// When a status change happened, as the person recording it knows it.
public enum EventTime: Sendable, Hashable {
    /// Now: the desk records what it does as it does it.
    case now
    /// At this instant (a history loaded afterwards).
    case at(Date)
    /// Some time on this day (Vietnam), not earlier than the dossier's previous event: a history kept
    /// as dates only, where events of one day follow each other in the order they are recorded.
    case on(CalendarDate)

    /// Reads what `VietnamTime.parse` reads: a date alone is ``on(_:)``, a date and time ``at(_:)``.
    public init?(_ text: String) {
        guard let reading = VietnamTime.parse(text) else { return nil }
        self = reading.hasTime ? .at(reading.instant) : .on(reading.day)
    }

    /// The instant to record, given the previous event's instant (nil for the first event) and the time now.
    public func resolve(after previous: Date?, now: Date) -> Date {
        switch self {
        case .now: return now
        case .at(let instant): return instant
        case .on(let day):
            let start = day.startInVietnam
            guard let previous, CalendarDate(inVietnamAt: previous) == day else { return start }
            return max(start, previous)
        }
    }
}

/// A dossier received: what opens it in the warehouse and its first status.
public struct DossierIntake: Sendable, Hashable {
    public var code: DossierCode
    public var procedure: ProcedureCode
    public var agency: AgencyCode
    /// The owner (chủ hồ sơ).
    public var owner: OwnerIdentifier
    public var channel: SubmissionChannel
    /// 2 (accepted, the usual case at the counter) or 1 (filed online, not yet accepted).
    public var status: DossierStatus
    /// When it was received (or filed, for status 1); nil: see ``defaultReceipt(code:filedAt:)``.
    public var received: EventTime?
    /// The processing time; nil: the procedure's, from the catalogue (no deadline while it does not know).
    public var deadline: ProcessingDeadline?
    /// Who records it.
    public var actor: String
    public var note: String?

    /// Creates an intake; the defaults are those of a dossier accepted at the counter now.
    public init(
        code: DossierCode, procedure: ProcedureCode, agency: AgencyCode, owner: OwnerIdentifier, channel: SubmissionChannel = .inPerson,
        status: DossierStatus = .accepted, received: EventTime? = nil, deadline: ProcessingDeadline? = nil, actor: String,
        note: String? = nil
    ) {
        self.code = code
        self.procedure = procedure
        self.agency = agency
        self.owner = owner
        self.channel = channel
        self.status = status
        self.received = received
        self.deadline = deadline
        self.actor = actor
        self.note = note
    }

    /// When a dossier was received, when nobody said: the dossier code carries the day of receipt
    /// (DOMAIN.md §3.1). Filed that day (the desk, a same-day ingest), the moment of filing is the
    /// receipt; filed on a later day (a backfill of an archive), the start of the code's day. A code
    /// dated after the filing day cannot be the receipt date, so the filing time is kept.
    public static func defaultReceipt(code: String, filedAt: Date) -> Date {
        guard let day = (try? DossierCode(code))?.date, day < CalendarDate(inVietnamAt: filedAt) else { return filedAt }
        return day.startInVietnam
    }
}
