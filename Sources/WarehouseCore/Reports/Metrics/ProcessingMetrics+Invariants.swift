import Foundation

/// An identity the metrics must satisfy (DOMAIN.md §5, "Invariants to test").
public enum MetricsInvariant: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// #3 = #1 + #2.
    case totalIsReceivedPlusCarriedOver = "#3 = #1 + #2"
    /// #3 = #4 + #9.
    case totalIsProcessedPlusUnprocessed = "#3 = #4 + #9"
    /// #4 = #5 + #7.
    case processedIsOnTimePlusLate = "#4 = #5 + #7"
    /// #9 = #10 + #12.
    case unprocessedIsWithinTimePlusOverdue = "#9 = #10 + #12"
    /// #1 = trực tiếp + trực tuyến + BCCI.
    case receivedIsSumOfChannels = "#1 = trực tiếp + trực tuyến + BCCI"
    /// sotonkytruocdarut ≤ min(#2, #4).
    case withdrawnCarryOverIsBounded = "sotonkytruocdarut ≤ min(#2, #4)"
    /// No count is negative.
    case countsAreNonNegative = "every count ≥ 0"
    /// #2 of a month = #9 of the month before (checked across two periods).
    case carriedOverIsPreviousUnprocessed = "#2(m+1) = #9(m)"

    /// The identity, in metric numbers.
    public var description: String { rawValue }
}

/// A broken identity: `left` should equal (or, for bounds, not exceed) `right`.
public struct InvariantViolation: Sendable, Hashable, CustomStringConvertible {
    /// The identity.
    public let invariant: MetricsInvariant
    /// Value of its left-hand side.
    public let left: Int
    /// Value of its right-hand side.
    public let right: Int

    /// Creates a violation record.
    public init(_ invariant: MetricsInvariant, left: Int, right: Int) {
        self.invariant = invariant
        self.left = left
        self.right = right
    }

    /// `"#3 = #1 + #2 broken: 8 vs 7"`.
    public var description: String { "\(invariant) broken: \(left) vs \(right)" }
}

extension ProcessingMetrics {
    /// The identities these counts break; empty when consistent.
    public func invariantViolations() -> [InvariantViolation] {
        var found: [InvariantViolation] = []
        func equal(_ invariant: MetricsInvariant, _ left: Int, _ right: Int) {
            if left != right { found.append(InvariantViolation(invariant, left: left, right: right)) }
        }
        equal(.totalIsReceivedPlusCarriedOver, total, receivedInPeriod + carriedOver)
        equal(.totalIsProcessedPlusUnprocessed, total, processed + unprocessed)
        equal(.processedIsOnTimePlusLate, processed, processedOnTime + processedLate)
        equal(.unprocessedIsWithinTimePlusOverdue, unprocessed, unprocessedWithinTime + unprocessedOverdue)
        equal(.receivedIsSumOfChannels, receivedInPeriod, receivedInPerson + receivedOnline + receivedByPost)
        let bound = min(carriedOver, processed)
        if withdrawnCarryOver > bound {
            found.append(InvariantViolation(.withdrawnCarryOverIsBounded, left: withdrawnCarryOver, right: bound))
        }
        let counts = [
            receivedInPeriod, receivedInPerson, receivedOnline, receivedByPost, carriedOver, total, processed,
            processedOnTime, processedLate, unprocessed, unprocessedWithinTime, unprocessedOverdue, withdrawnCarryOver,
        ]
        if let lowest = counts.min(), lowest < 0 {
            found.append(InvariantViolation(.countsAreNonNegative, left: lowest, right: 0))
        }
        return found
    }

    /// The carry-over identity between consecutive periods: nil when `next.carriedOver == previous.unprocessed`.
    ///
    /// Holds when both are computed from the same histories (or from facts as of each period's end)
    /// and the periods are adjacent.
    public static func carryOverViolation(previous: ProcessingMetrics, next: ProcessingMetrics) -> InvariantViolation? {
        next.carriedOver == previous.unprocessed
            ? nil : InvariantViolation(.carriedOverIsPreviousUnprocessed, left: next.carriedOver, right: previous.unprocessed)
    }
}
