import Foundation

/// Where and how the outbox is sent: the portal's (or the provincial adapter's) endpoint, retries and
/// timeouts. Read from `sync.json` in the storage folder; command-line flags override it. Nothing of it
/// is kept in the database, so that a backup or a copy of the warehouse carries no credentials.
public struct SyncSettings: Sendable, Equatable {
    /// The URL every message is POSTed to.
    public var endpoint: URL?
    /// Attempts before a message is dead.
    public var maxAttempts: Int
    /// Seconds one request may take, connection included.
    public var timeout: Double
    /// The wait after the first failure; it doubles with every further failure, up to `maxBackoff`.
    public var backoff: Double
    public var maxBackoff: Double
    /// How long one `sync run` keeps waiting for messages whose next attempt is near; later ones are left
    /// to the next run.
    public var maxRunSeconds: Double
    /// Extra request headers (e.g. `Authorization` for the provincial adapter).
    public var headers: [String: String]

    public init(
        endpoint: URL? = nil, maxAttempts: Int = 10, timeout: Double = 30, backoff: Double = 60, maxBackoff: Double = 6 * 3600,
        maxRunSeconds: Double = 600, headers: [String: String] = [:]
    ) {
        self.endpoint = endpoint
        self.maxAttempts = maxAttempts
        self.timeout = timeout
        self.backoff = backoff
        self.maxBackoff = maxBackoff
        self.maxRunSeconds = maxRunSeconds
        self.headers = headers
    }

    /// The wait after the `attempt`-th failure: `backoff · 2^(attempt−1)` capped at `maxBackoff`, its upper
    /// half random ("equal jitter") so that messages that failed together do not come back together.
    public func backoff(afterAttempt attempt: Int, random: Double = Double.random(in: 0..<1)) -> TimeInterval {
        let full = min(maxBackoff, backoff * pow(2, Double(min(max(attempt, 1), 64) - 1)))
        return full / 2 + full / 2 * random
    }

    /// The settings file of a warehouse: `sync.json` in its storage folder.
    public static func file(in layout: StorageLayout) -> URL {
        layout.root.appendingPathComponent("sync.json")
    }

