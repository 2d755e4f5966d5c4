#!/usr/bin/python3
"""Deterministic generator of synthetic Vietnamese scanned documents -> SampleScans/.

Usage:  /usr/bin/python3 scripts/make-samples.py [OUTDIR]      (default: <repo>/SampleScans)

Needs Debian's Python (not a pyenv one) with these Debian packages:
    python3-pil python3-numpy python3-reportlab python3-img2pdf qrencode
    fonts-dejavu-core fonts-dejavu-extra
Checks (optional, scripts/samples/check.py): zbar-tools tesseract-ocr tesseract-ocr-vie

Everything is synthetic (DOMAIN.md §9.6). Output is byte-for-byte reproducible: fixed seeds,
no timestamps (PNG has no tIME, TIFF no DateTime, PDFs no /CreationDate, reportlab invariant mode).
"""
import csv
import io
import json
import os
import shutil
import sys
import zlib

sys.dont_write_bytecode = True  # keep scripts/samples/ free of __pycache__
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import img2pdf  # noqa: E402
import numpy as np  # noqa: E402
from PIL import Image, ImageFilter  # noqa: E402

from samples import cccd, documents  # noqa: E402
from samples.engine import Doc, PdfBackend, RasterBackend, nfc  # noqa: E402
from samples.people import AN, BINH, DUC  # noqa: E402

REPO = os.path.dirname(HERE)
OUT = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.join(REPO, "SampleScans")

# --- dossiers -------------------------------------------------------------------------------
D_BIRTH = dict(dossier="000.12.34.H56-241105-0007", agency="000.12.34.H56", procedure="1.001193")
D_MAR = dict(dossier="000.12.34.H56-241021-0003", agency="000.12.34.H56", procedure="1.004873")
D_NEG = dict(dossier="000.00.12.H56-241105-0007", agency="000.00.12.H56", procedure="2.000806")
D_COMP = dict(dossier="000.00.00.H56-241015-0021", agency="000.00.00.H56", procedure="1.013992")

# --- degradations ---------------------------------------------------------------------------


def seed_of(name):
    return zlib.crc32(name.encode("utf-8"))


def skew(img, angle):
    """Positive angle = counter-clockwise, as PIL's rotate."""
    fill = 255 if img.mode == "L" else img.getpixel((2, 2))
    return img.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=fill)


def noisy(img, seed, sigma=13.0, blur=0.8):
    img = img.filter(ImageFilter.GaussianBlur(blur))
    a = np.asarray(img, dtype=np.float32)
    rng = np.random.RandomState(seed)
    a = a + rng.normal(0.0, sigma, a.shape).astype(np.float32)
    # slightly uneven illumination
    h = a.shape[0]
    grad = np.linspace(-6, 4, h, dtype=np.float32).reshape((h,) + (1,) * (a.ndim - 1))
    return Image.fromarray(np.clip(a + grad, 0, 255).round().astype(np.uint8), img.mode)


def low_contrast(img, seed, ink=96.0, paper=204.0):
    a = np.asarray(img, dtype=np.float32) / 255.0
    h, w = a.shape[:2]
    yy = np.linspace(-1, 1, h, dtype=np.float32)[:, None]
    xx = np.linspace(-1, 1, w, dtype=np.float32)[None, :]
    pap = paper - 7.0 * (xx * xx + yy * yy) + 3.0 * yy
    out = ink + a * (pap - ink)
    rng = np.random.RandomState(seed)
    out = out + rng.normal(0.0, 2.0, out.shape).astype(np.float32)
    return Image.fromarray(np.clip(out, 0, 255).round().astype(np.uint8), "L")


def degrade(img, variant, seed):
    if variant == "clean":
        return img
    out = img
    for part in variant.split(","):
        if part.startswith("skew"):
            out = skew(out, float(part[4:]))
        elif part == "noisy":
            out = noisy(out, seed)
        elif part == "low-contrast":
            out = low_contrast(out, seed)
        elif part in ("clean", "1-bit"):
            pass
        else:
            raise ValueError(part)
    return out


