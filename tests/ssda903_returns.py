"""Hypothesis strategies for SSDA903 returns a council could send: an episodes file, its header
file and the finance system's costs file (one row a placement), with an as-at date and a window.

The returns are made to pass the DfE's validator (csc-validator-be-903, the rules in
``VALIDATOR_RULES``: tests/test_measures.py runs a sample through it) and to reach the corners
of the definitions: moves, starts and ends on the as-at day and on the window's edges;
temporary placements (T0-T4: hospital, holiday, respite) and the return to the placement;
changes of legal status alone; children who leave care and come back; short breaks (LS V3);
episodes across 1 April; children turning 16 around the as-at day; placements that cost the
council nothing (with parents, placed for adoption) and so have no cost row.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from hypothesis import assume
from hypothesis import strategies as st

EPISODE_COLUMNS = ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
                   "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"]
HEADER_COLUMNS = ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"]
COST_COLUMNS = ["CHILD", "start_date", "weekly_cost"]
#: The DfE validator's rules the generated returns must pass: code lists, how episodes follow
#: one another (142, 388, 431-436), temporary placements (213, 226, 380-383), short breaks
#: (365-367, 382, 384, 398, 426), reasons for a placement change (225), ages (302, 352).
VALIDATOR_RULES = ("143,144,145,146,149,178,1009,217t,142,148,213,225,226,302,352,365,366,367,"
                   "375,377,380,381,382,383,384,388,398,426,431,432,433,434,435,436,437")

# (PLACE, PLACE_PROVIDER, URN needed, minimum age, weekly cost range £). With parents and
# placed for adoption cost the council nothing and have no cost row.
PLACES = [
    ("U6", "PR1", False, 0, (250, 450)), ("U4", "PR1", False, 0, (250, 450)),
    ("U6", "PR4", True, 0, (750, 1150)), ("U5", "PR5", True, 0, (700, 1000)),
    ("U3", "PR1", False, 0, (180, 300)), ("U1", "PR1", False, 0, (180, 300)),
    ("K2", "PR4", True, 10, (3500, 7000)), ("K1", "PR2", True, 10, (6000, 8500)),
    ("R1", "PR3", False, 10, (2000, 3000)), ("S1", "PR4", True, 10, (4000, 5600)),
    ("H5", "PR4", True, 16, (900, 2600)), ("P1", "PR0", False, 0, None),
]
ADOPTION = ("A4", "PR1", False, 0, None)
TEMPORARY = ("T0", "T1", "T2", "T3", "T4")
ENDINGS = ("E4A", "E8", "E13")
MOVE_REASONS = ("CARPL", "LAREQ", "CHILD", "STAND", "OTHER")
CARE_LS = ("C1", "C2", "V2", "E1")
NO_COST = {"P1", "A4"}
LAST_DAY = date(2025, 3, 31)  # H5 and the 2024/25 code lists hold to here


def _d(day: date | None) -> str:
    return "" if day is None else day.strftime("%d/%m/%Y")


def _plus_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _minus_months(day: date, months: int) -> date:
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month + 1, d)
        except ValueError:
            continue
    raise AssertionError(day)


@dataclass
class Return:
    """One generated return: CSV rows (as strings) and the dates a report would use."""

    as_at: date
    window: tuple[date, date]
    episodes: list[dict[str, str]] = field(default_factory=list)
    header: list[dict[str, str]] = field(default_factory=list)
    costs: list[dict[str, str]] = field(default_factory=list)

    def texts(self) -> tuple[str, str, str]:
        return (_csv(EPISODE_COLUMNS, self.episodes), _csv(HEADER_COLUMNS, self.header),
                _csv(COST_COLUMNS, self.costs))

    def write(self, folder: Path) -> tuple[Path, Path, Path]:
        folder.mkdir(parents=True, exist_ok=True)
        paths = (folder / "episodes.csv", folder / "header.csv", folder / "costs.csv")
        for path, text in zip(paths, self.texts(), strict=True):
            path.write_text(text, encoding="utf-8")
        return paths

    def quarter(self) -> tuple[str, date]:
        """The report period of the quarter ending on the as-at date ("2023/24 Q2") and the
        quarter's first day."""
        return quarter_of(self.as_at)

    def write_bundle(self, folder: Path, sections: str = "  summary: Figures.\n",
                     style: str | None = None) -> tuple[Path, Path, Path]:
        """A report bundle in ``folder`` for the quarter ending on the as-at date (not public):
        the return under data/ and a report.yaml whose ``sections:`` are ``sections`` (YAML
        lines, indented two spaces). Returns the data files' paths."""
        paths = self.write(folder / "data")
        period, _ = self.quarter()
        (folder / "report.yaml").write_text(
            "council: Generated Council\n"
            + (f"style: {style}\n" if style else "")
            + "meeting:\n  committee: Corporate Parenting Panel\n  date: 2026-01-30\n"
            "report:\n  title: Placements\n  type: information\n"
            "  responsible_officer: Director of Children's Services\n"
            f"period: {period}\nas_at: {self.as_at.isoformat()}\n"
            "data:\n  placements: data/episodes.csv\n  ssda903_header: data/header.csv\n"
            "  placement_costs: data/costs.csv\n"
            "settings:\n  public: no\n"
            "sections:\n" + sections, encoding="utf-8")
        return paths


