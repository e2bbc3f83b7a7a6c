"""The pygame-ce window front end: an app loop, a push/pop stack of screens, hand-drawn widgets.

Only this package and game/cli/window.py import pygame. Screens present what the engine hands out
(options, lines, the deal board, the debrief); they never decide a rule of the game.
"""
import os as _os

_os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # before any `import pygame` below
