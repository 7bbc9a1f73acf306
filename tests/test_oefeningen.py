"""The exercise generator: one source with the model answer, generated learner versions."""

from __future__ import annotations

import shutil

import nbformat
import pytest

from samenschool import cli, oefeningen
from samenschool.errors import SamenschoolError
from samenschool.paths import repo_root


def _copy_kit(tmp_path):
    """A minimal copy of the kit: exercise sources and generated files."""
    root = tmp_path / "kit"
    shutil.copytree(repo_root() / "exercises", root / "exercises")
    (root / "facilitator_guide").mkdir()
    shutil.copytree(repo_root() / "facilitator_guide" / "modeloplossingen",
                    root / "facilitator_guide" / "modeloplossingen")
    return root


def test_committed_generated_files_are_up_to_date():
    assert oefeningen.bronnen(), "geen bronnen in exercises/bron/"
    assert oefeningen.controleer() == [], "draai: samenschool oefeningen maak"


def test_generation_is_deterministic(tmp_path):
    first = {d.pad.name: d.inhoud for d in oefeningen.doelen()}
    second = {d.pad.name: d.inhoud for d in oefeningen.doelen()}
    assert first == second
    root = _copy_kit(tmp_path)
    for path in (root / "exercises").glob("*.ipynb"):
        path.unlink()
    assert len(oefeningen.maak(root)) == len(oefeningen.bronnen(root))  # only the learner versions
    assert oefeningen.maak(root) == []  # second run: nothing changes
    for doel in oefeningen.doelen():
        assert (root / doel.pad.relative_to(repo_root())).read_text(encoding="utf-8") == doel.inhoud


def test_learner_version_has_no_solutions():
    for bron in oefeningen.bronnen():
        src = nbformat.read(bron, as_version=4)
        learner = nbformat.read(repo_root() / "exercises" / bron.name, as_version=4)
        model = (repo_root() / "facilitator_guide" / "modeloplossingen" / f"{bron.stem}.md").read_text(encoding="utf-8")
        solutions = [c.source for c in src.cells if "oplossing" in c.metadata.get("tags", [])]
        assert solutions
        text = "\n".join(c.source for c in learner.cells)
        for solution in solutions:
            assert solution.strip() not in text
            assert solution.strip() in model
        boxes = [c for c in learner.cells if c.source.startswith("pagina.reflectie(")]
        assert len(boxes) == len(solutions)
        eerste = next(c for c in learner.cells if c.cell_type == "code")
        assert f'open_module("oefening_{bron.stem}")' in eerste.source
        # every question is a declared activity (key and minutes from the solution cell's metadata)
        meta = learner.metadata["samenschool"]
        gedeclareerd = {a["sleutel"]: a for a in meta["activiteiten"]}
        for cell in (c for c in src.cells if "oplossing" in c.metadata.get("tags", [])):
            vraag = cell.metadata["samenschool"]
            assert gedeclareerd[vraag["sleutel"]]["minuten"] == vraag["minuten"]
            assert any(f'pagina.reflectie("{vraag["sleutel"]}", ' in c.source for c in boxes)
        assert meta["werkmap_module"] == f"oefening_{bron.stem}"
        assert all(c.metadata["tags"] == ["hide-input"] and c.outputs == [] for c in learner.cells
                   if c.cell_type == "code")
        assert learner.metadata["samenschool"]["gegenereerd_uit"] == f"exercises/bron/{bron.name}"


def test_quotes_written_out_from_the_dataset():
    from samenschool import data

    model = (repo_root() / "facilitator_guide" / "modeloplossingen" / "01_casusanalyse.md").read_text(encoding="utf-8")
    tekst = data.citaten().set_index("id").loc["C014", "tekst"]
    assert f"> “{tekst}”" in model


