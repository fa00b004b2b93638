#!/usr/bin/env bash
# Builds the pull request's base beside its head for the paired check (pr-compare.yml): a git
# worktree of BASE-SHA, built as the head was (./mvnw package, no tests), and both jars copied to
# OUT-DIR as base/bench.jar and head/bench.jar (one file name: the workload id of a --jmh-jar is its
# file name, and both variants run the same benchmarks). The jar is ARCHBENCH_PR_JAR (default harness/target/archbench.jar: this repository's JMH
# benchmarks; point it at your project's benchmarks.jar and set ARCHBENCH_PR_BUILD to build it).
# Exits non-zero when the base cannot be built or has no such jar: the workflow then falls back on
# the main-branch baseline.
set -euo pipefail
base_sha=${1:?usage: ci/gha/build-base.sh BASE-SHA OUT-DIR}
out=${2:?usage: ci/gha/build-base.sh BASE-SHA OUT-DIR}
jar=${ARCHBENCH_PR_JAR:-harness/target/archbench.jar}
build=${ARCHBENCH_PR_BUILD:-./mvnw -B -q package -DskipTests}
worktree=${ARCHBENCH_BASE_WORKTREE:-../archbench-base}

[[ -f $jar ]] || bash -c "$build" # the head's jar, when the setup's build did not make it
[[ -f $jar ]] || { echo "::error::the head built no $jar (set ARCHBENCH_PR_JAR and ARCHBENCH_PR_BUILD)"; exit 1; }
rm -rf "$worktree"
git worktree add --detach "$worktree" "$base_sha"
(cd "$worktree" && bash -c "$build")
[[ -f $worktree/$jar ]] || { echo "::error::the base built no $jar"; exit 1; }
mkdir -p "$out/base" "$out/head"
cp "$worktree/$jar" "$out/base/bench.jar"
cp "$jar" "$out/head/bench.jar"
echo "base $base_sha: $out/base/bench.jar; head: $out/head/bench.jar"
