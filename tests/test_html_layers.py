"""reportgen.publish takes finished documents and agenda data only: it imports nothing of the
pack builder, the file-level API or the pipeline, so the pack can publish without a circle.

Every import is counted, including those inside functions and under TYPE_CHECKING: a lazy
import hides a circle from Python at start-up but not from the reader.
"""

from __future__ import annotations

import ast
from pathlib import Path

import reportgen

ROOT = Path(reportgen.__file__).parent


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in ROOT.rglob("*.py")}


def _imports(path: Path, name: str, known: set[str]) -> set[str]:
    """The reportgen modules ``path`` imports (``from a import b`` counts ``a.b`` when that
    is a module, else ``a``)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            for alias in node.names:
                full = f"{base}.{alias.name}"
                out.add(full if full in known else base)
    return {m for m in out if m in known}


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    known = set(modules)
    return {name: _imports(path, name, known) for name, path in modules.items()}


def _reach(graph: dict[str, set[str]], start: set[str]) -> set[str]:
    seen: set[str] = set()
    todo = list(start)
    while todo:
        module = todo.pop()
        for child in graph[module]:
            if child not in seen:
                seen.add(child)
                todo.append(child)
    return seen


def _inside(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def test_the_graph_sees_lazy_and_type_only_imports() -> None:
    # The walk itself: pack/outputs.py imports reportgen.publish inside a function only.
    graph = _graph()
    assert "reportgen.publish.html_agenda" in graph["reportgen.pack.outputs"]
    assert "reportgen.documents" in graph["reportgen.publish.meeting"]


def test_publish_imports_neither_the_pack_nor_the_api_nor_the_pipeline() -> None:
    graph = _graph()
    publish = {m for m in graph if _inside(m, "reportgen.publish")}
    direct = {child for m in publish for child in graph[m]}
    forbidden = ("reportgen.pack", "reportgen.api", "reportgen.pipeline", "reportgen.bundle")
    assert sorted(m for m in direct if any(_inside(m, f) for f in forbidden)) == []
    reached = _reach(graph, publish)
    assert sorted(m for m in reached
                  if _inside(m, "reportgen.pack") or m == "reportgen.api") == []


def test_no_import_cycle_between_publish_and_pack() -> None:
    graph = _graph()
    pack = {m for m in graph if _inside(m, "reportgen.pack")}
    publish = {m for m in graph if _inside(m, "reportgen.publish")}
    from_pack = _reach(graph, pack)
    from_publish = _reach(graph, publish)
    assert from_pack & publish  # the pack publishes (pack --html) …
    assert not from_publish & pack  # … and publishing never comes back to the pack
