"""`sync` against Ralph (ralph-malph), a real LRS, on loopback — only when the environment
variable QUALIFIED_TEST_RALPH_PYTHON names a Python with `ralph-malph[cli,lrs]` installed
(it is not a dependency of the game). Ralph 5.1's filesystem backend refuses a second write
to its statements file, so the server is started with that backend set to append.

    python -m venv /tmp/ralph && /tmp/ralph/bin/pip install "ralph-malph[cli,lrs]" requests
    QUALIFIED_TEST_RALPH_PYTHON=/tmp/ralph/bin/python pytest tests/reports/test_sync_ralph.py
"""
from __future__ import annotations

import base64
import json
import os
import re
import subprocess
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from game.reports import render
from game.reports.lrs import sync
from game.store import Store

RALPH_PYTHON = os.environ.get("QUALIFIED_TEST_RALPH_PYTHON", "")
pytestmark = pytest.mark.skipif(not RALPH_PYTHON, reason="QUALIFIED_TEST_RALPH_PYTHON not set")
USER, PASSWORD = "trainer", "s3cret"

SERVER = """
import json, sys, bcrypt
from pathlib import Path
auth = [{"agent": {"account": {"homePage": "https://qualified.invalid/", "name": "trainer"},
                   "objectType": "Agent"}, "scopes": ["all"], "username": "trainer",
         "hash": bcrypt.hashpw(b"s3cret", bcrypt.gensalt(4)).decode()}]
Path(sys.argv[1]).write_text(json.dumps(auth))
from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend
FSLRSBackend.default_operation_type = BaseOperationType.APPEND
import uvicorn
uvicorn.run("ralph.api:app", host="127.0.0.1", port=0, log_level="info")
"""


@pytest.fixture
def ralph(tmp_path: Path) -> Iterator[str]:
    """A Ralph LRS on 127.0.0.1; yields its xAPI endpoint."""
    env = {**os.environ, "RALPH_APP_DIR": str(tmp_path), "RALPH_RUNSERVER_BACKEND": "fs",
           "RALPH_AUTH_FILE": str(tmp_path / "auth.json"),
           "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(tmp_path / "lrs")}
    proc = subprocess.Popen([RALPH_PYTHON, "-c", SERVER, str(tmp_path / "auth.json")],
                            env=env, cwd=tmp_path, stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    try:
        for line in proc.stderr:  # wait for the line that gives the port
            found = re.search(r"running on http://127\.0\.0\.1:(\d+)", line)
            if found:
                yield f"http://127.0.0.1:{found.group(1)}/xAPI"
                break
        else:
            pytest.fail("Ralph did not start")
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _stored(endpoint: str) -> list[dict]:
    token = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
    out: list[dict] = []
    url = endpoint + "/statements?limit=500"
    while url:
        request = urllib.request.Request(url, headers={"Authorization": f"Basic {token}",
                                                       "X-Experience-API-Version": "1.0.3"})
        with urllib.request.urlopen(request, timeout=30) as response:
            page = json.loads(response.read())
        out += page["statements"]
        more = page.get("more")
        url = endpoint.rsplit("/xAPI", 1)[0] + more if more else ""
    return out


def test_sync_to_ralph_sends_everything_once(class_store: Store, ralph: str) -> None:
    total = len(render("xapi", class_store).splitlines())
    report = sync(class_store, ralph, user=USER, password=PASSWORD, batch=40)
    assert report.sent == total and report.conflicts == 0
    class_store.conn.execute("DELETE FROM lrs_sent")  # forget: the LRS must not duplicate
    again = sync(class_store, ralph, user=USER, password=PASSWORD, batch=40)
    assert again.conflicts == 0
    stored = _stored(ralph)
    assert len(stored) == total == len({s["id"] for s in stored})
    assert any(s["actor"]["name"] == "Núñez" for s in stored)
