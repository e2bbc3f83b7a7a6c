"""Every screen of every bundled scenario looked at as a trainee would (issue #13), headless
(SDL's dummy video driver): the window plays each scenario as the autoplay preview does (par's
best path, the reading policy where it stops fitting), and at the first settled moment of each
screen — briefing, between meetings, a meeting (a few choices in), the deal board, the pause
menu, each close or referral outcome, the debrief (par known) — it is laid out and drawn at
every window size of SIZES, every text size Ctrl +/− steps through, and in both themes; the
title, name and picker screens in English and Spanish too (during an attempt the window speaks
the scenario's language only, and the bundled scenarios are in both).

For each screen it prints the smallest text drawn (px, its style, and where: window size,
text size, theme, language) and the smallest body text, and the frame time: the median and
worst CPU ms of a whole frame drawn again without a change, and of the frame that lays the
screen out after a setting changes. The figures are for issue notes (design.md §7: body text
never below 14 px; the meeting screen's frame ≤ 1 ms at 1280×720). Portraits' initials are
pictures, not text, and are left out.

    .venv/bin/python bench/ui_review.py [--scenario PATH ...] [--shots DIR] [--all] [--json]

--shots DIR saves each screen at every window size at 100 % and at 150 % text, and in high
contrast at 1280×720, as DIR/<scenario>/<screen>-<size>-<text %>[-hc].png.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.update({"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy",
                   "PYGAME_HIDE_SUPPORT_PROMPT": "1"})

import pygame  # noqa: E402

from game.ui.fonts import TEXT_SCALES  # noqa: E402

SIZES = ((800, 480), (1280, 720), (1920, 1080))
LANGUAGES = ("en", "es")
BODY_STYLES = frozenset({"body", "strong"})
DEFAULT_SCALE = TEXT_SCALES.index(1.0)
MEETING_AFTER = 3   # the meeting is looked at once this many choices have been made
STEADY_FRAMES = 5   # frames drawn again without a change, per setting (the median is kept)
SHOT_SCALES = (DEFAULT_SCALE, len(TEXT_SCALES) - 1)


@dataclass(frozen=True)
class Look:
    """One screen at one setting: the smallest text drawn (px, style, the text), the smallest
    body text (0: none drawn), and the CPU ms of the layout frame and of a steady frame."""

    scenario: str
    screen: str
    size: str
    language: str
    text_pct: int
    contrast: bool
    min_px: int
    min_style: str
    min_text: str
    body_px: int
    layout_ms: float
    frame_ms: float


class Spy:
    """Every text the window's fonts render while it listens: its style and pixel size."""

    def __init__(self, fonts: Any) -> None:
        self.fonts = fonts
        self.real = fonts.render
        self.drawn: list[tuple[int, str, str]] = []
        fonts.render = self._render

    def _render(self, text: str, style: str, *args: Any, **kwargs: Any) -> pygame.Surface:
        if text.strip():
            self.drawn.append((self.fonts.px(style), style, text))
        return self.real(text, style, *args, **kwargs)

    def take(self) -> list[tuple[int, str, str]]:
        """What was drawn since the last call."""
        drawn, self.drawn = self.drawn, []
        return drawn


def _resize(app: Any, size: tuple[int, int]) -> None:
    """Resize the window as a player would (the app hears a size-changed event)."""
    if app.ctx.size == size:
        return
    pygame.display.set_mode(size, pygame.RESIZABLE)
    # handed to the app directly: a pass of its loop would let the autoplay driver press on
    app.dispatch(pygame.event.Event(pygame.WINDOWSIZECHANGED, x=size[0], y=size[1]))


def _settings(app: Any, scale: int, contrast: bool, language: str | None) -> None:
    settings = app.ctx.settings
    settings.text_scale, settings.high_contrast = scale, contrast
    if language is not None:
        settings.language = language
    app.ctx.toast_text, app.ctx.toast_left = "", 0.0
    app.ctx.relayout()


def _cpu_ms(action: Callable[[], None]) -> float:
    start = time.process_time()
    action()
    return 1000 * (time.process_time() - start)


