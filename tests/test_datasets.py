"""Tests for datasets/: schema, references, provenance of every quote, README counts.

The provenance tests compare every quote with the text of the Recht-Op report
(../shared/bron beside the checkout). Where that text is absent they skip.
"""

from __future__ import annotations

import csv
import io
import json
import re
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pytest

from samenschool import paths, rapport_plaats

DATASETS = paths.datasets_dir()
TABLES = ["citaten", "themas", "drempels", "waarden", "impact", "goede_praktijken", "noden"]

OUDER_DREMPELS = {
    "tijd_ontmoeting",
    "wantrouwen_vooroordelen",
    "vast_aanspreekpunt",
    "negatieve_ervaringen",
    "aangesproken_negatief",
    "andere_ouders",
    "leefwereld",
    "taal",
    "angst_schroom_leerkrachten",
}

THEMA_VAN_SECTIE = {
    "thema_betaalbaarheid": "betaalbaarheid",
    "thema_talenten": "talenten_leerkansen",
    "thema_informatie": "informatie_communicatie",
    "thema_welzijn": "welzijn_welbevinden",
    "thema_ouderbetrokkenheid": "ouderbetrokkenheid",
}

# Sidebar sentences of the report: its own summaries, never part of a quote.
ZIJBALKEN = [
    "Je leert als leerkracht de thuiscontext",
    "Je hebt als leerkracht de mogelijkheid",
    "Ouders geven aan meer zelfvertrouwen",
    "Je leert als ouder de schoolcontext",
    "Een partnerschap creëert ook erkenning",
    "Door je verschillende kijk op een situatie",
    "De leefwereld van gezinnen in armoede is",
    "Uit de oudergroep kwamen",
]

# Sidebar labels of the barriers section; in the text they stand alone on a line (one list, also
# used to place quotes on their page).
DREMPEL_LABELS = rapport_plaats.DREMPEL_LABELS

SKIP_BRON = "Het rapport (../shared/bron) ontbreekt hier; in CI is het er wel."
PAGINA = re.compile(r"^\s*\d+\s*$")
MIN_DEEL = 15


# ----------------------------------------------------------------------------- helpers


def lees(naam: str) -> pd.DataFrame:
    return pd.read_csv(DATASETS / f"{naam}.csv", dtype=str, keep_default_na=False, encoding="utf-8")


def lijst(cel: str) -> list[str]:
    return [x for x in cel.split(";")] if cel else []


def normaliseer_regels(regels: list[str]) -> str:
    """Join lines with one space (no space after a trailing "/"), collapse whitespace."""
    uit = ""
    for regel in regels:
        regel = regel.strip()
        if not regel:
            continue
        if not uit:
            uit = regel
        elif uit.endswith("/"):
            uit += regel
        else:
            uit += " " + regel
    return re.sub(r"\s+", " ", uit).strip()


def normaliseer(tekst: str) -> str:
    return normaliseer_regels(tekst.split("\n"))


@lru_cache(maxsize=None)
def rapport_regels() -> tuple[str, ...] | None:
    bron = paths.bron_report()
    if bron is None:
        return None
    return tuple(Path(bron).read_text(encoding="utf-8").split("\n"))


@lru_cache(maxsize=None)
def rapport() -> str:
    """The report without page-number lines, unwrapped."""
    regels = rapport_regels()
    if regels is None:
        pytest.skip(SKIP_BRON)
    return normaliseer_regels([r for r in regels if not PAGINA.match(r)])


@lru_cache(maxsize=None)
def rapport_zonder_labels() -> str:
    """Also without the barrier labels (for descriptions that run across them)."""
    regels = rapport_regels()
    if regels is None:
        pytest.skip(SKIP_BRON)
    labels = set(DREMPEL_LABELS)
    return normaliseer_regels([r for r in regels if not PAGINA.match(r) and r.strip() not in labels])


def langste_prefix(tekst: str, bron: str) -> int:
    """Length of the longest prefix of tekst that occurs in bron (occurrence is monotone)."""
    lo, hi = 0, len(tekst)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if tekst[:mid] in bron:
            lo = mid
        else:
            hi = mid - 1
    return lo


