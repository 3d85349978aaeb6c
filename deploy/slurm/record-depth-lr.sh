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

if ! sinfo -h >/dev/null 2>&1; then
  [[ $(id -u) -eq 0 ]] || { say "no Slurm answers here, and starting a one-node cluster needs root"; exit 2; }
  # shellcheck source=local-cluster.sh
  source deploy/slurm/local-cluster.sh
fi
mkdir -p "$sweep_work"
if [[ -z ${PRELU:-} ]]; then
  # A private copy: a rebuild of the checkout while the sweep runs must not change the program under its shards.
  [[ -f $sweep_work/prelu/prelu.dll ]] ||
    dotnet publish lib/PReluKit.Cli -c Release -o "$sweep_work/prelu" -v q -nologo >/dev/null || fail "dotnet publish lib/PReluKit.Cli"
  PRELU="dotnet $sweep_work/prelu/prelu.dll"
fi
export PRELU SHARDS=3 CPUS_PER_SHARD=1 MEM_PER_SHARD=2G SHARD_TIME=04:00:00 MERGE_TIME=00:10:00

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
  for id in ${jobs[*]//,/ }; do grep -qx "$id" <<<"$queued" && return 0; done
  return 1
}
while [[ ${#jobs[@]} -gt 0 ]] && ours; do sleep 20; done

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
numerics="$($PRELU numerics --threads "$CPUS_PER_SHARD")"
rm -rf "$recorded.new"
mkdir -p "$recorded.new"
cells_json=()
for depth in "${depths[@]}"; do
  for rate in "${rates[@]}"; do
    cell="$(cell_name "$depth" "$rate")"
    mkdir -p "$recorded.new/$cell"
    cp -r "$sweep_work/$cell/merged/comparison.json" "$sweep_work/$cell/merged/runs" "$recorded.new/$cell/"
    printf '{\n  "Commit": "%s",\n  "Command": "prelu compare %s --threads %s --out data/recorded/%s/%s (as %s Slurm shards and a merge: deploy/slurm/record-depth-lr.sh)",\n  "Machine": "%s",\n  "Started": "%s",\n  "WallSeconds": %s,\n  "Threads": %s,\n  "Numerics": "%s"\n}\n' \
      "$commit" "$(cell_sweep "$depth" "$rate")" "$CPUS_PER_SHARD" "$name" "$cell" "$SHARDS" "$machine" "$started" "$wall" "$CPUS_PER_SHARD" "$numerics" \
      > "$recorded.new/$cell/provenance.json"
    cells_json+=("    { \"Name\": \"$cell\", \"Depth\": $depth, \"LearningRate\": $rate }")
  done
done
# The plan every cell is checked against on load: the grid's runs, and the full set (name and sizes of --data full; the
# fingerprint the first cell's runs recorded, which every other cell must share).
fingerprint="$(sed -n 's/^ *"Fingerprint": "\([0-9a-f]*\)".*/\1/p' "$recorded.new/$(cell_name "${depths[0]}" "${rates[0]}")/comparison.json")"
[[ -n $fingerprint ]] || fail "no data fingerprint in the first cell's comparison.json"
{
  echo '{'
  echo "  \"Width\": $width,"
  echo '  "EveryCell": {'
  echo "    \"Activations\": [ \"${activations//,/\", \"}\" ],"
  echo "    \"Seeds\": [ $(seq -s ', ' 0 $((seeds - 1))) ],"
  echo "    \"Epochs\": $epochs,"
  echo "    \"Data\": { \"Name\": \"Fashion-MNIST\", \"TrainSamples\": 60000, \"TestSamples\": 10000, \"Fingerprint\": \"$fingerprint\" }"
  echo '  },'
  echo '  "Cells": ['
  (IFS=$'\n'; sed '$!s/$/,/' <<<"${cells_json[*]}")
  echo '  ]'
  echo '}'
} > "$recorded.new/sweep.json"
# Last, once every file is in place: the SHA-256 of each, checked on every load.
data/recorded/write-manifest.sh "$recorded.new" || fail "data/recorded/write-manifest.sh $recorded.new"
[[ ! -e $recorded ]] || mv "$recorded" "$recorded.old"
mv "$recorded.new" "$recorded"
rm -rf "$recorded.old"
say "recorded ${#depths[@]} × ${#rates[@]} cells in $recorded (${wall} s since the sweep started)"
