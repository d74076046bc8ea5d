"""`pip install .` (not editable) must ship every package of the source tree."""

from __future__ import annotations

import pytest

from tests.helpers import ROOT

tomllib = pytest.importorskip("tomllib")  # the standard library's from Python 3.11


def test_every_package_folder_is_listed_in_pyproject() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "reportgen").rglob("__init__.py")
    }
    assert found - listed == set(), "add these to [tool.setuptools] packages"
