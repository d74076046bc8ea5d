"""SSDA903 episodes (with the header file) and a finance system's costs → placements.

A council's placement data is its SSDA903 children looked after return: one row an
**episode** (CHILD, DECOM, RNE, LS, CIN, PLACE, PLACE_PROVIDER, DEC, REC, REASON_PLACE_CHANGE,
HOME_POST, PL_POST, URN) and a **header** file (one row a child: CHILD, SEX, DOB…). The cost of
each placement lives elsewhere, in the finance system; the **costs** file gives it, one row a
placement, keyed by child and placement start date (or provider URN and start date).

:func:`load_ssda903` checks every episode against the code lists, with their dates (P2 not
valid for an episode open after 28 October 2023; an English H5 placement needs its Ofsted URN
from 29 October 2023; K3 and Z11-Z14 from 1 April 2025), and how a child's episodes follow one
another (no overlap; after REC X1 the next the same day; a temporary placement T0-T4 inside a
placement, the child returning to it: the DfE's rules 380, 383, 388, 433), all in one pass.
It groups episodes into placements (a change of legal status alone, RNE L, and a temporary
placement with the return from it continue the placement) and joins each placement to its one
cost row. Every problem is reported at once, each naming file, row and column (and, for a
problem between two rows, both).

Child identifiers (CHILD, the postcodes, DOB) never leave this module: they are never quoted
in an error, and the frames returned hold a number for each child (its order of first
appearance in the file; ``C00001``… in the placements frame), not its identifier; of the date
of birth only the day the child turns 16 (``turns_16``) reaches the measures.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from reportgen import limits
from reportgen.data import ssda903
from reportgen.data.parse import parse_date, parse_money
from reportgen.data.readers import DEFAULT_MAX_BYTES, read_table
from reportgen.errors import ReportgenError, ReportgenErrors, quote

EPISODE_COLUMNS = ("child", "decom", "rne", "ls", "cin", "place", "place_provider", "dec", "rec",
                   "reason_place_change", "home_post", "pl_post", "urn")
EPISODE_REQUIRED = ("child", "decom", "rne", "ls", "cin", "place")
HEADER_REQUIRED = ("child", "sex", "dob")
#: Costs columns: canonical name → aliases (header names are matched lower case, with
#: spaces as underscores).
COST_COLUMNS: dict[str, tuple[str, ...]] = {
    "child": ("child_id", "child_ref", "child_reference"),
    "urn": ("provider_urn", "ofsted_urn"),
    "start_date": ("decom", "placement_start", "placement_start_date", "start"),
    "weekly_cost": ("cost_per_week", "weekly_rate", "weekly_fee", "gross_weekly_cost"),
    "health_contribution": ("health", "health_contrib"),
    "education_contribution": ("education", "education_contrib"),
    "provider": ("provider_name", "supplier", "agency"),
    "renegotiated": ("cost_renegotiated", "rate_renegotiated", "renegotiated_rate"),
}
#: Placements that need no cost row: with parents, placed for adoption, temporary, custody.
NO_COST_PLACES = frozenset({"P1", "A3", "A4", "A5", "A6", "R5", "T0", "T1", "T2", "T3", "T4"})
_YES = {"yes", "y", "true", "1", "renegotiated"}
_NO = {"no", "n", "false", "0"}
# Columns whose cells identify a child: never quoted in a message.
_SENSITIVE = frozenset({"child", "home_post", "pl_post", "dob"})


class _Errors:
    """Problems of several files, collected and raised together, sorted by file and row."""

    def __init__(self) -> None:
        self.items: list[ReportgenError] = []

    def add(self, path: Path, row: int | None, column: str | None, message: str) -> None:
        self.items.append(ReportgenError(message, file=path, row=row, column=column))

    def raise_any(self) -> None:
        if not self.items:
            return
        self.items.sort(key=lambda e: (e.file or "", e.row or 0))
        if len(self.items) == 1:
            raise self.items[0]
        raise ReportgenErrors(self.items)


def _read(path: Path, required: tuple[str, ...], what: str, errors: _Errors,
          aliases: dict[str, tuple[str, ...]] | None = None) -> tuple[pd.DataFrame, dict[str, str]]:
    raw = read_table(path, max_bytes=DEFAULT_MAX_BYTES, expected_columns=list(required))
    source: dict[str, str] = raw.attrs["source_columns"]
    if aliases:
        rename: dict[str, str] = {}
        for name, others in aliases.items():
            if name in raw.columns:
                continue
            hit = next((a for a in others if a in raw.columns and a not in rename), None)
            if hit is not None:
                rename[hit] = name
        source = {rename.get(k, k): v for k, v in source.items()}
        raw = raw.rename(columns=rename)
    missing = [c for c in required if c not in raw.columns]
    if missing:
        found = ", ".join(list(source.values())[:40]) or "none"
        raise ReportgenError(f"missing column{'s' if len(missing) > 1 else ''} "
                             f"{', '.join(m.upper() if what != 'costs' else m for m in missing)}"
                             f" in the {what} file (columns found: {found})", file=path)
    if raw.empty:
        raise ReportgenError("no rows: the file has a header row but no data", file=path)
    if len(raw) > limits.MAX_EPISODES:
        raise ReportgenError(f"too many rows ({len(raw):,}): at most {limits.MAX_EPISODES:,}",
                             file=path)
    return raw, source


def _text(raw: pd.DataFrame, name: str) -> pd.Series:
    if name not in raw.columns:
        return pd.Series(pd.NA, index=raw.index, dtype="string")
    text = raw[name].map(lambda v: None if v is None or (isinstance(v, float) and v != v)
                         else str(int(v)) if isinstance(v, float) and v.is_integer()
                         else str(v)).astype("string").str.strip()
    return text.mask(text == "")


def _codes(text: pd.Series) -> pd.Series:
    return text.str.upper().str.replace(" ", "", regex=False)


def _dates(raw: pd.DataFrame, name: str, path: Path, column: str, errors: _Errors,
           shown: bool = True, open_end: bool = False) -> pd.Series:
    if name not in raw.columns:
        return pd.Series(pd.NaT, index=raw.index, dtype="datetime64[ns]")
    values, bad = parse_date(raw[name], shown=shown, open_end=open_end)
    for row, message in bad.items():
        errors.add(path, row, column, message)
    return values


def _england(pl_post: pd.Series) -> pd.Series:
    area = pl_post.str.upper().str.extract(r"^\s*([A-Z]{1,2})", expand=False)
    outside = area.isin(ssda903.NOT_ENGLAND_POSTCODE_AREAS) | \
        area.str[:1].isin({a for a in ssda903.NOT_ENGLAND_POSTCODE_AREAS if len(a) == 1}) & \
        ~area.str[1:].fillna("").str.match(r"^[A-Z]$")
    return ~outside.fillna(False).astype(bool)


def load_ssda903(episodes_path: str | Path, header_path: str | Path,
                 costs_path: str | Path) -> dict[str, pd.DataFrame]:
    """Read, check and join an SSDA903 episodes file, its header file and a costs file.

    Returns ``{"placements": …, "episodes": …}``: the canonical placements frame (one row a
    placement, indexed by the episodes-file row of its first episode; ``reference`` is a
    pseudonym P00001…, never the CHILD identifier) with a ``renegotiated`` flag column, and
    the episodes frame the care metrics need (child as a number, never its identifier).
    """
    epath, hpath = Path(episodes_path), Path(header_path)
    cpath = Path(costs_path)
    errors = _Errors()
    raw, src = _read(epath, EPISODE_REQUIRED, "episodes", errors)
    head, hsrc = _read(hpath, HEADER_REQUIRED, "header", errors)

    def col(name: str) -> str:
        return src.get(name, name.upper())

    # -- header: one row a child, a date of birth each.
    hchild = _text(head, "child")
    dob = _dates(head, "dob", hpath, hsrc.get("dob", "DOB"), errors, shown=False)
    for row in hchild[hchild.isna()].index:
        errors.add(hpath, int(row), hsrc.get("child", "CHILD"), "a value is required "
                   "(the cell is blank)")
    for row in dob[dob.isna() & ~head["dob"].map(_filled).astype(bool)].index:
        errors.add(hpath, int(row), hsrc.get("dob", "DOB"), "a value is required "
                   "(the cell is blank)")
    dup = hchild.duplicated(keep="first") & hchild.notna()
    for row in hchild[dup].index:
        errors.add(hpath, int(row), hsrc.get("child", "CHILD"),
                   "the same child appears twice in the header file")
    births = dict(zip(hchild[hchild.notna() & ~dup], dob[hchild.notna() & ~dup], strict=True))

    # -- episodes: each cell against its code list.
    child = _text(raw, "child")
    decom = _dates(raw, "decom", epath, col("decom"), errors)
    dec = _dates(raw, "dec", epath, col("dec"), errors, open_end=True)
    rne, ls, cin = _codes(_text(raw, "rne")), _codes(_text(raw, "ls")), _codes(_text(raw, "cin"))
    place, provider = _codes(_text(raw, "place")), _codes(_text(raw, "place_provider"))
    rec, reason = _codes(_text(raw, "rec")), _codes(_text(raw, "reason_place_change"))
    urn = _codes(_text(raw, "urn"))
    england = _england(_text(raw, "pl_post").fillna(""))

    def check(values: pd.Series, name: str, allowed: Any, what: str,
              required: bool = True) -> None:
        blank = values.isna().to_numpy(dtype=bool)
        unknown = ~blank & ~values.isin(list(allowed)).to_numpy(dtype=bool)
        for row, value in values[(blank & required) | unknown].items():
            if pd.isna(value):
                errors.add(epath, int(row), col(name), "a value is required "
                           "(the cell is blank)")
            else:
                shown = "" if name in _SENSITIVE else f" {quote(value)}"
                # Every valid code, as the DfE's guide lists them: the officer sees at once
                # which one was meant.
                listed = ", ".join(sorted(allowed, key=_code_order))
                errors.add(epath, int(row), col(name), f"unknown {what}{shown}: expected "
                           f"one of {listed}")

    for row in child[child.isna()].index:
        errors.add(epath, int(row), col("child"), "a value is required (the cell is blank)")
    for row in decom[decom.isna() & ~raw["decom"].map(_filled).astype(bool)].index:
        errors.add(epath, int(row), col("decom"), "a value is required (the cell is blank)")
    check(rne, "rne", ssda903.RNE_CODES, "reason for new episode (RNE)")
    check(ls, "ls", ssda903.LS_CODES, "legal status (LS)")
    check(cin, "cin", ssda903.CIN_CODES, "category of need (CIN)")
    check(place, "place", ssda903.SSDA903_PLACEMENT_CODES, "placement type (PLACE)")
    check(rec, "rec", ssda903.REC_CODES, "reason episode ceased (REC)", required=False)
    check(reason, "reason_place_change", ssda903.REASON_PLACE_CHANGE_CODES,
          "reason for placement change", required=False)
    needs_provider = ~place.isin(ssda903.NO_PROVIDER_PLACES).fillna(False).astype(bool)
    check(provider[needs_provider], "place_provider", ssda903.PROVIDER_CODES,
          "placement provider (PLACE_PROVIDER)")
    check(provider[~needs_provider], "place_provider", ssda903.PROVIDER_CODES,
          "placement provider (PLACE_PROVIDER)", required=False)

    # An open episode runs to the file's last date (its extract): P2 open in a 2023/24 return
    # is open after 28 October 2023, but H5 open at the end of 2023 is not open in 2025.
    horizon = max(decom.max(), dec.max()) if dec.notna().any() else decom.max()
    # Plain Python values, row by row: pandas' per-cell lookups would cost seconds.
    columns = zip(raw.index.tolist(), decom.tolist(), dec.tolist(), place.tolist(),
                  rec.tolist(), urn.tolist(), england.tolist(), child.tolist(), strict=True)
    for row, start, end, code, reason_ceased, urn_cell, in_england, who in columns:
        upto = end if pd.notna(end) else horizon
        if pd.notna(start) and pd.notna(end) and end < start:
            errors.add(epath, int(row), col("dec"), f"the episode ends ({_d(end)}) before it "
                       f"starts ({_d(start)})")
        if pd.notna(end) and pd.isna(reason_ceased):
            errors.add(epath, int(row), col("rec"), "a reason the episode ceased (REC) is "
                       "required when it has an end date (DEC)")
        if pd.isna(end) and pd.notna(reason_ceased):
            errors.add(epath, int(row), col("rec"), "a reason the episode ceased (REC) is "
                       "given but the episode has no end date (DEC)")
        if pd.isna(code):
            continue
        first, last = ssda903.PLACE_VALID.get(str(code), (None, None))
        if last is not None and pd.notna(upto) and upto.date() > last:
            errors.add(epath, int(row), col("place"), f"placement type {code} is not valid for "
                       f"an episode open after {_d(last)}")
        if first is not None and pd.notna(end) and end.date() < first:
            errors.add(epath, int(row), col("place"), f"placement type {code} is only valid "
                       f"from {_d(first)}")
        no_urn = pd.isna(urn_cell) or urn_cell == ssda903.NO_URN
        open_late = pd.notna(upto) and upto.date() >= ssda903.H5_URN_FROM
        if code == "H5" and open_late and no_urn and in_england:
            errors.add(epath, int(row), col("urn"), "an Ofsted URN is required for an H5 "
                       f"placement in England open on or after {_d(ssda903.H5_URN_FROM)}")
        if code in ssda903.URN_ALWAYS and no_urn and in_england:
            errors.add(epath, int(row), col("urn"), f"an Ofsted URN is required for a {code} "
                       "placement in England")
        born = births.get(who) if pd.notna(who) else None
        if pd.notna(who) and who not in births:
            errors.add(epath, int(row), col("child"), f"this child is not in the header file "
                       f"{hpath.name}")
        elif born is not None and pd.notna(born) and pd.notna(start):
            if start < born:
                errors.add(epath, int(row), col("decom"), "the episode starts before the "
                           "child's date of birth")
            elif code in ssda903.URN_ALWAYS and _age(born, start) < ssda903.K3_MIN_AGE:
                errors.add(epath, int(row), col("place"), f"a {code} placement is for young "
                           f"people aged {ssda903.K3_MIN_AGE} or over")
    # The one thing the measures need of the date of birth: the day the child turns 16 (the
    # long-term stability measure counts children under 16). Once a child, not once a row.
    # (Sixteen years after 29 February is 29 February again: no leap-day rule is needed.)
    born_on = pd.to_datetime(pd.Series(births, dtype="object"))
    sixteen = (born_on + pd.DateOffset(years=16)).dropna().to_dict()
    episodes = pd.DataFrame({
        "child": pd.factorize(child)[0], "decom": decom, "dec": dec, "rne": rne, "ls": ls,
        "place": place, "place_provider": provider, "rec": rec, "urn": urn,
        "turns_16": pd.to_datetime(pd.Series([sixteen.get(w) for w in child.tolist()],
                                             index=raw.index, dtype="object")),
    }, index=raw.index)
    # Cross-row checks run with the cell checks (every problem at once, as the DfE's validator
    # reports them) on the rows whose child and start date could be read.
    usable = child.notna() & decom.notna()
    episodes = episodes.sort_values(["child", "decom", "dec"], kind="mergesort", na_position="last")
    episodes["temporary"] = episodes["place"].isin(list(ssda903.TEMPORARY_PLACES)) \
        .fillna(False).astype(bool)
    episodes["short_break"] = episodes["ls"].isin(list(ssda903.SHORT_BREAK_LS)) \
        .fillna(False).astype(bool)
    episodes["placement"] = _group_placements(episodes[usable.reindex(episodes.index)
                                                        .to_numpy(dtype=bool)], epath, col,
                                              errors).reindex(episodes.index).fillna(-1) \
        .astype(int)
    errors.raise_any()
    placements = _join_costs(_placements(episodes), child, cpath, epath, col, errors, episodes)
    errors.raise_any()
    return {"placements": placements, "episodes": episodes}


def _code_order(code: str) -> tuple[str, int, str]:
    """Codes in the guide's order: Z1 before Z11, E4A after E3."""
    letters = code.rstrip("0123456789AB") or code
    number = "".join(c for c in code[len(letters):] if c.isdigit())
    return letters, int(number) if number else -1, code


