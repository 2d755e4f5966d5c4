import Foundation

/// Posts a request body to the portal: the one outside capability the sender needs. The real one is
/// `HTTPSyncTransport` (AsyncHTTPClient, target WarehousePortal).
public protocol SyncTransport: Sendable {
    /// POSTs `body` to `url` and returns the complete answer, or throws when there is none within
    /// `timeout` seconds (no connection, timed out, connection closed before the whole answer came).
    func post(_ body: Data, to url: URL, headers: [(String, String)], timeout: Double) async throws -> SyncResponse
    /// Waits `seconds` (the sender between attempts). Returns early when the task is cancelled.
    func pause(seconds: Double) async
}

extension SyncTransport {
    public func pause(seconds: Double) async {
        try? await Task.sleep(nanoseconds: UInt64(max(seconds, 0) * 1e9))
    }
}

/// A complete HTTP answer.
public struct SyncResponse: Sendable {
    public var status: Int
    public var body: Data
    /// `Retry-After` in seconds, when the answer gave one.
    public var retryAfter: Double?

    public init(status: Int, body: Data, retryAfter: Double? = nil) {
        self.status = status
        self.body = body
        self.retryAfter = retryAfter
    }
}

/// Sends the outbox: takes due messages one at a time, POSTs each, and records the answer.
///
/// - A message is marked sent only after a complete 2xx answer whose body, when it is JSON, carries no
///   `error_code` other than 0 (the portal's own "OK").
/// - Otherwise the attempt failed: the message waits `backoff · 2^(attempts−1)` seconds (at most
///   `maxBackoff`, at least the answer's `Retry-After`), half of it random so that senders that failed
///   together do not come back together, and is dead after `maxAttempts` attempts. Answers that say the
///   message itself is wrong (400, 410, 413, 415, 422) make it dead at once.
/// - Each request carries `Idempotency-Key: <message id>`: a message whose success answer was lost is
///   sent again, and the portal can recognise it.
/// - Claims are taken in a transaction and last `2 · timeout + 5` seconds: several senders (processes)
///   can run at once, never with the same message; a sender that dies leaves its message to be taken
///   again when its claim lapses.
public struct SyncSender: Sendable {
    public let store: WarehouseDatabase
    public let transport: any SyncTransport
    public let settings: SyncSettings
    public let endpoint: URL
    /// This sender's name in `claimedBy`: host, process and a random part.
    public let runner: String

    public init(store: WarehouseDatabase, transport: any SyncTransport, settings: SyncSettings) throws(SyncSettingsError) {
        guard let endpoint = settings.endpoint else {
            throw SyncSettingsError(
                nil, nil, "no endpoint is configured: give --endpoint URL or put \"endpoint\" in sync.json in the storage folder")
        }
        self.store = store
        self.transport = transport
        self.settings = settings
        self.endpoint = endpoint
        runner = "\(ProcessInfo.processInfo.hostName)/\(getpid())/\(UUID().uuidString.prefix(8).lowercased())"
    }

    /// How long a claim lasts: longer than any request, so that only a dead sender's claim lapses.
    public var lease: TimeInterval { settings.timeout * 2 + 5 }

    /// One attempt and what came of it.
    public struct Attempt: Codable, Sendable {
        public var messageId: String
        public var kind: SyncKind
        public var dossier: String
        public var attempt: Int
        /// `sent`, `retry` or `dead`.
        public var outcome: String
        public var error: String?
        public var seconds: Double
    }

    /// What one run did, and what it left.
    public struct Report: Codable, Sendable {
        public var attempts: [Attempt] = []
        public var sent = 0
        public var failed = 0
        /// Messages that died in this run.
        public var died = 0
        public var seconds = 0.0
        /// The outbox when the run ended.
        public var status: SyncOutbox.Status?
    }

