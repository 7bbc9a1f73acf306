"""The planner for the ouder-vertelgesprek as a page: fields per step, Vorige/Volgende, the
progress, the messages, and on the last step download links (``<a download href="data:...">``,
so no kernel round-trip is needed). The model is ``samenschool.vertelgesprek.planner``.

Notebook: ``pagina.planner("plan")``.
"""

from __future__ import annotations

import base64
from html import escape
from typing import Any, Callable

from samenschool.errors import SamenschoolError
from samenschool.vertelgesprek import documenten
from samenschool.vertelgesprek.model import (ANTWOORD, KIND_AANWEZIG, NIET_NOTEREN, NOTEREN_STANDAARD, PERSOONLIJK,
                                             SCHOOL_ROLLEN, SCHOOLTYPES, TOLK, TOLK_KEUZES, Melding)
from samenschool.vertelgesprek.planner import MODULE, SLEUTEL, PlannerModel, label, stappen, voorbeeld
from samenschool.werkmap import Werkmap
from samenschool.widgets import _ui

MIME = {
    "html": "text/html;charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "md": "text/markdown;charset=utf-8",
}
# The button per format: plain words, and the text version is the less important one.
FORMAAT_NAAM = {"html": "Afdrukken", "docx": "Aanpassen in Word", "md": "Tekst (Markdown)"}
FORMAAT_UITLEG = {
    "html": "open in je browser en druk af op A4",
    "docx": "een Word-bestand dat je kan aanpassen",
    "md": "gewone tekst, voor wie met Markdown werkt",
}
DOCUMENT_VOOR = {"plan": "voor het team", "brief": "voor de ouders", "vragenblad": "voor de ouders",
                 "verslag": "voor jou, tijdens en na het gesprek"}
FORMAAT_KLASSE = {"html": "ss-download-knop", "docx": "ss-download-knop",
                  "md": "ss-download-knop ss-secundair"}



def _regels(text: str) -> list[str]:
    return [line.strip() for line in (text or "").split("\n") if line.strip()]


