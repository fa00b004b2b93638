#!/usr/bin/env bash
# Tests ci/container/oci.py on small trees (no Debian, no engine): a two-platform layout passes its
# own check (one index, linux/amd64 and linux/arm64 with variant v8, digests and sizes, diff_ids);
# a shared tree is one blob; the same trees give the same digests (reproducible); each platform
# unpacks to its own files with modes, links and whiteouts; and check catches a corrupt blob, a
# missing platform, a wrong size and a config that disagrees with its platform.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
oci_py=$root/ci/container/oci.py
scenario=oci-layout
tmp=$(mktemp -d)
# shellcheck source=ci/test/tap.sh
source "$root/ci/test/tap.sh"
# check_text DESCRIPTION REGEX TEXT: TEXT has a line matching REGEX.
check_text() { check "$1" grep -qE -- "$2" <<<"$3"; }

# Trees: a "base" per architecture, a shared "app", with a hard link, a symlink, an executable.
for arch in amd64 arm64; do
  mkdir -p "$tmp/base-$arch/etc" "$tmp/base-$arch/tmp"
  echo "$arch" >"$tmp/base-$arch/etc/arch"
  echo "gone" >"$tmp/base-$arch/etc/stale"
  chmod 1777 "$tmp/base-$arch/tmp"
done
mkdir -p "$tmp/app/opt/archbench" "$tmp/app/usr/local/bin" "$tmp/app/etc"
echo "jar" >"$tmp/app/opt/archbench/archbench.jar"
printf '#!/bin/sh\necho hi\n' >"$tmp/app/usr/local/bin/archbench"
chmod 755 "$tmp/app/usr/local/bin/archbench"
ln "$tmp/app/opt/archbench/archbench.jar" "$tmp/app/opt/archbench/same.jar"
ln -s ../opt/archbench/archbench.jar "$tmp/app/usr/local/app.jar"
: >"$tmp/app/etc/.wh.stale" # a whiteout: the app layer deletes the base's /etc/stale

config='{"Entrypoint":["/usr/local/bin/archbench"],"Cmd":["sysinfo"]}'
write() {
  python3 "$oci_py" write "$1" --tag t1 --name archbench:t1 --epoch 1700000000 --image-config "$config" \
    --platform "amd64=$tmp/base-amd64,$tmp/app" --platform "arm64=$tmp/base-arm64,$tmp/app"
}
digest1=$(write "$tmp/a")
touch "$tmp/app/opt/archbench/archbench.jar" # a newer mtime is clamped to the epoch
digest2=$(write "$tmp/b")

out=$(python3 "$oci_py" check "$tmp/a" 2>&1) && rc=0 || rc=$?
check "a fresh layout passes its check" test "$rc" -eq 0
check_text "the check names both platforms" "platforms amd64,arm64" "$out"
check "the same trees give the same index digest (reproducible)" test "$digest1" == "$digest2"
check "index.json's one entry is tagged t1" python3 -c '
import json, sys
top = json.load(open(sys.argv[1]))
(entry,) = top["manifests"]
assert entry["annotations"]["org.opencontainers.image.ref.name"] == "t1"
assert entry["annotations"]["io.containerd.image.name"] == "docker.io/library/archbench:t1"
assert entry["mediaType"] == "application/vnd.oci.image.index.v1+json"' "$tmp/a/index.json"
check "the platforms are linux/amd64 and linux/arm64 v8, and share the app layer" python3 -c '
import json, os, sys
d = sys.argv[1]
blob = lambda desc: json.load(open(os.path.join(d, "blobs", "sha256", desc["digest"].split(":")[1])))
index = blob(json.load(open(os.path.join(d, "index.json")))["manifests"][0])
platforms = {m["platform"]["architecture"]: m["platform"] for m in index["manifests"]}
assert platforms == {"amd64": {"architecture": "amd64", "os": "linux"},
                     "arm64": {"architecture": "arm64", "os": "linux", "variant": "v8"}}, platforms
layers = [[l["digest"] for l in blob(m)["layers"]] for m in index["manifests"]]
assert layers[0][1] == layers[1][1] and layers[0][0] != layers[1][0], layers
config = blob(blob(index["manifests"][1])["config"])
assert config["architecture"] == "arm64" and config["config"]["Entrypoint"] == ["/usr/local/bin/archbench"]
assert config["created"] == "2023-11-14T22:13:20Z", config["created"]' "$tmp/a"
blobs=$(find "$tmp/a/blobs/sha256" -type f | wc -l)
# 3 layers (2 bases, 1 shared app), 2 configs, 2 manifests, 1 index
check "8 blobs: the shared layer is stored once" test "$blobs" -eq 8

python3 "$oci_py" unpack "$tmp/a" arm64 "$tmp/root-arm64"
check "unpack arm64: its base" grep -qx arm64 "$tmp/root-arm64/etc/arch"
check "unpack: the whiteout removed /etc/stale" test ! -e "$tmp/root-arm64/etc/stale"
check "unpack: the whiteout itself is not a file" test ! -e "$tmp/root-arm64/etc/.wh.stale"
check "unpack: executable kept" test -x "$tmp/root-arm64/usr/local/bin/archbench"
check "unpack: symlink kept" test "$(readlink "$tmp/root-arm64/usr/local/app.jar")" == ../opt/archbench/archbench.jar
check "unpack: hard link kept" test "$(stat -c %i "$tmp/root-arm64/opt/archbench/archbench.jar")" == \
  "$(stat -c %i "$tmp/root-arm64/opt/archbench/same.jar")"
