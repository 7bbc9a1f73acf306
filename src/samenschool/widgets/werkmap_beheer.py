"""The learner's own werkmap on the start page: where the answers are, the werkboek as a
download, and wiping (in two steps).

Notebook: ``pagina.werkmap_beheer()``.
"""

from __future__ import annotations

import base64
import datetime as _dt
from html import escape

from samenschool.errors import SamenschoolError
from samenschool.werkmap import ALLE, Werkmap, luister
from samenschool.widgets import _ui

WAAR_BEWAARD = "Je antwoorden blijven op deze computer, in een map van de kit."
# room mode (samenschool start --netwerk): a participant's page, and the facilitator's own page
WAAR_BEWAARD_DEELNEMER = ("Je antwoorden staan op de computer van je begeleider, in een map alleen voor jou. "
                          "Andere deelnemers zien ze niet.")
KLAS_APART = "De antwoorden van de deelnemers staan apart. Wissen hier wist alleen de jouwe."


def waar_bewaard(werkmap: Werkmap) -> str:
    """Where the answers are, as the person on this page should read it."""
    from samenschool import deelnemer

    if deelnemer.is_deelnemer():
        return WAAR_BEWAARD_DEELNEMER
    if deelnemer.klasmodus() or werkmap.deelnemers():
        return f"{WAAR_BEWAARD} {KLAS_APART}"
    return WAAR_BEWAARD
WERKBOEK_BESTAND = "werkboek.html"
DOWNLOADS = {
    "html": (WERKBOEK_BESTAND, "text/html;charset=utf-8", "Download mijn werkboek (afdrukken)"),
    "docx": ("werkboek.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
             "Download als Word-bestand"),
}
WIS_VRAAG = "Weet je het zeker? Dit kan je niet ongedaan maken."
GEWIST = "Alles is gewist."


class WerkmapBeheer:
    """The learner's own werkmap on the start page: how much is in it, the werkboek as a
    download link (no kernel needed for the download itself), and wiping in two steps."""

    def __init__(self, werkmap: Werkmap | None = None):
        self.werkmap = _ui.werkmap_of(werkmap)
        self.wil_wissen = False

    def stand(self) -> str:
        modules = self.werkmap.modules()
        if not modules:
            return "Er staat nog niets in."
        return f"Er staan nu antwoorden van {len(modules)} module{'s' if len(modules) != 1 else ''} in."

    def uitleg_html(self) -> str:
        return f'<p class="ss-werkmap-stand">{escape(waar_bewaard(self.werkmap))} {escape(self.stand())}</p>'

    def werkboek(self, formaat: str = "html") -> str | bytes:
        from samenschool import werkboek

        return werkboek.render(self.werkmap, formaat)

    def download_html(self, moment: _dt.datetime | None = None) -> str:
        """Links that download the werkboek as it is now (the file is inside the link): a page to
        print or hand in, and a Word file a lector can comment on."""
        moment = moment or _dt.datetime.now()
        links = []
        for formaat, (bestand, mime, knop) in DOWNLOADS.items():
            inhoud = self.werkboek(formaat)
            raw = inhoud.encode("utf-8") if isinstance(inhoud, str) else inhoud
            data = base64.b64encode(raw).decode("ascii")
            links.append(f'<a class="ss-download-knop" data-formaat="{formaat}" download="{bestand}" '
                         f'href="data:{mime};base64,{data}">{escape(knop)}</a>')
        return (" ".join(links) + f' <span class="ss-hulp">Gemaakt om {moment:%H:%M}. Open het bestand om het '
                'te lezen, af te drukken of in te dienen.</span>')

    def vraag_wissen(self) -> str:
        """First step of wiping: only ask."""
        self.wil_wissen = True
        return WIS_VRAAG

    def annuleer(self) -> None:
        self.wil_wissen = False

    def wis(self) -> int:
        """Second step: wipe every answer. Refuses unless :meth:`vraag_wissen` came first."""
        if not self.wil_wissen:
            raise SamenschoolError("Klik eerst op 'Wis al mijn antwoorden'. Daarna vraagt de kit of je het zeker weet.")
        self.wil_wissen = False
        return self.werkmap.wis()

    def begeleider_html(self) -> str:
        """The folder and the commands, folded away for the facilitator (not on a participant's page)."""
        from samenschool import deelnemer

        if deelnemer.is_deelnemer():
            return ""
        return ('<details class="ss-begeleider"><summary>Voor de begeleider</summary>'
                f'<p>De map met de antwoorden: <code>{escape(str(self.werkmap.folder))}</code></p>'
                '<p>In een terminal: <code>samenschool werkmap export --uit werkboek.html</code> maakt het '
                'werkboek, <code>samenschool werkmap wis</code> wist je eigen antwoorden. Klasmodus: '
                '<code>samenschool werkmap klas --uit MAP</code> maakt de werkboeken van de deelnemers, '
                '<code>samenschool werkmap wis --klas</code> wist hun antwoorden.</p></details>')


