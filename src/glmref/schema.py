"""The data schema (version 1, documented in docs/data-format.md): checks one parsed data file and turns its
records into the plain dicts the catalog stores. Every problem is collected, none stops the check, and each
names its file, line, column, record id and field."""

import re

from glmref.cjk import unfold_cjk
from glmref.i18n import _
from glmref.safe import has_control
from glmref.values import FACT_FIELDS, SPECIAL_SIZES, parse_date, parse_flop, parse_size, parse_size_range  # noqa: F401
from glmref.yamlread import Map, Seq

SCHEMA_VERSION = 1
LISTS = {"sources": "source", "organizations": "organization", "models": "model", "concepts": "concept"}

ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
SOURCE_KINDS = ("paper", "preprint", "technical-report", "announcement", "model-card", "documentation",
                "website", "news", "survey", "blog", "slides")
ORG_KINDS = ("company", "lab", "university", "research-institute", "nonprofit", "collaboration", "government")
COUNTRIES = {
    "US": "United States", "CN": "China", "GB": "United Kingdom", "DE": "Germany", "FR": "France",
    "AE": "United Arab Emirates", "CA": "Canada", "JP": "Japan", "KR": "South Korea", "IL": "Israel",
    "SG": "Singapore", "IN": "India", "CH": "Switzerland", "NL": "Netherlands", "SA": "Saudi Arabia",
    "ES": "Spain", "PT": "Portugal", "IT": "Italy", "SE": "Sweden", "FI": "Finland", "AU": "Australia",
    "TW": "Taiwan", "HK": "Hong Kong", "RU": "Russia", "BR": "Brazil", "BE": "Belgium", "AT": "Austria",
    "PL": "Poland", "IE": "Ireland", "DK": "Denmark", "NO": "Norway", "VN": "Vietnam", "ID": "Indonesia",
    "TH": "Thailand", "MY": "Malaysia", "QA": "Qatar", "INTL": "International",
    "ZZ": "unknown country",
}
MODEL_KINDS = ("model", "model-family", "product", "system", "toolkit", "hardware")
CONCEPT_KINDS = ("architecture", "mechanism", "technique", "paradigm", "language-model", "era", "challenge",
                 "direction")
DATE_EVENTS = ("announcement", "paper", "preprint", "release", "open-weights", "api", "demo")
ARCHITECTURES = ("decoder-only", "encoder-only", "encoder-decoder", "dual-encoder", "diffusion", "lstm", "rnn",
                 "feed-forward", "n-gram", "hybrid", "other", "undisclosed")
MODALITIES = ("text", "code", "image", "audio", "video", "3d", "signal", "action", "embedding")
ACCESS = ("open-weights", "restricted-weights", "api", "product", "closed")
CLAIM_FIELDS = ("parameters", "released", "organizations", "architecture", "modalities", "access",
                "context_window", "max_output_tokens", "training_tokens", "training_compute", "knowledge_cutoff",
                "kind", "name", "description")
ORG_CLAIM_FIELDS = ("name", "country", "kind", "parent", "description")
MAX_SIZE = 10**16  # parameters or tokens above this are a typo, not a model (the largest known are ~10^13)
COMPUTE_CONFIDENCE = ("Confident", "Likely", "Speculative")
_API_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:/@+-]*$")

LATEST_YEAR_AHEAD = 1  # a date more than this many years past today is taken for a typo


class Problem:
    __slots__ = ("file", "line", "column", "record", "field", "message")

    def __init__(self, file, line, column, record, field, message):
        self.file, self.line, self.column = file, line, column
        self.record, self.field, self.message = record, field, message

    def __str__(self):
        from glmref.safe import message

        text = f"{self.file}:{self.line}:{self.column}: {self.record or '-'}: {self.field or '-'}: {self.message}"
        return message(text)  # one problem, one line, nothing obeyed


class _Check:
    """Collects problems for one file."""

    def __init__(self, file):
        self.file = file
        self.problems = []
        self.record = None

    def fail(self, at, field, message):
        line, column = at if at else (1, 1)
        self.problems.append(Problem(self.file, line, column, self.record, field, message))


def _pos(container, key):
    try:
        return container.pos[key]
    except (AttributeError, KeyError, IndexError, TypeError):
        return getattr(container, "at", (1, 1))


