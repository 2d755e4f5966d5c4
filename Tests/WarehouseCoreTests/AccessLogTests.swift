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

        await #expect(throws: (any Error).self) { try await db.logWriter.write { try $0.execute(sql: "DELETE FROM accessLog WHERE id = 3") } }

        // Someone with the file drops the guards and edits an entry, then deletes another.
        try await db.logWriter.write { d in
            try d.execute(sql: "DROP TRIGGER accessLog_no_update; DROP TRIGGER accessLog_no_delete")
            try d.execute(sql: "UPDATE accessLog SET outcome = 'denied' WHERE id = 4")
        }
        #expect(try db.accessLogProblems().contains { $0.contains("entry 4 was altered") })
        try await db.logWriter.write { try $0.execute(sql: "DELETE FROM accessLog WHERE id = 7") }
        let problems = try db.accessLogProblems()
        #expect(problems.contains { $0.contains("missing") })
        #expect(problems.contains { $0.contains("entry 8 does not follow") })
    }
}

@Suite("Access log file")
struct AccessLogFileTests {
    @Test("a warehouse that kept its access log in warehouse.sqlite gets it moved to its own file, chain intact")
    func movesLegacyLog() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("access-log-move-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("warehouse.sqlite")
        // Write a chain the way the old layout did: in the warehouse file's own accessLog table.
        let scratch = try WarehouseDatabase()
        try await scratch.appendAccess(batch: (0..<6).map(AccessLogTests().entry))
        let chain = try scratch.accessLog(limit: 100).reversed()
        _ = try WarehouseDatabase(url: url)
        try FileManager.default.removeItem(at: WarehouseDatabase.accessLogURL(for: url))
        let legacy = try DatabaseQueue(path: url.path)
        try await legacy.write { db in
            try db.execute(
                sql: """
                    CREATE TABLE accessLog (id INTEGER PRIMARY KEY AUTOINCREMENT, at DATETIME NOT NULL, accountId TEXT NOT NULL,
                    role TEXT NOT NULL, agencyCode TEXT, action TEXT NOT NULL, objectType TEXT NOT NULL, objectId TEXT NOT NULL,
                    ownerPartyId TEXT, outcome TEXT NOT NULL, prevHash TEXT NOT NULL, hash TEXT NOT NULL)
                    """)
            for entry in chain { try entry.insert(db) }
        }
        try legacy.close()

        let reopened = try WarehouseDatabase(url: url)
        #expect(try reopened.accessLog(limit: 100).reversed() == Array(chain))
        #expect(try reopened.accessLogProblems().isEmpty)
        #expect(try await reopened.writer.read { try !$0.tableExists("accessLog") })
        // New entries continue the moved chain.
        try await reopened.appendAccess(batch: [AccessLogTests().entry(6)])
        #expect(try reopened.accessLogProblems().isEmpty)
        #expect(try reopened.accessLog(limit: 100).count == 7)
    }
}
