#!/usr/bin/env python3
# Reads kiosk-feed stats' CSV files back with Python's csv module and checks them
# against what stats_make_day recorded (its JSON lines). Exit 1 with the differences.
# Usage: check_exports.py CSV_DIR LANG EXPECTED_JSON...   (one JSON file per kiosk, in order)
import csv
import json
import sys

csv_dir, lang, expected_files = sys.argv[1], sys.argv[2], sys.argv[3:]
expected = [json.load(open(f)) for f in expected_files]
problems = []


def read(name):
    raw = open(f"{csv_dir}/{name}", "rb").read()
    if not raw.startswith(b"\xef\xbb\xbf"):
        problems.append(f"{name}: no UTF-8 BOM")
    if b"\r\n" not in raw:
        problems.append(f"{name}: lines do not end with CRLF")
    text = raw.decode("utf-8-sig")
    rows = list(csv.reader(text.splitlines(), delimiter=";"))
    widths = {len(r) for r in rows}
    if len(widths) != 1:
        problems.append(f"{name}: rows of different widths {widths}")
    return rows[0], rows[1:]


def decimal(text):
    if lang == "fr" and "." in text:
        problems.append(f"decimal point in a French file: {text}")
    return float(text.replace(",", ".")) if text else 0.0


head, hours = read("per-hour.csv")
kiosks = sorted({r[0] for r in hours})
if len(kiosks) != len(expected):
    problems.append(f"per-hour.csv: kiosks {kiosks}, expected {len(expected)}")
want_head = "visites" if lang == "fr" else "visits"
if head[3] != want_head:
    problems.append(f"per-hour.csv: header {head[3]!r}, expected {want_head!r}")
by_kiosk = {}
for r in hours:
    k = by_kiosk.setdefault(r[0], {"visits": 0, "qr": 0, "minutes": 0.0})
    k["visits"] += int(r[3])
    k["qr"] += int(r[7])
    k["minutes"] += decimal(r[4]) * int(r[3])

_, items = read("per-item.csv")
_, per_kiosk = read("per-kiosk.csv")
order = [r[0] for r in per_kiosk]
for kiosk, exp in zip(order, expected):
    got = by_kiosk.get(kiosk, {})
    if got.get("visits") != exp["visits"]:
        problems.append(f"{kiosk}: {got.get('visits')} visits in per-hour.csv, recorded {exp['visits']}")
    if got.get("qr") != exp["qr"]:
        problems.append(f"{kiosk}: {got.get('qr')} QR codes, recorded {exp['qr']}")
    # Average lengths are rounded to 0.1 min per hour: the total is within 3 s a visit.
    if abs(got.get("minutes", 0) * 60 - exp["seconds"]) > 3 * exp["visits"]:
        problems.append(f"{kiosk}: {got.get('minutes')} min of visits, recorded {exp['seconds']} s")
    row = next(r for r in per_kiosk if r[0] == kiosk)
    if int(row[3]) != exp["visits"] or abs(decimal(row[5]) * 3600 - exp["seconds"]) > 180:
        problems.append(f"per-kiosk.csv: {row}, recorded {exp['visits']} visits, {exp['seconds']} s")
    got_items = {}
    for r in items:
        if r[0] != kiosk:
            continue
        kind = {"démo": "demo", "demo": "demo", "session": "session"}.get(r[1])
        if kind:
            got_items[f"{kind}/{r[2]}"] = int(r[4])
            if not r[3]:
                problems.append(f"per-item.csv: no title for {r[1]} {r[2]}")
        if r[1] in ("langue", "language") and int(r[4]) != exp["languages"].get(r[2], 0):
            problems.append(f"{kiosk}: language {r[2]}: {r[4]}, recorded {exp['languages']}")
        if r[1] in ("accessibilité", "accessibility") and int(r[4]) != exp["accessibility"].get(r[2], 0):
            problems.append(f"{kiosk}: feature {r[2]}: {r[4]}, recorded {exp['accessibility']}")
    if got_items != exp["items"]:
        problems.append(f"{kiosk}: items {got_items}, recorded {exp['items']}")

for p in problems:
    print("FAIL", p)
print(f"checked {len(hours)} hour rows, {len(items)} item rows, {len(per_kiosk)} kiosks: {len(problems)} problems")
sys.exit(1 if problems else 0)
