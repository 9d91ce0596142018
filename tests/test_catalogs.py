"""The gettext catalogs: up to date with the code, complete, faithful to their message ids.

Messages are extracted again here, in memory, with babel.cfg's settings (what ``pybabel
extract`` does), so a message added to the code without a translation fails a test. When one
does, follow docs/translating.md: extract, update, translate, check.
"""

from __future__ import annotations

import functools
import gettext
import string
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from babel import Locale
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from rrma_groups.i18n.catalog import DOMAIN, LOCALE_DIR, catalog_languages, translator
from rrma_groups.render.labels import plural

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "rrma_groups"
TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"

COMPLETE = ("fr", "ar")
"""Languages every message is translated into (English is the source)."""
PARTIAL = ("ar_MA",)
"""Regional catalogs that hold only what differs from their language."""

Key = tuple[str | tuple[str, ...], str | None]

# The six CLDR forms of Arabic, as gettext numbers them: zero, one, two, few (3–10), many
# (11–99), other (100–102, 200…). Babel ≤ 2.18 wrote a wrong expression for them.
ARABIC_PLURAL_FORMS = (
    "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : "
    "n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);"
)
CLDR_ORDER = ("zero", "one", "two", "few", "many", "other")
# Enough numbers to meet every form of every language we have: all of 0–1200, and the
# millions that take French's "many" form ("1 000 000 de points").
SAMPLE_COUNTS = (*range(1201), 1_000_000, 2_000_000, 1_000_001)

# The English message ids of month and weekday names (not strftime: it follows the C locale).
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def key(message: Message) -> Key:
    msgid = tuple(message.id) if isinstance(message.id, list | tuple) else message.id
    return msgid, message.context


