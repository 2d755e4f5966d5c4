import Foundation
import GRDB
import Testing
import WarehouseCore

#if canImport(Glibc)
    import Glibc
#endif

/// Watches a warehouse directory with inotify and kills a process with SIGKILL at the n-th write of a kind:
/// so that kills land inside the write path (a file half received, a blob placed but its rows not yet
/// committed, a WAL frame being appended), not only before or after it.
final class StorageWatcher: @unchecked Sendable {
    /// The writes a kill can be timed on.
    enum Trigger: String, CaseIterable, Sendable {
        /// A file is being received into the spool (`spool/.recv-*` created).
        case receiving
        /// A file was received whole (renamed to `spool/.spooled-*`).
        case received
        /// Blobs are noted as being placed (`pending-blobs` written): their rows are not committed yet.
        case placing
        /// A received file left the spool (renamed into `blobs/` or the quarantine).
        case leftSpool
        /// SQLite appended to the WAL (a transaction being committed).
        case walWrite
        /// A blob is being written in `tmp/` before its rename (`tmp/.tmp-*`).
        case staging
        /// A sealed PDF is being written (`tmp/.sealed-*`).
        case sealing
        /// The server started receiving an upload (`tmp/.upload-*`).
        case uploading
    }

    /// Where a kill is to land: the n-th write of a kind plus a few microseconds, or a moment in time.
    enum Plan: CustomStringConvertible, Sendable {
        case after(Trigger, nth: Int, delayMicroseconds: UInt32)
        case time(Double)

        var description: String {
            switch self {
            case .after(let trigger, let nth, let delay): "\(nth). \(trigger.rawValue) +\(delay) µs"
            case .time(let seconds): String(format: "at %.2f s", seconds)
            }
        }

        var label: String {
            switch self {
            case .after(let trigger, _, _): trigger.rawValue
            case .time: "random time"
            }
        }

        /// A random plan among `triggers` (n-th up to `maxNth`) or, one time in four, a random moment before `seconds`.
        static func random(_ triggers: [Trigger], maxNth: [Trigger: Int] = [:], seconds: Double, using g: inout some RandomNumberGenerator) -> Plan {
            if Int.random(in: 0..<4, using: &g) == 0 || triggers.isEmpty {
                return .time(Double.random(in: 0.05...max(0.1, seconds), using: &g))
            }
            let trigger = triggers.randomElement(using: &g)!
            let delay: UInt32 = Bool.random(using: &g) ? 0 : UInt32.random(in: 1...3000, using: &g)
            return .after(trigger, nth: Int.random(in: 1...(maxNth[trigger] ?? 2), using: &g), delayMicroseconds: delay)
        }
    }

    private let fd: Int32
    private var directories: [Int32: String] = [:]
    private let lock = NSLock()
    private var armed: (pid: pid_t, trigger: Trigger, nth: Int, delay: UInt32)?
    private var seen = 0
    private var firedFlag = false
    private var stopping = false
    private var thread: Thread?

    /// Watches `storage` (created if missing) and its `spool/`, `tmp/` and `quarantine/`.
    init(storage: URL) throws {
        fd = inotify_init1(Int32(IN_CLOEXEC))
        guard fd >= 0 else { throw LoopbackHTTP.Failure(description: "inotify_init1: \(String(cString: strerror(errno)))") }
        for (key, path) in [("root", storage), ("spool", storage.appendingPathComponent("spool")), ("tmp", storage.appendingPathComponent("tmp")),
                            ("quarantine", storage.appendingPathComponent("quarantine"))] {
            try FileManager.default.createDirectory(at: path, withIntermediateDirectories: true)
            let wd = inotify_add_watch(fd, path.path, UInt32(IN_CREATE | IN_MOVED_TO | IN_MOVED_FROM | IN_MODIFY))
            guard wd >= 0 else { throw LoopbackHTTP.Failure(description: "inotify_add_watch \(path.path): \(String(cString: strerror(errno)))") }
            directories[wd] = key
        }
        let thread = Thread(block: { [self] in self.loop() })
        self.thread = thread
        thread.start()
    }

