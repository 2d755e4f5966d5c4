"""Tiny deterministic page-layout engine shared by the raster (PIL) and the
born-digital PDF (reportlab) back ends.

All layout coordinates are in PDF points (1/72 inch) measured from the top-left
corner of an A4 page; `y` values handed to back ends are text *baselines*.
Every drawn text line is also recorded, in drawing order, as the ground-truth
text of its page (words joined by single spaces, NFC).
"""
import math
import random
import unicodedata

from PIL import Image, ImageDraw, ImageFont

FONT_DIR = "/usr/share/fonts/truetype/dejavu/"
FONTS = {
    "serif": "DejaVuSerif.ttf",
    "serif-b": "DejaVuSerif-Bold.ttf",
    "serif-i": "DejaVuSerif-Italic.ttf",
    "serif-bi": "DejaVuSerif-BoldItalic.ttf",
    "sans": "DejaVuSans.ttf",
    "sans-b": "DejaVuSans-Bold.ttf",
    "sansc": "DejaVuSansCondensed.ttf",
    "sansc-b": "DejaVuSansCondensed-Bold.ttf",
    "sansc-i": "DejaVuSansCondensed-Oblique.ttf",
    "mono": "DejaVuSansMono.ttf",
    "mono-b": "DejaVuSansMono-Bold.ttf",
}

A4_W = 595.2756  # 210 mm in pt
A4_H = 841.8898  # 297 mm in pt


def mm(v):
    return v * 72.0 / 25.4


def nfc(s):
    return unicodedata.normalize("NFC", s)


class RasterBackend:
    """Draws on an 8-bit grey (or RGB) PIL image at a given dpi."""

    def __init__(self, dpi, mode="L", w_pt=A4_W, h_pt=A4_H, bg=255):
        self.dpi = dpi
        self.s = dpi / 72.0
        self.W = int(round(w_pt * self.s))
        self.H = int(round(h_pt * self.s))
        self.img = Image.new(mode, (self.W, self.H), bg)
        self.d = ImageDraw.Draw(self.img)
        self.mode = mode
        self._fonts = {}

    def font(self, key, size):
        k = (key, size)
        if k not in self._fonts:
            self._fonts[k] = ImageFont.truetype(FONT_DIR + FONTS[key], max(1, int(round(size * self.s))))
        return self._fonts[k]

    def measure(self, text, key, size):
        return self.font(key, size).getlength(text) / self.s

    def ink(self, grey):
        return grey if self.mode == "L" else (grey, grey, grey)

    def text(self, x, y, text, key, size, grey=0):
        self.d.text((x * self.s, y * self.s), text, font=self.font(key, size), fill=self.ink(grey), anchor="ls")

    def line(self, x0, y0, x1, y1, width=0.6, grey=0):
        self.d.line([(x0 * self.s, y0 * self.s), (x1 * self.s, y1 * self.s)], fill=self.ink(grey),
                     width=max(1, int(round(width * self.s))))

    def rect(self, x0, y0, x1, y1, width=0.6, grey=0):
        self.d.rectangle([x0 * self.s, y0 * self.s, x1 * self.s, y1 * self.s], outline=self.ink(grey),
                         width=max(1, int(round(width * self.s))))

    def polyline(self, pts, width=1.0, grey=40):
        self.d.line([(x * self.s, y * self.s) for x, y in pts], fill=self.ink(grey),
                    width=max(1, int(round(width * self.s))), joint="curve")

    def circle(self, cx, cy, r, width=1.0, grey=150):
        self.d.ellipse([(cx - r) * self.s, (cy - r) * self.s, (cx + r) * self.s, (cy + r) * self.s],
                       outline=self.ink(grey), width=max(1, int(round(width * self.s))))

    def polygon(self, pts, grey=150):
        self.d.polygon([(x * self.s, y * self.s) for x, y in pts], fill=self.ink(grey))


