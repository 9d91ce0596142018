"""explain() and describe(): real problems, found in bad data, told in French and Arabic.

Each problem comes from loading a group that is wrong in one way (see builders.py) and is told
exactly: its message translated through the catalogs, its values written for the locale
(times: ``14h30`` in French, ``14:30`` in Arabic as the programme prints them; dates), its
location and code unchanged. A language without a catalog gets English, its values still
written for its locale.
"""

from __future__ import annotations

import json
import pickle
from collections.abc import Callable
from typing import Any, NamedTuple

import pytest

import rrma_groups
from builders import group_data, item
from rrma_groups import GroupValidationError, Problem, explain
from rrma_groups.errors import TimeParseError
from rrma_groups.messages import Msg
from rrma_groups.parsing.times import parse_date, parse_time, parse_time_range
from rrma_groups.problems import Severity, describe, problem

Data = dict[str, Any]


def found(data: Data) -> Problem:
    """The first error of ``data``, or else its first warning."""
    try:
        group = rrma_groups.loads(json.dumps(data, default=str), "json")
    except GroupValidationError as exc:
        return exc.errors[0]
    return rrma_groups.check(group).problems[0]


def altered(change: Callable[[Data], None]) -> Problem:
    data = group_data()
    change(data)
    return found(data)


def agenda(data: Data) -> list[Data]:
    items: list[Data] = data["meetings"][0]["agenda"]
    return items


# --- the bad data ----------------------------------------------------------------------------


def gap(data: Data) -> None:
    agenda(data)[1] = item("14h40 - 15h30", "Débat", kind="discussion")


def overlap_in_a_room(data: Data) -> None:
    agenda(data)[1].update(time="14h00 - 15h30", room="r1")


def overlap_in_the_plenary(data: Data) -> None:
    agenda(data)[1]["time"] = "14h20 - 15h30"


def unknown_person(data: Data) -> None:
    agenda(data)[1]["facilitators"] = [{"person": "p9"}]


def nobody_leads(data: Data) -> None:
    agenda(data)[1]["facilitators"] = []


def ends_before_it_starts(data: Data) -> None:
    data["meetings"][0]["end_date"] = "2016-11-03"


def misspelt_field(data: Data) -> None:
    agenda(data)[1]["facilitateurs"] = agenda(data)[1].pop("facilitators")


def item_after_the_meeting(data: Data) -> None:
    agenda(data)[2] = item("15h30 - 16h30", "Conclusion", kind="conclusion")


def duplicate_id(data: Data) -> None:
    data["actors"][1]["id"] = "a1"


def wrong_type(data: Data) -> None:
    data["meetings"][0]["venue"]["rooms"][0]["capacity"] = "vingt"


CASES: dict[str, Callable[[Data], None]] = {
    "gap": gap,
    "overlap_in_a_room": overlap_in_a_room,
    "overlap_in_the_plenary": overlap_in_the_plenary,
    "unknown_person": unknown_person,
    "nobody_leads": nobody_leads,
    "ends_before_it_starts": ends_before_it_starts,
    "misspelt_field": misspelt_field,
    "item_after_the_meeting": item_after_the_meeting,
    "duplicate_id": duplicate_id,
    "wrong_type": wrong_type,
}

AGENDA_1 = "meetings[0].agenda[1]"


class Told(NamedTuple):
    """Where a problem is, its code, and its message in each language."""

    location: str
    code: str
    en: str
    fr: str
    ar: str
    ar_ma: str

    def line(self, lang: str | None) -> str:
        message = {None: self.en, "fr": self.fr, "ar": self.ar, "ar_MA": self.ar_ma}[lang]
        return f"{self.location}: {message} [{self.code}]"


NB = "\u202f"  # French: a narrow no-break space before ; : ? ! and inside « »
FSI, PDI = "\u2068", "\u2069"  # Arabic: a quoted value is isolated inside its « »


def fr_quoted(text: str) -> str:
    return f"«{NB}{text}{NB}»"


def ar_quoted(text: str) -> str:
    return f"«{FSI}{text}{PDI}»"


