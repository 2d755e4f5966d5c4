import CLeptonica
import CPoppler
import Foundation
import Synchronization
import WarehouseCore

/// Collects what Leptonica and Poppler say on their own (stderr, g_log) so that it can name a file's
/// damage in an error, instead of leaking onto the terminal.
///
/// The C callbacks cannot capture context, so messages go to a process-wide buffer that is read and
/// cleared per decode. Messages are kept per thread so that two workers do not mix them up.
enum LibraryMessages {
    private static let buffer = Mutex<[UInt: [String]]>([:])

    private static var threadKey: UInt { UInt(bitPattern: Int(bitPattern: pthread_self())) }

    static func record(_ text: String) {
        let key = threadKey
        buffer.withLock { all in
            var list = all[key, default: []]
            if list.count < 50 { list.append(text) }
            all[key] = list
        }
    }

    /// Returns and clears what this thread's C calls have said since the last call.
    static func drain() -> [String] {
        let key = threadKey
        return buffer.withLock { $0.removeValue(forKey: key) ?? [] }
    }

    /// Installs the handlers once per process.
    static let install: Void = {
        leptSetStderrHandler { message in
            guard let message else { return }
            LibraryMessages.record(String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        _ = g_log_set_handler(
            "Poppler", GLogLevelFlags(rawValue: GLogLevelFlags.RawValue(G_LOG_LEVEL_MASK.rawValue)),
            { _, _, message, _ in
                guard let message else { return }
                LibraryMessages.record(String(cString: message))
            }, nil)
    }()
}
