"""The README documents the command line as it is."""
import re
from pathlib import Path

import typer

from eventwire.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def commands() -> set[str]:
    click_app = typer.main.get_command(app)
    return set(click_app.commands)


def test_every_command_is_documented_and_every_documented_command_exists():
    documented = set(re.findall(r"^\| `eventwire ([a-z]+)", README, flags=re.M))
    documented |= set(re.findall(r"/ `eventwire ([a-z]+)", README))
    assert documented == commands()


def test_readme_gives_the_two_setup_commands():
    assert "make run" in README and "make test" in README


def test_documented_json_keys_exist():
    from eventwire.records import Article

    row = Article(id="x", source="s", path="p", format="txt", url=None, outlet=None, outlet_basis=None, title=None,
                  byline=None, published=None, published_basis="", published_confidence=0.0, language=None,
                  body="").to_json()
    line = next(line for line in README.splitlines() if line.startswith("| `eventwire articles"))
    for key in re.findall(r"`([a-z_]+)(?:, |`)", line.split("JSON keys:")[1]):
        assert key in row, key
