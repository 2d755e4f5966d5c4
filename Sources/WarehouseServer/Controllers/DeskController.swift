import Foundation
import HTTPTypes
import Hummingbird
import WarehouseCore

/// The one-stop desk: open dossiers, upload scans, confirm or correct fields. Scoped to the clerk's agency.
struct DeskController {
    let services: ServerServices
    var pages: Pages { Pages(services: services) }
    var store: WarehouseDatabase { services.store }

    func addRoutes(to router: Router<AppContext>) {
        router.get("/desk") { request, context in
            let assigned = request.uri.queryParameters["assigned"].map { "Đã chuyển giấy tờ cho chủ sở hữu: \($0)." }
            return try await deskPage(context, notice: assigned)
        }
        router.post("/desk/documents/:id/assign") { request, context in try await assign(request, context) }
        router.post("/desk/dossiers") { request, context in try await openDossier(request, context) }
        router.get("/desk/dossiers/:code") { _, context in try await dossierPage(try context.parameters.require("code"), context, outcomes: []) }
        router.post("/desk/dossiers/:code/upload") { request, context in try await upload(request, context, json: false) }
        router.post("/api/dossiers/:code/files") { request, context in try await upload(request, context, json: true) }
        router.post("/desk/documents/:id/fields") { request, context in try await correct(request, context) }
        router.post("/desk/dossiers/:code/issue") { request, context in try await issue(request, context, json: false) }
        router.post("/api/dossiers/:code/results") { request, context in try await issue(request, context, json: true) }
        router.post("/desk/dossiers/:code/reuse") { request, context in try await attach(request, context) }
        router.post("/desk/dossiers/:code/presence") { request, context in try await recordPresence(request, context) }
        router.post("/desk/accounts/bind") { request, context in try await bindAccount(request, context) }
        router.post("/desk/dossiers/:code/status") { request, context in try await changeStatus(request, context, json: false) }
        router.get("/api/dossiers/:code") { _, context in try dossierJSON(context) }
        router.post("/api/dossiers/:code/status") { request, context in try await changeStatus(request, context, json: true) }
        router.get("/api/dossiers/:code/requirements") { _, context in try await requirementsJSON(context) }
    }

    func staff(_ context: AppContext) throws -> (Account, String) {
        let account = try context.requireAccount()
        guard account.role == .clerk || account.role == .supervisor, let agency = account.agencyCode else { throw APIError.forbidden }
        return (account, agency)
    }

    func deskPage(_ context: AppContext, notice: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let (account, agency) = try staff(context)
        let dossiers: [[String: Any]] = try store.dossiers(agency: agency).map {
            [
                "code": $0.code, "procedureCode": $0.procedureCode, "createdAt": ISO8601DateFormatter().string(from: $0.createdAt),
                "status": $0.status.description, "received": ($0.receivedAt ?? $0.registeredAt).map(VietnamTime.display) ?? "",
            ]
        }
        let channels: [[String: Any]] = SubmissionChannel.allCases.map { ["value": $0.rawValue, "name": $0.description, "selected": $0 == .inPerson] }
        var data: [String: Any] = ["agency": agency, "dossiers": dossiers, "channels": channels]
        // The agency's own archive: papers that named no owner, for the clerk to give one.
        if AccessPolicy.allows(Actor(account), .readUnassigned, AccessFacts(archiveOf: agency)) {
            try await services.recordAccess(account, .readUnassigned, "archive", agency, owner: nil, allowed: true)
            let waiting: [[String: Any]] = try store.unassignedDocuments(agency: agency, limit: 200).map { d in
                [
                    "id": d.id, "code": d.code, "docType": Labels.docType(d.docType), "title": d.title, "pages": d.pages, "number": d.number ?? "",
                    "issuedOn": d.issuedOn ?? "", "subject": d.subject ?? "", "files": d.files.joined(separator: ", "),
                ]
            }
            data["unassigned"] = waiting
            data["hasUnassigned"] = !waiting.isEmpty
        }
        return pages.render("desk", title: "Một cửa", data, context: context, notice: notice, status: status)
    }

