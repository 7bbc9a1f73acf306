"""Exercises open as pages next to the modules (Voilà serves the checkout), show no error,
and keep a typed answer after a reload."""

import pytest

from samenschool.paths import repo_root

from .conftest import PAGE_TIMEOUT_MS, assert_no_errors_shown, open_module, wait_saved

pytestmark = pytest.mark.browser
EXERCISES = sorted(p.name for p in (repo_root() / "exercises").glob("[0-9][0-9]_*.ipynb"))


def test_every_exercise_opens_without_errors(page, problems, voila_base_url):
    assert len(EXERCISES) >= 4
    for name in EXERCISES:
        open_module(page, voila_base_url, f"exercises/{name}")
        page.locator(".ss-reflectie textarea").first.wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
        assert_no_errors_shown(page)
    assert problems.relevant() == [], problems.relevant()


def test_the_start_page_leads_to_an_exercise_and_the_answer_stays(page, problems, voila_base_url, voila_werkmap):
    open_module(page, voila_base_url, "00_start.ipynb")
    page.locator("a[href='../exercises/01_casusanalyse.ipynb']").click()
    page.wait_for_url("**/exercises/01_casusanalyse.ipynb", timeout=PAGE_TIMEOUT_MS)
    page.wait_for_selector("#rendered_cells", state="visible", timeout=PAGE_TIMEOUT_MS)
    area = page.locator(".ss-reflectie textarea").first
    area.wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    text = "Betaalbaarheid en schaamte."
    area.fill(text[:-1])
    area.press(text[-1])
    wait_saved(voila_werkmap, "oefening_01_casusanalyse", lambda answers: text in answers.values())
    open_module(page, voila_base_url, "exercises/01_casusanalyse.ipynb")
    area = page.locator(".ss-reflectie textarea").first
    area.wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    assert area.input_value() == text
    assert problems.relevant() == [], problems.relevant()
