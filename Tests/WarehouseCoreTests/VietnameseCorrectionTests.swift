import Foundation
import Testing
@testable import WarehouseCore

// MARK: - Syllables

@Suite("Vietnamese syllable")
struct VietnameseSyllableTests {
    @Test("Splits into onset, medial, nucleus, coda and tone",
          arguments: [
            ("quyết", "q", "u", "yê", "t", VietnameseSyllable.Tone.sac),
            ("nghiêng", "ngh", "", "iê", "ng", .ngang),
            ("hoàng", "h", "o", "a", "ng", .huyen),
            ("thủy", "th", "u", "y", "", .hoi),
            ("gìn", "gi", "", "i", "n", .huyen),
            ("giữa", "gi", "", "ưa", "", .nga),
            ("được", "đ", "", "ươ", "c", .nang),
            ("ý", "", "", "y", "", .sac),
            ("yên", "", "", "yê", "n", .ngang),
            ("khuya", "kh", "u", "ya", "", .ngang),
            ("tay", "t", "", "a", "y", .ngang),
            ("người", "ng", "", "ươ", "i", .huyen),
            ("xoong", "x", "", "oo", "ng", .ngang),
            ("quốc", "q", "u", "ô", "c", .sac),
          ])
    func parts(_ text: String, _ onset: String, _ medial: String, _ nucleus: String, _ coda: String, _ tone: VietnameseSyllable.Tone) throws {
        let syllable = try #require(VietnameseSyllable(text))
        #expect(syllable.onset == onset)
        #expect(syllable.medial == medial)
        #expect(syllable.nucleus == nucleus)
        #expect(syllable.coda == coda)
        #expect(syllable.tone == tone)
        #expect(syllable.isValid)
        #expect(syllable.text == text)
    }

    @Test("Well-formed syllables are valid",
          arguments: ["để", "tổng", "hợp", "quyền", "sử", "dụng", "đất", "đai", "điều", "chính", "phủ", "thị", "trấn",
                      "tín", "gắn", "liền", "quyết", "định", "tỉnh", "quảng", "ngãi", "mầm", "non", "nghĩa", "khuỷu",
                      "thuở", "giếng", "kìa", "gì", "ngoài", "xoáy", "huỳnh", "quỳnh", "oanh", "uống", "yêu", "ươm"])
    func valid(_ text: String) {
        #expect(VietnameseSyllable.isValid(text))
    }

    @Test("Ill-formed syllables are invalid",
          arguments: [
            "quyét",  // `yê` written with a plain e
            "cac", "đât", "hoach", "tich", "sat", "ràt",  // stop codas take only sắc or nặng
            "ca\u{0301}\u{0300}",  // two tone marks
            "qúy", "tìên",  // tone mark on the wrong vowel
            "nghành", "ngi", "cim", "gen", "kạn",  // spelling rules (`Bắc Kạn` is a lexicon exception)
            "bnh", "xyz", "giêut", "ð", "ăn" + "h", "",
          ])
    func invalid(_ text: String) {
        #expect(!VietnameseSyllable.isValid(text), "\(text)")
    }

    @Test("Spelling rules: k, gh, ngh before i y e ê; c, g, ng elsewhere")
    func spellingRules() {
        for good in ["kiến", "kỳ", "kẻ", "kê", "ghi", "ghế", "nghe", "nghiệp", "ca", "cô", "gà", "gỗ", "ngày", "ngô", "quê"] {
            #expect(VietnameseSyllable.isValid(good), "\(good)")
        }
        for bad in ["ka", "kô", "gha", "ghô", "ngha", "ci", "ce", "cê", "ge", "gê", "nge", "ngê", "cuy", "kuy"] {
            #expect(!VietnameseSyllable.isValid(bad), "\(bad)")
        }
    }

    @Test("Stop codas p t c ch take only sắc or nặng")
    func stopCodas() throws {
        let syllable = try #require(VietnameseSyllable("đất"))
        let valid = VietnameseSyllable.Tone.allCases.filter { syllable.with(tone: $0).isValid }
        #expect(valid == [.sac, .nang])
        let open = try #require(VietnameseSyllable("ma"))
        #expect(VietnameseSyllable.Tone.allCases.allSatisfy { open.with(tone: $0).isValid })
    }

