import Foundation
import GRDB
import Testing
import WarehouseCore

#if canImport(Glibc)
    import Glibc
#endif

/// `ingest`, `issue`, `backfill` and `serve` killed with SIGKILL at random points, aimed inside their writes,
/// then started again. After each kill: the databases open, pass `integrity_check` and `foreign_key_check`,
/// every blob a row names is there and hashes right, nothing but whole blobs is in `blobs/`, every
/// acknowledged upload is filed. At the end: the same warehouse as runs never interrupted, no litter left,
/// `warehouse check` clean. `CRASH_KILLS` sets the number of kills (default 14, shared by the four
/// commands); `bench/crash_harness.sh` runs the long version.
@Suite("crash safety", .serialized)
struct CrashSafetyTests {
    static let owner = "038090012345"
    static let dossier = "000.12.34.H56-241105-0007"
    static let procedure = "1.001193"
    static let agency = "000.12.34.H56"

    /// A random generator whose seed is printed (and taken from `CRASH_SEED` when set), to replay a run.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        static func make(_ name: String) -> Seeded {
            let seed = ProcessInfo.processInfo.environment["CRASH_SEED"].flatMap { UInt64($0) } ?? UInt64.random(in: 1...UInt64.max)
            print("crash-safety \(name): CRASH_SEED=\(seed)")
            return Seeded(state: seed)
        }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// A damaged PDF of bytes of its own (quarantined: the quarantine's writes are on the path too).
    static func damagedPDF(_ n: Int, in directory: URL) throws -> URL {
        let url = directory.appendingPathComponent("hong-\(n).pdf")
        try (Data("%PDF-1.7\n".utf8) + Data((0..<3000).map { UInt8(truncatingIfNeeded: ($0 &* 7919) ^ n) })).write(to: url)
        return url
    }

    /// What one command's kills found.
    struct Findings {
        var kills = 0
        var runs = 0
        var byPlan: [String: Int] = [:]
        var noted = 0
        var litter = 0
        var problems: [String] = []

        /// Checks the warehouse right after a kill (`CrashInspection`) and what `warehouse check` says of it:
        /// the only problems it may see are the blobs noted as being placed, which the next command takes out.
        mutating func afterKill(_ storage: URL, plan: StorageWatcher.Plan, acknowledged: Set<String> = []) throws {
            kills += 1
            byPlan[plan.label, default: 0] += 1
            let inspection = CrashInspection.inspect(storage, acknowledged: acknowledged)
            noted += inspection.noted
            litter += inspection.litter
            problems += inspection.problems.map { "after a kill \(plan): \($0)" }
            guard FileManager.default.fileExists(atPath: storage.appendingPathComponent("warehouse.sqlite").path) else { return }
            let check = try WarehouseRunner(storage: storage).run(["check", "--json"])
            struct Report: Decodable {
                struct Issue: Decodable { var kind: String; var subject: String }
                var issues: [Issue]
            }
            guard let report = try? check.json(Report.self) else {
                problems.append("after a kill \(plan): check gave no report (exit \(check.status)): \(check.stderr)")
                return
            }
            let noted = Set(((try? String(contentsOf: storage.appendingPathComponent("pending-blobs"), encoding: .utf8)) ?? "").split(separator: "\n").map(String.init))
            for issue in report.issues where !(issue.kind == "orphan-blob" && noted.contains(issue.subject)) {
                problems.append("after a kill \(plan): check found \(issue.kind) \(issue.subject)")
            }
        }

        func record(_ command: String, since: Date) {
            CrashTally.shared.record(
                command, kills: kills, runs: runs, byPlan: byPlan, noted: noted, litter: litter, problems: problems,
                seconds: Date().timeIntervalSince(since))
        }
    }

    /// Runs `jobs` (commands, in order) on a fresh warehouse without kills, then again on another one
    /// killed `quota` times (at most twice per job) and started again until each job ran to its end;
    /// both must end the same.
    static func killAndResume(
        _ command: String, jobs: [[String]], quota: Int, triggers: [StorageWatcher.Trigger], maxNth: [StorageWatcher.Trigger: Int],
        setup: (WarehouseRunner) throws -> Void = { _ in }, compare: (URL) throws -> [String] = CrashState.snapshot
    ) throws -> Findings {
        let started = Date()
        var random = Seeded.make(command)
        let reference = WarehouseRunner()
        defer { reference.remove() }
        try setup(reference)
        var seconds: [Double] = []
        for job in jobs {
            let start = Date()
            let run = try reference.run(job)
            #expect([0, 2].contains(run.status), "reference \(job.first ?? ""): \(run.stderr)")
            seconds.append(Date().timeIntervalSince(start))
        }

        let storage = WarehouseRunner()
        defer { storage.remove() }
        try setup(storage)
        let watcher = try StorageWatcher(storage: storage.storage)
        defer { watcher.stop() }
        var findings = Findings()
        // Each job until it ran to its end; then, if kills are still due, the last one again (a rerun of
        // finished work is killed too: its reuse path writes a filing row).
        var index = 0
        var killsHere = 0
        // A kill is always followed by a run to the end: that run must clean up after the dead one.
        var lastKilled = false
        while index < jobs.count || findings.kills < quota || lastKilled {
            let current = min(index, jobs.count - 1)
            let plan: StorageWatcher.Plan? =
                findings.kills < quota && killsHere < 2
                ? .random(triggers, maxNth: maxNth, seconds: seconds[current], using: &random) : nil
            let run = try KilledRun.run(jobs[current], storage: storage.storage, plan: plan, watcher: watcher)
            findings.runs += 1
            lastKilled = run.killed && plan != nil
            if run.killed, let plan {
                killsHere += 1
                try findings.afterKill(storage.storage, plan: plan)
                continue
            }
            #expect([0, 2].contains(run.status), "\(command) job \(current + 1) ended with \(run.status): \(run.stderr)")
            index += 1
            killsHere = 0
            if findings.runs > 20 * max(quota, jobs.count) { break }
        }
        findings.problems += CrashInspection.settled(storage.storage).map { "at the end: \($0)" }
        let check = try storage.run(["check"])
        if check.status != 0 { findings.problems.append("at the end: check exit \(check.status): \(check.stdout)") }
        let expected = try compare(reference.storage)
        let actual = try compare(storage.storage)
        if expected != actual {
            let missing = Set(expected).subtracting(actual).sorted().prefix(5)
            let extra = Set(actual).subtracting(expected).sorted().prefix(5)
            findings.problems.append("the resumed runs do not end like runs never interrupted: missing \(Array(missing)), extra \(Array(extra))")
        }
        #expect(expected.count > 5)
        findings.record(command, since: started)
        return findings
    }

    @Test("ingest killed inside its writes and run again: nothing lost or half-written, the same end as without kills")
    func ingest() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("crash-ingest-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let quota = CrashTally.quota(0, of: 4)
        let count = quota / 2 + 2
        let a = try ScanVariants.make("000.12.34.H56-241105-0007/giay-chung-nhan-ket-hon.png", count: count, in: work, prefix: "ket-hon")
        let b = try ScanVariants.make("000.12.34.H56-241021-0003/cccd-mat-sau.jpg", count: count, in: work, prefix: "cccd")
        let jobs = try (0..<count).map { i in
            ["ingest", a[i].path, b[i].path, try Self.damagedPDF(i, in: work).path, "--owner", Self.owner, "--procedure", Self.procedure,
             "--dossier", Self.dossier, "--agency", Self.agency, "--jobs", "1", "--json"]
        }
        let findings = try Self.killAndResume(
            "ingest", jobs: jobs, quota: quota, triggers: [.receiving, .received, .placing, .leftSpool, .walWrite],
            maxNth: [.receiving: 3, .received: 3, .leftSpool: 3, .placing: 1, .walWrite: 4])
        #expect(findings.kills >= quota, "\(findings.kills) kills")
        #expect(findings.problems.isEmpty, "\(findings.problems.joined(separator: "\n"))")
    }

    @Test("issue killed inside its writes and run again: one result per paper, the same end as without kills")
    func issue() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("crash-issue-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let quota = CrashTally.quota(1, of: 4)
        let count = quota / 2 + 1
        let scans = try ScanVariants.make("000.12.34.H56-241105-0007/giay-khai-sinh.png", count: count, in: work, prefix: "khai-sinh")
        let jobs = scans.enumerated().map { i, scan in
            ["issue", scan.path, "--dossier", Self.dossier, "--result-type", "KQ.G15.000031", "--owner", "038324000123", "--name", "Giấy khai sinh",
             "--number", "\(45 + i)", "--permanent", "--scope", "Toàn quốc", "--procedure", Self.procedure, "--agency", Self.agency, "--json"]
        }
        let findings = try Self.killAndResume(
            "issue", jobs: jobs, quota: quota, triggers: [.received, .placing, .leftSpool, .walWrite, .sealing, .staging],
            maxNth: [.placing: 2, .walWrite: 5, .leftSpool: 1, .received: 1, .sealing: 1, .staging: 1],
            setup: { warehouse in
                let keys = try warehouse.run(["keys", "init", "--issuer", "HTTT crash test"])
                #expect(keys.status == 0, "\(keys.stderr)")
            })
        #expect(findings.kills >= quota, "\(findings.kills) kills")
        #expect(findings.problems.isEmpty, "\(findings.problems.joined(separator: "\n"))")
    }

    @Test("backfill killed inside its writes and run again: it goes on where it stopped and ends as a run never interrupted")
    func backfill() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("crash-backfill-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let quota = CrashTally.quota(2, of: 4)
        let archives = quota / 2 + 1
        var jobs: [[String]] = []
        for n in 1...archives {
            let root = work.appendingPathComponent("archive-\(n)")
            let folder = root.appendingPathComponent("2024/hs-\(n)")
            _ = try ScanVariants.make("000.12.34.H56-241105-0007/cccd-mat-sau.png", count: 3, in: folder, prefix: "cccd-\(n)")
            _ = try ScanVariants.make("000.12.34.H56-241105-0007/giay-chung-nhan-ket-hon.png", count: 2, in: folder, prefix: "ket-hon-\(n)")
            _ = try Self.damagedPDF(100 + n, in: folder)
            let manifest = root.appendingPathComponent("manifest.csv")
            try "path,owner,procedure,dossier,agency\n2024/,\(Self.owner),\(Self.procedure),\(Self.dossier),\(Self.agency)\n"
                .write(to: manifest, atomically: true, encoding: .utf8)
            jobs.append(["backfill", root.path, "--manifest", manifest.path, "--jobs", "1", "--json"])
        }
        let findings = try Self.killAndResume(
            "backfill", jobs: jobs, quota: quota, triggers: [.receiving, .received, .placing, .leftSpool, .walWrite],
            maxNth: [.receiving: 6, .received: 6, .leftSpool: 6, .placing: 2, .walWrite: 8],
            compare: { storage in try CrashState.snapshot(storage) + BackfillTests.state(storage, root: work) })
        #expect(findings.kills >= quota, "\(findings.kills) kills")
        #expect(findings.problems.isEmpty, "\(findings.problems.joined(separator: "\n"))")
    }

    @Test("the server killed while clerks upload, restarted: every acknowledged upload is there, retries end as uploads never cut")
    func server() throws {
        let started = Date()
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("crash-server-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let quota = CrashTally.quota(3, of: 4)
        let count = quota + 4
        let uploads = try ScanVariants.make("000.12.34.H56-241105-0007/cccd-mat-sau.png", count: count, in: work, prefix: "cccd")
            + ScanVariants.make("000.12.34.H56-241105-0007/giay-chung-nhan-ket-hon.png", count: count, in: work, prefix: "ket-hon")
        let files = try uploads.map { ($0.lastPathComponent, try Data(contentsOf: $0)) }
        var random = Seeded.make("server")

        let reference = WarehouseRunner()
        defer { reference.remove() }
        let server = try ServerUnderTest(storage: reference.storage)
        var referenceSeconds = 0.0
        do {
            defer { server.stop() }
            let referenceStart = Date()
            let client = try server.client()
            for (name, data) in files {
                let answer = try client.upload(dossier: Self.dossier, fileName: name, data: data)
                #expect(answer.status == 200, "reference upload \(name): \(answer.status) \(answer.text)")
            }
            referenceSeconds = Date().timeIntervalSince(referenceStart)
        }

        let storage = WarehouseRunner()
        defer { storage.remove() }
        let watcher = try StorageWatcher(storage: storage.storage)
        defer { watcher.stop() }
        var findings = Findings()
        var acknowledged: Set<String> = []
        var next = 0
        // Signed in once: the session is in the database and outlives the kills.
        var session: DeskClient?
        var lastKilled = false
        while next < files.count || lastKilled {
            let plan: StorageWatcher.Plan? =
                findings.kills < quota
                ? .random([.uploading, .received, .placing, .leftSpool, .walWrite], maxNth: [.uploading: 3, .received: 3, .leftSpool: 3, .placing: 3, .walWrite: 12],
                    seconds: 3 * referenceSeconds / Double(files.count), using: &random)
                : nil
            let server = try ServerUnderTest(storage: storage.storage)
            findings.runs += 1
            let client = try session.map { $0.on(port: server.port) } ?? server.client()
            session = client
            if let plan { server.arm(plan, watcher: watcher) }
            // Load beside the uploads: a reader asking for the dossier page all the time.
            let reader = server.startReader(client)
            while next < files.count {
                let (name, data) = files[next]
                guard let answer = try? client.upload(dossier: Self.dossier, fileName: name, data: data) else { break }
                guard answer.status == 200 else {
                    findings.problems.append("upload \(name) answered \(answer.status): \(answer.text.prefix(300))")
                    next += 1
                    continue
                }
                acknowledged.insert(BlobID.of(data).hex)
                next += 1
            }
            reader.stop()
            let killed = server.waitForKill(watcher: watcher)
            lastKilled = killed && plan != nil
            if killed, let plan {
                try findings.afterKill(storage.storage, plan: plan, acknowledged: acknowledged)
            } else {
                server.stop()
            }
        }
        findings.problems += CrashInspection.inspect(storage.storage, acknowledged: acknowledged).problems.map { "at the end: \($0)" }
        findings.problems += CrashInspection.settled(storage.storage).map { "at the end: \($0)" }
        let check = try storage.run(["check"])
        if check.status != 0 { findings.problems.append("at the end: check exit \(check.status): \(check.stdout)") }
        let expected = try CrashState.snapshot(reference.storage)
        let actual = try CrashState.snapshot(storage.storage)
        if expected != actual {
            findings.problems.append(
                "the retried uploads do not end like uploads never cut: missing \(Array(Set(expected).subtracting(actual).sorted().prefix(5))), extra \(Array(Set(actual).subtracting(expected).sorted().prefix(5)))")
        }
        #expect(acknowledged.count == files.count)
        findings.record("serve", since: started)
        #expect(findings.kills >= quota, "\(findings.kills) kills")
        #expect(findings.problems.isEmpty, "\(findings.problems.joined(separator: "\n"))")
    }
}

