"""Records as the plain, JSON-ready dicts every output is made from: the `--json` documents are these
views, and the Rich renderers draw them. Field names here are the documented JSON contract."""

from glmref.values import (FACT_FIELDS, format_flop, format_size, format_size_range, parse_date, parse_flop,
                           parse_size_range)

FACT_LABELS = {
    "parameters": "parameters", "released": "release date", "organizations": "organization",
    "architecture": "architecture", "modalities": "modalities", "access": "access",
    "context_window": "context window", "max_output_tokens": "max output", "training_tokens": "training tokens",
    "training_compute": "training compute", "knowledge_cutoff": "knowledge cutoff",
    "kind": "kind", "name": "name", "description": "description",
}


def source_view(catalog, sid):
    if sid not in catalog:
        return {"id": sid, "short": sid}
    s = catalog.get(sid)
    return {k: s.get(k) for k in ("id", "short", "title", "title_en", "kind", "date", "authors", "publisher", "url",
                                  "arxiv", "doi", "citation")}


def link_of(source):
    if source.get("doi"):
        return f"https://doi.org/{source['doi']}"
    if source.get("arxiv"):
        return f"https://arxiv.org/abs/{source['arxiv']}"
    return source.get("url")


def _ref(catalog, rid):
    return {"id": rid, "name": catalog.name_of(rid), "name_zh": (catalog.get(rid) or {}).get("name_zh")}


UNKNOWN_SIZE = {"value": None, "human": "unknown", "status": "unknown", "source": None, "note": None}


def _size_view(fact):
    if not fact:
        return None
    value = fact.get("value")
    status = fact.get("status") or ("disclosed" if value else "unknown")
    view = {"value": value, "human": format_size(value) if value else status, "status": status}
    if "active" in fact:
        view["active"] = fact.get("active")
        view["active_human"] = format_size(fact["active"]) if fact.get("active") else None
    if "sizes" in fact:
        view["sizes"] = fact.get("sizes") or []
        view["sizes_human"] = [format_size(s) for s in view["sizes"]]
    view["source"], view["note"] = fact.get("source"), fact.get("note")
    return view


def _compute_view(fact):
    """Training compute, always an object: a script tells "undisclosed" from "no source says"."""
    if not fact:
        return {"value": None, "human": "unknown", "status": "unknown", "estimate": False, "confidence": None,
                "source": None, "note": None}
    value = fact.get("value")
    status = fact.get("status") or ("disclosed" if value else "unknown")
    return {"value": value, "human": f"{format_flop(value)} FLOP" if value else status, "status": status,
            "estimate": bool(fact.get("estimate")), "confidence": fact.get("confidence"),
            "source": fact.get("source"), "note": fact.get("note")}


def lifecycle_status(fact, today):
    """Where a model stands on `today` (an ISO date): retired, deprecated, legacy or active."""
    for key in ("retired", "deprecated", "legacy"):
        if fact.get(key) and fact[key] <= today:
            return key
    return "active"


def _lifecycle_view(fact):
    if not fact:
        return None
    import datetime

    view = {k: fact.get(k) for k in ("legacy", "deprecated", "retired")}
    view["status"] = lifecycle_status(fact, datetime.date.today().isoformat())
    view["source"], view["note"] = fact.get("source"), fact.get("note")
    return view


def _tokens_view(fact):
    return {"value": fact["value"], "source": fact["source"], "note": fact.get("note")} if fact else None


def _context_view(fact):
    if not fact:
        return None
    return {"value": fact["value"], "status": fact.get("status") or "disclosed", "source": fact["source"],
            "note": fact.get("note")}


def _cutoff_view(fact):
    view = _date_view(fact)
    if view is not None:
        view["training_data"] = fact.get("training_data")
    return view


