"""The sign-in sheet of a meeting, as an HTML page to print.

French associations justify the meetings they hold to their funders with a sign-in sheet
(feuille d'émargement): one row per participant with name, organisation and a signature, and
blank rows for those who come without registering. :func:`sign_in_sheet` prints it as an HTML
page (A4, the header row repeated on each page);
:func:`rrma_groups.export.pdf.sign_in_sheet_pdf` prints the same page as a PDF where the PDF
extra is installed, and :func:`rrma_groups.export.docx.sign_in_sheet_docx` writes it as a Word
document where the office extra is. :func:`sign_in_view` is what every one of them says.

>>> from rrma_groups.examples import groupe_pays_maroc
>>> page = sign_in_sheet(groupe_pays_maroc(), "limoges-2016", "fr", blank_rows=2)
>>> page.count('<tr class="blank">')
2
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
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
from .formats import MAX_BLANK_ROWS
from .html import page
from .view import Piece, running_times

__all__ = [
    "MAX_BLANK_ROWS",
    "SHEET_STYLE",
    "SignInRow",
    "SignInView",
    "check_blank_rows",
    "sign_in_sheet",
    "sign_in_view",
]


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


@dataclass(frozen=True, slots=True)
class SignInRow:
    """A registered participant's row: the number, the name, the organisation (its text and
    language, in the sheet's language where the data has it) and whether they take part online
    (then "Online" stands in the signature cell)."""

    number: int
    name: str
    fictional: bool
    organisation: Piece | None
    online: bool


@dataclass(frozen=True, slots=True)
class SignInView:
    """What a sign-in sheet says, in its language, for every format that writes one.

    ``headers`` are No., Name, Organisation and Signature; ``hours`` is set for a meeting of
    one day with a start and an end ("de 14h00 à 17h30"); ``where`` holds the venue and its
    city; ``blank`` the numbers of the empty rows after the participants.
    """

    lang: str
    label: str
    title: Piece
    date: dt.date
    when: str
    hours: str | None
    where: tuple[Piece, ...]
    organiser_label: str
    organiser: Piece | None
    headers: tuple[str, str, str, str]
    rows: tuple[SignInRow, ...]
    blank: tuple[int, ...]
    online: str
    fictional_mark: str
    total: str

    @property
    def heading(self) -> str:
        """ "Sign-in sheet — the meeting's title": a document's title."""
        return f"{self.label} — {self.title.text}"


def check_blank_rows(blank_rows: int) -> None:
    """:class:`RenderError` unless ``blank_rows`` is from 0 to :data:`MAX_BLANK_ROWS`."""
    if blank_rows < 0:
        raise RenderError("blank_rows_negative", value=blank_rows)
    if blank_rows > MAX_BLANK_ROWS:
        raise RenderError("blank_rows_too_many", value=blank_rows, most=MAX_BLANK_ROWS)


