"""Kernel header trees, the version pairs to compare, and the uapi runs on them."""
import collections
import json
import os
import re
import subprocess
import sys

TARGETS = {
    # name: (compiler command, Debian multiarch names whose asm/ serves it)
    "x86_64": (["gcc"], ["x86_64-linux-gnu"]),
    "i386": (["gcc", "-m32"], ["i386-linux-gnu", "x86_64-linux-gnu"]),
    "aarch64": (["aarch64-linux-gnu-gcc"], ["aarch64-linux-gnu"]),
}
GENERIC_DIRECTORIES = ["linux", "rdma", "misc", "asm-generic"]


class Tree:
    """One version of the headers: where `uapi --sysroot` and gcc find them."""

    def __init__(self, label, sysroot, generic, asm_parents):
        self.label = label
        self.sysroot = sysroot
        self.generic = generic            # include root of linux/, rdma/, ...
        self.asm_parents = asm_parents    # target -> directory holding asm/

    def has(self, target):
        return target in self.asm_parents

    @staticmethod
    def installed(root, label):
        generic = os.path.join(root, "usr/include")
        parents = {}
        for target, (_, names) in TARGETS.items():
            for name in names:
                if os.path.isfile(os.path.join(generic, name, "asm/types.h")):
                    parents[target] = os.path.join(generic, name)
                    break
        return Tree(label, root, generic, parents)


def version_key(version):
    return [int(part) if part.isdigit() else part for part in re.split(r"[.~+-]", version)]


def discover_pairs(trees_root):
    """6.1 -> newest 6.12 -> newest; aarch64's 6.1 side is Debian 12's cross package
    (the 6.1 linux-libc-dev ships x86 asm headers only)."""
    versions = sorted((v for v in os.listdir(trees_root) if os.path.isdir(os.path.join(trees_root, v, "usr/include/linux"))),
                      key=version_key)
    if len(versions) < 2:
        sys.exit(f"accuracy: need at least two kernel trees under {trees_root} (run make accuracy)")
    trees = {v: Tree.installed(os.path.join(trees_root, v), v) for v in versions}
    by_series = collections.defaultdict(list)
    for version in versions:
        by_series[".".join(version.split(".")[:2])].append(version)
    chain = [by_series[s][-1] for s in sorted(by_series, key=version_key)]
    chain = [chain[0], *[v for v in chain[1:-1] if v.startswith("6.12")], chain[-1]] if len(chain) > 2 else chain
    pairs = []
    for old, new in zip(chain, chain[1:]):
        targets = [t for t in TARGETS if trees[old].has(t) and trees[new].has(t)]
        pairs.append((trees[old], trees[new], targets))
        cross = "/usr/aarch64-linux-gnu"
        if "aarch64" not in targets and trees[new].has("aarch64") and os.path.isdir(f"{cross}/include/asm"):
            package = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "linux-libc-dev-arm64-cross"],
                                     capture_output=True, text=True).stdout or "cross"
            tree = Tree(f"{package} (arm64 cross)", cross, f"{cross}/include", {"aarch64": f"{cross}/include"})
            pairs.append((tree, trees[new], ["aarch64"]))
    return pairs



def snapshot(uapi, tree, target, path):
    """Snapshots the whole tree for one target; returns {header: reason} of the skipped ones."""
    asm = os.path.join(tree.asm_parents[target], "asm")
    dirs = [os.path.join(tree.generic, d) for d in GENERIC_DIRECTORIES if os.path.isdir(os.path.join(tree.generic, d))]
    command = [uapi, "snapshot", "--no-config", "--sysroot", tree.sysroot, "-I", tree.asm_parents[target], "--target", target,
               "--keep-going", "--only-listed", "--recursive", "-o", path, *dirs, asm]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"accuracy: {' '.join(command)} failed:\n{result.stderr[-3000:]}")
    skipped = {}
    for line in result.stderr.splitlines():
        match = re.match(rf"skipped (\S+) for {target}: (.*)", line)
        if match:
            skipped[match.group(1)] = match.group(2)
    return skipped


def diff(uapi, old, new):
    result = subprocess.run([uapi, "diff", "--no-config", "--format", "json", old, new], capture_output=True, text=True)
    if result.returncode in (1, 2):
        sys.exit(f"accuracy: uapi diff {old} {new} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout)


