"""One check per finding class: what to measure with gcc on each side, and how to judge it.

A fact is measured through a header on the old tree and the same header on the new tree
(the finding's old header, and its new one when it moved), so two definitions of one name
in two headers cannot fake a change. Outcomes: confirmed (gcc sees the change the finding
states), false (gcc sees none), unchecked (gcc cannot tell), each with a detail."""
import collections
import os
import re

from .gcc import GCC, UNREADABLE, as_unsigned, set_bits

HEADER = "header"   # gcc rejects the header itself
INTEGER_CLASSES = {1, 2, 3, 4}   # __builtin_classify_type: integer, char, enumeral, boolean


def classify(change):
    item, category, message = change["item"], change["category"], change["message"]
    if item == "record":
        if category == "layout-drift":
            return "record " + ("size" if message.startswith("size of") else "alignment" if message.startswith("alignment") else "packing")
        return {"tail-extension": "record tail extension", "removed": "record removed", "renamed": "record renamed",
                "kind-changed": "record kind"}.get(category, f"record {category}")
    if item == "field":
        if category == "layout-drift":
            if message.startswith("offset of"):
                return "field offset"
            if message.startswith("bit-field width"):
                return "field bit-field width"
            return "field type and size" if message.startswith("type of") else "field size"
        return {"removed": "field removed", "renamed": "field renamed", "type-changed": "field type"}.get(category, f"field {category}")
    if item in ("constant", "enumerator", "ioctl"):
        return {"kind-changed": "value kind", "ioctl-changed": "ioctl changed", "value-changed": "value changed",
                "removed": f"{item} removed", "renamed": "value renamed", "type-changed": "value type"}.get(category, f"{item} {category}")
    return f"{item} {category}"


def number(text):
    try:
        return int(text, 0)
    except (TypeError, ValueError):
        return None


def byte_or_bit(text):
    match = re.match(r"(byte|bit) (\d+)", text or "")
    return None if not match else int(match.group(2)) * (8 if match.group(1) == "byte" else 1)


def first_of(outcomes):
    """A change on any header confirms; else no change on some header refutes; else unknown."""
    for wanted in ("confirmed", "false"):
        for outcome in outcomes:
            if outcome[0] == wanted:
                return outcome
    return outcomes[0]


