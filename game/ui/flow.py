"""Which screen comes after which: title → name → picker → briefing → meetings (with the deal
board, the close outcome and the pause menu on top) → debrief → replay / next.

Screens call these instead of importing each other, so there are no import cycles and the whole
route reads in one place. Screen modules are imported lazily: the title shows before the engine
(pydantic, numpy) is even loaded.
"""
from __future__ import annotations

import os
import secrets
from typing import Any

from game.ui.context import Context

PREVIEW_PAR_WAIT = 60.0  # seconds an autoplay preview waits for par (a search takes 1–4 s)


def title(ctx: Context) -> None:
    """The title screen (closing the window in `play PATH` mode)."""
    if ctx.play_mode:
        ctx.nav.stop()
        return
    from game.ui.screens.title import TitleScreen

    ctx.session = None
    ctx.relayout()
    ctx.nav.reset(TitleScreen(ctx))


def player_name(ctx: Context) -> None:
    """Ask for the player's name."""
    from game.ui.screens.name import NameScreen

    ctx.nav.reset(NameScreen(ctx))


def picker(ctx: Context) -> None:
    """The scenario picker."""
    from game.ui.screens.picker import PickerScreen

    ctx.session = None
    ctx.relayout()
    ctx.nav.reset(PickerScreen(ctx))


def keeper(ctx: Context) -> Any:
    """The window's link to the results store (None when this run keeps nothing)."""
    if ctx.keeper is None and ctx.keep_attempts:
        from game.ui.keep import Keeper

        ctx.keeper = Keeper(ctx.data_dir)
    return ctx.keeper


def choose_scenario(ctx: Context, scenario: Any, path: str | None = None) -> None:
    """From the picker: offer to resume an unfinished attempt, else start a new one."""
    found = keeper(ctx)
    attempt = found.unfinished(ctx.player, scenario.id) if found is not None else None
    if attempt is None:
        start(ctx, scenario, path=path)
        return
    from game.ui.screens.resume import ResumeScreen

    ctx.nav.push(ResumeScreen(ctx, scenario, path, attempt))


def start(ctx: Context, scenario: Any, seed: int | None = None, path: str | None = None) -> None:
    """A new attempt at `scenario` (a Scenario or a Runtime): show its briefing."""
    from game.ui.session import Session

    chosen = seed if seed is not None else secrets.randbelow(1_000_000)
    base = getattr(scenario, "scenario", scenario)  # a Runtime or a Scenario
    cast = ctx.casts.get(base.id) if seed is None else None
    if cast is not None:  # fixed in the picker: the first seed from here that draws it
        from game import variants

        chosen = variants.seed_with_cast(base, cast, chosen) or chosen
    found = keeper(ctx) if ctx.player else None
    _begin(ctx, Session.start(scenario, chosen, ctx.player, path=path, keeper=found))


def resume(ctx: Context, scenario: Any, attempt: Any) -> None:
    """Continue an unfinished attempt from the store; start over if it cannot be replayed."""
    from game.runtime import Runtime
    from game.ui.session import Session

    rt = scenario if isinstance(scenario, Runtime) else Runtime(scenario)
    session = Session.resume(rt, attempt, keeper(ctx))
    if session is None:
        start(ctx, rt, path=attempt.scenario_path)
        return
    _begin(ctx, session)


def _begin(ctx: Context, session: Any) -> None:
    from game.ui.screens.briefing import BriefingScreen

    ctx.session = session
    if ctx.par is not None:  # par for the debrief, worked out in the background from now
        ctx.par.start(session)
    ctx.relayout()  # the language may follow the new scenario
    notify(ctx)
    ctx.nav.reset(BriefingScreen(ctx))


def notify(ctx: Context) -> None:
    """Show what the store has to say (saving problems, a newly unlocked scenario)."""
    session = ctx.session
    if session is None:
        return
    for message in session.notices():
        ctx.toast(message, 5.0)
    if session.unlocked:
        ids = ", ".join(sorted(session.unlocked))
        session.unlocked = set()
        ctx.toast(ctx.text.get("toast-unlocked", ids=ids), 4.0)


