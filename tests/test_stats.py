"""`glmref stats`: the catalog's counts and completeness, as the README quotes them."""

import re
from pathlib import Path

from glmref.catalog import open_catalog
from glmref.coverage import FIELDS, field_status

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_stats_json_counts_every_record_and_shares_add_up(cli):
    r = cli("stats", "--json")
    assert r.code == 0 and r.err == ""
    s = r.json()
    assert s["records"] == {k: open_catalog().counts()[k] for k in ("model", "organization", "concept", "source")}
    assert sum(s["models_by_year"].values()) == s["records"]["model"]
    assert sum(s["models_by_kind"].values()) == s["records"]["model"]
    assert {f["field"] for f in s["fields"]} == {f for f, _, _ in FIELDS}
    for f in s["fields"]:
        assert sum(f["counts"].values()) == f["records"]
        assert abs(sum(f["percent"].values()) - 100) < 0.5 or f["records"] == 0


def test_field_shares_match_the_records(cli):
    s = cli("stats", "--json").json()
    params = next(f for f in s["fields"] if f["field"] == "parameters")
    models = [m for m in open_catalog().models() if m["kind"] in ("model", "model-family")]
    undisclosed = sum(1 for m in models if field_status(m, "parameters") == "undisclosed")
    assert params["counts"]["undisclosed"] == undisclosed
    assert params["records"] == len(models)


def test_the_newest_release_is_the_latest_date(cli):
    s = cli("stats", "--json").json()
    dates = [m["released"]["value"] for m in open_catalog().models() if m.get("released")]
    assert s["newest"]["date"] == max(dates)


def test_stats_reads_at_every_width(cli):
    for width in ("40", "80", "120"):
        r = cli("--no-pager", "stats", env={"COLUMNS": width})
        assert r.code == 0
        assert "parameters" in r.out
        assert max(len(line) for line in r.out.splitlines()) <= int(width)


def test_the_readme_quotes_the_stats(cli):
    """The README's completeness table is `glmref stats` output: each quoted share must be the current one."""
    s = cli("stats", "--json").json()
    quoted = dict(re.findall(r"^\| ([a-z A-Z]+?) \| ([\d.]+)% \|", README, flags=re.M))
    assert quoted, "README has no completeness table"
    by_label = {f["label"]: f for f in s["fields"]}
    for label, share in quoted.items():
        assert label in by_label, label
        assert float(share) == by_label[label]["known_percent"], (label, share, by_label[label]["known_percent"])
