import Foundation
import GRDB

extension DossierLifecycle {
    /// The rules the warehouse uses unless its storage has a calendar file of its own: the bundled
    /// civil-service calendar, the clock stopped while a supplement is requested (5).
    public static let standard = DossierLifecycle(calendar: .vietnam2024to2026)
}

/// A dossier with everything its lifecycle needs: the row, the event log in order and the owner.
public struct DossierHistory: Sendable {
    public var dossier: Dossier
    /// Every status change, oldest first.
    public var events: [DossierEventRecord]
    public var ownerIdentifiers: [PartyIdentifier]
    /// The procedure's field (`MaLinhVuc`) when the catalogue knows it, else "".
    public var field: String

    /// The history as the metrics and the timeline read it.
    public var record: DossierRecord {
        dossier.record(events: events, field: field)
    }
}

extension Dossier {
    /// This dossier and its events (oldest first) as the input of the monthly metrics; events are
    /// dated by their day in Vietnam.
    public func record(events: [DossierEventRecord], field: String) -> DossierRecord {
        DossierRecord(
            code: code, agency: agencyCode, procedure: procedureCode, field: field, channel: channel, deadline: deadline,
            events: events.map { DossierEvent($0.status, on: CalendarDate(inVietnamAt: $0.at)) })
    }
}

extension WarehouseDatabase {
    // MARK: - Writes

    /// Opens a dossier with its first status (1 or 2) and first event.
    ///
    /// - Parameters:
    ///   - keepingExisting: the desk's behaviour: a code already in the warehouse for the same
    ///     procedure and agency is returned as it is. Otherwise (`warehouse dossier open`) it is refused.
    /// - Throws: ``DossierError``: already exists, another procedure or agency, a first status other
    ///   than 1 or 2, a receipt in the future, a negative processing time.
    @discardableResult
    public func openDossier(_ intake: DossierIntake, keepingExisting: Bool = false, now: Date = Date()) throws(DossierError) -> Dossier {
        if let why = Self.archiveOwnerConflict(intake.owner, dossier: intake.code.rawValue) { throw .conflict(why) }
        return try writeLifecycle { db in
            if let existing = try Dossier.fetchOne(db, key: intake.code.rawValue) {
                guard keepingExisting else { throw DossierError.alreadyExists(existing.code, status: existing.status) }
                if let conflict = Self.conflict(existing, procedure: intake.procedure.rawValue, agency: intake.agency.rawValue) {
                    throw DossierError.conflict(conflict)
                }
                return existing
            }
            let party = try Self.ensureParty(db, intake.owner, at: now)
            return try Self.insertDossier(db, intake, ownerPartyId: party, now: now, lifecycle: lifecycle)
        }
    }

    /// Moves a dossier to `status`, recording the event and the new dates in one transaction.
    ///
    /// - Parameters:
    ///   - time: when it happened; a past time loads a history afterwards. It may not be before the
    ///     dossier's previous event, nor in the future.
    ///   - note: what was done or why (`NoiDungXuLy`); blank means none.
    /// - Returns: the event written.
    /// - Throws: ``DossierError`` naming the dossier: unknown, a transition outside the table of
    ///   ``DossierStatus`` (with its from and to), out of order or in the future.
    @discardableResult
    public func changeStatus(
        of code: String, to status: DossierStatus, at time: EventTime = .now, note: String? = nil, by actor: String, now: Date = Date()
    ) throws(DossierError) -> DossierEventRecord {
        try writeLifecycle { db in
            guard var dossier = try Dossier.fetchOne(db, key: code) else { throw DossierError.notFound(code) }
            return try Self.recordStatus(db, of: &dossier, to: status, at: time, actor: actor, note: note, now: now, lifecycle: lifecycle)
        }
    }

