"""Small shared helpers for the widget views: Dutch messages, the "Bewaard ✓" line, and a safe
wrapper for callbacks that honours strict mode (``SAMENSCHOOL_STRIKT=1`` under tests: every
error that is not a message for the learner is raised, so nbval and pytest see it).

Views hear about saves through the werkmap's one change signal (``werkmap.luister``).

No ipywidgets import at module level: models can be used without it.
"""

from __future__ import annotations

import datetime as _dt
import functools
from html import escape
from typing import Callable

from samenschool.errors import InhoudFout, SamenschoolError
from samenschool.werkmap import ALLE, Werkmap, luister, strikt  # noqa: F401  (ALLE, luister: for views)

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
    if tekst.startswith("Niet bewaard"):  # the page script then keeps the typed text in the browser
        klasse += " ss-niet-bewaard"
    return f'<p class="{klasse} ss-melding-{escape(soort)}" role="status">{escape(tekst)}</p>'


def bewaard_html(moment: _dt.datetime | None = None) -> str:
    moment = moment or _dt.datetime.now()
    return f'<p class="ss-bewaard" role="status">Bewaard ✓ ({moment:%H:%M})</p>'


def werkmap_meldingen_html(werkmap: Werkmap) -> str:
    """Messages of the werkmap (e.g. a file set aside), shown once."""
    berichten = list(werkmap.meldingen)
    for module in sorted(getattr(werkmap, "gelezen", ())):  # set aside by any page, shown on this one
        berichten += [m for m in werkmap.apart_meldingen(module) if m not in berichten]
    werkmap.meldingen.clear()
    return "".join(melding_html(m, "let_op") for m in berichten)


def fout_tekst(exc: BaseException) -> str:
    """Dutch text for an exception: the message of a known problem, else a general message."""
    if isinstance(exc, (SamenschoolError, KeyError)) and str(exc).strip("'\" "):
        text = str(exc)
        if isinstance(exc, KeyError):
            text = text.strip("'\"")
        return text
    return ALGEMENE_FOUT


def moet_vallen(exc: BaseException) -> bool:
    """In strict mode every error falls through, except a message meant for the learner."""
    return strikt() and (not isinstance(exc, SamenschoolError) or isinstance(exc, InhoudFout))


# -- views ----------------------------------------------------------------------------------
def veilig(status_attr: str = "status"):
    """Decorator for view callbacks: any error becomes a Dutch message in ``self.<status_attr>``."""

    def wrap(method):
        @functools.wraps(method)
        def inner(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except Exception as exc:  # never a traceback on the page
                if moet_vallen(exc):
                    raise
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


def bouw_widget(maak: Callable[[], object]):
    """The widget of the view ``maak()`` builds; on any error a Dutch message instead."""
    try:
        view = maak()
        widget = getattr(view, "widget", view)
        if widget is not view:
            # the page holds the widget; the widget holds its view, so listeners
            # (held weakly by the change signal) stay alive as long as the page shows it
            widget._ss_view = view
        return widget
    except Exception as exc:
        if moet_vallen(exc):
            raise
        return foutwidget(exc)


def toon_widget(maak: Callable[[], object]) -> None:
    """Build a view with ``maak()`` and display it; on any error display a Dutch message.

    On a page built before its participant is known (room mode), the view goes in a
    placeholder that is filled in again once they are (``widgets.plaatshouder``)."""
    from IPython.display import display

    from samenschool.widgets import plaatshouder

    if not plaatshouder.toon(maak):
        display(bouw_widget(maak))


def knop(beschrijving: str, klasse: str = "ss-knop", stijl: str = ""):
    import ipywidgets as widgets

    button = widgets.Button(description=beschrijving, button_style=stijl,
                            layout=widgets.Layout(width="auto", min_height="2.6em", padding="0 1.2em"),
                            tooltip=beschrijving)
    button.add_class("ss-knop")
    if klasse != "ss-knop":
        button.add_class(klasse)
    return button


def toon_html(maak: Callable[[], str]) -> None:
    """Display the HTML that ``maak()`` returns; on any error a Dutch message (strict mode: raise)."""
    from IPython.display import HTML, display

    try:
        display(HTML(maak()))
    except Exception as exc:
        if moet_vallen(exc):
            raise
        display(HTML(melding_html(fout_tekst(exc), "let_op")))
