#!/usr/bin/env bash
# uapi's speed goals, measured on the system's UAPI tree in one run: uapi cold (an
# empty cache) and warm (the cache that run filled), its peak RSS, and the
# check-uapi pipeline (gcc -g per header, then abidw; abidiff for the diff rows) on
# the same headers and targets, with the ratio pipeline / uapi.
set -euo pipefail
uapi=$(realpath "${1:-.build/release/uapi}")
dirs=(/usr/include/linux /usr/include/rdma /usr/include/misc /usr/include/asm-generic)
count=$(find "${dirs[@]}" -name '*.h' | wc -l)
cores=$(nproc)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# measure CMD...: sets T (wall seconds) and M (peak RSS, MiB); a failing command still counts.
measure() {
  /usr/bin/time -q -f '%e %M' -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || true
  read -r T M < <(tail -1 "$work/time")
  M=$((M / 1024))
}
ratio() { printf '%.1f' "$(echo "scale=3; $1 / $2" | bc)"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

# The check-uapi pipeline for one target over header names (relative to /usr/include),
# on parallel jobs: each header compiled alone with debug info, then abidw, into abi-NAME/.
declare -A compilers=([x86_64]="gcc" [i386]="gcc -m32 -isystem /usr/include/x86_64-linux-gnu" [aarch64]="aarch64-linux-gnu-gcc")
cat > "$work/abi-one.sh" <<'EOF'
#!/usr/bin/env bash
out="$1"; shift; cc="$1"; shift
for h in "$@"; do
  o="$out/$(echo "$h" | tr / _).o"
  printf '#include <%s>\n' "$h" | $cc -g -fno-eliminate-unused-debug-types -x c -c - -o "$o" 2>/dev/null &&
    abidw --no-corpus-path "$o" > "${o%.o}.xml" 2>/dev/null || true
done
EOF
chmod +x "$work/abi-one.sh"
pipeline() { # name target jobs headers...; sets P (seconds)
  local name=$1 target=$2 jobs=$3 start; shift 3
  rm -rf "$work/abi-$name"; mkdir -p "$work/abi-$name"
  start=$(date +%s.%N)
  printf '%s\n' "$@" | xargs -P "$jobs" -n 16 "$work/abi-one.sh" "$work/abi-$name" "${compilers[$target]}"
  P=$(echo "$(date +%s.%N) - $start" | bc)
}
abidiffs() { # name jobs: every header's ABI against itself, as check-uapi diffs header by header; sets P
  local start=$(date +%s.%N)
  find "$work/abi-$1" -name '*.xml' | xargs -P "$2" -I{} sh -c 'abidiff {} {} >/dev/null 2>&1 || true'
  P=$(echo "$(date +%s.%N) - $start" | bc)
}
seconds() { printf '%.2f' "$1"; }
names=($(find "${dirs[@]}" -name '*.h' | sed 's|^/usr/include/||' | sort))
linux=($(ls /usr/include/linux/*.h | sed 's|^/usr/include/||'))
have_abidw=$(command -v abidw >/dev/null && echo yes || echo no)
[ "$have_abidw" = yes ] || echo "abidw not installed (make bench-deps): the pipeline columns are left empty"

echo "uapi bench: $cores cores, load $(load) at the start; $count headers under ${dirs[*]}"
echo "cold: an empty cache; warm: the cache the cold run filled. x: the pipeline's time / uapi's."
printf '%-52s %-10s %8s %8s %7s %9s %7s %7s\n' row goal cold warm "RSS" pipeline "x cold" "x warm"
unit() { [ "$1" = - ] && echo - || echo "$1$2"; }
row() { # label goal cold warm rss pipeline ("-" where there is none)
  local xc="-" xw="-"
  if [ "$6" != - ]; then
    [ "$3" != - ] && xc=$(ratio "$6" "$3")x
    [ "$4" != - ] && xw=$(ratio "$6" "$4")x
  fi
  printf '%-52s %-10s %8s %8s %7s %9s %7s %7s\n' "$1" "$2" "$(unit "$3" s)" "$(unit "$4" s)" "$(unit "$5" M)" "$(unit "$6" s)" "$xc" "$xw"
}

# The whole tree: own items (--only-listed), then all items, for one and three targets.
for spec in "own x86_64 1.5" "own x86_64,i386,aarch64 4" "all x86_64,i386,aarch64 6" "all x86_64 -"; do
  set -- $spec
  mode=$1 targets=$2 goal=$3
  flags=(--keep-going --recursive --target "$targets"); [ "$mode" = own ] && flags+=(--only-listed)
  rm -rf "$work/cache"
  measure "$uapi" snapshot --no-config --cache "$work/cache" "${flags[@]}" "${dirs[@]}" -o "$work/$mode-$targets.json"
  cold=$T rss=$M
  measure "$uapi" snapshot --no-config --cache "$work/cache" "${flags[@]}" "${dirs[@]}" -o "$work/$mode-$targets.json"
  warm=$T
  piped=-
  if [ "$have_abidw" = yes ] && [ "$mode" = own ]; then
    total=0
    for target in ${targets//,/ }; do pipeline "tree-$target" "$target" "$cores" "${names[@]}"; total=$(echo "$total + $P" | bc); done
    piped=$(seconds "$total")
  fi
  [ "$goal" = - ] && goal="" || goal="<= ${goal}s"
  row "tree, $mode items, $targets" "$goal" "$cold" "$warm" "$rss" "$piped"
done

# linux/*.h on one core, as check-uapi runs.
rm -rf "$work/cache"
measure "$uapi" snapshot --no-config --cache "$work/cache" --keep-going --jobs 1 "${linux[@]/#//usr/include/}" -o "$work/linux.json"
cold=$T rss=$M
measure "$uapi" snapshot --no-config --cache "$work/cache" --keep-going --jobs 1 "${linux[@]/#//usr/include/}" -o "$work/linux.json"
warm=$T piped=-
if [ "$have_abidw" = yes ]; then
  pipeline linux x86_64 1 "${linux[@]}"; piped=$(seconds "$P")
fi
row "linux/*.h (${#linux[@]} headers), x86_64, 1 core" ">=10x/100x" "$cold" "$warm" "$rss" "$piped"

# Diffs of two tree snapshots (own items against all items: the same headers, so mostly
# equal, plus the included headers' items), JSON reading included.
for targets in x86_64 x86_64,i386,aarch64; do
  old="$work/own-$targets.json" new="$work/all-$targets.json"
  [ -f "$old" ] || "$uapi" snapshot --no-config --cache "$work/cache" --keep-going --recursive --only-listed --target "$targets" "${dirs[@]}" -o "$old" 2>/dev/null || true
  measure "$uapi" diff --no-config --format json -o "$work/diff.json" "$old" "$new"
  took=$T rss=$M piped=-
  if [ "$have_abidw" = yes ]; then
    total=0
    for target in ${targets//,/ }; do abidiffs "tree-$target" "$cores"; total=$(echo "$total + $P" | bc); done
    piped=$(seconds "$total")
  fi
  goal="<= 0.3s"; [ "$targets" = x86_64 ] || goal="<= 1s"
  row "diff, tree snapshots $(du -h "$old" | cut -f1)+$(du -h "$new" | cut -f1), ${targets//,/+}" "$goal" "$took" "-" "$rss" "$piped"
done

# One header changed in a copy of the tree: the warm cache re-parses it and its includers.
mkdir -p "$work/tree"
cp -r "${dirs[@]}" "$work/tree/"
tree=("${dirs[@]/#\/usr\/include/$work/tree}")
rm -rf "$work/cache"
"$uapi" snapshot --no-config --cache "$work/cache" --keep-going --recursive --only-listed -I "$work/tree" "${tree[@]}" -o "$work/tree.json" 2>/dev/null || true
echo '#define UAPI_BENCH_CHANGED 1' >> "$work/tree/linux/vfio.h"
measure "$uapi" snapshot --no-config --cache "$work/cache" --stats --keep-going --recursive --only-listed -I "$work/tree" "${tree[@]}" -o "$work/tree.json"
parsed=$(grep -o '[0-9]* parsed' "$work/stderr" || echo "? parsed")
took=$T rss=$M piped=-
if [ "$have_abidw" = yes ]; then
  pipeline one x86_64 1 linux/vfio.h; piped=$(seconds "$P")
fi
row "tree, one header changed ($parsed), x86_64" "<= 0.3s" "-" "$took" "$rss" "$piped"

# Generated headers of 10 and 50 MB: time and memory should grow linearly.
python3 - "$work" <<'EOF'
import sys
for megabytes in (10, 50):
    with open(f"{sys.argv[1]}/gen{megabytes}.h", "w") as out:
        out.write("#include <linux/types.h>\n#include <linux/ioctl.h>\n")
        size, i = 0, 0
        while size < megabytes << 20:
            text = (f"#define GEN_{i}_VALUE ({i} * 4 + 1)\n#define GEN_{i}_IOCTL _IOWR('G', {i % 256}, struct gen_{i})\n"
                    f"struct gen_{i} {{\n\t__u32 a;\n\t__u64 b;\n\tchar name[16];\n\tunion {{\n\t\t__u32 x;\n\t\t__u16 y[2];\n\t}} u;\n}};\n"
                    f"enum gen_e_{i} {{ GEN_E_{i}_A = {i}, GEN_E_{i}_B }};\ntypedef struct gen_{i} gen_{i}_t;\n")
            out.write(text)
            size += len(text)
            i += 1
EOF
for megabytes in 10 50; do
  measure "$uapi" snapshot --no-config --no-cache --only-listed "$work/gen$megabytes.h" -o "$work/gen.json"
  goal="linear"; [ "$megabytes" = 50 ] && goal="<= 1 GiB"
  row "generated header, $megabytes MB ($(printf '%.2f' "$(echo "scale=3; $T / $megabytes" | bc)") s/MB, $((M / megabytes)) MB RSS/MB)" "$goal" "$T" "-" "$M" "-"
done

measure "$uapi" snapshot --no-cache --config headers/uapi.yaml -o "$work/default.json"
row "headers/uapi.yaml (3 headers, 3 targets)" "" "$T" "-" "$M" "-"
echo "load at the end: $(load)"
