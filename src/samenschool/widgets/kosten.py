"""Module 06 (Schoolkosten): the estimate and the cost list, as pure models with thin views.

``Schatting``: before seeing any list, the learner estimates what a year in the 1st leerjaar
costs a family. ``KostenModel``: load the example list or the school's own file, choose the
school year and level, see the chart, the maximumfactuur check, the family view and the
suggestions, preview and download the parents' year plan. Every change is saved at once as a
self-describing answer (``Antwoord.nieuw``), so a reload finds the list again. The list is
saved as its good rows and its messages (not as the raw file).

In a notebook: ``pagina.toon("schatting", kosten.schatting)`` and ``pagina.toon("kostenlijst", kosten.kostenlijst)``.
"""

from __future__ import annotations

import base64
import datetime as _dt
from html import escape

from samenschool import kosten
from samenschool.antwoord import Antwoord
from samenschool.errors import SamenschoolError
from samenschool.kosten import jaarplan
from samenschool.kosten.lezen import MAX_BYTES, Fout, Kost, Kostenlijst
from samenschool.werkmap import Werkmap
from samenschool.widgets import _ui

SCHATTING_VRAAG = "Wat kost een schooljaar in het 1ste leerjaar voor een gezin, voor één kind? Schat het bedrag in euro."
KOSTENLIJST_VRAAG = "Jullie kostenlijst"
VOORBEELD = "voorbeeld"
EIGEN = "eigen"
FORMAAT_NAAM = {"html": "Afdrukken (HTML)", "docx": "Aanpassen in Word (DOCX)", "md": "Tekst (Markdown)"}
TH = ' style="text-align:left;padding:.2em .8em .2em .3em;border-bottom:1px solid #ccd"'
TD = ' style="text-align:right;padding:.2em .8em;border-bottom:1px solid #ccd"'
OORDEEL_TITEL = {"boven": "Boven de maximumfactuur", "op": "Precies op de maximumfactuur",
                 "onder": "Onder de maximumfactuur", "onbekend": "Maximumfactuur nog niet gekend"}


def huidig_schooljaar(vandaag: _dt.date | None = None) -> str:
    """September to August: in December 2026 it is 2026-2027."""
    vandaag = vandaag or _dt.date.today()
    begin = vandaag.year if vandaag.month >= 9 else vandaag.year - 1
    return f"{begin}-{begin + 1}"


def schooljaren(vandaag: _dt.date | None = None) -> list[str]:
    """The years of datasets/maximumfactuur.csv plus the current one, newest first."""
    jaren = set(kosten.maximumfactuur_tabel()) | {huidig_schooljaar(vandaag)}
    return sorted(jaren, reverse=True)


def laatste_zekere_jaar() -> str | None:
    """The newest school year whose amount is confirmed ('zeker') in the table."""
    zeker = [j for j, r in kosten.maximumfactuur_tabel().items() if r["zekerheid"] == "zeker" and r["lager"]]
    return max(zeker) if zeker else None


# --------------------------------------------------------------------------- estimate

class Schatting:
    """The learner's estimate in whole euros, saved under ``module`` / ``sleutel``."""

    def __init__(self, module: str, sleutel: str = "schatting", werkmap: Werkmap | None = None):
        self.module, self.sleutel = module, sleutel
        self.werkmap = _ui.werkmap_of(werkmap)
        saved = self.werkmap.get(module, sleutel, None)
        self.bedrag: int | None = saved.get("bedrag") if isinstance(saved, dict) else None

    def bewaar(self, bedrag) -> str:
        """Save an estimate; returns a Dutch message. 0 or empty removes it."""
        try:
            waarde = int(round(float(bedrag)))
        except (TypeError, ValueError):
            raise SamenschoolError("Typ een bedrag in euro, bijvoorbeeld 300.") from None
        if waarde <= 0:
            self.werkmap.delete(self.module, self.sleutel)
            self.bedrag = None
            return "Nog geen schatting. Typ een bedrag in euro."
        if waarde > 10000:
            raise SamenschoolError("Dat is meer dan € 10.000. Typ het bedrag voor één kind, voor één schooljaar.")
        self.bedrag = waarde
        self.werkmap.bewaar(self.module, Antwoord.nieuw(
            self.module, self.sleutel, {"bedrag": waarde}, vraag=SCHATTING_VRAAG, tekst=f"€ {waarde}", volgorde=0))
        return f"Je schatting is bewaard: € {waarde}. Kijk straks of de kostenlijst meer of minder zegt."


