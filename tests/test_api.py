"""glmref as a Python library: every function answers what the command line's --json answers for the same
query, lookups stay exact, user data comes in through open(), and importing it pulls in no terminal code."""

import importlib.resources
import json
import subprocess
import sys
import typing

import pytest

import glmref
from glmref import api


@pytest.fixture(autouse=True)
def fresh_library():
    api._packaged.clear()  # each test opens the packaged catalog under its own cache directory
    yield
    api._packaged.clear()


def test_get_is_what_show_json_prints(cli):
    for name in ("GPT-3", "文心一言", "OpenAI", "transformer", "brown-2020-gpt3", "gpt3"):
        assert glmref.get(name) == cli("show", name, "--json").json(), name


@pytest.mark.parametrize("name", ["GPT-33", "chinchila", "Llama 5", "GPT-4 omni mini", "zzzz"])
def test_get_never_answers_with_another_record(cli, name):
    """Where the CLI's table output might accept a typo, the library raises, as --json does."""
    with pytest.raises(glmref.NotFound) as raised:
        glmref.get(name)
    assert cli("show", name, "--json").code == 1
    assert isinstance(raised.value, LookupError)
    assert all(isinstance(s, str) for s in raised.value.suggestions)


def test_not_found_carries_the_suggestions_the_cli_prints(cli):
    with pytest.raises(glmref.NotFound) as raised:
        glmref.get("GPT-33")
    suggestions = raised.value.suggestions
    assert "GPT-3" in suggestions
    assert f"did you mean: {', '.join(suggestions)}" in cli("show", "GPT-33", "--json").err


QUERIES = [
    ({}, []),
    ({"org": "OpenAI"}, ["--org", "OpenAI"]),
    ({"org": ["Meta", "Mistral AI"], "open_weights": True}, ["--org", "Meta", "--org", "Mistral AI", "--open"]),
    ({"country": "CN", "year": "2021-2022"}, ["--country", "CN", "--year", "2021-2022"]),
    ({"year": 2020}, ["--year", "2020"]),
    ({"since": "2025-06", "until": "2026", "sort": "params", "reverse": True, "limit": 7},
     ["--since", "2025-06", "--until", "2026", "--sort", "params", "--reverse", "--limit", "7"]),
    ({"min_params": "100B", "arch": "moe"}, ["--min-params", "100B", "--arch", "moe"]),
    ({"modality": "image", "kind": "model"}, ["--modality", "image", "--kind", "model"]),
    ({"family": "llama", "sort": "name"}, ["--family", "llama", "--sort", "name"]),
    ({"min_context": "1M", "access": "api"}, ["--min-context", "1M", "--access", "api"]),
    ({"max_params": 1_000_000_000, "sort": "compute"}, ["--max-params", "1B", "--sort", "compute"]),
]


@pytest.mark.parametrize("kwargs,args", QUERIES, ids=[" ".join(a) or "all" for _, a in QUERIES])
def test_models_is_what_list_json_prints(cli, kwargs, args):
    expected = cli("list", *args, "--json")
    assert expected.code in (0, 1)
    assert glmref.models(**kwargs) == expected.json()


def test_models_are_oldest_first_by_default():
    dates = [m["released"]["date"] for m in glmref.models(org="Google DeepMind") if m["released"]]
    assert dates == sorted(dates)


@pytest.mark.parametrize("kwargs", [{"year": "20x0"}, {"sort": "size"}, {"min_params": "lots"}, {"limit": 0},
                                    {"modality": "smell"}, {"family": "no-such-family"}])
def test_a_bad_filter_raises_a_clear_error(kwargs):
    with pytest.raises(glmref.GlmrefError) as raised:
        glmref.models(**kwargs)
    assert str(raised.value)


def test_an_unknown_filter_name_is_a_type_error():
    with pytest.raises(TypeError):
        glmref.models(organisation="OpenAI")


@pytest.mark.parametrize("text", ["mixture of experts", "百度", "few-shot", "GPT"])
def test_search_is_what_search_json_prints(cli, text):
    assert glmref.search(text) == cli("search", *text.split(), "--json").json()
    assert glmref.search(text, limit=3, types="model") == cli("search", text, "-n", "3", "-t", "model", "--json").json()


def test_compare_is_what_compare_json_prints(cli):
    assert glmref.compare("GPT-2", "GPT-3", "GPT-4") == cli("compare", "GPT-2", "GPT-3", "GPT-4", "--json").json()
    with pytest.raises(glmref.UsageProblem):
        glmref.compare("GPT-3")
    with pytest.raises(glmref.NotFound):
        glmref.compare("GPT-3", "chinchila")  # the CLI's table would accept the typo; the library does not


@pytest.mark.parametrize("name", ["llama", "GPT-3", "claude"])
def test_family_is_what_family_json_prints(cli, name):
    assert glmref.family(name) == cli("family", name, "--json").json()


@pytest.mark.parametrize("fmt", ["bibtex", "apa", "ris"])
def test_cite_is_what_cite_prints(cli, fmt):
    assert glmref.cite("GPT-3", "PaLM", format=fmt) == cli("cite", "GPT-3", "PaLM", "--format", fmt).out
    assert glmref.cite(org="Baidu", format=fmt) == cli("cite", "--org", "Baidu", "--format", fmt).out


def test_cite_json_and_errors(cli):
    assert glmref.cite("GPT-3", format="json") == cli("cite", "GPT-3", "--format", "json").json()
    with pytest.raises(glmref.UsageProblem):
        glmref.cite("GPT-3", format="mla")
    with pytest.raises(glmref.UsageProblem):
        glmref.cite()


