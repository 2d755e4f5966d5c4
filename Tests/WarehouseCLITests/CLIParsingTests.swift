import ArgumentParser
import Foundation
import Testing
import WarehouseCore

@testable import WarehouseCLI

@Suite("Command line")
struct CLIParsingTests {
    @Test("a bad dossier code is refused with a message naming it")
    func badDossier() throws {
        #expect(throws: (any Error).self) {
            _ = try Ingest.parse([
                "a.png", "--owner", "038090012345", "--procedure", "1.001193", "--dossier", "000.00.12.H56-241305-0001",
                "--agency", "000.00.12.H56",
            ])
        }
    }

    @Test("ingest without --owner reads each paper's owner, outside any dossier; an agency's archive owns no dossier")
    func ownerFromThePaper() throws {
        let read = try Ingest.parse(["a.png", "b.png", "--agency", "000.12.34.H56"])
        let requests = try read.requests()
        #expect(requests.map(\.files.count) == [1, 1])
        #expect(requests.allSatisfy { $0.owner == nil && $0.dossier == nil })
        #expect(throws: (any Error).self) { _ = try Ingest.parse(["a.png", "--agency", "000.12.34.H56", "--dossier", "000.12.34.H56-241105-0007"]) }
        #expect(throws: (any Error).self) {
            _ = try Ingest.parse([
                "a.png", "--owner", "000.12.34.H56", "--procedure", "1.001193", "--dossier", "000.12.34.H56-241105-0007", "--agency", "000.12.34.H56",
            ])
        }
        #expect(throws: (any Error).self) { _ = try Assign.parse(["000.12.34.H56.decision.01", "--owner", "12345"]) }
        #expect(try Assign.parse(["000.12.34.H56.decision.01", "--owner", "000.12.34.H56"]).owner == "000.12.34.H56")
        #expect(throws: (any Error).self) { _ = try Unassigned.parse(["--agency", "H56"]) }
    }
}
