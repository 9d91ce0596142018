"""Re-timing refusals and keywords: every refusal is a RetimeError with its problems, and the
operations share one keyword, ``cascade``, for "the items that follow move along".

Each operation of ``retime(...)`` is refused here in the ways a user meets, on a plain
programme and on a programme with parallel rooms and a fixed lunch (the bundled Senegal
example, and one built with AgendaBuilder): one ``except RetimeError`` catches every refusal,
and ``explain(error.problems, lang)`` says why in French and Arabic.
"""

from __future__ import annotations

import inspect
import pickle
import re
import warnings
from collections.abc import Callable
from typing import Any

import pytest

import rrma_groups
from rrma_groups import Agenda, Meeting, TimeParseError, explain
from rrma_groups.errors import RrmaError, WrongObjectError
from rrma_groups.examples import example_path
from rrma_groups.messages import MESSAGES, WORDINGS
from rrma_groups.scheduling import (
    AgendaBuilder,
    ItemLookupError,
    KeywordError,
    RetimeError,
    Retimer,
    SchedulingError,
    retime,
)
from test_error_protocol import QUOTED, english_words
from typeset import typeset

P = pytest.param
VENUE = {
    "name": "Maison",
    "rooms": [{"id": "salle-a", "name": "A"}, {"id": "salle-b", "name": "B"}],
}


def plain() -> Meeting:
    """A morning in the plenary, from 9:00 to 11:30, its last item open-ended (from 10:30)."""
    builder = AgendaBuilder("9h00", day="2017-03-10")
    builder.add("Accueil", 30).add("Débat", 60).add("Clôture", 30)
    meeting = builder.meeting("matinee", "Matinée", start="9h00", end="11h30")
    last = meeting.agenda[-1]
    return meeting.replace(agenda=[*meeting.agenda[:-1], last.replace(end=None)])


def senegal() -> Meeting:
    """The bundled Senegal meeting: two parallel workshops (11:00–12:30), a fixed lunch."""
    return rrma_groups.load(example_path("senegal")).meetings[0]


def parallel() -> Agenda:
    """A bare agenda: two rooms of workshops that rejoin, a fixed lunch, an afternoon."""
    builder = AgendaBuilder("9h00")
    builder.add("Accueil", 30)
    with builder.rooms("salle-a", "salle-b") as (a, b):
        a.add("Atelier eau", 60)
        b.add("Atelier santé", 90)
    builder.add("Restitution", 30).add("Déjeuner", 60, fixed=True).add("Clôture", 30)
    return builder.agenda()


Refused = Callable[[Retimer[Any]], object]

# The English words of re-timing messages, besides those test_error_protocol looks for.
MORE_ENGLISH = {"item", "items", "would", "fixed", "outside", "overlaps", "until", "its", "did"}
MORE_ENGLISH |= {"mean", "keyword", "keywords", "insert", "stretch", "remove", "move"}


def english_left(text: str) -> set[str]:
    """The English words left in a French or Arabic message, once quoted values, keyword
    names (``day=``), locations (``agenda[3].end``) and ``function()`` are set aside."""
    text = re.sub(r"\w+=|agenda\[\d+\](\.\w+)?", " ", text)
    return english_words(text) | set(re.findall(r"[a-z]+", QUOTED.sub(" ", text))) & MORE_ENGLISH


