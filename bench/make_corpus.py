#!/usr/bin/python3
"""Synthetic backfill corpus: N scanned pages of Vietnamese administrative dossiers in nested folders.

Usage:
    /usr/bin/python3 bench/make_corpus.py OUTDIR --pages N [--dup-share 0.3] [--reencode-share 0.1]
                                          [--seed 1] [--jobs CORES]

Needs Debian's Python (not a pyenv one) and the packages of scripts/make-samples.py
(python3-pil python3-numpy python3-img2pdf qrencode fonts-dejavu-core fonts-dejavu-extra); the page
builders are those of scripts/samples/ (found next to this script's parent folder, or in $WAREHOUSE_REPO).

What it writes (OUTDIR is emptied first if it holds an earlier corpus, refused if it holds anything else):
    OUTDIR/<commune>/<year>/<dossier code>/<file>   the scans: PNG, JPEG, TIFF (some multi-page) and
                                                    scanned PDFs, 200 or 300 dpi, some skewed/noisy
    OUTDIR/manifest.csv   path,owner,procedure,dossier,agency,component (format of SampleScans/manifest.csv;
                          paths relative to OUTDIR)
    OUTDIR/truth.jsonl    one JSON object per file: path, pages, kind (original | exact-dup | reencoded-dup),
                          source (the original, for dups), text (ground truth, one string per page, NFC,
                          lines joined by "\\n"), plus format, dpi, variants, owner, dossier, docs, render
                          (originals with the same render key show the same card/document, scanned twice),
                          reencode and samePixels (re-encoded dups), sha256 of the file

--pages counts pages, duplicates included. --dup-share is the share of those pages that are exact byte
copies of an original placed in another folder; --reencode-share the share that are re-encodes of a
single-page original (PNG<->TIFF and JPEG->PNG keep the pixels; some JPEGs are re-saved at a lower quality).
Both are shares of N, so the defaults give 60 % originals, 30 % exact and 10 % re-encoded duplicates.

Every original page is unique: A4 pages carry a one-line reception footer with the dossier code, the
component and the page number (it is in the truth, as the last line of the page); CCCD cards are drawn
per person. Same --seed and --pages give byte-identical output, whatever --jobs.

Noisy and low-contrast pages are written only as JPEG or JPEG-in-PDF (lossless they are 5 MB a page).
Differences from make-samples.py, for speed: PNG is written with zlib level 6 instead of optimize=True
(7x faster), rotation is bilinear, and the noise is drawn with numpy's Generator. libtiff's unwritten
alignment bytes are zeroed so that TIFFs are reproducible too.
Speed: about 0.13 CPU-seconds per original page; 1 000 pages take ~45 s on 2 cores, 10 000 ~7 min (4 GB).
"""
import argparse
import csv
import hashlib
import io
import json
import multiprocessing
import os
import random
import shutil
import struct
import sys
import time
import unicodedata

sys.dont_write_bytecode = True  # never leave __pycache__ in scripts/samples/


def find_scripts_dir():
    here = os.path.dirname(os.path.abspath(__file__))
    for root in (os.path.dirname(here), os.environ.get("WAREHOUSE_REPO", "")):
        if root and os.path.isdir(os.path.join(root, "scripts", "samples")):
            return os.path.join(root, "scripts")
    sys.exit("make_corpus.py: cannot find scripts/samples/ (run it from the repo's bench/, or set WAREHOUSE_REPO)")


sys.path.insert(0, find_scripts_dir())

try:
    import img2pdf  # noqa: E402
    import numpy as np  # noqa: E402
    from PIL import Image, ImageDraw, ImageFilter, ImageFont  # noqa: E402
    from samples import cccd, documents  # noqa: E402
    from samples.engine import A4_H, FONT_DIR, FONTS, RasterBackend, mm, nfc  # noqa: E402
except ImportError as e:
    sys.exit(f"make_corpus.py: {e}; run it with Debian's /usr/bin/python3 "
             "(apt-get install python3-pil python3-numpy python3-img2pdf python3-reportlab qrencode)")

# --- places, procedures ----------------------------------------------------------------------------
# (folder, agency e-identifier, "phường"/"xã", name). Birth and marital-status dossiers are received by
# the family's commune, land-use dossiers by the provincial People's Committee (as in SampleScans/).
COMMUNES = [
    ("phuong-dien-bien", "000.12.34.H56", "phường", "Điện Biên"),
    ("phuong-lam-son", "000.13.34.H56", "phường", "Lam Sơn"),
    ("phuong-dong-ve", "000.14.34.H56", "phường", "Đông Vệ"),
    ("phuong-ba-dinh", "000.15.34.H56", "phường", "Ba Đình"),
    ("xa-quang-phu", "000.21.34.H56", "xã", "Quảng Phú"),
    ("xa-hoang-quang", "000.22.34.H56", "xã", "Hoằng Quang"),
    ("xa-quang-thang", "000.23.34.H56", "xã", "Quảng Thắng"),
]
PROVINCE = ("tinh-thanh-hoa", "000.00.00.H56")