def werkmap_html(werkmap: Werkmap | None = None) -> str:
    """Where the answers are saved, in one plain sentence (the start page's werkmap block
    adds the buttons; this text is for places without widgets)."""
    model = WerkmapBeheer(werkmap)
    return model.uitleg_html() + model.begeleider_html() + _ui.werkmap_meldingen_html(model.werkmap)


def _rustig_html(tekst: str) -> str:
    """A calm status line (like "Bewaard ✓"), not a warning."""
    return f'<p class="ss-bewaard" role="status">{escape(tekst)}</p>'


class WerkmapView:
    def __init__(self, model: WerkmapBeheer):
        import ipywidgets as widgets

        self.model = model
        self.uitleg = widgets.HTML(model.uitleg_html())
        self.knop_werkboek = _ui.knop("Maak mijn werkboek", "ss-knop-werkboek", "primary")
        self.knop_werkboek.on_click(self._maak_werkboek)
        self.download = widgets.HTML("")
        self.download.add_class("ss-werkboek-link")
        self.knop_wis = _ui.knop("Wis al mijn antwoorden", "ss-knop-wis")
        self.knop_wis.on_click(self._vraag_wissen)
        self.vraag = widgets.HTML("")
        self.knop_ja = _ui.knop("Ja, wis alles", "ss-knop-wis-ja", "danger")
        self.knop_nee = _ui.knop("Nee, niets wissen", "ss-knop-wis-nee")
        self.knop_ja.on_click(self._wis)
        self.knop_nee.on_click(self._annuleer)
        self.bevestig = widgets.VBox([self.vraag, widgets.HBox([self.knop_ja, self.knop_nee])])
        self.bevestig.add_class("ss-wis-bevestig")
        self.bevestig.layout.display = "none"
        self.status = widgets.HTML(_ui.werkmap_meldingen_html(model.werkmap))
        self.begeleider = widgets.HTML(model.begeleider_html())
        for knop in (self.knop_werkboek, self.knop_wis, self.knop_ja, self.knop_nee):
            knop.layout.flex = "0 0 auto"  # never squeezed or stretched: the whole label stays readable
        werkboek_rij, wis_rij = widgets.HBox([self.knop_werkboek]), widgets.HBox([self.knop_wis])
        werkboek_rij.add_class("ss-knoppen")
        wis_rij.add_class("ss-knoppen")
        wis_rij.layout.margin = "1.2em 0 0 0"  # wiping stands apart from the werkboek
        self.widget = widgets.VBox([self.uitleg, werkboek_rij, self.download, wis_rij, self.bevestig,
                                    self.status, self.begeleider])
        self.widget.add_class("ss-werkmap")
        luister(ALLE, self.vernieuw)

    def vernieuw(self) -> None:
        try:
            self.uitleg.value = self.model.uitleg_html()
            if self.download.value:  # keep an open download link current
                self.download.value = self.model.download_html()
        except Exception as exc:
            self.status.value = _ui.melding_html(_ui.fout_tekst(exc), "let_op")

    @_ui.veilig()
    def _maak_werkboek(self, _button=None) -> None:
        self.download.value = self.model.download_html()
        self.status.value = ""

    @_ui.veilig()
    def _vraag_wissen(self, _button=None) -> None:
        self.vraag.value = f'<p class="ss-vraag ss-wis-vraag">{escape(self.model.vraag_wissen())}</p>'
        self.bevestig.layout.display = "flex"
        self.status.value = ""

    @_ui.veilig()
    def _annuleer(self, _button=None) -> None:
        self.model.annuleer()
        self.bevestig.layout.display = "none"
        self.status.value = _rustig_html("Er is niets gewist.")

    @_ui.veilig()
    def _wis(self, _button=None) -> None:
        self.model.wis()
        self.bevestig.layout.display = "none"
        self.download.value = ""
        self.uitleg.value = self.model.uitleg_html()
        self.status.value = _rustig_html(f"{GEWIST} Laad de pagina opnieuw, dan zijn ook de vakken hierboven leeg.")


def maak(*, werkmap: Werkmap | None = None) -> WerkmapView:
    """Where the answers are saved, with "Maak mijn werkboek" and "Wis al mijn antwoorden"."""
    return WerkmapView(WerkmapBeheer(werkmap))
