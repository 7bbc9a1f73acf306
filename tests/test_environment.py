"""The kit tested in CI is the kit on workshop day: pins, conda file and the venv agree."""

import sys
from importlib import metadata
from importlib.util import find_spec

import yaml

from samenschool.pins import direct_requirements, locked_versions
from samenschool.paths import repo_root


def _env_pins() -> dict[str, str]:
    env = yaml.safe_load((repo_root() / "environment.yml").read_text(encoding="utf-8"))
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict) and "pip" in d)
    return dict(line.split("==", 1) for line in pip_section)


def test_environment_yml_lists_every_direct_dependency_with_the_lock_pin():
    pins = locked_versions("3.11")
    env_pins = _env_pins()
    assert sorted(env_pins) == sorted(direct_requirements())
    drift = {name: (env_pins[name], pins.get(name)) for name in env_pins if env_pins[name] != pins.get(name)}
    assert drift == {}, f"environment.yml wijkt af van requirements.lock: {drift} (draai tools/sync_environment_yml.py)"


def test_every_direct_dependency_is_pinned_for_python_310_and_311():
    for python in ("3.10", "3.11"):
        pins = locked_versions(python)
        missing = [name for name in direct_requirements() if name not in pins]
        assert missing == [], f"niet vastgepind voor Python {python}: {missing}"


def test_installed_versions_match_the_lock():
    pins = locked_versions(f"{sys.version_info.major}.{sys.version_info.minor}")
    wrong = {}
    for name in direct_requirements():
        installed = metadata.version(name)
        if installed != pins[name]:
            wrong[name] = (installed, pins[name])
    assert wrong == {}, f"geïnstalleerd ≠ requirements.lock: {wrong} (draai make setup)"


def test_slow_import_package_is_removed_from_the_kit_environment():
    # rfc3987-syntax costs ~3 s on every Jupyter start (TECH-NOTES); make setup removes it.
    assert find_spec("rfc3987_syntax") is None