EXPECTED: dict[str, Told] = {
    "gap": Told(
        f"{AGENDA_1}.start",
        "gap",
        en="10 minute gap before this item, after 'Accueil' ended at 14:30",
        fr=(
            f"battement de 10 minutes avant ce point, après "
            f"la fin de {fr_quoted('Accueil')} à 14h30"
        ),
        ar=(
            f"فاصل زمني مدته 10 دقائق قبل هذه الفقرة، بعد انتهاء "
            f"{ar_quoted('Accueil')} على الساعة 14:30"
        ),
        ar_ma=(
            f"فاصل زمني مدته 10 دقائق قبل هذه الفقرة، بعد انتهاء "
            f"{ar_quoted('Accueil')} على الساعة 14:30"
        ),
    ),
    "overlap_in_a_room": Told(
        f"{AGENDA_1}.start",
        "overlap",
        en="overlaps 'Accueil' (14:00–14:30) at meetings[0].agenda[0] in room 'r1'",
        fr=(
            f"chevauche {fr_quoted('Accueil')} (14h00–14h30), en meetings[0].agenda[0], "
            f"dans la salle {fr_quoted('r1')}"
        ),
        ar=(
            f"تتداخل مع {ar_quoted('Accueil')} (14:00–14:30) في meetings[0].agenda[0] "
            f"ضمن القاعة {ar_quoted('r1')}"
        ),
        ar_ma=(
            f"تتداخل مع {ar_quoted('Accueil')} (14:00–14:30) في meetings[0].agenda[0] "
            f"ضمن القاعة {ar_quoted('r1')}"
        ),
    ),
    "overlap_in_the_plenary": Told(
        f"{AGENDA_1}.start",
        "overlap",
        en="overlaps 'Accueil' (14:00–14:30) at meetings[0].agenda[0] in the plenary",
        fr=(
            f"chevauche {fr_quoted('Accueil')} (14h00–14h30), "
            f"en meetings[0].agenda[0], dans la plénière"
        ),
        ar=(
            f"تتداخل مع {ar_quoted('Accueil')} (14:00–14:30) "
            f"في meetings[0].agenda[0] ضمن الجلسة العامة"
        ),
        ar_ma=(
            f"تتداخل مع {ar_quoted('Accueil')} (14:00–14:30) "
            f"في meetings[0].agenda[0] ضمن الجلسة العامة"
        ),
    ),
    "unknown_person": Told(
        f"{AGENDA_1}.facilitators[0].person",
        "unknown_reference",
        en="no person has the id 'p9'; known ids: p1, p2",
        fr=f"personne {fr_quoted('p9')} introuvable{NB}; identifiants connus{NB}: p1, p2",
        ar=f"المعرّف {ar_quoted('p9')} لا يطابق أي شخص؛ المعرّفات المعروفة: p1، p2",
        ar_ma=f"المعرّف {ar_quoted('p9')} لا يطابق أي شخص؛ المعرّفات المعروفة: p1، p2",
    ),
    "nobody_leads": Told(
        f"{AGENDA_1}.facilitators",
        "no_facilitator",
        en="'Débat' has nobody to lead it",
        fr=f"{fr_quoted('Débat')} n’a personne pour l’animer",
        ar=f"لم يُحدَّد أي مؤطر لـ{ar_quoted('Débat')}",
        ar_ma=f"لم يُحدَّد أي مؤطر لـ{ar_quoted('Débat')}",
    ),
    "ends_before_it_starts": Told(
        "meetings[0].end_date",
        "end_date_before_date",
        en="ends on 2016-11-03, which is before its first day 2016-11-04",
        fr="se termine le 3 novembre 2016, avant son premier jour, le 4 novembre 2016",
        ar="ينتهي يوم 3 نوفمبر 2016، أي قبل يومه الأول 4 نوفمبر 2016",
        ar_ma="ينتهي يوم 3 نونبر 2016، أي قبل يومه الأول 4 نونبر 2016",
    ),
    "misspelt_field": Told(
        f"{AGENDA_1}.facilitateurs",
        "unknown_field_suggestion",
        en="unknown field 'facilitateurs'; did you mean 'facilitators'?",
        fr=(
            f"champ inconnu {fr_quoted('facilitateurs')}{NB}; vouliez-vous dire "
            f"{fr_quoted('facilitators')}{NB}?"
        ),
        ar=f"حقل غير معروف {ar_quoted('facilitateurs')}؛ هل تقصد {ar_quoted('facilitators')}؟",
        ar_ma=f"حقل غير معروف {ar_quoted('facilitateurs')}؛ هل تقصد {ar_quoted('facilitators')}؟",
    ),
    "item_after_the_meeting": Told(
        "meetings[0].agenda[2].end",
        "item_outside_meeting",
        en="16:30 is outside the meeting, which takes place on 2016-11-04, from 14:00 to 16:00",
        fr="16h30 est en dehors de la rencontre, qui a lieu le 4 novembre 2016, de 14h00 à 16h00",
        ar="16:30 خارج وقت اللقاء، الذي ينعقد يوم 4 نوفمبر 2016، من 14:00 إلى 16:00",
        ar_ma="16:30 خارج وقت اللقاء، الذي ينعقد يوم 4 نونبر 2016، من 14:00 إلى 16:00",
    ),
    "duplicate_id": Told(
        "actors[1].id",
        "duplicate_id",
        en="id 'a1' is already used at actors[0].id",
        fr=f"l’identifiant {fr_quoted('a1')} est déjà utilisé en actors[0].id",
        ar=f"المعرّف {ar_quoted('a1')} مستعمل من قبل في actors[0].id",
        ar_ma=f"المعرّف {ar_quoted('a1')} مستعمل من قبل في actors[0].id",
    ),
    "wrong_type": Told(
        "meetings[0].venue.rooms[0].capacity",
        "wrong_type",
        en="expected a whole number, got text 'vingt'",
        fr=f"attendu{NB}: un nombre entier{NB}; reçu{NB}: texte {fr_quoted('vingt')}",
        ar=f"المتوقع: عدد صحيح، والوارد: نص {ar_quoted('vingt')}",
        ar_ma=f"المتوقع: عدد صحيح، والوارد: نص {ar_quoted('vingt')}",
    ),
}


