"""Tests for rrma_groups.i18n.bidi: directional isolates, control stripping, first strong."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import rrma_groups
from builders import group_data
from rrma_groups import activity
from rrma_groups.i18n.bidi import (
    ALM,
    BIDI_CONTROLS,
    FSI,
    LRE,
    LRI,
    LRM,
    LRO,
    PDF,
    PDI,
    RLE,
    RLI,
    RLM,
    RLO,
    balance_isolates,
    first_strong_direction,
    html_isolate,
    isolate,
    isolate_auto,
    isolate_ltr,
    isolate_rtl,
    strip_bidi_controls,
    unbalanced_isolate,
)
from rrma_groups.i18n.formatting import format_date, format_time_range
from rrma_groups.render.directory import render_directory
from strategies import bidi_texts, hostile_lines

ARABIC_BEFORE = "الجلسة الأولى "  # "the first session "
ARABIC_AFTER = " في الرباط"  # " in Rabat"


class TestConstants:
    @pytest.mark.parametrize(
        ("char", "codepoint"),
        [
            (LRI, 0x2066),
            (RLI, 0x2067),
            (FSI, 0x2068),
            (PDI, 0x2069),
            (LRM, 0x200E),
            (RLM, 0x200F),
            (ALM, 0x061C),
            (LRE, 0x202A),
            (RLE, 0x202B),
            (PDF, 0x202C),
            (LRO, 0x202D),
            (RLO, 0x202E),
        ],
        ids=["LRI", "RLI", "FSI", "PDI", "LRM", "RLM", "ALM", "LRE", "RLE", "PDF", "LRO", "RLO"],
    )
    def test_code_points(self, char: str, codepoint: int) -> None:
        """Each control is the Unicode character of its name."""
        assert char == chr(codepoint)
        assert char in BIDI_CONTROLS

    def test_all_controls(self) -> None:
        """Twelve controls: four isolates, three marks, five embeddings and overrides."""
        assert len(BIDI_CONTROLS) == 12


class TestIsolate:
    @pytest.mark.parametrize(
        ("function", "opener"),
        [(isolate_ltr, LRI), (isolate_rtl, RLI), (isolate_auto, FSI)],
        ids=["ltr", "rtl", "auto"],
    )
    def test_wraps_in_isolate(self, function: object, opener: str) -> None:
        """The text is enclosed in its initiator and PDI."""
        assert function("14:00–14:15") == f"{opener}14:00–14:15{PDI}"  # type: ignore[operator]

    @pytest.mark.parametrize(("direction", "opener"), [("ltr", LRI), ("rtl", RLI), ("auto", FSI)])
    def test_generic_isolate(self, direction: str, opener: str) -> None:
        """isolate() takes the direction as a word; auto by default."""
        assert isolate("x", direction) == f"{opener}x{PDI}"  # type: ignore[arg-type]
        assert isolate("x") == f"{FSI}x{PDI}"

    @pytest.mark.parametrize("function", [isolate_ltr, isolate_rtl, isolate_auto])
    def test_not_wrapped_twice(self, function: object) -> None:
        """An already isolated string of the same kind is returned as it is."""
        once = function("Khalid")  # type: ignore[operator]
        assert function(once) == once  # type: ignore[operator]

    def test_other_kind_is_wrapped(self) -> None:
        """A string isolated with another kind gets the requested isolate around it."""
        assert isolate_ltr(isolate_auto("x")) == f"{LRI}{FSI}x{PDI}{PDI}"

    def test_two_isolates_side_by_side_are_wrapped(self) -> None:
        """Starting with LRI and ending with PDI is not enough: the PDI must match the LRI."""
        s = f"{LRI}14:00{PDI} – {LRI}14:15{PDI}"
        assert isolate_ltr(s) == f"{LRI}{s}{PDI}"

    def test_empty_string(self) -> None:
        """There is nothing to isolate in an empty string."""
        assert isolate_ltr("") == ""

    def test_unknown_direction(self) -> None:
        """Only ltr, rtl and auto."""
        with pytest.raises(
            ValueError, match=r"^unknown direction 'up'; expected one of: ltr, rtl, auto$"
        ):
            isolate("x", "up")  # type: ignore[arg-type]


class TestStripBidiControls:
    def test_removes_every_control(self) -> None:
        """Isolates, marks, embeddings and overrides all go."""
        text = "".join(sorted(BIDI_CONTROLS)) + "a" + LRI + "b" + PDI + RLM
        assert strip_bidi_controls(text) == "ab"

    def test_keeps_other_invisible_characters(self) -> None:
        """Joiners and non-breaking spaces are not bidi controls."""
        text = "a\u200db\u00a0c\u202fd\u200ce"
        assert strip_bidi_controls(text) == text

    def test_arabic_numeric_date(self) -> None:
        """The RLMs of CLDR's Arabic numeric dates are removed."""
        import datetime as dt

        assert strip_bidi_controls(format_date(dt.date(2016, 11, 4), "ar", "short")) == "4/11/2016"

    def test_round_trip(self) -> None:
        """Stripping undoes isolating."""
        assert strip_bidi_controls(isolate_ltr(isolate_auto("Sébastien"))) == "Sébastien"