class PdfBackend:
    """Draws one page of a reportlab canvas (real text layer, embedded DejaVu)."""

    registered = False

    def __init__(self, canvas):
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont
        if not PdfBackend.registered:
            for k, f in FONTS.items():
                pdfmetrics.registerFont(TTFont("DV-" + k, FONT_DIR + f))
            PdfBackend.registered = True
        self.pm = pdfmetrics
        self.c = canvas

    def measure(self, text, key, size):
        return self.pm.stringWidth(text, "DV-" + key, size)

    def text(self, x, y, text, key, size, grey=0):
        self.c.setFillGray(grey / 255.0)
        self.c.setFont("DV-" + key, size)
        self.c.drawString(x, A4_H - y, text)

    def line(self, x0, y0, x1, y1, width=0.6, grey=0):
        self.c.setStrokeGray(grey / 255.0)
        self.c.setLineWidth(width)
        self.c.line(x0, A4_H - y0, x1, A4_H - y1)

    def rect(self, x0, y0, x1, y1, width=0.6, grey=0):
        self.c.setStrokeGray(grey / 255.0)
        self.c.setLineWidth(width)
        self.c.rect(x0, A4_H - y1, x1 - x0, y1 - y0, stroke=1, fill=0)

    def polyline(self, pts, width=1.0, grey=40):
        self.c.setStrokeGray(grey / 255.0)
        self.c.setLineWidth(width)
        self.c.setLineJoin(1)
        self.c.setLineCap(1)
        p = self.c.beginPath()
        p.moveTo(pts[0][0], A4_H - pts[0][1])
        for x, y in pts[1:]:
            p.lineTo(x, A4_H - y)
        self.c.drawPath(p, stroke=1, fill=0)

    def circle(self, cx, cy, r, width=1.0, grey=150):
        self.c.setStrokeGray(grey / 255.0)
        self.c.setLineWidth(width)
        self.c.circle(cx, A4_H - cy, r, stroke=1, fill=0)

    def polygon(self, pts, grey=150):
        self.c.setFillGray(grey / 255.0)
        p = self.c.beginPath()
        p.moveTo(pts[0][0], A4_H - pts[0][1])
        for x, y in pts[1:]:
            p.lineTo(x, A4_H - y)
        p.close()
        self.c.drawPath(p, stroke=0, fill=1)


def signature_points(cx, cy, w, h, seed):
    """A deterministic hand-signature-like scribble centred on (cx, cy)."""
    r = random.Random(seed)
    pts = []
    n = 90
    loops = r.uniform(2.5, 3.5)
    for i in range(n):
        t = i / (n - 1)
        x = cx - w / 2 + w * t
        y = cy + math.sin(t * loops * 2 * math.pi) * h * 0.35 * (1 - 0.4 * t) + math.cos(t * 11) * h * 0.08
        pts.append((x + r.uniform(-0.02, 0.02) * h, y + r.uniform(-0.03, 0.03) * h))
    # final flourish underneath
    tail = [(cx + w * 0.45 - k * w * 0.09, cy + h * 0.45 + k * 0.06 * h) for k in range(11)]
    return pts, tail


