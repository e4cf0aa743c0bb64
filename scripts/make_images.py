#!/usr/bin/env python3
# Draws every image referenced by the bundled feed in content/ (session and demo illustrations,
# territory map, floor plans) into content/images/ as PNG with Pillow — deterministic, offline.
"""Draw the images of the bundled default feed.

The script reads content/sessions.json, demos.json, places.json and maps.json, finds every image
they reference and draws it: illustration cards (960x600) for sessions and demos, the territory
map with the projection and bounds given in maps.json (so that places line up with the drawing;
place markers are NOT drawn, the kiosk draws them) and floor plans whose rooms are the polygons
of maps.json. The output only depends on the content files and this script: no randomness
without a fixed seed, no timestamps, no network. Run it again after editing the content, then
rebuild the manifest with `kiosk-feed build content`.

Needs Pillow (Debian package python3-pil) and the DejaVu fonts (fonts-dejavu-core).
"""

import argparse
import json
import math
import os
import random
import sys
import zlib

try:
    from PIL import Image, ImageDraw, ImageFont
except ImportError:  # a python3 from pyenv/venv may not see Debian's python3-pil
    for _extra in ("/usr/lib/python3/dist-packages",):
        if os.path.isdir(os.path.join(_extra, "PIL")) and _extra not in sys.path:
            sys.path.append(_extra)
    try:
        from PIL import Image, ImageDraw, ImageFont
    except ImportError:
        sys.exit("make_images.py: Pillow is missing: apt-get install python3-pil "
                 "(then run it with /usr/bin/python3)")

FONT_DIR = "/usr/share/fonts/truetype/dejavu/"
FONT_REGULAR = FONT_DIR + "DejaVuSans.ttf"
FONT_BOLD = FONT_DIR + "DejaVuSans-Bold.ttf"
FONT_ITALIC = FONT_DIR + "DejaVuSans-Oblique.ttf"

CARD_W, CARD_H = 960, 600
MAP_W, MAP_H = 1600, 1400
SS = 2  # supersampling factor (drawn at SS x size, then reduced: smooth edges)

EVENT_TAG = "Semaine Culture & Numérique 2027"
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre"]
WEEKDAYS = ["Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche"]

# Soft palettes: background, soft shapes, three accents, ink.
PALETTES = {
    "blue":   dict(bg=(237, 243, 250), soft=(214, 228, 244), a=(58, 108, 170), b=(238, 146, 88), c=(118, 176, 146), ink=(34, 44, 62)),
    "terra":  dict(bg=(250, 242, 233), soft=(243, 223, 200), a=(196, 98, 58), b=(78, 128, 160), c=(228, 178, 78), ink=(58, 40, 32)),
    "green":  dict(bg=(239, 246, 236), soft=(218, 234, 209), a=(74, 138, 88), b=(222, 118, 98), c=(88, 118, 178), ink=(34, 52, 40)),
    "violet": dict(bg=(245, 240, 250), soft=(228, 217, 242), a=(118, 88, 168), b=(240, 168, 78), c=(78, 158, 168), ink=(44, 36, 62)),
    "sun":    dict(bg=(252, 246, 230), soft=(245, 231, 190), a=(206, 146, 38), b=(68, 118, 170), c=(198, 88, 88), ink=(56, 46, 26)),
    "teal":   dict(bg=(235, 246, 246), soft=(208, 233, 233), a=(38, 136, 148), b=(228, 118, 108), c=(238, 188, 88), ink=(28, 50, 56)),
}

# image file name (without .png) -> (motif, palette). Unknown names get a generic motif.
CARDS = {
    "session-ouverture": ("ribbon_volcano", "blue"),
    "session-education-medias": ("magnifier_phone", "violet"),
    "session-table-ronde-inclusion": ("speech_bubbles", "green"),
    "session-oeuvres-3d": ("wire_vase", "terra"),
    "session-robots": ("robot", "teal"),
    "session-realite-virtuelle": ("vr_kiln", "terra"),
    "session-fete-cloture": ("party", "sun"),
    "demo-casque-vr-1": ("vr_gergovie", "blue"),
    "demo-casque-vr-2": ("chair_headset", "blue"),
    "demo-ceramiques-3d-1": ("wire_bowl", "terra"),
    "demo-ceramiques-3d-2": ("touchscreen_vases", "terra"),
    "demo-ceramiques-3d-3": ("leaf_decor", "terra"),
    "demo-decoupe-laser-1": ("laser_cutter", "sun"),
    "demo-decoupe-laser-2": ("wood_objects", "sun"),
    "demo-liseuse-1": ("ereader", "sun"),
    "demo-avatar-lsf-1": ("avatar", "violet"),
    "demo-avatar-lsf-2": ("hands", "violet"),
    "demo-robots-1": ("robots_grid", "teal"),
    "demo-robots-2": ("code_blocks", "teal"),
    "demo-archives-1": ("touch_table_map", "terra"),
    "demo-archives-2": ("postcards", "terra"),
    "demo-podcast-1": ("microphones", "violet"),
    "demo-retrogaming-1": ("gamepad_pong", "green"),
    "demo-retrogaming-2": ("arcade", "green"),
    "demo-carte-tactile-1": ("tactile_map", "blue"),
    "demo-carte-tactile-2": ("hand_river", "blue"),
    "demo-impression-3d-1": ("printer_3d", "teal"),
    "demo-bac-sable-1": ("sandbox_contours", "green"),
    "demo-bac-sable-2": ("lava_volcano", "sun"),
    "demo-conseillers-1": ("advisers", "blue"),
    "demo-table-mixage-1": ("film_strip", "violet"),
    "demo-synthes-1": ("synth", "teal"),
    "demo-photogrammetrie-1": ("turntable_phone", "green"),
}

# Simplified outline of the Puy-de-Dôme (lon, lat), clockwise from the northern tip.
OUTLINE = [
    (2.88, 46.255), (2.94, 46.23), (2.98, 46.19), (3.02, 46.14), (3.04, 46.09), (3.10, 46.07),
    (3.17, 46.08), (3.23, 46.06), (3.30, 46.07), (3.36, 46.09), (3.42, 46.08), (3.48, 46.06),
    (3.53, 46.03), (3.58, 46.00), (3.64, 45.98), (3.69, 45.95), (3.72, 45.91), (3.71, 45.86),
    (3.74, 45.81), (3.73, 45.76), (3.76, 45.71), (3.78, 45.66), (3.81, 45.61), (3.85, 45.56),
    (3.91, 45.53), (3.96, 45.50), (3.985, 45.46), (3.96, 45.42), (3.91, 45.39), (3.85, 45.37),
    (3.79, 45.35), (3.73, 45.34), (3.66, 45.33), (3.60, 45.35), (3.53, 45.37), (3.46, 45.39),
    (3.39, 45.40), (3.32, 45.40), (3.26, 45.41), (3.20, 45.39), (3.15, 45.36), (3.10, 45.32),
    (3.04, 45.287), (2.99, 45.31), (2.94, 45.35), (2.88, 45.38), (2.81, 45.40), (2.74, 45.40),
    (2.66, 45.41), (2.58, 45.42), (2.51, 45.42), (2.50, 45.47), (2.53, 45.52), (2.50, 45.57),
    (2.46, 45.62), (2.44, 45.68), (2.40, 45.73), (2.39, 45.78), (2.42, 45.83), (2.46, 45.88),
    (2.49, 45.93), (2.50, 45.98), (2.47, 46.03), (2.49, 46.08), (2.55, 46.12), (2.61, 46.13),
    (2.67, 46.15), (2.73, 46.18), (2.79, 46.21), (2.84, 46.24),
]
RIVERS = {
    "Allier": [(3.37, 45.30), (3.34, 45.37), (3.31, 45.42), (3.29, 45.47), (3.26, 45.51), (3.255, 45.55),
               (3.23, 45.59), (3.21, 45.63), (3.22, 45.68), (3.225, 45.73), (3.24, 45.77), (3.26, 45.80),
               (3.29, 45.84), (3.32, 45.89), (3.35, 45.94), (3.38, 45.98), (3.40, 46.02), (3.41, 46.07),
               (3.42, 46.13), (3.43, 46.20), (3.45, 46.30)],
    "Dore": [(3.70, 45.35), (3.71, 45.42), (3.73, 45.49), (3.745, 45.55), (3.72, 45.60), (3.66, 45.66),
             (3.60, 45.71), (3.55, 45.75), (3.53, 45.80), (3.50, 45.86), (3.47, 45.91), (3.44, 45.96),
             (3.40, 46.00)],
    "Sioule": [(2.85, 45.66), (2.86, 45.72), (2.84, 45.78), (2.85, 45.83), (2.81, 45.88), (2.79, 45.92),
               (2.83, 45.97), (2.88, 46.02), (2.90, 46.06), (2.92, 46.10), (2.98, 46.12), (3.05, 46.12),
               (3.12, 46.14), (3.20, 46.20), (3.26, 46.26)],
    "Dordogne": [(2.815, 45.525), (2.81, 45.575), (2.745, 45.59), (2.68, 45.60), (2.62, 45.585),
                 (2.57, 45.56), (2.535, 45.52), (2.51, 45.47), (2.50, 45.42), (2.47, 45.36), (2.43, 45.30),
                 (2.40, 45.25)],
}
RIVER_LABELS = [("Allier", 3.275, 45.62, "la"), ("Dore", 3.66, 45.70, "la"),
                ("Sioule", 2.935, 46.05, "la"), ("Dordogne", 2.60, 45.62, "lm")]
