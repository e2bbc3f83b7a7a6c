"""The window and its loop: events in, the top screen reacts, a frame is drawn only when
something changed. With nothing to do it sleeps between short looks at the event queue, so an
idle window costs well under 1 % of a core.
"""
from __future__ import annotations

import os
import sys
import time
import warnings
from pathlib import Path
from typing import Protocol

import pygame

from game.ui.context import Context, Settings
from game.ui.fonts import TEXT_SCALES, Fonts
from game.ui.screen import Screen
from game.ui.sounds import Sounds
from game.ui.strings import LANGUAGE_NAMES, LANGUAGES, UIText

DEFAULT_SIZE = (1280, 720)
MINIMUM_SIZE = (800, 480)
# How the idle loop waits for input, per SDL video driver, chosen by measurement (bench/
# ui_bench.py --strategies; figures in docs/window.md). "wait" is pygame's event.wait(), which
# in pygame-ce is no sleep on the queue but a loop that pumps events and sleeps 1 ms, a thousand
# times a second, on every driver: 2.3 % of a core by itself on X11, 1.6 % on the dummy driver.
# "poll" takes the events and sleeps POLL_SECONDS in Python: 0.6 % on both. Drivers not
# measured here (wayland, windows, cocoa) run the same pygame-ce loop, so they poll too.
IDLE_WAIT = {"x11": "poll", "dummy": "poll", "offscreen": "poll"}
DEFAULT_IDLE_WAIT = "poll"
IDLE_WAIT_OVERRIDE = "QUALIFIED_IDLE_WAIT"  # "wait" or "poll": bench/ui_bench.py compares them
POLL_SECONDS = 0.02  # input waits at most this long (the latency target is 50 ms)
# On Linux, SDL 2.32 shows an X11 window's frames through an OpenGL texture; with Mesa's
# software OpenGL (llvmpipe: virtual machines, remote desktops, Xvfb) each frame then costs
# 12 ms of CPU in llvmpipe's threads, against 0.3 ms through X11's own shared-memory images
# (measured, docs/window.md). The game draws in software anyway, so it asks for the latter;
# SDL_FRAMEBUFFER_ACCELERATION=1 in the environment restores SDL's choice. (Wayland has no
# other path and keeps its own.)
FRAMEBUFFER_HINT = "SDL_FRAMEBUFFER_ACCELERATION"
EXIT_AFTER_FIRST_FRAME = "QUALIFIED_EXIT_AFTER_FIRST_FRAME"  # used by bench/ui_bench.py

_REDRAW_EVENTS = frozenset({pygame.WINDOWEXPOSED, pygame.WINDOWSHOWN, pygame.WINDOWRESTORED,
                            pygame.WINDOWMAXIMIZED})
_RESIZE_EVENTS = frozenset({pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED, pygame.WINDOWRESIZED})


def idle_wait_for(driver: str) -> str:
    """How the loop waits on `driver`: IDLE_WAIT's choice, unless the environment's
    QUALIFIED_IDLE_WAIT names one (the benchmark measures both)."""
    chosen = os.environ.get(IDLE_WAIT_OVERRIDE, "")
    if chosen in ("wait", "poll"):
        return chosen
    return IDLE_WAIT.get(driver, DEFAULT_IDLE_WAIT)


class Driver(Protocol):
    """Synthetic input (autoplay): called after every drawn frame; posts real events."""

    def step(self, app: App) -> None:
        """Look at the screen and post the next input event(s)."""


