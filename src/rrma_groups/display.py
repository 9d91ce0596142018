"""Rich display in notebooks: how a group, a meeting or an agenda shows itself as HTML.

The model sits below the renderers and may not import them, even lazily. Its ``_repr_html_``
methods ask this module instead, and the package fills it, when it is imported, with a function
that loads :mod:`rrma_groups.render` on first use. The slot lives outside :mod:`rrma_groups.model`
and imports nothing, so that filling it costs ``import rrma_groups`` nothing.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["HtmlRenderer", "html_fragment", "set_html_renderer"]

HtmlRenderer = Callable[[object], str]
"""Gives a model object as an HTML fragment."""

_slot: list[HtmlRenderer] = []


def set_html_renderer(renderer: HtmlRenderer | None) -> HtmlRenderer | None:
    """Make ``renderer`` the one notebooks use to show models, and give back the one it replaces.

    ``None`` leaves models as plain text.
    """
    previous = _slot[0] if _slot else None
    _slot[:] = [] if renderer is None else [renderer]
    return previous


def html_fragment(obj: object) -> str | None:
    """``obj`` as an HTML fragment; ``None`` without a renderer (Jupyter then shows the repr)."""
    return _slot[0](obj) if _slot else None
