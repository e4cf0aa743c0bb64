#!/usr/bin/env python3
# Draws the images of a small test feed (tests/data/events/*) from its own documents:
# floor plans from maps.json's room polygons, and plain illustration cards for the others.
"""Draw every image a feed references, from the feed's JSON documents alone.

Usage: make_feed_images.py FEED_DIR

Floor plans are drawn from maps.json (each room's polygon and name, at the plan's width and
height); every other image referenced by sessions.json, demos.json or maps.json becomes a
960x600 card showing its text alternative. Deterministic (no randomness, no timestamps), so
the manifest only changes when the documents do. Then run `kiosk-feed build FEED_DIR`.
Needs Pillow (python3-pil) and the DejaVu fonts (fonts-dejavu-core).
"""

import json
import os
import sys

from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
PALETTE = [(0xDD, 0xEB, 0xF7), (0xE6, 0xF2, 0xE0), (0xFB, 0xEB, 0xD6), (0xEE, 0xE4, 0xF4)]


def french(text):
    return text if isinstance(text, str) else (text or {}).get("fr", "")


def load(feed, name):
    path = os.path.join(feed, name)
    if not os.path.exists(path):
        return {}
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def wrap(draw, text, font, width):
    lines, line = [], ""
    for word in text.split():
        trial = (line + " " + word).strip()
        if draw.textlength(trial, font=font) <= width or not line:
            line = trial
        else:
            lines.append(line)
            line = word
    return lines + ([line] if line else [])


def floor_plan(plan, path):
    w, h = int(plan["width"]), int(plan["height"])
    img = Image.new("RGB", (w, h), (0xF7, 0xF5, 0xF0))
    d = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT_BOLD, max(18, h // 24))
    for i, room in enumerate(plan.get("rooms", [])):
        pts = [tuple(p) for p in room["polygon"]]
        d.polygon(pts, fill=PALETTE[i % len(PALETTE)], outline=(0x33, 0x33, 0x33))
        d.line(pts + [pts[0]], fill=(0x33, 0x33, 0x33), width=6)
        cx = sum(p[0] for p in pts) / len(pts)
        cy = sum(p[1] for p in pts) / len(pts)
        d.text((cx, cy), french(room["name"]), font=font, fill=(0x22, 0x22, 0x22), anchor="mm")
    d.rectangle([w * 0.45, h - 40, w * 0.55, h - 10], fill=(0x88, 0x88, 0x88))  # the entrance
    img.save(path, optimize=True)


def card(alt, path, index):
    img = Image.new("RGB", (960, 600), PALETTE[index % len(PALETTE)])
    d = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, 40)
    y = 300 - 26 * len(wrap(d, alt, font, 800))
    for line in wrap(d, alt, font, 800):
        d.text((480, y), line, font=font, fill=(0x22, 0x22, 0x22), anchor="mt")
        y += 52
    img.save(path, optimize=True)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    feed = sys.argv[1]
    os.makedirs(os.path.join(feed, "images"), exist_ok=True)
    maps = load(feed, "maps.json")
    done = set()
    for plan in maps.get("floor_plans", []):
        if "image" in plan:
            floor_plan(plan, os.path.join(feed, plan["image"]["src"]))
            done.add(plan["image"]["src"])
    images = []
    for s in load(feed, "sessions.json").get("sessions", []):
        images += [s["image"]] if "image" in s else []
    for demo in load(feed, "demos.json").get("demos", []):
        images += demo.get("gallery", [])
    for i, image in enumerate(images):
        if image["src"] not in done:
            card(french(image["alt"]), os.path.join(feed, image["src"]), i)
            done.add(image["src"])
    print(f"make_feed_images.py: {len(done)} images in {feed}/images")


if __name__ == "__main__":
    main()
