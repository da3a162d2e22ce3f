"""`glmref check FILE`: every model where an outside dataset (Epoch AI's CSV, another user's YAML) disagrees
with the packaged catalog on parameters, date or organization."""

import datetime

from glmref.diff import differences
from glmref.errors import DataError
from glmref.names import normalize


def _packaged_models(catalog):
    table = {}
    for name, rid in catalog.name_table().items():
        if catalog.get(rid)["type"] == "model":
            table[name] = rid
    return table


def _org_tables(catalog):
    orgs, names = {}, {}
    for rec in catalog.of_type("organization"):
        names[rec["id"]] = rec["name"]
        for name in [rec["id"], rec["name"]] + ([rec["name_zh"]] if rec.get("name_zh") else []) + rec["aliases"]:
            orgs.setdefault(normalize(name), rec["id"])
    return orgs, names


def _outside_models(path, data):
    """[(where, name, id or None, {"parameters", "date", "organizations"})] from a CSV or YAML file."""
    if path.lower().endswith(".csv"):
        from glmref import epoch

        rows, problems = epoch.read_rows(path, data)
        if problems:
            raise DataError(f"{len(problems)} problem(s) in {path}", problems)
        for line, row in rows:
            m = epoch.row_model(row)
            yield f"row {line}", m["name"], None, m, None
        return
    from glmref.build import check_files

    records, problems = check_files([(path, data, True)], datetime.date.today().year)
    if problems:
        raise DataError(f"{len(problems)} problem(s) in {path}", problems)
    for rec, _, at, _ in records:
        if rec["type"] != "model":
            continue
        other = {"parameters": (rec.get("parameters") or {}).get("value"),
                 "date": (rec.get("released") or {}).get("value"), "organizations": rec["organizations"]}
        keys = [normalize(n) for n in [rec["name"]] + rec["aliases"] if n]
        yield f"line {at[0]}", rec["name"], rec["id"], other, keys


def check(catalog, path, data):
    """(disagreements, matched count, unmatched names, names of size variants of models glmref has)."""
    models = _packaged_models(catalog)
    orgs, org_names = _org_tables(catalog)
    rows, matched, unmatched = [], 0, []
    variants = []
    for where, name, rid, other, keys in _outside_models(path, data):
        target = rid if rid and rid in catalog and catalog.get(rid)["type"] == "model" else None
        if keys is None:  # an Epoch row: size variants are told apart from the model they share a name with
            from glmref.epoch import match

            found, variant = match(name, models, catalog.get, other.get("parameters"))
            if found and variant:
                variants.append(name)
                continue
            target = target or found
        else:
            target = target or next((models[k] for k in keys if k in models), None)
        if target is None:
            unmatched.append(name)
            continue
        matched += 1
        rec = catalog.get(target)
        for field, theirs, ours in differences(rec, other, orgs, org_names):
            fact = rec.get(field) if field != "organizations" else None
            rows.append({"id": target, "name": rec["name"], "field": field, "glmref": ours,
                         "glmref_source": (fact or {}).get("source") or rec["sources"][0],
                         "other": theirs, "where": f"{path}, {where}"})
    return rows, matched, unmatched, variants
