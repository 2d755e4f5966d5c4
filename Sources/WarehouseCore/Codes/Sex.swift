import Foundation

/// Sex as printed on Vietnamese papers.
public enum Sex: String, Sendable, Hashable, Codable, CaseIterable {
    /// Nam (male).
    case male = "Nam"
    /// Nữ (female).
    case female = "Nữ"
}
