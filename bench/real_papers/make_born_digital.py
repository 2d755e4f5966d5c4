#!/usr/bin/python3
"""Synthetic born-digital Vietnamese administrative documents for the OCR benchmark.

Writes N documents (default 8) laid out after Decree 30/2020/ND-CP into OUT_DIR:

  NAME.pdf                   reportlab PDF with embedded TrueType fonts and a real text
                             layer, or for "stamp-only" documents a page raster with
                             only a small e-signature stamp as real text (like the real
                             Gazette files in shared/real_vi/)
  NAME_pN.gt.txt             page text in the reading order of truth/README.md
  NAME_pN.clean.png          300 dpi 8-bit grey render (pdftoppm -r 300 -gray)
  NAME_pN.printscan.jpg      print-and-scan simulation, 300 dpi
  NAME_pN.bilevel200.tif     200 dpi 1-bit CCITT G4
  NAME_pN.printscan.pdf      (--pdf-variants) the degraded images wrapped as scanned PDFs
  NAME_pN.bilevel200.pdf
  fields.json                key fields, same format as shared/real_vi/fields.json
  generation.json            font, layout and degradation parameters per document

Run with the Debian python (reportlab): /usr/bin/python3 make_born_digital.py OUT_DIR
Output is deterministic: the same --seed gives byte-identical files.
"""

import argparse
import contextlib
import datetime as dt
import hashlib
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata

import numpy as np
from PIL import Image, ImageChops, ImageDraw, ImageFilter
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas

MM = 72.0 / 25.4
PAGE_W, PAGE_H = 595.28, 841.89  # A4 in pt

# fonts-liberation2 (Liberation 2.x) has the Vietnamese letters; the old fonts-liberation 1.07 does not.
FONT_DIRS = ["/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/truetype/dejavu"]
FONT_FAMILIES = {
    # family key: (display name, regular, bold, italic, bold italic, weight in the draw)
    "LiberationSerif": ("Liberation Serif",
                        "LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf",
                        "LiberationSerif-Italic.ttf", "LiberationSerif-BoldItalic.ttf", 5),
    "LiberationSans": ("Liberation Sans",
                       "LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf",
                       "LiberationSans-Italic.ttf", "LiberationSans-BoldItalic.ttf", 2),
    "DejaVuSerif": ("DejaVu Serif",
                    "DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf",
                    "DejaVuSerif-Italic.ttf", "DejaVuSerif-BoldItalic.ttf", 2),
}
STAMP_FONT = "LiberationSerif"


def nfc(s):
    return unicodedata.normalize("NFC", s)


# --------------------------------------------------------------------------------------
# Content banks (written for this generator; nothing here is copied from the real files)
# --------------------------------------------------------------------------------------

PROVINCES = [
    ("Quảng Ngãi", [("huyện", "Mộ Đức", [("xã", "Đức Tân"), ("xã", "Đức Lợi"), ("thị trấn", "Mộ Đức")]),
                    ("huyện", "Bình Sơn", [("xã", "Bình Thạnh"), ("xã", "Bình Dương"), ("thị trấn", "Châu Ổ")]),
                    ("huyện", "Tư Nghĩa", [("xã", "Nghĩa Kỳ"), ("thị trấn", "La Hà")]),
                    ("thị xã", "Đức Phổ", [("phường", "Nguyễn Nghiêm"), ("xã", "Phổ An")])]),
    ("Bình Định", [("huyện", "Tuy Phước", [("xã", "Phước Hòa"), ("thị trấn", "Tuy Phước")]),
                   ("huyện", "Phù Cát", [("xã", "Cát Hanh"), ("thị trấn", "Ngô Mây")]),
                   ("thị xã", "An Nhơn", [("phường", "Bình Định"), ("xã", "Nhơn Hậu")])]),
    ("Quảng Nam", [("huyện", "Duy Xuyên", [("xã", "Duy Châu"), ("thị trấn", "Nam Phước")]),
                   ("huyện", "Thăng Bình", [("xã", "Bình Minh"), ("thị trấn", "Hà Lam")]),
                   ("huyện", "Núi Thành", [("xã", "Tam Nghĩa"), ("thị trấn", "Núi Thành")])]),
    ("Nghệ An", [("huyện", "Diễn Châu", [("xã", "Diễn Kỷ"), ("xã", "Diễn Hồng")]),
                 ("huyện", "Nghi Lộc", [("xã", "Nghi Long"), ("thị trấn", "Quán Hành")])]),
    ("Thanh Hóa", [("huyện", "Hoằng Hóa", [("xã", "Hoằng Đạt"), ("thị trấn", "Bút Sơn")]),
                   ("huyện", "Quảng Xương", [("xã", "Quảng Nhân"), ("thị trấn", "Tân Phong")])]),
    ("Thái Bình", [("huyện", "Vũ Thư", [("xã", "Vũ Hội"), ("thị trấn", "Vũ Thư")]),
                   ("huyện", "Kiến Xương", [("xã", "Quang Trung"), ("thị trấn", "Kiến Xương")])]),
    ("Đồng Tháp", [("huyện", "Tháp Mười", [("xã", "Mỹ Hòa"), ("thị trấn", "Mỹ An")]),
                   ("huyện", "Cao Lãnh", [("xã", "Mỹ Long"), ("thị trấn", "Mỹ Thọ")])]),
    ("Lâm Đồng", [("huyện", "Đức Trọng", [("xã", "Hiệp Thạnh"), ("thị trấn", "Liên Nghĩa")]),
                  ("huyện", "Di Linh", [("xã", "Gia Hiệp"), ("thị trấn", "Di Linh")])]),
    ("Hà Tĩnh", [("huyện", "Can Lộc", [("xã", "Tùng Lộc"), ("thị trấn", "Nghèn")]),
                 ("huyện", "Cẩm Xuyên", [("xã", "Cẩm Bình"), ("thị trấn", "Cẩm Xuyên")])]),
    ("Bắc Giang", [("huyện", "Lục Nam", [("xã", "Cương Sơn"), ("thị trấn", "Đồi Ngô")]),
                   ("huyện", "Yên Dũng", [("xã", "Tiến Dũng"), ("thị trấn", "Nham Biền")])]),
]

# department key -> (province level name, symbol, district level name, commune level name, ministry, ministry symbol)
DEPTS = {
    "tc": ("Sở Tài chính", "STC", "Phòng Tài chính - Kế hoạch", "bộ phận Tài chính - Kế toán", "Bộ Tài chính", "BTC"),
    "khdt": ("Sở Kế hoạch và Đầu tư", "SKHĐT", "Phòng Tài chính - Kế hoạch", "bộ phận Tài chính - Kế toán",
             "Bộ Kế hoạch và Đầu tư", "BKHĐT"),
    "nv": ("Sở Nội vụ", "SNV", "Phòng Nội vụ", "công chức Văn phòng - Thống kê", "Bộ Nội vụ", "BNV"),
    "tnmt": ("Sở Tài nguyên và Môi trường", "STNMT", "Phòng Tài nguyên và Môi trường",
             "công chức Địa chính - Xây dựng", "Bộ Tài nguyên và Môi trường", "BTNMT"),
    "nn": ("Sở Nông nghiệp và Phát triển nông thôn", "SNNPTNT", "Phòng Nông nghiệp và Phát triển nông thôn",
           "công chức Địa chính - Nông nghiệp", "Bộ Nông nghiệp và Phát triển nông thôn", "BNNPTNT"),
    "gd": ("Sở Giáo dục và Đào tạo", "SGDĐT", "Phòng Giáo dục và Đào tạo", "các trường học trên địa bàn",
           "Bộ Giáo dục và Đào tạo", "BGDĐT"),
    "yt": ("Sở Y tế", "SYT", "Phòng Y tế", "Trạm Y tế", "Bộ Y tế", "BYT"),
    "gt": ("Sở Giao thông vận tải", "SGTVT", "Phòng Kinh tế và Hạ tầng", "công chức Địa chính - Xây dựng",
           "Bộ Giao thông vận tải", "BGTVT"),
    "tt": ("Sở Thông tin và Truyền thông", "STTTT", "Phòng Văn hóa và Thông tin", "công chức Văn hóa - Xã hội",
           "Bộ Thông tin và Truyền thông", "BTTTT"),
    "ld": ("Sở Lao động - Thương binh và Xã hội", "SLĐTBXH", "Phòng Lao động - Thương binh và Xã hội",
           "công chức Văn hóa - Xã hội", "Bộ Lao động - Thương binh và Xã hội", "BLĐTBXH"),
    "xd": ("Sở Xây dựng", "SXD", "Phòng Kinh tế và Hạ tầng", "công chức Địa chính - Xây dựng", "Bộ Xây dựng", "BXD"),
    "ct": ("Sở Công Thương", "SCT", "Phòng Kinh tế và Hạ tầng", "công chức Văn phòng - Thống kê",
           "Bộ Công Thương", "BCT"),
    "ca": ("Công an tỉnh", None, "Công an {dk}", "Công an {ck}", "Bộ Công an", "BCA"),
    "qs": ("Bộ Chỉ huy Quân sự tỉnh", None, "Ban Chỉ huy Quân sự {dk}", "Ban Chỉ huy Quân sự {ck}",
           "Bộ Quốc phòng", "BQP"),
}

