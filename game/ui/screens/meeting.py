"""The meeting screen: the buying centre as cards, the conversation, the numbered choices, the
turn clock, the deal's stage and the prospect's interest. Between meetings the choices are
whom to meet next.

When a choice or the talk between meetings moves the prospect's interest, its meter in the
header is ringed for a moment with an arrow up or down; when someone's mood changes, their card
is ringed with an arrow too, green when warmer and red when cooler (game/ui/pulse.py: they fade
in about a second and a half, and only their part of the window is drawn again meanwhile).

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
from game.ui.pulse import Pulses
from game.ui.screens.chrome import Chrome, reload_hints
from game.ui.screens.stage_block import STAGES, StageBlock, attempt_block
from game.ui.scroll import Piece, ScrollView, compose

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
        self.menu_panel = pygame.Rect(0, 0, 0, 0)
        self.block: StageBlock | None = None          # the header's stage, interest and turns
        self.pulses = Pulses()                        # "interest", "mood:<person id>"
        self.rising = True                            # interest's last move was up
        self.warmer: dict[str, bool] = {}             # person → their mood's last move was up
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

    @property
    def interest_rect(self) -> pygame.Rect:
        """The interest meter's segments in the header."""
        return self.block.meter if self.block is not None else pygame.Rect(0, 0, 0, 0)

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
        before, self.board = self.board, session.board()
        if before is not None:
            self._notice(before, self.board)
        self.block = stages = attempt_block(ctx)  # sized for its widest words
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
        theme, fonts, t = ctx.theme, ctx.fonts, ctx.text
        board = self.board
        assert board is not None
        surface = pygame.Surface(ctx.size).convert()
        surface.fill(theme.background)
        scenario = self.session.scenario
        self.chrome.draw_header(surface, ctx, scenario.title, scenario.account.company)
        assert self.block is not None
        self.block.draw(surface, ctx, STAGES.index(board.stage),
                        (board.turn, board.turns, self.session.game.state.turn), board.interest)
        self.column.paint(surface, theme)
        pad = ctx.px(12)
        widgets.panel(surface, self.talk_panel, theme)
        surface.blit(fonts.render(t.get("conversation"), "small-bold", theme.muted),
                     (self.talk_panel.x + pad, self.talk_panel.y + pad))
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
        if self.pulses.active:
            self._draw_pulses(surface)

    # --- what just changed, ringed for a moment -------------------------------------------------

    def _notice(self, before: DealBoard, after: DealBoard) -> None:
        """Start a highlight for what moved between two boards: interest, and each mood that
        changed (a mood seen for the first time is news, not a change)."""
        if after.interest != before.interest:
            self.rising = after.interest > before.interest
            self.pulses.start("interest")
        moods = {card.id: card.mood for card in before.people}
        for card in after.people:
            was = moods.get(card.id, "unknown")
            if was in widgets.MOODS and card.mood in widgets.MOODS and was != card.mood:
                self.warmer[card.id] = widgets.MOODS.index(card.mood) > widgets.MOODS.index(was)
                self.pulses.start(f"mood:{card.id}")

    def _pulse_area(self) -> pygame.Rect | None:
        """The part of the window the highlights cover (None: none shows)."""
        areas = []
        if self.block is not None and "interest" in self.pulses.left:
            areas.append(self.block.glow_area(self.ctx))
        ring = self.ctx.px(6)
        for name in self.pulses.left:
            person = name.partition(":")[2]
            if name.startswith("mood:") and person in self.column.ids:
                areas.append(self.cards[self.column.ids.index(person)].inflate(ring, ring))
        return areas[0].unionall(areas[1:]) if areas else None

    def update(self, dt: float) -> None:
        # the highlights age first (those a new layout starts begin at full strength); their
        # area is taken before, so that the frame after the last one wipes it
        area = self._pulse_area()
        if not self.pulses.tick(dt):
            area = None
        super().update(dt)
        if area is not None:
            self.ctx.redraw(area)

    def next_wakeup(self) -> float | None:
        return self.pulses.next_wakeup()

    def _draw_pulses(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        if self.block is not None:
            self.block.draw_glow(surface, ctx, self.pulses.strength("interest"), self.rising)
        board = self.board
        if board is None:
            return
        ring, half = ctx.px(3), max(4, ctx.px(6))
        for card in board.people:
            strength = self.pulses.strength(f"mood:{card.id}")
            if strength <= 0 or card.id not in self.column.ids:
                continue
            # warmer in the colour of good news, cooler in that of bad, and an arrow saying so
            warmer = self.warmer.get(card.id, True)
            rect = self.cards[self.column.ids.index(card.id)].inflate(ring * 2, ring * 2)
            layer = pygame.Surface(rect.size, pygame.SRCALPHA)
            colour = (*(ctx.theme.good if warmer else ctx.theme.bad),
                      round(255 * min(1.0, strength * 1.5)))
            pygame.draw.rect(layer, colour, layer.get_rect(), max(2, ring),
                             border_radius=ctx.px(10))
            cx, cy = rect.w - ring - ctx.px(10) - half, rect.h // 2
            tip, base = (cy - half, cy + half) if warmer else (cy + half, cy - half)
            pygame.draw.polygon(layer, colour, [(cx, tip), (cx - half, base), (cx + half, base)])
            surface.blit(layer, rect.topleft)
