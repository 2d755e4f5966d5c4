#!/usr/bin/python3
"""Backfill benchmark, run by hand: `warehouse backfill` against itself, the tesseract CLI and ocrmypdf.

Usage:
    /usr/bin/python3 bench/backfill_bench.py [--bin BINARY, default .build-release/release/warehouse] [--pages 200] [--jobs 2]
                                             [--skip-ocrmypdf] [--big] [--out summary.json] [--keep]

Generates two corpora of --pages pages with bench/make_corpus.py under a fresh /tmp/backfill-bench-*/
(one without duplicates, one with --dup-share exact and --reencode-share re-encoded duplicates, default
0.3 and 0.1), then measures, in this one run, on the same pages:
  a. `warehouse backfill --jobs 1` vs `--jobs J` on the 0 % corpus: wall, pages/s, speed-up (target >= 1.8);
  b. `warehouse backfill --jobs J` vs `tesseract IMG - -l vie` over the same pages (multi-page TIFF and
     PDF pages turned into PNG first, untimed), J at a time with xargs -P J and one at a time:
     wall and CPU seconds per page, and their ratios;
  c. `warehouse backfill --jobs J --pdf-dir DIR` vs `ocrmypdf -l vie --output-type pdf` (J files at a time,
     -j 1 each, --image-dpi for images): seconds per page and the CER of each against the truth
     (pdftotext -raw; CER = Levenshtein over NFC text with whitespace collapsed / truth length, per page,
     summed over pages; also order-free, on the words sorted, as scripts/samples/check.py does, since
     engines read two-column headers row by row); the tesseract CLI's CER is shown too;
  d. peak RSS of `warehouse backfill --jobs J` on 1 000 pages, and on 10 000 with --big (slow: the corpus
     alone takes minutes), from the report's peakRSSBytes and from /usr/bin/time -v;
  e. total time on the duplicate corpus vs the 0 % corpus (same page count, same jobs);
  f. threads against processes: one `backfill --jobs J` against J `backfill --jobs 1` processes at once, each
     on its share of the dossiers (own manifest and storage).
Prints a table and writes a JSON summary (--out, default <workdir>/summary.json). Every warehouse run gets
a fresh --storage, removed after the run unless --keep. All commands run with OMP_THREAD_LIMIT=1, so
tesseract uses one core per process and J is the parallelism everywhere, and the peers run at nice 10, the
priority backfill gives itself. The corpus folder also holds truth.jsonl and manifest.csv, which backfill
counts in filesSeen and leaves alone.

Needs: Debian's python3 with python3-pil python3-numpy python3-img2pdf (for make_corpus.py),
tesseract-ocr tesseract-ocr-vie poppler-utils time, and ocrmypdf (installed with apt-get if missing,
unless --skip-ocrmypdf). The timings are only as good as the machine is idle: the load average at the start
of each run is printed and kept in the summary.
"""
import argparse
import glob
import hashlib
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_BIN = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), ".build-release/release/warehouse")
DEBIAN_PY = "/usr/bin/python3"
ENV = dict(os.environ, OMP_THREAD_LIMIT="1")
CORES = os.cpu_count()


def say(*a):
    print(*a, flush=True)


def die(msg):
    sys.exit(f"backfill_bench.py: {msg}")


# --- running and timing -------------------------------------------------------------------------------


def run(cmd, stdout=None, time_v=False, check=True, shell=False):
    """Runs a command; returns wall and CPU seconds (all waited-for descendants), exit code, max RSS."""
    tfile = None
    if time_v:  # GNU time writes its report to a file so the command's own stderr stays as it is
        fd, tfile = tempfile.mkstemp(prefix="time-", suffix=".txt")
        os.close(fd)
        cmd = ["/usr/bin/time", "-v", "-o", tfile] + list(cmd)
    load = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    out = open(stdout, "w") if stdout else subprocess.DEVNULL
    try:
        proc = subprocess.run(cmd, stdout=out, stderr=subprocess.PIPE, env=ENV, shell=shell)
    except OSError as e:  # e.g. ETXTBSY: the binary is being rebuilt
        die(f"cannot run {cmd[0] if not shell else cmd}: {e}")
    finally:
        if stdout:
            out.close()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    res = dict(wall=wall, cpu=cpu, rc=proc.returncode, stderr=proc.stderr.decode("utf-8", "replace"),
               load=round(load, 2))
    if tfile:
        text = open(tfile).read()
        os.remove(tfile)
        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
        res["timeMaxRSSBytes"] = int(m.group(1)) * 1024 if m else None
    if check and proc.returncode != 0:
        die(f"command failed (exit {proc.returncode}): {' '.join(map(str, cmd))[:300]}\n{res['stderr'][-2000:]}")
    return res


