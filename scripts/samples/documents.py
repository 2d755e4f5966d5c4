"""A4 documents. Each builder takes a back-end factory and returns (Doc, fields)."""
from .engine import Doc, mm
from .people import (AN, BINH, CHAU, COMPANY, WARD, WARD_CAPS, CITY_CAPS, NATION, MOTTO, WARD_VICE_CHAIR,
                     WARD_CHAIR, PROV_VICE_CHAIR, BIRTH_PLACE, CHILD_QUE)

S = 13  # body size, pt (Nghị định 30/2020: 13-14 pt)


def _hdr(d, left, right_extra=(), rules=(None, 1), split=mm(78)):
    d.columns(left, [(NATION, "serif-b", 11), (MOTTO, "serif-b", 13)] + list(right_extra), split=split,
              rules=rules)


def _national_only(d, extra=()):
    d.line(NATION, "serif-b", 11.5, align="center", lead=1.35)
    d.line(MOTTO, "serif-b", 13, align="center", lead=1.1)
    d.rule(mm(52), 13)
    for text, key, size, align in extra:
        d.line(text, key, size, align=align)


# ---------------------------------------------------------------------------------------
def to_khai_khai_sinh(factory):
    d = Doc(factory)
    _national_only(d)
    d.gap(8)
    d.line("TỜ KHAI ĐĂNG KÝ KHAI SINH", "serif-b", 15, align="center", lead=1.6)
    d.line("Kính gửi: Ủy ban nhân dân phường Điện Biên, thành phố Thanh Hóa", "serif", S, align="center",
           lead=1.8)
    P = lambda lab, val, vk="serif": d.para([(lab, "serif"), (val, vk)], S, indent=0, hang=mm(5), lead=1.32)
    P("Họ, chữ đệm, tên người yêu cầu:", AN["hoTen"], "serif-b")
    P("Nơi cư trú:", AN["cuTruDayDu"])
    P("Giấy tờ tùy thân:", "Căn cước công dân số " + AN["cccd"])
    P("Số điện thoại:", AN["phone"])
    P("Quan hệ với người được khai sinh:", "Cha")
    d.para("Đề nghị cơ quan đăng ký khai sinh cho người dưới đây:", S, indent=0)
    P("Họ, chữ đệm, tên:", CHAU["caps"], "serif-b")
    P("Ngày, tháng, năm sinh:", CHAU["ngaySinh"])
    P("ghi bằng chữ:", "Ngày hai mươi tám, tháng mười, năm hai nghìn không trăm hai mươi tư")
    d.row([(0, [("Giới tính: ", "serif"), ("Nữ", "serif")]), (mm(45), [("Dân tộc: ", "serif"), ("Kinh", "serif")]),
           (mm(95), [("Quốc tịch: ", "serif"), ("Việt Nam", "serif")])], S)
    P("Nơi sinh:", BIRTH_PLACE)
    P("Quê quán:", CHILD_QUE)
    P("Họ, chữ đệm, tên người mẹ:", BINH["caps"], "serif-b")
    d.row([(0, [("Năm sinh: ", "serif"), ("1992", "serif")]), (mm(45), [("Dân tộc: ", "serif"), ("Kinh", "serif")]),
           (mm(95), [("Quốc tịch: ", "serif"), ("Việt Nam", "serif")])], S)
    P("Nơi cư trú:", BINH["cuTruDayDu"])
    P("Họ, chữ đệm, tên người cha:", AN["caps"], "serif-b")
    d.row([(0, [("Năm sinh: ", "serif"), ("1990", "serif")]), (mm(45), [("Dân tộc: ", "serif"), ("Kinh", "serif")]),
           (mm(95), [("Quốc tịch: ", "serif"), ("Việt Nam", "serif")])], S)
    P("Nơi cư trú:", AN["cuTruDayDu"])
    d.gap(4)
    d.para("Tôi cam đoan nội dung đề nghị đăng ký khai sinh trên đây là đúng sự thật, được sự thỏa thuận "
           "nhất trí của các bên liên quan theo quy định pháp luật.", S)
    d.para("Tôi chịu hoàn toàn trách nhiệm trước pháp luật về nội dung cam đoan của mình.", S)
    d.gap(6)
    d.line("Làm tại: Thanh Hóa, ngày 05 tháng 11 năm 2024", "serif-i", S, align="right")
    d.signature_block([], [("Người yêu cầu", "serif-b"), ("(Ký, ghi rõ họ, chữ đệm, tên)", "serif-i")],
                      AN["hoTen"], seed=11, stamp=False)
    fields = dict(tieuDe="Tờ khai đăng ký khai sinh", hoTen=AN["hoTen"], soDinhDanh=AN["cccd"],
                  noiCuTru=AN["cuTruDayDu"], soDienThoai="0912345678", ngayKhai="2024-11-05")
    return d, fields


