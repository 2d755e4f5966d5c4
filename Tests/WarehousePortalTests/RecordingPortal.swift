import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Synchronization
import Testing

/// A stand-in for the national portal, served by Hummingbird on loopback: it records every request and,
/// by a plan the test gives, answers it, fails it, hangs past the client's timeout or drops the
/// connection. Like a real idempotent receiver it applies a message id once and answers a repeat with
/// success without applying it again.
///
/// It also watches the senders: a message arriving again after it was acknowledged, or twice at the
/// same time, is a violation.
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
        var attemptHeader: String?
        var service: String?
        var dossier: String?
        var behaviour: Behaviour
        var body: Data
        var at: Date
    }

    struct State {
        var arrivals: [Arrival] = []
        /// Complete 200 answers per message id.
        var acknowledged: [String: Int] = [:]
        /// Message ids applied, in the order they were applied.
        var applied: [String] = []
        var inFlight: [String: Int] = [:]
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

    init(hangSeconds: Double = 1.5, answerDelay: Double = 0, plan: @escaping Plan) {
        self.hangSeconds = hangSeconds
        self.answerDelay = answerDelay
        self.plan = Mutex(plan)
    }

    func replan(_ plan: @escaping Plan) {
        self.plan.withLock { $0 = plan }
    }

    var snapshot: State { state.withLock { $0 } }

    /// Runs the portal on a free loopback port for the duration of `body`, which gets the endpoint URL.
    func serve(_ body: @escaping @Sendable (URL) async throws -> Void) async throws {
        let router = Router()
        router.post("/dvcqg") { [self] request, _ -> Response in
            try await self.handle(request)
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            try await body(URL(string: "http://127.0.0.1:\(port)/dvcqg")!)
        }
    }

    private func handle(_ request: Request) async throws -> Response {
        let body = Data(try await request.body.collect(upTo: 4 << 20).readableBytesView)
        let key = request.headers[HTTPField.Name("Idempotency-Key")!] ?? "(none)"
        let envelope = try? JSONSerialization.jsonObject(with: body) as? [String: Any]
        let dossier = ((envelope?["data"] as? [[String: Any]])?.first?["MaHoSo"]) as? String
        let behaviour: Behaviour = state.withLock { s in
            let number = s.arrivals.filter { $0.messageId == key }.count + 1
            let behaviour = plan.withLock { $0 }(key, number, dossier)
            if s.acknowledged[key, default: 0] > 0 { s.violations.append("\(key) arrived again after it was acknowledged") }
            s.inFlight[key, default: 0] += 1
            if s.inFlight[key]! > 1 { s.violations.append("\(key) is being sent twice at the same time") }
            s.arrivals.append(
                Arrival(
                    messageId: key, number: number, attemptHeader: request.headers[HTTPField.Name("X-Sync-Attempt")!],
                    service: envelope?["service"] as? String, dossier: dossier, behaviour: behaviour, body: body, at: Date()))
            return behaviour
        }
        let done: @Sendable () -> Void = { [self] in state.withLock { $0.inFlight[key, default: 1] -= 1 } }
        if answerDelay > 0 { try? await Task.sleep(nanoseconds: UInt64(answerDelay * 1e9)) }
        switch behaviour {
        case .ok:
            state.withLock { s in
                if !s.applied.contains(key) { s.applied.append(key) }
                s.acknowledged[key, default: 0] += 1
                s.inFlight[key, default: 1] -= 1
            }
            return Self.json(.ok, #"{"error_code":"0","message":"OK"}"#)
        case .fail500:
            done()
            return Self.json(.internalServerError, #"{"error_code":"500","message":"Lỗi hệ thống"}"#)
        case .busy:
            done()
            var response = Self.json(.serviceUnavailable, #"{"message":"busy"}"#)
            response.headers[HTTPField.Name("Retry-After")!] = "0"
            return response
        case .errorCode:
            done()
            return Self.json(.ok, #"{"error_code":"-1","message":"Không đồng bộ được"}"#)
        case .malformed:
            done()
            return Self.json(.unprocessableContent, #"{"message":"MaTTHC không hợp lệ"}"#)
        case .hang:
            // The sender has given up long before this answer: it is not in flight any more.
            done()
            try? await Task.sleep(nanoseconds: UInt64(hangSeconds * 1e9))
            return Self.json(.gatewayTimeout, "{}")
        case .close, .acceptThenClose:
            state.withLock { s in
                if behaviour == .acceptThenClose, !s.applied.contains(key) { s.applied.append(key) }
                s.inFlight[key, default: 1] -= 1
            }
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: ResponseBody(contentLength: 64) { writer in
                    try await writer.write(ByteBuffer(string: #"{"error_co"#))
                    throw CancellationError()
                })
        }
    }

    static func json(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
