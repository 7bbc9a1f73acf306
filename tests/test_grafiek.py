"""One chart style: Okabe-Ito colours, projector sizes, Dutch labels, a text alternative."""

from __future__ import annotations

from matplotlib.colors import to_hex

from samenschool import grafiek

OKABE_ITO = {"#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7", "#000000"}

LEARNER = {"Betaalbaarheid": 2, "Talenten en leerkansen": 0, "Informatie en communicatie": 1,
           "Welzijn en welbevinden": 1, "Ouderbetrokkenheid": 1}
GROUP = {"Betaalbaarheid": 1, "Talenten en leerkansen": 1, "Informatie en communicatie": 1,
         "Welzijn en welbevinden": 1, "Ouderbetrokkenheid": 1}


def test_palette_is_okabe_ito():
    assert {c.lower() for c in grafiek.PALET} == OKABE_ITO
    assert len(grafiek.PALET) == 8
    assert set(c.lower() for c in grafiek.REEKS_KLEUREN) <= OKABE_ITO


def test_sortering_vs_groep_colours_labels_sizes():
    fig, alt = grafiek.sortering_vs_groep(LEARNER, GROUP)
    ax = fig.axes[0]
    colours = {to_hex(p.get_facecolor()) for p in ax.patches}
    assert colours <= OKABE_ITO and len(colours) == 2
    assert ax.get_xlabel() == "Aantal citaten"
    assert [t.get_text() for t in ax.get_yticklabels()] == list(GROUP)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Jouw keuze", "Oudergroep"]
    assert all(t.get_fontsize() >= 14 for t in ax.get_yticklabels() + ax.get_xticklabels())
    assert ax.xaxis.label.get_fontsize() >= 14
    assert all(t.get_fontsize() >= 14 for t in ax.texts)
    assert not ax.spines["top"].get_visible() and not ax.spines["right"].get_visible()
    assert not any(line.get_visible() for line in ax.get_xgridlines())


def test_sortering_text_alternative_mentions_every_category_and_number():
    fig, alt = grafiek.sortering_vs_groep(LEARNER, GROUP)
    for theme in GROUP:
        assert theme in alt
    # plain sentences from the data, no description of the drawing
    assert "Je koos 2 keer Betaalbaarheid, de oudergroep 1 keer." in alt
    assert "Je koos Talenten en leerkansen niet, de oudergroep 1 keer." in alt
    assert "Je koos 1 keer Informatie en communicatie, net als de oudergroep." in alt
    assert alt.endswith(".")
    for machine in ("Staafdiagram", "staaf", "vergelijkt", "Jouw keuze", ";"):
        assert machine not in alt
    assert "geen enkele keer" in grafiek.sortering_tekst({"A": 2}, {"A": 0})


def test_staven_and_waarden():
    fig, alt = grafiek.waarden_gewicht({"Vertrouwen": 3, "Respect": 2, "Privacy": 0})
    ax = fig.axes[0]
    assert ax.get_xlabel().startswith("Gewicht")
    assert {to_hex(p.get_facecolor()) for p in ax.patches} <= OKABE_ITO
    assert alt == "Voor jou weegt Vertrouwen heel zwaar (3). Respect weegt zwaar (2). Privacy weegt niet (0)."
    fig, alt = grafiek.waarden_gewicht({"Vertrouwen": 1, "Respect": 1})
    assert alt == "Voor jou wegen Vertrouwen en Respect een beetje (1)."
    fig, alt = grafiek.staven({"Lager": 85.5, "Kleuter": 45}, as_label="Bedrag", eenheid="euro")
    assert alt == "Bedrag: Lager 85,5 euro en Kleuter 45 euro."
    fig, alt = grafiek.gegroepeerde_staven({"2023": {"Lager": 85}, "2024": {"Lager": 90}}, as_label="Bedrag",
                                           eenheid="euro")
    assert alt == "Lager: 2023 85 euro, 2024 90 euro."
    assert "Staafdiagram" not in alt


def test_figuur_html_has_alt_and_caption():
    fig, alt = grafiek.sortering_vs_groep({"A & B": 1}, {"A & B": 2})
    html = grafiek.figuur_html(fig, alt)
    assert html.count("A &amp; B") == 2  # in the alt attribute and in the caption
    assert 'src="data:image/png;base64,' in html and "ss-tekstalternatief" in html
    assert grafiek.png(fig).startswith(b"\x89PNG")


def test_getal_dutch():
    assert grafiek.getal(3) == "3" and grafiek.getal(2.5) == "2,5"
