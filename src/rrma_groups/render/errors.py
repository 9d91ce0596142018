"""The error of a rendering request that cannot be met."""

from __future__ import annotations

from ..errors import RrmaError

__all__ = ["RenderError"]


class RenderError(RrmaError, ValueError):
    """A rendering request that cannot be met (unknown format, nothing to render)."""

    code = "render_error"
