"""Module 07: the views of the action plan (zelfscan, kiezen, acties, het plan).

Thin ipywidgets views over ``samenschool.actieplan.PlanWerk``: every change is saved in the
werkmap at once as a self-describing answer; the views of the page follow each other through
the werkmap's change signal (a barrier chosen above appears in the action form below, the
plan's download links follow every change).

In a notebook: ``pagina.toon("zelfscan", actieplan.zelfscan)`` (and ``kiezen``, ``acties``,
``plan``): the page object hands each factory the activity's context.
"""

from __future__ import annotations

import base64
import datetime as _dt
from dataclasses import asdict
from html import escape

from samenschool import actieplan as ap
from samenschool.errors import SamenschoolError
from samenschool.widgets import _ui

EIGEN = ""  # value of "our own action" in the practice dropdown
FORMAAT_NAAM = {"docx": "Aanpassen in Word", "html": "Afdrukken", "md": "Tekst (Markdown)"}
FORMAAT_UITLEG = {"docx": "een Word-bestand dat jullie kunnen aanpassen",
                  "html": "open in je browser en druk af op A4",
                  "md": "gewone tekst, voor wie met Markdown werkt"}
MIME = {"html": "text/html;charset=utf-8", "md": "text/markdown;charset=utf-8", "docx": ap.MIME["docx"]}


def _luister(werk: ap.PlanWerk, callback) -> None:
    from samenschool.werkmap import luister

    luister(werk.module, callback)


# ---------------------------------------------------------------------------------------------
# 1. Zelfscan
# ---------------------------------------------------------------------------------------------

class ZelfscanView:
    """Per need: what the report says, and three buttons (nog niet / gestart / zit in onze werking)."""

    def __init__(self, werk: ap.PlanWerk):
        import ipywidgets as W

        self.werk = werk
        self.knoppen: dict[str, object] = {}
        self.status = W.HTML()
        rijen = []
        kant = None
        for nood in ap.noden():
            if nood["kant"] != kant:
                kant = nood["kant"]
                kop = ("Wat de oudergroep nodig vindt (rapport, deel Wat is er nodig)" if kant == "ouders"
                       else "Wat de focusgroep nodig vindt (rapport, deel Focusgroep noden)")
                rijen.append(W.HTML(f'<h3 class="ss-zelfscan-kop">{escape(kop)}</h3>'))
            knop = W.ToggleButtons(options=[(label, sleutel) for sleutel, label in ap.STANDEN.items()],
                                   value=werk.zelfscan.get(nood["id"]),
                                   tooltips=[f"{nood['naam']}: {label}" for label in ap.STANDEN.values()],
                                   style={"button_width": "auto"})
            knop.add_class("ss-zelfscan-knoppen")
            knop.add_class(f"ss-nood-{nood['id']}")
            knop.observe(lambda change, nid=nood["id"]: self._gekozen(nid, change["new"]), names="value")
            self.knoppen[nood["id"]] = knop
            vraag = (f'<p class="ss-vraag"><strong>Waar staat onze school?</strong> '
                     f'({escape(nood["naam"])})</p>')
            rij = W.VBox([W.HTML(ap.nood_html(nood) + vraag), knop],
                         layout=W.Layout(border_top="2px solid #c8d6e0", padding="0.5em 0 0.8em 0"))
            rij.add_class("ss-zelfscan-rij")
            rijen.append(rij)
        self.widget = W.VBox([*rijen, self.status])
        self.widget.add_class("ss-zelfscan")

    @_ui.veilig()
    def _gekozen(self, nood_id: str, stand) -> None:
        self.werk.zet_stand(nood_id, stand)
        self.status.value = _ui.bewaard_html()


# ---------------------------------------------------------------------------------------------
# 2. Kiezen
# ---------------------------------------------------------------------------------------------