# procedure code -> components: (file stem, page source, whose, component name as in SampleScans/manifest.csv)
# page source "cccd-front"/"cccd-back" is a card of `whose`; anything else is a documents.* builder.
PROCEDURES = {
    "1.001193": [
        ("cccd-mat-truoc", "cccd-front", "father", "Căn cước công dân của người đi đăng ký khai sinh"),
        ("cccd-mat-sau", "cccd-back", "father", "Căn cước công dân của người đi đăng ký khai sinh"),
        ("to-khai-dang-ky-khai-sinh", "to_khai_khai_sinh", "father", "Tờ khai đăng ký khai sinh"),
        ("giay-chung-sinh", "giay_chung_sinh", "child", "Giấy chứng sinh"),
        ("giay-chung-nhan-ket-hon", "giay_chung_nhan_ket_hon", "father", "Giấy chứng nhận kết hôn của cha mẹ"),
        ("giay-khai-sinh", "giay_khai_sinh", "child", "Kết quả: Giấy khai sinh"),
    ],
    "1.004873": [
        ("cccd-mat-truoc", "cccd-front", "mother", "Căn cước công dân của người yêu cầu"),
        ("cccd-mat-sau", "cccd-back", "mother", "Căn cước công dân của người yêu cầu"),
        ("to-khai-cap-giay-xac-nhan-tthn", "to_khai_xac_nhan_tthn", "mother",
         "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân"),
        ("giay-xac-nhan-tthn", "giay_xac_nhan_tthn", "mother", "Kết quả: Giấy xác nhận tình trạng hôn nhân"),
    ],
    "1.013992": [
        ("don-de-nghi-chuyen-muc-dich-su-dung-dat", "don_de_nghi_cty", "company",
         "Đơn đề nghị chuyển mục đích sử dụng đất"),
        ("giay-chung-nhan-dang-ky-doanh-nghiep", "giay_cn_dkdn", "company", "Giấy chứng nhận đăng ký doanh nghiệp"),
        ("cccd-nguoi-dai-dien-theo-phap-luat", "cccd-front", "father",
         "Căn cước công dân của người đại diện theo pháp luật"),
        ("cong-van-xac-nhan-hien-trang", "cong_van", "company", "Văn bản xác nhận hiện trạng sử dụng đất"),
        ("quyet-dinh-chuyen-muc-dich", "quyet_dinh", "company",
         "Kết quả: Quyết định cho phép chuyển mục đích sử dụng đất"),
    ],
}
PROC_WEIGHTS = {"1.001193": 0.45, "1.004873": 0.35, "1.013992": 0.20}
MAIN_OWNER = {"1.001193": "father", "1.004873": "mother", "1.013992": "company"}  # owner of a bundled scan
DOC_PAGES = {"don_de_nghi_cty": 2, "quyet_dinh": 2}  # every other source has one page
BUNDLE_COMPONENT = "Hồ sơ scan gộp (tờ khai và giấy tờ kèm theo)"
EXT = {"png": ".png", "png1": ".png", "jpeg": ".jpg", "tiff": ".tif", "pdf": ".pdf"}

# --- synthetic people -----------------------------------------------------------------------------
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Trịnh", "Mai"]
MIDDLE_M = ["Văn", "Đức", "Minh", "Quang", "Hữu", "Thành", "Công", "Xuân"]
MIDDLE_F = ["Thị", "Ngọc", "Thu", "Thanh", "Hồng", "Minh", "Thùy"]
GIVEN_M = ["An", "Bình", "Cường", "Dũng", "Hùng", "Hải", "Khoa", "Long", "Nam", "Phong", "Quân", "Sơn", "Tuấn",
           "Việt", "Đạt", "Hiếu", "Thắng", "Tùng", "Trung", "Khánh"]
GIVEN_F = ["Anh", "Chi", "Dung", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Ngọc", "Nhung", "Phương",
           "Thảo", "Trang", "Vân", "Yến", "Hằng", "Châu", "My"]
PROVINCES = [("038", "Thanh Hóa"), ("038", "Thanh Hóa"), ("038", "Thanh Hóa"), ("040", "Nghệ An"),
             ("037", "Ninh Bình"), ("036", "Nam Định"), ("042", "Hà Tĩnh"), ("001", "Hà Nội")]