def _text(ck, m, key, required=False, limit=4000):
    if key not in m or m[key] is None:
        if required:
            ck.fail(getattr(m, "at", None), key, _("is required"))
        return None
    value = m[key]
    if isinstance(value, bool) or isinstance(value, (Map, Seq)):
        ck.fail(_pos(m, key), key, _("must be text, not {type}").format(type=_type_name(value)))
        return None
    value = str(value)
    if not value.strip():
        ck.fail(_pos(m, key), key, _("must not be empty"))
        return None
    if len(value) > limit:
        ck.fail(_pos(m, key), key, _("is longer than {limit} characters").format(limit=limit))
        return None
    return value


def _chinese_text(ck, m, key):
    """Chinese prose as written: a folded block (`>-`) turns each line break into a space, which Chinese does
    not use, so the spaces a break left between Chinese characters are dropped here, once, for every output."""
    value = _text(ck, m, key)
    return unfold_cjk(value) if value else value


def _type_name(value):
    if isinstance(value, Map):
        return _("a mapping")
    if isinstance(value, Seq):
        return _("a list")
    if isinstance(value, bool):
        return _("true/false")
    if value is None:
        return _("empty")
    return _("a number") if isinstance(value, (int, float)) else _("text")


def _choice(ck, m, key, choices, required=False):
    value = _text(ck, m, key, required)
    if value is not None and value not in choices:
        ck.fail(_pos(m, key), key, _("{value!r} is not one of: {choices}").format(
            value=value, choices=', '.join(choices)))
        return None
    return value


def _id_ref(ck, m, key, required=False):
    value = _text(ck, m, key, required)
    if value is not None and not ID.match(value):
        ck.fail(_pos(m, key), key, _("{value!r} is not an id (lowercase letters, digits, '.', '_', '-')").format(
            value=value))
        return None
    return value


def _text_list(ck, m, key, required=False, ids=False, choices=None):
    if key not in m or m[key] is None:
        if required:
            ck.fail(getattr(m, "at", None), key, _("is required"))
        return []
    value = m[key]
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        value = Seq([value])
        value.pos = [_pos(m, key)]
    if not isinstance(value, Seq):
        ck.fail(_pos(m, key), key, _("must be a list, not {type}").format(type=_type_name(value)))
        return []
    out = []
    for i, item in enumerate(value):
        at = value.pos[i]
        if isinstance(item, (Map, Seq, bool)) or item is None:
            ck.fail(at, key, _("item {n} must be text, not {type}").format(n=i + 1, type=_type_name(item)))
            continue
        item = str(item)
        if ids and not ID.match(item):
            ck.fail(at, key, _("{item!r} is not an id").format(item=item))
            continue
        if choices and item not in choices:
            ck.fail(at, key, _("{item!r} is not one of: {choices}").format(item=item, choices=', '.join(choices)))
            continue
        if item in out:
            ck.fail(at, key, _("{item!r} is listed twice").format(item=item))
            continue
        out.append(item)
    if required and not out and not any(p.field == key for p in ck.problems):
        ck.fail(_pos(m, key), key, _("must list at least one"))
    return out


def _date(ck, m, key, field=None, required=False, today_year=None):
    raw = m.get(key)
    if raw is None:
        if required:
            ck.fail(getattr(m, "at", None), field or key, _("is required"))
        return None
    parsed = parse_date(raw)
    if parsed is None:
        ck.fail(_pos(m, key), field or key, _("{raw!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)").format(raw=raw))
        return None
    text, _precision = parsed
    if today_year is not None and int(text[:4]) > today_year + LATEST_YEAR_AHEAD:
        ck.fail(_pos(m, key), field or key, _("{text} is in the future").format(text=text))
        return None
    if int(text[:4]) < 1900:
        ck.fail(_pos(m, key), field or key, _("{text} is implausibly early").format(text=text))
        return None
    return text


def _unknown_fields(ck, m, allowed, where):
    for key in m:
        if key not in allowed:
            hint = _close(key, allowed)
            ck.fail(_pos(m, key), key, _("unknown field in {where}").format(where=where)
                    + (_(" (did you mean {hint!r}?)").format(
                hint=hint) if hint else ""))


def _close(word, choices):
    import difflib

    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.75)
    return found[0] if found else None


def _fact(ck, rec, key, extra, value_check):
    """A fact field: a mapping with value, source and note, plus `extra` fields checked by value_check."""
    if key not in rec or rec[key] is None:
        return None
    m = rec[key]
    if not isinstance(m, Map):
        ck.fail(_pos(rec, key), key, _("must be a mapping with value and source, not {type}").format(
            type=_type_name(m)))
        return None
    _unknown_fields(ck, m, ("value", "source", "note") + extra, key)
    out = {"source": _id_ref(ck, m, "source", required=True), "note": _text(ck, m, "note")}
    value_check(m, out)
    return out


