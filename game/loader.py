"""Loading a scenario file: safe YAML → strict schema → lint rules, every problem located.

`load_scenario` never raises on bad input: it returns the problems, with the scenario when
there was no error.
"""
from __future__ import annotations

import difflib
import os
import types
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from game.misplaced import find_misplaced
from game.problems import HintBudget, Locator, Path, Problem, in_order
from game.schema import MAX_STAKEHOLDERS, Scenario
from game.yamlsafe import YamlDocument, read_yaml_bytes, read_yaml_file, read_yaml_text

SCENARIO_SUFFIXES = (".yaml", ".yml")


@dataclass
class LoadResult:
    """A loaded scenario (None when any error stands) and every problem found, sorted."""

    path: str
    scenario: Scenario | None
    problems: list[Problem] = field(default_factory=list)
    locator: Locator | None = None

    @property
    def errors(self) -> list[Problem]:
        """The problems of level error."""
        return [p for p in self.problems if p.level == "error"]

    @property
    def warnings(self) -> list[Problem]:
        """The problems of level warning."""
        return [p for p in self.problems if p.level == "warning"]


def load_scenario(path: str | os.PathLike[str], *, lint: bool = True,
                  display: str | None = None) -> LoadResult:
    """Read, check and build the scenario at `path`."""
    name = display or str(path)
    return _finish(name, read_yaml_file(path, name), lint)


def load_scenario_text(text: str | bytes, name: str = "<scenario>", *,
                       lint: bool = True) -> LoadResult:
    """The same as `load_scenario`, from text or bytes in memory (tests, live reload)."""
    document = read_yaml_bytes(text, name) if isinstance(text, bytes) else read_yaml_text(text, name)
    return _finish(name, document, lint)


def _finish(name: str, document: YamlDocument, lint: bool) -> LoadResult:
    problems = list(document.problems)
    locator = document.locator
    if document.data is None or any(p.level == "error" for p in problems):
        # a stage with errors stops the ones after it (a duplicate key left out of the data
        # would only lead to messages about its consequences)
        return LoadResult(name, None, in_order(problems), locator)
    if not isinstance(document.data, dict):
        problems.append(Problem(name, 1, 1, "error", "not-mapping",
                                "a scenario is a mapping of keys (id:, title:, language:, …), "
                                f"but this file holds {_describe(document.data)} — "
                                "start from `python main.py new NAME` for the shape"))
        return LoadResult(name, None, in_order(problems), locator)
    try:
        scenario = Scenario.model_validate(document.data)
    except ValidationError as exc:
        misplaced, explained = find_misplaced(document.data, Scenario, locator)
        problems.extend(misplaced)
        problems.extend(schema_problems(exc, locator, explained))
        return LoadResult(name, None, in_order(set(problems)), locator)
    if lint:
        from game.lint import run_rules  # the rules import the schema, not the other way
        problems.extend(run_rules(scenario, locator))
    has_error = any(p.level == "error" for p in problems)
    return LoadResult(name, None if has_error else scenario, in_order(set(problems)), locator)


def find_scenario_files(path: str) -> list[str]:
    """The scenario files at `path`: the file itself, or every .yaml/.yml below a folder."""
    if os.path.isdir(path):
        found = []
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            found.extend(os.path.join(root, f) for f in sorted(files)
                         if f.lower().endswith(SCENARIO_SUFFIXES))
        return found
    return [path]


# --- pydantic errors → located, plain-language problems --------------------------------------

_TYPE_NAMES = {
    "string_type": "text", "int_type": "a whole number", "float_type": "a number",
    "bool_type": "true or false", "dict_type": "a mapping (key: value lines)",
    "list_type": "a list (lines starting with '- ')", "model_type": "a mapping (key: value lines)",
    "int_from_float": "a whole number", "literal_error": None,
}


