import Foundation

/// A dossier with its full event history: the input from which statistics for any past period are
/// recomputed without drift.
public struct DossierRecord: Sendable, Hashable {
    /// Dossier code (`MaHoSo`).
    public let code: String
    /// Receiving agency.
    public let agency: String
    /// Procedure code (`MaTTHC`).
    public let procedure: String
    /// Procedure field (`MaLinhVuc`).
    public let field: String
    /// Submission channel.
    public let channel: SubmissionChannel
    /// Processing time of the procedure (or the recorded intake due date).
    public let deadline: ProcessingDeadline
    /// History in chronological order.
    public let events: [DossierEvent]

    /// Creates a record; the history is checked when it is used.
    public init(
        code: String, agency: String, procedure: String, field: String, channel: SubmissionChannel,
        deadline: ProcessingDeadline, events: [DossierEvent]
    ) {
        self.code = code
        self.agency = agency
        self.procedure = procedure
        self.field = field
        self.channel = channel
        self.deadline = deadline
        self.events = events
    }

    /// The dossier as it stood at the end of `date`.
    public func timeline(asOf date: CalendarDate, lifecycle: DossierLifecycle) throws(LifecycleError) -> DossierTimeline {
        try lifecycle.timeline(of: events, deadline: deadline, asOf: date)
    }

    /// The statistics fact as of the end of `date`; nil when the dossier had no event yet.
    public func fact(asOf date: CalendarDate, lifecycle: DossierLifecycle) throws(LifecycleError) -> DossierFact? {
        let timeline = try timeline(asOf: date, lifecycle: lifecycle)
        guard let status = timeline.status else { return nil }
        let done: CalendarDate? =
            switch status {
            case .processed, .returned: timeline.finished
            case .withdrawn: timeline.withdrawn
            default: nil
            }
        return DossierFact(
            unchecked: code, agency: agency, procedure: procedure, field: field, channel: channel,
            status: status, received: timeline.received, due: timeline.due, done: done)
    }
}