def _filled(value: Any) -> bool:
    return not (value is None or (isinstance(value, float) and value != value)
                or (isinstance(value, str) and not value.strip()))


def _d(day: Any) -> str:
    return pd.Timestamp(day).strftime("%d/%m/%Y")


def _age(born: pd.Timestamp, on: pd.Timestamp) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _group_placements(episodes: pd.DataFrame, path: Path, col: Callable[[str], str],
                      errors: _Errors) -> pd.Series:
    """Number each episode's placement, and check how a child's episodes follow one another.

    ``episodes`` is sorted by child and start date. A placement begins at a child's first
    episode, at the first episode of each period of care (after an episode that ended with a
    REC other than X1) and at every change of placement (RNE P, T, U, B), except that:

    - a change of legal status only (RNE L) continues the placement;
    - a temporary placement (PLACE T0-T4: hospital, holiday, respite of seven days or less) is
      not a placement: the child's placement goes on through it;
    - the episode after a temporary placement returns the child to that placement (the DfE's
      validator, rule 383) and continues it.

    Short breaks (LS V3, V4) never share a placement with other care. The checks, each naming
    both rows: an episode may not start before the previous one ended; after REC X1 the next
    episode starts the day the last ended (rules 388, 433); a period of care may not start with
    a temporary placement (rule 380); after one the child returns to their placement (383).
    """
    out: dict[int, int] = {}
    number = -1

    def plain(name: str) -> list[Any]:  # NA as None: a blank code compares as no code
        return [None if pd.isna(v) else v for v in episodes[name].tolist()]

    rows = zip(episodes.index.tolist(), episodes["child"].tolist(), episodes["decom"].tolist(),
               episodes["dec"].tolist(), plain("rne"), plain("rec"), plain("place"),
               episodes["temporary"].tolist(), episodes["short_break"].tolist(), strict=True)
    last: tuple[Any, ...] | None = None  # the child's previous episode
    home: tuple[int, Any] = (-1, None)  # the row and PLACE of the current placement's start
    for row, who, begins, ends, rne, rec, code, temporary, short in rows:
        prev = last if last is not None and last[1] == who else None
        if prev is not None:
            p_row, _, _, p_ends, p_rec, _, _ = prev
            if pd.isna(p_ends):
                errors.add(path, int(row), col("decom"), f"the episode starts ({_d(begins)}) "
                           f"while the child's previous episode, on row {p_row}, is still open "
                           "(it has no end date, DEC)")
            elif begins < p_ends:
                errors.add(path, int(row), col("decom"), f"the episode starts ({_d(begins)}) "
                           f"before the child's previous episode, on row {p_row}, ended "
                           f"({_d(p_ends)})")
            elif p_rec == ssda903.STILL_LOOKED_AFTER and begins != p_ends:
                errors.add(path, int(row), col("decom"), f"the episode starts on {_d(begins)} "
                           f"but the child's previous episode, on row {p_row}, ended on "
                           f"{_d(p_ends)} with REC X1 (a new episode begins the same day)")
        new_period = prev is None or prev[4] != ssda903.STILL_LOOKED_AFTER
        same = False  # whether this episode continues the current placement
        if not new_period and prev is not None:
            p_row, p_temp, p_short = prev[0], prev[5], prev[6]
            if short != p_short:
                same = False  # short breaks never share a placement with other care
            elif rne == "L" or temporary:
                same = True
            elif p_temp and not short:
                same = code == home[1]
                if not same and code is not None:
                    errors.add(path, int(row), col("place"), f"after the temporary placement "
                               f"on row {p_row} the child must return to their placement "
                               f"(PLACE {home[1]}, row {home[0]}), not to {code} (the DfE's "
                               "rule 383)")
        if temporary and not short and new_period:
            errors.add(path, int(row), col("place"), f"a period of care cannot start with a "
                       f"temporary placement ({code}): it must follow the child's own "
                       "placement in the file (the DfE's rule 380)")
        if not same:
            number += 1
            home = (int(row), code)
        out[int(row)] = number
        last = (int(row), who, begins, ends, rec, temporary, short)
    # REC X1 on a child's last episode: no continuation episode (rule 388).
    nexts = episodes["child"].shift(-1)
    final = (nexts != episodes["child"]).to_numpy(dtype=bool)
    x1 = (episodes["rec"] == ssda903.STILL_LOOKED_AFTER).fillna(False).to_numpy(dtype=bool)
    for row in episodes.index[final & x1]:
        errors.add(path, int(row), col("rec"), "REC X1 says a new episode begins the day this "
                   "one ends, but the child has no later episode in the file")
    return pd.Series(out, dtype="int64")