def need_tools(names):
    missing = [n for n, pkg in names if not shutil.which(n)]
    if missing:
        pkgs = " ".join(sorted({pkg for n, pkg in names if n in missing}))
        die(f"missing {', '.join(missing)}: apt-get install -y {pkgs}")


# --- corpora -------------------------------------------------------------------------------------------


def make_corpus(out, pages, dup, reenc, seed=1):
    script = os.path.join(HERE, "make_corpus.py")
    say(f"  generating {out}: {pages} pages, {dup:.0%} exact + {reenc:.0%} re-encoded duplicates ...")
    r = run([DEBIAN_PY, script, out, "--pages", str(pages), "--dup-share", str(dup), "--reencode-share",
             str(reenc), "--seed", str(seed), "--quiet"])
    rows = [json.loads(line) for line in open(os.path.join(out, "truth.jsonl"), encoding="utf-8")]
    kinds = {}
    for row in rows:
        k = kinds.setdefault(row["kind"], dict(files=0, pages=0))
        k["files"] += 1
        k["pages"] += row["pages"]
    say(f"    {len(rows)} files in {r['wall']:.0f} s: " +
        ", ".join(f"{k} {v['files']} files/{v['pages']} pages" for k, v in sorted(kinds.items())))
    return dict(dir=out, rows=rows, pages=sum(r["pages"] for r in rows), files=len(rows), kinds=kinds,
                seconds=round(r["wall"], 1))


# --- warehouse ----------------------------------------------------------------------------------------


def check_binary(binary):
    """Dies unless the binary has `backfill` with the options used here; returns whether it has --pdf-dir."""
    if not os.access(binary, os.X_OK):
        die(f"{binary} is not an executable (build it: swift build -c release, or pass --bin)")
    try:
        helptext = subprocess.run([binary, "help", "backfill"], capture_output=True, text=True, env=ENV)
    except OSError as e:  # ETXTBSY while the linker is still writing it
        die(f"cannot run {binary}: {e} (is it being rebuilt? try again when the build is done)")
    text = helptext.stdout + helptext.stderr
    # an unknown subcommand makes swift-argument-parser print the top-level help and exit 0
    if "warehouse backfill" not in text:
        die(f"{binary} has no `backfill` command yet (`warehouse help backfill` shows no usage for it); "
            "rebuild it once the command has landed, or point --bin at a binary that has it")
    for opt in ["--storage", "--manifest", "--jobs", "--report", "--json"]:
        if opt not in text:
            die(f"`{binary} backfill` has no {opt} option (see `warehouse help backfill`)")
    return "--pdf-dir" in text


