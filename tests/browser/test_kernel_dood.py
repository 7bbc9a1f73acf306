"""Nothing typed is lost when the page's kernel dies (issue 14).

Kill the kernel of an open page, keep typing: the page says "Niet bewaard" instead of
"Bewaard ✓" and the browser keeps the text; reload (the page gets a new kernel): the text is
back in its box, saved in the werkmap, and the page says it was restored. And an upload batch
with a file above the limit: that file gets its own message, the good file is added.
"""

from __future__ import annotations

import json
import os
import signal
import time

import psutil
import pytest

from .conftest import PAGE_TIMEOUT_MS, assert_no_errors_shown, open_module, wait_saved

pytestmark = pytest.mark.browser

NOTEBOOK = "01_gelijke_kansen.ipynb"
MODULE = NOTEBOOK.removesuffix(".ipynb")
TEXTAREA = ".ss-reflectie textarea"
VOOR = "Ik neem mee dat ouders de school willen vertrouwen."
NA = VOOR + " Dit typte ik toen de kernel al weg was."


def _type(page, locator, text: str) -> None:
    locator.fill(text[:-1])
    locator.press(text[-1])


def _kernel_van_de_pagina(page, server) -> psutil.Process:
    kernel_id = json.loads(page.locator("#jupyter-config-data").text_content())["kernelId"]
    for child in psutil.Process(server.pid).children(recursive=True):
        try:
            if kernel_id in " ".join(child.cmdline()):
                return child
        except psutil.Error:
            continue
    raise AssertionError(f"geen kernelproces voor {kernel_id}")


def _opgeslagen(page) -> dict:
    return page.evaluate("() => Object.fromEntries(Object.entries(localStorage)"
                         ".filter(([k]) => k.startsWith('samenschool:onbewaard:')))")


def test_killed_kernel_loses_nothing_typed(page, problems, voila_server, voila_werkmap):
    open_module(page, voila_server.url, NOTEBOOK)
    box = page.locator(TEXTAREA).first
    box.wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    _type(page, box, VOOR)
    wait_saved(voila_werkmap, MODULE, lambda answers: VOOR in json.dumps(answers, ensure_ascii=False))
    page.locator(".ss-reflectie .ss-bewaard").first.wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)

    kernel = _kernel_van_de_pagina(page, voila_server)
    os.kill(kernel.pid, signal.SIGKILL)
    started = time.monotonic()
    warning = page.locator("#ss-verbinding", has_text="Niet bewaard")
    warning.wait_for(state="visible", timeout=20_000)
    noticed_after = time.monotonic() - started
    assert noticed_after < 15, f"de pagina merkte de dode kernel pas na {noticed_after:.1f} s"
    # no "Bewaard ✓" is left on the page
    assert "Bewaard ✓" not in page.inner_text("#rendered_cells")
    page.screenshot(path=os.path.join(os.environ.get("SAMENSCHOOL_SCREENSHOTS", "/tmp"), "kernel-dood.png"))

    _type(page, box, NA)
    kept = _opgeslagen(page)
    assert any(NA in json.dumps(v, ensure_ascii=False) for v in kept.values()), kept
    # the dead kernel saved nothing
    assert NA not in json.dumps(Werkmap_load(voila_werkmap), ensure_ascii=False)

    # a reload gives the page a new kernel: the text comes back and is saved
    open_module(page, voila_server.url, NOTEBOOK)
    page.locator("#ss-verbinding", has_text="Hersteld").wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    wait_saved(voila_werkmap, MODULE, lambda answers: NA in json.dumps(answers, ensure_ascii=False))
    assert page.locator(TEXTAREA).first.input_value() == NA
    assert _opgeslagen(page) == {}, "de browser houdt bewaarde tekst niet langer bij"
    page.screenshot(path=os.path.join(os.environ.get("SAMENSCHOOL_SCREENSHOTS", "/tmp"), "kernel-hersteld.png"))
    assert_no_errors_shown(page)
    # the killed kernel's websocket errors are expected; nothing else may go wrong
    others = [p for p in problems.relevant() if "WebSocket" not in p and "/api/kernels/" not in p]
    assert others == [], others


def Werkmap_load(folder) -> dict:
    from samenschool.werkmap import Werkmap

    return Werkmap(folder).load(MODULE)


def test_upload_batch_with_a_file_above_the_limit(page, problems, voila_server, voila_werkmap):
    """The page never sends a file above the stated limit (it would break the connection); that
    file gets its own message, the good file beside it is added."""
    from samenschool.werkmap import Werkmap
    from samenschool.widgets.teamkaart import MAX_BESTAND, TeamKaart

    kaart = TeamKaart(Werkmap(voila_werkmap))
    goed = kaart.member_bytes("Zorg 7", {i: 3 for i in kaart.drempel_ids})
    open_module(page, voila_server.url, "03_drempels.ipynb")
    upload = page.locator(".ss-teamkaart .ss-upload").first
    upload.wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    assert "hoogstens 100 kB" in page.locator(".ss-teamkaart").first.inner_text()
    with page.expect_file_chooser() as chooser:  # the widget's file input is not in the page
        upload.click()
    chooser.value.set_files([
        {"name": "goed.json", "mimeType": "application/json", "buffer": goed},
        {"name": "groot.json", "mimeType": "application/json", "buffer": b"{" + b" " * (MAX_BESTAND * 3) + b"}"},
    ])
    page.locator(".ss-upload-meldingen", has_text="‘groot.json’ is te groot (300 kB)").wait_for(
        state="visible", timeout=PAGE_TIMEOUT_MS)
    page.locator(".ss-teamkaart .ss-knop-samenvoegen").first.click()
    page.locator(".ss-teamkaart", has_text="‘goed.json’ toegevoegd als Zorg 7").first.wait_for(
        state="visible", timeout=PAGE_TIMEOUT_MS)
    page.screenshot(path=os.path.join(os.environ.get("SAMENSCHOOL_SCREENSHOTS", "/tmp"), "upload-te-groot.png"),
                    full_page=False)
    assert "Zorg 7" in json.dumps(Werkmap(voila_werkmap).load("03_drempels"), ensure_ascii=False)
    assert_no_errors_shown(page)
    assert problems.relevant() == [], problems.relevant()


