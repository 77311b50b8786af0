"""Benchmarks: ``python -m bench`` (``make bench``) runs every ``bench_*.py`` module's ``main()``.

Each benchmark measures against a named peer side by side in the same run and prints the ratio;
absolute figures depend on the machine, ratios much less so.
"""
