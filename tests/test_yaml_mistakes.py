"""Syntax slips reported where the trainer made them, in plain words (issue 14).

Each case breaks the guide's example file one way, as a trainer would, and checks the one
problem `validate` gives: its line and column, its code, and that it says what to do.
"""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from game.loader import load_scenario, load_scenario_text

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = (ROOT / "docs" / "example.yaml").read_text(encoding="utf-8")


def broken(line: int, old: str, new: str) -> str:
    """The example with `old` replaced by `new` on 1-based `line` (which must hold it)."""
    lines = EXAMPLE.split("\n")
    assert old in lines[line - 1], (line, lines[line - 1])
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    return "\n".join(lines)


def line_of(text: str) -> int:
    return next(i for i, line in enumerate(EXAMPLE.split("\n"), 1) if line == text)


def only_problem(text: str | bytes) -> tuple[int, int, str, str]:
    result = load_scenario_text(text, "s.yaml")
    assert result.scenario is None
    [problem] = result.problems
    return problem.line, problem.col, problem.code, problem.message


def test_an_unclosed_quote_is_reported_where_it_opens_not_where_the_parser_stops() -> None:
    line = line_of("          say: Good to meet you! I'm sure we can get this approved quickly.")
    text = broken(line, "say: Good", 'say: "Good')
    at, col, code, message = only_problem(text)
    assert (at, col, code) == (line, 16, "unclosed-quote")  # the parser stops 33 lines later
    assert 'add the closing "' in message and "parsing" not in message


def test_an_unclosed_quote_inside_braces_is_reported_at_the_quote() -> None:
    line = line_of('                  - {about: grace, text: "Grace, the finance director, '
                   'signs anything over 5,000."}')
    at, col, code, _ = only_problem(broken(line, '5,000."}', "5,000.}"))
    assert (at, col, code) == (line, 42, "unclosed-quote")


def test_a_stakeholder_pushed_to_the_left_margin_is_reported_at_that_key() -> None:
    line = line_of("  raj:")
    at, col, code, message = only_problem(broken(line, "  raj:", "raj:"))
    assert (at, col, code) == (line, 1, "wrong-indent")  # the parser stops at `grace:`, 41 later
    assert "'raj' is at the left margin" in message
    assert "under `stakeholders:`" in message and "by 2 spaces" in message


def test_the_last_stakeholder_at_the_margin_still_reads_and_is_reported_at_its_key() -> None:
    line = line_of("  grace:")
    at, col, code, message = only_problem(broken(line, "  grace:", "grace:"))
    assert (at, col, code) == (line, 1, "wrong-indent")
    assert "stakeholders" in message and "indent the line 'grace:' by 2 spaces" in message


def test_a_key_pulled_out_of_its_stakeholder_is_reported_once_at_the_key() -> None:
    line = EXAMPLE.split("\n").index("    conversation:") + 1  # Olivia's
    at, col, code, message = only_problem(broken(line, "    conversation:", "  conversation:"))
    assert (at, col, code) == (line, 3, "wrong-indent")
    assert "a key of 'olivia'" in message


def test_an_unclosed_bracket_is_reported_on_its_own_line_with_the_mended_line() -> None:
    line = line_of("    cares_about: [overtime]")
    at, col, code, message = only_problem(broken(line, "[overtime]", "[overtime"))
    assert (at, col, code) == (line, 18, "unclosed-bracket")
    assert message.endswith("cares_about: [overtime]")


@pytest.mark.parametrize(("old", "new", "line_text", "col", "code", "words"), [
    ("    trust", "   trust", "    trust: 0.5", 4, "wrong-indent", "indent this line by 4 spaces"),
    ("    trust", "      trust", "    trust: 0.5", 7, "wrong-indent", "by 4 spaces"),
    ("trust: 0.5", "trust:0.5", "    trust: 0.5", 5, "no-space-after-colon", "trust: 0.5"),
    ("situation: Twelve bakeries;", "situation: Twelve bakeries:",
     "  situation: Twelve bakeries; rotas are rebuilt by hand every Friday.", 14,
     "colon-in-text", 'situation: "Twelve bakeries:'),
])
def test_other_slips_are_named_at_their_line(old: str, new: str, line_text: str, col: int,
                                             code: str, words: str) -> None:
    line = line_of(line_text)
    at, got_col, got_code, message = only_problem(broken(line, old, new))
    assert (at, got_col, got_code) == (line, col, code)
    assert words in message


def test_a_spanish_file_with_bom_and_crlf_is_located_the_same_way() -> None:
    line = line_of("  raj:")
    text = broken(line, "  raj:", "raj:").replace("Olivia Hart", "Olivia Núñez")
    raw = b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")
    at, col, code, _ = only_problem(raw)
    assert (at, col, code) == (line, 1, "wrong-indent")


def test_a_slip_nobody_can_mend_gets_plain_words_at_the_parser_stop() -> None:
    at, col, code, message = only_problem("id: x\ntitle: `quoted`\n")
    assert (at, col, code) == (2, 8, "syntax")
    assert "quotes" in message and "token" not in message


def test_a_duplicate_key_stops_the_later_stages(tmp_path: Path) -> None:
    line = line_of("    trust: 0.5")
    text = broken(line, "trust: 0.5", "trust: 0.5\n    trust: 0.6")
    path = tmp_path / "dup.yaml"
    path.write_text(text, encoding="utf-8")
    result = load_scenario(path)
    assert [p.code for p in result.problems] == ["duplicate-key"]


def test_locating_a_slip_in_a_large_file_is_quick() -> None:
    people = "".join(
        f"  p{i}:\n    name: P {i}\n    title: T\n    role: user\n    conversation:\n"
        f"      start: a\n      nodes:\n        a:\n          say: hello number {i}\n"
        for i in range(6000))
    text = ("id: big\ntitle: Big\nlanguage: en\naccount: {company: A, product: B}\n"
            "briefing: b\nturns: 3\nstakeholders:\n" + people)
    text = text.replace("say: hello number 5990", 'say: "hello number 5990')
    text += "needs: {x: {text: t, benefit: easier}}\n"
    started = time.process_time()
    result = load_scenario_text(text, "big.yaml")
    assert time.process_time() - started < 2.0
    assert [p.code for p in result.problems] == ["unclosed-quote"]