# ---------------------------------------------------------------------------------------
def giay_khai_sinh(factory):
    d = Doc(factory, mt=mm(22))
    b = d.b
    b.rect(mm(12), mm(12), mm(198), mm(285), width=2.2, grey=60)
    b.rect(mm(14.5), mm(14.5), mm(195.5), mm(282.5), width=0.7, grey=60)
    _hdr(d, [("Số: 45", "serif", S), ("Quyển số: 01/2024", "serif", S)], rules=(None, 1))
    d.gap(18)
    d.line("GIẤY KHAI SINH", "serif-b", 20, align="center", lead=2.0)
    P = lambda lab, val, vk="serif": d.para([(lab, "serif"), (val, vk)], S, indent=0, hang=mm(5), lead=1.32)
    P("Họ, chữ đệm, tên:", CHAU["caps"], "serif-b")
    P("Ngày, tháng, năm sinh:", CHAU["ngaySinh"])
    P("ghi bằng chữ:", "Ngày hai mươi tám, tháng mười, năm hai nghìn không trăm hai mươi tư")
    d.row([(0, [("Giới tính: ", "serif"), ("Nữ", "serif")]), (mm(45), [("Dân tộc: ", "serif"), ("Kinh", "serif")]),
           (mm(95), [("Quốc tịch: ", "serif"), ("Việt Nam", "serif")])], S)
    P("Nơi sinh:", BIRTH_PLACE)
    P("Quê quán:", CHILD_QUE)
    P("Số định danh cá nhân:", CHAU["cccd"], "serif-b")
    d.gap(6)
    P("Họ, chữ đệm, tên người mẹ:", BINH["caps"], "serif-b")
    d.row([(0, [("Năm sinh: ", "serif"), ("1992", "serif")]), (mm(45), [("Dân tộc: ", "serif"), ("Kinh", "serif")]),
           (mm(95), [("Quốc tịch: ", "serif"), ("Việt Nam", "serif")])], S)
    P("Nơi cư trú:", BINH["cuTruDayDu"])
    d.gap(6)
    P("Họ, chữ đệm, tên người cha:", AN["caps"], "serif-b")
    d.row([(0, [("Năm sinh: ", "serif"), ("1990", "serif")]), (mm(45), [("Dân tộc: ", "serif"), ("Kinh", "serif")]),
           (mm(95), [("Quốc tịch: ", "serif"), ("Việt Nam", "serif")])], S)
    P("Nơi cư trú:", AN["cuTruDayDu"])
    d.gap(6)
    P("Họ, chữ đệm, tên người đi khai sinh:", AN["hoTen"])
    P("Giấy tờ tùy thân:", "Căn cước công dân số " + AN["cccd"])
    P("Nơi đăng ký khai sinh:", "Ủy ban nhân dân phường Điện Biên, thành phố Thanh Hóa, tỉnh Thanh Hóa")
    P("Ngày, tháng, năm đăng ký:", "05/11/2024")
    d.gap(10)
    d.signature_block([], [("NGƯỜI KÝ GIẤY KHAI SINH", "serif-b"),
                           ("(Ký, ghi rõ họ, chữ đệm, tên, chức vụ, đóng dấu)", "serif-i"),
                           ("KT. CHỦ TỊCH", "serif-b"), ("PHÓ CHỦ TỊCH", "serif-b")],
                      WARD_VICE_CHAIR, seed=45, right_x0=d.x0 + mm(55), size=S)
    fields = dict(soDinhDanh=CHAU["cccd"], hoTen=CHAU["hoTen"], ngaySinh=CHAU["iso"], gioiTinh="Nữ", danToc="Kinh",
                  quocTich="Việt Nam", noiSinh=BIRTH_PLACE, queQuan=CHILD_QUE, hoTenMe=BINH["hoTen"],
                  hoTenCha=AN["hoTen"], soDangKy="45", quyenSo="01/2024", ngayDangKy="2024-11-05",
                  coQuanDangKy="Ủy ban nhân dân phường Điện Biên, thành phố Thanh Hóa, tỉnh Thanh Hóa")
    return d, fields


