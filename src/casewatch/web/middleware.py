"""Security headers on every response, and the permission check on every view (from permissions.RULES); a demo
account's session ends as soon as the served database is not a synthetic council."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from casewatch.web.permissions import ANONYMOUS, allowed
from casewatch.web.principal import principal

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", CSP)
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        if not request.path.startswith(settings.STATIC_URL):
            response.setdefault("Cache-Control", "no-store")
        return response


class PermissionMiddleware:
    """Deny by default: a view runs only if its URL name has a rule in RULES that lists the visitor's role."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        from casewatch.web.users import demo_refused

        if request.user.is_authenticated and demo_refused(request.user):
            logout(request)
            return redirect_to_login(request.get_full_path())
        match = request.resolver_match
        who = principal(request)
        if allowed(match.url_name if match else None, who.role):
            return None
        if who.role == ANONYMOUS:
            return redirect_to_login(request.get_full_path())
        raise PermissionDenied


class DataErrorMiddleware:
    """The analytics database missing or unusable: a plain 503 page, not a traceback."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        from django.shortcuts import render

        from casewatch.measures.run import IndicatorError
        from casewatch.web.source import NoData

        if isinstance(exception, NoData | IndicatorError):
            return render(request, "casewatch/no_data.html", {"reason": str(exception)}, status=503)
        return None
