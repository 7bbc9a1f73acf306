"""The page "Stemmen": a thin view over ``samenschool.stemmen``.

Notebook (after ``pagina = open_module("stemmen")``): ``stemmen.toon(pagina, "bewaard")``.
A search box and four filters above the list of quotes; each quote with a "Bewaar" box that
saves at once; below, quote cards to print (A6 on A4) from the kept quotes or from the list.
"""

from __future__ import annotations

import base64
import re
from html import escape

from samenschool import citaat, stemmen
from samenschool.widgets import _ui

KAARTEN_BEWAARD, KAARTEN_LIJST = "bewaard", "lijst"
PER_KEER = 20  # quotes shown at once; "Toon meer" adds as many


def kaart_html(rij) -> str:
    """One quote as the page shows it: the quote with who said it (the kit's quote block), its
    part and page in the report, the report's sentence before it, theme and barrier (the kit's
    reading) and the pages of the kit that name it."""
    kop = re.sub(r"^\d+\.\s*", "", str(rij["deel_kop"]))
    kop_html = "" if kop == rij["deel"] else f" ({escape(rij['deel_kop'])})"
    meta = [f'<span class="ss-stem-nr">{escape(rij["id"])}</span> '
            f'Deel <strong>{escape(rij["deel"])}</strong>{kop_html}, {escape(rij["pagina"])}.']
    if rij["context"]:
        meta.append(f'Ervoor in het rapport: “{escape(rij["context"])}”')
    lezing = [f"thema {escape(rij['thema_naam'])}" if rij["thema_naam"] else "",
              f"drempel {escape(rij['drempel_naam'])}" if rij["drempel_naam"] else ""]
    lezing = [x for x in lezing if x]
    if lezing:
        meta.append("Lezing van de kit: " + ", ".join(lezing) + ".")
    if rij["gebruikt"]:
        links = "; ".join(f'<a href="{escape(g.href())}">{escape(g.titel)}</a>' for g in rij["gebruikt"])
        meta.append(f"Ook in de kit: {links}.")
    else:
        meta.append(escape(stemmen.gebruik_tekst(rij)))
    return (f'<div class="ss-stem" data-citaat="{escape(rij["id"])}">{citaat.html(rij)}'
            f'<div class="ss-stem-meta">{"".join(f"<p>{m}</p>" for m in meta)}</div></div>')


