"""Keys that read as YAML but sit at the wrong indentation, found before the format's messages.

A slip of indentation can leave a file that still reads, but means something else:

    stakeholders:                    stakeholders:
      olivia:                          olivia:
        name: Olivia Hart                name: Olivia Hart
        …                                …
    raj:            ← at the margin    conversation:  ← two spaces short
      name: Raj Patel                    start: hello

On the left `raj` becomes a top-level key; on the right `conversation` becomes a second
stakeholder and Olivia has none. The format check would report the consequences (an unknown
key, a missing `conversation`, a "stakeholder" with no name); `find_misplaced` reports the cause,
at the key, and names the consequences it explains so they can be left out.
"""
from __future__ import annotations

import types
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel

from game.messages import Msg, msg, plural
from game.problems import Locator, Path, Problem


def find_misplaced(data: Any, root: type[BaseModel],
                   locator: Locator) -> tuple[list[Problem], list[Path]]:
    """Problems for keys at the wrong indentation, and the paths whose format problems they
    explain (every problem at or under one of them is a consequence)."""
    problems: list[Problem] = []
    explained: list[Path] = []
    _walk(root, data, (), locator, problems, explained)
    return problems, explained


def _walk(annotation: Any, value: Any, path: Path, locator: Locator,
          problems: list[Problem], explained: list[Path]) -> None:
    annotation = _unwrap(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if not isinstance(value, dict):
            return
        fields = {(f.alias or n): f.annotation for n, f in annotation.model_fields.items()}
        for key, item in value.items():
            if key in fields:
                _walk(fields[key], item, path + (key,), locator, problems, explained)
            elif isinstance(item, dict) and item:
                _pushed_out(fields, key, item, path, locator, problems, explained)
        return
    if get_origin(annotation) is dict and isinstance(value, dict):
        entry = _unwrap(get_args(annotation)[1])
        if not (isinstance(entry, type) and issubclass(entry, BaseModel)):
            return
        keys = {(f.alias or n) for n, f in entry.model_fields.items()}
        previous: str | None = None
        for key, item in value.items():
            looks_like_entry = isinstance(item, dict) and set(item) <= keys
            if (previous is not None and key in keys and not looks_like_entry
                    and isinstance(value[previous], dict) and key not in value[previous]):
                _pulled_in(key, previous, path, locator, problems, explained)
            else:
                _walk(entry, item, path + (key,), locator, problems, explained)
                previous = key
        return
    if get_origin(annotation) is list and isinstance(value, list):
        for i, item in enumerate(value):
            _walk(get_args(annotation)[0], item, path + (i,), locator, problems, explained)


def _pushed_out(fields: dict[str, Any], key: str, item: dict[str, Any], path: Path,
                locator: Locator, problems: list[Problem], explained: list[Path]) -> None:
    """An unknown key whose value looks like an entry of one of this mapping's collections:
    an entry pushed out of it, towards the margin."""
    for collection, annotation in fields.items():
        annotation = _unwrap(annotation)
        if get_origin(annotation) is not dict:
            continue
        entry = _unwrap(get_args(annotation)[1])
        if not (isinstance(entry, type) and issubclass(entry, BaseModel)):
            continue
        allowed = {(f.alias or n) for n, f in entry.model_fields.items()}
        if not set(item) <= allowed:
            continue
        line, col = locator.where(path + (key,), key=True)
        inner = _entry_column(locator, path + (collection,))
        where = msg("indent.margin") if col == 1 else plural("indent.spaces", col - 1)
        problems.append(Problem(
            locator.file, line, col, "error", "wrong-indent",
            words=msg("wrong-indent.pushed-out", key=key, where=where, collection=collection,
                      inner=inner, how=_how_to_indent(locator, path + (key,), key, col, inner))))
        explained.append(path + (key,))
        return


def _pulled_in(key: str, owner: str, path: Path, locator: Locator,
               problems: list[Problem], explained: list[Path]) -> None:
    """An entry of a collection named like a key its entries have, which the entry above it
    lacks: that key, pulled out of the entry above towards the margin."""
    line, col = locator.where(path + (key,), key=True)
    inner = _entry_column(locator, path + (owner,))
    problems.append(Problem(
        locator.file, line, col, "error", "wrong-indent",
        words=msg("wrong-indent.pulled-in", key=key, col=col - 1, owner=owner, inner=inner,
                  how=_how_to_indent(locator, path + (key,), key, col, inner))))
    explained.extend([path + (key,), path + (owner, key)])


def _how_to_indent(locator: Locator, path: Path, key: str, col: int, inner: int) -> Msg:
    """What to do: move the key's line alone when the lines under it are already further in
    than its right place, else move them all."""
    under = _entry_column(locator, path)
    if under > inner:
        return msg("how.line", key=key, inner=inner)
    return msg("how.block", key=key, more=max(inner - col + 1, 1))


def _entry_column(locator: Locator, path: Path) -> int:
    """How many spaces the keys inside the mapping at `path` are indented by (2 more than the
    mapping's own key when it has none yet)."""
    columns = [col for p, (_, col) in locator.keys.items() if len(p) == len(path) + 1
               and p[: len(path)] == path]
    if columns:
        return min(columns) - 1
    _, col = locator.where(path, key=True)
    return col + 1


def _unwrap(annotation: Any) -> Any:
    while True:
        origin = get_origin(annotation)
        if origin in (Union, types.UnionType):
            annotation = [a for a in get_args(annotation) if a is not type(None)][0]
        elif origin is not None and origin not in (dict, list) and get_args(annotation) \
                and hasattr(annotation, "__metadata__"):
            annotation = get_args(annotation)[0]  # Annotated[...]
        else:
            return annotation
