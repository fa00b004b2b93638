#!/usr/bin/env bash
# One benchmark run in a GitHub Actions job: `archbench run` into results/, labelled LABEL.
# Profile and workloads from ARCHBENCH_PROFILE (default quick) and ARCHBENCH_WORKLOADS (default all);
# further arguments go to `archbench run`. Writes record=<path> to $GITHUB_OUTPUT and exits with
# archbench's code (1 when a benchmark failed: the record is still written and worth uploading).
set -euo pipefail
archbench=${ARCHBENCH_CMD:-./archbench} # tests substitute a wrapper
label=${1:?usage: ci/gha/run.sh LABEL [archbench run options...]}
shift
out=${ARCHBENCH_OUT:-results}
args=(run --profile "${ARCHBENCH_PROFILE:-quick}" --label "$label" --out "$out")
[[ -z ${ARCHBENCH_WORKLOADS:-} ]] || args+=(--workloads "$ARCHBENCH_WORKLOADS")
mkdir -p "$out"
marker=$(mktemp "$out/.run-started.XXXXXX")
rc=0
"$archbench" "${args[@]}" "$@" || rc=$?
record=$(find "$out" -maxdepth 1 -name '*.json' ! -name '*.jmh.json' -newer "$marker" | sort | tail -n 1)
rm -f "$marker"
if [[ -z $record ]]; then
  echo "::error::archbench run exited with $rc and wrote no record"
  exit $((rc == 0 ? 1 : rc))
fi
echo "record=$record" >>"${GITHUB_OUTPUT:-/dev/null}"
echo "archbench run exited with $rc; record $record"
exit "$rc"
