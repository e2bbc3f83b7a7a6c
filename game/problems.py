"""Author problems as values: where, how bad, which rule, and what to do.

Loaders and lint rules produce `Problem`s and print nothing; the CLI and the UI format them, in
English or Spanish (the words are a `game.messages.Msg`, worded when shown).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from collections.abc import Iterable
from typing import Literal

from game.messages import Msg, read_back

Level = Literal["error", "warning"]
Path = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a scenario file. `line` and `col` are 1-based.

    `words` are the message as a value (a catalog key and its parameters); `message` is their
    English, worked out when the problem is made. A problem made with English text alone has
    no `words`: `text` reads them back from the catalog when it can.
    """

    file: str
    line: int
    col: int
    level: Level
    code: str
    message: str = ""
    words: Msg | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.words is not None and not self.message:
            object.__setattr__(self, "message", self.words.render("en"))

    def text(self, language: str = "en") -> str:
        """The message in `language` ("en" or "es"; English when it has no other wording)."""
        if language == "en":
            return self.message
        words = self.words if self.words is not None else read_back(self.code, self.message)
        return words.render(language) if words is not None else self.message

    def format(self, language: str = "en") -> str:
        """`path:line:col: level: message [code]`, the form editors and CI understand. The
        level and the code stay as they are in every language: tools read them."""
        return (f"{self.file}:{self.line}:{self.col}: {self.level}: {self.text(language)} "
                f"[{self.code}]")


HINTS_MAX = 500  # "did you mean" hints worked out per file and check


class HintBudget:
    """How many more "did you mean" hints to work out. Every problem is still reported, but a
    file of garbage can hold hundreds of thousands, and a hint for each would take minutes."""

    def __init__(self, left: int | None = None) -> None:
        self.left = HINTS_MAX if left is None else left

    def take(self) -> bool:
        """True (and one fewer left) while there are hints to spare."""
        self.left -= 1
        return self.left >= 0


def in_order(problems: Iterable[Problem]) -> list[Problem]:
    """`problems` by file, line, column, level, code and message (as `sorted` orders them),
    comparing plain tuples: many times faster than the dataclass's own comparisons when a
    broken file has thousands of problems."""
    return sorted(problems, key=lambda p: (p.file, p.line, p.col, p.level, p.code, p.message))


class Locator:
    """Maps a path inside the loaded document to the 1-based line and column it came from.

    `values` holds where each value starts and `keys` where each mapping key stands; a path
    that was never recorded (a key that is missing) falls back to its nearest recorded parent.
    """

    def __init__(self, file: str, values: dict[Path, tuple[int, int]],
                 keys: dict[Path, tuple[int, int]]) -> None:
        self.file = file
        self.values = values
        self.keys = keys

    def where(self, path: Path, *, key: bool = False) -> tuple[int, int]:
        """Line and column (1-based) of the value (or, with `key`, the key) at `path`."""
        if key and path in self.keys:
            return self.keys[path]
        while path:
            if path in self.values:
                return self.values[path]
            path = path[:-1]
        return self.values.get((), (1, 1))

    def problem(self, path: Path, level: Level, code: str, message: str | Msg, *,
                key: bool = False) -> Problem:
        """A problem located at `path`, its message as words (`Msg`) or English text."""
        line, col = self.where(path, key=key)
        if isinstance(message, Msg):
            return Problem(self.file, line, col, level, code, words=message)
        return Problem(self.file, line, col, level, code, message)
