"""One error protocol: every error the library raises has a code, a template from the one
registry, parameters, and ``describe(lang)``, which speaks French and Arabic with no English left.

Each case below makes the library raise one kind of error the way a user would meet it.
"""

from __future__ import annotations

import ast
import datetime as dt
import pickle
import re
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import rrma_groups
from rrma_groups import AgendaBuilder, RrmaError, load, loads, render
from rrma_groups.activity.directory import directory
from rrma_groups.activity.report import activity_report
from rrma_groups.errors import FileFormatError, LocaleError, TimeParseError, WrongObjectError
from rrma_groups.examples import groupe_pays_maroc
from rrma_groups.export.ical import from_ical
from rrma_groups.i18n.locales import normalize_locale
from rrma_groups.i18n.regions import canonical_subdivision, country_name
from rrma_groups.messages import COUNTED, MESSAGES, PLURALS, WORDINGS
from rrma_groups.model.series import Series
from rrma_groups.parsing.odt_tables import odt_text
from rrma_groups.parsing.tables import parse_table
from rrma_groups.parsing.times import parse_date, parse_time
from rrma_groups.problems import describe_message
from rrma_groups.render.report import render_report
from rrma_groups.scheduling import retime
from rrma_groups.starter import starter_text

GROUP = groupe_pays_maroc()
SOURCE = Path(rrma_groups.__file__).parent


def _pdf_without_engine() -> None:
    from rrma_groups.export import pdf

    saved = sys.modules.get("weasyprint")
    sys.modules["weasyprint"] = None  # type: ignore[assignment]
    try:
        pdf.to_pdf(GROUP, "fr")
    finally:
        if saved is None:
            del sys.modules["weasyprint"]
        else:
            sys.modules["weasyprint"] = saved


def _pdf_fonts() -> None:
    from rrma_groups.export.pdf import PdfFontError

    raise PdfFontError(("\U0001f600", "\u2d30"))


def _series_without_end() -> None:
    series = Series(
        id="gpmar",
        title="GPMar",
        recurrence="FREQ=MONTHLY",
        first_date=dt.date(2017, 1, 6),
        time="14h00 - 17h30",
    )
    series.meetings()


def _retime_collision() -> None:
    retime(GROUP.meetings[0]).shift("Présentation de l'ordre du jour", 20)


CASES: dict[str, Callable[[], object]] = {
    "toml syntax": lambda: loads("name = ", "toml", source="g.toml"),
    "json duplicate key": lambda: loads('{"a": 1, "a": 2}', "json", source="g.json"),
    "empty file": lambda: loads("  ", "toml"),
    "missing file": lambda: load("/nonexistent/groupe.toml"),
    "folder": lambda: load(SOURCE),
    "unknown suffix": lambda: load(SOURCE / "py.typed"),
    "top level not a table": lambda: loads("[1, 2]", "json"),
    "invalid data": lambda: loads('schema_version = 1\nid = "x"\n', "toml", source="g.toml"),
    "unknown language": lambda: normalize_locale("klingon"),
    "unreadable time": lambda: parse_time("25h"),
    "weekday mismatch": lambda: parse_date("lundi 4 novembre 2016"),
    "malformed region": lambda: canonical_subdivision("Marrakech"),
    "unknown country": lambda: country_name("XX", "fr"),
    "scheduling": lambda: AgendaBuilder("9h00").add("Accueil", 30).add("Débat", 0),
    "item lookup": lambda: retime(GROUP.meetings[0]).shift("Pause café", 10),
    "retime": _retime_collision,
    "retime keyword": lambda: retime(GROUP.meetings[0]).shift("Accueil", 10, casade=True),
    "series": _series_without_end,
    "calendar": lambda: from_ical(b"BEGIN:VCALENDAR\r\nnonsense\r\n"),
    "table": lambda: parse_table("bonjour\nau revoir\n").raise_for_errors("prog.txt"),
    "render format": lambda: render(GROUP, "docx"),  # type: ignore[arg-type]
    "render meeting": lambda: render(GROUP, meeting="gpmar-2099"),
    "wrong object": lambda: render(42),  # type: ignore[arg-type]
    "directory": lambda: directory(GROUP, sort="size"),  # type: ignore[arg-type]
    "directory kind": lambda: directory(GROUP, kinds=["club"]),
    "report period": lambda: activity_report(
        GROUP, start=dt.date(2017, 1, 1), end=dt.date(2016, 1, 1)
    ),
    "report format": lambda: render_report(GROUP, activity_report(GROUP, 2016), "pdf"),
    "starter": lambda: starter_text("XX", "Centraider"),
    "pdf engine": _pdf_without_engine,
    "pdf fonts": _pdf_fonts,
    "odt unreadable": lambda: odt_text(b"PK\x03\x04 cut short", source="programme.odt"),
    "odt entities": lambda: odt_text(b'<!DOCTYPE x [<!ENTITY a "a">]><x/>', source="p.fodt"),
}

# English words that never belong in a French or Arabic message (values are quoted, and
# removed before looking).
ENGLISH = {
    "the", "is", "not", "cannot", "unknown", "must", "give", "choose", "among", "expected",
    "error", "errors", "line", "lines", "could", "read", "file", "has", "no", "of", "or", "and",
    "installed", "available", "folder", "syntax", "nested", "deeply", "takes",
}  # fmt: skip
QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|«[^»]*»|\S+\(\)|U\+[0-9A-F]+[^,;)]*|\[[a-z_]+\]")


