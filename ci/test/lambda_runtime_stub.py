#!/usr/bin/env python3
"""A loopback stand-in for the AWS Lambda Runtime API (2018-06-01), as a function's runtime sees it.

GET  /2018-06-01/runtime/invocation/next        the next event of --events (a JSON list), with the
     headers Lambda sends: Lambda-Runtime-Aws-Request-Id (req-1, req-2, ...), -Deadline-Ms (now plus
     --timeout-seconds), -Invoked-Function-Arn, -Trace-Id; once all were handed out it holds the
     request open, as Lambda does between invocations
POST /2018-06-01/runtime/invocation/<id>/response   stored as <id>.response.json in --dir
POST /2018-06-01/runtime/invocation/<id>/error      stored as <id>.error.json
POST /2018-06-01/runtime/init/error                 stored as init.error.json

Binds 127.0.0.1 on a free port, writes the port to --port-file, logs every request to --log.
"""
import json
import pathlib
import threading
import time

from stub_http import StubHandler, argument_parser, serve

PREFIX = "/2018-06-01/runtime/"


def main():
    ap = argument_parser(__doc__)
    ap.add_argument("--dir", required=True, help="where responses and errors are written")
    ap.add_argument("--events", required=True, help="a JSON file holding the list of events")
    ap.add_argument("--timeout-seconds", type=int, default=300)
    ap.add_argument("--function", default="archbench-e2e-x86_64-1024")
    args = ap.parse_args()
    events = json.loads(pathlib.Path(args.events).read_text())
    out = pathlib.Path(args.dir)
    out.mkdir(parents=True, exist_ok=True)
    lock = threading.Lock()
    served = []

    class Handler(StubHandler):
        def do_GET(self):
            self.log(f"GET {self.path}")
            if self.path != PREFIX + "invocation/next":
                return self.answer(404)
            with lock:
                n = len(served)
                if n < len(events):
                    served.append(n)
            if n >= len(events):
                time.sleep(3600)  # no more events: the runtime waits, as on Lambda
                return self.answer(500)
            deadline = int((time.time() + args.timeout_seconds) * 1000)
            self.answer(200, json.dumps(events[n]), "application/json", [
                ("Lambda-Runtime-Aws-Request-Id", f"req-{n + 1}"),
                ("Lambda-Runtime-Deadline-Ms", str(deadline)),
                ("Lambda-Runtime-Invoked-Function-Arn", f"arn:aws:lambda:us-east-1:123456789012:function:{args.function}"),
                ("Lambda-Runtime-Trace-Id", f"Root=1-00000000-00000000000000000000000{n};Sampled=0")])

        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            self.log(f"POST {self.path} {len(body)} bytes")
            parts = self.path[len(PREFIX):].split("/") if self.path.startswith(PREFIX) else []
            if parts == ["init", "error"]:
                name = "init.error.json"
            elif len(parts) == 3 and parts[0] == "invocation" and parts[2] in ("response", "error"):
                name = f"{parts[1]}.{parts[2]}.json"
            else:
                return self.answer(404)
            tmp = out / (name + ".tmp")
            tmp.write_bytes(body)
            tmp.rename(out / name)
            self.answer(202, b'{"status":"OK"}')

    serve(Handler, args.port_file, args.log)


if __name__ == "__main__":
    main()
