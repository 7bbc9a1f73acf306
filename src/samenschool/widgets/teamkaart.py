"""Module 03: the team's barrier map ("teamkaart").

Every team member weighs the nine barriers that parents name, from 0 ("speelt niet bij
ons") to 3 ("speelt sterk"). Two ways to collect the weights:

a. on one shared screen, in turn ("Volgend teamlid"), each member under a role or a
   number ("Leerkracht 1"), never a person's real name;
b. each member saves their weights on their own laptop as a small file and sends it (the
   page shows a button-like download link and one plain sentence; no folder paths);
   one person combines the files (FileUpload). A wrong or broken file gives a Dutch
   message that names the file; the other files still count.
c. in room mode (``samenschool start --netwerk``) each participant weighs once on their own
   laptop ("Bewaar mijn weging", saved again on every click); the facilitator's projector
   view puts every participant's weighing together (``samenschool.zaal``).

The page shows the team's picture: mean and spread per barrier, sorted, as a chart with a
text alternative. Model: ``TeamKaart`` (pure Python, saved in the werkmap).
View: ``TeamKaartView`` / ``toon()``.
"""

from __future__ import annotations

import base64
import json
import re
import statistics
from html import escape
from pathlib import Path

import pandas as pd

from samenschool import upload, validatie
from samenschool.antwoord import Antwoord
from samenschool.drempels import ouder_drempels
from samenschool.errors import SamenschoolError
from samenschool.werkmap import Werkmap
from samenschool.widgets import _ui

MODULE = "03_drempels"

SCHAAL = {0: "speelt niet bij ons", 1: "speelt een beetje", 2: "speelt duidelijk", 3: "speelt sterk"}
BESTAND_SOORT = "samenschool-teamkaart"
BESTAND_VERSIE = 1
MAX_BESTAND = 100_000  # bytes: a member file is well under 2 kB
MAX_LABEL = 40
SLEUTEL = "teamkaart"
EXPORT_MAP = "teamkaart"  # subfolder of the werkmap for member files
ALLES_NUL = ("Alles staat op 0. Klopt dat? Dan speelt geen enkele drempel bij jullie. "
             "Klik nog eens om zo te bewaren, of pas je weging eerst aan.")
DOWNLOAD_UITLEG = "Stuur dit bestand naar de persoon die de teamkaart maakt."
PRIVACY = ("Gebruik een rol of een nummer (bv. ‘Leerkracht 1’, ‘Zorg 2’, ‘Directie’), "
           "geen echte naam. Zo blijft de teamkaart anoniem.")


def _schoon_label(label: str) -> str:
    label = re.sub(r"\s+", " ", str(label or "")).strip()
    label = "".join(ch for ch in label if ch.isprintable())
    return label[:MAX_LABEL]


