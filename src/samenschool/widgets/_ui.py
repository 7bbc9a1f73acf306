"""Small shared helpers for the widget views: Dutch messages, the "Bewaard ✓" line, a
change signal between widgets of one page, and a safe wrapper for callbacks.

No ipywidgets import at module level: models can be used without it.
"""

from __future__ import annotations

import datetime as _dt
import functools
import weakref
from html import escape
from typing import Callable

from samenschool.errors import SamenschoolError
from samenschool.werkmap import Werkmap

ALGEMENE_FOUT = ("Er liep iets mis met dit onderdeel. Je bewaarde antwoorden zijn niet verloren. "
                 "Laad de pagina opnieuw; blijft het probleem, vraag hulp aan je begeleider.")


def werkmap_of(werkmap: Werkmap | None) -> Werkmap:
    return werkmap if werkmap is not None else Werkmap.default()


def melding_html(tekst: str, soort: str = "info") -> str:
    """A short message for the learner. ``soort``: info, ok, let_op.

    Only ``let_op`` looks like a warning (class ``ss-melding``); info and ok are a calm line."""
    if not tekst:
        return ""
    klasse = "ss-melding" if soort == "let_op" else "ss-status"
    return f'<p class="{klasse} ss-melding-{escape(soort)}" role="status">{escape(tekst)}</p>'


def bewaard_html(moment: _dt.datetime | None = None) -> str:
    moment = moment or _dt.datetime.now()
    return f'<p class="ss-bewaard" role="status">Bewaard ✓ ({moment:%H:%M})</p>'


def werkmap_meldingen_html(werkmap: Werkmap) -> str:
    """Messages of the werkmap (e.g. a file set aside), shown once."""
    if not werkmap.meldingen:
        return ""
    html = "".join(melding_html(m, "let_op") for m in werkmap.meldingen)
    werkmap.meldingen.clear()
    return html


def fout_tekst(exc: BaseException) -> str:
    """Dutch text for an exception: the message of a known problem, else a general message."""
    if isinstance(exc, (SamenschoolError, KeyError)) and str(exc).strip("'\" "):
        text = str(exc)
        if isinstance(exc, KeyError):
            text = text.strip("'\"")
        return text
    return ALGEMENE_FOUT


# -- change signal: widgets of one module tell the progress indicator they saved --------
_LUISTERAARS: dict[str, list] = {}
ALLE = "*"  # listen to every module (e.g. the werkmap block on the start page)


def luister(module: str, callback: Callable[[], None]) -> None:
    """Call ``callback()`` when an answer of ``module`` is saved in this process
    (``module=ALLE``: of any module).

    Bound methods are held weakly, so a view that is gone does not keep listening."""
    from samenschool import werkmap

    # every save in this process (also by widgets that do not signal themselves, such as the
    # planner of module 04) reaches the listeners
    werkmap.bij_wijziging(meld_wijziging)
    ref = weakref.WeakMethod(callback) if hasattr(callback, "__self__") else (lambda cb=callback: cb)
    _LUISTERAARS.setdefault(module, []).append(ref)


def _roep(module: str) -> None:
    alive = []
    for ref in _LUISTERAARS.get(module, []):
        callback = ref()
        if callback is None:
            continue
        alive.append(ref)
        try:
            callback()
        except Exception:  # a listener must never break the widget that saved
            pass
    _LUISTERAARS[module] = alive


def meld_wijziging(module: str | None = None) -> None:
    """Tell the listeners of ``module`` (and those of every module) that an answer changed.
    ``module=None``: every listener (e.g. after wiping the werkmap)."""
    if module is None:
        for naam in list(_LUISTERAARS):
            _roep(naam)
        return
    _roep(module)
    if module != ALLE:
        _roep(ALLE)




# -- views ----------------------------------------------------------------------------------
def veilig(status_attr: str = "status"):
    """Decorator for view callbacks: any error becomes a Dutch message in ``self.<status_attr>``."""

    def wrap(method):
        @functools.wraps(method)
        def inner(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except Exception as exc:  # never a traceback on the page
                widget = getattr(self, status_attr, None)
                if widget is not None:
                    widget.value = melding_html(fout_tekst(exc), "let_op")
                return None

        return inner

    return wrap


def foutwidget(exc: BaseException):
    """An HTML widget with a Dutch message, for a view that could not be built."""
    import ipywidgets as widgets

    box = widgets.HTML(melding_html(fout_tekst(exc), "let_op"))
    box.add_class("ss-fout")
    return box


def toon_widget(maak: Callable[[], object]) -> None:
    """Build a view with ``maak()`` and display it; on any error display a Dutch message."""
    from IPython.display import display

    try:
        view = maak()
        widget = getattr(view, "widget", view)
        if widget is not view:
            # the page holds the widget; the widget holds its view, so listeners
            # (held weakly by the change signal) stay alive as long as the page shows it
            widget._ss_view = view
        display(widget)
    except Exception as exc:
        display(foutwidget(exc))


def knop(beschrijving: str, klasse: str = "ss-knop", stijl: str = ""):
    import ipywidgets as widgets

    button = widgets.Button(description=beschrijving, button_style=stijl,
                            layout=widgets.Layout(width="auto", min_height="2.6em", padding="0 1.2em"),
                            tooltip=beschrijving)
    button.add_class("ss-knop")
    if klasse != "ss-knop":
        button.add_class(klasse)
    return button
