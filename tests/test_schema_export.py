"""The committed JSON Schema (docs/scenario.schema.json) is the one the models generate, and it
accepts every shipped scenario and rejects what the loader rejects.

The bundled scenarios start with `# yaml-language-server: $schema=../docs/scenario.schema.json`
so editors complete and check keys; the file must therefore be committed. Regenerate it with
`python main.py schema > docs/scenario.schema.json` after changing game/schema.py.
"""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from game.schema import scenario_json_schema

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_FILE = ROOT / "docs" / "scenario.schema.json"
SCHEMA_LINE = "# yaml-language-server: $schema=../docs/scenario.schema.json"
SHIPPED = sorted((ROOT / "scenarios").glob("*.y*ml")) + [ROOT / "docs" / "example.yaml",
                                                         ROOT / "tests" / "fixtures" / "mini.yaml"]


def _validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_committed_schema_equals_the_generated_one() -> None:
    committed = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert committed == scenario_json_schema(), (
        "docs/scenario.schema.json is out of date: run "
        "`python main.py schema > docs/scenario.schema.json`")


def test_schema_command_prints_the_committed_file(capsys: pytest.CaptureFixture[str]) -> None:
    from game.cli import main
    assert main(["schema"]) == 0
    assert capsys.readouterr().out == SCHEMA_FILE.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", [p for p in SHIPPED if p.exists()], ids=lambda p: p.name)
def test_every_shipped_scenario_passes_the_schema(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
              for e in _validator().iter_errors(data)]
    assert errors == []


@pytest.mark.parametrize("path", sorted((ROOT / "scenarios").glob("*.y*ml")), ids=lambda p: p.name)
def test_bundled_scenarios_point_editors_at_the_schema(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == SCHEMA_LINE


MINIMAL = """\
id: tiny
title: Tiny
language: en
account: {company: Acme, product: Tool}
briefing: Sell it.
turns: 3
stakeholders:
  dana:
    name: Dana
    title: Boss
    role: decision_maker
    conversation:
      start: hi
      nodes:
        hi: {say: Hello., end: true}
variants:
  casts:
    - roles: {dana: influencer}
      flags: [calm]
  needs:
    - active: []
  stances:
    dana: [-0.2, 0.2]
"""


def test_schema_accepts_a_minimal_scenario_with_variants() -> None:
    assert list(_validator().iter_errors(yaml.safe_load(MINIMAL))) == []


@pytest.mark.parametrize(("change", "expected"), [
    (lambda d: d.update(turns="three"), "'three' is not of type 'integer'"),
    (lambda d: d["stakeholders"]["dana"].update(rol="x"),
     "Additional properties are not allowed ('rol' was unexpected)"),
    (lambda d: d["stakeholders"]["dana"].update(role="boss"), "'boss' is not one of"),
    (lambda d: d["variants"]["stances"].update(dana=[0.5]), "is not valid under any"),
    (lambda d: d["variants"]["casts"][0].update(roles={"dana": "chief"}), "is not valid under any"),
    (lambda d: d.pop("briefing"), "'briefing' is a required property"),
])
def test_schema_rejects_what_the_loader_rejects(change: object, expected: str) -> None:
    from game.loader import load_scenario_text
    data = yaml.safe_load(MINIMAL)
    change(data)  # type: ignore[operator]
    messages = [e.message for e in _validator().iter_errors(data)]
    assert any(expected in m for m in messages), messages
    assert load_scenario_text(yaml.safe_dump(data), "x.yaml").scenario is None
