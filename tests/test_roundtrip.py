"""Round trips on generated groups: nothing is lost, nothing is injected.

Every test draws valid, varied groups from :func:`strategies.groups` (texts in French, Arabic
and English full of quotes, backslashes, markup, isolates, emoji and no-break spaces; meetings
over several days, in rooms and tracks, on days when the clocks change, with open-ended last
items; every kind of facilitator) and checks one promise:

* a group saved as TOML or JSON and read again is the same group, and saving is stable;
* the Markdown table of an agenda (:func:`rrma_groups.render.agenda_table.markdown_table`),
  read back with :func:`~rrma_groups.parsing.tables.parse_table`, gives the same items: titles,
  times and days; the Markdown programme of :func:`rrma_groups.render` gives the same titles and
  times too;
* a calendar exported with one event per item and imported again keeps every UID, every time
  (as an instant), every title (in the language exported) and every location;
* no HTML page of a group holds markup that came from its data.

Run with ``--hypothesis-show-statistics`` to see how many examples each test ran (40 each;
set ``RRMA_ROUNDTRIP_EXAMPLES`` for more). Bugs of the writers that these tests found, in
modules others are changing, are pinned by strict xfail tests until they are fixed.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

import rrma_groups
from rrma_groups import Agenda, CountryGroup, Meeting, check, render
from rrma_groups.export.ical import from_ical, item_uids, meeting_uid, to_ical
from rrma_groups.i18n.bidi import FSI, PDI, balance_isolates
from rrma_groups.i18n.locales import direction, normalize_locale
from rrma_groups.parsing.tables import TableImportError, parse_table
from rrma_groups.render.agenda_table import markdown_table
from strategies import HOSTILE_LEGAL_FRAGMENTS, groups

# Each test's number of examples: 40 keep the file well under a minute on two cores; set
# RRMA_ROUNDTRIP_EXAMPLES for a longer search.
EXAMPLES = int(os.environ.get("RRMA_ROUNDTRIP_EXAMPLES", "40"))
ROUND_TRIPS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
STAMP = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
LANGUAGES = st.sampled_from(["fr", "ar", "en", "ar_MA"])


def describe(group: CountryGroup) -> None:
    """Tell hypothesis's statistics what kinds of groups were drawn."""
    for meeting in group.meetings:
        event(f"meeting over {len(meeting.days)} day(s)")
        items = meeting.agenda.items
        if any(item.room for item in items):
            event("parallel sessions in rooms")
        if any(item.track for item in items):
            event("parallel tracks")
        if any(item.end is None for item in items):
            event("an open-ended item")
        offsets = {meeting.item_start(item).utcoffset() for item in items}
        if len(offsets) > 1:
            event("the clocks change during the meeting")
    facilitators = {
        type(f).__name__ for m in group.meetings for i in m.agenda for f in i.facilitators
    }
    for kind in sorted(facilitators):
        event(f"facilitated by a {kind}")


class TestTheGroupsDrawn:
    @ROUND_TRIPS
    @given(group=groups())
    def test_are_valid(self, group: CountryGroup) -> None:
        """Every group drawn passes check() without an error (warnings are allowed)."""
        describe(group)
        assert check(group).errors == ()


# --- files -------------------------------------------------------------------------------------


class TestFiles:
    @ROUND_TRIPS
    @given(group=groups(), fmt=st.sampled_from(["toml", "json"]))
    def test_dump_then_load_gives_an_equal_group(
        self, group: CountryGroup, fmt: rrma_groups.io.Format
    ) -> None:
        """loads(dumps(group)) == group, in TOML and in JSON."""
        assert rrma_groups.loads(rrma_groups.dumps(group, fmt), fmt) == group

    @ROUND_TRIPS
    @given(group=groups(), fmt=st.sampled_from(["toml", "json"]))
    def test_saving_again_gives_the_same_text(
        self, group: CountryGroup, fmt: rrma_groups.io.Format
    ) -> None:
        """dumps(loads(dumps(group))) is dumps(group), character for character."""
        text = rrma_groups.dumps(group, fmt)
        assert rrma_groups.dumps(rrma_groups.loads(text, fmt), fmt) == text


# --- pasted tables -------------------------------------------------------------------------------


def _one_line(text: str) -> str:
    """Text as a table cell keeps it: one line, no spaces at either end or in a row."""
    return " ".join(text.split())


