"""The outcome of a close attempt (won, or why not yet), the referral request after a won close,
and the end of an attempt that ran out of turns or closes, or that the trainee walked away from
(format 1.2: rightly qualifying the prospect out, or leaving a deal there to win)."""
from __future__ import annotations

import pygame

from game.engine import Line, Option
from game.ui import flow, widgets
from game.ui.choice_list import ChoiceList, Item
from game.ui.context import Context
from game.ui.footer import Hint
from game.ui.lines import option_label, sound_for
from game.ui.screen import Screen
from game.ui.session import Session
from game.ui.screens.chrome import Chrome, reload_hints
from game.ui.scroll import Piece, ScrollView, compose


class OutcomeScreen(Screen):
    """Shown over the meeting screen after a close attempt or the attempt's end."""

    name = "outcome"
    reloadable = True

    def __init__(self, ctx: Context, lines: list[Line]) -> None:
        super().__init__(ctx)
        self.chrome = Chrome()
        self.lines = list(lines)
        self.referral_lines: list[Line] = []
        self.menu = ChoiceList(on_change=ctx.redraw)
        self.view = ScrollView(on_change=ctx.redraw)
        self.options: list[tuple[int, Option]] = []
        self.box = pygame.Rect(0, 0, 0, 0)

    @property
    def session(self) -> Session:
        """The attempt under way."""
        assert self.ctx.session is not None
        return self.ctx.session

    def codes(self) -> set[str]:
        """The engine note codes shown here."""
        return {line.code or "" for line in self.lines + self.referral_lines}

    @property
    def shot_name(self) -> str:
        codes = self.codes()
        if self.referral_lines:
            return "referral"
        if "close-won" in codes:
            return "close-won"
        if "close-failed" in codes:
            return "close-failed"
        if "qualified-out" in codes:
            return "qualified-out"
        if "walked-away" in codes:
            return "walked-away"
        return "attempt-over"

    def layout(self) -> None:
        ctx, t = self.ctx, self.ctx.text
        fonts, theme = ctx.fonts, ctx.theme
        scenario = self.session.scenario
        self.chrome.layout(ctx, [Hint("1–9", t.get("key-choose")),
                                 Hint("Enter", t.get("key-continue"), pygame.K_RETURN),
                                 Hint("Esc", t.get("key-menu"), pygame.K_ESCAPE)]
                           + reload_hints(ctx), title=scenario.title,
                           subtitle=scenario.account.company)
        body = self.chrome.body
        self.box = pygame.Rect(0, 0, min(body.w, ctx.px(900)), body.h)
        self.box.center = body.center
        pad = ctx.px(18)
        if self.session.game.state.phase == "after_close":
            self.options = self.session.choices()
            items = [Item(option_label(o.key, o.text, ctx.words), value=o.key)
                     for _, o in self.options]
        else:
            self.options = []
            items = [Item(t.get("continue"), value="continue")]
        if [i.value for i in items] != [i.value for i in self.menu.items]:
            self.menu.set_items(items)
        else:
            focus = self.menu.focus
            self.menu.set_items(items)
            self.menu.focus = focus
        inner_w = self.box.w - 2 * pad
        probe = pygame.Rect(self.box.x + pad, 0, inner_w, self.box.h // 2)
        self.menu.layout(probe, fonts, theme, ctx.px(10), ctx.px(8))
        menu_h = min(self.box.h // 2, self.menu.content_height)
        blocks = self._blocks(inner_w - ctx.px(8))
        gap, head_h = ctx.px(10), fonts.line_height("title") + ctx.px(10)
        content = sum(b.get_height() for b in blocks) + gap * max(0, len(blocks) - 1)
        # as tall as its content (centred), at most the whole body
        self.box.h = min(body.h, 2 * pad + head_h + content + ctx.px(24) + menu_h)
        self.box.centery = body.centery
        menu_area = pygame.Rect(self.box.x + pad, self.box.bottom - pad - menu_h, inner_w, menu_h)
        self.menu.layout(menu_area, fonts, theme, ctx.px(10), ctx.px(8))
        top = self.box.y + pad + head_h
        area = pygame.Rect(self.box.x + pad, top, inner_w - ctx.px(8),
                           menu_area.y - ctx.px(14) - top)
        self.view.set_blocks(area, blocks, gap)

    def _blocks(self, width: int) -> list[pygame.Surface]:
        ctx, t, words = self.ctx, self.ctx.text, self.ctx.words
        theme, fonts = ctx.theme, ctx.fonts
        gutter = ctx.px(34)
        blocks = []
        for line in self.lines + self.referral_lines:
            code = line.code
            if line.kind != "note" or code not in ("close-won", "close-failed", "game-over",
                                                   "referral-moment", "referral-won",
                                                   "referral-lost", "qualified-out",
                                                   "walked-away"):
                continue
            pieces: list[Piece] = []
            if code == "close-won":
                pieces.append(Piece(words.note(code, line.params), "title", theme.good,
                                    icon=("mark", "good")))
            elif code == "close-failed":
                pieces.append(Piece(words.get("close-failed"), "title", theme.bad,
                                    icon=("mark", "mistake")))
            elif code == "qualified-out":  # the right call (format 1.2)
                pieces.append(Piece(words.note(code, line.params), "title", theme.good,
                                    icon=("mark", "good")))
            elif code == "walked-away":
                pieces.append(Piece(words.note(code, line.params), "heading", theme.text,
                                    icon=("mark", "neutral")))
            elif code == "game-over":
                outcome = str(line.params.get("outcome"))
                reason = line.params.get("reason")
                right = outcome == "won" or bool(line.params.get("disqualified"))
                pieces.append(Piece(words.note(code, line.params), "heading",
                                    theme.good if right else theme.bad,
                                    icon=("mark", "good" if right else "mistake")))
                if reason:
                    pieces.append(Piece(words.get(f"end-{reason}") + ".", "body"))
            elif code == "referral-moment":
                pieces.append(Piece(t.get("outcome-referral"), "small-bold", theme.muted))
                pieces.append(Piece(words.note(code, line.params), "heading"))
            else:
                won = code == "referral-won"
                pieces.append(Piece(words.note(code, line.params), "heading",
                                    theme.good if won else theme.warn,
                                    icon=("mark", "good" if won else "missed")))
            if line.text:  # someone's words, quoted; how a polite exit went, as told
                pieces.append(Piece(line.text if code == "qualified-out" else
                                    words.quote(line.text), "body", theme.text))
            if code == "close-failed":
                reasons = line.params.get("reasons", [])
                if reasons:
                    pieces.append(Piece(t.get("outcome-why"), "strong"))
                for c, p in reasons:
                    pieces.append(Piece(words.reason(str(c), dict(p)), "body", theme.text,
                                        icon=("dot", ""), icon_colour=theme.bad))
            blocks.append(compose(fonts, theme, width, pieces, theme.panel, gutter=gutter))
        return blocks

    def handle_event(self, event: pygame.event.Event) -> None:
        if self.chrome.handle_event(event):
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            flow.pause(self.ctx)
            return
        if self.view.handle_event(event, arrows=False):
            return
        chosen = self.menu.handle_event(event)
        if chosen is None:
            return
        if self.options:
            index, _ = self.options[chosen]
            lines = self.session.choose(index)
            self.referral_lines = lines
            flow.notify(self.ctx)
            self.ctx.sounds.play(sound_for(lines) if "referral-won" not in
                                 {line.code for line in lines} else "good")
            self.changed()
            return
        self.ctx.sounds.play("click")
        if self.session.over:
            flow.debrief(self.ctx)
        else:
            self.ctx.nav.pop()

    def draw(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        theme, fonts, t = ctx.theme, ctx.fonts, ctx.text
        surface.fill(theme.background)
        self.chrome.draw_header(surface, ctx, self.session.scenario.title,
                                self.session.scenario.account.company)
        widgets.panel(surface, self.box, theme)
        codes = self.codes()
        heading = t.get("outcome-heading") if codes & {"close-won", "close-failed"} \
            else t.get("outcome-ended")
        pad = ctx.px(18)
        surface.blit(fonts.render_fit(heading, "title", theme.text, self.box.w - 2 * pad),
                     (self.box.x + pad, self.box.y + pad))
        self.view.draw(surface, theme)
        self.menu.draw(surface, fonts, theme)
        self.chrome.draw_footer(surface, ctx)
