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


# Real rows of Epoch AI's Notable AI Models (CC BY 4.0, https://epoch.ai/data/notable-ai-models): 198 of them
# with every column as published, among them the rows named like glmref's concepts and the dated snapshots.
REAL = Path(__file__).parent / "fixtures" / "epoch_notable_real_rows.csv"


def test_the_real_file_loads_and_lists(cli):
    r = cli("validate", str(REAL))
    assert r.code == 0, r
    listed = cli("--data", str(REAL), "list", "--json")
    assert listed.code == 0
    assert len([m for m in listed.json() if m["id"].startswith("epoch-")]) > 20
    r = cli("check", str(REAL), "--json")
    assert r.code == 0 and r.json()["matched"] > 20


def test_rows_named_like_a_concept_are_read_as_that_record(cli):
    for name in ("Transformer", "LSTM LM", "RNN LM", "Transfer Learning"):
        assert any(row["Model"] == name for row in csv.DictReader(open(REAL, encoding="utf-8"))), name
        doc = cli("--data", str(REAL), "show", name, "--json").json()
        assert doc["type"] == "concept" and not doc["id"].startswith("epoch-"), name


def _variants_file(tmp_path):
    """The real GPT-3 row, and siblings derived from it the way Epoch's larger "all models" file writes them."""
    with open(REAL, encoding="utf-8") as f:
        reader = csv.DictReader(f)
        header = reader.fieldnames
        gpt3 = next(r for r in reader if r["Model"] == "GPT-3 175B (davinci)")
    rows = [gpt3]
    for name, params, date in (("GPT-3 6.7B", "6700000000", gpt3["Publication date"]),
                               ("GPT-3 (ada)", "350000000", gpt3["Publication date"]),
                               ("GPT-3 (Nov 2021)", "", "2021-11-18")):
        rows.append(dict(gpt3, **{"Model": name, "Parameters": params, "Publication date": date}))
    path = tmp_path / "variants.csv"
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=header)
        w.writeheader()
        w.writerows(rows)
    return path


def test_size_variants_and_snapshots_never_become_claims_on_the_model(cli, tmp_path):
    path = _variants_file(tmp_path)
    doc = cli("--data", str(path), "show", "GPT-3", "--json").json()
    claims = [d for d in doc["disagreements"] if d["source"] == "epoch-ai-notable-models"]
    assert not any(d["field"] == "parameters" for d in claims), claims
    assert not any(d["field"] == "released" and d["claimed"].startswith("2021") for d in claims), claims
    report = cli("check", str(path), "--json").json()
    assert sorted(report["variants"]) == ["GPT-3 (Nov 2021)", "GPT-3 (ada)", "GPT-3 6.7B"]
    assert not [d for d in report["disagreements"] if d["id"] == "gpt-3" and d["field"] == "parameters"]


def test_a_size_within_rounding_is_the_model_itself():
    from glmref.diff import same_size

    assert same_size(175_000_000_000, 174_600_000_000) and same_size(1_500_000_000, 1_542_000_000)
    assert not same_size(7_000_000_000, 6_700_000_000)
