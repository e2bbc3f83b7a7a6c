"""A real X display for window benchmarks and tests: Xvfb (Debian's `xvfb` package), started
on a free display number, and real key presses sent to it through the XTEST extension — the
path a keyboard's keys take through the X server to SDL, unlike events posted in-process.

    with virtual_display() as display:     # None when Xvfb is not installed
        env = {**os.environ, **x11_env(display)}
    keys = XKeys(display); keys.press("Down")   # in the process being measured, or beside it
    pixels = XPixels(display).grab(window_id, (w, h))  # what the server shows, as RGB rows
"""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import select
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager

SCREEN = (1600, 1000)  # the X screen: a laptop-sized desktop around a 1280×720 window
START_TIMEOUT = 10.0   # seconds Xvfb has to report its display number


def xvfb_path() -> str | None:
    """The Xvfb program, or None when it is not installed (`apt-get install xvfb`)."""
    return shutil.which("Xvfb")


@contextmanager
def virtual_display(size: tuple[int, int] = SCREEN) -> Iterator[str | None]:
    """Run Xvfb for the `with` block and give its display name (":N"), or None without Xvfb
    (or when it does not start in time). Xvfb picks a free number itself (-displayfd)."""
    program = xvfb_path()
    if program is None:
        yield None
        return
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [program, "-displayfd", str(write_end), "-screen", "0", f"{size[0]}x{size[1]}x24",
         "-nolisten", "tcp", "-noreset"],
        pass_fds=(write_end,), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL)
    os.close(write_end)
    try:
        number = b""
        while not number.endswith(b"\n"):
            ready, _, _ = select.select([read_end], [], [], START_TIMEOUT)
            chunk = os.read(read_end, 16) if ready else b""
            if not chunk:
                break
            number += chunk
        yield f":{int(number)}" if number.strip().isdigit() else None
    finally:
        os.close(read_end)
        server.terminate()
        try:
            server.wait(5)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def x11_env(display: str) -> dict[str, str]:
    """The environment that makes pygame open its window on `display` with SDL's X11 driver."""
    return {"DISPLAY": display, "SDL_VIDEODRIVER": "x11", "SDL_AUDIODRIVER": "dummy",
            "PYGAME_HIDE_SUPPORT_PROMPT": "1"}


KEYSYMS = {"Down": 0xFF54, "Up": 0xFF52, "Return": 0xFF0D, "Escape": 0xFF1B}


class XKeys:
    """Real key presses on an X display through XTEST (libXtst, installed with Xvfb). Its own
    connection to the server: safe to use from a thread beside pygame's."""

    def __init__(self, display: str) -> None:
        x11 = ctypes.util.find_library("X11")
        xtst = ctypes.util.find_library("Xtst")
        if x11 is None or xtst is None:
            raise OSError("libX11 or libXtst is missing (apt-get install xvfb installs both)")
        self.x11 = ctypes.CDLL(x11)
        self.xtst = ctypes.CDLL(xtst)
        self.x11.XOpenDisplay.restype = ctypes.c_void_p
        self.x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        self.x11.XKeysymToKeycode.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
        self.x11.XKeysymToKeycode.restype = ctypes.c_ubyte
        self.x11.XFlush.argtypes = [ctypes.c_void_p]
        self.x11.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
        self.x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
        self.xtst.XTestFakeKeyEvent.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.c_int,
                                                ctypes.c_ulong]
        self.xtst.XTestFakeMotionEvent.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int,
                                                   ctypes.c_int, ctypes.c_ulong]
        self.dpy = self.x11.XOpenDisplay(display.encode())
        if not self.dpy:
            raise OSError(f"cannot connect to the X display {display}")

    def point(self, x: int, y: int) -> None:
        """Move the pointer to (x, y) of the screen: with no window manager, keys go to the
        window under the pointer."""
        self.xtst.XTestFakeMotionEvent(self.dpy, -1, x, y, 0)
        self.x11.XSync(self.dpy, 0)

    def press(self, name: str) -> None:
        """Press and release one key (a name of KEYSYMS); returns once the server has it."""
        code = self.x11.XKeysymToKeycode(self.dpy, KEYSYMS[name])
        self.xtst.XTestFakeKeyEvent(self.dpy, code, 1, 0)
        self.xtst.XTestFakeKeyEvent(self.dpy, code, 0, 0)
        self.x11.XSync(self.dpy, 0)

    def close(self) -> None:
        """Close the connection."""
        if self.dpy:
            self.x11.XCloseDisplay(self.dpy)
            self.dpy = None


