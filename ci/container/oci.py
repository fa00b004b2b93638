#!/usr/bin/env python3
"""Writes, checks and unpacks a multi-platform OCI image layout, with the standard library only.

  oci.py write DIR --tag TAG [--name NAME:TAG] --epoch SECONDS --image-config JSON
                   --platform ARCH=LAYER[,LAYER...] [--platform ...] [--annotation KEY=VALUE ...]
      One image per --platform (ARCH: amd64 or arm64), its layers made from directories, in order;
      a directory named by two platforms becomes one shared blob. DIR gets oci-layout, blobs/sha256/
      and index.json, whose one entry (named TAG) is an image index of the platforms' manifests.
      --image-config is the image's runtime config (Entrypoint, Cmd, Env, WorkingDir, Labels).
      Layers are reproducible: entries sorted, times clamped to --epoch, owners numeric, gzip
      without name or time, so the same trees give the same digests.
  oci.py check DIR [--platforms amd64,arm64]
      The layout's structure: every blob's digest and size match what points at it, the tag's index
      names exactly the expected platforms, each manifest's config agrees with its platform, and the
      config's diff_ids are the digests of the uncompressed layers. One line per problem; exit 1 if any.
  oci.py unpack DIR ARCH DEST
      Extracts that platform's layers, in order, into DEST (whiteouts applied), as a runtime would.
"""
import argparse
import gzip
import hashlib
import json
import os
import shutil
import stat
import sys
import tarfile
import tempfile
import time

INDEX = "application/vnd.oci.image.index.v1+json"
MANIFEST = "application/vnd.oci.image.manifest.v1+json"
CONFIG = "application/vnd.oci.image.config.v1+json"
LAYER = "application/vnd.oci.image.layer.v1.tar+gzip"
REF_NAME = "org.opencontainers.image.ref.name"
# Docker's and OCI's names of the platforms: GOARCH and, for arm64, the variant AWS Graviton is.
PLATFORMS = {"amd64": {"architecture": "amd64", "os": "linux"},
             "arm64": {"architecture": "arm64", "os": "linux", "variant": "v8"}}


class HashingWriter:
    """A write-only file that hashes and counts what passes through it to `target`."""

    def __init__(self, target):
        self.target = target
        self.sha = hashlib.sha256()
        self.size = 0

    def write(self, data):
        self.sha.update(data)
        self.size += len(data)
        return self.target.write(data)

    def flush(self):
        self.target.flush()

    def digest(self):
        return "sha256:" + self.sha.hexdigest()


class Layout:
    def __init__(self, root):
        self.root = root
        self.blobs = os.path.join(root, "blobs", "sha256")

    def blob_path(self, digest):
        algorithm, hex_digest = digest.split(":", 1)
        if algorithm != "sha256" or len(hex_digest) != 64:
            raise ValueError(f"not a sha256 digest: {digest}")
        return os.path.join(self.blobs, hex_digest)

    def put_json(self, media_type, value):
        data = json.dumps(value, sort_keys=True, separators=(",", ":")).encode()
        digest = "sha256:" + hashlib.sha256(data).hexdigest()
        with open(self.blob_path(digest), "wb") as f:
            f.write(data)
        return {"mediaType": media_type, "digest": digest, "size": len(data)}

    def read_json(self, descriptor):
        with open(self.blob_path(descriptor["digest"]), "rb") as f:
            return json.loads(f.read())

    def put_layer(self, source, epoch):
        """The directory `source` as a gzip'd tar blob: (descriptor, diff_id)."""
        fd, tmp = tempfile.mkstemp(dir=self.blobs, prefix=".layer-")
        with os.fdopen(fd, "wb") as raw:
            compressed = HashingWriter(raw)
            with gzip.GzipFile(filename="", mode="wb", fileobj=compressed, mtime=0) as gz:
                uncompressed = HashingWriter(gz)
                with tarfile.open(fileobj=uncompressed, mode="w|", format=tarfile.PAX_FORMAT) as tar:
                    add_tree(tar, source, epoch)
        os.chmod(tmp, 0o644)
        os.replace(tmp, self.blob_path(compressed.digest()))
        return {"mediaType": LAYER, "digest": compressed.digest(), "size": compressed.size}, uncompressed.digest()


def add_tree(tar, source, epoch):
    """Every entry under `source` (not itself), sorted, parents first; hard links kept."""
    paths = []
    for directory, dirs, files in os.walk(source):
        dirs.sort()
        for name in sorted(dirs + files):
            paths.append(os.path.join(directory, name))
    paths.sort(key=lambda p: os.path.relpath(p, source).split(os.sep))
    for path in paths:
        arcname = os.path.relpath(path, source)
        info = tar.gettarinfo(path, arcname)
        if info is None:  # a socket or other kind a layer cannot hold
            continue
        info.mtime = min(int(info.mtime), epoch)
        info.uname = info.gname = ""
        if info.isreg():
            with open(path, "rb") as f:
                tar.addfile(info, f)
        else:
            tar.addfile(info)


