"""A buying-centre member as a card: drawn portrait, name, title, mood (shape + word) and the
trainee's role tag. Every line of words wraps to the card's width and is never cut: a card is
as tall as its words need at the text size in use (`plan_card` says how tall, `draw_card`
paints it). `CardColumn` stacks whole cards in a column that scrolls when they are taller
together than the window (the meeting screen); the deal board sizes its rows by the plans.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pygame

from game.board import PersonCard
from game.ui import widgets
from game.ui.context import Context
from game.ui.portrait import portrait
from game.ui.scroll import fade_strip
from game.ui.theme import Colour, Theme


@dataclass(frozen=True)
class CardLook:
    """What to emphasise on a card."""

    current: bool = False   # the person being met now
    selected: bool = False  # keyboard selection on the deal board
    compact: bool = False   # no title and no tag: name and mood only
    show_tag: bool = True   # the deal board shows tags as chips instead


@dataclass(frozen=True)
class CardText:
    """One line of words on a card, at (x, y) from the card's top-left corner. `part` says
    which of the card's lines it belongs to: name, here, title, mood or tag."""

    text: str
    style: str
    colour: Colour
    x: int
    y: int
    part: str


@dataclass(frozen=True)
class CardPlan:
    """Where everything goes on a card `width` pixels wide, and the `height` it needs."""

    width: int
    height: int
    face: int                     # the portrait's side
    face_top: bool                # portrait at the top (compact) rather than centred
    texts: tuple[CardText, ...]
    icon: tuple[int, int, int]    # the mood shape: centre x, centre y, size
    chip: pygame.Rect | None      # the tag's chip, if shown
    cut: tuple[str, ...] = ()     # lines wider than the card (none in any window the app
                                  # allows: words wrap, and only a word wider than a whole
                                  # line is broken, between letters)

    def lines(self, part: str) -> list[str]:
        """The lines of one part of the card (e.g. "title"), in order."""
        return [t.text for t in self.texts if t.part == part]


def card_lines(ctx: Context, card: PersonCard) -> tuple[str, str, str]:
    """The mood word, the tag text and the availability note for `card`."""
    words, t = ctx.words, ctx.text
    mood = words.get(f"mood-{card.mood}")
    tag = words.get(f"role-{card.tag}") if card.tag else words.get("role-none")
    note = "" if card.available else t.get("needs-intro")
    return mood, f"{t.get('tag')}: {tag}", note


