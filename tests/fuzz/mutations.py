"""Structured mutations of the shipped scenario files, and what every load of one must give.

Shared by the CI fuzz tests (tests/fuzz/test_mutations.py, driven by hypothesis) and the long
run outside CI (bench/fuzz_long.py, driven by `random.Random`): a mutation asks a `Chooser` for
every decision, so the same operators serve both and a hypothesis failure shrinks well.

The operators work on the file's lines the way a hurried author damages a file: lines and
blocks deleted, duplicated, swapped, moved and re-indented; scalar values replaced by values of
the wrong type (numbers ↔ text ↔ lists ↔ maps, huge numbers, empty); references rewired to
other ids of the file and numbers changed (these often stay valid, so the game gets played);
then text-level damage: truncation, tabs, BOMs, CRLF, NUL and control characters, anchors,
aliases, tags, extra documents; and byte-level damage: other encodings, broken UTF-8.
"""
from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeVar

from game.board import deal_board
from game.engine import Game
from game.loader import LoadResult
from game.result import result_dict
from game.runtime import Runtime
from game.schema import ROLES, Scenario
from game.scoring import debrief

T = TypeVar("T")

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted((ROOT / "scenarios").glob("*.yaml"))
PLAY_CHOICES = 200


class Chooser(Protocol):
    """Where a mutation gets its decisions from."""

    def integer(self, low: int, high: int) -> int:
        """A whole number in [low, high]."""
        ...

    def pick(self, items: Sequence[T]) -> T:
        """One of `items` (not empty)."""
        ...


class RandomChooser:
    """Decisions from a seeded `random.Random` (the long run)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def integer(self, low: int, high: int) -> int:
        """A whole number in [low, high]."""
        return self.rng.randint(low, high)

    def pick(self, items: Sequence[T]) -> T:
        """One of `items`."""
        return items[self.rng.randrange(len(items))]


class DrawChooser:
    """Decisions from hypothesis's `draw` (CI), so failures shrink to the simplest damage."""

    def __init__(self, draw: Callable[[Any], Any]) -> None:
        from hypothesis import strategies as st

        self.draw = draw
        self.st = st

    def integer(self, low: int, high: int) -> int:
        """A whole number in [low, high]. Wide ranges (a line, a character offset) come from
        four drawn bytes, since hypothesis's own integers crowd near the low end — damage
        would then pile up in the first lines of every file."""
        if high - low <= 16:
            return int(self.draw(self.st.integers(low, high)))
        raw = self.draw(self.st.binary(min_size=4, max_size=4))
        return low + int.from_bytes(raw, "big") % (high - low + 1)

    def pick(self, items: Sequence[T]) -> T:
        """One of `items` (shrinks toward the first)."""
        return items[self.integer(0, len(items) - 1)]


# --- values of the wrong type ---------------------------------------------------------------------

WRONG_VALUES: dict[str, list[str]] = {
    "number": ["0", "-1", "1", "3.5", "-0.0", "1e3", "0x1F", "0o17", "007", "1_000", "+2"],
    "huge": ["9" * 30, "-" + "9" * 30, "1e308", "1e999", "-1e999", "9" * 5000, ".inf", "-.inf",
             ".nan", str(2 ** 63), str(2 ** 64), "1" + "0" * 400 + ".5", "0." + "0" * 500 + "1"],
    "text": ["hello", "'quoted'", '"double \\u00e9"', "yes", "no", "on", "1:20", "é ñ ü ¿?",
             "'   '", "a b c " * 200, "\"\\x00\"", "\"\\ud800\"", "'it''s'", "日本語", "🙂"],
    "list": ["[]", "[1, 2]", "[a, [b]]", "[{}]", "[null]", "['', '']", "[" * 80 + "]" * 80],
    "map": ["{}", "{a: 1}", "{x: [1]}", "{text: hi, tactic: pitch}", "{? a}", "{a: {b: {c: 1}}}"],
    "empty": ["", "~", "null", "''", '""'],
    "bool": ["true", "false", "True", "FALSE"],
    "broken": ["{", "[", "'", '"', "]:", "- x", "? x", "@x", "`x", "%x", "|", ">-", "&", "*",
               "!", "!!str", "!!int x", "!!python/object:os.system ''", "!!binary aGk=",
               "!custom x", "<<: x", ": :"],
}
BLOCK_VALUES = ["\n{pad}  - a\n{pad}  - b", "\n{pad}  x: 1\n{pad}  y: [2]", "\n{pad}  - {{a: 1}}",
                " |\n{pad}  text\n{pad}  more", "\n{pad}- stray"]
