import Foundation
import Hummingbird
import Synchronization
import WarehouseCore

/// Personal stores as last read, with their JSON, so that a citizen's app refreshing the list does not
/// read and encode twenty documents each time. An entry is served only while the warehouse file is
/// unchanged since it was read (`PRAGMA data_version`, which sees commits of every process: an upload
/// here, a `warehouse revoke` elsewhere) and on the same day (validity depends on the date). The read of
/// the list is still logged on every request.
final class PersonalStoreCache: Sendable {
    struct Snapshot: Sendable {
        var owner: String
        var summaries: [DocumentSummary]
        var json: ByteBuffer
    }

    private struct Entry {
        var version: Int64
        var day: CalendarDate
        var snapshot: Snapshot
    }

    private let entries = Mutex<[String: Entry]>([:])
    let capacity: Int

    /// At most `capacity` stores; 0 keeps none.
    init(capacity: Int) {
        self.capacity = capacity
    }

    func get(_ party: String, version: Int64, day: CalendarDate) -> Snapshot? {
        guard capacity > 0 else { return nil }
        return entries.withLock { all in
            guard let e = all[party] else { return nil }
            guard e.version == version, e.day == day else {
                all.removeValue(forKey: party)
                return nil
            }
            return e.snapshot
        }
    }

    /// Stores what was read after `version` was taken: if a commit came in between, the entry is newer
    /// than its label and is merely refreshed once more on the next request, never served stale.
    func put(_ party: String, version: Int64, day: CalendarDate, _ snapshot: Snapshot) {
        guard capacity > 0 else { return }
        entries.withLock { all in
            if all.count >= capacity { all.removeAll(keepingCapacity: true) }
            all[party] = Entry(version: version, day: day, snapshot: snapshot)
        }
    }
}
