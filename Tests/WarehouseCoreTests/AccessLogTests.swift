import Foundation
import GRDB
import Testing

@testable import WarehouseCore

@Suite("Access log chain")
struct AccessLogTests {
    func entry(_ i: Int) -> AccessLogEntry {
        AccessLogEntry(
            at: Date(timeIntervalSince1970: 1_700_000_000 + Double(i)), accountId: "acc-\(i % 3)", role: "clerk", agencyCode: "000.12.34.H56",
            action: "read-document", objectType: "document", objectId: "doc-\(i)", ownerPartyId: "party-1", outcome: "allowed")
    }

    @Test("entries chain in order; the database refuses edits; an edit or deletion behind its back is found")
    func chain() async throws {
        let db = try WarehouseDatabase()
        try await db.appendAccess(batch: (0..<5).map(entry))
        try await db.appendAccess(batch: (5..<10).map(entry))
        #expect(try db.accessLogProblems().isEmpty)
        let log = try db.accessLog(limit: 100)
        #expect(log.count == 10)
        #expect(log.first?.prevHash == log.dropFirst().first?.hash)

        await #expect(throws: (any Error).self) { try await db.writer.write { try $0.execute(sql: "DELETE FROM accessLog WHERE id = 3") } }

        // Someone with the file drops the guards and edits an entry, then deletes another.
        try await db.writer.write { d in
            try d.execute(sql: "DROP TRIGGER accessLog_no_update; DROP TRIGGER accessLog_no_delete")
            try d.execute(sql: "UPDATE accessLog SET outcome = 'denied' WHERE id = 4")
        }
        #expect(try db.accessLogProblems().contains { $0.contains("entry 4 was altered") })
        try await db.writer.write { try $0.execute(sql: "DELETE FROM accessLog WHERE id = 7") }
        let problems = try db.accessLogProblems()
        #expect(problems.contains { $0.contains("missing") })
        #expect(problems.contains { $0.contains("entry 8 does not follow") })
    }
}
