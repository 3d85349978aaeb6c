#!/usr/bin/env bash
# Queues the shards as a job array and the merge after all of them succeed. Run from the repository root:
#     dotnet publish lib/PReluKit.Cli -c Release -o build/prelu && deploy/slurm/submit.sh
set -euo pipefail
array=$(sbatch --parsable deploy/slurm/compare-shards.sbatch)
sbatch --dependency="afterok:${array%%;*}" deploy/slurm/merge.sbatch
echo "shards: job ${array%%;*}; results in ${RESULTS:-results/sweep}/merged when the merge job ends"