def _alleen_lezen(folder, aan: bool) -> bool:
    """Make the werkmap folder read-only (also for root: the immutable flag) or writable again.
    Returns whether writing into it now fails as wanted."""
    import subprocess

    if aan:
        if subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode != 0:
            os.chmod(folder, 0o555)
    else:
        subprocess.run(["chattr", "-i", str(folder)], capture_output=True)
        os.chmod(folder, 0o755)
    probe = folder / ".probe"
    try:
        probe.write_text("x")
        probe.unlink()
        return not aan
    except OSError:
        return aan


def test_read_only_werkmap_keeps_the_text_and_saves_it_later(page, problems, voila_server, voila_werkmap):
    """A werkmap that cannot be written: the page says so truthfully, the text stays on the page
    and in the browser; once the werkmap is writable again, a reload saves it."""
    open_module(page, voila_server.url, NOTEBOOK)
    box = page.locator(TEXTAREA).first
    box.wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    _type(page, box, VOOR)
    wait_saved(voila_werkmap, MODULE, lambda answers: VOOR in json.dumps(answers, ensure_ascii=False))
    tekst = VOOR + " Dit typte ik toen de werkmap alleen-lezen was."
    if not _alleen_lezen(voila_werkmap, True):
        _alleen_lezen(voila_werkmap, False)
        pytest.fail("de werkmap kon niet alleen-lezen gemaakt worden (chattr of chmod)")
    try:
        _type(page, box, tekst)
        melding = page.locator(".ss-reflectie .ss-niet-bewaard").first
        melding.wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
        assert "kan niet schrijven in je werkmap" in melding.inner_text()
        assert "niet verloren" not in page.inner_text("#rendered_cells")  # the old, untrue message
        assert box.input_value() == tekst
        page.wait_for_function("(want) => Object.values(localStorage).some(v => v.includes(want))",
                               arg="alleen-lezen was.", timeout=10_000)
        page.screenshot(path=os.path.join(os.environ.get("SAMENSCHOOL_SCREENSHOTS", "/tmp"), "werkmap-alleen-lezen.png"))
    finally:
        _alleen_lezen(voila_werkmap, False)
    open_module(page, voila_server.url, NOTEBOOK)
    page.locator("#ss-verbinding", has_text="Hersteld").wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    wait_saved(voila_werkmap, MODULE, lambda answers: tekst in json.dumps(answers, ensure_ascii=False))
    assert _opgeslagen(page) == {}
    assert_no_errors_shown(page)
    assert problems.relevant() == [], problems.relevant()


def test_server_that_dies_loses_nothing_typed(page, voila_server):
    """The whole server stops (a closed laptop lid, a crash): the page says so within seconds and
    keeps the text; a new server on the same address saves it after a reload."""
    import subprocess
    import tempfile
    from pathlib import Path

    from samenschool import app

    werkmap = Path(tempfile.mkdtemp(prefix="samenschool-server-dood-"))
    port = app.free_port()
    env = {**app.server_env(), "SAMENSCHOOL_WERKMAP": str(werkmap)}

    def start():
        proc = subprocess.Popen(app.voila_command(port), env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)
        app.wait_until_up(f"http://127.0.0.1:{port}/voila/render/{app.START_PAGE}", proc, timeout=120)
        return proc

    def stop(proc, sig=signal.SIGTERM):
        os.killpg(proc.pid, sig)
        proc.wait(timeout=30)

    base = f"http://127.0.0.1:{port}"
    proc = start()
    try:
        open_module(page, base, NOTEBOOK)
        box = page.locator(TEXTAREA).first
        box.wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
        _type(page, box, VOOR)
        wait_saved(werkmap, MODULE, lambda answers: VOOR in json.dumps(answers, ensure_ascii=False))
        stop(proc, signal.SIGKILL)
        started = time.monotonic()
        page.locator("#ss-verbinding", has_text="Niet bewaard").wait_for(state="visible", timeout=30_000)
        assert time.monotonic() - started < 20
        _type(page, box, NA)
        assert any(NA in json.dumps(v, ensure_ascii=False) for v in _opgeslagen(page).values())
        proc = start()
        open_module(page, base, NOTEBOOK)
        page.locator("#ss-verbinding", has_text="Hersteld").wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
        wait_saved(werkmap, MODULE, lambda answers: NA in json.dumps(answers, ensure_ascii=False))
    finally:
        if proc.poll() is None:
            stop(proc)
