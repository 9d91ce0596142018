"""Synergies: on a synthetic group whose expected proposals are known, then in words."""

from __future__ import annotations

import argparse
import copy
import io
import json
from typing import Any

import pytest

import rrma_groups
from rrma_groups.activity import synergies
from rrma_groups.activity.synergies import Reason, ReasonKind, find_synergies
from rrma_groups.cli.activity import add_parsers
from rrma_groups.examples import groupe_pays_maroc
from rrma_groups.model import CountryGroup
from rrma_groups.model.projects import ProjectStatus
from rrma_groups.render.synergies import SynergyError, render_synergies


def _text(fr: str, en: str, ar: str) -> dict[str, str]:
    return {"fr": fr, "en": en, "ar": ar}


TIZNIT = _text("Province de Tiznit", "Tiznit Province", "إقليم تزنيت")


def _project(
    key: str, lead: str, themes: list[str], *places: dict[str, Any], **extra: Any
) -> dict[str, Any]:
    return {
        "id": key,
        "title": f"Projet {key}",
        "lead": lead,
        "themes": themes,
        "places": list(places),
        "status": "running",
        **extra,
    }


SYNTHETIC: dict[str, Any] = {
    "id": "gp",
    "name": _text("Groupe Pays", "Country Group", "مجموعة البلد"),
    "country": "MA",
    "network": {"id": "net", "name": "Réseau"},
    "priorities": [
        {"id": "t1", "title": _text("Formation", "Training", "التكوين")},
        {"id": "t2", "title": _text("Eau", "Water", "الماء")},
        {"id": "t3", "title": _text("Culture", "Culture and arts", "الثقافة")},
    ],
    "actors": [
        {"id": "f1", "name": "Alpha", "kind": "association"},
        {"id": "f2", "name": "Bravo", "kind": "association"},
        {"id": "f3", "name": "Charlie", "kind": "university"},
        {"id": "f4", "name": "Delta", "kind": "association", "dissolved": "2015-01-01"},
        {"id": "f5", "name": "Echo", "kind": "association", "fictional": True},
        {"id": "m1", "name": "Coop Atlas", "country": "MA", "area": "MA-07"},
        {
            "id": "m2",
            "name": "Commune Sud",
            "kind": "local_authority",
            "country": "MA",
            "area": "MA-09",
        },
        {
            "id": "m3",
            "name": "Asso Souss",
            "kind": "association",
            "country": "MA",
            "area": "MA-09",
            "themes": ["t2"],
        },
        {"id": "m4", "name": "Coop exemple", "country": "MA", "area": "MA-07", "fictional": True},
    ],
    "projects": [
        # Training in Marrakech-Safi: three leads, one local partner shared by two of them.
        _project("p1", "f1", ["t1"], {"region": "MA-07"}, partners=["m1"]),
        _project("p2", "f2", ["t1"], {"region": "MA-07"}, partners=["m1"], status="planned"),
        _project("p3", "f3", ["t1"], {"region": "MA-07", "province": "MA-HAO"}, status="idea"),
        # Water in Souss-Massa, two of them in Tiznit; m3 says it works on water there too.
        _project("p4", "f1", ["t2"], {"region": "MA-09"}),
        _project("p5", "f2", ["t2"], {"region": "MA-09", "province": "MA-TIZ", "name": TIZNIT}),
        _project("p6", "f3", ["t2"], {"region": "MA-09", "province": "MA-TIZ", "name": TIZNIT}),
        # A dissolved lead and finished projects do not count.
        _project("p7", "f4", ["t2"], {"region": "MA-09"}),
        _project("p8", "f1", ["t3"], {"region": "MA-07"}, status="finished"),
        _project("p9", "f2", ["t3"], {"region": "MA-07"}, status="finished"),
        # A made-up project never joins real ones.
        _project("p10", "f5", ["t1"], {"region": "MA-07"}, partners=["m4"], fictional=True),
    ],
    "partnerships": [
        {"id": "pa1", "parties": ["f3", "m2"], "kind": "associative"},
        {"id": "pa2", "parties": ["f1", "m2"], "kind": "associative", "status": "planned"},
        {"id": "pa3", "parties": ["f2", "m2"], "kind": "associative", "status": "ended"},
    ],
}

