import Foundation
import Hummingbird
import WarehouseCore

/// Accounts, for admins (who read no one's documents).
struct AdminController {
    let services: ServerServices
    var pages: Pages { Pages(services: services) }

    func addRoutes(to router: Router<AppContext>) {
        router.get("/admin/accounts") { _, context in try accountsPage(context, notice: nil) }
        router.post("/admin/accounts") { request, context in try await create(request, context) }
    }

    func admin(_ context: AppContext) throws -> Account {
        let account = try context.requireAccount()
        guard AccessPolicy.allows(Actor(account), .manageAccounts, AccessFacts()) else { throw APIError.forbidden }
        return account
    }

    func accountsPage(_ context: AppContext, notice: String?) throws -> Response {
        _ = try admin(context)
        let rows: [[String: Any]] = try services.store.accounts().map { a in
            ["username": a.username, "displayName": a.displayName, "role": a.role.rawValue, "agency": a.agencyCode ?? "",
             "owner": try a.partyId.map { try services.store.identifiers(party: $0).map(\.value).joined(separator: ", ") }
                ?? (a.role == .citizen ? "chưa liên kết (liên kết tại bộ phận một cửa)" : "")]
        }
        return pages.render(
            "accounts", title: "Tài khoản", ["accounts": rows, "roles": Role.allCases.map(\.rawValue)], context: context, notice: notice)
    }

    func create(_ request: Request, _ context: AppContext) async throws -> Response {
        let actor = try admin(context)
        let form = try await formFields(request)
        try context.requireCSRF(form["csrf"])
        let username = (form["username"] ?? "").lowercased().trimmingCharacters(in: .whitespaces)
        guard username.range(of: "^[a-z0-9._-]{3,40}$", options: .regularExpression) != nil else {
            throw APIError(.badRequest, "invalid-username", "A username is 3 to 40 letters, digits, dots, dashes or underscores.")
        }
        guard let password = form["password"], password.count >= 12 else {
            throw APIError(.badRequest, "weak-password", "A password has at least 12 characters.")
        }
        guard let role = Role(rawValue: form["role"] ?? "") else { throw APIError(.badRequest, "invalid-role", "Choose a role.") }
        let agency = (form["agency"] ?? "").trimmingCharacters(in: .whitespaces)
        let ownerText = (form["owner"] ?? "").trimmingCharacters(in: .whitespaces)
        if role == .clerk || role == .supervisor {
            guard (try? AgencyCode(agency)) != nil else { throw APIError(.badRequest, "invalid-agency", "Desk staff need their agency's code.") }
        }
        // An admin creates a citizen account, and cannot give it anyone's store: the desk binds it to the person,
        // with the person at the counter (POST /desk/accounts/bind), and the person sees it in their store.
        if !ownerText.isEmpty {
            throw APIError(
                .badRequest, "bind-at-desk",
                "Tài khoản công dân được liên kết với CCCD / MST tại bộ phận một cửa, khi cán bộ xác minh người đó (đọc chip hoặc đối chiếu giấy tờ): tạo tài khoản không ghi chủ sở hữu, rồi liên kết tại quầy.")
        }
        guard try services.store.account(username: username) == nil else {
            throw APIError(.conflict, "username-taken", "That username is taken.")
        }
        let created = try services.createAccount(
            username: username, password: password, role: role, displayName: form["displayName"] ?? username,
            agencyCode: agency.isEmpty ? nil : agency)
        try await services.recordAccess(actor, .manageAccounts, "account", created.id, owner: created.partyId, allowed: true)
        return try accountsPage(context, notice: "Đã tạo tài khoản \(username).")
    }
}
