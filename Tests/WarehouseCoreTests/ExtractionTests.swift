import Foundation
import Testing
@testable import WarehouseCore

// Real Tesseract 5 output (`tesseract FILE - -l vie --psm 3`, PDFs through `pdftoppm -r 300 -png`) of the
// synthetic sample scans in SampleScans/, kept verbatim with their OCR noise (dropped or wrong diacritics on
// capitals, reordered card columns, stray marks). Pages of a PDF or TIFF are separated by a form feed.
// Expected values are those of each scan's `.truth.json`.

/// One sample scan: its OCR text, barcodes and the truth.
struct OCRSample: Sendable, CustomTestStringConvertible {
    let name: String
    let text: String
    let barcodes: [String]
    let docType: DocumentType
    let fields: [String: String]
    let flags: [String]

    var testDescription: String { name }

    /// The extraction input: one page per form feed, page confidence 88.
    var input: ExtractionInput {
        let pages = text.components(separatedBy: "\u{0C}").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        return ExtractionInput(pages: pages.map { PageText(text: $0, confidence: 88) }, barcodes: barcodes)
    }
}

/// 000.12.34.H56-241105-0007/cccd-mat-truoc.png (clean).
private let cccdFrontAnOCR = #"""
Có giá trị đến:

15/03/2030

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
SOCIALIST REPUBLIC OF VIET NAM
Independence - Freedom - Happiness

CĂN CƯỚC CÔNG DÂN
Citizen Identity Card

Số định danh cá nhân / Personal identification No.:

038090012345

Họ, chữ đệm và tên / Full name:

NGUYEN VĂN AN

Ngày, tháng, năm sinh / Date of birth: 15/03/1990

Giới tính / Sex: Nam _. Quốc tịch / Nationality: Việt Nam
Quê quán / Place of origin:

Xã Quảng Phú, Thanh Hóa

Nơi thường trú / Place of residence:

Thôn Đông, xã Quảng Phú, Thanh Hóa
"""#

/// 000.00.12.H56-241105-0007/cccd-mat-truoc.jpg (noisy).
private let cccdFrontDucNoisyOCR = #"""
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
SOCIALIST REPUBLIC OF VIET NAM
Independence - Freedom - Happiness

CĂN CƯỚC CÔNG DÂN
Citizen Identity Card
Số định danh cá nhân / Personal identification No.:

052195001234

Họ, chữ đệm và tên / Full name:

TRẤN VĂN ĐỨC

Ngày, tháng, năm sinh / Date of birth: 09/09/1995

Giới tính / Sex: Nam Quốc tịch / Nationality: Việt Nam
Quê quán / Place of origin:

Có giá trị đến: Xã Cát Tân, Bình Định

09/09/2035 Nơi thường trú / Place of residence:

Số 8 Nguyễn Huệ, Lê Lợi, Quy Nhơn, Bình Định
"""#

/// 000.12.34.H56-241021-0003/cccd-mat-truoc.jpg (skew-1.5).
private let cccdFrontBinhSkewedOCR = #"""
Có giá trị đến:
02/07/2032

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
SOCIALIST REPUBLIC OF VIET NAM
Independence - Freedom - Happiness

CAN CƯỚC CÔNG DÂN
Citizen Identity Card
Số định danh cá nhân / Personal identification No.:

038192004567

Họ, chữ đệm và tên / Full name:

LÊ THỊ BÌNH

Ngày, tháng, năm sinh / Date of birth: 02/07/1992

Giới tính / Sex: Nữ Quốc tịch / Nationality: Việt Nam
Quê quán / Place of origin:

Xã Hoằng Quang, Thanh Hóa

Nơi thường trú / Place of residence:

Số 12 phố Lê Lợi, phường Điện Biên, Thanh Hóa
"""#

/// 000.12.34.H56-241105-0007/cccd-mat-sau.png (clean).
private let cccdBackAnOCR = #"""
Đặc điểm nhân dạng / Personal identification:
Nốt ruồi C:1cm trên sau đuôi mắt trái

Ngày, tháng, năm cấp / Date of issue: 20/04/2021

CỤC TRƯỞNG CỤC CẢNH SÁT
QUẢN LÝ HÀNH CHÍNH VỀ TRẬT TỰ XÃ HỘI

C3 ^^
õ Minh Khang

TDVNM0960123450038690612345<<<
9003152M3063150VNM<<<<<<<<<<<7
NGUYEN<<VAN<AN<<<<<<<<<<<<<<<<
"""#

/// 000.00.12.H56-241105-0007/cccd-mat-sau.jpg (low-contrast).
private let cccdBackDucLowContrastOCR = #"""
Pin
| |

Đặc điểm nhân dạng / Personal identification:
Seo chấm C:1cm trên trước lông mày phải

Ngày, tháng, năm cấp / Date of issue: 15/06/2022
CỤC TRƯỞNG CỤC CẢNH SÁT
QUẢN LÝ HÀNH CHÍNH VỀ TRẬT TỰ XÃ HỘI

“Đỗ Minh Khang

TDVNM1950012347052195661234<<<
9509696M35609698VNM<<<<<<<<<<<0
TRAN<<VAN<DUC<<<<<<<<<<<<<<<<<
"""#

/// 000.12.34.H56-241021-0003/cccd-mat-sau.jpg (skew+2.5).
private let cccdBackBinhSkewedOCR = #"""
|
Imiim
—

