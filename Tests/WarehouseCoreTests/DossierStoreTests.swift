import Foundation
import GRDB
import Testing

@testable import WarehouseCore

/// The dossier lifecycle as the warehouse keeps it: the `dossier` columns, the append-only
/// `dossierEvent` log, and the metrics input loaded back from them (real SQLite, in memory or on disk).
@Suite("Dossier lifecycle in the warehouse")
struct DossierStoreTests {
    let db: WarehouseDatabase
    let owner = try! OwnerIdentifier("038090012345")
    let date = ReportsFixtures.date

    init() throws {
        db = try WarehouseDatabase()
    }

    /// An instant in Vietnam time; test literals are always valid.
    static func vn(_ text: String) -> Date {
        guard let reading = VietnamTime.parse(text) else { preconditionFailure("bad test time \(text)") }
        return reading.instant
    }

    /// Opens `code` as it was received at `received` (Vietnam time) with `deadline`.
    @discardableResult
    func open(
        _ code: String, received: String, deadline: ProcessingDeadline? = .workingDays(5), status: DossierStatus = .accepted,
        channel: SubmissionChannel = .inPerson
    ) throws -> Dossier {
        let dossier = try DossierCode(code)
        return try db.openDossier(
            DossierIntake(
                code: dossier, procedure: try ProcedureCode("1.001193"), agency: dossier.agency, owner: owner, channel: channel, status: status,
                received: EventTime(received), deadline: deadline, actor: "clerk"))
    }

    func move(_ code: String, to status: DossierStatus, at time: String, note: String? = nil) throws {
        try db.changeStatus(of: code, to: status, at: EventTime(time) ?? .now, note: note, by: "clerk")
    }

    func events(_ code: String) throws -> [DossierEventRecord] {
        try #require(try db.dossierHistory(code)).events
    }

    // MARK: - Opening and moving

    @Test("a dossier opens accepted with its first event; each change is one event and the dates follow")
    func straightLife() throws {
        let code = "000.12.34.H56-241007-0001"
        let opened = try open(code, received: "2024-10-07 08:30")
        #expect(opened.status == .accepted)
        #expect(opened.channel == .inPerson)
        #expect(opened.receivedAt == Self.vn("2024-10-07 08:30"))
        #expect(opened.dueOn == date("2024-10-14"))
        try move(code, to: .inProgress, at: "2024-10-07 09:00")
        try move(code, to: .processed, at: "2024-10-11 16:00", note: "Đã ký giấy khai sinh")
        try move(code, to: .returned, at: "2024-10-14 10:15")
        let history = try #require(try db.dossierHistory(code))
        #expect(history.dossier.status == .returned)
        #expect(history.dossier.finishedAt == Self.vn("2024-10-11 16:00"))
        #expect(history.dossier.returnedAt == Self.vn("2024-10-14 10:15"))
        #expect(history.events.map(\.status) == [.accepted, .inProgress, .processed, .returned])
        #expect(history.events.map(\.seq) == [1, 2, 3, 4])
        #expect(history.events.map(\.previousStatus) == [nil, .accepted, .inProgress, .processed])
        #expect(history.events[2].note == "Đã ký giấy khai sinh")
        #expect(history.events.allSatisfy { $0.dueOn == date("2024-10-14") })
        let view = try DossierView(history, lifecycle: db.lifecycle, asOf: date("2024-10-31"))
        #expect(view.late == false)
        #expect(view.allowedNext.isEmpty)
        #expect(view.forOwner.events.allSatisfy { $0.actor == nil })
        #expect(view.events.allSatisfy { $0.actor == "clerk" })
    }

