"""``reportgen serve`` in headless Chromium: the page follows report.yaml by itself, a wrong
figure typed in the narrative is shown at its sentence with what the data give and the
expression to write, a bundle that stops loading shows its line over the last good page, and
the page with its panels has no WCAG 2.2 AA violation that axe-core finds.

The server runs as the real command (``python -m reportgen serve … --port 0``) on a copy of a
fixture in tmp_path. The wrong figure is made from the bundle's own data (its value moved away
from the true one), never from a fixture's wording or numbers. Every wait is a poll with a
generous limit, so a loaded machine is slower but not flaky.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests import test_html_browser
from tests.helpers import FIXTURES, ROOT, serving
from tests.test_html_browser import AXE, RUN_AXE, TAGS

pytest.importorskip("werkzeug", reason="reportgen[serve] not installed")
pytest.importorskip("watchfiles", reason="reportgen[serve] not installed")

HARROW = FIXTURES / "harrow-2016-high-cost-placements"
WAIT_S = 240  # a rebuild is a few seconds; a loaded 2-core machine may take many times that
SCREENSHOT = ROOT / "docs" / "images" / "serve.png"
browser = test_html_browser.browser  # the same Chromium set-up (a module-scoped fixture)


def _percent_figure(bundle: Path) -> tuple[str, float]:
    """A percentage the bundle's data give, with its expression (from the checker's own list of
    figures, so the sentence below is about a real figure of this bundle)."""
    from reportgen.checks import vocabulary
    from reportgen.pipeline import load_report

    metrics = load_report(bundle).metrics
    for figure in vocabulary.figures(metrics):
        if figure.unit == "percent" and figure.measure == "achieved_pct" and figure.subject is None:
            return figure.expression, figure.value
    raise AssertionError("the bundle has no savings achieved percentage")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    bundle = tmp_path / "bundle"
    shutil.copytree(HARROW, bundle)
    with serving(bundle) as (_, address):
        yield address, bundle


def _wait(driver: Any, condition: Any, what: str) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, WAIT_S, poll_frequency=0.5).until(condition, message=what)


def _version(driver: Any) -> str:
    return str(driver.execute_script(
        "var m = document.querySelector('meta[name=\"reportgen-version\"]');"
        "return m ? m.content : '';"))


def _axe(driver: Any) -> list[dict[str, Any]]:
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    result = json.loads(driver.execute_async_script(RUN_AXE, TAGS))
    assert not isinstance(result, dict), result
    return list(result)


def test_page_follows_the_file_and_shows_the_finding_at_its_sentence(
        browser: Any, server: tuple[str, Path]) -> None:
    from selenium.webdriver.common.by import By

    url, bundle = server
    assert "wcag22aa" in TAGS
    browser.get(url)
    first = _version(browser)
    assert first and browser.find_elements(By.ID, "findings")
    assert not browser.find_elements(By.CSS_SELECTOR, "mark.finding-mark")

    # A sentence typed by hand with the savings achieved percentage moved from the data's.
    expression, value = _percent_figure(bundle)
    shown = value * 100 if abs(value) <= 1.5 else value
    wrong = int(round(shown)) + 17 if shown < 80 else int(round(shown)) - 17
    sentence = f"Overall {wrong}% of the savings target has been achieved."
    path = bundle / "report.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    key = next(iter(data["sections"]))
    data["sections"][key] = data["sections"][key].rstrip("\n") + f"\n\n{sentence}\n"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")

    # No get(): the page reloads itself when the rebuild is in place.
    _wait(browser, lambda d: _version(d) != first, "the page did not reload by itself")
    marks = _wait(browser, lambda d: [m for m in d.find_elements(
        By.CSS_SELECTOR, "mark.finding-mark") if f"{wrong}%" in m.text] or False,
        "the wrong figure was not marked")
    mark = marks[0]
    paragraph = mark.find_element(By.XPATH, "./ancestor::*[self::p or self::li][1]")
    assert sentence in " ".join(paragraph.text.split())
    note = browser.find_element(By.ID, mark.get_attribute("aria-describedby"))
    assert "but the data give" in note.text and "figures.literal-mismatch" in note.text
    assert note.find_element(By.TAG_NAME, "code").text.startswith(
        expression.split("|")[0].strip())
    assert note.find_elements(By.CSS_SELECTOR, "code.copyable + button.serve-copy")
    # The panel links to it.
    anchor = note.get_attribute("id")
    link = browser.find_element(By.CSS_SELECTOR, f'#findings ~ ol a[href="#{anchor}"]')
    assert "Error" in link.text

    # The names panel: searchable, and it holds the figure's expression.
    search = browser.find_element(By.ID, "names-search")
    everything = browser.find_element(By.ID, "names-count").text
    search.send_keys("achieved_pct")
    _wait(browser, lambda d: d.find_element(By.ID, "names-count").text != everything,
          "search did not filter")
    visible = [row for row in browser.find_elements(By.CSS_SELECTOR, "#names-table tbody tr")
               if row.is_displayed()]
    assert visible and all("achieved_pct" in row.text for row in visible)
    search.clear()

    violations = _axe(browser)
    assert violations == [], json.dumps(violations, indent=1)
    if os.environ.get("REPORTGEN_UPDATE_SCREENSHOT") == "1":
        browser.set_window_size(1100, 1300)
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        browser.save_screenshot(str(SCREENSHOT))
        browser.set_window_size(1200, 900)

    # report.yaml broken: its one line over the last good page, never a traceback.
    before = _version(browser)
    path.write_text(path.read_text(encoding="utf-8") + "\nsections: [unclosed\n",
                    encoding="utf-8")
    _wait(browser, lambda d: _version(d) != before, "no reload after the file broke")
    alert = _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "p.serve-error"),
                  "no error shown")[0]
    assert str(path) in alert.text and "Traceback" not in browser.page_source
    assert browser.find_elements(By.CSS_SELECTOR, "mark.finding-mark")  # the last good page
    assert _axe(browser) == []


def test_each_expression_has_a_copy_button_worked_by_keyboard(
        browser: Any, server: tuple[str, Path]) -> None:
    """Tab from the names search reaches a Copy button; Enter on it says what happened in the
    live region (headless Chromium may refuse the clipboard: then the expression is selected
    and the status says so; either way the status names the expression)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    url, _ = server
    browser.get(url)
    status = browser.find_element(By.ID, "copy-status")
    assert status.get_attribute("aria-live") == "polite" and status.text == ""
    codes = browser.find_elements(By.CSS_SELECTOR, "#names-table code.copyable")
    buttons = _wait(browser, lambda d: d.find_elements(
        By.CSS_SELECTOR, "#names-table button.serve-copy") or False, "no copy buttons")
    assert len(buttons) == len(codes) > 0  # one for each expression in the panel
    search = browser.find_element(By.ID, "names-search")
    search.click()
    for _ in range(10):  # the table's scroll region, then its first button
        browser.switch_to.active_element.send_keys(Keys.TAB)
        active = browser.switch_to.active_element
        if "serve-copy" in (active.get_attribute("class") or ""):
            break
    else:
        raise AssertionError("no Copy button reachable by Tab from the search box")
    expression = active.find_element(By.XPATH, "preceding-sibling::code[1]").text
    assert expression.startswith("{{") and expression in active.get_attribute("textContent")
    active.send_keys(Keys.ENTER)
    said = _wait(browser, lambda d: d.find_element(By.ID, "copy-status").text or False,
                 "the copy status did not change")
    assert expression in said
    assert said.startswith("Copied ") or "is selected, press Ctrl+C" in said
    if said.startswith("Copied "):
        assert "Copied" in active.text  # on the button too, until another is pressed
    assert browser.switch_to.active_element == active  # focus stays on the button
    # The clipboard refused (as a browser without permission does): the next button selects
    # its expression for Ctrl+C and says so.
    browser.execute_script("navigator.clipboard.writeText = function () {"
                           " return Promise.reject(new Error('refused')); };")
    active.send_keys(Keys.TAB)
    following = browser.switch_to.active_element
    assert "serve-copy" in (following.get_attribute("class") or "") and following != active
    other = following.find_element(By.XPATH, "preceding-sibling::code[1]").text
    following.send_keys(Keys.ENTER)
    said = _wait(browser, lambda d: (lambda t: t if "is selected" in t else False)(
        d.find_element(By.ID, "copy-status").text), "no fallback status")
    assert other in said and "press Ctrl+C" in said
    assert browser.execute_script("return window.getSelection().toString()") == other
    assert "Copied" not in active.text  # the first button no longer claims a copy
    violations = _axe(browser)
    assert violations == [], json.dumps(violations, indent=1)


def test_screenshot_in_the_docs_exists() -> None:
    """docs/serve.md shows the served page (written by the test above only when
    REPORTGEN_UPDATE_SCREENSHOT=1, so a test run never changes the checkout)."""
    assert SCREENSHOT.is_file() and SCREENSHOT.stat().st_size > 10_000
    assert "images/serve.png" in (ROOT / "docs" / "serve.md").read_text(encoding="utf-8")
