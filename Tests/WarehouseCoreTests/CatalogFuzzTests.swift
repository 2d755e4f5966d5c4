import Foundation
import FuzzSupport
import Testing

@testable import WarehouseCore

/// Seeded fuzzing of catalogue import (the national catalogue's CSV and JSON files, as an admin downloads
/// them): each shipped sample file mutated. Never a crash; the file is imported or refused with its problems,
/// each naming the file; never a database error (that would mean validation let a bad row through).
@Suite("Fuzzing: catalogue import")
struct CatalogFuzzTests {
    @Test("mutated catalogue files are imported or refused with problems that name the file; the samples still load")
    func catalogFiles() throws {
        let db = try WarehouseDatabase()
        let tokens = [",", "\"", "\"\"", "\n", "\r\n", "\u{FEFF}", "\0", "{", "}", "[", "]", ":", "null", "-1", "1e999", "\\u0000", "\\ud800"]
            .map { Array($0.utf8) } + [[0xFF], [0xC3]]
        var imported = 0
        var refused = 0
        for (kind, url) in SampleCatalog.files {
            let original = try Data(contentsOf: url)
            let format: CatalogFile.Format = url.pathExtension == "csv" ? .csv : .json
            let name = url.lastPathComponent
            // The kinds it refers to are there first (load order), so mutations reach past the references.
            _ = try db.importCatalog(try CatalogFile(data: original, format: format, name: name), kind: kind)
            Fuzz.run("catalog-\(kind.rawValue)", seeds: [Array(original)], tokens: tokens, cases: 600, seed: 7) { bytes in
                do {
                    let file = try CatalogFile(data: Data(bytes), format: format, name: name)
                    _ = try db.importCatalog(file, kind: kind)
                    imported += 1
                } catch {
                    refused += 1
                    guard case CatalogError.invalid(let problems) = error else {
                        Issue.record("\(name): \(error), not a list of problems")
                        return
                    }
                    #expect(!problems.isEmpty)
                    for problem in problems { #expect(problem.description.hasPrefix(name), "\(problem)") }
                }
            }
            // The shipped file still imports as it is.
            _ = try db.importCatalog(try CatalogFile(data: original, format: format, name: name), kind: kind)
        }
        print("fuzz catalogue: \(imported) imported, \(refused) refused")
        #expect(imported > 50 && refused > 200)
    }
}
