"""Outside catalogs read as data: Epoch AI's Notable AI Models CSV, models.dev's api.json and OpenRouter's
model list. Each importer module has the same small interface:

    FORMAT       a name for messages ("Epoch AI CSV")
    SOURCE_ID    the id of the source record its rows are cited to
    source_record(models) -> the source record (a dict as the index stores it)
    read(path, data) -> (models, problems): one dict per model (keys below), and Problem lines
    match(name, table, get, model) -> (record id or None, variant): which glmref model a row is

A model dict has: name, where (row 12, provider/model id), line, ids (other names it goes by), date,
date_event, date_note, parameters, organizations (names), countries, access, license, context, max_output,
knowledge, inputs, outputs, domain, task, tokens, link. Absent facts are None (lists empty).
The format is recognised from the content, never from the name alone."""

import json

from glmref.i18n import _
from glmref.names import normalize
from glmref.schema import Problem

ACCEPTED = "Epoch AI's Notable AI Models CSV, models.dev's api.json, or OpenRouter's /api/v1/models JSON"
MODALITIES = {"text": "text", "image": "image", "audio": "audio", "video": "video", "embeddings": "embedding",
              "embedding": "embedding"}  # pdf and file inputs are documents read as text and images


def slug(text):
    """An id part from a name: "GPT-3 175B (davinci)" -> "gpt-3-175b-davinci"."""
    import re

    return re.sub(r"[^a-z0-9.]+", "-", " ".join(str(text).split()).lower()).strip("-.") or "unnamed"


def empty_model(name, where, line):
    return {"name": name, "where": where, "line": line, "ids": [], "date": None, "date_event": "api",
            "date_note": None, "parameters": None, "organizations": [], "countries": [], "access": [],
            "license": None, "context": None, "max_output": None, "knowledge": None, "inputs": [], "outputs": [],
            "domain": "", "task": "", "tokens": None, "link": ""}


def modalities(values):
    out = []
    for v in values or []:
        m = MODALITIES.get(str(v).lower())
        if m and m not in out:
            out.append(m)
    return out


def positive_int(value):
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
        return None
    return int(value) if 0 < value < 10**16 else None


def load_json(path, data):
    """(document, problems) for a JSON file."""
    try:
        return json.loads(data.decode("utf-8-sig")), []
    except UnicodeDecodeError:
        return None, [Problem(path, 1, 1, None, None, _("not valid UTF-8"))]
    except (ValueError, RecursionError) as e:
        line = getattr(e, "lineno", 1)
        return None, [Problem(path, line, 1, None, None, _("not valid JSON: {reason}").format(
            reason=getattr(e, 'msg', 'too deeply nested')))]


def importer_for(path, data):
    """(importer module, parsed document or None, problems) for an outside file, recognised by content."""
    from glmref.importers import epoch, modelsdev, openrouter

    if path.lower().endswith(".csv"):
        return epoch, None, []
    document, problems = load_json(path, data)
    if problems:
        return None, None, problems
    for module in (openrouter, modelsdev):
        if module.recognises(document):
            return module, document, []
    return None, None, [Problem(path, 1, 1, None, None, _("not a catalog glmref reads; accepted: {formats}").format(
        formats=ACCEPTED))]


def read(path, data):
    """(importer, models, problems) for an outside file."""
    module, document, problems = importer_for(path, data)
    if module is None:
        return None, [], problems
    models, found = module.read(path, data if document is None else document)
    return module, models, problems + found


def default_match(name, table, get, model):
    """Exact matching on the row's name and every id it goes by (with and without a provider prefix)."""
    for candidate in [name] + model.get("ids", []):
        for form in (candidate, candidate.rsplit("/", 1)[-1]):
            rid = table.get(normalize(form))
            if rid:
                return rid, False
    return None, False