PUYS = [(2.935, 45.875), (2.955, 45.855), (2.975, 45.84), (2.94, 45.815), (2.972, 45.797),
        (2.938, 45.795), (2.985, 45.755), (2.97, 45.738), (2.915, 45.713), (2.90, 45.70),
        (2.93, 45.69), (2.95, 45.672)]
PUY_DE_DOME = (2.9644, 45.7725)
SANCY = [(2.79, 45.555), (2.845, 45.548), (2.814, 45.528)]
LAKES = [(2.8878, 45.4958, 0.007), (2.905, 45.572, 0.008), (2.83, 45.62, 0.006)]
REGION_LABELS = [("Chaîne des Puys", 2.90, 45.905, "rm"), ("Monts Dore", 2.77, 45.465, "mm"),
                 ("Livradois", 3.56, 45.48, "mm"), ("Forez", 3.86, 45.64, "mm"),
                 ("Combrailles", 2.66, 45.99, "mm"), ("Limagne", 3.26, 45.99, "mm"),
                 ("Artense", 2.63, 45.50, "mm")]
NEIGHBOURS = [("ALLIER", 3.20, 46.21, "mm"), ("CREUSE", 2.35, 46.00, "lm"), ("CORRÈZE", 2.35, 45.49, "lm"),
              ("CANTAL", 2.76, 45.32, "mm"), ("HAUTE-LOIRE", 3.45, 45.30, "mm"), ("LOIRE", 3.90, 45.86, "mm")]
# Towns that host no venue, drawn small and grey to help finding one's way.
TOWNS = [("Issoire", 3.2494, 45.5442, "la"), ("Billom", 3.3392, 45.7225, "la"), ("Courpière", 3.5392, 45.7556, "la"),
         ("Pontaumur", 2.6753, 45.8664, "la"), ("Aigueperse", 3.2022, 46.0244, "la")]


# ----------------------------------------------------------------------------- drawing helpers

_FONTS = {}


def font(size, style="regular"):
    path = {"regular": FONT_REGULAR, "bold": FONT_BOLD, "italic": FONT_ITALIC}[style]
    key = (path, int(size))
    if key not in _FONTS:
        _FONTS[key] = ImageFont.truetype(path, int(size))
    return _FONTS[key]


def mix(c1, c2, t):
    return tuple(int(round(a + (b - a) * t)) for a, b in zip(c1, c2))


def lighter(c, t=0.5):
    return mix(c, (255, 255, 255), t)


def darker(c, t=0.3):
    return mix(c, (0, 0, 0), t)


class Canvas:
    """A supersampled drawing surface addressed in final-image coordinates."""

    def __init__(self, w, h, bg, s=SS):
        self.w, self.h, self.s = w, h, s
        self.img = Image.new("RGB", (w * s, h * s), bg)
        self.d = ImageDraw.Draw(self.img)

    def _p(self, pts):
        return [(x * self.s, y * self.s) for x, y in pts]

    def rect(self, x0, y0, x1, y1, fill=None, outline=None, width=1, radius=0):
        box = [x0 * self.s, y0 * self.s, x1 * self.s, y1 * self.s]
        if radius:
            self.d.rounded_rectangle(box, radius * self.s, fill=fill, outline=outline, width=int(width * self.s))
        else:
            self.d.rectangle(box, fill=fill, outline=outline, width=int(width * self.s))

    def ellipse(self, cx, cy, rx, ry, fill=None, outline=None, width=1):
        box = [(cx - rx) * self.s, (cy - ry) * self.s, (cx + rx) * self.s, (cy + ry) * self.s]
        self.d.ellipse(box, fill=fill, outline=outline, width=int(width * self.s))

    def circle(self, cx, cy, r, fill=None, outline=None, width=1):
        self.ellipse(cx, cy, r, r, fill, outline, width)

    def poly(self, pts, fill=None, outline=None, width=1):
        pts = self._p(pts)
        if fill is not None:
            self.d.polygon(pts, fill=fill)
        if outline is not None:
            self.d.line(pts + [pts[0]], fill=outline, width=int(width * self.s), joint="curve")

    def line(self, pts, fill, width=1, round_caps=True):
        p = self._p(pts)
        w = int(width * self.s)
        self.d.line(p, fill=fill, width=w, joint="curve")
        if round_caps and w > 2:
            for x, y in (p[0], p[-1]):
                self.d.ellipse([x - w / 2, y - w / 2, x + w / 2, y + w / 2], fill=fill)

    def arc(self, cx, cy, r, start, end, fill, width=1):
        box = [(cx - r) * self.s, (cy - r) * self.s, (cx + r) * self.s, (cy + r) * self.s]
        self.d.arc(box, start, end, fill=fill, width=int(width * self.s))

    def text(self, x, y, s, size, fill, style="regular", anchor="la", spacing=0):
        f = font(size * self.s, style)
        if spacing:
            # letter-spaced capitals (map labels)
            widths = [f.getlength(ch) + spacing * self.s for ch in s]
            total = sum(widths) - spacing * self.s
            h_anchor, v_anchor = anchor[0], anchor[1]
            x0 = x * self.s - {"l": 0, "m": total / 2, "r": total}[h_anchor]
            for ch, wch in zip(s, widths):
                self.d.text((x0, y * self.s), ch, font=f, fill=fill, anchor="l" + v_anchor)
                x0 += wch
            return
        self.d.text((x * self.s, y * self.s), s, font=f, fill=fill, anchor=anchor)

    def text_width(self, s, size, style="regular"):
        return font(size * self.s, style).getlength(s) / self.s

    def result(self):
        return self.img.resize((self.w, self.h), Image.LANCZOS)


def wrap(c, text, size, style, max_w):
    words, lines, cur = text.split(), [], ""
    for w in words:
        trial = (cur + " " + w).strip()
        if c.text_width(trial, size, style) <= max_w or not cur:
            cur = trial
        else:
            lines.append(cur)
            cur = w
    if cur:
        lines.append(cur)
    return lines


def gauss_hill(x0, x1, cx, base, height, width, steps=60):
    pts = [(x0, base)]
    for i in range(steps + 1):
        x = x0 + (x1 - x0) * i / steps
        pts.append((x, base - height * math.exp(-((x - cx) / width) ** 2)))
    pts.append((x1, base))
    return pts


def vase_profile(kind):
    """(dy, radius) pairs from the rim down."""
    if kind == "bowl":
        return [(0, 120), (20, 124), (60, 118), (100, 96), (130, 62), (140, 40)]
    if kind == "jug":
        return [(0, 22), (30, 20), (60, 40), (110, 62), (160, 58), (190, 40)]
    return [(0, 58), (22, 46), (60, 74), (130, 98), (190, 70), (230, 42)]


def profile_at(profile, t):
    """interpolated radius at fraction t of the height"""
    total = profile[-1][0]
    y = t * total
    for (y0, r0), (y1, r1) in zip(profile, profile[1:]):
        if y0 <= y <= y1:
            u = 0 if y1 == y0 else (y - y0) / (y1 - y0)
            u = (1 - math.cos(u * math.pi)) / 2
            return y, r0 + (r1 - r0) * u
    return total, profile[-1][1]


def vase_outline(cx, top, profile):
    left, right = [], []
    for i in range(41):
        y, r = profile_at(profile, i / 40)
        left.append((cx - r, top + y))
        right.append((cx + r, top + y))
    return left + right[::-1]


def wire_vessel(c, cx, top, profile, color, width=2.5, meridians=12, rings=9, tilt=0.22):
    # rings
    for i in range(rings + 1):
        y, r = profile_at(profile, i / rings)
        c.ellipse(cx, top + y, r, r * tilt, outline=color, width=width)
    # meridians (front half strong, back half light)
    for k in range(meridians):
        th = 2 * math.pi * k / meridians
        pts = []
        for i in range(41):
            y, r = profile_at(profile, i / 40)
            pts.append((cx + r * math.cos(th), top + y + r * tilt * math.sin(th)))
        col = color if math.sin(th) >= 0 else lighter(color, 0.55)
        c.line(pts, col, width * (1 if math.sin(th) >= 0 else 0.7), round_caps=False)


def bubble(c, x0, y0, x1, y1, fill, tail_left=True, dots=(255, 255, 255)):
    c.rect(x0, y0, x1, y1, fill=fill, radius=22)
    tx = x0 + 40 if tail_left else x1 - 40
    c.poly([(tx - 14, y1 - 2), (tx + 14, y1 - 2), (tx + (-18 if tail_left else 18), y1 + 26)], fill=fill)
    if dots:
        my = (y0 + y1) / 2
        mx = (x0 + x1) / 2
        for dx in (-22, 0, 22):
            c.circle(mx + dx, my, 7, fill=dots)


