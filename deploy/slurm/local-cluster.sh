# A one-node Slurm cluster on this machine, for deploy/slurm/try-local.sh and deploy/slurm/record-depth-lr.sh. Source it
# as root after defining say() and fail() (fail must exit); it installs what is missing (Debian's slurm-wlm and munge),
# starts munged (unless one runs), slurmctld and slurmd with a private configuration in a temporary folder
# ($TMPDIR/prelu-slurm.*, its own ports; /etc/slurm is not touched) with one node of this machine's CPUs, exports
# SLURM_CONF, and sets $work.
# Stopping: on exit and on INT, TERM or HUP (further signals are ignored while it stops) everything it started is stopped
# — slurmctld, slurmd, every job step (slurmstepd and the processes of its session: SIGTERM, then SIGKILL after a short
# grace) and munged if it started it — and waited for until gone; then $work is removed, unless the caller set keep=1
# (then it names the folder). cluster_stop does this at once, for a caller that prints a last line after it.
# Leftovers: a cluster whose script is gone (killed with SIGKILL, say) is stopped and removed at the next start; one whose
# script still runs is refused (exit 2), so two runs never share this machine's Slurm.
# shellcheck shell=bash

# "PID START" of a process (START: its start time, so a reused pid is not taken for it); fails when it is gone.
process_stamp() {
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
  read -r -a stat <<<"${stat##*) }"
  [[ ${stat[0]} != Z ]] || return 1
  echo "$1 ${stat[19]}"
}