    @Test("Base form, tones and canonical spelling")
    func forms() throws {
        let syllable = try #require(VietnameseSyllable("Quyết"))
        #expect(syllable.base == "quyêt")
        #expect(syllable.canonical == "quyết")
        #expect(syllable.with(tone: .nang).text == "Quyệt")
        #expect(syllable.with(tone: .ngang).text == "Quyêt")
        let hoa = try #require(VietnameseSyllable("hoà"))
        #expect(hoa.placement == .modern)
        #expect(hoa.canonical == "hòa")
        #expect(hoa.text == "hoà")
        #expect(VietnameseSyllable("thuỷ")?.canonical == "thủy")
        #expect(VietnameseSyllable("quý")?.canonical == "quý")
        #expect(VietnameseSyllable("gìn")?.with(tone: .nga).text == "gĩn")
    }

    @Test("Case patterns are kept: upper, title, lower")
    func casePatterns() throws {
        // `QUYÉT` does not even parse (`yê` written `ye`); its variants are still found, in its case pattern.
        #expect(VietnameseSyllable("QUYÉT") == nil)
        let fixed = try #require(VietnameseSyllable.variants(of: "QUYÉT").first { $0.canonical == "quyết" })
        #expect(fixed.text == "QUYẾT")
        let upper = try #require(VietnameseSyllable("ĐẮT"))
        #expect(upper.letterCase == .upper)
        #expect(upper.variants.map(\.text).contains("ĐẤT"))
        let title = try #require(VietnameseSyllable("Tĩnh"))
        #expect(title.letterCase == .title)
        #expect(title.with(tone: .hoi).text == "Tỉnh")
        #expect(VietnameseSyllable("ĐẤT")?.with(tone: .sac).text == "ĐẤT")
        #expect(VietnameseSyllable.LetterCase(of: "ThS") == .mixed([true, false, true]))
    }

    @Test("Variants cover tones, vowel marks and d/đ, and only valid syllables")
    func variants() {
        let variants = Set(VietnameseSyllable.variants(of: "dung").map(\.canonical))
        for expected in ["dung", "dùng", "dụng", "dũng", "đúng", "đứng", "đựng", "dừng", "đông", "động", "đồng"] where expected.count == 4 {
            if VietnameseFolding.fold(expected) == "dung" { #expect(variants.contains(expected), "\(expected)") }
        }
        #expect(!variants.contains("dunǵ"))
        #expect(VietnameseSyllable.variants(of: "dat").map(\.canonical).allSatisfy { VietnameseSyllable.isValid($0) })
        #expect(Set(VietnameseSyllable.variants(of: "dat").map(\.canonical))
                == ["dát", "dạt", "đát", "đạt", "dắt", "dặt", "đắt", "đặt", "dất", "dật", "đất", "đật"])
        #expect(VietnameseSyllable.variants(of: "xyz").isEmpty)
    }
}

// MARK: - Lexicon

@Suite("Vietnamese lexicon")
struct VietnameseLexiconTests {
    @Test("The built-in lexicon is large and consistent")
    func standard() {
        let lexicon = VietnameseLexicon.standard
        #expect(lexicon.syllables.count > 3_000)
        #expect(lexicon.entryCount > 1_500)
        #expect(lexicon.contains(phrase: "quyền sử dụng đất"))
        #expect(lexicon.contains(phrase: "chính phủ"))
        #expect(lexicon.contains(phrase: "tỉnh quảng ngãi"))
        #expect(lexicon.contains(syllable: "kạn"))
        // Every phrase syllable is a well-formed syllable or a listed exception.
        let syllables = lexicon.syllables
        #expect(syllables.allSatisfy { VietnameseSyllable.isValid($0) || ["kạn", "đắk", "lắk", "kon", "krông", "đăk"].contains($0) })
    }

    @Test("Phrases are indexed by their folded form")
    func folded() {
        let lexicon = VietnameseLexicon.standard
        #expect(lexicon.phrases(folded: "dat dai") == ["đất đai"])
        #expect(lexicon.syllables(folded: "quyet").contains("quyết"))
    }

    @Test("Long phrases are stored as their pieces of 2 to 4 syllables, split at punctuation")
    func pieces() {
        var lexicon = VietnameseLexicon()
        lexicon.add(phrase: "Cấp giấy chứng nhận (lần đầu), thủ tục 12")
        #expect(lexicon.contains(phrase: "cấp giấy chứng nhận"))
        #expect(lexicon.contains(phrase: "giấy chứng"))
        #expect(!lexicon.contains(phrase: "nhận lần"))
        #expect(lexicon.contains(phrase: "lần đầu"))
        #expect(lexicon.contains(phrase: "thủ tục #"))
        #expect(lexicon.isEntry(phrase: "lần đầu"))
        #expect(!lexicon.isEntry(phrase: "giấy chứng"))
    }
}