NUMBERS = ["0", "1", "2", "-1", "0.0", "0.5", "1.0", "-0.5", "0.99", "1.01", "3", "10", "100",
           "-100", "64", "65", "1000000", "0.05", "-0.05", "2.5"]

_LINE = re.compile(r"(?P<head>[ ]*(?:-[ ]+)*(?:[A-Za-z0-9_\-\"'.]+:[ ]+)?)(?P<value>.*?)"
                   r"(?P<nl>\r?\n?)\Z", re.S)
_ID = re.compile(r"[A-Za-z][A-Za-z0-9_\-]*")
_KEY = re.compile(r"[ ]*(?:-[ ]+)?([A-Za-z][A-Za-z0-9_\-]*):")


def _split(line: str) -> tuple[str, str, str]:
    """(indent and key or dash, the scalar value, the newline) of a line."""
    m = _LINE.match(line)
    assert m is not None  # the pattern matches any line
    return m["head"], m["value"], m["nl"]


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _is_content(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def _value_lines(lines: list[str]) -> list[int]:
    """Lines holding a scalar or flow value after `key: ` or `- `."""
    found = []
    for i, line in enumerate(lines):
        head, value, _ = _split(line)
        if head.strip() and value and not value.startswith("#"):
            found.append(i)
    return found


def _block_end(lines: list[str], start: int) -> int:
    """One past the last line of the block that `start` opens (more-indented lines after it)."""
    base = _indent(lines[start])
    if lines[start].lstrip(" ").startswith("- "):
        base += 1  # a list item's keys sit deeper than its dash
    end = start + 1
    while end < len(lines):
        line = lines[end]
        if _is_content(line) and _indent(line) <= base:
            break
        end += 1
    return end


def _some_line(lines: list[str], c: Chooser) -> int:
    """A line index, preferring lines with content."""
    content = [i for i, line in enumerate(lines) if _is_content(line)]
    return c.pick(content) if content and c.integer(0, 3) else c.integer(0, len(lines) - 1)


def _ids(lines: list[str]) -> list[str]:
    """The ids the file uses: every key and every id-like value."""
    words: set[str] = set()
    for line in lines:
        m = _KEY.match(line)
        if m:
            words.add(m[1])
        _, value, _ = _split(line)
        words.update(w for w in _ID.findall(value) if len(w) < 40)
    return sorted(words)


# --- line and block operators ---------------------------------------------------------------------

def delete_line(lines: list[str], c: Chooser) -> None:
    """Remove one line."""
    del lines[_some_line(lines, c)]


def duplicate_line(lines: list[str], c: Chooser) -> None:
    """Repeat one line (a duplicate key, or a repeated list item)."""
    i = _some_line(lines, c)
    lines.insert(i + c.integer(0, 1), lines[i])


def swap_lines(lines: list[str], c: Chooser) -> None:
    """Swap two lines, neighbours or anywhere."""
    i = _some_line(lines, c)
    j = min(len(lines) - 1, i + 1) if c.integer(0, 1) else _some_line(lines, c)
    lines[i], lines[j] = lines[j], lines[i]


def reindent_line(lines: list[str], c: Chooser) -> None:
    """Shift one line left or right."""
    i = _some_line(lines, c)
    by = c.pick([-4, -2, -1, 1, 2, 4, 8])
    body = lines[i].lstrip(" ")
    lines[i] = " " * max(0, _indent(lines[i]) + by) + body


def delete_block(lines: list[str], c: Chooser) -> None:
    """Remove a key (or list item) with everything nested under it."""
    i = _some_line(lines, c)
    del lines[i:_block_end(lines, i)]


def duplicate_block(lines: list[str], c: Chooser) -> None:
    """Repeat a key (or list item) with everything under it, right after it."""
    i = _some_line(lines, c)
    end = _block_end(lines, i)
    lines[end:end] = lines[i:end]


def move_block(lines: list[str], c: Chooser) -> None:
    """Cut a block and paste it somewhere else."""
    i = _some_line(lines, c)
    end = _block_end(lines, i)
    block = lines[i:end]
    del lines[i:end]
    at = c.integer(0, len(lines))
    lines[at:at] = block


def reindent_block(lines: list[str], c: Chooser) -> None:
    """Shift a whole block left or right."""
    i = _some_line(lines, c)
    end = _block_end(lines, i)
    by = c.pick([-4, -2, 2, 4])
    for k in range(i, end):
        body = lines[k].lstrip(" ")
        lines[k] = " " * max(0, _indent(lines[k]) + by) + body


def swap_blocks(lines: list[str], c: Chooser) -> None:
    """Swap two non-overlapping blocks."""
    i = _some_line(lines, c)
    j = _some_line(lines, c)
    if i > j:
        i, j = j, i
    end_i = _block_end(lines, i)
    if j < end_i:
        return
    end_j = _block_end(lines, j)
    lines[i:end_j] = lines[j:end_j] + lines[end_i:j] + lines[i:end_i]


# --- value operators ------------------------------------------------------------------------------

def wrong_type(lines: list[str], c: Chooser) -> None:
    """Replace a scalar value by one of another type (or nothing, or broken YAML)."""
    targets = _value_lines(lines)
    if not targets:
        return
    i = c.pick(targets)
    head, _, nl = _split(lines[i])
    kind = c.pick(sorted(WRONG_VALUES))
    lines[i] = head + c.pick(WRONG_VALUES[kind]) + (nl or "\n")


def value_to_block(lines: list[str], c: Chooser) -> None:
    """Replace a scalar value by a nested block list or mapping."""
    targets = _value_lines(lines)
    if not targets:
        return
    i = c.pick(targets)
    head, _, nl = _split(lines[i])
    pad = " " * _indent(lines[i])
    lines[i] = head.rstrip(" ") + c.pick(BLOCK_VALUES).format(pad=pad) + (nl or "\n")


def block_to_value(lines: list[str], c: Chooser) -> None:
    """Replace a nested block (`key:` and what is under it) by a scalar value."""
    targets = [i for i, line in enumerate(lines)
               if _is_content(line) and line.rstrip().endswith(":")
               and _block_end(lines, i) > i + 1]
    if not targets:
        return
    i = c.pick(targets)
    end = _block_end(lines, i)
    kind = c.pick(sorted(WRONG_VALUES))
    lines[i:end] = [lines[i].rstrip("\r\n") + " " + c.pick(WRONG_VALUES[kind]) + "\n"]


def swap_values(lines: list[str], c: Chooser) -> None:
    """Exchange the values of two `key: value` lines."""
    targets = _value_lines(lines)
    if len(targets) < 2:
        return
    i, j = c.pick(targets), c.pick(targets)
    hi, vi, ni = _split(lines[i])
    hj, vj, nj = _split(lines[j])
    lines[i], lines[j] = hi + vj + (ni or "\n"), hj + vi + (nj or "\n")


def rewire(lines: list[str], c: Chooser) -> None:
    """Replace one id in a value (a reference) by another id the file uses: the file often
    stays valid YAML and schema, and the lint rules or the engine meet a new wiring."""
    words = _ids(lines)
    targets = [i for i in _value_lines(lines) if _ID.search(_split(lines[i])[1])]
    if not targets or not words:
        return
    i = c.pick(targets)
    head, value, nl = _split(lines[i])
    found = list(_ID.finditer(value))
    m = c.pick(found)
    value = value[:m.start()] + c.pick(words) + value[m.end():]
    lines[i] = head + value + (nl or "\n")


def renumber(lines: list[str], c: Chooser) -> None:
    """Change a number to another number (in range or not): the schema's bounds and the
    engine's arithmetic meet odd values."""
    targets = [i for i in _value_lines(lines) if re.search(r"-?\d", _split(lines[i])[1])]
    if not targets:
        return
    i = c.pick(targets)
    head, value, nl = _split(lines[i])
    found = list(re.finditer(r"-?\d+(?:\.\d+)?", value))
    m = c.pick(found)
    value = value[:m.start()] + c.pick(NUMBERS) + value[m.end():]
    lines[i] = head + value + (nl or "\n")


def rename_key(lines: list[str], c: Chooser) -> None:
    """Misspell a key, or rename an id where it is defined."""
    targets = [i for i, line in enumerate(lines) if _KEY.match(line)]
    if not targets:
        return
    i = c.pick(targets)
    m = _KEY.match(lines[i])
    assert m is not None
    key = m[1]
    new = c.pick([key[:-1], key + "s", key.upper(), key[1:] or "x", key.replace("_", "-"),
                  key + " x", "é" + key, c.pick(_ids(lines))])
    lines[i] = lines[i][:m.start(1)] + new + lines[i][m.end(1):]


# --- text-level damage ----------------------------------------------------------------------------

INJECTIONS = ["\t", "\ufeff", "\x00", "\r", "\x01", "\x1b", "\x7f", "\x85", "\u2028", "\ufffe",
              "\u200d", "\u202e", "\u0301", "\U0001F600", "\ud800", "&a ", "*a", "&x [1] ",
              "!!str ", "!!python/name:os.system ", "!tag ", "<<: *a", "---\n", "...\n",
              "%YAML 1.2\n---\n", "? ", ": ", "- ", "#", "'", '"', "{", "}", "[", "]", ",",
              "|\n", "\\", "\n", "\n\n", " " * 50, "x" * 20000]


def inject(lines: list[str], c: Chooser) -> None:
    """Put a troublesome character or token somewhere in a line."""
    i = _some_line(lines, c)
    line = lines[i]
    at = c.integer(0, max(0, len(line.rstrip("\r\n"))))
    lines[i] = line[:at] + c.pick(INJECTIONS) + line[at:]


def tab_indent(lines: list[str], c: Chooser) -> None:
    """Indent a line with a tab instead of spaces."""
    i = _some_line(lines, c)
    body = lines[i].lstrip(" ")
    lines[i] = "\t" * max(1, _indent(lines[i]) // 4) + body


def anchor_alias(lines: list[str], c: Chooser) -> None:
    """Define an anchor on one value and use it as an alias on another."""
    targets = _value_lines(lines)
    if len(targets) < 2:
        return
    i, j = sorted((c.pick(targets), c.pick(targets)))
    hi, vi, ni = _split(lines[i])
    hj, _, nj = _split(lines[j])
    lines[i] = hi + "&ref " + vi + (ni or "\n")
    if j != i:
        lines[j] = hj + "*ref" + (nj or "\n")


def crlf_line(lines: list[str], c: Chooser) -> None:
    """End one line with CRLF, or a lone CR."""
    i = _some_line(lines, c)
    lines[i] = lines[i].rstrip("\r\n") + c.pick(["\r\n", "\r", "\r\r\n"])


def long_line(lines: list[str], c: Chooser) -> None:
    """Make a value very long."""
    targets = _value_lines(lines)
    if not targets:
        return
    i = c.pick(targets)
    head, value, nl = _split(lines[i])
    lines[i] = head + value + " " + c.pick(["word ", "é", "9", "[a, "]) * c.pick([500, 5000]) + \
        (nl or "\n")


LineOperator = Callable[[list[str], Chooser], None]

STRUCTURE: dict[str, LineOperator] = {
    "delete_line": delete_line, "duplicate_line": duplicate_line, "swap_lines": swap_lines,
    "reindent_line": reindent_line, "delete_block": delete_block,
    "duplicate_block": duplicate_block, "move_block": move_block,
    "reindent_block": reindent_block, "swap_blocks": swap_blocks,
}
VALUES: dict[str, LineOperator] = {
    "wrong_type": wrong_type, "value_to_block": value_to_block, "block_to_value": block_to_value,
    "swap_values": swap_values, "rename_key": rename_key, "long_line": long_line,
}
WIRING: dict[str, LineOperator] = {"rewire": rewire, "renumber": renumber}
INJECT: dict[str, LineOperator] = {
    "inject": inject, "tab_indent": tab_indent, "anchor_alias": anchor_alias,
    "crlf_line": crlf_line,
}
FAMILIES: dict[str, dict[str, LineOperator]] = {
    "structure": STRUCTURE, "values": VALUES, "wiring": WIRING, "inject": INJECT,
}
ENCODINGS = ["utf-8", "utf-8", "utf-8", "utf-8-sig", "crlf", "latin-1", "cp1252", "utf-16",
             "bad-byte", "cut-bytes"]


@dataclass
class Mutant:
    """A damaged scenario: where it came from, what was done, and the text or bytes to load."""

    source: str
    steps: list[str] = field(default_factory=list)
    data: str | bytes = ""

    @property
    def name(self) -> str:
        """The file name problems must carry."""
        return f"fuzz/{self.source}"


_TEXTS: dict[str, list[str]] = {}


def shipped_lines(path: Path) -> list[str]:
    """The lines of a shipped scenario (read once)."""
    if path.name not in _TEXTS:
        _TEXTS[path.name] = path.read_text(encoding="utf-8").splitlines(keepends=True)
    return _TEXTS[path.name]


def mutate_any(c: Chooser) -> Mutant:
    """The long run's mix: a quarter of the cases only rewire references and numbers (these
    mostly stay valid YAML and schema, so the lint rules and the engine get the work); the
    rest draw from every family, with truncation and encodings."""
    if c.integer(0, 3) == 0:
        return mutate(c, ["wiring"], truncate=False, encode=False, most=3)
    return mutate(c)


def mutate(c: Chooser, families: Sequence[str] = tuple(FAMILIES), *,
           truncate: bool = True, encode: bool = True, most: int = 4,
           sources: Sequence[Path] = SHIPPED) -> Mutant:
    """A shipped scenario with 1..`most` operators of `families` applied, then perhaps truncated
    and given to the loader as bytes in some encoding."""
    source = c.pick(list(sources))
    lines = list(shipped_lines(source))
    mutant = Mutant(source.name)
    for _ in range(c.integer(1, most)):
        if not lines:
            break
        family = FAMILIES[c.pick(list(families))]
        name = c.pick(sorted(family))
        family[name](lines, c)
        mutant.steps.append(name)
    text = "".join(lines)
    if truncate and c.integer(0, 3) == 0:
        cut = c.integer(0, len(text))
        text = text[:cut]
        mutant.steps.append(f"truncate@{cut}")
    mutant.data = text
    if encode and c.integer(0, 2) == 0:
        encoding = c.pick(ENCODINGS)
        mutant.data = encoded(text, encoding, c)
        mutant.steps.append(f"encode:{encoding}")
    return mutant


def encoded(text: str, encoding: str, c: Chooser) -> bytes:
    """`text` as bytes: in an encoding, with CRLF, or with broken UTF-8."""
    raw = text.encode("utf-8", "surrogatepass")
    if encoding == "crlf":
        return raw.replace(b"\n", b"\r\n")
    if encoding == "bad-byte":
        at = c.integer(0, len(raw))
        return raw[:at] + c.pick([b"\xff", b"\xc3", b"\xe2\x82", b"\xed\xa0\x80", b"\xc0\xaf",
                                  b"\xf4\x90\x80\x80"]) + raw[at:]
    if encoding == "cut-bytes":
        return raw[:c.integer(0, len(raw))]
    return text.encode(encoding, "replace")


# --- what every load must give --------------------------------------------------------------------

def load_violations(result: Any, name: str) -> list[str]:
    """How a load result breaks the contract (empty when it is well-formed): a LoadResult whose
    problems each name the file, have a 1-based line and column, a level, a code and a
    message; sorted; and no scenario when an error stands."""
    if not isinstance(result, LoadResult):
        return [f"not a LoadResult: {type(result).__name__}"]
    found = []
    if result.path != name:
        found.append(f"result path {result.path!r}")
    for p in result.problems:
        if p.file != name:
            found.append(f"problem names file {p.file!r}: {p.format()}")
        if not (type(p.line) is int and p.line >= 1 and type(p.col) is int and p.col >= 1):
            found.append(f"bad position {p.line!r}:{p.col!r}: {p.format()}")
        if p.level not in ("error", "warning"):
            found.append(f"bad level {p.level!r}")
        if not (isinstance(p.code, str) and p.code and isinstance(p.message, str) and p.message):
            found.append(f"empty code or message: {p!r}")
    if result.problems != sorted(result.problems):
        found.append("problems not sorted")
    has_error = any(p.level == "error" for p in result.problems)
    if has_error and result.scenario is not None:
        found.append("a scenario was returned despite an error")
    if not has_error and result.scenario is None:
        found.append("no scenario and no error")
    return found


def play_randomly(scenario: Scenario, seed: int, choices: int = PLAY_CHOICES) -> Game:
    """Create a game and make up to `choices` random choices (with a random role tag now and
    then), reading the board, the score and the result as a front end would. Raises
    AssertionError if the game gets stuck: not over, yet nothing available."""
    rng = random.Random(seed)
    game = Game(Runtime(scenario), seed=seed)
    people = list(game.scenario.stakeholders)
    for _ in range(choices):
        if game.over:
            break
        if rng.random() < 0.1:
            game.tag(rng.choice(people), rng.choice([*ROLES, None]))
        open_ = [i for i, o in enumerate(game.options()) if o.available]
        assert open_, f"stuck: nothing available in phase {game.state.phase} " \
                      f"at turn {game.state.turn}"
        game.choose(rng.choice(open_))
        game.current_line()
    deal_board(game.rt, game.state)
    if not game.over:
        game.abandon()
    debrief(game.rt, game.state)
    result_dict(game, "fuzz")
    assert game.state.outcome in ("won", "lost", "abandoned"), game.state.outcome
    return game
