import Foundation
import Testing

@testable import WarehouseCore

@Suite("Seal placement")
struct SealStampTests {
    /// An A4 page at 300 dpi, white, with dark blocks where `ink` says.
    func page(ink: [PixelRect]) -> RasterPage {
        let w = 2480
        let h = 3508
        var pixels = [UInt8](repeating: 250, count: w * h)
        for r in ink {
            for y in r.y..<(r.y + r.height) { for x in r.x..<(r.x + r.width) { pixels[y * w + x] = 20 } }
        }
        return RasterPage(width: w, height: h, dpi: 300, pixels: pixels)
    }

    let symbol = QRMatrix(version: 13, size: 69, modules: (0..<69 * 69).map { $0 % 3 == 0 })

    @Test("on a page with a clear top-left corner the seal goes there, inside the margin, covering no ink")
    func clearCorner() {
        let text = [PixelRect(x: 300, y: 1000, width: 1800, height: 1500), PixelRect(x: 1400, y: 150, width: 900, height: 200)]
        let result = SealStamp.stamp(symbol, on: page(ink: text))
        #expect(!result.addedStrip)
        #expect(result.frame.x >= 60 && result.frame.y >= 60)
        #expect(result.frame.x < 400 && result.frame.y < 400)
        #expect(text.allSatisfy { !$0.intersects(result.frame) })
        #expect(result.frame.width == (69 + 8) * 5)
        // The symbol is drawn: dark and light modules inside the frame, white quiet zone around them.
        let p = result.page
        let quiet = p.pixels[(result.frame.y + 2) * p.width + result.frame.x + 2]
        #expect(quiet == 255)
        let firstModule = p.pixels[(result.frame.y + 4 * 5 + 2) * p.width + result.frame.x + 4 * 5 + 2]
        #expect(firstModule == 0)
    }

    @Test("text in the corner pushes the seal to the nearest clear spot")
    func textInCorner() {
        let text = [PixelRect(x: 100, y: 100, width: 300, height: 120), PixelRect(x: 300, y: 1000, width: 1800, height: 1500)]
        let result = SealStamp.stamp(symbol, on: page(ink: text))
        #expect(!result.addedStrip)
        #expect(text.allSatisfy { !$0.intersects(result.frame) })
    }

    @Test("a page full to the top gets a white strip above it, and the page is kept whole below")
    func fullPage() {
        let original = page(ink: [PixelRect(x: 0, y: 0, width: 2480, height: 3508)])
        let result = SealStamp.stamp(symbol, on: original)
        #expect(result.addedStrip)
        #expect(result.page.height > original.height)
        let band = result.page.height - original.height
        #expect(Array(result.page.pixels[(band * 2480)...]) == original.pixels)
    }
}
