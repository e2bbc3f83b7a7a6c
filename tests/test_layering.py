"""The engine never imports pygame (design.md §5, style.md principle 1)."""
from __future__ import annotations

import ast
import subprocess
import sys

from tests.conftest import ROOT

FRONT_ENDS = ("game/ui/", "game/cli/window.py")


def engine_modules() -> list[str]:
    """Every module of game/ except the pygame front end."""
    names = []
    for path in sorted((ROOT / "game").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel.startswith(FRONT_ENDS):
            continue
        names.append(rel[:-3].replace("/", ".").removesuffix(".__init__"))
    return names


def test_engine_imports_with_pygame_blocked() -> None:
    code = ("import sys\nsys.modules['pygame'] = None\nimport importlib\n"
            f"for name in {engine_modules()!r}:\n    importlib.import_module(name)\n"
            "print('ok')\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_no_engine_module_mentions_pygame_in_an_import() -> None:
    offenders = []
    for name in engine_modules():
        path = ROOT / (name.replace(".", "/") + ".py")
        if not path.exists():
            path = ROOT / name.replace(".", "/") / "__init__.py"
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import) and any(a.name.split(".")[0] == "pygame"
                                                    for a in node.names):
                offenders.append(name)
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "pygame":
                offenders.append(name)
    assert offenders == []


def test_validate_does_not_pay_for_numpy() -> None:
    """`validate` checks a file without loading numpy (about half of its start-up once did):
    only a `Runtime` — play, analysis — needs the influence matrix."""
    code = ("import sys\nfrom game.cli import main\n"
            "code = main(['validate', 'scenarios/tutorial-first-deal.yaml'])\n"
            "print(code, 'numpy' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "0 False"
