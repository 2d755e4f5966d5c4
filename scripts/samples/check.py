#!/usr/bin/python3
"""Spot checks for SampleScans/ (not run by `make samples`; it is slow-ish).

  /usr/bin/python3 scripts/samples/check.py qr  [SAMPLEDIR]          every QR decodes to its truth payload
  /usr/bin/python3 scripts/samples/check.py ocr [SAMPLEDIR] FILE...  tesseract -l vie --psm 3 vs truth text

Needs zbar-tools, tesseract-ocr, tesseract-ocr-vie, poppler-utils (pdftoppm, pdftotext).
CER = Levenshtein(ocr, truth) / len(truth), after collapsing all whitespace runs to one space.
CER-order-free = the same on the words sorted alphabetically (ignores reading-order differences,
e.g. tesseract reading a two-column header row by row).
"""
import glob
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata


def norm(s):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s)).strip()


def lev(a, b):
    if len(a) < len(b):
        a, b = b, a
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def page_images(path, dpi, tmp):
    """Return a list of image paths, one per page."""
    if path.endswith(".pdf"):
        subprocess.run(["pdftoppm", "-r", str(dpi or 300), "-gray", "-png", path, os.path.join(tmp, "p")], check=True)
        return sorted(glob.glob(os.path.join(tmp, "p*.png")))
    if path.endswith(".tif"):
        n = int(subprocess.run(["identify", "-format", "%n\n", path], stdout=subprocess.PIPE, text=True)
                .stdout.split()[0])
        out = []
        for i in range(n):
            o = os.path.join(tmp, f"t{i}.png")
            subprocess.run(["convert", f"{path}[{i}]", "-depth", "8", o], check=True)
            out.append(o)
        return out
    return [path]


def qr(root):
    ok = True
    for tj in sorted(glob.glob(os.path.join(root, "**", "*.truth.json"), recursive=True)):
        t = json.load(open(tj, encoding="utf-8"))
        if not t["barcodes"]:
            continue
        f = tj[: -len(".truth.json")]
        with tempfile.TemporaryDirectory() as tmp:
            got = []
            for img in page_images(f, t["dpi"], tmp):
                r = subprocess.run(["zbarimg", "-q", "--raw", img], stdout=subprocess.PIPE, text=True)
                got += [x for x in r.stdout.split("\n") if x]
        good = sorted(got) == sorted(t["barcodes"])
        ok &= good
        print(("OK  " if good else "FAIL"), os.path.relpath(f, root), got if not good else "")
    return ok


def ocr(root, files):
    for rel in files:
        f = os.path.join(root, rel)
        t = json.load(open(f + ".truth.json", encoding="utf-8"))
        with tempfile.TemporaryDirectory() as tmp:
            text = []
            for img in page_images(f, t["dpi"], tmp):
                r = subprocess.run(["tesseract", img, "-", "-l", "vie", "--psm", "3"], stdout=subprocess.PIPE,
                                   stderr=subprocess.DEVNULL, text=True)
                text.append(r.stdout)
        truth = norm(" ".join(p["text"] for p in t["pages"]))
        got = norm(" ".join(text))
        cer = lev(got, truth) / max(1, len(truth))
        st, sg = " ".join(sorted(truth.split())), " ".join(sorted(got.split()))
        cer_bag = lev(sg, st) / max(1, len(st))
        tw = truth.split()
        gw = set(got.split())
        wr = sum(1 for w in tw if w in gw) / max(1, len(tw))
        print(f"{rel}\t{t['variant']}\t{t['dpi']}\tCER={cer:.3f}\tCER-order-free={cer_bag:.3f}\twords-found={wr:.3f}\tchars={len(truth)}")


if __name__ == "__main__":
    cmd = sys.argv[1]
    root = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "..", "SampleScans")
    if cmd == "qr":
        sys.exit(0 if qr(root) else 1)
    else:
        ocr(root, sys.argv[3:])
