"""Output files (`report --out`, `play --result-json`) replace a regular file or make a new one,
nothing else: not a device, a FIFO, a socket, a folder, a symbolic link or the results
database; a replaced file keeps its mode (issue #16)."""
from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from game.atomic import NotAFile, check_target, write_text_atomically
from game.cli import main
from game.store import Store, open_store
from tests.conftest import MINI
from tests.store.helpers import WIN, full_attempt, scenario

ROOT = Path(__file__).resolve().parents[2]


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def test_a_new_file_gets_the_usual_mode_and_a_replaced_one_keeps_its_own(tmp_path: Path) -> None:
    new = tmp_path / "nuevo-informe-ñ.txt"
    write_text_atomically(str(new), "Núñez\n")
    assert stat.S_IMODE(new.stat().st_mode) == 0o666 & ~_umask()
    shared = tmp_path / "shared.html"
    shared.write_text("old", encoding="utf-8")
    for mode in (0o644, 0o640, 0o664):
        shared.chmod(mode)
        write_text_atomically(str(shared), "new")
        assert stat.S_IMODE(shared.stat().st_mode) == mode
    assert shared.read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["nuevo-informe-ñ.txt", "shared.html"]


def test_what_is_not_a_regular_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    target = tmp_path / "target.txt"
    target.write_text("keep", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    folder = tmp_path / "folder"
    folder.mkdir()
    sock_path = tmp_path / "sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(sock_path))
    cases = {fifo: "named pipe", link: "symbolic link", folder: "is a folder",
             sock_path: "a socket", tmp_path / "target.txt" / "x": "a folder on the way"}
    try:
        os.mknod(tmp_path / "null", 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        cases[tmp_path / "null"] = "is a device"
    except PermissionError:
        pass  # not root: the other kinds still run
    try:
        for path, why in cases.items():
            with pytest.raises(NotAFile, match=why):
                write_text_atomically(str(path), "report")
        assert stat.S_ISFIFO(fifo.lstat().st_mode) and link.is_symlink()
        assert target.read_text(encoding="utf-8") == "keep"
        assert stat.S_ISSOCK(sock_path.lstat().st_mode)
        assert not [p for p in tmp_path.iterdir() if p.name.startswith(".qualified-")]
    finally:
        server.close()


def test_a_database_and_its_journals_are_never_overwritten(empty: Store, tmp_path: Path) -> None:
    full_attempt(empty, "Núñez", scenario(), 42, WIN)
    db = empty.path
    for path in (db, Path(f"{db}-wal"), Path(f"{db}-shm"), Path(f"{db}-journal")):
        with pytest.raises(NotAFile, match="database"):
            check_target(str(path))
    assert check_target(str(tmp_path / "qualified.sqlite3-wal")) is None  # no database there


def test_report_out_onto_the_results_database_is_refused_and_keeps_every_attempt(
        empty: Store, capsys: pytest.CaptureFixture[str]) -> None:
    for seed in range(3):
        full_attempt(empty, "Núñez", scenario(), seed, WIN)
    db = str(empty.path)
    empty.close()
    assert main(["report", "--format", "csv", "--out", db]) == 1
    err = capsys.readouterr().err
    assert f"{db}: cannot write the report: is a database (perhaps the results database " \
           f"itself), which would be destroyed; give another file name" in err
    with open_store() as store:
        assert len(store.attempts()) == 3 and store.notices == []


def test_report_out_keeps_a_shared_reports_mode(empty: Store, tmp_path: Path) -> None:
    out = tmp_path / "class.html"
    out.write_text("last week", encoding="utf-8")
    out.chmod(0o644)
    empty.close()
    assert main(["report", "--format", "html", "--out", str(out)]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o644 and "<html" in out.read_text("utf-8")


def test_result_json_onto_a_fifo_is_refused_before_play(tmp_path: Path, data_dir: Path) -> None:
    fifo = tmp_path / "result.json"
    os.mkfifo(fifo)
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "play", str(MINI), "--text",
                           "--seed", "1", "--result-json", str(fifo)], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", timeout=60,
                          input="1\n", env={**os.environ, "QUALIFIED_DATA_DIR": str(data_dir)})
    assert done.returncode == 2
    assert f"--result-json {fifo}: it is a named pipe (FIFO), not a file" in done.stderr
    assert done.stdout == "" and "Traceback" not in done.stderr  # refused before play
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_result_json_keeps_the_mode_of_the_file_it_replaces(tmp_path: Path,
                                                            data_dir: Path) -> None:
    out = tmp_path / "result.json"
    out.write_text("{}", encoding="utf-8")
    out.chmod(0o644)
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "play", str(MINI), "--text",
                           "--seed", "1", "--result-json", str(out)], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", timeout=60,
                          input="", env={**os.environ, "QUALIFIED_DATA_DIR": str(data_dir)})
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    assert '"outcome": "abandoned"' in out.read_text(encoding="utf-8")
