"""The kit's web server: Voilà itself, with the kit's rules for who may reach what.

``python -m samenschool.server FOLDER [voila options]`` runs :class:`SamenschoolVoila`, a
subclass of Voilà's own application (one server, one port; no second web server). It keeps
Voilà's routes for pages, kernels and static files, drops the rest, and puts every kept
route behind the kit's checks:

- Pages: only the learner pages (``notebooks/NN_*.ipynb`` and the learner versions in
  ``exercises/``); never ``exercises/bron``, no tree listing, no contents API. The root
  address sends you to the start page. Errors are the kit's own Dutch pages (no CDN).
- Room mode (``samenschool start --netwerk``): a browser that is not this computer gets a
  random, signed participant id in an HttpOnly cookie on its first visit, before any kernel
  starts (see :mod:`samenschool.deelnemer`). Without a valid id it never gets a kernel: a
  browser that refuses cookies gets one Dutch page, not a loop.
- Facilitator pages (the projector view ``/zaal``, the werkboeken download, notebooks marked
  ``"samenschool": {"begeleider": true}``) need the token the launcher prints
  (``?token=…`` once; then an HttpOnly cookie). Without room mode the server listens on this
  computer only and its own user is the facilitator.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import json
import os
import re
import sys
import tempfile
import zipfile
from pathlib import Path
from urllib.parse import urlencode

import tornado.web
from jinja2 import Environment, FileSystemLoader, select_autoescape
from traitlets import Bool, Integer, List, Unicode
from voila.app import Voila

from samenschool import deelnemer
from samenschool.app import START_PAGE
from samenschool.paths import PACKAGE_DIR

TOKEN_ENV_VAR = "SAMENSCHOOL_TOKEN"  # the facilitator's token, from the launcher
DEELNEMERS_URL_ENV_VAR = "SAMENSCHOOL_DEELNEMERS_URL"  # the address for the room (QR code)
BEGELEIDER_COOKIE = "samenschool_begeleider"
COOKIE_PROEF = "ss_cookie"  # marks the request after the cookie was set: no second try
LOKAAL = {"127.0.0.1", "::1"}
LEERPAGINA = re.compile(r"(notebooks|exercises)/[A-Za-z0-9][A-Za-z0-9_\-]*\.ipynb")
BESTAND = r"(?:notebooks|exercises(?!/bron/))/(?:(?!\.\.)[^?#\\])*\.(?:png|jpe?g|gif|svg|webp)"  # no "..", no bron
MAX_LEEFTIJD = 60 * 60 * 24 * 365
PAGINAS = PACKAGE_DIR / "templates" / "klas"


def _env() -> Environment:
    from samenschool import zaal

    env = Environment(loader=FileSystemLoader(str(PAGINAS)), autoescape=select_autoescape(["html", "j2"]))
    env.filters["getal"] = zaal.getal
    env.filters["euro"] = zaal.euro
    return env


def is_begeleider_notebook(path: Path) -> bool:
    """True when the notebook's metadata says it is for the facilitator only."""
    try:
        meta = json.loads(path.read_text(encoding="utf-8")).get("metadata", {}).get("samenschool", {})
    except (OSError, ValueError):
        return False
    return isinstance(meta, dict) and meta.get("begeleider") is True


class Klas:
    """What the checks need: mode, keys, token, folders. One per server."""

    def __init__(self, root: Path, klas: bool, token: str, basis: Path | None = None):
        self.root, self.klas, self.token = Path(root), klas, token
        self.basis = basis or deelnemer.basis_map()
        self.sleutel = deelnemer.lees_of_maak_sleutel(self.basis) if klas else os.urandom(32)
        self.register = deelnemer.Register(self.basis)
        self.deelnemers_url = os.environ.get(DEELNEMERS_URL_ENV_VAR, "")
        self.muur_verborgen: set[str] = set()
        self.muur_index = 0
        self.env = _env()

    def begeleider_cookie(self) -> str:
        return hmac.new(self.sleutel, b"begeleider:" + self.token.encode(), hashlib.sha256).hexdigest()


