"""xAPI statements: the spec's rules, the verbs per attempt, stable ids, accents."""
from __future__ import annotations

import json
from collections import Counter

import pytest

from game.reports import render
from game.reports.xapi import VERBS, iso_duration, statement_id
from game.store import Store
from tests.reports.xapi_rules import DURATION, check_statement
from tests.store.helpers import WIN, full_attempt, scenario, spanish


def _statements(store: Store, **filters: str) -> list[dict]:
    text = render("xapi", store, **filters)  # type: ignore[arg-type]
    return [json.loads(line) for line in text.splitlines()]


def test_every_statement_follows_the_spec(class_store: Store) -> None:
    found = _statements(class_store)
    assert found
    for st in found:
        assert check_statement(st) == [], st
        assert st["version"] == "1.0.3"
        assert st["verb"]["id"].startswith("http://adlnet.gov/expapi/verbs/")
        assert set(st["actor"]) == {"objectType", "name", "account"}
    assert len({st["id"] for st in found}) == len(found)


def test_each_attempt_tells_its_story_in_order(class_store: Store) -> None:
    found = _statements(class_store)
    by_attempt: dict[str, list[dict]] = {}
    for st in found:
        by_attempt.setdefault(st["context"]["registration"], []).append(st)
    records = {r.attempt.id: r for r in class_store.attempts()}
    assert set(by_attempt) == set(records)
    for attempt_id, story in by_attempt.items():
        record = records[attempt_id]
        verbs = [st["verb"]["id"].rsplit("/", 1)[1] for st in story]
        assert verbs[0] == "attempted"
        assert verbs.count("answered") == record.attempt.steps
        if record.attempt.outcome in ("won", "lost"):
            assert verbs[-2] == "completed" and verbs[-1] in ("passed", "failed")
            result = story[-1]["result"]
            score = result["score"]
            assert score["min"] == 0 and score["max"] == 100
            assert score["raw"] == record.attempt.total
            assert score["scaled"] == pytest.approx(record.attempt.total / 100)
            assert result["success"] == (verbs[-1] == "passed")
            assert result["success"] == (record.attempt.total >= 60)
            assert result["completion"] is True and DURATION.match(result["duration"])
        elif record.attempt.outcome == "abandoned":
            assert verbs[-1] == "terminated"
            assert story[-1]["result"]["completion"] is False
        else:
            assert verbs[-1] == "answered"  # unfinished: nothing claims an end
        times = [st["timestamp"] for st in story]
        assert times == sorted(times)


def test_choices_are_cmi_interactions_with_the_offered_choices(class_store: Store) -> None:
    answered = [st for st in _statements(class_store)
                if st["verb"]["id"] == VERBS["answered"]]
    kinds = Counter(st["object"]["id"].split("/interactions/")[1].split("/")[0]
                    for st in answered)
    assert {"meet", "talk", "role", "referral"} <= set(kinds)
    for st in answered:
        definition = st["object"]["definition"]
        assert definition["type"] == "http://adlnet.gov/expapi/activities/cmi.interaction"
        assert definition["interactionType"] == "choice"
        offered = {c["id"] for c in definition["choices"]}
        assert st["result"]["response"] in offered
        assert st["context"]["contextActivities"]["parent"][0]["id"].endswith(
            "/scenarios/" + st["object"]["id"].split("/scenarios/")[1].split("/")[0])


def test_statement_ids_are_stable_across_exports(class_store: Store) -> None:
    first = render("xapi", class_store)
    assert render("xapi", class_store) == first
    ids = [json.loads(line)["id"] for line in first.splitlines()]
    attempt = class_store.attempts()[0].attempt
    assert ids[0] == statement_id(attempt.id, "attempted")


