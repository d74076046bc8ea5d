"""Placement and provider values as councils write them → reportgen's canonical values.

Councils export placements from their case management systems either with the codes of the
DfE's SSDA903 children looked after return (placement type ``U4``, placement provider ``PR4``)
or with their own labels ("IFA", "Children's home"). Both are read here. A value we do not
recognise maps to ``None`` so that the schema can report it against its row and column.

Codes follow the DfE "Children looked after return" (SSDA903) guidance, placement type and
placement provider code lists.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pandas with the first column converted: the code tables need neither
    import numpy as np
    import pandas as pd

PLACEMENT_TYPES: dict[str, str] = {
    "in_house_fostering": "In-house fostering",
    "ifa": "Independent fostering agency (IFA)",
    "residential": "Residential",
    "kinship": "Kinship / connected carers",
    "semi_independent": "Semi-independent / leaving care",
    "placed_with_parents": "Placed with parents",
    "secure": "Secure",
    "other": "Other",
}

PROVIDER_TYPES: dict[str, str] = {
    "in_house": "In-house (own council)",
    "private": "Private",
    "voluntary": "Voluntary",
    "other_la": "Other local authority",
}

# U4–U6 are foster placements with a carer who is not a relative or friend: they are the
# council's own fostering when the carer is approved by a council, an IFA placement otherwise.
FOSTER_CODES = frozenset({"U4", "U5", "U6"})
_COUNCIL_PROVIDERS = frozenset({"in_house", "other_la"})

# SSDA903 placement type code → (canonical value, the DfE's description).
SSDA903_PLACEMENT_CODES: dict[str, tuple[str, str]] = {
    "A3": ("other", "Placed for adoption with consent with current foster carer"),
    "A4": ("other", "Placed for adoption with consent not with current foster carer"),
    "A5": ("other", "Placed for adoption with placement order with current foster carer"),
    "A6": ("other", "Placed for adoption with placement order not with current foster carer"),
    "H5": ("semi_independent", "Semi-independent living accommodation"),
    "K1": ("secure", "Secure children's home"),
    "K2": ("residential", "Children's home"),
    "K3": ("semi_independent", "Supported accommodation (registered with Ofsted)"),
    "P1": (
        "placed_with_parents",
        "Placed with own parent(s) or other person with parental responsibility",
    ),
    "P2": ("semi_independent", "Independent living, e.g. flat, lodgings, bedsit, B&B"),
    "P3": ("other", "Residential employment"),
    "R1": ("residential", "Residential care home"),
    "R2": ("other", "NHS/health trust or other establishment providing medical or nursing care"),
    "R3": ("other", "Family centre or mother and baby unit"),
    "R5": ("secure", "Young offender institution or prison"),
    "S1": (
        "residential",
        "All residential schools, except where dual-registered as a school and children's home",
    ),
    "T0": ("other", "Temporary placement: all types of temporary move"),
    "T1": ("other", "Temporary periods in hospital"),
    "T2": ("other", "Temporary absences of the child on holiday"),
    "T3": ("other", "Temporary accommodation whilst normal foster carer is on holiday"),
    "T4": ("other", "Temporary accommodation of seven days or less"),
    "U1": ("kinship", "Foster placement with relative or friend: long term fostering"),
    "U2": (
        "kinship",
        "Foster placement with relative or friend who is also an approved adopter: FFA",
    ),
    "U3": ("kinship", "Foster placement with relative or friend: not long term or FFA"),
    "U4": ("in_house_fostering", "Foster placement with other foster carer: long term fostering"),
    "U5": (
        "in_house_fostering",
        "Foster placement with other foster carer who is also an approved adopter: FFA",
    ),
    "U6": ("in_house_fostering", "Foster placement with other foster carer: not long term or FFA"),
    "Z1": ("other", "Other placements"),
    "Z11": ("other", "Other placements: unregistered children's home"),
    "Z12": ("other", "Other placements: unregistered supported accommodation"),
    "Z13": ("other", "Other placements: with a person not a foster carer or relative"),
    "Z14": ("other", "Other placements not covered by another code"),
}  # fmt: skip

# SSDA903 placement provider code → (canonical value, the DfE's description). Parents (PR0)
# and other public bodies (PR3) have no canonical value of their own: a placement with parents
# is arranged by the council itself, and another public body is closest to another council.
SSDA903_PROVIDER_CODES: dict[str, tuple[str, str]] = {
    "PR0": ("in_house", "Parent(s) or other person with parental responsibility"),
    "PR1": ("in_house", "Own provision (by the local authority)"),
    "PR2": ("other_la", "Other local authority provision"),
    "PR3": ("other_la", "Other public provision (e.g. by a PCT)"),
    "PR4": ("private", "Private provision"),
    "PR5": ("voluntary", "Voluntary/third sector provision"),
}

# Labels people write, keyed by their matching form (see ``match_key``).
_PLACEMENT_LABELS: dict[str, str] = {
    "in house fostering": "in_house_fostering",
    "in house foster": "in_house_fostering",
    "in house foster care": "in_house_fostering",
    "in house foster carers": "in_house_fostering",
    "inhouse fostering": "in_house_fostering",
    "la fostering": "in_house_fostering",
    "local authority fostering": "in_house_fostering",
    "ifa": "ifa",
    "ifas": "ifa",
    "independent fostering agency": "ifa",
    "independent fostering agency ifa": "ifa",
    "independent fostering": "ifa",
    "independent foster care": "ifa",
    "agency fostering": "ifa",
    "residential": "residential",
    "residential care": "residential",
    "residential home": "residential",
    "childrens home": "residential",
    "childrens homes": "residential",
    "childrens residential": "residential",
    "residential school": "residential",
    "kinship": "kinship",
    "kinship care": "kinship",
    "kinship connected carers": "kinship",
    "connected carers": "kinship",
    "connected persons": "kinship",
    "family and friends": "kinship",
    "family and friends care": "kinship",
    "family friends": "kinship",
    "semi independent": "semi_independent",
    "semi independent living": "semi_independent",
    "semi independent leaving care": "semi_independent",
    "leaving care": "semi_independent",
    "supported accommodation": "semi_independent",
    "supported lodgings": "semi_independent",
    "independent living": "semi_independent",
    "placed with parents": "placed_with_parents",
    "placement with parents": "placed_with_parents",
    "secure": "secure",
    "secure unit": "secure",
    "secure childrens home": "secure",
    "secure accommodation": "secure",
    "other": "other",
}

_PROVIDER_LABELS: dict[str, str] = {
    "in house": "in_house",
    "inhouse": "in_house",
    "own la": "in_house",
    "own provision": "in_house",
    "own local authority": "in_house",
    "local authority": "in_house",
    "council": "in_house",
    "la": "in_house",
    "private": "private",
    "independent": "private",
    "private independent": "private",
    "independent private": "private",
    "voluntary": "voluntary",
    "third sector": "voluntary",
    "voluntary third sector": "voluntary",
    "charity": "voluntary",
    "not for profit": "voluntary",
    "other la": "other_la",
    "other local authority": "other_la",
    "another local authority": "other_la",
    "other public": "other_la",
}


def match_key(text: str) -> str:
    """The form labels are matched in: lower case, apostrophes dropped, other punctuation as
    single spaces (``"Children’s Home"`` → ``"childrens home"``, ``"in_house"`` → ``"in house"``).
    """
    text = re.sub(r"['’`]", "", text.lower()).replace("&", " and ")
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def _lookup() -> tuple[dict[str, str], dict[str, str]]:
    placements = dict(_PLACEMENT_LABELS)
    for value, label in PLACEMENT_TYPES.items():
        placements[match_key(value)] = value
        placements[match_key(label)] = value
    for code, (value, _) in SSDA903_PLACEMENT_CODES.items():
        placements[match_key(code)] = value
    providers = dict(_PROVIDER_LABELS)
    for value, label in PROVIDER_TYPES.items():
        providers[match_key(value)] = value
        providers[match_key(label)] = value
    for code, (value, _) in SSDA903_PROVIDER_CODES.items():
        providers[match_key(code)] = value
    return placements, providers


_PLACEMENT_LOOKUP, _PROVIDER_LOOKUP = _lookup()
_FOSTER_KEYS = frozenset(match_key(code) for code in FOSTER_CODES)


def provider_type(value: str | None) -> str | None:
    """Canonical provider type of a label or PR0–PR5 code; ``None`` if not recognised."""
    if value is None:
        return None
    return _PROVIDER_LOOKUP.get(match_key(value))


def placement_type(value: str | None, provider: str | None = None) -> str | None:
    """Canonical placement type of a label or SSDA903 code; ``None`` if not recognised.

    ``provider`` is the canonical provider type, needed for SSDA903 codes U4–U6: fostering with
    a council's carer (``in_house`` or ``other_la``) is ``in_house_fostering``, any other is
    ``ifa``.
    """
    if value is None:
        return None
    key = match_key(value)
    if key in _FOSTER_KEYS:
        return "in_house_fostering" if provider in _COUNCIL_PROVIDERS else "ifa"
    return _PLACEMENT_LOOKUP.get(key)


def _per_unique(values: pd.Series, convert: Callable[[str], Any]) -> np.ndarray:
    """``convert`` applied once per distinct value (NA → None), spread back over the rows."""
    import numpy as np
    import pandas as pd

    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    # One extra slot at the end so that the NA code -1 picks None.
    converted = np.array([convert(str(u)) for u in uniques] + [None], dtype=object)
    return converted[codes]


def provider_types(values: pd.Series) -> pd.Series:
    """Vectorised :func:`provider_type`: a string column of canonical values, NA if unknown."""
    import pandas as pd

    return pd.Series(_per_unique(values, provider_type), index=values.index, dtype="string")


def placement_types(values: pd.Series, providers: pd.Series | None = None) -> pd.Series:
    """Vectorised :func:`placement_type`; ``providers`` holds canonical provider types."""
    import numpy as np
    import pandas as pd

    result = pd.Series(
        _per_unique(values, lambda v: _PLACEMENT_LOOKUP.get(match_key(v))),
        index=values.index,
        dtype="string",
    )
    foster = _per_unique(values, lambda v: match_key(v) in _FOSTER_KEYS).astype(bool)
    if foster.any():
        council = (
            providers.isin(_COUNCIL_PROVIDERS).fillna(False).to_numpy(dtype=bool)
            if providers is not None
            else np.zeros(len(values), dtype=bool)
        )
        result = result.mask(foster & council, "in_house_fostering")
        result = result.mask(foster & ~council, "ifa")
    return result


def accepted_placement_types() -> str:
    """The accepted placement values, worded for an error message."""
    labels = ", ".join(f"'{label}'" for label in PLACEMENT_TYPES.values())
    return f"{labels}, or an SSDA903 placement code such as K2 or U4"


def accepted_provider_types() -> str:
    """The accepted provider values, worded for an error message."""
    labels = ", ".join(f"'{value}'" for value in PROVIDER_TYPES)
    return f"{labels} (or a label such as 'Private', or an SSDA903 code PR0–PR5)"


# --------------------------------------------------------------------------------------------
# The SSDA903 episodes file's code lists, from the DfE guidance and the rules of
# csc-validator-be-903 (rules 143-149, 178, 1009, 217t, 230; 2025/26 rule 146).

#: Reason for new episode (the DfE's guide, and rules 434-436 of its validator). S starts a
#: period of care; L changes the legal status only (the child stays in the same placement);
#: every other reason starts a new placement.
RNE_CODES: dict[str, str] = {
    "S": "Started to be looked after",
    "L": "Change of legal status only",
    "P": "Change of placement and carer(s) only",
    "T": "Change of placement only, the carer(s) staying the same",
    "U": "Change of legal status and of placement and carer(s) at the same time",
    "B": "Change of legal status and of placement, the carer(s) staying the same",
}
LS_CODES = frozenset({"C1", "C2", "D1", "E1", "V2", "V3", "V4", "J1", "J2", "J3", "L1", "L2",
                      "L3"})
#: Legal statuses of short breaks (an agreed series of short-term placements): the DfE leaves
#: them out of its figures of children looked after, and so does every measure here.
SHORT_BREAK_LS = frozenset({"V3", "V4"})
#: Temporary placements (hospital, holiday, the carer's holiday, seven days or less): not a
#: placement of their own; the child returns to their placement afterwards (rules 380, 383).
TEMPORARY_PLACES = frozenset({"T0", "T1", "T2", "T3", "T4"})
#: The DfE's groups of placement type, as its tables of children looked after on 31 March by
#: placement give them ("Children looked after in England including adoptions"): group key →
#: (label, the PLACE codes in it), in the tables' order.
DFE_PLACEMENT_GROUPS: dict[str, tuple[str, frozenset[str]]] = {
    "foster": ("Foster placements", frozenset({"U1", "U2", "U3", "U4", "U5", "U6"})),
    "adoption": ("Placed for adoption", frozenset({"A3", "A4", "A5", "A6"})),
    "parents": ("Placement with parents or other person with parental responsibility",
                frozenset({"P1"})),
    "community": ("Other placement in the community", frozenset({"P2", "P3"})),
    "homes": ("Secure homes, children's homes and semi-independent or supported "
              "accommodation", frozenset({"K1", "K2", "K3", "H5"})),
    "other_residential": ("Other residential settings", frozenset({"R1", "R2", "R3", "R5"})),
    "schools": ("Residential schools", frozenset({"S1"})),
    "other": ("Other placements", frozenset({"Z1", "Z11", "Z12", "Z13", "Z14"})),
}
CIN_CODES = frozenset({"N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"})
REC_CODES = frozenset({"E11", "E12", "E2", "E3", "E4A", "E4B", "E13", "E41", "E45", "E46",
                       "E47", "E48", "E5", "E6", "E7", "E8", "E9", "E14", "E15", "E16", "E17",
                       "X1"})
#: REC X1: the episode ends but the child stays looked after (a new episode follows).
STILL_LOOKED_AFTER = "X1"
REASON_PLACE_CHANGE_CODES = frozenset({"CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB",
                                       "CREQO", "CHILD", "LAREQ", "PLACE", "CUSTOD", "OTHER"})
PROVIDER_CODES = frozenset(SSDA903_PROVIDER_CODES)
#: Placements with no placement provider (temporary and "other" placements).
NO_PROVIDER_PLACES = frozenset({"T0", "T1", "T2", "T3", "T4", "Z1", "Z11", "Z12", "Z13", "Z14"})

#: Placement codes valid only for part of time: (first day an episode may be open on, last
#: day). P2 ends on 28 October 2023 (rule 217t: an episode open after it may not be P2);
#: the 2025/26 rules drop H5 and Z1 (an episode open from 1 April 2025 uses K3 or Z11-Z14).
PLACE_VALID: dict[str, tuple[date | None, date | None]] = {
    "P2": (None, date(2023, 10, 28)),
    "H5": (None, date(2025, 3, 31)),
    "Z1": (None, date(2025, 3, 31)),
    "K3": (date(2025, 4, 1), None),
    "Z11": (date(2025, 4, 1), None),
    "Z12": (date(2025, 4, 1), None),
    "Z13": (date(2025, 4, 1), None),
    "Z14": (date(2025, 4, 1), None),
}
#: From this day an English H5 placement needs its Ofsted URN (rule 230).
H5_URN_FROM = date(2023, 10, 29)
#: Placements that need a URN whenever they are in England (K3, rule 218 in 2025/26), and the
#: minimum age on the day the episode starts.
URN_ALWAYS = frozenset({"K3"})
K3_MIN_AGE = 16
#: What a URN cell holds when the placement has none.
NO_URN = "XXXXXXX"
#: Postcode areas outside England: Wales, Scotland and Northern Ireland (rule 230 exempts
#: placements outside England; the episodes file gives the placement postcode).
NOT_ENGLAND_POSTCODE_AREAS = frozenset({
    "CF", "LD", "LL", "NP", "SA", "AB", "DD", "DG", "EH", "FK", "G", "HS", "IV", "KA", "KW",
    "KY", "ML", "PA", "PH", "TD", "ZE", "BT"})
