"""Room mode, preheated kernels: a page is built before its participant is known and filled in
once the request names them (samenschool.deelnemer, samenschool.widgets.plaatshouder).

Driven in this process: Voilà's ``wait_for_request`` is replaced by one the test releases with
the headers the server would send, so every path runs as in a pool kernel.
"""

from __future__ import annotations

import os
import threading

import pytest

from samenschool import deelnemer
from samenschool.antwoord import Antwoord
from samenschool.errors import SamenschoolError
from samenschool.werkmap import Werkmap
from samenschool.widgets import plaatshouder, werkmap_beheer
from samenschool.widgets.module import open_module

START = "00_start"
VRAAG = "Wat wil je na deze kit beter kunnen in het contact met ouders?"


class Pool:
    """One preheated kernel: the page is run while the request is not there yet."""

    def __init__(self, monkeypatch, basis):
        self.basis = basis
        self.getoond: list = []
        self._verzoek = threading.Event()
        self._headers: dict | None = None
        monkeypatch.setenv("VOILA_PREHEAT", "True")
        monkeypatch.setenv(deelnemer.KLAS_ENV_VAR, "1")
        monkeypatch.setenv(deelnemer.WERKMAP_ENV_VAR, str(basis))
        monkeypatch.delenv(deelnemer.HEADER_ENV, raising=False)
        monkeypatch.delenv("SCRIPT_NAME", raising=False)
        for naam, waarde in (("_VERZOEK", threading.Event()), ("_VERZOEK_MISLUKT", False), ("_NA_VERZOEK", []),
                             ("_WACHTER", None), ("_VOORLOPIG", None)):
            monkeypatch.setattr(deelnemer, naam, waarde)
        monkeypatch.setattr(plaatshouder, "_plekken", [])
        monkeypatch.setattr(plaatshouder, "_marker", None)
        monkeypatch.setattr("voila.utils.wait_for_request", self._wait_for_request)
        monkeypatch.setattr("IPython.display.display", lambda *objs, **kw: self.getoond.extend(objs))
        for naam in ("SCRIPT_NAME", deelnemer.HEADER_ENV):  # what the request will set
            monkeypatch.setenv(naam, "x")
            monkeypatch.delenv(naam)

    def _wait_for_request(self):
        self._verzoek.wait(30)
        if self._headers is not None:
            os.environ.update(self._headers)

    def vraag(self, nummer: int | None) -> None:
        """The server hands this kernel to a page: a participant's number, or None (this computer)."""
        self._headers = {"SCRIPT_NAME": f"/voila/render/notebooks/{START}.ipynb"}
        if nummer is not None:
            self._headers[deelnemer.HEADER_ENV] = str(nummer)
        self._verzoek.set()
        deelnemer._WACHTER.join(10)
        assert not deelnemer._WACHTER.is_alive()

    def sluit(self) -> None:
        """After the test: no waiting thread may outlive it (it would touch the next test)."""
        self._verzoek.set()
        if deelnemer._WACHTER is not None:
            deelnemer._WACHTER.join(10)
            assert not deelnemer._WACHTER.is_alive()

    def geen_verzoek(self) -> None:
        """The server never sends the request (it went away)."""
        self._verzoek.set()
        deelnemer._WACHTER.join(10)

    def bouw_start(self):
        pagina = open_module(START)
        pagina.route("route")
        pagina.naam("naam")
        pagina.reflectie("verwachting", VRAAG)
        pagina.werkmap_beheer()
        pagina.voortgang()
        pagina.navigatie()
        return pagina

    @property
    def plekken(self):
        return [w for w in self.getoond if plaatshouder.PLEK in w._dom_classes]

    @property
    def marker(self):
        (marker,) = [w for w in self.getoond if plaatshouder.MARKER in w._dom_classes]
        return marker


def _alle(widget):
    yield widget
    for kind in getattr(widget, "children", ()) or ():
        yield from _alle(kind)


def _teksten(pool) -> str:
    return " ".join(str(getattr(w, "value", "")) for plek in pool.plekken for w in _alle(plek))


def _textarea(pool):
    import ipywidgets as widgets

    return next(w for plek in pool.plekken for w in _alle(plek) if isinstance(w, widgets.Textarea))


@pytest.fixture
def pool(monkeypatch, tmp_path):
    pytest.importorskip("ipywidgets")
    facilitator = Werkmap(tmp_path)
    facilitator.bewaar(START, Antwoord.nieuw(START, "verwachting", "GEHEIM van de begeleider", vraag=VRAAG))
    pool = Pool(monkeypatch, tmp_path)
    yield pool
    pool.sluit()


def test_before_the_request_the_page_is_whole_and_holds_nobodys_answers(pool):
    pool.bouw_start()
    assert len(pool.plekken) == 6 and pool.marker is not None
    assert plaatshouder.KLAAR not in pool.marker._dom_classes
    assert "GEHEIM" not in _teksten(pool)  # the facilitator's answers never reach a pool page
    assert _textarea(pool).value == ""
    assert werkmap_beheer.WAAR_BEWAARD_DEELNEMER in _teksten(pool)  # the pool serves the room
    assert deelnemer._WACHTER is not None and deelnemer._WACHTER.is_alive()


