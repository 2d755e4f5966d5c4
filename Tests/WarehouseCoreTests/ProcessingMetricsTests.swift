import Foundation
import WarehouseCore
import Testing

@Suite("Processing metrics")
struct ProcessingMetricsTests {
    let october = ReportsFixtures.month(2024, 10)
    let date = ReportsFixtures.date

    @Test("the worked October 2024 fixture of DOMAIN.md §5")
    func octoberFixture() {
        let m = ProcessingMetrics(facts: ReportsFixtures.october2024, period: october)
        #expect(m.receivedInPeriod == 5)
        #expect(m.carriedOver == 3)
        #expect(m.total == 8)
        #expect(m.processed == 4)
        #expect(m.processedOnTime == 2)
        #expect(m.processedOnTimePercent == 50)
        #expect(m.processedLate == 2)
        #expect(m.processedLatePercent == 50)
        #expect(m.unprocessed == 4)
        #expect(m.unprocessedWithinTime == 3)
        #expect(m.unprocessedWithinTimePercent == 75)
        #expect(m.unprocessedOverdue == 1)
        #expect(m.unprocessedOverduePercent == 25)
        #expect(m.receivedInPerson == 2)
        #expect(m.receivedOnline == 2)
        #expect(m.receivedByPost == 1)
        #expect(m.withdrawnCarryOver == 0)
        #expect(m.invariantViolations().isEmpty)
    }

    @Test("each fixture dossier lands where the fixture says")
    func octoberClassification() {
        let buckets = Dictionary(
            uniqueKeysWithValues: ReportsFixtures.october2024.map { ($0.code, ProcessingMetrics.classify($0, in: october)) })
        #expect(buckets["A"] == .counted(carriedOver: true, outcome: .processedOnTime, withdrawn: false))
        #expect(buckets["B"] == .counted(carriedOver: true, outcome: .processedLate, withdrawn: false))
        #expect(buckets["C"] == .counted(carriedOver: true, outcome: .openWithinTime, withdrawn: false))
        #expect(buckets["D"] == .counted(carriedOver: false, outcome: .processedOnTime, withdrawn: false))
        #expect(buckets["E"] == .counted(carriedOver: false, outcome: .processedLate, withdrawn: false))
        #expect(buckets["F"] == .counted(carriedOver: false, outcome: .openOverdue, withdrawn: false))
        #expect(buckets["G"] == .counted(carriedOver: false, outcome: .openWithinTime, withdrawn: false))
        #expect(buckets["H"] == .counted(carriedOver: false, outcome: .openWithinTime, withdrawn: false))
        #expect(buckets["X"] == .closedBeforePeriod)
        #expect(buckets["R"] == .notReceived)
    }