EXPECTED = [
    ("theme_region:t1:MA-07", ("f1", "f2", "f3", "m1"), ("p1", "p2", "p3")),
    ("theme_region:t2:MA-09", ("f1", "f2", "f3", "m3"), ("p4", "p5", "p6")),
    ("local_partner:m1", ("f1", "f2", "m1"), ("p1", "p2")),
    ("local_partner:m2", ("f1", "f3", "m2"), ()),
    ("theme_province:t2:MA-TIZ", ("f2", "f3"), ("p5", "p6")),
]
MESSAGES = [
    "4 actors work on Training in the Marrakesh-Safi region",
    "4 actors work on Water in the Souss-Massa region",
    "2 actors work with the same local partner, Coop Atlas",
    "2 actors work with the same local partner, Commune Sud",
    "2 actors work on Water in Tiznit Province",
]


def synthetic(data: dict[str, Any] | None = None) -> CountryGroup:
    return rrma_groups.loads(json.dumps(data or SYNTHETIC), "json")


GROUP = synthetic()


def run(*argv: str) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser(prog="rrma-groups")
    add_parsers(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    out, err = io.StringIO(), io.StringIO()
    return args.run(args, out, err), out.getvalue(), err.getvalue()


class TestProposals:
    def test_the_synthetic_group_is_valid(self) -> None:
        """The test data itself has no error and no warning."""
        assert rrma_groups.check(GROUP).problems == ()

    def test_expected_proposals(self) -> None:
        """Exactly the known proposals, most actors first, with their projects."""
        found = [(p.id, p.actors, p.projects) for p in find_synergies(GROUP)]
        assert found == EXPECTED

    def test_reasons_in_english(self) -> None:
        """Each proposal's reason in words, counting its actors."""
        found = [p.reasons[0].message() for p in find_synergies(GROUP)]
        assert found == MESSAGES

    def test_the_result_does_not_depend_on_file_order(self) -> None:
        """Actors, projects and partnerships in reverse order give the same proposals."""
        data = copy.deepcopy(SYNTHETIC)
        for key in ("actors", "projects", "partnerships"):
            data[key].reverse()
        assert find_synergies(synthetic(data)) == find_synergies(GROUP)

    def test_one_project_is_not_a_synergy(self) -> None:
        """A lead and its partner already work together: nothing to propose."""
        data = copy.deepcopy(SYNTHETIC)
        data["projects"] = data["projects"][:1]
        data["partnerships"] = []
        data["actors"] = [a for a in data["actors"] if a["id"] != "m3"]
        assert find_synergies(synthetic(data)) == ()

    def test_finished_projects_count_when_asked(self) -> None:
        """statuses= widens the projects considered: culture in Marrakech-Safi appears."""
        found = find_synergies(GROUP, statuses=set(ProjectStatus))
        assert "theme_region:t3:MA-07" in [p.id for p in found]

    def test_fiction_stays_apart(self) -> None:
        """The fictional Echo and its fictional partner appear in no proposal with real actors."""
        everyone = {a for p in find_synergies(GROUP) for a in p.actors}
        assert not everyone & {"f4", "f5", "m4"}

    def test_fictional_samples_meet_among_themselves(self) -> None:
        """Two fictional projects on the same theme and region make a fictional proposal."""
        data = copy.deepcopy(SYNTHETIC)
        data["actors"].append({"id": "f6", "name": "Foxtrot", "fictional": True})
        data["projects"].append(
            _project("p11", "f6", ["t1"], {"region": "MA-07"}, partners=["m4"], fictional=True)
        )
        found = {p.id: p for p in find_synergies(synthetic(data))}
        proposal = found["fictional:theme_region:t1:MA-07"]
        assert proposal.fictional
        assert proposal.actors == ("f5", "f6", "m4")
        assert [r.kind.value for r in proposal.reasons] == ["theme_region", "local_partner"]
        without = find_synergies(synthetic(data), include_fictional=False)
        assert [p.id for p in without] == [p[0] for p in EXPECTED]

    def test_a_province_replaces_its_region_for_the_same_actors(self) -> None:
        """When the same actors share a province and its region, the province is said."""
        data = copy.deepcopy(SYNTHETIC)
        data["projects"] = [
            _project("q1", "f1", ["t2"], {"region": "MA-09", "province": "MA-TIZ"}),
            _project("q2", "f2", ["t2"], {"region": "MA-09", "province": "MA-TIZ"}),
        ]
        data["partnerships"] = []
        data["actors"] = [a for a in data["actors"] if a["id"] != "m3"]
        (proposal,) = find_synergies(synthetic(data))
        assert [r.kind for r in proposal.reasons] == [ReasonKind.THEME_PROVINCE]
        assert proposal.reasons[0].message() == "2 actors work on Water in MA-TIZ"

    def test_thousands_of_projects(self) -> None:
        """2,000 leads on 20 themes in 12 regions: each cluster proposed once."""
        data = copy.deepcopy(SYNTHETIC)
        data["priorities"] = [{"id": f"t{n}", "title": f"Thème {n}"} for n in range(20)]
        data["actors"] = [{"id": f"a{n}", "name": f"Acteur {n}"} for n in range(2000)]
        data["projects"] = [
            _project(f"p{n}", f"a{n}", [f"t{n % 20}"], {"region": f"MA-{n % 12 + 1:02d}"})
            for n in range(2000)
        ]
        data["partnerships"] = []
        group = CountryGroup.model_validate(data)
        found = find_synergies(group)
        assert len(found) == 60  # lcm(20, 12) clusters of about 33 leads each
        assert {len(p.actors) for p in found} == {33, 34}


class TestReasonsInOtherLanguages:
    def test_templates_are_the_message_ids(self) -> None:
        """A reason's English templates, singular and plural, are what the catalog translates."""
        reason = find_synergies(GROUP)[0].reasons[0]
        assert reason.templates() == (
            "{n} actor works on {theme} in the {region} region",
            "{n} actors work on {theme} in the {region} region",
        )
        assert reason.params("fr") == {"n": "4", "theme": "Formation", "region": "Marrakech-Safi"}

    def test_through_the_catalog(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """The template comes from the catalog, chosen by count, then filled in the language."""

        class French:
            def ngettext(self, singular: str, plural: str, n: int) -> str:
                table = {
                    "{n} actors work on {theme} in the {region} region": (
                        "{n} acteurs travaillent sur « {theme} » dans la région {region}"
                    ),
                }
                return table.get(plural if n != 1 else singular, plural)

        monkeypatch.setattr(synergies, "translator", lambda lang: French())
        reason = find_synergies(GROUP)[0].reasons[0]
        assert reason.message("fr") == (
            "4 acteurs travaillent sur « Formation » dans la région Marrakech-Safi"
        )

    def test_arabic_names_the_theme_and_the_region_in_arabic(self) -> None:
        """Theme and region are in Arabic, the count in Latin digits as ar writes it."""
        reason = find_synergies(GROUP)[0].reasons[0]
        assert reason.params("ar") == {"n": "4", "theme": "التكوين", "region": "جهة مراكش آسفي"}
        message = reason.message("ar")
        assert "التكوين" in message
        assert "جهة مراكش آسفي" in message

    def test_latin_names_are_isolated_in_arabic(self) -> None:
        """A partner written in Latin letters is wrapped in FSI…PDI inside an Arabic sentence."""
        reason = find_synergies(GROUP)[2].reasons[0]
        assert reason.params("ar")["partner"] == "\u2068Coop Atlas\u2069"

    def test_a_single_actor_reads_in_the_singular(self) -> None:
        """The plural form follows the count."""
        reason = Reason(ReasonKind.LOCAL_PARTNER, 1, partner="m1")
        assert reason.message() == "1 actor works with the same local partner, m1"


class TestRendering:
    def test_text(self) -> None:
        """Numbered proposals with who should meet and the projects."""
        text = render_synergies(GROUP, find_synergies(GROUP)[:1], "text", "en")
        assert text == (
            "Synergies — Country Group\n"
            "=========================\n"
            "\n"
            "1. 4 actors work on Training in the Marrakesh-Safi region\n"
            "   Who should meet: Alpha, Bravo, Charlie, and Coop Atlas\n"
            "   Projects: Projet p1, Projet p2, Projet p3\n"
        )

    def test_nothing_to_propose(self) -> None:
        """An empty result says why."""
        text = render_synergies(GROUP, (), "markdown", "en")
        assert text.splitlines()[2] == (
            "No synergy found: no two actors work on the same theme in the same place or with "
            "the same local partner."
        )

    def test_markdown_is_escaped(self) -> None:
        """Names cannot inject Markdown."""
        data = copy.deepcopy(SYNTHETIC)
        data["actors"][0]["name"] = "*Alpha* [x](y)"
        text = render_synergies(
            synthetic(data), find_synergies(synthetic(data))[:1], "markdown", "en"
        )
        assert (
            "- **Who should meet**: \\*Alpha\\* \\[x\\](y), Bravo, Charlie, and Coop Atlas" in text
        )

    def test_html_is_escaped(self) -> None:
        """A theme title with markup comes out as text."""
        data = copy.deepcopy(SYNTHETIC)
        data["priorities"][0]["title"]["en"] = "<script>x</script>"
        page = render_synergies(synthetic(data), find_synergies(synthetic(data)), "html", "en")
        assert "<script>" not in page
        assert (
            "<h2>4 actors work on &lt;script&gt;x&lt;/script&gt; in the Marrakesh-Safi region</h2>"
            in page
        )

    def test_arabic_page(self) -> None:
        """Right to left, region and theme in Arabic."""
        page = render_synergies(GROUP, find_synergies(GROUP), "html", "ar")
        assert '<html lang="ar" dir="rtl">' in page
        assert "جهة مراكش آسفي" in page

    def test_unknown_format(self) -> None:
        """CSV is not a synergy format."""
        with pytest.raises(SynergyError, match="choose one of: text, markdown, html"):
            render_synergies(GROUP, (), "csv")


class TestTheExample:
    def test_two_fictional_proposals(self) -> None:
        """The example's samples show both kinds of synergy, among fictional actors only."""
        group = groupe_pays_maroc()
        found = find_synergies(group)
        assert [(p.id, p.actors) for p in found] == [
            (
                "fictional:theme_region:formation:MA-07",
                (
                    "exemple-asso-limousin-souss",
                    "exemple-commune-rurale",
                    "exemple-cooperative-tissage",
                    "exemple-lycee-pro",
                ),
            ),
            (
                "fictional:local_partner:exemple-cooperative-tissage",
                (
                    "exemple-asso-diaspora",
                    "exemple-asso-limousin-souss",
                    "exemple-cooperative-tissage",
                ),
            ),
        ]
        assert [r.message("en") for p in found for r in p.reasons] == [
            "4 actors work on Training in the Marrakesh-Safi region",
            "2 actors work with the same local partner, Weaving cooperative in Al Haouz "
            "(fictional example)",
        ]


class TestCommand:
    def test_synergies_of_the_example(self) -> None:
        """synergies --lang en prints the proposals."""
        status, out, _ = run("synergies", "--lang", "en")
        assert status == 0
        assert "1. 4 actors work on Training in the Marrakesh-Safi region" in out

    @pytest.mark.parametrize("fmt", ["markdown", "html"])
    def test_formats(self, fmt: str) -> None:
        """Markdown and HTML."""
        status, out, _ = run("synergies", "--format", fmt, "--lang", "ar")
        assert status == 0
        assert "جهة مراكش آسفي" in out