def person(c, cx, base, color, skin=(236, 200, 170), scale=1.0):
    s = scale
    c.rect(cx - 48 * s, base - 110 * s, cx + 48 * s, base, fill=color, radius=40 * s)
    c.circle(cx, base - 150 * s, 34 * s, fill=skin)


def hand(c, cx, cy, color, fingers=(1, 1, 1, 1), thumb=True, s=1.0):
    # palm + four fingers (1 = raised, 0 = folded) + thumb
    c.rect(cx - 40 * s, cy - 20 * s, cx + 40 * s, cy + 60 * s, fill=color, radius=22 * s)
    for i, up in enumerate(fingers):
        x = cx - 32 * s + i * 21 * s
        h = (70 + (8 if i in (1, 2) else 0)) * s if up else 22 * s
        c.rect(x, cy - 20 * s - h, x + 17 * s, cy + 4 * s, fill=color, radius=8.5 * s)
    if thumb:
        c.poly([(cx - 40 * s, cy + 30 * s), (cx - 78 * s, cy - 8 * s), (cx - 64 * s, cy - 22 * s),
                (cx - 34 * s, cy + 6 * s)], fill=color)
        c.circle(cx - 71 * s, cy - 15 * s, 10 * s, fill=color)


# ----------------------------------------------------------------------------- motifs
# Each motif draws in the upper part of a 960x600 card (roughly x 180..780, y 60..390).

def m_ribbon_volcano(c, p, rng):
    c.circle(700, 120, 46, fill=lighter(p["b"], 0.25))
    c.poly(gauss_hill(160, 800, 320, 390, 130, 70), fill=lighter(p["c"], 0.45))
    c.poly(gauss_hill(160, 800, 660, 390, 110, 65), fill=lighter(p["c"], 0.45))
    c.poly(gauss_hill(160, 800, 480, 390, 250, 115), fill=p["c"])
    c.poly(gauss_hill(420, 540, 480, 392, 40, 28), fill=darker(p["c"], 0.12))
    for off, col, ph in ((0, p["a"], 0.0), (26, p["b"], 0.6)):
        pts = [(170 + 620 * t / 80, 330 + off + 26 * math.sin(2 * math.pi * (t / 80 * 1.4) + ph)) for t in range(81)]
        c.line(pts, col, 16)
    for _ in range(26):
        x, y = rng.uniform(180, 780), rng.uniform(80, 250)
        c.circle(x, y, rng.uniform(3, 7), fill=rng.choice([p["a"], p["b"], lighter(p["a"], 0.4)]))


def m_magnifier_phone(c, p, rng):
    c.rect(330, 70, 530, 390, fill=p["ink"], radius=30)
    c.rect(344, 96, 516, 364, fill=(255, 255, 255), radius=10)
    c.rect(360, 112, 500, 190, fill=lighter(p["c"], 0.3), radius=6)
    c.poly(gauss_hill(360, 500, 430, 190, 50, 30), fill=p["c"])
    for i, w in enumerate((130, 110, 135, 90, 120, 70)):
        c.rect(362, 210 + i * 24, 362 + w, 222 + i * 24, fill=lighter(p["ink"], 0.75), radius=6)
    c.line([(640, 290), (720, 370)], p["ink"], 26)
    c.circle(590, 240, 88, fill=lighter(p["soft"], 0.5))
    c.circle(590, 240, 88, outline=p["ink"], width=14)
    c.text(590, 244, "?", 96, p["a"], "bold", "mm")
    c.circle(250, 150, 36, fill=p["c"])
    c.line([(232, 152), (246, 166), (270, 136)], (255, 255, 255), 9)
    c.circle(250, 270, 36, fill=p["b"])
    c.line([(236, 256), (264, 284)], (255, 255, 255), 9)
    c.line([(264, 256), (236, 284)], (255, 255, 255), 9)


def m_speech_bubbles(c, p, rng):
    c.poly(gauss_hill(120, 840, 250, 390, 90, 160), fill=lighter(p["c"], 0.55))
    c.poly(gauss_hill(120, 840, 700, 390, 120, 170), fill=lighter(p["c"], 0.4))
    bubble(c, 200, 90, 380, 180, p["a"], True)
    bubble(c, 410, 70, 570, 160, p["b"], True)
    bubble(c, 600, 100, 770, 190, p["c"], False)
    bubble(c, 330, 200, 480, 270, lighter(p["a"], 0.3), False)
    c.rect(230, 320, 730, 342, fill=p["ink"], radius=8)
    for x in (300, 420, 540, 660):
        c.circle(x, 300, 18, fill=lighter(p["ink"], 0.3))
    c.rect(270, 342, 286, 392, fill=p["ink"])
    c.rect(674, 342, 690, 392, fill=p["ink"])


def m_wire_vase(c, p, rng):
    c.rect(200, 150, 380, 370, fill=p["ink"], radius=22)
    c.rect(214, 164, 366, 356, fill=lighter(p["soft"], 0.4), radius=8)
    c.poly(vase_outline(290, 190, [(y * 0.62, r * 0.62) for y, r in vase_profile("vase")]), fill=p["a"])
    wire_vessel(c, 580, 120, vase_profile("vase"), p["a"], width=2.5)
    c.arc(580, 240, 170, 200, 250, p["b"], 5)
    c.arc(580, 240, 170, 20, 70, p["b"], 5)


def m_wire_bowl(c, p, rng):
    wire_vessel(c, 480, 150, vase_profile("bowl"), p["a"], width=3, meridians=16, rings=7, tilt=0.28)
    c.ellipse(480, 315, 60, 12, fill=lighter(p["ink"], 0.8))
    for x, y in ((250, 120), (720, 130), (700, 330), (260, 320)):
        c.circle(x, y, 8, fill=p["b"])
        c.line([(x, y), (480, 220)], lighter(p["b"], 0.6), 2, round_caps=False)


def m_robot(c, p, rng):
    path = [(170 + i * 8, 350 - 60 * math.sin(i / 11)) for i in range(76)]
    for x, y in path[::3]:
        c.circle(x, y, 4, fill=lighter(p["ink"], 0.5))
    for x, y, col in ((230, 150, p["b"]), (720, 120, p["c"]), (760, 300, p["a"]), (300, 250, p["c"])):
        c.rect(x - 30, y - 30, x + 30, y + 30, fill=col, radius=10)
    rx, ry = 490, 260
    c.line([(rx, 120), (rx, 90)], p["ink"], 6)
    c.circle(rx, 84, 12, fill=p["b"])
    c.rect(rx - 80, 120, rx + 80, 220, fill=p["a"], radius=26)
    c.rect(rx - 62, 138, rx + 62, 202, fill=lighter(p["a"], 0.8), radius=18)
    c.circle(rx - 28, 166, 12, fill=p["ink"])
    c.circle(rx + 28, 166, 12, fill=p["ink"])
    c.arc(rx, 172, 22, 30, 150, p["ink"], 5)
    c.rect(rx - 95, 225, rx + 95, 335, fill=p["a"], radius=24)
    c.circle(rx, 280, 22, fill=p["c"])
    c.circle(rx - 70, 345, 32, fill=p["ink"])
    c.circle(rx + 70, 345, 32, fill=p["ink"])
    c.circle(rx - 70, 345, 12, fill=lighter(p["ink"], 0.6))
    c.circle(rx + 70, 345, 12, fill=lighter(p["ink"], 0.6))


def m_robots_grid(c, p, rng):
    for i in range(7):
        c.line([(200 + i * 90, 180), (150 + i * 110, 390)], lighter(p["ink"], 0.7), 3, round_caps=False)
    for j, y in enumerate((180, 250, 320, 390)):
        x0 = 200 - j * 17
        c.line([(x0, y), (740 + j * 17 * 0.8, y)], lighter(p["ink"], 0.7), 3, round_caps=False)
    for (x, y, col, sc) in ((310, 250, p["b"], 0.8), (490, 300, p["a"], 1.0), (660, 230, p["c"], 0.7)):
        c.ellipse(x, y, 70 * sc, 50 * sc, fill=col)
        c.ellipse(x, y - 14 * sc, 52 * sc, 32 * sc, fill=lighter(col, 0.35))
        c.circle(x - 18 * sc, y - 18 * sc, 8 * sc, fill=p["ink"])
        c.circle(x + 18 * sc, y - 18 * sc, 8 * sc, fill=p["ink"])
        c.arc(x, y - 12 * sc, 14 * sc, 30, 150, p["ink"], 4)
    c.text(480, 110, "↑  →  ↓  ←", 44, p["a"], "bold", "mm")


def m_vr_headset(c, p, cx=480, cy=230, scale=1.0):
    s = scale
    c.arc(cx, cy + 10 * s, 150 * s, 200, 340, darker(p["ink"], 0.1), 14 * s)
    c.rect(cx - 150 * s, cy - 60 * s, cx + 150 * s, cy + 60 * s, fill=p["ink"], radius=46 * s)
    c.rect(cx - 132 * s, cy - 44 * s, cx + 132 * s, cy + 44 * s, fill=lighter(p["ink"], 0.2), radius=36 * s)
    for dx in (-62, 62):
        c.ellipse(cx + dx * s, cy, 46 * s, 30 * s, fill=p["a"])
        c.ellipse(cx + dx * s - 14 * s, cy - 10 * s, 12 * s, 8 * s, fill=lighter(p["a"], 0.6))
    c.poly([(cx - 20 * s, cy + 60 * s), (cx + 20 * s, cy + 60 * s), (cx + 12 * s, cy + 30 * s), (cx - 12 * s, cy + 30 * s)],
           fill=p["bg"])


