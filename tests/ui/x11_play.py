"""The real window on the X display in $DISPLAY, in a process of its own: from its title screen,
driven by posted events (game.ui.autoplay: Enter on the title, a typed name, Enter on the
picker's first scenario, the reading policy's choices) until the debrief. Prints what it saw as
JSON on its last line. Run by tests/ui/test_real_window.py.

With --shots DIR it saves a picture of each screen of SHOTS at its first stable moment, read
back from the X server (what the window shows, not only what the game drew), as
DIR/<name>.png. The pictures are the same from run to run: a fixed seed and player name, a new
results store (no best scores), par searched to the end before the debrief's picture, no toast
in a picture, nothing moving on screen when it is taken; and no clock time is ever drawn.

    python tests/ui/x11_play.py --update-references

starts Xvfb itself, plays at every size of SIZES and writes the pictures the test compares
against into tests/ui/reference/ (the test does the same when QUALIFIED_UPDATE_REFERENCES=1).
Look at them before committing them.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

REFERENCE = ROOT / "tests" / "ui" / "reference"
SIZES = {"1280x720": (1280, 720), "800x480": (800, 480)}  # the default and the minimum window
SHOTS = ("title", "picker", "briefing", "meeting", "board", "debrief")
SEED = 7            # every attempt's seed (the picker would draw one)
POLICY_SEED = 3     # the reading policy's
MEETING_AFTER = 3   # the meeting's picture: once this many choices have been made
UPDATE = "QUALIFIED_UPDATE_REFERENCES"  # =1: the test writes the references instead
# A picture matches its reference when at most MAX_DIFFERENT_PCT % of its pixels differ by more
# than PIXEL_TOLERANCE in a colour channel: anti-aliasing that differs between FreeType builds
# passes, a panel, a line of text or a footer hint that moved does not (a line of body text
# moved by a few pixels changes about 0.3 % of a 1280×720 picture).
PIXEL_TOLERANCE = 48
MAX_DIFFERENT_PCT = 0.05
POSTER_STEP = 16   # a reference's colours: each channel in bands of this many values
PLAY_TIMEOUT = 300  # seconds one play may take


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


# --- playing, in the window's process -------------------------------------------------------


def play(size: tuple[int, int], shots: Path | None) -> dict[str, Any]:
    """Play from the title to the debrief at `size`, saving SHOTS into `shots` (if given);
    return what was seen."""
    import pygame

    from bench.ui_display import SCREEN, XKeys, XPixels
    from game.ui import flow
    from game.ui.app import App
    from game.ui.autoplay import Autoplay
    from game.ui.context import Settings
    from game.ui.par_watch import ParWatch

    seen: list[str] = []
    first_in_picker: list[str] = []
    taken: dict[str, str] = {}
    unequal: dict[str, int] = {}   # screen → pixels the server shows differently from the game
    pixels = XPixels(os.environ["DISPLAY"]) if shots is not None else None

    def stable(app: App) -> bool:
        """Whether the frame just drawn is the screen's settled look: nothing left to draw,
        nothing moving, no toast (one is cleared first: toasts are timed in real seconds)."""
        ctx, top = app.ctx, app.top
        if ctx.toast_text:
            ctx.toast_text, ctx.toast_left = "", 0.0
            ctx.redraw()
            return False
        return (not ctx.needs_redraw and top.next_wakeup() is None
                and getattr(top, "settled", True))

    def wanted(app: App) -> str | None:
        top = app.top
        name = top.name if top.name == "debrief" else top.shot_name  # settled: par has come
        if name == "meeting" and len(app.ctx.session.game.state.path) < MEETING_AFTER:
            return None
        return name if name in SHOTS and name not in taken else None

    def take(app: App, name: str) -> None:
        assert shots is not None and pixels is not None
        w, h = app.surface.get_size()
        shown = pixels.grab(pygame.display.get_wm_info()["window"], (w, h))
        drawn = pygame.image.tobytes(app.surface, "RGB")
        if shown != drawn:
            a = np.frombuffer(shown, np.uint8).reshape(h, w, 3)
            b = np.frombuffer(drawn, np.uint8).reshape(h, w, 3)
            unequal[name] = int((a != b).any(axis=2).sum())
        path = shots / f"{name}.png"
        pygame.image.save(pygame.image.frombytes(shown, (w, h), "RGB"), str(path))
        taken[name] = str(path)

    class Watched(Autoplay):
        def step(self, app: App) -> None:
            top = app.top
            if top is not None and (not seen or seen[-1] != top.shot_name):
                seen.append(top.shot_name)
            if top is not None and top.name == "picker" and top.loaded and not first_in_picker:
                first_in_picker.append(top.menu.items[0].value.scenario.id)
            name = wanted(app) if top is not None and shots is not None else None
            if name is not None:
                if not stable(app):
                    return  # no input until it is: the loop draws and ticks meanwhile
                take(app, name)
            super().step(app)

    real_start = flow.start

    def start(ctx: Any, scenario: Any, seed: int | None = None, path: str | None = None) -> None:
        real_start(ctx, scenario, SEED if seed is None else seed, path)

    flow.start = start  # type: ignore[assignment]
    pointer = XKeys(os.environ["DISPLAY"])  # out of the way: nothing under it lights up
    pointer.point(SCREEN[0] - 1, SCREEN[1] - 1)
    pointer.close()
    with tempfile.TemporaryDirectory(prefix="qualified-x11-") as data:
        app = App(size, settings=Settings(muted=True), driver=Watched(POLICY_SEED))
        ctx = app.ctx
        ctx.data_dir = Path(data)
        ctx.par = ParWatch(Path(data))
        if shots is not None:
            shots.mkdir(parents=True, exist_ok=True)
        flow.title(ctx)
        try:
            app.run()
        finally:
            ctx.par.close()
            if pixels is not None:
                pixels.close()
        session = ctx.session
        return {
            "driver": pygame.display.get_driver(), "size": list(app.surface.get_size()),
            "screens": seen, "first_in_picker": first_in_picker[0] if first_in_picker else None,
            "scenario": session.scenario.id if session else None,
            "seed": session.seed if session else None,
            "outcome": session.game.state.outcome if session else None,
            "over": bool(session and session.over), "frames": app.frames,
            "player": ctx.player, "threads": _thread_names(), "shots": taken,
            "unequal": unequal}


# --- comparing pictures ---------------------------------------------------------------------


def load_rgb(path: Path) -> np.ndarray:
    """A PNG's pixels as an (height, width, 3) array."""
    import pygame

    return pygame.surfarray.array3d(pygame.image.load(str(path))).transpose(1, 0, 2).copy()


