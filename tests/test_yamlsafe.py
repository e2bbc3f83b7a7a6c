"""The safe YAML reader: plain values with positions, and a located problem for bad input."""
from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from game.yamlsafe import MAX_BYTES, MAX_DEPTH, read_yaml_bytes, read_yaml_file, read_yaml_text


def codes(text: str | bytes) -> list[tuple[int, int, str]]:
    """(line, col, code) of each problem reading `text` as `f.yaml`, checking the file name."""
    document = read_yaml_bytes(text, "f.yaml") if isinstance(text, bytes) \
        else read_yaml_text(text, "f.yaml")
    for problem in document.problems:
        assert problem.file == "f.yaml" and problem.level == "error"
        assert problem.line >= 1 and problem.col >= 1 and problem.message
    return [(p.line, p.col, p.code) for p in document.problems]


# --- values and positions ------------------------------------------------------------------

def test_values_and_keys_are_located_one_based() -> None:
    document = read_yaml_text("id: demo\nneeds:\n  overtime:\n    text: Late nights\n"
                              "list:\n  - a\n  - {b: 1}\n", "f.yaml")
    assert document.problems == []
    assert document.data == {"id": "demo", "needs": {"overtime": {"text": "Late nights"}},
                             "list": ["a", {"b": 1}]}
    values, keys = document.locator.values, document.locator.keys
    assert values[("id",)] == (1, 5)
    assert keys[("needs", "overtime")] == (3, 3)
    assert values[("needs", "overtime", "text")] == (4, 11)
    assert values[("list", 0)] == (6, 5)
    assert values[("list", 1, "b")] == (7, 9)
    # a block mapping's value starts at its first key; a missing path falls back to its parent
    assert document.locator.where(("needs", "overtime", "missing")) == (4, 5)
    assert document.locator.where(("needs", "overtime"), key=True) == (3, 3)


@pytest.mark.parametrize(("plain", "value"), [
    ("no", "no"), ("yes", "yes"), ("on", "on"), ("off", "off"), ("ON", "ON"), ("y", "y"),
    ("1:20", "1:20"), ("12:30:00", "12:30:00"), ("2001-12-14", "2001-12-14"),
    ("0o14", "0o14"), ("0x1F", "0x1F"), ("true", True), ("False", False), ("~", None),
    ("null", None), ("", None), ("42", 42), ("-7", -7), ("1_000", 1000), ("0.5", 0.5),
    ("1e3", 1000.0), (".5", 0.5), ("'true'", "true"), ('"12"', "12"), ("!!str 12", "12"),
    ("!!float 1", 1.0), ("¿Qué tal?", "¿Qué tal?"),
])
def test_plain_values_resolve_conservatively(plain: str, value: object) -> None:
    document = read_yaml_text(f"key: {plain}\n", "f.yaml")
    assert document.problems == []
    assert document.data == {"key": value}
    assert type(document.data["key"]) is type(value)


def test_a_number_too_long_for_python_stays_text() -> None:
    digits = "9" * 5000
    assert read_yaml_text(f"key: {digits}\n", "f.yaml").data == {"key": digits}


# --- refused input -------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("", [(1, 1, "empty")]),
    ("   \n\n# only a comment\n", [(1, 1, "empty")]),
    ("a: [1, 2\nb: 3\n", [(1, 4, "unclosed-bracket")]),
    ("title: a: b\n", [(1, 8, "colon-in-text")]),
    ("a:\n\tb: 1\n", [(2, 1, "tab")]),
    ("a:\n  b: 1\n\tc: 2\n", [(3, 1, "tab")]),
    ("a: 1\n---\nb: 2\n", [(2, 1, "several-documents")]),
    ("---\na: 1\n...\n---\nb: 2\n", [(4, 1, "several-documents")]),
    ("a: &x 1\nb: *x\n", [(1, 4, "anchor")]),
    ("- *x\n", [(1, 3, "alias")]),
    ("a: !!python/object/apply:os.system ['echo hi']\n", [(1, 4, "tag")]),
    ("!!python/object/apply:os.system\n- echo hi\n", [(1, 1, "tag")]),
    ("a: !!python/name:os.system ''\n", [(1, 4, "tag")]),
    ("a: !!binary aGVsbG8=\n", [(1, 4, "tag")]),
    ("a: !!set {x, y}\n", [(1, 4, "tag")]),
    ("a: !local 1\n", [(1, 4, "tag")]),
    ("a: !!int twelve\n", [(1, 4, "tag")]),
    ("!!int 1: a\n", [(1, 1, "tag")]),
    ("? [a, b]\n: 1\n", [(1, 3, "complex-key")]),
    ("{{a: 1}: 2}\n", [(1, 2, "complex-key")]),
    ("a: \x07\n", [(1, 4, "syntax")]),
    ("título: ñññ\x07\n", [(1, 12, "syntax")]),
    ("a: \ud800\n", [(1, 4, "not-utf8")]),
])
def test_bad_text_gives_one_located_problem(text: str, expected: list[tuple[int, int, str]]) -> None:
    assert codes(text) == expected


