"""The command line as a trainer uses it: subprocesses, exit codes, messages, result JSON."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import MINI, ROOT

PYGAME_BLOCKED = (
    "import runpy, sys\n"
    "sys.modules['pygame'] = None\n"
    "sys.argv = ['main.py'] + sys.argv[1:]\n"
    "runpy.run_path('main.py', run_name='__main__')\n"
)


def main(*args: str, stdin: str = "", block_pygame: bool = False,
         cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "LANG": "C"}
    command = [sys.executable, "-c", PYGAME_BLOCKED, *args] if block_pygame else \
        [sys.executable, str(ROOT / "main.py"), *args]
    return subprocess.run(command, input=stdin, capture_output=True, text=True,
                          encoding="utf-8", cwd=cwd, env=env, timeout=60)


def test_validate_clean_file_exits_0() -> None:
    done = main("validate", str(MINI))
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout == ""
    assert "1 scenario file checked: 0 errors, 0 warnings" in done.stderr


def test_validate_reports_every_problem_sorted_and_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\ntitle: T\nlanguage: fr\ntitel: oops\n", encoding="utf-8")
    done = main("validate", str(bad), str(tmp_path / "missing.yaml"))
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert lines == sorted(lines)
    assert f"{bad}:3:11: error: 'language' is 'fr', but must be one of: en, es, en-GB, en-US, " \
        "es-ES, es-MX [bad-value]" in lines
    assert any(line.startswith(f"{bad}:4:1: error: unknown key 'titel'") and "did you mean 'title'"
               in line for line in lines)
    assert any("missing required key 'briefing'" in line for line in lines)
    assert f"{tmp_path / 'missing.yaml'}:1:1: error: no such file or folder — check the path " \
           "and its spelling [no-file]" in lines
    assert "Traceback" not in done.stderr


def test_validate_strict_turns_warnings_into_failure(tmp_path: Path) -> None:
    path = tmp_path / "warn.yaml"
    # a need nobody can reveal is a warning
    path.write_text(MINI.read_text(encoding="utf-8").replace(
        "needs:\n", "needs:\n  unused: {text: Unused, benefit: easier}\n"), encoding="utf-8")
    loose = main("validate", str(path))
    strict = main("validate", "--strict", str(path))
    assert loose.returncode == 0 and "warning" in loose.stdout
    assert strict.returncode == 1


def test_validate_and_text_play_work_without_pygame(tmp_path: Path) -> None:
    done = main("validate", str(MINI), block_pygame=True)
    assert done.returncode == 0, done.stderr
    out = tmp_path / "result.json"
    done = main("play", str(MINI), "--text", "--seed", "3", "--result-json", str(out),
                stdin="1\n1\n", block_pygame=True)
    assert done.returncode == 0, done.stderr
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["outcome"] == "abandoned"


def test_play_result_json_has_the_contract_fields(tmp_path: Path) -> None:
    answers = "1\n1\n1\n1\n4\n1\n2\n2\n1\n3\n3\n4\n3\n1\n1\n2\n1\n1\n1\n1\n"
    outs = []
    for name in ("a.json", "b.json"):
        out = tmp_path / name
        done = main("play", str(MINI), "--text", "--seed", "42", "--player", "Núñez",
                    "--result-json", str(out), stdin=answers)
        assert done.returncode == 0, done.stderr
        outs.append(json.loads(out.read_text(encoding="utf-8")))
    result = outs[0]
    assert result["scenario"] == "mini" and result["seed"] == 42
    assert result["outcome"] == "won"
    assert result["player"] == "Núñez"
    assert 0 <= result["score"]["total"] <= 100
    assert set(result["score"]["competencies"]) == {
        "discovery", "qualification", "saboteurs", "value_pitch", "closing", "relationship"}
    # design.md §4: name → {score, max, lost}; the lost points add up to max − score
    for v in result["score"]["competencies"].values():
        assert set(v) == {"score", "max", "lost"}
        assert round(sum(item["points"] for item in v["lost"]), 1) == round(v["max"] - v["score"], 1)
        assert all(set(item) <= {"points", "why", "turn", "params"} for item in v["lost"])
    choice = next(e for e in result["path"] if e["kind"] == "choice")
    assert {"stakeholder", "node", "option"} <= set(choice)
    assert outs[0]["path"] == outs[1]["path"] and outs[0]["score"] == outs[1]["score"]
    # accents survive to the terminal too, whatever the locale
    done = main("play", str(MINI), "--text", "--seed", "1", stdin="2\n")
    assert "Inés Núñez" in done.stdout and "¿Otra herramienta más?" in done.stdout


def test_play_refuses_a_broken_scenario_with_located_problems(tmp_path: Path) -> None:
    bad = tmp_path / "broken.yaml"
    bad.write_text("id: [\n", encoding="utf-8")
    done = main("play", str(bad), "--text")
    assert done.returncode == 1
    assert f"{bad}:" in done.stderr and "Traceback" not in done.stderr


def test_schema_command_prints_json_schema() -> None:
    done = main("schema")
    schema = json.loads(done.stdout)
    assert done.returncode == 0
    assert {"id", "title", "language"} <= set(schema["required"])


def test_window_without_pygame_says_what_to_do() -> None:
    for args in ((), ("play", str(MINI))):
        done = main(*args, block_pygame=True)
        assert done.returncode == 1
        assert "needs pygame-ce" in done.stderr and "--text" in done.stderr
        assert "Traceback" not in done.stderr


def test_a_command_imports_only_what_it_needs() -> None:
    # the parser is built with the command being run alone: validate must not pay for the
    # store, the reports or the analyser at start-up (bench/bad_input_bench.py: 2 s budget)
    code = ("import sys; from game.cli import main; main(['validate', sys.argv[1]]); "
            "print(sorted(m for m in sys.modules if m.startswith(('game.store', 'game.reports', "
            "'game.analysis', 'game.cli.'))))")
    done = subprocess.run([sys.executable, "-c", code, str(MINI)], capture_output=True,
                          text=True, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "['game.cli.validate_cmd']"


def test_the_window_without_a_display_says_so_instead_of_hiding(tmp_path: Path) -> None:
    """On Linux with neither X nor Wayland (and no SDL driver chosen), `python main.py` would
    run an invisible offscreen window for ever: it explains and points to --text instead."""
    if not sys.platform.startswith("linux"):
        pytest.skip("the check is for Linux desktops")
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER")}
    env["QUALIFIED_DATA_DIR"] = str(tmp_path)
    done = subprocess.run([sys.executable, str(ROOT / "main.py")], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert "there is no display here" in done.stderr and "--text" in done.stderr