    /// POST /desk/documents/:id/assign: the clerk gives a paper of the agency's archive its owner; pages and
    /// fields stay as read, the move is recorded (who, when, from what).
    func assign(_ request: Request, _ context: AppContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let (account, _) = try staff(context)
        let form = try await formFields(request)
        try context.requireCSRF(form["csrf"])
        let facts = try store.accessFacts(document: id)
        let allowed = facts.map { AccessPolicy.allows(Actor(account), .assignOwner, $0) } ?? false
        try await services.recordAccess(account, .assignOwner, "document", id, owner: facts?.ownerPartyId, allowed: allowed)
        guard allowed else { throw APIError.notFound }
        let owner: OwnerIdentifier
        do { owner = try OwnerIdentifier(form["owner"] ?? "") } catch { throw APIError(.badRequest, "invalid-owner", error.description) }
        let move: OwnerAssignmentRecord
        do {
            move = try store.assignOwner(id, to: owner, by: account.id)
        } catch {
            switch error {
            case .notFound: throw APIError.notFound
            case .notInArchive, .inDossier: throw APIError(.conflict, "refused", error.description)
            case .store(let failure): throw failure
            }
        }
        var response = Pages.redirect("/desk")
        response.headers[.location] = "/desk?assigned=\(move.toCode)"
        return response
    }

    /// POST /desk/dossiers: a dossier with a typed code, or the agency's next code for today. It is
    /// accepted now (status 2), at the counter unless the form says another channel; the due date is
    /// the one typed, else the procedure's processing time.
    func openDossier(_ request: Request, _ context: AppContext) async throws -> Response {
        let (account, agency) = try staff(context)
        let form = try await formFields(request)
        try context.requireCSRF(form["csrf"])
        guard let procedure = try? ProcedureCode(form["procedure"] ?? "") else {
            throw APIError(.badRequest, "invalid-procedure", "The procedure code must look like 1.001193.")
        }
        // Only procedures of the catalogue, in force today: a made-up code would open a dossier for anyone's papers.
        guard let (entry, inForce) = try store.catalogProcedure(procedure.rawValue) else {
            throw APIError(
                .unprocessableContent, "unknown-procedure",
                "Thủ tục \(procedure.rawValue) không có trong danh mục thủ tục hành chính: kiểm tra lại mã thủ tục (the procedure is not in the catalogue).")
        }
        guard inForce else {
            throw APIError(
                .unprocessableContent, "procedure-not-in-force",
                "Thủ tục \(procedure.rawValue) \(entry.name) không còn (hoặc chưa) có hiệu lực trong danh mục (the procedure is not in force).")
        }
        let owner: OwnerIdentifier
        do { owner = try OwnerIdentifier(form["owner"] ?? "") } catch { throw APIError(.badRequest, "invalid-owner", error.description) }
        if owner.isAgencyArchive { throw APIError(.badRequest, "invalid-owner", "A dossier is owned by a citizen or an organisation, not by an agency's archive.") }
        var code = (form["code"] ?? "").trimmingCharacters(in: .whitespaces)
        if code.isEmpty {
            code = try store.nextDossierCode(agency: agency, day: CalendarDate.todayInVietnam.compact)
        }
        let dossier: DossierCode
        do { dossier = try DossierCode(code) } catch { throw APIError(.badRequest, "invalid-dossier", error.description) }
        guard dossier.agency.rawValue == agency else {
            throw APIError(.forbidden, "other-agency", "Dossier codes of your desk start with \(agency).")
        }
        guard let channel = Int(form["channel"] ?? "1").flatMap(SubmissionChannel.init(rawValue:)) else {
            throw APIError(.badRequest, "invalid-channel", "The channel must be 1 (trực tiếp), 2 (trực tuyến) or 3 (bưu chính công ích).")
        }
        var deadline: ProcessingDeadline?
        if let due = form["due"]?.trimmingCharacters(in: .whitespaces), !due.isEmpty {
            guard let day = CalendarDate(iso: due) else { throw APIError(.badRequest, "invalid-date", "The due date must be yyyy-MM-dd.") }
            deadline = .dueDate(day)
        }
        // The owner at the counter already (the chip read, or papers checked): checked before anything is written.
        let presence = try (form["method"] ?? "").isEmpty ? nil : Self.presenceProof(form, owner: owner)
        let intake = DossierIntake(
            code: dossier, procedure: procedure, agency: dossier.agency, owner: owner, channel: channel, received: .now, deadline: deadline,
            actor: account.id)
        let opened: Dossier
        do {
            opened = try store.openDossier(intake, keepingExisting: true)
        } catch {
            throw Self.apiError(error)
        }
        if let presence { try await recordPresence(presence, dossier: opened, by: account) }
        return Pages.redirect("/desk/dossiers/\(dossier.rawValue)")
    }