# ---------------------------------------------------------------------------------------
def giay_chung_sinh(factory):
    d = Doc(factory)
    _hdr(d, [("SỞ Y TẾ THANH HÓA", "serif", 12), ("BỆNH VIỆN PHỤ SẢN THANH HÓA", "serif-b", 12),
             ("Số: 1587/GCS", "serif", 12)], rules=(1, 1))
    d.gap(14)
    d.line("GIẤY CHỨNG SINH", "serif-b", 17, align="center", lead=1.9)
    P = lambda lab, val, vk="serif": d.para([(lab, "serif"), (val, vk)], S, indent=0, hang=mm(5), lead=1.32)
    P("Họ và tên mẹ:", BINH["hoTen"], "serif-b")
    d.row([(0, [("Năm sinh: 1992", "serif")]), (mm(60), [("Dân tộc: Kinh", "serif")])], S)
    P("Số định danh cá nhân:", BINH["cccd"])
    P("Nơi cư trú:", BINH["cuTruDayDu"])
    P("Đã sinh con vào lúc:", "09 giờ 20 phút, ngày 28 tháng 10 năm 2024")
    P("Tại:", "Bệnh viện Phụ sản Thanh Hóa")
    d.row([(0, [("Số lần sinh: 01", "serif")]), (mm(60), [("Số con trong lần sinh: 01", "serif")])], S)
    d.row([(0, [("Giới tính của con: Nữ", "serif")]), (mm(60), [("Cân nặng: 3.100 gam", "serif")])], S)
    P("Tình trạng con:", "Khỏe mạnh")
    P("Dự định đặt tên con là:", CHAU["hoTen"], "serif-b")
    d.gap(10)
    d.line("Thanh Hóa, ngày 28 tháng 10 năm 2024", "serif-i", S, align="right")
    d.signature_block([("Người đỡ đẻ", "serif-b"), ("(Ký, ghi rõ họ, tên)", "serif-i")],
                      [("THỦ TRƯỞNG CƠ SỞ Y TẾ", "serif-b"), ("(Ký, ghi rõ họ tên, đóng dấu)", "serif-i")],
                      "Trịnh Văn Quý", seed=7, left_size=12)
    return d, {}


# ---------------------------------------------------------------------------------------
def giay_chung_nhan_ket_hon(factory):
    d = Doc(factory, mt=mm(22))
    d.b.rect(mm(12), mm(12), mm(198), mm(285), width=2.2, grey=0)
    _hdr(d, [("ỦY BAN NHÂN DÂN", "serif-b", 12), ("PHƯỜNG ĐIỆN BIÊN", "serif-b", 12),
             ("Số: 28", "serif", S), ("Quyển số: 01/2018", "serif", S)], rules=(1, 1))
    d.gap(16)
    d.line("GIẤY CHỨNG NHẬN KẾT HÔN", "serif-b", 19, align="center", lead=2.0)
    P = lambda lab, val, vk="serif": d.para([(lab, "serif"), (val, vk)], S, indent=0, hang=mm(5), lead=1.32)
    P("Họ, chữ đệm, tên chồng:", AN["caps"], "serif-b")
    P("Ngày, tháng, năm sinh:", AN["ngaySinh"])
    d.row([(0, [("Dân tộc: Kinh", "serif")]), (mm(60), [("Quốc tịch: Việt Nam", "serif")])], S)
    P("Nơi cư trú:", AN["cuTruDayDu"])
    P("Giấy tờ tùy thân:", "Chứng minh nhân dân số " + AN["cmnd"])
    d.gap(6)
    P("Họ, chữ đệm, tên vợ:", BINH["caps"], "serif-b")
    P("Ngày, tháng, năm sinh:", BINH["ngaySinh"])
    d.row([(0, [("Dân tộc: Kinh", "serif")]), (mm(60), [("Quốc tịch: Việt Nam", "serif")])], S)
    P("Nơi cư trú:", BINH["cuTruDayDu"])
    P("Giấy tờ tùy thân:", "Chứng minh nhân dân số 173998421")
    d.gap(6)
    P("Ngày, tháng, năm đăng ký:", "12/06/2018")
    d.gap(10)
    d.signature_block([("Chồng: Nguyễn Văn An", "serif"), ("Vợ: Lê Thị Bình", "serif")],
                      [("TM. ỦY BAN NHÂN DÂN", "serif-b"), ("CHỦ TỊCH", "serif-b")],
                      "Lương Văn Tâm", seed=28, left_size=12)
    return d, {}


