"""list, compare, timeline, search and completion through the real entry point."""

import json

import pytest

from glmref.catalog import open_catalog
from glmref.values import parse_size


def models():
    return open_catalog().models()


def test_list_json_is_every_model_in_release_order(cli):
    r = cli("list", "--json")
    assert r.code == 0 and r.err == ""
    doc = r.json()
    assert [m["id"] for m in doc] == [m["id"] for m in models()]
    dates = [m["released"]["date"] for m in doc if m["released"]]
    assert dates == sorted(dates)


def test_list_table_shows_names_and_sizes(cli):
    r = cli("list")
    assert r.code == 0
    for m in models()[:5]:
        assert m["name"].split()[0] in r.out, m["name"]  # a long name may wrap inside its cell


def test_list_filters_by_organization_and_its_labs(cli):
    r = cli("list", "--org", "openai", "--json")
    assert r.code == 0
    doc = r.json()
    assert doc and all(any(o["id"] == "openai" for o in m["organizations"]) for m in doc)
    expected = [m["id"] for m in models() if "openai" in m["organizations"]]
    assert [m["id"] for m in doc] == expected


def test_list_filters_by_year_and_size(cli):
    doc = cli("list", "--year", "2019-2020", "--json").json()
    assert doc and all("2019" <= m["released"]["date"][:4] <= "2020" for m in doc)
    big = cli("list", "--min-params", "100B", "--json").json()
    assert big and all(m["parameters"]["value"] >= 100 * 10**9 for m in big)
    assert cli("list", "--max-params", "1B", "--json").code in (0, 1)


def test_list_sort_by_params_puts_largest_first_and_limit_cuts(cli):
    doc = cli("list", "--sort", "params", "--limit", "3", "--json").json()
    sizes = [m["parameters"]["value"] for m in doc]
    assert len(doc) == 3 and sizes == sorted(sizes, reverse=True)


def test_list_with_nothing_matching_exits_1(cli):
    r = cli("list", "--year", "1950", "--json")
    assert r.code == 1 and r.json() == [] and "no model" in r.err


@pytest.mark.parametrize("args", [
    ("list", "--sort", "colour"), ("list", "--year", "20x0"), ("list", "--min-params", "lots"),
    ("list", "--modality", "smell"), ("list", "--country", "Atlantis"), ("list", "--since", "2020-13"),
    ("list", "--limit", "0"), ("list", "--no-such-option"), ("list", "--org", "no such org at all"),
])
def test_bad_options_are_one_line_errors(cli, args):
    r = cli(*args)
    assert r.code in (1, 2), r
    assert r.out == ""
    assert len(r.err.strip().splitlines()) == 1, r.err
    assert "Traceback" not in r.err


def test_a_bad_size_option_shows_the_form_that_option_takes(cli):
    """A context window is counted in tokens; telling someone to write 7B there would mislead."""
    context = cli("list", "--min-context", "lots")
    params = cli("list", "--min-params", "lots")
    assert context.code == params.code == 2
    assert "128K" in context.err and "7B" not in context.err
    assert "7B" in params.err and "128K" not in params.err


def test_compare_shows_growth_between_models(cli):
    r = cli("compare", "GPT-2", "GPT-3", "--json")
    assert r.code == 0
    doc = r.json()
    g2, g3 = (open_catalog().get(i) for i in ("gpt-2", "gpt-3"))
    factor = doc["growth"][0]["parameters_factor"]
    assert factor == pytest.approx(g3["parameters"]["value"] / g2["parameters"]["value"])
    params = next(row for row in doc["rows"] if row["field"] == "parameters")
    assert params["differs"]
    kind = next(row for row in doc["rows"] if row["field"] == "kind")
    assert not kind["differs"]
    table = cli("compare", "GPT-2", "GPT-3").out
    assert f"×{factor:,.0f}" in table


def test_compare_needs_two_distinct_models(cli):
    assert cli("compare", "GPT-3").code == 2
    r = cli("compare", "GPT-3", "gpt3")
    assert r.code == 2 and "already" in r.err


def test_compare_unknown_name_exits_1(cli):
    r = cli("compare", "GPT-3", "zzqxv")
    assert r.code == 1 and r.out == ""


def test_timeline_json_is_in_date_order_and_tree_has_years(cli):
    r = cli("timeline", "--json")
    assert r.code == 0
    events = r.json()["events"]
    assert [e["date"] for e in events] == sorted(e["date"] for e in events)
    assert {m["id"] for m in models() if m.get("released")} <= {e["id"] for e in events}
    tree = cli("timeline").out
    for year in {e["date"][:4] for e in events}:
        assert year in tree


def test_timeline_filters_like_list(cli):
    events = cli("timeline", "--org", "OpenAI", "--json").json()["events"]
    assert events and all(e["type"] == "model" and "OpenAI" in e["organizations"] for e in events)
    dated = cli("timeline", "--year", "2019", "--json").json()["events"]
    assert dated and all(e["date"].startswith("2019") for e in dated)