def table(lang: str | None) -> list[tuple[str, str]]:
    return [(name, told.line(lang)) for name, told in EXPECTED.items()]


class TestExplain:
    @pytest.mark.parametrize(("case", "line"), table("fr"))
    def test_in_french(self, case: str, line: str) -> None:
        """Messages as French associations write them: times 14h30, dates 4 novembre 2016,
        titles in « », a narrow no-break space before ; : ? !."""
        assert explain([altered(CASES[case])], "fr") == [line]

    @pytest.mark.parametrize(("case", "line"), table("ar"))
    def test_in_arabic(self, case: str, line: str) -> None:
        """Modern Standard Arabic, with the programme's 24-hour clock (14:30, not 2:30 م),
        dates in words, titles in « », lists joined by ،."""
        assert explain([altered(CASES[case])], "ar") == [line]

    @pytest.mark.parametrize(("case", "line"), table("ar_MA"))
    def test_in_moroccan_arabic(self, case: str, line: str) -> None:
        """Moroccan Arabic: the Arabic catalog, with Morocco's 24-hour clock (14:30)."""
        assert explain([altered(CASES[case])], "ar-MA") == [line]

    @pytest.mark.parametrize(("case", "line"), table(None))
    def test_without_a_language_in_english(self, case: str, line: str) -> None:
        """No language: the English messages, as str(problem) writes them."""
        p = altered(CASES[case])
        assert explain([p]) == [line] == [str(p)]

    def test_several_problems_keep_their_order(self) -> None:
        """One line per problem, in the order given."""
        problems = [altered(gap), altered(duplicate_id)]
        assert explain(problems, "fr") == [
            EXPECTED["gap"].line("fr"),
            EXPECTED["duplicate_id"].line("fr"),
        ]

    def test_a_problem_of_the_whole_file_is_at_the_top(self) -> None:
        """A problem with no location is told at "(top)"."""
        p = problem("missing", ())
        assert explain([p], "fr") == ["(top): ce champ est obligatoire [missing]"]


class TestFallback:
    def test_a_language_without_a_catalog_gets_english(self) -> None:
        """German: English messages, German dates (3. November 2016), German quotes."""
        line = explain([altered(ends_before_it_starts)], "de")
        assert line == [
            "meetings[0].end_date: ends on 3. November 2016, which is before its first day "
            "4. November 2016 [end_date_before_date]"
        ]

    def test_a_regional_french_uses_the_french_catalog(self) -> None:
        """fr_SN falls back to fr."""
        assert describe(altered(nobody_leads), "fr_SN") == EXPECTED["nobody_leads"].fr

    def test_english_by_name(self) -> None:
        """The language "en" gives English messages with English times (2:30 PM)."""
        assert describe(altered(gap), "en") == (
            "10 minute gap before this item, after 'Accueil' ended at 2:30\u202fPM"
        )


