#!/usr/bin/env bash
# Runs inside a stand-in for the dev container's image (.ci/container.sh starts it), in a copy of the working tree: the
# dev container's post-create steps, then notebook 01 executed through Jupyter with the kernel they registered, under the
# quick profile. nbconvert fails on a cell's error; the check after it also refuses an error output it saved, or none.
set -euo pipefail
cd "$(dirname "$0")/.."
.devcontainer/post-create.sh
executed="$(mktemp -d)"
notebook=01-what-is-prelu.ipynb
(cd notebooks && PRELUKIT_PROFILE=quick /usr/bin/python3 -m nbconvert --to notebook --execute \
  --ExecutePreprocessor.kernel_name=.net-csharp --ExecutePreprocessor.timeout=900 --output-dir "$executed" "$notebook")
/usr/bin/python3 - "$executed/$notebook" <<'PY'
import json, sys
cells = json.load(open(sys.argv[1]))["cells"]
outputs = [o for c in cells for o in c.get("outputs", [])]
errors = [o for o in outputs if o["output_type"] == "error"]
if errors or not outputs:
    sys.exit(f"{sys.argv[1]}: {len(outputs)} outputs, {len(errors)} of them errors")
print(f"notebook 01: {len(outputs)} outputs, no error")
PY
