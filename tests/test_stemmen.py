"""The page "Stemmen": every quote reachable, filters return exactly the coded rows, kept quotes
saved as a self-describing answer, cards escaped and four to a sheet."""

from __future__ import annotations

import json
import re

import pytest

from samenschool import data, leerpad, stemmen
from samenschool.errors import SamenschoolError
from samenschool.werkmap import Werkmap


@pytest.fixture(scope="module")
def frame():
    return stemmen.tabel()


def test_elk_citaat_staat_in_de_tabel_met_bron_deel_pagina(frame):
    citaten = data.citaten()
    assert list(frame["id"]) == list(citaten["id"]) and len(frame) == 118
    assert frame["deel"].notna().all() and (frame["deel"] != "").all()
    assert frame["pagina"].str.match(r"^(p\. \d+(-\d+| tot \d+)?|na p\. \d+)$").all()
    assert (frame["tekst"] == citaten["tekst"]).all()  # verbatim, never retyped
    rij = frame.set_index("id").loc["C053"]
    assert rij["pagina"] == "p. 14-15" and rij["deel"] == "Waarde en impact"


def test_filters_geven_precies_de_gecodeerde_rijen(frame):
    citaten = data.citaten()
    citaten = citaten.assign(thema=citaten["thema"].fillna(""), drempel=citaten["drempel"].fillna(""))
    for thema in data.themas()["id"]:
        assert list(stemmen.zoek(frame, thema=thema)["id"]) == list(citaten[citaten["thema"] == thema]["id"])
    assert list(stemmen.zoek(frame, thema=stemmen.GEEN)["id"]) == list(citaten[citaten["thema"] == ""]["id"])
    for drempel in data.drempels()["id"]:
        assert list(stemmen.zoek(frame, drempel=drempel)["id"]) == list(citaten[citaten["drempel"] == drempel]["id"])
    assert list(stemmen.zoek(frame, drempel=stemmen.GEEN)["id"]) == list(citaten[citaten["drempel"] == ""]["id"])
    ouders = list(citaten[citaten["spreker"].isin(["ouder", "oudergroep"])]["id"])
    focus = list(citaten[citaten["spreker"] == "focusgroep"]["id"])
    assert list(stemmen.zoek(frame, spreker="ouders")["id"]) == ouders and len(ouders) == 96
    assert list(stemmen.zoek(frame, spreker="focusgroep")["id"]) == focus and len(focus) == 22
    for sectie in citaten["sectie"].unique():
        assert list(stemmen.zoek(frame, deel=sectie)["id"]) == list(citaten[citaten["sectie"] == sectie]["id"])
    # combined: the intersection
    both = stemmen.zoek(frame, thema="betaalbaarheid", spreker="ouders", deel="thema_betaalbaarheid")
    assert list(both["id"]) == list(citaten[(citaten["thema"] == "betaalbaarheid")
                                            & (citaten["sectie"] == "thema_betaalbaarheid")]["id"])
    with pytest.raises(SamenschoolError):
        stemmen.zoek(frame, spreker="iemand")


def test_zoeken_op_woorden_zonder_hoofdletters_of_accenten(frame):
    schoolpoort = stemmen.zoek(frame, "Schoolpoort")
    assert len(schoolpoort) >= 5 and schoolpoort["tekst"].str.lower().str.contains("schoolpoort").all()
    assert list(stemmen.zoek(frame, "belgie")["id"]) == list(stemmen.zoek(frame, "België")["id"]) == ["C053", "C091"]
    assert list(stemmen.zoek(frame, "C071")["id"]) == ["C071"]
    assert list(stemmen.zoek(frame, "schaam rekening")["id"]) == [
        c for c, t in zip(frame["id"], frame["tekst"].str.lower()) if "schaam" in t and "rekening" in t]
    assert stemmen.zoek(frame, "xyzzy").empty


def test_opties_tellen_wat_de_filters_geven(frame):
    for naam, opties in stemmen.opties(frame).items():
        assert opties[0][1] == stemmen.ALLE
        for label, waarde in opties[1:]:
            n = int(re.search(r"\((\d+)\)$", label).group(1))
            assert len(stemmen.zoek(frame, **{naam: waarde})) == n, label


