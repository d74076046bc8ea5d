"""Former home of the data layer, kept for the two callers not yet moved (``pipeline.py``,
``render/docx.py``): import from :mod:`reportgen.data` instead.

The data layer is now :mod:`reportgen.data.fields` (declarations), :mod:`~reportgen.data.parse`
(cells), :mod:`~reportgen.data.validate` (pandera rules) and :mod:`~reportgen.data.load`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from reportgen.data.load import DatasetKind

if TYPE_CHECKING:
    from pathlib import Path

    import pandas as pd

    # The old signature, whose kind was a Literal: those callers' ``type: ignore[arg-type]``
    # stay needed until they move to reportgen.data.load_dataset (kind: str) and drop them.
    def load_dataset(
        path: str | Path,
        kind: Literal["placements", "savings", "budget", "benchmarks"],
        *,
        sheet: str | None = None,
        max_bytes: int = ...,
        root: str | Path | None = None,
    ) -> pd.DataFrame: ...
else:
    from reportgen.data.load import load_dataset

__all__ = ["DatasetKind", "load_dataset"]
