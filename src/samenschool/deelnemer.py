"""Participants in room mode (``samenschool start --netwerk``): who is who, decided by the server.

The server (``samenschool.server``) gives every browser that is not the facilitator's own
machine a random id (``secrets``) in an HttpOnly, SameSite=Strict cookie, signed with a key
that only the server knows (HMAC). The browser never chooses its id, a page never shows it,
and a forged id (or one from another kit's server) fails the signature.

The first time a signed id comes back, the server writes it in the register
(``<werkmap>/deelnemers/register.json``, as a hash, never the id itself) with the next
number: the join order. The server then hands the page's kernel only that number, in the
request header ``X-Samenschool-Deelnemer`` (which it always sets itself, never the browser).
The kernel keeps that participant's answers in ``<werkmap>/deelnemers/deelnemer-NNN/``.

Kernel side with preheated kernels: the kernel runs its page before anyone asks for it, with an
empty werkmap; it learns who it is for when :func:`voila.utils.wait_for_request` returns in a
thread of its own, and then fills in that participant's answers (see the kernel-side part below).
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
import hmac
import json
import os
import re
import secrets
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from samenschool import bestanden
from samenschool.errors import SamenschoolError


KLAS_ENV_VAR = "SAMENSCHOOL_KLASMODUS"  # set by `samenschool start --netwerk` for server and kernels
WERKMAP_ENV_VAR = "SAMENSCHOOL_WERKMAP"
COOKIE = "samenschool_deelnemer"
HEADER = "X-Samenschool-Deelnemer"  # set by the server for the kernel; a browser's own is removed
HEADER_ENV = "HTTP_X_SAMENSCHOOL_DEELNEMER"  # how Voilà passes that header to the kernel
MAP = DEELNEMERS_MAP = "deelnemers"
REGISTER = "register.json"
SLEUTEL_BESTAND = ".sleutel"
_ID = re.compile(r"[0-9a-f]{32}")
_COOKIE_WAARDE = re.compile(r"([0-9a-f]{32})\.([0-9a-f]{64})")
_NUMMER = re.compile(r"[0-9]{1,5}")


def klasmodus() -> bool:
    return os.environ.get(KLAS_ENV_VAR) == "1"


def basis_map() -> Path:
    """The facilitator's werkmap (participants' folders live in its ``deelnemers/``)."""
    env = os.environ.get(WERKMAP_ENV_VAR)
    return Path(env).expanduser() if env else Path.home() / "SamenSchoolMaken" / "werkmap"


basismap = basis_map  # the name samenschool.werkmap uses


def map_naam(nummer: int) -> str:
    return f"deelnemer-{nummer:03d}"


# -- server side: the key, issuing and checking ids -----------------------------------------
def lees_of_maak_sleutel(basis: Path) -> bytes:
    """The server's signing key, kept in the werkmap so ids survive a restart of the kit
    (a participant keeps their answers). Created once, readable by the owner only."""
    folder = basis / MAP
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / SLEUTEL_BESTAND
    with contextlib.suppress(FileNotFoundError, ValueError):
        key = bytes.fromhex(path.read_text(encoding="ascii").strip())
        if len(key) >= 32:
            return key
    key = secrets.token_bytes(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key.hex())
    return key


def _handtekening(sleutel: bytes, deelnemer: str) -> str:
    return hmac.new(sleutel, deelnemer.encode("ascii"), hashlib.sha256).hexdigest()


def nieuwe_cookie(sleutel: bytes) -> str:
    """A new random participant id with its signature: the cookie's value."""
    deelnemer = secrets.token_hex(16)
    return f"{deelnemer}.{_handtekening(sleutel, deelnemer)}"


def controleer_cookie(sleutel: bytes, waarde: str | None) -> str | None:
    """The participant id when ``waarde`` carries a valid signature, else None."""
    match = _COOKIE_WAARDE.fullmatch(waarde or "")
    if not match:
        return None
    deelnemer, handtekening = match.groups()
    return deelnemer if hmac.compare_digest(handtekening.encode(), _handtekening(sleutel, deelnemer).encode()) else None


def _hash(deelnemer: str) -> str:
    return hashlib.sha256(deelnemer.encode("ascii")).hexdigest()


@dataclass(frozen=True)
class Inschrijving:
    nummer: int
    sinds: str


class Register:
    """Participants in the order they joined (the ids only as hashes)."""

    def __init__(self, basis: Path):
        self.folder = Path(basis) / MAP
        self.path = self.folder / REGISTER

    def _locked(self):
        return bestanden.slot(self.folder / ".register.lock")

    def _read(self) -> dict:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if isinstance(data, dict) and isinstance(data.get("deelnemers"), dict):
                return data
        except (OSError, ValueError):
            pass
        return {"versie": 1, "deelnemers": {}}

    def alle(self) -> dict[str, Inschrijving]:
        """hash -> registration, for every participant who joined."""
        with self._locked():
            data = self._read()
        return {h: Inschrijving(int(v["nummer"]), str(v.get("sinds", ""))) for h, v in data["deelnemers"].items()}

    def nummers(self) -> list[int]:
        return sorted(i.nummer for i in self.alle().values())

    def schrijf_in(self, deelnemer: str) -> int:
        """The participant's number: the one they had, or the next one when they are new."""
        if not _ID.fullmatch(deelnemer):
            raise SamenschoolError("Ongeldige deelnemer.")
        key = _hash(deelnemer)
        with self._locked():
            data = self._read()
            if key in data["deelnemers"]:
                return int(data["deelnemers"][key]["nummer"])
            nummers = [int(v["nummer"]) for v in data["deelnemers"].values()]
            # a participant folder left from before a lost register keeps its number too
            bezet = {int(p.name.rsplit("-", 1)[1]) for p in self.folder.glob("deelnemer-*")
                     if p.is_dir() and p.name.rsplit("-", 1)[1].isdigit()}
            nummer = max(nummers + list(bezet) + [0]) + 1
            data["deelnemers"][key] = {"nummer": nummer,
                                       "sinds": _dt.datetime.now().astimezone().isoformat(timespec="seconds")}
            tmp = self.path.with_suffix(".tmp")
            tmp.write_text(json.dumps(data, indent=1), encoding="utf-8")
            os.replace(tmp, self.path)
            return nummer


