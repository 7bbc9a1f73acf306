"""The page "Stemmen" in Chromium: search, filter, keep two quotes, reload, print cards."""

from __future__ import annotations

import base64
import re
from pathlib import Path

import pytest

from samenschool import stemmen
from tests.browser.conftest import assert_no_errors_shown, open_module, wait_saved

pytestmark = pytest.mark.browser

SCHERMAFDRUKKEN = Path(__file__).parent.parent.parent / "build" / "screenshots"


def _zichtbare_ids(page) -> list[str]:
    return page.eval_on_selector_all(".ss-stemmen-lijst .ss-stem", "els => els.map(e => e.dataset.citaat)")


def _wacht_op_aantal(page, tekst: str) -> None:
    page.wait_for_function("(t) => (document.querySelector('.ss-stemmen-aantal') || {}).innerText?.includes(t)",
                           arg=tekst)


def _kies(page, frame, filter_naam: str, waarde: str) -> None:
    """Choose a filter value by its position in the options the page was built from."""
    index = [v for _label, v in stemmen.opties(frame)[filter_naam]].index(waarde)
    page.locator(f".ss-stemmen-{filter_naam} select").select_option(index=index)


def test_zoeken_filteren_bewaren_herladen_en_kaarten(page, voila_base_url, voila_werkmap, problems):
    frame = stemmen.tabel()
    open_module(page, voila_base_url, "stemmen.ipynb")
    page.wait_for_selector(".ss-stemmen-lijst .ss-stem")
    _wacht_op_aantal(page, f"alle {len(frame)} citaten")
    assert len(frame) == 118 and _zichtbare_ids(page) == list(frame["id"])[:20]
    page.locator(".ss-stemmen-meer").click()
    page.wait_for_function("() => document.querySelectorAll('.ss-stemmen-lijst .ss-stem').length === 40")
    assert _zichtbare_ids(page) == list(frame["id"])[:40]
    assert_no_errors_shown(page)
    SCHERMAFDRUKKEN.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCHERMAFDRUKKEN / "stemmen_start.png"))

    # search by a word: exactly the rows the data layer finds
    zoek = page.locator(".ss-stemmen-zoek input")
    zoek.fill("schoolpoort")
    verwacht = list(stemmen.zoek(frame, "schoolpoort")["id"])
    _wacht_op_aantal(page, f"Je ziet {len(verwacht)} van de")
    assert _zichtbare_ids(page) == verwacht and len(verwacht) >= 5

    # add a filter: speaker = focus group
    _kies(page, frame, "spreker", "focusgroep")
    verwacht = list(stemmen.zoek(frame, "schoolpoort", spreker="focusgroep")["id"])
    _wacht_op_aantal(page, f"Je ziet {len(verwacht)} van de")
    assert _zichtbare_ids(page) == verwacht and verwacht
    page.locator(".ss-stemmen-filters").scroll_into_view_if_needed()
    page.evaluate("() => document.querySelector('.ss-stemmen-filters').scrollIntoView()")
    page.screenshot(path=str(SCHERMAFDRUKKEN / "stemmen_gefilterd.png"))

    # clear, then filter on a barrier only
    page.locator(".ss-stemmen-wis").click()
    _wacht_op_aantal(page, "alle 118 citaten")
    _kies(page, frame, "drempel", "taal")
    verwacht = list(stemmen.zoek(frame, drempel="taal")["id"])
    _wacht_op_aantal(page, f"Je ziet {len(verwacht)} van de")
    assert _zichtbare_ids(page) == verwacht == ["C090", "C091"]

    # keep two quotes
    for cid in verwacht:
        page.locator(f".ss-bewaar-{cid} input[type=checkbox]").check()
    wait_saved(voila_werkmap, "stemmen", lambda a: a.get("bewaard") == ["C090", "C091"])
    page.wait_for_function("() => document.querySelector('.ss-stemmen-bewaard').innerText"
                           ".includes('Je bewaarde 2 citaten: C090, C091')")

    # reload: the two are still kept
    open_module(page, voila_base_url, "stemmen.ipynb")
    page.wait_for_selector(".ss-stemmen-lijst .ss-stem")
    assert "Je bewaarde 2 citaten: C090, C091" in page.inner_text(".ss-stemmen-bewaard")
    assert not page.locator(".ss-bewaar-C001 input[type=checkbox]").is_checked()
    _kies(page, frame, "drempel", "taal")
    page.wait_for_selector(".ss-bewaar-C091 input[type=checkbox]")
    for cid in ("C090", "C091"):
        assert page.locator(f".ss-bewaar-{cid} input[type=checkbox]").is_checked()

    # print cards of the kept quotes
    page.locator(".ss-stemmen-kaarten").click()
    link = page.locator(".ss-stemmen-download a[download]")
    link.wait_for()
    assert "2 kaarten, 1 blad A4" in link.inner_text()
    href = link.get_attribute("href")
    html = base64.b64decode(href.split("base64,", 1)[1]).decode("utf-8")
    assert re.findall(r'data-citaat="(C\d{3})"', html) == ["C090", "C091"]
    assert "@page { size: A4" in html and "105mm" in html
    page.locator(".ss-stemmen-kaarten").scroll_into_view_if_needed()
    page.screenshot(path=str(SCHERMAFDRUKKEN / "stemmen_kaarten_knop.png"))
    assert_no_errors_shown(page)
    assert problems.relevant() == []

    # the card page prints on A4: one sheet for two cards, each card A6
    kaarten = page.context.new_page()
    kaarten.set_content(html)
    kaarten.screenshot(path=str(SCHERMAFDRUKKEN / "stemmen_kaarten.png"), full_page=True)
    pdf = kaarten.pdf(format="A4", print_background=True, prefer_css_page_size=True)
    assert pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page\r") + len(re.findall(rb"/Type\s*/Page[^s]", pdf)) >= 1
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
    maat = kaarten.eval_on_selector(".kaart", "e => [e.getBoundingClientRect().width, e.getBoundingClientRect().height]")
    mm = 96 / 25.4  # CSS pixels per millimetre
    assert abs(maat[0] / mm - 105) < 1 and abs(maat[1] / mm - 148.5) < 1
    # every one of the 118 quotes fits on its card (nothing cut off by the A6 frame)
    kaarten.set_content(stemmen.kaarten_html(frame, list(frame["id"])))
    te_lang = kaarten.eval_on_selector_all(
        ".kaart", "els => els.filter(e => e.scrollHeight > e.clientHeight + 1).map(e => e.dataset.citaat)")
    assert te_lang == []
    assert kaarten.locator(".vel").count() == 30  # 118 cards, four per sheet
    kaarten.close()
