"""Write the screenshots of the outputs shown in the docs, in French and in Arabic.

Run from the repository's root, after any change to the look of an output::

    pip install -e ".[browser,pdf]"    # Playwright (without a browser of its own), WeasyPrint
    apt-get install chromium fonts-noto-core poppler-utils   # Chromium, fonts, pdftoppm
    apt-get install libreoffice-writer-nogui                 # soffice, for the documents
    python docs/screenshots.py                 # every picture
    python docs/screenshots.py --only office   # only the Word and OpenDocument pictures

For the bundled Groupe Pays Maroc, in French (``fr``) and Moroccan Arabic (``ar-MA``), it
renders the Limoges meeting's programme, the whole group page, the actor directory, the
synergies, the 2016 activity report and the sign-in sheet as HTML, opens each in headless
Chromium through Playwright at a 1000 px wide window, and writes the top of the page (at most
1400 px) as ``docs/images/<output>-<lang>.png``; the programme and the group page are also
printed to PDF and their first page written as ``<output>-pdf-<lang>.png`` (``pdftoppm``). The
French and Arabic programme pictures of the home pages keep their names,
``programme-fr.png`` and ``programme-ar.png``. The office documents (the group page and the
programme as .docx and .odt, the sign-in sheet as .docx and .odt, the directory as .xlsx and
.ods) are opened by LibreOffice (``soffice``, Debian's ``libreoffice-writer-nogui`` and
``libreoffice-calc-nogui``), printed to PDF, and their first page written as
``<document>-<format>-<lang>.png`` (``group-page-docx-fr.png``); ``--only office`` makes only
these pictures, without Chromium. When ``optipng`` is installed, the pictures
are made smaller with it. Options: ``--chromium`` (default ``/usr/bin/chromium``, or the
``CHROMIUM`` environment variable), ``--out`` (default ``docs/images``), ``--width`` (default
1000).
"""

from __future__ import annotations

import argparse
import functools
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from rrma_groups import render
from rrma_groups.activity.directory import directory
from rrma_groups.activity.report import activity_report
from rrma_groups.activity.synergies import find_synergies
from rrma_groups.examples import groupe_pays_maroc
from rrma_groups.export.docx import to_docx
from rrma_groups.export.pdf import to_pdf
from rrma_groups.render.directory import render_directory
from rrma_groups.render.report import render_report
from rrma_groups.render.sign_in_sheet import sign_in_sheet
from rrma_groups.render.synergies import render_synergies

LANGS = ("fr", "ar-MA")
MAX_HEIGHT = 1400
"""The most of a page's height a picture shows: its top, where the layout is seen."""
PAGE_HEIGHT = "Math.ceil(document.documentElement.getBoundingClientRect().height)"
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
    parser.add_argument(
        "--only",
        choices=("office",),
        default=None,
        help="only the pictures of the Word and OpenDocument documents (LibreOffice)",
    )
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.only == "office":
        written = office_pictures(args.out)
        _optimise(written)
        for target in written:
            print(f"{target}  {target.stat().st_size // 1024} KB")
        return 0
    if not args.chromium.is_file():
        print(f"no Chromium at {args.chromium} (Debian: apt-get install chromium)", file=sys.stderr)
        return 2

    group = groupe_pays_maroc()
    meeting = group.meeting("limoges-2016")
    pages = {
        "programme": lambda lang: render(meeting, "html", lang, group=group),
        "group-page": lambda lang: render(group, "html", lang),
        # Sorted in the language shown, as ``rrma-groups directory --lang`` does.
        "directory": lambda lang: render_directory(
            group, directory(group, lang=lang), "html", lang
        ),
        "synergies": lambda lang: render_synergies(group, find_synergies(group), "html", lang),
        "report": lambda lang: render_report(group, activity_report(group, 2016), "html", lang),
        "sign-in-sheet": lambda lang: sign_in_sheet(group, meeting, lang),
    }
    printed = {
        "programme-pdf": lambda lang: to_pdf(meeting, lang, group=group),
        "group-page-pdf": lambda lang: to_pdf(group, lang),
    }
    from playwright.sync_api import sync_playwright

    written: list[Path] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(args.chromium), args=CHROMIUM_ARGS, headless=True
        )
        page = browser.new_page(viewport={"width": args.width, "height": 800})
        for lang in LANGS:
            for name, make in pages.items():
                page.set_content(make(lang))
                # The page's own height, not the window's: a short page gets no blank bottom.
                height = min(page.evaluate(PAGE_HEIGHT), MAX_HEIGHT)
                clip = {"x": 0, "y": 0, "width": args.width, "height": height}
                target = args.out / f"{name}-{lang}.png"
                page.screenshot(path=str(target), clip=clip, full_page=True)
                written.append(target)
        browser.close()
    with tempfile.TemporaryDirectory() as scratch:
        for lang in LANGS:
            for name, make in printed.items():
                pdf = Path(scratch) / f"{name}.pdf"
                pdf.write_bytes(make(lang))
                stem = args.out / f"{name}-{lang}"
                subprocess.run(
                    [
                        "pdftoppm",
                        "-png",
                        "-r",
                        "60",
                        "-f",
                        "1",
                        "-l",
                        "1",
                        "-singlefile",
                        str(pdf),
                        str(stem),
                    ],
                    check=True,
                )
                written.append(stem.with_name(f"{stem.name}.png"))
    written += office_pictures(args.out)
    _optimise(written)
    # The home pages show the Arabic programme as programme-ar.png.
    shutil.copyfile(args.out / "programme-ar-MA.png", args.out / "programme-ar.png")
    for target in [*written, args.out / "programme-ar.png"]:
        print(f"{target}  {target.stat().st_size // 1024} KB")
    return 0


