"""The trainer's tools speak the scenario's language (issue 14, item 3).

Every message `validate`, `analyze` and `new` can give has its English and its Spanish in one
catalog (game/messages.py), with the same placeholders; the scenario's `language:` picks one
(its base: `es-MX` → Spanish), `--lang` overrides it, and a file that cannot be read far enough
to tell falls back to QUALIFIED_LANG, then settings.toml's `[class] language`, then English.
The `path:line:col: level: message [code]` shape stays in every language (design.md §4).
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from game import messages
from game.cli import main
from game.loader import load_scenario, load_scenario_text
from game.messages import _TEXT, Msg, base_language, language_in_text, placeholders, read_back
from game.problems import Problem
from tests.test_docs import all_problem_codes

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = (ROOT / "docs" / "example.yaml").read_text(encoding="utf-8")
SOURCES = [ROOT / "game" / name for name in (
    "loader.py", "yaml_mistakes.py", "misplaced.py", "messages.py", "cli/validate_cmd.py",
    "cli/analyze_cmd.py", "cli/new_cmd.py", "analysis/findings.py", "analysis/ceilings.py",
    "analysis/report.py") if (ROOT / "game" / name).exists()] \
    + sorted((ROOT / "game" / "lint").glob("*.py"))
# the same in both languages on purpose: a bare placeholder, or words that are the same
SAME_IN_BOTH = {"nothing", "value.bool", "value.other", "invalid", "validate.summary",
                "validate.errors.one", "report.total", "report.col-seed"}


@pytest.fixture(autouse=True)
def _no_language_from_outside(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(messages.ENV_LANG, raising=False)


# --- the catalog -------------------------------------------------------------------------------

@pytest.mark.parametrize("key", sorted(_TEXT))
def test_every_entry_has_both_languages_with_the_same_placeholders(key: str) -> None:
    entry = _TEXT[key]
    assert set(entry) == {"en", "es"}
    assert placeholders(entry["en"]) == placeholders(entry["es"]), key
    if key not in SAME_IN_BOTH:
        assert entry["en"] != entry["es"], f"{key} is not translated"


def test_the_spanish_quotes_with_guillemets_and_opens_its_questions() -> None:
    for key, entry in _TEXT.items():
        spanish = entry["es"]
        assert not re.search(r"(?<![\w`])'\{\w+\}'", spanish), f"{key}: quote names «so»"
        assert spanish.count("¿") == spanish.count("?"), f"{key}: ¿…? in pairs"
        assert spanish.count("«") == spanish.count("»"), key
        assert "“" not in spanish, f"{key}: Spanish quotes with «»"


def test_every_problem_code_has_its_words() -> None:
    """Every code the loader, the YAML reader, yaml_mistakes, misplaced and every lint rule
    can give (found as test_docs finds them) has catalog entries: the code itself, or the code
    with a variant after a dot."""
    keys = set(_TEXT)
    missing = sorted(code for code in all_problem_codes()
                     if code not in keys and not any(k.startswith(code + ".") for k in keys))
    assert missing == [], f"add these codes to game/messages.py: {missing}"


def _keys_used(path: Path) -> set[str]:
    """The catalog keys a module names: the first argument of `msg(…)` / `plural(…)` as a
    constant, or the start of an f-string (a prefix every key it can make begins with)."""
    keys: set[str] = set()
    for call in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name)
                and call.func.id in ("msg", "plural", "say") and call.args):
            continue
        first = call.args[0]
        prefix = "report." if call.func.id == "say" else ""
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            keys.add(prefix + first.value + (".one" if call.func.id == "plural" else ""))
        elif isinstance(first, ast.JoinedStr) and isinstance(first.values[0], ast.Constant):
            keys.add(prefix + str(first.values[0].value) + "*")
    return keys


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_every_key_a_module_names_is_in_the_catalog(path: Path) -> None:
    for key in _keys_used(path):
        if key.endswith("*"):
            assert any(k.startswith(key[:-1]) for k in _TEXT), f"{path.name}: {key}"
        else:
            assert key in _TEXT, f"{path.name}: {key}"


# --- problems in Spanish -----------------------------------------------------------------------

def spanish_example(*edits: tuple[str, str]) -> str:
    text = EXAMPLE.replace("language: en ", "language: es ")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def test_a_spanish_scenario_gets_its_problems_in_spanish_with_the_did_you_mean() -> None:
    loaded = load_scenario_text(spanish_example(("    cares_about: [overtime]",
                                                 "    cares_abut: [overtime]"),
                                                ("role: influencer ", "role: influencr ")),
                                "e.yaml")
    assert loaded.language == "es"
    shown = [p.format("es") for p in loaded.problems]
    assert any("clave desconocida «cares_abut» en «olivia» — ¿quizá querías decir "
               "«cares_about»? [unknown-key]" in line for line in shown), shown
    assert any("«role» vale «influencr», pero debe ser uno de estos: decision_maker, "
               "influencer, saboteur, user, gatekeeper — ¿quizá querías decir «influencer»? "
               "[bad-value]" in line for line in shown), shown
    # the shape tools read is the same in both languages
    for english, spanish in zip((p.format() for p in loaded.problems), shown):
        assert english.split(": ")[0:2] == spanish.split(": ")[0:2]
        assert english.rsplit(" ", 1)[1] == spanish.rsplit(" ", 1)[1]


def test_meaning_problems_in_spanish() -> None:
    loaded = load_scenario_text(spanish_example(("next: pains", "next: pain"),
                                                ("raise_objections: [migration]}",
                                                 "raise_objections: [migraton]}")), "e.yaml")
    texts = {p.code: p.text("es") for p in loaded.problems}
    assert texts["unknown-node"] == (
        "«pain» no es ningún nodo de la conversación de Olivia Hart (ni `end`): corrige cómo "
        "está escrito o añádelo — ¿quizá querías decir «pains»?")
    assert texts["unknown-objection"].startswith("«migraton» no es ninguna objeción (de "
                                                 "`objections:`)")


def test_in_variant_words_the_inner_message_in_the_same_language() -> None:
    text = spanish_example() + """variants:
  casts:
    - roles: {olivia: decision_maker}
