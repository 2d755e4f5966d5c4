import Crypto
import Foundation
import HTTPTypes
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

    /// POST /login: checks the password, sets an HttpOnly, SameSite=Strict session cookie. A form posted from
    /// another site is refused (login CSRF: it would sign the browser in to someone else's account).
    @Sendable func login(_ request: Request, context: AppContext) async throws -> Response {
        if Self.isCrossSite(request) {
            throw APIError(.forbidden, "cross-site", "Biểu mẫu đăng nhập phải gửi từ chính trang này (the sign-in form came from another site).")
        }
        let form = try await formFields(request)
        let username = (form["username"] ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let password = form["password"] ?? ""
        switch services.limiter.decide(username: username, address: context.clientAddress) {
        case .proceed: break
        case .wait(let seconds): try await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
        case .refuse(let retryAfter):
            var refusal = try APIError(
                .tooManyRequests, "too-many-attempts",
                "Đăng nhập sai quá nhiều lần từ máy này; thử lại sau \(retryAfter) giây (too many failed sign-ins from this address)."
            ).response(from: request, context: context)
            refusal.headers[.retryAfter] = String(retryAfter)
            return refusal
        }
        guard let account = try services.identity.authenticate(username: username, password: password) else {
            services.limiter.recordFailure(username: username, address: context.clientAddress)
            var page = pages.render("login", title: "Đăng nhập", ["error": "Sai tên đăng nhập hoặc mật khẩu."], context: context)
            page.status = .unauthorized
            return page
        }
        services.limiter.recordSuccess(username: username, address: context.clientAddress)
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

    /// A form posted by another site: the browser says so (`Sec-Fetch-Site`), or its `Origin` is not this
    /// server's. A request without either (a script, an old browser) is not a browser's cross-site post.
    static func isCrossSite(_ request: Request) -> Bool {
        if let site = request.headers[HTTPField.Name("Sec-Fetch-Site")!] {
            // The browser says where the form came from: this origin ("same-origin"), or typed in ("none").
            return site == "cross-site" || site == "same-site"
        }
        guard let origin = request.headers[HTTPField.Name("Origin")!] else { return false }
        guard let url = URLComponents(string: origin), let host = url.host, let authority = request.head.authority
        else { return true }
        let port = url.port.map { ":\($0)" } ?? ""
        return (host + port).lowercased() != authority.lowercased()
    }

    /// 32 random bytes, URL-safe.
    static func randomToken() -> String {
        let key = SymmetricKey(size: .bits256)
        return key.withUnsafeBytes { Data($0) }.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