TOPICS = [
    dict(key="pccc", dept="ca", helpers=["xd", "ct", "tt"],
         area="công tác phòng cháy, chữa cháy và cứu nạn, cứu hộ",
         subj="tăng cường công tác phòng cháy, chữa cháy và cứu nạn, cứu hộ trong mùa khô năm {y}",
         law="Căn cứ Luật Phòng cháy và chữa cháy ngày 29 tháng 6 năm 2001; Luật sửa đổi, bổ sung một số "
             "điều của Luật Phòng cháy và chữa cháy ngày 22 tháng 11 năm 2013;",
         actions=["tổ chức kiểm tra an toàn phòng cháy, chữa cháy tại các chợ, trung tâm thương mại, cơ sở sản "
                  "xuất, kinh doanh và khu dân cư",
                  "tuyên truyền, phổ biến kiến thức, kỹ năng thoát nạn và sử dụng phương tiện chữa cháy cho Nhân dân",
                  "duy trì lực lượng, phương tiện thường trực sẵn sàng chữa cháy, cứu nạn, cứu hộ 24/24 giờ",
                  "rà soát, bổ sung phương án chữa cháy và tổ chức thực tập phương án tại các cơ sở có nguy cơ "
                  "cháy, nổ cao",
                  "xử lý nghiêm các hành vi vi phạm quy định về phòng cháy, chữa cháy theo quy định của pháp luật",
                  "củng cố, kiện toàn lực lượng dân phòng và lực lượng phòng cháy, chữa cháy cơ sở"],
         problem="tình hình cháy, nổ vẫn diễn biến phức tạp, một số vụ cháy gây thiệt hại lớn về tài sản; ý thức "
                 "chấp hành quy định về phòng cháy, chữa cháy của một bộ phận người dân và cơ sở kinh doanh chưa cao",
         goal="chủ động phòng ngừa, hạn chế đến mức thấp nhất các vụ cháy, nổ và thiệt hại do cháy, nổ gây ra",
         stats=["tổ chức {a} đợt kiểm tra an toàn phòng cháy, chữa cháy tại {b} cơ sở, kiến nghị khắc phục {c} "
                "tồn tại, thiếu sót",
                "tổ chức {a} buổi tuyên truyền, huấn luyện nghiệp vụ phòng cháy, chữa cháy với {b} lượt người tham gia",
                "xảy ra {c} vụ cháy, không có thiệt hại về người, giảm {a} vụ so với cùng kỳ năm trước"]),
    dict(key="thientai", dept="nn", helpers=["qs", "ca", "gt"],
         area="công tác phòng, chống thiên tai và tìm kiếm cứu nạn",
         subj="chủ động triển khai công tác phòng, chống thiên tai và tìm kiếm cứu nạn năm {y}",
         law="Căn cứ Luật Phòng, chống thiên tai ngày 19 tháng 6 năm 2013; Luật sửa đổi, bổ sung một số điều của "
             "Luật Phòng, chống thiên tai và Luật Đê điều ngày 17 tháng 6 năm 2020;",
         actions=["rà soát, cập nhật phương án ứng phó với bão, áp thấp nhiệt đới, lũ, lũ quét và sạt lở đất phù hợp "
                  "với tình hình thực tế",
                  "kiểm tra, đánh giá an toàn các hồ chứa nước, đê điều, kè chắn sóng và có biện pháp xử lý kịp thời "
                  "các sự cố",
                  "chuẩn bị đầy đủ lực lượng, phương tiện, vật tư, lương thực theo phương châm “bốn tại chỗ”",
                  "tổ chức sơ tán người dân ra khỏi khu vực nguy hiểm, bảo đảm an toàn tính mạng và tài sản của Nhân dân",
                  "theo dõi chặt chẽ diễn biến thời tiết, kịp thời thông tin cảnh báo đến chính quyền cơ sở và người dân",
                  "hướng dẫn tàu thuyền neo đậu, tránh trú an toàn và kiểm đếm phương tiện hoạt động trên biển"],
         problem="thiên tai ngày càng cực đoan, khó lường, mưa lớn kéo dài gây ngập úng và sạt lở tại nhiều khu vực; "
                 "công tác chuẩn bị ở một số địa phương còn chủ quan",
         goal="chủ động phòng ngừa, ứng phó kịp thời, hạn chế thấp nhất thiệt hại về người và tài sản do thiên tai gây ra",
         stats=["rà soát {a} khu dân cư có nguy cơ sạt lở đất, lũ quét với {b} hộ dân cần sơ tán khi có tình huống",
                "kiểm tra {c} hồ chứa nước và {a} km đê, kè; phát hiện {c} vị trí xung yếu cần xử lý",
                "tổ chức diễn tập ứng phó thiên tai tại {c} xã với sự tham gia của {b} lượt người"]),
    dict(key="cds", dept="tt", helpers=["nv", "khdt", "tc"],
         area="công tác chuyển đổi số và phát triển chính quyền số",
         subj="đẩy mạnh chuyển đổi số và phát triển chính quyền số trên địa bàn {unit} năm {y}",
         law="Căn cứ Luật Công nghệ thông tin ngày 29 tháng 6 năm 2006; Luật Giao dịch điện tử ngày 22 tháng 6 năm 2023;",
         actions=["nâng cao tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận và giải quyết trực tuyến toàn trình",
                  "thực hiện số hóa hồ sơ, kết quả giải quyết thủ tục hành chính theo đúng quy định",
                  "bảo đảm an toàn, an ninh thông tin mạng cho các hệ thống thông tin dùng chung",
                  "sử dụng chữ ký số trong gửi, nhận văn bản điện tử giữa các cơ quan hành chính nhà nước",
                  "phát triển các tổ công nghệ số cộng đồng, hướng dẫn người dân sử dụng dịch vụ công trực tuyến",
                  "kết nối, chia sẻ dữ liệu giữa các cơ sở dữ liệu chuyên ngành và cơ sở dữ liệu quốc gia về dân cư"],
         problem="tỷ lệ hồ sơ trực tuyến toàn trình còn thấp, hạ tầng công nghệ thông tin tại một số đơn vị chưa đồng bộ; "
                 "nguồn nhân lực chuyên trách còn thiếu",
         goal="tạo chuyển biến rõ nét trong chuyển đổi số, phục vụ người dân và doanh nghiệp ngày càng tốt hơn",
         stats=["tiếp nhận {b} hồ sơ trực tuyến, đạt tỷ lệ {p}% tổng số hồ sơ tiếp nhận",
                "số hóa {b} hồ sơ, kết quả giải quyết thủ tục hành chính; {c} cơ quan, đơn vị đã kết nối hệ thống",
                "{a} tổ công nghệ số cộng đồng đã hướng dẫn {b} lượt người dân cài đặt và sử dụng ứng dụng"]),
    dict(key="cchc", dept="nv", helpers=["tt", "tc", "khdt"],
         area="công tác cải cách hành chính",
         subj="triển khai thực hiện công tác cải cách hành chính năm {y}",
         law="Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018 của Chính phủ về thực hiện cơ chế một cửa, "
             "một cửa liên thông trong giải quyết thủ tục hành chính;",
         actions=["rà soát, đơn giản hóa thủ tục hành chính và cắt giảm thời gian giải quyết hồ sơ",
                  "niêm yết công khai, đầy đủ thủ tục hành chính tại Bộ phận Một cửa các cấp",
                  "tăng cường kỷ luật, kỷ cương hành chính và trách nhiệm của người đứng đầu",
                  "kiểm tra đột xuất việc thực hiện nhiệm vụ cải cách hành chính tại các cơ quan, đơn vị",
                  "tiếp nhận, xử lý kịp thời phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính",
                  "đánh giá, xếp loại kết quả thực hiện cải cách hành chính của các cơ quan, đơn vị"],
         problem="một số thủ tục hành chính còn giải quyết trễ hạn; việc công khai xin lỗi người dân khi trễ hạn chưa "
                 "được thực hiện nghiêm túc",
         goal="nâng cao chỉ số hài lòng của người dân, doanh nghiệp đối với sự phục vụ của cơ quan hành chính nhà nước",
         stats=["tiếp nhận {b} hồ sơ thủ tục hành chính, đã giải quyết đúng hạn {p}%",
                "công bố {c} thủ tục hành chính mới ban hành, sửa đổi, bổ sung và bãi bỏ {a} thủ tục",
                "tiếp nhận {a} phản ánh, kiến nghị; đã xử lý xong {c} phản ánh, kiến nghị"]),
    dict(key="attp", dept="yt", helpers=["ct", "nn", "ca"],
         area="công tác bảo đảm an toàn thực phẩm",
         subj="tăng cường bảo đảm an toàn thực phẩm dịp Tết Nguyên đán và mùa Lễ hội Xuân năm {y}",
         law="Căn cứ Luật An toàn thực phẩm ngày 17 tháng 6 năm 2010;",
         actions=["kiểm tra điều kiện bảo đảm an toàn thực phẩm tại các cơ sở sản xuất, chế biến và kinh doanh thực phẩm",
                  "giám sát chặt chẽ các bếp ăn tập thể tại khu công nghiệp, trường học và bệnh viện",
                  "xử lý nghiêm các cơ sở vi phạm và công khai trên phương tiện thông tin đại chúng",
                  "tuyên truyền để người tiêu dùng lựa chọn thực phẩm có nguồn gốc rõ ràng",
                  "kiểm soát việc vận chuyển, giết mổ gia súc, gia cầm và kinh doanh sản phẩm động vật",
                  "chuẩn bị sẵn sàng phương án xử lý khi xảy ra ngộ độc thực phẩm"],
         problem="nhu cầu tiêu dùng thực phẩm tăng cao, nguy cơ mất an toàn thực phẩm và ngộ độc thực phẩm có thể xảy ra",
         goal="bảo đảm sức khỏe của Nhân dân, không để xảy ra ngộ độc thực phẩm đông người",
         stats=["thành lập {c} đoàn kiểm tra liên ngành, kiểm tra {b} cơ sở, phát hiện {a} cơ sở vi phạm",
                "xử phạt vi phạm hành chính {a} cơ sở với tổng số tiền {m} triệu đồng",
                "tiêu hủy {a} kg thực phẩm không rõ nguồn gốc, xuất xứ"]),
    dict(key="atgt", dept="gt", helpers=["ca", "tt", "gd"],
         area="công tác bảo đảm trật tự, an toàn giao thông",
         subj="tăng cường bảo đảm trật tự, an toàn giao thông trong dịp Lễ, Tết năm {y}",
         law="Căn cứ Luật Giao thông đường bộ ngày 13 tháng 11 năm 2008;",
         actions=["tăng cường tuần tra, kiểm soát và xử lý nghiêm các hành vi vi phạm nồng độ cồn, chạy quá tốc độ",
                  "rà soát, khắc phục kịp thời các điểm đen, điểm tiềm ẩn tai nạn giao thông",
                  "bố trí đủ phương tiện vận tải hành khách phục vụ nhu cầu đi lại của Nhân dân",
                  "kiểm tra việc niêm yết giá cước và chấp hành quy định của các doanh nghiệp vận tải",
                  "tổ chức phân luồng, điều tiết giao thông tại các tuyến đường thường xuyên ùn tắc",
                  "tuyên truyền văn hóa giao thông an toàn trong trường học và khu dân cư"],
         problem="tai nạn giao thông tuy giảm nhưng vẫn còn nghiêm trọng, vi phạm về nồng độ cồn có xu hướng tăng",
         goal="kiềm chế, giảm tai nạn giao thông trên cả ba tiêu chí, phục vụ Nhân dân đi lại an toàn",
         stats=["xảy ra {c} vụ tai nạn giao thông, làm chết {a} người, giảm {a} vụ so với cùng kỳ",
                "lập biên bản xử lý {b} trường hợp vi phạm, tạm giữ {a} phương tiện",
                "khắc phục {c} điểm đen và điểm tiềm ẩn tai nạn giao thông"]),
    dict(key="ngansach", dept="tc", helpers=["khdt", "nv", "tnmt"],
         area="công tác quản lý, điều hành ngân sách nhà nước",
         subj="tăng cường công tác quản lý, điều hành dự toán ngân sách nhà nước năm {y}",
         law="Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;",
         actions=["tổ chức thu ngân sách đúng, đủ, kịp thời và chống thất thu, nợ đọng thuế",
                  "quản lý chi ngân sách chặt chẽ, tiết kiệm, đúng dự toán và đúng chế độ",
                  "rà soát các khoản chi chưa thật sự cần thiết để điều chuyển cho nhiệm vụ cấp bách",
                  "công khai dự toán, quyết toán ngân sách theo quy định",
                  "tăng cường kiểm tra, thanh tra việc quản lý, sử dụng ngân sách tại các đơn vị",
                  "thực hiện nghiêm quy định về thực hành tiết kiệm, chống lãng phí"],
         problem="thu ngân sách một số lĩnh vực đạt thấp so với dự toán; tiến độ giải ngân một số nguồn vốn còn chậm",
         goal="hoàn thành dự toán thu, chi ngân sách nhà nước được giao",
         stats=["tổng thu ngân sách nhà nước trên địa bàn ước đạt {m} triệu đồng, bằng {p}% dự toán",
                "tổng chi ngân sách địa phương ước thực hiện {m} triệu đồng, bằng {p}% dự toán",
                "thu hồi nộp ngân sách {m} triệu đồng qua công tác thanh tra, kiểm tra"]),
    dict(key="dtcong", dept="khdt", helpers=["tc", "xd", "tnmt"],
         area="công tác giải ngân kế hoạch vốn đầu tư công",
         subj="đẩy nhanh tiến độ giải ngân kế hoạch vốn đầu tư công năm {y}",
         law="Căn cứ Luật Đầu tư công ngày 13 tháng 6 năm 2019;",
         actions=["đẩy nhanh tiến độ thi công, nghiệm thu và thanh toán khối lượng hoàn thành",
                  "tập trung tháo gỡ khó khăn trong công tác bồi thường, giải phóng mặt bằng",
                  "điều chuyển vốn từ các dự án giải ngân chậm sang các dự án có khả năng giải ngân tốt",
                  "xử lý nghiêm các nhà thầu vi phạm tiến độ, chất lượng công trình",
                  "báo cáo định kỳ tiến độ giải ngân từng dự án, nêu rõ nguyên nhân chậm trễ",
                  "tăng cường giám sát, đánh giá đầu tư và kiểm tra hiện trường các dự án trọng điểm"],
         problem="tỷ lệ giải ngân vốn đầu tư công còn thấp so với kế hoạch, nhiều dự án vướng mắc mặt bằng",
         goal="phấn đấu giải ngân trên 95% kế hoạch vốn được giao",
         stats=["giải ngân {m} triệu đồng, đạt {p}% kế hoạch vốn được giao",
                "có {c} dự án giải ngân dưới 30% kế hoạch, {a} dự án vướng mắc bồi thường, giải phóng mặt bằng",
                "hoàn thành, đưa vào sử dụng {c} công trình"]),
    dict(key="dichbenh", dept="nn", helpers=["yt", "ct", "tc"],
         area="công tác phòng, chống dịch bệnh động vật",
         subj="tăng cường các biện pháp phòng, chống bệnh Dịch tả lợn châu Phi trên địa bàn {unit}",
         law="Căn cứ Luật Thú y ngày 19 tháng 6 năm 2015;",
         actions=["giám sát chặt chẽ tình hình dịch bệnh, phát hiện sớm và xử lý triệt để ổ dịch mới",
                  "tổ chức tiêm phòng vắc xin cho đàn vật nuôi, bảo đảm tỷ lệ tiêm phòng theo quy định",
                  "kiểm soát chặt chẽ việc vận chuyển, buôn bán lợn và sản phẩm từ lợn",
                  "phun thuốc khử trùng, tiêu độc môi trường chăn nuôi tại các vùng có nguy cơ cao",
                  "hướng dẫn người chăn nuôi áp dụng các biện pháp chăn nuôi an toàn sinh học",
                  "dự trữ hóa chất, vật tư để kịp thời xử lý khi có dịch bệnh xảy ra"],
         problem="dịch bệnh trên đàn vật nuôi diễn biến phức tạp, nguy cơ lây lan ra diện rộng là rất lớn",
         goal="kiểm soát, ngăn chặn dịch bệnh lây lan, bảo vệ sản xuất chăn nuôi",
         stats=["tiêm phòng cho {b} con gia súc, đạt {p}% tổng đàn",
                "phát hiện {c} ổ dịch tại {a} thôn, tiêu hủy {b} kg lợn mắc bệnh",
                "phun khử trùng {m} m² chuồng trại và khu vực chăn nuôi"]),
    dict(key="moitruong", dept="tnmt", helpers=["xd", "tc", "yt"],
         area="công tác quản lý chất thải rắn sinh hoạt",
         subj="tăng cường công tác quản lý chất thải rắn sinh hoạt trên địa bàn {unit}",
         law="Căn cứ Luật Bảo vệ môi trường ngày 17 tháng 11 năm 2020;",
         actions=["tổ chức phân loại chất thải rắn sinh hoạt tại nguồn theo quy định",
                  "mở rộng phạm vi thu gom chất thải rắn sinh hoạt đến các khu dân cư nông thôn",
                  "kiểm tra, xử lý nghiêm hành vi đổ thải không đúng nơi quy định",
                  "rà soát, nâng cấp các bãi chôn lấp hợp vệ sinh và khu xử lý chất thải",
                  "huy động cộng đồng dân cư tham gia ngày Chủ nhật xanh, làm sạch môi trường",
                  "lồng ghép nội dung bảo vệ môi trường trong xây dựng nông thôn mới"],
         problem="khối lượng chất thải rắn sinh hoạt phát sinh ngày càng lớn, tỷ lệ thu gom ở khu vực nông thôn còn thấp",
         goal="nâng cao tỷ lệ thu gom, xử lý chất thải rắn sinh hoạt, bảo đảm vệ sinh môi trường",
         stats=["thu gom, xử lý khoảng {a} tấn chất thải rắn sinh hoạt mỗi ngày, đạt {p}%",
                "{c} xã đã triển khai mô hình phân loại rác tại nguồn với {b} hộ gia đình tham gia",
                "xử phạt {a} trường hợp vi phạm với số tiền {m} triệu đồng"]),
    dict(key="giaoduc", dept="gd", helpers=["ca", "yt", "tc"],
         area="công tác tổ chức Kỳ thi tốt nghiệp trung học phổ thông",
         subj="tổ chức Kỳ thi tốt nghiệp trung học phổ thông năm {y}",
         law="Căn cứ Luật Giáo dục ngày 14 tháng 6 năm 2019;",
         actions=["chuẩn bị cơ sở vật chất, trang thiết bị tại các điểm thi bảo đảm đúng quy chế",
                  "bảo đảm an ninh, an toàn tuyệt đối trong vận chuyển, bảo quản đề thi và bài thi",
                  "bố trí lực lượng y tế trực tại các điểm thi, sẵn sàng xử lý tình huống",
                  "hỗ trợ thí sinh có hoàn cảnh khó khăn, thí sinh ở xa về chỗ ăn, ở và đi lại",
                  "tổ chức ôn tập cho học sinh lớp 12 theo hướng bám sát chương trình",
                  "bảo đảm cung cấp điện ổn định trong suốt thời gian tổ chức Kỳ thi"],
         problem="số lượng thí sinh tăng, một số điểm thi ở vùng sâu, vùng xa còn khó khăn về cơ sở vật chất",
         goal="tổ chức Kỳ thi nghiêm túc, an toàn, đúng quy chế",
         stats=["tổ chức {c} điểm thi với {b} thí sinh đăng ký dự thi",
                "huy động {a} cán bộ, giáo viên tham gia coi thi, chấm thi",
                "tỷ lệ học sinh tốt nghiệp đạt {p}%"]),
    dict(key="buonlau", dept="ct", helpers=["ca", "tc", "nn"],
         area="công tác đấu tranh chống buôn lậu, gian lận thương mại và hàng giả",
         subj="tăng cường đấu tranh chống buôn lậu, gian lận thương mại và hàng giả năm {y}",
         law="Căn cứ Quyết định số 389/QĐ-TTg ngày 19 tháng 3 năm 2014 của Thủ tướng Chính phủ về việc thành lập "
             "Ban Chỉ đạo quốc gia chống buôn lậu, gian lận thương mại và hàng giả;",
         actions=["kiểm tra, kiểm soát thị trường, kịp thời phát hiện hàng nhập lậu, hàng giả, hàng kém chất lượng",
                  "kiểm soát chặt chẽ hoạt động kinh doanh trên môi trường thương mại điện tử",
                  "xử lý nghiêm các tổ chức, cá nhân vi phạm và công khai kết quả xử lý",
                  "phối hợp trao đổi thông tin giữa các lực lượng chức năng trên địa bàn",
                  "tuyên truyền để người dân không tiếp tay cho các hành vi buôn lậu",
                  "kiểm tra việc niêm yết giá và chấp hành quy định về nhãn hàng hóa"],
         problem="buôn lậu, gian lận thương mại diễn biến phức tạp, nhất là qua thương mại điện tử",
         goal="ổn định thị trường, bảo vệ quyền lợi người tiêu dùng và doanh nghiệp làm ăn chân chính",
         stats=["kiểm tra {b} vụ việc, phát hiện và xử lý {a} vụ vi phạm",
                "thu nộp ngân sách nhà nước {m} triệu đồng",
                "tịch thu, tiêu hủy hàng hóa vi phạm trị giá {m} triệu đồng"]),
]