def test_gebruik_in_de_kit_is_gescand(frame):
    gebruik = stemmen.gebruik_in_kit()
    c117 = [g.pad for g in gebruik["C117"]]
    assert "notebooks/04_vertelgesprek.ipynb" in c117 and "exercises/04_vertelgesprek_plannen.ipynb" in c117
    # the scan finds exactly the ids a notebook names
    nb = json.loads((leerpad.module("03_drempels").pad).read_text(encoding="utf-8"))
    tekst = "\n".join("".join(c["source"]) for c in nb["cells"])
    genoemd = set(re.findall(r"\bC\d{3}\b", tekst))
    assert genoemd and {c for c, g in gebruik.items() if any(x.pad == "notebooks/03_drempels.ipynb" for x in g)} == genoemd
    assert not any(g.pad.endswith("stemmen.ipynb") for gs in gebruik.values() for g in gs)
    assert stemmen.Gebruik("x", "exercises/01_casusanalyse.ipynb").href() == "../exercises/01_casusanalyse.ipynb"


def test_bewaard_is_een_antwoord_dat_zichzelf_beschrijft(tmp_path, frame):
    werkmap = Werkmap(tmp_path)
    model = stemmen.Bewaard(werkmap, frame=frame)
    model.zet("C091", True)
    model.zet("C005", True)
    [antwoord] = werkmap.antwoorden("stemmen")
    assert antwoord.waarde == ["C005", "C091"]  # report order
    assert antwoord.activiteit == "bewaard" and antwoord.activiteit_titel == "Citaten bewaren"
    assert antwoord.tekst == "2 citaten: C005, C091"
    assert [d[0] for d in antwoord.delen] == ["C005", "C091"] and "Betaalbaarheid" in antwoord.delen[0][1]
    assert stemmen.Bewaard(Werkmap(tmp_path), frame=frame).ids == ["C005", "C091"]
    model.zet("C005", False)
    model.zet("C091", False)
    assert werkmap.get("stemmen", "bewaard") is None
    with pytest.raises(SamenschoolError):
        model.zet("C999", True)


def test_kaarten_vier_per_blad_en_ontsnapt(frame):
    ids = list(frame["id"][:5])
    html = stemmen.kaarten_html(frame, ids)
    assert html.count('<section class="vel">') == 2
    assert re.findall(r'data-citaat="(C\d{3})"', html) == ids
    assert "@page { size: A4" in html and "105mm" in html and "148.5mm" in html
    nep = frame.copy()
    nep.loc[nep["id"] == "C001", "tekst"] = "<script>alert(1)</script>"
    assert "<script>alert" not in stemmen.kaarten_html(nep, ["C001"])
    with pytest.raises(SamenschoolError):
        stemmen.kaarten_html(frame, [])
    with pytest.raises(SamenschoolError):
        stemmen.kaarten_html(frame, ["C999"])
    assert {stemmen.letter(t) for t in frame["tekst"]} <= {"groot", "middel", "klein", "kleinst"}


def test_elk_citaat_is_bereikbaar_op_de_pagina(tmp_path, frame):
    from samenschool.widgets import stemmen as view_mod

    view = view_mod.StemmenView(stemmen.Bewaard(Werkmap(tmp_path), frame=frame))
    gezien = set()
    while True:
        gezien |= {box.children[0].value.split('data-citaat="')[1][:4] for box in view.lijst.children}
        if view.meer_box.layout.display == "none":
            break
        view.meer.click()
    assert gezien == set(frame["id"])
    # each filter on the page shows exactly the coded rows
    view.filters["drempel"].value = "taal"
    assert view.zichtbaar() == ["C090", "C091"]
    assert [b.children[0].value.split('data-citaat="')[1][:4] for b in view.lijst.children] == ["C090", "C091"]
    view.vinkjes["C090"].value = True
    assert Werkmap(tmp_path).get("stemmen", "bewaard") == ["C090"]
    assert "Je bewaarde 1 citaat: C090" in view.bewaard.value
    view.maak_knop.click()
    assert "1 kaart, 1 blad A4" in view.kaarten.value
    view.zoekvak.value = "xyzzy"
    assert view.lijst.children == () and "Geen citaat past" in view.aantal.value
    view.welke.value = view_mod.KAARTEN_LIJST
    view.maak_knop.click()
    assert "De lijst is leeg" in view.kaarten.value
