#!/usr/bin/env bash
# Writes FOLDER/MANIFEST.sha256, the hash manifest of a recorded experiment or sweep:
#     data/recorded/write-manifest.sh FOLDER
# one "SHA256  PATH" line (sha256sum's format) for every file under FOLDER but the manifest, paths relative to FOLDER,
# in byte order. The kit checks it on every load (FileHashManifest): a changed, missing or extra file is refused. Run it
# as the last step of a recording, once every file is in place; `sha256sum -c MANIFEST.sha256` in FOLDER checks it too.
set -euo pipefail
folder="${1:?usage: write-manifest.sh FOLDER}"
[[ -d $folder ]] || { printf 'write-manifest: %s is not a folder\n' "$folder" >&2; exit 2; }
cd "$folder"
# Written beside and renamed, so that a failure leaves the old manifest (or none), never half of one.
trap 'rm -f MANIFEST.sha256.tmp' EXIT
# shellcheck disable=SC2094 # the manifest and its temp file are left out of the listing
find . -type f ! -name MANIFEST.sha256 ! -name MANIFEST.sha256.tmp -printf '%P\0' | LC_ALL=C sort -z | xargs -0 -r sha256sum -- > MANIFEST.sha256.tmp
mv MANIFEST.sha256.tmp MANIFEST.sha256