def check_file(path, document, today_year):
    """Check one parsed data file. Returns (records, problems); records are (type, dict, position)."""
    ck = _Check(path)
    records = []
    if not isinstance(document, Map):
        ck.fail(getattr(document, "at", None), None, _("a data file must be a mapping with 'schema' and record lists"))
        return records, ck.problems
    _unknown_fields(ck, document, ("schema",) + tuple(LISTS), "the file")
    schema = document.get("schema")
    if schema is None:
        ck.fail(document.at, "schema", _("is required (schema: {version})").format(version=SCHEMA_VERSION))
    elif schema != SCHEMA_VERSION:
        ck.fail(_pos(document, "schema"), "schema",
                _("version {schema!r} is not supported (this glmref reads {version})").format(
            schema=schema, version=SCHEMA_VERSION))
    for list_name, record_type in LISTS.items():
        items = document.get(list_name)
        if items is None:
            continue
        if not isinstance(items, Seq):
            ck.fail(_pos(document, list_name), list_name, _("must be a list of records, not {type}").format(
                type=_type_name(items)))
            continue
        for i, item in enumerate(items):
            at = items.pos[i]
            ck.record = None
            if not isinstance(item, Map):
                ck.fail(at, list_name, _("item {n} must be a mapping, not {type}").format(
                    n=i + 1, type=_type_name(item)))
                continue
            raw_id = item.get("id")
            ck.record = str(raw_id) if raw_id is not None and not isinstance(raw_id, (Map, Seq)) else f"{list_name}[{i + 1}]"
            rec = _CHECKERS[record_type](ck, item, today_year)
            if rec is not None:
                rec["type"] = record_type
                rec["_pos"] = dict(item.pos)
                records.append((record_type, rec, item.at))
    return records, ck.problems


def _common(ck, item, allowed):
    _unknown_fields(ck, item, allowed, "this record")
    rec = {"id": _id_ref(ck, item, "id", required=True), "name": _text(ck, item, "name", required=True, limit=200)}
    return rec


def _names(ck, item, rec):
    rec["name_zh"] = _text(ck, item, "name_zh", limit=200)
    rec["aliases"] = _text_list(ck, item, "aliases")


def _check_source(ck, item, today_year):
    _unknown_fields(ck, item, ("id", "short", "title", "title_en", "kind", "date", "authors", "publisher", "url",
                               "arxiv", "doi", "citation"), "this source")
    rec = {"id": _id_ref(ck, item, "id", required=True)}
    rec["short"] = _text(ck, item, "short", required=True, limit=200)
    rec["name"] = rec["short"]
    rec["title"] = _text(ck, item, "title", required=True, limit=1000)
    rec["title_en"] = _text(ck, item, "title_en", limit=1000)
    rec["kind"] = _choice(ck, item, "kind", SOURCE_KINDS, required=True)
    rec["date"] = _date(ck, item, "date", required=True, today_year=today_year)
    rec["authors"] = _text_list(ck, item, "authors")
    rec["publisher"] = _text(ck, item, "publisher", limit=500)
    for key in ("url", "arxiv", "doi", "citation"):
        rec[key] = _text(ck, item, key, limit=2000)
    if rec["url"] and (not re.match(r"^https?://\S+$", rec["url"]) or has_control(rec["url"])):
        ck.fail(_pos(item, "url"), "url", _("must be an http(s) address without spaces or control characters"))
    if rec["arxiv"] and not re.match(r"^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?/\d{7})(v\d+)?$", rec["arxiv"]):
        ck.fail(_pos(item, "arxiv"), "arxiv", _("{value!r} is not a bare arXiv id like 2005.14165").format(
            value=rec['arxiv']))
    if rec["doi"] and not re.match(r"^10\.\d{4,9}/\S+$", rec["doi"]):
        ck.fail(_pos(item, "doi"), "doi", _("{value!r} is not a bare DOI like 10.1000/xyz").format(value=rec['doi']))
    if not any(rec[k] for k in ("url", "arxiv", "doi", "citation")) and not any(
        p.field in ("url", "arxiv", "doi", "citation") for p in ck.problems
    ):
        ck.fail(item.at, "url", _("a source needs at least one of url, arxiv, doi or citation"))
    return rec


