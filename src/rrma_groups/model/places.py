"""Places: French départements, provinces of the partner country, and where a project happens."""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import Annotated, Any, Final

from pydantic import AfterValidator, BeforeValidator, Field, model_validator

from ..i18n.catalog import N_
from ..pydantic_bridge import custom_error
from . import patterns
from .base import Model
from .text import LocalisedText
from .types import SingleLine, SubdivisionCode

__all__ = ["DEPARTMENT_REGIONS", "Department", "Place", "ProvinceCode", "department_region"]

# The 101 départements and the region (ISO 3166-2:FR, 2016 regions) each belongs to. Corse is
# FR-20R since the 2019 revision; 2A and 2B replaced 20 in 1976. Codes are INSEE's.
_REGION_DEPARTMENTS: dict[str, tuple[str, ...]] = {
    "FR-ARA": ("01", "03", "07", "15", "26", "38", "42", "43", "63", "69", "73", "74"),
    "FR-BFC": ("21", "25", "39", "58", "70", "71", "89", "90"),
    "FR-BRE": ("22", "29", "35", "56"),
    "FR-CVL": ("18", "28", "36", "37", "41", "45"),
    "FR-20R": ("2A", "2B"),
    "FR-GES": ("08", "10", "51", "52", "54", "55", "57", "67", "68", "88"),
    "FR-HDF": ("02", "59", "60", "62", "80"),
    "FR-IDF": ("75", "77", "78", "91", "92", "93", "94", "95"),
    "FR-NOR": ("14", "27", "50", "61", "76"),
    "FR-NAQ": ("16", "17", "19", "23", "24", "33", "40", "47", "64", "79", "86", "87"),
    "FR-OCC": ("09", "11", "12", "30", "31", "32", "34", "46", "48", "65", "66", "81", "82"),
    "FR-PDL": ("44", "49", "53", "72", "85"),
    "FR-PAC": ("04", "05", "06", "13", "83", "84"),
    "FR-971": ("971",),
    "FR-972": ("972",),
    "FR-973": ("973",),
    "FR-974": ("974",),
    "FR-976": ("976",),
}

DEPARTMENT_REGIONS: Final = MappingProxyType(
    {dep: region for region, deps in _REGION_DEPARTMENTS.items() for dep in deps}
)
"""Each French département (INSEE code: ``87``, ``2A``, ``971``) and its region's ISO code."""


def department_region(code: str) -> str:
    """The ISO 3166-2 code of the region a département belongs to.

    >>> department_region("87"), department_region("2a")
    ('FR-NAQ', 'FR-20R')

    :raises KeyError: not a département code.
    """
    return DEPARTMENT_REGIONS[code.strip().upper()]


def _department_text(value: Any) -> Any:
    # A département written as a number in a file (87) is the code "87"; 1 is "01".
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:02d}"
    return value


def _check_department(value: str) -> str:
    code = value.strip().upper()
    if code not in DEPARTMENT_REGIONS:
        raise custom_error("invalid_department", value=value)
    return code


def _department_json() -> dict[str, Any]:
    numbers = sorted(int(code) for code in DEPARTMENT_REGIONS if code.isdigit())
    return {
        "anyOf": [
            {"type": "integer", "enum": numbers},
            {"type": "string", **patterns.code(sorted(DEPARTMENT_REGIONS))},
        ]
    }


Department = Annotated[
    str,
    BeforeValidator(_department_text),
    AfterValidator(_check_department),
    Field(
        json_schema_extra=lambda s: patterns.apply(
            s, _department_json(), examples=["87", "2A", "971"]
        )
    ),
]
"""A French département by its INSEE code (``87`` Haute-Vienne, ``2A`` Corse-du-Sud)."""

_PROVINCE = re.compile(r"[A-Z]{2}-[A-Z]{3}")


def _check_province(value: str) -> str:
    code = value.strip().upper()
    if _PROVINCE.fullmatch(code) is None:
        raise custom_error("invalid_province", value=value)
    return code


ProvinceCode = Annotated[
    str,
    AfterValidator(_check_province),
    Field(
        json_schema_extra=lambda s: patterns.apply(s, patterns.letters(2, 3), examples=["MA-HAO"])
    ),
]
"""The ISO 3166-2 code of a province or prefecture (``MA-HAO`` Al Haouz, ``MA-SAF`` Safi).

Only the shape is checked: the library lists regions, not the 75 Moroccan provinces.
"""


class Place(Model):
    """Where something happens: a region, a province, and a place name, any of them."""

    region: SubdivisionCode | None = Field(default=None, description=N_("Region (ISO 3166-2)."))
    province: ProvinceCode | None = Field(
        default=None,
        description=N_("ISO 3166-2 code of the province or prefecture."),
    )
    name: Annotated[LocalisedText, SingleLine()] | None = Field(
        default=None,
        description=N_("A place name in words: a town, a commune, a douar."),
    )

    @model_validator(mode="after")
    def _something_given(self) -> Place:
        if self.region is None and self.province is None and self.name is None:
            raise custom_error("empty_place")
        if (
            self.region is not None
            and self.province is not None
            and self.region[:2] != self.province[:2]
        ):
            raise custom_error(
                "province_outside_region", province=self.province, region=self.region
            )
        return self