def look_everywhere(app: Any, spy: Spy, scenario: str, screen: str,
                    languages: tuple[str | None, ...], shots: Path | None) -> Iterator[Look]:
    """Lay the screen on top out and draw it at every setting; yield what each drew."""
    ctx = app.ctx
    size_before = ctx.size
    language_before = ctx.settings.language
    for language in languages:
        for size in SIZES:
            _resize(app, size)
            for scale in range(len(TEXT_SCALES)):
                for contrast in (False, True):
                    _settings(app, scale, contrast, language)
                    spy.take()
                    layout = _cpu_ms(app.render)  # lays out (a new epoch) and draws
                    drawn = spy.take()
                    steady = []
                    for _ in range(STEADY_FRAMES):
                        ctx.redraw()
                        steady.append(_cpu_ms(app.render))
                    spy.take()
                    if not drawn:
                        continue
                    px, style, text = min(drawn)
                    body = min((p for p, s, _ in drawn if s in BODY_STYLES), default=0)
                    yield Look(scenario, screen, f"{size[0]}x{size[1]}", ctx.language,
                               round(100 * TEXT_SCALES[scale]), contrast, px, style, text[:60],
                               body, round(layout, 3), round(statistics.median(steady), 3))
                    if shots is not None and _wanted_shot(size, scale, contrast):
                        _save(app, shots / scenario, screen, size, scale, contrast, language)
    _resize(app, size_before)
    _settings(app, DEFAULT_SCALE, False, language_before)
    app.render()


def _wanted_shot(size: tuple[int, int], scale: int, contrast: bool) -> bool:
    if contrast:
        return size == (1280, 720) and scale == DEFAULT_SCALE
    return scale in SHOT_SCALES


def _save(app: Any, folder: Path, screen: str, size: tuple[int, int], scale: int,
          contrast: bool, language: str | None) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    name = (f"{screen}-{size[0]}x{size[1]}-{round(100 * TEXT_SCALES[scale])}"
            f"{'-hc' if contrast else ''}{'-' + language if language else ''}.png")
    pygame.image.save(app.surface, str(folder / name))


# --- the screens outside an attempt -----------------------------------------------------------


def review_outside(shots: Path | None) -> list[Look]:
    """The title, name and picker screens, in both languages."""
    from game.ui import flow
    from game.ui.app import App
    from game.ui.context import Settings

    looks: list[Look] = []
    with tempfile.TemporaryDirectory(prefix="qualified-review-") as data:
        app = App(settings=Settings(muted=True))
        app.ctx.data_dir = Path(data)
        app.ctx.player = "Íñigo"
        spy = Spy(app.ctx.fonts)
        for screen, go in (("title", flow.title), ("name", flow.player_name),
                           ("picker", flow.picker)):
            go(app.ctx)
            for _ in range(4):  # the picker loads its list after its first frame
                app.step(block=False)
            looks += look_everywhere(app, spy, "-", screen, LANGUAGES, shots)
        if app.ctx.keeper is not None:
            app.ctx.keeper.close()
    return looks


# --- the screens of an attempt ----------------------------------------------------------------


def review_scenario(path: Path, seed: int, shots: Path | None) -> list[Look]:
    """Play `path` as the autoplay preview does and look at each of its screens once."""
    from game.analysis.par import find_par
    from game.analysis.par_cache import KnownPar, ParCache
    from game.loader import load_scenario
    from game.ui import flow
    from game.ui.app import App
    from game.ui.autoplay import Autoplay
    from game.ui.context import Settings
    from game.ui.par_watch import ParWatch

    scenario = load_scenario(path).scenario
    assert scenario is not None, f"{path} does not load"
    found = find_par(scenario, seed)
    looks: list[Look] = []
    done: set[str] = set()

    class Reviewer(Autoplay):
        def step(self, app: Any) -> None:
            top = app.top
            name = "debrief" if top is not None and top.name == "debrief" else (
                top.shot_name if top is not None else "")
            wanted = name and name not in done and not (
                name == "meeting" and len(app.ctx.session.game.state.path) < MEETING_AFTER)
            if wanted:
                if (app.ctx.needs_redraw or top.next_wakeup() is not None
                        or not getattr(top, "settled", True)):
                    return  # not settled yet: the loop draws and ticks meanwhile
                done.add(name)
                looks.extend(look_everywhere(app, spy, scenario.id, name, (None,), shots))
                if name == "meeting":  # the pause menu, over this meeting
                    flow.pause(app.ctx)
                    looks.extend(look_everywhere(app, spy, scenario.id, "pause", (None,),
                                                 shots))
                    app.ctx.nav.pop()
                    app.render()
            super().step(app)

    with tempfile.TemporaryDirectory(prefix="qualified-review-") as data:
        app = App(settings=Settings(muted=True), driver=Reviewer(seed, path=found.path))
        ctx = app.ctx
        ctx.data_dir = Path(data)
        cache = ParCache(Path(data))
        cache.put(cache.key(scenario, seed), KnownPar(found.total, found.exact))
        ctx.par = ParWatch(Path(data), cache=cache)
        ctx.play_mode = ctx.autoplay = True
        ctx.keep_attempts = False
        spy = Spy(ctx.fonts)
        flow.start(ctx, scenario, seed, str(path))
        try:
            app.run()
        finally:
            ctx.par.close()
    return looks


