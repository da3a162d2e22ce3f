"""`glmref show`: the card, name resolution and its refusals, through the real entry point."""

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glmref.catalog import open_catalog
from glmref.names import version_parts
from glmref.values import format_size

ANSI = re.compile(r"\x1b\[")


def record(rid):
    return open_catalog().get(rid)


def test_show_gpt3_prints_its_sourced_facts(cli):
    r = cli("show", "GPT-3")
    gpt3 = record("gpt-3")
    assert r.code == 0, r
    assert r.err == ""
    assert "GPT-3" in r.out
    assert format_size(gpt3["parameters"]["value"]) in r.out
    assert gpt3["released"]["value"] in r.out
    assert "OpenAI" in r.out
    source = open_catalog().get(gpt3["parameters"]["source"])
    assert source["short"] in r.out  # every fact comes with its source
    assert "Sources" in r.out


def test_show_json_is_one_document_with_the_documented_fields(cli):
    r = cli("show", "GPT-3", "--json")
    assert r.code == 0 and r.err == ""
    doc = r.json()
    assert not ANSI.search(r.out)
    for field in ("id", "type", "kind", "name", "organizations", "released", "parameters", "architecture",
                  "modalities", "access", "predecessor", "successors", "introduced", "disagreements", "sources"):
        assert field in doc
    assert doc["parameters"]["value"] == record("gpt-3")["parameters"]["value"]
    cited = {s["id"] for s in doc["sources"]}
    for fact in ("released", "parameters", "architecture", "modalities", "access"):
        assert doc[fact]["source"] in cited


def test_disagreements_are_shown_with_both_values(cli):
    gpt1 = record("gpt-1")
    claim = next(c for c in gpt1["claims"] if c["field"] == "parameters")
    r = cli("show", "GPT-1")
    assert "Sources disagree" in r.out
    assert claim["value"] in r.out and format_size(gpt1["parameters"]["value"]) in r.out
    doc = cli("show", "GPT-1", "--json").json()
    d = next(d for d in doc["disagreements"] if d["field"] == "parameters")
    assert d["source"] == claim["source"] and d["canonical"] == format_size(gpt1["parameters"]["value"])


def test_spellings_a_person_types_reach_the_same_record(cli):
    for spelling in ("gpt3", "GPT 3", "gpt-3", "ＧＰＴ－３", "GPT_3", "  gpt-3  "):
        r = cli("show", spelling, "--json")
        assert r.code == 0, (spelling, r)
        assert r.json()["id"] == "gpt-3"
        assert r.err == "", spelling


def test_words_of_a_name_can_be_given_separately(cli):
    assert cli("show", "GPT", "3", "--json").json()["id"] == "gpt-3"


def test_an_unknown_version_is_not_a_typo(cli):
    r = cli("show", "GPT-9")
    assert r.code == 1
    assert r.out == ""
    assert "GPT-9" in r.err and "did you mean" in r.err
    assert len(r.err.strip().splitlines()) == 1


def test_an_unknown_name_exits_1_with_one_line(cli):
    r = cli("show", "zzqxv-unknown")
    assert r.code == 1 and r.out == ""
    assert len(r.err.strip().splitlines()) == 1


def test_another_family_member_is_not_taken_for_a_typo(cli, tmp_path):
    data = tmp_path / "bert.yaml"
    data.write_text("""schema: 1
sources: [{id: s, short: S, title: T, kind: paper, date: "2018", arxiv: "1810.04805"}]
organizations: [{id: acme, name: Acme, country: US, kind: company, sources: [s]}]
models: [{id: bertish, name: BERT-ish, kind: model, organizations: [acme], sources: [s]}]
""")
    r = cli("--data", str(data), "show", "DistilBERT-ish")
    assert r.code == 1, r


def test_show_finds_organizations_and_sources(cli):
    assert cli("show", "OpenAI", "--json").json()["type"] == "organization"
    sid = record("gpt-3")["sources"][0]
    assert cli("show", sid, "--json").json()["type"] == "source"


def test_empty_and_absurd_names_are_usage_errors(cli):
    for bad in ("", "   ", "x" * 10_000, "gpt\x1b[31m3"):
        r = cli("show", bad)
        assert r.code == 2, (bad, r)
        assert r.out == ""
        assert len(r.err.strip().splitlines()) == 1
        assert "Traceback" not in r.err


def _records():
    c = open_catalog()
    return [c.get(rid) for rid in c.ids()]


def _variants(draw, text):
    style = draw(st.sampled_from(["upper", "lower", "space", "hyphen", "same"]))
    if style == "upper":
        return text.upper()
    if style == "lower":
        return text.lower()
    if style == "space":
        return text.replace("-", " ")
    if style == "hyphen":
        return text.replace(" ", "-")
    return text


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_every_record_is_found_by_its_id_name_and_each_alias(data):
    from glmref.lookup import resolve

    catalog = open_catalog()
    rec = data.draw(st.sampled_from(_records()))
    names = [rec["id"], rec["name"]] + ([rec["name_zh"]] if rec.get("name_zh") else []) + rec.get("aliases", [])
    if rec["type"] == "source":
        names = [rec["id"]]  # sources are found by id; their short citations need not be unique
    typed = _variants(data.draw, data.draw(st.sampled_from(names)))
    found = resolve(catalog, typed)
    assert found.id == rec["id"] and found.exact


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_changed_version_number_never_resolves_to_a_different_version(data):
    from glmref.errors import NotFound
    from glmref.lookup import resolve

    catalog = open_catalog()
    rec = data.draw(st.sampled_from([r for r in _records() if re.search(r"\d", r["name"])]))
    digit = data.draw(st.sampled_from([m.start() for m in re.finditer(r"\d", rec["name"])]))
    new = data.draw(st.sampled_from([d for d in "0123456789" if d != rec["name"][digit]]))
    typed = rec["name"][:digit] + new + rec["name"][digit + 1:]
    try:
        found = resolve(catalog, typed)
    except NotFound:
        return
    assert version_parts(catalog.get(found.id)["name"]) == version_parts(typed) or found.exact


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_name_with_an_added_word_is_never_taken_for_that_name(data):
    from glmref.errors import NotFound
    from glmref.lookup import resolve

    catalog = open_catalog()
    rec = data.draw(st.sampled_from([r for r in _records() if r["type"] == "model"]))
    extra = data.draw(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=6))
    where = data.draw(st.sampled_from(["prefix", "suffix"]))
    typed = f"{extra}{rec['name']}" if where == "prefix" else f"{rec['name']}-{extra}"
    try:
        found = resolve(catalog, typed)
    except NotFound:
        return
    assert found.exact or found.id != rec["id"], (typed, found.id)
