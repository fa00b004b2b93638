#!/usr/bin/env python3
"""A loopback stand-in for the ECS task metadata endpoint v4.

GET /v4/<id> answers this container (--container FILE), GET /v4/<id>/task the task (--task FILE),
anything else 404, as the endpoint ECS injects into every container does. Point
ECS_CONTAINER_METADATA_URI_V4 at http://127.0.0.1:PORT/v4/archbench. The answers are the fixtures
shaped like AWS's documented ones (harness/src/test/resources/ecs-metadata/).

Binds 127.0.0.1 on a free port, writes the port to --port-file, logs every request to --log.
"""
import pathlib

from stub_http import StubHandler, argument_parser, serve

BASE = "/v4/archbench"


def main():
    ap = argument_parser(__doc__)
    ap.add_argument("--task", required=True, help="JSON answer of ${ECS_CONTAINER_METADATA_URI_V4}/task")
    ap.add_argument("--container", required=True, help="JSON answer of ${ECS_CONTAINER_METADATA_URI_V4}")
    args = ap.parse_args()
    answers = {BASE: pathlib.Path(args.container).read_bytes(), BASE + "/task": pathlib.Path(args.task).read_bytes()}

    class Handler(StubHandler):
        def do_GET(self):
            body = answers.get(self.path)
            status = 200 if body is not None else 404
            self.log(f"GET {self.path} {status}")
            self.answer(status, body or b"", "application/json")

    serve(Handler, args.port_file, args.log)


if __name__ == "__main__":
    main()
