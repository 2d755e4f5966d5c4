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
        router.get("/desk") { _, context in try deskPage(context) }
        router.post("/desk/dossiers") { request, context in try await openDossier(request, context) }
        router.get("/desk/dossiers/:code") { _, context in try await dossierPage(try context.parameters.require("code"), context, outcomes: []) }
        router.post("/desk/dossiers/:code/upload") { request, context in try await upload(request, context, json: false) }
        router.post("/api/dossiers/:code/files") { request, context in try await upload(request, context, json: true) }
        router.post("/desk/documents/:id/fields") { request, context in try await correct(request, context) }
        router.post("/desk/dossiers/:code/issue") { request, context in try await issue(request, context, json: false) }
        router.post("/api/dossiers/:code/results") { request, context in try await issue(request, context, json: true) }
        router.post("/desk/dossiers/:code/reuse") { request, context in try await attach(request, context) }
    }

    func staff(_ context: AppContext) throws -> (Account, String) {
        let account = try context.requireAccount()
        guard account.role == .clerk || account.role == .supervisor, let agency = account.agencyCode else { throw APIError.forbidden }
        return (account, agency)
    }

    func deskPage(_ context: AppContext) throws -> Response {
        let (_, agency) = try staff(context)
        let dossiers: [[String: Any]] = try store.dossiers(agency: agency).map {
            ["code": $0.code, "procedureCode": $0.procedureCode, "createdAt": ISO8601DateFormatter().string(from: $0.createdAt)]
        }
        return pages.render("desk", title: "Một cửa", ["agency": agency, "dossiers": dossiers], context: context)
    }

    /// POST /desk/dossiers: a dossier with a typed code, or the agency's next code for today.
    func openDossier(_ request: Request, _ context: AppContext) async throws -> Response {
        let (account, agency) = try staff(context)
        let form = try await formFields(request)
        try context.requireCSRF(form["csrf"])
        guard let procedure = try? ProcedureCode(form["procedure"] ?? "") else {
            throw APIError(.badRequest, "invalid-procedure", "The procedure code must look like 1.001193.")
        }
        let owner: OwnerIdentifier
        do { owner = try OwnerIdentifier(form["owner"] ?? "") } catch { throw APIError(.badRequest, "invalid-owner", error.description) }
        var code = (form["code"] ?? "").trimmingCharacters(in: .whitespaces)
        if code.isEmpty {
            code = try store.nextDossierCode(agency: agency, day: CalendarDate.todayInVietnam.compact)
        }
        let dossier: DossierCode
        do { dossier = try DossierCode(code) } catch { throw APIError(.badRequest, "invalid-dossier", error.description) }
        guard dossier.agency.rawValue == agency else {
            throw APIError(.forbidden, "other-agency", "Dossier codes of your desk start with \(agency).")
        }
        try store.openDossier(code: dossier.rawValue, procedure: procedure.rawValue, agency: agency, owner: owner, by: account.id)
        return Pages.redirect("/desk/dossiers/\(dossier.rawValue)")
    }

    /// The dossier, if it is this desk's.
    func ownDossier(_ code: String, _ context: AppContext) throws -> (Account, Dossier) {
        let (account, _) = try staff(context)
        let dossier = try store.dossier(code)
        let allowed = dossier.map { AccessPolicy.allows(Actor(account), .readDossier, AccessFacts(agencies: [$0.agencyCode])) } ?? false
        guard allowed, let dossier else { throw APIError(.notFound, "not-found", "There is no such dossier at your desk.") }
        return (account, dossier)
    }

    func dossierPage(_ code: String, _ context: AppContext, outcomes: [FileOutcome]) async throws -> Response {
        let (_, dossier) = try ownDossier(code, context)
        let owner = try store.identifiers(party: dossier.ownerPartyId).first?.value ?? ""
        let components: [[String: Any]] = try store.components(dossier: code).map { c, d in
            ["name": c.name, "documentId": d.id, "code": d.code, "docType": d.docType, "reused": c.reused, "needsReview": d.reviewStatus == "needs-review"]
        }
        let rows: [[String: Any]] = outcomes.map { o in
            var row: [String: Any] = [
                "fileName": (o.file as NSString).lastPathComponent, "status": o.status.rawValue, "docType": o.docType ?? "",
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
        // The owner's earlier papers (valid results first): attach one instead of scanning it again.
        let attached = Set(try store.components(dossier: code).map(\.1.id))
        let earlier: [[String: Any]] = try await store.personalStore(ownerPartyId: dossier.ownerPartyId).documents
            .sorted { ($0.results.isEmpty ? 1 : 0, $1.createdAt) < ($1.results.isEmpty ? 1 : 0, $0.createdAt) }
            .filter { $0.results.allSatisfy { $0.validity != .revoked && $0.validity != .expired } }
            .map { d in
                var row: [String: Any] = ["id": d.id, "title": d.title, "code": d.code, "docType": d.docType, "dossier": code, "attached": attached.contains(d.id)]
                if let r = d.results.last {
                    let v = Pages.validity(r)
                    row["validity"] = v.text
                    row["validityClass"] = v.cls
                }
                return row
            }
        let data: [String: Any] = [
            "code": code, "procedure": dossier.procedureCode, "agency": dossier.agencyCode, "owner": owner, "components": components,
            "outcomes": rows, "hasOutcomes": !rows.isEmpty, "earlier": earlier,
        ]
        return pages.render("dossier", title: "Hồ sơ \(code)", data, context: context)
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
            let safe = String((file.fileName as NSString).lastPathComponent.filter { $0 != "/" && $0 != "\0" }.prefix(120))
            let url = named.appendingPathComponent("\(i + 1)-\(safe.isEmpty ? "scan" : safe)")
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
        let component = (upload.fields["component"] ?? "").trimmingCharacters(in: .whitespaces)
        let report: IngestReport
        do {
            report = try await services.desk.ingest(
                IngestRequest(
                    files: urls, owner: owner, procedure: try ProcedureCode(dossier.procedureCode), dossier: try DossierCode(dossier.code),
                    agency: try AgencyCode(dossier.agencyCode), component: component.isEmpty ? nil : component, actor: account.id))
        } catch IngestError.storage(let failure) {
            throw APIError.storage(failure)
        }
        var outcomes = report.files
        for i in outcomes.indices {
            // Show the clerk's own file name, not our scratch path.
            let shown = (outcomes[i].file as NSString).lastPathComponent
            outcomes[i].file = String(shown.drop(while: { $0 != "-" }).dropFirst())
            if let error = outcomes[i].error, let dash = error.firstIndex(of: ":") {
                outcomes[i].error = outcomes[i].file + error[dash...]
            }
            // The server's paths stay on the server.
            outcomes[i].quarantinedAt = nil
        }
        if json { return try Pages.json(IngestReport(dossier: report.dossier, owner: report.owner, files: outcomes, seconds: report.seconds)) }
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
        let named = scratch.appendingPathComponent("result-" + String((file.fileName as NSString).lastPathComponent.prefix(100)))
        try FileManager.default.moveItem(at: file.url, to: named)
        let result: IssuedResult
        do {
            result = try await services.desk.issue(
                IssueRequest(
                    file: named, dossier: try DossierCode(code), resultType: resultType, owner: owner, name: name,
                    number: (f["number"] ?? "").isEmpty ? nil : f["number"], validity: validity, scope: f["scope"] ?? "", procedure: nil,
                    agency: nil, actor: account.id))
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

    /// POST /desk/dossiers/:code/reuse: attach one of the owner's filed documents instead of scanning it.
    func attach(_ request: Request, _ context: AppContext) async throws -> Response {
        let code = try context.parameters.require("code")
        let (account, dossier) = try ownDossier(code, context)
        let form = try await formFields(request)
        try context.requireCSRF(form["csrf"])
        let id = form["document"] ?? ""
        // The desk may attach what belongs to the dossier's owner (the reuse mandate of Decision 468/QĐ-TTg).
        guard let facts = try store.accessFacts(document: id), facts.ownerPartyId == dossier.ownerPartyId else { throw APIError.notFound }
        let title = try store.documentDetail(id)?.stored.document.title ?? "Giấy tờ dùng lại"
        _ = try store.reuse(document: id, in: code, component: form["component"] ?? title, by: account.id, basis: "desk", at: Date())
        try await services.recordAccess(account, .reuseDocument, "document", id, owner: facts.ownerPartyId, allowed: true)
        return Pages.redirect("/desk/dossiers/\(code)")
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
