"""Browser tests: Voilà pages in Debian's Chromium, driven by Playwright.

Without /usr/bin/chromium the tests skip with a clear message; when the CI variable is
set they fail instead (in CI they must run). Never `playwright install`: it downloads.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("SAMENSCHOOL_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
]
PAGE_TIMEOUT_MS = 90_000


def _require_chromium() -> None:
    if Path(CHROMIUM).exists():
        return
    message = (f"Chromium ontbreekt ({CHROMIUM}): browsertests overgeslagen. "
               "Installeer met: apt-get install chromium")
    if os.environ.get("CI"):
        pytest.fail("In CI moeten de browsertests lopen, maar " + message, pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    _require_chromium()
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_FLAGS, "headless": True}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1280, "height": 900}, "locale": "nl-BE",
            "accept_downloads": True}


@pytest.fixture(scope="session")
def voila_werkmap() -> Path:
    return Path(tempfile.mkdtemp(prefix="samenschool-browser-werkmap-"))


@pytest.fixture(scope="session")
def voila_base_url(voila_server):
    return voila_server.url


class VoilaServer:
    def __init__(self, url: str, pid: int):
        self.url, self.pid = url, pid

    def kernel_count(self) -> int:
        import psutil

        count = 0
        for child in psutil.Process(self.pid).children(recursive=True):
            try:  # a kernel that just ended can be a zombie for a moment: it no longer counts
                if child.status() != psutil.STATUS_ZOMBIE and "ipykernel" in " ".join(child.cmdline()):
                    count += 1
            except psutil.Error:
                pass
        return count


@pytest.fixture(scope="session")
def voila_server(voila_werkmap):
    """A Voilà server on a free port serving notebooks/ with the kit's template."""
    _require_chromium()
    from samenschool import app

    port = app.free_port()
    env = app.server_env()
    env["SAMENSCHOOL_WERKMAP"] = str(voila_werkmap)
    log = open(Path(tempfile.gettempdir()) / f"samenschool-voila-{port}.log", "w")
    proc = subprocess.Popen(app.voila_command(port), env=env, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        app.wait_until_up(app.probe_url(port), proc, timeout=120)  # a static file: starts no kernel
        yield VoilaServer(base, proc.pid)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
        log.close()


class PageProblems:
    """Console errors, page errors and failed requests seen while a test ran."""

    def __init__(self, page):
        self.items: list[str] = []
        page.on("console", lambda msg: msg.type == "error" and self.items.append(f"console: {msg.text}"))
        page.on("pageerror", lambda exc: self.items.append(f"pageerror: {exc}"))
        page.on("requestfailed", lambda req: self.items.append(f"requestfailed: {req.url} {req.failure}"))
        page.on("response", lambda resp: resp.status >= 400 and self.items.append(
            f"response {resp.status}: {resp.request.method} {resp.url}"))

    def relevant(self) -> list[str]:
        # Voilà bundles an older JupyterLab core; its version warnings are harmless (TECH-NOTES).
        # Leaving a page sends the kernel shutdown as a beacon; the browser stops watching it
        # when the page unloads (ERR_ABORTED) although the server gets it (see
        # test_leaving_a_page_frees_its_kernel). Any other failure, also a 403 on it, counts.
        return [p for p in self.items if "Unsatisfied version" not in p
                and not (p.startswith("requestfailed:") and "/voila/api/shutdown/" in p and "ERR_ABORTED" in p)]


@pytest.fixture
def problems(page) -> PageProblems:
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    return PageProblems(page)


def open_module(page, base_url: str, notebook: str) -> None:
    """Go to a module page and wait until Voilà has run every cell."""
    path = notebook if "/" in notebook else f"notebooks/{notebook}"  # modules live in notebooks/
    page.goto(f"{base_url}/voila/render/{path}", timeout=PAGE_TIMEOUT_MS)
    wacht_op_pagina(page)


def wacht_op_pagina(page) -> None:
    """Until Voilà has run every cell, and a page from a room's pool is filled in for its
    participant (the marker ``ss-klaar``, samenschool.widgets.plaatshouder)."""
    page.wait_for_selector("#rendered_cells", state="visible", timeout=PAGE_TIMEOUT_MS)
    page.wait_for_function("() => !document.querySelector('#loading') || "
                           "getComputedStyle(document.querySelector('#loading')).display === 'none'",
                           timeout=PAGE_TIMEOUT_MS)
    page.wait_for_function("() => !document.querySelector('.ss-verzoek') || "
                           "document.querySelector('.ss-verzoek.ss-klaar')", timeout=PAGE_TIMEOUT_MS)


def wait_saved(werkmap_dir: Path, module: str, check, timeout: float = 60.0) -> dict:
    """Poll the werkmap on disk (outside the kernel) until ``check(answers)`` holds.

    Waiting for the file, not for a message on the page, avoids racing the last keystroke's
    save when a test reloads right after typing."""
    import time

    from samenschool.werkmap import Werkmap

    deadline = time.monotonic() + timeout
    answers: dict = {}
    while time.monotonic() < deadline:
        answers = Werkmap(werkmap_dir).load(module)
        if check(answers):
            return answers
        time.sleep(0.2)
    raise AssertionError(f"niet bewaard in de werkmap ({module}): {answers}")


def assert_no_errors_shown(page) -> None:
    """No Python error text or Voilà error box on the page."""
    text = page.inner_text("body")
    for marker in ("Traceback", "Error:", "Exception", "There was an error when executing cell"):
        assert marker not in text, f"Foutmelding op de pagina: {marker!r}"
    assert page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").count() == 0


def pytest_collection_modifyitems(config, items):
    """A browser test that fails is run once more (pytest-rerunfailures) and reported as
    "rerun" in the summary: a real browser on a loaded 2-core machine sometimes misses a
    beat (seen once in ~15 full runs). A test that fails twice fails the build."""
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(pytest.mark.flaky(reruns=1, reruns_delay=2))
