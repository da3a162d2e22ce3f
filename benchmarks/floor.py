"""The floor: the least a Typer + Rich program can do for `show NAME` — parse the arguments, build one Rich
table, print it (or print a small JSON object for --json). glmref is timed against this in the same run."""
import typer

app = typer.Typer()


@app.command()
def show(name: str, json_out: bool = typer.Option(False, "--json")):
    if json_out:
        import json

        print(json.dumps({"name": name, "parameters": 175e9, "released": "2020-05"}))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=name)
    table.add_column("field")
    table.add_column("value")
    for key, value in (("parameters", "175B"), ("released", "2020-05"), ("organization", "OpenAI")):
        table.add_row(key, value)
    Console().print(table)


@app.command()
def other():
    pass


if __name__ == "__main__":
    app()
