# What a site adapts to run a sweep on its Slurm cluster, in one place. deploy/slurm/submit.sh reads this file; a value
# set in the environment wins (deploy/slurm/try-local.sh sets them for its one-node cluster). The sweep itself (model,
# data, seeds, epochs) is in deploy/run-shard.sh; the paths below must mean the same on every node.
# shellcheck shell=bash disable=SC2034 # submit.sh uses what this file sets

# The scheduler
: "${PARTITION:=}"          # sbatch --partition; empty: the cluster's default partition
: "${ACCOUNT:=}"            # sbatch --account; empty: your default account
: "${SHARDS:=8}"            # array tasks; every run of the sweep lands in exactly one of them
: "${CPUS_PER_SHARD:=4}"    # also each shard's --threads: every shard must compute alike, so keep it the same for all
: "${MEM_PER_SHARD:=8G}"
: "${SHARD_TIME:=08:00:00}" # per shard; a shard that is preempted or requeued resumes where it stopped (--resume)
: "${MERGE_TIME:=00:30:00}"

# Where things are on the nodes (a filesystem every node mounts)
: "${PRELU:=$PWD/build/prelu/prelu.dll}"        # how a node runs prelu: the published dll, or a command line such as
                                                # "prelu" (an installed tool); see deploy/prelu-command.sh
: "${RESULTS:=$PWD/results/sweep}"              # the shards' folders, the merged comparison and the jobs' logs
: "${PRELUKIT_FASHION_MNIST:=}"                 # a folder holding the full Fashion-MNIST; empty: where prelu looks by
                                                # default (Debian's dataset-fashion-mnist, else a download per node)
export PRELU RESULTS
if [[ -n $PRELUKIT_FASHION_MNIST ]]; then export PRELUKIT_FASHION_MNIST; else unset PRELUKIT_FASHION_MNIST; fi
