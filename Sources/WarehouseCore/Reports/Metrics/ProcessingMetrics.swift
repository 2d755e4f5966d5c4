import Foundation

/// The 13 monthly processing metrics of a period `[T0, T1]` (DOMAIN.md §5), plus the channel split
/// of #1 and the withdrawn carry-overs.
///
/// Counts are stored; the four percentages are derived from them (Double, never integer division,
/// 0 when the denominator is 0). The JSON form uses the field names of the reporting systems
/// (`sonhantrongky`, …, `phantramchuaxulytrehan`); decoding reads the counts and ignores the
/// percentages, which are recomputed.
///
/// Rules, all judged at the end of T1 on dates (never times):
/// - Counted at all: accepted (`received`) on or before T1, not closed before T0, and not withdrawn
///   within the period in which it was received. Statuses 1 and 3 have no acceptance and never count.
/// - A withdrawal (7) of a dossier carried over from an earlier period closes it in this period: it
///   counts in #2, and in #4 as on time or late by its withdrawal date, and in ``withdrawnCarryOver``.
///   This keeps #2 of month m+1 equal to #9 of month m.
/// - Closed (finished or withdrawn) after T1 counts as still open at T1.
/// - On time: `done <= due`; within time while open: `due >= T1`; no due date is always in time.
public struct ProcessingMetrics: Sendable, Hashable {
    /// #1 `sonhantrongky`: accepted in the period, `T0 <= received <= T1`.
    public var receivedInPeriod = 0
    /// #1 split: `sonhantrongkytructiep`, submitted at the counter.
    public var receivedInPerson = 0
    /// #1 split: `sonhantrongkytructuyen`, submitted online.
    public var receivedOnline = 0
    /// #1 split: `sonhantrongkybcci`, submitted by public post (BCCI).
    public var receivedByPost = 0
    /// #2 `sotonkytruoc`: accepted before T0 and still open at T0.
    public var carriedOver = 0
    /// #3 `tongsoxuly`: #1 + #2.
    public var total = 0
    /// #4 `tongdaxuly`: closed in the period (finished, or a carried-over dossier withdrawn).
    public var processed = 0
    /// #5 `tongxulydunghan`: of #4, `done <= due` (early or on the day).
    public var processedOnTime = 0
    /// #7 `tongxulytrehan`: of #4, `done > due`.
    public var processedLate = 0
    /// #9 `tongchuaxuly`: of #3, still open at T1 (#3 − #4; includes paused 5, 6, 8).
    public var unprocessed = 0
    /// #10 `tongchuaxulytronghan`: of #9, `due >= T1` or no due date.
    public var unprocessedWithinTime = 0
    /// #12 `tongchuaxulytrehan`: of #9, `due < T1`.
    public var unprocessedOverdue = 0
    /// `sotonkytruocdarut` (not one of the 13): of #2 and #4, carried-over dossiers withdrawn in the period.
    public var withdrawnCarryOver = 0

    /// All counts zero.
    public init() {}

    /// #6 `phantramxulydunghan`: #5 / #4 × 100.
    public var processedOnTimePercent: Double { Self.percent(processedOnTime, of: processed) }
    /// #8 `phantramxulytrehan`: #7 / #4 × 100.
    public var processedLatePercent: Double { Self.percent(processedLate, of: processed) }
    /// #11 `phantramchuaxulytronghan`: #10 / #9 × 100.
    public var unprocessedWithinTimePercent: Double { Self.percent(unprocessedWithinTime, of: unprocessed) }
    /// #13 `phantramchuaxulytrehan`: #12 / #9 × 100.
    public var unprocessedOverduePercent: Double { Self.percent(unprocessedOverdue, of: unprocessed) }

    /// `part / whole × 100` in floating point; 0 when `whole` is 0.
    public static func percent(_ part: Int, of whole: Int) -> Double {
        whole == 0 ? 0 : Double(part) * 100 / Double(whole)
    }

    /// Sum of two sets of metrics (e.g. groups into a total).
    public static func + (lhs: ProcessingMetrics, rhs: ProcessingMetrics) -> ProcessingMetrics {
        var sum = lhs
        sum.receivedInPeriod += rhs.receivedInPeriod
        sum.receivedInPerson += rhs.receivedInPerson
        sum.receivedOnline += rhs.receivedOnline
        sum.receivedByPost += rhs.receivedByPost
        sum.carriedOver += rhs.carriedOver
        sum.total += rhs.total
        sum.processed += rhs.processed
        sum.processedOnTime += rhs.processedOnTime
        sum.processedLate += rhs.processedLate
        sum.unprocessed += rhs.unprocessed
        sum.unprocessedWithinTime += rhs.unprocessedWithinTime
        sum.unprocessedOverdue += rhs.unprocessedOverdue
        sum.withdrawnCarryOver += rhs.withdrawnCarryOver
        return sum
    }
}

