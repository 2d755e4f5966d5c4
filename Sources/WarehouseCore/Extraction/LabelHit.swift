import Foundation

/// A value found after a label.
struct LabelHit {
    /// Line of the label.
    let labelLine: Int
    /// Line the value was read from (the label's line or a following one).
    let valueLine: Int
    /// The value as printed, trimmed.
    let value: String
    /// How clean the match was (1 = label with diacritics and value on the same line).
    let factor: Double
}
