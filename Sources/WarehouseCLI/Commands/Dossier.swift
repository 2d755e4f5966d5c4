import ArgumentParser
import Foundation
import WarehouseCore

/// `warehouse dossier`: open dossiers, move their status, show their history; also to load the
/// history of dossiers received before the warehouse kept it.
struct DossierCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Open dossiers, move them through statuses 1–10 and show their history.",
        discussion: """
            Statuses (TrangThaiHoSo): 1 Mới đăng ký, 2 Được tiếp nhận, 3 Không được tiếp nhận, 4 Đang xử lý, \
            5 Yêu cầu bổ sung giấy tờ, 6 Yêu cầu thực hiện nghĩa vụ tài chính, 7 Công dân yêu cầu rút hồ sơ, \
            8 Dừng xử lý, 9 Đã xử lý xong, 10 Đã trả kết quả. Channels (KenhThucHien): 1 trực tiếp, 2 trực tuyến, \
            3 bưu chính công ích. Dates and times are Vietnam time (UTC+7): yyyy-MM-dd, yyyy-MM-dd HH:mm[:ss], \
            yyyyMMddHHmmss, or ISO 8601 with Z or an offset. Due dates count working days of the warehouse's \
            calendar (STORAGE/calendar.json when present, else the bundled 2024–2026 one); the clock stops while \
            a supplement is requested (5). A refused change exits 65 and says why.
            """,
        subcommands: [Open.self, Status.self, Show.self])

    /// Runs a change, turning a refusal into its exit code.
    static func perform<T>(_ command: String, _ body: () throws(DossierError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            printError("warehouse dossier \(command): \(error.description)")
            switch error {
            case .notFound: throw Exit.notFound
            case .store: throw Exit.internalError
            default: throw Exit.refused
            }
        }
    }

    /// The dossier as of `day`, printed as text or JSON.
    static func printDossier(_ code: String, env: Environment, asOf day: CalendarDate, json: Bool, command: String) throws {
        guard let history = try env.store.dossierHistory(code) else {
            printError("warehouse dossier \(command): \(DossierError.notFound(code).description)")
            throw Exit.notFound
        }
        let view: DossierView
        do {
            view = try DossierView(history, lifecycle: env.store.lifecycle, asOf: day)
        } catch {
            printError("warehouse dossier \(command): the stored history of \(code) is not a legal one: \(error.description)")
            throw Exit.integrity
        }
        if json { return try printJSON(view) }
        printText(view)
    }

    private static func printText(_ v: DossierView) {
        func instant(_ date: Date?) -> String { date.map(VietnamTime.display) ?? "—" }
        let owner = v.owner.map { "\($0.kind.uppercased()) \($0.value)" }.joined(separator: ", ")
        print("\(v.code)  [\(v.status) \(v.statusName)]")
        print("  procedure   \(v.procedure)")
        print("  agency      \(v.agency)")
        print("  owner       \(owner)")
        print("  channel     \(v.channel) \(v.channelName)")
        if v.registeredAt != nil { print("  filed       \(instant(v.registeredAt))") }
        print("  received    \(instant(v.receivedAt))")
        var due = v.dueOn?.iso ?? "no deadline"
        if let days = v.deadlineDays { due += "  (\(days) working days" } else if v.deadlineOn != nil { due += "  (fixed at intake" }
        if v.deadlineDays != nil || v.deadlineOn != nil {
            if v.pausedWorkingDays > 0, let initial = v.initialDueOn {
                due += "; initially \(initial.iso), moved \(v.pausedWorkingDays) working day(s) by pauses"
            }
            due += ")"
        }
        if v.late { due += "  LATE" }
        print("  due         \(due)  as of \(v.asOf.iso)")
        print("  finished    \(instant(v.finishedAt))")
        print("  returned    \(instant(v.returnedAt))")
        if v.refusedAt != nil { print("  refused     \(instant(v.refusedAt))") }
        if v.withdrawnAt != nil { print("  withdrawn   \(instant(v.withdrawnAt))") }
        for pause in v.pauses {
            print("  paused      \(pause.start.iso) → \(pause.end?.iso ?? "now"): \(pause.workingDays) working day(s)")
        }
        print("Events")
        for e in v.events {
            let from = e.previousStatus.map { "\($0) → " } ?? ""
            let note = e.note.map { "  \"\($0)\"" } ?? ""
            print("  \(e.seq). \(VietnamTime.display(e.at))  \(from)\(e.status) \(e.statusName)  by \(e.actor ?? "?")\(note)")
        }
        if !v.allowedNext.isEmpty {
            print("Next: " + v.allowedNext.compactMap { DossierStatus(rawValue: $0)?.description }.joined(separator: ", "))
        }
    }

    /// `warehouse dossier open`.
    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open a dossier: accepted (2) now, or at a past date to load an earlier dossier.",
            discussion: """
                Without --due or --days the due date comes from the procedure's processing time in the catalogue; \
                while the catalogue does not know it, the dossier has no deadline. A code already in the warehouse \
                is refused (exit 65).
                """)

        @OptionGroup var global: GlobalOptions

        @Argument(help: "Dossier code {agency}-{yyMMdd}-{NNNN}.")
        var code: String

        @Option(help: "Procedure code (mã TTHC), e.g. 1.001193.")
        var procedure: String

        @Option(help: "The owner's identifier (CCCD, CMND, MST or passport).")
        var owner: String

        @Option(help: "Receiving agency: the agency the dossier code starts with.")
        var agency: String

        @Option(help: "Channel: 1 at the counter, 2 online, 3 by post.")
        var channel = 1

        @Option(help: ArgumentHelp("When it was received (accepted, or filed with --status 1); default: now, or the code's day.", valueName: "DATE"))
        var received: String?

        @Option(help: ArgumentHelp("The due date given at intake (NgayHenTra); pauses move it.", valueName: "DATE"))
        var due: String?

        @Option(help: ArgumentHelp("The processing time in working days from acceptance.", valueName: "N"))
        var days: Int?

        @Option(help: "First status: 2 accepted, or 1 filed online and not yet accepted.")
        var status = 2

        @Option(help: "A note for the first event.")
        var note: String?

        @Option(help: "Who records it.")
        var actor: String = ProcessInfo.processInfo.environment["USER"] ?? "cli"

        func validate() throws {
            _ = try intake()
        }

        func intake() throws -> DossierIntake {
            let dossier = try parseCode(code, as: DossierCode.self, option: "CODE")
            let agencyCode = try parseCode(agency, as: AgencyCode.self, option: "--agency")
            guard dossier.agency == agencyCode else {
                throw ValidationError("--agency \(agencyCode.rawValue) is not the receiving agency of \(dossier.rawValue), which starts with \(dossier.agency.rawValue)")
            }
            guard let channel = SubmissionChannel(rawValue: channel) else { throw ValidationError("--channel must be 1, 2 or 3, not \(self.channel)") }
            guard let first = DossierStatus(rawValue: status), DossierStatus.initial.contains(first) else {
                throw ValidationError("--status must be 1 (filed, not yet accepted) or 2 (accepted), not \(status)")
            }
            var deadline: ProcessingDeadline?
            switch (due, days) {
            case (.some, .some): throw ValidationError("give --due or --days, not both")
            case (.some(let text), nil):
                guard let day = CalendarDate(iso: text) else { throw ValidationError("--due: \"\(text)\" is not a date yyyy-MM-dd") }
                deadline = .dueDate(day)
            case (nil, .some(let n)):
                guard n >= 0 else { throw ValidationError("--days must be zero or more, not \(n)") }
                deadline = .workingDays(n)
            case (nil, nil): deadline = nil
            }
            return DossierIntake(
                code: dossier, procedure: try parseCode(procedure, as: ProcedureCode.self, option: "--procedure"), agency: agencyCode,
                owner: try parseDossierOwner(owner, dossier: dossier.rawValue), channel: channel, status: first,
                received: try received.map { try eventTime($0, option: "--received") }, deadline: deadline, actor: actor, note: note)
        }

        func run() throws {
            let env = try Environment.open(global.layout)
            let intake = try intake()
            let dossier = try DossierCommand.perform("open") { () throws(DossierError) in try env.store.openDossier(intake) }
            if !global.json {
                let at = dossier.receivedAt ?? dossier.registeredAt
                print("✓ opened \(dossier.code): \(dossier.status)\(at.map { ", \(VietnamTime.display($0))" } ?? ""), due \(dossier.dueOn?.iso ?? "—")")
                return
            }
            try DossierCommand.printDossier(dossier.code, env: env, asOf: .todayInVietnam, json: true, command: "open")
        }
    }

    /// `warehouse dossier status`.
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Move a dossier to another status; --at records a change made earlier.",
            discussion: """
                Only the transitions of DOMAIN.md §6 are allowed (e.g. 4 → 5 → 4 → 9 → 10); any other is refused \
                with the dossier, the from and the to status (exit 65). --at may not be before the dossier's \
                previous event, nor in the future; a date without a time is that day, after the previous event.
                """)

        @OptionGroup var global: GlobalOptions

        @Argument(help: "Dossier code.")
        var code: String

        @Option(name: .customLong("to"), help: "The new status, 1–10.")
        var to: Int

        @Option(help: ArgumentHelp("When it happened (default: now).", valueName: "DATETIME"))
        var at: String?

        @Option(help: "What was done or why (NoiDungXuLy).")
        var note: String?

        @Option(help: "Who made the change.")
        var actor: String = ProcessInfo.processInfo.environment["USER"] ?? "cli"

        func validate() throws {
            _ = try change()
        }

        func change() throws -> (DossierStatus, EventTime) {
            guard let status = DossierStatus(rawValue: to) else { throw ValidationError("--to must be a status 1–10, not \(to)") }
            return (status, try at.map { try eventTime($0, option: "--at") } ?? .now)
        }

        func run() throws {
            let env = try Environment.open(global.layout)
            let (status, time) = try change()
            let event = try DossierCommand.perform("status") { () throws(DossierError) in
                try env.store.changeStatus(of: code, to: status, at: time, note: note, by: actor)
            }
            if !global.json {
                let from = event.previousStatus.map { "\($0) → " } ?? ""
                print("✓ \(code): \(from)\(event.status) at \(VietnamTime.display(event.at)), due \(event.dueOn?.iso ?? "—")")
                return
            }
            try DossierCommand.printDossier(code, env: env, asOf: .todayInVietnam, json: true, command: "status")
        }
    }

    /// `warehouse dossier show`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a dossier: status, channel, received / due / finished / returned dates, pauses and every event.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "Dossier code.")
        var code: String

        @Option(name: .customLong("as-of"), help: ArgumentHelp("The day to judge the due date on (default: today).", valueName: "DATE"))
        var asOf: String?

        func validate() throws {
            if let asOf, CalendarDate(iso: asOf) == nil { throw ValidationError("--as-of: \"\(asOf)\" is not a date yyyy-MM-dd") }
        }

        func run() throws {
            let env = try Environment.open(global.layout)
            let day = asOf.flatMap(CalendarDate.init(iso:)) ?? .todayInVietnam
            try DossierCommand.printDossier(code, env: env, asOf: day, json: global.json, command: "show")
        }
    }
}

/// Reads a date or date-time option (Vietnam time).
private func eventTime(_ text: String, option: String) throws -> EventTime {
    guard let time = EventTime(text) else {
        throw ValidationError(
            "\(option): \"\(text)\" is not a date or time; write yyyy-MM-dd, yyyy-MM-dd HH:mm (Vietnam time) or yyyyMMddHHmmss")
    }
    return time
}
