"""The facilitator guide from the kit: the start page links to it, the same server renders the
Markdown as a readable page (not raw, no 403), its table of contents and links work, and the
rubrics and model answers sit on a separate page marked for facilitators."""

from __future__ import annotations

import json

import pytest

from samenschool.paths import repo_root

from .conftest import PAGE_TIMEOUT_MS, assert_no_errors_shown, open_module

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def voila_base_url(tmp_path_factory):
    """This file's own server and werkmap (see eigen_server.py): its answers stay out of the
    werkmap that other browser tests check."""
    from .conftest import _require_chromium
    from .eigen_server import eigen_voila

    _require_chromium()
    with eigen_voila(tmp_path_factory.mktemp("werkmap")) as url:
        yield url


def _wait_rendered(page) -> None:
    page.wait_for_selector("#rendered_cells", state="visible", timeout=PAGE_TIMEOUT_MS)
    page.wait_for_function("() => !document.querySelector('#loading') || "
                           "getComputedStyle(document.querySelector('#loading')).display === 'none'",
                           timeout=PAGE_TIMEOUT_MS)


def test_start_page_leads_to_the_rendered_guide_and_the_facilitator_page(page, problems, voila_base_url):
    open_module(page, voila_base_url, "00_start.ipynb")
    link = page.get_by_role("link", name="gids voor begeleiders", exact=True)
    link.scroll_into_view_if_needed()
    link.click()
    page.wait_for_url("**/notebooks/gids.ipynb", timeout=PAGE_TIMEOUT_MS)
    _wait_rendered(page)
    gids = page.locator(".ss-gids")
    gids.wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    assert page.locator(".ss-gids h1", has_text="Gids voor begeleiders").count() == 1
    assert gids.locator("table").count() >= 3                      # Markdown tables rendered
    text = gids.inner_text()
    assert "|---" not in text and "](" not in text and "\n# " not in text   # no raw Markdown
    # every file of the guide for everyone is a section with its own id
    assert gids.locator("section.ss-gids-deel").count() == 11
    # the table of contents moves the page to the section
    page.locator(".ss-gids-inhoud a", has_text="Tips per module").click()
    page.wait_for_function("() => { const r = document.querySelector('#gids-per_module').getBoundingClientRect();"
                           " return r.top >= -2 && r.top < window.innerHeight / 2; }", timeout=PAGE_TIMEOUT_MS)
    assert_no_errors_shown(page)

    # the answers are one click away, clearly labelled, on their own page
    knop = page.locator(".ss-voor-begeleiders a")
    assert "Voor begeleiders" in knop.inner_text()
    knop.scroll_into_view_if_needed()
    knop.click()
    page.wait_for_url("**/notebooks/gids_begeleider.ipynb", timeout=PAGE_TIMEOUT_MS)
    _wait_rendered(page)
    page.locator(".ss-gids").wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    assert page.locator("#gids-rubrics h1").count() == 1
    assert page.locator("#gids-modeloplossingen-02_partnerschap_en_waarden").count() == 1
    assert "alleen voor de begeleider" in page.inner_text("#rendered_cells")
    assert_no_errors_shown(page)
    others = problems.relevant()
    assert others == [], others


def test_only_the_answers_page_is_marked_for_facilitators():
    """Room mode (issue 9) refuses pages marked ``begeleider`` to participants: the answers
    page carries the mark, the guide itself does not."""
    def meta(name):
        nb = json.loads((repo_root() / "notebooks" / name).read_text(encoding="utf-8"))
        return nb["metadata"].get("samenschool", {})

    assert meta("gids_begeleider.ipynb").get("begeleider") is True
    assert not meta("gids.ipynb").get("begeleider")


def test_the_terminal_shows_no_warnings_a_facilitator_cannot_act_on(page, voila_base_url):
    """What `make start` prints while pages open: no ipykernel TCP warning, no "Notebook … is
    not trusted", no tornado ping-timeout notice (see share/jupyter/config/voila.py)."""
    import tempfile
    from pathlib import Path
    from urllib.parse import urlparse

    open_module(page, voila_base_url, "00_start.ipynb")
    open_module(page, voila_base_url, "gids.ipynb")
    page.wait_for_timeout(1000)
    log = Path(tempfile.gettempdir()) / f"samenschool-voila-{urlparse(voila_base_url).port}.log"
    text = log.read_text(encoding="utf-8", errors="replace")
    for noise in ("without encryption", "is not trusted", "websocket_ping_timeout", "DeprecationWarning"):
        assert noise not in text, f"de terminal toont {noise!r}:\n{text[-2000:]}"