# ---------------------------------------------------------------------------------------
def to_khai_xac_nhan_tthn(factory):
    d = Doc(factory)
    _national_only(d)
    d.gap(8)
    d.line("TỜ KHAI CẤP GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN", "serif-b", 14, align="center", lead=1.6)
    d.line("Kính gửi: Ủy ban nhân dân phường Điện Biên", "serif", S, align="center", lead=1.8)
    P = lambda lab, val, vk="serif": d.para([(lab, "serif"), (val, vk)], S, indent=0, hang=mm(5), lead=1.32)
    P("Họ, chữ đệm, tên người yêu cầu:", BINH["hoTen"], "serif-b")
    P("Nơi cư trú:", BINH["cuTruDayDu"])
    P("Giấy tờ tùy thân:", "Căn cước công dân số " + BINH["cccd"])
    P("Số điện thoại:", BINH["phone"])
    P("Quan hệ với người được cấp Giấy xác nhận tình trạng hôn nhân:", "Bản thân")
    d.para("Đề nghị cấp Giấy xác nhận tình trạng hôn nhân cho người có tên dưới đây:", S, indent=0)
    P("Họ, chữ đệm, tên:", BINH["caps"], "serif-b")
    P("Ngày, tháng, năm sinh:", BINH["ngaySinh"])
    d.row([(0, [("Giới tính: Nữ", "serif")]), (mm(45), [("Dân tộc: Kinh", "serif")]),
           (mm(95), [("Quốc tịch: Việt Nam", "serif")])], S)
    P("Giấy tờ tùy thân:", "Căn cước công dân số " + BINH["cccd"])
    P("Nơi cư trú:", BINH["cuTruDayDu"])
    P("Trong thời gian cư trú tại:", "Phường Điện Biên, thành phố Thanh Hóa, tỉnh Thanh Hóa")
    P("Từ ngày:", "02/07/2010 đến ngày 21/10/2024")
    P("Tình trạng hôn nhân:", "Đang có chồng là ông Nguyễn Văn An")
    P("Mục đích sử dụng Giấy xác nhận tình trạng hôn nhân:", "Bổ sung hồ sơ vay vốn tại ngân hàng")
    d.gap(4)
    d.para("Tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật "
           "về cam đoan của mình.", S)
    d.gap(6)
    d.line("Làm tại: Phường Điện Biên, ngày 21 tháng 10 năm 2024", "serif-i", S, align="right")
    d.signature_block([], [("Người yêu cầu", "serif-b"), ("(Ký, ghi rõ họ, chữ đệm, tên)", "serif-i")],
                      BINH["hoTen"], seed=12, stamp=False)
    fields = dict(tieuDe="Tờ khai cấp Giấy xác nhận tình trạng hôn nhân", hoTen=BINH["hoTen"],
                  soDinhDanh=BINH["cccd"], noiCuTru=BINH["cuTruDayDu"], soDienThoai="0983456712",
                  ngayKhai="2024-10-21")
    return d, fields


