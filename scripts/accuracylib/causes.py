"""Groups false alarms by what most likely made the diff see a change gcc does not."""
import re

from .checks import classify


def defined_in_two_headers(name, snapshots):
    for snapshot in snapshots:
        places = {item["location"]["header"] for group in ("records", "typedefs", "constants")
                  for item in snapshot[group] if item["name"] == name}
        places |= {e["location"]["header"] for e in snapshot["enums"] for x in e["enumerators"] if x["name"] == name}
        if len(places) > 1:
            return True
    return False


def suspected_cause(change, detail, old_snapshot, new_snapshot):
    kind, message = classify(change), change["message"]
    name = change["name"].split(".")[0].split("::")[0]
    if "does not parse" in detail:
        return "a header that stops parsing on one side reported removed"
    if detail == "an include guard":
        return "include guard reported as a removed constant"
    if defined_in_two_headers(name, (old_snapshot, new_snapshot)):
        return "one name defined in two headers (glibc/kernel, asm/asm-generic), paired wrongly"
    if kind == "header removed":
        return "a header left without items of its own reported removed"
    if kind == "value kind" and "moved from enum" in message:
        return "enumerator moved to another enum, same value"
    if kind == "value kind":
        return "'now evaluates to a constant' (or no longer) with the same value"
    if kind == "value renamed":
        return "a value paired as a rename while its old name stays (a *_MAX sentinel)"
    if kind == "record tail extension" and "on both sides" in detail:
        return "zero-length tail array reported as growth"
    if kind in ("field size", "field type and size") and "on both sides" in detail:
        return "[0]/[1] -> [] flexible array with equal geometry"
    if kind == "field removed" and "still compiles" in detail:
        return "field reached through a new anonymous member reported removed"
    if kind == "record removed" and "." in change["name"]:
        return "an anonymous member's type got a name (same member, same layout)"
    if kind in ("field type", "typedef type-changed") and "still" in detail:
        return "type renamed, the old name kept as a #define alias"
    if "same integer type" in detail:
        return "enum or integer type renamed, same integer type"
    if "still compiles" in detail:
        return "still reachable from its header (moved to an included header)"
    return "other: " + re.sub(r"\d+", "N", detail)[:70]
