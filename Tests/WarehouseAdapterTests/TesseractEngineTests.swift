import Foundation
import Testing
import WarehouseCore
import WarehouseTesseract

@Suite("Tesseract engine")
struct TesseractEngineTests {
    @Test("a missing language is a clear error, not a crash")
    func missingLanguage() {
        #expect(throws: OCRError.self) {
            _ = try TesseractEngine(language: "xyz")
        }
    }
}
