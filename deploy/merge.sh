#!/usr/bin/env bash
# Merges the finished shards of deploy/run-shard.sh into one comparison: summary, CSVs and report in $RESULTS/merged.
# Refuses (exit 2, naming the folder) when a run is missing or a shard ran under other settings.
set -euo pipefail
: "${PRELU:=dotnet build/prelu/prelu.dll}"
: "${RESULTS:=results/sweep}"
# shellcheck disable=SC2086
exec $PRELU compare --merge "$RESULTS"/shard-* --out "$RESULTS/merged"