# ---------------------------------------------------------------------------------------
def giay_xac_nhan_tthn(factory):
    d = Doc(factory)
    _hdr(d, [(CITY_CAPS, "serif", 12), ("ỦY BAN NHÂN DÂN", "serif-b", 12), ("PHƯỜNG ĐIỆN BIÊN", "serif-b", 12),
             ("Số: 112/UBND-XNTTHN", "serif", S)],
         right_extra=[("Điện Biên, ngày 23 tháng 10 năm 2024", "serif-i", S)], rules=(2, 1))
    d.gap(14)
    d.line("GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN", "serif-b", 15, align="center", lead=1.8)
    d.line(WARD_CAPS, "serif-b", S, align="center", lead=1.6)
    d.para("Xét đề nghị của bà Lê Thị Bình về việc cấp Giấy xác nhận tình trạng hôn nhân cho bà Lê Thị Bình,",
           S)
    d.line("XÁC NHẬN:", "serif-b", S, align="center", lead=1.6)
    P = lambda lab, val, vk="serif": d.para([(lab, "serif"), (val, vk)], S, indent=0, hang=mm(5), lead=1.32)
    P("Họ, chữ đệm, tên:", BINH["caps"], "serif-b")
    P("Ngày, tháng, năm sinh:", BINH["ngaySinh"])
    d.row([(0, [("Giới tính: Nữ", "serif")]), (mm(45), [("Dân tộc: Kinh", "serif")]),
           (mm(95), [("Quốc tịch: Việt Nam", "serif")])], S)
    P("Giấy tờ tùy thân:", "Căn cước công dân số " + BINH["cccd"])
    P("Nơi cư trú:", BINH["cuTruDayDu"])
    P("Trong thời gian cư trú tại:", "Phường Điện Biên, thành phố Thanh Hóa, tỉnh Thanh Hóa")
    P("Từ ngày:", "02/07/2010 đến ngày 23/10/2024")
    P("Tình trạng hôn nhân:", "Đang có chồng là ông Nguyễn Văn An")
    P("Giấy này được cấp để sử dụng vào mục đích:", "Bổ sung hồ sơ vay vốn tại ngân hàng")
    d.para("Giấy này có giá trị sử dụng trong thời hạn 06 tháng, kể từ ngày cấp.", S, indent=0)
    d.gap(10)
    d.signature_block([], [("NGƯỜI KÝ GIẤY XÁC NHẬN", "serif-b"),
                           ("(Ký, ghi rõ họ, chữ đệm, tên, chức vụ, đóng dấu)", "serif-i"),
                           ("KT. CHỦ TỊCH", "serif-b"), ("PHÓ CHỦ TỊCH", "serif-b")],
                      WARD_VICE_CHAIR, seed=112, right_x0=d.x0 + mm(55))
    fields = dict(soKyHieu="112/UBND-XNTTHN", hoTen=BINH["hoTen"], ngaySinh=BINH["iso"], gioiTinh="Nữ",
                  danToc="Kinh", quocTich="Việt Nam", soGiayTo=BINH["cccd"], noiCuTru=BINH["cuTruDayDu"],
                  tinhTrangHonNhan="Đang có chồng là ông Nguyễn Văn An",
                  mucDichSuDung="Bổ sung hồ sơ vay vốn tại ngân hàng", ngayCap="2024-10-23",
                  coGiaTriDen="2025-04-23", coQuanCap=WARD, nguoiKy=WARD_VICE_CHAIR)
    return d, fields


# ---------------------------------------------------------------------------------------
DECISION_TRICH_YEU = ("Về việc cho phép Công ty TNHH Sao Mai Thanh Hóa chuyển mục đích sử dụng đất "
                      "tại phường Điện Biên, thành phố Thanh Hóa")


