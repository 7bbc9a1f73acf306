"""Module 03: perspective switch ("perspectiefwissel").

For one scenario (a parent's quote, or a clearly labelled fictional case) the learner
answers three questions: what does this parent feel and fear, what does the teacher
think, what can the school do tomorrow. Once all three are answered, the page reveals what
the report says: the good practices that address the scenario's barrier
(``goede_praktijken.drempels``) and how schools see it (the focus group's barriers and
quotes). Answers are saved per scenario in the werkmap.

Model: ``Perspectiefwissel``. View: ``PerspectiefView``; notebook: ``pagina.perspectief("perspectief", "C084")``.
"""

from __future__ import annotations

from html import escape

import pandas as pd

from samenschool import citaat, data, drempels, invoer
from samenschool.antwoord import Antwoord
from samenschool.drempels import SECTIE_OUDERS, SECTIE_SCHOOL, citaat_rij, citaten_bij_drempel, drempel_rij, ouder_drempels
from samenschool.werkmap import Werkmap
from samenschool.widgets import _ui
from samenschool.widgets.drempel_kiezen import KADER, MODULE

SLEUTEL = "perspectief"

VRAGEN: tuple[tuple[str, str], ...] = (
    ("voelt", "Wat voelt en vreest deze ouder?"),
    ("denkt", "Wat denkt de leerkracht?"),
    ("morgen", "Wat kan de school morgen doen?"),
)
MAX_TEKENS = 1500


def _modules_met_tips() -> str:
    """Module 04 (vertelgesprek) holds the focus group's tips; module 07 (actieplan) once it exists."""
    from samenschool import leerpad

    return "module 04 en 07" if any(m.id.startswith("07_") for m in leerpad.modules()) else "module 04"


