"""Faithful to the report: what the kit quotes or attributes can be traced.

1. Every fragment in curly quotes (“…”, ‘…’) of four words or more, in everything a learner or
   facilitator reads (see tests/tekstbronnen.py), is verbatim in the report (normalised as
   tests/test_datasets.py does; "…" marks a cut, each piece must be verbatim), or its
   paragraph names a source registered in datasets/bronnen.csv (author or title).
2. Every statement in the kit's own text that attributes something to "het rapport",
   "de ouders", "de oudergroep" or "de focusgroep" names a quote id (C001-C118) or a part
   of the report in the form "(rapport, deel <kort>)" / "(rapport, delen <kort> en <kort>)"
   with a name from datasets/rapport_delen.csv, or "(rapport, p. N)", in the same paragraph
   or list item.
3. "(bron: …)" on a page names a source registered in datasets/bronnen.csv.
4. The parts of the report, the page and the context sentence of each quote match the report.
5. The band words of the readability score: one table in the code, module 05 and bronnen.md.
"""

from __future__ import annotations

import json
import re

import pytest

from samenschool import bronnen, data, leesbaarheid, paths, rapport_plaats
from tests import tekstbronnen as tb
from tests.test_datasets import normaliseer, rapport, rapport_regels, rapport_zonder_labels

MIN_WOORDEN = 4


def _bron_namen() -> list[str]:
    rijen = data.load("bronnen").fillna("")
    namen = set()
    for _, r in rijen.iterrows():
        if r["id"] == bronnen.HOOFDBRON:
            continue  # the report's words must be verbatim, not merely "sourced"
        namen.add(r["titel"])
        for auteur in re.split(r";|,| met | & ", r["auteur"]):
            auteur = re.sub(r"\(.*?\)", "", auteur).strip()
            if len(auteur) >= 3:
                namen.add(auteur)
        if r["adres"]:  # the site itself, e.g. "groeipakket.be"
            namen.add(re.sub(r"^https?://(www\.)?", "", r["adres"]).split("/")[0])
    return sorted(namen, key=len, reverse=True)


def _verbatim(fragment: str) -> bool:
    tekst = normaliseer(fragment)
    stukken = [s.strip(" ,;") for s in re.split(r"\[…\]|…|\.\.\.", tekst)]
    stukken = [s for s in stukken if s]
    return bool(stukken) and all(s in rapport() or s in rapport_zonder_labels() for s in stukken)


def test_elk_fragment_tussen_aanhalingstekens_staat_in_het_rapport_of_heeft_een_bron():
    namen = _bron_namen()
    gezien, fouten = 0, []
    for plek, tekst in tb.alle_stukken():
        for paragraaf in tb.paragrafen(tekst):
            for fragment in tb.fragmenten(paragraaf):
                if len(fragment.split()) < MIN_WOORDEN or "{" in fragment:
                    continue  # short words, or a placeholder filled from the data
                gezien += 1
                if _verbatim(fragment):
                    continue
                if any(n.lower() in paragraaf.lower() for n in namen):
                    continue
                fouten.append(f"{plek}: “{fragment[:90]}”")
    assert gezien > 50, "de scan vond bijna niets: klopt tekstbronnen.py nog?"
    assert not fouten, "Niet woordelijk in het rapport en zonder bron uit bronnen.csv:\n" + "\n".join(fouten)


def test_de_scan_vangt_een_verzonnen_citaat():
    tekst = "Een ouder zegt: “De school is altijd heel vriendelijk voor ons.”"
    fragment = tb.fragmenten(tekst)[0]
    assert not _verbatim(fragment)
    assert _verbatim("Er is soms letterlijk te weinig tijd om in te zetten op een goede relatie.")
    assert _verbatim("Ik maak af en toe een cake…")


# ----------------------------------------------------------------------------- attribution

SUBJECT = r"(?:het rapport|de ouders|de oudergroep|de focusgroep)"
WERKWOORD = (r"(?:zegt|zeggen|zei|noemt|noemen|noemde|vertelt|vertellen|vertelde|beschrijft|beschrijven|"
             r"omschrijft|vindt|vinden|vond|vonden|geeft|geven|gaf|plaatst|plaatsen|schrijft|ziet|zien|zag|"
             r"vraagt|vragen|vroeg|koos|kiest|kiezen|besluit|ervaren|ervaart|pleit|stelt|legt|merken|merkt|"
             r"bundelde|bundelden|wil|willen|wilde|kwam)")
TOESCHRIJVING = re.compile(rf"\b{SUBJECT}\b[^.!?:]*?\b{WERKWOORD}\b|\b{WERKWOORD}\s+{SUBJECT}\b", re.I)
CITAAT_ID = re.compile(r"\bC(\d{3})\b")
DEEL = re.compile(r"\(rapport, (deel|delen|p\.) ([^)]+)\)")