def quyet_dinh(factory):
    d = Doc(factory)
    _hdr(d, [("ỦY BAN NHÂN DÂN", "serif-b", 12), ("TỈNH THANH HÓA", "serif-b", 12), ("Số: 45/QĐ-UBND", "serif", S)],
         right_extra=[("Thanh Hóa, ngày 05 tháng 11 năm 2024", "serif-i", S)], rules=(1, 1))
    d.gap(14)
    d.line("QUYẾT ĐỊNH", "serif-b", 14, align="center", lead=1.4)
    d.para([(DECISION_TRICH_YEU, "serif-b")], 14, indent=0, align="center", x0=d.x0 + mm(8), x1=d.x1 - mm(8))
    d.rule(mm(35))
    d.line("ỦY BAN NHÂN DÂN TỈNH THANH HÓA", "serif-b", 14, align="center", lead=1.7)
    for t in [
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số "
        "điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;",
        "Căn cứ Luật Đất đai ngày 18 tháng 01 năm 2024;",
        "Căn cứ Nghị định số 102/2024/NĐ-CP ngày 30 tháng 7 năm 2024 của Chính phủ quy định chi tiết thi hành "
        "một số điều của Luật Đất đai;",
        "Xét Đơn đề nghị ngày 15 tháng 10 năm 2024 của Công ty TNHH Sao Mai Thanh Hóa; đề nghị của Giám đốc "
        "Sở Tài nguyên và Môi trường tại Tờ trình số 1234/TTr-STNMT ngày 30 tháng 10 năm 2024.",
    ]:
        d.para([(t, "serif-i")], S)
    d.gap(4)
    d.line("QUYẾT ĐỊNH:", "serif-b", 14, align="center", lead=1.6)
    d.para([("Điều 1. ", "serif-b"),
            ("Cho phép Công ty TNHH Sao Mai Thanh Hóa (mã số doanh nghiệp 2801234564) chuyển mục đích sử "
             "dụng 1.250,0 m² đất trồng cây hằng năm khác sang đất thương mại, dịch vụ để xây dựng Trung tâm "
             "giới thiệu sản phẩm và văn phòng làm việc tại phường Điện Biên, thành phố Thanh Hóa.", "serif")], S)
    for t in [
        "1. Vị trí, ranh giới khu đất: thửa đất số 215, tờ bản đồ số 12, bản đồ địa chính phường Điện Biên; "
        "ranh giới được xác định theo trích lục bản đồ địa chính số 86/TLBĐ do Văn phòng Đăng ký đất đai "
        "tỉnh Thanh Hóa lập ngày 20 tháng 10 năm 2024.",
        "2. Hình thức sử dụng đất: Nhà nước cho thuê đất trả tiền thuê đất hằng năm.",
        "3. Thời hạn sử dụng đất: 50 năm kể từ ngày ký Quyết định này.",
        "4. Giá đất, tiền thuê đất: thực hiện theo quy định của pháp luật hiện hành.",
    ]:
        d.para(t, S)
    d.para([("Điều 2. ", "serif-b"),
            ("Giao Sở Tài nguyên và Môi trường chủ trì, phối hợp với Ủy ban nhân dân thành phố Thanh Hóa, "
             "Ủy ban nhân dân phường Điện Biên tổ chức bàn giao đất trên thực địa; chỉnh lý hồ sơ địa chính "
             "và cập nhật cơ sở dữ liệu đất đai theo quy định. Cục Thuế tỉnh Thanh Hóa xác định và thông báo "
             "tiền thuê đất phải nộp cho Công ty TNHH Sao Mai Thanh Hóa.", "serif")], S)
    d.para([("Điều 3. ", "serif-b"),
            ("Quyết định này có hiệu lực thi hành kể từ ngày ký. Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám "
             "đốc các Sở: Tài nguyên và Môi trường, Tài chính, Xây dựng; Cục trưởng Cục Thuế tỉnh; Chủ tịch "
             "Ủy ban nhân dân thành phố Thanh Hóa; Chủ tịch Ủy ban nhân dân phường Điện Biên; Giám đốc Công ty "
             "TNHH Sao Mai Thanh Hóa và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định "
             "này./.", "serif")], S)
    d.gap(10)
    d.signature_block([("Nơi nhận:", "serif-bi"), ("- Như Điều 3 Quyết định;", "serif"),
                       ("- Chủ tịch UBND tỉnh (để b/c);", "serif"), ("- Lưu: VT, NN.", "serif")],
                      [("KT. CHỦ TỊCH", "serif-b"), ("PHÓ CHỦ TỊCH", "serif-b")], PROV_VICE_CHAIR, seed=4501)
    fields = dict(soKyHieu="45/QĐ-UBND", ngayBanHanh="2024-11-05", coQuanBanHanh="UBND tỉnh Thanh Hóa",
                  loaiVanBan="Quyết định", trichYeu=DECISION_TRICH_YEU, nguoiKy=PROV_VICE_CHAIR)
    return d, fields


