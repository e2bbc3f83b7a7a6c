"""`import FILE.jsonl...`: a class across many laptops. Each laptop exports its statements; the
trainer's machine imports them all; reports, leaderboard and progress then cover everyone —
the same figures each laptop shows — and importing again changes nothing."""
from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest

from game.cli import main
from game.reports import render
from game.reports.rows import rows
from game.store import Store, open_store
from game.store.importing import known_statement_ids
from tests.reports.sample import fill_class
from tests.reports.xapi_rules import check_statement
from tests.store.helpers import LOSE, WIN, Clock, full_attempt, generous, spanish


def _laptop(folder: Path, fill: str) -> Store:
    store = open_store(folder, clock=Clock(step=7.3))
    if fill == "class":
        fill_class(store, store.clock)  # type: ignore[arg-type]
    else:  # a second laptop: one player who is also on the first (another spelling), one new
        full_attempt(store, "NÚÑEZ", generous(), 7, LOSE)
        full_attempt(store, "Zoë", spanish(), 8, WIN)
        full_attempt(store, "Zoë", generous(), 9, WIN)
    return store


def _export(store: Store, path: Path) -> Path:
    path.write_text(render("xapi", store), encoding="utf-8")
    return path


@pytest.fixture
def laptops(tmp_path: Path) -> tuple[list[Store], list[Path]]:
    """Two laptops' stores and their exported statements."""
    stores = [_laptop(tmp_path / "laptop-a", "class"), _laptop(tmp_path / "laptop-b", "more")]
    files = [_export(s, tmp_path / f"laptop-{n}.jsonl") for s, n in zip(stores, "ab")]
    return stores, files


def _import(*args: str) -> int:
    return main(["import", *args])


def _facts(store: Store, *attempt_ids: str) -> dict[str, tuple[object, ...]]:
    wanted = set(attempt_ids)
    return {r.attempt_id: (r.player.casefold(), r.scenario_id, r.title, r.language, r.seed,
                           r.started.replace(microsecond=0), r.outcome, r.total, r.passed,
                           r.practice, r.competencies, r.pass_mark, round(r.seconds, 1))
            for r in rows(store.attempts()) if not wanted or r.attempt_id in wanted}


def test_the_trainer_sees_the_whole_class(laptops: tuple[list[Store], list[Path]],
                                          capsys: pytest.CaptureFixture[str]) -> None:
    stores, files = laptops
    finished = {r.attempt.id for s in stores for r in s.attempts() if r.attempt.finished}
    assert _import(*map(str, files)) == 0
    out = capsys.readouterr()
    assert f"{len(finished)} attempts imported, 0 already here" in out.out
    assert "1 still being played (import again once finished)" in out.out
    assert out.err == ""
    with open_store() as trainer:
        mine = _facts(trainer)
        assert set(mine) == finished
        for laptop in stores:
            theirs = {k: v for k, v in _facts(laptop).items() if k in finished}
            assert {k: mine[k] for k in theirs} == theirs
        assert sorted(trainer.players(), key=str.casefold) == \
            sorted({"Núñez", "Ana Pérez", "Bea", "Ciro", "Łukasz", "Zoë"}, key=str.casefold)
        # the leaderboard and progress count every imported attempt, as a shared store would
        board = {e.player: (e.score, e.scenarios, e.attempts, e.wins, e.passes, e.practice)
                 for e in trainer.leaderboard()}
        assert board["Zoë"] == (stores[1].leaderboard()[0].score, 2, 2, 2, 2, 0)
        nunez = trainer.progress("núñez")
        assert len(nunez.trend) == 4 + 1
        assert {round(p.total, 1) for p in nunez.trend} >= \
            {round(p.total, 1) for p in stores[0].progress("Núñez").trend}
        assert trainer.unlocked("Zoë") == stores[1].unlocked("Zoë") == {"beta"}
        html = render("html", trainer)
        assert "Zoë" in html and "Łukasz" in html and "Inés Núñez" in html


def test_importing_again_changes_nothing(laptops: tuple[list[Store], list[Path]],
                                         capsys: pytest.CaptureFixture[str]) -> None:
    _, files = laptops
    assert _import(*map(str, files)) == 0
    with open_store() as trainer:
        before = (render("csv", trainer), render("xapi", trainer), known_statement_ids(trainer))
    capsys.readouterr()
    assert _import(*map(str, files), str(files[0])) == 0
    assert "0 attempts imported" in capsys.readouterr().out
    with open_store() as trainer:
        assert (render("csv", trainer), render("xapi", trainer),
                known_statement_ids(trainer)) == before


def test_imported_attempts_export_as_they_came(laptops: tuple[list[Store], list[Path]]) -> None:
    """Syncing or exporting from the trainer's machine sends each laptop's statements as that
    laptop wrote them: an LRS sees the same ids with the same content."""
    _, files = laptops
    assert _import(*map(str, files)) == 0
    with open_store() as trainer:
        exported = {json.loads(line)["id"]: json.loads(line)
                    for line in render("xapi", trainer).splitlines()}
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            st = json.loads(line)
            if st["context"]["registration"] in {s["context"]["registration"]
                                                  for s in exported.values()}:
                assert exported[st["id"]] == st
                assert check_statement(st) == []


