"""House styles: a Word template plus a few settings and standard texts.

A style is a folder holding ``template.docx`` (docxtpl tags in an ordinary Word document),
``style.yaml`` (settings) and optionally ``texts.yaml`` (standard wording). The three built-in
styles live in the repository's ``templates/`` folder and are installed as package data. A
bundle may instead name a folder of its own or a bare ``.docx`` (settings then default).

A style's ``template.docx`` is untrusted (styles travel between councils): only
:func:`reportgen.render.package.template_bytes`, which rebuilds it from an allow-list of parts,
hands it to a reader. This model of a style knows no renderer: it imports nothing from render/.
"""

from __future__ import annotations

import difflib
import errno
import os
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from reportgen import formatting
from reportgen.bundle import ROLES, SECTION_ID_PATTERN, SECTION_IDS
from reportgen.errors import ReportgenError
from reportgen.yamlload import load_yaml

DEFAULT_STYLE = "cover-sheet"
DateStyle = str
_DATE_STYLES = formatting.DATE_STYLES
TITLE_BLOCKS = ("template", "table", "numbered", "lines", "centred")
#: Parts a title block (``title_lines:``) may list, in the order given.
TITLE_PARTS = ("agenda_item", "council", "committee", "date", "committee_date", "report_of",
               "title", "venue", "time")
_OPTIONS = ("description", "date_style", "paragraph_numbering", "unnumbered_sections",
            "heading_numbering", "recommendation_numbering", "recommendations_lead_in",
            "required_parts", "part_headings", "part_texts", "appendix_labels",
            "background_papers", "enclosures", "title_block", "title_lines", "template_from",
            "table_units", "date_styles", "layout", "recorded_elsewhere",
            *("sign_off", "information_sign_off"))
#: Fields of report.yaml a form may record but not print (``recorded_elsewhere:``): who wrote
#: or owns the report and when it was published, still read and checked (the date checks use
#: the publication date). Never what the officer wrote, nor a notice a reader must see (exempt,
#: key decision, call-in, classification).
RECORDED_ELSEWHERE = ("report.responsible_officer", "report.report_by", "report.author",
                      "report.portfolio_holder", "report.directorate",
                      "report.publication_date", "report.key_decision_notice",
                      "meeting.time", "meeting.venue")
#: The dates a style may print in a form of their own (``date_styles:``); any other date, and
#: these unless given, follow ``date_style``.
DATE_FIELDS = ("meeting", "clearance")
#: How a list printed in one place of the form (``enclosures_text``) is written.
ENCLOSURE_FORMS = ("commas", "lines", "numbered")


@dataclass(frozen=True)
class HouseStyle:
    name: str
    template: Path
    description: str = ""
    date_style: DateStyle = "plain"
    # "none", "flat" (1, 2, 3 … across headings) or "hierarchical" (1.1, 1.2, 2.1 …).
    paragraph_numbering: str = "none"
    # Section ids or roles whose paragraphs take no number.
    unnumbered_sections: tuple[str, ...] = ()
    heading_numbering: bool = False
    recommendation_numbering: str = "numbers"
    recommendations_lead_in: str = ""
    # Roles the council's form always has: a body that leaves one out gets the style's
    # heading for it and the standard "not applicable" text. Parts not listed are left out.
    required_parts: tuple[str, ...] = ()
    part_headings: dict[str, str] = field(default_factory=dict)
    part_texts: dict[str, str] = field(default_factory=dict)
    appendix_labels: str = "numbers"
    background_papers: str = "bulleted"
    enclosures: str = "commas"
    title_block: str = "template"
    title_lines: tuple[str, ...] = ("council", "committee", "date", "title")
    table_units: Literal["£", "£000s"] = "£"
    texts: dict[str, str] = field(default_factory=dict)
    # A date form for one kind of date ({clearance: short}), over date_style.
    date_styles: dict[str, str] = field(default_factory=dict)
    # The form as data (layout:): blocks in order; empty, the template's body lays it out.
    layout: tuple[LayoutBlock, ...] = ()
    # Where the form records statutory sign-off, and whether information reports need it.
    sign_off: SignOff = field(default_factory=lambda: SignOff())
    # Fields the form records but does not print (RECORDED_ELSEWHERE): checked, not printed.
    recorded_elsewhere: tuple[str, ...] = ()

    def date_style_for(self, kind: str) -> str:
        """The form the dates of ``kind`` (one of :data:`DATE_FIELDS`) print in."""
        return self.date_styles.get(kind, self.date_style)

    @property
    def numbers_paragraphs(self) -> bool:
        return self.paragraph_numbering != "none"


# -- Statutory sign-off (style.yaml sign_off:, information_sign_off:) ---------------------

#: Where a form records statutory officer sign-off: in a clearance section it prints, or
#: elsewhere (the council's committee system, a cover form): then the report prints none.
SIGN_OFF_PLACES = ("printed", "recorded_elsewhere")


