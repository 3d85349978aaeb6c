#!/usr/bin/env bash
# The container, built and run for real (called by .ci/run; runs on its own too, as root or with sudo):
#  1. podman with runc (crun fails on these machines), ulimits within the host's, configured for this script alone;
#  2. stand-ins for the bases mcr.microsoft.com and registry.k8s.io would give, made here from a Debian bookworm rootfs
#     (mmdebstrap): the runtime's native dependencies, the SDK installed on this machine, Debian's kubectl;
#  3. deploy/Dockerfile built with them and Debian's full Fashion-MNIST (dataset-fashion-mnist), timed and measured;
#  4. inside the image, as its non-root user with a read-only root filesystem: a tiny comparison, two shards of a sweep
#     (deploy/run-shard.sh) and their merge (deploy/merge.sh), each checked;
#  5. the dev container's setup (.devcontainer/post-create.sh) inside the SDK stand-in, then notebook 01 executed there
#     through Jupyter with the dotnet-interactive kernel under the quick profile (.ci/devcontainer-check.sh).
# The rootfs is cached per day in $PRELUKIT_CI_CACHE, and podman's layer cache keeps the stand-ins and the image's restore
# layer, so a second run on one machine skips most of the work; a fresh machine builds everything.
set -euo pipefail
cd "$(dirname "$0")/.."
repository="$PWD"
started=$SECONDS
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"

packages=()
for command in podman runc mmdebstrap; do command -v "$command" >/dev/null || packages+=("$command"); done
[ -f /usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz ] || packages+=(dataset-fashion-mnist)
if [ "${#packages[@]}" -gt 0 ]; then
  $sudo apt-get -o DPkg::Lock::Timeout=600 update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${packages[@]}"
fi

work="$(mktemp -d)"
full_set=".ci-full-set" # inside the build context: FULL_SET names a folder of it (git-ignored)
cleanup() { $sudo rm -rf "$work" "$repository/$full_set"; }
trap cleanup EXIT

# The user's own containers.conf stays as it is: CONTAINERS_CONF points podman at this one, read after the system's.
limit() { local host="$1" cap="$2"; if [ "$host" = unlimited ] || [ "$host" -gt "$cap" ]; then echo "$cap"; else echo "$host"; fi; }
nofile="$(limit "$(ulimit -n)" 20000)"
nproc="$(limit "$(ulimit -u)" 32768)"
cat > "$work/containers.conf" <<EOF
[containers]
default_ulimits = ["nofile=$nofile:$nofile", "nproc=$nproc:$nproc"]
[engine]
runtime = "runc"
EOF
podman() { $sudo env CONTAINERS_CONF="$work/containers.conf" podman "$@"; }
logged() { # what, then a command whose output is shown only when it fails
  local what="$1"; shift
  if ! "$@" > "$work/log.txt" 2>&1; then
    tail -n 60 "$work/log.txt" >&2
    echo "container: $what failed" >&2
    exit 1
  fi
}

# Stand-in bases. The rootfs is made once a day (Debian's security updates), older ones are removed.
day="$(date -u +%Y%m%d)"
cache="${PRELUKIT_CI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/prelukit-ci}"
rootfs="$cache/bookworm-minbase-$day.tar"
base="localhost/prelukit-ci/bookworm:$day"
if ! podman image exists "$base"; then
  if [ ! -f "$rootfs" ]; then
    mkdir -p "$cache"
    $sudo find "$cache" -maxdepth 1 -name '*bookworm-minbase-*.tar' -delete
    # mmdebstrap picks its output's format by the name's ending: .tar
    $sudo mmdebstrap --quiet --variant=minbase bookworm "$cache/partial-bookworm-minbase-$day.tar"
    $sudo mv "$cache/partial-bookworm-minbase-$day.tar" "$rootfs"
  fi
  podman import --quiet "$rootfs" "$base" >/dev/null
fi

