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
