"""Page building blocks: quotes with their source, time, navigation along the chosen route."""

from samenschool import gids, leerpad, pagina
from samenschool.werkmap import Werkmap


def test_a_quote_is_verbatim_escaped_and_names_its_source():
    html = pagina.citaat_html("C001")
    assert html.startswith('<figure class="ss-citaat" data-citaat="C001"><blockquote>“')
    assert "Bron: Recht-Op vzw" in html and "Een ouder uit de oudergroep" in html


def test_navigation_links_previous_start_and_next():
    html = pagina.navigatie_html("02_partnerschap", route_id="")
    assert 'href="01_gelijke_kansen.ipynb"' in html and 'href="03_drempels.ipynb"' in html
    assert 'href="00_start.ipynb"' in html and "ss-nav-route" not in html


def test_navigation_follows_the_chosen_route_when_it_differs():
    order = list(dict.fromkeys(m for m, _w, _s in gids.waar("schoolteam")))
    assert order[:2] == ["00_start", "03_drempels"]  # the schoolteam route skips 01 and 02
    html = pagina.navigatie_html("00_start", route_id="schoolteam")
    assert 'class="ss-nav-route"' in html and 'href="03_drempels.ipynb"' in html and "Schoolteam" in html
    # where the route's next page is the plain next page, no extra line
    first, second = order[0], order[1]
    if leerpad.buren(first)[1] and leerpad.buren(first)[1].id == second:
        assert "ss-nav-route" not in pagina.navigatie_html(first, route_id="schoolteam")


def test_the_route_is_read_from_the_werkmap(werkmap_dir):
    Werkmap(werkmap_dir).set(pagina.ROUTE_MODULE, pagina.ROUTE_SLEUTEL, "schoolteam")
    assert 'href="03_drempels.ipynb"' in pagina.navigatie_html("00_start").split("ss-nav-route")[1]


def test_an_unknown_route_in_an_old_werkmap_is_ignored():
    assert pagina.volgende_in_route("00_start", "bestaat_niet") is None
    assert "ss-nav-route" not in pagina.navigatie_html("00_start", route_id="bestaat_niet")


def test_an_unknown_quote_id_gives_a_dutch_error():
    import pytest

    from samenschool.errors import SamenschoolError

    with pytest.raises(SamenschoolError, match="Deze citaten bestaan niet: C999"):
        pagina.citaat_html("C999")
