"""Compiling data files into the catalog index: parse and check every file, merge user files over the
packaged ones, check references across files, derive successors, and lay out what the fast paths need
(a name table for exact lookups, completion candidates, a search corpus, each record encoded separately
so a command decodes only the records it shows)."""

import datetime
import marshal

from glmref.errors import DataError
from glmref.i18n import _
from glmref.names import normalize
from glmref.schema import COUNTRIES, FACT_FIELDS, Problem, check_file
from glmref.values import parse_date, parse_size_range
from glmref.yamlread import YamlProblem, read_yaml_bytes



def check_files(files, today_year=None):
    """Parse and check files given as (display path, bytes, is_user). Returns (records, problems).
    Outside catalogs (CSV and JSON files: Epoch AI, models.dev, OpenRouter) are left for merge_external."""
    if today_year is None:
        today_year = datetime.date.today().year
    records, problems = [], []
    for path, data, is_user in files:
        if is_external(path):
            continue
        try:
            document = read_yaml_bytes(data)
        except YamlProblem as e:
            problems.append(Problem(path, e.line, e.column, None, None, e.message))
            continue
        found, file_problems = check_file(path, document, today_year)
        problems.extend(file_problems)
        for record_type, rec, at in found:
            records.append((rec, path, at, is_user))
    return records, problems


def compile_index(files, key, today_year=None):
    """Build the index from files [(display path, bytes, is_user)]. Raises DataError listing every problem."""
    records, problems = check_files(files, today_year)
    by_id, where = {}, {}
    for rec, path, at, is_user in records:
        rid = rec.get("id")
        if not rid:
            continue
        if rid in by_id:
            prev_path, prev_at, prev_user = where[rid]
            if is_user and not prev_user and by_id[rid]["type"] == rec["type"]:
                pass  # a user record overrides the packaged one with the same id
            elif is_user and not prev_user:
                # replacing an organization by a model would break every packaged record that names it
                problems.append(Problem(path, at[0], at[1], rid, "id",
                                        _("id is the packaged {type} {name!r} ({path}); a {kind} cannot replace "
                                          "it: choose another id").format(
                                            type=by_id[rid]["type"], name=by_id[rid]["name"], path=prev_path,
                                            kind=rec["type"])))
                continue
            else:
                problems.append(Problem(path, at[0], at[1], rid, "id",
                                        _("id is already used at {path}:{line}").format(
                                            path=prev_path, line=prev_at[0])))
                continue
        by_id[rid] = rec
        where[rid] = (path, at, is_user)
        rec["origin"] = path if is_user else None
    for path, data, _is_user in files:
        if is_external(path):
            merge_external(by_id, where, path, data, problems)
    problems.extend(_check_references(by_id, where))
    names = _name_table(by_id, where, problems)
    if problems:
        problems.sort(key=lambda p: (p.file, p.line, p.column))
        raise DataError(_("{problems} problem(s) in the data files").format(problems=len(problems)), problems)
    _derive(by_id)
    return _layout(by_id, names, key)


def _fail(problems, where, rid, field, message, at=None):
    path, rec_at, _is_user = where[rid]
    line, column = at or rec_at
    problems.append(Problem(path, line, column, rid, field, message))


