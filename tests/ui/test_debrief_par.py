"""Par on the window's debrief: "working out par…" until the background search ends, then one
redraw with "Par … · you …" and a tick on the total's bar; at once when the cache knows it;
nothing drawn while the window waits. Searches are held by an Event, never timed."""
from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pygame
import pytest

from game.analysis.par import Par
from game.analysis.par_cache import KnownPar, ParCache
from game.cli import main
from game.loader import load_scenario
from game.schema import Scenario
from game.ui.app import App
from game.ui.fonts import STYLES
from game.ui.par_watch import PAR_READY, ParWatch
from game.ui.strings import UIText
from tests.conftest import MINI
from tests.ui.conftest import settle, start
from tests.ui.test_debrief import finish_mini

WAIT = 60.0


class HeldSearch:
    """A stand-in for find_par: par 95.5 (approximate), once the test releases it."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.calls = 0

    def __call__(self, scenario: Any, seed: int, *, budget: int, width: int) -> Par:
        self.calls += 1
        assert self.release.wait(WAIT), "the test never released the search"
        return Par(95.5, (), False, 0, "won", 3)


@pytest.fixture
def held(app: App, tmp_path: Path) -> Iterator[HeldSearch]:
    """Par on in this window, found by a held stand-in search (in the service's thread)."""
    search = HeldSearch()
    app.ctx.par = ParWatch(runner="thread", cache=ParCache(tmp_path / "par", search=search))
    yield search
    search.release.set()
    app.ctx.par.close()


def tick_drawn(app: App) -> bool:
    """Whether the par tick is painted on the total's bar (at 95.5 % of its width)."""
    screen = app.top
    track = screen.total_bar
    x = track.x + round(track.w * 0.955)
    surface = pygame.display.get_surface()
    return surface.get_at((x, track.y - app.ctx.px(2)))[:3] == app.ctx.theme.text


def test_the_debrief_says_par_is_coming_then_shows_it_with_one_redraw(
        app: App, mini: Scenario, held: HeldSearch) -> None:
    finish_mini(app, mini)
    screen = app.top
    assert screen.par.working and not screen.settled
    assert screen.shot_name == "debrief-working"
    assert not tick_drawn(app)
    frames = app.frames
    settle(app, 5)
    assert app.frames == frames  # waiting for par draws nothing

    held.release.set()
    woken = pygame.event.wait(int(WAIT * 1000))  # what a sleeping window would wake up to
    assert woken.type == PAR_READY
    assert app.ctx.par.state(app.ctx.session).known == KnownPar(95.5, False)
    pygame.event.post(woken)
    settle(app)
    assert app.frames == frames + 1
    assert screen.par.known == KnownPar(95.5, False) and screen.settled
    assert screen.shot_name == "debrief"
    assert tick_drawn(app)
    settle(app, 5)
    assert app.frames == frames + 1  # and nothing more after it
    assert held.calls == 1


def test_a_cached_par_is_on_the_first_frame(app: App, mini: Scenario, tmp_path: Path) -> None:
    cache = ParCache(tmp_path / "par", search=HeldSearch())
    cache.put(cache.key(mini, 1), KnownPar(91.9, True))
    app.ctx.par = ParWatch(runner="thread", cache=cache)
    finish_mini(app, mini)
    assert app.top.par.known == KnownPar(91.9, True) and app.top.shot_name == "debrief"
    assert tick_drawn(app) is False  # 91.9, not 95.5: the tick is elsewhere
    track = app.top.total_bar
    x = track.x + round(track.w * 0.919)
    assert pygame.display.get_surface().get_at((x, track.y - app.ctx.px(2)))[:3] == \
        app.ctx.theme.text
    app.ctx.par.close()


def test_replay_reuses_the_search_under_way(app: App, mini: Scenario, held: HeldSearch) -> None:
    finish_mini(app, mini)
    settle(app)
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_r, mod=0, unicode="r",
                                         scancode=0))
    settle(app)
    assert app.top.name == "briefing"
    held.release.set()
    assert app.ctx.par.wait(app.ctx.session, WAIT).known == KnownPar(95.5, False)
    assert held.calls == 1


