#!/usr/bin/env bash
# Runs a small sweep through a real Slurm on this one machine, the way deploy/slurm/submit.sh runs it on a cluster:
#     sudo deploy/slurm/try-local.sh        (from anywhere; CI runs it from .ci/run)
# It installs what is missing (Debian's slurm-wlm and munge), starts munged (unless one runs), slurmctld and slurmd with
# a private configuration in a temporary folder (its own ports; /etc/slurm is not touched), one node with this machine's
# CPUs; submits 2 shards and the merge with submit.sh, waits, checks with sacct that every job COMPLETED, and compares the
# merged comparison with an unsharded run of the same settings, every CSV column but times. Then it submits a sweep
# whose shard 2 fails and checks that Slurm cancels the merge promptly, leaving nothing pending. It stops every daemon it
# started, and says in one line what it found. Exit 0: all held; 1: a check failed (the cluster's logs are kept and named).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
say() { printf 'try-local: %s\n' "$*" >&2; }
fail() { say "FAILED: $*"; keep=1; exit 1; }

if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { say "needs root (to install Slurm and start its daemons) and there is no sudo"; exit 2; }
  exec sudo --preserve-env=PATH,HOME,DOTNET_ROOT,DOTNET_CLI_TELEMETRY_OPTOUT,DOTNET_NOLOGO,PRELU "$0" "$@"
fi

missing=()
for tool in slurmctld slurmd sbatch sacct; do
  command -v "$tool" >/dev/null || { missing+=(slurm-wlm); break; }
done
command -v munged >/dev/null || missing+=(munge)
if [[ ${#missing[@]} -gt 0 ]]; then
  say "installing ${missing[*]} (Debian packages)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

work="$(mktemp -d /tmp/prelu-slurm.XXXXXX)"
chmod 755 "$work"
keep=0 started_munged="" started=()
cleanup() {
  for pid_file in "${started[@]}"; do
    [[ -f $pid_file ]] && kill "$(cat "$pid_file")" 2>/dev/null || true
  done
  [[ -z $started_munged ]] || kill "$started_munged" 2>/dev/null || true
  # The daemons are gone once their pid files are (slurmd and slurmctld remove theirs on the way out).
  for _ in $(seq 50); do
    alive=0
    for pid_file in "${started[@]}"; do [[ -f $pid_file ]] && alive=1; done
    [[ $alive -eq 0 ]] && break
    sleep 0.2
  done
  if [[ $keep -eq 1 ]]; then say "kept the cluster's folder for a look: $work (slurmctld.log, slurmd.log, results/*/logs)"; else rm -rf "$work"; fi
}
trap cleanup EXIT

# munge authenticates Slurm's messages. A machine that already runs munged keeps it; otherwise one is started here.
if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
  [[ -f /etc/munge/munge.key ]] || runuser -u munge -- mungekey --create >/dev/null
  install -d -o munge -g munge -m 755 /run/munge
  runuser -u munge -- /usr/sbin/munged
  started_munged="$(cat /run/munge/munged.pid)"
  munge -n | unmunge >/dev/null || fail "munged did not start"
fi

free_port() {
  local port
  for port in $(shuf -i 20000-40000 -n 50); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
  fail "no free port"
}
node="$(hostname -s)"
cpus="$(nproc)"
memory_mb=$(( $(sed -n 's/^MemTotal: *\([0-9]*\) kB/\1/p' /proc/meminfo) / 1024 * 9 / 10 ))
mkdir -p "$work/state" "$work/spool"
export SLURM_CONF="$work/slurm.conf"
cat > "$SLURM_CONF" <<EOF
ClusterName=prelu-local
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=$(free_port)
SlurmdPort=$(free_port)
SlurmUser=root
AuthType=auth/munge
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
ReturnToService=2
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/filetxt
JobCompLoc=$work/jobcomp.log
NodeName=$node NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$memory_mb State=UNKNOWN
PartitionName=local Nodes=$node Default=YES MaxTime=INFINITE State=UP
EOF
slurmctld -f "$SLURM_CONF" && started+=("$work/slurmctld.pid")
slurmd -f "$SLURM_CONF" && started+=("$work/slurmd.pid")
for _ in $(seq 60); do
  [[ $(sinfo -h -o %T 2>/dev/null) == idle ]] && break
  sleep 0.5
done
[[ $(sinfo -h -o %T 2>/dev/null) == idle ]] || fail "the node did not come up idle: $(sinfo -h 2>&1 | head -n 1)"
say "Slurm $(sinfo -V | cut -d' ' -f2) up: node $node, $cpus CPUs"

# prelu as the nodes run it (PRELU may name another build, e.g. an installed tool).
if [[ -z ${PRELU:-} ]]; then
  dotnet build lib/PReluKit.Cli -c Release -v q -nologo >/dev/null || fail "dotnet build lib/PReluKit.Cli"
  PRELU="dotnet $root/lib/PReluKit.Cli/bin/Release/net10.0/prelu.dll"
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
# shellcheck disable=SC2086 # PRELU and SWEEP are word lists
$PRELU compare $SWEEP --threads "$CPUS_PER_SHARD" --out "$work/unsharded" >/dev/null || fail "the unsharded run"
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
# prelu, except that shard 2 fails, as a shard on a broken node would.
[[ " $* " == *" --shard 2/"* ]] && { echo "shard 2 fails on purpose" >&2; exit 3; }
exec "$@"
EOF
chmod +x "$work/fail-shard-2"
failing_started=$SECONDS
PRELU="$work/fail-shard-2 $PRELU" sweep "$work/failing" 60 # promptly: shard 2 fails within seconds
failing_elapsed=$((SECONDS - failing_started))
failing="$(states "$array")"
[[ $(grep -c '^prelu-shard FAILED$' <<<"$failing") -eq 1 && $(grep -c '^prelu-shard COMPLETED$' <<<"$failing") -eq 1 ]] ||
  fail "shard 2 should have FAILED and shard 1 COMPLETED, sacct says: $(tr '\n' ';' <<<"$failing")"
grep -q '^prelu-merge CANCELLED' <<<"$failing" || fail "the merge should have been CANCELLED, sacct says: $(tr '\n' ';' <<<"$failing")"
[[ ! -e $work/failing/merged ]] || fail "the merge ran after a failed shard"

echo "slurm: $SHARDS shards and the merge COMPLETED in ${elapsed} s (sacct); the merged summary, contrasts and epochs equal" \
     "an unsharded run's in every column but times; with shard 2 failing, Slurm cancelled the merge and nothing was left" \
     "queued ${failing_elapsed} s after submitting"