class TestFirstStrongDirection:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("", None),
            ("12:00", None),
            ("14:00–14:15", None),
            ("« »", None),
            ("Khalid", "ltr"),
            ("« Sébastien »", "ltr"),
            ("خالد", "rtl"),
            ("14:00 الافتتاح", "rtl"),
            ("שלום", "rtl"),
            ("ⵣ", "ltr"),
            ("ߒ", "rtl"),
            (f"{LRI}Rabat{PDI} الرباط", "rtl"),
            (f"{FSI}الرباط{PDI} Rabat", "ltr"),
            (f"{LRI}Rabat", None),
            (f"{PDI}Rabat", "ltr"),
            (f"{RLM}Rabat", "rtl"),
            (f"{LRM}الرباط", "ltr"),
            (f"{RLE}Rabat", "ltr"),
        ],
        ids=[
            "empty", "digits", "range", "punctuation", "latin", "guillemets", "arabic",
            "digits-then-arabic", "hebrew", "tifinagh", "nko", "isolate-skipped",
            "fsi-skipped", "unclosed-isolate", "stray-pdi", "rlm", "lrm", "embedding-not-strong",
        ],
    )  # fmt: skip
    def test_first_strong_character(self, text: str, expected: str | None) -> None:
        """L is ltr, R and AL are rtl; neutrals, numbers and isolated text are skipped."""
        assert first_strong_direction(text) == expected


class TestHtmlIsolate:
    @pytest.mark.parametrize(
        ("text", "direction", "expected"),
        [
            ("Sébastien", "auto", "<bdi>Sébastien</bdi>"),
            ("14:00–14:15", "ltr", '<bdi dir="ltr">14:00–14:15</bdi>'),
            ("خالد", "rtl", '<bdi dir="rtl">خالد</bdi>'),
            ("R&D <b>", "auto", "<bdi>R&amp;D &lt;b&gt;</bdi>"),
            ('"quoted"', "auto", '<bdi>"quoted"</bdi>'),
        ],
        ids=["auto", "ltr", "rtl", "escaped", "quotes-kept"],
    )
    def test_bdi_element(self, text: str, direction: str, expected: str) -> None:
        """A <bdi>, with dir unless auto, and the text HTML-escaped."""
        assert html_isolate(text, direction) == expected  # type: ignore[arg-type]

    def test_markup_is_kept_when_asked(self) -> None:
        """escape=False is for text that already is HTML."""
        assert html_isolate("<i>Khalid</i>", escape=False) == "<bdi><i>Khalid</i></bdi>"

    def test_unknown_direction(self) -> None:
        """Only ltr, rtl and auto."""
        with pytest.raises(ValueError, match=r"^unknown direction 'left'"):
            html_isolate("x", "left")  # type: ignore[arg-type]


