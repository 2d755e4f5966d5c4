import Foundation
import Synchronization
import Testing
import WarehousePortal

@testable import WarehouseCore

/// A scratch warehouse file with dossiers and their queued messages.
struct OutboxFixture {
    let root: URL
    let store: WarehouseDatabase
    static let agency = "000.12.34.H56"

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("sync-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        store = try WarehouseDatabase(url: StorageLayout(root: root).database)
    }

    var layout: StorageLayout { StorageLayout(root: root) }

    static func code(_ n: Int) -> String { "\(agency)-241105-\(String(format: "%04d", n))" }

    /// The instant of minute `m` after 09:00 on 2024-11-05 in Hà Nội.
    static func at(_ minute: Int) -> Date { PortalTime.date("20241105090000")!.addingTimeInterval(Double(minute) * 60) }

    /// Opens dossiers `range` (one DongBoHoSoMC each) and queues `steps` progress steps for each.
    func addDossiers(_ range: ClosedRange<Int>, steps: Int = 3) throws {
        let statuses: [DossierStatus] = [.accepted, .inProgress, .supplementRequested, .inProgress, .processed, .returned]
        for n in range {
            _ = try store.openDossier(
                DossierIntake(
                    code: try DossierCode(Self.code(n)), procedure: try ProcedureCode("1.001193"), agency: try AgencyCode(Self.agency),
                    owner: try OwnerIdentifier("038090012345"), actor: "canbo.phuong"),
                keepingExisting: true)
            for step in 0..<steps {
                try store.enqueueProgressSync(
                    dossier: Self.code(n),
                    update: DossierProgressUpdate(
                        handler: "Lê Văn Cán Bộ", title: "Công chức", at: Self.at(n * 10 + step), content: "bước \(step + 1)",
                        status: statuses[step % statuses.count]))
            }
        }
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

/// Fast settings for tests: a 1 s timeout, backoff in tens of milliseconds.
func testSettings(_ endpoint: URL, maxAttempts: Int = 20, maxRun: Double = 0.3) -> SyncSettings {
    SyncSettings(endpoint: endpoint, maxAttempts: maxAttempts, timeout: 1, backoff: 0.05, maxBackoff: 0.2, maxRunSeconds: maxRun)
}

/// Runs `sync run` (the library) again and again until nothing is pending, as a timer would.
func drain(_ store: WarehouseDatabase, _ transport: HTTPSyncTransport, _ settings: SyncSettings, limit: Int = 200) async throws -> [SyncSender.Report] {
    var reports: [SyncSender.Report] = []
    for _ in 0..<limit {
        let report = try await SyncSender(store: store, transport: transport, settings: settings).run()
        reports.append(report)
        let s = try #require(report.status)
        if s.due + s.waiting + s.sending == 0 { return reports }
        try await sleepOnTestLoop(seconds: 0.02)
    }
    Issue.record("the outbox did not drain in \(limit) runs")
    return reports
}

/// Runs `body` with an HTTP transport, shut down afterwards whatever happens (AsyncHTTPClient insists).
func withTransport<T>(_ body: (HTTPSyncTransport) async throws -> T) async throws -> T {
    let transport = HTTPSyncTransport(eventLoopGroup: testLoops)
    do {
        let value = try await body(transport)
        await transport.shutdown()
        return value
    } catch {
        await transport.shutdown()
        throw error
    }
}

/// `drain` with a transport of its own.
func drainWithOwnClient(_ store: WarehouseDatabase, _ settings: SyncSettings) async throws -> [SyncSender.Report] {
    try await withTransport { try await drain(store, $0, settings) }
}

@Suite("National-portal sender against a real HTTP server", .serialized)
struct SyncSenderTests {
    /// Faults for the j-th message id the portal sees, before it answers 200.
    static let faults: [[RecordingPortal.Behaviour]] = [
        [], [.fail500], [.hang], [.close], [.acceptThenClose], [.fail500, .hang, .close], [.errorCode], [.busy], [.acceptThenClose, .fail500],
    ]

    /// A plan that gives each message id, in the order first seen, its list of faults, then success.
    static func faultPlan() -> RecordingPortal.Plan {
        let order = Mutex<[String]>([])
        return { id, number, _ in
            let j = order.withLock { seen in
                if let i = seen.firstIndex(of: id) { return i }
                seen.append(id)
                return seen.count - 1
            }
            let list = faults[j % faults.count]
            return number <= list.count ? list[number - 1] : .ok
        }
    }

    @Test("failures, hangs and dropped connections: every message arrives, exactly one success each, none sent again after it")
    func drainsThroughFaults() async throws {
        let fixture = try OutboxFixture()
        defer { fixture.remove() }
        try fixture.addDossiers(1...5)
        let queued = try fixture.store.syncMessages()
        #expect(queued.count == 20)
        let portal = RecordingPortal(plan: Self.faultPlan())
        let reports = Mutex<[SyncSender.Report]>([])
        try await portal.serve { endpoint in
            let runs = try await drainWithOwnClient(fixture.store, testSettings(endpoint))
            reports.withLock { $0 = runs }
        }
        #expect(reports.withLock { $0.count } >= 2, "the runs were repeated")

        let outbox = try fixture.store.syncMessages()
        portal.checkDelivery(outbox, attempts: reports.withLock { $0.flatMap(\.attempts) })
        let s = portal.snapshot
        // Every kind of fault happened, and the lost successes were sent again with the same idempotency key.
        #expect(Set(s.arrivals.map(\.behaviour)).isSuperset(of: [.fail500, .hang, .close, .acceptThenClose, .errorCode, .busy, .ok]))
        let lost = Set(s.arrivals.filter { $0.behaviour == .acceptThenClose }.map(\.messageId))
        for id in lost { #expect(s.arrivals.filter { $0.messageId == id }.count >= 2) }
        // Each dossier's messages were applied in the order they were queued: its state first, then its steps.
        for n in 1...5 {
            let mine = outbox.filter { $0.dossierCode == OutboxFixture.code(n) }.map(\.messageId)
            #expect(s.applied.filter { mine.contains($0) } == mine)
        }
        try checkPayloads(s.arrivals, outbox: outbox, store: fixture.store)
    }

    /// The bodies have the portal's envelope, field names and dates.
    func checkPayloads(_ arrivals: [RecordingPortal.Arrival], outbox: [SyncMessage], store: WarehouseDatabase) throws {
        for arrival in arrivals {
            let message = try #require(outbox.first { $0.messageId == arrival.messageId })
            let envelope = try #require(try JSONSerialization.jsonObject(with: arrival.body) as? [String: Any])
            #expect(arrival.service == message.kind.rawValue)
            let item = try #require((envelope["data"] as? [[String: Any]])?.first)
            switch message.kind {
            case .dossier:
                #expect(Set(envelope.keys) == ["service", "isUpdating", "data"])
                #expect(envelope["isUpdating"] as? Bool == false, "the first state of each dossier")
                #expect(item.count == 37 && item["MaHoSo"] as? String == message.dossierCode)
                // Received as the lifecycle recorded it (a dossier first seen in a filing: the day its code gives).
                let received = try #require(try store.dossier(message.dossierCode)?.receivedAt)
                #expect(item["NgayTiepNhan"] as? String == PortalTime.string(received))
                let decoded = try JSONDecoder().decode(PortalDossier.self, from: JSONSerialization.data(withJSONObject: item))
                #expect(decoded.DinhDanhCHS.first?.SoDinhDanh == "038090012345")
            case .progress:
                #expect(Set(envelope.keys) == ["service", "data"])
                let step = try JSONDecoder().decode(PortalProgress.self, from: JSONSerialization.data(withJSONObject: item))
                #expect(item.count == 9 && step.MaHoSo == message.dossierCode)
                let n = Int(message.dossierCode.suffix(4))!
                let minute = (try #require(PortalTime.date(step.ThoiDiemXuLy))).timeIntervalSince(OutboxFixture.at(0)) / 60
                #expect(Int(minute) / 10 == n, "ThoiDiemXuLy \(step.ThoiDiemXuLy) is Vietnam time")
            }
        }
    }

    @Test("a hung request is given up after the timeout, not after the portal's answer")
    func timeoutIsKept() async throws {
        let fixture = try OutboxFixture()
        defer { fixture.remove() }
        try fixture.addDossiers(1...1, steps: 0)
        // The portal would answer after 60 s; the 1 s timeout gives up long before. The bound is loose: on
        // a loaded 2-core machine (the hostile-file tests decode 800 MiB images beside this one) the event
        // loops have been seen to stall for 9 s, but a sender that waited for the answer would take 60.
        let portal = RecordingPortal(hangSeconds: 60) { _, number, _ in number == 1 ? .hang : .ok }
        try await portal.serve { endpoint in
            let report = try await withTransport {
                // A run long enough for the retry after a first attempt slowed by a loaded machine.
                try await SyncSender(store: fixture.store, transport: $0, settings: testSettings(endpoint, maxRun: 40)).run()
            }
            #expect(report.attempts.map(\.outcome) == ["retry", "sent"])
            let first = try #require(report.attempts.first)
            #expect(first.seconds >= 0.95 && first.seconds < 30, "gave up after \(first.seconds) s")
            #expect(first.error?.contains("timed out") == true)
        }
    }

    @Test("a message that keeps failing is dead after max attempts; retry-dead sends it once the portal heals")
    func deadLetters() async throws {
        let fixture = try OutboxFixture()
        defer { fixture.remove() }
        try fixture.addDossiers(1...2, steps: 1)
        let poisoned = OutboxFixture.code(1)
        let portal = RecordingPortal { _, _, dossier in
            if dossier == poisoned { return .fail500 }
            return .ok
        }
        try await portal.serve { endpoint in
            _ = try await drainWithOwnClient(fixture.store, testSettings(endpoint, maxAttempts: 3))
            var dead = try fixture.store.syncMessages(state: .dead)
            #expect(dead.map(\.dossierCode) == [poisoned, poisoned], "both of its messages, the later one not held by the dead one")
            #expect(dead.allSatisfy { $0.attempts == 3 && $0.lastError?.contains("HTTP 500") == true && $0.lastError?.contains("giving up") == true })
            for m in dead { #expect((1...3).contains(portal.snapshot.arrivals.filter { $0.messageId == m.messageId }.count)) }
            #expect(try fixture.store.syncMessages(dossier: OutboxFixture.code(2)).allSatisfy { $0.state == .sent })
            let status = try fixture.store.syncStatus()
            #expect(status.dead == 2 && status.problems.count == 2)

            // The portal heals; the operator queues the dead letters again.
            portal.replan { _, _, _ in .ok }
            #expect(try fixture.store.retryDeadSync() == .init(revived: 2, superseded: 0))
            _ = try await drainWithOwnClient(fixture.store, testSettings(endpoint, maxAttempts: 3))
            dead = try fixture.store.syncMessages(dossier: poisoned)
            #expect(dead.allSatisfy { $0.state == .sent && $0.attempts == 1 })
            #expect(dead.map(\.messageId) == portal.snapshot.applied.filter { id in dead.contains { $0.messageId == id } })
        }
        #expect(portal.snapshot.violations.isEmpty)
    }

    @Test("an answer saying the message is malformed makes it dead at once")
    func malformedIsFinal() async throws {
        let fixture = try OutboxFixture()
        defer { fixture.remove() }
        try fixture.addDossiers(1...1, steps: 0)
        let portal = RecordingPortal { _, _, _ in .malformed }
        try await portal.serve { endpoint in
            let report = try await withTransport {
                try await SyncSender(store: fixture.store, transport: $0, settings: testSettings(endpoint)).run()
            }
            #expect(report.attempts.map(\.outcome) == ["dead"])
            #expect(report.attempts.first?.error?.contains("HTTP 422") == true)
        }
        #expect(try fixture.store.syncMessages().map(\.state) == [.dead])
    }

    @Test("two senders on separate connections drain one outbox together without sending a message twice at once")
    func concurrentSenders() async throws {
        let fixture = try OutboxFixture()
        defer { fixture.remove() }
        try fixture.addDossiers(1...12, steps: 2)
        let second = try WarehouseDatabase(url: fixture.layout.database)
        let portal = RecordingPortal(answerDelay: 0.02, plan: Self.faultPlan())
        let attempts = Mutex<[SyncSender.Attempt]>([])
        try await portal.serve { endpoint in
            let settings = testSettings(endpoint, maxRun: 10)
            async let one = drainWithOwnClient(fixture.store, settings)
            async let two = drainWithOwnClient(second, settings)
            let (a, b) = try await (one, two)
            let sentByA = a.reduce(0) { $0 + $1.sent }
            let sentByB = b.reduce(0) { $0 + $1.sent }
            #expect(sentByA + sentByB == 36)
            #expect(sentByA > 0 && sentByB > 0, "both senders took part: \(sentByA) + \(sentByB)")
            attempts.withLock { $0 = (a + b).flatMap(\.attempts) }
        }
        portal.checkDelivery(try fixture.store.syncMessages(), attempts: attempts.withLock { $0 })
    }
}