@dataclass(frozen=True)
class SignOff:
    """The form's rules for statutory officer sign-off (content.decision-requirements).

    ``place`` "recorded_elsewhere": the form has no sign-off section, so the report prints
    none and a report without clearance is not faulted; what report.yaml does record is
    still checked (a clearance still to be signed, dated after publication, or waived on a
    decision). ``information``: an information report needs the sign-off too (by default
    only a decision report does)."""

    place: str = "printed"
    information: bool = False

    @property
    def printed(self) -> bool:
        return self.place == "printed"

    def required_for(self, report_type: str) -> bool:
        """Whether a report of ``report_type`` must be cleared by the statutory officers."""
        return report_type == "decision" or self.information


def _sign_off(settings: dict[str, Any], file: Path) -> SignOff:
    place = _choice(settings, "sign_off", SIGN_OFF_PLACES, "printed", file)
    value = str(settings.get("information_sign_off", "not_required"))
    if value not in ("required", "not_required"):
        raise ReportgenError("information_sign_off must be required or not_required, got "
                             f"'{value}'", file=file)
    return SignOff(place=place, information=value == "required")


def templates_root() -> Path:
    """The built-in styles: the checkout's templates/ folder, else the installed package data."""
    here = Path(__file__).resolve().parent.parent / "templates"
    if (here / "texts.yaml").is_file():
        return here
    return Path(str(resources.files("reportgen_templates")))


def builtin_style_names() -> list[str]:
    root = templates_root()
    return sorted(p.name for p in root.iterdir() if (p / "template.docx").is_file())


def _read_mapping(path: Path) -> dict[str, Any]:
    if not os.path.lexists(path):  # a FIFO or folder in its place is refused by load_yaml
        return {}
    data, _ = load_yaml(path)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ReportgenError("expected a mapping of settings", file=path)
    return data


@cache
def _common_texts() -> dict[str, str]:
    return _texts_file(templates_root() / "texts.yaml")


def _choice(settings: dict[str, Any], key: str, choices: tuple[str, ...], default: str,
            file: Path) -> str:
    value = str(settings.get(key, default))
    if value not in choices:
        raise ReportgenError(f"{key} must be one of {', '.join(choices)}, got '{value}'",
                             file=file)
    return value


def _names(settings: dict[str, Any], key: str, allowed: tuple[str, ...] | None,
           file: Path) -> tuple[str, ...]:
    value = settings.get(key) or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise ReportgenError(f"{key} must be a list", file=file)
    out = tuple(str(v) for v in value)
    for item in out:
        if allowed is not None and item not in allowed:
            raise ReportgenError(f"{key}: '{item}' is not one of {', '.join(allowed)}",
                                 file=file)
    return out


def _role_map(settings: dict[str, Any], key: str, file: Path, empty: str) -> dict[str, str]:
    """A mapping of role: words. A role given no words (empty or null) is an error ending
    ``empty``: an empty heading, or the word "None", is never what the form prints."""
    value = settings.get(key) or {}
    if not isinstance(value, dict):
        raise ReportgenError(f"{key} must be a mapping of role: text", file=file)
    for role, words in value.items():
        if role not in ROLES:
            raise ReportgenError(f"{key}: '{role}' is not a role ({', '.join(ROLES)})",
                                 file=file)
        if words is None or not str(words).strip():
            raise ReportgenError(f"{key}: {role} {empty.format(role=role)}", file=file)
    return {str(k): " ".join(str(v).split()) for k, v in value.items()}


def _texts_file(path: Path) -> dict[str, str]:
    """A texts.yaml: key: words. A null is an error, never the word "None" in print."""
    out = {}
    for key, value in _read_mapping(path).items():
        if value is None:
            raise ReportgenError(f"{key} has no text (null): give its words, or '' for none",
                                 file=path)
        out[str(key)] = str(value)
    return out


def _recorded_elsewhere(settings: dict[str, Any], file: Path) -> tuple[str, ...]:
    """``recorded_elsewhere:``: details fields the form leaves unprinted (RECORDED_ELSEWHERE),
    written in full (report.publication_date) or by their last part (publication_date)."""
    out = []
    for name in _names(settings, "recorded_elsewhere", None, file):
        full = name if name in RECORDED_ELSEWHERE else next(
            (f for f in RECORDED_ELSEWHERE if f.split(".")[-1] == name), None)
        if full is None:
            raise ReportgenError(f"recorded_elsewhere: '{name}' is not a details field a form "
                                 "may leave unprinted (what the officer wrote is always "
                                 f"printed); fields: {', '.join(RECORDED_ELSEWHERE)}",
                                 file=file)
        out.append(full)
    return tuple(dict.fromkeys(out))


