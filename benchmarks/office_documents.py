"""How many programme items are read from each office document, and how long reading takes.

Run from the repository's root (it prints figures; it is no timed test and has no target)::

    pip install -e ".[office]"
    apt-get install libreoffice-writer-nogui    # soffice, for the documents LibreOffice writes
    python benchmarks/office_documents.py [--repeats 5]

The documents are those of ``tests/test_libreoffice.py``: the Limoges programme of the Groupe
Pays Maroc written by the library as .docx (and .odt, where it writes one) in French and Moroccan
Arabic, and the hand-written HTML and flat ODT programmes saved by LibreOffice as .docx and .odt.
For each, ``parse_table`` runs on the file ``--repeats`` times; the table gives the items read
and the median time.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from rrma_groups import examples, parse_table  # noqa: E402
from rrma_groups.export.docx import to_docx  # noqa: E402
from test_libreoffice import HANDMADE, flat_odt, html_page  # noqa: E402


def generated(folder: Path) -> dict[str, Path]:
    """The Limoges programme as the library writes it."""
    group = examples.groupe_pays_maroc()
    meeting = group.meeting("limoges-2016")
    writers: dict[str, Callable[..., bytes]] = {"docx": to_docx}
    try:
        from rrma_groups.export.odt import to_odt
    except ImportError:
        pass
    else:
        writers["odt"] = to_odt
    out = {}
    for ext, write in writers.items():
        for lang in ("fr", "ar-MA"):
            path = folder / f"generated-{lang}.{ext}"
            path.write_bytes(write(meeting, lang, group=group))
            out[f"generated {ext} {lang}"] = path
    return out


def made_by_libreoffice(folder: Path) -> dict[str, Path]:
    """The hand-written programmes, saved by LibreOffice as .docx and .odt."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("no soffice: the documents LibreOffice writes are left out", file=sys.stderr)
        return {}
    sources = []
    for name, (programme, kind) in HANDMADE.items():
        path = folder / f"{name}.{kind}"
        path.write_text(html_page(programme) if kind == "html" else flat_odt(programme), "utf-8")
        sources.append(path)
    profile = (folder / "profile").as_uri()
    for target in ("docx:MS Word 2007 XML", "odt"):
        subprocess.run(
            [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", target,
             "--outdir", str(folder / "made"), *map(str, sources)],
            check=True, capture_output=True, timeout=300,
        )  # fmt: skip
    return {
        f"LibreOffice {ext} {name}": folder / "made" / f"{name}.{ext}"
        for ext in ("docx", "odt")
        for name in HANDMADE
    }


def measure(path: Path, lang: str, repeats: int) -> tuple[int | str, float]:
    """Items read and the median time of ``parse_table`` on the file, in milliseconds."""
    times = []
    items: int | str = 0
    for _ in range(repeats):
        start = time.perf_counter()
        try:
            result = parse_table(path, language=lang, strict=False)
        except Exception as exc:  # a format not read yet: say so in the table
            return type(exc).__name__, float("nan")
        times.append(time.perf_counter() - start)
        items = len(result.agenda)
    return items, statistics.median(times) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        documents = {**generated(folder), **made_by_libreoffice(folder)}
        rows = []
        for label, path in documents.items():
            lang = "ar" if " ar" in label else "fr"
            items, median = measure(path, lang, args.repeats)
            rows.append((label, path.stat().st_size // 1024, items, median))
    width = max(len(label) for label, *_ in rows)
    print(f"{'document':<{width}}  {'KB':>4}  {'items':>6}  {'median ms':>9}")
    for label, size, items, median in rows:
        print(f"{label:<{width}}  {size:>4}  {items!s:>6}  {median:>9.1f}")
    print(f"(median of {args.repeats} runs of parse_table on the file)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