# topic-independent tasks, mixed into every document's action deck ({area} is filled in)
GENERIC_TASKS = [
    "rà soát, tổng hợp những khó khăn, vướng mắc trong {area}, kịp thời đề xuất giải pháp tháo gỡ",
    "tăng cường thông tin, tuyên truyền để cán bộ, công chức và Nhân dân hiểu rõ, đồng thuận trong {area}",
    "phân công cụ thể trách nhiệm của từng cơ quan, đơn vị, cá nhân, gắn với tiến độ và kết quả thực hiện",
    "bố trí kinh phí, nguồn lực bảo đảm cho {area} theo đúng quy định",
    "kịp thời biểu dương, khen thưởng những tập thể, cá nhân có thành tích xuất sắc trong {area}",
    "theo dõi, đôn đốc, kiểm tra việc thực hiện và tổng hợp kết quả, báo cáo định kỳ theo quy định",
]

# generic report items for Báo cáo ({a} {b} {c} numbers, {area}, {self})
GENERIC_REPORT = [
    "Công tác chỉ đạo, điều hành: {self} đã ban hành {a} văn bản chỉ đạo, hướng dẫn triển khai {area}; "
    "thường xuyên đôn đốc các cơ quan, đơn vị tổ chức thực hiện",
    "Công tác thông tin, tuyên truyền: các cơ quan báo chí và hệ thống thông tin cơ sở đã đăng tải {b} tin, "
    "bài phản ánh {area}, góp phần nâng cao nhận thức của Nhân dân",
    "Công tác kiểm tra, giám sát: tổ chức {a} đoàn kiểm tra tại {c} cơ quan, đơn vị, địa phương; qua kiểm tra "
    "đã kịp thời chấn chỉnh những tồn tại, hạn chế",
    "Công tác phối hợp: các cơ quan, đơn vị và địa phương đã phối hợp chặt chẽ, chủ động xử lý các vấn đề phát "
    "sinh, không để xảy ra tình trạng đùn đẩy trách nhiệm",
]

BCD_BODIES = [
    ("BAN CHỈ ĐẠO 389", "Ban Chỉ đạo 389", "buonlau", "BCĐ389"),
    ("BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ", "Ban Chỉ đạo Chuyển đổi số", "cds", "BCĐ"),
    ("BAN CHỈ ĐẠO CẢI CÁCH HÀNH CHÍNH", "Ban Chỉ đạo Cải cách hành chính", "cchc", "BCĐ"),
]

SURNAMES = ["Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ",
            "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trương"]
MIDDLE_M = ["Văn", "Văn", "Hữu", "Minh", "Quốc", "Thanh", "Ngọc", "Đức", "Công", "Hoàng", "Xuân", "Tấn", "Đình"]
MIDDLE_F = ["Thị", "Thị", "Thị", "Ngọc", "Thanh", "Thu", "Kim", "Hồng"]
GIVEN_M = ["Hùng", "Dũng", "Tuấn", "Hải", "Long", "Nam", "Sơn", "Thắng", "Phong", "Bình", "Cường", "Hiếu",
           "Khánh", "Trung", "Việt", "Tâm", "Thành", "Phúc", "Quang", "Vinh", "Lâm", "Định", "Hòa", "Toàn"]
GIVEN_F = ["Lan", "Hương", "Hà", "Mai", "Thảo", "Trang", "Hạnh", "Linh", "Nga", "Thủy", "Yến", "Phượng", "Loan"]

WEEKDAYS = ["thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"]
ROMAN = ["I", "II", "III", "IV", "V", "VI"]

CV_UNITS_TINH = ["VP", "KTTH", "NC", "KTN", "KGVX", "TH", "TCD"]

KINDS = ["QĐ", "CV", "CT", "TB", "KH", "BC", "TTr", "GM"]
KIND_NAME = {"QĐ": "Quyết định", "CV": "Công văn", "CT": "Chỉ thị", "TB": "Thông báo", "KH": "Kế hoạch",
             "BC": "Báo cáo", "TTr": "Tờ trình", "GM": "Giấy mời"}
KIND_TITLE = {"QĐ": "QUYẾT ĐỊNH", "CT": "CHỈ THỊ", "TB": "THÔNG BÁO", "KH": "KẾ HOẠCH", "BC": "BÁO CÁO",
              "TTr": "TỜ TRÌNH", "GM": "GIẤY MỜI", "CV": None}


def upper_vi(s):
    return nfc(s).upper()


def fmt_int(n):
    s = f"{n:,d}"
    return s.replace(",", ".")


def fmt_money(rng):
    n = rng.randint(120, 980000)
    return fmt_int(n)


def fmt_pct(rng, lo=55.0, hi=99.8):
    v = round(rng.uniform(lo, hi), 1)
    s = f"{v:.1f}".replace(".", ",")
    return s[:-2] if s.endswith(",0") else s


def date_line_parts(d):
    day = f"{d.day:02d}"
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return day, month, str(d.year)


def short_date(d):
    """Body citation style: 5/3/2024, 18/01/2024 (leading zero only for months 1 and 2)."""
    m = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"{d.day:02d}/{m}/{d.year}" if d.day < 10 and d.month <= 2 else f"{d.day}/{m}/{d.year}"


def person(rng, female=None):
    if female is None:
        female = rng.random() < 0.3
    sur = rng.choice(SURNAMES)
    if female:
        return f"{sur} {rng.choice(MIDDLE_F)} {rng.choice(GIVEN_F)}", True
    return f"{sur} {rng.choice(MIDDLE_M)} {rng.choice(GIVEN_M)}", False


# --------------------------------------------------------------------------------------
# Issuer (agency) model
# --------------------------------------------------------------------------------------

class Issuer:
    pass


def dept_name(key, level, iss):
    prov, _sym, dist, comm, _min, _msym = DEPTS[key]
    if level == "tinh":
        return prov
    if level == "huyen":
        return dist.replace("{dk}", iss.unit_word)
    return comm.replace("{ck}", iss.unit_word)


def make_issuer(rng, level, topic_key=None):
    prov_name, districts = rng.choice(PROVINCES)
    dkind, dname, communes = rng.choice(districts)
    ckind, cname = rng.choice(communes)
    iss = Issuer()
    iss.level = level
    iss.province = prov_name
    iss.prov_upper = upper_vi(f"tỉnh {prov_name}")
    if level in ("tinh", "so", "bcd"):
        iss.unit_word, iss.unit_name = "tỉnh", prov_name
        iss.place = prov_name
    elif level == "huyen":
        iss.unit_word, iss.unit_name = dkind, dname
        iss.place = dname
    else:
        iss.unit_word, iss.unit_name = ckind, cname
        iss.place = cname
    iss.unit_full = f"{iss.unit_word} {iss.unit_name}"
    iss.district = (dkind, dname)
    if level in ("tinh", "huyen", "xa"):
        iss.header = [(upper_vi("Ủy ban nhân dân"), True), (upper_vi(iss.unit_full), True)]
        iss.agency = f"UBND {iss.unit_full}"
        iss.agency_parent = None
        iss.sym = "UBND"
        iss.self_short = f"UBND {iss.unit_word}"
        iss.self_full = f"Ủy ban nhân dân {iss.unit_word}"
        iss.self_caps = upper_vi(f"Ủy ban nhân dân {iss.unit_full}")
        iss.chair = f"Chủ tịch UBND {iss.unit_word}"
        iss.chair_caps = upper_vi(f"Chủ tịch Ủy ban nhân dân {iss.unit_full}")
        iss.office = {"tinh": "Văn phòng UBND tỉnh",
                      "huyen": f"Văn phòng HĐND và UBND {iss.unit_word}",
                      "xa": None}[level]
        iss.council = f"Hội đồng nhân dân {iss.unit_word}"
        iss.council_short = f"HĐND {iss.unit_word}"
        iss.lead_topic = topic_key
    elif level == "so":
        key = topic_key
        iss.dept_key = key
        name, sym = DEPTS[key][0], DEPTS[key][1]
        iss.header = [(upper_vi(f"UBND {iss.unit_full}"), False), (upper_vi(name), True)]
        iss.agency = name
        iss.agency_parent = f"UBND {iss.unit_full}"
        iss.sym = sym
        iss.self_short = name
        iss.self_full = name
        iss.self_caps = upper_vi(f"Giám đốc {name}")
        iss.chair = f"Giám đốc {name}"
        iss.chair_caps = upper_vi(f"Giám đốc {name}")
        iss.office = None
    else:  # bcd
        body = [b for b in BCD_BODIES if b[2] == topic_key][0]
        iss.header = [(upper_vi(f"UBND {iss.unit_full}"), False), (body[0], True)]
        iss.agency = body[1]
        iss.agency_parent = f"UBND {iss.unit_full}"
        iss.sym = body[3]
        iss.self_short = body[1]
        iss.self_full = f"{body[1]} tỉnh"
        iss.self_caps = upper_vi(f"Trưởng {body[1]}")
        iss.chair = f"Trưởng {body[1]} tỉnh"
        iss.chair_caps = upper_vi(f"Trưởng {body[1]}")
        iss.office = None
    return iss


def subordinates(iss):
    if iss.level in ("tinh", "so", "bcd"):
        return "UBND các huyện, thị xã, thành phố"
    if iss.level == "huyen":
        return "UBND các xã, phường" if iss.unit_word == "thị xã" else "UBND các xã, thị trấn"
    return "Trưởng các thôn, tổ dân phố"


def sub_level(iss):
    return "tinh" if iss.level in ("so", "bcd") else iss.level


def signer_block(rng, iss, kind):
    """Return list of authority/title lines."""
    if iss.level == "so":
        return ["GIÁM ĐỐC"] if rng.random() < 0.5 else ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]
    if iss.level == "bcd":
        return ["TRƯỞNG BAN"] if rng.random() < 0.4 else ["KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"]
    collective = kind in ("TTr", "BC", "KH") or (kind == "QĐ" and rng.random() < 0.6)
    via_office = kind in ("TB", "GM") or (kind == "CV" and rng.random() < 0.25)
    if via_office and iss.office:
        return (["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"] if rng.random() < 0.6
                else ["TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"])
    chair = ["CHỦ TỊCH"] if rng.random() < 0.4 else ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    if collective or (via_office and not iss.office):
        return ["TM. ỦY BAN NHÂN DÂN"] + chair
    return chair


# --------------------------------------------------------------------------------------
# Document content: blocks
# --------------------------------------------------------------------------------------
# A block is a dict: {"t": "para", "runs": [(text, style)], "align": "justify|center|left",
#                     "indent": first-line indent pt, "size": pt or None (body size),
#                     "sb": space before, "sa": space after, "kwn": keep with next}

def P(text, style="r", align="justify", indent=True, sb=0.0, sa=None, kwn=False, size=None, left=0.0):
    runs = text if isinstance(text, list) else [(text, style)]
    return {"t": "para", "runs": [(nfc(t), s) for t, s in runs], "align": align, "indent": indent,
            "sb": sb, "sa": sa, "kwn": kwn, "size": size, "left": left}


def H(text, style="b", **kw):
    kw.setdefault("kwn", True)
    return P(text, style=style, **kw)


