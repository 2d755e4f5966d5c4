import Foundation
import Synchronization

/// Counts failed sign-ins per username and address; past the limit, sign-in answers 429 until the window passes.
final class LoginLimiter: Sendable {
    let attempts: Int
    let window: Double
    private let failures = Mutex<[String: [Date]]>([:])

    init(attempts: Int, window: Double) {
        self.attempts = attempts
        self.window = window
    }

    func isBlocked(_ key: String, now: Date = Date()) -> Bool {
        failures.withLock { all in
            let recent = (all[key] ?? []).filter { now.timeIntervalSince($0) < window }
            all[key] = recent
            return recent.count >= attempts
        }
    }

    func recordFailure(_ key: String, now: Date = Date()) {
        failures.withLock { $0[key, default: []].append(now) }
    }

    func reset(_ key: String) {
        _ = failures.withLock { $0.removeValue(forKey: key) }
    }
}
