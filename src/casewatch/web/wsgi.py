"""WSGI entry point (``casewatch serve`` uses it; so can any WSGI server)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "casewatch.web.settings")
application = get_wsgi_application()
