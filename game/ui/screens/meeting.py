"""The meeting screen: the buying centre as cards, the conversation, the numbered choices, the
turn clock and the deal's stage. Between meetings the choices are whom to meet next.

The cards are whole at every text size: each is as tall as its wrapped words, and when they
are taller together than the window the column scrolls (wheel, Shift+PgUp/PgDn), keeping the
person met — or, between meetings, the person in focus in the list — in view.
"""
from __future__ import annotations

import pygame

from game.board import DealBoard
from game.engine import Option
from game.ui import flow, widgets
from game.board import PersonCard
from game.ui.cards import CardColumn, CardLook
from game.ui.choice_list import ChoiceList, Item
from game.ui.context import Context
from game.ui.footer import Hint
from game.ui.lines import TONE_ICONS, Shown, option_label, show, sound_for, tactic_label
from game.ui.screen import Screen
from game.ui.session import Session
from game.ui.screens.chrome import Chrome, meeting_block, reload_hints
from game.ui.scroll import Piece, ScrollView, compose

STAGES = ("lead", "prospect", "qualified_prospect", "customer")
INTEREST_STEPS = 4  # interest levels above "none" (game/i18n.py: interest-0 … interest-4)
# The footer hint for scrolling the cards (shown only when they scroll); the window's own
# words live in game/ui/strings.py, this one stays with the screen that uses it.
PEOPLE_HINT = {"en": "people", "es": "personas"}
OUTCOME_CODES = frozenset({"close-won", "close-failed", "referral-moment", "game-over"})