def meetings(ctx: Context) -> None:
    """From the briefing to the meeting screen."""
    from game.ui.screens.meeting import MeetingScreen

    ctx.nav.reset(MeetingScreen(ctx))


def board(ctx: Context) -> None:
    """Open the deal board over the current screen."""
    from game.ui.screens.board import BoardScreen

    ctx.sounds.play("open")
    ctx.nav.push(BoardScreen(ctx))


def pause(ctx: Context) -> None:
    """Open the pause menu."""
    from game.ui.screens.pause import PauseScreen

    ctx.nav.push(PauseScreen(ctx))


def outcome(ctx: Context, lines: list[Any]) -> None:
    """Show the result of a close attempt (or of the attempt's end) over the meeting screen."""
    from game.ui.screens.outcome import OutcomeScreen

    ctx.nav.push(OutcomeScreen(ctx, lines))


def debrief(ctx: Context) -> None:
    """The debrief of the finished attempt (an autoplay preview first waits for par, so that
    its picture shows it: nobody is there to keep waiting)."""
    from game.ui.screens.debrief import DebriefScreen

    if ctx.autoplay and ctx.par is not None and ctx.session is not None:
        ctx.par.wait(ctx.session, PREVIEW_PAR_WAIT)
    notify(ctx)
    ctx.nav.reset(DebriefScreen(ctx))


def replay(ctx: Context) -> None:
    """Play the same scenario again, same seed."""
    assert ctx.session is not None
    start(ctx, ctx.session.runtime, ctx.session.seed, ctx.session.path)


def restart(ctx: Context) -> None:
    """Start the scenario over (the store closes the interrupted attempt as abandoned)."""
    replay(ctx)


def reload(ctx: Context) -> None:
    """F5: read the scenario file again and start it over with the same seed (a fresh attempt,
    at its briefing). If the file now has errors, show them and leave the attempt under way
    exactly as it was; F5 on that screen tries again."""
    session = ctx.session
    if session is None:
        return
    if not session.path:
        ctx.toast(ctx.text.get("toast-reload-no-file"), 3.0)
        return
    from game.reload import reload_scenario
    from game.ui.screens.reload_errors import ReloadErrorScreen

    reloaded = reload_scenario(session.path)
    top = ctx.nav.top
    if reloaded.scenario is None:
        ctx.sounds.play("bad")
        if isinstance(top, ReloadErrorScreen):
            top.show(reloaded)
            ctx.toast(ctx.text.get("toast-reload-still"), 2.0)
        else:
            ctx.nav.push(ReloadErrorScreen(ctx, reloaded))
        return
    ctx.catalog = None  # the picker reads the folder again
    start(ctx, reloaded.scenario, session.seed, session.path)
    name = os.path.basename(session.path)
    warnings = len(reloaded.problems)
    ctx.toast(ctx.text.get("toast-reloaded-warnings", file=name, n=warnings, seed=session.seed)
              if warnings else ctx.text.get("toast-reloaded", file=name, seed=session.seed), 4.0)


def next_scenario(ctx: Context) -> None:
    """After a debrief: the scenario a won referral leads to, else the picker."""
    session = ctx.session
    if session is not None and session.game.state.referral == "won":
        lead = session.scenario.referral.leads_to if session.scenario.referral else None
        if lead:
            from game.ui.catalog import find_by_id

            entry = find_by_id(catalog(ctx), lead)
            if entry is not None and entry.scenario is not None:
                start(ctx, entry.scenario, path=entry.path)
                return
    if ctx.play_mode:
        ctx.nav.stop()
    else:
        picker(ctx)


def home(ctx: Context) -> None:
    """Quit to the title screen (or close the window in `play PATH` mode). Every action is
    already in the store, so the attempt stays there, resumable from the picker."""
    title(ctx)


def close_window(ctx: Context) -> None:
    """The window's close button: stop (the attempt is already kept)."""
    if ctx.keeper is not None:
        ctx.keeper.close()
    ctx.nav.stop()


def catalog(ctx: Context) -> list[Any]:
    """The bundled scenarios, loaded once per window."""
    if ctx.catalog is None:
        from game.ui.catalog import load_catalog

        ctx.catalog = load_catalog(ctx.scenario_folder)
    return ctx.catalog