def test_a_new_participant_keeps_the_page_and_saves_in_their_own_folder(pool):
    pool.bouw_start()
    voor = [plek.children for plek in pool.plekken]
    pool.vraag(4)
    assert plaatshouder.KLAAR in pool.marker._dom_classes
    assert [plek.children for plek in pool.plekken] == voor  # nothing built again
    _textarea(pool).value = "Beter luisteren."
    eigen = Werkmap(pool.basis / "deelnemers" / "deelnemer-004")
    assert eigen.get(START, "verwachting") == "Beter luisteren."
    assert Werkmap(pool.basis).get(START, "verwachting") == "GEHEIM van de begeleider"


def test_a_participant_who_comes_back_sees_their_own_answers(pool):
    eigen = Werkmap(pool.basis / "deelnemers" / "deelnemer-002")
    eigen.bewaar(START, Antwoord.nieuw(START, "verwachting", "Mijn eigen tekst", vraag=VRAAG))
    pool.bouw_start()
    oud = _textarea(pool)
    pool.vraag(2)
    assert plaatshouder.KLAAR in pool.marker._dom_classes
    assert _textarea(pool) is not oud and _textarea(pool).value == "Mijn eigen tekst"
    assert oud.comm is None  # the old view is closed
    assert "GEHEIM" not in _teksten(pool)


def test_only_the_views_that_read_what_the_participant_saved_are_built_again(pool):
    """A participant who answered module 01 opens the start page: the werkmap block (it counts
    every module) is built again; the views that read only the start page are not."""
    eigen = Werkmap(pool.basis / "deelnemers" / "deelnemer-003")
    eigen.bewaar("01_gelijke_kansen", Antwoord.nieuw("01_gelijke_kansen", "reflectie", "iets", vraag="Vraag?"))
    pool.bouw_start()
    voor = [plek.children[0] for plek in pool.plekken]
    pool.vraag(3)
    na = [plek.children[0] for plek in pool.plekken]
    opnieuw = [type(v).__name__ for v, n in zip(voor, na) if v is not n]
    assert _textarea(pool) in [w for w in _alle(pool.plekken[2])] and na[2] is voor[2]  # the reflection stays
    assert na[0] is voor[0] and na[1] is voor[1] and na[4] is voor[4]  # route, name, progress: the start page
    assert na[3] is not voor[3]  # the werkmap block counts every module
    assert "antwoorden van 1 module in" in _teksten(pool)
    assert len(opnieuw) == 1, opnieuw


def test_the_facilitator_on_this_computer_gets_their_own_page(pool):
    pool.bouw_start()
    pool.vraag(None)
    assert _textarea(pool).value == "GEHEIM van de begeleider"
    assert werkmap_beheer.KLAS_APART in _teksten(pool)
    assert werkmap_beheer.WAAR_BEWAARD_DEELNEMER not in _teksten(pool)


def test_a_save_before_the_request_waits_for_it_and_lands_with_the_participant(pool):
    pagina = pool.bouw_start()
    klaar = threading.Event()

    def bewaar():
        pagina.werkmap.bewaar(START, Antwoord.nieuw(START, "verwachting", "vroeg", vraag=VRAAG))
        klaar.set()

    threading.Thread(target=bewaar, daemon=True).start()
    assert not klaar.wait(0.5)  # it waits: nobody is known yet
    pool.vraag(5)
    assert klaar.wait(10)
    assert Werkmap(pool.basis / "deelnemers" / "deelnemer-005").get(START, "verwachting") == "vroeg"
    assert Werkmap(pool.basis).get(START, "verwachting") == "GEHEIM van de begeleider"


def test_without_a_request_the_page_serves_nobody(pool, monkeypatch):
    monkeypatch.delenv("SAMENSCHOOL_STRIKT", raising=False)  # the learner's message, as on the page
    pagina = pool.bouw_start()
    pool.geen_verzoek()
    assert "Laad de pagina opnieuw" in _teksten(pool)
    assert "GEHEIM" not in _teksten(pool)
    with pytest.raises(SamenschoolError):
        pagina.werkmap.bewaar(START, Antwoord.nieuw(START, "verwachting", "x", vraag=VRAAG))
    assert Werkmap(pool.basis).get(START, "verwachting") == "GEHEIM van de begeleider"


def test_outside_a_pool_nothing_waits_and_nothing_is_wrapped(monkeypatch, tmp_path):
    monkeypatch.delenv("VOILA_PREHEAT", raising=False)
    monkeypatch.setattr(plaatshouder, "_plekken", [])
    assert not deelnemer.wacht_nog()
    assert plaatshouder.toon(lambda: None) is False and plaatshouder._plekken == []
