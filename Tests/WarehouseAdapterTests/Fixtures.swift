import Foundation
import WarehouseCore

/// Paths of the test inputs: the repository's SampleScans/ and the shared corpus beside the checkout.
enum Fixtures {
    /// The repository root, found from this file's path.
    static let repository: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let sampleScans = repository.appendingPathComponent("SampleScans")
    static let corpus = repository.deletingLastPathComponent().appendingPathComponent("shared/corpus")

    static func corpusFile(_ path: String) -> URL { corpus.appendingPathComponent(path) }

    /// Reads the first bytes of a file and sniffs its format.
    static func format(of url: URL) throws -> InputFormat? {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        return InputFormat.sniff(try handle.read(upToCount: 1024) ?? Data())
    }
}
