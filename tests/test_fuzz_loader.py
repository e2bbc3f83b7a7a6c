"""Fuzzing the loader: whatever the input, a LoadResult with well-formed problems, never a crash.

Runs are derandomized (the same examples every run) so CI stays reproducible.
"""
from __future__ import annotations

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.loader import LoadResult, load_scenario_text
from game.yamlsafe import read_yaml_text

NAME = "fuzz.yaml"

VALID = """\
id: fuzz
title: Fuzzing
language: es
account: {company: Hotel Sol, product: Reservas}
briefing: Gana la cuenta.
turns: 4
close: {interest: 1, needs: 1}
needs:
  horas: {text: Horas extra, benefit: back_end_savings, amount: 1200}
objections:
  precio: {text: Es caro., raised_by: luis, counters: [piloto]}
stakeholders:
  marta:
    name: Marta Núñez
    title: Directora
    role: decision_maker
    influences: {luis: 0.4}
    cares_about: [horas]
    conversation:
      start: hola
      nodes:
        hola:
          say: "¿Qué tal?"
          choices:
            - id: pregunta
              text: ¿Qué le preocupa?
              tactic: discovery
              if: {trust_min: 0.1}
              effects:
                reveal_needs: [horas]
                role_hints: [{about: marta, text: Ella firma.}]
              next: oferta
            - text: Preséntame a Luis.
              tactic: introduction
              effects: {introduce: [luis]}
        oferta:
          say: no
          choices:
            - text: Le ahorra horas.
              tactic: pitch
              effects: {pitch: [horas], interest: 1}
            - text: Un piloto de dos semanas.
              tactic: counter
              effects: {counter: {objection: precio, using: piloto}}
            - text: ¿Empezamos el lunes?
              tactic: close
              next: end
  luis:
    name: Luis
    title: IT
    role: saboteur
    requires_introduction: true
    conversation:
      start: hola
      nodes:
        hola:
          say: 1:20
          choices:
            - text: ¿Dudas?
              tactic: discovery
              effects: {raise_objections: [precio]}
              next: end
events:
  duda:
    text: Luis duda.
    turn: 2
    effects: {stance_of: {marta: -0.1}}
"""

LINES = VALID.splitlines(keepends=True)

# Values that are the wrong type, or plain trouble, for wherever they land.
WRONG_VALUES = [
    "[1, 2]", "{a: 1}", "true", "-3.5", "''", "~", '"x"', "&a 1", "*a", "!!python/none ''",
    "9" * 5000, "\t", "]:", "- x", "1e999", ".nan", "no", "1:20", "{", "'", "|", ">-",
    "!!binary aGk=", "[" * 100, "? x", "@", "%YAML 1.1", "\x00", "é", "\ufeff", "---",
]

SETTINGS = settings(max_examples=200, derandomize=True, database=None, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


def check_result(result: LoadResult) -> None:
    """What every load must give, whatever went in."""
    assert isinstance(result, LoadResult)
    assert result.path == NAME
    for problem in result.problems:
        assert problem.file == NAME
        assert isinstance(problem.line, int) and problem.line >= 1
        assert isinstance(problem.col, int) and problem.col >= 1
        assert problem.level in ("error", "warning")
        assert problem.code and problem.message
    assert result.problems == sorted(result.problems)
    if any(p.level == "error" for p in result.problems):
        assert result.scenario is None


@SETTINGS
@given(st.text(max_size=3000))
def test_random_text(text: str) -> None:
    check_result(load_scenario_text(text, NAME))


@SETTINGS
@given(st.binary(max_size=3000))
def test_random_bytes(raw: bytes) -> None:
    check_result(load_scenario_text(raw, NAME))


@SETTINGS
@given(st.text(alphabet=st.sampled_from(list(" \t\n-:[]{},'\"#&*!|>?%@`abc01.é")),
               max_size=400))
def test_random_yaml_punctuation(text: str) -> None:
    check_result(load_scenario_text(text, NAME))


def _indent(line: str, by: int) -> str:
    body = line.lstrip(" ")
    return " " * max(0, len(line) - len(body) + by) + body


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """The valid scenario with a few lines deleted, duplicated, swapped, re-indented, retyped."""
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(
            ["delete", "duplicate", "swap", "indent", "retype", "retype", "truncate_line"]))
        if action == "delete":
            del lines[i]
        elif action == "duplicate":
            lines.insert(i, lines[i])
        elif action == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif action == "indent":
            lines[i] = _indent(lines[i], draw(st.sampled_from([-4, -2, -1, 1, 2, 4])))
        elif action == "retype":
            head, sep, _ = lines[i].partition(": ")
            value = draw(st.sampled_from(WRONG_VALUES))
            lines[i] = (head + sep + value + "\n") if sep else (lines[i].rstrip("\n") + " " +
                                                               value + "\n")
        else:
            cut = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:cut] + "\n"
    text = "".join(lines)
    if draw(st.booleans()):
        text = text[: draw(st.integers(0, len(text)))]
    return text