def write(args):
    image_config = json.loads(args.image_config)
    layout = Layout(args.dir)
    os.makedirs(layout.blobs, exist_ok=True)
    created = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(args.epoch))
    layers = {}  # directory -> (descriptor, diff_id): a tree two platforms share is one blob
    manifests = []
    for spec in args.platform:
        arch, _, sources = spec.partition("=")
        if arch not in PLATFORMS or not sources:
            raise SystemExit(f"oci.py: --platform must be amd64=DIR[,DIR...] or arm64=DIR[,DIR...], not {spec}")
        descriptors, diff_ids, history = [], [], []
        for source in sources.split(","):
            if not os.path.isdir(source):
                raise SystemExit(f"oci.py: layer source {source} is not a directory")
            key = os.path.realpath(source)
            if key not in layers:
                layers[key] = layout.put_layer(source, args.epoch)
            descriptors.append(layers[key][0])
            diff_ids.append(layers[key][1])
            history.append({"created": created, "created_by": f"ci/container/build: {os.path.basename(key)}"})
        config = dict(PLATFORMS[arch], created=created, config=image_config,
                      rootfs={"type": "layers", "diff_ids": diff_ids}, history=history)
        manifest = {"schemaVersion": 2, "mediaType": MANIFEST, "config": layout.put_json(CONFIG, config),
                    "layers": descriptors}
        if args.annotation:
            manifest["annotations"] = dict(a.split("=", 1) for a in args.annotation)
        descriptor = layout.put_json(MANIFEST, manifest)
        descriptor["platform"] = PLATFORMS[arch]
        manifests.append(descriptor)
    index = {"schemaVersion": 2, "mediaType": INDEX, "manifests": manifests}
    if args.annotation:
        index["annotations"] = dict(a.split("=", 1) for a in args.annotation)
    top = layout.put_json(INDEX, index)
    top["annotations"] = {REF_NAME: args.tag}
    if args.name:  # the name `docker load` gives the image (it reads containerd's annotation)
        top["annotations"]["io.containerd.image.name"] = "docker.io/library/" + args.name
    with open(os.path.join(args.dir, "oci-layout"), "w") as f:
        json.dump({"imageLayoutVersion": "1.0.0"}, f)
    # index.json last: a layout is complete once it names the tag.
    tmp = os.path.join(args.dir, ".index.json.tmp")
    with open(tmp, "w") as f:
        json.dump({"schemaVersion": 2, "mediaType": INDEX, "manifests": [top]}, f, indent=2, sort_keys=True)
        f.write("\n")
    os.replace(tmp, os.path.join(args.dir, "index.json"))
    print(top["digest"])


