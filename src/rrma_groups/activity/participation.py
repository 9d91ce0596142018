"""A meeting's participants: who they are, the counts funders ask for, and the sign-in sheet.

French associations justify the meetings they hold to their funders with a sign-in sheet
(feuille d'émargement): one row per participant with name, organisation and a signature, and
blank rows for those who come without registering. :func:`sign_in_sheet` prints it as an HTML
page (A4, the header row repeated on each page) and :func:`sign_in_sheet_pdf` as a PDF where
the PDF extra is installed. :func:`participation` counts participants and organisations by
kind.

>>> from rrma_groups.examples import groupe_pays_maroc
>>> group = groupe_pays_maroc()
>>> counts = participation(group, group.meeting("limoges-2016"))
>>> counts.registered, counts.present, counts.excused, counts.organisations
(8, 3, 1, 3)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape

from ..i18n.catalog import N_, translator
from ..i18n.formatting import format_date, format_number, format_time_range
from ..i18n.locales import direction, is_rtl, normalize_locale
from ..model import ActorKind, CountryGroup, LocalisedText, Meeting
from ..model.participants import Attendance, ParticipationMode, Registration
from ..render import RenderError
from ..render._common import comma
from ..render.data_tables import Cell, html_cell
from ..render.html import page
from .directory import fictional_mark, sort_key

__all__ = [
    "MAX_BLANK_ROWS",
    "Participant",
    "Participation",
    "participants",
    "participation",
    "sign_in_sheet",
    "sign_in_sheet_pdf",
]


MAX_BLANK_ROWS = 500
"""Most blank rows a sign-in sheet takes: some twenty pages of them."""


@dataclass(frozen=True, slots=True)
class Participant:
    """A registration with its person and organisation looked up in the group."""

    registration: Registration
    name: str
    organisation: LocalisedText | None
    """The organisation's name (the actor's, on the meeting's day, or as given)."""
    organisation_key: str | None
    """The actor id, or ``name:`` and the given name folded: what counts an organisation once."""
    kind: ActorKind | None
    """The organisation's kind, when known."""
    fictional: bool
    """The person or the organisation is a made-up sample."""

    @property
    def attendance(self) -> Attendance | None:
        return self.registration.attendance


def participants(group: CountryGroup, meeting: Meeting) -> tuple[Participant, ...]:
    """The meeting's registrations, resolved against the group, in file order."""
    actors = {a.id: a for a in (group.network, *group.actors)}
    persons = {p.id: p for p in group.persons}
    out = []
    for entry in meeting.participants:
        person = persons.get(entry.person) if entry.person is not None else None
        name = person.name if person is not None else (entry.name or entry.person or "")
        organisation_id = entry.organisation
        if organisation_id is None and entry.organisation_name is None and person is not None:
            organisation_id = person.affiliation
        actor = actors.get(organisation_id) if organisation_id is not None else None
        organisation: LocalisedText | None
        kind: ActorKind | None
        if actor is not None:
            organisation, key, kind = actor.name_on(meeting.date), actor.id, actor.kind
        elif entry.organisation_name is not None:
            organisation = entry.organisation_name
            key = "name:" + sort_key(entry.organisation_name.get())
            kind = entry.organisation_kind
        else:
            organisation, key, kind = None, None, None
        out.append(
            Participant(
                registration=entry,
                name=name,
                organisation=organisation,
                organisation_key=key,
                kind=kind,
                fictional=entry.fictional or (actor is not None and actor.fictional),
            )
        )
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Participation:
    """How many took part in a meeting, and from which kinds of organisation.

    ``participants_by_kind`` and ``organisations_by_kind`` count those present (``None``: a
    kind that is not known); an organisation counts once however many people it sent.
    """

    registered: int
    present: int
    excused: int
    absent: int
    unrecorded: int
    """Registrations whose attendance was not recorded (yet)."""
    online: int
    """Registered to take part online."""
    organisations: int
    """Distinct organisations of those present."""
    participants_by_kind: Mapping[ActorKind | None, int]
    organisations_by_kind: Mapping[ActorKind | None, int]
    fictional: int
    """Registrations that are, or come from, made-up samples."""


def participation(group: CountryGroup, meeting: Meeting) -> Participation:
    """Count a meeting's participants by attendance, and those present by kind."""
    found = participants(group, meeting)
    attendance = Counter(p.attendance for p in found)
    present = [p for p in found if p.attendance is Attendance.PRESENT]
    kinds_of: dict[str, ActorKind | None] = {}
    for p in present:
        if p.organisation_key is not None:
            kinds_of.setdefault(p.organisation_key, p.kind)
    return Participation(
        registered=len(found),
        present=attendance[Attendance.PRESENT],
        excused=attendance[Attendance.EXCUSED],
        absent=attendance[Attendance.ABSENT],
        unrecorded=attendance[None],
        online=sum(p.registration.mode is ParticipationMode.ONLINE for p in found),
        organisations=len(kinds_of),
        participants_by_kind=dict(Counter(p.kind for p in present)),
        organisations_by_kind=dict(Counter(kinds_of.values())),
        fictional=sum(p.fictional for p in found),
    )


# --- the sign-in sheet --------------------------------------------------------------------

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
.rrma-programme table.sign-in td.online{font-style:italic;color:#5b6574}
.rrma-programme .fictional{font-style:italic;color:#8a1c1c}
@media print{.rrma-programme table.sign-in tr{break-inside:avoid}
 .rrma-programme table.sign-in thead{display:table-header-group}}
""".strip()


def _chosen(group: CountryGroup, meeting: str | Meeting) -> Meeting:
    if isinstance(meeting, Meeting):
        return meeting
    try:
        return group.meeting(meeting)
    except KeyError:
        known = ", ".join(m.id for m in group.meetings) or "none"
        raise RenderError(f"no meeting {meeting!r}; the group has: {known}") from None


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
        hours = format_time_range(
            chosen.starts_at.time(), chosen.ends_at.time(), language, "programme"
        )
        hours_html = f'<bdi dir="ltr">{escape(hours)}</bdi>' if is_rtl(language) else escape(hours)
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


def sign_in_sheet_pdf(
    group: CountryGroup, meeting: str | Meeting, lang: str | None = None, *, blank_rows: int = 5
) -> bytes:
    """The sign-in sheet as a PDF (A4), drawn by WeasyPrint (``pip install "rrma-groups[pdf]"``).

    Raises :class:`~rrma_groups.export.pdf.PdfEngineError` when WeasyPrint is missing and
    :class:`~rrma_groups.export.pdf.PdfFontError` when no installed font can draw some character.
    """
    html = sign_in_sheet(group, meeting, lang, blank_rows=blank_rows)
    # The same engine, font check and quiet logging as the programme's PDF.
    from ..export.pdf import PdfFontError, _engine, _notdef_characters, _visible

    weasyprint = _engine()
    with _notdef_characters() as missing:
        data: bytes = weasyprint.HTML(string=html).write_pdf()
    unseen = tuple(sorted({c for c in missing if _visible(c)}))
    if unseen:
        raise PdfFontError(unseen)
    return data