def office_pictures(out: Path) -> list[Path]:
    """The first page of each office document, in each language, as LibreOffice prints it: the
    group page and the Limoges programme as .docx and .odt (``group-page-docx-<lang>.png``,
    ``programme-odt-<lang>.png``...), the sign-in sheet as .docx and .odt, and the directory as
    .xlsx and .ods (``directory-xlsx-<lang>.png``)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("no soffice (Debian: apt-get install libreoffice-writer-nogui)", file=sys.stderr)
        return []
    group = groupe_pays_maroc()
    writers = {"docx": to_docx}
    try:
        from rrma_groups.export.odt import to_odt
    except ImportError:  # OpenDocument output is not in this version, or odfdo is missing
        pass
    else:
        writers["odt"] = to_odt
    meeting = group.meeting("limoges-2016")
    documents: dict[str, Callable[[str], bytes]] = {}
    for ext, write in writers.items():
        documents[f"group-page-{ext}"] = functools.partial(write, group)
        documents[f"programme-{ext}"] = functools.partial(write, meeting, group=group)
    try:
        from rrma_groups.export.docx import sign_in_sheet_docx
        from rrma_groups.export.odt import sign_in_sheet_odt
        from rrma_groups.export.spreadsheet import directory_ods, directory_xlsx
    except ImportError:  # an older version, without these documents
        pass
    else:
        for ext, sheet in (("docx", sign_in_sheet_docx), ("odt", sign_in_sheet_odt)):
            documents[f"sign-in-sheet-{ext}"] = functools.partial(sheet, group, "limoges-2016")
        for ext, table in (("xlsx", directory_xlsx), ("ods", directory_ods)):
            documents[f"directory-{ext}"] = functools.partial(table, group)
    written = []
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        sources = []
        for name, make in documents.items():
            ext = name.rsplit("-", 1)[1]
            for lang in LANGS:
                source = folder / f"{name}-{lang}.{ext}"
                source.write_bytes(make(lang))
                sources.append(source)
        # One call for every document, with a profile of its own (not the user's).
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(folder),
                *map(str, sources),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        for source in sources:
            stem = out / source.stem
            subprocess.run(
                [
                    "pdftoppm",
                    "-png",
                    "-r",
                    "50",
                    "-f",
                    "1",
                    "-l",
                    "1",
                    "-singlefile",
                    str(source.with_suffix(".pdf")),
                    str(stem),
                ],
                check=True,
            )
            written.append(stem.with_name(f"{stem.name}.png"))
    return written


def _optimise(pictures: list[Path]) -> None:
    """Make the pictures smaller with optipng, when it is installed."""
    optipng = shutil.which("optipng")
    if optipng and pictures:
        subprocess.run([optipng, "-quiet", "-o2", *map(str, pictures)], check=True)


if __name__ == "__main__":
    raise SystemExit(main())
