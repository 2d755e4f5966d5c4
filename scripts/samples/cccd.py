"""Chip-based CCCD (2021 model) front and back, rendered as a card lying on a flatbed scanner.

The image is the card (85.6 x 54 mm) plus a 4 mm margin of scanner-lid background, RGB, at the
requested dpi. Returns (PIL image, truth lines, fields, qr payload or None).
"""
import math
import subprocess

from PIL import Image, ImageDraw, ImageFont

from .engine import FONT_DIR, FONTS, signature_points

CARD_W, CARD_H, MARGIN = 85.6, 54.0, 4.0
INK = (28, 28, 34)
RED = (196, 30, 36)


def mrz_cd(s):
    w = (7, 3, 1)
    tot = 0
    for i, ch in enumerate(s):
        if ch.isdigit():
            v = int(ch)
        elif ch == "<":
            v = 0
        else:
            v = ord(ch) - 55
        tot += v * w[i % 3]
    return str(tot % 10)


def mrz_lines(p):
    docno = p["cccd"][3:]
    l1 = "IDVNM" + docno + mrz_cd(docno) + (p["cccd"] + "<<<")[:15]
    dob = p["ngaySinh"][8:10] + p["ngaySinh"][3:5] + p["ngaySinh"][0:2]
    exp = p["coGiaTriDen"][8:10] + p["coGiaTriDen"][3:5] + p["coGiaTriDen"][0:2]
    sex = "M" if p["gioiTinh"] == "Nam" else "F"
    l2 = dob + mrz_cd(dob) + sex + exp + mrz_cd(exp) + "VNM" + "<" * 11
    comp = l1[5:30] + l2[0:7] + l2[8:15] + l2[18:29]
    l2 += mrz_cd(comp)
    l3 = (p["mrzName"] + "<" * 30)[:30]
    assert len(l1) == len(l2) == len(l3) == 30
    return [l1, l2, l3]


def qr_payload(p):
    d = lambda s: s.replace("/", "")
    return "|".join([p["cccd"], p["cmnd"], p["hoTen"], d(p["ngaySinh"]), p["gioiTinh"], p["thuongTru"],
                     d(p["ngayCap"])])


def qr_matrix(payload):
    """QR modules from `qrencode -t ASCII` (8-bit mode, level M, no margin) as an 'L' image, 1 px/module."""
    txt = subprocess.run(["qrencode", "-l", "M", "-8", "-m", "0", "-t", "ASCII", "-o", "-", payload],
                         check=True, stdout=subprocess.PIPE).stdout.decode("ascii")
    rows = [r for r in txt.split("\n") if r.strip("\n") != ""]
    n = len(rows)
    im = Image.new("L", (n, n), 255)
    for y, r in enumerate(rows):
        for x in range(n):
            if r[2 * x:2 * x + 1] == "#":
                im.putpixel((x, y), 0)
    return im


