"""PDF: a group's page or a meeting's programme on A4, printed from the same HTML as the page.

:func:`to_pdf` prints a group's page or a programme, :func:`sign_in_sheet_pdf` a meeting's
sign-in sheet, and :func:`html_to_pdf` any page of the library (HTML with its print stylesheet).

PDF output is optional. It is drawn by WeasyPrint, installed with the extra
``pip install "rrma-groups[pdf]"``: WeasyPrint lays the page out with Pango and HarfBuzz, so
Arabic is shaped (joined letters, lam-alef ligatures) and runs right to left, it follows the
page's print stylesheet (``@page`` A4, 12 mm margins) and it embeds a subset of every font it
draws with. From the system it needs:

- Pango 1.44 or newer (Debian, Ubuntu: ``apt-get install libpango-1.0-0 libpangoft2-1.0-0``;
  macOS: ``brew install pango``; Windows: see WeasyPrint's installation guide);
- fonts for Latin and Arabic text. The page asks for Noto Sans and Noto Naskh Arabic
  (Debian, Ubuntu: ``apt-get install fonts-noto-core``); any installed font covering the
  characters will do, but a character that no installed font has is an error, never a blank
  box in the output.

>>> from rrma_groups import examples
>>> data = to_pdf(examples.groupe_pays_maroc(), "ar")
>>> data[:5]
b'%PDF-'

Why WeasyPrint and not a browser's print-to-PDF: it is a pip package that does the whole job in
the Python process (no browser to download, start and drive), it takes a fraction of a second,
and its output is the same from one run to the next. The browser tests (tests/test_browser.py)
check the same HTML and print stylesheet in Chromium.
"""

from __future__ import annotations

import importlib
import logging
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType

from ..errors import RrmaError
from ..i18n.catalog import N_
from ..messages import Msg, listing
from ..model import Agenda, CountryGroup, Meeting
from ..render import RenderError, render
from ..render.sign_in_sheet import sign_in_sheet

__all__ = [
    "PDF_ENGINE_INSTALL",
    "PDF_FONTS_INSTALL",
    "PdfEngineError",
    "PdfError",
    "PdfFontError",
    "html_to_pdf",
    "sign_in_sheet_pdf",
    "to_pdf",
]

PDF_ENGINE_INSTALL = N_(
    'pip install "rrma-groups[pdf]" (WeasyPrint), with Pango 1.44 or newer from the system '
    "(Debian/Ubuntu: apt-get install libpango-1.0-0 libpangoft2-1.0-0; macOS: brew install pango)"
)
"""What to install for PDF output, as the errors say it."""

PDF_FONTS_INSTALL = N_(
    "fonts covering Latin and Arabic, such as Noto Sans and Noto Naskh Arabic "
    "(Debian/Ubuntu: apt-get install fonts-noto-core)"
)
"""Which fonts to install for PDF output, as the errors say it."""


class PdfError(RrmaError, RuntimeError):
    """A PDF that cannot be made."""

    code = "pdf_error"


class PdfEngineError(PdfError):
    """The PDF engine (WeasyPrint, or the Pango library it loads) is not installed."""

    code = "pdf_engine_missing"

    def __init__(self, reason: Msg) -> None:
        self.install = PDF_ENGINE_INSTALL
        super().__init__(reason=reason, install=Msg(self.install))

    @property
    def reason(self) -> str:
        """Why the engine cannot be used, in English."""
        return str(self.params["reason"])


class PdfFontError(PdfError):
    """Some characters of the programme are in no installed font."""

    code = "pdf_fonts_missing"

    def __init__(self, missing: tuple[str, ...]) -> None:
        self.missing = missing
        self.install = PDF_FONTS_INSTALL
        shown = ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, '')}".rstrip() for c in missing)
        super().__init__(count=len(missing), shown=shown, install=Msg(self.install))


