import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Synchronization
import Testing
import WarehousePortal

@testable import WarehouseCore

/// Which arrival a request became, for the handler of its client's hang-up.
final class ArrivalSlot: Sendable {
    let value = Mutex<Int?>(nil)
}

/// A stand-in for the national portal, served by Hummingbird on loopback: it records every request and,
/// by a plan the test gives, answers it, fails it, hangs past the client's timeout or drops the
/// connection. Like a real idempotent receiver it applies a message id once and answers a repeat with
/// success without applying it again.
///
/// It also watches the senders: a request is live from its arrival until it is answered or its client
/// hangs up; two live requests of one message id are a double send.
final class RecordingPortal: Sendable {
    /// What the portal does with one arrival.
    enum Behaviour: String, Sendable {
        /// 200 `{"error_code":"0"}`; applies the message (once).
        case ok
        /// 500, nothing applied.
        case fail500
        /// 503 with `Retry-After: 0`.
        case busy
        /// 200 with `{"error_code":"-1"}`: the portal's own refusal inside a 2xx.
        case errorCode
        /// 422: the message is malformed.
        case malformed
        /// Sleeps past the client's timeout, then answers 504 to nobody.
        case hang
        /// Starts a 200 answer and closes the connection halfway: nothing applied.
        case close
        /// Applies the message, then starts a 200 answer and closes the connection: the success is lost.
        case acceptThenClose
    }

    /// One request as received.
    struct Arrival: Sendable {
        var messageId: String
        /// 1 for the first arrival of this message id, 2 for the next…
        var number: Int
        /// `X-Sync-Attempt`: the sender's attempt count.
        var attempt: Int?
        var service: String?
        var dossier: String?
        var behaviour: Behaviour
        var body: Data
        var at: Date
        /// Neither answered nor abandoned by its client yet.
        var live = true
    }

    struct State {
        var arrivals: [Arrival] = []
        /// Message ids applied, in the order they were applied.
        var applied: [String] = []
        var violations: [String] = []
    }

    /// The behaviour for an arrival (message id, its number, the dossier code in the payload).
    typealias Plan = @Sendable (_ messageId: String, _ number: Int, _ dossier: String?) -> Behaviour

    let state = Mutex(State())
    let plan: Mutex<Plan>
    /// How long `hang` sleeps.
    let hangSeconds: Double
    /// A delay before every answer (to make senders overlap).
    let answerDelay: Double

    init(hangSeconds: Double = 2, answerDelay: Double = 0, plan: @escaping Plan) {
        self.hangSeconds = hangSeconds
        self.answerDelay = answerDelay
        self.plan = Mutex(plan)
    }

    func replan(_ plan: @escaping Plan) {
        self.plan.withLock { $0 = plan }
    }

    var snapshot: State { state.withLock { $0 } }