def test_stale_detection(tmp_path, capsys):
    root = _copy_kit(tmp_path)
    assert oefeningen.controleer(root) == []
    assert cli.main(["oefeningen", "controleer", "--map", str(root)]) == 0
    bron = root / "exercises" / "bron" / "01_casusanalyse.ipynb"
    nb = nbformat.read(bron, as_version=4)
    next(c for c in nb.cells if "oplossing" in c.metadata.get("tags", [])).source += "\n\nEen extra zin."
    nbformat.write(nb, bron)
    problems = oefeningen.controleer(root)
    assert problems == ["facilitator_guide/modeloplossingen/01_casusanalyse.md is verouderd of met de hand "
                        "aangepast (bron: exercises/bron/01_casusanalyse.ipynb)."]
    assert cli.main(["oefeningen", "controleer", "--map", str(root)]) == 1
    assert "Niet up-to-date" in capsys.readouterr().out
    # a hand edit of a learner version is caught too; a missing one as well
    learner = root / "exercises" / "03_perspectiefwissel.ipynb"
    learner.write_text(learner.read_text(encoding="utf-8").replace("Tijd", "Duur"), encoding="utf-8")
    (root / "exercises" / "01_casusanalyse.ipynb").unlink()
    problems = oefeningen.controleer(root)
    assert any("03_perspectiefwissel.ipynb is verouderd" in p for p in problems)
    assert any("01_casusanalyse.ipynb ontbreekt" in p for p in problems)
    assert cli.main(["oefeningen", "maak", "--map", str(root)]) == 0
    assert oefeningen.controleer(root) == []


def test_orphan_and_bad_sources(tmp_path):
    root = _copy_kit(tmp_path)
    shutil.copy(root / "exercises" / "01_casusanalyse.ipynb", root / "exercises" / "09_weg.ipynb")
    assert any("09_weg.ipynb heeft geen bron" in p for p in oefeningen.controleer(root))
    opener = 'from samenschool.widgets.module import open_module\npagina = open_module("oefening_99_test")'
    vraag = nbformat.v4.new_markdown_cell("### Vraag 1\nWat zie je?")
    oplossing = {"tags": ["oplossing"], "samenschool": {"sleutel": "zien", "minuten": 5}}
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(opener), vraag,
                                         nbformat.v4.new_markdown_cell("Antwoord", metadata={"tags": ["oplossing"]})])
    with pytest.raises(SamenschoolError, match="minuten"):  # a question without its minutes
        oefeningen.leerlingversie(nb, "99_test")
    nb.cells[2] = nbformat.v4.new_markdown_cell("Antwoord", metadata=oplossing)
    assert oefeningen.leerlingversie(nb, "99_test").metadata["samenschool"]["activiteiten"] == [
        {"sleutel": "zien", "titel": "Vraag 1", "minuten": 5, "soort": "reflectie"}]
    nb.cells[0] = nbformat.v4.new_code_cell("from samenschool import pagina")
    with pytest.raises(SamenschoolError, match="open_module"):  # the first code cell opens the exercise
        oefeningen.leerlingversie(nb, "99_test")
    nb.cells[0] = nbformat.v4.new_code_cell(opener)
    nb.cells[1] = nbformat.v4.new_code_cell("1")
    with pytest.raises(SamenschoolError, match="Markdown-cel met de vraag"):
        oefeningen.leerlingversie(nb, "99_test")
    nb.cells[1] = vraag
    nb.cells[2] = nbformat.v4.new_code_cell("1", metadata=oplossing)
    with pytest.raises(SamenschoolError, match="geen Markdown"):
        oefeningen.leerlingversie(nb, "99_test")


def test_the_start_page_links_every_exercise():
    import json

    from samenschool.paths import repo_root

    from samenschool import pagina

    root = repo_root()
    start = json.loads((root / "notebooks" / "00_start.ipynb").read_text(encoding="utf-8"))
    code = "\n".join("".join(c["source"]) for c in start["cells"] if c["cell_type"] == "code")
    assert "pagina.alle_oefeningen()" in code  # the start page shows the list below
    text = pagina.oefeningen_html()
    for path in sorted((root / "exercises").glob("[0-9][0-9]_*.ipynb")):
        assert f'href="../exercises/{path.name}"' in text, path.name