def to_pdf(
    obj: CountryGroup | Meeting | Agenda,
    lang: str | None = None,
    *,
    group: CountryGroup | None = None,
    meeting: str | None = None,
) -> bytes:
    """A PDF, A4, from the HTML page and its print stylesheet.

    ``obj`` is a group, a meeting (pass its ``group`` to name facilitators and the organiser) or
    a bare agenda. A group prints its whole page, as :func:`~rrma_groups.render` writes it, with
    one meeting: ``meeting`` (an id), else its first; this is the 2016 document, context,
    network, group, cooperation of the territory, then the programme. A meeting or an agenda
    prints its programme alone, which fits on one page for the seed's; a longer one flows onto
    more pages, never breaking an agenda row. ``lang`` is any locale, as for
    :func:`~rrma_groups.render`.

    Raises :class:`PdfEngineError` when WeasyPrint or Pango is missing, :class:`PdfFontError`
    when no installed font has some character, and :class:`~rrma_groups.render.RenderError`
    for a meeting the group does not have.
    """
    if isinstance(obj, CountryGroup):
        chosen = _chosen_meeting(obj, meeting)
        return html_to_pdf(render(obj, "html", lang, meeting=chosen.id))
    return html_to_pdf(render(obj, "html", lang, group=group))


def sign_in_sheet_pdf(
    group: CountryGroup, meeting: str | Meeting, lang: str | None = None, *, blank_rows: int = 5
) -> bytes:
    """The sign-in sheet as a PDF (A4), drawn by WeasyPrint (``pip install "rrma-groups[pdf]"``).

    The page is :func:`~rrma_groups.render.sign_in_sheet.sign_in_sheet`'s, with the same
    arguments. Raises :class:`PdfEngineError` when WeasyPrint is missing and
    :class:`PdfFontError` when no installed font can draw some character.
    """
    return html_to_pdf(sign_in_sheet(group, meeting, lang, blank_rows=blank_rows))


def html_to_pdf(page: str) -> bytes:
    """A page of the library (a programme, a sign-in sheet) as a PDF, with its print stylesheet.

    The page must fetch nothing: it is printed without reading a file or opening a connection.
    Every character must be in an installed font; the invisible ones (directional isolates,
    spaces) need none.

    Raises :class:`PdfEngineError` when WeasyPrint or Pango is missing, and
    :class:`PdfFontError` when no installed font has some character.
    """
    weasyprint = _engine()
    # The pages fetch nothing (no image, no link, no url() in their style), so WeasyPrint reads
    # no file and opens no connection while printing them.
    with _notdef_characters() as missing:
        data: bytes = weasyprint.HTML(string=page).write_pdf()
    unseen = tuple(sorted({c for c in missing if _visible(c)}))
    if unseen:
        raise PdfFontError(unseen)
    return data


def _chosen_meeting(group: CountryGroup, meeting: str | None) -> Meeting:
    if not group.meetings:
        raise RenderError("no_meeting_to_print", value=group.id)
    if meeting is None:
        return group.meetings[0]
    try:
        return group.meeting(meeting)
    except KeyError:
        known = listing(group.meeting_ids())
        raise RenderError("unknown_meeting", value=meeting, known=known) from None


def _engine() -> ModuleType:
    try:
        return importlib.import_module("weasyprint")
    except ImportError:
        raise PdfEngineError(Msg(N_("WeasyPrint is not installed"))) from None
    except OSError as exc:  # WeasyPrint is there, but the Pango library it loads is not
        raise PdfEngineError(
            Msg(N_("WeasyPrint cannot load Pango ({error})"), {"error": str(exc)})
        ) from None


class _NotdefRecorder(logging.Handler):
    """Collects the characters WeasyPrint reports drawing as .notdef (no font has them)."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.characters: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        # WeasyPrint logs '.notdef glyph rendered for Unicode string unsupported by fonts:
        # "%s" (U+%04X)' with the character and its code point as arguments.
        if ".notdef" in str(record.msg) and isinstance(record.args, tuple):
            self.characters += [a for a in record.args if isinstance(a, str) and len(a) == 1]


@contextmanager
def _notdef_characters() -> Iterator[list[str]]:
    """Listen to WeasyPrint's warnings, even where an application has silenced its logger."""
    logger = logging.getLogger("weasyprint")
    recorder = _NotdefRecorder()
    level, propagate = logger.level, logger.propagate
    if logger.getEffectiveLevel() > logging.WARNING:
        # Hear the warnings here without passing them on to the application's handlers.
        logger.setLevel(logging.WARNING)
        logger.propagate = False
    logger.addHandler(recorder)
    try:
        yield recorder.characters
    finally:
        logger.removeHandler(recorder)
        logger.setLevel(level)
        logger.propagate = propagate


def _visible(character: str) -> bool:
    """Whether a missing glyph shows: format marks (LRI, PDI, RLM...) and spaces don't."""
    category = unicodedata.category(character)
    return category != "Cf" and not category.startswith("Z")