    /// A refused dossier change as the API and the pages report it.
    static func apiError(_ error: DossierError) -> any Error {
        switch error {
        case .notFound: return APIError(.notFound, "not-found", "There is no such dossier at your desk.")
        case .illegalTransition: return APIError(.conflict, "illegal-transition", error.description)
        case .dueBeforeReceipt: return APIError(.badRequest, "invalid-date", error.description)
        case .alreadyExists, .conflict, .outOfOrder, .inFuture, .invalidStart, .negativeProcessingTime:
            return APIError(.conflict, "refused", error.description)
        case .store(let failure): return failure
        }
    }

    /// The dossier as of today, for the page and the API.
    func view(_ history: DossierHistory) throws -> DossierView {
        do {
            return try DossierView(history, lifecycle: store.lifecycle, asOf: .todayInVietnam)
        } catch {
            throw APIError(.internalServerError, "broken-history", "The dossier's stored history is not a legal one; run `warehouse check`.")
        }
    }

    /// GET /api/dossiers/:code: status, dates and events, for the desk of its agency, or for its owner
    /// (without who made each change). Anyone else gets the same 404 as for a dossier that does not exist.
    func dossierJSON(_ context: AppContext) throws -> Response {
        let code = try context.parameters.require("code")
        let account = try context.requireAccount()
        let notFound = APIError(.notFound, "not-found", "There is no such dossier, or you may not see it.")
        guard let history = try store.dossierHistory(code) else { throw notFound }
        let facts = AccessFacts(ownerPartyId: history.dossier.ownerPartyId, agencies: [history.dossier.agencyCode])
        guard AccessPolicy.allows(Actor(account), .readDossierStatus, facts) else { throw notFound }
        let view = try view(history)
        return try Pages.json(AccessPolicy.allows(Actor(account), .readDossier, facts) ? view : view.forOwner)
    }

    /// The body of POST /api/dossiers/:code/status.
    struct StatusChange: Decodable {
        /// The new status, 1–10.
        var to: Int
        var note: String?
        /// The session's CSRF token, when not sent as `X-CSRF-Token`.
        var csrf: String?
    }

    /// POST /desk/dossiers/:code/status (form `to`, `note`, `csrf`) and POST /api/dossiers/:code/status
    /// (JSON ``StatusChange``, CSRF in the body or `X-CSRF-Token`): the desk moves the dossier to another status, now.
    func changeStatus(_ request: Request, _ context: AppContext, json: Bool) async throws -> Response {
        let code = try context.parameters.require("code")
        let (account, dossier) = try ownDossier(code, context)
        let facts = AccessFacts(ownerPartyId: dossier.ownerPartyId, agencies: [dossier.agencyCode])
        guard AccessPolicy.allows(Actor(account), .changeDossierStatus, facts) else { throw APIError.forbidden }
        let to: Int?
        let note: String?
        if json {
            let body = try await request.body.collect(upTo: 64 << 10)
            guard let change = try? JSONDecoder().decode(StatusChange.self, from: Data(body.readableBytesView)) else {
                throw APIError(.badRequest, "invalid-body", "Send JSON {\"to\": a status 1–10, \"note\": \"what was done\"}.")
            }
            try context.requireCSRF(change.csrf ?? request.headers[HTTPField.Name("X-CSRF-Token")!])
            (to, note) = (change.to, change.note)
        } else {
            let form = try await formFields(request)
            try context.requireCSRF(form["csrf"])
            (to, note) = (Int(form["to"] ?? ""), form["note"])
        }
        guard let status = to.flatMap(DossierStatus.init(rawValue:)) else {
            throw APIError(.badRequest, "invalid-status", "The new status must be a number from 1 to 10.")
        }
        do {
            try store.changeStatus(of: code, to: status, note: note, by: account.id)
        } catch {
            let refusal = Self.apiError(error)
            guard !json, let refusal = refusal as? APIError, refusal.status == .conflict else { throw refusal }
            return try await dossierPage(code, context, outcomes: [], notice: refusal.message, status: .conflict)
        }
        if json {
            guard let history = try store.dossierHistory(code) else { throw APIError.notFound }
            return try Pages.json(try view(history))
        }
        return Pages.redirect("/desk/dossiers/\(code)#status")
    }

