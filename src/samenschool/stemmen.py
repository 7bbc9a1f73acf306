"""The page "Stemmen": every quote of the report, searchable and filterable, with its place in
the report and in the kit; quotes a learner keeps; quote cards to print (A6 on A4).

Pure logic, no ipywidgets (the view is ``samenschool.widgets.stemmen``):

- :func:`tabel`: one row per quote with everything the page shows (who, part and page of the
  report, the report's sentence before it, theme and barrier names, where the kit uses it).
- :func:`zoek`: the rows matching a word search and the filters theme, barrier, speaker, part.
- :func:`opties`: the choices of each filter, with counts.
- :func:`gebruik_in_kit`: where each quote id is named in a notebook or exercise (scanned, not typed).
- :class:`Bewaard`: the quotes a learner keeps, saved as one self-describing answer.
- :func:`kaarten_html`: a printable page of A6 quote cards, four per A4 sheet.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jinja2
import pandas as pd

from samenschool import citaat, data, leerpad
from samenschool.antwoord import Antwoord
from samenschool.errors import SamenschoolError
from samenschool.paths import notebooks_dir, repo_root
from samenschool.rapport_plaats import pagina_tekst

MODULE = "stemmen"          # the notebook notebooks/stemmen.ipynb and its werkmap module
SLEUTEL = "bewaard"         # the activity: quotes the learner keeps
ALLE = ""                   # filter value: no filter
GEEN = "-"                  # filter value: quotes without a theme / barrier
SPREKER_GROEPEN = {
    "ouders": ("Ouders (de oudergroep van Recht-Op)", ("ouder", "oudergroep")),
    "focusgroep": ("Focusgroep (scholen, stad en partners)", ("focusgroep",)),
}
CITAAT_ID = re.compile(r"\bC\d{3}\b")
TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"


def _plat(tekst: str) -> str:
    """Lower case without accents, for searching ("creëert" matches "creeert")."""
    tekst = unicodedata.normalize("NFKD", str(tekst).casefold())
    return "".join(ch for ch in tekst if not unicodedata.combining(ch)).replace("’", "'")


# ----------------------------------------------------------------------------- where the kit uses a quote


@dataclass(frozen=True)
class Gebruik:
    titel: str   # the page as the kit names it ("module 03 Drempels", "oefening Perspectiefwissel")
    pad: str     # path relative to the repository ("notebooks/03_drempels.ipynb")

    def href(self, vanuit: str = "notebooks") -> str:
        """A link to the page from a page in ``vanuit`` (Voilà serves both folders)."""
        map_, naam = self.pad.split("/", 1)
        return naam if map_ == vanuit else f"../{map_}/{naam}"


def _titel(pad: Path) -> str:
    try:
        meta = leerpad.lees_metadata(pad) or {}
    except SamenschoolError:
        meta = {}
    titel = meta.get("titel") or pad.stem
    if pad.parent.name == "exercises":
        return f"oefening {titel}"
    nummer = pad.stem.split("_", 1)[0]
    return f"module {nummer} {titel}" if nummer.isdigit() else titel


@lru_cache(maxsize=1)
def gebruik_in_kit(root: str | None = None) -> dict[str, tuple[Gebruik, ...]]:
    """Quote id -> the pages that name it (every cell of the modules in notebooks/ and of the
    learner versions in exercises/), in the kit's order. The page "Stemmen" itself is left out."""
    basis = Path(root) if root else repo_root()
    paden = sorted((basis / "notebooks").glob("[0-9][0-9]_*.ipynb")) + sorted((basis / "exercises").glob("*.ipynb"))
    uit: dict[str, list[Gebruik]] = {}
    for pad in paden:
        try:
            nb = json.loads(pad.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        tekst = "\n".join("".join(c.get("source", [])) for c in nb.get("cells", []))
        g = Gebruik(_titel(pad), str(pad.relative_to(basis)))
        for cid in dict.fromkeys(CITAAT_ID.findall(tekst)):
            uit.setdefault(cid, []).append(g)
    return {k: tuple(v) for k, v in uit.items()}


# ----------------------------------------------------------------------------- the table


def _namen(frame: pd.DataFrame, kolom: str = "naam") -> dict[str, str]:
    return dict(zip(frame["id"], frame[kolom]))


def tabel() -> pd.DataFrame:
    """One row per quote, in report order, with what the page shows and searches."""
    citaten = data.citaten().copy()
    themas, drempels = _namen(data.themas()), _namen(data.drempels())
    delen = data.load("rapport_delen").set_index("id")
    gebruik = gebruik_in_kit()
    groep_van = {s: g for g, (_, sprekers) in SPREKER_GROEPEN.items() for s in sprekers}

    def pagina(r) -> str:
        tot = r["pagina_tot"]
        return pagina_tekst(int(r["pagina_van"]), None if pd.isna(tot) else int(tot))

    uit = pd.DataFrame({
        "id": citaten["id"],
        "tekst": citaten["tekst"],
        "spreker": citaten["spreker"],
        "spreker_groep": citaten["spreker"].map(groep_van),
        "wie": [citaat.wie(r) for _, r in citaten.iterrows()],
        "sectie": citaten["sectie"],
        "deel": citaten["sectie"].map(delen["kort"]),
        "deel_kop": citaten["sectie"].map(delen["kop"]),
        "hoofdstuk": citaten["sectie"].map(delen["hoofdstuk"]),
        "thema": citaten["thema"].fillna(""),
        "thema_naam": citaten["thema"].fillna("").map(lambda t: themas.get(t, "")),
        "drempel": citaten["drempel"].fillna(""),
        "drempel_naam": citaten["drempel"].fillna("").map(lambda d: drempels.get(d, "")),
        "pagina": [pagina(r) for _, r in citaten.iterrows()],
        "context": citaten["context"].fillna(""),
        "opmerking": citaten["opmerking"].fillna(""),
        "gebruikt": citaten["id"].map(lambda c: gebruik.get(c, ())),
    })
    uit["zoektekst"] = (uit["id"] + " " + uit["tekst"]).map(_plat)
    return uit.reset_index(drop=True)


def zoek(frame: pd.DataFrame, tekst: str = "", *, thema: str = ALLE, drempel: str = ALLE,
         spreker: str = ALLE, deel: str = ALLE) -> pd.DataFrame:
    """The rows whose quote holds every word of ``tekst`` (any case, with or without accents)
    and that match each filter. A filter value ``ALLE`` ("") does not filter; ``GEEN`` ("-")
    keeps quotes without a theme or barrier; ``spreker`` is "ouders" or "focusgroep"; ``deel``
    is a part id of the report (citaten.sectie)."""
    rijen = frame
    for woord in _plat(tekst).split():
        rijen = rijen[rijen["zoektekst"].str.contains(woord, regex=False)]
    if thema:
        rijen = rijen[rijen["thema"] == ("" if thema == GEEN else thema)]
    if drempel:
        rijen = rijen[rijen["drempel"] == ("" if drempel == GEEN else drempel)]
    if spreker:
        if spreker not in SPREKER_GROEPEN:
            raise SamenschoolError(f"'{spreker}' is geen spreker. Kies ouders of focusgroep.")
        rijen = rijen[rijen["spreker_groep"] == spreker]
    if deel:
        rijen = rijen[rijen["sectie"] == deel]
    return rijen


def opties(frame: pd.DataFrame) -> dict[str, list[tuple[str, str]]]:
    """(label, value) per filter, "Alle …" first; each label says how many quotes it holds."""

    def met_aantal(naam: str, n: int) -> str:
        return f"{naam} ({n})"

    themas = data.themas()
    drempels = data.drempels().sort_values("volgorde", kind="stable")
    delen = data.load("rapport_delen").sort_values("volgorde")
    tel = {k: frame[k].value_counts().to_dict() for k in ("thema", "drempel", "spreker_groep", "sectie")}
    uit = {
        "thema": [("Alle thema's", ALLE)] + [(met_aantal(r["naam"], tel["thema"].get(r["id"], 0)), r["id"])
                                             for _, r in themas.iterrows()]
        + [(met_aantal("Zonder thema", tel["thema"].get("", 0)), GEEN)],
        "drempel": [("Alle drempels", ALLE)]
        + [(met_aantal(("Ouders: " if r["kant"] == "ouders" else "School: ") + r["naam"],
                       tel["drempel"].get(r["id"], 0)), r["id"])
           for _, r in drempels.iterrows() if tel["drempel"].get(r["id"], 0)]
        + [(met_aantal("Zonder drempel", tel["drempel"].get("", 0)), GEEN)],
        "spreker": [("Iedereen", ALLE)] + [(met_aantal(naam, tel["spreker_groep"].get(g, 0)), g)
                                           for g, (naam, _) in SPREKER_GROEPEN.items()],
        "deel": [("Heel het rapport", ALLE)] + [(met_aantal(r["kort"], tel["sectie"].get(r["id"], 0)), r["id"])
                                                for _, r in delen.iterrows() if tel["sectie"].get(r["id"], 0)],
    }
    return uit


def bron_tekst(rij) -> str:
    """"Bron: Recht-Op vzw, …, deel Drempels, p. 16 tot 18 (C071)." for one row of :func:`tabel`."""
    return f"Bron: {citaat.BRON}, deel {rij['deel']}, {rij['pagina']} ({rij['id']})."


def gebruik_tekst(rij) -> str:
    if not rij["gebruikt"]:
        return "Nog op geen andere pagina van de kit met zijn nummer."
    return "Ook in de kit: " + "; ".join(g.titel for g in rij["gebruikt"]) + "."


# ----------------------------------------------------------------------------- kept quotes


class Bewaard:
    """The quotes a learner keeps on the page, saved as one answer (the activity ``bewaard``)."""

    VRAAG = "Citaten die je bewaarde op de pagina Stemmen"

    def __init__(self, werkmap, module: str = MODULE, sleutel: str = SLEUTEL, frame: pd.DataFrame | None = None):
        self.werkmap, self.module, self.sleutel = werkmap, module, sleutel
        self.frame = tabel() if frame is None else frame
        bekend = set(self.frame["id"])
        opgeslagen = werkmap.get(module, sleutel, [])
        self.ids: list[str] = [c for c in (opgeslagen if isinstance(opgeslagen, list) else []) if c in bekend]

    def zet(self, citaat_id: str, aan: bool) -> None:
        """Keep (``aan``) or drop a quote; saved at once, in report order."""
        if citaat_id not in set(self.frame["id"]):
            raise SamenschoolError(f"Het citaat '{citaat_id}' bestaat niet.")
        ids = set(self.ids)
        ids.add(citaat_id) if aan else ids.discard(citaat_id)
        self.ids = [c for c in self.frame["id"] if c in ids]
        if not self.ids:
            self.werkmap.delete(self.module, self.sleutel)
            return
        self.werkmap.bewaar(self.module, self.antwoord())

    def antwoord(self) -> Antwoord:
        rijen = self.frame.set_index("id").loc[self.ids]
        delen = [(cid, f"{citaat.kort(r['tekst'], 90)} ({r['deel']}, {r['pagina']})") for cid, r in rijen.iterrows()]
        n = len(self.ids)
        tekst = f"{n} {'citaat' if n == 1 else 'citaten'}: {', '.join(self.ids)}"
        return Antwoord.nieuw(self.module, self.sleutel, list(self.ids), vraag=self.VRAAG, tekst=tekst, delen=delen)


# ----------------------------------------------------------------------------- cards


def letter(tekst: str) -> str:
    """Font size class of a card, by the length of the quote (so every quote fits on A6)."""
    n = len(tekst)
    return "groot" if n <= 180 else "middel" if n <= 360 else "klein" if n <= 560 else "kleinst"


def kaarten_html(frame: pd.DataFrame, ids: list[str], titel: str = "Citaatkaarten") -> str:
    """A page of A6 quote cards, four per A4 sheet (2 × 2, with cut lines), escaped, ready to print."""
    if not ids:
        raise SamenschoolError("Kies eerst minstens één citaat voor de kaarten.")
    bekend = frame.set_index("id")
    onbekend = [c for c in ids if c not in bekend.index]
    if onbekend:
        raise SamenschoolError(f"Deze citaten bestaan niet: {', '.join(onbekend)}.")
    kaarten = [{"id": c, "tekst": bekend.loc[c, "tekst"], "wie": bekend.loc[c, "wie"],
                "bron": bron_tekst(bekend.loc[c].to_dict() | {"id": c}), "letter": letter(bekend.loc[c, "tekst"])}
               for c in ids]
    vellen = [kaarten[i:i + 4] for i in range(0, len(kaarten), 4)]
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATE_DIR), autoescape=True,
                             undefined=jinja2.StrictUndefined)
    return env.get_template("stemmen_kaarten.html.j2").render(titel=titel, vellen=vellen, aantal=len(kaarten))


def notebook_pad() -> Path:
    return notebooks_dir() / f"{MODULE}.ipynb"