    deinit {
        close(fd)
    }

    func stop() {
        lock.withLock { stopping = true }
        while thread?.isFinished == false { usleep(5_000) }
    }

    /// Kills `pid` when the plan's write happens (time plans are the runner's).
    func arm(_ plan: Plan, pid: pid_t) {
        lock.withLock {
            seen = 0
            firedFlag = false
            if case .after(let trigger, let nth, let delay) = plan { armed = (pid, trigger, nth, delay) } else { armed = nil }
        }
    }

    /// Disarms; true when the plan's kill was sent.
    func disarm() -> Bool {
        lock.withLock {
            armed = nil
            return firedFlag
        }
    }

    private func loop() {
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        while !lock.withLock({ stopping }) {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 20) > 0 else { continue }
            let n = read(fd, &buffer, buffer.count)
            guard n > 0 else { continue }
            var offset = 0
            while offset + 16 <= n {
                let (wd, mask, length) = buffer.withUnsafeBytes { raw in
                    (raw.load(fromByteOffset: offset, as: Int32.self), raw.load(fromByteOffset: offset + 4, as: UInt32.self),
                     Int(raw.load(fromByteOffset: offset + 12, as: UInt32.self)))
                }
                let nameBytes = buffer[(offset + 16)..<min(n, offset + 16 + length)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                offset += 16 + length
                guard let directory = directories[wd], let trigger = Self.trigger(directory: directory, mask: mask, name: name) else { continue }
                fire(trigger)
            }
        }
    }

    private func fire(_ trigger: Trigger) {
        lock.lock()
        guard let armed, armed.trigger == trigger else {
            lock.unlock()
            return
        }
        seen += 1
        guard seen == armed.nth else {
            lock.unlock()
            return
        }
        self.armed = nil
        lock.unlock()
        if armed.delay > 0 { usleep(armed.delay) }
        let sent = kill(armed.pid, SIGKILL) == 0
        lock.withLock { firedFlag = sent }
    }

    static func trigger(directory: String, mask: UInt32, name: String) -> Trigger? {
        switch directory {
        case "spool" where mask & UInt32(IN_CREATE) != 0 && name.hasPrefix(".recv-"): .receiving
        case "spool" where mask & UInt32(IN_MOVED_TO) != 0 && name.hasPrefix(".spooled-"): .received
        case "spool" where mask & UInt32(IN_MOVED_FROM) != 0 && name.hasPrefix(".spooled-"): .leftSpool
        case "root" where mask & UInt32(IN_MODIFY) != 0 && name == "pending-blobs": .placing
        case "root" where mask & UInt32(IN_MODIFY) != 0 && name == "warehouse.sqlite-wal": .walWrite
        case "tmp" where mask & UInt32(IN_CREATE) != 0 && name.hasPrefix(".tmp-"): .staging
        case "tmp" where mask & UInt32(IN_CREATE) != 0 && name.hasPrefix(".sealed-"): .sealing
        case "tmp" where mask & UInt32(IN_CREATE) != 0 && name.hasPrefix(".upload-"): .uploading
        default: nil
        }
    }
}

/// What a warehouse looks like right after a kill, before anything runs on it again.
struct CrashInspection {
    /// Broken promises: each is a test failure.
    var problems: [String] = []
    /// Blobs without a row, all noted in `pending-blobs` (a kill between placing and committing).
    var noted = 0
    /// Temporary files of the dead process in `spool/` and `tmp/` (removed by the next command).
    var litter = 0

