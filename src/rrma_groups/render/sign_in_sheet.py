"""The sign-in sheet of a meeting, as an HTML page to print.

French associations justify the meetings they hold to their funders with a sign-in sheet
(feuille d'émargement): one row per participant with name, organisation and a signature, and
blank rows for those who come without registering. :func:`sign_in_sheet` prints it as an HTML
page (A4, the header row repeated on each page);
:func:`rrma_groups.export.pdf.sign_in_sheet_pdf` prints the same page as a PDF where the PDF
extra is installed.

>>> from rrma_groups.examples import groupe_pays_maroc
>>> page = sign_in_sheet(groupe_pays_maroc(), "limoges-2016", "fr", blank_rows=2)
>>> page.count('<tr class="blank">')
2
"""

from __future__ import annotations

from html import escape

from ..activity.directory import fictional_mark, sort_key
from ..activity.participation import participants
from ..i18n.catalog import N_, translator
from ..i18n.formatting import format_date, format_number
from ..i18n.locales import direction, normalize_locale
from ..messages import listing
from ..model import CountryGroup, Meeting
from ..model.participants import ParticipationMode
from .common import comma
from .data_tables import Cell, html_cell
from .errors import RenderError
from .html import page
from .view import running_times

__all__ = ["MAX_BLANK_ROWS", "SHEET_STYLE", "sign_in_sheet"]


MAX_BLANK_ROWS = 500
"""Most blank rows a sign-in sheet takes: some twenty pages of them."""


# TRANSLATORS: the title of the list that participants sign (feuille d'émargement).
_TITLE = N_("Sign-in sheet")
# TRANSLATORS: the header of the numbering column of the sign-in sheet.
_NUMBER = N_("No.")
_NAME = N_("Name")
_ORGANISATION = N_("Organisation")
_SIGNATURE = N_("Signature")
# TRANSLATORS: in the signature column, for someone who takes part online.
_ONLINE = N_("Online")
_ORGANISER = N_("Organiser")

SHEET_STYLE = """
.rrma-programme table.sign-in{width:100%;border-collapse:collapse;margin:.8em 0}
.rrma-programme table.sign-in th,.rrma-programme table.sign-in td{border:1px solid #5b6574;
 padding:.3em .5em;text-align:start;vertical-align:middle}
.rrma-programme table.sign-in thead th{background:#eef4f7}
.rrma-programme table.sign-in td.number{width:2.5em;text-align:end;
 font-variant-numeric:tabular-nums}
.rrma-programme table.sign-in td.signature{width:30%;height:2.6em}
.rrma-programme table.sign-in td.online{color:#5b6574}
.rrma-programme .fictional{color:#8a1c1c}
.rrma-programme table.sign-in td.online:not(:lang(ar)),.rrma-programme .fictional:not(:lang(ar)){
 font-style:italic}
.rrma-programme table.sign-in td.online:lang(ar),.rrma-programme .fictional:lang(ar){
 font-weight:600}
@media print{.rrma-programme table.sign-in tr{break-inside:avoid}
 .rrma-programme table.sign-in thead{display:table-header-group}}
""".strip()


def _chosen(group: CountryGroup, meeting: str | Meeting) -> Meeting:
    if isinstance(meeting, Meeting):
        return meeting
    try:
        return group.meeting(meeting)
    except KeyError:
        known = listing(group.meeting_ids())
        raise RenderError("unknown_meeting", value=meeting, known=known) from None


def _mark(fictional: bool, mark: str) -> str:
    return f' <span class="fictional">{escape(mark)}</span>' if fictional else ""


