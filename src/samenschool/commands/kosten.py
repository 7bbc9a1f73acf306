"""`samenschool kosten LIJST.csv|xlsx --schooljaar 2024-2025 [--niveau lager|kleuter] [--json]
[--naar html|docx|md --uit MAP]`: what a school's cost list means for families.

Exit code 0 when the file could be read (also with bad rows: they are listed); 1 with a
Dutch message when it could not.
"""

from __future__ import annotations

import json
import sys

from samenschool.errors import SamenschoolError

HELP = "Lees een kostenlijst van de school: kosten per maand, de maximumfactuur en een jaarplan voor ouders."


def register(parser) -> None:
    parser.add_argument("lijst", metavar="LIJST.csv|xlsx", help="de kostenlijst (CSV of Excel .xlsx) met de kolommen "
                        "omschrijving, maand, bedrag, categorie")
    parser.add_argument("--schooljaar", required=True, metavar="JJJJ-JJJJ", help="het schooljaar, bv. 2024-2025")
    parser.add_argument("--niveau", choices=("lager", "kleuter"), default="lager",
                        help="lager (standaard) of kleuter: welke maximumfactuur geldt")
    parser.add_argument("--maximumfactuur", type=float, default=None, metavar="EURO",
                        help="de scherpe maximumfactuur zoals u ze opzocht in de officiële tabel "
                             "(anders neemt de kit het bedrag uit datasets/maximumfactuur.csv)")
    parser.add_argument("--json", action="store_true", help="geef het resultaat als één JSON-object")
    parser.add_argument("--naar", choices=("html", "docx", "md"), default=None,
                        help="maak het jaarplan voor ouders in dit formaat (met --uit)")
    parser.add_argument("--uit", metavar="MAP", default=None, help="de map voor het jaarplan")
    parser.add_argument("--klas", default="", help="klas of leerjaar, bv. '1ste leerjaar' (staat bovenaan het plan)")
    parser.add_argument("--school", default="", help="naam van de school (staat bovenaan het plan)")
    parser.add_argument("--contact", default="",
                        help="wie ouders kunnen aanspreken over geld, bv. 'meester Tom (zorgleerkracht)'")


def rapport(o, pad=None, score=None) -> str:
    from samenschool.kosten import euro

    namen = o.namen
    regels = [f"Kostenlijst {o.lijst.bestand} – schooljaar {o.schooljaar}, {o.niveau}", ""]
    regels.append(f"Kosten gelezen: {len(o.lijst.kosten)}. Regels met een fout: {len(o.lijst.fouten)}.")
    regels += ["", "Per maand (één kind):"]
    breed = max(len(m) for m in o.per_maand)
    for maand, cent in o.per_maand.items():
        piek = "  ← piek" if any(p.maand == maand for p in o.pieken) else ""
        regels.append(f"  {maand:<{breed}}  {euro(cent):>11}{piek}")
    regels.append(f"  {'samen':<{breed}}  {euro(o.totaal):>11}")
    regels += ["", "Per categorie:"]
    for cat, cent in o.per_categorie.items():
        regels.append(f"  {namen[cat]:<30} {euro(cent):>11}")
    regels += ["", "Maximumfactuur: " + o.maximumfactuur.zin()]
    if o.maximumfactuur.bronzin():
        regels.append("  " + o.maximumfactuur.bronzin())
    regels += ["", "Gezin met 1, 2 of 3 kinderen (als elk kind dezelfde kosten heeft):"]
    for n in (1, 2, 3):
        per = o.gezin(n)
        zwaar = max(per, key=per.get)
        regels.append(f"  {n} kind{'eren' if n > 1 else ''}: {euro(o.totaal * n)} per jaar, "
                      f"zwaarste maand {zwaar} ({euro(per[zwaar])})")
    if o.lijst.fouten:
        regels += ["", "Fouten (deze regels tellen niet mee):"]
        regels += [f"  - {f.tekst()}" for f in o.lijst.fouten]
    if o.waarschuwingen:
        regels += ["", "Let op:"]
        regels += [f"  - {w}" for w in o.waarschuwingen]
    if o.suggesties:
        regels += ["", "Zo spreidt u de kosten:"]
        regels += [f"  - {s}" for s in o.suggesties]
    if pad is not None:
        regels += ["", f"Jaarplan voor ouders: {pad}"]
        if score is not None:
            regels.append(f"  Leesbaarheid (Flesch-Douma): {score.flesch_douma:.0f} ({score.band_flesch}).")
    return "\n".join(regels)


def run(args) -> int:
    from samenschool import kosten
    from samenschool.kosten import jaarplan

    if args.naar and not args.uit:
        raise SamenschoolError("Met --naar hoort --uit MAP: in welke map moet het jaarplan komen?")
    if args.uit and not args.naar:
        raise SamenschoolError("Met --uit hoort --naar html, docx of md: welk formaat wilt u?")
    lijst = kosten.lees(args.lijst)
    overzicht = kosten.bereken(lijst, args.schooljaar, args.niveau, eigen_maximum=args.maximumfactuur)
    pad = score = None
    if args.naar:
        doc = jaarplan.maak(overzicht, klas=args.klas, school=args.school, contact=args.contact)
        pad = jaarplan.schrijf(doc, args.uit, args.naar)
        score = jaarplan.leesbaarheid(doc)
    if args.json:
        data = overzicht.to_dict()
        if pad is not None:
            data["jaarplan"] = {"bestand": str(pad), "formaat": args.naar,
                                "leesbaarheid": {"flesch_douma": score.flesch_douma, "band": score.band_flesch,
                                                 "brouwer": score.brouwer}}
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(rapport(overzicht, pad, score) + "\n")
    return 0