def different(actual: np.ndarray, expected: np.ndarray) -> np.ndarray:
    """Which pixels differ by more than PIXEL_TOLERANCE in a channel (all, when the sizes
    differ)."""
    if actual.shape != expected.shape:
        return np.ones(actual.shape[:2], bool)
    gap = np.abs(actual.astype(np.int16) - expected.astype(np.int16)).max(axis=2)
    return gap > PIXEL_TOLERANCE


def diff_picture(actual: np.ndarray, expected: np.ndarray, off: np.ndarray) -> np.ndarray:
    """The reference faded to grey with the differing pixels in red (the actual picture alone
    when the sizes differ)."""
    if actual.shape != expected.shape:
        return actual
    grey = (expected.mean(axis=2) * 0.35 + 160).astype(np.uint8)
    out = np.repeat(grey[:, :, None], 3, axis=2)
    out[off] = (230, 0, 0)
    return out


def compare(actual_path: Path, reference: Path, out: Path) -> str | None:
    """None when the picture at `actual_path` matches `reference`; else what differs, with the
    actual picture and a diff picture saved in `out` (named after the reference)."""
    if not reference.exists():
        return (f"no reference picture {reference.relative_to(ROOT)} (make it with "
                f"`python tests/ui/x11_play.py --update-references`)")
    actual, expected = load_rgb(actual_path), load_rgb(reference)
    off = different(actual, expected)
    pct = 100 * off.mean()
    if pct <= MAX_DIFFERENT_PCT:
        return None
    out.mkdir(parents=True, exist_ok=True)
    kept = out / f"{reference.stem}-actual.png"
    diff = out / f"{reference.stem}-diff.png"
    write_png(kept, actual)
    write_png(diff, diff_picture(actual, expected, off))
    sizes = "" if actual.shape == expected.shape else (
        f" (size {actual.shape[1]}×{actual.shape[0]}, "
        f"reference {expected.shape[1]}×{expected.shape[0]})")
    return (f"{reference.name}: {pct:.2f} % of pixels differ (at most {MAX_DIFFERENT_PCT} % "
            f"may){sizes}; actual {kept}, differences in red {diff}")


# --- small PNGs ------------------------------------------------------------------------------


def _chunk(kind: bytes, data: bytes) -> bytes:
    body = kind + data
    return (len(data).to_bytes(4, "big") + body
            + (zlib.crc32(body) & 0xFFFFFFFF).to_bytes(4, "big"))


def _filtered(rows: np.ndarray, bpp: int) -> bytes:
    """Each row with the PNG filter (none, sub or up) that leaves the smallest sum of
    absolute values — the usual heuristic; the filter byte first."""
    out = []
    prev = np.zeros_like(rows[0])
    for row in rows:
        sub = row.copy()
        sub[bpp:] = row[bpp:] - row[:-bpp]
        up = row - prev
        candidates = [(0, row), (1, sub), (2, up)]
        kind, best = min(candidates,
                         key=lambda c: int(np.minimum(c[1], 256 - c[1].astype(np.int32)).sum()))
        out.append(bytes([kind]) + best.tobytes())
        prev = row
    return b"".join(out)


