import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import WarehouseCore

/// The outbox's HTTP client: AsyncHTTPClient (SwiftNIO, no libcurl), one connection pool per sender.
///
/// Redirects are not followed (a POST must not be replayed elsewhere behind our back) and the whole
/// exchange, connection, request, answer and its body, must fit in the timeout. Call ``shutdown()``
/// when done.
public final class HTTPSyncTransport: SyncTransport {
    private let client: HTTPClient
    /// Answers longer than this are cut and treated as a failure: the portal's answers are a few lines.
    private let maxAnswerBytes = 1 << 20

    /// On NIO's shared event loops, or on `eventLoopGroup` (a sender that must not wait behind other work of
    /// its process on the shared loops: the tests' senders, beside servers that decode hostile uploads).
    public init(eventLoopGroup: (any EventLoopGroup)? = nil) {
        var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow)
        configuration.decompression = .disabled
        if let eventLoopGroup {
            client = HTTPClient(eventLoopGroup: eventLoopGroup, configuration: configuration)
        } else {
            client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        }
    }

    /// Closes the connections; the transport cannot be used afterwards.
    public func shutdown() async {
        try? await client.shutdown()
    }

    public func pause(seconds: Double) async {
        try? await sleepOnEventLoop(seconds: seconds, loop: client.eventLoopGroup.next())
    }

    public func post(_ body: Data, to url: URL, headers: [(String, String)], timeout: Double) async throws -> SyncResponse {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .POST
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(bytes: body))
        let deadline = NIODeadline.now() + .nanoseconds(Int64(timeout * 1e9))
        let client = client
        let limit = maxAnswerBytes
        let prepared = request
        let loop = client.eventLoopGroup.next()
        do {
            return try await withThrowingTaskGroup(of: SyncResponse?.self) { group in
                group.addTask {
                    let response = try await client.execute(prepared, deadline: deadline)
                    let bytes = try await response.body.collect(upTo: limit)
                    let retryAfter = response.headers.first(name: "Retry-After").flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
                    return SyncResponse(status: Int(response.status.code), body: Data(bytes.readableBytesView), retryAfter: retryAfter)
                }
                // The deadline above covers the answer's head only; this one covers its body too.
                group.addTask {
                    try await sleepOnEventLoop(seconds: timeout, loop: loop)
                    return nil
                }
                let first = try await group.next() ?? nil
                group.cancelAll()
                guard let first else { throw SyncTransportError.timedOut(timeout) }
                return first
            }
        } catch let error as SyncTransportError {
            throw error
        } catch {
            throw SyncTransportError.describe(error, url: url, timeout: timeout)
        }
    }
}

/// Why no answer came, in one sentence.
public struct SyncTransportError: Error, CustomStringConvertible {
    public let description: String

    static func timedOut(_ seconds: Double) -> SyncTransportError {
        SyncTransportError(description: "no complete answer within \(seconds) s (timed out)")
    }

    static func describe(_ error: any Error, url: URL, timeout: Double) -> SyncTransportError {
        let target = "\(url.host ?? "?")\(url.port.map { ":\($0)" } ?? "")"
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .connectTimeout, .writeTimeout: return timedOut(timeout)
            case .remoteConnectionClosed: return SyncTransportError(description: "\(target) closed the connection before the whole answer came")
            default: return SyncTransportError(description: "HTTP exchange with \(target) failed: \(error)")
            }
        }
        if error is NIOTooManyBytesError { return SyncTransportError(description: "the answer of \(target) is longer than 1 MiB") }
        if error is CancellationError { return SyncTransportError(description: "the request to \(target) was cancelled") }
        let text = "\(error)"
        if text.localizedCaseInsensitiveContains("refused") { return SyncTransportError(description: "cannot connect to \(target): connection refused") }
        return SyncTransportError(description: "cannot reach \(target): \(text)")
    }
}

/// Sleeps on an event loop's timer. `Task.sleep` resumes on Swift's global executor whatever the task's
/// executor preference (swiftlang/swift#74395), so a task given threads of its own, away from work that
/// holds the global executor's threads (OCR, in a process that does both), would still wait for those
/// threads after every sleep; a future completed by the event loop resumes the task where it prefers to
/// run. Throws `CancellationError` when the task is cancelled.
public func sleepOnEventLoop(seconds: Double, loop: any EventLoop = HTTPClient.defaultEventLoopGroup.next()) async throws {
    let timer = loop.scheduleTask(in: .nanoseconds(Int64(max(seconds, 0) * 1e9))) {}
    try await withTaskCancellationHandler {
        do {
            try await timer.futureResult.get()
        } catch {
            throw CancellationError()
        }
    } onCancel: {
        timer.cancel()
    }
}
