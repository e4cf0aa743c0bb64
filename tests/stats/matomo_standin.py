#!/usr/bin/env python3
# A stand-in for Matomo's HTTP Tracking API (and the plain JSON endpoint) for the upload
# tests, standard library only, on 127.0.0.1. It checks each bulk request's format,
# logs every POST it received (one JSON line, even when it then misbehaves) and counts
# each event once by its stable request id, as an idempotent receiver would.
#
# Usage: matomo_standin.py PORTFILE LOGFILE [MODE [PORT]]  (writes the port to PORTFILE when
# ready; PORT 0 or none: any free port)
# MODE: ok (default); drop:N (the first N POSTs are read, logged, then the connection is
# closed with no answer); s500:N (the first N POSTs get HTTP 500).
import http.server
import json
import re
import sys
import threading
import urllib.parse

portfile, logfile = sys.argv[1], sys.argv[2]
mode = sys.argv[3] if len(sys.argv) > 3 else "ok"
lock = threading.Lock()
posts = 0
seen = set()  # stable request ids already counted

REQUIRED = ("idsite", "rec", "apiv", "_id", "pv_id", "cdt", "ua")


def check_matomo(body):
    """Problems with a bulk body, and the stable ids of its requests."""
    problems, ids = [], []
    if set(body) != {"requests", "token_auth"}:
        problems.append(f"keys {sorted(body)}")
    if not isinstance(body.get("token_auth"), str) or not body.get("token_auth"):
        problems.append("no token_auth")
    for r in body.get("requests", []):
        if not isinstance(r, str) or not r.startswith("?"):
            problems.append(f"request not a query string: {r!r}")
            continue
        q = urllib.parse.parse_qs(r[1:], keep_blank_values=True, strict_parsing=True)
        for k in REQUIRED:
            if k not in q:
                problems.append(f"{k} missing in {r}")
        if q.get("rec") != ["1"]:
            problems.append(f"rec != 1 in {r}")
        if not re.fullmatch(r"[0-9a-f]{16}", q.get("_id", [""])[0]):
            problems.append(f"_id not 16 hex digits in {r}")
        if not re.fullmatch(r"[0-9A-Za-z]{6}", q.get("pv_id", [""])[0]):
            problems.append(f"pv_id not 6 characters in {r}")
        cdt = q.get("cdt", ["x"])[0]
        if not cdt.isdigit() or int(cdt) % 60 != 0:
            problems.append(f"cdt not a whole minute in {r}")
        if not any(k.startswith("dimension") for k in q):
            problems.append(f"no custom dimension in {r}")
        if "action_name" not in q and "e_c" not in q:
            problems.append(f"neither a page view nor an event: {r}")
        kiosk = next((v[0] for k, v in sorted(q.items()) if k.startswith("dimension")), "")
        ids.append(f"{kiosk}/{q.get('pv_id', [''])[0]}")
    return problems, ids


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        pass

    def answer(self, code, obj):
        data = json.dumps(obj).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        global posts
        raw = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        try:
            body = json.loads(raw)
        except ValueError:
            body = None
        path = self.path.split("?")[0]
        if path == "/matomo.php" and isinstance(body, dict):
            problems, ids = check_matomo(body)
        elif path == "/collect" and isinstance(body, dict):
            problems = [] if isinstance(body.get("events"), list) and body.get("kiosk") else ["bad JSON body"]
            ids = [f"{body.get('kiosk')}/{e.get('id')}" for e in body.get("events", [])]
        else:
            problems, ids = [f"unexpected POST {path}"], []
        with lock:
            posts += 1
            n = posts
            drop = mode.startswith("drop:") and n <= int(mode[5:])
            fail500 = mode.startswith("s500:") and n <= int(mode[5:])
            new = []
            if not drop and not fail500 and not problems:
                new = [i for i in ids if i not in seen]
                seen.update(ids)
            entry = {"n": n, "path": path, "content_type": self.headers.get("Content-Type"), "body": body,
                     "ids": ids, "problems": problems, "outcome": "drop" if drop else "500" if fail500 else "ok",
                     "new": len(new)}
            with open(logfile, "a") as f:
                f.write(json.dumps(entry) + "\n")
        if drop:
            self.close_connection = True
            self.connection.shutdown(2)
            return
        if fail500:
            return self.answer(500, {"status": "error"})
        if problems:
            return self.answer(400, {"status": "error", "problems": problems})
        self.answer(200, {"status": "success", "tracked": len(new), "invalid": 0})


server = http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[4]) if len(sys.argv) > 4 else 0), Handler)
with open(portfile + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
import os  # noqa: E402
os.replace(portfile + ".tmp", portfile)
server.serve_forever()
