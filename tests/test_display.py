"""Rich display in notebooks: models show as HTML through a renderer the package hands them."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest

from rrma_groups import display, render
from rrma_groups.examples import groupe_pays_maroc

GROUP = groupe_pays_maroc()
MEETING = GROUP.meeting("limoges-2016")
SHOWN = [
    pytest.param(GROUP, id="group"),
    pytest.param(MEETING, id="meeting"),
    pytest.param(MEETING.agenda, id="agenda"),
]


@pytest.fixture
def renderer() -> Iterator[None]:
    """Gives the package's renderer back after a test replaced it."""
    saved = display.set_html_renderer(None)
    yield
    display.set_html_renderer(saved)


class TestNotebookDisplay:
    @pytest.mark.parametrize("obj", SHOWN)
    def test_models_show_as_html_fragments(self, obj: object) -> None:
        """A group, a meeting and an agenda show as the HTML fragment render() gives."""
        assert obj._repr_html_() == render(obj, "html", fragment=True)  # type: ignore[attr-defined]

    @pytest.mark.parametrize("obj", SHOWN)
    def test_without_a_renderer_they_stay_plain_text(self, obj: object, renderer: None) -> None:
        """With no renderer, _repr_html_ gives None: Jupyter then shows the short repr."""
        display.set_html_renderer(None)
        assert obj._repr_html_() is None  # type: ignore[attr-defined]

    def test_the_renderer_can_be_replaced(self, renderer: None) -> None:
        """set_html_renderer puts another function in the slot and gives back the one before."""
        display.set_html_renderer(lambda obj: f"<p>{type(obj).__name__}</p>")
        assert MEETING._repr_html_() == "<p>Meeting</p>"
        assert display.set_html_renderer(None)(GROUP) == "<p>CountryGroup</p>"  # type: ignore[misc]


class TestLayers:
    def test_importing_the_package_loads_neither_model_nor_render(self) -> None:
        """Filling the slot costs `import rrma_groups` nothing: the renderers load on first use."""
        code = (
            "import sys, rrma_groups; "
            "print(sorted(m for m in sys.modules if m.startswith('rrma_groups')))"
        )
        loaded = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout
        assert "'rrma_groups.display'" in loaded
        assert "'rrma_groups.model'" not in loaded
        assert "'rrma_groups.render'" not in loaded
