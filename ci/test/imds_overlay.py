#!/usr/bin/env python3
"""An IMDSv2 stand-in for one instance of a pair: answers some metadata paths itself and passes every
other request to ci/test/imds_stub.py (the token, spot notices, everything else), so that two
"instances" on one machine differ where the pair's user data looks: their instance ids and the
instance tags that give each its role (tags/instance/<key>, as EC2 answers with InstanceMetadataTags
enabled).

  imds_overlay.py --upstream http://127.0.0.1:PORT --port-file F \
      --answer instance-id=i-0... --answer tags/instance/archbench-role=server ...

An answered path is served only with the token the upstream accepts (checked by asking it for
instance-type with the same header), so a read without the token still gets 401. Binds 127.0.0.1
on a free port and writes it to --port-file.
"""
import urllib.error
import urllib.request

from stub_http import StubHandler, argument_parser, serve

PREFIX = "/latest/meta-data/"
TOKEN_HEADER = "X-aws-ec2-metadata-token"


def main():
    ap = argument_parser(__doc__, log=False)
    ap.add_argument("--upstream", required=True)
    ap.add_argument("--answer", action="append", default=[], metavar="PATH=VALUE")
    args = ap.parse_args()
    answers = dict(a.split("=", 1) for a in args.answer)
    upstream = args.upstream.rstrip("/")

    class Handler(StubHandler):
        def forward(self, method, path):
            headers = {k: v for k, v in self.headers.items() if k.lower().startswith(TOKEN_HEADER.lower())}
            request = urllib.request.Request(upstream + path, method=method, headers=headers)
            try:
                with urllib.request.urlopen(request, timeout=5) as r:
                    return r.status, r.read()
            except urllib.error.HTTPError as e:
                return e.code, e.read()

        def do_PUT(self):
            self.answer(*self.forward("PUT", self.path))

        def do_GET(self):
            key = self.path[len(PREFIX):] if self.path.startswith(PREFIX) else None
            if key is None or not (key in answers or key == "tags/instance"):
                return self.answer(*self.forward("GET", self.path))
            status, _ = self.forward("GET", PREFIX + "instance-type")
            if status == 401:
                return self.answer(401)
            if key == "tags/instance":
                keys = sorted(k[len("tags/instance/"):] for k in answers if k.startswith("tags/instance/"))
                return self.answer(200, "\n".join(keys)) if keys else self.answer(404)
            self.answer(200, answers[key])

    serve(Handler, args.port_file)


if __name__ == "__main__":
    main()
