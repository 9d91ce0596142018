"""Projects, resources, places and money: what a file may say, and how it fits the group."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import pytest

import rrma_groups
from builders import findings, first_problem, group_data
from rrma_groups import GroupValidationError
from rrma_groups.examples import groupe_pays_maroc
from rrma_groups.model.places import DEPARTMENT_REGIONS, department_region
from rrma_groups.model.projects import Project, ProjectStatus, period_bounds


def with_projects(*projects: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """The builders' group with fictional actors a3 (French) and m1 (Moroccan), and projects."""
    data = group_data()
    data["actors"] += [
        {"id": "a3", "name": "Asso exemple", "kind": "association", "fictional": True},
        {"id": "m1", "name": "Coop exemple", "country": "MA", "area": "MA-07", "fictional": True},
    ]
    data["projects"] = list(projects)
    data.update(extra)
    return data


def project(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"id": "p", "title": "Projet", "lead": "a1"}
    base.update(fields)
    return base


def errors_of(data: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(code, location, message) of each error refusing ``data``."""
    with pytest.raises(GroupValidationError) as caught:
        rrma_groups.loads(json.dumps(data), "json")
    return [(p.code, p.location, p.message) for p in caught.value.errors]


class TestProjectModel:
    def test_a_minimal_project(self) -> None:
        """A title and a lead are enough; the status defaults to idea."""
        group = rrma_groups.loads(json.dumps(with_projects(project())), "json")
        assert group.project("p").status is ProjectStatus.IDEA
        assert group.project("p").actors == ("a1",)

    def test_lead_and_partners_in_order_each_once(self) -> None:
        """actors lists the lead first, then the partners."""
        p = Project(id="p", title="T", lead="a1", partners=("m1", "a2", "m1"))
        assert p.actors == ("a1", "m1", "a2")

    @pytest.mark.parametrize(
        ("start", "end", "first", "last"),
        [
            (2017, 2019, dt.date(2017, 1, 1), dt.date(2019, 12, 31)),
            (dt.date(2017, 3, 1), None, dt.date(2017, 3, 1), None),
            (None, 2016, None, dt.date(2016, 12, 31)),
        ],
    )
    def test_period_from_dates_or_years(
        self, start: Any, end: Any, first: dt.date | None, last: dt.date | None
    ) -> None:
        """A year covers all its days."""
        assert period_bounds(start, end) == (first, last)

    @pytest.mark.parametrize(
        ("start", "end", "overlaps"),
        [
            (2017, 2019, True),
            (2015, 2016, False),
            (None, None, True),
            (2018, None, False),
            (None, 2017, True),
            (None, 2016, False),
        ],
    )
    def test_overlaps_a_period(self, start: Any, end: Any, overlaps: bool) -> None:
        """A project runs in 2017 unless it ended before or started after; unknown is open."""
        p = Project(id="p", title="T", lead="a1", start=start, end=end)
        assert p.overlaps(dt.date(2017, 1, 1), dt.date(2017, 12, 31)) is overlaps

    def test_end_before_start_is_refused(self) -> None:
        """A project cannot end before it starts."""
        assert errors_of(with_projects(project(start=2019, end=2017))) == [
            (
                "period_end_before_start",
                "projects[0]",
                "ends in 2017, which is before its start in 2019",
            )
        ]

    @pytest.mark.parametrize("status", ["idea", "planned", "running", "finished"])
    def test_the_four_statuses(self, status: str) -> None:
        """idea, planned, running, finished."""
        group = rrma_groups.loads(json.dumps(with_projects(project(status=status))), "json")
        assert group.project("p").status.value == status

    def test_an_unknown_status(self) -> None:
        """Any other status lists the choices."""
        ((code, location, _),) = errors_of(with_projects(project(status="ongoing")))
        assert (code, location) == ("invalid_choice", "projects[0].status")


class TestMoney:
    @pytest.mark.parametrize(
        ("amount", "exact"),
        [
            ("45000", Decimal("45000")),
            ("1250.50", Decimal("1250.50")),
            (45000, Decimal("45000")),
            (0.1, Decimal("0.1")),
            ("45 000", Decimal("45000")),
        ],
    )
    def test_amounts_are_exact_decimals(self, amount: Any, exact: Decimal) -> None:
        """Text, whole numbers and floats become exact decimals (0.1 stays 0.1)."""
        data = with_projects(project(budget={"amount": amount, "currency": "eur"}))
        budget = rrma_groups.loads(json.dumps(data), "json").project("p").budget
        assert budget is not None
        assert (budget.amount, budget.currency) == (exact, "EUR")

    @pytest.mark.parametrize("amount", ["-5", "12.345", "beaucoup", "NaN", "Infinity"])
    def test_invalid_amounts(self, amount: str) -> None:
        """Negative, beyond the cent, not a number: refused with the reason."""
        data = with_projects(project(budget={"amount": amount, "currency": "EUR"}))
        ((code, location, message),) = errors_of(data)
        assert (code, location) == ("invalid_amount", "projects[0].budget.amount")
        assert message == (
            f"{amount!r} is not an amount of money: expected a number that is not negative, "
            "with at most two decimals"
        )

    @pytest.mark.parametrize("currency", ["EUR", "MAD", "XOF", "mad"])
    def test_currencies(self, currency: str) -> None:
        """ISO 4217 codes known to CLDR, in any case."""
        data = with_projects(project(budget={"amount": "1", "currency": currency}))
        budget = rrma_groups.loads(json.dumps(data), "json").project("p").budget
        assert budget is not None
        assert budget.currency == currency.upper()

    @pytest.mark.parametrize("currency", ["EURO", "XYZ", "€", ""])
    def test_unknown_currencies(self, currency: str) -> None:
        """Anything else is refused, with examples."""
        data = with_projects(project(budget={"amount": "1", "currency": currency}))
        assert errors_of(data) == [
            (
                "invalid_currency",
                "projects[0].budget.currency",
                f"{currency!r} is not an ISO 4217 currency code (such as EUR or MAD)",
            )
        ]

    def test_a_funder_is_an_actor_or_a_name(self) -> None:
        """Both, or neither, is refused."""
        budget = {"amount": "10", "currency": "EUR", "funders": [{"amount": "5"}]}
        ((code, location, _),) = errors_of(with_projects(project(budget=budget)))
        assert (code, location) == ("funder_actor_or_name", "projects[0].budget.funders[0]")

    def test_amounts_are_saved_as_text(self) -> None:
        """TOML and JSON get "1250.50", never a binary float."""
        data = with_projects(project(budget={"amount": "1250.50", "currency": "MAD"}))
        group = rrma_groups.loads(json.dumps(data), "json")
        assert 'amount = "1250.50"' in rrma_groups.dumps(group, "toml")
        assert '"amount": "1250.50"' in rrma_groups.dumps(group, "json")


class TestPlaces:
    @pytest.mark.parametrize(
        ("place", "code", "location"),
        [
            ({}, "empty_place", "projects[0].places[0]"),
            ({"province": "MA-HAOUZ"}, "invalid_province", "projects[0].places[0].province"),
            ({"region": "MA-13"}, "unknown_subdivision", "projects[0].places[0].region"),
            (
                {"region": "MA-07", "province": "SN-DKR"},
                "province_outside_region",
                "projects[0].places[0]",
            ),
        ],
    )
    def test_invalid_places(self, place: dict[str, str], code: str, location: str) -> None:
        """A place has something to say, well-formed codes, one country."""
        ((found, at, _),) = errors_of(with_projects(project(places=[place])))
        assert (found, at) == (code, location)

    def test_a_place_abroad_is_a_warning(self) -> None:
        """A project place outside the group's country is suspicious, not wrong."""
        data = with_projects(project(places=[{"region": "SN-DK"}]))
        problem = first_problem(data)
        assert (problem.code, problem.location, problem.message) == (
            "outside_country",
            "projects[0].places[0].region",
            "SN-DK is not in the group's country, MA",
        )

    @pytest.mark.parametrize(
        ("code", "region"),
        [("87", "FR-NAQ"), ("2a", "FR-20R"), ("971", "FR-971"), ("75", "FR-IDF")],
    )
    def test_departements_and_their_regions(self, code: str, region: str) -> None:
        """Each département belongs to one region."""
        assert department_region(code) == region

    def test_one_hundred_and_one_departements(self) -> None:
        """96 in metropolitan France (2A and 2B, no 20) and 5 overseas."""
        assert len(DEPARTMENT_REGIONS) == 101
        assert "20" not in DEPARTMENT_REGIONS

    @pytest.mark.parametrize(
        ("given", "stored"), [("87", "87"), (87, "87"), (1, "01"), ("2b", "2B")]
    )
    def test_departement_codes_are_read_as_written(self, given: Any, stored: str) -> None:
        """A number in a file is the code; letters are upper-cased."""
        data = group_data()
        data["actors"][0]["department"] = given
        assert rrma_groups.loads(json.dumps(data), "json").actors[0].department == stored

    @pytest.mark.parametrize("bad", ["20", "99", "975", "A2"])
    def test_unknown_departements(self, bad: str) -> None:
        """Not a département: refused with examples."""
        data = group_data()
        data["actors"][0]["department"] = bad
        assert errors_of(data) == [
            (
                "invalid_department",
                "actors[0].department",
                f"{bad!r} is not a French département code (such as 87, 2A or 971)",
            )
        ]

    def test_departement_outside_the_actors_region(self) -> None:
        """Haute-Vienne is not in Île-de-France: a warning."""
        data = group_data()
        data["actors"][1]["department"] = "75"
        problem = first_problem(data)
        assert (problem.code, problem.location, problem.message) == (
            "department_outside_area",
            "actors[1].department",
            "département 75 is in FR-IDF, not in the actor's region FR-NAQ",
        )

    def test_works_in_another_country(self) -> None:
        """An actor of a Morocco group that works in Senegal is reported."""
        data = group_data()
        data["actors"][0]["works_in"] = ["MA-07", "SN-DK"]
        assert findings(data) == [("outside_country", "actors[0].works_in[1]")]


class TestProjectReferences:
    def test_every_reference_is_checked(self) -> None:
        """Lead, partners, themes, contact and funders name existing objects."""
        budget = {"amount": "10", "currency": "EUR", "funders": [{"actor": "zz"}]}
        data = with_projects(
            project(lead="x", partners=["y"], themes=["t9"], contact="p9", budget=budget)
        )
        assert findings(data) == [
            ("unknown_reference", "projects[0].lead"),
            ("unknown_reference", "projects[0].partners[0]"),
            ("unknown_reference", "projects[0].themes[0]"),
            ("unknown_reference", "projects[0].contact"),
            ("unknown_reference", "projects[0].budget.funders[0].actor"),
        ]

    def test_duplicate_project_and_resource_ids(self) -> None:
        """Project ids and resource ids are unique."""
        data = with_projects(project(), project(), resources=[{"id": "r", "title": "R"}] * 2)
        assert findings(data) == [
            ("duplicate_id", "projects[1].id"),
            ("duplicate_id", "resources[1].id"),
        ]

    def test_lead_also_partner(self) -> None:
        """The lead listed again as a partner is a warning."""
        assert findings(with_projects(project(partners=["a2", "a1"]))) == [
            ("lead_also_partner", "projects[0].partners[1]")
        ]

    def test_funding_beyond_the_budget(self) -> None:
        """Shares that add up to more than the budget are reported, in the budget's currency."""
        budget = {
            "amount": "100",
            "currency": "MAD",
            "funders": [{"actor": "a2", "amount": "60"}, {"name": "Fonds", "amount": "50.50"}],
        }
        problem = first_problem(with_projects(project(budget=budget)))
        assert (problem.code, problem.location, problem.message) == (
            "funding_exceeds_budget",
            "projects[0].budget.funders",
            "the funders' shares add up to 110.50 MAD, more than the budget of 100 MAD",
        )


class TestFiction:
    @pytest.mark.parametrize(
        ("fields", "location", "value"),
        [
            ({"lead": "a1"}, "projects[0].lead", "a1"),
            ({"lead": "a3", "partners": ["a2"]}, "projects[0].partners[0]", "a2"),
            (
                {
                    "lead": "a3",
                    "budget": {"amount": "1", "currency": "EUR", "funders": [{"actor": "net"}]},
                },
                "projects[0].budget.funders[0].actor",
                "net",
            ),
            ({"lead": "a3", "contact": "p1"}, "projects[0].contact", "a1"),
            ({"lead": "a3", "contact": "p2"}, "projects[0].contact", "p2"),
        ],
        ids=["lead", "partner", "funder", "contact-of-a-real-actor", "contact-unaffiliated"],
    )
    def test_a_fictional_project_never_involves_a_real_actor(
        self, fields: dict[str, Any], location: str, value: str
    ) -> None:
        """Made-up projects stay among made-up actors: an error, not a warning."""
        data = with_projects(project(fictional=True, **fields))
        problem = first_problem(data)
        assert (problem.code, problem.location, problem.value) == (
            "fictional_links_real",
            location,
            value,
        )
        assert problem.is_error

    def test_a_real_project_with_a_fictional_lead(self) -> None:
        """A project not marked fictional cannot be led by a fictional actor."""
        problem = first_problem(with_projects(project(lead="a3")))
        assert (problem.code, problem.location, problem.message) == (
            "real_links_fictional",
            "projects[0].lead",
            "this project is not marked fictional but involves the fictional actor 'a3'; "
            "mark it fictional too",
        )

    def test_fiction_among_fiction_is_fine(self) -> None:
        """A fictional project led by a fictional actor with a fictional partner."""
        data = with_projects(project(lead="a3", partners=["m1"], fictional=True))
        assert findings(data) == []

    def test_resources_follow_the_same_rule(self) -> None:
        """A fictional resource offered by a real actor is refused."""
        data = with_projects(
            resources=[{"id": "r", "title": "R", "offered_by": "net", "fictional": True}]
        )
        assert findings(data) == [("fictional_links_real", "resources[0].offered_by")]


class TestResources:
    def test_a_resource(self) -> None:
        """A training with its languages, date, themes and who offers it."""
        data = with_projects(
            resources=[
                {
                    "id": "r",
                    "title": "Formation",
                    "kind": "training",
                    "offered_by": "net",
                    "languages": ["fr", "ar-MA"],
                    "date": "15/03/2017",
                    "themes": ["t1"],
                }
            ]
        )
        resource = rrma_groups.loads(json.dumps(data), "json").resource("r")
        assert (resource.kind.value, resource.languages, resource.date) == (
            "training",
            ("fr", "ar_MA"),
            dt.date(2017, 3, 15),
        )

    def test_resource_references(self) -> None:
        """offered_by is an actor and themes are priorities."""
        data = with_projects(
            resources=[{"id": "r", "title": "R", "offered_by": "x", "themes": ["y"]}]
        )
        assert findings(data) == [
            ("unknown_reference", "resources[0].offered_by"),
            ("unknown_reference", "resources[0].themes[0]"),
        ]


class TestTheExample:
    def test_projects_and_resources(self) -> None:
        """Four fictional projects and two resources, the 2016 programme being real."""
        group = groupe_pays_maroc()
        assert [p.id for p in group.projects] == [
            "exemple-hotellerie",
            "exemple-mobilite",
            "exemple-tapis",
            "exemple-eau",
        ]
        assert all(p.fictional for p in group.projects)
        assert [(r.id, r.fictional) for r in group.resources] == [
            ("programme-limoges-2016", False),
            ("exemple-formation-montage", True),
        ]

    def test_real_organisations_have_no_fictional_facts(self) -> None:
        """Every actor a fictional item involves is fictional itself."""
        group = groupe_pays_maroc()
        fictional = {a.id for a in group.actors if a.fictional}
        assert fictional == {
            "exemple-asso-limousin-souss",
            "exemple-lycee-pro",
            "exemple-asso-diaspora",
            "exemple-cooperative-tissage",
            "exemple-commune-rurale",
            "exemple-fondation",
        }
        for p in group.projects:
            funders = {f.actor for f in p.budget.funders if f.actor} if p.budget else set()
            assert {*p.actors, *funders} <= fictional
        assert {m.actor for m in group.members} <= fictional

    def test_budget_in_euros_and_dirhams(self) -> None:
        """Budgets keep their currency and exact amounts."""
        group = groupe_pays_maroc()
        budgets = [(p.id, p.budget.amount, p.budget.currency) for p in group.projects if p.budget]
        assert budgets == [
            ("exemple-hotellerie", Decimal("45000"), "EUR"),
            ("exemple-mobilite", Decimal("120000"), "MAD"),
        ]

    @pytest.mark.parametrize("fmt", ["toml", "json"])
    def test_round_trip(self, fmt: rrma_groups.io.Format) -> None:
        """Projects, resources, places and budgets survive a save and a load."""
        group = groupe_pays_maroc()
        again = rrma_groups.loads(rrma_groups.dumps(group, fmt), fmt)
        assert again == group
        assert again.projects == group.projects