// MARK: - Corrector

@Suite("OCR text corrector")
struct OCRTextCorrectorTests {
    let corrector = OCRTextCorrector()

    @Test("The misreadings seen on Quảng Ngãi scans are repaired",
          arguments: [
            ("đê tông hợp báo cáo", "để tổng hợp báo cáo"),
            ("cấp giấy chứng nhận quyên sử dụng đất", "cấp giấy chứng nhận quyền sử dụng đất"),
            ("Căn cứ Luật Đắt đai năm 2024;", "Căn cứ Luật Đất đai năm 2024;"),
            ("một số điễu của Luật Tổ chức Chính phủ", "một số điều của Luật Tổ chức Chính phủ"),
            ("Căn cứ khoản 6 Điễu 116 Luật Đất đai", "Căn cứ khoản 6 Điều 116 Luật Đất đai"),
            ("Nghị định số 30/2020/NĐ-CP của Chính phú", "Nghị định số 30/2020/NĐ-CP của Chính phủ"),
            ("tại thị trần Mộ Đức, huyện Mộ Đức", "tại thị trấn Mộ Đức, huyện Mộ Đức"),
            ("Luật Các tổ chức tín đựng số 32/2024/QH15", "Luật Các tổ chức tín dụng số 32/2024/QH15"),
            ("quyền sở hữu tài sản găn liên với đất", "quyền sở hữu tài sản gắn liền với đất"),
            ("QUYÉT ĐỊNH", "QUYẾT ĐỊNH"),
            ("QUYÉT", "QUYẾT"),
            ("TĨNH QUẢNG NGÃI", "TỈNH QUẢNG NGÃI"),
            ("dự án Trường Mâm non thị trấn Mộ Đức", "dự án Trường Mầm non thị trấn Mộ Đức"),
            ("ÐIỀU 1. Phê duyệt", "ĐIỀU 1. Phê duyệt"),
          ])
    func seen(_ read: String, _ expected: String) {
        #expect(corrector.correct(line: read).text == expected)
    }

