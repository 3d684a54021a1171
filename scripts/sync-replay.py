#!/usr/bin/env python3
"""Replays a project's real kernel-header syncs through uapi's gate (`make accuracy`).

For each sync commit of the project's history (QEMU: `linux-headers: Update to ...`; rdma-core:
`Update kernel headers`), the headers before the commit and after it are snapshotted whole for
each target, diffed with the project's policy, and every breaking finding is checked with gcc
on both sides, as scripts/accuracy.py does for installed trees. A sync passes when nothing is
breaking; a breaking finding must be confirmed by gcc, else it is a false alarm.

Prints one line per (sync, target) and a table; exits 1 while any false alarm remains.

Usage: scripts/sync-replay.py --project qemu|rdma-core --repo DIR [--syncs N] [--uapi BIN]
"""
import argparse
import collections
import concurrent.futures
import json
import os
import re
import subprocess
import sys
import tempfile

from accuracylib.checks import Checker, classify
from accuracylib.trees import Tree

# Per project: the folders that hold the copy, how to find its sync commits, the policy,
# and per target the copy's asm folder.
PROJECTS = {
    "qemu": {
        "paths": ["linux-headers", "include/standard-headers"],
        "root": "linux-headers",
        "generic": ["linux", "asm-generic"],
        "asm": {"x86_64": "asm-x86", "i386": "asm-x86", "aarch64": "asm-arm64"},
        "subject": r"(linux-headers|linux headers).*(update|to)|update.*linux.headers",
        "policy": "examples/qemu/policy.yaml",
        "extra": ["--prelude", "stdint"],
        "sysroot": True,
    },
    "rdma-core": {
        "paths": ["kernel-headers"],
        "root": "kernel-headers",
        "generic": ["rdma", "linux"],
        "asm": {"x86_64": None, "i386": None, "aarch64": None},
        "subject": r"update kernel headers",
        "policy": "examples/rdma-core/policy.yaml",
        "extra": [],
        "sysroot": False,   # a vendored copy: uapi finds it from the listed folders
    },
}
TARGETS = ["x86_64", "i386", "aarch64"]
# Where each target's asm/ is on a Debian build machine with the cross packages.
HOST_ASM = {"x86_64": "/usr/include/x86_64-linux-gnu", "i386": "/usr/include/x86_64-linux-gnu",
            "aarch64": "/usr/aarch64-linux-gnu/include"}


def git(repo, *args):
    return subprocess.run(["git", "-C", repo, *args], capture_output=True, text=True, check=True).stdout


def sync_commits(repo, project, count):
    """The newest `count` non-merge commits that touch the copy and say they update it."""
    log = git(repo, "log", "--no-merges", "--format=%H %s", "--", project["root"])
    commits = []
    for line in log.splitlines():
        sha, subject = line.split(" ", 1)
        if re.search(project["subject"], subject, re.IGNORECASE):
            commits.append((sha, subject))
        if len(commits) == count:
            break
    return commits


def extract(repo, revision, paths, into):
    os.makedirs(into)
    present = [p for p in paths if git(repo, "ls-tree", "--name-only", revision, p).strip()]
    archive = subprocess.run(["git", "-C", repo, "archive", revision, *present], capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", into], input=archive, check=True)


def side_tree(label, root, project, target):
    """The copy as gcc sees it: its root first, then a folder whose asm/ is the copy's arch folder."""
    generic = os.path.join(root, project["root"])
    parent = os.path.join(root, f".asm-{target}")
    os.makedirs(parent, exist_ok=True)
    arch = project["asm"][target]
    host_asm = os.path.join(HOST_ASM[target], "asm")
    if arch and os.path.isdir(os.path.join(generic, arch)) and not os.path.lexists(os.path.join(parent, "asm")):
        # The copy's own asm files, then the build machine's for what the copy leaves out (asm/types.h),
        # as uapi reads a QEMU tree.
        os.makedirs(os.path.join(parent, "asm"))
        for folder in (os.path.join(generic, arch), host_asm):
            for name in os.listdir(folder) if os.path.isdir(folder) else []:
                link = os.path.join(parent, "asm", name)
                if not os.path.lexists(link):
                    os.symlink(os.path.join(folder, name), link)
    # QEMU's linux-headers include "standard-headers/...".
    standard = os.path.join(root, "include", "standard-headers")
    if os.path.isdir(standard) and not os.path.lexists(os.path.join(parent, "standard-headers")):
        os.symlink(standard, os.path.join(parent, "standard-headers"))
    if not arch:
        # No asm/ of its own: the build machine's (or the cross toolchain's) serves.
        parent = HOST_ASM[target]
    return Tree(label, root, generic, {target: parent})


def snapshot(options, project, root, target, path):
    generic = os.path.join(root, project["root"])
    dirs = [os.path.join(generic, d) for d in project["generic"] if os.path.isdir(os.path.join(generic, d))]
    arch = project["asm"][target]
    if arch and os.path.isdir(os.path.join(generic, arch)):
        dirs.append(os.path.join(generic, arch))
    sysroot = ["--sysroot", root] if project["sysroot"] else []
    command = [options.uapi, "snapshot", "--no-config", *sysroot, "--target", target, "--recursive", "--keep-going",
               "--only-listed", *project["extra"], "-o", path, *dirs]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"sync-replay: {' '.join(command)} failed:\n{result.stderr[-3000:]}")
    return {m.group(1): m.group(2) for m in (re.match(rf"skipped (\S+) for {target}: (.*)", l) for l in result.stderr.splitlines()) if m}