def caught(name: str) -> RrmaError:
    with pytest.raises(RrmaError) as info:
        CASES[name]()
    return info.value


def english_words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", QUOTED.sub(" ", text))) & ENGLISH


@pytest.mark.parametrize("name", sorted(CASES))
class TestEveryError:
    def test_it_has_a_code_and_a_template_of_the_registry(self, name: str) -> None:
        """The code and template come from the one registry, with the params that fill it."""
        error = caught(name)
        assert error.code in MESSAGES
        assert error.template in {*MESSAGES.values(), *WORDINGS.values()}
        assert set(re.findall(r"\{(\w+)", error.template)) <= set(error.params)

    def test_its_english_message_is_its_text(self, name: str) -> None:
        """``describe()`` is the English message; ``str()`` may add where it happened."""
        error = caught(name)
        assert error.describe() == error.describe(None) == error.message
        assert error.message in str(error)
        assert "{" not in error.message.replace("{}", "")

    @pytest.mark.parametrize("lang", ["fr", "ar", "ar-MA"])
    def test_it_speaks_the_language_asked(self, name: str, lang: str) -> None:
        """No English is left in a French or Arabic message, once quoted values are set aside."""
        error = caught(name)
        text = error.describe(lang)
        assert text != error.message
        assert not english_words(text), text
        if lang.startswith("ar"):
            assert re.search("[\u0600-\u06ff]", text), text

    def test_it_survives_pickling(self, name: str) -> None:
        """An error sent to another process (multiprocessing) keeps its code and message."""
        error = caught(name)
        copy = pickle.loads(pickle.dumps(error))
        assert (type(copy), copy.code, str(copy)) == (type(error), error.code, str(error))


class TestBuiltIns:
    """Each error is also the built-in exception that says what went wrong."""

    @pytest.mark.parametrize(
        ("name", "builtin"),
        [
            ("toml syntax", ValueError),
            ("invalid data", ValueError),
            ("unknown language", ValueError),
            ("unreadable time", ValueError),
            ("malformed region", LookupError),
            ("item lookup", KeyError),
            ("wrong object", TypeError),
            ("retime keyword", TypeError),
            ("pdf engine", RuntimeError),
            ("pdf fonts", RuntimeError),
            ("odt unreadable", ValueError),
        ],
    )
    def test_builtin(self, name: str, builtin: type[Exception]) -> None:
        assert isinstance(caught(name), builtin)

    def test_a_missing_engine_is_not_bad_data(self) -> None:
        """Nothing in the data is wrong when WeasyPrint is missing: not a ValueError."""
        assert not isinstance(caught("pdf engine"), ValueError)

    def test_the_classes(self) -> None:
        assert issubclass(FileFormatError, ValueError)
        assert issubclass(LocaleError, ValueError)
        assert issubclass(TimeParseError, ValueError)
        assert issubclass(WrongObjectError, TypeError)
        assert not issubclass(RrmaError, ValueError)


class TestTheRegistry:
    def test_no_code_is_written_twice(self) -> None:
        """A dict literal keeps the last of two equal keys: the registry's source has none."""
        tree = ast.parse((SOURCE / "messages.py").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Dict) and len(node.keys) > 10:
                keys = [ast.unparse(k) for k in node.keys if k is not None]
                assert len(keys) == len(set(keys))

    def test_every_wording_belongs_to_a_code(self) -> None:
        assert {code for code, _ in WORDINGS} <= set(MESSAGES)

    def test_every_counting_template_counts(self) -> None:
        """A template with a plural form says how many: it has a {count}, or the parameter
        that ``NN_(..., counting=...)`` names ({length} characters)."""
        for plural, singular in PLURALS.items():
            counted = "{" + COUNTED.get(plural, "count") + "}"
            assert counted in plural
            assert counted in singular or plural.startswith("no installed font")

    def test_a_count_that_is_not_count_chooses_the_form(self) -> None:
        """ "64 حرفًا", "3 أحرف", "100 حرف": the number of characters chooses the Arabic form."""
        texts = {
            n: describe_message(MESSAGES["too_long"], {"length": n, "max_length": 500}, "ar")
            for n in (3, 64, 600)
        }
        assert "3 أحرف" in texts[3]
        assert "64 حرفًا" in texts[64]
        assert "600 حرف،" in texts[600]
        assert "64 caractères" in describe_message(
            MESSAGES["too_long"], {"length": 64, "max_length": 10}, "fr"
        )

    def test_counts_take_the_plural_of_the_language(self) -> None:
        """Arabic has six plural forms: three errors is أخطاء, eleven would be خطأً."""
        three = caught("invalid data")  # name, country and network are missing
        assert three.describe().startswith("3 errors in g.toml:")
        assert three.describe("fr").startswith("3 erreurs dans g.toml\u202f:")
        assert three.describe("ar").splitlines()[0] == "3 أخطاء في g.toml:"

    def test_file_sizes_are_grouped_for_the_locale(self, tmp_path: Path) -> None:
        """33,554,432 in English, 33 554 432 (narrow no-break spaces) in French."""
        big = tmp_path / "big.toml"
        with big.open("wb") as handle:
            handle.truncate(40 * 1024 * 1024)
        with pytest.raises(FileFormatError) as info:
            load(big)
        assert "33,554,432" in info.value.describe()
        assert "33\u202f554\u202f432" in info.value.describe("fr")
