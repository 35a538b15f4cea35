#!/usr/bin/env python3
"""`cable serve` in a real browser (issue #24, docs/serve.md): Debian's
Chromium, headless, driven by python3-selenium through chromium-driver,
against an index of the 1000 shared pages and one hostile cable. It types
tag:KTIP and sees the results and the meaning of KTIP, clicks a tag facet
and a bar of the histogram, opens a cable, follows its first reference and
comes back through "cited by", exports CSV, and checks that the hostile
cable's text runs nothing, and that pages fit a phone's width. Screenshots
of each step go to ARTIFACTS_DIR.
Exits 77 (a skip) without the shared corpus or where Chromium cannot run.

    browser_test.py CABLE_TOOL SHARED_CORPUS ARTIFACTS_DIR
"""
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import urllib.request

SKIP = 77

try:
    from selenium import webdriver
    from selenium.common.exceptions import NoAlertPresentException, WebDriverException
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:
    # Debian's python3-selenium is for Debian's python3.
    if sys.executable != "/usr/bin/python3" and os.path.exists("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    print("skipped: python3-selenium is not installed (scripts/deps installs it)")
    sys.exit(SKIP)

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from http_test import HOSTILE, Server  # noqa: E402

failures = []


def check(condition, what):
    print(("ok:   " if condition else "FAIL: ") + what)
    if not condition:
        failures.append(what)


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                 "--window-size=1280,1000", "--no-proxy-server"):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def shot(driver, artifacts, name):
    driver.save_screenshot(os.path.join(artifacts, name + ".png"))


def status_text(driver):
    return driver.find_element(By.CSS_SELECTOR, "[role=status]").text


# Long enough for a sanitized build's first search.
LOAD_SECONDS = 120


def gone(element):
    """Whether `element`'s page has gone. Chromium may say so with a
    StaleElementReferenceException or with another WebDriverException ("Node
    with given id does not belong to the document"), which Selenium's
    staleness_of lets through."""
    try:
        element.is_enabled()
        return False
    except WebDriverException:
        return True


def navigate(driver, action):
    """Runs `action`, which leaves the page (a submit, a click), and waits
    for the next page to load: Selenium returns from a key or a click before
    the page it asks for has come."""
    old = driver.find_element(By.TAG_NAME, "html")
    action()
    wait = WebDriverWait(driver, LOAD_SECONDS)
    wait.until(lambda _: gone(old))
    wait.until(lambda d: d.execute_script("return document.readyState") == "complete")


def a_cited_pair(cable, pages):
    """A cable of the pages whose REF list cites another of them."""
    out = subprocess.run([cable, "parse", "--json", pages], capture_output=True, text=True).stdout
    cables = [json.loads(line) for line in out.splitlines() if line.strip()]
    ids = {c["id"] for c in cables}
    for c in cables:
        refs = [r["id"] for r in c.get("references", []) if r.get("id")]
        if refs and refs[0] in ids:
            return c["id"], refs[0]
    return None


def run(driver, base, artifacts, pair):
    driver.get(base + "/")
    box = driver.find_element(By.NAME, "q")
    navigate(driver, lambda: box.send_keys("tag:KTIP", Keys.ENTER))
    check("match" in status_text(driver), "tag:KTIP answers: " + status_text(driver))
    check("Trafficking in Persons" in driver.page_source, "KTIP's meaning is shown")
    shot(driver, artifacts, "1-search")
    before = status_text(driver)
    facet = driver.find_element(By.CSS_SELECTOR, "aside a:not(.on)")
    navigate(driver, facet.click)
    after = status_text(driver)
    check(after != before and "tag:KTIP" in driver.find_element(By.NAME, "q").get_attribute("value"),
          "a facet narrows the search: %r -> %r" % (before, after))
    shot(driver, artifacts, "2-facet")
    driver.get(base + "/search?q=tag:PREL")
    bars = driver.find_elements(By.CSS_SELECTOR, ".histogram a")
    check(len(bars) > 3, "the histogram has bars")
    if bars:
        navigate(driver, lambda: driver.execute_script(
            "arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", bars[-1]))
        check("date:" in driver.find_element(By.NAME, "q").get_attribute("value"),
              "a bar narrows the dates: " + driver.current_url)
        shot(driver, artifacts, "3-histogram")
    if pair:
        citing, cited = pair
        driver.get(base + "/cable/" + citing)
        check(driver.find_elements(By.ID, "p1") or driver.find_elements(By.ID, "o1"),
              "the cable page has paragraph anchors")
        shot(driver, artifacts, "4-cable")
        navigate(driver, driver.find_element(By.CSS_SELECTOR, 'a[href="/cable/%s"]' % cited).click)
        check(cited in driver.title, "the first reference opens " + cited)
        shot(driver, artifacts, "5-reference")
        navigate(driver,
                 driver.find_element(By.CSS_SELECTOR, 'aside a[href="/cable/%s"]' % citing).click)
        check(citing in driver.title, "back through cited by to " + citing)
    driver.get(base + "/search?q=trafficking")
    link = driver.find_element(By.LINK_TEXT, "CSV").get_attribute("href")
    with urllib.request.build_opener(urllib.request.ProxyHandler({})).open(link) as r:
        csv = r.read().decode()
    check(csv.startswith("cable,paragraph,") and len(csv.splitlines()) > 1, "CSV export")
    # On a phone: one column, nothing wider than the screen.
    driver.set_window_size(390, 844)
    for path in ("/search?q=tag:PREL", "/cable/" + (pair[0] if pair else "09PARIS999")):
        driver.get(base + path)
        wide = driver.execute_script(
            "return document.documentElement.scrollWidth - window.innerWidth")
        check(wide <= 1, "%s fits a phone's width (%d px too wide)" % (path, wide))
    shot(driver, artifacts, "7-phone")
    driver.set_window_size(1280, 1000)
    driver.get(base + "/cable/09PARIS999")
    shot(driver, artifacts, "6-hostile")
    try:
        driver.switch_to.alert
        alerted = True
    except NoAlertPresentException:
        alerted = False
    injected = driver.execute_script(
        "return document.querySelectorAll('script, img, iframe, [onerror], [onclick]').length")
    check(not alerted and driver.title != "pwned" and injected == 0,
          "the hostile cable runs nothing (title %r, %d elements)" % (driver.title, injected))
    check("<script>" in driver.find_element(By.TAG_NAME, "body").text,
          "its markup is shown as text")


def main():
    cable, shared, artifacts = sys.argv[1:4]
    pages = os.path.join(shared, "cablegate-html")
    if not os.path.isdir(pages):
        print("skipped: %s is absent" % pages)
        return SKIP
    os.makedirs(artifacts, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="browser-") as tmp:
        extra = os.path.join(tmp, "extra")
        os.makedirs(extra)
        pathlib.Path(extra, "09PARIS999.txt").write_text(HOSTILE, encoding="utf-8")
        db = os.path.join(tmp, "db")
        subprocess.run([cable, "index", "--db", db, pages, extra], check=True, capture_output=True)
        try:
            driver = browser()
        except WebDriverException as e:
            print("skipped: Chromium cannot run here: %s" % str(e).splitlines()[0])
            return SKIP
        server = Server(cable, db)
        try:
            run(driver, server.base, artifacts, a_cited_pair(cable, pages))
        finally:
            driver.quit()
            server.stop()
    print("%d failure(s); screenshots in %s" % (len(failures), artifacts))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
