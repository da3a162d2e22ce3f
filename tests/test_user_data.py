"""User data files: added, overriding, validated, and never able to execute or garble anything."""

import json
import re

import pytest

PROBLEM = re.compile(r"^(?P<file>.+):(?P<line>\d+):(?P<column>\d+): (?P<record>[^:]+): (?P<field>[^:]+): (?P<message>.+)$")

GOOD = """schema: 1
sources:
  - {id: my-notes, short: My notes 2025, title: Lab notebook, kind: website, date: "2025-01", url: "https://example.org/notes"}
organizations:
  - {id: my-lab, name: My Lab, name_zh: 我的实验室, country: DE, kind: lab, sources: [my-notes]}
models:
  - id: my-model
    name: My Model 2
    aliases: [MM2]
    kind: model
    organizations: [my-lab]
    released: {value: "2025-03", event: release, source: my-notes}
    parameters: {value: 12B, source: my-notes}
    predecessor: gpt-3
    sources: [my-notes]
"""


def write(tmp_path, text, name="mine.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_data_option_adds_records_linked_to_the_packaged_ones(cli, tmp_path):
    path = write(tmp_path, GOOD)
    r = cli("--data", str(path), "show", "MM2", "--json")
    assert r.code == 0, r
    doc = r.json()
    assert doc["id"] == "my-model" and doc["origin"] == str(path)
    assert doc["predecessor"]["id"] == "gpt-3"
    gpt3 = cli("--data", str(path), "show", "GPT-3", "--json").json()
    assert "my-model" in [s["id"] for s in gpt3["successors"]]
    assert str(path) in cli("--data", str(path), "show", "MM2").out  # the card names the file


def test_glmref_data_takes_several_paths_and_directories(cli, tmp_path):
    import os

    one = tmp_path / "one"
    one.mkdir()
    write(one, GOOD)
    other = write(tmp_path, GOOD.replace("my-model", "my-other").replace("My Model 2", "Other Model 3")
                  .replace("MM2", "OM3").split("organizations:")[0].replace("my-notes", "my-notes2")
                  + "models:\n  - {id: my-other, name: Other Model 3, kind: model, organizations: [openai], sources: [my-notes2]}\n",
                  "other.yaml")
    r = cli("list", "--json", env={"GLMREF_DATA": os.pathsep.join([str(one), str(other)])})
    ids = {m["id"] for m in r.json()}
    assert {"my-model", "my-other", "gpt-3"} <= ids


def test_a_user_record_overrides_the_packaged_one_with_its_id(cli, tmp_path):
    text = GOOD.replace("id: my-model\n    name: My Model 2\n    aliases: [MM2]", "id: gpt-3\n    name: GPT-3") \
        .replace("predecessor: gpt-3", "predecessor: gpt-2")
    path = write(tmp_path, text)
    doc = cli("--data", str(path), "show", "GPT-3", "--json").json()
    assert doc["parameters"]["human"] == "12B" and doc["origin"] == str(path)


def test_validate_reports_every_problem_with_its_place(cli, tmp_path):
    bad = GOOD.replace("country: DE", "country: Atlantis").replace("value: 12B", "value: -3B") \
        .replace('value: "2025-03"', 'value: "2999-01"').replace("predecessor: gpt-3", "predecessor: gpt-99\n    colour: blue")
    path = write(tmp_path, bad)
    r = cli("validate", str(path))
    assert r.code == 2
    lines = [l for l in r.err.splitlines() if not l.startswith("glmref:")]
    assert len(lines) == 5, r.err
    for line in lines:
        m = PROBLEM.match(line)
        assert m and m["file"] == str(path), line
    fields = {PROBLEM.match(l)["field"] for l in lines}
    assert {"country", "parameters", "released", "predecessor", "colour"} <= fields
    assert cli("validate", str(write(tmp_path, GOOD, "good.yaml"))).code == 0


def test_other_commands_refuse_bad_data_naming_the_file(cli, tmp_path):
    path = write(tmp_path, GOOD.replace("kind: lab", "kind: cult"))
    r = cli("--data", str(path), "show", "GPT-3")
    assert r.code == 2 and r.out == ""
    assert str(path) in r.err and "kind" in r.err


@pytest.mark.parametrize("content, expected", [
    (b"", "empty"),
    (b"\xff\xfe\x00bad", "UTF-8"),
    (b"schema: 1\nschema: 1\n", "duplicate key"),
    (b"schema: 1\nmodels: !!python/object/apply:os.system ['echo pwned']\n", "tag"),
    (b"schema: 1\na: &x [1, 2]\nb: *x\n", "anchor"),
    (b"schema: 1\nmodels: " + b"[" * 200 + b"]" * 200 + b"\n", "nested"),
    (b"schema: 1\nmodels: [\n", "not valid YAML"),
    (b"- just\n- a list\n", "mapping"),
    (b"schema: 2\n", "version"),
])
def test_hostile_or_broken_files_are_reported_not_obeyed(cli, tmp_path, content, expected):
    path = tmp_path / "bad.yaml"
    path.write_bytes(content)
    r = cli("validate", str(path))
    assert r.code == 2
    assert expected.lower() in r.err.lower(), r.err
    assert "Traceback" not in r.err


def test_an_alias_bomb_is_refused_quickly(cli, tmp_path):
    lines = ["schema: 1", "a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [*a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}]"
              for i in range(1, 30)]
    path = write(tmp_path, "\n".join(lines) + "\n")
    r = cli("validate", str(path))
    assert r.code == 2 and "anchor" in r.err


def test_missing_data_path_is_a_usage_error(cli, tmp_path):
    r = cli("--data", str(tmp_path / "nope.yaml"), "show", "GPT-3")
    assert r.code == 2 and "does not exist" in r.err and r.out == ""


HOSTILE = GOOD.replace("name: My Model 2", 'name: "[bold red]Evil[/] \\e]8;;https://evil.example/\\e\\\\click\\e]8;;\\e\\\\ \\e[31mred"') \
    .replace("    sources: [my-notes]\n", '    description: "[link=https://evil.example]x[/link] [/] \\a\\e[2J"\n    sources: [my-notes]\n', 1)


def test_markup_and_escape_sequences_in_data_never_reach_the_terminal(proc, tmp_path):
    path = write(tmp_path, HOSTILE)
    r = proc("--data", str(path), "show", "MM2", env={"FORCE_COLOR": "1", "COLUMNS": "200"})
    assert r.code == 0, r
    assert "[bold red]Evil[/]" in r.out and "[link=https://evil.example]x[/link] [/]" in r.out
    assert "\x1b]8;;https://evil.example" not in r.out and "\x1b[2J" not in r.out and "\x07" not in r.out
    assert "\x1b[31mred" not in r.out
    for args in (("list",), ("timeline",), ("search", "Evil"), ("compare", "MM2", "GPT-3")):
        out = proc("--data", str(path), *args, env={"FORCE_COLOR": "1"}).out
        assert "\x1b]8;;https://evil" not in out and "\x1b[2J" not in out, args
    doc = json.loads(proc("--data", str(path), "show", "MM2", "--json").out)
    assert "\x1b]8;;https://evil.example/" in doc["name"]  # JSON carries the text verbatim
