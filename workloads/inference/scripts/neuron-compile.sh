#!/usr/bin/env bash
# Compiles archbench's inference models for AWS Neuron (Inferentia2/Trainium) with torch_neuronx,
# on the instance, into archbench's model cache, so the first benchmark run does not pay for it.
# Neuron compiles fixed shapes: one file per batch size (and sequence length for MiniLM).
#
#   workloads/inference/scripts/neuron-compile.sh [--neuron-env DIR] [--batch N] [--seq-len N] [--work-dir DIR]
#
# Defaults: the newest /opt/aws_neuronx_venv_pytorch* venv, batch 1, seq-len 128, work dir ./.archbench.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
venv="" work="$root/.archbench" args=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --neuron-env) venv=$2; shift 2 ;;
    --work-dir) work=$2; shift 2 ;;
    --batch|--seq-len|--models) args+=("$1" "$2"); shift 2 ;;
    *) echo "neuron-compile: unknown argument $1" >&2; exit 2 ;;
  esac
done
if [[ -z $venv ]]; then
  venv=$(ls -d /opt/aws_neuronx_venv_pytorch* 2>/dev/null | sort | tail -n 1 || true)
fi
[[ -n $venv && -x $venv/bin/python3 ]] || { echo "neuron-compile: no Neuron venv (use --neuron-env DIR)" >&2; exit 1; }
[[ -e /dev/neuron0 ]] || echo "neuron-compile: warning: /dev/neuron0 absent; compiling only" >&2

cd "$root"
./mvnw -B -q -pl workloads/inference -am -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile=target/runtime-classpath.txt -Dmdep.includeScope=runtime >/dev/null
cp="workloads/inference/target/classes:$(cat workloads/inference/target/runtime-classpath.txt)"
export DJL_OFFLINE=true OPT_OUT_TRACKING=true
# The work directory reaches Java as it reaches benchmark forks: in a fork settings file (ForkContext).
fork=$(mktemp)
trap 'rm -f "$fork"' EXIT
printf '{"workDir": "%s"}\n' "$work" >"$fork"
java -Xmx4g -Darchbench.fork="$fork" -Dai.djl.offline=true -cp "$cp" \
  dev.archbench.workloads.inference.ExportModels --neuron-env "$venv" "${args[@]}"
