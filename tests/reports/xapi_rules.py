"""The xAPI 1.0.3 rules a Learning Record Store enforces on a statement (the parts this game
uses), as a checker returning every problem found. Used by the xAPI tests and by the loopback
LRS in the sync tests.

From the spec (xAPI 1.0.3, Part Two: Statements): an id is a UUID; the actor is an Agent
with exactly one inverse functional identifier (here an account with `homePage` IRL and
`name`); the verb and the activities have absolute IRIs; language maps are keyed by RFC 5646
tags; `result.score.scaled` is in [-1, 1], `raw` between `min` and `max`; `duration` is an
ISO 8601 duration; `timestamp` an ISO 8601 date-time; `context.registration` a UUID; a
`cmi.interaction` of type `choice` lists its choices as `{id, description}`; no property
outside the spec at the statement's top level.
"""
from __future__ import annotations

import re
from datetime import datetime
from typing import Any

TOP_LEVEL = {"id", "actor", "verb", "object", "result", "context", "timestamp", "stored",
             "authority", "version", "attachments"}
INTERACTION_TYPES = {"true-false", "choice", "fill-in", "long-fill-in", "matching",
                     "performance", "sequencing", "likert", "numeric", "other"}
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$")
IRL = re.compile(r"^https?://[^\s/]+(/[^\s]*)?$")
LANG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
DURATION = re.compile(r"^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$")


def _lang_map(value: Any, where: str) -> list[str]:
    if not isinstance(value, dict) or not value:
        return [f"{where}: a language map must be a non-empty object"]
    return [f"{where}: {k!r} is not an RFC 5646 language tag" for k in value
            if not LANG.match(str(k))] + [f"{where}: values must be strings"
                                          for v in value.values() if not isinstance(v, str)]


def _timestamp(value: Any, where: str) -> list[str]:
    try:
        when = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return [f"{where}: {value!r} is not an ISO 8601 date-time"]
    return [] if when.tzinfo is not None else [f"{where}: a timestamp needs a time zone"]


def _activity(obj: Any, where: str) -> list[str]:
    if not isinstance(obj, dict):
        return [f"{where}: must be an object"]
    problems = []
    if obj.get("objectType", "Activity") != "Activity":
        problems.append(f"{where}.objectType must be Activity")
    if not IRI.match(str(obj.get("id", ""))):
        problems.append(f"{where}.id must be an absolute IRI")
    definition = obj.get("definition")
    if definition is None:
        return problems
    for key in ("name", "description"):
        if key in definition:
            problems += _lang_map(definition[key], f"{where}.definition.{key}")
    if "type" in definition and not IRI.match(str(definition["type"])):
        problems.append(f"{where}.definition.type must be an IRI")
    kind = definition.get("interactionType")
    if kind is not None:
        if kind not in INTERACTION_TYPES:
            problems.append(f"{where}: unknown interactionType {kind!r}")
        if definition.get("type") != "http://adlnet.gov/expapi/activities/cmi.interaction":
            problems.append(f"{where}: an interaction's type must be cmi.interaction")
        if kind == "choice":
            choices = definition.get("choices")
            if not isinstance(choices, list) or not choices:
                problems.append(f"{where}: a choice interaction lists its choices")
            else:
                ids = [c.get("id") for c in choices]
                if len(set(ids)) != len(ids) or not all(isinstance(i, str) and i and
                                                        " " not in i for i in ids):
                    problems.append(f"{where}: choice ids must be unique strings without spaces")
                for i, choice in enumerate(choices):
                    problems += _lang_map(choice.get("description"),
                                          f"{where}.choices[{i}].description")
    return problems


def check_statement(st: Any) -> list[str]:
    """Every rule `st` breaks (an empty list for a valid statement)."""
    if not isinstance(st, dict):
        return ["a statement must be a JSON object"]
    problems = [f"unknown top-level property {k!r}" for k in st if k not in TOP_LEVEL]
    for key in ("actor", "verb", "object"):
        if key not in st:
            problems.append(f"missing required property {key!r}")
    if "id" in st and not UUID.match(str(st["id"])):
        problems.append("id must be a UUID")
    if "version" in st and not re.match(r"^1\.0(\.\d+)?$", str(st["version"])):
        problems.append("version must be 1.0.x")
    actor = st.get("actor", {})
    ifis = [k for k in ("mbox", "mbox_sha1sum", "openid", "account") if k in actor]
    if actor.get("objectType", "Agent") != "Agent" or len(ifis) != 1:
        problems.append("actor must be an Agent with exactly one identifier")
    account = actor.get("account")
    if account is not None and (not IRL.match(str(account.get("homePage", ""))) or
                                not isinstance(account.get("name"), str) or
                                not account.get("name")):
        problems.append("actor.account needs a homePage IRL and a name")
    verb = st.get("verb", {})
    if not IRI.match(str(verb.get("id", ""))):
        problems.append("verb.id must be an absolute IRI")
    if "display" in verb:
        problems += _lang_map(verb["display"], "verb.display")
    problems += _activity(st.get("object"), "object")
    result = st.get("result")
    if result is not None:
        score = result.get("score")
        if score is not None:
            scaled = score.get("scaled")
            if scaled is not None and not (isinstance(scaled, (int, float)) and
                                           -1 <= scaled <= 1):
                problems.append("result.score.scaled must be within [-1, 1]")
            low, high, raw = score.get("min"), score.get("max"), score.get("raw")
            if low is not None and high is not None and not low < high:
                problems.append("result.score.min must be below max")
            if raw is not None and ((low is not None and raw < low) or
                                    (high is not None and raw > high)):
                problems.append("result.score.raw must lie between min and max")
        for key in ("success", "completion"):
            if key in result and not isinstance(result[key], bool):
                problems.append(f"result.{key} must be true or false")
        if "duration" in result and not DURATION.match(str(result["duration"])):
            problems.append(f"result.duration {result['duration']!r} is not ISO 8601")
        if "response" in result and not isinstance(result["response"], str):
            problems.append("result.response must be a string")
        for key in result.get("extensions", {}):
            if not IRI.match(key):
                problems.append(f"result.extensions key {key!r} is not an IRI")
    context = st.get("context")
    if context is not None:
        if "registration" in context and not UUID.match(str(context["registration"])):
            problems.append("context.registration must be a UUID")
        if "language" in context and not LANG.match(str(context["language"])):
            problems.append("context.language must be an RFC 5646 tag")
        for kind, items in context.get("contextActivities", {}).items():
            if kind not in ("parent", "grouping", "category", "other"):
                problems.append(f"unknown contextActivities kind {kind!r}")
            for i, item in enumerate(items if isinstance(items, list) else [items]):
                problems += _activity(item, f"context.contextActivities.{kind}[{i}]")
        for key in context.get("extensions", {}):
            if not IRI.match(key):
                problems.append(f"context.extensions key {key!r} is not an IRI")
    if "timestamp" in st:
        problems += _timestamp(st["timestamp"], "timestamp")
    return problems