def herkomst_fout(tekst: str, samengevoegd: str, bron: str) -> str | None:
    """None when tekst is traceable to bron under the rules, else a readable reason."""
    t = normaliseer(tekst)
    if t in bron:
        if samengevoegd == "ja":
            return "samengevoegd = ja, maar de tekst staat aaneensluitend in het rapport"
        return None
    if samengevoegd != "ja":
        n = langste_prefix(t, bron)
        return f"niet gevonden in het rapport; klopt tot: …{t[max(0, n - 40):n]!r} | daarna: {t[n:n + 40]!r}"
    n = langste_prefix(t, bron)
    deel1, deel2 = t[:n].strip(), t[n:].strip()
    if len(deel1) < MIN_DEEL or len(deel2) < MIN_DEEL:
        return f"splitsing te kort: {deel1[-40:]!r} | {deel2[:40]!r}"
    if deel2 not in bron:
        m = langste_prefix(deel2, bron)
        return f"tweede deel niet gevonden; klopt tot: …{deel2[max(0, m - 40):m]!r} | daarna: {deel2[m:m + 40]!r}"
    return None


def zijbalk_fout(tekst: str) -> str | None:
    for zin in ZIJBALKEN:
        if zin in tekst:
            return f"bevat zijbalkzin {zin!r}"
    for label in DREMPEL_LABELS:
        # a label pulled into a quote stands between sentences, as a line of its own did
        if re.search(r"(?:^|(?<=[.!?…”’\"'] ))" + re.escape(label) + r"(?=$| [A-Z“‘\"'])", tekst):
            return f"bevat drempellabel {label!r}"
    return None


def paginanummer_fout(tekst: str) -> str | None:
    regels = rapport_regels() or ()
    paginas = {r.strip() for r in regels if PAGINA.match(r)} or {"2", "4", "14", "15", "18"}
    patronen = [
        r"[.!?…”’] \d{1,3}(?: |$)",  # number right after a sentence
        r"(?:^| )\d{1,3} (?=[A-Z“‘])",  # number right before a sentence
        r"(?<![\w/-])(?:" + "|".join(sorted(paginas)) + r")(?![\w/-])",  # a page number of the report
    ]
    for p in patronen:
        m = re.search(p, tekst)
        if m:
            return f"los paginanummer? {tekst[max(0, m.start() - 20):m.end() + 20]!r}"
    return None


def beschrijving_fout(beschrijving: str, bron: str) -> str | None:
    for deel in beschrijving.split("[…]"):
        deel = normaliseer(deel)
        if deel and deel not in bron:
            n = langste_prefix(deel, bron)
            return f"niet in het rapport; klopt tot: …{deel[max(0, n - 40):n]!r} | daarna: {deel[n:n + 40]!r}"
    return None


# ----------------------------------------------------------------------------- schema


def test_datapackage_valideert():
    frictionless = pytest.importorskip("frictionless")
    rapport_ = frictionless.validate(str(DATASETS / "datapackage.json"))
    if not rapport_.valid:
        fouten = []
        for fout in rapport_.errors:
            fouten.append(f"package: {fout.message}")
        for taak in rapport_.tasks:
            for fout in taak.errors:
                fouten.append(f"{taak.name}: {fout.message}")
        pytest.fail("datapackage.json valideert niet:\n" + "\n".join(fouten[:50]))


def test_datapackage_beschrijft_elke_kolom():
    dp = json.loads((DATASETS / "datapackage.json").read_text(encoding="utf-8"))
    assert dp["profile"] == "tabular-data-package"
    assert dp["name"] == "samenschool-recht-op"
    assert "recht-op.be" in json.dumps(dp["sources"]) and "Recht-Op" in json.dumps(dp["licenses"])
    bronnen = {r["name"]: r for r in dp["resources"]}
    assert set(TABLES) <= set(bronnen), sorted(set(TABLES) - set(bronnen))
    for naam in TABLES:
        res = bronnen[naam]
        assert res["path"] == f"{naam}.csv"
        assert res["profile"] == "tabular-data-resource"
        assert res["encoding"] == "utf-8"
        velden = [f["name"] for f in res["schema"]["fields"]]
        assert velden == list(lees(naam).columns), naam
        assert res["schema"]["primaryKey"] == "id"
        for veld in res["schema"]["fields"]:
            assert veld.get("description"), f"{naam}.{veld['name']} heeft geen description"
            assert veld["type"] in {"string", "integer"}
        id_veld = res["schema"]["fields"][0]
        assert id_veld["constraints"]["required"] and id_veld["constraints"]["unique"]
    fks = {fk["fields"]: fk["reference"] for fk in bronnen["citaten"]["schema"]["foreignKeys"]}
    assert fks["thema"] == {"resource": "themas", "fields": "id"}
    assert fks["drempel"] == {"resource": "drempels", "fields": "id"}


