import Foundation

/// A dossier's status and dates as of one day, computed by ``DossierLifecycle/timeline(of:deadline:asOf:)``.
///
/// Field names follow the DVCQG payload in the comments (`NgayTiepNhan`, `NgayHenTra`, …).
public struct DossierTimeline: Sendable, Hashable {
    /// The day this view is for (end of day).
    public let asOf: CalendarDate
    /// Status at the end of ``asOf``; nil when no event is dated on or before it.
    public internal(set) var status: DossierStatus?
    /// Entered 1, filed (`NgayNopHoSo`).
    public internal(set) var registered: CalendarDate?
    /// Entered 2, accepted (`NgayTiepNhan`): the start of the processing time.
    public internal(set) var received: CalendarDate?
    /// Entered 3, refused at intake (`NgayTuChoi`).
    public internal(set) var refused: CalendarDate?
    /// Due date computed at acceptance, before clock stops; nil without a deadline.
    public internal(set) var initialDue: CalendarDate?
    /// Due date (`NgayHenTra` / `NgayHenTraMoi`): ``initialDue`` moved by ``stoppedWorkingDays``.
    public internal(set) var due: CalendarDate?
    /// Entered 9, processing finished (`NgayKetThucXuLy`): the date statistics use as "done".
    public internal(set) var finished: CalendarDate?
    /// Entered 10, result returned (`NgayTra`).
    public internal(set) var returned: CalendarDate?
    /// Entered 7, withdrawn.
    public internal(set) var withdrawn: CalendarDate?
    /// Periods in a clock-stopping status, in order; the last one is open (`end == nil`) when the
    /// dossier is still paused at ``asOf``.
    public internal(set) var clockStops: [ClockStop] = []

    init(asOf: CalendarDate) {
        self.asOf = asOf
    }

    /// Working days the clock was stopped up to ``asOf``.
    public var stoppedWorkingDays: Int {
        clockStops.reduce(0) { $0 + $1.workingDays }
    }

    /// The day the dossier left the open statuses: ``finished`` for 9/10, ``withdrawn`` for 7.
    public var closed: CalendarDate? {
        finished ?? withdrawn
    }
}

/// A period during which the processing clock of a dossier stood still.
public struct ClockStop: Sendable, Hashable {
    /// The pausing status (5 by default).
    public let status: DossierStatus
    /// The day the dossier entered it.
    public let start: CalendarDate
    /// The day it left it; nil while still paused.
    public let end: CalendarDate?
    /// Working days `d` with `start < d <= (end ?? asOf)`.
    public let workingDays: Int

    /// Creates a clock stop.
    public init(status: DossierStatus, start: CalendarDate, end: CalendarDate?, workingDays: Int) {
        self.status = status
        self.start = start
        self.end = end
        self.workingDays = workingDays
    }
}
