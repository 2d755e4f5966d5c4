import ArgumentParser
import Foundation
import Hummingbird
import Logging
import NIOCore
import WarehouseCore
import WarehouseServer

/// `warehouse serve`: the web pages and the JSON API.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve the web pages and the JSON API (Hummingbird).")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on.")
    var port = 8080

    @Flag(help: "Create the demo accounts (and a seal key) if missing, and print them.")
    var demo = false

    @Flag(help: "Mark the session cookie Secure (when served behind HTTPS).")
    var secureCookies = false

    @Option(help: "Personal stores kept in memory between reads (a few kB each); 0 reads every list from the database.")
    var storeCache = 5_000

    @Option(help: "Connections held at once (default: the open-file limit less 512, at most 16384); beyond, a 503 sentence.")
    var maxConnections: Int?

    @Option(help: "Connections one client address holds at once (raise it behind a reverse proxy, or let nginx's limit_conn do it).")
    var maxConnectionsPerAddress = 256

    @Option(help: "Seconds a new connection has to send a complete request head (408 beyond).")
    var headerTimeout = 10.0

    @Option(help: "Seconds a kept-alive connection has to send its next complete request head.")
    var keepAliveTimeout = 30.0

    @Option(help: "Bytes per second a request body must come at, over the time the server waits for it (408 below).")
    var minBodyRate = 1_024.0

    @Option(help: "Seconds a body may come slower than --min-body-rate before the connection is closed.")
    var bodyGrace = 10.0

    @Option(help: "Most pixels the pages of one desk upload may have together; the files beyond are quarantined with the reason.")
    var pixelsPerUpload = 250_000_000

    @Option(help: "The address citizens reach this server at (https://…): seals issued on the web link to its /verify page. Default: the address the clerk's browser used.")
    var publicURL: String?

    func validate() throws {
        guard storeCache >= 0 else { throw ValidationError("--store-cache must be 0 or more") }
        guard (maxConnections ?? 1) >= 1, maxConnectionsPerAddress >= 1 else { throw ValidationError("connection caps must be 1 or more") }
        guard headerTimeout > 0, keepAliveTimeout > 0, bodyGrace > 0, minBodyRate >= 0 else {
            throw ValidationError("--header-timeout, --keep-alive-timeout and --body-grace must be more than 0, --min-body-rate 0 or more")
        }
        if let publicURL, URL(string: publicURL)?.scheme.map({ ["http", "https"].contains($0) }) != true {
            throw ValidationError("--public-url must be an http:// or https:// address")
        }
        guard pixelsPerUpload >= 1_000_000 else { throw ValidationError("--pixels-per-upload must be at least 1000000 (one small page)") }
    }

    func run() async throws {
        func time(_ seconds: Double) -> TimeAmount { .milliseconds(Int64(seconds * 1000)) }
        let connections = ConnectionLimits(
            maxConnections: maxConnections ?? ConnectionLimits.systemConnectionCap(), maxPerAddress: maxConnectionsPerAddress,
            headerTimeout: time(headerTimeout), keepAliveTimeout: time(keepAliveTimeout), minBodyBytesPerSecond: minBodyRate,
            bodyGrace: time(bodyGrace))
        let services = try await ServerServices(
            layout: global.layout,
            settings: ServerSettings(
                secureCookies: secureCookies, personalStoreCache: storeCache, connections: connections, pixelsPerUpload: pixelsPerUpload,
                publicURL: publicURL))
        if demo { try DemoAccounts.ensure(services) }
        var logger = Logger(label: "warehouse.server")
        logger.logLevel = .info
        say("Serving the warehouse \(global.layout.root.path) on http://\(host):\(port)")
        try await buildApplication(services: services, host: host, port: port, logger: logger).runService()
    }
}

/// Demo accounts for the SampleScans people and desks. Their passwords are printed: demo only.
enum DemoAccounts {
    struct Demo {
        var username: String
        var password: String
        var role: Role
        var name: String
        var agency: String?
        var owner: String?
    }

    static let all = [
        Demo(username: "canbo.phuong", password: "motcua-phuong-2024", role: .clerk, name: "Cán bộ một cửa phường Điện Biên", agency: "000.12.34.H56", owner: nil),
        Demo(username: "canbo.tinh", password: "motcua-tinh-2024", role: .clerk, name: "Cán bộ một cửa UBND tỉnh", agency: "000.00.00.H56", owner: nil),
        Demo(username: "an", password: "nguyen-van-an-1990", role: .citizen, name: "Nguyễn Văn An", agency: nil, owner: "038090012345"),
        Demo(username: "binh", password: "le-thi-binh-1992", role: .citizen, name: "Lê Thị Bình", agency: nil, owner: "038192004567"),
        Demo(username: "chau", password: "minh-chau-2024", role: .citizen, name: "Nguyễn Lê Minh Châu (người giám hộ: Nguyễn Văn An)", agency: nil, owner: "038324000123"),
        Demo(username: "saomai", password: "sao-mai-2801234564", role: .citizen, name: "Công ty TNHH Sao Mai Thanh Hóa", agency: nil, owner: "2801234564"),
        Demo(username: "kiemtra", password: "kiem-tra-nhat-ky", role: .auditor, name: "Thanh tra (auditor)", agency: nil, owner: nil),
        Demo(username: "quantri", password: "quan-tri-he-thong", role: .admin, name: "Quản trị (admin)", agency: nil, owner: nil),
    ]

    static func ensure(_ services: ServerServices) throws {
        _ = try SealKeyStore(directory: services.layout.keys).initialise(issuer: "HTTT giải quyết TTHC tỉnh Thanh Hóa")
        say("Demo accounts (demo only; change them in production):")
        for d in all {
            if try services.store.account(username: d.username) == nil {
                _ = try services.createAccount(
                    username: d.username, password: d.password, role: d.role, displayName: d.name, agencyCode: d.agency,
                    owner: try d.owner.map { try OwnerIdentifier($0) })
            }
            say("  \(d.username.padding(toLength: 14, withPad: " ", startingAt: 0)) \(d.password.padding(toLength: 20, withPad: " ", startingAt: 0)) \(d.role.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(d.name)")
        }
    }
}

/// Prints a line at once, also when standard output is a pipe (make run, logs).
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
