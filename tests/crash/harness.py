"""Scripted text plays as subprocesses, killed with SIGKILL at chosen points, then resumed.

Shared by tests/crash/test_kill_points.py (a few kills in CI) and bench/crash_soak.py (100
plays). A *script* is the list of actions a trainee takes (option keys and role tags);
`answers` turns the rest of a script into the numbers typed at the terminal from wherever a
game stands, so a resumed game is fed exactly what remains. A kill point is drawn from a
seeded `random.Random`:

- `prompt`: answers typed one at a time; killed while the game waits at prompt k (idle);
- `flight`: every answer typed at once; killed as soon as prompt k shows, while the game is
  busy working through the rest (often mid-transaction);
- `start`: killed as soon as the attempt is announced (`(seed …`), before any choice.

After each kill: `PRAGMA integrity_check` passes, the store opens without notices, nothing
acknowledged was lost (every action before the last prompt seen is saved), and the attempt
resumes with `--resume`. The final game must end with the same path and score as the script
played without interruption.
"""
from __future__ import annotations

import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Union

from game.board import deal_board
from game.engine import Game
from game.result import result_dict
from game.runtime import Runtime
from game.schema import ROLES
from game.store import database_path, open_store

ROOT = Path(__file__).resolve().parents[2]
PLAYER = "Íñigo Núñez"
PROMPT = re.compile(r"(?:Your choice|Tu elección) \(")
TIMEOUT = 60.0

Action = Union[str, tuple[str, Union[str, None]]]  # an option key, or (stakeholder, role)


# --- scripts and the numbers that play them -------------------------------------------------------

def act(game: Game, action: Action) -> None:
    """Do one action on a game."""
    if isinstance(action, tuple):
        game.tag(*action)
    else:
        game.choose_key(action)


def random_script(rt: Runtime, seed: int, rng: random.Random, tag_rate: float = 0.1,
                  longest: int = 400) -> list[Action]:
    """A seeded random trainee's actions to the end of the game (random tags now and then)."""
    game = Game(rt, seed=seed)
    people = list(game.scenario.stakeholders)
    script: list[Action] = []
    while not game.over and len(script) < longest:
        action: Action
        if rng.random() < tag_rate:
            action = (rng.choice(people), rng.choice([*ROLES, None]))
        else:
            action = rng.choice([o.key for o in game.options() if o.available])
        act(game, action)
        script.append(action)
    return script


def recorded_script(rt: Runtime, seed: int, steps: list[str]) -> list[Action]:
    """A recorded winning path (tests/paths/, WINNING_PATHS) as actions."""
    from bench.playouts import resolve

    game = Game(rt, seed=seed)
    script: list[Action] = []
    for step in steps:
        if step.startswith("?"):
            flag, _, step = step[1:].partition(":")
            if flag not in game.state.flags:
                continue
        action: Action
        if step.startswith("tag:"):
            sid, _, role = step[4:].partition("=")
            action = (sid, role or None)
        else:
            action = resolve(game, step)
        act(game, action)
        script.append(action)
    return script


def answers(rt: Runtime, seed: int, script: list[Action], done: int) -> tuple[list[str],
                                                                             list[int]]:
    """What to type to play `script[done:]` from the state after `script[:done]`, and for
    each count of lines typed, how many actions those lines complete (`acts[i]` after i
    lines). A tag is typed as: the deal board, the person, the role, back."""
    game = Game(rt, seed=seed)
    for action in script[:done]:
        act(game, action)
    typed: list[str] = []
    acts = [0]
    for action in script[done:]:
        open_keys = [o.key for o in game.options() if o.available]
        if isinstance(action, tuple):
            sid, role = action
            people = [card.id for card in deal_board(game.rt, game.state).people]
            pick = ROLES.index(role) + 1 if role is not None else len(ROLES) + 1
            lines = [str(len(open_keys) + 1), str(people.index(sid) + 1), str(pick)]
            back = str(len(people) + 1)
            typed += lines + [back]
            acts += [acts[-1]] * 2 + [acts[-1] + 1] * 2
        else:
            typed.append(str(open_keys.index(action) + 1))
            acts.append(acts[-1] + 1)
        act(game, action)
    return typed, acts


