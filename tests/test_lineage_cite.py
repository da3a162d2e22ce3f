"""`family` trees and `cite` bibliographies."""

import json

import pytest

from glmref.catalog import open_catalog

LOOP = """schema: 1
sources: [{id: s, short: S, title: "T", kind: website, date: "2025", url: "https://example.org/"}]
organizations: [{id: acme, name: Acme, country: US, kind: company, sources: [s]}]
models:
  - {id: loop-a, name: Loop A, kind: model, organizations: [acme], predecessor: loop-b, sources: [s]}
  - {id: loop-b, name: Loop B, kind: model, organizations: [acme], predecessor: loop-a, sources: [s]}
"""


def _walk(node):
    yield node
    for child in node["children"]:
        yield from _walk(child)


def test_family_tree_follows_successors_from_the_root(cli):
    catalog = open_catalog()
    trees = cli("family", "GPT-3", "--json").json()
    (root,) = trees
    ids = [n["id"] for n in _walk(root)]
    assert "gpt-3" in ids and catalog.get(root["id"]).get("predecessor") is None
    for node in _walk(root):
        for child in node["children"]:
            rec = catalog.get(child["id"])
            assert node["id"] == rec.get("predecessor") or node["id"] in rec.get("based_on", [])
    assert next(n for n in _walk(root) if n["id"] == "gpt-3")["highlight"]
    text = cli("family", "GPT-3").out
    assert "GPT-1" in text and "GPT-3" in text


def test_family_by_family_slug(cli):
    catalog = open_catalog()
    trees = cli("family", "gpt", "--json").json()
    members = {n["id"] for t in trees for n in _walk(t)}
    assert {r["id"] for r in catalog.models() if r.get("family") == "gpt"} <= members


def test_a_loop_in_user_data_is_reported_not_followed(cli, tmp_path):
    path = tmp_path / "loop.yaml"
    path.write_text(LOOP)
    r = cli("--data", str(path), "family", "Loop A")
    assert r.code == 2 and "loop" in r.err


def _parse_bibtex(text):
    from pybtex.database import parse_string

    return parse_string(text, "bibtex")


def test_cite_prints_parseable_bibtex_with_only_recorded_fields(cli):
    catalog = open_catalog()
    r = cli("cite", "GPT-1", "GPT-2", "GPT-3")
    assert r.code == 0
    db = _parse_bibtex(r.out)
    expected = [catalog.get(m)["sources"][0] for m in ("gpt-1", "gpt-2", "gpt-3")]
    assert list(db.entries.keys()) == expected
    for key, entry in db.entries.items():
        source = catalog.get(key)
        assert entry.fields["year"] == source["date"][:4]
        if not source.get("authors"):
            assert "author" not in entry.persons  # never invented
        else:
            assert len(entry.persons["author"]) == len(source["authors"])


def test_cite_escapes_special_characters_and_keeps_chinese(cli, tmp_path):
    path = tmp_path / "odd.yaml"
    path.write_text("""schema: 1
sources: [{id: odd-2025, short: Odd 2025, title: "100% {braces} & under_scores #1 — 通用大模型", kind: technical-report,
           date: "2025-02", publisher: "R&D Lab", url: "https://example.org/a_b?x=1&y=2"}]
organizations: [{id: acme, name: Acme, country: US, kind: company, sources: [odd-2025]}]
models: [{id: odd-model, name: Odd Model, kind: model, organizations: [acme], sources: [odd-2025]}]
""", encoding="utf-8")
    r = cli("--data", str(path), "cite", "Odd Model")
    entry = _parse_bibtex(r.out).entries["odd-2025"]
    assert "通用大模型" in entry.fields["title"]
    assert r"\%" in r.out and r"\&" in r.out and r"\{braces\}" in r.out
    assert entry.fields["url"] == "https://example.org/a_b?x=1&y=2"


def test_cite_by_filter_gives_one_bibliography_with_unique_keys(cli):
    r = cli("cite", "--org", "OpenAI")
    keys = list(_parse_bibtex(r.out).entries.keys())
    assert keys and len(keys) == len(set(keys))


@pytest.mark.parametrize("fmt", ["apa", "ris", "json"])
def test_cite_formats(cli, fmt):
    r = cli("cite", "GPT-3", "--format", fmt)
    assert r.code == 0 and r.out.strip()
    source = open_catalog().get(open_catalog().get("gpt-3")["sources"][0])
    assert source["title"] in r.out
    if fmt == "json":
        assert json.loads(r.out)[0]["id"] == source["id"]
    if fmt == "ris":
        assert r.out.startswith("TY  - ") and r.out.rstrip().endswith("ER  -")


def test_cite_needs_something_to_cite(cli):
    assert cli("cite").code == 2
    assert cli("cite", "--format", "mla", "GPT-3").code == 2
