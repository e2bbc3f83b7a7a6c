"""The authoring guide stays true to the code.

- The annotated example in docs/authoring.md is docs/example.yaml, byte for byte; it validates
  with no problem at all (what `validate --strict` asks) and the winning path the guide walks
  through wins, with the score the guide quotes.
- Every problem code the YAML reader, the loader, `validate` and the lint rules can produce has a
  row in the guide's table, and every row names a code that exists.
- The format reference lists every key of every schema model with its real default.
- The fixed numbers the guide quotes are the ones in game/rules.py and game/scoring.py.
"""
from __future__ import annotations

import ast
import itertools
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel

from game import rules, schema, scoring, yamlsafe
from game.cli import main as cli_main
from game.engine import Game
from game.loader import load_scenario
from game.runtime import Runtime
from game.scoring import debrief, score

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "authoring.md"
EXAMPLE = ROOT / "docs" / "example.yaml"
ARCHITECTURE = ROOT / "docs" / "architecture.md"

# The files whose problem codes the guide's table must cover.
PROBLEM_SOURCES = [ROOT / "game" / "yamlsafe.py", ROOT / "game" / "loader.py",
                   ROOT / "game" / "yaml_mistakes.py", ROOT / "game" / "misplaced.py",
                   ROOT / "game" / "cli" / "validate_cmd.py",
                   *sorted((ROOT / "game" / "lint").glob("*.py"))]

# The winning path the guide walks through ("A winning path"): option keys, and role tags.
WINNING_PATH: list[str | tuple[str, str]] = [
    "meet:olivia", "olivia/hello/0", "olivia/pains/0", "olivia/pains/1", "olivia/pains/2",
    "meet:raj", "raj/hello/0", "raj/worry/1",
    ("olivia", "influencer"), ("raj", "saboteur"), ("grace", "decision_maker"),
    "meet:grace", "grace/hello/0", "grace/costs/0", "grace/costs/1",
    "referral:ask",
]


def guide() -> str:
    return GUIDE.read_text(encoding="utf-8")


# --- the example ------------------------------------------------------------------------------

def example_block(text: str) -> str:
    """The fenced YAML block that follows the `<!-- example.yaml -->` marker."""
    marker = text.index("<!-- example.yaml -->")
    match = re.compile(r"```yaml\n(.*?)```", re.S).search(text, marker)
    assert match is not None, "no ```yaml block after the example marker"
    return match.group(1)


def test_guide_example_is_the_example_file() -> None:
    assert example_block(guide()) == EXAMPLE.read_text(encoding="utf-8")


def test_example_validates_strictly() -> None:
    result = load_scenario(EXAMPLE)
    assert result.scenario is not None
    assert [p.format() for p in result.problems] == []
    assert cli_main(["validate", "--strict", str(EXAMPLE)]) == 0


def test_example_exercises_every_mechanic() -> None:
    s = load_scenario(EXAMPLE).scenario
    assert s is not None
    people = s.stakeholders
    roles = {p.role for p in people.values()}
    assert {"decision_maker", "influencer", "saboteur"} <= roles
    dm = next(sid for sid, p in people.items() if p.role == "decision_maker")
    assert people[dm].requires_introduction
    benefits = {n.benefit: n.amount for n in s.needs.values()}
    assert benefits.get("front_end_savings") and benefits.get("back_end_savings")
    saboteur = next(sid for sid, p in people.items() if p.role == "saboteur")
    theirs = [o for o in s.objections.values() if o.raised_by == saboteur]
    assert theirs
    counters = [c.effects.counter for node in people[saboteur].conversation.nodes.values()
                for c in node.choices if c.effects.counter is not None]
    usings = {c.using for c in counters}
    assert usings & set(theirs[0].counters) and usings - set(theirs[0].counters)  # works / wrong
    assert s.events and s.referral is not None
    choices = [c for p in people.values() for n in p.conversation.nodes.values()
               for c in n.choices]
    assert any(c.feedback for c in choices) and any(c.effects.introduce for c in choices)
    assert any(c.when is not None for c in choices)


def play_winning_path() -> Game:
    scenario = load_scenario(EXAMPLE).scenario
    assert scenario is not None
    game = Game(Runtime(scenario), seed=1)
    for step in WINNING_PATH:
        if isinstance(step, tuple):
            game.tag(*step)
        else:
            game.choose_key(step)
    return game


def test_winning_path_wins_with_the_score_the_guide_quotes() -> None:
    game = play_winning_path()
    state = game.state
    assert (state.outcome, state.referral, state.turn) == ("won", "won", 3)
    assert state.deal_value == game.scenario.account.deal_value  # back-end saving shown
    result = score(game.rt, state)
    text = guide()
    assert f"{result.total:.1f} out of 100" in text
    for name, (got, top) in result.competencies.items():
        assert f"| {name} | {got:g} / {top:g} |" in text, name
    assert all(entry["mark"] != "mistake" for entry in debrief(game.rt, state).timeline)


