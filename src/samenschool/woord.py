"""A Word document laid out the way every document of the kit is: A4, the kit's margins,
Arial, Dutch (Belgium) as the language, headings in the kit's blue. python-docx underneath."""

from __future__ import annotations

KOP_KLEUR = (0x0B, 0x4F, 0x7A)


def a4_document(*, lettergrootte: int, koppen: dict[str, int], ruimte_na: int | None = None,
                ook_rechts_naar_links: bool = False):
    """A new python-docx Document. ``koppen``: style name -> point size (e.g. {"Title": 20}).
    ``ook_rechts_naar_links``: mark Arabic as the language of right-to-left text, so Word shapes it."""
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    word = Document()
    section = word.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.0)
    section.top_margin = section.bottom_margin = Cm(1.8)
    normal = word.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(lettergrootte)
    if ruimte_na is not None:
        normal.paragraph_format.space_after = Pt(ruimte_na)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "nl-BE")
    if ook_rechts_naar_links:
        lang.set(qn("w:bidi"), "ar-SA")
    normal.element.get_or_add_rPr().append(lang)
    for naam, grootte in koppen.items():
        style = word.styles[naam]
        style.font.name = "Arial"
        style.font.size = Pt(grootte)
        style.font.color.rgb = RGBColor(*KOP_KLEUR)
    word.core_properties.author = "Samen School Maken"
    word.core_properties.language = "nl-BE"
    return word