class TestBidiAlgorithm:
    """The Unicode bidi algorithm itself (python-bidi), on an Arabic line with a time range."""

    @staticmethod
    def visual(logical: str) -> str:
        bidi = pytest.importorskip("bidi")
        shown: str = bidi.get_display(logical, base_dir="R")
        return strip_bidi_controls(shown)

    @pytest.mark.parametrize(
        "time_range",
        ["14:00–14:15", "14:00 - 14:15", "14:00-14:15"],
        ids=["en-dash", "spaced-hyphen", "glued-hyphen"],
    )
    def test_unisolated_range_is_laid_out_right_to_left(self, time_range: str) -> None:
        """Without an isolate, 14:15 is shown to the left of 14:00 in an Arabic line (even
        with a bare hyphen: after Arabic letters the digits are Arabic numbers, rule W2)."""
        shown = self.visual(ARABIC_BEFORE + time_range + ARABIC_AFTER)
        assert shown.index("14:15") < shown.index("14:00")

    @pytest.mark.parametrize("time_range", ["14:00–14:15", "14:00 - 14:15", "14:00-14:15"])
    @pytest.mark.parametrize("wrap", [isolate_ltr, isolate_auto], ids=["LRI", "FSI"])
    def test_isolated_range_keeps_its_order(self, time_range: str, wrap: object) -> None:
        """Inside LRI…PDI (or FSI…PDI, no strong character) 14:00 stays left of 14:15."""
        shown = self.visual(ARABIC_BEFORE + wrap(time_range) + ARABIC_AFTER)  # type: ignore[operator]
        assert shown.index("14:00") < shown.index("14:15")
        assert "14:00" + time_range[5:-5] + "14:15" in shown

    def test_rtl_isolate_does_not_help(self) -> None:
        """RLI…PDI lays the left-to-right content out right to left: the wrong isolate."""
        shown = self.visual(ARABIC_BEFORE + isolate_rtl("14:00–14:15") + ARABIC_AFTER)
        assert shown.index("14:15") < shown.index("14:00")

    def test_babel_arabic_interval(self) -> None:
        """ar_MA's CLDR interval needs the isolate too; the French programme style does not."""
        import datetime as dt

        cldr = format_time_range(dt.time(14), dt.time(14, 15), "ar_MA")
        assert cldr == "14:00–14:15"
        plain = self.visual(ARABIC_BEFORE + cldr + ARABIC_AFTER)
        isolated = self.visual(ARABIC_BEFORE + isolate_ltr(cldr) + ARABIC_AFTER)
        assert plain.index("14:15") < plain.index("14:00")
        assert isolated.index("14:00") < isolated.index("14:15")
        programme = format_time_range(dt.time(14), dt.time(14, 15), "fr", "programme")
        shown = self.visual(ARABIC_BEFORE + programme + ARABIC_AFTER)
        assert "14h00 - 14h15" in shown


