"""What an adversarial review found, one test per class: text from data never reaches a terminal, a file
format or a spreadsheet as control sequences or injected structure."""

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glmref import safe

# ESC sequences (CSI, OSC 52 clipboard write, OSC 8 link), BEL, CR, NUL, C1, bidi and format characters
HOSTILE = ["\x1b[2J", "\x1b]52;c;aGVsbG8=\x07", "\x1b]8;;http://evil\x1b\\", "\x07", "\r", "\x00", "\x9b31m",
           "\u202e", "\u2066", "\u200b", "\ufeff", "\u2028"]
INVISIBLE = set("\x1b\x07\r\x00\x9b\u202e\u2066\u200b\ufeff\u2028")


def _hostile_file(tmp_path, name, title, url="https://example.com/x"):
    path = tmp_path / "hostile.yaml"
    doc = {"schema": 1,
           "sources": [{"id": "evil-src", "short": "Evil 2024", "kind": "paper", "title": title,
                        "date": "2024", "url": url, "publisher": "P"}],
           "models": [{"id": "evil-model", "name": name, "kind": "model", "organizations": ["openai"],
                       "released": {"value": "2024-01", "event": "release", "source": "evil-src"},
                       "parameters": {"value": "7B", "source": "evil-src"}, "sources": ["evil-src"]}]}
    path.write_text(json.dumps(doc), encoding="utf-8")  # JSON is YAML
    return path


@pytest.mark.parametrize("fmt", ["bibtex", "apa", "ris"])
@pytest.mark.parametrize("bad", HOSTILE)
def test_cite_never_prints_control_characters(cli, tmp_path, fmt, bad):
    data = _hostile_file(tmp_path, "Evil", f"A{bad}title")
    r = cli("--data", str(data), "cite", "evil-model", "--format", fmt)
    assert r.code == 0, r
    assert not INVISIBLE & set(r.out), repr(r.out)


def test_a_newline_in_a_title_never_forges_a_second_ris_record(cli, tmp_path):
    data = _hostile_file(tmp_path, "Evil", "Real title\nER  - \nTY  - JOUR\nTI  - Forged")
    r = cli("--data", str(data), "cite", "evil-model", "--format", "ris")
    assert r.out.count("TY  - ") == 1 and r.out.count("ER  - ") == 1


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
@pytest.mark.parametrize("cmd", [("list",), ("search", "Evil"), ("timeline", "--models-only")])
def test_file_formats_carry_no_raw_escape_or_bell(cli, tmp_path, fmt, cmd):
    data = _hostile_file(tmp_path, "Evil\x1b[31m\x07 model", "T")
    r = cli("--data", str(data), *cmd, "--format", fmt)
    assert r.code == 0, r
    assert "\x1b" not in r.out and "\x07" not in r.out


@pytest.mark.parametrize("lead", ["=", "+", "-", "@"])
def test_a_csv_cell_is_never_a_live_formula(cli, tmp_path, lead):
    data = _hostile_file(tmp_path, f"{lead}HYPERLINK(\"http://evil\")", "T")
    r = cli("--data", str(data), "list", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(r.out)))
    names = [row["name"] for row in rows if row["id"] == "evil-model"]
    assert names == [f"'{lead}HYPERLINK(\"http://evil\")"]


def test_the_svg_stays_valid_xml_whatever_the_name(cli, tmp_path):
    data = _hostile_file(tmp_path, "Evil\ufffe\x0b<b>&", "T")
    out = tmp_path / "chart.svg"
    r = cli("--data", str(data), "timeline", "--plot", "--svg", str(out))
    assert r.code == 0, r
    ET.fromstring(out.read_text(encoding="utf-8"))  # raises on invalid XML


@pytest.mark.parametrize("bad", ["\x1b[2J", "\u202e", "\x07", " "])
def test_validate_refuses_a_url_with_control_characters_or_spaces(cli, tmp_path, bad):
    data = _hostile_file(tmp_path, "Evil", "T", url=f"https://example.com/{bad}x")
    r = cli("validate", str(data))
    assert r.code == 2 and "url" in r.err


@pytest.mark.parametrize("bad", ["\u202e", "\u2066", "\u200f", "\x1b"])
def test_stderr_shows_invisible_characters_as_escapes(cli, bad):
    r = cli("show", f"zz{bad}qq-none")
    assert bad not in r.err and r.code in (1, 2)


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40))
def test_the_sanitiser_leaves_nothing_a_terminal_or_line_format_obeys(value):
    assert not safe.has_control(safe.terminal(value).replace("\n", ""))
    assert "\n" not in safe.one_line(value) and not safe.has_control(safe.one_line(value))
    assert not safe.has_control(safe.message(value))
    cell = safe.csv_cell(value)
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    ET.fromstring(f"<t>{safe.xml_text(value)}</t>")