/// `warehouse serve --demo` on a free loopback port, with the desk clerk signed in and the dossier open.
final class ServerUnderTest: @unchecked Sendable {
    let process = Process()
    let port = freeLoopbackPort()
    private let output = Pipe()
    private var timedKill: DispatchWorkItem?
    private var timedKillSent = false
    private let lock = NSLock()

    /// Starts `warehouse serve --demo` on `storage` (the sample catalogue's procedures loaded), with `arguments` added.
    init(storage: URL, arguments: [String] = []) throws {
        try WarehouseRunner(storage: storage).importSampleCatalog()
        process.executableURL = WarehouseRunner.binary
        process.arguments = ["serve", "--demo", "--port", "\(port)", "--storage", storage.path] + arguments
        process.standardOutput = output
        process.standardError = output
        // Drain the log so that the server never blocks on a full pipe.
        output.fileHandleForReading.readabilityHandler = { handle in _ = handle.availableData }
        try process.run()
        guard DeskClient.waitForServer(port: port, seconds: 120) else {
            process.terminate()
            throw LoopbackHTTP.Failure(description: "warehouse serve did not start on port \(port)")
        }
    }

    /// A signed-in desk clerk, with the dossier open.
    func client() throws -> DeskClient {
        var client = DeskClient(port: port)
        try client.signIn(username: "canbo.phuong", password: "motcua-phuong-2024")
        let opened = try client.openDossier(code: CrashSafetyTests.dossier, procedure: CrashSafetyTests.procedure, owner: CrashSafetyTests.owner)
        guard opened == 303 || opened == 302 else { throw LoopbackHTTP.Failure(description: "opening the dossier answered \(opened)") }
        return client
    }

