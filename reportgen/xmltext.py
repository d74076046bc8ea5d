"""Text that an XML 1.0 document (a .docx part) can hold.

A neutral module: the bundle loader cleans what the officer typed with it, and render cleans
everything it writes, without either depending on the other.
"""

from __future__ import annotations

import re

# XML 1.0 allows tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD and U+10000–U+10FFFF. A Python str
# holds a valid surrogate pair as one code point, so any U+D800–U+DFFF left is a lone surrogate.
_ILLEGAL_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean_xml_text(s: str) -> str:
    """``s`` without the characters XML 1.0 cannot hold (Word refuses to open such files)."""
    return _ILLEGAL_XML.sub("", s)