class Doc:
    """Flowing A4 document: margins as official documents (left 30 mm, right 20 mm)."""

    def __init__(self, backend_factory, ml=mm(30), mr=mm(20), mt=mm(18), mb=mm(15), page_numbers=True,
                 justify=True):
        self.factory = backend_factory
        self.ml, self.mr, self.mt, self.mb = ml, mr, mt, mb
        self.x0, self.x1 = ml, A4_W - mr
        self.page_numbers = page_numbers
        self.justify = justify
        self.pages = []
        self.truth = []
        self.new_page()

    # -- page handling ---------------------------------------------------------------
    def new_page(self):
        b = self.factory(len(self.pages))
        self.pages.append(b)
        self.truth.append([])
        self.b = b
        self.y = self.mt
        if self.page_numbers and len(self.pages) > 1:
            n = str(len(self.pages))
            w = b.measure(n, "serif", 12)
            b.text((A4_W - w) / 2, mm(12), n, "serif", 12)
            self.truth[-1].append(n)

    def need(self, h):
        if self.y + h > A4_H - self.mb:
            self.new_page()

    def emit(self, s):
        self.truth[-1].append(nfc(s))

    def gap(self, pt):
        self.y += pt

    # -- text primitives -----------------------------------------------------------
    def _runs_width(self, words, size):
        sp = self.b.measure(" ", "serif", size)
        return sum(self.b.measure(w, k, size) for w, k in words) + sp * (len(words) - 1)

    def line(self, text, key="serif", size=13, align="left", x0=None, x1=None, lead=1.4, grey=0):
        x0 = self.x0 if x0 is None else x0
        x1 = self.x1 if x1 is None else x1
        self.need(size * lead)
        w = self.b.measure(text, key, size)
        x = x0 if align == "left" else (x1 - w if align == "right" else (x0 + x1 - w) / 2)
        self.b.text(x, self.y + size, text, key, size, grey)
        self.emit(text)
        self.y += size * lead
        return x, w

    def para(self, runs, size=13, indent=mm(12.7), x0=None, x1=None, lead=1.4, justify=None, align="left",
             hang=0.0):
        """runs: list of (text, fontkey). Wraps word-wise; each output line is a truth line."""
        if isinstance(runs, str):
            runs = [(runs, "serif")]
        justify = self.justify if justify is None else justify
        x0 = self.x0 if x0 is None else x0
        x1 = self.x1 if x1 is None else x1
        words = []
        for text, key in runs:
            for wd in nfc(text).split():
                words.append((wd, key))
        lines, cur = [], []
        sp = self.b.measure(" ", "serif", size)
        for wd in words:
            first = not lines
            avail = x1 - x0 - (indent if first else hang)
            if cur and self._runs_width(cur + [wd], size) > avail:
                lines.append(cur)
                cur = [wd]
            else:
                cur.append(wd)
        if cur:
            lines.append(cur)
        for i, ln in enumerate(lines):
            self.need(size * lead)
            lx = x0 + (indent if i == 0 else hang)
            avail = x1 - lx
            natural = self._runs_width(ln, size)
            gapw = sp
            if align == "center":
                lx = (x0 + x1 - natural) / 2
            elif justify and i < len(lines) - 1 and len(ln) > 1:
                gapw = sp + (avail - natural) / (len(ln) - 1)
            x = lx
            for wd, key in ln:
                self.b.text(x, self.y + size, wd, key, size)
                x += self.b.measure(wd, key, size) + gapw
            self.emit(" ".join(w for w, _ in ln))
            self.y += size * lead

    def row(self, cells, size=13, lead=1.32):
        """cells: list of (x_offset_pt_from_x0, runs). One physical line, truth joined by a space."""
        self.need(size * lead)
        parts = []
        for off, runs in cells:
            x = self.x0 + off
            for text, key in runs:
                self.b.text(x, self.y + size, text, key, size)
                x += self.b.measure(text, key, size)
            parts.append("".join(t for t, _ in runs).strip())
        self.emit(" ".join(parts))
        self.y += size * lead

    def columns(self, left, right, split=mm(78), lead=1.35, rules=(None, None), left_x0=None):
        """Two centred header columns. left/right: lists of (text, key, size).
        rules: index of the line under which a short centred rule is drawn, per column."""
        ys = []
        boxes = [((self.x0 - mm(12) if left_x0 is None else left_x0), self.x0 + split - mm(12)),
                 (self.x0 + split - mm(8), self.x1 + mm(5))]
        for col, (bx0, bx1), rule in ((left, boxes[0], rules[0]), (right, boxes[1], rules[1])):
            y = self.y
            for i, (text, key, size) in enumerate(col):
                w = self.b.measure(text, key, size)
                x = (bx0 + bx1 - w) / 2
                self.b.text(x, y + size, text, key, size)
                self.emit(text)
                y += size * lead
                if rule is not None and i == rule:
                    rw = min(w, mm(40)) if col is left else w * 0.9
                    cx = (bx0 + bx1) / 2
                    self.b.line(cx - rw / 2, y - size * 0.15, cx + rw / 2, y - size * 0.15, width=0.7)
                    y += size * 0.35
            ys.append(y)
        self.y = max(ys)

    def rule(self, width=mm(30), size=13):
        self.y += 2
        cx = (self.x0 + self.x1) / 2
        self.b.line(cx - width / 2, self.y, cx + width / 2, self.y, width=0.7)
        self.y += size * 0.8

    def signature_block(self, left, right_titles, signer, seed, right_x0=None, stamp=True, size=13,
                        left_size=11):
        """left: list of (text, key) lines (e.g. Nơi nhận); right: titles, signature gap, signer name."""
        need = max(len(left) * left_size * 1.3, (len(right_titles) + 1) * size * 1.4 + mm(28))
        self.need(need)
        y0 = self.y
        y = y0
        for text, key in left:
            self.b.text(self.x0, y + left_size, text, key, left_size)
            y += left_size * 1.3
        bx0 = self.x0 + mm(85) if right_x0 is None else right_x0
        bx1 = self.x1
        cx = (bx0 + bx1) / 2
        y = y0
        for text, key in right_titles:
            w = self.b.measure(text, key, size)
            self.b.text(cx - w / 2, y + size, text, key, size)
            self.emit(text)
            y += size * 1.4
        sy = y + mm(13)
        if stamp:
            r = mm(13)
            scx, scy = cx - mm(16), sy + mm(1)
            self.b.circle(scx, scy, r, width=1.4, grey=170)
            self.b.circle(scx, scy, r - mm(2.6), width=0.7, grey=170)
            star = []
            for k in range(10):
                a = -math.pi / 2 + k * math.pi / 5
                rr = mm(4) if k % 2 == 0 else mm(1.6)
                star.append((scx + rr * math.cos(a), scy + rr * math.sin(a)))
            self.b.polygon(star, grey=180)
        pts, tail = signature_points(cx + mm(4), sy, mm(30), mm(9), seed)
        self.b.polyline(pts, width=1.1, grey=35)
        self.b.polyline(tail, width=1.0, grey=35)
        y = sy + mm(16)
        w = self.b.measure(signer, "serif-b", size)
        self.b.text(cx - w / 2, y + size, signer, "serif-b", size)
        self.emit(signer)
        # Reading order (issue 12): the signature block, then Nơi nhận.
        for text, _ in left:
            self.emit(text)
        y += size * 1.4
        self.y = max(y, y0 + len(left) * left_size * 1.3)