def _date_styles(settings: dict[str, Any], file: Path) -> dict[str, str]:
    value = settings.get("date_styles") or {}
    if not isinstance(value, dict):
        raise ReportgenError("date_styles must be a mapping of date: form, e.g. "
                             "{clearance: short}", file=file)
    out = {}
    for kind, form in value.items():
        if kind not in DATE_FIELDS:
            raise ReportgenError(f"date_styles: '{kind}' is not a date a style can set "
                                 f"({', '.join(DATE_FIELDS)})", file=file)
        if str(form) not in _DATE_STYLES:
            raise ReportgenError(f"date_styles: {kind} must be one of "
                                 f"{', '.join(_DATE_STYLES)}, got '{form}'", file=file)
        out[str(kind)] = str(form)
    return out


def _style_from_folder(folder: Path, name: str) -> HouseStyle:
    yaml_file = folder / "style.yaml"
    settings = _read_mapping(yaml_file)
    for key in settings:
        if key not in _OPTIONS:
            guess = difflib.get_close_matches(str(key), _OPTIONS, n=1)
            hint = f": did you mean '{guess[0]}'?" if guess else \
                f" (options: {', '.join(_OPTIONS)})"
            raise ReportgenError(f"unknown style option '{key}'{hint}", file=yaml_file)
    template = folder / "template.docx"
    base = settings.get("template_from")
    if base is not None:
        # A style of its own that reuses a built-in style's Word template (no .docx to keep).
        if str(base) not in builtin_style_names():
            raise ReportgenError(f"template_from: '{base}' is not a built-in style "
                                 f"({', '.join(builtin_style_names())})", file=yaml_file)
        if template.is_file():
            raise ReportgenError("the style folder has its own template.docx and also "
                                 "template_from: keep one", file=yaml_file)
        template = templates_root() / str(base) / "template.docx"
    if not template.is_file():
        raise ReportgenError("house style folder has no template.docx", file=folder)
    date_style = _choice(settings, "date_style", _DATE_STYLES, "plain", yaml_file)
    units = settings.get("table_units", "£")
    if units not in ("£", "£000s"):
        raise ReportgenError(f"table_units must be £ or £000s, got '{units}'", file=yaml_file)
    numbering = str(settings.get("paragraph_numbering", "none")).lower()
    numbering = {"true": "flat", "yes": "flat", "false": "none", "no": "none"}.get(
        numbering, numbering)
    if numbering not in ("none", "flat", "hierarchical"):
        raise ReportgenError("paragraph_numbering must be none, flat or hierarchical, got "
                             f"'{numbering}'", file=yaml_file)
    texts = dict(_common_texts())
    texts.update(_texts_file(folder / "texts.yaml"))
    part_texts = _role_map(settings, "part_texts", yaml_file, "must name a standard text")
    for key in part_texts.values():
        if key not in texts:
            raise ReportgenError(f"part_texts names an unknown standard text '{key}'",
                                 file=yaml_file)
    return HouseStyle(
        name=name,
        template=template,
        description=" ".join(str(settings.get("description") or "").split()),
        date_style=date_style,
        paragraph_numbering=numbering,
        unnumbered_sections=_names(settings, "unnumbered_sections", None, yaml_file),
        heading_numbering=str(settings.get("heading_numbering", "false")).lower()
        in ("true", "yes"),
        recommendation_numbering=_choice(settings, "recommendation_numbering",
                                         ("numbers", "letters", "none"), "numbers", yaml_file),
        recommendations_lead_in=" ".join(str(settings.get("recommendations_lead_in")
                                             or "").split()),
        required_parts=_names(settings, "required_parts", ROLES, yaml_file),
        part_headings=_role_map(settings, "part_headings", yaml_file,
                                "must give the heading's text (leave {role} out for the "
                                "standard heading)"),
        part_texts=part_texts,
        appendix_labels=_choice(settings, "appendix_labels", ("numbers", "letters"),
                                "numbers", yaml_file),
        background_papers=_choice(settings, "background_papers", ("bulleted", "numbered"),
                                  "bulleted", yaml_file),
        enclosures=_choice(settings, "enclosures", ENCLOSURE_FORMS, "commas", yaml_file),
        title_block=_choice(settings, "title_block", TITLE_BLOCKS, "template", yaml_file),
        title_lines=_names(settings, "title_lines", TITLE_PARTS, yaml_file)
        or ("council", "committee", "date", "title"),
        table_units=units,
        texts=texts,
        date_styles=_date_styles(settings, yaml_file),
        layout=parse_layout(settings, texts, yaml_file),
        sign_off=_sign_off(settings, yaml_file),
        recorded_elsewhere=_recorded_elsewhere(settings, yaml_file),
    )