"""
    loaded = load_scenario_text(text, "e.yaml")
    [problem] = [p for p in loaded.problems if p.code == "in-variant"]
    assert problem.message.startswith("in cast 1/1: Grace Okafor is a decision-maker, and so is")
    assert problem.text("es").startswith("en el reparto 1/1: Grace Okafor decide, y Olivia Hart "
                                         "también; un escenario tiene exactamente una persona "
                                         "que decide")
    assert problem.text("es").endswith("(mira la línea 150, several-decision-makers)")


@pytest.mark.parametrize("text", [
    b"\xff\xfeid: x",                                   # UTF-16
    "id: caf\xe9\n".encode("latin-1"),                   # Latin-1
    b"",                                                 # empty
    b"id: x\n\ttitle: y\n",                              # a tab
    b"id: x\n---\nid: y\n",                             # two documents
    b"id: &a x\ntitle: *a\n",                            # an anchor
    b"id: !!python/object:os.system x\n",                # a tag
    b"id: !!int x\n",                                    # a tag that does not fit
    b"id: x\nid: y\n",                                   # a duplicate key
    b"? [a]\n: b\n",                                     # a complex key
    b'id: "a\\x1bb"\n',                                  # a control character
    b"id: x\x07\n",                                      # a control character YAML refuses
    b"[" * 70 + b"]" * 70,                               # too deep
])
def test_every_reading_problem_has_its_spanish(text: bytes) -> None:
    """The YAML reader (game/yamlsafe.py) words its problems in English only; they are read
    back against the catalog, so they are in Spanish too."""
    problems = load_scenario_text(text, "r.yaml").problems
    assert problems
    for problem in problems:
        assert problem.words is not None or read_back(problem.code, problem.message), \
            problem.message
        assert problem.text("es") != problem.message


def test_files_that_cannot_be_read_have_their_spanish(tmp_path: Path) -> None:
    missing = load_scenario(tmp_path / "nope.yaml").problems[0]
    assert missing.text("es") == "no existe ese archivo: revisa la ruta y cómo está escrita"
    folder = load_scenario(tmp_path).problems[0]
    assert folder.text("es") == "esto es una carpeta, no un archivo de escenario"
    big = Problem("f", 1, 1, "error", "too-large", "the file is 6.0 MB; scenarios are capped "
                  "at 5 MB — split it or remove unused material")
    assert big.text("es") == ("el archivo ocupa 6.0 MB y un escenario puede ocupar como mucho "
                              "5 MB: divídelo o quita el material que no se usa")


def test_a_message_nobody_can_read_back_stays_english() -> None:
    odd = Problem("f", 1, 1, "error", "tag", "something the catalog never said")
    assert odd.text("es") == "something the catalog never said"


def test_syntax_slips_in_spanish() -> None:
    text = spanish_example(("say: Good to meet you!", 'say: "Good to meet you!'))
    [problem] = load_scenario_text(text, "e.yaml").problems
    assert problem.code == "unclosed-quote"
    assert problem.text("es") == ('el texto que se abre aquí con " no se cierra nunca, así que '
                                  'todo lo que sigue se lee como parte de él: añade el " de '
                                  'cierre donde acaba el texto, en esta línea')


# --- which language ----------------------------------------------------------------------------

@pytest.mark.parametrize("tag, base", [("es", "es"), ("es-MX", "es"), ("en_GB", "en"),
                                       ("EN-us", "en"), ("fr", None), (None, None), (3, None)])
def test_the_base_of_a_language_tag(tag: object, base: str | None) -> None:
    assert base_language(tag) == base


def test_a_broken_file_still_tells_its_language_from_its_language_line() -> None:
    text = spanish_example(("say: Good to meet you!", 'say: "Good to meet you!'))
    assert load_scenario_text(text, "e.yaml").language == "es"
    assert language_in_text('\ufeffid: x\r\nlanguage: "es-MX"  # México\r\n') == "es"
    assert language_in_text("  language: es\n") is None      # not at the top level
    assert language_in_text("id: x\n") is None


def run_validate(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["validate", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_validate_speaks_each_files_language(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    es = tmp_path / "es.yaml"
    es.write_text(spanish_example(("role: influencer ", "role: influencr ")).replace(
        "language: es ", "language: es-MX "), encoding="utf-8")
    en = tmp_path / "en.yaml"
    en.write_text(EXAMPLE.replace("role: influencer ", "role: influencr "), encoding="utf-8")
    code, out, err = run_validate([str(tmp_path)], capsys)
    assert code == 1
    lines = out.splitlines()
    assert any(line.startswith(f"{en}:") and "must be one of" in line for line in lines)
    assert any(line.startswith(f"{es}:") and "debe ser uno de estos" in line for line in lines)
    assert err.startswith("2 scenario files checked: ")  # two languages: the trainer's
    code, out, err = run_validate(["--lang", "es", str(en)], capsys)
    assert "debe ser uno de estos" in out and err == ("1 archivo de escenario revisado: 1 error, "
                                                      "0 avisos\n")
    code, out, err = run_validate(["--lang", "en", str(es)], capsys)
    assert "must be one of" in out and err.startswith("1 scenario file checked")


def test_a_file_that_cannot_tell_uses_the_trainers_language(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    missing = str(tmp_path / "nope.yaml")
    assert "no such file or folder" in run_validate([missing], capsys)[1]
    monkeypatch.setenv(messages.ENV_LANG, "es-ES")
    code, out, err = run_validate([missing], capsys)
    assert out.endswith("no existe ese archivo ni esa carpeta: revisa la ruta y cómo está "
                        "escrita [no-file]\n")
    assert err == "0 archivos de escenario revisados: 1 error, 0 avisos\n"
    monkeypatch.delenv(messages.ENV_LANG)
    settings = Path(__import__("os").environ["QUALIFIED_DATA_DIR"]) / "settings.toml"
    settings.write_text('[class]\nlanguage = "es"\n', encoding="utf-8")
    try:
        assert "no existe ese archivo" in run_validate([missing], capsys)[1]
        settings.write_text("[class\n", encoding="utf-8")  # a broken settings file: English
        assert "no such file" in run_validate([missing], capsys)[1]
    finally:
        settings.unlink()


def test_analyze_refuses_a_broken_spanish_file_in_spanish(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(spanish_example(("turns: 4 ", "turns: cuatro ")), encoding="utf-8")
    assert main(["analyze", str(bad)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].endswith("«turns» debe ser un número entero, no el texto «cuatro» "
                           "[wrong-type]")
    assert err[1] == f"{bad}: no se puede analizar hasta que se corrijan estos errores"
    assert main(["analyze", str(bad), "--lang", "en"]) == 1
    assert "cannot be analysed" in capsys.readouterr().err
    assert main(["analyze", str(bad), "--graph", "g.svg"]) == 1
    assert capsys.readouterr().err == (
        "g.svg: la extensión «.svg» no dice en qué formato escribir el grafo; usa .dot o .gv "
        "(Graphviz), o .mmd o .md (Mermaid)\n")


def test_new_speaks_the_trainers_language(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["new", "deal", "--lang", "es"]) == 0
    assert capsys.readouterr().out == ("escrito deal.yaml; compruébalo con: python main.py "
                                       "validate --strict deal.yaml\n")
    monkeypatch.setenv(messages.ENV_LANG, "es")
    assert main(["new", "deal"]) == 1
    assert capsys.readouterr().err.startswith("new: deal.yaml ya existe aquí")
    assert main(["new", "deal", "--lang", "en"]) == 1
    assert capsys.readouterr().err.startswith("new: deal.yaml already exists here")


def test_english_is_worked_out_once_and_sorts_as_before() -> None:
    words = Msg("duplicate-key", (("key", "id"), ("first", 1), ("second", 2)))
    a = Problem("f", 2, 1, "error", "duplicate-key", words=words)
    b = Problem("f", 2, 1, "error", "duplicate-key",
                "the key 'id' appears twice in this mapping (check lines 1 and 2); keep one")
    assert a == b and hash(a) == hash(b) and a.message == b.message
    assert a.text("es") == b.text("es") == ("la clave «id» aparece dos veces en este mapa (mira "
                                            "las líneas 1 y 2); deja una")


def test_qualification_problems_have_their_spanish() -> None:
    """game/lint/qualification.py (format 1.2) words its problems in English; each is read back
    against the catalog, its "did you mean" too."""
    from tests.test_format_1_2 import TEXT

    walk = "              tactic: small_talk\n              effects: {walk_away: true}"
    broken = [
        TEXT.replace("  timing: {text: Needed before the spring stock-take}\n", ""),
        TEXT.replace("champion: sam}", "champion: sma}").replace(
            "when: {flags: [no_budget]}", "when: {flags: [no_budgte]}"),
        TEXT.replace(walk, walk.replace("effects:", "if: {flags: [no_budget]}\n"
                                                    "              effects:")),
        TEXT.replace("              effects: {walk_away: true}\n", ""),
        TEXT.replace("  when: {flags: [no_budget]}\n", ""),
        TEXT.replace("              effects: {learn: [timing]}\n", ""),
        TEXT.replace("variants:", "events:\n  quit:\n    text: Gone.\n"
                                  "    effects: {walk_away: true}\nvariants:"),
    ]
    seen = set()
    for text in broken:
        for problem in load_scenario_text(text, "q.yaml").problems:
            seen.add(problem.code)
            spanish = problem.text("es")
            assert spanish != problem.message, problem.message
            assert "did you mean" not in spanish and "the ones that exist" not in spanish
    assert {"undeclared-item", "unknown-stakeholder", "flag-never-set", "walk-away-oracle",
            "disqualify-without-walk-away", "disqualify-always-right", "item-never-learned",
            "walk-away-in-event"} <= seen
    champion = next(p for p in load_scenario_text(broken[1], "q.yaml").problems
                    if p.code == "unknown-stakeholder")
    assert champion.text("es") == ("«sma» no es ninguna persona (de `stakeholders:`): corrige "
                                   "cómo está escrita o añádela — ¿quizá querías decir «sam»?")
