#!/usr/bin/env python3
"""A loopback stand-in for the EC2 instance metadata service (IMDSv2) and a release download site.

IMDSv2 as EC2 answers it: PUT /latest/api/token (with the TTL header) issues a token; GET
/latest/meta-data/<path> answers only with that token (401 without it, 404 for unknown paths).
spot/instance-action answers only once --spot-notice-file exists, like a spot interruption notice;
instance-type is the content of --instance-type-file while that exists (one stub plays several types).
GET /files/<name> serves files from --files (the archbench distribution for the user-data test).

Binds 127.0.0.1 on a free port, writes the port to --port-file, logs every request to --log.
"""
import json
import pathlib
import shutil

from stub_http import StubHandler, argument_parser, serve

TOKEN = "stub-imds-token-5f2c"


def main():
    ap = argument_parser(__doc__)
    ap.add_argument("--instance-type", default="c7g.xlarge")
    ap.add_argument("--instance-type-file", help="when it exists, its content is the instance type")
    ap.add_argument("--region", default="us-east-1")
    ap.add_argument("--lifecycle", default="spot")
    ap.add_argument("--spot-notice-file")
    ap.add_argument("--files")
    args = ap.parse_args()

    metadata = {
        "instance-type": args.instance_type,
        "placement/region": args.region,
        "placement/availability-zone": args.region + "b",
        "instance-life-cycle": args.lifecycle,
        "instance-id": "i-0123456789abcdef0",
        "ami-id": "ami-0123456789abcdef0",
    }

    class Handler(StubHandler):
        def record(self, status):
            token = self.headers.get("X-aws-ec2-metadata-token")
            self.log(f"{self.command} {self.path} {'token' if token else '-'} {status}")

        def answer(self, status, body=""):
            self.record(status)
            super().answer(status, body)

        def do_PUT(self):
            if self.path != "/latest/api/token":
                return self.answer(404)
            if not self.headers.get("X-aws-ec2-metadata-token-ttl-seconds"):
                return self.answer(400)
            self.answer(200, TOKEN)

        def do_GET(self):
            if self.path.startswith("/files/") and args.files:
                f = pathlib.Path(args.files) / pathlib.Path(self.path[len("/files/"):]).name
                if not f.is_file():
                    return self.answer(404)
                self.record(200)
                self.send_response(200)
                self.send_header("Content-Length", str(f.stat().st_size))
                self.end_headers()
                with f.open("rb") as src:
                    shutil.copyfileobj(src, self.wfile)
                return
            if self.headers.get("X-aws-ec2-metadata-token") != TOKEN:
                return self.answer(401)
            prefix = "/latest/meta-data/"
            key = self.path[len(prefix):] if self.path.startswith(prefix) else None
            if key == "spot/instance-action":
                if args.spot_notice_file and pathlib.Path(args.spot_notice_file).exists():
                    return self.answer(200, json.dumps({"action": "terminate", "time": "2026-11-27T12:00:00Z"}))
                return self.answer(404)
            if key == "instance-type" and args.instance_type_file and pathlib.Path(args.instance_type_file).exists():
                return self.answer(200, pathlib.Path(args.instance_type_file).read_text().strip())
            if key in metadata:
                return self.answer(200, metadata[key])
            self.answer(404)

    serve(Handler, args.port_file, args.log)


if __name__ == "__main__":
    main()
