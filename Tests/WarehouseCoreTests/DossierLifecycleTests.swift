import Foundation
import PropertyBased
import WarehouseCore
import Testing

@Suite("Dossier lifecycle")
struct DossierLifecycleTests {
    let lifecycle = DossierLifecycle(calendar: .vietnam2024to2026)
    let date = ReportsFixtures.date

    @Test("the transition table")
    func transitions() {
        #expect(DossierStatus.registered.canMove(to: .accepted))
        #expect(DossierStatus.registered.canMove(to: .notAccepted))
        #expect(DossierStatus.accepted.canMove(to: .inProgress))
        #expect(!DossierStatus.accepted.canMove(to: .processed))
        #expect(DossierStatus.inProgress.allowedNext == [.supplementRequested, .financialObligationRequested, .suspended, .processed, .withdrawn])
        #expect(DossierStatus.supplementRequested.allowedNext == [.inProgress, .withdrawn])
        #expect(DossierStatus.suspended.allowedNext == [.inProgress, .processed, .withdrawn])
        #expect(DossierStatus.processed.allowedNext == [.returned])
        #expect(DossierStatus.allCases.filter(\.isTerminal) == [.notAccepted, .withdrawn, .returned])
        for status in DossierStatus.allCases where status.isOpen || status == .registered {
            #expect(status.canMove(to: .withdrawn), "\(status) must allow withdrawal")
        }
        #expect(!DossierStatus.processed.canMove(to: .withdrawn))
        #expect(DossierStatus.allCases.filter(\.isOpen) == [.accepted, .inProgress, .supplementRequested, .financialObligationRequested, .suspended])
        #expect(DossierStatus.supplementRequested.description == "5 Yêu cầu bổ sung giấy tờ")
        #expect(SubmissionChannel.postal.vietnameseName == "Bưu chính công ích")
    }

    @Test("a straight history gives received, due, finished and returned dates")
    func straightHistory() throws {
        let events = [
            DossierEvent(.registered, on: date("2024-10-06")),
            DossierEvent(.accepted, on: date("2024-10-07")),
            DossierEvent(.inProgress, on: date("2024-10-08")),
            DossierEvent(.processed, on: date("2024-10-11")),
            DossierEvent(.returned, on: date("2024-10-14")),
        ]
        let timeline = try lifecycle.timeline(of: events, deadline: .workingDays(5), asOf: date("2024-10-31"))
        #expect(timeline.status == .returned)
        #expect(timeline.registered == date("2024-10-06"))
        #expect(timeline.received == date("2024-10-07"))
        #expect(timeline.due == date("2024-10-14"))
        #expect(timeline.finished == date("2024-10-11"))
        #expect(timeline.returned == date("2024-10-14"))
        #expect(timeline.closed == date("2024-10-11"))
        #expect(timeline.clockStops.isEmpty)
    }

    @Test("a supplement request stops the clock and moves the due date by the paused working days")
    func pauseMovesDueDate() throws {
        let events = [
            DossierEvent(.accepted, on: date("2024-10-07")),
            DossierEvent(.inProgress, on: date("2024-10-07")),
            DossierEvent(.supplementRequested, on: date("2024-10-09")),
            DossierEvent(.inProgress, on: date("2024-10-16")),
            DossierEvent(.processed, on: date("2024-10-21")),
        ]
        let final = try lifecycle.timeline(of: events, deadline: .workingDays(5), asOf: date("2024-10-31"))
        #expect(final.initialDue == date("2024-10-14"))
        // Stopped on 10, 11, 14, 15, 16/10: five working days, so due 14/10 → 21/10, and done 21/10 is on time.
        #expect(final.clockStops == [ClockStop(status: .supplementRequested, start: date("2024-10-09"), end: date("2024-10-16"), workingDays: 5)])
        #expect(final.due == date("2024-10-21"))

        // While still paused, the stop counts up to the as-of date.
        let paused = try lifecycle.timeline(of: events, deadline: .workingDays(5), asOf: date("2024-10-11"))
        #expect(paused.status == .supplementRequested)
        #expect(paused.clockStops.first?.end == nil)
        #expect(paused.stoppedWorkingDays == 2)
        #expect(paused.due == date("2024-10-16"))
        #expect(paused.finished == nil)
    }

    @Test("a pause across a public holiday counts only working days")
    func pauseAcrossHoliday() throws {
        // Accepted Monday 26/8/2024 with 5 days: due 4/9 (2–3/9 are Quốc khánh).
        let events = [
            DossierEvent(.accepted, on: date("2024-08-26")),
            DossierEvent(.inProgress, on: date("2024-08-26")),
            DossierEvent(.supplementRequested, on: date("2024-08-28")),
            DossierEvent(.inProgress, on: date("2024-09-05")),
        ]
        let timeline = try lifecycle.timeline(of: events, deadline: .workingDays(5), asOf: date("2024-09-30"))
        #expect(timeline.initialDue == date("2024-09-04"))
        // Stopped on 29, 30/8, 4, 5/9 (four working days): due 4/9 → 10/9.
        #expect(timeline.stoppedWorkingDays == 4)
        #expect(timeline.due == date("2024-09-10"))
    }

