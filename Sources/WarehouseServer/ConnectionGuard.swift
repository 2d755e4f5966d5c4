import Foundation
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTPTypes
import Synchronization

/// How many connections the server holds, and how long it waits for a slow client.
public struct ConnectionLimits: Sendable {
    /// Connections held at once; beyond, a new one is answered 503 and closed at once, so that the file table
    /// never fills.
    public var maxConnections: Int
    /// Connections one client address holds at once (a busy office behind one NAT address stays well under it;
    /// behind nginx, raise it or let nginx's `limit_conn` do this).
    public var maxPerAddress: Int
    /// Time from a new connection to a complete request head.
    public var headerTimeout: TimeAmount
    /// Time from the end of a response to the next complete request head on the same connection.
    public var keepAliveTimeout: TimeAmount
    /// A body must come at least this fast, counted over the time the server waited for it (not while the
    /// server was busy and stopped reading).
    public var minBodyBytesPerSecond: Double
    /// How long a body may come slower than that before the connection is closed.
    public var bodyGrace: TimeAmount

    public init(
        maxConnections: Int = ConnectionLimits.systemConnectionCap(), maxPerAddress: Int = 256, headerTimeout: TimeAmount = .seconds(10),
        keepAliveTimeout: TimeAmount = .seconds(30), minBodyBytesPerSecond: Double = 1_024, bodyGrace: TimeAmount = .seconds(10)
    ) {
        self.maxConnections = maxConnections
        self.maxPerAddress = maxPerAddress
        self.headerTimeout = headerTimeout
        self.keepAliveTimeout = keepAliveTimeout
        self.minBodyBytesPerSecond = minBodyBytesPerSecond
        self.bodyGrace = bodyGrace
    }

    /// The connections this process can hold with room left for the database, the blobs and the OCR's files:
    /// the open-file limit (raised to its hard limit first) less 512, at least 64, at most 16 384.
    public static func systemConnectionCap() -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 1_024 }
        if limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = min(limit.rlim_max, 65_536)
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { limit = raised }
        }
        return max(64, min(Int(clamping: limit.rlim_cur) - 512, 16_384))
    }
}

/// The count of open connections, in all and per client address, shared by every connection's guard.
final class ConnectionCount: Sendable {
    private struct State {
        var total = 0
        var perAddress: [String: Int] = [:]
    }

    private let state = Mutex(State())
    let limits: ConnectionLimits

    init(limits: ConnectionLimits) {
        self.limits = limits
    }

    /// Counts a new connection from `address`; false when it is one too many (then it is not counted).
    func admit(_ address: String) -> Bool {
        state.withLock { s in
            guard s.total < limits.maxConnections, s.perAddress[address, default: 0] < limits.maxPerAddress else { return false }
            s.total += 1
            s.perAddress[address, default: 0] += 1
            return true
        }
    }

    func release(_ address: String) {
        state.withLock { s in
            s.total -= 1
            let left = s.perAddress[address, default: 1] - 1
            s.perAddress[address] = left > 0 ? left : nil
        }
    }

    var open: Int { state.withLock { $0.total } }
}