class PlannerView:
    """ipywidgets over a PlannerModel. ``velden`` maps a field path to the widget of the
    current step (tests set values there); ``vorige_knop``/``volgende_knop`` navigate."""

    def __init__(self, model: PlannerModel):
        import ipywidgets as W

        self._links_cache: tuple[str, str] | None = None
        self.W = W
        self.model = model
        self.velden: dict[str, Any] = {}
        self.voortgang = W.HTML()
        self.balk = W.IntProgress(min=1, max=model.aantal, description="",
                                  layout=W.Layout(width="100%", height="10px"))
        self.uitleg = W.HTML()
        self.inhoud = W.VBox()
        self.extra = W.HTML()
        self.meldingen = W.HTML()
        self.vorige_knop = W.Button(description="◀ Vorige", tooltip="Naar de vorige stap")
        self.volgende_knop = W.Button(description="Volgende ▶", button_style="primary",
                                      tooltip="Naar de volgende stap")
        self.vorige_knop.add_class("ss-vg-vorige")
        self.volgende_knop.add_class("ss-vg-volgende")
        self.voortgang.add_class("ss-vg-voortgang")
        self.meldingen.add_class("ss-vg-meldingen")
        self.vorige_knop.on_click(lambda _: self._ga(self.model.vorige))
        self.volgende_knop.on_click(lambda _: self._ga(self.model.volgende))
        opgeslagen = W.HTML("<small>Alles wordt meteen bewaard in je werkmap.</small>")
        for melding in self.model.werkmap.meldingen:
            opgeslagen.value += f"<p>{escape(melding)}</p>"
        self.widget = W.VBox(
            [self.voortgang, self.balk, self.uitleg, self.inhoud, self.extra, self.meldingen,
             W.HBox([self.vorige_knop, self.volgende_knop]), opgeslagen],
            layout=W.Layout(max_width="820px"),
        )
        self.widget.add_class("ss-planner")
        self.toon_stap()

    # -- helpers to bind widgets to the model --------------------------------------------------
    def _bind(self, pad: str, widget, naar_model: Callable[[Any], Any] | None = None):
        self.velden[pad] = widget
        widget.add_class("ss-vg-" + pad.replace(".", "-"))

        widget.observe(lambda change: self._zet(pad, naar_model(change["new"]) if naar_model else change["new"]),
                       names="value")
        return widget

    def _text(self, pad: str, lang: bool = False):
        W = self.W
        placeholder = voorbeeld(pad)
        klass = W.Textarea if lang else W.Text
        value = self.model.waarde(pad)
        widget = klass(value="" if value is None else str(value), placeholder=placeholder,
                       description=label(pad), continuous_update=True,
                       style={"description_width": "14em"},
                       layout=W.Layout(width="97%", height="5em" if lang else None))
        return self._bind(pad, widget)

    def _checks(self, pad: str, opties: dict[str, str]):
        """A group of checkboxes for a list value (keeps the option order)."""
        W = self.W
        current = self.model.waarde(pad) or []
        boxes = {key: W.Checkbox(value=key in current, description=text, indent=False,
                                 layout=W.Layout(width="auto")) for key, text in opties.items()}

        def changed(_):
            self._zet(pad, [k for k, box in boxes.items() if box.value])

        for key, box in boxes.items():
            box.observe(changed, names="value")
            self.velden[f"{pad}:{key}"] = box
        return W.VBox([W.HTML(f"<strong>{escape(label(pad))}</strong>"), *boxes.values()])

    @_ui.veilig("meldingen")
    def _zet(self, pad: str, waarde: Any) -> None:
        self.model.zet(pad, waarde)
        self._links_cache = None
        self._na_wijziging()

    def _na_wijziging(self) -> None:
        self.meldingen.value = self.meldingen_html()
        if self.model.huidige.id == "uitnodiging":
            self.extra.value = self.leesbaarheid_html()

    @_ui.veilig("meldingen")
    def _ga(self, actie: Callable[[], None]) -> None:
        actie()
        self.toon_stap()

    # -- steps -----------------------------------------------------------------------------------
    def toon_stap(self) -> None:
        m = self.model
        self.velden = {}
        self.voortgang.value = (f'<h3 style="margin-bottom:.2em" aria-live="polite">{escape(m.voortgang)}</h3>')
        self.balk.value = m.stap + 1
        self.uitleg.value = f"<p>{escape(m.huidige.uitleg)}</p>"
        self.extra.value = ""
        builder = getattr(self, f"_stap_{m.huidige.id}")
        kinderen = builder()
        if m.huidige.tip:
            kinderen = list(kinderen) + [self.W.HTML(f'<p class="ss-hulp ss-vg-tip"><small>{escape(m.huidige.tip)}</small></p>')]
        self.inhoud.children = kinderen
        self.vorige_knop.disabled = m.is_eerste
        self.volgende_knop.disabled = m.is_laatste
        self._na_wijziging()

    def _stap_klas(self):
        W = self.W
        schooltype = W.Dropdown(options=[(t, t) for t in SCHOOLTYPES], value=self.model.waarde("context.schooltype")
                                if self.model.waarde("context.schooltype") in SCHOOLTYPES else "lager",
                                description=label("context.schooltype"), style={"description_width": "14em"})
        self._bind("context.schooltype", schooltype)
        return [
            schooltype,
            self._text("context.klas"),
            self._text("context.school"),
            self._text("context.opmerking", lang=True),
        ]

    def _stap_wanneer(self):
        W = self.W
        duur = W.BoundedIntText(value=self.model.waarde("wanneer.slotduur") if isinstance(
            self.model.waarde("wanneer.slotduur"), int) else 30, min=5, max=120, step=5,
            description=label("wanneer.slotduur"), style={"description_width": "14em"})
        self._bind("wanneer.slotduur", duur)
        momenten = W.Textarea(value="\n".join(str(x) for x in self.model.waarde("wanneer.momenten") or []),
                              placeholder="maandag 8.00\ndinsdag 16.15\nzaterdag 10.00",
                              description=label("wanneer.momenten"), continuous_update=True,
                              style={"description_width": "14em"}, layout=W.Layout(width="97%", height="8em"))
        self._bind("wanneer.momenten", momenten, _regels)
        return [
            self._text("wanneer.periode"),
            duur,
            momenten,
        ]

    def _stap_uitnodiging(self):
        W = self.W
        talen = W.Text(value=", ".join(self.model.waarde("uitnodiging.talen") or []),
                       placeholder=voorbeeld("uitnodiging.talen"), description=label("uitnodiging.talen"),
                       continuous_update=True, style={"description_width": "14em"},
                       layout=W.Layout(width="97%"))
        self._bind("uitnodiging.talen", talen, lambda v: [t.strip() for t in v.split(",") if t.strip()])
        tolk_value = self.model.waarde("uitnodiging.tolk")
        # "het kind vertaalt" is no choice (a child never interprets). An old plan that holds it
        # shows no option selected and the blocking message until another option is chosen.
        tolk = W.RadioButtons(options=[(TOLK[key], key) for key in TOLK_KEUZES],
                              value=tolk_value if tolk_value in TOLK_KEUZES else None,
                              layout=W.Layout(width="auto"))
        self._bind("uitnodiging.tolk", tolk)
        schriftelijk = W.Checkbox(value=bool(self.model.waarde("uitnodiging.schriftelijk")),
                                  description=label("uitnodiging.schriftelijk"), indent=False,
                                  layout=W.Layout(width="auto"))
        self._bind("uitnodiging.schriftelijk", schriftelijk)
        self.extra.value = self.leesbaarheid_html()
        return [
            self._checks("uitnodiging.persoonlijk", PERSOONLIJK),
            schriftelijk,
            talen,
            W.HTML(f"<strong>{escape(label('uitnodiging.tolk'))}</strong>"),
            tolk,
            self._text("uitnodiging.contactpersoon"),
            self._text("uitnodiging.telefoon"),
            self._checks("uitnodiging.antwoord", ANTWOORD),
        ]

    def _stap_vragen(self):
        from samenschool.vertelgesprek.vragen import vragenbank

        W = self.W
        gekozen = {v["id"]: v["tekst"] for v in self.model.waarde("vragen") if isinstance(v, dict)}
        bank = vragenbank()
        rows, checks, texts = [], {}, {}
        for v in bank:
            box = W.Checkbox(value=v.id in gekozen, description="", indent=False, layout=W.Layout(width="2em"))
            text = W.Text(value=gekozen.get(v.id, v.vraag), continuous_update=True,
                          layout=W.Layout(width="95%"))
            hint = W.HTML("<small>gevoelig: alleen als de ouder er zelf over wil vertellen</small>"
                          if v.gevoelig else "")
            checks[v.id], texts[v.id] = box, text
            self.velden[f"vragen:{v.id}"] = box
            self.velden[f"vragen:{v.id}:tekst"] = text
            rows.append(W.HBox([box, W.VBox([text, hint], layout=W.Layout(width="100%"))]))
        eigen_start = [t for i, t in gekozen.items() if i not in checks]
        eigen = W.Textarea(value="\n".join(eigen_start), placeholder="Eigen vraag (één per regel)",
                           description="Eigen vragen", continuous_update=True,
                           style={"description_width": "8em"}, layout=W.Layout(width="100%", height="5em"))
        self.velden["vragen:eigen"] = eigen

        def changed(_):
            chosen = [{"id": vid, "tekst": texts[vid].value} for vid in checks if checks[vid].value]
            chosen += [{"id": f"eigen-{i}", "tekst": t} for i, t in enumerate(_regels(eigen.value), start=1)]
            self._zet("vragen", chosen)

        for widget in [*checks.values(), *texts.values(), eigen]:
            widget.observe(changed, names="value")
        return [W.HTML(f"<strong>{escape(label('vragen'))}</strong>"), *rows, eigen]

    def _stap_plaats(self):
        W = self.W
        kind_value = self.model.waarde("setting.kind_aanwezig")
        kind = W.RadioButtons(options=[(t, k) for k, t in KIND_AANWEZIG.items()],
                              value=kind_value if kind_value in KIND_AANWEZIG else "einde",
                              description=label("setting.kind_aanwezig"), style={"description_width": "14em"},
                              layout=W.Layout(width="auto"))
        self._bind("setting.kind_aanwezig", kind)
        prive = self._bind("setting.prive", W.Checkbox(value=self.model.waarde("setting.prive") is True,
                           description=label("setting.prive"), indent=False, layout=W.Layout(width="auto")))
        stoelen = self._bind("setting.gelijke_stoelen", W.Checkbox(
            value=self.model.waarde("setting.gelijke_stoelen") is True,
            description=label("setting.gelijke_stoelen"), indent=False, layout=W.Layout(width="auto")))
        ouders_value = self.model.waarde("aanwezigen.ouders")
        ouders = W.BoundedIntText(value=ouders_value if isinstance(ouders_value, int) and ouders_value >= 1 else 1,
                                  min=1, max=6, description=label("aanwezigen.ouders"),
                                  style={"description_width": "14em"})
        self._bind("aanwezigen.ouders", ouders)
        mee = self._bind("aanwezigen.iemand_meebrengen", W.Checkbox(
            value=self.model.waarde("aanwezigen.iemand_meebrengen") is True,
            description=label("aanwezigen.iemand_meebrengen"), indent=False, layout=W.Layout(width="auto")))
        return [
            self._text("setting.lokaal"),
            prive, stoelen, kind,
            self._text("setting.extra"),
            self._checks("aanwezigen.school", {r: r for r in SCHOOL_ROLLEN}),
            ouders, mee,
        ]

    def _stap_leidraad(self):
        W = self.W
        rows = []
        for i, fase in enumerate(self.model.waarde("leidraad")):
            minuten = fase.get("minuten")
            box = W.BoundedIntText(value=minuten if isinstance(minuten, int) else 0, min=0, max=90,
                                   description="minuten", layout=W.Layout(width="12em"))
            self._bind(f"leidraad.{i}.minuten", box)
            text = W.Textarea(value=str(fase.get("tekst", "")), continuous_update=True,
                              layout=W.Layout(width="100%", height="4.5em"))
            self._bind(f"leidraad.{i}.tekst", text)
            rows.append(W.VBox([W.HTML(f"<strong>{i + 1}. {escape(str(fase.get('titel', '')))}</strong>"), box, text]))
        return rows

    def _stap_noteren(self):
        W = self.W
        current = [str(n) for n in self.model.waarde("noteren")]
        boxes = {item: W.Checkbox(value=item in current, description=item, indent=False,
                                  layout=W.Layout(width="auto")) for item in NOTEREN_STANDAARD}
        eigen = W.Textarea(value="\n".join(n for n in current if n not in NOTEREN_STANDAARD),
                           placeholder="Nog iets (één per regel)", description="Eigen punten",
                           continuous_update=True, style={"description_width": "8em"},
                           layout=W.Layout(width="100%", height="4em"))
        for i, box in enumerate(boxes.values()):
            self.velden[f"noteren:{i}"] = box
        self.velden["noteren:eigen"] = eigen

        def changed(_):
            self._zet("noteren", [k for k, b in boxes.items() if b.value] + _regels(eigen.value))

        for widget in [*boxes.values(), eigen]:
            widget.observe(changed, names="value")
        niet = "".join(f"<li>{escape(x)}</li>" for x in NIET_NOTEREN)
        return [
            W.HTML(f"<strong>{escape(label('noteren'))}</strong>"), *boxes.values(), eigen,
            W.HTML('<div style="border:2px solid #b3261e;background:#fdecea;padding:.3em .8em;margin-top:.5em">'
                   f"<strong>Schrijf dit NIET op</strong><ul>{niet}</ul></div>"),
        ]

    def _stap_opvolging(self):
        W = self.W
        return [
            self._text("opvolging.volgend_contact",
                       lang=True),
            self._text("opvolging.bij_afwezigheid", lang=True),
            self._text("opvolging.dagelijks", lang=True),
        ]

    def _stap_klaar(self):
        W = self.W
        self.links = W.HTML(self.links_html())
        self.links.add_class("ss-vg-documenten")
        return [self.links]


    # -- HTML of the page (messages, readability, document links) -------------------------------
    def melding_html(self, m: Melding, met_stap: bool = False) -> str:
        """One message as a list item, with one colon: "Nog invullen: Klas of leerjaar. ...",
        "Let op: Slotduur – ..."."""
        kleur = "#b3261e" if m.is_fout else "#8a5a00"
        if m.leeg:
            tekst = f"<strong>{escape(m.veld)}</strong>." + (f" {escape(m.tekst)}" if m.tekst else "")
        else:
            tekst = f"<strong>{escape(m.veld)}</strong> – {escape(m.tekst)}"
        waar = f" <em>(stap {self.model.stap_van(m) + 1}: {escape(stappen()[self.model.stap_van(m)].titel)})</em>" \
            if met_stap else ""
        return (f'<li style="color:{kleur}"><strong>{escape(m.soort)}:</strong> '
                f'<span style="color:#1a1a1a">{tekst}</span>{waar}</li>')

    def meldingen_html(self, stap: int | None = None) -> str:
        index = self.model.stap if stap is None else stap
        laatste = not stappen()[index].secties
        items = self.model.meldingen(stap)
        if not items:
            if laatste:
                return ""
            return '<p class="ss-ok" role="status">✓ Geen meldingen bij deze stap.</p>'
        parts = ['<div role="status">']
        if laatste:
            parts.append("<p><strong>Tips voor je plan</strong> (die houden de documenten niet tegen):</p>")
        parts.append('<ul class="ss-meldingen">')
        parts += [self.melding_html(m, met_stap=laatste) for m in items]
        parts.append("</ul></div>")
        return "".join(parts)

    # -- readability of the letter -----------------------------------------------------------
    def leesbaarheid_html(self) -> str:
        """Readability of the invitation letter for the author (never printed in the letter)."""
        from samenschool import leesbaarheid

        try:
            result = leesbaarheid.analyse(documenten.brief_tekst(self.model.plan))
        except SamenschoolError as exc:  # the meter is advice: a message, never a broken planner
            return f"<p><em>Leesbaarheid kon niet berekend worden: {escape(str(exc))}</em></p>"
        caveat = leesbaarheid.CAVEAT
        hard = ", ".join(escape(str(w.get("woord", ""))) for w in result.moeilijke_woorden[:6])
        lang = len(result.lange_zinnen)
        return (
            '<div class="ss-leesbaarheid" style="border-left:4px solid #0072B2;padding:.3em .8em;margin:.6em 0">'
            "<p><strong>Leesbaarheid van je uitnodiging</strong> (alleen voor jou, dit staat niet in de brief)</p>"
            f"<p>Score (Flesch-Douma): <strong>{result.flesch_douma:.0f}</strong> "
            f"({escape(result.band_flesch)}). {result.zinnen} zinnen, {result.woorden} woorden. "
            f"Lange zinnen (meer dan 15 woorden): {lang}."
            + (f" Moeilijke woorden: {hard}." if hard else " Geen moeilijke woorden gevonden.")
            + "</p><p style='font-size:90%;color:#444'>We meten de lopende tekst van de brief, zonder titels "
            "en zonder het strookje. Een opsomming telt als één zin per punt. "
            f"{escape(caveat)}</p></div>"
        )

    # -- documents ----------------------------------------------------------------------------
    def links_html(self) -> str:
        """Download links for the four documents in three formats, as data: URIs."""
        fouten = self.model.fouten()
        if fouten:
            items = "".join(self.melding_html(m, met_stap=True) for m in fouten)
            return ("<p><strong>De documenten zijn er zodra deze punten in orde zijn.</strong> "
                    "Klik op ◀ Vorige om terug te gaan naar die stap.</p>"
                    f'<ul class="ss-meldingen" role="status">{items}</ul>')
        key = repr(self.model.plan.to_dict())
        if self._links_cache and self._links_cache[0] == key:
            return self._links_cache[1]
        rows = []
        for doc_id, (_, titel) in documenten.DOCUMENTEN.items():
            links = []
            for fmt in documenten.FORMATEN:
                content = documenten.render(self.model.plan, doc_id, fmt)
                raw = content if isinstance(content, bytes) else content.encode("utf-8")
                uri = f"data:{MIME[fmt]};base64,{base64.b64encode(raw).decode('ascii')}"
                naam = documenten.bestandsnaam(doc_id, fmt)
                uitleg = f"{titel}: {FORMAAT_UITLEG[fmt]}"
                links.append(f'<a download="{escape(naam)}" href="{uri}" class="{FORMAAT_KLASSE[fmt]}" '
                             f'data-formaat="{fmt}" data-document="{doc_id}" title="{escape(uitleg)}" '
                             f'role="button">{escape(FORMAAT_NAAM[fmt])}</a>')
            voor = DOCUMENT_VOOR.get(doc_id, "")
            rows.append(f'<li style="margin-bottom:.6em"><strong>{escape(titel)}</strong>'
                        f'{" (" + escape(voor) + ")" if voor else ""}<br>{"".join(links)}</li>')
        html = ('<div class="ss-documenten"><p>Klik op een knop om het document te downloaden. '
                "<strong>Afdrukken</strong>: open het bestand in je browser en druk het af op A4. "
                "<strong>Aanpassen in Word</strong>: een Word-bestand dat je kan aanpassen. "
                "<strong>Tekst</strong>: dezelfde inhoud als gewone tekst.</p>"
                f'<ul style="list-style:none;padding-left:0">{"".join(rows)}</ul></div>')
        self._links_cache = (key, html)
        return html


def maak(werkmap: Werkmap | None = None, *, module: str = MODULE, sleutel: str = SLEUTEL) -> PlannerView:
    """A planner view on the werkmap (default: the learner's own)."""
    return PlannerView(PlannerModel(werkmap, module, sleutel))