def replay(options, project, pool, workdir, sha, subject):
    base = os.path.join(workdir, sha[:12])
    old_root, new_root = base + "/old", base + "/new"
    extract(options.repo, sha + "^", project["paths"], old_root)
    extract(options.repo, sha, project["paths"], new_root)
    entries = []
    for target in TARGETS:
        paths = [f"{base}/{target}.old.json", f"{base}/{target}.new.json"]
        skipped = (snapshot(options, project, old_root, target, paths[0]), snapshot(options, project, new_root, target, paths[1]))
        result = subprocess.run([options.uapi, "diff", "--no-config", "--format", "json", "--policy", options.policy, *paths],
                                capture_output=True, text=True)
        if result.returncode not in (0, 4, 8, 12):
            sys.exit(f"sync-replay: uapi diff failed for {sha[:12]} {target}:\n{result.stderr[-3000:]}")
        report = json.loads(result.stdout)
        snapshots = [json.load(open(p))["targets"][0] for p in paths]
        breaking = [c for c in report["changes"] if c["severity"] == "breaking"]
        checker = Checker(side_tree("old", old_root, project, target), side_tree("new", new_root, project, target), target,
                          *snapshots, skipped, workdir)
        plans = [(change, checker.plan(change)) for change in breaking]
        checker.run(pool)
        outcomes = collections.Counter()
        for change, decide in plans:
            outcome, detail = decide()
            outcomes[outcome] += 1
            entries.append({"sync": f"{sha[:12]} {subject}", "target": target, "class": classify(change), "outcome": outcome,
                            "detail": detail, "message": change["message"], "header": change["header"]})
        verdict = "passes" if not breaking else "refused"
        print(f"{sha[:12]} {target:8} {verdict:8} {len(breaking):4} breaking: {outcomes['confirmed']} confirmed, "
              f"{outcomes['false']} false alarms, {outcomes['unchecked']} unchecked  ({subject[:60]})", flush=True)
    return entries


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--project", choices=sorted(PROJECTS), required=True)
    parser.add_argument("--repo", required=True, help="a clone of the project's history (bare is fine)")
    parser.add_argument("--syncs", type=int, default=8, help="how many of the newest syncs to replay")
    parser.add_argument("--commits", nargs="*", default=[], help="replay these sync commits instead")
    parser.add_argument("--uapi", default=".build/release/uapi")
    parser.add_argument("--policy", help="the project's policy (default: the one under examples/)")
    parser.add_argument("--out", default=".accuracy/report")
    options = parser.parse_args()
    project = PROJECTS[options.project]
    options.uapi = os.path.abspath(options.uapi)
    options.policy = os.path.abspath(options.policy or project["policy"])
    if not os.path.isdir(options.repo):
        print(f"sync-replay: no clone of {options.project} at {options.repo}; skipped", file=sys.stderr)
        return 0
    entries = []
    with tempfile.TemporaryDirectory() as workdir, concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as pool:
        chosen = [tuple(git(options.repo, "log", "-1", "--format=%H %s", c).strip().split(" ", 1)) for c in options.commits]
        for sha, subject in chosen or sync_commits(options.repo, project, options.syncs):
            entries += replay(options, project, pool, workdir, sha, subject)
    counts = collections.Counter(e["outcome"] for e in entries)
    print(f"\n{options.project}: {len(entries)} breaking findings: {counts['confirmed']} confirmed, {counts['false']} false alarms, "
          f"{counts['unchecked']} unchecked")
    for entry in [e for e in entries if e["outcome"] != "confirmed"][:20]:
        print(f"  {entry['outcome']:9} {entry['sync'][:12]} {entry['target']}: {entry['message'][:110]}  [{entry['detail'][:60]}]")
    os.makedirs(options.out, exist_ok=True)
    with open(os.path.join(options.out, f"sync-replay-{options.project}.json"), "w") as file:
        json.dump(entries, file, indent=1, sort_keys=True)
    return 1 if counts["false"] else 0


if __name__ == "__main__":
    sys.exit(main())
