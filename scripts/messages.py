"""The message catalog: every text glmref shows people, gathered for translators.

    python scripts/messages.py           # write src/glmref/locale/glmref.pot, merge it into each .po
                                         # (new messages come in untranslated) and compile the .mo files
    python scripts/messages.py --check   # exit 1 when a .po lacks a message or a translation, or when a
                                         # translation drops a {placeholder} (the tests check the same)

The messages come from three places:
- the `_()`, `N_()` and `pgettext()` calls in the source, found by Babel's Python extractor;
- the help of every command and option, read from the Typer app (Typer takes it from docstrings and
  `help=`, which gettext's extractors cannot see);
- the data's vocabularies (kinds, date events, architectures, modalities, access types, fields, countries,
  lifecycle and disclosure states), each under its own msgctxt, which glmref.i18n.word() looks up.

Babel is a test dependency (pip install -e '.[test]'); glmref itself reads the compiled .mo with the
standard library's gettext."""

import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "glmref"
LOCALE = SRC / "locale"
POT = LOCALE / "glmref.pot"
KEYWORDS = {"_": None, "N_": None, "_message": None, "pgettext": ((1, "c"), 2)}
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def vocabularies():
    """{context: [words]} for glmref.i18n.word()."""
    from glmref import schema, textsearch

    return {
        "kind": list(dict.fromkeys(schema.MODEL_KINDS + schema.ORG_KINDS + schema.CONCEPT_KINDS
                                   + schema.SOURCE_KINDS + ("organization", "concept", "source"))),
        "event": list(schema.DATE_EVENTS),
        "architecture": list(schema.ARCHITECTURES),
        "modality": list(schema.MODALITIES),
        "access": list(schema.ACCESS),
        "field": list(dict.fromkeys(schema.CLAIM_FIELDS + schema.ORG_CLAIM_FIELDS + textsearch.SHORT_FIELDS
                                    + textsearch.LONG_FIELDS)),
        "country": list(schema.COUNTRIES.values()),
        "confidence": list(schema.COMPUTE_CONFIDENCE),
        "status": ["active", "legacy", "deprecated", "retired", "disclosed", "undisclosed", "unknown", "—"],
    }


def help_texts():
    import typer

    sys.path.insert(0, str(ROOT / "src"))
    from glmref.cli import app
    from glmref.helptext import help_strings

    return help_strings(typer.main.get_command(app))


def template():
    """The catalog of every message, as a Babel Catalog (the .pot)."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir

    catalog = Catalog(project="glmref", fuzzy=False)
    for filename, lineno, message, comments, context in extract_from_dir(
            str(SRC), method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)):
        if filename.startswith("locale"):
            continue
        if isinstance(message, tuple):  # pgettext's (context, message) come as the message
            message = message[-1]
        catalog.add(message, locations=[(f"src/glmref/{filename}", lineno)], auto_comments=comments,
                    context=context)
    for text in help_texts():
        catalog.add(text, locations=[("help", 0)])
    for context, words in vocabularies().items():
        for w in words:
            catalog.add(w, locations=[("vocabulary", 0)], context=context)
    return catalog


def translations():
    """{language directory name: path of its .po}"""
    return {p.parent.parent.name: p for p in sorted(LOCALE.glob("*/LC_MESSAGES/glmref.po"))}


def problems(pot, po_path):
    """What a .po file lacks against the template: untranslated messages and dropped placeholders."""
    from babel.messages.pofile import read_po

    with open(po_path, "rb") as f:
        po = read_po(f)
    out = []
    for m in pot:
        if not m.id:
            continue
        have = po.get(m.id, context=m.context)
        where = f"{m.id!r}" + (f" [{m.context}]" if m.context else "")
        if have is None or not have.string:
            out.append(f"untranslated: {where}")
        elif sorted(PLACEHOLDER.findall(m.id)) != sorted(PLACEHOLDER.findall(have.string)):
            out.append(f"placeholders differ: {where} -> {have.string!r}")
        elif have.fuzzy:
            out.append(f"marked fuzzy (check the translation): {where}")
    return out


def update():
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po, write_po

    pot = template()
    with open(POT, "wb") as f:
        write_po(f, pot, width=116, omit_header=False, sort_output=False)
    for language, po_path in translations().items():
        with open(po_path, "rb") as f:
            po = read_po(f, locale=language)
        po.update(pot, update_header_comment=False, no_fuzzy_matching=True)
        with open(po_path, "wb") as f:
            write_po(f, po, width=116, ignore_obsolete=True)
        with open(po_path.with_suffix(".mo"), "wb") as f:
            write_mo(f, po)
        print(f"{po_path.relative_to(ROOT)}: {len(problems(pot, po_path))} message(s) to translate")


def main(argv):
    os.chdir(ROOT)
    if argv[1:] == ["--check"]:
        pot = template()
        found = [f"{p.relative_to(ROOT)}: {line}" for p in translations().values() for line in problems(pot, p)]
        print("\n".join(found) or "every message is translated")
        return 1 if found else 0
    if argv[1:]:
        print(__doc__)
        return 2
    update()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
