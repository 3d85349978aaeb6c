#!/usr/bin/env bash
# Merges the finished shards of deploy/run-shard.sh into one comparison: summary, CSVs and report in $RESULTS/merged.
# Refuses (exit 2, naming the folder) when a run is missing or a shard ran under other settings.
set -euo pipefail
: "${PRELU:?set PRELU to how this node runs prelu, e.g. build/prelu/prelu.dll (Slurm: deploy/slurm/site.sh)}"
: "${RESULTS:?set RESULTS to the folder holding the shards (Slurm: deploy/slurm/site.sh)}"
# shellcheck source=prelu-command.sh
source "$(dirname "$0")/prelu-command.sh"
prelu_command
exec "${prelu[@]}" compare --merge "$RESULTS"/shard-* --out "$RESULTS/merged"
