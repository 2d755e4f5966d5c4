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

    public init() {
        var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow)
        configuration.decompression = .disabled
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// Closes the connections; the transport cannot be used afterwards.
    public func shutdown() async {
        try? await client.shutdown()
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
                    try await Task.sleep(nanoseconds: UInt64(timeout * 1e9))
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
