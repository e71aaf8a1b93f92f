"""Set up Django for casewatch (settings from the environment, migrations applied) and serve the app."""

from __future__ import annotations

import os
from pathlib import Path

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def setup(db: str | None = None, web_db: str | None = None) -> None:
    """Configure Django from the environment (``db``/``web_db`` override it) and bring the app DB up to date."""
    if db is not None:
        os.environ["CASEWATCH_DB"] = str(Path(db).resolve())
    if web_db is not None:
        os.environ["CASEWATCH_WEB_DB"] = str(Path(web_db).resolve())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "casewatch.web.settings")
    import django
    from django.conf import settings
    from django.core.management import call_command

    if not settings.configured or not _apps_ready():
        django.setup()
    elif db is not None:
        settings.CASEWATCH_DB = os.environ["CASEWATCH_DB"]
    call_command("migrate", verbosity=0, interactive=False)


def _apps_ready() -> bool:
    from django.apps import apps

    return apps.ready


def serve(db: str, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Django's threaded WSGI server, DEBUG off, no autoreloader."""
    if host in LOOPBACK:
        os.environ.setdefault("CASEWATCH_INSECURE_COOKIES", "1")  # plain http on loopback only
    else:
        hosts = os.environ.get("CASEWATCH_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
        os.environ["CASEWATCH_ALLOWED_HOSTS"] = f"{hosts},{host}"
    setup(db)
    from django.core.servers.basehttp import WSGIServer, run
    from django.core.wsgi import get_wsgi_application

    WSGIServer.request_queue_size = 128  # Django's 10 resets connections when many people sign in at once

    run(host, port, get_wsgi_application(), ipv6=":" in host, threading=True)
