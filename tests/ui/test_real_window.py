"""The real window on a real X server (Xvfb), when Xvfb is installed (`apt-get install xvfb`;
skipped otherwise): started from its title screen in a process of its own with SDL's X11
driver, driven by posted events through the name, the picker (whose first scenario is the
tutorial) and the meetings, it reaches the debrief."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from bench.ui_display import virtual_display, x11_env, xvfb_path
from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(xvfb_path() is None, reason="Xvfb is not installed")


def test_the_window_on_x11_plays_from_the_title_to_the_debrief(tmp_path) -> None:
    with virtual_display() as display:
        if display is None:
            pytest.skip("Xvfb did not start")
        env = {**os.environ, **x11_env(display), "QUALIFIED_DATA_DIR": str(tmp_path / "data"),
               "QUALIFIED_PAR_CACHE": str(tmp_path / "par")}
        done = subprocess.run([sys.executable, str(ROOT / "tests" / "ui" / "x11_play.py")],
                              cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    seen = json.loads(done.stdout.splitlines()[-1])
    assert seen["driver"] == "x11" and seen["size"] == [1280, 720]
    assert seen["screens"][:4] == ["title", "name", "picker", "briefing"]
    assert seen["first_in_picker"] == "tutorial-first-deal"
    assert seen["scenario"] == "tutorial-first-deal" and seen["player"] == "Íñigo"
    assert "meeting" in seen["screens"]
    assert seen["screens"][-1].startswith("debrief")  # "debrief-working" while par is searched
    assert seen["over"] and seen["outcome"] in ("won", "lost")
    # frames go through X11's shared-memory images, not an OpenGL texture drawn by llvmpipe
    assert not any(name.startswith("llvmpipe") for name in seen["threads"])