class Card:
    def __init__(self, dpi, seed):
        self.dpi = dpi
        self.k = dpi / 25.4  # px per mm
        W = int(round((CARD_W + 2 * MARGIN) * self.k))
        H = int(round((CARD_H + 2 * MARGIN) * self.k))
        self.img = Image.new("RGB", (W, H), (238, 238, 236))
        self.d = ImageDraw.Draw(self.img)
        self.fonts = {}
        self.truth = []
        self._background(seed)

    def P(self, x, y):
        return ((MARGIN + x) * self.k, (MARGIN + y) * self.k)

    def font(self, key, pt):
        kk = (key, pt)
        if kk not in self.fonts:
            self.fonts[kk] = ImageFont.truetype(FONT_DIR + FONTS[key], int(round(pt * self.dpi / 72)))
        return self.fonts[kk]

    def _background(self, seed):
        k = self.k
        x0, y0 = self.P(0, 0)
        x1, y1 = self.P(CARD_W, CARD_H)
        mask = Image.new("L", self.img.size, 0)
        ImageDraw.Draw(mask).rounded_rectangle([x0, y0, x1, y1], radius=3.2 * k, fill=255)
        card = Image.new("RGB", self.img.size, (0, 0, 0))
        cd = ImageDraw.Draw(card)
        h = int(y1 - y0)
        for i in range(h + 1):
            t = i / max(1, h)
            c = (int(226 + 14 * t), int(238 - 6 * t), int(232 - 16 * t))
            cd.line([(x0, y0 + i), (x1, y0 + i)], fill=c)
        # guilloche: light sine waves
        for j in range(14):
            pts = []
            for i in range(0, int(x1 - x0) + 1, max(1, int(k / 2))):
                xx = x0 + i
                yy = y0 + (j + 0.5) * (y1 - y0) / 14 + math.sin((i / k) * 0.35 + j * 0.9 + seed) * 1.2 * k
                pts.append((xx, yy))
            cd.line(pts, fill=(205, 222, 214), width=max(1, int(k * 0.12)))
        self.img.paste(card, (0, 0), mask)
        ImageDraw.Draw(self.img).rounded_rectangle([x0, y0, x1, y1], radius=3.2 * k, outline=(175, 178, 176),
                                                   width=max(1, int(k * 0.2)))

    def text(self, x, y, s, key, pt, fill=INK, record=True, center=None):
        f = self.font(key, pt)
        if center is not None:
            w = f.getlength(s) / self.k
            x = center - w / 2
        assert x + f.getlength(s) / self.k <= CARD_W - 1.5, "text runs off the card: " + s
        self.d.text(self.P(x, y), s, font=f, fill=fill, anchor="ls")
        if record:
            self.truth.append(s)
        return x + f.getlength(s) / self.k

    def emblem(self, cx, cy, r):
        x, y = self.P(cx, cy)
        rr = r * self.k
        self.d.ellipse([x - rr, y - rr, x + rr, y + rr], fill=(214, 40, 40), outline=(230, 190, 60),
                       width=max(1, int(self.k * 0.5)))
        pts = []
        for i in range(10):
            a = -math.pi / 2 + i * math.pi / 5
            q = rr * (0.6 if i % 2 == 0 else 0.24)
            pts.append((x + q * math.cos(a), y + q * math.sin(a)))
        self.d.polygon(pts, fill=(250, 215, 60))


def front(p, dpi, seed=1):
    c = Card(dpi, seed)
    c.emblem(10.5, 10.0, 6.3)
    cx = 51.5
    c.text(0, 4.6, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "sans-b", 6.0, center=cx)
    c.text(0, 7.5, "Độc lập - Tự do - Hạnh phúc", "sans-b", 6.0, center=cx)
    c.text(0, 10.2, "SOCIALIST REPUBLIC OF VIET NAM", "sans", 5.0, center=cx)
    c.text(0, 12.6, "Independence - Freedom - Happiness", "sans", 5.0, center=cx)
    c.text(0, 16.8, "CĂN CƯỚC CÔNG DÂN", "sans-b", 9.5, fill=RED, center=cx)
    c.text(0, 19.6, "Citizen Identity Card", "sans", 5.4, center=cx)
    # photo
    x0, y0 = c.P(3.2, 19.0)
    x1, y1 = c.P(21.8, 43.0)
    c.d.rectangle([x0, y0, x1, y1], fill=(150, 150, 152), outline=(110, 110, 112))
    hx, hy = c.P(12.5, 27.5)
    c.d.ellipse([hx - 4.6 * c.k, hy - 5.6 * c.k, hx + 4.6 * c.k, hy + 5.6 * c.k], fill=(178, 178, 180))
    sx0, sy0 = c.P(4.5, 36.0)
    sx1, sy1 = c.P(20.5, 48.0)
    c.d.pieslice([sx0, sy0, sx1, sy1], 180, 360, fill=(178, 178, 180))
    X = 24.5
    c.text(X, 23.2, "Số định danh cá nhân / Personal identification No.:", "sansc", 5.6)
    c.text(X, 27.6, p["cccd"], "sans-b", 11.0, fill=(20, 20, 24))
    c.text(X, 31.0, "Họ, chữ đệm và tên / Full name:", "sansc", 5.6)
    c.text(X, 34.6, p["caps"], "sans-b", 8.4)
    c.text(X, 38.0, "Ngày, tháng, năm sinh / Date of birth: " + p["ngaySinh"], "sansc", 5.6)
    e = c.text(X, 41.0, "Giới tính / Sex: " + p["gioiTinh"], "sansc", 5.6, record=False)
    q = "Quốc tịch / Nationality: Việt Nam"
    c.text(X + 21.0, 41.0, q, "sansc", 5.6, record=False)
    c.truth.append("Giới tính / Sex: " + p["gioiTinh"] + " " + q)
    c.text(X, 44.0, "Quê quán / Place of origin:", "sansc", 5.6)
    c.text(X, 46.9, p["queQuan"], "sansc", 6.6)
    c.text(X, 49.9, "Nơi thường trú / Place of residence:", "sansc", 5.6)
    c.text(X, 52.8, p["thuongTru"], "sansc", 6.6)
    c.text(2.6, 47.0, "Có giá trị đến:", "sansc", 5.4)
    c.text(2.6, 50.4, p["coGiaTriDen"], "sansc-b", 6.6)
    fields = dict(soDinhDanh=p["cccd"], hoTen=p["hoTen"], ngaySinh=iso(p["ngaySinh"]), gioiTinh=p["gioiTinh"],
                  quocTich="Việt Nam", queQuan=p["queQuan"], noiThuongTru=p["thuongTru"],
                  coGiaTriDen=iso(p["coGiaTriDen"]))
    return c.img, c.truth, fields, None