def check(args):
    layout = Layout(args.dir)
    problems = []
    verified = {}

    def blob(descriptor, what):
        """Verifies digest and size of the blob a descriptor points at; its bytes or None."""
        digest = descriptor.get("digest", "")
        try:
            path = layout.blob_path(digest)
        except ValueError as e:
            problems.append(f"{what}: {e}")
            return None
        if not os.path.isfile(path):
            problems.append(f"{what}: blob {digest} is missing")
            return None
        if digest not in verified:
            sha = hashlib.sha256()
            with open(path, "rb") as f:
                for chunk in iter(lambda: f.read(1 << 20), b""):
                    sha.update(chunk)
            verified[digest] = ("sha256:" + sha.hexdigest(), os.path.getsize(path))
        actual, size = verified[digest]
        if actual != digest:
            problems.append(f"{what}: blob {digest} has digest {actual}")
        if descriptor.get("size") != size:
            problems.append(f"{what}: size {descriptor.get('size')} but blob {digest} has {size} bytes")
        if actual != digest or descriptor.get("size") != size:
            return None
        with open(path, "rb") as f:
            return f.read() if descriptor.get("mediaType") != LAYER else b""

    try:
        with open(os.path.join(args.dir, "oci-layout")) as f:
            if json.load(f).get("imageLayoutVersion") != "1.0.0":
                problems.append("oci-layout: imageLayoutVersion is not 1.0.0")
        with open(os.path.join(args.dir, "index.json")) as f:
            top = json.load(f)
    except (OSError, ValueError) as e:
        raise SystemExit(f"oci.py: {args.dir} is not an OCI layout: {e}")
    entries = top.get("manifests", [])
    if len(entries) != 1 or entries[0].get("mediaType") != INDEX:
        problems.append(f"index.json: expected one image index entry, found {len(entries)}")
    expected = set(args.platforms.split(","))
    for entry in entries:
        if not (entry.get("annotations") or {}).get(REF_NAME):
            problems.append("index.json: entry without a tag (org.opencontainers.image.ref.name)")
        data = blob(entry, "index.json entry")
        if data is None:
            continue
        index = json.loads(data)
        found = {}
        for m in index.get("manifests", []):
            platform = m.get("platform") or {}
            arch = platform.get("architecture")
            what = f"manifest {arch}"
            if arch in found:
                problems.append(f"image index: two manifests for {arch}")
            found[arch] = m
            if arch in PLATFORMS and platform != PLATFORMS[arch]:
                problems.append(f"{what}: platform {platform}, expected {PLATFORMS[arch]}")
            data = blob(m, what)
            if data is None:
                continue
            manifest = json.loads(data)
            if manifest.get("mediaType") != MANIFEST or m.get("mediaType") != MANIFEST:
                problems.append(f"{what}: media type is not {MANIFEST}")
            config_data = blob(manifest.get("config", {}), f"{what} config")
            if config_data is None:
                continue
            config = json.loads(config_data)
            for key in ("architecture", "os", "variant"):
                if config.get(key) != platform.get(key):
                    problems.append(f"{what}: config says {key} {config.get(key)}, the index {platform.get(key)}")
            diff_ids = (config.get("rootfs") or {}).get("diff_ids", [])
            layers = manifest.get("layers", [])
            if len(diff_ids) != len(layers):
                problems.append(f"{what}: {len(layers)} layers but {len(diff_ids)} diff_ids")
            for i, (layer, diff_id) in enumerate(zip(layers, diff_ids)):
                if blob(layer, f"{what} layer {i}") is None:
                    continue
                sha = hashlib.sha256()
                with gzip.open(layout.blob_path(layer["digest"]), "rb") as f:
                    for chunk in iter(lambda: f.read(1 << 20), b""):
                        sha.update(chunk)
                if "sha256:" + sha.hexdigest() != diff_id:
                    problems.append(f"{what} layer {i}: uncompressed digest is not the config's diff_id {diff_id}")
        if set(found) != expected:
            problems.append(f"image index: platforms {sorted(found)}, expected {sorted(expected)}")
    for p in problems:
        print(p)
    if problems:
        sys.exit(1)
    print(f"ok: {args.dir}: one index, platforms {','.join(sorted(expected))}, {len(verified)} blobs verified")


def unpack(args):
    layout = Layout(args.dir)
    with open(os.path.join(args.dir, "index.json")) as f:
        index = layout.read_json(json.load(f)["manifests"][0])
    matches = [m for m in index["manifests"] if (m.get("platform") or {}).get("architecture") == args.arch]
    if not matches:
        raise SystemExit(f"oci.py: no {args.arch} image in {args.dir}")
    manifest = layout.read_json(matches[0])
    os.makedirs(args.dest, exist_ok=True)
    dest = os.path.realpath(args.dest)
    for layer in manifest["layers"]:
        with tarfile.open(layout.blob_path(layer["digest"]), "r:gz") as tar:
            members = []
            for member in tar:
                if member.name.startswith("/") or ".." in member.name.split("/"):
                    raise SystemExit(f"oci.py: layer entry {member.name} leaves the root")
                parent, name = os.path.split(member.name)
                target = os.path.join(dest, parent)
                if name == ".wh..wh..opq":
                    for old in os.listdir(target):
                        remove(os.path.join(target, old))
                elif name.startswith(".wh."):
                    remove(os.path.join(target, name[4:]))
                else:
                    members.append(member)
            # Our own layers, trusted: owners, modes and absolute symlinks as the image has them.
            trusted = {"filter": "fully_trusted"} if hasattr(tarfile, "fully_trusted_filter") else {}
            tar.extractall(dest, members=members, numeric_owner=True, **trusted)


def remove(path):
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path)
    elif os.path.lexists(path):
        os.remove(path)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    w = sub.add_parser("write")
    w.add_argument("dir")
    w.add_argument("--tag", required=True)
    w.add_argument("--name", help="NAME:TAG for docker load")
    w.add_argument("--epoch", type=int, required=True)
    w.add_argument("--image-config", required=True)
    w.add_argument("--platform", action="append", required=True)
    w.add_argument("--annotation", action="append", default=[])
    c = sub.add_parser("check")
    c.add_argument("dir")
    c.add_argument("--platforms", default="amd64,arm64")
    u = sub.add_parser("unpack")
    u.add_argument("dir")
    u.add_argument("arch", choices=sorted(PLATFORMS))
    u.add_argument("dest")
    args = parser.parse_args()
    {"write": write, "check": check, "unpack": unpack}[args.command](args)


if __name__ == "__main__":
    main()
