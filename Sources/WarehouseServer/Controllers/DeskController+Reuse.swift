import Foundation
import HTTPTypes
import Hummingbird
import WarehouseCore

/// Reuse at the desk, bounded: the owner's earlier papers are listed for a dossier, and attached to it, only once
/// the desk has recorded that the owner is at the counter (the chip of their CCCD read, or their papers checked)
/// or the owner has agreed from their store. The list names each paper by what is needed to choose it (type,
/// number, date, validity) and by a reference that holds for that dossier only, never by an id other routes take.
extension DeskController {
    /// What the dossier page shows of the owner's earlier papers: the grant recorded, or the form to record it.
    func reuseData(_ dossier: Dossier, owner: OwnerIdentifier?) async throws -> [String: Any] {
        let grants = try store.reuseGrants(dossier: dossier.code)
        guard let grant = grants.last else {
            return ["reuseGranted": false, "ownerHasChip": owner?.kind == "cccd", "earlier": [[String: Any]]()]
        }
        let by = try store.account(id: grant.actor)?.displayName ?? grant.actor
        let attached = Set(try store.components(dossier: dossier.code).map(\.1.id))
        let earlier: [[String: Any]] = try await store.personalStore(ownerPartyId: dossier.ownerPartyId).documents
            .sorted { ($0.results.isEmpty ? 1 : 0, $1.createdAt) < ($1.results.isEmpty ? 1 : 0, $0.createdAt) }
            .filter { $0.results.allSatisfy { $0.validity != .revoked && $0.validity != .expired } }
            .map { d in
                var row: [String: Any] = [
                    "ref": ReuseGrant.reference(dossier: dossier.code, document: d.id), "title": d.title, "docType": Labels.docType(d.docType),
                    "issuedOn": d.issuedOn ?? "", "dossier": dossier.code, "attached": attached.contains(d.id),
                ]
                // Mustache shows a section for an empty string too: an unknown number is left out.
                if let number = d.number, !number.isEmpty { row["number"] = number }
                if let r = d.results.last {
                    let v = Pages.validity(r)
                    row["validity"] = v.text
                    row["validityClass"] = v.cls
                }
                return row
            }
        return [
            "reuseGranted": true, "earlier": earlier,
            "grantText": "\(grant.method.vietnamese), \(VietnamTime.display(grant.at)) (\(grant.method == .ownerConsent ? "chủ hồ sơ" : by))",
        ]
    }

    /// The owner's filed document that `reference` names in this dossier's list, once the owner is present or
    /// has agreed; a refusal otherwise, with the reason in words.
    func offeredDocument(_ reference: String, in dossier: Dossier) async throws -> String {
        guard !(try store.reuseGrants(dossier: dossier.code)).isEmpty else {
            throw APIError(
                .forbidden, "owner-not-present",
                "Chưa ghi nhận chủ hồ sơ có mặt hoặc đồng ý: đọc chip CCCD (hoặc đối chiếu giấy tờ) tại quầy, hoặc đề nghị chủ hồ sơ đồng ý trên trang cá nhân, rồi mới dùng lại giấy tờ đã có.")
        }
        let documents = try await store.personalStore(ownerPartyId: dossier.ownerPartyId).documents
        guard let document = documents.first(where: { ReuseGrant.reference(dossier: dossier.code, document: $0.id) == reference }) else {
            throw APIError(.notFound, "not-offered", "Giấy tờ này không có trong danh sách giấy tờ đã có của chủ hồ sơ: tải lại trang hồ sơ.")
        }
        return document.id
    }

    /// POST /desk/dossiers/:code/presence (form `method` = `chip` with `chipNumber`, or `clerk-check` with `note`):
    /// the desk records that the owner is at the counter; the owner's access log says so.
    func recordPresence(_ request: Request, _ context: AppContext) async throws -> Response {
        let code = try context.parameters.require("code")
        let (account, dossier) = try ownDossier(code, context)
        let form = try await formFields(request)
        try context.requireCSRF(form["csrf"])
        do {
            try await recordPresence(form, dossier: dossier, by: account)
        } catch let refusal as APIError where refusal.status == .badRequest {
            return try await dossierPage(code, context, outcomes: [], notice: refusal.message, status: .badRequest)
        }
        return Pages.redirect("/desk/dossiers/\(code)#reuse")
    }

    /// Records the presence the form describes (`method`, `chipNumber`, `note`) for `dossier`.
    func recordPresence(_ form: [String: String], dossier: Dossier, by account: Account) async throws {
        let facts = AccessFacts(ownerPartyId: dossier.ownerPartyId, agencies: [dossier.agencyCode])
        guard AccessPolicy.allows(Actor(account), .recordPresence, facts) else { throw APIError.forbidden }
        let owner = try store.identifiers(party: dossier.ownerPartyId).first.flatMap { try? OwnerIdentifier(kind: $0.kind, value: $0.value) }
        guard let owner else { throw APIError(.conflict, "no-owner", "Hồ sơ không có chủ hồ sơ.") }
        try await recordPresence(try Self.presenceProof(form, owner: owner), dossier: dossier, by: account)
    }

