"""Report tests: their own data folder, and the sample class on a hand-moved clock."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from game.store import Store, open_store
from tests.reports.sample import fill_class
from tests.store.helpers import Clock


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh data folder, set as QUALIFIED_DATA_DIR."""
    folder = tmp_path / "data"
    monkeypatch.setenv("QUALIFIED_DATA_DIR", str(folder))
    monkeypatch.delenv("QUALIFIED_XAPI_BASE", raising=False)
    return folder


@pytest.fixture
def empty() -> Iterator[Store]:
    """An empty results database."""
    with open_store() as store:
        yield store


@pytest.fixture
def class_store() -> Iterator[Store]:
    """The sample class's results (see tests/reports/sample.py)."""
    with open_store(clock=Clock(step=7.3)) as store:
        fill_class(store, store.clock)  # type: ignore[arg-type]
        yield store