# -- kernel side -------------------------------------------------------------------------------
# A preheated kernel (Voilà's pool, room mode) runs its page before anyone asks for it. It does
# not wait for the request: every cell runs against an empty werkmap, so the whole page is
# rendered ahead of time, the same for everyone. A thread waits for the request; once it is
# there, the participant is known and whatever was registered with :func:`na_verzoek` runs
# (``samenschool.widgets.plaatshouder`` fills in the participant's own answers, if any).
_VERZOEK = threading.Event()   # the request is known (or this is no preheated kernel)
_VERZOEK_MISLUKT = False       # the server never sent it: nobody's werkmap may be used
_SLOT = threading.RLock()      # taken while the page registers a view or the request arrives
_NA_VERZOEK: list[Callable[[], None]] = []
_WACHTER: threading.Thread | None = None
_VOORLOPIG: Path | None = None
VERZOEK_WACHTTIJD = 600.0      # a write before the request is known waits at most this long
ONBEKEND = "De kit weet niet voor wie deze pagina is. Laad de pagina opnieuw."


def voorverwarmd() -> bool:
    return os.environ.get("VOILA_PREHEAT") == "True"


def wacht_nog() -> bool:
    """True in a preheated kernel that no page has asked for yet: the participant is unknown."""
    return voorverwarmd() and not _VERZOEK.is_set()


def slot() -> threading.RLock:
    """Hold this while deciding on :func:`wacht_nog` and acting on it (the request may arrive
    from the waiting thread at any moment)."""
    return _SLOT


def _start_wachter() -> None:
    global _WACHTER
    with _SLOT:
        if _WACHTER is not None or not wacht_nog():
            return
        _WACHTER = threading.Thread(target=_wacht, name="samenschool-verzoek", daemon=True)
        _WACHTER.start()


def _wacht() -> None:
    """The waiting thread: Voilà's own ``wait_for_request`` (it puts the request's headers in
    the environment), then the callbacks."""
    global _VERZOEK_MISLUKT
    from voila.utils import wait_for_request

    for naam in ("SCRIPT_NAME", HEADER_ENV):  # only the request may set these
        os.environ.pop(naam, None)
    try:
        wait_for_request()
    except Exception:  # no request: this kernel must not serve anyone's answers
        pass
    with _SLOT:
        _VERZOEK_MISLUKT = os.environ.get("SCRIPT_NAME") is None  # Voilà always sends the path
        _VERZOEK.set()
        callbacks = list(_NA_VERZOEK)
        _NA_VERZOEK.clear()
        for callback in callbacks:
            try:
                callback()
            except Exception:  # one broken view must not keep the others empty
                import logging

                logging.getLogger("samenschool").exception("invullen na het verzoek mislukt")


def na_verzoek(callback: Callable[[], None]) -> None:
    """Run ``callback`` once the request is known: later from the waiting thread, or now when
    it is already known (or this is no preheated kernel)."""
    with _SLOT:
        if wacht_nog():
            _NA_VERZOEK.append(callback)
            _start_wachter()
            return
    callback()


def wacht_op_verzoek() -> None:
    """Block until the request is known (a write must go to the right folder). Elsewhere this
    returns at once."""
    if not wacht_nog():
        return
    _start_wachter()
    if not _VERZOEK.wait(VERZOEK_WACHTTIJD):
        raise SamenschoolError(ONBEKEND)


def _voorlopige_map() -> Path:
    """An empty folder: what a page reads before anyone asked for it (nothing)."""
    global _VOORLOPIG
    with _SLOT:
        if _VOORLOPIG is None:
            import tempfile

            _VOORLOPIG = Path(tempfile.mkdtemp(prefix="samenschool-nog-niemand-"))
        return _VOORLOPIG


def deelnemer_nummer() -> int | None:
    """In room mode: the participant's number as the server passed it to this kernel; None for
    the facilitator's own pages (and outside room mode)."""
    if not klasmodus():
        return None
    wacht_op_verzoek()
    if _VERZOEK_MISLUKT:
        raise SamenschoolError(ONBEKEND)
    waarde = os.environ.get(HEADER_ENV, "")
    return int(waarde) if _NUMMER.fullmatch(waarde) and int(waarde) > 0 else None


def deelnemer_map(basis: Path | None = None) -> Path | None:
    """The participant's own werkmap folder, or None for the facilitator."""
    nummer = deelnemer_nummer()
    if nummer is None:
        return None
    return (basis or basis_map()) / MAP / map_naam(nummer)


def is_deelnemer() -> bool:
    """True on a participant's page in room mode (the page's wording depends on it). Before a
    preheated page is asked for, it is taken to be a participant's (the pool serves the room);
    the facilitator's own page is built again once the request says so."""
    if wacht_nog():
        return True
    return deelnemer_nummer() is not None


def default_folder() -> Path:
    """The werkmap of whoever this kernel serves: a participant's own folder in room mode,
    else the facilitator's (or the lone learner's) werkmap. Before a preheated page is asked
    for: an empty folder of its own (the page is built with no answers)."""
    if wacht_nog():
        _start_wachter()
        return _voorlopige_map()
    base = basis_map()
    return deelnemer_map(base) or base
