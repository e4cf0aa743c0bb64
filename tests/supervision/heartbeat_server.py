#!/usr/bin/env python3
"""The office's heartbeat receiver for tests, on 127.0.0.1 only.

usage: heartbeat_server.py PORT_FILE LOG_FILE SHOT_FILE ASK_AT_SEQ [PORT]
Appends each accepted heartbeat body as one line to LOG_FILE; answers
{"screenshot": true, "sync_now": true} to the heartbeat whose seq is ASK_AT_SEQ; saves
a POSTed screenshot to SHOT_FILE. Refuses requests without "Bearer test-token" (401).
"""
import json
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer

port_file, log_file, shot_file, ask_at = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
port = int(sys.argv[5]) if len(sys.argv) > 5 else 0


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def reply(self, code, body=b"{}"):
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if self.headers.get("Authorization") != "Bearer test-token":
            return self.reply(401)
        if self.path == "/hb/screenshot":
            with open(shot_file, "wb") as f:
                f.write(body)
            return self.reply(200)
        if self.path != "/hb":
            return self.reply(404)
        beat = json.loads(body)
        with open(log_file, "a") as f:
            f.write(json.dumps(beat) + "\n")
        answer = {"screenshot": True, "sync_now": True} if beat["seq"] == ask_at else {}
        self.reply(200, json.dumps(answer).encode())


server = HTTPServer(("127.0.0.1", port), Handler)
with open(port_file + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
import os
os.rename(port_file + ".tmp", port_file)
server.serve_forever()
