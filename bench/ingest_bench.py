#!/usr/bin/env python3
"""Ingest benchmark, run by hand: `warehouse ingest` against the `tesseract` CLI on the same pages.

Usage: python3 bench/ingest_bench.py [--runs 3] [--binary .build/release/warehouse]

Measures, in one run on the same machine:
  1. pages/s and CPU-seconds/page of `warehouse ingest --jobs 1` and of `tesseract FILE - -l vie`
     over the single-page images of SampleScans/ (sequential, OMP_THREAD_LIMIT=1 for both);
  2. `warehouse ingest` with the default jobs (all cores);
  3. the time to file a byte-identical duplicate of a 10-page scan (status `reused`);
  4. character error rate against the ground truth, with and without deskew.
Build first: swift build -c release
"""
import argparse, glob, json, os, resource, shutil, statistics, subprocess, sys, tempfile, time, unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ENV = dict(os.environ, OMP_THREAD_LIMIT="1")


def run_timed(cmd, **kw):
    """Runs a command; returns (wall seconds, cpu seconds of children, completed process)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=ENV, **kw)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, proc


def levenshtein(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def norm(text):
    return " ".join(unicodedata.normalize("NFC", text).split())


def cer(ocr, truth):
    t = norm(truth)
    return levenshtein(norm(ocr), t) / max(1, len(t))


def single_page_images():
    files = []
    for path in sorted(glob.glob(os.path.join(ROOT, "SampleScans", "**", "*"), recursive=True)):
        if path.endswith((".png", ".jpg")):
            files.append(path)
    return files


def ingest_cmd(binary, files, storage, extra=()):
    return [binary, "ingest", *files, "--owner", "038090012345", "--procedure", "1.001193",
            "--dossier", "000.12.34.H56-241105-0007", "--agency", "000.12.34.H56", "--storage", storage, "--json", *extra]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build/release/warehouse"))
    args = ap.parse_args()
    files = single_page_images()
    pages = len(files)
    print(f"{pages} single-page images from SampleScans/, {os.cpu_count()} cores, {args.runs} runs each (median)\n")

    rows = []
    def measure(name, make_cmd, fresh_storage=True):
        walls, cpus = [], []
        for _ in range(args.runs):
            tmp = tempfile.mkdtemp(prefix="bench-")
            try:
                wall, cpu, proc = run_timed(make_cmd(tmp))
                if proc.returncode not in (0,):
                    print(f"{name}: exit {proc.returncode}: {proc.stderr[-500:]}", file=sys.stderr)
                walls.append(wall); cpus.append(cpu)
            finally:
                shutil.rmtree(tmp, ignore_errors=True)
        w, c = statistics.median(walls), statistics.median(cpus)
        rows.append((name, w, c))
        print(f"{name:44s} wall {w:7.2f} s  {pages / w:5.2f} pages/s  CPU {c / pages:5.2f} s/page  runs {['%.2f' % x for x in walls]}")
        return w, c

    def tesseract_loop(tmp):
        script = " && ".join(f"tesseract '{f}' - -l vie --psm 3 > /dev/null 2>&1" for f in files)
        return ["bash", "-c", script]

    t_wall, t_cpu = measure("tesseract CLI, one process per page", tesseract_loop)
    w1_wall, w1_cpu = measure("warehouse ingest --jobs 1", lambda tmp: ingest_cmd(args.binary, files, tmp, ["--jobs", "1"]))
    wn_wall, wn_cpu = measure(f"warehouse ingest --jobs {os.cpu_count()}", lambda tmp: ingest_cmd(args.binary, files, tmp))
    print(f"\nper page, warehouse --jobs 1 vs tesseract CLI: wall {w1_wall / t_wall:.2f}x, CPU {w1_cpu / t_cpu:.2f}x")
    print(f"warehouse --jobs {os.cpu_count()} vs tesseract CLI (sequential): wall {wn_wall / t_wall:.2f}x")

    # Duplicate of a 10-page scan: file it once, then time filing the same bytes again.
    tmp = tempfile.mkdtemp(prefix="bench-dup-")
    try:
        tiffs = [f for f in files if f.endswith(".png")][:10]
        ten = os.path.join(tmp, "ten-pages.tif")
        # A 10-page TIFF made by ImageMagick (Debian package imagemagick) from the sample pages.
        subprocess.run(["convert", *tiffs, "-compress", "lzw", ten], check=True, capture_output=True)
        storage = os.path.join(tmp, "S")
        subprocess.run(ingest_cmd(args.binary, [ten], storage), env=ENV, capture_output=True, check=False)
        inner, walls = [], []
        for i in range(max(5, args.runs)):
            wall, _, proc = run_timed(ingest_cmd(args.binary, [ten], storage))
            report = json.loads(proc.stdout)
            assert report["files"][0]["status"] == "reused", report["files"][0]["status"]
            inner.append(report["seconds"]); walls.append(wall)
        print(f"\nduplicate of a 10-page scan ({os.path.getsize(ten) / 1e6:.1f} MB): filed as reused in "
              f"{statistics.median(inner) * 1000:.1f} ms inside the pipeline, {statistics.median(walls) * 1000:.0f} ms for the whole process")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    # Accuracy with and without deskew, on the samples and on clean A4 pages turned by 1.5° to 5°.
    rot_dir = tempfile.mkdtemp(prefix="bench-rot-")
    rotated = []
    clean = [f for f in files if json.load(open(f + ".truth.json"))["variant"] == "clean" and "cccd" not in f][:3]
    for f in clean:
        for angle in (1.5, -3, 5):
            out = os.path.join(rot_dir, f"{os.path.basename(f)}.rot{angle}.png")
            subprocess.run(["convert", f, "-background", "white", "-rotate", str(angle), "-depth", "8", out], check=True)
            shutil.copy(f + ".truth.json", out + ".truth.json")
            rotated.append(out)
    for label, extra in (("deskew on", []), ("deskew off", ["--no-deskew"])):
        tmp = tempfile.mkdtemp(prefix="bench-cer-")
        try:
            _, _, proc = run_timed(ingest_cmd(args.binary, rotated, tmp, extra))
            report = json.loads(proc.stdout)
            rates = [cer(f["text"], "\n".join(p["text"] for p in json.load(open(f["file"] + ".truth.json"))["pages"]))
                     for f in report["files"]]
            print(f"CER {label:10s} on {len(rates)} A4 pages turned 1.5/-3/5 degrees: mean {statistics.mean(rates) * 100:5.2f}%  "
                  f"worst {max(rates) * 100:5.2f}%")
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    shutil.rmtree(rot_dir, ignore_errors=True)
    for label, extra in (("deskew on", []), ("deskew off", ["--no-deskew"])):
        tmp = tempfile.mkdtemp(prefix="bench-cer-")
        try:
            _, _, proc = run_timed(ingest_cmd(args.binary, files, tmp, extra))
            report = json.loads(proc.stdout)
            rates, skewed = [], []
            for f in report["files"]:
                truth = json.load(open(f["file"] + ".truth.json"))
                rate = cer(f["text"], "\n".join(p["text"] for p in truth["pages"]))
                rates.append(rate)
                if "skew" in truth.get("variant", ""):
                    skewed.append(rate)
            print(f"CER {label:10s}: mean {statistics.mean(rates) * 100:5.2f}%  median {statistics.median(rates) * 100:5.2f}%  "
                  f"skewed pages mean {statistics.mean(skewed) * 100 if skewed else 0:5.2f}% ({len(skewed)} pages)")
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