@pytest.mark.parametrize("naam", TABLES)
def test_csv_opmaak(naam):
    """UTF-8, comma, header, QUOTE_MINIMAL, \\n line ends: rewriting gives the same bytes."""
    ruw = (DATASETS / f"{naam}.csv").read_bytes()
    assert b"\r" not in ruw
    tekst = ruw.decode("utf-8")
    rijen = list(csv.reader(io.StringIO(tekst, newline="")))
    uit = io.StringIO()
    csv.writer(uit, quoting=csv.QUOTE_MINIMAL, lineterminator="\n").writerows(rijen)
    assert uit.getvalue() == tekst
    assert all(len(r) == len(rijen[0]) for r in rijen)


@pytest.mark.parametrize("naam", TABLES)
def test_ids_uniek(naam):
    df = lees(naam)
    dubbel = df["id"][df["id"].duplicated()].tolist()
    assert not dubbel, f"dubbele ids in {naam}: {dubbel}"
    assert (df["id"] != "").all()


def test_lijsten_zonder_spaties():
    for naam, kolommen in {
        "citaten": ["waarden", "impact"],
        "goede_praktijken": ["drempels", "citaat"],
        "noden": ["drempels", "citaat"],
    }.items():
        df = lees(naam)
        for kol in kolommen:
            for rid, cel in zip(df["id"], df[kol]):
                assert not re.search(r"\s", cel), f"{naam} {rid} {kol}: spatie in {cel!r}"
                assert ";;" not in cel and not cel.startswith(";") and not cel.endswith(";")


# ----------------------------------------------------------------------------- references


def test_verwijzingen_bestaan():
    cit, themas, drempels = lees("citaten"), set(lees("themas")["id"]), set(lees("drempels")["id"])
    waarden, impact = set(lees("waarden")["id"]), set(lees("impact")["id"])
    fouten = []
    for _, r in cit.iterrows():
        if r["thema"] and r["thema"] not in themas:
            fouten.append(f"{r['id']}: thema {r['thema']!r}")
        if r["drempel"] and r["drempel"] not in drempels:
            fouten.append(f"{r['id']}: drempel {r['drempel']!r}")
        fouten += [f"{r['id']}: waarde {w!r}" for w in lijst(r["waarden"]) if w not in waarden]
        fouten += [f"{r['id']}: impact {i!r}" for i in lijst(r["impact"]) if i not in impact]
    cit_ids = set(cit["id"])
    for _, p in lees("goede_praktijken").iterrows():
        if not lijst(p["drempels"]):
            fouten.append(f"{p['id']}: geen drempel")
        fouten += [f"{p['id']}: drempel {d!r}" for d in lijst(p["drempels"]) if d not in drempels]
        fouten += [f"{p['id']}: citaat {c!r}" for c in lijst(p["citaat"]) if c not in cit_ids]
    for _, n in lees("noden").iterrows():
        if not lijst(n["drempels"]):
            fouten.append(f"{n['id']}: geen drempel")
        fouten += [f"{n['id']}: drempel {d!r}" for d in lijst(n["drempels"]) if d not in drempels]
        fouten += [f"{n['id']}: citaat {c!r}" for c in lijst(n["citaat"]) if c not in cit_ids]
    assert not fouten, "\n".join(fouten)


