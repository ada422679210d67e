#!/usr/bin/env python3
"""A stand-in for the few GitHub REST endpoints the ci/ workflow scripts call
(GitHub itself is not reachable from the test machines): issue comments
(list, create, update) and pull requests (create). It keeps what it is sent,
checks the headers GitHub requires, and logs every request as a JSON line.
Usage: fake_github.py PORT_FILE LOG_FILE TOKEN   (listens on 127.0.0.1)"""
import json
import re
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port_file, log_file, token = sys.argv[1:4]
comments = {}  # id -> {"id", "issue", "body"}
pulls = []


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def reply(self, status, payload):
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def handle_any(self, method):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        body = json.loads(raw) if raw else None
        with open(log_file, "a") as log:
            log.write(json.dumps({"method": method, "path": self.path, "body": body,
                                  "auth_ok": self.headers.get("Authorization") == "Bearer " + token,
                                  "accept": self.headers.get("Accept"),
                                  "api_version": self.headers.get("X-GitHub-Api-Version")}) + "\n")
        if self.headers.get("Authorization") != "Bearer " + token:
            return self.reply(401, {"message": "Bad credentials"})
        path = self.path.split("?")[0]
        query = dict(p.split("=", 1) for p in self.path.split("?")[1].split("&")) if "?" in self.path else {}
        m = re.fullmatch(r"/repos/[^/]+/[^/]+/issues/(\d+)/comments", path)
        if m and method == "GET":
            page, per_page = int(query.get("page", 1)), int(query.get("per_page", 30))
            mine = [c for c in comments.values() if c["issue"] == int(m.group(1))]
            return self.reply(200, mine[(page - 1) * per_page:page * per_page])
        if m and method == "POST":
            cid = 1000 + len(comments)
            comments[cid] = {"id": cid, "issue": int(m.group(1)), "body": body["body"]}
            return self.reply(201, comments[cid])
        m = re.fullmatch(r"/repos/[^/]+/[^/]+/issues/comments/(\d+)", path)
        if m and method == "PATCH":
            cid = int(m.group(1))
            if cid not in comments:
                return self.reply(404, {"message": "Not Found"})
            comments[cid]["body"] = body["body"]
            return self.reply(200, comments[cid])
        if re.fullmatch(r"/repos/[^/]+/[^/]+/pulls", path) and method == "POST":
            if not all(isinstance(body.get(k), str) and body[k] for k in ("title", "head", "base")):
                return self.reply(422, {"message": "Validation Failed"})
            pulls.append(body)
            number = len(pulls)
            return self.reply(201, {"number": number, "html_url": "http://127.0.0.1/pull/%d" % number})
        return self.reply(404, {"message": "Not Found"})

    def do_GET(self):
        self.handle_any("GET")

    def do_POST(self):
        self.handle_any("POST")

    def do_PATCH(self):
        self.handle_any("PATCH")


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(port_file, "w") as f:
    f.write(str(server.server_address[1]))
server.serve_forever()