    /// Opens the databases, checks integrity and foreign keys, re-hashes every blob a row names, looks
    /// for anything in `blobs/` that is not a whole blob, and finds every acknowledged upload.
    static func inspect(_ storage: URL, acknowledged: Set<String> = []) -> CrashInspection {
        var found = CrashInspection()
        let databaseURL = storage.appendingPathComponent("warehouse.sqlite")
        guard FileManager.default.fileExists(atPath: databaseURL.path) else {
            if !acknowledged.isEmpty { found.problems.append("no database, yet \(acknowledged.count) upload(s) were acknowledged") }
            return found
        }
        var rows: [String: Int64] = [:]
        do {
            for url in [databaseURL, storage.appendingPathComponent("warehouse-access-log.sqlite")]
            where FileManager.default.fileExists(atPath: url.path) {
                let db = try DatabaseQueue(path: url.path)
                defer { try? db.close() }
                try db.read { db in
                    let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
                    if integrity != ["ok"] { found.problems.append("\(url.lastPathComponent) integrity_check: \(integrity.joined(separator: "; "))") }
                    let keys = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
                    if !keys.isEmpty { found.problems.append("\(url.lastPathComponent) foreign_key_check: \(keys.count) row(s) point nowhere") }
                }
            }
            let db = try DatabaseQueue(path: databaseURL.path)
            defer { try? db.close() }
            try db.read { db in
                // Killed while the first command created the schema: a warehouse not made yet, nothing in it.
                guard try db.tableExists("blob"), try db.tableExists("filing") else {
                    if !acknowledged.isEmpty { found.problems.append("no schema, yet \(acknowledged.count) upload(s) were acknowledged") }
                    return
                }
                for row in try Row.fetchAll(db, sql: "SELECT id, size FROM blob") { rows[row["id"]] = row["size"] }
                for sha in acknowledged {
                    let filed = try Int.fetchOne(
                        db,
                        sql: """
                            SELECT COUNT(*) FROM filing f JOIN documentFile df ON df.documentId = f.documentId AND df.blobId = f.sha256
                            WHERE f.sha256 = ? AND f.status IN ('filed', 'reused')
                            """, arguments: [sha]) ?? 0
                    if rows[sha] == nil || filed == 0 { found.problems.append("acknowledged upload \(sha.prefix(12)) is not in the warehouse") }
                }
            }
        } catch {
            found.problems.append("the database does not open or read: \(error)")
            return found
        }
        let blobs = storage.appendingPathComponent("blobs")
        for (id, size) in rows {
            let url = blobs.appendingPathComponent(String(id.prefix(2))).appendingPathComponent(String(id.dropFirst(2).prefix(2)))
                .appendingPathComponent(id)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                found.problems.append("blob \(id.prefix(12)) has a row but no file")
                continue
            }
            if Int64(data.count) != size || BlobID.of(data).hex != id {
                found.problems.append("blob \(id.prefix(12)) does not hash to its name (\(data.count) bytes, row says \(size))")
            }
        }
        let noted = Set(
            ((try? String(contentsOf: storage.appendingPathComponent("pending-blobs"), encoding: .utf8)) ?? "").split(separator: "\n").map(String.init))
        if let walker = FileManager.default.enumerator(at: blobs, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                let name = url.lastPathComponent
                let parent = url.deletingLastPathComponent()
                guard BlobID(hex: name) != nil, parent.lastPathComponent == String(name.dropFirst(2).prefix(2)),
                    parent.deletingLastPathComponent().lastPathComponent == String(name.prefix(2))
                else {
                    found.problems.append("a temporary or half-written file is visible in blobs/: \(url.path.dropFirst(storage.path.count))")
                    continue
                }
                if rows[name] == nil {
                    if noted.contains(name) { found.noted += 1 } else { found.problems.append("blob \(name.prefix(12)) has no row and is not noted as pending") }
                }
            }
        }
        for directory in ["spool", "tmp"] {
            found.litter += (try? FileManager.default.contentsOfDirectory(atPath: storage.appendingPathComponent(directory).path).count) ?? 0
        }
        return found
    }

    /// What must hold once a command ran to its end after the kills: no litter, no notes, no orphan.
    static func settled(_ storage: URL) -> [String] {
        var problems = inspect(storage).problems
        for directory in ["spool", "tmp"] {
            let left = (try? FileManager.default.contentsOfDirectory(atPath: storage.appendingPathComponent(directory).path)) ?? []
            if !left.isEmpty { problems.append("left in \(directory)/: \(left.sorted().joined(separator: ", "))") }
        }
        let notes = (try? Data(contentsOf: storage.appendingPathComponent("pending-blobs"))) ?? Data()
        if !notes.isEmpty { problems.append("pending-blobs still holds \(notes.count) bytes of notes") }
        return problems
    }
}