def m_vr_gergovie(c, p, rng):
    c.poly([(120, 390), (250, 200), (710, 190), (840, 390)], fill=lighter(p["c"], 0.3))
    c.line([(250, 200), (710, 190)], darker(p["c"], 0.2), 6)
    for i in range(9):
        x = 290 + i * 46
        c.rect(x, 166 - (i % 3) * 4, x + 30, 192, fill=lighter(p["b"], 0.2))
        c.poly([(x - 4, 168 - (i % 3) * 4), (x + 15, 150 - (i % 3) * 4), (x + 34, 168 - (i % 3) * 4)], fill=p["b"])
    m_vr_headset(c, p, 480, 300, 0.75)


def m_vr_kiln(c, p, rng):
    c.poly(gauss_hill(560, 820, 690, 392, 150, 90), fill=lighter(p["a"], 0.35))
    c.ellipse(690, 350, 40, 44, fill=p["c"])
    c.ellipse(690, 360, 26, 30, fill=lighter(p["c"], 0.5))
    for x in (200, 250, 300):
        c.ellipse(x, 330, 22, 42, fill=p["a"])
        c.rect(x - 7, 270, x + 7, 300, fill=p["a"])
        c.poly([(x - 6, 370), (x + 6, 370), (x, 392)], fill=p["a"])
        c.arc(x - 12, 292, 12, 90, 270, p["a"], 4)
        c.arc(x + 12, 292, 12, 270, 90, p["a"], 4)
    m_vr_headset(c, p, 470, 190, 0.85)


def m_chair_headset(c, p, rng):
    c.rect(210, 120, 400, 260, fill=p["a"], radius=40)
    c.ellipse(305, 280, 110, 30, fill=darker(p["a"], 0.15))
    c.rect(296, 290, 314, 350, fill=p["ink"])
    for dx in (-90, -45, 0, 45, 90):
        c.line([(305, 350), (305 + dx, 372)], p["ink"], 8)
        c.circle(305 + dx, 378, 9, fill=p["ink"])
    c.rect(480, 250, 800, 270, fill=lighter(p["ink"], 0.2), radius=6)
    c.rect(500, 270, 516, 390, fill=lighter(p["ink"], 0.2))
    c.rect(764, 270, 780, 390, fill=lighter(p["ink"], 0.2))
    m_vr_headset(c, p, 640, 205, 0.55)


def m_touchscreen_vases(c, p, rng):
    c.rect(200, 70, 760, 350, fill=p["ink"], radius=20)
    c.rect(218, 88, 742, 332, fill=lighter(p["soft"], 0.55), radius=8)
    for cx, kind, col, sc in ((330, "vase", p["a"], 0.8), (480, "bowl", p["b"], 0.8), (630, "jug", p["c"], 1.0)):
        prof = [(y * sc, r * sc) for y, r in vase_profile(kind)]
        top = 300 - prof[-1][0]
        c.poly(vase_outline(cx, top, prof), fill=col)
        c.ellipse(cx, top, prof[0][1], prof[0][1] * 0.22, fill=darker(col, 0.2))
    c.rect(450, 350, 510, 385, fill=p["ink"])
    c.rect(380, 380, 580, 394, fill=p["ink"], radius=6)


def leaf(c, x, y, length, width, angle, fill):
    """a pointed leaf whose base is at (x, y), pointing at angle (degrees, screen coordinates)"""
    a = math.radians(angle)
    ca, sa = math.cos(a), math.sin(a)
    side1, side2 = [], []
    for i in range(21):
        t = i / 20
        half = width / 2 * math.sin(math.pi * t) ** 0.8
        side1.append((t * length, half))
        side2.append((t * length, -half))
    pts = side1 + side2[::-1]
    c.poly([(x + u * ca - v * sa, y + u * sa + v * ca) for u, v in pts], fill=fill)


def m_leaf_decor(c, p, rng):
    c.ellipse(480, 230, 330, 170, fill=p["a"])
    c.ellipse(480, 230, 300, 146, fill=lighter(p["a"], 0.15))
    dark = darker(p["a"], 0.28)
    stem = [(180 + i * 6, 205 + 16 * math.sin(i / 8.0)) for i in range(101)]
    c.line(stem, dark, 4)
    for k, i in enumerate(range(4, 100, 8)):
        x, y = stem[i]
        up = k % 2 == 0
        leaf(c, x, y, 40, 18, -55 if up else 55, dark)
        c.circle(x + 14, y + (22 if up else -22), 4, fill=dark)
    for i in range(16):
        c.circle(180 + i * 40, 140, 6, fill=dark)
    c.rect(380, 268, 580, 318, fill=lighter(p["a"], 0.55), radius=12)
    c.text(480, 294, "CINNAMI", 30, darker(p["a"], 0.45), "bold", "mm")


def m_laser_cutter(c, p, rng):
    c.rect(180, 120, 780, 380, fill=lighter(p["ink"], 0.25), radius=18)
    c.rect(200, 140, 760, 360, fill=lighter(p["ink"], 0.55), radius=10)
    c.rect(250, 250, 710, 345, fill=(214, 170, 112), radius=4)
    knife = [(300, 300), (520, 278), (600, 290), (620, 300), (600, 310), (520, 322)]
    c.poly(knife, outline=darker((214, 170, 112), 0.45), width=4)
    c.line([(300, 300), (200, 300)], darker((214, 170, 112), 0.45), 4)
    c.rect(200, 160, 760, 176, fill=p["ink"], radius=6)
    c.rect(520, 150, 580, 200, fill=p["a"], radius=8)
    c.line([(550, 200), (550, 300)], (230, 60, 60), 4, round_caps=False)
    c.circle(550, 300, 9, fill=(255, 210, 120))
    c.circle(550, 300, 4, fill=(255, 255, 255))


def m_wood_objects(c, p, rng):
    wood, dark = (222, 180, 120), (160, 112, 60)
    for x, h in ((220, 250), (300, 230)):
        c.rect(x, 120, x + 60, 120 + h, fill=wood, radius=14)
        c.circle(x + 30, 146, 8, fill=p["bg"])
        for k in range(4):
            c.line([(x + 14, 190 + k * 30), (x + 46, 190 + k * 30)], dark, 3)
    for cx, cy, col in ((500, 200, wood), (650, 260, lighter(wood, 0.15))):
        c.circle(cx - 62, cy - 50, 26, outline=lighter(p["ink"], 0.4), width=5)
        c.rect(cx - 60, cy - 40, cx + 60, cy + 60, fill=col, radius=20)
        c.circle(cx - 40, cy - 20, 9, fill=p["bg"])
        c.text(cx + 6, cy + 18, "63", 40, dark, "bold", "mm")
    star = []
    for i in range(10):
        ang = -math.pi / 2 + i * math.pi / 5
        r = 48 if i % 2 == 0 else 20
        star.append((700 + r * math.cos(ang), 120 + r * math.sin(ang)))
    c.poly(star, fill=wood, outline=dark, width=3)


def m_ereader(c, p, rng):
    c.rect(300, 60, 600, 390, fill=p["ink"], radius=26)
    c.rect(322, 84, 578, 320, fill=(252, 240, 190), radius=8)
    c.text(450, 150, "Il était", 54, (20, 20, 20), "bold", "mm")
    c.text(450, 220, "une fois", 54, (20, 20, 20), "bold", "mm")
    c.rect(345, 268, 555, 282, fill=(120, 110, 80), radius=6)
    for dx, col in ((-70, p["a"]), (0, p["b"]), (70, p["c"])):
        c.circle(450 + dx, 355, 22, fill=col)
    for r in (40, 70, 100):
        c.arc(620, 200, r, 300, 60, p["a"], 8)


def m_avatar(c, p, rng):
    c.rect(230, 60, 730, 380, fill=p["ink"], radius=24)
    c.rect(250, 80, 710, 360, fill=lighter(p["soft"], 0.3), radius=12)
    c.poly([(380, 360), (400, 250), (560, 250), (580, 360)], fill=p["a"])
    c.circle(480, 200, 44, fill=(236, 200, 170))
    c.arc(480, 190, 46, 190, 350, darker(p["ink"], 0.1), 16)
    c.line([(410, 270), (350, 200), (370, 140)], (236, 200, 170), 22)
    c.line([(550, 270), (620, 230), (630, 160)], (236, 200, 170), 22)
    hand(c, 370, 140, (236, 200, 170), (1, 1, 0, 0), True, 0.45)
    hand(c, 630, 160, (236, 200, 170), (1, 1, 1, 1), True, 0.45)
    c.arc(370, 140, 60, 200, 290, p["b"], 5)
    c.arc(630, 160, 60, 250, 340, p["b"], 5)