    /// Sends what is due, then keeps waiting for messages whose next attempt comes within
    /// `settings.maxRunSeconds` of the start; returns when nothing more is due in that window.
    public func run(now clock: @Sendable () -> Date = { Date() }) async throws(StoreError) -> Report {
        let start = clock()
        let deadline = start.addingTimeInterval(settings.maxRunSeconds)
        var report = Report()
        while !Task.isCancelled {
            if let claim = try await store.claimSyncMessage(runner: runner, now: clock(), lease: lease) {
                let attempt = try await send(claim, clock: clock)
                switch attempt.outcome {
                case "sent": report.sent += 1
                case "dead":
                    report.failed += 1
                    report.died += 1
                default: report.failed += 1
                }
                report.attempts.append(attempt)
                continue
            }
            // Nothing due: wait for the next attempt if it comes before the deadline. Poll at least every
            // second, since a message claimed by another sender may be settled long before its claim lapses.
            guard let next = try await store.nextSyncAttempt() else { break }
            let now = clock()
            guard next <= deadline, now < deadline else { break }
            let wait = min(max(next.timeIntervalSince(now), 0.01), 1, deadline.timeIntervalSince(now))
            await transport.pause(seconds: wait)
        }
        report.seconds = clock().timeIntervalSince(start)
        report.status = try await store.syncStatusAsync(now: clock())
        return report
    }

    /// Sends one claimed message and records the outcome.
    func send(_ claim: SyncOutbox.Claim, clock: @Sendable () -> Date) async throws(StoreError) -> Attempt {
        let message = claim.message
        var headers = [
            ("Content-Type", "application/json; charset=utf-8"), ("Idempotency-Key", message.messageId),
            ("X-Sync-Attempt", String(message.attempts)), ("User-Agent", "warehouse-sync/1"),
        ]
        headers += settings.headers.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        let started = clock()
        let verdict: Verdict
        do {
            let response = try await transport.post(
                message.requestBody(isUpdating: claim.isUpdating), to: endpoint, headers: headers, timeout: settings.timeout)
            verdict = Self.verdict(response)
        } catch {
            verdict = .retry("\(error)", retryAfter: nil)
        }
        let now = clock()
        var attempt = Attempt(
            messageId: message.messageId, kind: message.kind, dossier: message.dossierCode, attempt: message.attempts, outcome: "sent",
            error: nil, seconds: now.timeIntervalSince(started))
        switch verdict {
        case .sent:
            try await store.recordSyncSent(message, at: now)
        case .retry(let why, let retryAfter):
            let dead = message.attempts >= settings.maxAttempts
            let retryAt = dead ? nil : now.addingTimeInterval(max(settings.backoff(afterAttempt: message.attempts), min(retryAfter ?? 0, settings.maxBackoff)))
            let error = dead ? "\(why) (attempt \(message.attempts) of \(settings.maxAttempts): giving up)" : why
            try await store.recordSyncFailure(message, runner: runner, error: error, retryAt: retryAt)
            attempt.outcome = dead ? "dead" : "retry"
            attempt.error = error
        case .refused(let why):
            try await store.recordSyncFailure(message, runner: runner, error: why, retryAt: nil)
            attempt.outcome = "dead"
            attempt.error = why
        }
        return attempt
    }

    enum Verdict: Equatable {
        case sent
        case retry(String, retryAfter: Double?)
        /// The portal says the message itself is wrong: sending it again cannot help.
        case refused(String)
    }

    /// What an answer means for the message.
    static func verdict(_ response: SyncResponse) -> Verdict {
        let text = String(decoding: response.body.prefix(300), as: UTF8.self).replacingOccurrences(of: "\n", with: " ")
        switch response.status {
        case 200..<300:
            if let code = portalErrorCode(response.body) {
                return .retry("the portal answered HTTP \(response.status) with error_code \(code): \(text)", retryAfter: nil)
            }
            return .sent
        case 400, 410, 413, 415, 422:
            return .refused("the portal refused the message as malformed: HTTP \(response.status) \(text)")
        default:
            return .retry("HTTP \(response.status)\(text.isEmpty ? "" : " \(text)")", retryAfter: response.retryAfter)
        }
    }

    /// The portal's `error_code` when its JSON answer carries one that is not 0 ("0", "00", 0 mean OK).
    static func portalErrorCode(_ body: Data) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any], let code = object["error_code"] else { return nil }
        let text = (code as? String) ?? (code as? NSNumber)?.stringValue ?? "\(code)"
        if let number = Int(text.trimmingCharacters(in: .whitespaces)), number == 0 { return nil }
        return text
    }
}
