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
