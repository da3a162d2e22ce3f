"""Epoch AI's "Notable AI Models" CSV (CC BY 4.0) as a data source.

A downloaded CSV given like any user data file is mapped onto glmref's records: each row becomes a model
cited to Epoch, unless glmref already has that model, in which case glmref's record stays canonical and
Epoch's differing values are attached to it as claims. Only the columns below are read."""

import csv
import io
import re

from glmref.diff import same_size
from glmref.i18n import _
from glmref.names import normalize
from glmref.schema import Problem
from glmref.values import parse_date

SOURCE_ID = "epoch-ai-notable-models"
REQUIRED = ("Model", "Organization", "Publication date")
COUNTRIES = {
    "united states of america": "US", "united states": "US", "usa": "US", "china": "CN",
    "united kingdom of great britain and northern ireland": "GB", "united kingdom": "GB", "germany": "DE",
    "france": "FR", "canada": "CA", "japan": "JP", "korea (republic of)": "KR", "republic of korea": "KR",
    "south korea": "KR", "israel": "IL", "united arab emirates": "AE", "singapore": "SG", "india": "IN",
    "switzerland": "CH", "netherlands": "NL", "multinational": "INTL",
}


def normalize_spaces(text):
    return " ".join(str(text).split())


def _access(text):
    t = (text or "").lower()
    if t.startswith("open weights"):
        return ["open-weights"] if "unrestricted" in t else ["restricted-weights"]
    if t.startswith("api"):
        return ["api"]
    if t.startswith("hosted"):
        return ["product"]
    if t.startswith("unreleased"):
        return ["closed"]
    return []


def _number(text):
    try:
        value = float(str(text).replace(",", ""))
    except ValueError:
        return None
    return int(value) if value > 0 and value == value and value != float("inf") else None


MAX_ROWS = 10_000  # Epoch's largest file has about 3,000 rows; a bound keeps a runaway file cheap
# the only columns glmref reads: a row keeps these and drops the rest (abstracts, notes) as it is read
COLUMNS = REQUIRED + ("Domain", "Task", "Parameters", "Model accessibility", "Country (of organization)",
                      "Training dataset size (total)", "Training dataset size (datapoints)", "Link", "Last modified")
_US_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def csv_date(text):
    """An ISO date from a cell: Epoch writes 2020-05-28; a spreadsheet that re-saved the file writes 5/28/2020
    (month first, as Excel's US locale does). Anything else is None."""
    text = (text or "").strip()[:10]
    if parse_date(text):
        return text
    m = _US_DATE.match(text)
    if m:
        month, day, year = int(m.group(1)), int(m.group(2)), m.group(3)
        iso = f"{year}-{month:02d}-{day:02d}"
        if 1 <= month <= 12 and parse_date(iso):
            return iso
    return None


def read_rows(path, data):
    """The CSV's rows as dicts with their row numbers; (rows, problems). The structure is checked, not
    guessed at: a duplicated column, a row with more or fewer cells than the header, an unterminated quote
    and an unreadable publication date are each a problem line."""
    problems = []

    def problem(line, field, what):
        problems.append(Problem(path, line, 1, None, field, what))

    # decoded as it is read, so a large file is never held twice in memory
    stream = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8-sig", newline="")
    reader = csv.reader(stream, strict=True)
    try:
        header = next(reader, [])
    except csv.Error as e:
        return [], [Problem(path, 1, 1, None, None, _("not valid CSV: {reason}").format(reason=e))]
    except UnicodeDecodeError:
        return [], [_not_utf8(path, data)]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        return [], [Problem(path, 1, 1, None, None,
                            _("not an Epoch AI models CSV: no column {columns}").format(
                                columns=', '.join(repr(m) for m in missing)))]
    repeated = sorted({c for c in header if c and header.count(c) > 1})
    if repeated:
        return [], [Problem(path, 1, 1, None, None,
                            _("column {columns} appears more than once in the header").format(
            columns=', '.join(repr(c) for c in repeated)))]
    rows = []
    wanted = set(COLUMNS)
    try:
        for cells in reader:
            line = reader.line_num
            if not any(c.strip() for c in cells):
                continue  # blank lines, as spreadsheets leave at the end
            if len(cells) != len(header):
                problem(line, None, _("row has {cells} cell(s), the header has {header}").format(
                    cells=len(cells), header=len(header)))
                continue
            row = {c: v for c, v in zip(header, cells) if c in wanted}
            date = (row.get("Publication date") or "").strip()
            if date and csv_date(date) is None:
                problem(line, "Publication date", _("{value!r} is not a date like 2020-05-28 or 5/28/2020").format(
                    value=date[:40]))
            row["Publication date"] = csv_date(date) or ""
            rows.append((line, row))
            if len(rows) > MAX_ROWS:
                problem(line, None, _("more than {limit:,} rows; glmref reads files up to that size").format(
                    limit=MAX_ROWS))
                return [], problems
    except csv.Error as e:
        problem(reader.line_num, None, _("not valid CSV: {reason}").format(reason=e))
    except UnicodeDecodeError:
        return [], problems + [_not_utf8(path, data)]
    return rows, problems


