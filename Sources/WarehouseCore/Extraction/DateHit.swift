import Foundation

/// A date found in text.
struct DateHit {
    /// The date when it is real.
    let date: CalendarDate?
    /// `yyyy-MM-dd` when real, else the digits as read (`dd/mm/yyyy`).
    let value: String
    /// True when look-alike letters had to be read as digits.
    let repaired: Bool
    /// Where the date is in the folded text.
    let range: Range<String.Index>
}
