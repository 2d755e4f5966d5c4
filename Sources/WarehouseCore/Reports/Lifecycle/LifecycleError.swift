import Foundation

/// Why a dossier history was refused.
public enum LifecycleError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The first event is not 1 (registered) or 2 (accepted).
    case invalidStart(DossierStatus, on: CalendarDate)
    /// The transition is not in the table on ``DossierStatus``.
    case illegalTransition(from: DossierStatus, to: DossierStatus, on: CalendarDate)
    /// An event is dated before the one listed before it.
    case outOfOrder(index: Int, date: CalendarDate, previous: CalendarDate)
    /// A processing time in working days is negative.
    case negativeProcessingTime(Int)

    /// One sentence naming the problem and the fix.
    public var description: String {
        switch self {
        case .invalidStart(let status, let date):
            "The history starts on \(date) with status \(status); it must start with 1 (Mới đăng ký) or 2 (Được tiếp nhận)."
        case .illegalTransition(let from, let to, let date):
            "On \(date) the dossier moves from \(from) to \(to), which is not allowed; record the missing intermediate status."
        case .outOfOrder(let index, let date, let previous):
            "Event \(index) is dated \(date), before the previous event (\(previous)); sort the history by date."
        case .negativeProcessingTime(let days):
            "The processing time is \(days) working days; it must be zero or more."
        }
    }
}