def back(p, dpi, seed=2):
    c = Card(dpi, seed)
    # chip
    x0, y0 = c.P(5.0, 6.0)
    x1, y1 = c.P(16.5, 15.0)
    c.d.rounded_rectangle([x0, y0, x1, y1], radius=1.2 * c.k, fill=(214, 184, 104), outline=(150, 120, 60),
                          width=max(1, int(c.k * 0.2)))
    for fx in (0.33, 0.66):
        c.d.line([(x0 + (x1 - x0) * fx, y0), (x0 + (x1 - x0) * fx, y1)], fill=(150, 120, 60), width=max(1, int(c.k * 0.15)))
    c.d.line([(x0, (y0 + y1) / 2), (x1, (y0 + y1) / 2)], fill=(150, 120, 60), width=max(1, int(c.k * 0.15)))
    # QR on the right
    payload = qr_payload(p)
    m = qr_matrix(payload)
    n = m.size[0]
    target = 22.0 * c.k
    mod = max(2, int(target // (n + 6)))
    side = mod * (n + 6)
    qx, qy = c.P(CARD_W - 3.0 - side / c.k, 3.0)
    qx, qy = int(round(qx)), int(round(qy))
    c.d.rectangle([qx, qy, qx + side - 1, qy + side - 1], fill=(255, 255, 255))
    q = m.resize((n * mod, n * mod), Image.NEAREST).convert("RGB")
    c.img.paste(q, (qx + 3 * mod, qy + 3 * mod))
    X = 4.0
    c.text(X, 20.6, "Đặc điểm nhân dạng / Personal identification:", "sansc", 5.6)
    c.text(X, 23.8, p["nhanDang"], "sansc", 6.2)
    c.text(X, 28.4, "Ngày, tháng, năm cấp / Date of issue: " + p["ngayCap"], "sansc", 5.8)
    c.text(0, 31.8, "CỤC TRƯỞNG CỤC CẢNH SÁT", "sans-b", 5.6, center=24.0)
    c.text(0, 34.4, "QUẢN LÝ HÀNH CHÍNH VỀ TRẬT TỰ XÃ HỘI", "sans-b", 5.6, center=24.0)
    # stamp + signature
    sx, sy = c.P(12.0, 38.8)
    r = 3.2 * c.k
    c.d.ellipse([sx - r, sy - r, sx + r, sy + r], outline=(215, 110, 110), width=max(1, int(c.k * 0.35)))
    pts, tail = signature_points(26.0, 37.4, 14.0, 3.0, seed + 77)
    c.d.line([c.P(x, y) for x, y in pts], fill=(40, 40, 60), width=max(1, int(c.k * 0.25)), joint="curve")
    c.text(0, 41.6, "Đỗ Minh Khang", "sans-b", 6.2, center=24.0)
    # MRZ band
    for i, l in enumerate(mrz_lines(p)):
        c.text(4.5, 46.2 + i * 3.35, l, "mono", 8.6)
    fields = dict(ngayCap=iso(p["ngayCap"]), noiCap="Cục Cảnh sát quản lý hành chính về trật tự xã hội",
                  soDinhDanh=p["cccd"], hoTen=p["hoTen"], ngaySinh=iso(p["ngaySinh"]), gioiTinh=p["gioiTinh"],
                  noiThuongTru=p["thuongTru"])
    if p["cmnd"]:
        fields["soCMND"] = p["cmnd"]
    return c.img, c.truth, fields, payload


def iso(dmy):
    return dmy[6:10] + "-" + dmy[3:5] + "-" + dmy[0:2]
