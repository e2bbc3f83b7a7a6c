"""Read-only questions to the results database: attempts for reports, progress, leaderboard,
unlocks. Functions take an open connection; `Store` wraps them."""
from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from game.store.clock import from_text, since_text
from game.store.models import (Action, Attempt, AttemptRecord, LeaderboardEntry, Progress,
                               ScenarioProgress, TrendPoint)
from game.store.players import name_key


def _pid(conn: sqlite3.Connection, player: str) -> int | None:
    row = conn.execute("SELECT id FROM players WHERE key = ?", (name_key(player),)).fetchone()
    return int(row[0]) if row is not None else None


Damaged = Callable[[str, str], None]   # (attempt id, what is wrong) for a row left out


def _ignore(attempt_id: str, what: str) -> None:
    """The default for rows left out: say nothing."""


def attempt_records(conn: sqlite3.Connection, player: str | None, scenario_id: str | None,
                    since: date | datetime | str | None,
                    damaged: Damaged = _ignore) -> list[AttemptRecord]:
    """Attempts with their details, oldest first, filtered. A row whose saved data cannot be
    read (damaged JSON, say) is left out and passed to `damaged`: one bad row must not take
    every report with it."""
    where, params = _filters(conn, player, scenario_id, since)
    if where is None:
        return []
    rows = conn.execute(
        "SELECT a.*, p.name AS player FROM attempts a JOIN players p ON p.id = a.player_id"
        f"{where} ORDER BY a.started, a.id", params).fetchall()
    out = []
    for row in rows:
        try:
            out.append(_record(row))
        except _Unreadable as exc:
            damaged(str(row["id"]), str(exc))
    return out


class _Unreadable(ValueError):
    """A stored row whose data cannot be read back."""


def _record(row: sqlite3.Row) -> AttemptRecord:
    """An `AttemptRecord` from a row of `attempts` joined with its player's name."""
    info = _json(row["info"], "info", dict)
    state = _json(row["state"], "state", dict)
    result = _json(row["result"], "result", dict) if row["result"] else None
    if result is not None:
        problem = result_problem(result)
        if problem is not None:
            raise _Unreadable(f"result: {problem}")
    if row["total"] is not None and not _number(row["total"]):
        raise _Unreadable("total: not a number")
    if row["outcome"] not in (None, "won", "lost", "abandoned"):
        raise _Unreadable("outcome: not won, lost or abandoned")
    try:
        attempt = Attempt(id=row["id"], player=row["player"], scenario_id=row["scenario_id"],
                          seed=int(row["seed"]), started=from_text(row["started"]),
                          scenario_path=row["scenario_path"], steps=int(row["steps"]),
                          finished=from_text(row["finished"]) if row["finished"] else None,
                          outcome=row["outcome"], total=row["total"],
                          turn=int(state.get("turn", 0)))
        return AttemptRecord(attempt=attempt, info=info,
                             active_seconds=int(row["active_ms"]) / 1000.0,
                             last_active=from_text(row["last_active"]), state=state,
                             result=result)
    except (TypeError, ValueError) as exc:
        raise _Unreadable(f"a field cannot be read ({exc})") from None


def _json(text: Any, column: str, kind: type) -> Any:
    """`text` parsed as JSON of `kind`, or _Unreadable naming the column."""
    try:
        value = json.loads(text)
    except (TypeError, ValueError, RecursionError):
        raise _Unreadable(f"{column}: not JSON") from None
    if not isinstance(value, kind):
        raise _Unreadable(f"{column}: not a JSON {'object' if kind is dict else kind.__name__}")
    return value


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def result_problem(result: dict[str, Any]) -> str | None:
    """What in a saved result JSON the reports could not read, or None when it is sound."""
    score = result.get("score")
    if not isinstance(score, dict) or not _number(score.get("total")):
        return "no score.total"
    competencies = score.get("competencies")
    if not isinstance(competencies, dict) or not all(
            isinstance(c, dict) and _number(c.get("score")) and _number(c.get("max"))
            and isinstance(c.get("lost", []), list)
            and all(isinstance(x, dict) and _number(x.get("points")) for x in c.get("lost", []))
            for c in competencies.values()):
        return "score.competencies is not as the game writes it"
    debrief = result.get("debrief", {})
    missed = debrief.get("missed", []) if isinstance(debrief, dict) else None
    if not isinstance(missed, list) or not all(
            isinstance(m, dict) and isinstance(m.get("params", {}), dict) for m in missed):
        return "debrief.missed is not as the game writes it"
    if not isinstance(result.get("path", []), list):
        return "path is not a list"
    return None


def _filters(conn: sqlite3.Connection, player: str | None, scenario_id: str | None,
             since: date | datetime | str | None) -> tuple[str | None, list[Any]]:
    """A WHERE clause and its parameters; (None, []) when the player does not exist."""
    clauses: list[str] = []
    params: list[Any] = []
    if player is not None:
        pid = _pid(conn, player)
        if pid is None:
            return None, []
        clauses.append("a.player_id = ?")
        params.append(pid)
    if scenario_id is not None:
        clauses.append("a.scenario_id = ?")
        params.append(scenario_id)
    lower = since_text(since)
    if lower is not None:
        clauses.append("a.started >= ?")
        params.append(lower)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def actions(conn: sqlite3.Connection, attempt_id: str,
            damaged: Damaged = _ignore) -> list[Action]:
    """The recorded actions of one attempt, in order, each with its question's wording. An
    action whose saved data cannot be read is left out and passed to `damaged`."""
    rows = conn.execute(
        "SELECT a.seq, a.at, a.entry, a.interaction, i.definition FROM actions a "
        "JOIN attempts t ON t.id = a.attempt_id LEFT JOIN interactions i "
        "ON i.scenario_digest = t.scenario_digest AND i.id = CASE WHEN "
        "json_valid(a.interaction) THEN json_extract(a.interaction, '$.id') END "
        "WHERE a.attempt_id = ? ORDER BY a.seq", (attempt_id,))
    out = []
    for r in rows:
        try:
            detail = _json(r["definition"], "definition", dict) if r["definition"] else {}
            detail.update(_json(r["interaction"], "interaction", dict))  # older rows carry
            entry = _json(r["entry"], "entry", dict)                      # the wording inline
            out.append(Action(int(r["seq"]), from_text(r["at"]), entry, detail))
        except (_Unreadable, TypeError, ValueError) as exc:
            damaged(attempt_id, f"action {r['seq']}: {exc}")
    return out


