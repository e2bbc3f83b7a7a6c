"""Attempts as xAPI 1.0.3 statements (JSON Lines), ready for a Learning Record Store.

Per attempt:
- `attempted` (when it started), its context carrying the seed and the scenario's names
  (`…/extensions/scenario`: title, language, pass mark, people, needs, objections), so that
  another machine can report on the attempt without the scenario file (`import`);
- per recorded action, `answered`, whose object is a `cmi.interaction` of type `choice`: the
  question, every choice offered with the id the trainer wrote on it (its position only when it
  has none), the choices marked good as `correctResponsesPattern`, and the response;
- once finished, `completed` then `passed` or `failed` (the verdict: won, total ≥ the pass mark,
  no critical mistake), or `terminated` for an abandoned attempt — with `result.score` (scaled =
  total/100, raw, min 0, max 100), `success` (not for `terminated`), `completion`, an ISO 8601
  `duration` of play time and extensions: outcome, pass reason, practice, each competency's
  score, max and points lost, the opportunities missed and the referral.

`context.registration` is the attempt's UUID. The actor is an account (`homePage` + the
player's name). Statement ids are UUID 5 of the attempt, verb and step, so exporting or
syncing again never duplicates a statement. An attempt brought in by `import` is exported as
the statements it came as, unchanged.

Activity ids and the account's homePage start with QUALIFIED_XAPI_BASE (environment) or
`[organisation] home_page` in settings.toml, by default `https://qualified.invalid` — set one
to your organisation's address before the first sync, since ids must not change afterwards.
"""
from __future__ import annotations

import json
import os
import uuid
from collections.abc import Callable, Iterator
from typing import Any

from game.store import Action, AttemptRecord
from game.store.clock import to_text

XAPI_VERSION = "1.0.3"
ENV_BASE = "QUALIFIED_XAPI_BASE"
DEFAULT_BASE = "https://qualified.invalid"
ADL = "http://adlnet.gov/expapi"
VERBS = {name: f"{ADL}/verbs/{name}"
         for name in ("attempted", "answered", "completed", "passed", "failed", "terminated")}
SIMULATION = f"{ADL}/activities/simulation"
INTERACTION = f"{ADL}/activities/cmi.interaction"
_NAMESPACE = uuid.UUID("8c5e0a9e-3f4b-5b8e-9a52-2f1d6c0b7a41")  # fixed forever: ids stay stable


def base_iri() -> str:
    """The IRI prefix for activities and the account homePage: QUALIFIED_XAPI_BASE, else
    `[organisation] home_page` in settings.toml (game/settings.py), else DEFAULT_BASE. Raises
    SettingsError (a ValueError) when the settings file cannot be used."""
    from game.settings import load_settings  # only exports need it

    chosen = os.environ.get(ENV_BASE, "").strip() or load_settings().home_page or DEFAULT_BASE
    return chosen.rstrip("/")


def iso_duration(seconds: float) -> str:
    """An ISO 8601 duration, e.g. `PT1H2M3.5S` (hundredths of a second at most)."""
    centis = max(0, int(round(seconds * 100)))
    hours, rest = divmod(centis, 360000)
    minutes, centis = divmod(rest, 6000)
    secs = f"{centis / 100:.2f}".rstrip("0").rstrip(".")
    out = "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
    return out + (f"{secs}S" if secs != "0" or out == "PT" else "")


def statement_id(attempt_id: str, verb: str, step: int = 0) -> str:
    """The stable id of one statement."""
    return str(uuid.uuid5(_NAMESPACE, f"{attempt_id}/{verb}/{step}"))


def extension(base: str, name: str) -> str:
    """The IRI of one of the game's extensions (`<base>/xapi/extensions/<name>`)."""
    return f"{base}/xapi/extensions/{name}"


def statements(records: list[AttemptRecord], actions_of: Callable[[str], list[Action]],
               originals: Callable[[str], list[dict[str, Any]]] | None = None,
               ) -> Iterator[dict[str, Any]]:
    """Every statement for `records`, attempt by attempt, in time order within each.
    `originals(attempt_id)` gives the statements an imported attempt came as (none for an
    attempt played here); those are given back unchanged."""
    base = base_iri()
    for record in records:
        kept = originals(record.attempt.id) if originals is not None else []
        if kept:
            yield from kept
        else:
            yield from _attempt_statements(record, actions_of(record.attempt.id), base)