class KlasMixin:
    """Checks shared by every route. ``self`` is a tornado RequestHandler."""

    @property
    def klas(self) -> Klas:
        return self.settings["samenschool_klas"]

    def is_lokaal(self) -> bool:
        return self.request.remote_ip in LOKAAL

    def cookie_waarde(self, name: str) -> str | None:
        morsel = self.request.cookies.get(name)
        return morsel.value if morsel is not None else None

    def is_begeleider(self) -> bool:
        if not self.klas.klas:
            return self.is_lokaal()
        waarde = self.cookie_waarde(BEGELEIDER_COOKIE) or ""
        return bool(self.klas.token) and hmac.compare_digest(waarde.encode(), self.klas.begeleider_cookie().encode())

    def deelnemer(self) -> str | None:
        return deelnemer.controleer_cookie(self.klas.sleutel, self.cookie_waarde(deelnemer.COOKIE))

    def mag_kernel(self) -> bool:
        """Kernels, their websockets and shutdowns: this computer, the facilitator, or a
        participant with a valid id."""
        return not self.klas.klas or self.is_lokaal() or self.is_begeleider() or self.deelnemer() is not None

    def token_naar_cookie(self) -> bool:
        """``?token=…`` once: set the facilitator's cookie and load the address without the
        token (it is not left in the address bar on the projector). True when redirected."""
        token = self.get_query_argument("token", None)
        if token is None:
            return False
        if not (self.klas.token and hmac.compare_digest(token.encode(), self.klas.token.encode())):
            raise tornado.web.HTTPError(403, reason="begeleider")
        self.set_cookie(BEGELEIDER_COOKIE, self.klas.begeleider_cookie(), path="/", httponly=True,
                        samesite="Strict", expires_days=1)
        rest = {k: v[-1].decode() for k, v in self.request.query_arguments.items() if k != "token"}
        self.redirect(self.request.path + ("?" + urlencode(rest) if rest else ""))
        return True

    def toon_pagina(self, naam: str, status: int = 200, **ns) -> None:
        self.set_status(status)
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.finish(self.klas.env.get_template(naam).render(start=f"/voila/render/{START_PAGE}", **ns))

    def write_error(self, status_code: int, **kwargs) -> None:
        reason = getattr(kwargs.get("exc_info", (None, None))[1], "reason", None)
        if status_code == 403 and reason == "begeleider":
            self.toon_pagina("begeleider.html", 403)
        elif status_code == 404 or status_code == 403:
            self.toon_pagina("niet_gevonden.html", status_code)
        else:
            self.toon_pagina("fout.html", status_code)


def _met_checks(cls, prepare_check):
    """Voilà's handler class ``cls`` behind the kit's error pages and ``prepare_check``."""

    def prepare(self):
        if prepare_check is not None and not prepare_check(self):
            raise tornado.web.HTTPError(403)
        return cls.prepare(self)

    return type(f"Samenschool{cls.__name__}", (KlasMixin, cls), {"prepare": prepare})


def _alleen_kernels(handler) -> bool:
    return handler.mag_kernel()


def _alleen_lokaal(handler) -> bool:
    return handler.is_lokaal()  # the kernel asks for its request here; browsers never do


class NietGevonden(KlasMixin, tornado.web.RequestHandler):
    def prepare(self):
        raise tornado.web.HTTPError(404)


class NaarStart(KlasMixin, tornado.web.RequestHandler):
    def get(self):
        self.redirect(f"/voila/render/{START_PAGE}")


def maak_leerpagina_handler(base):
    """Voilà's page handler with the kit's rules in front (see module docstring)."""

    class Leerpagina(KlasMixin, base):
        async def get(self, path=None):
            path = (path or "").strip("/")
            notebook = self.klas.root / path
            if not LEERPAGINA.fullmatch(path) or not notebook.is_file():
                raise tornado.web.HTTPError(404)
            if self.token_naar_cookie():
                return
            if is_begeleider_notebook(notebook) and not self.is_begeleider():
                raise tornado.web.HTTPError(403, reason="begeleider")
            self.request.headers.pop(deelnemer.HEADER, None)  # only the server sets it
            if self.klas.klas and not self.is_lokaal() and not self.is_begeleider():
                if not self._deelnemer_kent():
                    return
            return await super().get(path)

        def _deelnemer_kent(self) -> bool:
            """A participant with a valid id: pass their number to the kernel. Otherwise set a
            new id and try once more; if the browser still has none, one clear page."""
            deelnemer_id = self.deelnemer()
            if deelnemer_id is not None:
                nummer = self.klas.register.schrijf_in(deelnemer_id)
                self.request.headers[deelnemer.HEADER] = str(nummer)
                return True
            if self.get_query_argument(COOKIE_PROEF, None) is not None:
                self.toon_pagina("geen_cookies.html", 403)
                return False
            self.set_cookie(deelnemer.COOKIE, deelnemer.nieuwe_cookie(self.klas.sleutel), path="/",
                            httponly=True, samesite="Strict", expires_days=365)
            rest = {k: v[-1].decode() for k, v in self.request.query_arguments.items()}
            rest[COOKIE_PROEF] = "1"
            self.redirect(self.request.path + "?" + urlencode(rest))
            return False

    return Leerpagina