VILLAGES = ["Quảng Phú", "Hoằng Quang", "Quảng Thắng", "Thiệu Dương", "Đông Lĩnh", "Hoằng Đại", "Quảng Tâm"]
STREETS = ["Lê Lợi", "Trần Phú", "Hàm Nghi", "Bà Triệu", "Quang Trung", "Nguyễn Trãi", "Tống Duy Tân", "Lê Lai"]
HAMLETS = ["Đông", "Tây", "Nam", "Bắc", "Trung", "Thượng", "Hạ", "Phú Xá"]
MARKS = ["Nốt ruồi C:1cm trên sau đuôi mắt trái", "Sẹo chấm C:2cm dưới trước cằm",
         "Nốt ruồi C:1,5cm dưới sau mép phải", "Sẹo chấm C:1cm trên trước lông mày phải",
         "Nốt ruồi C:2cm dưới sau cánh mũi trái", "Sẹo chấm C:1cm dưới sau đuôi mắt phải"]
FIRMS = ["Sao Mai", "Hồng Phát", "Minh Long", "Thành Đạt", "Phú Gia", "An Khang", "Việt Tiến", "Hoàng Long",
         "Đông Á", "Lam Sơn", "Hải Đăng", "Tân Thành"]

_measure_fonts = {}


def card_text_fits(text, key, pt, avail_mm):
    """True when `text` fits on the card (cccd.Card asserts it), with 2 mm to spare for font rounding."""
    if key not in _measure_fonts:
        _measure_fonts[key] = ImageFont.truetype(FONT_DIR + FONTS[key], 200)
    return _measure_fonts[key].getlength(text) / 200 * pt * 25.4 / 72 <= avail_mm - 2.0


def ascii_fold(s):
    s = s.replace("Đ", "D").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def dmy(y, m, d):
    return f"{d:02d}/{m:02d}/{y:04d}"


def person(rng, male, born_from, born_to, commune, cmnd=True):
    """A dict with the keys the samples' builders read from people.AN / people.BINH."""
    for _ in range(100):
        sur = rng.choice(SURNAMES)
        mid = rng.choice(MIDDLE_M if male else MIDDLE_F)
        giv = rng.choice(GIVEN_M if male else GIVEN_F)
        name = f"{sur} {mid} {giv}"
        code, prov = rng.choice(PROVINCES)
        y, m, d = rng.randint(born_from, born_to), rng.randint(1, 12), rng.randint(1, 28)
        folder, agency, kind, cname = commune
        if kind == "xã":
            short = f"Thôn {rng.choice(HAMLETS)}, xã {cname}, Thanh Hóa"
            full = f"Thôn {rng.choice(HAMLETS)}, xã {cname}, thành phố Thanh Hóa, tỉnh Thanh Hóa"
        else:
            street = f"Số {rng.randint(1, 199)} phố {rng.choice(STREETS)}, phường {cname}"
            short, full = street + ", Thanh Hóa", street + ", thành phố Thanh Hóa, tỉnh Thanh Hóa"
        que = f"Xã {rng.choice(VILLAGES)}, {prov}"
        mark = rng.choice(MARKS)
        if (card_text_fits(short, "sansc", 6.6, 85.6 - 1.5 - 24.5) and card_text_fits(que, "sansc", 6.6, 59.6)
                and card_text_fits(name.upper(), "sans-b", 8.4, 59.6) and len(full) <= 76):
            break
    else:
        raise RuntimeError("no synthetic person fits on the card")
    iy = rng.randint(2021, 2023)
    age = iy - y
    exp_age = 25 if age < 23 else (40 if age < 38 else 60)
    parts = ascii_fold(name).upper().split()
    cccd_no = f"{code}{(0 if male else 1) + 2 * (y // 100 - 19)}{y % 100:02d}{rng.randint(0, 999999):06d}"
    return dict(hoTen=name, caps=name.upper(), mrzName=parts[0] + "<<" + "<".join(parts[1:]),
                cccd=cccd_no, cmnd=f"17{rng.randint(0, 9999999):07d}" if cmnd else "",
                ngaySinh=dmy(y, m, d), iso=f"{y:04d}-{m:02d}-{d:02d}", gioiTinh="Nam" if male else "Nữ",
                queQuan=que, thuongTru=short, cuTruDayDu=full,
                ngayCap=dmy(iy, rng.randint(1, 12), rng.randint(1, 28)), coGiaTriDen=dmy(y + exp_age, m, d),
                nhanDang=mark, phone=f"09{rng.randint(0, 99):02d} {rng.randint(0, 999):03d} {rng.randint(0, 999):03d}")


def mst(rng):
    """A 10-digit tax code of Thanh Hóa (28) with a valid check digit (see Sources/WarehouseCore/Codes/MST.swift)."""
    weights = [31, 29, 23, 19, 17, 13, 7, 5, 3]
    while True:
        prefix = "28" + f"{rng.randint(1, 9999999):07d}"
        check = 10 - sum(w * int(c) for w, c in zip(weights, prefix)) % 11
        if check < 10:
            return prefix + str(check)