class _XImage(ctypes.Structure):
    """The leading fields of Xlib's XImage (the rest — its functions — is left unread)."""

    _fields_ = [("width", ctypes.c_int), ("height", ctypes.c_int), ("xoffset", ctypes.c_int),
                ("format", ctypes.c_int), ("data", ctypes.POINTER(ctypes.c_ubyte)),
                ("byte_order", ctypes.c_int), ("bitmap_unit", ctypes.c_int),
                ("bitmap_bit_order", ctypes.c_int), ("bitmap_pad", ctypes.c_int),
                ("depth", ctypes.c_int), ("bytes_per_line", ctypes.c_int),
                ("bits_per_pixel", ctypes.c_int), ("red_mask", ctypes.c_ulong),
                ("green_mask", ctypes.c_ulong), ("blue_mask", ctypes.c_ulong)]


Z_PIXMAP = 2
ALL_PLANES = 0xFFFFFFFFFFFFFFFF


class XPixels:
    """A window's pixels as the X server has them (XGetImage): what a screen shows, read back
    from the server rather than from the surface the game drew into. Its own connection."""

    def __init__(self, display: str) -> None:
        x11 = ctypes.util.find_library("X11")
        if x11 is None:
            raise OSError("libX11 is missing (apt-get install xvfb installs it)")
        self.x11 = ctypes.CDLL(x11)
        self.x11.XOpenDisplay.restype = ctypes.c_void_p
        self.x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        self.x11.XGetImage.restype = ctypes.POINTER(_XImage)
        self.x11.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int,
                                       ctypes.c_int, ctypes.c_uint, ctypes.c_uint,
                                       ctypes.c_ulong, ctypes.c_int]
        self.x11.XDestroyImage.argtypes = [ctypes.POINTER(_XImage)]
        self.x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
        self.dpy = self.x11.XOpenDisplay(display.encode())
        if not self.dpy:
            raise OSError(f"cannot connect to the X display {display}")

    def grab(self, window: int, size: tuple[int, int]) -> bytes:
        """The top-left `size` of `window` as RGB bytes, row after row (24-bit TrueColor, the
        visual Xvfb gives a 24-bit screen)."""
        import numpy as np

        image = self.x11.XGetImage(self.dpy, window, 0, 0, size[0], size[1], ALL_PLANES,
                                   Z_PIXMAP)
        if not image:
            raise OSError(f"XGetImage of window {window:#x} failed")
        try:
            got = image.contents
            if got.bits_per_pixel != 32 or got.depth != 24:
                raise OSError(f"a {got.depth}-bit visual at {got.bits_per_pixel} bits a pixel "
                              "(expected 24 at 32)")
            rows = np.ctypeslib.as_array(got.data, (got.height, got.bytes_per_line))
            pixels = rows[:, :got.width * 4].reshape(got.height, got.width, 4)
            shifts = [(mask & -mask).bit_length() - 1
                      for mask in (got.red_mask, got.green_mask, got.blue_mask)]
            order = [shift // 8 if got.byte_order == 0 else 3 - shift // 8 for shift in shifts]
            return pixels[:, :, order].tobytes()  # copied out before the image is freed
        finally:
            self.x11.XDestroyImage(image)

    def close(self) -> None:
        """Close the connection."""
        if self.dpy:
            self.x11.XCloseDisplay(self.dpy)
            self.dpy = None
