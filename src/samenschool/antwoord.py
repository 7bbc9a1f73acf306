"""A saved answer that says what it means.

Next to the raw value a widget restores itself from (``waarde``), an answer holds the question
as the learner saw it (``vraag``), the answer as a person reads it (``tekst``, and for a
structured answer ``delen``: label/text pairs with the labels shown on the page), and where it
belongs: its activity as the notebook declares it, and its order inside that activity. The
werkboek, the room's projector view and the later modules only read these; none of them decodes
a widget's codes.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any, Iterable

from samenschool.errors import SamenschoolError

FORMAT_VERSIE = 2


def nu() -> str:
    return _dt.datetime.now().astimezone().isoformat(timespec="seconds")


def ja_nee(waarde: bool) -> str:
    """A yes/no answer as the pages say it."""
    return "ja" if waarde else "nee"


@dataclass
class Antwoord:
    sleutel: str                  # the activity key, or "<activiteit>.<deel>"
    waarde: Any                   # raw JSON value the widget restores from
    vraag: str                    # the question as the learner saw it
    tekst: str = ""               # the answer as a person reads it
    delen: list[tuple[str, str]] | None = None  # structured answer: (label as on the page, text)
    activiteit: str = ""
    activiteit_titel: str = ""
    activiteit_nr: int = 0
    volgorde: int = 0             # position inside the activity
    bijgewerkt: str = field(default_factory=nu)

    @classmethod
    def nieuw(cls, module: str, sleutel: str, waarde: Any, *, vraag: str, tekst: str = "",
              delen: Iterable[tuple[str, str]] | None = None, volgorde: int = 0) -> "Antwoord":
        """An answer for a declared activity of ``module`` (SamenschoolError when undeclared)."""
        from samenschool import leerpad

        act = leerpad.activiteit(module, sleutel)
        return cls(sleutel=sleutel, waarde=waarde, vraag=str(vraag), tekst=str(tekst or ""),
                   delen=[(str(k), str(v)) for k, v in delen] if delen is not None else None,
                   activiteit=act.sleutel, activiteit_titel=act.titel, activiteit_nr=act.nummer,
                   volgorde=int(volgorde))

    @property
    def leeg(self) -> bool:
        return not self.tekst.strip() and not self.delen

    def orde(self) -> tuple:
        return (self.activiteit_nr or 10_000, self.volgorde, self.sleutel)

    def to_dict(self) -> dict:
        return {"waarde": self.waarde, "vraag": self.vraag, "tekst": self.tekst,
                "delen": [list(d) for d in self.delen] if self.delen is not None else None,
                "activiteit": self.activiteit, "activiteit_titel": self.activiteit_titel,
                "activiteit_nr": self.activiteit_nr, "volgorde": self.volgorde, "bijgewerkt": self.bijgewerkt}

    @classmethod
    def from_dict(cls, sleutel: str, data: dict) -> "Antwoord":
        if not isinstance(data, dict) or "waarde" not in data:
            raise SamenschoolError(f"Het antwoord '{sleutel}' heeft geen geldige vorm.")
        delen = data.get("delen")
        if delen is not None:
            if not isinstance(delen, list) or not all(isinstance(d, (list, tuple)) and len(d) == 2 for d in delen):
                raise SamenschoolError(f"Het antwoord '{sleutel}' heeft ongeldige delen.")
            delen = [(str(k), str(v)) for k, v in delen]
        nr, volgorde = data.get("activiteit_nr", 0), data.get("volgorde", 0)
        return cls(sleutel=sleutel, waarde=data["waarde"], vraag=str(data.get("vraag") or sleutel),
                   tekst=str(data.get("tekst") or ""), delen=delen,
                   activiteit=str(data.get("activiteit") or ""), activiteit_titel=str(data.get("activiteit_titel") or ""),
                   activiteit_nr=nr if isinstance(nr, int) and not isinstance(nr, bool) else 0,
                   volgorde=volgorde if isinstance(volgorde, int) and not isinstance(volgorde, bool) else 0,
                   bijgewerkt=str(data.get("bijgewerkt") or ""))
