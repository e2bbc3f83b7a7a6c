"""Reading xAPI statements back: the game's own statements, written on other machines
(`report --format xapi`, `sync`), turned into finished attempts for this results database.

`read_statements(path)` reads a file: JSON Lines (one statement a line, as `report --format
xapi` writes), a JSON array of statements, or an LRS answer (`{"statements": [...]}`); each
statement comes with where it was found (`file:line`), for messages. `gather(found)` groups them by attempt (`context.registration`) and returns one
`ImportedAttempt` per finished attempt — what game/reports/xapi.py wrote, read back: player,
scenario and its names, seed, start and end, outcome, total, the verdict, each competency, the
opportunities missed, play time. Statements of other tools (an LRS is often shared) are left
out and counted; an attempt still being played (no `completed` or `terminated` yet) waits for
a later import. Nothing here raises on bad input: every problem is a sentence naming the
statement or line, for the command to print.
"""
from __future__ import annotations

import io
import json
import math
import os
import re
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from game.reports.xapi import VERBS
from game.safe_text import shown
from game.store.importing import ImportedAttempt
from game.store.players import clean_name

MAX_FILE = 16 * 1024 * 1024      # bytes: about 12,000 statements, 300 attempts
MAX_STATEMENTS = 50_000          # in one file
MAX_OBJECTS = 1_000_000          # JSON objects in one file (a statement has about 40)
PLATFORM = "Qualified"
_VERB_NAMES = {iri: name for name, iri in VERBS.items()}
_ID = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_\-]*$")
_DURATION = re.compile(r"^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?"
                       r"(?:(\d+(?:\.\d+)?)S)?)?$")
_OUTCOMES = ("won", "lost")
_DROPPED = ("stored", "authority")   # set by the LRS that stored a statement, not by the game


@dataclass
class Gathered:
    """Finished attempts found in a set of statements, and what was left out."""

    attempts: list[ImportedAttempt] = field(default_factory=list)
    statements: int = 0          # distinct statements read
    foreign: int = 0             # statements not written by the game
    in_progress: int = 0         # attempts with no end yet
    problems: list[str] = field(default_factory=list)
    waiting: Found = field(default_factory=list)   # not final: an unfinished attempt's


Found = list[tuple[str, Any]]   # (where: "file:line" or "file, statement n", the statement)


def read_statements(path: str) -> tuple[Found, list[str]]:
    """The statements in the file at `path` and the problems met reading it (each naming the
    file, and the line for JSON Lines). Never raises."""
    name = shown(path)
    try:
        size = os.path.getsize(path)
        if not os.path.isfile(path):
            return [], [f"{name}: not a file — give the .jsonl files `report --format xapi` "
                        f"wrote"]
        if size > MAX_FILE:
            return [], [f"{name}: {_size(size)} is more than this command reads at once "
                        f"({_size(MAX_FILE)}); export each machine's "
                        f"statements in parts (report --format xapi --since DATE)"]
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE + 1)
    except OSError as exc:
        return [], [f"{name}: cannot be read ({exc.strerror or exc}) — check the path"]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return [], [f"{name}: not UTF-8 text (byte {exc.start}); xAPI statements are JSON in "
                    f"UTF-8"]
    return parse_statements(text, name)


class _TooMany(ValueError):
    """More JSON objects than one file may hold (memory stays bounded)."""


def parse_statements(text: str, name: str) -> tuple[Found, list[str]]:
    """Statements from text: a JSON array, an LRS answer or JSON Lines."""
    made = 0

    def counted(obj: dict[str, Any]) -> dict[str, Any]:
        nonlocal made
        made += 1
        if made > MAX_OBJECTS:
            raise _TooMany
        return obj

    too_many = [f"{name}: more than {MAX_STATEMENTS:,} statements or {MAX_OBJECTS:,} JSON "
                f"objects — not an export of the game's statements, or too large: export each "
                f"machine's statements in parts (report --format xapi --since DATE)"]
    stripped = text.lstrip()
    if stripped[:1] in ("[", "{"):
        try:
            whole = json.loads(stripped, object_hook=counted)
        except _TooMany:
            return [], too_many
        except (ValueError, RecursionError):
            whole = None  # maybe JSON Lines starting with an object
            made = 0
        if isinstance(whole, dict) and isinstance(whole.get("statements"), list):
            whole = whole["statements"]
        if isinstance(whole, dict) and "actor" in whole:
            whole = [whole]
        if isinstance(whole, list):
            if len(whole) > MAX_STATEMENTS:
                return [], too_many
            return [(f"{name}, statement {n}", st) for n, st in enumerate(whole, 1)], []
    found: Found = []
    problems: list[str] = []
    for number, line in enumerate(io.StringIO(text), 1):
        if not line.strip():
            continue
        if len(found) >= MAX_STATEMENTS:
            return [], too_many
        try:
            found.append((f"{name}:{number}", json.loads(line, object_hook=counted)))
        except _TooMany:
            return [], too_many
        except (ValueError, RecursionError) as exc:
            problems.append(f"{name}:{number}: not a JSON statement ({_short(exc)}); this line "
                            f"is left out")
    if not found and not problems:
        problems.append(f"{name}: no statements in it")
    return found, problems


