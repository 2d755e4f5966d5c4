import Foundation

// Single syllables with a role: family and given names, function words, spelling exceptions. Written for this project.

extension VietnameseLexicon {
    /// Common family names. A title-case run that starts with one of them is taken for a person's name and left alone.
    static let surnames = """
    nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đinh đào trương lâm mai trịnh đoàn \
    lương tô hà tạ cao châu lưu lục thái tăng quách vương kiều mạc thân từ la triệu chu khổng hứa doãn giang kim \
    tôn thạch diệp nghiêm âu phùng vi lạc mã đàm khúc nông lã bạch cù hầu ninh lò lại viên kha tống \
    phí hàn trình mẫn sầm giáp lữ mông thiều ưng bế lèo đới
    """

    /// Common middle and given names (also added to the known syllables).
    static let givenNames = """
    văn thị hữu đức minh quang công xuân thu hồng ngọc thanh kim thùy thúy bích mỹ hải sơn tuấn anh dũng hùng \
    cường trung hiếu nghĩa thắng lợi phúc lộc thọ bảo an bình hòa khánh long phong phương quốc quý tâm thành \
    thảo trang uyên vân vy yến hạnh hương lan liên linh loan mai my nga ngân nhung oanh phượng quyên quỳnh \
    sương tuyết tuyền vinh việt hoàng huy hiển hiền hiệp hậu hoài hưng khoa khôi kiên lâm luân mạnh nam nhân \
    nhật phát phước quân quyết sang sinh tài tân thạch thái thiện thịnh thông tiến toàn trí trọng tú tùng tường \
    vũ vương đạt đông điệp định đăng đào đoan đính đồng giang hà hạ hân hằng hoa huệ huyền khanh khuê kiều \
    lệ ly lành lụa mến my nguyệt nhàn nhi nhiên như nương phấn quế sen tâm thắm thơ thoa thủy thư tiên trâm \
    trinh tươi vui xoan yên châu chi cúc diễm dung dương đài điềm gấm giao hảo hiên hợp kha kỳ lài lam lê \
    luyến ngà ngữ nhạn nhị phụng tịnh trà trúc tuệ ánh ân bằng cảnh chánh chiến chính chương cương danh diệu \
    duy duyên dư đại đảm đệ độ hà hào hạnh hiệu hòe học huấn hướng kha khải khang khiêm khương kính lạc lãm \
    lập liêm lĩnh lực lượng mẫn mậu nghị ngôn nguyên nhẫn ninh pháp phi phú phụng quảng quyền sáng sĩ song \
    sửu tạo tấn thân thăng thế thiệu thuận thức tiệp tín toản tráng triết triều trường tuân tuyên ty tỵ uy \
    vĩnh vịnh xuyên ý ẩn âu bá bạch bảy bé bông bường cẩm cần châm chung cơ của cừ dậu dần diệp dinh đích \
    đoàn đổng đương giáp hai hàm hân hậu hiểu hòa hội huân hường kế khắc khiết kiệt kỷ lãng lễ lịch liễu lộc \
    lý mão mùi năm nậu nghiệp ngộ ngọ nhâm nhu niên ông phổ phùng quang quới sa sắc siêu sở sỹ tám tánh tặng \
    thẩm thìn thoại thống thuần thưởng tỉnh tình tốt trạch trị triệu trực tuất tỷ út vàng vượng xinh
    """

    /// Function words: frequent enough to stand next to almost anything, so they are no evidence for a change
    /// of their neighbour (`các phương` must not become `các phường` because `các phường` is a phrase).
    static let functionWords = """
    các của và với là có được cho trong trên dưới tại theo về để đến tới từ những một này đó kia ấy khi đã sẽ \
    đang thì mà nhưng hoặc hay bị do nên vì như cũng đều rất không chưa mỗi mọi nhiều ít cả ra vào lên xuống \
    sau trước qua bằng nếu thế nào gì ai đây nay còn chỉ lại vẫn luôn đi hơn nữa đó cùng giữa ngoài bên \
    việc sự các nhằm gồm ở rồi vậy đừng hãy chớ phải cần muốn
    """

    /// Syllables of proper names that break the spelling rules (`Bắc Kạn`, `Đắk Lắk`, `Kon Tum`) but are right.
    static let exceptionalSyllables = "kạn đắk lắk kon krông đăk"
}
