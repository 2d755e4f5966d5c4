import Foundation
import GRDB
import Synchronization
import Testing
import WarehousePortal

@testable import WarehouseCore

/// The `warehouse` binary, run as cron would run it.
struct WarehouseProcess {
    struct Result: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The `warehouse` executable built beside the test bundle.
    static let binary: URL = {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for dir in [besideTests, besideTests.deletingLastPathComponent(), repository.appendingPathComponent(".build/debug")] {
            let candidate = dir.appendingPathComponent("warehouse")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return repository.appendingPathComponent(".build/debug/warehouse")
    }()

    let process = Process()
    private let out = Pipe()
    private let err = Pipe()

    /// Starts `warehouse ARGS --storage STORAGE`.
    init(_ arguments: [String], storage: URL) throws {
        process.executableURL = Self.binary
        process.arguments = arguments + ["--storage", storage.path]
        process.standardOutput = out
        process.standardError = err
        try process.run()
    }

    /// Waits for the end (on a thread of its own, not one of Swift's), killing the process after `timeout` seconds.
    func finish(timeout: Double = 120) async -> Result {
        let process = process
        let out = out
        let err = err
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                // Both pipes are read while the process runs, so that neither can fill up and block it; on
                // threads of their own, since Dispatch's global queues are busy with OCR in a full run.
                nonisolated(unsafe) var output = Data()
                nonisolated(unsafe) var errors = Data()
                let group = DispatchGroup()
                group.enter()
                Thread.detachNewThread {
                    output = out.fileHandleForReading.readDataToEndOfFile()
                    group.leave()
                }
                group.enter()
                Thread.detachNewThread {
                    errors = err.fileHandleForReading.readDataToEndOfFile()
                    group.leave()
                }
                let deadline = Date().addingTimeInterval(timeout)
                while process.isRunning && Date() < deadline { usleep(10_000) }
                if process.isRunning { process.terminate() }
                process.waitUntilExit()
                group.wait()
                continuation.resume(
                    returning: Result(
                        status: process.terminationStatus, stdout: String(decoding: output, as: UTF8.self),
                        stderr: String(decoding: errors, as: UTF8.self)))
            }
        }
    }

    static func run(_ arguments: [String], storage: URL) async throws -> Result {
        try await WarehouseProcess(arguments, storage: storage).finish()
    }
}