def test_tab_problem_says_to_use_spaces() -> None:
    [problem] = read_yaml_text("a:\n\tb: 1\n", "f.yaml").problems
    assert "spaces" in problem.message


def test_duplicate_key_names_both_lines_and_keeps_the_first() -> None:
    document = read_yaml_text("a: 1\nb:\n  c: 2\n  d: 3\n  c: 4\n", "f.yaml")
    assert [(p.line, p.col, p.code) for p in document.problems] == [(5, 3, "duplicate-key")]
    assert "lines 3 and 5" in document.problems[0].message
    assert document.data == {"a": 1, "b": {"c": 2, "d": 3}}


def test_duplicate_key_with_a_nested_value_is_reported_once() -> None:
    document = read_yaml_text("a:\n  x: 1\na:\n  y: [1, {z: 2}]\n  x: 2\n", "f.yaml")
    assert [(p.line, p.col, p.code) for p in document.problems] == [(3, 1, "duplicate-key")]
    assert document.data == {"a": {"x": 1}}


@pytest.mark.parametrize("flow", [True, False])
def test_nesting_is_capped(flow: bool) -> None:
    def nested(depth: int) -> str:
        if flow:
            return "[" * depth + "]" * depth + "\n"
        return "".join(" " * i + "-\n" for i in range(depth))
    assert codes(nested(MAX_DEPTH)) == []
    [(line, col, code)] = codes(nested(MAX_DEPTH + 1))
    assert code == "too-deep"
    assert (line, col) == ((1, MAX_DEPTH + 1) if flow else (MAX_DEPTH + 1, MAX_DEPTH + 1))


@pytest.mark.parametrize("flow", [True, False])
def test_five_thousand_levels_are_refused_quickly(flow: bool) -> None:
    # indented block nesting 5000 deep would pass the size cap; compact `- - - x` does not
    text = ("a: " + "[" * 5000 + "]" * 5000 + "\n") if flow else "- " * 5000 + "x\n"
    started = time.perf_counter()
    [(_, _, code)] = codes(text)
    assert code == "too-deep"
    assert time.perf_counter() - started < 2


def test_billion_laughs_is_refused_at_the_first_anchor_quickly() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for index in range(1, 10):
        prev, name = chr(ord("a") + index - 1), chr(ord("a") + index)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    started = time.perf_counter()
    assert codes("\n".join(lines) + "\n") == [(1, 4, "anchor")]
    assert time.perf_counter() - started < 2


# --- bytes and encodings -------------------------------------------------------------------

def test_latin1_bytes_are_refused_at_the_first_bad_byte() -> None:
    raw = "title: ok\nsay: caf\u00e9\n".encode("latin-1")
    assert codes(raw) == [(2, 9, "not-utf8")]
    [problem] = read_yaml_bytes(raw, "f.yaml").problems
    assert "0xE9" in problem.message and "UTF-8" in problem.message


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom_is_refused(encoding: str) -> None:
    raw = "title: x\n".encode(encoding)
    if encoding != "utf-16":
        raw = ("\ufeff" + "title: x\n").encode(encoding)
    assert codes(raw) == [(1, 1, "not-utf8")]


def test_utf8_bom_and_crlf_are_accepted_with_accents_intact() -> None:
    raw = "\ufeffsay: \"¿Qué tal, señora Núñez?\"\r\nnext: año\r\n".encode("utf-8")
    document = read_yaml_bytes(raw, "f.yaml")
    assert document.problems == []
    assert document.data == {"say": "¿Qué tal, señora Núñez?", "next": "año"}
    assert document.locator.values[("next",)] == (2, 7)


def test_too_many_bytes_or_characters_are_refused() -> None:
    big = b"a: " + b"x" * MAX_BYTES + b"\n"
    assert codes(big) == [(1, 1, "too-large")]
    assert codes(big.decode()) == [(1, 1, "too-large")]
    # characters under the cap whose UTF-8 encoding is over it
    wide = "a: " + "ñ" * (MAX_BYTES // 2 + 1) + "\n"
    assert codes(wide) == [(1, 1, "too-large")]


# --- files ---------------------------------------------------------------------------------

def test_file_over_the_cap_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with open(path, "wb") as handle:
        handle.write(b"a: b\n" * (MAX_BYTES // 5 + 1))
    document = read_yaml_file(path)
    assert [(p.file, p.line, p.col, p.code) for p in document.problems] == [
        (str(path), 1, 1, "too-large")]
    assert document.data is None


@pytest.mark.parametrize(("make", "code"), [
    (lambda d: d / "missing.yaml", "no-file"),
    (lambda d: d, "is-folder"),
    (lambda d: str(d / "nul\0.yaml"), "no-file"),
])
def test_unreadable_paths_give_a_problem(tmp_path: Path, make: Callable[[Path], Path | str],
                                         code: str) -> None:
    path = make(tmp_path)
    document = read_yaml_file(path, "shown.yaml")
    assert [(p.file, p.line, p.col, p.code) for p in document.problems] == [
        ("shown.yaml", 1, 1, code)]
