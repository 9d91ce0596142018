"""The bundled examples: the Groupe Pays Maroc of Cap Coopération (2016), the reference, and a
fictional Groupe Pays Sénégal with a lunch, parallel workshops and a quarterly series."""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

from .errors import RrmaError
from .messages import listing
from .model import CountryGroup

__all__ = [
    "EXAMPLES",
    "EXAMPLE_ALIASES",
    "UnknownExampleError",
    "example_path",
    "example_text",
    "groupe_pays_maroc",
    "groupe_pays_senegal",
]

EXAMPLES = {"maroc": "groupe_pays_maroc.toml", "senegal": "groupe_pays_senegal.toml"}
"""Names of the bundled examples and their files."""

EXAMPLE_ALIASES = {"groupe_pays_maroc": "maroc", "groupe_pays_senegal": "senegal"}
"""Other names of the examples: their files' names, as earlier versions called them."""


class UnknownExampleError(RrmaError, KeyError):
    """No bundled example has that name."""

    code = "unknown_example"


def _file(name: str) -> str:
    try:
        return EXAMPLES[EXAMPLE_ALIASES.get(name, name)]
    except KeyError:
        raise UnknownExampleError(value=name, known=listing(EXAMPLES)) from None


def example_text(name: str = "maroc") -> str:
    """The TOML text of a bundled example, comments included (a starting point to copy).

    >>> "Groupe Pays Sénégal" in example_text("senegal")
    True
    """
    return resources.files("rrma_groups.data").joinpath(_file(name)).read_text(encoding="utf-8")


def example_path(name: str = "maroc") -> Path:
    """Where a bundled example lives on disk (inside the installed package)."""
    return Path(str(resources.files("rrma_groups.data").joinpath(_file(name))))


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

    return loads(example_text("maroc"), "toml", source="groupe_pays_maroc.toml")


@functools.cache
def groupe_pays_senegal() -> CountryGroup:
    """A fictional Groupe Pays Sénégal: a day with a lunch and two parallel workshops in rooms,
    and a quarterly series (one meeting cancelled, one moved).

    >>> group = groupe_pays_senegal()
    >>> [m.id for m in group.meetings], [s.id for s in group.series]
    (['journee-2025'], ['trimestrielle'])
    """
    from .io.files import loads

    return loads(example_text("senegal"), "toml", source="groupe_pays_senegal.toml")
