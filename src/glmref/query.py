"""Filtering and sorting model records for `list` and `timeline`; no terminal code."""

from glmref.errors import UsageProblem
from glmref.i18n import _
from glmref.schema import ACCESS, ARCHITECTURES, COUNTRIES, MODALITIES, MODEL_KINDS
from glmref.values import parse_date, parse_size

SORT_KEYS = ("date", "name", "params", "compute", "context", "org")
# the sort keys that order by a number, largest first, and where that number is
_NUMERIC_SORTS = {"params": "parameters", "compute": "training_compute", "context": "context_window"}


class Filters:
    """What a user asked `list` or `timeline` to keep. Empty fields keep everything."""

    def __init__(self, org=(), country=(), year=None, since=None, until=None, modality=(), arch=(), kind=(),
                 family=(), open_weights=False, access=(), min_params=None, max_params=None, min_context=None):
        self.org, self.country, self.year = list(org or ()), list(country or ()), year
        self.since, self.until = since, until
        self.modality, self.arch, self.kind = list(modality or ()), list(arch or ()), list(kind or ())
        self.family, self.open_weights, self.access = list(family or ()), open_weights, list(access or ())
        self.min_params, self.max_params, self.min_context = min_params, max_params, min_context
        self.fuzzy = True  # accept an unmistakable typo in a name (human output only)
        self.corrections = []  # (typed, matched) for every name accepted as a typo


def date_bounds(filters):
    """The (start, end) dates as text that --year, --since and --until allow; end is inclusive."""
    # dates of any precision compare as text; "~" sorts after every digit, so "2020~" ends the year 2020
    lo, hi = "0000", "9999~"
    # ２０２０ typed on a Chinese keyboard is 2020
    year, since, until = (None if v is None else _ascii_digits(str(v)).strip()
                          for v in (filters.year, filters.since, filters.until))
    if year:
        first, dash, last = year.partition("-")
        if dash and not last:
            last = "9999"  # 2020- : from 2020 on
        last = last or first
        for y in (first, last):
            if not (y.isdigit() and len(y) == 4):
                raise UsageProblem(_("--year takes a year or a range like 2020-2022, not {value!r}").format(
                    value=filters.year))
        if first > last:
            raise UsageProblem(_("--year range {value!r} ends before it starts").format(value=filters.year))
        lo, hi = max(lo, first), min(hi, last + "~")
    for option, value, typed in (("--since", since, filters.since), ("--until", until, filters.until)):
        if value is not None and parse_date(value) is None:
            raise UsageProblem(_("{option} takes a date like 2020, 2020-05 or 2020-05-28, not {value!r}").format(
                option=option, value=typed))
    if since:
        lo = max(lo, since)
    if until:
        hi = min(hi, until + "~")
    return lo, hi


def _ascii_digits(text):
    """Any script's decimal digits as ASCII (２０２０ and ٢٠٢٠ are 2020), full-width punctuation folded."""
    import unicodedata

    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch
                   for ch in unicodedata.normalize("NFKC", text))


def _size_option(option, value, tokens=False):
    if value is None:
        return None
    n = parse_size(_ascii_digits(value))
    if n is None:
        message = (_("{option} takes a token count like 128K, 1M or 200000, not {value!r}") if tokens
                   else _("{option} takes a size like 7B, 175B or 1.6T, not {value!r}"))
        raise UsageProblem(message.format(option=option, value=value))
    return n


def _choices(option, values, allowed):
    for v in values:
        if v not in allowed:
            raise UsageProblem(_("{option} {value!r} is not one of: {choices}").format(
                option=option, value=v, choices=", ".join(allowed)))


def _org_ids(catalog, names, filters):
    """Organization ids for --org values, each with the organizations under it (Alibaba -> DAMO Academy)."""
    from glmref.lookup import resolve

    wanted = set()
    for name in names:
        found = resolve(catalog, name, types=("organization",), fuzzy=filters.fuzzy)
        if not found.exact:
            filters.corrections.append((name, found.matched))
        wanted.add(found.id)
    orgs = catalog.of_type("organization")
    grew = True
    while grew:
        grew = False
        for org in orgs:
            if org["id"] not in wanted and org.get("parent") in wanted:
                wanted.add(org["id"])
                grew = True
    return wanted


