import Foundation

/// A run of digits found in text.
struct NumberHit {
    /// The digits (look-alikes repaired, spaces removed).
    let digits: String
    /// True when letters had to be read as digits.
    let repaired: Bool
}
