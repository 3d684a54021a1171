#!/usr/bin/env python3
"""Slow checks on real trees (`make real-clients`; not part of `make test`).

Every input is read with its own header tree. On two real linux-libc-dev versions
(unpacked by scripts/fetch-linux-libc-dev.sh into .accuracy/<version>/):
  1. a vendored copy of the oldest tree's vfio.h and kvm.h diffed against the newest
     tree's, with no flags but the targets: no input error;
  2. a dry-run sync from the newest installed tree into a copy of the oldest headers;
  3. git sides: both trees committed to a scratch repository, a directory diff run twice
     with one cache: the second run parses nothing (and its speed-up is printed).
On a clone of QEMU's public history (--qemu, default .real/qemu), `uapi history`:
  4. linux/kvm.h on x86_64 across the 6.10 arch split (QEMU's "update to current kvm/next"
     sync): nothing that moved into that revision's linux-headers/asm-x86/kvm.h is removed;
  5. a 'linux/*.h' glob over the last 20 first-parent revisions that touch linux-headers/
     records every one of them.
Exits 1 when a check fails; a check whose input is missing is reported as skipped."""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time

failures = []
skipped = []


def run(args, cwd=None, check_status=None):
    started = time.monotonic()
    result = subprocess.run(args, cwd=cwd, capture_output=True, text=True)
    elapsed = time.monotonic() - started
    if check_status is not None and result.returncode not in check_status:
        raise RuntimeError(f"{' '.join(args)}: exit {result.returncode}\n{result.stderr[-2000:]}")
    return result, elapsed


def check(name, ok, detail=""):
    print(f"{'ok  ' if ok else 'FAIL'} {name}" + (f": {detail}" if detail else ""))
    if not ok:
        failures.append(name)


def trees(directory):
    found = []
    for entry in sorted(os.listdir(directory)) if os.path.isdir(directory) else []:
        if os.path.isdir(os.path.join(directory, entry, "usr/include/linux")):
            found.append(entry)

    def version(name):
        return [int(part) for part in re.findall(r"\d+", name)[:3]]
    return sorted(found, key=version)


def installed_tree_checks(uapi, accuracy):
    versions = trees(accuracy)
    if len(versions) < 2:
        skipped.append(f"installed trees: fewer than two under {accuracy} (run scripts/fetch-linux-libc-dev.sh {accuracy})")
        return
    old, new = (os.path.join(accuracy, versions[0]), os.path.join(accuracy, versions[-1]))
    print(f"trees: {versions[0]} -> {versions[-1]}")
    with tempfile.TemporaryDirectory() as scratch:
        vendor = os.path.join(scratch, "project/linux-headers/linux")
        os.makedirs(vendor)
        for header in ["vfio.h", "kvm.h"]:
            with open(os.path.join(old, "usr/include/linux", header), "rb") as source, open(os.path.join(vendor, header), "wb") as copy:
                copy.write(source.read())
            result, _ = run([uapi, "diff", "--no-cache", "--target", "x86_64,i386,aarch64", os.path.join(vendor, header),
                             os.path.join(new, "usr/include/linux", header)], cwd=scratch)
            check(f"vendored {header} against {versions[-1]}", result.returncode in (0, 4, 8, 12),
                  f"exit {result.returncode} {result.stderr.strip()[:300]}")

        result, _ = run([uapi, "sync", "--from", new, "--to", "project/linux-headers", "--target", "x86_64,i386,aarch64",
                         "linux/vfio.h", "linux/kvm.h", "--dry-run"], cwd=scratch)
        check(f"dry-run sync from the {versions[-1]} installed tree", result.returncode in (0, 4, 8),
              f"exit {result.returncode} {result.stderr.strip()[:300]}")

        repo = os.path.join(scratch, "repo")
        os.makedirs(repo)
        git = ["git", "-C", repo, "-c", "user.name=uapi", "-c", "user.email=uapi@localhost"]
        run(git + ["init", "-q"], check_status=[0])
        for version, tree in [("old", old), ("new", new)]:
            run(["rm", "-rf", os.path.join(repo, "usr")], check_status=[0])
            run(["cp", "-a", os.path.join(tree, "usr"), repo], check_status=[0])
            run(git + ["add", "-A"], check_status=[0])
            run(git + ["commit", "-qm", version], check_status=[0])
            run(git + ["tag", version], check_status=[0])
        cache = os.path.join(scratch, "cache")
        arguments = [uapi, "diff", "--cache", cache, "--stats", "--target", "x86_64", "--format", "json",
                     "git:old:usr/include/linux", "git:new:usr/include/linux"]
        first, cold = run(arguments, cwd=repo)
        second, warm = run(arguments, cwd=repo)
        check("git directory sides parse", first.returncode in (0, 4, 8, 12), f"exit {first.returncode} {first.stderr.strip()[-300:]}")
        check("the second git directory diff parses nothing", " 0 parsed" in second.stderr, second.stderr.strip()[-200:])
        check("the second git directory diff says the same", first.stdout == second.stdout)
        ratio = cold / warm if warm > 0 else float("inf")
        print(f"     git directory diff: {cold:.1f} s cold, {warm:.1f} s warm ({ratio:.1f}x; the goal is at least 5x)")


