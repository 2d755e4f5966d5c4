import Foundation
import Testing

/// The whole path on SampleScans/, with the real binary, Tesseract, Leptonica, Poppler, zbar and SQLite:
/// every sample filed, its type and fields as the ground truth says, OCR within the error rate we hold,
/// duplicates reused without OCR, and the warehouse searchable and consistent afterwards.
@Suite("SampleScans end to end", .serialized)
struct SampleScansTests {
    struct Truth: Decodable {
        struct Page: Decodable { var text: String }
        var file: String
        var docType: String
        var owner: String
        var variant: String
        var pages: [Page]
        var fields: [String: String]
        var barcodes: [String]
        var duplicateOf: String?
        var duplicateKind: String?
        var expectedFlags: [String]?
    }

    struct Sample {
        var path: String
        var owner: String
        var procedure: String
        var dossier: String
        var agency: String
        var truth: Truth
    }

    static let samples: [Sample] = {
        let root = WarehouseRunner.sampleScans
        guard let csv = try? String(contentsOf: root.appendingPathComponent("manifest.csv"), encoding: .utf8) else { return [] }
        return csv.split(separator: "\n").dropFirst().compactMap { line -> Sample? in
            let cols = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard cols.count >= 5,
                let data = try? Data(contentsOf: root.appendingPathComponent(cols[0] + ".truth.json")),
                let truth = try? JSONDecoder().decode(Truth.self, from: data)
            else { return nil }
            return Sample(path: cols[0], owner: cols[1], procedure: cols[2], dossier: cols[3], agency: cols[4], truth: truth)
        }
    }()

    /// The samples ingested once for the whole suite (Swift Testing makes a new suite instance per test).
    struct Ingested: Sendable {
        var warehouse: WarehouseRunner
        /// Outcome per sample path, from ingesting in manifest order, each file its own component.
        var outcomes: [String: IngestJSON.File]
        var failures: [String]
    }

    static let ingested: Ingested = {
        let warehouse = WarehouseRunner()
        var outcomes: [String: IngestJSON.File] = [:]
        var failures: [String] = []
        // Consecutive samples of one dossier and owner go in one call, as a desk would hand them in.
        var group: [Sample] = []
        func flush() {
            guard let first = group.first else { return }
            do {
                let result = try warehouse.ingest(
                    group.map { WarehouseRunner.sampleScans.appendingPathComponent($0.path).path }, owner: first.owner,
                    dossier: first.dossier, procedure: first.procedure, agency: first.agency)
                if result.status != 0 {
                    failures.append("ingest of \(group.map(\.path)) exited \(result.status): \(result.stderr.suffix(800))")
                }
                let report = try result.json(IngestJSON.self)
                for (sample, file) in zip(group, report.files) { outcomes[sample.path] = file }
            } catch {
                failures.append("ingest of \(group.map(\.path)): \(error)")
            }
            group = []
        }
        for sample in samples {
            if let first = group.first, first.dossier != sample.dossier || first.owner != sample.owner { flush() }
            group.append(sample)
        }
        flush()
        return Ingested(warehouse: warehouse, outcomes: outcomes, failures: failures)
    }()

    var warehouse: WarehouseRunner { Self.ingested.warehouse }
    var outcomes: [String: IngestJSON.File] { Self.ingested.outcomes }

    @Test("SampleScans is there and complete")
    func inventory() {
        #expect(Self.ingested.failures.isEmpty, "\(Self.ingested.failures)")
        #expect(Self.samples.count >= 20)
        #expect(outcomes.count == Self.samples.count)
    }

