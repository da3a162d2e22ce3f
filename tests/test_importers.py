"""Outside catalogs as data and for `glmref check`: models.dev's api.json and OpenRouter's model list, from
real entries (tests/fixtures: 208 models.dev models from 22 providers, rebuilt from the anomalyco/models.dev
repository's model files as its generate.ts does; 140 entries of a committed copy of OpenRouter's
/api/v1/models response), beside Epoch AI's CSV."""

import json
from pathlib import Path

import pytest

from glmref.catalog import open_catalog
from glmref.names import normalize

FIXTURES = Path(__file__).parent / "fixtures"
MODELSDEV = FIXTURES / "modelsdev_api_real.json"
OPENROUTER = FIXTURES / "openrouter_models_real.json"
EPOCH = FIXTURES / "epoch_notable_real_rows.csv"


def _modelsdev():
    return json.loads(MODELSDEV.read_text(encoding="utf-8"))


def _openrouter():
    return json.loads(OPENROUTER.read_text(encoding="utf-8"))["data"]


@pytest.mark.parametrize("path", [MODELSDEV, OPENROUTER])
def test_the_real_files_validate_and_list(cli, path):
    assert cli("validate", str(path)).code == 0
    r = cli("--data", str(path), "list", "--json")
    assert r.code == 0 and any(m["origin"] == str(path) for m in r.json())


def test_models_dev_gives_one_record_per_model_not_per_provider(cli):
    served = {}
    for pid, provider in _modelsdev().items():
        for entry in provider["models"].values():
            served.setdefault(entry["name"], []).append((pid, entry))
    packaged = open_catalog()
    shared = [n for n, hosts in served.items() if len(hosts) >= 3]
    assert shared, "the fixture has models served by several providers"
    listed = cli("--data", str(MODELSDEV), "list", "--json").json()
    for name in shared:
        added = [m for m in listed if m["origin"] == str(MODELSDEV) and normalize(m["name"]) == normalize(name)]
        # a model the catalog lacks becomes one record; one it has is merged into that record, not added again
        assert len(added) == (1 if packaged.exact(name) is None else 0), name


def test_the_labs_own_provider_entry_is_the_record(cli):
    data = _modelsdev()
    packaged = open_catalog()
    for name in ("Kimi K2.5", "DeepSeek V4 Flash", "GLM-5", "Qwen3 Max"):
        hosts = [(pid, e) for pid, p in data.items() for e in p["models"].values() if e["name"] == name]
        if not hosts or packaged.exact(name) is not None:
            continue
        from glmref.importers.modelsdev import LAB_PROVIDERS

        lab = [e for pid, e in hosts if pid in LAB_PROVIDERS]
        if not lab:
            continue
        doc = cli("--data", str(MODELSDEV), "show", name, "--json").json()
        assert doc["context_window"]["value"] == lab[0]["limit"]["context"], name


def test_values_that_differ_from_glmrefs_are_claims_cited_to_the_catalog(cli):
    packaged = open_catalog()
    for path, source in ((MODELSDEV, "models-dev-catalog"), (OPENROUTER, "openrouter-models")):
        report = cli("check", str(path), "--json").json()
        assert report["disagreements"], path
        row = next(r for r in report["disagreements"] if r["field"] == "context_window")
        doc = cli("--data", str(path), "show", row["id"], "--json").json()
        assert doc["context_window"]["value"] == packaged.get(row["id"])["context_window"]["value"]  # canonical
        assert any(d["field"] == "context_window" and d["source"] == source for d in doc["disagreements"])


def test_openrouters_listing_date_is_never_compared_with_a_release_date(cli):
    report = cli("check", str(OPENROUTER), "--json").json()
    assert not [r for r in report["disagreements"] if r["field"] == "released"]
    listed = cli("--data", str(OPENROUTER), "list", "--json").json()
    new = [m for m in listed if m["id"].startswith("openrouter-") and m["released"]]
    assert new and all("listed" in (m["released"]["note"] or "") for m in new)


def test_openrouter_pricing_variants_are_not_separate_models(cli):
    variants = [e for e in _openrouter() if ":" in e["id"].rsplit("/", 1)[-1]]
    assert variants, "the fixture has :free variants"
    listed = cli("--data", str(OPENROUTER), "list", "--json").json()
    assert not any(m["id"].endswith("free") or "(free)" in m["name"] for m in listed if m["origin"])


def test_openrouter_names_lose_the_developer_prefix_and_keep_the_developer(cli):
    entry = next(e for e in _openrouter() if e["id"].startswith("anthropic/") and ": " in e["name"])
    name = entry["name"].split(": ", 1)[1]
    doc = cli("--data", str(OPENROUTER), "show", name, "--json").json()
    assert doc["name"] == name and doc["organizations"][0]["id"] == "anthropic"


def test_check_across_three_catalogs_reports_where_they_disagree_with_each_other(cli):
    r = cli("check", str(MODELSDEV), str(OPENROUTER), str(EPOCH), "--json")
    assert r.code == 0
    report = r.json()
    assert report["files"] == [str(MODELSDEV), str(OPENROUTER), str(EPOCH)]
    assert report["between_files"]
    for row in report["between_files"]:
        assert len({v["source"] for v in row["values"]}) >= 2 and len({v["value"] for v in row["values"]}) >= 2
    human = cli("check", str(MODELSDEV), str(OPENROUTER))
    assert human.code == 0 and "disagree with each other" in human.err


@pytest.mark.parametrize("content,what", [
    ('{"data": 3}', "accepted"), ("[1, 2, 3]", "accepted"), ('{"a": {"b": 1}}', "accepted"),
    ('{"data": [', "not valid JSON"), ('\xff', "UTF-8"),
])
def test_a_json_file_that_is_no_catalog_is_a_clear_error(cli, tmp_path, content, what):
    path = tmp_path / "x.json"
    path.write_bytes(content.encode("latin-1"))
    for args in (("validate", str(path)), ("--data", str(path), "list"), ("check", str(path))):
        r = cli(*args)
        assert r.code == 2 and what in r.err and "Traceback" not in r.err, (args, r)


def test_malformed_entries_are_problem_lines_or_skipped(cli, tmp_path):
    path = tmp_path / "m.json"
    path.write_text(json.dumps({"acme": {"models": {"a": {"limit": {"context": "lots"}}, "b": {"name": "B-Model",
                    "limit": {"context": -5, "output": 1e400}, "release_date": "yesterday", "modalities": "text"}}}}),
                    encoding="utf-8")
    r = cli("validate", str(path))
    assert r.code == 2 and "has no name" in r.err
    path.write_text(json.dumps({"acme": {"models": {"b": {"name": "B-Model", "limit": {"context": -5},
                    "release_date": "yesterday", "modalities": "text"}}}}), encoding="utf-8")
    doc = cli("--data", str(path), "show", "B-Model", "--json").json()
    assert doc["context_window"] is None and doc["released"] is None


def test_a_catalog_with_too_many_models_is_refused(cli, tmp_path, monkeypatch):
    from glmref.importers import openrouter

    monkeypatch.setattr(openrouter, "MAX_MODELS", 10)
    path = tmp_path / "o.json"
    path.write_text(json.dumps({"data": [{"id": f"x/m{i}", "name": f"M{i}"} for i in range(11)]}), encoding="utf-8")
    r = cli("validate", str(path))
    assert r.code == 2 and "more than 10 models" in r.err
