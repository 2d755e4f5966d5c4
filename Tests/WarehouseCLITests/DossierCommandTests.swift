import Foundation
import Testing
import WarehouseCore

/// `warehouse dossier open | status | show`, run as the real binary against a scratch warehouse.
@Suite("warehouse dossier")
struct DossierCommandTests {
    /// The parts of `dossier show --json` the tests read.
    struct View: Decodable {
        struct Event: Decodable {
            var seq: Int
            var status: Int
            var previousStatus: Int?
            var at: Date
            var actor: String?
            var note: String?
            var dueOn: String?
        }

        var code: String
        var status: Int
        var channel: Int
        var receivedAt: Date?
        var finishedAt: Date?
        var returnedAt: Date?
        var dueOn: String?
        var initialDueOn: String?
        var pausedWorkingDays: Int
        var late: Bool
        var allowedNext: [Int]
        var events: [Event]
    }

    static func vn(_ text: String) -> Date {
        guard let reading = VietnamTime.parse(text) else { preconditionFailure("bad test time \(text)") }
        return reading.instant
    }

    func open(_ w: WarehouseRunner, _ code: String, _ extra: [String]) throws -> WarehouseRunner.Result {
        try w.run(["dossier", "open", code, "--procedure", "1.001193", "--owner", "038090012345", "--agency", String(code.prefix(13))] + extra)
    }

    @Test("open, status and show: a history loaded afterwards, a pause that moves the due date, the event log")
    func historicalDossier() throws {
        let w = WarehouseRunner()
        defer { w.remove() }
        let code = "000.12.34.H56-241028-0001"
        let opened = try open(w, code, ["--received", "2024-10-28 08:00", "--days", "5", "--channel", "3", "--actor", "canbo.phuong"])
        #expect(opened.status == 0, "\(opened.stderr)")
        #expect(opened.stdout.contains("due 2024-11-04"), "\(opened.stdout)")
        for (to, at, note) in [("4", "2024-10-28 08:05", ""), ("5", "2024-10-30 14:00", "Thiếu giấy chứng sinh"), ("4", "2024-11-05", "Đã nhận bổ sung")] {
            let r = try w.run(["dossier", "status", code, "--to", to, "--at", at, "--actor", "canbo.phuong"] + (note.isEmpty ? [] : ["--note", note]))
            #expect(r.status == 0, "\(r.stderr)")
        }
        let show = try w.run(["dossier", "show", code, "--json", "--as-of", "2024-11-20"])
        #expect(show.status == 0, "\(show.stderr)")
        let view = try show.json(View.self)
        #expect(view.status == 4)
        #expect(view.channel == 3)
        #expect(view.receivedAt == Self.vn("2024-10-28 08:00"))
        #expect(view.initialDueOn == "2024-11-04")
        #expect(view.dueOn == "2024-11-08", "four working days paused: 31/10, 1/11, 4/11, 5/11")
        #expect(view.pausedWorkingDays == 4)
        #expect(view.late, "still open on 20/11")
        #expect(view.allowedNext == [5, 6, 7, 8, 9])
        #expect(view.events.map(\.status) == [2, 4, 5, 4])
        #expect(view.events.map(\.previousStatus) == [nil, 2, 4, 5])
        #expect(view.events[2].note == "Thiếu giấy chứng sinh")
        #expect(view.events[3].at == Self.vn("2024-11-05"))
        #expect(view.events.last?.dueOn == "2024-11-08")
        #expect(view.events.allSatisfy { $0.actor == "canbo.phuong" })

        // Finished and returned: in time, since it was due on 8/11.
        #expect(try w.run(["dossier", "status", code, "--to", "9", "--at", "2024-11-08 16:00"]).status == 0)
        #expect(try w.run(["dossier", "status", code, "--to", "10", "--at", "20241111090000", "--note", "Trả kết quả"]).status == 0)
        let text = try w.run(["dossier", "show", code])
        #expect(text.status == 0)
        for expected in [
            "[10 Đã trả kết quả]", "channel     3 Bưu chính công ích", "received    2024-10-28 08:00", "2024-11-08  (5 working days; initially 2024-11-04",
            "finished    2024-11-08 16:00", "returned    2024-11-11 09:00", "paused      2024-10-30 → 2024-11-05: 4 working day(s)",
            "3. 2024-10-30 14:00  4 → 5 Yêu cầu bổ sung giấy tờ  by canbo.phuong  \"Thiếu giấy chứng sinh\"",
        ] {
            #expect(text.stdout.contains(expected), "missing \(expected) in\n\(text.stdout)")
        }
        #expect(!text.stdout.contains("LATE"))
    }

