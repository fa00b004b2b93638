#!/usr/bin/env bash
# The GPU inference path on a machine with an NVIDIA GPU, nothing else but a JDK 17+ and a CUDA PyTorch
# (a Python venv with torch of DJL's libtorch version, e.g. the GPU Deep Learning AMI's /opt/pytorch,
# or `pip install torch==2.7.1 torchvision` from PyTorch's CUDA 12.8 index):
#   1. the device (nvidia-smi),
#   2. the venv's torch against the libtorch version DJL's bundled JNI drives, and CUDA from torch itself,
#   3. DJL pointed at that libtorch (PYTORCH_LIBRARY_PATH, PYTORCH_VERSION, PYTORCH_FLAVOR), exactly as
#      ci/ec2/user-data.sh does on a fleet instance,
#   4. a smoke run of the single-stream benchmarks on GPU and the same models on CPU (--device auto),
#      offline, and one line per result: benchmark, device, status, score (or the skip reason).
#
#   workloads/inference/bench/gpu-check.sh [--venv DIR] [--out DIR]
#
# Defaults: --venv /opt/pytorch, --out a temporary directory. ARCHBENCH_JAR selects the jar (default:
# the launcher's build). Exit 1 when there is no GPU, no matching torch, or no GPU result is ok.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
venv=/opt/pytorch
out=
while [[ $# -gt 0 ]]; do
  case $1 in
    --venv) venv=${2:?}; shift 2 ;;
    --out) out=${2:?}; shift 2 ;;
    *) echo "gpu-check: unknown argument $1 (usage: gpu-check.sh [--venv DIR] [--out DIR])" >&2; exit 2 ;;
  esac
done
die() { echo "gpu-check: $*" >&2; exit 1; }

if [[ -n ${ARCHBENCH_JAR:-} ]]; then
  jar=$ARCHBENCH_JAR
else
  "$root/archbench" --version >/dev/null
  jar=$root/harness/target/archbench.jar
fi
out=${out:-$(mktemp -d)}

gpu=$(nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader) ||
  die "nvidia-smi failed: no NVIDIA GPU or driver here"
echo "gpu: $gpu"

python=$venv/bin/python3
[[ -x $python ]] || die "no Python at $python (use --venv DIR)"
# torch's version, its CUDA build and whether it sees the GPU, from torch itself.
read -r torch cuda available < <("$python" -c 'import torch; print(torch.__version__, torch.version.cuda, torch.cuda.is_available())') ||
  die "$python has no torch"
echo "torch: $torch (CUDA $cuda, GPU visible to torch: $available)"
want=$(unzip -p "$jar" jnilib/pytorch.properties 2>/dev/null ||
  "$python" -c 'import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read("jnilib/pytorch.properties").decode())' "$jar")
want=$(sed -n 's/^jni_version=\([0-9.]*\)-.*/\1/p' <<<"$want")
[[ ${torch%%+*} == "$want" ]] || die "torch $torch in $venv, but DJL here drives libtorch $want only"
[[ $torch == *+cu* ]] || die "torch $torch is not a CUDA build"

site=$("$python" -c 'import os, torch; print(os.path.dirname(torch.__file__))')
export PYTORCH_LIBRARY_PATH=$site/lib PYTORCH_VERSION=$want PYTORCH_FLAVOR=${torch#*+}
echo "DJL: PYTORCH_LIBRARY_PATH=$PYTORCH_LIBRARY_PATH PYTORCH_VERSION=$PYTORCH_VERSION PYTORCH_FLAVOR=$PYTORCH_FLAVOR"

export DJL_OFFLINE=true OPT_OUT_TRACKING=true
java -jar "$jar" run --profile smoke --workloads inference --device auto --python "$python" \
  --include 'inference/singlestream\.(mlp|mobilenetv2|resnet50)\.(onnxruntime|pytorch|pytorch-gpu)$' \
  --label gpu-check --progress plain --out "$out" >"$out/run.log" 2>&1 || true
record=$(find "$out" -maxdepth 1 -name '*.json' ! -name '*.jmh.json' | head -n 1)
[[ -n $record ]] || { tail -n 20 "$out/run.log" >&2; die "no record written (log: $out/run.log)"; }
python3 - "$record" <<'EOF'
import json, sys
record = json.load(open(sys.argv[1]))
gpu_ok = False
for r in record["results"]:
    if r["workload"] != "inference":
        continue
    device = r["params"].get("device", "cpu")
    gpu_ok |= device == "gpu" and r["status"] == "ok"
    what = f'{r["score"]:.3f} {r["unit"]}' if r["status"] == "ok" else (r.get("reason") or "")
    print(f'{r["benchmark"]:<36} {device:<4} {r["status"]:<8} {what}')
print("record:", sys.argv[1])
sys.exit(0 if gpu_ok else 1)
EOF
