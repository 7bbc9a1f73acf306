"""Page building blocks: quotes with their source, time, navigation along the chosen route."""

from samenschool import gids, leerpad, pagina
from samenschool.widgets.route import RouteKeuze
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
    main = html.split("</nav>")[0]
    assert 'ss-nav-route" href="03_drempels.ipynb"' in main and "Volgende in je route (Schoolteam)" in main
    assert 'href="01_gelijke_kansen.ipynb"' not in main  # one main "Volgende", not two
    assert 'ss-nav-anders' in html and 'href="01_gelijke_kansen.ipynb"' in html.split("</nav>")[1]
    assert 'ss-nav-start' not in html  # no "Startpagina" button on the start page itself
    # where the route's next page is the plain next page, no extra line
    first, second = order[0], order[1]
    if leerpad.buren(first)[1] and leerpad.buren(first)[1].id == second:
        assert "ss-nav-route" not in pagina.navigatie_html(first, route_id="schoolteam")


def test_the_route_is_read_from_the_werkmap(werkmap_dir):
    RouteKeuze(Werkmap(werkmap_dir), pagina.ROUTE_MODULE, pagina.ROUTE_SLEUTEL).kies("schoolteam")
    assert 'href="03_drempels.ipynb"' in pagina.navigatie_html("00_start").split("ss-nav-route")[1]


def test_the_navigation_widget_follows_a_route_chosen_on_the_same_page(werkmap_dir, monkeypatch):
    import ipywidgets

    shown = []
    monkeypatch.setattr("IPython.display.display", lambda w: shown.append(w))
    from samenschool.widgets.module import open_module

    open_module("00_start").navigatie()
    assert isinstance(shown[0], ipywidgets.HTML) and "Volgende: " in shown[0].value
    RouteKeuze(Werkmap(werkmap_dir), pagina.ROUTE_MODULE, pagina.ROUTE_SLEUTEL).kies("schoolteam")
    assert "Volgende in je route (Schoolteam): Drempels" in shown[0].value


def test_an_unknown_route_in_an_old_werkmap_is_ignored():
    assert pagina.volgende_in_route("00_start", "bestaat_niet") is None
    assert "ss-nav-route" not in pagina.navigatie_html("00_start", route_id="bestaat_niet")


def test_an_unknown_quote_id_gives_a_dutch_error():
    import pytest

    from samenschool.errors import SamenschoolError

    with pytest.raises(SamenschoolError, match="Deze citaten bestaan niet: C999"):
        pagina.citaat_html("C999")


def test_a_spelling_slip_kept_from_the_report_is_marked_as_such():
    assert "men dochter" in pagina.citaat_html("C030")
    assert "De schrijfwijze is die van het rapport." in pagina.citaat_html("C030")
    assert "schrijfwijze" not in pagina.citaat_html("C001")
