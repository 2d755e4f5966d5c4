#!/usr/bin/env python3
"""Real-papers benchmark (issue 12), run by hand: `warehouse ingest` against the tesseract CLI, in one run.

Usage:
    python3 bench/real_papers/bench.py [--binary .build-release/release/warehouse] [--born-digital DIR]
                                       [--parts fields,cer,time,chars] [--keep DIR] [--json OUT]

Build first: swift build -c release --scratch-path .build-release
The born-digital corpus is made with make_born_digital.py (Debian's /usr/bin/python3, fonts-liberation2)
into a temporary folder unless --born-digital names one already made.

What it measures, on the same machine in the same run:
  fields  Key fields (loaiVanBan, soKyHieu, ngayBanHanh, coQuanBanHanh) of ../shared/real_vi against its
          fields.json: exact; right (exact, or for a slot fields.json says was handwritten: flagged
          needs-review with its crop stored); wrong but flagged; wrong and not flagged (the target is 0).
          The other fields (trichYeu, nguoiKy, chucVuNguoiKy) exact, for information. The same on the
          born-digital documents (their text layer, and their stamp-only scans).
  cer     Page character error rate against page truth: the transcribed real pages (truth/), and the
          born-digital pages clean (300 dpi grey), print-and-scan (JPEG) and 200-dpi bilevel (G4), ours
          and `tesseract IMG - -l vie` (OMP_THREAD_LIMIT=1) side by side. Whitespace is collapsed before
          comparing; the reading order counts (the truth is in the order of truth/README.md).
  time    CPU seconds per page: `warehouse ingest --jobs 1` of the page images and real PDFs, against
          the CLI (pdftoppm -r 300 -gray + tesseract for a PDF page).
  chars   Letters and digits of every page of the real PDFs, ours against the CLI's OCR of the page: no page
          may end with fewer characters than OCR gives it (the stamp-only text layer bug).
"""
import argparse, csv, glob, json, os, re, resource, shutil, sqlite3, subprocess, sys, tempfile, time, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
REAL = os.path.join(os.path.dirname(ROOT), "shared", "real_vi")
ENV = dict(os.environ, OMP_THREAD_LIMIT="1")
KEY_FIELDS = [("loaiVanBan", "kind"), ("soKyHieu", "number"), ("ngayBanHanh", "date"), ("coQuanBanHanh", "agency")]
OTHER_FIELDS = [("trichYeu", "subject"), ("nguoiKy", "signer"), ("chucVuNguoiKy", "signer_title")]
SLOT_OF = {"soKyHieu": "number", "ngayBanHanh": "day"}

try:
    from rapidfuzz.distance import Levenshtein as _lev

    def levenshtein(a, b):
        return _lev.distance(a, b)
except ImportError:  # pip install rapidfuzz makes the CER part 100x faster
    def levenshtein(a, b):
        prev = list(range(len(b) + 1))
        for i, ca in enumerate(a, 1):
            cur = [i]
            for j, cb in enumerate(b, 1):
                cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
            prev = cur
        return prev[-1]


def norm(text):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def cer(got, truth):
    g, t = norm(got), norm(truth)
    return levenshtein(g, t) / max(1, len(t))


def bag_error(got, truth):
    """Order-free word error: the share of the truth's words (a multiset) that the text lacks. Reading order
    does not count here, so it shows how well the words themselves were read."""
    from collections import Counter
    g, t = Counter(norm(got).split()), Counter(norm(truth).split())
    return 1 - sum((g & t).values()) / max(1, sum(t.values()))


def run_timed(cmd, **kw):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=ENV, **kw)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, proc


class Warehouse:
    """One temporary warehouse and the binary that files into it."""

    def __init__(self, binary, root):
        self.binary, self.storage = binary, root

    def ingest(self, files, jobs=1, without=None):
        cmd = [self.binary, "ingest", "--storage", self.storage, "--json", "--jobs", str(jobs), "--owner", "038090012345",
               "--procedure", "1.001193", "--dossier", "000.00.12.H56-241105-0007", "--agency", "000.00.12.H56"] + files
        if without:
            cmd += ["--without", without]
        wall, cpu, proc = run_timed(cmd)
        if proc.returncode not in (0, 3):
            sys.exit(f"ingest failed ({proc.returncode}): {proc.stderr[-2000:]}")
        return wall, cpu, json.loads(proc.stdout)

    def db(self):
        return sqlite3.connect(os.path.join(self.storage, "warehouse.sqlite"))

    def pages(self, sha):
        with self.db() as c:
            return [r[0] for r in c.execute("SELECT text FROM page WHERE blobId = ? ORDER BY number", (sha,))]

    def has_crop(self, sha, page, kind):
        with self.db() as c:
            return c.execute("SELECT 1 FROM slotCrop WHERE blobId = ? AND pageNumber = ? AND kind = ?", (sha, page, kind)).fetchone() is not None