class MeetingScreen(Screen):
    """Where the trainee spends most of the game."""

    name = "meeting"
    reloadable = True

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.chrome = Chrome()
        self.menu = ChoiceList(on_change=self._menu_moved)
        self.talk = ScrollView(stick_to_bottom=True, on_change=ctx.redraw)
        self.options: list[tuple[int, Option]] = []
        self.board: DealBoard | None = None
        self.column = CardColumn(on_change=self._cards_scrolled)
        self.talk_panel = pygame.Rect(0, 0, 0, 0)
        self.interest_rect = pygame.Rect(0, 0, 0, 0)  # the interest meter, when drawn
        self.menu_panel = pygame.Rect(0, 0, 0, 0)
        self.stage_rect = pygame.Rect(0, 0, 0, 0)
        self.clock_centre = (0, 0)
        self.clock_radius = 22
        self._blocks: dict[tuple[object, ...], pygame.Surface] = {}
        self._shown: list[Shown] = []
        self.backdrop: pygame.Surface | None = None

    @property
    def session(self) -> Session:
        """The attempt under way."""
        assert self.ctx.session is not None
        return self.ctx.session

    @property
    def phase(self) -> str:
        """The engine's phase: between, meeting, after_close or over."""
        return str(self.session.game.state.phase)

    @property
    def cards(self) -> list[pygame.Rect]:
        """Each person's card on screen now (in the order of the deal board)."""
        return self.column.rects()

    @property
    def shot_name(self) -> str:
        return "meeting" if self.phase == "meeting" else "between-meetings"

    # --- layout -------------------------------------------------------------------------------

    def content_key(self) -> object:
        state = self.session.game.state
        return len(state.path), state.phase

    def layout(self) -> None:
        ctx, t = self.ctx, self.ctx.text
        theme, fonts, words = ctx.theme, ctx.fonts, ctx.words
        session = self.session
        hints = [Hint("1–9", t.get("key-choose")), Hint("D", t.get("key-board"), pygame.K_d),
                 Hint("PgUp/PgDn", t.get("key-scroll")),
                 Hint("Esc", t.get("key-menu"), pygame.K_ESCAPE)] + reload_hints(ctx)
        self.board = session.board()
        stages = meeting_block(ctx)  # sized for the clock's widest words
        head = {"title": session.scenario.title, "subtitle": session.scenario.account.company,
                "aside": stages.size}
        self.chrome.layout(ctx, hints, **head)
        # the buying centre: whole cards, in a column that scrolls when they do not all fit
        people = self.board.people
        current = session.game.state.meeting_with
        looks = [CardLook(current=card.id == current) for card in people]
        gap = ctx.px(14)
        col_w = self._column_width(people, looks, gap)
        if self.column.measure(ctx, col_w, people, looks, gap) > self.chrome.body.h:
            hints.insert(3, Hint("⇧ PgUp/PgDn", PEOPLE_HINT.get(ctx.text.language, "people")))
            self.chrome.layout(ctx, hints, **head)
        body = self.chrome.body
        self.column.layout(ctx, pygame.Rect(body.x, body.y, col_w, body.h), people, looks, gap)
        stages.place(self.chrome.aside)  # the header keeps it whole, beside or under the title
        self.stage_rect, self.clock_centre = stages.track, stages.clock_centre
        self.clock_radius = stages.radius
        # the options, sized to their content (at most 55 % of the column)
        right = pygame.Rect(body.x + col_w + gap, body.y, body.w - col_w - gap, body.h)
        pad = ctx.px(12)
        title_h = fonts.line_height("small-bold") + ctx.px(6)
        self.options = session.choices()
        items = [self._item(o) for _, o in self.options]
        if [i.value for i in items] == [i.value for i in self.menu.items]:
            focus, scroll = self.menu.focus, self.menu.scroll
            self.menu.set_items(items)   # same options, new words (language, size)
            self.menu.focus, self.menu.scroll = focus, scroll
        else:
            self.menu.set_items(items)
        most = int(right.h * 0.62)
        trial = pygame.Rect(right.x + pad, 0, right.w - 2 * pad - ctx.px(6), most)
        self.menu.layout(trial, fonts, theme, ctx.px(7), ctx.px(5))
        menu_h = min(most, self.menu.content_height + title_h + 2 * pad)
        self.menu_panel = pygame.Rect(right.x, right.bottom - menu_h, right.w, menu_h)
        self.menu.layout(pygame.Rect(right.x + pad, self.menu_panel.y + pad + title_h,
                                     right.w - 2 * pad - ctx.px(6), menu_h - 2 * pad - title_h),
                         fonts, theme, ctx.px(7), ctx.px(5))
        self.talk_panel = pygame.Rect(right.x, right.y, right.w, self.menu_panel.y - gap - right.y)
        area = pygame.Rect(right.x + pad, right.y + pad + title_h, right.w - 2 * pad - ctx.px(8),
                           self.talk_panel.h - 2 * pad - title_h)
        self._shown = [s for line in session.transcript for s in show(line, words, t)]
        blocks = [self._block(i, s, area.w) for i, s in enumerate(self._shown)]
        if not blocks:
            blocks = [compose(fonts, theme, area.w, [Piece(t.get("empty-log"), "body", theme.muted)],
                              theme.panel)]
        self.talk.set_blocks(area, blocks, ctx.px(6))
        self._follow(notify=False)  # laid out while a frame is being drawn
        self.backdrop = self._paint_backdrop()

    def _column_width(self, people: list[PersonCard], looks: list[CardLook], gap: int) -> int:
        """A quarter of the body, wider (up to a third) when bigger text needs it for the
        longest name to stay on one line beside the portrait, or when a little more width
        lets every card fit without scrolling (fewer wrapped titles)."""
        ctx, body = self.ctx, self.chrome.body
        longest = max((ctx.fonts.width(card.name, "strong") for card in people), default=0)
        need = longest + ctx.px(64) + 2 * ctx.px(8) + ctx.px(10) + 2
        most = int(body.w * 0.34)
        natural = max(max(ctx.px(240), int(body.w * 0.25)), min(need, most))
        if natural >= most or self.column.measure(ctx, most, people, looks, gap) > body.h:
            return natural  # they scroll whatever the width: the conversation keeps its room
        width = natural
        while self.column.measure(ctx, width, people, looks, gap) > body.h:
            width = min(most, width + ctx.px(24))
        return width

    def _in_focus(self) -> str | None:
        """The person whose card goes with the moment: the one being met, or between meetings
        the one the list's focus would meet."""
        if self.phase != "between":
            return self.session.game.state.meeting_with
        menu = self.menu
        if 0 <= menu.focus < len(menu.items):
            value = str(menu.items[menu.focus].value or "")
            if value.startswith("meet:"):
                return value[len("meet:"):]
        return None

    def _menu_moved(self) -> None:
        """The options' focus or scroll moved. In a meeting only their panel changes, so only
        it is drawn again (the frames a pointer causes most); between meetings the card in
        focus follows the list, so the whole window is."""
        self.ctx.redraw(self.menu_panel if self.phase != "between" else None)

    def _cards_scrolled(self) -> None:
        """The cards scrolled: put the part now in view onto the backdrop, and redraw."""
        if self.backdrop is not None:
            self.column.paint(self.backdrop, self.ctx.theme)
        self.ctx.redraw()

    def _follow(self, notify: bool = True) -> None:
        """Keep the card of the person in focus in view."""
        self.column.reveal(self._in_focus(), notify)

    def _item(self, option: Option) -> Item:
        words = self.ctx.words
        if option.key.startswith("meet:"):
            person = self.session.scenario.stakeholders[option.stakeholder or ""]
            label = words.get("opt-meet", name=person.name, title=person.title)
            tag = ""
        else:
            tag, label = tactic_label(option_label(option.key, option.text, words))
        note = ""
        if not option.available and option.reason is not None:
            code = option.reason[0]
            note = words.get(f"reason-{code}")
            if note == f"reason-{code}":
                note = words.get("reason-other")
        return Item(label, option.available, note, option.key, tag=tag)

    def _block(self, index: int, shown: Shown, width: int) -> pygame.Surface:
        ctx = self.ctx
        key = (index, shown, width, ctx.epoch)
        block = self._blocks.get(key)
        if block is not None:
            return block
        theme, pad = ctx.theme, ctx.px(8)
        gutter = ctx.px(22)
        if shown.kind == "say":
            pieces = [Piece(shown.speaker, "small-bold", theme.accent), Piece(shown.text)]
            block = compose(ctx.fonts, theme, width, pieces, theme.panel, pad=pad // 2)
        elif shown.kind == "you":
            pieces = [Piece(shown.speaker, "small-bold", theme.you), Piece(shown.text)]
            block = compose(ctx.fonts, theme, width, pieces, theme.panel_alt, gutter=gutter,
                            pad=pad, frame=theme.border)
        elif shown.kind == "meeting":
            block = compose(ctx.fonts, theme, width, [Piece(shown.text, "strong", theme.text)],
                            theme.panel, pad=pad // 2, frame=None)
            pygame.draw.line(block, theme.border, (0, block.get_height() - 1),
                             (width, block.get_height() - 1), theme.line)
        else:
            colour = {"good": theme.good, "bad": theme.bad, "event": theme.warn,
                      "objection": theme.warn}.get(shown.tone, theme.muted)
            text = f"{shown.speaker}: {shown.text}" if shown.speaker else shown.text
            pieces = [Piece(text, "small", theme.text, icon=TONE_ICONS[shown.tone],
                            icon_colour=colour)]
            block = compose(ctx.fonts, theme, width, pieces, theme.panel, gutter=gutter)
        if len(self._blocks) > 600:
            self._blocks.clear()
        self._blocks[key] = block
        return block

    # --- input --------------------------------------------------------------------------------

    def handle_event(self, event: pygame.event.Event) -> None:
        if self.chrome.handle_event(event):
            return
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                flow.pause(self.ctx)
                return
            if event.key in (pygame.K_d, pygame.K_TAB):
                flow.board(self.ctx)
                return
        if self.column.max_scroll and self.column.handle_event(event):
            return  # the wheel over the cards, Shift+PgUp/PgDn
        if event.type == pygame.MOUSEWHEEL and self.talk.area.collidepoint(pygame.mouse.get_pos()):
            self.talk.handle_event(event)
            return
        if self.talk.handle_event(event, arrows=False):
            return
        focus = self.menu.focus
        chosen = self.menu.handle_event(event)
        if chosen is not None:
            self.choose(chosen)
        elif self.menu.focus != focus:
            self._follow()

    def choose(self, item: int) -> None:
        """Take the option shown as item `item` of the list."""
        index, _ = self.options[item]
        lines = self.session.choose(index)
        self.ctx.sounds.play(sound_for(lines))
        flow.notify(self.ctx)
        self.changed()
        if self.session.over or any(line.code in OUTCOME_CODES for line in lines):
            flow.outcome(self.ctx, lines)

    # --- drawing ------------------------------------------------------------------------------

    def _paint_backdrop(self) -> pygame.Surface:
        """Everything that only changes with the layout: header, panels, footer (the cards are
        painted by their column)."""
        ctx = self.ctx
        theme, fonts, t, words = ctx.theme, ctx.fonts, ctx.text, ctx.words
        board = self.board
        assert board is not None
        surface = pygame.Surface(ctx.size).convert()
        surface.fill(theme.background)
        scenario = self.session.scenario
        self.chrome.draw_header(surface, ctx, scenario.title, scenario.account.company)
        widgets.stage_track(surface, fonts, theme, self.stage_rect,
                            [words.get(f"stage-{s}") for s in STAGES], STAGES.index(board.stage),
                            on_dark=True)
        stage_label = fonts.render(t.get("stage"), "tiny", theme.on_accent)
        surface.blit(stage_label, (self.stage_rect.x, self.stage_rect.y - stage_label.get_height()))
        self._draw_clock(surface, board)
        self.column.paint(surface, theme)
        pad = ctx.px(12)
        widgets.panel(surface, self.talk_panel, theme)
        surface.blit(fonts.render(t.get("conversation"), "small-bold", theme.muted),
                     (self.talk_panel.x + pad, self.talk_panel.y + pad))
        self.interest_rect = self._draw_interest(surface, board, pad)
        widgets.panel(surface, self.menu_panel, theme)
        heading = t.get("whom") if self.phase == "between" else t.get("your-options")
        surface.blit(fonts.render(heading, "small-bold", theme.muted),
                     (self.menu_panel.x + pad, self.menu_panel.y + pad))
        self.chrome.draw_footer(surface, ctx)
        return surface

    def draw(self, surface: pygame.Surface) -> None:
        if self.backdrop is not None:
            surface.blit(self.backdrop, (0, 0))
        person = self._in_focus() if self.phase == "between" else None
        if person in self.column.ids:
            self.column.draw_focus(surface, self.ctx.theme, self.column.ids.index(person))
        self.talk.draw(surface, self.ctx.theme)
        self.menu.draw(surface, self.ctx.fonts, self.ctx.theme)

    def _draw_interest(self, surface: pygame.Surface, board: DealBoard, pad: int) -> pygame.Rect:
        """The prospect's interest at the right of the conversation's heading row: its word
        ("Interest: curious") and a meter of `INTEREST_STEPS` segments, one filled a level.
        Returns the meter's rectangle."""
        ctx, theme, fonts = self.ctx, self.ctx.theme, self.ctx.fonts
        level = max(0, min(INTEREST_STEPS, board.interest))
        words = fonts.render(ctx.text.get("board-interest",
                                          level=ctx.words.get(f"interest-{level}")),
                             "small", theme.text)
        seg_w, seg_h, seg_gap = ctx.px(14), fonts.px("small") * 2 // 3, ctx.px(3)
        meter_w = INTEREST_STEPS * seg_w + (INTEREST_STEPS - 1) * seg_gap
        row = fonts.line_height("small-bold")
        top = self.talk_panel.y + pad
        right = self.talk_panel.right - pad
        meter = pygame.Rect(right - meter_w, top + (row - seg_h) // 2, meter_w, seg_h)
        for i in range(INTEREST_STEPS):
            seg = pygame.Rect(meter.x + i * (seg_w + seg_gap), meter.y, seg_w, seg_h)
            pygame.draw.rect(surface, theme.accent if i < level else theme.bar_back, seg)
            pygame.draw.rect(surface, theme.border, seg, theme.line)
        heading_w = fonts.width(ctx.text.get("conversation"), "small-bold") + 2 * pad
        x = meter.x - ctx.px(8) - words.get_width()
        if x >= self.talk_panel.x + heading_w:  # the word when there is room for it whole
            surface.blit(words, (x, top + (row - words.get_height()) // 2))
        return meter

    def _draw_clock(self, surface: pygame.Surface, board: DealBoard) -> None:
        ctx, theme, fonts = self.ctx, self.ctx.theme, self.ctx.fonts
        radius = self.clock_radius
        state = self.session.game.state
        used = state.turn
        widgets.turn_clock(surface, self.clock_centre, radius, used, board.turns,
                           theme.on_accent, theme.muted if ctx.settings.high_contrast
                           else (90, 125, 175))
        x = self.clock_centre[0] + radius + ctx.px(10)
        room = surface.get_width() - x - ctx.px(8)
        line1 = fonts.render_fit(ctx.text.get("turn-clock", turn=board.turn, turns=board.turns),
                                 "small-bold", theme.on_accent, room)
        line2 = fonts.render_fit(ctx.text.get("turns-left", n=max(0, board.turns - used)),
                                 "tiny", theme.on_accent, room)
        top = self.clock_centre[1] - (line1.get_height() + line2.get_height()) // 2
        surface.blit(line1, (x, top))
        surface.blit(line2, (x, top + line1.get_height()))