# --- encoders -------------------------------------------------------------------------------


def enc_png(img, dpi):
    b = io.BytesIO()
    img.save(b, "PNG", dpi=(dpi, dpi), optimize=True)
    return b.getvalue()


def enc_png1(img, dpi):
    return enc_png(img.convert("L").point(lambda v: 255 if v >= 150 else 0).convert("1", dither=Image.Dither.NONE), dpi)


def enc_jpeg(img, dpi, q=82):
    b = io.BytesIO()
    img.save(b, "JPEG", dpi=(dpi, dpi), quality=q, optimize=False, progressive=False)
    return b.getvalue()


def enc_tiff(imgs, dpi):
    b = io.BytesIO()
    imgs[0].save(b, "TIFF", save_all=True, append_images=imgs[1:], compression="tiff_adobe_deflate",
                 dpi=(dpi, dpi))
    return b.getvalue()


def enc_pdf_scan(imgs, dpi, jpeg=True, q=80):
    pages = [enc_jpeg(i, dpi, q) if jpeg else enc_png(i, dpi) for i in imgs]
    return img2pdf.convert(pages, nodate=True, engine=img2pdf.Engine.internal,
                           producer="make-samples.py (img2pdf)", title="scan")


# --- rendering helpers ----------------------------------------------------------------------


def raster(builder, dpi):
    d, fields = builder(lambda i: RasterBackend(dpi))
    return [b.img for b in d.pages], d.truth, fields


def born_digital(builder, title):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1, pageCompression=1)
    c.setTitle(title)
    c.setAuthor("UBND phường Điện Biên (synthetic)")
    c.setCreator("make-samples.py")
    c.setProducer("reportlab")

    def factory(i):
        if i > 0:
            c.showPage()
        return PdfBackend(c)

    d, fields = builder(factory)
    c.showPage()
    c.save()
    return buf.getvalue(), d.truth, fields


# --- output ---------------------------------------------------------------------------------
ROWS = []


def write(rel, data):
    p = os.path.join(OUT, rel)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, "wb") as f:
        f.write(data)


