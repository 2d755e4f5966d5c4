import Foundation

/// Where one dossier lands in the statistics of one period; see ``ProcessingMetrics/classify(_:in:)``.
public enum MetricsBucket: Sendable, Hashable {
    /// Not accepted by T1: statuses 1 and 3, withdrawn before acceptance, or accepted after T1.
    case notReceived
    /// Finished or withdrawn before T0: it was counted as closed in an earlier period.
    case closedBeforePeriod
    /// Accepted and withdrawn within this period: excluded (status 7 policy).
    case withdrawnInPeriodOfReceipt
    /// Counted: in #1 or #2, and in exactly one of #5, #7, #10, #12.
    case counted(carriedOver: Bool, outcome: MetricsOutcome, withdrawn: Bool)
}

/// The outcome of a counted dossier at T1.
public enum MetricsOutcome: Sendable, Hashable, CaseIterable {
    /// #5: closed in the period, `done <= due`.
    case processedOnTime
    /// #7: closed in the period, `done > due`.
    case processedLate
    /// #10: open at T1, `due >= T1` or no due date.
    case openWithinTime
    /// #12: open at T1, `due < T1`.
    case openOverdue
}

/// A key to group statistics by.
public enum MetricsGrouping: String, Sendable, Hashable, Codable, CaseIterable {
    /// Receiving agency.
    case agency
    /// Procedure (`MaTTHC`).
    case procedure
    /// Procedure field (`MaLinhVuc`).
    case field

    /// The value of this key for `fact`.
    public func key(of fact: DossierFact) -> String {
        switch self {
        case .agency: fact.agency
        case .procedure: fact.procedure
        case .field: fact.field
        }
    }
}

/// The metrics of one agency, procedure or field.
public struct MetricsGroup: Sendable, Hashable, Codable {
    /// The agency, procedure or field code.
    public let key: String
    /// Its metrics.
    public let metrics: ProcessingMetrics

    /// Creates a group.
    public init(key: String, metrics: ProcessingMetrics) {
        self.key = key
        self.metrics = metrics
    }
}

extension ProcessingMetrics {
    /// Decides where `fact` lands in the statistics of `period`; the audit trail behind every count.
    public static func classify(_ fact: DossierFact, in period: ReportingPeriod) -> MetricsBucket {
        guard let received = fact.received, received <= period.end else { return .notReceived }
        let closure = fact.status.isFinished || fact.status == .withdrawn ? fact.done : nil
        // A closure after T1 is in the future as seen from T1: the dossier was open then.
        let closedAt = closure.flatMap { $0 <= period.end ? $0 : nil }
        if let closedAt, closedAt < period.start { return .closedBeforePeriod }
        let carriedOver = received < period.start
        let withdrawn = fact.status == .withdrawn && closedAt != nil
        if withdrawn && !carriedOver { return .withdrawnInPeriodOfReceipt }
        let outcome: MetricsOutcome
        if let closedAt {
            outcome = fact.due.map { closedAt <= $0 } ?? true ? .processedOnTime : .processedLate
        } else {
            outcome = fact.due.map { $0 >= period.end } ?? true ? .openWithinTime : .openOverdue
        }
        return .counted(carriedOver: carriedOver, outcome: outcome, withdrawn: withdrawn)
    }

    /// The metrics of `period` over `facts` (facts as of the period end; see ``DossierFact``).
    public init(facts: some Sequence<DossierFact>, period: ReportingPeriod) {
        self.init()
        for fact in facts { count(fact, in: period) }
    }

    /// The metrics of `period`, each dossier taken as it stood at the end of T1 in its history.
    ///
    /// - Throws: ``LifecycleError`` for the first dossier whose history is not legal.
    public init(records: some Sequence<DossierRecord>, period: ReportingPeriod, lifecycle: DossierLifecycle)
        throws(LifecycleError)
    {
        self.init(facts: try Self.facts(of: records, asOf: period.end, lifecycle: lifecycle), period: period)
    }

    /// Metrics per agency, procedure or field, sorted by key; keys with nothing counted are left out.
    public static func grouped(
        facts: some Sequence<DossierFact>, period: ReportingPeriod, by grouping: MetricsGrouping
    ) -> [MetricsGroup] {
        var groups: [String: ProcessingMetrics] = [:]
        for fact in facts {
            groups[grouping.key(of: fact), default: ProcessingMetrics()].count(fact, in: period)
        }
        return groups.filter { $0.value.total > 0 }
            .map { MetricsGroup(key: $0.key, metrics: $0.value) }
            .sorted { $0.key < $1.key }
    }

    /// Metrics per agency, procedure or field from event histories, as of the end of T1.
    public static func grouped(
        records: some Sequence<DossierRecord>, period: ReportingPeriod, by grouping: MetricsGrouping,
        lifecycle: DossierLifecycle
    ) throws(LifecycleError) -> [MetricsGroup] {
        grouped(facts: try facts(of: records, asOf: period.end, lifecycle: lifecycle), period: period, by: grouping)
    }

    /// The facts of `records` as of the end of `date`, leaving out dossiers with no event yet.
    public static func facts(
        of records: some Sequence<DossierRecord>, asOf date: CalendarDate, lifecycle: DossierLifecycle
    ) throws(LifecycleError) -> [DossierFact] {
        var facts: [DossierFact] = []
        for record in records {
            if let fact = try record.fact(asOf: date, lifecycle: lifecycle) { facts.append(fact) }
        }
        return facts
    }

    /// Adds one dossier to these counts.
    public mutating func count(_ fact: DossierFact, in period: ReportingPeriod) {
        guard case .counted(let carried, let outcome, let withdrawn) = Self.classify(fact, in: period) else { return }
        total += 1
        if carried {
            carriedOver += 1
        } else {
            receivedInPeriod += 1
            switch fact.channel {
            case .inPerson: receivedInPerson += 1
            case .online: receivedOnline += 1
            case .postal: receivedByPost += 1
            }
        }
        if withdrawn { withdrawnCarryOver += 1 }
        switch outcome {
        case .processedOnTime:
            processed += 1
            processedOnTime += 1
        case .processedLate:
            processed += 1
            processedLate += 1
        case .openWithinTime:
            unprocessed += 1
            unprocessedWithinTime += 1
        case .openOverdue:
            unprocessed += 1
            unprocessedOverdue += 1
        }
    }
}
