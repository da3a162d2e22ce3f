"""The Chinese interface: how the language is chosen, that every label glmref draws has a translation, that
Chinese text fits the terminal, and that English and --json do not change."""

import gettext
import re
from pathlib import Path

import pytest

from glmref import i18n

SRC = Path(__file__).resolve().parent.parent / "src" / "glmref"
PO = SRC / "locale" / "zh_CN" / "LC_MESSAGES" / "glmref.po"
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize("env,expected", [
    ({}, "en"),
    ({"LANG": "zh_CN.UTF-8"}, "zh"),
    ({"LANG": "zh_TW.UTF-8"}, "zh"),
    ({"LANG": "en_US.UTF-8"}, "en"),
    ({"LANG": "C"}, "en"),
    ({"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),   # LC_ALL overrides LANG
    ({"LC_MESSAGES": "zh_CN", "LANG": "en_US"}, "zh"),
    ({"LC_ALL": "C", "LC_MESSAGES": "zh_CN"}, "en"),
    ({"LANGUAGE": "zh_CN:en", "LANG": "en_US"}, "zh"),          # LANGUAGE comes first, its first entry counts
    ({"LANGUAGE": "en:zh", "LANG": "zh_CN"}, "en"),
    ({"GLMREF_LANG": "en", "LANG": "zh_CN.UTF-8"}, "en"),      # glmref's own setting wins
    ({"GLMREF_LANG": "zh"}, "zh"),
    ({"GLMREF_LANG": "zh-Hans"}, "zh"),
])
def test_the_language_comes_from_glmref_lang_then_the_locale(env, expected):
    assert i18n.from_environment(env) == expected


def test_a_zh_locale_gives_chinese_labels_and_lang_en_overrides_it(cli):
    zh = cli("show", "GPT-3", env={"LANG": "zh_CN.UTF-8"})
    assert zh.code == 0 and "参数量" in zh.out and "发布" in zh.out
    en = cli("--lang", "en", "show", "GPT-3", env={"LANG": "zh_CN.UTF-8"})
    assert "parameters" in en.out and "参数量" not in en.out


def test_english_is_unchanged_and_json_keys_never_change(cli):
    en = cli("show", "GPT-3")
    assert "parameters" in en.out and "released" in en.out and not CJK.search(en.out.split("Sources")[0].split("about")[0])
    for args in (("show", "GPT-3", "--json"), ("list", "--org", "OpenAI", "--json"), ("compare", "GPT-2", "GPT-3", "--json"),
                 ("search", "bert", "--json"), ("stats", "--json")):
        assert cli("--lang", "zh", *args).out == cli(*args).out, args


def test_a_bad_language_is_a_usage_error(cli):
    r = cli("--lang", "fr", "show", "GPT-3")
    assert r.code == 2 and "--lang" in r.err


def test_the_chinese_card_shows_the_chinese_description_and_chinese_sizes(cli):
    r = cli("--zh", "show", "GPT-3", "--json")
    zh_description = r.json()["description_zh"]
    card = cli("--zh", "show", "GPT-3").out
    assert zh_description[:12] in card.replace("\n", "").replace(" ", "") or zh_description[:8] in card
    assert "1750亿" in card


@pytest.mark.parametrize("n,expected", [(175_000_000_000, "1750亿"), (1_600_000_000_000, "1.6万亿"),
                                        (117_000_000, "1.17亿"), (7_000_000_000, "70亿"), (67_000_000, "6700万")])
def test_sizes_are_written_in_chinese_units(n, expected):
    assert i18n.size_zh(n) == expected


def _labels_in_source():
    labels = set()
    card = (SRC / "render" / "card.py").read_text(encoding="utf-8")
    labels |= set(re.findall(r'_row\(table, refs, "([^"]+)"', card))
    for path in (SRC / "render").glob("*.py"):
        labels |= set(re.findall(r'\b_\("([^"]+)"\)', path.read_text(encoding="utf-8")))
    from glmref.comparison import ROWS
    from glmref.render.tables import COLUMNS

    labels |= {label for _, label in ROWS} | {header for header, _, _ in COLUMNS} | {"org"}
    return labels


def _po_entries():
    from babel.messages.pofile import read_po

    with open(PO, "rb") as f:
        return {m.id: m.string for m in read_po(f) if m.id}


def test_every_label_glmref_draws_has_a_chinese_translation():
    entries = _po_entries()
    missing = sorted(label for label in _labels_in_source() if not entries.get(label))
    assert not missing, f"add to {PO.relative_to(SRC.parent.parent)}: {missing}"


def test_the_compiled_catalog_matches_the_po_file():
    """Translators edit the .po; the shipped .mo must be compiled from it (pybabel compile)."""
    with open(PO.with_suffix(".mo"), "rb") as f:
        compiled = gettext.GNUTranslations(f)
    for msgid, msgstr in _po_entries().items():
        assert compiled.gettext(msgid) == msgstr, msgid


@pytest.mark.parametrize("columns", [40, 120])
@pytest.mark.parametrize("args", [("show", "Qwen3"), ("show", "文心一言"), ("list", "--country", "CN", "-n", "15"),
                                  ("compare", "GPT-3", "ERNIE 3.0"), ("family", "ernie")])
def test_chinese_text_fits_the_terminal(cli, columns, args):
    from rich.cells import cell_len

    r = cli("--zh", *args, env={"COLUMNS": str(columns)})
    assert r.code == 0, r
    assert CJK.search(r.out)
    wide = [line for line in r.out.splitlines() if cell_len(line) > columns]
    assert not wide, wide[:3]
