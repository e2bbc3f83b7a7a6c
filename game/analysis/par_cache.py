"""Par worked out once and kept: `par-cache.json` in the game's data folder (the results
store's folder: QUALIFIED_DATA_DIR, else the platform's user data folder; game/store/paths.py).

    cache = ParCache()                    # or ParCache(folder) in tests
    known = cache.get(scenario, seed)     # KnownPar, or None when it was never worked out
    known = cache.find(scenario, seed)    # from the cache, else searched now (1–4 s) and kept

An entry is keyed by a hash of
- the scenario's content as loaded (every field of the frozen model, so an edited scenario —
  even one edited after it was loaded — never finds the par of its old text);
- the variant the seed draws (`game.variants.draw`): the engine has no other chance in it, so
  par depends on the seed only through the variant, and every seed of a scenario without
  variants shares one entry;
- the search's budget and width, `PAR_VERSION`, and a digest of the source of the modules
  that decide a score (a game update that changes the rules never shows an old par).

The cache is a comfort, never a reason to fail: a missing, unreadable or damaged file reads as
empty (par is searched again and the file rewritten whole); a folder that cannot be written
keeps the entries in memory for this run only. Writes are atomic (game/atomic.py) and merge
with what another game wrote meanwhile; the file keeps the `MAX_ENTRIES` newest entries.
"""
from __future__ import annotations

import hashlib
import json
import math
import os
import stat
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from game import variants
from game.analysis.par import DEFAULT_BUDGET, DEFAULT_WIDTH, Par, find_par
from game.atomic import write_text_atomically
from game.runtime import Runtime
from game.schema import Scenario

PAR_VERSION = 4           # bump when the par search changes what it finds
CACHE_FILE = "par-cache.json"
FORMAT = 1                # the file's own layout
MAX_ENTRIES = 500         # ~40 bytes each: the file stays a few kB
MAX_BYTES = 1024 * 1024   # a larger file is not ours: read as empty
# The modules whose code decides a score and the search for the best one.
SCORE_MODULES = ("game.engine", "game.effects", "game.rules", "game.runtime", "game.codegen",
                 "game.state", "game.variants", "game.scoring", "game.analysis.forking",
                 "game.analysis.par", "game.analysis.rollout", "game.analysis.exact")

Search = Callable[..., Par]


@dataclass(frozen=True)
class KnownPar:
    """Par as the debrief shows it: the best total found, and whether the search was
    exhaustive (`exact`) or a beam that may have missed a better path (shown as "≈")."""

    total: float
    exact: bool

    def to_dict(self) -> dict[str, Any]:
        """{"total": …, "exact": …} — the `par` object of the result JSON."""
        return {"total": self.total, "exact": self.exact}

    def label(self) -> str:
        """The figure as shown: `91.9`, or `≈95.5` when approximate."""
        return f"{'' if self.exact else '≈'}{self.total:.1f}"

    def beaten_by(self, total: float) -> bool:
        """Whether a score someone reached is above this best found (the search missed it)."""
        return total > self.total + 1e-9


def new_best(cache: ParCache | None, scenario: Scenario | Runtime, seed: int, known: KnownPar,
             total: float) -> KnownPar:
    """Par never shows below a score someone reached: when `total` beats `known`, it becomes
    the best found for this deal (kept in `cache` when given) and is returned; else `known`."""
    if not known.beaten_by(total):
        return known
    better = KnownPar(round(total, 1), False)
    if cache is not None:
        cache.put(cache.key(scenario, seed), better)
    return better


def cache_path(folder: str | os.PathLike[str] | None = None) -> Path:
    """The cache file in `folder`; else in QUALIFIED_PAR_CACHE (a folder several players or
    machines may share, e.g. one a trainer filled with `analyze` runs) when it is set; else in
    the game's default data folder."""
    if folder is None:
        folder = os.environ.get("QUALIFIED_PAR_CACHE") or None
    if folder is None:
        from game.store.paths import default_data_dir  # not at import: game.store imports
                                                       # game.result, which may import this
        folder = default_data_dir()
    return Path(folder) / CACHE_FILE


@cache
def code_digest() -> str:
    """A digest of the source of `SCORE_MODULES` (the names alone where the source cannot be
    read, as in a frozen build)."""
    digest = hashlib.sha256()
    for name in SCORE_MODULES:
        digest.update(name.encode())
        try:
            spec = find_spec(name)
            origin = spec.origin if spec is not None else None
            if origin:
                digest.update(Path(origin).read_bytes())
        except (OSError, ImportError, ValueError):
            pass
    return digest.hexdigest()


