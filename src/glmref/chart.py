"""The scaling chart: parameters (log scale) against release date, one point per model with a known size
and date; the models that set a new size record are the landmarks that get labels. No drawing here."""

import math

from glmref.i18n import N_


def _year_fraction(date):
    year = int(date[:4])
    month = int(date[5:7]) if len(date) >= 7 else 7  # a year-only date is placed mid-year
    day = int(date[8:10]) if len(date) >= 10 else 15
    return year + (month - 1) / 12 + (day - 1) / 365


AXES = {"params": ("parameters", N_("Parameters")), "compute": ("training_compute", N_("Training compute (FLOP)"))}


def points(catalog, records, axis="params"):
    """[{"id", "name", "family", "date", "x", "value", "label", "y", "landmark"}] sorted by date, where value
    is the parameters or the training compute (axis `params` or `compute`); parameters also stay under
    "parameters" for the params axis. Estimated compute counts, marked `estimate`."""
    from glmref.values import format_flop, format_size

    field = AXES[axis][0]
    out = []
    for rec in records:
        date = (rec.get("released") or {}).get("value")
        fact = rec.get(field) or {}
        value = fact.get("value")
        if not date or not value:
            continue
        p = {"id": rec["id"], "name": rec["name"], "family": rec.get("family") or rec["organizations"][0],
             "date": date, "x": _year_fraction(date), "value": value, "y": math.log10(value), "landmark": False,
             "estimate": bool(fact.get("estimate")),
             "label": format_size(value) if axis == "params" else format_flop(value) + " FLOP"}
        if axis == "params":
            p["parameters"] = value
        out.append(p)
    out.sort(key=lambda p: p["x"])
    record = 0
    for p in out:
        if p["value"] > record:
            p["landmark"] = True
            record = p["value"]
    return out


def scales(pts):
    """x range in years and y range in powers of ten, padded to whole ticks."""
    x0, x1 = math.floor(min(p["x"] for p in pts)), math.floor(max(p["x"] for p in pts)) + 1
    y0, y1 = math.floor(min(p["y"] for p in pts)), math.ceil(max(p["y"] for p in pts))
    if y1 == y0:
        y1 += 1
    return (x0, x1), (y0, y1)
