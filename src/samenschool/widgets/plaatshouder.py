"""Pages built before anyone asked for them (room mode, Voilà's preheated kernels).

A preheated kernel runs its page while it waits in the pool, when nobody is known yet. Each
view is then built against an empty werkmap and shown in a placeholder box, so the whole page
is rendered ahead of time, the same for everyone, and a join costs the server next to nothing.

When the request arrives (:func:`samenschool.deelnemer.na_verzoek`):

- a participant: each view's werkmap now points at that participant's own folder. A view is
  built again only when it read a module the participant has answers in (recorded while it
  was built: ``werkmap.noteer_lezen``). A room joining the start page has nothing saved yet:
  nothing is built again. On a module page, usually only the navigation (it reads the route
  chosen on the start page) is built again;
- the facilitator on their own computer: every view is built again, with their answers and
  the facilitator's wording.

Either way the hidden marker then gets the class ``ss-klaar``: the page belongs to its person.
"""

from __future__ import annotations

from typing import Callable

from samenschool import deelnemer, werkmap
from samenschool.widgets import _ui

KLAAR = "ss-klaar"          # on the marker once the page is filled in for its person
MARKER = "ss-verzoek"       # the hidden marker (one per page)
PLEK = "ss-plek"            # a placeholder box

_plekken: list[tuple[object, Callable[[], object], set[str]]] = []
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
        with werkmap.noteer_lezen() as gelezen:
            plek = widgets.VBox([_ui.bouw_widget(maak)])
        plek.add_class(PLEK)
        _plekken.append((plek, maak, gelezen))
        display(plek)
    return True


def opnieuw_bouwen(gelezen: set[str], bewaard: set[str] | None) -> bool:
    """Must a view that read ``gelezen`` be built again? ``bewaard``: the modules the
    participant has answers in (:func:`bewaarde_modules`), None for the facilitator (their own
    answers, and the facilitator's wording: always)."""
    if bewaard is None:
        return True
    if not bewaard:
        return False
    return werkmap.ALLE in gelezen or werkmap.ALLE in bewaard or bool(gelezen & bewaard)


def bewaarde_modules(folder) -> set[str]:
    """The modules ``folder`` holds answers (or notices) for; ``ALLE`` when it holds anything
    else the kit wrote (a view may read it)."""
    if not folder.is_dir():
        return set()
    modules: set[str] = set()
    for pad in folder.iterdir():
        if pad.name.startswith(".") and pad.name.endswith(".lock"):
            continue
        if pad.is_file() and pad.suffix == ".json" and ".onleesbaar-" not in pad.name:
            modules.add(pad.stem)
        elif pad.is_file() and pad.name.startswith(werkmap.APART_PREFIX):
            modules.add(pad.name[len(werkmap.APART_PREFIX):].removesuffix(".txt"))
        else:
            modules.add(werkmap.ALLE)
    return modules


def vul_in() -> None:
    """Once the request is known: build the views again where needed, then mark the page."""
    fout = bewaard = None
    try:
        if deelnemer.is_deelnemer():
            bewaard = bewaarde_modules(deelnemer.default_folder())
    except Exception as exc:  # the request never came: no one's answers on this page
        if _ui.moet_vallen(exc):
            raise
        fout = exc
    for plek, maak, gelezen in _plekken:
        if fout is None and not opnieuw_bouwen(gelezen, bewaard):
            continue
        oud = plek.children
        if fout is not None:
            plek.children = (_ui.foutwidget(fout),)
        else:
            with werkmap.noteer_lezen() as opnieuw_gelezen:
                plek.children = (_ui.bouw_widget(maak),)
            gelezen.clear()
            gelezen.update(opnieuw_gelezen)
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