class Perspectiefwissel:
    """Three answers for one scenario, saved at every change; the reveal comes after."""

    def __init__(self, citaat_id: str | None = None, werkmap: Werkmap | None = None, module: str = MODULE, *,
                 scenario_id: str | None = None, drempel_id: str | None = None,
                 citaten: pd.DataFrame | None = None, drempels: pd.DataFrame | None = None,
                 praktijken: pd.DataFrame | None = None, activiteit: str = SLEUTEL):
        if citaat_id is None and (scenario_id is None or drempel_id is None):
            raise ValueError("Geef een citaat, of een scenario met een drempel.")
        self.citaat_id = citaat_id
        self.scenario_id = scenario_id or citaat_id
        self.werkmap = werkmap if werkmap is not None else Werkmap.default()
        self.module, self.activiteit = module, activiteit
        self._citaten, self._drempels, self._praktijken = citaten, drempels, praktijken
        self.citaat = citaat_rij(citaat_id, citaten) if citaat_id else None
        self.drempel_id = drempel_id or str(self.citaat["drempel"])
        opgeslagen = self.werkmap.get(module, self.sleutel, {}) or {}
        bewaard = opgeslagen.get("antwoorden", {}) if isinstance(opgeslagen, dict) else {}
        self.antwoorden: dict[str, str] = {k: str(bewaard.get(k, "")) for k, _ in VRAGEN}
        toestand = self.werkmap.toestand(module).get(self.sleutel, {})
        self.onthuld: bool = bool(isinstance(toestand, dict) and toestand.get("onthuld")) and self.klaar

    @property
    def sleutel(self) -> str:
        return f"{self.activiteit}.{self.scenario_id}"

    @property
    def vraag(self) -> str:
        if self.citaat is not None:
            return f"Wissel van perspectief bij {citaat.kort(self.citaat['tekst'], 70)}"
        return f"Wissel van perspectief ({self.scenario_id})"

    @property
    def klaar(self) -> bool:
        return all(self.antwoorden[k].strip() for k, _ in VRAGEN)

    def _save(self) -> None:
        self.werkmap.bewaar(self.module, Antwoord.nieuw(
            self.module, self.sleutel, {"antwoorden": self.antwoorden}, vraag=self.vraag,
            delen=[(label, self.antwoorden[key] or "(nog leeg)") for key, label in VRAGEN]))
        self.werkmap.zet_toestand(self.module, self.sleutel, {"onthuld": self.onthuld})

    def zet(self, vraag: str, tekst: str) -> invoer.Controle:
        """Save one answer (checked and cleaned); empty is allowed while writing."""
        if vraag not in self.antwoorden:
            raise KeyError(f"Onbekende vraag: {vraag}")
        controle = invoer.controleer_tekst(tekst, max_tekens=MAX_TEKENS, verplicht=False, veld="Dit antwoord")
        self.antwoorden[vraag] = controle.tekst
        if not self.klaar:
            self.onthuld = False
        self._save()
        return controle

    def onthul(self) -> tuple[bool, str]:
        """Show the report's view, once the three questions are answered."""
        leeg = [label for key, label in VRAGEN if not self.antwoorden[key].strip()]
        if leeg:
            return False, "Beantwoord eerst de drie vragen. Nog open: " + " / ".join(leeg)
        self.onthuld = True
        self._save()
        return True, ""

    # -- what the report says ---------------------------------------------------------------
    def praktijken(self) -> pd.DataFrame:
        """Good practices from the report that address this scenario's barrier."""
        frame = data.goede_praktijken() if self._praktijken is None else self._praktijken
        mask = frame["drempels"].map(lambda v: self.drempel_id in data.split_list(v))
        return frame[mask].reset_index(drop=True)

    def schooldrempels(self) -> list[str]:
        """The schools' barriers the kit reads beside this one (its schema guarantees they exist)."""
        return drempels.schoolkant(self.drempel_id)

    def schoolcitaten(self) -> list[str]:
        ids = []
        for school_id in self.schooldrempels():
            ids += citaten_bij_drempel(school_id, self._citaten, SECTIE_SCHOOL)
        # quotes of the focus group that the dataset places with the parents' barrier itself
        ids += [c for c in citaten_bij_drempel(self.drempel_id, self._citaten, SECTIE_SCHOOL) if c not in ids]
        return ids

    def _citaat(self, citaat_id: str) -> str:
        return citaat.html(citaat_rij(citaat_id, self._citaten))

    def rapport_html(self) -> str:
        """What the report says. Practices and barriers get their short neutral description;
        the words of parents and schools appear only as quotes with their source, each quote
        once (and not the scenario's own quote, which stands above the questions)."""
        drempel = drempel_rij(self.drempel_id, self._drempels)
        getoond: set[str] = {self.citaat_id} if self.citaat_id else set()

        def nieuwe(ids) -> list[str]:
            uit = []
            for c in ids:
                if c and c not in getoond:
                    getoond.add(c)
                    uit.append(c)
            return uit

        parts = ['<div class="ss-rapport-zegt">',
                 f'<p>De kit plaatst dit verhaal bij de drempel <strong>{escape(drempel["naam"])}</strong>. '
                 'Zo leest de kit de namen in de zijkolom van het rapport (rapport, deel Drempels). '
                 f'{escape(drempel["beschrijving"])}</p>']
        praktijken = self.praktijken()
        parts.append("<h4>Wat scholen al doen (goede praktijken uit het rapport)</h4>"
                     "<p>Welke praktijk bij welke drempel past, is de lezing van de kit.</p>")
        if praktijken.empty:
            parts.append("<p>De kit koppelt geen aparte praktijk aan deze drempel. "
                         "Kijk naar de tips van de focusgroep in " + _modules_met_tips() + ".</p>")
        else:
            parts.append("<ul>")
            for _, rij in praktijken.iterrows():
                parts.append(f'<li><strong>{escape(rij["naam"])}</strong>: {escape(rij["beschrijving"])}</li>')
            parts.append("</ul>")
            citaten = nieuwe(c for _, rij in praktijken.iterrows() for c in data.split_list(rij.get("citaat", "")))
            if citaten:
                parts.append("<p>Zo vertellen ouders en scholen erover in het rapport:</p>")
                parts += [self._citaat(c) for c in citaten]
        parts.append("<h4>Zo kijken scholen ernaar (focusgroep, februari 2020)</h4>"
                     "<p>Het rapport legt zelf geen link tussen de drempels van ouders en die van scholen "
                     "(rapport, delen Drempels en Focusgroep drempels). "
                     "Welke drempels van scholen hier passen, is de lezing van de kit.</p>")
        schoolkant = self.schooldrempels()
        schoolcitaten = nieuwe(self.schoolcitaten())
        if not schoolkant and not schoolcitaten:
            parts.append("<p>De focusgroep zegt: drempels zijn er zowel bij de ouders als bij de school "
                         "(rapport, deel Focusgroep drempels).</p>")
        for school_id in schoolkant:
            rij = drempel_rij(school_id, self._drempels)
            parts.append(f'<p><strong>{escape(rij["naam"])}</strong>: {escape(rij["beschrijving"])}</p>')
            kader = KADER.get(school_id)
            if kader:
                parts.append(f'<p class="ss-drempel-kader">{escape(kader)}</p>')
        parts += [self._citaat(c) for c in schoolcitaten]
        parts.append("</div>")
        return "".join(parts)

    def scenario_html(self) -> str:
        if self.citaat_id:
            return self._citaat(self.citaat_id)
        return ""