def test_search_ranks_and_says_why(cli):
    r = cli("search", "GPT-3", "--json")
    assert r.code == 0
    hits = r.json()
    assert hits[0]["id"] == "gpt-3"
    assert hits[0]["matched"][0]["field"] in ("name", "alias")
    words = cli("search", "few-shot", "--json").json()
    gpt3 = next(h for h in words if h["id"] == "gpt-3")
    assert any("few-shot" in m["text"].lower() for m in gpt3["matched"])


def test_search_with_no_hits_exits_1(cli):
    r = cli("search", "qqqzzzxxx", "--json")
    assert r.code == 1 and r.json() == []


def test_every_command_has_json_without_colour(cli):
    for args in (("show", "GPT-2"), ("list",), ("compare", "GPT-1", "GPT-2"), ("timeline",), ("search", "GPT")):
        r = cli(*args, "--json", env={"FORCE_COLOR": "1"})
        assert r.code == 0, args
        json.loads(r.out)
        assert "\x1b[" not in r.out


def test_version(cli):
    from glmref import __version__

    r = cli("--version")
    assert r.code == 0 and __version__ in r.out


def test_completion_of_model_names_in_a_real_process(proc):
    r = proc(env={"_GLMREF_COMPLETE": "complete_bash", "COMP_WORDS": "glmref show GP", "COMP_CWORD": "2"})
    assert r.code == 0
    candidates = r.out.split()
    assert "GPT-3" in candidates and "GPT-2" in candidates
    assert all(c.upper().startswith("GP") for c in candidates)
    r = proc(env={"_GLMREF_COMPLETE": "complete_bash", "COMP_WORDS": "glmref compare GPT-2 GP", "COMP_CWORD": "3"})
    assert "GPT-3" in r.out.split()


def test_completion_of_organizations_for_org(proc):
    r = proc(env={"_GLMREF_COMPLETE": "complete_bash", "COMP_WORDS": "glmref list --org Open", "COMP_CWORD": "3"})
    assert "OpenAI" in r.out.split()


def test_completion_prints_nothing_but_candidates_with_bad_data(proc, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("models: [oops\n")
    r = proc(env={"_GLMREF_COMPLETE": "complete_bash", "COMP_WORDS": "glmref show GP", "COMP_CWORD": "2",
                  "GLMREF_DATA": str(bad)})
    assert r.code == 0 and r.out.strip() == "" and r.err == ""


def test_python_dash_m_works(proc):
    import subprocess
    import sys

    p = subprocess.run([sys.executable, "-m", "glmref", "show", "GPT-3", "--json"], capture_output=True, timeout=60)
    assert p.returncode == 0 and json.loads(p.stdout)["id"] == "gpt-3"


def test_timeline_shows_only_the_eras_its_range_overlaps(cli):
    doc = cli("timeline", "--since", "2017", "--until", "2018-12", "--json").json()
    assert doc["events"] and all("2017" <= e["date"] <= "2018-12~" for e in doc["events"])
    for era in doc["eras"]:
        assert era["from"] <= "2018-12~" and (era["to"] or "9999") + "~" >= doc["events"][0]["date"]
    everything = cli("timeline", "--json").json()["eras"]
    assert len(doc["eras"]) < len(everything)


HELP_COMMANDS = ("show", "list", "compare", "timeline", "search", "family", "cite", "stats", "check", "validate")


@pytest.mark.parametrize("command", HELP_COMMANDS)
def test_help_paragraphs_wrap_at_the_terminal_edge(cli, command):
    """A docstring paragraph wrapped in the source is re-wrapped to the terminal, not printed with the
    source's line breaks: at 400 columns each prose paragraph is one line, and at 60 no line of a paragraph
    stops short where the next word would have fitted."""
    import inspect

    import typer
    from rich.cells import cell_len

    from glmref.cli import app

    doc = inspect.cleandoc(typer.main.get_command(app).commands[command].help)
    prose = [" ".join(p.split()) for p in doc.split("\n\n")
             if not any(line[:1].isspace() for line in p.split("\n")[1:])]
    wide = cli(command, "--help", env={"COLUMNS": "400"})
    assert wide.code == 0
    for paragraph in prose:
        assert paragraph in [line.strip() for line in wide.out.splitlines()], paragraph

    narrow = cli(command, "--help", env={"COLUMNS": "60"})
    text = narrow.out.split("\u256d")[0]  # the description, above the first panel
    for block in text.split("\n\n"):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if not lines or lines[0].startswith("Usage:") or lines[0].startswith("Examples:"):
            continue
        for line, following in zip(lines, lines[1:]):
            assert cell_len(line) + 1 + cell_len(following.split()[0]) > 58, (line, following)
