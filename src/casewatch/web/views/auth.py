"""Sign in (Django's login view: Argon2 hashes, django-axes throttling; a demo account only on a synthetic
council) and sign out (POST only)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import logout as end_session
from django.contrib.auth.views import LoginView
from django.shortcuts import redirect, render, resolve_url
from django.views.decorators.http import require_http_methods

from casewatch.web.permissions import LANDING, allowed
from casewatch.web.users import DEMO_REFUSED, demo_refused


class Login(LoginView):
    template_name = "casewatch/login.html"

    def form_valid(self, form):
        """The password was right; a demo account (published password) is still refused unless the served
        database is a synthetic council."""
        if demo_refused(form.get_user()):
            form.add_error(None, DEMO_REFUSED)
            return self.render_to_response(self.get_context_data(form=form, demo_refused=DEMO_REFUSED))
        return super().form_valid(form)

    def get_default_redirect_url(self):
        """Where a role lands when no ?next= was asked for (permissions.LANDING): a social worker on My caseload,
        a team manager on This week, everyone else on the overview (settings.LOGIN_REDIRECT_URL)."""
        return resolve_url(landing(self.request.user))


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
