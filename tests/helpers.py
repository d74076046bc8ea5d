"""Shared test helpers: fixture paths, reading a .docx back, editing a bundle copy."""

from __future__ import annotations

import contextlib
import io
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from docx import Document

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


def document_text(data: bytes) -> str:
    """All text a reader sees: body paragraphs, table cells, headers and footers, and
    content controls (checkboxes), one paragraph a line."""
    doc = Document(io.BytesIO(data))
    lines: list[str] = []
    body = doc.element.body
    for p in body.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"):
        texts = p.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t")
        lines.append("".join(t.text or "" for t in texts))
    for section in doc.sections:
        for part in (section.header, section.footer):
            lines.extend(p.text for p in part.paragraphs)
    return "\n".join(" ".join(line.split()) for line in lines)


def edit_yaml(bundle: Path, change: Callable[[dict[str, Any]], Any]) -> None:
    """Load a bundle's report.yaml as text values, change it, write it back."""
    path = bundle / "report.yaml"
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def client_missing(message: str) -> None:
    """A real client (LibreOffice, poppler, Chromium…) is not installed: the test fails under
    CI (``CI=true``), where .ci/run installs it, and is skipped, saying so, elsewhere."""
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@contextlib.contextmanager
def serving(bundle: Path) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """`reportgen serve BUNDLE --port 0` in a process of its own, with the address it prints
    once the first page is ready; stopped (killed if it will not stop) on leaving."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen([sys.executable, "-m", "reportgen", "serve", str(bundle),
                                "--port", "0"], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True, env=env)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()  # blocks until the first page is ready (or it died)
        match = re.search(r"http://127\.0\.0\.1:\d+/", line)
        assert match is not None, f"serve did not start: {line!r}"
        yield process, match.group(0)
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