# Documents the kit makes for a school's own parents: there "de ouders" are those parents,
# not the report's. Their quotes from the report still pass test 1.
NIET_HET_RAPPORT = ("src/samenschool/vertelgesprek/documenten.py", "src/samenschool/templates/vertelgesprek/")
# Short labels that the code completes with a quote and its id (see ouder_zegt in model.py).
# "Wat het rapport zegt" opens the report's own sentence, shown with its source (actieplan.nood_html).
LABELS = {"Iemand uit de focusgroep zegt", "Tip uit de focusgroep", "Een ouder zegt", "Wat het rapport zegt"}


def _delen() -> list[str]:
    return list(data.load("rapport_delen")["kort"])


def markering_fout(stuk: str, delen: list[str]) -> str | None:
    """None when ``stuk`` names a valid quote id or part of the report, else a reason."""
    ids = set(data.citaten()["id"])
    if any(f"C{m}" in ids for m in CITAAT_ID.findall(stuk)):
        return None
    for soort, wat in DEEL.findall(stuk):
        wat = " ".join(wat.split())
        if soort == "p.":
            if wat.isdigit():
                return None
            continue
        namen = "|".join(re.escape(d) for d in sorted(delen, key=len, reverse=True))
        if re.fullmatch(rf"(?:{namen})(?:(?:, | en )(?:{namen}))*", wat) and (soort == "delen") == bool(
                re.search(r", | en ", re.sub("|".join(re.escape(d) for d in delen if " en " in d), "", wat))):
            return None
        return f"onbekend deel van het rapport: (rapport, {soort} {wat})"
    return "geen citaatnummer en geen deel van het rapport"


def _stukken_met_toeschrijving():
    for plek, tekst in tb.alle_stukken():
        if plek.startswith("datasets/") or plek.startswith(NIET_HET_RAPPORT) or tekst in LABELS:
            continue
        for paragraaf in tb.paragrafen(tekst):
            for item in re.split(r"\n(?=\s*(?:[-*]|\d+\.) )", paragraaf):
                regels = [r for r in item.split("\n") if not r.lstrip().startswith("#")]
                item = " ".join(" ".join(regels).split())
                if not item or item.startswith("Bekijk "):
                    continue  # a question, or a button that opens what the page shows
                zinnen = re.split(r"(?<=[.!?])\s+", item)
                if any(TOESCHRIJVING.search(z) and not z.rstrip().endswith("?") for z in zinnen):
                    yield plek, item


def test_elke_toeschrijving_noemt_citaat_of_deel_van_het_rapport():
    delen = _delen()
    gezien, fouten = 0, []
    for plek, item in _stukken_met_toeschrijving():
        gezien += 1
        reden = markering_fout(item, delen)
        if reden:
            fouten.append(f"{plek}: {reden}: {item[:140]}")
    assert gezien > 20, "de scan vond bijna geen toeschrijvingen: klopt het patroon nog?"
    assert not fouten, "Zonder citaatnummer of deel van het rapport:\n" + "\n".join(fouten)


def test_markering_conventie():
    delen = _delen()
    assert markering_fout("De oudergroep vond dat kunstmatig (rapport, deel Naar partnerschap).", delen) is None
    assert markering_fout("Zie (rapport, delen Naar partnerschap en Wat is partnerschap).", delen) is None
    assert markering_fout("Het rapport zegt dat (rapport, deel Talenten en leerkansen).", delen) is None
    assert markering_fout("De focusgroep zegt: blijf bellen (C116).", delen) is None
    assert markering_fout("Het rapport zegt dat (rapport, deel Hoofdstuk 9).", delen)
    assert markering_fout("De ouders zeggen: er is te weinig tijd.", delen)
    assert markering_fout("Zie C999.", delen)
    assert TOESCHRIJVING.search("De oudergroep vond de treden te kunstmatig.")
    assert not TOESCHRIJVING.search("Schrijf alleen op wat je ook aan de ouders zou tonen.")


def test_bron_op_een_pagina_staat_in_bronnen_csv():
    namen = _bron_namen() + ["Recht-Op", "rapport"]
    fouten = []
    for plek, tekst in tb.alle_stukken():
        for m in re.finditer(r"\(bron: ([^)]+)\)", tekst, re.I):
            if "{…}" in m.group(1):
                continue  # filled from the data at run time
            if not any(n.lower() in m.group(1).lower() for n in namen):
                fouten.append(f"{plek}: (bron: {m.group(1)})")
    assert not fouten, "Bron niet in datasets/bronnen.csv:\n" + "\n".join(fouten)


# ----------------------------------------------------------------------------- the report's parts