def _not_utf8(path, data):
    """The problem line for bytes that are not UTF-8, at the line where the first bad byte is (the stream
    decoder reads ahead, so its own position says little)."""
    try:
        data.decode("utf-8")
        line = 1
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
    return Problem(path, line, 1, None, None, _("not valid UTF-8"))


FORMAT = "Epoch AI CSV"
ID_PREFIX = "epoch"  # ids of the records its rows add: epoch-gpt-j-6b


def read(path, data):
    """(models, problems): each row as a model dict of the importer interface (glmref.importers)."""
    from glmref.importers import empty_model

    rows, problems = read_rows(path, data)
    models = []
    for line, row in rows:
        m = empty_model("", f"row {line}", line)
        m.update(row_model(row))
        m["date_event"] = "paper" if "arxiv.org" in m["link"] else "announcement"
        m["modified"] = (row.get("Last modified") or "")[:10]
        if (row.get("Domain") or "").strip().lower() == "language":
            m["inputs"], m["outputs"] = ["text"], ["text"]
        models.append(m)
    return models, problems


def source_record(models):
    modified = sorted(m["modified"] for m in models if parse_date(m.get("modified") or ""))
    return {"id": SOURCE_ID, "type": "source", "short": "Epoch AI", "name": "Epoch AI",
            "title": "Notable AI Models (dataset, CC BY 4.0)", "title_en": None, "kind": "website",
            "date": modified[-1] if modified else "2025", "authors": [], "publisher": "Epoch AI",
            "url": "https://epoch.ai/data/notable-ai-models", "arxiv": None, "doi": None, "citation": None,
            "claims": []}


def row_model(row):
    """One row as the fields glmref compares and stores (names, not ids, for organizations)."""
    date = csv_date(row.get("Publication date"))
    orgs = [normalize_spaces(o) for o in (row.get("Organization") or "").split(",") if o.strip()]
    countries = [COUNTRIES.get(c.strip().lower(), None) for c in (row.get("Country (of organization)") or "").split(",")]
    return {
        "name": normalize_spaces(row.get("Model") or ""),
        "date": date,
        "parameters": _number(row.get("Parameters")),
        "organizations": orgs,
        "countries": [c for c in countries if c],
        "access": _access(row.get("Model accessibility")),
        "domain": row.get("Domain") or "",
        "task": row.get("Task") or "",
        "tokens": _number(row.get("Training dataset size (total)") or row.get("Training dataset size (datapoints)")),
        "link": (row.get("Link") or "").strip(),
    }


_SIZE_WORD = re.compile(r"\s+\d+(?:\.\d+)?\s*[KMBT]$", re.IGNORECASE)


def match(name, table, get, model=None):
    """The id of the glmref model a row names, or None, and whether the row is only a variant of it.

    `table` maps normalized names to model ids; `get(id)` gives the record; `model` is the row (its count).
    A row matched under its full name is that model. A row matched only after its bracket or trailing size
    was dropped is a sibling, whose figures must never become claims about the model, when what was dropped
    says so: a size that is not the record's ("GPT-3 6.7B"), a date (a dated snapshot, "GPT-4o (Nov 2024)"),
    or a nickname with a parameter count that is not the record's ("GPT-3 (ada)", 350M)."""
    parameters = (model or {}).get("parameters")
    full = normalize(name)
    if full in table:
        return table[full], False
    bracket = " ".join(re.findall(r"\(([^)]*)\)", name))
    bare = re.sub(r"\s*\([^)]*\)", "", name).strip()
    for candidate, dropped in ((bare, bracket), (_SIZE_WORD.sub("", bare), bare)):
        rid = table.get(normalize(candidate))
        if rid is None or not candidate:
            continue
        rec = get(rid)
        mine = (rec.get("parameters") or {}).get("value")
        if candidate != bare:  # a trailing size was dropped: the row is the model only at the model's size
            return rid, not _size_agrees(_SIZE_WORD.search(bare).group(0), mine)
        if _NAMED_SIZE.search(dropped):
            return rid, not _size_agrees(dropped, mine)
        if _DATED.search(dropped):
            return rid, True
        return rid, bool(parameters and mine and not same_size(parameters, mine))
    return None, False


_NAMED_SIZE = re.compile(r"(\d+(?:\.\d+)?)\s*([KMBT])\b", re.IGNORECASE)
_DATED = re.compile(r"\b(19|20)\d\d\b|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b\d{4}\b",
                    re.IGNORECASE)


def _size_agrees(text, mine):
    """Does the size written in `text` agree with the record's parameter count?"""
    from glmref.values import parse_size

    found = _NAMED_SIZE.search(text)
    if not found or not mine:
        return False
    size = parse_size(found.group(1) + found.group(2).upper())
    return bool(size) and same_size(size, mine)
