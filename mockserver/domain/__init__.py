"""The rules of the Characters API as plain Python.

Standard library only: no connexion, starlette, HTTP or JSON. ``model`` holds the rows, ``errors`` the
error tree, ``lifecycle`` the transition table and pure rules, ``service`` the per-team facade.
"""