def style_places(folder: Path, styles_folder: str | None = None,
                 file: Path | None = None) -> list[Path]:
    """The folders a style named by folder name is looked for in, in order: the styles folder
    ``styles_folder`` (relative to ``folder``, the bundle's or agenda's folder), ``folder``
    itself, then the folder ``folder`` sits in. A styles folder that is not one is refused
    (``file`` is the report.yaml naming it)."""
    places: list[Path] = []
    if styles_folder is not None:
        if Path(styles_folder).is_absolute():
            raise ReportgenError(f"styles_folder: '{styles_folder}' must be a path relative "
                                 "to the bundle folder", file=file)
        styles = (folder / styles_folder).resolve()
        if not styles.is_dir():
            raise ReportgenError(f"styles_folder: '{styles_folder}' is not a folder "
                                 f"(looked for {styles})", file=file)
        places.append(styles)
    here = folder.resolve()
    return list(dict.fromkeys([*places, here, here.parent]))  # each folder once, in order


def _is_folder_name(name: str) -> bool:
    """A style written as a bare folder name (no path, not a .docx)."""
    return "/" not in name and "\\" not in name and not name.lower().endswith(".docx")


def _named_style(name: str, places: list[Path]) -> HouseStyle:
    """The style folder ``name`` in the first of ``places`` holding one. Links are followed
    only while the folder and its files stay inside that place: a style named by name never
    reads outside the folders searched."""
    for place in places:
        folder = place / name
        if not folder.is_dir():
            continue
        real = folder.resolve()
        files = [real / f for f in ("template.docx", "style.yaml", "texts.yaml")
                 if os.path.lexists(real / f)]
        if real.parent != place or any(f.resolve().parent != real for f in files):
            raise ReportgenError(f"house style '{name}' leads outside {place} (a link): "
                                 "copy the style folder there, or give its path", file=folder)
        return _style_from_folder(folder, name)
    where = ", ".join(str(p) for p in places)
    guess = difflib.get_close_matches(name, builtin_style_names(), n=1, cutoff=0.8)
    hint = f": did you mean '{guess[0]}'?" if guess else ""
    raise ReportgenError(
        f"unknown house style '{name}': no style folder of that name in {where} (searched "
        f"in that order), and no built-in style of that name "
        f"({', '.join(builtin_style_names())}); or give the path of a style folder or "
        f".docx{hint}")


def resolve_style(name_or_path: str | None, base: Path | None = None,
                  places: list[Path] | None = None) -> HouseStyle:
    """Find a house style by built-in name, by folder name in one of ``places`` (see
    :func:`style_places`), or by a folder or .docx path (relative to ``base``, normally the
    bundle folder, then to the working folder). A built-in name comes first, so a folder of
    the same name never stands in for a built-in style."""
    name = name_or_path or DEFAULT_STYLE
    if _is_folder_name(name):
        if name in builtin_style_names():
            return _style_from_folder(templates_root() / name, name)
        if name in (".", "..") or not name.strip() or "\0" in name or \
                len(os.fsencode(name)) > 255:  # no folder can have such a name
            raise ReportgenError(f"'{name}' is not a house style: give a style's name or the "
                                 "path of a style folder or .docx")
        if places:
            return _named_style(name, places)
        known = ", ".join(builtin_style_names())
        raise ReportgenError(f"unknown house style '{name}' (built-in styles: {known}; "
                             "or give the path of a .docx template or style folder)")
    candidates = [Path(name)] if Path(name).is_absolute() else [
        *([base / name] if base else []), Path(name)]
    for path in candidates:
        try:
            path.stat()
        except OSError as exc:  # not there, or a name the system cannot hold
            if exc.errno != errno.ENOENT:
                raise ReportgenError(f"could not read the house style: {exc.strerror or exc}",
                                     file=path) from None
        except ValueError:  # a NUL in the path
            raise ReportgenError("house style template not found", file=path) from None
        if path.is_dir():
            return _style_from_folder(path, path.name)
        if path.is_file():
            if path.suffix.lower() != ".docx":
                raise ReportgenError("a house style template must be a .docx file", file=path)
            return HouseStyle(name=path.stem, template=path, texts=dict(_common_texts()))
    raise ReportgenError("house style template not found", file=candidates[0])


