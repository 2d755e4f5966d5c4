import Foundation
import Hummingbird
import Mustache
import WarehouseCore

/// Renders a page inside the layout, with the signed-in account's navigation.
struct Pages {
    let services: ServerServices

    func render(_ template: String, title: String, _ data: [String: Any], context: AppContext, notice: String? = nil,
                status: HTTPResponse.Status = .ok) -> Response
    {
        var data = data
        data["csrf"] = context.session?.csrfToken ?? ""
        let body = services.templates.render(data, withTemplate: template) ?? ""
        var layout: [String: Any] = ["title": title, "body": body]
        if let notice { layout["notice"] = notice }
        if let account = context.account {
            layout["account"] = [
                "displayName": account.displayName, "role": account.role.rawValue, "agency": account.agencyCode ?? "",
                "csrf": context.session?.csrfToken ?? "", "isCitizen": account.role == .citizen,
                "isStaff": account.role == .clerk || account.role == .supervisor, "isAuditor": account.role == .auditor, "isAdmin": account.role == .admin,
                "canReport": account.role == .supervisor || account.role == .auditor,
            ] as [String: Any]
        }
        let html = services.templates.render(layout, withTemplate: "layout") ?? body
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: try encodeJSON(value))))
    }

    /// The API's JSON: sorted keys, ISO 8601 dates.
    static func encodeJSON(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(value)
    }

    /// Validity of a result as citizens read it: valid / expires soon (30 days) / expired / revoked.
    static func validity(_ v: ResultValidity, permanent: Bool, until: String?) -> (text: String, cls: String) {
        switch v {
        case .revoked: ("đã thu hồi", "revoked")
        case .expired: ("hết hiệu lực \(until.map(VietnamTime.day) ?? "")", "expired")
        case .expiring: ("sắp hết hiệu lực \(until.map(VietnamTime.day) ?? "")", "expiring")
        case .valid where permanent: ("vĩnh viễn", "valid")
        case .valid: until.map { ("hiệu lực đến \(VietnamTime.day($0))", "valid") } ?? ("còn hiệu lực", "valid")
        }
    }

    static func validity(_ r: ResultSummary) -> (text: String, cls: String) {
        validity(r.validity, permanent: r.permanent, until: r.validUntil)
    }

    static func validity(_ r: ResultRecord) -> (text: String, cls: String) {
        validity(r.validity(on: .todayInVietnam), permanent: r.permanent, until: r.validUntil)
    }
}

/// Reads a small URL-encoded form body.
func formFields(_ request: Request, limit: Int = 64 << 10) async throws -> [String: String] {
    let buffer = try await request.body.collect(upTo: limit)
    let text = String(buffer: buffer)
    var out: [String: String] = [:]
    for pair in text.split(separator: "&") {
        let kv = pair.split(separator: "=", maxSplits: 1).map { String($0).replacingOccurrences(of: "+", with: " ") }
        guard let key = kv.first?.removingPercentEncoding else { continue }
        out[key] = kv.count > 1 ? (kv[1].removingPercentEncoding ?? "") : ""
    }
    return out
}
