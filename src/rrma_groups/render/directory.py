"""The directory of a group's actors written out: text, Markdown, HTML or CSV, in any language.

>>> from rrma_groups.activity.directory import directory
>>> from rrma_groups.examples import groupe_pays_maroc
>>> group = groupe_pays_maroc()
>>> table = render_directory(group, directory(group, themes=["formation"]), "csv", "en")
>>> print(table.splitlines()[1])
exemple-asso-limousin-souss,Solidarité Limousin–Souss association (fictional example),...
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from ..activity.directory import DirectoryEntry, DirectoryError, fictional_mark
from ..i18n.bidi import balance_isolates
from ..i18n.catalog import N_, translator
from ..i18n.formatting import format_number
from ..i18n.locales import babel_locale, direction, normalize_locale
from ..i18n.regions import country_name, subdivision_name
from ..messages import COMMA, listing
from ..model import CountryGroup
from .data_tables import Cell, Table, table_csv, table_html, table_markdown, table_text
from .formats import DIRECTORY_FORMATS
from .html import page
from .labels import enum_label
from .markdown import escape_markdown

__all__ = ["DIRECTORY_FORMATS", "capitalised", "directory_table", "render_directory"]


_HEADERS = {
    "name": N_("Name"),
    "kind": N_("Kind"),
    "department": N_("Département"),
    "region": N_("French region"),
    # TRANSLATORS: a column: the regions of the partner country (Morocco) where actors work.
    "country_regions": N_("Regions in {country}"),
    "themes": N_("Themes"),
    "languages": N_("Languages"),
    "network_member": N_("Network member"),
    "group_member": N_("Group member"),
    "website": N_("Website"),
    "id": N_("Id"),
}
_YES, _NO = N_("yes"), N_("no")
_TITLE = N_("Directory of actors")


def capitalised(text: str) -> str:
    """The first letter in upper case (a label standing alone in a cell)."""
    return text[:1].upper() + text[1:]


def _language_names(codes: Iterable[str], lang: str) -> str:
    names = babel_locale(lang).languages
    out = []
    for code in codes:
        base = code.split("_")[0]
        out.append(str(names.get(code) or names.get(base) or code))
    # The language's own comma ("، " in Arabic), as the other lists of the directory have it.
    separator = translator(lang).gettext(COMMA).format(previous="", next="")
    return separator.join(out)


def directory_table(
    group: CountryGroup, entries: Iterable[DirectoryEntry], lang: str, *, extended: bool = False
) -> Table:
    """The directory as a table in ``lang``; ``extended`` adds the id and website columns."""
    lang = normalize_locale(lang)
    _ = translator(lang).gettext
    default = group.default_language
    titles = {p.id: p.title.get(lang, default) for p in group.priorities}
    mark = fictional_mark(lang)
    separator = "، " if lang.startswith("ar") else ", "
    headers = [_(_HEADERS[k]) for k in ("name", "kind", "department", "region")]
    headers.append(_(_HEADERS["country_regions"]).format(country=country_name(group.country, lang)))
    headers += [_(_HEADERS[k]) for k in ("themes", "languages", "network_member", "group_member")]
    if extended:
        headers = [_(_HEADERS["id"]), *headers, _(_HEADERS["website"])]
    rows = []
    for entry in entries:
        actor = entry.actor
        name, name_lang = actor.name.resolve(lang, default)
        if actor.fictional:
            name = f"{name} {mark}"
        member = "" if entry.network_member is None else _(_YES if entry.network_member else _NO)
        row = [
            Cell(name, name_lang),
            Cell(capitalised(enum_label(actor.kind, lang)), lang),
            Cell(actor.department or "", kind="ltr"),
            Cell(subdivision_name(entry.french_region, lang) if entry.french_region else "", lang),
            Cell(separator.join(subdivision_name(r, lang) for r in entry.country_regions), lang),
            Cell(separator.join(titles.get(t, t) for t in entry.themes), lang),
            Cell(_language_names(actor.languages, lang), lang),
            Cell(member, lang),
            Cell(capitalised(enum_label(entry.group_role, lang)) if entry.group_role else "", lang),
        ]
        if extended:
            row = [Cell(actor.id, kind="ltr"), *row, Cell(actor.website or "", kind="ltr")]
        rows.append(tuple(row))
    return Table(tuple(headers), tuple(rows))


def render_directory(
    group: CountryGroup,
    entries: Iterable[DirectoryEntry],
    format: str = "text",
    lang: str | None = None,
    *,
    fragment: bool = False,
    delimiter: str = ",",
    bom: bool = False,
) -> str:
    """The directory as ``text``, ``markdown``, ``html`` or ``csv``, in ``lang``.

    CSV has one row per actor with its id and website, every cell neutralised against formula
    injection; ``delimiter`` and ``bom`` are as for
    :func:`~rrma_groups.render.data_tables.table_csv`.
    """
    if format not in DIRECTORY_FORMATS:
        raise DirectoryError(
            "unknown_output_format", value=format, choices=listing(DIRECTORY_FORMATS)
        )
    language = normalize_locale(lang or group.default_language)
    entries = tuple(entries)
    table = directory_table(group, entries, language, extended=format == "csv")
    if format == "csv":
        return table_csv(table, delimiter=delimiter, bom=bom)
    t = translator(language)
    group_name = balance_isolates(group.name.get(language, group.default_language))
    title = f"{t.gettext(_TITLE)} — {group_name}"
    count = t.ngettext("{n} actor", "{n} actors", len(entries)).format(
        n=format_number(len(entries), language)
    )
    if format == "text":
        return (
            "\n".join([title, "=" * len(title), "", count, "", *table_text(table, language)]) + "\n"
        )
    if format == "markdown":
        lines = [f"# {escape_markdown(title)}", "", escape_markdown(count), ""]
        return "\n".join([*lines, *table_markdown(table, language)]) + "\n"
    body = "\n".join(
        [
            f"<h1>{escape(title)}</h1>",
            f"<p>{escape(count)}</p>",
            table_html(table, language, css_class="programme directory"),
        ]
    )
    return page(body, lang=language, dir=direction(language), title=title, fragment=fragment)
