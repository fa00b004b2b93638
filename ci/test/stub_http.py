"""The loopback HTTP server every metadata stub here is (imds_stub.py, ecs_metadata_stub.py).

A stub subclasses StubHandler for its answers, then calls serve(): it binds 127.0.0.1 on a free port,
writes the port to --port-file (atomically, so a waiting test never reads half a number) and serves
until killed. Every answer is one line of --log, which the tests grep.
"""
import http.server
import pathlib
import threading

_log_lock = threading.Lock()


class StubHandler(http.server.BaseHTTPRequestHandler):
    """Quiet on stderr; log_path is set by serve()."""

    log_path = None

    def log_message(self, fmt, *a):
        pass

    def log(self, line):
        with _log_lock, open(self.log_path, "a") as f:
            f.write(line + "\n")

    def answer(self, status, body=b"", content_type=None):
        data = body.encode() if isinstance(body, str) else body
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def serve(handler, port_file, log):
    handler.log_path = log
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    tmp = pathlib.Path(port_file + ".tmp")
    tmp.write_text(str(server.server_address[1]))
    tmp.rename(port_file)
    server.serve_forever()