def family(rng, idx):
    commune = rng.choice(COMMUNES)
    father = person(rng, True, 1975, 1998, commune)
    mother = person(rng, False, 1978, 2000, commune, cmnd=rng.random() < 0.5)
    mother["cuTruDayDu"], mother["thuongTru"] = father["cuTruDayDu"], father["thuongTru"]
    cy = rng.randint(2019, 2024)
    cm, cd = rng.randint(1, 12), rng.randint(1, 28)
    child_name = f"{father['hoTen'].split()[0]} {mother['hoTen'].split()[0]} {rng.choice(MIDDLE_F)} {rng.choice(GIVEN_F)}"
    child = dict(hoTen=child_name, caps=child_name.upper(), cccd=f"0383{cy % 100:02d}{rng.randint(0, 999999):06d}",
                 ngaySinh=dmy(cy, cm, cd), iso=f"{cy:04d}-{cm:02d}-{cd:02d}", gioiTinh="Nữ")
    firm = f"Công ty TNHH {rng.choice(FIRMS)} Thanh Hóa"
    company = dict(ten=firm, mst=mst(rng),
                   diaChi=f"Số {rng.randint(1, 199)} đường {rng.choice(STREETS)}, phường {rng.choice(COMMUNES[:4])[3]}, "
                          "thành phố Thanh Hóa, tỉnh Thanh Hóa",
                   phone=f"0237 3{rng.randint(0, 999):03d} {rng.randint(0, 999):03d}")
    return dict(idx=idx, commune=commune, father=father, mother=mother, child=child, company=company,
                child_year=cy, card_seed=rng.randint(1, 1000))


def owner_of(fam, whose):
    return fam["company"]["mst"] if whose == "company" else fam[whose]["cccd"]


# --- the plan (main process, one seeded RNG: the whole corpus is decided here) ------------------------


def page_variant(rng, card, fmt):
    """Degradations of one page: (variant label, skew angle, noise seed). Noisy and low-contrast pages go
    only into lossy files (JPEG, PDF of JPEGs): as a lossless PNG/TIFF they are 5 MB and take a second
    to encode, and a scanner set to such a mode writes JPEG anyway."""
    r = rng.random()
    if fmt in ("png", "png1", "tiff"):
        parts = [] if r < 0.7 else ["skew"]
    elif card:
        parts = [] if r < 0.45 else (["skew"] if r < 0.7 else (["noisy"] if r < 0.9 else ["skew", "noisy"]))
    else:
        parts = ([] if r < 0.4 else ["skew"] if r < 0.6 else ["noisy"] if r < 0.78 else
                 ["skew", "noisy"] if r < 0.9 else ["low-contrast"])
    angle = 0.0
    if "skew" in parts:
        angle = round(rng.uniform(0.4, 3.0 if card else 2.0) * rng.choice((-1, 1)), 2)
    label = ",".join(f"skew{angle:+.2f}" if p == "skew" else p for p in parts) or "clean"
    return label, angle, rng.randrange(2 ** 31)


