import Foundation

// Multi-syllable words and frequent phrases of Vietnamese administrative language, written for this project.
// One group per domain; entries are separated by commas or new lines, `#` starts a comment line.
// Spelling: NFC, traditional tone placement (`hòa`, `thủy`); placement does not matter for matching.
// Phrases longer than four syllables are used through their 2-, 3- and 4-syllable pieces.

extension VietnameseLexicon {
    /// Every built-in phrase group, in the order they are loaded.
    static let builtInPhraseGroups: [String] = [
        documents, agencies, positions, government, legal, land, finance, planning, education, health,
        transport, civilStatus, labourSocial, agricultureEnvironment, industryTrade, cultureInformation,
        securityDefence, general, common, everyday, numbered, places,
    ]

    /// Kinds of documents, their parts and their set phrases (Decree 30/2020 layout).
    static let documents = #"""
    quyết định, chỉ thị, thông báo, tờ trình, báo cáo, kế hoạch, công văn, nghị quyết, nghị định, thông tư
    thông tư liên tịch, hướng dẫn, biên bản, giấy mời, công điện, quy chế, quy định, điều lệ, chương trình, đề án
    dự án, phương án, hợp đồng, giấy phép, giấy chứng nhận, giấy xác nhận, giấy giới thiệu, giấy ủy quyền
    giấy đề nghị, giấy biên nhận, giấy nghỉ phép, giấy đi đường, phiếu gửi, phiếu chuyển, phiếu trình
    bản sao, bản chính, bản gốc, bản thảo, dự thảo, trích lục, trích yếu, trích sao, sao y, sao lục, bản sao y
    về việc, kính gửi, nơi nhận, như trên, lưu văn thư, lưu vt, văn thư, căn cứ, xét đề nghị, theo đề nghị
    điều khoản, phụ lục, danh mục, danh sách, ban hành kèm theo, kèm theo, có hiệu lực, có hiệu lực thi hành
    có hiệu lực kể từ ngày, kể từ ngày, kể từ ngày ký, ngày ký, ký ban hành, thi hành, chịu trách nhiệm thi hành
    chịu trách nhiệm thi hành quyết định này, quyết định này, chỉ thị này, kế hoạch này, thông báo này
    quyết định này có hiệu lực, tổ chức thực hiện, các sở ban ngành, sở ban ngành, ban ngành, các ngành
    thủ trưởng các sở, thủ trưởng các sở ban ngành, thủ trưởng các cơ quan, thủ trưởng các đơn vị
    thủ trưởng cơ quan, thủ trưởng đơn vị, các cơ quan đơn vị, cơ quan đơn vị, các đơn vị, đơn vị có liên quan
    các cơ quan có liên quan, cơ quan có liên quan, các tổ chức cá nhân, tổ chức cá nhân, có liên quan
    chủ tịch ủy ban nhân dân, chủ tịch ủy ban nhân dân các huyện, chủ tịch ủy ban nhân dân tỉnh
    văn bản, văn bản quy phạm pháp luật, văn bản hành chính, văn bản chỉ đạo, văn bản đến, văn bản đi
    số ký hiệu, ký hiệu, số hiệu, ngày ban hành, cơ quan ban hành, người ký, thẩm quyền ký, ký thay, thừa lệnh
    thừa ủy quyền, quyền chủ tịch, ký tên, đóng dấu, con dấu, chữ ký, chữ ký số, ký số, văn bản điện tử
    thể thức, kỹ thuật trình bày, công tác văn thư, công tác lưu trữ, lưu trữ, lưu trữ lịch sử, hồ sơ lưu trữ
    tài liệu, tài liệu lưu trữ, hồ sơ, hồ sơ công việc, thành phần hồ sơ, số lượng hồ sơ, mẫu đơn, tờ khai
    đơn đề nghị, đơn xin, đơn khiếu nại, đơn tố cáo, đơn kiến nghị, phản ánh, kiến nghị, phản ánh kiến nghị
    độc lập, tự do, hạnh phúc, độc lập tự do hạnh phúc, cộng hòa, xã hội chủ nghĩa, chủ nghĩa
    cộng hòa xã hội chủ nghĩa việt nam, việt nam, nhà nước, nước cộng hòa xã hội chủ nghĩa việt nam
    quyết định số, chỉ thị số, công văn số, tờ trình số, báo cáo số, thông báo số, kế hoạch số, nghị quyết số
    nghị định số, thông tư số, ngày tháng năm, trong năm, năm nay, năm sau, năm trước, cuối năm, đầu năm
    hằng năm, hàng năm, hằng tháng, hàng tháng, hằng quý, hằng ngày, hàng ngày, định kỳ, đột xuất
    sáu tháng đầu năm, sáu tháng cuối năm, quý một, quý hai, quý ba, quý bốn, tháng một, tháng giêng
    ngày làm việc, ngày lễ, ngày nghỉ, nghỉ lễ, tết nguyên đán, thời hạn, thời gian, thời điểm, thời kỳ
    giai đoạn, trước ngày, sau ngày, chậm nhất, chậm nhất là, không quá, tối đa, tối thiểu, ít nhất
    điều một, điều hai, điều ba, điều bốn, điều năm, tại điều, tại khoản, tại điểm, quy định tại, quy định tại điều
    theo quy định tại, được quy định, đã được, sửa đổi bổ sung, sửa đổi, bổ sung, bãi bỏ, thay thế, hủy bỏ
    đính chính, thu hồi, tạm đình chỉ, đình chỉ, bãi nhiệm, miễn nhiệm, bổ nhiệm, bổ nhiệm lại, điều động
    luân chuyển, biệt phái, tiếp nhận, thuyên chuyển, cho thôi việc, nghỉ hưu, nghỉ việc, thôi việc
    phê duyệt, phê chuẩn, thông qua, chấp thuận, đồng ý, thống nhất, ủy quyền, ủy nhiệm, giao nhiệm vụ
    xin ý kiến, lấy ý kiến, ý kiến, góp ý, tham gia ý kiến, ý kiến chỉ đạo, kết luận, kết luận của chủ tịch
    thông báo kết luận, ý kiến kết luận, tại cuộc họp, cuộc họp, phiên họp, kỳ họp, hội nghị, hội thảo, tọa đàm
    buổi làm việc, làm việc với, chủ trì, chủ trì phối hợp, đồng chủ trì, tham dự, dự họp, thành phần tham dự
    thành phần, đại biểu, đại diện, thư ký, thư ký cuộc họp, biên bản cuộc họp, nội dung, nội dung chính
    trân trọng, trân trọng kính mời, trân trọng đề nghị, kính đề nghị, kính trình, kính báo cáo, đề nghị
    xin trân trọng, đề nghị quý cơ quan, quý cơ quan, quý vị, rất mong, mong nhận được, phối hợp thực hiện
    trình bày, trình ký, trình duyệt, trình phê duyệt, trình ủy ban nhân dân tỉnh, trình hội đồng nhân dân
    tờ trình về việc, báo cáo về việc, công văn về việc, quyết định về việc, thông báo về việc
    ban hành quy chế, ban hành quy định, ban hành kế hoạch, ban hành danh mục, ban hành kèm theo quyết định
    phụ lục kèm theo, biểu mẫu, mẫu số, theo mẫu, phụ biểu, biểu tổng hợp, bảng tổng hợp, bảng kê, danh mục kèm theo
    """#

    /// Agencies, councils, organisations and their parts.
    static let agencies = #"""
    ủy ban nhân dân, hội đồng nhân dân, ủy ban nhân dân tỉnh, hội đồng nhân dân tỉnh, ủy ban nhân dân huyện
    hội đồng nhân dân huyện, ủy ban nhân dân xã, hội đồng nhân dân xã, ủy ban nhân dân phường
    ủy ban nhân dân thị trấn, ủy ban nhân dân thành phố, ủy ban nhân dân thị xã, ủy ban nhân dân cấp tỉnh
    ủy ban nhân dân cấp huyện, ủy ban nhân dân cấp xã, ủy ban nhân dân các cấp, hội đồng nhân dân các cấp
    thường trực hội đồng nhân dân, thường trực ủy ban nhân dân, thường trực tỉnh ủy, thường trực huyện ủy
    ban thường vụ, ban thường vụ tỉnh ủy, ban chấp hành, ban chấp hành đảng bộ, đảng bộ, chi bộ, đảng ủy
    tỉnh ủy, huyện ủy, thành ủy, thị ủy, quận ủy, đảng ủy xã, ban tổ chức, ban tuyên giáo, ban dân vận
    ban nội chính, ủy ban kiểm tra, ban kinh tế, ban pháp chế, ban văn hóa xã hội, ban dân tộc, ban kinh tế ngân sách
    đảng cộng sản việt nam, đảng cộng sản, ban chấp hành trung ương, trung ương, bộ chính trị, ban bí thư
    quốc hội, ủy ban thường vụ quốc hội, chính phủ, văn phòng chính phủ, thủ tướng chính phủ, chủ tịch nước
    mặt trận tổ quốc, ủy ban mặt trận tổ quốc, mặt trận tổ quốc việt nam, đoàn thể, các đoàn thể
    tổ chức chính trị xã hội, tổ chức chính trị, tổ chức xã hội, tổ chức xã hội nghề nghiệp, hội đặc thù, phấn đấu
    đoàn thanh niên, đoàn thanh niên cộng sản hồ chí minh, tỉnh đoàn, huyện đoàn, hội liên hiệp phụ nữ
    hội phụ nữ, hội nông dân, hội cựu chiến binh, liên đoàn lao động, công đoàn, công đoàn cơ sở, hội chữ thập đỏ
    liên minh hợp tác xã, hợp tác xã, tổ hợp tác, hội doanh nghiệp, hiệp hội, liên hiệp các hội
    văn phòng, văn phòng ủy ban nhân dân, văn phòng hội đồng nhân dân, văn phòng đoàn đại biểu quốc hội
    văn phòng đoàn đại biểu quốc hội và hội đồng nhân dân, đoàn đại biểu quốc hội, đại biểu quốc hội
    đại biểu hội đồng nhân dân, sở, các sở, sở ngành, các sở ngành, cơ quan chuyên môn, cơ quan chuyên môn thuộc
    sở nội vụ, sở tư pháp, sở kế hoạch và đầu tư, sở tài chính, sở công thương, sở xây dựng, sở y tế
    sở nông nghiệp và phát triển nông thôn, sở nông nghiệp và môi trường, sở giao thông vận tải
    sở tài nguyên và môi trường, sở thông tin và truyền thông, sở lao động thương binh và xã hội
    sở văn hóa thể thao và du lịch, sở văn hóa và thể thao, sở du lịch, sở khoa học và công nghệ
    sở giáo dục và đào tạo, sở ngoại vụ, sở dân tộc và tôn giáo, thanh tra tỉnh, thanh tra huyện, thanh tra sở
    ban quản lý, ban quản lý dự án, ban quản lý khu kinh tế, ban quản lý các khu công nghiệp, ban quản lý rừng phòng hộ
    ban quản lý dự án đầu tư xây dựng, ban chỉ đạo, ban chỉ huy, ban điều hành, ban tổ chức, tổ công tác
    tổ giúp việc, tổ thư ký, hội đồng, hội đồng thẩm định, hội đồng thi đua khen thưởng, hội đồng tư vấn
    hội đồng tuyển dụng, hội đồng xét tuyển, hội đồng kỷ luật, hội đồng bồi thường, hội đồng giá, hội đồng quản trị
    bộ, các bộ, bộ ngành, các bộ ngành, bộ nội vụ, bộ tư pháp, bộ tài chính, bộ kế hoạch và đầu tư, bộ công thương
    bộ xây dựng, bộ y tế, bộ giáo dục và đào tạo, bộ quốc phòng, bộ công an, bộ ngoại giao, bộ tài nguyên và môi trường
    bộ nông nghiệp và phát triển nông thôn, bộ nông nghiệp và môi trường, bộ giao thông vận tải
    bộ thông tin và truyền thông, bộ lao động thương binh và xã hội, bộ văn hóa thể thao và du lịch
    bộ khoa học và công nghệ, bộ dân tộc và tôn giáo, ủy ban dân tộc, thanh tra chính phủ, ngân hàng nhà nước
    ngân hàng nhà nước việt nam, kiểm toán nhà nước, tổng cục, cục, chi cục, vụ, viện, học viện
    tổng cục thuế, cục thuế, chi cục thuế, cục hải quan, chi cục hải quan, kho bạc nhà nước, kho bạc nhà nước tỉnh
    bảo hiểm xã hội, bảo hiểm xã hội tỉnh, bảo hiểm xã hội huyện, bảo hiểm xã hội việt nam, cục thống kê
    chi cục thống kê, cục quản lý thị trường, chi cục kiểm lâm, hạt kiểm lâm, chi cục thủy lợi, chi cục thủy sản
    chi cục chăn nuôi và thú y, chi cục trồng trọt và bảo vệ thực vật, chi cục văn thư lưu trữ, chi cục tiêu chuẩn đo lường chất lượng
    tòa án nhân dân, tòa án nhân dân tỉnh, tòa án nhân dân huyện, tòa án nhân dân tối cao, viện kiểm sát nhân dân
    viện kiểm sát nhân dân tỉnh, viện kiểm sát nhân dân tối cao, cục thi hành án dân sự, chi cục thi hành án dân sự
    thi hành án dân sự, công an, công an tỉnh, công an huyện, công an xã, công an phường, bộ chỉ huy quân sự
    bộ chỉ huy quân sự tỉnh, ban chỉ huy quân sự, bộ chỉ huy bộ đội biên phòng, bộ đội biên phòng, quân khu
    trung tâm, trung tâm hành chính công, trung tâm phục vụ hành chính công, bộ phận một cửa, bộ phận tiếp nhận và trả kết quả
    trung tâm công báo và tin học, công báo, cổng thông tin điện tử, trung tâm xúc tiến đầu tư, trung tâm phát triển quỹ đất
    trung tâm y tế, trung tâm kiểm soát bệnh tật, trung tâm dịch vụ việc làm, trung tâm giáo dục nghề nghiệp
    trung tâm giáo dục thường xuyên, trung tâm văn hóa, trung tâm văn hóa thể thao, trung tâm khuyến nông
    trung tâm quan trắc, trung tâm kỹ thuật, trung tâm công nghệ thông tin, trung tâm lưu trữ lịch sử, trung tâm trợ giúp pháp lý
    đài phát thanh và truyền hình, đài phát thanh truyền hình, báo quảng ngãi, đài truyền thanh, cơ quan báo chí
    văn phòng đăng ký đất đai, chi nhánh văn phòng đăng ký đất đai, quỹ đầu tư phát triển, quỹ bảo vệ môi trường
    quỹ phát triển đất, quỹ hỗ trợ nông dân, ngân hàng chính sách xã hội, ngân hàng nông nghiệp và phát triển nông thôn
    phòng, các phòng, phòng ban, các phòng ban, phòng nội vụ, phòng tư pháp, phòng tài chính kế hoạch
    phòng tài nguyên và môi trường, phòng kinh tế, phòng kinh tế hạ tầng, phòng quản lý đô thị, phòng nông nghiệp và phát triển nông thôn
    phòng giáo dục và đào tạo, phòng văn hóa và thông tin, phòng lao động thương binh và xã hội, phòng y tế
    phòng dân tộc, phòng tổng hợp, phòng hành chính, phòng kế toán, phòng tổ chức cán bộ, phòng pháp chế
    phòng hành chính tổng hợp, phòng kế hoạch tài chính, phòng quản lý ngân sách, phòng tài chính đầu tư
    phòng cảnh sát giao thông, phòng cảnh sát, phòng quản lý hành chính về trật tự xã hội, phòng cảnh sát quản lý hành chính
    cơ quan, các cơ quan, cơ quan nhà nước, cơ quan hành chính, cơ quan hành chính nhà nước, cơ quan quản lý
    cơ quan quản lý nhà nước, cơ quan chủ quản, cơ quan cấp trên, cơ quan tham mưu, cơ quan thường trực
    cơ quan chức năng, cơ quan thuế, cơ quan công an, cơ quan điều tra, cơ quan tiến hành tố tụng, cơ quan đăng ký
    đơn vị sự nghiệp, đơn vị sự nghiệp công lập, đơn vị trực thuộc, trực thuộc, đơn vị dự toán, đơn vị sử dụng ngân sách
    doanh nghiệp nhà nước, công ty trách nhiệm hữu hạn, công ty cổ phần, công ty, tổng công ty, chi nhánh
    văn phòng đại diện, hộ kinh doanh, doanh nghiệp tư nhân, doanh nghiệp, các doanh nghiệp, nhà đầu tư
    """#

    /// Positions and titles.
    static let positions = #"""
    chủ tịch, phó chủ tịch, phó chủ tịch thường trực, ủy viên, ủy viên ủy ban nhân dân, thành viên, thường trực
    giám đốc, phó giám đốc, giám đốc sở, phó giám đốc sở, trưởng phòng, phó trưởng phòng, trưởng ban, phó trưởng ban
    trưởng ban quản lý, chánh văn phòng, phó chánh văn phòng, chánh thanh tra, phó chánh thanh tra, thanh tra viên
    chuyên viên, chuyên viên chính, chuyên viên cao cấp, cán sự, nhân viên, kế toán, kế toán trưởng, thủ quỹ
    cán bộ, công chức, viên chức, cán bộ công chức, cán bộ công chức viên chức, người lao động, người đứng đầu
    thủ trưởng, lãnh đạo, lãnh đạo tỉnh, lãnh đạo ủy ban nhân dân, lãnh đạo sở, lãnh đạo cơ quan, lãnh đạo đơn vị
    cấp ủy, cấp ủy đảng, cấp ủy chính quyền, bí thư, phó bí thư, bí thư tỉnh ủy, phó bí thư tỉnh ủy, bí thư huyện ủy
    bí thư chi bộ, bí thư đảng ủy, đảng viên, thủ tướng, phó thủ tướng, bộ trưởng, thứ trưởng, tổng cục trưởng
    cục trưởng, phó cục trưởng, vụ trưởng, phó vụ trưởng, chi cục trưởng, phó chi cục trưởng, viện trưởng
    chánh án, phó chánh án, thẩm phán, kiểm sát viên, chấp hành viên, điều tra viên, thư ký tòa án
    chủ nhiệm, phó chủ nhiệm, chủ nhiệm ủy ban kiểm tra, hiệu trưởng, phó hiệu trưởng, hiệu phó, tổng biên tập
    trưởng công an, phó trưởng công an, chỉ huy trưởng, chỉ huy phó, chính trị viên, trưởng thôn, tổ trưởng, tổ phó
    trưởng khu phố, tổ trưởng tổ dân phố, trưởng ấp, già làng, người có uy tín, chủ hộ, chủ đầu tư, chủ sở hữu
    công chức tư pháp hộ tịch, công chức địa chính, công chức văn phòng thống kê, công chức tài chính kế toán
    công chức văn hóa xã hội, công chức địa chính xây dựng, người hoạt động không chuyên trách, không chuyên trách
    cán bộ chuyên trách, chuyên trách, kiêm nhiệm, đại biểu chuyên trách, nhiệm kỳ
    """#

    /// Government, administration and the verbs of official letters.
    static let government = #"""
    chính quyền, chính quyền địa phương, chính quyền cơ sở, chính quyền các cấp, chính quyền đô thị, nhà nước
    quản lý nhà nước, quản lý, quản lý hành chính, hành chính, hành chính nhà nước, nền hành chính, cải cách hành chính
    thủ tục hành chính, các thủ tục hành chính, cải cách thủ tục hành chính, kiểm soát thủ tục hành chính
    giải quyết thủ tục hành chính, bộ thủ tục hành chính, danh mục thủ tục hành chính, công bố danh mục
    quy trình nội bộ, quy trình điện tử, quy trình, dịch vụ công, dịch vụ công trực tuyến, cổng dịch vụ công
    cổng dịch vụ công quốc gia, một cửa, một cửa liên thông, cơ chế một cửa, liên thông, trực tuyến, toàn trình
    một phần, hồ sơ trực tuyến, tiếp nhận hồ sơ, trả kết quả, kết quả giải quyết, trả kết quả giải quyết, đúng hạn
    trước hạn, quá hạn, trễ hạn, chậm trễ, xin lỗi, phiếu hẹn, phiếu tiếp nhận, số hóa, số hóa hồ sơ, chuyển đổi số
    chính phủ điện tử, chính phủ số, chính quyền điện tử, chính quyền số, kinh tế số, xã hội số, công dân số
    chữ ký điện tử, định danh điện tử, tài khoản định danh điện tử, cơ sở dữ liệu, cơ sở dữ liệu quốc gia
    cơ sở dữ liệu quốc gia về dân cư, dữ liệu, dữ liệu dân cư, hệ thống thông tin, hệ thống thông tin giải quyết thủ tục hành chính
    phần mềm, phần mềm quản lý văn bản, quản lý văn bản và điều hành, ứng dụng, công nghệ thông tin, ứng dụng công nghệ thông tin
    an toàn thông tin, an ninh mạng, hạ tầng số, nền tảng số, thư điện tử, trang thông tin điện tử, mạng xã hội
    tổ chức, tổ chức bộ máy, bộ máy, sắp xếp tổ chức bộ máy, tinh gọn, tinh gọn bộ máy, tinh giản biên chế, biên chế
    số lượng người làm việc, vị trí việc làm, cơ cấu, cơ cấu tổ chức, chức năng, nhiệm vụ, quyền hạn
    chức năng nhiệm vụ, chức năng nhiệm vụ quyền hạn, nhiệm vụ và quyền hạn, quyền và nghĩa vụ, quyền lợi, nghĩa vụ
    trách nhiệm, chịu trách nhiệm, trách nhiệm người đứng đầu, trách nhiệm giải trình, phân công, phân cấp
    phân quyền, ủy quyền, phân cấp quản lý, thẩm quyền, theo thẩm quyền, vượt thẩm quyền, thuộc thẩm quyền
    đơn vị hành chính, sắp xếp đơn vị hành chính, sáp nhập, hợp nhất, chia tách, thành lập, giải thể, tổ chức lại
    thực hiện, tổ chức thực hiện, triển khai, triển khai thực hiện, tăng cường, đẩy mạnh, nâng cao, nâng cao hiệu quả
    nâng cao chất lượng, tiếp tục, tập trung, khẩn trương, kịp thời, nghiêm túc, thường xuyên, quyết liệt
    đồng bộ, hiệu quả, hiệu lực, hiệu lực hiệu quả, chất lượng, tiến độ, đúng tiến độ, đúng quy định, theo quy định
    quy định của pháp luật, theo quy định của pháp luật, đúng quy định của pháp luật, theo đúng quy định
    chỉ đạo, chỉ đạo điều hành, lãnh đạo chỉ đạo, sự chỉ đạo, điều hành, hướng dẫn, kiểm tra, giám sát
    kiểm tra giám sát, thanh tra kiểm tra, đôn đốc, đôn đốc kiểm tra, theo dõi, theo dõi đôn đốc, phối hợp
    phối hợp chặt chẽ, phối hợp với, chủ động, chủ động phối hợp, tham mưu, tham mưu đề xuất, đề xuất
    tổng hợp, tổng hợp báo cáo, tổng hợp kết quả, báo cáo kết quả, báo cáo định kỳ, chế độ báo cáo, kết quả
    xem xét, xem xét quyết định, xem xét giải quyết, giải quyết, xử lý, xử lý nghiêm, xử lý vi phạm, khắc phục
    chấn chỉnh, rút kinh nghiệm, kiểm điểm, phê bình, nhắc nhở, khen thưởng, thi đua, thi đua khen thưởng
    bằng khen, giấy khen, danh hiệu, chiến sĩ thi đua, lao động tiên tiến, tập thể lao động xuất sắc, huân chương, kỷ niệm chương
    kỷ luật, hình thức kỷ luật, khiển trách, cảnh cáo, cách chức, buộc thôi việc, hạ bậc lương, đánh giá, xếp loại
    đánh giá xếp loại, hoàn thành nhiệm vụ, hoàn thành tốt nhiệm vụ, hoàn thành xuất sắc nhiệm vụ, không hoàn thành nhiệm vụ
    tuyển dụng, thi tuyển, xét tuyển, tiếp nhận, nâng ngạch, chuyển ngạch, ngạch, bậc, hệ số, hệ số lương, phụ cấp
    tiền lương, lương, mức lương, lương cơ sở, nâng lương, nâng bậc lương, chế độ, chính sách, chế độ chính sách
    đào tạo bồi dưỡng, bồi dưỡng, quy hoạch cán bộ, công tác cán bộ, nhân sự, bầu cử, ứng cử, bầu, bầu bổ sung
    đề nghị, kiến nghị, đề xuất, yêu cầu, đề ra, đặt ra, giao, được giao, nhiệm vụ được giao, giao nhiệm vụ
    thống nhất, nhất trí, đồng ý, chấp thuận, thông qua, phê duyệt, điều chỉnh, bổ sung, sửa đổi, ban hành
    công bố, công khai, minh bạch, dân chủ, dân chủ ở cơ sở, tiếp công dân, tiếp dân, khiếu nại, tố cáo
    khiếu nại tố cáo, giải quyết khiếu nại, giải quyết tố cáo, đơn thư, đơn thư khiếu nại, vụ việc, phòng chống tham nhũng
    phòng chống tham nhũng tiêu cực, tham nhũng, tiêu cực, lãng phí, thực hành tiết kiệm, chống lãng phí
    thực hành tiết kiệm chống lãng phí, kê khai tài sản, kê khai, minh bạch tài sản, xung đột lợi ích
    đoàn kiểm tra, đoàn thanh tra, đoàn công tác, kết luận thanh tra, kiến nghị thanh tra, thanh tra hành chính
    thanh tra chuyên ngành, kiểm tra chuyên ngành, hậu kiểm, tiền kiểm, vi phạm, vi phạm hành chính, xử phạt
    xử phạt vi phạm hành chính, biên bản vi phạm hành chính, quyết định xử phạt, cưỡng chế, biện pháp khắc phục hậu quả
    người dân, nhân dân, doanh nghiệp, người dân và doanh nghiệp, công dân, tổ chức và cá nhân, cá nhân, hộ gia đình
    cộng đồng, cộng đồng dân cư, cử tri, ý kiến cử tri, tiếp xúc cử tri, kiến nghị cử tri, dư luận, báo chí
    tuyên truyền, phổ biến, tuyên truyền phổ biến, phổ biến giáo dục pháp luật, giáo dục pháp luật, nâng cao nhận thức
    vận động, tuyên truyền vận động, nhận thức, ý thức, ý thức chấp hành, chấp hành, nghiêm chỉnh chấp hành
    """#

    /// Laws, legal instruments and the vocabulary of legal texts.
    static let legal = #"""
    luật, bộ luật, hiến pháp, pháp luật, pháp lệnh, pháp luật về, hệ thống pháp luật, quy phạm pháp luật
    luật tổ chức chính quyền địa phương, luật tổ chức chính phủ, luật ban hành văn bản quy phạm pháp luật
    luật đất đai, luật ngân sách nhà nước, luật đầu tư công, luật đầu tư, luật xây dựng, luật cán bộ công chức
    luật cán bộ công chức và luật viên chức, luật viên chức, luật thi đua khen thưởng, luật xử lý vi phạm hành chính
    luật khiếu nại, luật tố cáo, luật tiếp công dân, luật phòng chống tham nhũng, luật giáo dục, luật giáo dục đại học
    luật giáo dục nghề nghiệp, luật bảo vệ môi trường, luật giao thông đường bộ, luật trật tự an toàn giao thông đường bộ
    luật đường bộ, luật hộ tịch, luật cư trú, luật căn cước, luật căn cước công dân, luật quy hoạch, luật quy hoạch đô thị
    luật nhà ở, luật kinh doanh bất động sản, luật đấu thầu, luật doanh nghiệp, luật hợp tác xã, luật quản lý thuế
    luật thuế, luật kế toán, luật kiểm toán nhà nước, luật quản lý sử dụng tài sản công, luật quản lý nợ công
    luật phí và lệ phí, luật giá, luật thống kê, luật lưu trữ, luật tiếp cận thông tin, luật báo chí, luật an ninh mạng
    luật công nghệ thông tin, luật giao dịch điện tử, luật viễn thông, luật khám bệnh chữa bệnh, luật bảo hiểm y tế
    luật bảo hiểm xã hội, luật việc làm, bộ luật lao động, bộ luật dân sự, bộ luật hình sự, bộ luật tố tụng hình sự
    bộ luật tố tụng dân sự, luật tố tụng hành chính, luật hôn nhân và gia đình, luật nuôi con nuôi, luật trẻ em
    luật người cao tuổi, luật người khuyết tật, luật bình đẳng giới, luật phòng chống bạo lực gia đình
    luật thanh niên, luật tín ngưỡng tôn giáo, luật di sản văn hóa, luật du lịch, luật thể dục thể thao
    luật lâm nghiệp, luật thủy sản, luật trồng trọt, luật chăn nuôi, luật thú y, luật bảo vệ và kiểm dịch thực vật
    luật thủy lợi, luật tài nguyên nước, luật khoáng sản, luật đa dạng sinh học, luật phòng chống thiên tai
    luật đê điều, luật phòng cháy chữa cháy, luật phòng cháy chữa cháy và cứu nạn cứu hộ, luật quốc phòng
    luật công an nhân dân, luật nghĩa vụ quân sự, luật dân quân tự vệ, luật an ninh quốc gia, luật biên giới quốc gia
    luật xuất cảnh nhập cảnh, luật quốc tịch, luật chứng thực, luật công chứng, luật luật sư, luật trợ giúp pháp lý
    luật hòa giải ở cơ sở, luật phổ biến giáo dục pháp luật, luật thực hiện dân chủ ở cơ sở, luật thanh tra
    luật kiểm toán, luật thi hành án dân sự, luật thi hành án hình sự, luật đặc xá, luật trưng cầu ý dân
    luật bầu cử đại biểu quốc hội và đại biểu hội đồng nhân dân, luật tổ chức quốc hội, luật mặt trận tổ quốc việt nam
    luật sửa đổi bổ sung, luật sửa đổi bổ sung một số điều, sửa đổi bổ sung một số điều, một số điều, một số điều của luật
    nghị định của chính phủ, nghị định số, nghị quyết của quốc hội, nghị quyết của chính phủ, quyết định của thủ tướng
    quyết định của thủ tướng chính phủ, chỉ thị của thủ tướng chính phủ, thông tư của bộ trưởng, thông tư của bộ
    quy định chi tiết, quy định chi tiết thi hành, quy định chi tiết một số điều, hướng dẫn thi hành, hướng dẫn thực hiện
    biện pháp thi hành, chi tiết và hướng dẫn thi hành, chi tiết một số điều, trình tự thủ tục, trình tự, thủ tục
    hồ sơ thủ tục, điều kiện, đủ điều kiện, không đủ điều kiện, đối tượng, đối tượng áp dụng, phạm vi điều chỉnh
    phạm vi, phạm vi áp dụng, áp dụng, giải thích từ ngữ, nguyên tắc, mục đích, yêu cầu, mục đích yêu cầu
    điều khoản thi hành, hiệu lực thi hành, tổ chức thi hành, quy định chuyển tiếp, chuyển tiếp, xử lý chuyển tiếp
    pháp nhân, thể nhân, hành vi, hành vi vi phạm, hành vi vi phạm pháp luật, trái pháp luật, hợp pháp, bất hợp pháp
    truy cứu trách nhiệm hình sự, trách nhiệm hình sự, trách nhiệm dân sự, trách nhiệm hành chính, bồi thường thiệt hại
    tố tụng, khởi kiện, khởi tố, điều tra, truy tố, xét xử, bản án, quyết định hành chính, hành vi hành chính
    khiếu kiện, khiếu nại lần đầu, khiếu nại lần hai, người khiếu nại, người bị khiếu nại, người tố cáo, người bị tố cáo
    người có quyền lợi nghĩa vụ liên quan, quyền lợi hợp pháp, quyền và lợi ích hợp pháp, lợi ích hợp pháp
    trợ giúp pháp lý, tư vấn pháp luật, hòa giải ở cơ sở, hòa giải viên, tổ hòa giải, pháp chế, thẩm định, thẩm tra
    thẩm định văn bản, rà soát, rà soát văn bản, hệ thống hóa, hệ thống hóa văn bản, kiểm tra văn bản, hợp nhất văn bản
    """#

    /// Land, housing, construction and urban planning.
    static let land = #"""
    đất đai, quản lý đất đai, quyền sử dụng đất, sử dụng đất, người sử dụng đất, giấy chứng nhận quyền sử dụng đất
    quyền sở hữu nhà ở, quyền sở hữu nhà ở và tài sản khác gắn liền với đất, tài sản khác gắn liền với đất
    tài sản gắn liền với đất, gắn liền với đất, gắn liền, quyền sở hữu, sở hữu, chủ sở hữu, quyền sở hữu tài sản
    thu hồi đất, giao đất, cho thuê đất, giao đất cho thuê đất, chuyển mục đích sử dụng đất, mục đích sử dụng đất
    chuyển mục đích, bồi thường, hỗ trợ, tái định cư, bồi thường hỗ trợ tái định cư, bồi thường hỗ trợ và tái định cư
    giải phóng mặt bằng, mặt bằng, bàn giao mặt bằng, khu tái định cư, phương án bồi thường, kiểm đếm, kiểm kê
    quy hoạch sử dụng đất, kế hoạch sử dụng đất, kế hoạch sử dụng đất hằng năm, quy hoạch, kế hoạch, quy hoạch tỉnh
    đất nông nghiệp, đất phi nông nghiệp, đất ở, đất ở tại nông thôn, đất ở tại đô thị, đất rừng, đất rừng sản xuất
    đất rừng phòng hộ, đất rừng đặc dụng, đất trồng lúa, đất trồng lúa nước, đất trồng cây hằng năm, đất trồng cây lâu năm
    đất nuôi trồng thủy sản, đất làm muối, đất công ích, đất chưa sử dụng, đất thương mại dịch vụ, đất sản xuất kinh doanh
    đất cơ sở sản xuất phi nông nghiệp, đất khu công nghiệp, đất cụm công nghiệp, đất giao thông, đất thủy lợi
    đất quốc phòng, đất an ninh, đất nghĩa trang, đất tôn giáo, đất tín ngưỡng, đất sông ngòi, đất xây dựng trụ sở
    thửa đất, số thửa, tờ bản đồ, tờ bản đồ số, thửa đất số, diện tích, diện tích đất, tổng diện tích, mét vuông
    héc ta, ranh giới, mốc giới, cắm mốc, tọa độ, vị trí, địa điểm, khu đất, lô đất, quỹ đất, nguồn gốc sử dụng đất
    đăng ký đất đai, đăng ký biến động, biến động đất đai, đăng ký lần đầu, cấp giấy chứng nhận, cấp đổi, cấp lại
    cấp đổi giấy chứng nhận, cấp lại giấy chứng nhận, đính chính giấy chứng nhận, thu hồi giấy chứng nhận
    địa chính, đo đạc, đo đạc địa chính, bản đồ địa chính, hồ sơ địa chính, cơ sở dữ liệu đất đai, trích đo, trích lục bản đồ
    chuyển nhượng, chuyển nhượng quyền sử dụng đất, tặng cho, tặng cho quyền sử dụng đất, thừa kế, thừa kế quyền sử dụng đất
    thế chấp, thế chấp quyền sử dụng đất, góp vốn, góp vốn bằng quyền sử dụng đất, cho thuê lại, chuyển đổi quyền sử dụng đất
    tách thửa, hợp thửa, tách thửa hợp thửa, tranh chấp đất đai, tranh chấp, hòa giải tranh chấp đất đai, lấn chiếm
    lấn chiếm đất đai, sử dụng đất sai mục đích, hủy hoại đất, giá đất, bảng giá đất, giá đất cụ thể, hệ số điều chỉnh giá đất
    tiền sử dụng đất, tiền thuê đất, miễn giảm tiền sử dụng đất, ghi nợ tiền sử dụng đất, nghĩa vụ tài chính, thuế sử dụng đất
    đấu giá, đấu giá quyền sử dụng đất, đấu giá tài sản, đấu giá viên, trúng đấu giá, nhà ở, nhà ở xã hội
    phát triển nhà ở, nhà ở thương mại, chung cư, khu đô thị, khu dân cư, dự án khu dân cư, bất động sản, thị trường bất động sản
    xây dựng, đầu tư xây dựng, dự án đầu tư xây dựng, công trình, công trình xây dựng, hạng mục, hạng mục công trình
    giấy phép xây dựng, cấp giấy phép xây dựng, quy hoạch xây dựng, quy hoạch chung, quy hoạch phân khu, quy hoạch chi tiết
    quy hoạch chi tiết xây dựng, tỷ lệ, đồ án quy hoạch, điều chỉnh quy hoạch, quy hoạch đô thị, đô thị, đô thị loại
    chỉnh trang đô thị, hạ tầng, hạ tầng kỹ thuật, hạ tầng kỹ thuật đô thị, hạ tầng xã hội, kết cấu hạ tầng
    thiết kế, thiết kế cơ sở, thiết kế bản vẽ thi công, bản vẽ thi công, thi công, thi công xây dựng, giám sát thi công
    tư vấn, tư vấn giám sát, tư vấn thiết kế, khảo sát, khảo sát địa hình, báo cáo kinh tế kỹ thuật, báo cáo nghiên cứu khả thi
    nghiên cứu khả thi, tiền khả thi, chủ trương đầu tư, quyết định chủ trương đầu tư, chấp thuận chủ trương đầu tư
    tổng mức đầu tư, dự toán xây dựng, chi phí xây dựng, suất vốn đầu tư, định mức, đơn giá, định mức kinh tế kỹ thuật
    nghiệm thu, nghiệm thu hoàn thành, đưa vào sử dụng, bảo hành, bảo trì, sửa chữa, cải tạo, nâng cấp, mở rộng
    sửa chữa nâng cấp, cải tạo nâng cấp, xây mới, xây dựng mới, tu bổ, phá dỡ, cưỡng chế phá dỡ, trật tự xây dựng
    vật liệu xây dựng, xi măng, sắt thép, cát sỏi, đá xây dựng, mỏ đất, mỏ cát, bãi tập kết, kè, kè chắn sóng
    """#

    /// Budget, finance, tax and procurement.
    static let finance = #"""
    tài chính, ngân sách, ngân sách nhà nước, ngân sách địa phương, ngân sách trung ương, ngân sách tỉnh, ngân sách huyện
    ngân sách xã, ngân sách cấp tỉnh, ngân sách cấp huyện, ngân sách cấp xã, các cấp ngân sách, dự toán ngân sách
    dự toán, dự toán thu, dự toán chi, dự toán ngân sách nhà nước, quyết toán, quyết toán ngân sách, công khai ngân sách
    thu ngân sách, chi ngân sách, thu chi, thu chi ngân sách, cân đối ngân sách, cân đối, bội chi, bội thu, kết dư
    chuyển nguồn, số dư, tồn quỹ, tạm ứng, hoàn ứng, tạm ứng ngân sách, bổ sung có mục tiêu, bổ sung cân đối
    dự phòng ngân sách, quỹ dự trữ tài chính, tăng thu, vượt thu, hụt thu, nguồn tăng thu, tiết kiệm chi, cắt giảm
    chi thường xuyên, chi đầu tư, chi đầu tư phát triển, chi sự nghiệp, chi quản lý hành chính, chi khác, chi trả
    kinh phí, kinh phí thực hiện, nguồn kinh phí, bố trí kinh phí, cấp kinh phí, phân bổ kinh phí, phân bổ, giao dự toán
    nguồn vốn, vốn, vốn đầu tư, vốn đầu tư công, đầu tư công, kế hoạch đầu tư công, kế hoạch đầu tư công trung hạn
    trung hạn, vốn ngân sách, vốn ngân sách nhà nước, vốn ngân sách trung ương, vốn ngân sách địa phương, vốn đối ứng
    vốn vay, vốn ODA, vốn ưu đãi, vốn sự nghiệp, vốn xã hội hóa, xã hội hóa, huy động, huy động vốn, nguồn lực
    giải ngân, tỷ lệ giải ngân, giải ngân vốn, thanh toán, thanh toán vốn, quyết toán vốn, quyết toán dự án hoàn thành
    dự án hoàn thành, thẩm tra quyết toán, phê duyệt quyết toán, kiểm soát chi, kho bạc, tài khoản, tài khoản tiền gửi
    thuế, phí, lệ phí, phí và lệ phí, thu phí, mức thu, mức thu phí, miễn, giảm, miễn giảm, miễn thuế, giảm thuế, hoàn thuế
    thuế giá trị gia tăng, thuế thu nhập doanh nghiệp, thuế thu nhập cá nhân, thuế tiêu thụ đặc biệt, thuế tài nguyên
    thuế xuất khẩu, thuế nhập khẩu, thuế bảo vệ môi trường, thuế sử dụng đất nông nghiệp, thuế sử dụng đất phi nông nghiệp
    lệ phí trước bạ, lệ phí cấp giấy chứng nhận, mã số thuế, người nộp thuế, nộp thuế, nợ thuế, nợ đọng, thu nợ
    tiền, đồng, triệu đồng, tỷ đồng, nghìn đồng, ngàn đồng, bằng chữ, số tiền, tổng số tiền, tổng cộng, tổng số
    tổng kinh phí, tổng vốn, giá trị, giá trị hợp đồng, giá gói thầu, dự toán gói thầu, đơn giá, thành tiền, chi phí
    tài sản công, tài sản nhà nước, quản lý tài sản công, mua sắm, mua sắm tài sản, mua sắm tập trung, trang thiết bị
    đấu thầu, nhà thầu, gói thầu, chỉ định thầu, lựa chọn nhà thầu, kế hoạch lựa chọn nhà thầu, hồ sơ mời thầu
    hồ sơ yêu cầu, hồ sơ dự thầu, đấu thầu rộng rãi, chào hàng cạnh tranh, mua sắm trực tiếp, tự thực hiện, kết quả lựa chọn nhà thầu
    hợp đồng, ký kết hợp đồng, thực hiện hợp đồng, thanh lý hợp đồng, bảo lãnh, bảo lãnh thực hiện hợp đồng, tạm ứng hợp đồng
    kế toán, chế độ kế toán, sổ kế toán, chứng từ, hóa đơn, hóa đơn điện tử, báo cáo tài chính, kiểm toán, kiểm toán độc lập
    kiểm toán nhà nước, kiểm toán viên, thanh tra tài chính, thất thoát, sai phạm, thu hồi nộp ngân sách, nộp ngân sách
    ngân hàng, tín dụng, tín dụng chính sách, cho vay, vay vốn, lãi suất, nợ, nợ xấu, nợ công, trái phiếu, cổ phần hóa
    giá, giá cả, bình ổn giá, thẩm định giá, giá trị sản xuất, tổng sản phẩm, tăng trưởng, tốc độ tăng trưởng, thu nhập
    thu nhập bình quân, bình quân đầu người, kinh tế, kinh tế xã hội, phát triển kinh tế xã hội, tình hình kinh tế xã hội
    kinh tế tư nhân, kinh tế tập thể, kinh tế nhà nước, thành phần kinh tế, chỉ tiêu, các chỉ tiêu, chỉ tiêu chủ yếu
    """#

    /// Plans, programmes, projects and the language of reports.
    static let planning = #"""
    kế hoạch phát triển kinh tế xã hội, chương trình mục tiêu quốc gia, chương trình mục tiêu, mục tiêu quốc gia
    nông thôn mới, xây dựng nông thôn mới, nông thôn mới nâng cao, nông thôn mới kiểu mẫu, giảm nghèo bền vững
    giảm nghèo, hộ nghèo, hộ cận nghèo, thoát nghèo, chuẩn nghèo, vùng đồng bào dân tộc thiểu số và miền núi
    đồng bào dân tộc thiểu số, dân tộc thiểu số, miền núi, vùng sâu vùng xa, đặc biệt khó khăn, vùng khó khăn
    mục tiêu, nhiệm vụ, giải pháp, nhiệm vụ và giải pháp, nhiệm vụ giải pháp, nhiệm vụ trọng tâm, giải pháp chủ yếu
    mục tiêu tổng quát, mục tiêu cụ thể, định hướng, tầm nhìn, chiến lược, quan điểm, chủ trương, đường lối, chính sách
    đột phá, khâu đột phá, trọng tâm, trọng điểm, ưu tiên, cấp bách, cấp thiết, sự cần thiết, cơ sở pháp lý
    tình hình, thực trạng, kết quả đạt được, kết quả thực hiện, tình hình thực hiện, đánh giá kết quả, tồn tại
    hạn chế, tồn tại hạn chế, tồn tại và hạn chế, khó khăn, vướng mắc, khó khăn vướng mắc, nguyên nhân, nguyên nhân chủ quan
    nguyên nhân khách quan, bài học kinh nghiệm, kinh nghiệm, phương hướng, phương hướng nhiệm vụ, thời gian tới
    trong thời gian tới, thời gian qua, trong thời gian qua, năm qua, vừa qua, sắp tới, thời gian đến, tới đây
    cùng kỳ, so với cùng kỳ, so với kế hoạch, đạt kế hoạch, vượt kế hoạch, đạt tỷ lệ, tỷ lệ, phần trăm, bình quân
    tăng so với, giảm so với, tương đương, khoảng, ước đạt, ước thực hiện, dự kiến, dự báo, kết quả cụ thể, cụ thể
    như sau, cụ thể như sau, bao gồm, trong đó, ngoài ra, bên cạnh đó, đồng thời, tuy nhiên, vì vậy, do đó
    theo đó, nhằm, nhằm mục đích, để đảm bảo, bảo đảm, đảm bảo, đảm bảo an toàn, bảo đảm an toàn, trên cơ sở
    căn cứ vào, dựa trên, theo hướng, phù hợp, phù hợp với, phù hợp với quy định, thống nhất với, tương ứng
    đối với, liên quan, liên quan đến, có liên quan đến, về mặt, về cơ bản, cơ bản, nhìn chung, nói chung
    chủ yếu, chủ lực, quan trọng, cần thiết, hợp lý, khả thi, hiệu quả, bền vững, phát triển bền vững, toàn diện
    đổi mới, sáng tạo, đổi mới sáng tạo, khởi nghiệp, khởi nghiệp đổi mới sáng tạo, hội nhập, hội nhập quốc tế, hợp tác
    hợp tác quốc tế, đối ngoại, ngoại giao, xúc tiến, xúc tiến đầu tư, xúc tiến thương mại, thu hút đầu tư, môi trường đầu tư
    môi trường kinh doanh, năng lực cạnh tranh, chỉ số năng lực cạnh tranh, chỉ số cải cách hành chính, chỉ số hài lòng
    sự hài lòng, mức độ hài lòng, chỉ số, xếp hạng, khảo sát, điều tra, thống kê, số liệu, số liệu thống kê
    tổng điều tra, điều tra dân số, dân số, dân số và nhà ở, lao động, nguồn nhân lực, nhân lực, việc làm, giải quyết việc làm
    """#

    /// Education and training.
    static let education = #"""
    giáo dục, đào tạo, giáo dục và đào tạo, giáo dục mầm non, mầm non, nhà trẻ, mẫu giáo, trường mầm non, trường mẫu giáo
    giáo dục phổ thông, phổ thông, tiểu học, trung học cơ sở, trung học phổ thông, trường tiểu học, trường trung học cơ sở
    trường trung học phổ thông, trường phổ thông dân tộc nội trú, phổ thông dân tộc nội trú, dân tộc nội trú, bán trú
    trường phổ thông dân tộc bán trú, trường liên cấp, trường chuyên, trường trung học phổ thông chuyên, giáo dục thường xuyên
    giáo dục nghề nghiệp, giáo dục đại học, đại học, cao đẳng, trung cấp, trường đại học, trường cao đẳng, trường trung cấp
    trường học, nhà trường, lớp học, phòng học, điểm trường, học sinh, sinh viên, học viên, giáo viên, giảng viên
    nhà giáo, cán bộ quản lý, cán bộ quản lý giáo dục, đội ngũ, đội ngũ nhà giáo, đội ngũ giáo viên, nhân viên trường học
    năm học, học kỳ, học kỳ một, học kỳ hai, khai giảng, bế giảng, tổng kết năm học, tuyển sinh, kỳ thi, thi tốt nghiệp
    kỳ thi tốt nghiệp trung học phổ thông, tốt nghiệp, bằng tốt nghiệp, văn bằng, chứng chỉ, học bạ, xét tốt nghiệp
    phổ cập giáo dục, xóa mù chữ, phổ cập giáo dục tiểu học, phổ cập giáo dục mầm non, chương trình giáo dục phổ thông
    chương trình giáo dục, sách giáo khoa, thiết bị dạy học, đồ dùng dạy học, cơ sở vật chất, cơ sở vật chất trường học
    kiên cố hóa, kiên cố hóa trường lớp, trường chuẩn quốc gia, đạt chuẩn quốc gia, kiểm định chất lượng, kiểm định chất lượng giáo dục
    chất lượng giáo dục, dạy học, giảng dạy, học tập, học tập suốt đời, xã hội học tập, khuyến học, khuyến tài, khuyến học khuyến tài
    học bổng, học phí, miễn giảm học phí, hỗ trợ chi phí học tập, chi phí học tập, bữa ăn trưa, học sinh bán trú
    học sinh giỏi, thi học sinh giỏi, học sinh khá, hạnh kiểm, học lực, lên lớp, lưu ban, bỏ học, chuyển trường
    ngoại ngữ, tin học, tiếng anh, tiếng việt, ngữ văn, toán học, lịch sử, địa lý, giáo dục công dân, thể dục
    giáo dục thể chất, hoạt động trải nghiệm, hướng nghiệp, phân luồng, giáo dục kỹ năng sống, kỹ năng sống
    """#

    /// Health.
    static let health = #"""
    y tế, ngành y tế, bệnh viện, bệnh viện đa khoa, bệnh viện đa khoa tỉnh, bệnh viện sản nhi, bệnh viện tâm thần
    bệnh viện y học cổ truyền, y học cổ truyền, bệnh viện phục hồi chức năng, phục hồi chức năng, trung tâm y tế huyện
    trạm y tế, trạm y tế xã, phòng khám, phòng khám đa khoa, phòng khám đa khoa khu vực, cơ sở khám bệnh chữa bệnh
    khám chữa bệnh, khám bệnh, chữa bệnh, khám bệnh chữa bệnh, điều trị, điều trị nội trú, điều trị ngoại trú
    bảo hiểm y tế, thẻ bảo hiểm y tế, bảo hiểm y tế toàn dân, người tham gia bảo hiểm y tế, bao phủ bảo hiểm y tế
    y tế dự phòng, y tế cơ sở, y tế công cộng, phòng chống dịch, phòng chống dịch bệnh, dịch bệnh, dịch, bệnh truyền nhiễm
    tiêm chủng, tiêm chủng mở rộng, vắc xin, tiêm vắc xin, sức khỏe, chăm sóc sức khỏe, bảo vệ sức khỏe, sức khỏe nhân dân
    chăm sóc sức khỏe ban đầu, sức khỏe sinh sản, sức khỏe bà mẹ trẻ em, suy dinh dưỡng, dinh dưỡng, an toàn thực phẩm
    vệ sinh an toàn thực phẩm, ngộ độc thực phẩm, ngộ độc, vệ sinh, vệ sinh môi trường, nước sạch, nước sinh hoạt
    dân số, kế hoạch hóa gia đình, dân số kế hoạch hóa gia đình, công tác dân số, mất cân bằng giới tính khi sinh
    bác sĩ, y sĩ, điều dưỡng, dược sĩ, hộ sinh, nhân viên y tế, cán bộ y tế, y bác sĩ, thầy thuốc, lương y
    thuốc, dược, dược phẩm, thuốc chữa bệnh, trang thiết bị y tế, thiết bị y tế, vật tư y tế, giường bệnh, bệnh nhân
    người bệnh, người nhiễm, ca bệnh, ca mắc, mắc bệnh, tử vong, ca tử vong, sốt xuất huyết, tay chân miệng
    bệnh dại, cúm, lao, phong, sốt rét, bệnh không lây nhiễm, ung thư, tăng huyết áp, đái tháo đường, tâm thần
    """#

    /// Transport.
    static let transport = #"""
    giao thông, giao thông vận tải, vận tải, giao thông đường bộ, đường bộ, đường thủy, đường thủy nội địa, đường sắt
    hàng không, hàng hải, quốc lộ, tỉnh lộ, đường tỉnh, đường huyện, đường xã, đường đô thị, đường giao thông, đường giao thông nông thôn
    giao thông nông thôn, cầu, cầu đường, cầu treo, cầu cảng, cảng, cảng biển, cảng cá, bến, bến xe, bến thủy nội địa, bến đò
    sân bay, cảng hàng không, cao tốc, đường cao tốc, đường ven biển, đường vành đai, nút giao, hầm, hành lang an toàn
    an toàn giao thông, trật tự an toàn giao thông, bảo đảm trật tự an toàn giao thông, ban an toàn giao thông
    tai nạn giao thông, kiềm chế tai nạn giao thông, ùn tắc giao thông, ùn tắc, phương tiện, phương tiện giao thông
    người tham gia giao thông, xe ô tô, ô tô, xe máy, mô tô, xe mô tô, xe gắn máy, xe đạp, xe khách, xe tải, xe buýt
    xe cơ giới, phương tiện cơ giới, phương tiện thủy, tàu cá, tàu thuyền, giấy phép lái xe, đăng ký xe, biển số
    đăng kiểm, kiểm định, tải trọng, quá tải, kiểm soát tải trọng, lái xe, người điều khiển, nồng độ cồn, tốc độ
    vận tải hành khách, vận tải hàng hóa, hành khách, hàng hóa, vận chuyển, lưu thông, kết nối, kết nối giao thông
    bảo trì đường bộ, quản lý bảo trì, duy tu, duy tu bảo dưỡng, sửa chữa đường, hư hỏng, sạt lở, sạt lở đất
    """#

    /// Civil status, residence, identity and notarisation.
    static let civilStatus = #"""
    hộ tịch, đăng ký hộ tịch, sổ hộ tịch, khai sinh, đăng ký khai sinh, giấy khai sinh, trích lục khai sinh
    khai tử, đăng ký khai tử, giấy báo tử, trích lục khai tử, kết hôn, đăng ký kết hôn, giấy chứng nhận kết hôn
    ly hôn, hôn nhân, hôn nhân và gia đình, tình trạng hôn nhân, xác nhận tình trạng hôn nhân, giấy xác nhận tình trạng hôn nhân
    nhận cha mẹ con, nhận cha con, nhận mẹ con, giám hộ, đăng ký giám hộ, chấm dứt giám hộ, nuôi con nuôi, đăng ký nuôi con nuôi
    thay đổi hộ tịch, cải chính hộ tịch, bổ sung hộ tịch, xác định lại dân tộc, thay đổi cải chính hộ tịch
    ghi vào sổ hộ tịch, trích lục hộ tịch, bản sao trích lục, cấp bản sao trích lục, có yếu tố nước ngoài, yếu tố nước ngoài
    cư trú, đăng ký cư trú, thường trú, tạm trú, tạm vắng, đăng ký thường trú, đăng ký tạm trú, khai báo tạm vắng
    lưu trú, thông báo lưu trú, hộ khẩu, sổ hộ khẩu, sổ tạm trú, chủ hộ, nhân khẩu, thành viên hộ gia đình
    căn cước, căn cước công dân, thẻ căn cước, thẻ căn cước công dân, chứng minh nhân dân, giấy chứng minh nhân dân
    số định danh, số định danh cá nhân, mã định danh, định danh cá nhân, công dân việt nam, người nước ngoài, quốc tịch
    quốc tịch việt nam, hộ chiếu, xuất cảnh, nhập cảnh, xuất nhập cảnh, chứng thực, chứng thực bản sao, chứng thực chữ ký
    chứng thực hợp đồng, chứng thực bản sao từ bản chính, công chứng, văn phòng công chứng, công chứng viên, phòng công chứng
    họ và tên, họ tên, ngày sinh, ngày tháng năm sinh, năm sinh, nơi sinh, giới tính, dân tộc, tôn giáo, quê quán
    nơi cư trú, nơi thường trú, nơi ở hiện nay, nơi ở, địa chỉ, địa chỉ thường trú, số điện thoại, điện thoại
    nghề nghiệp, trình độ, trình độ chuyên môn, trình độ học vấn, chức vụ, nơi công tác, đơn vị công tác
    cha, mẹ, vợ, chồng, con, anh, chị, em, ông, bà, người yêu cầu, người được giám hộ, người đi đăng ký, người làm chứng
    quan hệ, quan hệ với người được, cha mẹ, ông bà, vợ chồng, con cái, anh chị em, người thân, người đại diện
    """#

    /// Labour, social affairs, people with merit, children.
    static let labourSocial = #"""
    lao động, thương binh, lao động thương binh và xã hội, xã hội, an sinh xã hội, bảo trợ xã hội, trợ giúp xã hội
    người có công, người có công với cách mạng, thương binh liệt sĩ, liệt sĩ, thân nhân liệt sĩ, gia đình liệt sĩ
    bệnh binh, mẹ việt nam anh hùng, anh hùng, trợ cấp, trợ cấp xã hội, trợ cấp hằng tháng, trợ cấp một lần, chế độ trợ cấp
    ưu đãi, ưu đãi người có công, người cao tuổi, người khuyết tật, trẻ em, trẻ em có hoàn cảnh đặc biệt, hoàn cảnh khó khăn
    hoàn cảnh đặc biệt khó khăn, mồ côi, đối tượng bảo trợ xã hội, cơ sở bảo trợ xã hội, chăm sóc, nuôi dưỡng, cứu trợ
    cứu đói, hỗ trợ khẩn cấp, cứu trợ đột xuất, gạo cứu đói, tết, quà tết, tặng quà, thăm hỏi, động viên, đền ơn đáp nghĩa
    nhà tình nghĩa, nhà đại đoàn kết, nhà tình thương, xóa nhà tạm, nhà tạm, nhà dột nát, quỹ vì người nghèo
    bảo hiểm xã hội tự nguyện, bảo hiểm xã hội bắt buộc, bảo hiểm thất nghiệp, trợ cấp thất nghiệp, lương hưu, hưu trí
    người lao động, người sử dụng lao động, hợp đồng lao động, quan hệ lao động, an toàn vệ sinh lao động, tai nạn lao động
    xuất khẩu lao động, đi làm việc ở nước ngoài, giáo dục nghề nghiệp, dạy nghề, đào tạo nghề, học nghề, việc làm
    bình đẳng giới, phụ nữ, thanh niên, thiếu niên, nhi đồng, gia đình, hạnh phúc, bạo lực gia đình, phòng chống bạo lực
    tệ nạn xã hội, phòng chống tệ nạn xã hội, ma túy, cai nghiện, cai nghiện ma túy, người nghiện, mại dâm, buôn bán người
    """#

    /// Agriculture, forestry, fisheries, environment and natural resources.
    static let agricultureEnvironment = #"""
    nông nghiệp, nông thôn, nông dân, phát triển nông thôn, nông nghiệp và phát triển nông thôn, lâm nghiệp, ngư nghiệp
    thủy sản, thủy lợi, nông lâm nghiệp, nông lâm thủy sản, trồng trọt, chăn nuôi, thú y, bảo vệ thực vật, khuyến nông
    sản xuất nông nghiệp, sản xuất, cây trồng, vật nuôi, gia súc, gia cầm, lúa, lúa nước, ngô, sắn, mía, keo, cây keo
    cây ăn quả, cây công nghiệp, rau màu, hoa màu, vụ mùa, vụ đông xuân, vụ hè thu, năng suất, sản lượng, diện tích gieo trồng
    dịch bệnh gia súc, dịch tả lợn châu phi, lở mồm long móng, cúm gia cầm, tiêm phòng, kiểm dịch, giết mổ
    rừng, rừng phòng hộ, rừng đặc dụng, rừng sản xuất, trồng rừng, bảo vệ rừng, phát triển rừng, bảo vệ và phát triển rừng
    phá rừng, cháy rừng, phòng cháy chữa cháy rừng, giao rừng, khoán bảo vệ rừng, dịch vụ môi trường rừng, độ che phủ rừng
    khai thác, khai thác thủy sản, đánh bắt, nuôi trồng, nuôi trồng thủy sản, tàu cá, ngư dân, khai thác hải sản
    khai thác bất hợp pháp, không báo cáo, không theo quy định, chống khai thác hải sản bất hợp pháp, thẻ vàng
    thẻ vàng của ủy ban châu âu, nhật ký khai thác, giám sát hành trình, thiết bị giám sát hành trình
    môi trường, bảo vệ môi trường, ô nhiễm, ô nhiễm môi trường, chất thải, chất thải rắn, rác thải, rác thải sinh hoạt
    thu gom, xử lý chất thải, nước thải, khí thải, tác động môi trường, đánh giá tác động môi trường, giấy phép môi trường
    quan trắc, quan trắc môi trường, biến đổi khí hậu, ứng phó với biến đổi khí hậu, thiên tai, phòng chống thiên tai
    phòng chống thiên tai và tìm kiếm cứu nạn, tìm kiếm cứu nạn, cứu nạn cứu hộ, bão, lũ, lụt, bão lũ, mưa lũ, hạn hán
    xâm nhập mặn, ngập lụt, lũ quét, sạt lở bờ sông, sạt lở bờ biển, di dời, sơ tán, khắc phục hậu quả, thiệt hại
    tài nguyên, tài nguyên thiên nhiên, tài nguyên và môi trường, tài nguyên nước, khoáng sản, khai thác khoáng sản
    giấy phép khai thác khoáng sản, hoạt động khoáng sản, thăm dò, cát xây dựng, biển, hải đảo, biển và hải đảo, vùng biển
    khí tượng, thủy văn, khí tượng thủy văn, đo đạc và bản đồ, viễn thám, đa dạng sinh học, khu bảo tồn, bảo tồn
    hồ chứa, hồ chứa nước, đập, kênh mương, kiên cố hóa kênh mương, công trình thủy lợi, tưới tiêu, nước tưới, đê điều
    """#

    /// Industry, trade, energy, science and enterprises.
    static let industryTrade = #"""
    công nghiệp, thương mại, công thương, dịch vụ, thương mại dịch vụ, du lịch, khu công nghiệp, cụm công nghiệp, khu kinh tế
    khu kinh tế dung quất, dung quất, nhà máy, nhà máy lọc dầu, lọc dầu, lọc hóa dầu, điện, điện lực, năng lượng, năng lượng tái tạo
    điện mặt trời, điện gió, thủy điện, lưới điện, cấp điện, tiết kiệm năng lượng, xăng dầu, khí, xuất khẩu, nhập khẩu
    xuất nhập khẩu, kim ngạch, kim ngạch xuất khẩu, thị trường, chợ, siêu thị, trung tâm thương mại, hàng giả, hàng lậu
    buôn lậu, gian lận thương mại, chống buôn lậu, hàng giả và gian lận thương mại, bảo vệ quyền lợi người tiêu dùng
    người tiêu dùng, sản phẩm, hàng hóa, chất lượng sản phẩm, tiêu chuẩn, quy chuẩn, đo lường, chất lượng, sở hữu trí tuệ
    khoa học, công nghệ, khoa học và công nghệ, khoa học công nghệ, nghiên cứu, nghiên cứu khoa học, đề tài, sáng kiến
    chuyển giao công nghệ, ứng dụng khoa học, doanh nghiệp nhỏ và vừa, đăng ký kinh doanh, giấy chứng nhận đăng ký doanh nghiệp
    đăng ký doanh nghiệp, thành lập doanh nghiệp, ngành nghề kinh doanh, kinh doanh, sản xuất kinh doanh, hoạt động kinh doanh
    vốn điều lệ, người đại diện theo pháp luật, đại diện theo pháp luật, giải thể doanh nghiệp, tạm ngừng kinh doanh
    """#

    /// Culture, sport, tourism, information and communication, religion.
    static let cultureInformation = #"""
    văn hóa, thể thao, văn hóa thể thao, du lịch, văn hóa thể thao và du lịch, thông tin, truyền thông, thông tin và truyền thông
    di tích, di tích lịch sử, di tích lịch sử văn hóa, danh lam thắng cảnh, di sản, di sản văn hóa, lễ hội, lễ hội truyền thống
    bảo tàng, thư viện, nhà văn hóa, thiết chế văn hóa, đời sống văn hóa, gia đình văn hóa, khu dân cư văn hóa, nếp sống văn minh
    toàn dân đoàn kết xây dựng đời sống văn hóa, phong trào, phong trào thi đua, thể dục thể thao, thi đấu, giải thể thao
    vận động viên, huấn luyện viên, đại hội thể dục thể thao, văn nghệ, biểu diễn, nghệ thuật, nghệ nhân, quảng cáo
    báo chí, xuất bản, in, phát hành, bưu chính, viễn thông, internet, phát thanh, truyền hình, thông tin cơ sở, truyền thanh
    tin giả, thông tin sai sự thật, tôn giáo, tín ngưỡng, tín ngưỡng tôn giáo, cơ sở tôn giáo, chức sắc, tín đồ, dân tộc
    công tác dân tộc, chính sách dân tộc, dân tộc và tôn giáo, đồng bào, đồng bào các dân tộc, khối đại đoàn kết, đại đoàn kết
    khối đại đoàn kết toàn dân tộc, ngày hội đại đoàn kết, kỷ niệm, lễ kỷ niệm, ngày thành lập, truyền thống, ngày truyền thống
    """#

    /// Public security, defence, order.
    static let securityDefence = #"""
    quốc phòng, an ninh, quốc phòng an ninh, an ninh trật tự, trật tự, trật tự xã hội, an toàn xã hội, trật tự an toàn xã hội
    an ninh chính trị, an ninh chính trị trật tự an toàn xã hội, bảo vệ an ninh tổ quốc, tổ quốc, bảo vệ tổ quốc
    quân sự, quân đội, quân đội nhân dân, công an nhân dân, dân quân, dân quân tự vệ, lực lượng vũ trang, lực lượng
    tuyển quân, giao nhận quân, nghĩa vụ quân sự, gọi công dân nhập ngũ, nhập ngũ, xuất ngũ, quân nhân, sĩ quan
    diễn tập, phòng thủ, khu vực phòng thủ, biên giới, biên phòng, chủ quyền, chủ quyền biển đảo, biển đảo
    tội phạm, phòng chống tội phạm, tội phạm ma túy, tệ nạn, vi phạm pháp luật, an toàn, mất an toàn, nguy cơ
    phòng cháy, chữa cháy, phòng cháy chữa cháy, cứu hộ, cứu nạn, cháy nổ, vũ khí, vật liệu nổ, công cụ hỗ trợ
    vũ khí vật liệu nổ và công cụ hỗ trợ, thu hồi vũ khí, bảo vệ dân phố, an ninh trật tự ở cơ sở, lực lượng tham gia bảo vệ an ninh trật tự ở cơ sở
    phòng chống tội phạm tệ nạn xã hội, xây dựng phong trào toàn dân bảo vệ an ninh tổ quốc
    """#

    /// Frequent word pairs and phrases of administrative prose that do not belong to one domain.
    static let general = #"""
    các cấp các ngành, cấp ngành, các cấp, các ngành, các địa phương, địa phương, địa bàn, trên địa bàn, trên địa bàn tỉnh
    trên địa bàn huyện, trên địa bàn xã, trên địa bàn thành phố, trên phạm vi, trên phạm vi toàn tỉnh, toàn tỉnh, toàn quốc
    cả nước, trong nước, nước ngoài, quốc tế, quốc gia, khu vực, vùng, miền, miền trung, miền bắc, miền nam, tây nguyên
    duyên hải, duyên hải nam trung bộ, nam trung bộ, trung bộ, bắc trung bộ, đồng bằng, trung du, ven biển, hải đảo
    cấp tỉnh, cấp huyện, cấp xã, cấp thôn, cấp cơ sở, cơ sở, cấp trên, cấp dưới, cấp có thẩm quyền, có thẩm quyền
    cơ quan có thẩm quyền, người có thẩm quyền, thôn, tổ dân phố, khu phố, khối phố, xóm, ấp, bản, làng, buôn, thôn xóm
    xã, phường, thị trấn, huyện, quận, thị xã, thành phố, tỉnh, thành phố trực thuộc trung ương, tỉnh thành phố
    các huyện, các xã, các phường, các huyện thị xã thành phố, huyện thị xã thành phố, xã phường thị trấn, các xã phường thị trấn
    huyện đảo, huyện miền núi, xã miền núi, xã đảo, xã biên giới, xã đặc biệt khó khăn, thôn đặc biệt khó khăn
    đơn vị, các đơn vị, đơn vị hành chính cấp xã, đơn vị hành chính cấp huyện, đơn vị hành chính cấp tỉnh
    việc, công việc, công tác, hoạt động, tình hình, vấn đề, nội dung, lĩnh vực, các lĩnh vực, ngành, các ngành chức năng
    chức năng, lực lượng chức năng, có trách nhiệm, chịu trách nhiệm trước, trước pháp luật, trước ủy ban nhân dân tỉnh
    trước chủ tịch ủy ban nhân dân tỉnh, chủ tịch ủy ban nhân dân tỉnh, theo chỉ đạo, theo chỉ đạo của, theo yêu cầu
    theo kế hoạch, theo đúng, theo dõi, theo hướng dẫn, theo quy chế, theo thẩm quyền, theo phân cấp, theo chức năng
    thực hiện nhiệm vụ, thực hiện nghiêm, thực hiện tốt, thực hiện có hiệu quả, thực hiện đầy đủ, đầy đủ, chính xác, trung thực
    kịp thời chính xác, đầy đủ kịp thời, nhanh chóng, thuận lợi, tạo điều kiện, tạo điều kiện thuận lợi, thuận tiện
    giảm thời gian, tiết kiệm thời gian, chi phí, giảm chi phí, giảm thiểu, hạn chế, ngăn chặn, ngăn ngừa, phòng ngừa
    phát hiện, kịp thời phát hiện, phát hiện và xử lý, ngăn chặn và xử lý, xử lý kịp thời, xử lý nghiêm các trường hợp
    trường hợp, các trường hợp, trong trường hợp, trường hợp cần thiết, khi cần thiết, nếu có, nếu không, không được
    không có, không có ý kiến, có ý kiến, không thực hiện, chưa thực hiện, đã thực hiện, đang thực hiện, sẽ thực hiện
    tổ chức triển khai, triển khai thực hiện, triển khai có hiệu quả, quán triệt, quán triệt triển khai, quán triệt và triển khai
    sơ kết, tổng kết, sơ kết tổng kết, tổng kết đánh giá, đánh giá rút kinh nghiệm, báo cáo sơ kết, báo cáo tổng kết
    báo cáo ủy ban nhân dân tỉnh, báo cáo chủ tịch ủy ban nhân dân tỉnh, gửi về, gửi về sở, gửi báo cáo, gửi văn bản
    trước ngày, định kỳ hằng tháng, định kỳ hằng quý, định kỳ sáu tháng, định kỳ hằng năm, báo cáo định kỳ hằng năm
    để tổng hợp, để tổng hợp báo cáo, để thực hiện, để triển khai, để báo cáo, để xem xét, để giải quyết, để chỉ đạo
    để theo dõi, để phối hợp, để biết, để biết và thực hiện, để được, để đảm bảo, để bảo đảm, để kịp thời, để phục vụ
    để tổ chức, để tham mưu, để xử lý, để kiểm tra, để hướng dẫn, để thống nhất, để ban hành, để phê duyệt, để quản lý
    thực hiện việc, việc thực hiện, việc triển khai, việc tổ chức, việc quản lý, việc sử dụng, việc cấp, việc giải quyết
    tình hình thực tế, thực tế, thực tiễn, yêu cầu thực tiễn, điều kiện thực tế, phù hợp với thực tế, phù hợp với điều kiện
    cơ quan đơn vị địa phương, các cơ quan đơn vị địa phương, các sở ban ngành địa phương, sở ban ngành địa phương
    ban ngành đoàn thể, các ban ngành đoàn thể, các tổ chức đoàn thể, mặt trận tổ quốc và các đoàn thể, hệ thống chính trị
    cả hệ thống chính trị, toàn xã hội, toàn dân, nhân dân trên địa bàn, các tầng lớp nhân dân, quần chúng nhân dân
    đề nghị các cơ quan, đề nghị các đơn vị, yêu cầu các cơ quan, yêu cầu các đơn vị, giao các cơ quan, giao các đơn vị
    thống nhất thực hiện, thống nhất chủ trương, đồng ý chủ trương, chủ trương của tỉnh, chủ trương chính sách
    chủ trương chính sách của đảng, chính sách pháp luật, chính sách pháp luật của nhà nước, đường lối chủ trương
    đảng và nhà nước, của đảng và nhà nước, của nhà nước, của tỉnh, của huyện, của xã, của ủy ban nhân dân tỉnh
    của chủ tịch ủy ban nhân dân tỉnh, của chính phủ, của thủ tướng chính phủ, của bộ, của sở, của hội đồng nhân dân tỉnh
    về công tác, về việc thực hiện, về việc triển khai, về việc ban hành, về việc phê duyệt, về việc điều chỉnh, về việc giao
    nhiệm vụ năm, năm học mới, năm mới, mừng xuân, xuân, tết nguyên đán, đón tết, vui xuân, dịp tết, trước tết, sau tết
    hàng ngàn, hàng trăm, hàng chục, hàng triệu, hàng tỷ, một số, một số nơi, một số địa phương, nhiều nơi, nhiều địa phương
    nhiều, nhiều hơn, ít hơn, cao hơn, thấp hơn, tốt hơn, lớn hơn, cơ bản hoàn thành, hoàn thành, chưa hoàn thành, hoàn thiện
    hoàn chỉnh, chỉnh sửa, hoàn chỉnh hồ sơ, bổ sung hồ sơ, hồ sơ đề nghị, hồ sơ hợp lệ, hợp lệ, đầy đủ hợp lệ, hồ sơ đầy đủ
    tiếp thu, tiếp thu ý kiến, giải trình, tiếp thu giải trình, báo cáo giải trình, báo cáo tiếp thu, tiếp thu và giải trình
    """#

    /// Common words of general prose that administrative texts use all the time.
    static let common = #"""
    phấn đấu, nắm bắt, quan tâm, ảnh hưởng, tác động, kết cấu, biện pháp, dòng chảy, địa chất, vận hành, kỹ thuật
    hư hỏng, duy trì, khả năng, lộ trình, chặt chẽ, diễn biến, cung cấp, hiện hữu, chuẩn bị, hiện trạng, hiện nay
    hiện tại, hiện đại, hiện đại hóa, công nghiệp hóa, công nghiệp hóa hiện đại hóa, đô thị hóa, tự động hóa, hóa chất
    nghiên cứu, tìm hiểu, tìm kiếm, học hỏi, trao đổi, thảo luận, bàn bạc, thương lượng, đối thoại, lắng nghe
    tiếp cận, tiếp tục, tiếp theo, tiếp xúc, tiếp đón, liên tục, liên kết, liên hệ, liên lạc, liên doanh, liên ngành
    quan hệ, quan điểm, quan sát, quan trọng, quan niệm, cơ hội, thách thức, thuận lợi, khó khăn, thành công
    thành tựu, thành tích, thành quả, kết quả, hậu quả, hiệu quả, nguyên nhân, lý do, mục đích, mục tiêu, ý nghĩa
    vai trò, vị trí, vị thế, tầm quan trọng, sức mạnh, năng lực, trình độ, kinh nghiệm, kiến thức, kỹ năng, phẩm chất
    đạo đức, lối sống, tác phong, lề lối, uy tín, danh dự, trách nhiệm, nghĩa vụ, bổn phận, quyền lợi, lợi ích
    chung, riêng, chung cho, nói riêng, nói chung, riêng biệt, đặc biệt, đặc thù, đặc điểm, tính chất, tính năng
    an toàn, an ninh, an tâm, yên tâm, ổn định, bền vững, vững chắc, vững mạnh, lớn mạnh, phát triển, tăng trưởng
    mở rộng, thu hẹp, tăng lên, giảm xuống, tăng cao, gia tăng, suy giảm, sụt giảm, biến động, thay đổi, chuyển biến
    chuyển dịch, chuyển đổi, chuyển giao, chuyển tiếp, chuyển hướng, chuyển công tác, chuyển sang, chuyển về, di chuyển
    hình thành, hình thức, hình ảnh, hình thức kỷ luật, phương thức, phương pháp, phương tiện, phương châm, phương diện
    phương hướng, phương án, phương án xử lý, phương án phân luồng, mô hình, mô tả, quy mô, quy luật, quy cách
    tiêu chí, tiêu chuẩn, tiêu chuẩn kỹ thuật, định mức, định hướng, định kỳ, xác định, quyết định, khẳng định, ổn định
    cố định, nhất định, dự định, giả định, quy định, ấn định, thẩm định, giám định, kiểm định, phán quyết
    nội bộ, nội dung, nội quy, nội thất, nội địa, nội thành, ngoại thành, ngoại tỉnh, ngoại giao, ngoại trừ, ngoại lệ
    bên trong, bên ngoài, phía trước, phía sau, phía bắc, phía nam, phía đông, phía tây, xung quanh, lân cận, tiếp giáp
    trung tâm, trung bình, trung thực, trung thành, trung gian, trung ương, trung hạn, trung tâm hành chính
    dài hạn, ngắn hạn, lâu dài, trước mắt, lâu năm, thời hạn, kỳ hạn, hạn chót, gia hạn, hết hạn, đúng hạn
    bắt đầu, kết thúc, hoàn thành, hoàn tất, chấm dứt, tạm dừng, dừng hoạt động, tạm ngừng, ngừng hoạt động
    hoạt động, vận động, lao động, hành động, chủ động, bị động, tự động, cơ động, linh hoạt, sáng tạo, năng động
    sản xuất, sản phẩm, sản lượng, tài sản, di sản, gia sản, khoáng sản, thủy sản, hải sản, nông sản, lâm sản
    tài nguyên, tài liệu, tài trợ, tài khoản, tài xế, nhân tài, tài năng, thiên tài, tài chính, tài sản công
    đầu tư, đầu tiên, đầu mối, đầu năm, hàng đầu, dẫn đầu, đứng đầu, ban đầu, lần đầu, bước đầu, đầu vào, đầu ra
    kiểm tra, kiểm soát, kiểm điểm, kiểm kê, kiểm đếm, kiểm toán, kiểm nghiệm, thanh kiểm tra, rà soát, soát xét
    xem xét, xét duyệt, xét thấy, nhận xét, đánh giá, nhận định, nhận thức, nhận thấy, tiếp nhận, xác nhận, chứng nhận
    thừa nhận, công nhận, ghi nhận, thu nhận, nhận được, nhận diện, nhận dạng, nhận lời, đảm nhận, đảm nhiệm
    đảm bảo, bảo đảm, bảo vệ, bảo quản, bảo dưỡng, bảo trì, bảo hiểm, bảo hành, bảo lãnh, bảo tồn, bảo tàng, bảo mật
    bí mật, mật khẩu, công khai, công bố, công nhận, công tác, công việc, công trình, công cộng, công ích, công lập
    công nghệ, công nghiệp, công dân, công chức, công an, công đoàn, công văn, công điện, công sở, công quyền
    cộng đồng, cộng tác, cộng tác viên, hợp tác, hợp đồng, hợp lý, hợp lệ, hợp pháp, hợp nhất, tổng hợp, phối hợp
    kết hợp, lồng ghép, tích hợp, thích hợp, phù hợp, trường hợp, hỗn hợp, hội họp, cuộc họp, họp báo, tập hợp
    tập trung, tập thể, tập huấn, tập luyện, học tập, luyện tập, bài tập, tuyển tập, thực tập, tập quán
    thực hiện, thực tế, thực tiễn, thực trạng, thực chất, thực sự, thực phẩm, thực thi, thực hành, trung thực, hiện thực
    xây dựng, sử dụng, áp dụng, vận dụng, ứng dụng, tận dụng, lợi dụng, tuyển dụng, tín dụng, trưng dụng, dụng cụ
    sử dụng đất, mục đích sử dụng, đưa vào sử dụng, hết hạn sử dụng, thời hạn sử dụng, quyền sử dụng
    giải quyết, giải pháp, giải thích, giải trình, giải ngân, giải phóng, giải thể, giải tỏa, giải thưởng, hòa giải
    quyết tâm, quyết liệt, quyết toán, quyết sách, quyết nghị, biểu quyết, phán quyết, kiên quyết, cương quyết
    nghị quyết, quyết nghị, đề nghị, kiến nghị, hội nghị, nghị định, nghị sự, chương trình nghị sự, thỏa thuận
    thông tin, thông báo, thông qua, thông suốt, thông thường, thông minh, thông dụng, thông số, thông điệp, lưu thông
    truyền thông, truyền thống, truyền hình, truyền thanh, truyền đạt, tuyên truyền, lây truyền, di truyền
    hệ thống, thống nhất, thống kê, thống trị, truyền thống, tổng thống, chính thống, hệ thống hóa
    thuộc, trực thuộc, phụ thuộc, thuộc về, thuộc diện, thuộc thẩm quyền, thuộc địa bàn, quen thuộc, lệ thuộc
    thẩm quyền, thẩm định, thẩm tra, thẩm phán, thẩm mỹ, thẩm quyền giải quyết, theo thẩm quyền, thuộc thẩm quyền
    đúng thẩm quyền, vượt thẩm quyền, có thẩm quyền, cấp có thẩm quyền
    cần thiết, cần phải, cần có, cần được, cần quan tâm, nhu cầu, yêu cầu, đòi hỏi, cấp thiết, thiết yếu, thiết thực
    quan trọng, trọng tâm, trọng điểm, trọng yếu, tôn trọng, nghiêm trọng, thận trọng, trân trọng, chú trọng, coi trọng
    chú ý, lưu ý, ý kiến, ý thức, ý tưởng, ý chí, ý định, ý nguyện, nguyện vọng, mong muốn, kỳ vọng, hy vọng
    tình hình, tình trạng, tình huống, tình cảm, tình nguyện, tình nghĩa, tình thương, nhiệt tình, tận tình
    vấn đề, chủ đề, đề tài, đề cương, đề mục, tiêu đề, đề cập, đề cao, đề ra, đề xuất, đề án, đề nghị, đề phòng
    phòng ngừa, phòng tránh, phòng chống, phòng thủ, dự phòng, đề phòng, phòng họp, phòng làm việc, văn phòng
    tổ chức, tổ quốc, tổ tiên, tổ công tác, tổ dân phố, tổ hợp, tổ trưởng, tổ viên, tổ bảo vệ, tổ tự quản
    chức năng, chức vụ, chức danh, chức trách, chức sắc, viên chức, công chức, cách chức, miễn chức, nhậm chức
    cá nhân, cá thể, cá biệt, nhân dân, nhân viên, nhân lực, nhân sự, nhân tố, nhân văn, nhân đạo, nhân ái
    nhân khẩu, nhân chứng, nhân thân, nguyên nhân, công nhân, bệnh nhân, thân nhân, chủ nhân, quân nhân
    dân cư, dân chủ, dân sự, dân số, dân tộc, dân sinh, dân vận, dân quân, dân phòng, dân trí, người dân, toàn dân
    xã hội, xã hội hóa, kinh tế xã hội, an sinh xã hội, văn hóa xã hội, trật tự xã hội, đời sống xã hội
    đời sống, cuộc sống, sinh sống, sinh hoạt, sinh kế, sinh thái, sinh viên, sinh sản, phát sinh, học sinh, vệ sinh
    môi trường, thị trường, hiện trường, chiến trường, trường học, trường hợp, lập trường, trường lớp, quảng trường
    điều kiện, điều hành, điều chỉnh, điều tra, điều phối, điều động, điều trị, điều khoản, điều lệ, điều hòa
    điều kiện kinh tế, điều kiện cần thiết, đủ điều kiện, có điều kiện, tạo điều kiện, điều kiện thuận lợi
    tiến độ, tiến bộ, tiến hành, tiến tới, tiến trình, cải tiến, xúc tiến, thăng tiến, tiên tiến, tiến triển
    tiên phong, ưu tiên, tiên quyết, tiêu biểu, tiêu dùng, tiêu thụ, tiêu cực, tiêu hủy, chi tiêu, tiêu chí
    chi tiết, chi phí, chi trả, chi cục, chi nhánh, chi bộ, chi tiêu, chi hội, chi đoàn, khoản chi, thu chi
    chỉ đạo, chỉ thị, chỉ tiêu, chỉ số, chỉ huy, chỉ định, chỉ dẫn, địa chỉ, chỉ rõ, chỉ ra, đình chỉ, chấm dứt
    chính sách, chính quyền, chính trị, chính thức, chính xác, chính phủ, chính đáng, chủ yếu, chính yếu, hành chính
    tài chính, bưu chính, chính chủ, chấn chỉnh, chỉnh sửa, chỉnh trang, chỉnh lý, hoàn chỉnh, điều chỉnh, chỉnh đốn
    chủ trì, chủ động, chủ đầu tư, chủ tịch, chủ nhiệm, chủ quản, chủ thể, chủ hộ, chủ sở hữu, chủ yếu, chủ lực
    chủ trương, chủ quyền, chủ nghĩa, dân chủ, làm chủ, tự chủ, chủ quan, chủ đề, chủ đạo, chủ chốt
    trực tiếp, gián tiếp, trực tuyến, trực thuộc, thường trực, trực ban, trực tiếp quản lý, trực quan
    thường xuyên, thường trực, thường trú, thường niên, thường kỳ, bất thường, thông thường, bình thường, thường vụ
    đặc biệt, cá biệt, khác biệt, phân biệt, riêng biệt, biệt phái, tạm biệt, biệt thự
    phân công, phân cấp, phân bổ, phân loại, phân tích, phân chia, phân luồng, phân định, phân giới, phân khu
    phân phối, phân quyền, phân lô, phân hạng, phân xử, phân hóa, phân bón, phân biệt, phân ban
    thủ tục, thủ tướng, thủ trưởng, thủ quỹ, thủ công, thủ đô, thủ phạm, tuân thủ, đối thủ, cầu thủ, thủ đoạn
    tuân thủ, tuân theo, chấp hành, thi hành, thi công, thi đua, thi tuyển, kỳ thi, thi cử, dự thi, cuộc thi
    hội đồng, hội nghị, hội thảo, hội viên, hội nhập, hội thi, hội chợ, hội trường, đại hội, xã hội, quốc hội, cơ hội
    đại biểu, đại diện, đại hội, đại học, đại đoàn kết, đại dịch, đại trà, rộng rãi, rộng lớn, quy mô lớn
    tiêu biểu, biểu dương, biểu quyết, biểu hiện, biểu mẫu, biểu tượng, biểu diễn, phát biểu, đại biểu, biểu đồ
    phát huy, phát hiện, phát hành, phát triển, phát sinh, phát động, phát thanh, phát biểu, phát ngôn, phát tán
    xuất phát, xuất bản, xuất khẩu, xuất hiện, xuất sắc, xuất xứ, xuất trình, xuất cảnh, sản xuất, đề xuất
    nhập khẩu, nhập cảnh, nhập học, nhập ngũ, nhập liệu, thu nhập, sáp nhập, hội nhập, xâm nhập, cập nhật
    cập nhật, kịp thời, thời gian, thời hạn, thời điểm, thời kỳ, thời tiết, đồng thời, tạm thời, lâm thời
    ngày càng, càng ngày, hằng ngày, ngày đêm, hôm nay, ngày mai, hôm qua, năm nay, tháng này, tuần này
    hiệu quả, hiệu lực, hiệu suất, hiệu trưởng, hiệu chỉnh, ký hiệu, tín hiệu, dấu hiệu, khẩu hiệu, nhãn hiệu
    tín dụng, tín hiệu, tín nhiệm, uy tín, tín ngưỡng, thư tín, tín chỉ, tín đồ, tin tưởng, tin cậy, thông tin
    khẩn trương, khẩn cấp, cấp bách, cấp cứu, cấp phát, cấp phép, cấp giấy, cung cấp, cấp trên, cấp dưới, cấp độ
    mức độ, mức thu, mức chi, mức hỗ trợ, mức phạt, mức lương, mức sống, mức độ an toàn, mức độ ảnh hưởng
    kinh tế, kinh doanh, kinh phí, kinh nghiệm, kinh tế số, kinh tế biển, kinh tế tư nhân, kinh tế hộ, kinh tế trang trại
    giao thông, giao dịch, giao đất, giao kết, giao lưu, giao nhận, giao nộp, giao ban, bàn giao, chuyển giao
    bàn giao, bàn bạc, bàn luận, địa bàn, bàn làm việc, thảo luận, tranh luận, luận văn, lý luận, kết luận
    địa phương, địa bàn, địa điểm, địa chỉ, địa chính, địa giới, địa hình, địa lý, địa vị, địa chất, địa danh
    phương hướng, phương án, phương tiện, phương pháp, phương thức, phương châm, đa phương, song phương, đơn phương
    đơn vị, đơn giá, đơn giản, đơn thư, đơn vị tính, đơn xin, đơn đề nghị, đơn lẻ, cô đơn, thực đơn, hóa đơn
    giản đơn, giản lược, đơn giản hóa, rút gọn, gọn nhẹ, tinh gọn, cắt giảm, cắt bỏ, loại bỏ, bãi bỏ, xóa bỏ
    loại hình, phân loại, chủng loại, các loại, mọi loại, nhiều loại, xếp loại, loại trừ, loại khỏi
    tổng số, tổng cộng, tổng thể, tổng quát, tổng quan, tổng hợp, tổng kết, tổng điều tra, tổng cục, tổng giám đốc
    tổng công ty, tổng mức, tổng vốn, tổng chi, tổng thu, tổng diện tích, tổng kinh phí, tổng sản phẩm
    toàn bộ, toàn diện, toàn dân, toàn quốc, toàn thể, toàn tỉnh, toàn huyện, toàn xã, toàn ngành, toàn văn
    hoàn toàn, an toàn, vẹn toàn, bảo toàn, toàn vẹn, toàn cầu, toàn phần, toàn trình
    hoàn thành, hoàn thiện, hoàn chỉnh, hoàn tất, hoàn trả, hoàn ứng, hoàn thuế, hoàn cảnh, tuần hoàn
    bổ sung, bổ nhiệm, bổ trợ, bổ ích, bồi dưỡng, bồi thường, bồi hoàn, bù đắp, hỗ trợ, giúp đỡ, ủng hộ, hưởng ứng
    hưởng lợi, thụ hưởng, hưởng thụ, được hưởng, hưởng chế độ, ảnh hưởng, hưởng ứng
    cải cách, cải tạo, cải thiện, cải tiến, cải chính, đổi mới, thay đổi, sửa đổi, trao đổi, đổi tên, đổi thẻ
    khắc phục, khắc phục hậu quả, phục hồi, phục vụ, phục dựng, khôi phục, thuyết phục, hạnh phúc, phúc lợi, phúc đáp
    kính gửi, gửi kèm, gửi đến, gửi lại, gửi về, gửi trước, gửi đúng, gửi qua, gửi tới, tiền gửi
    gắn kết, gắn với, gắn liền, gắn bó, gắn biển, gắn chip
    lãnh đạo, lãnh thổ, lãnh sự, thủ lĩnh, lĩnh vực, lĩnh hội, lĩnh tiền, nhận lĩnh
    quản lý, quản trị, quản lý nhà nước, quản lý đất đai, bảo quản, chủ quản, tự quản, giám sát, giám định, giám hộ
    khen thưởng, giải thưởng, tiền thưởng, phần thưởng, thưởng phạt, xử phạt, phạt tiền, mức phạt, hình phạt
    xử lý, xử phạt, xử lý vi phạm, xét xử, ứng xử, đối xử, cư xử, phán xử
    vi phạm, phạm vi, phạm pháp, phạm tội, tội phạm, xâm phạm, vi phạm pháp luật, vi phạm hành chính
    cá biệt, riêng lẻ, lẻ tẻ, nhỏ lẻ, quy mô nhỏ, vừa và nhỏ, doanh nghiệp nhỏ, hộ gia đình, gia đình
    gia đình, gia tăng, gia hạn, tham gia, quốc gia, chuyên gia, gia cố, gia công, gia súc, gia cầm, gia nhập
    tham gia, tham dự, tham mưu, tham khảo, tham quan, tham nhũng, tham vấn, tham luận, thăm hỏi, thăm quan
    chuyên môn, chuyên ngành, chuyên trách, chuyên viên, chuyên gia, chuyên đề, chuyên nghiệp, chuyên sâu, chuyên dùng
    nghề nghiệp, nghiệp vụ, chuyên nghiệp, doanh nghiệp, sự nghiệp, nông nghiệp, công nghiệp, lâm nghiệp, ngư nghiệp
    tốt nghiệp, nghiệp đoàn, thất nghiệp, đồng nghiệp, khởi nghiệp, lập nghiệp
    nguồn vốn, nguồn lực, nguồn thu, nguồn gốc, nguồn nước, nguồn điện, nguồn hàng, nguồn tin, nguồn nhân lực
    nguyên tắc, nguyên liệu, nguyên nhân, nguyên vẹn, nguyên trạng, tài nguyên, nguyên thủ, nguyên đơn, bình nguyên
    tự nguyện, nguyện vọng, tình nguyện, ý nguyện, cầu nguyện
    đồng ý, đồng thời, đồng bộ, đồng bào, đồng chí, đồng nghiệp, đồng hành, đồng tình, đồng loạt, đồng đều
    hội đồng, cộng đồng, hợp đồng, đồng bằng, đồng ruộng, cánh đồng, đồng tiền, đồng thuận
    thuận lợi, thuận tiện, đồng thuận, thỏa thuận, chấp thuận, thuận lợi hóa
    vận tải, vận chuyển, vận hành, vận dụng, vận động, vận động viên, vận mệnh, may mắn, vận đơn
    lập kế hoạch, lập hồ sơ, lập danh sách, lập biên bản, lập dự toán, lập quy hoạch, thành lập, thiết lập, độc lập
    thiết kế, thiết bị, thiết lập, thiết thực, thiết yếu, cần thiết, tha thiết, mật thiết
    lắp đặt, lắp ráp, đặt ra, đặt hàng, sắp đặt, cài đặt, bố trí, sắp xếp, xếp hạng, xếp loại
    đất nước, nước ngoài, nước nhà, nhà nước, cấp nước, thoát nước, nước sạch, nguồn nước, mặt nước, mực nước
    nhà ở, nhà nước, nhà trường, nhà máy, nhà xưởng, nhà văn hóa, nhà đầu tư, nhà thầu, nhà báo, nhà khoa học
    người dân, người lao động, người nộp thuế, người sử dụng, người đứng đầu, người đại diện, người bệnh, người nhà
    mọi người, nhiều người, một người, những người, con người, người có công, người cao tuổi, người khuyết tật
    trẻ em, thiếu nhi, thanh niên, học sinh, sinh viên, phụ nữ, người già, cao tuổi, khuyết tật
    mùa mưa, mùa khô, mùa mưa bão, mưa bão, mưa lớn, mưa lũ, nắng nóng, gió mùa, áp thấp, áp thấp nhiệt đới
    cơ sở, cơ quan, cơ cấu, cơ chế, cơ bản, cơ hội, cơ sở vật chất, cơ sở dữ liệu, cơ giới, cơ khí, hữu cơ, nguy cơ
    nguy cơ, nguy hiểm, nguy hại, hiểm nguy, rủi ro, sự cố, tai nạn, thiệt hại, tổn thất, mất mát
    vật chất, vật tư, vật liệu, vật nuôi, vật dụng, hiện vật, tang vật, động vật, thực vật, sinh vật, nhân vật
    vật kiến trúc, công trình kiến trúc, kiến trúc, kiến thức, kiến nghị, ý kiến, sáng kiến, dự kiến, chứng kiến
    chứng từ, chứng chỉ, chứng nhận, chứng minh, chứng thực, bằng chứng, chứng cứ, nhân chứng, làm chứng
    tài liệu, hồ sơ tài liệu, số liệu, dữ liệu, tư liệu, vật liệu, nguyên liệu, nhiên liệu, liệu pháp
    hướng dẫn, chỉ dẫn, dẫn đầu, dẫn chứng, dẫn đến, trích dẫn, thu hút, hấp dẫn, dẫn giải
    dự án, dự thảo, dự toán, dự kiến, dự báo, dự phòng, dự trữ, dự thi, dự họp, tham dự, can dự
    dự án đầu tư, dự án đầu tư công, dự án trọng điểm, dự án thành phần, dự án khu dân cư
    đăng ký, đăng tải, đăng kiểm, đăng báo, ký kết, ký hợp đồng, ký tên, chữ ký, ký số, ký duyệt, ký thay
    nhiệm vụ, nhiệm kỳ, trách nhiệm, bổ nhiệm, miễn nhiệm, kiêm nhiệm, đảm nhiệm, tín nhiệm, chủ nhiệm, nhiệm vụ chính trị
    miễn nhiệm, miễn phí, miễn giảm, miễn thuế, miễn trừ, miễn nhiệm chức vụ, được miễn
    cán bộ, cán sự, cán bộ công chức, cán bộ lãnh đạo, cán bộ quản lý, cán bộ chủ chốt, cán bộ đảng viên
    bộ máy, bộ phận, bộ ngành, bộ đội, bộ luật, bộ hồ sơ, bộ thủ tục, bộ tiêu chí, toàn bộ, cán bộ, nội bộ, đồng bộ
    tiến bộ, bước đầu, từng bước, bước tiến, các bước, tiếp bước
    mạng lưới, mạng xã hội, mạng internet, trên mạng, an ninh mạng, cách mạng, sinh mạng, tính mạng
    lưới điện, mạng lưới, lưới an sinh, mạng lưới cơ sở giáo dục
    giáo dục, giáo viên, giáo trình, giáo án, giáo khoa, tôn giáo, tuyên giáo, giáo hội, giáo xứ
    dạy học, dạy nghề, giảng dạy, dạy và học, dạy kèm, dạy thêm, học thêm
    mầm non, trường mầm non, giáo dục mầm non, mẫu giáo, nhà trẻ, trẻ mầm non
    rừng núi, miền núi, đồi núi, vùng núi, núi cao, núi đá, sông suối, sông ngòi, bờ sông, ven sông, cửa sông
    cửa biển, bờ biển, ven biển, vùng biển, biển đảo, hải đảo, đảo lý sơn, hải phận
    tuyến đường, con đường, đường sá, đường phố, tên đường, đường dây, đường dây nóng, đường ống
    cầu cống, cầu treo, cầu tạm, cầu yếu, trụ cầu, mố cầu, dầm cầu, mặt cầu, lan can, cầu vượt, cầu vượt sông
    xây dựng mới, sửa chữa lớn, sửa chữa, sửa chữa thường xuyên, duy tu, bảo dưỡng, nâng cấp, cải tạo
    tải trọng, hạn chế tải trọng, trọng tải, tải trọng phương tiện, kiểm soát tải trọng, xe quá tải
    qua lại, đi lại, đi qua, đi lại của nhân dân, lưu thông, giao thông đi lại, việc đi lại
    lũ lụt, lũ quét, lũ ống, ngập úng, ngập lụt, ngập sâu, nước lũ, mưa lũ, lũ lớn, mực nước lũ
    khí tượng, thủy văn, khí tượng thủy văn, đài khí tượng thủy văn, dự báo thời tiết, cảnh báo, cảnh báo sớm
    thiên tai, phòng chống thiên tai, phòng chống, thiệt hại do thiên tai, rủi ro thiên tai
    """#

    /// Everyday words and function-word pairs, so that correct ordinary prose is recognised as such.
    static let everyday = #"""
    có thể, không thể, có được, không được, có khả năng, có lẽ, có nghĩa, có nghĩa là, nghĩa là, tức là, chẳng hạn
    ví dụ, thí dụ, chẳng hạn như, như là, giống như, cũng như, cũng vậy, như vậy, như thế, vì thế, vì sao, tại sao
    bởi vì, bởi vậy, cho nên, cho đến, cho tới, cho đến nay, đến nay, từ đó, từ nay, từ khi, kể từ, trở lên, trở xuống
    trở thành, trở lại, quay lại, lặp lại, làm lại, đặt lại, thử lại, gửi lại, nhắc lại, còn lại, ngược lại, trái lại
    tuy vậy, mặc dù, dù vậy, hơn nữa, thêm vào, ngoài ra, trước hết, trước tiên, sau đó, sau này, cuối cùng, lần cuối
    lần đầu, lần này, lần sau, lần trước, mỗi lần, nhiều lần, một lần, hai lần, đôi khi, thỉnh thoảng, luôn luôn
    hầu hết, phần lớn, đa số, thiểu số, số ít, số đông, tất cả, toàn thể, mọi người, ai đó, cái gì, điều gì, việc gì
    nào đó, đâu đó, ở đâu, ở đây, ở đó, bây giờ, lúc này, khi đó, khi nào, bao giờ, bao nhiêu, bao lâu, mấy ngày
    rất nhiều, khá nhiều, quá nhiều, không nhiều, nhiều hơn, ít nhất, nhiều nhất, cao nhất, thấp nhất, lớn nhất
    nhỏ nhất, tốt nhất, sớm nhất, muộn nhất, gần nhất, mới nhất, đầu tiên, thứ hai, thứ ba, thứ tư, thứ năm, thứ sáu
    thứ bảy, chủ nhật, buổi sáng, buổi chiều, buổi tối, ban ngày, ban đêm, sáng nay, chiều nay, tối nay, hôm sau
    cửa sổ, cửa hàng, cửa khẩu, cửa ngõ, cánh cửa, mở cửa, đóng cửa, cửa chính, nhà cửa, của cải
    mục lục, mục nhập, mục tiêu, mục đích, danh mục, hạng mục, tiết mục, chuyên mục, thư mục, mục con
    người dùng, tên người dùng, sử dụng, dùng chung, dùng thử, tiêu dùng, đồ dùng, dùng để, được dùng, không dùng
    mặc định, mặc dù, mặc cả, ăn mặc, trang phục, đồng phục, quần áo
    ký tự, ký hiệu, ký tên, ký kết, ký túc xá, chữ ký, ký sự, nhật ký, thư ký, đăng ký, ký quỹ
    tập tin, tệp tin, tập hợp, định dạng, dạng thức, hình dạng, đa dạng, dạng bài, nhận dạng
    dòng chảy, dòng điện, dòng tiền, dòng họ, dòng sông, dòng chữ, dòng đầu, dòng cuối, từng dòng, xuống dòng
    điện thoại, điện tử, điện lực, điện năng, điện báo, điện ảnh, cúp điện, mất điện, tiết kiệm điện
    máy tính, máy móc, máy in, máy chủ, máy bay, máy cày, máy nổ, máy phát điện, nhà máy, máy ảnh
    mạng máy tính, trang web, tài khoản, mật khẩu, đăng nhập, đăng xuất, tải về, tải lên, cài đặt, cập nhật
    tháo gỡ, gỡ bỏ, gỡ rối, tháo dỡ, tháo rời, lắp đặt, lắp ráp, sửa lỗi, báo lỗi, lỗi lầm, sai sót, sai lầm
    sai sót, sai phạm, sai lệch, chính xác, đúng đắn, đúng sai, sửa sai, nhầm lẫn, lẫn lộn, bỏ sót, bỏ qua, bỏ trống
    trả lời, lời nói, lời khai, lời hứa, lời cảm ơn, cảm ơn, xin lỗi, lời kêu gọi, kêu gọi, lời khuyên, lời nói đầu
    câu hỏi, hỏi đáp, giải đáp, trả lời câu hỏi, thắc mắc, hỏi ý kiến, câu trả lời
    sẵn sàng, sẵn có, có sẵn, chuẩn bị sẵn, luôn sẵn sàng
    nhỏ nhẹ, nhỏ gọn, to lớn, rộng rãi, chật hẹp, rộng lớn, dài rộng, cao thấp, nặng nhẹ, nhanh chậm, xa gần
    mới mẻ, cũ kỹ, trẻ trung, già yếu, khỏe mạnh, ốm đau, bệnh tật, sức lực, sức khỏe, mệt mỏi
    vui vẻ, buồn bã, lo lắng, lo ngại, băn khoăn, bức xúc, phấn khởi, tin tưởng, hài lòng, bất bình, phàn nàn
    nhanh chóng, chậm chạp, kịp thời, sớm nhất, muộn màng, dần dần, từ từ, liên tục, gián đoạn, tạm thời
    trục trặc, trắc trở, trắc nghiệm, trắc địa, khảo sát, đo đạc, quan trắc, đo lường, cân đo
    dấn thân, vắn tắt, ngắn gọn, tóm tắt, tóm lại, tổng quát, chi tiết, cụ thể, rõ ràng, minh bạch, mập mờ
    gán nhãn, gán ghép, gắn nhãn, dán nhãn, nhãn mác, nhãn hiệu, bao bì, đóng gói, hàng hóa, sản phẩm
    đóng dấu, đóng góp, đóng cửa, đóng vai trò, đóng thuế, đóng quân, đóng tàu, đóng băng, đóng học phí
    đông đảo, đông đúc, mùa đông, phía đông, đông nam, đông bắc, cổ đông, đông người, đông xuân
    động lực, động cơ, động viên, động đất, động vật, hành động, vận động, chủ động, lao động, tác động, biến động
    cơ quan, cơ thể, cơ sở, cơ hội, cơ bản, cơ cấu, cơ chế, cơ khí, cơ giới, cơ năng, cơ động, cơ nghiệp
    có hiệu quả, có trách nhiệm, có liên quan, có ý kiến, có thẩm quyền, có thời hạn, có điều kiện, có kế hoạch
    không có, không phải, không chỉ, không những, không còn, không cần, không nên, không được phép, không ai
    chưa có, chưa được, chưa đạt, chưa đủ, chưa rõ, đã có, đã được, đã từng, đã và đang, đang được, sẽ được
    được biết, được phép, được giao, được hưởng, được cấp, được công nhận, được thực hiện, được ban hành
    bị ảnh hưởng, bị thiệt hại, bị hư hỏng, bị xử lý, bị xử phạt, bị thu hồi, bị phạt, bị hủy, bị mất
    nhận được, tìm thấy, tìm được, nhìn thấy, cảm thấy, nhận thấy, xét thấy, cho thấy, chỉ thấy
    làm việc, làm rõ, làm chủ, làm theo, làm cho, làm sao, làm gì, cách làm, việc làm, làm thủ tục, làm ăn
    đi lại, đi làm, đi học, đi công tác, ra đi, về quê, trở về, quay về, đến nơi, nơi ở, nơi làm việc, nơi sinh
    ăn uống, ăn ở, nước uống, thức ăn, lương thực, thực phẩm, gạo, thịt, cá, rau, quả, hoa quả, trái cây
    con người, con cháu, con em, con số, con đường, con dấu, con trai, con gái, trẻ con
    thứ tự, số thứ tự, theo thứ tự, đúng thứ tự, phân tách, mô tả, chữ nhật, hình chữ nhật, hình vuông, hình tròn, chữ viết, chữ số, chữ cái, chữ in, chữ hoa, chữ thường, viết tắt, viết hoa, bằng chữ, bằng số
    trang phục, trang bị, trang trại, trang trí, trang điểm, trang web, trang chủ, số trang, trang sau, trang trước
    bảng biểu, bảng tính, bảng kê, bảng lương, bảng giá, bảng hiệu, bảng tin, bảng tổng hợp, bảng đen
    thư viện, thư mời, thư cảm ơn, thư điện tử, thư từ, thư tín, bức thư, lá thư, hộp thư, văn thư
    hình ảnh, ảnh chụp, chụp ảnh, bức ảnh, ảnh hưởng, hình vẽ, bản vẽ, bản đồ, sơ đồ, biểu đồ
    âm thanh, âm nhạc, ca nhạc, bài hát, tiếng nói, tiếng ồn, lên tiếng, tiếng anh, tiếng việt, tiếng dân tộc
    màu sắc, màu xanh, màu đỏ, màu vàng, màu trắng, màu đen, cờ đỏ sao vàng, quốc kỳ, quốc ca, quốc huy
    vị trí, vị thế, vị trí việc làm, đơn vị, địa vị, tước vị, học vị
    tự do, tự động, tự chủ, tự giác, tự nguyện, tự quản, tự túc, tự nhiên, tự hào, tự lực, tự tin, tự phát
    tác giả, tác phẩm, tác dụng, tác hại, tác nghiệp, tác phong, công tác, hợp tác, cộng tác, canh tác
    tắc nghẽn, ách tắc, tắc đường, nguyên tắc, quy tắc, bế tắc
    """#

    /// Numbers in phrases: `#` stands for any number or date (`Điều 116`, `ngày 05 tháng 02 năm 2025`).
    static let numbered = #"""
    điều #, khoản #, tại điều #, tại khoản #, khoản # điều #, theo điều #, quy định tại điều #, quy định tại khoản #
    ngày # tháng # năm #, ngày #, tháng #, năm #, quý #, đợt #, tuần #, số #, giai đoạn #, năm học #, nhiệm kỳ #
    lần thứ #, khóa #, phụ lục #, mục #, chương #, tổ #, thôn #, lớp #, kỳ họp thứ #, từ ngày #, đến ngày #
    trước ngày #, kể từ ngày #, đến năm #, tầm nhìn đến năm #, năm # và, giai đoạn # đến năm #
    """#

    /// Places: provinces and cities (before and after the 2025 merger), the districts of Quảng Ngãi, and big towns.
    static let places = #"""
    hà nội, thành phố hà nội, thủ đô hà nội, thành phố hồ chí minh, hồ chí minh, hải phòng, thành phố hải phòng
    đà nẵng, thành phố đà nẵng, cần thơ, thành phố cần thơ, huế, thành phố huế, thừa thiên huế, tỉnh thừa thiên huế
    hà giang, cao bằng, bắc kạn, tuyên quang, lào cai, điện biên, lai châu, sơn la, yên bái, hòa bình, thái nguyên
    lạng sơn, quảng ninh, bắc giang, phú thọ, vĩnh phúc, bắc ninh, hải dương, hưng yên, thái bình, hà nam, nam định
    ninh bình, thanh hóa, nghệ an, hà tĩnh, quảng bình, quảng trị, quảng nam, quảng ngãi, bình định, phú yên, khánh hòa
    ninh thuận, bình thuận, kon tum, gia lai, đắk lắk, đắk nông, lâm đồng, bình phước, tây ninh, bình dương, đồng nai
    bà rịa vũng tàu, bà rịa, vũng tàu, long an, tiền giang, bến tre, trà vinh, vĩnh long, đồng tháp, an giang, kiên giang
    hậu giang, sóc trăng, bạc liêu, cà mau
    tỉnh hà giang, tỉnh cao bằng, tỉnh bắc kạn, tỉnh tuyên quang, tỉnh lào cai, tỉnh điện biên, tỉnh lai châu, tỉnh sơn la
    tỉnh yên bái, tỉnh hòa bình, tỉnh thái nguyên, tỉnh lạng sơn, tỉnh quảng ninh, tỉnh bắc giang, tỉnh phú thọ
    tỉnh vĩnh phúc, tỉnh bắc ninh, tỉnh hải dương, tỉnh hưng yên, tỉnh thái bình, tỉnh hà nam, tỉnh nam định, tỉnh ninh bình
    tỉnh thanh hóa, tỉnh nghệ an, tỉnh hà tĩnh, tỉnh quảng bình, tỉnh quảng trị, tỉnh quảng nam, tỉnh quảng ngãi
    tỉnh bình định, tỉnh phú yên, tỉnh khánh hòa, tỉnh ninh thuận, tỉnh bình thuận, tỉnh kon tum, tỉnh gia lai
    tỉnh đắk lắk, tỉnh đắk nông, tỉnh lâm đồng, tỉnh bình phước, tỉnh tây ninh, tỉnh bình dương, tỉnh đồng nai
    tỉnh bà rịa vũng tàu, tỉnh long an, tỉnh tiền giang, tỉnh bến tre, tỉnh trà vinh, tỉnh vĩnh long, tỉnh đồng tháp
    tỉnh an giang, tỉnh kiên giang, tỉnh hậu giang, tỉnh sóc trăng, tỉnh bạc liêu, tỉnh cà mau
    ủy ban nhân dân tỉnh quảng ngãi, hội đồng nhân dân tỉnh quảng ngãi, tỉnh ủy quảng ngãi, thành phố quảng ngãi
    bình sơn, sơn tịnh, tư nghĩa, nghĩa hành, mộ đức, đức phổ, thị xã đức phổ, ba tơ, minh long, sơn hà, sơn tây
    trà bồng, tây trà, lý sơn, huyện lý sơn, huyện bình sơn, huyện sơn tịnh, huyện tư nghĩa, huyện nghĩa hành
    huyện mộ đức, huyện ba tơ, huyện minh long, huyện sơn hà, huyện sơn tây, huyện trà bồng, đảo lý sơn
    châu ổ, sông vệ, chợ chùa, la hà, trà xuân, di lăng, ba vì, hành thiện, nghĩa lộ, trương quang trọng, dung quất
    hà đông, sơn trà, hải châu, liên chiểu, thanh khê, ngũ hành sơn, cẩm lệ, hội an, tam kỳ, tuy hòa, quy nhơn
    nha trang, cam ranh, phan rang, phan thiết, buôn ma thuột, pleiku, đà lạt, bảo lộc, biên hòa, thủ dầu một, mỹ tho
    cao lãnh, long xuyên, rạch giá, phú quốc, hạ long, móng cái, việt trì, vinh, đồng hới, đông hà, hải dương
    """#
}
