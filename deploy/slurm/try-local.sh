#!/usr/bin/env bash
# Runs a small sweep through a real Slurm on this one machine, the way deploy/slurm/submit.sh runs it on a cluster:
#     sudo deploy/slurm/try-local.sh        (from anywhere; CI runs it from .ci/run)
# It starts a one-node cluster on this machine (deploy/slurm/local-cluster.sh: Debian's slurm-wlm and munge, a private
# configuration, /etc/slurm untouched); submits 2 shards and the merge with submit.sh, waits, checks with sacct that
# every job COMPLETED, and compares the merged comparison with an unsharded run of the same settings, every CSV column
# but times. Then it submits a sweep whose shard 2 fails and checks that Slurm cancels the merge promptly, leaving nothing
# pending. It stops every daemon and job it started and waits until they are gone, also when interrupted (INT, TERM, HUP),
# then says in one line what it found. Exit 0: all held; 1: a check failed (the cluster's logs are kept and named);
# 2: it cannot run here (no root, or another run's local cluster is up); 129/130/143: interrupted.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
say() { printf 'try-local: %s\n' "$*" >&2; }
fail() { say "FAILED: $*"; keep=1; exit 1; }

if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { say "needs root (to install Slurm and start its daemons) and there is no sudo"; exit 2; }
  exec sudo --preserve-env=PATH,HOME,TMPDIR,DOTNET_ROOT,DOTNET_CLI_TELEMETRY_OPTOUT,DOTNET_NOLOGO,PRELU "$0" "$@"
fi

# shellcheck source=local-cluster.sh
source deploy/slurm/local-cluster.sh
# shellcheck source=../prelu-command.sh
source deploy/prelu-command.sh

# prelu as the nodes run it (PRELU may name another build, e.g. an installed tool).
if [[ -z ${PRELU:-} ]]; then
  dotnet build lib/PReluKit.Cli -c Release -v q -nologo >/dev/null || fail "dotnet build lib/PReluKit.Cli"
  PRELU="$root/lib/PReluKit.Cli/bin/Release/net10.0/prelu.dll"
fi
export PRELU
export SWEEP="--epochs 1 --seeds 2 --activations relu,prelu" # 4 runs: 2 per shard
export SHARDS=2 CPUS_PER_SHARD=1 MEM_PER_SHARD=1G SHARD_TIME=00:10:00 MERGE_TIME=00:05:00 PARTITION=local

# Submits a sweep into $1 with submit.sh and waits up to $2 seconds until none of its jobs is queued or running; sets
# array and merge.
sweep() {
  local out
  out="$(RESULTS="$1" deploy/slurm/submit.sh)" || fail "submit.sh: $out"
  read -r array merge < <(sed -n 's/^array=\([0-9]*\) merge=\([0-9]*\)$/\1 \2/p' <<<"$out")
  [[ -n ${merge:-} ]] || fail "submit.sh printed no job ids: $out"
  for _ in $(seq "$2"); do
    squeue -h -j "$array,$merge" 2>/dev/null | grep -q . || return 0
    sleep 1
  done
  fail "jobs still queued $2 s after submitting: $(squeue -h -j "$array,$merge" -o '%i %j %T %r' | tr '\n' ';')"
}
# "JobName State" of every job from job $1 on, from Slurm's job completion records (this cluster runs nothing else; its job
# ids grow, and an array's tasks get ids from the array's own on).
states() { sacct --completion -n -P -o JobIDRaw,JobName,State 2>/dev/null | awk -F'|' -v first="$1" '$1 >= first { print $2, $3 }' | sort; }

started_at=$SECONDS
sweep "$work/results" 600
elapsed=$((SECONDS - started_at))
completed="$(states "$array")"
[[ $(grep -c ' COMPLETED$' <<<"$completed") -eq $((SHARDS + 1)) && $(wc -l <<<"$completed") -eq $((SHARDS + 1)) ]] ||
  fail "expected $SHARDS shards and the merge COMPLETED, sacct says: $(tr '\n' ';' <<<"$completed")"

# The same comparison unsharded, with the shards' threads: the merged CSVs must equal it in every column but times.
prelu_command
# shellcheck disable=SC2086 # SWEEP is a word list
"${prelu[@]}" compare $SWEEP --threads "$CPUS_PER_SHARD" --out "$work/unsharded" >/dev/null || fail "the unsharded run"
without_times() {
  awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) keep[i] = $i !~ /seconds|time_/ }
           { line = ""; for (i = 1; i <= NF; i++) if (keep[i]) line = line $i ","; print line }' "$1"
}
for csv in summary.csv contrasts.csv epochs.csv; do
  diff <(without_times "$work/results/merged/$csv") <(without_times "$work/unsharded/$csv") >/dev/null ||
    fail "merged $csv differs from the unsharded run's: diff $work/results/merged/$csv $work/unsharded/$csv"
done

# A sweep whose shard 2 fails: Slurm must cancel the merge (no job left pending) soon after.
cat > "$work/fail-shard-2" <<'EOF'
#!/usr/bin/env bash
# prelu (as INNER_PRELU names it), except that shard 2 fails, as a shard on a broken node would.
[[ " $* " == *" --shard 2/"* ]] && { echo "shard 2 fails on purpose" >&2; exit 3; }
PRELU=$INNER_PRELU
source deploy/prelu-command.sh
prelu_command
exec "${prelu[@]}" "$@"
EOF
chmod +x "$work/fail-shard-2"
failing_started=$SECONDS
export INNER_PRELU="$PRELU"
PRELU="$work/fail-shard-2" sweep "$work/failing" 60 # promptly: shard 2 fails within seconds
failing_elapsed=$((SECONDS - failing_started))
failing="$(states "$array")"
[[ $(grep -c '^prelu-shard FAILED$' <<<"$failing") -eq 1 && $(grep -c '^prelu-shard COMPLETED$' <<<"$failing") -eq 1 ]] ||
  fail "shard 2 should have FAILED and shard 1 COMPLETED, sacct says: $(tr '\n' ';' <<<"$failing")"
grep -q '^prelu-merge CANCELLED' <<<"$failing" || fail "the merge should have been CANCELLED, sacct says: $(tr '\n' ';' <<<"$failing")"
[[ ! -e $work/failing/merged ]] || fail "the merge ran after a failed shard"

cluster_stop # every daemon gone before the last line
echo "slurm: $SHARDS shards and the merge COMPLETED in ${elapsed} s (sacct); the merged summary, contrasts and epochs equal" \
     "an unsharded run's in every column but times; with shard 2 failing, Slurm cancelled the merge and nothing was left" \
     "queued ${failing_elapsed} s after submitting"
