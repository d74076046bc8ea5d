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
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from reportgen import formatting
from reportgen.bundle import ROLES
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
            "table_units", "date_styles", *("sign_off", "information_sign_off"))
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
    # Where the form records statutory sign-off, and whether information reports need it.
    sign_off: SignOff = field(default_factory=lambda: SignOff())

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
    return {k: str(v) for k, v in _read_mapping(templates_root() / "texts.yaml").items()}


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


def _role_map(settings: dict[str, Any], key: str, file: Path) -> dict[str, str]:
    value = settings.get(key) or {}
    if not isinstance(value, dict):
        raise ReportgenError(f"{key} must be a mapping of role: text", file=file)
    for role in value:
        if role not in ROLES:
            raise ReportgenError(f"{key}: '{role}' is not a role ({', '.join(ROLES)})",
                                 file=file)
    return {str(k): " ".join(str(v).split()) for k, v in value.items()}


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
    texts.update({k: str(v) for k, v in _read_mapping(folder / "texts.yaml").items()})
    part_texts = _role_map(settings, "part_texts", yaml_file)
    for key in part_texts.values():
        if key not in texts:
            raise ReportgenError(f"part_texts names an unknown standard text '{key}'",
                                 file=yaml_file)
    return HouseStyle(
        name=name,
        template=template,
        description=" ".join(str(settings.get("description", "")).split()),
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
        part_headings=_role_map(settings, "part_headings", yaml_file),
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
        sign_off=_sign_off(settings, yaml_file),
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
    unset = [k for k in _OPTIONS if k not in settings]
    yaml_text = (f"# Copied from the built-in style '{source}' by `reportgen style new`.\n"
                 "# Edit the options below; docs/house-styles.md explains each one.\n"
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
