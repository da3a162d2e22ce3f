"""Epoch AI's Notable AI Models CSV as user data, and `glmref check`."""

import csv
from pathlib import Path

from glmref.catalog import open_catalog

FIXTURE = Path(__file__).parent / "fixtures" / "epoch_notable_sample.csv"


def rows():
    with open(FIXTURE, encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_new_rows_become_models_cited_to_epoch(cli):
    doc = cli("--data", str(FIXTURE), "list", "--json").json()
    new = [m for m in doc if m["id"].startswith("epoch-")]
    row = next(r for r in rows() if r["Model"] == "Example-LM 7B")
    model = next(m for m in new if m["name"] == "Example-LM 7B")
    assert model["parameters"]["value"] == int(row["Parameters"])
    assert model["released"]["date"] == row["Publication date"]
    assert [s["id"] for s in model["sources"]] == ["epoch-ai-notable-models"]
    assert model["organizations"][0]["name"] == row["Organization"]
    assert model["organizations"][0]["country"] == "CA"
    assert model["origin"] == str(FIXTURE)
    shared = next(m for m in new if m["name"] == "Example Vision Net")
    assert "openai" in [o["id"] for o in shared["organizations"]]  # existing organizations are reused


def test_models_glmref_has_stay_canonical_with_epochs_values_as_claims(cli):
    catalog = open_catalog()
    gpt1 = catalog.get("gpt-1")
    doc = cli("--data", str(FIXTURE), "show", "GPT-1", "--json").json()
    assert doc["released"]["date"] == gpt1["released"]["value"]  # canonical value unchanged
    claim = next(d for d in doc["disagreements"] if d["source"] == "epoch-ai-notable-models")
    assert claim["field"] == "released" and claim["claimed"] == "2018-06-01"
    names = [m["name"] for m in cli("--data", str(FIXTURE), "list", "--json").json()]
    assert names.count("GPT-3") == 1 and not any(n.startswith("GPT-3 175B") for n in names)


def test_rounding_is_not_a_disagreement(cli):
    doc = cli("--data", str(FIXTURE), "show", "GPT-2", "--json").json()
    assert not any(d["source"] == "epoch-ai-notable-models" for d in doc["disagreements"])


def test_search_and_timeline_cover_epoch_rows(cli):
    assert cli("--data", str(FIXTURE), "search", "Example-LM", "--json").json()[0]["name"] == "Example-LM 7B"
    events = cli("--data", str(FIXTURE), "timeline", "--json").json()["events"]
    assert any(e["name"] == "Example-LM 7B" for e in events)


def test_check_lists_disagreements(cli):
    r = cli("check", str(FIXTURE), "--json")
    assert r.code == 0
    doc = r.json()
    assert doc["matched"] == 3 and set(doc["unmatched"]) == {"Example-LM 7B", "Example Vision Net"}
    assert [(d["id"], d["field"]) for d in doc["disagreements"]] == [("gpt-1", "released")]
    table = cli("check", str(FIXTURE))
    assert "GPT-1" in table.out and "1 disagreement" in table.err


def test_check_with_a_yaml_file(cli, tmp_path):
    path = tmp_path / "colleague.yaml"
    path.write_text("""schema: 1
sources: [{id: c, short: C, title: Notes, kind: website, date: "2025", url: "https://example.org/"}]
models:
  - {id: gpt-3, name: GPT-3, kind: model, organizations: [openai], sources: [c],
     parameters: {value: 13B, source: c}, released: {value: "2020-05", event: paper, source: c}}
""")
    doc = cli("check", str(path), "--json").json()
    assert [(d["id"], d["field"]) for d in doc["disagreements"]] == [("gpt-3", "parameters")]


def test_a_csv_that_is_not_epochs_is_refused(cli, tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("a,b\n1,2\n")
    r = cli("--data", str(path), "list")
    assert r.code == 2 and "Epoch" in r.err
