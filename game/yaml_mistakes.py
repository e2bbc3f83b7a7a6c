"""Where a YAML syntax error really is, and what to do about it, in a trainer's words.

libyaml stops where it can no longer read, which is often far from the mistake: an unclosed
quote swallows the lines after it and is reported dozens of lines later; a key pushed to the
left margin is reported at the next key that no longer lines up. `locate_mistake` looks at the
lines up to the parser's stop for the usual slips —

    say: "Good to meet you!          an unclosed quote           (reported where it opens)
    cares_about: [overtime           an unclosed [ or {          (where it opens)
    raj:                             a key at the wrong indent   (at that key)
    trust:0.5                        no space after the colon    (at that key)
    situation: Rotas: by hand        ': ' inside unquoted text   (at that text)

— and confirms each suspect by mending that one line and reading the file again: a suspect
counts only when the mended file reads further than the broken one. The parser's own words are
never shown; when no suspect is confirmed the message explains the parser's stop plainly.
"""
from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import yaml

from game.messages import NOTHING, Msg, msg, plural
from game.problems import Problem

PROBE_SECONDS = 1.0   # at most this long spent re-reading mended copies of one file
PROBES_MAX = 60       # and at most this many copies
LOOK_BACK = 400       # lines before the parser's stop searched for the slip
LOOK_AHEAD = 60       # lines after the stop kept in each mended copy (the rest is not needed)

_KEY_LINE = re.compile(r"^( *)(- +)?([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*))?$")
_NO_SPACE = re.compile(r"^( *)(- +)?([A-Za-z_][\w-]*):([^\s/:].*)$")


@dataclass(frozen=True)
class _Suspect:
    line: int          # 0-based
    col: int           # 0-based
    code: str
    words: Msg
    mended: str        # the line as it should read


def locate_mistake(name: str, text: str, exc: yaml.MarkedYAMLError) -> Problem:
    """The problem to report for a syntax error: at the slip that caused it when one is found
    and confirmed, else at the parser's stop, in plain words either way."""
    mark = exc.problem_mark or exc.context_mark
    stop = mark.line if mark else 0
    lines = [line.rstrip("\r") for line in text.split("\n")]  # CRLF files too
    context = exc.context_mark.line if exc.context_mark is not None else stop
    first = max(0, stop - LOOK_BACK)
    deadline = time.monotonic() + PROBE_SECONDS
    probes = 0
    for suspect in _suspects(lines, first, min(stop, len(lines) - 1), context):
        if probes >= PROBES_MAX or time.monotonic() > deadline:
            break
        probes += 1
        if _reads_further(lines, suspect, stop):
            return Problem(name, suspect.line + 1, suspect.col + 1, "error", suspect.code,
                           words=suspect.words)
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return Problem(name, line, col, "error", "syntax", words=_plain_words(exc))


def _reads_further(lines: list[str], suspect: _Suspect, stop: int) -> bool:
    """Whether the text with the suspect's line mended reads past the parser's old stop."""
    copy = lines[: stop + LOOK_AHEAD]
    copy[suspect.line] = suspect.mended
    try:
        for _ in yaml.parse("\n".join(copy), Loader=yaml.CSafeLoader):
            pass
    except yaml.MarkedYAMLError as again:
        mark = again.problem_mark or again.context_mark
        return mark is not None and mark.line > stop
    except yaml.YAMLError:
        return False
    return True


def _suspects(lines: list[str], first: int, stop: int, context: int) -> Iterator[_Suspect]:
    """Suspect slips, the likeliest first: quotes and brackets from the top of the window (the
    first unclosed one swallows what follows; the parser's context line too, when it is above
    the window), then lines from the stop upwards."""
    if context < first:
        yield from _unclosed(lines[context], context)
    for i in range(first, stop + 1):
        yield from _unclosed(lines[i], i)
    step = _indent_step(lines)
    for i in range(stop, first - 1, -1):
        line = lines[i]
        yield from _no_space(line, i)
        yield from _colon_in_text(line, i)
        yield from _misindented(lines, i, step)


