"""How complete and how current the catalog is: records by kind, developer and year, and for each fact field
the share of model records where it is filled, estimated, undisclosed or unknown. No terminal code."""

from glmref.i18n import N_

# (field, label, which records it applies to): the scopes say where a blank is a gap. A licence matters
# only for open weights, a context window only for text generators since 2019.
FIELDS = (
    ("released", N_("release date"), "models"),
    ("parameters", N_("parameters"), "models"),
    ("architecture", N_("architecture"), "models"),
    ("modalities", N_("modalities"), "models"),
    ("access", N_("access"), "models"),
    ("license", N_("licence"), "open-weights"),
    ("context_window", N_("context window"), "text-since-2019"),
    ("max_output_tokens", N_("max output"), "api-since-2023"),
    ("training_tokens", N_("training tokens"), "models"),
    ("training_compute", N_("training compute"), "models"),
    ("knowledge_cutoff", N_("knowledge cutoff"), "text-since-2019"),
    ("api_ids", N_("API ids"), "api-since-2023"),
    ("description_zh", N_("Chinese description"), "models"),
)
SHORT_SCOPES = {"models": N_("models"), "open-weights": N_("open-weight"), "text-since-2019": N_("text, 2019+"),
                "api-since-2023": N_("API, 2023+")}
SCOPES = {
    "models": "models and model families",
    "open-weights": "models with open weights",
    "text-since-2019": "text-generating models released since 2019",
    "api-since-2023": "models served by an API, released since 2023",
}
MODEL_KINDS = ("model", "model-family")
TOP_DEVELOPERS = 25


def _in_scope(rec, scope):
    if rec["kind"] not in MODEL_KINDS:
        return False
    date = (rec.get("released") or {}).get("value") or ""
    if scope == "open-weights":
        return "open-weights" in (rec.get("access") or {}).get("value", [])
    if scope == "text-since-2019":
        return date >= "2019" and "text" in (rec.get("modalities") or {}).get("output", [])
    if scope == "api-since-2023":
        return date >= "2023" and "api" in (rec.get("access") or {}).get("value", [])
    return True


def field_status(rec, field):
    """filled, estimated, undisclosed or unknown."""
    if field == "license":
        return "filled" if (rec.get("access") or {}).get("license") else "unknown"
    if field == "description_zh":
        return "filled" if rec.get("description_zh") else "unknown"
    fact = rec.get(field)
    if not fact:
        return "unknown"
    status = fact.get("status") or ("undisclosed" if fact.get("value") == "undisclosed" else None)
    if status in ("undisclosed", "unknown"):
        return status
    if fact.get("estimate"):
        return "estimated"
    if field in ("parameters", "training_tokens", "training_compute") and not fact.get("value"):
        return "unknown"
    return "filled"


def catalog_stats(catalog):
    models = catalog.models()
    counts = catalog.counts()
    by_kind, by_year, by_developer = {}, {}, {}
    newest = None
    for rec in models:
        by_kind[rec["kind"]] = by_kind.get(rec["kind"], 0) + 1
        date = (rec.get("released") or {}).get("value")
        year = date[:4] if date else "unknown"
        by_year[year] = by_year.get(year, 0) + 1
        lead = rec["organizations"][0] if rec["organizations"] else None
        if lead:
            by_developer[lead] = by_developer.get(lead, 0) + 1
        if date and (newest is None or date > newest[0]):
            newest = (date, rec["id"])
    fields = []
    for field, label, scope in FIELDS:
        tally = {"filled": 0, "estimated": 0, "undisclosed": 0, "unknown": 0}
        total = 0
        for rec in models:
            if _in_scope(rec, scope):
                total += 1
                tally[field_status(rec, field)] += 1
        shares = {k: (round(100 * v / total, 1) if total else 0.0) for k, v in tally.items()}
        known = tally["filled"] + tally["estimated"] + tally["undisclosed"]
        fields.append({"field": field, "label": label, "scope": scope, "scope_label": SCOPES[scope],
                       "scope_short": SHORT_SCOPES[scope],
                       "records": total, "counts": tally, "percent": shares,
                       "known_percent": round(100 * known / total, 1) if total else 0.0})
    developers = sorted(by_developer.items(), key=lambda kv: (-kv[1], catalog.name_of(kv[0]).casefold()))
    return {
        "records": {"model": counts.get("model", 0), "organization": counts.get("organization", 0),
                    "concept": counts.get("concept", 0), "source": counts.get("source", 0)},
        "models_by_kind": dict(sorted(by_kind.items(), key=lambda kv: -kv[1])),
        "models_by_year": dict(sorted(by_year.items())),
        "developers": len(by_developer),
        "models_by_developer": [{"id": oid, "name": catalog.name_of(oid), "models": n}
                                for oid, n in developers[:TOP_DEVELOPERS]],
        "newest": {"date": newest[0], "id": newest[1], "name": catalog.name_of(newest[1])} if newest else None,
        "fields": fields,
    }
