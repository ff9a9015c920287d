"""Every user-visible command, option, setting and knowledge file is documented."""

import re

import typer.main

from conftest import ROOT
from eventwire.cli import app
from eventwire.knowledge import DATA_DIR

README = (ROOT / "README.md").read_text(encoding="utf-8")
DATA_README = (DATA_DIR / "README.md").read_text(encoding="utf-8")


def test_every_command_and_option_is_in_the_readme():
    command = typer.main.get_command(app)
    for name, sub in command.commands.items():  # type: ignore[attr-defined]
        assert f"`{name}" in README, name
        for param in sub.params:
            for opt in param.opts:
                if opt.startswith("--"):
                    assert opt in README, f"{name} {opt}"


def test_every_setting_is_in_the_readme():
    settings = set(re.findall(r"EVENTWIRE_[A-Z_]+", (ROOT / "src/eventwire/settings.py").read_text()))
    assert settings and all(s in README for s in settings)


def test_every_knowledge_file_is_described():
    for path in DATA_DIR.glob("*.tsv"):
        assert f"## {path.name}" in DATA_README, path.name
        assert path.name in README, path.name


def test_quick_start_has_exactly_two_commands():
    quick = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = quick.split("```sh", 1)[1].split("```", 1)[0]
    commands = [line for line in block.splitlines() if line.strip()]
    assert [c.split("#")[0].strip() for c in commands] == ["make demo", "make test"]