# The live processes of the cluster in folder $1, one pid a line: those whose command line names a file in it (slurmctld,
# slurmd and the job scripts), every process in the session of a slurmstepd that holds one of its files open (a job step
# and what it runs), the munged it started, and the descendants of all these.
cluster_processes() {
  local folder=$1 pid sessions=""
  for pid in $(pgrep -x slurmstepd); do
    [[ -z "$(find "/proc/$pid/fd" -lname "$folder/*" -print -quit 2>/dev/null)" ]] || sessions+=" $(ps -o sid= -p "$pid")"
  done
  local munged=""
  if [[ -f $folder/munged.started ]] && [[ "$(process_stamp "$(cut -d' ' -f1 "$folder/munged.started")")" == "$(cat "$folder/munged.started")" ]]; then
    munged="$(cut -d' ' -f1 "$folder/munged.started")"
  fi
  ps -eo pid=,ppid=,sid=,stat=,args= | FOLDER="$folder/" SESSIONS="$sessions" MUNGED="$munged" SELF="$$" awk '
    BEGIN { split(ENVIRON["SESSIONS"], list, " "); for (i in list) session[list[i]] = 1 }
    $4 !~ /^Z/ && $1 != ENVIRON["SELF"] {
      pid[NR] = $1; parent[$1] = $2
      args = $0; sub(/^ *[0-9]+ +[0-9]+ +[0-9]+ +[^ ]+ +/, "", args)
      if (index(args, ENVIRON["FOLDER"]) > 0 || ($3 in session) || $1 == ENVIRON["MUNGED"]) ours[$1] = 1
    }
    END {
      do { grown = 0; for (i in pid) if (!(pid[i] in ours) && (parent[pid[i]] in ours)) { ours[pid[i]] = 1; grown = 1 } } while (grown)
      for (p in ours) print p
    }'
}

# Stops every process of the cluster in folder $1 and waits until they are gone: SIGTERM, then SIGKILL from 3 s on (a
# job step may ignore SIGTERM). munged goes last (slurmctld and slurmd talk through it while they stop).
cluster_stop_folder() {
  local folder=$1 munged="" pids=() slurm pid termed=" " start=${EPOCHREALTIME/[.,]/}
  [[ ! -f $folder/munged.started ]] || munged="$(cut -d' ' -f1 "$folder/munged.started")"
  while (( ${EPOCHREALTIME/[.,]/} - start < 15000000 )); do
    mapfile -t pids < <(cluster_processes "$folder")
    [[ ${#pids[@]} -gt 0 ]] || return 0
    slurm=()
    for pid in "${pids[@]}"; do [[ $pid == "$munged" ]] || slurm+=("$pid"); done
    [[ ${#slurm[@]} -gt 0 ]] || slurm=("${pids[@]}") # only munged is left
    for pid in "${slurm[@]}"; do
      if [[ $termed != *" $pid "* ]]; then kill -TERM "$pid" 2>/dev/null; termed+="$pid "
      elif (( ${EPOCHREALTIME/[.,]/} - start > 3000000 )); then kill -KILL "$pid" 2>/dev/null; fi
    done
    sleep 0.1
  done
  say "processes of the cluster in $folder still there after 15 s: $(cluster_processes "$folder" | tr '\n' ' ')"
  return 1
}

# Stops this cluster, waits until it is gone and removes $work (keep=1: keeps it); once, at the first call.
cluster_stop() {
  set +e
  trap '' INT TERM HUP
  [[ -z ${cluster_stopped:-} ]] || return 0
  cluster_stopped=1
  cluster_stop_folder "$work"
  [[ -z ${cluster_signal:-} ]] || say "interrupted (SIG$cluster_signal): stopped the local cluster, its jobs and every daemon it started"
  if [[ $keep -eq 1 ]]; then
    rm -f "$work/owner"
    touch "$work/kept"
    say "kept the cluster's folder for a look: $work (slurmctld.log, slurmd.log, results/*/logs)"
  else
    rm -rf "$work"
  fi
}

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

# A cluster left by an earlier run: stopped and removed when its script is gone, refused while it runs.
clusters="${TMPDIR:-/tmp}"
for leftover in "$clusters"/prelu-slurm.*/; do
  leftover="${leftover%/}"
  grep -qsx 'ClusterName=prelu-local' "$leftover/slurm.conf" || continue
  if [[ -f $leftover/owner ]] && [[ "$(process_stamp "$(cut -d' ' -f1 "$leftover/owner")")" == "$(cat "$leftover/owner")" ]]; then
    owner="$(cut -d' ' -f1 "$leftover/owner")"
    say "a local Slurm cluster of another run is up in $leftover (pid $owner: $(tr '\0' ' ' < "/proc/$owner/cmdline")); stop that run first (kill -INT $owner)"
    exit 2
  fi
  if [[ -n "$(cluster_processes "$leftover")" ]]; then
    say "stopping the cluster an earlier run left running in $leftover"
    cluster_stop_folder "$leftover" || { say "could not stop the cluster left in $leftover"; exit 1; }
  fi
  [[ -f $leftover/kept ]] || rm -rf "$leftover" # a folder kept for a look stays
done
# Job steps still running for a cluster whose folder is gone (removed while a step ignored SIGTERM): stopped too.
for stepd in $(pgrep -x slurmstepd); do
  leftover="$(find "/proc/$stepd/fd" -lname "$clusters/prelu-slurm.*" -printf '%l\n' -quit 2>/dev/null)"
  [[ -n $leftover ]] || continue
  leftover="${leftover#"$clusters"/}"
  leftover="$clusters/${leftover%%/*}"
  [[ ! -d $leftover ]] || continue
  say "stopping the job steps of a removed cluster folder, $leftover"
  cluster_stop_folder "$leftover" || { say "could not stop the job steps of $leftover"; exit 1; }
done

work="$(mktemp -d "$clusters/prelu-slurm.XXXXXX")"
chmod 755 "$work"
process_stamp $$ > "$work/owner"
keep=0
trap cluster_stop EXIT
# A signal's trap ignores further ones at once, so a second Ctrl-C (or the one timeout relays) cannot cut the stop short.
trap 'trap "" INT TERM HUP; cluster_signal=INT; exit 130' INT
trap 'trap "" INT TERM HUP; cluster_signal=TERM; exit 143' TERM
trap 'trap "" INT TERM HUP; cluster_signal=HUP; exit 129' HUP
# A reader of our output may be gone (a tee that the same Ctrl-C stopped): a write must not kill the shell before it has
# stopped the cluster. Caught rather than ignored, so the commands it runs still get the default.
trap ':' PIPE

# munge authenticates Slurm's messages. A machine that already runs munged keeps it; otherwise one is started here.
if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
  [[ -f /etc/munge/munge.key ]] || runuser -u munge -- mungekey --create >/dev/null
  install -d -o munge -g munge -m 755 /run/munge
  runuser -u munge -- /usr/sbin/munged
  process_stamp "$(cat /run/munge/munged.pid)" > "$work/munged.started"
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
memory_mb=$(( $(sed -n 's/^MemTotal: *\([0-9]*\) kB/\1/p' /proc/meminfo) * 9 / 10 / 1024 ))
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
slurmctld -f "$SLURM_CONF"
slurmd -f "$SLURM_CONF"
for _ in $(seq 60); do
  [[ $(sinfo -h -o %T 2>/dev/null) == idle ]] && break
  sleep 0.5
done
[[ $(sinfo -h -o %T 2>/dev/null) == idle ]] || fail "the node did not come up idle: $(sinfo -h 2>&1 | head -n 1)"
say "Slurm $(sinfo -V | cut -d' ' -f2) up: node $node, $cpus CPUs"
