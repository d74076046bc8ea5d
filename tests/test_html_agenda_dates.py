"""The HTML agenda page writes its dates in the agenda's ``date_style``, as the front sheet does.

Dates are generated (every weekday, a leap day, single-digit days) and the expected text is
built here with strftime, not with reportgen's own formatter.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import html5lib
import pytest

from tests.helpers import FIXTURES

# The meeting, then its publication date: a Saturday leap day, a 1st, a Sunday 9th.
DATES = [(dt.date(2024, 3, 5), dt.date(2024, 2, 29)), (dt.date(2021, 2, 1), dt.date(2021, 1, 9)),
         (dt.date(2030, 12, 31), dt.date(2030, 12, 20))]


def _written(d: dt.date, style: str) -> str:
    """Plainly, what each style should print (independent of reportgen.formatting)."""
    suffix = "th" if 10 <= d.day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")
    return {
        "plain": f"{d.day} {d:%B %Y}",
        "ordinal": f"{d.day}{suffix} {d:%B %Y}",
        "weekday": f"{d:%A} {d.day} {d:%B %Y}",
        "weekday_ordinal": f"{d:%A} {d.day}{suffix} {d:%B %Y}",
        "ordinal_comma": f"{d.day}{suffix} {d:%B}, {d.year}",
        "dotted": f"{d:%d.%m.%Y}",
        "slashed": f"{d:%d/%m/%Y}",
        "short": f"{d:%d/%m/%y}",
        "capitals": f"{d.day} {d:%B %Y}".upper(),
    }[style]


def _agenda(meeting: dt.date, published: dt.date, style: str | None) -> Any:
    from reportgen.agenda import load_agenda

    agenda = load_agenda(FIXTURES / "agenda-corporate-parenting" / "agenda.yaml")
    update: dict[str, Any] = {"publication_date": published}
    if style is not None:
        update["date_style"] = style
    return agenda.model_copy(update={
        **update, "meeting": agenda.meeting.model_copy(update={"date": meeting})})


def _page(agenda: Any) -> tuple[str, dict[str, str]]:
    """(the page's title, its meeting details: label -> text)."""
    from reportgen.publish.html_agenda import agenda_html

    tree = html5lib.parse(agenda_html(agenda, [], css=""), namespaceHTMLElements=False)
    dl = next(tree.iter("dl"))
    labels = [e.text for e in dl if e.tag == "dt"]
    values = ["".join(e.itertext()) for e in dl if e.tag == "dd"]
    return "".join(next(tree.iter("title")).itertext()), dict(zip(labels, values, strict=True))


@pytest.mark.parametrize("style", ["plain", "ordinal", "weekday", "weekday_ordinal",
                                   "ordinal_comma", "dotted", "slashed", "short", "capitals"])
@pytest.mark.parametrize(("meeting", "published"), DATES)
def test_the_agenda_page_writes_its_dates_in_the_agenda_date_style(
        style: str, meeting: dt.date, published: dt.date) -> None:
    title, details = _page(_agenda(meeting, published, style))
    assert details["Date"] == _written(meeting, style)
    assert details["Published"] == _written(published, style)
    assert _written(meeting, style) in title
    if "weekday" not in style:  # no weekday anywhere the style does not print one
        for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                    "Sunday"):
            assert day.lower() not in (title + " ".join(details.values())).lower()


def test_without_a_date_style_the_page_keeps_the_agenda_default() -> None:
    meeting, published = DATES[0]
    title, details = _page(_agenda(meeting, published, None))
    assert details["Date"] == "Tuesday 5 March 2024"
    assert details["Published"] == "Thursday 29 February 2024"
    assert "Tuesday 5 March 2024" in title


def test_agenda_json_names_the_meeting_as_the_page_does() -> None:
    import json

    from reportgen.publish.agenda_json import agenda_json

    meeting, published = DATES[1]
    agenda = _agenda(meeting, published, "dotted")
    data = json.loads(agenda_json(agenda, [], files={}))
    assert data["name"] == "Corporate Parenting Panel, 01.02.2021"
    assert data["reportgen:publicationDate"] == "2021-01-09"  # machine dates stay ISO