def teamkaart_html(teamkaart: list[tuple[str, float]]) -> str:
    if not teamkaart:
        return ('<p class="ss-hulp">Er staat nog geen teamkaart van module 03 in deze werkmap. Kies zelf '
                "de drempels die bij jullie het sterkst spelen.</p>")
    items = "".join(f"<li>{escape(ap.drempel_naam(d))} <small>(gemiddeld {_getal(g)} op 3)</small></li>"
                    for d, g in teamkaart[:ap.MAX_DREMPELS])
    return ('<div class="ss-teamkaart-kort"><p><strong>Volgens jullie teamkaart uit module 03</strong> spelen '
            f"deze drempels het sterkst:</p><ol>{items}</ol><p>Alle drempels van de teamkaart staan hieronder "
            "bovenaan, met hun gemiddelde. Daaronder staan de drempels die scholen zelf noemen.</p></div>")


def _getal(waarde: float) -> str:
    return f"{waarde:.1f}".replace(".", ",")


class KiezenView:
    """Checkboxes for the barriers: the team map's first (strongest on top), then the others."""

    def __init__(self, werk: ap.PlanWerk):
        import ipywidgets as W

        self.werk = werk
        teamkaart = ap.teamkaart_drempels(werk.werkmap)
        score = dict(teamkaart)
        alle = ap.drempels()
        volgorde = [d for d, _ in teamkaart] + [r["id"] for r in alle if r["id"] not in score]
        rijen = {r["id"]: r for r in alle}
        self.vakjes: dict[str, object] = {}
        kinderen = [W.HTML(teamkaart_html(teamkaart))]
        for drempel_id in volgorde:
            rij = rijen[drempel_id]
            label = rij["naam"]
            if drempel_id in score:
                label += f" (teamkaart: {_getal(score[drempel_id])})"
            elif rij["kant"] == "school":
                label += " (drempel van de school)"
            vakje = W.Checkbox(value=drempel_id in werk.drempels, description=label, indent=False,
                               layout=W.Layout(width="auto"))
            vakje.add_class("ss-drempel-vakje")
            vakje.add_class(f"ss-drempel-{drempel_id}")
            vakje.observe(lambda change, did=drempel_id: self._gewijzigd(did, change["new"]), names="value")
            self.vakjes[drempel_id] = vakje
            kinderen.append(vakje)
        self.status = W.HTML(self._samenvatting())
        self._bezig = False
        self.widget = W.VBox([*kinderen, self.status])
        self.widget.add_class("ss-kiezen")

    def _samenvatting(self) -> str:
        if not self.werk.drempels:
            return _ui.melding_html("Nog geen drempel gekozen. Kies er één, twee of drie.", "info")
        namen = ", ".join(ap.drempel_naam(d) for d in self.werk.drempels)
        return _ui.melding_html(f"Gekozen ({len(self.werk.drempels)} van hoogstens {ap.MAX_DREMPELS}): {namen}.", "ok")

    @_ui.veilig()
    def _gewijzigd(self, drempel_id: str, aan: bool) -> None:
        if self._bezig:
            return
        gekozen = [d for d in self.werk.drempels if d != drempel_id] + ([drempel_id] if aan else [])
        melding = self.werk.kies_drempels(gekozen)
        if melding:
            self._bezig = True
            try:
                self.vakjes[drempel_id].value = False
            finally:
                self._bezig = False
            self.status.value = _ui.melding_html(melding, "let_op")
            return
        self.status.value = self._samenvatting() + _ui.bewaard_html()


# ---------------------------------------------------------------------------------------------
# 3. Acties
# ---------------------------------------------------------------------------------------------

