"""`import --lrs`: the class's statements read back from an LRS — a loopback one that enforces
the xAPI version header and the credentials and answers in pages joined by `more` links — and
the settings file that spares the flags."""
from __future__ import annotations

import json
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from game.cli import main
from game.reports import render
from game.reports.lrs import statements_url, sync
from game.store import Store, open_store
from tests.reports.paging_lrs import STORED_FROM, PagingLRS
from tests.store.helpers import LOSE, WIN, Clock, full_attempt, generous, spanish

USER, PASSWORD = "trainer", "s3cret-Ñ"


@pytest.fixture(autouse=True)
def credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    """The trainer's LRS account, in the environment as the README says."""
    monkeypatch.setenv("QUALIFIED_LRS_USER", USER)
    monkeypatch.setenv("QUALIFIED_LRS_PASSWORD", PASSWORD)


def _laptops(tmp_path: Path, lrs: PagingLRS) -> list[Store]:
    """Two laptops that synced their results to the LRS (one with an attempt still open)."""
    a = open_store(tmp_path / "laptop-a", clock=Clock())
    full_attempt(a, "Núñez", generous(), 1, WIN)
    full_attempt(a, "Ana", spanish(), 2, LOSE)
    full_attempt(a, "Ana", generous(), 3, WIN[:4])  # still being played
    b = open_store(tmp_path / "laptop-b", clock=Clock())
    full_attempt(b, "Zoë", spanish(), 4, WIN)
    for laptop in (a, b):
        sync(laptop, lrs.endpoint, user=USER, password=PASSWORD)
    return [a, b]


def _rows(store: Store) -> dict[str, tuple[object, ...]]:
    return {r.attempt.id: (r.attempt.player, r.attempt.scenario_id, r.attempt.seed,
                           r.attempt.outcome, r.attempt.total,
                           None if r.result is None else r.result["passed"])
            for r in store.attempts() if r.attempt.finished}