    @Test("every sample is filed with the document type of its ground truth; byte-identical copies are reused")
    func statusesAndTypes() throws {
        for sample in Self.samples {
            let outcome = try #require(outcomes[sample.path], "\(sample.path) not ingested")
            let expectedStatus = sample.truth.duplicateKind == "identical" ? "reused" : "filed"
            #expect(outcome.status == expectedStatus, "\(sample.path): \(outcome.status) \(outcome.error ?? "")")
            #expect(outcome.docType == sample.truth.docType, "\(sample.path): classified \(outcome.docType ?? "nil")")
            #expect(outcome.pages == sample.truth.pages.count, "\(sample.path): \(outcome.pages) pages")
            if sample.truth.duplicateKind == "identical" {
                #expect(outcome.duplicate?.kind == "same-bytes")
                let originalPath = try #require(sample.truth.duplicateOf)
                let original = try #require(outcomes[originalPath])
                #expect(outcome.sha256 == original.sha256)
                // The same paper for the same owner is the same document; for another owner a new one.
                if Self.samples.first(where: { $0.path == sample.truth.duplicateOf })?.owner == sample.owner {
                    #expect(outcome.document == original.document)
                }
            }
            if sample.truth.duplicateKind == "same-pixels" {
                #expect(outcome.duplicate?.kind == "same-pixels", "\(sample.path): \(String(describing: outcome.duplicate))")
                let originalPath = try #require(sample.truth.duplicateOf)
                let original = try #require(outcomes[originalPath])
                #expect(outcome.text == original.text, "same pixels give the same text without OCR")
            }
        }
    }

    @Test("the same file twice in one ingest is one document: the second copy is reused, not filed again")
    func sameBytesInOneRequest() throws {
        let warehouse = WarehouseRunner()
        defer { warehouse.remove() }
        let file = WarehouseRunner.sampleScans.appendingPathComponent("000.12.34.H56-241105-0007/cccd-mat-sau.png").path
        let run = try warehouse.ingest([file, file])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try run.json(IngestJSON.self)
        #expect(report.files.map(\.status) == ["filed", "reused"])
        #expect(report.files[1].duplicate?.kind == "same-bytes")
        #expect(report.files[0].document != nil && report.files[1].document == report.files[0].document)
        #expect(try warehouse.run(["check"]).status == 0)
    }

    @Test("fields: the expected values are extracted, and the planted inconsistency is flagged")
    func fields() throws {
        var expected = 0
        var right = 0
        var wrong: [String] = []
        for sample in Self.samples {
            let outcome = try #require(outcomes[sample.path])
            for (name, value) in sample.truth.fields {
                expected += 1
                if outcome.fields[name]?.value == value {
                    right += 1
                } else {
                    wrong.append("\(sample.path) \(name): want \"\(value)\" got \"\(outcome.fields[name]?.value ?? "-")\"")
                }
            }
            for flag in sample.truth.expectedFlags ?? [] {
                #expect(outcome.fields.values.contains { $0.flags.contains(flag) }, "\(sample.path): flag \(flag) missing")
                #expect(outcome.reviewStatus == "needs-review")
            }
        }
        let accuracy = Double(right) / Double(max(1, expected))
        print("field accuracy on SampleScans: \(right)/\(expected) = \(String(format: "%.1f", accuracy * 100))%")
        for line in wrong { print("  \(line)") }
        #expect(accuracy >= FieldAccuracyFloor.sampleScans, "field accuracy fell to \(accuracy)")
    }

    @Test("character error rate per document stays below the threshold measured on SampleScans")
    func characterErrorRate() throws {
        var worst = 0.0
        for sample in Self.samples where sample.truth.duplicateKind != "identical" {
            let outcome = try #require(outcomes[sample.path])
            let truth = sample.truth.pages.map(\.text).joined(separator: "\n")
            let rate = TextMetrics.characterErrorRate(outcome.text, truth)
            let limit = CERLimit.limit(variant: sample.truth.variant, docType: sample.truth.docType)
            print("CER \(String(format: "%5.2f", rate * 100))%  \(sample.path) [\(sample.truth.variant)]")
            #expect(rate <= limit, "\(sample.path): CER \(rate)")
            worst = max(worst, rate)
        }
        print("worst CER \(String(format: "%.2f", worst * 100))%")
    }