def _a_programme(group: CountryGroup, data: st.DataObject) -> Meeting:
    """One of the group's meetings that has items, its agenda in programme order: day by day,
    each day in order of time, as printed programmes give it.

    A row that has only a start time is read as ending where the next row of its lane
    starts (see :func:`~rrma_groups.parsing.tables.parse_table`): an open-ended item stays open only
    as the last of its day, which it is in programme order. (A meeting without items makes
    no table: see ``test_an_empty_programme_is_refused``.)
    """
    with_items = [meeting for meeting in group.meetings if meeting.agenda]
    assume(with_items)
    meeting = data.draw(st.sampled_from(with_items))
    items = sorted(meeting.agenda, key=lambda i: (meeting.day_of(i), i.start, i.end or i.start))
    return meeting.replace(agenda=items)


_MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_\[\]|#])")
_ISOLATES = re.compile("[\u2066-\u2069]")


def _unescape_markdown(text: str) -> str:
    """Undo :func:`rrma_groups.render.markdown.escape_markdown` (backslashes, then entities)."""
    text = _MARKDOWN_ESCAPE.sub(r"\1", text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


class TestTables:
    def test_an_empty_programme_is_refused(self) -> None:
        """The table of an agenda without items reads as no programme, not as one."""
        with pytest.raises(TableImportError) as caught:
            parse_table(markdown_table(Agenda(())))
        assert [p.code for p in caught.value.problems] == ["table_empty"]

    def test_an_arabic_programme_with_a_time_alone_reads_back(self) -> None:
        """Arabic writes a time alone with its half of the day (2:05 م): it is read back."""
        meeting = Meeting.model_validate(
            {
                "id": "m",
                "title": {"ar": "لقاء"},
                "date": "2016-11-04",
                "agenda": [
                    {"title": {"ar": "استقبال"}, "start": "09:00", "end": "09:30"},
                    {"title": {"ar": "وقت للتعارف"}, "start": "14:05"},
                ],
            }
        )
        text = render(meeting, "markdown", "ar")
        assert "14:05" in text
        back = parse_table(text, date=meeting.date).agenda
        assert [(i.start, i.end) for i in back] == [
            (dt.time(9), dt.time(9, 30)),
            (dt.time(14, 5), None),
        ]

    @ROUND_TRIPS
    @given(group=groups(), language=st.sampled_from(["fr", "ar", "en"]), data=st.data())
    def test_markdown_table_read_back_gives_the_same_items(
        self, group: CountryGroup, language: str, data: st.DataObject
    ) -> None:
        """markdown_table then parse_table: each item's title (its isolates balanced, as in
        every output), start, end, day, and a room where there was one (room ids come back as
        slugs of what is written)."""
        meeting = _a_programme(group, data)
        text = markdown_table(
            meeting.agenda, group=group, language=language, first_day=meeting.date
        )
        back = parse_table(text, group=group, date=meeting.date).agenda
        assert [
            (i.title.get(), i.start, i.end, i.day or meeting.date, i.room is not None) for i in back
        ] == [
            (
                balance_isolates(_one_line(i.title.get(language))),
                i.start,
                i.end,
                meeting.day_of(i),
                i.room is not None,
            )
            for i in meeting.agenda
        ]

    @ROUND_TRIPS
    @given(group=groups(), language=LANGUAGES, data=st.data())
    def test_markdown_programme_read_back_gives_the_same_titles_and_times(
        self, group: CountryGroup, language: str, data: st.DataObject
    ) -> None:
        """render(meeting, "markdown") then parse_table: each item's title (Markdown escapes
        undone; the isolates of an Arabic page aside) and its start and end, day by day."""
        meeting = _a_programme(group, data)
        text = render(meeting, "markdown", language, group=group)
        result = parse_table(text, date=meeting.date, strict=False)
        assert [str(problem) for problem in result.errors] == []

        def plain(title: str) -> str:
            return _one_line(_ISOLATES.sub("", title))

        view_title = {
            id(i): i.title.resolve(language, group.default_language)[0] for i in meeting.agenda
        }
        assert [
            (plain(_unescape_markdown(i.title.get())), i.start, i.end, i.day or meeting.date)
            for i in result.agenda
        ] == [(plain(view_title[id(i)]), i.start, i.end, meeting.day_of(i)) for i in meeting.agenda]


# --- calendars -----------------------------------------------------------------------------------


def _utc(moment: dt.datetime | None) -> dt.datetime | None:
    return None if moment is None else moment.astimezone(dt.UTC)


def _location(meeting: Meeting, language: str, default: str) -> str | None:
    """LOCATION as the calendars explanation says: the venue, its address, postal code and town,
    each with its isolates balanced."""
    venue = meeting.venue
    if venue is None:
        return None
    town = " ".join(
        p
        for p in (
            venue.postal_code,
            venue.city.resolve(language, default)[0] if venue.city else None,
        )
        if p
    )
    parts = [venue.name.resolve(language, default)[0], venue.address, town]
    separator = "، " if direction(language) == "rtl" else ", "
    return separator.join(balance_isolates(p) for p in parts if p)


def _the_text(text: rrma_groups.LocalisedText) -> tuple[str, str]:
    """The one text an imported title holds, and its language."""
    [(language, value)] = text.items()
    return value, language


class TestCalendars:
    @ROUND_TRIPS
    @given(group=groups(), language=LANGUAGES)
    def test_export_then_import_keeps_uids_times_titles_and_locations(
        self, group: CountryGroup, language: str
    ) -> None:
        """to_ical(per_item=True) then from_ical: every meeting and item comes back under its
        UID, at the same instants, with its title in the language exported (its isolates
        balanced, as in every output), in its place."""
        describe(group)
        default = group.default_language
        imported = from_ical(to_ical(group, language, per_item=True, stamp=STAMP))
        # Meetings in the night of a clock change: a time the clocks skip or repeat comes back
        # as written, with the warning that says which instant it is.
        local_times = {"nonexistent_local_time", "ambiguous_local_time"}
        assert {warning.code for warning in imported.warnings} <= local_times
        expected: dict[str, object] = {}
        for meeting in group.meetings:
            title, lang = meeting.title.resolve(language, default)
            expected[meeting_uid(meeting, group)] = (
                _utc(meeting.starts_at),
                _utc(meeting.ends_at)
                if meeting.starts_at and meeting.ends_at and meeting.ends_at > meeting.starts_at
                else None,
                (balance_isolates(title), normalize_locale(lang or default)),
                _location(meeting, language, default),
            )
            rooms = (
                {
                    r.id: balance_isolates(r.name.resolve(language, default)[0])
                    for r in meeting.venue.rooms
                }
                if meeting.venue
                else {}
            )
            for uid, item in zip(item_uids(meeting, group), meeting.agenda, strict=True):
                title, lang = item.title.resolve(language, default)
                expected[uid] = (
                    _utc(meeting.item_start(item)),
                    _utc(meeting.item_end(item)),
                    (balance_isolates(title), normalize_locale(lang or default)),
                    (item.room, rooms[item.room])
                    if item.room is not None and meeting.venue
                    else None,
                )
        found: dict[str, object] = {}
        for back in imported.meetings:
            uid = imported.uids[back.id]
            found[uid] = (
                _utc(back.starts_at),
                _utc(back.ends_at),
                _the_text(back.title),
                _the_text(back.venue.name)[0] if back.venue else None,
            )
            rooms = {r.id: r.name.get() for r in back.venue.rooms} if back.venue else {}
            head, _, domain = uid.partition("@")
            for item in back.agenda:
                found[f"{head}+{item.id}@{domain}"] = (
                    _utc(back.item_start(item)),
                    _utc(back.item_end(item)),
                    _the_text(item.title),
                    (item.room, rooms[item.room]) if item.room is not None else None,
                )
        assert found == expected


# --- HTML -----------------------------------------------------------------------------------------

# What the HTML writer itself emits; anything else came from the data.
HTML_TAGS = frozenset(
    {
        *("html", "head", "meta", "title", "style", "body", "main", "header", "section"),
        *("div", "h1", "h2", "h3", "h4", "p", "strong", "br", "ul", "ol", "li", "span"),
        *("table", "thead", "tbody", "tr", "th", "td", "time", "bdi", "a"),
        "script",  # only the page's JSON-LD data block (checked below), never code
    }
)
HTML_ATTRIBUTES = frozenset(
    {
        *("lang", "dir", "charset", "name", "content", "class", "id", "scope", "rowspan"),
        *("colspan", "datetime", "href", "type"),
    }
)


class _Markup(HTMLParser):
    """Every element and attribute of a page, and its text, as a browser's parser sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attributes: dict[str, set[str]] = {}
        self.text: list[str] = []
        self.scripts: list[tuple[str | None, str]] = []
        """Each script element: its type and its content."""
        self._in_script: str | bool | None = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        for name, value in attrs:
            self.attributes.setdefault(name, set()).add(value or "")
        if tag == "script":
            self._in_script = dict(attrs).get("type")
            self.scripts.append((self._in_script, ""))

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script is not False:
            kind, body = self.scripts[-1]
            self.scripts[-1] = (kind, body + data)
        else:
            self.text.append(data)

    def json_ld(self) -> list[object]:
        """The page's data blocks, read as JSON: a data text that broke out of its block would
        make it unreadable, or leave a script of another type."""
        assert [kind for kind, _ in self.scripts] == ["application/ld+json"] * len(self.scripts)
        return [json.loads(body) for _, body in self.scripts]


_LANGUAGE_TAG = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")
_MARKUP_IN_DATA = tuple(f for f in HOSTILE_LEGAL_FRAGMENTS if "<" in f)


class TestHtml:
    @ROUND_TRIPS
    @given(group=groups(), language=LANGUAGES, fragment=st.booleans())
    def test_no_markup_comes_from_the_data(
        self, group: CountryGroup, language: str, fragment: bool
    ) -> None:
        """Whatever the texts say, the page has no <script>, <img> or <b> element, no on...=
        attribute, no markup of the data as written, and links only to http(s) addresses."""
        page = render(group, "html", language, fragment=fragment)
        markup = _Markup()
        markup.feed(page)
        markup.close()
        assert markup.tags.isdisjoint({"img", "b", "iframe", "object"})
        assert len(markup.json_ld()) == (0 if fragment else 1)  # the page's data, and no script
        assert not [name for name in markup.attributes if name.startswith("on")]
        assert all(re.match(r"https?://", link) for link in markup.attributes.get("href", ()))
        assert [fragment for fragment in _MARKUP_IN_DATA if fragment in page] == []

    @ROUND_TRIPS
    @given(group=groups(), language=LANGUAGES, fragment=st.booleans())
    def test_the_page_is_the_writers_markup_and_the_datas_text(
        self, group: CountryGroup, language: str, fragment: bool
    ) -> None:
        """The page holds only the writer's elements and attributes, with well-formed
        language tags and directions, and every title as text (its isolates balanced)."""
        page = render(group, "html", language, fragment=fragment)
        markup = _Markup()
        markup.feed(page)
        markup.close()
        assert markup.tags <= HTML_TAGS
        assert set(markup.attributes) <= HTML_ATTRIBUTES
        markup.json_ld()
        assert all(_LANGUAGE_TAG.fullmatch(tag) for tag in markup.attributes.get("lang", ()))
        assert markup.attributes.get("dir", set()) <= {"ltr", "rtl", "auto"}
        text = "".join(markup.text)
        default = group.default_language
        for meeting in group.meetings:
            assert balance_isolates(meeting.title.get(language, default)) in text
            for item in meeting.agenda:
                assert balance_isolates(item.title.get(language, default)) in text

    @pytest.mark.parametrize(
        ("names", "cell"),
        [
            pytest.param(
                [{"ar": "منشط"}, {"en": "r"}],
                '<bdi lang="ar">منشط</bdi> - <bdi lang="en">r</bdi>',
                id="inside-the-markup",
            ),
            pytest.param(
                [{"en": "Ali"}, {"en": "Ali"}],
                '<bdi lang="en">Ali</bdi> - <bdi lang="en">Ali</bdi>',
                id="twice-the-same-name",
            ),
        ],
    )
    def test_each_name_is_written_once_in_its_own_element(
        self, names: list[dict[str, str]], cell: str
    ) -> None:
        """Facilitators whose names another one's markup or text contains: each name is
        written in its own <bdi>, the second never inside the first."""
        meeting = Meeting.model_validate(
            {
                "id": "m",
                "title": "Rencontre",
                "date": "2016-11-04",
                "agenda": [
                    {
                        "title": "Accueil",
                        "start": "14:00",
                        "end": "15:00",
                        "facilitators": [{"role": name} for name in names],
                    }
                ],
            }
        )
        page = render(meeting, "html", "fr", fragment=True)
        assert f'<td class="facilitator">{cell}</td>' in page


class TestText:
    def test_each_latin_name_is_isolated_once_in_arabic(self) -> None:
        """Facilitators "Ali Ben" then "Ali" in an Arabic programme: each in its own isolate."""
        meeting = Meeting.model_validate(
            {
                "id": "m",
                "title": "Rencontre",
                "date": "2016-11-04",
                "agenda": [
                    {
                        "title": "Accueil",
                        "start": "14:00",
                        "end": "15:00",
                        "facilitators": [{"role": {"en": "Ali Ben"}}, {"role": {"en": "Ali"}}],
                    }
                ],
            }
        )
        assert f"{FSI}Ali Ben{PDI} و\u00a0{FSI}Ali{PDI}" in render(meeting, "text", "ar")
