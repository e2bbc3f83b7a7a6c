"""Fuzzing the terminal front end's input: whatever the trainee types (numbers out of range,
negative or huge, other scripts' digits, empty or blank lines, very long lines, control
characters), TextPlay never raises, reads each line once, stops at the end of input, and the
attempt ends won, lost or abandoned.

Each run is bounded: the reader fails the test if it is asked for more than the lines given
plus the one end-of-input read, so a loop that stops consuming input cannot hang CI.
"""
from __future__ import annotations

import io
import random
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine import Game
from game.loader import load_scenario
from game.runtime import Runtime
from game.textplay import TextPlay
from tests.fuzz.mutations import SHIPPED

GOOD = [str(n) for n in range(1, 10)]
# Refused lines: each gets the hint and the prompt again.
BAD = ["0", "00", "-1", "-0", "+1", "10", "99", "1000000", "9" * 30, "9" * 5000, "1" * 4301,
       "²", "①", "Ⅻ", "1.0", "1e3", "0x1", "1,2", "1 2", "one", "uno", "", " ", "\t", "\r",
       "\r\n", "\n", "\x00", "1\x00", "\x1b[2J", "\x7f", "\x85", "\u2028", "\ufeff1",
       "\u200b1", "x" * 100_000, "🙂", "¿?", "\ud800"]
# Accepted lines: surrounding blanks are ignored, and any script's decimal digits count.
ODD_BUT_GOOD = [" 2 ", "\t3\t", "1" + " " * 10_000, "٣", "١", "３", "߁", "𝟙", "0001"]
LINE = st.one_of(st.sampled_from(GOOD), st.sampled_from(GOOD), st.sampled_from(BAD),
                 st.sampled_from(ODD_BUT_GOOD),
                 st.text(max_size=12), st.integers(-10 ** 9, 10 ** 9).map(str))
SETTINGS = settings(derandomize=True, database=None, deadline=None, print_blob=False,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
RUNTIMES: dict[str, Runtime] = {}


def runtime(path: Any) -> Runtime:
    """The shipped scenario's runtime, built once."""
    if path.name not in RUNTIMES:
        loaded = load_scenario(path)
        assert loaded.scenario is not None
        RUNTIMES[path.name] = Runtime(loaded.scenario)
    return RUNTIMES[path.name]


class Feed:
    """The input lines one at a time, then None (end of input) once; a read past that fails."""

    def __init__(self, lines: list[str], newline: bool = True) -> None:
        self.lines = [line + "\n" if newline else line for line in lines]
        self.reads = 0

    def __call__(self) -> str | None:
        self.reads += 1
        assert self.reads <= len(self.lines) + 1, "read again after the end of input"
        return self.lines[self.reads - 1] if self.reads <= len(self.lines) else None


def play(path: Any, lines: list[str], seed: int, *, echo: bool = False,
         newline: bool = True, language: str | None = None) -> tuple[Game, Feed, str]:
    """Play the scenario in the terminal front end on these input lines."""
    game = Game(runtime(path), seed=seed)
    feed = Feed(lines, newline)
    out = io.StringIO()
    TextPlay(game, feed, out, language, echo=echo).run()
    return game, feed, out.getvalue()


def check(game: Game, feed: Feed, text: str) -> None:
    """The attempt ended properly, and input was consumed up to the end unless the game
    ended first."""
    assert game.over and game.state.outcome in ("won", "lost", "abandoned")
    if game.state.outcome == "abandoned":
        assert feed.reads == len(feed.lines) + 1  # every line read, then the end of input
    assert "DEBRIEF" in text or "ANÁLISIS FINAL" in text


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
@SETTINGS
@given(lines=st.lists(LINE, max_size=120), seed=st.integers(0, 3), echo=st.booleans(),
       newline=st.booleans())
def test_any_input_lines(path: Any, lines: list[str], seed: int, echo: bool,
                         newline: bool) -> None:
    check(*play(path, lines, seed, echo=echo, newline=newline))


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_long_noisy_input_plays_to_a_won_or_lost_end(path: Any) -> None:
    """Mostly valid numbers with noise between: the game reaches its end before the input."""
    rng = random.Random(path.name)
    for seed in range(3):
        lines = [rng.choice(GOOD) if rng.random() < 0.7 else rng.choice(BAD + ODD_BUT_GOOD)
                 for _ in range(3000)]
        game, feed, text = play(path, lines, seed, language=rng.choice(["en", "es", None]))
        check(game, feed, text)
        assert game.state.outcome in ("won", "lost") and feed.reads <= len(lines)


@pytest.mark.parametrize("bad", BAD, ids=repr)
def test_each_bad_line_gets_the_hint_and_is_consumed(bad: str) -> None:
    path = SHIPPED[0]
    game, feed, text = play(path, [bad, "1"], seed=1)
    check(game, feed, text)
    assert feed.reads == 3 and game.state.outcome == "abandoned"
    assert len(game.state.path) == 1  # the bad line chose nothing, the "1" met someone
    assert "Type a number from 1 to" in text


def test_other_scripts_decimal_digits_choose_like_ascii_ones() -> None:
    """'٣' (Arabic-Indic three) and '３' (full-width) are the digit 3 to Python's int(): they
    choose option 3, while '²' and '①' are not decimal digits and get the hint."""
    path = SHIPPED[0]
    ascii_game, _, _ = play(path, ["3"], seed=1)
    for digit in ("٣", "３"):
        game, _, _ = play(path, [digit], seed=1)
        assert game.state.path == ascii_game.state.path
    for sign in ("²", "①"):
        game, _, text = play(path, [sign], seed=1)
        assert game.state.path == [] and "Type a number from 1 to" in text


@pytest.mark.parametrize("at", [1, 2, 5, 9])
def test_ctrl_c_at_any_read_abandons_cleanly(at: int) -> None:
    game = Game(runtime(SHIPPED[-1]), seed=1)
    reads = 0

    def read() -> str | None:
        nonlocal reads
        reads += 1
        if reads == at:
            raise KeyboardInterrupt
        assert reads < at
        return "1\n"

    out = io.StringIO()
    TextPlay(game, read, out).run()
    assert game.state.outcome == "abandoned" and reads == at
    assert "counted as abandoned" in out.getvalue()
