#!/usr/bin/env bash
# The pull-request check: `archbench compare BASELINE NEW` where BASELINE is the newest record in
# BASELINE-DIR (the last main-branch record on this runner type, restored from the Actions cache)
# and NEW the newest in NEW-DIR. Exits like compare: 3 on a significant regression, which fails the
# check. Without a baseline (the first run, or the cache expired after 7 days unused) it passes with
# a notice. The comparison goes to the job summary.
set -euo pipefail
archbench=${ARCHBENCH_CMD:-./archbench} # tests substitute a wrapper
baseline_dir=${1:?usage: ci/gha/compare.sh BASELINE-DIR NEW-DIR}
new_dir=${2:?}
threshold=${ARCHBENCH_THRESHOLD:-5%}

newest() { find "$1" -maxdepth 1 -name '*.json' ! -name '*.jmh.json' -printf '%T@ %p\n' 2>/dev/null | sort -n | tail -n 1 | cut -d' ' -f2-; }
baseline=$(newest "$baseline_dir")
new=$(newest "$new_dir")
[[ -n $new ]] || { echo "::error::no record in $new_dir"; exit 1; }
if [[ -z $baseline ]]; then
  echo "::notice::no main-branch baseline for this runner yet; nothing to compare (a push to main creates one)"
  exit 0
fi
text=$(mktemp)
trap 'rm -f "$text"' EXIT
rc=0
"$archbench" compare "$baseline" "$new" --threshold "$threshold" | tee "$text" || rc=${PIPESTATUS[0]}
if [[ -n ${GITHUB_STEP_SUMMARY:-} ]]; then
  { echo "### archbench compare (threshold $threshold)"; echo '```'; cat "$text"; echo '```'; } >>"$GITHUB_STEP_SUMMARY"
fi
case $rc in
  0) ;;
  3) echo "::error::significant regression against the main-branch baseline (threshold $threshold)" ;;
  *) echo "::error::archbench compare failed (exit $rc)" ;;
esac
exit "$rc"