@functools.cache
def extracted() -> Catalog:
    """The messages of the code, extracted as ``pybabel extract -F babel.cfg`` does."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as config:
        method_map, options_map = parse_mapping_cfg(config)
    catalog = Catalog(domain=DOMAIN)
    for filename, lineno, message, comments, context in extract_from_dir(
        PACKAGE, method_map, options_map
    ):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


@functools.cache
def read(language: str | None) -> Catalog:
    """The ``.po`` catalog of ``language``, or the template for ``None``."""
    path = TEMPLATE if language is None else LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    with path.open("rb") as handle:
        return read_po(handle, locale=language, domain=DOMAIN)


def messages(catalog: Catalog) -> Iterator[Message]:
    return (m for m in catalog if m.id)


def keys(catalog: Catalog) -> set[Key]:
    return {key(m) for m in messages(catalog)}


def forms(message: Message) -> tuple[str, ...]:
    return tuple(message.string) if message.pluralizable else (message.string,)


def placeholders(text: str) -> set[tuple[str, str | None, str]]:
    """The ``{name!conversion:spec}`` fields of a message (``ValueError`` on a stray brace)."""
    return {
        (name, conversion, spec)
        for _, name, spec, conversion in string.Formatter().parse(text)
        if name is not None
    }


def plural_function(expression: str) -> Callable[[int], int]:
    """The form number that a C plural expression gives a count, as gettext computes it."""
    choose: Callable[[int], int] = gettext.c2py(expression)  # type: ignore[attr-defined]
    return choose


def counts_by_form(catalog: Catalog) -> dict[int, set[int]]:
    choose = plural_function(catalog.plural_expr)
    by_form: dict[int, set[int]] = {i: set() for i in range(catalog.num_plurals)}
    for n in SAMPLE_COUNTS:
        by_form[choose(n)].add(n)
    return by_form


class TestTemplate:
    def test_the_template_is_up_to_date_with_the_code(self) -> None:
        """rrma_groups.pot holds exactly the messages the code marks (re-run pybabel extract)."""
        code, template = keys(extracted()), keys(read(None))
        assert sorted(code - template, key=repr) == [], "in the code, missing from the .pot"
        assert sorted(template - code, key=repr) == [], "in the .pot, gone from the code"

    def test_the_code_has_messages_of_every_kind(self) -> None:
        """Extraction sees plain, plural and context messages (babel.cfg's keywords work)."""
        catalog = extracted()
        assert ("this field is required", None) in keys(catalog)
        assert (("{n} item", "{n} items"), None) in keys(catalog)
        assert ("Welcome", "item kind") in keys(catalog)
        assert (("Facilitator", "Facilitators"), "programme header") in keys(catalog)

    def test_translator_comments_reach_the_template(self) -> None:
        """A "TRANSLATORS:" comment above a marked string is kept for the translators."""
        message = read(None).get("Signed")
        assert message is not None
        assert any("TRANSLATORS:" in c for c in message.auto_comments)

    @pytest.mark.parametrize("language", [*COMPLETE, *PARTIAL, "en"])
    def test_each_catalog_follows_the_template(self, language: str) -> None:
        """Every catalog has the template's messages and no others (re-run pybabel update)."""
        assert keys(read(language)) == keys(read(None))

    def test_the_catalog_languages(self) -> None:
        """French, generic and Moroccan Arabic, and English have catalogs."""
        assert catalog_languages() == ("ar", "ar_MA", "en", "fr")


class TestCompleteness:
    @pytest.mark.parametrize("language", COMPLETE)
    def test_every_message_of_the_code_is_translated(self, language: str) -> None:
        """Each extracted message has a translation in fr and ar: not empty, not fuzzy."""
        catalog = read(language)
        untranslated = []
        for wanted in messages(extracted()):
            message = catalog.get(wanted.id, wanted.context)
            if message is None or message.fuzzy or not all(forms(message)):
                untranslated.append(key(wanted))
        assert untranslated == []

    @pytest.mark.parametrize("language", [*COMPLETE, *PARTIAL])
    def test_plural_messages_have_every_form(self, language: str) -> None:
        """A translated plural message fills all of its language's forms (six in Arabic)."""
        catalog = read(language)
        for message in messages(catalog):
            if message.pluralizable and any(message.string):
                assert len(message.string) == catalog.num_plurals, key(message)
                assert all(message.string), key(message)

    def test_english_is_the_source(self) -> None:
        """The English catalog translates nothing: its message ids are the English text."""
        assert not any(any(forms(m)) for m in messages(read("en")))

    def test_moroccan_arabic_holds_only_what_differs(self) -> None:
        """ar_MA translates a simple message only where it differs from ar; the rest falls back."""
        moroccan, arabic = read("ar_MA"), read("ar")
        translated = [m for m in messages(moroccan) if m.string and not m.pluralizable]
        assert translated
        for message in translated:
            generic = arabic.get(message.id, message.context)
            assert generic is not None, key(message)
            assert message.string != generic.string, key(message)
        assert translator("ar_MA").gettext("Activity") == "النشاط"  # from ar

    def test_moroccan_arabic_falls_back_for_plural_messages(self) -> None:
        """ar_MA leaves the plural messages to ar, like the others: the package compiles an
        untranslated plural message out of the catalog, where Babel would write the English
        text as its translation (python-babel/babel#697) and hide ar's."""
        moroccan, arabic = read("ar_MA"), read("ar")
        plural = [m for m in messages(arabic) if m.pluralizable]
        assert plural
        for message in plural:
            regional = moroccan.get(message.id, message.context)
            if regional is not None and any(forms(regional)):
                assert forms(regional) != forms(message), key(message)
        for message in plural:
            singular, plural_id = message.id
            for n in (0, 1, 2, 3, 11, 100):
                assert translator("ar_MA").ngettext(singular, plural_id, n) == translator(
                    "ar"
                ).ngettext(singular, plural_id, n), (key(message), n)

    def test_an_untranslated_plural_message_is_left_out_when_compiled(self) -> None:
        """What makes the fallback work: the compiled catalog has no such message at all."""
        import io

        from babel.messages.mofile import read_mo

        from rrma_groups.i18n.compiling import compile_catalog

        source = LOCALE_DIR / "ar_MA" / "LC_MESSAGES" / "rrma_groups.po"
        out = io.BytesIO()
        with source.open("rb") as handle:
            compile_catalog(handle, out, "ar_MA", "rrma_groups")
        out.seek(0)
        compiled = read_mo(out)
        untranslated = [
            m.id for m in messages(read("ar_MA")) if m.pluralizable and not any(forms(m))
        ]
        assert untranslated
        assert all(compiled.get(message_id) is None for message_id in untranslated)


class TestPlaceholders:
    @pytest.mark.parametrize("language", [*COMPLETE, *PARTIAL])
    def test_translations_keep_the_placeholders_of_their_message_id(self, language: str) -> None:
        """Every {name}, {name!r} of the message id is in the translation, and nothing else.

        A plural form used for one number only (Arabic's zero, one and two) may leave out
        the count: "فقرتان" is "2 items" without a "2".
        """
        catalog = read(language)
        single_number_forms = {i for i, ns in counts_by_form(catalog).items() if len(ns) == 1}
        for message in messages(catalog):
            ids = message.id if message.pluralizable else (message.id,)
            expected = set().union(*(placeholders(i) for i in ids))
            for index, text in enumerate(forms(message)):
                if not text:
                    continue
                found = placeholders(text)
                if message.pluralizable and index in single_number_forms:
                    assert found <= expected, (key(message), index, text)
                else:
                    assert found == expected, (key(message), index, text)

    def test_the_gap_warning_reads_as_the_doctest_says(self) -> None:
        """describe()'s doctest depends on this exact French sentence."""
        message = read("fr").get(
            "{minutes} minute gap before this item, after {previous_title!r} ended at "
            "{previous_end}"
        )
        assert message is not None
        assert message.string[2] == (
            "battement de {minutes} minutes avant ce point, après la fin de {previous_title!r} "
            "à {previous_end}"
        )


class TestPluralForms:
    @pytest.mark.parametrize("language", ["ar", "ar_MA"])
    def test_arabic_has_the_six_cldr_forms(self, language: str) -> None:
        """The Arabic header's Plural-Forms chooses as CLDR does, for 0 to 1200 and beyond."""
        catalog = read(language)
        reference = plural_function(ARABIC_PLURAL_FORMS.split("plural=")[1].rstrip(";"))
        header = plural_function(catalog.plural_expr)
        rule = Locale.parse("ar").plural_form
        assert catalog.num_plurals == 6
        for n in SAMPLE_COUNTS:
            assert header(n) == reference(n) == CLDR_ORDER.index(rule(n)), n

    @pytest.mark.parametrize("language", ["fr", "en"])
    def test_other_languages_follow_cldr_too(self, language: str) -> None:
        """French has CLDR's three forms (one: 0 and 1; many: millions), English two."""
        catalog = read(language)
        choose = plural_function(catalog.plural_expr)
        rule = Locale.parse(language).plural_form
        order = [c for c in CLDR_ORDER if c in rule.tags] + ["other"]
        assert catalog.num_plurals == len(order)
        for n in SAMPLE_COUNTS:
            assert order[choose(n)] == rule(n), n

    @pytest.mark.parametrize(
        ("n", "form"),
        [
            (0, "لا فقرات"),
            (1, "فقرة واحدة"),
            (2, "فقرتان"),
            (3, "{n} فقرات"),
            (11, "{n} فقرةً"),
            (100, "{n} فقرة"),
            (103, "{n} فقرات"),
            (111, "{n} فقرةً"),
        ],
    )
    def test_arabic_ngettext_picks_the_form_for_the_count(self, n: int, form: str) -> None:
        """zero, one, two, few (3–10), many (11–99), other (100–102), then again by n % 100."""
        assert translator("ar").ngettext("{n} item", "{n} items", n) == form
        assert translator("ar_MA").ngettext("{n} item", "{n} items", n) == form

    @pytest.mark.parametrize(
        ("n", "text"),
        [
            (0, "لا أخطاء"),
            (1, "خطأ واحد"),
            (2, "خطآن"),
            (3, "3 أخطاء"),
            (11, "11 خطأً"),
            (100, "100 خطأ"),
        ],
    )
    def test_arabic_counts_read_naturally(self, n: int, text: str) -> None:
        """The count is written where the form needs it, and not in the dual."""
        assert plural("errors", n, "ar") == text


class TestNamesAgreeWithCldr:
    """Month and weekday names of timeparse's reasons are those Babel writes in dates."""

    @pytest.mark.parametrize("language", ["fr", "ar", "ar_MA"])
    def test_month_names(self, language: str) -> None:
        """janvier…décembre; يناير…ديسمبر; ar_MA: ماي، يوليوز، غشت، شتنبر، نونبر، دجنبر."""
        months = Locale.parse(language).months["format"]["wide"]
        for number, english in enumerate(MONTHS, start=1):
            assert translator(language).gettext(english) == months[number], english

    @pytest.mark.parametrize("language", ["fr", "ar", "ar_MA"])
    def test_weekday_names(self, language: str) -> None:
        """lundi…dimanche; الاثنين…الأحد."""
        days = Locale.parse(language).days["format"]["wide"]
        for weekday, english in enumerate(WEEKDAYS):  # 0 is Monday, in Babel as in datetime
            assert translator(language).gettext(english) == days[weekday], english