class TeamKaart:
    """Weights (0-3) per member for the nine parents' barriers; saved at every change."""

    def __init__(self, werkmap: Werkmap | None = None, module: str = MODULE, *,
                 drempels: pd.DataFrame | None = None, sleutel: str = SLEUTEL):
        frame = ouder_drempels(drempels)
        self.drempel_ids: list[str] = list(frame["id"])
        self.namen: dict[str, str] = dict(zip(frame["id"], frame["naam"]))
        self.werkmap = werkmap if werkmap is not None else Werkmap.default()
        self.module, self.sleutel = module, sleutel
        saved = self.werkmap.get(module, sleutel, {}) or {}
        self.leden: dict[str, dict[str, int]] = {}
        self.fouten: list[str] = []  # messages about files that could not be added (last combine)
        leden = saved.get("leden") if isinstance(saved, dict) else None  # a damaged answer: an empty map
        for label, gewichten in (leden if isinstance(leden, dict) else {}).items():
            try:
                self.leden[label] = self._check_gewichten(gewichten)
            except ValueError:
                continue  # a damaged entry is skipped; the rest of the map stays

    # -- checks ---------------------------------------------------------------------------
    def _check_gewichten(self, gewichten) -> dict[str, int]:
        if not isinstance(gewichten, dict):
            raise ValueError("de gewichten ontbreken")
        missing = [self.namen[i] for i in self.drempel_ids if i not in gewichten]
        if missing:
            raise ValueError("er ontbreekt een gewicht voor " + ", ".join(missing))
        clean = {}
        for drempel_id in self.drempel_ids:
            value = gewichten[drempel_id]
            if isinstance(value, bool) or not isinstance(value, int) or value not in SCHAAL:
                raise ValueError(f"het gewicht voor ‘{self.namen[drempel_id]}’ moet 0, 1, 2 of 3 zijn "
                                 f"(nu: {value!r})")
            clean[drempel_id] = value
        return clean

    def volgend_label(self, basis: str = "Teamlid") -> str:
        n = len(self.leden) + 1
        while f"{basis} {n}" in self.leden:
            n += 1
        return f"{basis} {n}"

    def _vrij_label(self, label: str) -> str:
        if label not in self.leden:
            return label
        n = 2
        while f"{label} ({n})" in self.leden:
            n += 1
        return f"{label} ({n})"

    # -- changes ----------------------------------------------------------------------------
    VRAAG = "Teamkaart: hoe sterk speelt elke drempel bij ons? (0-3 per teamlid)"

    def _save(self) -> None:
        delen = [(lid, "; ".join(f"{self.namen[d]}: {g}" for d, g in gewichten.items()))
                 for lid, gewichten in self.leden.items()]
        self.werkmap.bewaar(self.module, Antwoord.nieuw(self.module, self.sleutel, {"leden": self.leden},
                                                        vraag=self.VRAAG, delen=delen))

    def add_member(self, label: str, gewichten: dict[str, int], *, vervang: bool = False) -> str:
        """Add one member's weights. Returns the label used (made unique unless ``vervang``)."""
        label = _schoon_label(label) or self.volgend_label()
        clean = self._check_gewichten(gewichten)
        if not vervang:
            label = self._vrij_label(label)
        self.leden[label] = clean
        self._save()
        return label

    def remove_member(self, label: str) -> None:
        self.leden.pop(label, None)
        self._save()

    def wis(self) -> None:
        self.leden.clear()
        self._save()

    # -- files ------------------------------------------------------------------------------
    def member_bytes(self, label: str, gewichten: dict[str, int] | None = None) -> bytes:
        """One member's weights as a small JSON file (UTF-8)."""
        gewichten = self._check_gewichten(gewichten if gewichten is not None else self.leden[label])
        payload = {"soort": BESTAND_SOORT, "versie": BESTAND_VERSIE, "lid": _schoon_label(label),
                   "gewichten": gewichten}
        return json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")

    @staticmethod
    def bestandsnaam(label: str) -> str:
        stem = re.sub(r"[^A-Za-z0-9_-]+", "-", _schoon_label(label)).strip("-").lower() or "teamlid"
        return f"teamkaart-{stem}.json"

    def bewaar_bestand(self, label: str, gewichten: dict[str, int] | None = None) -> Path:
        """Write one member's file into the werkmap (subfolder ``teamkaart``) and return its path."""
        data = self.member_bytes(label, gewichten)
        folder = self.werkmap.folder / EXPORT_MAP
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / self.bestandsnaam(label)
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
        return path

    def lees_bestand(self, naam: str, inhoud: bytes) -> tuple[str, dict[str, int]]:
        """Parse one member file; raises ValueError with a Dutch message naming the file."""
        if len(inhoud) > MAX_BESTAND:
            raise ValueError(upload.te_groot(naam, len(inhoud), MAX_BESTAND))
        try:  # encoding, nesting and number limits: samenschool.upload / validatie
            payload = upload.lees_json(naam, bytes(inhoud), max_bytes=MAX_BESTAND)
        except SamenschoolError:
            raise ValueError(f"‘{naam}’ kan niet gelezen worden: het is geen teamkaart-bestand "
                             "(of het is beschadigd). Vraag je collega het opnieuw te bewaren.") from None
        if not isinstance(payload, dict) or payload.get("soort") != BESTAND_SOORT:
            raise ValueError(f"‘{naam}’ is geen teamkaart-bestand van Samen School Maken.")
        if payload.get("versie") != BESTAND_VERSIE:
            raise ValueError(f"‘{naam}’ komt uit een andere versie van de kit (versie {payload.get('versie')!r}).")
        try:
            gewichten = self._check_gewichten(payload.get("gewichten"))
        except ValueError as exc:
            raise ValueError(f"‘{naam}’: {exc}.") from None
        label = _schoon_label(payload.get("lid", "")) or Path(naam).stem
        return label, gewichten

    def combine_files(self, files) -> list[str]:
        """Add members from files [(file name, bytes)]. Returns Dutch messages, one per file."""
        meldingen = []
        self.fouten = []
        # each file judged on its own: a bad or huge file never drops the good ones beside it
        for oordeel in upload.beoordeel(files, self.lees_bestand, max_bytes=MAX_BESTAND):
            naam = oordeel.naam
            if not oordeel.ok:
                meldingen.append(oordeel.melding)
                self.fouten.append(oordeel.melding)
                continue
            label, gewichten = oordeel.inhoud
            if self.leden.get(label) == gewichten:
                meldingen.append(f"‘{naam}’ ({label}) stond er al in.")
                continue
            gebruikt = self._vrij_label(label)
            self.leden[gebruikt] = gewichten
            meldingen.append(f"‘{naam}’ toegevoegd als {gebruikt}.")
        self._save()
        return meldingen

    # -- the team's picture -------------------------------------------------------------------
    def summary(self) -> pd.DataFrame:
        """One row per barrier: mean, spread (standard deviation), min, max, number of members;
        sorted from strongest to weakest (ties in the report's order)."""
        rows = []
        for volgorde, drempel_id in enumerate(self.drempel_ids):
            values = [g[drempel_id] for g in self.leden.values()]
            rows.append({
                "id": drempel_id,
                "drempel": self.namen[drempel_id],
                "gemiddelde": round(statistics.fmean(values), 2) if values else float("nan"),
                "spreiding": round(statistics.pstdev(values), 2) if values else float("nan"),
                "minimum": min(values) if values else pd.NA,
                "maximum": max(values) if values else pd.NA,
                "aantal": len(values),
                "_volgorde": volgorde,
            })
        frame = pd.DataFrame(rows)
        frame = frame.sort_values(["gemiddelde", "_volgorde"], ascending=[False, True], kind="stable")
        return frame.drop(columns="_volgorde").reset_index(drop=True)

    def tekstalternatief(self) -> str:
        return teamkaart_figuur(self.summary(), alleen_tekst=True)[1]


