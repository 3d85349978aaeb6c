#!/usr/bin/env bash
# Trains the recorded depth × learning-rate sweep with its controls (data/recorded/depth-lr-controls/) as sharded Slurm
# sweeps, one per cell:
#     deploy/slurm/record-depth-lr.sh [WORK-FOLDER]      (from the repository root; default results/depth-lr-controls-sweep)
#     deploy/slurm/record-depth-lr.sh --dry-run          (prints each cell's name and prelu compare options; runs nothing)
# The grid is here and only here: MLPs of 2, 4, 8 and 12 hidden layers of 128 units × SGD (momentum 0.9) at learning
# rates 0.01, 0.03, 0.1 and 0.3; in every cell ReLU, Leaky ReLU at 0.01 and at 0.25 (PReLU's starting slope, fixed) and
# channel-wise PReLU starting at 0.25 and at 0.01 (Leaky's slope, learned), each layer initialised with its activation's
# own He gain (--init he-per-activation), over 5 seeds, 10 epochs, on the full Fashion-MNIST, dead units counted on
# 10,000 training images. (data/recorded/depth-lr, the first map, was ReLU, Leaky 0.01 and PReLU 0.25 with ReLU's gain
# for all, recorded by this script at commit 6b75561.) Each cell is submitted with submit.sh as 3 shards of 1 CPU and a
# merge. Where no Slurm answers (sinfo fails) it starts the one-node cluster of local-cluster.sh (as root).
# Run it again after an interruption: merged cells are skipped and shards resume (--resume). When every cell is merged,
# each cell's comparison.json and runs/ go to data/recorded/depth-lr-controls/CELL/ beside a provenance.json, sweep.json
# lists the grid and the runs every cell holds, and MANIFEST.sha256 the hash of every file (the kit checks both on every load).
# Interrupted (INT, TERM, HUP), it stops the local cluster it started, with every job on it, and waits until it is gone;
# a rerun stops a local cluster that a killed run left.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
say() { printf 'record-depth-lr: %s\n' "$*" >&2; }
fail() { say "FAILED: $*"; keep=1; exit 1; }

name="depth-lr-controls"
depths=(2 4 8 12)
rates=(0.01 0.03 0.1 0.3)
width=128 seeds=5 epochs=10
activations="relu,leaky:0.01,leaky:0.25,prelu,prelu:0.01"
init=he-per-activation
cell_name() { echo "depth$1-lr$2"; }
cell_sweep() {
  local hidden
  hidden="$(printf "$width,%.0s" $(seq "$1"))"
  echo "--model mlp --data full --hidden ${hidden%,} --lr $2 --activations $activations --init $init --seeds $seeds --epochs $epochs --dead-sample 10000"
}
if [[ ${1:-} == --dry-run ]]; then
  for depth in "${depths[@]}"; do
    for rate in "${rates[@]}"; do printf '%s\t%s\n' "$(cell_name "$depth" "$rate")" "$(cell_sweep "$depth" "$rate")"; done
  done
  say "dry run: ${#depths[@]} × ${#rates[@]} cells for data/recorded/$name; nothing submitted"
  exit 0
fi
sweep_work="$(realpath -m "${1:-results/$name-sweep}")"
recorded="$root/data/recorded/$name"

# shellcheck source=recording.sh
source deploy/slurm/recording.sh
recording_prelu "$sweep_work"
export SHARDS=3 CPUS_PER_SHARD=1 MEM_PER_SHARD=2G SHARD_TIME=04:00:00 MERGE_TIME=00:10:00

recording_clock "$sweep_work"
for depth in "${depths[@]}"; do
  for rate in "${rates[@]}"; do
    cell="$(cell_name "$depth" "$rate")"
    [[ -f $sweep_work/$cell/merged/summary.csv ]] || recording_submit "$cell" "$sweep_work/$cell" "$(cell_sweep "$depth" "$rate")"
  done
done
recording_wait

missing=()
for depth in "${depths[@]}"; do
  for rate in "${rates[@]}"; do
    cell="$(cell_name "$depth" "$rate")"
    [[ -f $sweep_work/$cell/merged/summary.csv ]] || missing+=("$cell")
  done
done
[[ ${#missing[@]} -eq 0 ]] || fail "cells not merged: ${missing[*]} (logs in $sweep_work/CELL/logs); rerun to resume them"

# Copy what the kit reads (manifest and runs); summaries and reports are computed from them.
rm -rf "$recorded.new"
mkdir -p "$recorded.new"
cells_json=()
for depth in "${depths[@]}"; do
  for rate in "${rates[@]}"; do
    cell="$(cell_name "$depth" "$rate")"
    mkdir -p "$recorded.new/$cell"
    cp -r "$sweep_work/$cell/merged/comparison.json" "$sweep_work/$cell/merged/runs" "$recorded.new/$cell/"
    recording_provenance "$(cell_sweep "$depth" "$rate")" "$name/$cell" "$SHARDS Slurm shards and a merge: deploy/slurm/record-depth-lr.sh" \
      > "$recorded.new/$cell/provenance.json"
    cells_json+=("    { \"Name\": \"$cell\", \"Depth\": $depth, \"LearningRate\": $rate }")
  done
done
# The plan every cell is checked against on load: the grid's runs and the data the first cell's runs recorded.
data="$(recording_data_json "$recorded.new/$(cell_name "${depths[0]}" "${rates[0]}")/comparison.json")"
{
  echo '{'
  echo "  \"Width\": $width,"
  echo '  "EveryCell": {'
  echo "    \"Activations\": [ \"${activations//,/\", \"}\" ],"
  echo "    \"Seeds\": [ $(seq -s ', ' 0 $((seeds - 1))) ],"
  echo "    \"Epochs\": $epochs,"
  echo "    \"Data\": $data"
  echo '  },'
  echo '  "Cells": ['
  (IFS=$'\n'; sed '$!s/$/,/' <<<"${cells_json[*]}")
  echo '  ]'
  echo '}'
} > "$recorded.new/sweep.json"
recording_install "$recorded.new" "$recorded"
wall=${recording_wall:-$(($(date -u +%s) - started_epoch))}
if declare -F cluster_stop >/dev/null; then cluster_stop; fi # every daemon gone before the last line
say "recorded ${#depths[@]} × ${#rates[@]} cells in $recorded (${wall} s since the sweep started)"