def plan(n_pages, dup_share, reenc_share, seed):
    rng = random.Random(seed)
    n_exact = round(n_pages * dup_share)
    n_reenc = round(n_pages * reenc_share)
    n_orig = n_pages - n_exact - n_reenc
    if n_orig < 1 or n_orig < n_reenc:
        sys.exit("make_corpus.py: too few originals for these shares (need originals >= re-encoded dups)")

    families, files = [], []   # files: dicts (see make_file); originals first
    dossiers = []              # (family idx, folder, procedure, dossier code, agency)
    used_codes, used_paths, used_stems = set(), set(), set()
    used_offsets = set()  # (family, card, dpi, dx, dy): two scans of one card never share pixels
    left = n_orig

    def unique_path(folder, stem, ext):
        # unique path and unique stem per folder (so a <stem>.pdf written next to it never collides)
        k, s = 1, stem
        while os.path.join(folder, s + ext) in used_paths or (folder, s) in used_stems:
            k += 1
            s = f"{stem}-{k}"
        used_paths.add(os.path.join(folder, s + ext))
        used_stems.add((folder, s))
        return os.path.join(folder, s + ext)

    while left > 0:
        fam = family(rng, len(families))
        families.append(fam)
        procs = [p for p in PROCEDURES if rng.random() < PROC_WEIGHTS[p] * 1.6] or \
            [rng.choices(list(PROC_WEIGHTS), weights=list(PROC_WEIGHTS.values()))[0]]
        for proc in procs:
            if left <= 0:
                break
            if proc == "1.013992":
                cfolder, agency = PROVINCE
            else:
                cfolder, agency = fam["commune"][0], fam["commune"][1]
            year = fam["child_year"] if proc == "1.001193" else rng.randint(2019, 2024)
            while True:
                code = f"{agency}-{year % 100:02d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}-{rng.randint(1, 300):04d}"
                if code not in used_codes:
                    used_codes.add(code)
                    break
            folder = os.path.join(cfolder, str(year), code)
            dossiers.append((fam["idx"], folder, proc, code, agency))
            comps = [c for c in PROCEDURES[proc] if rng.random() < 0.9] or PROCEDURES[proc][:1]
            a4 = [c for c in comps if not c[1].startswith("cccd")]
            bundle = len(a4) >= 2 and rng.random() < 0.08
            groups = [[c] for c in comps if c not in a4 or not bundle] + ([a4] if bundle else [])
            for ci, group in enumerate(groups, 1):
                npages = sum(DOC_PAGES.get(c[1], 1) for c in group)
                if npages > left:
                    continue
                card = group[0][1].startswith("cccd")
                r = rng.random()
                if len(group) > 1:
                    fmt = "pdf" if r < 0.6 else "tiff"
                elif npages > 1:
                    fmt = "pdf" if r < 0.5 else "tiff"
                elif card:
                    fmt = "jpeg" if r < 0.55 else ("png" if r < 0.9 else "tiff")
                else:
                    fmt = "png" if r < 0.33 else "jpeg" if r < 0.68 else "tiff" if r < 0.83 else "pdf" if r < 0.95 else "png1"
                dpi = (300 if rng.random() < 0.75 else 200) if card else (200 if rng.random() < 0.45 else 300)
                pages, k = [], 0
                for stem, src, whose, comp in group:
                    for i in range(DOC_PAGES.get(src, 1)):
                        k += 1
                        var, angle, nseed = page_variant(rng, card, fmt)
                        offset = (0, 0)
                        if card:  # where the card lay on the scanner glass
                            while offset == (0, 0) or (fam["idx"], src, whose, dpi) + offset in used_offsets:
                                offset = (rng.randint(0, 40), rng.randint(0, 40))
                            used_offsets.add((fam["idx"], src, whose, dpi) + offset)
                        pages.append(dict(src=src, whose=whose, idx=i, variant=var, angle=angle, seed=nseed, offset=offset,
                                          stamp=None if card else f"Hồ sơ {code} - thành phần {ci} - trang {k}/{npages}",
                                          grey_card=card and src == "cccd-back" and rng.random() < 0.5))
                stem = "ho-so-scan" if len(group) > 1 else group[0][0]
                first = group[0]
                files.append(dict(
                    kind="original", path=unique_path(folder, stem, EXT[fmt]), fmt=fmt, dpi=dpi,
                    q=rng.randint(75, 90), fam=fam["idx"], pages=pages, dossier=len(dossiers) - 1,
                    owner=owner_of(fam, MAIN_OWNER[proc] if len(group) > 1 else first[2]),
                    component=BUNDLE_COMPONENT if len(group) > 1 else first[3],
                    docs=[c[1] for c in group],
                    render=[f"F{fam['idx']}:{c[1]}:{'company' if c[2] == 'company' else c[2]}" for c in group]))
                left -= npages
    originals = list(files)

    def other_dossier(src):
        """A dossier other than the source's, of the same family when it has one (70 %)."""
        same = [i for i, d in enumerate(dossiers) if d[0] == src["fam"] and i != src["dossier"]]
        if same and rng.random() < 0.7:
            return rng.choice(same)
        if len(dossiers) == 1:
            return 0
        while True:
            i = rng.randrange(len(dossiers))
            if i != src["dossier"]:
                return i

    def dup_row(src, kind, d, path, **extra):
        return dict(kind=kind, path=path, source=src["path"], fmt=extra.pop("fmt", src["fmt"]), dpi=src["dpi"],
                    fam=src["fam"], pages=src["pages"], dossier=d, owner=src["owner"], component=src["component"],
                    docs=src["docs"], render=src["render"], **extra)

    # re-encoded duplicates: single-page raster originals, each used once
    raster1 = [f for f in originals if len(f["pages"]) == 1 and f["fmt"] != "pdf"]
    for src in rng.sample(raster1, n_reenc):
        if src["fmt"] == "jpeg":
            method = "jpeg->png" if rng.random() < 0.5 else "jpeg->jpeg"
        else:
            method = {"png": "png->tiff", "png1": "png1->tiff", "tiff": "tiff->png"}[src["fmt"]]
        fmt = {"png": "png", "jpeg": "jpeg", "tiff": "tiff"}[method.split("->")[1]]
        same_folder = rng.random() < 0.4
        d = src["dossier"] if same_folder else other_dossier(src)
        stem = os.path.splitext(os.path.basename(src["path"]))[0] + ("-ban-sao" if same_folder else "")
        files.append(dup_row(src, "reencoded-dup", d, unique_path(dossiers[d][1], stem, EXT[fmt]), fmt=fmt,
                             reencode=method, q=rng.randint(60, 74)))

    # exact duplicates: byte copies into another dossier's folder, n_exact pages in all
    left = n_exact
    pool = list(originals)
    rng.shuffle(pool)
    while left > 0:
        if not pool:
            pool = list(originals)
            rng.shuffle(pool)
        src = pool.pop()
        if len(src["pages"]) > left:
            if not any(len(f["pages"]) <= left for f in originals):
                sys.exit("make_corpus.py: no original small enough to finish the exact duplicates")
            continue
        d = other_dossier(src)
        base = os.path.basename(src["path"])
        stem, ext = os.path.splitext(base)
        if rng.random() < 0.25:
            stem = f"scan{rng.randint(1, 9999):04d}"
        files.append(dup_row(src, "exact-dup", d, unique_path(dossiers[d][1], stem, ext)))
        left -= len(src["pages"])
    return families, dossiers, files