def quarter_of(end: date) -> tuple[str, date]:
    """The financial-year quarter ending on ``end`` (a quarter's last day): its report period
    ("2023/24 Q2") and its first day."""
    year = end.year if end.month >= 4 else end.year - 1
    number = {6: 1, 9: 2, 12: 3, 3: 4}[end.month]
    first = date(year + (number == 4), {1: 4, 2: 7, 3: 10, 4: 1}[number], 1)
    return f"{year}/{(year + 1) % 100:02d} Q{number}", first


def _csv(columns: list[str], rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


QUARTER_ENDS = [date(y, m, d) for y in (2022, 2023, 2024) for m, d in
                ((6, 30), (9, 30), (12, 31))] + [date(y, 3, 31) for y in (2023, 2024, 2025)]


@st.composite
def returns(draw: st.DrawFn, max_children: int = 7) -> Return:
    """A valid SSDA903 return with its costs, an as-at date and a window ending on it."""
    as_at = draw(st.sampled_from(QUARTER_ENDS))
    year_start = date(as_at.year if as_at.month >= 4 else as_at.year - 1, 4, 1)
    _, quarter_start = quarter_of(as_at)
    window = (draw(st.sampled_from([quarter_start, year_start])), as_at)
    horizon = min(as_at + timedelta(days=draw(st.integers(0, 60))), LAST_DAY)
    made = Return(as_at=as_at, window=window)
    for number in range(draw(st.integers(1, max_children))):
        _child(draw, made, f"{700000 + number}", horizon)
    assume(made.episodes and made.costs)  # each file has a row (an empty file is refused)
    if draw(st.booleans()):  # the file's row order is not the children's
        made.episodes.reverse()
    return made


def _child(draw: st.DrawFn, made: Return, child: str, horizon: date) -> None:
    as_at, (lo, hi) = made.as_at, made.window
    born = horizon - timedelta(days=draw(st.integers(200, 17 * 365)))
    adult = _plus_years(born, 18)
    turns_16 = _plus_years(born, 16)
    made.header.append({"CHILD": child, "SEX": draw(st.sampled_from(("1", "2"))),
                        "DOB": _d(born), "ETHNIC": "WBRI", "UPN": "", "MOTHER": "",
                        "MC_DOB": ""})
    # The days the definitions turn on: an episode boundary there tests the edge.
    edges = sorted({as_at, as_at + timedelta(days=1), as_at - timedelta(days=1), lo,
                    lo - timedelta(days=1), hi, date(lo.year if lo.month >= 4 else lo.year - 1,
                                                     4, 1), _minus_months(as_at, 30),
                    _minus_months(as_at, 30) + timedelta(days=1), _minus_months(as_at, 24),
                    _minus_months(as_at, 24) + timedelta(days=1), turns_16,
                    turns_16 - timedelta(days=1)})
    earliest = max(born + timedelta(days=1), as_at - timedelta(days=4 * 365))

    def next_day(after: date, longest: int) -> date:
        """A day after ``after``: one of the edges when it can be, else a random length."""
        later = [e for e in edges if after < e <= after + timedelta(days=longest)]
        if later and draw(st.integers(0, 2)) == 0:
            return draw(st.sampled_from(later))
        return after + timedelta(days=draw(st.integers(1, longest)))

    day = earliest + timedelta(days=draw(st.integers(0, max(0, (horizon - earliest).days))))
    if draw(st.integers(0, 4)) == 0:
        day = _short_breaks(draw, made, child, day, horizon, adult)
    periods = draw(st.integers(1, 2))
    for _ in range(periods):
        day = day + timedelta(days=draw(st.integers(1, 200)))
        if day > horizon or day >= adult - timedelta(days=2):
            return
        ended = _period(draw, made, child, day, horizon, adult, born, next_day)
        if ended is None:
            return
        day = ended


def _short_breaks(draw: st.DrawFn, made: Return, child: str, day: date, horizon: date,
                  adult: date) -> date:
    """Up to three short breaks (LS V3): each its own period of care of at most 17 days."""
    for _ in range(draw(st.integers(1, 3))):
        start = day + timedelta(days=draw(st.integers(1, 60)))
        end = start + timedelta(days=draw(st.integers(1, 17)))
        if end > horizon or end >= adult:
            break
        place, provider = draw(st.sampled_from((("U6", "PR1"), ("K2", "PR1"))))
        made.episodes.append(_row(child, start, "S", "V3", place, provider, end,
                                  draw(st.sampled_from(ENDINGS)), "", "", ""))
        if draw(st.booleans()):  # the finance file may cost a short break too
            made.costs.append({"CHILD": child, "start_date": start.isoformat(),
                               "weekly_cost": str(draw(st.integers(100, 900)))})
        day = end
    return day


def _row(child: str, start: date, rne: str, ls: str, place: str, provider: str,
         end: date | None, rec: str, reason: str, pl_post: str, urn: str) -> dict[str, str]:
    short = ls in ("V3", "V4")
    return {"CHILD": child, "DECOM": _d(start), "RNE": rne, "LS": ls, "CIN": "N1",
            "PLACE": place, "PLACE_PROVIDER": provider, "DEC": _d(end), "REC": rec,
            "REASON_PLACE_CHANGE": reason, "HOME_POST": "" if short else "HR1 1",
            "PL_POST": pl_post, "URN": urn}


def _period(draw: st.DrawFn, made: Return, child: str, start: date, horizon: date,
            adult: date, born: date, pick: Callable[[date, int], date]) -> date | None:
    """One period of care from ``start``: placements, moves, legal-status changes, temporary
    placements and returns; its end day, or None when it is still open at the horizon."""
    ls = draw(st.sampled_from(CARE_LS))
    serial = [0]

    def new_place(age_on: date, previous: tuple | None) -> tuple:
        age = (age_on - born).days // 365
        options = [p for p in PLACES if p[3] <= age and p != previous]
        if previous is not None and previous[0].startswith("U") and age < 9:
            options.append(ADOPTION)
        chosen = draw(st.sampled_from(options))
        serial[0] += 1
        urn = f"SC{int(child) % 1000:03d}{serial[0]:03d}" if chosen[2] else ""
        post = f"HR{serial[0] % 9 + 1} {serial[0] % 7 + 1}"
        return chosen, urn, post

    place, urn, post = new_place(start, None)
    rne, day, temps_t3 = "S", start, 0
    placement_start = start
    _cost(draw, made, child, placement_start, place)
    while True:
        end = pick(day, 500)
        if end >= adult:
            end = adult - timedelta(days=1)
            if end <= day:
                end = day + timedelta(days=1)
        if end > horizon:
            made.episodes.append(_row(child, day, rne, ls, place[0], place[1], None, "", "",
                                      post, urn))
            return None
        event = draw(st.sampled_from(("end", "move", "move", "legal", "temp")))
        if end >= adult - timedelta(days=1) or place == ADOPTION and event != "end":
            event = "end"
        if event == "end":
            made.episodes.append(_row(child, day, rne, ls, place[0], place[1], end,
                                      draw(st.sampled_from(ENDINGS)), "", post, urn))
            return end
        if event == "legal":
            made.episodes.append(_row(child, day, rne, ls, place[0], place[1], end, "X1", "",
                                      post, urn))
            ls = draw(st.sampled_from([c for c in CARE_LS if c != ls]))
            rne, day = "L", end
            continue
        if event == "temp":
            code = draw(st.sampled_from([t for t in TEMPORARY if t != "T3" or temps_t3 < 1]))
            temps_t3 += code == "T3"
            back = end + timedelta(days=draw(st.integers(1, 7)))
            if back > horizon or back >= adult - timedelta(days=1):
                event = "move"
            else:
                made.episodes.append(_row(child, day, rne, ls, place[0], place[1], end, "X1",
                                          "", post, urn))
                made.episodes.append(_row(child, end, "P", ls, code, "", back, "X1", "", "",
                                          ""))
                rne, day = "P", back  # the return: the same placement goes on, no cost row
                continue
        # A move: P or T keep the legal status, U or B change it.
        made.episodes.append(_row(child, day, rne, ls, place[0], place[1], end, "X1",
                                  draw(st.sampled_from(MOVE_REASONS)), post, urn))
        rne = draw(st.sampled_from(("P", "P", "T", "U", "B")))
        if rne in ("U", "B"):
            ls = draw(st.sampled_from([c for c in CARE_LS if c != ls]))
        place, urn, post = new_place(end, place)
        day = end
        _cost(draw, made, child, day, place)


def _cost(draw: st.DrawFn, made: Return, child: str, start: date, place: tuple) -> None:
    if place[4] is None:
        return
    lo, hi = place[4]
    pence = draw(st.integers(0, 99))
    made.costs.append({"CHILD": child, "start_date": start.isoformat(),
                       "weekly_cost": f"{draw(st.integers(lo, hi))}.{pence:02d}"})
