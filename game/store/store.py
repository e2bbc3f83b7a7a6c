"""The `Store`: one open results database, and the lifecycle of attempts in it.

Every write is one `BEGIN IMMEDIATE … COMMIT` transaction under `synchronous=FULL`, so once
`record` returns, the action survives a kill -9 or a power cut. A `Store` belongs to the
thread that opened it; another thread or process opens its own.

An open attempt is played by one `Store` at a time (game/store/lease.py): starting, resuming,
recording, finishing or abandoning it takes its lease, and another game trying the same
attempt meanwhile gets `AttemptBusy`; the lease is dropped when the attempt closes, when the
store closes, or — a crash — when the process ends.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import uuid
from collections.abc import Iterable
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from game import variants
from game.engine import Game, GameOver
from game.result import result_dict
from game.runtime import Runtime
from game.schema import Scenario
from game.state import PlayState, StateVersionError
from game.store import actions as acts
from game.store import queries
from game.store.clock import from_text, to_text, utc_now
from game.store.database import Clock, open_database, read, write
from game.store.errors import ResumeError, StoreError
from game.store.lease import AttemptBusy, Holder, LockFile, may_take_over, this_host
from game.store.models import (Action, Attempt, AttemptRecord, LeaderboardEntry, Progress)
from game.store.players import clean_name, player_id, sort_key

_ATTEMPT_COLUMNS = ("a.id, p.name AS player, a.scenario_id, a.seed, a.started, a.scenario_path, "
                    "a.steps, a.finished, a.outcome, a.total, CAST(CASE WHEN json_valid(a.state) "
                    "THEN json_extract(a.state, '$.turn') END AS INTEGER) AS turn")


def scenario_digest(scenario: Scenario) -> str:
    """A fingerprint of the scenario's content (formatting and comments aside)."""
    return hashlib.sha256(scenario.model_dump_json().encode("utf-8")).hexdigest()


def scenario_info(scenario: Scenario) -> dict[str, Any]:
    """What reports need to know about a scenario without its file: title, language, names."""
    referral = scenario.referral
    return {
        "title": scenario.title, "language": scenario.language, "turns": scenario.turns,
        "pass_mark": scenario.scoring.pass_mark, "currency": scenario.account.currency,
        "company": scenario.account.company,
        "leads_to": referral.leads_to if referral is not None else None,
        "stakeholders": {sid: p.name for sid, p in scenario.stakeholders.items()},
        "needs": {nid: n.text for nid, n in scenario.needs.items()},
        "objections": {oid: o.text for oid, o in scenario.objections.items()},
    }


def attempt_from_row(row: sqlite3.Row) -> Attempt:
    """An `Attempt` from a row selected with `_ATTEMPT_COLUMNS`."""
    return Attempt(id=row["id"], player=row["player"], scenario_id=row["scenario_id"],
                   seed=int(row["seed"]), started=from_text(row["started"]),
                   scenario_path=row["scenario_path"], steps=int(row["steps"]),
                   finished=from_text(row["finished"]) if row["finished"] else None,
                   outcome=row["outcome"], total=row["total"], turn=int(row["turn"] or 0))


