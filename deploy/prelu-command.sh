# How the deploy scripts run prelu, in one place; sourced by deploy/run-shard.sh, deploy/merge.sh and deploy/slurm/*.sh.
# PRELU is either the path of prelu.dll (run with dotnet) or of a prelu executable, spaces and all, or a command line that
# is split at spaces, e.g. "dotnet /shared/prelu/prelu.dll" or "prelu" (the installed tool). A path with spaces works
# only in the first form, as the whole of PRELU.
# shellcheck shell=bash

# Sets the array prelu to the command PRELU names.
prelu_command() {
  if [[ -f $PRELU && $PRELU == *.dll ]]; then
    prelu=(dotnet "$PRELU")
  elif [[ -f $PRELU ]]; then
    prelu=("$PRELU")
  else
    read -r -a prelu <<<"$PRELU"
  fi
}

# Prints why PRELU cannot run prelu on this machine, in one line naming it; prints nothing when it can.
prelu_problem() {
  local expected="expected the path of prelu.dll or of prelu, or a command line such as 'dotnet /shared/prelu/prelu.dll'"
  local word
  if [[ -z ${PRELU:-} ]]; then
    echo "PRELU is not set; $expected"
  elif [[ -f $PRELU ]]; then
    [[ $PRELU == *.dll || -x $PRELU ]] || echo "PRELU='$PRELU' is a file but neither prelu.dll nor executable; $expected"
  else
    prelu_command
    if ! command -v "${prelu[0]}" >/dev/null; then
      if [[ $PRELU == *.dll ]]; then
        echo "PRELU='$PRELU': no such file (publish it: dotnet publish lib/PReluKit.Cli -c Release -o FOLDER); $expected"
      else
        echo "PRELU='$PRELU': '${prelu[0]}' is not a command here; $expected"
      fi
      return
    fi
    for word in "${prelu[@]:1}"; do
      [[ $word != *.dll || -f $word ]] || { echo "PRELU='$PRELU': $word: no such file; $expected"; return; }
    done
  fi
}
