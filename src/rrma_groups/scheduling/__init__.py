"""Scripting agendas: building, re-timing and time budgets."""

from .core import *  # noqa: F403
from .core import __all__ as __all__