def test_the_whole_class_comes_back_from_the_lrs_in_pages(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with PagingLRS(USER, PASSWORD, page_size=7) as lrs:
        laptops = _laptops(tmp_path, lrs)
        foreign = json.loads(json.dumps(next(iter(lrs.stored.values()))))
        foreign.update(id="6f1e2b1a-0c4d-4e5f-8a9b-0c1d2e3f4a5b")
        foreign["context"]["platform"] = "Another LMS"
        lrs.stored[foreign["id"]] = foreign
        assert main(["import", "--lrs", lrs.endpoint]) == 0
        out = capsys.readouterr().out
        pages = -(-len(lrs.stored) // 7)
        assert [status for status, _ in lrs.gets] == [200] * pages  # header, credentials: ok
        assert "cursor=7" in lrs.gets[1][1] and "limit=" in lrs.gets[0][1]
        assert f"({pages} pages): 3 attempts imported, 0 already here, 1 still being played" \
            in out
        assert "1 statement of other tools left out" in out
        with open_store() as trainer:
            expected = {k: v for laptop in laptops for k, v in _rows(laptop).items()}
            assert _rows(trainer) == expected
            assert {e.player for e in trainer.leaderboard()} == {"Núñez", "Ana", "Zoë"}
            # what came from the LRS is not sent back to it
            posts = len(lrs.requests)
            report = sync(trainer, lrs.endpoint, user=USER, password=PASSWORD)
            assert (report.sent, report.conflicts) == (0, 0) and len(lrs.requests) == posts
            assert report.already == len(render("xapi", trainer).splitlines())
        # and again: nothing changes
        assert main(["import", "--lrs", lrs.endpoint]) == 0
        assert "0 attempts imported, 3 already here" in capsys.readouterr().out


def test_settings_give_the_address_and_since(tmp_path: Path, data_dir: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    with PagingLRS(USER, PASSWORD, page_size=50) as lrs:
        _laptops(tmp_path, lrs)
        data_dir.mkdir(parents=True, exist_ok=True)
        settings = data_dir / "settings.toml"
        settings.write_text(f'[lrs]\nendpoint = "{lrs.endpoint}"\n\n[class]\n'
                            f"since = {STORED_FROM.date().isoformat()}\n", encoding="utf-8")
        assert main(["import", "--lrs"]) == 0
        assert "3 attempts imported" in capsys.readouterr().out
        assert "since=" in lrs.gets[-1][1]
        later = STORED_FROM.replace(year=STORED_FROM.year + 1).date().isoformat()
        assert main(["import", "--lrs", "--since", later]) == 0
        assert capsys.readouterr().out.startswith("0 statements read from")
        # sync takes the address from the same file, and says when the organisation is unset
        assert main(["sync"]) == 0
        captured = capsys.readouterr()
        assert "statements name your organisation as https://qualified.invalid" in captured.err
        settings.write_text(settings.read_text(encoding="utf-8") +
                            '\n[organisation]\nhome_page = "https://training.example.org"\n',
                            encoding="utf-8")
        assert main(["sync"]) == 0
        assert "qualified.invalid" not in capsys.readouterr().err
        with open_store() as trainer:
            full_attempt(trainer, "Local", generous(), 9, WIN)
            first = json.loads(render("xapi", trainer).splitlines()[-1])
        assert first["actor"]["account"]["homePage"] == "https://training.example.org/"


@pytest.mark.parametrize("text, expected", [
    ("[lrs\nendpoint = 1", "not valid TOML"),
    ("[lrs]\nendpont = \"https://x.example\"", "unknown key 'endpont' (did you mean "
                                                "'endpoint'?)"),
    ("[lrs]\npassword = \"hunter2\"", "credentials do not belong in this file"),
    ("[class]\nsince = \"last monday\"", "since must be a date, e.g. 2026-11-02"),
    ("[organisation]\nhome_page = \"training\"", "home_page must be an http(s) address"),
    ("[classes]\nsince = 2026-01-01", "unknown table [classes] (did you mean 'class'?)"),
])
def test_a_bad_settings_file_is_explained(data_dir: Path, text: str, expected: str,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "settings.toml").write_text(text, encoding="utf-8")
    for command in (["import", "--lrs"], ["sync"]):
        assert main(command) == 2
        err = capsys.readouterr().err
        assert str(data_dir / "settings.toml") in err and expected in err, err
        assert "Traceback" not in err


def test_no_address_anywhere(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", "--lrs"]) == 2
    assert "give --lrs URL, or set it once as `endpoint` under [lrs]" in capsys.readouterr().err


def test_a_more_link_to_another_origin_is_not_followed(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]
                                                       ) -> None:
    with PagingLRS(USER, PASSWORD, page_size=200) as lrs:
        _laptops(tmp_path, lrs)
        lrs.more_first = "http://127.0.0.2:9/xapi/statements?cursor=1"
        assert main(["import", "--lrs", lrs.endpoint]) == 1
        captured = capsys.readouterr()
        assert "`more` link leads to another address" in captured.err
        assert "no credentials were sent there" in captured.err
        assert "3 attempts imported" in captured.out  # the first page is kept
        lrs.more_first = "/xapi/statements?limit=500&format=exact"  # the first page again
        assert main(["import", "--lrs", lrs.endpoint]) == 1
        assert "leads back to a page already read" in capsys.readouterr().err


def test_refusals_are_explained(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                capsys: pytest.CaptureFixture[str]) -> None:
    with PagingLRS(USER, PASSWORD) as lrs:
        monkeypatch.setenv("QUALIFIED_LRS_PASSWORD", "wrong")
        assert main(["import", "--lrs", lrs.endpoint]) == 1
        assert "the LRS refused the credentials (HTTP 401)" in capsys.readouterr().err
        monkeypatch.setenv("QUALIFIED_LRS_PASSWORD", PASSWORD)
        assert main(["import", "--lrs", lrs.endpoint.replace("/xapi", "/nothing")]) == 1
        assert "HTTP 404" in capsys.readouterr().err
        # the loopback LRS enforces the version header, as the spec asks
        request = urllib.request.Request(statements_url(lrs.endpoint))
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=10)  # noqa: S310 (loopback)
        assert refused.value.code == 400
    assert main(["import", "--lrs", "ftp://lrs.example.org"]) == 2
    assert "is not an LRS address" in capsys.readouterr().err


def test_the_class_language_is_the_reports_default(empty: Store, data_dir: Path) -> None:
    full_attempt(empty, "Núñez", generous(), 1, WIN)
    (data_dir / "settings.toml").write_text('[class]\nlanguage = "es"\n', encoding="utf-8")
    assert render("table", empty).startswith("Participante")
    assert render("table", empty, language="en").startswith("Player")