class SchattingView:
    def __init__(self, model: Schatting):
        import ipywidgets as w

        self.model = model
        self.vraag = w.HTML(f'<p class="ss-vraag">{escape(SCHATTING_VRAAG)}</p>'
                            '<p class="ss-hulp">Denk aan alles: de rekeningen van de school, uitstappen, '
                            "en wat ouders zelf kopen. Schat eerst, kijk daarna naar de lijst.</p>")
        self.bedrag = w.BoundedIntText(value=model.bedrag or 0, min=0, max=10000, step=10, description="€",
                                       layout=w.Layout(width="14em"), continuous_update=False)
        self.bedrag.add_class("ss-schatting")
        self.status = w.HTML(_ui.werkmap_meldingen_html(model.werkmap) or (
            _ui.melding_html(f"Je schatting: € {model.bedrag}. Je kan ze hier aanpassen.", "info")
            if model.bedrag else ""))
        self.bedrag.observe(self._bij_wijziging, names="value")
        self.widget = w.VBox([self.vraag, self.bedrag, self.status])
        self.widget.add_class("ss-schatting-vak")

    @_ui.veilig()
    def _bij_wijziging(self, change) -> None:
        melding = self.model.bewaar(change["new"])
        self.status.value = _ui.melding_html(melding, "ok" if self.model.bedrag else "info")


# --------------------------------------------------------------------------- cost list

def _lijst_naar_json(lijst: Kostenlijst) -> dict:
    return {"bestand": lijst.bestand,
            "kosten": [{"rij": k.rij, "omschrijving": k.omschrijving, "maand": k.maand, "cent": k.cent,
                        "categorie": k.categorie, "uitleg": k.uitleg} for k in lijst.kosten],
            "fouten": [f.to_dict() for f in lijst.fouten],
            "waarschuwingen": list(lijst.waarschuwingen)}


def _lijst_uit_json(data: dict) -> Kostenlijst:
    return Kostenlijst(kosten=[Kost(**k) for k in data.get("kosten", [])],
                       fouten=[Fout(**f) for f in data.get("fouten", [])],
                       waarschuwingen=list(data.get("waarschuwingen", [])), bestand=data.get("bestand", ""))