def test_koppen_van_de_delen_staan_in_het_rapport():
    delen = data.load("rapport_delen").sort_values("volgorde")
    for _, d in delen.iterrows():
        assert normaliseer(d["kop"]) in rapport(), d["kop"]
        assert normaliseer(d["hoofdstuk"]) in rapport(), d["hoofdstuk"]
    # every part a quote names exists, and the order of parts follows the report
    assert set(data.citaten()["sectie"]) <= set(delen["id"])
    volgorde = dict(zip(delen["id"], delen["volgorde"]))
    secties = [volgorde[s] for s in data.citaten()["sectie"]]
    assert secties == sorted(secties)


def test_pagina_en_context_van_elk_citaat_kloppen_met_het_rapport():
    regels = rapport_regels()
    if regels is None:
        pytest.skip("Het rapport (../shared/bron) ontbreekt hier; in CI is het er wel.")
    citaten = data.citaten()
    delen = data.load("rapport_delen").sort_values("volgorde")
    plaatsen = rapport_plaats.plaatsen("\n".join(regels), list(zip(citaten["id"], citaten["tekst"], citaten["sectie"])),
                                      list(zip(delen["id"], delen["kop"])))
    for _, c in citaten.iterrows():
        p = plaatsen[c["id"]]
        assert int(c["pagina_van"]) == p.pagina_van, c["id"]
        tot = None if c["pagina_tot"] is None or str(c["pagina_tot"]) in ("", "<NA>") else int(c["pagina_tot"])
        assert tot == p.pagina_tot, c["id"]
        assert c["context"] == p.context, c["id"]
        if c["context"]:
            assert normaliseer(c["context"]) in rapport_zonder_labels(), c["id"]
            assert c["context"] not in c["tekst"]
    # spot checks read by hand in the report
    rij = citaten.set_index("id")
    assert (int(rij.loc["C053", "pagina_van"]), int(rij.loc["C053", "pagina_tot"])) == (14, 15)  # cut by "14"
    assert int(rij.loc["C056", "pagina_van"]) == int(rij.loc["C056", "pagina_tot"]) == 15
    assert rij.loc["C071", "context"].startswith("Als de leefwereld van de ouders en de school sterk verschilt")


# ----------------------------------------------------------------------------- one band table


def _tabel_rijen(markdown: str) -> list[tuple[str, str]]:
    uit = []
    for regel in markdown.split("\n"):
        m = re.fullmatch(r"\| ([^|]+?) \| (zeer gemakkelijk|gemakkelijk|tamelijk gemakkelijk|normaal|"
                         r"tamelijk moeilijk|moeilijk|zeer moeilijk) \|", regel.strip())
        if m:
            uit.append((m.group(1), m.group(2)))
    return uit


def test_een_tabel_voor_de_leesbaarheidswoorden():
    tabel = bronnen.band_tabel()
    assert [w for _, w in tabel] == [w for _, w in leesbaarheid.BANDEN]
    nb = json.loads((paths.notebooks_dir() / "05_heldere_taal.ipynb").read_text(encoding="utf-8"))
    md = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    assert _tabel_rijen(md) == tabel, "module 05 toont een andere tabel dan de kit gebruikt"
    gids = bronnen.bestand().read_text(encoding="utf-8")
    assert _tabel_rijen(gids) == tabel
    assert "leesbaarheid_douma" in leesbaarheid.BANDEN_BRON
    assert "leesbaarheid_douma" in set(data.load("bronnen")["id"])
    assert "eenvoudig" not in md.lower().split("| woord |")[-1].split("\n\n")[0]


def test_bronnen_md_is_actueel():
    assert bronnen.controleer() == [], "Maak opnieuw met: samenschool bronnen maak"


def test_bronnen_controleer_merkt_een_verouderd_bestand(tmp_path):
    gids = tmp_path / "facilitator_guide"
    gids.mkdir()
    assert bronnen.controleer(tmp_path) == ["bronnen.md ontbreekt"]
    (gids / "bronnen.md").write_text(bronnen.markdown() + "\nnog iets\n", encoding="utf-8")
    assert bronnen.controleer(tmp_path)
    assert bronnen.maak(tmp_path) and bronnen.controleer(tmp_path) == []


def test_sorteer_terugkoppeling_noemt_het_deel_of_de_kit(tmp_path):
    from samenschool.werkmap import Werkmap
    from samenschool.widgets import sorteer

    citaten = data.citaten()
    met_thema = citaten[citaten["thema"].fillna("") != ""]
    model = sorteer.Sorteerder("01_gelijke_kansen", met_thema, data.themas(), Werkmap(tmp_path))
    delen = _delen()
    for cid in model.citaat_ids:
        tekst = model.terugkoppeling(cid).tekst
        sectie = met_thema.set_index("id").loc[cid, "sectie"]
        if sectie.startswith("thema_"):
            assert markering_fout(tekst, delen) is None, tekst
        else:
            assert "De kit plaatst" in tekst and "oudergroep" not in tekst, tekst
