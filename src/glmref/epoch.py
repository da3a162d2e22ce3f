"""Epoch AI's "Notable AI Models" CSV (CC BY 4.0) as a data source.

A downloaded CSV given like any user data file is mapped onto glmref's records: each row becomes a model
cited to Epoch, unless glmref already has that model, in which case glmref's record stays canonical and
Epoch's differing values are attached to it as claims. Only the columns below are read."""

import csv
import io
import re

from glmref.names import normalize
from glmref.schema import Problem
from glmref.values import parse_date

SOURCE_ID = "epoch-ai-notable-models"
REQUIRED = ("Model", "Organization", "Publication date")
COUNTRIES = {
    "united states of america": "US", "united states": "US", "usa": "US", "china": "CN",
    "united kingdom of great britain and northern ireland": "GB", "united kingdom": "GB", "germany": "DE",
    "france": "FR", "canada": "CA", "japan": "JP", "korea (republic of)": "KR", "republic of korea": "KR",
    "south korea": "KR", "israel": "IL", "united arab emirates": "AE", "singapore": "SG", "india": "IN",
    "switzerland": "CH", "netherlands": "NL", "multinational": "INTL",
}


def _slug(text):
    return re.sub(r"[^a-z0-9.]+", "-", normalize_spaces(text).lower()).strip("-.") or "unnamed"


def normalize_spaces(text):
    return " ".join(str(text).split())


def _access(text):
    t = (text or "").lower()
    if t.startswith("open weights"):
        return ["open-weights"] if "unrestricted" in t else ["restricted-weights"]
    if t.startswith("api"):
        return ["api"]
    if t.startswith("hosted"):
        return ["product"]
    if t.startswith("unreleased"):
        return ["closed"]
    return []


def _number(text):
    try:
        value = float(str(text).replace(",", ""))
    except ValueError:
        return None
    return int(value) if value > 0 and value == value and value != float("inf") else None


def read_rows(path, data):
    """The CSV's rows as dicts with their row numbers; (rows, problems)."""
    problems = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        return [], [Problem(path, data[: e.start].count(b"\n") + 1, 1, None, None, "not valid UTF-8")]
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
    if missing:
        return [], [Problem(path, 1, 1, None, None,
                            f"not an Epoch AI models CSV: no column {', '.join(repr(m) for m in missing)}")]
    rows = []
    try:
        for row in reader:
            rows.append((reader.line_num, row))
    except csv.Error as e:
        problems.append(Problem(path, reader.line_num, 1, None, None, f"not valid CSV: {e}"))
    return rows, problems


def source_record(rows):
    modified = sorted(r.get("Last modified", "")[:10] for _, r in rows if parse_date(r.get("Last modified", "")[:10]))
    return {"id": SOURCE_ID, "type": "source", "short": "Epoch AI", "name": "Epoch AI",
            "title": "Notable AI Models (dataset, CC BY 4.0)", "title_en": None, "kind": "website",
            "date": modified[-1] if modified else "2025", "authors": [], "publisher": "Epoch AI",
            "url": "https://epoch.ai/data/notable-ai-models", "arxiv": None, "doi": None, "citation": None,
            "claims": []}


def row_model(row):
    """One row as the fields glmref compares and stores (names, not ids, for organizations)."""
    date = (row.get("Publication date") or "").strip()[:10]
    orgs = [normalize_spaces(o) for o in (row.get("Organization") or "").split(",") if o.strip()]
    countries = [COUNTRIES.get(c.strip().lower(), None) for c in (row.get("Country (of organization)") or "").split(",")]
    return {
        "name": normalize_spaces(row.get("Model") or ""),
        "date": date if parse_date(date) else None,
        "parameters": _number(row.get("Parameters")),
        "organizations": orgs,
        "countries": [c for c in countries if c],
        "access": _access(row.get("Model accessibility")),
        "domain": row.get("Domain") or "",
        "task": row.get("Task") or "",
        "tokens": _number(row.get("Training dataset size (total)") or row.get("Training dataset size (datapoints)")),
        "link": (row.get("Link") or "").strip(),
    }


_SIZE_WORD = re.compile(r"\s+\d+(?:\.\d+)?\s*[KMBT]$", re.IGNORECASE)


def name_keys(name):
    """Normalized forms under which a row may name a model glmref has: Epoch writes sizes and variants into
    names ("GPT-3 175B (davinci)"), so the name without its bracket and without a trailing size is tried too."""
    keys = [normalize(name)]
    bare = re.sub(r"\s*\([^)]*\)", "", name).strip()
    for candidate in (bare, _SIZE_WORD.sub("", bare)):
        key = normalize(candidate)
        if key and key not in keys:
            keys.append(key)
    return keys