def _check_organization(ck, item, today_year):
    rec = _common(ck, item, ("id", "name", "name_zh", "aliases", "country", "kind", "parent", "url",
                             "description", "description_zh", "sources", "claims"))
    _names(ck, item, rec)
    rec["country"] = _choice(ck, item, "country", tuple(COUNTRIES), required=True)
    rec["kind"] = _choice(ck, item, "kind", ORG_KINDS, required=True)
    rec["parent"] = _id_ref(ck, item, "parent")
    rec["url"] = _text(ck, item, "url", limit=2000)
    rec["description"] = _text(ck, item, "description")
    rec["description_zh"] = _chinese_text(ck, item, "description_zh")
    rec["sources"] = _text_list(ck, item, "sources", required=True, ids=True)
    _claims(ck, item, rec, ORG_CLAIM_FIELDS)
    return rec


def _claims(ck, item, rec, fields=CLAIM_FIELDS):
    rec["claims"] = []
    raw = item.get("claims")
    if raw is None:
        return
    if not isinstance(raw, Seq):
        ck.fail(_pos(item, "claims"), "claims", _("must be a list, not {type}").format(type=_type_name(raw)))
        return
    for i, c in enumerate(raw):
        if not isinstance(c, Map):
            ck.fail(raw.pos[i], "claims", _("item {n} must be a mapping").format(n=i + 1))
            continue
        _unknown_fields(ck, c, ("field", "value", "source", "where", "estimate", "note"), "a claim")
        claim = {
            "field": _choice(ck, c, "field", fields, required=True),
            "value": _text(ck, c, "value", required=True, limit=500),
            "source": _id_ref(ck, c, "source", required=True),
            "where": _text(ck, c, "where", limit=200),
            "note": _text(ck, c, "note"),
            "estimate": c.get("estimate", False),
            "at": c.at,
        }
        if not isinstance(claim["estimate"], bool):
            ck.fail(_pos(c, "estimate"), "claims.estimate", _("must be true or false"))
            claim["estimate"] = False
        if claim["field"] == "parameters" and claim["value"] is not None and parse_size_range(claim["value"]) is None:
            ck.fail(_pos(c, "value"), "claims.value", _("{value!r} is not a size or range like 1.5B or 1T-1.8T").format(
                value=claim['value']))
        if claim["field"] == "training_compute" and claim["value"] is not None and parse_flop(claim["value"]) is None:
            ck.fail(_pos(c, "value"), "claims.value", _("{value!r} is not a FLOP count like 3.14e23").format(
                value=claim['value']))
        if claim["field"] in ("released", "knowledge_cutoff") and claim["value"] is not None and parse_date(claim["value"]) is None:
            ck.fail(_pos(c, "value"), "claims.value", _("{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)").format(
                value=claim['value']))
        rec["claims"].append(claim)


def _size_value(ck, m, key, field, allow_special=True):
    raw = m.get(key)
    if raw is None:
        return None, None
    if allow_special and raw in SPECIAL_SIZES:
        return None, raw
    n = parse_size(raw)
    if n is None:
        what = (_("a size like 175B or 1.6T (or undisclosed / unknown)") if allow_special
                else _("a size like 175B or 1.6T"))
        ck.fail(_pos(m, key), field, _("{raw!r} is not {what}").format(raw=raw, what=what))
        return None, None
    if n == 0:
        ck.fail(_pos(m, key), field, _("must be more than zero"))
        return None, None
    if n > MAX_SIZE:
        ck.fail(_pos(m, key), field, _("{raw!r} is implausibly large (more than 10^16)").format(raw=raw))
        return None, None
    return n, "disclosed"




def _tokens_count(ck, m, field):
    raw = m.get("value")
    n = parse_size(raw)
    if n is None or n == 0 or isinstance(raw, float):
        ck.fail(_pos(m, "value"), field, _("{raw!r} is not a number of tokens").format(raw=raw))
        return None
    if n > MAX_SIZE:
        ck.fail(_pos(m, "value"), field, _("{raw!r} is implausibly large (more than 10^16)").format(raw=raw))
        return None
    return n


