"""Every web page reportgen writes, loaded in a real browser and checked by axe-core.

Debian's headless Chromium (``/usr/bin/chromium``) is driven through its ``chromedriver`` by
selenium; nothing downloads a browser. axe-core is the npm package installed into tests/js
(``npm ci --prefix tests/js``) and injected into each page, which is loaded from file://.
Every fixture report (in its own style) and every page of the fixture agenda must have zero
violations of the WCAG 2.1 A and AA rules; a screenshot of each page is saved, and the Harrow
report's is the one in docs/images/report-html.png.

Without Chromium, chromedriver, selenium or axe-core these tests skip on a developer's
machine, but fail under CI (``CI=true``), where .ci/run installs them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import ROOT, client_missing
from tests.test_html import BUNDLES, packed, rendered

CHROMIUM = os.environ.get("REPORTGEN_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("REPORTGEN_CHROMEDRIVER", "/usr/bin/chromedriver")
AXE = ROOT / "tests" / "js" / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1200,900", "--hide-scrollbars"]
SCREENSHOT = ROOT / "docs" / "images" / "report-html.png"

RUN_AXE = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
  .then(r => done(JSON.stringify(r.violations.map(v => ({
      id: v.id, help: v.help,
      nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary)})))))
  .catch(e => done(JSON.stringify({error: String(e)})));
"""


def _install_axe() -> None:
    """axe-core is a test dependency from npm, pinned by tests/js/package-lock.json: install
    it on first use, so that the README's test command needs no step of its own."""
    npm = shutil.which("npm")
    if AXE.is_file() or npm is None:
        return
    subprocess.run([npm, "ci", "--prefix", str(AXE.parents[2]), "--no-audit", "--no-fund"],
                   capture_output=True, check=False, timeout=300)


def _missing() -> list[str]:
    _install_axe()
    missing = []
    for path in (CHROMIUM, CHROMEDRIVER):
        if not Path(path).is_file() or not os.access(path, os.X_OK):
            missing.append(path)
    if not AXE.is_file():
        missing.append(f"{AXE} (run: npm ci --prefix tests/js)")
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("selenium (pip install '.[test]')")
    return missing


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    missing = _missing()
    if missing:
        client_missing("browser tests need: " + ", ".join(missing))
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="reportgen-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in [*FLAGS, f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_script_timeout(120)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _pages(tmp: Path) -> list[Path]:
    paths = []
    for bundle in BUNDLES:
        path = tmp / f"{bundle}.html"
        path.write_bytes(rendered(bundle)[1])
        paths.append(path)
    pack = tmp / "pack"
    pack.mkdir()
    for name, data in packed()[2].items():
        (pack / name).write_bytes(data)
        if name.endswith(".html"):
            paths.append(pack / name)
    return paths


def _axe(driver: Any, path: Path) -> list[dict[str, Any]]:
    driver.get(path.as_uri())
    assert driver.execute_script("return document.documentElement.lang") == "en-GB"
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    result = json.loads(driver.execute_async_script(RUN_AXE, TAGS))
    assert not isinstance(result, dict), result  # axe itself failed
    return list(result)


def _screenshot(driver: Any, path: Path) -> Path:
    """A picture of the whole page (the window made as tall as the page, within reason)."""
    height = int(driver.execute_script("return document.documentElement.scrollHeight"))
    driver.set_window_size(1200, min(max(height, 900), 12000))
    out = path.with_suffix(".png")
    driver.save_screenshot(str(out))
    driver.set_window_size(1200, 900)
    return out


def test_every_page_has_no_wcag_21_aa_violations(browser: Any, tmp_path: Path) -> None:
    failures = {}
    pages = _pages(tmp_path)
    assert len(pages) >= len(BUNDLES) + 2  # the reports, the agenda page and item pages
    for path in pages:
        violations = _axe(browser, path)
        if violations:
            failures[path.name] = violations
        shot = _screenshot(browser, path)
        assert shot.stat().st_size > 10_000  # a real picture, not a blank page
    assert failures == {}, json.dumps(failures, indent=1)


def test_page_works_without_javascript_and_keyboard_reaches_the_content(
        browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    path = tmp_path / "harrow.html"
    path.write_bytes(rendered("harrow-2016-high-cost-placements")[1])
    browser.get(path.as_uri())
    # The first Tab lands on the skip link, which is then visible, and it leads to <main>.
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    active = browser.switch_to.active_element
    assert active.get_attribute("class") == "skip-link" and active.is_displayed()
    active.send_keys(Keys.ENTER)
    assert browser.execute_script("return location.hash") == "#content"
    # The chart data is collapsed until asked for, and opens with the keyboard.
    details = browser.find_elements(By.CSS_SELECTOR, "figure details")
    assert details and all(d.get_attribute("open") is None for d in details)
    details[0].find_element(By.TAG_NAME, "summary").send_keys(Keys.ENTER)
    assert details[0].get_attribute("open") is not None
    # Every picture decoded (a broken data URI has no natural width), and every chart drawn.
    widths = browser.execute_script(
        "return Array.from(document.images).map(i => i.complete ? i.naturalWidth : 0)")
    assert all(w > 0 for w in widths)
    drawn = browser.execute_script(
        "return Array.from(document.querySelectorAll('svg.chart'))"
        ".map(s => s.getBBox().width * s.querySelectorAll('rect').length)")
    assert drawn and all(w > 0 for w in drawn)


def test_readme_screenshot_is_the_harrow_page(browser: Any, tmp_path: Path) -> None:
    """Writes docs/images/report-html.png only when asked (REPORTGEN_UPDATE_SCREENSHOT=1), so
    test runs never change the checkout; otherwise checks the committed picture exists."""
    if os.environ.get("REPORTGEN_UPDATE_SCREENSHOT") != "1":
        assert SCREENSHOT.is_file() and SCREENSHOT.stat().st_size > 10_000
        return
    path = tmp_path / "harrow.html"
    path.write_bytes(rendered("harrow-2016-high-cost-placements")[1])
    browser.get(path.as_uri())
    browser.set_window_size(1000, 1400)
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(SCREENSHOT))
    browser.set_window_size(1200, 900)


def test_axe_reports_a_page_that_breaks_the_rules(browser: Any, tmp_path: Path) -> None:
    """The check can fail: a page without a language, with an unlabelled picture and a
    low-contrast line has violations."""
    path = tmp_path / "bad.html"
    path.write_text("<!DOCTYPE html><html><head><title>x</title></head><body><main>"
                    "<img src='data:image/gif;base64,R0lGODlhAQABAAAAACw='>"
                    "<p style='color:#ddd'>faint</p></main></body></html>", encoding="utf-8")
    found = {v["id"] for v in _axe_any(browser, path)}
    assert {"html-has-lang", "image-alt", "color-contrast"} <= found


def _axe_any(driver: Any, path: Path) -> list[dict[str, Any]]:
    driver.get(path.as_uri())
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    result = json.loads(driver.execute_async_script(RUN_AXE, TAGS))
    assert not isinstance(result, dict), result
    return list(result)
