"""A live editor for a letter to parents: scores, long sentences and hard words while you type.

``BriefEditor`` is the pure-Python model. It holds two texts, ``voor`` (the letter as it
is) and ``na`` (the rewritten letter), measures each with ``samenschool.leesbaarheid`` and
compares them with ``vergelijk()``. Every change is saved in the werkmap at once, so a
kernel restart or a page reload gives the text back.

``BriefEditorView`` is a thin ipywidgets view on the model. ``toon()`` (before/after
exercise) and ``toon_editor()`` (one letter) show it in a notebook with one call.

The texts the learner types never leave the werkmap. Nothing here raises on the page: an
empty or a very long text gives a Dutch message instead of scores.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path

from samenschool import leesbaarheid
from samenschool.errors import SamenschoolError
from samenschool.invoer import controleer_tekst, schoon
from samenschool.paths import datasets_dir
from samenschool.antwoord import Antwoord
from samenschool.werkmap import Werkmap

MODULE = "05_heldere_taal"
MAX_TEKENS = 20_000
"""Longer than any school letter (a page is about 3,000 characters): paste one letter at a time."""
KANTEN = ("voor", "na")
KANT_NAAM = {"voor": "Voor", "na": "Na"}
VERSIES = {"moeilijk": "moeilijke versie", "helder": "heldere versie"}
ONDERWERPEN = {
    "uitnodiging_oudercontact": "Uitnodiging oudercontact",
    "schoolrekening": "Schoolrekening",
    "uitstap": "Uitstap",
    "zorgoverleg": "Zorgoverleg",
}
LEEG = "Dit vak is nog leeg. Plak of typ hier een brief, of kies hierboven een voorbeeldbrief."
ZONDER_VOORBEELD = ""


# --------------------------------------------------------------------------- example letters


@dataclass(frozen=True)
class Voorbeeld:
    """One example letter in datasets/brieven/: ``<onderwerp>_<versie>.txt``."""

    id: str
    onderwerp: str
    versie: str
    pad: Path

    @property
    def label(self) -> str:
        naam = ONDERWERPEN.get(self.onderwerp, self.onderwerp.replace("_", " ").capitalize())
        return f"{naam} ({VERSIES.get(self.versie, self.versie)})"

    def tekst(self) -> str:
        try:
            return schoon(self.pad.read_text(encoding="utf-8-sig")).strip() + "\n"
        except (OSError, UnicodeDecodeError) as exc:
            raise SamenschoolError(f"De voorbeeldbrief {self.pad.name} kan niet gelezen worden ({exc}).") from exc


def brieven_dir() -> Path:
    return datasets_dir() / "brieven"


def voorbeelden(folder: Path | str | None = None) -> list[Voorbeeld]:
    """The example letters, sorted by subject, hard version first. [] when the folder is missing."""
    root = Path(folder) if folder is not None else brieven_dir()
    if not root.is_dir():
        return []
    found = []
    for path in root.glob("*.txt"):
        stem = path.stem
        onderwerp, _, versie = stem.rpartition("_")
        if not onderwerp or versie not in VERSIES:
            continue
        found.append(Voorbeeld(stem, onderwerp, versie, path))
    volgorde = list(ONDERWERPEN)
    return sorted(found, key=lambda v: (volgorde.index(v.onderwerp) if v.onderwerp in volgorde else len(volgorde),
                                        v.onderwerp, list(VERSIES).index(v.versie)))


def voorbeeld(voorbeeld_id: str, folder: Path | str | None = None) -> Voorbeeld:
    for item in voorbeelden(folder):
        if item.id == voorbeeld_id:
            return item
    raise SamenschoolError(f"De voorbeeldbrief '{voorbeeld_id}' bestaat niet in {Path(folder) if folder else brieven_dir()}.")


_voorbeeld = voorbeeld  # the function, for code where a parameter is called "voorbeeld"


# --------------------------------------------------------------------------- one measurement


@dataclass(frozen=True)
class Meting:
    """The readability of one text, or a Dutch message why there are no scores."""

    tekst: str
    result: leesbaarheid.Leesbaarheid | None = None
    melding: str = ""

    @property
    def ok(self) -> bool:
        return self.result is not None


def meet(tekst: object) -> Meting:
    """Measure one text. Never raises: empty, too long or unreadable text gives a message."""
    text = schoon(tekst)
    check = controleer_tekst(text, max_tekens=MAX_TEKENS, veld="Dit vak")
    if not check.ok:
        if not check.tekst:
            return Meting("", None, LEEG)
        return Meting(
            text[:MAX_TEKENS], None,
            f"Deze tekst is te lang ({_duizend(len(text.strip()))} tekens). De editor meet tot "
            f"{_duizend(MAX_TEKENS)} tekens. Plak één brief tegelijk. "
            f"We bewaarden de eerste {_duizend(MAX_TEKENS)} tekens.",
        )
    try:
        return Meting(text, leesbaarheid.analyse(text))
    except SamenschoolError as exc:
        return Meting(text, None, str(exc))


# --------------------------------------------------------------------------- the model


def _duizend(n: int) -> str:
    """25000 -> 25.000"""
    return f"{n:,}".replace(",", ".")


def _getal(x: float, decimalen: int = 1) -> str:
    """A number the Flemish way: 72,5."""
    return f"{x:.{decimalen}f}".replace(".", ",")


class BriefEditor:
    """Two versions of a letter (voor, na), their measurements, saved in the werkmap.

    ``sleutel`` names the activity in the werkmap (keys ``<sleutel>.voor``, ``<sleutel>.na``).
    ``voorbeeld`` is the example letter shown in "voor" while the learner has saved nothing.
    """

    def __init__(self, werkmap: Werkmap | None = None, module: str = MODULE, *, sleutel: str = "herschrijf",
                 voorbeeld: str | None = None, titel: str = "Brief"):
        self.werkmap = werkmap if werkmap is not None else Werkmap.default()
        self.module = module
        self.sleutel = sleutel
        self.titel = titel
        self.metingen: dict[str, Meting] = {}
        self.vorige: dict[str, str | None] = {k: None for k in KANTEN}
        self.meldingen: list[str] = []
        saved = self.werkmap.load(module)
        for kant in KANTEN:
            text = saved.get(self.key(kant))
            if not isinstance(text, str):
                text = ""
                if kant == "voor" and voorbeeld:
                    try:
                        text = _voorbeeld(voorbeeld).tekst()
                    except SamenschoolError as exc:
                        self.meldingen.append(str(exc))
            self.metingen[kant] = meet(text)
        self.meldingen.extend(self.werkmap.meldingen)

    # -- state ---------------------------------------------------------------------------
    def key(self, kant: str) -> str:
        if kant not in KANTEN:
            raise KeyError(f"Kies 'voor' of 'na', niet {kant!r}.")
        return f"{self.sleutel}.{kant}"

    def label(self, kant: str) -> str:
        return f"{self.titel} ({'eerste versie' if kant == 'voor' else 'herschreven versie'})"

    @property
    def voor(self) -> str:
        return self.metingen["voor"].tekst

    @property
    def na(self) -> str:
        return self.metingen["na"].tekst

    @property
    def results(self) -> dict[str, leesbaarheid.Leesbaarheid | None]:
        return {k: m.result for k, m in self.metingen.items()}

    def tekst(self, kant: str) -> str:
        self.key(kant)
        return self.metingen[kant].tekst

    def melding(self, kant: str) -> str:
        return self.metingen[kant].melding

    # -- changes -------------------------------------------------------------------------
    def zet(self, kant: str, tekst: object) -> Meting:
        """New text for one side: measure it and save it in the werkmap at once."""
        key = self.key(kant)
        meting = meet(tekst)
        self.metingen[kant] = meting
        self.werkmap.bewaar(self.module, Antwoord.nieuw(self.module, key, meting.tekst, vraag=self.label(kant),
                                                        tekst=meting.tekst, volgorde=KANTEN.index(kant) + 1))
        return meting

    def laad_voorbeeld(self, voorbeeld_id: str, kant: str = "voor") -> Meting:
        """Put an example letter in one side. The text that was there can come back with herstel()."""
        text = voorbeeld(voorbeeld_id).tekst()
        self.vorige[kant] = self.tekst(kant)
        return self.zet(kant, text)

    def herstel(self, kant: str) -> Meting | None:
        """Undo the last example letter: the learner's own text comes back."""
        previous = self.vorige.get(kant)
        if previous is None:
            return None
        self.vorige[kant] = None
        return self.zet(kant, previous)

    def neem_over(self) -> Meting:
        """Start the rewrite from the original: copy 'voor' into 'na'."""
        self.vorige["na"] = self.na
        return self.zet("na", self.voor)

    # -- comparison ----------------------------------------------------------------------
    def vergelijk(self) -> dict:
        """Compare voor and na.

        Returns {"klaar": bool, "melding": str, "voor": dict|None, "na": dict|None,
        "rijen": [{"maat", "voor", "na", "verschil", "beter"}], "makkelijker": True/False/None,
        "zin": str, "oordeel": str, "regels": [str], "caveat": str}. ``beter`` says which way
        is easier ("hoger"/"lager"/""). ``zin`` is everything in one sentence (for export);
        the page shows ``oordeel`` (a short verdict, bold) and ``regels`` (one short plain
        line per measure) instead, because one long bold sentence is hard to read.
        """
        voor, na = self.results["voor"], self.results["na"]
        out = {"klaar": False, "melding": "", "voor": voor.to_dict() if voor else None,
               "na": na.to_dict() if na else None, "rijen": [], "makkelijker": None, "zin": "",
               "oordeel": "", "regels": [], "caveat": leesbaarheid.CAVEAT_KORT}
        if voor is None or na is None:
            ontbreekt = [KANT_NAAM[k] for k in KANTEN if self.results[k] is None]
            out["melding"] = (f"Nog geen vergelijking: in het vak {' en '.join(ontbreekt)} staat nog geen brief "
                              "die we kunnen meten.")
            out["zin"] = out["melding"]
            return out

        def rij(maat, a, b, beter, decimalen=0):
            verschil = round(b - a, decimalen) if decimalen else b - a
            return {"maat": maat, "voor": a, "na": b, "verschil": verschil, "beter": beter, "decimalen": decimalen}

        rijen = [
            rij("Flesch-Douma", voor.flesch_douma, na.flesch_douma, "hoger", 1),
            rij("Leesindex Brouwer", voor.brouwer, na.brouwer, "hoger", 1),
            rij("Woorden", voor.woorden, na.woorden, ""),
            rij("Zinnen", voor.zinnen, na.zinnen, ""),
            rij("Woorden per zin (gemiddeld)", round(voor.woorden_per_zin, 1), round(na.woorden_per_zin, 1), "lager", 1),
            rij("Lettergrepen per woord (gemiddeld)", round(voor.lettergrepen_per_woord, 2),
                round(na.lettergrepen_per_woord, 2), "lager", 2),
            rij("Lange zinnen", len(voor.lange_zinnen), len(na.lange_zinnen), "lager"),
            rij("Moeilijke woorden (aantal keer)", len(voor.moeilijke_woorden), len(na.moeilijke_woorden), "lager"),
        ]
        out.update(klaar=True, rijen=rijen)
        d_fd = na.flesch_douma - voor.flesch_douma
        d_br = na.brouwer - voor.brouwer
        if d_fd >= 0 and d_br >= 0 and (d_fd > 0 or d_br > 0):
            out["makkelijker"] = True
        elif d_fd <= 0 and d_br <= 0 and (d_fd < 0 or d_br < 0):
            out["makkelijker"] = False

        details = [f"de Flesch-Douma-score gaat van {_getal(voor.flesch_douma)} ({voor.band_flesch}) "
                   f"naar {_getal(na.flesch_douma)} ({na.band_flesch})"]
        wpz = na.woorden_per_zin - voor.woorden_per_zin
        if abs(wpz) >= 0.5:
            details.append(f"de zinnen zijn gemiddeld {_getal(abs(wpz))} woorden {'korter' if wpz < 0 else 'langer'}")
        for naam, a, b in (("lange zinnen", len(voor.lange_zinnen), len(na.lange_zinnen)),
                           ("moeilijke woorden", len(voor.moeilijke_woorden), len(na.moeilijke_woorden))):
            if b < a:
                details.append(f"er staan {a - b} {naam} minder in")
            elif b > a:
                details.append(f"er staan {b - a} {naam} meer in")
        regels = [f"Flesch-Douma: van {_getal(voor.flesch_douma)} ({voor.band_flesch}) "
                  f"naar {_getal(na.flesch_douma)} ({na.band_flesch})."]
        if abs(wpz) >= 0.5:
            regels.append(f"Zinnen: gemiddeld {_getal(abs(wpz))} woorden {'korter' if wpz < 0 else 'langer'}.")
        a, b = len(voor.lange_zinnen), len(na.lange_zinnen)
        if a != b:
            regels.append(f"Lange zinnen: {a} in Voor, {b} in Na.")
        a, b = len(voor.moeilijke_woorden), len(na.moeilijke_woorden)
        if a != b:
            regels.append(f"Moeilijke woorden: {a} keer in Voor, {b} keer in Na.")
        if out["makkelijker"] is True:
            oordeel = "De nieuwe versie is makkelijker."
        elif out["makkelijker"] is False:
            oordeel = "De nieuwe versie is moeilijker."
        elif d_fd == 0 and d_br == 0:
            oordeel = "De twee versies zijn even makkelijk."
            regels = ["Herschrijf de brief in het vak Na."]
        else:
            oordeel = "De twee formules zijn het niet eens."
            regels.insert(0, f"Flesch-Douma {'stijgt' if d_fd > 0 else 'daalt'}, "
                             f"Brouwer {'stijgt' if d_br > 0 else 'daalt'}.")
        out.update(oordeel=oordeel, regels=regels)

        if out["makkelijker"] is True:
            zin = "De nieuwe versie is makkelijker: " + _opsom(details) + "."
        elif out["makkelijker"] is False:
            zin = "De nieuwe versie is moeilijker: " + _opsom(details) + "."
        elif d_fd == 0 and d_br == 0:
            zin = "Volgens de formules zijn de twee versies even makkelijk. Herschrijf de brief in het vak Na."
        else:
            zin = ("De twee formules zijn het niet eens: Flesch-Douma "
                   f"{'stijgt' if d_fd > 0 else 'daalt'}, Brouwer {'stijgt' if d_br > 0 else 'daalt'}. "
                   + _opsom(details).capitalize() + ".")
        out["zin"] = zin + " Een formule meet alleen de buitenkant. Lees de brief ook samen met een ouder."
        return out