class ActiesView:
    """A form for one action (a good practice of the chosen barrier or the team's own) and the
    list of actions so far, each with a remove button."""

    def __init__(self, werk: ap.PlanWerk):
        import ipywidgets as W

        self.W = W
        self.werk = werk
        breed = W.Layout(width="97%")
        self.drempel = W.Dropdown(description="", layout=W.Layout(width="97%"))
        self.praktijk = W.Dropdown(description="", layout=W.Layout(width="97%"))
        self.praktijk_info = W.HTML()
        self.wat = W.Text(placeholder="Bv. elke ochtend een goedendag aan de schoolpoort", layout=breed)
        self.trekker = W.Text(placeholder="Een rol of een collega, bv. zorgcoördinator", layout=breed)
        self.eerste_stap = W.Text(placeholder="Wat doen jullie als eerste?", layout=breed)
        self.datum_eerste_stap = W.DatePicker(description="")
        self.werkt_het = W.Textarea(placeholder="Wat zien of horen jullie als het werkt?",
                                    layout=W.Layout(width="97%", height="4.5em"))
        self.terugblik = W.DatePicker(description="")
        self.velden = {"drempel": self.drempel, "praktijk": self.praktijk, "wat": self.wat,
                       "trekker": self.trekker, "eerste_stap": self.eerste_stap,
                       "datum_eerste_stap": self.datum_eerste_stap, "werkt_het": self.werkt_het,
                       "terugblik": self.terugblik}
        for naam, veld in self.velden.items():
            veld.add_class(f"ss-actie-{naam}")

        def rij(label: str, veld, hulp: str = ""):
            kop = f'<label class="ss-vraag">{escape(label)}</label>'
            if hulp:
                kop += f'<p class="ss-hulp">{escape(hulp)}</p>'
            return W.VBox([W.HTML(kop), veld])

        self.toevoegen = _ui.knop("Voeg deze actie toe", stijl="primary")
        self.toevoegen.add_class("ss-actie-toevoegen")
        self.toevoegen.on_click(self._voeg_toe)
        self.meldingen = W.HTML()
        self.lijst = W.VBox()
        self.lijst.add_class("ss-acties-lijst")
        self.leeg = W.HTML()
        self.formulier = W.VBox([
            W.HTML("<h3>Een nieuwe actie</h3>"),
            rij(ap.ACTIE_VELDEN["drempel"], self.drempel),
            rij("Vertrek van een goede praktijk uit het rapport, of van een eigen idee", self.praktijk),
            self.praktijk_info,
            rij(ap.ACTIE_VELDEN["wat"], self.wat),
            rij(ap.ACTIE_VELDEN["trekker"], self.trekker, ap.TREKKER_UITLEG),
            rij(ap.ACTIE_VELDEN["eerste_stap"], self.eerste_stap),
            rij(ap.ACTIE_VELDEN["datum_eerste_stap"], self.datum_eerste_stap),
            rij(ap.ACTIE_VELDEN["werkt_het"], self.werkt_het),
            rij(ap.ACTIE_VELDEN["terugblik"], self.terugblik),
            self.toevoegen, self.meldingen,
        ])
        self.formulier.add_class("ss-actie-formulier")
        self.drempel.observe(self._drempel_gekozen, names="value")
        self.praktijk.observe(self._praktijk_gekozen, names="value")
        self.widget = W.VBox([W.HTML("<h3>Jullie acties</h3>"), self.lijst, self.leeg, self.formulier])
        self.widget.add_class("ss-acties")
        self._stil = True  # no draft saves while the form is being filled from the werkmap
        self._handtekening = None
        self._ververs()
        self._herstel_concept()
        self._stil = False
        for veld in self.velden.values():
            veld.observe(self._bewaar_concept, names="value")
        _luister(werk, self._van_buiten)

    # -- the draft: what is typed in the form is kept too (a reload loses nothing) -------------
    def _concept(self) -> dict:
        actie = self.actie()
        return {naam: getattr(actie, naam) for naam in ap.ACTIE_VELDEN}

    @_ui.veilig("meldingen")
    def _bewaar_concept(self, _change=None) -> None:
        if self._stil:
            return
        self.werk.werkmap.zet_toestand(self.werk.module, ap.CONCEPT, self._concept())

    def _herstel_concept(self) -> None:
        concept = self.werk.werkmap.toestand(self.werk.module).get(ap.CONCEPT) or {}
        if not isinstance(concept, dict):
            return
        if concept.get("drempel") in self.werk.drempels:
            self.drempel.value = concept["drempel"]
        if concept.get("praktijk") in [v for _, v in self.praktijk.options]:
            self.praktijk.value = concept["praktijk"]
        for naam in ("wat", "trekker", "eerste_stap", "werkt_het"):
            waarde = concept.get(naam)
            if isinstance(waarde, str) and waarde:
                self.velden[naam].value = waarde
        for naam in ("datum_eerste_stap", "terugblik"):
            datum = ap.parse_datum(concept.get(naam) or "")
            if datum:
                self.velden[naam].value = datum

    # -- refresh ---------------------------------------------------------------------------
    def _van_buiten(self) -> None:
        """Something of this module was saved (e.g. the barriers above): read the werkmap again
        and redraw when the barriers or the actions changed."""
        self.werk.laad()
        if self._sleutel() != self._handtekening:
            self._ververs()

    def _sleutel(self) -> str:
        return repr((self.werk.drempels, [asdict(a) for a in self.werk.acties]))

    def _ververs(self) -> None:
        self._handtekening = self._sleutel()
        opties = [(ap.drempel_naam(d), d) for d in self.werk.drempels]
        if [o[1] for o in self.drempel.options] != [o[1] for o in opties]:
            huidig = self.drempel.value
            self.drempel.options = opties
            self.drempel.value = huidig if huidig in self.werk.drempels else (opties[0][1] if opties else None)
        self.formulier.layout.display = None if opties else "none"
        self.leeg.value = ("" if opties else _ui.melding_html(
            "Kies eerst bij activiteit 2 één tot drie drempels. Dan kan je hier acties toevoegen.", "info"))
        self._drempel_gekozen()
        self._toon_lijst()

    def _toon_lijst(self) -> None:
        W = self.W
        rijen = []
        for i, actie in enumerate(self.werk.acties):
            velden = [(ap.ACTIE_VELDEN["drempel"], ap.drempel_naam(actie.drempel)),
                      (ap.ACTIE_VELDEN["trekker"], actie.trekker),
                      (ap.ACTIE_VELDEN["eerste_stap"], f"{actie.eerste_stap} ({ap.datum_tekst(actie.datum_eerste_stap)})"),
                      (ap.ACTIE_VELDEN["werkt_het"], actie.werkt_het),
                      (ap.ACTIE_VELDEN["terugblik"], ap.datum_tekst(actie.terugblik))]
            items = "".join(f"<li><strong>{escape(label)}</strong> {escape(tekst)}</li>" for label, tekst in velden)
            tekst = (f'<div class="ss-actie" data-actie="{i + 1}"><p><strong>Actie {i + 1}: {escape(actie.wat)}</strong>'
                     f"</p><ul>{items}</ul></div>")
            problemen = [m for m in self.werk.controleer_actie(actie, i + 1) if not m.verleden]
            if problemen:
                tekst += "".join(_ui.melding_html(m.tekst, "let_op") for m in problemen)
            knop = _ui.knop(f"Verwijder actie {i + 1}", klasse="ss-actie-verwijder")
            knop.on_click(lambda _b, index=i: self._verwijder(index))
            rijen.append(W.VBox([W.HTML(tekst), W.HBox([knop])],
                                layout=W.Layout(border_top="2px solid #c8d6e0", padding="0.3em 0 0.6em 0")))
        if not rijen:
            rijen = [W.HTML('<p class="ss-hulp">Nog geen acties. Voeg er hieronder een toe. '
                            f"Hoogstens {ap.MAX_ACTIES}: kies liever minder.</p>")]
        self.lijst.children = rijen

    @_ui.veilig("meldingen")
    def _drempel_gekozen(self, _change=None) -> None:
        praktijken = ap.praktijken_voor(self.drempel.value) if self.drempel.value else []
        opties = [("Een eigen actie van ons team", EIGEN)] + [(f"{p['naam']} ({p['id']})", p["id"]) for p in praktijken]
        if list(self.praktijk.options) != opties:
            self.praktijk.options = opties
            self.praktijk.value = EIGEN
        self._praktijk_gekozen()

    @_ui.veilig("meldingen")
    def _praktijk_gekozen(self, change=None) -> None:
        p_id = self.praktijk.value
        if not p_id:
            self.praktijk_info.value = ""
            return
        self.praktijk_info.value = ap.praktijk_html(p_id)
        oud = change["old"] if change else None
        oude_naam = next((p["naam"] for p in ap.praktijken() if p["id"] == oud), None)
        if not self.wat.value.strip() or self.wat.value == oude_naam:
            self.wat.value = next(p["naam"] for p in ap.praktijken() if p["id"] == p_id)

    # -- actions ---------------------------------------------------------------------------
    def actie(self) -> ap.Actie:
        def datum(picker) -> str:
            return picker.value.isoformat() if isinstance(picker.value, _dt.date) else ""

        return ap.Actie(drempel=self.drempel.value or "", wat=self.wat.value.strip(),
                        trekker=self.trekker.value.strip(), eerste_stap=self.eerste_stap.value.strip(),
                        datum_eerste_stap=datum(self.datum_eerste_stap), werkt_het=self.werkt_het.value.strip(),
                        terugblik=datum(self.terugblik), praktijk=self.praktijk.value or "")

    @_ui.veilig("meldingen")
    def _voeg_toe(self, _button=None) -> None:
        meldingen = self.werk.voeg_toe(self.actie())
        if meldingen:
            items = "".join(f"<li>{escape(m.tekst)}</li>" for m in meldingen)
            self.meldingen.value = (f'<div class="ss-melding ss-melding-let_op" role="status"><p>Nog niet bewaard:'
                                    f'</p><ul class="ss-meldingen">{items}</ul></div>')
            return
        self._stil = True
        try:
            for veld in (self.wat, self.trekker, self.eerste_stap, self.werkt_het):
                veld.value = ""
            self.datum_eerste_stap.value = None
            self.terugblik.value = None
            self.praktijk.value = EIGEN
        finally:
            self._stil = False
        self.werk.werkmap.zet_toestand(self.werk.module, ap.CONCEPT, {})
        self._handtekening = self._sleutel()
        self._toon_lijst()
        self.meldingen.value = _ui.melding_html(f"Actie {len(self.werk.acties)} is bewaard.", "ok") + _ui.bewaard_html()

    @_ui.veilig("meldingen")
    def _verwijder(self, index: int) -> None:
        self.werk.verwijder(index)
        self._handtekening = self._sleutel()
        self._toon_lijst()
        self.meldingen.value = _ui.melding_html(f"Actie {index + 1} is verwijderd.", "info")


