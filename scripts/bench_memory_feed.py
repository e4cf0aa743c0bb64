#!/usr/bin/env python3
"""Writes a large hostile feed for scripts/bench_memory.sh into a folder (never committed):
the bundled content plus 600 sessions, 200 images up to 24 megapixels, and the image bombs
that once exhausted a kiosk (1x1 PNG with 3 GiB of zlib data, 16-bit 8192x4800, 8000x5000 RGBA)."""
import json, os, shutil, struct, sys, zlib
from PIL import Image

def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

def zlib_bomb(path, inflated):
    """A 1x1 greyscale PNG whose data inflates to `inflated` bytes (about 1/1000 on disk)."""
    c = zlib.compressobj(9)
    zeros = bytes(1 << 20)
    parts = [c.compress(zeros) for _ in range(inflated >> 20)] + [c.flush()]
    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + png_chunk(b"IDAT", b"".join(parts)) + png_chunk(b"IEND", b""))

def gradient(w, h, mode="RGB"):
    """A smooth picture: compresses well (PNG and JPEG stay under the 16 MiB file limit)."""
    g = Image.linear_gradient("L").resize((w, h))
    r = Image.radial_gradient("L").resize((w, h))
    bands = {"RGB": (g, r, g.transpose(Image.FLIP_LEFT_RIGHT)), "RGBA": (g, r, g, r.point(lambda v: 255 - v // 2))}[mode]
    return Image.merge(mode, bands)

def main(out):
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "content")
    shutil.copytree(root, out, dirs_exist_ok=True)
    os.remove(os.path.join(out, "manifest.json"))
    img = os.path.join(out, "images", "bench")
    os.makedirs(img, exist_ok=True)
    names = []
    # 200 images: sizes from 1 to 24 megapixels, JPEG and PNG.
    sizes = [(1200, 800), (2000, 1500), (3000, 2000), (4000, 3000), (6000, 4000)]
    cache = {}
    for i in range(200):
        w, h = sizes[i % len(sizes)] if i % 10 else (6000, 4000)
        ext = "png" if i % 4 == 0 else "jpg"
        name = f"images/bench/img-{i:03d}.{ext}"
        key = (w, h, ext)
        if key not in cache:
            pic = gradient(w, h)
            pic.save(os.path.join(out, name), quality=85) if ext == "jpg" else pic.save(os.path.join(out, name), optimize=False, compress_level=6)
            cache[key] = name
        else:
            shutil.copyfile(os.path.join(out, cache[key]), os.path.join(out, name))
        names.append(name)
    # The bombs.
    zlib_bomb(os.path.join(img, "bomb-1x1-3gib.png"), 3 << 30)
    Image.new("I;16", (8192, 4800), 1000).save(os.path.join(img, "deep-16bit-8192x4800.png"))
    gradient(8000, 5000, "RGBA").save(os.path.join(img, "rgba-8000x5000.png"), compress_level=6)
    bombs = ["images/bench/bomb-1x1-3gib.png", "images/bench/deep-16bit-8192x4800.png", "images/bench/rgba-8000x5000.png"]

    with open(os.path.join(out, "event.json")) as f:
        event = json.load(f)
    with open(os.path.join(out, "places.json")) as f:
        places = [p["id"] for p in json.load(f)["places"]]
    sessions = []
    for i in range(600):
        day, slot = 18 + i % 14, (i // 14) % 20
        start = f"2027-10-{day:02d}T{8 + slot // 2:02d}:{(slot % 2) * 30:02d}:00+02:00"
        end = f"2027-10-{day:02d}T{8 + slot // 2:02d}:{(slot % 2) * 30 + 25:02d}:00+02:00"
        s = {"id": f"bench-{i:03d}", "title": {"fr": f"Séance d'essai {i}", "en": f"Test session {i}"},
             "type": "talk", "start": start, "end": end, "place": places[i % len(places)],
             "description": {"fr": "Une séance pour mesurer la mémoire. " * 8}}
        pic = (names + bombs)[i % (len(names) + len(bombs))]
        s["image"] = {"src": pic, "alt": {"fr": "Une image d'essai"}}
        sessions.append(s)
    with open(os.path.join(out, "sessions.json"), "w") as f:
        json.dump({"sessions": sessions}, f, ensure_ascii=False)
    with open(os.path.join(out, "demos.json")) as f:
        demos = json.load(f)
    # Galleries of 20: the bombs first, then the largest images, so one demo screen asks for them all.
    gallery = bombs + [n for n in names if n.endswith(".png")][:17]
    demos["demos"][0]["gallery"] = [{"src": n, "alt": {"fr": "Image d'essai"}} for n in gallery]
    big = [n for i, n in enumerate(names) if i % 10 == 0]
    demos["demos"][1]["gallery"] = [{"src": n, "alt": {"fr": "Grande image"}} for n in big[:20]]
    for k, d in enumerate(demos["demos"][2:]):
        d["gallery"] = [{"src": names[(k * 7 + j) % len(names)], "alt": {"fr": "Image"}} for j in range(3)]
    with open(os.path.join(out, "demos.json"), "w") as f:
        json.dump(demos, f, ensure_ascii=False)
    write_manifest(out)
    print(demos["demos"][0]["id"], demos["demos"][1]["id"])

def write_manifest(out):
    """kiosk-feed build would refuse the bombs (that is the point): the kiosk must cope anyway."""
    import hashlib
    files = []
    for dirpath, _, filenames in os.walk(out):
        for n in filenames:
            full = os.path.join(dirpath, n)
            rel = os.path.relpath(full, out)
            if rel == "manifest.json":
                continue
            with open(full, "rb") as f:
                files.append({"path": rel, "size": os.path.getsize(full), "sha256": hashlib.sha256(f.read()).hexdigest()})
    files.sort(key=lambda e: e["path"])
    manifest = {"format": "kiosk-feed/1", "version": 1, "published": "2027-09-30T10:00:00+02:00", "files": files}
    with open(os.path.join(out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=2)

if __name__ == "__main__" and len(sys.argv) == 3 and sys.argv[1] == "--manifest-only":
    write_manifest(sys.argv[2])
    sys.exit(0)
if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] in ("-h", "--help"):
        print("usage: bench_memory_feed.py OUTPUT_FOLDER", file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1])