def expected_result(rt: Runtime, seed: int, script: list[Action]) -> dict:
    """The result of the script played in one go, in this process."""
    game = Game(rt, seed=seed)
    for action in script:
        act(game, action)
    return result_dict(game, PLAYER)


# --- the play as a subprocess ---------------------------------------------------------------------

def command(path: Path, seed: int, *extra: str) -> list[str]:
    """`python main.py play PATH --text --seed N --player P …`."""
    return [sys.executable, str(ROOT / "main.py"), "play", str(path), "--text", "--seed",
            str(seed), "--player", PLAYER, *extra]


def environment(data_dir: Path) -> dict[str, str]:
    """The environment of a play: its own data folder, UTF-8 output."""
    return {**os.environ, "QUALIFIED_DATA_DIR": str(data_dir), "PYTHONIOENCODING": "utf-8"}


class Play:
    """A running `play --text` process whose output is watched for prompts."""

    def __init__(self, path: Path, seed: int, data_dir: Path, *extra: str) -> None:
        self.proc = subprocess.Popen(command(path, seed, *extra), cwd=ROOT,
                                     env=environment(data_dir), stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.text = ""
        self.prompts = 0
        self.changed = threading.Condition()
        self.closed = False
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        fd = self.proc.stdout.fileno()
        while chunk := os.read(fd, 65536):
            with self.changed:
                self.text += chunk.decode("utf-8", "replace")
                self.prompts = len(PROMPT.findall(self.text))
                self.changed.notify_all()
        with self.changed:
            self.closed = True
            self.changed.notify_all()

    def wait_for(self, prompts: int = 0, marker: str | None = None) -> bool:
        """Block until `prompts` prompts (or `marker`) have been printed; False if the process
        ended first. Fails after TIMEOUT seconds."""
        def reached() -> bool:
            return self.prompts >= prompts if marker is None else marker in self.text

        with self.changed:
            done = self.changed.wait_for(lambda: reached() or self.closed, timeout=TIMEOUT)
            assert done, f"no prompt {prompts} / {marker!r} in {TIMEOUT} s:\n{self.text[-1500:]}"
            return reached()

    def type(self, lines: list[str]) -> None:
        """Send answer lines (ignored if the game has already ended)."""
        assert self.proc.stdin is not None
        try:
            self.proc.stdin.write("".join(f"{line}\n" for line in lines).encode())
            self.proc.stdin.flush()
        except BrokenPipeError:
            pass

    def kill(self) -> bool:
        """SIGKILL (no cleanup runs); False if the process had already exited."""
        alive = self.proc.poll() is None
        if alive:
            self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=TIMEOUT)
        self.reader.join(timeout=TIMEOUT)
        if self.proc.stdin is not None:
            try:
                self.proc.stdin.close()
            except BrokenPipeError:
                pass
        return alive and self.proc.returncode == -signal.SIGKILL


def run_to_end(path: Path, seed: int, data_dir: Path, typed: list[str],
               *extra: str) -> subprocess.CompletedProcess[str]:
    """Run a play with all its input at once, to the end."""
    return subprocess.run(command(path, seed, *extra), cwd=ROOT, env=environment(data_dir),
                          input="".join(f"{line}\n" for line in typed), capture_output=True,
                          text=True, encoding="utf-8", timeout=TIMEOUT * 2)


# --- checks after a kill --------------------------------------------------------------------------

def integrity(data_dir: Path) -> str:
    """`PRAGMA integrity_check` of the results database ('ok' when sound, 'absent' if the
    kill came before it was created)."""
    db = database_path(data_dir)
    if not db.exists():
        return "absent"
    conn = sqlite3.connect(str(db), isolation_level=None)
    try:
        return "; ".join(str(r[0]) for r in conn.execute("PRAGMA integrity_check"))
    finally:
        conn.close()


@dataclass
class Saved:
    """What the database holds for the player after a kill."""

    steps: int | None  # actions saved in the unfinished attempt (None: no unfinished attempt)
    finished: dict | None  # the stored result of a finished attempt, if the game had ended
    notices: list[str] = field(default_factory=list)


def saved(data_dir: Path, scenario_id: str) -> Saved:
    """Open the store as the game does and read the player's attempt."""
    if not database_path(data_dir).exists():
        return Saved(None, None)
    with open_store(data_dir) as store:
        attempt = store.unfinished(PLAYER, scenario_id)
        finished = [r.result for r in store.attempts(PLAYER, scenario_id)
                    if r.attempt.finished is not None and r.attempt.outcome != "abandoned"]
        return Saved(attempt.steps if attempt else None, finished[-1] if finished else None,
                     list(store.notices))


