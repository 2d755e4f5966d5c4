import Foundation
import GRDB
import Testing

/// Real administrative documents of a provincial People's Committee (../shared/real_vi) and born-digital ones
/// (Tests/Fixtures/born-digital) through the binary: one regression test for each way real papers went wrong.
@Suite("Real papers through the binary")
struct RealPapersTests {
    static let realVi = WarehouseRunner.repository.deletingLastPathComponent().appendingPathComponent("shared/real_vi")
    static let bornDigital = WarehouseRunner.repository.appendingPathComponent("Tests/Fixtures/born-digital")

    struct Field: Decodable {
        var value: String
        var flags: [String]
        var source: String
        var evidence: Evidence?

        struct Evidence: Decodable {
            var page: Int
            var slot: String
        }
    }

    struct Report: Decodable {
        struct File: Decodable {
            var status: String
            var sha256: String?
            var pages: Int
            var docType: String?
            var fields: [String: Field]
            var text: String
        }

        var files: [File]
    }

    struct PageRow: Decodable, FetchableRecord {
        var number: Int
        var text: String
        var textSource: String
        var ocrSeconds: Double
    }

    /// Files one document and returns its outcome and the warehouse's page rows.
    func file(_ url: URL, in warehouse: WarehouseRunner) throws -> (Report.File, [PageRow], DatabaseQueue) {
        try #require(FileManager.default.fileExists(atPath: url.path), "missing \(url.path): ../shared must sit beside the checkout")
        let result = try warehouse.ingest([url.path])
        #expect(result.status == 0, "\(result.stderr.suffix(1500))")
        let report = try result.json(Report.self)
        let file = try #require(report.files.first)
        let db = try DatabaseQueue(path: warehouse.storage.appendingPathComponent("warehouse.sqlite").path)
        let pages = try db.read { db in
            try PageRow.fetchAll(db, sql: "SELECT number, text, textSource, ocrSeconds FROM page WHERE blobId = ? ORDER BY number", arguments: [file.sha256])
        }
        return (file, pages, db)
    }

    @Test("A scan whose only text layer is its e-signature stamp is read by OCR; the stamp is kept as fields, not the header")
    func stampOnlyTextLayer() throws {
        let warehouse = WarehouseRunner()
        defer { warehouse.remove() }
        let (file, pages, db) = try file(Self.realVi.appendingPathComponent("qn_2025_574-UBND-KTTH_colorscan.pdf"), in: warehouse)
        #expect(file.status == "filed")
        let first = try #require(pages.first)
        // Class 1: the page was taken as born-digital, its body lost. Now OCR reads it and the stamp's words stay.
        #expect(first.textSource == "pdf-text+ocr")
        #expect(first.ocrSeconds > 0)
        #expect(first.text.count > 700, "page 1 has \(first.text.count) characters")
        #expect(first.text.contains("Kính gửi: Thường trực HĐND tỉnh"))
        #expect(first.text.contains("Ký bởi: Ủy ban nhân dân tỉnh Quảng Ngãi"))
        // Reading order: the left header column before the right one.
        let agency = try #require(first.text.range(of: "TỈNH QUẢNG NGÃI"))
        let motto = try #require(first.text.range(of: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
        #expect(agency.lowerBound < motto.lowerBound)

        #expect(file.docType == "official-letter")
        #expect(file.fields["loaiVanBan"]?.value == "Công văn")
        #expect(file.fields["coQuanBanHanh"]?.value == "UBND tỉnh Quảng Ngãi", "the stamp's agency is not the issuing body")
        #expect(file.fields["trichYeu"]?.value == "V/v đăng ký bổ sung nội dung trình HĐND tỉnh tại kỳ họp thứ 31")
        // The stamps: who signed and published, and when; never the paper's date.
        #expect(file.fields["nguoiKySo"]?.value == "Ủy ban nhân dân tỉnh Quảng Ngãi")
        #expect(file.fields["thoiGianKySo"]?.value == "2025-02-04T16:42:36+07:00")
        #expect(file.fields["donViCongBo"]?.value == "Trung tâm Công báo và Tin học")
        #expect(file.fields["thoiGianCongBo"]?.value == "2025-02-05T08:09:28+07:00")

        // The number and the day are written by hand: flagged, with the slot's crop kept; never a guess.
        let number = try #require(file.fields["soKyHieu"])
        #expect(number.value == "/UBND-KTTH" || number.value == "574/UBND-KTTH")
        if number.value != "574/UBND-KTTH" {
            #expect(number.flags.contains("handwritten") && number.flags.contains("needs-review"))
        }
        let date = try #require(file.fields["ngayBanHanh"])
        #expect(date.value == "2025-02-04" || (date.value.hasPrefix("2025-02") && date.flags.contains("needs-review")), "\(date)")
        for field in [number, date] where field.flags.contains("needs-review") {
            let evidence = try #require(field.evidence, "a flagged slot keeps where it was read")
            let crop = try db.read { db in
                try Data.fetchOne(
                    db, sql: "SELECT png FROM slotCrop WHERE blobId = ? AND pageNumber = ? AND kind = ?",
                    arguments: [file.sha256, evidence.page + 1, evidence.slot])
            }
            let png = try #require(crop, "no crop for \(evidence.slot)")
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        }
        #expect(file.fields.values.allSatisfy { !$0.value.contains("KTTHQUẢNG") })
    }