class App:
    """One game window: a stack of screens and the loop that runs them."""

    def __init__(self, size: tuple[int, int] = DEFAULT_SIZE, *, settings: Settings | None = None,
                 screenshots: Path | None = None, driver: Driver | None = None,
                 caption: str = "Qualified", settings_file: Path | None = None) -> None:
        if sys.platform.startswith("linux"):
            os.environ.setdefault(FRAMEBUFFER_HINT, "0")
        pygame.display.init()
        pygame.font.init()
        pygame.display.set_caption(caption)
        self.surface = pygame.display.set_mode(size, pygame.RESIZABLE)
        try:
            with warnings.catch_warnings():  # the display-module window is what we use
                warnings.simplefilter("ignore", DeprecationWarning)
                pygame.Window.from_display_module().minimum_size = MINIMUM_SIZE
        except (AttributeError, pygame.error):
            pass  # older SDL or a driver without windows: nothing to constrain
        settings = settings or Settings()
        self.ctx = Context(nav=self, fonts=Fonts(), sounds=Sounds(settings.muted),
                           settings=settings, size=self.surface.get_size())
        self.ctx.relayout()
        self.stack: list[Screen] = []
        self.running = True
        self.frames = 0
        self.driver = driver
        self.screenshots = screenshots
        self.shots: dict[str, Path] = {}
        self.exit_after_first_frame = bool(os.environ.get(EXIT_AFTER_FIRST_FRAME))
        self.settings_file = settings_file  # where changed settings are kept (None: nowhere)
        self._save_failed = False
        self.idle_wait = idle_wait_for(pygame.display.get_driver())
        self._last = time.perf_counter()
        self._text_input: bool | None = None

    # --- the navigator screens use ------------------------------------------------------------

    @property
    def top(self) -> Screen | None:
        """The screen receiving input."""
        return self.stack[-1] if self.stack else None

    def push(self, screen: Screen) -> None:
        """Put `screen` on top."""
        self.stack.append(screen)
        self._stack_changed()

    def pop(self) -> None:
        """Remove the top screen (closing the window when none is left)."""
        if self.stack:
            self.stack.pop()
        self._stack_changed()

    def replace(self, screen: Screen) -> None:
        """Swap the top screen for `screen`."""
        if self.stack:
            self.stack.pop()
        self.stack.append(screen)
        self._stack_changed()

    def reset(self, screen: Screen) -> None:
        """Empty the stack and show `screen`."""
        self.stack = [screen]
        self._stack_changed()

    def stop(self) -> None:
        """Leave the loop."""
        self.running = False

    def _stack_changed(self) -> None:
        self.ctx.redraw()
        if not self.stack:
            self.running = False
            return
        wants = self.stack[-1].wants_text_input
        if wants != self._text_input:
            self._text_input = wants
            if wants:
                pygame.key.start_text_input()
            else:
                pygame.key.stop_text_input()

    # --- the loop -----------------------------------------------------------------------------

    def run(self, first: Screen | None = None) -> None:
        """Show `first` (if given) and run until the window closes."""
        if first is not None:
            self.reset(first)
        while self.running and self.stack:
            self.step()

    def step(self, block: bool = True) -> None:
        """One pass: take the waiting events (sleeping for one when idle), update, draw."""
        events = pygame.event.get()
        idle = not events and not self.ctx.needs_redraw and self.driver is None
        if idle and block:
            events = self._wait(self._timeout())
        for event in events:
            self.dispatch(event)
            if not self.running:
                return
        now = time.perf_counter()
        dt, self._last = now - self._last, now
        self._tick(dt)
        if self.ctx.needs_redraw and self.stack:
            self.render()
            if self.frames == 1:
                self._after_first_frame()
        if self.driver is not None and self.running and self.frames:
            self.driver.step(self)

    def _timeout(self) -> float | None:
        waits = [w for w in (self.ctx.toast_left or None,
                             self.top.next_wakeup() if self.top else None) if w is not None]
        return max(0.001, min(waits)) if waits else None

    def _wait(self, timeout: float | None) -> list[pygame.event.Event]:
        if self.idle_wait == "wait":
            event = pygame.event.wait() if timeout is None else pygame.event.wait(
                max(1, int(timeout * 1000)))
            first = [] if event.type == pygame.NOEVENT else [event]
            return first + pygame.event.get()
        deadline = None if timeout is None else time.perf_counter() + timeout
        while True:
            events = pygame.event.get()
            if events:
                return events
            left = POLL_SECONDS if deadline is None else deadline - time.perf_counter()
            if left <= 0:
                return []
            time.sleep(min(POLL_SECONDS, left))

    def _tick(self, dt: float) -> None:
        ctx = self.ctx
        if ctx.toast_left > 0:
            ctx.toast_left -= dt
            if ctx.toast_left <= 0:
                ctx.toast_left = 0.0
                ctx.toast_text = ""
                ctx.redraw()
        if self.top is not None:
            self.top.update(dt)

    def _after_first_frame(self) -> None:
        if self.exit_after_first_frame:
            self.running = False
            return
        self.ctx.sounds.warm_up()

    # --- events -------------------------------------------------------------------------------

    def dispatch(self, event: pygame.event.Event) -> None:
        """Route one event: window events and global shortcuts here, the rest to the top screen."""
        if event.type == pygame.QUIT:
            from game.ui import flow

            flow.close_window(self.ctx)
            return
        if event.type in _RESIZE_EVENTS:
            self._resized()
            return
        if event.type in _REDRAW_EVENTS:
            self.ctx.redraw()
            return
        if event.type == pygame.KEYDOWN and self._shortcut(event):
            return
        top = self.top
        if top is not None:
            top.ensure_layout()
            top.handle_event(event)

    def _resized(self) -> None:
        surface = pygame.display.get_surface()
        if surface is not None:
            self.surface = surface
        if self.surface.get_size() != self.ctx.size:
            self.ctx.size = self.surface.get_size()
            self.ctx.relayout()
        self.ctx.redraw()

    def _shortcut(self, event: pygame.event.Event) -> bool:
        """Settings keys that work on every screen. True when the key was one of them."""
        ctx, settings = self.ctx, self.ctx.settings
        ctrl = bool(event.mod & pygame.KMOD_CTRL)
        key = event.key
        if ctrl and key in (pygame.K_PLUS, pygame.K_EQUALS, pygame.K_KP_PLUS):
            return self._text_scale(settings.text_scale + 1)
        if ctrl and key in (pygame.K_MINUS, pygame.K_KP_MINUS):
            return self._text_scale(settings.text_scale - 1)
        if ctrl and key in (pygame.K_0, pygame.K_KP_0):
            return self._text_scale(TEXT_SCALES.index(1.0))
        if key == pygame.K_F5 and self.top is not None and self.top.reloadable:
            from game.ui import flow

            flow.reload(ctx)
            return True
        typing = self.top is not None and self.top.wants_text_input
        if typing and not ctrl:
            return False
        if key == pygame.K_m:
            settings.muted = ctx.sounds.muted = not settings.muted
            ctx.toast(ctx.text.get("toast-sound-off" if settings.muted else "toast-sound-on"))
            if not settings.muted:
                ctx.sounds.play("click")
            self._keep_settings()
            return True
        if key == pygame.K_l:
            current = ctx.text.language  # the base language of a regional tag (es-MX → es)
            chosen = settings.language or current
            settings.language = LANGUAGES[(LANGUAGES.index(chosen) + 1) % len(LANGUAGES)]
            ctx.relayout()
            if ctx.session is not None:  # the scenario keeps its own language until it ends
                ctx.toast(UIText(settings.language).get(
                    "toast-language-later", name=LANGUAGE_NAMES[settings.language]), 3.0)
            else:
                ctx.toast(UIText(settings.language).get("toast-language",
                                                        name=LANGUAGE_NAMES[settings.language]))
            self._keep_settings()
            return True
        if key == pygame.K_h:
            settings.high_contrast = not settings.high_contrast
            ctx.relayout()
            ctx.toast(ctx.text.get("toast-contrast-on" if settings.high_contrast
                                   else "toast-contrast-off"))
            self._keep_settings()
            return True
        return False

    def _text_scale(self, index: int) -> bool:
        ctx = self.ctx
        ctx.settings.text_scale = max(0, min(len(TEXT_SCALES) - 1, index))
        ctx.relayout()
        ctx.toast(ctx.text.get("toast-text-size",
                               pct=round(100 * TEXT_SCALES[ctx.settings.text_scale])))
        self._keep_settings()
        return True

    def _keep_settings(self) -> None:
        """Save the settings for the next run; say once if they cannot be."""
        if self.settings_file is None:
            return
        from game.ui.prefs import save_settings

        problem = save_settings(self.ctx.settings, self.settings_file)
        if problem and not self._save_failed:
            self._save_failed = True
            self.ctx.toast(problem, 6.0)

    # --- drawing ------------------------------------------------------------------------------

    def render(self) -> None:
        """Draw the visible screens (from the topmost opaque one up), the toast, and show the
        frame — all of it, or only the part asked for when nothing else changed (the focus
        moving in a meeting's options: on X11 a quarter of the CPU of a whole frame)."""
        ctx = self.ctx
        area = ctx.dirty if self.frames else None  # only part of the window changed
        ctx.needs_redraw, ctx.dirty = False, None
        if area is not None:
            self.surface.set_clip(area)
        start = 0
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i].opaque:
                start = i
                break
        for screen in self.stack[start:]:
            screen.ensure_layout()
            screen.draw(self.surface)
        if ctx.toast_text:
            self._draw_toast()
        if area is None:
            pygame.display.flip()
        else:
            self.surface.set_clip(None)
            pygame.display.update(area)
        self.frames += 1
        ctx.frames = self.frames
        self._screenshot()

    def _draw_toast(self) -> None:
        ctx = self.ctx
        theme = ctx.theme
        pad = ctx.px(10)
        w, h = self.surface.get_size()
        room = w - 2 * ctx.px(40) - 2 * pad  # a long message (a file's path) wraps
        wrap = room if ctx.fonts.width(ctx.toast_text, "small-bold") > room else 0
        text = ctx.fonts.render(ctx.toast_text, "small-bold", theme.on_accent, wrap)
        box = pygame.Rect(0, 0, text.get_width() + 2 * pad, text.get_height() + 2 * pad)
        box.midbottom = (w // 2, h - 2 * ctx.fonts.line_height("tiny") - ctx.px(30))
        pygame.draw.rect(self.surface, theme.accent, box, border_radius=ctx.px(8))
        pygame.draw.rect(self.surface, theme.border, box, theme.line, border_radius=ctx.px(8))
        self.surface.blit(text, (box.x + pad, box.y + pad))

    def _screenshot(self) -> None:
        if self.screenshots is None or self.top is None:
            return
        name = self.top.shot_name
        if name in self.shots:
            return
        self.screenshots.mkdir(parents=True, exist_ok=True)
        path = self.screenshots / f"{len(self.shots) + 1:02d}-{name}.png"
        pygame.image.save(self.surface, str(path))
        self.shots[name] = path
