"""Self-describing answers (issue 8 "Antwoord"): a werkmap written in the old format (version 1)
still loads and exports, answers must belong to a declared activity and come out in page order,
and the school-side and route data files are checked by their schema."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from samenschool import data, werkboek
from samenschool.antwoord import FORMAT_VERSIE, Antwoord
from samenschool.errors import DataError, SamenschoolError
from samenschool.werkmap import Werkmap

REPO = Path(__file__).resolve().parent.parent

# -- a werkmap as today's kit (format 1) wrote it ------------------------------------------------
OUD = {
    "01_gelijke_kansen": {
        "module": "01_gelijke_kansen", "versie": 1,
        "antwoorden": {
            "reflectie": "Ouders schamen zich voor een onbetaalde rekening.",
            "sorteer.C012": "betaalbaarheid",
            "sorteer.C009": "informatie_communicatie",
        },
        "labels": {
            "reflectie": "Welk citaat blijft het meest bij je hangen?",
            "sorteer.C012": "Bij welk thema hoort dit citaat? “…”",
            "sorteer.C009": "Bij welk thema hoort dit citaat? “…”",
        },
    },
    "03_drempels": {
        "module": "03_drempels", "versie": 1,
        "antwoorden": {
            "drempel_kiezen_C072": {"gekozen": ["tijd_ontmoeting", "taal"], "bekeken": True},
            "perspectief_C084": {"antwoorden": {"voelt": "Schaamte", "denkt": "Ze komt niet", "morgen": "Bellen"},
                                 "onthuld": True},
            "teamkaart": {"leden": {"Directie": {"taal": 2, "leefwereld": 1}}},
        },
        "labels": {
            "drempel_kiezen_C072": "Welke drempel(s) zie je in citaat C072?",
            "perspectief_C084": "Perspectiefwissel bij citaat C084",
            "teamkaart": "Teamkaart: hoe sterk speelt elke drempel bij ons? (0-3 per teamlid)",
        },
    },
    "04_vertelgesprek": {
        "module": "04_vertelgesprek", "versie": 1,
        "antwoorden": {
            "plan_uitnodiging": {"tolk": "sociaal_tolk", "antwoord": ["strookje"], "persoonlijk": ["poort"]},
            "stap": 3,
        },
        "labels": {"plan_uitnodiging": "Uitnodigen", "stap": "laatst geopende stap"},
    },
    "oefening_01_casusanalyse": {
        "module": "oefening_01_casusanalyse", "versie": 1,
        "antwoorden": {"eerste_stap": "Ik bel de ouders op.", "themas": "Betaalbaarheid en informatie."},
        "labels": {"eerste_stap": "Wat doe jij als eerste anders?", "themas": "Welke thema's zie je?"},
    },
}


@pytest.fixture
def oude_werkmap(werkmap_dir) -> Werkmap:
    werkmap_dir.mkdir(parents=True)
    for module, inhoud in OUD.items():
        (werkmap_dir / f"{module}.json").write_text(json.dumps(inhoud, ensure_ascii=False), encoding="utf-8")
    return Werkmap(werkmap_dir)


def test_an_old_werkmap_loads_with_the_new_keys_and_page_state_apart(oude_werkmap):
    wm = oude_werkmap
    assert wm.load("01_gelijke_kansen") == {"reflectie": "Ouders schamen zich voor een onbetaalde rekening.",
                                            "sorteer.C012": "betaalbaarheid", "sorteer.C009": "informatie_communicatie"}
    drempels = wm.load("03_drempels")
    assert set(drempels) == {"drempel_kiezen.C072", "perspectief.C084", "teamkaart"}
    assert drempels["drempel_kiezen.C072"] == {"gekozen": ["tijd_ontmoeting", "taal"]}  # "bekeken" is page state
    assert drempels["perspectief.C084"] == {"antwoorden": {"voelt": "Schaamte", "denkt": "Ze komt niet",
                                                           "morgen": "Bellen"}}
    assert wm.toestand("03_drempels") == {"drempel_kiezen.C072": {"bekeken": True},
                                          "perspectief.C084": {"onthuld": True}}
    assert wm.load("04_vertelgesprek") == {"plan.uitnodiging": {"tolk": "sociaal_tolk", "antwoord": ["strookje"],
                                                                "persoonlijk": ["poort"]}}
    assert wm.toestand("04_vertelgesprek") == {"stap": 3}
    assert wm.get("oefening_01_casusanalyse", "eerste_stap") == "Ik bel de ouders op."
    # every old answer now says what it is: its activity, the old label as the question, names not codes
    [keuze] = [a for a in wm.antwoorden("03_drempels") if a.sleutel == "drempel_kiezen.C072"]
    assert (keuze.activiteit, keuze.activiteit_titel, keuze.activiteit_nr) == ("drempel_kiezen",
                                                                                "Welke drempel zie je?", 1)
    assert keuze.vraag == "Welke drempel(s) zie je in citaat C072?"
    assert "Tijd en mogelijkheden tot ontmoeting" in keuze.tekst and "Taal" in keuze.tekst
    # the widgets restore themselves from the migrated file
    from samenschool.vertelgesprek.planner import PlannerModel
    from samenschool.widgets.drempel_kiezen import DrempelKeuze

    planner = PlannerModel(wm)
    assert planner.stap == 2 and planner.plan.uitnodiging.tolk == "sociaal_tolk"
    assert DrempelKeuze("C072", wm).bekeken and DrempelKeuze("C072", wm).gekozen == ["tijd_ontmoeting", "taal"]


def test_old_answers_come_out_in_page_order(oude_werkmap):
    # the old file lists the reflection first; on the page the cards come first
    assert [a.sleutel for a in oude_werkmap.antwoorden("01_gelijke_kansen")][-1] == "reflectie"
    assert [a.activiteit for a in oude_werkmap.antwoorden("03_drempels")] == [
        "drempel_kiezen", "perspectief", "teamkaart"]
    assert [a.sleutel for a in oude_werkmap.antwoorden("oefening_01_casusanalyse")] == ["themas", "eerste_stap"]


def _docx_tekst(path: Path) -> str:
    from docx import Document

    doc = Document(str(path))
    return "\n".join([p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells])


def test_an_old_werkmap_exports_with_names_not_codes(oude_werkmap, tmp_path):
    paths = werkboek.export(oude_werkmap, tmp_path / "werkboek")
    assert sorted(p.suffix for p in paths) == [".docx", ".html", ".md"]
    teksten = {"html": (tmp_path / "werkboek.html").read_text(encoding="utf-8"),
               "md": (tmp_path / "werkboek.md").read_text(encoding="utf-8"),
               "docx": _docx_tekst(tmp_path / "werkboek.docx")}
    for formaat, tekst in teksten.items():
        for naam in ("Betaalbaarheid", "Informatie en communicatie", "Tijd en mogelijkheden tot ontmoeting",
                     "Ik bel de ouders op.", "Gelijke kansen", "Drempels", "Oefening: Casusanalyse"):
            assert naam in tekst, (formaat, naam)
        for code in ("betaalbaarheid", "informatie_communicatie", "tijd_ontmoeting", "sociaal_tolk",
                     "informatie\\_communicatie", "bekeken", "onthuld", "laatst geopende stap"):
            assert code not in tekst, (formaat, code)
        # the planner's part with the labels and choices its page shows
        assert "een professionele tolk (een sociaal tolk)" in tekst and "geef het strookje mee" in tekst, formaat
        # page order: in module 01 the cards before the reflection, in the exercise question 1 before 4
        assert tekst.index("Informatie en communicatie") < tekst.index("Ouders schamen zich")
        assert tekst.index("Betaalbaarheid en informatie.") < tekst.index("Ik bel de ouders op.")


def test_an_old_file_is_rewritten_as_version_2_on_the_next_save(oude_werkmap):
    pad = oude_werkmap.path("04_vertelgesprek")
    assert json.loads(pad.read_text(encoding="utf-8"))["versie"] == 1  # reading changes nothing
    oude_werkmap.load("04_vertelgesprek")
    assert json.loads(pad.read_text(encoding="utf-8"))["versie"] == 1
    from samenschool.vertelgesprek.planner import PlannerModel

    PlannerModel(oude_werkmap).zet("context.klas", "K3")
    nieuw = json.loads(pad.read_text(encoding="utf-8"))
    assert nieuw["versie"] == FORMAT_VERSIE == 2 and "labels" not in nieuw
    assert set(nieuw["antwoorden"]) == {"plan.uitnodiging", "plan.context"}
    assert nieuw["toestand"] == {"stap": 3} and nieuw["titel"] == "Het ouder-vertelgesprek"
    for antwoord in nieuw["antwoorden"].values():
        assert antwoord["activiteit"] == "plan" and "waarde" in antwoord and "vraag" in antwoord
    assert Werkmap(oude_werkmap.folder).load("04_vertelgesprek")["plan.uitnodiging"]["tolk"] == "sociaal_tolk"


def test_an_undeclared_activity_is_refused():
    with pytest.raises(SamenschoolError, match="geen activiteit van 01_gelijke_kansen.ipynb"):
        Antwoord.nieuw("01_gelijke_kansen", "drempel_kiezen.C072", ["taal"], vraag="?")
    with pytest.raises(SamenschoolError, match="geen activiteit"):
        Antwoord.nieuw("01_gelijke_kansen", "sorteerder", "x", vraag="?")  # not "sorteer" nor "sorteer.<deel>"
    with pytest.raises(SamenschoolError):
        Antwoord.nieuw("99_bestaat_niet", "reflectie", "x", vraag="?")
    antwoord = Antwoord.nieuw("01_gelijke_kansen", "sorteer.C012", "betaalbaarheid", vraag="Thema?",
                              tekst="Betaalbaarheid", volgorde=2)
    assert (antwoord.activiteit, antwoord.activiteit_nr, antwoord.volgorde) == ("sorteer", 2, 2)


def test_answers_sort_in_page_order(werkmap):
    m = "04_vertelgesprek"
    werkmap.bewaar(m, Antwoord.nieuw(m, "wat_neem_je_mee", "x", vraag="Reflectie", tekst="x"))
    werkmap.bewaar(m, Antwoord.nieuw(m, "plan.opvolging", {}, vraag="Opvolging", tekst="o", volgorde=9))
    werkmap.bewaar(m, Antwoord.nieuw(m, "plan.context", {}, vraag="Over de klas", tekst="c", volgorde=1))
    werkmap.bewaar(m, Antwoord(sleutel="oud", waarde=1, vraag="Zonder activiteit", tekst="1"))
    assert [a.sleutel for a in werkmap.antwoorden(m)] == ["plan.context", "plan.opvolging", "wat_neem_je_mee", "oud"]
    md = werkboek.to_markdown(werkmap)
    assert md.index("Over de klas") < md.index("Opvolging") < md.index("### Activiteit 2: Reflectie")


# -- the schema refuses unknown ids in the moved data files --------------------------------------
@pytest.fixture
def datasets_kopie(tmp_path) -> Path:
    folder = tmp_path / "datasets"
    shutil.copytree(REPO / "datasets", folder)
    return folder


def _voeg_toe(pad: Path, regel: str) -> None:
    tekst = pad.read_text(encoding="utf-8")
    pad.write_text(tekst + ("" if tekst.endswith("\n") else "\n") + regel + "\n", encoding="utf-8")


def _frictionless_fouten(folder: Path, resource: str) -> list[str]:
    """frictionless on the copied package, trimmed to ``resource`` and the tables it refers to."""
    frictionless = pytest.importorskip("frictionless")
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    per_naam = {r["name"]: r for r in package["resources"]}
    nodig, open_ = set(), [resource]
    while open_:
        naam = open_.pop()
        if naam not in nodig:
            nodig.add(naam)
            open_ += [fk["reference"]["resource"] for fk in per_naam[naam].get("schema", {}).get("foreignKeys", [])
                      if fk["reference"].get("resource")]
    package["resources"] = [r for r in package["resources"] if r["name"] in nodig]
    (folder / "klein.json").write_text(json.dumps(package, ensure_ascii=False), encoding="utf-8")
    rapport = frictionless.validate(str(folder / "klein.json"))
    assert rapport.tasks, "frictionless checked nothing"
    return [f"{t.name}: {f.message}" for t in rapport.tasks for f in t.errors if t.name == resource]


def test_the_copies_are_valid_before_they_are_broken(datasets_kopie):
    assert len(data.load("drempels_schoolkant", datasets_kopie)) == len(data.load("drempels_schoolkant"))
    assert len(data.load("route_onderdelen", datasets_kopie)) == len(data.load("route_onderdelen"))
    assert _frictionless_fouten(datasets_kopie, "drempels_schoolkant") == []
    assert _frictionless_fouten(datasets_kopie, "route_onderdelen") == []


def test_an_unknown_barrier_in_the_school_side_fails_the_schema(datasets_kopie):
    _voeg_toe(datasets_kopie / "drempels_schoolkant.csv", "bestaat_niet,school_tijd_middelen,2")
    with pytest.raises(DataError, match="'bestaat_niet' bestaat niet in de tabel 'drempels'"):
        data.load("drempels_schoolkant", datasets_kopie)
    fouten = _frictionless_fouten(datasets_kopie, "drempels_schoolkant")
    assert fouten and any("foreign" in f.lower() or "bestaat_niet" in f for f in fouten), fouten


def test_an_unknown_school_barrier_fails_the_schema_too(datasets_kopie):
    _voeg_toe(datasets_kopie / "drempels_schoolkant.csv", "taal,school_bestaat_niet,9")
    with pytest.raises(DataError, match="'school_bestaat_niet' bestaat niet"):
        data.load("drempels_schoolkant", datasets_kopie)
    assert _frictionless_fouten(datasets_kopie, "drempels_schoolkant")


def test_an_unknown_route_in_the_route_items_fails_the_schema(datasets_kopie):
    _voeg_toe(datasets_kopie / "route_onderdelen.csv", "vakantie,1,sessie,1,module,00_start,,")
    with pytest.raises(DataError, match="'vakantie' bestaat niet in de tabel 'routes'"):
        data.load("route_onderdelen", datasets_kopie)
    fouten = _frictionless_fouten(datasets_kopie, "route_onderdelen")
    assert fouten and any("foreign" in f.lower() or "vakantie" in f for f in fouten), fouten
