"""SSDA903 episodes (with the header file) and a finance system's costs → placements.

A council's placement data is its SSDA903 children looked after return: one row an
**episode** (CHILD, DECOM, RNE, LS, CIN, PLACE, PLACE_PROVIDER, DEC, REC, REASON_PLACE_CHANGE,
HOME_POST, PL_POST, URN) and a **header** file (one row a child: CHILD, SEX, DOB…). The cost of
each placement lives elsewhere, in the finance system; the **costs** file gives it, one row a
placement, keyed by child and placement start date (or provider URN and start date).

:func:`load_ssda903` checks every episode against the code lists, with their dates (P2 not
valid for an episode open after 28 October 2023; an English H5 placement needs its Ofsted URN
from 29 October 2023; K3 and Z11-Z14 from 1 April 2025), joins consecutive episodes of one
placement (a new episode with RNE L changes the legal status only) into one placement, and
joins each placement to its cost. Every problem is reported at once, each naming file, row and
column.

Child identifiers (CHILD, the postcodes, DOB) never leave this module: they are never quoted
in an error, and the frames returned hold a number for each child (its order of first
appearance in the file), not its identifier.
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
                listed = ", ".join(sorted(allowed)) if len(allowed) <= 14 else \
                    "a code of the DfE's SSDA903 guidance"
                errors.add(epath, int(row), col(name), f"unknown {what}{shown}: expected "
                           f"{listed}")

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
    errors.raise_any()

    episodes = pd.DataFrame({
        "child": pd.factorize(child)[0], "decom": decom, "dec": dec, "rne": rne, "ls": ls,
        "place": place, "place_provider": provider, "rec": rec, "urn": urn,
    }, index=raw.index)
    episodes = episodes.sort_values(["child", "decom"], kind="mergesort")
    _check_overlaps(episodes, epath, col, errors)
    errors.raise_any()
    # A new placement begins at every episode but a change of legal status only (RNE L),
    # and at the first episode of each child.
    new = (episodes["rne"] != "L") | (episodes["child"] != episodes["child"].shift())
    episodes["placement"] = new.cumsum().astype(int)
    placements = _join_costs(_placements(episodes), child, cpath, epath, col, errors)
    errors.raise_any()
    return {"placements": placements, "episodes": episodes}


def _filled(value: Any) -> bool:
    return not (value is None or (isinstance(value, float) and value != value)
                or (isinstance(value, str) and not value.strip()))


def _d(day: Any) -> str:
    return pd.Timestamp(day).strftime("%d/%m/%Y")


def _age(born: pd.Timestamp, on: pd.Timestamp) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _check_overlaps(episodes: pd.DataFrame, path: Path, col: Callable[[str], str],
                    errors: _Errors) -> None:
    """A child's episodes follow one another: each starts when or after the last one ended."""
    same = episodes["child"] == episodes["child"].shift()
    before_end = episodes["dec"].shift()
    overlap = same & (before_end.isna() | (episodes["decom"] < before_end))
    for row in episodes.index[overlap.fillna(False).to_numpy(dtype=bool)]:
        errors.add(path, int(row), col("decom"), "the episode starts before the child's "
                   "previous episode ended")


def _placements(episodes: pd.DataFrame) -> pd.DataFrame:
    groups = episodes.groupby("placement", sort=False)
    heads = groups.head(1)
    first = heads.set_index("placement")
    last = groups.tail(1).set_index("placement")
    frame = pd.DataFrame({
        "first_row": pd.Series(heads.index.to_numpy(), index=heads["placement"].to_numpy()),
        "child": first["child"],
        "start_date": first["decom"],
        "end_date": last["dec"],
        "place": last["place"],
        "place_provider": last["place_provider"],
        "urn": last["urn"],
    })
    return frame


def _join_costs(placements: pd.DataFrame, child: pd.Series, cpath: Path, epath: Path,
                col: Callable[[str], str], errors: _Errors) -> pd.DataFrame:
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
            errors.add(cpath, int(row), ccol("start_date"), f"no placement in {epath.name} "
                       f"has this {what} and start date {_d(begins)}")
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
                  placements["place"].tolist(), placements["start_date"].tolist(), strict=True)
    for pid, row, code, begins in details:
        if pid not in matched and code not in NO_COST_PLACES:
            errors.add(epath, int(row), col("child" if by_child else "urn"),
                       f"no cost in {cpath.name} for the placement starting {_d(begins)} "
                       f"(placement type {code})")
    errors.raise_any()
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