def _family_slugs(catalog, filters):
    """The family slugs --family names: exact (any case), or an unmistakable typo in human output."""
    from glmref.errors import NotFound
    from glmref.lookup import is_typo, related_words
    from glmref.names import normalize

    known = {normalize(f): f for f in catalog.families()}
    out = set()
    for value in filters.family:
        key = normalize(value)
        if key in known:
            out.add(known[key])
            continue
        typos = [f for k, f in known.items() if filters.fuzzy and is_typo(key, k)]
        if len(typos) == 1:
            filters.corrections.append((value, typos[0]))
            out.add(typos[0])
            continue
        close = related_words(value, sorted(known.values()))
        raise NotFound(_("no family is named {name!r}").format(name=value),
                       [_("did you mean: {names}").format(names=", ".join(close))] if close
                       else [_("see: {command}").format(command="glmref list --json | jq '.[].family'")])
    return out


def _countries(values):
    codes = set()
    by_name = {name.casefold(): code for code, name in COUNTRIES.items()}
    by_name.update({"usa": "US", "uk": "GB", "china": "CN", "中国": "CN", "美国": "US", "uae": "AE"})
    for v in values:
        code = v.upper() if v.upper() in COUNTRIES else by_name.get(v.casefold())
        if code is None:
            raise UsageProblem(_("--country {value!r} is not a known country code or name ({codes})").format(
                value=v, codes=", ".join(COUNTRIES)))
        codes.add(code)
    return codes


def select(catalog, filters):
    """The model records that pass filters, in release order."""
    lo, hi = date_bounds(filters)
    dated = bool(filters.year or filters.since or filters.until)
    min_p = _size_option("--min-params", filters.min_params)
    max_p = _size_option("--max-params", filters.max_params)
    min_ctx = _size_option("--min-context", filters.min_context, tokens=True)
    _choices("--modality", filters.modality, MODALITIES)
    _choices("--kind", filters.kind, MODEL_KINDS)
    _choices("--access", filters.access, ACCESS)
    _choices("--arch", filters.arch, ARCHITECTURES + ("moe",))
    orgs = _org_ids(catalog, filters.org, filters) if filters.org else None
    families = _family_slugs(catalog, filters) if filters.family else None
    countries = _countries(filters.country) if filters.country else None
    out = []
    for rec in catalog.models():
        if orgs is not None and not orgs.intersection(rec["organizations"]):
            continue
        if countries is not None and not any(catalog.get(o)["country"] in countries for o in rec["organizations"]):
            continue
        date = (rec.get("released") or {}).get("value")
        if dated and (not date or not lo <= date <= hi):
            continue
        if filters.kind and rec["kind"] not in filters.kind:
            continue
        if families is not None and rec.get("family") not in families:
            continue
        mods = rec.get("modalities") or {}
        if filters.modality and not set(filters.modality) & set(mods.get("input", []) + mods.get("output", [])):
            continue
        arch = rec.get("architecture") or {}
        if filters.arch and not any(a == arch.get("value") or (a == "moe" and arch.get("moe")) for a in filters.arch):
            continue
        access = (rec.get("access") or {}).get("value", [])
        if filters.open_weights and "open-weights" not in access:
            continue
        if filters.access and not set(filters.access) & set(access):
            continue
        params = (rec.get("parameters") or {}).get("value")
        if (min_p is not None or max_p is not None) and params is None:
            continue
        if min_p is not None and params < min_p:
            continue
        if max_p is not None and params > max_p:
            continue
        if min_ctx is not None and ((rec.get("context_window") or {}).get("value") or 0) < min_ctx:
            continue
        out.append(rec)
    return out


def sort_models(catalog, records, key="date", reverse=False):
    if key not in SORT_KEYS:
        raise UsageProblem(_("{option} {value!r} is not one of: {choices}").format(
            option="--sort", value=key, choices=", ".join(SORT_KEYS)))
    if key == "date":
        # a stable sort on the date alone keeps the catalog's order (date, then id) among same-date records
        return sorted(records, key=lambda r: (r.get("released") or {}).get("value") or "9999", reverse=reverse)
    if key == "name":
        return sorted(records, key=lambda r: r["name"].casefold(), reverse=reverse)
    if key == "org":
        return sorted(records, key=lambda r: (catalog.name_of(r["organizations"][0]).casefold(), r["name"]), reverse=reverse)
    field = _NUMERIC_SORTS[key]
    known = [r for r in records if (r.get(field) or {}).get("value")]
    unknown = [r for r in records if not (r.get(field) or {}).get("value")]
    known.sort(key=lambda r: r[field]["value"], reverse=not reverse)  # largest first by default
    return known + unknown
