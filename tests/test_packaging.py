"""setup.cfg declares every file kg reads at run time: each folder under kg/ is a package
setuptools finds and each data file is matched by package_data (a file left out is missing from
a wheel; an undeclared data folder is what made setuptools print ~300 warning lines)."""
from __future__ import annotations

import configparser
from fnmatch import fnmatch

from conftest import REPO
from setuptools import find_namespace_packages


def setup_cfg() -> configparser.ConfigParser:
    config = configparser.ConfigParser()
    config.read(REPO / "setup.cfg", encoding="utf-8")
    return config


def test_every_folder_under_kg_is_a_declared_package():
    find = setup_cfg()["options.packages.find"]
    found = set(find_namespace_packages(str(REPO), include=find["include"].replace(",", " ").split(),
                                        exclude=find["exclude"].split()))
    folders = {".".join(p.relative_to(REPO).parts) for p in (REPO / "kg").rglob("*")
               if p.is_dir() and p.name != "__pycache__"} | {"kg"}
    assert folders <= found, folders - found


def test_every_data_file_under_kg_is_declared_package_data():
    declared = {package: [g.strip() for g in globs.split(",")]
                for package, globs in setup_cfg()["options.package_data"].items()}
    data_files = [p for p in (REPO / "kg").rglob("*")
                  if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts]
    assert len(data_files) > 10
    for path in data_files:
        package = ".".join(path.parent.relative_to(REPO).parts)
        assert any(fnmatch(path.name, glob) for glob in declared.get(package, [])), path