class Store:
    """An open results database. Use `open_store()` (game.store) to get one."""

    def __init__(self, path: Path, *, busy_timeout: float = 10.0,
                 clock: Clock | None = None, read_only: bool = False) -> None:
        self.path = path
        self.clock: Clock = clock or utc_now
        self.read_only = read_only
        self.conn, self.notices = open_database(path, busy_timeout, self.clock,
                                                read_only=read_only)
        self.owner = uuid.uuid4().hex      # this store's token in the leases it takes
        self.host = this_host()
        self._locks: dict[str, LockFile] = {}

    # --- housekeeping ---------------------------------------------------------------------------

    def close(self) -> None:
        """Close the database (everything is already saved) and give up the leases held."""
        if self._locks and not self.read_only:
            try:
                with write(self.conn, self.path) as c:
                    c.executemany("UPDATE attempts SET lease_owner = NULL WHERE id = ? AND "
                                  "lease_owner = ?", [(i, self.owner) for i in self._locks])
            except StoreError:
                pass  # the locks below are dropped anyway: the attempts can be taken
        for lock in self._locks.values():
            lock.release()
        self._locks.clear()
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _now(self) -> str:
        return to_text(self.clock())

    # --- the attempt lifecycle ------------------------------------------------------------------

    def start_attempt(self, player: str, scenario_path: str | None, scenario: Scenario,
                      seed: int) -> Attempt:
        """Begin a new attempt (saved at once). An unfinished attempt of the same player and
        scenario is closed as abandoned first: starting again means starting over."""
        name = clean_name(player)
        now = self._now()
        attempt_id = str(uuid.uuid4())
        state = Game(Runtime(scenario), seed=seed).state  # the state before any action
        closed: list[str] = []
        try:
            with write(self.conn, self.path) as c:
                pid = player_id(c, name, now, create=True)
                for (old,) in c.execute("SELECT id FROM attempts WHERE player_id = ? AND "
                                        "scenario_id = ? AND finished IS NULL",
                                        (pid, scenario.id)).fetchall():
                    self._take(c, old)  # not while another game plays it
                    closed.append(old)
                c.execute("UPDATE attempts SET finished = ?, outcome = 'abandoned', "
                          "lease_owner = NULL WHERE player_id = ? AND scenario_id = ? AND "
                          "finished IS NULL", (now, pid, scenario.id))
                c.execute("INSERT INTO attempts (id, player_id, scenario_id, scenario_path, "
                          "scenario_digest, seed, info, started, last_active, state) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                          (attempt_id, pid, scenario.id, scenario_path,
                           scenario_digest(scenario), int(seed),
                           _dumps(scenario_info(scenario)), now, now, _dumps(state.to_dict())))
                self._take(c, attempt_id)
                row = c.execute(f"SELECT {_ATTEMPT_COLUMNS} FROM attempts a JOIN players p "
                                f"ON p.id = a.player_id WHERE a.id = ?",
                                (attempt_id,)).fetchone()
        except BaseException:
            self._drop(attempt_id)
            raise
        finally:
            for old in closed:
                self._drop(old)
        return attempt_from_row(row)

    def record(self, attempt: Attempt, game: Game) -> int:
        """Save the actions `game` has taken since the last call (normally exactly one), with
        the state after them; durable when this returns. Returns how many were saved."""
        with write(self.conn, self.path) as c:
            return self._record(c, attempt, game)

    def _record(self, c: sqlite3.Connection, attempt: Attempt, game: Game,
                final: bool = False) -> int:
        row = c.execute("SELECT steps, finished, state, last_active, scenario_id, seed, "
                        "scenario_digest FROM attempts WHERE id = ?", (attempt.id,)).fetchone()
        if row is None:
            raise StoreError(f"attempt {attempt.id} is not in {self.path}")
        if row["finished"] is not None:
            raise StoreError(f"attempt {attempt.id} is already closed (another game window "
                             f"may have started this scenario over); this play is not saved")
        self._take(c, attempt.id, keep_only=True)
        state = game.state
        if state.scenario_id != row["scenario_id"] or state.seed != row["seed"]:
            raise StoreError(f"this game is not attempt {attempt.id}")
        done = int(row["steps"])
        path = state.path
        if len(path) < done:
            raise StoreError(f"this game has fewer actions than attempt {attempt.id} recorded")
        last = c.execute("SELECT entry FROM actions WHERE attempt_id = ? AND seq = ?",
                         (attempt.id, done)).fetchone() if done else None
        if last is not None and _loads(last[0]) != path[done - 1]:
            raise StoreError(f"attempt {attempt.id} was played on in another game since this "
                             f"one saved; this play is not saved. Resume the attempt to see "
                             f"where it stands.")
        now_dt = self.clock()
        now = to_text(now_dt)
        try:
            node_before = json.loads(row["state"]).get("node")
        except (ValueError, AttributeError):
            node_before = None  # a damaged saved state: the wording of a `leave` is lost
        for offset, entry in enumerate(path[done:]):
            detail = acts.interaction(game.rt, entry, node_before if offset == 0 else None)
            definition = {"prompt": detail.pop("prompt"), "choices": detail.pop("choices")}
            c.execute("INSERT OR IGNORE INTO interactions (scenario_digest, id, definition) "
                      "VALUES (?, ?, ?)", (row["scenario_digest"], detail["id"],
                                           _dumps(definition)))
            c.execute("INSERT INTO actions (attempt_id, seq, at, entry, interaction) "
                      "VALUES (?, ?, ?, ?, ?)",
                      (attempt.id, done + offset + 1, now, _dumps(entry), _dumps(detail)))
        elapsed = max(0, int((now_dt - from_text(row["last_active"])).total_seconds() * 1000))
        # `Game.abandon()` (input ended, window closed) logs no action; the saved state stays the
        # one before it, so the attempt can be resumed unless `finish` closes it.
        saved = row["state"] if state.end_reason == "abandoned" and not final else \
            _dumps(state.to_dict())
        c.execute("UPDATE attempts SET steps = ?, state = ?, active_ms = active_ms + ?, "
                  "last_active = ?, lease_beat = ? WHERE id = ?",
                  (len(path), saved, elapsed, now, now, attempt.id))
        return len(path) - done

    def finish(self, attempt: Attempt, game: Game) -> set[str]:
        """Close an attempt that is over (won, lost, or given up with `Game.abandon()`): saves
        any last actions, the outcome and the result JSON. Returns the scenario ids this attempt
        newly unlocked (a won deal plus a won referral unlocks `referral.leads_to`)."""
        if not game.over:
            raise ValueError("finish() needs a game that is over; to stop without finishing, "
                             "just stop recording — the attempt stays resumable")
        result = result_dict(game, attempt.player)
        leads_to = game.scenario.referral.leads_to if game.scenario.referral else None
        with write(self.conn, self.path) as c:
            if self._roles_seen(c, attempt, game):
                result["practice"] = True
            self._record(c, attempt, game, final=True)
            now = self._now()
            c.execute("UPDATE attempts SET finished = ?, outcome = ?, total = ?, result = ?, "
                      "lease_owner = NULL WHERE id = ?",
                      (now, result["outcome"], result["score"]["total"], _dumps(result),
                       attempt.id))
            unlocked: set[str] = set()
            if result["outcome"] == "won" and game.state.referral == "won" and leads_to:
                pid = c.execute("SELECT player_id FROM attempts WHERE id = ?",
                                (attempt.id,)).fetchone()[0]
                cur = c.execute("INSERT OR IGNORE INTO unlocks (player_id, scenario_id, "
                                "attempt_id, at) VALUES (?, ?, ?, ?)",
                                (pid, leads_to, attempt.id, now))
                unlocked = {leads_to} if cur.rowcount else set()
        self._drop(attempt.id)
        return unlocked

    def _roles_seen(self, c: sqlite3.Connection, attempt: Attempt, game: Game) -> bool:
        """Whether this player already saw the roles of this cast of the scenario: an earlier
        attempt of theirs at it was played out (won or lost — its debrief names who decides
        and who sabotages) with a seed that draws the same cast. Such an attempt is practice."""
        base = game.base_scenario
        cast = variants.draw(base, game.state.seed).cast
        rows = c.execute("SELECT a.seed FROM attempts a JOIN attempts me "
                         "ON me.id = ? AND a.player_id = me.player_id "
                         "AND a.scenario_id = me.scenario_id AND a.id != me.id "
                         "WHERE a.outcome IN ('won', 'lost') AND a.finished IS NOT NULL",
                         (attempt.id,)).fetchall()
        return any(variants.draw(base, int(row[0])).cast == cast for row in rows)

    def abandon(self, attempt: Attempt) -> None:
        """Close an unfinished attempt for good, as abandoned (the player starts over)."""
        with write(self.conn, self.path) as c:
            if c.execute("SELECT 1 FROM attempts WHERE id = ? AND finished IS NULL",
                         (attempt.id,)).fetchone() is not None:
                self._take(c, attempt.id)  # not while another game plays it
            c.execute("UPDATE attempts SET finished = ?, outcome = 'abandoned', "
                      "lease_owner = NULL WHERE id = ? AND finished IS NULL",
                      (self._now(), attempt.id))
        self._drop(attempt.id)

    def unfinished(self, player: str, scenario_id: str) -> Attempt | None:
        """The player's attempt of this scenario that can be resumed, if any."""
        with read(self.path):
            pid = player_id(self.conn, player, "", create=False)
            if pid is None:
                return None
            row = self.conn.execute(
                f"SELECT {_ATTEMPT_COLUMNS} FROM attempts a JOIN players p ON p.id = a.player_id "
                f"WHERE a.player_id = ? AND a.scenario_id = ? AND a.finished IS NULL",
                (pid, scenario_id)).fetchone()
        return attempt_from_row(row) if row is not None else None

    def resume(self, attempt: Attempt, runtime: Runtime) -> Game:
        """Rebuild the game of an unfinished attempt by replaying its recorded actions on a
        fresh game with the same seed, and check the result equals the saved state. Raises
        `ResumeError` (with what to do) if the scenario changed or the record is damaged."""
        if runtime.scenario.id != attempt.scenario_id:
            raise ResumeError(f"attempt {attempt.id} is of scenario {attempt.scenario_id!r}, "
                              f"not {runtime.scenario.id!r}")
        with write(self.conn, self.path) as c:  # first the lease: one game replays it
            row = c.execute("SELECT state, finished FROM attempts WHERE id = ?",
                            (attempt.id,)).fetchone()
            if row is None or row["finished"] is not None:
                raise ResumeError(f"attempt {attempt.id} is finished or gone; start a new one")
            self._take(c, attempt.id)
            texts = [r[0] for r in c.execute(
                "SELECT entry FROM actions WHERE attempt_id = ? ORDER BY seq", (attempt.id,))]
            # a new session: the pause is not play time
            c.execute("UPDATE attempts SET last_active = ? WHERE id = ?",
                      (self._now(), attempt.id))
        try:
            return self._replay(attempt, runtime, row["state"], texts)
        except ResumeError:
            self.release(attempt)
            raise

    def _replay(self, attempt: Attempt, runtime: Runtime, state_text: str,
                texts: list[str]) -> Game:
        advice = ("The scenario file has changed since this attempt began, so it cannot be "
                  "continued exactly. Start the scenario over.")
        game = Game(runtime, seed=attempt.seed)
        for n, text in enumerate(texts, 1):
            try:
                entry = json.loads(text)
                acts.replay(game, entry)
            except (KeyError, ValueError, IndexError, TypeError, AttributeError,
                    GameOver) as exc:
                raise ResumeError(f"step {n} of the saved attempt cannot be replayed ({exc}). "
                                  f"{advice}") from None
        try:
            saved = PlayState.from_dict(json.loads(state_text)).to_dict()
        except (StateVersionError, ValueError, TypeError, KeyError, AttributeError) as exc:
            raise ResumeError(f"the saved attempt cannot be read ({exc}). Start the scenario "
                              f"over.") from None
        if game.state.to_dict() != saved:
            raise ResumeError(f"replaying the saved attempt does not give the saved state. "
                              f"{advice}")
        return game

    def release(self, attempt: Attempt) -> None:
        """Stop playing an unfinished attempt here (it stays resumable): another game may
        take it at once. Closing the store does this for every attempt it played."""
        if attempt.id not in self._locks:
            return
        try:
            with write(self.conn, self.path) as c:
                c.execute("UPDATE attempts SET lease_owner = NULL WHERE id = ? AND "
                          "lease_owner = ?", (attempt.id, self.owner))
        finally:
            self._drop(attempt.id)

    # --- leases (game/store/lease.py) -----------------------------------------------------------

    def _take(self, c: sqlite3.Connection, attempt_id: str, *, keep_only: bool = False) -> None:
        """Hold the lease of an open attempt inside the write transaction `c`, or raise
        `AttemptBusy`. With `keep_only`, a lease another game took over is never taken back
        (a game recording actions must not write after losing its attempt)."""
        row = c.execute("SELECT lease_owner, lease_pid, lease_host, lease_beat FROM attempts "
                        "WHERE id = ?", (attempt_id,)).fetchone()
        now_dt = self.clock()
        holder = _holder(row)
        if holder is not None and holder.owner != self.owner and keep_only \
                and attempt_id in self._locks:
            raise AttemptBusy(f"{self.path}: attempt {attempt_id} was taken over by another "
                              f"game ({holder.describe(self.host, now_dt)}); this action is "
                              f"not saved here. Continue it in that game.")
        if holder is None or holder.owner != self.owner:
            lock = self._locks.get(attempt_id) or LockFile(self.path.parent, attempt_id)
            if not lock.acquire():
                raise AttemptBusy(self._busy(attempt_id, holder, now_dt))
            if holder is not None and not may_take_over(holder, lock, self.host, now_dt):
                if attempt_id not in self._locks:
                    lock.release()
                raise AttemptBusy(self._busy(attempt_id, holder, now_dt))
            self._locks[attempt_id] = lock
        c.execute("UPDATE attempts SET lease_owner = ?, lease_pid = ?, lease_host = ?, "
                  "lease_beat = ? WHERE id = ?",
                  (self.owner, os.getpid(), self.host, to_text(now_dt), attempt_id))

    def _busy(self, attempt_id: str, holder: Holder | None, now: datetime) -> str:
        who = holder.describe(self.host, now) if holder is not None else "another process"
        return (f"this attempt ({attempt_id}) is being played in another game window or "
                f"terminal right now ({who}). One game at a time can play an attempt: "
                f"continue it there, or close that game and try again.")

    def _drop(self, attempt_id: str) -> None:
        lock = self._locks.pop(attempt_id, None)
        if lock is not None:
            lock.release()

    # --- reading --------------------------------------------------------------------------------

    def players(self) -> list[str]:
        """Every player's name, alphabetically."""
        with read(self.path):
            names = [r[0] for r in self.conn.execute("SELECT name FROM players")]
        return sorted(names, key=sort_key)

    def attempts(self, player: str | None = None, scenario_id: str | None = None,
                 since: date | datetime | str | None = None) -> list[AttemptRecord]:
        """Attempts (oldest first), filtered by player, scenario and start date."""
        with read(self.path):
            return queries.attempt_records(self.conn, player, scenario_id, since,
                                           self._damaged)

    def actions(self, attempt_id: str) -> list[Action]:
        """The recorded actions of one attempt, in order."""
        with read(self.path):
            return queries.actions(self.conn, attempt_id, self._damaged)

    def _damaged(self, attempt_id: str, what: str) -> None:
        """Note a row left out of what was read, once."""
        notice = (f"{self.path}: attempt {attempt_id} has damaged data ({what}); that part is "
                  f"left out and everything else is shown as saved.")
        if notice not in self.notices:
            self.notices.append(notice)

    def best_score(self, player: str, scenario_id: str) -> float | None:
        """The player's best total on the scenario (won or lost attempts), None if none."""
        with read(self.path):
            return queries.best_score(self.conn, player, scenario_id)

    def progress(self, player: str) -> Progress:
        """The player's progress: per scenario, the competency trend, unlocked scenarios."""
        with read(self.path):
            return queries.progress(self.conn, player)

    def leaderboard(self, scenario_id: str | None = None,
                    since: date | datetime | str | None = None) -> list[LeaderboardEntry]:
        """A class leaderboard, best first; `since` keeps attempts started from that date."""
        with read(self.path):
            return queries.leaderboard(self.conn, scenario_id, since)

    def unlocked(self, player: str) -> set[str]:
        """Scenario ids the player has unlocked by winning a deal and its referral."""
        with read(self.path):
            return queries.unlocked(self.conn, player)

    def playable(self, player: str, scenarios: Iterable[Scenario]) -> set[str]:
        """Of `scenarios`, the ids the player may start: those no other scenario leads to
        (the starting ones), plus those the player has unlocked."""
        catalogue = list(scenarios)
        led_to = {s.referral.leads_to for s in catalogue
                  if s.referral is not None and s.referral.leads_to and
                  s.referral.leads_to != s.id}
        unlocked = self.unlocked(player)
        return {s.id for s in catalogue if s.id not in led_to or s.id in unlocked}

    # --- LRS bookkeeping (game.reports.lrs) -----------------------------------------------------

    def sent_statements(self, endpoint: str) -> set[str]:
        """Ids of xAPI statements the LRS at `endpoint` has accepted."""
        with read(self.path):
            return {r[0] for r in self.conn.execute(
                "SELECT statement_id FROM lrs_sent WHERE endpoint = ?", (endpoint,))}

    def mark_sent(self, endpoint: str, statement_ids: Iterable[str]) -> None:
        """Remember that the LRS at `endpoint` accepted these statements."""
        now = self._now()
        with write(self.conn, self.path) as c:
            c.executemany("INSERT OR IGNORE INTO lrs_sent (endpoint, statement_id, sent) "
                          "VALUES (?, ?, ?)", [(endpoint, sid, now) for sid in statement_ids])


def _holder(row: sqlite3.Row | None) -> Holder | None:
    """The lease written in an attempt's row, or None when nobody holds it."""
    if row is None or not row["lease_owner"]:
        return None
    try:
        beat = from_text(row["lease_beat"])
    except (TypeError, ValueError):
        beat = datetime.min.replace(tzinfo=timezone.utc)  # unreadable: as old as can be
    return Holder(str(row["lease_owner"]), int(row["lease_pid"] or 0),
                  str(row["lease_host"] or ""), beat)


def _loads(text: str) -> Any:
    """JSON text as saved, or None when it cannot be read."""
    try:
        return json.loads(text)
    except ValueError:
        return None


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
