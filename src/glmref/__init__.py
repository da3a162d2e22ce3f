"""glmref: a reference for general large models, every fact with its source. The library API
(glmref.get, models, search, compare, family, cite, stats, open) is in glmref.api, loaded on first use."""

__version__ = "0.1.0"

_API = ("get", "models", "search", "compare", "family", "cite", "stats", "open", "Reference")
_ERRORS = ("GlmrefError", "NotFound", "UsageProblem", "DataError")
__all__ = list(_API + _ERRORS) + ["__version__"]


def __getattr__(name):
    # PEP 562: the API module is imported when first used, so `import glmref` (and the CLI, which reads
    # only __version__ here) stays as fast as an empty package
    if name in _API:
        from glmref import api

        return getattr(api, name)
    if name in _ERRORS:
        from glmref import errors

        return getattr(errors, name)
    raise AttributeError(f"module 'glmref' has no attribute {name!r}")


def __dir__():
    return sorted(list(globals()) + list(_API + _ERRORS))