class BegeleiderHandler(KlasMixin, tornado.web.RequestHandler):
    def prepare(self):
        if self.token_naar_cookie():
            return
        if not self.is_begeleider():
            raise tornado.web.HTTPError(403, reason="begeleider")


class ZaalHandler(BegeleiderHandler):
    """The projector view: the page itself (it fetches its content every two seconds)."""

    def get(self):
        from samenschool import zaal

        self.toon_pagina("zaal.html", deelnemers_url=self.klas.deelnemers_url,
                         qr_svg=zaal.qr_svg(self.klas.deelnemers_url) if self.klas.deelnemers_url else "",
                         inhoud=zaal.inhoud_html(self.klas), ververs_ms=2000)


class ZaalInhoudHandler(BegeleiderHandler):
    def get(self):
        from samenschool import zaal

        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.finish(zaal.inhoud_html(self.klas))


class ZaalMuurHandler(BegeleiderHandler):
    """The reflection wall: next, previous, hide one, show all again."""

    def post(self):
        from samenschool import zaal

        zaal.muur_actie(self.klas, self.get_body_argument("actie", ""), self.get_body_argument("id", ""))
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.finish(zaal.inhoud_html(self.klas))


class WerkboekenHandler(BegeleiderHandler):
    """Every participant's werkboek (HTML and Markdown), numbered by join order, as one zip."""

    def get(self):
        from samenschool import klas

        with tempfile.TemporaryDirectory(prefix="samenschool-werkboeken-") as tmp:
            paths = klas.export_deelnemers(self.klas.basis, tmp)
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
                for path in paths:
                    archive.write(path, Path(path).name)
        if not paths:
            self.toon_pagina("geen_werkboeken.html", 404)
            return
        self.set_header("Content-Type", "application/zip")
        self.set_header("Content-Disposition", 'attachment; filename="werkboeken-klas.zip"')
        self.set_header("Cache-Control", "no-store")
        self.finish(buffer.getvalue())


class SamenschoolVoila(Voila):
    """Voilà with the kit's routes (see the module docstring)."""

    name = "voila"  # Voilà's settings, config files and templates stay where they are
    klas = Bool(False, config=True, help="room mode: participants on other computers")
    deelnemers = Integer(0, config=True, help="room mode: preheated kernels per page of the session")
    paginas = List(Unicode(), config=True,
                   help="room mode: the pages a room opens together, in order, after the start page")

    def initialize(self, argv=None):
        super().initialize(argv)
        import logging

        for filter_ in logging.getLogger("Voila").filters:  # the kit's config quiets Voilà's logger
            self.log.addFilter(filter_)
        self.voila_configuration.http_header_envs = [deelnemer.HEADER]
        self.voila_configuration.file_allowlist = [BESTAND]
        self.voila_configuration.file_denylist = [r".*\.(ipynb|py)", r"exercises/bron/.*"]
        if self.klas and self.deelnemers > 0:
            self.voila_configuration.preheat_kernel = True
            # only the start page is warm at first; each next page warms once the room opens the one before
            pools = {"default": {"pool_size": 0}, START_PAGE: {"pool_size": self.deelnemers}}
            pools.update({pagina: {"pool_size": 0} for pagina in self.reeks()[1:]})
            self.config.VoilaKernelManager.kernel_pools_config = pools
            # refill a pool only once the joining wave has started its pages
            self.config.VoilaKernelManager.fill_delay = NABESTELLEN_NA_S

    def reeks(self) -> list[str]:
        """The start page, then the pages of the session (each once, only learner pages)."""
        reeks = [START_PAGE]
        for pagina in self.paginas:
            if LEERPAGINA.fullmatch(pagina) and pagina not in reeks and (Path(self.root_dir) / pagina).is_file():
                reeks.append(pagina)
        return reeks

    def init_settings(self):
        settings = super().init_settings()
        if self.voila_configuration.preheat_kernel:
            PoolReeks(settings["kernel_manager"], self.reeks(), self.deelnemers).koppel()
        settings["samenschool_klas"] = Klas(Path(self.root_dir), self.klas, os.environ.get(TOKEN_ENV_VAR, ""))
        settings["default_handler_class"] = NietGevonden
        return settings

    def init_handlers(self):
        from voila.tornado.contentshandler import VoilaContentsHandler
        from voila.tornado.handler import TornadoVoilaHandler
        from voila.tornado.treehandler import TornadoVoilaTreeHandler

        kept = []
        for spec in super().init_handlers():
            pattern, handler, *rest = spec
            if handler in (TornadoVoilaTreeHandler, VoilaContentsHandler):
                continue  # no listing of the checkout, no contents API
            if pattern.rstrip("/") in ("/login", "/logout"):
                continue
            if handler is TornadoVoilaHandler:
                kept.append((pattern, maak_leerpagina_handler(handler), *rest))
            elif "/voila/query/" in pattern:
                kept.append((pattern, _met_checks(handler, _alleen_lokaal), *rest))
            elif "/api/kernels/" in pattern or "/voila/api/shutdown/" in pattern:
                kept.append((pattern, _met_checks(handler, _alleen_kernels), *rest))
            else:
                kept.append((pattern, _met_checks(handler, None), *rest))
        eigen = [
            (r"/", NaarStart),
            (r"/zaal", ZaalHandler),
            (r"/zaal/inhoud", ZaalInhoudHandler),
            (r"/zaal/muur", ZaalMuurHandler),
            (r"/zaal/werkboeken\.zip", WerkboekenHandler),
        ]
        return eigen + kept



