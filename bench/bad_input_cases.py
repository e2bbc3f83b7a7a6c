"""The hostile cases of issue #16 for bench/bad_input_bench.py: a hostile LRS on loopback,
output files aimed at things that are not files, odd data folders and names, a damaged row, a
huge buying centre, and two processes on one attempt.

Each case prepares what it needs in its own folder (a copy of a small results database, a
loopback server in this process, a FIFO…) and returns a `Run`: the command for a fresh
process, what it must exit with and name, and checks of what it said or left behind. The
bench times the process and reads its peak memory the same way as for the other inputs.
"""
from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini.yaml"
SECRET = "s3cret-Ñ"
# the winning path through mini.yaml as typed numbers (tests/store/test_kill_and_resume.py)
ANSWERS = ["1", "1", "1", "1", "4", "1", "2", "2", "1", "3", "3", "4",
           "3", "1", "1", "2", "1", "1", "1", "1"]


@dataclass
class Run:
    """One process to start, and what it must do."""

    args: list[str]                              # after `python main.py`
    codes: tuple[int, ...]                       # acceptable exit codes
    names: str                                   # must appear in what it printed
    stdin: bytes = b""
    env: dict[str, str] = field(default_factory=dict)
    checks: list[Callable[[str], str | None]] = field(default_factory=list)  # output → problem
    cleanup: list[Callable[[], None]] = field(default_factory=list)
    seconds: float | None = None    # a time limit of its own, when the case must do slow work


@dataclass(frozen=True)
class Scripted:
    """A hostile case: `prepare(folder, data)` sets it up (data: a copy of a small store)."""

    name: str
    prepare: Callable[[Path, Path], Run]


# --- a small results database, made once --------------------------------------------------------

def make_store(data: Path, env: dict[str, str]) -> None:
    """Two attempts of mini.yaml by Núñez (one won, one left open), for the cases to copy."""
    for answers in (ANSWERS, ANSWERS[:3]):
        subprocess.run([sys.executable, str(ROOT / "main.py"), "play", str(MINI), "--text",
                        "--seed", "42", "--player", "Núñez", "--new"],
                       cwd=ROOT, env={**env, "QUALIFIED_DATA_DIR": str(data)},
                       input="".join(a + "\n" for a in answers).encode(),
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)


# --- loopback servers -----------------------------------------------------------------------------

