"""`play --text --player` killed with SIGKILL mid-game, then resumed, as subprocesses."""
from __future__ import annotations

import json
import os
import shlex
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from game.loader import load_scenario
from game.runtime import Runtime
from game.store import open_store
from tests.conftest import MINI

ROOT = Path(__file__).resolve().parents[2]
PROMPT = "Your choice ("
# The winning path through mini.yaml as typed numbers (see tests/test_cli.py): meet Dana and
# talk (0–3), deal board: tag Dana, Marta, Inés, back (4–11), meet Inés (12–14), meet Marta and
# close (15–18), ask for the referral (19).
ANSWERS = ["1", "1", "1", "1", "4", "1", "2", "2", "1", "3", "3", "4",
           "3", "1", "1", "2", "1", "1", "1", "1"]


def _command(*extra: str) -> list[str]:
    return [sys.executable, str(ROOT / "main.py"), "play", str(MINI), "--text", "--seed", "42",
            "--player", "Núñez", *extra]


def _env(data_dir: Path) -> dict[str, str]:
    return {**os.environ, "QUALIFIED_DATA_DIR": str(data_dir), "PYTHONIOENCODING": "utf-8"}


class Player:
    """A `play --text` process fed one answer at a time, waiting for each prompt."""

    def __init__(self, data_dir: Path, *extra: str) -> None:
        self.proc = subprocess.Popen(_command(*extra), cwd=ROOT, env=_env(data_dir),
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE)
        self.text = ""
        self.changed = threading.Condition()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        while chunk := os.read(self.proc.stdout.fileno(), 65536):
            with self.changed:
                self.text += chunk.decode("utf-8", "replace")
                self.changed.notify_all()
        with self.changed:
            self.changed.notify_all()

    def wait_prompts(self, count: int) -> None:
        """Block until `count` prompts have been printed (fail after 60 s)."""
        with self.changed:
            ok = self.changed.wait_for(lambda: self.text.count(PROMPT) >= count, timeout=60)
        assert ok, self.text[-2000:]

    def type(self, answer: str) -> None:
        """Send one answer line."""
        assert self.proc.stdin is not None
        self.proc.stdin.write(answer.encode() + b"\n")
        self.proc.stdin.flush()

    def kill(self) -> None:
        """SIGKILL: no cleanup code runs."""
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)
        assert self.proc.returncode == -signal.SIGKILL