stand_in() { # name, Containerfile on stdin, then podman build options
  local name="$1"; shift
  mkdir -p "$work/$name"
  cat > "$work/$name/Containerfile"
  logged "the $name stand-in" podman build --network host -t "localhost/prelukit-ci/$name:$day" "$@" "$work/$name"
}
apt_install='apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends'
# runtime-deps: what a self-contained .NET app needs on Debian (the Dockerfile's RUNTIME_IMAGE) and the user "app".
stand_in runtime-deps <<EOF
FROM $base
RUN $apt_install libssl3 && rm -rf /var/lib/apt/lists/* \
 && echo 'app:x:1654:' >> /etc/group && echo 'app:x:1654:1654::/home/app:/usr/sbin/nologin' >> /etc/passwd \
 && mkdir /home/app && chown app:app /home/app
EOF
# sdk: this machine's .NET SDK (its version names the layer, so a new SDK makes a new one), CA certificates, ICU.
dotnet_root="$(dirname "$(readlink -f "$(command -v dotnet)")")"
sdk_version="$(dotnet --version)"
stand_in sdk -v "$dotnet_root:/host-dotnet:ro" <<EOF
FROM $base
RUN $apt_install ca-certificates libicu72 libssl3 && rm -rf /var/lib/apt/lists/*
RUN echo "SDK $sdk_version" && cp -a /host-dotnet /usr/share/dotnet && ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
EOF
# kubectl: Debian's (1.20), where the image takes registry.k8s.io's 1.29 by default.
stand_in kubectl <<EOF
FROM $base
RUN $apt_install kubernetes-client && rm -rf /var/lib/apt/lists/*
EOF

# The image, from Debian's full set. The restore inside the build uses the host's CA certificates (these machines' TLS).
mkdir -p "$full_set"
cp /usr/share/datasets/fashion-mnist/*-ubyte.gz "$full_set/"
image="localhost/prelukit:ci"
previous="$(podman image inspect --format '{{.Id}}' "$image" 2>/dev/null || true)"
build_started=$SECONDS
logged "the image's build" podman build --network host -v /etc/ssl/certs:/etc/ssl/certs:ro -f deploy/Dockerfile -t "$image" \
  --build-arg SDK_IMAGE="localhost/prelukit-ci/sdk:$day" \
  --build-arg RUNTIME_IMAGE="localhost/prelukit-ci/runtime-deps:$day" \
  --build-arg KUBECTL_IMAGE="localhost/prelukit-ci/kubectl:$day" \
  --build-arg FULL_SET="$full_set" .
build_seconds=$((SECONDS - build_started))
image_mb=$(( $(podman image inspect --format '{{.Size}}' "$image") / 1000000 ))
# Only this script's images are removed: the previous build of the image and other days' stand-ins.
if [ -n "$previous" ] && [ "$previous" != "$(podman image inspect --format '{{.Id}}' "$image")" ]; then
  podman rmi "$previous" >/dev/null 2>&1 || true
fi
podman images --format '{{.Repository}}:{{.Tag}}' | awk -v today=":$day" 'index($0, "localhost/prelukit-ci/") == 1 && !index($0, today)' \
  | while read -r old; do podman rmi "$old" >/dev/null 2>&1 || true; done

# Runs as the image's user with a read-only root filesystem; the results folder is the only writable mount (podman
# mounts a tmpfs on /tmp, the image's HOME).
results="$work/results"
mkdir -p "$results"
$sudo chown 1654:1654 "$results"
run() { # what, then podman run arguments
  local what="$1"; shift
  logged "$what in the image" podman run --rm --read-only --network none -v "$results:/results" "$@"
}
uid="$(podman run --rm --entrypoint id "$image" -u)"
[ "$uid" = 1654 ] || { echo "container: the image runs as uid $uid, not 1654" >&2; exit 1; }
run "the full set's check" "$image" data info --data full
run "prelu compare" "$image" compare --epochs 1 --seeds 1 --activations relu,prelu --out /results/compare
sweep=(-e RESULTS=/results/sweep -e THREADS=1 -e "SWEEP=--data subset --seeds 2 --epochs 1 --activations relu,prelu")
run "shard 1 of 2" "${sweep[@]}" --entrypoint deploy/run-shard.sh "$image" 1 2
run "shard 2 of 2" "${sweep[@]}" --entrypoint deploy/run-shard.sh "$image" 2 2
run "the merge" "${sweep[@]}" --entrypoint deploy/merge.sh "$image"
for file in compare/summary.csv sweep/merged/summary.csv sweep/merged/report.html; do
  [ -s "$results/$file" ] || { echo "container: no $file in the results" >&2; exit 1; }
done

# The dev container's setup in the SDK stand-in (root there: post-create.sh uses sudo only when it is not root), on a
# copy of the working tree so that no build output of the container lands in this checkout.
devcontainer_started=$SECONDS
mkdir -p "$work/workspace"
git ls-files -z --cached --others --exclude-standard | tar --null -T - -cf - | tar -xf - -C "$work/workspace"
# Its own network namespace: the kernel's HTTP listeners bind every interface there, not this machine's.
# This machine's NuGet packages serve as a read-only fallback folder, so the restore downloads only what they lack.
nuget_packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
fallback=()
[ -d "$nuget_packages" ] && fallback=(-v "$nuget_packages:/nuget-fallback:ro" -e NUGET_FALLBACK_PACKAGES=/nuget-fallback)
logged "the dev container's setup or notebook 01 in the SDK stand-in" \
  podman run --rm -v /etc/ssl/certs:/etc/ssl/certs:ro "${fallback[@]}" \
  -v "$work/workspace:/workspaces/PReluNotebooks" -w /workspaces/PReluNotebooks "localhost/prelukit-ci/sdk:$day" \
  .ci/devcontainer-check.sh
devcontainer_seconds=$((SECONDS - devcontainer_started))

echo "container: image $image_mb MB, built in $build_seconds s; compare, 2 shards and the merge passed as uid 1654 with a read-only root;" \
     "dev container setup and notebook 01 in $devcontainer_seconds s; $((SECONDS - started)) s in all"
