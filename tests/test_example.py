"""The bundled Groupe Pays Maroc example holds the facts of the 2016 programme."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest

import rrma_groups
from rrma_groups import ActorFacilitator, ItemKind, PersonFacilitator, RoleFacilitator
from rrma_groups.examples import example_path, example_text, groupe_pays_maroc
from rrma_groups.model import ActorKind, NetworkMembership, Offer

ROOT = Path(__file__).resolve().parents[1]

# The programme table of the seed document, as printed: time, title, facilitator as written.
SEED_PROGRAMME = [
    ("14:00", "14:15", "Accueil des participants", "Cap Coopération"),
    ("14:15", "14:20", "Présentation de l'ordre du jour", "Khalid"),
    ("14:20", "14:30", "Présentation de Cap Coopération", "Un collègue Cap Coopération"),
    ("14:30", "14:40", "Présentation de la MDH", "Guillaume Bertrand"),
    ("14:40", "15:00", "Présentation des structures", "Un représentant de chaque structure"),
    (
        "15:00",
        "15:15",
        "Présentation de la coopération avec la Région Marrakech-Safi",
        "Sébastien Proeschel - Emmanuelle Pallier",
    ),
    ("15:15", "15:30", "Présentation de la démarche GPMar", "Khalid"),
    ("15:30", "16:00", "GPMar: quelles attentes?", "Khalid"),
    ("16:00", "16:30", "GPMar: quelles modalités de fonctionnement ?", "Khalid"),
    ("16:30", "16:45", "Restitution et conclusion", "Khalid"),
    ("16:45", "17:30", "Temps convivial et échange libre", ""),
]


@pytest.fixture(scope="module")
def group() -> rrma_groups.CountryGroup:
    return groupe_pays_maroc()


def _as_written(group: rrma_groups.CountryGroup, item: rrma_groups.AgendaItem) -> str:
    names = []
    for facilitator in item.facilitators:
        if isinstance(facilitator, PersonFacilitator):
            names.append(facilitator.label or group.person(facilitator.person).name)
        elif isinstance(facilitator, ActorFacilitator):
            names.append(facilitator.label or group.actor(facilitator.actor).name.get("fr"))
        else:
            names.append(facilitator.role.get("fr"))
    return " - ".join(names)


class TestTheProgramme:
    def test_eleven_items_from_14_00_to_17_30(self, group: rrma_groups.CountryGroup) -> None:
        """The meeting of 4 November 2016 has the seed's eleven items, in order."""
        meeting = group.meeting("limoges-2016")
        assert meeting.date == dt.date(2016, 11, 4)
        rows = [
            (i.start.strftime("%H:%M"), i.end.strftime("%H:%M") if i.end else "", i.title.get("fr"))
            for i in meeting.agenda
        ]
        assert rows == [(start, end, title) for start, end, title, _ in SEED_PROGRAMME]

    def test_items_are_contiguous(self, group: rrma_groups.CountryGroup) -> None:
        """Each item starts when the previous one ends."""
        items = group.meeting("limoges-2016").agenda.items
        assert all(a.end == b.start for a, b in itertools.pairwise(items))

    def test_facilitators_as_written(self, group: rrma_groups.CountryGroup) -> None:
        """Each facilitator reads exactly as in the printed programme."""
        items = group.meeting("limoges-2016").agenda
        assert [_as_written(group, i) for i in items] == [row[3] for row in SEED_PROGRAMME]

    def test_facilitators_are_typed(self, group: rrma_groups.CountryGroup) -> None:
        """Persons, the network, and roles are told apart; the last item has none."""
        items = group.meeting("limoges-2016").agenda
        assert isinstance(items[0].facilitators[0], ActorFacilitator)
        assert items[1].facilitators == (
            PersonFacilitator(person="khalid-chihani", label="Khalid"),
        )
        (colleague,) = items[2].facilitators
        assert isinstance(colleague, RoleFacilitator)
        assert colleague.role.get("fr") == "Un collègue Cap Coopération"
        assert colleague.actor == "cap-cooperation"

        assert items[3].facilitators[0] == PersonFacilitator(
            person="guillaume-bertrand", on_behalf_of="mdh"
        )
        assert isinstance(items[4].facilitators[0], RoleFacilitator)
        assert len(items[5].facilitators) == 2
        assert items[10].facilitators == ()
        assert items[10].kind is ItemKind.SOCIAL

    def test_venue_objectives_and_signatory(self, group: rrma_groups.CountryGroup) -> None:
        """Venue, the two objectives and the signatory Khalid Chihani of Cap Coopération."""
        meeting = group.meeting("limoges-2016")
        assert meeting.venue is not None
        assert meeting.venue.name.get("fr") == "Siège de la Région – site de Limoges"
        assert meeting.timezone == "Europe/Paris"
        assert len(meeting.objectives) == 2
        assert meeting.objectives[1].text.get("fr").startswith("Identifier les acteurs limousins")
        assert meeting.signatory is not None
        signatory = group.person(meeting.signatory)
        assert signatory.name == "Khalid Chihani"
        assert signatory.affiliation == group.network.id

    def test_meeting_times_are_aware(self, group: rrma_groups.CountryGroup) -> None:
        """14:00 in Limoges on 4 November 2016 is 13:00 UTC."""
        meeting = group.meeting("limoges-2016")
        assert meeting.starts_at is not None
        assert meeting.starts_at.astimezone(dt.UTC) == dt.datetime(
            2016, 11, 4, 13, 0, tzinfo=dt.UTC
        )


