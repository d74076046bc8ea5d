"""Where a house style is found (issue 25): by folder name beside the bundle, inside it or in
the styles folder report.yaml names; the advice of ``reportgen style new``; and the style
model's independence of the renderer."""

from __future__ import annotations

import subprocess
import sys


def test_style_model_imports_no_renderer() -> None:
    # A fresh interpreter: this process has long since imported render/.
    code = ("import sys, reportgen.styles; "
            "print(sorted(m for m in sys.modules if m.startswith('reportgen.render')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]"
