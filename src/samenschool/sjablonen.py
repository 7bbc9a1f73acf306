"""The kit's Jinja templates (``src/samenschool/templates``), from one place.

``html()``: documents people print or open (werkboek, plans, cards): autoescape on, tidy blocks.
``tekst()``: plain-text templates (the invitation letter's blocks, Markdown pages): no HTML
escaping, every variable must exist. Each environment is made once per process.
"""

from __future__ import annotations

from functools import lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape


@lru_cache(maxsize=1)
def html() -> Environment:
    return Environment(loader=PackageLoader("samenschool", "templates"),
                       autoescape=select_autoescape(["html", "j2"]), trim_blocks=True, lstrip_blocks=True)


@lru_cache(maxsize=1)
def tekst() -> Environment:
    return Environment(loader=PackageLoader("samenschool", "templates"), autoescape=False,
                       undefined=StrictUndefined, keep_trailing_newline=True)