def backfill(args, work, corpus, jobs, label, extra=()):
    storage = tempfile.mkdtemp(prefix=f"storage-{label}-", dir=work)
    report = os.path.join(work, f"report-{label}.json")
    cmd = [args.bin, "backfill", corpus["dir"], "--storage", storage,
           "--manifest", os.path.join(corpus["dir"], "manifest.csv"), "--jobs", str(jobs),
           "--report", report, "--json", *extra]
    say(f"  [{label}] {' '.join(cmd[1:])}  (load {os.getloadavg()[0]:.2f})")
    r = run(cmd, stdout=os.path.join(work, f"stdout-{label}.json"), time_v=True, check=False)
    if r["rc"] not in (0, 2):  # 2 = some input was quarantined
        die(f"warehouse backfill exited {r['rc']}:\n{r['stderr'][-2000:]}")
    try:
        rep = json.load(open(report, encoding="utf-8"))
    except (OSError, ValueError) as e:
        die(f"no readable --report {report}: {e}")
    if not args.keep:
        shutil.rmtree(storage, ignore_errors=True)
    keys = ["filesSeen", "filed", "reused", "quarantined", "pages", "seconds", "peakRSSBytes"]
    missing = [k for k in keys if k not in rep]
    if missing:
        say(f"    WARNING: the report lacks {missing}")
    out = dict(label=label, jobs=jobs, pages=corpus["pages"], files=corpus["files"], wall=round(r["wall"], 2),
               cpu=round(r["cpu"], 2), exit=r["rc"], load=r["load"], timeMaxRSSBytes=r["timeMaxRSSBytes"],
               report={k: rep.get(k) for k in keys})
    exact = corpus["kinds"].get("exact-dup", {})
    say(f"    wall {r['wall']:.1f} s, {corpus['pages'] / r['wall']:.2f} pages/s, CPU {r['cpu'] / corpus['pages']:.2f} s/page,"
        f" max RSS {fmt_mb(r['timeMaxRSSBytes'])}; report: " + ", ".join(f"{k} {rep.get(k)}" for k in keys))
    # what the report should say: filesSeen counts truth.jsonl and manifest.csv too (ignored, not scans);
    # reused = the exact copies; pages = pages read, which exact copies do not add
    expect = dict(filesSeen=corpus["files"] + 2, reused=exact.get("files", 0),
                  pages=corpus["pages"] - exact.get("pages", 0), quarantined=0)
    off = {k: f"{rep.get(k)} (expected {v})" for k, v in expect.items() if rep.get(k) not in (None, v)}
    if off:
        say("    NOTE: " + ", ".join(f"{k} {v}" for k, v in off.items()))
    out["expected"] = expect
    return out


