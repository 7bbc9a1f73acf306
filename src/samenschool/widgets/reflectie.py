"""Reflection box: a prompt and a text box that saves on every change.

Model: :class:`Reflectie` (no ipywidgets needed). View: :class:`ReflectieView`.
Notebook: ``pagina.reflectie("reflectie", "Wat neem jij mee?")`` (see ``widgets.module``).
"""

from __future__ import annotations

from html import escape

from samenschool.antwoord import Antwoord
from samenschool.invoer import controleer_tekst
from samenschool.werkmap import Werkmap
from samenschool.widgets import _ui

MAX_TEKENS = 3000


class Reflectie:
    """One free-text answer in the werkmap under ``module`` / ``key``."""

    def __init__(self, module: str, key: str, vraag: str, werkmap: Werkmap | None = None,
                 max_tekens: int = MAX_TEKENS):
        self.module, self.key, self.vraag = module, key, vraag
        self.werkmap = _ui.werkmap_of(werkmap)
        self.max_tekens = max_tekens
        saved = self.werkmap.get(module, key, "")
        self.tekst: str = saved if isinstance(saved, str) else ""
        self.melding: str = ""

    @property
    def gedaan(self) -> bool:
        return bool(self.tekst.strip())

    def bewaar(self, tekst: object) -> bool:
        """Check and save ``tekst`` at once. Returns True when saved as typed.

        Empty text removes the answer; text that is too long is saved up to the limit.
        ``self.melding`` then holds a Dutch message for the learner."""
        controle = controleer_tekst(tekst, max_tekens=self.max_tekens, verplicht=True, veld="Je antwoord")
        if not controle.tekst:
            self.werkmap.delete(self.module, self.key)
            self.tekst = ""
            self.melding = controle.melding
        else:
            self.werkmap.bewaar(self.module, Antwoord.nieuw(self.module, self.key, controle.tekst, vraag=self.vraag,
                                                            tekst=controle.tekst))
            self.tekst = controle.tekst
            self.melding = controle.melding
        return controle.ok

    def to_dict(self) -> dict:
        return {"module": self.module, "key": self.key, "vraag": self.vraag, "tekst": self.tekst}


class ReflectieView:
    """Prompt + Textarea + status line. Every change is saved."""

    def __init__(self, model: Reflectie, hoogte: str = "8em", hulptekst: str = "", label: str = ""):
        import ipywidgets as widgets

        self.model = model
        self.vraag = widgets.HTML(f'<p class="ss-vraag">{escape(label or model.vraag)}</p>'
                                  + (f'<p class="ss-hulp">{escape(hulptekst)}</p>' if hulptekst else ""))
        self.tekst = widgets.Textarea(value=model.tekst, placeholder="Typ hier je antwoord…",
                                      layout=widgets.Layout(width="100%", height=hoogte))
        self.tekst.add_class("ss-tekstvak")
        self.status = widgets.HTML(_ui.werkmap_meldingen_html(model.werkmap)
                                   or (_ui.melding_html("Je antwoord is bewaard. Je kan het hier aanpassen.", "info")
                                       if model.gedaan else ""))
        self.tekst.observe(self._bij_wijziging, names="value")
        self.widget = widgets.VBox([self.vraag, self.tekst, self.status])
        self.widget.add_class("ss-reflectie")

    @_ui.veilig()
    def _bij_wijziging(self, change) -> None:
        ok = self.model.bewaar(change["new"])
        if ok:
            self.status.value = _ui.bewaard_html()
        elif self.model.tekst:  # saved, but shortened
            self.status.value = _ui.melding_html(self.model.melding, "let_op")
        else:  # emptied
            self.status.value = _ui.melding_html(self.model.melding, "info")


def maak(module: str, key: str, vraag: str, *, werkmap: Werkmap | None = None,
         max_tekens: int = MAX_TEKENS, hulptekst: str = "", label: str = "") -> ReflectieView:
    """``vraag``: the question as the werkboek shows it; ``label``: a shorter text above the box when
    the page already shows the question (e.g. "Jouw antwoord:" under a question in an exercise)."""
    return ReflectieView(Reflectie(module, key, vraag, werkmap, max_tekens), hulptekst=hulptekst, label=label)


