"""Django settings for the casewatch dashboard, built from environment variables (no settings file to edit).

- ``CASEWATCH_DB``: the analytics DuckDB file (opened read-only, never written);
- ``CASEWATCH_WEB_DB``: the app's own SQLite file (users, roles, sessions, audit log), default ``var/web.sqlite3``;
  its folder also holds the generated signing key and the report cache, whichever database the app uses;
- ``CASEWATCH_SECRET_KEY``: the signing key; without it a random key is made once and kept beside the app DB
  (mode 0600);
- ``CASEWATCH_INSECURE_COOKIES=1``: cookies without ``Secure``, for plain http on the loopback interface only;
- ``CASEWATCH_BEHIND_TLS_PROXY=1``: trust ``X-Forwarded-Proto: https`` from a TLS-terminating proxy;
- ``CASEWATCH_TRUSTED_PROXIES``: comma-separated proxy addresses or networks whose ``X-Forwarded-For`` gives the
  client address for the sign-in limits (default: none, the connecting address counts; with
  ``CASEWATCH_BEHIND_TLS_PROXY=1``, the ``CASEWATCH_TRUSTED_PROXY`` address);
- ``CASEWATCH_ALLOWED_HOSTS``: comma-separated host names (default: loopback names);
- ``CASEWATCH_COUNCIL``, ``CASEWATCH_STANDARDS``: the council in a regional database, the local standards file;
- ``DATABASE_URL``: ``postgresql://user:password@host:port/name``: the app database in PostgreSQL instead.
"""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

HERE = Path(__file__).resolve().parent
WEB_DB = Path(os.environ.get("CASEWATCH_WEB_DB", "var/web.sqlite3")).resolve()


def _secret_key() -> str:
    key = os.environ.get("CASEWATCH_SECRET_KEY")
    if key:
        return key
    path = WEB_DB.parent / "web-secret-key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_urlsafe(50))
    return path.read_text().strip()