def cli_ocr(image):
    wall, cpu, proc = run_timed(["tesseract", image, "-", "-l", "vie"])
    return cpu, proc.stdout


def render(pdf, page, out, dpi=300):
    wall, cpu, _ = run_timed(["pdftoppm", "-r", str(dpi), "-gray", "-png", "-f", str(page), "-l", str(page), "-singlefile", pdf, out])
    return cpu, out + ".png"


# MARK: - fields

def score_fields(truth_docs, outcomes, wh, folder, label):
    tally = {k: dict(exact=0, right=0, flagged_wrong=0, unflagged_wrong=0) for k, _ in KEY_FIELDS + OTHER_FIELDS}
    misses = []
    for doc in truth_docs:
        out = outcomes.get(doc["file"])
        if out is None:
            continue
        fields = out.get("fields", {})
        for name, key in KEY_FIELDS + OTHER_FIELDS:
            want = unicodedata.normalize("NFC", doc.get(key) or "")
            got = fields.get(name)
            value = got["value"] if got else None
            flags = got["flags"] if got else []
            t = tally[name]
            if value == want:
                t["exact"] += 1
                t["right"] += 1
                continue
            slot = SLOT_OF.get(name)
            handwritten = slot and (slot in doc.get("handwritten", []))
            evidence = got.get("evidence") if got else None
            crop = bool(evidence) and wh.has_crop(out["sha256"], evidence["page"] + 1, evidence["slot"])
            if handwritten and "needs-review" in flags and crop:
                t["right"] += 1
            elif "needs-review" in flags:
                t["flagged_wrong"] += 1
                misses.append(f"  {doc['file']}: {name} = {value!r} (flagged) want {want!r}")
            else:
                t["unflagged_wrong"] += 1
                misses.append(f"  {doc['file']}: {name} = {value!r} (NOT flagged) want {want!r}")
    n = len([d for d in truth_docs if d["file"] in outcomes])
    print(f"\n== Fields: {label} ({n} documents)")
    print(f"{'field':16} {'right':>7} {'exact':>7} {'wrong, flagged':>15} {'wrong, NOT flagged':>19}")
    total = dict(exact=0, right=0, flagged_wrong=0, unflagged_wrong=0)
    for name, _ in KEY_FIELDS:
        t = tally[name]
        print(f"{name:16} {t['right']:>7} {t['exact']:>7} {t['flagged_wrong']:>15} {t['unflagged_wrong']:>19}")
        for k in total:
            total[k] += t[k]
    cells = n * len(KEY_FIELDS)
    print(f"{'key fields':16} {total['right']:>7} {total['exact']:>7} {total['flagged_wrong']:>15} {total['unflagged_wrong']:>19}"
          f"   right {total['right'] / max(1, cells):.3f}, exact {total['exact'] / max(1, cells):.3f}")
    for name, _ in OTHER_FIELDS:
        t = tally[name]
        print(f"{name:16} {t['right']:>7} {t['exact']:>7} {t['flagged_wrong']:>15} {t['unflagged_wrong']:>19}")
    if misses:
        print("misses:\n" + "\n".join(misses))
    return dict(total, documents=n, rightShare=total["right"] / max(1, cells), exactShare=total["exact"] / max(1, cells),
                fields={k: v for k, v in tally.items()})


