import Foundation

/// Why a dossier could not be opened or its status changed. Every case names the dossier.
public enum DossierError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No dossier with this code.
    case notFound(String)
    /// `dossier open` for a code that is already in the warehouse.
    case alreadyExists(String, status: DossierStatus)
    /// A dossier must start at 1 or 2.
    case invalidStart(String, DossierStatus)
    /// The transition is not in the table of ``DossierStatus``.
    case illegalTransition(String, from: DossierStatus, to: DossierStatus)
    /// The change is dated before the dossier's previous event.
    case outOfOrder(String, at: Date, previous: Date)
    /// The change is dated in the future.
    case inFuture(String, at: Date)
    /// A due date fixed at intake that is before the day the dossier was accepted.
    case dueBeforeReceipt(String, due: CalendarDate, received: CalendarDate)
    /// A processing time below zero.
    case negativeProcessingTime(String, Int)
    /// The dossier exists for another procedure or agency.
    case conflict(String)
    /// The database failed.
    case store(StoreError)

    /// One sentence naming the dossier, the problem and the fix.
    public var description: String {
        switch self {
        case .notFound(let code):
            return "There is no dossier \(code) in the warehouse; check the code, or open it with `warehouse dossier open`."
        case .alreadyExists(let code, let status):
            return "Dossier \(code) is already in the warehouse (status \(status)); change its status with `warehouse dossier status`."
        case .invalidStart(let code, let status):
            return "Dossier \(code) cannot start at \(status); a dossier starts at 1 (Mới đăng ký) or 2 (Được tiếp nhận)."
        case .illegalTransition(let code, let from, let to):
            let next = from.allowedNext.sorted { $0.rawValue < $1.rawValue }
            let allowed =
                next.isEmpty
                ? "\(from) is final: no status may follow it"
                : "from \(from.rawValue) it may go to " + next.map { "\($0)" }.joined(separator: ", ")
            return "Dossier \(code) cannot move from \(from) to \(to): \(allowed)."
        case .outOfOrder(let code, let at, let previous):
            return "Dossier \(code): the change is dated \(VietnamTime.display(at)), before its previous event (\(VietnamTime.display(previous))); "
                + "record events in the order they happened."
        case .inFuture(let code, let at):
            return "Dossier \(code): the change is dated \(VietnamTime.display(at)) (Vietnam time), which is in the future."
        case .dueBeforeReceipt(let code, let due, let received):
            return "Dossier \(code): the due date \(due) is before the day it was accepted (\(received)); check the appointment date on the receipt."
        case .negativeProcessingTime(let code, let days):
            return "Dossier \(code): the processing time is \(days) working days; it must be zero or more."
        case .conflict(let why):
            return why
        case .store(let error):
            return error.description
        }
    }
}
