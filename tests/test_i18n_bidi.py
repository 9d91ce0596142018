"""Tests for rrma_groups.i18n.bidi: directional isolates, control stripping, first strong."""

from __future__ import annotations

import pytest

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
    first_strong_direction,
    html_isolate,
    isolate,
    isolate_auto,
    isolate_ltr,
    isolate_rtl,
    strip_bidi_controls,
)
from rrma_groups.i18n.formatting import format_date, format_time_range

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