def qemu_checks(uapi, qemu):
    if not os.path.isdir(qemu):
        skipped.append(f"QEMU: no clone at {qemu} (clone QEMU's public git history there, or pass --qemu)")
        return
    git = ["git", "-C", qemu]
    # QEMU's sync of Linux 6.9 plus kvm/next, where kvm.h was split per architecture.
    split = "ab0c7fb22b"
    if run(git + ["cat-file", "-e", f"{split}^{{commit}}"])[0].returncode != 0:
        found, _ = run(git + ["log", "--format=%H", "-1", "--grep", "linux-headers: update to current kvm/next", "HEAD"])
        split = found.stdout.strip()
    with tempfile.TemporaryDirectory() as scratch:
        if split:
            parent = run(git + ["rev-parse", f"{split}^"], check_status=[0])[0].stdout.strip()
            out = os.path.join(scratch, "kvm.json")
            result, _ = run([uapi, "history", "--repo", qemu, "--db", os.path.join(scratch, "kvm.sqlite"), "--path", "linux-headers",
                             "--rev", parent, "--rev", split, "--target", "x86_64", "linux/kvm.h", "--format", "json", "-o", out])
            check("history across QEMU's 6.10 arch split", result.returncode == 0, result.stderr.strip()[-300:])
            if result.returncode == 0:
                document = json.load(open(out))
                asm = run(git + ["show", f"{split}:linux-headers/asm-x86/kvm.h"], check_status=[0])[0].stdout
                removed = [t["name"] for t in document.get("timelines", []) for e in t["events"]
                           if e["kind"] == "removed" and re.search(r"\b" + re.escape(t["name"].split(".")[0]) + r"\b", asm)]
                moved = sum(1 for t in document.get("timelines", []) for e in t["events"] if e["kind"] == "moved")
                check("nothing that moved into asm-x86/kvm.h is removed", not removed, f"{len(removed)}: {removed[:10]}")
                print(f"     {moved} definitions moved into asm/kvm.h")
        else:
            skipped.append("QEMU: the 'update to current kvm/next' sync commit is not in this clone")

        touching = run(git + ["log", "--first-parent", "--format=%H", "-21", "HEAD", "--", "linux-headers"], check_status=[0])[0].stdout.split()
        if len(touching) < 21:
            skipped.append("QEMU: fewer than 21 first-parent revisions touch linux-headers/")
            return
        out = os.path.join(scratch, "glob.json")
        result, elapsed = run([uapi, "history", "--repo", qemu, "--db", os.path.join(scratch, "glob.sqlite"), "--path", "linux-headers",
                               "-I", "include", "--prelude", "stdint", f"{touching[-1]}..{touching[0]}", "linux/*.h",
                               "--target", "x86_64", "--format", "json", "-o", out])
        check("history of 'linux/*.h' over QEMU's last 20 header revisions", result.returncode == 0, result.stderr.strip()[-300:])
        if result.returncode == 0:
            document = json.load(open(out))
            recorded = {revision["commit"] for revision in document["revisions"]}
            missing = [commit[:12] for commit in touching if commit not in recorded]
            check("every revision that touches linux-headers/ is recorded", not missing, f"missing {missing}")
            print(f"     {len(document['revisions'])} revisions in {elapsed:.1f} s, {len(document['notes'])} notes")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--uapi", required=True)
    parser.add_argument("--trees", default=".accuracy")
    parser.add_argument("--qemu", default=".real/qemu")
    args = parser.parse_args()
    uapi = os.path.abspath(args.uapi)
    installed_tree_checks(uapi, os.path.abspath(args.trees))
    qemu_checks(uapi, os.path.abspath(args.qemu))
    for reason in skipped:
        print(f"skipped: {reason}")
    print(f"real clients: {len(failures)} failed, {len(skipped)} skipped")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
