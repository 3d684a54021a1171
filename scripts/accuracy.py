#!/usr/bin/env python3
"""Checks every breaking finding of `uapi diff` on whole kernel header trees against gcc.

For each pair of linux-libc-dev versions and each target, both trees are snapshotted
whole (linux, rdma, misc, asm-generic and the target's own asm, each tree with its own
asm headers through --sysroot), diffed with `uapi diff --format json`, and every breaking
finding is checked by compiling programs against the OLD and the NEW tree: sizeof,
_Alignof, offsetof, bit-field probes and type checks for layouts (values read back from
the assembly, so cross targets need no emulator), evaluated values and `gcc -E -dM` for
constants, ioctls and removals. A finding is confirmed when gcc sees the difference it
states, a false alarm when gcc sees none, unchecked when gcc cannot tell.

Prints per class: findings, confirmed, false alarms (with the first examples of each
suspected cause) and unchecked; writes every finding with its outcome to OUT/accuracy.json;
exits 1 while any false alarm remains.

Usage: scripts/accuracy.py [--uapi .build/release/uapi] [--trees .accuracy] [--out .accuracy/report]
"""
import argparse
import collections
import concurrent.futures
import json
import os
import re
import sys
import tempfile

from accuracylib.causes import suspected_cause
from accuracylib.checks import Checker, classify
from accuracylib.trees import diff, discover_pairs, snapshot

EXAMPLES = 4


def check_pair(options, pool, workdir, old_tree, new_tree, target):
    """Snapshots, diffs and checks one (pair, target); returns one entry per breaking finding."""
    label = f"{old_tree.label} -> {new_tree.label} {target}"
    base = os.path.join(options.out, re.sub(r"[^\w.-]+", "_", label))
    skipped = (snapshot(options.uapi, old_tree, target, base + ".old.json"),
               snapshot(options.uapi, new_tree, target, base + ".new.json"))
    report = diff(options.uapi, base + ".old.json", base + ".new.json")
    snapshots = []
    for side in (".old.json", ".new.json"):
        with open(base + side) as file:
            snapshots.append(json.load(file)["targets"][0])
    breaking = [c for c in report["changes"] if c["severity"] == "breaking"]
    checker = Checker(old_tree, new_tree, target, *snapshots, skipped, workdir)
    plans = [(change, checker.plan(change)) for change in breaking]
    checker.run(pool)
    entries = []
    for change, decide in plans:
        outcome, detail = decide()
        entry = {"pair": label, "class": classify(change), "outcome": outcome, "detail": detail,
                 "message": change["message"], "header": change["header"]}
        if outcome == "false":
            entry["cause"] = suspected_cause(change, detail, *snapshots)
        entries.append(entry)
    counts = collections.Counter(e["outcome"] for e in entries)
    print(f"{label}: {len(breaking)} breaking findings: {counts['confirmed']} confirmed, {counts['false']} false alarms, "
          f"{counts['unchecked']} unchecked; headers that do not parse: {len(skipped[0])} old, {len(skipped[1])} new", flush=True)
    return entries


def print_summary(entries):
    classes = collections.defaultdict(collections.Counter)
    for entry in entries:
        classes[entry["class"]]["findings"] += 1
        classes[entry["class"]][entry["outcome"]] += 1
    print(f"\n{'class':30} {'findings':>8} {'confirmed':>9} {'false':>6} {'unchecked':>9}")
    total = collections.Counter()
    for kind in sorted(classes):
        row = classes[kind]
        total.update(row)
        print(f"{kind:30} {row['findings']:8} {row['confirmed']:9} {row['false']:6} {row['unchecked']:9}")
    print(f"{'all':30} {total['findings']:8} {total['confirmed']:9} {total['false']:6} {total['unchecked']:9}")

    causes = collections.defaultdict(list)
    for entry in entries:
        if entry["outcome"] == "false":
            causes[entry["cause"]].append(entry)
    if causes:
        print("\nFalse alarms by suspected cause:")
        for cause, group in sorted(causes.items(), key=lambda item: (-len(item[1]), item[0])):
            print(f"  {len(group):5}  {cause}")
            for entry in group[:EXAMPLES]:
                print(f"         {entry['pair']}: {entry['message'][:100]}  [{entry['detail'][:70]}]")
    unchecked = collections.defaultdict(list)
    for entry in entries:
        if entry["outcome"] == "unchecked":
            unchecked[entry["class"]].append(entry["detail"])
    if unchecked:
        print("\nUnchecked (gcc could not tell):")
        for kind, details in sorted(unchecked.items()):
            reasons = collections.Counter(details).most_common(3)
            print(f"  {len(details):5}  {kind}: " + "; ".join(f"{n}x {reason}" for reason, n in reasons))
    return classes, total


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--uapi", default=".build/release/uapi")
    parser.add_argument("--trees", default=".accuracy")
    parser.add_argument("--out", default=".accuracy/report")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--only", default="", help="check only the pairs whose label matches this regular expression")
    options = parser.parse_args()
    options.uapi = os.path.abspath(options.uapi)
    os.makedirs(options.out, exist_ok=True)

    entries = []
    with tempfile.TemporaryDirectory() as workdir, concurrent.futures.ThreadPoolExecutor(options.jobs) as pool:
        for old_tree, new_tree, targets in discover_pairs(options.trees):
            for target in targets:
                if re.search(options.only, f"{old_tree.label} -> {new_tree.label} {target}"):
                    entries += check_pair(options, pool, workdir, old_tree, new_tree, target)
    classes, total = print_summary(entries)
    path = os.path.join(options.out, "accuracy.json")
    with open(path, "w") as file:
        json.dump({"classes": classes, "findings": entries}, file, indent=1, sort_keys=True)
    print(f"\nEvery finding and its outcome: {path}")
    return 1 if total["false"] else 0


if __name__ == "__main__":
    sys.exit(main())
