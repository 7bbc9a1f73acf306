"""Previous / start / next at the bottom of every module, following a route chosen on the start
page (also when it is chosen on this same page: it listens to the werkmap's change signal).

Notebook: ``pagina.navigatie()``.
"""

from __future__ import annotations

from samenschool import pagina
from samenschool.werkmap import luister
from samenschool.widgets import _ui


class NavigatieView:
    def __init__(self, module_id: str):
        import ipywidgets as widgets

        self.module_id = module_id
        self.widget = widgets.HTML(pagina.navigatie_html(module_id))
        self.widget.add_class("ss-navigatie")
        luister(pagina.ROUTE_MODULE, self.vernieuw)

    @_ui.veilig("widget")
    def vernieuw(self) -> None:
        self.widget.value = pagina.navigatie_html(self.module_id)


def maak(module_id: str) -> NavigatieView:
    return NavigatieView(module_id)
