"""A complete example plan: a fictional school, no real names. Used by the CLI
(``samenschool vertelgesprek --voorbeeld``), the tests and the exercise."""

from __future__ import annotations

from samenschool.vertelgesprek.model import Plan


def voorbeeld_dict() -> dict:
    return {
        "context": {
            "schooltype": "lager",
            "klas": "1ste leerjaar",
            "school": "Basisschool De Regenboog (verzonnen school)",
            "opmerking": "22 kinderen. Veel ouders werken in ploegen. In de klas spreken kinderen thuis "
                         "ook Arabisch, Turks, Pools en Roemeens.",
        },
        "wanneer": {
            "periode": "de eerste twee weken van september",
            "slotduur": 30,
            "momenten": ["maandag 8.00", "dinsdag 16.15", "woensdag 12.15", "donderdag 18.00",
                         "zaterdag 10.00"],
        },
        "uitnodiging": {
            "persoonlijk": ["schoolpoort", "telefoon"],
            "schriftelijk": True,
            "talen": ["Nederlands", "Arabisch", "Turks", "Pools"],
            "tolk": "sociaal_tolk",
            "contactpersoon": "juf Lies (klasleerkracht)",
            "telefoon": "03 123 45 67",
            "antwoord": ["schoolpoort", "telefoon", "strookje"],
        },
        "setting": {
            "lokaal": "de klas van het 1ste leerjaar (gelijkvloers, eerste deur links)",
            "prive": True,
            "gelijke_stoelen": True,
            "kind_aanwezig": "einde",
            "extra": "Koffie, thee en water. Een tekening van het kind ligt klaar.",
        },
        "aanwezigen": {"school": ["klasleerkracht"], "ouders": 1, "iemand_meebrengen": True},
        "opvolging": {
            "volgend_contact": "Elke vrijdag een kort woordje aan de schoolpoort. Een kort gesprek na de "
                               "herfstvakantie.",
            "bij_afwezigheid": "De juf belt dezelfde week. Ze zegt: wij hebben u gemist. Ze stelt een ander "
                               "moment voor, ook vroeg of laat, of een babbel aan de schoolpoort.",
            "dagelijks": "Elke ochtend staat de juf aan de klasdeur en zegt goedendag.",
        },
    }


def voorbeeld() -> Plan:
    """The example plan, with the default questions, conversation guide and record fields."""
    return Plan.from_dict(voorbeeld_dict())