class KostenModel:
    """The cost-list activity: state in, state out, saved on every change."""

    def __init__(self, module: str, sleutel: str = "kostenlijst", werkmap: Werkmap | None = None,
                 schatting_sleutel: str | None = "schatting", voorbeeld: str | None = None):
        """``voorbeeld``: the invented list behind the example button, a path inside datasets/
        (default: datasets/voorbeeld_kosten.csv)."""
        self.module, self.sleutel, self.schatting_sleutel = module, sleutel, schatting_sleutel
        self.voorbeeld = voorbeeld
        self.werkmap = _ui.werkmap_of(werkmap)
        self.melding = ""  # the last message for the learner (a file that could not be read)
        self.lijst: Kostenlijst | None = None
        self.bron = ""
        self.schooljaar = huidig_schooljaar()
        self.niveau = "lager"
        self.eigen_maximum: float | None = None
        self.contact = ""
        self.klas = ""
        saved = self.werkmap.get(module, sleutel, None)
        if isinstance(saved, dict) and isinstance(saved.get("lijst"), dict):
            try:
                self.lijst = _lijst_uit_json(saved["lijst"])
                self.bron = saved.get("bron", EIGEN)
                self.schooljaar = kosten.schooljaar_norm(saved.get("schooljaar") or self.schooljaar)
                self.niveau = saved.get("niveau") if saved.get("niveau") in kosten.NIVEAUS else "lager"
                self.eigen_maximum = saved.get("eigen_maximum") or None
                self.contact = str(saved.get("contact") or "")
                self.klas = str(saved.get("klas") or "")
            except (TypeError, ValueError, SamenschoolError):
                self.lijst = None
                self.melding = "Je bewaarde kostenlijst kon niet gelezen worden. Laad ze opnieuw."

    # -- loading --------------------------------------------------------------------------
    def laad_voorbeeld(self) -> None:
        from samenschool.paths import datasets_dir

        pad = datasets_dir() / self.voorbeeld if self.voorbeeld else kosten.voorbeeld_pad()
        self.lijst = kosten.lees(pad)
        self.bron = VOORBEELD
        # the invented list is checked against the newest confirmed amount, and the page says so
        self.schooljaar = laatste_zekere_jaar() or self.schooljaar
        self.melding = ""
        self.bewaar()

    def laad_bestand(self, naam: str, raw: bytes) -> bool:
        """Read an uploaded file. A file that cannot be read leaves the current list as it was
        and puts the Dutch reason in ``melding``. Returns True when the list was replaced."""
        try:
            lijst = kosten.lees(bytes(raw), naam)
        except SamenschoolError as exc:
            self.melding = str(exc)
            return False
        if self.bron == VOORBEELD:  # the example chose an old confirmed year; a school's own list is this year's
            self.schooljaar = huidig_schooljaar()
        self.lijst, self.bron, self.melding = lijst, EIGEN, ""
        self.bewaar()
        return True

    def zet(self, *, schooljaar: str | None = None, niveau: str | None = None, eigen_maximum=None,
            contact: str | None = None, klas: str | None = None) -> None:
        if schooljaar is not None:
            self.schooljaar = kosten.schooljaar_norm(schooljaar)
        if niveau is not None:
            if niveau not in kosten.NIVEAUS:
                raise SamenschoolError("Kies lager of kleuter.")
            self.niveau = niveau
        if eigen_maximum is not None:
            bedrag = float(eigen_maximum or 0)
            if bedrag < 0 or bedrag > 1000:
                raise SamenschoolError("Typ de maximumfactuur in euro, tussen 0 en 1000.")
            self.eigen_maximum = bedrag or None
        if contact is not None:
            self.contact = str(contact)[:200]
        if klas is not None:
            self.klas = str(klas)[:100]
        if self.lijst is not None:
            self.bewaar()

    # -- results --------------------------------------------------------------------------
    @property
    def geladen(self) -> bool:
        return self.lijst is not None

    def overzicht(self):
        if self.lijst is None:
            return None
        return kosten.bereken(self.lijst, self.schooljaar, self.niveau, eigen_maximum=self.eigen_maximum)

    def schatting(self) -> int | None:
        if not self.schatting_sleutel:
            return None
        saved = self.werkmap.get(self.module, self.schatting_sleutel, None)
        return saved.get("bedrag") if isinstance(saved, dict) else None

    def waarde(self) -> dict:
        # "totaal" (euro, one child, whole year) lets a room view set the group's estimates beside the list
        return {"bron": self.bron, "lijst": _lijst_naar_json(self.lijst), "schooljaar": self.schooljaar,
                "totaal": round(self.overzicht().totaal / 100, 2),
                "niveau": self.niveau, "eigen_maximum": self.eigen_maximum, "contact": self.contact,
                "klas": self.klas}

    def samenvatting(self, o=None) -> tuple[str, list[tuple[str, str]]]:
        """(tekst, delen) of the saved answer: as a person reads it."""
        o = o or self.overzicht()
        euro = kosten.euro
        wat = "de voorbeeldlijst (verzonnen)" if self.bron == VOORBEELD else self.lijst.bestand
        pieken = ", ".join(p.maand for p in o.pieken) or "geen"
        tekst = (f"{len(self.lijst.kosten)} kosten uit {wat}, schooljaar {o.schooljaar} ({o.niveau}). "
                 f"Samen {euro(o.totaal)} per kind. Piekmaanden: {pieken}. {o.maximumfactuur.zin()}")
        if self.lijst.fouten:
            tekst += f" {len(self.lijst.fouten)} regels met een fout."
        delen = [("Samen per kind per jaar", euro(o.totaal))]
        delen += [(m[:1].upper() + m[1:], euro(c)) for m, c in o.per_maand.items()]
        delen.append(("Maximumfactuur", OORDEEL_TITEL[o.maximumfactuur.oordeel]))
        return tekst, delen

    def bewaar(self) -> None:
        if self.lijst is None:
            return
        tekst, delen = self.samenvatting()
        self.werkmap.bewaar(self.module, Antwoord.nieuw(self.module, self.sleutel, self.waarde(),
                                                        vraag=KOSTENLIJST_VRAAG, tekst=tekst, delen=delen,
                                                        volgorde=0))

    def plan(self, o=None):
        o = o or self.overzicht()
        school = "Voorbeeldschool (verzonnen)" if self.bron == VOORBEELD else ""
        return jaarplan.maak(o, klas=self.klas, school=school, contact=self.contact)

    # -- HTML for the view (escaped) -------------------------------------------------------
    def meldingen_html(self, o) -> str:
        parts = []
        if self.bron == VOORBEELD:
            parts.append(_ui.melding_html(
                f"Dit is de voorbeeldlijst. De school en de bedragen zijn verzonnen. We vergelijken ze met de "
                f"maximumfactuur van {o.schooljaar}: het laatste bedrag in de kit met een bevestigde bron.", "info"))
        else:
            parts.append(_ui.melding_html(f"Jullie lijst: {self.lijst.bestand}. {len(self.lijst.kosten)} kosten gelezen.",
                                          "ok"))
        if self.lijst.fouten:
            verbeter = "" if self.bron == VOORBEELD else " Verbeter ze in jullie bestand en laad het opnieuw."
            items = "".join(f"<li>{escape(f.tekst())}</li>" for f in self.lijst.fouten)
            parts.append(f'<div class="ss-melding ss-melding-let_op ss-kosten-fouten" role="status">'
                         f"<p><strong>{len(self.lijst.fouten)} regel{'s' if len(self.lijst.fouten) > 1 else ''} "
                         f"met een fout.</strong> Die tellen niet mee.{verbeter}</p><ul>{items}</ul></div>")
        andere = [w for w in o.waarschuwingen if not w.startswith("Boven de maximumfactuur")
                  and w != o.maximumfactuur.zin()]
        parts += [_ui.melding_html(w, "let_op") for w in andere]
        return "".join(parts)

    def controle_html(self, o) -> str:
        mf = o.maximumfactuur
        soort = {"boven": "ss-kosten-boven", "onbekend": "ss-kosten-onbekend"}.get(mf.oordeel, "ss-kosten-ok")
        let_op = mf.oordeel in ("boven", "onbekend")
        bron = f'<p class="ss-hulp">{escape(mf.bronzin())}</p>' if mf.bronzin() else ""
        meerdaags = ""
        if mf.niveau == "lager" and mf.meerdaags:
            grens = (f" Voor heel de lagere school samen mag dat hoogstens {kosten.euro(mf.meerdaags_grens)} zijn "
                     f"({mf.schooljaar})." if mf.meerdaags_grens else "")
            meerdaags = (f"<p>Meerdaagse uitstappen dit jaar: {escape(kosten.euro(mf.meerdaags))}."
                         f"{escape(grens)}</p>")
        return (f'<div class="ss-kosten-controle {soort}{" ss-melding ss-melding-let_op" if let_op else ""}" '
                f'role="status"><p><strong>{escape(OORDEEL_TITEL[mf.oordeel])}</strong></p>'
                f"<p>{escape(mf.zin())}</p>{meerdaags}{bron}</div>")

    def schatting_html(self, o) -> str:
        bedrag = self.schatting()
        if not bedrag:
            return ""
        verschil = o.totaal - bedrag * 100
        if abs(verschil) < 100:
            zin = "Dat is bijna precies wat de lijst zegt."
        elif verschil > 0:
            zin = f"De lijst zegt {kosten.euro(verschil)} meer."
        else:
            zin = f"De lijst zegt {kosten.euro(-verschil)} minder."
        return (f'<p class="ss-kosten-schatting">Je schatting: <strong>€ {bedrag}</strong>. Volgens de lijst: '
                f"<strong>{escape(kosten.euro(o.totaal))}</strong> per kind per jaar. {escape(zin)}</p>")

    def grafieken_html(self, o) -> str:
        from samenschool import grafiek
        from samenschool.kosten import grafieken

        return grafiek.figuur_html(*grafieken.per_maand(o)) + grafiek.figuur_html(*grafieken.per_soort(o))

    def gezin_html(self, o) -> str:
        euro = kosten.euro
        kop = "".join(f'<th scope="col"{TD}>{n} kind{"eren" if n > 1 else ""}</th>' for n in (1, 2, 3))
        rijen = []
        for m in o.per_maand:
            piek = any(p.maand == m for p in o.pieken)
            cellen = "".join(f"<td{TD}>{escape(euro(o.per_maand[m] * n))}</td>" for n in (1, 2, 3))
            achter = ' style="background:#fff4dd"' if piek else ""
            rijen.append(f'<tr{" class=ss-piek" if piek else ""}{achter}><th scope="row"{TH}>{escape(m)}'
                         f'{" (piek)" if piek else ""}</th>{cellen}</tr>')
        samen = "".join(f"<td{TD}><strong>{escape(euro(o.totaal * n))}</strong></td>" for n in (1, 2, 3))
        return ('<table class="ss-kosten-gezin" style="border-collapse:collapse;margin:.6em 0 1em">'
                '<caption style="text-align:left;font-weight:bold;padding-bottom:.3em">Wat een gezin per maand '
                f'betaalt, als elk kind dezelfde kosten heeft</caption><thead><tr><th scope="col"{TH}>Maand</th>'
                f'{kop}</tr></thead><tbody>' + "".join(rijen)
                + f'<tr><th scope="row"{TH}>Samen</th>{samen}</tr></tbody></table>')

    def suggesties_html(self, o) -> str:
        if not o.suggesties:
            return ""
        return ("<p><strong>Zo spreiden jullie de kosten:</strong></p><ul class=\"ss-kosten-suggesties\">"
                + "".join(f"<li>{escape(s)}</li>" for s in o.suggesties) + "</ul>")

    def plan_html(self, o) -> str:
        """Preview of the parents' plan (an iframe with the real HTML) and download links as data: URIs."""
        doc = self.plan(o)
        html = jaarplan.render(doc, "html")
        score = jaarplan.leesbaarheid(doc)
        from samenschool.leesbaarheid import CAVEAT_KORT

        links = []
        for fmt in jaarplan.FORMATEN:
            inhoud = html if fmt == "html" else jaarplan.render(doc, fmt)
            raw = inhoud if isinstance(inhoud, bytes) else inhoud.encode("utf-8")
            uri = f"data:{jaarplan.MIME[fmt]};base64,{base64.b64encode(raw).decode('ascii')}"
            links.append(f'<a class="ss-download-knop" download="{escape(jaarplan.bestandsnaam(doc, fmt))}" '
                         f'href="{uri}" data-formaat="{fmt}" role="button">{escape(FORMAAT_NAAM[fmt])}</a>')
        return (f'<div class="ss-kosten-plan"><p>{" ".join(links)}</p>'
                f'<p class="ss-hulp">Leesbaarheid van het plan (Flesch-Douma): <strong>{score.flesch_douma:.0f}</strong> '
                f"({escape(score.band_flesch)}), {score.zinnen} zinnen, lange zinnen: {len(score.lange_zinnen)}. "
                f"{escape(CAVEAT_KORT)}</p>"
                f'<iframe class="ss-kosten-voorbeeld" title="Voorbeeld van het jaarplan voor ouders" '
                f'srcdoc="{escape(html, quote=True)}" style="width:100%;height:32em;border:1px solid #9bb;'
                f'background:white"></iframe></div>')


