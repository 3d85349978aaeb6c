#!/usr/bin/env bash
# Trains the recorded depth × learning-rate sweep (data/recorded/depth-lr/) as sharded Slurm sweeps, one per cell:
#     deploy/slurm/record-depth-lr.sh [WORK-FOLDER]      (from the repository root; default results/depth-lr-sweep)
# The grid is here and only here: MLPs of 2, 4, 8 and 12 hidden layers of 128 units × SGD (momentum 0.9) at learning
# rates 0.01, 0.03, 0.1 and 0.3; in every cell ReLU, Leaky ReLU (0.01) and channel-wise PReLU over 5 seeds, 10 epochs, on
# the full Fashion-MNIST, dead units counted on 10,000 training images. Each cell is submitted with submit.sh as 3 shards
# of 1 CPU and a merge. Where no Slurm answers (sinfo fails) it starts the one-node cluster of local-cluster.sh (as root).
# Run it again after an interruption: merged cells are skipped and shards resume (--resume). When every cell is merged,
# each cell's comparison.json and runs/ go to data/recorded/depth-lr/CELL/ beside a provenance.json, and sweep.json
# lists the grid (the tests check that every cell is there). Interrupted (INT, TERM, HUP), it stops the local cluster it
# started, with every job on it, and waits until it is gone; a rerun stops a local cluster that a killed run left.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
say() { printf 'record-depth-lr: %s\n' "$*" >&2; }
fail() { say "FAILED: $*"; keep=1; exit 1; }

depths=(2 4 8 12)
rates=(0.01 0.03 0.1 0.3)
width=128 seeds=5 epochs=10
activations="relu,leaky:0.01,prelu"
sweep_work="$(realpath -m "${1:-results/depth-lr-sweep}")"
recorded="$root/data/recorded/depth-lr"

keep=0
if ! sinfo -h >/dev/null 2>&1; then
  [[ $(id -u) -eq 0 ]] || { say "no Slurm answers here, and starting a one-node cluster needs root"; exit 2; }
  # shellcheck source=local-cluster.sh
  source deploy/slurm/local-cluster.sh
fi
# shellcheck source=../prelu-command.sh
source deploy/prelu-command.sh
mkdir -p "$sweep_work"
if [[ -z ${PRELU:-} ]]; then
  # A private copy: a rebuild of the checkout while the sweep runs must not change the program under its shards.
  [[ -f $sweep_work/prelu/prelu.dll ]] ||
    dotnet publish lib/PReluKit.Cli -c Release -o "$sweep_work/prelu" -v q -nologo >/dev/null || fail "dotnet publish lib/PReluKit.Cli"
  PRELU="$sweep_work/prelu/prelu.dll"
fi
export PRELU SHARDS=3 CPUS_PER_SHARD=1 MEM_PER_SHARD=2G SHARD_TIME=04:00:00 MERGE_TIME=00:10:00
cell_name() { echo "depth$1-lr$2"; }
cell_sweep() {
  local hidden
  hidden="$(printf "$width,%.0s" $(seq "$1"))"
  echo "--model mlp --data full --hidden ${hidden%,} --lr $2 --activations $activations --seeds $seeds --epochs $epochs --dead-sample 10000"
}

# The sweep's start is kept across interruptions, so the wall time counts every session.
[[ -f $sweep_work/started ]] || date -u +%s > "$sweep_work/started"
started_epoch="$(cat "$sweep_work/started")"
started="$(date -u -d "@$started_epoch" +%Y-%m-%dT%H:%M:%S+00:00)"
jobs=()
for depth in "${depths[@]}"; do
  for rate in "${rates[@]}"; do
    cell="$(cell_name "$depth" "$rate")"
    [[ -f $sweep_work/$cell/merged/summary.csv ]] && continue
    out="$(RESULTS="$sweep_work/$cell" SWEEP="$(cell_sweep "$depth" "$rate")" deploy/slurm/submit.sh)" || fail "submit.sh for $cell: $out"
    jobs+=("$(sed -n 's/^array=\([0-9]*\) merge=\([0-9]*\)$/\1,\2/p' <<<"$out")")
    say "$cell queued ($(tail -n 1 <<<"$out"))"
  done
done
# Wait until none of the sweep's jobs is queued or running. squeue can fail for a moment on a loaded node (munge busy),
# so only an answer counts; it lists this user's jobs by array (or own) id, which a finished job leaves.
ours() {
  local queued id
  queued="$(squeue -h --me -o %F 2>/dev/null)" || return 0
  for pair in "${jobs[@]}"; do
    for id in ${pair//,/ }; do grep -qx "$id" <<<"$queued" && return 0; done
  done
  return 1
}
# sleep in the background: a signal is acted on at once, not after the sleep.
while [[ ${#jobs[@]} -gt 0 ]] && ours; do sleep 20 & wait $!; done

missing=()
for depth in "${depths[@]}"; do
  for rate in "${rates[@]}"; do
    cell="$(cell_name "$depth" "$rate")"
    [[ -f $sweep_work/$cell/merged/summary.csv ]] || missing+=("$cell")
  done
done
[[ ${#missing[@]} -eq 0 ]] || fail "cells not merged: ${missing[*]} (logs in $sweep_work/CELL/logs); rerun to resume them"

# Copy what the kit reads (manifest and runs); summaries and reports are computed from them.
wall=$(($(date -u +%s) - started_epoch))
commit="$(git rev-parse HEAD)"
# MACHINE_NOTE: what a reader should know about the machine's load, e.g. "shared with development work while it ran".
machine="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1), $(nproc) cores, $(. /etc/os-release && echo "$PRETTY_NAME")${MACHINE_NOTE:+ ($MACHINE_NOTE)}"
prelu_command
numerics="$("${prelu[@]}" numerics --threads "$CPUS_PER_SHARD")"
rm -rf "$recorded.new"
mkdir -p "$recorded.new"
cells_json=()
for depth in "${depths[@]}"; do
  for rate in "${rates[@]}"; do
    cell="$(cell_name "$depth" "$rate")"
    mkdir -p "$recorded.new/$cell"
    cp -r "$sweep_work/$cell/merged/comparison.json" "$sweep_work/$cell/merged/runs" "$recorded.new/$cell/"
    printf '{\n  "Commit": "%s",\n  "Command": "prelu compare %s --threads %s --out data/recorded/depth-lr/%s (as %s Slurm shards and a merge: deploy/slurm/record-depth-lr.sh)",\n  "Machine": "%s",\n  "Started": "%s",\n  "WallSeconds": %s,\n  "Threads": %s,\n  "Numerics": "%s"\n}\n' \
      "$commit" "$(cell_sweep "$depth" "$rate")" "$CPUS_PER_SHARD" "$cell" "$SHARDS" "$machine" "$started" "$wall" "$CPUS_PER_SHARD" "$numerics" \
      > "$recorded.new/$cell/provenance.json"
    cells_json+=("    { \"Name\": \"$cell\", \"Depth\": $depth, \"LearningRate\": $rate }")
  done
done
{
  echo '{'
  echo "  \"Width\": $width,"
  echo '  "Cells": ['
  (IFS=$'\n'; sed '$!s/$/,/' <<<"${cells_json[*]}")
  echo '  ]'
  echo '}'
} > "$recorded.new/sweep.json"
[[ ! -e $recorded ]] || mv "$recorded" "$recorded.old"
mv "$recorded.new" "$recorded"
rm -rf "$recorded.old"
if declare -F cluster_stop >/dev/null; then cluster_stop; fi # every daemon gone before the last line
say "recorded ${#depths[@]} × ${#rates[@]} cells in $recorded (${wall} s since the sweep started)"
