"""Safe YAML reading with source positions, for files written by hand.

The document is built straight from libyaml's event stream (one pass, no recursion), so:
- anchors, aliases and tags other than the plain YAML types are refused as they appear —
  nothing is ever expanded or constructed from them (no "billion laughs", no Python objects);
- nesting depth, document count and file size are capped;
- every value and key gets its 1-based line and column, for messages that point at the spot;
- duplicate keys are reported with both lines;
- only `true`/`false` are booleans: `yes`, `no`, `on`, `off` stay text (Spanish "no" is a word),
  and times like `1:20` stay text too.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from game.problems import Locator, Path, Problem
from game.yaml_mistakes import locate_mistake

MAX_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 64
# keys and values in one file: the 1 MB benchmark scenario holds about 94,000, the bundled ones
# under 1,500; a file of hundreds of thousands is refused before it takes seconds to read
MAX_VALUES = 120_000

_INT = re.compile(r"[-+]?(?:0|[1-9][0-9_]*)\Z")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_CORE = "tag:yaml.org,2002:"
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass
class YamlDocument:
    """What reading a file gave: the data (None when unreadable), positions and problems."""

    data: Any
    locator: Locator
    problems: list[Problem] = field(default_factory=list)


class _Refused(Exception):
    """Stops the build at the first problem that makes the rest meaningless."""

    def __init__(self, line: int, col: int, code: str, message: str) -> None:
        super().__init__(message)
        self.line, self.col, self.code, self.message = line, col, code, message


def read_yaml_file(path: str | os.PathLike[str], display: str | None = None) -> YamlDocument:
    """Read a YAML file from disk, refusing anything unsafe or unreadable with a clear problem."""
    name = display or str(path)
    empty = Locator(name, {}, {})
    try:
        size = os.path.getsize(path)
        if size > MAX_BYTES:
            return YamlDocument(None, empty, [Problem(
                name, 1, 1, "error", "too-large",
                f"the file is {size / 1048576:.1f} MB; scenarios are capped at "
                f"{MAX_BYTES // 1048576} MB — split it or remove unused material")])
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        return YamlDocument(None, empty, [Problem(
            name, 1, 1, "error", "no-file", "no such file — check the path and its spelling")])
    except IsADirectoryError:
        return YamlDocument(None, empty, [Problem(
            name, 1, 1, "error", "is-folder", "this is a folder, not a scenario file")])
    except OSError as exc:
        return YamlDocument(None, empty, [Problem(
            name, 1, 1, "error", "unreadable", f"cannot read the file: {exc.strerror or exc}")])
    except ValueError:  # a path with a NUL character in it
        return YamlDocument(None, empty, [Problem(
            name, 1, 1, "error", "no-file",
            "this path holds a character no file name can hold — check the path")])
    return read_yaml_bytes(raw, name)


def decode_text(raw: bytes, name: str) -> tuple[str | None, Problem | None]:
    """UTF-8 text from bytes (a BOM is dropped), or a problem saying how to fix the encoding."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, Problem(name, 1, 1, "error", "not-utf8",
                             "the file is saved as UTF-16; save it as UTF-8 "
                             "(in your editor: Save As… → Encoding: UTF-8)")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        byte = raw[exc.start]
        return None, Problem(name, line, col, "error", "not-utf8",
                             f"this is not UTF-8 text (byte 0x{byte:02X}; the file was probably "
                             "saved as Latin-1 or Windows-1252) — save it as UTF-8 "
                             "(in your editor: Save As… → Encoding: UTF-8) and accents will "
                             "survive")


def read_yaml_bytes(raw: bytes, name: str) -> YamlDocument:
    """Read YAML from bytes already in memory (see `read_yaml_file`)."""
    empty = Locator(name, {}, {})
    if len(raw) > MAX_BYTES:
        return YamlDocument(None, empty, [Problem(
            name, 1, 1, "error", "too-large",
            f"the file is over {MAX_BYTES // 1048576} MB; scenarios are capped at that size")])
    text, problem = decode_text(raw, name)
    if problem is not None:
        return YamlDocument(None, empty, [problem])
    return read_yaml_text(text or "", name)