def m_hands(c, p, rng):
    for (cx, col, fingers, thumb) in ((240, p["a"], (1, 0, 0, 0), True), (400, p["b"], (1, 1, 0, 0), False),
                                      (560, p["c"], (1, 1, 1, 1), True), (720, lighter(p["a"], 0.3), (0, 0, 0, 1), True)):
        c.circle(cx, 230, 78, fill=lighter(col, 0.7))
        hand(c, cx + 8, 240, col, fingers, thumb, 0.85)


def m_code_blocks(c, p, rng):
    blocks = [("quand on démarre", p["b"], 0), ("répéter 3 fois", p["a"], 0), ("avancer de 2", p["c"], 40),
              ("tourner à droite", p["c"], 40), ("allumer la lumière", lighter(p["b"], 0.1), 0)]
    c.rect(250, 142, 290, 330, fill=p["a"], radius=8)
    y = 80
    for label, col, ind in blocks:
        x = 250 + ind
        c.rect(x, y, x + 420, y + 56, fill=col, radius=12)
        c.rect(x + 30, y + 52, x + 70, y + 66, fill=col, radius=4)
        c.text(x + 24, y + 28, label, 26, (255, 255, 255), "bold", "lm")
        y += 62


def m_touch_table_map(c, p, rng):
    c.poly([(240, 130), (720, 130), (820, 380), (140, 380)], fill=p["ink"])
    c.poly([(262, 146), (698, 146), (790, 366), (170, 366)], fill=(236, 222, 190))
    parcels = [[(280, 160), (420, 160), (400, 240), (250, 240)], [(420, 160), (560, 160), (570, 230), (400, 240)],
               [(560, 160), (690, 160), (720, 250), (570, 230)], [(250, 240), (400, 240), (390, 350), (200, 350)],
               [(400, 240), (570, 230), (600, 350), (390, 350)], [(570, 230), (720, 250), (760, 350), (600, 350)]]
    fills = [(226, 200, 150), (214, 190, 140), (230, 210, 165), (210, 186, 136), (224, 204, 156), (216, 196, 146)]
    for poly, f in zip(parcels, fills):
        c.poly(poly, fill=f, outline=(120, 90, 60), width=2)
    c.line([(230, 300), (480, 280), (760, 300)], p["b"], 6)
    c.circle(520, 250, 26, fill=lighter(p["a"], 0.5))
    c.circle(520, 250, 12, fill=p["a"])


def m_postcards(c, p, rng):
    sepia = [(230, 214, 186), (222, 204, 172), (236, 222, 196)]
    for i in range(6):
        col, row = i % 3, i // 3
        x = 200 + col * 190 + (row * 20)
        y = 80 + row * 150 + (col % 2) * 14
        c.rect(x + 6, y + 6, x + 176, y + 136, fill=lighter(p["ink"], 0.7), radius=6)
        c.rect(x, y, x + 170, y + 130, fill=sepia[i % 3], radius=6)
        c.poly(gauss_hill(x + 10, x + 160, x + 60 + i * 10, y + 110, 40 + i * 5, 40), fill=(170, 140, 100))
        c.rect(x + 90, y + 60, x + 130, y + 110, fill=(140, 110, 80))
        c.poly([(x + 86, y + 62), (x + 110, y + 40), (x + 134, y + 62)], fill=(120, 90, 70))
        c.rect(x + 136, y + 8, x + 162, y + 36, fill=p["a"] if i % 2 else p["b"], radius=3)


def m_microphones(c, p, rng):
    c.rect(170, 350, 790, 366, fill=p["ink"], radius=6)
    for x, col in ((340, p["a"]), (620, p["c"])):
        c.line([(x, 350), (x, 290)], p["ink"], 10)
        c.arc(x, 220, 60, 20, 160, p["ink"], 8)
        c.rect(x - 40, 110, x + 40, 250, fill=col, radius=40)
        for k in range(5):
            c.line([(x - 30, 140 + k * 20), (x + 30, 140 + k * 20)], lighter(col, 0.45), 3)
    c.arc(480, 270, 70, 190, 350, p["ink"], 12)
    c.rect(398, 262, 430, 320, fill=p["b"], radius=12)
    c.rect(530, 262, 562, 320, fill=p["b"], radius=12)
    c.rect(400, 70, 560, 112, fill=(210, 60, 60), radius=12)
    c.text(480, 91, "À L’ANTENNE", 20, (255, 255, 255), "bold", "mm")


def m_gamepad_pong(c, p, rng):
    c.rect(260, 50, 700, 270, fill=p["ink"], radius=16)
    c.rect(276, 66, 684, 254, fill=(22, 40, 30), radius=6)
    for y in range(74, 250, 20):
        c.rect(477, y, 483, y + 10, fill=(120, 200, 140))
    c.rect(300, 120, 312, 180, fill=(200, 255, 210))
    c.rect(648, 150, 660, 210, fill=(200, 255, 210))
    c.rect(560, 140, 572, 152, fill=(255, 255, 255))
    c.text(420, 90, "3", 28, (200, 255, 210), "bold", "mm")
    c.text(540, 90, "2", 28, (200, 255, 210), "bold", "mm")
    c.rect(330, 295, 630, 390, fill=p["a"], radius=46)
    c.rect(375, 330, 435, 350, fill=p["ink"], radius=4)
    c.rect(395, 310, 415, 370, fill=p["ink"], radius=4)
    c.circle(540, 325, 19, fill=p["b"])
    c.circle(585, 355, 19, fill=p["c"])


def m_arcade(c, p, rng):
    c.poly([(330, 60), (630, 60), (630, 390), (330, 390), (330, 260), (300, 230), (300, 150), (330, 130)],
           fill=p["a"])
    c.rect(345, 70, 615, 120, fill=p["b"], radius=8)
    c.text(480, 96, "ARCADE", 30, (255, 255, 255), "bold", "mm")
    c.rect(360, 135, 600, 260, fill=(24, 24, 40), radius=8)
    for (x, y, col) in ((400, 170, (255, 210, 80)), (460, 200, (120, 220, 255)), (520, 170, (255, 120, 160))):
        for dx in range(0, 30, 10):
            for dy in range(0, 30, 10):
                if (dx + dy) % 20 == 0:
                    c.rect(x + dx, y + dy, x + dx + 10, y + dy + 10, fill=col)
    c.poly([(330, 270), (630, 270), (650, 310), (310, 310)], fill=darker(p["a"], 0.2))
    c.line([(400, 290), (400, 262)], p["ink"], 6)
    c.circle(400, 258, 10, fill=p["b"])
    for i, col in enumerate((p["c"], p["b"], (255, 255, 255))):
        c.circle(500 + i * 36, 290, 11, fill=col)
    c.rect(450, 330, 510, 350, fill=darker(p["a"], 0.35), radius=4)


def _outline_in_box(x0, y0, x1, y1):
    lons = [a for a, _ in OUTLINE]
    lats = [b for _, b in OUTLINE]
    w, e, s, n = min(lons), max(lons), min(lats), max(lats)
    sc = min((x1 - x0) / (e - w), (y1 - y0) / (n - s))
    ox = x0 + ((x1 - x0) - (e - w) * sc) / 2
    oy = y0 + ((y1 - y0) - (n - s) * sc) / 2
    return (lambda lon, lat: (ox + (lon - w) * sc, oy + (n - lat) * sc))


def m_tactile_map(c, p, rng):
    f = _outline_in_box(260, 70, 700, 380)
    pts = [f(lon, lat) for lon, lat in OUTLINE]
    c.poly([(x + 10, y + 12) for x, y in pts], fill=darker(p["soft"], 0.25))
    c.poly(pts, fill=lighter(p["c"], 0.3), outline=darker(p["c"], 0.3), width=3)
    for lon, lat in PUYS[::2] + [PUY_DE_DOME]:
        x, y = f(lon, lat)
        c.poly([(x - 10, y + 8), (x, y - 10), (x + 10, y + 8)], fill=darker(p["c"], 0.25))
    c.line([f(lon, lat) for lon, lat in RIVERS["Allier"][1:-3]], p["a"], 6)
    for bx, by in ((f(3.09, 45.78)), (f(3.74, 45.55)), (f(3.25, 45.54))):
        for i in range(3):
            for j in range(2):
                if (i + j) % 2 == 0 or i == 1:
                    c.circle(bx + 10 + j * 9, by - 9 + i * 9, 3.2, fill=p["ink"])


def m_hand_river(c, p, rng):
    pts = [(160 + i * 8, 250 + 50 * math.sin(i / 9.0)) for i in range(81)]
    c.line([(x + 6, y + 8) for x, y in pts], darker(p["soft"], 0.3), 30)
    c.line(pts, p["a"], 30)
    c.line(pts, lighter(p["a"], 0.35), 12)
    skin = (236, 200, 170)
    c.rect(500, 260, 620, 390, fill=skin, radius=40)
    c.rect(470, 178, 504, 300, fill=skin, radius=17)
    for i in range(3):
        c.rect(520 + i * 32, 250, 548 + i * 32, 300, fill=darker(skin, 0.05), radius=14)
    c.circle(487, 190, 24, outline=p["b"], width=4)
    c.circle(487, 190, 40, outline=lighter(p["b"], 0.4), width=3)


