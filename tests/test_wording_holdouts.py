"""The clean hold-outs of the wording benchmark (tests/wording/holdout*.yaml, README "Hold-out
(clean)" and after): sentences from councils in none of the corpora before them, collected by
people who did not run the checker on them, each measured once with the checker as it then was
before any rule was written from it.

These tests check each hold-out and the data the harness makes for it. They set no recall or
precision threshold and never run the checker: a hold-out is a measurement (``python
benchmarks/wording.py --corpus tests/wording/holdout2.yaml``), reported in the README, not a
gate. The data self-check builds each bundle and reads the figure back from the computed
metrics, without the checker's verdicts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.wording import harness
from tests.wording.harness import Entry, load_corpus


@dataclass(frozen=True)
class HoldOut:
    name: str
    path: Path
    prefix: str  # every id starts with it
    min_entries: int
    min_councils: int
    max_per_council: int
    # Testable entries whose data are read back; the first hold-outs had at least 20.
    min_testable: int = 20
    # Hold-outs collected together with this one, which may share its councils (4 and 5).
    siblings: tuple[str, ...] = ()
    # Shares no council only with the earlier entries whose unit is count (hold-out 28).
    counts_only: bool = False

    @property
    def entries(self) -> list[Entry]:
        return load_corpus(self.path)


# In the order they were collected: each shares no council with those before it.
HOLDOUTS = [
    HoldOut("holdout", harness.HOLDOUT, "ho-", 60, 12, 13),
    HoldOut("holdout2", harness.HOLDOUT2, "h2-", 40, 12, 8),
    HoldOut("holdout3", harness.HOLDOUT3, "h3-", 30, 11, 6),
    # Issue 26's: money sentences, and count and change sentences, collected together. The
    # pages store returned few sentences from councils not yet used (README, "Hold-out 4 and 5"),
    # so these are small; the sizes below are what was collected, not thresholds of a result.
    HoldOut("holdout4", harness.HOLDOUT4, "h4-", 12, 6, 4, min_testable=11,
            siblings=("holdout5",)),
    HoldOut("holdout5", harness.HOLDOUT5, "h5-", 6, 2, 5, min_testable=4,
            siblings=("holdout4",)),
    # Issue 26's second collection, searched differently (README, "Hold-out 6 and 7"); again
    # far short of the goal, and again the sizes are what was collected.
    HoldOut("holdout6", harness.HOLDOUT6, "h6-", 24, 6, 10, min_testable=21,
            siblings=("holdout7",)),
    HoldOut("holdout7", harness.HOLDOUT7, "h7-", 11, 3, 5, min_testable=7,
            siblings=("holdout6",)),
    # Issue 26's third collection, money sentences from councils A to L (README, "Hold-out 8");
    # the sizes are what was collected.
    HoldOut("holdout8", harness.HOLDOUT8, "h8-", 120, 23, 8, min_testable=62,
            siblings=("holdout9", "holdout10")),
    # Issue 26's third collection (README, "Hold-out 9"): money sentences from councils M to Z
    # (England, Scotland) and Wales, collected beside hold-out 8 (councils A to L) and a count
    # collection, which may share its councils. Sizes as collected: 86 entries from 16 councils
    # (no more than 8 from one), 47 testable from 14 of them; Manchester's and Ceredigion's
    # figures are all budget gaps of years being planned, which the data model cannot hold.
    HoldOut("holdout9", harness.HOLDOUT9, "h9-", 86, 15, 8, min_testable=47,
            siblings=("holdout8", "holdout10")),
    # Issue 26's third collection (README, "Hold-out 10"): count and change sentences, collected
    # alongside two money collections (hold-outs 8 and 9) that may share its councils; again the
    # sizes are what was collected.
    HoldOut("holdout10", harness.HOLDOUT10, "h10-", 27, 7, 8, min_testable=13,
            siblings=("holdout8", "holdout9")),
    # Issue 26's fourth collection (README, "Hold-out 11"): money sentences, collected beside a
    # count collection (hold-out 12) that may share its councils. Sizes as collected: 60 entries
    # from 10 councils (no more than 8 from one), 42 testable.
    HoldOut("holdout11", harness.HOLDOUT11, "h11-", 60, 10, 8, min_testable=41,
            siblings=("holdout12",)),
    # Issue 26's fourth collection (README, "Hold-out 12"): count and change sentences, collected
    # alongside a money collection (hold-out 11) that may share its councils; the sizes are what
    # was collected (33 entries from 7 councils, 12 testable).
    HoldOut("holdout12", harness.HOLDOUT12, "h12-", 33, 7, 8, min_testable=12,
            siblings=("holdout11",)),
    # Issue 26's fifth collection (README, "Hold-out 13"): count and change sentences, collected
    # beside hold-out 14, which may share its councils; the sizes are what was collected.
    HoldOut("holdout13", harness.HOLDOUT13, "h13-", 16, 5, 8, min_testable=8,
            siblings=("holdout14",)),
    # Issue 26's fifth collection (README, "Hold-out 14"): money sentences about children's
    # services and councils' revenue budgets, mostly councils' own news releases, collected beside
    # a count collection (hold-out 13) that may share its councils. Sizes as collected: 71 entries
    # from 14 councils (no more than 8 from one), 27 testable from 12 of them.
    HoldOut("holdout14", harness.HOLDOUT14, "h14-", 71, 13, 8, min_testable=27,
            siblings=("holdout13",)),
    # Issue 26's sixth collection (README, "Hold-out 15"): money sentences, most of them councils'
    # revenue budget monitoring (district councils' among them, few children's authorities being
    # left), collected beside a count collection (hold-out 16) that may share its councils. Sizes
    # as collected: 56 entries from 13 councils (no more than 8 from one), 34 testable from 11 of
    # them (Tendring's and Newcastle-under-Lyme's figures are a variance to date and future years'
    # pressures, which the data model cannot hold).
    HoldOut("holdout15", harness.HOLDOUT15, "h15-", 56, 12, 8, min_testable=34,
            siblings=("holdout16",)),
    # Issue 26's sixth collection (README, "Hold-out 16"): count and change sentences, mostly from
    # councils' own web pages, collected beside hold-out 15, which may share its councils; the sizes
    # are what was collected (29 entries from 9 councils, 12 testable).
    HoldOut("holdout16", harness.HOLDOUT16, "h16-", 29, 9, 8, min_testable=12,
            siblings=("holdout15",)),
    # Issue 26's seventh collection (README, "Hold-out 17"): money sentences, mostly English
    # district councils' revenue and capital monitoring minutes, collected beside hold-out 18,
    # which may share its councils. Sizes as collected: 72 entries from 13 councils (no more than
    # 8 from one), 42 testable (the rest are reserves, plans of future years, spend to date).
    HoldOut("holdout17", harness.HOLDOUT17, "h17-", 72, 13, 8, min_testable=42,
            siblings=("holdout18",)),
    # Issue 26's seventh collection (README, "Hold-out 18"): count and change sentences from
    # councils' own news pages, collected beside hold-out 17, which may share its councils; the
    # sizes are what was collected (10 entries from 2 councils, 2 testable).
    HoldOut("holdout18", harness.HOLDOUT18, "h18-", 10, 2, 8, min_testable=2,
            siblings=("holdout17",)),
    # Issue 26's eighth collection (README, "Hold-out 19"): money sentences from English district
    # and borough councils' monitoring minutes and decisions (and three council news releases);
    # the sizes are what was collected (64 entries from 12 councils, no more than 8 from one; 21
    # testable, from 10 councils: Fareham's and Bolsover's figures are all reserves, capital or
    # profiled, so the councils' floor is 11, which needs 10 with a testable figure).
    HoldOut("holdout19", harness.HOLDOUT19, "h19-", 64, 11, 8, min_testable=21),
    # Issue 26's ninth collection (README, "Hold-out 22"): count and change sentences about
    # children's social care from councils' own pages and minutes; the sizes are what was
    # collected (the councils' floor is one above the councils with a testable
    # figure, most figures being children in need or asylum-seeking children).
    HoldOut("holdout22", harness.HOLDOUT22, "h22-", 22, 3, 8, min_testable=2),
    # Issue 26's ninth collection (README, "Hold-out 21"): money sentences from English district
    # councils' committee pages (and a few of their news releases and web pages), collected beside
    # hold-outs 20 and 22, which may share its councils; the sizes are what was collected (327
    # entries from 60 councils, no more than 8 from one; 123 testable, from 42 councils: the other
    # 18 councils' figures are all capital, reserves, grants or plans, so the councils' floor is
    # 43, which needs 42 with a testable figure).
    HoldOut("holdout21", harness.HOLDOUT21, "h21-", 327, 43, 8, min_testable=123,
            siblings=("holdout20", "holdout22")),
    # Issue 26's ninth collection (README, "Hold-out 20"): money sentences from London and
    # metropolitan boroughs, unitary, Scottish and Northern Irish councils (minutes, decisions and
    # the councils' own budget pages), collected beside a district-council money collection and a
    # count collection, which may share its councils. Sizes as collected: 187 entries from
    # 31 councils (no more than 8 from one), 47 testable; 25 is the councils' floor,
    # as 24 councils have a testable figure (the others' figures are all plans, reserves or
    # programmes over several years).
    HoldOut("holdout20", harness.HOLDOUT20, "h20-", 187, 25, 8, min_testable=47,
            siblings=("holdout21", "holdout22")),
    # Issue 26's tenth collection (README, "Hold-out 23"): money sentences from English district
    # councils not used before; the sizes are what was collected (135 entries from 29 councils, no
    # more than 8 from one; 39 testable, from 18 councils: the other 11 councils' figures are all
    # capital, reserves, grants, carry forwards or plans, so the councils' floor is 19, which needs
    # 18 with a testable figure).
    HoldOut("holdout23", harness.HOLDOUT23, "h23-", 135, 19, 8, min_testable=39),
    # Issue 26's eleventh collection (README, "Hold-out 24"): money sentences from English town
    # and parish councils and Welsh town and community councils named A to K, collected beside
    # hold-out 25 (L to Z); the sizes are what was collected (214 entries from 46 councils, no
    # more than 8 from one; 37 testable, from 23 councils: the other 23 councils' figures are all
    # precepts, Band D charges, income, reserves or plans, or whole budgets too small for the
    # harness's data, so the councils' floor is 24, which needs 23 with a testable figure).
    HoldOut("holdout24", harness.HOLDOUT24, "h24-", 214, 24, 8, min_testable=37,
            siblings=("holdout25",)),
    # Issue 26's eleventh collection (README, "Hold-out 25"): money sentences from English town and
    # parish councils and Welsh community and town councils named L to Z, collected beside hold-out
    # 24 (names A to K), which may share no council with it but is its sibling; the sizes are what
    # was collected (194 entries from 44 councils, no more than 8 from one; 39 testable, from 19
    # councils: the other 25 councils' figures are all precepts, band D charges, reserves, capital
    # or income, so the councils' floor is 20, which needs 19 with a testable figure).
    HoldOut("holdout25", harness.HOLDOUT25, "h25-", 194, 20, 8, min_testable=39,
            siblings=("holdout24",)),
    # Issue 26's collection of session 33 (README, "Hold-out 28"): count, change and rate sentences
    # about children's social care from councils whose count sentences are in no corpus (councils
    # used only for money sentences are allowed, hence counts_only); the sizes are what was
    # collected (63 entries from 17 councils, no more than 8 from one; 14 testable, from 9
    # councils: the other 8 councils' figures are all care leavers, asylum-seeking children, child
    # protection, shares, comparators, targets or quotas, so the councils' floor is 10).
    HoldOut("holdout28", harness.HOLDOUT28, "h28-", 63, 10, 8, min_testable=14, counts_only=True),
    # Issue 26's twelfth collection (README, "Hold-out 27"): money sentences from bodies that run
    # care services for councils (Scottish integration joint boards and Northern Ireland health and
    # social care trusts, from their own sites and board minutes), collected beside hold-outs 26
    # (other local authorities) and 28 (count sentences, which may use these bodies), its
    # siblings; the sizes are what was collected (54 entries from 11 bodies, no more than 8 from
    # one; 37 testable, every body with at least one).
    HoldOut("holdout27", harness.HOLDOUT27, "h27-", 54, 11, 8, min_testable=37,
            siblings=("holdout26", "holdout28")),
    # Issue 26's twelfth collection (README, "Hold-out 26"): money sentences from local
    # authorities other than councils (fire and rescue, police and crime, combined and mayoral,
    # national park, waste and other joint authorities and committees, the GLA and its functional
    # bodies), collected beside hold-outs 27 and 28 (other pools, other collectors); the sizes are
    # what was collected (212 entries from 51 bodies, no more than 8 from one; 136 testable, from
    # 43 bodies: the other 8 bodies' figures are all precepts, funding, carry forwards, multi-year
    # gaps, savings or plans, commitments or payments, so the floor is 44, which needs 43 with a
    # testable figure).
    HoldOut("holdout26", harness.HOLDOUT26, "h26-", 212, 44, 8, min_testable=136),
]
MAIN = load_corpus(harness.CORPUS)
_FIXTURES = re.compile(r"harrow|herefordshire|rotherham", re.IGNORECASE)


def _council_key(name: str) -> str:
    """A council's name without the words that vary between papers ("London Borough of",
    "City Council", "Metropolitan Borough Council"...), so one council cannot be counted twice."""
    words = re.sub(r"[^a-z ]", " ", name.lower()).split()
    generic = {"london", "borough", "of", "city", "county", "council", "metropolitan", "the",
               "royal", "and", "district", "cyngor"}
    return " ".join(w for w in words if w not in generic)


each = pytest.mark.parametrize("h", HOLDOUTS, ids=[h.name for h in HOLDOUTS])


@each
def test_holdout_is_large_varied_and_sourced(h: HoldOut) -> None:
    entries = h.entries
    assert len(entries) >= h.min_entries
    councils = {_council_key(e.council) for e in entries}
    assert len(councils) >= h.min_councils
    # Councils with a figure the data model can hold: the measurement rests on them.
    assert len({_council_key(e.council) for e in entries if harness.target_of(e)}) >= \
        h.min_councils - 1
    for council in councils:
        assert sum(_council_key(e.council) == council for e in entries) <= h.max_per_council
    assert len({e.id for e in entries}) == len(entries)
    for e in entries:
        assert e.id.startswith(h.prefix), e.id
        assert re.match(r"https?://\S+$", e.source), e.id


@each
def test_holdout_shares_no_council_and_no_id_with_the_corpora_before_it(h: HoldOut) -> None:
    before = MAIN + [e for o in HOLDOUTS[:HOLDOUTS.index(h)] if o.name not in h.siblings
                     for e in o.entries]
    # A count hold-out measures the count rules, which were written from count sentences only, so
    # a council whose money sentences were used is still unseen for counts (hold-out 28).
    if h.counts_only:
        before = [e for e in before if e.unit == "count"]
    others = {_council_key(e.council) for e in before}
    for e in h.entries:
        assert _council_key(e.council) not in others, (e.id, e.council)
    assert not {e.id for e in h.entries} & {e.id for e in before}


@each
def test_holdout_has_nothing_from_the_fixtures(h: HoldOut) -> None:
    for e in h.entries:
        assert not _FIXTURES.search(f"{e.council} {e.source}"), e.id


@each
def test_holdout_sources_are_council_pages(h: HoldOut) -> None:
    """Councils' own pages, not news sites, FOI answers or document mirrors."""
    for e in h.entries:
        host = re.match(r"https?://([^/]+)/", e.source)
        assert host, e.id
        # Welsh councils' own hosts end .gov.wales or .llyw.cymru; Renfrewshire's committee
        # system is hosted at renfrewshire.cmis.uk.com (as others' are at moderngov.co.uk);
        # Essex County Council publishes its market position statement on its provider hub
        # (hold-out 10). Liverpool City Council's news site is liverpoolexpress.co.uk, and South
        # Tyneside's JSNA pages are served from its web platform's host (hold-out 12).
        # Hold-out 13: Wakefield's and Hull's Joint Strategic Needs Assessment sites, Brighton
        # and Hove's children's social care procedures manual (hosted by its supplier) and West
        # Dunbartonshire's Integrated Children's Services report (on the council's Google Sites
        # domain, ourcloud.buzz, and only that domain of Google Sites).
        # Hold-out 16: Conwy's social services annual report site, the fostering and news sites of
        # Brighter Futures for Children (the council-owned company running Reading's children's
        # services), Reading's residents' pages as served from its museum service's host, and the
        # news of Birmingham Children's Trust (owned by Birmingham City Council).
        # Hold-out 17: Colchester's committee system, hosted at colchester.cmis.uk.com.
        # Hold-out 22: Bexley's data hub as the search tool gave its address, with the root
        # domain's trailing dot ("bexley.gov.uk."), and the news of Together for Children (the
        # company owned by Sunderland City Council that runs its children's services).
        # Hold-out 21: Great Yarmouth's committee system (great-yarmouth.cmis.uk.com) and
        # Ashfield's financial information page as served from its web platform's host.
        # Hold-out 20: Perth and Kinross's news pages, served from its web platform's host (port
        # and all, as the search tool gave the address), and Derry City and Strabane District
        # Council's own site (derrystrabane.com), and Rochdale Borough Council's press releases
        # on its newsroom platform (rochdale-council.mynewsdesk.com); Bexley's news page's address
        # as the search tool gave it, its host with a trailing dot ("bexley.gov.uk."), and two
        # Northern Ireland councils' own sites (midulstercouncil.org, fermanaghomagh.com).
        # Hold-out 23: East Suffolk's committee system (eastsuffolk.cmis.uk.com).
        # Hold-out 24: six local councils' own sites: Harlestone Parish Council's
        # (harlestonemanorpc.org.uk), Burgh le Marsh Town Council's (burghlemarshtowncouncil.net),
        # Falmouth Town Council's (falmouthtowncouncil.co.uk), Axmouth Parish Council's
        # (axmouthparishcouncil.co.uk), Chedworth Parish Council's (chedworthpc.org.uk) and Audley
        # Parish Council's (audleyparishcouncil.org).
        # Hold-out 25: town, parish and community councils' own sites, each named on its line.
        # Hold-out 27: the bodies' own sites: Northern Ireland's health and social care trusts
        # (northerntrust, belfasttrust and setrust on hscni.net), and the Scottish health and
        # social care partnerships of Moray (hscmoray.co.uk), Edinburgh (edinburghhsc.scot),
        # Dumfries and Galloway (dghscp.co.uk), West Lothian (westlothianhscp.org.uk), Falkirk
        # (falkirkhscp.org), Dundee (dundeehscp.com) and Aberdeen City (aberdeencityhscp.scot);
        # Scottish Borders' and Aberdeen City's IJB minutes are on the councils' committee hosts.
        # Hold-out 26: the own sites of Lancashire Combined Fire Authority's committee system
        # (cfa.lancsfirerescue.org.uk), the West Midlands Combined Authority's committee system
        # (governance.wmca.org.uk), Hereford & Worcester Fire Authority's committee system
        # (hwfire.cmis.uk.com), the Northamptonshire and Essex police, fire and crime
        # commissioners (northantspfcc.org.uk, www.essex.pfcc.police.uk), Kent and Medway Fire and
        # Rescue Authority (www.kent.fire-uk.org), Dorset & Wiltshire Fire and Rescue Authority
        # (www.dwfire.org.uk) and the Metropolitan Police Authority's archive (policeauthority.org).
        assert re.search(r"\.gov\.uk$|moderngov\.co\.uk$|\.gov\.wales$|\.llyw\.cymru$|"
                         r"^renfrewshire\.cmis\.uk\.com$|^colchester\.cmis\.uk\.com$|"
                         r"^bexley\.gov\.uk\.$|"
                         r"^great-yarmouth\.cmis\.uk\.com$|"
                         r"^eastsuffolk\.cmis\.uk\.com$|"
                         r"^newtown\.org\.uk$|"  # Newtown & Llanllwchaiarn Town Council's own site
                         r"^www\.newport-pagnell\.org\.uk$|"  # Newport Pagnell Town Council's site
                         r"^llansteffanandllanybri\.org$|"  # Llansteffan and Llanybri CC's site
                         r"^www\.nutfieldpc\.com$|"  # Nutfield Parish Council's own site
                         r"^sunningdale-pc\.org\.uk$|"  # Sunningdale Parish Council's own site
                         r"^ventnortowncouncil\.org\.uk$|"  # Ventnor Town Council's own site
                         r"^www\.cyngorllanrwst\.cymru$|"  # Llanrwst Town Council's own site
                         r"^www\.nortoncanesparishcouncil\.co\.uk$|"  # Norton Canes PC's site
                         r"^(www\.)?westmersea\.org$|"  # West Mersea Town Council's own site
                         r"^ashfield-district-council\.euwest01\.umbraco\.io$|"
                         r"^www\.essexproviderhub\.org$|"
                         r"^liverpoolexpress\.co\.uk$|^citizen\.stc3-prd\.gosshosted\.com$|"
                         r"^www\.wakefieldjsna\.co\.uk$|^hulljsna\.com$|"
                         r"^brighton\.proceduresonline\.com$|^sites\.google\.com$|"
                         r"^conwysocialservicesannualreport\.org\.uk$|"
                         r"^brighterfuturesforchildren\.org$|^www\.readingfostering\.co\.uk$|"
                         r"^www2\.readingmuseum\.org\.uk$|"
                         r"^www\.birminghamchildrenstrust\.co\.uk$|"
                         r"^www\.togetherforchildren\.org\.uk$|"
                         r"^pkc1-prd\.gosshosted\.com:443$|^www\.derrystrabane\.com$|"
                         r"^rochdale-council\.mynewsdesk\.com$|"
                         r"^(www\.)?midulstercouncil\.org$|^(www\.)?fermanaghomagh\.com$|"
                         r"^(www\.)?harlestonemanorpc\.org\.uk$|"
                         r"^(www\.)?burghlemarshtowncouncil\.net$|"
                         r"^(www\.)?falmouthtowncouncil\.co\.uk$|"
                         r"^(www\.)?axmouthparishcouncil\.co\.uk$|"
                         r"^(www\.)?chedworthpc\.org\.uk$|^(www\.)?audleyparishcouncil\.org$|"
                         r"^(www\.)?(northerntrust|belfasttrust|setrust)\.hscni\.net$|"
                         r"^(www\.)?hscmoray\.co\.uk$|^(www\.)?edinburghhsc\.scot$|"
                         r"^(www\.)?dghscp\.co\.uk$|^(www\.)?westlothianhscp\.org\.uk$|"
                         r"^(www\.)?falkirkhscp\.org$|^(www\.)?dundeehscp\.com$|"
                         r"^(www\.)?aberdeencityhscp\.scot$|"
                         r"^cfa\.lancsfirerescue\.org\.uk$|^governance\.wmca\.org\.uk$|"
                         r"^hwfire\.cmis\.uk\.com$|^northantspfcc\.org\.uk$|"
                         r"^www\.essex\.pfcc\.police\.uk$|^www\.kent\.fire-uk\.org$|"
                         r"^www\.dwfire\.org\.uk$|^policeauthority\.org$",
                         host.group(1)), (e.id, e.source)
        if host.group(1) == "sites.google.com":
            assert e.source.startswith("https://sites.google.com/ourcloud.buzz/"), e.id
        assert not re.search(r"foi|freedom-of-information|whatdotheyknow", e.source,
                             re.IGNORECASE), e.id


