#!/usr/bin/env bash
# The notebooks through a real Jupyter client, as a learner runs them: Debian's jupyter-client and nbconvert, the .NET
# Interactive kernel from the repository's tool manifest (.config/dotnet-tools.json), every notebook executed under the
# quick profile into a temporary folder (notebooks/ and results/ are never written). Any error output in any executed notebook fails the
# run, with a line naming the notebook and the cell. Prints one line per notebook and the step's time.
# Usage: .ci/jupyter.sh [NOTEBOOK.ipynb ...]   (default: notebooks/*.ipynb)
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT=1
started=$SECONDS
python=/usr/bin/python3 # Debian's, with Debian's Jupyter packages, whatever Python is first on PATH

packages=()
"$python" -c 'import jupyter_client' 2>/dev/null || packages+=(jupyter-client)
"$python" -c 'import nbconvert' 2>/dev/null || packages+=(python3-nbconvert)
if [ "${#packages[@]}" -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  # Waits for another apt on the machine rather than failing on its lock.
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq -o DPkg::Lock::Timeout=600 --no-install-recommends "${packages[@]}"
fi

# The kernel: the Microsoft.dotnet-interactive tool pinned in the manifest. Inside the repository `dotnet interactive`
# (what the kernelspec runs, in the notebook's folder) resolves to it without a global install.
dotnet tool restore
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Registered in a Jupyter path of this run's own, not the user's ~/.local/share/jupyter.
mkdir -p "$work/jupyter/kernels"
dotnet interactive jupyter install --path "$work/jupyter/kernels" >/dev/null
kernelspec="$work/jupyter/kernels/.net-csharp/kernel.json"
# The kernel's HTTP listener (its --http-port-range) binds every interface unless told --http-local-only; `jupyter install`
# has no such option, so the flag is added to the kernelspec it wrote: the listener stays on 127.0.0.1.
"$python" - "$kernelspec" <<'EOF'
import json, sys
path = sys.argv[1]
spec = json.load(open(path))
argv = spec["argv"]
if "--http-local-only" not in argv:
    argv.insert(argv.index("{connection_file}") + 1, "--http-local-only")
json.dump(spec, open(path, "w"), indent=2)
EOF
export JUPYTER_PATH="$work/jupyter"

# What the setup cells load: lib/PReluKit.Notebooks/bin/notebooks/, refreshed by every build of the project.
dotnet build lib/PReluKit.Notebooks -v q -nologo

status=0
# Every notebook, or those named on the command line.
[ "$#" -gt 0 ] || set -- notebooks/*.ipynb
for notebook in "$@"; do
  name="$(basename "$notebook")"
  begun=$SECONDS
  # --allow-errors: the executed notebook is written even when a cell fails, so the check below can name every failing
  # cell; the kernel's own failures (it died, a cell ran past the timeout) fail nbconvert itself.
  # PRELUKIT_RESULTS: the notebooks' finished runs go to this run's temp folder, so every notebook trains anew and nothing
  # goes to results/ in the clone (by default they keep them there and reuse them).
  if ! PRELUKIT_PROFILE=quick PRELUKIT_RESULTS="$work/runs" "$python" -m nbconvert --to notebook --execute --allow-errors \
      --ExecutePreprocessor.kernel_name=.net-csharp --ExecutePreprocessor.timeout=900 \
      --output-dir "$work/executed" "$notebook" >"$work/nbconvert.log" 2>&1; then
    echo "$notebook: nbconvert failed:" >&2
    tail -n 20 "$work/nbconvert.log" >&2
    status=1
    continue
  fi
  if ! "$python" - "$notebook" "$work/executed/$name" <<'EOF'
import json, sys
source, executed = sys.argv[1], sys.argv[2]
errors = 0
for index, cell in enumerate(json.load(open(executed))["cells"], start=1):
    for output in cell.get("outputs", []):
        if output.get("output_type") == "error":
            errors += 1
            message = (output.get("evalue") or output.get("ename") or "").strip().splitlines()
            print(f"{source}: cell {index}: error: {message[0] if message else '(no message)'}", file=sys.stderr)
sys.exit(1 if errors else 0)
EOF
  then
    status=1
    continue
  fi
  echo "$notebook: executed through Jupyter (.net-csharp kernel), no error output, $((SECONDS - begun)) s"
done
echo "Jupyter notebooks step: $((SECONDS - started)) s"
exit "$status"