    @Test("A decision's header, title, subject and signature from a colour scan with a red seal")
    func decisionScan() throws {
        let warehouse = WarehouseRunner()
        defer { warehouse.remove() }
        let (file, pages, _) = try file(Self.realVi.appendingPathComponent("qn_2025_01-TTr-UBND_colorscan.pdf"), in: warehouse)
        #expect(file.docType == "submission")
        #expect(file.fields["loaiVanBan"]?.value == "Tờ trình")
        #expect(file.fields["coQuanBanHanh"]?.value == "UBND tỉnh Quảng Ngãi")
        #expect(file.fields["soKyHieu"]?.value.hasSuffix("/TTr-UBND") == true)
        #expect(file.fields["trichYeu"]?.value == "Về việc miễn nhiệm chức danh Ủy viên Ủy ban nhân dân tỉnh Quảng Ngãi nhiệm kỳ 2021 - 2026")
        #expect(file.fields["chucVuNguoiKy"]?.value == "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH")
        #expect(file.fields["nguoiKy"]?.value.hasPrefix("Trần Hoàng") == true)
        // The e-signature time (06/01/2025 or later) is not the paper's date.
        #expect(file.fields["ngayBanHanh"]?.value.hasPrefix("2025-01") == true)
        #expect(pages.count == 1)
    }

    @Test("A born-digital PDF keeps its text layer, read in the header's columns: the whole number, the whole subject")
    func bornDigitalLayout() throws {
        let warehouse = WarehouseRunner()
        defer { warehouse.remove() }
        struct Truth: Decodable {
            struct Doc: Decodable {
                var file: String
                var kind: String
                var number: String
                var date: String
                var agency: String
                var subject: String
                var signer: String
            }
            var docs: [Doc]
        }
        let truth = try JSONDecoder().decode(Truth.self, from: Data(contentsOf: Self.bornDigital.appendingPathComponent("fields.json")))
        for doc in truth.docs {
            let (file, pages, _) = try file(Self.bornDigital.appendingPathComponent(doc.file), in: warehouse)
            #expect(pages.allSatisfy { $0.textSource == "pdf-text" && $0.ocrSeconds == 0 }, "\(doc.file): no OCR for a born-digital page")
            #expect(file.fields["soKyHieu"]?.value == doc.number, "\(doc.file)")
            #expect(file.fields["soKyHieu"]?.flags == [], "\(doc.file): a typed number is not flagged")
            #expect(file.fields["ngayBanHanh"]?.value == doc.date, "\(doc.file)")
            #expect(file.fields["coQuanBanHanh"]?.value == doc.agency, "\(doc.file)")
            #expect(file.fields["loaiVanBan"]?.value == doc.kind, "\(doc.file)")
            #expect(file.fields["trichYeu"]?.value == doc.subject, "\(doc.file): the subject's last wrapped line is kept")
            #expect(file.fields["nguoiKy"]?.value == doc.signer, "\(doc.file)")
            // Class 2: the header's columns are lines of their own, not glued across the page.
            let text = try #require(pages.first?.text)
            #expect(text.contains("\nSố: \(doc.number)\n") || text.contains("Số: \(doc.number)\nV/v"), "\(doc.file): \(text.prefix(400))")
        }
    }
}
