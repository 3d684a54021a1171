#!/usr/bin/env python3
"""A deterministic mutation fuzzer for the built `uapi` binary.

Each case takes one input from the corpus (headers from Tests/Fixtures and a few
copied from /usr/include/linux at run time, snapshot JSON, policies, project
configs), mutates it (byte flips, truncation, duplicated lines, deleted braces and
semicolons, deep nesting, huge numbers, long identifiers, includes of a FIFO or a
character device made in the case's own directory, ...) and runs the subcommands
that read it. Every run must exit 0, 2, 4, 8 or 12, never by a signal, never past
its time budget.

A case's randomness comes from (seed, case number) alone, so a failure printed as
"--seed S --only N" replays exactly. Failing cases are kept, with their files and the
command line, under --failures.

    scripts/fuzz.py --binary .build/debug/uapi --seconds 120          # a bounded run
    scripts/fuzz.py --binary .build/debug/uapi --seed 7 --only 41      # replay one case
"""

import argparse
import os
import random
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ALLOWED = {0, 2, 4, 8, 12}
REPOSITORY = Path(__file__).resolve().parent.parent
SYSTEM_HEADERS = ["linux/vfio.h", "linux/input.h", "linux/types.h", "linux/virtio_net.h", "linux/if_ether.h"]


# ---------------------------------------------------------------- corpus

def load_corpus():
    """Inputs by kind: name -> bytes. System headers are copied at run time, not kept in the repository."""
    fixtures = REPOSITORY / "Tests" / "Fixtures"
    corpus = {"header": {}, "snapshot": {}, "policy": {}, "config": {}}
    for path in sorted(fixtures.rglob("*")):
        if not path.is_file() or "fuzz" in path.relative_to(fixtures).parts:
            continue
        name = str(path.relative_to(fixtures))
        if path.suffix == ".h":
            corpus["header"][name] = path.read_bytes()
        elif path.suffix == ".json" and path.stat().st_size < 400_000:
            data = path.read_bytes()
            if b'"uapi-snapshot"' in data:
                corpus["snapshot"][name] = data
        elif path.name == "policy.yaml":
            corpus["policy"][name] = path.read_bytes()
    for name in SYSTEM_HEADERS:
        source = Path("/usr/include") / name
        if source.is_file():
            corpus["header"]["system/" + name] = source.read_bytes()
    corpus["policy"]["headers/policy.yaml"] = (REPOSITORY / "headers" / "policy.yaml").read_bytes()
    corpus["config"]["minimal"] = b"headers:\n  - fuzz.h\ntargets: [x86_64]\nbaseline: baseline.json\n"
    corpus["config"]["full"] = (b"include:\n  - .\ntargets: [x86_64, i386]\nheaders:\n  - fuzz.h\n"
                                b"optional-headers:\n  - missing.h\nonly-listed: true\nkernel-types: false\n"
                                b"baseline: baseline.json\npolicy: policy.yaml\n")
    return corpus


# ---------------------------------------------------------------- mutations

def lines_of(data):
    return data.split(b"\n")


def flip_bytes(rng, data):
    data = bytearray(data or b"\0")
    for _ in range(rng.randint(1, 16)):
        i = rng.randrange(len(data))
        data[i] ^= 1 << rng.randrange(8)
    return bytes(data)


def truncate(rng, data):
    return data[: rng.randrange(len(data) + 1)]


def duplicate_lines(rng, data):
    lines = lines_of(data)
    start = rng.randrange(len(lines))
    end = min(len(lines), start + rng.randint(1, 20))
    times = rng.choice([2, 10, 1000])
    return b"\n".join(lines[:end] + lines[start:end] * times + lines[end:])


def delete_chars(rng, data):
    target = rng.choice([b"}", b";", b")", b"]", b"{", b"\""])
    positions = [i for i in range(len(data)) if data[i:i + 1] == target]
    if not positions:
        return data
    doomed = set(rng.sample(positions, rng.randint(1, min(len(positions), 8))))
    return bytes(b for i, b in enumerate(data) if i not in doomed)


def insert_at_random_line(rng, data, text):
    lines = lines_of(data)
    lines.insert(rng.randrange(len(lines) + 1), text)
    return b"\n".join(lines)


def deep_nesting(rng, data):
    depth = rng.choice([100, 300, 5000, 60000])
    shapes = [
        b"#define FUZZ_DEEP " + b"(" * depth + b"1" + b")" * depth,
        b"#define FUZZ_CHAIN (" + b"+".join([b"1"] * depth) + b")",
        b"#define FUZZ_NOT (" + b"!" * depth + b"1)",
        b"struct fuzz_nest { " + b"struct { " * min(depth, 3000) + b"int x; " + b"}; " * min(depth, 3000) + b"};",
        b"enum { FUZZ_E = " + b"sizeof " * depth + b"1 };",
        b"#if " + b"(" * depth + b"1" + b")" * depth + b"\n#endif",
    ]
    return insert_at_random_line(rng, data, rng.choice(shapes))