def _check_model(ck, item, today_year):
    rec = _common(ck, item, ("id", "name", "name_zh", "aliases", "kind", "family", "organizations", "released",
                             "parameters", "training_tokens", "training_compute", "context_window",
                             "max_output_tokens", "knowledge_cutoff", "architecture", "modalities", "access",
                             "api_ids", "lifecycle", "predecessor", "based_on", "concepts", "introduced",
                             "description", "description_zh", "sources", "claims"))
    _names(ck, item, rec)
    rec["kind"] = _choice(ck, item, "kind", MODEL_KINDS, required=True)
    rec["family"] = _id_ref(ck, item, "family")
    rec["organizations"] = _text_list(ck, item, "organizations", required=True, ids=True)

    def released(m, out):
        out["value"] = _date(ck, m, "value", "released", required=True, today_year=today_year)
        out["event"] = _choice(ck, m, "event", DATE_EVENTS, required=True)

    rec["released"] = _fact(ck, item, "released", ("event",), released)

    def parameters(m, out):
        if "value" not in m:
            ck.fail(m.at, "parameters", _("value is required"))
        out["value"], out["status"] = _size_value(ck, m, "value", "parameters")
        out["active"], _status = _size_value(ck, m, "active", "parameters.active", allow_special=False)
        sizes = _text_list(ck, m, "sizes")
        out["sizes"] = []
        for s in sizes:
            n = parse_size(s)
            if n is None or n == 0:
                ck.fail(_pos(m, "sizes"), "parameters.sizes", _("{s!r} is not a size").format(s=s))
            else:
                out["sizes"].append(n)
        if out["active"] and out["value"] and out["active"] > out["value"]:
            ck.fail(_pos(m, "active"), "parameters.active", _("is larger than the total"))
        if out["sizes"] and out["value"] and max(out["sizes"]) != out["value"]:
            ck.fail(_pos(m, "sizes"), "parameters.sizes", _("the largest size must equal value"))

    rec["parameters"] = _fact(ck, item, "parameters", ("active", "sizes"), parameters)

    def tokens(m, out):
        if "value" not in m:
            ck.fail(m.at, "training_tokens", _("value is required"))
        out["value"], out["status"] = _size_value(ck, m, "value", "training_tokens")

    rec["training_tokens"] = _fact(ck, item, "training_tokens", (), tokens)

    def compute(m, out):
        raw = m.get("value")
        out["status"] = None
        if raw in SPECIAL_SIZES:
            out["value"], out["status"] = None, raw
        else:
            out["value"] = parse_flop(raw)
            if out["value"] is None:
                ck.fail(_pos(m, "value"), "training_compute",
                        _("{raw!r} is not a FLOP count like 3.14e23 (10^6 to 10^32), undisclosed or unknown").format(
                            raw=raw))
            else:
                out["status"] = "disclosed"
        out["estimate"] = m.get("estimate", False)
        if not isinstance(out["estimate"], bool):
            ck.fail(_pos(m, "estimate"), "training_compute.estimate", _("must be true or false"))
            out["estimate"] = False
        out["confidence"] = _choice(ck, m, "confidence", COMPUTE_CONFIDENCE)

    rec["training_compute"] = _fact(ck, item, "training_compute", ("estimate", "confidence"), compute)

    def context(m, out):
        # unknown is written only with a note saying why (the data test accepts it as "checked"); undisclosed
        # cites the page that shows the developer withholds it.
        raw = m.get("value")
        if raw in SPECIAL_SIZES:
            out["value"], out["status"] = None, raw
            if raw == "unknown" and not out.get("note"):
                ck.fail(_pos(m, "value"), "context_window", _("unknown needs a note saying why no value is given"))
        else:
            out["value"], out["status"] = _tokens_count(ck, m, "context_window"), "disclosed"

    rec["context_window"] = _fact(ck, item, "context_window", (), context)

    def max_output(m, out):
        out["value"] = _tokens_count(ck, m, "max_output_tokens")

    rec["max_output_tokens"] = _fact(ck, item, "max_output_tokens", (), max_output)

    def cutoff(m, out):
        out["value"] = _date(ck, m, "value", "knowledge_cutoff", required=True, today_year=today_year)
        out["training_data"] = _date(ck, m, "training_data", "knowledge_cutoff.training_data", today_year=today_year)

    rec["knowledge_cutoff"] = _fact(ck, item, "knowledge_cutoff", ("training_data",), cutoff)

    def api_ids(m, out):
        out["value"] = _text_list(ck, m, "value", required=True)
        for i, text in enumerate(out["value"]):
            if len(text) > 200 or not _API_ID.match(text):
                ck.fail(_pos(m, "value"), "api_ids",
                        _("{text!r} is not a model id (letters, digits, . _ : / @ + -)").format(
                    text=text))
        out["value"] = [t for t in out["value"] if len(t) <= 200 and _API_ID.match(t)]

    rec["api_ids"] = _fact(ck, item, "api_ids", (), api_ids)

    def lifecycle(m, out):
        for key in ("legacy", "deprecated", "retired"):
            out[key] = _date(ck, m, key, f"lifecycle.{key}", today_year=today_year)
        if "value" in m:
            ck.fail(_pos(m, "value"), "lifecycle", _("takes legacy, deprecated and retired dates, not value"))
        elif not any(k in m for k in ("legacy", "deprecated", "retired")):
            ck.fail(m.at, "lifecycle", _("needs at least one of legacy, deprecated, retired"))
        if out["deprecated"] and out["retired"] and out["retired"] < out["deprecated"]:
            ck.fail(_pos(m, "retired"), "lifecycle.retired", _("is before the deprecation"))

    rec["lifecycle"] = _fact(ck, item, "lifecycle", ("legacy", "deprecated", "retired"), lifecycle)

    def architecture(m, out):
        out["value"] = _choice(ck, m, "value", ARCHITECTURES, required=True)
        moe = m.get("moe", False)
        if not isinstance(moe, bool):
            ck.fail(_pos(m, "moe"), "architecture.moe", _("must be true or false"))
            moe = False
        out["moe"] = moe

    rec["architecture"] = _fact(ck, item, "architecture", ("moe",), architecture)

    def modalities(m, out):
        out["input"] = _text_list(ck, m, "input", required=True, choices=MODALITIES)
        out["output"] = _text_list(ck, m, "output", required=True, choices=MODALITIES)
        if "value" in m:
            ck.fail(_pos(m, "value"), "modalities", _("takes input and output lists, not value"))

    rec["modalities"] = _fact(ck, item, "modalities", ("input", "output"), modalities)

    def access(m, out):
        out["value"] = _text_list(ck, m, "value", required=True, choices=ACCESS)
        out["license"] = _text(ck, m, "license", limit=300)

    rec["access"] = _fact(ck, item, "access", ("license",), access)
    rec["predecessor"] = _id_ref(ck, item, "predecessor")
    rec["based_on"] = _text_list(ck, item, "based_on", ids=True)
    rec["concepts"] = _text_list(ck, item, "concepts", ids=True)
    rec["introduced"] = _text_list(ck, item, "introduced")
    rec["description"] = _text(ck, item, "description")
    rec["description_zh"] = _chinese_text(ck, item, "description_zh")
    rec["sources"] = _text_list(ck, item, "sources", required=True, ids=True)
    _claims(ck, item, rec)
    return rec


