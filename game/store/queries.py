"""Read-only questions to the results database: attempts for reports, progress, leaderboard,
unlocks. Functions take an open connection; `Store` wraps them."""
from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from datetime import date, datetime
from typing import Any

from game.store.clock import from_text, since_text
from game.store.models import (Action, Attempt, AttemptRecord, LeaderboardEntry, Progress,
                               ScenarioProgress, TrendPoint)
from game.store.players import name_key


def _pid(conn: sqlite3.Connection, player: str) -> int | None:
    row = conn.execute("SELECT id FROM players WHERE key = ?", (name_key(player),)).fetchone()
    return int(row[0]) if row is not None else None


def attempt_records(conn: sqlite3.Connection, player: str | None, scenario_id: str | None,
                    since: date | datetime | str | None) -> list[AttemptRecord]:
    """Attempts with their details, oldest first, filtered."""
    where, params = _filters(conn, player, scenario_id, since)
    if where is None:
        return []
    rows = conn.execute(
        "SELECT a.*, p.name AS player FROM attempts a JOIN players p ON p.id = a.player_id"
        f"{where} ORDER BY a.started, a.id", params).fetchall()
    out = []
    for row in rows:
        attempt = Attempt(id=row["id"], player=row["player"], scenario_id=row["scenario_id"],
                          seed=int(row["seed"]), started=from_text(row["started"]),
                          scenario_path=row["scenario_path"], steps=int(row["steps"]),
                          finished=from_text(row["finished"]) if row["finished"] else None,
                          outcome=row["outcome"], total=row["total"],
                          turn=int(json.loads(row["state"]).get("turn", 0)))
        out.append(AttemptRecord(
            attempt=attempt, info=json.loads(row["info"]),
            active_seconds=int(row["active_ms"]) / 1000.0,
            last_active=from_text(row["last_active"]), state=json.loads(row["state"]),
            result=json.loads(row["result"]) if row["result"] else None))
    return out


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


def actions(conn: sqlite3.Connection, attempt_id: str) -> list[Action]:
    """The recorded actions of one attempt, in order, each with its question's wording."""
    rows = conn.execute(
        "SELECT a.seq, a.at, a.entry, a.interaction, i.definition FROM actions a "
        "JOIN attempts t ON t.id = a.attempt_id LEFT JOIN interactions i "
        "ON i.scenario_digest = t.scenario_digest AND i.id = json_extract(a.interaction, '$.id') "
        "WHERE a.attempt_id = ? ORDER BY a.seq", (attempt_id,))
    out = []
    for r in rows:
        detail = json.loads(r["definition"]) if r["definition"] else {}
        detail.update(json.loads(r["interaction"]))  # older rows carry the wording inline
        out.append(Action(int(r["seq"]), from_text(r["at"]), json.loads(r["entry"]), detail))
    return out


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
    records = attempt_records(conn, player, None, None)
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
    practice = "COALESCE(json_extract(a.result, '$.practice'), 0)"
    rows = conn.execute(
        "SELECT p.name AS player, a.scenario_id, COUNT(*) AS n, MAX(a.total) AS best, "
        "SUM(a.outcome = 'won') AS wins, "
        "SUM(COALESCE(json_extract(a.result, '$.passed'), 0)) AS passes "
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