def test_verplichte_toewijzingen():
    cit = lees("citaten")
    fouten = []
    for _, r in cit.iterrows():
        if r["sectie"] in ("drempels_ouders", "focusgroep_drempels") and not r["drempel"]:
            fouten.append(f"{r['id']}: drempel ontbreekt in {r['sectie']}")
        if r["sectie"] in THEMA_VAN_SECTIE and r["thema"] != THEMA_VAN_SECTIE[r["sectie"]]:
            fouten.append(f"{r['id']}: thema {r['thema']!r} past niet bij {r['sectie']}")
        if r["impact"] and r["sectie"] not in ("waarde_impact_ouders", "focusgroep_waarde_impact"):
            fouten.append(f"{r['id']}: impact buiten de impactdelen")
    assert not fouten, "\n".join(fouten)
    # drempels of the parents come from the parents, the school's from the focus group
    drempels = lees("drempels").set_index("id")
    for _, r in cit[cit["sectie"] == "drempels_ouders"].iterrows():
        assert drempels.loc[r["drempel"], "kant"] == "ouders", r["id"]
    for _, r in cit[cit["sectie"] == "focusgroep_drempels"].iterrows():
        assert drempels.loc[r["drempel"], "kant"] == "school", r["id"]


def test_negen_drempels_van_ouders():
    d = lees("drempels")
    assert set(d.loc[d["kant"] == "ouders", "id"]) == OUDER_DREMPELS
    assert all(i.startswith("school_") for i in d.loc[d["kant"] == "school", "id"])
    assert set(d["kant"]) == {"ouders", "school"}


def test_citaat_ids_in_volgorde():
    ids = lees("citaten")["id"].tolist()
    assert ids == [f"C{n:03d}" for n in range(1, len(ids) + 1)]


def test_citaten_tekstvorm():
    fouten = []
    for _, r in lees("citaten").iterrows():
        t = r["tekst"]
        if t != t.strip() or "  " in t or "\n" in t:
            fouten.append(f"{r['id']}: witruimte")
        if t[:1] in "“‘" and r["id"] != "C040":
            fouten.append(f"{r['id']}: begint met een aanhalingsteken")
        if t[-1:] in "”“":
            fouten.append(f"{r['id']}: eindigt met een aanhalingsteken")
    assert not fouten, "\n".join(fouten)


# ----------------------------------------------------------------------------- provenance


def test_elk_citaat_staat_woordelijk_in_het_rapport():
    bron = rapport()
    fouten = []
    for _, r in lees("citaten").iterrows():
        fout = herkomst_fout(r["tekst"], r["samengevoegd"], bron)
        if fout:
            fouten.append(f"{r['id']}: {fout}")
    assert not fouten, "\n".join(fouten)


def test_geen_zijbalk_of_paginanummer_in_citaten():
    rapport()  # skips without the report
    fouten = []
    for _, r in lees("citaten").iterrows():
        for fout in (zijbalk_fout(r["tekst"]), paginanummer_fout(r["tekst"])):
            if fout:
                fouten.append(f"{r['id']}: {fout}")
    assert not fouten, "\n".join(fouten)


def test_herkomstcontrole_vangt_fouten():
    """The checks above are not vacuous: corrupted quotes (in memory) fail them."""
    bron = rapport()
    cit = lees("citaten").set_index("id")
    goed = cit.loc["C053", "tekst"]
    assert herkomst_fout(goed, "ja", bron) is None
    assert herkomst_fout(goed, "nee", bron) is not None  # needs the split
    assert herkomst_fout(goed.replace("alfabet", "alfabeth"), "ja", bron) is not None
    gewoon = cit.loc["C030", "tekst"]
    assert herkomst_fout(gewoon, "nee", bron) is None
    assert herkomst_fout(gewoon.replace("men dochter", "mijn dochter"), "nee", bron) is not None
    assert herkomst_fout(gewoon, "ja", bron) is not None
    # a quote with the sidebar and page number left in
    deel1, deel2 = goed.split(" niet naar de school gaan", 1)
    vervuild = deel1 + " Je leert als leerkracht de thuiscontext van een kind beter kennen. 14 niet naar de school gaan" + deel2
    assert zijbalk_fout(vervuild) is not None
    assert paginanummer_fout(deel1 + " 14 niet naar de school gaan" + deel2) is not None
    assert zijbalk_fout("Ik spreek niet goed Nederlands. Taal Ik schaam mij.") is not None
    assert zijbalk_fout(cit.loc["C042", "tekst"]) is None  # "Andere ouders denken …" is content


def test_themabeschrijvingen_komen_uit_het_rapport():
    bron = rapport_zonder_labels()
    fouten = []
    for _, r in lees("themas").iterrows():
        fout = beschrijving_fout(r["beschrijving"], bron)
        if fout:
            fouten.append(f"{r['id']}: {fout}")
    assert not fouten, "\n".join(fouten)