    /// Inserts a new dossier and its first event. `intake.deadline` nil asks the catalogue
    /// (``procedureTerms(_:procedure:)``); when it does not know either, the dossier has no deadline.
    @discardableResult
    static func insertDossier(_ db: Database, _ intake: DossierIntake, ownerPartyId: String, now: Date, lifecycle: DossierLifecycle)
        throws -> Dossier
    {
        let code = intake.code.rawValue
        let deadline = try intake.deadline ?? procedureTerms(db, procedure: intake.procedure.rawValue).deadline ?? .noDeadline
        var dossier = Dossier(
            code: code, procedureCode: intake.procedure.rawValue, agencyCode: intake.agency.rawValue, ownerPartyId: ownerPartyId,
            createdAt: now, createdBy: intake.actor, channel: intake.channel, status: intake.status, deadlineDays: nil, deadlineOn: nil,
            registeredAt: nil, receivedAt: nil, dueOn: nil, finishedAt: nil, returnedAt: nil, refusedAt: nil, withdrawnAt: nil)
        switch deadline {
        case .workingDays(let days):
            guard days >= 0 else { throw DossierError.negativeProcessingTime(code, days) }
            dossier.deadlineDays = days
        case .dueDate(let day): dossier.deadlineOn = day
        case .noDeadline: break
        }
        try dossier.insert(db)
        let received = intake.received ?? .at(DossierIntake.defaultReceipt(code: code, filedAt: now))
        try recordStatus(db, of: &dossier, to: intake.status, at: received, actor: intake.actor, note: intake.note, now: now, lifecycle: lifecycle)
        return dossier
    }

    /// Every status change of every dossier passes here, the first status of a new dossier included,
    /// inside the caller's transaction: the transition is checked, the event appended and the
    /// dossier's status and dates updated together, or nothing is.
    ///
    /// The sync outbox enqueues its `CapNhatTienDoHoSoMC` progress message (and `DongBoHoSoMC` for a
    /// new dossier: `event.seq == 1`) here, after the event is written, so that no change escapes it.
    @discardableResult
    static func recordStatus(
        _ db: Database, of dossier: inout Dossier, to status: DossierStatus, at time: EventTime, actor: String, note: String?, now: Date,
        lifecycle: DossierLifecycle
    ) throws -> DossierEventRecord {
        let code = dossier.code
        let history = try DossierEventRecord.filter(Column("dossierCode") == code).order(Column("seq")).fetchAll(db)
        let previous = history.last
        if let previous {
            guard previous.status.canMove(to: status) else { throw DossierError.illegalTransition(code, from: previous.status, to: status) }
        } else {
            guard DossierStatus.initial.contains(status) else { throw DossierError.invalidStart(code, status) }
        }
        let at = time.resolve(after: previous?.at, now: now)
        if let previous, at < previous.at { throw DossierError.outOfOrder(code, at: at, previous: previous.at) }
        // A minute of grace for clocks of different machines.
        guard at <= now.addingTimeInterval(60) else { throw DossierError.inFuture(code, at: at) }

        let day = CalendarDate(inVietnamAt: at)
        if status == .accepted, case .dueDate(let due) = dossier.deadline, due < day {
            throw DossierError.dueBeforeReceipt(code, due: due, received: day)
        }
        let events = history.map { DossierEvent($0.status, on: CalendarDate(inVietnamAt: $0.at)) } + [DossierEvent(status, on: day)]
        let timeline: DossierTimeline
        do {
            timeline = try lifecycle.timeline(of: events, deadline: dossier.deadline, asOf: day)
        } catch {
            throw DossierError(code, error)
        }
        dossier.status = status
        switch status {
        case .registered: dossier.registeredAt = at
        case .accepted: dossier.receivedAt = at
        case .notAccepted: dossier.refusedAt = at
        case .processed: dossier.finishedAt = at
        case .returned: dossier.returnedAt = at
        case .withdrawn: dossier.withdrawnAt = at
        case .inProgress, .supplementRequested, .financialObligationRequested, .suspended: break
        }
        dossier.dueOn = timeline.due
        try dossier.update(db)
        let text = note?.trimmingCharacters(in: .whitespacesAndNewlines)
        var event = DossierEventRecord(
            id: nil, dossierCode: code, seq: (previous?.seq ?? 0) + 1, status: status, previousStatus: previous?.status, at: at,
            recordedAt: now, actor: actor, note: text?.isEmpty == false ? text : nil, dueOn: timeline.due)
        try event.insert(db)
        event.id = db.lastInsertedRowID
        // The portal hears of every step, in this same transaction (docs/sync.md): a new dossier as a whole
        // (DongBoHoSoMC, status included), each later step also as a progress update (CapNhatTienDoHoSoMC).
        if let previous {
            try SyncOutbox.enqueueStatusChange(
                db, dossier: code,
                update: DossierProgressUpdate(
                    handler: actor, at: at, content: event.note, status: status, started: previous.at,
                    dueBy: timeline.due.map { $0.adding(days: 1).startInVietnam.addingTimeInterval(-1) }),
                at: now)
        } else {
            try SyncOutbox.enqueueDossier(db, dossier: code, at: now)
        }
        return event
    }

