"""Real processes the tests and the benchmarks both start: a free port, a ``redis-server``.

Neither shipped (not in the wheel) nor part of ``tests/``: ``bench/`` never imports ``tests`` (checked by
``tests/test_architecture.py``), so what both need lives here, as the mutant servers live in ``mutants/``.
"""
