"""The deal board (D or Tab from the meeting screen; D or Tab goes back, Esc opens the pause menu
as elsewhere): role tags set here by keyboard or mouse, the qualification checklist (with the
budget, timing… a format-1.2 scenario asks for: "Budget?" until learnt), needs found
with their benefit kind and who has them, clues, objections and the savings pitched so far.

Each person's card is whole at every text size (name, title and mood wrap, never cut); a row is
as tall as its card or its role chips, and when the rows do not all fit they scroll: with the
selection (↑↓), and with the wheel over them."""
from __future__ import annotations

from typing import NamedTuple

import pygame

from game.board import DealBoard, ItemCard
from game.schema import ROLES
from game.ui import flow, widgets
from game.ui.cards import CardLook, CardPlan, draw_card, plan_card
from game.ui.choice_list import digit_of
from game.ui.context import Context
from game.ui.footer import Hint
from game.ui.screen import Screen
from game.ui.session import Session
from game.ui.screens.chrome import Chrome, attempt_band, plan_header, reload_hints
from game.ui.screens.stage_block import STAGES, StageBlock, attempt_block
from game.ui.scroll import Piece, ScrollView, compose, fade_strip

CLEAR_KEYS = (pygame.K_0, pygame.K_KP0, pygame.K_BACKSPACE, pygame.K_DELETE)
CLOSE_KEYS = (pygame.K_d, pygame.K_TAB)
LOOK = CardLook(show_tag=False)  # the chips beside a card show its tag


class Rows(NamedTuple):
    """The measures of the rows of people: their top, width, the chips' width and height, the
    chip columns' widths and each row's height."""

    top: int = 0
    width: int = 0
    chips_w: int = 0
    chip_h: int = 0
    columns: tuple[int, ...] = ()
    heights: tuple[int, ...] = ()


