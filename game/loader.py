"""Loading a scenario file: safe YAML → strict schema → lint rules, every problem located.

`load_scenario` never raises on bad input: it returns the problems, with the scenario when
there was no error.
"""
from __future__ import annotations

import os
import types
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from game.messages import (NOTHING, Msg, Shown, base_language, did_you_mean, language_in_text,
                           msg, plural)
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
    language: str | None = None   # "en" or "es" as the file declares it; None: cannot tell

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
    result = _finish(name, read_yaml_file(path, name), lint)
    if result.language is None and result.problems:
        result.language = _peek_language(path)
    return result


def load_scenario_text(text: str | bytes, name: str = "<scenario>", *,
                       lint: bool = True) -> LoadResult:
    """The same as `load_scenario`, from text or bytes in memory (tests, live reload)."""
    document = read_yaml_bytes(text, name) if isinstance(text, bytes) else read_yaml_text(text, name)
    result = _finish(name, document, lint)
    if result.language is None and result.problems:
        head = text[:PEEK_BYTES]
        result.language = language_in_text(
            head.decode("utf-8", "ignore") if isinstance(head, bytes) else head)
    return result


PEEK_BYTES = 64 * 1024  # where a broken file's `language:` line is looked for


def _peek_language(path: str | os.PathLike[str]) -> str | None:
    """The language a file too broken to read declares on a `language:` line near its top."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(PEEK_BYTES)
    except (OSError, ValueError):
        return None
    return language_in_text(head.decode("utf-8", "ignore"))


def _finish(name: str, document: YamlDocument, lint: bool) -> LoadResult:
    problems = list(document.problems)
    locator = document.locator
    language = base_language(document.data.get("language")) \
        if isinstance(document.data, dict) else None
    if document.data is None or any(p.level == "error" for p in problems):
        # a stage with errors stops the ones after it (a duplicate key left out of the data
        # would only lead to messages about its consequences)
        return LoadResult(name, None, in_order(problems), locator, language)
    if not isinstance(document.data, dict):
        problems.append(Problem(name, 1, 1, "error", "not-mapping",
                                words=msg("not-mapping", what=_describe(document.data))))
        return LoadResult(name, None, in_order(problems), locator)
    try:
        scenario = Scenario.model_validate(document.data)
    except ValidationError as exc:
        misplaced, explained = find_misplaced(document.data, Scenario, locator)
        problems.extend(misplaced)
        problems.extend(schema_problems(exc, locator, explained))
        return LoadResult(name, None, in_order(set(problems)), locator, language)
    if lint:
        from game.lint import run_rules  # the rules import the schema, not the other way
        problems.extend(run_rules(scenario, locator))
    has_error = any(p.level == "error" for p in problems)
    return LoadResult(name, None if has_error else scenario, in_order(set(problems)), locator,
                      language)


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
    "string_type": "type.text", "int_type": "type.whole", "float_type": "type.number",
    "bool_type": "type.bool", "dict_type": "type.mapping", "list_type": "type.list",
    "model_type": "type.mapping", "int_from_float": "type.whole", "literal_error": None,
}
_BOUNDS = {"greater_than_equal": "ge", "less_than_equal": "le", "greater_than": "gt",
           "less_than": "lt"}


def schema_problems(exc: ValidationError, locator: Locator,
                    explained: tuple[Path, ...] | list[Path] = ()) -> list[Problem]:
    """One problem per pydantic error, at the YAML position the error's path points to.

    Every problem is reported but those at or under an `explained` path (the consequences of
    a key at the wrong indentation, reported at the key); "did you mean" is worked out for the
    first `HINTS_MAX` only.
    """
    problems = []
    hints = HintBudget()

    def suggest(word: str, options: Callable[[], list[str]]) -> Msg:
        return (_did_you_mean(word, options()) if hints.take() else None) or NOTHING

    for error in exc.errors(include_url=False):
        loc: Path = tuple(error["loc"])
        if explained and any(loc[: len(e)] == e for e in explained):
            continue
        kind = error["type"]
        level = "error"
        given = Shown(error.get("input"))
        if kind == "missing":
            parent = loc[:-1]
            problems.append(locator.problem(
                parent, level, "missing-key", msg("missing-key", key=loc[-1], where=_in(parent))))
        elif kind == "extra_forbidden":
            hint = suggest(str(loc[-1]), lambda: _allowed_keys(loc[:-1]))
            problems.append(locator.problem(
                loc, level, "unknown-key",
                msg("unknown-key", key=loc[-1], where=_in(loc[:-1]), hint=hint), key=True))
        elif loc and loc[-1] == "[key]":
            problems.append(locator.problem(
                loc[:-1], level, "bad-id", msg("bad-id", key=loc[-2]), key=True))
        elif kind == "literal_error":
            expected = error.get("ctx", {}).get("expected", "")
            options = [o.strip(" '") for o in expected.replace(" or ", ", ").split(",")]
            hint = suggest(str(error.get("input")), lambda: options)
            problems.append(locator.problem(
                loc, level, "bad-value",
                msg("bad-value", field=_field(loc), value=given, options=", ".join(options),
                    hint=hint)))
        elif kind == "string_pattern_mismatch":
            problems.append(locator.problem(
                loc, level, "bad-id", msg("bad-id.value", field=_field(loc), value=given)))
        elif kind in _TYPE_NAMES:
            type_key = _TYPE_NAMES[kind]
            problems.append(locator.problem(
                loc, level, "wrong-type",
                msg("wrong-type", field=_field(loc),
                    kind=msg(type_key) if type_key else "None",
                    value=_describe(error.get("input")))))
        elif kind in _BOUNDS:
            ctx = error.get("ctx", {})
            bound = next(iter(ctx.values()), "?")
            problems.append(locator.problem(
                loc, level, "out-of-range",
                msg(f"out-of-range.{_BOUNDS[kind]}", field=_field(loc), value=given,
                    bound=bound)))
        elif kind in ("too_short", "string_too_short"):
            problems.append(locator.problem(
                loc, level, "empty-value", msg("empty-value", field=_field(loc))))
        elif kind == "too_long" and loc == ("stakeholders",):
            people = error.get("input")
            count = len(people) if isinstance(people, dict) else msg("count.more")
            problems.append(locator.problem(
                loc, level, "too-long",
                msg("too-long.stakeholders", count=count, limit=MAX_STAKEHOLDERS)))
        elif kind in ("too_long", "string_too_long"):
            problems.append(locator.problem(
                loc, level, "too-long",
                msg("too-long", field=_field(loc), detail=_too_long(error))))
        elif kind == "finite_number":
            problems.append(locator.problem(
                loc, level, "wrong-type", msg("wrong-type.finite", field=_field(loc))))
        else:
            problems.append(locator.problem(
                loc, level, "invalid", msg("invalid", field=_field(loc), detail=error["msg"])))
    return problems


def _too_long(error: Any) -> Msg | str:
    """How long the value may be, as pydantic says it in English (and in Spanish)."""
    ctx = error.get("ctx") or {}
    limit = ctx.get("max_length")
    if not isinstance(limit, int):
        return str(error["msg"]).lower()
    if error["type"] == "string_too_long":
        return plural("detail.string", limit)
    kind = msg("kind.list") if ctx.get("field_type") == "List" else msg("kind.mapping")
    if ctx.get("field_type") not in ("List", "Dictionary"):
        return str(error["msg"]).lower()
    return plural("detail.items", limit, kind=kind, actual=ctx.get("actual_length", "?"))


def _field(loc: Path) -> Msg:
    names = [str(p) for p in loc if not isinstance(p, int)]
    return msg("field.named", name=names[-1]) if names else msg("field.none")


def _in(parent: Path) -> Msg:
    names = [str(p) for p in parent if not isinstance(p, int)]
    return msg("where.in", name=names[-1]) if names else msg("where.top")


def _describe(value: Any) -> Msg:
    if value is None:
        return msg("value.none")
    if isinstance(value, bool):
        return msg("value.bool", value=str(value).lower())
    if isinstance(value, (int, float)):
        return msg("value.number", value=value)
    if isinstance(value, str):
        return msg("value.text", shown=Shown(value))
    if isinstance(value, list):
        return msg("value.list")
    if isinstance(value, dict):
        return msg("value.mapping")
    return msg("value.other", kind=type(value).__name__)


def _did_you_mean(word: str, options: list[str]) -> Msg | None:
    hint = did_you_mean(word, options)
    if hint is None:
        same = [o for o in options if o.lower() == word.lower()]
        hint = msg("hint.mean", word=same[0]) if same else None
    return hint


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
