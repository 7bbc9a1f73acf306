"""Progress of a module ("2 van 4 activiteiten gedaan"), read from the activities its notebook
declares (``samenschool.leerpad``): an activity counts as done when the werkmap holds a
non-empty answer that belongs to it. The indicator updates itself on every save in the page
(``werkmap.luister``).

Notebook: ``pagina.voortgang()`` (see ``widgets.module``).
"""

from __future__ import annotations

from html import escape
from typing import Mapping

from samenschool import leerpad
from samenschool.werkmap import Werkmap, luister
from samenschool.widgets import _ui


class Voortgang:
    def __init__(self, module: leerpad.Module, werkmap: Werkmap | None = None):
        self.module = module
        self.werkmap = _ui.werkmap_of(werkmap)

    @property
    def activiteiten(self) -> tuple[leerpad.Activiteit, ...]:
        return self.module.activiteiten

    def status(self) -> dict[str, bool]:
        """{activity key: done?} read fresh from the werkmap."""
        antwoorden = [a for a in self.werkmap.antwoorden(self.module.werkmap_module) if not a.leeg]
        return {act.sleutel: any(act.past(a.sleutel) for a in antwoorden) for act in self.activiteiten}

    @property
    def aantal_gedaan(self) -> int:
        return sum(self.status().values())

    def tekst(self, status: Mapping[str, bool] | None = None) -> str:
        status = self.status() if status is None else status
        gedaan, totaal = sum(status.values()), len(self.activiteiten)
        if gedaan == totaal:
            return "Je deed alle activiteiten. Goed bezig!"
        return f"{gedaan} van {totaal} activiteiten gedaan"

    def html(self, status: Mapping[str, bool] | None = None) -> str:
        status = self.status() if status is None else status
        items = "".join(
            f'<li class="{"ss-gedaan" if status[a.sleutel] else "ss-open"}">{"✓" if status[a.sleutel] else "○"} '
            f'{escape(a.titel)}</li>' for a in self.activiteiten)
        return (f'<p class="ss-voortgang-tekst">{escape(self.tekst(status))}</p>'
                f'<ul class="ss-voortgang-lijst">{items}</ul>')


class VoortgangView:
    """Progress bar and list; updates itself when an answer of the module is saved."""

    def __init__(self, model: Voortgang):
        import ipywidgets as widgets

        self.model = model
        status = model.status()
        self.balk = widgets.IntProgress(min=0, max=max(1, len(model.activiteiten)), value=sum(status.values()),
                                        description="Voortgang:", style={"description_width": "initial"},
                                        layout=widgets.Layout(width="24em", max_width="100%"))
        self.tekst = widgets.HTML(model.html(status))
        self.widget = widgets.VBox([self.balk, self.tekst])
        self.widget.add_class("ss-voortgang")
        luister(model.module.werkmap_module, self.vernieuw)

    @_ui.veilig("tekst")
    def vernieuw(self) -> None:
        status = self.model.status()
        self.balk.value = sum(status.values())
        self.tekst.value = self.model.html(status)


def maak(module: leerpad.Module | str, *, werkmap: Werkmap | None = None) -> VoortgangView:
    mod = leerpad.module(module) if isinstance(module, str) else module
    return VoortgangView(Voortgang(mod, werkmap))