    /// The dossier, if it is this desk's.
    func ownDossier(_ code: String, _ context: AppContext) throws -> (Account, Dossier) {
        let (account, _) = try staff(context)
        let dossier = try store.dossier(code)
        let allowed = dossier.map { AccessPolicy.allows(Actor(account), .readDossier, AccessFacts(agencies: [$0.agencyCode])) } ?? false
        guard allowed, let dossier else { throw APIError(.notFound, "not-found", "There is no such dossier at your desk.") }
        return (account, dossier)
    }

    func dossierPage(
        _ code: String, _ context: AppContext, outcomes: [FileOutcome], notice: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let (account, dossier) = try ownDossier(code, context)
        let owner = try store.identifiers(party: dossier.ownerPartyId).first?.value ?? ""
        let components: [[String: Any]] = try store.components(dossier: code).map { c, d in
            ["name": c.name, "documentId": d.id, "code": d.code, "docType": Labels.docType(d.docType), "reused": c.reused, "needsReview": d.reviewStatus == "needs-review"]
        }
        let rows: [[String: Any]] = outcomes.map { o in
            var row: [String: Any] = [
                "fileName": (o.file as NSString).lastPathComponent, "status": o.status.rawValue, "docType": o.docType.map(Labels.docType) ?? "",
                "needsReview": o.reviewStatus == "needs-review",
                "statusText": ["filed": "đã số hóa và lưu", "reused": "đã có trong kho: dùng lại", "quarantined": "không đọc được, đã cách ly"][o.status.rawValue] ?? "",
            ]
            if let d = o.document { row["document"] = d }
            if let e = o.error { row["error"] = e }
            switch o.duplicate?.kind {
            case "same-bytes": row["duplicateText"] = "Giấy tờ này đã có trong kho: dùng lại (this paper is already in the warehouse: reused)."
            case "same-pixels": row["duplicateText"] = "Cùng hình ảnh với một bản quét đã lưu (same page images as a filed scan)."
            case "likely-rescan":
                row["duplicateText"] = "Có vẻ là bản quét lại của giấy tờ \(o.duplicate?.document ?? ""): cùng một giấy tờ? (looks like a re-scan: same paper?)"
            default: break
            }
            return row
        }
        var data: [String: Any] = [
            "code": code, "procedure": dossier.procedureCode, "agency": dossier.agencyCode, "owner": owner, "components": components,
            "outcomes": rows, "hasOutcomes": !rows.isEmpty,
        ]
        // The owner's earlier papers (valid results first), once the owner is present or has agreed.
        let ownerId = try? OwnerIdentifier(owner)
        data.merge(try await reuseData(dossier, owner: ownerId)) { _, reuse in reuse }
        if let history = try store.dossierHistory(code) {
            let facts = AccessFacts(ownerPartyId: dossier.ownerPartyId, agencies: [dossier.agencyCode])
            // Staff are shown by name; a history loaded from the command line names its user.
            var names: [String: String] = [:]
            for actor in Set(history.events.map(\.actor)) { names[actor] = try store.account(id: actor)?.displayName ?? actor }
            data["lifecycle"] = Self.lifecycleData(
                try view(history), canChange: AccessPolicy.allows(Actor(account), .changeDossierStatus, facts), names: names)
        }
        // The catalogue's component spec, when it has one, replaces the plain list of earlier papers.
        data.merge(try await requirementsData(dossier)) { _, spec in spec }
        return pages.render("dossier", title: "Hồ sơ \(code)", data, context: context, notice: notice, status: status)
    }