def gather(found: Found, *, final: bool = True) -> Gathered:
    """The finished attempts among the statements `found` (any order, duplicates allowed).
    With `final` false (more files or pages to come), an attempt not yet whole — no end, or
    no start — is not counted: its statements are handed back in `waiting`, to be gathered
    again with the next file's."""
    out = Gathered()
    by_id: dict[str, dict[str, Any]] = {}
    origin: dict[str, str] = {}
    for where, st in found:
        if not isinstance(st, dict):
            out.problems.append(f"{where}: not a JSON object, so not a statement; left out")
            continue
        sid = st.get("id")
        if not _is_uuid(sid):
            out.problems.append(f"{where}: a statement without a UUID id; left out")
            continue
        kept = {k: v for k, v in st.items() if k not in _DROPPED}
        earlier = by_id.get(str(sid).lower())
        if earlier is None:
            by_id[str(sid).lower()] = kept
            origin[str(sid).lower()] = where
        elif earlier != kept:
            out.problems.append(f"{where}: statement {sid} differs from the one with the same "
                                f"id at {origin[str(sid).lower()]}; the first is kept")
    out.statements = len(by_id)
    attempts: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for st in by_id.values():
        registration = _ours(st)
        if registration is None:
            out.foreign += 1
        else:
            attempts[registration].append(st)
    for registration in sorted(attempts):
        story = attempts[registration]
        where = origin[str(story[0]["id"]).lower()]
        verbs = {_verb(st) for st in story}
        if not final and not ({"attempted"} <= verbs and verbs & {"completed", "terminated"}):
            out.waiting.extend((origin[str(st["id"]).lower()], st) for st in story)
            continue
        if not verbs & {"completed", "terminated"}:
            out.in_progress += 1
            continue
        try:
            out.attempts.append(_attempt(registration, story))
        except _Unusable as exc:
            out.problems.append(f"{where}: attempt {registration}: {exc}; left out")
    return out


class _Unusable(ValueError):
    """An attempt whose statements do not tell what the store needs."""


def _ours(st: dict[str, Any]) -> str | None:
    """The attempt id of one of the game's statements, None for another tool's."""
    context = st.get("context")
    verb = st.get("verb")
    if not (isinstance(context, dict) and context.get("platform") == PLATFORM
            and isinstance(verb, dict) and verb.get("id") in _VERB_NAMES):
        return None
    registration = context.get("registration")
    return str(registration).lower() if _is_uuid(registration) else None


def game_statement_ids(statements: list[Any]) -> list[str]:
    """The ids of the game's own statements among `statements` (the others left out)."""
    return [str(st["id"]).lower() for st in statements
            if isinstance(st, dict) and _is_uuid(st.get("id")) and _ours(st) is not None]


def _verb(st: dict[str, Any]) -> str:
    return _VERB_NAMES[st["verb"]["id"]]


