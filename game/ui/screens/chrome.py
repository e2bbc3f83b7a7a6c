"""The frame every screen shares: a header band, the body, and the key-hint footer.

The header holds a title, a subtitle under it and, on some screens, a block on the right (on
the meeting screen and the deal board: the deal's stage track, the interest meter and the turn
clock — game/ui/screens/stage_block.py). Its words are whole at every
text size — they wrap, never end in "…" — and the band is as tall as they need. Beside the
block the title keeps to one line, or two of the smaller heading style; when that is too
narrow, the title takes the whole width and the block goes on a row under it, with the subtitle
to its left when there is room for it. A screen tells `Chrome.layout` its title and subtitle so
that the band is sized for them; one that does not gets a band sized for the attempt's scenario
title (the title most screens show) over a one-line subtitle.
"""
from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.ui.context import Context
from game.ui.fonts import Fonts
from game.ui.footer import Footer, Hint, common_hints, rows_needed
from game.ui.screens.stage_block import attempt_block
from game.ui.screens.stage_block import StageBlock, stage_track_width  # noqa: F401 (were here)
from game.ui.widgets import key_cap_height


def reload_hints(ctx: Context) -> list[Hint]:
    """The F5 hint, when the attempt under way has a scenario file to read again."""
    session = ctx.session
    if session is None or not session.path:
        return []
    return [Hint("F5", ctx.text.get("key-reload"), pygame.K_F5)]


@dataclass(frozen=True)
class HeaderLine:
    """One line of the header's words: its text and style, at (x, y) in the window; `part`
    says whether it belongs to the title or the subtitle."""

    text: str
    style: str
    x: int
    y: int
    part: str


@dataclass(frozen=True)
class HeaderPlan:
    """The header laid out for one title and subtitle: the band's height, where each line of
    words goes, the block on the right (`aside`) and the room the words have (`text`)."""

    title: str | None
    subtitle: str | None
    height: int
    lines: tuple[HeaderLine, ...]
    aside: pygame.Rect
    text: pygame.Rect
    below: bool               # the block is on a row under the title

    def part(self, name: str) -> list[str]:
        """The lines of the title ("title") or the subtitle ("subtitle"), in order."""
        return [line.text for line in self.lines if line.part == name]


