"""Former home of the data layer, kept for callers not yet moved (``pipeline``, ``render``).

The data layer is now :mod:`reportgen.data.fields` (declarations), :mod:`~reportgen.data.parse`
(cells), :mod:`~reportgen.data.validate` (pandera rules) and :mod:`~reportgen.data.load`.
"""

from reportgen.data.load import DatasetKind, load_dataset

__all__ = ["DatasetKind", "load_dataset"]
