"""The analysts' workbench: web pages and the REST API (`leian serve`), on the CLI's store and functions."""
from pipelines.web.app import create_app

__all__ = ["create_app"]
