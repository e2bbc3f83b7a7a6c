"""The scenario picker: every bundled scenario with its language, difficulty, length and the
player's best score so far ("—" until the results store knows one). The tutorial comes first,
then the scenarios by level and language (the player's first); a locked one shows a padlock
and what opens it."""
from __future__ import annotations

import pygame

from game import variants
from game.ui import flow
from game.ui.catalog import ordered
from game.ui.choice_list import ChoiceList, Item
from game.ui.context import Context
from game.ui.footer import Hint
from game.ui.screen import Screen
from game.ui.screens.chrome import Chrome


class PickerScreen(Screen):
    """Choose a scenario; the list loads right after the first frame is shown."""

    name = "picker"

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.chrome = Chrome()
        self.menu = ChoiceList(on_change=ctx.redraw)
        self.loaded = ctx.catalog is not None
        self._first_frame: int | None = None
        self._facts: dict[str, tuple[float | None, bool]] | None = None  # id → (best, playable)

    def next_wakeup(self) -> float | None:
        return None if self.loaded else 0.0

    def update(self, dt: float) -> None:
        if not self.loaded:
            if self._first_frame is None:
                self._first_frame = self.ctx.frames
            elif self.ctx.frames > self._first_frame:  # "Loading…" is on screen: load now
                flow.catalog(self.ctx)
                self.loaded = True
                self.changed()
        super().update(dt)

    def facts(self) -> dict[str, tuple[float | None, bool]]:
        """Per scenario id: the player's best score and whether it may be started (once)."""
        if self._facts is None:
            ctx = self.ctx
            scenarios = [e.scenario for e in flow.catalog(ctx) if e.scenario is not None]
            keeper = flow.keeper(ctx)
            playable = keeper.playable(ctx.player, scenarios) if keeper is not None else None
            best = ctx.best_score or (keeper.best_score if keeper is not None else
                                      (lambda player, scenario_id: None))
            self._facts = {s.id: (best(ctx.player, s.id), playable is None or s.id in playable)
                           for s in scenarios}
            flow.notify(ctx)
        return self._facts

    def describe(self, entry: object) -> Item:
        """One list item: the title, then language · difficulty · minutes · best score."""
        t = self.ctx.text
        scenario = getattr(entry, "scenario", None)
        if scenario is None:
            return Item(getattr(entry, "title"), enabled=False,
                        note=t.get("picker-broken", file=getattr(entry, "path")))
        best, playable = self.facts().get(scenario.id, (None, True))
        score = "—" if best is None else f"{best:.0f}"
        parts = [scenario.language.upper(), t.get(f"difficulty-{scenario.difficulty}"),
                 t.get("picker-minutes", n=scenario.minutes), t.get("picker-best", score=score)]
        if variants.cast_names(scenario):  # C fixes the cast for a class (play --cast NAME)
            fixed = self.ctx.casts.get(scenario.id)
            parts.append(t.get("picker-cast", name=fixed) if fixed
                         else t.get("picker-cast-drawn"))
        if not playable:
            source = next((e.scenario.title for e in flow.catalog(self.ctx)
                           if e.scenario is not None and e.scenario.referral is not None
                           and e.scenario.referral.leads_to == scenario.id), "")
            reason = (t.get("picker-locked", source=source) if source
                      else t.get("picker-locked-any"))
            parts.insert(0, reason)  # why first: the line may wrap
        return Item(scenario.title, enabled=playable, note=" · ".join(parts), value=entry,
                    locked=not playable)

    @property
    def subtitle(self) -> str:
        """The header's second line: who is playing."""
        return self.ctx.text.get("picker-player", name=self.ctx.player)

    def layout(self) -> None:
        ctx, t = self.ctx, self.ctx.text
        self.chrome.layout(ctx, [Hint("1–9", t.get("key-choose")),
                                 Hint("Enter", t.get("key-start"), pygame.K_RETURN),
                                 Hint("C", t.get("key-cast"), pygame.K_c),
                                 Hint("Esc", t.get("key-back"), pygame.K_ESCAPE)],
                           title=t.get("app-title"), subtitle=self.subtitle)
        if self.loaded:
            focus = self.menu.focus
            entries = ordered(flow.catalog(ctx), ctx.language)
            self.menu.set_items([self.describe(e) for e in entries])
            if 0 <= focus < len(self.menu.items) and self.menu.items[focus].enabled:
                self.menu.focus = focus
        body = self.chrome.body
        top = body.y + ctx.fonts.line_height("title") + ctx.px(16)
        area = pygame.Rect(body.x, top, min(body.w, ctx.px(900)), body.bottom - top)
        area.centerx = body.centerx
        self.menu.layout(area, ctx.fonts, ctx.theme, ctx.px(12), ctx.px(10),
                         behind=ctx.theme.background)

    def handle_event(self, event: pygame.event.Event) -> None:
        if self.chrome.handle_event(event):
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            flow.player_name(self.ctx)
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_c and self.loaded:
            self.next_cast()
            return
        chosen = self.menu.handle_event(event)
        if chosen is not None:
            self.ctx.sounds.play("click")
            entry = self.menu.items[chosen].value
            flow.choose_scenario(self.ctx, entry.scenario, entry.path)

    def next_cast(self) -> None:
        """C: the focused scenario's next cast (drawn by the seed → each named cast → drawn),
        so a trainer can give a whole class the same buying centre."""
        items = self.menu.items
        if not 0 <= self.menu.focus < len(items) or items[self.menu.focus].value is None:
            return
        scenario = getattr(items[self.menu.focus].value, "scenario", None)
        names = variants.cast_names(scenario) if scenario is not None else []
        if not names:
            return
        order: list[str | None] = [None, *names]
        now = self.ctx.casts.get(scenario.id)
        following = order[(order.index(now) + 1) % len(order)]
        if following is None:
            self.ctx.casts.pop(scenario.id, None)
        else:
            self.ctx.casts[scenario.id] = following
        self.changed()

    def draw(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        theme, fonts, t = ctx.theme, ctx.fonts, ctx.text
        surface.fill(theme.background)
        self.chrome.draw_header(surface, ctx, t.get("app-title"), self.subtitle)
        body = self.chrome.body
        head = fonts.render(t.get("picker-heading"), "title", theme.text)
        surface.blit(head, (self.menu.area.x, body.y))
        if not self.loaded:
            message = t.get("picker-loading")
        elif not self.menu.items:
            folder = ctx.scenario_folder or "scenarios/"
            message = t.get("picker-none", folder=str(folder))
        else:
            message = ""
        if message:
            note = fonts.render(message, "body", theme.muted, self.menu.area.w)
            surface.blit(note, (self.menu.area.x, self.menu.area.y))
        self.menu.draw(surface, fonts, theme)
        self.chrome.draw_footer(surface, ctx)