def _placements(episodes: pd.DataFrame) -> pd.DataFrame:
    """One row a placement: its first episode's row, child, type and start; its last
    episode's end; and the rows and start dates of its temporary and return episodes."""
    groups = episodes[episodes["placement"] >= 0].groupby("placement", sort=False)
    heads = groups.head(1)
    first = heads.set_index("placement")
    last = groups.tail(1).set_index("placement")
    starts = dict(zip(heads["placement"].tolist(), heads.index.tolist(), strict=True))
    # The episodes inside a placement that a finance system might mistake for a placement of
    # their own: temporary placements and the returns from them.
    inner: dict[int, list[tuple[int, Any, str]]] = {}
    for row, pid, begins, temporary, rne in zip(
            episodes.index.tolist(), episodes["placement"].tolist(),
            episodes["decom"].tolist(), episodes["temporary"].tolist(),
            episodes["rne"].tolist(), strict=True):
        if pid < 0 or starts[pid] == row or (rne == "L" and not temporary):
            continue
        inner.setdefault(pid, []).append((int(row), begins,
                                          "temporary" if temporary else "return"))
    frame = pd.DataFrame({
        "first_row": pd.Series(heads.index.to_numpy(), index=heads["placement"].to_numpy()),
        "child": first["child"],
        "start_date": first["decom"],
        "end_date": last["dec"],
        "place": first["place"],
        "place_provider": first["place_provider"],
        "urn": first["urn"],
        "short_break": first["short_break"],
    })
    frame["inner"] = [inner.get(pid, []) for pid in frame.index]
    return frame


