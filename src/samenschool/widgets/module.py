"""The page object: a notebook opens its module once, then every cell is one short call.

    from samenschool.widgets.module import open_module
    pagina = open_module("01_gelijke_kansen")
    pagina.tijd()
    pagina.sorteer("sorteer", n=5)
    pagina.reflectie("reflectie", "Welk citaat blijft het meest bij je hangen?")

Every activity call names an activity the notebook declares in ``metadata.samenschool``
(``samenschool.leerpad``); an undeclared key is refused. The widget saves its answers under
that key, so progress, the werkboek and the projector view know what each answer is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from samenschool import leerpad, pagina as html
from samenschool.errors import InhoudFout
from samenschool.werkmap import Werkmap
from samenschool.widgets import _ui


@dataclass(frozen=True)
class Context:
    """What a widget needs to save self-describing answers for one activity."""

    module: str                    # werkmap module id
    sleutel: str                   # activity key
    werkmap: Werkmap
    activiteit: leerpad.Activiteit


class Pagina:
    def __init__(self, module_id: str, werkmap: Werkmap | None = None):
        self.module = leerpad.module(module_id)
        self.id = self.module.werkmap_module
        self._werkmap = werkmap

    @property
    def werkmap(self) -> Werkmap:
        # read per call: in room mode the participant is known only once the page's request is
        return self._werkmap if self._werkmap is not None else Werkmap.default()

    # -- generic ---------------------------------------------------------------------------
    def context(self, sleutel: str, soort: str | None = None) -> Context:
        act = next((a for a in self.module.activiteiten if a.sleutel == sleutel), None)
        if act is None:
            bekend = ", ".join(a.sleutel for a in self.module.activiteiten) or "geen"
            raise InhoudFout(f"'{sleutel}' is geen activiteit van {self.module.bestand}. "
                             f"De metadata van die pagina noemt: {bekend}.")
        if soort is not None and act.soort != soort:
            raise InhoudFout(f"De activiteit '{sleutel}' van {self.module.bestand} is van de soort "
                             f"'{act.soort}', niet '{soort}'. Pas de metadata of de oproep aan.")
        return Context(self.id, sleutel, self.werkmap, act)

    def toon(self, sleutel: str, maak: Callable[[Context], object], soort: str | None = None) -> None:
        """Build a view for a declared activity with ``maak(context)`` and show it."""
        _ui.toon_widget(lambda: maak(self.context(sleutel, soort)))

    # -- building blocks ---------------------------------------------------------------------
    def tijd(self) -> None:
        _ui.toon_html(lambda: html.tijd_html(self.module.id))

    def citaat(self, *citaat_ids: str) -> None:
        _ui.toon_html(lambda: "".join(html.citaat_html(c) for c in citaat_ids))

    def alle_modules(self) -> None:
        _ui.toon_html(html.modules_html)

    def alle_oefeningen(self) -> None:
        _ui.toon_html(html.oefeningen_html)

    def voortgang(self) -> None:
        from samenschool.widgets import voortgang

        _ui.toon_widget(lambda: voortgang.maak(self.module, werkmap=self._werkmap))

    def navigatie(self) -> None:
        from samenschool.widgets import navigatie

        _ui.toon_widget(lambda: navigatie.maak(self.module.id))

    # -- activities ----------------------------------------------------------------------------
    def reflectie(self, sleutel: str, vraag: str, *, hulptekst: str = "", label: str = "",
                  max_tekens: int | None = None) -> None:
        from samenschool.widgets import reflectie

        extra = {"max_tekens": max_tekens} if max_tekens else {}
        self.toon(sleutel, lambda c: reflectie.maak(c.module, c.sleutel, vraag, werkmap=c.werkmap,
                                                    hulptekst=hulptekst, label=label, **extra), "reflectie")

    def sorteer(self, sleutel: str, n: int = 5, *, citaat_ids: list[str] | None = None) -> None:
        from samenschool.widgets import sorteer

        self.toon(sleutel, lambda c: sorteer.maak(c.module, n, citaat_ids=citaat_ids, werkmap=c.werkmap,
                                                  sleutel=c.sleutel), "sorteer")

    def scenario(self, sleutel: str, ids: Sequence[str], *, vraag: str | None = None) -> None:
        from samenschool.widgets import scenario

        extra = {"vraag": vraag} if vraag else {}
        self.toon(sleutel, lambda c: scenario.maak(c.module, list(ids), werkmap=c.werkmap, sleutel=c.sleutel,
                                                   **extra), "scenario")

    def plaatsing(self, sleutel: str) -> None:
        from samenschool.widgets import schaal

        self.toon(sleutel, lambda c: schaal.maak_plaatsing(c.module, werkmap=c.werkmap, sleutel=c.sleutel),
                  "plaatsing")

    def weging(self, sleutel: str) -> None:
        from samenschool.widgets import schaal

        self.toon(sleutel, lambda c: schaal.maak_weging(c.module, werkmap=c.werkmap, sleutel=c.sleutel), "weging")

    def drempel_kiezen(self, sleutel: str, *citaat_ids: str) -> None:
        from samenschool.widgets import drempel_kiezen

        self.toon(sleutel, lambda c: drempel_kiezen.maak(*citaat_ids, module=c.module, sleutel=c.sleutel,
                                                         werkmap=c.werkmap), "drempel_kiezen")

    def perspectief(self, sleutel: str, citaat_id: str) -> None:
        from samenschool.widgets import perspectief

        self.toon(sleutel, lambda c: perspectief.maak(citaat_id, module=c.module, sleutel=c.sleutel,
                                                      werkmap=c.werkmap), "perspectief")

    def teamkaart(self, sleutel: str) -> None:
        from samenschool.widgets import teamkaart

        self.toon(sleutel, lambda c: teamkaart.maak(c.werkmap, c.module, sleutel=c.sleutel), "teamkaart")

    def planner(self, sleutel: str) -> None:
        from samenschool.widgets import planner

        self.toon(sleutel, lambda c: planner.maak(c.werkmap, module=c.module, sleutel=c.sleutel), "planner")

    def brief(self, sleutel: str, **opties) -> None:
        """The rewrite exercise: an original letter beside the learner's version."""
        from samenschool.widgets import brief_editor

        self.toon(sleutel, lambda c: brief_editor.maak(c.module, c.werkmap, sleutel=c.sleutel, **opties), "brief")

    def editor(self, sleutel: str, **opties) -> None:
        """The free readability editor (the learner's own letter)."""
        from samenschool.widgets import brief_editor

        self.toon(sleutel, lambda c: brief_editor.maak_editor(c.module, c.werkmap, sleutel=c.sleutel, **opties),
                  "brief")

    def checklist(self, sleutel: str) -> None:
        from samenschool.widgets import checklist

        self.toon(sleutel, lambda c: checklist.maak(c.module, c.werkmap, sleutel=c.sleutel), "checklist")

    def route(self, sleutel: str) -> None:
        from samenschool.widgets import route

        self.toon(sleutel, lambda c: route.maak(c.werkmap, module=c.module, sleutel=c.sleutel), "route")

    def naam(self, sleutel: str) -> None:
        from samenschool.widgets import naam

        self.toon(sleutel, lambda c: naam.maak(c.werkmap, module=c.module, sleutel=c.sleutel), "naam")

    def werkmap_beheer(self) -> None:
        from samenschool.widgets import werkmap_beheer

        _ui.toon_widget(lambda: werkmap_beheer.maak(werkmap=self._werkmap))

    # -- read-only overviews (no answers) ------------------------------------------------------
    def routes(self) -> None:
        from samenschool.widgets import route

        _ui.toon_html(route.alle_routes_html)

    def drempel(self, drempel_id: str, *citaat_ids: str, max_citaten: int = 2) -> None:
        from samenschool.widgets import drempel_kiezen

        _ui.toon_html(lambda: drempel_kiezen.drempel_html(drempel_id, *citaat_ids, max_citaten=max_citaten))

    def schoolkant(self, max_citaten: int = 1) -> None:
        from samenschool.widgets import drempel_kiezen

        _ui.toon_html(lambda: drempel_kiezen.schoolkant_html(max_citaten=max_citaten))

    def waarden(self) -> None:
        from samenschool.widgets import scenario

        _ui.toon_widget(scenario.waarden_widget)

    def impact(self, bron: str | None = "ouders", *, zonder: Sequence[str] = (), per_impact: int | None = 1) -> None:
        from samenschool.widgets import scenario

        _ui.toon_widget(lambda: scenario.impact_widget(bron, zonder=zonder, per_impact=per_impact))


def open_module(module_id: str, werkmap: Werkmap | None = None) -> Pagina:
    """Open a module (or an exercise, by its werkmap module ``oefening_NN_naam``) for a notebook."""
    return Pagina(module_id, werkmap)
