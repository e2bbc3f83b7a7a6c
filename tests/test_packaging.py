"""Packaging (pyproject.toml): every package and shipped file is in the wheel's list, the
`qualified` command's entry point and `--version`, bundled scenarios found by id from any folder,
and the installed layout (game/_data/) found by game.bundled."""
from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from game import bundled
from game.cli import main, version_text
from game.version import __version__
from tests.conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]


def test_every_package_of_game_is_listed() -> None:
    on_disk = {path.parent.relative_to(ROOT).as_posix().replace("/", ".")
               for path in (ROOT / "game").rglob("*.py") if "__pycache__" not in path.parts}
    on_disk |= {"game.templates"}
    listed = {name for name in SETUPTOOLS["packages"] if not name.startswith("game._data")}
    assert on_disk == listed


def test_shipped_files_are_package_data() -> None:
    mapped = SETUPTOOLS["package-dir"]
    assert mapped == {"game._data.scenarios": "scenarios", "game._data.assets.fonts":
                      "assets/fonts", "game._data.docs": "docs"}
    data = SETUPTOOLS["package-data"]
    for package, folder in mapped.items():
        files = [p for pattern in data[package] for p in (ROOT / folder).glob(pattern)]
        assert files, package
    assert {p.name for p in (ROOT / "scenarios").iterdir() if p.suffix == ".yaml"} == \
        {p.name for p in (ROOT / "scenarios").glob(data["game._data.scenarios"][0])}
    assert list((ROOT / "game" / "templates").glob(data["game.templates"][0]))


def test_command_and_dependencies() -> None:
    project = PYPROJECT["project"]
    assert project["scripts"] == {"qualified": "game.cli:main"}
    runtime = {d.split(">")[0].split("=")[0].lower() for d in project["dependencies"]}
    assert runtime == {"pygame-ce", "pyyaml", "numpy", "pydantic"}
    tests = {d.split(">")[0].lower() for d in project["optional-dependencies"]["test"]}
    assert tests == {"pytest", "hypothesis", "jsonschema"}
    pinned = {line.split("==")[0].lower(): line.split("==")[1]
              for line in (ROOT / "requirements.txt").read_text().splitlines()
              if "==" in line}
    for spec in project["dependencies"] + project["optional-dependencies"]["test"]:
        name, lower = spec.split(">=")
        assert pinned[name.lower()] == lower.split(",")[0], spec  # the README's pins fit


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.strip() == version_text()
    assert version_text().startswith(f"qualified {__version__} (Python ")
    done = subprocess.run([sys.executable, "main.py", "--version"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.strip() == version_text()


def test_play_finds_a_bundled_scenario_by_id_from_any_folder(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "play", "tutorial-first-deal",
                           "--text", "--seed", "1"], cwd=tmp_path, input="1\n",
                          capture_output=True, text=True, timeout=120, encoding="utf-8")
    assert done.returncode == 0, done.stderr
    assert "First Deal" in done.stdout or "first deal" in done.stdout.lower()
    wrong = subprocess.run([sys.executable, str(ROOT / "main.py"), "play", "no-such-deal",
                            "--text"], cwd=tmp_path, input="", capture_output=True, text=True,
                           timeout=60)
    assert wrong.returncode == 1
    assert "no-such-deal: no such file, and no bundled scenario has this id" in wrong.stderr
    assert "tutorial-first-deal" in wrong.stderr and "Traceback" not in wrong.stderr


def test_a_file_of_that_name_wins_over_a_bundled_id(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert bundled.scenario_path("tutorial-first-deal") == \
        str(ROOT / "scenarios" / "tutorial-first-deal.yaml")
    (tmp_path / "tutorial-first-deal").write_text("id: mine\n", encoding="utf-8")
    assert bundled.scenario_path("tutorial-first-deal") == "tutorial-first-deal"
    assert bundled.scenario_path("../odd path.yaml") == "../odd path.yaml"
    assert bundled.unknown_scenario_hint("../odd path.yaml") is None


def test_validate_without_paths_checks_the_bundled_scenarios(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["validate"]) == 0
    count = len(list((ROOT / "scenarios").glob("*.yaml")))
    assert f"{count} scenario files checked: 0 errors" in capsys.readouterr().err


def test_the_installed_layout_is_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """After `pip install .` the files sit in game/_data/ (as pyproject.toml maps them)."""
    data = tmp_path / "_data"
    for package, folder in SETUPTOOLS["package-dir"].items():
        target = data / Path(*package.split(".")[2:])
        target.mkdir(parents=True)
        for pattern in SETUPTOOLS["package-data"][package]:
            for path in (ROOT / folder).glob(pattern):
                shutil.copy(path, target / path.name)
    monkeypatch.setattr(bundled, "_INSTALLED", data)
    assert bundled.scenarios_dir() == data / "scenarios"
    assert (bundled.fonts_dir() / "DejaVuSans.ttf").is_file()
    assert bundled.schema_file().is_file()
    found = Path(bundled.scenario_path("clinica-del-sol"))
    assert found.parent == data / "scenarios"
    modeline = found.read_text(encoding="utf-8").splitlines()[0]
    assert modeline.endswith("$schema=../docs/scenario.schema.json")
    assert (found.parent / "../docs/scenario.schema.json").resolve().is_file()