def truth(rel, doc_type, owner, variant, dpi, pages, fields, barcodes=(), dup=None, dup_kind=None,
          dossier=None, component="", flags=()):
    obj = {
        "file": os.path.basename(rel),
        "docType": doc_type,
        "owner": owner,
        "variant": variant,
        "dpi": dpi,
        "pages": [{"text": nfc("\n".join(lines))} for lines in pages],
        "fields": {k: nfc(v) for k, v in fields.items()},
        "barcodes": [nfc(b) for b in barcodes],
        "duplicateOf": dup,
        "duplicateKind": dup_kind,
        "expectedFlags": list(flags),
    }
    write(rel + ".truth.json", (json.dumps(obj, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    ROWS.append(dict(path=rel, owner=owner, procedure=dossier["procedure"], dossier=dossier["dossier"],
                     agency=dossier["agency"], component=component, docType=doc_type, variant=variant,
                     dpi=dpi, pages=len(pages), dup=dup or ""))
    return obj


def sample(rel, doc_type, owner, variant, dpi, fmt, pages_imgs, pages_truth, fields, dossier, component,
           barcodes=(), q=82, flags=()):
    seed = seed_of(rel)
    imgs = [degrade(im, variant, seed + i) for i, im in enumerate(pages_imgs)]
    if fmt in ("png", "png1", "jpeg"):
        assert len(imgs) == 1, (rel, len(imgs))
    if fmt == "png":
        data = enc_png(imgs[0], dpi)
    elif fmt == "png1":
        data = enc_png1(imgs[0], dpi)
    elif fmt == "jpeg":
        data = enc_jpeg(imgs[0], dpi, q)
    elif fmt == "tiff":
        data = enc_tiff(imgs, dpi)
    elif fmt == "pdf-scan":
        data = enc_pdf_scan(imgs, dpi, q=q)
    else:
        raise ValueError(fmt)
    write(rel, data)
    truth(rel, doc_type, owner, variant, dpi, pages_truth, fields, barcodes, dossier=dossier, component=component,
          flags=flags)
    return imgs


def copy_identical(src, dst, dossier, component):
    os.makedirs(os.path.dirname(os.path.join(OUT, dst)), exist_ok=True)
    shutil.copyfile(os.path.join(OUT, src), os.path.join(OUT, dst))
    t = json.load(open(os.path.join(OUT, src + ".truth.json"), encoding="utf-8"))
    truth(dst, t["docType"], t["owner"], t["variant"], t["dpi"], [p["text"].split("\n") for p in t["pages"]],
          t["fields"], t["barcodes"], dup=src, dup_kind="identical", dossier=dossier, component=component,
          flags=t["expectedFlags"])


def reencode(src, dst, kind, dossier, component):
    t = json.load(open(os.path.join(OUT, src + ".truth.json"), encoding="utf-8"))
    im = Image.open(os.path.join(OUT, src))
    im.load()
    if kind == "same-pixels":
        if dst.endswith(".tif"):
            data, variant = enc_tiff([im], t["dpi"]), t["variant"] + ",tiff-lossless"
        else:
            data, variant = enc_png(im, t["dpi"]), t["variant"] + ",png-lossless"
        back = Image.open(io.BytesIO(data))
        assert back.mode == im.mode and back.tobytes() == im.tobytes(), "lossless re-encode differs"
    else:
        data = enc_jpeg(im, t["dpi"], q=75)
        variant = t["variant"] + ",jpeg-q75"
    write(dst, data)
    truth(dst, t["docType"], t["owner"], variant, t["dpi"], [p["text"].split("\n") for p in t["pages"]],
          t["fields"], t["barcodes"], dup=src, dup_kind=kind, dossier=dossier, component=component,
          flags=t["expectedFlags"])


# --- the sample set -------------------------------------------------------------------------


def build():
    if os.path.isdir(OUT):
        for n in os.listdir(OUT):
            p = os.path.join(OUT, n)
            shutil.rmtree(p) if os.path.isdir(p) else os.remove(p)
    os.makedirs(OUT, exist_ok=True)

    B, M, C = D_BIRTH["dossier"], D_MAR["dossier"], D_COMP["dossier"]
    an, binh, chau, mst = AN["cccd"], BINH["cccd"], "038324000123", "2801234564"

    # 1-2  CCCD of Nguyễn Văn An, RGB, clean, 300 dpi
    im, tl, f, _ = cccd.front(AN, 300, seed=1)
    sample(f"{B}/cccd-mat-truoc.png", "cccd-front", an, "clean", 300, "png", [im], [tl], f, D_BIRTH,
           "Căn cước công dân của người đi đăng ký khai sinh")
    im, tl, f, qr = cccd.back(AN, 300, seed=2)
    sample(f"{B}/cccd-mat-sau.png", "cccd-back", an, "clean", 300, "png", [im], [tl], f, D_BIRTH,
           "Căn cước công dân của người đi đăng ký khai sinh", barcodes=[qr])
    # 3  Tờ khai đăng ký khai sinh, grey, clean, 300 dpi
    imgs, tl, f = raster(documents.to_khai_khai_sinh, 300)
    sample(f"{B}/to-khai-dang-ky-khai-sinh.png", "application-form", an, "clean", 300, "png", imgs, tl, f,
           D_BIRTH, "Tờ khai đăng ký khai sinh")
    # 4  Giấy chứng sinh, noisy, 200 dpi JPEG
    imgs, tl, f = raster(documents.giay_chung_sinh, 200)
    sample(f"{B}/giay-chung-sinh.jpg", "other", chau, "noisy", 200, "jpeg", imgs, tl, f, D_BIRTH,
           "Giấy chứng sinh", q=80)
    # 5  Giấy chứng nhận kết hôn of the parents, 1-bit PNG, 300 dpi
    imgs, tl, f = raster(documents.giay_chung_nhan_ket_hon, 300)
    sample(f"{B}/giay-chung-nhan-ket-hon.png", "other", an, "1-bit", 300, "png1", imgs, tl, f, D_BIRTH,
           "Giấy chứng nhận kết hôn của cha mẹ")
    # 6  Giấy khai sinh (the result), grey, clean, 300 dpi
    imgs, tl, f = raster(documents.giay_khai_sinh, 300)
    sample(f"{B}/giay-khai-sinh.png", "birth-certificate", chau, "clean", 300, "png", imgs, tl, f, D_BIRTH,
           "Kết quả: Giấy khai sinh (KQ.G15.000031)")

    # 7-8  CCCD of Lê Thị Bình: front RGB JPEG skew -1.5 300 dpi; back grey JPEG skew +2.5 200 dpi
    im, tl, f, _ = cccd.front(BINH, 300, seed=3)
    sample(f"{M}/cccd-mat-truoc.jpg", "cccd-front", binh, "skew-1.5", 300, "jpeg", [im], [tl], f, D_MAR,
           "Căn cước công dân của người yêu cầu", q=88)
    im, tl, f, qr = cccd.back(BINH, 200, seed=4)
    sample(f"{M}/cccd-mat-sau.jpg", "cccd-back", binh, "skew+2.5", 200, "jpeg", [im.convert("L")], [tl], f,
           D_MAR, "Căn cước công dân của người yêu cầu", barcodes=[qr], q=85)
    # 9  Tờ khai cấp GXN TTHN, noisy, 200 dpi JPEG
    imgs, tl, f = raster(documents.to_khai_xac_nhan_tthn, 200)
    sample(f"{M}/to-khai-cap-giay-xac-nhan-tthn.jpg", "application-form", binh, "noisy", 200, "jpeg", imgs, tl,
           f, D_MAR, "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân", q=80)
    # 10  Giấy xác nhận TTHN (result), low-contrast, single-page scanned PDF, 300 dpi
    imgs, tl, f = raster(documents.giay_xac_nhan_tthn, 300)
    sample(f"{M}/giay-xac-nhan-tthn.pdf", "marital-status-certificate", binh, "low-contrast", 300, "pdf-scan",
           imgs, tl, f, D_MAR, "Kết quả: Giấy xác nhận tình trạng hôn nhân", q=75)

    # 11  Đơn đề nghị (company), 2 pages, scanned PDF, skew +1.2, 200 dpi
    imgs, tl, f = raster(documents.don_de_nghi_cty, 200)
    sample(f"{C}/don-de-nghi-chuyen-muc-dich-su-dung-dat.pdf", "application-form", mst, "skew+1.2", 200,
           "pdf-scan", imgs, tl, f, D_COMP, "Đơn đề nghị chuyển mục đích sử dụng đất", q=80)
    # 12  Giấy chứng nhận ĐKDN, low-contrast, 200 dpi JPEG
    imgs, tl, f = raster(documents.giay_cn_dkdn, 200)
    sample(f"{C}/giay-chung-nhan-dang-ky-doanh-nghiep.jpg", "other", mst, "low-contrast", 200, "jpeg", imgs, tl,
           f, D_COMP, "Giấy chứng nhận đăng ký doanh nghiệp", q=82)
    # 13  CCCD of the legal representative: byte-identical copy of the birth dossier's scan
    copy_identical(f"{B}/cccd-mat-truoc.png", f"{C}/cccd-nguoi-dai-dien-theo-phap-luat.png", D_COMP,
                   "Căn cước công dân của người đại diện theo pháp luật")
    # 14  Công văn 312/UBND-ĐC: born-digital PDF with a real text layer
    data, tl, f = born_digital(documents.cong_van, "Công văn số 312/UBND-ĐC")
    rel = f"{C}/cong-van-312-UBND-DC.pdf"
    write(rel, data)
    truth(rel, "official-letter", mst, "born-digital", None, tl, f, dossier=D_COMP,
          component="Văn bản xác nhận hiện trạng sử dụng đất")
    # 15  Quyết định 45/QĐ-UBND (the result), 2 pages, multi-page grey TIFF, clean, 300 dpi
    imgs, tl, f = raster(documents.quyet_dinh, 300)
    assert len(imgs) == 2, len(imgs)
    sample(f"{C}/quyet-dinh-45-QD-UBND.tif", "decision", mst, "clean", 300, "tiff", imgs, tl, f, D_COMP,
           "Kết quả: Quyết định cho phép chuyển mục đích sử dụng đất")

    # 16-17  NEGATIVE case (§9.6): CCCD of Trần Văn Đức, whose number says "female" while the card says Nam
    duc = DUC["cccd"]
    im, tl, f, _ = cccd.front(DUC, 300, seed=5)
    sample(f"{D_NEG['dossier']}/cccd-mat-truoc.jpg", "cccd-front", duc, "noisy", 300, "jpeg", [im], [tl], f, D_NEG,
           "Căn cước công dân của người yêu cầu", q=85, flags=["cccd-sex-mismatch"])
    im, tl, f, qr = cccd.back(DUC, 300, seed=6)
    sample(f"{D_NEG['dossier']}/cccd-mat-sau.jpg", "cccd-back", duc, "low-contrast", 300, "jpeg", [im.convert("L")],
           [tl], f, D_NEG, "Căn cước công dân của người yêu cầu", barcodes=[qr], q=85, flags=["cccd-sex-mismatch"])

    # misc/: stray duplicates (same dossier as their original)
    copy_identical(f"{B}/to-khai-dang-ky-khai-sinh.png", "misc/scan0001.png", D_BIRTH, "Tờ khai đăng ký khai sinh")
    reencode(f"{B}/giay-khai-sinh.png", "misc/giay-khai-sinh.tif", "same-pixels", D_BIRTH,
             "Kết quả: Giấy khai sinh (KQ.G15.000031)")
    reencode(f"{B}/giay-khai-sinh.png", "misc/giay-khai-sinh.jpg", "reencoded-lossy", D_BIRTH,
             "Kết quả: Giấy khai sinh (KQ.G15.000031)")
    reencode(f"{M}/cccd-mat-sau.jpg", "misc/cccd-mat-sau-binh.png", "same-pixels", D_MAR,
             "Căn cước công dân của người yêu cầu")

    # manifest
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["path", "owner", "procedure", "dossier", "agency", "component"])
    for r in ROWS:
        w.writerow([r["path"], r["owner"], r["procedure"], r["dossier"], r["agency"], r["component"]])
    write("manifest.csv", buf.getvalue().encode("utf-8"))
    write("README.md", readme().encode("utf-8"))


def human(n):
    return f"{n / 1024:.0f} KB" if n < 1024 * 1024 else f"{n / 1048576:.2f} MB"


def readme():
    lines = []
    for r in ROWS:
        size = os.path.getsize(os.path.join(OUT, r["path"]))
        lines.append(f"| `{r['path']}` | {r['docType']} | {r['variant']} | {r['dpi'] or '–'} | {r['pages']} | "
                     f"{human(size)} | {('`' + r['dup'] + '`') if r['dup'] else ''} |")
    table = "| File | docType | variant | dpi | pages | size | duplicate of |\n|---|---|---|---|---|---|---|\n" + \
        "\n".join(lines)
    tmpl = open(os.path.join(HERE, "samples", "README.template.md"), encoding="utf-8").read()
    return tmpl.replace("{{TABLE}}", table)


if __name__ == "__main__":
    build()
    print(f"wrote {len(ROWS)} samples to {OUT}")
