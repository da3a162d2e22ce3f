"""Arbitrary input never ends in a traceback; output is safe to pipe, colour follows the environment."""

import os
import subprocess
import sys

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import glmref_command

ARG_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=60)
PROBLEM_LINE = r"^.+:\d+:\d+: .+: .+: .+$"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(command=st.sampled_from([["show"], ["search"], ["compare", "GPT-3"], ["list", "--org"], ["list", "--year"],
                                ["list", "--min-params"], ["timeline", "--since"], ["list", "--sort"],
                                ["list", "--country"], ["show", "--json"]]),
       words=st.lists(ARG_TEXT, min_size=1, max_size=3))
def test_no_argument_produces_a_traceback(cli, command, words):
    r = cli(*command, *words)
    assert r.code in (0, 1, 2), r
    assert "Traceback" not in r.err
    if r.code != 0:
        messages = [l for l in r.err.splitlines() if l.strip()]
        assert len(messages) == 1, r.err  # one clear line
        assert messages[0].startswith("glmref: ")


VALUE = st.one_of(st.none(), st.booleans(), st.integers(-10**15, 10**15), st.floats(allow_nan=False),
                  st.text(max_size=20), st.lists(st.text(max_size=8), max_size=3),
                  st.dictionaries(st.sampled_from(["value", "source", "event", "note", "input", "output", "x"]),
                                  st.one_of(st.text(max_size=10), st.integers(), st.none()), max_size=3))
FIELDS = ["id", "name", "name_zh", "aliases", "kind", "family", "organizations", "released", "parameters",
          "training_tokens", "context_window", "architecture", "modalities", "access", "predecessor", "based_on",
          "concepts", "introduced", "description", "sources", "claims", "bogus"]
RECORD = st.dictionaries(st.sampled_from(FIELDS), VALUE, max_size=10)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(records=st.lists(RECORD, max_size=4), list_name=st.sampled_from(["models", "organizations", "concepts",
                                                                      "sources", "other"]))
def test_generated_records_are_validated_never_crash(cli, tmp_path_factory, records, list_name):
    import re

    path = tmp_path_factory.mktemp("gen") / "gen.yaml"
    path.write_text(yaml.safe_dump({"schema": 1, list_name: records}, allow_unicode=True), encoding="utf-8")
    r = cli("validate", str(path))
    assert r.code in (0, 2), r
    assert "Traceback" not in r.err
    for line in r.err.splitlines():
        if not line.startswith("glmref:"):
            assert re.match(PROBLEM_LINE, line), line
    if r.code == 2:
        shown = cli("--data", str(path), "show", "GPT-3")
        assert shown.code == 2 and str(path) in shown.err


def _big_overlay(tmp_path, n=2000):
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "benchmarks"))
    from make_catalog import write_catalog

    path = tmp_path / "big.yaml"
    write_catalog(str(path), n)
    return path


def test_output_cut_short_by_head_ends_quietly(tmp_path):
    big = _big_overlay(tmp_path)
    env = dict(os.environ, GLMREF_DATA=str(big), GLMREF_CACHE_DIR=str(tmp_path / "c"))
    cmd = " ".join(glmref_command())
    for args in ("list", "list --json", "timeline", "search model"):
        p = subprocess.run(f"{cmd} {args} | head -n 1", shell=True, capture_output=True, env=env, timeout=120,
                           executable="/bin/bash")
        assert p.stderr == b"", (args, p.stderr[-500:])
        assert p.stdout.strip(), args


COLOUR = __import__("re").compile(r"\x1b\[(?:[0-9]+;)*(?:3[0-7]|9[0-7]|38;[25])")


def _escapes(proc, env):
    out = proc("show", "GPT-1", env=env).out
    return "\x1b[" in out, bool(COLOUR.search(out))


