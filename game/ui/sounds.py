"""Short sounds synthesised with numpy (no audio files), with a mute switch (M).

numpy and the mixer are loaded on the first sound, not at start-up, so the first frame comes
fast. Without an audio device the game stays silent instead of failing.
"""
from __future__ import annotations

from typing import Any

import pygame

RATE = 22050

# name → list of (frequency Hz, seconds); each note gets a soft attack and a decay.
NOTES: dict[str, list[tuple[float, float]]] = {
    "click": [(880.0, 0.035)],
    "open": [(660.0, 0.04), (880.0, 0.05)],
    "good": [(660.0, 0.07), (990.0, 0.11)],
    "bad": [(220.0, 0.09), (185.0, 0.14)],
    "won": [(523.3, 0.09), (659.3, 0.09), (784.0, 0.09), (1046.5, 0.22)],
    "lost": [(392.0, 0.12), (311.1, 0.12), (261.6, 0.25)],
    "tag": [(740.0, 0.05)],
}


def synthesise(notes: list[tuple[float, float]], rate: int = RATE, volume: float = 0.25) -> Any:
    """The samples (int16 numpy array, mono) of a little tune: sine plus a soft octave."""
    import numpy as np

    parts = []
    for frequency, seconds in notes:
        t = np.arange(int(rate * seconds)) / rate
        wave = np.sin(2 * np.pi * frequency * t) + 0.3 * np.sin(4 * np.pi * frequency * t)
        attack = np.minimum(1.0, t / 0.005)
        decay = np.exp(-t / (seconds * 0.45))
        parts.append(wave * attack * decay)
    samples = np.concatenate(parts) * (volume / 1.3)
    return (samples * 32767).astype(np.int16)


class Sounds:
    """Plays the named sounds unless muted; silent when there is no audio device."""

    def __init__(self, muted: bool = False) -> None:
        self.muted = muted
        self._sounds: dict[str, pygame.mixer.Sound] | None = None
        self._failed = False
        self.played: list[str] = []  # what was asked for (tests read it)

    def _load(self) -> dict[str, pygame.mixer.Sound]:
        if self._sounds is not None:
            return self._sounds
        self._sounds = {}
        try:
            import numpy as np
            import pygame.sndarray

            if pygame.mixer.get_init() is None:
                pygame.mixer.init(frequency=RATE, size=-16, channels=2, buffer=512)
            frequency, _, channels = pygame.mixer.get_init()
            for name, notes in NOTES.items():
                mono = synthesise(notes, frequency)
                data = mono if channels == 1 else np.repeat(mono[:, None], channels, axis=1)
                self._sounds[name] = pygame.sndarray.make_sound(np.ascontiguousarray(data))
        except (pygame.error, ImportError, ValueError, TypeError):
            self._failed = True
        return self._sounds

    def warm_up(self) -> None:
        """Prepare the sounds now (called once the first frame is up)."""
        if not self.muted:
            self._load()

    def play(self, name: str) -> None:
        """Play sound `name` (no-op when muted or without audio)."""
        self.played.append(name)
        if self.muted or self._failed:
            return
        sound = self._load().get(name)
        if sound is not None:
            sound.play()
