import Foundation
import Testing
import WarehouseImaging
import WarehouseTesseract

@testable import WarehouseCore

/// Measured on SampleScans: wherever the seal goes, it covers no word that OCR finds on the page.
@Suite("Seal placement on real pages")
struct SealPlacementTests {
    static let pages: [String] = {
        let root = Fixtures.sampleScans
        guard let csv = try? String(contentsOf: root.appendingPathComponent("manifest.csv"), encoding: .utf8) else { return [] }
        // Each distinct paper once (byte-identical copies add nothing).
        return csv.split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[0]) }
            .filter { !$0.hasPrefix("misc/") && !$0.contains("cccd-nguoi-dai-dien") }
    }()

    @Test("the seal covers no OCR word on any SampleScans page", arguments: pages)
    func coversNoWord(_ path: String) throws {
        let url = Fixtures.sampleScans.appendingPathComponent(path)
        let page = try ScanDecoder().open(url, format: try #require(try Fixtures.format(of: url)), limits: DecodeLimits()).page(at: 0).raster
        // The largest seal we make: a version-15 symbol.
        let symbol = try QREncoder().encode(Array(String(repeating: "Ấ", count: 130).utf8))
        #expect(symbol.version == 15)
        let stamped = SealStamp.stamp(symbol, on: page)
        let words = try TesseractEngine(language: "vie").wordBoxes(page)
        #expect(words.count > 5, "\(path): OCR found only \(words.count) words")
        if stamped.addedStrip {
            let band = stamped.page.height - page.height
            #expect(stamped.frame.y + stamped.frame.height <= band, "\(path): seal outside its strip")
        } else {
            let covered = words.filter { $0.intersects(stamped.frame) }
            #expect(covered.isEmpty, "\(path): the seal at \(stamped.frame) covers \(covered.count) word(s)")
        }
        print("seal placement \(path): \(stamped.addedStrip ? "strip added" : "top-left at \(stamped.frame.x),\(stamped.frame.y)")")
    }
}
