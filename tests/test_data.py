"""The packaged catalog as code: valid, referentially intact, every record sourced, every source used, the
documents' names all found, and the counts the README states."""

import re
from pathlib import Path

import pytest

from glmref import store
from glmref.build import check_files, compile_index
from glmref.catalog import open_catalog
from glmref.views import all_source_ids

ROOT = Path(__file__).resolve().parent.parent
SURVEYS = ("ren-zhang-2024", "li-2023-elecfans", "boyasuiqin-2024-csdn", "slides-2023", "xiong-2023")


def packaged():
    return [(p, store._read(p), False) for p in store.packaged_files()]


def records():
    c = open_catalog()
    return [c.get(rid) for rid in c.ids()]


def test_every_packaged_file_is_valid_and_references_resolve():
    compile_index(packaged(), "test")  # raises DataError listing every problem


def test_each_file_passes_the_schema_on_its_own():
    for path, data, _ in packaged():
        _, problems = check_files([(path, data, False)])
        assert not problems, [str(p) for p in problems]


def test_every_record_has_a_source_and_every_source_is_used():
    used = set()
    for rec in records():
        if rec["type"] == "source":
            continue
        ids = all_source_ids(rec)
        assert ids, rec["id"]
        used.update(ids)
        for org in rec.get("organizations", []):
            used.update(open_catalog().get(org)["sources"])
    unused = {r["id"] for r in records() if r["type"] == "source"} - used
    assert not unused, f"sources no record cites: {sorted(unused)}"


def test_no_two_sources_are_the_same_document():
    # a paper is one document; a web page changes, so two dated versions of one address may both be cited
    seen = {}
    for rec in records():
        if rec["type"] != "source":
            continue
        for key in ("arxiv", "doi", "url"):
            value = rec.get(key)
            if value:
                value = (key, value.rstrip("/").lower(), rec["date"] if key == "url" else None)
                assert value not in seen, f"{rec['id']} and {seen[value]} are both {value[1]}"
                seen[value] = rec["id"]


def test_no_name_or_alias_names_two_records():
    # compile_index refuses clashes; this states the rule where a contributor will look for it
    names = open_catalog().name_table()
    assert len(set(names.values())) == len(records())


def test_the_survey_documents_disagreements_are_kept():
    cited = {c["source"] for r in records() for c in r.get("claims", [])}
    for survey in SURVEYS:
        assert survey in cited, f"no claim cites {survey}"


def _document_names():
    lines = (ROOT / "tests" / "document_names.txt").read_text(encoding="utf-8").splitlines()
    return [l.strip() for l in lines if l.strip() and not l.startswith("#")]


@pytest.mark.parametrize("name", _document_names())
def test_every_name_the_documents_use_is_found(name):
    assert open_catalog().exact(name) is not None, f"glmref show {name!r} finds nothing"


def test_models_have_a_date_and_the_catalog_reaches_2025():
    models = [r for r in records() if r["type"] == "model"]
    dated = [m for m in models if m.get("released")]
    assert len(dated) >= 0.9 * len(models)
    assert max(m["released"]["value"] for m in dated) >= "2025"


def test_readme_states_the_record_counts():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    counts = open_catalog().counts()
    for kind, label in (("model", "models"), ("organization", "organizations"), ("concept", "concepts"),
                        ("source", "sources")):
        m = re.search(rf"\*\*(\d+)\*\* {label}", readme)
        assert m, f"README does not state the number of {label}"
        assert int(m.group(1)) == counts[kind], f"README says {m.group(1)} {label}, the catalog has {counts[kind]}"


def _checklist():
    import csv

    path = ROOT / "tests" / "epoch_checklist.tsv"
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def test_every_checklist_entry_has_a_record_or_a_reason():
    """Epoch AI's Notable AI Models since 2017 (language, multimodal, image, video, speech, audio): each
    entry is a glmref record, or is listed with the reason it was left out."""
    catalog = open_catalog()
    rows = _checklist()
    assert len(rows) >= 500
    for row in rows:
        status = row["status"]
        if status.startswith("id:"):
            assert status[3:] in catalog, row
        else:
            assert status.startswith("left out: ") and len(status) > len("left out: ") + 3, row
            rid = catalog.exact(row["name"])
            assert rid is None or catalog.get(rid)["type"] != "model", f"{row['name']} has a record now: {rid}"


def test_well_known_models_beyond_the_documents_resolve_to_their_records():
    """The checklist names that are names glmref knows lead to the record the checklist row lists, and
    there are at least 100 such well-known models besides those the survey documents name."""
    catalog = open_catalog()
    document_ids = {catalog.exact(n) for n in _document_names()}
    checked = set()
    for row in _checklist():
        if not row["status"].startswith("id:"):
            continue
        rid = catalog.exact(row["name"])
        if rid is not None:
            assert rid == row["status"][3:], row
            checked.add(rid)
    assert len(checked - document_ids) >= 100


# Records still missing a value no source found, each checked at least once (see tests/known_gaps.txt). The
# list may only shrink: a new record must arrive filled, and a listed record that gains a value leaves it.
KNOWN_GAPS = Path(__file__).parent / "known_gaps.txt"


def _known_gaps():
    gaps = {}
    for line in KNOWN_GAPS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            field, rid = line.split()[:2]
            gaps.setdefault(field, set()).add(rid)
    return gaps


def _gaps(catalog):
    from glmref.coverage import _in_scope, field_status

    found = {"context_window": set(), "license": set(), "released": set(), "modalities": set()}
    for rec in catalog.models():
        # a model without a date or modalities would slip past the per-year counts and the text-model rule below
        if rec["kind"] == "model":
            for field in ("released", "modalities"):
                if not (rec.get(field) or {}).get("value" if field == "released" else "output"):
                    found[field].add(rec["id"])
        # a text model since 2019 needs a context window, or a note saying why there is none
        if _in_scope(rec, "text-since-2019") and not rec.get("context_window"):
            found["context_window"].add(rec["id"])
        if _in_scope(rec, "open-weights") and field_status(rec, "license") == "unknown":
            found["license"].add(rec["id"])
    return found


def test_models_have_a_date_and_modalities_text_models_a_context_window_and_open_weights_a_licence():
    known, found = _known_gaps(), _gaps(open_catalog())
    for field in found:
        new = sorted(found[field] - known.get(field, set()))
        assert not new, f"{field} missing (and no note saying why) on: {', '.join(new)}"
        filled = sorted(known.get(field, set()) - found[field])
        assert not filled, f"now filled, remove from tests/known_gaps.txt: {field} {', '.join(filled)}"
