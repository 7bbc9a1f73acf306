"""The facilitator guide (``facilitator_guide/*.md``) as readable HTML.

One renderer serves two places: the guide pages of the kit (``notebooks/gids.ipynb`` and,
for facilitators only, ``notebooks/gids_begeleider.ipynb``) and the guide handout of
``make handouts``. The Markdown files stay the one source; nothing is retyped.

Markdown is rendered with mistune (the renderer nbconvert itself uses). Links between guide
files become links inside the rendered pages; a link to a file that is not part of the
output loses its link and keeps its text, so no reader lands on a raw file or a 403.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Callable

from samenschool.paths import repo_root

GIDS_MAP = Path("facilitator_guide")

# Reading order of the guide: where to start, the session plans and their schedules, notes per
# module, the sensitive topics, then the technical part and the sources.
VOLGORDE = [
    "README.md",
    "sessie_lerarenopleiding.md", "tijdschema_lerarenopleiding.md",
    "sessie_schoolteam.md", "tijdschema_schoolteam.md",
    "sessie_zelfstudie.md", "tijdschema_zelfstudie.md",
    "per_module.md", "gevoelige_onderwerpen.md", "technisch.md", "bronnen.md",
]
# For facilitators only: how to grade, and the model answers (generated from exercises/bron/).
BEGELEIDER = ["rubrics.md", "modeloplossingen/*.md"]


@dataclass(frozen=True)
class Deel:
    """One Markdown file of the guide."""

    pad: str          # relative to facilitator_guide/, with forward slashes
    anker: str        # the HTML id of its section
    titel: str        # its first heading
    tekst: str        # the Markdown


def anker(pad: str) -> str:
    """HTML id for a guide file: ``modeloplossingen/01_x.md`` -> ``gids-modeloplossingen-01_x``."""
    stem = pad[:-3] if pad.endswith(".md") else pad.rstrip("/")
    return "gids-" + re.sub(r"[^A-Za-z0-9_-]+", "-", stem).strip("-").lower()


def _titel(tekst: str, pad: str) -> str:
    for line in tekst.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return pad


def _uitbreiden(patronen: list[str], root: Path) -> list[str]:
    folder = root / GIDS_MAP
    paden: list[str] = []
    for patroon in patronen:
        found = sorted(folder.glob(patroon)) if "*" in patroon else [folder / patroon]
        paden += [p.relative_to(folder).as_posix() for p in found if p.is_file()]
    return paden


def delen(soort: str = "gids", root: Path | None = None) -> list[Deel]:
    """The guide's files in reading order. ``soort``: ``gids`` (for everyone),
    ``begeleider`` (rubrics and model answers) or ``alles`` (both, guide first).

    Files in facilitator_guide/ that are in neither list come last in ``gids``, so a new
    file is never silently left out."""
    root = Path(root) if root is not None else repo_root()
    gids = _uitbreiden(VOLGORDE, root)
    begeleider = _uitbreiden(BEGELEIDER, root)
    rest = sorted(p.relative_to(root / GIDS_MAP).as_posix() for p in (root / GIDS_MAP).rglob("*.md")
                  if p.relative_to(root / GIDS_MAP).as_posix() not in set(gids) | set(begeleider))
    paden = {"gids": gids + rest, "begeleider": begeleider, "alles": gids + rest + begeleider}[soort]
    result = []
    for pad in paden:
        tekst = (root / GIDS_MAP / pad).read_text(encoding="utf-8")
        result.append(Deel(pad, anker(pad), _titel(tekst, pad), tekst))
    return result


def _normaliseer(base: str, url: str) -> str:
    """A relative URL inside facilitator_guide/ as a path relative to the repo root."""
    parts = [p for p in (base + "/" + url).split("/") if p not in ("", ".")]
    out: list[str] = []
    for part in parts:
        if part == "..":
            if out:
                out.pop()
        else:
            out.append(part)
    return "/".join(out) + ("/" if url.endswith("/") else "")


LinkDoel = Callable[[str, str], "str | None"]


def _renderer(link_doel: LinkDoel, bron_map: str):
    import mistune
    from mistune.renderers.html import HTMLRenderer

    class GidsRenderer(HTMLRenderer):
        """Links between guide files stay inside the rendered guide; headings get ids."""

        def link(self, text: str, url: str, title: str | None = None) -> str:
            if re.match(r"^[a-z][a-z0-9+.-]*:", url, re.I) or url.startswith("#"):
                return super().link(text, url, title)
            pad, _, fragment = url.partition("#")
            doel = link_doel(_normaliseer(bron_map, pad), fragment)
            if doel is None:
                return text  # a file the reader cannot open here: keep the words, drop the link
            return super().link(text, doel, title)

    return mistune.create_markdown(renderer=GidsRenderer(escape=False), plugins=["table", "strikethrough"])


def standaard_doel(ook_begeleider: bool, begeleider_href: str | None = None) -> LinkDoel:
    """Link targets for a rendering that holds the guide (and, with ``ook_begeleider``, the
    rubrics and model answers) on one page. ``begeleider_href``: the page that holds the
    facilitator part when this page does not (e.g. ``gids_begeleider.ipynb``)."""

    def doel(pad: str, fragment: str) -> str | None:
        if not pad.startswith(GIDS_MAP.as_posix() + "/") and pad != GIDS_MAP.as_posix():
            return None
        binnen = pad[len(GIDS_MAP.as_posix()) + 1:] if pad.startswith(GIDS_MAP.as_posix() + "/") else ""
        if binnen in ("", "README.md"):
            return "#" + anker("README.md")
        is_begeleider = binnen.startswith("modeloplossingen") or binnen == "rubrics.md"
        if binnen.endswith("/") or binnen == "modeloplossingen":
            target = "#gids-modeloplossingen"
        elif binnen.endswith(".md"):
            target = "#" + anker(binnen)
        else:
            return None
        if is_begeleider and not ook_begeleider:
            return (begeleider_href + target) if begeleider_href else None
        return target

    return doel


def html(soort: str = "gids", *, link_doel: LinkDoel | None = None, inhoud: bool = True,
         root: Path | None = None) -> str:
    """The guide (``soort`` as in :func:`delen`) as one HTML fragment: a table of contents,
    then every file as a section with its own id."""
    link_doel = link_doel or standaard_doel(ook_begeleider=soort in ("alles", "begeleider"))
    secties = []
    toc = []
    stukken = delen(soort, root)
    modeloplossingen_gezet = False
    for deel in stukken:
        map_ = (GIDS_MAP / deel.pad).parent.as_posix()
        md = _renderer(link_doel, map_)
        extra = ""
        if deel.pad.startswith("modeloplossingen/") and not modeloplossingen_gezet:
            extra = ' <span id="gids-modeloplossingen"></span>'
            modeloplossingen_gezet = True
        secties.append(f'<section class="ss-gids-deel" id="{deel.anker}">{extra}\n{md(deel.tekst)}</section>')
        toc.append(f'<li><a href="#{deel.anker}">{escape(deel.titel)}</a></li>')
    kop = (f'<nav class="ss-gids-inhoud" aria-label="Inhoud van de gids"><h2>Inhoud</h2><ol>{"".join(toc)}</ol></nav>'
           if inhoud else "")
    return f'<div class="ss-gids">{kop}\n' + "\n".join(secties) + "</div>"


# -- the guide pages of the kit (notebooks/gids.ipynb, notebooks/gids_begeleider.ipynb) ------------
GIDS_PAGINA = "gids.ipynb"
BEGELEIDER_PAGINA = "gids_begeleider.ipynb"


def pagina_html(soort: str = "gids", root: Path | None = None) -> str:
    """The guide as a page of the kit. ``gids``: everything a facilitator reads before a
    session, with a clearly labelled link to the facilitator-only page; ``begeleider``: the
    rubrics and model answers, on their own page (room mode shows it only with the
    facilitator's token)."""
    if soort == "gids":
        doel = standaard_doel(ook_begeleider=False, begeleider_href=BEGELEIDER_PAGINA)
        knop = (f'<p class="ss-voor-begeleiders"><a class="ss-download-knop" href="{BEGELEIDER_PAGINA}">'
                "Voor begeleiders: rubrics en modeloplossingen</a> "
                "<span>Niet voor deelnemers: hier staan de antwoorden van de oefeningen.</span></p>")
        return knop + html("gids", link_doel=doel, root=root)
    if soort == "begeleider":
        doel = standaard_doel(ook_begeleider=True)

        def naar_gids(pad: str, fragment: str) -> str | None:
            target = doel(pad, fragment)
            if target is None:
                return None
            binnen = pad.split("/", 1)[1] if "/" in pad else ""
            deel_van_deze_pagina = binnen.startswith("modeloplossingen") or binnen == "rubrics.md"
            return target if deel_van_deze_pagina else GIDS_PAGINA + target

        terug = f'<p><a href="{GIDS_PAGINA}">← Terug naar de gids</a></p>'
        return terug + html("begeleider", link_doel=naar_gids, root=root)
    raise ValueError(f"onbekende soort {soort!r}")


def toon(soort: str = "gids") -> None:
    """Show the guide on a page of the kit (one call in the notebook)."""
    from IPython.display import HTML, display

    display(HTML(pagina_html(soort)))