    @Test("the warehouse is searchable with and without diacritics, and consistent")
    func searchShowCheck() throws {
        struct Hit: Decodable {
            var document: String
            var exact: Bool
            var snippet: String
        }
        let exact = try warehouse.run(["search", "Nguyễn Lê Minh Châu", "--json"]).json([Hit].self)
        #expect(!exact.isEmpty && exact[0].exact)
        let folded = try warehouse.run(["search", "nguyen le minh chau", "--json"]).json([Hit].self)
        #expect(Set(folded.map(\.document)) == Set(exact.map(\.document)))
        #expect(try warehouse.run(["search", "quyet dinh dat", "--owner", "2801234564", "--json"]).json([Hit].self).count >= 1)
        #expect(try warehouse.run(["search", "Nguyễn Lê Minh Châu", "--owner", "2801234564", "--json"]).json([Hit].self).isEmpty)

        struct Shown: Decodable {
            struct Filing: Decodable { var dossier: String }
            struct Page: Decodable { var ocrSeconds: Double }
            var id: String
            var docType: String
            var filedIn: [Filing]
            var pageDetails: [Page]
        }
        let birth = try #require(outcomes["000.12.34.H56-241105-0007/giay-khai-sinh.png"]?.document)
        let shown = try warehouse.run(["show", birth, "--json"]).json(Shown.self)
        #expect(shown.docType == "birth-certificate")
        #expect(shown.filedIn.map(\.dossier).contains("000.12.34.H56-241105-0007"))
        // The lossless TIFF of the same page took its text from the PNG's page: no OCR ran.
        let tiff = try #require(outcomes["misc/giay-khai-sinh.tif"]?.document)
        #expect(try warehouse.run(["show", tiff, "--json"]).json(Shown.self).pageDetails.allSatisfy { $0.ocrSeconds == 0 })
        #expect(try warehouse.run(["show", "no-such-document"]).status == 5)

        let check = try warehouse.run(["check"])
        #expect(check.status == 0, "\(check.stdout)")
    }
}

/// The floors held by the tests, measured on SampleScans and then fixed (see the closing note of issue 2).
/// Measured with tesseract 5.3.0 and Debian's `vie` (fast) model: 153 of 154 fields right.
enum FieldAccuracyFloor {
    static let sampleScans = 0.97
}

/// Per-document character error rate limits. Measured: clean A4 pages 0.5–4.6 %, cards 1.3–11 % (two
/// columns read across), degraded scans up to 16 % (noisy 200 dpi, 1-bit), a PDF text layer 2.7 % (order).
enum CERLimit {
    static func limit(variant: String, docType: String) -> Double {
        if variant.contains("born-digital") { return 0.035 }
        if docType.hasPrefix("cccd") { return 0.14 }
        if variant.hasPrefix("clean") { return 0.06 }
        return 0.20
    }
}

/// Character error rate: edit distance over the reference length, whitespace runs folded to one space.
enum TextMetrics {
    static func normalise(_ text: String) -> [Unicode.Scalar] {
        Array(text.precomposedStringWithCanonicalMapping.split(whereSeparator: \.isWhitespace).joined(separator: " ").unicodeScalars)
    }

    static func characterErrorRate(_ hypothesis: String, _ reference: String) -> Double {
        let a = normalise(hypothesis)
        let b = normalise(reference)
        guard !b.isEmpty else { return a.isEmpty ? 0 : 1 }
        var previous = [Int32](0...Int32(b.count))
        var current = [Int32](repeating: 0, count: b.count + 1)
        for i in 1...max(1, a.count) where !a.isEmpty {
            current[0] = Int32(i)
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        let distance = a.isEmpty ? Int32(b.count) : previous[b.count]
        return Double(distance) / Double(b.count)
    }
}
