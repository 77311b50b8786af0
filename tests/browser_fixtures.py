"""Headless Chromium driven by selenium, from Debian's ``chromium`` and ``chromium-driver``: no
driver download (the driver path is given), no usage statistics (SE_AVOID_STATS), no request
of the browser's own (background networking, component updates and first-run tasks are off).
WebGL runs on SwiftShader, so sigma.js draws without a GPU."""
from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlparse

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-default-apps", "--disable-sync",
         "--enable-unsafe-swiftshader", "--use-angle=swiftshader", "--window-size=1366,900", "--lang=zh-CN")


@contextmanager
def chromium() -> Iterator[webdriver.Chrome]:
    os.environ["SE_AVOID_STATS"] = "true"
    with tempfile.TemporaryDirectory(prefix="kg-chromium-") as profile:
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for flag in (*FLAGS, f"--user-data-dir={profile}"):
            options.add_argument(flag)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
        driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
        try:
            yield driver
        finally:
            driver.quit()


def console_errors(driver: webdriver.Chrome) -> list[str]:
    """The console messages at level SEVERE since the last call."""
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def requested_hosts(driver: webdriver.Chrome) -> set[str]:
    """Hosts of every network request made since the last call."""
    hosts = set()
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            url = urlparse(message["params"]["request"]["url"])
            if url.scheme in ("http", "https", "ws", "wss", "ftp"):  # not data:, blob:, chrome-…: pages
                hosts.add(url.hostname)
    return hosts