    @Test("refusals: an illegal transition names the dossier, from and to (exit 65); unknown dossiers, bad times, existing codes")
    func refusals() throws {
        let w = WarehouseRunner()
        defer { w.remove() }
        let code = "000.12.34.H56-241002-0001"
        #expect(try open(w, code, ["--received", "2024-10-02 08:30", "--due", "2024-10-09"]).status == 0)
        let skip = try w.run(["dossier", "status", code, "--to", "9", "--at", "2024-10-03"])
        #expect(skip.status == 65)
        #expect(skip.stderr.contains("Dossier \(code) cannot move from 2 Được tiếp nhận to 9 Đã xử lý xong"), "\(skip.stderr)")
        #expect(skip.stderr.contains("4 Đang xử lý"), "the allowed next statuses are named")
        let early = try w.run(["dossier", "status", code, "--to", "4", "--at", "2024-10-02 08:00"])
        #expect(early.status == 65)
        #expect(early.stderr.contains("before its previous event (2024-10-02 08:30)"), "\(early.stderr)")
        let future = try w.run(["dossier", "status", code, "--to", "4", "--at", CalendarDate.todayInVietnam.adding(days: 2).iso])
        #expect(future.status == 65)
        #expect(future.stderr.contains("in the future"))
        let badTime = try w.run(["dossier", "status", code, "--to", "4", "--at", "02/10/2024"])
        #expect(badTime.status == 64)
        #expect(badTime.stderr.contains("--at: \"02/10/2024\" is not a date or time"))
        #expect(try w.run(["dossier", "status", code, "--to", "11"]).status == 64)
        let unknown = try w.run(["dossier", "status", "000.12.34.H56-241002-0002", "--to", "4"])
        #expect(unknown.status == 5)
        #expect(unknown.stderr.contains("000.12.34.H56-241002-0002"))
        #expect(try w.run(["dossier", "show", "000.12.34.H56-241002-0002"]).status == 5)
        let twice = try open(w, code, [])
        #expect(twice.status == 65)
        #expect(twice.stderr.contains("already in the warehouse"))
        let wrongAgency = try w.run(
            ["dossier", "open", "000.12.34.H56-241002-0003", "--procedure", "1.001193", "--owner", "038090012345", "--agency", "000.00.12.H56"])
        #expect(wrongAgency.status == 64)
        #expect(wrongAgency.stderr.contains("is not the receiving agency"))
        #expect(try open(w, "000.12.34.H56-241002-0004", ["--due", "2024-10-09", "--days", "5"]).status == 64)
        #expect(try open(w, "000.12.34.H56-241002-0005", ["--status", "4"]).status == 64)
        let dueEarly = try open(w, "000.12.34.H56-241002-0006", ["--received", "2024-10-02", "--due", "2024-10-01"])
        #expect(dueEarly.status == 65)
        #expect(dueEarly.stderr.contains("before the day it was accepted"))
        // Nothing refused was written.
        let view = try w.run(["dossier", "show", code, "--json"]).json(View.self)
        #expect(view.events.map(\.status) == [2])
    }

