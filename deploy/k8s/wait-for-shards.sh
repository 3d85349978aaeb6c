#!/usr/bin/env bash
# Waits for the Job named $1 to finish: exit 0 once it is Complete, 1 as soon as it is Failed (naming its failed indexes),
# 1 if it cannot be read. The merge Job's first container (deploy/k8s/merge.yaml); needs get on Jobs (merge-rbac.yaml).
set -euo pipefail
[[ $# -eq 1 ]] || { echo "usage: $0 JOB" >&2; exit 2; }
: "${POLL_SECONDS:=10}"
while true; do
  conditions=$(kubectl get "job/$1" -o jsonpath='{range .status.conditions[?(@.status=="True")]}{.type}{" "}{end}') ||
    { echo "wait-for-shards: cannot read job/$1" >&2; exit 1; }
  case " $conditions " in
    *" Complete "*) echo "job/$1 is complete: every shard succeeded"; exit 0 ;;
    *" Failed "*)
      echo "job/$1 failed (failed indexes: $(kubectl get "job/$1" -o jsonpath='{.status.failedIndexes}')); not merging" >&2
      exit 1 ;;
  esac
  sleep "$POLL_SECONDS"
done