    @Test("Constructed OCR errors of administrative text are repaired",
          arguments: [
            ("Căn cứ Luật Tổ chức chính quyên địa phương ngày 19 tháng 6 năm 2015;",
             "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"),
            ("Xét đề nghị của Giám đốc Sở Tài nguyên và Môi trưởng tại Tờ trình số 45/TTr-STNMT",
             "Xét đề nghị của Giám đốc Sở Tài nguyên và Môi trường tại Tờ trình số 45/TTr-STNMT"),
            ("Chủ tịch Ủy ban nhân dân các huyện, thị xã, thành phô chịu trách nhiệm thi hành",
             "Chủ tịch Ủy ban nhân dân các huyện, thị xã, thành phố chịu trách nhiệm thi hành"),
            ("QUYÊT ĐỊNH:", "QUYẾT ĐỊNH:"),
            ("Điêu 1. Phê duyệt kế hoạch sử dụng đât năm 2025", "Điều 1. Phê duyệt kế hoạch sử dụng đất năm 2025"),
            ("Điều 2. Quyết định này có hiệu lực kê từ ngày ký.", "Điều 2. Quyết định này có hiệu lực kể từ ngày ký."),
            ("Chánh Văn phòng UBND tỉnh, Giám đốc các Sở: Tài chính, Kê hoạch và Đầu tư",
             "Chánh Văn phòng UBND tỉnh, Giám đốc các Sở: Tài chính, Kế hoạch và Đầu tư"),
            ("Nơi nhân:", "Nơi nhận:"),
            ("- Như Điêu 3;", "- Như Điều 3;"),
            ("Tăng cưởng công tác quản lý nhà nước về đất đai", "Tăng cường công tác quản lý nhà nước về đất đai"),
            ("đảm bảo an toàn giao thông trên địa bàn tinh", "đảm bảo an toàn giao thông trên địa bàn tỉnh"),
            ("triển khai thực hiên có hiệu quả", "triển khai thực hiện có hiệu quả"),
            ("Ủy ban nhân dân tỉnh ban hành kế hoach", "Ủy ban nhân dân tỉnh ban hành kế hoạch"),
            ("về việc phê duyệt dự toán kinh phi năm 2025", "về việc phê duyệt dự toán kinh phí năm 2025"),
            ("giải quyết thủ tục hành chinh", "giải quyết thủ tục hành chính"),
            ("giấy chứng nhân quyền sử dụng đất", "giấy chứng nhận quyền sử dụng đất"),
            ("cấp giấy phép xây đựng", "cấp giấy phép xây dựng"),
            ("Hội đồng nhân dân tỉnh khóa XIII, kỳ hop thứ 25", "Hội đồng nhân dân tỉnh khóa XIII, kỳ họp thứ 25"),
            ("bảo đảm trật tự an toan xã hội", "bảo đảm trật tự an toàn xã hội"),
            ("Ban Chỉ đạo phòng, chông thiên tai và tìm kiếm cứu nạn", "Ban Chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn"),
            ("trẻ em dưới 6 tuổi được cấp thẻ bảo hiểm y tê", "trẻ em dưới 6 tuổi được cấp thẻ bảo hiểm y tế"),
            ("Trường Trung học cơ sở Nghĩa Hà thực hiện phổ cập giáo đục", "Trường Trung học cơ sở Nghĩa Hà thực hiện phổ cập giáo dục"),
            ("đăng ký khai sinh, khai tứ, kết hôn", "đăng ký khai sinh, khai tử, kết hôn"),
            ("xử lý nghiêm các trường hợp vi phạm hành chinh", "xử lý nghiêm các trường hợp vi phạm hành chính"),
            ("thực hành tiết kiêm, chống lãng phí", "thực hành tiết kiệm, chống lãng phí"),
            ("Sở Lao đông - Thương binh và Xã hội", "Sở Lao động - Thương binh và Xã hội"),
            ("tổ chức lây ý kiến nhân dân", "tổ chức lấy ý kiến nhân dân"),
            ("ngân sach nhà nước", "ngân sách nhà nước"),
            ("công tác tuyên truyền, phô biến giáo dục pháp luật", "công tác tuyên truyền, phổ biến giáo dục pháp luật"),
            ("bảo vệ môi trường và ứng phó với biến đôi khí hậu", "bảo vệ môi trường và ứng phó với biến đổi khí hậu"),
            ("Phó Chủ tich UBND tỉnh", "Phó Chủ tịch UBND tỉnh"),
            ("Căn cứ Nghị đinh số 30/2020/NĐ-CP", "Căn cứ Nghị định số 30/2020/NĐ-CP"),
            ("Thông tư số 01/2011/TT-BNV của Bộ Nội vu", "Thông tư số 01/2011/TT-BNV của Bộ Nội vụ"),
            ("hỗ trợ hộ nghèo, hộ cận nghèo trên địa bàn huyên", "hỗ trợ hộ nghèo, hộ cận nghèo trên địa bàn huyện"),
            ("kiểm tra, giám sat việc thực hiện", "kiểm tra, giám sát việc thực hiện"),
            ("nâng cao chât lượng giáo dục", "nâng cao chất lượng giáo dục"),
            ("xây dựng chính quyền điện tư", "xây dựng chính quyền điện tử"),
            ("Thủ tương Chính phủ", "Thủ tướng Chính phủ"),
            ("UBND thị trần La Hà", "UBND thị trấn La Hà"),
            ("cán bộ, công chức, viên chực", "cán bộ, công chức, viên chức"),
            ("kịp thời cung câp thông tin cho Sở Giao thông", "kịp thời cung cấp thông tin cho Sở Giao thông"),
            ("1I PHẠM VI ĐIÊU CHỈNH, ĐÓI TƯỢNG ÁP DỤNG", "1I PHẠM VI ĐIỀU CHỈNH, ĐỐI TƯỢNG ÁP DỤNG"),
          ])
    func constructed(_ read: String, _ expected: String) {
        #expect(corrector.correct(line: read).text == expected)
    }