class KostenView:
    """Thin view: two ways to start, settings, then the results in sections."""

    def __init__(self, model: KostenModel):
        import ipywidgets as w

        self.model = model
        self.voorbeeld = _ui.knop("Start met de voorbeeldlijst", "ss-knop-voorbeeld")
        self.voorbeeld.on_click(self._voorbeeld)
        self.upload = w.FileUpload(accept=".csv,.xlsx,.txt", multiple=False,
                                   description="Laad jullie eigen lijst (CSV of Excel)",
                                   layout=w.Layout(width="auto"))
        self.upload.add_class("ss-upload")
        self.upload.add_class(f"ss-upload-max-{MAX_BYTES}")  # the page refuses bigger files itself
        self.upload.observe(self._geupload, names="value")
        jaren = schooljaren()
        if model.schooljaar not in jaren:
            jaren = sorted(set(jaren) | {model.schooljaar}, reverse=True)
        self.schooljaar = w.Dropdown(options=jaren, value=model.schooljaar, description="Schooljaar",
                                     style={"description_width": "initial"})
        self.niveau = w.Dropdown(options=[("lager onderwijs", "lager"), ("kleuteronderwijs", "kleuter")],
                                 value=model.niveau, description="Niveau", style={"description_width": "initial"})
        self.maximum = w.BoundedFloatText(value=model.eigen_maximum or 0, min=0, max=1000, step=1,
                                          description="Maximumfactuur zelf opgezocht (€, 0 = uit de kit)",
                                          style={"description_width": "initial"}, layout=w.Layout(width="32em"))
        self.contact = w.Text(value=model.contact, description="Wie kunnen ouders aanspreken over geld?",
                              placeholder="bv. meester Tom (zorgleerkracht), 03 123 45 67",
                              style={"description_width": "initial"}, layout=w.Layout(width="44em"))
        self.klas = w.Text(value=model.klas, description="Klas of leerjaar", placeholder="bv. 1ste leerjaar",
                           style={"description_width": "initial"}, layout=w.Layout(width="30em"))
        for veld, klasse in ((self.schooljaar, "ss-kosten-schooljaar"), (self.niveau, "ss-kosten-niveau"),
                             (self.maximum, "ss-kosten-maximum"), (self.contact, "ss-kosten-contact"),
                             (self.klas, "ss-kosten-klas")):
            veld.add_class(klasse)
        for veld in (self.schooljaar, self.niveau, self.maximum):
            veld.observe(self._instelling, names="value")
        for veld in (self.contact, self.klas):  # only the plan changes: no new charts
            veld.continuous_update = False
            veld.observe(self._plan_instelling, names="value")
        self.status = w.HTML("")
        self.vergelijk = w.HTML("")  # the learner's estimate beside the list
        self.resultaat = w.HTML("")
        self.plan = w.HTML("")
        self.instellingen = w.VBox([w.HBox([self.schooljaar, self.niveau]), self.maximum])
        self.plan_velden = w.VBox([w.HTML("<p><strong>Het jaarplan voor ouders</strong></p>"), self.contact,
                                   self.klas, self.plan])
        start = w.VBox([w.HTML("<p><strong>Kies een lijst.</strong> Laat namen van kinderen en gezinnen weg.</p>"),
                        w.HBox([self.voorbeeld, self.upload])])
        self.widget = w.VBox([start, self.status, self.instellingen, self.vergelijk, self.resultaat, self.plan_velden])
        self.widget.add_class("ss-kosten")
        self._ververs()
        if self.model.schatting_sleutel:
            from samenschool import werkmap as werkmap_module

            werkmap_module.luister(self.model.module, self._schatting_gewijzigd)

    def _schatting_gewijzigd(self) -> None:
        """Every save in this module calls this: only the estimate line is redrawn (cheap)."""
        if self.model.geladen:
            self.vergelijk.value = self.model.schatting_html(self.model.overzicht())

    def _ververs(self) -> None:
        m = self.model
        melding = _ui.werkmap_meldingen_html(m.werkmap)
        if m.melding:
            melding += _ui.melding_html(m.melding, "let_op")
        if not m.geladen:
            self.status.value = melding or _ui.melding_html(
                "Nog geen lijst. Start met de voorbeeldlijst of laad jullie eigen lijst.", "info")
            self.resultaat.value = self.plan.value = self.vergelijk.value = ""
            self.instellingen.layout.display = self.plan_velden.layout.display = "none"
            return
        o = m.overzicht()
        self.instellingen.layout.display = self.plan_velden.layout.display = None
        self.status.value = melding + m.meldingen_html(o)
        self.vergelijk.value = m.schatting_html(o)
        self.resultaat.value = m.controle_html(o) + m.grafieken_html(o) + m.gezin_html(o) + m.suggesties_html(o)
        self.plan.value = m.plan_html(o)

    def _zet_velden(self) -> None:
        """Put the model's settings in the fields without saving again."""
        m = self.model
        opties = list(self.schooljaar.options)
        if m.schooljaar not in opties:
            self.schooljaar.options = sorted(set(opties) | {m.schooljaar}, reverse=True)
        self._stil = True
        try:
            self.schooljaar.value = m.schooljaar
        finally:
            self._stil = False

    @_ui.veilig()
    def _voorbeeld(self, _button=None) -> None:
        self.model.laad_voorbeeld()
        self._zet_velden()
        self._ververs()

    @_ui.veilig()
    def _geupload(self, change) -> None:
        bestanden = list(change["new"] or ())
        if not bestanden:
            return
        bestand = bestanden[-1]
        self.upload.value = ()  # the same file, corrected, can be chosen again
        self.model.laad_bestand(bestand["name"], bytes(bestand["content"]))
        self._zet_velden()
        self._ververs()

    @_ui.veilig()
    def _plan_instelling(self, _change=None) -> None:
        if getattr(self, "_stil", False):
            return
        self.model.zet(contact=self.contact.value, klas=self.klas.value)
        if self.model.geladen:
            self.plan.value = self.model.plan_html(self.model.overzicht())

    @_ui.veilig()
    def _instelling(self, _change=None) -> None:
        if getattr(self, "_stil", False):
            return
        self.model.zet(schooljaar=self.schooljaar.value, niveau=self.niveau.value, eigen_maximum=self.maximum.value,
                       contact=self.contact.value, klas=self.klas.value)
        self._ververs()