def _attempt(registration: str, story: list[dict[str, Any]]) -> ImportedAttempt:
    by_verb: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for st in story:
        by_verb[_verb(st)].append(st)
    if not by_verb["attempted"]:
        raise _Unusable("its 'attempted' statement is missing (an incomplete export — import "
                        "the whole file or the LRS)")
    begun = by_verb["attempted"][0]
    end = (by_verb["completed"] or by_verb["terminated"])[0]
    actor = begun.get("actor") if isinstance(begun.get("actor"), dict) else {}
    account = actor.get("account") if isinstance(actor.get("account"), dict) else {}
    try:
        player = clean_name(str(account.get("name") or actor.get("name") or ""))
    except ValueError as exc:
        raise _Unusable(f"its player's name cannot be used ({exc})") from None
    scenario_id = _scenario_id(begun)
    context = begun.get("context") if isinstance(begun.get("context"), dict) else {}
    extensions = _extensions(context)
    seed = extensions.get("seed")
    if not isinstance(seed, int) or isinstance(seed, bool):
        raise _Unusable("its seed is missing")
    started, finished = _when(begun), _when(end)
    info = _info(extensions.get("scenario"), begun, scenario_id)
    answered = by_verb["answered"]
    turns = [_extensions(st.get("context")).get("turn") for st in answered]
    turn = max([t for t in turns if isinstance(t, int) and not isinstance(t, bool)],
               default=0)
    result = end.get("result") if isinstance(end.get("result"), dict) else {}
    seconds = _seconds(result.get("duration"))
    if seconds is None:
        seconds = max(0.0, (finished - started).total_seconds())
    common = dict(id=registration, player=player, scenario_id=scenario_id, seed=seed,
                  started=started, finished=max(started, finished), info=info,
                  active_seconds=seconds, steps=len(answered), turn=turn,
                  statements=sorted(story, key=_order))
    score = result.get("score") if isinstance(result.get("score"), dict) else {}
    if not by_verb["completed"] and not _number(score.get("raw")):  # given up before a result
        return ImportedAttempt(outcome="abandoned", total=None, result=None, **common)
    return _finished(result, by_verb, info, player, scenario_id, seed, common)


def _finished(result: dict[str, Any], by_verb: dict[str, list[dict[str, Any]]],
              info: dict[str, Any], player: str, scenario_id: str, seed: int,
              common: dict[str, Any]) -> ImportedAttempt:
    """A won or lost attempt, or one given up with its score so far (`terminated`)."""
    extensions = _extensions(result)
    abandoned = not by_verb["completed"]
    outcome = "abandoned" if abandoned else extensions.get("outcome")
    if outcome not in _OUTCOMES and not abandoned:
        raise _Unusable("its outcome (won or lost) is missing")
    score = result.get("score") if isinstance(result.get("score"), dict) else {}
    total = score.get("raw")
    if not _number(total) or not 0 <= float(total) <= 100:
        raise _Unusable("its score (0–100) is missing")
    if abandoned:
        passed = False  # a deal given up is not won
    elif by_verb["passed"] or by_verb["failed"]:
        passed = bool(by_verb["passed"])
    elif isinstance(result.get("success"), bool):
        passed = bool(result["success"])
    else:
        raise _Unusable("its verdict (passed or failed) is missing")
    kept: dict[str, Any] = {
        "format": 1, "scenario": scenario_id, "title": info["title"],
        "language": info["language"], "seed": seed, "player": player, "outcome": outcome,
        "passed": passed}
    if isinstance(extensions.get("pass-reason"), str):
        kept["pass_reason"] = extensions["pass-reason"]
    if isinstance(extensions.get("referral"), str):
        kept["referral"] = extensions["referral"]
    kept["score"] = {"total": float(total),
                     "competencies": _competencies(extensions.get("competencies"))}
    kept["path"] = []
    kept["debrief"] = {"missed": _missed(extensions.get("missed"))}
    if extensions.get("practice") is True:
        kept["practice"] = True
    if extensions.get("disqualified") is True:
        kept["disqualified"] = True
    return ImportedAttempt(outcome=outcome, total=float(total), result=kept, **common)


def _scenario_id(begun: dict[str, Any]) -> str:
    obj = begun.get("object") if isinstance(begun.get("object"), dict) else {}
    iri = str(obj.get("id", ""))
    if "/scenarios/" not in iri:
        raise _Unusable("its activity is not a scenario")
    scenario_id = iri.rsplit("/scenarios/", 1)[1].split("/")[0]
    if not _ID.match(scenario_id) or len(scenario_id) > 64:
        raise _Unusable(f"its scenario id {shown(scenario_id[:80])!r} is not one the game "
                        f"writes")
    return scenario_id