    /// The status card of the dossier page: status, channel, dates (the due date marked when late),
    /// pauses, the event log and the form to move the status.
    static func lifecycleData(_ v: DossierView, canChange: Bool, names: [String: String] = [:]) -> [String: Any] {
        // Mustache shows a section for any value present, even an empty string: what is absent is left out.
        func instant(_ date: Date?) -> String { date.map(VietnamTime.display) ?? "—" }
        var deadline = "không có thời hạn"
        if let days = v.deadlineDays { deadline = "\(days) ngày làm việc" } else if v.deadlineOn != nil { deadline = "hẹn trả khi tiếp nhận" }
        let events: [[String: Any]] = v.events.reversed().map { e in
            var row: [String: Any] = [
                "seq": e.seq, "at": VietnamTime.display(e.at), "status": "\(e.status) \(e.statusName)",
                "actor": e.actor.map { names[$0] ?? $0 } ?? "", "note": e.note ?? "", "dueOn": e.dueOn?.iso ?? "",
                "backdated": e.recordedAt.timeIntervalSince(e.at) > 300,
            ]
            if let from = e.previousStatus { row["from"] = String(from) }
            return row
        }
        let next: [[String: Any]] = v.allowedNext.compactMap(DossierStatus.init(rawValue:)).map { ["value": $0.rawValue, "name": $0.description] }
        var data: [String: Any] = [
            "status": "\(v.status) \(v.statusName)", "statusCode": v.status, "channel": "\(v.channel) \(v.channelName)",
            "received": instant(v.receivedAt), "due": v.dueOn?.iso ?? "—", "late": v.late, "deadline": deadline,
            "pausedDays": v.pausedWorkingDays, "finished": instant(v.finishedAt), "returned": instant(v.returnedAt),
            "events": events, "next": next, "canChange": canChange && !next.isEmpty, "asOf": v.asOf.iso,
        ]
        if let registered = v.registeredAt { data["registered"] = VietnamTime.display(registered) }
        if v.pausedWorkingDays > 0, let initial = v.initialDueOn { data["initialDue"] = initial.iso }
        if let refused = v.refusedAt { data["refused"] = VietnamTime.display(refused) }
        if let withdrawn = v.withdrawnAt { data["withdrawn"] = VietnamTime.display(withdrawn) }
        return data
    }