check "unpack: sticky /tmp kept" test "$(stat -c %a "$tmp/root-arm64/tmp")" == 1777
python3 "$oci_py" unpack "$tmp/a" amd64 "$tmp/root-amd64"
check "unpack amd64: its base" grep -qx amd64 "$tmp/root-amd64/etc/arch"

# Breakages the check must catch.
broken() { rm -rf "$tmp/x" && cp -r "$tmp/a" "$tmp/x"; }
blob_of() { # blob_of JQ-LIKE-PYTHON-EXPR: the file of a blob chosen by a Python expression over the index
  python3 -c '
import json, os, sys
d = sys.argv[1]
path = lambda desc: os.path.join(d, "blobs", "sha256", desc["digest"].split(":")[1])
top = json.load(open(os.path.join(d, "index.json")))["manifests"][0]
index = json.load(open(path(top)))
manifest = json.load(open(path(index["manifests"][1])))
print(path(eval(sys.argv[2])))' "$tmp/x" "$1"
}
broken
layer=$(blob_of 'manifest["layers"][0]')
printf 'x' >>"$layer"
out=$(python3 "$oci_py" check "$tmp/x" 2>&1) && rc=0 || rc=$?
check "a corrupt layer fails the check" test "$rc" -eq 1
check_text "  ... naming its digest" "has digest sha256:" "$out"
out=$(python3 "$oci_py" check "$tmp/a" --platforms amd64,arm64,s390x 2>&1) && rc=0 || rc=$?
check "a missing platform fails the check" test "$rc" -eq 1
check_text "  ... naming the platforms" "expected \['amd64', 'arm64', 's390x'\]" "$out"

# A manifest that names another architecture than its config, rewritten with consistent digests, so
# only the platform check can catch it.
broken
python3 - "$tmp/x" <<'EOF'
import hashlib, json, os, sys
d = sys.argv[1]
def path(desc): return os.path.join(d, "blobs", "sha256", desc["digest"].split(":")[1])
def put(value):
    data = json.dumps(value).encode()
    digest = "sha256:" + hashlib.sha256(data).hexdigest()
    open(os.path.join(d, "blobs", "sha256", digest[7:]), "wb").write(data)
    return digest, len(data)
top_file = os.path.join(d, "index.json")
top = json.load(open(top_file))
index = json.load(open(path(top["manifests"][0])))
manifest = json.load(open(path(index["manifests"][1])))
config = json.load(open(path(manifest["config"])))
config["architecture"] = "amd64"
manifest["config"]["digest"], manifest["config"]["size"] = put(config)
index["manifests"][1]["digest"], index["manifests"][1]["size"] = put(manifest)
top["manifests"][0]["digest"], top["manifests"][0]["size"] = put(index)
json.dump(top, open(top_file, "w"))
EOF
out=$(python3 "$oci_py" check "$tmp/x" 2>&1) && rc=0 || rc=$?
check "a config that disagrees with its platform fails the check" test "$rc" -eq 1
check_text "  ... saying which" "config says architecture amd64, the index arm64" "$out"

broken
python3 - "$tmp/x/index.json" <<'EOF'
import json, sys
top = json.load(open(sys.argv[1]))
top["manifests"][0]["size"] += 1
json.dump(top, open(sys.argv[1], "w"))
EOF
out=$(python3 "$oci_py" check "$tmp/x" 2>&1) && rc=0 || rc=$?
check "a wrong size fails the check" test "$rc" -eq 1
check_text "  ... saying so" "bytes" "$out"

out=$(python3 "$oci_py" write "$tmp/y" --tag t --epoch 1 --image-config '{}' --platform "s390x=$tmp/app" 2>&1) && rc=0 || rc=$?
check "an unknown platform is a one-line error" test "$rc" -ne 0 -a "$(wc -l <<<"$out")" -eq 1

# The build script's errors come before any work.
out=$("$root/ci/container/build" 2>&1) && rc=0 || rc=$?
check "build without a destination is an error" test "$rc" -eq 1
check_text "  ... saying what is missing" "say where the image goes" "$out"
out=$(PATH=/usr/bin:/bin "$root/ci/container/build" --push example.com/archbench:x 2>&1 </dev/null) && rc=0 || rc=$?
if command -v skopeo >/dev/null; then
  echo "ok - $scenario: build --push without skopeo # skip: skopeo is installed here"
else
  check "build --push without skopeo is a clear error" test "$rc" -eq 1
  check_text "  ... naming skopeo" "needs skopeo" "$out"
fi
out=$("$root/ci/container/build" --oci "$tmp/z" --architectures amd64,riscv64 2>&1) && rc=0 || rc=$?
check "build with an unknown architecture is an error" test "$rc" -eq 1
check_text "  ... naming it" "riscv64" "$out"
remove_tmp_unless_failed
tap_summary "ci/test/oci-layout-test.sh"