def _date_view(fact, key="value"):
    if not fact or not fact.get(key):
        return None
    date, precision = parse_date(fact[key])
    view = {"date": date, "precision": precision}
    if "event" in fact:
        view["event"] = fact["event"]
    view["source"], view["note"] = fact.get("source"), fact.get("note")
    return view


def _fact(rec, field):
    """The fact a claim on `field` disputes: a concept's `released` claim is about its `date`."""
    fact = rec.get(field)
    if fact is None and field == "released":
        fact = rec.get("date")
    return fact if isinstance(fact, dict) else None


def canonical_text(catalog, rec, field):
    """The canonical value of a field as short text, for disagreement lines and compare rows."""
    if field == "parameters":
        p = rec.get("parameters")
        return _size_view(p)["human"] if p else "unknown"
    if field in ("released", "knowledge_cutoff"):
        f = _fact(rec, field)
        return f["value"] if f and f.get("value") else "unknown"
    if field == "organizations":
        return ", ".join(catalog.name_of(o) for o in rec.get("organizations", []))
    if field == "architecture":
        a = rec.get("architecture")
        return (a["value"] + (" (MoE)" if a.get("moe") else "")) if a else "unknown"
    if field == "modalities":
        m = rec.get("modalities")
        return f"{', '.join(m['input'])} → {', '.join(m['output'])}" if m else "unknown"
    if field == "access":
        a = rec.get("access")
        return ", ".join(a["value"]) if a else "unknown"
    if field in ("context_window", "max_output_tokens", "training_tokens"):
        f = rec.get(field)
        if f and f.get("status") == "undisclosed":
            return "undisclosed"
        if not f or not f.get("value"):
            return "unknown"
        return format_size(f["value"]) if field == "training_tokens" else f"{f['value']:,}"
    if field == "training_compute":
        view = _compute_view(rec.get(field))
        return view["human"] + (" (estimate)" if view["estimate"] and view["value"] else "")
    value = rec.get(field)
    return str(value) if value else "unknown"


def _claim_text(claim):
    value = claim["value"]
    if claim["field"] == "parameters":
        rng = parse_size_range(value)
        if rng:
            return format_size_range(*rng)
    if claim["field"] == "training_compute":
        flop = parse_flop(value)
        if flop:
            return f"{format_flop(flop)} FLOP"
    return value


def disagreements(catalog, rec):
    out = []
    for claim in rec.get("claims", []):
        field = claim["field"]
        fact = _fact(rec, field)
        out.append({
            "field": field,
            "claimed": _claim_text(claim),
            "estimate": claim["estimate"],
            "source": claim["source"],
            "source_short": source_view(catalog, claim["source"]).get("short"),
            "where": claim.get("where"),
            "note": claim.get("note"),
            "canonical": canonical_text(catalog, rec, field),
            "canonical_source": fact.get("source") if fact else (rec["sources"][0] if rec.get("sources") else None),
        })
    return out


def all_source_ids(rec):
    ids = list(rec.get("sources", []))
    for field in FACT_FIELDS + ("date", "period"):
        fact = rec.get(field)
        if isinstance(fact, dict) and fact.get("source") and fact["source"] not in ids:
            ids.append(fact["source"])
    for claim in rec.get("claims", []):
        if claim["source"] not in ids:
            ids.append(claim["source"])
    return ids


def organization_summary(catalog, oid):
    o = catalog.get(oid)
    return {"id": oid, "name": o["name"], "name_zh": o.get("name_zh"), "country": o["country"],
            "country_name": o.get("country_name")}


