import ArgumentParser
import Foundation
import Testing

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
}
