import Foundation

/// How a dossier was submitted, code list `KenhThucHien` (DVCQG), encoded as its number 1–3.
///
/// Named `SubmissionChannel` rather than `Channel` so that it cannot clash with SwiftNIO's `Channel`
/// in files that import both the warehouse core and Hummingbird/NIO.
public enum SubmissionChannel: Int, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// 1 — trực tiếp: at the one-stop counter.
    case inPerson = 1
    /// 2 — trực tuyến: online, through the public-service portal.
    case online = 2
    /// 3 — bưu chính công ích (BCCI): by public postal service.
    case postal = 3

    /// The name in the `KenhThucHien` code list.
    public var vietnameseName: String {
        switch self {
        case .inPerson: "Trực tiếp"
        case .online: "Trực tuyến"
        case .postal: "Bưu chính công ích"
        }
    }

    /// `"<code> <Vietnamese name>"`.
    public var description: String { "\(rawValue) \(vietnameseName)" }
}
