"""docs/tools.md stays true: the cookbook's excerpts load, the analyser's options, findings and
JSON fields it lists are the real ones."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from game.cli import main
from game.loader import load_scenario_text

ROOT = Path(__file__).resolve().parent.parent
TOOLS = (ROOT / "docs" / "tools.md").read_text(encoding="utf-8")

BASE = {"id": "cookbook", "title": "Cookbook", "language": "en",
        "account": {"company": "Northwind", "product": "RouteDesk"},
        "briefing": "Win the deal.", "turns": 6}


def section(title: str) -> str:
    return TOOLS.split(title, 1)[1].split("\n## ", 1)[0]


def cookbook_blocks() -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", section("## Cookbook"), re.S)


def test_there_are_four_recipes() -> None:
    assert re.findall(r"^### (.+)$", section("## Cookbook"), re.M) == [
        "A convincing hidden decision-maker", "A quiet saboteur", "A back-end savings discovery",
        "Variants"]
    assert len(cookbook_blocks()) == 4


@pytest.mark.parametrize("index", range(4))
def test_each_recipe_loads_without_errors(index: int) -> None:
    data: dict = dict(BASE)
    for block in {0, index}:  # every recipe builds on the first one's people
        for key, value in yaml.safe_load(cookbook_blocks()[block]).items():
            data[key] = {**data[key], **value} if isinstance(value, dict) and key in data \
                else value
    result = load_scenario_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                                f"recipe{index}.yaml")
    assert [p.format() for p in result.errors] == []


def test_the_options_table_lists_every_option() -> None:
    from game.cli import build_parser
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    analyze = sub.choices["analyze"]  # type: ignore[attr-defined]
    real = {s for a in analyze._actions for s in a.option_strings if s.startswith("--")} - {"--help"}
    listed = set(re.findall(r"^\| `(--[a-z-]+)", section("## `analyze PATH`"), re.M))
    assert listed == real


def test_the_findings_table_lists_every_code() -> None:
    source = (ROOT / "game" / "analysis" / "findings.py").read_text(encoding="utf-8")
    produced = set(re.findall(r'(?:add|Finding)\(\s*"([a-z-]+)"', source))
    table = section("**Findings**").split("The validator warns")[0]
    listed = set(re.findall(r"`([a-z]+(?:-[a-z]+)+)`", table))
    assert produced == listed


def test_the_json_fields_exist(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "mini.yaml"
    path.write_text((ROOT / "tests" / "fixtures" / "mini.yaml").read_text(encoding="utf-8"),
                    encoding="utf-8")
    assert main(["analyze", str(path), "--json", "--runs", "50"]) == 0
    data = json.loads(capsys.readouterr().out)
    table = section("### The JSON").split("\n\n")[2]
    assert table.startswith("| Field |") and len(table.splitlines()) == 18
    for row in table.splitlines()[2:]:
        first, meaning = row.split(" | ", 1)
        for field in re.findall(r"`([a-z_.{},0-9*]+)`", first):
            node = data
            for part in field.split("."):
                if part == "*":
                    for key in re.findall(r"`([a-z_]+)`", meaning):
                        assert key in node, f"{field}: {key}"
                    break
                if part.startswith("{"):
                    assert all(key in node for key in part.strip("{}").split(",")), field
                    break
                assert part in node, field
                node = node[part]