def schema_problems(exc: ValidationError, locator: Locator,
                    explained: tuple[Path, ...] | list[Path] = ()) -> list[Problem]:
    """One problem per pydantic error, at the YAML position the error's path points to.

    Every problem is reported but those at or under an `explained` path (the consequences of
    a key at the wrong indentation, reported at the key); "did you mean" is worked out for the
    first `HINTS_MAX` only.
    """
    problems = []
    hints = HintBudget()

    def suggest(word: str, options: Callable[[], list[str]]) -> str:
        return _did_you_mean(word, options()) if hints.take() else ""

    for error in exc.errors(include_url=False):
        loc: Path = tuple(error["loc"])
        if explained and any(loc[: len(e)] == e for e in explained):
            continue
        kind = error["type"]
        level = "error"
        if kind == "missing":
            parent = loc[:-1]
            problems.append(locator.problem(
                parent, level, "missing-key",
                f"missing required key '{loc[-1]}'{_in(parent)} — add it"))
        elif kind == "extra_forbidden":
            hint = suggest(str(loc[-1]), lambda: _allowed_keys(loc[:-1]))
            problems.append(locator.problem(
                loc, level, "unknown-key",
                f"unknown key '{loc[-1]}'{_in(loc[:-1])}{hint}", key=True))
        elif loc and loc[-1] == "[key]":
            problems.append(locator.problem(
                loc[:-1], level, "bad-id",
                f"'{loc[-2]}' is not a valid id: use letters, digits, '_' and '-' only "
                "(no spaces or accents), at most 64 characters", key=True))
        elif kind == "literal_error":
            expected = error.get("ctx", {}).get("expected", "")
            options = [o.strip(" '") for o in expected.replace(" or ", ", ").split(",")]
            hint = suggest(str(error.get("input")), lambda: options)
            problems.append(locator.problem(
                loc, level, "bad-value",
                f"{_field(loc)} is {_show(error.get('input'))}, but must be one of: "
                f"{', '.join(options)}{hint}"))
        elif kind == "string_pattern_mismatch":
            problems.append(locator.problem(
                loc, level, "bad-id",
                f"{_field(loc)} is {_show(error.get('input'))}, which is not a valid id: use "
                "letters, digits, '_' and '-' only (no spaces or accents)"))
        elif kind in _TYPE_NAMES:
            problems.append(locator.problem(
                loc, level, "wrong-type",
                f"{_field(loc)} must be {_TYPE_NAMES[kind]}, not {_describe(error.get('input'))}"))
        elif kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
            ctx = error.get("ctx", {})
            bound = next(iter(ctx.values()), "?")
            words = {"greater_than_equal": "at least", "less_than_equal": "at most",
                     "greater_than": "more than", "less_than": "less than"}[kind]
            problems.append(locator.problem(
                loc, level, "out-of-range",
                f"{_field(loc)} is {_show(error.get('input'))}, but must be {words} {bound}"))
        elif kind in ("too_short", "string_too_short"):
            problems.append(locator.problem(
                loc, level, "empty-value", f"{_field(loc)} must not be empty"))
        elif kind == "too_long" and loc == ("stakeholders",):
            given = error.get("input")
            count = len(given) if isinstance(given, dict) else "more than that"
            problems.append(locator.problem(
                loc, level, "too-long",
                f"the buying centre has {count} stakeholders; a scenario holds at most "
                f"{MAX_STAKEHOLDERS} — a trainee cannot read more, and analysing the deal would "
                f"take minutes. Keep the people who matter to the deal"))
        elif kind in ("too_long", "string_too_long"):
            problems.append(locator.problem(
                loc, level, "too-long", f"{_field(loc)} is too long: {error['msg'].lower()}"))
        elif kind == "finite_number":
            problems.append(locator.problem(
                loc, level, "wrong-type", f"{_field(loc)} must be a finite number"))
        else:
            problems.append(locator.problem(loc, level, "invalid", f"{_field(loc)}: {error['msg']}"))
    return problems


def _field(loc: Path) -> str:
    names = [str(p) for p in loc if not isinstance(p, int)]
    return f"'{names[-1]}'" if names else "the value"


def _in(parent: Path) -> str:
    names = [str(p) for p in parent if not isinstance(p, int)]
    return f" in '{names[-1]}'" if names else " at the top level"


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "…'"


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {_show(value)}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _did_you_mean(word: str, options: list[str]) -> str:
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if not close:
        close = [o for o in options if o.lower() == word.lower()]
    return f" — did you mean '{close[0]}'?" if close else ""


def _allowed_keys(loc: Path) -> list[str]:
    """The keys the model at `loc` accepts (aliases as written in YAML)."""
    model = _model_at(Scenario, loc)
    if model is None:
        return []
    return [f.alias or name for name, f in model.model_fields.items()]


def _model_at(annotation: Any, loc: Path) -> type[BaseModel] | None:
    for part in loc:
        annotation = _unwrap(annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            fields = {(f.alias or n): f for n, f in annotation.model_fields.items()}
            if part not in fields:
                return None
            annotation = fields[part].annotation
        elif get_origin(annotation) in (dict, list):
            annotation = get_args(annotation)[-1]
        else:
            return None
    annotation = _unwrap(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


def _unwrap(annotation: Any) -> Any:
    while True:
        origin = get_origin(annotation)
        if origin in (Union, types.UnionType):
            members = [a for a in get_args(annotation) if a is not type(None)]
            annotation = members[0]
        elif origin is not None and origin not in (dict, list, Literal) and get_args(annotation):
            annotation = get_args(annotation)[0]  # Annotated[...]
        else:
            return annotation
