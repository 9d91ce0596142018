"""The benchmark harness stays runnable: its generator makes valid groups, its run prints a table.

The benchmark itself is not part of the test suite (it takes minutes and its targets depend on
the machine); this is a smoke run at tiny sizes, so that it never rots.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import rrma_groups

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def _module(name: str) -> ModuleType:
    """A module of benchmarks/, imported once under a name no other module uses."""
    qualified = f"rrma_benchmarks_{name}"
    if qualified not in sys.modules:
        if str(BENCHMARKS) not in sys.path:
            sys.path.insert(0, str(BENCHMARKS))  # run.py imports generate.py by its name
        spec = importlib.util.spec_from_file_location(qualified, BENCHMARKS / f"{name}.py")
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[qualified] = module  # dataclasses and pydantic look their module up
        spec.loader.exec_module(module)
    return sys.modules[qualified]


@pytest.fixture(scope="module")
def generate() -> ModuleType:
    return _module("generate")


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return _module("run")


@pytest.fixture(scope="module")
def small(generate: ModuleType) -> dict[str, Any]:
    data: dict[str, Any] = generate.generate_group(actors=60, meetings=30, items=600, seed=7)
    return data


def _facilitator_kinds(data: dict[str, Any]) -> Counter[str]:
    kinds: Counter[str] = Counter()
    for meeting in data["meetings"]:
        for item in meeting.get("agenda", []):
            facilitators = item.get("facilitators", [])
            if not facilitators:
                kinds["none"] += 1
            elif len(facilitators) > 1:
                kinds["several"] += 1
            for facilitator in facilitators:
                kinds[next(k for k in ("person", "actor", "role") if k in facilitator)] += 1
    return kinds


class TestGenerator:
    def test_group_is_valid_without_warnings(self, small: dict[str, Any]) -> None:
        """A generated group loads with no error, and checks find no warning either."""
        group = rrma_groups.loads(json.dumps(small), "json")
        assert rrma_groups.check(group).problems == ()

    @pytest.mark.parametrize("seed", [0, 1, 2])
    @pytest.mark.parametrize(
        ("actors", "meetings", "items"), [(10, 5, 40), (0, 3, 2), (5, 4, 400), (20, 20, 0)]
    )
    def test_any_size_is_valid(
        self, generate: ModuleType, actors: int, meetings: int, items: int, seed: int
    ) -> None:
        """Odd sizes too: no actors, fewer items than meetings, crowded meetings, no items."""
        data = generate.generate_group(actors=actors, meetings=meetings, items=items, seed=seed)
        group = rrma_groups.loads(json.dumps(data), "json")
        assert rrma_groups.check(group).problems == ()
        assert len(group.actors) == actors
        assert len(group.meetings) == meetings
        assert sum(len(m.agenda) for m in group.meetings) == items

    def test_same_seed_same_data(self, generate: ModuleType, small: dict[str, Any]) -> None:
        """The generator is deterministic for a seed, and the seed matters."""
        assert generate.generate_group(actors=60, meetings=30, items=600, seed=7) == small
        assert generate.generate_group(actors=60, meetings=30, items=600, seed=8) != small

    def test_data_is_what_dumps_writes(self, small: dict[str, Any]) -> None:
        """The data is in the file format as rrma_groups.dumps writes it in JSON."""
        group = rrma_groups.loads(json.dumps(small), "json")
        assert json.loads(rrma_groups.dumps(group, "json")) == small

    def test_data_exercises_every_feature(
        self, generate: ModuleType, small: dict[str, Any]
    ) -> None:
        """Multi-day meetings, parallel rooms, all facilitator kinds, localised titles."""
        meetings = small["meetings"]
        assert any("end_date" in m for m in meetings)
        items = [item for m in meetings for item in m.get("agenda", [])]
        assert any("day" in item for item in items)
        assert any("room" in item for item in items)
        assert any("end" not in item for item in items)  # an open-ended last item
        assert any(isinstance(item["title"], dict) for item in items)
        assert {"person", "actor", "role", "none", "several"} <= set(_facilitator_kinds(small))
        localised = [item["title"] for item in items if isinstance(item["title"], dict)]
        assert all(set(title) == {"fr", "ar", "en"} for title in localised)
        assert any("affiliation" in p for p in small["persons"])
        assert {a.get("kind", "other") for a in small["actors"]} == set(generate.ACTOR_KINDS)

    def test_json_and_toml_files_hold_the_same_group(
        self, generate: ModuleType, small: dict[str, Any], tmp_path: Path
    ) -> None:
        """The command line writes .json or .toml; both load to the same group."""
        for suffix in ("json", "toml"):
            status = generate.main(
                [
                    "--items",
                    "600",
                    "--actors",
                    "60",
                    "--meetings",
                    "30",
                    "--seed",
                    "7",
                    "-o",
                    str(tmp_path / f"g.{suffix}"),
                ]
            )
            assert status == 0
        from_json = rrma_groups.load(tmp_path / "g.json")
        assert from_json == rrma_groups.load(tmp_path / "g.toml")
        assert from_json == rrma_groups.loads(json.dumps(small), "json")


class _Without(ModuleType):
    """rrma_groups without one of its names, as before that API was written."""

    def __init__(self, hidden: str) -> None:
        super().__init__("rrma_groups")
        self._hidden = hidden

    def __getattr__(self, name: str) -> Any:
        if name == self._hidden:
            raise AttributeError(name)
        return getattr(rrma_groups, name)


class TestHarness:
    def test_quick_run_prints_every_figure(self, bench: ModuleType, tmp_path: Path) -> None:
        """`run.py --quick` runs, prints a row per figure, and exits 0 or 1 (a missed target)."""
        out = tmp_path / "results.json"
        done = subprocess.run(
            [sys.executable, str(BENCHMARKS / "run.py"), "--quick", "--json", str(out)],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode in (0, 1), done.stderr
        header = done.stdout.splitlines()[1]
        assert header.split(" | ")[0].strip() == "figure"
        results = json.loads(out.read_text())["results"]
        assert [r["key"] for r in results] == list(bench.FIGURES)
        rows = {line.split(" | ")[0].strip() for line in done.stdout.splitlines() if " | " in line}
        for result in results:
            assert result["title"] in rows
            assert result["status"] in ("ok", "missed", "reported", "not available"), result
        assert (done.returncode == 1) == any(r["status"] == "missed" for r in results)

    def test_a_figure_runs_once_its_api_exists(
        self, bench: ModuleType, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        """A missing API is "not available"; once it exists the figure measures it."""
        ctx = bench.Context(bench.QUICK, tmp_path)
        monkeypatch.setattr(bench, "rrma_groups", _Without("to_ical"))
        assert bench.run_figure(bench.FIGURES["to_ical"], ctx).status == "not available"
        monkeypatch.setattr(bench, "rrma_groups", rrma_groups)
        result = bench.run_figure(bench.FIGURES["to_ical"], ctx)
        assert result.status in ("ok", "missed"), result.notes
        assert result.measured > 0
        assert result.baseline > 0

    def test_baselines_cover_every_item(self, bench: ModuleType, small: dict[str, Any]) -> None:
        """The Babel and icalendar baselines do their work once per item (and meeting)."""
        group = rrma_groups.loads(json.dumps(small), "json")
        assert bench.babel_loop(bench.time_ranges(group)) > 600 * 5
        assert bench.icalendar_direct(group).count(b"BEGIN:VEVENT") == 30 + 600
        assert bench.BaselineGroup.model_validate_json(json.dumps(small)).id == small["id"]
