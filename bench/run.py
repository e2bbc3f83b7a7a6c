"""Every benchmark of design.md §7 in one run, as a table or JSON.

    .venv/bin/python bench/run.py [--json] [--quick]

`--json` prints `{name: {value, target, unit, ok}}` for: frame_ms, startup_ratio, load_ratio,
choices_per_s (one process), choices_per_s_all_cores (one process per core, as the analyser
plays), analyze_s, idle_cpu, idle_cpu_screens (the busiest of the window's screens left idle),
input_latency_ms, peak_mb (a trainee's window; with the par worker beside the game, and how
long the worker lived) and peak_mb_preview (the same for `play --autoplay`),
bad_input_s and bad_input_mb (the slowest and largest of the hostile inputs of
bench/bad_input_bench.py). The window's figures come with SDL's dummy driver; when Xvfb is
installed (`apt-get install xvfb`) frame_ms_x11, startup_ratio_x11, idle_cpu_x11,
idle_cpu_screens_x11 and input_latency_ms_x11 are measured on a real X server too. Each figure
comes from the script that owns it (bench/ui_bench.py, bench/load_bench.py,
bench/engine_bench.py, bench/bad_input_bench.py); ratios are measured within one run, medians
over several runs. `--quick` uses fewer runs (for a smoke check, not a report). The machine is
shared: compare the ratios, and read absolute times with the printed load.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
HEADLESS = {"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy",
            "PYGAME_HIDE_SUPPORT_PROMPT": "1"}
os.environ.update(HEADLESS)

from ui_display import virtual_display, x11_env  # noqa: E402

PEAK_MB_TARGET = 300.0
SCREENS_SCENARIO = ROOT / "scenarios" / "clinica-del-sol.yaml"


def figure(value: float, target: float, unit: str, higher_is_better: bool = False,
           **extra: Any) -> dict[str, Any]:
    """One row of the report."""
    ok = value >= target if higher_is_better else value <= target
    return {"value": value, "target": target, "unit": unit, "ok": ok, **extra}


def json_of(command: list[str], check: bool = True) -> dict[str, Any]:
    """Run a bench script that prints JSON and return what it printed (`check`: it must exit 0;
    the bad-input bench exits 1 when an input breaks a limit, and still prints its figures)."""
    done = subprocess.run([sys.executable, *command], cwd=ROOT, capture_output=True, text=True,
                          check=check, env={**os.environ, **HEADLESS})
    return json.loads(done.stdout)


def peak_mb(path: str, preview: bool = False) -> tuple[float, float, float, bool]:
    """Peak resident memory (MB) of the real window playing `path` through to the debrief —
    a trainee's window (bench/ui_bench.py's reading-policy player, par searched by the worker
    process), or with `preview` the `play --autoplay` preview (which also searches par's best
    path itself, to play it): the game's process (its own peak, from the kernel), and the game
    with the par search's worker process (their sum, sampled every 50 ms — the search runs
    beside the game); then the seconds the worker lived, and whether it had ended while the
    game was still open (it ends once its searches are done)."""
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, **HEADLESS, "QUALIFIED_DATA_DIR": folder}
        env.pop("QUALIFIED_PAR_CACHE", None)  # par searched, not read from a cache
        command = ([str(ROOT / "main.py"), "play", path, "--autoplay", "--seed", "1",
                    "--result-json", os.path.join(folder, "r.json")] if preview else
                   [str(ROOT / "bench" / "ui_bench.py"), "--child", "play", path, "1", "1.0"])
        child = subprocess.Popen([sys.executable, *command], cwd=ROOT, env=env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        together, worker_s, last, counts = 0.0, 0.0, time.perf_counter(), [0]
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            tree = _process_tree(child.pid)
            together = max(together, sum(_rss_mb(p) for p in tree))
            now = time.perf_counter()
            workers = sum(_is_par_worker(p) for p in tree)
            if workers:
                worker_s += now - last
            last = now
            counts.append(workers)
            time.sleep(0.05)
        if os.waitstatus_to_exitcode(status) != 0:
            raise RuntimeError(f"autoplay of {path} failed")
    own = usage.ru_maxrss / 1024.0  # kB on Linux
    ended = max(counts) > 0 and counts[-1] == 0
    return own, max(own, together), worker_s, ended


def _process_tree(pid: int) -> list[int]:
    """`pid` and its descendants (Linux /proc), each once."""
    found = [pid]
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as handle:
                for child in handle.read().split():
                    found.extend(p for p in _process_tree(int(child)) if p not in found)
    except OSError:
        pass
    return found


def _is_par_worker(pid: int) -> bool:
    """Whether `pid` is a process multiprocessing spawned (the par worker) — not its resource
    tracker (~12 MB, which stays for the game's life once a worker has been started)."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as handle:
            return b"multiprocessing.spawn" in handle.read()
    except OSError:
        return False


def _rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return 0.0


def window_figures(window: dict[str, Any], suffix: str) -> dict[str, dict[str, Any]]:
    """The busiest idle screen and the input latency, from ui_bench.screens_idle."""
    screens = window["screens"]
    busiest = max(screens, key=lambda name: screens[name]["cpu"])
    latency = window["latency_ms"]
    return {f"idle_cpu_screens{suffix}": figure(screens[busiest]["cpu"], 2.0, "% of a core",
                                                screen=busiest, idle_wait=window["idle_wait"],
                                                frames_while_idle=sum(
                                                    v["frames"] for v in screens.values())),
            f"input_latency_ms{suffix}": figure(latency["max"], 50.0, "ms",
                                                median_ms=latency["median"],
                                                presses=latency["presses"])}


def main() -> int:
    """Run the benchmarks and print the table (or JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    runs = 3 if args.quick else 7
    started = time.perf_counter()
    import engine_bench
    import ui_bench

    largest = engine_bench.largest_scenario()
    results: dict[str, dict[str, Any]] = {}
    hover, _relaid = ui_bench.meeting_frames(ROOT / "scenarios" / "clinica-del-sol.yaml",
                                             max(3, runs // 2), 300)
    results["frame_ms"] = figure(round(hover, 3), 1.0, "ms")
    game_s, base_s, ratio = ui_bench.startup_ratio(runs)
    results["startup_ratio"] = figure(round(ratio, 2), 2.0, "×", game_ms=round(game_s * 1000),
                                      pygame_init_ms=round(base_s * 1000))
    load = json_of(["bench/load_bench.py", "--json", "--repeat", str(max(3, runs // 2))])
    results["load_ratio"] = figure(load["load_ratio"], 1.5, "×", size_mb=round(
        load["size_bytes"] / 1048576, 2))
    engine = json_of(["bench/engine_bench.py", "--json", "--repeat", "1" if args.quick else "3",
                      "--runs", "10000"])
    results["choices_per_s"] = figure(engine["choices_per_s"]["value"], 100_000, "choices/s",
                                      higher_is_better=True, processes=1)
    results["choices_per_s_all_cores"] = figure(
        engine["both_cores_choices_per_s"]["value"], 100_000, "choices/s",
        higher_is_better=True, processes=engine["both_cores_choices_per_s"]["processes"])
    results["analyze_s"] = figure(engine["analyze_s"]["value"], 10.0, "s",
                                  scenario=engine["scenario"], runs=10_000)
    idle_s = 5.0 if args.quick else 10.0
    results["idle_cpu"] = figure(round(ui_bench.idle_cpu(idle_s, 3), 2), 2.0, "% of a core")
    window = ui_bench.screens_idle({**os.environ, **HEADLESS}, SCREENS_SCENARIO,
                                   2.0 if args.quick else 4.0, 20)
    results.update(window_figures(window, ""))
    with virtual_display() as display:
        if display is not None:
            x11 = x11_env(display)
            hover, _relaid = ui_bench.frames_on({**os.environ, **x11}, SCREENS_SCENARIO,
                                                max(3, runs // 2))
            results["frame_ms_x11"] = figure(round(hover, 3), 1.0, "ms")
            game_s, base_s, ratio = ui_bench.startup_ratio(runs, x11)
            results["startup_ratio_x11"] = figure(round(ratio, 2), 2.0, "×",
                                                  game_ms=round(game_s * 1000),
                                                  pygame_init_ms=round(base_s * 1000))
            results["idle_cpu_x11"] = figure(round(ui_bench.idle_cpu(idle_s, 3, x11), 2), 2.0,
                                             "% of a core")
            window = ui_bench.screens_idle({**os.environ, **x11}, SCREENS_SCENARIO,
                                           2.0 if args.quick else 4.0, 20)
            results.update(window_figures(window, "_x11"))
    own_mb, with_worker_mb, worker_s, ended = peak_mb(largest)
    results["peak_mb"] = figure(round(own_mb, 1), PEAK_MB_TARGET, "MB",
                                scenario=os.path.relpath(largest, ROOT),
                                with_par_worker_mb=round(with_worker_mb, 1),
                                par_worker_s=round(worker_s, 1),
                                par_worker_ended_first=ended)
    own_mb, with_worker_mb, worker_s, ended = peak_mb(largest, preview=True)
    results["peak_mb_preview"] = figure(round(own_mb, 1), PEAK_MB_TARGET, "MB",
                                        scenario=os.path.relpath(largest, ROOT),
                                        with_par_worker_mb=round(with_worker_mb, 1),
                                        par_worker_s=round(worker_s, 1),
                                        par_worker_ended_first=ended)
    bad = json_of(["bench/bad_input_bench.py", "--json"], check=False)
    results["bad_input_s"] = figure(bad["worst_s"], 2.0, "s", inputs=len(bad["cases"]),
                                    contract_kept=bad["ok"])
    results["bad_input_mb"] = figure(bad["worst_mb"], 300.0, "MB", inputs=len(bad["cases"]))
    if args.json:
        print(json.dumps(results, indent=2, ensure_ascii=False))
        return 0
    print(f"benchmarks — {os.cpu_count()} cores, load average "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}, "
          f"{time.perf_counter() - started:.0f} s")
    print(f"{'name':<24} {'value':>12} {'target':>12}  unit          ok")
    for name, row in results.items():
        sign = "≥" if name.startswith("choices_per_s") else "≤"
        print(f"{name:<24} {row['value']:>12,} {sign + format(row['target'], ','):>12}  "
              f"{row['unit']:<13} {'yes' if row['ok'] else 'NO'}")
    for name, what in (("peak_mb", "a trainee's window"),
                       ("peak_mb_preview", "the play --autoplay preview")):
        peak = results[name]
        print(f"{name} ({what}): the game alone {peak['value']} MB, with the par worker "
              f"beside it {peak['with_par_worker_mb']} MB; the worker lived "
              f"{peak['par_worker_s']} s and "
              f"{'had ended while' if peak['par_worker_ended_first'] else 'still ran when'} "
              f"the game was open")
    for suffix in ("", "_x11"):
        row = results.get(f"idle_cpu_screens{suffix}")
        if row:
            print(f"idle_cpu_screens{suffix}: the busiest screen is {row['screen']} "
                  f"(idle wait '{row['idle_wait']}', {row['frames_while_idle']} frames drawn "
                  f"while idle)")
    if "idle_cpu_x11" not in results:
        print("the *_x11 figures need Xvfb (Debian/Ubuntu: apt-get install xvfb)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
