"""`glmref validate`: check data files against the schema and the catalog's references, without using them."""

import os

from glmref.errors import DataError


def validate_paths(paths, skipped=None):
    """Problems in the given files (schema, YAML, references, name clashes) and the files checked. Files
    passed over in directories are appended to `skipped`."""
    from glmref.build import compile_index
    from glmref.store import DATA_DIR, _read, packaged_files, user_files

    files = user_files(paths, skipped)
    checked = [f for f in files]
    own = {os.path.abspath(f) for f in files}
    inputs = [(os.path.join("glmref", "data", os.path.relpath(p, DATA_DIR)), _read(p), False)
              for p in packaged_files() if os.path.abspath(p) not in own]
    inputs += [(f, _read(f), True) for f in files]
    try:
        compile_index(inputs, key="validate")
    except DataError as e:
        return [p for p in e.problems if p.file in checked], checked
    return [], checked