class Ctx:
    """Everything a content builder needs for one document."""

    def __init__(self, rng, iss, topic, kind, date, year):
        self.rng, self.iss, self.topic, self.kind, self.date, self.y = rng, iss, topic, kind, date, year

    def fill(self, s):
        return s.replace("{y}", str(self.y)).replace("{unit}", self.iss.unit_word)

    def dept(self, key):
        return dept_name(key, sub_level(self.iss), self.iss)

    def lead(self):
        if self.iss.level == "so":
            if not hasattr(self, "_so_lead"):
                self._so_lead = self.rng.choice(["Văn phòng Sở", "Phòng Kế hoạch - Tài chính", "Thanh tra Sở",
                                                 "Phòng Nghiệp vụ"])
            return self._so_lead
        return self.dept(self.topic["dept"])

    def nn_self(self):
        lv = self.iss.level
        if lv == "so":
            return "Lãnh đạo Sở;"
        if lv == "bcd":
            return "Thành viên Ban Chỉ đạo;"
        return f"CT, PCT {self.iss.self_short};"

    def past(self, lo=5, hi=200):
        return self.date - dt.timedelta(days=self.rng.randint(lo, hi))

    def cite(self, higher=True):
        """A cited document: 'Công văn số 1234/BTC-VP ngày 12/3/2024 của Bộ Tài chính'."""
        r = self.rng
        d = self.past()
        if higher and self.iss.level in ("tinh", "so", "bcd"):
            mname, msym = DEPTS[self.topic["dept"]][4], DEPTS[self.topic["dept"]][5]
            kind = r.choice(["Công văn", "Công văn", "Quyết định", "Kế hoạch"])
            sym = {"Công văn": f"{msym}-VP", "Quyết định": f"QĐ-{msym}", "Kế hoạch": f"KH-{msym}"}[kind]
            return f"{kind} số {r.randint(150, 6800)}/{sym} ngày {short_date(d)} của {mname}"
        if self.iss.level == "huyen":
            kind = r.choice(["Công văn", "Kế hoạch", "Quyết định"])
            sym = {"Công văn": "UBND-" + r.choice(CV_UNITS_TINH), "Kế hoạch": "KH-UBND", "Quyết định": "QĐ-UBND"}[kind]
            return f"{kind} số {r.randint(40, 2900)}/{sym} ngày {short_date(d)} của UBND tỉnh"
        kind = r.choice(["Công văn", "Kế hoạch"])
        sym = {"Công văn": "UBND", "Kế hoạch": "KH-UBND"}[kind]
        return f"{kind} số {r.randint(20, 1500)}/{sym} ngày {short_date(d)} của UBND {self.iss.district[0]}"

    def stat(self):
        r = self.rng
        if not getattr(self, "_stats", None):
            a = list(self.topic["stats"])
            g = [x.replace("{area}", self.topic["area"]).replace("{self}", self.iss.self_full) for x in GENERIC_REPORT]
            r.shuffle(a)
            r.shuffle(g)
            self._stats = g + a
        s = self._stats.pop()
        return (s.replace("{a}", str(r.randint(2, 48))).replace("{b}", fmt_int(r.randint(120, 25000)))
                .replace("{c}", str(r.randint(3, 95))).replace("{p}", fmt_pct(r)).replace("{m}", fmt_money(r)))

    def actions(self, k):
        """k distinct actions, dealt from a shuffled deck so that they repeat as little as possible."""
        out = []
        while len(out) < k:
            if not getattr(self, "_deck", None):
                topic_acts = list(self.topic["actions"])
                generic = [g.replace("{area}", self.topic["area"]) for g in GENERIC_TASKS]
                self.rng.shuffle(topic_acts)
                self.rng.shuffle(generic)
                # pop() takes from the end: topic actions first, generic ones after
                self._deck = generic + topic_acts
            a = self._deck.pop()
            if a not in out:
                out.append(a)
        return out


def cap(s):
    return s[:1].upper() + s[1:]


def dept_units(ctx, k):
    """k (heading, key) pairs for numbered sections, lead first."""
    keys = [ctx.topic["dept"]] + [h for h in ctx.topic["helpers"] if h != ctx.topic["dept"]]
    names, seen = [], set()
    for key in keys:
        n = ctx.dept(key)
        if n not in seen:
            seen.add(n)
            names.append((n, key))
    return names[:k]


def section_paras(ctx, dept, lead=False):
    r = ctx.rng
    acts = ctx.actions(3)
    out = []
    if lead:
        out.append(f"Chủ trì, phối hợp với các cơ quan, đơn vị liên quan {acts[0]}; {acts[1]}.")
    else:
        out.append(f"Theo chức năng, nhiệm vụ được giao, phối hợp với {ctx.lead()} {acts[0]}.")
    if r.random() < 0.8:
        out.append(cap(acts[2]) + ("; kịp thời báo cáo, đề xuất cấp có thẩm quyền xử lý những vấn đề vượt thẩm quyền."
                                    if r.random() < 0.5 else ", bảo đảm hiệu quả, đúng quy định."))
    if r.random() < 0.5:
        out.append(cap(ctx.actions(1)[0]) + ".")
    return out


def canco_lines(ctx):
    r, iss = ctx.rng, ctx.iss
    lines = []
    if ctx.date >= dt.date(2025, 3, 1):
        lines.append("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;")
    else:
        lines.append("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung "
                     "một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 "
                     "năm 2019;")
    lines.append(ctx.topic["law"])
    if r.random() < 0.7:
        d = ctx.past(20, 400)
        who = "UBND tỉnh" if iss.level in ("tinh", "so", "bcd") else ("UBND tỉnh" if iss.level == "huyen"
                                                                      else f"UBND {iss.district[0]}")
        lines.append(f"Căn cứ Quyết định số {r.randint(100, 2900)}/QĐ-UBND ngày {short_date(d)} của {who} ban hành "
                     f"Quy chế làm việc của {'Ủy ban nhân dân' if iss.level in ('tinh', 'huyen', 'xa') else who};"
                     if r.random() < 0.5 else
                     f"Căn cứ {ctx.cite()} về {ctx.topic['area']};")
    d = ctx.past(2, 25)
    if iss.level in ("tinh", "huyen"):
        dn = ctx.lead()
        sym = (DEPTS[ctx.topic["dept"]][1] if iss.level == "tinh" else None) or abbr(dn)
        lines.append(f"Theo đề nghị của {head_of(dn)} tại Tờ trình số {r.randint(15, 950)}/TTr-{sym} ngày "
                     f"{short_date(d)}.")
    elif iss.level == "xa":
        ld = ctx.lead()
        lines.append(f"Theo đề nghị của {ld}{'' if ld.endswith(iss.unit_word) else ' ' + iss.unit_word}.")
    else:
        lines.append(f"Theo đề nghị của Trưởng phòng {r.choice(['Kế hoạch - Tài chính', 'Nghiệp vụ', 'Tổng hợp'])}.")
    return lines


def head_of(unit):
    """'Giám đốc Sở Y tế', 'Trưởng phòng Nội vụ', 'Trưởng Công an huyện', ..."""
    if unit.startswith("Sở") or unit == "Công an tỉnh":
        return f"Giám đốc {unit}"
    if unit.startswith("Phòng "):
        return f"Trưởng phòng {unit[6:]}"
    if "Quân sự" in unit:
        return f"Chỉ huy trưởng {unit}"
    if unit.startswith("Công an") or unit.startswith("Trạm") or unit.startswith("Văn phòng"):
        return f"{'Chánh' if unit.startswith('Văn phòng') else 'Trưởng'} {unit}"
    if unit[:1].islower():
        return cap(unit)
    return f"Thủ trưởng {unit}"


def abbr(unit):
    """Symbol letters of a unit: 'Phòng Tài chính - Kế hoạch' -> 'TCKH', 'Công an huyện' -> 'CAH'."""
    words = [w for w in unit.replace(",", " ").split() if w not in ("-", "và", "Phòng")]
    return "".join(w[0].upper() for w in words)


def leader_title(unit):
    if unit.startswith("Sở") or unit.startswith("Công an tỉnh"):
        return f"Phó Giám đốc {unit}"
    if unit.startswith("Phòng "):
        return f"Phó Trưởng phòng {unit[6:]}"
    if unit.startswith("Công an") or unit.startswith("Trạm"):
        return f"Phó Trưởng {unit}"
    if "Quân sự" in unit:
        return f"Chỉ huy phó {unit}"
    return cap(unit)


def build_qd(ctx):
    r, iss, t = ctx.rng, ctx.iss, ctx.topic
    variants = ["doan", "kehoach", "doan"]
    if iss.level in ("tinh", "huyen") and t["dept"] == "tnmt":
        variants += ["sdd", "sdd"]
    if iss.level in ("tinh", "huyen") and t["dept"] == "tc":
        variants += ["dutoan", "dutoan"]
    variant = r.choice(variants)
    collective = ctx.signer[0].startswith("TM.")
    authority = (iss.self_caps if collective or iss.level in ("so", "bcd") else iss.chair_caps)
    if variant == "doan":
        name_obj = f"Đoàn kiểm tra {t['area']} năm {ctx.y}"
        subject = f"Về việc thành lập {name_obj}"
    elif variant == "kehoach":
        subject = f"Về việc ban hành Kế hoạch triển khai {t['area']} năm {ctx.y}"
    elif variant == "sdd":
        dk, dn = iss.district
        subject = f"Về việc phê duyệt Kế hoạch sử dụng đất năm {ctx.y} của {dk} {dn}"
    else:
        subject = f"Về việc giao dự toán thu, chi ngân sách nhà nước năm {ctx.y}"
    pre = [P(authority, "b", align="center", indent=False, sb=8, sa=8)]
    lines = canco_lines(ctx)
    if variant == "sdd":
        lines[1] = ("Căn cứ Luật Đất đai ngày 18 tháng 01 năm 2024;" if ctx.date >= dt.date(2024, 8, 1)
                    else "Căn cứ Luật Đất đai ngày 29 tháng 11 năm 2013;")
    elif variant == "dutoan":
        lines[1] = "Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;"
    for line in lines:
        pre.append(P(line, "i"))
    pre.append(P("QUYẾT ĐỊNH:", "b", align="center", indent=False, sb=6, sa=6, kwn=True))
    pool = []
    if variant == "doan":
        pre.append(P([("Điều 1.", "b"), (f"Thành lập {name_obj} (sau đây gọi tắt là Đoàn kiểm tra), gồm các "
                                          f"thành viên sau:", "r")]))
        units = [ctx.lead()] + [ctx.dept(h) for h in t["helpers"]]
        roles = ["Trưởng đoàn", "Phó Trưởng đoàn"] + ["Thành viên"] * 12
        for i in range(14):
            nm, fem = person(r)
            unit = units[min(i, len(units) - 1)] if i < 4 else r.choice(units)
            if i == 0:
                pos = leader_title(unit)
            else:
                pos = r.choice(["Trưởng phòng Nghiệp vụ", "Phó Trưởng phòng Tổng hợp", "Chuyên viên",
                                "Chuyên viên chính", "Phó Chánh Văn phòng"]) + ", " + unit
            pool.append([P(f"{i + 1}. {'Bà' if fem else 'Ông'} {nm}, {pos} - {roles[i]};", indent=True)])
        post = [P([("Điều 2.", "b"), (f"Đoàn kiểm tra có nhiệm vụ kiểm tra {t['area']} tại các cơ quan, đơn vị, "
                                       f"địa phương; tập trung {ctx.actions(1)[0]}. Trưởng đoàn kiểm tra được sử dụng "
                                       f"con dấu của {ctx.lead()} trong quá trình thực hiện nhiệm vụ. Đoàn kiểm tra tự "
                                       f"giải thể sau khi hoàn thành nhiệm vụ.", "r")])]
    elif variant == "kehoach":
        pre.append(P([("Điều 1.", "b"), (f"Ban hành kèm theo Quyết định này Kế hoạch triển khai {t['area']} năm "
                                          f"{ctx.y} trên địa bàn {iss.unit_word}.", "r")]))
        pool.append([P([("Điều 2.", "b"), (f"Giao {ctx.lead()} chủ trì, phối hợp với các cơ quan, đơn vị liên quan "
                                            f"tổ chức triển khai thực hiện Kế hoạch, định kỳ tổng hợp, báo cáo kết "
                                            f"quả thực hiện về {iss.self_short}; trong đó tập trung các nội dung "
                                            f"sau:", "r")])])
        for a in ctx.actions(4):
            pool.append([P(f"- {cap(a)};")])
        post = []
    elif variant == "sdd":
        dk, dn = iss.district
        pre.append(P([("Điều 1.", "b"), (f"Phê duyệt Kế hoạch sử dụng đất năm {ctx.y} của {dk} {dn} với các chỉ "
                                          f"tiêu chủ yếu sau:", "r")]))
        items = ["Đất nông nghiệp", "Đất trồng lúa", "Đất rừng sản xuất", "Đất phi nông nghiệp", "Đất ở tại nông thôn",
                 "Đất ở tại đô thị", "Đất xây dựng trụ sở cơ quan", "Đất phát triển hạ tầng", "Đất cụm công nghiệp",
                 "Đất chưa sử dụng"]
        pool.append([P("1. Diện tích các loại đất phân bổ trong năm kế hoạch:", kwn=True)])
        for i, it in enumerate(items):
            ha = f"{fmt_int(r.randint(3, 18000))},{r.randint(10, 99)}"
            pool.append([P(f"{'abcdefghik'[i]}) {it}: {ha} ha;")])
        pool.append([P(f"2. Kế hoạch thu hồi đất: {fmt_int(r.randint(5, 300))},{r.randint(10, 99)} ha.")])
        pool.append([P(f"3. Kế hoạch chuyển mục đích sử dụng đất: {fmt_int(r.randint(5, 300))},{r.randint(10, 99)} ha.")])
        post = [P([("Điều 2.", "b"), (f"Căn cứ Điều 1 Quyết định này, UBND {dk} {dn} có trách nhiệm công bố công "
                                       f"khai kế hoạch sử dụng đất theo quy định; thực hiện thu hồi đất, giao đất, cho "
                                       f"thuê đất theo đúng kế hoạch được duyệt.", "r")])]
    else:
        pre.append(P([("Điều 1.", "b"), (f"Giao dự toán thu, chi ngân sách nhà nước năm {ctx.y} cho các cơ quan, "
                                          f"đơn vị (chi tiết theo các phụ lục đính kèm), cụ thể:", "r")]))
        rows = ["Tổng thu ngân sách nhà nước trên địa bàn", "Thu nội địa", "Thu từ hoạt động xuất nhập khẩu",
                "Tổng chi ngân sách địa phương", "Chi đầu tư phát triển", "Chi thường xuyên", "Dự phòng ngân sách",
                "Chi tạo nguồn cải cách tiền lương"]
        for i, it in enumerate(rows):
            pool.append([P(f"{i + 1}. {it}: {fmt_money(r)} triệu đồng.")])
        post = [P([("Điều 2.", "b"), (f"Thủ trưởng các cơ quan, đơn vị được giao dự toán có trách nhiệm tổ chức "
                                       f"thực hiện dự toán đúng quy định của Luật Ngân sách nhà nước; {ctx.actions(1)[0]}.",
                                       "r")])]
    art = "Điều 3." if post else "Điều 3."
    who = []
    if iss.office:
        who.append(f"Chánh {iss.office}")
    who.append(head_of(ctx.lead()))
    if iss.level in ("tinh", "huyen"):
        who.append(f"Chủ tịch {subordinates(iss)}")
    tail = " và các ông (bà) có tên tại Điều 1" if variant == "doan" else ""
    post.append(P([(art, "b"), (f"Quyết định này có hiệu lực kể từ ngày ký. {', '.join(who)}, Thủ trưởng các cơ quan, "
                                f"đơn vị liên quan{tail} chịu trách nhiệm thi hành Quyết định này./.", "r")]))
    nn = ["Như Điều 3;"] + ([f"CT, các PCT {iss.self_short};"] if iss.level in ("tinh", "huyen", "xa") else
                            [f"UBND {iss.unit_full};", ctx.nn_self()])
    nn += [f"{ctx.lead()};"] if variant != "doan" else []
    return subject, pre, pool, post, nn


