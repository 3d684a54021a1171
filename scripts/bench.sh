#!/usr/bin/env bash
# Prints snapshot speed on the system's UAPI tree, against a check-uapi style
# pipeline (gcc -g per header, then abidw) measured in the same run.
set -euo pipefail
uapi=${1:-.build/release/uapi}
dirs=(/usr/include/linux /usr/include/rdma /usr/include/misc /usr/include/asm-generic)
count=$(find "${dirs[@]}" -name '*.h' | wc -l)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

seconds() { local start=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; echo "$(date +%s.%N) - $start" | bc; }

echo "uapi bench on $(nproc) cores, $count headers under ${dirs[*]}"
# --only-listed: the tree's own items; without it, also every macro of the glibc and
# asm headers they include, which costs a second parse per header.
for mode in own all; do
  flags=(--keep-going --recursive); [ "$mode" = own ] && flags+=(--only-listed)
  t1=$(seconds "$uapi" snapshot "${flags[@]}" "${dirs[@]}" -o "$work/x86_64.json")
  printf 'tree, %-3s items, x86_64:               %6.2f s  %5.0f headers/s\n' "$mode" "$t1" "$(echo "$count / $t1" | bc -l)"
  t3=$(seconds "$uapi" snapshot "${flags[@]}" --target x86_64,i386,aarch64 "${dirs[@]}" -o "$work/three.json")
  printf 'tree, %-3s items, x86_64+i386+aarch64:  %6.2f s  %5.0f header-targets/s\n' "$mode" "$t3" "$(echo "3 * $count / $t3" | bc -l)"
done
# Diffing two full-tree snapshots (own items against all items: the same headers, so
# mostly equal, plus the included headers' items): JSON reading included.
"$uapi" snapshot --keep-going --recursive --only-listed "${dirs[@]}" -o "$work/own.json" 2>/dev/null || true
"$uapi" snapshot --keep-going --recursive "${dirs[@]}" -o "$work/all.json" 2>/dev/null || true
td=$(seconds "$uapi" diff --format json -o "$work/diff.json" "$work/own.json" "$work/all.json")
printf 'diff of two tree snapshots (%s and %s):  %6.2f s\n' "$(du -h "$work/own.json" | cut -f1)" "$(du -h "$work/all.json" | cut -f1)" "$td"
tb=$(seconds "$uapi" snapshot --config headers/uapi.yaml -o "$work/default.json")
printf 'headers/uapi.yaml (3 headers, 3 targets): %6.2f s\n' "$tb"

# The comparison pipeline on /usr/include/linux/*.h (not recursive), one core, as check-uapi does it.
linux=(/usr/include/linux/*.h)
tu=$(seconds "$uapi" snapshot --keep-going --jobs 1 "${linux[@]}" -o "$work/linux.json")
abi() {
  for h in "${linux[@]}"; do
    o="$work/abi/$(basename "$h" .h).o"
    printf '#include <%s>\n' "${h#/usr/include/}" | gcc -g -fno-eliminate-unused-debug-types -x c -c - -o "$o" 2>/dev/null &&
      abidw --no-corpus-path "$o" >/dev/null 2>&1 || true
  done
}
mkdir -p "$work/abi"
if command -v abidw >/dev/null; then
  ta=$(seconds abi)
  printf 'linux/*.h (%d headers), 1 core: uapi %.2f s, gcc -g + abidw %.2f s: uapi is %.1fx faster (and sees macros and ioctls)\n' \
    "${#linux[@]}" "$tu" "$ta" "$(echo "$ta / $tu" | bc -l)"
else
  echo "abidw not installed (apt-get install abigail-tools): comparison skipped"
fi
