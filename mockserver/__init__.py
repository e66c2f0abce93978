"""The reference mock server of the Aurous Characters API.

The plain-Python core (``domain/``, ``store``, ``clock``, ``ids``, ``ratelimit``, ``idempotency``) knows
nothing of HTTP; ``app.py`` wires it into a Connexion application.
"""
