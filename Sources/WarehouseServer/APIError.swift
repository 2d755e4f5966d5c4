import Foundation
import Hummingbird
import WarehouseCore

/// An error as the API and the pages show it: an HTTP status, a stable code and one sentence.
/// The sentence never says whether a document the caller may not see exists.
public struct APIError: HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    public var code: String
    public var message: String

    public init(_ status: HTTPResponse.Status, _ code: String, _ message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    public static let signInRequired = APIError(.unauthorized, "sign-in-required", "Sign in to continue.")
    /// Used both for "does not exist" and "not yours": the two must look the same.
    public static let notFound = APIError(.notFound, "not-found", "There is no such document, or you may not see it.")
    public static let forbidden = APIError(.forbidden, "forbidden", "Your account may not do this.")
    public static let csrf = APIError(.forbidden, "csrf", "The form expired or did not come from this site; reload the page and try again.")

    /// 507: the warehouse's storage refused (full, read-only). Nothing was filed; the sender keeps the files.
    public static func storage(_ failure: StorageFailure) -> APIError {
        let why = failure.isFull ? "its storage is full" : failure.isReadOnly ? "its storage is read-only" : "its storage is failing"
        return APIError(
            HTTPResponse.Status(code: 507, reasonPhrase: "Insufficient Storage"), failure.isFull ? "storage-full" : "storage-unavailable",
            "The warehouse cannot store files now: \(why). Nothing was filed; send the files again once an administrator has fixed it.")
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        // A person at a browser gets a page; a script gets JSON with a stable code.
        if request.headers[.accept]?.contains("text/html") == true {
            let page = """
                <!doctype html><html lang="vi"><head><meta charset="utf-8"><title>\(status.code)</title>
                <link rel="stylesheet" href="/static/style.css"></head><body><main class="error">
                <h1>\(HTML.escape(status.reasonPhrase))</h1><p>\(HTML.escape(message))</p><p><a href="/">Trang chủ / Home</a></p>
                </main></body></html>
                """
            return Response(
                status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: page)))
        }
        let json = (try? JSONSerialization.data(withJSONObject: ["code": code, "message": message], options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: json)))
    }
}

/// Escaping for text put into HTML outside the templates (the same as the reports' tables and charts).
enum HTML {
    static func escape(_ text: String) -> String {
        ReportTable.escape(text)
    }
}
