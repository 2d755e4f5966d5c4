"""Synthetic fixture data (DOMAIN.md §9.6). Nobody here is a real person."""

AN = dict(
    hoTen="Nguyễn Văn An", caps="NGUYỄN VĂN AN", mrzName="NGUYEN<<VAN<AN",
    cccd="038090012345", cmnd="173456789", ngaySinh="15/03/1990", iso="1990-03-15", gioiTinh="Nam",
    queQuan="Xã Quảng Phú, Thanh Hóa",
    thuongTru="Thôn Đông, xã Quảng Phú, Thanh Hóa",
    cuTruDayDu="Thôn Đông, xã Quảng Phú, thành phố Thanh Hóa, tỉnh Thanh Hóa",
    ngayCap="20/04/2021", coGiaTriDen="15/03/2030",
    nhanDang="Nốt ruồi C:1cm trên sau đuôi mắt trái",
    phone="0912 345 678",
)
BINH = dict(
    hoTen="Lê Thị Bình", caps="LÊ THỊ BÌNH", mrzName="LE<<THI<BINH",
    cccd="038192004567", cmnd="", ngaySinh="02/07/1992", iso="1992-07-02", gioiTinh="Nữ",
    queQuan="Xã Hoằng Quang, Thanh Hóa",
    thuongTru="Số 12 phố Lê Lợi, phường Điện Biên, Thanh Hóa",
    cuTruDayDu="Số 12 phố Lê Lợi, phường Điện Biên, thành phố Thanh Hóa, tỉnh Thanh Hóa",
    ngayCap="10/08/2021", coGiaTriDen="02/07/2032",
    nhanDang="Sẹo chấm C:2cm dưới trước cằm",
    phone="0983 456 712",
)
# NEGATIVE fixture (DOMAIN.md §9.6): male name and "Nam" printed, but digit 4 of the number is 1
# (= female, born 19xx) -> a validator must flag cccd-sex-mismatch.
DUC = dict(
    hoTen="Trần Văn Đức", caps="TRẦN VĂN ĐỨC", mrzName="TRAN<<VAN<DUC",
    cccd="052195001234", cmnd="215123456", ngaySinh="09/09/1995", iso="1995-09-09", gioiTinh="Nam",
    queQuan="Xã Cát Tân, Bình Định",
    thuongTru="Số 8 Nguyễn Huệ, Lê Lợi, Quy Nhơn, Bình Định",
    ngayCap="15/06/2022", coGiaTriDen="09/09/2035",
    nhanDang="Sẹo chấm C:1cm trên trước lông mày phải",
)
CHAU = dict(hoTen="Nguyễn Lê Minh Châu", caps="NGUYỄN LÊ MINH CHÂU", cccd="038324000123",
            ngaySinh="28/10/2024", iso="2024-10-28", gioiTinh="Nữ")
COMPANY = dict(ten="Công ty TNHH Sao Mai Thanh Hóa", mst="2801234564",
               diaChi="Số 25 đường Trần Phú, phường Điện Biên, thành phố Thanh Hóa, tỉnh Thanh Hóa",
               phone="0237 3852 468")

WARD = "Ủy ban nhân dân phường Điện Biên"
WARD_CAPS = "ỦY BAN NHÂN DÂN PHƯỜNG ĐIỆN BIÊN"
CITY_CAPS = "UBND THÀNH PHỐ THANH HÓA"
NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"

# synthetic officials
WARD_VICE_CHAIR = "Hoàng Thị Lan"
WARD_CHAIR = "Vũ Đức Thắng"
PROV_VICE_CHAIR = "Phạm Quang Huy"
POLICE_DIRECTOR = "Đỗ Minh Khang"

BIRTH_PLACE = "Bệnh viện Phụ sản Thanh Hóa, thành phố Thanh Hóa, tỉnh Thanh Hóa"
CHILD_QUE = "Xã Quảng Phú, thành phố Thanh Hóa, tỉnh Thanh Hóa"
