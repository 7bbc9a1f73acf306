"""The ouder-vertelgesprek (module 04): a plan, its validation, four documents and a planner.

Submodules: ``model`` (Plan, validate), ``vragen`` (question bank), ``voorbeeld`` (an example
plan), ``documenten`` (HTML, DOCX, Markdown), ``planner`` (step-by-step widget).
Nothing runs on import.
"""