def backfill_processes(args, work, corpus, jobs, label):
    """`jobs` processes of `warehouse backfill --jobs 1` at once, each on its share of the dossiers (its own
    manifest and storage), against one process with `jobs` threads: Tesseract in threads or in processes."""
    import csv
    rows = list(csv.reader(open(os.path.join(corpus["dir"], "manifest.csv"), encoding="utf-8")))
    header, body = rows[0], rows[1:]
    pages = {r["path"]: r["pages"] for r in corpus["rows"]}
    by_dossier = {}
    for row in body:
        by_dossier.setdefault(row[3], []).append(row)
    shares, loads = [[] for _ in range(jobs)], [0] * jobs
    for dossier in sorted(by_dossier, key=lambda d: -sum(pages.get(r[0], 1) for r in by_dossier[d])):
        k = loads.index(min(loads))  # the lightest share takes the next biggest dossier
        shares[k] += by_dossier[dossier]
        loads[k] += sum(pages.get(r[0], 1) for r in by_dossier[dossier])
    procs, storages = [], []
    say(f"  [{label}] {jobs} processes of backfill --jobs 1, pages per process {loads}  (load {os.getloadavg()[0]:.2f})")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    for k, share in enumerate(shares):
        manifest = os.path.join(work, f"manifest-{label}-{k}.csv")
        with open(manifest, "w", encoding="utf-8", newline="") as fh:
            csv.writer(fh).writerows([header] + share)
        storage = tempfile.mkdtemp(prefix=f"storage-{label}-{k}-", dir=work)
        storages.append(storage)
        procs.append(subprocess.Popen([args.bin, "backfill", corpus["dir"], "--storage", storage, "--manifest", manifest,
                                       "--jobs", "1"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV))
    codes = [p.wait() for p in procs]
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if any(c not in (0, 2) for c in codes):
        die(f"a backfill process exited {codes}: {procs[codes.index(max(codes))].stderr.read()[-1500:]}")
    if not args.keep:
        for st in storages:
            shutil.rmtree(st, ignore_errors=True)
    n = corpus["pages"]
    say(f"    wall {wall:.1f} s, {n / wall:.2f} pages/s, CPU {cpu / n:.2f} s/page")
    return dict(label=label, jobs=jobs, processes=jobs, pages=n, files=corpus["files"], wall=round(wall, 2),
                cpu=round(cpu, 2), exit=max(codes), load=round(os.getloadavg()[0], 2))


def fmt_mb(b):
    return "-" if b is None else f"{b / 1048576:.0f} MB"


# --- pages as images, for the tesseract CLI --------------------------------------------------------------


def page_images(corpus, dest):
    """One image per page, in truth order: single-page PNG/JPEG/TIFF as they are, pages of multi-page TIFFs
    and of PDFs as PNG (PIL; pdftoppm at the scan's dpi). Untimed."""
    from PIL import Image
    os.makedirs(dest, exist_ok=True)
    out = []  # (image path, row, page index)
    for row in corpus["rows"]:
        src = os.path.join(corpus["dir"], row["path"])
        base = os.path.join(dest, row["path"].replace("/", "__"))
        if row["format"] != "pdf" and row["pages"] == 1:
            out.append((src, row, 0))
        elif row["format"] == "tiff":
            im = Image.open(src)
            for i in range(row["pages"]):
                im.seek(i)
                p = f"{base}-{i + 1}.png"
                im.save(p, dpi=(row["dpi"], row["dpi"]))
                out.append((p, row, i))
        else:
            subprocess.run(["pdftoppm", "-r", str(row["dpi"]), "-gray", "-png", src, base], check=True)
            pngs = sorted(glob.glob(glob.escape(base) + "-*.png"), key=lambda p: int(p.rsplit("-", 1)[1][:-4]))
            assert len(pngs) == row["pages"], (src, len(pngs))
            out.extend((p, row, i) for i, p in enumerate(pngs))
    return out


TESS_SH = 'tesseract "$1" - -l vie > "$2" 2>/dev/null'
# `warehouse backfill` lowers itself to nice 10 (the desk goes first), so the peers run at nice 10 too:
# on an idle machine this changes nothing, on a busy one it keeps the comparison fair.
NICE = "nice -n 10"


def tesseract_cli(images, dest, jobs):
    """xargs -P jobs over `tesseract IMG - -l vie`; returns the timing and the text of every page."""
    os.makedirs(dest, exist_ok=True)
    lst = os.path.join(dest, "list")
    outs = [os.path.join(dest, f"{i:06d}.txt") for i in range(len(images))]
    with open(lst, "wb") as f:
        for (img, _, _), o in zip(images, outs):
            f.write(img.encode() + b"\0" + o.encode() + b"\0")
    cmd = f"{NICE} xargs -0 -n2 -P{jobs} sh -c '{TESS_SH}' sh < '{lst}'"
    say(f"  [tesseract -P{jobs}] {cmd}  (load {os.getloadavg()[0]:.2f})")
    r = run(cmd, shell=True, check=False)
    texts = [open(o, encoding="utf-8", errors="replace").read() if os.path.exists(o) else "" for o in outs]
    failed = sum(1 for o in outs if not os.path.exists(o) or os.path.getsize(o) == 0)
    n = len(images)
    say(f"    wall {r['wall']:.1f} s ({r['wall'] / n:.2f} s/page), CPU {r['cpu'] / n:.2f} s/page"
        + (f", {failed} pages gave no text" if failed else ""))
    return dict(jobs=jobs, pages=n, wall=round(r["wall"], 2), cpu=round(r["cpu"], 2), load=r["load"],
                emptyPages=failed), texts


# --- ocrmypdf ---------------------------------------------------------------------------------------------


OCRMYPDF_SH = 'ocrmypdf -l vie --output-type pdf -j 1 ${3:+--image-dpi "$3"} "$1" "$2" 2> "$2.log"'


def ensure_ocrmypdf():
    if shutil.which("ocrmypdf"):
        return True
    cmd = ["apt-get", "install", "-y", "ocrmypdf"]
    say(f"  ocrmypdf is missing; running: {' '.join(cmd)}")
    r = subprocess.run(cmd, capture_output=True, text=True, env=dict(ENV, DEBIAN_FRONTEND="noninteractive"))
    if r.returncode != 0 or not shutil.which("ocrmypdf"):
        say(f"  could not install ocrmypdf (exit {r.returncode}): {r.stderr[-500:]}\n  skipping part c's ocrmypdf run")
        return False
    return True


def ocrmypdf_run(corpus, dest, jobs):
    os.makedirs(dest, exist_ok=True)
    lst = os.path.join(dest, "list")
    pdfs = {}
    with open(lst, "wb") as f:
        for row in corpus["rows"]:
            o = os.path.join(dest, row["path"].replace("/", "__") + ".pdf")
            pdfs[row["path"]] = o
            dpi = "" if row["format"] == "pdf" else str(row["dpi"])
            f.write(os.path.join(corpus["dir"], row["path"]).encode() + b"\0" + o.encode() + b"\0" + dpi.encode() + b"\0")
    cmd = f"{NICE} xargs -0 -n3 -P{jobs} sh -c '{OCRMYPDF_SH}' sh < '{lst}'"
    say(f"  [ocrmypdf] {cmd}  (load {os.getloadavg()[0]:.2f})")
    r = run(cmd, shell=True, check=False)
    failed = [p for p, o in pdfs.items() if not os.path.exists(o)]
    n = corpus["pages"]
    say(f"    wall {r['wall']:.1f} s ({r['wall'] / n:.2f} s/page), CPU {r['cpu'] / n:.2f} s/page"
        + (f", {len(failed)} files failed (see {dest}/*.log), e.g. {failed[0]}" if failed else ""))
    return dict(jobs=jobs, pages=n, wall=round(r["wall"], 2), cpu=round(r["cpu"], 2), load=r["load"],
                failedFiles=len(failed)), pdfs


# --- CER ----------------------------------------------------------------------------------------------------


def norm(text):
    return " ".join(unicodedata.normalize("NFC", text).split())


def levenshtein(a, b):
    """Edit distance, one numpy row per character of the longer string (insertions via a running minimum)."""
    import numpy as np
    if len(a) < len(b):
        a, b = b, a
    if not b:
        return len(a)
    bb = np.frombuffer(b.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    idx = np.arange(len(b) + 1, dtype=np.int64)
    prev = idx.copy()
    cur = np.empty_like(prev)
    for i, ch in enumerate(a, 1):
        cur[0] = i
        np.minimum(prev[1:] + 1, prev[:-1] + (bb != ord(ch)), out=cur[1:])  # deletion, substitution
        prev = np.minimum.accumulate(cur - idx) + idx                         # insertion
    return int(prev[-1])


class CER:
    """Edits and truth characters summed over pages; also over alphabetically sorted words (order-free)."""

    def __init__(self):
        self.edits = self.chars = self.edits_free = 0
        self.pages = self.missing = 0

    def add(self, ocr, truth):
        o, t = norm(ocr), norm(truth)
        self.edits += levenshtein(o, t)
        self.edits_free += levenshtein(" ".join(sorted(o.split())), " ".join(sorted(t.split())))
        self.chars += len(t)
        self.pages += 1

    def add_document(self, ocr_pages, truth_pages):
        """pdftotext output split on form feeds; page by page when the counts agree, else as one text."""
        if ocr_pages and ocr_pages[-1].strip() == "":
            ocr_pages = ocr_pages[:-1]
        if len(ocr_pages) == len(truth_pages):
            for o, t in zip(ocr_pages, truth_pages):
                self.add(o, t)
        else:
            self.add(" ".join(ocr_pages), " ".join(truth_pages))

    def result(self):
        c = max(1, self.chars)
        return dict(cer=round(self.edits / c, 4), cerOrderFree=round(self.edits_free / c, 4), pages=self.pages,
                    truthChars=self.chars, missingFiles=self.missing)


def pdf_text(path):
    """Text layer in content-stream order (-raw): the OCR engine's reading order. pdftotext's default
    re-flows by position and scrambles the words of skewed pages (43 % CER instead of 7 % on one page)."""
    r = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", path, "-"], capture_output=True)
    return r.stdout.decode("utf-8", "replace").split("\f")


def cer_of_pdfs(corpus, find_pdf):
    c = CER()
    for row in corpus["rows"]:
        p = find_pdf(row["path"])
        if p is None:
            c.missing += 1
            continue
        c.add_document(pdf_text(p), row["text"])
    return c.result()


# --- main ----------------------------------------------------------------------------------------------------


def main():
    ap = argparse.ArgumentParser(description="warehouse backfill benchmark (see the top of this file)")
    ap.add_argument("--bin", default=DEFAULT_BIN, help=f"warehouse binary (default {DEFAULT_BIN})")
    ap.add_argument("--pages", type=int, default=200, help="pages per corpus (default 200)")
    ap.add_argument("--jobs", type=int, default=2, help="parallelism J compared with --jobs 1 (default 2)")
    ap.add_argument("--dup-share", type=float, default=0.3, help="exact duplicates in the duplicate corpus")
    ap.add_argument("--reencode-share", type=float, default=0.1, help="re-encoded duplicates in it")
    ap.add_argument("--skip-ocrmypdf", action="store_true", help="leave out ocrmypdf (part c's peer)")
    ap.add_argument("--big", action="store_true", help="also measure peak RSS on 10 000 pages (slow)")
    ap.add_argument("--no-rss", action="store_true", help="leave out part d (peak RSS on 1 000 pages)")
    ap.add_argument("--out", help="JSON summary (default <workdir>/summary.json)")
    ap.add_argument("--workdir", help="where corpora, reports and outputs go (default a new /tmp/backfill-bench-*)")
    ap.add_argument("--keep", action="store_true", help="keep the storages, corpora and outputs")
    ap.add_argument("--only-peers", action="store_true", help=argparse.SUPPRESS)  # tesseract/ocrmypdf/CER only
    args = ap.parse_args()
    args.bin = os.path.abspath(args.bin)

    need_tools([("tesseract", "tesseract-ocr tesseract-ocr-vie"), ("pdftotext", "poppler-utils"),
                ("pdftoppm", "poppler-utils"), ("xargs", "findutils"), ("/usr/bin/time", "time")])
    if "vie" not in subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True).stdout.split():
        die("tesseract has no Vietnamese data: apt-get install -y tesseract-ocr-vie")
    if subprocess.run([DEBIAN_PY, "-c", "import PIL, numpy, img2pdf"], capture_output=True).returncode != 0:
        die("make_corpus.py needs Debian's python3 with python3-pil python3-numpy python3-img2pdf")
    try:
        import numpy  # noqa: F401
        import PIL  # noqa: F401
    except ImportError:
        die(f"run this with {DEBIAN_PY} (it needs python3-pil and python3-numpy)")
    has_pdf_dir = False
    if not args.only_peers:
        has_pdf_dir = check_binary(args.bin)

    work = os.path.abspath(args.workdir) if args.workdir else tempfile.mkdtemp(prefix="backfill-bench-", dir="/tmp")
    os.makedirs(work, exist_ok=True)
    J, N = args.jobs, args.pages
    tess_version = subprocess.run(["tesseract", "--version"], capture_output=True, text=True).stdout.split("\n")[0]
    bin_info = None
    if os.path.exists(args.bin):
        st = os.stat(args.bin)
        bin_info = dict(path=args.bin, bytes=st.st_size,
                        modified=time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(st.st_mtime)),
                        sha256=hashlib.sha256(open(args.bin, "rb").read()).hexdigest()[:16])
    say(f"binary: {args.bin}" + (f" ({bin_info['bytes'] / 1e6:.1f} MB, built {bin_info['modified']}, "
                                 f"sha256 {bin_info['sha256']}…)" if bin_info else " (missing)"))
    say(f"machine: {CORES} cores, load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}; {tess_version}; "
        f"pages {N}, jobs {J}; workdir {work}")
    if os.getloadavg()[0] > 0.5:
        say("WARNING: the machine is not idle; timings will be noisy")

    summary = dict(machine=dict(cores=CORES, loadAtStart=os.getloadavg()), binary=bin_info, tesseract=tess_version,
                   pages=N, jobs=J, corpora={}, runs={}, results={})
    runs, res = summary["runs"], summary["results"]
    try:
        say("\ncorpora")
        c0 = make_corpus(os.path.join(work, "corpus-0"), N, 0.0, 0.0)
        summary["corpora"]["zero"] = {k: v for k, v in c0.items() if k != "rows"}
        cdup = None
        if not args.only_peers:
            cdup = make_corpus(os.path.join(work, "corpus-dup"), N, args.dup_share, args.reencode_share)
            summary["corpora"]["dup"] = {k: v for k, v in cdup.items() if k != "rows"}

        if not args.only_peers:
            say("\na. warehouse backfill, --jobs 1 vs --jobs %d (0 %% duplicates)" % J)
            runs["backfill-j1"] = backfill(args, work, c0, 1, "j1")
            runs[f"backfill-j{J}"] = backfill(args, work, c0, J, f"j{J}")
            res["speedup"] = round(runs["backfill-j1"]["wall"] / runs[f"backfill-j{J}"]["wall"], 2)
            say(f"    speed-up --jobs {J} / --jobs 1: {res['speedup']:.2f}x (target >= 1.8)")

            say(f"\nf. threads or processes: one backfill with {J} OCR threads vs {J} backfill processes of 1 thread")
            runs[f"backfill-{J}proc"] = backfill_processes(args, work, c0, J, f"{J}proc")
            res["threadsVsProcesses"] = round(runs[f"backfill-j{J}"]["wall"] / runs[f"backfill-{J}proc"]["wall"], 2)
            say(f"    wall(threads) / wall(processes): {res['threadsVsProcesses']:.2f} (below 1: threads are faster)")

            say(f"\ne. duplicate corpus vs 0 % corpus, --jobs {J}")
            runs[f"backfill-dup-j{J}"] = backfill(args, work, cdup, J, f"dup-j{J}")
            res["dupTimeRatio"] = round(runs[f"backfill-dup-j{J}"]["wall"] / runs[f"backfill-j{J}"]["wall"], 3)
            exact = cdup["kinds"].get("exact-dup", {}).get("pages", 0)
            say(f"    time(dup) / time(0 %): {res['dupTimeRatio']:.2f} (if exact copies cost nothing: "
                f"{1 - exact / N:.2f})")

        say(f"\nb. tesseract CLI over the same {c0['pages']} pages")
        images = page_images(c0, os.path.join(work, "pages"))
        runs["tesseract-seq"], tess_texts = tesseract_cli(images, os.path.join(work, "tess-1"), 1)
        runs[f"tesseract-P{J}"], _ = tesseract_cli(images, os.path.join(work, f"tess-{J}"), J)
        tc = CER()
        for (_, row, i), text in zip(images, tess_texts):
            tc.add(text, row["text"][i])
        runs["tesseract-seq"]["cer"] = tc.result()
        if not args.only_peers:
            w, t1, tp = runs[f"backfill-j{J}"], runs["tesseract-seq"], runs[f"tesseract-P{J}"]
            res["backfillVsTesseractParallel"] = dict(wall=round(w["wall"] / tp["wall"], 2), cpu=round(w["cpu"] / tp["cpu"], 2))
            res["backfillVsTesseractSeq"] = dict(wall=round(w["wall"] / t1["wall"], 2), cpu=round(w["cpu"] / t1["cpu"], 2))
            say(f"    backfill --jobs {J} / tesseract -P{J}: wall {res['backfillVsTesseractParallel']['wall']:.2f}x, "
                f"CPU {res['backfillVsTesseractParallel']['cpu']:.2f}x; / tesseract sequential: "
                f"wall {res['backfillVsTesseractSeq']['wall']:.2f}x, CPU {res['backfillVsTesseractSeq']['cpu']:.2f}x")

        say("\nc. searchable PDFs: warehouse --pdf-dir vs ocrmypdf, and CER against the truth")
        if not args.only_peers and not has_pdf_dir:
            say("    NOTE: this binary's backfill has no --pdf-dir yet: only ocrmypdf is measured here")
        if not args.only_peers and has_pdf_dir:
            pdf_dir = os.path.join(work, "wh-pdf")
            runs[f"backfill-pdf-j{J}"] = backfill(args, work, c0, J, f"pdf-j{J}", ["--pdf-dir", pdf_dir])

            def wh_pdf(rel):
                for p in (os.path.join(pdf_dir, rel + ".pdf"), os.path.join(pdf_dir, os.path.splitext(rel)[0] + ".pdf")):
                    if os.path.exists(p):
                        return p
                return None
            runs[f"backfill-pdf-j{J}"]["cer"] = cer_of_pdfs(c0, wh_pdf)
            say(f"    warehouse CER {fmt_cer(runs[f'backfill-pdf-j{J}']['cer'])}")
        if not args.skip_ocrmypdf and ensure_ocrmypdf():
            ver = subprocess.run(["ocrmypdf", "--version"], capture_output=True, text=True).stdout.strip()
            say(f"    ocrmypdf {ver}; per file: {OCRMYPDF_SH}")
            runs["ocrmypdf"], pdfs = ocrmypdf_run(c0, os.path.join(work, "ocrmypdf"), J)
            runs["ocrmypdf"]["version"] = ver
            runs["ocrmypdf"]["cer"] = cer_of_pdfs(c0, lambda rel: pdfs[rel] if os.path.exists(pdfs[rel]) else None)
            say(f"    ocrmypdf CER {fmt_cer(runs['ocrmypdf']['cer'])}")
        say(f"    tesseract CLI CER {fmt_cer(runs['tesseract-seq']['cer'])}")

        if not args.only_peers and not args.no_rss:
            say("\nd. peak RSS")
            for n in [1000] + ([10000] if args.big else []):
                c = make_corpus(os.path.join(work, f"corpus-{n}"), n, args.dup_share, args.reencode_share)
                summary["corpora"][str(n)] = {k: v for k, v in c.items() if k != "rows"}
                runs[f"backfill-{n}-j{J}"] = backfill(args, work, c, J, f"{n}-j{J}")
                if not args.keep:
                    shutil.rmtree(c["dir"], ignore_errors=True)
    finally:
        print_table(summary, N, J)
        out = args.out or os.path.join(work, "summary.json")
        with open(out, "w", encoding="utf-8") as f:
            json.dump(summary, f, indent=2, ensure_ascii=False)
        say(f"\nsummary: {out}")
        if not args.keep:
            for d in glob.glob(os.path.join(work, "*")):
                if os.path.isdir(d):
                    shutil.rmtree(d, ignore_errors=True)
            say(f"(corpora and outputs removed; --keep keeps them; reports and stdout stay in {work})")


