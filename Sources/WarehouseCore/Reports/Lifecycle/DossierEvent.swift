import Foundation

/// One step of a dossier's history: on `date` (Vietnam local date) the dossier entered `status`.
///
/// A history is a list of events in chronological order; events on the same date apply in list
/// order. It maps to the append-only `dossier_event` table and to `CapNhatTienDoHoSoMC` updates.
public struct DossierEvent: Sendable, Hashable, Codable {
    /// The status entered.
    public let status: DossierStatus
    /// The day it was entered.
    public let date: CalendarDate

    /// Creates an event: the dossier entered `status` on `date`.
    public init(_ status: DossierStatus, on date: CalendarDate) {
        self.status = status
        self.date = date
    }
}

/// The processing time of a dossier's procedure, from which its due date is computed at acceptance.
public enum ProcessingDeadline: Sendable, Hashable {
    /// Due `n` working days after receipt (``WorkingCalendar/dueDate(receivedOn:workingDays:)``).
    case workingDays(Int)
    /// Due on a recorded date (`NgayHenTra` at intake, e.g. imported from another system), before any clock stop.
    case dueDate(CalendarDate)
    /// The procedure has no processing deadline; such dossiers are never late.
    case noDeadline
}
