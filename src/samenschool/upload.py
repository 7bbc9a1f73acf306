"""Uploaded files, judged one by one: a bad or huge file gets its own Dutch message and never
drops the good files beside it.

    oordelen = beoordeel(bestanden_uit_widget(upload.value), lees=teamkaart.lees_bestand)
    goed = [o for o in oordelen if o.ok]          # o.inhoud: what ``lees`` returned
    fout = [o.melding for o in oordelen if not o.ok]

The browser refuses a file above the limit before it is sent (static/samenschool-robuust.js,
for widgets with class ``ss-upload`` and ``ss-upload-max-<bytes>``); the same limit is checked
here again, because a page in JupyterLab has no such script.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

from samenschool import validatie
from samenschool.errors import SamenschoolError

MAX_BESTANDEN = 100  # files in one batch (a team of 100 is a big school)
MAX_UPLOAD_DIEPTE = 8  # a team-map file has 2 levels


@dataclass(frozen=True)
class Oordeel:
    naam: str
    ok: bool
    melding: str = ""   # Dutch, names the file (only when not ok)
    inhoud: Any = None  # what the reader returned (only when ok)


def bestandsnaam(naam: Any) -> str:
    """A file name as it may appear in a message: printable, without folders, not too long."""
    text = validatie.zonder_vreemde_tekens(str(naam or "")).replace("\\", "/")
    text = Path(text).name if "/" in text else text
    return validatie.kort(text.strip() or "(zonder naam)", 60)


def bestanden_uit_widget(value: Any) -> list[tuple[str, bytes]]:
    """(name, bytes) for each file of an ipywidgets 8 ``FileUpload.value`` (a tuple of dicts with
    name and content); an entry without content becomes an empty file, judged like any other."""
    out = []
    for item in value or ():
        if isinstance(item, dict):
            naam, inhoud = item.get("name", ""), item.get("content", b"")
        else:
            naam, inhoud = getattr(item, "name", ""), getattr(item, "content", b"")
        try:
            data = bytes(inhoud or b"")
        except (TypeError, ValueError):
            data = b""
        out.append((str(naam), data))
    return out


def lees_json(naam: str, inhoud: bytes, *, max_bytes: int = validatie.MAX_UPLOAD) -> Any:
    """JSON from an uploaded file, with the limits of ``validatie`` (size, depth, numbers)."""
    if len(inhoud) > max_bytes:
        raise SamenschoolError(te_groot(naam, len(inhoud), max_bytes))
    text = validatie.tekst_uit_bytes(inhoud, naam, soort="bestand van de kit")
    return validatie.laad_json(text, naam, max_diepte=MAX_UPLOAD_DIEPTE)


def te_groot(naam: str, grootte: int, max_bytes: int) -> str:
    return (f"‘{naam}’ is te groot ({validatie.grootte(grootte)}). Een bestand mag hoogstens "
            f"{validatie.grootte(max_bytes)} zijn. Dit bestand is niet meegenomen; de andere wel.")


def beoordeel(bestanden: Iterable[tuple[Any, Any]], lees: Callable[[str, bytes], Any], *,
              max_bytes: int = validatie.MAX_UPLOAD) -> list[Oordeel]:
    """Judge each file on its own with ``lees(name, bytes)``; never raises.

    A file above ``max_bytes`` is refused before ``lees`` sees it. ``lees`` raises
    SamenschoolError or ValueError with a Dutch message for a file it refuses; any other
    exception becomes a general message for that one file."""
    oordelen: list[Oordeel] = []
    for index, item in enumerate(bestanden):
        try:
            naam_raw, inhoud = item
        except (TypeError, ValueError):
            naam_raw, inhoud = f"bestand {index + 1}", b""
        naam = bestandsnaam(naam_raw)
        if index >= MAX_BESTANDEN:
            oordelen.append(Oordeel(naam, False, f"‘{naam}’ is niet meegenomen: kies hoogstens "
                                                 f"{MAX_BESTANDEN} bestanden tegelijk."))
            continue
        try:
            data = bytes(inhoud or b"")
        except (TypeError, ValueError):
            data = b""
        if len(data) > max_bytes:
            oordelen.append(Oordeel(naam, False, te_groot(naam, len(data), max_bytes)))
            continue
        if not data:
            oordelen.append(Oordeel(naam, False, f"‘{naam}’ is leeg. Vraag je collega het bestand opnieuw te bewaren."))
            continue
        try:
            oordelen.append(Oordeel(naam, True, inhoud=lees(naam, data)))
        except (SamenschoolError, ValueError) as exc:
            melding = str(exc) or f"‘{naam}’ kan niet gelezen worden."
            if naam not in melding:
                melding = f"‘{naam}’: {melding}"
            oordelen.append(Oordeel(naam, False, melding))
        except Exception:  # noqa: BLE001 - one broken file never costs the others
            if os.environ.get("SAMENSCHOOL_STRIKT") == "1":  # under tests: show the bug, do not hide it
                raise
            oordelen.append(Oordeel(naam, False, f"‘{naam}’ kan niet gelezen worden: het is geen bestand "
                                                 "van de kit (of het is beschadigd). De andere bestanden "
                                                 "zijn wel meegenomen."))
    return oordelen
