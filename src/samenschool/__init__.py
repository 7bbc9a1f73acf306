"""Samen School Maken: workshop- en vormingskit over partnerschap tussen ouders in armoede en school.

Importing this package has no side effects: nothing is loaded, drawn or written until a
function is called.
"""

__version__ = "0.1.0"