# Descriptions of these tables are shown as plain text on the pages: never a parent's words.
BESCHRIJVING_TABELLEN = ["drempels", "waarden", "impact", "noden", "goede_praktijken"]
EERSTE_PERSOON = re.compile(r"\b(?:ik|mij|mijn|me|wij|ons|onze)\b", re.I)
MAX_WOORDEN_PER_ZIN = 25


def zinnen(tekst: str) -> list[str]:
    return [z for z in re.split(r"(?<=[.!?…])\s+(?=[A-Z“‘(])", tekst.strip()) if z]


def eerste_persoon_fout(tekst: str) -> str | None:
    m = EERSTE_PERSOON.search(tekst)
    if m:
        return f"eerste persoon {m.group(0)!r}: {tekst[max(0, m.start() - 30):m.end() + 30]!r}"
    if "[…]" in tekst or "[...]" in tekst:
        return "bevat […]"
    return None


@lru_cache(maxsize=None)
def citaatteksten() -> tuple[str, ...]:
    return tuple(normaliseer(t) for t in lees("citaten")["tekst"])


def rapporttekst_fout(tekst: str, bron: str) -> str | None:
    """None when tekst is the report's own prose: verbatim, in one piece, not inside a quote."""
    t = normaliseer(tekst)
    if "[…]" in t:
        return "bevat […]: rapporttekst moet aaneensluitend zijn"
    if t not in bron:
        n = langste_prefix(t, bron)
        return f"niet woordelijk in het rapport; klopt tot: …{t[max(0, n - 40):n]!r} | daarna: {t[n:n + 40]!r}"
    for citaat in citaatteksten():
        if t in citaat:
            return "staat in een citaat: toon citaten via hun id, niet als beschrijving"
    return None


@pytest.mark.parametrize("naam", BESCHRIJVING_TABELLEN)
def test_beschrijving_bron_is_kit_of_rapport(naam):
    df = lees(naam)
    assert {"beschrijving", "beschrijving_bron", "rapport_tekst"} <= set(df.columns)
    fout = df.loc[~df["beschrijving_bron"].isin(["kit", "rapport"]), "id"].tolist()
    assert not fout, f"{naam}: beschrijving_bron niet kit/rapport bij {fout}"
    assert (df["beschrijving"].str.strip() != "").all()


@pytest.mark.parametrize("naam", BESCHRIJVING_TABELLEN)
def test_rapport_beschrijvingen_en_rapport_tekst_zijn_proza_van_het_rapport(naam):
    bron = rapport_zonder_labels()
    fouten = []
    for _, r in lees(naam).iterrows():
        if r["beschrijving_bron"] == "rapport":
            fout = rapporttekst_fout(r["beschrijving"], bron)
            if fout:
                fouten.append(f"{r['id']} beschrijving: {fout}")
        if r["rapport_tekst"]:
            fout = rapporttekst_fout(r["rapport_tekst"], bron)
            if fout:
                fouten.append(f"{r['id']} rapport_tekst: {fout}")
    assert not fouten, "\n".join(fouten)


@pytest.mark.parametrize("naam", BESCHRIJVING_TABELLEN)
def test_kit_beschrijvingen_zonder_woorden_van_ouders(naam):
    fouten = []
    for _, r in lees(naam).iterrows():
        if r["beschrijving_bron"] != "kit":
            continue
        fout = eerste_persoon_fout(r["beschrijving"])
        if fout:
            fouten.append(f"{r['id']}: {fout}")
        if r["beschrijving"].startswith("(parafrase)"):
            fouten.append(f"{r['id']}: '(parafrase)' hoort niet meer in de beschrijving")
    assert not fouten, "\n".join(fouten)


@pytest.mark.parametrize("naam", BESCHRIJVING_TABELLEN)
def test_beschrijvingen_korte_zinnen(naam):
    fouten = []
    for _, r in lees(naam).iterrows():
        for zin in zinnen(r["beschrijving"]):
            n = len(zin.split())
            if n > MAX_WOORDEN_PER_ZIN:
                fouten.append(f"{r['id']}: zin van {n} woorden: {zin!r}")
    assert not fouten, "\n".join(fouten)


