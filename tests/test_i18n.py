"""The Chinese interface: how the language is chosen, that every label glmref draws has a translation, that
Chinese text fits the terminal, and that English and --json do not change."""

import gettext
import re
from pathlib import Path

import pytest

from glmref import i18n
from glmref.catalog import open_catalog

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


def _messages_script():
    import importlib.util

    spec = importlib.util.spec_from_file_location("messages", SRC.parent.parent / "scripts" / "messages.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_message_glmref_shows_has_a_chinese_translation():
    """The catalog of messages: every _()/N_() in the source, every help text of every command and option (read
    from the Typer app), and every word of the data's vocabularies. Each needs a translation that keeps its
    {placeholders}; `python scripts/messages.py` adds new messages to the .po for translators."""
    messages = _messages_script()
    template = messages.template()
    assert len(template) > 300  # the walk found the help texts and vocabularies, not just a few labels
    ids = {m.id for m in template}
    assert "Print one JSON document (fields in the README) instead of a table." in ids  # a help text
    assert ("decoder-only", "architecture") in {(m.id, m.context) for m in template}  # a vocabulary word
    assert "no record is named {name!r}" in ids  # a message from the domain layer
    problems = messages.problems(template, PO)
    assert not problems, "run python scripts/messages.py and translate:\n" + "\n".join(problems[:40])


def test_the_compiled_catalog_matches_the_po_file():
    """Translators edit the .po; the shipped .mo must be compiled from it (python scripts/messages.py)."""
    from babel.messages.pofile import read_po

    with open(PO.with_suffix(".mo"), "rb") as f:
        compiled = gettext.GNUTranslations(f)
    with open(PO, "rb") as f:
        entries = [m for m in read_po(f) if m.id]
    assert entries
    for m in entries:
        got = compiled.pgettext(m.context, m.id) if m.context else compiled.gettext(m.id)
        assert got == m.string, (m.context, m.id)


COMMANDS = ("show", "list", "compare", "timeline", "search", "family", "cite", "stats", "check", "validate")


@pytest.mark.parametrize("command", COMMANDS)
def test_help_pages_are_in_chinese(cli, command):
    import typer

    from glmref.cli import app
    from glmref.helptext import help_strings

    english = help_strings(typer.main.get_command(app).commands[command])
    zh = cli("--lang", "zh", command, "--help")
    assert zh.code == 0 and "用法：" in zh.out and "选项" in zh.out and "Usage:" not in zh.out
    assert "显示本帮助并退出" in zh.out and "Show this message" not in zh.out  # click's own --help text
    flat = " ".join(zh.out.split())
    for text in english:
        assert " ".join(text.split())[:25] not in flat, text  # no English help text left
    first_line = " ".join(i18n_translation(english[0]).split("\n")[0].split())
    assert first_line[:10] in flat.replace(" ", "").replace("│", "") or first_line[:10] in flat


def i18n_translation(message):
    from glmref import i18n

    i18n.use("zh")
    try:
        return i18n._(message)
    finally:
        i18n.use("en")


def test_the_main_help_is_chinese_under_a_zh_locale_and_english_otherwise(cli):
    zh = cli("--help", env={"LANG": "zh_CN.UTF-8"})
    assert "用法：" in zh.out and "命令" in zh.out and "通用大模型参考手册" in zh.out
    en = cli("--help", env={"LANG": "en_US.UTF-8"})
    assert "Usage:" in en.out and "Commands" in en.out and not CJK.search(en.out)


@pytest.mark.parametrize("args,chinese", [
    (("list", "--frob"), "没有这个选项"),
    (("show",), "缺少参数"),
    (("list", "-n", "0"), "的值无效"),
    (("list", "-n", "x"), "不是整数"),
    (("frobnicate",), "没有这个命令"),
    (("show", "no-such-model-qq"), "没有名为"),
    (("list", "--year", "20x0"), "--year 接受年份"),
    (("list", "--sort", "size"), "不在可选值之列"),
    (("compare", "GPT-3"), "至少需要两个模型名"),
    (("list", "--country", "Atlantis"), "不是已知的国家代码"),
    (("--data", "/no/such/file.yaml", "list"), "数据路径不存在"),
])
def test_errors_are_in_chinese_with_the_same_exit_codes(cli, args, chinese):
    zh = cli("--zh", *args)
    en = cli(*args)
    assert zh.code == en.code != 0, (zh, en)
    assert chinese in zh.err, zh.err
    assert zh.out == "" and len(zh.err.strip().splitlines()) <= 2
    assert not CJK.search(en.err)


def test_the_chinese_card_uses_chinese_words_dates_and_countries(cli):
    card = cli("--zh", "show", "GPT-3").out
    for expected in ("2020年5月28日（预印本）", "仅解码器", "文本 → 文本", "美国", "模型 · 系列 gpt", "2,048 词元",
                     "来源说法不一"):
        assert expected in card, expected
    for english in ("decoder-only", "(preprint)", "United States", "tokens", "says"):
        assert english not in card, english


def test_chinese_compare_list_stats_and_timeline(cli):
    compare = cli("--zh", "compare", "GPT-3", "LLaMA").out
    assert "仅解码器" in compare and "增长" in compare and "个月" in compare
    listing = cli("--zh", "list", "--org", "OpenAI", "-n", "3", env={"COLUMNS": "160"}).out
    assert "名称" in listing and "机构" in listing and "模型" in listing
    stats = cli("--zh", "stats").out
    assert "模型记录的完整度" in stats and "各年模型数" in stats and "参数量" in stats
    timeline = cli("--zh", "timeline", "--year", "2020").out
    assert "时间线" in timeline and "2020年" in timeline and "5月" in timeline


def test_chinese_compare_says_unknown_in_chinese(cli):
    """GPT-4's size is undisclosed, so its growth line has no parameter factor to give."""
    compare = cli("--zh", "compare", "GPT-4", "Claude 2").out
    growth = compare[compare.index("增长"):]
    assert "参数量 未知" in growth and "unknown" not in compare


def test_an_undisclosed_token_count_is_worded_in_chinese(cli):
    rec = next(m for m in open_catalog().models() if (m.get("training_tokens") or {}).get("status") == "undisclosed")
    card = cli("--zh", "show", rec["id"]).out
    row = next(line for line in card.splitlines() if "训练词元" in line)
    assert "未公开" in row and "undisclosed" not in row, row


def test_english_after_chinese_in_one_process_is_english(cli):
    cli("--zh", "list", "--help")
    en = cli("list", "--help")
    assert "Options" in en.out and "选项" not in en.out and not CJK.search(en.out)
    assert "Usage:" in en.out


@pytest.mark.parametrize("columns", [40, 120])
@pytest.mark.parametrize("args", [("show", "Qwen3"), ("show", "文心一言"), ("list", "--country", "CN", "-n", "15"),
                                  ("compare", "GPT-3", "ERNIE 3.0"), ("family", "ernie"), ("stats",),
                                  ("timeline", "--year", "2021"), ("list", "--help"), ("--help",),
                                  ("show", "OpenAI"), ("search", "百度")])
def test_chinese_text_fits_the_terminal(cli, columns, args):
    from rich.cells import cell_len

    r = cli("--zh", *args, env={"COLUMNS": str(columns)})
    assert r.code == 0, r
    assert CJK.search(r.out)
    wide = [line for line in r.out.splitlines() if cell_len(line) > columns]
    assert not wide, wide[:3]


@pytest.mark.parametrize("command", ["stats", "check", "list", "timeline", "show", "cite"])
def test_chinese_help_never_starts_a_line_with_closing_punctuation(cli, command):
    """Help pages break Chinese between characters as the cards do: a comma or full stop stays on the line
    of the character before it (unless a column is too narrow to hold both, as at 40 columns)."""
    for columns in (60, 80):
        page = cli("--zh", command, "--help", env={"COLUMNS": str(columns)})
        assert page.code == 0
        starts = [line.strip(" │")[:1] for line in page.out.splitlines() if line.strip(" │")]
        assert not set(starts) & set("，。、；：？！）」』】》"), page.out


from hypothesis import given, settings
from hypothesis import strategies as st

_PIECES = st.sampled_from(["百度", "文心大模型", "，", "。", "（", "）", "GPT-3", "2023年", "ChatGPT", " ", "  ", "a",
                           "supercalifragilistic", "、", "模型", "x" * 30, "\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=40).map("".join), st.integers(min_value=4, max_value=60))
def test_wrapped_chinese_fits_its_width_and_keeps_every_character(value, width):
    from rich.cells import cell_len
    from rich.text import Text

    from glmref.render.text import has_cjk, wrap_cjk

    out = wrap_cjk(Text(value), width).plain
    if not has_cjk(value):
        assert out == value  # text without Chinese is left to Rich's own wrapping
        return
    assert all(cell_len(line) <= width for line in out.split("\n")), out
    assert "".join(out.split()) == "".join(value.split())  # only line breaks and spaces at them change


def test_wrapping_breaks_chinese_between_characters_not_only_at_spaces():
    from rich.text import Text

    from glmref.render.text import wrap_cjk

    value = "百度基于文心大模型打造的类 ChatGPT 对话产品，2023年2月宣布，3月16日以预录演示发布并向受邀用户开放。"
    lines = wrap_cjk(Text(value), 40).plain.split("\n")
    assert lines[0].startswith("百度基于文心大模型打造的类 ChatGPT 对话")  # not cut after "ChatGPT"
    assert "ChatGPT" in wrap_cjk(Text(value), 40).plain  # Latin words stay whole
    assert wrap_cjk(Text("plain English text only"), 5).plain == "plain English text only"  # left to Rich
    for width in range(8, 41):  # closing punctuation stays with the character before it
        assert not any(line.startswith(("，", "。")) for line in wrap_cjk(Text(value), width).plain.split("\n"))


def test_trees_and_comparisons_name_organizations_in_chinese(cli):
    assert "百度 · 2019年3月16日" in cli("--zh", "family", "ernie").out
    assert "Baidu · 2019-03-16" in cli("family", "ernie").out
    compare = cli("--zh", "compare", "ERNIE 3.0", "GPT-3").out
    assert "百度" in compare and "Baidu" not in compare.split("增长")[0].replace("ERNIE", "")


def test_validation_problems_are_in_chinese_with_the_same_places_and_keys(cli, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema: 1\nmodels:\n  - id: Bad Id\n    name: X\n    kind: modle\n", encoding="utf-8")
    en, zh = cli("validate", str(bad)), cli("--zh", "validate", str(bad))
    assert en.code == zh.code == 2
    assert "is not one of" in en.err and "不在可选值之列" in zh.err and "不是合法的 id" in zh.err
    where = [line.split(": ")[0] for line in en.err.splitlines() if line.startswith(str(bad))]
    assert where and where == [line.split(": ")[0] for line in zh.err.splitlines() if line.startswith(str(bad))]
    en_json, zh_json = cli("validate", str(bad), "--json").json(), cli("--zh", "validate", str(bad), "--json").json()
    assert [sorted(p) for p in en_json["problems"]] == [sorted(p) for p in zh_json["problems"]]
    assert [(p["line"], p["field"]) for p in en_json["problems"]] == [(p["line"], p["field"]) for p in zh_json["problems"]]


def test_no_module_that_translates_rebinds_the_underscore():
    """`for a, _ in …` inside a function makes `_` local there, and every _("…") in that function then fails
    (UnboundLocalError) on a path the other tests may never take."""
    import ast

    offenders = []
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imports_it = any(isinstance(n, ast.ImportFrom) and n.module == "glmref.i18n" and
                         any(a.name == "_" for a in n.names) for n in tree.body)
        if not imports_it:
            continue
        for fn in ast.walk(tree):
            if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for node in ast.walk(fn):
                if isinstance(node, (ast.comprehension,)):
                    continue
                targets = []
                if isinstance(node, (ast.For, ast.AsyncFor)):
                    targets = [node.target]
                elif isinstance(node, ast.Assign):
                    targets = node.targets
                elif isinstance(node, (ast.AugAssign, ast.AnnAssign, ast.NamedExpr)):
                    targets = [node.target]
                elif isinstance(node, ast.withitem) and node.optional_vars is not None:
                    targets = [node.optional_vars]
                for t in targets:
                    if any(isinstance(n, ast.Name) and n.id == "_" for n in ast.walk(t)):
                        offenders.append(f"{path.relative_to(SRC)}:{node.lineno} in {fn.name}")
    assert not offenders, offenders


def test_folded_yaml_spaces_between_chinese_characters_are_not_shown():
    from glmref.cjk import unfold_cjk

    assert unfold_cjk("一个模型， 在 3000 亿 token 上训练；其论文 表明") == "一个模型，在 3000 亿 token 上训练；其论文表明"
    assert unfold_cjk("多个  空格\n换行") == "多个空格\n换行" and unfold_cjk("plain text") == "plain text"


def test_chinese_descriptions_reach_every_output_without_the_spaces_of_folded_lines(cli):
    from glmref.cjk import is_cjk

    def folded(text):
        return [text[i - 1:i + 2] for i, ch in enumerate(text)
                if ch == " " and 0 < i < len(text) - 1 and is_cjk(text[i - 1]) and is_cjk(text[i + 1])]

    leftovers = {r["id"]: folded(r["description_zh"]) for r in open_catalog().models() if r.get("description_zh")}
    assert not {k: v for k, v in leftovers.items() if v}
    # GLM-5.3's description is a folded block broken after a Chinese semicolon
    assert not folded(cli("show", "GLM-5.3", "--json").json()["description_zh"])


@given(st.text(alphabet=st.sampled_from(list("模型训练，；。 abc1 \n")), max_size=40))
def test_unfolding_drops_only_spaces_between_chinese_characters(value):
    from glmref.cjk import unfold_cjk

    out = unfold_cjk(value)
    chinese = "[模型训练，；。]"
    assert out == re.sub(f"(?<={chinese})[ \\t]+(?={chinese})", "", value)
    assert unfold_cjk(out) == out


def test_organizations_and_concepts_have_chinese_descriptions(cli):
    for name in ("OpenAI", "Baidu", "self-attention", "Transformer"):
        data = cli("show", name, "--json").json()
        assert data.get("description_zh") and CJK.search(data["description_zh"]), name
        assert data["description_zh"][:6] in cli("--zh", "show", name).out.replace("\n", "").replace(" ", ""), name


def test_no_message_is_translated_inside_an_f_string():
    """Babel's extractor does not look inside f-strings: a _("…") there never reaches the catalog."""
    import ast

    inside = []
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                for call in ast.walk(node):
                    if (isinstance(call, ast.Call) and getattr(call.func, "id", None) in ("_", "N_")
                            and call.args and isinstance(call.args[0], ast.Constant)):
                        inside.append(f"{path.relative_to(SRC)}:{call.lineno}")
    assert not inside, inside