def sign_in_view(
    group: CountryGroup, meeting: str | Meeting, lang: str | None = None, *, blank_rows: int = 5
) -> SignInView:
    """The sign-in sheet of ``meeting`` (an id or a meeting) in ``lang``, to be written out.

    One row per registration, sorted by name (case and accents ignored), then ``blank_rows``
    empty rows (from 0 to :data:`MAX_BLANK_ROWS`, else :class:`RenderError`). An unknown
    meeting is a :class:`RenderError` too.
    """
    check_blank_rows(blank_rows)
    chosen = _chosen(group, meeting)
    language = normalize_locale(lang or group.default_language)
    default = group.default_language
    _ = translator(language).gettext
    hours = None
    if chosen.starts_at is not None and chosen.ends_at is not None and chosen.end_date is None:
        hours = running_times(chosen.starts_at.time(), chosen.ends_at.time(), language)
    where: tuple[Piece, ...] = ()
    if chosen.venue is not None:
        parts = [chosen.venue.name] + ([chosen.venue.city] if chosen.venue.city else [])
        where = tuple(Piece(*text.resolve(language, default)) for text in parts)
    organiser = None
    if chosen.organiser is not None:
        try:
            name = group.actor(chosen.organiser).name_on(chosen.date)
            organiser = Piece(*name.resolve(language, default))
        except KeyError:
            organiser = Piece(chosen.organiser)
    people = sorted(participants(group, chosen), key=lambda p: (sort_key(p.name), p.name))
    rows = tuple(
        SignInRow(
            number=number,
            name=person.name,
            fictional=person.fictional,
            organisation=(
                Piece(*person.organisation.resolve(language, default))
                if person.organisation is not None
                else None
            ),
            online=person.registration.mode is ParticipationMode.ONLINE,
        )
        for number, person in enumerate(people, 1)
    )
    total = translator(language).ngettext(
        "{n} registered participant", "{n} registered participants", len(rows)
    )
    return SignInView(
        lang=language,
        label=_(_TITLE),
        title=Piece(*chosen.title.resolve(language, default)),
        date=chosen.date,
        when=format_date(chosen.date, language, "full"),
        hours=hours,
        where=where,
        organiser_label=_(_ORGANISER),
        organiser=organiser,
        headers=(_(_NUMBER), _(_NAME), _(_ORGANISATION), _(_SIGNATURE)),
        rows=rows,
        blank=tuple(range(len(rows) + 1, len(rows) + blank_rows + 1)),
        online=_(_ONLINE),
        fictional_mark=fictional_mark(language),
        total=total.format(n=format_number(len(rows), language)),
    )


def _html(piece: Piece, lang: str) -> str:
    return html_cell(Cell(piece.text, piece.lang), lang)


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
    empty rows (from 0 to :data:`MAX_BLANK_ROWS`, else :class:`RenderError`, a
    :class:`ValueError`). Someone registered online has "Online" instead of a place to sign.
    Made-up samples are marked as such. :func:`sign_in_view` gives what the sheet says, for
    other formats.
    """
    view = sign_in_view(group, meeting, lang, blank_rows=blank_rows)
    language = view.lang
    if view.hours is not None:
        # In the page's direction: in Arabic the start is on the right, read first.
        hours_html = f'<bdi dir="{direction(language)}">{escape(view.hours)}</bdi>'
        when_html = f"{escape(view.when)}{comma(language)}{hours_html}"
    else:
        when_html = escape(view.when)
    out = [
        f"<style>{SHEET_STYLE}</style>",
        f"<h1>{escape(view.label)}</h1>",
        f"<h2>{_html(view.title, language)}</h2>",
        f'<p class="when"><time datetime="{view.date.isoformat()}">{when_html}</time></p>',
    ]
    if view.where:
        where = comma(language).join(_html(piece, language) for piece in view.where)
        out.append(f'<p class="where">{where}</p>')
    if view.organiser is not None:
        shown = _html(view.organiser, language)
        out.append(f'<p class="organiser">{escape(view.organiser_label)}: {shown}</p>')
    number, name, organisation, signature = (escape(h) for h in view.headers)
    out += [
        '<table class="sign-in">',
        "<thead><tr>"
        f'<th scope="col" class="number">{number}</th>'
        f'<th scope="col">{name}</th>'
        f'<th scope="col">{organisation}</th>'
        f'<th scope="col" class="signature">{signature}</th>'
        "</tr></thead>",
        "<tbody>",
    ]
    for row in view.rows:
        shown = _html(row.organisation, language) if row.organisation is not None else ""
        signed = (
            f'<td class="signature online">{escape(view.online)}</td>'
            if row.online
            else '<td class="signature"></td>'
        )
        out.append(
            f'<tr><td class="number">{format_number(row.number, language)}</td>'
            f"<td>{html_cell(Cell(row.name), language)}{_mark(row.fictional, view.fictional_mark)}"
            f"</td><td>{shown}</td>{signed}</tr>"
        )
    for extra in view.blank:
        out.append(
            f'<tr class="blank"><td class="number">{format_number(extra, language)}</td>'
            '<td></td><td></td><td class="signature"></td></tr>'
        )
    out += ["</tbody>", "</table>", f'<p class="total">{escape(view.total)}</p>']
    return page(
        "\n".join(out),
        lang=language,
        dir=direction(language),
        title=view.heading,
        fragment=fragment,
    )
