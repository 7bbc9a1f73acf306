"""Pages built before anyone asked for them (room mode, Voilà's preheated kernels).

A preheated kernel runs its page while it waits in the pool, when nobody is known yet. Each
view is then built against an empty werkmap and shown in a placeholder box, so the whole page
is rendered ahead of time, the same for everyone, and a join costs the server next to nothing.

When the request arrives (:func:`samenschool.deelnemer.na_verzoek`):

- a participant with no saved answers yet (the usual join of a room): every view is already
  right, and its werkmap now points at that participant's own folder; nothing is built again;
- anyone else (a participant coming back, the facilitator on their own computer): every view
  is built again in its placeholder, now with that person's answers and wording.

Either way the hidden marker then gets the class ``ss-klaar``: the page belongs to its person.
"""

from __future__ import annotations

from typing import Callable

from samenschool import deelnemer
from samenschool.widgets import _ui

KLAAR = "ss-klaar"          # on the marker once the page is filled in for its person
MARKER = "ss-verzoek"       # the hidden marker (one per page)
PLEK = "ss-plek"            # a placeholder box

_plekken: list[tuple[object, Callable[[], object]]] = []
_marker = None


def toon(maak: Callable[[], object]) -> bool:
    """While the participant is unknown: build the view now, show it in a placeholder and
    remember how to build it again. Returns False (and shows nothing) otherwise."""
    global _marker
    with deelnemer.slot():
        if not deelnemer.wacht_nog():
            return False
        import ipywidgets as widgets
        from IPython.display import display

        if _marker is None:
            _marker = widgets.Box(layout=widgets.Layout(display="none"))
            _marker.add_class(MARKER)
            display(_marker)
            deelnemer.na_verzoek(vul_in)
        plek = widgets.VBox([_ui.bouw_widget(maak)])
        plek.add_class(PLEK)
        _plekken.append((plek, maak))
        display(plek)
    return True


def opnieuw_bouwen() -> bool:
    """Must the views be built again for the person the request names?"""
    if not deelnemer.is_deelnemer():
        return True  # the facilitator: their own answers, and the facilitator's wording
    folder = deelnemer.default_folder()
    return folder.is_dir() and any(folder.iterdir())


def vul_in() -> None:
    """Once the request is known: build the views again where needed, then mark the page."""
    try:
        nodig = opnieuw_bouwen()
        fout = None
    except Exception as exc:  # the request never came: no one's answers on this page
        if _ui.moet_vallen(exc):
            raise
        nodig, fout = True, exc
    if nodig:
        for plek, maak in _plekken:
            oud = plek.children
            plek.children = (_ui.foutwidget(fout) if fout is not None else _ui.bouw_widget(maak),)
            for widget in oud:
                _sluit(widget)
    if _marker is not None:
        _marker.add_class(KLAAR)


def _sluit(widget) -> None:
    """Close a view's widget and every widget inside it (they are no longer shown)."""
    for kind in getattr(widget, "children", ()) or ():
        _sluit(kind)
    view = getattr(widget, "_ss_view", None)
    if view is not None:
        widget._ss_view = None
    widget.close()