def write_png(path: Path, pixels: np.ndarray) -> None:
    """Save (height, width, 3) RGB pixels as a PNG: indexed when the picture has at most 256
    colours (a UI's flat panels and text mostly do), else RGB; filtered and deflated at
    level 9 — several times smaller than pygame's PNGs of the same screens."""
    h, w, _ = pixels.shape
    flat = pixels.reshape(-1, 3)
    keys = (flat[:, 0].astype(np.uint32) << 16) | (flat[:, 1].astype(np.uint32) << 8) | flat[:, 2]
    colours, index = np.unique(keys, return_inverse=True)
    if len(colours) <= 256:
        palette = np.stack([(colours >> 16) & 255, (colours >> 8) & 255, colours & 255],
                           axis=1).astype(np.uint8)
        header = w.to_bytes(4, "big") + h.to_bytes(4, "big") + bytes([8, 3, 0, 0, 0])
        rows = index.astype(np.uint8).reshape(h, w)
        chunks = [_chunk(b"IHDR", header), _chunk(b"PLTE", palette.tobytes())]
        data = b"".join(bytes([0]) + row.tobytes() for row in rows)  # indices: no filter
    else:
        header = w.to_bytes(4, "big") + h.to_bytes(4, "big") + bytes([8, 2, 0, 0, 0])
        chunks = [_chunk(b"IHDR", header)]
        data = _filtered(pixels.reshape(h, w * 3).astype(np.uint8), 3)
    chunks += [_chunk(b"IDAT", zlib.compress(data, 9)), _chunk(b"IEND", b"")]
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"".join(chunks))


def posterised(pixels: np.ndarray, step: int = POSTER_STEP) -> np.ndarray:
    """`pixels` with each channel rounded to the middle of its band of `step` values (within
    step / 2 of the screen's, well inside PIXEL_TOLERANCE): the anti-aliased edges of text
    take a few shades instead of dozens, so a reference picture has a few hundred colours at
    most, is written indexed and is about a third of the size."""
    return np.minimum((pixels // step) * step + step // 2, 255).astype(np.uint8)


# --- making the references ------------------------------------------------------------------


def run_play(size_name: str, shots: Path, env: dict[str, str]) -> dict[str, Any]:
    """Play in a process of its own at SIZES[size_name] (on the display in `env`), pictures
    into `shots`; what it saw. Raises RuntimeError when it fails."""
    done = subprocess.run([sys.executable, str(Path(__file__)), "--size", size_name,
                           "--shots", str(shots)], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=PLAY_TIMEOUT)
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-3000:])
    return json.loads(done.stdout.splitlines()[-1])


def reference_path(size_name: str, shot: str) -> Path:
    """The reference picture of screen `shot` at size `size_name`."""
    return REFERENCE / f"{size_name}-{shot}.png"


def save_reference(shot: Path, reference: Path) -> None:
    """Keep the picture at `shot` as `reference`, small (posterised, indexed PNG)."""
    reference.parent.mkdir(parents=True, exist_ok=True)
    write_png(reference, posterised(load_rgb(shot)))


def update_references() -> int:
    """Start Xvfb, play at every size and write every reference picture."""
    from bench.ui_display import virtual_display, x11_env

    with virtual_display() as display, tempfile.TemporaryDirectory() as scratch:
        if display is None:
            print("Xvfb is not installed or did not start (apt-get install xvfb)",
                  file=sys.stderr)
            return 1
        for size_name in SIZES:
            env = {**os.environ, **x11_env(display),
                   "QUALIFIED_DATA_DIR": str(Path(scratch) / "data"),
                   "QUALIFIED_PAR_CACHE": str(Path(scratch) / "par")}
            shots = Path(scratch) / size_name
            seen = run_play(size_name, shots, env)
            missing = [s for s in SHOTS if s not in seen["shots"]]
            if missing:
                print(f"{size_name}: no picture of {', '.join(missing)}", file=sys.stderr)
                return 1
            for shot in SHOTS:
                save_reference(Path(seen["shots"][shot]), reference_path(size_name, shot))
                print(reference_path(size_name, shot).relative_to(ROOT))
    total = sum(p.stat().st_size for p in _references())
    print(f"{total // 1024} KB in all")
    return 0


def _references() -> Iterator[Path]:
    for size_name in SIZES:
        for shot in SHOTS:
            path = reference_path(size_name, shot)
            if path.exists():
                yield path


def main(argv: list[str] | None = None) -> int:
    """Play once and print what was seen as JSON, or (--update-references) make the
    reference pictures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="1280x720")
    parser.add_argument("--shots", type=Path, default=None, metavar="DIR")
    parser.add_argument("--update-references", action="store_true")
    args = parser.parse_args(argv)
    if args.update_references:
        return update_references()
    print(json.dumps(play(SIZES[args.size], args.shots), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