def _lijst(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]


def teamkaart_figuur(samenvatting: pd.DataFrame, *, alleen_tekst: bool = False):
    """The team's picture: mean per barrier (bar) with the range min-max (line), sorted.
    Returns (fig, tekstalternatief); fig is None when ``alleen_tekst`` or nobody weighed yet."""
    from samenschool import grafiek

    n = int(samenvatting["aantal"].max()) if len(samenvatting) else 0
    titel = f"Onze teamkaart: hoe sterk speelt elke drempel? ({n} {'teamlid' if n == 1 else 'teamleden'})"
    if n == 0:
        return None, "Nog niemand van het team heeft de drempels gewogen."
    delen = []
    for _, r in samenvatting.iterrows():
        deel = f"{r['drempel']}: gemiddeld {grafiek.getal(r['gemiddelde'])}"
        if n > 1:
            deel += f" (van {int(r['minimum'])} tot {int(r['maximum'])})"
        delen.append(deel)
    alt = (f"{titel}. Schaal van 0 (speelt niet bij ons) tot 3 (speelt sterk), van sterk naar zwak. "
           + "; ".join(delen) + ".")
    verschil = samenvatting[samenvatting["spreiding"] >= 1.0].sort_values("spreiding", ascending=False,
                                                                           kind="stable").head(3)
    if n > 1 and len(verschil):
        alt += (" Het team denkt het meest verschillend over: "
                + _lijst(list(verschil["drempel"])) + ". Daar loont een gesprek.")
    if alleen_tekst:
        return None, alt

    import textwrap

    import matplotlib
    from matplotlib.figure import Figure

    cats = [textwrap.fill(c, 32) for c in samenvatting["drempel"]]
    with matplotlib.rc_context(grafiek.STIJL):
        fig = Figure(figsize=(11, 2.2 + 0.8 * len(cats)), layout="constrained")
        ax = fig.add_subplot()
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        ypos = list(range(len(cats)))[::-1]
        means = [float(v) for v in samenvatting["gemiddelde"]]
        ax.barh(ypos, means, height=0.55, color=grafiek.OKABE_ITO["blauw"], label="gemiddelde van het team")
        if n > 1:
            lo = [float(v) for v in samenvatting["minimum"]]
            hi = [float(v) for v in samenvatting["maximum"]]
            boven = [y + 0.36 for y in ypos]
            ax.hlines(boven, lo, hi, color=grafiek.OKABE_ITO["vermiljoen"], linewidth=3,
                      label="van laagste tot hoogste weging")
            ax.plot(lo + hi, boven + boven, "|", color=grafiek.OKABE_ITO["vermiljoen"], markersize=14,
                    markeredgewidth=3)
        for y, m in zip(ypos, means):
            binnen = m >= 0.45
            ax.text(0.05 if binnen else m + 0.05, y, grafiek.getal(round(m, 1)), va="center", ha="left",
                    color="white" if binnen else "black", fontsize=grafiek.LETTER, fontweight="bold")
        ax.set_yticks(ypos, cats, fontsize=grafiek.LETTER)
        ax.set_ylim(-0.6, len(cats) - 0.1)
        ax.set_xlim(0, 3.1)
        ax.set_xticks([0, 1, 2, 3], ["0\nspeelt niet", "1\neen beetje", "2\nduidelijk", "3\nsterk"],
                      fontsize=grafiek.LETTER)
        fig.suptitle(titel, fontsize=grafiek.TITEL_LETTER, x=0.01, ha="left")
        if n > 1:
            ax.legend(frameon=False, fontsize=grafiek.LETTER, loc="lower left", bbox_to_anchor=(0, 1.0), ncols=2)
    return fig, alt