def _opsom(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


# --------------------------------------------------------------------------- HTML (escaped)


_TH = ' style="text-align: left; padding: 0.15em 0.9em 0.15em 0; font-weight: bold"'
_TD = ' style="text-align: right; padding: 0.15em 0.9em; white-space: nowrap"'
_TX = ' style="text-align: left; padding: 0.15em 0.9em"'
_TABEL = ' style="border-collapse: collapse; margin: 0.4em 0"'
_CAPTION = ' style="caption-side: top; text-align: left; padding-bottom: 0.3em"'


def caveat_html() -> str:
    """The caveat next to a score. Without the B1 note: module 05 explains B1 once, above."""
    return f'<p class="ss-caveat">{escape(leesbaarheid.CAVEAT_KORT)}</p>'


def score_html(meting: Meting) -> str:
    """Scores with their band in words, counts, and the caveat; or the message."""
    if not meting.ok:
        return (f'<div class="ss-scores" data-leeg="ja"><p class="ss-melding">{escape(meting.melding)}</p>'
                f"{caveat_html()}</div>")
    r = meting.result
    keer, uniek = len(r.moeilijke_woorden), len(_unieke_woorden(r))
    moeilijk = "uit de woordenlijst van de kit"
    if keer:  # "23 keer, 21 verschillende woorden": the same count as the list under the letter
        moeilijk = (f"keer, {uniek} {'verschillend woord' if uniek == 1 else 'verschillende woorden'} "
                    "uit de lijst van de kit")
    rows = [
        ("Flesch-Douma", _getal(r.flesch_douma), r.band_flesch),
        ("Leesindex Brouwer", _getal(r.brouwer), r.band_brouwer),
        ("Woorden", str(r.woorden), ""),
        ("Zinnen", str(r.zinnen), ""),
        ("Woorden per zin (gemiddeld)", _getal(r.woorden_per_zin), ""),
        ("Lange zinnen", str(len(r.lange_zinnen)), f"meer dan {leesbaarheid.LANGE_ZIN} woorden"),
        ("Moeilijke woorden", str(keer), moeilijk),
    ]
    body = "".join(f'<tr><th scope="row"{_TH}>{escape(a)}</th><td class="ss-getal"{_TD}>{escape(b)}</td>'
                   f"<td{_TX}>{escape(c)}</td></tr>" for a, b, c in rows)
    return (f'<div class="ss-scores" data-flesch="{r.flesch_douma}" data-brouwer="{r.brouwer}">'
            f'<table class="ss-score-tabel"{_TABEL}><caption{_CAPTION}>Hoe hoger de score, hoe makkelijker de tekst. '
            f"Meestal ligt de score tussen 0 en 100.</caption>{body}</table>{caveat_html()}</div>")


def _unieke_woorden(r: leesbaarheid.Leesbaarheid) -> list[dict]:
    """The hard words found, each written form once (case ignored), in order of appearance."""
    seen, out = set(), []
    for w in r.moeilijke_woorden:
        key = str(w.get("woord", "")).lower()
        if key not in seen:
            seen.add(key)
            out.append(w)
    return out


def markering_html(meting: Meting) -> str:
    """The letter with hard words and long sentences marked, plus the list of suggestions."""
    if not meting.ok:
        return '<div class="ss-markering"></div>'
    r = meting.result
    parts = ['<div class="ss-markering">',
             '<p class="ss-legende"><mark class="ss-moeilijk">gemarkeerd</mark> = moeilijk woord '
             '(een eenvoudiger woord staat in het lijstje onder de brief), '
             '<span class="ss-lang">golvend onderlijnd</span> = lange zin.</p>']
    if r.lange_zinnen:
        parts.append(f"<p>{len(r.lange_zinnen)} lange {'zin' if len(r.lange_zinnen) == 1 else 'zinnen'} "
                     f"(meer dan {leesbaarheid.LANGE_ZIN} woorden). Maak er kortere zinnen van.</p>")
    parts.append(leesbaarheid.markeer_html(meting.tekst, r))
    if r.moeilijke_woorden:
        items = [f"<li><strong>{escape(str(w.get('woord', '')))}</strong> → "
                 f"{escape(str(w.get('suggestie', '')))}</li>" for w in _unieke_woorden(r)]
        keer = len(r.moeilijke_woorden)
        # always open: hovering does not work on a tablet, a phone or a projector
        parts.append(f'<div class="ss-suggesties"><p class="ss-suggesties-kop"><strong>Moeilijke woorden '
                     f'en een eenvoudiger woord</strong> ({keer} keer, {len(items)} '
                     f'{"verschillend woord" if len(items) == 1 else "verschillende woorden"})</p>'
                     f'<ul>{"".join(items)}</ul></div>')
    else:
        parts.append("<p>Geen woorden uit de lijst met moeilijke woorden gevonden.</p>")
    parts.append("</div>")
    return "".join(parts)


def vergelijking_html(vergelijking: dict) -> str:
    """The before/after table and the sentence in words."""
    if not vergelijking["klaar"]:
        return f'<div class="ss-vergelijking"><p class="ss-melding">{escape(vergelijking["melding"])}</p></div>'

    rows = []
    for r in vergelijking["rijen"]:
        def fmt(x, _dec=r.get("decimalen", 0)):
            return _getal(x, _dec) if _dec else str(x)

        d = r["verschil"]
        teken = "+" if d > 0 else ""
        if not r["beter"] or d == 0:
            oordeel = ""
        elif (d > 0) == (r["beter"] == "hoger"):
            oordeel = "makkelijker"
        else:
            oordeel = "moeilijker"
        rows.append(f'<tr><th scope="row"{_TH}>{escape(r["maat"])}</th>'
                    f'<td class="ss-getal"{_TD}>{escape(fmt(r["voor"]))}</td>'
                    f'<td class="ss-getal"{_TD}>{escape(fmt(r["na"]))}</td>'
                    f'<td class="ss-getal"{_TD}>{escape(teken + fmt(d))}</td><td{_TX}>{escape(oordeel)}</td></tr>')
    cls = {True: "ss-beter", False: "ss-slechter", None: "ss-gelijk"}[vergelijking["makkelijker"]]
    regels = "".join(f"<li>{escape(regel)}</li>" for regel in vergelijking.get("regels", []))
    return ('<div class="ss-vergelijking">'
            f'<p class="ss-vergelijking-zin {cls}"><strong>{escape(vergelijking["oordeel"])}</strong></p>'
            f'<ul class="ss-vergelijking-regels">{regels}</ul>'
            '<p class="ss-caveat">Een formule meet alleen de buitenkant. Lees de brief ook samen met een ouder.</p>'
            f'<table class="ss-score-tabel"{_TABEL}><thead><tr><th scope="col"{_TH}>Maat</th>'
            f'<th scope="col"{_TD}>Voor</th><th scope="col"{_TD}>Na</th><th scope="col"{_TD}>Verschil</th>'
            f'<th scope="col"{_TX}>Betekent</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></div>")


# --------------------------------------------------------------------------- the view


class _Kolom:
    """Widgets for one side: example dropdown, undo, text area, scores, marked text."""

    def __init__(self, view: "BriefEditorView", kant: str, titel: str):
        import ipywidgets as w

        self.view, self.kant = view, kant
        model = view.model
        opties = [("Kies een voorbeeldbrief …", ZONDER_VOORBEELD)] + [(v.label, v.id) for v in voorbeelden()]
        self.titel = w.HTML(f'<h4 class="ss-brief-titel">{escape(titel)}</h4>')
        # description_width "initial": the label gets the room it needs ("Voorbeeld:", not "Voorbee…")
        self.voorbeeld = w.Dropdown(options=opties, value=ZONDER_VOORBEELD, description="Voorbeeld:",
                                    style={"description_width": "initial"},
                                    layout=w.Layout(width="auto", max_width="100%"))
        self.voorbeeld.add_class("ss-brief-voorbeeld")
        self.terug = w.Button(description="Mijn tekst terug", disabled=True, layout=w.Layout(width="auto"),
                              tooltip="Zet de tekst terug die hier stond voor je een voorbeeld koos.")
        self.terug.add_class("ss-knop")
        self.tekst = w.Textarea(value=model.tekst(kant), rows=14, continuous_update=True,
                                placeholder="Plak of typ hier de brief.",
                                layout=w.Layout(width="100%"))
        self.tekst.add_class("ss-brief-tekst")
        self.tekst.add_class(f"ss-brief-tekst-{kant}")
        self.scores = w.HTML(score_html(model.metingen[kant]))
        self.scores.add_class("ss-brief-scores")
        self.markering = w.HTML(markering_html(model.metingen[kant]))
        self.markering.add_class("ss-brief-markering")
        self.extra = []
        self.voorbeeld.observe(self._on_voorbeeld, names="value")
        self.terug.on_click(self._on_terug)
        self.tekst.observe(self._on_tekst, names="value")

    def widget(self):
        import ipywidgets as w

        box = w.VBox([self.titel, w.HBox([self.voorbeeld, self.terug] + self.extra,
                                         layout=w.Layout(flex_flow="row wrap")),
                      self.tekst, self.scores, self.markering],
                     layout=w.Layout(flex="1 1 360px", min_width="0", padding="0 8px"))
        box.add_class("ss-brief-kolom")
        return box

    def ververs(self) -> None:
        meting = self.view.model.metingen[self.kant]
        self.scores.value = score_html(meting)
        self.markering.value = markering_html(meting)
        self.terug.disabled = self.view.model.vorige[self.kant] is None
        self.view.ververs_vergelijking()

    def zet_tekst_widget(self) -> None:
        """Show the model's text in the text area without measuring it twice."""
        self.view._bezig = True
        try:
            self.tekst.value = self.view.model.tekst(self.kant)
        finally:
            self.view._bezig = False

    def _on_tekst(self, change) -> None:
        if self.view._bezig:
            return
        self.view.model.zet(self.kant, change["new"])
        self.ververs()

    def _on_voorbeeld(self, change) -> None:
        if self.view._bezig or not change["new"]:
            return
        try:
            self.view.model.laad_voorbeeld(change["new"], self.kant)
        except SamenschoolError as exc:
            self.scores.value = f'<p class="ss-melding">{escape(str(exc))}</p>'
        else:
            self.zet_tekst_widget()
            self.ververs()
        self.view._bezig = True
        try:
            self.voorbeeld.value = ZONDER_VOORBEELD  # so the same example can be chosen again
        finally:
            self.view._bezig = False

    def _on_terug(self, _button=None) -> None:
        if self.view.model.herstel(self.kant) is not None:
            self.zet_tekst_widget()
        self.ververs()


class BriefEditorView:
    """ipywidgets view. ``vergelijken=True``: Voor and Na side by side plus the comparison."""

    def __init__(self, model: BriefEditor, vergelijken: bool = True):
        import ipywidgets as w

        self.model = model
        self.vergelijken = vergelijken
        self._bezig = False
        self.vergelijking = w.HTML("")
        self.vergelijking.add_class("ss-brief-vergelijking")
        self.kolommen: dict[str, _Kolom] = {}
        if vergelijken:
            self.kolommen["voor"] = _Kolom(self, "voor", "Voor: de brief zoals hij nu is")
            self.kolommen["na"] = _Kolom(self, "na", "Na: jouw nieuwe versie")
            self.neem_over = w.Button(description="Neem de brief uit Voor over", layout=w.Layout(width="auto"),
                                      tooltip="Kopieer de brief uit het vak Voor naar dit vak, en herschrijf hem hier.")
            self.neem_over.add_class("ss-knop")
            self.neem_over.on_click(self._on_neem_over)
            self.kolommen["na"].extra.append(self.neem_over)
        else:
            self.kolommen["voor"] = _Kolom(self, "voor", "Jouw brief")
        meldingen = [w.HTML(f'<p class="ss-melding">{escape(m)}</p>') for m in model.meldingen]
        kolommen = w.HBox([k.widget() for k in self.kolommen.values()],
                          layout=w.Layout(flex_flow="row wrap", align_items="flex-start", width="100%"))
        children = meldingen + [kolommen] + ([self.vergelijking] if vergelijken else [])
        self.widget = w.VBox(children, layout=w.Layout(width="100%"))
        self.widget.add_class("ss-brief-editor")
        self.widget.add_class(f"ss-brief-{model.sleutel}")
        self.ververs_vergelijking()

    # convenient handles for tests and notebooks
    @property
    def tekst(self):
        return self.kolommen["voor"].tekst

    @property
    def scores(self):
        return self.kolommen["voor"].scores

    def ververs_vergelijking(self) -> None:
        if self.vergelijken:
            self.vergelijking.value = vergelijking_html(self.model.vergelijk())

    def _on_neem_over(self, _button=None) -> None:
        self.model.neem_over()
        kolom = self.kolommen["na"]
        kolom.zet_tekst_widget()
        kolom.ververs()


# --------------------------------------------------------------------------- one call


def maak(module: str = MODULE, werkmap: Werkmap | None = None, *, sleutel: str = "herschrijf",
         voorbeeld: str | None = "uitnodiging_oudercontact_moeilijk", vergelijken: bool = True,
         titel: str = "Herschrijfoefening: brief") -> BriefEditorView:
    model = BriefEditor(werkmap, module, sleutel=sleutel, voorbeeld=voorbeeld, titel=titel)
    return BriefEditorView(model, vergelijken=vergelijken)


def maak_editor(module: str = MODULE, werkmap: Werkmap | None = None, *, sleutel: str = "eigen_brief",
                voorbeeld: str | None = "uitstap_moeilijk", titel: str = "Brief nakijken") -> BriefEditorView:
    """One live editor (no comparison), starting from an example letter."""
    return maak(module, werkmap, sleutel=sleutel, voorbeeld=voorbeeld, vergelijken=False, titel=titel)
