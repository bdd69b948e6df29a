#!/usr/bin/env python3
"""Renders kiji charts and reports in headless Chromium and checks the pictures.

    render_check.py check OUTDIR FILE...      render each .svg/.html to OUTDIR/NAME.png and check it
    render_check.py shoot OUTDIR FILE...      only render (for docs/img screenshots)

Checks, per file: the picture is not blank (enough ink, and the Okabe-Ito
blue of the first series is there); for SVG, the Japanese labels render in a
CJK font and not as tofu: the chart rendered as written must be pixel-identical
to the same chart forced to 'Noto Sans CJK JP', and must differ from the same
chart with every Japanese character replaced by a private-use character
(which every font draws as a tofu box). Prints one line per file; exit 1 on
any failure. Needs Pillow (scripts/requirements-test.txt) and chromium.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

import numpy
from PIL import Image, ImageChops

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
JAPANESE = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]")


def render(source, png, width, height):
    """One headless screenshot; a fresh profile so runs never share state."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
             "--force-device-scale-factor=1", f"--user-data-dir={profile}", f"--window-size={width},{height}",
             f"--screenshot={png}", "file://" + os.path.abspath(source)],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    return Image.open(png).convert("RGB")


def size(path):
    if path.endswith(".svg"):
        head = open(path, encoding="utf-8").read(400)
        w = re.search(r'width="([\d.]+)"', head)
        h = re.search(r'height="([\d.]+)"', head)
        return int(float(w.group(1))), int(float(h.group(1)))
    return 1000, 1400


def ink(image):
    """The share of pixels that are not near-white."""
    grey = image.convert("L")
    histogram = grey.histogram()
    return sum(histogram[:240]) / (image.width * image.height)


def blue_pixels(image):
    pixels = numpy.asarray(image, dtype=numpy.int16)
    near = numpy.abs(pixels - numpy.array([0x00, 0x72, 0xB2])) < 40
    return int(near.all(axis=2).sum())


def differing(a, b):
    if a.size != b.size:
        return a.width * a.height
    return int((numpy.asarray(ImageChops.difference(a, b).convert("L")) > 24).sum())


def visible_japanese(svg):
    """Japanese characters drawn as text (tooltips and the description are not drawn)."""
    shown = re.sub(r"<(title|desc)>.*?</\1>", "", svg, flags=re.S)
    return len(JAPANESE.findall(shown))


def variant(path, folder, suffix, transform):
    text = transform(open(path, encoding="utf-8").read())
    out = os.path.join(folder, os.path.basename(path) + suffix + ".svg")
    with open(out, "w", encoding="utf-8") as f:
        f.write(text)
    return out


def check(path, outdir, scratch):
    width, height = size(path)
    png = os.path.join(outdir, os.path.basename(path) + ".png")
    image = render(path, png, width, height)
    problems = []
    covered = ink(image)
    if covered < 0.01:
        problems.append(f"blank picture ({covered:.4f} of pixels inked)")
    if blue_pixels(image) < 20:
        problems.append("no Okabe-Ito blue mark drawn")
    detail = f"ink={covered:.3f}"
    if path.endswith(".svg"):
        source = open(path, encoding="utf-8").read()
        labels = visible_japanese(source)
        if labels == 0:
            problems.append("no Japanese label to check")
        forced = variant(path, scratch, ".cjk", lambda t: re.sub(r"font-family:[^;]*;", "font-family:'Noto Sans CJK JP';", t))
        tofu = variant(path, scratch, ".tofu", lambda t: JAPANESE.sub("\ue000", t))
        cjk_diff = differing(image, render(forced, forced + ".png", width, height))
        tofu_diff = differing(image, render(tofu, tofu + ".png", width, height))
        detail += f" japanese_chars={labels} diff_vs_noto_cjk={cjk_diff} diff_vs_tofu={tofu_diff}"
        if cjk_diff > 0:
            problems.append("Japanese labels do not render in the CJK font")
        if tofu_diff < 10 * labels:
            problems.append("Japanese labels look like tofu boxes")
    print(("ok    " if not problems else "FAILED ") + os.path.basename(path) + " " + detail
          + ("" if not problems else ": " + "; ".join(problems)))
    return not problems


def main(arguments):
    if len(arguments) < 3 or arguments[0] not in ("check", "shoot"):
        print(__doc__, file=sys.stderr)
        return 2
    if CHROMIUM is None:
        print("render_check: chromium is missing; run scripts/ensure-deps", file=sys.stderr)
        return 2
    mode, outdir, files = arguments[0], arguments[1], arguments[2:]
    os.makedirs(outdir, exist_ok=True)
    if mode == "shoot":
        for path in files:
            width, height = size(path)
            render(path, os.path.join(outdir, os.path.splitext(os.path.basename(path))[0] + ".png"), width, height)
        return 0
    with tempfile.TemporaryDirectory() as scratch:
        results = [check(path, outdir, scratch) for path in files]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
