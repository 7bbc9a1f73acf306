"""Handouts (`make handouts`): built from a clean checkout, no code anywhere, every link
resolves, every quote verbatim with its source, one handout per module and exercise."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from samenschool import data, handouts
from samenschool.paths import repo_root

CODE_MARKERS = ("jp-CodeCell", "jp-InputArea-editor", "jp-OutputArea", "highlight-ipynb", "<script",
                "import ", "samenschool.", "toon(", "toon_citaat", "open_module", "In&nbsp;[",
                "Traceback", "application/vnd.jupyter")


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        for key in ("href", "src"):
            if attrs.get(key) and not (tag == "link" and key == "href" and attrs.get("rel") == "icon"):
                self.links.append(attrs[key])


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def clean_build(tmp_path_factory) -> Path:
    """`samenschool handouts` run on a fresh clone of the committed checkout (no build
    products, no werkmap, no kernel): what a lector gets after `git clone`."""
    root = repo_root()
    if not (root / ".git").exists() or shutil.which("git") is None:
        pytest.fail("De handouttest heeft een git-checkout nodig (git clone).", pytrace=False)
    clone = tmp_path_factory.mktemp("clone") / "kit"
    subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(root), str(clone)], check=True)
    out = tmp_path_factory.mktemp("handouts")
    env = {**os.environ, "SAMENSCHOOL_ROOT": str(clone)}
    env.pop("SAMENSCHOOL_DATASETS", None)
    result = subprocess.run([sys.executable, "-m", "samenschool.cli", "handouts", "--uit", str(out)],
                            env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and "Warning" not in result.stderr, result.stderr
    return out


def _html_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.html"))


def test_one_handout_per_module_and_exercise_plus_cards_guide_and_index(clean_build):
    root = repo_root()
    expected = {f"notebooks/{p.stem}.html" for p in (root / "notebooks").glob("[0-9][0-9]_*.ipynb")}
    expected |= {f"exercises/{p.stem}.html" for p in (root / "exercises").glob("[0-9][0-9]_*.ipynb")}
    expected |= {"index.html", "citaatkaarten.html", "scenariokaarten.html", "gids.html"}
    found = {p.relative_to(clean_build).as_posix() for p in _html_files(clean_build)}
    assert found == expected
    index = (clean_build / "index.html").read_text(encoding="utf-8")
    for name in expected - {"index.html"}:
        assert f'href="{name}"' in index, f"index mist {name}"


def test_no_code_no_python_output_no_script(clean_build):
    for path in _html_files(clean_build):
        # the page itself, without its inlined stylesheet (which names widget classes)
        html = re.sub(r"<style.*?</style>", "", path.read_text(encoding="utf-8"), flags=re.S)
        rel = path.relative_to(clean_build).as_posix()
        markers = CODE_MARKERS if rel != "gids.html" else ("jp-CodeCell", "jp-OutputArea", "<script", "Traceback")
        found = [m for m in markers if m in html]
        assert found == [], f"{rel} bevat code: {found}"
        if rel.startswith(("notebooks/", "exercises/")):
            assert "<pre" not in html and "<code" not in html, f"{rel} bevat een codeblok"


def test_every_link_and_anchor_resolves(clean_build):
    broken = []
    for path in _html_files(clean_build):
        for link in _parse(path).links:
            url = urlparse(link)
            if url.scheme in ("http", "https", "mailto") or link.startswith("data:"):
                continue
            assert not url.scheme, f"{path.name}: onverwachte link {link}"
            target = (path.parent / unquote(url.path)).resolve() if url.path else path
            if not target.is_file() or not target.is_relative_to(clean_build.resolve()):
                broken.append(f"{path.relative_to(clean_build)} → {link}")
                continue
            if url.fragment and url.fragment not in _parse(target).ids:
                broken.append(f"{path.relative_to(clean_build)} → {link} (anker ontbreekt)")
    assert broken == [], broken


def test_modules_keep_their_text_quotes_and_questions(clean_build):
    h03 = (clean_build / "notebooks" / "03_drempels.html").read_text(encoding="utf-8")
    assert "<h1" in h03 and "Drempels" in h03
    assert 'data-citaat="C071"' in h03                              # a quote shown by code, now printed
    assert "Welke drempel wil jij (of je team) als eerste verlagen?" in h03  # a question, with lines
    assert h03.count('class="ss-lijn"') >= 6
    ex01 = (clean_build / "exercises" / "01_casusanalyse.html").read_text(encoding="utf-8")
    assert ex01.count('class="ss-schrijfvak"') == 4
    # each question once: the exercise's Markdown holds it, the box above the lines only its label
    assert ex01.count("Welke drempels zie je? Denk aan de drempels van de ouder") == 1
    # the exercise handout is the learner version: no model answer in it
    assert "Een goed antwoord noemt minstens betaalbaarheid" not in ex01
    # links between pages point at the handouts, not at notebooks
    start = (clean_build / "notebooks" / "00_start.html").read_text(encoding="utf-8")
    assert 'href="01_gelijke_kansen.html"' in start and ".ipynb" not in start


def test_quote_cards_hold_every_quote_verbatim_with_its_source(clean_build):
    html = (clean_build / "citaatkaarten.html").read_text(encoding="utf-8")
    citaten = data.citaten()
    assert html.count('<article class="ss-a6') == len(citaten)
    for _, rij in citaten.iterrows():
        assert f"“{escape(rij['tekst'], quote=False)}”" in html.replace("&#34;", '"').replace("&#39;", "'"), rij["id"]
    assert html.count("Bron: Recht-Op vzw") == len(citaten)
    assert "size: A4" in html and "105mm" in html and "148.5mm" in html   # A6 on A4


def test_scenario_cards_have_the_question_and_the_reports_reading(clean_build):
    from samenschool.widgets import scenario

    html = (clean_build / "scenariokaarten.html").read_text(encoding="utf-8")
    n = html.count('<article class="ss-a6')
    assert n >= 20
    assert html.count(escape(scenario.STANDAARD_VRAAG, quote=False).replace("'", "&#39;")) == n
    assert html.count("Thema of drempel in het rapport:") == n
    assert html.count("Bron: Recht-Op vzw") == n


def test_guide_is_one_document_with_every_guide_file(clean_build):
    html = (clean_build / "gids.html").read_text(encoding="utf-8")
    for md in sorted((repo_root() / "facilitator_guide").rglob("*.md")):
        rel = md.relative_to(repo_root() / "facilitator_guide").as_posix()
        from samenschool import handleiding

        assert f'id="{handleiding.anker(rel)}"' in html, rel
    assert "<table>" in html            # Markdown tables rendered, not raw
    assert "](" not in html             # no raw Markdown links left


# -- the parts, without building -----------------------------------------------------------------
def test_calls_are_read_from_the_page_object():
    calls = handouts.oproepen('pagina.reflectie("reflectie", "Wat doe je morgen?", hulptekst="Geen namen.")\n'
                              'pagina.citaat("C005", "C006")\npagina.impact(zonder=["C053"])\n'
                              'pagina.scenario("impact", ["C053", "C056"], vraag="Wie wint er iets bij?")')
    assert (calls[0].sleutel, calls[0].vraag, calls[0].hulptekst) == ("reflectie", "Wat doe je morgen?", "Geen namen.")
    assert calls[1].citaten == ["C005", "C006"] and calls[1].sleutel is None
    assert calls[2].citaten == []                       # quotes left out are not printed
    assert calls[3].citaten == ["C053", "C056"] and calls[3].vraag == "Wie wint er iets bij?"


def test_code_cells_become_printable_html_with_escaped_text():
    html = handouts.cel_html('pagina.reflectie("k", "Is <b> veilig & goed?")', "00_start", {"k"})
    assert "Is &lt;b&gt; veilig &amp; goed?" in html and "<b>" not in html
    assert handouts.cel_html('from samenschool.widgets.module import open_module\n\npagina = open_module("x")', "x") == ""
    assert handouts.cel_html("pagina.navigatie()", "00_start") == ""
    assert handouts.OP_HET_SCHERM in handouts.cel_html('pagina.teamkaart("teamkaart")', "03_drempels", {"teamkaart"})
    # a barrier with its quotes is not an activity: quotes only, no writing lines, no note
    drempel = handouts.cel_html('pagina.drempel("taal", "C090", "C091")', "03_drempels", {"teamkaart"})
    assert drempel.count('class="ss-citaat"') == 2 and "ss-schrijfvak" not in drempel and handouts.OP_HET_SCHERM not in drempel


def test_links_without_a_handout_keep_their_words():
    md = "Zie [de data](../datasets/README.md) en [module 1](01_gelijke_kansen.ipynb) en [web](https://x.be)."
    out = handouts.herschrijf_links(md, "notebooks/00_start.ipynb", "notebooks/00_start.html",
                                    bestaat=lambda p: p == "notebooks/01_gelijke_kansen.html")
    assert out == "Zie de data en [module 1](01_gelijke_kansen.html) en [web](https://x.be)."


def test_route_overview_links_its_schedule_in_the_guide_page():
    """The start page's route overview names "het tijdschema in de gids": it is a link to that
    schedule's section on the guide page, and the section exists there."""
    from samenschool import handleiding
    from samenschool.widgets import route

    gids = handleiding.pagina_html("gids")
    getest = 0
    for r in route.routes():
        if not r.beschikbaar_min or r.alleen:  # alone: no schedule sentence
            continue
        anker = handleiding.anker(f"tijdschema_{r.id}.md")
        assert f'href="gids.ipynb#{anker}"' in route.route_html(r)
        assert f'id="{anker}"' in gids
        getest += 1
    assert getest >= 2