# -- view ----------------------------------------------------------------------------------------
SCHAAL_UITLEG = '<p class="ss-hulp">0 = speelt niet bij ons, 1 = een beetje, 2 = duidelijk, 3 = speelt sterk.</p>'
GROEP_LID = "Mijn weging"
GROEP_KNOP = "Bewaar mijn weging"
GROEP_UITLEG = ("<strong>In de groep:</strong> weeg de drempels zoals jij ze op jouw school ziet. Klik dan op "
                f"<em>{GROEP_KNOP}</em>. Je weging komt zonder naam op het scherm van je begeleider, samen "
                "met die van de anderen. Zo maakt de groep samen één teamkaart.")
GROEP_BEWAARD = (f"Bewaard. Je weging staat op het scherm van je begeleider. Pas je iets aan? Klik dan "
                 f"opnieuw op {GROEP_KNOP}.")


def in_groep() -> bool:
    """A participant's page in room mode: every participant weighs once, on their own laptop."""
    from samenschool import deelnemer

    return deelnemer.is_deelnemer()


class TeamKaartView:
    """Weigh with sliders; add to the shared map or save as a file; combine files; the chart."""

    def __init__(self, model: TeamKaart):
        import ipywidgets as w

        self.model = model
        self.label = w.Text(value=model.volgend_label(), description="Teamlid:",
                            layout=w.Layout(width="22em"))
        self.label.add_class("ss-teamlid")
        uitleg = w.HTML(f'<p class="ss-hulp">{escape(PRIVACY)}</p>{SCHAAL_UITLEG}')
        self.schuiven: dict[str, object] = {}
        rijen = []
        for drempel_id in model.drempel_ids:
            knoppen = w.ToggleButtons(options=[(str(k), k) for k in SCHAAL], value=0,
                                      tooltips=list(SCHAAL.values()),
                                      style={"button_width": "3em"})
            knoppen.add_class("ss-weging")
            knoppen.observe(self._weging_gewijzigd, names="value")
            self.schuiven[drempel_id] = knoppen
            rijen.append(w.HBox([w.HTML(f"<span>{escape(model.namen[drempel_id])}</span>",
                                        layout=w.Layout(width="22em")), knoppen]))
        self.volgende = _ui.knop("Bewaar en volgend teamlid", "ss-knop-volgende", "primary")
        self.volgende.on_click(self._volgende)
        self.bestand = _ui.knop("Maak een bestand van mijn weging", "ss-knop-bestand")
        self.bestand.on_click(self._bestand)
        self.upload = w.FileUpload(accept=".json", multiple=True, description="Kies de bestanden van collega's",
                                   layout=w.Layout(width="auto"))
        self.upload.add_class("ss-upload")
        self.upload.add_class(f"ss-upload-max-{MAX_BESTAND}")  # the page refuses bigger files itself
        self.samenvoegen = _ui.knop("Voeg de bestanden samen", "ss-knop-samenvoegen")
        self.samenvoegen.on_click(self._samenvoegen)
        self.wis_knop = _ui.knop("Begin een nieuwe teamkaart", "ss-knop-wis")
        self.wis_knop.on_click(self._wis)
        self._wis_gevraagd = False
        self._nul_gevraagd: str | None = None  # which button asked "Alles staat op 0. Klopt dat?"
        self.status = w.HTML(_ui.werkmap_meldingen_html(model.werkmap))
        self.download = w.HTML("")
        self.leden = w.HTML("")
        self.kaart = w.HTML("")
        scherm = w.VBox([w.HTML("<p><strong>Samen op één scherm:</strong> elk teamlid weegt na elkaar.</p>"),
                         self.volgende])
        laptop = w.VBox([w.HTML("<p><strong>Elk op een eigen laptop:</strong> bewaar je weging als "
                                "bestand en stuur het naar wie de teamkaart maakt. Die voegt de "
                                "bestanden hier samen.</p>"
                                f'<p class="ss-hulp">Elk bestand mag hoogstens {validatie.grootte(MAX_BESTAND)} '
                                "zijn (een teamkaart-bestand is veel kleiner). Een bestand dat niet klopt, "
                                "krijgt een eigen melding; de andere tellen mee.</p>"),
                         w.HBox([self.bestand]), self.download, w.HBox([self.upload, self.samenvoegen])])
        self.in_groep = in_groep()
        if self.in_groep:
            # room mode: one weighing per participant, shown on the facilitator's projector
            self.volgende.description = self.volgende.tooltip = GROEP_KNOP
            eigen = model.leden.get(GROEP_LID)
            for drempel_id, knoppen in self.schuiven.items():
                knoppen.value = (eigen or {}).get(drempel_id, 0)
            schaal = w.HTML(SCHAAL_UITLEG)  # no member names here: no privacy line about them
            onderdelen = [w.HTML(f"<p>{GROEP_UITLEG}</p>"), schaal, *rijen, self.volgende, self.status, self.kaart]
        else:
            onderdelen = [uitleg, self.label, *rijen, scherm, laptop, self.status, self.leden, self.kaart,
                          self.wis_knop]
        self.widget = w.VBox(onderdelen)
        self.widget.add_class("ss-teamkaart")
        if self.in_groep:
            self.widget.add_class("ss-teamkaart-groep")
        self._ververs()

    def gewichten(self) -> dict[str, int]:
        return {i: int(k.value) for i, k in self.schuiven.items()}

    def _weging_gewijzigd(self, _change=None) -> None:
        self._nul_gevraagd = None
        self.download.value = ""  # a file made before this change no longer matches the weighing

    def _nul_eerst_vragen(self, knop: str) -> bool:
        """Every weight 0 is possible but often a forgotten weighing. The first click only asks;
        a second click on the same button (weights unchanged) saves. Returns True when it asked."""
        if any(self.gewichten().values()) or self._nul_gevraagd == knop:
            self._nul_gevraagd = None
            return False
        self._nul_gevraagd = knop
        self.status.value = _ui.melding_html(ALLES_NUL, "let_op")
        return True

    def _reset(self) -> None:
        for knoppen in self.schuiven.values():
            knoppen.value = 0
        self.label.value = self.model.volgend_label()

    def _ververs(self) -> None:
        leden = list(self.model.leden)
        self.leden.value = ('<p class="ss-leden">Gewogen: ' + escape(", ".join(leden)) + "</p>") if leden else (
            '<p class="ss-leden">Nog niemand heeft gewogen.</p>')
        fig, alt = teamkaart_figuur(self.model.summary())
        if fig is None:
            self.kaart.value = ""
        else:
            from samenschool import grafiek

            self.kaart.value = grafiek.figuur_html(fig, alt)

    @_ui.veilig()
    def _volgende(self, _button=None) -> None:
        if self._nul_eerst_vragen("volgende"):
            return
        if self.in_groep:
            self.model.add_member(GROEP_LID, self.gewichten(), vervang=True)
            self.status.value = _ui.melding_html(GROEP_BEWAARD, "ok")
            self._ververs()
            return
        label = self.model.add_member(self.label.value, self.gewichten())
        self.status.value = _ui.melding_html(f"Bewaard voor {label}. Geef door aan het volgende teamlid.", "ok")
        self._reset()
        self._ververs()

    @_ui.veilig()
    def _bestand(self, _button=None) -> None:
        if self._nul_eerst_vragen("bestand"):
            return
        label = _schoon_label(self.label.value) or self.model.volgend_label()
        data = self.model.member_bytes(label, self.gewichten())
        path = self.model.bewaar_bestand(label, self.gewichten())  # a copy in the werkmap, not shown
        b64 = base64.b64encode(data).decode("ascii")
        self.download.value = (
            f'<p><a class="ss-download-knop" download="{escape(path.name)}" '
            f'href="data:application/json;base64,{b64}">Bewaar mijn weging als bestand</a></p>'
            f'<p class="ss-hulp">{escape(DOWNLOAD_UITLEG)}</p>')
        self.status.value = _ui.melding_html(
            "Je bestand is klaar. Klik op de knop Bewaar mijn weging als bestand.", "ok")

    @_ui.veilig()
    def _samenvoegen(self, _button=None) -> None:
        files = upload.bestanden_uit_widget(self.upload.value)
        if not files:
            self.status.value = _ui.melding_html("Kies eerst de bestanden van je collega's (knop hiernaast).", "info")
            return
        meldingen = self.model.combine_files(files)
        self.status.value = "".join(_ui.melding_html(m, "let_op" if m in self.model.fouten else "ok")
                                    for m in meldingen)
        self.upload.value = ()
        self._ververs()

    @_ui.veilig()
    def _wis(self, _button=None) -> None:
        if not self._wis_gevraagd:  # two clicks: a whole team's work is not lost by accident
            self._wis_gevraagd = True
            self.wis_knop.description = "Zeker? Klik nog eens om alles te wissen"
            return
        self._wis_gevraagd = False
        self.wis_knop.description = "Begin een nieuwe teamkaart"
        self.model.wis()
        self._reset()
        self.status.value = _ui.melding_html("De teamkaart is leeg. Jullie kunnen opnieuw beginnen.", "info")
        self._ververs()


def maak(werkmap: Werkmap | None = None, module: str = MODULE, *, sleutel: str = SLEUTEL) -> TeamKaartView:
    return TeamKaartView(TeamKaart(werkmap, module, sleutel=sleutel))