def test_a_finished_attempt_comes_in_on_a_later_import(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]
                                                       ) -> None:
    laptop = open_store(tmp_path / "laptop")
    attempt, game, _ = full_attempt(laptop, "Ana", generous(), 1, WIN[:5])
    early = _export(laptop, tmp_path / "early.jsonl")
    assert _import(str(early)) == 0
    assert "0 attempts imported, 0 already here, 1 still being played" in capsys.readouterr().out
    from tests.store.helpers import play_recorded
    play_recorded(laptop, attempt, game, WIN[5:])
    laptop.finish(attempt, game)
    assert _import(str(_export(laptop, tmp_path / "late.jsonl"))) == 0
    with open_store() as trainer:
        assert [r.attempt.outcome for r in trainer.attempts()] == ["won"]
        assert trainer.unfinished("Ana", "mini") is None  # never resumable here


def test_statements_of_other_tools_are_left_out(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    laptop = open_store(tmp_path / "laptop")
    full_attempt(laptop, "Ana", generous(), 1, WIN)
    mixed = tmp_path / "lrs-dump.json"
    ours = [json.loads(line) for line in render("xapi", laptop).splitlines()]
    other = json.loads(json.dumps(ours[0]))
    other["id"] = "6f1e2b1a-0c4d-4e5f-8a9b-0c1d2e3f4a5b"
    other["context"]["platform"] = "Moodle"
    for st in ours:  # as an LRS answers: with stored and authority added
        st["stored"] = "2026-01-01T00:00:00Z"
        st["authority"] = {"objectType": "Agent", "mbox": "mailto:lrs@example.org"}
    mixed.write_text(json.dumps({"statements": [other, *ours], "more": ""}), encoding="utf-8")
    assert _import(str(mixed)) == 0
    assert "1 attempt imported" in capsys.readouterr().out
    with open_store() as trainer:
        back = [json.loads(line) for line in render("xapi", trainer).splitlines()]
    assert back and all("stored" not in st and "authority" not in st for st in back)


def test_bad_files_are_explained_and_good_ones_still_imported(
        laptops: tuple[list[Store], list[Path]], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    _, files = laptops
    broken = tmp_path / "broken.jsonl"
    lines = files[1].read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    clash = dict(first, timestamp="2020-01-01T00:00:00+00:00")
    nameless = []  # the first attempt again, as another attempt, by a player without a name
    for line in lines:
        st = json.loads(line)
        if st["context"]["registration"] == first["context"]["registration"]:
            st["id"] = str(uuid.uuid4())
            st["context"]["registration"] = "0b7c1f0e-5a57-4c2e-9b1e-1d2f3a4b5c6d"
            st["actor"]["account"]["name"] = "\x07"
            nameless.append(json.dumps(st))
    broken.write_text("\n".join([lines[0], "{not json", "[" * 100000 + "]" * 100000,
                                 json.dumps(clash), nameless[0], '"just text"', *lines[1:],
                                 *nameless[1:]]) + "\n", encoding="utf-8")
    latin = tmp_path / "latin1.jsonl"
    latin.write_bytes("{\"actor\": \"Núñez\"}".encode("latin-1"))
    folder = tmp_path / "folder.jsonl"
    folder.mkdir()
    code = _import(str(broken), str(latin), str(folder), str(tmp_path / "missing.jsonl"))
    out = capsys.readouterr()
    assert code == 1
    err = out.err
    assert f"{broken}:2: not a JSON statement" in err
    assert f"{broken}:3: not a JSON statement (nested too deep)" in err
    assert f"{broken}:4: statement {first['id']} differs from the one with the same id at " \
           f"{broken}:1; the first is kept" in err
    assert f"{broken}:5: attempt 0b7c1f0e-5a57-4c2e-9b1e-1d2f3a4b5c6d: its player's name " \
           f"cannot be used" in err
    assert f"{broken}:6: not a JSON object, so not a statement; left out" in err
    assert f"{latin}: not UTF-8 text" in err
    assert f"{folder}: not a file" in err
    assert f"{tmp_path / 'missing.jsonl'}: cannot be read" in err
    assert "Traceback" not in err
    with open_store() as trainer:
        assert {r.player for r in rows(trainer.attempts())} == {"NÚÑEZ", "Zoë"}


def test_an_attempt_spread_over_two_files_is_imported(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]
                                                      ) -> None:
    laptop = open_store(tmp_path / "laptop")
    full_attempt(laptop, "Ana", generous(), 1, WIN)
    lines = render("xapi", laptop).splitlines()
    tail, head = tmp_path / "1-end.jsonl", tmp_path / "2-start.jsonl"
    tail.write_text("\n".join(lines[5:]) + "\n", encoding="utf-8")
    head.write_text("\n".join(lines[:5]) + "\n", encoding="utf-8")
    assert _import(str(tail), str(head)) == 0
    assert f"{len(lines)} statements read from 2 files: 1 attempt imported" in \
        capsys.readouterr().out


def test_oversized_files_are_refused_quickly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    from game.reports import xapi_in

    monkeypatch.setattr(xapi_in, "MAX_FILE", 1000)
    monkeypatch.setattr(xapi_in, "MAX_STATEMENTS", 50)
    monkeypatch.setattr(xapi_in, "MAX_OBJECTS", 200)
    big = tmp_path / "big.jsonl"
    big.write_text("{}\n" * 400, encoding="utf-8")
    many = tmp_path / "many.jsonl"
    many.write_text("{}\n" * 60, encoding="utf-8")
    nested = tmp_path / "nested.json"
    nested.write_text("[" + ",".join(["{}"] * 300) + "]", encoding="utf-8")
    assert _import(str(big), str(many), str(nested)) == 1
    err = capsys.readouterr().err
    assert f"{big}: 1 kB is more than this command reads at once (1 kB)" in err
    assert f"{many}: more than 50 statements or 200 JSON objects" in err
    assert f"{nested}: more than 50 statements or 200 JSON objects" in err
