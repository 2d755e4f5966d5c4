import Foundation

/// A dossier's status, dates and event log as people and scripts see it (`dossier show --json`,
/// `GET /api/dossiers/{code}`, the desk's dossier page).
///
/// Dates that are days (`dueOn`, …) are `yyyy-MM-dd` in Vietnam; instants (`receivedAt`, …) are
/// ISO 8601. The due date is the one as of ``asOf``: while the dossier is paused for a supplement it
/// moves later every working day.
public struct DossierView: Sendable, Codable, Equatable {
    /// One status change.
    public struct Event: Sendable, Codable, Equatable {
        public var seq: Int
        /// The status entered, 1–10.
        public var status: Int
        public var statusName: String
        public var previousStatus: Int?
        /// When it happened.
        public var at: Date
        /// When it was written (later than `at` for a history loaded afterwards).
        public var recordedAt: Date
        /// Who made the change; absent in the view a citizen gets.
        public var actor: String?
        public var note: String?
        /// The due date right after the change.
        public var dueOn: CalendarDate?
    }

    /// A period during which the processing clock stood still.
    public struct Pause: Sendable, Codable, Equatable {
        /// The pausing status (5 unless configured otherwise).
        public var status: Int
        public var start: CalendarDate
        /// Absent while still paused.
        public var end: CalendarDate?
        /// Working days the due date moved by.
        public var workingDays: Int
    }

    public var code: String
    public var procedure: String
    public var agency: String
    public var owner: [DocumentView.Owner]
    /// `KenhThucHien` 1–3.
    public var channel: Int
    public var channelName: String
    /// `TrangThaiHoSo` 1–10.
    public var status: Int
    public var statusName: String
    /// When the current status was entered.
    public var statusAt: Date?
    public var registeredAt: Date?
    public var receivedAt: Date?
    public var finishedAt: Date?
    public var returnedAt: Date?
    public var refusedAt: Date?
    public var withdrawnAt: Date?
    /// Processing time in working days from acceptance, when that is the deadline.
    public var deadlineDays: Int?
    /// Due date fixed at intake, when that is the deadline.
    public var deadlineOn: CalendarDate?
    /// The due date computed at acceptance, before pauses.
    public var initialDueOn: CalendarDate?
    /// The due date as of ``asOf`` (`NgayHenTra`, moved by pauses); absent without a deadline.
    public var dueOn: CalendarDate?
    public var pauses: [Pause]
    /// Working days the due date moved by, in all.
    public var pausedWorkingDays: Int
    /// Open and due before ``asOf`` (quá hạn), or finished after the due date (trễ hạn).
    public var late: Bool
    /// The day this view is for.
    public var asOf: CalendarDate
    /// The statuses the dossier may move to now.
    public var allowedNext: [Int]
    public var events: [Event]

    /// The view of `history` as of the end of `day`.
    ///
    /// - Throws: ``LifecycleError`` if the stored history is not a legal one (it always is when it was
    ///   written through `WarehouseDatabase`).
    public init(_ history: DossierHistory, lifecycle: DossierLifecycle, asOf day: CalendarDate) throws(LifecycleError) {
        let dossier = history.dossier
        let timeline = try history.record.timeline(asOf: day, lifecycle: lifecycle)
        code = dossier.code
        procedure = dossier.procedureCode
        agency = dossier.agencyCode
        owner = history.ownerIdentifiers.map { DocumentView.Owner(kind: $0.kind, value: $0.value) }
        channel = dossier.channel.rawValue
        channelName = dossier.channel.vietnameseName
        status = dossier.status.rawValue
        statusName = dossier.status.vietnameseName
        statusAt = history.events.last?.at
        registeredAt = dossier.registeredAt
        receivedAt = dossier.receivedAt
        finishedAt = dossier.finishedAt
        returnedAt = dossier.returnedAt
        refusedAt = dossier.refusedAt
        withdrawnAt = dossier.withdrawnAt
        deadlineDays = dossier.deadlineDays
        deadlineOn = dossier.deadlineOn
        initialDueOn = timeline.initialDue
        dueOn = timeline.due
        pauses = timeline.clockStops.map { Pause(status: $0.status.rawValue, start: $0.start, end: $0.end, workingDays: $0.workingDays) }
        pausedWorkingDays = timeline.stoppedWorkingDays
        if let due = timeline.due {
            if let finished = timeline.finished {
                late = finished > due
            } else {
                late = (timeline.status?.isOpen ?? false) && due < day
            }
        } else {
            late = false
        }
        asOf = day
        allowedNext = dossier.status.allowedNext.map(\.rawValue).sorted()
        events = history.events.map {
            Event(
                seq: $0.seq, status: $0.status.rawValue, statusName: $0.status.vietnameseName, previousStatus: $0.previousStatus?.rawValue,
                at: $0.at, recordedAt: $0.recordedAt, actor: $0.actor, note: $0.note, dueOn: $0.dueOn)
        }
    }

    /// The view for the dossier's owner: who at the agency made each change stays inside the agency.
    public var forOwner: DossierView {
        var copy = self
        for i in copy.events.indices { copy.events[i].actor = nil }
        return copy
    }
}