class TestBalanceIsolates:
    @pytest.mark.parametrize(
        ("text", "balanced"),
        [
            ("", ""),
            ("Khalid", "Khalid"),
            (LRI + "14:00–14:15" + PDI, LRI + "14:00–14:15" + PDI),
            (RLI + "الرباط", RLI + "الرباط" + PDI),
            ("Débat " + FSI + "Khalid", "Débat " + FSI + "Khalid" + PDI),
            (FSI + "a" + LRI + "b", FSI + "a" + LRI + "b" + PDI + PDI),
            ("Rabat" + PDI + " – Salé", "Rabat – Salé"),
            (PDI + LRI + "x" + PDI + PDI, LRI + "x" + PDI),
            ("a" + RLI + "b\nc" + PDI, "a" + RLI + "b" + PDI + "\nc"),
            ("a\r\n" + LRI + "b", "a\r\n" + LRI + "b" + PDI),
            ("a" + RLO + "b" + PDF + "c", "abc"),
            (LRE + "x" + RLE + "y", "xy"),
            (LRM + "x" + RLM + ALM, LRM + "x" + RLM + ALM),
        ],
        ids=[
            "empty",
            "plain",
            "balanced",
            "open-rli",
            "open-fsi-after-text",
            "two-open",
            "stray-pdi",
            "stray-pdis-around-a-pair",
            "closed-on-the-next-line",
            "crlf",
            "override",
            "embeddings",
            "marks",
        ],
    )
    def test_balanced_text(self, text: str, balanced: str) -> None:
        """Open isolates are closed at the end of their line, stray PDIs dropped, embeddings
        and overrides dropped; marks and balanced isolates are kept."""
        assert balance_isolates(text) == balanced

    @settings(max_examples=300)
    @given(text=bidi_texts())
    def test_any_text_comes_out_balanced(self, text: str) -> None:
        """Whatever the controls, the result is balanced on every line, balancing it again
        changes nothing, and only controls were added or removed."""
        balanced = balance_isolates(text)
        assert unbalanced_isolate(balanced) is None
        assert balance_isolates(balanced) == balanced
        assert not set(balanced) & {LRE, RLE, PDF, LRO, RLO}
        assert strip_bidi_controls(balanced) == strip_bidi_controls(text)
        if unbalanced_isolate(text) is None and not set(text) & {LRE, RLE, PDF, LRO, RLO}:
            assert balanced == text


class TestUnbalancedIsolate:
    @pytest.mark.parametrize(
        ("text", "index"),
        [
            ("Khalid", None),
            (LRI + "x" + PDI, None),
            (FSI + "a" + LRI + "b" + PDI + "c" + PDI, None),
            ("ab" + RLI + "c", 2),
            ("ab" + PDI, 2),
            (LRI + LRI + "x" + PDI, 0),
            (LRI + "x\n" + PDI, 0),
            ("x\n" + PDI, 2),
        ],
    )
    def test_first_unmatched_control(self, text: str, index: int | None) -> None:
        """The first isolate left open at the end of its line, or PDI that closes nothing."""
        assert unbalanced_isolate(text) == index


# A French title with an Arabic name whose right-to-left isolate is never closed, and one with
# a PDI that closes nothing: in a row, the first would take the facilitator into its
# right-to-left run, the second would close the isolate the writer put around it.
OPEN_TITLE = "Débat " + RLI + "الرباط"
STRAY_TITLE = "Conclusion" + PDI
ARABIC_SHOWN = "الرباط"[::-1]  # how python-bidi returns Arabic letters: in visual order


def _group() -> rrma_groups.CountryGroup:
    data: dict[str, Any] = group_data()
    agenda = data["meetings"][0]["agenda"]
    agenda[1]["title"] = OPEN_TITLE
    agenda[2]["title"] = STRAY_TITLE
    agenda[2]["facilitators"] = [{"person": "p2"}]
    data["meetings"][0]["description"] = "Programme " + LRI + "GPMar\nsuite" + PDI
    data["actors"][0]["name"] = "Association " + RLI + "الرباط"
    data["persons"][1]["name"] = "Personne" + PDI + " Deux"
    return rrma_groups.loads(json.dumps(data), "json")


def _unbalanced_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if unbalanced_isolate(line) is not None]


def _shown(line: str, base: str = "L") -> str:
    bidi = pytest.importorskip("bidi")
    shown: str = bidi.get_display(line, base_dir=base)
    return strip_bidi_controls(shown)


