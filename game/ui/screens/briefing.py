"""The briefing: the account, what is sold, the situation, the turn budget and who is in the
buying centre (names and titles only — roles are for the trainee to work out).

Every word is whole at every text size: the briefing's paragraphs wrap and scroll (↑↓,
PgUp/PgDn, the wheel); each person's name and title wrap beside their portrait (never cut with
"…", nobody left out), and when the people do not all fit, their list scrolls too (the wheel
over it, Shift+PgUp/PgDn, as the meeting screen's cards do). Enter starts, as before."""
from __future__ import annotations

from typing import NamedTuple

import pygame

from game.ui import flow, widgets
from game.ui.cards import CardText
from game.ui.choice_list import ChoiceList, Item
from game.ui.context import Context
from game.ui.footer import Hint
from game.ui.portrait import portrait
from game.ui.screen import Screen
from game.ui.screens.chrome import Chrome, reload_hints
from game.ui.screens.meeting import PEOPLE_HINT
from game.ui.scroll import Piece, ScrollView, compose

PEOPLE_KEYS = (pygame.K_PAGEUP, pygame.K_PAGEDOWN, pygame.K_UP, pygame.K_DOWN, pygame.K_HOME,
               pygame.K_END)  # with Shift: the list of people


class PersonPlan(NamedTuple):
    """One person of the list laid out `width` px wide: the portrait's side, the lines of the
    name ("name") and the title ("title") from the row's top-left corner, and the row's height."""

    id: str
    width: int
    height: int
    face: int
    texts: tuple[CardText, ...]

    def lines(self, part: str) -> list[str]:
        """The lines of the name ("name") or the title ("title"), in order."""
        return [t.text for t in self.texts if t.part == part]


