#!/usr/bin/env python3
"""Prints the width in millimetres of the QR code in a kiosk screenshot.

usage: qr_width.py SCREENSHOT.png DIAGONAL_INCHES
The kiosk draws QR modules in pure black (0, 0, 0) on whole pixels; the width is
measured between the outer edges of the two top finder patterns (rows where pure black
runs in the 1:1:3:1:1 ratio appear twice), so the quiet zone is not counted. Standard
library only (any python3): PNG decoded here (8-bit RGB or RGBA, not interlaced).
Exit 1 when no code is found.
"""
import math
import struct
import sys
import zlib


def read_png(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, w = 8, b"", 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and ctype in (2, 6) and interlace == 0, "unsupported PNG"
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw = zlib.decompress(idat)
    stride = w * bpp
    rows, prev = [], bytearray(stride)
    for y in range(h):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1: line[i] = (line[i] + a) & 255
            elif f == 2: line[i] = (line[i] + b) & 255
            elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return w, h, bpp, rows


def finder_spans(row, w, bpp):
    """Runs of pure black in a row in the finder patterns' 1:1:3:1:1 ratio: (x0, x1, module)."""
    runs, x = [], 0
    while x < w:
        i = x * bpp
        black = row[i] == 0 and row[i + 1] == 0 and row[i + 2] == 0
        start = x
        while x < w and ((row[x * bpp] == 0 and row[x * bpp + 1] == 0 and row[x * bpp + 2] == 0) == black):
            x += 1
        runs.append((black, start, x - start))
    found = []
    for k in range(len(runs) - 4):
        five = runs[k:k + 5]
        if not five[0][0]:
            continue
        m = (five[0][2] + five[1][2] + five[3][2] + five[4][2]) / 4.0
        if m < 2 or any(abs(five[j][2] - m) > m * 0.5 for j in (0, 1, 3, 4)) or abs(five[2][2] - 3 * m) > m * 0.75:
            continue
        found.append((five[0][1], five[4][1] + five[4][2], m))
    return found


def main():
    path, diagonal = sys.argv[1], float(sys.argv[2])
    w, h, bpp, rows = read_png(path)
    # The top finder patterns share rows: the code spans from the left one's left edge to
    # the right one's right edge.
    best = 0
    for row in rows:
        spans = finder_spans(row, w, bpp)
        if len(spans) >= 2:
            best = max(best, spans[-1][1] - spans[0][0])
    if best == 0:
        print("no QR code found (no two finder patterns on one row)")
        return 1
    dpi = math.hypot(w, h) / diagonal
    print(f"{best * 25.4 / dpi:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
