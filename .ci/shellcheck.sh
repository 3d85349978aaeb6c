#!/usr/bin/env bash
# Lints the deploy scripts with shellcheck (Debian package, installed when missing), following the files they source.
# Prints one line; exit 1 on any finding.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v shellcheck >/dev/null; then
  sudo=""; [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends shellcheck >/dev/null
fi
mapfile -t scripts < <(find deploy -path deploy/k8s/validate -prune -o -type f \( -name '*.sh' -o -name '*.sbatch' \) -print | sort)
if ! shellcheck -x -P SCRIPTDIR "${scripts[@]}"; then
  echo "shellcheck: findings above" >&2
  exit 1
fi
echo "shellcheck: ${#scripts[@]} deploy scripts clean"