def macro_bomb(rng, data):
    levels = rng.choice([8, 20, 40])
    if rng.random() < 0.5:
        lines = [b"#define FUZZ_B0 1"] + [b"#define FUZZ_B%d (FUZZ_B%d + FUZZ_B%d)" % (i, i - 1, i - 1) for i in range(1, levels)]
    else:
        # A function-like macro that repeats its argument, called within itself.
        calls = min(levels, 12)
        lines = [b"#define FUZZ_F(x) x+x+x+x", b"#define FUZZ_CALLS " + b"FUZZ_F(" * calls + b"1" + b")" * calls]
    return insert_at_random_line(rng, data, b"\n".join(lines))


def huge_numbers(rng, data):
    huge = rng.choice([b"99999999999999999999999999999", b"0xFFFFFFFFFFFFFFFFFFFFFFFF", b"1e999", b"-9223372036854775808",
                       b"18446744073709551616", b"0x" + b"F" * 400, b"1" * 5000])
    digits = [i for i in range(len(data)) if data[i:i + 1].isdigit()]
    if not digits:
        return data + b"\n#define FUZZ_HUGE " + huge + b"\n"
    i = rng.choice(digits)
    return data[:i] + huge + data[i + 1:]


def long_identifier(rng, data):
    name = b"fuzz_" + b"x" * rng.choice([300, 70000, 300000])
    return insert_at_random_line(rng, data, rng.choice([b"#define " + name + b" 1", b"struct " + name + b" { int " + name + b"; };",
                                                        b"typedef int " + name + b";"]))


def special_include(rng, data):
    return insert_at_random_line(rng, data, rng.choice([b'#include "fuzz-fifo.h"', b"#include <fuzz-device.h>", b"#include <fuzz-fifo.h>",
                                                        b'#define FUZZ_TARGET "fuzz-fifo.h"\n#include FUZZ_TARGET',
                                                        b'#include "fuzz.h"', b'#include "fuzz-missing.h"']))


def garbage(rng, data):
    blob = bytes(rng.randrange(256) for _ in range(rng.randint(1, 200)))
    return insert_at_random_line(rng, data, rng.choice([blob, b"\0" * 50, b"/* never closed", b'"never closed', b"\\"]))


def yaml_nesting(rng, data):
    depth = rng.choice([70, 5000, 50000])
    shapes = [b"severity: " + b"[" * depth + b"]" * depth, b"x: " + b"{a: " * depth + b"1" + b"}" * depth,
              b"".join(b" " * i + b"k:\n" for i in range(min(depth, 1400))), b"- " * depth + b"x",
              b"a: &a [1]\nb: [*a, *a, *a, *a]\n"]
    return insert_at_random_line(rng, data, rng.choice(shapes))


HEADER_MUTATIONS = [flip_bytes, truncate, duplicate_lines, delete_chars, deep_nesting, macro_bomb, huge_numbers,
                    long_identifier, special_include, garbage]
TEXT_MUTATIONS = [flip_bytes, truncate, duplicate_lines, delete_chars, huge_numbers, garbage]
YAML_MUTATIONS = TEXT_MUTATIONS + [yaml_nesting, long_identifier]


def mutate(rng, data, mutations):
    for _ in range(rng.choice([1, 1, 2, 3])):
        data = rng.choice(mutations)(rng, data)
    return data


# ---------------------------------------------------------------- cases

def make_specials(directory):
    """A FIFO and (as root) a character device like /dev/zero, both inside the case directory."""
    os.mkfifo(directory / "fuzz-fifo.h")
    try:
        os.mknod(directory / "fuzz-device.h", stat.S_IFCHR | 0o644, os.makedev(1, 5))
    except PermissionError:
        (directory / "fuzz-device.h").write_bytes(b"/* not root: no device */\n")


HEADER_LIMITS = ["--timeout-per-header", "20"]


def build_case(rng, corpus, directory):
    """Writes the case's files; returns the command lines to run in `directory`."""
    kind = rng.choice(["header"] * 5 + ["snapshot", "policy", "config"])
    name = rng.choice(sorted(corpus[kind]))
    original = corpus[kind][name]
    (directory / "original.h").write_bytes(rng.choice(sorted(corpus["header"].values(), key=len)))
    make_specials(directory)
    if kind == "header":
        (directory / "fuzz.h").write_bytes(mutate(rng, original, HEADER_MUTATIONS))
        # With and without the case directory as an include root (<fuzz-fifo.h> is found either way).
        options = HEADER_LIMITS + rng.choice([["-I", "."], []])
        return rng.sample([
            ["snapshot"] + options + ["fuzz.h"],
            ["snapshot"] + options + ["--kernel-types", "--target", "x86_64,aarch64", "fuzz.h"],
            ["lint"] + options + ["fuzz.h"],
            ["layout"] + options + ["fuzz.h"],
            ["diff"] + options + ["original.h", "fuzz.h"],
            ["bindgen"] + options + ["fuzz.h", "--module", "CFuzz", "-o", "bindings"],
        ], 2)
    if kind == "snapshot":
        (directory / "fuzz.json").write_bytes(mutate(rng, original, TEXT_MUTATIONS))
        (directory / "base.json").write_bytes(original)
        return rng.sample([["diff", "base.json", "fuzz.json"], ["diff", "fuzz.json", "original.h"],
                           ["lint", "fuzz.json"], ["layout", "fuzz.json"]], 2)
    if kind == "policy":
        (directory / "fuzz.yaml").write_bytes(mutate(rng, original, YAML_MUTATIONS))
        return rng.sample([["diff", "--policy", "fuzz.yaml", "original.h", "original.h"],
                           ["lint", "--policy", "fuzz.yaml", "original.h"]], 1)
    (directory / "fuzz.h").write_bytes(rng.choice(sorted(corpus["header"].values(), key=len)))
    (directory / "baseline.json").write_bytes(rng.choice(sorted(corpus["snapshot"].values(), key=len)))
    (directory / "policy.yaml").write_bytes(rng.choice(sorted(corpus["policy"].values(), key=len)))
    (directory / "uapi.yaml").write_bytes(mutate(rng, original, YAML_MUTATIONS))
    return rng.sample([["snapshot", "--config", "uapi.yaml"], ["check", "--config", "uapi.yaml"]], 1)


