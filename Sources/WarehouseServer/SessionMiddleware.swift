import Foundation
import HTTPTypes
import Hummingbird
import Logging
import WarehouseCore

/// Reads the session cookie and puts the signed-in account into the context.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = AppContext
    static let cookieName = "wh_session"
    let services: ServerServices

    func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response) async throws -> Response {
        var context = context
        services.metrics.request()
        if let token = request.cookies[Self.cookieName]?.value {
            let hash = Self.hash(token)
            let now = Date()
            var found = services.sessions.get(hash, now: now)
            if found == nil, let stored = try await services.store.sessionAsync(tokenHash: hash, at: now) {
                services.sessions.put(hash, stored, now: now)
                found = stored
            }
            if let (session, account) = found {
                context.session = session
                context.account = account
            }
        }
        do {
            // The security headers are the outer SecurityHeadersMiddleware's, on errors too.
            return try await next(request, context)
        } catch let error as APIError {
            if error.status.code >= 500 { services.metrics.error() }
            throw error
        } catch let error as any HTTPResponseError {
            throw error
        } catch {
            services.metrics.error()
            // No personal data in the server log: the error's type only.
            context.logger.error("request failed: \(type(of: error))")
            throw APIError(.internalServerError, "internal", "Something went wrong on the server; the error was logged.")
        }
    }

    static func hash(_ token: String) -> String {
        BlobID.of(Data(token.utf8)).hex
    }
}

extension AppContext {
    /// The account, or 401.
    func requireAccount() throws -> Account {
        guard let account else { throw APIError.signInRequired }
        return account
    }

    /// Checks the CSRF token of a state-changing request against the session's.
    func requireCSRF(_ token: String?) throws {
        guard let session, let token, !token.isEmpty, token == session.csrfToken else { throw APIError.csrf }
    }
}