class Loopback:
    """A server on 127.0.0.1 in a thread of this process; `behaviour(handler, body)` answers
    every request; `seen` counts the requests."""

    def __init__(self, behaviour: Callable[[BaseHTTPRequestHandler, bytes], None]) -> None:
        self.seen = 0
        self.stop = threading.Event()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def _any(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0") or 0))
                outer.seen += 1
                try:
                    behaviour(self, body)
                except OSError:
                    pass  # the client hung up, as a capped reader does

            do_GET = do_POST = _any  # noqa: N815

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        """Its address."""
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def close(self) -> None:
        """Stop serving."""
        self.stop.set()
        self.server.shutdown()
        self.server.server_close()


def _answer(handler: BaseHTTPRequestHandler, status: int, body: bytes,
            headers: dict[str, str] | None = None) -> None:
    handler.send_response(status)
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def _endless(status: int, stop: threading.Event) -> Callable[[BaseHTTPRequestHandler, bytes],
                                                            None]:
    def behaviour(handler: BaseHTTPRequestHandler, body: bytes) -> None:
        handler.send_response(status)
        handler.send_header("Transfer-Encoding", "chunked")
        handler.end_headers()
        chunk = b"x" * 65_536
        while not stop.is_set():
            handler.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
    return behaviour


def _not_shown(secret: str) -> Callable[[str], str | None]:
    return lambda said: "the password is printed" if secret in said else None


def _no_escape(said: str) -> str | None:
    return "a raw escape sequence reached the terminal" if "\x1b" in said else None


# --- the cases ------------------------------------------------------------------------------------

def _redirect_away(folder: Path, data: Path) -> Run:
    thief = Loopback(lambda h, b: _answer(h, 200, b"[]"))
    lrs = Loopback(lambda h, b: _answer(h, 302, b"", {"Location": thief.url + "/steal"}))
    url = lrs.url.replace("http://", f"http://trainer:{SECRET}@") + "/xapi"
    return Run(["sync", "--lrs", url], (1,), thief.url,
               checks=[_not_shown(SECRET),
                       lambda said: "the other host was sent something" if thief.seen else None],
               cleanup=[lrs.close, thief.close])


def _server_case(make: Callable[[threading.Event], Callable[[BaseHTTPRequestHandler, bytes],
                                                           None]],
                 *extra: str, codes: tuple[int, ...] = (1,),
                 checks: tuple[Callable[[str], str | None], ...] = ()
                 ) -> Callable[[Path, Path], Run]:
    def prepare(folder: Path, data: Path) -> Run:
        stop = threading.Event()
        server = Loopback(make(stop))
        url = server.url.replace("http://", f"http://trainer:{SECRET}@") + "/xapi"

        def close() -> None:
            stop.set()
            server.close()

        return Run(["sync", "--lrs", url, *extra], codes, server.url.split("//")[1],
                   checks=[_not_shown(SECRET), *checks], cleanup=[close])
    return prepare


def _huge_length(stop: threading.Event) -> Callable[[BaseHTTPRequestHandler, bytes], None]:
    def behaviour(handler: BaseHTTPRequestHandler, body: bytes) -> None:
        handler.send_response(200)
        handler.send_header("Content-Length", str(2 * 1024 ** 3))
        handler.end_headers()
        block = b"[" + b" " * 1_048_575
        for _ in range(2048):
            if stop.is_set():
                return
            handler.wfile.write(block)
    return behaviour


def _drip(stop: threading.Event) -> Callable[[BaseHTTPRequestHandler, bytes], None]:
    def behaviour(handler: BaseHTTPRequestHandler, body: bytes) -> None:
        handler.send_response(200)
        handler.send_header("Content-Length", "1000")
        handler.end_headers()
        while not stop.wait(0.0):
            handler.wfile.write(b"[")
            handler.wfile.flush()
            if stop.wait(5.0):  # one byte every 5 s
                return
    return behaviour


def _always(status: int, body: bytes) -> Callable[[threading.Event], Callable[
        [BaseHTTPRequestHandler, bytes], None]]:
    return lambda stop: (lambda h, b: _answer(h, status, body))


def _report_onto_database(folder: Path, data: Path) -> Run:
    db = data / "qualified.sqlite3"

    def intact(said: str) -> str | None:
        conn = sqlite3.connect(db)
        try:
            count = conn.execute("SELECT COUNT(*) FROM attempts").fetchone()[0]
        finally:
            conn.close()
        return None if count == 2 else f"the database holds {count} attempts, not 2"

    return Run(["report", "--format", "csv", "--out", str(db)], (1,), str(db), checks=[intact])


def _report_onto_fifo(folder: Path, data: Path) -> Run:
    fifo = folder / "informe.csv"
    os.mkfifo(fifo)
    return Run(["report", "--out", str(fifo)], (1,), str(fifo),
               checks=[lambda said: None if fifo.is_fifo() else "the FIFO was replaced"])


def _report_onto_symlink(folder: Path, data: Path) -> Run:
    target = folder / "elsewhere.txt"
    target.write_text("keep", encoding="utf-8")
    link = folder / "informe.txt"
    link.symlink_to(target)
    return Run(["report", "--out", str(link)], (1,), str(link),
               checks=[lambda said: None if link.is_symlink() and target.read_text("utf-8")
                       == "keep" else "the link or its target was changed"])


def _result_onto_fifo(folder: Path, data: Path) -> Run:
    fifo = folder / "resultado.json"
    os.mkfifo(fifo)
    return Run(["play", str(MINI), "--text", "--seed", "1", "--result-json", str(fifo)], (2,),
               str(fifo), stdin=b"1\n")


def _fifo_par_cache(folder: Path, data: Path) -> Run:
    os.mkfifo(folder / "par-cache.json")
    # no cache can be read, so the debrief searches par cold (1–4 s, as on a first play):
    # the case checks that play ends, not the search's speed
    return Run(["play", str(MINI), "--text", "--seed", "1"], (0,), "seed 1",
               env={"QUALIFIED_PAR_CACHE": str(folder)}, seconds=6.0)


def _no_such_home(folder: Path, data: Path) -> Run:
    return Run(["report"], (1,), "~nosuchuser-qualified",
               env={"QUALIFIED_DATA_DIR": "~nosuchuser-qualified/x"})


def _screenshots_onto_file(folder: Path, data: Path) -> Run:
    afile = folder / "shots.png"
    afile.write_bytes(b"x")
    return Run(["play", str(MINI), "--autoplay", "--screenshots", str(afile)], (2,), str(afile))


def _damaged_row(folder: Path, data: Path) -> Run:
    conn = sqlite3.connect(data / "qualified.sqlite3")
    conn.execute("UPDATE attempts SET result = '{\"score\": ' WHERE result IS NOT NULL")
    conn.commit()
    conn.close()
    return Run(["report", "--format", "html", "--out", str(folder / "class.html")], (0,),
               "has damaged data (result: not JSON)")


def _big_centre(count: int) -> Callable[[Path, Path], Run]:
    def prepare(folder: Path, data: Path) -> Run:
        people = "".join(
            f"  extra{i}:\n    name: Persona {i}\n    title: Técnica\n    role: user\n"
            f"    stance: 0.0\n    influences: {{dana: 0.1}}\n    conversation:\n"
            f"      start: hi\n      nodes:\n        hi:\n          say: Hola {i}.\n"
            f"          choices:\n            - text: ¿Qué te preocupa?\n"
            f"              tactic: discovery\n" for i in range(count))
        path = folder / "centro_ñ.yaml"
        path.write_text(MINI.read_text(encoding="utf-8").replace(
            "stakeholders:\n", "stakeholders:\n" + people, 1), encoding="utf-8")
        return Run(["analyze", str(path)], (1,), path.name)
    return prepare


def _escape_in_title(folder: Path, data: Path) -> Run:
    path = folder / "título.yaml"
    path.write_text(MINI.read_text(encoding="utf-8").replace(
        "title: Mini deal", 'title: "Mini \\e]0;pwned\\a deal"'), encoding="utf-8")
    return Run(["play", str(path), "--text", "--seed", "1"], (1,), path.name,
               checks=[_no_escape])


def _second_terminal(folder: Path, data: Path) -> Run:
    first = _hold_attempt(data)
    return Run(["play", str(MINI), "--text", "--seed", "42", "--player", "Núñez"], (1,),
               "being played in another game window or terminal", stdin=b"1\n1\n1\n",
               cleanup=[lambda: _end(first)])


def _after_kill(folder: Path, data: Path) -> Run:
    first = _hold_attempt(data)
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=30)
    return Run(["play", str(MINI), "--text", "--seed", "42", "--player", "Núñez",
                "--resume"], (0,), "Resuming your attempt", stdin=b"1\n")