# (operation, programme, call, the refusal's code, the codes of its problems)
CASES = [
    # --- shift
    P("shift", plain, lambda r: r.shift("Accueil", 10), "invalid_programme", ["overlap"],
      id="shift-plain-overlap"),
    P("shift", plain, lambda r: r.shift("Zzz", 10), "unknown_item", ["unknown_item"],
      id="shift-plain-unknown-item"),
    P("shift", plain, lambda r: r.shift("Accueil", to="25h"), "invalid_time", ["invalid_time"],
      id="shift-plain-unreadable-time"),
    P("shift", plain, lambda r: r.shift(0, -600), "outside_day", ["outside_day"],
      id="shift-plain-outside-day"),
    P("shift", senegal, lambda r: r.shift("Pause", 20, cascade=True), "fixed_in_the_way",
      ["fixed_in_the_way"], id="shift-parallel-fixed-lunch"),
    P("shift", senegal, lambda r: r.shift("Atelier : agriculture", 10), "invalid_programme",
      ["overlap"], id="shift-parallel-overlap"),
    P("shift", parallel, lambda r: r.shift("Accueil", 60, cascade=True), "fixed_in_the_way",
      ["fixed_in_the_way"], id="shift-built-parallel-fixed-lunch"),
    # --- insert
    P("insert", plain, lambda r: r.insert("Pause", 10, after="Accueil"), "invalid_programme",
      ["overlap"], id="insert-plain-overlap"),
    P("insert", plain, lambda r: r.insert("Pause", 0, after="Accueil"), "invalid_length",
      ["invalid_length"], id="insert-plain-no-length"),
    P("insert", plain, lambda r: r.insert("Pause", 10, before=1, after=2),
      "conflicting_position", ["conflicting_position"], id="insert-plain-two-positions"),
    P("insert", plain, lambda r: r.insert("Pause", after=1), "missing_length",
      ["missing_length"], id="insert-plain-missing-length"),
    P("insert", plain, lambda r: r.insert("Pause", duration="une éternité", after=1),
      "invalid_duration", ["invalid_duration"], id="insert-plain-unreadable-duration"),
    P("insert", plain, lambda r: r.insert("Pause", 10, facilitators=[42]),
      "invalid_facilitator_spec", ["invalid_facilitator_spec"], id="insert-plain-facilitator"),
    P("insert", plain, lambda r: r.insert("Pause", 10, kind="sieste"), "invalid_item",
      ["invalid_item"], id="insert-plain-invalid-item"),
    P("insert", plain, lambda r: r.insert(42, 10, after=0), "invalid_item", ["invalid_item"],
      id="insert-plain-title-not-text"),
    P("insert", plain, lambda r: r.insert("Pause", 10, after=0, facilitators="person:BAD ID!"),
      "invalid_item", ["invalid_item"], id="insert-plain-facilitator-id"),
    P("insert", plain, lambda r: r.insert("Pause", 10, at=8), "invalid_time", ["invalid_time"],
      id="insert-plain-time-not-text"),
    P("insert", senegal, lambda r: r.insert("Pause café", 15, before="Pause", cascade=True),
      "fixed_in_the_way", ["fixed_in_the_way"], id="insert-parallel-fixed-lunch"),
    P("insert", senegal,
      lambda r: r.insert("Visite", 20, after="Atelier : agriculture", room="salle-loire",
                         cascade=True),
      "invalid_programme", ["overlap"], id="insert-parallel-room-into-lunch"),
    P("insert", parallel, lambda r: r.insert("Consignes", 60, after="Accueil", cascade=True),
      "fixed_in_the_way", ["fixed_in_the_way"], id="insert-built-parallel-fixed-lunch"),
    # --- move
    P("move", plain, lambda r: r.move(1), "missing_position", ["missing_position"],
      id="move-plain-nowhere"),
    P("move", plain, lambda r: r.move(1, before=1), "same_item", ["same_item"],
      id="move-plain-itself"),
    P("move", plain, lambda r: r.move("Clôture", before=0), "open_end", ["open_end"],
      id="move-plain-open-end"),
    P("move", senegal, lambda r: r.move("Conclusion", before="Pause"), "fixed_in_the_way",
      ["fixed_in_the_way"], id="move-parallel-fixed-lunch"),
    P("move", parallel, lambda r: r.move("Clôture", after="Accueil"), "fixed_in_the_way",
      ["fixed_in_the_way"], id="move-built-parallel-fixed-lunch"),
    # --- remove
    P("remove", plain, lambda r: r.remove("Zzz"), "unknown_item", ["unknown_item"],
      id="remove-plain-unknown-item"),
    P("remove", plain, lambda r: r.remove(12), "item_index_out_of_range",
      ["item_index_out_of_range"], id="remove-plain-out-of-range"),
    P("remove", senegal, lambda r: r.remove("Atelier"), "ambiguous_item", ["ambiguous_item"],
      id="remove-parallel-ambiguous"),
    # --- resize
    P("resize", plain, lambda r: r.resize("Accueil"), "missing_length", ["missing_length"],
      id="resize-plain-no-length"),
    P("resize", plain, lambda r: r.resize("Accueil", 10, end="9h10"), "conflicting_length",
      ["conflicting_length"], id="resize-plain-two-lengths"),
    P("resize", plain, lambda r: r.resize("Accueil", 45), "invalid_programme", ["overlap"],
      id="resize-plain-overlap"),
    P("resize", plain, lambda r: r.resize("Accueil", end="9h75"), "invalid_time",
      ["invalid_time"], id="resize-plain-unreadable-end"),
    P("resize", senegal, lambda r: r.resize("Atelier : jeunesse", 100, cascade=True),
      "invalid_programme", ["overlap"], id="resize-parallel-into-lunch"),
    P("resize", parallel, lambda r: r.resize("Atelier santé", 150, cascade=True),
      "fixed_in_the_way", ["fixed_in_the_way"], id="resize-built-parallel-fixed-lunch"),
    # --- stretch
    P("stretch", plain, lambda r: r.stretch("Accueil", -30), "invalid_length",
      ["invalid_length"], id="stretch-plain-to-nothing"),
    P("stretch", plain, lambda r: r.stretch("Accueil", 10), "invalid_programme", ["overlap"],
      id="stretch-plain-overlap"),
    P("stretch", plain, lambda r: r.stretch("Clôture", 10), "open_end", ["open_end"],
      id="stretch-plain-open-end"),
    P("stretch", plain, lambda r: r.stretch("Débat", 70, cascade=True), "invalid_programme",
      ["item_outside_meeting"] * 2, id="stretch-plain-past-the-end"),
    P("stretch", senegal, lambda r: r.stretch("Pause", 10, cascade=True), "fixed_in_the_way",
      ["fixed_in_the_way"], id="stretch-parallel-fixed-lunch"),
    P("stretch", parallel, lambda r: r.stretch("Atelier eau", 60), "invalid_programme",
      ["overlap"], id="stretch-built-parallel-overlap"),
    # --- compact
    P("compact", plain, lambda r: r.compact(day="2017-03-12"), "unknown_day", ["unknown_day"],
      id="compact-plain-unknown-day"),
    P("compact", plain, lambda r: r.compact(start="8h75"), "invalid_time", ["invalid_time"],
      id="compact-plain-unreadable-start"),
    P("compact", plain, lambda r: r.compact(start="8h00"), "invalid_programme",
      ["item_outside_meeting"] * 2, id="compact-plain-before-the-start"),
    P("compact", senegal, lambda r: r.compact(start="11h00"), "fixed_in_the_way",
      ["fixed_in_the_way"], id="compact-parallel-fixed-lunch"),
    P("compact", parallel, lambda r: r.compact(gap=40), "fixed_in_the_way",
      ["fixed_in_the_way"], id="compact-built-parallel-fixed-lunch"),
    # --- fit
    P("fit", plain, lambda r: r.fit(), "nothing_to_fit", ["nothing_to_fit"],
      id="fit-plain-nothing"),
    P("fit", plain, lambda r: r.fit(end="8h00"), "cannot_fit", ["cannot_fit"],
      id="fit-plain-end-before-start"),
    P("fit", plain, lambda r: r.fit(end="11h00", day="2017-03-11"), "unknown_day",
      ["unknown_day"], id="fit-plain-unknown-day"),
    P("fit", senegal, lambda r: r.fit(end="13h00"), "cannot_fit", ["cannot_fit"],
      id="fit-parallel-fixed-lunch"),
    P("fit", parallel, lambda r: r.fit(start="11h30"), "cannot_fit", ["cannot_fit"],
      id="fit-built-parallel-fixed-lunch"),
]  # fmt: skip


