"""The real window on a real X server (Xvfb), when Xvfb is installed (`apt-get install xvfb`;
skipped otherwise): started from its title screen in a process of its own with SDL's X11
driver, driven by posted events through the name, the picker (whose first scenario is the
tutorial) and the meetings, it reaches the debrief — at the default size and at the smallest
the window allows. On the way, pictures of the title, the picker, the briefing, a meeting, the
deal board and the debrief, read back from the X server, are compared with the reference
pictures in tests/ui/reference/, so that a change of layout fails here.

A change meant to alter the look: remake the references with
`python tests/ui/x11_play.py --update-references` (or run this file with
QUALIFIED_UPDATE_REFERENCES=1), look at them, and commit them with the change. A failing
comparison saves the picture taken and a picture of the differences, and says where.
"""
from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pygame
import pytest

from bench.ui_display import virtual_display, x11_env, xvfb_path
from tests.ui.x11_play import (MAX_DIFFERENT_PCT, PIXEL_TOLERANCE, SEED, SHOTS, SIZES, UPDATE,
                               compare, load_rgb, posterised, reference_path, run_play,
                               save_reference, write_png)

needs_xvfb = pytest.mark.skipif(xvfb_path() is None, reason="Xvfb is not installed")


@needs_xvfb
@pytest.mark.parametrize("size_name", list(SIZES))
def test_the_window_on_x11_plays_from_the_title_to_the_debrief_and_looks_as_before(
        tmp_path: Path, size_name: str) -> None:
    with virtual_display() as display:
        if display is None:
            pytest.skip("Xvfb did not start")
        env = {**os.environ, **x11_env(display), "QUALIFIED_DATA_DIR": str(tmp_path / "data"),
               "QUALIFIED_PAR_CACHE": str(tmp_path / "par")}
        seen = run_play(size_name, tmp_path / "shots", env)
    assert seen["driver"] == "x11" and seen["size"] == list(SIZES[size_name])
    assert seen["screens"][:4] == ["title", "name", "picker", "briefing"]
    assert seen["first_in_picker"] == "tutorial-first-deal"
    assert seen["scenario"] == "tutorial-first-deal" and seen["player"] == "Íñigo"
    assert seen["seed"] == SEED
    assert "meeting" in seen["screens"] and "board" in seen["screens"]
    assert seen["screens"][-1] == "debrief"  # after "debrief-working" while par is searched
    assert seen["over"] and seen["outcome"] in ("won", "lost")
    # frames go through X11's shared-memory images, not an OpenGL texture drawn by llvmpipe
    assert not any(name.startswith("llvmpipe") for name in seen["threads"])
    # what the server shows is what the game drew (partial updates included)
    assert seen["unequal"] == {}, f"pixels the X server shows otherwise: {seen['unequal']}"
    assert sorted(seen["shots"]) == sorted(SHOTS)
    if os.environ.get(UPDATE) == "1":
        for shot in SHOTS:
            save_reference(Path(seen["shots"][shot]), reference_path(size_name, shot))
        return
    failed = [problem for shot in SHOTS
              if (problem := compare(Path(seen["shots"][shot]), reference_path(size_name, shot),
                                     tmp_path / "differences")) is not None]
    assert not failed, "\n".join(failed)


# --- the comparison itself (no X server needed) ----------------------------------------------


def picture(h: int = 120, w: int = 200) -> np.ndarray:
    """A small screen-like picture: a background, a dark header band and lines of 'text'
    with grey anti-aliased edges."""
    out = np.full((h, w, 3), (236, 233, 226), np.uint8)
    out[:20] = (28, 76, 140)
    for top in range(30, h - 10, 14):
        out[top:top + 6, 10:w - 40:3] = (30, 30, 30)
        out[top:top + 6, 11:w - 40:3] = (140, 138, 135)
    return out


def test_a_picture_matches_its_small_reference(tmp_path: Path) -> None:
    shown = picture()
    reference = tmp_path / "ref.png"
    write_png(reference, posterised(shown))
    write_png(tmp_path / "shown.png", shown)
    assert compare(tmp_path / "shown.png", reference, tmp_path / "out") is None
    assert not (tmp_path / "out").exists()
    # noise under the per-pixel tolerance everywhere still matches
    noisy = np.clip(shown.astype(int) + PIXEL_TOLERANCE // 2, 0, 255).astype(np.uint8)
    write_png(tmp_path / "noisy.png", noisy)
    assert compare(tmp_path / "noisy.png", reference, tmp_path / "out") is None


def test_a_moved_line_fails_and_leaves_the_picture_and_its_differences(tmp_path: Path) -> None:
    shown = picture()
    reference = tmp_path / "1280x720-meeting.png"
    write_png(reference, posterised(shown))
    moved = shown.copy()
    moved[32:40] = shown[30:38]  # one line of text two pixels lower
    write_png(tmp_path / "moved.png", moved)
    problem = compare(tmp_path / "moved.png", reference, tmp_path / "out")
    assert problem is not None and problem.startswith("1280x720-meeting.png: ")
    assert f"(at most {MAX_DIFFERENT_PCT} % may)" in problem
    kept, diff = tmp_path / "out" / "1280x720-meeting-actual.png", \
        tmp_path / "out" / "1280x720-meeting-diff.png"
    assert str(kept) in problem and str(diff) in problem
    assert (load_rgb(kept) == moved).all()
    marked = load_rgb(diff)
    red = (marked == (230, 0, 0)).all(axis=2)
    assert red.any() and not red[:30].any() and not red[40:].any()


def test_a_picture_of_another_size_fails(tmp_path: Path) -> None:
    reference = tmp_path / "ref.png"
    write_png(reference, posterised(picture()))
    write_png(tmp_path / "small.png", picture(100, 200))
    problem = compare(tmp_path / "small.png", reference, tmp_path / "out")
    assert problem is not None and "100.00 % of pixels differ" in problem
    assert "(size 200×100, reference 200×120)" in problem


def test_a_missing_reference_says_how_to_make_one(tmp_path: Path) -> None:
    write_png(tmp_path / "shown.png", picture())
    problem = compare(tmp_path / "shown.png", reference_path("1280x720", "nothing"),
                      tmp_path / "out")
    assert problem is not None and "--update-references" in problem


def test_small_pngs_read_back_as_written(tmp_path: Path) -> None:
    """The PNG writer: indexed for a few colours, RGB for many; pygame reads both back."""
    few = posterised(picture())
    rng = np.random.default_rng(1)
    many = rng.integers(0, 256, (40, 60, 3), dtype=np.uint8)
    for name, pixels in (("few", few), ("many", many)):
        path = tmp_path / f"{name}.png"
        write_png(path, pixels)
        assert (load_rgb(path) == pixels).all()
    assert pygame.image.load(str(tmp_path / "few.png")).get_bitsize() == 8
    assert (tmp_path / "few.png").stat().st_size < few.nbytes // 20


def test_every_reference_is_there_and_they_are_small() -> None:
    paths = [reference_path(size_name, shot) for size_name in SIZES for shot in SHOTS]
    assert [p.name for p in paths if not p.exists()] == []
    for path in paths:
        shown = pygame.image.load(str(path))
        assert shown.get_size() == SIZES[path.name.split("-")[0]]
    assert sum(p.stat().st_size for p in paths) < 400_000