class StemmenView:
    def __init__(self, model: stemmen.Bewaard):
        import ipywidgets as w

        self.model = model
        frame = model.frame
        opties = stemmen.opties(frame)
        self.zoekvak = w.Text(placeholder="Zoek een woord, bv. schoolpoort", description="Zoek",
                              continuous_update=True, layout=w.Layout(width="26em"))
        self.zoekvak.add_class("ss-stemmen-zoek")
        self.filters = {}
        for naam, label in (("thema", "Thema"), ("drempel", "Drempel"), ("spreker", "Wie"), ("deel", "Deel")):
            dd = w.Dropdown(options=opties[naam], value=stemmen.ALLE, description=label,
                            layout=w.Layout(width="26em"))
            dd.add_class(f"ss-stemmen-{naam}")
            dd.observe(self._filter, names="value")
            self.filters[naam] = dd
        self.zoekvak.observe(self._filter, names="value")
        self.wis = _ui.knop("Toon alle citaten", "ss-stemmen-wis")
        self.wis.on_click(self._wis)
        self.aantal = w.HTML()
        self.aantal.add_class("ss-stemmen-aantal")

        self.rijen: dict = {}     # built when first shown: a page of 20 is quick, 118 at once is slow
        self.vinkjes: dict = {}
        self.getoond = PER_KEER
        self.meer = _ui.knop("Toon meer citaten", "ss-stemmen-meer")
        self.meer.on_click(self._meer)
        self.lijst = w.VBox([], layout=w.Layout(width="100%"))
        self.lijst.add_class("ss-stemmen-lijst")
        self.status = w.HTML(_ui.werkmap_meldingen_html(model.werkmap))
        self.bewaard = w.HTML()
        self.bewaard.add_class("ss-stemmen-bewaard")

        self.welke = w.ToggleButtons(options=[("Mijn bewaarde citaten", KAARTEN_BEWAARD),
                                              ("Alle citaten van je zoekopdracht", KAARTEN_LIJST)],
                                     value=KAARTEN_BEWAARD, style={"button_width": "17em"})
        self.welke.add_class("ss-stemmen-welke")
        self.maak_knop = _ui.knop("Maak citaatkaarten (A6)", "ss-stemmen-kaarten", "primary")
        self.maak_knop.on_click(self._kaarten)
        self.kaarten = w.HTML()
        self.kaarten.add_class("ss-stemmen-download")

        zoeken = w.VBox([self.zoekvak, w.HBox([self.filters["thema"], self.filters["drempel"]]),
                         w.HBox([self.filters["spreker"], self.filters["deel"]]),
                         w.HBox([self.wis]), self.aantal])
        zoeken.add_class("ss-stemmen-filters")
        afdrukken = w.VBox([w.HTML("<h3>Citaatkaarten afdrukken</h3><p class=\"ss-hulp\">Voor een sessie: "
                                   "kaarten op A6, vier per A4-blad. Kies welke citaten, klik op de knop en "
                                   "open het bestand. Druk af op ware grootte en knip langs de stippellijnen.</p>"),
                            self.welke, w.HBox([self.maak_knop]), self.kaarten])
        afdrukken.add_class("ss-stemmen-afdrukken")
        self.meer_box = w.HBox([self.meer])
        self.widget = w.VBox([zoeken, self.status, self.bewaard, self.lijst, self.meer_box, afdrukken])
        self.widget.add_class("ss-stemmen")
        self._toon_bewaard()
        self._filter()

    # -- callbacks ------------------------------------------------------------------------
    def resultaat(self):
        return stemmen.zoek(self.model.frame, self.zoekvak.value, **{k: dd.value for k, dd in self.filters.items()})

    def _rij(self, cid: str):
        """The row widget of one quote (built once, when first shown)."""
        if cid not in self.rijen:
            import ipywidgets as w

            rij = self.model.frame.set_index("id").loc[cid].to_dict() | {"id": cid}
            vinkje = w.Checkbox(value=cid in self.model.ids, description=f"Bewaar {cid}", indent=False,
                                layout=w.Layout(width="auto"))
            vinkje.add_class("ss-stem-bewaar")
            vinkje.add_class(f"ss-bewaar-{cid}")
            vinkje.observe(lambda change, cid=cid: self._bewaar(cid, change["new"]), names="value")
            box = w.VBox([w.HTML(kaart_html(rij)), vinkje], layout=w.Layout(width="100%"))
            box.add_class("ss-stem-rij")
            self.vinkjes[cid], self.rijen[cid] = vinkje, box
        return self.rijen[cid]

    def zichtbaar(self) -> list[str]:
        """The quote ids the list shows now (the first ``getoond`` of the result)."""
        return list(self.resultaat()["id"])[: self.getoond]

    @_ui.veilig()
    def _filter(self, _change=None) -> None:
        self.getoond = PER_KEER
        self._toon_lijst()

    @_ui.veilig()
    def _meer(self, _knop=None) -> None:
        self.getoond += PER_KEER
        self._toon_lijst()

    def _toon_lijst(self) -> None:
        ids = list(self.resultaat()["id"])
        zichtbaar = ids[: self.getoond]
        self.lijst.children = [self._rij(c) for c in zichtbaar]
        rest = len(ids) - len(zichtbaar)
        self.meer.description = f"Toon nog {min(rest, PER_KEER)} (er zijn er nog {rest})"
        self.meer_box.layout.display = "flex" if rest else "none"
        n, totaal = len(ids), len(self.model.frame)
        if n == 0:
            tekst = "Geen citaat past bij je zoekwoord en filters. Probeer een ander woord of klik op Toon alle citaten."
        else:
            tekst = f"Je ziet alle {totaal} citaten." if n == totaal else f"Je ziet {n} van de {totaal} citaten."
            if rest:
                tekst += f" Hieronder de eerste {len(zichtbaar)}."
        self.aantal.value = f'<p class="ss-status" role="status">{escape(tekst)}</p>'

    @_ui.veilig()
    def _wis(self, _knop=None) -> None:
        self.zoekvak.value = ""
        for dd in self.filters.values():
            dd.value = stemmen.ALLE
        self._filter()

    def _toon_bewaard(self) -> None:
        n = len(self.model.ids)
        if n:
            tekst = f"Je bewaarde {n} {'citaat' if n == 1 else 'citaten'}: {', '.join(self.model.ids)}."
        else:
            tekst = "Je bewaarde nog geen citaten. Vink Bewaar aan bij een citaat dat je wil onthouden."
        self.bewaard.value = _ui.melding_html(tekst, "info")

    @_ui.veilig()
    def _bewaar(self, cid: str, aan: bool) -> None:
        self.model.zet(cid, bool(aan))
        self._toon_bewaard()
        self.status.value = _ui.bewaard_html()

    @_ui.veilig()
    def _kaarten(self, _knop=None) -> None:
        if self.welke.value == KAARTEN_BEWAARD:
            ids, titel = list(self.model.ids), "Citaatkaarten: bewaarde citaten"
            if not ids:
                self.kaarten.value = _ui.melding_html("Je bewaarde nog geen citaten. Vink eerst Bewaar aan, "
                                                      "of kies Alle citaten van je zoekopdracht.", "let_op")
                return
        else:
            ids, titel = list(self.resultaat()["id"]), "Citaatkaarten"
            if not ids:
                self.kaarten.value = _ui.melding_html("De lijst is leeg. Pas je zoekwoord of filters aan.", "let_op")
                return
        html = stemmen.kaarten_html(self.model.frame, ids, titel)
        b64 = base64.b64encode(html.encode("utf-8")).decode("ascii")
        vellen = (len(ids) + 3) // 4
        self.kaarten.value = (
            f'<p><a class="ss-download-knop" download="citaatkaarten.html" '
            f'href="data:text/html;charset=utf-8;base64,{b64}">Download de kaarten ({len(ids)} '
            f'{"kaart" if len(ids) == 1 else "kaarten"}, {vellen} {"blad" if vellen == 1 else "bladen"} A4)</a></p>'
            '<p class="ss-hulp">Open het bestand in je browser en kies Afdrukken.</p>')


def maak(ctx) -> StemmenView:
    """The view for the activity of ``ctx`` (a ``widgets.module.Context``)."""
    return StemmenView(stemmen.Bewaard(ctx.werkmap, ctx.module, ctx.sleutel))


def toon(pagina, sleutel: str = stemmen.SLEUTEL) -> None:
    """One line in the notebook: ``stemmen.toon(pagina, "bewaard")``."""
    pagina.toon(sleutel, maak)