def refused(programme: Callable[[], Meeting | Agenda], call: Refused) -> RetimeError:
    """The refusal of ``call`` on ``programme``: a RetimeError, and the programme unchanged."""
    target = programme()

    def dump() -> object:
        return (
            target.model_dump() if isinstance(target, Meeting) else [i.model_dump() for i in target]
        )

    before = dump()
    with pytest.raises(RrmaError) as info:
        call(retime(target))  # type: ignore[arg-type]
    assert isinstance(info.value, RetimeError), f"{type(info.value).__name__}: {info.value}"
    assert dump() == before, "a refused operation changes nothing"
    return info.value


@pytest.mark.parametrize(("operation", "programme", "call", "code", "codes"), CASES)
class TestEveryRefusalIsARetimeError:
    def test_it_carries_its_problems(
        self, operation: str, programme: Any, call: Refused, code: str, codes: list[str]
    ) -> None:
        """A RetimeError (a SchedulingError and a ValueError too), with at least one problem."""
        error = refused(programme, call)
        assert isinstance(error, RetimeError)
        assert isinstance(error, SchedulingError)
        assert isinstance(error, ValueError)
        assert error.code == code
        assert error.problems
        assert [p.code for p in error.problems] == codes
        assert all(p.is_error for p in error.problems)

    def test_its_problems_are_told_in_french_and_arabic(
        self, operation: str, programme: Any, call: Refused, code: str, codes: list[str]
    ) -> None:
        """explain(error.problems, lang) leaves no English word, in French or in Arabic."""
        error = refused(programme, call)
        english = explain(error.problems)
        for lang in ("fr", "ar"):
            lines = explain(error.problems, lang)
            assert lines != english
            for line in lines:
                assert not english_left(line), line
                if lang == "ar":
                    assert re.search("[\u0600-\u06ff]", line), line

    def test_one_problem_is_the_error_itself(
        self, operation: str, programme: Any, call: Refused, code: str, codes: list[str]
    ) -> None:
        """A refusal made before the new programme exists keeps its code, message and value:
        its one problem is the error, as ``as_problem()`` gives it."""
        error = refused(programme, call)
        if code == "invalid_programme":
            return
        assert error.problems == (error.as_problem(),)
        assert error.problems[0].describe("fr") == error.describe("fr")
        assert error.template in {*MESSAGES.values(), *WORDINGS.values()}

    def test_it_survives_pickling(
        self, operation: str, programme: Any, call: Refused, code: str, codes: list[str]
    ) -> None:
        error = refused(programme, call)
        copy = pickle.loads(pickle.dumps(error))
        assert (type(copy), copy.code, str(copy), copy.problems) == (
            type(error),
            error.code,
            str(error),
            error.problems,
        )


