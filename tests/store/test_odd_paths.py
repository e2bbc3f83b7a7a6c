"""Odd paths and names (issue #16): a FIFO named par-cache.json, a data folder under `~nouser`,
screenshots aimed at a file, an empty player name, text with escape sequences in the database —
each refused or handled with a message, never a hang or a traceback."""
from __future__ import annotations

import os
import shlex
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from game.analysis.par_cache import KnownPar, ParCache
from game.cli import main
from game.store import StoreError, open_store
from tests.conftest import MINI
from tests.store.helpers import WIN, full_attempt, scenario

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str, data: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QUALIFIED_DATA_DIR": data, "PYTHONIOENCODING": "utf-8",
           "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, env=env,
                          input=stdin, capture_output=True, text=True, encoding="utf-8",
                          timeout=120)


def test_a_fifo_named_par_cache_json_neither_hangs_nor_is_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "par-cache.json"
    os.mkfifo(fifo)
    cache = ParCache(tmp_path, search=lambda *a, **k: None)  # type: ignore[arg-type,return-value]
    found: list[object] = []
    reader = threading.Thread(target=lambda: found.append(cache.get_key("k")), daemon=True)
    reader.start()
    reader.join(timeout=20)
    if reader.is_alive():  # unblock the stuck open so the test run can go on, then fail
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("reading a FIFO par cache hangs")
    assert found == [None]
    cache.put("k", KnownPar(80.0, True))  # kept in memory; the FIFO is not replaced by a file
    assert cache.get_key("k") == KnownPar(80.0, True) and not cache.writable
    assert fifo.is_fifo()


def test_play_with_a_fifo_par_cache_ends(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "par-cache.json")
    done = _run("play", str(MINI), "--text", "--seed", "1", data=str(tmp_path))
    assert done.returncode == 0 and "Traceback" not in done.stderr


def test_a_data_folder_in_an_unknown_users_home_is_explained(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("QUALIFIED_DATA_DIR", "~nosuchuser-qualified/x")
    monkeypatch.delenv("QUALIFIED_PAR_CACHE", raising=False)  # the tests' shared cache
    with pytest.raises(StoreError, match="'~nosuchuser-qualified' names no user this computer "
                                         "knows.*Set QUALIFIED_DATA_DIR to a full path"):
        open_store()
    assert ParCache().path is None  # par is then kept for this run only
    assert main(["report"]) == 1
    assert "names no user this computer knows" in capsys.readouterr().err
    done = _run("play", str(MINI), "--text", "--seed", "1", data="~nosuchuser-qualified/x")
    assert done.returncode == 0 and "Traceback" not in done.stderr  # unsaved play still works
    done = _run("play", str(MINI), "--text", "--player", "Ana", data="~nosuchuser-qualified/x")
    assert done.returncode == 1 and "names no user this computer knows" in done.stderr


def test_an_empty_or_unprintable_player_name_is_refused_before_play(
        capsys: pytest.CaptureFixture[str]) -> None:
    for name, why in (("", "--player needs a name, and the one given is empty"),
                      ("   ", "--player needs a name"),
                      ("Ana\x1b]0;x\x07", "--player Ana\\x1b]0;x\\x07: a player name cannot "
                                          "contain control characters")):
        assert main(["play", str(MINI), "--text", "--player", name]) == 2
        captured = capsys.readouterr()
        assert why in captured.err and captured.out == ""


def test_the_continue_hint_is_quoted_for_the_shell(data_dir: Path, tmp_path: Path) -> None:
    odd = tmp_path / "it's a deal $(rm -rf x).yaml"
    odd.write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    done = _run("play", str(odd), "--text", "--seed", "1", "--player", "O'Brien Núñez",
                data=str(data_dir), stdin="1\n")
    assert done.returncode == 0, done.stderr
    hint = done.stdout.rsplit("Continue it with: ", 1)[1].strip()
    assert shlex.split(hint) == ["python", "main.py", "play", str(odd), "--text", "--player",
                                 "O'Brien Núñez", "--resume"]


def test_screenshots_aimed_at_a_file_are_refused(tmp_path: Path) -> None:
    afile = tmp_path / "shots.png"
    afile.write_bytes(b"x")
    done = _run("play", str(MINI), "--autoplay", "--screenshots", str(afile),
                data=str(tmp_path / "data"))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert f"--screenshots {afile}: is a file, not a folder" in done.stderr
    done = _run("play", str(MINI), "--autoplay", "--screenshots", str(afile / "sub"),
                data=str(tmp_path / "data"))
    assert done.returncode == 2 and "cannot create the folder" in done.stderr
    assert afile.read_bytes() == b"x"


def test_escape_sequences_stored_in_names_reach_the_terminal_escaped(
        data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with open_store() as store:
        full_attempt(store, "Ana", scenario(), 1, WIN)
        # written by an older game, or by hand: the report must not obey it
        store.conn.execute("UPDATE players SET name = 'Ana\x1b]0;owned\x07\x9b2J'")
    assert main(["report"]) == 0
    out = capsys.readouterr().out
    assert "Ana\\x1b]0;owned\\x07\\x9b2J" in out and "\x1b" not in out and "\x9b" not in out
