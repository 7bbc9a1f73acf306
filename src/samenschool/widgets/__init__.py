"""Interactive pieces of the kit. Each module holds a pure-Python model (state in, state out)
and a thin ipywidgets view. Import from the submodules; nothing happens on import."""