    /// Runs the portal on a free loopback port for the duration of `body`, which gets the endpoint URL.
    /// Both run on the tests' own threads (``TestThreads``), and so do the senders that `body` starts.
    func serve(_ body: @escaping @Sendable (URL) async throws -> Void) async throws {
        let router = Router()
        router.post("/dvcqg") { [self] request, _ -> Response in
            // Tells when the client hangs up: a sender that gave up on a request no longer sends it.
            let index = ArrivalSlot()
            return try await request.body.consumeWithInboundCloseHandler { body in
                try await self.handle(request, body: body, index: index)
            } onInboundClosed: { [self] in
                if let i = index.value.withLock({ $0 }) { self.ended(i) }
            }
        }
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)), eventLoopGroupProvider: .shared(testLoops))
        try await onTestThreads {
            try await app.test(.live) { client in
                let port = try #require(client.port)
                try await body(URL(string: "http://127.0.0.1:\(port)/dvcqg")!)
            }
        }
    }

    private func ended(_ index: Int) {
        state.withLock { $0.arrivals[index].live = false }
    }

    private func handle(_ request: Request, body requestBody: RequestBody, index: ArrivalSlot) async throws -> Response {
        let body = Data(try await requestBody.collect(upTo: 4 << 20).readableBytesView)
        let key = request.headers[HTTPField.Name("Idempotency-Key")!] ?? "(none)"
        let envelope = try? JSONSerialization.jsonObject(with: body) as? [String: Any]
        let dossier = ((envelope?["data"] as? [[String: Any]])?.first?["MaHoSo"]) as? String
        let (behaviour, me, overlapping) = state.withLock { s in
            let number = s.arrivals.filter { $0.messageId == key }.count + 1
            let behaviour = plan.withLock { $0 }(key, number, dossier)
            let overlapping = s.arrivals.indices.filter { s.arrivals[$0].messageId == key && s.arrivals[$0].live }
            s.arrivals.append(
                Arrival(
                    messageId: key, number: number, attempt: request.headers[HTTPField.Name("X-Sync-Attempt")!].flatMap { Int($0) },
                    service: envelope?["service"] as? String, dossier: dossier, behaviour: behaviour, body: body, at: Date()))
            return (behaviour, s.arrivals.count - 1, overlapping)
        }
        index.value.withLock { $0 = me }
        defer { ended(me) }
        if !overlapping.isEmpty {
            // A sender that gave up on an earlier request has closed its connection; give that close a
            // moment to be seen before calling the earlier request still in flight.
            let check = overlapping
            Task(executorPreference: TestThreads.shared) { [self] in
                try? await sleepOnTestLoop(seconds: 0.3)
                state.withLock { s in
                    for i in check where s.arrivals[i].live && s.arrivals[me].live {
                        s.violations.append("\(key) was sent twice at the same time (attempts \(s.arrivals[i].attempt ?? 0) and \(s.arrivals[me].attempt ?? 0))")
                    }
                }
            }
        }
        if answerDelay > 0 { try? await sleepOnTestLoop(seconds: answerDelay) }
        switch behaviour {
        case .ok:
            apply(key)
            return Self.json(.ok, #"{"error_code":"0","message":"OK"}"#)
        case .fail500:
            return Self.json(.internalServerError, #"{"error_code":"500","message":"Lỗi hệ thống"}"#)
        case .busy:
            var response = Self.json(.serviceUnavailable, #"{"message":"busy"}"#)
            response.headers[HTTPField.Name("Retry-After")!] = "0"
            return response
        case .errorCode:
            return Self.json(.ok, #"{"error_code":"-1","message":"Không đồng bộ được"}"#)
        case .malformed:
            return Self.json(.unprocessableContent, #"{"message":"MaTTHC không hợp lệ"}"#)
        case .hang:
            // Until the answer is due or the client hangs up (nobody is left to answer then), so that a
            // long hang costs the test nothing once the sender has given up.
            let due = Date().addingTimeInterval(hangSeconds)
            while Date() < due, state.withLock({ $0.arrivals[me].live }) {
                try? await sleepOnTestLoop(seconds: 0.05)
            }
            return Self.json(.gatewayTimeout, "{}")
        case .close, .acceptThenClose:
            if behaviour == .acceptThenClose { apply(key) }
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: ResponseBody(contentLength: 64) { writer in
                    try await writer.write(ByteBuffer(string: #"{"error_co"#))
                    throw CancellationError()
                })
        }
    }

    private func apply(_ key: String) {
        state.withLock { s in
            if !s.applied.contains(key) { s.applied.append(key) }
        }
    }

    /// The portal closes the connection after each answer (the hang-up watch needs a connection per
    /// request), and says so, so that the client does not send its next request on a closed connection.
    static func json(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json", .connection: "close"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// What must hold once the senders have drained the outbox, whatever the timing:
    /// - nothing lost: every message is sent, and the portal applied each exactly once;
    /// - exactly one success per message: the senders recorded one `sent` outcome per message id, for
    ///   the attempt the portal answered 200, and that attempt was its last: nothing was sent after it;
    /// - each attempt number arrived at most once (an attempt may fail before it reaches the portal);
    /// - no two requests of one message were in flight at once.
    func checkDelivery(_ outbox: [SyncMessage], attempts: [SyncSender.Attempt], sourceLocation: SourceLocation = #_sourceLocation) {
        let s = snapshot
        #expect(s.violations.isEmpty, "\(s.violations)", sourceLocation: sourceLocation)
        #expect(outbox.allSatisfy { $0.state == .sent && $0.sentAt != nil && $0.claimedBy == nil }, sourceLocation: sourceLocation)
        #expect(Set(s.applied) == Set(outbox.map(\.messageId)), "every message applied", sourceLocation: sourceLocation)
        #expect(s.applied.count == outbox.count, sourceLocation: sourceLocation)
        for m in outbox {
            let successes = attempts.filter { $0.messageId == m.messageId && $0.outcome == "sent" }
            #expect(successes.map(\.attempt) == [m.attempts], "\(m.messageId): successes \(successes.map(\.attempt))", sourceLocation: sourceLocation)
            let arrivals = s.arrivals.filter { $0.messageId == m.messageId }
            let numbers = arrivals.compactMap(\.attempt)
            #expect(numbers.count == arrivals.count && Set(numbers).count == numbers.count, "\(m.messageId): attempts \(numbers)", sourceLocation: sourceLocation)
            #expect(numbers.max() == m.attempts, "\(m.messageId): nothing after attempt \(m.attempts): \(numbers)", sourceLocation: sourceLocation)
            #expect(arrivals.first { $0.attempt == m.attempts }?.behaviour == .ok, sourceLocation: sourceLocation)
        }
    }
}