@each
def test_every_holdout_figure_is_written_in_its_sentence(h: HoldOut) -> None:
    for e in h.entries:
        assert harness._flat(e.text) in harness._flat(e.sentence), e.id
        lo, hi = harness.figure_span(e)
        assert hi > lo, e.id


@each
def test_holdout_additions_to_the_harness_tables_name_its_entries(h: HoldOut) -> None:
    ids = {e.id for e in h.entries}
    for table in (harness.TARGETS, harness.LABELS, harness.NOT_EXPRESSIBLE, harness.PERIODS):
        assert {k for k in table if k.startswith(h.prefix)} <= ids
    assert not {k for k in harness.TARGETS if k.startswith(h.prefix)} & \
        set(harness.NOT_EXPRESSIBLE)


@each
def test_every_figure_of_a_holdout_sentence_is_an_entry_or_said_not_expressible(
        h: HoldOut) -> None:
    """An entry the data model cannot hold is listed with its reason, not left to the default."""
    for e in h.entries:
        if harness.target_of(e) is None:
            assert e.id in harness.NOT_EXPRESSIBLE, e.id
            assert harness.not_expressible_reason(e) == harness.NOT_EXPRESSIBLE[e.id]


# --------------------------------------------------------------------------- the harness


@dataclass
class _ReadBack:
    entry: Entry
    true: float
    wrong: float