class PerspectiefView:
    """Three text boxes, a button, then the report's view."""

    def __init__(self, model: Perspectiefwissel, *, toon_scenario: bool = True):
        import ipywidgets as w

        self.model = model
        self.velden: dict[str, object] = {}
        rijen = []
        for key, label in VRAGEN:
            area = w.Textarea(value=model.antwoorden[key], placeholder="Schrijf hier. Het wordt meteen bewaard.",
                              layout=w.Layout(width="100%", height="6em"))
            area.add_class("ss-antwoord")
            area.observe(lambda change, k=key: self._changed(k, change), names="value")
            self.velden[key] = area
            rijen += [w.HTML(f"<p><strong>{escape(label)}</strong></p>"), area]
        self.knop = _ui.knop("Bekijk wat het rapport zegt", "ss-knop-onthul", "info")
        self.knop.on_click(self._onthul)
        self.status = w.HTML(_ui.werkmap_meldingen_html(model.werkmap))
        self.rapport = w.HTML(model.rapport_html() if model.onthuld else "")
        kop = [w.HTML(model.scenario_html())] if toon_scenario and model.citaat_id else []
        self.widget = w.VBox(kop + rijen + [self.knop, self.status, self.rapport])
        self.widget.add_class("ss-perspectief")

    @_ui.veilig()
    def _changed(self, key: str, change) -> None:
        controle = self.model.zet(key, change["new"])
        self.status.value = (_ui.melding_html(controle.melding, "let_op") if controle.melding
                             else _ui.bewaard_html())
        if not self.model.onthuld:
            self.rapport.value = ""

    @_ui.veilig()
    def _onthul(self, _button=None) -> None:
        for key, area in self.velden.items():  # what is in the boxes now (also unsaved typing)
            if area.value != self.model.antwoorden[key]:
                self.model.zet(key, area.value)
        ok, melding = self.model.onthul()
        if not ok:
            self.status.value = _ui.melding_html(melding, "info")
            return
        self.status.value = _ui.bewaard_html()
        self.rapport.value = self.model.rapport_html()


def maak(citaat_id: str | None = None, *, scenario_id: str | None = None, drempel_id: str | None = None,
         werkmap: Werkmap | None = None, module: str = MODULE, sleutel: str = SLEUTEL) -> PerspectiefView:
    """The activity for one quote (default: the first parents' quote of ``drempel_id``,
    or of the first barrier) or for a labelled fictional scenario with its barrier."""
    if citaat_id is None and scenario_id is None:
        drempel = drempel_id or ouder_drempels()["id"].iloc[0]
        citaat_id = citaten_bij_drempel(drempel, sectie=SECTIE_OUDERS)[0]
    model = Perspectiefwissel(citaat_id, werkmap, module, scenario_id=scenario_id, drempel_id=drempel_id,
                              activiteit=sleutel)
    return PerspectiefView(model)