class TestTheGroup:
    def test_identity(self, group: rrma_groups.CountryGroup) -> None:
        """The Groupe Pays Maroc (GPMar), Morocco, anchored in Nouvelle-Aquitaine."""
        assert group.name.get("fr") == "Groupe Pays Maroc"
        assert group.acronym is not None
        assert group.acronym.get() == "GPMar"
        assert group.country == "MA"
        assert group.anchor == ("FR-NAQ",)

    def test_three_objectives(self, group: rrma_groups.CountryGroup) -> None:
        """Exchange, coherence of projects and synergies, resources and training."""
        texts = [o.text.get("fr") for o in group.objectives]
        assert len(texts) == 3
        assert texts[0].startswith("Créer un espace d'échanges, de partage et de réflexion")
        assert texts[1].startswith("Contribuer à la mise en cohérence des projets")
        assert texts[2].startswith("Mettre en place un espace de ressources")

    def test_openness_rule(self, group: rrma_groups.CountryGroup) -> None:
        """Open to any actor engaged in Morocco; network membership appreciated, not required."""
        policy = group.membership_policy
        assert policy is not None
        assert policy.network_membership is NetworkMembership.APPRECIATED
        assert "engagé ou souhaitant s'engager au Maroc" in policy.open_to.get("fr")
        assert group.working_arrangements is not None
        assert "pas de forme prédéfinie" in group.working_arrangements.get("fr")

    def test_the_network(self, group: rrma_groups.CountryGroup) -> None:
        """Cap Coopération, today SO Coopération, an RRMA of Nouvelle-Aquitaine, and its offer."""
        network = group.network
        assert network.name.get() == "SO Coopération"
        assert [n.name.get() for n in network.former_names] == ["Cap Coopération"]
        assert network.area == "FR-NAQ"
        assert network.tagline is not None
        assert network.tagline.get() == (
            "Centre régional de ressources pour la coopération internationale"
        )
        assert set(network.offers) == {
            Offer.HOSTING,
            Offer.SECRETARIAT,
            Offer.COORDINATION,
            Offer.SUPPORT,
            Offer.FACILITATION,
        }
        assert network.context is not None
        assert "préfecture de Région" in network.context.get()

    def test_the_ex_region_limousin(self, group: rrma_groups.CountryGroup) -> None:
        """Decentralised cooperation since 1991, three priorities, a successor region."""
        limousin = group.actor("ex-region-limousin")
        assert limousin.kind is ActorKind.LOCAL_AUTHORITY
        assert limousin.iati_type == 11
        assert limousin.dissolved == dt.date(2016, 1, 1)
        assert limousin.successor == "region-nouvelle-aquitaine"
        assert limousin.cooperation is not None
        assert limousin.cooperation.since == 1991
        titles = [group.priority(p).title.get("fr") for p in limousin.cooperation.priorities]
        assert titles == [
            "Développement économique",
            "Formation",
            "Développement durable et échanges culturels",
        ]

    def test_the_partnership_with_marrakech_safi(self, group: rrma_groups.CountryGroup) -> None:
        """The new decentralised cooperation partnership with the Région Marrakech-Safi."""
        (partnership,) = group.partnerships
        assert partnership.parties == ("ex-region-limousin", "region-marrakech-safi")
        marrakech = group.actor("region-marrakech-safi")
        assert (marrakech.country, marrakech.area) == ("MA", "MA-07")

    def test_name_on_a_date(self, group: rrma_groups.CountryGroup) -> None:
        """The Région took the name Nouvelle-Aquitaine in autumn 2016."""
        region = group.actor("region-nouvelle-aquitaine")
        assert region.name_on(dt.date(2016, 6, 1)).get() == (
            "Région Aquitaine-Limousin-Poitou-Charentes"
        )
        assert region.name_on(dt.date(2016, 11, 4)).get() == "Région Nouvelle-Aquitaine"


class TestTheFiles:
    def test_examples_copy_matches_the_bundled_file(self) -> None:
        """examples/groupe_pays_maroc.toml is the very file the package bundles, but for its
        first line: the ``#:schema`` line of each points to the schema where it is read (the
        repository's schema/ for the one, a copy beside the file for the other)."""
        mine = (ROOT / "examples" / "groupe_pays_maroc.toml").read_text(encoding="utf-8")
        bundled = example_text()
        assert mine.partition("\n")[2] == bundled.partition("\n")[2]
        assert mine.partition("\n")[0] == "#:schema ../schema/group.schema.json"
        assert bundled.partition("\n")[0] == "#:schema ./group.schema.json"

    def test_bundled_file_is_on_disk(self) -> None:
        """example_path() points at a readable TOML file."""
        assert example_path().suffix == ".toml"
        assert rrma_groups.load(example_path()) == groupe_pays_maroc()

    def test_unknown_example(self) -> None:
        """Asking for an example that does not exist lists those that do."""
        with pytest.raises(KeyError, match="no example 'tunisie'; there are: maroc, senegal"):
            example_text("tunisie")
