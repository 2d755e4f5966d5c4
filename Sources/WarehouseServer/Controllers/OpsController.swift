import Foundation
import Hummingbird
import WarehouseCore

/// Health and metrics, for operators and monitoring.
struct OpsController {
    let services: ServerServices

    func addRoutes(to router: Router<AppContext>) {
        router.get("/health") { _, _ -> Response in
            struct Health: Encodable {
                var status: String
                var documents: Int
                var blobs: Int
            }
            let counts = try services.store.counts()
            return try Pages.json(Health(status: "ok", documents: counts["document"] ?? 0, blobs: counts["blob"] ?? 0))
        }
        router.get("/metrics") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: services.metrics.render())))
        }
        router.get("/static/style.css") { _, _ in try Self.asset("style", "css", type: "text/css; charset=utf-8") }
        router.get("/static/app.js") { _, _ in try Self.asset("app", "js", type: "text/javascript; charset=utf-8") }
    }

    /// A file of `Public/`, cached for an hour.
    static func asset(_ name: String, _ ext: String, type: String) throws -> Response {
        guard let url = Bundle.module.url(forResource: "Public/\(name)", withExtension: ext), let bytes = try? Data(contentsOf: url) else {
            throw APIError.notFound
        }
        return Response(
            status: .ok, headers: [.contentType: type, .cacheControl: "public, max-age=3600"], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