# --------------------------------------------------------------------------- page helpers

def maak(module: str, sleutel: str = "kostenlijst", werkmap: Werkmap | None = None,
         schatting_sleutel: str | None = "schatting") -> KostenView:
    return KostenView(KostenModel(module, sleutel, werkmap, schatting_sleutel))


def maak_schatting(module: str, sleutel: str = "schatting", werkmap: Werkmap | None = None) -> SchattingView:
    return SchattingView(Schatting(module, sleutel, werkmap))


def schatting(ctx) -> SchattingView:
    """For ``pagina.toon("schatting", kosten.schatting)``: the estimate view of that activity."""
    return SchattingView(Schatting(ctx.module, ctx.sleutel, ctx.werkmap))


def kostenlijst(ctx) -> KostenView:
    """For ``pagina.toon("kostenlijst", kosten.kostenlijst)``: the cost-list view, beside the
    estimate saved under "schatting"."""
    return KostenView(KostenModel(ctx.module, ctx.sleutel, ctx.werkmap))


def kostenlijst_oefening(voorbeeld: str):
    """A cost-list view whose example button loads another invented list (a path inside
    datasets/), without an estimate: ``pagina.toon("kostenlijst", kosten.kostenlijst_oefening(...))``."""
    def maak_view(ctx) -> KostenView:
        return KostenView(KostenModel(ctx.module, ctx.sleutel, ctx.werkmap, schatting_sleutel=None,
                                      voorbeeld=voorbeeld))

    return maak_view