def test_every_operation_is_refused_on_both_kinds_of_programme() -> None:
    """Each public operation of Retimer has cases on a plain and on a parallel programme."""
    public = {
        name
        for name, member in inspect.getmembers(Retimer, inspect.isfunction)
        if not name.startswith("_")
    }
    covered: dict[str, set[str]] = {}
    for case in CASES:
        operation, programme = case.values[0], case.values[1]
        kind = "plain" if programme is plain else "parallel"
        covered.setdefault(str(operation), set()).add(kind)
    assert public == set(covered)
    assert all(kinds == {"plain", "parallel"} for kinds in covered.values()), covered


class TestWhereAndWhat:
    def test_the_fixed_lunch_of_a_parallel_agenda(self) -> None:
        """The documented pattern catches the lunch in the way, located at the lunch."""
        error = refused(senegal, lambda r: r.insert("Pause café", 15, before="Pause", cascade=True))
        assert str(error) == (
            "cannot insert 'Pause café' before 'Pause': 'Déjeuner' is fixed at 12:30, but the "
            "items before it would run until 12:45"
        )
        assert explain(error.problems, "fr") == [
            typeset(
                "agenda[6].start: opération impossible (insérer 'Pause café' avant 'Pause') : "
                "'Déjeuner' est fixé à 12h30, mais les points précédents dureraient jusqu'à "
                "12h45 [fixed_in_the_way]",
                "fr",
            )
        ]

    @pytest.mark.parametrize(
        ("call", "location"),
        [
            P(lambda r: r.shift(0, -600), "agenda[0].start", id="outside-day"),
            P(lambda r: r.stretch("Accueil", -30), "agenda[0].end", id="length"),
            P(lambda r: r.stretch("Clôture", 10), "agenda[2].end", id="open-end"),
            P(lambda r: r.move(1, before=1), "agenda[1]", id="itself"),
            P(lambda r: r.resize("Accueil"), "agenda[0]", id="no-length"),
            P(lambda r: r.shift("Zzz", 10), "", id="not-an-item"),
            P(lambda r: r.fit(), "", id="not-about-an-item"),
        ],
    )
    def test_located_at_the_item_of_the_programme_given(self, call: Refused, location: str) -> None:
        """A refusal about an item is located at it; other refusals have no location."""
        error = refused(plain, call)
        assert [p.location for p in error.problems] == [location]
        assert error.location == location

    def test_the_fixed_item_that_stops_a_cascade_is_located(self) -> None:
        error = refused(parallel, lambda r: r.shift("Accueil", 60, cascade=True))
        assert [p.location for p in error.problems] == ["agenda[4].start"]
        assert error.problems[0].params["title"] == "Déjeuner"

    def test_an_unknown_item_is_still_a_lookup_error(self) -> None:
        """except ItemLookupError (or KeyError) still catches an item that is not found."""
        error = refused(plain, lambda r: r.shift("Zzz", 10))
        assert isinstance(error, ItemLookupError)
        assert isinstance(error, KeyError)
        assert str(error) == (
            "no item 'Zzz' in the agenda; its items are: [0] 'Accueil', [1] 'Débat', [2] 'Clôture'"
        )

    def test_an_unreadable_time_is_still_a_time_parse_error(self) -> None:
        """except TimeParseError still catches a time that cannot be read."""
        error = refused(plain, lambda r: r.shift("Accueil", to="25h"))
        assert isinstance(error, TimeParseError)
        assert (error.text, error.value, error.reason) == ("25h", "25h", "hours go from 0 to 23")
        assert str(error) == "cannot read '25h': hours go from 0 to 23"

    def test_a_whole_number_of_minutes(self) -> None:
        """Minutes that are not a whole number are a TypeError of the library, not a refusal."""
        with pytest.raises(WrongObjectError) as info:
            retime(plain()).shift("Accueil", "10")  # type: ignore[arg-type]
        assert str(info.value) == "shift() takes a whole number, not str"
        assert not isinstance(info.value, RetimeError)