#: Every style.yaml option with its choices, appended (commented) to a copied style.yaml for
#: the options it does not set, so an officer sees each choice without reading the code.
OPTION_HELP = {
    "description": "one line for `reportgen styles`",
    "date_style": "plain (25 October 2016) | ordinal (3rd March 2021) | weekday | "
                  "weekday_ordinal | ordinal_comma (5th January, 2015) | dotted (12.02.2021) "
                  "| slashed (12/02/2021) | short (12/02/21) | capitals (25 OCTOBER 2016)",
    "date_styles": "{meeting: weekday, clearance: short}: a form of date_style's for the "
                   "meeting date or the clearance dates only",
    "paragraph_numbering": "none | flat (1, 2, 3 … across headings) | hierarchical "
                           "(1.1, 1.2, 2.1 … under numbered headings)",
    "unnumbered_sections": "[summary]: section ids or roles whose paragraphs take no number",
    "heading_numbering": "yes: the body's top headings are numbered 1., 2. …",
    "recommendation_numbering": "numbers | letters | none (a single one is never numbered)",
    "recommendations_lead_in": "\"That:\" printed before the list (not when the "
                               "recommendations begin \"That …\")",
    "required_parts": "[financial, legal, …]: parts the form always has; one the report "
                      "leaves out prints its heading and the not-applicable text",
    "part_headings": "{financial: Resource implications}: the heading of a required part",
    "part_texts": "{equalities: equality_duty}: a standard text at the start of a part",
    "appendix_labels": "numbers (Appendix 1) | letters (Appendix A)",
    "background_papers": "bulleted | numbered",
    "enclosures": "commas (A, B) | lines (one a line) | numbered (1. A, 2. B, one a line)",
    "title_block": "template (the template's own) | lines | centred | table | numbered",
    "title_lines": "[agenda_item, council, committee_date, report_of, title]: also "
                   "committee, date, venue, time",
    "template_from": "a built-in style whose template.docx this style uses (then the folder "
                     "needs no template.docx)",
    "table_units": "£ | £000s",
    "layout": "the form's blocks in order (docs/house-styles.md, \"The form as data\")",
    "sign_off": "printed (the form has a clearance section) | recorded_elsewhere (the form "
                "prints no sign-off: a report without clearance is not faulted)",
    "information_sign_off": "not_required (only decision reports need the statutory "
                            "officers' clearance) | required (information reports too)",
}


def copy_style(source: str, folder: Path) -> list[Path]:
    """Copy the built-in style ``source`` into the new folder ``folder`` for editing: its
    template.docx, its style.yaml (with every option it does not set, commented) and the
    standard texts. Refuses a folder that exists, so nothing is overwritten."""
    if source not in builtin_style_names():
        raise ReportgenError(f"unknown house style '{source}' (built-in styles: "
                             f"{', '.join(builtin_style_names())})")
    if folder.name in builtin_style_names():
        # `style: NAME` would find the built-in style, never this folder.
        raise ReportgenError(f"'{folder.name}' is a built-in style's name: choose another "
                             "name for the folder of your own", file=folder)
    if os.path.lexists(folder):
        raise ReportgenError("already exists: choose a new folder for the style", file=folder)
    origin = templates_root() / source
    settings = _read_mapping(origin / "style.yaml")
    yaml_text = (origin / "style.yaml").read_text(encoding="utf-8")
    # With a layout the title is a block of it: title_block and title_lines serve templates.
    unset = [k for k in _OPTIONS if k not in settings and not (
        "layout" in settings and k in ("title_block", "title_lines"))]
    layout_note = ("# layout: below is the form, block by block: move, delete or re-head a "
                   "block here.\n# template.docx then gives only fonts, page set-up, header, "
                   "footer and letterhead:\n# its body is not used (docs/house-styles.md, "
                   "\"The form as data\").\n") if "layout" in settings else ""
    yaml_text = (f"# Copied from the built-in style '{source}' by `reportgen style new`.\n"
                 "# Edit the options below; docs/house-styles.md explains each one.\n"
                 + layout_note
                 + yaml_text.rstrip("\n") + "\n\n# Options not set here (their defaults apply):\n"
                 + "".join(f"# {k}: {OPTION_HELP[k]}\n" for k in unset if k in OPTION_HELP))
    texts = dict(_read_mapping(templates_root() / "texts.yaml"))
    texts.update(_read_mapping(origin / "texts.yaml"))
    import yaml

    texts_text = ("# Standard texts of this style: re-word any of them (docs/bundle.md lists "
                  "where each is used).\n" + yaml.safe_dump(texts, allow_unicode=True,
                                                            sort_keys=True, width=90))
    written: list[Path] = []
    try:
        folder.mkdir(parents=True)
        for name, data in (("template.docx", (origin / "template.docx").read_bytes()),
                           ("style.yaml", yaml_text.encode("utf-8")),
                           ("texts.yaml", texts_text.encode("utf-8"))):
            path = folder / name
            with path.open("xb") as handle:
                handle.write(data)
            written.append(path)
    except OSError as exc:
        for path in written:
            path.unlink(missing_ok=True)
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
        raise ReportgenError(f"could not write the style: {exc.strerror or exc}",
                             file=folder) from None
    return written


# -- the form as data (style.yaml layout:) -----------------------------------------------
# A style's layout is an ordered list of named blocks, each with its heading, whether it is
# shown, and its own few options. With a layout the Word template gives only fonts, page
# set-up and letterhead: its body is replaced by the blocks (docs/house-styles.md).

