"""Loading scenarios: every bad input becomes located problems naming the file, never a crash."""
from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel

from game import schema
from game.loader import LoadResult, load_scenario, load_scenario_text
from game.problems import Path as YamlPath
from game.yamlsafe import MAX_BYTES, read_yaml_text

# A scenario that sets every field of every model at least once (lint warnings do not matter).
FULL = """\
format: 1.2
id: full
title: Every field
language: es
difficulty: advanced
minutes: 20
account:
  company: Hotel Sol
  product: Reservas Pro
  situation: Temporada alta.
  deal_value: 12000
  currency: EUR
briefing: Gana la cuenta.
turns: 8
stakeholders:
  marta:
    name: Marta Núñez
    title: Directora
    role: decision_maker
    stance: 0.1
    trust: 0.4
    openness: 0.6
    influences: {luis: 0.5}
    cares_about: [horas]
    requires_introduction: false
    conversation:
      start: hola
      nodes:
        hola:
          say: "¿Qué tal, señora Núñez?"
          say_again: "¿Otra vez por aquí?"
          end: false
          choices:
            - id: c1
              text: ¿Qué le preocupa?
              tactic: discovery
              if:
                needs_known: [horas]
                needs_unknown: [horas]
                flags: [visto]
                not_flags: [visto]
                met: [luis]
                not_met: [luis]
                objections_open: [precio]
                objections_resolved: [precio]
                pitched: [horas]
                trust_min: 0.1
                stance_min: -0.5
                interest_min: 0
                turn_min: 1
                turn_max: 8
                meeting: later
                learned: [budget]
                not_learned: [timing]
              effects:
                reveal_needs: [horas]
                role_hints: [{about: marta, text: Ella firma., vague: false}]
                stance: 0.1
                trust: 0.1
                interest: 1
                stance_of: {luis: 0.1}
                trust_of: {luis: 0.1}
                raise_objections: [precio]
                counter: {objection: precio, using: descuento}
                pitch: [horas]
                introduce: [luis]
                set_flags: [visto]
                clear_flags: [otro]
                learn: [budget]
                walk_away: sin_dinero
              next: fin
              reply: Las horas extra.
              feedback: Buena pregunta.
              feedback_won: Cerró bien.
              feedback_failed: Cerró pronto.
              quality: mistake
              severity: minor
              once: true
        fin:
          end: true
  luis:
    name: Luis Pardo
    title: Jefe de IT
    role: saboteur
    conversation:
      start: hola
      nodes:
        hola: {say: Hola., end: true}
needs:
  horas: {text: Horas extra, benefit: back_end_savings, amount: 3000, importance: 2}
objections:
  precio: {text: Es caro., raised_by: luis, counters: [descuento], pressure: 0.2}
events:
  duda:
    text: Luis duda.
    turn: 2
    if: {met: [luis]}
    once: true
    effects: {stance_of: {marta: -0.1}}
close: {stance: 0.4, interest: 2, needs: 1, block_influence: 0.2, max_attempts: 2,
        discount: 0.1, won: ¡Trato hecho!, lost: Otra vez será., won_line: "Adjudicado: {value}"}
referral: {trust: 0.5, won: Llame a Ana., lost: No conozco a nadie., leads_to: otro,
           moment: "{who} firma. ¿Pide una referencia?"}
qualification:
  budget: {text: 12.000 EUR aprobados}
  timing: {text: Antes del verano}
  decision_process: {text: Comité el día 14 y firma de la directora}
  competitor: {text: Preseleccionado el mes pasado, name: Rival Reservas, champion: luis}
disqualify:
  when: {flags: [sin_presupuesto]}
  after: [budget, authority]
  text: Se despidió con cortesía.
  reasons:
    sin_dinero: {when: {flags: [sin_presupuesto]}, text: Quedó en llamar en enero.}
scoring:
  weights: {discovery: 20, qualification: 20, saboteurs: 15, value_pitch: 20, closing: 15,
            relationship: 10}
  pass_mark: 60
variants:
  casts:
    - {roles: {luis: saboteur}, flags: [luis_sabotea], needs_introduction: [luis],
       name: luis-sabotea, champion: luis}
  needs:
    - {active: [horas], flags: [con_horas]}
  stances: {luis: [-0.3, 0.1]}
"""