    @Test("the October fixture rebuilt from event histories gives the same numbers")
    func octoberFromHistories() throws {
        func record(_ code: String, _ due: String?, via channel: SubmissionChannel = .online, _ events: [(DossierStatus, String)]) -> DossierRecord {
            DossierRecord(
                code: code, agency: code < "E" ? "000.00.12.H56" : "000.12.34.H56", procedure: "1.001193", field: "HT",
                channel: channel, deadline: due.map { .dueDate(date($0)) } ?? .noDeadline,
                events: events.map { DossierEvent($0.0, on: date($0.1)) })
        }
        let records = [
            record("A", "2024-10-04", [(.accepted, "2024-09-20"), (.inProgress, "2024-09-23"), (.processed, "2024-10-03"), (.returned, "2024-10-03")]),
            record("B", "2024-10-02", [(.accepted, "2024-09-25"), (.inProgress, "2024-09-25"), (.processed, "2024-10-08"), (.returned, "2024-10-09")]),
            record("C", "2024-11-05", [(.accepted, "2024-09-28"), (.inProgress, "2024-09-30")]),
            record("D", "2024-10-09", [(.registered, "2024-10-01"), (.accepted, "2024-10-02"), (.inProgress, "2024-10-02"), (.processed, "2024-10-09")]),
            record("E", "2024-10-14", via: .inPerson, [(.accepted, "2024-10-07"), (.inProgress, "2024-10-07"), (.processed, "2024-10-18"), (.returned, "2024-10-18")]),
            record("F", "2024-10-22", [(.accepted, "2024-10-15"), (.inProgress, "2024-10-15")]),
            // G is paused at T1: its clock stops from 30/10, so it stays within time.
            record("G", "2024-11-04", via: .postal, [(.accepted, "2024-10-28"), (.inProgress, "2024-10-28"), (.supplementRequested, "2024-10-30")]),
            record("H", "2024-11-06", via: .inPerson, [(.accepted, "2024-10-30")]),
            record("X", "2024-09-20", [(.accepted, "2024-09-10"), (.inProgress, "2024-09-10"), (.processed, "2024-09-19"), (.returned, "2024-09-19")]),
            record("R", nil, [(.registered, "2024-10-03"), (.notAccepted, "2024-10-03")]),
            // Later events (November) must not change October.
            record("L", "2024-11-08", [(.accepted, "2024-11-01"), (.inProgress, "2024-11-01")]),
        ]
        let lifecycle = DossierLifecycle(calendar: .vietnam2024to2026)
        let fromHistory = try ProcessingMetrics(records: records, period: october, lifecycle: lifecycle)
        let fromFacts = ProcessingMetrics(facts: ReportsFixtures.october2024, period: october)
        #expect(fromHistory == fromFacts)

        let groups = try ProcessingMetrics.grouped(records: records, period: october, by: .agency, lifecycle: lifecycle)
        #expect(groups.map(\.key) == ["000.00.12.H56", "000.12.34.H56"])
        #expect(groups.map(\.metrics).reduce(ProcessingMetrics(), +) == fromFacts)
        #expect(groups.allSatisfy { $0.metrics.invariantViolations().isEmpty })
        #expect(groups[0].metrics.carriedOver == 3)
        #expect(groups[1].metrics.unprocessedOverdue == 1)
    }

