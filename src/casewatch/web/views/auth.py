"""Sign in (Django's login view: Argon2 hashes; the limits of web/throttle.py: waits per address and per account,
never a lockout; a demo account only on a synthetic council) and sign out (POST only)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import logout as end_session
from django.contrib.auth.views import LoginView
from django.shortcuts import redirect, render, resolve_url
from django.views.decorators.http import require_http_methods

from casewatch.web import throttle
from casewatch.web.permissions import LANDING, allowed
from casewatch.web.users import DEMO_REFUSED, demo_refused


class Login(LoginView):
    template_name = "casewatch/login.html"
    attempt = None

    def post(self, request, *args, **kwargs):
        """Check the limits before the password: a refused attempt gets a page saying how long to wait (429 with
        Retry-After) and its password is never checked. An empty field is left to the form to point out."""
        username, password = request.POST.get("username", ""), request.POST.get("password", "")
        if throttle.account_name(username) and password:
            refusal, self.attempt = throttle.begin(request, username)
            if refusal is not None:
                return wait_page(request, refusal)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        if self.attempt is not None:
            throttle.failed(self.request, self.attempt)
        return super().form_invalid(form)

    def form_valid(self, form):
        """The password was right (the account's failures are forgotten); a demo account (published password) is
        still refused unless the served database is a synthetic council."""
        if self.attempt is not None:
            throttle.succeeded(self.attempt)
        if demo_refused(form.get_user()):
            form.add_error(None, DEMO_REFUSED)
            return self.render_to_response(self.get_context_data(form=form, demo_refused=DEMO_REFUSED))
        return super().form_valid(form)

    def get_default_redirect_url(self):
        """Where a role lands when no ?next= was asked for (permissions.LANDING): a social worker on My caseload,
        a team manager on This week, everyone else on the overview (settings.LOGIN_REDIRECT_URL)."""
        return resolve_url(landing(self.request.user))


def wait_page(request, refusal: throttle.Refusal):
    response = render(request, "casewatch/locked.html", {"refusal": refusal}, status=429)
    response["Retry-After"] = str(refusal.seconds)
    return response


def landing(user) -> str:
    profile = getattr(user, "casewatch", None)
    name = LANDING.get(profile.role if profile is not None else "", "")
    return name if name and allowed(name, profile.role) else settings.LOGIN_REDIRECT_URL


@require_http_methods(["GET", "POST"])
def logout(request):
    if request.method == "POST":
        end_session(request)
        return redirect("login")
    return render(request, "casewatch/logout.html")
