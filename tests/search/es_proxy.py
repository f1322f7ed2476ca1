"""A loopback HTTP proxy in front of the test Elasticsearch node that misbehaves on purpose.

It is a real HTTP server (127.0.0.1, a free port) forwarding every request to the node,
except that it answers the first `fail_first` requests (or those whose path matches
`fail_path`) with an error status (429 or 503) instead — what an overloaded or restarting
cluster does. Tests point the store at it to see retries and back-off work for real.
"""
from __future__ import annotations

import http.client
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit


class FlakyProxy:
    def __init__(self, target: str, *, fail_first: int = 0, status: int = 503, fail_path: str = "",
                 fail_times: int | None = None, port: int = 0):
        self.target = urlsplit(target)
        self.fail_first = fail_first
        self.status = status
        self.fail_path = fail_path
        self.fail_times = fail_times  # with fail_path: how many matching requests fail (None: all)
        self.requests: list[tuple[str, str, int]] = []  # (method, path, status answered)
        self.lock = threading.Lock()
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # keep test output clean
                pass

            def _handle(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                with proxy.lock:
                    n = len(proxy.requests)
                    fail = n < proxy.fail_first
                    if proxy.fail_path and proxy.fail_path in self.path:
                        failed_so_far = sum(1 for _, p, s in proxy.requests if proxy.fail_path in p and s == proxy.status)
                        fail = proxy.fail_times is None or failed_so_far < proxy.fail_times
                    proxy.requests.append((self.command, self.path, proxy.status if fail else 0))
                if fail:
                    payload = (b'{"error":{"type":"es_rejected_execution_exception","reason":"proxy says busy"},'
                               b'"status":%d}' % proxy.status)
                    self.send_response(proxy.status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("X-Elastic-Product", "Elasticsearch")
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                    return
                conn = http.client.HTTPConnection(proxy.target.hostname, proxy.target.port, timeout=60)
                headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection")}
                conn.request(self.command, self.path, body=body, headers=headers)
                resp = conn.getresponse()
                data = resp.read()
                self.send_response(resp.status)
                for k, v in resp.getheaders():
                    if k.lower() not in ("transfer-encoding", "connection", "content-length"):
                        self.send_header(k, v)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
                conn.close()

            do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _handle

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def failures(self) -> int:
        with self.lock:
            return sum(1 for r in self.requests if r[2])

    def __enter__(self) -> FlakyProxy:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