    @Test("a supplement request stops the clock: resuming moves the due date by the working days paused")
    func pauseMovesDueDate() throws {
        let code = "000.12.34.H56-241028-0001"
        try open(code, received: "2024-10-28 08:00", deadline: .workingDays(5))
        #expect(try db.dossier(code)?.dueOn == date("2024-11-04"))
        try move(code, to: .inProgress, at: "2024-10-28 08:05")
        try move(code, to: .supplementRequested, at: "2024-10-30 14:00", note: "Thiếu giấy chứng sinh")
        // While paused the due date as of a later day keeps moving; the stored one is that of the last change.
        let paused = try #require(try db.dossierHistory(code))
        #expect(paused.dossier.dueOn == date("2024-11-04"))
        #expect(try DossierView(paused, lifecycle: db.lifecycle, asOf: date("2024-11-01")).dueOn == date("2024-11-06"))
        #expect(try DossierView(paused, lifecycle: db.lifecycle, asOf: date("2024-11-01")).late == false)
        // Received back on Tuesday 5/11: 31/10, 1/11, 4/11 and 5/11 were paused, so 4 working days later.
        try move(code, to: .inProgress, at: "2024-11-05 09:00", note: "Đã nhận bổ sung")
        let resumed = try #require(try db.dossierHistory(code))
        #expect(resumed.dossier.dueOn == date("2024-11-08"))
        #expect(resumed.events.last?.dueOn == date("2024-11-08"))
        let view = try DossierView(resumed, lifecycle: db.lifecycle, asOf: date("2024-11-20"))
        #expect(view.initialDueOn == date("2024-11-04"))
        #expect(view.pausedWorkingDays == 4)
        #expect(view.pauses == [DossierView.Pause(status: 5, start: date("2024-10-30"), end: date("2024-11-05"), workingDays: 4)])
        #expect(view.late, "open after its due date")
        #expect(!(try DossierView(resumed, lifecycle: db.lifecycle, asOf: date("2024-11-08")).late), "due on the day itself is in time")
    }