def _content_digest(scenario: Scenario) -> str:
    """A hash of every field of the loaded scenario (well under a millisecond)."""
    return hashlib.sha256(scenario.model_dump_json().encode("utf-8")).hexdigest()


def par_key(scenario: Scenario | Runtime, seed: int, budget: int = DEFAULT_BUDGET,
            width: int = DEFAULT_WIDTH) -> str:
    """The cache key of par for `scenario` (as written, not a variant of it) and `seed`."""
    base = scenario.scenario if isinstance(scenario, Runtime) else scenario
    drawn = variants.draw(base, seed)
    parts = [PAR_VERSION, code_digest(), budget, width, _content_digest(base),
             drawn.cast, drawn.needs, [list(s) for s in drawn.stances]]
    return hashlib.sha256(json.dumps(parts).encode("utf-8")).hexdigest()[:32]


def _entry(value: Any) -> KnownPar | None:
    """A cache entry as read from the file, or None when it is not a valid one."""
    if not isinstance(value, dict):
        return None
    total, exact = value.get("total"), value.get("exact")
    if (isinstance(total, bool) or not isinstance(total, (int, float))
            or not math.isfinite(total) or not 0 <= total <= 100 or not isinstance(exact, bool)):
        return None
    return KnownPar(float(total), exact)


class ParCache:
    """The par cache of one data folder (safe to share between threads)."""

    def __init__(self, folder: str | os.PathLike[str] | None = None, *,
                 budget: int = DEFAULT_BUDGET, width: int = DEFAULT_WIDTH,
                 search: Search = find_par) -> None:
        self.writable = True          # False once the folder refused a write (then memory only)
        try:
            self.path: Path | None = cache_path(folder)
        except RuntimeError:          # a data folder that cannot be named (`~nouser/x`):
            self.path, self.writable = None, False   # memory only; the store says why
        self.budget = budget
        self.width = width
        self.search_par = search      # tests count the searches with a stand-in
        self._memory: dict[str, KnownPar] = {}
        self._lock = threading.Lock()

    def key(self, scenario: Scenario | Runtime, seed: int) -> str:
        """The key of par for `scenario` and `seed` with this cache's search settings."""
        return par_key(scenario, seed, self.budget, self.width)

    def get(self, scenario: Scenario | Runtime, seed: int) -> KnownPar | None:
        """Par from this run's memory or the file; None when it was never worked out."""
        return self.get_key(self.key(scenario, seed))

    def get_key(self, key: str) -> KnownPar | None:
        """`get` for a key already made."""
        with self._lock:
            known = self._memory.get(key)
            if known is None:
                known = _entry(self._read().get(key))
                if known is not None:
                    self._memory[key] = known
            return known

    def find(self, scenario: Scenario | Runtime, seed: int) -> KnownPar:
        """Par from the cache, else searched now and kept."""
        key = self.key(scenario, seed)
        known = self.get_key(key)
        if known is None:
            known = self.search(scenario, seed)
            self.put(key, known)
        return known

    def search(self, scenario: Scenario | Runtime, seed: int) -> KnownPar:
        """Search par now (this cache's budget and width), without keeping it."""
        par = self.search_par(scenario, seed, budget=self.budget, width=self.width)
        return KnownPar(par.total, par.exact)

    def put(self, key: str, known: KnownPar) -> None:
        """Keep `known` under `key`: in memory, and in the file when the folder allows."""
        with self._lock:
            self._memory[key] = known
            if not self.writable:
                return
            entries = {k: v for k, v in self._read().items() if _entry(v) is not None}
            entries.pop(key, None)
            entries[key] = known.to_dict()        # newest last
            for old in list(entries)[:max(0, len(entries) - MAX_ENTRIES)]:
                del entries[old]
            text = json.dumps({"format": FORMAT, "entries": entries}, separators=(",", ":")) + "\n"
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                write_text_atomically(str(self.path), text, prefix=".par-cache-")
            except OSError:
                self.writable = False

    def _read(self) -> dict[str, Any]:
        """The file's entries; empty when it is missing, unreadable, damaged or not a regular
        file (a FIFO there must not hang the game: it is opened without waiting)."""
        if self.path is None:
            return {}
        try:
            fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        except OSError:
            return {}
        try:
            with os.fdopen(fd, "rb") as handle:
                if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                    return {}
                raw = handle.read(MAX_BYTES + 1)
        except OSError:
            return {}
        if len(raw) > MAX_BYTES:
            return {}
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            return {}
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return {}
        entries = data.get("entries")
        return entries if isinstance(entries, dict) else {}
