"""Where an outside dataset disagrees with a glmref record on parameters, date or organization. Used to turn
Epoch's differing values into claims, and by `glmref check`."""

from glmref.names import normalize
from glmref.values import format_size


SIZE_TOLERANCE = 0.03


def same_size(a, b):
    """Equal within 3%: 175B and 174.6B, 1.5B and 1.542B agree (rounding is not a disagreement); 7B and 6.7B
    do not."""
    return abs(a - b) <= SIZE_TOLERANCE * max(a, b)


def same_date(a, b):
    """Equal at the precision both give: 2020-05 agrees with 2020-05-28."""
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def org_lookup(records):
    """Normalized organization names and aliases -> organization id."""
    table = {}
    for rec in records:
        if rec["type"] == "organization":
            for name in [rec["id"], rec["name"]] + ([rec["name_zh"]] if rec.get("name_zh") else []) + rec.get("aliases", []):
                table.setdefault(normalize(name), rec["id"])
    return table


def differences(rec, other, orgs, org_names):
    """[(field, other value as text, glmref value as text)] for parameters, released, context window, max
    output, knowledge cutoff and organizations. `other` has parameters, date, context, max_output (ints or
    None), knowledge (a date or None) and organizations (names or ids); a date with a `date_note` saying it
    is a listing date is not compared."""
    out = []
    mine = (rec.get("parameters") or {}).get("value")
    if other.get("parameters") and mine and not same_size(mine, other["parameters"]):
        out.append(("parameters", format_size(other["parameters"]), format_size(mine)))
    mine_date = (rec.get("released") or {}).get("value")
    listed = "listed" in (other.get("date_note") or "")
    if other.get("date") and mine_date and not listed and not same_date(mine_date, other["date"]):
        out.append(("released", other["date"], mine_date))
    for field, theirs in (("context_window", other.get("context")), ("max_output_tokens", other.get("max_output"))):
        mine_n = (rec.get(field) or {}).get("value")
        if theirs and mine_n and theirs != mine_n:
            out.append((field, str(theirs), str(mine_n)))
    mine_cutoff = (rec.get("knowledge_cutoff") or {}).get("value")
    if other.get("knowledge") and mine_cutoff and not same_date(mine_cutoff, other["knowledge"]):
        out.append(("knowledge_cutoff", other["knowledge"], mine_cutoff))
    if other.get("organizations"):
        ids = {orgs.get(normalize(o), normalize(o)) for o in other["organizations"]}
        if ids != set(rec.get("organizations", [])):
            out.append(("organizations", ", ".join(other["organizations"]),
                        ", ".join(org_names.get(o, o) for o in rec.get("organizations", []))))
    return out
