#!/usr/bin/env bash
# The pull-request check, two ways:
#   ci/gha/compare.sh --variants DIR            the newest record in DIR is a run of variants (the PR's
#       base and head built in this job and run as paired variants): `archbench compare RECORD`;
#   ci/gha/compare.sh BASELINE-DIR NEW-DIR      the fallback when the base could not be built:
#       `archbench compare BASELINE NEW` where BASELINE is the newest record in BASELINE-DIR (the last
#       main-branch record on this runner type, restored from the Actions cache) and NEW the newest
#       in NEW-DIR. Without a baseline (the first run, or the cache expired after 7 days unused) it
#       passes with a notice.
# Exits like compare: 3 on a significant regression, which fails the check. The comparison goes to
# the job summary.
set -euo pipefail
archbench=${ARCHBENCH_CMD:-./archbench} # tests substitute a wrapper
threshold=${ARCHBENCH_THRESHOLD:-5%}
newest() { find "$1" -maxdepth 1 -name '*.json' ! -name '*.jmh.json' -printf '%T@ %p\n' 2>/dev/null | sort -n | tail -n 1 | cut -d' ' -f2-; }

if [[ ${1:-} == --variants ]]; then
  dir=${2:?usage: ci/gha/compare.sh --variants RECORD-DIR}
  record=$(newest "$dir")
  [[ -n $record ]] || { echo "::error::no record in $dir"; exit 1; }
  args=(compare "$record")
  title="archbench compare: base and head as paired variants (threshold $threshold)"
  against="the base (paired variants on this runner)"
else
  baseline_dir=${1:?usage: ci/gha/compare.sh BASELINE-DIR NEW-DIR | --variants RECORD-DIR}
  new_dir=${2:?}
  baseline=$(newest "$baseline_dir")
  new=$(newest "$new_dir")
  [[ -n $new ]] || { echo "::error::no record in $new_dir"; exit 1; }
  if [[ -z $baseline ]]; then
    echo "::notice::no main-branch baseline for this runner yet; nothing to compare (a push to main creates one)"
    exit 0
  fi
  args=(compare "$baseline" "$new")
  title="archbench compare (threshold $threshold)"
  against="the main-branch baseline"
fi
text=$(mktemp)
trap 'rm -f "$text"' EXIT
rc=0
"$archbench" "${args[@]}" --threshold "$threshold" | tee "$text" || rc=${PIPESTATUS[0]}
if [[ -n ${GITHUB_STEP_SUMMARY:-} ]]; then
  { echo "### $title"; echo '```'; cat "$text"; echo '```'; } >>"$GITHUB_STEP_SUMMARY"
fi
case $rc in
  0) ;;
  3) echo "::error::significant regression against $against (threshold $threshold)" ;;
  *) echo "::error::archbench compare failed (exit $rc)" ;;
esac
exit "$rc"