def _read_back(entries: list[Entry], workdir: Path) -> Iterator[_ReadBack]:
    """Each testable entry's figure read back from the metrics of the bundles the harness
    writes for its sentence: with the true data for every figure of the sentence, and with
    this entry's figure made wrong (the others kept true). The checker is not run."""
    for i, group in enumerate(harness.groups(entries).values()):
        testable = [e for e in group if harness.target_of(e) is not None]
        if not testable:
            continue
        truth = {e.id: harness.true_data_value(e) for e in group}
        true_bundle = harness.write_bundle(workdir / f"s{i:03d}-true", group, truth)
        for e in testable:
            values = dict(truth)
            values[e.id] = harness.wrong_data_value(e)
            wrong_bundle = harness.write_bundle(workdir / f"s{i:03d}-{e.id}", group, values)
            yield _ReadBack(e, harness.data_figure(e, true_bundle),
                            harness.data_figure(e, wrong_bundle))


@each
def test_data_made_for_each_holdout_sentence_give_its_figure(
        h: HoldOut, tmp_path: Path) -> None:
    """Read back from the computed metrics, independent of the checker: the true bundle shows
    the figure as written (below it for an upper bound), the wrong bundle the wrong one."""
    read_back = list(_read_back(h.entries, tmp_path))
    assert len(read_back) >= h.min_testable
    assert {r.entry.id for r in read_back} == {e.id for e in h.entries if harness.target_of(e)}
    for r in read_back:
        e = r.entry
        assert harness.shows_as(e, r.true, e.value), (e.id, r.true)
        if e.upper_bound:
            assert r.true < e.value, e.id
        assert harness.shows_as(e, r.wrong, harness.wrong_shown_value(e),
                                harness.wrong_unit(e)), (e.id, r.wrong)


