"""Start-up benchmark: whole-process wall time of the installed glmref against the floor (floor.py, the
least a Typer + Rich program does for `show NAME`), run interleaved in the same run with the same
interpreter, reported as the median of the per-pair ratios.

    python benchmarks/startup.py            # 21 pairs per case
    python benchmarks/startup.py --quick    # 3 pairs per case: proves the benchmark still runs
    python benchmarks/startup.py --check    # exit 1 if a goal is missed

It builds a 10,000-record user catalog itself (benchmarks/make_catalog.py) for the overlay cases."""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from make_catalog import write_catalog  # noqa: E402


def find_glmref():
    beside = os.path.join(os.path.dirname(sys.executable), "glmref")
    return beside if os.path.exists(beside) else shutil.which("glmref")


def run_once(cmd, env):
    start = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    elapsed = time.perf_counter() - start
    if p.returncode != 0 or not p.stdout.strip():
        raise SystemExit(f"benchmark: {' '.join(cmd)} exited {p.returncode}: {p.stderr.decode(errors='replace')[-500:]}")
    return elapsed


def measure(a, b, env_a, env_b, runs):
    run_once(a, env_a), run_once(b, env_b)  # warm-up: caches, page cache
    ratios, ta, tb = [], [], []
    for _ in range(runs):
        x, y = run_once(a, env_a), run_once(b, env_b)
        ratios.append(x / y), ta.append(x), tb.append(y)
    return statistics.median(ratios), statistics.median(ta) * 1000, statistics.median(tb) * 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--quick", action="store_true", help="3 pairs per case")
    parser.add_argument("--check", action="store_true", help="exit 1 if a goal is missed")
    parser.add_argument("--records", type=int, default=10_000)
    args = parser.parse_args()
    runs = 3 if args.quick else args.runs
    glmref = find_glmref()
    if not glmref:
        raise SystemExit("benchmark: no installed glmref beside this Python or on PATH (pip install . first)")
    python = sys.executable
    floor = [python, os.path.join(HERE, "floor.py")]
    work = tempfile.mkdtemp(prefix="glmref-bench-")
    try:
        big = os.path.join(work, "catalog.yaml")
        write_catalog(big, args.records)
        base = {k: v for k, v in os.environ.items() if not k.startswith(("GLMREF_", "_GLMREF_"))}
        base["GLMREF_CACHE_DIR"] = os.path.join(work, "cache")
        overlay = dict(base, GLMREF_DATA=big)
        tab = dict(base, _GLMREF_COMPLETE="complete_bash", COMP_WORDS="glmref show GP", COMP_CWORD="2")
        chinese = dict(base, LANG="zh_CN.UTF-8")  # the Chinese interface: a gettext catalog more to load
        cases = [
            ("show GPT-3", [glmref, "show", "GPT-3"], base, floor + ["show", "GPT-3"], 1.15),
            ("show GPT-3 --json", [glmref, "show", "GPT-3", "--json"], base, floor + ["show", "GPT-3", "--json"], 1.15),
            ("TAB: glmref show GP", [glmref], tab, floor + ["show", "GPT-3"], 1.25),
            ("show GPT-3, zh_CN locale", [glmref, "show", "GPT-3"], chinese, floor + ["show", "GPT-3"], 1.3),
            ("TAB: glmref show GP, zh_CN locale", [glmref], dict(tab, LANG="zh_CN.UTF-8"), floor + ["show", "GPT-3"],
             1.25),
            (f"show GPT-3, +{args.records:,} records", [glmref, "show", "GPT-3"], overlay, floor + ["show", "GPT-3"], 1.5),
            (f"search GPT, +{args.records:,} records", [glmref, "search", "GPT"], overlay, floor + ["show", "GPT-3"], 2.0),
        ]
        missed = 0
        print(f"{'case':38} {'ratio':>7} {'goal':>6} {'glmref':>9} {'floor':>9}")
        for name, a, env_a, b, goal in cases:
            ratio, ta, tb = measure(a, b, env_a, base, runs)
            ok = ratio <= goal
            missed += not ok
            print(f"{name:38} {ratio:6.2f}x {goal:5.2f}x {ta:7.0f}ms {tb:7.0f}ms  {'ok' if ok else 'MISSED'}")
        print(f"median of {runs} interleaved pairs; python {sys.version.split()[0]}; {os.cpu_count()} cpus")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if args.check and missed:
        sys.exit(1)


if __name__ == "__main__":
    main()