    @Test("the October 2024 fixture of DOMAIN.md §5 loaded through the CLI gives the same 13 numbers")
    func octoberThroughTheCLI() throws {
        let w = WarehouseRunner()
        defer { w.remove() }
        // (code, channel, due, [(status, day)]): the histories of ProcessingMetricsTests, with real codes.
        let fixture: [(String, Int, String?, [(Int, String)])] = [
            ("000.00.12.H56-240920-0001", 2, "2024-10-04", [(2, "2024-09-20"), (4, "2024-09-23"), (9, "2024-10-03"), (10, "2024-10-03")]),
            ("000.00.12.H56-240925-0001", 2, "2024-10-02", [(2, "2024-09-25"), (4, "2024-09-25"), (9, "2024-10-08"), (10, "2024-10-09")]),
            ("000.00.12.H56-240928-0001", 2, "2024-11-05", [(2, "2024-09-28"), (4, "2024-09-30")]),
            ("000.00.12.H56-241001-0001", 2, "2024-10-09", [(1, "2024-10-01"), (2, "2024-10-02"), (4, "2024-10-02"), (9, "2024-10-09")]),
            ("000.12.34.H56-241007-0001", 1, "2024-10-14", [(2, "2024-10-07"), (4, "2024-10-07"), (9, "2024-10-18"), (10, "2024-10-18")]),
            ("000.12.34.H56-241015-0001", 2, "2024-10-22", [(2, "2024-10-15"), (4, "2024-10-15")]),
            ("000.12.34.H56-241028-0001", 3, "2024-11-04", [(2, "2024-10-28"), (4, "2024-10-28"), (5, "2024-10-30")]),
            ("000.12.34.H56-241030-0001", 1, "2024-11-06", [(2, "2024-10-30")]),
            ("000.00.12.H56-240910-0001", 2, "2024-09-20", [(2, "2024-09-10"), (4, "2024-09-10"), (9, "2024-09-19"), (10, "2024-09-19")]),
            ("000.12.34.H56-241003-0001", 2, nil, [(1, "2024-10-03"), (3, "2024-10-03")]),
            ("000.00.12.H56-241101-0001", 2, "2024-11-08", [(2, "2024-11-01"), (4, "2024-11-01")]),
        ]
        for (code, channel, due, events) in fixture {
            var args = ["--channel", String(channel), "--status", String(events[0].0), "--received", events[0].1]
            if let due { args += ["--due", due] }
            let opened = try open(w, code, args)
            #expect(opened.status == 0, "\(code): \(opened.stderr)")
            for (status, day) in events.dropFirst() {
                let r = try w.run(["dossier", "status", code, "--to", String(status), "--at", day])
                #expect(r.status == 0, "\(code) → \(status): \(r.stderr)")
            }
        }
        let store = try WarehouseDatabase(url: w.storage.appendingPathComponent("warehouse.sqlite"))
        let october = try #require(ReportingPeriod(year: 2024, month: 10))
        let m = try ProcessingMetrics(records: try store.dossierRecords(for: october), period: october, lifecycle: store.lifecycle)
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
        #expect(m.invariantViolations().isEmpty)

        // The same through `warehouse report processing`: §5 field names in JSON, per agency and in total.
        struct Report: Decodable {
            struct Group: Decodable { var key: String; var metrics: [String: Double] }
            var month: String
            var groups: [Group]
            var total: [String: Double]
            var invariantViolations: [String]
        }
        let run = try w.run(["report", "processing", "--month", "2024-10", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try run.json(Report.self)
        #expect(report.month == "202410" && report.invariantViolations.isEmpty)
        let expected: [String: Double] = [
            "sonhantrongky": 5, "sotonkytruoc": 3, "tongsoxuly": 8, "tongdaxuly": 4, "tongxulydunghan": 2, "phantramxulydunghan": 50,
            "tongxulytrehan": 2, "phantramxulytrehan": 50, "tongchuaxuly": 4, "tongchuaxulytronghan": 3, "phantramchuaxulytronghan": 75,
            "tongchuaxulytrehan": 1, "phantramchuaxulytrehan": 25, "sonhantrongkytructiep": 2, "sonhantrongkytructuyen": 2,
            "sonhantrongkybcci": 1,
        ]
        for (field, value) in expected { #expect(report.total[field] == value, "\(field)") }
        #expect(report.groups.map(\.key) == ["000.00.12.H56", "000.12.34.H56"])
        #expect(report.groups.map { $0.metrics["tongsoxuly"] ?? -1 }.reduce(0, +) == 8)
        // November: month m+1's carry-over is month m's open (4), plus the one received on 1 November.
        let november = try w.run(["report", "processing", "--month", "2024-11", "--json"]).json(Report.self)
        #expect(november.total["sotonkytruoc"] == 4 && november.total["sonhantrongky"] == 1)
        let csv = try w.run(["report", "processing", "--month", "2024-10", "--by", "procedure", "--format", "csv"]).stdout
        #expect(csv.hasPrefix("procedure,sonhantrongky,sotonkytruoc,tongsoxuly,"))
        #expect(csv.contains("\r\ntotal,5,3,8,4,2,50.0,2,50.0,4,3,75.0,1,25.0,2,2,1\r\n"), "\(csv)")
        let one = try w.run(["report", "processing", "--month", "2024-10", "--agency", "000.12.34.H56", "--json"]).json(Report.self)
        #expect(one.total["sonhantrongky"] == 4 && one.groups.map(\.key) == ["000.12.34.H56"])
    }

    @Test("the warehouse's calendar file is editable: a day off added there moves due dates; a broken one is named")
    func calendarFile() throws {
        let w = WarehouseRunner()
        defer { w.remove() }
        try FileManager.default.createDirectory(at: w.storage, withIntermediateDirectories: true)
        var calendar = try #require(try JSONSerialization.jsonObject(with: Data(WorkingCalendar.vietnam2024to2026JSON.utf8)) as? [String: Any])
        var daysOff = try #require(calendar["daysOff"] as? [[String: Any]])
        daysOff.append(["date": "2024-10-31", "name": "Ngày nghỉ thử nghiệm"])
        calendar["daysOff"] = daysOff
        let file = w.storage.appendingPathComponent("calendar.json")
        try JSONSerialization.data(withJSONObject: calendar).write(to: file)
        // Received Monday 28/10 with 5 working days: 4/11 with the bundled calendar, 5/11 with 31/10 off.
        let opened = try open(w, "000.12.34.H56-241028-0001", ["--received", "2024-10-28 08:00", "--days", "5"])
        #expect(opened.status == 0, "\(opened.stderr)")
        #expect(opened.stdout.contains("due 2024-11-05"), "\(opened.stdout)")

        try Data("{\"format\": \"vn-working-calendar/1\", \"name\": \"x\"}".utf8).write(to: file)
        let broken = try w.run(["dossier", "show", "000.12.34.H56-241028-0001"])
        #expect(broken.status == 70)
        #expect(broken.stderr.contains(file.path) && broken.stderr.contains("coverage"), "\(broken.stderr)")
    }
}