def read_yaml_text(text: str, name: str) -> YamlDocument:
    """Read YAML from text (see `read_yaml_file`)."""
    if len(text) > MAX_BYTES // 4 and len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        return YamlDocument(None, Locator(name, {}, {}), [Problem(
            name, 1, 1, "error", "too-large",
            f"the file is over {MAX_BYTES // 1048576} MB; scenarios are capped at that size")])
    surrogate = _SURROGATE.search(text)
    if surrogate is not None:  # only text built in memory can hold these; libyaml cannot encode them
        line = text.count("\n", 0, surrogate.start()) + 1
        col = surrogate.start() - (text.rfind("\n", 0, surrogate.start()) + 1) + 1
        return YamlDocument(None, Locator(name, {}, {}), [Problem(
            name, line, col, "error", "not-utf8",
            "this text holds a broken character (a lone UTF-16 surrogate) that UTF-8 cannot "
            "store — retype the character")])
    builder = _Builder(name)
    try:
        data = builder.build(text)
    except _Refused as exc:
        return YamlDocument(None, Locator(name, builder.values, builder.keys),
                            builder.problems + [Problem(name, exc.line, exc.col, "error",
                                                        exc.code, exc.message)])
    except yaml.MarkedYAMLError as exc:
        return YamlDocument(None, Locator(name, builder.values, builder.keys),
                            [_syntax_problem(name, exc, text)])
    except yaml.YAMLError as exc:  # a reader error: control characters and the like
        return YamlDocument(None, Locator(name, {}, {}), [_reader_problem(name, exc, text)])
    locator = Locator(name, builder.values, builder.keys)
    if data is None and not builder.problems:
        builder.problems.append(Problem(
            name, 1, 1, "error", "empty",
            "the file is empty — start from `python main.py new NAME`, which writes a "
            "scenario that validates"))
    return YamlDocument(data, locator, builder.problems)


