import Foundation
import PropertyBased
import WarehouseCore
import Testing

/// Property tests over random dossiers with random legal histories spanning 18 months.
@Suite("Processing metrics — properties")
struct MetricsPropertyTests {
    let lifecycle = DossierLifecycle(calendar: .vietnam2024to2026)

    /// Up to 40 dossiers, each described by 3–16 choices.
    static let scripts = Gen.int(in: 0...999).array(of: 3...16).array(of: 1...40)

    @Test("every invariant holds in every month, for the total and for every group")
    func invariants() async {
        await propertyCheck(count: 100, input: Self.scripts) { scripts in
            let records = RandomDossiers.records(from: scripts)
            for month in RandomDossiers.months {
                let facts = try ProcessingMetrics.facts(of: records, asOf: month.end, lifecycle: lifecycle)
                let total = ProcessingMetrics(facts: facts, period: month)
                #expect(total.invariantViolations() == [], "\(month)")
                for grouping in MetricsGrouping.allCases {
                    let groups = ProcessingMetrics.grouped(facts: facts, period: month, by: grouping)
                    #expect(groups.allSatisfy { $0.metrics.invariantViolations().isEmpty }, "\(month) by \(grouping)")
                    #expect(groups.map(\.metrics).reduce(ProcessingMetrics(), +) == total, "\(month) by \(grouping)")
                }
            }
        }
    }

    @Test("sotonkytruoc of month m+1 equals tongchuaxuly of month m")
    func carryOver() async {
        await propertyCheck(count: 100, input: Self.scripts) { scripts in
            let records = RandomDossiers.records(from: scripts)
            var previous: ProcessingMetrics?
            for month in RandomDossiers.months {
                let metrics = try ProcessingMetrics(records: records, period: month, lifecycle: lifecycle)
                if let previous {
                    #expect(ProcessingMetrics.carryOverViolation(previous: previous, next: metrics) == nil, "\(month)")
                }
                previous = metrics
            }
        }
    }

    @Test("re-running a past month after later events were added gives the same numbers")
    func rerunIsStable() async {
        await propertyCheck(count: 100, input: Self.scripts) { scripts in
            let records = RandomDossiers.records(from: scripts)
            for month in RandomDossiers.months {
                // What the warehouse knew at the end of the month, against everything known today.
                let then = RandomDossiers.truncated(records, after: month.end)
                let atTheTime = try ProcessingMetrics(records: then, period: month, lifecycle: lifecycle)
                let rerun = try ProcessingMetrics(records: records, period: month, lifecycle: lifecycle)
                #expect(rerun == atTheTime, "\(month)")
                let groupsThen = try ProcessingMetrics.grouped(records: then, period: month, by: .agency, lifecycle: lifecycle)
                let groupsNow = try ProcessingMetrics.grouped(records: records, period: month, by: .agency, lifecycle: lifecycle)
                #expect(groupsNow == groupsThen, "\(month)")
            }
        }
    }

    @Test("a dossier is counted exactly once per month, in #1 or #2, until it closes")
    func countedUntilClosed() async {
        await propertyCheck(count: 100, input: Self.scripts) { scripts in
            let records = RandomDossiers.records(from: scripts)
            for record in records {
                var closed = false
                var seen = false
                for month in RandomDossiers.months {
                    guard let fact = try record.fact(asOf: month.end, lifecycle: lifecycle) else { continue }
                    let bucket = ProcessingMetrics.classify(fact, in: month)
                    if case .counted(let carriedOver, let outcome, _) = bucket {
                        #expect(!closed, "\(record.code) counted again after closing")
                        #expect(carriedOver == seen, "\(record.code) in \(month)")
                        seen = true
                        closed = outcome == .processedOnTime || outcome == .processedLate
                    } else if seen {
                        #expect(bucket == .closedBeforePeriod, "\(record.code) in \(month)")
                        #expect(closed, "\(record.code) dropped while open")
                    }
                }
            }
        }
    }
}

@Suite("Random dossier generator")
struct RandomDossierGeneratorTests {
    @Test("random histories reach every bucket, withdrawals of carry-overs and clock stops")
    func reachesEveryCase() throws {
        let lifecycle = DossierLifecycle(calendar: .vietnam2024to2026)
        var rng = SplitMix64(seed: 20_241_031)
        let scripts = (0..<2_000).map { _ in (0..<Int.random(in: 3...16, using: &rng)).map { _ in Int.random(in: 0...999, using: &rng) } }
        let records = RandomDossiers.records(from: scripts)
        var buckets = Set<String>()
        var withdrawnCarryOvers = 0
        var clockStops = 0
        for month in RandomDossiers.months {
            for record in records {
                guard let fact = try record.fact(asOf: month.end, lifecycle: lifecycle) else { continue }
                let bucket = ProcessingMetrics.classify(fact, in: month)
                switch bucket {
                case .counted(let carriedOver, let outcome, let withdrawn):
                    buckets.insert("\(carriedOver) \(outcome)")
                    if withdrawn { withdrawnCarryOvers += 1 }
                default:
                    buckets.insert("\(bucket)")
                }
                clockStops += try record.timeline(asOf: month.end, lifecycle: lifecycle).clockStops.count
            }
        }
        #expect(buckets.count == 3 + 2 * MetricsOutcome.allCases.count, "\(buckets.sorted())")
        #expect(withdrawnCarryOvers > 0)
        #expect(clockStops > 0)
    }
}