def _databases() -> dict:
    """The app database: SQLite (``CASEWATCH_WEB_DB``) by default, PostgreSQL when ``DATABASE_URL`` says so."""
    if os.environ.get("DATABASE_URL"):
        return {"default": postgres_settings(os.environ["DATABASE_URL"])}
    WEB_DB.parent.mkdir(parents=True, exist_ok=True)
    # many people signing in at once write sessions and login records together: WAL lets readers go on while one
    # writes, IMMEDIATE transactions queue writers instead of failing with "database is locked", and the timeout
    # says how long a writer may wait (measured: 50 simultaneous sign-ins gave 500s without these)
    return {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(WEB_DB),
                        "OPTIONS": {"timeout": 20, "transaction_mode": "IMMEDIATE",
                                    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"}}}


def postgres_settings(url: str) -> dict:
    """Django's settings for ``postgresql://user:password@host:port/name?sslmode=...`` (``postgres://`` too).

    The password may be percent-encoded; query parameters (sslmode, connect_timeout, ...) go to libpq as given.
    One connection per request (``CONN_MAX_AGE`` 0): the threaded server runs each request in a new thread, where a
    kept connection would never be reused, only leaked. The URL itself never reaches a log or an error.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("postgres", "postgresql"):
        raise ImproperlyConfigured(f"DATABASE_URL: the scheme must be postgresql://, not {parts.scheme or 'none'}://")
    name = unquote(parts.path.lstrip("/"))
    if not name or not parts.hostname:
        raise ImproperlyConfigured("DATABASE_URL: give a host and a database name, "
                                   "e.g. postgresql://casewatch:PASSWORD@127.0.0.1:5432/casewatch")
    try:
        port = parts.port
    except ValueError as e:
        raise ImproperlyConfigured("DATABASE_URL: the port is not a number") from e
    options = dict(parse_qsl(parts.query))
    options.setdefault("connect_timeout", "10")
    return {"ENGINE": "django.db.backends.postgresql", "NAME": name,
            "USER": unquote(parts.username or ""), "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname, "PORT": str(port or ""), "CONN_MAX_AGE": 0,
            "OPTIONS": options}


SECRET_KEY = _secret_key()
DEBUG = False
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("CASEWATCH_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]").split(",")
                 if h.strip()]
CASEWATCH_DB = os.environ.get("CASEWATCH_DB")
CASEWATCH_COUNCIL = os.environ.get("CASEWATCH_COUNCIL") or None
CASEWATCH_LA = os.environ.get("CASEWATCH_LA") or None  # the DfE LA number to compare as; default: the database's
CASEWATCH_STANDARDS = os.environ.get("CASEWATCH_STANDARDS") or None

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "casewatch.web",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "casewatch.web.middleware.SecurityHeadersMiddleware",
    "casewatch.web.middleware.PermissionMiddleware",
    "casewatch.web.middleware.DataErrorMiddleware",
]
ROOT_URLCONF = "casewatch.web.urls"
WSGI_APPLICATION = "casewatch.web.wsgi.application"
TEMPLATES = [{
    "BACKEND": "django.template.backends.django.DjangoTemplates",
    "DIRS": [],
    "APP_DIRS": True,
    "OPTIONS": {"context_processors": ["django.template.context_processors.request",
                                       "django.contrib.auth.context_processors.auth",
                                       "casewatch.web.context.navigation"]},
}]
DATABASES = _databases()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
STATIC_URL = "/static/"
STATIC_ROOT = HERE / "static"
USE_TZ = True
TIME_ZONE = "Europe/London"
LANGUAGE_CODE = "en-gb"

# --- authentication --------------------------------------------------------------------------------------------
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "overview"
# waitress's request threads (casewatch serve --threads): the Statement check holds at most a quarter of them
CASEWATCH_SERVER_THREADS = int(os.environ.get("CASEWATCH_SERVER_THREADS", "16"))

# sign-in limits (web/throttle.py, docs/decisions/0022-sign-in-limits.md): waits, never a lockout
SIGN_IN_WINDOW = timedelta(minutes=15)
SIGN_IN_ADDRESS_FAILURES = 10  # failures from one address in the window: that address waits ...
SIGN_IN_ADDRESS_USERNAMES = 5  # ... and when it failed for more usernames than this (password spraying)
SIGN_IN_ADDRESS_BLOCK = timedelta(minutes=15)
SIGN_IN_FREE_FAILURES = 3  # per account (from any address): then waits of 2, 4, 8 ... seconds
SIGN_IN_LONGEST_WAIT = 60  # seconds
SIGN_IN_ACCOUNT_MEMORY = timedelta(hours=1)  # failures older than this no longer lengthen an account's wait
# addresses or networks of reverse proxies whose X-Forwarded-For is believed: none unless named, or, behind a TLS
# proxy, the proxy waitress already trusts (CASEWATCH_TRUSTED_PROXY)
CASEWATCH_TRUSTED_PROXIES = [p.strip() for p in os.environ.get("CASEWATCH_TRUSTED_PROXIES", "").split(",")
                             if p.strip()]
if not CASEWATCH_TRUSTED_PROXIES and os.environ.get("CASEWATCH_BEHIND_TLS_PROXY") == "1":
    CASEWATCH_TRUSTED_PROXIES = [os.environ.get("CASEWATCH_TRUSTED_PROXY") or "127.0.0.1"]

# --- sessions, cookies, headers ----------------------------------------------------------------------------------
_SECURE = os.environ.get("CASEWATCH_INSECURE_COOKIES") != "1"
SESSION_COOKIE_SECURE = _SECURE
CSRF_COOKIE_SECURE = _SECURE
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 30 * 60  # 30 minutes idle ...
SESSION_SAVE_EVERY_REQUEST = True  # ... renewed by every request
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_HSTS_SECONDS = 31536000 if _SECURE else 0  # sent over https only
if os.environ.get("CASEWATCH_BEHIND_TLS_PROXY") == "1":  # a TLS-terminating proxy in front: trust its header
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# --- logging: never a child id in a log line ---------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "casewatch.web.logfilter.RedactIdentifiers"}},
    "formatters": {"plain": {"format": "{asctime} {levelname} {name}: {message}", "style": "{"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["redact"], "formatter": "plain"}},
    "loggers": {
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