    @Test("Correct text, names, codes, numbers, e-mail addresses and English stay as they are",
          arguments: [
            "Số: 88/QĐ-UBND",
            "Quảng Ngãi, ngày 05 tháng 02 năm 2025",
            "05/02/2025",
            "Luật Đất đai số 31/2024/QH15",
            "Liên hệ: vanthu@quangngai.gov.vn hoặc www.quangngai.gov.vn",
            "Nguyễn Văn Tám, Trần Thị Mai, Lê Đình Thắng",
            "Phó Chủ tịch Trần Phước Hiền",
            "The quick brown fox jumps over the lazy dog",
            "Internet of Things, TOC, cat, set, top, hot",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH",
            "QUYẾT ĐỊNH",
            "Độc lập - Tự do - Hạnh phúc",
            "để xuất khẩu hàng hóa sang thị trường châu Âu",
            "đưa ra các phương án xử lý phù hợp",
            "đưa ra các phương",
            "người dùng có thể chọn định dạng khác",
            "Cộng hoà xã hội, hoà giải ở cơ sở, thuỷ lợi",
            "Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành tập trung triển khai thực hiện.",
            "Giao Sở Tài chính chủ trì, phối hợp với các cơ quan liên quan tham mưu.",
            "Nơi nhận:",
            "- Như Điều 3;",
            "- Lưu: VT, KTN.",
            "TM. ỦY BAN NHÂN DÂN",
            "KT. CHỦ TỊCH",
            "Đắk Lắk, Bắc Kạn, Kon Tum",
            "tiền thuê đất, tiền sử dụng đất được miễn giảm theo quy định",
            "Kết quả cho thấy tính chủ động trong lãnh đạo, chỉ đạo, điều hành của Ban Thường vụ",
            "Hồ sơ gồm: đơn đề nghị, bản sao giấy khai sinh, sổ hộ khẩu.",
            "mưa lớn kéo dài gây sạt lở đất ở nhiều nơi",
            "Đơn xin giao đất đề ngày 13/12/2024",
            "UBND CA tỉnh, CA huyện",
            "",
          ])
    func unchanged(_ line: String) {
        let result = corrector.correct(line: line)
        #expect(result.text == line)
        #expect(result.changes.isEmpty)
    }

    @Test("Changes report offset, original, replacement and reason")
    func changes() throws {
        let result = corrector.correct(line: "Căn cứ Luật Đắt đai; QUYÉT")
        #expect(result.changes.count == 2)
        let first = try #require(result.changes.first)
        #expect(first.offset == 12)
        #expect(first.original == "Đắt")
        #expect(first.replacement == "Đất")
        #expect(first.reason == .phrase("đất đai"))
        #expect(result.changes[1].reason == .syllable)
        #expect(result.changes[1].description == "21: QUYÉT → QUYẾT (syllable)")
    }

    @Test("Whole text: phrases run on across line ends, not across blank lines; offsets are in the text")
    func text() {
        let result = corrector.correct(text: "dự án Trường Mâm\nnon thị trần Mộ Đức\n\nTrường Mâm\n\nnon")
        #expect(result.text == "dự án Trường Mầm\nnon thị trấn Mộ Đức\n\nTrường Mâm\n\nnon")
        #expect(result.changes.map(\.offset) == [13, 25])
        #expect(corrector.correct(line: "dự án Trường Mâm").text == "dự án Trường Mâm")
    }

    @Test("Decomposed input is read like precomposed input")
    func decomposed() {
        let nfd = "Luật Đắt đai".decomposedStringWithCanonicalMapping
        #expect(corrector.correct(line: nfd).text == "Luật Đất đai")
    }

    @Test("Phrases added by the caller are used")
    func addedPhrases() {
        let read = "hồ sơ đề nghị trợ cấp mai tang phí"
        #expect(corrector.correct(line: read).text == read)
        var extended = corrector
        extended.add(phrases: ["Giải quyết trợ cấp mai táng phí"])
        #expect(extended.correct(line: read).text == "hồ sơ đề nghị trợ cấp mai táng phí")
        #expect(OCRTextCorrector(addingPhrases: ["Xã Nghĩa Kỳ"]).correct(line: "UBND xã Nghĩa Ky").text == "UBND xã Nghĩa Kỳ")
    }

    @Test("Garbage and very long input are handled quickly")
    func garbage() {
        let clock = ContinuousClock()
        let long = String(repeating: "quyên sử dụng đất ~~~~ @)ttcbth ", count: 500)
        let token = String(repeating: "a", count: 20_000)
        let noise = String((0..<5_000).map { _ in "aăâbcdđeêghiklmnoôơpqrstuưvxy ̣́̀̉̃.,/-0123456789".randomElement()! })
        let elapsed = clock.measure {
            #expect(corrector.correct(line: "~~~~").text == "~~~~")
            #expect(corrector.correct(line: "@)ttcbth").text == "@)ttcbth")
            #expect(corrector.correct(line: token).text == token)
            #expect(corrector.correct(line: long).changes.count == 500)
            _ = corrector.correct(line: noise)
        }
        #expect(elapsed < .seconds(10))
    }
}
