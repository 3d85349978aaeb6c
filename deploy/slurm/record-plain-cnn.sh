#!/usr/bin/env bash
# Trains the recorded deep plain CNN comparison (data/recorded/plaincnn-full/) as one sharded Slurm sweep:
#     deploy/slurm/record-plain-cnn.sh --pilot [WORK-FOLDER]   the learning curve that sets the epochs: ReLU, seed 0, 20 epochs
#     deploy/slurm/record-plain-cnn.sh [WORK-FOLDER]           the recording, once epochs= below is set from the pilot
#     deploy/slurm/record-plain-cnn.sh --dry-run               prints the pilot's and the recording's prelu compare options
# (from the repository root; WORK-FOLDER defaults to results/plaincnn-full-sweep). The comparison is here and only here:
# PlainCnn (--model plaincnn: eight 3×3 conv layers in blocks of 8, 16, 32, 64 channels, 2×2 max pooling after the first
# three blocks, one linear classifier, no normalisation), each layer initialised with its activation's own He gain
# (--init he-per-activation), SGD with momentum 0.9 at lr 0.01, batches of 128; ReLU, Leaky ReLU (0.01) and channel-wise
# PReLU starting at 0.25 and at 0.01 (the starting-slope control), over 5 seeds on the full Fashion-MNIST, dead units
# counted on 10,000 training images. The recording is submitted with submit.sh as 2 shards of 1 CPU and a merge, the
# pilot as 1 shard of 2 CPUs. Where no Slurm answers (sinfo fails) it starts the one-node cluster of local-cluster.sh (as
# root). Run it again after an interruption: a merged sweep is not submitted again and shards resume (--resume). When the
# recording is merged, comparison.json and runs/ go to data/recorded/plaincnn-full/ beside provenance.json, plan.json and,
# last, MANIFEST.sha256 (the kit checks the plan and the hashes on every load). Cost: data/recorded/README.md, "Planned".
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
say() { printf 'record-plain-cnn: %s\n' "$*" >&2; }
fail() { say "FAILED: $*"; keep=1; exit 1; }

name="plaincnn-full"
activations="relu,leaky:0.01,prelu,prelu:0.01"
init=he-per-activation
lr=0.01 seeds=5
epochs= # the recording's epochs: set from the pilot's learning curve (where test accuracy has flattened) before recording
pilot_activations=relu pilot_seeds=1 pilot_epochs=20
# The prelu compare options of a sweep: EPOCHS ACTIVATIONS SEEDS.
sweep_options() {
  echo "--model plaincnn --data full --lr $lr --init $init --activations $2 --seeds $3 --epochs $1 --dead-sample 10000"
}

mode=record
case ${1:-} in
  --dry-run | --pilot) mode="${1#--}"; shift ;;
  -*) say "unknown option '$1'; expected --pilot, --dry-run or a work folder"; exit 2 ;;
esac
if [[ $mode == dry-run ]]; then
  printf 'pilot\t%s\n' "$(sweep_options "$pilot_epochs" "$pilot_activations" "$pilot_seeds")"
  printf 'record\t%s\n' "$(sweep_options "${epochs:-EPOCHS}" "$activations" "$seeds")"
  say "dry run: the pilot and the recording for data/recorded/$name${epochs:+ ($epochs epochs)}; nothing submitted"
  exit 0
fi
if [[ $mode == record && -z $epochs ]]; then
  say "epochs= is not set in $0: run --pilot first and set it where the learning curve has flattened"
  exit 2
fi
sweep_work="$(realpath -m "${1:-results/$name-sweep}")"
recorded="$root/data/recorded/$name"
if [[ $mode == pilot ]]; then
  sweep="$sweep_work/pilot" options="$(sweep_options "$pilot_epochs" "$pilot_activations" "$pilot_seeds")"
  export SHARDS=1 CPUS_PER_SHARD=2
else
  sweep="$sweep_work/record" options="$(sweep_options "$epochs" "$activations" "$seeds")"
  export SHARDS=2 CPUS_PER_SHARD=1
fi

# shellcheck source=recording.sh
source deploy/slurm/recording.sh
recording_prelu "$sweep_work"
mkdir -p "$sweep"
export MEM_PER_SHARD=2G SHARD_TIME=08:00:00 MERGE_TIME=00:10:00
recording_clock "$sweep"
[[ -f $sweep/merged/summary.csv ]] || recording_submit "$mode" "$sweep" "$options"
recording_wait
[[ -f $sweep/merged/summary.csv ]] || fail "the $mode sweep is not merged (logs in $sweep/logs); rerun to resume it"

if [[ $mode == pilot ]]; then
  # The learning curve and the epoch time: test accuracy and seconds of each epoch (epochs.csv, one line per run and epoch;
  # the pilot's one activation, ReLU, has no comma in its name).
  say "pilot merged in $sweep/merged; its learning curve from epochs.csv (epoch, test accuracy, seconds):"
  awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) column[$i] = i; next }
           { print $column["epoch"], $column["test_accuracy"], $column["seconds"] }' "$sweep/merged/epochs.csv"
  if declare -F cluster_stop >/dev/null; then cluster_stop; fi # every daemon gone before the last line
  exit 0
fi

# Copy what the kit reads (manifest and runs); summaries and reports are computed from them.
rm -rf "$recorded.new"
mkdir -p "$recorded.new"
cp -r "$sweep/merged/comparison.json" "$sweep/merged/runs" "$recorded.new/"
recording_provenance "$options" "$name" "$SHARDS Slurm shards and a merge: deploy/slurm/record-plain-cnn.sh" > "$recorded.new/provenance.json"
# The plan the runs are checked against on load: the activations, seeds and epochs above, and the data the runs recorded.
data="$(recording_data_json "$recorded.new/comparison.json")"
{
  echo '{'
  echo "  \"Activations\": [ \"${activations//,/\", \"}\" ],"
  echo "  \"Seeds\": [ $(seq -s ', ' 0 $((seeds - 1))) ],"
  echo "  \"Epochs\": $epochs,"
  echo "  \"Data\": $data"
  echo '}'
} > "$recorded.new/plan.json"
recording_install "$recorded.new" "$recorded"
if declare -F cluster_stop >/dev/null; then cluster_stop; fi # every daemon gone before the last line
say "recorded $recorded ($recording_wall s since the recording started)"