def _join_costs(placements: pd.DataFrame, child: pd.Series, cpath: Path, epath: Path,
                col: Callable[[str], str], errors: _Errors,
                episodes: pd.DataFrame) -> pd.DataFrame:
    """Join each placement to its one cost row (by child, or provider URN, and the
    placement's start date). Temporary placements and the returns from them are inside a
    placement and need no row of their own; short breaks and placements that cost the council
    nothing (with parents, placed for adoption, custody) need none."""
    costs, csrc = _read(cpath, ("start_date", "weekly_cost"), "costs", errors, COST_COLUMNS)

    def ccol(name: str) -> str:
        return csrc.get(name, name)

    if "child" not in costs.columns and "urn" not in costs.columns:
        raise ReportgenError("the costs file needs a child column (CHILD) or a provider URN "
                             "column to find each placement", file=cpath)
    by_child = "child" in costs.columns
    codes = {value: n for n, value in enumerate(pd.unique(child.dropna()))}
    start = _dates(costs, "start_date", cpath, ccol("start_date"), errors)
    weekly, bad = parse_money(costs["weekly_cost"])
    for row, message in bad.items():
        errors.add(cpath, row, ccol("weekly_cost"), message)
    money: dict[str, pd.Series] = {}
    for name in ("health_contribution", "education_contribution"):
        if name in costs.columns:
            values, bad = parse_money(costs[name])
            for row, message in bad.items():
                errors.add(cpath, row, ccol(name), message)
            money[name] = values.fillna(0.0)
        else:
            money[name] = pd.Series(0.0, index=costs.index)
    flags = pd.Series(False, index=costs.index)
    if "renegotiated" in costs.columns:
        for row, value in _text(costs, "renegotiated").items():
            if pd.isna(value) or value.lower() in _NO:
                continue
            if value.lower() in _YES:
                flags[row] = True
            else:
                errors.add(cpath, int(row), ccol("renegotiated"),
                           f"expected yes or no, got {quote(value)}")
    names = _text(costs, "provider")
    keys = _text(costs, "child" if by_child else "urn")
    if not by_child:
        keys = _codes(keys)
    if by_child:
        place_key = placements["child"].astype(int)
        cost_key = keys.map(lambda v: codes.get(v, -1) if pd.notna(v) else -1)
    else:
        place_key = placements["urn"].fillna("")
        cost_key = keys.fillna("")
    index = {(k, s): pid for pid, k, s in zip(placements.index, place_key,
                                                placements["start_date"], strict=True)}
    episode_key = episodes["child"].astype(int) if by_child else episodes["urn"].fillna("")
    keys_of = dict(zip(episodes.index.tolist(), episode_key.tolist(), strict=True))
    inside = {(keys_of[row], begins): (pid, row, kind)
              for pid, items in zip(placements.index, placements["inner"], strict=True)
              for row, begins, kind in items}
    matched: dict[int, int] = {}
    key_name = ccol("child") if by_child else ccol("urn")
    # Plain Python values: pandas' per-cell lookups would cost seconds on a large return.
    weekly_raw = costs["weekly_cost"].tolist()
    rows = zip(costs.index.tolist(), keys.tolist(), cost_key.tolist(), start.tolist(),
               weekly.tolist(), weekly_raw, strict=True)
    for row, key, wanted, begins, amount, written in rows:
        if pd.isna(key):
            errors.add(cpath, int(row), key_name, "a value is required (the cell is blank)")
            continue
        if pd.isna(begins) or pd.isna(amount):
            if pd.isna(amount) and int(row) not in bad and not _filled(written):
                errors.add(cpath, int(row), ccol("weekly_cost"), "a value is required "
                           "(the cell is blank)")
            continue
        pid = index.get((wanted, begins))
        if pid is None:
            what = "child" if by_child else "provider URN"
            within = inside.get((wanted, begins))
            if within is not None:
                owner, erow, kind = within
                first_row, started = (placements.at[owner, "first_row"],
                                      placements.at[owner, "start_date"])
                if kind == "temporary":
                    detail = (f"the episode starting then ({epath.name} row {erow}) is a "
                              "temporary placement, which is not a placement of its own and "
                              "needs no cost row")
                else:
                    detail = (f"the episode starting then ({epath.name} row {erow}) returns "
                              "the child from a temporary placement to the placement that "
                              f"started on {_d(started)} (row {first_row}), whose own cost "
                              "row covers it")
                errors.add(cpath, int(row), ccol("start_date"), f"no placement starts on "
                           f"{_d(begins)} for this {what}: {detail}")
            else:
                errors.add(cpath, int(row), ccol("start_date"), f"no placement in "
                           f"{epath.name} has this {what} and start date {_d(begins)}")
            continue
        if pid in matched:
            errors.add(cpath, int(row), ccol("start_date"), f"a second cost for the same "
                       f"placement (also on row {matched[pid]})")
            continue
        if amount < 0:
            errors.add(cpath, int(row), ccol("weekly_cost"), "must not be negative")
            continue
        matched[pid] = int(row)
    details = zip(placements.index.tolist(), placements["first_row"].tolist(),
                  placements["place"].tolist(), placements["start_date"].tolist(),
                  placements["short_break"].tolist(), placements["inner"].tolist(),
                  strict=True)
    key_column = "the child" if by_child else "the provider URN"
    for pid, row, code, begins, short, items in details:
        if pid in matched or code in NO_COST_PLACES or short:
            continue
        returns = [b for _, b, kind in items if kind == "return"]
        note = (f"; the child's return from a temporary placement on {_d(returns[0])} "
                "continues this placement, so that one row covers it") if returns else ""
        errors.add(epath, int(row), col("decom"), f"no cost in {cpath.name} for the "
                   f"placement starting {_d(begins)} (placement type {code}): it needs a row "
                   f"with {key_column} and start date {_d(begins)}{note}")
    errors.raise_any()
    placements = placements[~placements["short_break"].astype(bool)]
    order = placements.sort_values(["start_date", "first_row"], kind="mergesort").index
    numbers = {pid: n for n, pid in enumerate(order, start=1)}
    providers = ssda903.provider_types(placements["place_provider"].fillna("PR1"))
    types = ssda903.placement_types(placements["place"].astype("string"), providers)
    positions = {row: n for n, row in enumerate(costs.index.tolist())}
    at = [positions.get(matched.get(pid, -1), -1) for pid in placements.index.tolist()]

    def pick(series: pd.Series, default: Any) -> list[Any]:
        values = series.tolist()
        return [values[n] if n >= 0 else default for n in at]

    frame = pd.DataFrame({
        "reference": [f"P{numbers[pid]:05d}" for pid in placements.index],
        # A pseudonym for the child (its order of first appearance), never CHILD: "per child"
        # figures count distinct children, not placements.
        "child": [f"C{int(n) + 1:05d}" for n in placements["child"].tolist()],
        "placement_type": types.astype("string").to_numpy(),
        "provider_type": providers.astype("string").to_numpy(),
        "provider": pd.array(pick(names, pd.NA), dtype="string"),
        "start_date": placements["start_date"].to_numpy(),
        "end_date": placements["end_date"].to_numpy(),
        "weekly_cost": np.asarray(pick(weekly, 0.0), dtype="float64"),
        "health_contribution": np.asarray(pick(money["health_contribution"], 0.0), dtype=float),
        "education_contribution": np.asarray(pick(money["education_contribution"], 0.0),
                                             dtype=float),
        "child_name": pd.array([pd.NA] * len(placements), dtype="string"),
        "date_of_birth": pd.Series(pd.NaT, index=range(len(placements)),
                                   dtype="datetime64[ns]").to_numpy(),
        "renegotiated": np.asarray(pick(flags, False), dtype=bool),
    }, index=pd.Index([int(r) for r in placements["first_row"]], name="row"))
    return frame.sort_index()