# ---------------------------------------------------------------------------------------
def don_de_nghi_cty(factory):
    d = Doc(factory)
    _national_only(d)
    d.line("Thanh Hóa, ngày 15 tháng 10 năm 2024", "serif-i", S, align="right", lead=1.8)
    d.line("ĐƠN ĐỀ NGHỊ", "serif-b", 15, align="center", lead=1.35)
    d.line("CHO PHÉP CHUYỂN MỤC ĐÍCH SỬ DỤNG ĐẤT", "serif-b", 15, align="center", lead=1.8)
    d.line("Kính gửi: Ủy ban nhân dân tỉnh Thanh Hóa", "serif", S, align="center", lead=1.8)
    P = lambda lab, val, vk="serif": d.para([(lab, "serif"), (val, vk)], S, indent=0, hang=mm(5), lead=1.32)
    P("1. Tên tổ chức đề nghị:", COMPANY["ten"], "serif-b")
    P("2. Mã số thuế:", COMPANY["mst"], "serif-b")
    P("3. Địa chỉ trụ sở chính:", COMPANY["diaChi"])
    P("4. Người đại diện theo pháp luật:", AN["hoTen"] + "; chức vụ: Giám đốc")
    P("5. Số định danh cá nhân của người đại diện:", AN["cccd"])
    P("6. Số điện thoại liên hệ:", COMPANY["phone"])
    P("7. Địa điểm khu đất:", "Thửa đất số 215, tờ bản đồ số 12, phường Điện Biên, thành phố Thanh Hóa, "
                             "tỉnh Thanh Hóa")
    P("8. Diện tích đất đề nghị chuyển mục đích:", "1.250,0 m²")
    P("9. Mục đích sử dụng đất hiện tại:", "Đất trồng cây hằng năm khác")
    P("10. Mục đích sử dụng đất sau khi chuyển:", "Đất thương mại, dịch vụ")
    P("11. Để thực hiện:", "Xây dựng Trung tâm giới thiệu sản phẩm và văn phòng làm việc")
    P("12. Thời hạn sử dụng đất đề nghị:", "50 năm")
    P("13. Hình thức sử dụng đất:", "Thuê đất trả tiền thuê đất hằng năm")
    d.para("14. Cam kết sử dụng đất:", S, indent=0)
    for t in [
        "- Sử dụng đất đúng mục đích, đúng ranh giới thửa đất, tuân thủ các quy định của pháp luật về đất "
        "đai, xây dựng và bảo vệ môi trường;",
        "- Nộp tiền thuê đất và các khoản nghĩa vụ tài chính khác đầy đủ, đúng hạn theo thông báo của cơ quan "
        "thuế;",
    ]:
        d.para(t, S, indent=mm(5), hang=mm(5))
    d.new_page()
    for t in [
        "- Đưa đất vào sử dụng trong thời hạn 12 tháng kể từ ngày nhận bàn giao đất trên thực địa;",
        "- Chấp hành việc thu hồi đất khi Nhà nước có quyết định thu hồi theo quy định của pháp luật.",
    ]:
        d.para(t, S, indent=mm(5), hang=mm(5))
    d.para("15. Hồ sơ kèm theo:", S, indent=0)
    for t in ["- Bản sao Giấy chứng nhận đăng ký doanh nghiệp;",
              "- Bản sao Căn cước công dân của người đại diện theo pháp luật;",
              "- Trích lục bản đồ địa chính khu đất;",
              "- Văn bản xác nhận hiện trạng sử dụng đất của Ủy ban nhân dân phường Điện Biên."]:
        d.para(t, S, indent=mm(5), hang=mm(5))
    d.para("Công ty TNHH Sao Mai Thanh Hóa cam đoan nội dung kê khai trên đây là đúng sự thật và chịu trách "
           "nhiệm trước pháp luật về nội dung đã kê khai.", S)
    d.gap(10)
    d.signature_block([], [("NGƯỜI ĐẠI DIỆN THEO PHÁP LUẬT", "serif-b"), ("(Ký, ghi rõ họ tên, đóng dấu)", "serif-i"),
                           ("GIÁM ĐỐC", "serif-b")], AN["hoTen"], seed=2801, right_x0=d.x0 + mm(60))
    fields = dict(tieuDe="Đơn đề nghị cho phép chuyển mục đích sử dụng đất", hoTen=COMPANY["ten"],
                  maSoThue=COMPANY["mst"], noiCuTru=COMPANY["diaChi"], soDienThoai="02373852468",
                  ngayKhai="2024-10-15")
    return d, fields


# ---------------------------------------------------------------------------------------
def giay_cn_dkdn(factory):
    d = Doc(factory)
    _hdr(d, [("SỞ KẾ HOẠCH VÀ ĐẦU TƯ", "serif", 12), ("TỈNH THANH HÓA", "serif", 12),
             ("PHÒNG ĐĂNG KÝ KINH DOANH", "serif-b", 12)], rules=(2, 1))
    d.gap(16)
    d.line("GIẤY CHỨNG NHẬN ĐĂNG KÝ DOANH NGHIỆP", "serif-b", 15, align="center", lead=1.4)
    d.line("CÔNG TY TRÁCH NHIỆM HỮU HẠN HAI THÀNH VIÊN TRỞ LÊN", "serif-b", 13, align="center", lead=1.5)
    d.line("Mã số doanh nghiệp: 2801234564", "serif-b", S, align="center", lead=1.4)
    d.line("Đăng ký lần đầu: ngày 12 tháng 03 năm 2015", "serif", S, align="center", lead=1.4)
    d.line("Đăng ký thay đổi lần thứ 3: ngày 08 tháng 05 năm 2023", "serif", S, align="center", lead=1.9)
    d.para("1. Tên công ty", S, indent=0)
    P = lambda lab, val, vk="serif": d.para([(lab, "serif"), (val, vk)], S, indent=mm(5), hang=mm(5))
    P("Tên công ty viết bằng tiếng Việt:", "CÔNG TY TNHH SAO MAI THANH HÓA", "serif-b")
    P("Tên công ty viết bằng tiếng nước ngoài:", "SAO MAI THANH HOA COMPANY LIMITED")
    P("Tên công ty viết tắt:", "SAO MAI TH CO., LTD")
    d.para("2. Địa chỉ trụ sở chính", S, indent=0)
    d.para(COMPANY["diaChi"], S, indent=mm(5), hang=mm(5))
    P("Điện thoại:", COMPANY["phone"])
    d.para("3. Vốn điều lệ", S, indent=0)
    P("Vốn điều lệ:", "5.000.000.000 đồng")
    P("Bằng chữ:", "Năm tỷ đồng")
    d.para("4. Người đại diện theo pháp luật của công ty", S, indent=0)
    d.row([(mm(5), [("Họ và tên: NGUYỄN VĂN AN", "serif")]), (mm(90), [("Giới tính: Nam", "serif")])], S)
    P("Chức danh:", "Giám đốc")
    d.row([(mm(5), [("Sinh ngày: 15/03/1990", "serif")]), (mm(60), [("Dân tộc: Kinh", "serif")]),
           (mm(100), [("Quốc tịch: Việt Nam", "serif")])], S)
    P("Loại giấy tờ pháp lý của cá nhân:", "Căn cước công dân")
    P("Số giấy tờ pháp lý của cá nhân:", AN["cccd"])
    P("Địa chỉ thường trú:", AN["cuTruDayDu"])
    d.gap(10)
    d.signature_block([], [("TRƯỞNG PHÒNG", "serif-b")], "Mai Thị Hoa", seed=2015)
    return d, {}


