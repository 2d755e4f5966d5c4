import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A plain HTTP/1.1 client for `warehouse serve` on 127.0.0.1, one connection per request
/// (`Connection: close`): the crash tests need to know exactly whether an answer came back, and a
/// connection the killed server drops is an error here, never a retry.
struct LoopbackHTTP {
    struct Response {
        var status: Int
        var headers: [(String, String)]
        var body: Data

        func header(_ name: String) -> [String] {
            headers.filter { $0.0.lowercased() == name.lowercased() }.map(\.1)
        }

        var text: String { String(decoding: body, as: UTF8.self) }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let port: UInt16
    var timeout: Double = 300

    /// Sends one request and reads the whole answer; throws when the connection fails or is cut.
    func send(_ method: String, _ path: String, headers: [(String, String)] = [], body: Data = Data()) throws -> Response {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var tv = timeval(tv_sec: Int(timeout), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(description: "connect: \(String(cString: strerror(errno)))") }
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\nContent-Length: \(body.count)\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "\r\n"
        let request = Data(head.utf8) + body
        try request.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if n < 0 {
                    if errno == EINTR { continue }
                    throw Failure(description: "send: \(String(cString: strerror(errno)))")
                }
                offset += n
            }
        }
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(description: "recv: \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            received.append(contentsOf: buffer[0..<n])
        }
        return try Self.parse(received)
    }

    /// Status line, headers and body (chunked or sized); a cut answer is an error.
    static func parse(_ data: Data) throws -> Response {
        guard let end = data.range(of: Data("\r\n\r\n".utf8)) else { throw Failure(description: "no complete answer (\(data.count) bytes)") }
        let lines = String(decoding: data[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw Failure(description: "bad status line \(lines[0])") }
        let headers: [(String, String)] = lines.dropFirst().compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var body = Data(data[end.upperBound...])
        let response = Response(status: status, headers: headers, body: body)
        if response.header("Transfer-Encoding").contains(where: { $0.lowercased().contains("chunked") }) {
            var decoded = Data()
            var rest = body[...]
            while true {
                guard let lineEnd = rest.range(of: Data("\r\n".utf8)),
                    let size = Int(String(decoding: rest[..<lineEnd.lowerBound], as: UTF8.self).split(separator: ";")[0], radix: 16)
                else { throw Failure(description: "cut chunked answer") }
                if size == 0 { break }
                let start = lineEnd.upperBound
                guard rest.distance(from: start, to: rest.endIndex) >= size + 2 else { throw Failure(description: "cut chunked answer") }
                let chunkEnd = rest.index(start, offsetBy: size)
                decoded.append(rest[start..<chunkEnd])
                rest = rest[rest.index(chunkEnd, offsetBy: 2)...]
            }
            body = decoded
        } else if let length = response.header("Content-Length").first.flatMap({ Int($0) }), body.count < length {
            throw Failure(description: "cut answer: \(body.count) of \(length) bytes")
        }
        return Response(status: status, headers: headers, body: body)
    }

    /// A multipart/form-data body: text fields, then files (field name, file name, bytes).
    static func multipart(fields: [(String, String)], files: [(String, String, Data)]) -> (contentType: String, body: Data) {
        let boundary = "crash-\(UUID().uuidString)"
        var body = Data()
        for (name, value) in fields {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        for (name, fileName, data) in files {
            body += Data(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(fileName)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                    .utf8)
            body += data + Data("\r\n".utf8)
        }
        body += Data("--\(boundary)--\r\n".utf8)
        return ("multipart/form-data; boundary=\(boundary)", body)
    }

    /// A form body (application/x-www-form-urlencoded).
    static func form(_ fields: [(String, String)]) -> Data {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return Data(
            fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&").utf8)
    }
}

/// A clerk's session with `warehouse serve --demo`: signs in, opens a dossier, uploads scans.
struct DeskClient {
    let http: LoopbackHTTP
    var cookie = ""
    var csrf = ""

    init(port: UInt16) {
        http = LoopbackHTTP(port: port)
    }

    /// The same session, with the server listening on another port (restarted).
    func on(port: UInt16) -> DeskClient {
        DeskClient(http: LoopbackHTTP(port: port), cookie: cookie, csrf: csrf)
    }

    private init(http: LoopbackHTTP, cookie: String, csrf: String) {
        self.http = http
        self.cookie = cookie
        self.csrf = csrf
    }

    /// Waits until `/health` answers (the server started), up to `seconds`.
    static func waitForServer(port: UInt16, seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if (try? LoopbackHTTP(port: port, timeout: 2).send("GET", "/health").status) == 200 { return true }
            usleep(50_000)
        }
        return false
    }

    /// Signs in and reads the session's CSRF token from the desk page.
    mutating func signIn(username: String, password: String) throws {
        let login = try http.send(
            "POST", "/login", headers: [("Content-Type", "application/x-www-form-urlencoded")],
            body: LoopbackHTTP.form([("username", username), ("password", password)]))
        guard let setCookie = login.header("Set-Cookie").first, let pair = setCookie.split(separator: ";").first else {
            throw LoopbackHTTP.Failure(description: "sign-in of \(username) gave no cookie (status \(login.status))")
        }
        cookie = String(pair)
        let desk = try http.send("GET", "/desk", headers: [("Cookie", cookie), ("Accept", "text/html")])
        guard let range = desk.text.range(of: #"name="csrf" value="([^"]+)""#, options: .regularExpression) else {
            throw LoopbackHTTP.Failure(description: "no CSRF token on the desk page (status \(desk.status))")
        }
        csrf = String(desk.text[range].dropFirst(#"name="csrf" value=""#.count).dropLast())
    }

    /// Opens the dossier `code` (idempotent: an open dossier stays as it is).
    func openDossier(code: String, procedure: String, owner: String) throws -> Int {
        try http.send(
            "POST", "/desk/dossiers", headers: [("Content-Type", "application/x-www-form-urlencoded"), ("Cookie", cookie)],
            body: LoopbackHTTP.form([("csrf", csrf), ("procedure", procedure), ("owner", owner), ("code", code)])
        ).status
    }

    /// Uploads one scan to the dossier through the JSON API.
    func upload(dossier: String, fileName: String, data: Data) throws -> LoopbackHTTP.Response {
        let (type, body) = LoopbackHTTP.multipart(fields: [("csrf", csrf)], files: [("files", fileName, data)])
        return try http.send(
            "POST", "/api/dossiers/\(dossier)/files", headers: [("Content-Type", type), ("Cookie", cookie), ("Accept", "application/json")],
            body: body)
    }
}
