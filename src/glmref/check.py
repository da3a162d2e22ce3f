"""`glmref check FILE`: every model where an outside dataset (Epoch AI's CSV, another user's YAML) disagrees
with the packaged catalog on parameters, date or organization."""

import datetime

from glmref.diff import differences
from glmref.errors import DataError
from glmref.i18n import _
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
    """[(where, name, id or None, model dict, importer or None)] from an outside catalog or a YAML file."""
    from glmref.build import check_files, is_external

    if is_external(path):
        from glmref import importers

        importer, models, problems = importers.read(path, data)
        if problems:
            raise DataError(_("{problems} problem(s) in {path}").format(problems=len(problems), path=path), problems)
        for m in models:
            yield m["where"], m["name"], None, m, importer
        return
    records, problems = check_files([(path, data, True)], datetime.date.today().year)
    if problems:
        raise DataError(_("{problems} problem(s) in {path}").format(problems=len(problems), path=path), problems)
    for rec, _data, at, _importer in records:
        if rec["type"] != "model":
            continue
        other = {"parameters": (rec.get("parameters") or {}).get("value"),
                 "date": (rec.get("released") or {}).get("value"), "organizations": rec["organizations"],
                 "context": (rec.get("context_window") or {}).get("value"),
                 "max_output": (rec.get("max_output_tokens") or {}).get("value"),
                 "knowledge": (rec.get("knowledge_cutoff") or {}).get("value"),
                 "ids": [rec["name"]] + rec["aliases"]}
        yield f"line {at[0]}", rec["name"], rec["id"], other, None


def _source_of(importer, path):
    return importer.SOURCE_ID if importer else path


def check(catalog, path, data):
    """(disagreements, matched count, unmatched names, variant names) for one file; see check_files."""
    report = check_many(catalog, [(path, data)])
    return report["disagreements"], report["matched"], report["unmatched"], report["variants"]


def check_many(catalog, files):
    """Where each file disagrees with glmref, and where the files disagree with each other about a model
    glmref has, field by field. files: [(path, bytes)]."""
    from glmref.importers import default_match

    models = _packaged_models(catalog)
    orgs, org_names = _org_tables(catalog)
    rows, matched, unmatched, variants = [], 0, [], []
    seen_values = {}  # (model id, field) -> [(value, where)] from every file, agreeing with glmref or not
    for path, data in files:
        for where, name, rid, other, importer in _outside_models(path, data):
            target = rid if rid and rid in catalog and catalog.get(rid)["type"] == "model" else None
            if target is None:
                match = importer.match if importer else default_match
                target, variant = match(name, models, catalog.get, other)
                if target and variant:
                    variants.append(name)
                    continue
            if target is None:
                unmatched.append(name)
                continue
            matched += 1
            rec = catalog.get(target)
            for field, theirs, ours in differences(rec, other, orgs, org_names):
                fact = rec.get(field) if field != "organizations" else None
                rows.append({"id": target, "name": rec["name"], "field": field, "glmref": ours,
                             "glmref_source": (fact or {}).get("source") or rec["sources"][0],
                             "other": theirs, "other_source": _source_of(importer, path),
                             "where": f"{path}, {where}"})
            for field, key in (("context_window", "context"), ("max_output_tokens", "max_output"),
                               ("knowledge_cutoff", "knowledge")):
                if other.get(key):
                    seen_values.setdefault((target, field), []).append(
                        (other[key], f"{path}, {where}", _source_of(importer, path)))
    between = []
    if len(files) > 1:
        for (target, field), values in seen_values.items():
            files_seen = {w.split(", ")[0] for _, w, _ in values}
            distinct = {str(v) for v, _, _ in values}
            if len(files_seen) > 1 and len(distinct) > 1:
                rec = catalog.get(target)
                between.append({"id": target, "name": rec["name"], "field": field,
                                "values": [{"value": str(v), "source": s, "where": w} for v, w, s in values]})
    return {"disagreements": rows, "between_files": between, "matched": matched, "unmatched": unmatched,
            "variants": variants}