def plan_card(ctx: Context, card: PersonCard, width: int,
              look: CardLook = CardLook()) -> CardPlan:
    """Lay `card` out `width` pixels wide: each line wrapped to the room beside the portrait."""
    theme, fonts = ctx.theme, ctx.fonts
    pad, gap = ctx.px(8), ctx.px(10)
    strong, small, tiny = (fonts.line_height(s) for s in ("strong", "small", "tiny"))
    face = ctx.px(64) if not look.compact else min(ctx.px(64), strong + small)
    face = max(16, min(face, (width - 2 * pad) // 4))   # a narrow card keeps room for words
    x = pad + face + gap
    room = max(1, width - pad - x)
    mood, tag, note = card_lines(ctx, card)
    dim = not card.available
    texts: list[CardText] = []
    y = pad

    def put(words: str, style: str, colour: Colour, part: str, indent: int = 0) -> str:
        nonlocal y
        lines = fonts.wrap(words, style, room - 2 * indent if part == "tag" else room - indent)
        for line in lines:
            texts.append(CardText(line, style, colour, x + indent, y, part))
            y += fonts.line_height(style)
        return lines[-1]

    last = put(card.name, "strong", theme.muted if dim else theme.text, "name")
    if look.current:  # the thick border says it too; the words beside the name or under it
        label = "● " + ctx.text.get("in-meeting")
        beside = fonts.width(last, "strong") + pad
        if beside + fonts.width(label, "tiny") <= room:
            texts.append(CardText(label, "tiny", theme.accent, x + beside,
                                  y - strong + (strong - tiny) // 2, "here"))
        else:
            put(label, "tiny", theme.accent, "here")
    if not look.compact:
        put(card.title, "small", theme.muted, "title")
    icon = max(8, small * 3 // 5)
    icon_at = (x + icon // 2, y + small // 2, icon)
    put(note or mood, "small", theme.muted if dim else theme.text, "mood", icon + ctx.px(6))
    chip = None
    if look.show_tag and not look.compact:
        inner = ctx.px(5)
        top = y + 1
        y += 2
        colour = theme.text if card.tag else theme.muted
        label, _, role = tag.partition(": ")
        if fonts.width(tag, "tiny") <= room - 2 * inner or not role:
            put(tag, "tiny", colour, "tag", inner)
        else:  # "Your tag:" over the role, rather than a break inside the role's words
            put(label + ":", "tiny", colour, "tag", inner)
            put(role, "tiny", colour, "tag", inner)
        widest = max(fonts.width(t.text, "tiny") for t in texts if t.part == "tag")
        chip = pygame.Rect(x, top, widest + 2 * inner, y - top + 1)
        y += ctx.px(4)
    face = min(face, y - pad)  # no taller than the words beside it (they keep their place)
    cut = tuple(t.text for t in texts if t.x + fonts.width(t.text, t.style) > width - pad)
    return CardPlan(width, y + pad, face, look.compact, tuple(texts), icon_at, chip, cut)


def draw_card(surface: pygame.Surface, ctx: Context, rect: pygame.Rect, card: PersonCard,
              look: CardLook = CardLook(), plan: CardPlan | None = None) -> CardPlan:
    """Paint `card` in `rect` (give it the plan's height: nothing is drawn outside `rect`),
    from `plan` when it was made already. Returns the plan it was painted from."""
    theme, fonts = ctx.theme, ctx.fonts
    if plan is None or plan.width != rect.w:
        plan = plan_card(ctx, card, rect.w, look)
    border = theme.accent if look.current else None
    widgets.panel(surface, rect, theme, fill=theme.panel_alt if look.current else theme.panel,
                  border=border, width=3 if look.current else None, radius=8)
    if look.selected:
        widgets.focus_ring(surface, rect, theme)
    clip = surface.get_clip()
    surface.set_clip(rect.clip(clip))
    pad = ctx.px(8)
    face = portrait(fonts, card.id, card.name, plan.face, ctx.settings.high_contrast)
    surface.blit(face, (rect.x + pad, rect.y + pad if plan.face_top
                        else rect.centery - plan.face // 2))
    for text in plan.texts:
        if text.part != "tag":
            surface.blit(fonts.render(text.text, text.style, text.colour),
                         (rect.x + text.x, rect.y + text.y))
    ix, iy, size = plan.icon
    widgets.mood_icon(surface, (rect.x + ix, rect.y + iy), size, card.mood, theme.mood(card.mood))
    if plan.chip is not None:
        chip = plan.chip.move(rect.topleft)
        pygame.draw.rect(surface, theme.panel_alt if card.tag else theme.panel, chip,
                         border_radius=4)
        pygame.draw.rect(surface, theme.accent if card.tag else theme.border, chip, 1,
                         border_radius=4)
    for text in plan.texts:  # the chip's words over its fill
        if text.part == "tag":
            surface.blit(fonts.render(text.text, text.style, text.colour),
                         (rect.x + text.x, rect.y + text.y))
    surface.set_clip(clip)
    return plan


def card_height(ctx: Context, compact: bool = False, show_tag: bool = True) -> int:
    """The height of a card whose every line fits on one line (a floor: `plan_card` gives a
    card's real height, with its wrapped lines)."""
    fonts = ctx.fonts
    if compact:
        return fonts.line_height("strong") + fonts.line_height("small") + ctx.px(16)
    tag = fonts.line_height("tiny") + ctx.px(7) if show_tag else 0
    return fonts.line_height("strong") + fonts.line_height("small") * 2 + tag + ctx.px(16)


def tallest_card(ctx: Context, cards: Sequence[PersonCard], width: int,
                 look: CardLook = CardLook()) -> int:
    """The height the tallest of `cards` needs at `width`."""
    return max((plan_card(ctx, card, width, look).height for card in cards), default=0)


class CardColumn:
    """The buying centre as a column of whole cards, each as tall as its words. When they are
    taller together than the area, the column scrolls: the wheel over it, Shift+PgUp/PgDn, and
    `reveal` (the screen keeps the person met, or the one in focus, in view). The cards are
    painted once per layout; the part in view goes onto the screen's backdrop (`paint`) when
    laid out or scrolled, so a frame costs nothing more."""

    def __init__(self, on_change: Callable[[], None] = lambda: None) -> None:
        self.on_change = on_change
        self.area = pygame.Rect(0, 0, 0, 0)
        self.ids: list[str] = []
        self.plans: list[CardPlan] = []
        self.tops: list[int] = []          # each card's top in the column (before scrolling)
        self.content_height = 0
        self.scroll = 0
        self.picture: pygame.Surface | None = None
        self._painted: tuple[object, ...] | None = None   # what `picture` shows
        self._plans: dict[tuple[object, ...], CardPlan] = {}

    @property
    def max_scroll(self) -> int:
        """How far the column can scroll (0: every card is in view)."""
        return max(0, self.content_height - self.area.h)

    def plan(self, ctx: Context, card: PersonCard, width: int, look: CardLook) -> CardPlan:
        """`plan_card`, remembered until the text size, language or window change (a choice
        lays the screen out again, and most choices change no card)."""
        key = (card, width, look, ctx.epoch, ctx.language)
        plan = self._plans.get(key)
        if plan is None:
            if len(self._plans) > 256:
                self._plans.clear()
            self._plans[key] = plan = plan_card(ctx, card, width, look)
        return plan

    def measure(self, ctx: Context, width: int, people: Sequence[PersonCard],
                looks: Sequence[CardLook], gap: int) -> int:
        """The height the cards need stacked `width` wide (nothing is painted)."""
        heights = [self.plan(ctx, p, width, look).height for p, look in zip(people, looks)]
        return sum(heights) + gap * max(0, len(heights) - 1)

    def layout(self, ctx: Context, area: pygame.Rect, people: Sequence[PersonCard],
               looks: Sequence[CardLook], gap: int) -> None:
        """Plan and paint the cards for `area` (keeping the scroll where it can be)."""
        self.area = pygame.Rect(area)
        self.ids = [p.id for p in people]
        self.plans = [self.plan(ctx, p, area.w, look) for p, look in zip(people, looks)]
        self.tops, y = [], 0
        for plan in self.plans:
            self.tops.append(y)
            y += plan.height + gap
        self.content_height = max(0, y - gap)
        self.scroll = max(0, min(self.scroll, self.max_scroll))
        painted = (tuple(people), tuple(looks), area.w, gap, ctx.epoch, ctx.language)
        if painted == self._painted and self.picture is not None:
            return
        picture = pygame.Surface((max(1, area.w), max(1, self.content_height))).convert()
        picture.fill(ctx.theme.background)
        for person, look, plan, top in zip(people, looks, self.plans, self.tops):
            draw_card(picture, ctx, pygame.Rect(0, top, area.w, plan.height), person, look, plan)
        self.picture, self._painted = picture, painted

    def rect(self, index: int) -> pygame.Rect:
        """Where card `index` is on screen now (it may be partly out of the area)."""
        return pygame.Rect(self.area.x, self.area.y + self.tops[index] - self.scroll,
                           self.area.w, self.plans[index].height)

    def rects(self) -> list[pygame.Rect]:
        """Every card's rectangle on screen now."""
        return [self.rect(i) for i in range(len(self.plans))]

    def scroll_to(self, value: int, notify: bool = True) -> None:
        """Scroll to `value` pixels from the top (clamped); `notify`: ask for a new frame."""
        value = max(0, min(value, self.max_scroll))
        if value != self.scroll:
            self.scroll = value
            if notify:
                self.on_change()

    def reveal(self, person: str | None, notify: bool = True) -> None:
        """Scroll so that `person`'s card is in view (its top, if it is taller than the area)."""
        if person not in self.ids:
            return
        i = self.ids.index(person)
        top, bottom = self.tops[i], self.tops[i] + self.plans[i].height
        if bottom > self.scroll + self.area.h:
            self.scroll_to(bottom - self.area.h, notify)
        if top < self.scroll:
            self.scroll_to(top, notify)

    def handle_event(self, event: pygame.event.Event) -> bool:
        """The wheel over the column, Shift+PgUp/PgDn anywhere. True when handled."""
        if event.type == pygame.MOUSEWHEEL:
            if self.max_scroll and self.area.collidepoint(pygame.mouse.get_pos()):
                self.scroll_to(self.scroll - event.y * max(24, self.area.h // 8))
                return True
            return False
        if (event.type == pygame.KEYDOWN and event.mod & pygame.KMOD_SHIFT
                and event.key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN)):
            page = max(24, self.area.h * 3 // 4)
            self.scroll_to(self.scroll + (page if event.key == pygame.K_PAGEDOWN else -page))
            return True
        return False

    def paint(self, surface: pygame.Surface, theme: Theme) -> None:
        """Paint the cards in view onto `surface` (the screen's backdrop: a frame then blits
        the whole backdrop at once, far cheaper than a part of it), with a fade at an edge
        with more beyond and a scroll bar when they scroll. Call again after scrolling."""
        if self.picture is None:
            return
        surface.fill(theme.background, self.area.union(  # and the scroll bar's strip
            pygame.Rect(self.area.right, self.area.y, 8, self.area.h)))
        view = pygame.Rect(0, self.scroll, self.area.w, min(self.area.h, self.content_height))
        surface.blit(self.picture, self.area.topleft, view)
        if not self.max_scroll:
            return
        fade_h = max(6, min(24, self.area.h // 10))
        if self.scroll < self.max_scroll:
            surface.blit(fade_strip(self.area.w, fade_h, theme.background, True),
                         (self.area.x, self.area.bottom - fade_h))
        if self.scroll > 0:
            surface.blit(fade_strip(self.area.w, fade_h, theme.background, False),
                         self.area.topleft)
        track = pygame.Rect(self.area.right + 3, self.area.y, 4, self.area.h)
        thumb_h = max(12, round(track.h * self.area.h / self.content_height))
        y = track.y + round((track.h - thumb_h) * self.scroll / self.max_scroll)
        pygame.draw.rect(surface, theme.bar_back, track)
        pygame.draw.rect(surface, theme.muted, (track.x, y, track.w, thumb_h))

    def draw_focus(self, surface: pygame.Surface, theme: Theme, index: int | None) -> None:
        """The keyboard focus ring around card `index` (drawn each frame: it follows the list)."""
        if index is None or not 0 <= index < len(self.plans):
            return
        clip = surface.get_clip()
        surface.set_clip(self.area.inflate(8, 8).clip(clip))
        widgets.focus_ring(surface, self.rect(index), theme)
        surface.set_clip(clip)
