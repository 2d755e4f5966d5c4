import CLeptonica
import Foundation
import Synchronization
import Testing
import WarehouseImaging
import WarehouseTesseract

@testable import WarehouseCore

/// A sealed result printed and scanned again: the seal must still read and verify.
@Suite("Seal after print and scan")
struct PrintScanTests {
    /// One scanner's worth of damage, drawn from a seeded generator so that a failure can be replayed.
    struct Degradation: CustomStringConvertible {
        var dpi: Int
        var angle: Float
        /// Gaussian blur σ in millimetres on the paper: a scanner's optics blur the paper, so in pixels it
        /// scales with the resolution (0.035–0.12 mm is 0.4–1.4 px at 300 dpi).
        var blur: Float
        var paper: Int
        var ink: Int
        var noise: Float
        var jpegQuality: Int

        var description: String {
            "dpi \(dpi) angle \(String(format: "%.2f", angle))° blur σ \(String(format: "%.3f", blur)) mm paper \(paper) ink \(ink) noise \(String(format: "%.1f", noise)) jpeg q\(jpegQuality)"
        }
    }

    /// A small deterministic generator (SplitMix64).
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func degradations(count: Int) -> [Degradation] {
        var rng = Seeded(state: 2024_11_05)
        return (0..<count).map { i in
            Degradation(
                dpi: i % 2 == 0 ? 300 : 200, angle: Float.random(in: -2...2, using: &rng), blur: Float.random(in: 0.035...0.12, using: &rng),
                paper: Int.random(in: 165...230, using: &rng), ink: Int.random(in: 15...70, using: &rng),
                noise: Float.random(in: 0...6, using: &rng), jpegQuality: 50)
        }
    }

    /// Applies rotation, Gaussian blur, a grey background with faded ink, noise and JPEG q50, with Leptonica.
    static func degrade(_ page: RasterPage, _ d: Degradation) -> RasterPage? {
        var pix: UnsafeMutablePointer<PIX>? = page.pixels.withUnsafeBufferPointer { wh_gray_to_pix8($0.baseAddress, Int32(page.width), Int32(page.height)) }
        func replace(_ next: UnsafeMutablePointer<PIX>?) {
            guard let next else { return }
            pixDestroy(&pix)
            pix = next
        }
        replace(pixRotate(pix, d.angle * .pi / 180, Int32(L_ROTATE_AREA_MAP), Int32(L_BRING_IN_WHITE), 0, 0))
        var kx: UnsafeMutablePointer<L_KERNEL>? = nil
        var ky: UnsafeMutablePointer<L_KERNEL>? = nil
        let sigma = d.blur * Float(page.dpi) / 25.4
        let half = Int32((sigma * 2.5).rounded(.up))
        makeGaussianKernelSep(half, half, sigma, 1.0, &kx, &ky)
        replace(pixConvolveSep(pix, kx, ky, 8, 1))
        kernelDestroy(&kx)
        kernelDestroy(&ky)
        // Paper and ink: v → ink + v·(paper − ink)/255.
        pixMultConstantGray(pix, Float(d.paper - d.ink) / 255)
        pixAddConstantGray(pix, Int32(d.ink))
        if d.noise > 0 { replace(pixAddGaussianNoise(pix, d.noise)) }
        var data: UnsafeMutablePointer<UInt8>? = nil
        var size = 0
        guard pixWriteMemJpeg(&data, &size, pix, Int32(d.jpegQuality), 0) == 0, let data else {
            pixDestroy(&pix)
            return nil
        }
        var warnings: Int32 = 0
        replace(pixReadMemJpeg(data, size, 0, 1, &warnings, 0))
        free(data)
        guard let result = pix, pixGetDepth(result) == 8 else {
            pixDestroy(&pix)
            return nil
        }
        let w = Int(pixGetWidth(result))
        let h = Int(pixGetHeight(result))
        var pixels = [UInt8](repeating: 0, count: w * h)
        pixels.withUnsafeMutableBufferPointer { wh_pix8_to_gray(result, $0.baseAddress) }
        pixDestroy(&pix)
        return RasterPage(width: w, height: h, dpi: page.dpi, pixels: pixels)
    }

    @Test("at least 99% of 200 print-and-scan degradations of a sealed page still verify")
    func degradedSealsVerify() throws {
        // Seal a real result page the way `issue` does, and write the sealed PDF.
        let keys = SealKeyStore(directory: FileManager.default.temporaryDirectory.appendingPathComponent("keys-\(UUID().uuidString)"))
        _ = try keys.initialise(issuer: "HTTT giải quyết TTHC tỉnh Thanh Hóa")
        let signer = try keys.activeSigner()
        let source = Fixtures.sampleScans.appendingPathComponent("000.12.34.H56-241021-0003/giay-xac-nhan-tthn.pdf")
        let original = try ScanDecoder().open(source, format: .pdf, limits: DecodeLimits()).page(at: 0).raster
        let payload = SealPayload(
            resultCode: "000.12.34.H56-241021-0003-KQ1", procedureCode: "1.004873", ownerId: "038192004567",
            documentName: "Giấy xác nhận tình trạng hôn nhân", issuingSystem: signer.issuer, issuedAt: Date(),
            validity: .until("2099-04-23"), scope: "Toàn quốc", resultType: "KQ.G15.000035", number: "112/2024/XNTTHN",
            documentDigest: Array(try Data(contentsOf: source)).prefix(32).map { $0 }, keyId: signer.keyId)
        let seal = payload.sealed(signature: try signer.sign(Array(payload.signedText.utf8)))
        let stamped = SealStamp.stamp(try QREncoder().encode(Array(seal.utf8)), on: original)
        let pdf = FileManager.default.temporaryDirectory.appendingPathComponent("sealed-\(UUID().uuidString).pdf")
        defer { try? FileManager.default.removeItem(at: pdf) }
        try TesseractPDFWriter(language: "vie").write(pages: [stamped.page], title: "test", to: pdf)

        // Print it at 300 and 200 dpi (rendered from the PDF, as a printer would), then scan it badly.
        var renderedPages: [Int: RasterPage] = [:]
        for dpi in [200, 300] {
            renderedPages[dpi] = try ScanDecoder().open(pdf, format: .pdf, limits: DecodeLimits(pdfDPI: dpi)).page(at: 0).raster
        }
        let rendered = renderedPages
        let verifier = SealVerifier(keys: try #require(try keys.publicKeys()))
        let cases = Self.degradations(count: 200)
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: cases.count) { i in
            let d = cases[i]
            guard let page = Self.degrade(rendered[d.dpi]!, d) else {
                failures.withLock { $0.append("\(d): degradation failed") }
                return
            }
            let verdicts = ZBarReader(persistent: true).read(page).map { verifier.check($0.payload).verdict }
            if !verdicts.contains(.valid) {
                failures.withLock { $0.append("\(d): \(verdicts.isEmpty ? "no QR found" : verdicts.map(\.rawValue).joined(separator: ","))") }
            }
        }
        let failed = failures.withLock { $0 }
        let rate = Double(cases.count - failed.count) / Double(cases.count)
        print("seal decode rate after print and scan: \(cases.count - failed.count)/\(cases.count) = \(String(format: "%.1f", rate * 100))%")
        for f in failed { print("  failed: \(f)") }
        #expect(rate >= 0.99)
    }
}
