"""Crash soak, outside CI: scripted text plays killed with SIGKILL and resumed, then plays on a
really full disk.

    .venv/bin/python bench/crash_soak.py                  # 100 plays, seed 1, then the full disk
    .venv/bin/python bench/crash_soak.py --plays 20 --seed 4 --no-disk

Part 1 — each play picks a shipped scenario, a game seed and a script (its recorded winning
path, or a seeded random trainee), and is killed 1–3 times at seeded points (at a prompt, in
flight, at the start; tests/crash/harness.py). After each kill: `PRAGMA integrity_check`, the
store opens without notices, nothing confirmed is lost; then `--resume`. The last game must
end with the same path and score as the script played in one go. Prints the tally.

Part 2 (root only) — a 4 MB tmpfs is mounted and filled to different levels (64 kB is too
small for the database itself); a whole play with `--player` and `--result-json` runs on it.
Each run must end with exit code 0 or 1 and a message (never a traceback or a signal), the
earlier result file must be intact or replaced by a complete one, and no temporary file is
left. Then the space is freed: the database must pass `integrity_check`, and an unfinished
attempt must resume to the same path and score as the script played in one go.
Exit 1 if anything failed.
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.playouts import winning_paths  # noqa: E402
from game.loader import load_scenario  # noqa: E402
from game.runtime import Runtime  # noqa: E402
from game.store import database_path  # noqa: E402
from tests.crash.harness import (answers, expected_result, play_with_kills,  # noqa: E402
                                 random_script, recorded_script, run_to_end,
                                 same_play)

SHIPPED = sorted((ROOT / "scenarios").glob("*.yaml"))


def soak(plays: int, seed: int, work: Path) -> bool:
    """Part 1: the killed and resumed plays; True when all ended like uninterrupted ones."""
    runtimes = {p: Runtime(load_scenario(p).scenario) for p in SHIPPED}  # type: ignore[arg-type]
    paths = winning_paths()
    tally: collections.Counter[str] = collections.Counter()
    modes: collections.Counter[str] = collections.Counter()
    problems: list[str] = []
    began = time.perf_counter()
    for n in range(plays):
        rng = random.Random(f"{seed}:{n}")
        path = rng.choice(SHIPPED)
        rt = runtimes[path]
        game_seed = rng.randrange(1, 10_000)
        recorded = rt.scenario.id in paths and rng.random() < 0.4
        script = (recorded_script(rt, 1, paths[rt.scenario.id]) if recorded
                  else random_script(rt, game_seed, rng))
        if recorded:
            game_seed = 1  # recorded paths are written for seed 1's variant
        kills = rng.randint(1, 3)
        data_dir = work / f"play-{n}" / "data"
        data_dir.parent.mkdir(parents=True)
        outcome = play_with_kills(path, rt, game_seed, script, data_dir, kills, rng)
        expected = expected_result(rt, game_seed, script)
        tally["plays"] += 1
        tally[f"script {'recorded' if recorded else 'random'}"] += 1
        tally[f"outcome {expected['outcome']}"] += 1
        tally["actions in scripts"] += len(script)
        for kill in outcome.kills:
            tally["kills"] += 1
            modes[kill.mode] += 1
            tally["kills landing in a running game"] += kill.landed
            if kill.steps is not None and kill.steps > kill.acknowledged:
                tally["kills after more was saved than confirmed (in flight)"] += 1
            tally[f"integrity_check {kill.integrity}"] += 1
        different = same_play(outcome.final, expected) if outcome.final else ["no result"]
        if outcome.problems or different:
            tally["plays that went wrong"] += 1
            problems.append(f"play {n} ({path.name}, seed {game_seed}): "
                            f"{outcome.problems + different} kills={outcome.kills}")
        else:
            tally["plays ending with the uninterrupted path and score"] += 1
        shutil.rmtree(data_dir.parent, ignore_errors=True)
        if (n + 1) % 10 == 0:
            print(f"… {n + 1} plays, {tally['kills']} kills, {len(problems)} wrong "
                  f"({time.perf_counter() - began:.0f} s)", flush=True)
    print(f"\nPart 1, seed {seed}: {plays} scripted plays in {time.perf_counter() - began:.0f} s")
    order = ["plays", "script recorded", "script random", "outcome won", "outcome lost",
             "actions in scripts", "kills", "kills landing in a running game",
             "kills after more was saved than confirmed (in flight)"]
    for key in order + sorted(k for k in tally if k not in order):
        print(f"  {tally[key]:6d}  {key}")
        if key == "kills":
            print("          by point: " + ", ".join(f"{m} {c}" for m, c in sorted(modes.items())))
    for problem in problems:
        print(f"  WRONG: {problem}")
    return not problems


# --- part 2: a real full disk --------------------------------------------------------------------

def _mount(folder: Path, size: str) -> bool:
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        print(f"  (cannot mount a tmpfs: {done.stderr.strip() or done.returncode}; skipped)")
    return done.returncode == 0


def _fill(folder: Path, leave: int) -> None:
    """Fill the file system at `folder` until about `leave` bytes are free."""
    stat = os.statvfs(folder)
    free = stat.f_bavail * stat.f_frsize
    with open(folder / "filler", "wb") as out:
        try:
            out.write(b"\0" * max(0, free - leave))
            out.flush()
            os.fsync(out.fileno())
        except OSError:
            pass


def _inspect(db: Path) -> tuple[str, str]:
    """(`integrity_check` of the database, or 'absent'; actions saved, ✓ if finished)."""
    if not db.exists():
        return "absent", "-"
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        check = "; ".join(str(r[0]) for r in conn.execute("PRAGMA integrity_check"))
        try:
            row = conn.execute("SELECT steps, outcome FROM attempts").fetchone()
        except sqlite3.OperationalError:
            return check, "no tables"
        return check, (f"{row[0]}{'✓' if row[1] else ''}" if row else "none")
    except sqlite3.Error as exc:
        return f"cannot read: {exc}", "-"
    finally:
        conn.close()


def full_disk() -> bool:
    """Part 2: whole plays on a 4 MB tmpfs filled to several levels; then the space is freed
    and the attempt, if unfinished, is resumed to the end."""
    if os.geteuid() != 0:
        print("\nPart 2 skipped: mounting a tmpfs needs root")
        return True
    path = ROOT / "scenarios" / "tutorial-first-deal.yaml"
    rt = Runtime(load_scenario(path).scenario)  # type: ignore[arg-type]
    script = recorded_script(rt, 1, winning_paths()["tutorial-first-deal"])
    typed, _ = answers(rt, 1, script, 0)
    expected = expected_result(rt, 1, script)
    earlier = '{"earlier": "résultat"}\n'
    ok = True
    print(f"\nPart 2: a whole play of {len(script)} actions (--player, --result-json) on a "
          f"4 MB tmpfs with N kB free; then the space is freed, the database checked and the "
          f"attempt resumed")
    print(f"  {'free':>5}  exit  {'saved':>5}  {'result file':15s}  {'after freeing':22s}  "
          f"message")
    for leave_kb in (0, 48, 96, 128, 144, 160, 192, 256, 512, 640, 768, 1024, 2048):
        mount = Path(tempfile.mkdtemp(prefix="crash_soak-tinyfs-"))
        if not _mount(mount, "4m"):
            mount.rmdir()
            return True
        try:
            data = mount / "data"
            result = mount / "result.json"
            result.write_text(earlier, encoding="utf-8")
            _fill(mount, leave_kb * 1024)
            stat = os.statvfs(mount)
            free = stat.f_bavail * stat.f_frsize // 1024
            run = run_to_end(path, 1, data, typed, "--result-json", str(result))
            text = result.read_text(encoding="utf-8")
            if text == earlier:
                state = "earlier, intact"
            else:
                try:
                    state = "new, complete" if same_play(json.loads(text), expected) == [] \
                        else "new, DIFFERENT"
                except ValueError:
                    state = "DAMAGED"
            leftovers = [p.name for p in mount.iterdir() if p.name.startswith(".result-")]
            (mount / "filler").unlink()  # space again: is the database sound, and resumable?
            check, steps = _inspect(database_path(data))
            after = check
            if steps.isdigit():  # unfinished: resume it to the end
                rest, _ = answers(rt, 1, script, int(steps))
                resumed = run_to_end(path, 1, data, rest, "--resume", "--result-json",
                                     str(mount / "resumed.json"))
                same = resumed.returncode == 0 and same_play(json.loads(
                    (mount / "resumed.json").read_text(encoding="utf-8")), expected) == []
                after += ", resumed " + ("same" if same else "WRONG")
            message = " / ".join(line.replace(str(mount), "DIR")[:60] + "…"
                                 for line in run.stderr.strip().splitlines() if line.strip())
            good = (run.returncode in (0, 1) and "Traceback" not in run.stderr
                    and check in ("ok", "absent") and "WRONG" not in after
                    and "DAMAGED" not in state and "DIFFERENT" not in state and not leftovers
                    and (run.returncode == 0 or bool(run.stderr.strip())))
            ok &= good
            print(f"  {free:5d}  {run.returncode:4d}  {steps:>5}  {state:15s}  {after:22s}  "
                  f"{message}{'' if good else '   <-- WRONG'}")
            if not good:
                print("    stderr: " + run.stderr[-1500:].replace("\n", "\n    "))
        finally:
            subprocess.run(["umount", str(mount)], check=False)
            mount.rmdir()
    print("  (saved: actions in the database, ✓ when the attempt was finished; 'no tables': "
          "the disk was full before the database could be set up)")
    return ok


def main(argv: list[str] | None = None) -> int:
    """Run both parts and print the tallies."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plays", type=int, default=100, help="scripted plays (100)")
    parser.add_argument("--seed", type=int, default=1, help="the soak's seed (1)")
    parser.add_argument("--no-disk", action="store_true", help="skip the full-disk part")
    parser.add_argument("--no-kills", action="store_true", help="skip the kill part")
    args = parser.parse_args(argv)
    ok = True
    with tempfile.TemporaryDirectory(prefix="crash_soak-") as work:
        if not args.no_kills:
            ok &= soak(args.plays, args.seed, Path(work))
    if not args.no_disk:
        ok &= full_disk()
    print("\nall good" if ok else "\nSOMETHING WENT WRONG (see above)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
