import Foundation
import Synchronization

/// Failed sign-ins, counted two ways.
///
/// - Per username *and* client address: past `attempts` failures in `window` that address gets 429 for that
///   username until the window passes. The guesser is refused; the owner, signing in from their own
///   address, is not.
/// - Per username from every address: past `attempts` failures each further try of that username waits,
///   longer with every failure (up to `maxDelay`), before its password is checked. Guessing from many
///   addresses is slowed, and the owner still gets in, a few seconds later at worst.
///
/// A success clears its own address's count only: the guessing elsewhere goes on being slowed.
final class LoginLimiter: Sendable {
    let attempts: Int
    let window: Double
    let maxDelay: Double
    private let failures = Mutex<[Key: [Date]]>([:])

    /// One username from one address, or from everywhere (`address` nil).
    struct Key: Hashable {
        var username: String
        var address: String?
    }

    enum Decision: Equatable {
        case proceed
        /// Check the password after this many seconds.
        case wait(Double)
        /// 429: this address has failed too often for this username.
        case refuse(retryAfter: Int)
    }

    init(attempts: Int, window: Double, maxDelay: Double = 4) {
        self.attempts = max(1, attempts)
        self.window = window
        self.maxDelay = maxDelay
    }

    func decide(username: String, address: String?, now: Date = Date()) -> Decision {
        failures.withLock { all in
            let mine = recent(&all, Key(username: username, address: address ?? "unknown"), now)
            if mine.count >= attempts {
                let retry = (mine.first.map { window - now.timeIntervalSince($0) } ?? window).rounded(.up)
                return .refuse(retryAfter: max(1, Int(retry)))
            }
            let everyone = recent(&all, Key(username: username, address: nil), now).count
            guard everyone >= attempts else { return .proceed }
            return .wait(min(maxDelay, 0.25 * pow(2, Double(everyone - attempts))))
        }
    }

    func recordFailure(username: String, address: String?, now: Date = Date()) {
        failures.withLock { all in
            all[Key(username: username, address: address ?? "unknown"), default: []].append(now)
            all[Key(username: username, address: nil), default: []].append(now)
            // Keep the table small under a flood of names: forget what the window has passed.
            if all.count > 50_000 { all = all.filter { $0.value.last.map { now.timeIntervalSince($0) < window } ?? false } }
        }
    }

    func recordSuccess(username: String, address: String?) {
        _ = failures.withLock { $0.removeValue(forKey: Key(username: username, address: address ?? "unknown")) }
    }

    private func recent(_ all: inout [Key: [Date]], _ key: Key, _ now: Date) -> [Date] {
        let recent = (all[key] ?? []).filter { now.timeIntervalSince($0) < window }
        all[key] = recent.isEmpty ? nil : recent
        return recent
    }
}
