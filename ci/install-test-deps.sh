#!/usr/bin/env bash
# Installs, as root with apt, what the full test suite and CI checks use beyond a JDK:
#   chromium           HTML report checks in a real browser
#   python3-torch(vision)  TorchScript export for the PyTorch inference engine
#   qemu-user-static, openjdk-17-jre-headless:arm64   the emulated aarch64 proof
#   mmdebstrap         the container image's Debian root file systems (ci/container/build)
#   ShellCheck, python3-yaml, curl   checks of ci/ and .github/
#   zstd, lz4, wrk                   fidelity scripts under workloads/*/bench (not run in CI)
#   nginx-light        the service driven by the --target tests (and the web fidelity script)
# Tests that need one of these skip when it is absent, except under CI=true, where they fail.
set -euo pipefail
if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null; then
  echo "install-test-deps: needs root and apt-get (Debian/Ubuntu); install the packages listed in $0 by hand" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
dpkg --add-architecture arm64
apt-get update -qq
apt-get install -y -qq --no-install-recommends \
  ca-certificates curl chromium python3-torch python3-torchvision \
  qemu-user-static openjdk-17-jre-headless:arm64 mmdebstrap \
  shellcheck python3-yaml zstd lz4 wrk nginx-light util-linux iproute2 >/dev/null
echo "install-test-deps: done"
