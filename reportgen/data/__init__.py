"""Reading placements, savings, budget and benchmark data files into canonical DataFrames.

``load_dataset(path, kind)`` is the entry point; the data sets are declared in
:mod:`reportgen.data.fields`; see docs/data.md for what files may hold. Importing this package
loads neither pandas nor pandera: they load with the first file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reportgen.data.fields import DATASETS, Dataset, Field, dataset, register
    from reportgen.data.load import DatasetKind, load_dataset
    from reportgen.data.readers import read_table

__all__ = ["DATASETS", "Dataset", "DatasetKind", "Field", "dataset", "load_dataset",
           "read_table", "register"]

_FROM = {"DATASETS": "fields", "Dataset": "fields", "Field": "fields", "dataset": "fields",
         "register": "fields", "DatasetKind": "load", "load_dataset": "load",
         "read_table": "readers"}


def __getattr__(name: str) -> Any:
    # Looked up when first asked for, so that ``import reportgen.data.ssda903`` (metrics) or
    # ``from reportgen.data import fields`` costs only what it uses.
    module = _FROM.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(f"reportgen.data.{module}"), name)