def build_ct(ctx):
    r, iss, t = ctx.rng, ctx.iss, ctx.topic
    subject = f"Về việc {ctx.fill(t['subj'])}"
    pre = [P(f"Thời gian qua, {t['area']} trên địa bàn {iss.unit_word} đã được các cấp, các ngành quan tâm chỉ đạo "
             f"và đạt được những kết quả tích cực. Tuy nhiên, {t['problem']}."),
           P(f"Để {t['goal']}, {iss.chair} yêu cầu Thủ trưởng các cơ quan, đơn vị, {'Chủ tịch ' + subordinates(iss) if iss.level != 'xa' else subordinates(iss)} "
             f"tập trung thực hiện tốt các nhiệm vụ sau:")]
    pool = []
    units = dept_units(ctx, 4)
    for i, (name, key) in enumerate(units):
        blocks = [H(f"{{N}}. {name}")]
        blocks += [P(x) for x in section_paras(ctx, name, lead=(i == 0))]
        pool.append(blocks)
    pool.append([H(f"{{N}}. {subordinates(iss)}" if iss.level != "xa" else "{N}. Các thôn, tổ dân phố"),
                 P(f"Xây dựng kế hoạch cụ thể để triển khai thực hiện Chỉ thị này phù hợp với tình hình thực tế của "
                   f"địa phương; {ctx.actions(1)[0]}."),
                 P(f"Định kỳ trước ngày {r.choice([15, 20, 25])} hằng tháng, báo cáo kết quả thực hiện về "
                   f"{ctx.lead()} để tổng hợp, báo cáo {iss.self_short}.")])
    post = [P(f"{iss.chair} yêu cầu Thủ trưởng các cơ quan, đơn vị và địa phương nghiêm túc triển khai thực hiện Chỉ "
              f"thị này; trong quá trình thực hiện, nếu có khó khăn, vướng mắc, kịp thời báo cáo {iss.self_short} "
              f"(qua {ctx.lead()}) để xem xét, giải quyết./.")]
    nn = [ctx.nn_self(), "Các cơ quan, đơn vị liên quan;", f"{subordinates(iss)};"]
    return subject, pre, pool, post, nn


def build_tb(ctx):
    r, iss, t = ctx.rng, ctx.iss, ctx.topic
    chair_nm, _ = person(r, female=False)
    role = ("Phó Chủ tịch" if r.random() < 0.6 else "Chủ tịch") + (f" UBND {iss.unit_word}"
                                                                   if iss.level in ("tinh", "huyen", "xa") else "")
    if iss.level in ("so", "bcd"):
        role = "Giám đốc Sở" if iss.level == "so" else "Trưởng Ban Chỉ đạo"
    ctx.tb_chair = (role, chair_nm)
    subject = (f"Kết luận của {role} {chair_nm} tại cuộc họp về {t['area']}" if r.random() < 0.6 else
               f"Về việc triển khai {t['area']} năm {ctx.y}")
    d = ctx.past(2, 8)
    room = r.choice(["Phòng họp số 1", "Phòng họp số 2", "Hội trường"])
    where = f"{room} {iss.office if iss.office else iss.self_short}"
    helpers = ", ".join([ctx.dept(h) for h in t["helpers"][:2]])
    pre = [P(f"Ngày {short_date(d)}, tại {where}, {role} {chair_nm} chủ trì cuộc họp về {t['area']}. Tham dự cuộc "
             f"họp có đại diện lãnh đạo: {ctx.lead()}, {helpers} và các cơ quan, đơn vị liên quan."),
           P(f"Sau khi nghe {ctx.lead()} báo cáo tình hình triển khai và ý kiến của các đại biểu dự họp, {role} "
             f"{chair_nm} kết luận như sau:")]
    pool = [[P(f"{{N}}. Thống nhất đánh giá: thời gian qua, các cơ quan, đơn vị đã tích cực triển khai {t['area']}, "
               f"đạt được những kết quả nhất định. Tuy nhiên, {t['problem']}.")]]
    for a in ctx.actions(9):
        u = r.choice([ctx.lead()] + [ctx.dept(h) for h in t["helpers"]])
        pool.append([P(f"{{N}}. Giao {u} chủ trì, phối hợp với các đơn vị liên quan {a}; hoàn thành trước ngày "
                       f"{short_date(ctx.date + dt.timedelta(days=r.randint(10, 60)))}.")])
    who = iss.office if iss.office else iss.self_short
    post = [P(f"{who} thông báo để các cơ quan, đơn vị liên quan biết, thực hiện./.")]
    nn = [f"{ctx.lead()};"] + [f"{ctx.dept(h)};" for h in t["helpers"][:2]] + [ctx.nn_self()]
    return subject, pre, pool, post, nn


def build_kh(ctx):
    r, iss, t = ctx.rng, ctx.iss, ctx.topic
    subject = (f"Triển khai {t['area']} năm {ctx.y}" if r.random() < 0.6 else
               f"Thực hiện {t['area']} trên địa bàn {iss.unit_word} năm {ctx.y}")
    pre = [P(f"Thực hiện {ctx.cite()}, {iss.self_full} ban hành Kế hoạch triển khai {t['area']} năm {ctx.y}, "
             f"cụ thể như sau:"),
           H("I. MỤC ĐÍCH, YÊU CẦU"), H("1. Mục đích"),
           P(f"{cap(t['goal'])}; nâng cao nhận thức, trách nhiệm của các cấp, các ngành và Nhân dân trong {t['area']}."),
           H("2. Yêu cầu"),
           P("Các cơ quan, đơn vị được giao nhiệm vụ phải chủ động xây dựng kế hoạch cụ thể, bố trí nguồn lực, xác "
             "định rõ nội dung, tiến độ và trách nhiệm thực hiện; bảo đảm thiết thực, hiệu quả, tránh hình thức."),
           H("II. NỘI DUNG, NHIỆM VỤ")]
    pool = []
    for a in ctx.actions(10):
        pool.append([P(f"{{N}}. {cap(a)}."),
                     P(f"Đơn vị chủ trì: {r.choice([ctx.lead()] + [ctx.dept(h) for h in t['helpers']])}. Thời gian "
                       f"thực hiện: {r.choice(['thường xuyên', 'quý I', 'quý II', 'năm ' + str(ctx.y)])}.",
                       "i")])
    post = [H("III. KINH PHÍ THỰC HIỆN"),
            P(f"Kinh phí thực hiện Kế hoạch được bố trí từ nguồn ngân sách nhà nước theo phân cấp hiện hành và các "
              f"nguồn huy động hợp pháp khác (nếu có)."),
            H("IV. TỔ CHỨC THỰC HIỆN"),
            P(f"Giao {ctx.lead()} chủ trì, theo dõi, đôn đốc việc triển khai Kế hoạch; tổng hợp kết quả, báo cáo "
              f"{iss.self_short} trước ngày 15 tháng 12 năm {ctx.y}."),
            P(f"Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị phản ánh về {ctx.lead()} "
              f"để tổng hợp, báo cáo {iss.self_short} xem xét, chỉ đạo./.")]
    nn = [f"{ctx.lead()};", "Các cơ quan, đơn vị liên quan;", ctx.nn_self()]
    return subject, pre, pool, post, nn


def period_text(ctx):
    r, d = ctx.rng, ctx.date
    opts = [f"tháng {d.month - 1 if d.month > 1 else 12:02d}/{d.year if d.month > 1 else d.year - 1}",
            f"quý {ROMAN[max(0, (d.month - 1) // 3 - 1)]} năm {d.year}" if d.month > 3 else f"năm {d.year - 1}",
            f"6 tháng đầu năm {d.year}" if d.month >= 6 else f"năm {d.year - 1}"]
    return r.choice(opts)


def build_bc(ctx):
    r, iss, t = ctx.rng, ctx.iss, ctx.topic
    per = period_text(ctx)
    ctx.bc_period = per
    subject = (f"Kết quả thực hiện {t['area']} {per}" if r.random() < 0.6 else
               f"Tình hình, kết quả {t['area']} {per} của {iss.unit_full}")
    up = ("UBND tỉnh" if iss.level in ("so", "bcd", "huyen") else
          (DEPTS[t["dept"]][4] if iss.level == "tinh" else f"UBND {iss.district[0]}"))
    ctx.kinh_gui = [up] if r.random() < 0.6 else []
    pre = [P(f"Thực hiện {ctx.cite()}, {iss.self_full} báo cáo kết quả thực hiện {t['area']} {per} như sau:"),
           H("I. KẾT QUẢ THỰC HIỆN")]
    pool = []
    for i in range(7):
        pool.append([P(f"{{N}}. {cap(ctx.stat())}.")])
    nxt = ctx.actions(3)
    post = [H("II. TỒN TẠI, HẠN CHẾ"),
            P(f"{cap(t['problem'])}."),
            H("III. NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI")] + \
           [P(f"{i + 1}. {cap(a)}.") for i, a in enumerate(nxt)] + \
           [P(f"Trên đây là báo cáo kết quả thực hiện {t['area']} {per} của {iss.self_full}, kính báo cáo "
              f"{up} theo dõi, chỉ đạo./.")]
    nn = (["Như trên;"] if ctx.kinh_gui else [f"{up};"]) + [f"{ctx.lead()};"] + \
         [ctx.nn_self()]
    return subject, pre, pool, post, nn


def project(ctx):
    """(name, objective, scale) of an investment project in the issuer's district."""
    r, iss = ctx.rng, ctx.iss
    dk, dn = iss.district
    return r.choice([
        (f"Đường giao thông liên xã {dn}",
         "Hoàn thiện mạng lưới giao thông, phục vụ nhu cầu đi lại và phát triển kinh tế - xã hội của địa phương",
         f"Đầu tư xây dựng tuyến đường dài khoảng {r.randint(2, 25)},{r.randint(1, 9)} km, nền đường rộng "
         f"{r.choice(['6,5', '7,5', '9,0'])} m, mặt đường bê tông xi măng"),
        (f"Trường Tiểu học thị trấn {dn}",
         "Đáp ứng nhu cầu học tập của học sinh, góp phần hoàn thành tiêu chí trường đạt chuẩn quốc gia",
         f"Xây dựng khối phòng học {r.randint(8, 20)} phòng và các hạng mục phụ trợ"),
        (f"Kè chống sạt lở bờ sông {dn} (giai đoạn 2)",
         "Bảo vệ tính mạng, tài sản của Nhân dân và cơ sở hạ tầng ven sông trước tác động của thiên tai",
         f"Xây dựng tuyến kè dài khoảng {fmt_int(r.randint(400, 3500))} m và hệ thống thoát nước dọc tuyến"),
        (f"Trung tâm Y tế {dk} {dn}",
         "Nâng cao chất lượng khám bệnh, chữa bệnh và chăm sóc sức khỏe cho Nhân dân trên địa bàn",
         f"Xây dựng khối nhà điều trị {r.randint(3, 7)} tầng, quy mô {r.randint(5, 25) * 10} giường bệnh"),
        (f"Nâng cấp hệ thống kênh mương nội đồng {dk} {dn}",
         "Bảo đảm nước tưới ổn định cho sản xuất nông nghiệp, nâng cao hiệu quả sử dụng đất",
         f"Kiên cố hóa khoảng {r.randint(5, 40)},{r.randint(1, 9)} km kênh mương và các công trình trên kênh"),
    ])


def build_ttr(ctx):
    r, iss, t = ctx.rng, ctx.iss, ctx.topic
    if iss.level == "so":
        recip = f"Ủy ban nhân dân {iss.unit_full}"
    else:
        recip = f"{iss.council} {iss.unit_name}" if r.random() < 0.5 else f"Thường trực {iss.council_short}"
    ctx.kinh_gui = [recip]
    proj, goal, scale = project(ctx)
    is_project = iss.level == "so" or r.random() < 0.5
    if is_project:
        subject = f"Về việc đề nghị phê duyệt chủ trương đầu tư dự án {proj}"
        reason = (f"Dự án {proj} đã được đưa vào danh mục kế hoạch đầu tư công trung hạn; việc đầu tư là cần thiết "
                  f"nhằm hoàn thiện hạ tầng, phục vụ phát triển kinh tế - xã hội và đời sống của Nhân dân.")
    else:
        subject = f"Về việc đề nghị ban hành Nghị quyết về {t['area']} trên địa bàn {iss.unit_word}"
        reason = (f"Thời gian qua, {t['problem']}. Vì vậy, việc ban hành Nghị quyết là cần thiết để có cơ sở pháp lý "
                  f"triển khai thực hiện.")
    pre = [P(f"Căn cứ {ctx.cite()};", "i"),
           P(f"{iss.self_full} kính trình {recip} xem xét, quyết định nội dung như sau:"),
           H("I. SỰ CẦN THIẾT"), P(reason), H("II. NỘI DUNG ĐỀ NGHỊ")]
    pool = []
    if is_project:
        labels = ["Mục tiêu", "Quy mô đầu tư", "Tổng mức đầu tư dự kiến", "Nguồn vốn", "Thời gian thực hiện",
                  "Địa điểm thực hiện", "Hình thức quản lý dự án"]
        vals = [goal, scale, f"{fmt_money(r)} triệu đồng", "Ngân sách tỉnh và ngân sách huyện",
                f"Năm {ctx.y} - {ctx.y + 2}", f"{iss.district[0]} {iss.district[1]}",
                "Chủ đầu tư trực tiếp quản lý dự án"]
    else:
        acts = ctx.actions(3)
        labels = ["Phạm vi điều chỉnh", "Đối tượng áp dụng", "Nội dung chính", "Kinh phí thực hiện",
                  "Thời gian thực hiện", "Tổ chức thực hiện"]
        vals = [f"Nghị quyết quy định một số nội dung về {t['area']} trên địa bàn {iss.unit_word}",
                "Các cơ quan, tổ chức, cá nhân có liên quan đến " + t["area"],
                f"{cap(acts[0])}; {acts[1]}", "Từ nguồn ngân sách nhà nước theo phân cấp hiện hành",
                f"Từ năm {ctx.y + 1} đến hết năm {ctx.y + 3}",
                f"Giao {iss.self_full} tổ chức triển khai thực hiện Nghị quyết"]
    for i, (lab, val) in enumerate(zip(labels, vals)):
        pool.append([P([(f"{{N}}. {lab}:", "b"), (f"{val}.", "r")])])
    post = [P(f"{iss.self_full} kính trình {recip} xem xét, quyết định./.")]
    nn = ["Như trên;"] + [ctx.nn_self()] + \
         [f"{ctx.lead()};"]
    return subject, pre, pool, post, nn


