import Foundation
import Testing
import WarehouseImaging
import WarehouseTesseract

@testable import WarehouseCore

@Suite("Page processing with the real engines")
struct PageProcessingTests {
    func samplePage(_ path: String) throws -> DecodedPage {
        let url = Fixtures.sampleScans.appendingPathComponent(path)
        let document = try ScanDecoder().open(url, format: try #require(try Fixtures.format(of: url)), limits: DecodeLimits())
        return try document.page(at: 0)
    }

    @Test("a page scanned upside down is turned back and read")
    func upsideDown() throws {
        let page = try samplePage("000.12.34.H56-241105-0007/giay-khai-sinh.png")
        let preprocessor = LeptonicaPreprocessor()
        let turned = preprocessor.rotate(page.raster, quarterTurns: 2)
        #expect(turned.pixels != page.raster.pixels)
        let processor = PageProcessor(settings: PipelineSettings(), preprocessor: preprocessor, barcodeReader: ZBarReader())
        let engine = try TesseractEngine(language: "vie")
        let result = processor.process(DecodedPage(raster: turned), number: 1, digest: turned.pixelDigest, engine: engine)
        #expect(result.rotation == 2)
        #expect(result.text.contains("GIẤY KHAI SINH"))
        #expect(result.confidence > 80)
        #expect(result.ocrSeconds > 0)
    }

    @Test("a dithered 200-dpi bilevel page loses its specks before it is brought to 300 dpi, and is read")
    func ditheredBilevel() throws {
        let preprocessor = LeptonicaPreprocessor()
        let grey = preprocessor.scale(try samplePage("000.12.34.H56-241105-0007/giay-khai-sinh.png").raster, by: 2.0 / 3.0)
        let bilevel = RasterPage(width: grey.width, height: grey.height, dpi: 200, pixels: grey.pixels.map { $0 < 128 ? 0 : 255 })
        #expect(preprocessor.removeDither(bilevel, minimum: PageProcessor.ditherSpecks) == nil, "a clean page keeps its dots")
        // Grey paper dithered: one black pixel in about every 12 of the paper, isolated (a fixed pattern).
        var dithered = bilevel.pixels
        var seed: UInt64 = 42
        for y in stride(from: 1, to: bilevel.height - 1, by: 3) {
            for x in stride(from: 1, to: bilevel.width - 1, by: 4) {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                let i = y * bilevel.width + x + Int(seed >> 62)
                let around = [i - 1, i + 1, i - bilevel.width, i + bilevel.width, i - bilevel.width - 1, i + bilevel.width + 1]
                if dithered[i] == 255, around.allSatisfy({ bilevel.pixels[$0] == 255 }) { dithered[i] = 0 }
            }
        }
        let page = RasterPage(width: bilevel.width, height: bilevel.height, dpi: 200, pixels: dithered)
        let clean = try #require(preprocessor.removeDither(page, minimum: PageProcessor.ditherSpecks))
        let ink = { (p: RasterPage) in p.pixels.reduce(0) { $0 + ($1 == 0 ? 1 : 0) } }
        #expect(ink(page) - ink(bilevel) > 20_000, "the pattern added specks")
        #expect(abs(ink(clean) - ink(bilevel)) < ink(bilevel) / 20, "the specks are out, the print is in")
        let processor = PageProcessor(settings: PipelineSettings(), preprocessor: preprocessor, barcodeReader: ZBarReader())
        let result = processor.process(DecodedPage(raster: page), number: 1, digest: page.pixelDigest, engine: try TesseractEngine(language: "vie"))
        #expect(result.text.contains("GIẤY KHAI SINH"), "\(result.text.prefix(300))")
    }

    @Test("the CCCD chip QR is read from the card image")
    func chipQR() throws {
        let page = try samplePage("000.12.34.H56-241105-0007/cccd-mat-sau.png")
        let codes = ZBarReader().read(page.raster)
        #expect(codes.map(\.payload) == ["038090012345|173456789|Nguyễn Văn An|15031990|Nam|Thôn Đông, xã Quảng Phú, Thanh Hóa|20042021"])
    }

    @Test("pages decode to grey at their resolution: PNG, multi-page TIFF, PDF rendered at 300 dpi")
    func decoding() throws {
        let tiff = Fixtures.sampleScans.appendingPathComponent("000.00.00.H56-241015-0021/quyet-dinh-45-QD-UBND.tif")
        let document = try ScanDecoder().open(tiff, format: .tiff, limits: DecodeLimits())
        #expect(document.pageCount == 2)
        let second = try document.page(at: 1)
        #expect(second.raster.dpi == 300)
        #expect(second.raster.width * second.raster.height == second.raster.pixels.count)

        let pdf = Fixtures.sampleScans.appendingPathComponent("000.00.00.H56-241015-0021/cong-van-312-UBND-DC.pdf")
        let letter = try ScanDecoder().open(pdf, format: .pdf, limits: DecodeLimits())
        let page = try letter.page(at: 0)
        #expect(page.raster.width == 2480 && page.raster.height == 3508)  // A4 at 300 dpi
        #expect(page.embeddedText?.contains("312/UBND") == true)
    }

    @Test("limits refuse too many pages and too many pixels before decoding")
    func limits() throws {
        let tiff = Fixtures.sampleScans.appendingPathComponent("000.00.00.H56-241015-0021/quyet-dinh-45-QD-UBND.tif")
        #expect(throws: DecodeError.tooManyPages(count: 2, limit: 1)) {
            _ = try ScanDecoder().open(tiff, format: .tiff, limits: DecodeLimits(maxPages: 1))
        }
        #expect(throws: DecodeError.self) {
            _ = try ScanDecoder().open(tiff, format: .tiff, limits: DecodeLimits(maxPixelsPerPage: 1_000_000))
        }
    }
}
