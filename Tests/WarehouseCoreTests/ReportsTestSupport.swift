import Foundation
import WarehouseCore

/// Shared helpers for the Reports tests; a namespace so that nothing clashes with other test files.
enum ReportsFixtures {
    /// A date from `yyyy-MM-dd`; test literals are always valid.
    static func date(_ iso: String) -> CalendarDate {
        guard let date = CalendarDate(iso: iso) else { preconditionFailure("bad test date \(iso)") }
        return date
    }

    /// A month period; test literals are always valid.
    static func month(_ year: Int, _ month: Int) -> ReportingPeriod {
        guard let period = ReportingPeriod(year: year, month: month) else { preconditionFailure("bad month") }
        return period
    }

    /// A fact; test literals are always consistent.
    static func fact(
        _ code: String, agency: String = "000.00.12.H56", channel: SubmissionChannel = .online,
        status: DossierStatus, received: String?, due: String?, done: String? = nil,
        procedure: String = "1.001193", field: String = "HT"
    ) -> DossierFact {
        do {
            return try DossierFact(
                code: code, agency: agency, procedure: procedure, field: field, channel: channel, status: status,
                received: received.map(date), due: due.map(date), done: done.map(date))
        } catch {
            preconditionFailure("bad test fact: \(error)")
        }
    }

    /// The worked fixture of DOMAIN.md §5, October 2024, as facts as of 31/10/2024.
    ///
    /// Channels (not given by the fixture) are chosen so that #1 = 2 in person + 2 online + 1 postal.
    static let october2024: [DossierFact] = [
        fact("A", status: .returned, received: "2024-09-20", due: "2024-10-04", done: "2024-10-03"),
        fact("B", status: .returned, received: "2024-09-25", due: "2024-10-02", done: "2024-10-08"),
        fact("C", status: .inProgress, received: "2024-09-28", due: "2024-11-05"),
        fact("D", channel: .online, status: .processed, received: "2024-10-02", due: "2024-10-09", done: "2024-10-09"),
        fact("E", agency: "000.12.34.H56", channel: .inPerson, status: .returned, received: "2024-10-07", due: "2024-10-14", done: "2024-10-18"),
        fact("F", agency: "000.12.34.H56", channel: .online, status: .inProgress, received: "2024-10-15", due: "2024-10-22"),
        fact("G", agency: "000.12.34.H56", channel: .postal, status: .supplementRequested, received: "2024-10-28", due: "2024-11-04"),
        fact("H", agency: "000.12.34.H56", channel: .inPerson, status: .accepted, received: "2024-10-30", due: "2024-11-06"),
        fact("X", status: .returned, received: "2024-09-10", due: "2024-09-20", done: "2024-09-19"),
        fact("R", agency: "000.12.34.H56", status: .notAccepted, received: nil, due: nil),
    ]
}

// MARK: - Random dossiers for property tests

/// Turns a list of small non-negative integers into a legal dossier history.
///
/// Every integer is one choice (start day, channel, next status, gap in days …), so the property
/// library's shrinking of the integer lists shrinks the dossiers too. Histories start between
/// 2024-01-01 and 2025-03 and may stop at any status, leaving the dossier open.
enum RandomDossiers {
    static let agencies = ["000.00.12.H56", "000.12.34.H56", "000.00.00.H56"]
    static let procedures = ["1.001193", "2.000806", "1.000656", "2.001023"]
    static let fields = ["HT", "DD"]
    static let firstDay = ReportsFixtures.date("2024-01-01")

    static func record(_ number: Int, from choices: [Int]) -> DossierRecord {
        var iterator = choices.makeIterator()
        func pick(_ count: Int) -> Int { abs(iterator.next() ?? 0) % count }

        var day = firstDay.adding(days: pick(440))
        let channel = SubmissionChannel(rawValue: pick(3) + 1) ?? .online
        let deadline: ProcessingDeadline =
            switch pick(12) {
            case 0: .noDeadline
            case 1: .dueDate(day.adding(days: pick(20)))
            default: .workingDays(pick(16))
            }
        var status: DossierStatus = pick(3) == 0 ? .registered : .accepted
        var events = [DossierEvent(status, on: day)]
        while !status.isTerminal, let choice = iterator.next() {
            // About one choice in ten ends the history here, so open dossiers are common.
            if abs(choice) % 10 == 0 { break }
            let options = status.allowedNext.sorted { $0.rawValue < $1.rawValue }
            status = options[(abs(choice) / 10) % options.count]
            day = day.adding(days: pick(3) == 0 ? 0 : pick(25))
            events.append(DossierEvent(status, on: day))
        }
        return DossierRecord(
            code: "000.00.12.H56-\(day.compact)-\(String(format: "%04d", number))",
            agency: agencies[pick(agencies.count)], procedure: procedures[pick(procedures.count)],
            field: fields[pick(fields.count)], channel: channel, deadline: deadline, events: events)
    }

    static func records(from scripts: [[Int]]) -> [DossierRecord] {
        scripts.enumerated().map { record($0.offset, from: $0.element) }
    }

    /// The same records with every event after `date` removed: the data as it was at that date.
    static func truncated(_ records: [DossierRecord], after date: CalendarDate) -> [DossierRecord] {
        records.map {
            DossierRecord(
                code: $0.code, agency: $0.agency, procedure: $0.procedure, field: $0.field, channel: $0.channel,
                deadline: $0.deadline, events: $0.events.filter { $0.date <= date })
        }
    }

    /// The months the property tests look at: January 2024 to June 2025 (Tết 2024 and 2025 inside).
    static let months: [ReportingPeriod] = {
        var months = [ReportsFixtures.month(2024, 1)]
        while months.count < 18, let last = months.last { months.append(last.nextMonth) }
        return months
    }()
}

/// SplitMix64: a tiny seeded generator, so that a test can draw many random scripts reproducibly.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