def fmt_cer(c):
    if not c:
        return "-"
    s = f"{c['cer'] * 100:.2f} % (order-free {c['cerOrderFree'] * 100:.2f} %) over {c['pages']} pages"
    return s + (f", {c['missingFiles']} files without a PDF" if c["missingFiles"] else "")


def print_table(summary, N, J):
    runs, res = summary["runs"], summary["results"]
    if not runs:
        return
    say(f"\n{'run':22s} {'pages':>6s} {'wall s':>8s} {'pages/s':>8s} {'wall s/p':>9s} {'CPU s/p':>8s} "
        f"{'peak RSS rep/time':>18s} {'CER':>7s} {'load':>5s}")
    for name, r in runs.items():
        rep = r.get("report") or {}
        rss = f"{fmt_mb(rep.get('peakRSSBytes'))}/{fmt_mb(r.get('timeMaxRSSBytes'))}" if "report" in r else "-"
        cer = f"{r['cer']['cer'] * 100:.2f}%" if r.get("cer") else "-"
        say(f"{name:22s} {r['pages']:6d} {r['wall']:8.1f} {r['pages'] / r['wall']:8.2f} {r['wall'] / r['pages']:9.3f} "
            f"{r['cpu'] / r['pages']:8.3f} {rss:>18s} {cer:>7s} {r['load']:5.2f}")
    if "speedup" in res:
        say(f"speed-up --jobs {J} vs --jobs 1: {res['speedup']:.2f}x (target >= 1.8)")
    if "backfillVsTesseractParallel" in res:
        p, s = res["backfillVsTesseractParallel"], res["backfillVsTesseractSeq"]
        say(f"backfill --jobs {J} / tesseract CLI -P{J}: wall {p['wall']:.2f}x, CPU {p['cpu']:.2f}x; "
            f"/ sequential: wall {s['wall']:.2f}x, CPU {s['cpu']:.2f}x")
    if f"backfill-pdf-j{J}" in runs and "ocrmypdf" in runs:
        w, o = runs[f"backfill-pdf-j{J}"], runs["ocrmypdf"]
        res["pdfVsOcrmypdf"] = dict(wallPerPage=round(w["wall"] / o["wall"], 2), cpuPerPage=round(w["cpu"] / o["cpu"], 2))
        say(f"backfill --pdf-dir / ocrmypdf: wall {res['pdfVsOcrmypdf']['wallPerPage']:.2f}x, "
            f"CPU {res['pdfVsOcrmypdf']['cpuPerPage']:.2f}x")
    if "threadsVsProcesses" in res:
        say(f"{J} threads / {J} processes (wall): {res['threadsVsProcesses']:.2f}")
    if "dupTimeRatio" in res:
        say(f"duplicate corpus / 0 % corpus time: {res['dupTimeRatio']:.2f}")


if __name__ == "__main__":
    main()
