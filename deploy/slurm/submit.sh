#!/usr/bin/env bash
# Queues a sweep on Slurm: the shards as a job array, then the merge. The merge starts only when every shard succeeded
# (--dependency=afterok), and when one fails Slurm cancels it at once (--kill-on-invalid-dep=yes) instead of leaving it
# pending forever. Run from the repository root, on a filesystem every node mounts, after publishing prelu:
#     dotnet publish lib/PReluKit.Cli -c Release -o build/prelu && deploy/slurm/submit.sh
# What a site adapts is in deploy/slurm/site.sh. The last line printed is "array=ID merge=ID".
set -euo pipefail
[[ -f deploy/slurm/site.sh ]] || { echo "submit.sh: run it from the repository root (deploy/slurm/site.sh not found in $PWD)" >&2; exit 2; }
# shellcheck source=site.sh
source deploy/slurm/site.sh
mkdir -p "$RESULTS/logs" # Slurm opens the jobs' output files but does not create their folder

# The jobs get this shell's environment (PRELU, RESULTS, PRELUKIT_FASHION_MNIST and SWEEP if set).
common=(--parsable --export=ALL)
[[ -z $PARTITION ]] || common+=(--partition="$PARTITION")
[[ -z $ACCOUNT ]] || common+=(--account="$ACCOUNT")
array=$(sbatch "${common[@]}" --array="1-$SHARDS" --cpus-per-task="$CPUS_PER_SHARD" --mem="$MEM_PER_SHARD" \
  --time="$SHARD_TIME" --output="$RESULTS/logs/shard-%A_%a.out" deploy/slurm/compare-shards.sbatch)
array=${array%%;*}
merge=$(sbatch "${common[@]}" --dependency="afterok:$array" --kill-on-invalid-dep=yes --cpus-per-task=1 \
  --mem="$MEM_PER_SHARD" --time="$MERGE_TIME" --output="$RESULTS/logs/merge-%j.out" deploy/slurm/merge.sbatch)
merge=${merge%%;*}
echo "shards: job array $array (tasks 1-$SHARDS); merge: job $merge once every shard succeeded; results in $RESULTS/merged"
echo "array=$array merge=$merge"