class PoolReeks:
    """Voilà's kernel pools for a room, page after page.

    The start page has ``deelnemers`` kernels ready, its page already run (see
    ``samenschool.widgets.plaatshouder``). When the room opens a page for the first time, the
    next page of the session starts to warm up (after :data:`VOLGENDE_NA_S`, once the joining
    wave is through), so it is ready when the room moves on. At most two pages' pools are full
    at once. A page the room has opened keeps only a few kernels ready for latecomers
    (:func:`pool_na_start`); a kernel that failed to start is never handed out."""

    def __init__(self, km, reeks: list[str], deelnemers: int):
        self.km, self.reeks, self.deelnemers = km, list(reeks), deelnemers
        self.geopend: set[str] = set()
        self._origineel = km.get_rendered_notebook
        self._origineel_grootte = km.get_pool_size

    def koppel(self) -> None:
        self.km.get_pool_size = self.get_pool_size
        self.km.get_rendered_notebook = self.get_rendered_notebook

    def _zonder_mislukte(self, notebook_name) -> None:
        pool = self.km._pools.get(notebook_name, [])
        for task in list(pool):
            if task.done() and (task.cancelled() or task.exception() is not None):
                pool.remove(task)

    def get_pool_size(self, notebook_name) -> int:
        self._zonder_mislukte(notebook_name)
        return self._origineel_grootte(notebook_name)

    def _zet_grootte(self, notebook_name: str, grootte: int) -> None:
        config = self.km.kernel_pools_config.get(notebook_name)
        if isinstance(config, dict):
            config["pool_size"] = grootte

    def eerst_geopend(self, notebook_name: str) -> None:
        """The room opens ``notebook_name``: keep a few kernels for latecomers, warm the next page."""
        if notebook_name in self.geopend or notebook_name not in self.reeks:
            return
        self.geopend.add(notebook_name)
        self._zet_grootte(notebook_name, pool_na_start(self.deelnemers))
        i = self.reeks.index(notebook_name)
        if i + 1 < len(self.reeks):
            volgende = self.reeks[i + 1]
            self._zet_grootte(volgende, self.deelnemers)
            self.km.fill_if_needed(delay=VOLGENDE_NA_S, notebook_name=volgende)

    async def get_rendered_notebook(self, notebook_name, *args, **kwargs):
        self.eerst_geopend(notebook_name)
        while True:
            try:
                return await self._origineel(notebook_name, *args, **kwargs)
            except Exception:
                # that pool kernel failed while starting: take the next one, if any
                if self.get_pool_size(notebook_name) == 0:
                    raise


NABESTELLEN_NA_S = 15.0  # a pool the room drew from is refilled after this long
VOLGENDE_NA_S = 20.0     # the next page of the session starts to warm up this long after the room opened one


def pool_na_start(deelnemers: int) -> int:
    """Kernels kept ready for latecomers once the room has opened a page."""
    return min(deelnemers, max(2, deelnemers // 5))


def main(argv: list[str] | None = None) -> None:
    SamenschoolVoila.launch_instance(argv if argv is not None else sys.argv[1:])


if __name__ == "__main__":
    main()
