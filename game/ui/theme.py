"""Colours and line weights: a calm default theme and a high-contrast one (H toggles).

Meaning never rests on colour alone: marks, moods and stages also carry a word and a shape.
"""
from __future__ import annotations

from dataclasses import dataclass

Colour = tuple[int, int, int]


@dataclass(frozen=True)
class Theme:
    """The palette the widgets draw with."""

    name: str
    background: Colour
    panel: Colour
    panel_alt: Colour
    border: Colour
    text: Colour
    muted: Colour
    accent: Colour
    on_accent: Colour
    focus: Colour
    good: Colour
    bad: Colour
    warn: Colour
    neutral: Colour
    bar_back: Colour
    you: Colour
    line: int  # border width in pixels at scale 1

    def mood(self, mood: str) -> Colour:
        """A colour for a mood word (always drawn with its word and shape too)."""
        return {"hostile": self.bad, "sceptical": self.warn, "neutral": self.neutral,
                "warm": self.good, "keen": self.good}.get(mood, self.muted)

    def mark(self, mark: str) -> Colour:
        """A colour for a debrief mark (always drawn with its word and shape too)."""
        return {"good": self.good, "mistake": self.bad, "missed": self.warn}.get(mark, self.neutral)


DEFAULT = Theme(
    name="default",
    background=(236, 233, 226),
    panel=(252, 251, 248),
    panel_alt=(226, 232, 240),
    border=(190, 184, 172),
    text=(28, 32, 38),
    muted=(86, 92, 102),
    accent=(28, 78, 140),
    on_accent=(255, 255, 255),
    focus=(214, 120, 0),
    good=(22, 120, 62),
    bad=(178, 38, 38),
    warn=(168, 100, 0),
    neutral=(96, 104, 116),
    bar_back=(214, 210, 202),
    you=(28, 78, 140),
    line=1,
)

HIGH_CONTRAST = Theme(
    name="high-contrast",
    background=(0, 0, 0),
    panel=(0, 0, 0),
    panel_alt=(20, 20, 40),
    border=(255, 255, 255),
    text=(255, 255, 255),
    muted=(235, 235, 235),
    accent=(255, 255, 0),
    on_accent=(0, 0, 0),
    focus=(0, 255, 255),
    good=(120, 255, 120),
    bad=(255, 140, 140),
    warn=(255, 210, 80),
    neutral=(220, 220, 220),
    bar_back=(70, 70, 70),
    you=(130, 220, 255),
    line=2,
)


def theme_for(high_contrast: bool) -> Theme:
    """The theme to draw with."""
    return HIGH_CONTRAST if high_contrast else DEFAULT