def model_view(catalog, rec):
    arch = rec.get("architecture")
    mods = rec.get("modalities")
    access = rec.get("access")
    api = rec.get("api_ids")
    return {
        "id": rec["id"],
        "type": "model",
        "kind": rec["kind"],
        "name": rec["name"],
        "name_zh": rec.get("name_zh"),
        "aliases": rec.get("aliases", []),
        "family": rec.get("family"),
        "organizations": [organization_summary(catalog, o) for o in rec["organizations"]],
        "released": _date_view(rec.get("released")),
        "parameters": _size_view(rec.get("parameters")) or dict(UNKNOWN_SIZE, active=None, active_human=None,
                                                                 sizes=[], sizes_human=[]),
        "training_tokens": _size_view(rec.get("training_tokens")),
        "training_compute": _compute_view(rec.get("training_compute")),
        "context_window": _context_view(rec.get("context_window")),
        "max_output_tokens": _tokens_view(rec.get("max_output_tokens")),
        "knowledge_cutoff": _cutoff_view(rec.get("knowledge_cutoff")),
        "api_ids": {"ids": api["value"], "source": api["source"], "note": api.get("note")} if api else None,
        "lifecycle": _lifecycle_view(rec.get("lifecycle")),
        "architecture": {"type": arch["value"], "moe": arch.get("moe", False), "source": arch["source"],
                         "note": arch.get("note")} if arch else None,
        "modalities": {"input": mods["input"], "output": mods["output"], "source": mods["source"],
                       "note": mods.get("note")} if mods else None,
        "access": {"types": access["value"], "license": access.get("license"), "source": access["source"],
                   "note": access.get("note")} if access else None,
        "predecessor": _ref(catalog, rec["predecessor"]) if rec.get("predecessor") else None,
        "successors": [_ref(catalog, r) for r in rec.get("successors", [])],
        "based_on": [_ref(catalog, r) for r in rec.get("based_on", [])],
        "concepts": [_ref(catalog, r) for r in rec.get("concepts", [])],
        "introduced": rec.get("introduced", []),
        "description": rec.get("description"),
        "description_zh": rec.get("description_zh"),
        "disagreements": disagreements(catalog, rec),
        "sources": [source_view(catalog, s) for s in all_source_ids(rec)],
        "origin": rec.get("origin"),
    }


def organization_view(catalog, rec):
    return {
        "id": rec["id"],
        "type": "organization",
        "kind": rec["kind"],
        "name": rec["name"],
        "name_zh": rec.get("name_zh"),
        "aliases": rec.get("aliases", []),
        "country": rec["country"],
        "country_name": rec.get("country_name"),
        "parent": _ref(catalog, rec["parent"]) if rec.get("parent") else None,
        "url": rec.get("url"),
        "description": rec.get("description"),
        "description_zh": rec.get("description_zh"),
        "disagreements": disagreements(catalog, rec),
        "models": [_ref(catalog, m) for m in rec.get("models", [])],
        "sources": [source_view(catalog, s) for s in all_source_ids(rec)],
        "origin": rec.get("origin"),
    }


def concept_view(catalog, rec):
    period = rec.get("period")
    return {
        "id": rec["id"],
        "type": "concept",
        "kind": rec["kind"],
        "name": rec["name"],
        "name_zh": rec.get("name_zh"),
        "aliases": rec.get("aliases", []),
        "date": _date_view(rec.get("date")),
        "period": dict(period) if period else None,
        "parent": _ref(catalog, rec["parent"]) if rec.get("parent") else None,
        "predecessor": _ref(catalog, rec["predecessor"]) if rec.get("predecessor") else None,
        "successors": [_ref(catalog, r) for r in rec.get("successors", [])],
        "related": [_ref(catalog, r) for r in rec.get("related", [])],
        "description": rec.get("description"),
        "description_zh": rec.get("description_zh"),
        "disagreements": disagreements(catalog, rec),
        "sources": [source_view(catalog, s) for s in all_source_ids(rec)],
        "origin": rec.get("origin"),
    }


def source_record_view(catalog, rec):
    view = source_view(catalog, rec["id"])
    view["type"] = "source"
    view["link"] = link_of(view)
    return view


def record_view(catalog, rec):
    return {"model": model_view, "organization": organization_view, "concept": concept_view,
            "source": source_record_view}[rec["type"]](catalog, rec)
