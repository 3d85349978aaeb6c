# A one-node Slurm cluster on this machine, for deploy/slurm/try-local.sh and deploy/slurm/record-depth-lr.sh. Source it
# as root after defining say() and fail() (fail must exit); it installs what is missing (Debian's slurm-wlm and munge),
# starts munged (unless one runs), slurmctld and slurmd with a private configuration in a temporary folder (its own
# ports; /etc/slurm is not touched) with one node of this machine's CPUs, exports SLURM_CONF, and sets $work. An EXIT
# trap stops every daemon it started and removes $work, unless the caller set keep=1 (then it names the folder).
# shellcheck shell=bash
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