# ------------------------------------------------------------------ odd input and odd environments


@pytest.mark.parametrize("digits", ["２０２４", "٢٠٢٤", "2024"])
def test_non_ascii_digits_in_a_year_mean_that_year(cli, digits):
    r = cli("list", "--year", digits, "--json")
    assert r.code == 0 and r.json() == cli("list", "--year", "2024", "--json").json()


def test_an_open_year_range_runs_to_today(cli):
    since = cli("list", "--since", "2026", "--json").json()
    assert since and cli("list", "--year", "2026-", "--json").json() == since


@pytest.mark.parametrize("bad", ["2020-x", "-", "20-2021", "2021-2020"])
def test_a_malformed_year_is_a_usage_error(cli, bad):
    r = cli("list", "--year", bad)
    assert r.code == 2 and len(r.err.strip().splitlines()) == 1


@pytest.mark.parametrize("columns", ["0", "-5", "wide", ""])
def test_an_unusable_columns_value_counts_as_unset(proc, columns):
    r = proc("show", "GPT-3", env={"COLUMNS": columns})
    assert r.code == 0 and "GPT-3" in r.out


def test_a_pager_command_with_unbalanced_quotes_is_no_crash(cli):
    r = cli("show", "GPT-3", env={"GLMREF_PAGER": 'less "x'})
    assert r.code == 0


def test_hidden_editor_and_special_files_in_a_data_directory_are_skipped(cli, tmp_path):
    import os

    good = _hostile_file(tmp_path, "Fine model", "T")
    data = tmp_path / "dir"
    data.mkdir()
    os.rename(good, data / "fine.yaml")
    for junk in (".#fine.yaml", "._fine.yaml", "fine.yaml~"):
        (data / junk).write_bytes(b"\x00\x01 not yaml")
    os.mkfifo(data / "pipe.yaml")  # reading it would hang
    r = cli("--data", str(data), "show", "evil-model", "--json")
    assert r.code == 0, r
    assert r.json()["name"] == "Fine model"
    assert "skipping" in r.err and "pipe.yaml" in r.err


def test_an_empty_data_path_is_a_usage_error(cli):
    for args in (("validate", ""), ("--data", "", "list")):
        r = cli(*args)
        assert r.code == 2, (args, r)