class TestEveryOutputBalancesIsolates:
    @pytest.mark.parametrize("format", ["text", "markdown", "html"])
    @pytest.mark.parametrize("language", ["fr", "ar", "en"])
    def test_programmes(self, format: str, language: str) -> None:
        """Text, Markdown and HTML (and so PDF, printed from the HTML): every line balanced."""
        group = _group()
        out = rrma_groups.render(group, format, language)
        assert _unbalanced_lines(out) == []
        assert "الرباط" + PDI in out

    @pytest.mark.parametrize("format", ["text", "markdown"])
    def test_the_row_is_not_reordered(self, format: str) -> None:
        """python-bidi lays the row out with the facilitator after the title, where it is;
        with the isolate left open it would be drawn inside the Arabic run, left of it."""
        group = _group()
        out = rrma_groups.render(group, format, "fr")
        row = next(line for line in out.splitlines() if "Débat" in line)
        shown = _shown(row)
        assert shown.index("Débat") < shown.index(ARABIC_SHOWN) < shown.index("Personne Une")
        raw = row.replace("الرباط" + PDI, "الرباط", 1)
        raw_shown = _shown(raw)
        assert raw_shown.index("Personne Une") < raw_shown.index(ARABIC_SHOWN)

    def test_a_stray_pdi_cannot_close_the_writers_isolate(self) -> None:
        """In an Arabic page Latin texts are isolated by the writer: a PDI of the data that
        closes nothing is dropped, so that it cannot end the writer's isolate early."""
        group = _group()
        out = rrma_groups.render(group, "text", "ar")
        row = next(line for line in out.splitlines() if "Conclusion" in line)
        assert FSI + "Conclusion" + PDI + " " in row
        assert FSI + "Personne Deux" + PDI in row

    def test_icalendar(self) -> None:
        """Every property of the calendar, unfolded, is balanced."""
        group = _group()
        data = rrma_groups.to_ical(group, "fr", per_item=True).decode("utf-8")
        unfolded = data.replace("\r\n ", "")
        assert _unbalanced_lines(unfolded) == []
        assert "SUMMARY;LANGUAGE=fr:Débat " + RLI + "الرباط" + PDI in unfolded

    def test_csv(self) -> None:
        """Every row of a CSV export is balanced: no cell reorders the next."""
        group = _group()
        out = render_directory(group, activity.directory(group), "csv")
        assert _unbalanced_lines(out) == []
        assert "Association " + RLI + "الرباط" + PDI in out

    def test_data_tables(self) -> None:
        """The directory as text, Markdown and HTML too."""
        group = _group()
        for format in ("text", "markdown", "html"):
            out = render_directory(group, activity.directory(group), format)
            assert _unbalanced_lines(out) == [], format

    def test_json_ld(self) -> None:
        """Every string of the JSON-LD is balanced."""
        group = _group()
        data = rrma_groups.to_jsonld(group, "fr")
        strings = list(_strings(data))
        assert "Débat " + RLI + "الرباط" + PDI in strings
        assert [s for s in strings if unbalanced_isolate(s) is not None] == []

    def test_svg_charts(self) -> None:
        """A chart's labels and title are balanced too (the report's SVG)."""
        from rrma_groups.render.svg import Bar, bar_chart

        bars = [Bar("Association " + RLI + "الرباط", 3, "3"), Bar("Région" + PDI, 1, "1")]
        svg = bar_chart(bars, title="Actions " + FSI + "GPMar", lang="fr")
        assert _unbalanced_lines(svg) == []
        assert "Association " + RLI + "الرباط" + PDI + "</text>" in svg
        assert ">Région</text>" in svg

    @settings(max_examples=40, deadline=None)
    @given(title=hostile_lines(), language=st.sampled_from(["fr", "ar"]))
    def test_any_title_leaves_the_renderer_balanced(self, title: str, language: str) -> None:
        """Whatever a (valid) title holds, no line of a rendered programme is unbalanced."""
        data: dict[str, Any] = group_data()
        data["meetings"][0]["agenda"][1]["title"] = title
        group = rrma_groups.loads(json.dumps(data), "json")
        for format in ("text", "markdown", "html"):
            assert _unbalanced_lines(rrma_groups.render(group, format, language)) == []


def _strings(value: object) -> Any:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for each in value.values():
            yield from _strings(each)
    elif isinstance(value, list):
        for each in value:
            yield from _strings(each)