    /// Keeps the proof (append-only) and writes it to the owner's access log.
    func recordPresence(_ proof: (ProofMethod, String), dossier: Dossier, by account: Account) async throws {
        try store.recordReuseGrant(ReuseGrant(dossierCode: dossier.code, method: proof.0, evidence: proof.1, actor: account.id))
        try await services.recordAccess(account, .recordPresence, "dossier", dossier.code, owner: dossier.ownerPartyId, allowed: true)
    }

    /// The method and the evidence to record for the presence the form describes, or a 400 that says what is wrong.
    static func presenceProof(_ form: [String: String], owner: OwnerIdentifier) throws -> (ProofMethod, String) {
        guard let method = ProofMethod(rawValue: form["method"] ?? ""), method == .chip || method == .clerkCheck else {
            throw APIError(.badRequest, "invalid-method", "Chọn cách xác minh: đọc chip CCCD, hoặc cán bộ đối chiếu giấy tờ.")
        }
        do { return (method, try ProofError.evidence(method: method, chipNumber: form["chipNumber"], note: form["note"], owner: owner)) } catch {
            throw APIError(.badRequest, "proof-refused", error.description)
        }
    }

    /// POST /desk/dossiers/:code/reuse (form `document`: a reference of the dossier's list; `componentCode` or
    /// `component`): attach one of the owner's filed documents instead of scanning it again.
    func attach(_ request: Request, _ context: AppContext) async throws -> Response {
        let code = try context.parameters.require("code")
        let (account, dossier) = try ownDossier(code, context)
        let form = try await formFields(request)
        try context.requireCSRF(form["csrf"])
        let id = try await offeredDocument(form["document"] ?? "", in: dossier)
        let title = try store.documentDetail(id)?.stored.document.title ?? "Giấy tờ dùng lại"
        let component = try await specComponentName(form, dossier: dossier, document: id) ?? form["component"] ?? title
        _ = try store.reuse(document: id, in: code, component: component, by: account.id, basis: "desk", at: Date())
        try await services.recordAccess(account, .reuseDocument, "document", id, owner: dossier.ownerPartyId, allowed: true)
        return Pages.redirect("/desk/dossiers/\(code)")
    }

    /// POST /desk/accounts/bind (form `username`, `owner`, `method` = `chip` with `chipNumber` or `clerk-check`
    /// with `note`): the clerk, with the person at the counter, gives a citizen account the person's store. The
    /// binding is recorded with its proof and shown to the person in their store.
    func bindAccount(_ request: Request, _ context: AppContext) async throws -> Response {
        let (account, agency) = try staff(context)
        let form = try await formFields(request)
        try context.requireCSRF(form["csrf"])
        guard AccessPolicy.allows(Actor(account), .bindAccount, AccessFacts()) else { throw APIError.forbidden }
        func refused(_ status: HTTPResponse.Status, _ message: String) async throws -> Response {
            try await deskPage(context, notice: message, status: status)
        }
        let owner: OwnerIdentifier
        do { owner = try OwnerIdentifier(form["owner"] ?? "") } catch { return try await refused(.badRequest, error.description) }
        if owner.isAgencyArchive { return try await refused(.badRequest, "Tài khoản công dân không liên kết với kho lưu trữ của một cơ quan.") }
        guard let method = ProofMethod(rawValue: form["method"] ?? ""), method == .chip || method == .clerkCheck else {
            return try await refused(.badRequest, "Chọn cách xác minh: đọc chip CCCD, hoặc cán bộ đối chiếu giấy tờ.")
        }
        let evidence: String
        do { evidence = try ProofError.evidence(method: method, chipNumber: form["chipNumber"], note: form["note"], owner: owner) } catch {
            return try await refused(.badRequest, error.description)
        }
        let username = (form["username"] ?? "").lowercased().trimmingCharacters(in: .whitespaces)
        let bound: Account
        do {
            (bound, _) = try store.bindAccount(username: username, to: owner, method: method, evidence: evidence, by: account.id, agency: agency)
        } catch {
            if case .store(let failure) = error { throw failure }
            return try await refused(.conflict, error.description)
        }
        services.sessions.forget(account: bound.id)
        try await services.recordAccess(account, .bindAccount, "account", bound.id, owner: bound.partyId, allowed: true)
        return try await deskPage(context, notice: "Đã liên kết tài khoản \(bound.username) với \(owner.value) (\(method.vietnamese)).")
    }
}
