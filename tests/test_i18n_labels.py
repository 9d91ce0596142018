"""Tests for rrma_groups.render.labels: headers, headings, enum labels and counts, by language."""

from __future__ import annotations

import enum

import pytest

from rrma_groups.errors import LocaleError
from rrma_groups.model import (
    ActorKind,
    AttendanceMode,
    Founder,
    ItemKind,
    MeetingStatus,
    MembershipRole,
    NetworkMembership,
    Offer,
    PartnershipKind,
    PartnershipStatus,
)
from rrma_groups.problems import Severity
from rrma_groups.render.labels import (
    ENUM_LABELS,
    LABELLED_ENUMS,
    LABELS,
    PLURALS,
    enum_label,
    label,
    plural,
)

LANGUAGES = ("fr", "ar", "ar_MA", None)
HEADER_KEYS = ("date", "venue", "time", "activity", "facilitator")


class TestLabel:
    @pytest.mark.parametrize(
        ("lang", "headers"),
        [
            ("fr", ["Date", "Lieu", "Heure", "Activité", "Animateur"]),
            ("ar", ["التاريخ", "المكان", "التوقيت", "النشاط", "المؤطر"]),
            ("ar_MA", ["التاريخ", "المكان", "التوقيت", "النشاط", "المؤطر"]),
            ("en", ["Date", "Venue", "Time", "Activity", "Facilitator"]),
            (None, ["Date", "Venue", "Time", "Activity", "Facilitator"]),
        ],
    )
    def test_programme_headers(self, lang: str | None, headers: list[str]) -> None:
        """The seed's French headers, exactly; Arabic; English as the message ids."""
        assert [label(k, lang) for k in HEADER_KEYS] == headers

    @pytest.mark.parametrize(
        ("key", "fr", "ar"),
        [
            ("context", "Contexte", "السياق"),
            ("objectives", "Objectifs", "الأهداف"),
            ("programme", "Programme", "البرنامج"),
            ("meeting_objectives", "Objectifs de la rencontre", "أهداف اللقاء"),
            ("signed", "Signé", "التوقيع"),
            ("organiser", "Organisateur", "الجهة المنظمة"),
            ("contact", "Contact", "للتواصل"),
            ("online", "En ligne", "عبر الإنترنت"),
            ("plenary", "Plénière", "الجلسة العامة"),
            ("previously_planned", "Initialement prévue le {date}", "كان مبرمجًا يوم {date}"),
            ("network", "Le réseau", "الشبكة"),
            ("group", "Le groupe", "المجموعة"),
            ("how_it_works", "Fonctionnement du groupe", "كيفيات اشتغال المجموعة"),
            ("priorities", "Domaines prioritaires", "المجالات ذات الأولوية"),
            ("partnerships", "Partenariats", "الشراكات"),
            ("network_offer", "Ce que propose le réseau", "ما تقدمه الشبكة"),
            ("kind_since", "{kind} depuis {year}", "{kind} منذ {year}"),
            ("with_colon", "{label}\u202f:", "{label}:"),
        ],
    )
    def test_headings(self, key: str, fr: str, ar: str) -> None:
        """Section headings in French and Arabic; templates keep their placeholder."""
        assert (label(key, "fr"), label(key, "ar")) == (fr, ar)

    def test_a_language_without_a_catalog_gets_english(self) -> None:
        """German has no catalog: English, the end of every fallback chain."""
        assert label("venue", "de") == "Venue"

    def test_an_unknown_key_names_the_known_ones(self) -> None:
        """A typo in a key is a KeyError that lists the keys."""
        with pytest.raises(KeyError, match="no label 'lieu'; known: activity, actors, contact"):
            label("lieu", "fr")

    def test_a_malformed_language_is_refused(self) -> None:
        """Locale codes are checked as everywhere else in the library."""
        with pytest.raises(LocaleError):
            label("date", "français")

    def test_every_label_is_a_message_id(self) -> None:
        """Labels are English, non-empty, and distinct."""
        assert all(LABELS.values())
        assert len(set(LABELS.values())) == len(LABELS)