# A small scenario with no problems at all, for edits with positions spelled out.
SMALL = """\
id: small
title: Small
language: en
account: {company: Acme, product: RouteMate}
briefing: Win it.
turns: 3
close: {interest: 1, needs: 1}
needs:
  overtime: {text: Late nights, benefit: back_end_savings}
stakeholders:
  dana:
    name: Dana
    title: Director
    role: decision_maker
    cares_about: [overtime]
    conversation:
      start: hello
      nodes:
        hello:
          say: Hello.
          choices:
            - text: What slows you down?
              tactic: discovery
              effects:
                reveal_needs: [overtime]
                role_hints: [{about: dana, text: She signs.}]
            - text: This ends the overtime.
              tactic: pitch
              effects: {pitch: [overtime]}
            - text: Shall we start?
              tactic: close
              next: end
"""


def located(result: LoadResult) -> list[tuple[int, int, str]]:
    """(line, col, code) of every problem, after checking each is well formed."""
    for problem in result.problems:
        assert problem.file == result.path
        assert problem.line >= 1 and problem.col >= 1
        assert problem.level in ("error", "warning") and problem.message
    return [(p.line, p.col, p.code) for p in result.problems]


def test_full_and_small_scenarios_load() -> None:
    full = load_scenario_text(FULL, "full.yaml", lint=False)
    assert full.problems == [] and full.scenario is not None
    small = load_scenario_text(SMALL, "small.yaml")
    assert small.problems == [] and small.scenario is not None


def _models() -> Iterator[type[BaseModel]]:
    for value in vars(schema).values():
        if isinstance(value, type) and issubclass(value, BaseModel) and value.__module__ == schema.__name__ \
                and not value.__name__.startswith("_"):
            yield value


def _keys(data: Any) -> Iterator[str]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield key
            yield from _keys(value)
    elif isinstance(data, list):
        for item in data:
            yield from _keys(item)


def test_full_scenario_really_sets_every_field() -> None:
    used = set(_keys(yaml.safe_load(FULL)))
    for model in _models():
        for name, field in model.model_fields.items():
            assert (field.alias or name) in used, f"{model.__name__}.{name} is not in FULL"


def _value_paths(data: Any, path: YamlPath = ()) -> Iterator[YamlPath]:
    if path:
        yield path
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _value_paths(value, path + (key,))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from _value_paths(item, path + (index,))


def _wrong(value: Any) -> Any:
    if isinstance(value, (dict, str)):
        return ["oops"]
    return "oops"  # lists, numbers and booleans


FULL_DATA = yaml.safe_load(FULL)


@pytest.mark.parametrize("path", list(_value_paths(FULL_DATA)),
                         ids=lambda p: ".".join(map(str, p)))
def test_a_wrong_type_anywhere_is_located_at_that_value(path: YamlPath) -> None:
    data = copy.deepcopy(FULL_DATA)
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    parent[path[-1]] = _wrong(parent[path[-1]])
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=10_000)
    result = load_scenario_text(text, "typed.yaml")
    assert result.scenario is None
    where = read_yaml_text(text, "typed.yaml").locator.where(path)
    assert {(line, col) for line, col, _ in located(result)} == {where}
    assert {code for _, _, code in located(result)} <= {"wrong-type", "bad-value"}
    name = next(str(p) for p in reversed(path) if not isinstance(p, int))
    assert any(f"'{name}'" in p.message for p in result.problems)


def test_unknown_key_suggests_the_close_one() -> None:
    text = SMALL.replace("              tactic: pitch", "              tactc: pitch")
    result = load_scenario_text(text, "small.yaml")
    # the choice's mapping starts on line 27; the misspelt key stands on line 28
    assert located(result) == [(27, 15, "missing-key"), (28, 15, "unknown-key")]
    unknown = next(p for p in result.problems if p.code == "unknown-key")
    assert "did you mean 'tactic'?" in unknown.message
    missing = next(p for p in result.problems if p.code == "missing-key")
    assert "'tactic'" in missing.message


def test_unknown_top_level_key_and_bad_literal() -> None:
    text = SMALL.replace("language: en", "langauge: en\nlanguage: English")
    assert located(load_scenario_text(text, "s.yaml")) == [(3, 1, "unknown-key"),
                                                          (4, 11, "bad-value")]
    role = load_scenario_text(SMALL.replace("role: decision_maker", "role: decision-maker"),
                              "s.yaml")
    assert located(role) == [(14, 11, "bad-value")]
    assert "did you mean 'decision_maker'?" in role.problems[0].message


def test_missing_key_is_located_at_its_mapping() -> None:
    text = SMALL.replace("    title: Director\n", "")
    result = load_scenario_text(text, "s.yaml")
    assert located(result) == [(12, 5, "missing-key")]  # where dana's mapping starts
    assert "missing required key 'title' in 'dana'" in result.problems[0].message


def test_missing_top_level_keys_are_all_reported() -> None:
    result = load_scenario_text("id: x\n", "s.yaml")
    assert [code for _, _, code in located(result)] == ["missing-key"] * 6
    assert {m.message.split("'")[1] for m in result.problems} == {
        "title", "language", "account", "briefing", "turns", "stakeholders"}