def balanced_wrap(fonts: Fonts, text: str, style: str, width: int) -> tuple[str, ...]:
    """`text` wrapped in `width` as `Fonts.wrap` does, but never with one word alone on the
    last line when a narrower wrap in as many lines avoids it ("…doesn't end at 9" / "p.m."
    becomes "…doesn't end" / "at 9 p.m."; failing that the word before it goes down too)."""
    lines = fonts.wrap(text, style, width)
    if len(lines) < 2 or len(lines[-1].split()) > 1 or len(text.split()) < 3:
        return lines
    step = max(4, fonts.px(style) // 2)
    for narrower in range(width - step, width // 2, -step):
        tried = fonts.wrap(text, style, narrower)
        if len(tried) > len(lines):
            break
        if len(tried[-1].split()) > 1:
            return tried
    before = lines[-2].split()  # else the word before it goes down too, when it fits there
    moved = f"{before[-1]} {lines[-1]}"
    if len(before) > 1 and fonts.width(moved, style) <= width:
        return lines[:-2] + (" ".join(before[:-1]), moved)
    return lines


def _title_lines(fonts: Fonts, title: str | None, width: int,
                 most: int = 0) -> tuple[list[HeaderLine], int] | None:
    """The title from (0, 0): in the title style when it fits one line, else wrapped in the
    heading style (None: more than `most` lines, when `most` is given); and its height. A None
    title reserves one line."""
    if title is None or fonts.width(title, "title") <= width:
        words = [HeaderLine(title, "title", 0, 0, "title")] if title else []
        return words, fonts.line_height("title")
    step = fonts.line_height("heading")
    wrapped = balanced_wrap(fonts, title, "heading", width)
    if most and len(wrapped) > most:
        return None
    return [HeaderLine(line, "heading", 0, i * step, "title")
            for i, line in enumerate(wrapped)], step * len(wrapped)


def _subtitle_lines(fonts: Fonts, subtitle: str | None, width: int,
                    y: int = 0) -> tuple[list[HeaderLine], int]:
    """The subtitle wrapped in the small style from (0, `y`), and its height (None reserves
    one line; "" takes none)."""
    if not subtitle:
        return [], fonts.line_height("small") if subtitle is None else 0
    step = fonts.line_height("small")
    wrapped = fonts.wrap(subtitle, "small", width)
    return [HeaderLine(line, "small", 0, y + i * step, "subtitle")
            for i, line in enumerate(wrapped)], step * len(wrapped)


def _stack(fonts: Fonts, title: str | None, subtitle: str | None, width: int,
           most: int = 0, tuck: bool = True) -> tuple[list[HeaderLine], int] | None:
    """The title over the subtitle in `width`, from (0, 0), and their height (None: the title
    takes more than `most` lines). `tuck`: a title that wraps keeps the subtitle at the right
    end of its last line when it fits there (a None subtitle is taken to fit in a third of the
    width) — not beside a block, where it would read as the block's caption."""
    heads = _title_lines(fonts, title, width, most)
    if heads is None:
        return None
    lines, height = heads
    if tuck and len(lines) > 1 and subtitle != "":
        last = lines[-1]
        room = width - fonts.width(last.text, last.style) - fonts.px("heading")
        if subtitle is None and room >= width // 3:
            return lines, height
        if subtitle is not None and fonts.width(subtitle, "small") <= room:
            size = fonts.line_height("small")
            return lines + [HeaderLine(subtitle, "small", width - fonts.width(subtitle, "small"),
                                       height - size, "subtitle")], height
    subs, sub_h = _subtitle_lines(fonts, subtitle, width, height)
    return lines + subs, height + sub_h


def _shift(lines: list[HeaderLine], x: int, y: int) -> list[HeaderLine]:
    return [HeaderLine(line.text, line.style, line.x + x, line.y + y, line.part)
            for line in lines]


def plan_header(ctx: Context, title: str | None, subtitle: str | None,
                aside: tuple[int, int] = (0, 0), minimum: int = 0) -> HeaderPlan:
    """Lay out a header band the window's width for `title` and `subtitle` (None: room for one
    line) with a block `aside` (width, height) on the right; at least `minimum` px tall.
    Beside the block when the title keeps to two lines there and the band is no taller than
    with the block on a row under the title."""
    fonts = ctx.fonts
    w = ctx.size[0]
    m, gap, pad, rows_gap = ctx.px(16), ctx.px(24), ctx.px(10), ctx.px(4)
    full = max(1, w - 2 * m)
    aw, ah = min(aside[0], full), aside[1]
    column = full - aw - gap if aw else full
    # beside: the words left of the block
    beside = _stack(fonts, title, subtitle, column, most=2 if aw else 0, tuck=not aw) \
        if column >= min(full, ctx.px(160)) else None
    # below: the title the whole width, then a row with the subtitle (if it has room) and the
    # block
    heads, head_h = _title_lines(fonts, title, full) or ([], 0)
    subs, sub_h = _subtitle_lines(fonts, subtitle, column)
    sub_beside = bool(aw) and column >= full // 3 and len(subs) <= 2
    if not sub_beside:
        subs, sub_h = _subtitle_lines(fonts, subtitle, full)
    row_h = max(sub_h, ah) if sub_beside else ah
    below_h = head_h + (0 if sub_beside else sub_h) + (rows_gap if aw else 0) + row_h + pad
    if beside is not None and (not aw or max(beside[1], ah) + pad <= below_h):
        words, text_h = beside
        height = max(minimum, max(text_h, ah) + pad)
        block = pygame.Rect(w - m - aw, (height - ah) // 2, aw, ah)
        return HeaderPlan(title, subtitle, height, tuple(_shift(words, m, (height - text_h) // 2)),
                          block, pygame.Rect(m, 0, column, height), False)
    height = max(minimum, below_h)
    top = (height - below_h + pad) // 2
    lines = _shift(heads, m, top)
    y = top + head_h
    if not sub_beside:
        lines += _shift(subs, m, y)
        y += sub_h
    y += rows_gap
    if sub_beside:
        lines += _shift(subs, m, y + (row_h - sub_h) // 2)
    block = pygame.Rect(w - m - aw, y + (row_h - ah) // 2, aw, ah)
    return HeaderPlan(title, subtitle, height, tuple(lines), block,
                      pygame.Rect(m, 0, full, min(block.y, y)), True)


def _fit_words(ctx: Context, title: str, subtitle: str, box: pygame.Rect,
               tuck: bool = True) -> list[HeaderLine]:
    """Words the header was not laid out for, in `box`: whole when they fit; else the subtitle
    on one line, then none, then as many title lines as fit (the last one ending in "…")."""
    fonts = ctx.fonts
    for sub in (subtitle, fonts.fit(subtitle, "small", box.w), ""):
        stack = _stack(fonts, title, sub, box.w, tuck=tuck)
        assert stack is not None  # no limit on the title's lines
        lines, height = stack
        if height <= box.h:
            return _shift(lines, box.x, box.y + (box.h - height) // 2)
    keep: list[HeaderLine] = []
    for line in lines:
        if line.y + fonts.line_height(line.style) > box.h and keep:
            rest = " ".join(t.text for t in lines[len(keep):])
            last = keep[-1]
            keep[-1] = HeaderLine(fonts.fit(f"{last.text} {rest}", last.style, box.w),
                                  last.style, last.x, last.y, last.part)
            break
        keep.append(line)
    height = keep[-1].y + fonts.line_height(keep[-1].style) if keep else 0
    return _shift(keep, box.x, box.y + max(0, (box.h - height) // 2))


HEADER_PX = 68  # the band's least height at 1280×720


_BANDS: dict[tuple[object, ...], int] = {}


def attempt_band(ctx: Context) -> int:
    """The one header height every screen of the attempt under way shares (briefing,
    meeting, deal board, outcome, debrief): the tallest band any of them needs for its words
    at this window and text size, so the header does not jump from screen to screen."""
    session = ctx.session
    assert session is not None
    scenario, t = session.scenario, ctx.text
    key = (id(scenario), scenario.title, ctx.size, ctx.fonts.scale, ctx.language)
    band = _BANDS.get(key)
    if band is None:
        least = ctx.px(HEADER_PX)
        block = attempt_block(ctx).size
        heads = [(scenario.title, scenario.account.company, block),
                 (t.get("board-heading"), "", block),  # its company only if it fits
                 (scenario.title, t.get("briefing-heading"), (0, 0)),
                 (scenario.title, t.get("debrief-heading"), (0, 0)),
                 (scenario.title, None, (0, 0))]
        band = max(plan_header(ctx, title, sub, aside, least).height
                   for title, sub, aside in heads)
        if len(_BANDS) > 64:
            _BANDS.clear()
        _BANDS[key] = band
    return band


class Chrome:
    """Header, body and footer rectangles for the current window, and the footer's hints."""

    def __init__(self) -> None:
        self.header = pygame.Rect(0, 0, 0, 0)
        self.body = pygame.Rect(0, 0, 0, 0)
        self.aside = pygame.Rect(0, 0, 0, 0)
        self.footer = Footer()
        self.margin = 16
        self.plan: HeaderPlan | None = None
        # remembered: a choice lays a screen out again, most often with the same header
        self._plans: dict[tuple[object, ...], HeaderPlan] = {}
        self._fitted: dict[tuple[object, ...], tuple[HeaderLine, ...]] = {}

    def layout(self, ctx: Context, hints: list[Hint], header: int = HEADER_PX, *,
               title: str | None = None, subtitle: str | None = None,
               aside: tuple[int, int] = (0, 0)) -> None:
        """Split the window and place the footer hints (the screen's, then the common ones).
        The header band (`header` px at 1280×720 at least; 0: none) is sized for `title` and
        `subtitle` (None: the attempt's scenario title, and one line) beside or over a block
        of size `aside`, kept at `self.aside`; during an attempt it is at least the height
        every screen of the attempt shares (`attempt_band`)."""
        w, h = ctx.size
        fonts = ctx.fonts
        self.margin = m = ctx.px(16)
        hints = hints + common_hints(ctx.text)
        gap = ctx.px(14)
        rows = min(2, rows_needed(fonts, hints, w - 2 * m, gap))
        row_h = key_cap_height(fonts, "tiny")
        foot_h = rows * row_h + (rows - 1) * 4 + ctx.px(12)
        head_h = 0
        self.plan = None
        self.aside = pygame.Rect(0, 0, 0, 0)
        if header:
            if title is None and ctx.session is not None:
                title = ctx.session.scenario.title
            least = ctx.px(header)
            if ctx.session is not None:
                least = max(least, attempt_band(ctx))
            key = (title, subtitle, aside, ctx.size, fonts.scale, least)
            self.plan = self._plans.get(key)
            if self.plan is None:
                if len(self._plans) > 16:
                    self._plans.clear()
                self._plans[key] = self.plan = plan_header(ctx, title, subtitle, aside, least)
            head_h, self.aside = self.plan.height, self.plan.aside
        self.header = pygame.Rect(0, 0, w, head_h)
        footer_area = pygame.Rect(m, h - foot_h + ctx.px(6), w - 2 * m, foot_h - ctx.px(10))
        self.body = pygame.Rect(m, head_h + m, w - 2 * m, h - foot_h - head_h - 2 * m)
        self.footer.layout(footer_area, fonts, hints, gap)

    def lines(self, ctx: Context, title: str, subtitle: str = "",
              width: int = 0) -> tuple[HeaderLine, ...]:
        """The header's lines of words for `title` and `subtitle`: as laid out when the layout
        was given these words; otherwise fitted to the room the words have (at most `width`
        wide, when given)."""
        plan = self.plan
        if plan is None:
            return ()
        if plan.title == title and plan.subtitle == subtitle and not (
                width and width < plan.text.w):
            return plan.lines
        box = pygame.Rect(plan.text)
        if width:
            box.w = min(box.w, width)
        key = (title, subtitle, tuple(box), ctx.fonts.scale)
        lines = self._fitted.get(key)
        if lines is None:
            if len(self._fitted) > 16:
                self._fitted.clear()
            self._fitted[key] = lines = tuple(_fit_words(ctx, title, subtitle, box,
                                                         tuck=not plan.aside.w))
        return lines

    def draw_header(self, surface: pygame.Surface, ctx: Context, title: str,
                    subtitle: str = "", width: int = 0) -> int:
        """Paint the header band with `title` and `subtitle` (see `lines`); returns the words'
        right edge."""
        theme, fonts = ctx.theme, ctx.fonts
        if not self.header.h:
            return 0
        pygame.draw.rect(surface, theme.accent, self.header)
        right = self.margin
        for line in self.lines(ctx, title, subtitle, width):
            words = fonts.render(line.text, line.style, theme.on_accent)
            surface.blit(words, (line.x, line.y))
            right = max(right, line.x + words.get_width())
        return right

    def draw_footer(self, surface: pygame.Surface, ctx: Context) -> None:
        """Paint the key hints."""
        self.footer.draw(surface, ctx.fonts, ctx.theme)

    def handle_event(self, event: pygame.event.Event) -> bool:
        """Clicks on footer hints."""
        return self.footer.handle_event(event)