    /// The settings in `url`; the defaults when the file does not exist.
    public static func load(_ url: URL) throws(SyncSettingsError) -> SyncSettings {
        guard FileManager.default.fileExists(atPath: url.path) else { return SyncSettings() }
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw SyncSettingsError(url, nil, "cannot be read: \(error.localizedDescription)") }
        return try parse(data, file: url)
    }

    /// The keys of `sync.json` and what each holds.
    static let keys: [String: String] = [
        "endpoint": "an http or https URL", "maxAttempts": "a whole number from 1 to 100",
        "timeoutSeconds": "a number of seconds from 0.1 to 600", "backoffSeconds": "a number of seconds from 0.01 to 86400",
        "maxBackoffSeconds": "a number of seconds, at least backoffSeconds", "maxRunSeconds": "a number of seconds from 0 to 86400",
        "headers": "an object of header names to text values",
    ]

    /// Parses the JSON of a settings file; every error names `file`, the field and what it must hold.
    public static func parse(_ data: Data, file: URL) throws(SyncSettingsError) -> SyncSettings {
        let json: [String: SettingValue]
        do {
            json = try JSONDecoder().decode([String: SettingValue].self, from: data)
        } catch DecodingError.typeMismatch(_, let context) where context.codingPath.isEmpty {
            throw SyncSettingsError(file, nil, "must hold one JSON object")
        } catch let DecodingError.dataCorrupted(context) {
            let detail = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] ?? context.debugDescription
            throw SyncSettingsError(file, nil, "is not valid JSON: \(detail)")
        } catch {
            throw SyncSettingsError(file, nil, "is not valid JSON: \(error)")
        }
        for key in json.keys.sorted() where keys[key] == nil {
            throw SyncSettingsError(file, key, "is not a setting; the settings are \(keys.keys.sorted().joined(separator: ", "))")
        }
        var s = SyncSettings()
        if let value = json["endpoint"] {
            guard case .text(let text) = value else { throw endpointError(file, "\(value)") }
            s.endpoint = try endpoint(text, file: file)
        }
        if let value = json["maxAttempts"] {
            guard case .number(let n) = value, n == n.rounded(), (1...100).contains(n) else {
                throw SyncSettingsError(file, "maxAttempts", "must be \(keys["maxAttempts"]!), not \(value)")
            }
            s.maxAttempts = Int(n)
        }
        s.timeout = try seconds(json, "timeoutSeconds", 0.1...600, file: file) ?? s.timeout
        s.backoff = try seconds(json, "backoffSeconds", 0.01...86_400, file: file) ?? s.backoff
        s.maxBackoff = try seconds(json, "maxBackoffSeconds", s.backoff...(30 * 86_400), file: file) ?? max(s.maxBackoff, s.backoff)
        s.maxRunSeconds = try seconds(json, "maxRunSeconds", 0...86_400, file: file) ?? s.maxRunSeconds
        if let value = json["headers"] {
            guard case .object(let headers) = value else { throw SyncSettingsError(file, "headers", "must be \(keys["headers"]!)") }
            for (name, value) in headers.sorted(by: { $0.key < $1.key }) {
                guard case .text(let text) = value else { throw SyncSettingsError(file, "headers.\(name)", "must be text, not \(value)") }
                if let problem = headerProblem(name: name, value: text) { throw SyncSettingsError(file, "headers.\(name)", problem) }
                s.headers[name] = text
            }
        }
        return s
    }

    /// Checks an endpoint given on the command line or in the file.
    public static func endpoint(_ text: String, file: URL?) throws(SyncSettingsError) -> URL {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = url.host, !host.isEmpty
        else { throw endpointError(file, text) }
        return url
    }

    private static func endpointError(_ file: URL?, _ value: String) -> SyncSettingsError {
        SyncSettingsError(file, "endpoint", "must be \(keys["endpoint"]!) such as https://lgsp.example.gov.vn/dvcqg, not \(value)")
    }

    private static func seconds(_ json: [String: SettingValue], _ key: String, _ range: ClosedRange<Double>, file: URL)
        throws(SyncSettingsError) -> Double?
    {
        guard let value = json[key] else { return nil }
        guard case .number(let number) = value, range.contains(number) else {
            throw SyncSettingsError(file, key, "must be \(keys[key]!) (\(range.lowerBound)…\(range.upperBound)), not \(value)")
        }
        return number
    }

    /// Why a header cannot be sent as given, or nil.
    static func headerProblem(name: String, value: String) -> String? {
        let token = CharacterSet(charactersIn: "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
        if name.isEmpty || !name.unicodeScalars.allSatisfy(token.contains) { return "is not a valid header name" }
        // Scalars, not characters: "\r\n" is one Character, equal to neither "\r" nor "\n".
        if value.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" }) { return "must not contain a line break" }
        let reserved = ["content-type", "content-length", "idempotency-key", "host"]
        if reserved.contains(name.lowercased()) { return "is set by the sender itself and cannot be configured" }
        return nil
    }
}

/// A settings file that cannot be used: which file, which field, why.
public struct SyncSettingsError: Error, Equatable, CustomStringConvertible {
    public var file: String?
    public var field: String?
    public var reason: String

    public init(_ file: URL?, _ field: String?, _ reason: String) {
        self.file = file?.path
        self.field = field
        self.reason = reason
    }

    public var description: String {
        [file, field.map { "field \($0)" }].compactMap { $0 }.joined(separator: ": ") + (file == nil && field == nil ? "" : ": ") + reason
    }
}

/// One JSON value of a settings file, kept apart by kind: JSONSerialization on Linux cannot tell `true`
/// from `1`.
enum SettingValue: Decodable, CustomStringConvertible {
    case text(String)
    case number(Double)
    case bool(Bool)
    case object([String: SettingValue])
    case list([SettingValue])
    case null

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .text(value)
        } else if let value = try? container.decode([String: SettingValue].self) {
            self = .object(value)
        } else {
            self = .list(try container.decode([SettingValue].self))
        }
    }

    var description: String {
        switch self {
        case .text(let text): "\"\(text)\""
        case .number(let number): number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
        case .bool(let value): String(value)
        case .object: "an object"
        case .list: "a list"
        case .null: "null"
        }
    }
}