    /// Streams the files to disk, files them through the ingest pipeline, shows (or returns) the outcome.
    func upload(_ request: Request, _ context: AppContext, json: Bool) async throws -> Response {
        let code = try context.parameters.require("code")
        let (account, dossier) = try ownDossier(code, context)
        let scratch = services.layout.newScratch("upload")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let upload = try await MultipartUpload.read(request, into: scratch, maxBytes: services.settings.maxUploadBytes)
        try context.requireCSRF(upload.fields["csrf"] ?? request.headers[HTTPField.Name("X-CSRF-Token")!])
        let files = upload.files.filter { $0.size > 0 || !$0.fileName.isEmpty }
        guard !files.isEmpty else { throw APIError(.badRequest, "no-file", "Choose at least one scanned file.") }
        // The upload's own names, for the clerk; the bytes are in scratch files named by us.
        let named = scratch.appendingPathComponent("named")
        var urls: [URL] = []
        if mkdir(named.path, 0o700) != 0 { throw APIError.storage(StorageFailure(path: named.path, code: errno)) }
        for (i, file) in files.enumerated() {
            // Safe already (one path component, at most 200 bytes): see MultipartUpload.safeFileName.
            let url = named.appendingPathComponent("\(i + 1)-\(file.fileName.isEmpty ? "scan" : file.fileName)")
            if rename(file.url.path, url.path) != 0 { throw APIError.storage(StorageFailure(path: url.path, code: errno)) }
            urls.append(url)
        }
        let ownerText = (upload.fields["owner"] ?? "").trimmingCharacters(in: .whitespaces)
        let owner: OwnerIdentifier
        do {
            owner = try ownerText.isEmpty
                ? OwnerIdentifier(try store.identifiers(party: dossier.ownerPartyId).first?.value ?? "") : OwnerIdentifier(ownerText)
        } catch let error as CodeError {
            throw APIError(.badRequest, "invalid-owner", error.description)
        }
        if owner.isAgencyArchive { throw APIError(.badRequest, "invalid-owner", "A dossier's papers are filed for a citizen or an organisation, not for an agency's archive.") }
        var component = (upload.fields["component"] ?? "").trimmingCharacters(in: .whitespaces)
        // A component of the procedure's spec, chosen by its code: the files are filed under its name, and the
        // checklist shows it present at once.
        if let code = upload.fields["componentCode"]?.trimmingCharacters(in: .whitespaces), !code.isEmpty {
            guard let spec = try store.componentRules(procedure: dossier.procedureCode)?.components.first(where: { $0.code == code }) else {
                throw APIError(.badRequest, "unknown-component", "The procedure \(dossier.procedureCode) has no component \(code) in the catalogue.")
            }
            component = spec.name
        }
        let report: IngestReport
        var ingest = IngestRequest(
            files: urls, owner: owner, procedure: try ProcedureCode(dossier.procedureCode), dossier: try DossierCode(dossier.code),
            agency: try AgencyCode(dossier.agencyCode), component: component.isEmpty ? nil : component, actor: account.id)
        // One upload holds the OCR workers only so long: what is beyond its pixels is kept, to be sent on its own.
        ingest.pixelBudget = services.settings.pixelsPerUpload
        do {
            report = try await services.desk.ingest(ingest)
        } catch IngestError.storage(let failure) {
            throw APIError.storage(failure)
        }
        var outcomes = report.files
        // What the clerk may not read stays out of the answer: a same-bytes or re-scan match of a paper of another
        // agency or another owner is named, not identified.
        let actor = Actor(account)
        func readable(_ id: String?) throws -> Bool {
            guard let id, let facts = try store.accessFacts(document: id) else { return false }
            return AccessPolicy.allows(actor, .readDocument, facts)
        }
        for i in outcomes.indices {
            if outcomes[i].document != nil, !(try readable(outcomes[i].document)) {
                outcomes[i].document = nil
                outcomes[i].documentCode = nil
                outcomes[i].fields = [:]
                outcomes[i].text = ""
            }
            if outcomes[i].duplicate?.document != nil, !(try readable(outcomes[i].duplicate?.document)) {
                outcomes[i].duplicate?.document = nil
            }
            // Show the clerk's own file name, not our scratch path.
            let shown = (outcomes[i].file as NSString).lastPathComponent
            outcomes[i].file = String(shown.drop(while: { $0 != "-" }).dropFirst())
            if let error = outcomes[i].error, let dash = error.firstIndex(of: ":") {
                outcomes[i].error = outcomes[i].file + error[dash...]
            }
            // The server's paths stay on the server.
            outcomes[i].quarantinedAt = nil
        }
        if json {
            return try Pages.json(IngestReport(dossier: report.dossier, owner: report.owner, files: outcomes, seconds: report.seconds, ownerKind: report.ownerKind))
        }
        return try await dossierPage(code, context, outcomes: outcomes)
    }