# --------------------------------------------------------------------------------------------
# One keyword: cascade
# --------------------------------------------------------------------------------------------


class TestCascadeIsTheOneKeyword:
    @pytest.mark.parametrize(
        "operation",
        ["shift", "stretch", "resize", "insert", "remove"],
    )
    def test_each_operation_takes_it_and_changes_only_what_it_names_by_default(
        self, operation: str
    ) -> None:
        """cascade is keyword-only and False by default wherever it is taken."""
        parameter = inspect.signature(getattr(Retimer, operation)).parameters["cascade"]
        assert (parameter.kind, parameter.default) == (inspect.Parameter.KEYWORD_ONLY, False)

    def test_by_default_only_the_item_named_changes(self) -> None:
        """Without cascade, the items that follow stay where they are."""
        meeting = senegal()
        shorter = retime(meeting).stretch("Pause", -5)
        assert [i.start for i in shorter.agenda] == [i.start for i in meeting.agenda]
        removed = retime(meeting).remove("Pause")
        assert [i.start for i in removed.agenda] == [
            i.start for i in meeting.agenda if i != meeting.agenda[3]
        ]

    @pytest.mark.parametrize(
        ("old", "call"),
        [
            P("push", lambda r, **k: r.insert("Visite", 10, after="Accueil", **k), id="insert"),
            P("reflow", lambda r, **k: r.stretch("Accueil", 10, **k), id="stretch"),
            P("reflow", lambda r, **k: r.resize("Accueil", 40, **k), id="resize"),
            P("close_gap", lambda r, **k: r.remove("Accueil", **k), id="remove"),
        ],
    )
    def test_the_old_keywords_still_work_and_warn(self, old: str, call: Any) -> None:
        """push=, reflow= and close_gap= do what cascade= does, with a DeprecationWarning that
        names cascade, pointing at the caller's line."""
        for value in (True, False):
            runner = retime(senegal())
            try:
                expected: object = call(runner, cascade=value)
            except RetimeError as error:
                expected = error.code
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                try:
                    got: object = call(runner, **{old: value})
                except RetimeError as error:
                    got = error.code
            assert got == expected
            [warning] = caught
            assert warning.category is DeprecationWarning
            assert re.search(
                rf"\({old}=\.\.\.\) is deprecated: use \w+\(cascade=\.\.\.\)",
                str(warning.message),
            )
            assert warning.filename == __file__

    def test_the_old_keyword_given_with_the_new_one(self) -> None:
        with pytest.raises(KeywordError) as info:
            retime(plain()).insert("Pause", 10, after=0, push=True, cascade=True)
        error = info.value
        assert isinstance(error, TypeError)
        assert isinstance(error, RrmaError)
        assert not isinstance(error, RetimeError)
        assert (error.code, str(error)) == (
            "keyword_given_twice",
            "insert() takes cascade= or its old name push=, not both",
        )
        assert (
            error.describe("fr") == "insert() prend cascade= ou son ancien nom push=, pas les deux"
        )
        assert error.describe("ar") == (
            "تأخذ insert()\u200e الوسيط cascade= أو اسمه القديم push=، لا كليهما"
        )

    def test_no_warning_for_the_new_keyword(self) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            retime(senegal()).remove("Pause", cascade=True)


