"""gcc as ground truth: probe declarations compiled against one tree for one target,
their values read back from the assembly (so cross targets need no emulator)."""
import os
import re
import subprocess
import tempfile

from .trees import TARGETS

UNREADABLE = "unreadable"   # an address (a string literal), not a number


class GCC:
    """Compiles probe lines against one tree for one target and reads the values back."""

    def __init__(self, tree, target, workdir):
        self.tree, self.target, self.workdir = tree, target, workdir
        command, _ = TARGETS[target]
        self.command = command + ["-std=gnu11", "-w", "-I", tree.generic, "-I", tree.asm_parents[target]]
        self.macro_cache = {}

    def exists(self, header):
        return os.path.isfile(os.path.join(self.tree.generic, header)) or \
            os.path.isfile(os.path.join(self.tree.asm_parents[self.target], header))

    def values(self, header, probes):
        """probes: {symbol: C declaration}; returns {symbol: bytes or None (rejected)} or None if the header itself fails."""
        lines = dict(probes)
        rejected = set()
        # gcc names an undeclared identifier once per file: each round rejects at least one probe.
        for _ in range(len(probes) + 1):
            names = sorted(lines)
            source = f"#include <{header}>\n#include <stddef.h>\n" + "".join(lines[n] + "\n" for n in names)
            assembly, errors = self._compile(source)
            if assembly is not None:
                data = assembly_data(assembly, self.target)
                return {**{n: data.get(n) for n in names}, **{n: None for n in rejected}}
            failing = {names[line - 3] for line in errors["probe_lines"] if 0 <= line - 3 < len(names)}
            if errors["header"] or not failing:
                return None
            rejected |= failing
            for name in failing:
                del lines[name]
            if not lines:
                return {n: None for n in rejected}
        return None

    def macros(self, header):
        """`gcc -E -dM` of the header: {name: body}, or None when gcc rejects the header."""
        if header not in self.macro_cache:
            with tempfile.NamedTemporaryFile("w", suffix=".c", dir=self.workdir, delete=False) as file:
                file.write(f"#include <{header}>\n")
            result = subprocess.run(self.command + ["-E", "-dM", file.name], capture_output=True, text=True)
            os.unlink(file.name)
            table = None
            if result.returncode == 0:
                table = {}
                for line in result.stdout.splitlines():
                    match = re.match(r"#define (\w+)(\([^)]*\))?\s?(.*)", line)
                    if match:
                        table[match.group(1)] = (match.group(2) or "") + match.group(3)
            self.macro_cache[header] = table
        return self.macro_cache[header]

    def _compile(self, source):
        with tempfile.TemporaryDirectory(dir=self.workdir) as directory:
            path = os.path.join(directory, "probe.c")
            with open(path, "w") as file:
                file.write(source)
            result = subprocess.run(self.command + ["-S", "-o", os.path.join(directory, "probe.s"), path],
                                    capture_output=True, text=True)
            if result.returncode == 0:
                with open(os.path.join(directory, "probe.s")) as file:
                    return file.read(), None
            # An error inside a header's macro is placed in the header, followed by a note
            # "in expansion of macro" at the probe line that used it.
            lines, pending, header = set(), False, False
            for line in result.stderr.splitlines():
                match = re.match(r"(\S+?):(\d+):\d+: (fatal error|error|note):", line)
                if not match:
                    continue
                at_probe, severity = match.group(1) == path, match.group(3)
                if severity != "note":
                    header |= pending
                    pending = not at_probe
                    if at_probe:
                        lines.add(int(match.group(2)))
                elif at_probe and pending and int(match.group(2)) > 2:
                    lines.add(int(match.group(2)))
                    pending = False
            header |= pending
            return None, {"probe_lines": lines, "header": header}


def assembly_data(assembly, target):
    """Label -> bytes (little-endian) for every label followed by data directives."""
    widths = {".byte": 1, ".hword": 2, ".value": 2, ".short": 2, ".2byte": 2, ".word": 4 if target == "aarch64" else 2,
              ".long": 4, ".4byte": 4, ".quad": 8, ".xword": 8, ".8byte": 8, ".dword": 8}
    result, current = {}, None
    for raw in assembly.splitlines():
        line = raw.strip()
        if line.endswith(":") and not line.startswith("."):
            current = line[:-1]
            result[current] = b""
            continue
        if current is None:
            continue
        parts = line.split(None, 1)
        directive = parts[0] if parts else ""
        operand = parts[1].strip() if len(parts) > 1 else ""
        if directive in (".zero", ".skip", ".space"):
            result[current] += bytes(int(operand.split(",")[0]))
        elif directive in widths:
            try:
                value = int(operand, 0)
            except ValueError:
                result[current] = UNREADABLE  # an address (a string literal), not a number
                current = None
                continue
            result[current] += (value & ((1 << (8 * widths[directive])) - 1)).to_bytes(widths[directive], "little")
        elif directive.startswith(".") and directive not in (".align", ".p2align", ".balign"):
            current = None
    return result


def as_unsigned(data):
    return None if data is None else int.from_bytes(data, "little")


def set_bits(data):
    return None if data is None else [i * 8 + b for i, byte in enumerate(data) for b in range(8) if byte >> b & 1]