# MARK: - main

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build-release", "release", "warehouse"))
    ap.add_argument("--born-digital", help="a folder made by make_born_digital.py (made in a temporary folder otherwise)")
    ap.add_argument("--parts", default="fields,cer,time,chars", help="any of fields,cer,time,chars,steps")
    ap.add_argument("--steps", default="color-separation,normalize-background,upscale,deskew,slots,vietnamese-correction",
                    help="the steps --parts steps leaves out, one at a time")
    ap.add_argument("--keep", help="keep the warehouses and renders in this folder")
    ap.add_argument("--json", help="write the numbers to this file")
    args = ap.parse_args()
    parts = set(args.parts.split(","))
    if not os.path.exists(args.binary):
        sys.exit(f"no binary at {args.binary}: swift build -c release --scratch-path .build-release")
    work = args.keep or tempfile.mkdtemp(prefix="real-papers-")
    os.makedirs(work, exist_ok=True)
    results = {}

    born = args.born_digital
    if not born:
        born = os.path.join(work, "born_digital")
        if not os.path.exists(os.path.join(born, "fields.json")):
            subprocess.run(["/usr/bin/python3", os.path.join(HERE, "make_born_digital.py"), born], check=True)
    born_docs = json.load(open(os.path.join(born, "fields.json")))["docs"]
    real_docs = json.load(open(os.path.join(REAL, "fields.json")))["docs"]
    real_pdfs = [os.path.join(REAL, d["file"]) for d in real_docs]

    # Our pipeline over the real PDFs, once: the outcomes serve fields, chars and time.
    shutil.rmtree(os.path.join(work, "wh_real"), ignore_errors=True)
    real = Warehouse(args.binary, os.path.join(work, "wh_real"))
    wall, cpu, report = real.ingest(real_pdfs, jobs=1)
    real_pages = sum(f["pages"] for f in report["files"])
    results["ours_real_pdf"] = dict(cpu=cpu, wall=wall, pages=real_pages, cpuPerPage=cpu / real_pages)
    outcomes = {os.path.basename(f["file"]): f for f in report["files"]}

    # The born-digital PDFs (their text layer; the stamp-only ones OCR'd).
    shutil.rmtree(os.path.join(work, "wh_born"), ignore_errors=True)
    born_wh = Warehouse(args.binary, os.path.join(work, "wh_born"))
    _, _, r = born_wh.ingest([os.path.join(born, d["file"]) for d in born_docs], jobs=2)
    born_outcomes = {os.path.basename(f["file"]): f for f in r["files"]}

    if "fields" in parts:
        results["fields_real"] = score_fields(real_docs, outcomes, real, REAL, "real_vi (scanned, e-signed)")
        results["fields_born_digital"] = score_fields(
            born_docs, born_outcomes, born_wh, born, "born-digital PDFs (text layer; stamp-only scans OCR'd)")

    cli_cpu = 0.0
    cli_pages = 0
    cli_text = {}  # (pdf, page) -> text
    if "cer" in parts or "time" in parts or "chars" in parts:
        renders = os.path.join(work, "renders")
        os.makedirs(renders, exist_ok=True)
        for pdf in real_pdfs:
            n = outcomes[os.path.basename(pdf)]["pages"]
            for p in range(1, n + 1):
                stem = os.path.join(renders, f"{os.path.basename(pdf)[:-4]}_p{p}")
                c1, png = render(pdf, p, stem)
                c2, text = cli_ocr(png)
                cli_cpu += c1 + c2
                cli_pages += 1
                cli_text[(os.path.basename(pdf), p)] = text
        results["cli_real_pdf"] = dict(cpu=cli_cpu, pages=cli_pages, cpuPerPage=cli_cpu / max(1, cli_pages))

    if "cer" in parts:
        rows = []
        print("\n== Page CER (lower is better): ours / tesseract CLI")
        for gt in sorted(glob.glob(os.path.join(HERE, "truth", "*.gt.txt"))):
            m = re.match(r"(.+)_p(\d+)\.gt\.txt$", os.path.basename(gt))
            pdf, page = m.group(1) + ".pdf", int(m.group(2))
            truth = open(gt, encoding="utf-8").read()
            ours = real.pages(outcomes[pdf]["sha256"])[page - 1]
            rows.append(("real", f"{pdf[:-4]} p{page}", cer(ours, truth), cer(cli_text[(pdf, page)], truth),
                         bag_error(ours, truth), bag_error(cli_text[(pdf, page)], truth)))
        # The transcribed real pages rendered as 200-dpi bilevel scans (`pdftoppm -r 200 -mono`).
        mono = []
        for gt in sorted(glob.glob(os.path.join(HERE, "truth", "*.gt.txt"))):
            m = re.match(r"(.+)_p(\d+)\.gt\.txt$", os.path.basename(gt))
            stem = os.path.join(work, "renders", f"{m.group(1)}_p{m.group(2)}.bilevel200")
            subprocess.run(["pdftoppm", "-r", "200", "-mono", "-png", "-f", m.group(2), "-l", m.group(2), "-singlefile",
                            os.path.join(REAL, m.group(1) + ".pdf"), stem], check=True)
            mono.append((stem + ".png", open(gt, encoding="utf-8").read(), f"{m.group(1)} p{m.group(2)}"))
        shutil.rmtree(os.path.join(work, "wh_mono"), ignore_errors=True)
        mono_wh = Warehouse(args.binary, os.path.join(work, "wh_mono"))
        _, _, mr = mono_wh.ingest([m[0] for m in mono], jobs=2)
        by_mono = {f["file"]: f for f in mr["files"]}
        for image, truth, name in mono:
            ours = mono_wh.pages(by_mono[image]["sha256"])[0]
            _, text = cli_ocr(image)
            rows.append(("real-bilevel200", name, cer(ours, truth), cer(text, truth), bag_error(ours, truth), bag_error(text, truth)))
        shutil.rmtree(os.path.join(work, "wh_variants"), ignore_errors=True)
        variants_wh = Warehouse(args.binary, os.path.join(work, "wh_variants"))
        images = sorted(glob.glob(os.path.join(born, "*_p*.clean.png")) + glob.glob(os.path.join(born, "*_p*.printscan.jpg"))
                        + glob.glob(os.path.join(born, "*_p*.bilevel200.tif")))
        v_wall, v_cpu, vr = variants_wh.ingest(images, jobs=1)
        by_file = {f["file"]: f for f in vr["files"]}
        v_cli = 0.0
        for image in images:
            m = re.match(r"(.+_p\d+)\.(clean|printscan|bilevel200)\.", os.path.basename(image))
            truth = open(os.path.join(born, m.group(1) + ".gt.txt"), encoding="utf-8").read()
            f = by_file[image]
            ours = variants_wh.pages(f["sha256"])[0] if f["status"] != "quarantined" else ""
            c, text = cli_ocr(image)
            v_cli += c
            rows.append((m.group(2), m.group(1), cer(ours, truth), cer(text, truth), bag_error(ours, truth), bag_error(text, truth)))
        # Born-digital PDFs through their text layer, against pdftotext's reading order (the peer here).
        for d in born_docs:
            f = born_outcomes.get(d["file"])
            if d.get("text_layer") != "full" or f is None:
                continue
            pdf = os.path.join(born, d["file"])
            for p, ours in enumerate(born_wh.pages(f["sha256"]), 1):
                truth = open(os.path.join(born, f"{d['file'][:-4]}_p{p}.gt.txt"), encoding="utf-8").read()
                raw = subprocess.run(["pdftotext", "-f", str(p), "-l", str(p), pdf, "-"], capture_output=True, text=True).stdout
                rows.append(("layer", f"{d['file'][:-4]} p{p} (vs pdftotext)", cer(ours, truth), cer(raw, truth),
                             bag_error(ours, truth), bag_error(raw, truth)))
        groups = {}
        print(f"  {'':10} {'page':44} {'CER ours':>9} {'CLI':>7} {'words ours':>11} {'CLI':>7}")
        for kind, name, ours, theirs, bag_o, bag_t in rows:
            groups.setdefault(kind, []).append((ours, theirs, bag_o, bag_t))
            print(f"  {kind:10} {name:44} {ours:9.4f} {theirs:7.4f} {bag_o:11.4f} {bag_t:7.4f}")
        results["cer"] = {}
        def summary(label, pairs):
            o, t, bo, bt = (sum(p[k] for p in pairs) / len(pairs) for k in range(4))
            print(f"  mean {label} ({len(pairs)} pages): CER ours {o:.4f}, CLI {t:.4f}, ratio {o / t if t else float('nan'):.2f};"
                  f" word-bag error ours {bo:.4f}, CLI {bt:.4f}, ratio {bo / bt if bt else float('nan'):.2f}")
            return dict(pages=len(pairs), ours=o, cli=t, ratio=o / t if t else None, wordsOurs=bo, wordsCli=bt, wordsRatio=bo / bt if bt else None)
        for kind, pairs in groups.items():
            results["cer"][kind] = summary(kind, pairs)
        results["cer"]["all"] = summary("of the OCR'd pages", [p for kind, pairs in groups.items() if kind != "layer" for p in pairs])
        results["time_images"] = dict(ours=v_cpu, cli=v_cli, pages=len(images), ratio=v_cpu / v_cli if v_cli else None)

    if "steps" in parts:
        # Each new step left out in turn: what it costs (CPU per page) and brings (CER, word-bag error).
        print("\n== Steps (ingest --without STEP) on the transcribed real pages and the born-digital page images")
        images = sorted(glob.glob(os.path.join(born, "*_p*.clean.png")) + glob.glob(os.path.join(born, "*_p*.printscan.jpg"))
                        + glob.glob(os.path.join(born, "*_p*.bilevel200.tif")))
        truths = []
        for gt in sorted(glob.glob(os.path.join(HERE, "truth", "*.gt.txt"))):
            m = re.match(r"(.+)_p(\d+)\.gt\.txt$", os.path.basename(gt))
            truths.append((os.path.join(REAL, m.group(1) + ".pdf"), int(m.group(2)), open(gt, encoding="utf-8").read()))
        pdfs = sorted({t[0] for t in truths})
        results["steps"] = {}
        for step in [""] + args.steps.split(","):
            folder = os.path.join(work, f"wh_steps_{step or 'all'}")
            shutil.rmtree(folder, ignore_errors=True)
            wh = Warehouse(args.binary, folder)
            _, cpu, r = wh.ingest(images + pdfs, jobs=1, without=step or None)
            by_file = {f["file"]: f for f in r["files"]}
            pages = sum(f["pages"] for f in r["files"])
            errs = {}
            for image in images:
                m = re.match(r"(.+_p\d+)\.(clean|printscan|bilevel200)\.", os.path.basename(image))
                truth = open(os.path.join(born, m.group(1) + ".gt.txt"), encoding="utf-8").read()
                text = wh.pages(by_file[image]["sha256"])[0]
                errs.setdefault(m.group(2), []).append((cer(text, truth), bag_error(text, truth)))
            for pdf, page, truth in truths:
                text = wh.pages(by_file[pdf]["sha256"])[page - 1]
                errs.setdefault("real", []).append((cer(text, truth), bag_error(text, truth)))
            line = {k: (sum(e[0] for e in v) / len(v), sum(e[1] for e in v) / len(v)) for k, v in errs.items()}
            results["steps"][step or "all steps"] = dict(cpuPerPage=cpu / pages, **{k: dict(cer=a, words=b) for k, (a, b) in line.items()})
            print(f"  {'without ' + step if step else 'all steps':30} {cpu / pages:5.2f} s/page  "
                  + "  ".join(f"{k} CER {a:.4f} words {b:.4f}" for k, (a, b) in sorted(line.items())))

    if "time" in parts:
        print("\n== CPU seconds per page (ours with --jobs 1, against the CLI in the same run)")
        o = results["ours_real_pdf"]
        c = results["cli_real_pdf"]
        print(f"  real PDFs ({o['pages']} pages): ours {o['cpuPerPage']:.2f} s, CLI (pdftoppm + tesseract) {c['cpuPerPage']:.2f} s,"
              f" ratio {o['cpuPerPage'] / c['cpuPerPage']:.2f}")
        if "time_images" in results:
            t = results["time_images"]
            print(f"  page images ({t['pages']}): ours {t['ours'] / t['pages']:.2f} s, CLI {t['cli'] / t['pages']:.2f} s, ratio {t['ratio']:.2f}")

    if "chars" in parts:
        print("\n== Characters per page of the real PDFs (letters and digits): ours / the CLI's OCR")
        worst = None
        short = []
        for pdf in real_pdfs:
            f = outcomes[os.path.basename(pdf)]
            for p, text in enumerate(real.pages(f["sha256"]), 1):
                ours = sum(ch.isalnum() for ch in text)
                theirs = sum(ch.isalnum() for ch in cli_text[(os.path.basename(pdf), p)])
                ratio = ours / theirs if theirs >= 40 else None
                if ratio is not None and (worst is None or ratio < worst[0]):
                    worst = (ratio, os.path.basename(pdf), p, ours, theirs)
                if ratio is not None and ratio < 0.95:
                    short.append(f"  {os.path.basename(pdf)} p{p}: {ours} vs {theirs}")
        if worst:
            print(f"  lowest ratio {worst[0]:.3f} ({worst[1]} p{worst[2]}: {worst[3]} vs {worst[4]})")
        print("  pages under 0.95 of the CLI's characters:" + ("\n" + "\n".join(short) if short else " none"))
        results["chars"] = dict(lowestRatio=worst[0] if worst else None, under095=len(short))

    if args.json:
        json.dump(results, open(args.json, "w"), indent=2, ensure_ascii=False)
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
