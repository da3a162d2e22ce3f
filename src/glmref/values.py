"""Parsing and formatting of the value forms the data files use: sizes (175B), ranges (1T-1.8T) and
dates with their precision (2020, 2020-05, 2020-05-28)."""

import re

_SUFFIX = {"": 1, "K": 10**3, "M": 10**6, "B": 10**9, "T": 10**12}
_SIZE = re.compile(r"^\s*(\d{1,24}(?:\.\d{1,12})?)\s*([KMBT]?)\s*$", re.IGNORECASE | re.ASCII)
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$", re.ASCII)
SPECIAL_SIZES = ("undisclosed", "unknown")
MIN_FLOP, MAX_FLOP = 1e6, 1e32  # training compute outside this range is a typo
_FLOP = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*[eE]\s*\+?(\d{1,2})\s*$")
# the fields of a model or concept that carry their own source
FACT_FIELDS = ("released", "parameters", "training_tokens", "training_compute", "context_window", "max_output_tokens",
               "knowledge_cutoff", "architecture", "modalities", "access", "api_ids", "lifecycle")


def parse_size(text):
    """'175B' -> 175000000000; an int passes through. Returns None if the text is not a size."""
    if isinstance(text, bool):
        return None
    if isinstance(text, int):
        return text if text >= 0 else None
    if isinstance(text, float):
        # inf and nan are not sizes; anything past 10^30 is refused long before int() could matter
        return int(text) if 0 <= text < 1e30 else None
    if not isinstance(text, str) or len(text) > 40:
        return None
    m = _SIZE.match(text)
    if not m:
        return None
    number, suffix = m.groups()
    whole, _, frac = number.partition(".")
    scale = _SUFFIX[suffix.upper()]
    # integer arithmetic keeps 1.75T exact
    value = int(whole) * scale + (int(frac) * scale // 10 ** len(frac) if frac else 0)
    return value


def parse_size_range(text):
    """'1T-1.8T' -> (10**12, 1.8*10**12); a single size -> (n, n). None if not a size or range."""
    if isinstance(text, str) and "-" in text.strip().lstrip("-"):
        low, _, high = text.partition("-")
        lo, hi = parse_size(low), parse_size(high)
        if lo is None or hi is None or lo > hi:
            return None
        return (lo, hi)
    n = parse_size(text)
    return None if n is None else (n, n)


def format_size(n):
    """175000000000 -> '175B', 1600000000000 -> '1.6T', 117000000 -> '117M'."""
    if n is None:
        return "unknown"
    for suffix, scale in (("T", 10**12), ("B", 10**9), ("M", 10**6), ("K", 10**3)):
        if n >= scale:
            value = n / scale
            digits = 3 if value < 10 else 2 if value < 100 else 1
            text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
            return text + suffix
    return str(n)


def format_size_range(lo, hi):
    return format_size(lo) if lo == hi else f"{format_size(lo)}–{format_size(hi)}"


def parse_date(text):
    """'2020-05' -> ('2020-05', 'month'); None if not a date of the accepted forms."""
    if isinstance(text, int) and not isinstance(text, bool):
        text = str(text)
    if not isinstance(text, str):
        return None
    m = _DATE.match(text.strip())
    if not m:
        return None
    year, month, day = m.groups()
    if month and not 1 <= int(month) <= 12:
        return None
    if day:
        y, m = int(year), int(month)
        leap = y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
        last = (31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[m - 1]
        if not 1 <= int(day) <= last:
            return None
    precision = "day" if day else "month" if month else "year"
    return text.strip(), precision


def format_flop(value):
    """3.14e23 -> '3.1e23'; the two significant figures estimates carry."""
    if value is None:
        return "unknown"
    mantissa, _, exponent = f"{value:.1e}".partition("e")
    return f"{mantissa.rstrip('0').rstrip('.')}e{int(exponent)}"

def parse_flop(raw):
    """3.14e23, '3.14e23', '3.14e+23' -> 3.14e23 (a float); None if not a positive FLOP count in range."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, (int, float)):
        value = float(raw) if raw == raw else None
    elif isinstance(raw, str):
        m = _FLOP.match(raw)
        value = float(f"{m.group(1)}e{m.group(2)}") if m else None
    else:
        value = None
    if value is None or not MIN_FLOP <= value <= MAX_FLOP:
        return None
    return value
