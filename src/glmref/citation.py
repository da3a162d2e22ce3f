"""Citations of the sources behind models: BibTeX, APA, RIS or JSON, built only from what the
bibliography records — no author, venue or page is ever filled in."""

import re

from glmref.views import link_of

CITE_FORMATS = ("bibtex", "apa", "ris", "json")
_BIBTEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$",
                   "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def primary_sources(catalog, records):
    """The primary (first listed) source of each record, each source once, in the records' order."""
    out = []
    for rec in records:
        sid = rec["id"] if rec["type"] == "source" else (rec.get("sources") or [None])[0]
        if sid and sid not in out:
            out.append(sid)
    return [catalog.get(s) for s in out]


def bibtex_key(source):
    """Stable and unique: derived from the source id, which is unique in the catalog."""
    return re.sub(r"[^A-Za-z0-9_:.-]", "_", source["id"])


def _bib_escape(value):
    return "".join(_BIBTEX_SPECIAL.get(ch, ch) for ch in str(value))


def _year(source):
    return source["date"][:4]


def bibtex(source):
    kind = source["kind"]
    entry = {"paper": "article", "technical-report": "techreport"}.get(kind, "misc")
    if kind == "paper" and not source.get("publisher"):
        entry = "misc"
    fields = [("title", "{" + _bib_escape(source["title"]) + "}")]
    if source.get("authors"):
        fields.append(("author", " and ".join(_bib_escape(a) for a in source["authors"])))
    fields.append(("year", _year(source)))
    if len(source["date"]) >= 7:
        fields.append(("month", str(int(source["date"][5:7]))))
    if source.get("publisher"):
        name = {"article": "journal", "techreport": "institution"}.get(entry, "publisher")
        fields.append((name, _bib_escape(source["publisher"])))
    if source.get("doi"):
        fields.append(("doi", source["doi"].replace("{", "%7B").replace("}", "%7D")))
    if source.get("arxiv"):
        fields += [("eprint", source["arxiv"]), ("archiveprefix", "arXiv")]
    if source.get("url"):  # urls stay verbatim (the url package reads them so); only braces are encoded
        fields.append(("url", source["url"].replace("{", "%7B").replace("}", "%7D")))
    if source.get("title_en"):
        fields.append(("note", "English title: " + _bib_escape(source["title_en"])))
    elif source.get("citation") and not any(source.get(k) for k in ("url", "doi", "arxiv")):
        fields.append(("note", _bib_escape(source["citation"])))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{entry}{{{bibtex_key(source)},\n{body}\n}}\n"


def _apa_authors(authors):
    if not authors:
        return ""
    if len(authors) == 1:
        return authors[0]
    return ", ".join(authors[:-1]) + ", & " + authors[-1]


ORGANIZATION_AUTHORED = ("announcement", "website", "model-card", "documentation")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def _apa_date(source):
    date = source["date"]
    if source["kind"] not in ORGANIZATION_AUTHORED + ("news", "blog") or len(date) < 7:
        return date[:4]
    text = f"{date[:4]}, {MONTHS[int(date[5:7]) - 1]}"
    return text + (f" {int(date[8:10])}" if len(date) == 10 else "")


def apa(source):
    who = _apa_authors(source.get("authors"))
    if not who and source["kind"] in ORGANIZATION_AUTHORED:
        who = source.get("publisher") or ""
    date = _apa_date(source)
    parts = [f"{who} ({date}).", source["title"] + "."] if who else [source["title"] + ".", f"({date})."]
    if source.get("title_en"):
        parts.append(f"[{source['title_en']}].")
    if source.get("publisher") and who != source.get("publisher"):
        parts.append(source["publisher"] + ".")
    link = link_of(source)
    if link:
        parts.append(link)
    elif source.get("citation"):
        parts.append(source["citation"] + ".")
    return " ".join(parts) + "\n"


def ris(source):
    kind = {"paper": "JOUR", "technical-report": "RPRT", "preprint": "GEN", "website": "ELEC",
            "announcement": "ELEC", "model-card": "ELEC", "documentation": "ELEC", "blog": "BLOG",
            "news": "NEWS", "slides": "SLIDE", "survey": "JOUR"}.get(source["kind"], "GEN")
    lines = [f"TY  - {kind}", f"ID  - {bibtex_key(source)}", f"TI  - {source['title']}"]
    if source.get("title_en"):
        lines.append(f"TT  - {source['title_en']}")
    lines += [f"AU  - {a}" for a in source.get("authors", [])]
    lines.append(f"PY  - {_year(source)}")
    lines.append(f"DA  - {source['date'].replace('-', '/')}")
    if source.get("publisher"):
        lines.append(f"PB  - {source['publisher']}")
    if source.get("doi"):
        lines.append(f"DO  - {source['doi']}")
    link = link_of(source)
    if link:
        lines.append(f"UR  - {link}")
    if source.get("citation"):
        lines.append(f"N1  - {source['citation']}")
    lines.append("ER  - ")
    return "\n".join(lines) + "\n"


def _one_line_fields(source):
    """Every text field as one clean line: a newline in a title must not start another RIS record, and no
    escape sequence reaches the terminal the bibliography is printed on."""
    from glmref.safe import one_line

    out = {}
    for key, value in source.items():
        if isinstance(value, str):
            out[key] = one_line(value)
        elif isinstance(value, list):
            out[key] = [one_line(v) for v in value if isinstance(v, str) and one_line(v)]
        else:
            out[key] = value
    return out


def render(sources, fmt):
    sources = [_one_line_fields(s) for s in sources]
    if fmt == "bibtex":
        return "\n".join(bibtex(s) for s in sources)
    if fmt == "apa":
        return "".join(apa(s) for s in sources)
    if fmt == "ris":
        return "\n".join(ris(s) for s in sources)
    raise ValueError(fmt)
