#!/usr/bin/env python3
"""Runs the staff guides' worked examples as written: in each guide, a code block after
<!-- test:file NAME --> is written to NAME, one after <!-- test:run --> is run with bash
(kiosk-feed on PATH), <!-- test:copy DATA NAME --> copies a file of tests/data/import,
and <!-- test:expect TEXT --> checks the last run's output. The French guide runs with
LANG=fr_FR.UTF-8, the English one with LANG=C.UTF-8.
usage: staff_guide_examples.py KIOSK_FEED SOURCE_DIR"""
import os, re, shutil, subprocess, sys, tempfile

feed, src = sys.argv[1], sys.argv[2]
failures = 0
for guide, lang in (("docs/guide-personnel.md", "fr_FR.UTF-8"), ("docs/staff-guide.md", "C.UTF-8")):
    text = open(os.path.join(src, guide), encoding="utf-8").read()
    work = tempfile.mkdtemp(prefix="kiosk-guide-")
    bindir = os.path.join(work, ".bin")
    os.makedirs(bindir)
    os.symlink(os.path.abspath(feed), os.path.join(bindir, "kiosk-feed"))
    env = dict(os.environ, PATH=bindir + os.pathsep + os.environ["PATH"], LANG=lang, LC_ALL="")
    env.pop("LC_ALL")
    last = ""
    steps = 0
    for m in re.finditer(r"<!-- test:(\w+)(?: ([^\n]*?))? -->\n(?:```\w*\n(.*?)```)?", text, re.S):
        kind, arg, body = m.group(1), m.group(2) or "", m.group(3) or ""
        steps += 1
        if kind == "file":
            open(os.path.join(work, arg), "w", encoding="utf-8").write(body)
        elif kind == "copy":
            data, name = arg.split()
            shutil.copy(os.path.join(src, "tests/data/import", data), os.path.join(work, name))
        elif kind == "run":
            r = subprocess.run(["bash", "-e", "-c", body], cwd=work, env=env, capture_output=True, text=True)
            last = r.stdout + r.stderr
            ok = r.returncode == 0
            print(("ok   " if ok else "FAIL ") + "%s: %s" % (guide, body.strip().splitlines()[0]))
            if not ok:
                failures += 1
                print("     | " + last.replace("\n", "\n     | "))
        elif kind == "expect":
            ok = arg in last
            print(("ok   " if ok else "FAIL ") + "%s: output shows %r" % (guide, arg))
            failures += 0 if ok else 1
    if steps < 8:
        print("FAIL %s: only %d example steps found" % (guide, steps))
        failures += 1
    shutil.rmtree(work)
print("%d failed" % failures)
sys.exit(1 if failures else 0)
