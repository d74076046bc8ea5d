"""Where packs are written, and writing them: every output checked before any work, all
written as one set."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportgen.errors import ReportgenError
from reportgen.pack.assemble import Packs, build_packs
from reportgen.pack.items import pack_steps

if TYPE_CHECKING:
    from reportgen.pipeline import BuildPeriod


def output_paths(output: Path, restricted: Path | None, packs: Packs) -> dict[str, Path]:
    """Where each pack goes: ``PACK.docx``, ``PACK-restricted.docx``, ``PACK-supplement-N.docx``."""
    planned = planned_output_paths(output, restricted, packs.supplements)
    return {key: path for key, path in planned.items()
            if key == "public" or (key == "restricted" and packs.restricted is not None)
            or key in {f"supplement {n}" for n in packs.supplements}}


def planned_output_paths(output: Path, restricted: Path | None,
                         supplements: Iterable[int]) -> dict[str, Path]:
    """Every file a pack of ``output`` may write, known before anything is built: the public
    pack, the restricted pack (whether or not the agenda turns out to have exempt items) and
    one pack for each supplement number. All are checked for clashes before any work."""
    paths = {"public": output,
             "restricted": restricted or output.with_name(f"{output.stem}-restricted.docx")}
    for number in supplements:
        paths[f"supplement {number}"] = output.with_name(f"{output.stem}-supplement-{number}.docx")
    return paths


def write_packs(agenda_path: str | Path, output: str | Path, *, force: bool = False,
                pdf: bool = False, restricted: str | Path | None = None,
                progress_factory: Callable[[int], Any] | None = None,
                period: str | BuildPeriod | None = None,
                html: bool = False) -> tuple[list[Path], list[str]]:
    """Load ``agenda_path``, build every pack and write them (and PDFs) as one set, removing
    in the same commit what the last run wrote beside ``output`` and this one does not.

    Every file the command may write is checked before any work: no two are the same file,
    none is an input of the pack (agenda.yaml, a bundle's files, a document, an appendix, a
    template) even with ``force``, and none exists unless ``force``. Then every pack (and
    PDF) is built in memory and all are written together: a failure or a stop leaves the old
    set of packs as it was, never a new public pack beside an old restricted one.

    With ``pdf``, LibreOffice lays each pack out once more: the agenda's page numbers are
    written into the .docx as they fall in the PDF, and each PDF has an outline (one entry per
    item and appendix). Without it the page numbers are fields that Word updates on opening.
    ``period`` replaces every bundle's own.

    Returns the paths written and the messages (warnings) to show. ``progress_factory(total)``
    may return a context manager with ``update`` (such as ``click.progressbar``).
    """
    from reportgen.agenda import load_agenda
    from reportgen.api import agenda_inputs, leftovers, listing, with_pdfs
    from reportgen.fileio import check_outputs, same_file, write_all_atomic

    out = Path(output)
    if out.suffix.lower() != ".docx":
        raise ReportgenError("the output file name must end in .docx", file=out)
    restricted_path = Path(restricted) if restricted else None
    if restricted_path is not None and restricted_path.suffix.lower() != ".docx":
        raise ReportgenError("the restricted pack's file name must end in .docx",
                             file=restricted_path)
    if restricted_path is not None and same_file(out, restricted_path):
        raise ReportgenError("the public and restricted packs must have different file names",
                             file=out)
    if pdf:
        from reportgen.pdf import INSTALL_HINT, find_soffice

        if find_soffice() is None:  # say so before doing any work
            raise ReportgenError(INSTALL_HINT)
    agenda = load_agenda(agenda_path)
    planned = list(planned_output_paths(out, restricted_path, agenda.supplements).values())
    inputs = agenda_inputs(agenda)
    check_outputs(with_pdfs(planned) if pdf else planned, inputs, force=force)
    leftovers(out, with_pdfs(planned) if pdf else planned, inputs, force=force)  # see below
    total = pack_steps(agenda)
    if progress_factory is not None:
        with progress_factory(total) as bar:
            packs = build_packs(agenda, bar, period=period)
    else:
        packs = build_packs(agenda, period=period)
    paths = output_paths(out, restricted_path, packs)
    built = packs.files()
    docs = [(key, path, built[key]) for key, path in paths.items() if key in built]
    if pdf:
        # LibreOffice lays each pack out: its page numbers go into the agenda of the .docx,
        # and the PDF gets an outline (reportgen.pack.navigate).
        from reportgen.pack.navigate import paginate

        laid_out = {key: paginate(blob, packs.outlines.get(key, []), path.name)
                    for key, path, blob in docs}
        files = [(path, laid_out[key][0]) for key, path, _ in docs]
        files += [(path.with_suffix(".pdf"), laid_out[key][1]) for key, path, _ in docs]
    else:
        files = [(path, blob) for _, path, blob in docs]
    if html:  # reportgen.publish: made from the same rendered documents as the packs
        from reportgen.publish.html_agenda import pack_pages

        pages = pack_pages(agenda, packs.items)
        files += [(out.parent / name, page) for name, page in pages.items()]
    # Again, just before writing: a file may have appeared while the packs were built.
    written = [path for path, _ in files]
    check_outputs(written, inputs, force=force)
    # What the last pack of this name wrote and this one does not (the restricted pack of an
    # agenda that no longer has a Part II item, a supplement, the page of an item now in
    # Part II) is removed in the same commit: never a stale exempt paper beside the new pack.
    write_all_atomic(files, force=force, remove=leftovers(out, written, inputs, force=force),
                     bookkeeping=[listing(out, written)])
    return written, packs.messages
