import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from glmref import catalog as catalog_module
from glmref.cli import main

REPO = Path(__file__).resolve().parent.parent


class Result:
    def __init__(self, code, out, err):
        self.code, self.out, self.err = code, out, err

    def json(self):
        return json.loads(self.out)

    def __repr__(self):
        return f"Result(code={self.code}, out={self.out[:300]!r}, err={self.err[:300]!r})"


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    """Each test gets its own cache directory, no user data, and a fresh process catalog."""
    monkeypatch.setenv("GLMREF_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("GLMREF_DATA", raising=False)
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    for var in ("GLMREF_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES"):  # English unless a test asks otherwise
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    catalog_module.reset()
    yield
    catalog_module.reset()
    from glmref import i18n

    i18n.use("en")


@pytest.fixture
def cli(capsys, monkeypatch):
    """Run glmref in this process through its real entry point; returns exit code, stdout, stderr."""

    def run(*args, env=None):
        for key, value in (env or {}).items():
            monkeypatch.setenv(key, value)
        catalog_module.reset()
        with pytest.raises(SystemExit) as exited:
            main(list(args))
        captured = capsys.readouterr()
        return Result(exited.value.code, captured.out, captured.err)

    return run


def glmref_command():
    """The installed console script when there is one beside this interpreter, else `python -m glmref`."""
    script = Path(sys.executable).with_name("glmref")
    return [str(script)] if script.exists() else [sys.executable, "-m", "glmref"]


@pytest.fixture
def proc(tmp_path):
    """Run the installed glmref as a separate process."""

    def run(*args, env=None, input=None, **kwargs):
        full_env = {k: v for k, v in os.environ.items() if k not in ("GLMREF_DATA", "FORCE_COLOR", "NO_COLOR",
                                                                        "GLMREF_LANG", "LANGUAGE", "LC_ALL",
                                                                        "LC_MESSAGES")}
        full_env["LANG"] = "C.UTF-8"
        full_env["GLMREF_CACHE_DIR"] = str(tmp_path / "proc-cache")
        full_env.update(env or {})
        p = subprocess.run(glmref_command() + list(args), capture_output=True, env=full_env, input=input,
                           timeout=60, **kwargs)
        return Result(p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"))

    return run


def write_yaml(path, text):
    path.write_text(text, encoding="utf-8")
    return path


# Timing is not what the property tests check: a loaded CI machine must not fail them on a deadline.
from hypothesis import settings  # noqa: E402

settings.register_profile("glmref", deadline=None)
settings.load_profile("glmref")
