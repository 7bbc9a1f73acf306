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

Kernel side with preheated kernels: the kernel starts before anyone asks for the page, so it
learns who it is for only after :func:`voila.utils.wait_for_request` returns; that happens
the first time the werkmap folder is needed (:func:`deelnemer_map`).
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
from dataclasses import dataclass
from pathlib import Path

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
_VERZOEK_GELEZEN = False


def wacht_op_verzoek() -> None:
    """A preheated kernel: wait (once) until the server hands it to a page, so the request's
    headers are in the environment. Elsewhere this returns at once."""
    global _VERZOEK_GELEZEN
    if _VERZOEK_GELEZEN or os.environ.get("VOILA_PREHEAT") != "True":
        return
    from voila.utils import wait_for_request

    _voorverwarmen()
    wait_for_request()
    _VERZOEK_GELEZEN = True


def _voorverwarmen() -> None:
    """While the kernel waits in the pool: do now what every page does first (import the
    widgets, read the learning path and the data files), so a participant's join only runs
    what depends on them. Nothing here knows the participant yet."""
    import importlib
    import pkgutil

    try:
        import samenschool.widgets as widgets
        from samenschool import data, gids, leerpad

        for info in pkgutil.iter_modules(widgets.__path__):
            importlib.import_module(f"samenschool.widgets.{info.name}")
        leerpad.modules()
        leerpad.oefeningen()
        gids.routes_info()
        for naam in ("citaten", "themas", "drempels", "waarden"):
            getattr(data, naam)()
    except Exception:  # warming up is an optimisation: the page itself reports real problems
        pass


def deelnemer_nummer() -> int | None:
    """In room mode: the participant's number as the server passed it to this kernel; None for
    the facilitator's own pages (and outside room mode)."""
    if not klasmodus():
        return None
    wacht_op_verzoek()
    waarde = os.environ.get(HEADER_ENV, "")
    return int(waarde) if _NUMMER.fullmatch(waarde) and int(waarde) > 0 else None


def deelnemer_map(basis: Path | None = None) -> Path | None:
    """The participant's own werkmap folder, or None for the facilitator."""
    nummer = deelnemer_nummer()
    if nummer is None:
        return None
    return (basis or basis_map()) / MAP / map_naam(nummer)


def is_deelnemer() -> bool:
    """True on a participant's page in room mode (the page's wording depends on it)."""
    return deelnemer_nummer() is not None


def default_folder() -> Path:
    """The werkmap of whoever this kernel serves: a participant's own folder in room mode,
    else the facilitator's (or the lone learner's) werkmap."""
    base = basis_map()
    return deelnemer_map(base) or base
