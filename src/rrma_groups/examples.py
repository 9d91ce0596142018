"""The bundled reference example: the Groupe Pays Maroc of Cap Coopération (2016)."""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

from .model import CountryGroup

__all__ = ["EXAMPLES", "example_path", "example_text", "groupe_pays_maroc"]

EXAMPLES = {"groupe_pays_maroc": "groupe_pays_maroc.toml"}
"""Names of the bundled examples and their files."""


def example_text(name: str = "groupe_pays_maroc") -> str:
    """The TOML text of a bundled example, comments included (a starting point to copy)."""
    try:
        filename = EXAMPLES[name]
    except KeyError:
        raise KeyError(f"no example {name!r}; there are: {', '.join(EXAMPLES)}") from None
    return resources.files("rrma_groups.data").joinpath(filename).read_text(encoding="utf-8")


def example_path(name: str = "groupe_pays_maroc") -> Path:
    """Where a bundled example lives on disk (inside the installed package)."""
    return Path(str(resources.files("rrma_groups.data").joinpath(EXAMPLES[name])))


@functools.cache
def groupe_pays_maroc() -> CountryGroup:
    """The Groupe Pays Maroc with its 4 November 2016 meeting in Limoges.

    >>> group = groupe_pays_maroc()
    >>> group.acronym.get()
    'GPMar'
    >>> len(group.meeting("limoges-2016").agenda)
    11
    """
    from .io.files import loads

    return loads(example_text("groupe_pays_maroc"), "toml", source="groupe_pays_maroc.toml")
