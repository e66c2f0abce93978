"""The /_mock control API: its own OpenAPI document (control.yaml), thin routes, and one facade."""