/// A warehouse's contents without ids, times and server paths: what an interrupted and resumed run must
/// end with exactly as a run never interrupted. A retry adds a `reused` filing row beside the `filed` one
/// (the filing table logs every attempt), so filings count once per file name, bytes and outcome.
enum CrashState {
    static func snapshot(_ storage: URL) throws -> [String] {
        let db = try DatabaseQueue(path: storage.appendingPathComponent("warehouse.sqlite").path)
        defer { try? db.close() }
        return try db.read { db in
            let documents = try String.fetchAll(
                db,
                sql: """
                    SELECT 'document ' || d.code || ' ' || d.docType || ' ' || d.kind || ' ' || d.reviewStatus || ' ' ||
                           (SELECT group_concat(blobId, '+') FROM (SELECT blobId FROM documentFile WHERE documentId = d.id ORDER BY seq))
                    FROM document d ORDER BY d.code
                    """)
            let fields = try String.fetchAll(
                db, sql: "SELECT 'field ' || d.code || ' ' || f.name || '=' || f.value FROM field f JOIN document d ON d.id = f.documentId ORDER BY 1")
            let components = try String.fetchAll(
                db,
                sql: "SELECT 'component ' || c.dossierCode || ' ' || c.name || ' → ' || d.code FROM component c JOIN document d ON d.id = c.documentId ORDER BY 1")
            let dossiers = try String.fetchAll(db, sql: "SELECT 'dossier ' || code || ' ' || procedureCode || ' ' || agencyCode FROM dossier ORDER BY 1")
            let results = try String.fetchAll(
                db,
                sql: """
                    SELECT 'result ' || r.resultCode || ' ' || r.resultType || ' ' || r.originalBlobId || ' ' || d.code || ' ' || r.documentName || ' ' ||
                           ifnull(r.number, '-') || ' ' || ifnull(r.validUntil, '-') || ' ' || r.permanent || ' ' || ifnull(r.revokedAt, 'valid')
                    FROM result r JOIN document d ON d.id = r.documentId ORDER BY 1
                    """)
            let blobs = try String.fetchAll(
                db, sql: "SELECT 'blob ' || id || ' ' || size || ' ' || mime FROM blob WHERE id NOT IN (SELECT sealedBlobId FROM result) ORDER BY 1")
            let sealed = try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT sealedBlobId) FROM result") ?? 0
            let filings = try Row.fetchAll(db, sql: "SELECT fileName, sha256, status, errorCode FROM filing").map { row -> String in
                let name = ((row["fileName"] as String?) ?? "") as NSString
                let status: String = row["status"]
                let outcome = status == "quarantined" ? "quarantined \((row["errorCode"] as String?) ?? "")" : "filed"
                return "filing \(name.lastPathComponent) \((row["sha256"] as String?) ?? "-") \(outcome)"
            }
            return documents + fields + components + dossiers + results + blobs + ["sealed PDFs \(sealed)"] + Array(Set(filings)).sorted()
        }
    }
}

/// Kills counted over a run, by command and by where they were aimed, and what was found after them.
final class CrashTally: @unchecked Sendable {
    static let shared = CrashTally()
    private let lock = NSLock()
    private var lines: [String] = []

