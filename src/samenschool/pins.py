"""Read the kit's dependency pins (requirements.lock) and direct dependencies (pyproject.toml)."""

from __future__ import annotations

import re

from packaging.markers import Marker
from packaging.requirements import Requirement

from samenschool.paths import repo_root

try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]


def _canon(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def direct_requirements() -> list[str]:
    """Direct dependencies (runtime + test extra) from pyproject.toml, canonical names, in order."""
    project = tomllib.loads((repo_root() / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    reqs = project["dependencies"] + project["optional-dependencies"]["test"]
    return [_canon(Requirement(r).name) for r in reqs]


def locked_versions(python: str = "3.11") -> dict[str, str]:
    """Pinned version per package in requirements.lock for the given Python version."""
    env = {"python_version": python, "python_full_version": f"{python}.0",
           "sys_platform": "linux", "platform_system": "Linux", "os_name": "posix",
           "implementation_name": "cpython", "platform_python_implementation": "CPython",
           "platform_machine": "x86_64"}
    pins: dict[str, str] = {}
    for raw in (repo_root() / "requirements.lock").read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        spec, _, marker = line.partition(";")
        if marker.strip() and not Marker(marker.strip()).evaluate(env):
            continue
        name, _, version = spec.strip().partition("==")
        pins[_canon(name)] = version.strip()
    return pins
