"""The game window from the command line: `python main.py` (title → name → picker → …) and
`python main.py play PATH` without --text (straight to the briefing; --autoplay,
--screenshots DIR and --result-json FILE for previews and tests).

Importing this module imports pygame; nothing else in game/cli does.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any


def pygame_ready() -> bool:
    """True when pygame can be imported; else say what to do (on stderr) and return False."""
    try:
        import game.ui  # noqa: F401  (quiets pygame's banner first)
        import pygame  # noqa: F401
    except ModuleNotFoundError as exc:
        if exc.name != "pygame":
            raise
        print("the game window needs pygame-ce, which is not installed here: run "
              "`.venv/bin/pip install -r requirements.txt`, or play in the terminal with "
              "`python main.py play PATH --text`", file=sys.stderr)
        return False
    return True


def _headless_if_needed(autoplay: bool) -> None:
    """Autoplay needs no screen: use SDL's dummy drivers when there is no display."""
    if autoplay and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
        os.environ.setdefault("SDL_AUDIODRIVER", "dummy")


def no_display() -> str | None:
    """Why a window cannot be seen here, or None: on Linux without X or Wayland (and no SDL
    driver chosen), SDL would fall back to an invisible offscreen window and wait for ever."""
    if not sys.platform.startswith("linux") or os.environ.get("SDL_VIDEODRIVER"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return ("there is no display here (neither DISPLAY nor WAYLAND_DISPLAY is set), so the game "
            "window could not be seen. Play in the terminal: `python main.py play PATH --text` "
            "(for example `python main.py play scenarios/tutorial-first-deal.yaml --text`), or "
            "preview a scenario headless: `python main.py play PATH --autoplay --screenshots DIR`")


def _make_app(**kwargs: Any) -> Any:
    reason = no_display() if kwargs.get("driver") is None else None
    if reason is not None:
        print(f"cannot open the game window: {reason}", file=sys.stderr)
        return None
    import game.ui  # noqa: F401  (quiets pygame's banner before pygame is imported)
    import pygame

    from game.ui.app import App

    try:
        return App(**kwargs)
    except pygame.error as exc:
        print(f"cannot open the game window: {exc}. On a machine without a screen, use "
              "`python main.py play PATH --text`, or --autoplay for a headless preview.",
              file=sys.stderr)
        return None


def _saved_settings() -> tuple[Any, Path | None, str | None]:
    """The player's settings from the last run, their file, and a notice if it was damaged."""
    from game.ui.context import Settings
    from game.ui.prefs import load_settings, settings_path

    try:
        path = settings_path()
    except RuntimeError as exc:  # QUALIFIED_DATA_DIR=~nouser/x: play on, nothing kept
        print(exc, file=sys.stderr)
        return Settings(), None, str(exc)
    settings, notice = load_settings(path)
    if notice:
        print(notice, file=sys.stderr)
    return settings, path, notice


def open_window(scenario_folder: Path | None = None) -> int:
    """Open the window on the title screen and wait for the player. Returns the exit code."""
    settings, settings_file, notice = _saved_settings()
    app = _make_app(settings=settings, settings_file=settings_file)
    if app is None:
        return 1
    from game.ui import flow
    from game.ui.par_watch import ParWatch

    app.ctx.scenario_folder = scenario_folder
    app.ctx.par = ParWatch(app.ctx.data_dir)  # par on the debrief, searched in the background
    if notice:
        app.ctx.toast(notice, 8.0)
    flow.title(app.ctx)
    try:
        app.run()
    finally:
        app.ctx.par.close()
    return 0


def _begin(ctx: Any, args: argparse.Namespace, scenario: Any, seed: int) -> None:
    """Start, resume (--resume) or offer to resume the player's attempt, as `play --text` does."""
    from game.ui import flow

    path = getattr(args, "path", None)
    keeper = flow.keeper(ctx) if ctx.player else None
    attempt = None
    if keeper is not None and not getattr(args, "new", False):
        attempt = keeper.unfinished(ctx.player, scenario.id)
    if attempt is None:
        print(f"(seed {seed} — replay this attempt with --seed {seed})")
        flow.start(ctx, scenario, seed, path=path)
    elif getattr(args, "resume", False):
        flow.resume(ctx, scenario, attempt)
    else:
        from game.ui.screens.resume import ResumeScreen

        ctx.nav.reset(ResumeScreen(ctx, scenario, path, attempt))


def screenshot_folder_problem(folder: str) -> str | None:
    """None when `folder` is (or now is, created) a folder screenshots can be saved in; else
    what is wrong and what to do."""
    path = Path(folder)
    if path.exists() and not path.is_dir():
        return "is a file, not a folder; give a folder for the PNG files (it is created)"
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return (f"cannot create the folder ({exc.strerror or exc}); give a folder you can "
                f"write to")
    if not os.access(path, os.W_OK):
        return "is a folder you cannot write to; give another"
    return None


def play_window(args: argparse.Namespace, scenario: Any, seed: int) -> int:
    """Play `scenario` in the window from its briefing (`play PATH`). Returns the exit code."""
    autoplay = bool(getattr(args, "autoplay", False))
    _headless_if_needed(autoplay)
    shots = getattr(args, "screenshots", None)
    if shots is not None:
        problem = screenshot_folder_problem(shots)
        if problem is not None:
            print(f"--screenshots {shots}: {problem}", file=sys.stderr)
            return 2
    from game.ui.context import Settings

    driver, settings_file, notice, found = None, None, None, None
    lang = getattr(args, "lang", None)
    if autoplay:  # a preview looks the same on every machine: default settings, none kept
        from game.analysis.par import find_par
        from game.ui.autoplay import Autoplay

        # the preview plays the best path found (a scenario that defeats shallow readers is
        # won no other way without a person), the reading policy past where it stops fitting
        found = find_par(scenario, seed)
        driver = Autoplay(seed, path=found.path)
        settings = Settings(language=lang, muted=True)
    else:
        settings, settings_file, notice = _saved_settings()
        settings.language = lang or settings.language
    app = _make_app(settings=settings, screenshots=Path(shots) if shots else None, driver=driver,
                    settings_file=settings_file)
    if app is None:
        return 1
    from game.ui import flow
    from game.ui.par_watch import ParWatch

    ctx = app.ctx
    if notice:
        ctx.toast(notice, 8.0)
    ctx.par = ParWatch(ctx.data_dir)  # par on the debrief, searched in the background
    if found is not None:  # the preview's own search is par: no second one in a worker
        from game.analysis.par_cache import KnownPar, ParCache

        cache = ParCache(ctx.data_dir)
        cache.put(cache.key(scenario, seed), KnownPar(found.total, found.exact))
        ctx.par = ParWatch(ctx.data_dir, cache=cache)
    ctx.play_mode = True
    ctx.autoplay = autoplay
    ctx.keep_attempts = not autoplay
    ctx.player = " ".join((getattr(args, "player", None) or "").split())
    _begin(ctx, args, scenario, seed)
    try:
        app.run()
    finally:
        ctx.par.close()
    session = ctx.session
    if session is None:
        return 0
    result_json = getattr(args, "result_json", None)
    if result_json:
        from game.result import result_dict, write_json_atomically

        try:
            write_json_atomically(result_json, result_dict(session.game, ctx.player or None,
                                                           ctx.par.state(session).known))
        except OSError as exc:
            print(f"{result_json}: cannot write the result: {exc.strerror or exc}",
                  file=sys.stderr)
            return 1
    if autoplay:
        state = session.game.state
        total = session.debrief().score.total
        where = f"; screenshots in {shots}" if shots else ""
        print(f"autoplay: {state.outcome or 'abandoned'}, score {total:.1f}/100 after "
              f"{len(state.path)} steps{where}")
    return 0