    /// The number of kills asked for (`CRASH_KILLS`), shared by the four commands.
    static var requested: Int { Int(ProcessInfo.processInfo.environment["CRASH_KILLS"] ?? "") ?? 14 }

    /// This command's share of the kills.
    static func quota(_ index: Int, of count: Int) -> Int {
        max(1, requested / count + (index < requested % count ? 1 : 0))
    }

    func record(_ command: String, kills: Int, runs: Int, byPlan: [String: Int], noted: Int, litter: Int, problems: [String], seconds: Double) {
        let plans = byPlan.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        let line = "crash-safety \(command): \(kills) kill(s) in \(runs) run(s), \(String(format: "%.0f", seconds)) s; aimed at: \(plans); "
            + "after the kills: \(noted) blob(s) placed but not committed (noted, taken out on restart), \(litter) temporary file(s) of the dead process; "
            + "\(problems.count) problem(s)\(problems.isEmpty ? "" : ": " + problems.prefix(5).joined(separator: " | "))"
        lock.withLock { lines.append(line) }
        print(line)
        if let path = ProcessInfo.processInfo.environment["CRASH_REPORT"] {
            if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
            if let handle = FileHandle(forWritingAtPath: path) {
                _ = try? handle.seekToEnd()
                try? handle.write(contentsOf: Data((line + "\n").utf8))
                try? handle.close()
            }
        }
    }
}

/// A process run under a kill plan.
struct KilledRun {
    var killed: Bool
    var status: Int32
    var stdout: String
    var stderr: String
    var seconds: Double

    /// Runs `warehouse ARGS` (with `--storage`), killing it as `plan` says (nil: never).
    static func run(_ arguments: [String], storage: URL, plan: StorageWatcher.Plan?, watcher: StorageWatcher, timeout: Double = 600) throws -> KilledRun {
        let process = Process()
        process.executableURL = WarehouseRunner.binary
        process.arguments = arguments + ["--storage", storage.path]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        nonisolated(unsafe) var outData = Data()
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        let started = Date()
        try process.run()
        if let plan { watcher.arm(plan, pid: process.processIdentifier) }
        group.enter()
        DispatchQueue.global().async {
            outData = out.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        var timedKill = false
        var deadline = started.addingTimeInterval(timeout)
        if case .time(let seconds)? = plan { deadline = started.addingTimeInterval(seconds) }
        while process.isRunning && Date() < deadline { usleep(1_000) }
        if process.isRunning {
            if case .time? = plan {
                timedKill = kill(process.processIdentifier, SIGKILL) == 0
            } else {
                Issue.record("warehouse \(arguments.first ?? "") did not finish within \(timeout) s")
                kill(process.processIdentifier, SIGKILL)
            }
        }
        // Reaped before anything runs again: a zombie would still count as a live writer.
        process.waitUntilExit()
        let fired = watcher.disarm()
        group.wait()
        let killed = process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL && (fired || timedKill)
        return KilledRun(
            killed: killed, status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self), seconds: Date().timeIntervalSince(started))
    }
}

/// Scans that decode to the same pixels as a sample but are other bytes (a comment after the image's end):
/// new blobs to place and rows to commit at every run, without a new OCR for each.
enum ScanVariants {
    static func make(_ sample: String, count: Int, in directory: URL, prefix: String) throws -> [URL] {
        let base = try Data(contentsOf: WarehouseRunner.sampleScans.appendingPathComponent(sample))
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let ext = (sample as NSString).pathExtension
        return try (1...count).map { n in
            let url = directory.appendingPathComponent("\(prefix)-\(n).\(ext)")
            try (base + Data("crash-safety variant \(prefix) \(n)\n".utf8)).write(to: url)
            return url
        }
    }
}

/// A free TCP port on the loopback interface.
func freeLoopbackPort() -> UInt16 {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
    return UInt16(bigEndian: address.sin_port)
}