#: Each kind of block and the options it takes beyond the common ones.
LAYOUT_BLOCKS: dict[str, tuple[str, ...]] = {
    # title lines: the parts of LAYOUT_TITLE_PARTS; separator: between committee and date
    # (committee_date); labels: {part: words printed before it} (agenda_item: ITEM).
    "title": ("lines", "form", "separator", "labels"),
    "details": ("rows", "numbered"),        # the details table: label and value per row
    "other_details": (),                    # report.yaml fields no other block prints
    # the officer's outline (body:, or sections:); heading_number: paragraph numbers each
    # sub-heading as the next paragraph ("4. The Current Proposal").
    "body": ("part", "notes", "heading_number"),
    "section": ("sections", "numbered", "missing", "standard"),  # sections: parts by id
    "other_sections": (),                   # sections: parts no section block prints
    # labels: how each is numbered (REC_LABELS); lead_in: the line before them.
    "recommendations": ("bold", "labels", "lead_in"),
    "reasons": (),
    "clearance": ("form",),                 # form: table | boxes (ticked boxes)
    "contacts": ("form",),                  # form: short | labelled
    "appendices": (),
    "background_papers": (),
    "standard": ("standard",),              # a standard text (texts.yaml) by key
    "heading": (),                          # a heading alone
    "text": ("text",),                      # a fixed line of the form
    # "Label: value" from report.yaml, or text with {value} in it; upper: in capitals;
    # title: in the Title style.
    "line": ("label", "value", "text", "upper", "title"),
}
_BLOCK_COMMON = ("block", "heading", "level", "shown", "only", "note", "otherwise")
#: When a block is shown: always; when it has something to print (or the form requires the
#: part: required_parts); also on any decision report; never (left out).
SHOWN = ("always", "given", "given_or_decision", "never")
#: Which reports a block is for: those written with body:, with sections:, or both.
ONLY = ("body", "sections")
#: Values a details row or a labelled line may print (fields of report.yaml, formatted).
LAYOUT_VALUES = ("council", "meeting.committee", "meeting.date", "meeting.time",
                 "meeting.venue", "report.title", "report.agenda_item", "report.key_decision",
                 "report.key_decision_notice", "report.responsible_officer",
                 "report.portfolio_holder", "report.report_by", "report.author",
                 "report.directorate", "report.classification", "report.wards",
                 "report.publication_date", "exempt", "call_in", "decision_type", "enclosures",
                 "equality_impact", "equality_impact.cleared_by", "ward_councillors_notified")
BLOCK_FORMS = {"title": ("lines", "centred", "table", "numbered"),
               "clearance": ("table", "boxes"), "contacts": ("short", "labelled")}
BODY_PARTS = ("all", "all_but_last", "last")
#: A layout's title lines: the title_lines parts, and the report's subtitle.
LAYOUT_TITLE_PARTS = (*TITLE_PARTS, "subtitle")
#: Recommendation labels a layout may give: numbers, letters or roman numerals, with a full
#: stop or in brackets; none prints no label.
REC_LABELS = ("1.", "(1)", "a.", "(a)", "i.", "(i)", "none")
#: The longest title-line separator (" – ", ", "): a separator, not a line of its own.
SEPARATOR_LIMIT = 10
#: The most blocks a layout, and rows a details table, may have (a form, not a document).
LAYOUT_LIMIT = 200


@dataclass(frozen=True)
class DetailRow:
    label: str
    # Fields printed, the first one given (report_by, else responsible_officer).
    value: tuple[str, ...]
    missing: str = ""  # printed when none is given


@dataclass(frozen=True)
class LayoutBlock:
    block: str
    heading: str = ""
    level: int = 1
    shown: str = "given"
    only: str = ""  # "", "body" or "sections"
    note: str = ""
    otherwise: str = ""  # printed in the block's place when it is not shown
    lines: tuple[str, ...] = ()
    form: str = ""
    rows: tuple[DetailRow, ...] = ()
    numbered: bool | None = None
    part: str = "all"
    notes: dict[str, str] = field(default_factory=dict)
    sections: tuple[str, ...] = ()
    missing: str | None = None
    standard: str = ""
    bold: bool = False
    upper: bool = False
    title: bool = False
    text: str = ""
    label: str = ""
    value: tuple[str, ...] = ()
    separator: str = ": "
    # A title line's label: {part: words before it}, replacing the standard text's label.
    labels: dict[str, str] = field(default_factory=dict)
    rec_labels: str = ""  # "" follows recommendation_numbering
    lead_in: str | None = None  # None follows recommendations_lead_in
    heading_number: str = "none"  # "paragraph": a body sub-heading takes a paragraph number