# --- rendering and degradations (worker processes) ---------------------------------------------------


def render_source(fam, src, whose, dpi, grey_card):
    """Pages of one document or card for this family: list of (PIL image, truth lines)."""
    if src == "cccd-front":
        im, lines, _, _ = cccd.front(fam[whose], dpi, seed=fam["card_seed"])
        return [(im, lines)]
    if src == "cccd-back":
        im, lines, _, _ = cccd.back(fam[whose], dpi, seed=fam["card_seed"] + 1)
        return [(im.convert("L") if grey_card else im, lines)]
    # The builders read these module globals; point them at this family.
    documents.AN, documents.BINH, documents.CHAU = fam["father"], fam["mother"], fam["child"]
    documents.COMPANY = fam["company"]
    d, _ = getattr(documents, src)(lambda i: RasterBackend(dpi))
    return [(b.img, lines) for b, lines in zip(d.pages, d.truth)]


_stamp_fonts = {}


def stamp(img, dpi, text):
    """The reception footer, 8 pt sans, 8 mm above the bottom edge of an A4 page."""
    s = dpi / 72.0
    if dpi not in _stamp_fonts:
        _stamp_fonts[dpi] = ImageFont.truetype(FONT_DIR + FONTS["sans"], int(round(8 * s)))
    ImageDraw.Draw(img).text((mm(30) * s, (A4_H - mm(8)) * s), text, font=_stamp_fonts[dpi], fill=50, anchor="ls")


def shift(img, dx, dy):
    """The card lying dx, dy pixels further from the scan's top-left corner (same size, lid colour fill)."""
    out = Image.new(img.mode, img.size, img.getpixel((2, 2)))
    out.paste(img.crop((0, 0, img.width - dx, img.height - dy)), (dx, dy))
    return out


def skew(img, angle):
    fill = img.getpixel((2, 2))
    return img.rotate(angle, resample=Image.BILINEAR, expand=False, fillcolor=fill)


def noisy(img, seed, sigma=11.0):
    img = img.filter(ImageFilter.GaussianBlur(0.7))
    a = np.asarray(img, dtype=np.float32)
    a = a + np.random.default_rng(seed).standard_normal(a.shape, dtype=np.float32) * sigma
    h = a.shape[0]
    a += np.linspace(-6, 4, h, dtype=np.float32).reshape((h,) + (1,) * (a.ndim - 1))  # uneven light
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), img.mode)


def low_contrast(img, seed, ink=96.0, paper=204.0):
    a = np.asarray(img.convert("L"), dtype=np.float32) * (1 / 255.0)
    h, w = a.shape
    yy = np.linspace(-1, 1, h, dtype=np.float32)[:, None]
    xx = np.linspace(-1, 1, w, dtype=np.float32)[None, :]
    out = ink + a * ((paper - 7.0 * (xx * xx + yy * yy) + 3.0 * yy) - ink)
    out += np.random.default_rng(seed).standard_normal(out.shape, dtype=np.float32) * 2.0
    return Image.fromarray(np.clip(out, 0, 255).astype(np.uint8), "L")


def degrade(img, page):
    if page["offset"] != (0, 0):
        img = shift(img, *page["offset"])
    if page["angle"]:
        img = skew(img, page["angle"])
    if "noisy" in page["variant"]:
        img = noisy(img, page["seed"])
    if "low-contrast" in page["variant"]:
        img = low_contrast(img, page["seed"])
    return img


# --- encoders ---------------------------------------------------------------------------------------


def enc_png(img, dpi):
    b = io.BytesIO()
    img.save(b, "PNG", dpi=(dpi, dpi), compress_level=6)
    return b.getvalue()


def to_1bit(img):
    return img.convert("L").point(lambda v: 255 if v >= 150 else 0).convert("1", dither=Image.Dither.NONE)


def enc_jpeg(img, dpi, q):
    b = io.BytesIO()
    img.save(b, "JPEG", dpi=(dpi, dpi), quality=q, optimize=False, progressive=False)
    return b.getvalue()


def enc_tiff(imgs, dpi):
    b = io.BytesIO()
    comp = "group4" if imgs[0].mode == "1" else "tiff_adobe_deflate"
    imgs[0].save(b, "TIFF", save_all=True, append_images=imgs[1:], compression=comp, dpi=(dpi, dpi))
    return zero_tiff_padding(b.getvalue())


