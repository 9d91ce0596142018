"""The activity report: figures on the example, meeting hours, tables and SVG charts."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import re
import xml.etree.ElementTree as ET
from typing import Any

import pytest

import rrma_groups
from builders import group_data
from rrma_groups.activity.report import ReportError, activity_report, meeting_hours
from rrma_groups.cli.activity import add_parsers
from rrma_groups.examples import groupe_pays_maroc
from rrma_groups.model import ActorKind, Meeting
from rrma_groups.model.projects import ProjectStatus
from rrma_groups.render.report import project_status_label, render_report
from rrma_groups.render.svg import Bar, bar_chart

GROUP = groupe_pays_maroc()
SVG = "{http://www.w3.org/2000/svg}"


def run(*argv: str) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser(prog="rrma-groups")
    add_parsers(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    out, err = io.StringIO(), io.StringIO()
    return args.run(args, out, err), out.getvalue(), err.getvalue()


class TestFiguresOfTheExample:
    def test_2016(self) -> None:
        """The Limoges meeting: 3 h 30, 8 registered, 3 present from 3 organisations."""
        report = activity_report(GROUP, 2016)
        assert (report.first, report.last) == (dt.date(2016, 1, 1), dt.date(2016, 12, 31))
        assert report.meetings == ("limoges-2016",)
        assert report.hours == dt.timedelta(hours=3, minutes=30)
        assert (report.registered, report.participants, report.organisations) == (8, 3, 3)
        assert report.participants_by_kind == {
            ActorKind.ASSOCIATION: 2,
            ActorKind.DIASPORA_ASSOCIATION: 1,
        }
        assert report.new_members == ("exemple-asso-limousin-souss",)
        assert report.projects == ("exemple-tapis", "exemple-eau")
        assert report.projects_by_status == {ProjectStatus.IDEA: 1, ProjectStatus.FINISHED: 1}
        assert report.projects_by_region == {"MA-07": 1, "MA-09": 1}
        assert report.projects_by_theme == {
            "developpement-economique": 1,
            "developpement-durable-culture": 1,
        }
        assert report.resources == ()
        assert report.fictional == 6

    def test_2017(self) -> None:
        """No meeting; two new members, two projects, one training."""
        report = activity_report(GROUP, 2017)
        assert (report.meetings, report.hours, report.participants) == ((), dt.timedelta(0), 0)
        assert report.new_members == ("exemple-lycee-pro", "exemple-asso-diaspora")
        assert report.projects == ("exemple-hotellerie", "exemple-tapis")
        assert report.projects_by_status == {ProjectStatus.RUNNING: 1, ProjectStatus.IDEA: 1}
        assert report.resources == ("exemple-formation-montage",)

    def test_a_period_of_dates(self) -> None:
        """start and end instead of a year."""
        report = activity_report(GROUP, start=dt.date(2016, 11, 1), end=dt.date(2016, 11, 30))
        assert report.meetings == ("limoges-2016",)
        assert not report.is_year

    @pytest.mark.parametrize(
        ("kwargs", "message"),
        [
            ({"start": dt.date(2017, 1, 1), "end": dt.date(2016, 1, 1)}, "the period ends on"),
            ({"year": 2016, "start": dt.date(2016, 1, 1)}, "give either a year or start"),
        ],
    )
    def test_bad_periods(self, kwargs: dict[str, Any], message: str) -> None:
        """A period must make sense."""
        with pytest.raises(ReportError, match=message):
            activity_report(GROUP, **kwargs)

    def test_cancelled_meetings_are_not_held(self) -> None:
        """A cancelled meeting is counted apart, with no hours."""
        data = group_data()
        data["meetings"][0]["status"] = "cancelled"
        report = activity_report(rrma_groups.loads(json.dumps(data), "json"), 2016)
        assert (report.meetings, report.cancelled, report.hours) == ((), 1, dt.timedelta(0))


class TestMeetingHours:
    @pytest.mark.parametrize(
        ("meeting", "hours"),
        [
            ({"start": "14:00", "end": "17:30"}, dt.timedelta(hours=3, minutes=30)),
            (
                {
                    "agenda": [
                        {"time": "9h00 - 12h00", "title": "A"},
                        {"time": "14h00 - 15h00", "title": "B"},
                    ]
                },
                dt.timedelta(hours=6),
            ),
            (
                {
                    "end_date": "2016-11-05",
                    "agenda": [
                        {"time": "14h00 - 18h00", "title": "A"},
                        {"time": "9h00 - 12h30", "title": "B", "day": "2016-11-05"},
                    ],
                },
                dt.timedelta(hours=7, minutes=30),
            ),
            ({}, dt.timedelta(0)),
        ],
        ids=["declared", "first-start-to-last-end", "two-days", "nothing-known"],
    )
    def test_hours(self, meeting: dict[str, Any], hours: dt.timedelta) -> None:
        """Per day, from the first start to the last end; declared bounds come first."""
        built = Meeting.model_validate({"id": "m", "title": "T", "date": "2016-11-04", **meeting})
        assert meeting_hours(built) == hours


class TestMarkdown:
    def test_summary_in_english(self) -> None:
        """Title, year, the sample note and the summary table."""
        text = render_report(GROUP, activity_report(GROUP, 2016), "markdown", "en")
        assert text.splitlines()[:18] == [
            "# Activity report — Morocco Country Group",
            "",
            "2016",
            "",
            "*These figures include 6 made-up sample entries, marked as such.*",
            "",
            "## Summary",
            "",
            "| Figure | Value |",
            "|---|---:|",
            "| Meetings | 1 |",
            "| Hours of meetings | 3 hours and 30 minutes |",
            "| Registered participants | 8 |",
            "| Participants present | 3 |",
            "| Organisations represented | 3 |",
            "| New members | 1 |",
            "| Projects | 2 |",
            "| Resources offered | 0 |",
        ]

    def test_tables_with_bars(self) -> None:
        """Breakdowns get a bar column proportional to the counts."""
        text = render_report(GROUP, activity_report(GROUP, 2016), "markdown", "en")
        assert "| Association | 2 | 2 | ████████████████████ |" in text
        assert "| Diaspora association | 1 | 1 | ██████████ |" in text
        assert "| Idea | 1 | ████████████████████ |" in text
        assert "| Solidarité Limousin–Souss association (fictional example) | Nov 4, 2016 |" in text

    def test_no_sample_note_without_samples(self) -> None:
        """A report of real data only says nothing about samples."""
        group = rrma_groups.loads(json.dumps(group_data()), "json")
        text = render_report(group, activity_report(group, 2016), "markdown", "en")
        assert "| Meetings | 1 |" in text
        assert "sample" not in text

    def test_text(self) -> None:
        """Plain text: underlined headings, aligned columns."""
        text = render_report(GROUP, activity_report(GROUP, 2016), "text", "en")
        assert text.splitlines()[:3] == [
            "Activity report — Morocco Country Group",
            "=======================================",
            "",
        ]
        assert "Summary\n-------\n" in text


class TestHtml:
    def test_page_with_tables_and_charts(self) -> None:
        """A page with one chart per breakdown, no script."""
        page = render_report(GROUP, activity_report(GROUP, 2016), "html", "fr")
        assert page.startswith("<!DOCTYPE html>")
        assert page.count("<svg ") == 4
        assert "<script" not in page

    def test_arabic_page(self) -> None:
        """Right to left; the chart is laid out right to left too."""
        page = render_report(GROUP, activity_report(GROUP, 2016), "html", "ar")
        assert '<html lang="ar" dir="rtl">' in page
        assert 'direction="rtl"' in page

    def test_titles_are_escaped(self) -> None:
        """A priority title with markup comes out as text, in tables and charts."""
        data = group_data()
        data["priorities"][0]["title"] = "<b>Formation</b> & co"
        data["projects"] = [{"id": "p", "title": "P", "lead": "a1", "themes": ["t1"]}]
        group = rrma_groups.loads(json.dumps(data), "json")
        page = render_report(group, activity_report(group, 2016), "html", "fr")
        assert "<b>" not in page
        assert page.count("&lt;b&gt;Formation&lt;/b&gt; &amp; co") == 3  # cell, bar label, tooltip

    def test_unknown_format(self) -> None:
        """The report's formats are listed."""
        with pytest.raises(ReportError, match="choose one of: text, markdown, html"):
            render_report(GROUP, activity_report(GROUP, 2016), "csv")


