"""Output paths from the command line: a control character is refused, any other name (a
space, Welsh or accented letters, a name in another script) is kept as written."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from reportgen.commands.options import OUTPUT_PATH


@pytest.mark.parametrize("name", ["report.docx", "Adroddiad Gŵyl Dewi.docx", "café/report.docx",
                                  "отчёт.docx", "報告.docx", "a b\u00a0c.docx"])
def test_an_ordinary_name_is_kept(name: str) -> None:
    assert OUTPUT_PATH.convert(name, None, None) == Path(name)


@pytest.mark.parametrize("char", ["\n", "\r", "\0", "\t", "\x1b", "\x7f", "\x85", "\x9b",
                                  "\u202e", "\u2066", "\u2028"])
def test_a_control_character_is_refused_and_shown_escaped(char: str) -> None:
    with pytest.raises(click.BadParameter) as caught:
        OUTPUT_PATH.convert(f"out/re{char}port.docx", None, None)
    message = caught.value.format_message()
    assert char not in message and "holds a control character" in message
    assert len(message.splitlines()) == 1