TIFF_TYPE_SIZE = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4}


def zero_tiff_padding(data):
    """libtiff leaves the word-alignment bytes it skips uninitialised, so the same pixels can give other
    bytes from run to run: zero every byte that no IFD, tag value or strip refers to."""
    assert data[:4] == b"II*\x00", "expected a little-endian classic TIFF"
    used = bytearray(len(data))
    used[0:8] = b"\x01" * 8

    def mark(off, n):
        used[off:off + n] = b"\x01" * n

    ifd = struct.unpack_from("<I", data, 4)[0]
    while ifd:
        (n,) = struct.unpack_from("<H", data, ifd)
        mark(ifd, 2 + 12 * n + 4)
        strips = {}
        for i in range(n):
            tag, typ, count, val = struct.unpack_from("<HHII", data, ifd + 2 + 12 * i)
            size = TIFF_TYPE_SIZE.get(typ, 1) * count
            if size > 4:
                mark(val, size)
            if tag in (273, 279):  # StripOffsets, StripByteCounts
                if size > 4:
                    fmt = "<%d%s" % (count, "H" if typ == 3 else "I")
                    strips[tag] = struct.unpack_from(fmt, data, val)
                else:
                    strips[tag] = struct.unpack_from("<%d%s" % (count, "H" if typ == 3 else "I"),
                                                     data, ifd + 2 + 12 * i + 8)
        for off, cnt in zip(strips.get(273, ()), strips.get(279, ())):
            mark(off, cnt)
        (ifd,) = struct.unpack_from("<I", data, ifd + 2 + 12 * n)
    out = np.frombuffer(data, dtype=np.uint8).copy()
    out[np.frombuffer(bytes(used), dtype=np.uint8) == 0] = 0
    return out.tobytes()


def enc_pdf_scan(imgs, dpi, q):
    return img2pdf.convert([enc_jpeg(i, dpi, q) for i in imgs], nodate=True, engine=img2pdf.Engine.internal,
                           producer="make_corpus.py (img2pdf)", title="scan")


def encode(imgs, fmt, dpi, q):
    if fmt == "png":
        return enc_png(imgs[0], dpi)
    if fmt == "png1":
        return enc_png(to_1bit(imgs[0]), dpi)
    if fmt == "jpeg":
        return enc_jpeg(imgs[0], dpi, q)
    if fmt == "tiff":
        return enc_tiff(imgs, dpi)
    if fmt == "pdf":
        return enc_pdf_scan(imgs, dpi, q)
    raise ValueError(fmt)


def write_bytes(out, rel, data):
    p = os.path.join(out, rel)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, "wb") as f:
        f.write(data)


def make_family_files(task):
    """Worker: renders and writes the originals of one family. Returns [(path, [page texts], sha256)]."""
    out, fam, specs = task
    cache = {}  # (src, whose, dpi, grey) -> rendered pages; lives for this family only
    done = []
    for spec in specs:
        imgs, texts = [], []
        for page in spec["pages"]:
            key = (page["src"], page["whose"], spec["dpi"], page["grey_card"])
            if key not in cache:
                cache[key] = render_source(fam, page["src"], page["whose"], spec["dpi"], page["grey_card"])
            rendered = cache[key]
            # a builder whose text runs one line longer than the sample's spills onto an extra page: keep the
            # planned page count (the page then ends before the signature; its truth is still exact)
            img, lines = rendered[min(page["idx"], len(rendered) - 1)]
            lines = list(lines)
            if page["stamp"]:
                img = img.copy()
                stamp(img, spec["dpi"], page["stamp"])
                lines.append(page["stamp"])
            imgs.append(degrade(img, page))
            texts.append(nfc("\n".join(lines)))
        data = encode(imgs, spec["fmt"], spec["dpi"], spec["q"])
        write_bytes(out, spec["path"], data)
        done.append((spec["path"], texts, hashlib.sha256(data).hexdigest()))
    return done


def make_reencode(task):
    """Worker: one re-encoded duplicate. Returns (path, samePixels, sha256)."""
    out, spec = task
    im = Image.open(os.path.join(out, spec["source"]))
    im.load()
    method, dpi = spec["reencode"], spec["dpi"]
    if method == "jpeg->jpeg":
        data = enc_jpeg(im, dpi, spec["q"])
    elif method.endswith("->tiff"):
        data = enc_tiff([im], dpi)
    else:
        data = enc_png(im, dpi)
    back = Image.open(io.BytesIO(data))
    same = back.mode == im.mode and back.size == im.size and back.tobytes() == im.tobytes()
    if method != "jpeg->jpeg":
        assert same, f"lossless re-encode {method} of {spec['source']} changed the pixels"
    write_bytes(out, spec["path"], data)
    return spec["path"], same, hashlib.sha256(data).hexdigest()


# --- main ---------------------------------------------------------------------------------------------


