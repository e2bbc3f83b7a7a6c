"""`play PATH --autoplay`: the real window, driven by posted key events, to the debrief."""
from __future__ import annotations

import json
from pathlib import Path

import pygame
import pytest

from game.cli import main
from game.ui.app import App
from game.ui.autoplay import Autoplay
from tests.conftest import MINI, ROOT


def run_autoplay(tmp_path: Path, path: Path, seed: int) -> tuple[int, list[str], dict]:
    shots, result = tmp_path / "shots", tmp_path / "result.json"
    code = main(["play", str(path), "--autoplay", "--seed", str(seed),
                 "--screenshots", str(shots), "--result-json", str(result)])
    names = sorted(p.name for p in shots.glob("*.png"))
    return code, names, json.loads(result.read_text(encoding="utf-8"))


def test_autoplay_on_mini_reaches_the_debrief_with_screenshots_and_result(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, names, result = run_autoplay(tmp_path, MINI, 1)
    assert code == 0
    kinds = {name.split("-", 1)[1].removesuffix(".png") for name in names}
    assert {"briefing", "between-meetings", "meeting", "board", "debrief"} <= kinds
    assert kinds & {"close-won", "close-failed"}, names
    assert names[-1].endswith("debrief.png")
    for name in names:  # real 1280×720 pictures
        assert pygame.image.load(str(tmp_path / "shots" / name)).get_size() == (1280, 720)
    assert result["scenario"] == "mini" and result["seed"] == 1
    assert result["outcome"] in ("won", "lost")
    assert 0 <= result["score"]["total"] <= 100
    assert result["path"] and any(p["kind"] == "tag" for p in result["path"])
    assert any(p.get("tactic") == "close" for p in result["path"])
    assert "autoplay:" in capsys.readouterr().out


def test_autoplay_is_deterministic_for_a_seed(tmp_path: Path) -> None:
    _, _, first = run_autoplay(tmp_path / "a", MINI, 4)
    _, _, second = run_autoplay(tmp_path / "b", MINI, 4)
    assert first["path"] == second["path"]


@pytest.mark.parametrize("path", sorted((ROOT / "scenarios").glob("*.yaml")),
                         ids=lambda p: p.stem)
def test_autoplay_plays_every_bundled_scenario_to_the_end(tmp_path: Path, path: Path) -> None:
    code, names, result = run_autoplay(tmp_path, path, 2)
    assert code == 0 and names[-1].endswith("debrief.png")
    assert result["outcome"] in ("won", "lost")


def test_the_policy_uses_key_events_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """The driver touches the game only through the event queue."""
    posted: list[int] = []
    monkeypatch.setattr(pygame.event, "post", lambda e: posted.append(e.type) or True)
    driver = Autoplay(1)

    class Top:
        name = "briefing"

    class FakeApp:
        top = Top()

    driver.step(FakeApp())  # type: ignore[arg-type]
    assert posted == [pygame.KEYDOWN, pygame.KEYUP]
    assert isinstance(App, type)


@pytest.mark.parametrize("name", ["tutorial-first-deal", "supermercados-lozano"])
def test_a_preview_reaches_a_won_close_and_the_referral(tmp_path: Path, name: str) -> None:
    code, names, result = run_autoplay(tmp_path, ROOT / "scenarios" / f"{name}.yaml", 0)
    assert code == 0 and result["outcome"] == "won"
    kinds = {n.split("-", 1)[1].removesuffix(".png") for n in names}
    assert {"close-won", "referral", "board", "debrief"} <= kinds


def test_a_preview_searches_par_once_and_starts_no_worker(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The preview's own search (for the path it plays) is par: the debrief shows it without a
    second search in a worker process."""
    from game.analysis import par_service

    monkeypatch.setenv("QUALIFIED_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("QUALIFIED_PAR_CACHE", str(tmp_path / "par"))
    started: list[object] = []

    def no_worker() -> None:
        started.append(1)
        raise AssertionError("a preview must not start a par worker")

    monkeypatch.setattr(par_service, "_Worker", no_worker)
    _, _, result = run_autoplay(tmp_path, MINI, 1)
    assert started == []
    assert result["par"] is not None