def test_stats_is_what_stats_json_prints(cli):
    assert glmref.stats() == cli("stats", "--json").json()


def test_open_adds_user_data_and_leaves_the_packaged_catalog_alone(cli, tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("schema: 1\nmodels:\n  - {id: my-model, name: My Model, kind: model, organizations: [openai],"
                    " parameters: {value: 7B, source: brown-2020-gpt3}, sources: [brown-2020-gpt3]}\n",
                    encoding="utf-8")
    mine = glmref.open(data=[str(path)])
    record = mine.get("My Model")
    assert record == cli("--data", str(path), "show", "My Model", "--json").json()
    assert record["origin"] == str(path) and record["parameters"]["value"] == 7_000_000_000
    assert any(m["id"] == "my-model" for m in mine.models(org="OpenAI"))
    assert glmref.open(data=str(path)).get("my-model")["id"] == "my-model"  # one path as a string
    with pytest.raises(glmref.NotFound):
        glmref.get("My Model")  # the packaged catalog does not see it


def test_open_reads_epoch_csv_and_reports_bad_files(tmp_path):
    good = tmp_path / "epoch.csv"
    good.write_text("Model,Organization,Publication date,Parameters\nFooNet-9,Acme,2021-03-04,9000000000\n",
                    encoding="utf-8")
    assert glmref.open(data=[str(good)]).get("FooNet-9")["parameters"]["value"] == 9_000_000_000
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema: 1\nmodels:\n  - {id: x}\n", encoding="utf-8")
    with pytest.raises(glmref.DataError) as raised:
        glmref.open(data=[str(bad)])
    assert raised.value.problems and str(bad) in str(raised.value.problems[0])
    with pytest.raises(glmref.UsageProblem):
        glmref.open(data=[str(tmp_path / "missing.yaml")])


def test_importing_and_using_glmref_loads_no_terminal_code():
    code = ("import sys, glmref\n"
            "assert glmref.get('GPT-3')['name'] == 'GPT-3'\n"
            "glmref.models(org='OpenAI'); glmref.search('bert'); glmref.family('gpt'); glmref.cite('GPT-3')\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('typer', 'click', 'rich')))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_import_glmref_alone_loads_nothing_else_of_glmref():
    code = "import sys, glmref; print(sorted(m for m in sys.modules if m.startswith('glmref')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "['glmref']"


def test_the_public_names_are_documented_and_typed():
    for name in ("get", "models", "search", "compare", "family", "cite", "stats", "open"):
        fn = getattr(glmref, name)
        assert fn.__doc__, name
        hints = typing.get_type_hints(fn, globalns=vars(api), localns=vars(__import__("glmref.types").types))
        assert "return" in hints, name
    assert (importlib.resources.files("glmref") / "py.typed").is_file()


def _schema():
    return json.loads((importlib.resources.files("glmref") / "schemas" / "output.schema.json").read_text())


def _properties(schema, node):
    node = node.get("anyOf", [node])[0]
    if "$ref" in node:
        node = schema["$defs"][node["$ref"].rsplit("/", 1)[1]]
    if "allOf" in node:
        keys = set()
        for part in node["allOf"]:
            keys |= _properties(schema, part)
        return keys
    return set(node.get("properties", {}))


def test_the_typed_shapes_match_the_json_schema():
    from glmref import types

    schema = _schema()
    defs = schema["$defs"]
    model = defs["model"]["properties"]
    assert set(types.Model.__annotations__) == set(model)
    pairs = {"released": types.DateFact, "parameters": types.SizeFact, "training_tokens": types.SizeFact,
             "training_compute": types.ComputeFact, "context_window": types.ContextFact,
             "max_output_tokens": types.TokensFact, "knowledge_cutoff": types.CutoffFact,
             "architecture": types.ArchitectureFact, "modalities": types.ModalitiesFact,
             "access": types.AccessFact, "api_ids": types.ApiIds, "lifecycle": types.Lifecycle}
    for field, shape in pairs.items():
        assert set(typing.get_type_hints(shape)) == _properties(schema, model[field]), field
    assert set(types.SourceRecord.__annotations__) == set(defs["source"]["properties"])
    assert set(types.OrganizationSummary.__annotations__) == set(defs["organization_summary"]["properties"])
    assert set(types.Disagreement.__annotations__) == set(defs["disagreement"]["properties"])
    assert set(types.SearchHit.__annotations__) == set(defs["search"]["items"]["properties"])
    assert set(types.Comparison.__annotations__) == set(defs["compare"]["properties"])
    assert set(types.Growth.__annotations__) == set(defs["compare"]["properties"]["growth"]["items"]["required"])


def test_a_model_from_the_library_has_every_key_its_type_declares():
    from glmref import types

    for record in glmref.models(limit=50) + [glmref.get("GPT-4")]:
        assert set(record) == set(types.Model.__annotations__), record["id"]


def test_no_submodule_shadows_an_api_function():
    """Importing a submodule binds it on the package: none may be named like a function of the API."""
    import importlib
    import pkgutil
    import types as pytypes

    for info in pkgutil.walk_packages(glmref.__path__, "glmref."):
        if info.name != "glmref.__main__":  # that one runs the command line
            importlib.import_module(info.name)
    for name in glmref._API:
        assert not isinstance(getattr(glmref, name), pytypes.ModuleType), name