# --- quotes and brackets ----------------------------------------------------------------------

def _unclosed(line: str, i: int) -> Iterator[_Suspect]:
    """An opening quote, `[` or `{` on this line that the line never closes."""
    openers: list[tuple[str, int]] = []
    j, n = 0, len(line)
    value_start = True  # a quote opens text only where a value can start
    while j < n:
        c = line[j]
        if c in "\"'" and value_start:
            end = _quote_end(line, j)
            if end < 0:
                mended = _close_quote(line, c, openers)
                yield _Suspect(i, j, "unclosed-quote", msg("unclosed-quote", quote=c), mended)
                return
            j = end + 1
            value_start = False
            continue
        if c == "#" and (j == 0 or line[j - 1] in " \t"):
            break
        if c in "[{" and value_start:
            openers.append((c, j))
        elif c in "]}" and openers:
            openers.pop()
        if c in "[{,":
            value_start = True
        elif c == ":" and j + 1 < n and line[j + 1] == " ":
            value_start = True
        elif c == "-" and line[:j].strip() == "" and line[j + 1: j + 2] in (" ", ""):
            value_start = True
        elif c not in " \t":
            value_start = False
        j += 1
    if openers:
        bracket, col = openers[0]
        closers = "".join("]" if b == "[" else "}" for b, _ in reversed(openers))
        what = "list" if bracket == "[" else "mapping"
        body, comment = _split_comment(line)
        mended = body.rstrip() + closers + comment
        yield _Suspect(i, col, "unclosed-bracket",
                       msg(f"unclosed-bracket.{what}", mended=(body.rstrip() + closers).strip()),
                       mended)


def _quote_end(line: str, start: int) -> int:
    """Where the quoted text opened at `start` ends on this line, or -1."""
    quote = line[start]
    j = start + 1
    while j < len(line):
        c = line[j]
        if quote == '"' and c == "\\":
            j += 2
            continue
        if c == quote:
            if quote == "'" and line[j + 1: j + 2] == "'":
                j += 2
                continue
            return j
        j += 1
    return -1


def _close_quote(line: str, quote: str, openers: list[tuple[str, int]]) -> str:
    body = line.rstrip()
    if openers:  # inside [ … ] or { … }: close the text before the brackets that end the line
        tail = len(body) - len(body.rstrip("]} "))
        return body[: len(body) - tail] + quote + body[len(body) - tail:]
    return body + quote


def _split_comment(line: str) -> tuple[str, str]:
    match = re.search(r"\s#", line)
    return (line[: match.start()], line[match.start():]) if match else (line, "")


# --- keys -------------------------------------------------------------------------------------

def _no_space(line: str, i: int) -> Iterator[_Suspect]:
    """`trust:0.5` — a key without the space after its colon reads as one word of text."""
    match = _NO_SPACE.match(line)
    if match is None or ": " in line:
        return
    indent, dash, key, rest = match.groups()
    mended = f"{indent}{dash or ''}{key}: {rest}"
    yield _Suspect(i, len(indent) + len(dash or ""), "no-space-after-colon",
                   msg("no-space-after-colon", written=f"{key}:{rest.strip()}", key=key,
                       mended=mended.strip()), mended)


def _colon_in_text(line: str, i: int) -> Iterator[_Suspect]:
    """`situation: Rotas: by hand` — ': ' inside unquoted text reads as a second key."""
    match = _KEY_LINE.match(line)
    if match is None or not match.group(4):
        return
    indent, dash, key, value = match.groups()
    value, comment = _split_comment(value)
    value = value.rstrip()
    if value[:1] in "\"'[{|>" or not (": " in value or value.endswith(":")):
        return
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    mended = f"{indent}{dash or ''}{key}: \"{escaped}\"{comment}"
    col = line.index(value, len(indent) + len(dash or "") + len(key))
    shown = value if len(value) <= 40 else value[:37] + "…"
    yield _Suspect(i, col, "colon-in-text", msg("colon-in-text", key=key, shown=shown), mended)