def care_dates(frame: pd.DataFrame) -> tuple[date | None, date | None]:
    """The first and last dates an episodes frame covers (for the default as-at date)."""
    if frame.empty:
        return None, None
    first = frame["decom"].min()
    last = max(frame["decom"].max(), frame["dec"].max()) if frame["dec"].notna().any() \
        else frame["decom"].max()
    return first.date(), last.date()


def load_ssda903_bundle(bundle: Any) -> dict[str, pd.DataFrame]:
    """The placements and episodes of a bundle whose ``data: placements`` is an SSDA903
    episodes file (``ssda903_header`` and ``placement_costs`` name the other two files)."""
    episodes, header = bundle.data_path("placements"), bundle.data_path("ssda903_header")
    costs = bundle.data_path("placement_costs")
    if costs is None:
        raise ReportgenError("data.placement_costs is needed with an SSDA903 episodes file: "
                             "the episodes give no costs", file=bundle.yaml_path)
    root = Path(bundle.path).resolve()
    for path in (episodes, header, costs):
        try:
            inside = Path(path).resolve().is_relative_to(root)
        except (OSError, RuntimeError):
            inside = False
        if not inside:
            # Their cells identify children: never read from outside the bundle folder.
            raise ReportgenError("an SSDA903 file must be inside the bundle folder",
                                 file=path)
    return load_ssda903(episodes, header, costs)
