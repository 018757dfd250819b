"""The public API: every name in ``generator.__all__`` is what it says, however the modules load."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys
import types

import generator


def test_no_public_name_is_shadowed_by_a_module_of_the_same_name():
    # importing generator.X binds the module X to the package: a public function named X would
    # then be the module for whoever imported it second
    modules = {m.name for m in pkgutil.iter_modules(generator.__path__)}
    assert set(generator.__all__) & modules <= {"deadlines"}


def test_every_public_name_is_an_object_after_every_module_has_loaded():
    # a fresh process, so that the modules load in an order no earlier test chose
    code = ("import importlib, pkgutil, types, generator\n"
            "for m in pkgutil.walk_packages(generator.__path__, 'generator.'):\n"
            "    if not m.name.endswith('__main__') and '.migrations' not in m.name:\n"
            "        importlib.import_module(m.name)\n"
            "bad = [n for n in generator.__all__ if isinstance(getattr(generator, n), types.ModuleType)]\n"
            "print(bad)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
    assert not isinstance(importlib.import_module("generator").deadlines, types.ModuleType)
