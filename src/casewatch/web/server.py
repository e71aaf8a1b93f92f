"""Set up Django for casewatch (settings from the environment, migrations applied) and serve the app.

Two servers: waitress (the default; a production WSGI server, pure Python, on Linux and Windows alike, a fixed pool
of worker threads) and Django's own threaded server (``--server django``; one thread per request, kept for
comparison and debugging). docs/decisions/0013-waitress.md has the measured reason.
"""

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


SERVERS = ("waitress", "django")


def serve(db: str, host: str = "127.0.0.1", port: int = 8000, server: str = "waitress", threads: int = 16) -> None:
    """Serve the app, DEBUG off, no autoreloader; ``threads`` is waitress's pool of request threads. A daemon
    thread watches the analytics file and builds the reports after each load (web/report_jobs.py)."""
    os.environ["CASEWATCH_SERVER_THREADS"] = str(threads)  # read by settings: the Statement check's share
    if host in LOOPBACK:
        os.environ.setdefault("CASEWATCH_INSECURE_COOKIES", "1")  # plain http on loopback only
    else:
        hosts = os.environ.get("CASEWATCH_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
        os.environ["CASEWATCH_ALLOWED_HOSTS"] = f"{hosts},{host}"
    setup(db)
    # pandas imported here, before any thread: the report job imported it while a page's chart (altair takes
    # pandas from sys.modules once it is there) met it half-imported: a 500 on the first pages after a start
    import pandas  # noqa: F401
    from django.core.wsgi import get_wsgi_application

    from casewatch.web.report_jobs import watch

    watch()  # the reports, rebuilt in the background after each load (docs/report.md)

    app = get_wsgi_application()
    if server == "waitress":
        import waitress

        proxy = {}
        if os.environ.get("CASEWATCH_BEHIND_TLS_PROXY") == "1":  # believe X-Forwarded-Proto and -For from that proxy only
            proxy = {"trusted_proxy": os.environ.get("CASEWATCH_TRUSTED_PROXY", "127.0.0.1"),
                     "trusted_proxy_headers": {"x-forwarded-proto", "x-forwarded-for"}}
        waitress.serve(app, host=host, port=port, threads=threads, backlog=128, connection_limit=400,
                       channel_timeout=60, ident="casewatch", max_request_body_size=32 * 1024 * 1024,
                       _quiet=True, **proxy)
        return
    from django.core.servers.basehttp import WSGIServer, run

    WSGIServer.request_queue_size = 128  # Django's 10 resets connections when many people sign in at once
    run(host, port, app, ipv6=":" in host, threading=True)