def _indent_of(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _meaningful(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def _indent_step(lines: list[str]) -> int:
    """How far this file indents a key's children (2 in most files): the commonest step."""
    steps: Counter[int] = Counter()
    previous: int | None = None
    for line in lines[:5000]:
        if not _meaningful(line):
            continue
        indent = _indent_of(line)
        if previous is not None and indent > previous:
            steps[indent - previous] += 1
        previous = indent
    return steps.most_common(1)[0][0] if steps else 2


def _misindented(lines: list[str], i: int, step: int) -> Iterator[_Suspect]:
    """A key out of line with the lines around it: a key whose children sit more (or less) than
    one step in, or a key indented unlike both the line before and the line after it."""
    line = lines[i]
    match = _KEY_LINE.match(line)
    if match is None or match.group(2):
        return
    key = match.group(3)
    indent = len(match.group(1))
    after = next((lines[k] for k in range(i + 1, min(i + 50, len(lines)))
                  if _meaningful(lines[k])), None)
    before = next((lines[k] for k in range(i - 1, max(i - 50, -1), -1)
                   if _meaningful(lines[k])), None)
    wanted: list[int] = []
    value, _ = _split_comment(match.group(4) or "")
    block = not value.strip() and after is not None and _indent_of(after) > indent
    if block:
        if _indent_of(after) - indent != step:  # its children are one step in, as elsewhere
            wanted.append(_indent_of(after) - step)
    else:
        wanted.extend(_indent_of(x) for x in (before, after) if x is not None
                      and not x.lstrip().startswith("- "))
    for target in dict.fromkeys(wanted):
        if target < 0 or target == indent:
            continue
        mended = " " * target + line.lstrip(" ")
        yield _Suspect(i, indent, "wrong-indent",
                       _indent_message(lines, i, key, indent, target, block), mended)


def _indent_message(lines: list[str], i: int, key: str, indent: int, target: int,
                    block: bool) -> Msg:
    where = msg("indent.margin") if indent == 0 else plural("indent.spaces", indent)
    parent = None
    for k in range(i - 1, -1, -1):
        above = lines[k]
        if _meaningful(above) and _indent_of(above) < target:
            found = _KEY_LINE.match(above)
            parent = found.group(3) if found else None
            break
    if target == 0:
        return msg("wrong-indent.top", key=key, where=where)
    tail = msg("wrong-indent.block") if block else NOTHING
    if parent:
        return msg("wrong-indent.under", key=key, where=where, parent=parent, target=target,
                   block=tail)
    return msg("wrong-indent.under-above", key=key, where=where, target=target, block=tail)


# --- the parser's stop in plain words ---------------------------------------------------------

_PLAIN = (  # what the parser says → the catalog's plain words (game/messages.py)
    ("mapping values are not allowed", "syntax.mapping-values"),
    ("did not find expected key", "syntax.expected-key"),
    ("did not find expected '-'", "syntax.expected-dash"),
    ("expected <block end>", "syntax.block-end"),
    ("cannot start any token", "syntax.start-token"),
    ("could not find expected ':'", "syntax.expected-colon"),
    ("found unexpected end of stream", "syntax.end-of-stream"),
    ("while scanning a quoted scalar", "syntax.quoted"),
    ("while parsing a flow", "syntax.flow"),
    ("while scanning an alias", "syntax.alias"),
    ("while scanning an anchor", "syntax.anchor"),
    ("while scanning a block scalar", "syntax.block-scalar"),
)


def _plain_words(exc: yaml.MarkedYAMLError) -> Msg:
    said = f"{exc.problem or ''} {exc.context or ''}"
    for marker, key in _PLAIN:
        if marker in said:
            return msg(key)
    return msg("syntax")
