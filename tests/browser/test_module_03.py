"""Module 03 in Voilà: name the barrier in a parent's quote, see the report's reading, and
find the choice again after a page reload (the werkmap lives outside the kernel)."""

import pytest

from .conftest import PAGE_TIMEOUT_MS, assert_no_errors_shown, open_module

pytestmark = pytest.mark.browser

NOTEBOOK = "03_drempels.ipynb"
CARD = ".ss-drempel-kiezen"
CHOICE = "Tijd en mogelijkheden tot ontmoeting"


def _checkbox(page):
    card = page.locator(CARD).first
    return card.locator(".ss-drempel-vinkje", has_text=CHOICE).locator("input[type=checkbox]")


def test_pick_barrier_and_keep_it_after_reload(page, problems, voila_base_url):
    open_module(page, voila_base_url, NOTEBOOK)
    box = _checkbox(page)
    box.wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    assert not box.is_checked()
    box.check()
    card = page.locator(CARD).first
    card.locator(".ss-knop-bekijk").click()
    feedback = card.locator(".ss-terugkoppeling")
    feedback.wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    text = feedback.inner_text()
    assert "Het rapport plaatst dit citaat" in text and "fout" not in text.lower()
    assert_no_errors_shown(page)

    open_module(page, voila_base_url, NOTEBOOK)
    box = _checkbox(page)
    box.wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    assert box.is_checked()
    assert page.locator(CARD).first.locator(".ss-terugkoppeling").is_visible()
    others = problems.relevant()
    assert others == [], others
