import Foundation
import Testing
import WarehouseCore
import WarehouseImaging

@Suite("QR codes with zbar")
struct ZBarReaderTests {
    func read(_ name: String) throws -> [Barcode] {
        let url = Fixtures.corpusFile("qr/zxing-cpp/\(name)")
        let document = try ScanDecoder().open(url, format: try #require(try Fixtures.format(of: url)), limits: DecodeLimits())
        return ZBarReader().read(try document.page(at: 0).raster)
    }

    @Test(
        "standard QR codes decode to the payload zxing-cpp expects",
        arguments: ["zxingcpp_qrcode-6_1", "zxingcpp_qrcode-6_6", "zxingcpp_qrcode-6_12", "zxingcpp_qrcode-2_30"])
    func decodes(_ name: String) throws {
        let expected = try String(contentsOf: Fixtures.corpusFile("qr/zxing-cpp/\(name).txt"), encoding: .utf8)
        let found = try read("\(name).png")
        #expect(found.map(\.payload) == [expected.trimmingCharacters(in: .newlines)])
        #expect(found.first?.symbology == "QR-Code")
    }

    @Test(
        "images without a QR code give nothing (no false positive)",
        arguments: ["zxingcpp_falsepositives-1_570.png", "zxingcpp_falsepositives-1_MQR-falsepositive.jpg"])
    func noFalsePositive(_ name: String) throws {
        #expect(try read(name).isEmpty)
    }

    @Test("structured-append parts each decode on their own without crashing")
    func structuredAppend() throws {
        for part in 1...4 {
            _ = try read("zxingcpp_qrcode-7_01-0\(part).png")
        }
    }
}