# ---------------------------------------------------------------------------------------------
# 4. Het plan
# ---------------------------------------------------------------------------------------------

def links_html(plan: ap.Plan, vandaag: _dt.date | None = None) -> str:
    """The plan's messages, or download links (data: URIs) in three formats."""
    alle = ap.fouten(plan, vandaag)
    # a date that has passed since the action was added does not hold the plan back: say it
    fouten = [m for m in alle if not m.verleden]
    if fouten:
        items = "".join(f"<li>{escape(m.tekst)}</li>" for m in fouten)
        return ('<div class="ss-plan-meldingen"><p><strong>Het plan is er zodra deze punten in orde zijn.'
                f'</strong></p><ul class="ss-meldingen" role="status">{items}</ul></div>')
    voorbij = ""
    if alle:
        items = "".join(f"<li>{escape(m.tekst.replace(' Kies vandaag of later.', ''))}</li>" for m in alle)
        voorbij = ('<div class="ss-melding ss-melding-let_op" role="status"><p>Let op: een datum in het plan is '
                   f'voorbij. Klopt dat nog? Pas het aan in het document.</p><ul>{items}</ul></div>')
    links = []
    for fmt in ("docx", "html", "md"):
        inhoud = ap.render(plan, fmt, vandaag)
        raw = inhoud if isinstance(inhoud, bytes) else inhoud.encode("utf-8")
        uri = f"data:{MIME[fmt]};base64,{base64.b64encode(raw).decode('ascii')}"
        klasse = "ss-download-knop" + (" ss-secundair" if fmt == "md" else "")
        links.append(f'<a download="{escape(ap.bestandsnaam(fmt))}" href="{uri}" class="{klasse}" '
                     f'data-formaat="{fmt}" title="{escape(FORMAAT_UITLEG[fmt])}" role="button">'
                     f"{escape(FORMAAT_NAAM[fmt])}</a>")
    return (voorbij + '<div class="ss-documenten"><p>Jullie actieplan is klaar. Klik op een knop om het te downloaden. '
            "<strong>Aanpassen in Word</strong>: een Word-bestand met een tabel per actie. "
            "<strong>Afdrukken</strong>: open het in je browser en druk af op A4. "
            "<strong>Tekst</strong>: dezelfde inhoud als gewone tekst.</p>"
            f'<p>{"".join(links)}</p></div>')


