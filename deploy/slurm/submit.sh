#!/usr/bin/env bash
# Queues a sweep on Slurm: the shards as a job array, then the merge. The merge starts only when every shard succeeded
# (--dependency=afterok), and when one fails Slurm cancels it at once (--kill-on-invalid-dep=yes) instead of leaving it
# pending forever. Run from the repository root, on a filesystem every node mounts, after publishing prelu:
#     dotnet publish lib/PReluKit.Cli -c Release -o build/prelu && deploy/slurm/submit.sh
# What a site adapts is in deploy/slurm/site.sh; every value is checked before anything is queued or created.
# The last line printed is "array=ID merge=ID". Exit 2: a value is wrong (one line names it, nothing was created);
# 1: sbatch refused a job (nothing is left queued, and a log folder this run made is removed again).
set -euo pipefail
say() { printf 'submit.sh: %s\n' "$*" >&2; }
[[ -f deploy/slurm/site.sh ]] || { say "run it from the repository root (deploy/slurm/site.sh not found in $PWD)"; exit 2; }
# shellcheck source=site.sh
source deploy/slurm/site.sh
# shellcheck source=../prelu-command.sh
source deploy/prelu-command.sh

# Every value up front, each refusal one line naming the variable and what was expected.
refuse() { say "$1='${!1}': expected $2 (deploy/slurm/site.sh, or set it in the environment)"; exit 2; }
whole='^[1-9][0-9]*$'
name='^[A-Za-z0-9_.-]+$'
# Slurm's time forms: minutes, minutes:seconds, hours:minutes:seconds, days-hours[:minutes[:seconds]], or UNLIMITED.
time='^([0-9]+(:[0-9]{1,2}){0,2}|[0-9]+-[0-9]{1,2}(:[0-9]{1,2}){0,2}|UNLIMITED|INFINITE)$'
[[ $SHARDS =~ $whole ]] || refuse SHARDS "a whole number ≥ 1 (the array's tasks)"
[[ $CPUS_PER_SHARD =~ $whole ]] || refuse CPUS_PER_SHARD "a whole number ≥ 1 (CPUs per shard, also its --threads)"
[[ $MEM_PER_SHARD =~ ^[1-9][0-9]*[KMGT]?$ ]] || refuse MEM_PER_SHARD "memory as sbatch --mem takes it, e.g. 8G or 8000 (MB)"
[[ $SHARD_TIME =~ $time ]] || refuse SHARD_TIME "a time limit as sbatch --time takes it, e.g. 08:00:00 or 1-00:00:00"
[[ $MERGE_TIME =~ $time ]] || refuse MERGE_TIME "a time limit as sbatch --time takes it, e.g. 00:30:00"
[[ -z $PARTITION || $PARTITION =~ ^[A-Za-z0-9_.-]+(,[A-Za-z0-9_.-]+)*$ ]] ||
  refuse PARTITION "a partition name (letters, digits, . _ -; several separated by commas), or empty for the default"
[[ -z $ACCOUNT || $ACCOUNT =~ $name ]] || refuse ACCOUNT "an account name (letters, digits, . _ -), or empty for your default"
[[ -n $RESULTS && ( ! -e $RESULTS || -d $RESULTS ) ]] || refuse RESULTS "a folder (it is created when missing)"
[[ -z ${PRELUKIT_FASHION_MNIST:-} || -d $PRELUKIT_FASHION_MNIST ]] ||
  refuse PRELUKIT_FASHION_MNIST "a folder holding the full Fashion-MNIST, or empty"
problem="$(prelu_problem)"
[[ -z $problem ]] || { say "$problem"; exit 2; }

# Slurm opens the jobs' output files but does not create their folder. A refusal below removes what this run made.
made="" # the first folder of $RESULTS/logs that was missing
if [[ ! -d $RESULTS/logs ]]; then
  made="$RESULTS/logs"
  while [[ ! -e $(dirname "$made") ]]; do made="$(dirname "$made")"; done
  mkdir -p "$RESULTS/logs"
fi
unmake() { [[ -z $made ]] || find "$made" -depth -type d -empty -delete; }

# The jobs get this shell's environment (PRELU, RESULTS, PRELUKIT_FASHION_MNIST and SWEEP if set).
common=(--parsable --export=ALL)
[[ -z $PARTITION ]] || common+=(--partition="$PARTITION")
[[ -z $ACCOUNT ]] || common+=(--account="$ACCOUNT")
if ! array=$(sbatch "${common[@]}" --array="1-$SHARDS" --cpus-per-task="$CPUS_PER_SHARD" --mem="$MEM_PER_SHARD" \
  --time="$SHARD_TIME" --output="$RESULTS/logs/shard-%A_%a.out" deploy/slurm/compare-shards.sbatch 2>&1); then
  unmake
  say "sbatch refused the shards' array (PARTITION='$PARTITION' ACCOUNT='$ACCOUNT' CPUS_PER_SHARD=$CPUS_PER_SHARD MEM_PER_SHARD=$MEM_PER_SHARD SHARD_TIME=$SHARD_TIME): $(tr '\n' ' ' <<<"$array")"
  exit 1
fi
array=${array%%;*}
if ! merge=$(sbatch "${common[@]}" --dependency="afterok:$array" --kill-on-invalid-dep=yes --cpus-per-task=1 \
  --mem="$MEM_PER_SHARD" --time="$MERGE_TIME" --output="$RESULTS/logs/merge-%j.out" deploy/slurm/merge.sbatch 2>&1); then
  scancel "$array" 2>/dev/null || true
  say "sbatch refused the merge (MERGE_TIME=$MERGE_TIME): $(tr '\n' ' ' <<<"$merge"); cancelled the shards' array $array"
  exit 1
fi
merge=${merge%%;*}
echo "shards: job array $array (tasks 1-$SHARDS); merge: job $merge once every shard succeeded; results in $RESULTS/merged"
echo "array=$array merge=$merge"
