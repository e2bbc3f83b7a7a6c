"""A row with damaged JSON in the results database (edited by hand, a disk error) is left out
with a notice naming it; every report, the leaderboard and progress still work (issue #16)."""
from __future__ import annotations

import pytest

from game.cli import main
from game.reports import FORMATS, render
from game.runtime import Runtime
from game.store import ResumeError, Store, open_store
from tests.store.helpers import LOSE, WIN, Clock, full_attempt, scenario


@pytest.fixture
def three(clock: Clock) -> Store:
    """Three finished attempts and one unfinished, of two players."""
    store = open_store(clock=clock)
    sc = scenario()
    full_attempt(store, "Núñez", sc, 1, WIN)
    full_attempt(store, "Ana", sc, 2, LOSE)
    full_attempt(store, "Núñez", sc, 3, LOSE)
    full_attempt(store, "Bea", sc, 4, WIN[:3])
    return store


def _ids(store: Store) -> list[str]:
    return [r[0] for r in store.conn.execute("SELECT id FROM attempts ORDER BY started")]


@pytest.mark.parametrize("column, value", [
    ("state", "{not json"), ("info", "[]"), ("result", "{\"score\": 7}"),
    ("result", "{\"score\": {\"total\": 50, \"competencies\": {\"x\": 1}}}"),
    ("result", "\"\\ud800\""), ("state", "null")])
def test_a_damaged_attempt_is_left_out_of_every_report_with_a_notice(
        three: Store, column: str, value: str) -> None:
    bad = _ids(three)[1]
    three.conn.execute(f"UPDATE attempts SET {column} = ? WHERE id = ?", (value, bad))
    records = three.attempts()
    assert bad not in [r.attempt.id for r in records] and len(records) == 3
    assert any(f"attempt {bad} has damaged data ({column}" in n for n in three.notices)
    for fmt in FORMATS:
        assert render(fmt, three)
    assert three.leaderboard() and three.progress("Ana").player
    three.close()


def test_a_damaged_action_is_left_out_and_the_rest_shown(three: Store) -> None:
    first = _ids(three)[0]
    three.conn.execute("UPDATE actions SET entry = 'oops' WHERE attempt_id = ? AND seq = 2",
                       (first,))
    three.conn.execute("UPDATE actions SET interaction = '{' WHERE attempt_id = ? AND seq = 3",
                       (first,))
    seqs = [a.seq for a in three.actions(first)]
    assert 2 not in seqs and 3 not in seqs and len(seqs) == len(WIN) - 2
    assert any("action 2: entry: not JSON" in n for n in three.notices)
    assert render("xapi", three)
    three.close()


def test_the_report_command_prints_the_rest_and_names_the_damaged_row(
        three: Store, capsys: pytest.CaptureFixture[str]) -> None:
    bad = _ids(three)[0]
    three.conn.execute("UPDATE attempts SET result = '{' WHERE id = ?", (bad,))
    three.conn.execute("UPDATE attempts SET total = 'x' WHERE id = ?", (_ids(three)[1],))
    three.close()
    for fmt in FORMATS:
        assert main(["report", "--format", fmt]) == 0
        captured = capsys.readouterr()
        assert "Traceback" not in captured.err
        assert f"attempt {bad} has damaged data (result: not JSON)" in captured.err
    assert main(["report"]) == 0
    out = capsys.readouterr().out
    assert "Bea" in out and "Ana" not in out  # Ana's one attempt is the damaged one


def test_a_damaged_unfinished_attempt_cannot_be_resumed_and_says_why(three: Store) -> None:
    open_one = three.unfinished("Bea", "mini")
    assert open_one is not None
    three.conn.execute("UPDATE actions SET entry = '[1' WHERE attempt_id = ? AND seq = 2",
                       (open_one.id,))
    with pytest.raises(ResumeError, match="step 2 of the saved attempt cannot be replayed"):
        three.resume(open_one, Runtime(scenario()))
    three.conn.execute("UPDATE attempts SET state = 'x' WHERE id = ?", (open_one.id,))
    assert three.unfinished("Bea", "mini") is not None  # still offered: its turn reads as 0
    three.close()
