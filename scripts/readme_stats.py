"""Rewrite the README's catalog figures from `glmref stats --json` (run after changing the data):

    python scripts/readme_stats.py

Everything between the `<!-- stats -->` and `<!-- /stats -->` markers is generated; tests/test_stats.py
checks that it matches the catalog."""

import json
import re
import subprocess
import sys
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"


def block(s):
    r = s["records"]
    kinds = ", ".join(f"`{k}` {n}" for k, n in s["models_by_kind"].items())
    years = s["models_by_year"]
    first = min(y for y in years if y != "unknown")
    lines = [
        f"The packaged catalog holds **{r['model']}** models, **{r['organization']}** organizations, "
        f"**{r['concept']}** concepts and **{r['source']}** sources: models from {s['developers']} developers "
        f"(kinds: {kinds}), released {first} to {s['newest']['date'][:7]} (newest: {s['newest']['name']}).",
        "",
        "How complete the model records are (`glmref stats`; a value, an estimate or a documented",
        "\"undisclosed\" counts as known):",
        "",
        "| field | known | of |",
        "| --- | --- | --- |",
    ]
    for f in s["fields"]:
        lines.append(f"| {f['label']} | {f['known_percent']}% | {f['records']} {f['scope_label']} |")
    return "\n".join(lines)


def main():
    out = subprocess.run([sys.executable, "-m", "glmref", "stats", "--json"], check=True, capture_output=True)
    stats = json.loads(out.stdout)
    text = README.read_text(encoding="utf-8")
    new = re.sub(r"(<!-- stats -->\n).*?(<!-- /stats -->)", lambda m: m.group(1) + block(stats) + "\n" + m.group(2),
                 text, flags=re.S)
    README.write_text(new, encoding="utf-8")


if __name__ == "__main__":
    main()