def plan_person(ctx: Context, person_id: str, name: str, title: str, width: int) -> PersonPlan:
    """Lay one person out `width` px wide: the name and the title wrapped (`Fonts.wrap`) in the
    room beside the portrait, the row as tall as they are (or the portrait)."""
    theme, fonts = ctx.theme, ctx.fonts
    pad, gap = ctx.px(6), ctx.px(12)
    face = max(16, min(ctx.px(52), width // 4))  # a narrow list keeps room for the words
    x = face + gap
    room = max(1, width - x)
    texts: list[CardText] = []
    y = 0
    for words, style, colour, part in ((name, "strong", theme.text, "name"),
                                       (title, "small", theme.muted, "title")):
        if not words:
            continue
        for line in fonts.wrap(words, style, room):
            texts.append(CardText(line, style, colour, x, y, part))
            y += fonts.line_height(style)
    height = max(face, y) + 2 * pad
    shift = (height - y) // 2  # the words centred beside the portrait
    texts = [CardText(t.text, t.style, t.colour, t.x, t.y + shift, t.part) for t in texts]
    return PersonPlan(person_id, width, height, face, tuple(texts))


def paint_person(ctx: Context, plan: PersonPlan, name: str) -> pygame.Surface:
    """An opaque block (the panel's colour) with the person's portrait and words."""
    theme, fonts = ctx.theme, ctx.fonts
    block = pygame.Surface((max(1, plan.width), max(1, plan.height))).convert()
    block.fill(theme.panel)
    face = portrait(fonts, plan.id, name, plan.face, ctx.settings.high_contrast)
    block.blit(face, (0, (plan.height - plan.face) // 2))
    for text in plan.texts:
        block.blit(fonts.render(text.text, text.style, text.colour), (text.x, text.y))
    return block


class BriefingScreen(Screen):
    """Read, then Enter to start the first meeting."""

    name = "briefing"
    reloadable = True

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.chrome = Chrome()
        self.text_view = ScrollView(on_change=ctx.redraw)
        self.people_view = ScrollView(on_change=ctx.redraw)
        self.start = ChoiceList(on_change=ctx.redraw)
        self.left = pygame.Rect(0, 0, 0, 0)
        self.right = pygame.Rect(0, 0, 0, 0)
        self.heading: list[tuple[str, int]] = []     # "The buying centre", wrapped: (line, y)
        self.plans: list[PersonPlan] = []            # every person, whole, in order

    def layout(self) -> None:
        ctx, t = self.ctx, self.ctx.text
        assert ctx.session is not None
        scenario = ctx.session.scenario
        hints = [Hint("Enter", t.get("key-start"), pygame.K_RETURN),
                 Hint("PgUp/PgDn", t.get("key-scroll")),
                 Hint("Esc", t.get("key-menu"), pygame.K_ESCAPE)] + reload_hints(ctx)
        head = {"title": scenario.title, "subtitle": t.get("briefing-heading")}
        self.chrome.layout(ctx, hints, **head)
        self._place()
        if self.people_view.max_scroll:  # the people do not all fit: say how they scroll
            hints.insert(2, Hint("⇧ PgUp/PgDn", PEOPLE_HINT.get(ctx.text.language, "people")))
            self.chrome.layout(ctx, hints, **head)
            self._place()

    def _place(self) -> None:
        """Split the body, compose the briefing's words and lay out the people."""
        ctx, t = self.ctx, self.ctx.text
        assert ctx.session is not None
        scenario = ctx.session.scenario
        theme, fonts = ctx.theme, ctx.fonts
        body, gap = self.chrome.body, ctx.px(16)
        left_w = int(body.w * 0.6)
        self.left = pygame.Rect(body.x, body.y, left_w, body.h)
        self.right = pygame.Rect(self.left.right + gap, body.y, body.w - left_w - gap, body.h)
        pad = ctx.px(14)
        start_h = fonts.line_height("body") + ctx.px(28)
        self.start.set_items([Item(t.get("briefing-start"))])
        self.start.layout(pygame.Rect(self.right.x + pad, self.right.bottom - start_h - pad,
                                      self.right.w - 2 * pad, start_h), fonts, theme,
                          ctx.px(12), 0)
        account = scenario.account
        words = ctx.words
        pieces = [Piece(t.get("briefing-account"), "small-bold", theme.muted),
                  Piece(account.company, "heading"),
                  Piece(" ", "tiny"),
                  Piece(t.get("briefing-product"), "small-bold", theme.muted),
                  Piece(account.product, "heading")]
        if account.deal_value:
            pieces.append(Piece(words.money(account.deal_value), "small", theme.muted))
        if account.situation:
            pieces.append(Piece(" ", "tiny"))
            pieces.append(Piece(account.situation))
        pieces.append(Piece(" ", "tiny"))
        pieces.extend(Piece(p) for p in scenario.briefing.split("\n\n") if p.strip())
        pieces.append(Piece(" ", "tiny"))
        pieces.append(Piece(t.get("briefing-turns", n=scenario.turns), "strong", theme.accent))
        inner = self.left.inflate(-2 * pad, -2 * pad)
        inner.w -= ctx.px(8)  # room for the scroll bar
        self.text_view.set_blocks(inner, [compose(fonts, theme, inner.w, pieces, theme.panel)], 0)
        # the people: the heading wrapped, then every person whole, in a list that scrolls
        width = self.right.w - 2 * pad - ctx.px(8)  # room for the scroll bar
        step = fonts.line_height("heading")
        lines = fonts.wrap(t.get("briefing-people"), "heading", width)
        self.heading = [(line, self.right.y + pad + i * step) for i, line in enumerate(lines)]
        top = self.right.y + pad + step * len(lines) + ctx.px(8)
        area = pygame.Rect(self.right.x + pad, top, width,
                           max(1, self.start.area.y - ctx.px(8) - top))
        self.plans = [plan_person(ctx, sid, person.name, person.title, width)
                      for sid, person in scenario.stakeholders.items()]
        names = [person.name for person in scenario.stakeholders.values()]
        self.people_view.set_blocks(area, [paint_person(ctx, plan, name)
                                           for plan, name in zip(self.plans, names)],
                                    ctx.px(6))

    def handle_event(self, event: pygame.event.Event) -> None:
        if self.chrome.handle_event(event):
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            flow.pause(self.ctx)
            return
        if (event.type == pygame.KEYDOWN and event.mod & pygame.KMOD_SHIFT
                and event.key in PEOPLE_KEYS):
            self.people_view.handle_event(event)  # Shift+PgUp/PgDn (↑↓, Home/End): the people
            return
        if event.type == pygame.MOUSEWHEEL and self.people_view.handle_event(event, keys=False):
            return
        if self.text_view.handle_event(event):
            return
        if self.start.handle_event(event) is not None:
            self.ctx.sounds.play("click")
            flow.meetings(self.ctx)

    def draw(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        assert ctx.session is not None
        theme, fonts, t = ctx.theme, ctx.fonts, ctx.text
        surface.fill(theme.background)
        self.chrome.draw_header(surface, ctx, ctx.session.scenario.title, t.get("briefing-heading"))
        widgets.panel(surface, self.left, theme)
        widgets.panel(surface, self.right, theme)
        self.text_view.draw(surface, theme)
        x = self.right.x + ctx.px(14)
        for line, y in self.heading:
            surface.blit(fonts.render(line, "heading", theme.text), (x, y))
        self.people_view.draw(surface, theme)
        self.start.draw(surface, fonts, theme)
        self.chrome.draw_footer(surface, ctx)
