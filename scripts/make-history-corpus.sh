#!/usr/bin/env bash
# Builds a git repository from the real vfio.h versions in Tests/Fixtures/corpus/vfio:
# one commit per version as include/uapi/linux/vfio.h, tags v5.2-rc1, v5.10-rc1, v6.1,
# v6.8-rc6, a commit that does not touch include/uapi, and a synthetic commit tagged
# v6.8. Dates and authors are fixed, so commit ids are the same on every machine.
# FILLER=N adds N commits before each version that touch only include/uapi/linux/filler.h,
# as most commits of a real tree leave the followed header alone (the benchmark uses it).
# Usage: [FILLER=N] scripts/make-history-corpus.sh DIR
set -euo pipefail
filler=${FILLER:-0}
target=${1:?usage: $0 DIR}
fixtures="$(cd "$(dirname "$0")/.." && pwd)/Tests/Fixtures/corpus/vfio"
[ ! -e "$target" ] || { echo "$target exists; give a new directory" >&2; exit 2; }
mkdir -p "$target/include/uapi/linux"
cd "$target"
export GIT_AUTHOR_NAME=corpus GIT_AUTHOR_EMAIL=corpus@example.invalid
export GIT_COMMITTER_NAME=corpus GIT_COMMITTER_EMAIL=corpus@example.invalid
git init -q -b main .
git config core.abbrev 7

commit() { # date message
  export GIT_AUTHOR_DATE="$1T12:00:00Z" GIT_COMMITTER_DATE="$1T12:00:00Z"
  git add -A && git commit -q -m "$2"
}
version() { # file tag
  local file=$1 tag=$2 n
  for ((n = 1; n <= filler; n++)); do
    echo "#define FILLER_${tag//[.-]/_}_$n $n" >> include/uapi/linux/filler.h
    commit "${file%%_*}" "filler: $tag $n"
  done
  cp "$fixtures/$file" include/uapi/linux/vfio.h
  commit "${file%%_*}" "linux-headers: update to ${tag#v}"
  git tag "$tag"
}

version 2019-05-16_d9cb433615.h v5.2-rc1
version 2020-10-26_53ba2eee52.h v5.10-rc1
version 2023-02-07_93e0932b7b.h v6.1
echo "Headers copied from Linux; see include/uapi." > README
commit 2023-06-01 "README: say where the headers come from"
version 2024-03-04_6a02465f91.h v6.8-rc6

# Synthetic: a release that differs from its last release candidate.
sed -i -e 's/^#define VFIO_DEVICE_FEATURE_BUS_MASTER 10$/#define VFIO_DEVICE_FEATURE_BUS_MASTER 11/' \
       -e '/^struct vfio_region_info_cap_sparse_mmap {$/,/^};$/s/^\t__u32\treserved;$/\t__u32\tarea_flags;/' \
       include/uapi/linux/vfio.h
[ "$(git diff --numstat | cut -f1)" = 2 ] || { echo "the synthetic v6.8 edit did not apply" >&2; exit 1; }
commit 2024-03-10 "linux-headers: synthetic v6.8 (BUS_MASTER 11, sparse mmap area_flags)"
git tag v6.8