    @Test("only configured pausing statuses stop the clock")
    func clockStoppingStatuses() throws {
        let events = [
            DossierEvent(.accepted, on: date("2024-10-07")),
            DossierEvent(.inProgress, on: date("2024-10-07")),
            DossierEvent(.financialObligationRequested, on: date("2024-10-08")),
            DossierEvent(.inProgress, on: date("2024-10-10")),
        ]
        let plain = try lifecycle.timeline(of: events, deadline: .workingDays(5), asOf: date("2024-10-31"))
        #expect(plain.due == date("2024-10-14"))
        let withFees = DossierLifecycle(calendar: .vietnam2024to2026, clockStoppingStatuses: [.financialObligationRequested, .inProgress])
        #expect(withFees.clockStoppingStatuses == [.financialObligationRequested])
        let stopped = try withFees.timeline(of: events, deadline: .workingDays(5), asOf: date("2024-10-31"))
        #expect(stopped.due == date("2024-10-16"))
    }

    @Test("a fixed intake due date or no deadline")
    func deadlines() throws {
        let events = [DossierEvent(.accepted, on: date("2024-09-28"))]
        let fixed = try lifecycle.timeline(of: events, deadline: .dueDate(date("2024-11-05")), asOf: date("2024-10-31"))
        #expect(fixed.due == date("2024-11-05"))
        let none = try lifecycle.timeline(of: events, deadline: .noDeadline, asOf: date("2024-10-31"))
        #expect(none.due == nil)
        #expect(none.status == .accepted)
    }

    @Test("the view as of a date ignores later events")
    func asOf() throws {
        let events = [
            DossierEvent(.registered, on: date("2024-10-30")),
            DossierEvent(.accepted, on: date("2024-11-01")),
            DossierEvent(.withdrawn, on: date("2024-11-04")),
        ]
        let before = try lifecycle.timeline(of: events, deadline: .workingDays(3), asOf: date("2024-10-29"))
        #expect(before.status == nil)
        let october = try lifecycle.timeline(of: events, deadline: .workingDays(3), asOf: date("2024-10-31"))
        #expect(october.status == .registered)
        #expect(october.received == nil)
        let november = try lifecycle.timeline(of: events, deadline: .workingDays(3), asOf: date("2024-11-30"))
        #expect(november.status == .withdrawn)
        #expect(november.closed == date("2024-11-04"))
    }

    @Test("illegal histories are refused with the reason")
    func illegalHistories() {
        let d = date("2024-10-07")
        #expect(throws: LifecycleError.invalidStart(.inProgress, on: d)) {
            try lifecycle.timeline(of: [DossierEvent(.inProgress, on: d)], deadline: .workingDays(1), asOf: d)
        }
        #expect(throws: LifecycleError.illegalTransition(from: .accepted, to: .processed, on: d)) {
            try lifecycle.timeline(of: [DossierEvent(.accepted, on: d), DossierEvent(.processed, on: d)], deadline: .workingDays(1), asOf: d)
        }
        #expect(throws: LifecycleError.outOfOrder(index: 1, date: date("2024-10-06"), previous: d)) {
            try DossierLifecycle.validate([DossierEvent(.accepted, on: d), DossierEvent(.inProgress, on: date("2024-10-06"))])
        }
        #expect(throws: LifecycleError.negativeProcessingTime(-1)) {
            try lifecycle.timeline(of: [DossierEvent(.accepted, on: d)], deadline: .workingDays(-1), asOf: d)
        }
        // A bad event after the as-of date is still an error: the history as a whole must be legal.
        #expect(throws: LifecycleError.self) {
            try lifecycle.timeline(
                of: [DossierEvent(.accepted, on: d), DossierEvent(.returned, on: date("2024-12-01"))],
                deadline: .workingDays(1), asOf: date("2024-10-31"))
        }
        #expect(LifecycleError.illegalTransition(from: .accepted, to: .processed, on: d).description.contains("2 Được tiếp nhận"))
    }

    @Test("random legal histories give consistent timelines, stable under later events")
    func randomTimelines() async {
        await propertyCheck(input: Gen.int(in: 0...999).array(of: 3...20), Gen.int(in: 0...500)) { script, offset in
            let record = RandomDossiers.record(0, from: script)
            let asOf = RandomDossiers.firstDay.adding(days: offset)
            let timeline: DossierTimeline
            do {
                timeline = try record.timeline(asOf: asOf, lifecycle: lifecycle)
            } catch {
                Issue.record("generated history refused: \(error)")
                return
            }
            if let received = timeline.received {
                #expect(received <= asOf)
                if let closed = timeline.closed { #expect(closed >= received) }
                if let initial = timeline.initialDue, let due = timeline.due { #expect(due >= initial) }
            }
            #expect(timeline.clockStops.allSatisfy { $0.workingDays >= 0 })
            #expect(timeline.clockStops.dropLast().allSatisfy { $0.end != nil })
            if let status = timeline.status {
                #expect(status.isFinished == (timeline.finished != nil))
                #expect((status == .supplementRequested) == (timeline.clockStops.last.map { $0.end == nil } ?? false))
            }
            // Cutting the history at the as-of date changes nothing.
            let cut = RandomDossiers.truncated([record], after: asOf)[0]
            #expect((try? cut.timeline(asOf: asOf, lifecycle: lifecycle)) == timeline)
        }
    }
}