def result_field(path: str) -> str:
    """SQL for a field of an attempt's result JSON (NULL where the JSON is damaged, instead of
    an error that would stop the whole query)."""
    return f"CASE WHEN json_valid(a.result) THEN json_extract(a.result, '{path}') END"


def best_score(conn: sqlite3.Connection, player: str, scenario_id: str) -> float | None:
    """The best total of a won or lost attempt."""
    pid = _pid(conn, player)
    if pid is None:
        return None
    row = conn.execute("SELECT MAX(total) FROM attempts WHERE player_id = ? AND scenario_id = ? "
                       "AND outcome IN ('won', 'lost')", (pid, scenario_id)).fetchone()
    return None if row[0] is None else float(row[0])


def unlocked(conn: sqlite3.Connection, player: str) -> set[str]:
    """Scenario ids unlocked by the player's referrals."""
    pid = _pid(conn, player)
    if pid is None:
        return set()
    return {r[0] for r in conn.execute("SELECT scenario_id FROM unlocks WHERE player_id = ?",
                                       (pid,))}


def progress(conn: sqlite3.Connection, player: str) -> Progress:
    """The progress screen's data for one player."""
    records = attempt_records(conn, player, None, None)  # damaged rows left out
    name = records[0].attempt.player if records else player
    by_scenario: dict[str, list[AttemptRecord]] = defaultdict(list)
    trend: list[TrendPoint] = []
    for rec in records:
        by_scenario[rec.attempt.scenario_id].append(rec)
        a = rec.attempt
        if a.outcome in ("won", "lost") and rec.result is not None and a.finished is not None:
            shares = {k: v["score"] / v["max"]
                      for k, v in rec.result["score"]["competencies"].items() if v["max"]}
            trend.append(TrendPoint(a.id, a.scenario_id, a.finished, float(a.total or 0.0),
                                    shares))
    trend.sort(key=lambda t: t.finished)
    scenarios = []
    for sid, recs in by_scenario.items():
        done = [r for r in recs if r.attempt.finished is not None]
        scored = [r.attempt.total for r in done
                  if r.attempt.outcome in ("won", "lost") and r.attempt.total is not None]
        last = recs[-1]
        scenarios.append(ScenarioProgress(
            scenario_id=sid, title=str(last.info.get("title", sid)), attempts=len(recs),
            finished=len(done), wins=sum(r.attempt.outcome == "won" for r in recs),
            best_score=max(scored) if scored else None, last_outcome=last.attempt.outcome,
            last_played=last.last_active))
    scenarios.sort(key=lambda s: s.last_played, reverse=True)
    return Progress(player=name, scenarios=scenarios, trend=trend,
                    unlocked=unlocked(conn, player))


def leaderboard(conn: sqlite3.Connection, scenario_id: str | None,
                since: date | datetime | str | None) -> list[LeaderboardEntry]:
    """Players ranked by best score (won or lost attempts); ties share a rank. Practice
    attempts (played after seeing the same cast's roles) are counted apart, never ranked."""
    where, params = _filters(conn, None, scenario_id, since)
    practice = f"COALESCE({result_field('$.practice')}, 0)"
    rows = conn.execute(
        "SELECT p.name AS player, a.scenario_id, COUNT(*) AS n, MAX(a.total) AS best, "
        "SUM(a.outcome = 'won') AS wins, "
        f"SUM(COALESCE({result_field('$.passed')}, 0)) AS passes "
        "FROM attempts a JOIN players p ON p.id = a.player_id"
        f"{where}{' AND' if where else ' WHERE'} a.outcome IN ('won', 'lost') "
        f"AND NOT {practice} "
        "GROUP BY a.player_id, a.scenario_id", params).fetchall()
    practised: dict[str, int] = defaultdict(int)
    for row in conn.execute(
            "SELECT p.name AS player, COUNT(*) AS n FROM attempts a JOIN players p "
            f"ON p.id = a.player_id{where}{' AND' if where else ' WHERE'} {practice} "
            "GROUP BY a.player_id", params):
        practised[row["player"]] = int(row["n"])
    per_player: dict[str, list[sqlite3.Row]] = defaultdict(list)
    for row in rows:
        per_player[row["player"]].append(row)
    scored = []
    for name, mine in per_player.items():
        score = round(sum(float(r["best"]) for r in mine) / len(mine), 1)
        scored.append((score, sum(int(r["wins"]) for r in mine), name, len(mine),
                       sum(int(r["n"]) for r in mine), sum(int(r["passes"]) for r in mine)))
    scored.sort(key=lambda t: (-t[0], -t[1], t[2].casefold()))
    out: list[LeaderboardEntry] = []
    for i, (score, wins, name, n_scen, n_att, passes) in enumerate(scored):
        rank = out[-1].rank if out and out[-1].score == score and out[-1].wins == wins else i + 1
        out.append(LeaderboardEntry(rank, name, score, n_scen, n_att, wins, passes,
                                    practised.get(name, 0)))
    return out
