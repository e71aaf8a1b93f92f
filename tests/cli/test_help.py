"""``casewatch --help`` lists every command, each on its own line with its short description; the list is computed
from the parser's own subcommands, so a command added without a help line fails here."""

from __future__ import annotations

import argparse
import re

import pytest

from casewatch.cli import build_parser, main


def test_top_level_help_lists_every_command_with_its_line(capsys):
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    commands = {c.dest: c.help for c in sub._choices_actions}  # every subcommand's name and help line
    assert set(commands) == set(sub.choices) and len(commands) >= 19  # every command has a help line
    with pytest.raises(SystemExit) as exit_:
        main(["--help"])
    assert exit_.value.code == 0
    text = capsys.readouterr().out
    for name, line in commands.items():
        assert line and line.strip(), f"{name} has no help line"
        assert re.search(rf"^ +{re.escape(name)} +{re.escape(line)}$", text, re.M), f"{name} not listed in --help"
    listed = re.findall(r"^    ([a-z]+) {2,}\S", text, re.M)
    assert sorted(listed) == sorted(commands)
