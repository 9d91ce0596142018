"""The activity report written out: text, Markdown (tables with bars) or HTML (with charts).

>>> from rrma_groups.activity.report import activity_report
>>> from rrma_groups.examples import groupe_pays_maroc
>>> group = groupe_pays_maroc()
>>> print(render_report(group, activity_report(group, 2016), "markdown", "en").splitlines()[0])
# Activity report — Morocco Country Group
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from html import escape
from typing import Any

from ..activity.directory import fictional_mark
from ..activity.participation import participants
from ..activity.report import ActivityReport, ReportError, meeting_hours
from ..i18n.bidi import balance_isolates
from ..i18n.catalog import N_, translator
from ..i18n.formatting import format_date, format_duration, format_number
from ..i18n.locales import direction, normalize_locale
from ..i18n.regions import subdivision_name
from ..messages import listing
from ..model import ActorKind, CountryGroup
from ..model.participants import Attendance
from ..model.projects import ProjectStatus, ResourceKind, period_bounds
from .data_tables import Cell, Table, table_html, table_markdown, table_text
from .directory import capitalised
from .formats import REPORT_FORMATS
from .html import page
from .labels import enum_label
from .markdown import emphasis, escape_markdown
from .svg import Bar, bar_chart

__all__ = ["REPORT_FORMATS", "project_status_label", "render_report", "resource_kind_label"]


# --- words ----------------------------------------------------------------------------------


def project_status_label(status: ProjectStatus, lang: str | None) -> str:
    """What a project status is called in ``lang``."""
    t = translator(lang)
    return {
        ProjectStatus.IDEA: t.pgettext("project status", "Idea"),
        ProjectStatus.PLANNED: t.pgettext("project status", "Planned"),
        ProjectStatus.RUNNING: t.pgettext("project status", "Running"),
        ProjectStatus.FINISHED: t.pgettext("project status", "Finished"),
    }[status]


def resource_kind_label(kind: ResourceKind, lang: str | None) -> str:
    """What a kind of resource is called in ``lang``."""
    t = translator(lang)
    return {
        ResourceKind.DOCUMENT: t.pgettext("resource kind", "Document"),
        ResourceKind.LINK: t.pgettext("resource kind", "Link"),
        ResourceKind.TRAINING: t.pgettext("resource kind", "Training"),
        ResourceKind.EVENT: t.pgettext("resource kind", "Event"),
    }[kind]


_W = {
    "title": N_("Activity report"),
    "summary": N_("Summary"),
    "meetings": N_("Meetings"),
    "hours": N_("Hours of meetings"),
    "registered": N_("Registered participants"),
    "present": N_("Participants present"),
    "organisations": N_("Organisations represented"),
    "new_members": N_("New members"),
    "projects": N_("Projects"),
    "resources": N_("Resources offered"),
    "by_kind": N_("Participants by kind of organisation"),
    "kind": N_("Kind"),
    "participants": N_("Participants"),
    "organisations_column": N_("Organisations"),
    "by_status": N_("Projects by status"),
    "by_region": N_("Projects by region"),
    "by_theme": N_("Projects by theme"),
    "status": N_("Status"),
    "region": N_("Region"),
    "theme": N_("Theme"),
    # TRANSLATORS: a column of counts (how many projects).
    "count": N_("Number"),
    "chart": N_("Chart"),
    "figure": N_("Figure"),
    "value": N_("Value"),
    "date": N_("Date"),
    "meeting": N_("Meeting"),
    "name": N_("Name"),
    "since": N_("Since"),
    # TRANSLATORS: in a table, for projects with no region or theme, or actors of no known kind.
    "unspecified": N_("Not specified"),
    "period": N_("{first} to {last}"),
}

_BAR_CELLS = 20


def _bar(value: int, longest: int) -> str:
    """A bar of block characters for text and Markdown tables."""
    if longest <= 0 or value <= 0:
        return ""
    return "█" * max(1, round(_BAR_CELLS * value / longest))


class _Words:
    def __init__(self, group: CountryGroup, lang: str) -> None:
        self.lang = lang
        self.group = group
        self.default = group.default_language
        self.t = translator(lang)

    def __call__(self, key: str) -> str:
        return self.t.gettext(_W[key])

    def number(self, n: int) -> Cell:
        return Cell(format_number(n, self.lang), kind="number", data=str(n))

    def kind(self, kind: ActorKind | None) -> str:
        return capitalised(enum_label(kind, self.lang)) if kind else self("unspecified")


@dataclass(frozen=True, slots=True)
class _Section:
    heading: str
    table: Table
    bars: tuple[Bar, ...] = ()


def _sections(group: CountryGroup, report: ActivityReport, w: _Words) -> list[_Section]:
    lang, default = w.lang, w.default
    mark = fictional_mark(lang)
    actors = {a.id: a for a in (group.network, *group.actors)}
    sections = []
    summary = [
        ("meetings", w.number(len(report.meetings))),
        ("hours", Cell(format_duration(report.hours, lang), lang, data=_hours(report.hours))),
        ("registered", w.number(report.registered)),
        ("present", w.number(report.participants)),
        ("organisations", w.number(report.organisations)),
        ("new_members", w.number(len(report.new_members))),
        ("projects", w.number(len(report.projects))),
        ("resources", w.number(len(report.resources))),
    ]
    sections.append(
        _Section(
            w("summary"),
            Table((w("figure"), w("value")), tuple((Cell(w(k), lang), v) for k, v in summary)),
        )
    )
    if report.meetings:
        meetings = {m.id: m for m in group.meetings}
        meeting_rows: list[tuple[Cell, ...]] = []
        for key in report.meetings:
            meeting = meetings[key]
            present = sum(p.attendance is Attendance.PRESENT for p in participants(group, meeting))
            meeting_rows.append(
                (
                    Cell(format_date(meeting.date, lang, "medium"), lang, data=str(meeting.date)),
                    Cell(*meeting.title.resolve(lang, default)),
                    Cell(format_duration(meeting_hours(meeting), lang), lang),
                    w.number(present),
                )
            )
        headers = (w("date"), w("meeting"), w("hours"), w("present"))
        sections.append(_Section(w("meetings"), Table(headers, tuple(meeting_rows))))
    if report.participants_by_kind:
        kinds = sorted(
            report.participants_by_kind,
            key=lambda k: (-report.participants_by_kind[k], _kind_order(k)),
        )
        kind_rows = [
            (
                Cell(w.kind(k), lang),
                w.number(report.participants_by_kind[k]),
                w.number(report.organisations_by_kind.get(k, 0)),
            )
            for k in kinds
        ]
        sections.append(
            _Section(
                w("by_kind"),
                Table((w("kind"), w("participants"), w("organisations_column")), tuple(kind_rows)),
                tuple(
                    Bar(w.kind(k), report.participants_by_kind[k], kind_rows[n][1].text)
                    for n, k in enumerate(kinds)
                ),
            )
        )
    if report.new_members:
        since = {m.actor: m.since for m in group.members}
        member_rows: list[tuple[Cell, ...]] = []
        for key in report.new_members:
            actor = actors.get(key)
            shown_name, name_lang = actor.name.resolve(lang, default) if actor else (key, None)
            if actor is not None and actor.fictional:
                shown_name = f"{shown_name} {mark}"
            first, _ = period_bounds(since.get(key), None)
            shown = format_date(first, lang, "medium") if first else ""
            member_rows.append(
                (Cell(shown_name, name_lang), Cell(shown, lang, data=str(first or "")))
            )
        sections.append(
            _Section(w("new_members"), Table((w("name"), w("since")), tuple(member_rows)))
        )
    titles = {p.id: p.title.get(lang, default) for p in group.priorities}
    breakdowns: list[tuple[str, str, Mapping[Any, int], Callable[[object, _Words], str]]] = [
        ("by_status", "status", report.projects_by_status, _status_name),
        ("by_region", "region", report.projects_by_region, _region_name),
        ("by_theme", "theme", report.projects_by_theme, _theme_name(titles)),
    ]
    for key, column, counts, name in breakdowns:
        if not counts:
            continue
        ordered = _ordered(counts, key, group)
        labels = [name(k, w) for k in ordered]
        sections.append(
            _Section(
                w(key),
                Table(
                    (w(column), w("count")),
                    tuple(
                        (Cell(label, lang), w.number(counts[k]))
                        for k, label in zip(ordered, labels, strict=True)
                    ),
                ),
                tuple(
                    Bar(label, counts[k], format_number(counts[k], lang))
                    for k, label in zip(ordered, labels, strict=True)
                ),
            )
        )
    return sections


def _hours(td: dt.timedelta) -> str:
    return format(td.total_seconds() / 3600, "g")


def _kind_order(kind: ActorKind | None) -> int:
    return list(ActorKind).index(kind) if kind is not None else len(ActorKind)


def _ordered(counts: Mapping[object, int], key: str, group: CountryGroup) -> list[object]:
    if key == "by_status":
        return [s for s in ProjectStatus if s in counts]
    if key == "by_theme":
        order = {p.id: n for n, p in enumerate(group.priorities)}
        return sorted(counts, key=lambda k: (k is None, order.get(str(k), len(order)), str(k)))
    return sorted(counts, key=lambda k: (k is None, str(k)))


def _status_name(key: object, w: _Words) -> str:
    assert isinstance(key, ProjectStatus)
    return project_status_label(key, w.lang)


def _region_name(key: object, w: _Words) -> str:
    return subdivision_name(str(key), w.lang) if key is not None else w("unspecified")


def _theme_name(titles: Mapping[str, str]) -> Callable[[object, _Words], str]:
    def name(key: object, w: _Words) -> str:
        return titles.get(str(key), str(key)) if key is not None else w("unspecified")

    return name


def render_report(
    group: CountryGroup,
    report: ActivityReport,
    format: str = "markdown",
    lang: str | None = None,
    *,
    fragment: bool = False,
) -> str:
    """The report as ``text``, ``markdown`` (tables with bars) or ``html`` (with SVG charts)."""
    if format not in REPORT_FORMATS:
        raise ReportError("unknown_output_format", value=format, choices=listing(REPORT_FORMATS))
    language = normalize_locale(lang or group.default_language)
    w = _Words(group, language)
    if report.is_year:
        period = str(report.first.year)
    else:
        period = w("period").format(
            first=format_date(report.first, language, "long"),
            last=format_date(report.last, language, "long"),
        )
    title = f"{w('title')} — {balance_isolates(group.name.get(language, group.default_language))}"
    note = ""
    if report.fictional:
        note = w.t.ngettext(
            "These figures include {n} made-up sample entry, marked as such.",
            "These figures include {n} made-up sample entries, marked as such.",
            report.fictional,
        ).format(n=format_number(report.fictional, language))
    sections = _sections(group, report, w)
    if format in ("text", "markdown"):
        markdown = format == "markdown"
        out = [f"# {escape_markdown(title)}" if markdown else title]
        if not markdown:
            out.append("=" * len(title))
        out += ["", escape_markdown(period) if markdown else period]
        if note:
            out += ["", emphasis(escape_markdown(note), language) if markdown else note]
        for section in sections:
            table = section.table
            if section.bars:
                longest = max(int(b.value) for b in section.bars)
                table = Table(
                    (*table.headers, w("chart")),
                    tuple(
                        (*row, Cell(_bar(int(bar.value), longest), kind="ltr"))
                        for row, bar in zip(table.rows, section.bars, strict=True)
                    ),
                )
            if markdown:
                out += ["", f"## {escape_markdown(section.heading)}", ""]
                out += table_markdown(table, language)
            else:
                out += ["", section.heading, "-" * len(section.heading), ""]
                out += table_text(table, language)
        return "\n".join(out) + "\n"
    body = [f"<h1>{escape(title)}</h1>", f'<p class="period">{escape(period)}</p>']
    if note:
        body.append(f'<p class="fictional">{escape(note)}</p>')
    for n, section in enumerate(sections):
        body.append(f"<h2>{escape(section.heading)}</h2>")
        body.append(table_html(section.table, language, css_class="programme report"))
        if section.bars:
            body.append(
                '<figure class="chart">'
                + bar_chart(
                    section.bars, title=section.heading, lang=language, chart_id=f"chart-{n}"
                )
                + "</figure>"
            )
    return page(
        "\n".join(body), lang=language, dir=direction(language), title=title, fragment=fragment
    )