# --- one scripted play with kills -----------------------------------------------------------------

@dataclass
class Kill:
    """One kill and what was found after it."""

    mode: str
    point: int
    landed: bool  # the process was still running when killed
    acknowledged: int  # actions the game had confirmed (a prompt after them) before the kill
    steps: int | None
    integrity: str


@dataclass
class Outcome:
    """A scripted play with kills: each kill, and how the last process ended."""

    kills: list[Kill] = field(default_factory=list)
    final: dict | None = None
    problems: list[str] = field(default_factory=list)


def kill_once(path: Path, rt: Runtime, seed: int, script: list[Action], data_dir: Path,
              done: int, resume: bool, rng: random.Random) -> Kill:
    """Start (or resume) the play at `done` actions and kill it at a point drawn from `rng`."""
    typed, acts = answers(rt, seed, script, done)
    mode = rng.choice(["prompt", "prompt", "flight", "flight", "start"])
    point = rng.randint(1, max(1, len(typed)))
    play = Play(path, seed, data_dir, *(["--resume"] if resume else []))
    seen = 0  # prompts shown by this process (the first comes before any answer)
    if mode == "start":
        play.wait_for(marker="(seed ")
    elif mode == "prompt":
        play.wait_for(prompts=1)
        play.type(typed[:point - 1])
        play.wait_for(prompts=point)
    else:
        play.type(typed)
        play.wait_for(prompts=point)
    with play.changed:
        seen = play.prompts
    landed = play.kill()
    answered = max(0, min(seen - 1, len(typed)))
    acknowledged = done + acts[answered] if seen else done
    return Kill(mode, point, landed, acknowledged, None, integrity(data_dir))


def play_with_kills(path: Path, rt: Runtime, seed: int, script: list[Action], data_dir: Path,
                    kills: int, rng: random.Random) -> Outcome:
    """Play `script` as subprocesses, killed `kills` times at seeded points, each time
    checked and resumed with `--resume`; the last process plays to the end."""
    outcome = Outcome()
    done, resume = 0, False
    for _ in range(kills):
        kill = kill_once(path, rt, seed, script, data_dir, done, resume, rng)
        found = saved(data_dir, rt.scenario.id)
        kill.steps = found.steps
        outcome.kills.append(kill)
        where = f"kill {len(outcome.kills)} ({kill.mode} at {kill.point})"
        if kill.integrity not in ("ok", "absent"):
            outcome.problems.append(f"{where}: integrity_check says {kill.integrity}")
        if found.notices:
            outcome.problems.append(f"{where}: the store reports {found.notices}")
        if found.finished is not None and found.steps is None:
            outcome.final = found.finished  # the game had ended and was saved before the kill
            return outcome
        steps = found.steps or 0
        if steps < kill.acknowledged:
            outcome.problems.append(f"{where}: {kill.acknowledged} actions confirmed, only "
                                    f"{steps} saved")
        if steps > len(script):
            outcome.problems.append(f"{where}: {steps} actions saved of {len(script)}")
            return outcome
        done, resume = steps, found.steps is not None
    rest, _ = answers(rt, seed, script, done)
    out = data_dir.parent / f"result-{seed}.json"
    run = run_to_end(path, seed, data_dir, rest, *(["--resume"] if resume else []),
                     "--result-json", str(out))
    if run.returncode != 0:
        outcome.problems.append(f"resumed play exited {run.returncode}: {run.stderr[-800:]}")
        return outcome
    if resume and "Resuming your attempt" not in run.stdout and \
            "Continúas tu intento" not in run.stdout:
        outcome.problems.append("the last play did not say it resumed")
    outcome.final = json.loads(out.read_text(encoding="utf-8"))
    if integrity(data_dir) != "ok":
        outcome.problems.append(f"after the end: integrity_check says {integrity(data_dir)}")
    return outcome


def same_play(result: dict, expected: dict) -> list[str]:
    """How a result differs from the uninterrupted one (path, score, outcome)."""
    return [f"{key} differs" for key in ("path", "score", "outcome", "seed", "scenario")
            if result.get(key) != expected.get(key)]