def _hold_attempt(data: Path) -> subprocess.Popen[bytes]:
    """A `play --text --player` process that resumes Núñez's open attempt and waits at its
    next prompt (its stdin stays open)."""
    first = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "play", str(MINI), "--text",
                              "--seed", "42", "--player", "Núñez", "--resume"], cwd=ROOT,
                             env={**os.environ, "QUALIFIED_DATA_DIR": str(data)},
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL)
    assert first.stdout is not None
    seen = b""
    deadline = time.monotonic() + 60
    while b"Your choice (" not in seen and time.monotonic() < deadline:
        block = os.read(first.stdout.fileno(), 65_536)
        if not block:
            break
        seen += block
    return first


def _end(process: subprocess.Popen[bytes]) -> None:
    process.kill()
    process.wait(timeout=30)


SCRIPTED: list[Scripted] = [
    Scripted("sync: 302 to another host (password in URL)", _redirect_away),
    Scripted("sync: 200 with a 2 GB body", _server_case(_huge_length)),
    Scripted("sync: endless chunked 200", _server_case(lambda stop: _endless(200, stop))),
    Scripted("sync: endless chunked 500 (--tries 1)",
             _server_case(lambda stop: _endless(500, stop), "--tries", "1")),
    Scripted("sync: a byte every 5 s (--timeout 1 --tries 1)",
             _server_case(_drip, "--timeout", "1", "--tries", "1")),
    Scripted("sync: 413 for every batch", _server_case(_always(413, b"too large"))),
    Scripted("sync: 200 without the ids", _server_case(_always(200, b"OK"))),
    Scripted("sync: error body sets the title", _server_case(
        _always(400, b"\x1b]0;owned\x07\x1b[2J"), checks=(_no_escape,))),
    Scripted("sync --lrs http://127.0.0.1:abc/",
             lambda folder, data: Run(["sync", "--lrs", "http://127.0.0.1:abc/"], (2,),
                                      "http://127.0.0.1:abc/")),
    Scripted("report --out onto the database", _report_onto_database),
    Scripted("report --out onto a FIFO", _report_onto_fifo),
    Scripted("report --out onto a symlink", _report_onto_symlink),
    Scripted("play --result-json onto a FIFO", _result_onto_fifo),
    Scripted("play: par-cache.json is a FIFO (par searched cold)", _fifo_par_cache),
    Scripted("QUALIFIED_DATA_DIR=~nosuchuser/x", _no_such_home),
    Scripted("--autoplay --screenshots onto a file", _screenshots_onto_file),
    Scripted("play --player ''", lambda folder, data: Run(
        ["play", str(MINI), "--text", "--player", ""], (2,), "--player needs a name")),
    Scripted("report: a row of damaged JSON", _damaged_row),
    Scripted("analyze: a buying centre of 2,000", _big_centre(2000)),
    Scripted("play: escape sequence in the title", _escape_in_title),
    Scripted("play: second terminal, same attempt", _second_terminal),
    Scripted("play: resume after kill -9 of the first", _after_kill),
]


def copy_store(template: Path, target: Path) -> None:
    """A fresh copy of the prepared results database for one case."""
    shutil.copytree(template, target)


def said_problems(run: Run, said: str) -> list[str]:
    """What the process's output breaks of the case's contract (beyond exit code and time)."""
    problems = [problem for check in run.checks if (problem := check(said)) is not None]
    if run.names not in said:
        problems.append(f"{run.names!r} is not named")
    return problems

