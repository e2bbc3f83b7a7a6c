"""Window benchmarks (design.md §7), measured in one run on this machine, with SDL's dummy video
driver (no screen) and — when Xvfb is installed (`apt-get install xvfb`) — on a real X server
too, side by side:

1. start-up: wall time from launching `python main.py` to its first frame, divided by the wall
   time of `python -c "import pygame; pygame.init()"` (interleaved runs, medians);
2. meeting screen at 1280×720: median CPU time of a frame (event handling + update + draw +
   flip) while the pointer moves over the choices — the frames a player causes most — and,
   for the record, of the frames right after a choice (which lay the screen out again); as in
   the game, each attempt's par is searched in the background meanwhile (its worker process,
   into an empty cache);
3. an idle window: CPU % of one core used by `python main.py` (title screen, no input) over
   ~10 s, read from /proc — and, in a window driven to each screen in turn (title, name,
   picker, briefing, between meetings, a meeting, deal board, pause menu, debrief), the CPU
   the process uses while nobody touches it, with the loop's idle wait as the game chooses it
   (game/ui/app.py IDLE_WAIT);
4. input latency on the meeting screen: from a key press (on X, a real one through the X
   server's XTEST extension; on the dummy driver, posted from another thread) at a random
   moment of the idle loop to the end of the frame that shows it (median and worst).

`--strategies` measures (3) and (4) with both idle waits on every driver — pygame's
event.wait() and event.get() with a short sleep — the figures behind IDLE_WAIT.
Targets: (1) ≤ 2×, (2) ≤ 1 ms, (3) ≤ 2 %, (4) ≤ 50 ms.

    .venv/bin/python bench/ui_bench.py [--scenario PATH] [--runs N] [--idle-seconds S]
                                       [--strategies] [--dummy-only] [--json]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
HEADLESS = {"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy",
            "PYGAME_HIDE_SUPPORT_PROMPT": "1"}
if "--child" not in sys.argv:  # a child runs on the driver its parent chose
    os.environ.update(HEADLESS)

from ui_display import XKeys, virtual_display, x11_env  # noqa: E402

SCREENS = ("title", "name", "picker", "briefing", "between-meetings", "meeting", "board",
           "pause", "debrief")
DEFAULT_SCENARIO = ROOT / "scenarios" / "clinica-del-sol.yaml"


# --- measurements inside a window (in this process, on the driver its environment names) -------

def meeting_frames(scenario_path: Path, rounds: int, frames: int) -> tuple[float, float]:
    """Median frame CPU ms while hovering the choices, and after choices (layout frames)."""
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


def _settle(app: Any) -> None:
    """Run the loop without sleeping until every pending frame is drawn."""
    for _ in range(50):
        app.step(block=False)
        if not app.ctx.needs_redraw and (app.top is None or app.top.next_wakeup() is None):
            return


def _go(app: Any, screen: str, scenario: Any) -> None:
    """Drive the window to `screen` the way the flow does (no input needed)."""
    from game.ui import flow

    ctx = app.ctx
    if screen == "title":
        flow.title(ctx)
    elif screen == "name":
        flow.player_name(ctx)
    elif screen == "picker":
        flow.picker(ctx)
    elif screen == "briefing":
        flow.start(ctx, scenario, seed=1)
    elif screen == "between-meetings":
        flow.meetings(ctx)
    elif screen == "meeting":
        _settle(app)
        app.top.choose(0)
    elif screen == "board":
        flow.board(ctx)
    elif screen == "pause":
        ctx.nav.pop()
        flow.pause(ctx)
    elif screen == "debrief":
        ctx.nav.pop()
        meeting = app.top
        while not ctx.session.over:  # the first option each time, to the end
            if app.top is not meeting:
                ctx.nav.reset(meeting)
            _settle(app)
            meeting.choose(meeting.menu.enabled_indices()[0])
        flow.debrief(ctx)
    _settle(app)
    shown = app.top.shot_name if app.top is not None else None
    assert shown == screen, f"wanted the {screen} screen, the window shows {shown}"


def idle_share(app: Any, seconds: float) -> tuple[float, int]:
    """CPU % of a core the whole process uses while the loop runs `seconds` with no input, and
    the frames it drew meanwhile (0: nothing redraws on its own)."""
    import pygame

    def stop() -> None:
        app.running = False
        pygame.event.post(pygame.event.Event(pygame.USEREVENT))  # wake a sleeping wait

    timer = threading.Timer(seconds, stop)
    frames = app.frames
    cpu, wall = time.process_time(), time.perf_counter()
    timer.start()
    app.running = True
    while app.running:
        app.step()
    share = 100.0 * (time.process_time() - cpu) / (time.perf_counter() - wall)
    return share, app.frames - frames


def input_latency(app: Any, presses: int, display: str | None) -> list[float]:
    """Milliseconds from each key press (Down and Up in turn, at random moments of the idle
    loop) to the end of the frame that shows it."""
    import pygame

    from game.ui.footer import post_key

    flips: list[float] = []
    render = app.render

    def timed_render() -> None:
        render()
        flips.append(time.perf_counter())

    app.render = timed_render
    keys = XKeys(display) if display else None
    if keys is not None:
        keys.point(app.surface.get_width() // 2, 4)  # over the window (keys follow the pointer)
    sent: list[float] = []
    rng = random.Random(1)

    def typist() -> None:
        for i in range(presses):
            time.sleep(rng.uniform(0.06, 0.16))
            name = "Down" if i % 2 == 0 else "Up"
            sent.append(time.perf_counter())
            if keys is not None:
                keys.press(name)
            else:
                post_key(pygame.K_DOWN if name == "Down" else pygame.K_UP)
        time.sleep(0.2)
        app.running = False
        pygame.event.post(pygame.event.Event(pygame.USEREVENT))  # wake a sleeping wait

    thread = threading.Thread(target=typist)
    app.running = True
    thread.start()
    while app.running:
        app.step()
    thread.join()
    app.render = render
    if keys is not None:
        keys.close()
    latencies = []
    for t0 in sent:
        after = [f for f in flips if f >= t0]
        latencies.append((after[0] - t0) * 1000 if after else float("inf"))
    return latencies


def child_idle(scenario_path: Path, seconds: float, presses: int) -> dict[str, Any]:
    """In a window on this process's driver: idle CPU on each screen in turn, then the input
    latency on the meeting screen."""
    import pygame

    from game.loader import load_scenario
    from game.ui.app import App
    from game.ui.context import Settings

    scenario = load_scenario(scenario_path).scenario
    assert scenario is not None, f"{scenario_path} does not load"
    with tempfile.TemporaryDirectory(prefix="qualified-bench-idle-") as data:
        app = App(settings=Settings(muted=True))
        ctx = app.ctx
        ctx.keep_attempts = False
        ctx.data_dir = Path(data)
        ctx.player = "Íñigo"
        result: dict[str, Any] = {"driver": pygame.display.get_driver(),
                                  "idle_wait": app.idle_wait, "screens": {}}
        for screen in SCREENS:
            _go(app, screen, scenario)
            share, frames = idle_share(app, seconds)
            result["screens"][screen] = {"cpu": round(share, 2), "frames": frames}
            if screen == "meeting" and presses:
                latencies = input_latency(app, presses, os.environ.get("DISPLAY")
                                          if result["driver"] == "x11" else None)
                result["latency_ms"] = {"median": round(statistics.median(latencies), 1),
                                        "max": round(max(latencies), 1), "presses": presses}
        pygame.display.quit()
    return result


# --- measurements of `python main.py` and of children on a chosen driver ----------------------

def _child(env: dict[str, str], *args: str) -> dict[str, Any]:
    done = subprocess.run([sys.executable, str(Path(__file__)), "--child", *args], cwd=ROOT,
                          env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"bench child {' '.join(args)} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.splitlines()[-1])


def screens_idle(env: dict[str, str], scenario: Path, seconds: float, presses: int,
                 wait: str | None = None) -> dict[str, Any]:
    """child_idle in a fresh process on `env`'s driver (`wait`: force the idle wait)."""
    env = {**env, "QUALIFIED_DATA_DIR": "/tmp/qualified-bench-data"}
    if wait:
        env["QUALIFIED_IDLE_WAIT"] = wait
    return _child(env, "idle", str(scenario), str(seconds), str(presses))