class PlanView:
    """The school's name (optional), a summary, and the plan's download links; follows every change."""

    def __init__(self, werk: ap.PlanWerk):
        import ipywidgets as W

        self.werk = werk
        self.school = W.Text(value=werk.school, placeholder="Bv. Basisschool De Regenboog (mag leeg blijven)",
                             layout=W.Layout(width="97%"))
        self.school.add_class("ss-plan-school")
        self.school.observe(self._school, names="value")
        self.samenvatting = W.HTML()
        self.documenten = W.HTML()
        self.documenten.add_class("ss-plan-documenten")
        self.status = W.HTML()
        self.widget = W.VBox([W.HTML(f'<label class="ss-vraag">{escape(ap.VRAAG["plan"])}</label>'), self.school,
                              self.samenvatting, self.documenten, self.status])
        self.widget.add_class("ss-plan")
        self._ververs()
        _luister(werk, self._van_buiten)

    def _van_buiten(self) -> None:
        self.werk.laad()
        self._ververs()

    def _ververs(self) -> None:
        plan = self.werk.plan
        sleutel = (repr(plan.to_dict()), _dt.date.today())
        if sleutel == getattr(self, "_getoond", None):
            return  # e.g. only the draft of an action changed: the documents stay as they are
        self._getoond = sleutel
        drempels = ", ".join(ap.drempel_naam(d) for d in plan.drempels) or "nog geen"
        self.samenvatting.value = (f"<p>Gekozen drempels: <strong>{escape(drempels)}</strong>. "
                                   f"Acties: <strong>{len(plan.acties)}</strong>. Zelfscan: "
                                   f"<strong>{len(plan.zelfscan)} van de {len(ap.noden())}</strong> noden ingevuld.</p>")
        self.documenten.value = links_html(plan)
        klaar = not [m for m in ap.fouten(plan) if not m.verleden]
        if klaar != self.werk.klaar:
            self.werk.zet_klaar(klaar)  # the progress counts the plan as done while it is complete

    @_ui.veilig()
    def _school(self, change) -> None:
        self.werk.zet_school(change["new"])
        self.status.value = _ui.bewaard_html()


# ---------------------------------------------------------------------------------------------
# In a notebook
# ---------------------------------------------------------------------------------------------

VIEWS = {"zelfscan": ZelfscanView, "kiezen": KiezenView, "acties": ActiesView, "plan": PlanView}


def maak(sleutel: str, werkmap, module: str = ap.MODULE):
    if sleutel not in VIEWS:
        raise SamenschoolError(f"Onderdeel ‘{sleutel}’ kennen we niet. Kies uit: {', '.join(VIEWS)}.")
    return VIEWS[sleutel](ap.PlanWerk(werkmap, module))


# For ``pagina.toon(<activity key>, actieplan.<factory>)``: each builds its view from the context.
def zelfscan(ctx) -> ZelfscanView:
    return ZelfscanView(ap.PlanWerk(ctx.werkmap, ctx.module))


def kiezen(ctx) -> KiezenView:
    return KiezenView(ap.PlanWerk(ctx.werkmap, ctx.module))


def acties(ctx) -> ActiesView:
    return ActiesView(ap.PlanWerk(ctx.werkmap, ctx.module))


def plan(ctx) -> PlanView:
    return PlanView(ap.PlanWerk(ctx.werkmap, ctx.module))
