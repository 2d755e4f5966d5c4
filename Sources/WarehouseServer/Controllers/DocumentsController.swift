import Foundation
import HTTPTypes
import Hummingbird
import WarehouseCore
import WarehouseImaging

/// Personal stores, documents, previews, downloads and the access log: every read goes through the
/// access policy and into the hash-chained access log.
struct DocumentsController {
    let services: ServerServices
    var pages: Pages { Pages(services: services) }
    var store: WarehouseDatabase { services.store }

    func addRoutes(to router: Router<AppContext>) {
        router.get("/me") { request, context in try await myDocumentsPage(context) }
        router.post("/me/dossiers/:code/consent") { request, context in try await consent(request, context) }
        router.get("/api/me/documents") { _, context in
            Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: try await myDocuments(context).json))
        }
        router.get("/documents/:id") { request, context in
            let id = try context.parameters.require("id")
            // The notice after a reuse names the dossier only when the document is in it: a link cannot put words on the page.
            let reused = try request.uri.queryParameters["reused"].map(String.init).flatMap { code -> String? in
                guard (try? DossierCode(code)) != nil, try store.components(dossier: code).contains(where: { $0.1.id == id }) else { return nil }
                return "Đã đồng ý dùng lại giấy tờ này cho hồ sơ \(code)."
            }
            return try await documentPage(id, context, notice: reused)
        }
        router.get("/api/documents/:id") { _, context -> Response in
            let id = try context.parameters.require("id")
            let (detail, _) = try await authorized(id, .readDocument, context)
            return try Pages.json(DocumentView(detail) { services.blobs.locator(for: BlobID(hex: $0)!) }.publicView)
        }
        router.get("/documents/:id/pages/:file/:page") { _, context in try await preview(context) }
        router.get("/documents/:id/fields/:name/crop.png") { _, context in try await fieldCrop(context) }
        router.get("/documents/:id/results/:code/sealed.pdf") { _, context in try await sealedPDF(context) }
        router.get("/audit") { _, context in try auditPage(context) }
        router.post("/documents/:id/reuse") { request, context in try await reuseByOwner(request, context) }
        router.get("/api/access-log") { _, context -> Response in
            let account = try context.requireAccount()
            guard AccessPolicy.allows(Actor(account), .readAccessLog, AccessFacts()) else { throw APIError.forbidden }
            return try Pages.json(try store.accessLog(limit: 500))
        }
    }

    /// Checks the policy for `action` on a document, logs the attempt, and loads it; refusals look like "not found".
    func authorized(_ id: String, _ action: AccessAction, _ context: AppContext) async throws -> (DocumentDetail, AccessFacts) {
        let account = try context.requireAccount()
        let facts = try store.accessFacts(document: id)
        let allowed = facts.map { AccessPolicy.allows(Actor(account), action, $0) } ?? false
        try await log(account, action, "document", id, owner: facts?.ownerPartyId, allowed: allowed)
        guard allowed, let facts, let detail = try store.documentDetail(id) else { throw APIError.notFound }
        return (detail, facts)
    }

    func log(_ account: Account, _ action: AccessAction, _ type: String, _ id: String, owner: String?, allowed: Bool) async throws {
        try await services.recordAccess(account, action, type, id, owner: owner, allowed: allowed)
    }

    func myDocuments(_ context: AppContext) async throws -> PersonalStoreCache.Snapshot {
        let account = try context.requireAccount()
        guard let party = account.partyId, AccessPolicy.allows(Actor(account), .readOwnerStore, AccessFacts(ownerPartyId: party)) else {
            throw APIError.forbidden
        }
        // The read is logged first (group commit), then the store is read in one transaction, or taken from
        // the cache when the warehouse has not changed since.
        try await log(account, .readOwnerStore, "store", party, owner: party, allowed: true)
        let today = CalendarDate.todayInVietnam
        let version = store.dataVersion()
        if let version, let cached = services.personalStores.get(party, version: version, day: today) { return cached }
        let (identifiers, documents) = try await store.personalStore(ownerPartyId: party, on: today)
        let snapshot = PersonalStoreCache.Snapshot(
            owner: identifiers.joined(separator: ", "), summaries: documents, json: ByteBuffer(bytes: try Pages.encodeJSON(documents)))
        if let version { services.personalStores.put(party, version: version, day: today, snapshot) }
        return snapshot
    }

    func myDocumentsPage(_ context: AppContext) async throws -> Response {
        let account = try context.requireAccount()
        if account.role == .citizen, account.partyId == nil {
            return pages.render(
                "me", title: "Giấy tờ của tôi", ["unbound": true], context: context,
                notice: "Tài khoản chưa được liên kết với số định danh của bạn: mang CCCD đến bộ phận một cửa để cán bộ xác minh và liên kết.")
        }
        let mine = try await myDocuments(context)
        let rows: [[String: Any]] = mine.summaries.map { d in
            var row: [String: Any] = [
                "id": d.id, "title": d.title, "code": d.code, "docType": Labels.docType(d.docType), "number": d.number ?? "", "issuedOn": d.issuedOn ?? "",
                "agencyCode": d.agencyCode,
            ]
            if let result = d.results.last {
                let v = Pages.validity(result)
                row["validity"] = v.text
                row["validityClass"] = v.cls
            }
            return row
        }
        let dossiers = try myDossiers(context)
        // How each account came to own this store: the person sees every binding, and who made it.
        let bindings: [[String: Any]] = try store.bindings(party: account.partyId ?? "").map { b in
            [
                "username": try store.account(id: b.accountId)?.username ?? b.accountId, "at": VietnamTime.display(b.at),
                "method": b.method.vietnamese, "by": try store.account(id: b.boundBy)?.displayName ?? b.boundBy, "agency": b.agencyCode ?? "",
            ]
        }
        return pages.render(
            "me", title: "Giấy tờ của tôi",
            ["owner": mine.owner, "documents": rows, "hasDocuments": !rows.isEmpty, "dossiers": dossiers, "hasDossiers": !dossiers.isEmpty,
             "bindings": bindings, "hasBindings": !bindings.isEmpty],
            context: context)
    }

    /// The citizen's own dossiers (chủ hồ sơ) with their status and dates as of today: read only.
    func myDossiers(_ context: AppContext) throws -> [[String: Any]] {
        let account = try context.requireAccount()
        guard let party = account.partyId else { return [] }
        let today = CalendarDate.todayInVietnam
        return try store.dossierHistories(owner: party).compactMap { history -> [String: Any]? in
            let facts = AccessFacts(ownerPartyId: history.dossier.ownerPartyId, agencies: [history.dossier.agencyCode])
            guard AccessPolicy.allows(Actor(account), .readDossierStatus, facts),
                let v = try? DossierView(history, lifecycle: store.lifecycle, asOf: today)
            else { return nil }
            var row: [String: Any] = [
                "code": v.code, "procedure": v.procedure, "status": "\(v.status) \(v.statusName)",
                "received": (v.receivedAt ?? v.registeredAt).map(VietnamTime.display) ?? "", "due": v.dueOn?.iso ?? "—", "late": v.late,
                "returned": v.returnedAt.map(VietnamTime.display) ?? "",
            ]
            // The owner lets the desk of an open dossier see and reuse their earlier papers.
            if let grant = try store.reuseGrants(dossier: v.code).last {
                row["granted"] = "\(grant.method.vietnamese), \(VietnamTime.display(grant.at))"
            } else if v.finishedAt == nil, v.refusedAt == nil, v.withdrawnAt == nil {
                row["canConsent"] = true
            }
            return row
        }
    }

    func documentPage(_ id: String, _ context: AppContext, notice: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let (detail, facts) = try await authorized(id, .readDocument, context)
        let account = try context.requireAccount()
        let view = DocumentView(detail) { services.blobs.locator(for: BlobID(hex: $0)!) }
        let fields: [[String: Any]] = view.fields.sorted { $0.key < $1.key }.map { name, f in
            var row: [String: Any] = ["name": name, "label": Labels.field(name), "value": f.value, "confidence": Int(f.confidence * 100), "source": f.source.rawValue]
            if !f.flags.isEmpty { row["flags"] = f.flags.joined(separator: ", ") }
            if let evidence = f.evidence {
                row["crop"] = "/documents/\(id)/fields/\(name)/crop.png"
                row["cropNote"] = f.flags.contains(FieldFlag.handwritten)
                    ? (evidence.slot == .number ? "Số viết tay: nhập theo ảnh" : "Ngày viết tay: nhập theo ảnh")
                    : "Đọc chưa chắc: kiểm tra với ảnh"
                if let slot = view.pageDetails.indices.contains(evidence.page) ? view.pageDetails[evidence.page].slots?.first(where: { $0.kind == evidence.slot }) : nil,
                    let reading = slot.reading
                {
                    row["machineReading"] = reading
                }
            }
            return row
        }
        let results: [[String: Any]] = detail.results.map { r in
            let v = Pages.validity(r)
            return ["resultCode": r.resultCode, "name": r.documentName, "number": r.number ?? "", "validity": v.text, "validityClass": v.cls,
                    "documentId": id]
        }
        let pageList: [[String: Any]] = view.pageDetails.map { ["id": id, "file": $0.file, "number": $0.number] }
        // The owner sees who read their document.
        var accessLog: [[String: Any]] = []
        if account.partyId == facts.ownerPartyId {
            accessLog = try store.accessLog(owner: facts.ownerPartyId ?? "").filter { $0.objectId == id }.prefix(50).map {
                ["at": ISO8601DateFormatter().string(from: $0.at), "role": $0.role, "agencyCode": $0.agencyCode ?? "", "action": $0.action,
                 "outcome": $0.outcome]
            }
        }
        let data: [String: Any] = [
            "id": id, "title": view.title, "code": view.code, "docType": Labels.docType(view.docType), "pages": view.pages,
            "owner": view.owner.map(\.value).joined(separator: ", "), "sensitive": view.sensitivity == "sensitive", "fields": fields,
            "results": results, "hasResults": !results.isEmpty, "pageList": pageList, "accessLog": accessLog,
            "hasAccessLog": !accessLog.isEmpty, "canCorrect": AccessPolicy.allows(Actor(account), .correctFields, facts),
            "canReuse": account.role == .citizen && AccessPolicy.allows(Actor(account), .reuseDocument, facts),
        ]
        return pages.render("document", title: view.title, data, context: context, notice: notice, status: status)
    }

    /// A page of a document as a PNG preview, 1000 pixels wide at most.
    func preview(_ context: AppContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let fileSeq = try context.parameters.require("file", as: Int.self)
        // `/documents/ID/pages/1/2.png`: the page number may carry the extension.
        let pageText = try context.parameters.require("page")
        guard let number = Int(pageText.hasSuffix(".png") ? String(pageText.dropLast(4)) : pageText) else { throw APIError.notFound }
        let (detail, _) = try await authorized(id, .downloadDocument, context)
        guard let file = detail.stored.files.first(where: { $0.seq == fileSeq }), let blob = BlobID(hex: file.blobId),
            let format = detail.blobs.first(where: { $0.id == file.blobId }).flatMap({ InputFormat(mimeType: $0.mime) })
        else { throw APIError.notFound }
        let document = try ScanDecoder().open(URL(fileURLWithPath: services.blobs.locator(for: blob)), format: format, limits: DecodeLimits(pdfDPI: 100))
        guard number >= 1, number <= document.pageCount else { throw APIError.notFound }
        let png = try PNGEncoder.encode(try document.page(at: number - 1).raster, maxWidth: 1000)
        return Response(
            status: .ok, headers: [.contentType: "image/png", .cacheControl: "private, no-store"], body: .init(byteBuffer: ByteBuffer(bytes: png)))
    }

    /// GET /documents/:id/fields/:name/crop.png: the crop of the slot a field was read from (a handwritten
    /// number or day), for the clerk to type the value at a glance.
    func fieldCrop(_ context: AppContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let name = try context.parameters.require("name")
        let (detail, _) = try await authorized(id, .downloadDocument, context)
        guard let evidence = detail.stored.fields.first(where: { $0.name == name })?.evidence,
            detail.pages.indices.contains(evidence.page)
        else { throw APIError.notFound }
        let page = detail.pages[evidence.page]
        guard let png = try store.slotCrop(blobId: page.blobId, page: page.number, kind: evidence.slot) else { throw APIError.notFound }
        return Response(
            status: .ok, headers: [.contentType: "image/png", .cacheControl: "private, no-store"], body: .init(byteBuffer: ByteBuffer(bytes: png)))
    }

    func sealedPDF(_ context: AppContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let code = try context.parameters.require("code")
        let (detail, _) = try await authorized(id, .downloadDocument, context)
        guard let result = detail.results.first(where: { $0.resultCode == code }), let blob = BlobID(hex: result.sealedBlobId) else {
            throw APIError.notFound
        }
        let data = try services.blobs.read(blob)
        return Response(
            status: .ok,
            headers: [.contentType: "application/pdf", .contentDisposition: "attachment; filename=\"\(code).pdf\"", .cacheControl: "private, no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// POST /documents/:id/reuse: the owner offers a filed document for a new dossier; the consent is recorded.
    func reuseByOwner(_ request: Request, _ context: AppContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let form = try await formFields(request)
        try context.requireCSRF(form["csrf"])
        let account = try context.requireAccount()
        // Consent is the owner's to give; the desk attaches from the dossier page under its own basis.
        guard account.role == .citizen else { throw APIError.forbidden }
        // The owner's own document; the reuse is logged once its dossier is known, as allowed or refused.
        let facts = try store.accessFacts(document: id)
        guard let facts, AccessPolicy.allows(Actor(account), .reuseDocument, facts), let detail = try store.documentDetail(id) else {
            try await log(account, .reuseDocument, "document", id, owner: facts?.ownerPartyId, allowed: false)
            throw APIError.notFound
        }
        let dossier = (form["dossier"] ?? "").trimmingCharacters(in: .whitespaces)
        // Only into the citizen's own dossiers; another person's and one that does not exist answer the same.
        let target = (try? DossierCode(dossier)) != nil ? try store.dossier(dossier) : nil
        guard let target, target.ownerPartyId == account.partyId,
            try store.reuse(
                document: id, in: dossier, component: form["component"] ?? detail.stored.document.title, by: account.id,
                basis: "owner-consent", at: Date())
        else {
            try await log(account, .reuseDocument, "document", id, owner: facts.ownerPartyId, allowed: false)
            // The whole page again, with the form, to correct the number.
            return try await documentPage(
                id, context, notice: "Bạn không có hồ sơ số \(dossier): kiểm tra số hồ sơ trên giấy biên nhận.", status: .badRequest)
        }
        try await log(account, .reuseDocument, "document", id, owner: facts.ownerPartyId, allowed: true)
        var response = Pages.redirect("/documents/\(id)")
        response.headers[.location] = "/documents/\(id)?reused=\(dossier)"
        return response
    }

    /// POST /me/dossiers/:code/consent: the owner lets the desk of their dossier see and reuse their earlier
    /// papers. Only the owner's own dossiers; another's and one that does not exist answer the same.
    func consent(_ request: Request, _ context: AppContext) async throws -> Response {
        let code = try context.parameters.require("code")
        let form = try await formFields(request)
        try context.requireCSRF(form["csrf"])
        let account = try context.requireAccount()
        let dossier = try store.dossier(code)
        let allowed = dossier.map { AccessPolicy.allows(Actor(account), .grantReuse, AccessFacts(ownerPartyId: $0.ownerPartyId)) } ?? false
        try await log(account, .grantReuse, "dossier", code, owner: allowed ? dossier?.ownerPartyId : nil, allowed: allowed)
        guard allowed, let dossier else {
            throw APIError(.notFound, "not-found", "Bạn không có hồ sơ số \(code): kiểm tra số hồ sơ trên giấy biên nhận.")
        }
        if try store.reuseGrants(dossier: code).isEmpty {
            try store.recordReuseGrant(ReuseGrant(dossierCode: dossier.code, method: .ownerConsent, evidence: account.username, actor: account.id))
        }
        return Pages.redirect("/me#my-dossiers")
    }

    func auditPage(_ context: AppContext) throws -> Response {
        let account = try context.requireAccount()
        guard AccessPolicy.allows(Actor(account), .readAccessLog, AccessFacts()) else { throw APIError.forbidden }
        let entries: [[String: Any]] = try store.accessLog(limit: 300).map {
            ["id": $0.id ?? 0, "at": ISO8601DateFormatter().string(from: $0.at), "accountId": $0.accountId, "role": $0.role,
             "action": $0.action, "objectType": $0.objectType, "objectId": $0.objectId, "outcome": $0.outcome]
        }
        return pages.render("audit", title: "Nhật ký truy cập", ["entries": entries], context: context)
    }
}

extension DocumentView {
    /// The API view: the server's file paths stay on the server.
    /// The API view: the server's file paths stay on the server (a filing's file is named by its own name,
    /// as the sender gave it), and so do staff account ids (who did what is in the access log, for auditors).
    var publicView: DocumentView {
        var copy = self
        for i in copy.files.indices { copy.files[i].storedAt = "" }
        for i in copy.provenance.history.indices {
            copy.provenance.history[i].file = Self.sentName(copy.provenance.history[i].file)
            copy.provenance.history[i].actor = Self.staff
        }
        copy.provenance.createdBy = Self.staff
        for i in copy.filedIn.indices { copy.filedIn[i].by = Self.staff }
        for i in copy.ownerHistory.indices { copy.ownerHistory[i].actor = Self.staff }
        return copy
    }

    static let staff = "staff"

    /// A filed path as the sender named the file: its last component, without the desk's `N-` upload prefix.
    static func sentName(_ path: String) -> String {
        let name = (path as NSString).lastPathComponent
        if path.contains("/named/"), let dash = name.firstIndex(of: "-"), name[..<dash].allSatisfy(\.isNumber) {
            return String(name[name.index(after: dash)...])
        }
        return name
    }
}
