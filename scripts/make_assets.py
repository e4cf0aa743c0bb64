#!/usr/bin/env python3
"""Generates the kiosk's own artwork and sounds in assets/ and their manifest.

The outputs are committed (small: a few kilobytes each); run this again after changing
it. Standard library only (PNG through zlib, WAV through wave), so it runs anywhere:
    python3 scripts/make_assets.py [--out assets]

assets/manifest.json uses the feed's manifest format (docs/feed-format.md): the kiosk
checks each file's size and SHA-256 when it loads it and falls back to its built-in
drawing or tone when one does not match.
"""
import argparse
import hashlib
import json
import math
import os
import struct
import wave
import zlib

PRIMARY = (0x00, 0x4E, 0x78)
ACCENT = (0xB3, 0x3A, 0x00)
BACKGROUND = (0xF7, 0xF4, 0xEE)
WHITE = (0xFF, 0xFF, 0xFF)


def write_png(path, width, height, pixel):
    """pixel(x, y) -> (r, g, b, a); 8-bit RGBA, deterministic bytes."""
    rows = bytearray()
    for y in range(height):
        rows.append(0)
        for x in range(width):
            rows.extend(pixel(x, y))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(png)


def mix(a, b, t):
    return tuple(int(round(a[i] + (b[i] - a[i]) * t)) for i in range(3))


def inside_pin(x, y, cx, cy, r):
    """A map pin: a disc of radius r at (cx, cy) over a point 1.6 r below it."""
    if (x - cx) ** 2 + (y - cy) ** 2 <= r * r:
        return True
    tip = cy + 1.6 * r
    if cy <= y <= tip:
        half = r * (tip - y) / (tip - cy) * 0.92
        return abs(x - cx) <= half
    return False


def icon(size):
    """The application icon: a rounded primary square with a white pin and a hole."""
    radius = size * 0.2
    def pixel(x, y):
        px, py = x + 0.5, y + 0.5
        dx = max(radius - px, 0, px - (size - radius))
        dy = max(radius - py, 0, py - (size - radius))
        if dx * dx + dy * dy > radius * radius:
            return (0, 0, 0, 0)
        cx, cy, r = size * 0.5, size * 0.38, size * 0.22
        if inside_pin(px, py, cx, cy, r) and (px - cx) ** 2 + (py - cy) ** 2 > (r * 0.42) ** 2:
            return WHITE + (255,)
        return mix(PRIMARY, ACCENT, py / size * 0.25) + (255,)
    return pixel


def placeholder(width, height, base):
    """Pale diagonal bands on the theme's colour (the kiosk draws a pictogram on top)."""
    band = max(8, min(width, height) // 8)
    def pixel(x, y):
        t = ((x + y) // band) % 2
        c = mix(base, WHITE, 0.10 if t else 0.0)
        return mix(c, ACCENT, 0.08 * y / height) + (255,)
    return pixel


def backdrop(width, height):
    """The attract loop's backdrop: the page colour with two soft discs in the corners."""
    r1, r2 = max(width, height) * 0.34, max(width, height) * 0.28
    def pixel(x, y):
        c = BACKGROUND
        d1 = math.hypot(x - width, y) / r1
        d2 = math.hypot(x, y - height) / r2
        if d1 < 1:
            c = mix(c, ACCENT, 0.09 * (1 - d1 * d1))
        if d2 < 1:
            c = mix(c, PRIMARY, 0.08 * (1 - d2 * d2))
        return c + (255,)
    return pixel


def write_tone(path, notes, rate=22050, volume=0.35):
    """notes: [(frequency Hz, seconds)], each with a 5 ms attack and an exponential decay."""
    frames = bytearray()
    for freq, seconds in notes:
        n = int(rate * seconds)
        for i in range(n):
            t = i / rate
            env = min(1.0, t / 0.005) * math.exp(-5.0 * t / seconds)
            v = volume * env * (math.sin(2 * math.pi * freq * t) + 0.25 * math.sin(4 * math.pi * freq * t))
            frames.extend(struct.pack("<h", int(max(-1, min(1, v)) * 32767)))
    with wave.open(path, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(bytes(frames))


# Earcons (docs/accessibility.md): short, distinct in pitch and shape, under 200 ms so
# they never hold up the speech that follows.
EARCONS = {
    "sounds/focus.wav": [(880, 0.045)],                 # focus moved: one short high tick
    "sounds/activate.wav": [(660, 0.05), (990, 0.08)],  # activated: rising pair
    "sounds/back.wav": [(740, 0.05), (494, 0.08)],      # back: falling pair
    "sounds/end.wav": [(330, 0.12)],                    # end of list: one low bump
}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "assets"))
    out = os.path.abspath(ap.parse_args().out)
    images = {
        "icon/kiosk-64.png": (64, 64, icon(64)),
        "icon/kiosk-256.png": (256, 256, icon(256)),
        "placeholders/demo.png": (320, 200, placeholder(320, 200, PRIMARY)),
        "placeholders/attract.png": (320, 240, placeholder(320, 240, PRIMARY)),
        "backgrounds/attract-landscape.png": (320, 180, backdrop(320, 180)),
        "backgrounds/attract-portrait.png": (180, 320, backdrop(180, 320)),
    }
    for rel, (w, h, px) in images.items():
        os.makedirs(os.path.dirname(os.path.join(out, rel)), exist_ok=True)
        write_png(os.path.join(out, rel), w, h, px)
    for rel, notes in EARCONS.items():
        os.makedirs(os.path.dirname(os.path.join(out, rel)), exist_ok=True)
        write_tone(os.path.join(out, rel), notes)
    files = []
    for rel in sorted(list(images) + list(EARCONS)):
        data = open(os.path.join(out, rel), "rb").read()
        files.append({"path": rel, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()})
    manifest = {"format": "kiosk-feed/1", "version": 1, "published": "2026-12-01T00:00:00Z", "files": files}
    with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")
    print(f"make_assets.py: {len(files)} files in {out}")


if __name__ == "__main__":
    main()