// MARK: - JSON

extension ProcessingMetrics: Codable {
    private enum CodingKeys: String, CodingKey {
        case receivedInPeriod = "sonhantrongky"
        case receivedInPerson = "sonhantrongkytructiep"
        case receivedOnline = "sonhantrongkytructuyen"
        case receivedByPost = "sonhantrongkybcci"
        case carriedOver = "sotonkytruoc"
        case total = "tongsoxuly"
        case processed = "tongdaxuly"
        case processedOnTime = "tongxulydunghan"
        case processedOnTimePercent = "phantramxulydunghan"
        case processedLate = "tongxulytrehan"
        case processedLatePercent = "phantramxulytrehan"
        case unprocessed = "tongchuaxuly"
        case unprocessedWithinTime = "tongchuaxulytronghan"
        case unprocessedWithinTimePercent = "phantramchuaxulytronghan"
        case unprocessedOverdue = "tongchuaxulytrehan"
        case unprocessedOverduePercent = "phantramchuaxulytrehan"
        case withdrawnCarryOver = "sotonkytruocdarut"
    }

    /// The JSON field names, in metric order (#1 … #13), then the channel split and `sotonkytruocdarut`.
    public static let jsonFieldNames: [String] = [
        CodingKeys.receivedInPeriod, .carriedOver, .total, .processed, .processedOnTime, .processedOnTimePercent,
        .processedLate, .processedLatePercent, .unprocessed, .unprocessedWithinTime, .unprocessedWithinTimePercent,
        .unprocessedOverdue, .unprocessedOverduePercent, .receivedInPerson, .receivedOnline, .receivedByPost,
        .withdrawnCarryOver,
    ].map(\.rawValue)

    /// Decodes the counts; percentages in the input are ignored and recomputed.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        receivedInPeriod = try c.decode(Int.self, forKey: .receivedInPeriod)
        receivedInPerson = try c.decodeIfPresent(Int.self, forKey: .receivedInPerson) ?? 0
        receivedOnline = try c.decodeIfPresent(Int.self, forKey: .receivedOnline) ?? 0
        receivedByPost = try c.decodeIfPresent(Int.self, forKey: .receivedByPost) ?? 0
        carriedOver = try c.decode(Int.self, forKey: .carriedOver)
        total = try c.decode(Int.self, forKey: .total)
        processed = try c.decode(Int.self, forKey: .processed)
        processedOnTime = try c.decode(Int.self, forKey: .processedOnTime)
        processedLate = try c.decode(Int.self, forKey: .processedLate)
        unprocessed = try c.decode(Int.self, forKey: .unprocessed)
        unprocessedWithinTime = try c.decode(Int.self, forKey: .unprocessedWithinTime)
        unprocessedOverdue = try c.decode(Int.self, forKey: .unprocessedOverdue)
        withdrawnCarryOver = try c.decodeIfPresent(Int.self, forKey: .withdrawnCarryOver) ?? 0
    }

    /// Encodes every count and the four percentages.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(receivedInPeriod, forKey: .receivedInPeriod)
        try c.encode(receivedInPerson, forKey: .receivedInPerson)
        try c.encode(receivedOnline, forKey: .receivedOnline)
        try c.encode(receivedByPost, forKey: .receivedByPost)
        try c.encode(carriedOver, forKey: .carriedOver)
        try c.encode(total, forKey: .total)
        try c.encode(processed, forKey: .processed)
        try c.encode(processedOnTime, forKey: .processedOnTime)
        try c.encode(processedOnTimePercent, forKey: .processedOnTimePercent)
        try c.encode(processedLate, forKey: .processedLate)
        try c.encode(processedLatePercent, forKey: .processedLatePercent)
        try c.encode(unprocessed, forKey: .unprocessed)
        try c.encode(unprocessedWithinTime, forKey: .unprocessedWithinTime)
        try c.encode(unprocessedWithinTimePercent, forKey: .unprocessedWithinTimePercent)
        try c.encode(unprocessedOverdue, forKey: .unprocessedOverdue)
        try c.encode(unprocessedOverduePercent, forKey: .unprocessedOverduePercent)
        try c.encode(withdrawnCarryOver, forKey: .withdrawnCarryOver)
    }
}
