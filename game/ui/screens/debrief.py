"""The debrief: the total and each competency as drawn bars, par (the best score the deal
allows, marked on the total's bar), the timeline of choices marked good / neutral / mistake with
the trainer's feedback, the missed opportunities, and what next.

Par is searched in the background from the start of the attempt (game/ui/par_watch.py); if it
is not known yet, the screen says it is being worked out and redraws once when it comes.
"""
from __future__ import annotations

import pygame

from game.scoring import Debrief
from game.ui import flow, widgets
from game.ui.choice_list import ChoiceList, Item
from game.ui.context import Context
from game.ui.footer import Hint
from game.ui.lines import tactic_label
from game.ui.par_watch import NO_PAR, PAR_READY, ParState
from game.ui.screen import Screen
from game.ui.screens.chrome import Chrome, reload_hints
from game.ui.scroll import Piece, ScrollView, compose

LETTERS = {pygame.K_r: "replay", pygame.K_n: "next", pygame.K_t: "title"}


LOSSES_SHOWN = 6  # reasons points were lost on the debrief's first screen, biggest first


class DebriefScreen(Screen):
    """The end of an attempt."""

    name = "debrief"
    reloadable = True

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        assert ctx.session is not None
        self.chrome = Chrome()
        self.report: Debrief = ctx.session.debrief()
        self.view = ScrollView(on_change=ctx.redraw)
        self.menu = ChoiceList(on_change=ctx.redraw)
        self.left = pygame.Rect(0, 0, 0, 0)
        self.right = pygame.Rect(0, 0, 0, 0)
        self.total_bar = pygame.Rect(0, 0, 0, 0)
        self.bars: dict[str, pygame.Rect] = {}   # competency → its bar's track
        self.rows: dict[str, int] = {}            # competency → label row y
        self.spots: dict[str, int] = {}           # the left column's text rows
        self.total_style = "display"              # the total's style ("title" when compact)
        self.par: ParState = self._par_now()

    def _par_now(self) -> ParState:
        ctx = self.ctx
        if ctx.par is None or ctx.session is None:
            return NO_PAR
        return ctx.par.state(ctx.session)

    @property
    def shot_name(self) -> str:
        """"debrief", or "debrief-working" while par is still being worked out."""
        return "debrief-working" if self.par.working else "debrief"

    @property
    def settled(self) -> bool:
        """False while par is still being worked out (autoplay waits for it)."""
        return not self.par.working

    def update(self, dt: float) -> None:
        super().update(dt)
        now = self._par_now()
        if now != self.par:  # par has come (or given up): one more frame
            self.par = now
            self.ctx.redraw()

    def layout(self) -> None:
        ctx, t, words = self.ctx, self.ctx.text, self.ctx.words
        fonts, theme = ctx.fonts, ctx.theme
        hints = [Hint("↑↓", t.get("key-scroll")), Hint("R", t.get("key-replay"), pygame.K_r)]
        if not ctx.play_mode:  # `play PATH` has no next scenario: its menu offers none
            hints += [Hint("N", t.get("key-next"), pygame.K_n),
                      Hint("T", t.get("key-title"), pygame.K_t)]
        self.chrome.layout(ctx, hints + reload_hints(ctx))
        body, gap, pad = self.chrome.body, ctx.px(16), ctx.px(16)
        left_w = int(body.w * 0.42)
        self.left = pygame.Rect(body.x, body.y, left_w, body.h)
        self.right = pygame.Rect(self.left.right + gap, body.y, body.w - left_w - gap, body.h)
        if ctx.play_mode:
            items = [Item(f"{t.get('debrief-replay')} (R)", value="replay"),
                     Item(t.get("debrief-done"), value="done")]
        else:
            items = [Item(f"{t.get('debrief-replay')} (R)", value="replay"),
                     Item(f"{self._next_label()} (N)", value="next"),
                     Item(f"{t.get('debrief-title')} (T)", value="title")]
        focus = self.menu.focus
        self.menu.set_items(items)
        self.menu.focus = max(0, min(focus, len(items) - 1))
        # the left column, top to bottom: outcome, reason, deal value, score, bars, actions;
        # compact (a smaller total, tighter rows, par's note left out) when the menu would
        # otherwise not show every action whole
        for compact in (False, True):
            menu_top = self._left_column(pad, compact)
            self.menu.layout(pygame.Rect(self.left.x + pad, menu_top, left_w - 2 * pad,
                                         self.left.bottom - pad - menu_top), fonts, theme,
                             ctx.px(8), ctx.px(6))
            if self.menu.content_height <= self.menu.area.h:
                break
        area = self.right.inflate(-2 * pad, -2 * pad)
        area.w -= ctx.px(8)
        self.view.set_blocks(area, self._timeline(area.w), ctx.px(8))

    def _next_label(self) -> str:
        """What N does, named: the scenario a won referral opens, else choosing another."""
        ctx = self.ctx
        session = ctx.session
        assert session is not None
        referral = session.scenario.referral
        if session.game.state.referral == "won" and referral is not None and referral.leads_to:
            from game.ui.catalog import find_by_id

            entry = find_by_id(flow.catalog(ctx), referral.leads_to)
            if entry is not None and entry.scenario is not None:
                return ctx.text.get("debrief-next-to", title=entry.scenario.title)
        return ctx.text.get("debrief-next-pick")

    def _left_column(self, pad: int, compact: bool) -> int:
        """Place the left column's rows (`self.spots`, the bars); returns where the menu goes."""
        ctx, words, fonts = self.ctx, self.ctx.words, self.ctx.fonts
        left_w = self.left.w
        y = self.left.y + pad
        self.spots = {"outcome": y}
        y += fonts.line_height("heading")
        report = self.report
        if report.end_reason or not compact:
            self.spots["reason"] = y
            y += fonts.line_height("small")
        if report.deal_value or not compact:
            self.spots["deal"] = y
            y += fonts.line_height("small")
        y += ctx.px(4 if compact else 10)
        if not compact:  # compact: the total's figures speak for themselves
            self.spots["label"] = y
            y += fonts.line_height("small-bold")
        self.spots["total"] = y
        self.total_style = "title" if compact else "display"
        y += fonts.line_height(self.total_style) + ctx.px(4)
        bar_h = ctx.px(14)
        self.total_bar = pygame.Rect(self.left.x + pad, y, left_w - 2 * pad, ctx.px(20))
        y = self.total_bar.bottom + ctx.px(8 if compact else 16)
        if ctx.par is not None:  # the par row, under the total's bar (its note on a line
            self.spots["par"] = self.total_bar.bottom + ctx.px(8)  # of its own if need be)
            y += fonts.line_height("small") + ctx.px(4)
            if not compact:
                self.spots["par-note"] = y - ctx.px(4)
                y += fonts.line_height("small")
        label_w = max(fonts.width(words.get(f"comp-{name}"), "small")
                      for name in self.report.score.competencies) + ctx.px(10)
        value_w = fonts.width("100.0 / 100", "small") + ctx.px(8)
        self.bars, self.rows = {}, {}
        step = fonts.line_height("small") + ctx.px(3 if compact else 8)
        for name, (_, top) in self.report.score.competencies.items():
            if top == 0:
                continue
            self.rows[name] = y
            self.bars[name] = pygame.Rect(self.left.x + pad + label_w,
                                          y + (fonts.line_height("small") - bar_h) // 2,
                                          left_w - 2 * pad - label_w - value_w, bar_h)
            y += step
        return y + ctx.px(6 if compact else 12)

    def _timeline(self, width: int) -> list[pygame.Surface]:
        """The choices in order, each missed opportunity placed before the first choice of a
        later turn (as the terminal debrief does)."""
        ctx, t, words = self.ctx, self.ctx.text, self.ctx.words
        theme, fonts = ctx.theme, ctx.fonts
        gutter = ctx.px(26)
        v = self.report.verdict
        verdict = words.get("verdict-passed" if v.passed else "verdict-failed")
        blocks = [compose(fonts, theme, width, [
            Piece(f"{'✔' if v.passed else '✘'} {verdict}", "heading",
                  theme.good if v.passed else theme.bad),
            Piece(words.verdict(v), "body")], theme.panel)]
        losses = self.report.biggest_losses()
        if losses:  # what cost points leads, biggest first (the result file has every one)
            pieces = [Piece(words.get("lost-heading"), "heading")]
            for name, item in losses[:LOSSES_SHOWN]:
                when = (f"{t.get('turn-short', turn=item.turn)} · "
                        if item.turn is not None else "")
                pieces.append(Piece(f"−{words.number(item.points)} · {when}"
                                    f"{words.get('comp-' + name)}", "small-bold", theme.bad))
                pieces.append(Piece(words.lost(item.code, item.params), "body",
                                    indent=ctx.px(12)))
            rest = losses[LOSSES_SHOWN:]
            if rest:
                pieces.append(Piece(t.get("debrief-lost-more", n=len(rest), points=words.number(
                    sum(i.points for _, i in rest))), "small", theme.muted))
            blocks.append(compose(fonts, theme, width, pieces, theme.panel))
        blocks += [
            compose(fonts, theme, width, [Piece(t.get("debrief-timeline"), "heading"),
                                          Piece(t.get("debrief-legend"), "tiny",
                                                theme.muted)], theme.panel)]

        def missed_block(item: object) -> pygame.Surface:
            code, turn, params = (getattr(item, "code"), getattr(item, "turn"),
                                  getattr(item, "params"))
            head = f"{words.get('mark-missed')} · {t.get('turn-short', turn=turn)}"
            return compose(fonts, theme, width, [
                Piece(head, "small-bold", theme.mark("missed"), icon=("mark", "missed")),
                Piece(words.missed(code, turn, params), "body")], theme.panel, gutter=gutter)

        missed = list(self.report.missed)
        for entry in self.report.timeline:
            while missed and missed[0].turn < entry["turn"]:
                blocks.append(missed_block(missed.pop(0)))
            mark = str(entry["mark"])
            severity = (f" ({words.get('severity-' + str(entry['severity']))})"
                        if "severity" in entry else "")
            label, said = tactic_label(str(entry["text"]))
            head = (f"{words.get('mark-' + mark)}{severity} · "
                    f"{t.get('turn-short', turn=entry['turn'])} · "
                    f"{words.name(str(entry['stakeholder']))}"
                    + (f" · {label}" if label else ""))
            pieces = [Piece(head, "small-bold", theme.mark(mark), icon=("mark", mark)),
                      Piece(words.quote(said), "body")]
            if entry.get("feedback"):
                pieces.append(Piece(t.get("debrief-coach", text=entry["feedback"]), "small",
                                    theme.muted, indent=ctx.px(12)))
            blocks.append(compose(fonts, theme, width, pieces, theme.panel, gutter=gutter))
        blocks.extend(missed_block(item) for item in missed)
        if not self.report.timeline and not self.report.missed:
            blocks.append(compose(fonts, theme, width,
                                  [Piece(t.get("debrief-empty"), "body", theme.muted)], theme.panel))
        return blocks

    def handle_event(self, event: pygame.event.Event) -> None:
        if event.type == PAR_READY:
            return  # it only woke the loop: `update` takes the news
        if self.chrome.handle_event(event):
            return
        if event.type == pygame.KEYDOWN:
            if event.key in LETTERS and LETTERS[event.key] in {i.value for i in self.menu.items}:
                self.act(LETTERS[event.key])  # only what the menu offers (no N in `play PATH`)
                return
            if event.key == pygame.K_ESCAPE:
                self.act("done" if self.ctx.play_mode else "title")
                return
            if self.view.handle_event(event):
                return
        elif self.view.handle_event(event, keys=False):
            return
        chosen = self.menu.handle_event(event)
        if chosen is not None:
            self.act(str(self.menu.items[chosen].value))

    def act(self, action: str) -> None:
        """replay, next, title or done."""
        self.ctx.sounds.play("click")
        if action == "replay":
            flow.replay(self.ctx)
        elif action == "next":
            flow.next_scenario(self.ctx)
        elif action == "title" or action == "done":
            flow.title(self.ctx)

    def draw(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        theme, fonts, t, words = ctx.theme, ctx.fonts, ctx.text, ctx.words
        assert ctx.session is not None
        report = self.report
        surface.fill(theme.background)
        full = self.chrome.header.w - 2 * self.chrome.margin  # no stage track on this screen
        self.chrome.draw_header(surface, ctx, ctx.session.scenario.title,
                                t.get("debrief-heading"), full)
        widgets.panel(surface, self.left, theme)
        widgets.panel(surface, self.right, theme)
        pad = ctx.px(16)
        x, room, at = self.left.x + pad, self.left.w - 2 * pad, self.spots
        outcome = t.get("debrief-outcome",
                        outcome=words.outcome(report.outcome, report.disqualified))
        colour = theme.good if report.outcome == "won" or report.disqualified else theme.bad
        surface.blit(fonts.render_fit(outcome, "heading", colour, room), (x, at["outcome"]))
        if report.end_reason and "reason" in at:
            reason = words.get(f"end-{report.end_reason}")
            surface.blit(fonts.render_fit(reason, "small", theme.muted, room), (x, at["reason"]))
        if report.deal_value and "deal" in at:
            surface.blit(fonts.render_fit(t.get("debrief-deal", value=words.money(report.deal_value)),
                                          "small", theme.text, room), (x, at["deal"]))
        if "label" in at:
            surface.blit(fonts.render(t.get("debrief-score"), "small-bold", theme.muted),
                         (x, at["label"]))
        surface.blit(fonts.render_fit(f"{words.number(report.score.total)} / 100",
                                      self.total_style, theme.text, room), (x, at["total"]))
        widgets.bar(surface, self.total_bar, report.score.total / 100.0, theme.accent, theme)
        if "par" in at:
            self._draw_par(surface, x, at["par"], room)
        for name, track in self.bars.items():
            got, top = report.score.competencies[name]
            row = self.rows[name]
            surface.blit(fonts.render(words.get(f"comp-{name}"), "small", theme.text), (x, row))
            widgets.bar(surface, track, got / top if top else 0.0, theme.accent, theme)
            value = fonts.render(f"{words.number(got)} / {top:.0f}", "small", theme.text)
            surface.blit(value, (self.left.right - pad - value.get_width(), row))
        self.menu.draw(surface, fonts, theme)
        self.view.draw(surface, theme)
        self.chrome.draw_footer(surface, ctx)

    def _draw_par(self, surface: pygame.Surface, x: int, y: int, room: int) -> None:
        """"Par ≈95.5 · you 85.4 — the best score found for this deal", and a tick on the
        total's bar where par is; or that par is being worked out."""
        ctx, t, words = self.ctx, self.ctx.text, self.ctx.words
        theme, fonts = ctx.theme, ctx.fonts
        if self.par.working:
            surface.blit(fonts.render_fit(t.get("debrief-par-working"), "small", theme.muted,
                                          room), (x, y))
            return
        known = self.par.known
        if known is None:
            return
        you = self.report.score.total
        was = self.par.was
        if was is not None:  # the search had missed this attempt's path (ParWatch.state)
            surface.blit(fonts.render_fit(t.get("debrief-par-beaten", you=words.number(you),
                                                was=words.par(was.total, was.exact)),
                                          "small-bold", theme.good, room), (x, y))
            return
        head = fonts.render_fit(t.get("debrief-par" if known.exact else "debrief-best",
                                      par=words.par(known.total, known.exact),
                                      you=words.number(you)),
                                "small-bold", theme.text, room)
        surface.blit(head, (x, y))
        note = t.get("debrief-par-exact" if known.exact else "debrief-par-found")
        # the note whole, beside the figures or on its own line; never cut with "…"
        if fonts.width(f" — {note}", "small") <= room - head.get_width():
            surface.blit(fonts.render(f" — {note}", "small", theme.muted),
                         (x + head.get_width(), y))
        elif "par-note" in self.spots and fonts.width(note, "small") <= room:
            surface.blit(fonts.render(note, "small", theme.muted), (x, self.spots["par-note"]))
        track = self.total_bar
        tick_x = track.x + round(track.w * max(0.0, min(1.0, known.total / 100.0)))
        tick_w = ctx.px(3)
        tick = pygame.Rect(min(tick_x - tick_w // 2, track.right - tick_w), track.y - ctx.px(4),
                           tick_w, track.h + ctx.px(8))
        pygame.draw.rect(surface, theme.text, tick)
