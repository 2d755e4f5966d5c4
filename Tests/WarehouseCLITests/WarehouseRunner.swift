import Foundation
import Testing

/// Runs the real `warehouse` binary, as a clerk or a script would, against a scratch warehouse.
struct WarehouseRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// True when the process was killed by a signal (a crash) rather than exiting.
        var crashed: Bool

        /// Decodes standard output as JSON.
        func json<T: Decodable>(_ type: T.Type) throws -> T {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            return try decoder.decode(T.self, from: Data(stdout.utf8))
        }
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let sampleScans = repository.appendingPathComponent("SampleScans")
    /// `shared/` beside the checkout, or beside a folder above it (a worktree elsewhere, e.g. `scratch/NAME`).
    static let shared: URL = {
        var dir = repository.deletingLastPathComponent()
        while dir.path != "/" {
            let candidate = dir.appendingPathComponent("shared")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("corpus").path)
                || FileManager.default.fileExists(atPath: candidate.appendingPathComponent("real_vi").path)
            {
                return candidate
            }
            dir = dir.deletingLastPathComponent()
        }
        return repository.deletingLastPathComponent().appendingPathComponent("shared")
    }()
    static let corpus = shared.appendingPathComponent("corpus")
    /// Real administrative documents of a provincial People's Committee (`shared/real_vi/MANIFEST.md`).
    static let realDocuments = shared.appendingPathComponent("real_vi")

    /// The `warehouse` executable built beside the test bundle.
    static let binary: URL = {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for dir in [besideTests, besideTests.deletingLastPathComponent(), repository.appendingPathComponent(".build/debug")] {
            let candidate = dir.appendingPathComponent("warehouse")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return repository.appendingPathComponent(".build/debug/warehouse")
    }()

    /// A fresh, empty warehouse directory.
    let storage: URL

    init() {
        storage = FileManager.default.temporaryDirectory.appendingPathComponent("warehouse-test-\(UUID().uuidString)")
    }

    /// A runner for the warehouse at `storage`.
    init(storage: URL) {
        self.storage = storage
    }

    /// Loads `kinds` of catalog/sample/ into the warehouse (the procedures a desk may open dossiers for, by default).
    func importSampleCatalog(_ kinds: [String] = ["code-lists", "result-types", "procedures"]) throws {
        for kind in kinds {
            let sample = Self.repository.appendingPathComponent("catalog/sample")
            let file = try #require(["csv", "json"].map { sample.appendingPathComponent("\(kind).\($0)") }.first { FileManager.default.fileExists(atPath: $0.path) })
            let r = try run(["catalog", "import", file.path, "--kind", kind])
            #expect(r.status == 0, "catalog import \(kind): \(r.stderr)")
        }
    }

    /// Runs `warehouse ARGS --storage STORAGE`, killing it after `timeout` seconds; through `wrapper`
    /// (a command and its arguments, the binary's path and ARGS appended) when given.
    func run(_ arguments: [String], timeout: Double = 600, environment: [String: String] = [:], wrapper: [String] = []) throws -> Result {
        let process = Process()
        if let command = wrapper.first {
            process.executableURL = URL(fileURLWithPath: command)
            process.arguments = wrapper.dropFirst() + [Self.binary.path] + arguments + ["--storage", storage.path]
        } else {
            process.executableURL = Self.binary
            process.arguments = arguments + ["--storage", storage.path]
        }
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes while the process runs so that a large output cannot block it.
        nonisolated(unsafe) var outData = Data()
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            outData = out.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            process.terminate()
            Issue.record("warehouse \(arguments.first ?? "") did not finish within \(timeout) s")
        }
        process.waitUntilExit()
        group.wait()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self), crashed: process.terminationReason == .uncaughtSignal)
    }

    /// `ingest FILES` for the §9.6 birth-registration dossier.
    func ingest(_ files: [String], owner: String = "038090012345", dossier: String = "000.12.34.H56-241105-0007",
                procedure: String = "1.001193", agency: String = "000.12.34.H56", extra: [String] = [], timeout: Double = 900)
        throws -> Result
    {
        try run(
            ["ingest"] + files + ["--owner", owner, "--procedure", procedure, "--dossier", dossier, "--agency", agency, "--json"]
                + extra, timeout: timeout)
    }

    func remove() {
        try? FileManager.default.removeItem(at: storage)
    }
}

/// The parts of `ingest --json` the tests read.
struct IngestJSON: Decodable {
    struct Field: Decodable {
        var value: String
        var confidence: Double
        var source: String
        var flags: [String]
    }

    struct File: Decodable {
        var file: String
        var status: String
        var document: String?
        var documentCode: String?
        var sha256: String?
        var pages: Int
        var docType: String?
        var fields: [String: Field]
        var text: String
        var error: String?
        var errorCode: String?
        var quarantinedAt: String?
        var duplicate: Duplicate?
        var reviewStatus: String?
        var meanConfidence: Double?
    }

    struct Duplicate: Decodable {
        var kind: String
        var document: String?
    }

    var dossier: String
    var owner: String
    var files: [File]
    var seconds: Double
}