class TestWrongKeywords:
    @pytest.mark.parametrize(
        ("call", "english", "french", "arabic"),
        [
            P(lambda r: r.shift("Débat", 10, casade=True),
              "shift() takes no keyword 'casade'; did you mean 'cascade'? Its keywords are: "
              "key=, minutes=, to=, cascade=",
              "shift() ne prend pas de paramètre nommé 'casade' ; vouliez-vous dire "
              "'cascade' ? Ses paramètres nommés sont : key=, minutes=, to=, cascade=",
              "لا تأخذ shift()\u200e الوسيط المسمّى 'casade'؛ هل تقصد 'cascade'؟ وسائطها "
              "المسمّاة هي: key=، minutes=، to=، cascade=",
              id="typo"),
            P(lambda r: r.shift("Débat", 10, push=True),
              "shift() takes no keyword 'push'; did you mean 'cascade'? Its keywords are: "
              "key=, minutes=, to=, cascade=",
              "shift() ne prend pas de paramètre nommé 'push' ; vouliez-vous dire "
              "'cascade' ? Ses paramètres nommés sont : key=, minutes=, to=, cascade=",
              "لا تأخذ shift()\u200e الوسيط المسمّى 'push'؛ هل تقصد 'cascade'؟ وسائطها "
              "المسمّاة هي: key=، minutes=، to=، cascade=",
              id="an-old-name-elsewhere"),
            P(lambda r: r.move("Débat", before=0, cascade=True),
              "move() takes no keyword 'cascade'; its keywords are: key=, before=, after=",
              "move() ne prend pas de paramètre nommé 'cascade' ; ses paramètres nommés "
              "sont : key=, before=, after=",
              "لا تأخذ move()\u200e الوسيط المسمّى 'cascade'؛ وسائطها المسمّاة هي: key=، "
              "before=، after=",
              id="no-close-keyword"),
            P(lambda r: r.fit(ned="11h00"),
              "fit() takes no keyword 'ned'; did you mean 'end'? Its keywords are: end=, start=, "
              "day=",
              "fit() ne prend pas de paramètre nommé 'ned' ; vouliez-vous dire 'end' ? Ses "
              "paramètres nommés sont : end=, start=, day=",
              "لا تأخذ fit()\u200e الوسيط المسمّى 'ned'؛ هل تقصد 'end'؟ وسائطها المسمّاة هي: "
              "end=، start=، day=",
              id="fit"),
        ],
    )  # fmt: skip
    def test_the_message_names_the_keywords_and_the_closest(
        self, call: Refused, english: str, french: str, arabic: str
    ) -> None:
        """A TypeError of the library, in every language, before anything is done."""
        with pytest.raises(KeywordError) as info:
            call(retime(plain()))
        error = info.value
        assert isinstance(error, TypeError)
        assert isinstance(error, RrmaError)
        assert not isinstance(error, RetimeError)
        assert error.code == "unknown_keyword"
        assert error.template in {*MESSAGES.values(), *WORDINGS.values()}
        assert str(error) == english
        assert error.describe("fr") == typeset(french, "fr")
        assert error.describe("ar") == typeset(arabic, "ar")
        assert not english_left(error.describe("fr"))
        assert not english_left(error.describe("ar"))
        assert pickle.loads(pickle.dumps(error)).describe("fr") == error.describe("fr")

    def test_an_inserted_item_takes_its_fields(self) -> None:
        """insert() takes the item's fields as keywords, and says so for a misspelt one."""
        with pytest.raises(KeywordError) as info:
            retime(plain()).insert("Pause", 10, after=0, facilitator="Khalid")
        assert info.value.params["suggestion"] == "facilitators"
        assert "room=, track=, notes=, fixed=" in str(info.value)
        with pytest.raises(KeywordError, match="takes no keyword 'start'; its keywords are"):
            retime(plain()).insert("Pause", 10, start="9h30")
        added = retime(plain()).insert(
            "Pause", 10, at="9h00", kind="break", id="pause", cascade=True
        )
        assert added.agenda[0].id == "pause"