def m_printer_3d(c, p, rng):
    c.rect(260, 60, 282, 390, fill=p["ink"])
    c.rect(678, 60, 700, 390, fill=p["ink"])
    c.rect(250, 60, 710, 84, fill=p["ink"], radius=6)
    c.rect(230, 370, 730, 392, fill=p["ink"], radius=6)
    c.rect(282, 150, 678, 164, fill=lighter(p["ink"], 0.4))
    c.rect(450, 130, 520, 190, fill=p["a"], radius=8)
    c.poly([(470, 190), (500, 190), (485, 214)], fill=p["ink"])
    c.rect(320, 348, 640, 370, fill=lighter(p["ink"], 0.5))
    # half-printed paper-mill wheel: only the layers below the nozzle
    wheel = Image.new("L", (c.w * c.s, c.h * c.s), 0)
    dw = ImageDraw.Draw(wheel)
    cx, cy, r = 485 * c.s, 300 * c.s, 80 * c.s
    dw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=255)
    dw.ellipse([cx - r * 0.75, cy - r * 0.75, cx + r * 0.75, cy + r * 0.75], fill=0)
    for k in range(8):
        a = k * math.pi / 4
        dw.line([(cx, cy), (cx + r * math.cos(a), cy + r * math.sin(a))], fill=255, width=int(12 * c.s))
    dw.ellipse([cx - 16 * c.s, cy - 16 * c.s, cx + 16 * c.s, cy + 16 * c.s], fill=255)
    dw.rectangle([0, 0, c.w * c.s, 246 * c.s], fill=0)
    dw.rectangle([0, 348 * c.s, c.w * c.s, c.h * c.s], fill=0)
    layer = Image.new("RGB", wheel.size, p["c"])
    c.img.paste(layer, (0, 0), wheel)
    for y in range(252, 348, 8):
        c.line([(395, y), (575, y)], lighter(p["c"], 0.35), 1, round_caps=False)


def m_sandbox_contours(c, p, rng):
    c.poly([(220, 190), (740, 190), (820, 390), (140, 390)], fill=(150, 120, 90))
    c.poly([(236, 200), (724, 200), (796, 380), (164, 380)], fill=(226, 206, 160))
    cols = [(90, 150, 200), (140, 190, 120), (110, 160, 90), (200, 180, 110), (170, 120, 80), (245, 245, 240)]
    for i, col in enumerate(cols):
        k = 1 - i / len(cols)
        c.ellipse(500 + 30 * (1 - k), 300 - 10 * (1 - k), 230 * k + 10, 70 * k + 6, fill=col)
    c.ellipse(300, 330, 50, 16, fill=(90, 150, 200))
    c.rect(440, 50, 540, 100, fill=p["ink"], radius=10)
    c.circle(490, 100, 14, fill=(255, 240, 180))
    c.poly([(480, 108), (500, 108), (700, 200), (280, 200)], fill=lighter(p["c"], 0.82))


def m_lava_volcano(c, p, rng):
    c.poly([(140, 390), (400, 150), (560, 150), (820, 390)], fill=(214, 190, 140))
    c.ellipse(480, 152, 80, 16, fill=(160, 130, 90))
    flow = [(470, 150), (455, 200), (480, 250), (450, 300), (470, 350), (440, 392)]
    c.line(flow, (230, 100, 40), 26)
    c.line(flow, (255, 170, 60), 10)
    for _ in range(14):
        x, y = rng.uniform(420, 540), rng.uniform(70, 140)
        c.circle(x, y, rng.uniform(4, 9), fill=rng.choice([(255, 170, 60), (230, 100, 40), (255, 220, 120)]))


def m_advisers(c, p, rng):
    c.rect(360, 110, 620, 290, fill=p["ink"], radius=14)
    c.rect(376, 126, 604, 272, fill=lighter(p["soft"], 0.4), radius=6)
    for i in range(4):
        c.rect(396, 146 + i * 30, 396 + (170 - i * 25), 160 + i * 30, fill=lighter(p["a"], 0.3), radius=6)
    c.rect(470, 290, 510, 330, fill=p["ink"])
    c.rect(420, 326, 560, 340, fill=p["ink"], radius=6)
    person(c, 250, 392, p["a"], scale=1.0)
    person(c, 720, 392, p["c"], scale=1.0)
    bubble(c, 660, 60, 780, 140, p["b"], True, dots=None)
    c.text(720, 100, "?", 56, (255, 255, 255), "bold", "mm")


def m_film_strip(c, p, rng):
    c.rect(140, 110, 820, 260, fill=p["ink"], radius=8)
    for x in range(156, 810, 34):
        c.rect(x, 120, x + 18, 134, fill=p["bg"], radius=3)
        c.rect(x, 236, x + 18, 250, fill=p["bg"], radius=3)
    for i in range(5):
        x = 160 + i * 132
        c.rect(x, 144, x + 118, 226, fill=(226, 214, 190))
        c.poly(gauss_hill(x, x + 118, x + 30 + i * 12, 226, 30 + i * 6, 30), fill=(150, 130, 100))
    c.rect(220, 300, 740, 380, fill=p["a"], radius=14)
    for i in range(6):
        c.circle(280 + i * 80, 340, 18, fill=lighter(p["a"], 0.6))
        c.line([(280 + i * 80, 340), (280 + i * 80 + 10 * math.cos(i), 330)], p["ink"], 4)


def m_synth(c, p, rng):
    pts = [(170 + i * 5, 100 + 34 * math.sin(i / 5.0) * math.sin(i / 41.0)) for i in range(125)]
    c.line(pts, p["b"], 6)
    c.rect(190, 160, 770, 390, fill=p["ink"], radius=14)
    knobs = []
    for j in range(3):
        for i in range(8):
            x, y = 240 + i * 68, 200 + j * 66
            knobs.append((x, y))
            if j < 2:
                c.circle(x, y, 20, fill=lighter(p["ink"], 0.75))
                a = (i * 37 + j * 53) % 270 - 225
                c.line([(x, y), (x + 15 * math.cos(math.radians(a)), y + 15 * math.sin(math.radians(a)))], p["ink"], 4)
            else:
                c.circle(x, y, 10, fill=(20, 20, 20), outline=lighter(p["ink"], 0.6), width=3)
    for (a, b, col) in ((0, 5, p["a"]), (2, 7, p["b"]), (3, 6, p["c"])):
        x0, y0 = knobs[16 + a]
        x1, y1 = knobs[16 + b]
        sag = [(x0 + (x1 - x0) * t / 20, y0 + (y1 - y0) * t / 20 + 60 * math.sin(math.pi * t / 20)) for t in range(21)]
        c.line(sag, col, 7)


def m_turntable_phone(c, p, rng):
    c.ellipse(400, 340, 170, 40, fill=darker(p["soft"], 0.2))
    c.ellipse(400, 330, 170, 40, fill=lighter(p["ink"], 0.7))
    prof = vase_profile("jug")
    c.poly(vase_outline(400, 330 - prof[-1][0], prof), fill=p["a"])
    c.ellipse(400, 330 - prof[-1][0], prof[0][1], 6, fill=darker(p["a"], 0.3))
    c.arc(458, 220, 30, 270, 90, p["a"], 10)
    for k in range(9):
        a = math.pi * (1.05 + k * 0.1)
        x, y = 400 + 240 * math.cos(a), 250 + 120 * math.sin(a)
        c.circle(x, y, 8, fill=p["b"])
    c.rect(620, 120, 740, 340, fill=p["ink"], radius=18)
    c.rect(632, 138, 728, 318, fill=lighter(p["soft"], 0.3), radius=8)
    c.circle(680, 228, 26, outline=p["ink"], width=6)
    c.circle(680, 228, 10, fill=p["b"])


def m_party(c, p, rng):
    cols = [p["a"], p["b"], p["c"], lighter(p["b"], 0.3)]
    for row, (y0, sag) in enumerate(((60, 50), (110, 40))):
        pts = [(150 + i * 33, y0 + sag * math.sin(math.pi * i / 20)) for i in range(21)]
        c.line(pts, p["ink"], 2, round_caps=False)
        for i in range(0, 20, 1):
            (x0, ya), (x1, yb) = pts[i], pts[i + 1]
            c.poly([(x0, ya), (x1, yb), ((x0 + x1) / 2, (ya + yb) / 2 + 30)], fill=cols[(i + row) % 4])
    c.rect(180, 320, 780, 392, fill=p["ink"], radius=8)
    c.rect(200, 300, 760, 330, fill=lighter(p["ink"], 0.2), radius=8)
    for x, y in ((330, 230), (600, 210)):
        c.ellipse(x, y + 40, 18, 13, fill=p["a"])
        c.line([(x + 16, y + 40), (x + 16, y - 10)], p["a"], 5, round_caps=False)
        c.line([(x + 16, y - 10), (x + 40, y)], p["a"], 5, round_caps=False)
    for _ in range(40):
        x, y = rng.uniform(160, 800), rng.uniform(130, 290)
        w = rng.uniform(5, 10)
        c.rect(x, y, x + w, y + w * 0.6, fill=rng.choice(cols))


def m_generic(c, p, rng):
    for i in range(6):
        for j in range(4):
            if (i * 7 + j * 3) % 5 < 3:
                col = [p["a"], p["b"], p["c"]][(i + j) % 3]
                c.rect(250 + i * 78, 80 + j * 76, 250 + i * 78 + 64, 80 + j * 76 + 64, fill=col, radius=14)


