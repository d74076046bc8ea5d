"""Tests for reportgen.data.ssda903: SSDA903 codes and labels → canonical values."""

from __future__ import annotations

import pandas as pd
import pytest

from reportgen.data import ssda903
from reportgen.data.ssda903 import placement_type, placement_types, provider_type, provider_types


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("A3", "other"),
        ("A6", "other"),
        ("H5", "semi_independent"),
        ("K1", "secure"),
        ("K2", "residential"),
        ("P1", "placed_with_parents"),
        ("P2", "semi_independent"),
        ("P3", "other"),
        ("R1", "residential"),
        ("R2", "other"),
        ("R3", "other"),
        ("R5", "secure"),
        ("S1", "residential"),
        ("T0", "other"),
        ("T4", "other"),
        ("U1", "kinship"),
        ("U2", "kinship"),
        ("U3", "kinship"),
        ("Z1", "other"),
        ("k2", "residential"),  # codes are not case-sensitive
        (" u1 ", "kinship"),
    ],
)
def test_placement_codes(code: str, expected: str) -> None:
    assert placement_type(code) == expected


@pytest.mark.parametrize(
    ("provider", "expected"),
    [
        ("in_house", "in_house_fostering"),
        ("other_la", "in_house_fostering"),
        ("private", "ifa"),
        ("voluntary", "ifa"),
        (None, "ifa"),
    ],
)
@pytest.mark.parametrize("code", ["U4", "U5", "U6"])
def test_foster_codes_depend_on_provider(code: str, provider: str | None, expected: str) -> None:
    assert placement_type(code, provider) == expected


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("PR0", "in_house"),
        ("PR1", "in_house"),
        ("PR2", "other_la"),
        ("PR3", "other_la"),
        ("PR4", "private"),
        ("PR5", "voluntary"),
        ("pr4", "private"),
    ],
)
def test_provider_codes(code: str, expected: str) -> None:
    assert provider_type(code) == expected


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("In-house fostering", "in_house_fostering"),
        ("In house foster", "in_house_fostering"),
        ("IN_HOUSE_FOSTERING", "in_house_fostering"),
        ("IFA", "ifa"),
        ("Independent fostering agency", "ifa"),
        ("Independent fostering agency (IFA)", "ifa"),
        ("Residential", "residential"),
        ("Children's home", "residential"),
        ("Children’s Home", "residential"),  # a curly apostrophe, as Word writes it
        ("Kinship", "kinship"),
        ("Connected carers", "kinship"),
        ("Family and friends", "kinship"),
        ("Family & Friends", "kinship"),
        ("Kinship / connected carers", "kinship"),
        ("Semi-independent", "semi_independent"),
        ("Leaving care", "semi_independent"),
        ("Supported accommodation", "semi_independent"),
        ("Placed with parents", "placed_with_parents"),
        ("Secure", "secure"),
        ("Other", "other"),
        ("other.", "other"),
    ],
)
def test_placement_labels(label: str, expected: str) -> None:
    assert placement_type(label) == expected


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("In-house", "in_house"),
        ("Private", "private"),
        ("Independent", "private"),
        ("Voluntary", "voluntary"),
        ("Third sector", "voluntary"),
        ("Other LA", "other_la"),
        ("Other local authority", "other_la"),
    ],
)
def test_provider_labels(label: str, expected: str) -> None:
    assert provider_type(label) == expected


@pytest.mark.parametrize("value", ["Foster", "U7", "PR6", "", "residential-ish", None])
def test_unknown_values_are_none(value: str | None) -> None:
    assert placement_type(value) is None
    assert provider_type(value) is None


def test_vectorised_forms_agree_with_scalar_forms() -> None:
    providers = provider_types(pd.Series(["PR1", "PR4", "Other LA", "nonsense", None]))
    assert providers.tolist() == ["in_house", "private", "other_la", pd.NA, pd.NA]
    placements = placement_types(pd.Series(["U4", "U4", "U5", "Children's home", None]), providers)
    assert placements.tolist() == [
        "in_house_fostering",
        "ifa",
        "in_house_fostering",
        "residential",
        pd.NA,
    ]
    assert str(placements.dtype) == "string"


def test_every_code_maps_to_a_canonical_value() -> None:
    for value, _ in ssda903.SSDA903_PLACEMENT_CODES.values():
        assert value in ssda903.PLACEMENT_TYPES
    for value, _ in ssda903.SSDA903_PROVIDER_CODES.values():
        assert value in ssda903.PROVIDER_TYPES
