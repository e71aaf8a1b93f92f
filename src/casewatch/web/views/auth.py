"""Sign in (Django's login view: Argon2 hashes, django-axes throttling) and sign out (POST only)."""

from __future__ import annotations

from django.contrib.auth import logout as end_session
from django.contrib.auth.views import LoginView
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods


class Login(LoginView):
    template_name = "casewatch/login.html"


@require_http_methods(["GET", "POST"])
def logout(request):
    if request.method == "POST":
        end_session(request)
        return redirect("login")
    return render(request, "casewatch/logout.html")