def run_command(binary, arguments, directory, budget):
    """Returns (verdict or None when fine, exit status or signal, seconds)."""
    start = time.monotonic()
    process = subprocess.Popen([binary] + arguments, cwd=directory, stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        _, stderr = process.communicate(timeout=budget)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        return f"still running after its {budget} s budget", None, time.monotonic() - start
    seconds = time.monotonic() - start
    if process.returncode < 0:
        return f"ended by signal {-process.returncode} ({signal.Signals(-process.returncode).name})", process.returncode, seconds
    if process.returncode not in ALLOWED:
        tail = stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
        return f"exit status {process.returncode}: {' | '.join(tail)}", process.returncode, seconds
    return None, process.returncode, seconds


def run_case(binary, shown, corpus, seed, index, budget, failures):
    rng = random.Random(f"{seed}:{index}")
    directory = Path(tempfile.mkdtemp(prefix=f"uapi-fuzz-{seed}-{index}-"))
    try:
        commands = build_case(rng, corpus, directory)
        for arguments in commands:
            verdict, status, seconds = run_command(binary, arguments, directory, budget)
            if verdict:
                kept = Path(failures) / f"seed{seed}-case{index}"
                shutil.rmtree(kept, ignore_errors=True)
                kept.parent.mkdir(parents=True, exist_ok=True)
                shutil.copytree(directory, kept, ignore=lambda _, names: [n for n in names if n in ("fuzz-fifo.h", "fuzz-device.h")])
                (kept / "args").write_text(" ".join(arguments) + "\n")
                print(f"FAIL case {index}: uapi {' '.join(arguments)}: {verdict}\n"
                      f"  kept in {kept} (recreate fuzz-fifo.h with mkfifo and fuzz-device.h with mknod c 1 5)\n"
                      f"  replay: {sys.argv[0]} --binary {shown} --seed {seed} --only {index}", flush=True)
                return False
        return True
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=str(REPOSITORY / ".build" / "debug" / "uapi"))
    parser.add_argument("--seed", type=int, help="default: from the clock (printed)")
    parser.add_argument("--seconds", type=float, default=120, help="stop starting cases after this long")
    parser.add_argument("--cases", type=int, help="run exactly this many cases instead (for a reproducible smoke pass)")
    parser.add_argument("--only", type=int, help="run only this case number")
    parser.add_argument("--budget", type=float, default=90, help="seconds one command may take")
    parser.add_argument("--failures", default=str(REPOSITORY / ".build" / "fuzz-failures"))
    options = parser.parse_args()

    built = Path(options.binary).resolve()
    if not os.access(built, os.X_OK):
        sys.exit(f"fuzz: no uapi binary at {built}; build it first")
    # A copy, so that a rebuild during the run neither removes the binary nor mixes two versions.
    copy = Path(tempfile.mkdtemp(prefix="uapi-fuzz-binary-"))
    binary = str(copy / "uapi")
    shutil.copy2(built, binary)
    try:
        fuzz(options, binary, str(built))
    finally:
        shutil.rmtree(copy, ignore_errors=True)


def fuzz(options, binary, shown):
    seed = options.seed if options.seed is not None else int(time.time())
    corpus = load_corpus()
    print(f"fuzz: seed {seed}, binary {shown}, corpus {sum(len(v) for v in corpus.values())} inputs", flush=True)

    indices = [options.only] if options.only is not None else None
    start = time.monotonic()
    ran = failed = 0
    index = 0
    while True:
        if indices is not None:
            if ran == len(indices):
                break
            index = indices[ran]
        elif options.cases is not None:
            if ran == options.cases:
                break
        elif time.monotonic() - start > options.seconds:
            break
        if not run_case(binary, shown, corpus, seed, index, options.budget, options.failures):
            failed += 1
        ran += 1
        index += 1
    print(f"fuzz: seed {seed}: {ran} cases, {failed} failed, {time.monotonic() - start:.0f} s", flush=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