MOTIFS = {name[2:]: fn for name, fn in globals().items() if name.startswith("m_") and callable(fn)}


# ----------------------------------------------------------------------------- cards

def draw_card(motif, palette, title, subtitle, seed):
    p = PALETTES[palette]
    c = Canvas(CARD_W, CARD_H, p["bg"])
    c.circle(840, 70, 190, fill=p["soft"])
    c.circle(90, 360, 150, fill=p["soft"])
    rng = random.Random(seed)
    MOTIFS.get(motif, m_generic)(c, p, rng)
    # event tag
    tw = c.text_width(EVENT_TAG, 17, "bold")
    c.rect(24, 22, 24 + tw + 28, 54, fill=p["a"], radius=16)
    c.text(38, 38, EVENT_TAG, 17, (255, 255, 255), "bold", "lm")
    # title band
    c.rect(24, 410, CARD_W - 24, CARD_H - 22, fill=(255, 255, 255), radius=22)
    c.rect(24, 410, 40, CARD_H - 22, fill=p["a"], radius=8)
    size = 38
    while True:
        lines = wrap(c, title, size, "bold", CARD_W - 120)
        if len(lines) <= 2 or size <= 24:
            break
        size -= 2
    lines = lines[:3]
    y = 446 if subtitle else 470
    if len(lines) == 1:
        y += 18
    for ln in lines:
        c.text(64, y, ln, size, p["ink"], "bold", "lm")
        y += size * 1.22
    if subtitle:
        c.text(64, CARD_H - 46, subtitle, 21, lighter(p["ink"], 0.35), "regular", "lm")
    return c.result()


def french_date(iso):
    y, m, d = int(iso[0:4]), int(iso[5:7]), int(iso[8:10])
    import datetime
    wd = WEEKDAYS[datetime.date(y, m, d).weekday()]
    day = "1er" if d == 1 else str(d)
    return "%s %s %s" % (wd, day, MONTHS[m - 1])


def fr(text):
    if isinstance(text, dict):
        return text.get("fr", "")
    return text or ""


# ----------------------------------------------------------------------------- territory map

def draw_territory(bounds, size=(MAP_W, MAP_H)):
    W, H = size
    n, s, w, e = bounds["north"], bounds["south"], bounds["west"], bounds["east"]

    def px(lon, lat):  # the equirectangular formula of docs/feed-format.md
        return ((lon - w) / (e - w) * W, (n - lat) / (n - s) * H)

    km_per_deg_lon = 111.32 * math.cos(math.radians((n + s) / 2))
    deg_to_px_x = W / (e - w)
    bg, land, edge = (244, 241, 233), (233, 241, 226), (112, 136, 112)
    water, relief, ink, grey = (92, 150, 196), (208, 226, 196), (52, 64, 58), (150, 150, 140)
    c = Canvas(W, H, bg)
    # faint graticule every 0.25 degree
    lat = math.ceil(s * 4) / 4
    while lat < n:
        c.line([px(w, lat), px(e, lat)], (232, 228, 218), 1, round_caps=False)
        lat += 0.25
    lon = math.ceil(w * 4) / 4
    while lon < e:
        c.line([px(lon, n), px(lon, s)], (232, 228, 218), 1, round_caps=False)
        lon += 0.25
    outline_px = [px(lo, la) for lo, la in OUTLINE]
    c.poly([(x + 6, y + 8) for x, y in outline_px], fill=(226, 221, 208))
    c.poly(outline_px, fill=land)
    # relief (clipped to the département)
    mask = Image.new("L", c.img.size, 0)
    ImageDraw.Draw(mask).polygon([(x * c.s, y * c.s) for x, y in outline_px], fill=255)
    layer = Canvas(W, H, land)
    for (lo, la, rlo, rla) in ((2.80, 45.55, 0.16, 0.09), (3.60, 45.52, 0.17, 0.13), (3.82, 45.66, 0.07, 0.16),
                               (2.95, 45.78, 0.06, 0.13), (3.55, 45.90, 0.10, 0.08)):
        x, y = px(lo, la)
        c_rx, c_ry = rlo * deg_to_px_x, rla * H / (n - s)
        layer.ellipse(x, y, c_rx, c_ry, fill=relief)
        layer.ellipse(x, y, c_rx * 0.6, c_ry * 0.6, fill=mix(relief, (190, 214, 178), 0.6))
    c.img.paste(layer.img, (0, 0), mask)
    c.poly(outline_px, outline=edge, width=4)
    # rivers and lakes
    for name, pts in RIVERS.items():
        wdt = 5 if name == "Allier" else 3.5
        c.line([px(lo, la) for lo, la in pts], water, wdt)
    for lo, la, r in LAKES:
        x, y = px(lo, la)
        c.ellipse(x, y, r * deg_to_px_x, r * deg_to_px_x * 0.7, fill=lighter(water, 0.25))
    # volcanoes
    for lo, la in PUYS:
        x, y = px(lo, la)
        c.poly([(x - 11, y + 8), (x - 3, y - 8), (x + 3, y - 8), (x + 11, y + 8)], fill=(150, 118, 96))
        c.ellipse(x, y - 8, 3, 1.5, fill=(110, 84, 66))
    x, y = px(*PUY_DE_DOME)
    c.poly([(x - 20, y + 12), (x - 6, y - 14), (x + 6, y - 14), (x + 20, y + 12)], fill=(128, 96, 76))
    c.text(x - 24, y - 2, "Puy de Dôme", 19, (110, 84, 66), "italic", "rm")
    for lo, la in SANCY:
        x, y = px(lo, la)
        c.poly([(x - 18, y + 12), (x, y - 16), (x + 18, y + 12)], fill=(128, 110, 100))
    x, y = px(*SANCY[-1])
    c.text(x, y + 18, "Puy de Sancy", 19, (110, 84, 66), "italic", "mt")
    # labels
    for name, lo, la, anchor in RIVER_LABELS:
        x, y = px(lo, la)
        c.text(x + (8 if anchor[0] == "l" else 0), y, name, 20, darker(water, 0.2), "italic", anchor)
    for name, lo, la, anchor in REGION_LABELS:
        x, y = px(lo, la)
        c.text(x, y, name, 22, (116, 140, 112), "italic", anchor)
    for name, lo, la, anchor in NEIGHBOURS:
        x, y = px(lo, la)
        c.text(x, y, name, 22, (176, 170, 156), "bold", anchor, spacing=4)
    for name, lo, la, anchor in TOWNS:
        x, y = px(lo, la)
        c.circle(x, y, 5, fill=(255, 255, 255), outline=grey, width=2.5)
        dx = 10 if anchor[0] == "l" else -10
        c.text(x + dx, y - 2, name, 17, (120, 120, 110), "regular", anchor[0] + "b")
    # title
    c.rect(W - 500, 28, W - 28, 136, fill=(255, 255, 255), radius=18)
    c.text(W - 476, 70, "Le Puy-de-Dôme", 40, ink, "bold", "lm")
    c.text(W - 476, 112, "Semaine Culture & Numérique 2027", 21, (96, 110, 100), "regular", "lm")
    # north arrow
    nx, ny = 70, 200
    c.poly([(nx, ny - 50), (nx + 18, ny + 10), (nx, ny), (nx - 18, ny + 10)], fill=ink)
    c.text(nx, ny - 70, "N", 26, ink, "bold", "mm")
    # scale bar: 20 km
    bar = 20 / km_per_deg_lon * deg_to_px_x
    x1, y0 = W - 40, H - 44
    x0 = x1 - bar
    c.rect(x0, y0, x0 + bar / 2, y0 + 10, fill=ink)
    c.rect(x0 + bar / 2, y0, x1, y0 + 10, fill=(255, 255, 255), outline=ink, width=2)
    c.text(x0, y0 - 8, "0", 17, ink, "regular", "mb")
    c.text(x0 + bar / 2, y0 - 8, "10", 17, ink, "regular", "mb")
    c.text(x1, y0 - 8, "20 km", 17, ink, "regular", "mb")
    return c.result()


# ----------------------------------------------------------------------------- floor plans

# Things that are part of the building but are not rooms of the feed (plan units).
PLAN_EXTRAS = {
    "plan-hotel-departement": {
        "zones": [((1200, 720, 1540, 940), "Sanitaires · ascenseur")],
        "entrances": [(800, 940, "Entrée — parvis")],
        "doors": [(430, 330, "v"), (430, 780, "v"), (630, 620, "v"), (970, 620, "v"), (1190, 270, "v"),
                  (1190, 640, "v"), (530, 570, "h"), (1080, 570, "h"), (800, 690, "h")],
    },
    "plan-musee-lezoux": {
        "zones": [],
        "entrances": [(290, 940, "Entrée")],
        "doors": [(300, 630, "h"), (760, 630, "h"), (910, 250, "v"), (990, 700, "v"), (550, 500, "v"),
                  (720, 390, "h"), (1270, 470, "h")],
    },
}
ROOM_COLOURS = [(220, 233, 246), (246, 228, 210), (226, 240, 220), (238, 226, 244), (250, 240, 204),
                (214, 236, 236), (244, 222, 222), (230, 230, 240)]