def test_a_data_file_too_large_is_refused_before_it_is_read_whole(cli, tmp_path, monkeypatch):
    from glmref import store

    monkeypatch.setattr(store, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "big.yaml"
    path.write_text("schema: 1\n" + "# padding\n" * 200, encoding="utf-8")
    r = cli("validate", str(path))
    assert r.code == 2 and "larger than" in r.err


# ---------------------------------------------------------------- user data against the packaged catalog

def _model_yaml(rid, name, extra=""):
    return ("schema: 1\nmodels:\n"
            f"  - {{id: {rid}, name: {name}, kind: model, organizations: [openai], sources: [brown-2020-gpt3]{extra}}}\n")


@pytest.mark.parametrize("packaged_id", ["openai", "transformer", "brown-2020-gpt3"])
def test_a_user_record_cannot_take_the_id_of_a_packaged_record_of_another_type(cli, tmp_path, packaged_id):
    path = tmp_path / "mine.yaml"
    path.write_text(_model_yaml(packaged_id, "Mine"), encoding="utf-8")
    r = cli("validate", str(path))
    assert r.code == 2, r
    assert str(path) in r.err and "packaged" in r.err, r.err
    r = cli("--data", str(path), "show", "GPT-3")
    assert r.code == 2 and str(path) in r.err and "Traceback" not in r.err


def test_a_user_model_may_still_replace_a_packaged_model(cli, tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(_model_yaml("gpt-3", "GPT-3"), encoding="utf-8")
    r = cli("--data", str(path), "show", "GPT-3", "--json")
    assert r.code == 0 and r.json()["id"] == "gpt-3"


# ---------------------------------------------------------------- data directories

def test_a_symlinked_subdirectory_is_read_and_a_link_cycle_ends(cli, tmp_path):
    import os

    real = tmp_path / "real"
    real.mkdir()
    (real / "m.yaml").write_text(_model_yaml("linked-model", "Linked Model"), encoding="utf-8")
    top = tmp_path / "top"
    top.mkdir()
    os.symlink(real, top / "sub")
    os.symlink(top, real / "back")  # top/sub/back/sub/... loops
    r = cli("validate", str(top))
    assert r.code == 0 and "1 file(s)" in r.out, r
    r = cli("--data", str(top), "show", "Linked Model", "--json")
    assert r.code == 0 and r.json()["id"] == "linked-model"


def test_an_unreadable_subdirectory_is_an_error_not_a_silent_gap(cli, tmp_path, monkeypatch):
    import os

    top = tmp_path / "top"
    (top / "locked").mkdir(parents=True)
    (top / "locked" / "m.yaml").write_text(_model_yaml("locked-model", "Locked"), encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path="."):  # as if the directory had mode 000 (tests may run as root, who can read anything)
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    for args in (("validate", str(top)), ("--data", str(top), "list")):
        r = cli(*args)
        assert r.code == 2, (args, r)
        assert "cannot read data directory" in r.err and "locked" in r.err and "ok" not in r.out


# ---------------------------------------------------------------- CSV input

CSV_HEADER = "Model,Organization,Publication date,Parameters\n"
MALFORMED_CSV = {
    "short row": CSV_HEADER + "FooNet,Acme,2020-01-01,1e9\nBar,Acme\n",
    "long row": CSV_HEADER + "FooNet,Acme,2020-01-01,1e9,x,y\n",
    "duplicated column": "Model,Organization,Publication date,Model\nFooNet,Acme,2020-01-01,x\n",
    "unterminated quote": CSV_HEADER + '"FooNet,Acme,2020-01-01,1e9\n',
    "unreadable date": CSV_HEADER + "FooNet,Acme,28.05.2020,1e9\n",
    "not an Epoch file": "foo,bar\n1,2\n",
}


@pytest.mark.parametrize("kind", sorted(MALFORMED_CSV))
def test_malformed_csv_is_a_problem_line_never_a_crash(cli, tmp_path, kind):
    path = tmp_path / "rows.csv"
    path.write_text(MALFORMED_CSV[kind], encoding="utf-8")
    for args in (("validate", str(path)), ("check", str(path)), ("--data", str(path), "list")):
        r = cli(*args)
        assert r.code == 2, (kind, args, r)
        assert f"{path}:" in r.err and "Traceback" not in r.err and "internal error" not in r.err, (kind, r.err)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dates(min_value=__import__("datetime").date(1950, 1, 1), max_value=__import__("datetime").date(2099, 12, 31)))
def test_dates_a_spreadsheet_rewrote_as_month_day_year_are_read(date):
    from glmref.importers import epoch

    assert epoch.csv_date(f"{date.month}/{date.day}/{date.year}") == date.isoformat()
    assert epoch.csv_date(date.isoformat()) == date.isoformat()
    assert epoch.csv_date(f"{date.day + 12}/{date.month}/{date.year}") in (None,) or date.day + 12 <= 12


def test_a_csv_with_too_many_rows_is_refused(cli, tmp_path, monkeypatch):
    from glmref.importers import epoch

    monkeypatch.setattr(epoch, "MAX_ROWS", 5)
    path = tmp_path / "rows.csv"
    path.write_text(CSV_HEADER + "".join(f"M{i},Acme,2020-01-01,1e9\n" for i in range(20)), encoding="utf-8")
    r = cli("validate", str(path))
    assert r.code == 2 and "more than 5 rows" in r.err


# ---------------------------------------------------------------- numbers

@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(min_value=31, max_value=6000), st.sampled_from(["parameters", "training_tokens", "context_window"]))
def test_numbers_of_any_length_are_an_error_not_a_crash(tmp_path_factory, digits, field):
    from glmref.validate import validate_paths

    path = tmp_path_factory.mktemp("n") / "big.yaml"
    path.write_text(_model_yaml("big-model", "Big", f", {field}: {{value: {'9' * digits}, source: brown-2020-gpt3}}"),
                    encoding="utf-8")
    problems, _ = validate_paths([str(path)])
    assert problems and all("too large" in p.message for p in problems)


@pytest.mark.parametrize("value", ["1e400", "-1e400", ".inf", "1e17", "99999999999999999"])
def test_huge_or_infinite_sizes_are_refused(cli, tmp_path, value):
    path = tmp_path / "big.yaml"
    path.write_text(_model_yaml("big-model", "Big", f", parameters: {{value: {value}, source: brown-2020-gpt3}}"),
                    encoding="utf-8")
    r = cli("validate", str(path))
    assert r.code == 2 and "Traceback" not in r.err, r


# ---------------------------------------------------------------- process: closed stdout, interrupts

