"""Languages, locales and right-to-left text for rrma_groups.

- :mod:`~rrma_groups.i18n.locales`: reading locale codes, fallback order, text direction.
- :mod:`~rrma_groups.i18n.formatting`: dates, times, time ranges, durations, lists, numbers.
- :mod:`~rrma_groups.i18n.bidi`: directional isolates for plain text and HTML.
- :mod:`~rrma_groups.i18n.regions`: country and region names.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rrma_groups.i18n.bidi import (
        ALM,
        BIDI_CONTROLS,
        FSI,
        LRE,
        LRI,
        LRM,
        LRO,
        PDF,
        PDI,
        RLE,
        RLI,
        RLM,
        RLO,
        balance_isolates,
        first_strong_direction,
        html_isolate,
        isolate,
        isolate_auto,
        isolate_ltr,
        isolate_rtl,
        strip_bidi_controls,
        unbalanced_isolate,
    )
    from rrma_groups.i18n.formatting import (
        DateStyle,
        DurationStyle,
        ListStyle,
        RangeStyle,
        TimeStyle,
        format_date,
        format_duration,
        format_list,
        format_number,
        format_time,
        format_time_range,
        uses_24_hour_clock,
    )
    from rrma_groups.i18n.locales import (
        DEFAULT_LANGUAGE,
        FALLBACK_LANGUAGE,
        SUPPORTED_LANGUAGES,
        babel_locale,
        direction,
        fallback_chain,
        is_rtl,
        normalize_locale,
        to_bcp47,
    )
    from rrma_groups.i18n.regions import (
        SUBDIVISION_ALIASES,
        SUBDIVISION_CODE_PATTERN,
        SUBDIVISIONS,
        SubdivisionNames,
        UnknownRegionError,
        canonical_subdivision,
        country_name,
        is_known_subdivision,
        known_subdivisions,
        subdivision_country,
        subdivision_name,
    )

# The submodules are imported on first use: formatting and locales load Babel, which the
# package's start-up does not need (rrma_groups.messages only wants the N_ marker).
_LAZY = {
    **dict.fromkeys(
        (
            "ALM",
            "BIDI_CONTROLS",
            "FSI",
            "LRE",
            "LRI",
            "LRM",
            "LRO",
            "PDF",
            "PDI",
            "RLE",
            "RLI",
            "RLM",
            "RLO",
            "balance_isolates",
            "first_strong_direction",
            "html_isolate",
            "isolate",
            "isolate_auto",
            "isolate_ltr",
            "isolate_rtl",
            "strip_bidi_controls",
            "unbalanced_isolate",
        ),
        "bidi",
    ),
    **dict.fromkeys(
        (
            "DateStyle",
            "DurationStyle",
            "ListStyle",
            "RangeStyle",
            "TimeStyle",
            "format_date",
            "format_duration",
            "format_list",
            "format_number",
            "format_time",
            "format_time_range",
            "uses_24_hour_clock",
        ),
        "formatting",
    ),
    **dict.fromkeys(
        (
            "DEFAULT_LANGUAGE",
            "FALLBACK_LANGUAGE",
            "SUPPORTED_LANGUAGES",
            "babel_locale",
            "direction",
            "fallback_chain",
            "is_rtl",
            "negotiate",  # deprecated: warns, from locales
            "normalize_locale",
            "to_bcp47",
        ),
        "locales",
    ),
    **dict.fromkeys(
        (
            "SUBDIVISION_ALIASES",
            "SUBDIVISION_CODE_PATTERN",
            "SUBDIVISIONS",
            "SubdivisionNames",
            "UnknownRegionError",
            "canonical_subdivision",
            "country_name",
            "is_known_subdivision",
            "known_subdivisions",
            "subdivision_country",
            "subdivision_name",
        ),
        "regions",
    ),
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'rrma_groups.i18n' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"rrma_groups.i18n.{module}"), name)
    globals()[name] = value
    return value


# fmt: off
__all__ = [  # grouped by module
    # locales
    "DEFAULT_LANGUAGE", "FALLBACK_LANGUAGE", "SUPPORTED_LANGUAGES",
    "babel_locale", "direction", "fallback_chain", "is_rtl", "normalize_locale", "to_bcp47",
    # formatting
    "DateStyle", "DurationStyle", "ListStyle", "RangeStyle", "TimeStyle",
    "format_date", "format_duration", "format_list", "format_number", "format_time",
    "format_time_range", "uses_24_hour_clock",
    # bidi
    "ALM", "BIDI_CONTROLS", "FSI", "LRE", "LRI", "LRM", "LRO", "PDF", "PDI", "RLE", "RLI",
    "RLM", "RLO",
    "balance_isolates", "first_strong_direction", "html_isolate", "isolate", "isolate_auto",
    "isolate_ltr", "isolate_rtl", "strip_bidi_controls", "unbalanced_isolate",
    # regions
    "SUBDIVISIONS", "SUBDIVISION_ALIASES", "SUBDIVISION_CODE_PATTERN", "SubdivisionNames",
    "UnknownRegionError", "canonical_subdivision", "country_name", "is_known_subdivision",
    "known_subdivisions", "subdivision_country", "subdivision_name",
]
# fmt: on
