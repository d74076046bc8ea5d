"""Tests for the narrative Markdown subset."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.render import markup
from reportgen.render.markup import (
    Block,
    BulletList,
    Directive,
    Heading,
    ListItem,
    NumberedList,
    Paragraph,
    Run,
    block_words,
    clean_xml_text,
    parse_inline,
    parse_markup,
    plain_text,
    written_words,
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
            blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp"), blacklist_characters="#[]-+"
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


# -- CommonMark block rules (markdown-it-py): nothing the officer wrote is lost ------------


def test_a_wrapped_line_starting_with_a_year_stays_in_its_paragraph() -> None:
    text = ("The scheme was agreed by Cabinet in March\n2016. The introduction of the "
            "scheme cut placement costs.\n\nNext paragraph.")
    assert parse_markup(text) == [
        Paragraph((R("The scheme was agreed by Cabinet in March 2016. The introduction of the "
                     "scheme cut placement costs."),)),
        Paragraph((R("Next paragraph."),)),
    ]


def test_a_numbered_list_prints_the_numbers_written() -> None:
    # A list starts at its first number; an item whose number does not follow on starts a
    # new list, so the printed numbers are the written ones.
    assert parse_markup("3. c\n4. d") == [
        NumberedList((ListItem((R("c"),)), ListItem((R("d"),))), start=3)]
    assert parse_markup("1. a\n1. b\n5) e") == [
        NumberedList((ListItem((R("a"),)),), 1),
        NumberedList((ListItem((R("b"),)),), 1),
        NumberedList((ListItem((R("e"),)),), 5),
    ]
    # A line "2016. …" after a blank line is a list item numbered 2016, as CommonMark says.
    assert parse_markup("2016. The year") == [NumberedList((ListItem((R("The year"),)),), 2016)]


def test_numbers_word_cannot_start_a_list_at_are_text() -> None:
    assert parse_markup("007. Bond") == [Paragraph((R("007. Bond"),))]
    assert parse_markup("99999) big") == [Paragraph((R("99999) big"),))]


def test_an_empty_numbered_item_keeps_its_number() -> None:
    assert parse_markup("1.\n2. two") == [
        NumberedList((ListItem(()), ListItem((R("two"),))), 1)]


def test_nested_numbered_list_is_its_own_list_one_level_deeper() -> None:
    assert parse_markup("1. a\n   1. b\n   2. c\n2. d") == [
        NumberedList((ListItem((R("a"),)),), 1),
        NumberedList((ListItem((R("b"),), 1), ListItem((R("c"),), 1)), 1),
        NumberedList((ListItem((R("d"),)),), 2),
    ]


def test_markup_the_subset_does_not_document_stays_literal() -> None:
    text = ("> quoted\n\n    indented\n\n```\nfenced\n```\n\n[ref]: http://example.com\n\n"
            "Setext\n===\n\n---\n\n![chart](x.png) <i>x</i> &amp; `code` \\*a\\*")
    visible = plain_text(parse_markup(text))
    for literal in ("> quoted", "indented", "```", "[ref]: http://example.com", "===", "---",
                    "![chart](x.png)", "<i>x</i>", "&amp;", "`code`", "\\"):
        assert literal in visible, literal


def test_an_indented_directive_line_is_still_a_directive() -> None:
    assert parse_markup("Before\n    [table: budget]\nAfter") == [
        Paragraph((R("Before"),)), Directive("budget", (), "table"), Paragraph((R("After"),))]


def test_a_later_paragraph_of_an_item_joins_it() -> None:
    assert parse_markup("1. a\n\n   more a\n2. b") == [
        NumberedList((ListItem((R("a more a"),)), ListItem((R("b"),))), 1)]
    # After a nested item it is a paragraph of its own (never joined to the nested item).
    blocks = parse_markup("- a\n  - b\n\n  more of a\n- c")
    assert blocks[1] == Paragraph((R("more of a"),))
    assert blocks[0] == BulletList((ListItem((R("a"),)), ListItem((R("b"),), 1)))


def test_a_directive_ends_a_paragraph_or_list() -> None:
    assert parse_markup("- a\n[table: budget]\n- b") == [
        BulletList((ListItem((R("a"),)),)),
        Directive("budget", (), "table"),
        BulletList((ListItem((R("b"),)),)),
    ]
    # Only a whole line is a directive: after a list marker it is the item's text, and the
    # rest of the text keeps its structure.
    assert parse_markup("### Head\n\n- [table: x]\n- b") == [
        Heading(3, (R("Head"),)),
        BulletList((ListItem((R("[table: x]"),)), ListItem((R("b"),)))),
    ]
    assert parse_markup("1. a\n   [table: x]\n2. b") == [
        NumberedList((ListItem((R("a"),)),), 1),
        Directive("x", (), "table"),
        NumberedList((ListItem((R("b"),)),), 2),
    ]


def test_deep_nesting_past_the_parsers_limit_keeps_every_word() -> None:
    # markdown-it skips what lies past its nesting limit; the text is then read plainly.
    text = "- " * 40 + "deep words\n- after"
    blocks = parse_markup(text)
    assert "deep words" in plain_text(blocks) and "after" in plain_text(blocks)
    assert block_words(blocks) == written_words(text)


def test_written_words_leave_out_markup_and_directives() -> None:
    assert written_words("### Costs *rose*\n- by **5%**\n[table: budget 10]\n1. snake_case") \
        == ["Costs", "rose", "by", "5", "1", "snakecase"]


@settings(max_examples=500)
@given(st.lists(st.one_of(
    st.sampled_from(["", "  ", "1.", "2016.", "3)", "-", "*", "+", "#", "###", ">", "   ",
                     "\t", "[table: x]", "**", "_", "1. 1.", "- 1.", "    [table: x]",
                     "1. [chart: y]", "  - [table: x]"]),
    st.text(alphabet="ab1 .*_-#\t)+9", max_size=12)), max_size=12))
def test_every_word_and_number_written_is_in_the_blocks_in_order(parts: list[str]) -> None:
    """Lines built from list markers, headings, numbers and emphasis: the words and numbers a
    reader sees (a numbered item's label included) are exactly those written."""
    text = "\n".join(parts)
    blocks = parse_markup(text)
    assert block_words(blocks) == written_words(text)
    # The CommonMark reading itself keeps them (the plain reading is only for nesting past
    # markdown-it's limit, which these lines cannot reach).
    clean = markup._clean(text)
    assert block_words(markup._from_tokens(markup._parser().parse(clean),
                                           clean.split("\n"))) == written_words(text)
    # And on the plain reading too: the fallback is never a way to lose anything.
    assert block_words(markup._plain_blocks(markup._clean(text))) == written_words(text)
