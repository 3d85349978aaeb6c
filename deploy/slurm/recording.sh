# What the recording scripts (record-depth-lr.sh, record-plain-cnn.sh) share, in one place: a Slurm to run on, a private
# prelu, the sweep's clock, submitting and waiting for sharded sweeps, and installing a finished recording with its
# provenance and hash manifest. Source it from the repository root, at the top level, after defining say() and fail()
# (fail must set keep=1 and exit).
# shellcheck shell=bash

# Sourcing it starts the one-node cluster of local-cluster.sh where no Slurm answers (as root). It is sourced at the top
# level, not from a function: the cluster's variables and its traps must outlive the caller's functions.
keep=0
if ! sinfo -h >/dev/null 2>&1; then
  [[ $(id -u) -eq 0 ]] || { say "no Slurm answers here, and starting a one-node cluster needs root"; exit 2; }
  # shellcheck source=local-cluster.sh
  source deploy/slurm/local-cluster.sh
fi
# shellcheck source=../prelu-command.sh
source deploy/prelu-command.sh

# Sets PRELU to a private copy of prelu published into folder $1 unless PRELU is set: a rebuild of the checkout while the
# sweep runs must not change the program under its shards.
recording_prelu() {
  mkdir -p "$1"
  if [[ -z ${PRELU:-} ]]; then
    [[ -f $1/prelu/prelu.dll ]] ||
      dotnet publish lib/PReluKit.Cli -c Release -o "$1/prelu" -v q -nologo >/dev/null || fail "dotnet publish lib/PReluKit.Cli"
    PRELU="$1/prelu/prelu.dll"
  fi
  export PRELU
}

# Sets started_epoch and started_at from folder $1's start, kept across interruptions so the wall time counts every session.
recording_clock() {
  [[ -f $1/started ]] || date -u +%s > "$1/started"
  started_epoch="$(cat "$1/started")"
  started_at="$(date -u -d "@$started_epoch" +%Y-%m-%dT%H:%M:%S+00:00)"
}

recording_jobs=()
# Submits one sharded sweep with submit.sh: $1 a name to say, $2 its results folder, $3 its prelu compare options.
recording_submit() {
  local out
  out="$(RESULTS="$2" SWEEP="$3" deploy/slurm/submit.sh)" || fail "submit.sh for $1: $out"
  recording_jobs+=("$(sed -n 's/^array=\([0-9]*\) merge=\([0-9]*\)$/\1,\2/p' <<<"$out")")
  say "$1 queued ($(tail -n 1 <<<"$out"))"
}

# Whether a submitted job is still queued or running. squeue can fail for a moment on a loaded node (munge busy), so only
# an answer counts; it lists this user's jobs by array (or own) id, which a finished job leaves.
recording_running() {
  local queued pair id
  queued="$(squeue -h --me -o %F 2>/dev/null)" || return 0
  for pair in "${recording_jobs[@]}"; do
    for id in ${pair//,/ }; do grep -qx "$id" <<<"$queued" && return 0; done
  done
  return 1
}

# Waits until no submitted job is queued or running; sleeps in the background, so a signal is acted on at once.
recording_wait() {
  while [[ ${#recording_jobs[@]} -gt 0 ]] && recording_running; do sleep 20 & wait $!; done
}

# Prints provenance.json for a recording: $1 the prelu compare options, $2 the folder under data/recorded, $3 how it ran
# (e.g. "3 Slurm shards and a merge: deploy/slurm/record-depth-lr.sh"). Needs started_epoch/started_at (recording_clock).
# MACHINE_NOTE: what a reader should know about the machine's load, e.g. "shared with development work while it ran".
recording_provenance() {
  # Measured once per recording: every cell of a sweep states the same wall time, machine and numerics.
  if [[ -z ${recording_wall:-} ]]; then
    recording_wall=$(($(date -u +%s) - started_epoch))
    recording_machine="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1), $(nproc) cores, $(. /etc/os-release && echo "$PRETTY_NAME")${MACHINE_NOTE:+ ($MACHINE_NOTE)}"
    prelu_command
    recording_numerics="$("${prelu[@]}" numerics --threads "$CPUS_PER_SHARD")"
  fi
  printf '{\n  "Commit": "%s",\n  "Command": "prelu compare %s --threads %s --out data/recorded/%s (as %s)",\n  "Machine": "%s",\n  "Started": "%s",\n  "WallSeconds": %s,\n  "Threads": %s,\n  "Numerics": "%s"\n}\n' \
    "$(git rev-parse HEAD)" "$1" "$CPUS_PER_SHARD" "$2" "$3" "$recording_machine" "$started_at" "$recording_wall" "$CPUS_PER_SHARD" "$recording_numerics"
}

# Prints the plan's "Data" object: the full set (name and sizes of --data full) and the fingerprint that comparison.json
# $1 recorded, which every run must share.
recording_data_json() {
  local fingerprint
  fingerprint="$(sed -n 's/^ *"Fingerprint": "\([0-9a-f]*\)".*/\1/p' "$1")"
  [[ -n $fingerprint ]] || fail "no data fingerprint in $1"
  echo "{ \"Name\": \"Fashion-MNIST\", \"TrainSamples\": 60000, \"TestSamples\": 10000, \"Fingerprint\": \"$fingerprint\" }"
}

# Installs the finished recording $1 (a folder NAME.new) as $2: last, once every file is in place, the SHA-256 of each
# (checked on every load), then one rename over the earlier recording.
recording_install() {
  data/recorded/write-manifest.sh "$1" || fail "data/recorded/write-manifest.sh $1"
  [[ ! -e $2 ]] || mv "$2" "$2.old"
  mv "$1" "$2"
  rm -rf "$2.old"
}