def maximumfactuur_html() -> str:
    """The maximumfactuur table of the kit (datasets/maximumfactuur.csv), with source and certainty."""
    from samenschool.kosten.analyse import _datum

    euro = kosten.euro
    links = ' style="text-align:left;vertical-align:top;padding:.3em .6em;white-space:nowrap"'
    rechts = ' style="text-align:right;vertical-align:top;padding:.3em .6em;white-space:nowrap"'
    bron_stijl = ' style="text-align:left;vertical-align:top;padding:.3em .6em"'
    tabel = kosten.maximumfactuur_tabel()
    rijen = []
    for jaar, rij in sorted(tabel.items()):
        if rij["lager"] is None and rij["kleuter"] is None:
            continue
        status = {"zeker": "bron gecontroleerd", "onzeker": "niet bevestigd"}.get(rij["zekerheid"], "")
        if rij["officieel_nagekeken"] != "ja":
            status += ", nog niet nagekeken in de officiële tabel"
        datum = f" ({_datum(rij['bron_datum'])})" if rij.get("bron_datum") else ""
        bedragen = "".join(f"<td{rechts}>{escape(euro(rij[k])) if rij[k] is not None else '—'}</td>"
                           for k in ("kleuter", "lager", "meerdaags_lager"))
        rijen.append(f'<tr class="ss-mf-{escape(rij["zekerheid"])}"><th scope="row"{links}>{escape(jaar)}</th>'
                     f"{bedragen}<td{bron_stijl}>{escape(rij.get('bron') or '')}{escape(datum)}; "
                     f"<strong>{escape(status)}</strong></td></tr>")
    ontbreekt = [j for j, r in tabel.items() if r["zekerheid"] == "ontbreekt"]
    extra = (f"<p class=\"ss-hulp\">Voor {escape(', '.join(sorted(ontbreekt)))} staat er nog geen bedrag in de kit. "
             "Zoek het op in de officiële tabel van onderwijs.vlaanderen.be. Je kan het bedrag hieronder bij "
             "de kostenlijst invullen.</p>") if ontbreekt else ""
    kop = "".join(f'<th scope="col"{stijl}>{tekst}</th>' for tekst, stijl in (
        ("Schooljaar", links), ("Kleuter<br>(scherp)", rechts), ("Lager<br>(scherp)", rechts),
        ("Meerdaagse uitstappen,<br>heel de lagere school<br>(minder scherp)", rechts), ("Bron", bron_stijl)))
    return ('<table class="ss-kosten-mf" style="border-collapse:collapse;margin:.5em 0">'
            '<caption style="text-align:left;font-weight:bold;padding-bottom:.3em">Maximumfactuur per kind per '
            f"schooljaar</caption><thead><tr>{kop}</tr></thead><tbody>" + "".join(rijen) + "</tbody></table>" + extra)


def toon_maximumfactuur() -> None:
    _ui.toon_html(maximumfactuur_html)