def _run(data_dir: Path, answers: list[str], *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(_command(*extra), cwd=ROOT, env=_env(data_dir), capture_output=True,
                          input="".join(a + "\n" for a in answers), text=True,
                          encoding="utf-8", timeout=120)


@pytest.fixture(scope="module")
def uninterrupted(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The result of the same play never interrupted."""
    folder = tmp_path_factory.mktemp("whole")
    out = folder / "result.json"
    done = _run(folder / "data", ANSWERS, "--result-json", str(out))
    assert done.returncode == 0, done.stderr
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["outcome"] == "won"
    return result


def _play_then_kill(data_dir: Path, typed: int) -> str:
    player = Player(data_dir)
    player.wait_prompts(1)
    for n in range(typed):
        player.type(ANSWERS[n])
        player.wait_prompts(n + 2)  # the next prompt: the answer's action is saved by now
    player.kill()
    return player.text


# (answers typed before the kill, what the resumed game must be fed): killed after an ordinary
# choice, and killed inside the deal board after a role tag (the resumed game starts between
# meetings, so it opens the board again to tag Inés).
CASES = {
    "after-a-choice": (14, ANSWERS[14:]),
    "inside-the-board": (9, ["4", "3", "3", "4"] + ANSWERS[12:]),
    "before-any-choice": (0, ANSWERS),
}


@pytest.mark.parametrize("case", CASES)
def test_killed_then_resumed_ends_like_an_uninterrupted_play(data_dir: Path, tmp_path: Path,
                                                              uninterrupted: dict,
                                                              case: str) -> None:
    typed, rest = CASES[case]
    _play_then_kill(data_dir, typed)
    with open_store() as store:
        attempt = store.unfinished("Núñez", "mini")
        assert attempt is not None
        assert attempt.steps == {14: 9, 9: 6, 0: 0}[typed]  # 4 with Dana, tags, 2 with Inés
    out = tmp_path / "resumed.json"
    done = _run(data_dir, rest, "--resume", "--result-json", str(out))
    assert done.returncode == 0, done.stderr
    assert "Resuming your attempt" in done.stdout
    resumed = json.loads(out.read_text(encoding="utf-8"))
    assert resumed["path"] == uninterrupted["path"]
    assert resumed["score"] == uninterrupted["score"]
    assert resumed["outcome"] == "won" and resumed["player"] == "Núñez"
    with open_store() as store:
        assert store.unfinished("Núñez", "mini") is None
        (record,) = store.attempts()
        assert record.attempt.outcome == "won"
        assert record.result is not None and record.result["path"] == uninterrupted["path"]


def test_without_resume_the_terminal_offers_to_resume_or_start_over(data_dir: Path,
                                                                     tmp_path: Path,
                                                                     uninterrupted: dict) -> None:
    _play_then_kill(data_dir, 14)
    kept = _run(data_dir, [])  # input ends at the question: nothing changes
    assert "you have an unfinished attempt at “Mini deal”" in kept.stdout
    assert "turn 2, 9 actions saved" in kept.stdout
    assert "Nothing changed" in kept.stdout and kept.returncode == 0
    out = tmp_path / "resumed.json"
    done = _run(data_dir, ["9", "1"] + ANSWERS[14:], "--result-json", str(out))
    assert done.returncode == 0, done.stderr
    assert "Type 1 or 2." in done.stdout
    assert json.loads(out.read_text(encoding="utf-8"))["path"] == uninterrupted["path"]
    _play_then_kill(data_dir, 3)
    again = _run(data_dir, ["2"] + ANSWERS[:2])  # start over, then stop after two answers
    assert again.returncode == 0, again.stderr
    assert "Your attempt is saved. Continue it with: python main.py play" in again.stdout
    with open_store() as store:
        outcomes = sorted(str(r.attempt.outcome) for r in store.attempts())
        assert outcomes == ["None", "abandoned", "won"]
        assert store.unfinished("Núñez", "mini").steps == 2  # type: ignore[union-attr]


def test_a_kill_at_any_moment_loses_at_most_the_action_in_flight(data_dir: Path) -> None:
    player = Player(data_dir)
    player.wait_prompts(1)
    for answer in ANSWERS[:14]:  # typed ahead: the kill lands somewhere in the middle
        player.type(answer)
    player.wait_prompts(6)
    player.kill()
    scenario = load_scenario(MINI).scenario
    assert scenario is not None
    with open_store() as store:
        assert store.notices == []
        attempt = store.unfinished("Núñez", "mini")
        assert attempt is not None and attempt.steps >= 4
        game = store.resume(attempt, Runtime(scenario))  # replay == saved state
        assert len(game.state.path) == attempt.steps


def test_resume_without_player_or_unfinished_attempt(data_dir: Path) -> None:
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "play", str(MINI), "--text",
                           "--resume"], cwd=ROOT, env=_env(data_dir), capture_output=True,
                          text=True, encoding="utf-8", timeout=60)
    assert done.returncode == 2 and "--player" in done.stderr
    done = _run(data_dir, ["1"], "--resume")
    assert done.returncode == 0, done.stderr
    assert "Núñez has no unfinished attempt at “Mini deal”: starting a new one." in done.stdout


def test_a_changed_scenario_cannot_be_resumed_and_says_how_to_start_over(
        data_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "mini.yaml"
    copy.write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    command = [sys.executable, str(ROOT / "main.py"), "play", str(copy), "--text", "--seed",
               "42", "--player", "Núñez"]
    first = subprocess.run(command, input="1\n1\n", cwd=ROOT, env=_env(data_dir),
                           capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert first.returncode == 0, first.stderr
    copy.write_text(MINI.read_text(encoding="utf-8").replace("stance: 0.2", "stance: 0.7"),
                    encoding="utf-8")
    done = subprocess.run(command + ["--resume"], input="1\n", cwd=ROOT, env=_env(data_dir),
                          capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert done.returncode == 1
    assert "cannot be continued exactly" in done.stderr
    assert f"To start over: python main.py play {shlex.quote(str(copy))} --text --player " \
           f"'Núñez' --new" in done.stderr  # quoted for the shell, accents kept
    again = subprocess.run(command + ["--new"], input="1\n", cwd=ROOT, env=_env(data_dir),
                           capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert again.returncode == 0 and "unfinished attempt" not in again.stdout
