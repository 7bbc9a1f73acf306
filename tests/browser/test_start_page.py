"""The start page renders in Voilà: title, no error text, no failed request (offline)."""

import pytest

from .conftest import assert_no_errors_shown, open_module

pytestmark = pytest.mark.browser


def test_start_page_renders_offline(page, problems, voila_base_url):
    open_module(page, voila_base_url, "00_start.ipynb")
    assert "Samen School Maken" in page.inner_text("h1")
    assert_no_errors_shown(page)
    assert problems.relevant() == [], problems.relevant()
    # the kit's stylesheet is served from the local template, not from a CDN
    css = page.evaluate("() => [...document.styleSheets].map(s => s.href).filter(Boolean)")
    assert any(href.endswith("samenschool.css") for href in css), css
    assert not any("cdn" in href for href in css), css


def test_leaving_a_page_frees_its_kernel(page, problems, voila_server):
    """A class reloads pages all session: kernels of left pages must not pile up."""
    open_module(page, voila_server.url, "00_start.ipynb")
    baseline = voila_server.kernel_count()
    for _ in range(3):
        open_module(page, voila_server.url, "00_start.ipynb")
    page.wait_for_timeout(1500)
    assert voila_server.kernel_count() <= baseline
    page.goto("about:blank")
    page.wait_for_timeout(2000)
    assert voila_server.kernel_count() < baseline
    assert problems.relevant() == [], problems.relevant()
