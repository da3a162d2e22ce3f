"""The --json path: one JSON document on stdout, no colour, no Rich."""

import json
import sys

from glmref.render.console import ascii_only


def emit(document):
    # where stdout cannot encode Chinese names, \u escapes keep the JSON whole and exact
    sys.stdout.write(json.dumps(document, ensure_ascii=ascii_only(sys.stdout), indent=2) + "\n")