def test_a_closed_stdout_is_a_one_line_error(tmp_path):
    import subprocess
    import sys

    from tests.conftest import glmref_command

    p = subprocess.run(glmref_command() + ["show", "GPT-3"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       timeout=60, preexec_fn=lambda: __import__("os").close(1))
    assert p.returncode == 2, p
    assert p.stderr.decode().strip().count("\n") == 0 and "closed" in p.stderr.decode()
    assert sys.executable  # the interpreter glmref runs under


INTERRUPT_AT = ["typer", "rich", "rich.console", "yaml", "rapidfuzz", "glmref.catalog", "glmref.store",
                "glmref.indexfile", "glmref.render.card"]


@pytest.mark.parametrize("module", INTERRUPT_AT)
def test_an_interrupt_anywhere_in_start_up_exits_130_without_a_traceback(tmp_path, module):
    """Ctrl-C while glmref imports its modules or loads the catalog: the interrupt is raised exactly when
    `module` is first imported, which is deterministic where a timed signal is not."""
    import subprocess
    import sys

    script = tmp_path / "run.py"
    script.write_text(
        "import builtins, sys\n"
        "real = builtins.__import__\n"
        "def interrupting(name, *a, **k):\n"
        f"    if name == {module!r} and name not in sys.modules:\n"
        "        raise KeyboardInterrupt\n"
        "    return real(name, *a, **k)\n"
        "builtins.__import__ = interrupting\n"
        "sys.argv = ['glmref', 'show', 'GPT-3']\n"
        "from glmref.entry import main\n"
        "main()\n", encoding="utf-8")
    env = dict(__import__("os").environ, GLMREF_CACHE_DIR=str(tmp_path / "cache"))
    p = subprocess.run([sys.executable, str(script)], capture_output=True, timeout=60, env=env)
    err = p.stderr.decode()
    assert "Traceback" not in err, err
    assert p.returncode in (0, 130), (p.returncode, err)  # 0: the module was never needed for this command
    if p.returncode == 130:
        assert err.strip() == "glmref: interrupted"


# ---------------------------------------------------------------- lineage

def _lineage_file(tmp_path, models):
    lines = ["schema: 1", "models:"]
    for rid, pred, based in models:
        extra = (f", predecessor: {pred}" if pred else "") + (f", based_on: [{', '.join(based)}]" if based else "")
        lines.append(f"  - {{id: {rid}, name: {rid.upper()}, kind: model, organizations: [openai], "
                     f"sources: [brown-2020-gpt3]{extra}}}")
    path = tmp_path / "lineage.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_predecessor_chain_deeper_than_the_recursion_limit_is_shown(cli, tmp_path):
    n = 1500
    path = _lineage_file(tmp_path, [(f"ch-{i}", f"ch-{i - 1}" if i else None, []) for i in range(n)])
    r = cli("--data", str(path), "family", "CH-700", "--json")
    assert r.code == 0, r
    node, depth = r.json()[0], 0
    while node["children"]:
        node, depth = node["children"][0], depth + 1
    assert node.get("truncated") and depth < n  # cut at the display limit, and said so
    r = cli("--data", str(path), "family", "CH-700")
    assert r.code == 0 and "Traceback" not in r.err


def test_a_lineage_of_shared_ancestors_prints_each_record_once(cli, tmp_path):
    import time

    n = 67  # each model built on the two before it: the paths double with every generation
    models = [(f"dg-{i}", None, [f"dg-{j}" for j in (i - 1, i - 2) if j >= 0]) for i in range(n)]
    path = _lineage_file(tmp_path, models)
    start = time.monotonic()
    r = cli("--data", str(path), "family", "DG-0", "--json")
    assert r.code == 0 and time.monotonic() - start < 10, r

    expanded, stack = [], list(r.json())
    while stack:
        node = stack.pop()
        if not node.get("repeat"):
            expanded.append(node["id"])
        stack.extend(node["children"])
    assert sorted(expanded) == sorted(m[0] for m in models)  # every record once, fully
    r = cli("--data", str(path), "family", "DG-0")
    assert r.code == 0 and r.out.count("DG-5 ") + r.out.count("DG-5\n") >= 1 and "shown above" in r.out


def test_bytes_that_are_not_utf8_are_reported_at_their_line(cli, tmp_path):
    path = tmp_path / "rows.csv"
    path.write_bytes(CSV_HEADER.encode() + b"".join(b"M%d,Acme,2020-01-01,1e9\n" % i for i in range(3000))
                     + b"\xff\xfe,Acme,2020-01-01,1\n")
    r = cli("validate", str(path))
    assert r.code == 2 and f"{path}:3002:" in r.err and "UTF-8" in r.err


def test_a_csv_row_keeps_only_the_columns_glmref_reads():
    """Epoch's rows carry abstracts and notes; holding them all would multiply the memory a file costs."""
    from glmref.importers import epoch

    header = list(epoch.COLUMNS) + [f"Notes {i}" for i in range(40)]
    body = ",".join(["GPT-X", "Acme", "2020-01-01"] + ["x" * 500] * (len(header) - 3))
    rows, problems = epoch.read_rows("f.csv", (",".join(header) + "\n" + body + "\n").encode())
    assert not problems and set(rows[0][1]) <= set(epoch.COLUMNS)
