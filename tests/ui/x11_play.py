"""Run by tests/ui/test_real_window.py in a process of its own, on the X display in $DISPLAY:
the real window from its title screen, driven by posted events (game.ui.autoplay: Enter on the
title, a typed name, Enter on the picker's first scenario, the reading policy's choices) until
the debrief. Prints what it saw as JSON on its last line."""
from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def _thread_names() -> list[str]:
    """The names of this process's threads (Linux): an OpenGL texture framebuffer on Mesa's
    software renderer shows up as llvmpipe-N threads."""
    names = []
    for task in Path("/proc/self/task").iterdir():
        try:
            names.append((task / "comm").read_text().strip())
        except OSError:
            pass  # a thread that ended meanwhile
    return sorted(names)


def main() -> int:
    """Play, then print {driver, screens, first_in_picker, scenario, outcome, frames, ...}."""
    import pygame

    from game.ui import flow
    from game.ui.app import App
    from game.ui.autoplay import Autoplay
    from game.ui.context import Settings
    from game.ui.par_watch import ParWatch

    seen: list[str] = []
    first_in_picker: list[str] = []

    class Watched(Autoplay):
        def step(self, app: App) -> None:
            top = app.top
            if top is not None and (not seen or seen[-1] != top.shot_name):
                seen.append(top.shot_name)
            if top is not None and top.name == "picker" and top.loaded and not first_in_picker:
                first_in_picker.append(top.menu.items[0].value.scenario.id)
            super().step(app)

    with tempfile.TemporaryDirectory(prefix="qualified-x11-") as data:
        app = App(settings=Settings(muted=True), driver=Watched(3))
        ctx = app.ctx
        ctx.data_dir = Path(data)
        ctx.par = ParWatch(Path(data))
        flow.title(ctx)
        try:
            app.run()
        finally:
            ctx.par.close()
        session = ctx.session
        print(json.dumps({
            "driver": pygame.display.get_driver(), "size": list(app.surface.get_size()),
            "screens": seen, "first_in_picker": first_in_picker[0] if first_in_picker else None,
            "scenario": session.scenario.id if session else None,
            "outcome": session.game.state.outcome if session else None,
            "over": bool(session and session.over), "frames": app.frames,
            "player": ctx.player, "threads": _thread_names()}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
