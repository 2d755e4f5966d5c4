import Crypto
import Foundation
import Hummingbird
import WarehouseCore

/// Sign-in and sign-out.
struct AuthController {
    let services: ServerServices
    var pages: Pages { Pages(services: services) }

    func addRoutes(to router: Router<AppContext>) {
        router.get("/login") { _, context in pages.render("login", title: "Đăng nhập", [:], context: context) }
        router.post("/login", use: login)
        router.post("/logout", use: logout)
        router.get("/") { _, context -> Response in
            switch context.account?.role {
            case .citizen: Pages.redirect("/me")
            case .clerk, .supervisor: Pages.redirect("/desk")
            case .auditor: Pages.redirect("/audit")
            case .admin: Pages.redirect("/admin/accounts")
            case nil: Pages.redirect("/login")
            }
        }
    }

    /// POST /login: checks the password, sets an HttpOnly, SameSite=Strict session cookie.
    @Sendable func login(_ request: Request, context: AppContext) async throws -> Response {
        let form = try await formFields(request)
        let username = (form["username"] ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let password = form["password"] ?? ""
        // Per username: guessing one account's password is slowed whatever address it comes from.
        let key = username
        if services.limiter.isBlocked(key) {
            throw APIError(.tooManyRequests, "too-many-attempts", "Too many failed sign-ins; wait a few minutes and try again.")
        }
        guard let account = try services.identity.authenticate(username: username, password: password) else {
            services.limiter.recordFailure(key)
            var page = pages.render("login", title: "Đăng nhập", ["error": "Sai tên đăng nhập hoặc mật khẩu."], context: context)
            page.status = .unauthorized
            return page
        }
        services.limiter.reset(key)
        let token = Self.randomToken()
        let now = Date()
        let session = SessionRecord(
            tokenHash: SessionMiddleware.hash(token), accountId: account.id, csrfToken: Self.randomToken(), createdAt: now,
            expiresAt: now.addingTimeInterval(services.settings.sessionHours * 3600))
        try services.store.insertSession(session)
        var response = Pages.redirect("/")
        response.setCookie(
            Hummingbird.Cookie(
                name: SessionMiddleware.cookieName, value: token, maxAge: Int(services.settings.sessionHours * 3600), path: "/",
                secure: services.settings.secureCookies, httpOnly: true, sameSite: .strict))
        return response
    }

    /// POST /logout: ends the session.
    @Sendable func logout(_ request: Request, context: AppContext) async throws -> Response {
        _ = try context.requireAccount()
        let form = try await formFields(request)
        try context.requireCSRF(form["csrf"])
        if let session = context.session {
            services.sessions.remove(session.tokenHash)
            try services.store.deleteSession(tokenHash: session.tokenHash)
        }
        var response = Pages.redirect("/login")
        response.setCookie(
            Hummingbird.Cookie(name: SessionMiddleware.cookieName, value: "", maxAge: 0, path: "/", secure: services.settings.secureCookies, httpOnly: true, sameSite: .strict))
        return response
    }

    /// 32 random bytes, URL-safe.
    static func randomToken() -> String {
        let key = SymmetricKey(size: .bits256)
        return key.withUnsafeBytes { Data($0) }.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
