"""Tests for the narrative Markdown subset."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.render.markup import (
    Block,
    BulletList,
    Directive,
    Heading,
    ListItem,
    NumberedList,
    Paragraph,
    Run,
    clean_xml_text,
    parse_inline,
    parse_markup,
    plain_text,
)

R = Run


def B(text: str) -> Run:
    return Run(text, bold=True)


def I(text: str) -> Run:  # noqa: E743
    return Run(text, italic=True)


def test_paragraphs_split_on_blank_lines_and_join_single_newlines() -> None:
    text = "The number of looked after\nchildren rose.\n\n  \nSpend fell.\r\nSharply."
    assert parse_markup(text) == [
        Paragraph((R("The number of looked after children rose."),)),
        Paragraph((R("Spend fell. Sharply."),)),
    ]


def test_inline_bold_and_italic() -> None:
    assert parse_inline("Costs **rose by £1.2m** in *Q1* and _Q2_.") == [
        R("Costs "),
        B("rose by £1.2m"),
        R(" in "),
        I("Q1"),
        R(" and "),
        I("Q2"),
        R("."),
    ]


def test_nested_emphasis() -> None:
    assert parse_inline("**bold *both***") == [B("bold "), Run("both", True, True)]
    assert parse_inline("*it **both** it*") == [I("it "), Run("both", True, True), I(" it")]
    assert parse_inline("***both***") == [Run("both", True, True)]


def test_unbalanced_and_unsupported_markers_stay_literal() -> None:
    assert parse_inline("**unbalanced") == [R("**unbalanced")]
    assert parse_inline("** not bold**") == [R("** not bold**")]
    assert parse_inline("2 * 3 * 4") == [R("2 * 3 * 4")]
    assert parse_inline("<b>bold</b> [link](http://x)") == [R("<b>bold</b> [link](http://x)")]
    assert parse_inline("see placement_type_code") == [R("see placement_type_code")]
    assert parse_inline("****") == [R("****")]


def test_headings_levels_3_and_4() -> None:
    blocks = parse_markup("# Top\n## Two\n### Three\n#### Four *now*\n###### Six\n#nospace")
    assert blocks == [
        Heading(3, (R("Top"),)),
        Heading(3, (R("Two"),)),
        Heading(3, (R("Three"),)),
        Heading(4, (R("Four "), I("now"))),
        Heading(4, (R("Six"),)),
        Paragraph((R("#nospace"),)),
    ]


def test_heading_ends_a_paragraph() -> None:
    assert parse_markup("Intro line\n### Costs\nBody") == [
        Paragraph((R("Intro line"),)),
        Heading(3, (R("Costs"),)),
        Paragraph((R("Body"),)),
    ]


def test_bullet_list_with_one_nesting_level() -> None:
    text = "Pressures:\n- IFA costs\n  - residential *too*\n\t* secure\n* kinship\n    wrapped line"
    blocks = parse_markup(text)
    assert blocks[0] == Paragraph((R("Pressures:"),))
    assert blocks[1] == BulletList(
        (
            ListItem((R("IFA costs"),), 0),
            ListItem((R("residential "), I("too")), 1),
            ListItem((R("secure"),), 1),
            ListItem((R("kinship wrapped line"),), 0),
        )
    )
    # An item is also usable as a plain list of runs.
    assert list(blocks[1].items[1]) == [R("residential "), I("too")]
    assert len(blocks) == 2


def test_numbered_list_and_change_of_list_kind() -> None:
    blocks = parse_markup("1. Note the report.\n2. Agree **the plan**.\n- aside")
    assert blocks == [
        NumberedList(
            (
                ListItem((R("Note the report."),)),
                ListItem((R("Agree "), B("the plan"), R("."))),
            )
        ),
        BulletList((ListItem((R("aside"),)),)),
    ]


def test_list_cannot_start_nested() -> None:
    assert parse_markup("  - first") == [BulletList((ListItem((R("first"),), 0),))]


def test_directives() -> None:
    text = "Before\n[Table: Placements_By_Type top 10]\n[chart: Spend]\n[table:  budget ]\nAfter"
    assert parse_markup(text) == [
        Paragraph((R("Before"),)),
        Directive("placements_by_type", ("top", "10"), "table"),
        Directive("spend", (), "chart"),
        Directive("budget", (), "table"),
        Paragraph((R("After"),)),
    ]


def test_directive_must_be_the_whole_line() -> None:
    line = "See [table: budget] below"
    assert parse_markup(line) == [Paragraph((R(line),))]
    assert parse_markup("[table:]") == [Paragraph((R("[table:]"),))]
    assert parse_markup("[graph: x]") == [Paragraph((R("[graph: x]"),))]


def test_clean_xml_text() -> None:
    assert clean_xml_text("a\x00b\x0bc\td\ne\rf\x1fg") == "abc\td\ne\rfg"
    assert clean_xml_text("x\ufffey\uffffz\ufffd") == "xyz\ufffd"
    assert clean_xml_text("lone \ud800 surrogate \udfff") == "lone  surrogate "
    assert clean_xml_text("emoji \U0001f600 £") == "emoji \U0001f600 £"


def test_parse_removes_illegal_characters() -> None:
    assert parse_markup("Spend\x0c rose\x00.") == [Paragraph((R("Spend rose."),))]


def test_empty_and_blank_input() -> None:
    assert parse_markup("") == []
    assert parse_markup("\n \n\t\n") == []


def test_plain_text() -> None:
    blocks = parse_markup("### Head\nBody **b**\n\n- one\n- two\n[table: x]")
    assert plain_text(blocks) == "Head\nBody b\none\ntwo"


def _visible(blocks: list[Block]) -> str:
    return "".join(
        r.text
        for b in blocks
        for r in (
            b.runs
            if isinstance(b, (Paragraph, Heading))
            else [r for item in getattr(b, "items", ()) for r in item]
        )
    )


def _is_subsequence(small: str, big: str) -> bool:
    it = iter(big)
    return all(ch in it for ch in small)


@settings(max_examples=400)
@given(st.text())
def test_arbitrary_text_never_raises_and_only_drops_characters(text: str) -> None:
    blocks = parse_markup(text)
    # The parser only removes markup and whitespace: what is left appears in the input in order.
    out = re.sub(r"\s", "", _visible(blocks))
    assert _is_subsequence(out, re.sub(r"\s", "", clean_xml_text(text)))
    for block in blocks:
        if isinstance(block, (Paragraph, Heading)):
            assert all(run.text for run in block.runs)


# Words mixing emphasis markers (often) with any other visible character.
_WORD = st.text(
    alphabet=st.one_of(
        st.sampled_from("*_"),
        st.characters(
            blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp"), blacklist_characters="#[]-"
        ).filter(lambda c: not c.isdigit() and not c.isspace()),
    ),
    min_size=1,
    max_size=8,
)


@settings(max_examples=400)
@given(st.lists(st.lists(_WORD, min_size=1, max_size=6), min_size=1, max_size=5))
def test_words_round_trip(lines: list[list[str]]) -> None:
    """Lines of words (emphasis markers allowed) keep every visible word, in order."""
    text = "\n".join(" ".join(words) for words in lines)
    text = clean_xml_text(text)
    blocks = parse_markup(text)

    def visible_words(s: str) -> str:
        return " ".join(s.replace("*", "").replace("_", "").split())

    visible = " ".join(
        "".join(r.text for r in b.runs)
        if isinstance(b, Paragraph)
        else " ".join("".join(r.text for r in item) for item in getattr(b, "items", ()))
        for b in blocks
    )
    # Markers (and "* " bullets) are removed from both sides; every other character stays.
    assert visible_words(visible) == visible_words(text)