def build_gm(ctx):
    r, iss, t = ctx.rng, ctx.iss, ctx.topic
    chair_nm, _ = person(r, female=False)
    role = r.choice(["Chủ tịch", "Phó Chủ tịch"]) + f" UBND {iss.unit_word}" if iss.level in ("tinh", "huyen", "xa") \
        else ("Giám đốc Sở" if iss.level == "so" else "Trưởng Ban Chỉ đạo")
    kind = r.choice(["Hội nghị sơ kết", "cuộc họp", "Hội nghị triển khai"])
    subject = (f"Dự {kind} về {t['area']}" if r.random() < 0.5 else f"Về việc dự {kind} {t['area']}")
    when = ctx.date + dt.timedelta(days=r.randint(2, 9))
    hh = r.choice(["07 giờ 30 phút", "08 giờ 00 phút", "14 giờ 00 phút", "14 giờ 30 phút"])
    room = r.choice(["Phòng họp số 1", "Phòng họp số 2", "Hội trường"])
    where = f"{room}, {iss.office if iss.office else 'trụ sở ' + iss.self_short}"
    pre = [P(f"{iss.self_full} tổ chức {kind} về {t['area']}, cụ thể như sau:"),
           H("1. Chủ trì:", "b"), P(f"{role} {chair_nm}."),
           H("2. Thành phần: Trân trọng kính mời", "b")]
    pool = []
    invitees = [u for u in dict.fromkeys(ctx.dept(h) for h in [t["dept"]] + t["helpers"]) if u != iss.agency]
    for u in invitees:
        pool.append([P(f"- Đại diện lãnh đạo {u};")])
    pool.append([P(f"- Đại diện lãnh đạo {subordinates(iss)}.")])
    post = [P([("3. Thời gian:", "b"), (f"01 buổi, bắt đầu lúc {hh}, {WEEKDAYS[when.weekday()]}, ngày {short_date(when)}.",
                                        "r")]),
            P([("4. Địa điểm:", "b"), (f"{where}.", "r")]),
            P(f"Giao {ctx.lead()} chuẩn bị nội dung báo cáo, gửi {iss.office if iss.office else iss.self_short} "
              f"trước ngày {short_date(when - dt.timedelta(days=1))} để phục vụ {kind}."),
            P("Kính mời quý đại biểu đến dự đúng thời gian, thành phần./.")]
    nn = ["Như thành phần mời;", f"{ctx.lead()};"]
    return subject, pre, pool, post, nn


def build_cv(ctx):
    r, iss, t = ctx.rng, ctx.iss, ctx.topic
    vv = r.choice([f"triển khai {t['area']} năm {ctx.y}",
                   f"tăng cường {t['area'].replace('công tác ', '')}",
                   f"báo cáo kết quả {t['area']}"])
    subject = f"V/v {vv}"
    units = [ctx.dept(h) for h in [t["dept"]] + t["helpers"][:r.randint(0, 2)]]
    if iss.level != "xa" and r.random() < 0.6:
        units.append(subordinates(iss))
    ctx.kinh_gui = [cap(u) for u in units]
    pre = [P(f"Thực hiện {ctx.cite()} về việc {vv}; để kịp thời triển khai thực hiện, "
             f"{iss.chair if iss.level not in ('so', 'bcd') else iss.self_short} có ý kiến như sau:")]
    pool = []
    for i, a in enumerate(ctx.actions(7)):
        u = units[i % len(units)]
        pool.append([P(f"{{N}}. Giao {u} chủ trì, phối hợp với các cơ quan, đơn vị liên quan {a}.")])
    post = [P(f"Yêu cầu các cơ quan, đơn vị liên quan khẩn trương triển khai thực hiện; báo cáo kết quả về "
              f"{ctx.lead()} trước ngày {short_date(ctx.date + dt.timedelta(days=r.randint(10, 40)))} để tổng hợp./.")]
    nn = ["Như trên;"] + [ctx.nn_self()]
    return subject, pre, pool, post, nn


BUILDERS = {"QĐ": build_qd, "CT": build_ct, "TB": build_tb, "KH": build_kh, "BC": build_bc, "TTr": build_ttr,
            "GM": build_gm, "CV": build_cv}


# --------------------------------------------------------------------------------------
# Layout engine
# --------------------------------------------------------------------------------------

class Fonts:
    def __init__(self, family):
        disp, r, b, i, bi, _w = FONT_FAMILIES[family]
        self.family, self.display = family, disp
        self.names = {}
        self.faces = {}
        for st, fn in (("r", r), ("b", b), ("i", i), ("bi", bi)):
            path = find_font(fn)
            name = f"{family}-{st}"
            if name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont(name, path))
            self.names[st] = name
            self.faces[st] = pdfmetrics.getFont(name).face

    def w(self, text, st, size):
        return pdfmetrics.stringWidth(text, self.names[st], size)

    def check(self, text, st):
        cmap = self.faces[st].charToGlyph
        missing = sorted({c for c in text if ord(c) not in cmap and c not in "\n"})
        if missing:
            raise SystemExit(f"font {self.names[st]} lacks glyphs: {missing!r}")


def find_font(fn):
    for d in FONT_DIRS:
        p = os.path.join(d, fn)
        if os.path.exists(p):
            return p
    raise SystemExit(f"font file {fn} not found; install Liberation 2.x and DejaVu "
                     f"(apt-get install fonts-liberation2 fonts-dejavu-core fonts-dejavu-extra)")


class Page:
    def __init__(self):
        self.ops = []      # ("text", x, ybase, text, st, size) | ("rule", x1, x2, y, lw)
        self.gt = []       # GT lines in reading order
        self.gt_tail = []  # lines that go last (page number)
        self.sig_box = None


class Layout:
    def __init__(self, fonts, geo):
        self.f, self.g = fonts, geo
        self.pages = [Page()]
        self.y = geo["top"]
        self.sig_orphan = False

    @property
    def page(self):
        return self.pages[-1]

    def new_page(self):
        self.pages.append(Page())
        n = len(self.pages)
        size = self.g["body"]
        txt = str(n)
        x = PAGE_W / 2 - self.f.w(txt, "r", size) / 2 + self.g["shift"]
        self.page.ops.append(("text", x, self.g["pn_y"], txt, "r", size))
        self.page.gt_tail.append(txt)
        self.y = self.g["top"] + 4 * MM

    def text_line(self, x, ybase, words, st_size, gt=True):
        """words: list of (text, st); draws with natural spaces starting at x."""
        size = st_size
        for t, st in words:
            self.page.ops.append(("text", x, ybase, t, st, size))
            x += self.f.w(t, st, size) + self.f.w(" ", st, size)
        if gt:
            self.page.gt.append(" ".join(t for t, _ in words))

    def words_width(self, words, size):
        if not words:
            return 0.0
        w = sum(self.f.w(t, st, size) for t, st in words)
        w += sum(self.f.w(" ", st, size) for _t, st in words[:-1])
        return w

    def wrap(self, words, size, width, first_indent=0.0):
        lines, cur, avail = [], [], width - first_indent
        for wd in words:
            trial = cur + [wd]
            if cur and self.words_width(trial, size) > avail:
                lines.append(cur)
                cur, avail = [wd], width
            else:
                cur = trial
        if cur:
            lines.append(cur)
        return lines

    @staticmethod
    def split_runs(runs):
        words = []
        for text, st in runs:
            for t in text.split():
                words.append((t, st))
        # a spaced dash never ends a line: glue it to the next word (poppler would also
        # take a line-final hyphen for a soft hyphen and drop it from the text layer)
        out = []
        for t, st in words:
            if out and out[-1][0] in ("-", "–") and out[-1][1] == st and len(out) > 1:
                out[-1] = (out[-1][0] + " " + t, st)
            else:
                out.append((t, st))
        return out

    def para_lines(self, blk):
        size = blk["size"] or self.g["body"]
        width = self.g["body_w"] - blk["left"]
        ind = self.g["indent"] if blk["indent"] and blk["align"] == "justify" else 0.0
        words = self.split_runs(blk["runs"])
        for t, st in words:
            self.f.check(t, st)
        return self.wrap(words, size, width, ind), size, ind

    def place_para(self, blk, dry=False):
        lines, size, ind = self.para_lines(blk)
        lead = size * self.g["lf"]
        sa = self.g["ps"] if blk["sa"] is None else blk["sa"]
        self.y += blk["sb"]
        for i, ln in enumerate(lines):
            if self.y + lead > self.g["bottom"]:
                self.new_page()
            ybase = self.y + size * 0.95
            x0 = self.g["left"] + blk["left"] + (ind if i == 0 else 0.0)
            avail = self.g["body_w"] - blk["left"] - (ind if i == 0 else 0.0)
            if blk["align"] == "center":
                w = self.words_width(ln, size)
                self.text_line(self.g["left"] + (self.g["body_w"] - w) / 2, ybase, ln, size)
            elif blk["align"] == "justify" and i < len(lines) - 1 and len(ln) > 1:
                natural = sum(self.f.w(t, st, size) for t, st in ln)
                gap = (avail - natural) / (len(ln) - 1)
                x = x0
                for t, st in ln:
                    self.page.ops.append(("text", x, ybase, t, st, size))
                    x += self.f.w(t, st, size) + gap
                self.page.gt.append(" ".join(t for t, _ in ln))
            else:
                self.text_line(x0, ybase, ln, size)
            self.y += lead
        self.y += sa

    def block_height(self, blk):
        lines, size, _ = self.para_lines(blk)
        return blk["sb"] + len(lines) * size * self.g["lf"]

    def flow(self, blocks):
        for i, blk in enumerate(blocks):
            if blk.get("break_before"):
                self.new_page()
            if blk.get("kwn") and i + 1 < len(blocks):
                need = self.block_height(blk) + self.g["body"] * self.g["lf"] * 2
                if self.y + need > self.g["bottom"]:
                    self.new_page()
            self.place_para(blk)


def centered_lines(lay, cx, y, lines, size, st, max_w, lf=1.18, gt=True):
    """Draw each (possibly wrapped) text centred on cx; returns new y and the widths drawn."""
    widths = []
    for text in lines:
        words = [(t, st) for t in text.split()]
        for t, s in words:
            lay.f.check(t, s)
        for ln in balanced_wrap(lay, words, size, max_w):
            w = lay.words_width(ln, size)
            lay.text_line(cx - w / 2, y + size * 0.95, ln, size, gt=gt)
            widths.append(w)
            y += size * lf
    return y, widths


