"""Ready-made fixtures (``--fixtures NAME``, ``POST /_mock/scenarios/{name}``): one YAML file each."""
