"""Machine formats: CSV and JSON Lines that the csv module, pandas and jq read as they are."""

import csv
import io
import json
import shutil
import subprocess

import pytest

from tests.conftest import glmref_command


def test_list_csv_has_a_header_and_one_row_per_model(cli):
    models = cli("list", "--json").json()
    r = cli("list", "--format", "csv")
    assert r.code == 0
    rows = list(csv.DictReader(io.StringIO(r.out)))
    assert [row["id"] for row in rows] == [m["id"] for m in models]
    by_id = {m["id"]: m for m in models}
    for row in rows:
        m = by_id[row["id"]]
        assert row["name"] == m["name"]
        params = (m["parameters"] or {}).get("value")
        assert row["parameters"] == ("" if params is None else str(params))


def test_csv_tells_undisclosed_from_unknown(cli):
    """A blank cell alone cannot say whether the developer withholds a figure or no source gives one."""
    models = {m["id"]: m for m in cli("list", "--json").json()}
    rows = list(csv.DictReader(io.StringIO(cli("list", "--format", "csv").out)))
    seen = set()
    for row in rows:
        for field in ("context_window", "training_tokens"):
            fact = models[row["id"]][field] or {}
            expected = fact.get("status") or "unknown"
            assert row[f"{field}_status"] == expected, (row["id"], field)
            assert (row[field] == "") == (expected != "disclosed"), (row["id"], field)
            seen.add((field, expected))
    assert ("context_window", "undisclosed") in seen and ("context_window", "unknown") in seen


def test_the_readme_lists_the_csv_columns_list_writes():
    import pathlib
    import re

    from glmref.render.flat import MODEL_COLUMNS

    readme = (pathlib.Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    listed = re.search(r"CSV columns of `list`: `([^`]*)`", readme).group(1)
    assert [c.strip() for c in listed.split(",")] == list(MODEL_COLUMNS)


def test_jsonl_is_one_object_a_line_equal_to_the_json_array(cli):
    array = cli("list", "--json").json()
    lines = cli("list", "--format", "jsonl").out.splitlines()
    assert [json.loads(line) for line in lines] == array
    events = cli("timeline", "--json").json()["events"]
    assert [json.loads(l) for l in cli("timeline", "--format", "jsonl").out.splitlines()] == events
    hits = cli("search", "GPT", "--json").json()
    assert [json.loads(l) for l in cli("search", "GPT", "--format", "jsonl").out.splitlines()] == hits


def test_search_and_timeline_csv(cli):
    rows = list(csv.DictReader(io.StringIO(cli("search", "GPT", "--format", "csv").out)))
    assert rows and rows[0]["matched_field"]
    rows = list(csv.DictReader(io.StringIO(cli("timeline", "--format", "csv").out)))
    assert rows and all(r["date"] for r in rows)


def test_conflicting_formats_are_refused(cli):
    r = cli("list", "--json", "--format", "csv")
    assert r.code == 2 and r.out == ""
    assert cli("list", "--format", "xml").code == 2


def test_pandas_reads_the_csv(tmp_path):
    pandas = pytest.importorskip("pandas")
    out = subprocess.run(glmref_command() + ["list", "--format", "csv"], capture_output=True, check=True).stdout
    frame = pandas.read_csv(io.BytesIO(out))
    assert "parameters" in frame.columns and len(frame) > 0


@pytest.mark.skipif(shutil.which("jq") is None, reason="jq not installed")
def test_jq_reads_the_json():
    out = subprocess.run(glmref_command() + ["list", "--json"], capture_output=True, check=True).stdout
    names = subprocess.run(["jq", "-r", ".[].name"], input=out, capture_output=True, check=True).stdout.decode()
    assert "GPT-3" in names.split("\n")


def test_timeline_plot_draws_every_sized_model_and_labels_records(cli):
    from glmref.catalog import open_catalog

    sized = [m for m in open_catalog().models() if (m.get("parameters") or {}).get("value") and m.get("released")]
    doc = cli("timeline", "--plot", "--json").json()
    assert {p["id"] for p in doc["points"]} == {m["id"] for m in sized}
    biggest = max(sized, key=lambda m: m["parameters"]["value"])
    assert next(p for p in doc["points"] if p["id"] == biggest["id"])["landmark"]
    out = cli("timeline", "--plot", env={"COLUMNS": "100"}).out
    assert biggest["name"] in out
    assert all(len(line) <= 100 for line in out.splitlines())


def test_timeline_svg_is_a_valid_svg_with_a_mark_per_model(cli, tmp_path):
    import xml.etree.ElementTree as ET

    path = tmp_path / "chart.svg"
    r = cli("timeline", "--plot", "--svg", str(path))
    assert r.code == 0 and str(path) in r.err
    root = ET.parse(path).getroot()
    circles = [c for c in root.iter("{http://www.w3.org/2000/svg}circle") if c.find("{http://www.w3.org/2000/svg}title") is not None]
    points = cli("timeline", "--plot", "--json").json()["points"]
    assert len(circles) == len(points)
    assert cli("timeline", "--plot", "--svg", str(tmp_path / "no" / "such" / "dir.svg")).code == 2


def test_json_outputs_match_the_shipped_json_schema(cli):
    import importlib.resources

    from jsonschema import Draft202012Validator

    schema = json.loads((importlib.resources.files("glmref") / "schemas" / "output.schema.json").read_text())
    Draft202012Validator.check_schema(schema)

    def check(name, document):
        sub = dict(schema, **{"$ref": f"#/$defs/{name}"})
        Draft202012Validator(sub).validate(document)

    check("model", cli("show", "GPT-3", "--json").json())
    check("list", cli("list", "--json").json())
    check("compare", cli("compare", "GPT-1", "GPT-3", "--json").json())
    check("timeline", cli("timeline", "--json").json())
    check("search", cli("search", "GPT", "--json").json())


def test_the_plot_can_draw_training_compute(cli):
    r = cli("timeline", "--plot", "--y", "compute", "--json")
    assert r.code == 0, r
    pts = r.json()["points"]
    assert pts and all(p["value"] >= 1e6 and p["label"].endswith("FLOP") for p in pts)
    landmarks = [p["value"] for p in pts if p["landmark"]]
    assert landmarks == sorted(landmarks)
    assert cli("timeline", "--plot", "--y", "bogus").code == 2


def test_plot_options_are_checked_before_a_file_is_written(cli, tmp_path):
    out = tmp_path / "chart.svg"
    r = cli("timeline", "--plot", "--svg", str(out), "--format", "csv")
    assert r.code == 2 and not out.exists()
