"""CSV and JSON Lines: the views flattened to one row per item, for csv readers, pandas and jq."""

import csv
import json
import sys

from glmref.render.console import ascii_only

MODEL_COLUMNS = (
    "id", "name", "name_zh", "kind", "family", "organizations", "countries", "released", "released_precision",
    "released_event", "parameters", "parameters_human", "parameters_status", "active_parameters", "training_tokens",
    "training_tokens_status", "training_compute", "training_compute_status", "training_compute_estimate",
    "context_window", "context_window_status", "max_output_tokens", "knowledge_cutoff", "training_data_cutoff",
    "architecture", "moe", "input_modalities", "output_modalities", "access", "license", "api_ids",
    "lifecycle_status", "deprecated", "retired", "predecessor", "disputed_fields", "primary_source",
)


def model_row(view):
    """One model view as a flat row of text and numbers (lists joined with ';')."""
    released = view["released"] or {}
    params = view["parameters"] or {}
    arch = view["architecture"] or {}
    mods = view["modalities"] or {}
    access = view["access"] or {}
    compute = view.get("training_compute") or {}
    life = view.get("lifecycle") or {}
    return {
        "id": view["id"], "name": view["name"], "name_zh": view["name_zh"], "kind": view["kind"],
        "family": view["family"],
        "organizations": ";".join(o["name"] for o in view["organizations"]),
        "countries": ";".join(sorted({o["country"] for o in view["organizations"]})),
        "released": released.get("date"), "released_precision": released.get("precision"),
        "released_event": released.get("event"),
        "parameters": params.get("value"), "parameters_human": params.get("human"),
        "parameters_status": params.get("status", "unknown"),
        "active_parameters": params.get("active"),
        "training_tokens": (view["training_tokens"] or {}).get("value"),
        "training_tokens_status": (view["training_tokens"] or {}).get("status", "unknown"),
        "training_compute": compute.get("value"), "training_compute_status": compute.get("status", "unknown"),
        "training_compute_estimate": compute.get("estimate") if compute.get("value") else None,
        "context_window": (view["context_window"] or {}).get("value"),
        "context_window_status": (view["context_window"] or {}).get("status", "unknown"),
        "max_output_tokens": (view.get("max_output_tokens") or {}).get("value"),
        "knowledge_cutoff": (view["knowledge_cutoff"] or {}).get("date"),
        "training_data_cutoff": (view["knowledge_cutoff"] or {}).get("training_data"),
        "api_ids": ";".join((view.get("api_ids") or {}).get("ids", [])),
        "lifecycle_status": life.get("status"), "deprecated": life.get("deprecated"), "retired": life.get("retired"),
        "architecture": arch.get("type"), "moe": arch.get("moe"),
        "input_modalities": ";".join(mods.get("input", [])), "output_modalities": ";".join(mods.get("output", [])),
        "access": ";".join(access.get("types", [])), "license": access.get("license"),
        "predecessor": (view["predecessor"] or {}).get("id"),
        "disputed_fields": ";".join(sorted({d["field"] for d in view["disagreements"] if not d["estimate"]})),
        "primary_source": view["sources"][0]["id"] if view["sources"] else None,
    }


def search_row(hit):
    first = hit["matched"][0] if hit["matched"] else {}
    return {"id": hit["id"], "type": hit["type"], "name": hit["name"], "name_zh": hit.get("name_zh"),
            "kind": hit.get("kind"), "score": hit["score"], "matched_field": first.get("field"),
            "matched_text": first.get("text")}


SEARCH_COLUMNS = ("id", "type", "name", "name_zh", "kind", "score", "matched_field", "matched_text")
EVENT_COLUMNS = ("date", "id", "type", "name", "name_zh", "event", "kind", "organizations", "parameters")


def event_row(event):
    row = dict(event)
    row["organizations"] = ";".join(event["organizations"])
    return row


def emit_csv(rows, columns):
    writer = csv.DictWriter(sys.stdout, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    from glmref.safe import csv_cell

    for row in rows:
        writer.writerow({k: ("" if v is None else csv_cell(v)) for k, v in row.items()})


def emit_jsonl(items):
    ascii_out = ascii_only(sys.stdout)
    for item in items:
        sys.stdout.write(json.dumps(item, ensure_ascii=ascii_out) + "\n")
