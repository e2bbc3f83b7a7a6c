"""Every store test gets its own data folder through QUALIFIED_DATA_DIR."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from game.store import Store, open_store
from tests.store.helpers import Clock


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh data folder, set as QUALIFIED_DATA_DIR."""
    folder = tmp_path / "data"
    monkeypatch.setenv("QUALIFIED_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def clock() -> Clock:
    """A clock moved by hand."""
    return Clock()


@pytest.fixture
def store(clock: Clock) -> Iterator[Store]:
    """An open store in the test's data folder, on the hand-moved clock."""
    with open_store(clock=clock) as opened:
        yield opened
