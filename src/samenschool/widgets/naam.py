"""The learner's own name (or student number) and group, printed on top of the werkboek.

Only for the learner's own name: the kit never asks for names of children or families.
Notebook: ``pagina.naam("naam")`` on the start page.
"""

from __future__ import annotations

from html import escape

from samenschool.antwoord import Antwoord
from samenschool.invoer import controleer_tekst
from samenschool.werkmap import Werkmap
from samenschool.widgets import _ui

MODULE, SLEUTEL = "00_start", "naam"
MAX_TEKENS = 80
VELDEN = {"naam": "Je naam of studentennummer", "groep": "Je klasgroep of school"}
VRAAG = "Wie maakte dit werkboek?"
UITLEG = ("Zo staat je naam bovenaan je werkboek als je het indient. Vul alleen je eigen naam in. "
          "Schrijf nergens in de kit namen van kinderen of gezinnen. Je mag dit leeg laten.")


def werkboek_naam(werkmap: Werkmap) -> dict[str, str]:
    """The saved name and group ({} when none): for the top of the werkboek."""
    waarde = werkmap.get(MODULE, SLEUTEL, {})
    if not isinstance(waarde, dict):
        return {}
    return {k: str(waarde[k]) for k in VELDEN if isinstance(waarde.get(k), str) and waarde[k].strip()}


class Naam:
    def __init__(self, werkmap: Werkmap | None = None, module: str = MODULE, sleutel: str = SLEUTEL):
        self.werkmap = _ui.werkmap_of(werkmap)
        self.module, self.sleutel = module, sleutel
        self.waarden = {k: "" for k in VELDEN} | werkboek_naam(self.werkmap)
        self.melding = ""

    def zet(self, veld: str, tekst: object) -> None:
        if veld not in VELDEN:
            raise KeyError(f"Onbekend veld: {veld}")
        controle = controleer_tekst(tekst, max_tekens=MAX_TEKENS, verplicht=False, veld=VELDEN[veld])
        self.waarden[veld] = controle.tekst.replace("\n", " ")
        self.melding = controle.melding
        gevuld = {k: v for k, v in self.waarden.items() if v}
        if not gevuld:
            self.werkmap.delete(self.module, self.sleutel)
            return
        self.werkmap.bewaar(self.module, Antwoord.nieuw(
            self.module, self.sleutel, gevuld, vraag=VRAAG,
            delen=[(VELDEN[k], v) for k, v in self.waarden.items() if v]))


class NaamView:
    def __init__(self, model: Naam):
        import ipywidgets as widgets

        self.model = model
        self.velden = {}
        rijen = [widgets.HTML(f'<p class="ss-hulp">{escape(UITLEG)}</p>')]
        for veld, label in VELDEN.items():
            tekst = widgets.Text(value=model.waarden[veld], description=label, continuous_update=True,
                                 placeholder="bv. Sam Peeters" if veld == "naam" else "bv. 2BaLO-a",
                                 style={"description_width": "16em"}, layout=widgets.Layout(width="40em", max_width="100%"))
            tekst.add_class("ss-naam-" + veld)
            tekst.observe(lambda change, v=veld: self._zet(v, change["new"]), names="value")
            self.velden[veld] = tekst
            rijen.append(tekst)
        self.status = widgets.HTML(_ui.werkmap_meldingen_html(model.werkmap))
        self.widget = widgets.VBox(rijen + [self.status])
        self.widget.add_class("ss-naam")

    @_ui.veilig()
    def _zet(self, veld: str, tekst: str) -> None:
        self.model.zet(veld, tekst)
        self.status.value = (_ui.melding_html(self.model.melding, "let_op") if self.model.melding
                             else _ui.bewaard_html())


def maak(werkmap: Werkmap | None = None, *, module: str = MODULE, sleutel: str = SLEUTEL) -> NaamView:
    return NaamView(Naam(werkmap, module, sleutel))