def test_walkthrough_matches_the_path_played() -> None:
    """The guide's numbered walk-through names the option keys of the winning path in order."""
    section = guide().split("### A winning path", 1)[1].split("\n## ", 1)[0]
    keys = re.findall(r"`((?:meet|referral):[a-z_]+|[a-z_]+/[a-z_]+/\d+)`", section)
    assert keys == [s for s in WINNING_PATH if isinstance(s, str)]


# --- problem codes ----------------------------------------------------------------------------

def _parents(tree: ast.AST) -> dict[ast.AST, ast.AST]:
    return {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}


def _enclosing_function(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> ast.FunctionDef | None:
    while node in parents:
        node = parents[node]
        if isinstance(node, ast.FunctionDef):
            return node
    return None


def _call_name(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def _resolve(expr: ast.expr, tree: ast.AST, parents: dict[ast.AST, ast.AST]) -> set[str]:
    """Every string `expr` can be: a constant, an f-string over parameters, or a parameter
    whose values are the arguments of every call to its function."""
    if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
        return {expr.value}
    if isinstance(expr, ast.JoinedStr):
        parts = [_resolve(v.value if isinstance(v, ast.FormattedValue) else v, tree, parents)
                 for v in expr.values]
        return {"".join(p) for p in itertools.product(*parts)}
    if isinstance(expr, ast.Name):
        function = _enclosing_function(expr, parents)
        assert function is not None, f"cannot resolve {expr.id!r} (line {expr.lineno})"
        params = [a.arg for a in function.args.posonlyargs + function.args.args]
        kwonly = [a.arg for a in function.args.kwonlyargs]
        assert expr.id in params + kwonly, f"cannot resolve {expr.id!r} (line {expr.lineno})"
        values: set[str] = set()
        for call in ast.walk(tree):
            if not isinstance(call, ast.Call) or _call_name(call) != function.name:
                continue
            arg = next((k.value for k in call.keywords if k.arg == expr.id), None)
            if arg is None and expr.id in params and params.index(expr.id) < len(call.args):
                arg = call.args[params.index(expr.id)]
            if arg is not None:
                values |= _resolve(arg, tree, parents)
        assert values, f"no call gives {expr.id!r} a value (line {expr.lineno})"
        return values
    if isinstance(expr, ast.Attribute):
        return set()  # a code passed on from a caught problem (`exc.code`), counted where made
    raise AssertionError(f"cannot read a problem code from line {expr.lineno}")


# name of the callee → position of the `code` argument
_CODE_ARG = {"Problem": 4, "_Refused": 2, "_Suspect": 2, "problem": 2}


def problem_codes(path: Path) -> set[str]:
    """Every problem code the module at `path` can produce."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parents = _parents(tree)
    codes: set[str] = set()
    for call in ast.walk(tree):
        if not isinstance(call, ast.Call):
            continue
        name = _call_name(call)
        if name not in _CODE_ARG:
            continue
        if isinstance(call.func, ast.Attribute) is (name != "problem"):
            continue  # `problem` is the Locator method; the others are plain names
        arg = next((k.value for k in call.keywords if k.arg == "code"), None)
        if arg is None and len(call.args) > _CODE_ARG[name]:
            arg = call.args[_CODE_ARG[name]]
        if arg is not None:
            codes |= _resolve(arg, tree, parents)
    return codes


def all_problem_codes() -> set[str]:
    return set().union(*(problem_codes(p) for p in PROBLEM_SOURCES))


def guide_codes() -> set[str]:
    """The codes in the first column of the guide's problem table."""
    section = guide().split("## Every validator message and its fix", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `([a-z0-9-]+)` \|", section, re.M))


def test_code_extraction_sees_the_known_kinds() -> None:
    codes = all_problem_codes()
    assert {"duplicate-key", "alias", "missing-key", "unknown-key", "no-scenarios",
            "unknown-need", "unknown-node", "cannot-win"} <= codes


def test_every_problem_code_is_in_the_guide() -> None:
    missing = sorted(all_problem_codes() - guide_codes())
    assert missing == [], f"add these codes to the table in docs/authoring.md: {missing}"


def test_every_code_in_the_guide_exists() -> None:
    stale = sorted(guide_codes() - all_problem_codes())
    assert stale == [], f"these codes in docs/authoring.md are no longer produced: {stale}"


# --- the format reference -----------------------------------------------------------------------

def _models() -> list[type[BaseModel]]:
    return [v for v in vars(schema).values()
            if isinstance(v, type) and issubclass(v, schema._Strict) and v is not schema._Strict]


def reference_table(text: str, model: str) -> dict[str, str]:
    """key → default cell of the table after `<!-- model: NAME -->`."""
    marker = f"<!-- model: {model} -->"
    assert marker in text, f"the format reference has no table for {model}"
    rows: dict[str, str] = {}
    for line in text.split(marker, 1)[1].lstrip("\n").splitlines():
        if not line.startswith("|"):
            break
        cells = [c.strip() for c in line.strip("|").split("|")]
        key = re.fullmatch(r"`([a-z_]+)`", cells[0])
        if key:
            rows[key.group(1)] = cells[2]
    return rows


@pytest.mark.parametrize("model", _models(), ids=lambda m: m.__name__)
def test_reference_lists_every_key_with_its_default(model: type[BaseModel]) -> None:
    rows = reference_table(guide(), model.__name__)
    keys = {(f.alias or name): f for name, f in model.model_fields.items()}
    assert sorted(rows) == sorted(keys)
    for key, info in keys.items():
        cell = rows[key]
        if info.is_required():
            assert cell == "required", key
            continue
        default: Any = info.get_default(call_default_factory=True)
        if default is None:
            assert cell != "required", key
            continue
        shown = re.match(r"`([^`]*)`", cell)
        assert shown, f"{model.__name__}.{key}: write the default as `{default}`"
        if isinstance(default, BaseModel):
            assert yaml.safe_load(shown.group(1)) == {}, key  # "all of its own defaults"
        else:
            assert yaml.safe_load(shown.group(1)) == default, key


def test_reference_names_every_enumeration() -> None:
    text = guide()
    for word in (*schema.ROLES, *schema.BENEFITS, *schema.TACTICS, *schema.COMPETENCIES,
                 "good", "neutral", "mistake", "beginner", "intermediate", "advanced"):
        assert f"`{word}`" in text, word


# --- numbers ----------------------------------------------------------------------------------

def _own_constants(module: Any) -> dict[str, float]:
    """The numeric UPPER_CASE names a module assigns itself (not the ones it imports)."""
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    names = {target.id for node in tree.body if isinstance(node, ast.Assign)
             for target in node.targets if isinstance(target, ast.Name)}
    return {k: v for k, v in vars(module).items()
            if k in names and k.isupper() and isinstance(v, (int, float))}


def test_fixed_numbers_match_the_code() -> None:
    text = guide()
    rows = dict(re.findall(r"^\| `((?:rules|scoring)\.[A-Z_]+)` \| ([-+0-9.]+) \|", text, re.M))
    wanted = {f"{module.__name__.split('.')[-1]}.{k}": v
              for module in (rules, scoring) for k, v in _own_constants(module).items()}
    assert sorted(rows) == sorted(wanted)
    for name, value in wanted.items():
        assert float(rows[name]) == value, name
    assert f"{yamlsafe.MAX_BYTES // 1048576} MB" in text
    assert f"{yamlsafe.MAX_DEPTH} levels" in text


def test_architecture_page_names_real_functions() -> None:
    """Every dotted `game.…` name the architecture page cites exists."""
    import importlib
    text = ARCHITECTURE.read_text(encoding="utf-8")
    cited = set(re.findall(r"`(game(?:\.[A-Za-z_]+)+)(?:\(\))?`", text))
    assert len(cited) >= 20
    for dotted in sorted(cited):
        parts = dotted.split(".")
        for cut in range(len(parts), 0, -1):
            try:
                owner: Any = importlib.import_module(".".join(parts[:cut]))
            except ModuleNotFoundError:
                continue
            break
        for name in parts[cut:]:
            assert hasattr(owner, name), dotted
            owner = getattr(owner, name)


# --- the two-cast example of `variants` -------------------------------------------------------

CAST_EXAMPLE_TOP = """\
id: two-casts
title: Two casts
language: en
account: {company: Hall Haulage, product: RouteDesk}
briefing: Greg runs operations, Maureen finance; one of them signs.
turns: 6
needs:
  overtime: {text: Overtime, benefit: back_end_savings}
close: {stance: 0.2, interest: 2, needs: 1}
"""


def test_the_two_cast_example_plays_once_the_usual_keys_are_added() -> None:
    """The guide's casts example, completed as its text says (section 4's top-level keys),
    validates with no error and each cast can be won."""
    from game.analysis.par import find_par
    from game.loader import load_scenario_text
    from bench.playouts import variant_seeds

    text = guide()
    marker = text.index("An example with two casts")
    match = re.compile(r"```yaml\n(.*?)```", re.S).search(text, marker)
    assert match is not None
    loaded = load_scenario_text(CAST_EXAMPLE_TOP + match.group(1), "two-casts.yaml")
    assert loaded.errors == [], [p.format() for p in loaded.errors]
    assert loaded.scenario is not None
    for seed in variant_seeds(loaded.scenario):
        par = find_par(loaded.scenario, seed)
        assert par.outcome == "won", seed