    @Test("every transition outside the table is refused, naming the dossier, from and to; nothing is written")
    func everyRefusedTransition() throws {
        // A legal path to each status.
        let paths: [DossierStatus: [DossierStatus]] = [
            .registered: [.registered], .accepted: [.accepted], .notAccepted: [.registered, .notAccepted],
            .inProgress: [.accepted, .inProgress], .supplementRequested: [.accepted, .inProgress, .supplementRequested],
            .financialObligationRequested: [.accepted, .inProgress, .financialObligationRequested],
            .withdrawn: [.accepted, .withdrawn], .suspended: [.accepted, .inProgress, .suspended],
            .processed: [.accepted, .inProgress, .processed], .returned: [.accepted, .inProgress, .processed, .returned],
        ]
        var number = 0
        func reach(_ from: DossierStatus) throws -> String {
            number += 1
            let code = String(format: "000.12.34.H56-241001-%04d", number)
            let path = try #require(paths[from])
            try open(code, received: "2024-10-01 08:00", status: path[0])
            for status in path.dropFirst() { try move(code, to: status, at: "2024-10-01 09:00") }
            return code
        }
        var refused = 0
        for from in DossierStatus.allCases {
            let code = try reach(from)
            let before = try events(code)
            for to in DossierStatus.allCases where !from.canMove(to: to) {
                do {
                    try move(code, to: to, at: "2024-10-02 10:00")
                    Issue.record("\(from) → \(to) was accepted")
                } catch let error as DossierError {
                    #expect(error == .illegalTransition(code, from: from, to: to))
                    #expect(error.description.contains(code) && error.description.contains(from.description) && error.description.contains(to.description))
                    refused += 1
                }
            }
            #expect(try events(code) == before, "a refused change writes nothing")
            #expect(try db.dossier(code)?.status == from)
            // And every allowed one goes through.
            for to in from.allowedNext {
                let fresh = try reach(from)
                try move(fresh, to: to, at: "2024-10-02 10:00")
                #expect(try db.dossier(fresh)?.status == to)
            }
        }
        #expect(refused == DossierStatus.allCases.reduce(0) { $0 + 10 - $1.allowedNext.count })
        // A dossier starts at 1 or 2 only.
        for start in DossierStatus.allCases where !DossierStatus.initial.contains(start) {
            #expect(throws: DossierError.invalidStart("000.12.34.H56-241001-9999", start)) {
                try open("000.12.34.H56-241001-9999", received: "2024-10-01", status: start)
            }
        }
        #expect(try db.dossier("000.12.34.H56-241001-9999") == nil)
        #expect(throws: DossierError.notFound("000.12.34.H56-241001-9998")) { try move("000.12.34.H56-241001-9998", to: .inProgress, at: "2024-10-02") }
    }

    @Test("events are in order and never in the future; a date alone follows the day's previous event")
    func historicalTimes() throws {
        let code = "000.12.34.H56-241002-0001"
        try open(code, received: "2024-10-02 08:30")
        #expect(throws: DossierError.outOfOrder(code, at: Self.vn("2024-10-02 08:00"), previous: Self.vn("2024-10-02 08:30"))) {
            try move(code, to: .inProgress, at: "2024-10-02 08:00")
        }
        #expect(throws: DossierError.outOfOrder(code, at: date("2024-10-01").startInVietnam, previous: Self.vn("2024-10-02 08:30"))) {
            try move(code, to: .inProgress, at: "2024-10-01")
        }
        let tomorrow = CalendarDate.todayInVietnam.adding(days: 1)
        #expect(throws: DossierError.inFuture(code, at: tomorrow.startInVietnam)) { try move(code, to: .inProgress, at: tomorrow.iso) }
        // The same day without a time: placed at the previous event, not before it.
        try move(code, to: .inProgress, at: "2024-10-02")
        #expect(try events(code).last?.at == Self.vn("2024-10-02 08:30"))
        // A later day without a time: its start.
        try move(code, to: .processed, at: "2024-10-04")
        #expect(try events(code).last?.at == date("2024-10-04").startInVietnam)
        // Now, when no time is given.
        let before = Date()
        try db.changeStatus(of: code, to: .returned, by: "clerk")
        let last = try #require(try events(code).last)
        #expect(last.at >= before.addingTimeInterval(-1) && last.at <= Date())
        // A due date fixed at intake must not be before the receipt.
        #expect(throws: DossierError.dueBeforeReceipt("000.12.34.H56-241002-0002", due: date("2024-10-01"), received: date("2024-10-02"))) {
            try open("000.12.34.H56-241002-0002", received: "2024-10-02 08:00", deadline: .dueDate(date("2024-10-01")))
        }
        #expect(throws: DossierError.negativeProcessingTime("000.12.34.H56-241002-0003", -1)) {
            try open("000.12.34.H56-241002-0003", received: "2024-10-02 08:00", deadline: .workingDays(-1))
        }
    }

    @Test("opening a code twice is refused; the desk keeps an existing dossier of the same procedure")
    func openTwice() throws {
        let code = "000.12.34.H56-241003-0001"
        try open(code, received: "2024-10-03 08:00")
        #expect(throws: DossierError.alreadyExists(code, status: .accepted)) { try open(code, received: "2024-10-03 09:00") }
        let dossier = try DossierCode(code)
        let again = DossierIntake(
            code: dossier, procedure: try ProcedureCode("1.001193"), agency: dossier.agency, owner: owner, received: .now, actor: "clerk")
        #expect(try db.openDossier(again, keepingExisting: true).receivedAt == Self.vn("2024-10-03 08:00"))
        var other = again
        other.procedure = try ProcedureCode("2.000806")
        #expect(throws: DossierError.self) { try db.openDossier(other, keepingExisting: true) }
        #expect(try events(code).count == 1)
    }

    // MARK: - Append-only

    @Test("the event log is append-only: the database refuses UPDATE and DELETE, and a dossier with events cannot be deleted")
    func appendOnly() throws {
        let code = "000.12.34.H56-241004-0001"
        try open(code, received: "2024-10-04 08:00")
        try move(code, to: .inProgress, at: "2024-10-04 09:00")
        for sql in [
            "UPDATE dossierEvent SET status = 9 WHERE dossierCode = '\(code)'",
            "UPDATE dossierEvent SET note = 'changed' WHERE seq = 1",
            "DELETE FROM dossierEvent WHERE dossierCode = '\(code)'",
            "DELETE FROM dossierEvent",
        ] {
            do {
                try db.writer.write { try $0.execute(sql: sql) }
                Issue.record("\(sql) was allowed")
            } catch let error as DatabaseError {
                #expect(error.message?.contains("append-only") == true, "\(sql): \(error)")
            }
        }
        #expect(throws: DatabaseError.self) { try db.writer.write { try $0.execute(sql: "DELETE FROM dossier WHERE code = ?", arguments: [code]) } }
        #expect(try events(code).map(\.status) == [.accepted, .inProgress])
        #expect(try db.structuralProblems().isEmpty)
        // The status column is not append-only, but `check` finds one that disagrees with the log.
        try db.writer.write { try $0.execute(sql: "UPDATE dossier SET status = 9 WHERE code = ?", arguments: [code]) }
        #expect(try db.structuralProblems() == ["dossier \(code) has status 9 but its last event says 4"])
    }

    // MARK: - Creation by filing

    @Test("a dossier first seen in a filing is accepted at the counter when its code says")
    func createdByFiling() throws {
        // Filed on its day: the moment of filing.
        let now = Date()
        let today = CalendarDate.todayInVietnam
        let todays = "000.12.34.H56-\(today.compact)-0001"
        #expect(DossierIntake.defaultReceipt(code: todays, filedAt: now) == now)
        // Filed later (an archive): the start of the code's day.
        #expect(DossierIntake.defaultReceipt(code: "000.12.34.H56-241105-0007", filedAt: now) == date("2024-11-05").startInVietnam)
        // A code dated after the filing cannot be its receipt; neither can a code that is not one.
        let past = Self.vn("2024-11-01 10:00")
        #expect(DossierIntake.defaultReceipt(code: "000.12.34.H56-241105-0007", filedAt: past) == past)
        #expect(DossierIntake.defaultReceipt(code: "not-a-code", filedAt: past) == past)

        let filing = try DatabaseTests()
        try filing.file(text: "Tờ khai", owner: owner, dossier: "000.00.12.H56-241105-0007", bytes: "x")
        let history = try #require(try filing.db.dossierHistory("000.00.12.H56-241105-0007"))
        #expect(history.dossier.status == .accepted)
        #expect(history.dossier.channel == .inPerson)
        #expect(history.dossier.receivedAt == date("2024-11-05").startInVietnam)
        #expect(history.dossier.deadline == .noDeadline, "no catalogue yet: no deadline")
        #expect(history.events.map(\.status) == [.accepted])
        #expect(history.events.first?.actor == "clerk")
    }

    // MARK: - Migration

    @Test("v7 on an existing warehouse: old dossiers become accepted at the counter, each with its first event")
    func migrationOnExistingWarehouse() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lifecycle-migration-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("warehouse.sqlite")
        // A warehouse as the last release left it: schema up to v5, dossiers filed on their day and later.
        let old = try DatabaseQueue(path: url.path)
        try Migrations.migrator.migrate(old, upTo: "v5-filing-by-path")
        let sameDay = Self.vn("2024-11-05 09:12")
        let later = Self.vn("2025-03-02 15:00")
        try old.write { db in
            try db.execute(sql: "INSERT INTO party (id, kind, name, createdAt) VALUES ('p1', 1, NULL, ?)", arguments: [sameDay])
            for (code, at) in [("000.12.34.H56-241105-0007", sameDay), ("000.12.34.H56-241021-0003", later)] {
                try db.execute(
                    sql: "INSERT INTO dossier (code, procedureCode, agencyCode, ownerPartyId, createdAt, createdBy) VALUES (?, '1.001193', '000.12.34.H56', 'p1', ?, 'backfill')",
                    arguments: [code, at])
            }
        }
        try old.close()

        let upgraded = try WarehouseDatabase(url: url)
        let filedThatDay = try #require(try upgraded.dossierHistory("000.12.34.H56-241105-0007"))
        #expect(filedThatDay.dossier.status == .accepted)
        #expect(filedThatDay.dossier.channel == .inPerson)
        #expect(filedThatDay.dossier.receivedAt == sameDay)
        #expect(filedThatDay.dossier.dueOn == nil)
        #expect(filedThatDay.events.count == 1)
        #expect(filedThatDay.events.first?.status == .accepted)
        #expect(filedThatDay.events.first?.actor == "backfill")
        #expect(filedThatDay.events.first?.at == sameDay)
        let filedLater = try #require(try upgraded.dossierHistory("000.12.34.H56-241021-0003"))
        #expect(filedLater.dossier.receivedAt == date("2024-10-21").startInVietnam)
        // The upgraded dossiers live on like new ones.
        try upgraded.changeStatus(of: "000.12.34.H56-241021-0003", to: .inProgress, at: .on(date("2024-10-22")), by: "clerk")
        #expect(try upgraded.dossierHistory("000.12.34.H56-241021-0003")?.events.map(\.seq) == [1, 2])
        #expect(try upgraded.structuralProblems().isEmpty)
        let records = try upgraded.dossierRecords(for: ReportsFixtures.month(2024, 10))
        #expect(records.map(\.code) == ["000.12.34.H56-241021-0003"])
        // Opening it again migrates nothing twice.
        let reopened = try WarehouseDatabase(url: url)
        #expect(try reopened.dossierHistory("000.12.34.H56-241105-0007")?.events.count == 1)
    }

    // MARK: - Metrics input

    /// The October 2024 fixture of DOMAIN.md §5 as histories (those of ProcessingMetricsTests), with real dossier codes.
    static let october: [(code: String, channel: SubmissionChannel, due: String?, events: [(DossierStatus, String)])] = [
        ("000.00.12.H56-240920-0001", .online, "2024-10-04", [(.accepted, "2024-09-20"), (.inProgress, "2024-09-23"), (.processed, "2024-10-03"), (.returned, "2024-10-03")]),
        ("000.00.12.H56-240925-0001", .online, "2024-10-02", [(.accepted, "2024-09-25"), (.inProgress, "2024-09-25"), (.processed, "2024-10-08"), (.returned, "2024-10-09")]),
        ("000.00.12.H56-240928-0001", .online, "2024-11-05", [(.accepted, "2024-09-28"), (.inProgress, "2024-09-30")]),
        ("000.00.12.H56-241001-0001", .online, "2024-10-09", [(.registered, "2024-10-01"), (.accepted, "2024-10-02"), (.inProgress, "2024-10-02"), (.processed, "2024-10-09")]),
        ("000.12.34.H56-241007-0001", .inPerson, "2024-10-14", [(.accepted, "2024-10-07"), (.inProgress, "2024-10-07"), (.processed, "2024-10-18"), (.returned, "2024-10-18")]),
        ("000.12.34.H56-241015-0001", .online, "2024-10-22", [(.accepted, "2024-10-15"), (.inProgress, "2024-10-15")]),
        ("000.12.34.H56-241028-0001", .postal, "2024-11-04", [(.accepted, "2024-10-28"), (.inProgress, "2024-10-28"), (.supplementRequested, "2024-10-30")]),
        ("000.12.34.H56-241030-0001", .inPerson, "2024-11-06", [(.accepted, "2024-10-30")]),
        ("000.00.12.H56-240910-0001", .online, "2024-09-20", [(.accepted, "2024-09-10"), (.inProgress, "2024-09-10"), (.processed, "2024-09-19"), (.returned, "2024-09-19")]),
        ("000.12.34.H56-241003-0001", .online, nil, [(.registered, "2024-10-03"), (.notAccepted, "2024-10-03")]),
        ("000.00.12.H56-241101-0001", .online, "2024-11-08", [(.accepted, "2024-11-01"), (.inProgress, "2024-11-01")]),
    ]

    @Test("the October 2024 fixture loaded into the tables gives the 13 numbers of DOMAIN.md §5")
    func octoberFromTables() throws {
        for dossier in Self.october {
            try open(
                dossier.code, received: dossier.events[0].1, deadline: dossier.due.map { .dueDate(date($0)) } ?? .noDeadline,
                status: dossier.events[0].0, channel: dossier.channel)
            for (status, day) in dossier.events.dropFirst() { try move(dossier.code, to: status, at: day) }
        }
        let october = ReportsFixtures.month(2024, 10)
        let records = try db.dossierRecords(for: october)
        // X (closed in September) and L (received in November) cannot count and are not loaded.
        #expect(!records.map(\.code).contains("000.00.12.H56-240910-0001"))
        #expect(!records.map(\.code).contains("000.00.12.H56-241101-0001"))
        #expect(records.count == 9)
        let metrics = try ProcessingMetrics(records: records, period: october, lifecycle: db.lifecycle)
        #expect(metrics == ProcessingMetrics(facts: ReportsFixtures.october2024, period: october))
        #expect(metrics.receivedInPeriod == 5 && metrics.carriedOver == 3 && metrics.total == 8)
        #expect(metrics.processed == 4 && metrics.processedOnTime == 2 && metrics.processedLate == 2)
        #expect(metrics.unprocessed == 4 && metrics.unprocessedWithinTime == 3 && metrics.unprocessedOverdue == 1)
        #expect(metrics.processedOnTimePercent == 50 && metrics.unprocessedOverduePercent == 25)
        #expect(metrics.invariantViolations().isEmpty)
        // One agency; and the next month carries over what October left open.
        let ward = try db.dossierRecords(for: october, agency: "000.12.34.H56")
        #expect(Set(ward.map(\.agency)) == ["000.12.34.H56"])
        #expect(try ProcessingMetrics(records: ward, period: october, lifecycle: db.lifecycle).unprocessedOverdue == 1)
        let november = october.nextMonth
        let next = try ProcessingMetrics(records: try db.dossierRecords(for: november), period: november, lifecycle: db.lifecycle)
        #expect(next.carriedOver == metrics.unprocessed)
    }

    // MARK: - Times

    @Test("dates and times are read in Vietnam time unless they name their offset")
    func parsing() throws {
        #expect(VietnamTime.parse("2024-10-02")?.instant == Date(timeIntervalSince1970: 1_727_802_000))
        #expect(VietnamTime.parse("2024-10-02")?.hasTime == false)
        #expect(VietnamTime.parse("2024-10-02 08:30")?.instant == Date(timeIntervalSince1970: 1_727_832_600))
        #expect(VietnamTime.parse("2024-10-02T08:30:00") == VietnamTime.parse("2024-10-02 08:30"))
        #expect(VietnamTime.parse("20241002083000") == VietnamTime.parse("2024-10-02 08:30"))
        #expect(VietnamTime.parse("2024-10-02T01:30:00Z") == VietnamTime.parse("2024-10-02 08:30"))
        #expect(VietnamTime.parse("2024-10-02T03:30+02:00") == VietnamTime.parse("2024-10-02 08:30"))
        for bad in ["", "2024-02-30", "2024-10-02 24:00", "2024-10-02 08:60", "02/10/2024", "2024-10-02 8:30", "2024-10-02T08:30+7", "20241302083000", "2024-10-02x"] {
            #expect(VietnamTime.parse(bad) == nil, "\(bad)")
        }
        #expect(VietnamTime.display(Self.vn("2024-10-02 08:30")) == "2024-10-02 08:30")
        #expect(VietnamTime.display(Self.vn("2024-12-31 23:59")) == "2024-12-31 23:59")
        #expect(date("2024-10-02").startInVietnam == Self.vn("2024-10-02"))
        #expect(CalendarDate(inVietnamAt: Self.vn("2024-10-02 23:59")) == date("2024-10-02"))
    }
}
