"""Horizontal bar charts as inline SVG: no script, no external resource, right-to-left aware.

Bars are proportional to their values (the longest bar is the largest value). In a
right-to-left language the chart is mirrored: labels on the right, bars growing leftwards from
them, values at the bars' left ends. Coordinates are computed from the right edge rather than
by a mirroring transform, so that the text itself is never mirrored. Every label is escaped;
the chart has a ``<title>`` (its accessible name) and each bar its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from ..i18n.bidi import balance_isolates
from ..i18n.locales import is_rtl, to_bcp47
from ..parsing.folding import slug

__all__ = ["Bar", "bar_chart"]

WIDTH = 560
"""Width of a chart in SVG user units (pixels at 100 %)."""
LABEL_WIDTH = 210
ROW = 24
BAR = 16
PAD = 6
VALUE_ROOM = 56


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar: its label, its value and how the value is written."""

    label: str
    value: float
    value_text: str


def _num(x: float) -> str:
    """A coordinate written briefly: 12, 12.5, never 12.000000001."""
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    return text if text != "-0" else "0"


def bar_chart(bars: Sequence[Bar], *, title: str, lang: str, chart_id: str = "chart") -> str:
    """An inline ``<svg>`` bar chart of ``bars``, titled ``title``, laid out for ``lang``."""
    rtl = is_rtl(lang)
    ident = slug(chart_id) or "chart"
    height = PAD * 2 + ROW * max(len(bars), 1)
    longest = max((b.value for b in bars), default=0)
    room = WIDTH - LABEL_WIDTH - VALUE_ROOM
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'aria-labelledby="{ident}-title" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" '
        f'height="{height}" lang="{escape(to_bcp47(lang))}" direction="{"rtl" if rtl else "ltr"}" '
        'font-size="12" font-family="sans-serif">',
        f'<title id="{ident}-title">{escape(balance_isolates(title))}</title>',
    ]
    for n, bar in enumerate(bars):
        length = room * bar.value / longest if longest > 0 else 0.0
        top = PAD + n * ROW
        middle = top + ROW / 2
        bar_top = top + (ROW - BAR) / 2
        if rtl:
            # Text anchors follow the text direction: in right-to-left text "end" is the left
            # edge, so the label sits right of its x and the value left of its x.
            label_x = WIDTH - LABEL_WIDTH + PAD
            bar_x = WIDTH - LABEL_WIDTH - length
            value_x = bar_x - 4
        else:
            label_x = LABEL_WIDTH - PAD
            bar_x = LABEL_WIDTH
            value_x = bar_x + length + 4
        label = escape(balance_isolates(bar.label))
        out.append(
            f'<g class="bar"><title>{label}: {escape(bar.value_text)}</title>'
            f'<text x="{_num(label_x)}" y="{_num(middle)}" text-anchor="end" '
            f'dominant-baseline="central">{label}</text>'
            f'<rect x="{_num(bar_x)}" y="{_num(bar_top)}" width="{_num(length)}" '
            f'height="{BAR}" fill="#0b5c7a"/>'
            f'<text x="{_num(value_x)}" y="{_num(middle)}" text-anchor="start" '
            f'dominant-baseline="central" fill="#1d2430">{escape(bar.value_text)}</text></g>'
        )
    out.append("</svg>")
    return "\n".join(out)