def _attempt_statements(record: AttemptRecord, actions: list[Action],
                        base: str) -> Iterator[dict[str, Any]]:
    a, info = record.attempt, record.info
    lang = str(info.get("language") or "en")
    scenario_iri = f"{base}/scenarios/{a.scenario_id}"
    scenario = {"objectType": "Activity", "id": scenario_iri,
                "definition": {"type": SIMULATION,
                               "name": {lang: str(info.get("title") or a.scenario_id)},
                               "description": {lang: str(info.get("company") or
                                                         info.get("title") or a.scenario_id)}}}
    actor = {"objectType": "Agent", "name": a.player,
             "account": {"homePage": base + "/", "name": a.player}}
    context = {"registration": a.id, "platform": "Qualified", "language": lang,
               "extensions": {f"{base}/xapi/extensions/seed": a.seed}}

    def statement(verb: str, obj: dict[str, Any], when: str, step: int = 0,
                  result: dict[str, Any] | None = None,
                  ctx: dict[str, Any] | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": statement_id(a.id, verb, step), "actor": actor,
            "verb": {"id": VERBS[verb], "display": {"en-US": verb}}, "object": obj,
            "context": ctx or context, "timestamp": when, "version": XAPI_VERSION}
        if result is not None:
            out["result"] = result
        return out

    yield statement("attempted", scenario, to_text(a.started),
                    ctx={**context, "extensions": {**context["extensions"],
                                                   extension(base, "scenario"): info}})
    for action in actions:
        yield statement("answered", _interaction_object(action, scenario_iri, lang),
                        to_text(action.at), action.seq, _answer(action, base),
                        {**context, "contextActivities": {"parent": [{
                            "objectType": "Activity", "id": scenario_iri}]},
                         "extensions": {**context["extensions"],
                                        f"{base}/xapi/extensions/step": action.seq,
                                        f"{base}/xapi/extensions/turn":
                                            int(action.entry.get("turn", 0))}})
    if a.finished is None:
        return
    when = to_text(a.finished)
    duration = iso_duration(record.active_seconds)
    if a.outcome not in ("won", "lost") or record.result is None:
        ended: dict[str, Any] = {"completion": False, "duration": duration}
        if record.result is not None:  # given up: the score so far, as the reports show it
            total = float(record.result["score"]["total"])
            ended["score"] = {"scaled": round(total / 100.0, 4), "raw": total, "min": 0,
                              "max": 100}
            ended["extensions"] = {extension(base, "outcome"): "abandoned",
                                   **({extension(base, "pass-reason"):
                                       record.result["pass_reason"]}
                                      if "pass_reason" in record.result else {}),
                                   **_story(record.result, base)}
        yield statement("terminated", scenario, when, result=ended)
        return
    total = float(record.result["score"]["total"])
    # the verdict (won, at the pass mark, no critical mistake); a result saved before verdicts
    # existed passes on the total alone, as it did then
    passed = bool(record.result["passed"]) if "passed" in record.result else \
        total >= int(info.get("pass_mark", 60))
    extensions = {f"{base}/xapi/extensions/outcome": a.outcome}
    if "pass_reason" in record.result:
        extensions[f"{base}/xapi/extensions/pass-reason"] = record.result["pass_reason"]
    if record.result.get("practice"):
        extensions[f"{base}/xapi/extensions/practice"] = True
    if record.result.get("disqualified"):  # lost, and rightly walked away (format 1.2)
        extensions[f"{base}/xapi/extensions/disqualified"] = True
    extensions.update(_story(record.result, base))
    result = {"score": {"scaled": round(total / 100.0, 4), "raw": total, "min": 0, "max": 100},
              "success": passed, "completion": True, "duration": duration,
              "extensions": extensions}
    yield statement("completed", scenario, when, result=result)
    yield statement("passed" if passed else "failed", scenario, when, result=result)


def _story(result: dict[str, Any], base: str) -> dict[str, Any]:
    """What a report on another machine needs beyond the score: each competency (score, max,
    points lost and why), the opportunities missed and the referral."""
    out: dict[str, Any] = {extension(base, "competencies"): result["score"]["competencies"]}
    debrief = result.get("debrief")
    if isinstance(debrief, dict) and isinstance(debrief.get("missed"), list):
        out[extension(base, "missed")] = [
            {k: miss[k] for k in ("code", "turn", "params") if k in miss}
            for miss in debrief["missed"] if isinstance(miss, dict)]
    if result.get("referral") is not None:
        out[extension(base, "referral")] = result["referral"]
    return out


def choice_ids(choices: list[dict[str, Any]]) -> dict[str, str]:
    """Each stored choice id (its position, or `leave`) → the id xAPI shows: the id the trainer
    wrote on the choice, so reordering a file never changes what old results mean; the position
    for a choice without one. Should authored ids clash (two alike, or one called `leave`),
    the positions stay for the whole question."""
    shown = {str(c["id"]): str(c.get("authored") or c["id"]) for c in choices}
    return shown if len(set(shown.values())) == len(shown) else {k: k for k in shown}


def _interaction_object(action: Action, scenario_iri: str, lang: str) -> dict[str, Any]:
    detail = action.interaction
    ids = choice_ids(detail["choices"])
    definition: dict[str, Any] = {
        "type": INTERACTION, "interactionType": "choice",
        "name": {lang: str(detail.get("prompt") or detail["id"])}}
    good = [ids[str(c["id"])] for c in detail["choices"] if c.get("good")]
    if good:  # any one of the choices the trainer marked good is a correct response
        definition["correctResponsesPattern"] = good
    definition["choices"] = [{"id": ids[str(c["id"])],
                              "description": {lang: str(c["text"] or c["id"])}}
                             for c in detail["choices"]]
    return {"objectType": "Activity", "id": f"{scenario_iri}/interactions/{detail['id']}",
            "definition": definition}


def _answer(action: Action, base: str) -> dict[str, Any]:
    detail = action.interaction
    response = str(detail["response"])
    result: dict[str, Any] = {"response": choice_ids(detail["choices"]).get(response, response)}
    mark = detail.get("mark")
    if mark in ("good", "mistake"):
        result["success"] = mark == "good"
    extensions = {f"{base}/xapi/extensions/{k}": detail[k] for k in ("tactic", "mark")
                  if detail.get(k)}
    if extensions:
        result["extensions"] = extensions
    return result


def to_jsonl(items: Iterator[dict[str, Any]]) -> str:
    """One compact JSON statement per line (UTF-8 text, accents kept)."""
    return "".join(json.dumps(s, ensure_ascii=False, separators=(",", ":")) + "\n"
                   for s in items)