def test_an_upper_bound_is_met_below_it_and_broken_above_it() -> None:
    [e] = [x for x in HOLDOUTS[0].entries if x.id == "ho-lewisham-2020-01"]  # "slightly less
    assert e.upper_bound and not e.lower_bound  # than £10m"
    assert harness.true_data_value(e) < e.value
    assert harness.wrong_shown_value(e) > e.value


def test_a_total_and_a_line_named_beside_it_both_hold(tmp_path: Path) -> None:
    """Medway's "overall overspend across the Council ... £4.8million ..., within the remit of
    this committee ... an overspend of approximately £3.5million": the total is the bundle's
    total and the committee's line is a line of it, not added to it (the harness change made for
    hold-out 2)."""
    group = [e for e in HOLDOUTS[1].entries if e.id.startswith("h2-medway-2024-")]
    total, line = (next(e for e in group if e.id == i)
                   for i in ("h2-medway-2024-01", "h2-medway-2024-03"))
    assert harness.states_total(total) and not harness.states_total(line)
    truth = {e.id: harness.true_data_value(e) for e in group}
    bundle = harness.write_bundle(tmp_path / "b", group, truth)
    assert harness.shows_as(total, harness.data_figure(total, bundle), total.value)
    assert harness.shows_as(line, harness.data_figure(line, bundle), line.value)