def prepare_outdir(out):
    if os.path.isdir(out) and os.listdir(out):
        if not os.path.exists(os.path.join(out, "truth.jsonl")):
            sys.exit(f"make_corpus.py: {out} is not empty and holds no earlier corpus (truth.jsonl); not touching it")
        for n in os.listdir(out):
            p = os.path.join(out, n)
            shutil.rmtree(p) if os.path.isdir(p) and not os.path.islink(p) else os.remove(p)
    os.makedirs(out, exist_ok=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("--pages", type=int, required=True, help="pages in all, duplicates included")
    ap.add_argument("--dup-share", type=float, default=0.3, help="share of pages that are exact byte copies")
    ap.add_argument("--reencode-share", type=float, default=0.1, help="share of pages that are re-encoded copies")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=os.cpu_count())
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args()
    if args.pages < 1 or not (0 <= args.dup_share < 1 and 0 <= args.reencode_share < 1):
        ap.error("--pages must be >= 1 and the shares in [0, 1)")
    out = os.path.abspath(args.outdir)
    t0 = time.perf_counter()
    prepare_outdir(out)
    families, dossiers, files = plan(args.pages, args.dup_share, args.reencode_share, args.seed)

    texts, same_pixels, sha = {}, {}, {}
    by_family = {}
    for f in files:
        if f["kind"] == "original":
            by_family.setdefault(f["fam"], []).append(f)
    tasks = [(out, families[i], specs) for i, specs in sorted(by_family.items())]
    # biggest families first so the last worker is not left with a long one
    tasks.sort(key=lambda t: -sum(len(s["pages"]) for s in t[2]))
    with multiprocessing.Pool(max(1, args.jobs)) as pool:
        n_done = 0
        for res in pool.imap_unordered(make_family_files, tasks):
            for path, t, h in res:
                texts[path], sha[path] = t, h
                n_done += len(t)
            if not args.quiet and sys.stderr.isatty():
                print(f"\r  originals: {n_done} pages", end="", file=sys.stderr)
        for f in files:  # exact copies need only the original
            if f["kind"] == "exact-dup":
                os.makedirs(os.path.dirname(os.path.join(out, f["path"])), exist_ok=True)
                shutil.copyfile(os.path.join(out, f["source"]), os.path.join(out, f["path"]))
                texts[f["path"]], sha[f["path"]] = texts[f["source"]], sha[f["source"]]
        reenc = [(out, f) for f in files if f["kind"] == "reencoded-dup"]
        for path, same, h in pool.imap_unordered(make_reencode, reenc, chunksize=4):
            same_pixels[path], sha[path] = same, h
    if not args.quiet and sys.stderr.isatty():
        print(file=sys.stderr)
    for f in files:
        if f["kind"] == "reencoded-dup":
            texts[f["path"]] = texts[f["source"]]
    # the kinds in truth.jsonl must hold: no two originals (or re-encodes) with the same bytes
    seen = {}
    for f in files:
        if f["kind"] != "exact-dup":
            if sha[f["path"]] in seen:
                sys.exit(f"make_corpus.py: BUG: {f['path']} has the same bytes as {seen[sha[f['path']]]}")
            seen[sha[f["path"]]] = f["path"]

    rows, manifest = [], []
    for f in sorted(files, key=lambda f: f["path"]):
        _, _, proc, code, agency = dossiers[f["dossier"]]
        row = dict(path=f["path"], pages=len(f["pages"]), kind=f["kind"], source=f.get("source"),
                   text=texts[f["path"]], sha256=sha[f["path"]], format=f["fmt"], dpi=f["dpi"],
                   variants=[p["variant"] for p in f["pages"]], owner=f["owner"], procedure=proc, dossier=code,
                   agency=agency, component=f["component"], docs=f["docs"], render=f["render"])
        if f["kind"] == "reencoded-dup":
            row["reencode"] = f["reencode"]
            row["samePixels"] = same_pixels[f["path"]]
        rows.append(json.dumps(row, ensure_ascii=False))
        manifest.append([f["path"], f["owner"], proc, code, agency, f["component"]])
    with open(os.path.join(out, "truth.jsonl"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(rows) + "\n")
    with open(os.path.join(out, "manifest.csv"), "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "owner", "procedure", "dossier", "agency", "component"])
        w.writerows(manifest)

    counts = {}
    for f in files:
        c = counts.setdefault(f["kind"], [0, 0])
        c[0] += 1
        c[1] += len(f["pages"])
    size = sum(os.path.getsize(os.path.join(out, f["path"])) for f in files)
    if not args.quiet:
        print(f"wrote {len(files)} files, {sum(c[1] for c in counts.values())} pages "
              f"({', '.join(f'{k}: {c[0]} files / {c[1]} pages' for k, c in sorted(counts.items()))}), "
              f"{len(dossiers)} dossiers, {size / 1e6:.0f} MB to {out} in {time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()