def _note_key(key: str, where: str, file: Path) -> None:
    """Refuse a body note no report can ever print: its key is neither a role nor of a
    section id's form ("Financial implications" is how the heading reads, not a key). A
    well-formed id that this report lacks is no fault: a style serves many reports, and
    another report may have that section (docs/house-styles.md)."""
    if key in ROLES or re.fullmatch(SECTION_ID_PATTERN, key):
        return
    close = difflib.get_close_matches(key.lower().replace(" ", "_"), [*ROLES, *SECTION_IDS],
                                      n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    raise ReportgenError(f"{where}: notes: '{_one_line(key)[:80]}' is neither a section's role "
                         "nor a section id a report can have (ids are lower-case letters, "
                         "digits, _ and -, starting with a letter, as in body: and sections:)"
                         f"{hint}", file=file)


def _one_line(value: Any) -> str:
    return " ".join(str(value).split())


def _layout_value(value: Any, where: str, file: Path) -> tuple[str, ...]:
    names = [value] if isinstance(value, str) else value
    if not isinstance(names, list) or not names:
        raise ReportgenError(f"{where}: value must be a field name or a list of them",
                             file=file)
    for name in names:
        if str(name) not in LAYOUT_VALUES:
            guess = difflib.get_close_matches(str(name), LAYOUT_VALUES, n=1)
            hint = f"; did you mean '{guess[0]}'?" if guess else \
                f" (values: {', '.join(LAYOUT_VALUES)})"
            raise ReportgenError(f"{where}: '{name}' is not a value a form can print{hint}",
                                 file=file)
    return tuple(str(n) for n in names)


def _detail_rows(rows: Any, where: str, file: Path) -> tuple[DetailRow, ...]:
    if isinstance(rows, list) and len(rows) > LAYOUT_LIMIT:
        raise ReportgenError(f"{where}: {len(rows)} rows: a details table has at most "
                             f"{LAYOUT_LIMIT}", file=file)
    if not isinstance(rows, list) or not rows:
        raise ReportgenError(f"{where}: rows must be a list of [label, value] or "
                             "{label:, value:, missing:}", file=file)
    out = []
    for n, row in enumerate(rows, 1):
        at = f"{where} row {n}"
        if isinstance(row, list) and len(row) in (2, 3):
            row = dict(zip(("label", "value", "missing"), row, strict=False))
        if not isinstance(row, dict) or "label" not in row or "value" not in row or \
                set(row) - {"label", "value", "missing"}:
            raise ReportgenError(f"{at}: give [label, value] or {{label:, value:, missing:}}",
                                 file=file)
        label = _one_line(row["label"] if row["label"] is not None else "")
        if not label:  # an empty label cell, or the word "None", is never the form's
            raise ReportgenError(f"{at}: label must give the row's label", file=file)
        out.append(DetailRow(label, _layout_value(row["value"], at, file),
                             _one_line(row.get("missing") or "")))
    return tuple(out)


def _layout_block(item: Any, n: int, texts: dict[str, str], file: Path) -> LayoutBlock:
    where = f"layout item {n}"
    if isinstance(item, str):
        item = {"block": item}
    if not isinstance(item, dict) or "block" not in item:
        raise ReportgenError(f"{where}: give a block name, or a mapping with block: and its "
                             "options", file=file)
    kind = str(item["block"])
    if kind not in LAYOUT_BLOCKS:
        guess = difflib.get_close_matches(kind, LAYOUT_BLOCKS, n=1)
        hint = f"; did you mean '{guess[0]}'?" if guess else \
            f" (blocks: {', '.join(LAYOUT_BLOCKS)})"
        raise ReportgenError(f"{where}: '{kind}' is not a block{hint}", file=file)
    where = f"layout item {n} ({kind})"
    allowed = (*_BLOCK_COMMON, *LAYOUT_BLOCKS[kind])
    for key in item:
        if key not in allowed:
            guess = difflib.get_close_matches(str(key), allowed, n=1)
            hint = f"; did you mean '{guess[0]}'?" if guess else \
                f" (options: {', '.join(allowed)})"
            raise ReportgenError(f"{where}: unknown option '{key}'{hint}", file=file)
    opts: dict[str, Any] = {"block": kind}
    for key in ("heading", "note", "otherwise", "text", "label"):
        if key in item:
            opts[key] = _one_line(item[key] or "")
    level = str(item.get("level", 1)).strip()  # style.yaml is read as text
    if level not in ("1", "2", "3", "4", "5", "6"):
        raise ReportgenError(f"{where}: level must be a whole number from 1 to 6", file=file)
    opts["level"] = int(level)
    default_shown = "always" if kind in ("title", "details", "heading", "text", "standard") \
        else "given"
    opts["shown"] = _choice(item, "shown", SHOWN, default_shown, file) if "shown" in item \
        else default_shown
    if "only" in item:
        opts["only"] = _choice(item, "only", ONLY, "body", file)
    for key in ("numbered", "bold", "upper", "title"):
        if key in item:
            flag = str(item[key]).lower()
            if flag not in ("true", "yes", "false", "no"):
                raise ReportgenError(f"{where}: {key} must be yes or no", file=file)
            opts[key] = flag in ("true", "yes")
    if kind in BLOCK_FORMS:
        opts["form"] = _choice(item, "form", BLOCK_FORMS[kind], BLOCK_FORMS[kind][0], file)
    if kind == "title":
        opts["lines"] = _names(item, "lines", LAYOUT_TITLE_PARTS, file) or ("title",)
        if "separator" in item:
            sep = str(item["separator"] if item["separator"] is not None else "")
            if not sep.strip() or "\n" in sep or len(sep) > SEPARATOR_LIMIT:
                raise ReportgenError(f"{where}: separator must be a few characters on one line "
                                     f"(at most {SEPARATOR_LIMIT}), such as ' – '", file=file)
            opts["separator"] = sep
        labels = item.get("labels") or {}
        if not isinstance(labels, dict):
            raise ReportgenError(f"{where}: labels must be a mapping of title line: label",
                                 file=file)
        for part in labels:
            if str(part) not in opts["lines"]:
                raise ReportgenError(f"{where}: labels: '{part}' is not one of this block's "
                                     f"lines ({', '.join(opts['lines'])})", file=file)
        opts["labels"] = {str(k): _one_line(v or "") for k, v in labels.items()}
    if kind == "recommendations":
        if "labels" in item:
            opts["rec_labels"] = str(item["labels"]).strip()
            if opts["rec_labels"] not in REC_LABELS:
                raise ReportgenError(f"{where}: labels must be one of {', '.join(REC_LABELS)}"
                                     f", got '{opts['rec_labels']}'", file=file)
        if "lead_in" in item:
            opts["lead_in"] = _one_line(item["lead_in"] or "")
    if kind == "details":
        opts["rows"] = _detail_rows(item.get("rows"), where, file)
    if kind == "body":
        opts["part"] = _choice(item, "part", BODY_PARTS, "all", file)
        opts["heading_number"] = _choice(item, "heading_number", ("paragraph", "none"), "none",
                                         file)
        notes = item.get("notes") or {}
        if not isinstance(notes, dict):
            raise ReportgenError(f"{where}: notes must be a mapping of section id or role: "
                                 "text", file=file)
        for key, note in notes.items():
            if note is None or not str(note).strip():
                raise ReportgenError(f"{where}: notes: {key} must give the note's text (leave "
                                     f"{key} out for no note)", file=file)
        for key in notes:
            _note_key(str(key), where, file)
        opts["notes"] = {str(k): _one_line(v) for k, v in notes.items()}
    if kind == "section":
        opts["sections"] = _names(item, "sections", SECTION_IDS, file)
        if not opts["sections"]:
            raise ReportgenError(f"{where}: sections must name at least one section",
                                 file=file)
        if "missing" in item:
            opts["missing"] = _one_line(item["missing"] or "")
    if kind in ("section", "standard") and "standard" in item:
        opts["standard"] = str(item["standard"])
        if opts["standard"] not in texts:
            raise ReportgenError(f"{where}: '{opts['standard']}' is not a standard text",
                                 file=file)
    if kind == "standard" and not opts.get("standard"):
        raise ReportgenError(f"{where}: standard must name a standard text", file=file)
    if kind == "text" and not opts.get("text"):
        raise ReportgenError(f"{where}: text must give the line to print", file=file)
    if kind == "heading" and not opts.get("heading"):
        raise ReportgenError(f"{where}: heading must give the heading's text", file=file)
    if kind == "line":
        if "value" not in item:
            raise ReportgenError(f"{where}: value must name a field", file=file)
        opts["value"] = _layout_value(item["value"], where, file)
    return LayoutBlock(**opts)


def parse_layout(settings: dict[str, Any], texts: dict[str, str],
                 file: Path) -> tuple[LayoutBlock, ...]:
    """style.yaml ``layout:`` as blocks, each option checked (one-line errors)."""
    items = settings.get("layout")
    if items is None:
        return ()
    if not isinstance(items, list) or not items:
        raise ReportgenError("layout must be a list of blocks", file=file)
    if len(items) > LAYOUT_LIMIT:
        raise ReportgenError(f"layout has {len(items)} blocks: a form has at most "
                             f"{LAYOUT_LIMIT}", file=file)
    blocks = tuple(_layout_block(item, n, texts, file) for n, item in enumerate(items, 1))
    # The officer's outline is printed once: whole, or all but its last section and the last.
    for only in ("body", "sections"):
        parts = sorted(b.part for b in blocks if b.block == "body" and b.shown != "never"
                       and b.only in ("", only))
        if parts not in ([], ["all"], ["all_but_last", "last"]):
            raise ReportgenError("layout prints the body more than once or in part: give one "
                                 "body block, or one with part: all_but_last and one with "
                                 "part: last", file=file)
    return blocks