# --- the figures ------------------------------------------------------------------------------


def summary(looks: list[Look]) -> list[dict[str, Any]]:
    """Per screen and window size: the smallest text and body text, and frame times."""
    rows = []
    keys = sorted({(look.screen, look.size) for look in looks},
                  key=lambda k: (SCREEN_ORDER.get(k[0], 99), k[0], int(k[1].split("x")[0])))
    for screen, size in keys:
        some = [look for look in looks if look.screen == screen and look.size == size]
        least = min(some, key=lambda look: (look.min_px, look.text_pct))
        bodies = [look for look in some if look.body_px]
        body = min(bodies, key=lambda look: look.body_px) if bodies else None
        default = [look for look in some if look.text_pct == 100]
        frames = [look.frame_ms for look in some]
        layouts = [look.layout_ms for look in some]
        rows.append({
            "screen": screen, "size": size, "looks": len(some),
            "min_px": least.min_px, "min_style": least.min_style, "min_text": least.min_text,
            "min_where": f"{least.text_pct} %{' hc' if least.contrast else ''} "
                         f"{least.language} {least.scenario}",
            "body_px": body.body_px if body else 0,
            "min_px_100": min((look.min_px for look in default), default=0),
            "body_px_100": min((look.body_px for look in default if look.body_px), default=0),
            "frame_ms_median": round(statistics.median(frames), 2),
            "frame_ms_max": round(max(frames), 2),
            "layout_ms_median": round(statistics.median(layouts), 1),
            "layout_ms_max": round(max(layouts), 1)})
    return rows


SCREEN_ORDER = {name: i for i, name in enumerate(
    ("title", "name", "picker", "briefing", "between-meetings", "meeting", "board", "pause",
     "close-won", "close-failed", "referral", "game-over", "walked-away", "debrief"))}


def print_summary(rows: list[dict[str, Any]], looks: list[Look], seconds: float) -> None:
    """The table for an issue note."""
    print(f"{len(looks)} looks ({len({look.scenario for look in looks}) - 1} scenarios, "
          f"{len(SIZES)} window sizes, {len(TEXT_SCALES)} text sizes, 2 themes) "
          f"in {seconds:.0f} s")
    print("min px / body px: the smallest text and body text drawn at any text size (80–150 %),"
          " then at 100 %")
    print(f"{'screen':17} {'window':>9} {'min px':>6}  {'style':10} {'body px':>7}  "
          f"{'at 100 %':>8}  {'frame ms med/max':>16}  {'layout ms med/max':>17}  "
          "smallest where")
    for row in rows:
        print(f"{row['screen']:17} {row['size']:>9} {row['min_px']:>6}  {row['min_style']:10} "
              f"{row['body_px']:>7}  {row['min_px_100']:>3} / {row['body_px_100']:<2}  "
              f"{row['frame_ms_median']:>7.2f} / {row['frame_ms_max']:<6.2f}"
              f"  {row['layout_ms_median']:>7.1f} / {row['layout_ms_max']:<7.1f}  "
              f"{row['min_where']}")
    body = [look.body_px for look in looks if look.body_px]
    print(f"smallest text anywhere: {min(look.min_px for look in looks)} px; smallest body "
          f"text: {min(body) if body else 0} px")
    meeting = [look.frame_ms for look in looks if look.screen == "meeting"
               and look.size == "1280x720" and look.text_pct == 100 and not look.contrast]
    if meeting:
        print(f"meeting screen at 1280×720, 100 %: a whole frame {statistics.median(meeting):.2f} "
              f"ms CPU (median of {len(meeting)} scenarios)")


def main() -> int:
    """Review the screens and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scenario", type=Path, action="append", default=None,
                        help="a scenario file (repeatable; default: every bundled one)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--shots", type=Path, default=None, metavar="DIR")
    parser.add_argument("--all", action="store_true", help="print every look, not a summary")
    parser.add_argument("--json", action="store_true", help="every look as JSON")
    args = parser.parse_args()
    paths = args.scenario or sorted((ROOT / "scenarios").glob("*.yaml"))
    began = time.perf_counter()
    looks = review_outside(args.shots)
    for path in paths:
        looks += review_scenario(path, args.seed, args.shots)
        print(f"… {path.stem}", file=sys.stderr)
    seconds = time.perf_counter() - began
    if args.json:
        print(json.dumps([asdict(look) for look in looks], ensure_ascii=False))
        return 0
    if args.all:
        for look in looks:
            print(json.dumps(asdict(look), ensure_ascii=False))
    print_summary(summary(looks), looks, seconds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