def test_colour_only_when_asked_or_on_a_terminal(proc):
    assert _escapes(proc, {}) == (False, False)  # a pipe: plain text
    assert _escapes(proc, {"FORCE_COLOR": "1"}) == (True, True)
    assert _escapes(proc, {"FORCE_COLOR": "1", "NO_COLOR": "1"})[1] is False  # NO_COLOR: bold may stay, colour goes
    assert _escapes(proc, {"TERM": "dumb"}) == (False, False)


def test_non_utf8_terminals_degrade_instead_of_failing(proc):
    for encoding in ("ascii", "latin-1"):
        for args in (("show", "GPT-3"), ("timeline",), ("list",), ("compare", "GPT-2", "GPT-3")):
            r = proc(*args, env={"PYTHONIOENCODING": encoding})
            assert r.code == 0, (encoding, args, r)
            assert "Traceback" not in r.err and "UnicodeEncodeError" not in r.err
        doc = proc("show", "GPT-3", "--json", env={"PYTHONIOENCODING": "ascii"})
        import json

        assert json.loads(doc.out)["id"] == "gpt-3"


def test_narrow_and_wide_terminals(proc):
    for columns in ("20", "40", "120", "250"):
        for args in (("show", "GPT-1"), ("list",), ("timeline",), ("compare", "GPT-1", "GPT-2", "GPT-3"),
                     ("search", "GPT")):
            r = proc(*args, env={"COLUMNS": columns})
            assert r.code == 0, (columns, args, r)
            assert all(len(line) <= int(columns) for line in r.out.splitlines()), (columns, args)
    narrow = proc("show", "GPT-3", env={"COLUMNS": "20"}).out
    assert "175B" in narrow  # the values stay visible


def test_compare_with_many_names(cli):
    r = cli("compare", *["GPT-1", "GPT-2", "GPT-3"] * 5)
    assert r.code == 2 and len(r.err.strip().splitlines()) == 1


def test_pager_only_on_a_terminal_and_never_with_no_pager(tmp_path):
    import pty
    import select

    marker = tmp_path / "paged"
    pager = f"sh -c 'cat > {marker}'"
    env = dict(os.environ, GLMREF_PAGER=pager, LINES="5", COLUMNS="100", GLMREF_CACHE_DIR=str(tmp_path / "c"))
    env.pop("GLMREF_DATA", None)
    piped = subprocess.run(glmref_command() + ["show", "GPT-1"], capture_output=True, env=env, timeout=60)
    assert piped.returncode == 0 and b"GPT-1" in piped.stdout and not marker.exists()

    def on_terminal(*args):
        pid, fd = pty.fork()
        if pid == 0:
            os.execvpe(glmref_command()[0], glmref_command() + list(args), env)
        out = b""
        while True:
            ready, _, _ = select.select([fd], [], [], 30)
            if not ready:
                break
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
        os.waitpid(pid, 0)
        return out

    on_terminal("--no-pager", "show", "GPT-1")
    assert not marker.exists()
    on_terminal("show", "GPT-1")
    assert marker.exists() and b"GPT-1" in marker.read_bytes()


def test_chinese_names_first_with_zh(cli, tmp_path):
    data = tmp_path / "zh.yaml"
    data.write_text("""schema: 1
sources: [{id: s, short: S, title: T, kind: website, date: "2025", url: "https://example.org/"}]
organizations: [{id: zh-lab, name: Lab, name_zh: 实验室, country: CN, kind: lab, sources: [s]}]
models: [{id: zh-model, name: Wenxin Test, name_zh: 文心测试, kind: model, organizations: [zh-lab], sources: [s],
          released: {value: "2024", event: release, source: s}}]
""", encoding="utf-8")
    english_first = cli("--data", str(data), "show", "文心测试").out
    assert english_first.index("Wenxin Test") < english_first.index("文心测试")
    chinese_first = cli("--data", str(data), "--zh", "show", "Wenxin Test").out
    assert chinese_first.index("文心测试") < chinese_first.index("Wenxin Test")
    listed = cli("--data", str(data), "list", "--org", "Lab", env={"GLMREF_LANG": "zh"}).out
    assert listed.index("文心测试") < listed.index("Wenxin Test") and "实验室" in listed