def _check_references(by_id, where):
    problems = []

    def expect(rid, field, ref, types, at=None):
        at = at or by_id[rid]["_pos"].get(field.split(".")[0])
        target = by_id.get(ref)
        if target is None:
            _fail(problems, where, rid, field, _("{ref!r} is not a known id").format(ref=ref), at)
        elif target["type"] not in types:
            _fail(problems, where, rid, field, _("{ref!r} is a {type}, not a {types}").format(
                ref=ref, type=target['type'], types=' or '.join(types)), at)

    for rid, rec in by_id.items():
        kind = rec["type"]
        for src in rec.get("sources", []):
            expect(rid, "sources", src, ("source",))
        for field in FACT_FIELDS + ("date", "period"):
            fact = rec.get(field) if kind in ("model", "concept") else None
            if fact and fact.get("source"):
                expect(rid, f"{field}.source", fact["source"], ("source",))
        for claim in rec.get("claims", []):
            if claim["source"]:
                expect(rid, "claims.source", claim["source"], ("source",), claim["at"])
            _check_claim(problems, where, rid, rec, claim)
        if kind == "organization" and rec.get("parent"):
            expect(rid, "parent", rec["parent"], ("organization",))
        if kind == "model":
            for org in rec["organizations"]:
                expect(rid, "organizations", org, ("organization",))
            for field in ("predecessor",):
                if rec.get(field):
                    expect(rid, field, rec[field], ("model",))
            for ref in rec["based_on"]:
                expect(rid, "based_on", ref, ("model",))
            for ref in rec["concepts"]:
                expect(rid, "concepts", ref, ("concept",))
        if kind == "concept":
            for field in ("parent", "predecessor"):
                if rec.get(field):
                    expect(rid, field, rec[field], ("concept",))
            for ref in rec["related"]:
                expect(rid, "related", ref, ("concept", "model", "organization"))
    # a chain of predecessors or parents must end: a loop would make lineage endless
    for field in ("predecessor", "parent"):
        for rid, rec in by_id.items():
            seen, cur = {rid}, rec.get(field)
            while cur and cur in by_id:
                if cur in seen:
                    if cur == rid:
                        _fail(problems, where, rid, field, _("{field} links loop back to {rid!r}").format(
                            field=field, rid=rid), rec["_pos"].get(field))
                    break
                seen.add(cur)
                cur = by_id[cur].get(field)
    return problems


def _check_claim(problems, where, rid, rec, claim):
    """A claim records a disagreement: it must not repeat the canonical value."""
    field, value = claim["field"], claim["value"]
    if value is None or field is None:
        return
    same = False
    if field == "parameters" and rec.get("parameters"):
        rng = parse_size_range(value)
        canonical = rec["parameters"].get("value")
        same = rng is not None and rng[0] == rng[1] == canonical and not claim["estimate"]
    elif field in ("released", "knowledge_cutoff"):
        fact = rec.get(field) or (rec.get("date") if field == "released" else None)  # a concept's is `date`
        same = bool(fact) and parse_date(value) is not None and value == fact.get("value")
    elif field == "name":
        same = normalize(value) == normalize(rec["name"])
    if same:
        _fail(problems, where, rid, "claims.value",
              _("{value!r} equals the canonical value; a claim records only a disagreement").format(
                  value=value), claim["at"])


def _name_table(by_id, where, problems):
    """normalized name -> id. Every id, name, Chinese name and alias must lead to one record only."""
    names, owner_text = {}, {}
    for rid, rec in by_id.items():
        if rec["type"] == "source":
            keys = [rid]
        else:
            keys = [rid, rec["name"]] + ([rec["name_zh"]] if rec.get("name_zh") else []) + rec.get("aliases", [])
            keys += (rec.get("api_ids") or {}).get("value", [])
        for text in keys:
            if not text:
                continue  # a missing name is reported by the schema check
            norm = normalize(text)
            if not norm:
                continue
            other = names.get(norm)
            if other is None:
                names[norm] = rid
                owner_text[norm] = text
            elif other != rid:
                _fail(problems, where, rid, "aliases",
                      _("name {text!r} already names {other!r} (as {spelling!r})").format(
                          text=text, other=other, spelling=owner_text[norm]))
    return names


def _derive(by_id):
    for rec in by_id.values():
        rec.pop("_pos", None)
        rec.pop("_from", None)
        for claim in rec.get("claims", []):
            claim.pop("at", None)
        if rec["type"] in ("model", "concept"):
            rec["successors"] = []
            rec["derived"] = []
        if rec["type"] == "organization":
            rec["models"] = []
            rec["country_name"] = COUNTRIES.get(rec["country"], rec["country"])
    for rid, rec in by_id.items():
        if rec["type"] in ("model", "concept") and rec.get("predecessor"):
            by_id[rec["predecessor"]]["successors"].append(rid)
        if rec["type"] == "model":
            for org in rec["organizations"]:
                by_id[org]["models"].append(rid)
            for base in rec["based_on"]:
                by_id[base]["derived"].append(rid)
    for rec in by_id.values():
        for field in ("successors", "derived", "models"):
            if field in rec:
                rec[field].sort(key=lambda r: (_date_of(by_id[r]) or "9999", r))


def _date_of(rec):
    fact = rec.get("released") or rec.get("date")
    if fact:
        return fact.get("value")
    period = rec.get("period")
    return period.get("from") if period else None


