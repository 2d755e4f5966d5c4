import ArgumentParser
import Foundation
import WarehouseCore
import WarehousePortal

/// `warehouse sync`: the national-portal outbox (docs/sync.md).
struct Sync: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Send dossier states and progress to the national public-service portal, and look after the outbox.",
        discussion: """
            Every filing, reuse, result and status change queues a message (DongBoHoSoMC, CapNhatTienDoHoSoMC) in the \
            warehouse, in the same transaction. `sync run` posts them; run it once a day from cron or a systemd timer, \
            or by hand. The endpoint and retry settings come from sync.json in the storage folder; flags override it. \
            Exit code 7 when messages are left failing or dead; see docs/sync.md.
            """,
        subcommands: [Run.self, Status.self, RetryDead.self, Enqueue.self])

    /// `sync.json` of the warehouse with the flags laid over it; a usage error naming the file and field otherwise.
    static func settings(
        _ layout: StorageLayout, endpoint: String?, maxAttempts: Int?, timeout: Double?, backoff: Double?, maxRun: Double?
    ) throws -> SyncSettings {
        let file = SyncSettings.file(in: layout)
        var settings: SyncSettings
        do {
            settings = try SyncSettings.load(file)
        } catch {
            throw ValidationError(error.description)
        }
        if let endpoint {
            do {
                settings.endpoint = try SyncSettings.endpoint(endpoint, file: nil)
            } catch {
                throw ValidationError("--endpoint: \(error.reason)")
            }
        }
        if let maxAttempts { settings.maxAttempts = maxAttempts }
        if let timeout { settings.timeout = timeout }
        if let backoff {
            settings.backoff = backoff
            settings.maxBackoff = max(settings.maxBackoff, backoff)
        }
        if let maxRun { settings.maxRunSeconds = maxRun }
        if !settings.headers.isEmpty, let mode = (try? FileManager.default.attributesOfItem(atPath: file.path))?[.posixPermissions] as? Int,
            mode & 0o077 != 0
        {
            printError("warehouse sync: \(file.path) holds request headers and is readable by others (mode \(String(mode, radix: 8))): chmod 600 it")
        }
        return settings
    }

    /// One line per message needing attention.
    static func printProblems(_ status: SyncOutbox.Status) {
        for p in status.problems {
            let when = p.nextAttemptAt.map { ", next attempt \(PortalClock.local($0))" } ?? ""
            print("  \(p.state == .dead ? "✗ dead" : "↻ retry") \(p.kind.rawValue) \(p.dossier) \(p.messageId) (\(p.attempts) attempt(s)\(when)): \(p.lastError)")
        }
    }

    static func summary(_ s: SyncOutbox.Status) -> String {
        var parts = ["\(s.sent) sent", "\(s.due) due", "\(s.waiting) waiting", "\(s.sending) being sent", "\(s.dead) dead"]
        if let next = s.nextAttemptAt { parts.append("next attempt \(PortalClock.local(next))") }
        return "outbox: " + parts.joined(separator: ", ")
    }

    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Post the due messages to the portal, retrying with backoff; safe to run concurrently.",
            discussion: """
                Sends what is due, then waits for messages whose next attempt comes within --max-run seconds; later \
                ones are left to the next run. A message is marked sent only after a 2xx answer. Exit code 0 when \
                nothing is left failing or dead, 7 otherwise, 64 when no endpoint is configured.
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("Where to POST (overrides \"endpoint\" in sync.json).", valueName: "URL"))
        var endpoint: String?
        @Option(help: ArgumentHelp("Attempts before a message is dead (default 10, or sync.json).", valueName: "N"))
        var maxAttempts: Int?
        @Option(help: ArgumentHelp("Seconds one request may take (default 30, or sync.json).", valueName: "S"))
        var timeout: Double?
        @Option(help: ArgumentHelp("Seconds to wait after a first failure, doubled after each further one (default 60).", valueName: "S"))
        var backoff: Double?
        @Option(help: ArgumentHelp("Seconds this run keeps waiting for retries that come due (default 600).", valueName: "S"))
        var maxRun: Double?

        func validate() throws {
            if let maxAttempts, !(1...100).contains(maxAttempts) { throw ValidationError("--max-attempts must be from 1 to 100") }
            if let timeout, !(0.1...600).contains(timeout) { throw ValidationError("--timeout must be from 0.1 to 600 seconds") }
            if let backoff, !(0.01...86_400).contains(backoff) { throw ValidationError("--backoff must be from 0.01 to 86400 seconds") }
            if let maxRun, !(0...86_400).contains(maxRun) { throw ValidationError("--max-run must be from 0 to 86400 seconds") }
        }

        func run() async throws {
            let settings = try Sync.settings(
                global.layout, endpoint: endpoint, maxAttempts: maxAttempts, timeout: timeout, backoff: backoff, maxRun: maxRun)
            let env = try Environment.open(global.layout)
            let transport = HTTPSyncTransport()
            let report: SyncSender.Report
            do {
                let sender = try SyncSender(store: env.store, transport: transport, settings: settings)
                report = try await sender.run()
            } catch let error as SyncSettingsError {
                await transport.shutdown()
                printError("warehouse sync run: \(error)")
                throw Exit.usage
            } catch {
                await transport.shutdown()
                printError("warehouse sync run: \(error)")
                throw Exit.internalError
            }
            await transport.shutdown()
            if global.json {
                try printJSON(report)
            } else {
                for a in report.attempts {
                    let mark = a.outcome == "sent" ? "✓ sent " : a.outcome == "dead" ? "✗ dead " : "↻ retry"
                    let why = a.error.map { " — \($0)" } ?? ""
                    print("\(mark) \(a.kind.rawValue) \(a.dossier) \(a.messageId) (attempt \(a.attempt), \(String(format: "%.2f", a.seconds)) s)\(why)")
                }
                print("\(report.sent) sent, \(report.failed) failed (\(report.died) dead) in \(String(format: "%.1f", report.seconds)) s")
                if let status = report.status { print(Sync.summary(status)) }
            }
            if let status = report.status, status.dead > 0 || !status.problems.isEmpty { throw Exit.syncIncomplete }
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Counts of the outbox and the messages that failed or died. Exit code 7 when any is dead.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let env = try Environment.open(global.layout)
            let status = try env.store.syncStatus()
            if global.json {
                try printJSON(status)
            } else {
                print(Sync.summary(status))
                if let oldest = status.oldestPendingAt { print("oldest pending message queued \(PortalClock.local(oldest))") }
                if let last = status.lastSentAt { print("last sent \(PortalClock.local(last))") }
                Sync.printProblems(status)
            }
            if status.dead > 0 { throw Exit.syncIncomplete }
        }
    }

    struct RetryDead: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "retry-dead",
            abstract: "Queue dead messages again (all, or the given message ids), attempts reset; due at the next run.",
            discussion: "A dead full sync of a dossier whose newer state is already sent or queued is removed instead.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Message ids (as `sync status` prints them); none: every dead message.")
        var messageIds: [String] = []

        func run() throws {
            let env = try Environment.open(global.layout)
            if !messageIds.isEmpty {
                let dead = Set(try env.store.syncMessages(state: .dead).map(\.messageId))
                let unknown = messageIds.filter { !dead.contains($0) }
                guard unknown.isEmpty else {
                    printError("warehouse sync retry-dead: no dead message \(unknown.joined(separator: ", ")); `warehouse sync status` lists them")
                    throw Exit.notFound
                }
            }
            let report = try env.store.retryDeadSync(messageIds: messageIds.isEmpty ? nil : messageIds)
            if global.json {
                try printJSON(report)
            } else {
                print("\(report.revived) message(s) queued again, \(report.superseded) superseded by a newer state and removed")
            }
        }
    }

    struct Enqueue: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Queue a full sync of dossiers (e.g. those filed before the outbox existed).",
            discussion: "A dossier whose current state the portal already has, or has queued, is not queued again.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Dossier codes.")
        var dossiers: [String] = []
        @Flag(help: "Every dossier of the warehouse.")
        var all = false

        func validate() throws {
            if all == !dossiers.isEmpty { throw ValidationError("give dossier codes or --all (not both)") }
            for code in dossiers { _ = try parseCode(code, as: DossierCode.self, option: "dossier") }
        }

        func run() throws {
            let env = try Environment.open(global.layout)
            let report = try env.store.enqueueDossierSync(all ? nil : dossiers.map { try DossierCode($0).rawValue })
            if global.json {
                try printJSON(report)
            } else {
                print("\(report.queued) queued, \(report.replaced) waiting message(s) brought up to date, \(report.unchanged) unchanged")
                print(Sync.summary(try env.store.syncStatus()))
            }
            if !report.missing.isEmpty {
                printError("warehouse sync enqueue: no dossier \(report.missing.joined(separator: ", ")) in the warehouse")
                throw Exit.notFound
            }
        }
    }
}

/// Times for people: Vietnam local time, to the second.
enum PortalClock {
    static func local(_ date: Date) -> String {
        let t = PortalTime.string(date)
        let c = Array(t)
        return "\(String(c[0..<4]))-\(String(c[4..<6]))-\(String(c[6..<8])) \(String(c[8..<10])):\(String(c[10..<12])):\(String(c[12..<14])) +07"
    }
}
