#!/usr/bin/env python3
# A fault-injecting HTTP server for the sync tests (standard library only): serves a
# folder on 127.0.0.1 and misbehaves as the first path segment asks.
#
# URL: /<mode>/<path in ROOT>. Modes: ok, s404, s500, s503 (Retry-After: 7), r429
# (Retry-After: 120), stall (a few bytes, then silence), slow (no answer for 30 s),
# trunc (half the body, then close), bigger (100 bytes more than the file), loop (a
# redirect to itself). "obj-<mode>" applies the mode to every file except manifest.json.
# Usage: fault_server.py ROOT PORTFILE  (writes the chosen port to PORTFILE when ready)
import http.server
import os
import sys
import time

ROOT = os.path.realpath(sys.argv[1])


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        pass

    def send_body(self, code, body, extra=None, length=None):
        self.send_response(code)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)
        self.wfile.flush()

    def do_GET(self):
        parts = self.path.split("?")[0].lstrip("/").split("/", 1)
        mode, rel = parts[0], (parts[1] if len(parts) > 1 else "")
        if mode.startswith("obj-"):
            mode = "ok" if rel.endswith("manifest.json") else mode[4:]
        path = os.path.realpath(os.path.join(ROOT, rel))
        if mode == "loop":
            self.send_response(302)
            self.send_header("Location", self.path)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if mode in ("s404", "s500"):
            return self.send_body(int(mode[1:]), b"error\n")
        if mode == "s503":
            return self.send_body(503, b"busy\n", {"Retry-After": "7"})
        if mode == "r429":
            return self.send_body(429, b"slow down\n", {"Retry-After": "120"})
        if mode == "slow":
            time.sleep(30)
            return
        if not path.startswith(ROOT + os.sep) or not os.path.isfile(path):
            return self.send_body(404, b"not found\n")
        with open(path, "rb") as f:
            data = f.read()
        if mode == "stall":
            self.send_response(200)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data[:10])
            self.wfile.flush()
            time.sleep(30)
            return
        if mode == "trunc":
            self.send_response(200)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data[: len(data) // 2])
            self.wfile.flush()
            self.close_connection = True
            return
        if mode == "bigger":
            return self.send_body(200, data + b"x" * 100)
        if mode != "ok":
            return self.send_body(400, b"unknown mode\n")
        rng = self.headers.get("Range", "")
        if rng.startswith("bytes=") and rng.endswith("-"):
            start = int(rng[6:-1])
            return self.send_body(206, data[start:], {"Content-Range": "bytes %d-%d/%d" % (start, len(data) - 1, len(data))})
        return self.send_body(200, data, {"Date": self.date_time_string()})


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True


server = Server(("127.0.0.1", 0), Handler)
tmp = sys.argv[2] + ".tmp"
with open(tmp, "w") as f:
    f.write(str(server.server_address[1]))
os.rename(tmp, sys.argv[2])
server.serve_forever()