def reason(error: TimeParseError) -> Msg:
    """The translatable reason of a TimeParseError."""
    return error.reason_msg


def time_problem(code: str, text: str, parse: Callable[[str], object]) -> Problem:
    with pytest.raises(TimeParseError) as caught:
        parse(text)
    return problem(code, ("meetings", 0, "date"), text, reason=reason(caught.value))


# The messages around a reason, by language.
CANNOT_READ_DATE = {
    None: "cannot read {value} as a date: ",
    "fr": f"impossible de lire {{value}} comme une date{NB}: ",
    "ar": "تعذّرت قراءة {value} كتاريخ: ",
    "ar_MA": "تعذّرت قراءة {value} كتاريخ: ",
}
QUOTED: dict[str | None, Callable[[str], str]] = {
    None: repr,
    "fr": fr_quoted,
    "ar": ar_quoted,
    "ar_MA": ar_quoted,
}
CANNOT_READ_RANGE = {
    None: "cannot read {value} as a time range: ",
    "fr": f"impossible de lire {{value}} comme une plage horaire{NB}: ",
    "ar": "تعذّرت قراءة {value} كفترة زمنية: ",
    "ar_MA": "تعذّرت قراءة {value} كفترة زمنية: ",
}


class TestTimeParseReasons:
    """timeparse's reasons carry their template: a message tells them in the reader's language."""

    @pytest.mark.parametrize(
        ("lang", "text"),
        [
            (None, "4 November 2016 falls on a Friday, not a Monday"),
            ("fr", "le 4 novembre 2016 tombe un vendredi, pas un lundi"),
            ("ar", "يوم 4 نوفمبر 2016 يوافق الجمعة، وليس الاثنين"),
            ("ar_MA", "يوم 4 نونبر 2016 يوافق الجمعة، وليس الاثنين"),
        ],
    )
    def test_a_weekday_that_does_not_match(self, lang: str | None, text: str) -> None:
        """Month and weekday names in the reader's language; Moroccan months in ar_MA (نونبر)."""
        p = time_problem("invalid_date", "lundi 4 novembre 2016", parse_date)
        prefix = CANNOT_READ_DATE[lang].format(value=QUOTED[lang]("lundi 4 novembre 2016"))
        assert describe(p, lang) == prefix + text

    @pytest.mark.parametrize(
        ("lang", "text"),
        [
            (None, "February 2016 has 29 days"),
            ("fr", "février 2016 compte 29 jours"),
            ("ar", "عدد أيام شهر فبراير 2016 هو 29"),
        ],
    )
    def test_a_day_that_does_not_exist(self, lang: str | None, text: str) -> None:
        """The year is not grouped like a number (2016, not 2 016)."""
        p = time_problem("invalid_date", "31/02/2016", parse_date)
        value = QUOTED[lang]("31/02/2016")
        assert describe(p, lang) == CANNOT_READ_DATE[lang].format(value=value) + text

    @pytest.mark.parametrize(
        ("lang", "text"),
        [
            (None, "the end (14:00) must be after the start (15:00)"),
            ("fr", "la fin (14h00) doit être après le début (15h00)"),
            ("ar", "يجب أن تكون النهاية (14:00) بعد البداية (15:00)"),
            ("ar_MA", "يجب أن تكون النهاية (14:00) بعد البداية (15:00)"),
        ],
    )
    def test_times_inside_a_reason_are_written_for_the_locale(
        self, lang: str | None, text: str
    ) -> None:
        """The times of a reason are times, not text: the programme's 14:00 in Arabic too."""
        p = time_problem("invalid_time_range", "15h - 14h", parse_time_range)
        value = QUOTED[lang]("15h - 14h")
        assert describe(p, lang) == CANNOT_READ_RANGE[lang].format(value=value) + text

    @pytest.mark.parametrize(
        ("lang", "text"),
        [
            (None, "the end time is wrong: hours go from 0 to 23"),
            ("fr", f"l’heure de fin est incorrecte{NB}: les heures vont de 0 à 23"),
            ("ar", "وقت الانتهاء غير صحيح: الساعات من 0 إلى 23"),
        ],
    )
    def test_a_reason_inside_a_reason(self, lang: str | None, text: str) -> None:
        """Nested reasons are translated at every level."""
        p = time_problem("invalid_time_range", "9h - 25h", parse_time_range)
        value = QUOTED[lang]("9h - 25h")
        assert describe(p, lang) == CANNOT_READ_RANGE[lang].format(value=value) + text

    def test_the_english_reason_is_unchanged(self) -> None:
        """The template, filled in English, is the reason the error always gave."""
        with pytest.raises(TimeParseError) as caught:
            parse_time("24:00")
        english = "24:00 is not a time of day; use 00:00 of the next day or end the item at 23:59"
        assert str(reason(caught.value)) == caught.value.reason == english

    def test_a_reason_found_in_data_is_translated(self) -> None:
        """Loading a bad date tells the reason in the reader's language too."""
        data = group_data()
        data["meetings"][0]["date"] = "31/02/2016"
        p = found(data)
        assert describe(p, "fr") == (
            f"impossible de lire {fr_quoted('31/02/2016')} comme une date{NB}: "
            "février 2016 compte 29 jours"
        )


