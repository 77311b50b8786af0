"""End to end in headless Chromium (Debian's chromium + chromium-driver, see browser_fixtures):
search → entity page → a neighbour → its evidence and source file → the document page; the graph
canvas drawn; a query from the URL showing labels; no console errors; no request to anything but
the server on 127.0.0.1. Screenshots are kept in build/test-artifacts/browser/."""
from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from PIL import Image
from selenium.webdriver import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as ready
from selenium.webdriver.support.ui import WebDriverWait

from tests.browser_fixtures import chromium, console_errors, requested_hosts
from tests.server_fixtures import REPO, live_server

pytestmark = pytest.mark.xdist_group("browser")
ARTIFACTS = REPO / "build" / "test-artifacts" / "browser"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    store = tmp_path_factory.mktemp("browse") / "store"
    subprocess.run([str(Path(sys.executable).with_name("kg")), "build", str(REPO / "examples"), "--store", str(store)],
                   check=True, capture_output=True)
    with live_server(store) as running:
        yield running


@pytest.fixture(scope="module")
def browser():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with chromium() as driver:
        yield driver


def wait(driver, condition, timeout=20):
    return WebDriverWait(driver, timeout).until(condition)


def shot(driver, name: str) -> None:
    driver.save_screenshot(str(ARTIFACTS / f"{name}.png"))


def check_clean(driver) -> None:
    assert console_errors(driver) == []
    assert requested_hosts(driver) <= {"127.0.0.1"}


def colours_in(png: bytes) -> int:
    return len(Image.open(io.BytesIO(png)).convert("RGB").getcolors(maxcolors=1 << 16) or [])


def test_search_entity_neighbour_evidence_and_document(server, browser):
    browser.get(server.base + "/")
    box = browser.find_element(By.NAME, "q")
    box.send_keys("江苏", Keys.ENTER)  # the keyboard is enough
    first = wait(browser, ready.element_to_be_clickable((By.CSS_SELECTOR, ".hits a.entity")))
    assert first.text == "江苏省"
    shot(browser, "1-search")
    first.click()

    wait(browser, ready.text_to_be_present_in_element((By.TAG_NAME, "h1"), "江苏省"))
    graph = browser.find_element(By.ID, "graph")
    wait(browser, lambda d: int(graph.get_attribute("data-nodes") or 0) > 1)
    assert browser.find_elements(By.CSS_SELECTOR, "#graph canvas")
    assert colours_in(graph.screenshot_as_png) > 20, "the graph canvas is blank"
    evidence = browser.find_element(By.CSS_SELECTOR, ".fact .evidence")
    assert evidence.find_element(By.CSS_SELECTOR, "mark.head").text in ("江苏省", "江苏", "苏")
    assert evidence.find_element(By.CSS_SELECTOR, "a.source").text.startswith("来源：01-yangtze-delta-nev.txt")
    shot(browser, "2-entity")
    check_clean(browser)

    neighbour = browser.find_element(By.CSS_SELECTOR, ".fact a.entity")
    name = neighbour.text
    neighbour.click()
    wait(browser, ready.text_to_be_present_in_element((By.TAG_NAME, "h1"), name))
    source = wait(browser, ready.visibility_of_element_located((By.CSS_SELECTOR, ".evidence a.source")))
    assert browser.find_element(By.CSS_SELECTOR, ".evidence .sentence").text.strip()
    shot(browser, "3-neighbour")
    source.click()
    wait(browser, ready.text_to_be_present_in_element((By.CSS_SELECTOR, ".metadata"), ".txt"))
    assert browser.find_elements(By.CSS_SELECTOR, ".doc-facts mark.head")
    shot(browser, "4-document")
    check_clean(browser)


def test_clicking_a_graph_node_opens_its_page(server, browser):
    browser.get(server.base + "/id/region/" + quote("江苏省"))
    graph = browser.find_element(By.ID, "graph")
    wait(browser, lambda d: int(graph.get_attribute("data-nodes") or 0) > 1)
    url, x, y = browser.execute_script("""
        const renderer = arguments[0].renderer, graph = renderer.getGraph();
        const node = graph.findNode((key, attributes) => attributes.hop === 1);
        const at = renderer.graphToViewport(graph.getNodeAttributes(node));
        return [graph.getNodeAttribute(node, "url"), at.x, at.y];""", graph)
    ActionChains(browser).move_to_element_with_offset(
        graph, int(x - graph.size["width"] / 2), int(y - graph.size["height"] / 2)).click().perform()
    wait(browser, lambda d: d.current_url.endswith(url))
    check_clean(browser)


def test_query_from_the_url_runs_and_shows_labels(server, browser):
    query = ("PREFIX kg: <https://w3id.org/kgcn/ontology#>\n"
             "SELECT DISTINCT ?region ?industry WHERE { ?region kg:develops ?industry } LIMIT 10")
    browser.get(server.base + "/?query=" + quote(query))
    wait(browser, ready.presence_of_element_located((By.CSS_SELECTOR, "table.results a.entity")))
    links = browser.find_elements(By.CSS_SELECTOR, "table.results a.entity")
    assert links and all(not link.text.startswith("http") for link in links)
    assert all(link.get_attribute("title").startswith("https://w3id.org/kgcn/id/") for link in links)
    assert "kg:develops" in browser.find_element(By.CSS_SELECTOR, ".CodeMirror").text
    shot(browser, "5-query")
    check_clean(browser)


def test_upload_from_the_query_page_with_the_token_links_the_document(server, browser, tmp_path):
    upload = tmp_path / "量子.txt"
    upload.write_text("安徽省合肥市大力发展量子信息产业。", encoding="utf-8")
    browser.get(server.base + "/")
    browser.find_element(By.CSS_SELECTOR, ".tools details:nth-of-type(2) summary").click()
    form = browser.find_element(By.ID, "upload-form")
    form.find_element(By.NAME, "file").send_keys(str(upload))
    form.find_element(By.NAME, "token").send_keys(server.token)
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait(browser, ready.text_to_be_present_in_element((By.ID, "upload-status"), "已链接"))
    assert "量子.txt" in browser.find_element(By.ID, "upload-report").text
    shot(browser, "6-upload")
    check_clean(browser)
    browser.get(server.base + "/search?q=" + quote("合肥"))
    assert "合肥" in browser.find_element(By.CSS_SELECTOR, ".hits").text