def _info(given: Any, begun: dict[str, Any], scenario_id: str) -> dict[str, Any]:
    """The scenario's names as the statement carries them; title and language at least (from
    the activity when an older export has no `scenario` extension)."""
    info: dict[str, Any] = dict(given) if isinstance(given, dict) else {}
    obj = begun.get("object") if isinstance(begun.get("object"), dict) else {}
    definition = obj.get("definition") if isinstance(obj.get("definition"), dict) else {}
    names = definition.get("name") if isinstance(definition.get("name"), dict) else {}
    context = begun.get("context") if isinstance(begun.get("context"), dict) else {}
    if not isinstance(info.get("title"), str):
        info["title"] = next((v for v in names.values() if isinstance(v, str)), scenario_id)
    if info.get("language") not in ("en", "es"):
        language = str(context.get("language") or "en")[:2].lower()
        info["language"] = language if language in ("en", "es") else "en"
    if not (isinstance(info.get("pass_mark"), int) and 0 <= info["pass_mark"] <= 100):
        info["pass_mark"] = 60
    for key in ("stakeholders", "needs", "objections"):
        if not isinstance(info.get(key), dict):
            info[key] = {}
        info[key] = {str(k): str(v) for k, v in info[key].items()}
    return info


def _competencies(given: Any) -> dict[str, Any]:
    """Each competency's score, max and points lost, as the result JSON holds them; entries
    that are not as the game writes them are left out."""
    out: dict[str, Any] = {}
    if not isinstance(given, dict):
        return out
    for name, entry in given.items():
        if not (isinstance(entry, dict) and _number(entry.get("score"))
                and _number(entry.get("max"))):
            continue
        lost = [item for item in entry.get("lost", []) if isinstance(item, dict)
                and _number(item.get("points")) and isinstance(item.get("why"), str)] \
            if isinstance(entry.get("lost"), list) else []
        out[str(name)] = {"score": float(entry["score"]), "max": float(entry["max"]),
                          "lost": lost}
    return out


def _missed(given: Any) -> list[dict[str, Any]]:
    if not isinstance(given, list):
        return []
    return [{"code": m["code"], "turn": m.get("turn"), "params": m.get("params", {})}
            for m in given if isinstance(m, dict) and isinstance(m.get("code"), str)
            and isinstance(m.get("params", {}), dict)]


def _extensions(holder: Any) -> dict[str, Any]:
    """The game's extensions of a context or result, by short name (`seed`, `outcome`…),
    whatever organisation address they start with."""
    if not isinstance(holder, dict) or not isinstance(holder.get("extensions"), dict):
        return {}
    return {str(k).rsplit("/xapi/extensions/", 1)[1]: v
            for k, v in holder["extensions"].items() if "/xapi/extensions/" in str(k)}


def _when(st: dict[str, Any]) -> datetime:
    text = st.get("timestamp")
    try:
        when = datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    except ValueError:
        raise _Unusable(f"a timestamp ({shown(str(text)[:40])}) is not ISO 8601") from None
    if when.tzinfo is None:
        raise _Unusable("a timestamp has no time zone")
    return when


def _seconds(duration: Any) -> float | None:
    match = _DURATION.match(str(duration)) if isinstance(duration, str) else None
    if match is None:
        return None
    days, hours, minutes, seconds = (float(g) if g else 0.0 for g in match.groups())
    total = timedelta(days=days, hours=hours, minutes=minutes, seconds=seconds).total_seconds()
    return total if math.isfinite(total) else None


def _order(st: dict[str, Any]) -> tuple[int, int, str]:
    """The order the game writes an attempt's statements in: attempted, the answers by step,
    then completed and the verdict (or terminated)."""
    rank = {"attempted": 0, "answered": 1, "completed": 2, "passed": 3, "failed": 3,
            "terminated": 2}[_verb(st)]
    step = _extensions(st.get("context")).get("step")
    return rank, step if isinstance(step, int) else 0, str(st.get("timestamp", ""))


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) \
        and math.isfinite(value)


def _is_uuid(value: Any) -> bool:
    if not isinstance(value, str) or len(value) != 36:
        return False
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def _size(count: int) -> str:
    return f"{count / (1024 * 1024):.0f} MB" if count >= 1024 * 1024 else \
        f"{max(1, round(count / 1024))} kB"


def _short(exc: BaseException) -> str:
    return shown(str(exc))[:120] if not isinstance(exc, RecursionError) else "nested too deep"
