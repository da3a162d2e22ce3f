"""glmref: a command-line reference for general large models, every fact with its source."""

__version__ = "0.1.0"
