# shellcheck shell=bash disable=SC2154 # $scenario and $tmp are the caller's
# Sourced by the shell tests in ci/test: one-line assertions ("ok - scenario: what" or
# "not ok - ..."), their counts and the summary. The caller sets $tmp (its scratch directory) and
# $scenario (the part under test, shown in every line).
passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok - $scenario: $1"; }
not_ok() { failed=$((failed + 1)); echo "not ok - $scenario: $1"; }
# check DESCRIPTION COMMAND...: one assertion.
check() {
  local what=$1
  shift
  if "$@"; then ok "$what"; else not_ok "$what"; fi
}
has_line() { grep -qxF -- "$2" "$1"; }
has_match() { grep -qE -- "$2" "$1"; }
# json_field FILE a.b.c: prints that field, or <missing>.
json_field() {
  python3 -c '
import json, sys
v = json.load(open(sys.argv[1]))
for k in sys.argv[2].split("."):
    v = v.get(k) if isinstance(v, dict) else None
print("<missing>" if v is None else v)' "$1" "$2" 2>/dev/null || echo "<unreadable>"
}
last_line() { tail -n 1 "$1"; }
# Scratch files go when every check passed (unless KEEP_TMP is set); otherwise they stay for a look.
remove_tmp_unless_failed() {
  if [[ $failed -eq 0 && -z ${KEEP_TMP:-} ]]; then rm -rf "$tmp"; else echo "test files kept in $tmp"; fi
}
# tap_summary NAME: the counts; fails when a check failed.
tap_summary() {
  echo "$1: $passed passed, $failed failed"
  [[ $failed -eq 0 ]]
}