def _syntax_problem(name: str, exc: yaml.MarkedYAMLError, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = exc.problem or "the YAML cannot be read"
    lines = text.splitlines()
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\\t" in problem or "\t" in source[: max(col, 1)]:
        return Problem(name, line, col, "error", "tab",
                       "a tab character is used for indenting here; YAML indents with spaces "
                       "only — replace the tabs with spaces")
    return locate_mistake(name, text, exc)


def _reader_problem(name: str, exc: yaml.YAMLError, text: str) -> Problem:
    position = getattr(exc, "position", None)
    if isinstance(position, int):
        # libyaml counts bytes of the UTF-8 encoding; turn that into a character index
        position = len(text.encode("utf-8")[:position].decode("utf-8", "ignore"))
    if isinstance(position, int) and position <= len(text):
        line = text.count("\n", 0, position) + 1
        col = position - (text.rfind("\n", 0, position) + 1) + 1
    else:
        line, col = 1, 1
    return Problem(name, line, col, "error", "syntax",
                   "the file holds a control character YAML does not allow; "
                   "delete it or retype the line")


# Control characters but tab and newline (C0, DEL, C1): never wanted in a scenario's text.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _scalar(event: yaml.ScalarEvent, line: int, col: int) -> Any:
    value: str = event.value
    tag = event.tag
    if event.style == '"' and _CONTROL.search(value):  # only "…" escapes can write them
        code = ord(_CONTROL.search(value).group())  # type: ignore[union-attr]
        raise _Refused(line, col, "control-character",
                       f"this text holds the control character U+{code:04X}, written as an "
                       "escape in double quotes — a terminal would obey it (change its title, "
                       "hide text); remove it")
    if tag is None or tag == "!":
        if not event.implicit[0] or tag == "!":
            return value  # quoted or block text
        return _plain(value)
    kind = tag[len(_CORE):] if tag.startswith(_CORE) else ""
    if kind not in ("str", "int", "float", "bool", "null"):
        shown = "!!" + kind if kind else tag
        raise _Refused(line, col, "tag",
                       f"the tag {shown} is not allowed — scenarios hold plain values only "
                       "and tags are never run; remove the tag")
    if kind == "str":
        return value
    resolved = _plain(value)
    expected = {"int": int, "float": (int, float), "bool": bool, "null": type(None)}[kind]
    if not isinstance(resolved, expected) or (
            kind in ("int", "float") and isinstance(resolved, bool)):
        raise _Refused(line, col, "tag",
                       f"the tag !!{kind} does not fit the value {value!r} — remove the tag")
    return float(resolved) if kind == "float" else resolved


def _plain(value: str) -> Any:
    if value in _NULLS:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    first = value[0]
    if first.isdigit() or first in "+-.":
        if _INT.match(value):
            digits = value.replace("_", "")
            if len(digits) > 1000:  # Python refuses to convert such numbers; no field wants one
                return value
            return int(digits)
        if _FLOAT.match(value) and any(c.isdigit() for c in value):
            return float(value.replace("_", ""))
        if value.lower() in (".inf", "+.inf", "-.inf", ".nan"):
            return float(value.replace(".", "", 1))
    return value


class _Builder:
    """Builds plain Python data from the event stream, recording where everything stood."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.values: dict[Path, tuple[int, int]] = {}
        self.keys: dict[Path, tuple[int, int]] = {}
        self.problems: list[Problem] = []

    def build(self, text: str) -> Any:
        loader = yaml.CSafeLoader(text)
        try:
            return self._run(loader)
        finally:
            loader.dispose()

    def _run(self, loader: yaml.CSafeLoader) -> Any:
        # Each frame: [container, path, pending key or _NO_KEY, key positions seen]
        stack: list[list[Any]] = []
        root: Any = None
        documents = 0
        counted = 0
        values, keys = self.values, self.keys
        scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
        map_start, seq_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
        end_events = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
        while loader.check_event():
            event = loader.get_event()
            cls = type(event)
            if cls is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    mark = event.start_mark
                    raise _Refused(mark.line + 1, mark.column + 1, "several-documents",
                                   "a second YAML document starts here; keep one scenario per "
                                   "file (remove the `---` line or split the file)")
                continue
            if cls is alias_event:
                mark = event.start_mark
                raise _Refused(mark.line + 1, mark.column + 1, "alias",
                               f"the alias *{event.anchor} is refused — write the value out "
                               "in full; scenarios do not use anchors or aliases")
            if cls in end_events:
                stack.pop()
                continue
            if cls is not scalar_event and cls is not map_start and cls is not seq_start:
                continue
            mark = event.start_mark
            line, col = mark.line + 1, mark.column + 1
            counted += 1
            if counted > MAX_VALUES:
                raise _Refused(line, col, "too-many-values",
                               f"the file holds more than {MAX_VALUES:,} keys and values — far "
                               "more than a scenario needs (a long one holds a few thousand); "
                               "split it or remove unused material")
            if event.anchor is not None:
                raise _Refused(line, col, "anchor",
                               f"the anchor &{event.anchor} is refused — write values out in "
                               "full; scenarios do not use anchors or aliases")
            # Where does this value go?
            if stack:
                frame = stack[-1]
                container = frame[0]
                if type(container) is dict and frame[2] is _NO_KEY:
                    if cls is not scalar_event:
                        raise _Refused(line, col, "complex-key",
                                       "a key must be a plain word followed by a colon")
                    key = event.value
                    self._check_key_tag(event, line, col)
                    path = frame[1] + (key,)
                    if key in container:
                        first = keys[path]
                        self.problems.append(Problem(
                            self.name, line, col, "error", "duplicate-key",
                            f"the key '{key}' appears twice in this mapping (check lines "
                            f"{first[0]} and {line}); keep one"))
                        frame[2] = _DUPLICATE
                    else:
                        keys[path] = (line, col)
                        frame[2] = key
                    continue
                if type(container) is dict:
                    key = frame[2]
                    frame[2] = _NO_KEY
                    path = frame[1] + (key,) if key is not _DUPLICATE else None
                else:
                    key = len(container)
                    path = frame[1] + (key,)
            else:
                key, path = None, ()
            if cls is scalar_event:
                value = _scalar(event, line, col)
            else:
                if len(stack) >= MAX_DEPTH:
                    raise _Refused(line, col, "too-deep",
                                   f"the file nests deeper than {MAX_DEPTH} levels; a scenario "
                                   "never needs that — check the indentation")
                tag = event.tag
                if tag is not None and tag not in ("!", _CORE + "map", _CORE + "seq"):
                    shown = "!!" + tag[len(_CORE):] if tag.startswith(_CORE) else tag
                    raise _Refused(line, col, "tag",
                                   f"the tag {shown} is not allowed — scenarios hold plain "
                                   "values only; remove the tag")
                value = {} if cls is map_start else []
            if path is not None:
                values[path] = (line, col)
                if stack:
                    container = stack[-1][0]
                    if type(container) is dict:
                        container[key] = value
                    else:
                        container.append(value)
                else:
                    root = value
            if cls is not scalar_event:
                stack.append([value, path if path is not None else ("\0dup",), _NO_KEY])
        return root

    def _check_key_tag(self, event: yaml.ScalarEvent, line: int, col: int) -> None:
        if event.tag not in (None, "!", _CORE + "str"):
            raise _Refused(line, col, "tag", f"the tag {event.tag} is not allowed on a key")


_NO_KEY = object()
_DUPLICATE = object()
