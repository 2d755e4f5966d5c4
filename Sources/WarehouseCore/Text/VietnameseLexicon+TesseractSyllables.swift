import Foundation

// The Vietnamese syllables of Tesseract's own `vie` word list (the `lstm-word-dawg` of `vie.traineddata` from
// tessdata, Apache License 2.0), lower-cased, kept only where they pass `VietnameseSyllable.isValid`, and
// spelled with the traditional tone placement. Extracted with
// `combine_tessdata -u vie.traineddata vie. && dawg2wordlist vie.lstm-unicharset vie.lstm-word-dawg words.txt`
// (7 181 entries, 4 143 after lower-casing, 3172 valid syllables).

extension VietnameseLexicon {
    /// Syllables Tesseract's Vietnamese model knows, separated by spaces.
    static let tesseractSyllables = """
    ai am an anh ao ba bai ban bang banh bao bay be ben bi bia binh biên biến biếng biết biếu biển biểu biện biệt bo bom \
    bon bong bu bung buôn buông buýt buốt buồn buồng buổi buộc by bà bài bàn bàng bào bàu bày bá bác bách bái bám bán \
    bánh báo bát báu bây bã bãi bão bè bèn bèo bé bén béo bê bên bênh bì bìa bình bí bích bím bính bít bò bó bóc bói bón \
    bóng bóp bô bôi bông bù bùa bùi bùn bùng bú búa bún búp bút băm băn băng bơ bơi bơm bưu bước bướm bướu bưởi bạ bạc \
    bạch bại bạn bạo bạt bả bản bảng bảo bảy bấm bất bấy bầu bầy bẩm bẩn bẩy bẫy bậc bận bật bắc bắn bắp bắt bằng bẻ bế \
    bến bếp bề bền bể bệ bệnh bỉ bị bịt bọ bọc bọn bọt bỏ bỏng bố bốc bối bốn bồ bồi bồn bồng bổ bổn bổng bỗng bộ bộc \
    bội bột bớt bờ bởi bụi bụng bức bừa bừng bửu bữa bự bực ca cai cam can cang canh cao cau cay cha chai chan chang \
    chanh chao chau chay che chen chi chia chim chinh chiêm chiên chiêu chiếc chiếm chiến chiết chiếu chiều chiểu cho \
    choi chon chong choàng choáng chu chua chui chung chuyên chuyến chuyền chuyển chuyện chuông chuẩn chuối chuồng chuỗi \
    chuộng chuột chà chàm chàng chào chày chán chánh cháo chát cháu cháy châm chân châu chè chèn chèo chém chén chéo \
    chép chê chênh chì chìa chìm chí chích chín chính chòm chó chói chóng chót chôn chùa chùi chùm chú chúa chúc chúng \
    chút chăm chăn chăng chơi chư chưa chưng chương chước chướng chạm chạy chả chải chảnh chảo chảy chấm chấn chấp chất \
    chẩn chậm chập chật chậu chắc chắn chằm chẳng chặn chặng chặt chẽ chế chết chỉ chỉnh chị chịch chịu chọc chọi chọn \
    chốc chối chốn chống chốt chồng chổ chổi chỗ chớ chớp chờ chở chợ chợt chục chụp chủ chủng chứ chứa chức chứng chừng \
    chửi chữ chữa co coi com con cong cu cua cung cuối cuốn cuống cuồng cuộc cuộn cà cài càng cành cào cày cá các cách \
    cái cám cán cánh cáo cáp cát cân câu cây cãi cò còi còn có cóc cô côi côn công cõi cù cùi cùng cú cúc cúi cúm cúng \
    cúp căm căn căng cũ cũng cơ cơm cơn cư cưa cưng cương cước cưới cướp cười cường cưỡi cưỡng cược cạn cạnh cạo cạp cả \
    cải cảm cản cảng cảnh cấm cấn cấp cất cấu cấy cầm cần cầu cẩm cẩn cẩu cận cập cậu cậy cắm cắn cắp cắt cằm cặc cặn \
    cặp cọ cọc cỏ cố cốc cối cống cốt cồn cổ cổng cỗ cội cộng cột cớ cờ cởi cỡ cụ cục cụm cụt củ của củi củng cứ cứng \
    cứu cừ cừu cử cửa cửu cự cực cựu da dai dam dan dang danh dao dau day de den di dinh diên diều diễm diễn diện diệp \
    diệt diệu do doan doanh doi don dong doãn du dua dung duy duyên duyệt duẩn dài dàn dàng dành dào dày dám dán dáng \
    dâm dân dâng dâu dây dã dãn dãy dép dê dì dính dò dòng dõi dù dùm dùng dĩ dĩa dĩnh dũ dũng dư dưa dưng dương dưới \
    dường dưỡng dược dạ dại dạn dạng dạo dạt dạy dải dấu dầm dần dầu dầy dẫn dẫu dập dậu dậy dắt dặm dặn dẹp dẻ dẻo dế \
    dể dễ dệt dị dịch dịp dịu dọa dọc dọn dốc dối dồi dồn dỗ dội dời dở dỡ dụ dục dụng dứa dứt dừa dừng dữ dự dựa dựng \
    em eo ga gai gam gan gang gay ghe ghen ghi ghé ghép ghét ghê ghế gi gia giai giam gian giang giao giay gieo gio gioi \
    giun già giàn giành giàu giày giá giác giám gián giáng giáo giáp giây giã giãn giêng giò giòn gió giùm giúp giơ \
    giường giả giải giảm giản giảng giấc giấm giấu giấy giầy giận giật giặc giặt giếng giết giọng giọt giỏ giỏi giống \
    giới giờ giữ giữa go goi gom gu gui gà gàng gác gái gánh gáy gân gây gã gãy gì gìn gò gòn góc gói góp gót gõ găng \
    gũi gương gạch gạo gạt gấp gấu gầm gần gầy gập gật gậy gắn gắng gắt gặp gặt gỉ gọi gọn gọt gốc gối gốm gồm gỗ gội \
    gởi gỡ gợi gục gừng gửi ha hai ham han hang hanh hao hay he hen heo hi hinh hiên hiếm hiến hiếp hiếu hiền hiểm hiển \
    hiểu hiện hiệp hiệu ho hoa hoan hoang hoi hon hong hoài hoàn hoàng hoành hoán hoãn hoạch hoại hoạn hoạt hoảng hoằng \
    hoặc hung huy huynh huyết huyền huyễn huyện huyệt huân huấn huế huệ huống huỳnh hy hà hài hàm hàn hàng hành hào há \
    hái hán háo hát hâm hân hãi hãm hãng hãy hè hé hét hình hít hò hòa hòm hòn hóa hóc hót hô hôi hôm hôn hông hùng hú \
    hút hăng hũ hơi hơn hư hưng hưu hương hươu hước hướng hường hưởng hạ hạc hạch hại hạn hạng hạnh hạo hạt hả hải hảo \
    hấp hấu hầm hầu hận hậu hắc hắn hắt hằng hẳn hẹn hẹp hẻm hết hề hệ hệt họ họa học họng họp hỏa hỏi hỏng hố hối hốt \
    hồ hồi hồn hồng hổ hổi hổng hỗ hỗn hộ hội hộp hột hới hờ hờn hở hỡi hợi hợp hụt hủ hủy hứa hức hứng hữu im in iu ke \
    kem keo kha khai khan khang khanh khao khay khe khen khi khinh khiêm khiêu khiếm khiến khiếp khiết khiếu khiển kho \
    khoa khoai khoan khoang khoe khong khoác khoái khoán khoáng khoăn khoản khoảng khoảnh khoắn khu khung khuya khuynh \
    khuyên khuyến khuyết khuê khuôn khuất khuấy khuẩn khuếch khá khác khách khái khám khán kháng khánh khát khâu khéo \
    khép khê khí khía khích khít khó khóa khóc khói khô khôi khôn không khúc khăn khơi khương khả khải khảo khấn khấu \
    khẩn khẩu khắc khắp khẳng khẽ khỉ khỏa khỏe khỏi khốc khối khốn khống khổ khổng khớp khởi khủng khứ khử ki kia kim \
    kinh kiêm kiên kiêng kiêu kiếm kiến kiếng kiếp kiềm kiều kiểm kiểng kiểu kiệm kiện kiệt ky kè kèm kèn kèo kém kén \
    kéo kép két kê kênh kêu kì kìm kí kích kín kính kíp ký kĩ kẹo kẹp kẹt kẻ kẽ kẽm kế kết kề kể kệ kỉ kịch kịp kỳ kỷ kỹ \
    la lai lam lan lang lanh lao lau lay le len leo li lim linh liêm liên liêng liêu liếm liền liều liễu liệt liệu lo \
    loa loan loi lon long loài loãng loét loại loạn loạt lu lui lun lung luyến luyện luân luôn luận luật luồn luồng luộc \
    ly là làm làn làng lành lào lá lách lái láng lánh lát lâm lân lâu lây lãi lãm lãng lãnh lão lén léo lê lên lì lí \
    lính lít lò lòng lóc lót lô lôi lông lõi lõm lùa lùi lùn lùng lúa lúc lún lút lý lăn lăng lĩnh lũ lũng lũy lơ lư \
    lưng lưu lương lưới lướt lười lường lưỡi lưỡng lược lượn lượng lượt lạ lạc lại lạm lạng lạnh lạp lạt lạy lấn lấp lấy \
    lầm lần lầu lầy lẩu lẫn lẫy lận lập lật lậu lắc lắm lắng lắp lặn lặng lặp lẻ lẽ lề lều lễ lệ lệch lệnh lịch lọ lọc \
    lọt lỏng lốc lối lốp lồ lồi lồn lồng lỗ lỗi lộ lộc lội lộn lộng lột lớn lớp lờ lời lở lỡ lợi lợn lợp lụa lục lụt lứa \
    lừa lừng lửa lửng lữ lựa lực ma mai man mang manh mau may me mem men mi min minh miu miên miêu miếng miếu miền miễn \
    miện miệng miệt mo moi mon mong mu mua mui muôn muối muốn muỗi muỗng muội muộn my mà mài màn màng mào màu mày má mác \
    mách mái máng mát máu máy mâm mâu mây mã mãi mãn mãnh mão mè mèo méo mép mét mê mênh mì mình mí mía mít mò mòn móc \
    món móng mô môi môn mông mù mùa mùi mùng múa múi múp mút măng mĩ mũ mũi mơ mưa mưu mươi mướn mười mường mượn mượt mạ \
    mạc mạch mại mạn mạng mạnh mạo mảng mảnh mất mấy mầm mầu mẩn mẩu mẫn mẫu mập mật mậu mắc mắm mắn mắng mắt mặc mặn \
    mặt mẹ mẹo mẻ mẽ mến mềm mễ mệnh mệt mỉ mỉm mịn mọc mọi mọt mỏ mỏi mỏng mốc mối mốt mồ mồi mồm mồng mổ mỗi mộ mộc \
    mộng một mới mờ mời mở mỡ mục mụn mủ mức mứt mừng mực mỳ mỹ na nai nam nan nang nao nay nem nen neo nga ngan ngang \
    ngay nghe nghi nghiêm nghiên nghiêng nghiền nghiệm nghiện nghiệp nghiệt nghèo nghé nghênh nghìn nghĩ nghĩa nghĩnh \
    nghẹn nghẹt nghẽn nghề nghệ nghỉ nghị nghịch ngoai ngoan ngon ngoài ngoái ngoại ngoạn ngoặc ngu nguy nguyên nguyễn \
    nguyện nguyệt nguồn nguội ngà ngài ngàn ngàng ngành ngào ngày ngách ngán ngâm ngân ngây ngã ngãi ngòi ngó ngói ngón \
    ngô ngôi ngôn ngõ ngăn ngũ ngơ ngơi ngư ngưng ngưu ngươi người ngưỡng ngược ngạc ngạch ngại ngạn ngạo ngạt ngả ngất \
    ngầm ngần ngẩn ngẫm ngẫu ngậm ngập ngắm ngắn ngắt ngặt ngọ ngọc ngọn ngọt ngỏ ngốc ngồi ngộ ngột ngờ ngời ngỡ ngợi \
    ngụ ngục ngụy ngủ ngứa ngừa ngừng ngửa ngữ ngự ngựa ngực nha nhai nhan nhang nhanh nhau nhe nhi nhiên nhiêu nhiếp \
    nhiều nhiễm nhiễu nhiệm nhiệt nho nhu nhung nhuyễn nhuận nhuộm nhà nhàm nhàn nhàng nhào nhá nhái nhám nhánh nhát \
    nháy nhâm nhân nhã nhãn nhé nhì nhìn nhìu nhí nhóc nhóm nhôm nhún nhúng nhăn nhĩ nhũ nhũng nhơn như nhưng nhường \
    nhược nhượng nhạc nhạt nhạy nhảy nhấn nhấp nhất nhầm nhẫn nhậm nhận nhập nhật nhậu nhắc nhắm nhắn nhằm nhặt nhẹ nhẹn \
    nhện nhỉ nhị nhịn nhịp nhọ nhọc nhọn nhỏ nhồi nhổ nhộn nhớ nhớt nhờ nhờn nhở nhục nhủ nhức những nhựa nhựt ni ninh \
    niêm niên niềm niệm niệu no noi non nong nu nung nuôi nuối nuốt nà nàn nàng nành nào này nách nám náo nát nâng nâu \
    nã não nè né ném nén nét nêm nên nêu níu nòng nó nóc nói nón nóng nô nôi nôn nông núi núm nút năm năng nơ nơi nương \
    nước nướng nạ nại nạn nạo nạp nản nảy nấm nấu nấy nầy nắm nắn nắng nắp nằm nẵng nặn nặng nẻo nếm nến nếp nếu nề nền \
    nể nệm nỉ nọ nối nốt nồi nồng nổ nổi nỗ nỗi nộ nội nộp nở nợ nụ nứa nức nứng nứt nửa nữ nữa oai oan oanh oi on ong \
    oán pa pha phai pham phan phang phanh phao phay phe phi phim phiên phiêu phiến phiếu phiền pho phong phu phun phàm \
    phá phác phách phái phán pháo pháp phát phân phèn phép phê phì phí phía phím phòng phó phóng phô phôi phông phù \
    phùng phú phúc phút phơi phương phước phường phượng phượt phạm phạt phả phải phản phấn phầm phần phẩm phẩy phẫu phận \
    phật phẳng phế phỏng phố phối phốt phồng phổ phổi phở phụ phục phụng phủ phức pin po pu pù qua quai quan quang quanh \
    quay que quen qui quy quyên quyến quyết quyền quyển quyện quà quá quách quái quán quát quân quây quãng quét quê quên \
    quí quý quýt quạt quả quản quảng quấn quất quấy quần quầy quận quật quặng quế quốc quỳ quỳnh quỷ quỹ ra ram rang \
    ranh rao rau ray re ren reo ri riêng ro roi rong ru run rung ruồi ruộng ruột rà ràng rào rác rách rán ráo ráp râu rã \
    rãi rãnh rèm rèn rét rên rêu rò ròng rót rô rõ rùa rùi rùng rút răng rũ rơi rơm rước rượu rạch rạn rạng rạp rải rảnh \
    rất rẫy rắc rắn rằm rằng rẻ rẽ rể rễ rệt rỉ rịa rối rốn rốt rồi rồng rổ rỗi rỗng rộ rộn rộng rớt rời rỡ rợn rụng rủ \
    rủi rừng rửa rực sa sai sam san sang sanh sao sau say se sen seo si sim sinh siêu siết so soi son song soái soát \
    soạn su sua sun sung suy suông suýt suất suối suốt sài sàn sàng sành sào sách sáng sánh sáo sáp sát sáu sâm sân sâu \
    séc sét sò sóc sói sóng sót sô sôi sông sùi súc súng súp sút săn sĩ sơ sơn sư sưa sưng sưu sương sướng sườn sưởi sạc \
    sạch sạn sả sản sảng sảnh sấu sấy sầm sầu sập sắc sắm sắn sắp sắt sẵn sặc sẹo sẻ sẽ sếp sỉ sọ sọc sỏi số sốc sống \
    sốt sồi sổ sớm sờ sở sỡ sợ sợi sục sụn sụp sụt sứ sức sừng sử sửa sửu sữa sự sỹ ta tai tam tan tang tao tay te tem \
    tha thai tham than thang thanh thao thay the theo thi thiêm thiên thiêng thiêu thiếp thiết thiếu thiền thiểu thiện \
    thiệp thiệt thiệu tho thoa thoai thoi thon thong thoái thoáng thoát thoại thoải thoảng thu thua thui thun thung thuy \
    thuyết thuyền thuê thuần thuẫn thuận thuật thuế thuốc thuộc thuột thuở thy thà thành thác thách thái thám tháng \
    thánh tháo tháp thâm thân thâu thèm thép thê thêm thêu thì thìa thìn thí thích thính thói thô thôi thôn thông thù \
    thùng thùy thú thúc thúy thăm thăng thơ thơm thư thưa thương thước thường thưởng thượng thạc thạch thạnh thạo thả \
    thải thảm thản thảo thấm thấp thất thấu thấy thầm thần thầu thầy thẩm thậm thận thập thật thắc thắm thắn thắng thắp \
    thắt thằng thẳm thẳng thẻ thế thề thềm thể thỉnh thị thịnh thịt thọ thỏ thỏa thỏi thối thốn thống thốt thổ thổi thới \
    thớt thờ thời thở thợ thụ thục thụy thủ thủng thủy thứ thức thừa thử thửa thự thực ti tia tim tin tinh tiêm tiên \
    tiêu tiếc tiến tiếng tiếp tiết tiếu tiềm tiền tiểu tiễn tiệc tiệm tiện tiệp tiệt to toa toan toi tom tong toàn toán \
    toát toản tra trai tran trang tranh trao trau tre tren treo tri trinh triết triều triển triệt triệu tro tron trong \
    tru trung truy truyền truyện trà tràm tràn tràng trào trách trái trán tráng tránh trâm trân trâu trãi trên trêu trì \
    trình trí trích trò tròn tròng trói trôi trông trù trùm trùng trú trúc trúng trút trăm trăn trăng trĩ trơn trưa \
    trưng trương trước trường trưởng trượt trạch trại trạm trạng trả trải trảng trấn trầm trần trầy trận trật trắc trắng \
    trẻ trễ trệt trị trịnh trọ trọn trọng trọt trỏ trốn trống trồng trổ trội trộm trộn trời trở trợ trụ trục trứng trừ \
    trừng trữ trực tu tua tui tum tung tuy tuyên tuyến tuyết tuyền tuyển tuyệt tuân tuấn tuất tuần tuệ tuổi ty tà tài \
    tàn tàng tào tàu tá tác tách tái tám tán táng táo tát tâm tân tây té tép tê tên tì tìm tình tí tích tím tín tính tít \
    tò tòa tòi tóc tóm tô tôi tôm tôn tông tù tùng tùy tú túc túi túng túy tý tăm tăng tĩnh tơ tơi tư tưng tươi tương \
    tước tưới tướng tường tưởng tượng tạ tại tạm tạng tạo tạp tả tải tản tảng tảo tấm tấn tấp tất tấu tầm tần tầng tẩm \
    tẩy tận tập tật tậu tắc tắm tắn tắt tằm tặc tặng tế tết tệ tệp tỉ tỉa tỉnh tị tịch tịnh tọa tỏ tỏa tỏi tố tốc tối \
    tốn tống tốp tốt tồi tồn tổ tổn tổng tộc tội tớ tới tờ tụ tục tụi tụng tụt tụy tủ tủa tủy tứ tức từ từng tử tự tựa \
    tực tựu tỳ tỷ ung uy uyên uất uốn uống va vai van vang vao vay ve ven vi vinh viêm viên viếng viết viền viễn việc \
    viện việt vo voan voi vong vu vua vui vung vuông vuốt vy và vài vàn vàng vành vào vá vác vách ván váng váy vân vâng \
    vây vã vãi vãng vé vét vê vì ví vía vít vò vòi vòm vòng vóc vô vôi võ võng vùi vùng vú văn văng vĩ vĩnh vũ vũng vơ \
    vơi vươn vương vướng vườn vượng vượt vạch vạn vạt vả vải vảy vấn vấp vất vần vầy vẫn vẫy vận vật vậy vắng vắt vặn \
    vặt vẹn vẻ vẽ vế vết về vệ vỉ vỉa vị vịnh vịt vọng vọt vỏ vốn vồng vỗ vội vớ với vớt vờ vời vở vỡ vợ vợt vụ vụn vụng \
    vứt vừa vữa vững vực vựng vỹ xa xanh xao xay xe xem xen xi xin xinh xiên xo xoa xoan xoang xoay xong xoài xoáy xoăn \
    xoắn xu xua xui xung xuyên xuân xuôi xuất xuống xà xài xào xá xác xách xám xát xâm xây xã xé xét xì xí xích xíu xòe \
    xóa xóm xót xô xôi xôn xông xù xúc xăm xăng xơ xưa xưng xương xước xướng xưởng xạ xả xảo xảy xấu xắn xẻ xế xếp xỉ \
    xịn xịt xố xốp xổ xứ xứng xử yên yêu yếm yến yết yếu ào ác ái ám án ánh áo áp âm ân âu ép êm ích ít óc ôi ôm ôn ông \
    ùn úc úp út úy ý ăn đa đai đam đan đang đao đau đe đem đen đeo đi đinh điên điêu điềm điền điều điểm điển điện điệp \
    điệu đo đoan đong đoàn đoán đoạn đoạt đu đua đun đuôi đuối đuổi đà đài đàm đàn đàng đành đào đá đái đám đán đáng \
    đánh đáo đáp đáy đâm đâu đây đã đãi đãng đè đèn đèo đê đêm đình đích đính đít đò đòi đòn đó đóa đói đón đóng đô đôi \
    đôn đông đùa đùi đúc đúng đút đăng đĩa đũa đơn đưa đương đường được đạc đại đạm đạn đạo đạp đạt đả đảm đản đảng đảo \
    đấm đấng đất đấu đấy đầm đầu đầy đẩy đẫm đậm đập đậu đậy đắc đắm đắn đắng đắp đắt đằng đẳng đặc đặn đặng đặt đẹp đẻ \
    đế đếm đến đề đền đều để đệ đệm đỉnh địa địch định địt đọ đọc đọng đỏ đố đốc đối đốm đốn đống đốt đồ đồi đồn đồng đổ \
    đổi đỗ độ độc đội độn động đột đới đớn đời đỡ đợi đợt đụ đục đụng đủ đứa đức đứng đứt đừng đực đựng ơi ơn ưa ưng ưu \
    ươm ương ước ướp ướt ạt ải ảnh ảo ấm ấn ấp ất ấu ấy ầm ẩm ẩn ắc ếch ốc ốm ống ốp ồn ổn ớt ở ủi ủng ủy ức ứng
    """
}
