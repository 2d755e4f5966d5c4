import CLeptonica
import WarehouseCore

/// Owns one Leptonica image and destroys it when the wrapper goes.
///
/// May be moved between threads, never shared by two at once.
final class Pix: @unchecked Sendable {
    private(set) var raw: UnsafeMutablePointer<PIX>

    /// Takes ownership of `raw`; nil when the C call that made it failed.
    init?(_ raw: UnsafeMutablePointer<PIX>?) {
        guard let raw else { return nil }
        self.raw = raw
    }

    deinit {
        var p: UnsafeMutablePointer<PIX>? = raw
        pixDestroy(&p)
    }

    var width: Int { Int(pixGetWidth(raw)) }
    var height: Int { Int(pixGetHeight(raw)) }
    var depth: Int { Int(pixGetDepth(raw)) }
    var xres: Int { Int(pixGetXRes(raw)) }

    /// Makes an 8-bpp grey Pix from a page.
    convenience init?(gray page: RasterPage) {
        let made = page.pixels.withUnsafeBufferPointer { buf in
            wh_gray_to_pix8(buf.baseAddress, Int32(page.width), Int32(page.height))
        }
        self.init(made)
        pixSetResolution(raw, Int32(page.dpi), Int32(page.dpi))
    }

    /// This image as 8-bit grey, alpha flattened onto white and colour maps removed.
    func toGray8() -> Pix? {
        var source: Pix = self
        if pixGetSpp(raw) == 4, let flat = Pix(pixAlphaBlendUniform(raw, 0xFFFF_FF00)) {
            source = flat
        }
        if source.depth == 8 && pixGetColormap(source.raw) == nil { return source }
        if source.depth == 32 {
            return Pix(pixConvertRGBToLuminance(source.raw))
        }
        // pixConvertTo8 handles 1, 2, 4, 8 (with colour map) and 16 bpp.
        return Pix(pixConvertTo8(source.raw, 0))
    }

    /// This image as 32-bpp RGB when it has colour (alpha flattened onto white, a colour map expanded);
    /// nil for grey and black-and-white images.
    func toRGB32() -> Pix? {
        var source: Pix = self
        if pixGetSpp(raw) == 4, let flat = Pix(pixAlphaBlendUniform(raw, 0xFFFF_FF00)) {
            source = flat
        }
        if source.depth == 32 { return source }
        if let colormap = pixGetColormap(source.raw) {
            var hasColor: Int32 = 0
            guard pixcmapHasColor(colormap, &hasColor) == 0, hasColor != 0 else { return nil }
            return Pix(pixConvertTo32(source.raw))
        }
        return nil
    }

    /// Copies the pixels of an 8-bpp image out into a page.
    func rasterPage(dpi: Int) -> RasterPage {
        precondition(depth == 8, "rasterPage needs an 8-bpp Pix")
        var pixels = [UInt8](repeating: 0, count: width * height)
        pixels.withUnsafeMutableBufferPointer { buf in
            wh_pix8_to_gray(raw, buf.baseAddress)
        }
        return RasterPage(width: width, height: height, dpi: dpi, pixels: pixels)
    }
}