def polygon_centroid(pts):
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]):
        cr = x0 * y1 - x1 * y0
        a += cr
        cx += (x0 + x1) * cr
        cy += (y0 + y1) * cr
    if abs(a) < 1e-9:
        return sum(x for x, _ in pts) / len(pts), sum(y for _, y in pts) / len(pts)
    return cx / (3 * a), cy / (3 * a)


def point_in_polygon(x, y, pts):
    inside = False
    for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


def room_decor(c, room_id, pts, col):
    xs, ys = [x for x, _ in pts], [y for _, y in pts]
    x0, y0, x1, y1 = min(xs), min(ys), max(xs), max(ys)
    d = darker(col, 0.18)
    if room_id == "hall-cassin":
        # numbered stands, as in demos.json ("Stand N — hall Cassin")
        k = 1
        for row, y in enumerate((110, 400)):
            for i in range(5):
                x = 480 + i * 140
                c.rect(x, y, x + 90, y + 60, fill=lighter(d, 0.3), outline=d, width=2, radius=6)
                c.text(x + 45, y + 30, str(k), 24, darker(col, 0.55), "bold", "mm")
                k += 1
    elif room_id in ("salle-assemblee", "auditorium"):
        cx, cy = (x0 + x1) / 2, y1 - 40 if room_id == "auditorium" else y0 + 60
        start, end = (200, 340) if room_id == "auditorium" else (20, 160)
        for r in range(90, int(min(x1 - x0, y1 - y0) * 0.9), 38):
            c.arc(cx, cy, r, start, end, d, 5)
    elif room_id in ("espace-convivial", "atelier-pedagogique", "salle-sancy", "salle-gergovie", "salle-dome"):
        step = 110
        for x in range(int(x0) + 60, int(x1) - 40, step):
            for y in range(int(y0) + 70, int(y1) - 40, step):
                if room_id == "espace-convivial":
                    c.circle(x + 10, y + 10, 22, fill=lighter(d, 0.3), outline=d, width=2)
                else:
                    c.rect(x, y, x + 50, y + 26, fill=lighter(d, 0.3), outline=d, width=2, radius=4)
    elif room_id == "salle-calme":
        c.rect(x0 + 30, y1 - 70, x0 + 200, y1 - 30, fill=lighter(d, 0.3), outline=d, width=2, radius=14)
    elif room_id == "parcours-permanent":
        for i in range(6):
            c.rect(110 + i * 130, 90, 190 + i * 130, 120, fill=lighter(d, 0.3), outline=d, width=2)
        for j in range(3):
            c.rect(90, 420 + j * 60, 120, 460 + j * 60, fill=lighter(d, 0.3), outline=d, width=2)
    elif room_id == "salle-expo-temporaire":
        for i in range(4):
            c.rect(990 + i * 140, 130, 1070 + i * 140, 210, fill=lighter(d, 0.3), outline=d, width=2, radius=10)
    elif room_id == "cour-des-potiers":
        c.circle(700, 560, 34, fill=lighter((200, 120, 80), 0.3), outline=(170, 100, 70), width=3)


def draw_plan(plan):
    W, H = int(plan["width"]), int(plan["height"])
    extras = PLAN_EXTRAS.get(plan["id"], {})
    c = Canvas(W, H, (250, 249, 245))
    rooms = plan.get("rooms", [])
    allx = [x for r in rooms for x, _ in r["polygon"]]
    ally = [y for r in rooms for _, y in r["polygon"]]
    bx0, by0, bx1, by1 = min(allx) - 20, min(ally) - 20, max(allx) + 20, max(ally) + 20
    for (zx0, zy0, zx1, zy1), _ in extras.get("zones", []):
        bx0, by0, bx1, by1 = min(bx0, zx0 - 20), min(by0, zy0 - 20), max(bx1, zx1 + 20), max(by1, zy1 + 20)
    c.rect(bx0 + 8, by0 + 10, bx1 + 8, by1 + 10, fill=(226, 224, 216))
    c.rect(bx0, by0, bx1, by1, fill=(236, 235, 230), outline=(96, 96, 104), width=8)
    for (zx0, zy0, zx1, zy1), label in extras.get("zones", []):
        c.rect(zx0, zy0, zx1, zy1, fill=(222, 222, 222), outline=(150, 150, 156), width=3)
        if label:
            c.text((zx0 + zx1) / 2, (zy0 + zy1) / 2, label, 24, (110, 110, 116), "regular", "mm")
    for i, room in enumerate(rooms):
        pts = [(float(x), float(y)) for x, y in room["polygon"]]
        col = ROOM_COLOURS[i % len(ROOM_COLOURS)]
        layer = Canvas(W, H, col)  # furniture is clipped to the room
        room_decor(layer, room["id"], pts, col)
        mask = Image.new("L", c.img.size, 0)
        ImageDraw.Draw(mask).polygon([(x * c.s, y * c.s) for x, y in pts], fill=255)
        c.img.paste(layer.img, (0, 0), mask)
        c.poly(pts, outline=(86, 86, 96), width=5)
    for x, y, orient in extras.get("doors", []):
        if orient == "v":
            c.rect(x - 14, y - 28, x + 14, y + 28, fill=(236, 235, 230))
        else:
            c.rect(x - 28, y - 14, x + 28, y + 14, fill=(236, 235, 230))
    # Room names are not drawn: the kiosk labels each room itself, in the visitor's language.
    for x, y, label in extras.get("entrances", []):
        c.rect(x - 50, y - 14, x + 50, y + 30, fill=(250, 249, 245))
        c.poly([(x, y - 6), (x - 22, y + 22), (x - 8, y + 22), (x - 8, y + 46), (x + 8, y + 46), (x + 8, y + 22),
                (x + 22, y + 22)], fill=(40, 120, 80))
        c.text(x + 34, y + 34, label, 22, (40, 120, 80), "bold", "lm")
    c.text(W - 24, H - 14, fr(plan.get("name")), 20, (120, 120, 126), "regular", "rb")
    return c.result()


# ----------------------------------------------------------------------------- main

def load(content, name):
    path = os.path.join(content, name)
    if not os.path.exists(path):
        return {}
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def collect(content):
    """[(src, kind, data)] for every image the feed references."""
    jobs = []
    places = {p["id"]: p for p in load(content, "places.json").get("places", [])}
    for s in load(content, "sessions.json").get("sessions", []):
        if "image" in s:
            place = places.get(s.get("place"), {})
            sub = french_date(s["start"]) + " · " + place.get("commune", "")
            jobs.append((s["image"]["src"], "card", (fr(s["title"]), sub)))
    for d in load(content, "demos.json").get("demos", []):
        for g in d.get("gallery", []):
            jobs.append((g["src"], "card", (fr(d["title"]), "Démonstration · " + d.get("partner", ""))))
    maps = load(content, "maps.json")
    terr = maps.get("territory")
    if terr and "image" in terr:
        jobs.append((terr["image"]["src"], "territory", terr["bounds"]))
    for plan in maps.get("floor_plans", []):
        if "image" in plan:
            jobs.append((plan["image"]["src"], "plan", plan))
    return jobs


def main(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(
        description="Draw every image referenced by the bundled feed (sessions, demos, territory map, "
                    "floor plans) as PNG, deterministically, from the content JSON files.")
    ap.add_argument("--content", default=os.path.normpath(os.path.join(here, "..", "content")),
                    help="feed folder holding the JSON documents (default: %(default)s)")
    ap.add_argument("--only", metavar="SRC", action="append",
                    help="draw only this image path, e.g. images/carte-territoire.png (repeatable)")
    ap.add_argument("--list", action="store_true", help="list the images that would be drawn, draw nothing")
    args = ap.parse_args(argv)

    jobs = collect(args.content)
    if args.only:
        jobs = [j for j in jobs if j[0] in args.only]
    if args.list:
        for src, kind, _ in jobs:
            print("%-10s %s" % (kind, src))
        return 0
    seen = set()
    total = 0
    for src, kind, data in jobs:
        if src in seen:
            continue
        seen.add(src)
        if not src.lower().endswith(".png"):
            print("skipped (not a .png path): %s" % src, file=sys.stderr)
            continue
        out = os.path.join(args.content, *src.split("/"))
        os.makedirs(os.path.dirname(out), exist_ok=True)
        if kind == "card":
            stem = os.path.splitext(os.path.basename(src))[0]
            motif, palette = CARDS.get(stem, ("generic", "blue"))
            img = draw_card(motif, palette, data[0], data[1], zlib.crc32(src.encode("utf-8")))
        elif kind == "territory":
            img = draw_territory(data)
        else:
            img = draw_plan(data)
        img = img.quantize(colors=256, method=Image.MEDIANCUT, dither=Image.NONE)
        img.save(out, format="PNG", optimize=True)
        size = os.path.getsize(out)
        total += size
        print("wrote %s (%dx%d, %d KiB)" % (out, img.width, img.height, (size + 1023) // 1024))
    print("%d images, %.1f MiB in total" % (len(seen), total / 1048576))
    return 0


if __name__ == "__main__":
    sys.exit(main())
