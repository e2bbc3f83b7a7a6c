"""Window benchmarks (design.md §7), measured in one run on this machine:

1. meeting screen at 1280×720: median CPU time of a frame (event handling + update + draw +
   flip) while the pointer moves over the choices — the frames a player causes most — and,
   for the record, of the frames right after a choice (which lay the screen out again); as in
   the game, each attempt's par is searched in the background meanwhile (its worker process,
   into an empty cache);
2. an idle window: CPU % of one core used by `python main.py` (title screen, no input) over
   ~10 s, read from /proc;
3. start-up: wall time from launching `python main.py` to its first frame, divided by the wall
   time of `python -c "import pygame; pygame.init()"` (interleaved runs, medians).

Targets: (1) ≤ 1 ms, (2) ≤ 2 %, (3) ≤ 2×. SDL's dummy video driver is used (no screen needed).

    .venv/bin/python bench/ui_bench.py [--scenario PATH] [--runs N] [--idle-seconds S]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
HEADLESS = {"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy",
            "PYGAME_HIDE_SUPPORT_PROMPT": "1"}
os.environ.update(HEADLESS)


def meeting_frames(scenario_path: Path, rounds: int, frames: int) -> tuple[float, float]:
    """Median frame CPU ms while hovering the choices, and after choices (layout frames)."""
    import tempfile

    import pygame

    from game.loader import load_scenario
    from game.ui import flow
    from game.ui.app import App
    from game.ui.context import Settings
    from game.ui.par_watch import ParWatch

    scenario = load_scenario(scenario_path).scenario
    assert scenario is not None, f"{scenario_path} does not load"
    app = App(settings=Settings(muted=True))
    ctx = app.ctx
    ctx.keep_attempts = False
    par_folder = tempfile.TemporaryDirectory(prefix="qualified-bench-par-")
    ctx.par = ParWatch(Path(par_folder.name))
    hover, after_choice = [], []
    for r in range(rounds):
        flow.start(ctx, scenario, seed=r)
        flow.meetings(ctx)
        app.step(block=False)
        screen = app.top
        screen.choose(0)  # meet the first person: a real conversation on screen
        app.step(block=False)
        times = []
        enabled = screen.menu.enabled_indices()
        for i in range(frames):
            target = screen.menu.visible_rect(enabled[i % min(2, len(enabled))]).center
            pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=target, rel=(0, 0),
                                                 buttons=(0, 0, 0)))
            start = time.process_time_ns()
            app.step(block=False)
            times.append((time.process_time_ns() - start) / 1e6)
        hover.append(statistics.median(times))
        game = ctx.session.game
        while not game.over and len(after_choice) < (r + 1) * 10:
            if app.top is not screen:  # an outcome screen: back to the meeting
                ctx.nav.reset(screen)
                app.step(block=False)
            if not screen.menu.enabled_indices():
                break
            first = screen.menu.numbers[screen.menu.enabled_indices()[0]]
            pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_0 + first, mod=0,
                                                 unicode="", scancode=0))
            start = time.process_time_ns()
            app.step(block=False)
            after_choice.append((time.process_time_ns() - start) / 1e6)
    pygame.display.quit()
    ctx.par.close()
    par_folder.cleanup()
    return statistics.median(hover), statistics.median(after_choice or [0.0])


def _cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime (fields 14 and 15)


def idle_cpu(seconds: float, runs: int) -> float:
    """Median CPU % of a core used by an idle `python main.py` (after it has started)."""
    hz = os.sysconf("SC_CLK_TCK")
    shares = []
    for _ in range(runs):
        env = {**os.environ, **HEADLESS, "QUALIFIED_DATA_DIR": "/tmp/qualified-bench-data"}
        child = subprocess.Popen([sys.executable, str(ROOT / "main.py")], cwd=ROOT, env=env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            time.sleep(3.0)  # start-up and the first frame
            before, t0 = _cpu_ticks(child.pid), time.perf_counter()
            time.sleep(seconds)
            used, elapsed = _cpu_ticks(child.pid) - before, time.perf_counter() - t0
            shares.append(100.0 * used / hz / elapsed)
        finally:
            child.terminate()
            child.wait(10)
    return statistics.median(shares)


def startup_ratio(runs: int) -> tuple[float, float, float]:
    """(median s to the first frame of `python main.py`, median s of the pygame baseline, ratio)."""
    env = {**os.environ, **HEADLESS, "QUALIFIED_EXIT_AFTER_FIRST_FRAME": "1",
           "QUALIFIED_DATA_DIR": "/tmp/qualified-bench-data"}
    game_cmd = [sys.executable, str(ROOT / "main.py")]
    base_cmd = [sys.executable, "-c", "import pygame; pygame.init()"]
    game_t, base_t = [], []
    for _ in range(runs):
        for cmd, out in ((base_cmd, base_t), (game_cmd, game_t)):
            start = time.perf_counter()
            subprocess.run(cmd, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
            out.append(time.perf_counter() - start)
    game, base = statistics.median(game_t), statistics.median(base_t)
    return game, base, game / base


def main() -> int:
    """Run the three measurements and print them with their targets."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scenario", type=Path,
                        default=ROOT / "scenarios" / "clinica-del-sol.yaml")
    parser.add_argument("--runs", type=int, default=7, help="runs for the medians")
    parser.add_argument("--idle-seconds", type=float, default=10.0)
    args = parser.parse_args()
    print(f"window benchmarks — {os.cpu_count()} cores, SDL dummy video driver")
    startup = startup_ratio(args.runs)
    print(f"start-up to first frame: {startup[0] * 1000:.0f} ms vs import pygame; pygame.init() "
          f"{startup[1] * 1000:.0f} ms → ratio {startup[2]:.2f}× (target ≤ 2×)")
    hover, relaid = meeting_frames(args.scenario, max(3, args.runs // 2), 300)
    print(f"meeting screen 1280×720 ({args.scenario.name}): median frame CPU {hover:.3f} ms "
          f"(target ≤ 1 ms); frames right after a choice (new layout): {relaid:.2f} ms")
    idle = idle_cpu(args.idle_seconds, 3)
    print(f"idle window (title screen, {args.idle_seconds:.0f} s, median of 3): "
          f"{idle:.2f} % of a core (target ≤ 2 %)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