def sign_in_sheet(
    group: CountryGroup,
    meeting: str | Meeting,
    lang: str | None = None,
    *,
    blank_rows: int = 5,
    fragment: bool = False,
) -> str:
    """The sign-in sheet of ``meeting`` (an id or a meeting) as an HTML page, in ``lang``.

    One row per registration, sorted by name (case and accents ignored), then ``blank_rows``
    empty rows (at most :data:`MAX_BLANK_ROWS`, else :class:`ValueError`). Someone registered
    online has "Online" instead of a place to sign. Made-up samples are marked as such.
    """
    if blank_rows < 0:
        raise ValueError(f"blank_rows cannot be negative: {blank_rows}")
    if blank_rows > MAX_BLANK_ROWS:
        raise ValueError(f"blank_rows is at most {MAX_BLANK_ROWS}: {blank_rows}")
    chosen = _chosen(group, meeting)
    language = normalize_locale(lang or group.default_language)
    default = group.default_language
    _ = translator(language).gettext
    mark = fictional_mark(language)

    title_text, title_lang = chosen.title.resolve(language, default)
    heading = f"{_(_TITLE)} — {title_text}"
    when = format_date(chosen.date, language, "full")
    if chosen.starts_at is not None and chosen.ends_at is not None and chosen.end_date is None:
        hours = running_times(chosen.starts_at.time(), chosen.ends_at.time(), language)
        # In the page's direction: in Arabic the start is on the right, read first.
        hours_html = f'<bdi dir="{direction(language)}">{escape(hours)}</bdi>'
        when_html = f"{escape(when)}{comma(language)}{hours_html}"
    else:
        when_html = escape(when)
    out = [
        f"<style>{SHEET_STYLE}</style>",
        f"<h1>{escape(_(_TITLE))}</h1>",
        f"<h2>{html_cell(Cell(title_text, title_lang), language)}</h2>",
        f'<p class="when"><time datetime="{chosen.date.isoformat()}">{when_html}</time></p>',
    ]
    if chosen.venue is not None:
        parts = [chosen.venue.name] + ([chosen.venue.city] if chosen.venue.city else [])
        where = comma(language).join(
            html_cell(Cell(*text.resolve(language, default)), language) for text in parts
        )
        out.append(f'<p class="where">{where}</p>')
    if chosen.organiser is not None:
        try:
            organiser = group.actor(chosen.organiser).name_on(chosen.date)
            shown = html_cell(Cell(*organiser.resolve(language, default)), language)
        except KeyError:
            shown = escape(chosen.organiser)
        out.append(f'<p class="organiser">{escape(_(_ORGANISER))}: {shown}</p>')
    out += [
        '<table class="sign-in">',
        "<thead><tr>"
        f'<th scope="col" class="number">{escape(_(_NUMBER))}</th>'
        f'<th scope="col">{escape(_(_NAME))}</th>'
        f'<th scope="col">{escape(_(_ORGANISATION))}</th>'
        f'<th scope="col" class="signature">{escape(_(_SIGNATURE))}</th>'
        "</tr></thead>",
        "<tbody>",
    ]
    rows = sorted(participants(group, chosen), key=lambda p: (sort_key(p.name), p.name))
    number = 0
    for number, person in enumerate(rows, 1):
        organisation = ""
        if person.organisation is not None:
            text, text_lang = person.organisation.resolve(language, default)
            organisation = html_cell(Cell(text, text_lang), language)
        online = person.registration.mode is ParticipationMode.ONLINE
        signature = (
            f'<td class="signature online">{escape(_(_ONLINE))}</td>'
            if online
            else '<td class="signature"></td>'
        )
        out.append(
            f'<tr><td class="number">{format_number(number, language)}</td>'
            f"<td>{html_cell(Cell(person.name), language)}{_mark(person.fictional, mark)}</td>"
            f"<td>{organisation}</td>{signature}</tr>"
        )
    for extra in range(number + 1, number + blank_rows + 1):
        out.append(
            f'<tr class="blank"><td class="number">{format_number(extra, language)}</td>'
            '<td></td><td></td><td class="signature"></td></tr>'
        )
    out += ["</tbody>", "</table>"]
    total = translator(language).ngettext(
        "{n} registered participant", "{n} registered participants", len(rows)
    )
    out.append(f'<p class="total">{escape(total.format(n=format_number(len(rows), language)))}</p>')
    return page(
        "\n".join(out),
        lang=language,
        dir=direction(language),
        title=heading,
        fragment=fragment,
    )