/// The first handler of every connection, on its raw bytes: refuses a connection beyond the caps, closes one
/// whose request head does not come in time or whose body trickles, and says why in a sentence (a plain-text
/// 503 or 408) when the client is still there to read it.
final class SlowClientGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = IOData
    typealias OutboundOut = IOData

    private enum Phase {
        /// Waiting for a complete request head; `bytes` of it came so far.
        case head(bytes: Int)
        /// The head came and the body is coming.
        case body
        /// The request came whole; the server is answering (which may take long: OCR).
        case answering
    }

    private let count: ConnectionCount
    private var limits: ConnectionLimits { count.limits }
    private var address: String?
    private var phase = Phase.head(bytes: 0)
    private var deadline: Scheduled<Void>?
    private var bodyCheck: Scheduled<Void>?
    /// Whether the pipeline asked for bytes that have not come yet, and since when.
    private var waitingSince: NIODeadline?
    /// Time spent waiting for the body's bytes, and the bytes that came.
    private var bodyWaited = TimeAmount.zero
    private var bodyBytes = 0
    /// Response bytes written for the request in progress: once there are, a refusal is no longer written.
    private var answered = false
    /// A response ended on this connection: the next request's first byte starts its header time.
    private var awaitingNext = false
    /// Requests whose head came and whose response has not ended (HTTP pipelining sends the next early).
    private var inFlight = 0
    private var closing = false

    init(count: ConnectionCount) {
        self.count = count
    }

    func channelActive(context: ChannelHandlerContext) {
        let address = context.channel.remoteAddress?.ipAddress ?? "?"
        guard count.admit(address) else {
            refuse(
                context, status: "503 Service Unavailable", retryAfter: 5,
                "Máy chủ đang giữ quá nhiều kết nối (từ địa chỉ này hoặc tất cả): thử lại sau ít giây (too many connections).")
            return
        }
        self.address = address
        awaitHead(context, within: limits.headerTimeout)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        deadline?.cancel()
        bodyCheck?.cancel()
        if let address {
            count.release(address)
            self.address = nil
        }
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !closing else { return }
        let bytes = unwrapInboundIn(data).readableBytes
        settleWaiting()
        switch phase {
        case .head(let before):
            // The next request has begun: its head must now come within the header time.
            if before == 0, bytes > 0, awaitingNext {
                awaitingNext = false
                awaitHead(context, within: limits.headerTimeout)
            }
            phase = .head(bytes: before + bytes)
        case .body:
            bodyBytes += bytes
        case .answering:
            break
        }
        context.fireChannelRead(data)
    }

    func read(context: ChannelHandlerContext) {
        if waitingSince == nil { waitingSince = .now() }
        context.read()
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        answered = true
        context.write(data, promise: promise)
    }

    // MARK: - What the HTTP decoder saw (``RequestProgress``)

    func headReceived(_ context: ChannelHandlerContext) {
        deadline?.cancel()
        answered = false
        inFlight += 1
        phase = .body
        bodyWaited = .zero
        bodyBytes = 0
        scheduleBodyCheck(context)
    }

    func requestEnded() {
        bodyCheck?.cancel()
        phase = .answering
    }

    func responseEnded(_ context: ChannelHandlerContext) {
        inFlight = max(0, inFlight - 1)
        // A pipelined request still being received or answered keeps the connection busy.
        guard case .answering = phase, inFlight == 0 else { return }
        phase = .head(bytes: 0)
        answered = false
        awaitingNext = true
        awaitHead(context, within: limits.keepAliveTimeout)
    }

    // MARK: -

    private func settleWaiting() {
        if let since = waitingSince, case .body = phase { bodyWaited = bodyWaited + (NIODeadline.now() - since) }
        waitingSince = nil
    }

    private func awaitHead(_ context: ChannelHandlerContext, within time: TimeAmount) {
        deadline?.cancel()
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        deadline = context.eventLoop.assumeIsolated().scheduleTask(in: time) { [self] in
            guard case .head(let bytes) = phase else { return }
            if bytes == 0 {
                // An idle connection: nothing to say.
                closing = true
                bound.value.close(promise: nil)
            } else {
                refuse(bound.value, status: "408 Request Timeout", "Yêu cầu đến quá chậm: phần đầu yêu cầu không đủ trong thời gian cho phép (request header timeout).")
            }
        }
    }

    private func scheduleBodyCheck(_ context: ChannelHandlerContext) {
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        bodyCheck = context.eventLoop.assumeIsolated().scheduleTask(in: .seconds(1)) { [self] in
            guard case .body = phase else { return }
            if let since = waitingSince {
                bodyWaited = bodyWaited + (NIODeadline.now() - since)
                waitingSince = .now()
            }
            let waited = Double(bodyWaited.nanoseconds) / 1e9
            if bodyWaited >= limits.bodyGrace, Double(bodyBytes) / waited < limits.minBodyBytesPerSecond {
                refuse(bound.value, status: "408 Request Timeout", "Nội dung gửi lên đến quá chậm; hãy gửi lại khi mạng ổn định hơn (request body too slow).")
            } else {
                scheduleBodyCheck(bound.value)
            }
        }
    }

    /// Writes a plain-text refusal (when nothing of a response went out yet) and closes.
    private func refuse(_ context: ChannelHandlerContext, status: String, retryAfter: Int? = nil, _ sentence: String) {
        guard !closing else { return }
        closing = true
        deadline?.cancel()
        bodyCheck?.cancel()
        guard !answered else {
            context.close(promise: nil)
            return
        }
        let body = Array(sentence.utf8)
        var buffer = context.channel.allocator.buffer(capacity: 256 + body.count)
        buffer.writeString(
            "HTTP/1.1 \(status)\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: \(body.count)\r\nConnection: close\r\n"
                + "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n" + (retryAfter.map { "Retry-After: \($0)\r\n" } ?? "") + "\r\n")
        buffer.writeBytes(body)
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.writeAndFlush(wrapOutboundOut(.byteBuffer(buffer))).assumeIsolated().whenComplete { _ in bound.value.close(promise: nil) }
    }
}

/// Sits after the HTTP decoder and tells the connection's ``SlowClientGuard`` where each request stands.
final class RequestProgress: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private var guardHandler: SlowClientGuard?
    private var guardContext: ChannelHandlerContext?

    func handlerAdded(context: ChannelHandlerContext) {
        guardHandler = try? context.pipeline.syncOperations.handler(type: SlowClientGuard.self)
        guardContext = try? context.pipeline.syncOperations.context(handlerType: SlowClientGuard.self)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        guardHandler = nil
        guardContext = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if let guardHandler, let guardContext {
            switch unwrapInboundIn(data) {
            case .head: guardHandler.headReceived(guardContext)
            case .end: guardHandler.requestEnded()
            case .body: break
            }
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data), let guardHandler, let guardContext { guardHandler.responseEnded(guardContext) }
        context.write(data, promise: promise)
    }
}

/// HTTP/1.1 with a ``SlowClientGuard`` in front of the decoder and a ``RequestProgress`` after it.
struct GuardedHTTP1Channel: ServerChildChannel {
    let base: HTTP1Channel
    let count: ConnectionCount

    init(responder: @escaping HTTPChannelHandler.Responder, limits: ConnectionLimits) {
        self.count = ConnectionCount(limits: limits)
        self.base = HTTP1Channel(
            responder: responder, configuration: .init(additionalChannelHandlers: [RequestProgress()], idleTimeout: limits.keepAliveTimeout + .seconds(5)))
    }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<HTTP1Channel.Value> {
        let count = self.count
        return channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandler(SlowClientGuard(count: count), position: .first)
        }.flatMap { base.setup(channel: channel, logger: logger) }
    }

    func handle(value: HTTP1Channel.Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
    }
}

extension HTTPServerBuilder {
    /// HTTP/1.1 with connection caps and slow-client timeouts (``ConnectionLimits``).
    static func guardedHTTP1(_ limits: ConnectionLimits) -> HTTPServerBuilder {
        .init { responder in GuardedHTTP1Channel(responder: responder, limits: limits) }
    }
}