def _layout(by_id, names, key):
    models = sorted((r for r in by_id.values() if r["type"] == "model"), key=lambda r: (_date_of(r) or "9999", r["id"]))
    completion = []
    for rec in models:
        label = rec["name"] if " " not in rec["name"] else rec["id"]
        orgs = ", ".join(by_id[o]["name"] for o in rec["organizations"])
        date = _date_of(rec) or "date unknown"
        hidden = [normalize(t) for t in [rec["id"], rec["name"]] + rec["aliases"]]
        completion.append((label, f"{rec['name']} ({orgs}, {date[:4]})", hidden))
    orgs = sorted((r for r in by_id.values() if r["type"] == "organization"), key=lambda r: r["name"].casefold())
    org_completion = [(r["name"] if " " not in r["name"] else r["id"], r["name"], [normalize(r["id"]), normalize(r["name"])]
                       + [normalize(a) for a in r["aliases"]]) for r in orgs]
    search = _search_sections(by_id)
    types, families = {}, {}
    for rid, rec in by_id.items():
        types.setdefault(rec["type"], []).append(rid)
        if rec.get("family"):
            families.setdefault(rec["family"], []).append(rid)
    return {
        "key": key,
        "counts": {t: len(ids) for t, ids in types.items()},
        "names": names,
        "records": {rid: marshal.dumps(rec) for rid, rec in by_id.items()},
        "sections": {
            "models": [r["id"] for r in models],
            "types": types,
            "families": families,
            "completion": completion,
            "org_completion": org_completion,
            "search_short": search["short"],
            "search_words": search["words"],
        },
    }


def _search_sections(by_id):
    """What search scans: short texts (names, aliases, organizations) folded for fuzzy matching, and an
    inverted index of the words of longer texts (what a model introduced, descriptions), so a search
    reads no record it does not show."""
    from glmref.names import fold_words
    from glmref.textsearch import LONG_FIELDS, SHORT_FIELDS

    ids, owner, field, text, key = [], [], [], [], []
    words = {}
    for rec in by_id.values():
        if rec["type"] == "source":
            continue
        n = len(ids)
        ids.append(rec["id"])
        shorts = [("name", rec["name"])] + ([("Chinese name", rec["name_zh"])] if rec.get("name_zh") else [])
        shorts += [("alias", a) for a in rec.get("aliases", [])]
        for org in rec.get("organizations", []):
            shorts.append(("organization", by_id[org]["name"]))
            if by_id[org].get("name_zh"):
                shorts.append(("organization", by_id[org]["name_zh"]))
        for f, t in shorts:
            owner.append(n)
            field.append(SHORT_FIELDS.index(f))
            text.append(t)
            key.append(" ".join(fold_words(t, split_cjk=False)))
        longs = [("introduced", t) for t in rec.get("introduced", [])]
        if rec.get("description"):
            longs.append(("description", rec["description"]))
        for f, t in longs:
            code = n * len(LONG_FIELDS) + LONG_FIELDS.index(f)
            for w in sorted(set(fold_words(t))):
                postings = words.setdefault(w, [])
                if not postings or postings[-1] != code:
                    postings.append(code)
    return {"short": {"ids": ids, "owner": owner, "field": field, "text": text, "key": key}, "words": words}


def is_external(path):
    return path.lower().endswith((".csv", ".json"))


