"""Side-by-side comparison of models: the rows, which of them differ, and the growth from one to the next."""

from glmref.i18n import N_
from glmref.values import format_size
from glmref.views import canonical_text

ROWS = (
    ("kind", N_("kind")), ("organizations", N_("organization")), ("country", N_("country")),
    ("released", N_("released")), ("parameters", N_("parameters")), ("active", N_("active parameters")),
    ("training_tokens", N_("training tokens")),
    ("training_compute", N_("training compute")), ("context_window", N_("context window")),
    ("max_output_tokens", N_("max output")), ("knowledge_cutoff", N_("knowledge cutoff")),
    ("architecture", N_("architecture")), ("modalities", N_("modalities")), ("access", N_("access")),
    ("family", N_("family")), ("predecessor", N_("predecessor")), ("disputed", N_("sources disagree on")),
)


def _cell(catalog, rec, field):
    if field == "country":
        return ", ".join(sorted({catalog.get(o)["country"] for o in rec["organizations"]}))
    if field == "active":
        p = rec.get("parameters") or {}
        return format_size(p["active"]) if p.get("active") else "—"
    if field == "family":
        return rec.get("family") or "—"
    if field == "kind":
        return rec["kind"]
    if field == "predecessor":
        return catalog.name_of(rec["predecessor"]) if rec.get("predecessor") else "—"
    if field == "disputed":
        fields = sorted({c["field"] for c in rec.get("claims", [])})
        return ", ".join(fields) if fields else "—"
    return canonical_text(catalog, rec, field)


def comparison(catalog, records):
    """Rows of the comparison: [{"field", "label", "values", "differs"}], plus growth between neighbours."""
    rows = []
    for field, label in ROWS:
        values = [_cell(catalog, rec, field) for rec in records]
        rows.append({"field": field, "label": label, "values": values, "differs": len(set(values)) > 1})
    return rows, growth(records)


def growth(records):
    """From each model to the next: parameter factor and time between releases, where both are known."""
    out = []
    for a, b in zip(records, records[1:]):
        pa = (a.get("parameters") or {}).get("value")
        pb = (b.get("parameters") or {}).get("value")
        da = (a.get("released") or {}).get("value")
        db = (b.get("released") or {}).get("value")
        factor = pb / pa if pa and pb else None
        ca = (a.get("training_compute") or {}).get("value")
        cb = (b.get("training_compute") or {}).get("value")
        months = None
        if da and db and len(da) >= 7 and len(db) >= 7:
            months = (int(db[:4]) - int(da[:4])) * 12 + int(db[5:7]) - int(da[5:7])
        out.append({"from": a["id"], "to": b["id"], "parameters_factor": factor,
                    "compute_factor": cb / ca if ca and cb else None, "months": months})
    return out


def factor_text(factor):
    if factor >= 10:
        return f"×{factor:,.0f}"
    if factor >= 1:
        return f"×{factor:.1f}"
    return f"×{factor:.2g}"