def test_other_screens_ignore_the_wake_up(app: App, mini: Scenario, held: HeldSearch) -> None:
    start(app, mini)
    frames = app.frames
    pygame.event.post(pygame.event.Event(PAR_READY))
    settle(app)
    assert app.top.name == "meeting" and app.frames == frames


def test_without_par_the_debrief_has_no_par_row(app: App, mini: Scenario) -> None:
    finish_mini(app, mini)
    assert "par" not in app.top.spots and app.top.settled


def test_par_words_in_both_languages_and_the_font_has_them() -> None:
    en, es = UIText("en"), UIText("es")
    assert en.get("debrief-par", par="≈95.5", you="72.0") == "Par ≈95.5 · you 72.0"
    assert es.get("debrief-par", par="≈95.5", you="72.0") == "Par ≈95.5 · tú 72.0"
    # a par not proven is never called par
    assert en.get("debrief-best", par="≈95.5", you="72.0") == "Best found ≈95.5 · you 72.0"
    assert es.get("debrief-best", par="≈95,5", you="72,0") == "Mejor encontrada ≈95,5 · tú 72,0"
    assert "puntuación" in es.get("debrief-par-exact")
    assert es.get("debrief-par-working").startswith("Calculando el par")
    pygame.font.init()
    from game.ui.fonts import Fonts

    fonts = Fonts()
    for style in STYLES:
        assert fonts.has_glyphs("≈…·—úñ", style)


def test_autoplay_waits_for_par_and_writes_it_to_the_result(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The real thing: the worker process finds mini's par while the preview plays."""
    monkeypatch.setenv("QUALIFIED_DATA_DIR", str(tmp_path / "data"))  # nothing cached yet
    monkeypatch.delenv("QUALIFIED_PAR_CACHE", raising=False)  # the data folder's own cache
    shots, result = tmp_path / "shots", tmp_path / "result.json"
    code = main(["play", str(MINI), "--autoplay", "--seed", "2", "--screenshots", str(shots),
                 "--result-json", str(result)])
    assert code == 0
    names = sorted(p.name for p in shots.glob("*.png"))
    assert names[-1].endswith("-debrief.png") and not any("working" in n for n in names)
    data = json.loads(result.read_text(encoding="utf-8"))
    assert data["par"] == {"total": 91.9, "exact": True}
    assert list(data).index("par") == list(data).index("score") + 1
    assert ParCache(tmp_path / "data").get(load_scenario(MINI).scenario, 2) == \
        KnownPar(91.9, True)


def test_an_attempt_above_the_best_found_is_the_new_best(app: App, mini: Scenario,
                                                         tmp_path: Path) -> None:
    """A best found below the trainee's own score is never shown as par: the debrief says
    "New best", and the cache keeps the attempt's score for the next one."""
    cache = ParCache(tmp_path / "par", search=HeldSearch())
    cache.put(cache.key(mini, 1), KnownPar(40.0, False))
    app.ctx.par = ParWatch(runner="thread", cache=cache)
    drawn: list[str] = []
    original = app.ctx.fonts.render_fit

    def spy(text: str, *args: Any, **kwargs: Any) -> pygame.Surface:
        drawn.append(text)
        return original(text, *args, **kwargs)

    app.ctx.fonts.render_fit = spy  # type: ignore[method-assign]
    finish_mini(app, mini)
    total = app.top.report.score.total
    assert app.top.par.was == KnownPar(40.0, False)
    assert app.top.par.known == KnownPar(total, False)
    assert f"New best: you {total:.1f} (best found was ≈40.0)" in drawn
    assert ParCache(tmp_path / "par").get(mini, 1) == KnownPar(total, False)
    app.ctx.par.close()