def balanced_wrap(lay, words, size, max_w):
    total = lay.words_width(words, size)
    if total <= max_w:
        return [words]
    n = int(total // max_w) + 1
    target = min(max_w, total / n * 1.12)
    return lay.wrap(words, size, target)


def fit_size(lay, text, st, size, max_w, floor=9.5):
    while size > floor and lay.f.w(text, st, size) > max_w:
        size -= 0.25
    return size


def draw_header(lay, doc):
    g, iss = lay.g, doc["iss"]
    lcx, rcx = g["lcx"], g["rcx"]
    top = g["top"]
    # left column
    y = top
    hs = g["hsize"]
    for text, bold in iss.header:
        st = "b" if bold else "r"
        y, widths = centered_lines(lay, lcx, y, [text], hs, st, g["lw"])
    lw = max(widths) if widths else 40
    rule_w = min(lw * 0.45, 30 * MM) if lay.rng.random() < 0.5 else lw * 0.33
    y += 3.5
    lay.page.ops.append(("rule", lcx - rule_w / 2, lcx + rule_w / 2, y, 0.6))
    y += 8
    num = f"Số: {doc['number']}"
    y, _ = centered_lines(lay, lcx, y, [num], g["hsize2"], "r", g["lw"])
    if doc["kind"] == "CV":
        y += 1
        words = [(t, "r") for t in doc["subject"].split()]
        for ln in lay.wrap(words, 12, g["vv_w"]):
            w = lay.words_width(ln, 12)
            lay.text_line(lcx - w / 2, y + 12 * 0.95, ln, 12)
            y += 12 * 1.15
    yl = y
    # right column
    y = top
    qh = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    s1 = fit_size(lay, qh, "b", g["hsize"], g["rw"])
    y, _ = centered_lines(lay, rcx, y, [qh], s1, "b", g["rw"] + 50)
    tn = "Độc lập - Tự do - Hạnh phúc"
    s2 = fit_size(lay, tn, "b", g["hsize2"], g["rw"])
    y, widths = centered_lines(lay, rcx, y, [tn], s2, "b", g["rw"] + 50)
    y += 3.0
    lay.page.ops.append(("rule", rcx - widths[0] / 2, rcx + widths[0] / 2, y, 0.6))
    y += 9
    day, month, year = date_line_parts(doc["date_obj"])
    dl = f"{iss.place}, ngày {day} tháng {month} năm {year}"
    s3 = fit_size(lay, dl, "i", g["hsize2"], g["rw"])
    y, _ = centered_lines(lay, rcx, y, [dl], s3, "i", g["rw"] + 50)
    lay.y = max(yl, y) + g["after_header"]


def draw_title(lay, doc):
    g = lay.g
    kind = doc["kind"]
    title = KIND_TITLE[kind]
    cx = g["left"] + g["body_w"] / 2
    if title:
        y, _ = centered_lines(lay, cx, lay.y, [title], g["tsize"], "b", g["body_w"])
        words = [(t, "b") for t in doc["subject"].split()]
        lines = balanced_wrap(lay, words, g["tsize"], g["subj_w"])
        widths = []
        for ln in lines:
            w = lay.words_width(ln, g["tsize"])
            lay.text_line(cx - w / 2, y + g["tsize"] * 0.95, ln, g["tsize"])
            widths.append(w)
            y += g["tsize"] * 1.18
        rw = max(widths) * lay.rng.uniform(0.28, 0.38)
        y += 5.0
        lay.page.ops.append(("rule", cx - rw / 2, cx + rw / 2, y, 0.6))
        lay.y = y + 10
    if doc.get("kinh_gui"):
        kg = doc["kinh_gui"]
        size = g["body"]
        if len(kg) == 1:
            y, _ = centered_lines(lay, cx, lay.y, [f"Kính gửi: {kg[0]}."
                                                    if kind == "CV" else f"Kính gửi: {kg[0]}"], size, "r",
                                  g["body_w"] * 0.8)
            lay.y = y + 8
        else:
            label = "Kính gửi:"
            lw = lay.f.w(label + " ", "r", size)
            items = [f"- {u};" for u in kg[:-1]] + [f"- {kg[-1]}."]
            widest = max(lay.f.w(t, "r", size) for t in items)
            x0 = cx - (lw + widest) / 2
            y = lay.y
            lay.text_line(x0, y + size * 0.95, [(label, "r")], size)
            for it in items:
                lay.text_line(x0 + lw, y + size * 0.95, [(t, "r") for t in it.split()], size)
                y += size * 1.25
            lay.y = y + 8


def sig_and_recipients(lay, doc, dry=False):
    """Signature block (right) and Nơi nhận (left), kept together."""
    g = lay.g
    sig = doc["signer_lines"]
    ss = g["sig_size"]
    nn_items = [f"- {x}" for x in doc["noi_nhan"]]
    nn_lines = sum(len(lay.wrap([(t, "r") for t in it.split()], 11, g["nn_w"])) for it in nn_items)
    nn_h = 12 * 1.2 + nn_lines * 11 * 1.2
    gap = g["sig_gap"]
    sig_h = len(sig) * ss * 1.2 + gap + 14 * 1.2
    h = max(nn_h, sig_h) + 6
    if lay.y + h > g["bottom"]:
        # squeeze the signing space a little before giving up
        short = max(nn_h, sig_h - gap + 18 * MM) + 6
        if lay.y + short <= g["bottom"]:
            gap -= lay.y + h - g["bottom"]
        else:
            lay.new_page()
            lay.sig_orphan = True
    y0 = lay.y + 6
    scx = g["scx"]
    y = y0
    for t in sig:
        w = lay.f.w(t, "b", ss)
        lay.text_line(scx - w / 2, y + ss * 0.95, [(x, "b") for x in t.split()], ss)
        y += ss * 1.2
    sig_top = y
    y += gap
    nm = doc["signer"]
    w = lay.f.w(nm, "b", 14)
    lay.text_line(scx - w / 2, y + 14 * 0.95, [(x, "b") for x in nm.split()], 14)
    lay.page.sig_box = (scx, sig_top, y)
    # Nơi nhận
    x = g["left"] - 2 * MM
    y = y0
    lay.text_line(x, y + 12 * 0.95, [("Nơi", "bi"), ("nhận:", "bi")], 12)
    y += 12 * 1.2
    for it in nn_items:
        words = [(t, "r") for t in it.split()]
        for j, ln in enumerate(lay.wrap(words, 11, g["nn_w"])):
            lay.text_line(x + (0 if j == 0 else 6), y + 11 * 0.95, ln, 11)
            y += 11 * 1.2
    lay.y = max(y, lay.y)


# --------------------------------------------------------------------------------------
# Document assembly
# --------------------------------------------------------------------------------------

def geometry(rng, family):
    wide = family == "DejaVuSerif"
    left = rng.choice([30, 30, 32, 35]) * MM
    right = rng.choice([15, 18, 20]) * MM
    body = rng.choice([13.0, 13.0, 13.5] if wide else [13.0, 14.0, 14.0, 13.5])
    g = {
        "left": left, "right": right, "top": rng.choice([18, 20, 22]) * MM, "bottom": PAGE_H - 20 * MM,
        "body": body, "lf": rng.choice([1.22, 1.27, 1.32]), "ps": rng.choice([3.0, 4.5, 6.0]),
        "indent": rng.choice([10.0, 12.7]) * MM, "hsize": 12.5 if wide else rng.choice([12.5, 13.0]),
        "hsize2": 13.0 if wide else rng.choice([13.0, 14.0]), "tsize": 13.5 if wide else 14.0,
        "sig_size": 13.0 if wide else rng.choice([13.0, 14.0]), "sig_gap": rng.choice([22, 26, 30]) * MM,
        "after_header": rng.choice([10, 14, 18]), "pn_y": 12 * MM,
    }
    g["body_w"] = PAGE_W - left - right
    g["lcx"] = left + rng.uniform(17, 22) * MM
    g["lw"] = 70 * MM
    g["vv_w"] = 62 * MM
    g["rcx"] = PAGE_W - right - rng.uniform(50, 54) * MM
    g["rw"] = 100 * MM
    g["subj_w"] = g["body_w"] * rng.uniform(0.85, 0.97)
    g["scx"] = left + g["body_w"] * 0.74
    g["nn_w"] = 78 * MM
    g["shift"] = (left - right) / 2 * 0.0
    return g


LIST_ITEM = re.compile(r"^(- |[a-kđ]\) |\d+\. (Ông|Bà) )")


def layout_doc(doc, fonts, geo, rng_layout_seed, k, widow_fix=None):
    if widow_fix is not None:
        lay = Layout(fonts, geo)
        lay.rng = random.Random(rng_layout_seed)
        draw_header(lay, doc)
        draw_title(lay, doc)
        lay.flow(widow_fix)
        sig_and_recipients(lay, doc)
        lay.widow_fixed = True
        return lay
    lay = Layout(fonts, geo)
    lay.rng = random.Random(rng_layout_seed)
    draw_header(lay, doc)
    draw_title(lay, doc)
    blocks = list(doc["pre"])
    for unit in doc["pool"][:k]:
        blocks.extend(unit)
    # number the {N} placeholders consecutively
    counter = 0
    out = []
    for b in blocks + list(doc["post"]):
        txt = "".join(t for t, _ in b["runs"])
        if "{N}" in txt:
            counter += 1
            b = dict(b)
            b["runs"] = [(t.replace("{N}", str(counter)), s) for t, s in b["runs"]]
        out.append(b)
    # the last item of a list ends with a full stop (the pool may have been cut anywhere)
    for i, b in enumerate(out):
        txt = "".join(t for t, _ in b["runs"])
        nxt = "".join(t for t, _ in out[i + 1]["runs"]) if i + 1 < len(out) else ""
        if LIST_ITEM.match(txt) and txt.endswith(";") and not (LIST_ITEM.match(nxt) and nxt.endswith(";")):
            runs = list(b["runs"])
            runs[-1] = (runs[-1][0][:-1] + ".", runs[-1][1])
            out[i] = dict(b, runs=runs)
    lay.flow(out)
    sig_and_recipients(lay, doc)
    if lay.sig_orphan and not widow_fix:
        # never leave the signature alone on a page: carry the last paragraph over with it
        out[-1] = dict(out[-1], break_before=True)
        return layout_doc(doc, fonts, geo, rng_layout_seed, k, widow_fix=out)
    return lay


def choose_k(doc, fonts, geo, seed, target_pages):
    """How many pool units to use so the document fills its target page count (1 or 2)."""
    pool_n = len(doc["pool"])
    kmin = min(2, pool_n)
    counts = []
    for k in range(kmin, pool_n + 1):
        lay = layout_doc(doc, fonts, geo, seed, k)
        np_ = len(lay.pages)
        if not lay.sig_orphan:
            counts.append((k, np_))
        if np_ > target_pages:
            break
    pick = random.Random(seed + "/k")
    exact = [k for k, p in counts if p == target_pages]
    if exact:
        if target_pages == 1:
            return exact[-1] if len(exact) < 2 or pick.random() < 0.7 else exact[-2]
        return exact[min(len(exact) - 1, pick.randint(0, 2))]
    fits = [k for k, p in counts if p <= 2]
    return fits[-1] if fits else kmin


def make_number(rng, kind, iss, year):
    n = rng.randint(1, 2999) if rng.random() < 0.85 else rng.randint(1, 9)
    ns = f"{n:02d}" if n < 10 else str(n)
    sym = iss.sym
    if kind == "CV":
        if iss.level == "tinh":
            return f"{ns}/{sym}-{rng.choice(CV_UNITS_TINH)}"
        if iss.level == "huyen":
            return f"{ns}/{sym}-{rng.choice(['VP', 'TCKH', 'TNMT', 'NN'])}" if rng.random() < 0.5 else f"{ns}/{sym}"
        if iss.level == "so":
            return f"{ns}/{sym}-{rng.choice(['VP', 'KHTC', 'NV', 'TTr'])}"
        return f"{ns}/{sym}"
    if kind == "QĐ" and iss.level == "tinh" and rng.random() < 0.12:
        return f"{ns}/{year}/QĐ-{sym}"
    return f"{ns}/{kind}-{sym}"


def ascii_slug(s):
    s = s.replace("Đ", "D").replace("đ", "d")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return "".join(c if c.isalnum() else "-" for c in s).strip("-")


def build_document(seed, idx, stamp_idx):
    stamp_only = idx in stamp_idx
    rng = random.Random(f"born-digital/{seed}/{idx}")
    kinds = list(KINDS)
    random.Random(f"kinds/{seed}").shuffle(kinds)
    kind = kinds[idx % len(kinds)]
    # agency level
    levels = ["tinh", "huyen", "xa", "so", "bcd", "huyen"]
    random.Random(f"levels/{seed}").shuffle(levels)
    level = levels[sum(1 for j in range(idx) if j not in stamp_idx) % len(levels)]
    if stamp_only:
        level = "tinh"
    elif kind == "CT" and level in ("so", "bcd"):
        level = "tinh"
    elif kind == "TTr" and level in ("xa", "bcd"):
        level = "huyen"
    if level == "so":
        topic = rng.choice([t for t in TOPICS if DEPTS[t["dept"]][1]])
    elif level == "bcd":
        body = rng.choice(BCD_BODIES)
        topic = [t for t in TOPICS if t["key"] == body[2]][0]
    else:
        topic = rng.choice(TOPICS)
    iss = make_issuer(rng, level, topic["key"] if level == "bcd" else topic["dept"])
    start = dt.date(2020, 1, 6)
    date = start + dt.timedelta(days=rng.randint(0, (dt.date(2025, 6, 20) - start).days))
    if date.weekday() >= 5:
        date -= dt.timedelta(days=date.weekday() - 4)
    year = date.year
    ctx = Ctx(rng, iss, topic, kind, date, year)
    ctx.kinh_gui = []
    ctx.signer = signer_block(rng, iss, kind)
    subject, pre, pool, post, nn = BUILDERS[kind](ctx)
    subject = nfc(ctx.fill(subject))
    number = make_number(rng, kind, iss, year)
    signer, _ = person(rng)
    lu_unit = rng.choice(["VT", "VT"]) + ", " + rng.choice(["KTTH", "NC", "KGVX", "TH", "VP", "KT"])
    initials = "".join(w[0] for w in signer.split()[-1:]) + str(rng.randint(10, 99))
    nn = [nfc(x) for x in nn] + [f"Lưu: {lu_unit}({initials})." if rng.random() < 0.5 else f"Lưu: {lu_unit}."]
    # font
    cycle = ["LiberationSerif", "LiberationSerif", "LiberationSans", "DejaVuSerif"]
    random.Random(f"font/{seed}").shuffle(cycle)
    family = cycle[idx % len(cycle)]
    doc = {
        "idx": idx, "kind": kind, "iss": iss, "topic": topic["key"], "date_obj": date, "number": nfc(number),
        "subject": subject, "pre": pre, "pool": pool, "post": post, "noi_nhan": nn, "signer": nfc(signer),
        "signer_lines": ctx.signer, "kinh_gui": [nfc(x) for x in ctx.kinh_gui], "family": family,
        "stamp_only": stamp_only, "target_pages": 1 if kind in ("GM", "CV", "TTr") else (2 if rng.random() < 0.5 else 1),
    }
    year_s = str(year)
    doc["name"] = f"bd{idx + 1:02d}_{year_s}_{ascii_slug(number.replace('/', '-'))}"
    return doc, rng


# --------------------------------------------------------------------------------------
# Rendering
# --------------------------------------------------------------------------------------

def render_pdf(path, pages, fonts, title, extra_ops_p1=None, images=None):
    c = rl_canvas.Canvas(path, pagesize=(PAGE_W, PAGE_H), invariant=1, pageCompression=1,
                         initialFontName=fonts.names["r"], initialFontSize=12)
    c.setTitle(title)
    c.setAuthor("make_born_digital.py")
    c.setCreator("make_born_digital.py (reportlab)")
    cwd = os.getcwd()
    for pi, pg in enumerate(pages):
        if images:
            # reportlab names an image XObject after its file name: pass a bare name so the
            # PDF does not depend on the (random) temporary directory
            os.chdir(os.path.dirname(images[pi]))
            try:
                c.drawImage(os.path.basename(images[pi]), 0, 0, width=PAGE_W, height=PAGE_H)
            finally:
                os.chdir(cwd)
        ops = list(pg.ops) if not images else []
        if pi == 0 and extra_ops_p1:
            ops += extra_ops_p1
        for op in ops:
            if op[0] == "text":
                _, x, yb, t, st, size = op
                name = fonts.names[st] if st in fonts.names else st
                c.setFont(name, size)
                c.drawString(x, PAGE_H - yb, t)
            else:
                _, x1, x2, y, lw = op
                c.setLineWidth(lw)
                c.line(x1, PAGE_H - y, x2, PAGE_H - y)
        c.showPage()
    c.save()


def stamp_ops(doc, rng):
    iss = doc["iss"]
    d = doc["date_obj"] + dt.timedelta(days=rng.randint(0, 3))
    t = f"{d.day:02d}/{d.month:02d}/{d.year} {rng.randint(7, 17):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
    lines = [f"Ký bởi: Ủy ban nhân dân {iss.unit_full}", f"Cơ quan: Tỉnh {iss.province}", f"Thời gian ký: {t}"]
    sf = Fonts(STAMP_FONT)
    ops = []
    for i, ln in enumerate(lines):
        ops.append(("text", 478.5, 9.0 + i * 6.0, nfc(ln), sf.names["r"], 5.5))
    return [nfc(x) for x in lines], ops, sf


def run(cmd):
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def render_page(pdf, page, dpi, tmpdir, gray=True):
    """Rasterise one page with pdftoppm (uncompressed PGM/PPM, much faster than its PNG writer)."""
    base = os.path.join(tmpdir, f"r{page}_{dpi}_{'g' if gray else 'c'}")
    run(["pdftoppm", "-r", str(dpi)] + (["-gray"] if gray else []) +
        ["-f", str(page), "-l", str(page), "-singlefile", pdf, base])
    path = base + (".pgm" if gray else ".ppm")
    im = Image.open(path)
    im.load()
    os.remove(path)
    return im


def seal_on_raster(img, center, radius, rng):
    """Red round seal outline (no text) multiplied onto an RGB page raster."""
    pad = int(radius * 1.1)
    box = (center[0] - pad, center[1] - pad, center[0] + pad, center[1] + pad)
    ov = Image.new("RGB", (2 * pad, 2 * pad), (255, 255, 255))
    d = ImageDraw.Draw(ov)
    cx, cy = pad, pad
    col = (205, 45, 55)
    for r_, wdt in ((radius, max(3, radius // 22)), (radius * 0.80, max(2, radius // 40))):
        d.ellipse([cx - r_, cy - r_, cx + r_, cy + r_], outline=col, width=int(wdt))
    # star
    import math
    pts = []
    for k in range(10):
        ang = -math.pi / 2 + k * math.pi / 5
        rr = radius * (0.28 if k % 2 == 0 else 0.11)
        pts.append((cx + rr * math.cos(ang), cy - radius * 0.1 + rr * math.sin(ang)))
    d.polygon(pts, fill=col)
    # ring of short dashes standing in for the seal lettering
    for k in range(36):
        ang = k * 2 * math.pi / 36 + rng.uniform(-0.02, 0.02)
        r1, r2 = radius * 0.86, radius * 0.95
        d.line([(cx + r1 * math.cos(ang), cy + r1 * math.sin(ang)), (cx + r2 * math.cos(ang), cy + r2 * math.sin(ang))],
               fill=col, width=max(2, radius // 30))
    ov = ov.filter(ImageFilter.GaussianBlur(1.2))
    region = img.crop(box)
    img.paste(ImageChops.multiply(region, ov), box[:2])
    return img


def scribble(img, box, rng):
    d = ImageDraw.Draw(img)
    x0, y0, x1, y1 = box
    pts = []
    n = 40
    import math
    ph = rng.uniform(0, 6)
    for k in range(n):
        t = k / (n - 1)
        x = x0 + (x1 - x0) * t
        y = (y0 + y1) / 2 + (y1 - y0) * 0.35 * math.sin(ph + t * rng.uniform(7, 11)) * (1 - 0.5 * t)
        pts.append((x, y))
    d.line(pts, fill=(30, 40, 120), width=5, joint="curve")
    d.line([(x0 + (x1 - x0) * 0.2, y1 - 8), (x1 + 40, y0 + 10)], fill=(30, 40, 120), width=4)


def printscan(clean, out_jpg, rng):
    a = np.asarray(clean, dtype=np.float32)
    H, W = a.shape
    paper = rng.uniform(200, 235)
    ink = rng.uniform(18, 50)
    a = paper - (255.0 - a) * (paper - ink) / 255.0
    im = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "L")
    blur = rng.uniform(0.5, 1.2)
    im = im.filter(ImageFilter.GaussianBlur(blur))
    angle = rng.uniform(0.5, 2.0) * (1 if rng.random() < 0.5 else -1)
    im = im.rotate(angle, resample=Image.BILINEAR, expand=False, fillcolor=int(paper * 0.97))
    a = np.asarray(im, dtype=np.float32)
    yy = np.linspace(-1.0, 1.0, H, dtype=np.float32)[:, None]
    xx = np.linspace(-1.0, 1.0, W, dtype=np.float32)[None, :]
    gx, gy, gr = rng.uniform(-0.05, 0.05), rng.uniform(-0.05, 0.05), rng.uniform(0.02, 0.07)
    cx, cy = rng.uniform(-0.5, 0.5), rng.uniform(-0.5, 0.5)
    field = 1.0 + gx * xx + gy * yy - gr * ((xx - cx) ** 2 + (yy - cy) ** 2) / 2.0
    a = a * field
    sigma = rng.uniform(3.0, 7.0)
    a += rng.standard_normal(size=a.shape, dtype=np.float32) * np.float32(sigma)
    q = int(rng.integers(55, 81))
    Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "L").save(out_jpg, "JPEG", quality=q, dpi=(300, 300),
                                                                    optimize=False)
    return {"paper": round(float(paper), 1), "ink": round(float(ink), 1), "blur": round(float(blur), 2),
            "rotate_deg": round(float(angle), 2), "noise_sigma": round(float(sigma), 2), "jpeg_quality": q}


def bilevel(gray200, out_tif, rng):
    a = np.asarray(gray200, dtype=np.float32)
    sigma = rng.uniform(8.0, 18.0)
    a += rng.standard_normal(size=a.shape, dtype=np.float32) * np.float32(sigma)
    thr = rng.uniform(135, 175)
    b = a > thr
    # a few specks of dust and dropouts
    n = int(b.size * rng.uniform(2e-5, 8e-5))
    ys = rng.integers(0, b.shape[0], n)
    xs = rng.integers(0, b.shape[1], n)
    b[ys, xs] = ~b[ys, xs]
    Image.fromarray(b).convert("1").save(out_tif, "TIFF", compression="group4", dpi=(200, 200))
    return {"noise_sigma": round(float(sigma), 2), "threshold": round(float(thr), 1), "specks": n}


def wrap_pdf(img_path, out_pdf):
    try:
        import img2pdf
        # the internal engine writes no random /ID (the pikepdf engine does), so output is reproducible
        kw = {"nodate": True}
        if hasattr(img2pdf, "Engine"):
            kw["engine"] = img2pdf.Engine.internal
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            data = img2pdf.convert(img_path, **kw)
        with open(out_pdf, "wb") as fh:
            fh.write(data)
        return "img2pdf"
    except ImportError:
        im = Image.open(img_path)
        dpi = im.info.get("dpi", (300, 300))
        fixed = dt.datetime(2000, 1, 1)
        im.save(out_pdf, "PDF", resolution=float(dpi[0]), creationDate=fixed, modDate=fixed)
        return "PIL"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out_dir")
    ap.add_argument("-n", "--count", type=int, default=8, help="number of documents (default 8)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--stamp-only", type=int, default=2, help="how many documents are stamp-only rasters (default 2)")
    ap.add_argument("--pdf-variants", action="store_true",
                    help="also wrap each degraded page image into a one-page scanned PDF")
    ap.add_argument("--no-images", action="store_true", help="write only the PDFs, GT text and fields.json")
    ap.add_argument("--check", action="store_true",
                    help="afterwards compare pdftotext of every page with its .gt.txt (same words, any order)")
    args = ap.parse_args()

    for tool in ("pdftoppm",):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} not found (apt-get install poppler-utils)")
    out = os.path.abspath(args.out_dir)
    os.makedirs(out, exist_ok=True)
    n = args.count
    k_stamp = max(0, min(args.stamp_only, n))
    stamp_idx = set(random.Random(f"stamp/{args.seed}").sample(range(n), k_stamp))
    fields, gen = [], []
    tmp = tempfile.mkdtemp(prefix="born_digital_")
    try:
        for idx in range(n):
            doc, rng = build_document(args.seed, idx, stamp_idx)
            fonts = Fonts(doc["family"])
            geo = geometry(random.Random(f"geo/{args.seed}/{idx}"), doc["family"])
            lseed = f"lay/{args.seed}/{idx}"
            k = choose_k(doc, fonts, geo, lseed, doc["target_pages"])
            lay = layout_doc(doc, fonts, geo, lseed, k)
            pages = lay.pages
            name = doc["name"]
            pdf = os.path.join(out, name + ".pdf")
            title = f"{KIND_NAME[doc['kind']]} {doc['number']}"
            stamp_lines = []
            if doc["stamp_only"]:
                full = os.path.join(tmp, name + ".full.pdf")
                render_pdf(full, pages, fonts, title)
                srng = random.Random(f"stamp/{args.seed}/{idx}")
                stamp_lines, sops, sfonts = stamp_ops(doc, srng)
                imgs = []
                for pi in range(len(pages)):
                    im = render_page(full, pi + 1, 300, tmp, gray=False).convert("RGB")
                    sc = 300 / 72.0
                    if pi == 0:
                        im = seal_on_raster(im, (int(452 * sc), int(30 * sc)), int(22 * sc), srng)
                    box = pages[pi].sig_box
                    if box:
                        scx, top, bot = box
                        scribble(im, (int((scx - 30) * sc), int((top + 12) * sc), int((scx + 45) * sc),
                                      int((bot - 8) * sc)), srng)
                        im = seal_on_raster(im, (int((scx - 55) * sc), int((top + (bot - top) / 2) * sc)),
                                            int(60 * sc), srng)
                    jpg = os.path.join(tmp, f"{name}_r{pi + 1}.jpg")
                    im.save(jpg, "JPEG", quality=88, dpi=(300, 300))
                    imgs.append(jpg)
                render_pdf(pdf, pages, sfonts, title, extra_ops_p1=sops, images=imgs)
            else:
                render_pdf(pdf, pages, fonts, title)
            page_info = []
            for pi, pg in enumerate(pages):
                lines = (stamp_lines if pi == 0 else []) + pg.gt + pg.gt_tail
                txt = nfc("\n".join(" ".join(l.split()) for l in lines) + "\n")
                with open(os.path.join(out, f"{name}_p{pi + 1}.gt.txt"), "w", encoding="utf-8", newline="\n") as fh:
                    fh.write(txt)
                info = {"page": pi + 1}
                if not args.no_images:
                    base = os.path.join(out, f"{name}_p{pi + 1}")
                    clean = render_page(pdf, pi + 1, 300, tmp)
                    clean.save(base + ".clean.png", dpi=(300, 300))
                    nrng = np.random.default_rng([args.seed, idx, pi, 1])
                    info["printscan"] = printscan(clean, base + ".printscan.jpg", nrng)
                    g200 = render_page(pdf, pi + 1, 200, tmp)
                    info["bilevel200"] = bilevel(g200, base + ".bilevel200.tif",
                                                 np.random.default_rng([args.seed, idx, pi, 2]))
                    if args.pdf_variants:
                        info["pdf_wrapper"] = wrap_pdf(base + ".printscan.jpg", base + ".printscan.pdf")
                        wrap_pdf(base + ".bilevel200.tif", base + ".bilevel200.pdf")
                page_info.append(info)
            iss = doc["iss"]
            fields.append({
                "file": name + ".pdf",
                "kind": KIND_NAME[doc["kind"]],
                "number": doc["number"],
                "date": doc["date_obj"].isoformat(),
                "agency": nfc(iss.agency),
                "agency_parent": nfc(iss.agency_parent) if iss.agency_parent else None,
                "subject": doc["subject"],
                "signer": doc["signer"],
                "signer_title": " / ".join(doc["signer_lines"]),
                "pages": len(pages),
                "text_layer": "stamp-only" if doc["stamp_only"] else "full",
                "handwritten": [],
                "scan_type": "born-digital",
            })
            gen.append({"file": name + ".pdf", "font": FONT_FAMILIES[doc["family"]][0], "topic": doc["topic"],
                        "level": iss.level, "body_pt": geo["body"], "pages": page_info})
            print(f"{name}.pdf  {KIND_NAME[doc['kind']]:<10} {len(pages)}p  {FONT_FAMILIES[doc['family']][0]:<17}"
                  f" {'stamp-only' if doc['stamp_only'] else 'full'}", flush=True)
        with open(os.path.join(out, "fields.json"), "w", encoding="utf-8", newline="\n") as fh:
            json.dump({"docs": fields}, fh, ensure_ascii=False, indent=1)
            fh.write("\n")
        with open(os.path.join(out, "generation.json"), "w", encoding="utf-8", newline="\n") as fh:
            json.dump({"generator": "bench/real_papers/make_born_digital.py", "seed": args.seed, "count": n,
                       "docs": gen}, fh, ensure_ascii=False, indent=1)
            fh.write("\n")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if args.check:
        sys.exit(check_text_layers(out, fields))


def check_text_layers(out, fields):
    """pdftotext of each page must hold exactly the GT words (full text layer) or exactly the stamp lines."""
    from collections import Counter
    bad = 0
    for f in fields:
        name = f["file"][:-4]
        for p in range(1, f["pages"] + 1):
            got = subprocess.run(["pdftotext", "-f", str(p), "-l", str(p), os.path.join(out, f["file"]), "-"],
                                 check=True, capture_output=True, text=True).stdout
            gt = open(os.path.join(out, f"{name}_p{p}.gt.txt"), encoding="utf-8").read()
            if f["text_layer"] == "stamp-only":
                want = gt.split("\n")[:3] if p == 1 else []
                ok = [l for l in got.split("\n") if l.strip()] == want
            else:
                ok = Counter(nfc(got).split()) == Counter(gt.split())
            if not ok:
                bad += 1
                print(f"text layer mismatch: {f['file']} page {p}", file=sys.stderr)
    print(f"check: {sum(f['pages'] for f in fields) - bad} pages ok, {bad} mismatched")
    return 1 if bad else 0


if __name__ == "__main__":
    main()
