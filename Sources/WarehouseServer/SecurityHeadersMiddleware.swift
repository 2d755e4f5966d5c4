import Foundation
import HTTPTypes
import Hummingbird

/// The outermost middleware: every response, errors included, carries the security headers, and an error
/// without a sentence of its own (Hummingbird's 404 for an unknown route, its 413 for a body over the
/// limit, NIO's when a body is collected past its bound) gets one.
///
/// Pages show personal data, so nothing is cached or framed, and the Content-Security-Policy allows only the
/// site's own script and style (the pages have no inline script). Over TLS the browser is told to keep to
/// HTTPS (HSTS).
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    let overTLS: Bool

    static var policy: String {
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as APIError {
            response = try error.response(from: request, context: context)
        } catch let error as HTTPError {
            response = try Self.sentence(for: error).response(from: request, context: context)
        } catch let error as any HTTPResponseError {
            // NIO's NIOTooManyBytesError (a body collected past its bound) and the like answer a bare status.
            response = try Self.sentence(for: HTTPError(error.status)).response(from: request, context: context)
        }
        add(to: &response.headers)
        return response
    }

    func add(to headers: inout HTTPFields) {
        headers[.cacheControl] = headers[.cacheControl] ?? "no-store"
        headers[HTTPField.Name("Content-Security-Policy")!] = Self.policy
        headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        if overTLS { headers[HTTPField.Name("Strict-Transport-Security")!] = "max-age=31536000" }
    }

    /// Hummingbird's own errors, in a sentence.
    static func sentence(for error: HTTPError) -> APIError {
        if let body = error.body, !body.isEmpty { return APIError(error.status, "error", body) }
        switch error.status {
        case .notFound:
            return APIError(.notFound, "not-found", "Không có trang này (there is no such page).")
        case .contentTooLarge:
            return APIError(
                .contentTooLarge, "too-large", "Nội dung gửi lên quá lớn (the request body is larger than this form accepts); gửi tệp nhỏ hơn.")
        case .methodNotAllowed:
            return APIError(.methodNotAllowed, "method-not-allowed", "Trang này không nhận yêu cầu kiểu này (method not allowed).")
        default:
            return APIError(error.status, "error", "Yêu cầu không thực hiện được (\(error.status.code) \(error.status.reasonPhrase)).")
        }
    }
}
