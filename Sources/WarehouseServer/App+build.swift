import Foundation
import Hummingbird
import Logging
import WarehouseCore

/// The router with every route, built from the services; tests call this too.
public func buildRouter(services: ServerServices) -> Router<AppContext> {
    let router = Router(context: AppContext.self)
    router.add(middleware: SecurityHeadersMiddleware(overTLS: services.settings.secureCookies))
    router.add(middleware: SessionMiddleware(services: services))
    OpsController(services: services).addRoutes(to: router)
    AuthController(services: services).addRoutes(to: router)
    DocumentsController(services: services).addRoutes(to: router)
    DeskController(services: services).addRoutes(to: router)
    VerifyController(services: services).addRoutes(to: router)
    AdminController(services: services).addRoutes(to: router)
    ReportsController(services: services).addRoutes(to: router)
    return router
}

/// The application: the router on a host and port, behind the connection caps and slow-client timeouts of
/// `services.settings.connections`.
public func buildApplication(services: ServerServices, host: String, port: Int, logger: Logger) -> some ApplicationProtocol {
    Application(
        router: buildRouter(services: services),
        server: .guardedHTTP1(services.settings.connections),
        // A long accept queue: a burst of connections (most refused at once by the guard) must not drop the SYN of
        // a clerk's request, which the client would only send again a second later.
        configuration: .init(address: .hostname(host, port: port), serverName: "warehouse", backlog: 4_096),
        logger: logger)
}