class BoardScreen(Screen):
    """The trainee's view of the deal; the one place role tags are set."""

    name = "board"
    reloadable = True

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.chrome = Chrome()
        self.details = ScrollView(on_change=ctx.redraw)
        self.selected = 0
        self.board: DealBoard | None = None
        self.left = pygame.Rect(0, 0, 0, 0)
        self.right = pygame.Rect(0, 0, 0, 0)
        self.rows: list[pygame.Rect] = []
        self.cards: list[pygame.Rect] = []
        self.chips: list[list[tuple[pygame.Rect, str | None]]] = []  # per row: (rect, role)
        self.people_area = pygame.Rect(0, 0, 0, 0)   # where the rows are (they may scroll)
        self.row_scroll = 0
        self.plans: list[CardPlan] = []               # each person's card, whole
        self.tops: list[int] = []                     # each row's top before scrolling
        self.content_height = 0                       # the rows together
        self._rows_at = Rows()
        self._chip_roles: list[str | None] = []
        self.block: StageBlock | None = None  # the header's stage track and turn clock
        self._subtitle: tuple[object, str] | None = None
        self._chip_labels: list[str] = []

    @property
    def session(self) -> Session:
        """The attempt under way."""
        assert self.ctx.session is not None
        return self.ctx.session

    # --- layout -------------------------------------------------------------------------------

    def layout(self) -> None:
        ctx, t = self.ctx, self.ctx.text
        fonts, words = ctx.fonts, ctx.words
        self.board = board = self.session.board()
        self.block = stages = attempt_block(ctx)  # as on the meeting screen: one header
        self.chrome.layout(ctx, [Hint("↑↓", t.get("key-person")),
                                 Hint("1–5", t.get("key-role")),
                                 Hint("0", t.get("board-clear"), pygame.K_0),
                                 Hint("D", t.get("key-back"), pygame.K_d),
                                 Hint("Esc", t.get("key-menu"), pygame.K_ESCAPE)]
                           + reload_hints(ctx), title=t.get("board-heading"),
                           subtitle=self.subtitle, aside=stages.size)
        stages.place(self.chrome.aside)
        body, gap, pad = self.chrome.body, ctx.px(16), ctx.px(12)
        left_w = int(body.w * 0.63)  # cards and role chips side by side, Spanish labels too
        self.left = pygame.Rect(body.x, body.y, left_w, body.h)
        self.right = pygame.Rect(self.left.right + gap, body.y, body.w - left_w - gap, body.h)
        top = self.left.y + pad + fonts.line_height("heading") + fonts.line_height("tiny") + pad
        row_gap = ctx.px(8)
        row_w = self.left.w - 2 * pad  # the scroll bar, when the rows scroll, in the padding
        self.people_area = pygame.Rect(self.left.x + pad, top, row_w, self.left.bottom - pad - top)
        labels = [(f"{i + 1} {words.get(f'role-{role}')}", role) for i, role in enumerate(ROLES)]
        labels.append((f"0 {t.get('board-clear')}", None))
        self._chip_labels = [label for label, _ in labels]
        self._chip_roles = [role for _, role in labels]
        chip_h = fonts.line_height("small") + ctx.px(8)
        chip_gap = ctx.px(6)
        # each chip as wide as its words (bold, with the ✓ of a chosen tag); the card gets the
        # rest, and is as tall as its wrapped words (never shortened); a row is as tall as its
        # card or its chips, and the rows scroll with the selection when they do not all fit
        natural = [fonts.width(label, "small-bold") + ctx.px(14) + max(8, chip_h // 2)
                   for label in self._chip_labels]
        most = row_w - int(row_w * 0.34) - ctx.px(10)
        per_row, columns = 3, self._column_widths(natural, 3)
        for count in (6, 3, 2):
            widths = self._column_widths(natural, count)
            if sum(widths) + chip_gap * (count - 1) <= most:
                per_row, columns = count, widths
                break
        chips_w = min(most, sum(columns) + chip_gap * (per_row - 1))
        lines = -(-len(labels) // per_row)
        chips_h = lines * chip_h + (lines - 1) * chip_gap
        card_w = row_w - chips_w - ctx.px(10)
        self.plans = [plan_card(ctx, person, card_w, LOOK) for person in board.people]
        heights = [max(plan.height, chips_h + ctx.px(8)) for plan in self.plans]
        self.tops, y = [], 0
        for height in heights:
            self.tops.append(y)
            y += height + row_gap
        self.content_height = max(0, y - row_gap)
        self._rows_at = Rows(top, row_w, chips_w, chip_h, tuple(columns), tuple(heights))
        self.selected = max(0, min(self.selected, len(board.people) - 1))
        self._place_rows()
        area = self.right.inflate(-2 * pad, -2 * pad)
        area.w -= ctx.px(8)
        self.details.set_blocks(area, self._detail_blocks(board, area.w), ctx.px(10))

    @property
    def subtitle(self) -> str:
        """The header's second line: the account's company, as on the meeting screen, when it
        fits in the header every screen of the attempt shares (else none: the band is sized
        without it, and the turn is on the clock beside it)."""
        ctx = self.ctx
        company = self.session.scenario.account.company
        band = attempt_band(ctx)
        key = (company, band, ctx.size, ctx.fonts.scale, ctx.language)
        if self._subtitle is None or self._subtitle[0] != key:
            plan = plan_header(ctx, ctx.text.get("board-heading"), company,
                               attempt_block(ctx).size, band)
            self._subtitle = (key, company if plan.height <= band else "")
        return self._subtitle[1]

    @property
    def max_row_scroll(self) -> int:
        """How far the rows of people can scroll (0: they all fit)."""
        return max(0, self.content_height - self.people_area.h)

    def _place_rows(self, follow: bool = True) -> None:
        """Put the rows where the scroll says; `follow`: first scroll the selected row into
        view (its top, if it is taller than the area)."""
        top, row_w, chips_w, chip_h, columns, heights = self._rows_at
        if heights and follow:
            first = self.tops[self.selected]
            self.row_scroll = max(self.row_scroll, first + heights[self.selected]
                                  - self.people_area.h)
            self.row_scroll = min(self.row_scroll, first)
        self.row_scroll = max(0, min(self.row_scroll, self.max_row_scroll))
        card_w = row_w - chips_w - self.ctx.px(10)
        self.rows, self.cards, self.chips = [], [], []
        for at, height in zip(self.tops, heights):
            row = pygame.Rect(self.people_area.x, top + at - self.row_scroll, row_w, height)
            self.rows.append(row)
            self.cards.append(pygame.Rect(row.x, row.y, card_w, row.h))
            self.chips.append(self._flow_chips(
                self._chip_roles, pygame.Rect(row.right - chips_w, row.y, chips_w, row.h),
                chip_h, list(columns)))

    def _select(self, row: int) -> None:
        self.selected = row
        self._place_rows()
        self.ctx.redraw()

    @staticmethod
    def _column_widths(natural: list[int], per_row: int) -> list[int]:
        """The width of each chip column: its widest chip."""
        return [max(natural[c::per_row]) for c in range(per_row)]

    def _flow_chips(self, roles: list[str | None], area: pygame.Rect, chip_h: int,
                    columns: list[int]) -> list[tuple[pygame.Rect, str | None]]:
        gap = self.ctx.px(6)
        per_row = len(columns)
        room = area.w - gap * (per_row - 1)
        spare = room - sum(columns)  # shared out; negative (cut labels) only when nothing fits
        widths = [w + spare * w // max(1, sum(columns)) for w in columns]
        lefts = [area.x + sum(widths[:c]) + gap * c for c in range(per_row)]
        lines = -(-len(roles) // per_row)
        total_h = lines * chip_h + (lines - 1) * gap
        y0 = area.y + max(0, (area.h - total_h) // 2)
        out = []
        for i, role in enumerate(roles):
            r, c = divmod(i, per_row)
            out.append((pygame.Rect(lefts[c], y0 + r * (chip_h + gap), widths[c], chip_h), role))
        return out

    def _detail_blocks(self, board: DealBoard, width: int) -> list[pygame.Surface]:
        ctx, t, words = self.ctx, self.ctx.text, self.ctx.words
        theme, fonts = ctx.theme, ctx.fonts
        gutter = ctx.px(22)

        def section(title: str, pieces: list[Piece]) -> pygame.Surface:
            return compose(fonts, theme, width, [Piece(title, "heading")] + pieces, theme.panel,
                           gutter=0)

        def body(pieces: list[Piece]) -> pygame.Surface:
            return compose(fonts, theme, width, pieces, theme.panel, gutter=gutter)

        checks: list[Piece] = []
        items = {card.id: card for card in board.items}
        for name, done in board.checklist.items():  # interest: one line, its mark and level
            card = items.get(name)
            if card is not None:  # format 1.2: "Budget?" until learnt, then what was learnt
                checks.extend(self._item_rows(card))
                continue
            label = (t.get("board-interest", level=words.get(f"interest-{board.interest}"))
                     if name == "interest" else words.get('check-' + name))
            checks.append(Piece(label, "body", theme.text,
                                icon=("mark", "good" if done else "mistake"),
                                icon_colour=theme.good if done else theme.bad))
        blocks = [section(t.get("board-qualification"), []),
                  compose(fonts, theme, width, checks, theme.panel, gutter=gutter)]
        needs: list[Piece] = []
        for need in board.needs:
            amount = f" · {words.money(need.amount)}" if need.amount else ""
            needs.append(Piece(need.text, "strong", icon=("dot", ""), icon_colour=theme.accent))
            needs.append(Piece(f"{words.get('benefit-' + need.benefit)}{amount}", "small",
                               theme.text))
            found = t.get("board-found", who=words.name(need.found_by), turn=need.found_turn)
            pitched = (t.get("board-pitched", who=words.name(need.pitched_to)) if need.pitched_to
                       else t.get("board-not-pitched"))
            needs.append(Piece(f"{found} · {pitched}", "small",
                               theme.good if need.pitched_to else theme.muted,
                               icon=("mark", "good") if need.pitched_to else None))
        if not needs:
            needs = [Piece(t.get("board-none"), "small", theme.muted)]
        blocks.append(section(t.get("board-needs"), []))
        blocks.append(compose(fonts, theme, width, needs, theme.panel, gutter=gutter))
        objections = []
        for obj in board.objections:
            is_open = obj["state"] == "open"
            state_word = t.get("board-open" if is_open else "board-resolved")
            objections.append(Piece(f"{words.name(str(obj['who']))}: {words.quote(str(obj['text']))} — {state_word}",
                                    "small", theme.text,
                                    icon=("mark", "mistake" if is_open else "good"),
                                    icon_colour=theme.bad if is_open else theme.good))
        if objections:
            blocks.append(section(t.get("board-objections"), []))
            blocks.append(compose(fonts, theme, width, objections, theme.panel, gutter=gutter))
        clues = [Piece(f"{words.name(str(h['about']))} — {h['text']}", "small",
                       icon=("mood", "neutral"), icon_colour=theme.accent) for h in board.hints]
        if clues:
            blocks.append(section(t.get("board-clues"), []))
            blocks.append(compose(fonts, theme, width, clues, theme.panel, gutter=gutter))
        savings = board.savings_pitched
        blocks.append(section(t.get("board-savings"), []))
        blocks.append(body([
            Piece(f"{t.get('board-front')}: {words.money(savings.get('front_end_savings', 0.0))}",
                  "body"),
            Piece(f"{t.get('board-back')}: {words.money(savings.get('back_end_savings', 0.0))}",
                  "body")]))
        return blocks

    def _item_rows(self, card: ItemCard) -> list[Piece]:
        """A qualification item's checklist row: "Budget?" ("¿Presupuesto?") until it is learnt; then ✓ with what
        was learnt (the competitor's name first), and from whom, on which turn."""
        ctx, t, words = self.ctx, self.ctx.text, self.ctx.words
        theme = ctx.theme
        label = words.get("check-" + card.id)
        if not card.learnt:
            return [Piece(words.get("check-unknown", label=label), "body", theme.muted,
                          icon=("mark", "missed"),
                          icon_colour=theme.muted)]
        return [Piece(f"{label}: {words.fact(card.id)}", "body", theme.text,
                      icon=("mark", "good"), icon_colour=theme.good),
                Piece(t.get("board-found", who=words.name(card.by), turn=card.turn), "small",
                      theme.muted)]

    # --- input --------------------------------------------------------------------------------

    def handle_event(self, event: pygame.event.Event) -> None:
        if self.chrome.handle_event(event):
            return
        people = self.board.people if self.board else []
        if event.type == pygame.KEYDOWN:
            if event.key in CLOSE_KEYS:
                self.ctx.sounds.play("click")
                self.ctx.nav.pop()
                return
            if event.key == pygame.K_ESCAPE:
                flow.pause(self.ctx)
                return
            if event.key in (pygame.K_UP, pygame.K_DOWN) and people:
                step = -1 if event.key == pygame.K_UP else 1
                self._select((self.selected + step) % len(people))
                return
            n = digit_of(event)
            if n is not None and n <= len(ROLES) and people:
                self.set_tag(self.selected, ROLES[n - 1])
                return
            if event.key in CLEAR_KEYS and people:
                self.set_tag(self.selected, None)
                return
            self.details.handle_event(event, arrows=False)
            return
        inside = self.people_area.collidepoint(pygame.mouse.get_pos())
        if event.type == pygame.MOUSEWHEEL and inside and self.max_row_scroll:
            self._wheel(event.y)
            return
        if (event.type == pygame.MOUSEBUTTONDOWN and event.button == 1
                and self.people_area.collidepoint(event.pos)):
            for row, chips in enumerate(self.chips):
                for rect, role in chips:
                    if rect.collidepoint(event.pos):
                        self.selected = row
                        self.set_tag(row, role)
                        return
            for row, rect in enumerate(self.rows):
                if rect.collidepoint(event.pos):
                    self._select(row)
                    return
        self.details.handle_event(event, keys=False)

    def _wheel(self, steps: int) -> None:
        """Scroll the rows by about a row per step, the selection moving with them when it
        would leave the view."""
        step = max(self.ctx.px(40), self.content_height // max(1, len(self.tops)))
        self.row_scroll = max(0, min(self.max_row_scroll, self.row_scroll - steps * step))
        view_top, view_bottom = self.row_scroll, self.row_scroll + self.people_area.h
        ends = [top + row.h for top, row in zip(self.tops, self.rows)]
        whole = [i for i, top in enumerate(self.tops)
                 if top >= view_top and ends[i] <= view_bottom]
        seen = whole or [i for i, top in enumerate(self.tops)
                         if top < view_bottom and ends[i] > view_top]
        if seen and self.selected not in seen:
            self.selected = seen[0] if self.tops[self.selected] < view_top else seen[-1]
        self._place_rows(follow=False)
        self.ctx.redraw()

    def set_tag(self, row: int, role: str | None) -> None:
        """Tag the person on row `row` as `role` (None clears the tag)."""
        assert self.board is not None
        person = self.board.people[row]
        if person.tag == role:
            return
        self.session.tag(person.id, role)
        self.ctx.sounds.play("tag")
        flow.notify(self.ctx)
        self.changed()

    # --- drawing ------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        theme, fonts, t = ctx.theme, ctx.fonts, ctx.text
        board = self.board
        assert board is not None
        surface.fill(theme.background)
        self.chrome.draw_header(surface, ctx, t.get("board-heading"), self.subtitle)
        assert self.block is not None  # interest is on the checklist: no meter here
        self.block.draw(surface, ctx, STAGES.index(board.stage),
                        (board.turn, board.turns, self.session.game.state.turn))
        pad = ctx.px(12)
        widgets.panel(surface, self.left, theme)
        widgets.panel(surface, self.right, theme)
        surface.blit(fonts.render(t.get("board-people"), "heading", theme.text),
                     (self.left.x + pad, self.left.y + pad))
        surface.blit(fonts.render(t.get("board-help"), "tiny", theme.muted),
                     (self.left.x + pad, self.left.y + pad + fonts.line_height("heading")))
        clip = surface.get_clip()
        view = self.people_area.inflate(ctx.px(8), ctx.px(8))  # room for the focus ring
        surface.set_clip(view.clip(clip))
        for i, (card, chips) in enumerate(zip(self.cards, self.chips)):
            if not self.rows[i].colliderect(view):
                continue
            person = board.people[i]
            draw_card(surface, ctx, card, person, LOOK, self.plans[i])
            for (rect, role), label in zip(chips, self._chip_labels):
                self._draw_chip(surface, rect, label, role, person.tag)
            if i == self.selected:
                widgets.focus_ring(surface, self.rows[i].inflate(ctx.px(6), ctx.px(4)), theme)
        fade_h = ctx.px(18)
        if self.row_scroll < self.max_row_scroll:
            surface.blit(fade_strip(view.w, fade_h, theme.panel, True),
                         (view.x, view.bottom - fade_h))
        if self.row_scroll > 0:
            surface.blit(fade_strip(view.w, fade_h, theme.panel, False), view.topleft)
        surface.set_clip(clip)
        if self.max_row_scroll:
            self._draw_scroll_bar(surface)
        self.details.draw(surface, theme)
        self.chrome.draw_footer(surface, ctx)

    def _draw_scroll_bar(self, surface: pygame.Surface) -> None:
        """A thin bar right of the rows: how much of them is in view, and where."""
        theme, area = self.ctx.theme, self.people_area
        track = pygame.Rect(area.right + self.ctx.px(4), area.y, 4, area.h)
        thumb_h = max(12, round(track.h * area.h / max(1, self.content_height)))
        y = track.y + round((track.h - thumb_h) * self.row_scroll / max(1, self.max_row_scroll))
        pygame.draw.rect(surface, theme.bar_back, track)
        pygame.draw.rect(surface, theme.muted, (track.x, y, track.w, thumb_h))

    def _draw_chip(self, surface: pygame.Surface, rect: pygame.Rect, label: str,
                   role: str | None, tag: str | None) -> None:
        ctx, theme, fonts = self.ctx, self.ctx.theme, self.ctx.fonts
        on = role is not None and role == tag
        pygame.draw.rect(surface, theme.accent if on else theme.panel, rect, border_radius=5)
        pygame.draw.rect(surface, theme.accent if on else theme.border, rect, theme.line,
                         border_radius=5)
        colour = theme.on_accent if on else theme.text
        x = rect.x + ctx.px(6)
        if on:
            size = max(8, rect.h // 2)
            widgets.mark_icon(surface, (x + size // 2, rect.centery), size, "good", colour)
            x += size + ctx.px(4)
        words = fonts.render_fit(label, "small-bold" if on else "small", colour,
                                 rect.right - x - ctx.px(4))
        surface.blit(words, (x, rect.centery - words.get_height() // 2))
