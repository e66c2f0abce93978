"""HTTP handlers, one per operation of ``openapi.yaml`` (``mockserver/handlers.py`` maps operationIds to them).

Each handler is three lines at most: read the request context, call the domain service, return the
public representation. Handlers never test a status: the domain raises, ``envelope`` renders.
They are ``async`` so that they run on the event loop, in the request's context (no thread hop).
"""