@Suite("warehouse sync (the binary) against a real HTTP server", .serialized)
struct SyncCommandTests {
    @Test("two `sync run` processes at once drain the outbox through faults; sync.json gives the endpoint; status says all sent")
    func concurrentRuns() async throws {
        let fixture = try OutboxFixture()
        defer { fixture.remove() }
        try fixture.addDossiers(1...6, steps: 2)
        let portal = RecordingPortal(answerDelay: 0.01, plan: SyncSenderTests.faultPlan())
        let attempts = Mutex<[SyncSender.Attempt]>([])
        try await portal.serve { endpoint in
            try Data(#"{"endpoint": "\#(endpoint.absoluteString)", "timeoutSeconds": 1, "backoffSeconds": 0.05, "maxBackoffSeconds": 0.2, "maxAttempts": 20}"#.utf8)
                .write(to: SyncSettings.file(in: fixture.layout))
            // A run ends as soon as the outbox is drained; the long window is only for a CI machine whose
            // two cores are busy with the other suites.
            let args = ["sync", "run", "--max-run", "300", "--json"]
            let a = try WarehouseProcess(args, storage: fixture.root)
            let b = try WarehouseProcess(args, storage: fixture.root)
            let (ra, rb) = await (a.finish(timeout: 400), b.finish(timeout: 400))
            #expect(ra.status == 0, "\(ra.stderr)\n\(ra.stdout)")
            #expect(rb.status == 0, "\(rb.stderr)\n\(rb.stdout)")
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            let reports = try [ra, rb].map { try decoder.decode(SyncSender.Report.self, from: Data($0.stdout.utf8)) }
            #expect(reports.map(\.sent).reduce(0, +) == 18)
            #expect(reports.allSatisfy { $0.sent > 0 }, "both processes took part")
            attempts.withLock { $0 = reports.flatMap(\.attempts) }
            let status = try await WarehouseProcess.run(["sync", "status", "--json"], storage: fixture.root)
            #expect(status.status == 0)
            let counts = try decoder.decode(SyncOutbox.Status.self, from: Data(status.stdout.utf8))
            #expect(counts.sent == 18 && counts.dead == 0 && counts.due + counts.waiting + counts.sending == 0)
        }
        portal.checkDelivery(try fixture.store.syncMessages(), attempts: attempts.withLock { $0 })
    }

    @Test("dead letters through the CLI: exit 7, listed by status, queued again by retry-dead, then sent")
    func deadLettersByCommand() async throws {
        let fixture = try OutboxFixture()
        defer { fixture.remove() }
        try fixture.addDossiers(1...1, steps: 1)
        let portal = RecordingPortal { _, _, _ in .fail500 }
        try await portal.serve { endpoint in
            let common = ["--endpoint", endpoint.absoluteString, "--timeout", "1", "--backoff", "0.05", "--max-run", "10"]
            let failing = try await WarehouseProcess.run(["sync", "run", "--max-attempts", "2"] + common, storage: fixture.root)
            #expect(failing.status == 7, "\(failing.stdout)\(failing.stderr)")
            #expect(failing.stdout.contains("✗ dead"))
            let status = try await WarehouseProcess.run(["sync", "status"], storage: fixture.root)
            #expect(status.status == 7)
            #expect(status.stdout.contains("2 dead") && status.stdout.contains("HTTP 500"), "\(status.stdout)")

            let unknown = try await WarehouseProcess.run(["sync", "retry-dead", "no-such-message"], storage: fixture.root)
            #expect(unknown.status == 5 && unknown.stderr.contains("no-such-message"))
            let dead = try fixture.store.syncMessages(state: .dead)
            let one = try await WarehouseProcess.run(["sync", "retry-dead", dead[1].messageId, "--json"], storage: fixture.root)
            #expect(one.status == 0 && one.stdout.contains("\"revived\" : 1"), "\(one.stdout)")
            let rest = try await WarehouseProcess.run(["sync", "retry-dead"], storage: fixture.root)
            #expect(rest.status == 0 && rest.stdout.contains("1 message(s) queued again"), "\(rest.stdout)")

            portal.replan { _, _, _ in .ok }
            let healed = try await WarehouseProcess.run(["sync", "run"] + common, storage: fixture.root)
            #expect(healed.status == 0, "\(healed.stdout)\(healed.stderr)")
            #expect(healed.stdout.contains("2 sent, 0 failed"), "\(healed.stdout)")
        }
        #expect(try fixture.store.syncMessages().allSatisfy { $0.state == .sent })
        #expect(portal.snapshot.violations.isEmpty)
    }

    @Test("a sender killed while sending leaves its message to the next run, which takes it when the claim lapses")
    func killedSender() async throws {
        let fixture = try OutboxFixture()
        defer { fixture.remove() }
        try fixture.addDossiers(1...1, steps: 0)
        // The first attempt hangs past the sender's timeout: the sender is killed while waiting for it.
        let portal = RecordingPortal(hangSeconds: 8) { _, number, _ in number == 1 ? .hang : .ok }
        try await portal.serve { endpoint in
            let args = ["sync", "run", "--endpoint", endpoint.absoluteString, "--timeout", "1", "--backoff", "0.05"]
            let victim = try WarehouseProcess(args + ["--max-run", "30"], storage: fixture.root)
            for _ in 0..<500 where portal.snapshot.arrivals.isEmpty { try await sleepOnTestLoop(seconds: 0.01) }
            kill(victim.process.processIdentifier, SIGKILL)
            _ = await victim.finish()
            let claimed = try #require(try fixture.store.syncMessages().first)
            #expect(claimed.claimedBy != nil && claimed.attempts == 1)
            // The claim lasts 2 × timeout + 5 s = 7 s; the next run waits for it to lapse and sends.
            let started = Date()
            let next = try await WarehouseProcess.run(args + ["--max-run", "20"], storage: fixture.root)
            #expect(next.status == 0, "\(next.stdout)\(next.stderr)")
            #expect(next.stdout.contains("1 sent"), "\(next.stdout)")
            #expect(Date().timeIntervalSince(started) < 15)
        }
        let message = try #require(try fixture.store.syncMessages().first)
        #expect(message.state == .sent && message.attempts == 2)
        #expect(portal.snapshot.applied == [message.messageId])
        #expect(portal.snapshot.violations.isEmpty)
    }

    @Test("bad settings and a missing endpoint are refused with the file, the field and the cause")
    func badSettings() async throws {
        let fixture = try OutboxFixture()
        defer { fixture.remove() }
        let none = try await WarehouseProcess.run(["sync", "run"], storage: fixture.root)
        #expect(none.status == 64 && none.stderr.contains("no endpoint is configured"), "\(none.stderr)")
        let file = SyncSettings.file(in: fixture.layout)
        try Data(#"{"endpoint": "http://127.0.0.1:9/x", "maxAttempts": "many"}"#.utf8).write(to: file)
        let bad = try await WarehouseProcess.run(["sync", "run"], storage: fixture.root)
        #expect(bad.status == 64)
        #expect(bad.stderr.contains(file.path) && bad.stderr.contains("field maxAttempts") && bad.stderr.contains("whole number"), "\(bad.stderr)")
        try Data("{\"endpoint\": ".utf8).write(to: file)
        let broken = try await WarehouseProcess.run(["sync", "status"], storage: fixture.root)
        #expect(broken.status == 0, "status needs no settings")
        let invalid = try await WarehouseProcess.run(["sync", "run"], storage: fixture.root)
        #expect(invalid.status == 64 && invalid.stderr.contains("not valid JSON"), "\(invalid.stderr)")
        try FileManager.default.removeItem(at: file)
        let flag = try await WarehouseProcess.run(["sync", "run", "--endpoint", "portal.gov.vn"], storage: fixture.root)
        #expect(flag.status == 64 && flag.stderr.contains("--endpoint"), "\(flag.stderr)")
        let range = try await WarehouseProcess.run(["sync", "run", "--endpoint", "http://127.0.0.1:9", "--max-attempts", "0"], storage: fixture.root)
        #expect(range.status == 64 && range.stderr.contains("--max-attempts"), "\(range.stderr)")
    }

    @Test("sync enqueue queues dossiers filed before the outbox, once")
    func enqueueCommand() async throws {
        let fixture = try OutboxFixture()
        defer { fixture.remove() }
        try fixture.addDossiers(1...3, steps: 0)
        // As if filed before the outbox existed.
        try fixture.store.writeDB { db in try db.execute(sql: "DELETE FROM syncOutbox") }
        let all = try await WarehouseProcess.run(["sync", "enqueue", "--all", "--json"], storage: fixture.root)
        #expect(all.status == 0 && all.stdout.contains("\"queued\" : 3"), "\(all.stdout)\(all.stderr)")
        let again = try await WarehouseProcess.run(["sync", "enqueue", OutboxFixture.code(2)], storage: fixture.root)
        #expect(again.status == 0 && again.stdout.contains("0 queued, 0 waiting message(s) brought up to date, 1 unchanged"), "\(again.stdout)")
        let missing = try await WarehouseProcess.run(["sync", "enqueue", OutboxFixture.code(9)], storage: fixture.root)
        #expect(missing.status == 5 && missing.stderr.contains(OutboxFixture.code(9)))
        let invalid = try await WarehouseProcess.run(["sync", "enqueue", "not-a-dossier"], storage: fixture.root)
        #expect(invalid.status == 64)
        #expect(try fixture.store.syncMessages().count == 3)
    }
}
