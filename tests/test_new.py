"""`python main.py new NAME`: a teaching scenario that validates cleanly, never overwriting."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from game.analysis.par import find_par
from game.cli import main
from game.cli.new_cmd import SCHEMA, scenario_id
from game.loader import load_scenario


@pytest.fixture()
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_new_writes_a_scenario_that_passes_validate_strict(
        here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "harbour-dental"]) == 0
    assert capsys.readouterr().out == ("wrote harbour-dental.yaml — check it with: "
                                       "python main.py validate --strict harbour-dental.yaml\n")
    path = here / "harbour-dental.yaml"
    loaded = load_scenario(path)
    assert [p.format() for p in loaded.problems] == []
    assert loaded.scenario is not None
    assert (loaded.scenario.id, loaded.scenario.title) == ("harbour-dental", "Harbour dental")
    assert main(["validate", "--strict", str(path)]) == 0


def test_its_first_line_points_editors_at_the_schema(here: Path) -> None:
    assert main(["new", "deal"]) == 0
    first = (here / "deal.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema={Path(os.path.relpath(SCHEMA, here)).as_posix()}"
    assert (here / Path(first.split("=", 1)[1])).resolve() == SCHEMA


def test_the_comments_teach_the_format(here: Path) -> None:
    assert main(["new", "deal"]) == 0
    text = (here / "deal.yaml").read_text(encoding="utf-8")
    comments = [line for line in text.splitlines() if "#" in line]
    assert len(comments) >= 30
    for topic in ("docs/authoring.md", "docs/tools.md", "back_end_savings", "`next`",
                  "requires_introduction", "introduce", "counter", "variants", "cares_about"):
        assert topic in text, topic


def test_the_new_scenario_can_be_won_and_its_choices_matter(here: Path) -> None:
    assert main(["new", "deal"]) == 0
    loaded = load_scenario(here / "deal.yaml")
    assert loaded.scenario is not None
    par = find_par(loaded.scenario, budget=6000)
    assert par.outcome == "won" and par.total >= 85


def test_a_name_ending_in_yaml_is_not_doubled(here: Path) -> None:
    assert main(["new", "deal.yaml"]) == 0
    assert [p.name for p in here.iterdir()] == ["deal.yaml"]
    assert load_scenario(here / "deal.yaml").scenario is not None


def test_accents_and_spaces_make_a_clean_id(here: Path) -> None:
    assert scenario_id("Clínica del Sol") == "clinica-del-sol"
    assert main(["new", "Clínica del Sol"]) == 0
    loaded = load_scenario(here / "Clínica del Sol.yaml")
    assert loaded.problems == [] and loaded.scenario is not None
    assert (loaded.scenario.id, loaded.scenario.title) == ("clinica-del-sol", "Clínica del Sol")


def test_an_existing_file_is_never_overwritten(here: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    (here / "deal.yaml").write_text("mine\n", encoding="utf-8")
    assert main(["new", "deal"]) == 1
    assert (here / "deal.yaml").read_text(encoding="utf-8") == "mine\n"
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == ("new: deal.yaml already exists here — nothing was written. Pick "
                            "another name, or move the old file away first.\n")


@pytest.mark.parametrize("name", ["sub/deal", "", "  ", "¡¿!"])
def test_names_that_cannot_be_used(here: Path, name: str,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", name]) == 1
    assert list(here.iterdir()) == []
    assert capsys.readouterr().err.startswith("new: ")


def test_the_new_scenario_passes_the_json_schema(here: Path) -> None:
    import json

    import jsonschema
    import yaml
    assert main(["new", "deal"]) == 0
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    data = yaml.safe_load((here / "deal.yaml").read_text(encoding="utf-8"))
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(data)) == []
