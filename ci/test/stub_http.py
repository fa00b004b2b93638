"""The loopback HTTP server every stub here is (imds_stub.py, imds_overlay.py, ecs_metadata_stub.py,
lambda_runtime_stub.py).

A stub takes the options of argument_parser(), subclasses StubHandler for its answers, then calls
serve(): it binds 127.0.0.1 on a free port, writes the port to --port-file (atomically, so a waiting
test never reads half a number) and serves until killed. A stub with a --log writes a line there for
every request, which the tests grep.
"""
import argparse
import http.server
import pathlib
import threading

_log_lock = threading.Lock()


def argument_parser(description, log=True):
    """The options every stub takes: --port-file, and --log unless the stub logs nothing."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--port-file", required=True)
    if log:
        ap.add_argument("--log", required=True)
    return ap


class StubHandler(http.server.BaseHTTPRequestHandler):
    """Quiet on stderr; log_path is set by serve() (None: log() writes nothing)."""

    log_path = None

    def log_message(self, fmt, *a):
        pass

    def log(self, line):
        if self.log_path is None:
            return
        with _log_lock, open(self.log_path, "a") as f:
            f.write(line + "\n")

    def answer(self, status, body=b"", content_type=None, headers=()):
        """One whole answer: status, body (str or bytes), its type and any further (name, value) headers."""
        data = body.encode() if isinstance(body, str) else body
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def serve(handler, port_file, log=None):
    handler.log_path = log
    if log is not None:
        open(log, "a").close()  # there from the start, as a test may read it before any request
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    tmp = pathlib.Path(port_file + ".tmp")
    tmp.write_text(str(server.server_address[1]))
    tmp.rename(port_file)
    server.serve_forever()