    func arm(_ plan: StorageWatcher.Plan, watcher: StorageWatcher) {
        switch plan {
        case .after: watcher.arm(plan, pid: process.processIdentifier)
        case .time(let seconds):
            let item = DispatchWorkItem { [self] in
                let sent = kill(process.processIdentifier, SIGKILL) == 0
                lock.withLock { timedKillSent = sent }
            }
            timedKill = item
            DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: item)
        }
    }

    /// Whether the server was killed by the plan (reaped before it returns true); false while it still runs.
    func waitForKill(watcher: StorageWatcher) -> Bool {
        if process.isRunning {
            // The uploads all went through before the kill came: no kill this time.
            timedKill?.cancel()
            _ = watcher.disarm()
            usleep(50_000)
            if process.isRunning { return false }
        }
        process.waitUntilExit()
        let fired = watcher.disarm() || lock.withLock { timedKillSent }
        output.fileHandleForReading.readabilityHandler = nil
        return fired && process.terminationReason == .uncaughtSignal
    }

    /// Stops the server as an operator would (SIGTERM) and waits for it.
    func stop() {
        timedKill?.cancel()
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        output.fileHandleForReading.readabilityHandler = nil
    }

    /// A reader asking for the dossier page until stopped.
    func startReader(_ client: DeskClient) -> Reader {
        let reader = Reader()
        let thread = Thread(block: {
            while !reader.stopped {
                _ = try? client.http.send("GET", "/desk/dossiers/\(CrashSafetyTests.dossier)", headers: [("Cookie", client.cookie), ("Accept", "text/html")])
                usleep(20_000)
            }
            reader.finished()
        })
        thread.start()
        return reader
    }

    final class Reader: @unchecked Sendable {
        private let lock = NSLock()
        private var stopFlag = false
        private var done = false
        var stopped: Bool { lock.withLock { stopFlag } }
        func finished() { lock.withLock { done = true } }
        func stop() {
            lock.withLock { stopFlag = true }
            while !lock.withLock({ done }) { usleep(5_000) }
        }
    }
}