# ---------------------------------------------------------------------------------------
LETTER_TRICH_YEU = "V/v xác nhận hiện trạng sử dụng đất của Công ty TNHH Sao Mai Thanh Hóa"


def cong_van(factory):
    d = Doc(factory, justify=False)
    _hdr(d, [(CITY_CAPS, "serif", 12), ("ỦY BAN NHÂN DÂN", "serif-b", 12), ("PHƯỜNG ĐIỆN BIÊN", "serif-b", 12),
             ("Số: 312/UBND-ĐC", "serif", S)],
         right_extra=[("Điện Biên, ngày 22 tháng 10 năm 2024", "serif-i", S)], rules=(2, 1))
    before = len(d.truth[-1])
    d.para(LETTER_TRICH_YEU, 12, indent=0, x0=d.x0 - mm(10), x1=d.x0 + mm(62), align="center")
    # Reading order (issue 12): the subject under the number belongs to the left column, before the right one.
    subject = d.truth[-1][before:]
    del d.truth[-1][before:]
    d.truth[-1][4:4] = subject
    d.gap(12)
    d.line("Kính gửi: Sở Tài nguyên và Môi trường tỉnh Thanh Hóa", "serif", 14, align="center", lead=1.9)
    for t in [
        "Ủy ban nhân dân phường Điện Biên nhận được Văn bản số 2087/STNMT-QLĐĐ ngày 17 tháng 10 năm 2024 "
        "của Sở Tài nguyên và Môi trường đề nghị xác nhận hiện trạng sử dụng khu đất Công ty TNHH Sao Mai "
        "Thanh Hóa (mã số thuế 2801234564) đề nghị chuyển mục đích sử dụng đất.",
        "Sau khi kiểm tra thực địa và đối chiếu hồ sơ địa chính, Ủy ban nhân dân phường Điện Biên xác nhận "
        "như sau:",
        "1. Khu đất thuộc thửa đất số 215, tờ bản đồ số 12, bản đồ địa chính phường Điện Biên, diện tích "
        "1.250,0 m²; loại đất hiện trạng: đất trồng cây hằng năm khác.",
        "2. Khu đất không có tranh chấp, khiếu nại; không có công trình xây dựng trái phép; phù hợp với quy "
        "hoạch sử dụng đất đã được cấp có thẩm quyền phê duyệt.",
        "Ủy ban nhân dân phường Điện Biên kính báo cáo Sở Tài nguyên và Môi trường xem xét, tổng hợp./.",
    ]:
        d.para(t, S)
    d.gap(10)
    d.signature_block([("Nơi nhận:", "serif-bi"), ("- Như trên;", "serif"), ("- Công ty TNHH Sao Mai Thanh Hóa;", "serif"),
                       ("- Lưu: VT, ĐC.", "serif")],
                      [("TM. ỦY BAN NHÂN DÂN", "serif-b"), ("CHỦ TỊCH", "serif-b")], WARD_CHAIR, seed=312)
    fields = dict(soKyHieu="312/UBND-ĐC", ngayBanHanh="2024-10-22", coQuanBanHanh=WARD.replace("Ủy ban nhân dân", "UBND"), loaiVanBan="Công văn",
                  trichYeu=LETTER_TRICH_YEU, nguoiKy=WARD_CHAIR)
    return d, fields
