"""Par in the terminal's debrief and in the result JSON: under the score, "≈" when approximate,
in both languages; the same output whether par was cached or searched; none when par is not
had; and `play --text` shows it with pygame absent."""
from __future__ import annotations

import io
import json
from concurrent.futures import Future
from pathlib import Path

import pytest

from game.analysis.par_cache import KnownPar
from game.engine import Game
from game.result import result_dict
from game.runtime import Runtime
from game.scoring import debrief
from game.textplay import TextPlay
from tests.conftest import MINI, MINI_TAGS, MINI_WIN, play
from tests.test_cli import main

CONTRACT = {"scenario", "seed", "outcome", "score", "path"}


def answered(known: KnownPar | None) -> Future[KnownPar | None]:
    future: Future[KnownPar | None] = Future()
    future.set_result(known)
    return future


def debrief_text(rt: Runtime, known: KnownPar | None, language: str | None = None,
                 asked: list[int] | None = None) -> tuple[TextPlay, str]:
    """Play nothing (the input ends at once) and return the terminal front and its output."""
    out = io.StringIO()

    def ask() -> Future[KnownPar | None]:
        if asked is not None:
            asked.append(1)
        return answered(known)

    front = TextPlay(Game(rt, seed=5), lambda: None, out, language, par=ask)
    front.run()
    return front, out.getvalue()


def test_par_follows_the_score(mini_rt: Runtime) -> None:
    asked: list[int] = []
    front, text = debrief_text(mini_rt, KnownPar(91.9, True), asked=asked)
    lines = text.splitlines()
    score = next(i for i, line in enumerate(lines) if line.startswith("Score: "))
    assert lines[score + 1].startswith("✘ Not passed — ")   # the verdict, then par
    assert lines[score + 2] == "Par: 91.9 / 100 — the best score this deal allows"
    assert front.known_par == KnownPar(91.9, True) and asked == [1]


def test_an_approximate_par_is_not_called_par(mini_rt: Runtime) -> None:
    _, text = debrief_text(mini_rt, KnownPar(95.5, False))
    assert "Best found so far: 95.5 / 100 — not yet proven the best this deal allows\n" in text
    assert "Par" not in text


def test_spanish_words_for_par(mini_rt: Runtime) -> None:
    _, text = debrief_text(mini_rt, KnownPar(95.5, False), language="es")
    assert "Mejor encontrada hasta ahora: 95,5 / 100 (puede haber otra mejor)\n" in text  # comma
    _, text = debrief_text(mini_rt, KnownPar(91.9, True), language="es")
    assert "Par: 91,9 / 100 — la mejor puntuación que permite esta venta\n" in text


def test_no_par_line_without_par(mini_rt: Runtime) -> None:
    front, text = debrief_text(mini_rt, None)
    assert "Par" not in text and front.known_par is None
    out = io.StringIO()
    TextPlay(Game(mini_rt, seed=5), lambda: None, out).run()
    assert "Par" not in out.getvalue()


def test_ctrl_c_while_waiting_for_par_skips_it(mini_rt: Runtime) -> None:
    class Interrupted(Future):  # type: ignore[type-arg]
        def result(self, timeout: float | None = None) -> None:
            raise KeyboardInterrupt

    out = io.StringIO()
    front = TextPlay(Game(mini_rt, seed=5), lambda: None, out, par=Interrupted)
    front.run()
    assert "DEBRIEF" in out.getvalue() and "Par" not in out.getvalue()
    assert front.known_par is None


def test_the_result_json_has_par_only_when_known(mini_rt: Runtime) -> None:
    game = Game(mini_rt, seed=5)
    play(game, MINI_WIN, MINI_TAGS)
    plain = result_dict(game, "Ana")
    with_par = result_dict(game, "Ana", KnownPar(91.9, True))
    assert "par" not in plain
    assert with_par["par"] == {"total": 91.9, "exact": True}
    assert CONTRACT <= set(plain) and {k: v for k, v in with_par.items() if k != "par"} == plain
    assert json.loads(json.dumps(with_par, ensure_ascii=False)) == with_par


def test_play_text_shows_par_the_same_whether_searched_or_cached(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pygame; the first run searches (nothing cached in this data folder), the second
    finds it: the terminal output and the result files agree."""
    monkeypatch.setenv("QUALIFIED_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("QUALIFIED_PAR_CACHE", raising=False)  # the data folder's own cache
    answers = "1\n1\n1\n1\n"
    runs = []
    for name in ("first.json", "second.json"):
        out = tmp_path / name
        done = main("play", str(MINI), "--text", "--seed", "3", "--result-json", str(out),
                    stdin=answers, block_pygame=True)
        assert done.returncode == 0, done.stderr
        runs.append((done.stdout, json.loads(out.read_text(encoding="utf-8"))))
    assert (tmp_path / "data" / "par-cache.json").is_file()
    (first_out, first), (second_out, second) = runs
    assert first_out == second_out
    assert "Par: 91.9 / 100 — the best score this deal allows" in first_out
    assert first["par"] == second["par"] == {"total": 91.9, "exact": True}


def test_a_terminal_is_told_while_par_is_worked_out_and_the_notice_is_cleared(
        mini_rt: Runtime) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    class Slow(Future):  # type: ignore[type-arg]
        def done(self) -> bool:
            return False  # not found yet when the debrief is due…

        def result(self, timeout: float | None = None) -> KnownPar:
            return KnownPar(91.9, True)  # …then found

    out = Terminal()
    TextPlay(Game(mini_rt, seed=5), lambda: None, out, par=Slow).run()
    text = out.getvalue()
    notice = "Working out par…"
    assert f"{notice}\r{' ' * len(notice)}\r\nDEBRIEF" in text
    assert "Par: 91.9 / 100" in text


def test_a_score_above_the_best_found_becomes_the_new_best(mini_rt: Runtime,
                                                           tmp_path) -> None:
    """Par is never shown below a score someone reached: the debrief says the attempt is the
    new best, the cache keeps it, and the result file carries it."""
    from game.analysis.par_cache import ParCache, new_best

    game = Game(mini_rt, seed=5)
    play(game, MINI_WIN, MINI_TAGS)
    game.choose_key("referral:ask")
    total = debrief(game.rt, game.state).score.total
    low = KnownPar(50.0, False)
    cache = ParCache(tmp_path)
    out = io.StringIO()
    front = TextPlay(game, lambda: None, out, par=lambda: answered(low))
    front.beat_par = lambda known, reached: new_best(cache, mini_rt, 5, known, reached)
    front.run()
    text = out.getvalue()
    assert f"New best: your {total:.1f} beats the best score found so far for this deal " \
           "(≈50.0)" in text
    assert "Par: ≈50.0" not in text
    assert front.known_par == KnownPar(total, False)
    assert ParCache(tmp_path).get(mini_rt, 5) == KnownPar(total, False)
    assert result_dict(game, "Ana", front.known_par)["par"] == {"total": total, "exact": False}
    same = new_best(cache, mini_rt, 5, KnownPar(99.0, True), total)   # not beaten: unchanged
    assert same == KnownPar(99.0, True)