def test_duplicate_key_names_both_lines() -> None:
    text = SMALL.replace("    title: Director\n", "    title: Director\n    name: Dana R.\n")
    result = load_scenario_text(text, "s.yaml")
    assert located(result) == [(14, 5, "duplicate-key")]
    assert "lines 12 and 14" in result.problems[0].message
    assert result.scenario is None


def test_bad_id_and_out_of_range() -> None:
    text = SMALL.replace("  overtime: {", "  over time: {").replace("turns: 3", "turns: 0")
    result = load_scenario_text(text, "s.yaml")
    assert located(result) == [(6, 8, "out-of-range"), (9, 3, "bad-id")]
    assert "at least 1" in result.problems[0].message


def test_no_yes_and_times_stay_text() -> None:
    text = SMALL.replace("title: Small", "title: no").replace("say: Hello.", "say: 1:20") \
        .replace("briefing: Win it.", "briefing: yes")
    result = load_scenario_text(text, "s.yaml")
    assert result.problems == [] and result.scenario is not None
    assert result.scenario.title == "no" and result.scenario.briefing == "yes"
    assert result.scenario.stakeholders["dana"].conversation.nodes["hello"].say == "1:20"


def test_utf8_bom_and_crlf_with_spanish_accents(tmp_path: Path) -> None:
    path = tmp_path / "es.yaml"
    text = FULL.replace("\n", "\r\n")
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    result = load_scenario(path, lint=False)
    assert result.problems == [] and result.scenario is not None
    marta = result.scenario.stakeholders["marta"]
    assert marta.name == "Marta Núñez"
    assert marta.conversation.nodes["hola"].say == "¿Qué tal, señora Núñez?"


BAD_FILES: list[tuple[str, bytes, list[tuple[int, int, str]]]] = [
    ("empty", b"", [(1, 1, "empty")]),
    ("list", b"- id: x\n- title: y\n", [(1, 1, "not-mapping")]),
    ("scalar", b"just some words\n", [(1, 1, "not-mapping")]),
    ("number", b"42\n", [(1, 1, "not-mapping")]),
    ("malformed", b"id: x\ntitle: [unclosed\nlanguage: en\n", [(2, 8, "unclosed-bracket")]),
    ("tabs", b"id: x\naccount:\n\tcompany: A\n", [(3, 1, "tab")]),
    ("latin-1", "id: x\ntitle: caf\u00e9\n".encode("latin-1"), [(2, 11, "not-utf8")]),
    ("utf-16", "id: x\n".encode("utf-16"), [(1, 1, "not-utf8")]),
    ("documents", b"id: x\n---\nid: y\n", [(2, 1, "several-documents")]),
    ("anchor", b"id: &i x\ntitle: *i\n", [(1, 5, "anchor")]),
    ("python-tag", b"id: !!python/object/apply:os.system ['rm -rf /']\n", [(1, 5, "tag")]),
    ("deep-flow", b"id: " + b"[" * 5000 + b"]" * 5000 + b"\n", [(1, 68, "too-deep")]),
    ("deep-block", b"id:\n" + b"- " * 5000 + b"x\n", [(2, 127, "too-deep")]),
]


@pytest.mark.parametrize(("raw", "expected"), [(raw, exp) for _, raw, exp in BAD_FILES],
                         ids=[name for name, _, _ in BAD_FILES])
def test_bad_files_give_located_problems(tmp_path: Path, raw: bytes,
                                         expected: list[tuple[int, int, str]]) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes(raw)
    result = load_scenario(path)
    assert result.scenario is None
    assert located(result) == expected
    assert all(p.file == str(path) for p in result.problems)
    assert [located(load_scenario_text(raw, "mem.yaml"))] == [expected]


def test_over_five_megabytes_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"id: x\nbriefing: " + b"a" * MAX_BYTES + b"\n")
    result = load_scenario(path)
    assert located(result) == [(1, 1, "too-large")]
    assert "MB" in result.problems[0].message


def test_a_path_that_does_not_exist(tmp_path: Path) -> None:
    result = load_scenario(tmp_path / "nope.yaml", display="scenarios/nope.yaml")
    assert result.path == "scenarios/nope.yaml"
    assert located(result) == [(1, 1, "no-file")]


def test_display_name_is_used_in_every_problem(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(SMALL.replace("turns: 3", "turns: many"), encoding="utf-8")
    result = load_scenario(path, display="shown.yaml")
    assert [(p.file, p.line, p.col, p.code) for p in result.problems] == [
        ("shown.yaml", 6, 8, "wrong-type")]