    func writeLifecycle<T>(_ body: (Database) throws -> T) throws(DossierError) -> T {
        do {
            return try writer.write(body)
        } catch let error as DossierError {
            throw error
        } catch let error as StoreError {
            throw .store(error)
        } catch {
            throw .store(.database("\(error)"))
        }
    }

    // MARK: - Reads

    /// A dossier with its event log and owner; nil when unknown.
    public func dossierHistory(_ code: String) throws(StoreError) -> DossierHistory? {
        try readDB { db in try Dossier.fetchOne(db, key: code).map { try Self.history(db, of: $0) } }
    }

    /// The dossiers a party owns (chủ hồ sơ) with their histories, newest first: what a citizen follows on their page.
    public func dossierHistories(owner partyId: String, limit: Int = 100) throws(StoreError) -> [DossierHistory] {
        try readDB { db in
            try Dossier.filter(Column("ownerPartyId") == partyId).order(Column("createdAt").desc, Column("code").desc).limit(limit)
                .fetchAll(db).map { try Self.history(db, of: $0) }
        }
    }

    private static func history(_ db: Database, of dossier: Dossier) throws -> DossierHistory {
        let events = try DossierEventRecord.filter(Column("dossierCode") == dossier.code).order(Column("seq")).fetchAll(db)
        let owner = try PartyIdentifier.filter(Column("partyId") == dossier.ownerPartyId).order(Column("id")).fetchAll(db)
        let field = try procedureTerms(db, procedure: dossier.procedureCode).field ?? ""
        return DossierHistory(dossier: dossier, events: events, ownerIdentifiers: owner, field: field)
    }

    /// The input of the monthly processing metrics for `period`: every dossier that may count in it,
    /// each with its whole event log (events after the period are kept: the metrics read each history
    /// as it stood at the end of T1, so a past month gives the same numbers when run again).
    ///
    /// Left out are dossiers that cannot count: first recorded after T1, or closed (finished,
    /// withdrawn or refused) before T0. Sorted by code.
    ///
    /// ```swift
    /// let records = try store.dossierRecords(for: ReportingPeriod(year: 2024, month: 10)!)
    /// let metrics = try ProcessingMetrics(records: records, period: period, lifecycle: store.lifecycle)
    /// ```
    public func dossierRecords(for period: ReportingPeriod, agency: String? = nil) throws(StoreError) -> [DossierRecord] {
        try readDB { db in
            var filter = """
                COALESCE(d.registeredAt, d.receivedAt) < :end
                AND (COALESCE(d.finishedAt, d.withdrawnAt, d.refusedAt) IS NULL OR COALESCE(d.finishedAt, d.withdrawnAt, d.refusedAt) >= :start)
                """
            var arguments: [String: (any DatabaseValueConvertible)?] = [
                "start": period.start.startInVietnam, "end": period.end.adding(days: 1).startInVietnam,
            ]
            if let agency {
                filter += " AND d.agencyCode = :agency"
                arguments["agency"] = agency
            }
            let dossiers = try Dossier.fetchAll(
                db, sql: "SELECT d.* FROM dossier d WHERE \(filter) ORDER BY d.code", arguments: StatementArguments(arguments))
            var events: [String: [DossierEventRecord]] = [:]
            let cursor = try DossierEventRecord.fetchCursor(
                db, sql: "SELECT e.* FROM dossierEvent e JOIN dossier d ON d.code = e.dossierCode WHERE \(filter) ORDER BY e.dossierCode, e.seq",
                arguments: StatementArguments(arguments))
            while let event = try cursor.next() { events[event.dossierCode, default: []].append(event) }
            var fields: [String: String] = [:]
            return try dossiers.map { dossier in
                if fields[dossier.procedureCode] == nil {
                    fields[dossier.procedureCode] = try Self.procedureTerms(db, procedure: dossier.procedureCode).field ?? ""
                }
                return dossier.record(events: events[dossier.code] ?? [], field: fields[dossier.procedureCode] ?? "")
            }
        }
    }
}

extension DossierError {
    /// A history the lifecycle refused, for dossier `code`.
    init(_ code: String, _ error: LifecycleError) {
        switch error {
        case .illegalTransition(let from, let to, _): self = .illegalTransition(code, from: from, to: to)
        case .invalidStart(let status, _): self = .invalidStart(code, status)
        case .outOfOrder(_, let date, let previous): self = .outOfOrder(code, at: date.startInVietnam, previous: previous.startInVietnam)
        case .negativeProcessingTime(let days): self = .negativeProcessingTime(code, days)
        }
    }
}
