"""A series' meetings are meetings everywhere, and a page carries its structured data.

The Senegal example has a quarterly series (four by rule, one cancelled, one moved). Its
meetings are found by their ids (``trimestrielle-2025-10-03``) wherever a meeting is asked for
(``render --meeting``, JSON-LD, PDF, sign-in sheet), and a group's JSON-LD lists them as events.
A whole HTML page embeds its JSON-LD in its head, as search engines read it.
"""

from __future__ import annotations

import json
import re

import pytest

import rrma_groups
from rrma_groups import render
from rrma_groups.examples import groupe_pays_maroc, groupe_pays_senegal
from rrma_groups.render import RenderError
from rrma_groups.render.jsonld import to_jsonld


@pytest.fixture(scope="module")
def senegal() -> rrma_groups.CountryGroup:
    return groupe_pays_senegal()


class TestFoundById:
    @pytest.mark.parametrize(
        ("key", "date", "status"),
        [
            ("trimestrielle-2025-04-04", "2025-04-04", "scheduled"),
            ("trimestrielle-2025-07-04", "2025-07-04", "cancelled"),
            ("trimestrielle-2026-01-02", "2026-01-09", "scheduled"),  # moved: keeps its id
        ],
    )
    def test_a_series_meeting(
        self, senegal: rrma_groups.CountryGroup, key: str, date: str, status: str
    ) -> None:
        meeting = senegal.meeting(key)
        assert (meeting.id, meeting.date.isoformat(), meeting.status.value) == (key, date, status)
        assert meeting.group is senegal

    @pytest.mark.parametrize(
        "key", ["trimestrielle-2025-04-05", "trimestrielle-2026-01-09", "trimestrielle-x", "x"]
    )
    def test_no_meeting_on_another_date(self, senegal: rrma_groups.CountryGroup, key: str) -> None:
        """Not a date of the rule, the new date of a moved one (its id keeps the first), junk."""
        with pytest.raises(KeyError):
            senegal.meeting(key)

    def test_the_refusal_names_the_series(self, senegal: rrma_groups.CountryGroup) -> None:
        with pytest.raises(RenderError) as caught:
            render(senegal, "text", "en", meeting="nope")
        assert str(caught.value) == (
            "no meeting 'nope'; the group has: journee-2025, trimestrielle-YYYY-MM-DD"
        )

    def test_rendered(self, senegal: rrma_groups.CountryGroup) -> None:
        text = render(senegal, "text", "fr", meeting="trimestrielle-2026-01-02")
        assert "vendredi 9 janvier 2026" in text
        assert "Initialement prévue le vendredi 2 janvier 2026" in text
        assert "Camille Martin" in text  # the group names the facilitators

    def test_in_json_ld(self, senegal: rrma_groups.CountryGroup) -> None:
        event = to_jsonld(senegal, "fr", meeting="trimestrielle-2025-07-04")
        assert event["@type"] == "Event"
        assert event["eventStatus"] == "https://schema.org/EventCancelled"


class TestGroupJsonLd:
    def test_lists_the_series_meetings(self, senegal: rrma_groups.CountryGroup) -> None:
        graph = to_jsonld(senegal, "fr")["@graph"]
        assert isinstance(graph, list)
        starts = [e["startDate"] for e in graph if isinstance(e, dict)]
        assert starts == [
            "2025-03-14T09:00:00+01:00",
            "2025-04-04T14:00:00+02:00",
            "2025-07-04T14:00:00+02:00",
            "2025-10-03T14:00:00+02:00",
            "2026-01-09T14:00:00+01:00",
        ]
        statuses = [e["eventStatus"].rsplit("/", 1)[1] for e in graph if isinstance(e, dict)]
        assert statuses[1:] == [
            "EventScheduled",
            "EventCancelled",
            "EventScheduled",
            "EventRescheduled",
        ]


def head_json_ld(html: str) -> list[object]:
    head = html.split("</head>", 1)[0]
    scripts = re.findall(r'<script type="application/ld\+json">\n(.*?)\n</script>', head, re.S)
    return [json.loads(s) for s in scripts]


class TestPageCarriesItsData:
    @pytest.mark.parametrize("lang", ["fr", "ar-MA"])
    def test_a_meeting_page(self, lang: str) -> None:
        group = groupe_pays_maroc()
        html = render(group.meeting("limoges-2016"), "html", lang)
        [data] = head_json_ld(html)
        assert data == to_jsonld(group.meeting("limoges-2016"), lang, group=group)

    def test_a_group_page(self, senegal: rrma_groups.CountryGroup) -> None:
        [data] = head_json_ld(render(senegal, "html", "fr"))
        assert data == to_jsonld(senegal, "fr")

    def test_a_fragment_has_none(self) -> None:
        """A fragment goes inside someone else's page, which has its own head."""
        html = render(groupe_pays_maroc(), "html", "fr", fragment=True)
        assert "application/ld+json" not in html


class TestWhatSearchEnginesRecommend:
    def test_image_and_offers_when_the_file_gives_them(self) -> None:
        group = groupe_pays_maroc()
        meeting = group.meeting("limoges-2016").replace(
            image="https://example.org/affiche.jpg",
            admission={"url": "https://example.org/inscription", "price": 0},
        )
        event = to_jsonld(meeting, "fr", group=group)
        assert event["image"] == ["https://example.org/affiche.jpg"]
        assert event["offers"] == {
            "@type": "Offer",
            "price": "0",
            "priceCurrency": "EUR",
            "url": "https://example.org/inscription",
        }
        assert event["isAccessibleForFree"] is True

    def test_a_paying_meeting(self) -> None:
        meeting = groupe_pays_maroc().meeting("limoges-2016")
        paying = meeting.replace(admission={"price": 150, "currency": "MAD"})
        event = to_jsonld(paying, "fr")
        assert event["offers"] == {"@type": "Offer", "price": "150", "priceCurrency": "MAD"}
        assert event["isAccessibleForFree"] is False

    def test_none_when_it_does_not(self) -> None:
        event = to_jsonld(groupe_pays_maroc().meeting("limoges-2016"), "fr")
        assert "image" not in event
        assert "offers" not in event

    def test_a_description_from_the_objectives(self) -> None:
        """The 2016 meeting has no description: its objectives say what it is about."""
        event = to_jsonld(groupe_pays_maroc().meeting("limoges-2016"), "fr")
        assert event["description"] == (
            "Présenter le contexte de la naissance et les avancées de la coopération entre "
            "l'ex-Région Limousin et la Région Marrakech-Safi. Identifier les acteurs limousins "
            "qui intégreront le Groupe pays Maroc en Nouvelle-Aquitaine."
        )

    @pytest.mark.parametrize(
        ("admission", "code"),
        [({"price": -1}, "invalid_amount"), ({"currency": "EUROS"}, "invalid_currency")],
    )
    def test_a_wrong_admission_is_refused(self, admission: dict[str, object], code: str) -> None:
        data = groupe_pays_maroc().model_dump(mode="json", exclude_defaults=True)
        data["meetings"][0]["admission"] = admission
        with pytest.raises(rrma_groups.GroupValidationError) as caught:
            rrma_groups.loads(json.dumps(data), "json")
        assert [(p.code, p.location) for p in caught.value.errors] == [
            (code, f"meetings[0].admission.{next(iter(admission))}")
        ]
