"""The language of what glmref prints for people: English, or Simplified Chinese (zh). Translations are
gettext message catalogs (glmref/locale/zh_CN/LC_MESSAGES/glmref.po, gathered and compiled to .mo by
scripts/messages.py with Babel); translators edit the .po file, not code. English needs no
catalog, so the English path never imports gettext. --json keys never change with the language."""

import os

LANGUAGES = ("en", "zh")
_catalog = None  # the zh gettext translation once chosen; None means English
LOCALE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "locale")


def from_environment(environ=None):
    """The language the environment asks for: GLMREF_LANG, then the locale variables in POSIX order
    (LANGUAGE, LC_ALL, LC_MESSAGES, LANG). A zh locale (zh, zh_CN.UTF-8, zh_TW, zh-Hans…) means Chinese;
    anything else, or nothing, English."""
    env = os.environ if environ is None else environ
    explicit = (env.get("GLMREF_LANG") or "").strip()
    if explicit:
        return "zh" if explicit.lower().startswith("zh") else "en"
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = (env.get(var) or "").strip()
        if not value:
            continue
        first = value.split(":")[0] if var == "LANGUAGE" else value
        if first in ("C", "POSIX") or first.startswith(("C.", "POSIX.")):
            return "en"
        return "zh" if first.lower().startswith("zh") else "en"
    return "en"


def use(language):
    """Print in `language` from now on ('en' or 'zh')."""
    global _catalog
    if language == "zh":
        import gettext

        _catalog = gettext.translation("glmref", LOCALE_DIR, languages=["zh_CN"], fallback=True)
    else:
        _catalog = None


def language():
    return "zh" if _catalog is not None else "en"


def _(message):
    """The message in the chosen language (itself when there is no translation)."""
    return message if _catalog is None else _catalog.gettext(message)


def word(context, value):
    """A word of one of the data's vocabularies (context: kind, event, architecture, modality, access, field,
    country, confidence, status) in the chosen language. The context keeps apart words spelled alike, such as
    the kind "architecture" and the card label "architecture"; the vocabularies are listed for translators by
    scripts/messages.py."""
    if _catalog is None or not value:
        return value
    return _catalog.pgettext(context, value)


def date_zh(date):
    """An ISO date as a Chinese reader writes it: 2020年5月28日, 2020年5月, 2020年; anything else unchanged."""
    parts = (date or "").split("-")
    if not 1 <= len(parts) <= 3 or not all(p.isdigit() for p in parts) or len(parts[0]) != 4:
        return date
    return "".join(f"{int(p)}{unit}" for p, unit in zip(parts, ("年", "月", "日")))


def size_zh(n):
    """A count as a Chinese reader writes it: 1750亿, 1.6万亿, 1.17亿, 6700万."""
    if not n:
        return ""
    for unit, scale in (("万亿", 10**12), ("亿", 10**8), ("万", 10**4)):
        if n >= scale:
            value = n / scale
            digits = 2 if value < 10 else 1 if value < 100 else 0
            shown = f"{value:.{digits}f}"
            return (shown.rstrip("0").rstrip(".") if "." in shown else shown) + unit
    return str(n)


def N_(message):
    """Marks a message for translation where it is defined (a table of labels); `_` translates it when shown."""
    return message