def _bars(svg: str) -> list[tuple[float, float, str, str]]:
    """(x, width, label, anchor) of each bar, read back from the SVG."""
    root = ET.fromstring(svg)
    out = []
    for group in root.iter(f"{SVG}g"):
        rect = group.find(f"{SVG}rect")
        label = group.findall(f"{SVG}text")[0]
        assert rect is not None
        out.append(
            (
                float(rect.get("x", 0)),
                float(rect.get("width", 0)),
                label.text or "",
                label.get("x", ""),
            )
        )
    return out


class TestCharts:
    BARS = (Bar("Idée", 1, "1"), Bar("En cours", 3, "3"), Bar("Terminé", 0, "0"))

    def test_well_formed_with_a_title(self) -> None:
        """Inline SVG with its accessible title."""
        svg = bar_chart(self.BARS, title="Projets <par> statut", lang="fr", chart_id="Projets!")
        root = ET.fromstring(svg)
        assert root.get("role") == "img"
        assert root.get("aria-labelledby") == "projets-title"
        title = root.find(f"{SVG}title")
        assert title is not None
        assert title.text == "Projets <par> statut"

    def test_bars_are_proportional(self) -> None:
        """The longest bar is the largest value; the others in proportion; zero is empty."""
        widths = [w for _, w, _, _ in _bars(bar_chart(self.BARS, title="t", lang="fr"))]
        assert widths == [98.0, 294.0, 0.0]

    def test_left_to_right(self) -> None:
        """Labels end at the left edge of the bars, which grow rightwards from it."""
        bars = _bars(bar_chart(self.BARS, title="t", lang="fr"))
        assert [(x, label, anchor) for x, _, label, anchor in bars] == [
            (210.0, "Idée", "204"),
            (210.0, "En cours", "204"),
            (210.0, "Terminé", "204"),
        ]

    def test_right_to_left(self) -> None:
        """In Arabic the bars end at the labels on the right and grow leftwards."""
        bars = _bars(bar_chart(self.BARS, title="t", lang="ar"))
        assert [(x + width, label_x) for x, width, _, label_x in bars] == [(350.0, "356")] * 3
        assert [x for x, _, _, _ in bars] == [252.0, 56.0, 350.0]

    def test_labels_are_escaped(self) -> None:
        """A label cannot inject markup into the SVG."""
        svg = bar_chart((Bar("<script>x</script>", 1, "1"),), title="t", lang="fr")
        assert "<script>" not in svg
        assert re.search(r"<text[^>]*>&lt;script&gt;x&lt;/script&gt;</text>", svg)

    def test_empty_chart(self) -> None:
        """No bars: a valid, empty chart."""
        assert _bars(bar_chart((), title="t", lang="fr")) == []


class TestWords:
    @pytest.mark.parametrize(
        ("status", "label"),
        [
            (ProjectStatus.IDEA, "Idea"),
            (ProjectStatus.PLANNED, "Planned"),
            (ProjectStatus.RUNNING, "Running"),
            (ProjectStatus.FINISHED, "Finished"),
        ],
    )
    def test_status_labels(self, status: ProjectStatus, label: str) -> None:
        """Each status has a label (English source shown)."""
        assert project_status_label(status, None) == label


class TestCommand:
    def test_report_of_a_year(self) -> None:
        """report --year 2016 --lang en."""
        status, out, _ = run("report", "--year", "2016", "--lang", "en")
        assert status == 0
        assert out.startswith("# Activity report — Morocco Country Group\n\n2016\n")

    def test_html(self) -> None:
        """--format html."""
        status, out, _ = run("report", "-y", "2017", "-f", "html")
        assert status == 0
        assert out.count("<svg ") == 3

    def test_not_a_year(self) -> None:
        """A year out of range is a usage error."""
        status, _, err = run("report", "--year", "0")
        assert (status, err) == (2, "0 is not a year\n")