class TestEnumLabel:
    def test_the_labelled_enums(self) -> None:
        """Every enum a renderer or the command line shows has labels."""
        assert set(LABELLED_ENUMS) == {
            ItemKind,
            AttendanceMode,
            MeetingStatus,
            ActorKind,
            Offer,
            Founder,
            PartnershipKind,
            PartnershipStatus,
            NetworkMembership,
            MembershipRole,
            Severity,
        }

    @pytest.mark.parametrize("kind", LABELLED_ENUMS, ids=lambda e: e.__name__)
    def test_every_member_has_a_label(self, kind: type[enum.Enum]) -> None:
        """No member is missing, none is left over from a removed member."""
        assert set(ENUM_LABELS[kind]) == set(kind)

    @pytest.mark.parametrize("kind", LABELLED_ENUMS, ids=lambda e: e.__name__)
    @pytest.mark.parametrize("lang", LANGUAGES)
    def test_members_have_distinct_labels(self, kind: type[enum.Enum], lang: str | None) -> None:
        """Two members of one enum never read the same, in any language."""
        names = [enum_label(member, lang) for member in kind]
        assert all(names)
        assert len(set(names)) == len(names)

    @pytest.mark.parametrize(
        ("member", "fr", "ar"),
        [
            (ItemKind.WELCOME, "Accueil", "استقبال"),
            (ItemKind.PLENARY, "Plénière", "جلسة عامة"),
            (ItemKind.BREAK, "Pause", "استراحة"),
            (ItemKind.MEAL, "Repas", "وجبة"),
            (ItemKind.SOCIAL, "Temps convivial", "وقت للتعارف"),
            (AttendanceMode.ONLINE, "En ligne", "عن بعد"),
            (MeetingStatus.POSTPONED, "Reporté", "مؤجل"),
            (MeetingStatus.CANCELLED, "Annulé", "ملغى"),
            (ActorKind.LOCAL_AUTHORITY, "collectivité territoriale", "جماعة ترابية"),
            (Offer.HOSTING, "hébergement", "الاحتضان"),
            (Offer.SECRETARIAT, "secrétariat", "الكتابة الإدارية"),
            (MembershipRole.SECRETARIAT, "secrétariat", "الكتابة الإدارية"),
            (Offer.SUPPORT, "accompagnement", "المواكبة"),
            (Offer.FACILITATION, "animation", "التنشيط"),
            (
                PartnershipKind.DECENTRALISED_COOPERATION,
                "coopération décentralisée",
                "التعاون اللامركزي",
            ),
            (
                NetworkMembership.APPRECIATED,
                "adhésion au réseau non obligatoire, mais appréciée",
                "الانخراط في الشبكة غير إلزامي، لكنه مستحسن",
            ),
            (MembershipRole.COORDINATOR, "coordinateur", "منسق"),
            (Severity.WARNING, "avertissement", "تنبيه"),
        ],
    )
    def test_labels_in_french_and_arabic(self, member: enum.Enum, fr: str, ar: str) -> None:
        """The words of French associations and of Moroccan institutional Arabic."""
        assert (enum_label(member, "fr"), enum_label(member, "ar")) == (fr, ar)

    def test_the_same_english_word_can_read_differently_by_context(self) -> None:
        """Enum labels have a context: "Online" as a heading and as an attendance mode."""
        assert enum_label(AttendanceMode.ONLINE, None) == label("online", None) == "Online"
        assert enum_label(AttendanceMode.ONLINE, "ar") == "عن بعد"
        assert label("online", "ar") == "عبر الإنترنت"
        assert enum_label(ItemKind.OTHER, "ar") == "أخرى"  # an item: feminine
        assert enum_label(ActorKind.OTHER, "ar") == "صنف آخر"  # another kind of actor

    def test_english_labels(self) -> None:
        """Without a language, labels are the English message ids."""
        assert enum_label(ItemKind.SOCIAL, None) == "Social time"
        assert enum_label(Offer.RESOURCES, "en") == "resources, information and training"

    def test_an_enum_without_labels_is_refused(self) -> None:
        """Only the labelled enums have labels."""

        class Colour(enum.Enum):
            RED = "red"

        with pytest.raises(KeyError, match=r"no label for <Colour\.RED: 'red'>"):
            enum_label(Colour.RED, "fr")


class TestPlural:
    @pytest.mark.parametrize(
        ("key", "n", "lang", "text"),
        [
            ("items", 0, "fr", "0 point"),
            ("items", 1, "fr", "1 point"),
            ("items", 11, "fr", "11 points"),
            ("minutes", 1, "en", "1 minute"),
            ("minutes", 90, None, "90 minutes"),
            ("participants", 2, "fr", "2 participants"),
            ("warnings", 1, "fr", "1 avertissement"),
            ("errors", 1_000_000, "fr", "1\u202f000\u202f000 d’erreurs"),
            ("minutes", 1, "ar", "دقيقة واحدة"),
            ("minutes", 2, "ar", "دقيقتان"),
            ("minutes", 10, "ar", "10 دقائق"),
            ("minutes", 45, "ar", "45 دقيقةً"),
            ("participants", 0, "ar", "لا مشاركين"),
            ("participants", 25, "ar_MA", "25 مشاركًا"),
            ("warnings", 3, "ar", "3 تنبيهات"),
        ],
    )
    def test_counts(self, key: str, n: int, lang: str | None, text: str) -> None:
        """The form for the count, in French's three and Arabic's six forms."""
        assert plural(key, n, lang) == text

    def test_the_count_is_written_for_the_locale(self) -> None:
        """Egyptian Arabic writes Arabic-Indic digits; French groups thousands."""
        assert plural("items", 1500, "ar_EG") == "١٬٥٠٠ فقرة"
        assert plural("items", 1500, "fr") == "1\u202f500 points"
        assert plural("items", 1500, "de") == "1.500 items"

    @pytest.mark.parametrize(
        ("n", "lang", "header"),
        [
            (1, "fr", "Animateur"),
            (2, "fr", "Animateurs"),
            (1, "ar", "المؤطر"),
            (2, "ar", "المؤطران"),
            (3, "ar", "المؤطرون"),
            (2, None, "Facilitators"),
        ],
    )
    def test_the_facilitator_header_agrees_with_the_number_of_facilitators(
        self, n: int, lang: str | None, header: str
    ) -> None:
        """One facilitator, two (Arabic's dual), several."""
        assert plural("facilitators", n, lang) == header

    def test_an_unknown_key_names_the_known_ones(self) -> None:
        """A typo in a key is a KeyError that lists the keys."""
        with pytest.raises(KeyError, match="no plural message 'item'; known: errors"):
            plural("item", 2, "fr")

    def test_every_plural_has_a_count_or_is_a_header(self) -> None:
        """Plural messages show {n}, except the header, which only agrees with it."""
        for key, (_, singular, plural_form) in PLURALS.items():
            if key != "facilitators":
                assert "{n}" in singular
                assert "{n}" in plural_form
