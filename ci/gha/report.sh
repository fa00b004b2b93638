#!/usr/bin/env bash
# The report job of the benchmark workflow: `archbench report` over the records in the given
# directories (missing ones are skipped: the workflow passes the downloaded runner records and the
# repository's published/ directory, where you may commit records from EC2 fleet runs) into OUT
# (HTML, Markdown, CSV, JSON) and a static site into SITE (for GitHub Pages), the Markdown also into
# the job summary.
#
# GitHub-hosted runners have no EC2 price, so they are priced only when you say so:
# ARCHBENCH_RUNNER_PRICES="ubuntu-24.04=0.48 ubuntu-24.04-arm=0.30" (USD per hour, e.g. from a
# repository variable) becomes one --price LABEL=USD per record whose label starts with that runner
# name (the benchmark workflow labels records <runner>-<jdk distribution><version>).
set -euo pipefail
archbench=${ARCHBENCH_CMD:-./archbench} # tests substitute a wrapper
out=${1:?usage: ci/gha/report.sh OUT-DIR SITE-DIR RECORDS-DIR...}
site=${2:?}
shift 2
records=()
for dir in "$@"; do
  if [[ -d $dir ]]; then records+=("$dir"); fi
done
[[ ${#records[@]} -gt 0 ]] || { echo "::error::no record directory among: $*"; exit 1; }

price_args=()
while read -r label; do
  best=
  for entry in ${ARCHBENCH_RUNNER_PRICES:-}; do
    runner=${entry%%=*}
    if [[ $label == "$runner"-* && ${#runner} -gt ${#best} ]]; then
      best=$runner
      usd=${entry#*=}
    fi
  done
  [[ -z $best ]] || price_args+=(--price "$label=$usd")
done < <(python3 -c '
import json, pathlib, sys
labels = set()
for f in (f for d in sys.argv[1:] for f in pathlib.Path(d).rglob("*.json")):
    label = (json.loads(f.read_text()).get("run") or {}).get("label")
    if label:
        labels.add(label)
print("\n".join(sorted(labels)))' "${records[@]}")

echo "archbench report ${price_args[*]}"
"$archbench" report "${records[@]}" --format html,md,csv,json --out "$out" --site "$site" --allow-noisy \
  "${price_args[@]}"
if [[ -n ${GITHUB_STEP_SUMMARY:-} ]]; then
  for md in "$out"/*.md; do
    if [[ -f $md ]]; then cat "$md" >>"$GITHUB_STEP_SUMMARY"; fi
  done
fi