    /// POST /desk/dossiers/:code/issue: seal and file a result for the dossier (multipart: the file and the result's fields).
    func issue(_ request: Request, _ context: AppContext, json: Bool) async throws -> Response {
        let code = try context.parameters.require("code")
        let (account, dossier) = try ownDossier(code, context)
        guard AccessPolicy.allows(Actor(account), .issueResult, AccessFacts(agencies: [dossier.agencyCode])) else { throw APIError.forbidden }
        let scratch = services.layout.newScratch("issue")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let upload = try await MultipartUpload.read(request, into: scratch, maxBytes: services.settings.maxUploadBytes)
        try context.requireCSRF(upload.fields["csrf"] ?? request.headers[HTTPField.Name("X-CSRF-Token")!])
        guard let file = upload.files.first(where: { $0.size > 0 }) else { throw APIError(.badRequest, "no-file", "Choose the result's file.") }
        let f = upload.fields.mapValues { $0.trimmingCharacters(in: .whitespaces) }
        let resultType: ResultTypeCode
        let owner: OwnerIdentifier
        do {
            resultType = try ResultTypeCode(f["resultType"] ?? "")
            owner = try (f["owner"] ?? "").isEmpty
                ? OwnerIdentifier(try store.identifiers(party: dossier.ownerPartyId).first?.value ?? "") : OwnerIdentifier(f["owner"] ?? "")
        } catch let error as CodeError {
            throw APIError(.badRequest, "invalid-code", error.description)
        }
        guard let name = f["name"], !name.isEmpty else { throw APIError(.badRequest, "no-name", "Give the name of the document issued.") }
        var validity = SealPayload.Validity.permanent
        if let until = f["validUntil"], !until.isEmpty {
            guard let day = CalendarDate(iso: until) else { throw APIError(.badRequest, "invalid-date", "The validity date must be yyyy-MM-dd.") }
            validity = .until(day.iso)
        }
        let named = scratch.appendingPathComponent("result-" + MultipartUpload.safeFileName(file.fileName))
        try FileManager.default.moveItem(at: file.url, to: named)
        let result: IssuedResult
        do {
            result = try await services.desk.issue(
                IssueRequest(
                    file: named, dossier: try DossierCode(code), resultType: resultType, owner: owner, name: name,
                    number: (f["number"] ?? "").isEmpty ? nil : f["number"], validity: validity, scope: f["scope"] ?? "", procedure: nil,
                    agency: nil, actor: account.id, verifyURLBase: f["qrForm"] == "payload" ? nil : verifyPage(request)))
        } catch let error as IssueError {
            switch error {
            case .input(let why): throw APIError(.unprocessableContent, "unreadable-result", why)
            case .seal(.noKey): throw APIError(.serviceUnavailable, "no-seal-key", "The warehouse has no seal key; an admin must run `warehouse keys init`.")
            case .storage(let failure): throw APIError.storage(failure)
            default: throw APIError(.internalServerError, "issue-failed", "The result could not be issued; the error was logged.")
            }
        }
        if json { return try Pages.json(result) }
        return Pages.redirect("/documents/\(result.sealedDocument)")
    }

    /// This server's `/verify` page, for seals a phone camera opens: `serve --public-url`, else the address the
    /// clerk's browser used (https behind TLS); nil (a bare payload) when the request names no plausible host.
    func verifyPage(_ request: Request) -> String? {
        if let base = services.settings.publicURL { return base + "/verify" }
        guard let host = request.head.authority,
            host.range(of: "^[A-Za-z0-9.-]+(:[0-9]{1,5})?$", options: .regularExpression) != nil
        else { return nil }
        return "\(services.settings.secureCookies ? "https" : "http")://\(host)/verify"
    }

    /// POST /desk/documents/:id/fields: the clerk confirms or corrects fields; each change records who and when.
    func correct(_ request: Request, _ context: AppContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let account = try context.requireAccount()
        let form = try await formFields(request)
        try context.requireCSRF(form["csrf"])
        let facts = try store.accessFacts(document: id)
        let allowed = facts.map { AccessPolicy.allows(Actor(account), .correctFields, $0) } ?? false
        try await services.recordAccess(account, .correctFields, "document", id, owner: facts?.ownerPartyId, allowed: allowed)
        guard allowed, let detail = try store.documentDetail(id) else { throw APIError.notFound }
        let current = Dictionary(detail.stored.fields.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        for (key, value) in form where key.hasPrefix("field.") {
            let name = String(key.dropFirst("field.".count))
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, current[name] != trimmed else { continue }
            try store.correctField(document: id, name: name, value: trimmed, by: account.id, at: Date())
        }
        try store.markReviewed(document: id)
        return Pages.redirect("/documents/\(id)")
    }
}
