"""A meeting keeps the group it was taken from or built for, and shows its names.

A notebook displays a meeting through its ``_repr_html_``; without its group it could only show
the ids of the people who lead its items (``guillaume-bertrand``). A meeting taken from a
group, built with ``AgendaBuilder(group=)`` or read with ``parse_table(group=)`` keeps a weak
link to that group, through copies and re-timing, which never takes part in equality.
"""

from __future__ import annotations

import copy
import gc
import pickle

import pytest

import rrma_groups
from rrma_groups import AgendaBuilder, render, retime
from rrma_groups.examples import groupe_pays_maroc
from rrma_groups.parsing.tables import parse_table

IDS = ("guillaume-bertrand", "khalid-chihani", "sebastien-proeschel")
NAMES = ("Guillaume Bertrand", "Khalid Chihani", "Sébastien Proeschel")


@pytest.fixture(scope="module")
def group() -> rrma_groups.CountryGroup:
    return groupe_pays_maroc()


def shows_names(html: str | None) -> bool:
    assert html is not None
    return all(name in html for name in NAMES) and not any(key in html for key in IDS)


class TestTakenFromAGroup:
    def test_the_meeting_knows_its_group(self, group: rrma_groups.CountryGroup) -> None:
        assert group.meeting("limoges-2016").group is group
        assert all(m.group is group for m in group.meetings)

    def test_its_display_names_people(self, group: rrma_groups.CountryGroup) -> None:
        """The signatory and the facilitators by name, as in the printed programme."""
        assert shows_names(group.meeting("limoges-2016")._repr_html_())

    def test_render_without_group_uses_it(self, group: rrma_groups.CountryGroup) -> None:
        meeting = group.meeting("limoges-2016")
        assert render(meeting, "text", "fr") == render(meeting, "text", "fr", group=group)

    @pytest.mark.parametrize(
        "change",
        [
            lambda m: m.replace(end="18h00"),
            lambda m: retime(m.replace(end="18h00")).shift("Restitution", 5, cascade=True),
            lambda m: copy.deepcopy(m),
            lambda m: m.model_copy(),
        ],
        ids=["replace", "retime", "deepcopy", "model_copy"],
    )
    def test_copies_keep_it(self, group: rrma_groups.CountryGroup, change: object) -> None:
        changed = change(group.meeting("limoges-2016"))  # type: ignore[operator]
        assert changed.group is group
        assert shows_names(changed._repr_html_())

    def test_the_link_does_not_count_in_equality(self, group: rrma_groups.CountryGroup) -> None:
        """A meeting equals the same meeting made on its own."""
        meeting = group.meeting("limoges-2016")
        alone = rrma_groups.Meeting.model_validate(meeting.model_dump())
        assert alone.group is None
        assert alone == meeting

    def test_a_group_copied_or_unpickled_links_its_own_meetings(
        self, group: rrma_groups.CountryGroup
    ) -> None:
        for other in (copy.deepcopy(group), pickle.loads(pickle.dumps(group))):
            assert other == group
            assert all(m.group is other for m in other.meetings)

    def test_a_pickled_meeting_leaves_the_link_behind(
        self, group: rrma_groups.CountryGroup
    ) -> None:
        meeting = pickle.loads(pickle.dumps(group.meeting("limoges-2016")))
        assert meeting.group is None
        assert meeting == group.meeting("limoges-2016")

    def test_the_link_is_weak(self) -> None:
        """The meeting does not keep a group alive."""
        fresh = groupe_pays_maroc().model_dump(mode="json")
        meeting = rrma_groups.CountryGroup.model_validate(fresh).meeting("limoges-2016")
        gc.collect()
        assert meeting.group is None


class TestBuiltForAGroup:
    def test_the_builder_gives_its_group(self, group: rrma_groups.CountryGroup) -> None:
        builder = AgendaBuilder("14h00", day="2016-11-04", group=group)
        builder.add("Accueil", 15, facilitators="Cap Coopération")
        builder.add("Présentation de la MDH", 10, facilitators="Guillaume Bertrand")
        builder.add("Présentation de la coopération", 15, facilitators="Sébastien Proeschel")
        meeting = builder.meeting("m", "Rencontre", signatory="khalid-chihani")
        assert meeting.group is group
        assert shows_names(meeting._repr_html_())

    def test_a_table_read_for_a_group_gives_it(self, group: rrma_groups.CountryGroup) -> None:
        table = parse_table(
            "Heure\tActivité\tAnimateur\n9h30 - 10h00\tAccueil\tKhalid\n",
            group=group,
            date="2017-03-10",
        )
        assert table.meeting("m", "Rencontre").group is group

    def test_with_group_links_or_unlinks(self, group: rrma_groups.CountryGroup) -> None:
        meeting = group.meeting("limoges-2016")
        assert meeting.with_group(None).group is None
        assert meeting.with_group(None).with_group(group).group is group


class TestGroupsSharingMeetings:
    def test_a_group_made_from_another_s_meetings_leaves_them_linked(
        self, group: rrma_groups.CountryGroup
    ) -> None:
        """Building a second group from the first one's meetings gives the second its own
        copies: the first group's meetings still show the first group's names."""
        other = group.replace(name="Autre groupe")
        assert all(m.group is group for m in group.meetings)
        assert all(m.group is other for m in other.meetings)
        assert other.meetings == group.meetings


def test_checking_a_meeting_of_a_group_names_its_people(group: rrma_groups.CountryGroup) -> None:
    """A warning about a person names them as the group does, the meeting checked alone."""
    meeting = group.meeting("limoges-2016")
    items = list(meeting.agenda)
    items[6] = items[6].replace(start="14h15", end="14h20")  # Khalid leads items[1] too
    clashing = meeting.replace(agenda=items)
    items_khalid = [
        p for p in rrma_groups.check(clashing).warnings if p.code == "facilitator_double_booked"
    ]
    assert items_khalid, rrma_groups.check(clashing).problems
    assert all(p.params["person"] == "Khalid Chihani" for p in items_khalid)