def frames_on(env: dict[str, str], scenario: Path, rounds: int) -> tuple[float, float]:
    """meeting_frames in a fresh process on `env`'s driver."""
    got = _child(env, "frames", str(scenario), str(rounds))
    return got["hover"], got["after_choice"]


def _cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime (fields 14 and 15)


def idle_cpu(seconds: float, runs: int, env: dict[str, str] | None = None) -> float:
    """Median CPU % of a core used by an idle `python main.py` (after it has started)."""
    hz = os.sysconf("SC_CLK_TCK")
    shares = []
    for _ in range(runs):
        child_env = {**os.environ, **(env or HEADLESS),
                     "QUALIFIED_DATA_DIR": "/tmp/qualified-bench-data"}
        child = subprocess.Popen([sys.executable, str(ROOT / "main.py")], cwd=ROOT,
                                 env=child_env, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
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


def startup_ratio(runs: int, env: dict[str, str] | None = None) -> tuple[float, float, float]:
    """(median s to the first frame of `python main.py`, median s of the pygame baseline, ratio)."""
    env = {**os.environ, **(env or HEADLESS), "QUALIFIED_EXIT_AFTER_FIRST_FRAME": "1",
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


def measure(env: dict[str, str], args: argparse.Namespace, presses: int = 20) -> dict[str, Any]:
    """Every figure of this bench on one driver (`env` names it)."""
    full_env = {**os.environ, **env}
    game_s, base_s, ratio = startup_ratio(args.runs, env)
    hover, relaid = frames_on(full_env, args.scenario, max(3, args.runs // 2))
    title = idle_cpu(args.idle_seconds, 3, env)
    figures: dict[str, Any] = {
        "startup": {"game_ms": round(game_s * 1000), "pygame_init_ms": round(base_s * 1000),
                    "ratio": round(ratio, 2)},
        "frame_ms": round(hover, 3), "frame_after_choice_ms": round(relaid, 2),
        "idle_main_py": round(title, 2)}
    strategies = ("poll", "wait") if args.strategies else (None,)
    for wait in strategies:
        got = screens_idle(full_env, args.scenario, args.screen_seconds, presses, wait)
        figures[f"screens_{got['idle_wait']}"] = got
    return figures


def _print(name: str, figures: dict[str, Any], idle_seconds: float) -> None:
    start = figures["startup"]
    print(f"\n[{name}]")
    print(f"start-up to first frame: {start['game_ms']} ms vs import pygame; pygame.init() "
          f"{start['pygame_init_ms']} ms → ratio {start['ratio']:.2f}× (target ≤ 2×)")
    print(f"meeting screen 1280×720: median frame CPU {figures['frame_ms']:.3f} ms "
          f"(target ≤ 1 ms); frames right after a choice (new layout): "
          f"{figures['frame_after_choice_ms']:.2f} ms")
    print(f"idle `python main.py` (title screen, {idle_seconds:.0f} s, median of 3): "
          f"{figures['idle_main_py']:.2f} % of a core (target ≤ 2 %)")
    for key, got in figures.items():
        if not key.startswith("screens_"):
            continue
        cells = "  ".join(f"{s} {v['cpu']:.2f}" + ("" if not v["frames"] else f" ({v['frames']}f)")
                          for s, v in got["screens"].items())
        print(f"idle CPU % per screen, idle wait '{got['idle_wait']}': {cells}")
        lat = got.get("latency_ms")
        if lat:
            print(f"  input latency (meeting, {lat['presses']} presses, idle wait "
                  f"'{got['idle_wait']}'): median {lat['median']:.1f} ms, worst "
                  f"{lat['max']:.1f} ms (target ≤ 50 ms)")


def run_all(args: argparse.Namespace) -> dict[str, Any]:
    """The figures on the dummy driver and, when Xvfb is installed, on X11."""
    results: dict[str, Any] = {"dummy": measure(HEADLESS, args)}
    if not args.dummy_only:
        with virtual_display() as display:
            if display is None:
                results["x11"] = None
            else:
                results["x11"] = measure(x11_env(display), args)
    return results


def child_play(scenario_path: Path, seed: int, linger: float) -> dict[str, Any]:
    """A trainee's window: the attempt played by the reading policy (posted keys) from the
    briefing to the debrief, par searched by the worker process into an empty cache as in the
    game (the debrief waits for it, as a preview does); then `linger` seconds with the debrief
    open, so that a memory sampler sees the window without its worker."""
    import pygame

    from game.loader import load_scenario
    from game.ui import flow
    from game.ui.app import App
    from game.ui.autoplay import Autoplay
    from game.ui.context import Settings
    from game.ui.par_watch import ParWatch

    scenario = load_scenario(scenario_path).scenario
    assert scenario is not None, f"{scenario_path} does not load"
    with tempfile.TemporaryDirectory(prefix="qualified-bench-play-") as data:
        app = App(settings=Settings(muted=True), driver=Autoplay(seed))
        ctx = app.ctx
        ctx.keep_attempts = False
        ctx.autoplay = True  # the debrief waits for par
        ctx.par = ParWatch(Path(data))
        flow.start(ctx, scenario, seed)
        app.run()
        par = ctx.par.state(ctx.session)
        time.sleep(linger)
        ctx.par.close()
        pygame.display.quit()
    return {"outcome": ctx.session.game.state.outcome, "par_known": par.known is not None}


def child_main(argv: list[str]) -> int:
    """`--child idle SCENARIO SECONDS PRESSES`, `--child frames SCENARIO ROUNDS` or
    `--child play SCENARIO SEED LINGER`: one measurement on this process's driver, printed as
    JSON on the last line."""
    what, scenario = argv[0], Path(argv[1])
    if what == "idle":
        out = child_idle(scenario, float(argv[2]), int(argv[3]))
    elif what == "play":
        out = child_play(scenario, int(argv[2]), float(argv[3]))
    else:
        hover, relaid = meeting_frames(scenario, int(argv[2]), 300)
        out = {"hover": hover, "after_choice": relaid}
    print(json.dumps(out))
    return 0


def main() -> int:
    """Run the measurements and print them with their targets."""
    if sys.argv[1:2] == ["--child"]:
        return child_main(sys.argv[2:])
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scenario", type=Path, default=DEFAULT_SCENARIO)
    parser.add_argument("--runs", type=int, default=7, help="runs for the medians")
    parser.add_argument("--idle-seconds", type=float, default=10.0,
                        help="seconds of the idle `python main.py` measure")
    parser.add_argument("--screen-seconds", type=float, default=4.0,
                        help="seconds idle on each screen")
    parser.add_argument("--strategies", action="store_true",
                        help="measure both idle waits (event.wait and get+sleep)")
    parser.add_argument("--dummy-only", action="store_true", help="skip the X server")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = run_all(args)
    if args.json:
        print(json.dumps(results, indent=2, ensure_ascii=False))
        return 0
    print(f"window benchmarks — {os.cpu_count()} cores, load average "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    _print("SDL dummy video driver", results["dummy"], args.idle_seconds)
    if results.get("x11") is None and not args.dummy_only:
        print("\n[X11] not measured: Xvfb is not installed (Debian/Ubuntu: "
              "apt-get install xvfb)")
    elif results.get("x11"):
        _print("X11 on Xvfb 1600×1000", results["x11"], args.idle_seconds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
