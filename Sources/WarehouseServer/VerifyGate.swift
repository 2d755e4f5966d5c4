import Foundation
import Synchronization

/// What `/verify` may spend: anyone may send a file, without an account, so decoding is bounded three ways.
///
/// - At most `workers` files are decoded at once, on threads of their own (never the server's); up to
///   `waiting` more wait their turn, and beyond that the answer is 503 at once.
/// - Each client address may send `perAddress` files in `window` seconds; beyond that, 429.
/// - The pixels one file may have are bounded by ``DecodeLimits/forSeals`` (in the controller).
///
/// Whatever is sent, the rest of the server (sign-in, the desks, `/health`) keeps its threads.
final class VerifyGate: Sendable {
    let workers: Int
    let waiting: Int
    let perAddress: Int
    let window: Double
    private let state = Mutex(State())
    private let queue: DispatchQueue

    struct State {
        var running = 0
        var queued: [CheckedContinuation<Bool, Never>] = []
        var sent: [String: [Date]] = [:]
    }

    private enum Turn { case now, queued, refused }

    enum Refusal: Error, Equatable {
        case busy
        case tooMany(retryAfter: Int)
    }

    init(workers: Int = max(1, ProcessInfo.processInfo.activeProcessorCount / 2), waiting: Int = 8, perAddress: Int = 20, window: Double = 60) {
        self.workers = workers
        self.waiting = waiting
        self.perAddress = perAddress
        self.window = window
        queue = DispatchQueue(label: "warehouse.verify", qos: .utility, attributes: .concurrent)
    }

    /// Counts a file from `address`; throws when the address has sent too many lately.
    func admit(_ address: String?, now: Date = Date()) throws(Refusal) {
        let key = address ?? "unknown"
        let refusal: Refusal? = state.withLock { s in
            let recent = (s.sent[key] ?? []).filter { now.timeIntervalSince($0) < window }
            if recent.count >= perAddress {
                s.sent[key] = recent
                let retry = recent.first.map { window - now.timeIntervalSince($0) } ?? window
                return .tooMany(retryAfter: max(1, Int(retry.rounded(.up))))
            }
            s.sent[key] = recent + [now]
            if s.sent.count > 50_000 { s.sent = s.sent.filter { $0.value.last.map { now.timeIntervalSince($0) < window } ?? false } }
            return nil
        }
        if let refusal { throw refusal }
    }

    /// Runs `work` when a worker is free (waiting if `waiting` others are not already), off the server's threads.
    func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async throws(Refusal) -> T {
        // One decision under the lock: a free worker now, a place in the queue (the finishing worker hands its
        // slot over, see ``finish()``), or no place.
        let admitted: Bool = await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            let turn: Turn = state.withLock { s in
                if s.running < workers {
                    s.running += 1
                    return .now
                }
                guard s.queued.count < waiting else { return .refused }
                s.queued.append(continuation)
                return .queued
            }
            switch turn {
            case .now: continuation.resume(returning: true)
            case .refused: continuation.resume(returning: false)
            case .queued: break
            }
        }
        guard admitted else { throw .busy }
        defer { finish() }
        let queue = queue
        return await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: work()) }
        }
    }

    private func finish() {
        let next = state.withLock { s -> CheckedContinuation<Bool, Never>? in
            if s.queued.isEmpty {
                s.running -= 1
                return nil
            }
            return s.queued.removeFirst()
        }
        next?.resume(returning: true)
    }
}
