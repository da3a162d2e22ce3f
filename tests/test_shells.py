"""Completion driven through real shells: bash's completion function, fish's `complete -C`, and zsh as far
as it runs headless (its function loads, and the protocol it calls answers)."""

import os
import shutil
import subprocess

import pytest

from tests.conftest import glmref_command


def shell_env(tmp_path):
    command = glmref_command()
    env = dict(os.environ, GLMREF_CACHE_DIR=str(tmp_path / "cache"))
    env.pop("GLMREF_DATA", None)
    if len(command) == 1:
        env["PATH"] = os.path.dirname(command[0]) + os.pathsep + env["PATH"]
    return env


needs_script = pytest.mark.skipif(len(glmref_command()) != 1, reason="needs the installed glmref script")


def run(shell, script, tmp_path):
    p = subprocess.run([shell, "-c", script], capture_output=True, text=True, env=shell_env(tmp_path), timeout=60)
    assert p.returncode == 0, p.stderr
    return p.stdout.split("\n")


BASH = 'source <(glmref --show-completion); COMP_WORDS=({words}); COMP_CWORD={cword}; ' \
       '_glmref_completion glmref; printf "%s\\n" "${{COMPREPLY[@]}}"'


@needs_script
@pytest.mark.skipif(shutil.which("bash") is None, reason="bash not installed")
@pytest.mark.parametrize("words, expected, absent", [
    ("glmref sh", ["show"], ["list"]),
    ("glmref show GP", ["GPT-1", "GPT-2", "GPT-3"], ["show"]),
    ("glmref compare GPT-1 GP", ["GPT-2", "GPT-3"], ["GPT-1"]),
    ("glmref list --org Open", ["OpenAI"], []),
    ("glmref list --modality im", ["image"], ["text"]),
    ("glmref list --sort pa", ["params"], ["date"]),
    ("glmref list --fo", ["--format"], []),
])
def test_bash_completes(tmp_path, words, expected, absent):
    cword = len(words.split()) - 1
    out = run("bash", BASH.format(words=words, cword=cword), tmp_path)
    for e in expected:
        assert e in out, (words, out)
    for a in absent:
        assert a not in out, (words, out)


@needs_script
@pytest.mark.skipif(shutil.which("fish") is None, reason="fish not installed")
def test_fish_completes_names_options_and_values(tmp_path):
    script = ('glmref --show-completion | source; complete -C "glmref show GP"; echo ==; '
              'complete -C "glmref compare GPT-1 GP"; echo ==; complete -C "glmref list --org Op"; echo ==; '
              'complete -C "glmref list --arch de"; echo ==; complete -C "glmref ti"')
    blocks = "\n".join(run("fish", script, tmp_path)).split("==")
    first = [line.split("\t")[0] for line in blocks[0].split()]
    assert {"GPT-1", "GPT-2", "GPT-3"} <= set(first)
    assert "GPT-1" not in [line.split("\t")[0] for line in blocks[1].split("\n")]
    assert "OpenAI" in blocks[2]
    assert "decoder-only" in blocks[3]
    assert "timeline" in blocks[4]


@needs_script
@pytest.mark.skipif(shutil.which("zsh") is None, reason="zsh not installed")
def test_zsh_completion_function_loads_and_answers(tmp_path):
    out = run("zsh", "autoload -Uz compinit && compinit -u && source <(glmref --show-completion; true) "
                     "&& whence -w _glmref_completion; true", tmp_path)
    assert "_glmref_completion: function" in out
    env = dict(shell_env(tmp_path), _GLMREF_COMPLETE="complete_zsh", _TYPER_COMPLETE_ARGS="glmref show GP")
    p = subprocess.run(glmref_command(), capture_output=True, text=True, env=env, timeout=60)
    assert '"GPT-3":"GPT-3 (OpenAI, 2020)"' in p.stdout and p.stderr == ""