Đặc điểm nhân dạng / Personal identifcation:
Sẹo chấm C:2cm dưới trước cằm
Ngày, tháng, năm cấp / Date of Ìssue 10/08/2021
__ CỤC TRƯỞNG CỤC CẢNH SÁT -
QUẢN LÝ HÀNH CHÍNH 'VỀ TRẬT TỰ XÃ HỘI
—
—=
`-_Đỗ Minh Khang
TDVNM1920045670038192004567<<<
9207 920F3207028VNM<<<<<<<<<<<5
LE<<THT<BTNH<<<<<<<<<<<<<<<<<<
"""#

/// 000.12.34.H56-241105-0007/giay-khai-sinh.png (clean).
private let birthCertificateOCR = #"""
Số: 45 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Quyển số: 01/2024 Độc lập - Tự do - Hạnh phúc

GIẤY KHAI SINH

Họ, chữ đệm, tên: NGUYỄN LÊ MINH CHÂU

Ngày, tháng, năm sinh: 28/10/2024

ghi bằng chữ: Ngày hai mươi tám, tháng mười, năm hai nghìn không
trăm hai mươi tư

Giới tính: Nữ Dân tộc: Kinh Quốc tịch: Việt Nam

Nơi sinh: Bệnh viện Phụ sản Thanh Hóa, thành phố Thanh Hóa, tỉnh
Thanh Hóa

Quê quán: Xã Quảng Phú, thành phố Thanh Hóa, tỉnh Thanh Hóa

Số định danh cá nhân: 038324000123

Họ, chữ đệm, tên người mẹ: LẼ THỊ BÌNH

Năm sinh: 1992 Dân tộc: Kinh Quốc tịch: Việt Nam

Nơi cư trú: Số 12 phố Lê Lợi, phường Điện Biên, thành phố Thanh
Hóa, tỉnh Thanh Hóa

Họ, chữ đệm, tên người cha: NGUYÊN VĂN AN

Năm sinh: 1990 Dân tộc: Kinh Quốc tịch: Việt Nam

Nơi cư trú: Thôn Đông, xã Quảng Phú, thành phố Thanh Hóa, tỉnh
Thanh Hóa

Họ, chữ đệm, tên người đi khai sinh: Nguyễn Văn An

Giấy tờ tùy thân: Căn cước công dân số 038090012345

Nơi đăng ký khai sinh: Ủy ban nhân dân phường Điện Biên, thành
phố Thanh Hóa, tỉnh Thanh Hóa

Ngày, tháng, năm đăng ký: 05/11/2024

NGƯỜI KÝ GIẤY KHAI SINH
(Ký, ghi rõ họ, chữ đệm, tên, chức vụ, đóng dấu)
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

vÀ⁄*

Hoàng Thị Lan
"""#

/// misc/giay-khai-sinh.jpg (clean,jpeg-q75).
private let birthCertificateJPEGOCR = #"""
Số: 45 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Quyển số: 01/2024 Độc lập - Tự do - Hạnh phúc

GIẤY KHAI SINH

Họ, chữ đệm, tên: NGUYÊN LÊ MINH CHÂU

Ngày, tháng, năm sinh: 28/10/2024

ghi bằng chữ: Ngày hai mươi tám, tháng mười, năm hai nghìn không
trăm hai mươi tư

Giới tính: Nữ Dân tộc: Kinh Quốc tịch: Việt Nam

Nơi sinh: Bệnh viện Phụ sản Thanh Hóa, thành phố Thanh Hóa, tỉnh
Thanh Hóa

Quê quán: Xã Quảng Phú, thành phố Thanh Hóa, tỉnh Thanh Hóa

Số định danh cá nhân: 038324000123

Họ, chữ đệm, tên người mẹ: LẼ THỊ BÌNH

Năm sinh: 1992 Dân tộc: Kinh Quốc tịch: Việt Nam

Nơi cư trú: Số 12 phố Lê Lợi, phường Điện Biên, thành phố Thanh
Hóa, tỉnh Thanh Hóa

Họ, chữ đệm, tên người cha: NGUYÊN VĂN AN

Năm sinh: 1990 Dân tộc: Kinh Quốc tịch: Việt Nam

Nơi cư trú: Thôn Đông, xã Quảng Phú, thành phố Thanh Hóa, tỉnh
Thanh Hóa

Họ, chữ đệm, tên người đi khai sinh: Nguyễn Văn An

Giấy tờ tùy thân: Căn cước công dân số 038090012345

Nơi đăng ký khai sinh: Ủy ban nhân dân phường Điện Biên, thành
phố Thanh Hóa, tỉnh Thanh Hóa

Ngày, tháng, năm đăng ký: 05/11/2024

NGƯỜI KÝ GIẤY KHAI SINH
(Ký, ghi rõ họ, chữ đệm, tên, chức vụ, đóng dấu)
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

vÀ⁄*

Hoàng Thị Lan
"""#

/// 000.12.34.H56-241021-0003/giay-xac-nhan-tthn.pdf (low-contrast).
private let maritalCertificatePDFOCR = #"""
UBND THÀNH PHỐ THANH HÓA CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
ỦY BAN NHÂN DÂN Độc lập - Tự do - Hạnh phúc
PHƯƠNG ĐIỆN BIẾN Điện Biên, ngày 23 tháng 10 năm 2024
Số: 112/UBND-XNTTHN

GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN

ỦY BAN NHÂN DÂN PHƯỜNG ĐIỆN BIÊN
Xét đề nghị của bà Lê Thị Bình về việc cấp Giấy xác nhận tình
trạng hôn nhân cho bà Lê Thị Bình,
XÁC NHẬN:
Họ, chữ đệm, tên: LẼ THỊ BÌNH
Ngày, tháng, năm sinh: 02/07/1992
Giới tính: Nữ Dân tộc: Kinh Quốc tịch: Việt Nam
Giấy tờ tùy thân: Căn cước công dân số 038192004567
Nơi cư trú: Số 12 phố Lê Lợi, phường Điện Biên, thành phố Thanh
Hóa, tỉnh Thanh Hóa
Trong thời gian cư trú tại: Phường Điện Biên, thành phố Thanh Hóa,
tỉnh Thanh Hóa
Từ ngày: 02/07/2010 đến ngày 23/10/2024
Tình trạng hôn nhân: Đang có chồng là ông Nguyễn Văn An
Giấy này được cấp để sử dụng vào mục đích: Bổ sung hồ sơ vay vốn
tại ngân hàng
Giấy này có giá trị sử dụng trong thời hạn 06 tháng, kể từ ngày cấp.

NGƯỜI KÝ GIẤY XÁC NHẬN
(Ký, ghi rõ họ, chữ đệm, tên, chức vụ, đóng dấu)
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

j

Hoàng Thị Lan
\#u{0C}
"""#

/// 000.00.00.H56-241015-0021/quyet-dinh-45-QD-UBND.tif (clean).
private let decisionTIFFOCR = #"""
ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH THANH HÓA Độc lập - Tự do - Hạnh phúc

Số: 45/QĐ-UBND Thanh Hóa, ngày 05 tháng 11 năm 2024

QUYẾT ĐỊNH
Về việc cho phép Công ty TNHH Sao Mai Thanh Hóa
chuyển mục đích sử dụng đất tại phường Điện Biên,
thành phố Thanh Hóa

ỦY BAN NHÂN DÂN TĨNH THANH HÓA

Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6
năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức
Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng
11 năm 2019;

Căn cứ Luật Đất đai ngày 18 tháng 01 năm 2024;

Căn cứ Nghị định số 102/2024/NĐ-CP ngày 30 tháng 7 năm
2024 của Chính phủ quy định chỉ tiết thi hành một số điều của Luật
Đất đai;

Xét Đơn đề nghị ngày 15 tháng 10 năm 2024 của Công ty
TNHH Sao Mai Thanh Hóa; đề nghị của Giám đốc Sở Tài nguyên và
Môi trường tại Tờ trình số 1234/TTr-STNMT ngày 30 tháng 10 năm
2024.

QUYẾT ĐỊNH:

Điều 1. Cho phép Công ty TNHH Sao Mai Thanh Hóa (mã số
doanh nghiệp 2801234564) chuyển mục đích sử dụng 1.250,0 m2
đất trồng cây hằng năm khác sang đất thương mại, dịch vụ để xây
dựng Trung tâm giới thiệu sản phẩm và văn phòng làm việc tại
phường Điện Biên, thành phố Thanh Hóa.

1. Vị trí, ranh giới khu đất: thửa đất số 215, tờ bản đồ số 12,
bản đồ địa chính phường Điện Biên; ranh giới được xác định theo
trích lục bản đồ địa chính số 86/TLBĐ do Văn phòng Đăng ký đất đai
tỉnh Thanh Hóa lập ngày 20 tháng 10 năm 2024.

2. Hình thức sử dụng đất: Nhà nước cho thuê đất trả tiền thuê
đất hằng năm.

3. Thời hạn sử dụng đất: 50 năm kể từ ngày ký Quyết định này.

4. Giá đất, tiền thuê đất: thực hiện theo quy định của pháp luật
hiện hành.

Điều 2. Giao Sở Tài nguyên và Môi trường chủ trì, phối hợp với
Ủy ban nhân dân thành phố Thanh Hóa, Ủy ban nhân dân phường
Điện Biên tổ chức bàn giao đất trên thực địa; chỉnh lý hồ sơ địa
\#u{0C}2

chính và cập nhật cơ sở dữ liệu đất đai theo quy định. Cục Thuế tỉnh
Thanh Hóa xác định và thông báo tiền thuê đất phải nộp cho Công
ty TNHH Sao Mai Thanh Hóa.

Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký.
Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc các Sở: Tài
nguyên và Môi trường, Tài chính, Xây dựng; Cục trưởng Cục Thuế
tỉnh; Chủ tịch Ủy ban nhân dân thành phố Thanh Hóa; Chủ tịch Ủy
ban nhân dân phường Điện Biên; Giám đốc Công ty TNHH Sao Mai
Thanh Hóa và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi
hành Quyết định này./.

Nơi nhận: KT. CHỦ TỊCH
- Như Điều 3 Quyết định; R ›

- Chủ tịch UBND tỉnh (để b/c); PHO CHU TỊCH
- Lưu: VP NN.

VN ⁄%
2x x^

Phạm Quang Huy
"""#

/// 000.00.00.H56-241015-0021/cong-van-312-UBND-DC.pdf (born-digital).
private let officialLetterPDFOCR = #"""
UBND THÀNH PHỐ THANH HÓA CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
ỦY BAN NHÂN DÂN Độc lập - Tự do - Hạnh phúc
PHƯƠNG ĐIỆN BIẾN Điện Biên, ngày 22 tháng 10 năm 2024

Số: 312/UBND-ĐC

V/v xác nhận hiện trạng sử dụng

đất của Công ty TNHH Sao Mai
Thanh Hóa

Kính gửi: Sở Tài nguyên và Môi trường tỉnh Thanh Hóa

Ủy ban nhân dân phường Điện Biên nhận được Văn bản số
2087/STNMT-QLĐĐ ngày 17 tháng 10 năm 2024 của Sở Tài nguyên
và Môi trường đề nghị xác nhận hiện trạng sử dụng khu đất Công ty
TNHH Sao Mai Thanh Hóa (mã số thuế 2801234564) đề nghị
chuyển mục đích sử dụng đất.

Sau khi kiểm tra thực địa và đối chiếu hồ sơ địa chính, Ủy ban
nhân dần phường Điện Biên xác nhận như sau:

1. Khu đất thuộc thửa đất số 215, tờ bản đồ số 12, bản đồ địa
chính phường Điện Biên, diện tích 1.250,0 m2; loại đất hiện trạng:
đất trồng cây hằng năm khác.

2. Khu đất không có tranh chấp, khiếu nại; không có công
trình xây dựng trái phép; phù hợp với quy hoạch sử dụng đất đã
được cấp có thẩm quyền phê duyệt.

Ủy ban nhân dân phường Điện Biên kính báo cáo Sở Tài
nguyên và Môi trường xem xét, tổng hợp./.

Nơi nhận: TM. ỦY BAN NHÂN DÂN
- Như trên; CHỦ TICH

- Công ty TNHH Sao Mai Thanh Hóa; '

- Lưu: VF, ĐC.

v*^

Vũ Đức Thắng
\#u{0C}
"""#

/// 000.12.34.H56-241105-0007/to-khai-dang-ky-khai-sinh.png (clean).
private let formBirthRegistrationOCR = #"""
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

TỜ KHAI ĐĂNG KÝ KHAI SINH
Kính gửi: Ủy ban nhân dân phường Điện Biên, thành phố Thanh Hóa

Họ, chữ đệm, tên người yêu cầu: Nguyễn Văn An
Nơi cư trú: Thôn Đông, xã Quảng Phú, thành phố Thanh Hóa, tỉnh
Thanh Hóa
Giấy tờ tùy thân: Căn cước công dân số 038090012345
Số điện thoại: 0912 345 678
Quan hệ với người được khai sinh: Cha
Đề nghị cơ quan đăng ký khai sinh cho người dưới đây:
Họ, chữ đệm, tên: NGUYỄN LÊ MINH CHÂU
Ngày, tháng, năm sinh: 28/10/2024
ghi bằng chữ: Ngày hai mươi tám, tháng mười, năm hai nghìn không
trăm hai mươi tư
Giới tính: Nữ Dân tộc: Kinh Quốc tịch: Việt Nam
Nơi sinh: Bệnh viện Phụ sản Thanh Hóa, thành phố Thanh Hóa, tỉnh
Thanh Hóa
Quê quán: Xã Quảng Phú, thành phố Thanh Hóa, tỉnh Thanh Hóa
Họ, chữ đệm, tên người mẹ: LẼ THỊ BÌNH
Năm sinh: 1992 Dân tộc: Kinh Quốc tịch: Việt Nam
Nơi cư trú: Số 12 phố Lê Lợi, phường Điện Biên, thành phố Thanh
Hóa, tỉnh Thanh Hóa
Họ, chữ đệm, tên người cha: NGUYÊN VĂN AN
Năm sinh: 1990 Dân tộc: Kinh Quốc tịch: Việt Nam
Nơi cư trú: Thôn Đông, xã Quảng Phú, thành phố Thanh Hóa, tỉnh
Thanh Hóa
Tôi cam đoan nội dung đề nghị đăng ký khai sinh trên đây là
đúng sự thật, được sự thỏa thuận nhất trí của các bên liên quan theo
quy định pháp luật.
Tôi chịu hoàn toàn trách nhiệm trước pháp luật về nội dung
cam đoan của mình.
Làm tại: Thanh Hóa, ngày 05 tháng 11 năm 2024
Người yêu cầu
(Ký, ghi rõ họ, chữ đệm, tên)

vx»?

Nguyễn Văn An
"""#

/// 000.12.34.H56-241021-0003/to-khai-cap-giay-xac-nhan-tthn.jpg (noisy).
private let formMaritalNoisyOCR = #"""
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

TỜ KHAI CẤP GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN
Kính gửi: Ủy ban nhân dân phường Điện Biên

Họ, chữ đệm, tên người yêu cầu: Lê Thị Bình

Nơi cư trú: Số 12 phố Lê Lợi, phường Điện Biên, thành phố Thanh
Hóa, tỉnh Thanh Hóa

Giấy tờ tùy thân: Căn cước công dân số 038192004567

Số điện thoại: 0983 456 712

Quan hệ với người được cấp Giấy xác nhận tình trạng hôn nhân: Bản
thân

Đề nghị cấp Giấy xác nhận tình trạng hôn nhân cho người có tên

dưới đây:

Họ, chữ đệm, tên: LÊ THỊ BÌNH

Ngày, tháng, năm sinh: 02/07/1992

Giới tính: Nữ Dân tộc: Kinh Quốc tịch: Việt Nam

Giấy tờ tùy thân: Căn cước công dân số 038192004567

Nơi cư trú: Số 12 phố Lê Lợi, phường Điện Biên, thành phố Thanh
Hóa, tỉnh Thanh Hóa

Trong thời gian cư trú tại: Phường Điện Biên, thành phố Thanh Hóa,
tỉnh Thanh Hóa

Từ ngày: 02/07/2010 đến ngày 21/10/2024

Tình trạng hôn nhân: Đang có chồng là ông Nguyễn Văn An

Mục đích sử dụng Giấy xác nhận tình trạng hôn nhân: Bổ sung hồ sơ
vay vốn tại ngân hàng

Tôi cam đoan những nội dung khai trên đây là đúng sự thật và
chịu trách nhiệm trước pháp luật về cam đoan của mình.

Làm tại: Phường Điện Biên, ngày 21 tháng 10 năm 2024
Người yêu cầu
(Ký, ghi rõ họ, chữ đệm, tên)

Ýãcø 6
;.

Lê Thị Bình
"""#

/// 000.00.00.H56-241015-0021/don-de-nghi-chuyen-muc-dich-su-dung-dat.pdf (skew+1.2).
private let formLandUseSkewedOCR = #"""
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Thanh Hóa, ngày 15 tháng 10 năm 2024

ĐƠN ĐỀ NGHỊ
CHO PHÉP CHUYỂN MỤC ĐÍCH SỬ DỤNG ĐẤT

Kính gửi: Ủy ban nhân dân tỉnh Thanh Hóa

1. Tên tổ chức đề nghị: Công ty TNHH Sao Mai Thanh Hóa

2. Mã số thuế: 2801234564

3. Địa chỉ trụ sở chính: Số 25 đường Trần Phú, phường Điện Biên,
thành phố Thanh Hóa, tỉnh Thanh Hóa

4. Người đại diện theo pháp luật: Nguyễn Văn An; chức vụ: Giám
đốc

5. Số định danh cá nhân của người đại diện: 038090012345

6. Số điện thoại liên hệ: 0237 3852 468

7. Địa điểm khu đất: Thửa đất số 215, tờ bản đồ số 12, phường Điện
Biên, thành phố Thanh Hóa, tỉnh Thanh Hóa

8. Diện tích đất đề nghị chuyển mục đích: 1.250,0 m?

9. Mục đích sử dụng đất hiện tại: Đất trồng cây hằng năm khác

10. Mục đích sử dụng đất sau khi chuyển: Đất thương mại, dịch vụ

11. Để thực hiện: Xây dựng Trung tâm giới thiệu sản phẩm và văn
phòng làm việc

12. Thời hạn sử dụng đất đề nghị: 50 năm

13. Hình thức sử dụng đất: Thuê đất trả tiền thuê đất hằng năm

14. Cam kết sử dụng đất:
- Sử dụng đất đúng mục đích, đúng ranh giới thửa đất, tuân thủ
các quy định của pháp luật về đất đai, xây dựng và bảo vệ môi
trường;
- Nộp tiền thuê đất và các khoản nghĩa vụ tài chính khác đầy đủ,
đúng hạn theo thông báo của cơ quan thuế;
\#u{0C}
2

- Đưa đất vào sử dụng trong thời hạn 12 tháng kể từ ngày nhận

bàn giao đất trên thực địa;

- Chấp hành việc thu hồi đất khi Nhà nước có quyết định thu hồi

theo quy định của pháp luật.
15. Hồ sơ kèm theo:

- Bản sao Giấy chứng nhận đăng ký doanh nghiệp;

- Bản sao Căn cước công dân của người đại diện theo pháp luật;

- Trích lục bản đồ địa chính khu đất;

- Văn bản xác nhận hiện trạng sử dụng đất của Ủy ban nhân dân

phường Điện Biên.

Công ty TNHH Sao Mai Thanh Hóa cam đoan nội dung kê khai

trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật về nội
dung đã kê khai.

NGƯỜI ĐẠI DIỆN THEO PHÁP LUẬT
(Ký, ghi rõ họ tên, đóng dấu)
GIÁM ĐỐC

J2
7) Y —

Nguyễn Văn An
\#u{0C}
"""#

/// 000.12.34.H56-241105-0007/giay-chung-nhan-ket-hon.png (1-bit).
private let marriageCertificateOtherOCR = #"""
ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
PHƯỜNG ĐIỆN BIỂN Độc lập - Tự do - Hạnh phúc
Số: 28
Quyển số: 01/2018

GIẤY CHỨNG NHÂN KẾT HÔN

Họ, chữ đệm, tên chồng: NGUYÊN VĂN AN

Ngày, tháng, năm sinh: 15/03/1990

Dân tộc: Kinh Quốc tịch: Việt Nam

Nơi cư trú: Thôn Đông, xã Quảng Phú, thành phố Thanh Hóa, tỉnh
Thanh Hóa

Giấy tờ tùy thân: Chứng minh nhân dân số 173456789

Họ, chữ đệm, tên vợ: LẼ THỊ BÌNH

Ngày, tháng, năm sinh: 02/07/1992

Dân tộc: Kinh Quốc tịch: Việt Nam

Nơi cư trú: Số 12 phố Lê Lợi, phường Điện Biên, thành phố Thanh
Hóa, tỉnh Thanh Hóa

Giấy tờ tùy thân: Chứng minh nhân dân số 173998421

Ngày, tháng, năm đăng ký: 12/06/2018

Chồng: Nguyễn Văn An TM. ỦY BAN NHÂN DÂN
Vợ: Lê Thị Bình CHỦ TICH

Lương Văn Tâm
"""#

/// 000.00.00.H56-241015-0021/giay-chung-nhan-dang-ky-doanh-nghiep.jpg (low-contrast).
private let businessRegistrationOtherOCR = #"""
SỞ KẾ HOẠCH VÀ ĐẦU TƯ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH THANH HÓA Độc lập - Tự do - Hạnh phúc
PHÒNG ĐĂNG KÝ KINH DOANH

GIẤY CHỨNG NHẬN ĐĂNG KÝ DOANH NGHIỆP
CÔNG TY TRÁCH NHIỆM HỮU HẠN HAI THÀNH VIÊN TRỞ LÊN
Mã số doanh nghiệp: 2801234564
Đăng ký lần đầu: ngày 12 tháng 03 năm 2015
Đăng ký thay đổi lần thứ 3: ngày 08 tháng 05 năm 2023

1. Tên công ty
Tên công ty viết bằng tiếng Việt: CÔNG TY TNHH SAO MAI
THANH HÓA
Tên công ty viết bằng tiếng nước ngoài: SAO MAI THANH HOA
COMPANY LIMTTED
Tên công ty viết tắt: SAO MAI TH CO., LTD
2. Địa chỉ trụ sở chính
Số 25 đường Trần Phú, phường Điện Biên, thành phố Thanh Hóa,
tỉnh Thanh Hóa
Điện thoại: 0237 3852 468
3. Vốn điều lệ
Vốn điều lệ: 5.000.000.000 đồng
Bằng chữ: Năm tỷ đồng
4. Người đại diện theo pháp luật của công ty
Họ và tên: NGUYỄN VĂN AN Giới tính: Nam
Chức danh: Giám đốc
Sinh ngày: 15/03/1990 Dân tộc: Kinh Quốc tịch: Việt Nam
Loại giấy tờ pháp lý của cá nhân: Căn cước công dân
Số giấy tờ pháp lý của cá nhân: 038090012345
Địa chỉ thường trú: Thôn Đông, xã Quảng Phú, thành phố Thanh
Hóa, tỉnh Thanh Hóa

TRƯỞNG PHÒNG

na
Vi

Mai Thị Hoa
"""#

/// Every sample with its truth.
let ocrSamples: [OCRSample] = [
    OCRSample(
        name: "000.12.34.H56-241105-0007/cccd-mat-truoc.png", text: cccdFrontAnOCR, barcodes: [], docType: .cccdFront,
        fields: [
            "soDinhDanh": "038090012345",
            "hoTen": "Nguyễn Văn An",
            "ngaySinh": "1990-03-15",
            "gioiTinh": "Nam",
            "quocTich": "Việt Nam",
            "queQuan": "Xã Quảng Phú, Thanh Hóa",
            "noiThuongTru": "Thôn Đông, xã Quảng Phú, Thanh Hóa",
            "coGiaTriDen": "2030-03-15",
        ],
        flags: []
    ),
    OCRSample(
        name: "000.00.12.H56-241105-0007/cccd-mat-truoc.jpg", text: cccdFrontDucNoisyOCR, barcodes: [], docType: .cccdFront,
        fields: [
            "soDinhDanh": "052195001234",
            "hoTen": "Trần Văn Đức",
            "ngaySinh": "1995-09-09",
            "gioiTinh": "Nam",
            "quocTich": "Việt Nam",
            "queQuan": "Xã Cát Tân, Bình Định",
            "noiThuongTru": "Số 8 Nguyễn Huệ, Lê Lợi, Quy Nhơn, Bình Định",
            "coGiaTriDen": "2035-09-09",
        ],
        flags: ["cccd-sex-mismatch"]
    ),
    OCRSample(
        name: "000.12.34.H56-241021-0003/cccd-mat-truoc.jpg", text: cccdFrontBinhSkewedOCR, barcodes: [], docType: .cccdFront,
        fields: [
            "soDinhDanh": "038192004567",
            "hoTen": "Lê Thị Bình",
            "ngaySinh": "1992-07-02",
            "gioiTinh": "Nữ",
            "quocTich": "Việt Nam",
            "queQuan": "Xã Hoằng Quang, Thanh Hóa",
            "noiThuongTru": "Số 12 phố Lê Lợi, phường Điện Biên, Thanh Hóa",
            "coGiaTriDen": "2032-07-02",
        ],
        flags: []
    ),
    OCRSample(
        name: "000.12.34.H56-241105-0007/cccd-mat-sau.png", text: cccdBackAnOCR, barcodes: ["038090012345|173456789|Nguyễn Văn An|15031990|Nam|Thôn Đông, xã Quảng Phú, Thanh Hóa|20042021"], docType: .cccdBack,
        fields: [
            "ngayCap": "2021-04-20",
            "noiCap": "Cục Cảnh sát quản lý hành chính về trật tự xã hội",
            "soDinhDanh": "038090012345",
            "hoTen": "Nguyễn Văn An",
            "ngaySinh": "1990-03-15",
            "gioiTinh": "Nam",
            "noiThuongTru": "Thôn Đông, xã Quảng Phú, Thanh Hóa",
            "soCMND": "173456789",
        ],
        flags: []
    ),
    OCRSample(
        name: "000.00.12.H56-241105-0007/cccd-mat-sau.jpg", text: cccdBackDucLowContrastOCR, barcodes: ["052195001234|215123456|Trần Văn Đức|09091995|Nam|Số 8 Nguyễn Huệ, Lê Lợi, Quy Nhơn, Bình Định|15062022"], docType: .cccdBack,
        fields: [
            "ngayCap": "2022-06-15",
            "noiCap": "Cục Cảnh sát quản lý hành chính về trật tự xã hội",
            "soDinhDanh": "052195001234",
            "hoTen": "Trần Văn Đức",
            "ngaySinh": "1995-09-09",
            "gioiTinh": "Nam",
            "noiThuongTru": "Số 8 Nguyễn Huệ, Lê Lợi, Quy Nhơn, Bình Định",
            "soCMND": "215123456",
        ],
        flags: ["cccd-sex-mismatch"]
    ),
    OCRSample(
        name: "000.12.34.H56-241021-0003/cccd-mat-sau.jpg", text: cccdBackBinhSkewedOCR, barcodes: ["038192004567||Lê Thị Bình|02071992|Nữ|Số 12 phố Lê Lợi, phường Điện Biên, Thanh Hóa|10082021"], docType: .cccdBack,
        fields: [
            "ngayCap": "2021-08-10",
            "noiCap": "Cục Cảnh sát quản lý hành chính về trật tự xã hội",
            "soDinhDanh": "038192004567",
            "hoTen": "Lê Thị Bình",
            "ngaySinh": "1992-07-02",
            "gioiTinh": "Nữ",
            "noiThuongTru": "Số 12 phố Lê Lợi, phường Điện Biên, Thanh Hóa",
        ],
        flags: []
    ),
    OCRSample(
        name: "000.12.34.H56-241105-0007/giay-khai-sinh.png", text: birthCertificateOCR, barcodes: [], docType: .birthCertificate,
        fields: [
            "soDinhDanh": "038324000123",
            "hoTen": "Nguyễn Lê Minh Châu",
            "ngaySinh": "2024-10-28",
            "gioiTinh": "Nữ",
            "danToc": "Kinh",
            "quocTich": "Việt Nam",
            "noiSinh": "Bệnh viện Phụ sản Thanh Hóa, thành phố Thanh Hóa, tỉnh Thanh Hóa",
            "queQuan": "Xã Quảng Phú, thành phố Thanh Hóa, tỉnh Thanh Hóa",
            "hoTenMe": "Lê Thị Bình",
            "hoTenCha": "Nguyễn Văn An",
            "soDangKy": "45",
            "quyenSo": "01/2024",
            "ngayDangKy": "2024-11-05",
            "coQuanDangKy": "Ủy ban nhân dân phường Điện Biên, thành phố Thanh Hóa, tỉnh Thanh Hóa",
        ],
        flags: []
    ),
    OCRSample(
        name: "misc/giay-khai-sinh.jpg", text: birthCertificateJPEGOCR, barcodes: [], docType: .birthCertificate,
        fields: [
            "soDinhDanh": "038324000123",
            "hoTen": "Nguyễn Lê Minh Châu",
            "ngaySinh": "2024-10-28",
            "gioiTinh": "Nữ",
            "danToc": "Kinh",
            "quocTich": "Việt Nam",
            "noiSinh": "Bệnh viện Phụ sản Thanh Hóa, thành phố Thanh Hóa, tỉnh Thanh Hóa",
            "queQuan": "Xã Quảng Phú, thành phố Thanh Hóa, tỉnh Thanh Hóa",
            "hoTenMe": "Lê Thị Bình",
            "hoTenCha": "Nguyễn Văn An",
            "soDangKy": "45",
            "quyenSo": "01/2024",
            "ngayDangKy": "2024-11-05",
            "coQuanDangKy": "Ủy ban nhân dân phường Điện Biên, thành phố Thanh Hóa, tỉnh Thanh Hóa",
        ],
        flags: []
    ),
    OCRSample(
        name: "000.12.34.H56-241021-0003/giay-xac-nhan-tthn.pdf", text: maritalCertificatePDFOCR, barcodes: [], docType: .maritalStatusCertificate,
        fields: [
            "soKyHieu": "112/UBND-XNTTHN",
            "hoTen": "Lê Thị Bình",
            "ngaySinh": "1992-07-02",
            "gioiTinh": "Nữ",
            "danToc": "Kinh",
            "quocTich": "Việt Nam",
            "soGiayTo": "038192004567",
            "noiCuTru": "Số 12 phố Lê Lợi, phường Điện Biên, thành phố Thanh Hóa, tỉnh Thanh Hóa",
            "tinhTrangHonNhan": "Đang có chồng là ông Nguyễn Văn An",
            "mucDichSuDung": "Bổ sung hồ sơ vay vốn tại ngân hàng",
            "ngayCap": "2024-10-23",
            "coGiaTriDen": "2025-04-23",
            "coQuanCap": "Ủy ban nhân dân phường Điện Biên",
            "nguoiKy": "Hoàng Thị Lan",
        ],
        flags: []
    ),
    OCRSample(
        name: "000.00.00.H56-241015-0021/quyet-dinh-45-QD-UBND.tif", text: decisionTIFFOCR, barcodes: [], docType: .decision,
        fields: [
            "soKyHieu": "45/QĐ-UBND",
            "ngayBanHanh": "2024-11-05",
            "coQuanBanHanh": "UBND tỉnh Thanh Hóa",
            "loaiVanBan": "Quyết định",
            "trichYeu": "Về việc cho phép Công ty TNHH Sao Mai Thanh Hóa chuyển mục đích sử dụng đất tại phường Điện Biên, thành phố Thanh Hóa",
            "nguoiKy": "Phạm Quang Huy",
        ],
        flags: []
    ),
    OCRSample(
        name: "000.00.00.H56-241015-0021/cong-van-312-UBND-DC.pdf", text: officialLetterPDFOCR, barcodes: [], docType: .officialLetter,
        fields: [
            "soKyHieu": "312/UBND-ĐC",
            "ngayBanHanh": "2024-10-22",
            "coQuanBanHanh": "UBND phường Điện Biên",
            "loaiVanBan": "Công văn",
            "trichYeu": "V/v xác nhận hiện trạng sử dụng đất của Công ty TNHH Sao Mai Thanh Hóa",
            "nguoiKy": "Vũ Đức Thắng",
        ],
        flags: []
    ),
    OCRSample(
        name: "000.12.34.H56-241105-0007/to-khai-dang-ky-khai-sinh.png", text: formBirthRegistrationOCR, barcodes: [], docType: .applicationForm,
        fields: [
            "tieuDe": "Tờ khai đăng ký khai sinh",
            "hoTen": "Nguyễn Văn An",
            "soDinhDanh": "038090012345",
            "noiCuTru": "Thôn Đông, xã Quảng Phú, thành phố Thanh Hóa, tỉnh Thanh Hóa",
            "soDienThoai": "0912345678",
            "ngayKhai": "2024-11-05",
        ],
        flags: []
    ),
    OCRSample(
        name: "000.12.34.H56-241021-0003/to-khai-cap-giay-xac-nhan-tthn.jpg", text: formMaritalNoisyOCR, barcodes: [], docType: .applicationForm,
        fields: [
            "tieuDe": "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân",
            "hoTen": "Lê Thị Bình",
            "soDinhDanh": "038192004567",
            "noiCuTru": "Số 12 phố Lê Lợi, phường Điện Biên, thành phố Thanh Hóa, tỉnh Thanh Hóa",
            "soDienThoai": "0983456712",
            "ngayKhai": "2024-10-21",
        ],
        flags: []
    ),
    OCRSample(
        name: "000.00.00.H56-241015-0021/don-de-nghi-chuyen-muc-dich-su-dung-dat.pdf", text: formLandUseSkewedOCR, barcodes: [], docType: .applicationForm,
        fields: [
            "tieuDe": "Đơn đề nghị cho phép chuyển mục đích sử dụng đất",
            "hoTen": "Công ty TNHH Sao Mai Thanh Hóa",
            "maSoThue": "2801234564",
            "noiCuTru": "Số 25 đường Trần Phú, phường Điện Biên, thành phố Thanh Hóa, tỉnh Thanh Hóa",
            "soDienThoai": "02373852468",
            "ngayKhai": "2024-10-15",
        ],
        flags: []
    ),
    OCRSample(
        name: "000.12.34.H56-241105-0007/giay-chung-nhan-ket-hon.png", text: marriageCertificateOtherOCR, barcodes: [], docType: .other,
        fields: [:],
        flags: []
    ),
    OCRSample(
        name: "000.00.00.H56-241015-0021/giay-chung-nhan-dang-ky-doanh-nghiep.jpg", text: businessRegistrationOtherOCR, barcodes: [], docType: .other,
        fields: [:],
        flags: []
    ),
]

// MARK: - The real OCR samples

@Suite("Extraction on real OCR of the sample scans")
struct SampleExtractionTests {
    @Test("Type, every truth field exactly, and the expected flags", arguments: ocrSamples)
    func sample(_ sample: OCRSample) {
        let e = DocumentExtractor.extract(sample.input)
        #expect(e.docType == sample.docType)
        for (name, value) in sample.fields {
            #expect(e.fields[name]?.value == value, "\(name)")
        }
        for flag in sample.flags {
            #expect(e.fields.values.contains { $0.flags.contains(flag) }, "\(flag)")
        }
        if sample.docType == .other { #expect(e.fields.isEmpty) }
        for field in e.fields.values {
            #expect((0...1).contains(field.confidence))
            #expect(!field.flags.contains(FieldFlag.expired))
        }
    }

    @Test("Trần Văn Đức: 4th digit 1 (female) against Nam flags both fields and halves their confidence")
    func tranVanDucFront() throws {
        let sample = try #require(ocrSamples.first { $0.name.hasSuffix("000.00.12.H56-241105-0007/cccd-mat-truoc.jpg") })
        let e = DocumentExtractor.extract(sample.input)
        let id = try #require(e.fields[FieldName.soDinhDanh])
        let sex = try #require(e.fields[FieldName.gioiTinh])
        #expect(id.flags == [FieldFlag.cccdSexMismatch])
        #expect(sex.flags == [FieldFlag.cccdSexMismatch])
        #expect(sex.confidence == 0.44)   // 0.88 page × 1.0 clean label × 0.5
        #expect(id.confidence < 0.5)
        #expect(e.fields[FieldName.ngaySinh]?.flags == [])
        // Columns read out of order: expiry date under its label, origin beside it.
        #expect(e.fields[FieldName.coGiaTriDen]?.value == "2035-09-09")
        #expect(e.fields[FieldName.queQuan]?.value == "Xã Cát Tân, Bình Định")
        #expect(e.fields[FieldName.hoTen]?.value == "Trần Văn Đức")   // OCR read TRẤN
    }

    @Test("Chip QR wins: source barcode, confidence 0.99, OCR issue date and issuer kept")
    func chipQR() throws {
        let sample = try #require(ocrSamples.first { $0.name.hasSuffix("000.12.34.H56-241021-0003/cccd-mat-sau.jpg") })
        let e = DocumentExtractor.extract(sample.input)
        #expect(e.fields[FieldName.hoTen] == ExtractedField(value: "Lê Thị Bình", confidence: 0.99, source: .barcode))
        #expect(e.fields[FieldName.soCMND] == nil)   // empty CMND in the QR
        #expect(e.fields[FieldName.ngayCap]?.source == .barcode)
        #expect(e.fields[FieldName.noiCap]?.source == .ocr)
        #expect(e.fields[FieldName.noiCap]?.flags == [])
    }

    @Test("A decision across two pages: signer on page 2, subject over three lines")
    func decisionPages() throws {
        let sample = try #require(ocrSamples.first { $0.name.hasSuffix("quyet-dinh-45-QD-UBND.tif") })
        #expect(sample.input.pages.count == 2)
        let e = DocumentExtractor.extract(sample.input)
        #expect(e.typeConfidence > 0.8)
        #expect(e.fields[FieldName.soKyHieu]?.confidence == 0.88)
    }
}

// MARK: - Folding, dates, numbers

@Suite("Text helpers")
struct TextHelperTests {
    @Test func folding() {
        #expect(VietnameseFolding.fold("ĐÍCH") == "dich")
        #expect(VietnameseFolding.fold("HIỆN") == "hien")
        #expect(VietnameseFolding.fold("Nữ") == "nu")
        #expect(VietnameseFolding.fold("Quyết định số 45/QĐ-UBND") == "quyet dinh so 45/qd-ubnd")
        #expect(VietnameseFolding.fold("Ðồng") == "dong")   // Icelandic Eth that OCR emits for Đ
        let decomposed = "Nguye\u{0302}\u{0303}n"           // NFD input
        #expect(VietnameseFolding.fold(decomposed) == "nguyen")
        let text = "Ủy ban nhân dân tỉnh Thanh Hóa"
        #expect(VietnameseFolding.fold(text).count == text.count)
    }

    @Test("Dates in every printed form, normalised to yyyy-MM-dd",
          arguments: [
            ("15/03/1990", "1990-03-15"), ("15-03-1990", "1990-03-15"), ("15.03.1990", "1990-03-15"),
            ("ngày 05 tháng 11 năm 2024", "2024-11-05"), ("Thanh Hóa, ngày 5 tháng 3 năm 2024", "2024-03-05"),
            ("NGAY 05 THANG 11 NAM 2024", "2024-11-05"), ("ngày  05  tháng 11  năm   2024", "2024-11-05"),
            ("l5/O3/199O", "1990-03-15"), ("ngay O5 thang ll nam 2O24", "2024-11-05"), ("15 / 03 / 1990", "1990-03-15"),
            ("Có giá trị đến: 09/09/2035", "2035-09-09"),
          ])
    func dates(_ text: String, _ iso: String) throws {
        let hit = try #require(VietnameseDateParser.firstDate(in: text))
        #expect(hit.value == iso)
        #expect(hit.date?.iso == iso)
    }

    @Test func repairedDatesAreMarked() throws {
        #expect(try #require(VietnameseDateParser.firstDate(in: "l5/O3/199O")).repaired)
        #expect(!(try #require(VietnameseDateParser.firstDate(in: "15/03/1990")).repaired))
    }

    @Test("Impossible dates keep their digits and are not real")
    func invalidDates() throws {
        let hit = try #require(VietnameseDateParser.firstDate(in: "31/02/2024"))
        #expect(hit.date == nil)
        #expect(hit.value == "31/02/2024")
        #expect(VietnameseDateParser.firstDate(in: "ngày 30 tháng 13 năm 2024")?.date == nil)
        #expect(VietnameseDateParser.firstDate(in: "Số: 45/QĐ-UBND") == nil)
        #expect(VietnameseDateParser.firstDate(in: "Quyển số: 01/2024") == nil)
    }

    @Test func qrPayload() throws {
        let qr = try #require(CCCDChipQR("038090012345|173456789|Nguyễn Văn An|15031990|Nam|Thôn Đông, xã Quảng Phú, Thanh Hóa|20042021"))
        #expect(qr.soDinhDanh == "038090012345")
        #expect(qr.soCMND == "173456789")
        #expect(qr.hoTen == "Nguyễn Văn An")
        #expect(qr.ngaySinh?.iso == "1990-03-15")
        #expect(qr.gioiTinh == .male)
        #expect(qr.noiThuongTru == "Thôn Đông, xã Quảng Phú, Thanh Hóa")
        #expect(qr.ngayCap?.iso == "2021-04-20")
        #expect(CCCDChipQR("https://dichvucong.gov.vn/qr?id=1") == nil)
        #expect(CCCDChipQR("03809001234|x|y|15031990|Nam|z|20042021") == nil)
    }

    @Test func names() {
        #expect(PersonName.normalize("NGUYÊN VĂN AN") == "Nguyễn Văn An")
        #expect(PersonName.normalize("LẼ THỊ BÌNH") == "Lê Thị Bình")
        #expect(PersonName.normalize("Nguyên Ngọc") == "Nguyên Ngọc")   // mixed case is trusted as printed
        #expect(AgencyName.normalize("ÚY BAN NHÂN DÂN TÍNH THANH HÓA") == "Ủy ban nhân dân tỉnh Thanh Hóa")
        #expect(AgencyName.normalize("SỞ TƯ PHÁP TỈNH THANH HÓA") == "Sở Tư pháp tỉnh Thanh Hóa")
        #expect(AgencyName.normalize("ỦY BAN NHÂN DÂN HUYỆN QUAN HÓA") == "Ủy ban nhân dân huyện Quan Hóa")
        #expect(AgencyName.sentenceCase("TỜ KHAI CẤP GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN") == "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân")
    }
}

// MARK: - Degraded and hand-written cases

private func extract(_ text: String, confidence: Double = 90, barcodes: [String] = [], source: FieldSource = .ocr) -> Extraction {
    DocumentExtractor.extract(ExtractionInput(pages: [PageText(text: text, confidence: confidence, source: source)], barcodes: barcodes))
}

@Suite("Extraction rules")
struct ExtractionRuleTests {
    /// A CCCD front as OCR gives it when capitals lose their marks and digits turn into letters.
    static let degradedFront = """
    CONG HOA XA HOI CHU NGHIA VIET NAM
    CAN CUOC CONG DAN
    Citizen ldentity Card
    So/ No.: O38O9OOl2345
    Ho va ten / Full name:
    NGUYEN VAN AN
    Ngay sinh / Date of birth: l5/O3/199O
    Gioi tinh / Sex: Nam  Quoc tich / Nationality: Viet Nam
    Que quan / Place of origin: Quảng Phú, Quảng Xương, Thanh Hóa
    Noi thuong tru / Place of residence: Thôn Đông
    xã Quảng Phú, Thanh Hóa
    Co gia tri den: 15 / 03 / 2030
    Date of expiry
    """

    @Test("Labels without diacritics, O/0 and l/1 in digits, an address broken over two lines")
    func degradedCCCDFront() throws {
        let e = extract(Self.degradedFront, confidence: 80)
        #expect(e.docType == .cccdFront)
        #expect(e.fields[FieldName.soDinhDanh]?.value == "038090012345")
        #expect(e.fields[FieldName.hoTen]?.value == "Nguyễn Văn An")
        #expect(e.fields[FieldName.ngaySinh]?.value == "1990-03-15")
        #expect(e.fields[FieldName.gioiTinh]?.value == "Nam")
        #expect(e.fields[FieldName.quocTich]?.value == "Việt Nam")
        #expect(e.fields[FieldName.queQuan]?.value == "Quảng Phú, Quảng Xương, Thanh Hóa")
        #expect(e.fields[FieldName.noiThuongTru]?.value == "Thôn Đông, xã Quảng Phú, Thanh Hóa")
        #expect(e.fields[FieldName.coGiaTriDen]?.value == "2030-03-15")
        // Cleaner reads are trusted more: repaired digits and a label without marks cost confidence.
        let birth = try #require(e.fields[FieldName.ngaySinh]?.confidence)
        let expiry = try #require(e.fields[FieldName.coGiaTriDen]?.confidence)
        #expect(birth < expiry)
        #expect(expiry == 0.76)   // 0.80 × 0.95 (label without diacritics)
        #expect(e.fields.values.allSatisfy { $0.flags.isEmpty })
    }

    @Test("OCR disagreeing with the chip QR keeps the QR value and flags the conflict")
    func qrConflict() throws {
        let text = Self.degradedFront.replacingOccurrences(of: "NGUYEN VAN AN", with: "NGUYEN VAN ANH")
        let e = extract(text, barcodes: ["038090012345|173456789|Nguyễn Văn An|15031990|Nam|Thôn Đông, xã Quảng Phú, Thanh Hóa|20042021"])
        #expect(e.docType == .cccdFront)
        let name = try #require(e.fields[FieldName.hoTen])
        #expect(name == ExtractedField(value: "Nguyễn Văn An", confidence: 0.99, source: .barcode, flags: [FieldFlag.conflictsWithBarcode]))
        // Agreeing values (diacritics aside) are not a conflict.
        #expect(e.fields[FieldName.ngaySinh]?.flags == [])
        #expect(e.fields[FieldName.soCMND]?.value == "173456789")
        #expect(e.fields[FieldName.ngayCap]?.value == "2021-04-20")
    }

    @Test("A QR alone is a CCCD back")
    func qrOnly() {
        let e = extract("", barcodes: ["038192004567||Lê Thị Bình|02071992|Nữ|Số 12 phố Lê Lợi, phường Điện Biên, Thanh Hóa|10082021"])
        #expect(e.docType == .cccdBack)
        #expect(e.fields[FieldName.gioiTinh]?.value == "Nữ")
        #expect(e.fields[FieldName.soDinhDanh]?.flags == [])
    }

    @Test("Century and birth-year digits checked against the date of birth")
    func centuryAndYear() throws {
        let text = Self.degradedFront.replacingOccurrences(of: "O38O9OOl2345", with: "038290012345")
        let e = extract(text)
        #expect(e.fields[FieldName.soDinhDanh]?.flags == [FieldFlag.cccdCenturyMismatch])
        #expect(e.fields[FieldName.ngaySinh]?.flags == [FieldFlag.cccdCenturyMismatch])
        let e2 = extract(Self.degradedFront.replacingOccurrences(of: "O38O9OOl2345", with: "038091012345"))
        #expect(e2.fields[FieldName.soDinhDanh]?.flags == [FieldFlag.cccdBirthYearMismatch])
    }

    @Test("An 11-digit id is kept but flagged cccd-structure")
    func elevenDigits() throws {
        let e = extract(Self.degradedFront.replacingOccurrences(of: "O38O9OOl2345", with: "03809001234"))
        let id = try #require(e.fields[FieldName.soDinhDanh])
        #expect(id.value == "03809001234")
        #expect(id.flags == [FieldFlag.cccdStructure])
        #expect(id.confidence == 0.428)   // 0.90 page × 0.95 (label without diacritics) × 0.5 (failed check), rounded
    }

    @Test("An impossible date of birth is kept as read and flagged invalid-date")
    func invalidDate() throws {
        let e = extract(Self.degradedFront.replacingOccurrences(of: "l5/O3/199O", with: "31/02/1990"))
        let birth = try #require(e.fields[FieldName.ngaySinh])
        #expect(birth.value == "31/02/1990")
        #expect(birth.flags == [FieldFlag.invalidDate])
    }

    @Test("Marital-status certificate: valid to = issue + 6 months, and never `expired` from extraction")
    func maritalValidity() throws {
        let text = """
        UY BAN NHAN DAN
        XÃ QUẢNG PHÚ
        Số: 12/UBND-XNTTHN
        GIAY XAC NHAN TINH TRANG HON NHAN
        Họ, chữ đệm, tên: LÊ THỊ BÌNH
        Ngày, tháng, năm sinh: 02/07/1992
        Giới tính: Nữ Dân tộc: Kinh Quốc tịch: Việt Nam
        Giấy tờ tùy thân: Căn cước công dân số 038192004567
        Tình trạng hôn nhân: Chưa đăng ký kết hôn với ai
        Giấy này được cấp để: làm thủ tục đăng ký kết hôn.
        Quảng Phú, ngày 10 tháng 01 năm 2024
        TM. ỦY BAN NHÂN DÂN
        CHỦ TỊCH
        Nguyễn Văn Cường
        """
        let e = extract(text)
        #expect(e.docType == .maritalStatusCertificate)
        #expect(e.fields[FieldName.ngayCap]?.value == "2024-01-10")
        #expect(e.fields[FieldName.coGiaTriDen]?.value == "2024-07-10")
        #expect(e.fields[FieldName.coQuanCap]?.value == "Ủy ban nhân dân xã Quảng Phú")
        #expect(e.fields[FieldName.nguoiKy]?.value == "Nguyễn Văn Cường")
        #expect(e.fields[FieldName.soKyHieu]?.value == "12/UBND-XNTTHN")
        #expect(e.fields[FieldName.tinhTrangHonNhan]?.value == "Chưa đăng ký kết hôn với ai")
        #expect(e.fields[FieldName.mucDichSuDung]?.value == "làm thủ tục đăng ký kết hôn")
        #expect(e.fields.values.allSatisfy { !$0.flags.contains(FieldFlag.expired) })
    }

    @Test("Application form with a bad MST check digit")
    func badMST() throws {
        let text = """
        CONG HOA XA HOI CHU NGHIA VIET NAM
        ĐƠN ĐỀ NGHỊ
        CẤP BẢN SAO KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH
        Kính gửi: Sở Tư pháp tỉnh Thanh Hóa
        Tên tổ chức: Công ty TNHH Sao Mai Thanh Hóa
        Mã số thuế: 2801234560
        Địa chỉ trụ sở: số 12 đường Lê Lợi, phường Điện Biên,
        thành phố Thanh Hóa
        Điện thoại: 0237.3852.123
        Thanh Hóa, ngày 3 tháng 12 năm 2024
        """
        let e = extract(text)
        #expect(e.docType == .applicationForm)
        #expect(e.fields[FieldName.tieuDe]?.value == "Đơn đề nghị cấp bản sao kết quả giải quyết thủ tục hành chính")
        #expect(e.fields[FieldName.maSoThue] == ExtractedField(value: "2801234560", confidence: 0.45, source: .ocr, flags: [FieldFlag.mstChecksum]))
        #expect(e.fields[FieldName.noiCuTru]?.value == "số 12 đường Lê Lợi, phường Điện Biên, thành phố Thanh Hóa")
        #expect(e.fields[FieldName.soDienThoai]?.value == "02373852123")
        #expect(e.fields[FieldName.ngayKhai]?.value == "2024-12-03")
        #expect(e.fields[FieldName.soDinhDanh] == nil)
    }

    @Test("Decision read without any diacritics on its capitals; PDF text keeps its source")
    func decisionWithoutMarks() {
        let text = """
        UY BAN NHAN DAN CONG HOA XA HOI CHU NGHIA VIET NAM
        TINH THANH HOA Doc lap - Tu do - Hanh phuc
        So: 45/QD-UBND Thanh Hóa, ngày O5 tháng 11 năm 2O24
        QUYET DINH
        Ve viec phe duyet danh muc thu tuc hanh chinh
        duoc so hoa ket qua giai quyet
        CHU TICH UY BAN NHAN DAN TINH THANH HOA
        Căn cứ Luật Tổ chức chính quyền địa phương;
        QUYET DINH:
        Dieu 1. Phe duyet danh muc.
        KT. CHU TICH
        PHO CHU TICH
        Nguyễn Văn Bình
        """
        let e = extract(text, confidence: 100, source: .pdfText)
        #expect(e.docType == .decision)
        #expect(e.fields[FieldName.soKyHieu]?.value == "45/QĐ-UBND", "the bar OCR drops from Đ in a kind abbreviation is given back")
        #expect(e.fields[FieldName.ngayBanHanh]?.value == "2024-11-05")
        #expect(e.fields[FieldName.coQuanBanHanh]?.value == "UBND tỉnh Thanh Hóa")
        #expect(e.fields[FieldName.loaiVanBan]?.value == "Quyết định")
        #expect(e.fields[FieldName.trichYeu]?.value == "Về việc phe duyet danh muc thu tuc hanh chinh duoc so hoa ket qua giai quyet")
        #expect(e.fields[FieldName.nguoiKy]?.value == "Nguyễn Văn Bình")
        #expect(e.fields.values.allSatisfy { $0.source == .pdfText })
    }

    @Test("Official letter: V/v subject kept with its prefix, kind Công văn, body under UBND parent")
    func officialLetter() {
        let text = """
        UBND TỈNH THANH HÓA CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        SỞ TƯ PHÁP Độc lập - Tự do - Hạnh phúc
        Số: 1234/STP-HCTP Thanh Hóa, ngày 12 tháng 3 năm 2024
        V/V đề nghị cung cấp thông tin
        hồ sơ đã số hóa
        Kính gửi: Ủy ban nhân dân các huyện, thị xã, thành phố.
        Trân trọng./.
        Nơi nhận: GIÁM ĐỐC
        - Như trên;
        - Lưu: VT, HCTP.
        Trần Thị Hoa
        """
        let e = extract(text)
        #expect(e.docType == .officialLetter)
        #expect(e.fields[FieldName.loaiVanBan]?.value == "Công văn")
        #expect(e.fields[FieldName.trichYeu]?.value == "V/v đề nghị cung cấp thông tin hồ sơ đã số hóa")
        #expect(e.fields[FieldName.coQuanBanHanh]?.value == "Sở Tư pháp")
        #expect(e.fields[FieldName.soKyHieu]?.value == "1234/STP-HCTP")
        #expect(e.fields[FieldName.ngayBanHanh]?.value == "2024-03-12")
        #expect(e.fields[FieldName.nguoiKy]?.value == "Trần Thị Hoa")
    }

    @Test("Birth certificate: the child's fields, not the parents'")
    func birthChildOnly() {
        let text = """
        GIAY KHAI SINH
        Họ, chữ đệm, tên: NGUYỄN LÊ MINH CHÂU
        Ngày, tháng, năm sinh: 28/10/2024
        Giới tính: Nữ Quốc tịch: Việt Nam
        Họ, chữ đệm, tên người mẹ: LÊ THỊ BÌNH
        Năm sinh: 1992 Dân tộc: Mường Quốc tịch: Việt Nam
        Họ, chữ đệm, tên người cha: NGUYỄN VĂN AN
        Quyển số: 01/2024
        """
        let e = extract(text)
        #expect(e.docType == .birthCertificate)
        #expect(e.fields[FieldName.hoTen]?.value == "Nguyễn Lê Minh Châu")
        #expect(e.fields[FieldName.danToc] == nil)   // only the mother's is printed
        #expect(e.fields[FieldName.hoTenMe]?.value == "Lê Thị Bình")
        #expect(e.fields[FieldName.hoTenCha]?.value == "Nguyễn Văn An")
        #expect(e.fields[FieldName.quyenSo]?.value == "01/2024")
        #expect(e.fields[FieldName.soDangKy] == nil)   // `Quyển số` is not `Số`
    }

    @Test("Unrelated or empty text is `other` with no fields")
    func other() {
        #expect(extract("").docType == .other)
        let e = extract("Hóa đơn bán hàng\nTổng cộng: 150.000 đồng")
        #expect(e.docType == .other)
        #expect(e.fields.isEmpty)
        #expect((0...1).contains(e.typeConfidence))
    }

    @Test("Field confidence follows the page's OCR confidence")
    func confidenceScales() throws {
        let high = extract(Self.degradedFront, confidence: 90).fields[FieldName.gioiTinh]?.confidence
        let low = extract(Self.degradedFront, confidence: 45).fields[FieldName.gioiTinh]?.confidence
        #expect(try #require(high) == 0.855)   // 0.90 × 0.95
        #expect(abs(try #require(high) - 2 * (try #require(low))) < 0.002)
    }
}
