"""Settings kept between runs: text size, contrast, sound and language in settings.json in the
data folder; a damaged file is ignored with a notice, never a crash."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pygame
import pytest

from game.cli import window
from game.ui.app import App
from game.ui.context import Settings
from game.ui.fonts import TEXT_SCALES
from game.ui.prefs import load_settings, save_settings, settings_path
from tests.ui.conftest import press, settle


def test_the_file_lives_in_the_stores_data_folder(tmp_path: Path) -> None:
    assert settings_path(tmp_path) == tmp_path / "settings.json"


def test_the_default_folder_is_the_stores(monkeypatch: pytest.MonkeyPatch,
                                          tmp_path: Path) -> None:
    monkeypatch.setenv("QUALIFIED_DATA_DIR", str(tmp_path / "somewhere"))
    from game.store import default_data_dir

    assert settings_path() == default_data_dir() / "settings.json"


def test_saved_settings_come_back(tmp_path: Path) -> None:
    path = tmp_path / "data" / "settings.json"     # the folder does not exist yet
    saved = Settings(text_scale=TEXT_SCALES.index(1.3), high_contrast=True, muted=True,
                     language="es")
    assert save_settings(saved, path) is None
    assert json.loads(path.read_text(encoding="utf-8"))["text_size"] == 130
    assert load_settings(path) == (saved, None)


def test_no_file_gives_the_defaults_without_a_notice(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "settings.json") == (Settings(), None)


@pytest.mark.parametrize("content", [
    b"{not json", b"", b"[1, 2]", b"\xff\xfe\x00garbage", b"null", b" " * (70 * 1024),
    b'{"text_size": "big"}'])
def test_a_damaged_file_gives_the_defaults_and_a_notice(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    settings, notice = load_settings(path)
    assert settings == Settings()
    assert notice is not None and str(path) in notice and "defaults" in notice


def test_good_fields_survive_a_bad_one(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"high_contrast": True, "language": "klingon", "muted": 1,
                                "future_key": [1]}), encoding="utf-8")
    settings, notice = load_settings(path)
    assert settings == Settings(high_contrast=True)
    assert notice is not None and "(muted, language)" in notice


def test_a_folder_in_the_way_is_reported_not_raised(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert "settings not saved" in save_settings(Settings(), blocker / "settings.json")
    (tmp_path / "dir" / "settings.json").mkdir(parents=True)  # a folder where the file goes
    settings, notice = load_settings(tmp_path / "dir" / "settings.json")
    assert settings == Settings() and notice is not None


def test_settings_keys_save_the_settings(app: App, tmp_path: Path) -> None:
    path = tmp_path / "data" / "settings.json"
    app.settings_file = path
    from game.ui import flow

    flow.title(app.ctx)
    settle(app)
    press(app, pygame.K_h)
    press(app, pygame.K_EQUALS, pygame.KMOD_LCTRL)
    press(app, pygame.K_l)
    press(app, pygame.K_m)                      # the fixture starts muted: sound on
    settings, notice = load_settings(path)
    assert notice is None
    assert settings == app.ctx.settings
    assert settings.high_contrast and not settings.muted and settings.language == "es"
    assert TEXT_SCALES[settings.text_scale] == 1.15


def test_an_unwritable_folder_is_said_once(app: App, tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("x", encoding="utf-8")
    app.settings_file = blocker / "settings.json"
    press(app, pygame.K_h)
    assert "settings not saved" in app.ctx.toast_text
    press(app, pygame.K_h)
    assert "settings not saved" not in app.ctx.toast_text


def opened(monkeypatch: pytest.MonkeyPatch) -> list[App]:
    """Make App.run return at once, keeping the app `open_window` made."""
    apps: list[App] = []
    monkeypatch.setattr(App, "run", lambda self, first=None: apps.append(self))
    return apps


def test_the_window_starts_with_the_saved_settings(monkeypatch: pytest.MonkeyPatch,
                                                    tmp_path: Path) -> None:
    monkeypatch.setenv("QUALIFIED_DATA_DIR", str(tmp_path))
    saved = Settings(text_scale=TEXT_SCALES.index(1.5), high_contrast=True, language="es")
    save_settings(saved, tmp_path / "settings.json")
    apps = opened(monkeypatch)
    assert window.open_window() == 0
    app = apps[0]
    assert app.ctx.settings == saved and app.settings_file == tmp_path / "settings.json"
    assert app.ctx.language == "es" and not app.ctx.toast_text


def test_a_damaged_file_at_start_is_a_notice_not_a_crash(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("QUALIFIED_DATA_DIR", str(tmp_path))
    (tmp_path / "settings.json").write_text('{"text_size": 1', encoding="utf-8")
    apps = opened(monkeypatch)
    assert window.open_window() == 0
    app = apps[0]
    assert app.ctx.settings == Settings()
    assert "settings.json" in app.ctx.toast_text and "defaults" in app.ctx.toast_text
    assert "settings.json" in capsys.readouterr().err
    settle(app)                                  # the notice is drawn, wrapped to the window
    press(app, pygame.K_h)                       # and the next change repairs the file
    assert load_settings(tmp_path / "settings.json") == (Settings(high_contrast=True), None)


def test_loading_the_settings_does_not_load_the_engine() -> None:
    """The title must show fast: reading the settings may not import game.store's package."""
    import subprocess

    code = ("import sys, game.ui.prefs as p; p.settings_path(); "
            "print('game.store' in sys.modules, 'game.engine' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=Path(__file__).resolve().parents[2], check=True)
    assert out.stdout.split() == ["False", "False"]
