"""Write the README's screenshots of the programme page, in French and in Arabic.

Run from the repository's root, after any change to the page's look::

    pip install -e ".[browser]"        # Playwright, without a browser of its own
    apt-get install chromium fonts-noto-core   # Debian's Chromium and the Noto fonts
    python docs/screenshots.py

It renders the bundled example's meeting (the Groupe Pays Maroc in Limoges, 4 November 2016)
with ``rrma_groups.render(..., "html", lang)``, opens each page in headless Chromium through
Playwright at a 1000 px wide window, and writes the whole page as
``docs/images/programme-fr.png`` and ``docs/images/programme-ar.png``. Options: ``--chromium``
(default ``/usr/bin/chromium``, or the ``CHROMIUM`` environment variable), ``--out`` (default
``docs/images``), ``--width`` (default 1000).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from rrma_groups import render
from rrma_groups.examples import groupe_pays_maroc

LANGS = ("fr", "ar")
# Flags that keep a headless Chromium quiet on a machine without a network or a display.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--chromium", type=Path, default=Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
    )
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "images")
    parser.add_argument("--width", type=int, default=1000)
    args = parser.parse_args(argv)
    if not args.chromium.is_file():
        print(f"no Chromium at {args.chromium} (Debian: apt-get install chromium)", file=sys.stderr)
        return 2

    group = groupe_pays_maroc()
    meeting = group.meetings[0]
    args.out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(args.chromium), args=CHROMIUM_ARGS, headless=True
        )
        page = browser.new_page(viewport={"width": args.width, "height": 800})
        for lang in LANGS:
            page.set_content(render(meeting, "html", lang, group=group))
            target = args.out / f"programme-{lang}.png"
            page.screenshot(path=str(target), full_page=True)
            print(target)
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