def test_activity_ids_follow_the_configured_base(class_store: Store,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUALIFIED_XAPI_BASE", "https://learning.example.org/qualified/")
    st = _statements(class_store)[0]
    assert st["object"]["id"] == "https://learning.example.org/qualified/scenarios/mini"
    assert st["actor"]["account"]["homePage"] == "https://learning.example.org/qualified/"


def test_accents_survive_in_statements(empty: Store) -> None:
    full_attempt(empty, "Núñez", spanish(), 3, WIN)
    text = render("xapi", empty)
    assert "Núñez" in text and "\\u" not in text
    found = [json.loads(line) for line in text.splitlines()]
    assert found[0]["actor"]["account"]["name"] == "Núñez"
    assert found[0]["object"]["definition"]["name"] == {"es": "Venta de rutas — Logística Núñez"}
    assert any(c["description"] == {"es": "¿Cómo planificáis las rutas hoy?"}
               for st in found if "choices" in st["object"].get("definition", {})
               for c in st["object"]["definition"]["choices"])
    assert all(check_statement(st) == [] for st in found)


def test_filters_and_an_empty_database(class_store: Store) -> None:
    mine = _statements(class_store, player="núñez")
    assert mine and {st["actor"]["name"] for st in mine} == {"Núñez"}
    assert render("xapi", class_store, player="nobody") == ""


@pytest.mark.parametrize("seconds, expected", [
    (0, "PT0S"), (0.004, "PT0S"), (5, "PT5S"), (61.5, "PT1M1.5S"), (3600, "PT1H"),
    (3725.25, "PT1H2M5.25S"), (90000, "PT25H")])
def test_durations_are_iso_8601(seconds: float, expected: str) -> None:
    assert iso_duration(seconds) == expected
    assert DURATION.match(expected)


def test_the_rules_checker_catches_what_it_should() -> None:
    bad = {"id": "nope", "actor": {"mbox": "mailto:a@b", "account": {"name": "x"}},
           "verb": {"id": "answered"}, "object": {"id": "x y"},
           "result": {"score": {"scaled": 1.5, "raw": 120, "min": 0, "max": 100},
                      "duration": "12 minutes"},
           "context": {"registration": "r"}, "timestamp": "yesterday", "colour": "red"}
    problems = "\n".join(check_statement(bad))
    for expected in ("id must be a UUID", "exactly one identifier", "verb.id", "object.id",
                     "scaled must be within", "raw must lie", "not ISO 8601",
                     "registration must be a UUID", "not an ISO 8601 date-time",
                     "unknown top-level property 'colour'"):
        assert expected in problems


def test_success_is_the_verdict_and_practice_is_marked(empty: Store) -> None:
    """A won deal at the pass mark passes; the same player's next attempt at the same cast,
    after that debrief named the roles, is practice — in xAPI, the CSV and the table."""
    full_attempt(empty, "Ana", scenario(), 1, WIN)
    full_attempt(empty, "Ana", scenario(), 1, WIN)
    found = [json.loads(line) for line in render("xapi", empty).splitlines()]
    verdicts = [st for st in found if st["verb"]["id"].endswith(("/passed", "/failed"))]
    assert [st["result"]["success"] for st in verdicts] == [True, True]
    extensions = [st["result"]["extensions"] for st in verdicts]
    assert [any(k.endswith("/practice") for k in e) for e in extensions] == [False, True]
    assert all(any(k.endswith("/pass-reason") and v == "passed" for k, v in e.items())
               for e in extensions)
    csv_lines = render("csv", empty).splitlines()
    header = csv_lines[0].split(",")
    rows = [dict(zip(header, line.split(","))) for line in csv_lines[1:]]
    assert [(r["passed"], r["practice"]) for r in rows] == [("true", "false"), ("true", "true")]
    table = render("table", empty)
    assert "passed" in table and "practice" in table


def test_a_won_deal_with_a_critical_mistake_is_failed_in_xapi(empty: Store) -> None:
    critical = scenario(a="              feedback: Open questions uncover pains.|"
                          "              feedback: Open questions uncover pains.\n"
                          "              quality: mistake\n"
                          "              severity: critical")
    full_attempt(empty, "Bea", critical, 1, WIN)
    found = [json.loads(line) for line in render("xapi", empty).splitlines()]
    assert any(st["verb"]["id"].endswith("/failed") and st["result"]["success"] is False
               and st["result"]["score"]["raw"] >= 60 for st in found)