def test_beschrijvingscontroles_vangen_fouten():
    """The checks above are not vacuous: a parent's words or a quote as description fail them."""
    bron = rapport()
    cit = lees("citaten").set_index("id")
    assert eerste_persoon_fout("Ik spreek niet goed Nederlands.") is not None
    assert eerste_persoon_fout("Elke ochtend staat de juf aan de poort om ons welkom te heten.") is not None
    assert eerste_persoon_fout("Ouders spreken soms niet goed Nederlands. […] Ze spreken moeilijk.") is not None
    assert eerste_persoon_fout("Ouders spreken soms niet goed Nederlands. Dat maakt een vraag stellen lastig.") is None
    assert eerste_persoon_fout("Zo leren ze de klas kennen. Men kent je.") is None  # "men", "je" are fine
    assert rapporttekst_fout(cit.loc["C071", "tekst"], bron) is not None  # a quote
    assert rapporttekst_fout(cit.loc["C071", "tekst"][:60], bron) is not None  # part of a quote
    assert rapporttekst_fout("Partnerschap komt vanuit twee richtingen, maar het initiatief om de hand uit te "
                             "reiken ligt bij de school.", bron) is None
    assert rapporttekst_fout("Partnerschap komt vanuit drie richtingen.", bron) is not None
    lang = " ".join(["woord"] * 26) + "."
    assert any(len(z.split()) > MAX_WOORDEN_PER_ZIN for z in zinnen("Kort. " + lang))


def test_drempelnaam_zonder_afkortingen():
    for naam in lees("drempels")["naam"]:
        assert not re.search(r"\b(?:i\.p\.v|o\.a|bv|m\.a\.w)\b\.?", naam), naam


def test_zijbalken_en_labels_bestaan_in_het_rapport():
    """The sidebar checks look for text that really is in the report."""
    bron = rapport()
    regels = {r.strip() for r in rapport_regels()}
    for zin in ZIJBALKEN:
        assert zin in bron, zin
    for label in DREMPEL_LABELS:
        assert label in regels, label


def test_drempelnamen_van_ouders_zijn_de_labels():
    rapport()
    regels = {r.strip() for r in rapport_regels()}
    d = lees("drempels")
    for naam in d.loc[d["kant"] == "ouders", "naam"]:
        # the kit writes the report's abbreviation out in full (module 05: avoid abbreviations)
        assert naam in regels or naam.replace("in plaats van", "i.p.v.") in regels, naam


# ----------------------------------------------------------------------------- README counts


def readme_tabel(tekst: str, titel: str) -> dict[str, int]:
    m = re.search(rf"^### {re.escape(titel)}\s*$(.*?)(?=^#|\Z)", tekst, re.M | re.S)
    assert m, f"README mist de tabel '{titel}'"
    rijen = re.findall(r"^\|\s*`([^`]+)`\s*\|\s*(\d+)\s*\|\s*$", m.group(1), re.M)
    assert rijen, f"tabel '{titel}' is leeg"
    uit = dict((k, int(v)) for k, v in rijen)
    assert len(uit) == len(rijen), f"dubbele rij in '{titel}'"
    return uit


def test_readme_aantallen_kloppen():
    tekst = (DATASETS / "README.md").read_text(encoding="utf-8")
    assert "## Aantallen" in tekst
    cit = lees("citaten")

    def telling(kolom: str, ids) -> dict[str, int]:
        vc = cit.loc[cit[kolom] != "", kolom].value_counts()
        return {i: int(vc.get(i, 0)) for i in ids}

    thema_ids = lees("themas")["id"].tolist()
    drempel_ids = lees("drempels")["id"].tolist()
    assert set(cit.loc[cit["thema"] != "", "thema"]) <= set(thema_ids)
    assert readme_tabel(tekst, "Citaten per thema") == telling("thema", thema_ids)
    assert readme_tabel(tekst, "Citaten per drempel") == telling("drempel", drempel_ids)
    sprekers = cit["spreker"].value_counts()
    assert readme_tabel(tekst, "Citaten per spreker") == {k: int(v) for k, v in sprekers.items()}
    m = re.search(r"^Citaten in totaal: (\d+)\s*$", tekst, re.M)
    assert m and int(m.group(1)) == len(cit)