def _check_concept(ck, item, today_year):
    rec = _common(ck, item, ("id", "name", "name_zh", "aliases", "kind", "date", "period", "parent",
                             "predecessor", "related", "description", "description_zh", "sources", "claims"))
    _names(ck, item, rec)
    rec["kind"] = _choice(ck, item, "kind", CONCEPT_KINDS, required=True)

    def date(m, out):
        out["value"] = _date(ck, m, "value", "date", required=True, today_year=today_year)
        out["event"] = _choice(ck, m, "event", DATE_EVENTS, required=True)

    rec["date"] = _fact(ck, item, "date", ("event",), date)
    rec["period"] = None
    if item.get("period") is not None:
        p = item["period"]
        if not isinstance(p, Map):
            ck.fail(_pos(item, "period"), "period", _("must be a mapping with from, to and source"))
        else:
            _unknown_fields(ck, p, ("from", "to", "source", "note"), "period")
            rec["period"] = {
                "from": _date(ck, p, "from", "period.from", required=True, today_year=today_year),
                "to": _date(ck, p, "to", "period.to", today_year=today_year),
                "source": _id_ref(ck, p, "source", required=True),
                "note": _text(ck, p, "note"),
            }
            if rec["period"]["from"] and rec["period"]["to"] and rec["period"]["to"] < rec["period"]["from"]:
                ck.fail(_pos(p, "to"), "period.to", _("ends before it starts"))
    rec["parent"] = _id_ref(ck, item, "parent")
    rec["predecessor"] = _id_ref(ck, item, "predecessor")
    rec["related"] = _text_list(ck, item, "related", ids=True)
    rec["description"] = _text(ck, item, "description")
    rec["description_zh"] = _chinese_text(ck, item, "description_zh")
    rec["sources"] = _text_list(ck, item, "sources", required=True, ids=True)
    _claims(ck, item, rec)
    return rec


_CHECKERS = {"source": _check_source, "organization": _check_organization, "model": _check_model,
             "concept": _check_concept}
