"""reportgen: committee reports from children's social care data."""

__version__ = "0.1.0"
