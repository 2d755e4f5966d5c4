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
