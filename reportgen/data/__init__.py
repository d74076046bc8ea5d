"""Reading placements, savings and budget data files into canonical pandas DataFrames.

``load_dataset(path, kind)`` is the entry point; see docs/data.md for what files may hold.
"""

from reportgen.data.readers import read_table
from reportgen.data.schemas import DATASET_KINDS, FIELDS, SCHEMAS, DatasetKind, load_dataset

__all__ = ["DATASET_KINDS", "FIELDS", "SCHEMAS", "DatasetKind", "load_dataset", "read_table"]
