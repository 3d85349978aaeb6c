#!/usr/bin/env bash
# Runs shard K of N of one sweep: deploy/run-shard.sh K N
# The Slurm array and the Kubernetes Indexed Job call this, so the sweep's settings live here only. Every shard must
# run with the same settings, data and --threads: those make a run's identity, and --merge refuses shards that differ.
# --resume makes a retried or requeued shard continue where it stopped.
set -euo pipefail
[[ $# -eq 2 ]] || { echo "usage: $0 K N (shard K of N, 1 ≤ K ≤ N)" >&2; exit 2; }
: "${PRELU:?set PRELU to how this node runs prelu, e.g. build/prelu/prelu.dll (Slurm: deploy/slurm/site.sh)}"
: "${RESULTS:?set RESULTS to a folder every node can write (Slurm: deploy/slurm/site.sh)}"
: "${SWEEP:=--model cnn --data full --seeds 10 --epochs 12 --dead-sample 10000}"
: "${THREADS:=4}"                                                       # the same on every node
# shellcheck source=prelu-command.sh
source "$(dirname "$0")/prelu-command.sh"
prelu_command
# shellcheck disable=SC2086 # SWEEP is a word list on purpose
exec "${prelu[@]}" compare $SWEEP --threads "$THREADS" --shard "$1/$2" --out "$RESULTS/shard-$1" --resume
