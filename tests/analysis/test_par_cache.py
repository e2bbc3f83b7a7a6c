"""The par cache: a hit never searches again, an edited scenario or a changed search misses, a
damaged file is ignored and rewritten, an unwritable folder still gives par."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from game import variants
from game.analysis import par_cache
from game.analysis.par import Par
from game.analysis.par_cache import CACHE_FILE, KnownPar, ParCache, cache_path, par_key
from game.schema import Scenario

from .conftest import TINY, load

VARIED = TINY + "variants:\n  stances:\n    ana: [0.0, 0.4]\n"


class CountingSearch:
    """A stand-in for find_par: a fixed par, and how many times it was asked."""

    def __init__(self, total: float = 88.8, exact: bool = True) -> None:
        self.total, self.exact = total, exact
        self.calls: list[tuple[str, int]] = []

    def __call__(self, scenario: Any, seed: int, *, budget: int, width: int) -> Par:
        self.calls.append((scenario.id, seed))
        return Par(self.total, (), self.exact, 0, "won", 1)


def cache_in(folder: Path, search: CountingSearch) -> ParCache:
    return ParCache(folder, search=search)


def test_a_miss_searches_once_and_a_hit_comes_from_the_file(tmp_path: Path,
                                                            tiny: Scenario) -> None:
    search = CountingSearch()
    first = cache_in(tmp_path, search)
    assert first.get(tiny, 1) is None
    assert first.find(tiny, 1) == KnownPar(88.8, True)
    assert first.find(tiny, 1) == KnownPar(88.8, True)
    assert len(search.calls) == 1
    # another game later: the file answers
    again = cache_in(tmp_path, search)
    assert again.get(tiny, 1) == KnownPar(88.8, True)
    assert again.find(tiny, 1) == KnownPar(88.8, True)
    assert len(search.calls) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == [CACHE_FILE]  # no temporary file left


def test_the_real_search_is_kept_and_found_again(tmp_path: Path, tiny: Scenario) -> None:
    found = ParCache(tmp_path).find(tiny, 0)
    assert found == KnownPar(91.8, True)  # tests/analysis/test_par.py checks this by brute force
    assert ParCache(tmp_path).get(tiny, 0) == found


def test_seeds_drawing_the_same_variant_share_par(tmp_path: Path, tiny: Scenario) -> None:
    search = CountingSearch()
    cache = cache_in(tmp_path, search)
    cache.find(tiny, 1)
    assert cache.get(tiny, 2) is not None and cache.get(tiny, 99) is not None  # no variants
    varied = load(VARIED)
    by_draw: dict[Any, list[int]] = {}
    for seed in range(40):
        by_draw.setdefault(variants.draw(varied, seed), []).append(seed)
    same = next(seeds for seeds in by_draw.values() if len(seeds) > 1)
    other = next(seeds[0] for draw, seeds in by_draw.items()
                 if draw != variants.draw(varied, same[0]))
    cache.find(varied, same[0])
    assert cache.get(varied, same[1]) is not None
    assert cache.get(varied, other) is None


def test_an_edited_scenario_misses(tmp_path: Path, tiny: Scenario) -> None:
    search = CountingSearch()
    cache_in(tmp_path, search).find(tiny, 1)
    edited = load(TINY.replace("turns: 3", "turns: 4"))
    assert par_key(edited, 1) != par_key(tiny, 1)
    assert cache_in(tmp_path, search).get(edited, 1) is None
    reworded = load(TINY.replace("Hello there.", "Good morning."))  # any change at all
    assert cache_in(tmp_path, search).get(reworded, 1) is None
    assert cache_in(tmp_path, search).get(load(TINY), 1) is not None  # same text, new load


def test_a_new_search_version_budget_or_code_misses(tmp_path: Path, tiny: Scenario,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    search = CountingSearch()
    cache_in(tmp_path, search).find(tiny, 1)
    assert ParCache(tmp_path, budget=100, search=search).get(tiny, 1) is None
    assert ParCache(tmp_path, width=2, search=search).get(tiny, 1) is None
    monkeypatch.setattr(par_cache, "PAR_VERSION", par_cache.PAR_VERSION + 1)
    assert cache_in(tmp_path, search).get(tiny, 1) is None
    monkeypatch.undo()
    monkeypatch.setattr(par_cache, "code_digest", lambda: "rules changed")
    assert cache_in(tmp_path, search).get(tiny, 1) is None


DAMAGED = [
    b"",
    b"\x00\xff\xfe not text",
    b'{"format": 1, "entries": {',                      # cut short
    b"[1, 2, 3]",
    b'{"format": 99, "entries": {}}',
    b'{"format": 1, "entries": []}',
    b"[" * 100_000,                                     # deeper than json can read
]


@pytest.mark.parametrize("raw", DAMAGED, ids=range(len(DAMAGED)))
def test_a_damaged_file_is_ignored_and_rewritten(tmp_path: Path, tiny: Scenario,
                                                 raw: bytes) -> None:
    (tmp_path / CACHE_FILE).write_bytes(raw)
    search = CountingSearch()
    cache = cache_in(tmp_path, search)
    assert cache.get(tiny, 1) is None
    assert cache.find(tiny, 1) == KnownPar(88.8, True)
    assert len(search.calls) == 1
    data = json.loads((tmp_path / CACHE_FILE).read_text(encoding="utf-8"))
    assert list(data["entries"].values()) == [{"total": 88.8, "exact": True}]
    assert cache_in(tmp_path, search).get(tiny, 1) == KnownPar(88.8, True)


@pytest.mark.parametrize("entry", [{"total": "91"}, {"total": 91.0}, {"total": 150.0,
                                   "exact": True}, {"total": True, "exact": True},
                                   {"exact": False}, "91.8", None])
def test_a_bad_entry_is_searched_again_and_dropped(tmp_path: Path, tiny: Scenario,
                                                   entry: Any) -> None:
    key = par_key(tiny, 1)
    good = {"total": 50.0, "exact": False}
    (tmp_path / CACHE_FILE).write_text(json.dumps(
        {"format": 1, "entries": {key: entry, "another": good}}), encoding="utf-8")
    search = CountingSearch()
    assert cache_in(tmp_path, search).find(tiny, 1) == KnownPar(88.8, True)
    entries = json.loads((tmp_path / CACHE_FILE).read_text(encoding="utf-8"))["entries"]
    assert entries == {"another": good, key: {"total": 88.8, "exact": True}}


def test_an_oversized_file_reads_as_empty(tmp_path: Path, tiny: Scenario,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    cache_in(tmp_path, CountingSearch()).find(tiny, 1)
    monkeypatch.setattr(par_cache, "MAX_BYTES", 10)
    assert cache_in(tmp_path, CountingSearch()).get(tiny, 1) is None


def test_an_unwritable_folder_still_gives_par(tmp_path: Path, tiny: Scenario) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be", encoding="utf-8")
    search = CountingSearch()
    cache = cache_in(blocker / "data", search)
    assert cache.find(tiny, 1) == KnownPar(88.8, True)
    assert not cache.writable
    assert cache.find(tiny, 1) == KnownPar(88.8, True)  # kept in memory for this run
    assert len(search.calls) == 1
    assert blocker.read_text(encoding="utf-8").startswith("a file")


def test_the_file_keeps_the_newest_entries(tmp_path: Path, tiny: Scenario,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(par_cache, "MAX_ENTRIES", 3)
    varied = load(VARIED)
    keys = []
    cache = cache_in(tmp_path, CountingSearch())
    for seed in range(40):
        key = par_key(varied, seed)
        if key not in keys:
            keys.append(key)
            cache.find(varied, seed)
        if len(keys) == 5:
            break
    entries = json.loads((tmp_path / CACHE_FILE).read_text(encoding="utf-8"))["entries"]
    assert list(entries) == keys[-3:]


def test_two_games_writing_keep_both_entries(tmp_path: Path, tiny: Scenario) -> None:
    first, second = cache_in(tmp_path, CountingSearch(70.0)), cache_in(tmp_path,
                                                                      CountingSearch(80.0))
    first.get(tiny, 1)          # both have read the (missing) file
    second.get(tiny, 1)
    first.find(tiny, 1)
    second.find(load(VARIED), 1)
    fresh = cache_in(tmp_path, CountingSearch())
    assert fresh.get(tiny, 1) == KnownPar(70.0, True)
    assert fresh.get(load(VARIED), 1) == KnownPar(80.0, True)


def test_the_default_folder_follows_qualified_data_dir(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUALIFIED_DATA_DIR", str(tmp_path / "elsewhere"))
    monkeypatch.delenv("QUALIFIED_PAR_CACHE", raising=False)  # the data folder's own cache
    assert cache_path() == tmp_path / "elsewhere" / CACHE_FILE
    assert ParCache().path == tmp_path / "elsewhere" / CACHE_FILE


def test_par_is_labelled_approximate_when_not_exact() -> None:
    assert KnownPar(91.9, True).label() == "91.9"
    assert KnownPar(95.5, False).label() == "≈95.5"
    assert KnownPar(95.5, False).to_dict() == {"total": 95.5, "exact": False}


def test_qualified_par_cache_names_a_shared_folder(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUALIFIED_DATA_DIR", str(tmp_path / "mine"))
    monkeypatch.setenv("QUALIFIED_PAR_CACHE", str(tmp_path / "class"))
    assert cache_path() == tmp_path / "class" / "par-cache.json"
    assert cache_path(tmp_path / "given") == tmp_path / "given" / "par-cache.json"