class Checker:
    """Checks the breaking findings of one (pair, target) against gcc on both trees."""

    def __init__(self, old_tree, new_tree, target, old_snapshot, new_snapshot, skipped, workdir):
        self.gcc = (GCC(old_tree, target, workdir), GCC(new_tree, target, workdir))
        self.target = target
        self.records = [{r["name"]: r for r in s["records"]} for s in (old_snapshot, new_snapshot)]
        self.skipped = skipped   # per side: {header: reason}
        self.probes = collections.defaultdict(dict)   # (side, header) -> {symbol: declaration}
        self.results = {}

    # ---- probes: declared while planning, compiled in one batch per (side, header), then read

    def declare(self, side, header, declaration):
        symbol = f"__uapi_p{len(self.probes[(side, header)])}"
        self.probes[(side, header)][symbol] = declaration(symbol)
        return lambda: self.read(side, header, symbol)

    def read(self, side, header, symbol):
        table = self.results.get((side, header))
        return HEADER if table is None else table.get(symbol)

    def run(self, pool):
        jobs = {key: pool.submit(self.gcc[key[0]].values, key[1], probes) for key, probes in self.probes.items()}
        self.results = {key: job.result() for key, job in jobs.items()}

    def unsigned(self, side, header, expression):
        reader = self.declare(side, header, lambda s: f"const unsigned long long {s} = (unsigned long long)({expression});")

        def value():
            data = reader()
            return as_unsigned(data) if isinstance(data, bytes) else data
        return value

    def signed(self, side, header, expression):
        """-1 and 0xffffffffffffffff are different constants: the sign is probed apart."""
        magnitude = self.unsigned(side, header, expression)
        negative = self.unsigned(side, header, f"({expression}) < 0")

        def value():
            number, sign = magnitude(), negative()
            if not isinstance(number, int):
                return number
            return number - (1 << 64) if sign == 1 else number if sign == 0 else UNREADABLE
        return value

    def bits(self, side, header, type_expression, field):
        reader = self.declare(side, header, lambda s: f"const {type_expression} {s} = {{ .{field} = -1 }};")
        return lambda: set_bits(reader()) if isinstance(reader(), bytes) else reader()

    # ---- planning

    def headers(self, change):
        old = (change.get("oldLocation") or {}).get("header") or change["header"]
        new = (change.get("newLocation") or {}).get("header") or change["header"]
        record = change["name"] if change["item"] == "record" else change["name"].rpartition(".")[0]
        if change["item"] in ("record", "field") and "." in record:
            # `outer.member`: the anonymous type may be declared elsewhere; C reaches it through `outer`.
            root = record.split(".")[0]
            old = self.records[0].get(root, {}).get("location", {}).get("header", old)
            new = self.records[1].get(root, {}).get("location", {}).get("header", new)
        return old, new

    def across(self, change, measure, judge):
        """measure(side, header) -> reader; judge(before, after) -> outcome; on each header both trees have."""
        old_header, new_header = self.headers(change)
        shared = [h for h in dict.fromkeys([old_header, new_header]) if self.gcc[0].exists(h) and self.gcc[1].exists(h)]
        pairs = [(h, h) for h in shared] or [(old_header, new_header)]
        readers = [(measure(0, a), measure(1, b)) for a, b in pairs]

        def decide():
            outcomes = []
            for before, after in readers:
                measured = (before(), after())
                if HEADER in measured:
                    outcomes.append(("unchecked", "gcc rejects the header"))
                else:
                    outcomes.append(judge(*measured))
            return first_of(outcomes)
        return decide

    def gone(self, change, measure_old, measure_new, what, present=lambda value: value is not None):
        """A removal: present through the old header on the old tree, absent through it on the new one."""
        old_header, _ = self.headers(change)
        if not self.gcc[1].exists(old_header):
            return lambda: ("confirmed", "the header is gone")
        before, after = measure_old(0, old_header), measure_new(1, old_header)

        def decide():
            was, now = before(), after()
            if HEADER in (was, now):
                return ("unchecked", "gcc rejects the header")
            if present(now):
                return ("false", f"{what} still compiles with {old_header}")
            return ("confirmed", "") if present(was) else ("unchecked", f"{what} does not compile on the old side either")
        return decide

    def plan(self, change):
        kind = classify(change)
        old_header, new_header = self.headers(change)
        # Gone because the header did not parse on the new side: nothing was removed.
        if change["category"] in ("removed", "renamed") and old_header in self.skipped[1] and old_header not in self.skipped[0]:
            return lambda: ("false", f"{old_header} does not parse on the new side")
        if kind.startswith("record ") or kind.startswith("field "):
            return self.plan_layout(kind, change)
        if kind.startswith("typedef ") or kind.startswith("enum "):
            return self.plan_type(kind, change)
        if kind == "macro removed":
            return self.plan_macro_removed(change)
        if kind == "header removed":
            return (lambda: ("false", "the header still exists")) if self.gcc[1].exists(change["name"]) else (lambda: ("confirmed", ""))
        if kind == "variable type-changed":
            return self.plan_type_change(change, lambda side: change["name"], change.get("old"))
        if kind == "variable removed":
            probe = f"sizeof({change['name']})"
            return self.gone(change, lambda side, h: self.unsigned(side, h, probe), lambda side, h: self.unsigned(side, h, probe), change["name"])
        if kind in ("value changed", "ioctl changed", "value kind", "value renamed", "value type") or kind.endswith(" removed"):
            return self.plan_value(kind, change)
        return lambda: ("unchecked", f"no check for {kind}")

    def type_expression(self, side, path):
        """`struct a`, a typedef name, or __typeof__(((struct a *)0)->member) for `a.member`."""
        segments = path.split(".")
        record = self.records[side].get(segments[0])
        if record is None or "::<anon" in path:
            return None
        expression = segments[0] if record["isAnonymous"] else f"{record['kind']} {segments[0]}"
        for segment in segments[1:]:
            member = segment[:-2] if segment.endswith("[]") else segment
            expression = f"__typeof__((({expression} *)0)->{member}{'[0]' if segment.endswith('[]') else ''})"
        return expression

    def plan_layout(self, kind, change):
        name = change["name"]
        record, field = (name, None) if kind.startswith("record ") else name.rpartition(".")[::2]
        old_type = self.type_expression(0, record)
        new_type = self.type_expression(1, change.get("newName") or record) if kind == "record renamed" \
            else self.type_expression(1, record) or old_type
        if old_type is None or new_type is None or (field or "").startswith("<anon"):
            return lambda: ("unchecked", "no C spelling for an anonymous member")
        typed = lambda side: old_type if side == 0 else new_type

        if kind in ("record size", "record tail extension", "record alignment", "record packing"):
            query = "_Alignof({})" if kind in ("record alignment", "record packing") else "sizeof({})"
            stated = tuple(number(re.sub(r" bytes$", "", change.get(k) or "")) for k in ("old", "new"))
            return self.across(change, lambda side, h: self.unsigned(side, h, query.format(typed(side))),
                               lambda a, b: compare(a, b, stated if kind != "record packing" else (None, None)))
        if kind == "record kind":
            return self.across(change, lambda side, h: self.unsigned(side, h, f"__builtin_classify_type(*({typed(side)} *)0)"),
                               lambda a, b: compare(a, b, (None, None)))
        if kind in ("record removed", "record renamed"):
            if "." in record:
                # A member's anonymous type is gone when the member is no longer a struct or union.
                query = f"__builtin_classify_type(*({old_type} *)0)"
                return self.gone(change, lambda side, h: self.unsigned(side, h, query), lambda side, h: self.unsigned(side, h, query),
                                 old_type, present=lambda value: value in (12, 13))
            return self.gone(change, lambda side, h: self.unsigned(side, h, f"sizeof({old_type})"),
                             lambda side, h: self.unsigned(side, h, f"sizeof({old_type})"), old_type)
        if kind in ("field removed", "field renamed"):
            return self.gone(change, lambda side, h: self.unsigned(side, h, f"offsetof({old_type}, {field})"),
                             lambda side, h: self.unsigned(side, h, f"offsetof({old_type}, {field})"), f"{old_type}.{field}")
        if kind in ("field offset", "field bit-field width"):
            def measure(side, header):
                offset, bits = self.unsigned(side, header, f"offsetof({typed(side)}, {field})"), self.bits(side, header, typed(side), field)

                def geometry():
                    at, set_ = offset(), bits()
                    if HEADER in (at, set_):
                        return HEADER
                    width = len(set_) if isinstance(set_, list) else None
                    if isinstance(at, int):
                        return (at * 8, width)
                    # A bit-field has no offsetof: its first set bit is where it starts.
                    return (set_[0], width) if isinstance(set_, list) and set_ else UNREADABLE
                return geometry
            if kind == "field offset":
                stated = (byte_or_bit(change.get("old")), byte_or_bit(change.get("new")))
                judge = lambda a, b: unknown() if UNREADABLE in (a, b) else compare(a[0], b[0], stated)
            else:
                judge = lambda a, b: unknown() if UNREADABLE in (a, b) else compare(a[1], b[1], (None, None))
            return self.across(change, measure, judge)
        if kind in ("field size", "field type and size"):
            def measure(side, header):
                size = self.unsigned(side, header, f"sizeof((({typed(side)} *)0)->{field})")
                offset = self.unsigned(side, header, f"offsetof({typed(side)}, {field})")
                # A flexible array has no sizeof: it takes no room, like [0].
                return lambda: HEADER if HEADER in (size(), offset()) else \
                    (offset(), size() if isinstance(size(), int) else 0) if isinstance(offset(), int) else UNREADABLE
            return self.across(change, measure, lambda a, b: unknown() if UNREADABLE in (a, b) else
                               ("false", f"gcc: offset {a[0]}, {a[1]} bytes on both sides") if a == b else ("confirmed", ""))
        if kind == "field type":
            return self.plan_type_change(change, lambda side: f"(({typed(side)} *)0)->{field}", change.get("old"))
        return lambda: ("unchecked", f"no check for {kind}")

    def plan_type_change(self, change, expression, old_spelling):
        """Still the old type, or the same integer meaning (an enum renamed, int to a typedef of it): no change."""
        def measure(side, header):
            e = expression(side)
            compatible = self.unsigned(side, header, f"__builtin_types_compatible_p(__typeof__({e}), {old_spelling})")
            meaning = [self.unsigned(side, header, q) for q in
                       (f"__builtin_classify_type({e})", f"sizeof({e})", f"(__typeof__({e}))-1 < 0")]
            return lambda: (compatible(), tuple(m() for m in meaning))

        def judge(before, after):
            if HEADER in (before[0], after[0]) or HEADER in before[1] + after[1]:
                return ("unchecked", "gcc rejects the header")
            if after[0] == 1:
                return ("false", f"gcc: still {old_spelling}")
            if before[1] == after[1] and before[1][0] in INTEGER_CLASSES:
                return ("false", f"gcc: the same integer type ({before[1][1]} bytes) on both sides")
            if before[1][1] != after[1][1]:
                return ("confirmed", f"gcc: {before[1][1]} bytes -> {after[1][1]} bytes")
            return ("confirmed", "") if before[0] == 1 else ("unchecked", f"gcc cannot spell {old_spelling}")
        return self.across(change, measure, judge)

    def plan_type(self, kind, change):
        name = change["name"]
        if name.startswith("<anon"):
            return lambda: ("unchecked", "an anonymous enum")
        spelled = name if kind.startswith("typedef") else f"enum {name}"
        if kind.endswith("removed"):
            probe = f"sizeof({spelled})" if kind.startswith("enum") else f"sizeof({spelled} *)"
            return self.gone(change, lambda side, h: self.unsigned(side, h, probe), lambda side, h: self.unsigned(side, h, probe), spelled)
        if kind.startswith("enum"):
            query = f"sizeof({spelled}) * 2 + ((({spelled})-1) < 0)"
            return self.across(change, lambda side, h: self.unsigned(side, h, query), lambda a, b: compare(a, b, (None, None)))
        return self.plan_type_change(change, lambda side: f"*({name} *)0", change.get("old"))

    def plan_macro_removed(self, change):
        name = change["name"]
        old_header, _ = self.headers(change)
        if self.is_include_guard(name, old_header):
            return lambda: ("false", "an include guard")
        if not self.gcc[1].exists(old_header):
            return lambda: ("confirmed", "the header is gone")
        macros = self.gcc[1].macros(old_header)
        if macros is None:
            return lambda: ("unchecked", "gcc rejects the header")
        return lambda: ("false", f"{name} is still defined by {old_header}") if name in macros else ("confirmed", "")

    def plan_value(self, kind, change):
        name = change["name"]
        if kind.endswith(" removed"):
            old_header, _ = self.headers(change)
            if self.is_include_guard(name, old_header):
                return lambda: ("false", "an include guard")
            check = self.gone(change, lambda side, h: self.signed(side, h, name), lambda side, h: self.signed(side, h, name), name)
            macros = self.gcc[1].macros(old_header) if self.gcc[1].exists(old_header) else {}

            def decide():
                outcome = check()
                if outcome[0] == "confirmed" and macros and name in macros:
                    return ("false", f"{name} is still defined by {old_header}: {macros[name][:50]}")
                return outcome
            return decide
        if kind == "value renamed":
            new_name = change.get("newName")
            still = self.gone(change, lambda side, h: self.signed(side, h, name), lambda side, h: self.signed(side, h, name), name)
            same = self.across(change, lambda side, h: self.signed(side, h, name if side == 0 else new_name),
                               lambda a, b: ("confirmed", "") if a == b and isinstance(a, int) else
                               ("false", f"{new_name} is {b}, {name} was {a}") if isinstance(a, int) and isinstance(b, int) else unknown())
            return lambda: still() if still()[0] != "confirmed" else same()
        if kind == "value type":
            return self.plan_type_change(change, lambda side: name, change.get("old"))
        texts = [change.get(k) or "" for k in ("old", "new")]
        if any(t.startswith('"') or t.startswith('macro "') for t in texts):
            return self.plan_text(change)
        if kind == "value kind":
            return self.plan_kind(change)
        stated = (number(change.get("old")), number(change.get("new"))) if kind == "value changed" else (None, None)
        return self.across(change, lambda side, h: self.signed(side, h, name), lambda a, b: compare(a, b, stated))

    def plan_kind(self, change):
        """A macro that became an enumerator (or stopped evaluating): the value, and whether #ifdef sees it."""
        name = change["name"]

        def measure(side, header):
            value = self.signed(side, header, name)
            macros = self.gcc[side].macros(header) if self.gcc[side].exists(header) else None
            return lambda: (value(), None if macros is None else name in macros)

        def judge(before, after):
            (was, was_macro), (now, now_macro) = before, after
            if isinstance(was, int) and was == now:
                if was_macro == now_macro:
                    return ("false", f"gcc: {name} is {now} on both sides, a macro on both or neither")
                return ("confirmed", "same value, but #ifdef sees the change")
            if isinstance(was, int) or isinstance(now, int):
                return ("confirmed", "")
            return unknown()
        return self.across(change, measure, judge)

    def plan_text(self, change):
        """String constants: the macro's text in `gcc -E -dM` of each side."""
        name = change["name"]

        def measure(side, header):
            macros = self.gcc[side].macros(header) if self.gcc[side].exists(header) else None
            return lambda: HEADER if macros is None else macros.get(name)
        return self.across(change, measure, lambda a, b: unknown() if a is None or b is None else
                           ("confirmed", "") if a != b else ("false", f"gcc -E -dM: {a[:50]} on both sides"))

    def is_include_guard(self, name, header):
        """`#ifndef NAME` / `#define NAME` as the header's first two directives."""
        tree = self.gcc[0].tree
        for base in (tree.generic, tree.asm_parents[self.gcc[0].target]):
            path = os.path.join(base, header)
            if os.path.isfile(path):
                with open(path, errors="replace") as file:
                    text = re.sub(r"/\*.*?\*/", "", file.read(), flags=re.S)
                directives = re.findall(r"^\s*#\s*(\w+)\s*(\w*)", text, re.M)[:2]
                return directives == [("ifndef", name), ("define", name)]
        return False


def unknown():
    return ("unchecked", "gcc cannot evaluate it on one side")


def compare(before, after, stated):
    if not isinstance(before, int) or not isinstance(after, int):
        return unknown()
    if before == after:
        return ("false", f"gcc: {before} on both sides")
    if None not in stated and (before, after) != stated:
        return ("false", f"gcc: {before} -> {after}, the finding says {stated[0]} -> {stated[1]}")
    return ("confirmed", "")