    @Test("JSON uses the reporting field names and Double percentages")
    func json() throws {
        let m = ProcessingMetrics(facts: ReportsFixtures.october2024, period: october)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(m)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == Set(ProcessingMetrics.jsonFieldNames))
        for name in [
            "sonhantrongky", "sotonkytruoc", "tongsoxuly", "tongdaxuly", "tongxulydunghan", "phantramxulydunghan",
            "tongxulytrehan", "phantramxulytrehan", "tongchuaxuly", "tongchuaxulytronghan", "phantramchuaxulytronghan",
            "tongchuaxulytrehan", "phantramchuaxulytrehan",
        ] {
            #expect(object[name] != nil, "missing \(name)")
        }
        #expect(object["sonhantrongky"] as? Int == 5)
        #expect(object["phantramchuaxulytronghan"] as? Double == 75)
        #expect(object["sonhantrongkybcci"] as? Int == 1)
        #expect(try JSONDecoder().decode(ProcessingMetrics.self, from: data) == m)
    }

    @Test("percentages never use integer division and are 0 without a denominator")
    func percentages() {
        #expect(ProcessingMetrics().processedOnTimePercent == 0)
        #expect(ProcessingMetrics().unprocessedOverduePercent == 0)
        #expect(ProcessingMetrics.percent(1, of: 3) == 100.0 / 3)
        #expect(ProcessingMetrics.percent(1, of: 4) == 25)
        #expect(abs(ProcessingMetrics.percent(2, of: 3) + ProcessingMetrics.percent(1, of: 3) - 100) < 1e-9)
    }

    @Test("a carried-over dossier withdrawn in the period closes there; one withdrawn in its month of receipt never counts")
    func withdrawals() {
        let september = ReportsFixtures.month(2024, 9)
        let november = ReportsFixtures.month(2024, 11)
        // Open at the end of September, withdrawn in October after its due date.
        let carried = ReportsFixtures.fact("W1", status: .withdrawn, received: "2024-09-16", due: "2024-09-23", done: "2024-10-10")
        #expect(ProcessingMetrics.classify(carried, in: september) == .counted(carriedOver: false, outcome: .openOverdue, withdrawn: false))
        #expect(ProcessingMetrics.classify(carried, in: october) == .counted(carriedOver: true, outcome: .processedLate, withdrawn: true))
        #expect(ProcessingMetrics.classify(carried, in: november) == .closedBeforePeriod)
        let oct = ProcessingMetrics(facts: [carried], period: october)
        #expect(oct.carriedOver == 1 && oct.processed == 1 && oct.withdrawnCarryOver == 1 && oct.unprocessed == 0)
        #expect(oct.invariantViolations().isEmpty)

        // Received and withdrawn in October: excluded from October and every later month.
        let quick = ReportsFixtures.fact("W2", status: .withdrawn, received: "2024-10-05", due: "2024-10-20", done: "2024-10-20")
        #expect(ProcessingMetrics.classify(quick, in: october) == .withdrawnInPeriodOfReceipt)
        #expect(ProcessingMetrics.classify(quick, in: november) == .closedBeforePeriod)
        // Withdrawn before acceptance (from status 1): never received, never counted.
        let unaccepted = ReportsFixtures.fact("W3", status: .withdrawn, received: nil, due: nil)
        #expect(ProcessingMetrics.classify(unaccepted, in: october) == .notReceived)
    }

    @Test("a withdrawal is judged from the history as of T1, keeping the carry-over identity")
    func withdrawalAcrossMonths() throws {
        let lifecycle = DossierLifecycle(calendar: .vietnam2024to2026)
        let record = DossierRecord(
            code: "W", agency: "a", procedure: "p", field: "f", channel: .online, deadline: .workingDays(10),
            events: [
                DossierEvent(.accepted, on: date("2024-10-28")),
                DossierEvent(.inProgress, on: date("2024-10-28")),
                DossierEvent(.withdrawn, on: date("2024-11-05")),
            ])
        let oct = try ProcessingMetrics(records: [record], period: october, lifecycle: lifecycle)
        let nov = try ProcessingMetrics(records: [record], period: ReportsFixtures.month(2024, 11), lifecycle: lifecycle)
        let dec = try ProcessingMetrics(records: [record], period: ReportsFixtures.month(2024, 12), lifecycle: lifecycle)
        #expect(oct.unprocessed == 1 && oct.unprocessedWithinTime == 1)
        #expect(nov.carriedOver == 1 && nov.processedOnTime == 1 && nov.withdrawnCarryOver == 1)
        #expect(dec.total == 0)
        #expect(ProcessingMetrics.carryOverViolation(previous: oct, next: nov) == nil)
        #expect(ProcessingMetrics.carryOverViolation(previous: nov, next: dec) == nil)
    }

    @Test("a closure after T1 counts as still open at T1")
    func doneAfterPeriodEnd() {
        // A current-status fact: finished in November, but open at the end of October.
        let late = ReportsFixtures.fact("N", status: .returned, received: "2024-10-20", due: "2024-10-25", done: "2024-11-05")
        #expect(ProcessingMetrics.classify(late, in: october) == .counted(carriedOver: false, outcome: .openOverdue, withdrawn: false))
        #expect(
            ProcessingMetrics.classify(late, in: ReportsFixtures.month(2024, 11))
                == .counted(carriedOver: true, outcome: .processedLate, withdrawn: false))
        let withdrawnLater = ReportsFixtures.fact("N2", status: .withdrawn, received: "2024-10-20", due: "2024-11-25", done: "2024-11-05")
        #expect(ProcessingMetrics.classify(withdrawnLater, in: october) == .counted(carriedOver: false, outcome: .openWithinTime, withdrawn: false))
    }

    @Test("boundaries are inclusive dates: received on T0, done on T1, due on T1")
    func boundaries() {
        func bucket(_ f: DossierFact) -> MetricsBucket { ProcessingMetrics.classify(f, in: october) }
        #expect(bucket(ReportsFixtures.fact("1", status: .accepted, received: "2024-10-01", due: "2024-10-31")) == .counted(carriedOver: false, outcome: .openWithinTime, withdrawn: false))
        #expect(bucket(ReportsFixtures.fact("2", status: .accepted, received: "2024-09-30", due: "2024-10-30")) == .counted(carriedOver: true, outcome: .openOverdue, withdrawn: false))
        #expect(bucket(ReportsFixtures.fact("3", status: .processed, received: "2024-10-01", due: "2024-10-31", done: "2024-10-31")) == .counted(carriedOver: false, outcome: .processedOnTime, withdrawn: false))
        #expect(bucket(ReportsFixtures.fact("4", status: .processed, received: "2024-09-01", due: "2024-09-30", done: "2024-10-01")) == .counted(carriedOver: true, outcome: .processedLate, withdrawn: false))
        #expect(bucket(ReportsFixtures.fact("5", status: .processed, received: "2024-09-01", due: "2024-09-30", done: "2024-09-30")) == .closedBeforePeriod)
        #expect(bucket(ReportsFixtures.fact("6", status: .accepted, received: "2024-11-01", due: "2024-11-08")) == .notReceived)
        #expect(bucket(ReportsFixtures.fact("7", status: .accepted, received: "2024-10-01", due: nil)) == .counted(carriedOver: false, outcome: .openWithinTime, withdrawn: false))
        #expect(bucket(ReportsFixtures.fact("8", status: .processed, received: "2024-10-01", due: nil, done: "2024-10-30")) == .counted(carriedOver: false, outcome: .processedOnTime, withdrawn: false))
        #expect(bucket(ReportsFixtures.fact("9", status: .registered, received: nil, due: nil)) == .notReceived)
    }

    @Test("grouping by procedure and field partitions the total")
    func grouping() {
        let facts = ReportsFixtures.october2024.enumerated().map { index, f in
            ReportsFixtures.fact(
                f.code, agency: f.agency, channel: f.channel, status: f.status, received: f.received?.iso, due: f.due?.iso,
                done: f.done?.iso, procedure: index % 2 == 0 ? "1.001193" : "2.000806", field: index < 4 ? "HT" : "DD")
        }
        let total = ProcessingMetrics(facts: facts, period: october)
        for grouping in MetricsGrouping.allCases {
            let groups = ProcessingMetrics.grouped(facts: facts, period: october, by: grouping)
            #expect(groups.map(\.metrics).reduce(ProcessingMetrics(), +) == total, "\(grouping)")
            #expect(groups.map(\.key) == groups.map(\.key).sorted())
        }
        // An agency whose only dossier closed before the period gets no row.
        let old = [ReportsFixtures.fact("X", agency: "old", status: .returned, received: "2024-09-10", due: "2024-09-20", done: "2024-09-19")]
        #expect(ProcessingMetrics.grouped(facts: old, period: october, by: .agency).isEmpty)
    }

    @Test("invariantViolations names each broken identity")
    func invariantViolations() {
        var m = ProcessingMetrics(facts: ReportsFixtures.october2024, period: october)
        m.total = 9
        m.processedLate = 1
        m.withdrawnCarryOver = 5
        let broken = Set(m.invariantViolations().map(\.invariant))
        #expect(broken == [.totalIsReceivedPlusCarriedOver, .totalIsProcessedPlusUnprocessed, .processedIsOnTimePlusLate, .withdrawnCarryOverIsBounded])
        #expect(m.invariantViolations().first?.description == "#3 = #1 + #2 broken: 9 vs 8")
        var negative = ProcessingMetrics()
        negative.receivedOnline = -1
        negative.receivedInPeriod = -1
        negative.total = -1
        #expect(negative.invariantViolations().map(\.invariant).contains(.countsAreNonNegative))
        var next = ProcessingMetrics()
        next.carriedOver = 3
        #expect(ProcessingMetrics.carryOverViolation(previous: m, next: next) == InvariantViolation(.carriedOverIsPreviousUnprocessed, left: 3, right: 4))
    }

    @Test("facts whose dates contradict their status are refused")
    func factValidation() throws {
        func make(_ status: DossierStatus, _ received: String?, _ done: String?) throws(DossierFactError) -> DossierFact {
            try DossierFact(
                code: "Z", agency: "a", procedure: "p", field: "f", channel: .online, status: status,
                received: received.map(date), due: nil, done: done.map(date))
        }
        #expect(throws: DossierFactError.missingReceived(code: "Z", status: .inProgress)) { try make(.inProgress, nil, nil) }
        #expect(throws: DossierFactError.receivedWithoutAcceptance(code: "Z", status: .notAccepted)) { try make(.notAccepted, "2024-10-01", nil) }
        #expect(throws: DossierFactError.missingDone(code: "Z", status: .returned)) { try make(.returned, "2024-10-01", nil) }
        #expect(throws: DossierFactError.missingDone(code: "Z", status: .withdrawn)) { try make(.withdrawn, "2024-10-01", nil) }
        #expect(throws: DossierFactError.doneWhileOpen(code: "Z", status: .suspended)) { try make(.suspended, "2024-10-01", "2024-10-02") }
        #expect(throws: DossierFactError.doneBeforeReceived(code: "Z")) { try make(.processed, "2024-10-02", "2024-10-01") }
        #expect(try make(.withdrawn, nil, nil).received == nil)

        let json = #"{"code":"Z","agency":"a","procedure":"p","field":"f","channel":2,"status":9,"received":"2024-10-01"}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(DossierFact.self, from: Data(json.utf8)) }
        let good = #"{"code":"Z","agency":"a","procedure":"p","field":"f","channel":3,"status":9,"received":"2024-10-01","due":"2024-10-08","done":"2024-10-07"}"#
        let decoded = try JSONDecoder().decode(DossierFact.self, from: Data(good.utf8))
        #expect(decoded.channel == .postal && decoded.status == .processed)
        #expect(try JSONDecoder().decode(DossierFact.self, from: JSONEncoder().encode(decoded)) == decoded)
    }

    @Test("reporting periods")
    func periods() throws {
        #expect(october.start == date("2024-10-01") && october.end == date("2024-10-31"))
        #expect(october.description == "202410")
        #expect(ReportsFixtures.month(2024, 12).nextMonth == ReportsFixtures.month(2025, 1))
        #expect(ReportsFixtures.month(2025, 1).previousMonth == ReportsFixtures.month(2024, 12))
        #expect(ReportsFixtures.month(2024, 2).end == date("2024-02-29"))
        #expect(ReportingPeriod(year: 2024, month: 13) == nil)
        #expect(ReportingPeriod(start: date("2024-10-02"), end: date("2024-10-01")) == nil)
        let quarter = try #require(ReportingPeriod(start: date("2024-10-01"), end: date("2024-12-31")))
        #expect(!quarter.isCalendarMonth && quarter.description == "2024-10-01…2024-12-31")
        #expect(quarter.contains(date("2024-11-15")) && !quarter.contains(date("2025-01-01")))
        let data = try JSONEncoder().encode(october)
        #expect(try JSONDecoder().decode(ReportingPeriod.self, from: data) == october)
        let backwards = Data(#"{"start":"2024-10-02","end":"2024-10-01"}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ReportingPeriod.self, from: backwards) }
    }
}