def merge_external(by_id, where, path, data, problems):
    """An outside catalog's models: new models cited to it, or claims on the models glmref already has."""
    from glmref import importers
    from glmref.diff import differences, org_lookup
    from glmref.importers import slug

    importer, found_models, found = importers.read(path, data)
    problems.extend(found)
    if importer is None or not found_models:
        return
    sid = importer.SOURCE_ID
    if sid not in by_id:
        by_id[sid] = importer.source_record(found_models)
        by_id[sid]["origin"] = path
        where[sid] = (path, (1, 1), True)
    models, others = {}, {}
    for rid, rec in by_id.items():
        names = [rid, rec.get("name")] + ([rec["name_zh"]] if rec.get("name_zh") else []) + rec.get("aliases", [])
        names += (rec.get("api_ids") or {}).get("value", [])  # resolvable names, as in the name table
        # a row named like an organization, concept or source (Epoch lists "Transformer" and "LSTM LM" as
        # models, glmref has concepts of those names) is read as that record, never as a clashing new one
        table = models if rec["type"] == "model" else others
        for name in names:
            if name:
                table.setdefault(normalize(name), rid)
    orgs = org_lookup(by_id.values())
    org_names = {rid: rec["name"] for rid, rec in by_id.items() if rec["type"] == "organization"}
    prefix = importer.ID_PREFIX
    seen = set()
    for m in found_models:
        line = m["line"]
        key = normalize(m["name"])
        if not key:
            problems.append(Problem(path, line, 1, None, "name", _("a model has no name")))
            continue
        if key in seen:
            continue  # a repeated row adds nothing
        seen.add(key)
        if key in others and key not in models:
            continue
        existing, variant = importer.match(m["name"], models, by_id.get, m)
        if existing and variant:
            continue  # a size variant or snapshot of a model glmref has: its figures are not the model's
        if existing:
            rec = by_id[existing]
            if not rec.get("_from"):  # claims only on glmref's own records, not on another file's rows
                for field, theirs, _where in differences(rec, m, orgs, org_names):
                    rec.setdefault("claims", []).append({"field": field, "value": theirs, "source": sid,
                                                         "where": m["where"], "note": None, "estimate": False,
                                                         "at": (line, 1)})
            continue
        rid = f"{prefix}-" + slug(m["name"])
        while rid in by_id:
            rid += "-2"
        org_ids = []
        for name in m["organizations"] or ["Unknown organization"]:
            oid = orgs.get(normalize(name))
            if oid is None:
                oid = f"{prefix}-org-" + slug(name)
                if oid not in by_id:
                    by_id[oid] = {"id": oid, "type": "organization", "name": name, "name_zh": None, "aliases": [],
                                  "country": (m["countries"] or ["ZZ"])[0], "kind": "company", "parent": None,
                                  "url": None, "description": None, "sources": [sid], "origin": path,
                                  "_pos": {}}
                    where[oid] = (path, (line, 1), True)
                orgs[normalize(name)] = oid
                org_names[oid] = name
            if oid not in org_ids:
                org_ids.append(oid)
        language = "language" in m["domain"].lower()
        # the other ids a model goes by (each provider's) become aliases where they name nothing else
        aliases = [a for a in dict.fromkeys(m["ids"]) if normalize(a) and normalize(a) not in models
                   and normalize(a) not in others and normalize(a) != key][:20]
        by_id[rid] = {
            "id": rid, "type": "model", "name": m["name"], "name_zh": None, "aliases": aliases, "kind": "model",
            "family": None, "organizations": org_ids,
            "released": {"value": m["date"], "event": m["date_event"], "source": sid, "note": m["date_note"]}
            if m["date"] else None,
            "parameters": {"value": m["parameters"], "status": "disclosed", "active": None, "sizes": [],
                           "source": sid, "note": None} if m["parameters"] else None,
            "training_tokens": {"value": m["tokens"], "status": "disclosed", "source": sid,
                                "note": "Epoch's training dataset size"} if m["tokens"] and language else None,
            "context_window": {"value": m["context"], "status": "disclosed", "source": sid, "note": None}
            if m["context"] else None,
            "max_output_tokens": {"value": m["max_output"], "source": sid, "note": None} if m["max_output"] else None,
            "knowledge_cutoff": {"value": m["knowledge"], "training_data": None, "source": sid, "note": None}
            if m["knowledge"] else None,
            "architecture": None,
            "modalities": {"input": m["inputs"], "output": m["outputs"], "source": sid, "note": None}
            if m["inputs"] and m["outputs"] else None,
            "access": {"value": m["access"], "license": m["license"], "source": sid, "note": None}
            if m["access"] else None,
            "predecessor": None, "based_on": [], "concepts": [], "introduced": [],
            "description": (f"{m['task'] or m['domain'] or 'AI'} model listed in {by_id[sid]['short']}'s catalog; "
                            "glmref has no record of its own for it."),
            "sources": [sid], "claims": [], "origin": path, "_from": prefix, "_pos": {},
        }
        where[rid] = (path, (line, 1), True)
        models[key] = rid
        for alias in aliases:
            models.setdefault(normalize(alias), rid)

