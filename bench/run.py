"""Every benchmark of design.md §7 in one run, as a table or JSON.

    .venv/bin/python bench/run.py [--json] [--quick]

`--json` prints `{name: {value, target, unit, ok}}` for: frame_ms, startup_ratio, load_ratio,
choices_per_s (one process), choices_per_s_all_cores (one process per core, as the analyser
plays), analyze_s, idle_cpu, peak_mb, bad_input_s and bad_input_mb (the slowest and largest
of the hostile inputs of bench/bad_input_bench.py). Each figure comes from the script that owns
it (bench/ui_bench.py, bench/load_bench.py, bench/engine_bench.py,
bench/bad_input_bench.py); ratios are measured within
one run, medians over several runs. `--quick` uses fewer runs (for a smoke check, not a report).
The machine is shared: compare the ratios, and read absolute times with the printed load.
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

PEAK_MB_TARGET = 300.0


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


def peak_mb(path: str) -> tuple[float, float]:
    """Peak resident memory (MB) of the real window autoplaying `path` through to the debrief:
    the game's process (its own peak, from the kernel), and the game with the par search's
    worker process (their sum, sampled every 50 ms — the search runs beside the game)."""
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, **HEADLESS, "QUALIFIED_DATA_DIR": folder}
        env.pop("QUALIFIED_PAR_CACHE", None)  # par searched, not read from a cache
        child = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), "play", path, "--autoplay", "--seed", "1",
             "--result-json", os.path.join(folder, "r.json")],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        together = 0.0
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            together = max(together, sum(_rss_mb(p) for p in _process_tree(child.pid)))
            time.sleep(0.05)
        if os.waitstatus_to_exitcode(status) != 0:
            raise RuntimeError(f"autoplay of {path} failed")
    own = usage.ru_maxrss / 1024.0  # kB on Linux
    return own, max(own, together)


def _process_tree(pid: int) -> list[int]:
    """`pid` and its descendants (Linux /proc)."""
    found = [pid]
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as handle:
                for child in handle.read().split():
                    found.extend(_process_tree(int(child)))
    except OSError:
        pass
    return found


def _rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return 0.0


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
    results["idle_cpu"] = figure(round(ui_bench.idle_cpu(5.0 if args.quick else 10.0, 3), 2),
                                 2.0, "% of a core")
    own_mb, with_worker_mb = peak_mb(largest)
    results["peak_mb"] = figure(round(own_mb, 1), PEAK_MB_TARGET, "MB",
                                scenario=os.path.relpath(largest, ROOT),
                                with_par_worker_mb=round(with_worker_mb, 1))
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
