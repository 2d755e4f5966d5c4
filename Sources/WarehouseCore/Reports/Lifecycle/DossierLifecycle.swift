import Foundation

/// The rules that turn a dossier's event history into dates: the working calendar and the statuses
/// that stop the processing clock.
///
/// ```swift
/// let lifecycle = DossierLifecycle(calendar: .vietnam2024to2026)
/// let timeline = try lifecycle.timeline(of: events, deadline: .workingDays(5), asOf: periodEnd)
/// timeline.status, timeline.due, timeline.finished
/// ```
public struct DossierLifecycle: Sendable, Hashable {
    /// Working days used for due dates and clock stops.
    public let calendar: WorkingCalendar
    /// Statuses during which the processing time does not run. Only 5, 6 and 8 are honoured.
    public let clockStoppingStatuses: Set<DossierStatus>

    /// Statuses that may stop the clock: the three "paused" statuses 5, 6 and 8.
    public static let pausingStatuses: Set<DossierStatus> = [
        .supplementRequested, .financialObligationRequested, .suspended,
    ]

    /// Creates the rules.
    ///
    /// - Parameters:
    ///   - calendar: the official working days.
    ///   - clockStoppingStatuses: statuses during which the clock stops; by default only 5 (supplement
    ///     requested). Add 6 where the province does not count time spent on fees; values outside
    ///     5, 6, 8 are ignored.
    public init(calendar: WorkingCalendar, clockStoppingStatuses: Set<DossierStatus> = [.supplementRequested]) {
        self.calendar = calendar
        self.clockStoppingStatuses = clockStoppingStatuses.intersection(Self.pausingStatuses)
    }

    /// Checks that `events` is a legal history: dated in order, starting at 1 or 2, and moving only
    /// along the transitions of ``DossierStatus``.
    public static func validate(_ events: [DossierEvent]) throws(LifecycleError) {
        var current: DossierStatus?
        var previousDate: CalendarDate?
        for (index, event) in events.enumerated() {
            if let previousDate, event.date < previousDate {
                throw .outOfOrder(index: index, date: event.date, previous: previousDate)
            }
            if let current {
                guard current.canMove(to: event.status) else {
                    throw .illegalTransition(from: current, to: event.status, on: event.date)
                }
            } else if !DossierStatus.initial.contains(event.status) {
                throw .invalidStart(event.status, on: event.date)
            }
            current = event.status
            previousDate = event.date
        }
    }

    /// The dossier as it stood at the end of `asOf`: the events dated on or before it are applied,
    /// later ones ignored, so the answer for a past date never changes when history grows.
    ///
    /// - Due date: computed when the dossier enters 2 (``ProcessingDeadline``), then moved later by
    ///   the working days spent in a clock-stopping status. A stop from day `s` to day `e` (the day
    ///   the dossier leaves it) lasts the working days `d` with `s < d <= e`: the day the supplement is
    ///   requested counts as processing time, the day it is received does not, like the day of receipt.
    ///   A stop still running at `asOf` counts up to `asOf`, so a paused dossier that had time left is
    ///   never overdue while paused, and one paused after its due date stays overdue.
    /// - Throws: ``LifecycleError`` when the whole history (including events after `asOf`) is not legal.
    public func timeline(
        of events: [DossierEvent], deadline: ProcessingDeadline, asOf: CalendarDate
    ) throws(LifecycleError) -> DossierTimeline {
        if case .workingDays(let days) = deadline, days < 0 { throw .negativeProcessingTime(days) }
        try Self.validate(events)

        var timeline = DossierTimeline(asOf: asOf)
        var openStop: (status: DossierStatus, start: CalendarDate)?
        // Events are sorted, so the prefix up to asOf is exactly the history known at asOf.
        for event in events.prefix(while: { $0.date <= asOf }) {
            if let stop = openStop {
                let days = calendar.workingDays(from: stop.start, to: event.date)
                timeline.clockStops.append(ClockStop(status: stop.status, start: stop.start, end: event.date, workingDays: days))
                openStop = nil
            }
            switch event.status {
            case .registered: timeline.registered = event.date
            case .accepted:
                timeline.received = event.date
                timeline.initialDue = initialDue(receivedOn: event.date, deadline: deadline)
            case .notAccepted: timeline.refused = event.date
            case .processed: timeline.finished = event.date
            case .returned: timeline.returned = event.date
            case .withdrawn: timeline.withdrawn = event.date
            case .inProgress, .supplementRequested, .financialObligationRequested, .suspended: break
            }
            if clockStoppingStatuses.contains(event.status) { openStop = (event.status, event.date) }
            timeline.status = event.status
        }
        if let stop = openStop {
            let days = calendar.workingDays(from: stop.start, to: asOf)
            timeline.clockStops.append(ClockStop(status: stop.status, start: stop.start, end: nil, workingDays: days))
        }
        if let initialDue = timeline.initialDue {
            timeline.due = calendar.addWorkingDays(timeline.stoppedWorkingDays, to: initialDue)
        }
        return timeline
    }

    private func initialDue(receivedOn received: CalendarDate, deadline: ProcessingDeadline) -> CalendarDate? {
        switch deadline {
        case .workingDays(let days): calendar.dueDate(receivedOn: received, workingDays: days)
        case .dueDate(let date): date
        case .noDeadline: nil
        }
    }
}
