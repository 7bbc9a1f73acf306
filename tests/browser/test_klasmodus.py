"""Classroom mode (`samenschool start --netwerk`): every participant's browser keeps its own
answers. Two browsers on another address than localhost (127.0.0.2, still this machine)
answer the same question; each sees only its own answer after a reload."""

import os
import signal
import subprocess
import tempfile
from pathlib import Path

import pytest

from samenschool import app
from samenschool.werkmap import Werkmap

from .conftest import PAGE_TIMEOUT_MS, open_module, wait_saved

pytestmark = pytest.mark.browser
HOST = "127.0.0.2"  # loopback, but not "localhost": the page treats it as a participant's browser


@pytest.fixture(scope="module")
def klas_server(browser_type_launch_args):
    werkmap = Path(tempfile.mkdtemp(prefix="samenschool-klas-"))
    port = app.free_port(host=HOST)
    env = app.server_env(klas=True)
    env["SAMENSCHOOL_WERKMAP"] = str(werkmap)
    log = open(Path(tempfile.gettempdir()) / f"samenschool-klas-{port}.log", "w")
    proc = subprocess.Popen(app.voila_command(port, HOST, klas=True), env=env, stdout=log,
                            stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://{HOST}:{port}"
    try:
        app.wait_until_up(f"{url}/voila/render/{app.START_PAGE}", proc, timeout=120)
        yield url, werkmap
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=15)
        log.close()


def _answer(browser, url: str, text: str):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    open_module(page, url, "02_partnerschap.ipynb")
    # the first visit sets the participant cookie and loads the page once more
    page.wait_for_function("() => document.cookie.includes('samenschool_deelnemer=')", timeout=PAGE_TIMEOUT_MS)
    open_module(page, url, "02_partnerschap.ipynb")
    area = page.locator(".ss-reflectie textarea").first
    area.wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    area.fill(text[:-1])
    area.press(text[-1])
    return context, page


def test_each_participant_keeps_own_answers(browser, klas_server):
    url, werkmap = klas_server
    ctx_a, page_a = _answer(browser, url, "Antwoord van deelnemer A.")
    ctx_b, page_b = _answer(browser, url, "Antwoord van deelnemer B.")
    folders = lambda: sorted(p for p in (werkmap / "deelnemers").iterdir() if p.is_dir())
    for text in ("Antwoord van deelnemer A.", "Antwoord van deelnemer B."):
        wait_saved(werkmap, "02_partnerschap", lambda _a: any(
            text in Werkmap(f).load("02_partnerschap").values() for f in folders()))
    assert len(folders()) == 2
    assert Werkmap(werkmap).modules() == []  # nothing in the shared folder

    open_module(page_a, url, "02_partnerschap.ipynb")
    area = page_a.locator(".ss-reflectie textarea").first
    area.wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    assert area.input_value() == "Antwoord van deelnemer A."
    ctx_a.close()
    ctx_b.close()
