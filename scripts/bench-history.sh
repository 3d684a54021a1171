#!/usr/bin/env bash
# Speed of `uapi history` on the vfio.h corpus: a repository with FILLER commits that
# touch only another header before each real version (as in a real tree, most commits
# leave the followed header alone), three targets.
# Prints revisions per second for a cold run, the parses blob reuse saved, the time of
# a query answered from the database, and the database size.
# Usage: scripts/bench-history.sh [UAPI_BINARY]   (FILLER=N, default 20)
set -euo pipefail
uapi=$(realpath "${1:-.build/release/uapi}")
[ -x "$uapi" ] || { echo "no uapi binary at $uapi; run 'swift build -c release' first" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
FILLER=${FILLER:-20} "$(dirname "$0")/make-history-corpus.sh" "$work/repo" >/dev/null
args=(history --repo "$work/repo" --db "$work/history.sqlite" v5.2-rc1..v6.8 linux/vfio.h --target x86_64,i386,aarch64)

now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

start=$(now)
"$uapi" "${args[@]}" >/dev/null 2>"$work/cold.err"
cold=$(seconds "$start" "$(now)")
summary=$(grep '^history: ' "$work/cold.err" | tail -1)
revisions=$(sed -E 's/^history: ([0-9]+) revisions.*/\1/' <<<"$summary")
parsed=$(sed -E 's/.*, ([0-9]+) header parses.*/\1/' <<<"$summary")
saved=$(sed -E 's/.*, ([0-9]+) saved by blob reuse.*/\1/' <<<"$summary")

start=$(now)
"$uapi" "${args[@]}" --since-sync v6.1 --rc-churn --matrix v5.2-rc1,v5.10-rc1,v6.1,v6.8 >/dev/null 2>"$work/warm.err"
warm=$(seconds "$start" "$(now)")
grep -q ' 0 header parses' "$work/warm.err" || { echo "the query run parsed headers:" >&2; cat "$work/warm.err" >&2; exit 1; }

bytes=$(stat -c %s "$work/history.sqlite")
echo "uapi history benchmark: vfio.h corpus, $revisions revisions (${FILLER:-20} filler commits per version), 3 targets, $(nproc) cores"
echo "  cold run:           ${cold} s, $(awk -v r="$revisions" -v s="$cold" 'BEGIN { printf "%.1f", r / s }') revisions/s"
echo "  header parses:      $parsed done, $saved saved by blob reuse"
echo "  query from the db:  ${warm} s (since-sync, rc-churn, 4x4 matrix; no parse)"
echo "  database:           $bytes bytes ($(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }') MiB)"
