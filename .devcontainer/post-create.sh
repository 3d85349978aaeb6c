#!/usr/bin/env bash
# The dev container's setup: devcontainer.json's postCreateCommand. .ci/container.sh runs it in a stand-in for the image
# and then executes notebook 01 there through Jupyter, so this is the path CI checks.
#  - KaTeX typesets the formulas of rendered pages offline; Jupyter's client and nbconvert run notebooks from a terminal.
#  - The build makes the DLLs the notebooks reference (C# Dev Kit builds the rest of the solution when it opens it).
#  - The .NET Interactive kernel comes from the Microsoft.dotnet-interactive tool (.config/dotnet-tools.json) and is
#    registered where Jupyter, and VS Code's Jupyter extension, look for kernels.
set -euo pipefail
cd "$(dirname "$0")/.."
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends libjs-katex jupyter-client python3-nbconvert
dotnet build lib/PReluKit.Notebooks
dotnet tool restore
mkdir -p "$HOME/.local/share/jupyter/kernels"
dotnet tool run dotnet-interactive jupyter install