def test_the_unmutated_scenario_is_clean() -> None:
    result = load_scenario_text(VALID, NAME)
    assert result.problems == [] and result.scenario is not None


@SETTINGS
@given(mutated())
def test_mutated_scenario(text: str) -> None:
    check_result(load_scenario_text(text, NAME))


@SETTINGS
@given(mutated(), st.sampled_from(["utf-8", "utf-8-sig", "latin-1", "utf-16"]),
       st.booleans())
def test_mutated_scenario_as_bytes(text: str, encoding: str, crlf: bool) -> None:
    if crlf:
        text = text.replace("\n", "\r\n")
    raw = text.encode(encoding, errors="replace")
    check_result(load_scenario_text(raw, NAME))


VALID_DATA = read_yaml_text(VALID, NAME).data  # `no` and `1:20` stay text, as in the game


@SETTINGS
@given(st.floats(allow_nan=True, allow_infinity=True) | st.integers() | st.booleans() | st.none()
       | st.text(max_size=30) | st.lists(st.integers(), max_size=3),
       st.sampled_from(["turns", "title", "language", "close", "needs", "stakeholders"]))
def test_any_plain_value_in_a_top_level_field(value: object, field: str) -> None:
    data = dict(VALID_DATA)  # shallow: only a top-level field is replaced
    data[field] = value
    text = yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False)
    check_result(load_scenario_text(text, NAME))


POOL = ["marta", "luis", "horas", "precio", "hola", "oferta", "end", "nadie"]
ROLES = ["decision_maker", "influencer", "saboteur", "user", "gatekeeper"]
TACTICS = ["discovery", "authority", "pitch", "counter", "introduction", "close", "referral",
           "small_talk"]


@st.composite
def rewired(draw: st.DrawFn) -> dict[str, object]:
    """The valid scenario with its references, roles and tactics redrawn: still schema-valid,
    so every lint rule runs on ids that may or may not exist."""
    import copy

    data = copy.deepcopy(VALID_DATA)
    ids = st.sampled_from(POOL)
    some = st.lists(ids, max_size=3)
    for sid, person in data["stakeholders"].items():
        person["role"] = draw(st.sampled_from(ROLES))
        person["requires_introduction"] = draw(st.booleans())
        person["influences"] = draw(st.dictionaries(ids, st.sampled_from([0.0, 0.5, 1.0]),
                                                    max_size=2))
        person["cares_about"] = draw(some)
        conversation = person["conversation"]
        conversation["start"] = draw(st.sampled_from(POOL + [conversation["start"]] * 4))
        for node in conversation["nodes"].values():
            for choice in node.get("choices", []):
                choice["tactic"] = draw(st.sampled_from(TACTICS))
                choice["next"] = draw(ids)
                choice["once"] = draw(st.booleans())
                choice["if"] = {"needs_known": draw(some), "met": draw(some),
                                "objections_open": draw(some)}
                choice["effects"] = {
                    "reveal_needs": draw(some), "pitch": draw(some), "introduce": draw(some),
                    "raise_objections": draw(some),
                    "role_hints": [{"about": draw(ids), "text": "Pista."}],
                    "stance_of": draw(st.dictionaries(ids, st.just(0.1), max_size=2)),
                    "interest": draw(st.integers(-4, 4)),
                    "counter": {"objection": draw(ids), "using": draw(ids)},
                }
        if draw(st.booleans()):
            conversation["nodes"]["vacio"] = {"say": "…"}
    data["objections"]["precio"]["raised_by"] = draw(ids)
    data["events"]["duda"]["effects"] = {"stance": 0.1, "introduce": draw(some),
                                         "interest": draw(st.integers(0, 4))}
    data["close"] = {"interest": draw(st.integers(0, 4)), "needs": draw(st.integers(1, 3))}
    return data


@settings(SETTINGS, max_examples=100)  # each example draws ~60 values; 100 cover the rules
@given(rewired())
def test_rewired_scenario_runs_every_rule(data: dict[str, object]) -> None:
    text = yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False)
    schema_only = load_scenario_text(text, NAME, lint=False)
    assert schema_only.problems == []  # only the rules can find something here
    check_result(load_scenario_text(text, NAME))
