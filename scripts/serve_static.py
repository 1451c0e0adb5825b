"""A quiet static server for tests and the link check: `python scripts/serve_static.py PORT DIR`.
It sends a `LinkChecker` header so that linkchecker does not throttle itself."""
from __future__ import annotations

import functools
import http.server
import os
import sys
import threading


class Handler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self):
        self.send_header("LinkChecker", "allow")
        super().end_headers()

    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        # Like a real host: the site's own 404 page for a missing address.
        page = os.path.join(self.directory, "404.html")
        english = os.path.join(self.directory, "en", "404.html")  # the English 404 page for /en/… (as scripts/nginx.conf)
        if self.path.startswith("/en/") and os.path.exists(english):
            page = english
        if code != 404 or not os.path.exists(page):
            return super().send_error(code, message, explain)
        body = open(page, "rb").read()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def serve(directory: str, port: int = 0, handler=Handler):
    """Serve `directory` from a background thread; returns (server, base_url)."""
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=directory))
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv, f"http://127.0.0.1:{srv.server_address[1]}/"


if __name__ == "__main__":
    _, url = serve(sys.argv[2], int(sys.argv[1]))
    print(url, flush=True)
    threading.Event().wait()
