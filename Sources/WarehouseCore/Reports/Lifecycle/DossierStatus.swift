import Foundation

/// The status of a one-stop dossier, code list `TrangThaiHoSo` (DVCQG), encoded as its number 1–10.
///
/// Allowed transitions (see ``allowedNext``; one dossier starts at 1 or 2):
///
/// | from | to | meaning |
/// |---|---|---|
/// | 1 Mới đăng ký | 2, 3, 7 | accepted, refused at intake, or withdrawn before acceptance |
/// | 2 Được tiếp nhận | 4, 7 | processing starts |
/// | 4 Đang xử lý | 5, 6, 8, 9, 7 | supplement or fee requested, processing stopped, finished |
/// | 5 Yêu cầu bổ sung | 4, 7 | supplement received: processing resumes (the clock restarts) |
/// | 6 Nghĩa vụ tài chính | 4, 7 | fees paid: processing resumes |
/// | 8 Dừng xử lý | 4, 9, 7 | resumed, or closed with a written answer (refusal) |
/// | 9 Đã xử lý xong | 10 | result handed over |
/// | 3, 7, 10 | — | terminal |
///
/// Every open status may go to 7 (the citizen withdraws); a finished dossier (9) can no longer be
/// withdrawn. Going straight from 2 to 9, or from 4 to 10, is refused: record the intermediate step
/// with the same date instead.
public enum DossierStatus: Int, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// 1 — Mới đăng ký: filed (usually online), not yet accepted.
    case registered = 1
    /// 2 — Được tiếp nhận: accepted; the processing time starts (`NgayTiepNhan`).
    case accepted = 2
    /// 3 — Không được tiếp nhận: refused at intake (`NgayTuChoi`).
    case notAccepted = 3
    /// 4 — Đang xử lý: being processed.
    case inProgress = 4
    /// 5 — Yêu cầu bổ sung giấy tờ: supplement requested; the clock is stopped.
    case supplementRequested = 5
    /// 6 — Yêu cầu thực hiện nghĩa vụ tài chính: fees or taxes requested.
    case financialObligationRequested = 6
    /// 7 — Công dân yêu cầu rút hồ sơ: withdrawn at the citizen's request.
    case withdrawn = 7
    /// 8 — Dừng xử lý: processing stopped.
    case suspended = 8
    /// 9 — Đã xử lý xong: processing finished (`NgayKetThucXuLy`).
    case processed = 9
    /// 10 — Đã trả kết quả: result returned (`NgayTra`).
    case returned = 10

    /// The name in the `TrangThaiHoSo` code list.
    public var vietnameseName: String {
        switch self {
        case .registered: "Mới đăng ký"
        case .accepted: "Được tiếp nhận"
        case .notAccepted: "Không được tiếp nhận"
        case .inProgress: "Đang xử lý"
        case .supplementRequested: "Yêu cầu bổ sung giấy tờ"
        case .financialObligationRequested: "Yêu cầu thực hiện nghĩa vụ tài chính"
        case .withdrawn: "Công dân yêu cầu rút hồ sơ"
        case .suspended: "Dừng xử lý"
        case .processed: "Đã xử lý xong"
        case .returned: "Đã trả kết quả"
        }
    }

    /// `"<code> <Vietnamese name>"`, e.g. `"5 Yêu cầu bổ sung giấy tờ"`.
    public var description: String { "\(rawValue) \(vietnameseName)" }

    /// Accepted and not yet closed: 2, 4, 5, 6 and 8. These dossiers are "chưa xử lý" in the statistics.
    public var isOpen: Bool {
        switch self {
        case .accepted, .inProgress, .supplementRequested, .financialObligationRequested, .suspended: true
        default: false
        }
    }

    /// Processing finished: 9 or 10.
    public var isFinished: Bool { self == .processed || self == .returned }

    /// No transition leaves this status: 3, 7 and 10.
    public var isTerminal: Bool { allowedNext.isEmpty }

    /// Statuses a dossier may start in: 1 (filed online, awaiting acceptance) or 2 (accepted at the counter).
    public static let initial: Set<DossierStatus> = [.registered, .accepted]

    /// The statuses this one may move to; see the table on ``DossierStatus``.
    public var allowedNext: Set<DossierStatus> {
        switch self {
        case .registered: [.accepted, .notAccepted, .withdrawn]
        case .accepted: [.inProgress, .withdrawn]
        case .inProgress: [.supplementRequested, .financialObligationRequested, .suspended, .processed, .withdrawn]
        case .supplementRequested, .financialObligationRequested: [.inProgress, .withdrawn]
        case .suspended: [.inProgress, .processed, .withdrawn]
        case .processed: [.returned]
        case .notAccepted, .withdrawn, .returned: []
        }
    }

    /// Whether a dossier in this status may move to `next`.
    public func canMove(to next: DossierStatus) -> Bool {
        allowedNext.contains(next)
    }
}