def test_warnings_are_told_like_errors() -> None:
    """A warning's severity does not change how it is told."""
    p = altered(gap)
    assert p.severity is Severity.WARNING
    assert describe(p, "fr") == EXPECTED["gap"].fr


class TestTitlesAndNamesInTheMessageLanguage:
    """A message names an item by its title in the message's language, when the file gives one,
    and a person by their name, as the programme does."""

    @staticmethod
    def overlapping_titles(data: Data) -> None:
        agenda(data)[0]["title"] = {
            "fr": "Accueil des participants",
            "ar": "استقبال المشاركين",
            "en": "Arrival and welcome",
        }
        agenda(data)[1].update(time="14h00 - 15h30")

    @pytest.mark.parametrize(
        ("lang", "title"),
        [
            ("fr", fr_quoted("Accueil des participants")),
            ("ar", ar_quoted("استقبال المشاركين")),
            ("ar-MA", ar_quoted("استقبال المشاركين")),
            ("en", "'Arrival and welcome'"),
            (None, "'Accueil des participants'"),
        ],
    )
    def test_a_title_in_the_message_language(self, lang: str | None, title: str) -> None:
        """Arabic quotes the Arabic title, not the French one; without a language the message
        quotes the file's own text."""
        p = altered(self.overlapping_titles)
        assert p.code == "overlap"
        assert title in p.describe(lang)

    def test_the_parameter_stays_the_file_text(self) -> None:
        """For programs, the parameter is still the file's text, a plain string."""
        p = altered(self.overlapping_titles)
        other = p.params["other_title"]
        assert other == "Accueil des participants"
        assert json.dumps(other) == '"Accueil des participants"'
        assert pickle.loads(pickle.dumps(other)).in_language("ar") == "استقبال المشاركين"

    def test_a_double_booked_person_is_named(self) -> None:
        """The warning names the person as the programme does, not by their id."""

        def two_rooms(data: Data) -> None:
            data["meetings"][0]["venue"]["rooms"] = [
                {"id": "r1", "name": "Salle 1"},
                {"id": "r2", "name": "Salle 2"},
            ]
            agenda(data)[0].update(room="r1")
            agenda(data)[1].update(time="14h00 - 15h30", room="r2")

        data = group_data()
        data["meetings"][0].setdefault("venue", {"name": "Lieu", "city": "Limoges"})
        two_rooms(data)
        warnings = [
            p
            for p in rrma_groups.check(
                rrma_groups.loads(json.dumps(data, default=str), "json")
            ).warnings
            if p.code == "facilitator_double_booked"
        ]
        assert [p.describe("fr").split(" anime")[0] for p in warnings] == ["Personne Une"]


class TestPastedTableProblems:
    def test_explained_at_their_line_in_each_language(self) -> None:
        from rrma_groups.parsing.tables import parse_table

        warnings = parse_table("9h00 Accueil (Un ami)").warnings
        assert explain(warnings) == [
            "line 1: no group was given: facilitator 'Un ami' is kept as a role [table_no_group]"
        ]
        assert explain(warnings, "fr") == [
            f"ligne 1: aucun groupe indiqué{NB}: l’animateur «{NB}Un ami{NB}» est gardé comme "
            "rôle [table_no_group]"
        ]


def test_check_refuses_what_is_not_a_group_or_a_meeting() -> None:
    from rrma_groups.errors import WrongObjectError

    with pytest.raises(WrongObjectError) as caught:
        rrma_groups.check(3)  # type: ignore[arg-type]
    assert caught.value.describe("fr") == "check() prend un CountryGroup ou un Meeting, pas int"
