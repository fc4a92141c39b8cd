"""Complete settings for every environment; production.py and test.py only adjust them."""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP

from config.env import env_bool, env_date, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = env_str("SECRET_KEY", "insecure-development-key-not-for-production")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# The council's policy (register/policies/): gravesham, dartford, south_derbyshire,
# central_bedfordshire or brentwood. The header shows the policy's council unless
# COUNCIL_NAME says otherwise.
COUNCIL_POLICY = env_str("COUNCIL_POLICY", "gravesham")
COUNCIL_NAME = env_str("COUNCIL_NAME", "")
SERVICE_NAME = "Partnership Register"
# The published register (register/publication.py): the council's identifier from
# org-id.guide in the open data (GB-LAE-... for an English local authority), and whether
# people are named; by default they appear by role or job title, as OGL does not cover
# personal data.
ORGANISATION_IDENTIFIER = env_str("ORGANISATION_IDENTIFIER", "GB-LAE-GRA")
PUBLISH_PEOPLE_NAMES = env_bool("PUBLISH_PEOPLE_NAMES", False)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_forms_gds",
    "simple_history",
    "django_tasks_db",
    "axes",
    "register",
    "approvals",
    "reviews",
    "register.accounts",
]

MIDDLEWARE = [
    # Permissions-Policy on every response, static files' too (register/middleware.py).
    "register.middleware.SecurityHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Idle and absolute session limits, and no-store on every signed-in answer; before
    # LoginRequiredMiddleware, so a session that has just ended is sent to sign in.
    "register.accounts.middleware.SessionLimitsMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # A security event for every 403 (register/middleware.py).
    "register.middleware.RefusalEventsMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into the sign-in page's message.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "register.context_processors.portal",
                "register.accounts.context_processors.session_timeout",
            ],
        },
    },
]

# SQLite lets one writer in at a time. A transaction that reads and then writes cannot wait
# for the lock another gunicorn worker holds, and fails at once with "database is locked";
# IMMEDIATE takes the write lock when the transaction begins, so it waits its turn instead.
# WAL lets pages be read while another worker writes.
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,  # seconds to wait for the lock: well inside gunicorn's --timeout 60
}


def database(url: str) -> dict:
    """DATABASES["default"] from a DATABASE_URL; only SQLite gets SQLITE_OPTIONS (options
    in the URL, e.g. ?timeout=5, win)."""
    config = dj_database_url.parse(url, conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0))
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = {**SQLITE_OPTIONS, **config.get("OPTIONS", {})}
    return config


DATABASES = {"default": database(env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"))}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Passwords as the NCSC advises: long enough, not a known common one, not the person's own
# name; no composition rules (NumericPasswordValidator is one) and no forced expiry.
PASSWORD_MIN_LENGTH = env_int("PASSWORD_MIN_LENGTH", 12)
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": PASSWORD_MIN_LENGTH},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Signing in (register/accounts/, README "Signing in"). django-axes's backend comes first: it refuses
# a locked-out account or address before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "register.accounts.backends.PasswordBackend",
    "register.accounts.sso.CouncilAccountBackend",
]
# Single sign-on with the council's OpenID Connect provider (Microsoft Entra ID or another),
# through mozilla-django-oidc; off while OIDC_ISSUER is unset. The provider's endpoints come
# from its discovery document at OIDC_ISSUER/.well-known/openid-configuration.
OIDC_ISSUER = env_str("OIDC_ISSUER", "").rstrip("/")

OIDC_RP_CLIENT_ID = env_str("OIDC_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = env_str("OIDC_CLIENT_SECRET", "")
OIDC_TENANT_ID = env_str("OIDC_TENANT_ID", "")  # Entra: the ID token's tid must be this
OIDC_RP_SCOPES = env_str("OIDC_SCOPES", "openid email profile")
OIDC_RP_SIGN_ALGO = env_str("OIDC_SIGN_ALGORITHM", "RS256")
OIDC_USE_PKCE = True
OIDC_USE_NONCE = True
OIDC_TIMEOUT = env_int("OIDC_TIMEOUT_SECONDS", 10)
OIDC_AUTHENTICATION_CALLBACK_URL = "sso-callback"
# The provider's groups mapped to the portal's roles, "<group id>=<role>,...", applied at
# every single sign-on (roles named here are added and removed to match the groups).
OIDC_GROUP_ROLES = env_str("OIDC_GROUP_ROLES", "")
# A person signing in with a council account for the first time: "refuse" (an administrator
# links their account first) or "create" (an account is made, with the mapped roles).
OIDC_NEW_USERS = env_str("OIDC_NEW_USERS", "refuse")
# Who may sign in with a username and password: "everyone", or only "administrators"
# (superusers and the Administrator role, for break-glass) once single sign-on works.
LOCAL_SIGN_IN = env_str("LOCAL_SIGN_IN", "administrators" if OIDC_ISSUER else "everyone")

# Guessing passwords (django-axes): after SIGN_IN_FAILURE_LIMIT failures for one username,
# or from one address, within SIGN_IN_LOCKOUT_MINUTES, sign-in is refused until that long
# after the last attempt; an administrator unlocks in Django admin ("Access attempts").
AXES_FAILURE_LIMIT = env_int("SIGN_IN_FAILURE_LIMIT", 10)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("SIGN_IN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "register.security_log.client_address"
AXES_LOCKOUT_CALLABLE = "register.accounts.views.locked_out"
AXES_WHITELIST_CALLABLE = "register.accounts.sso.is_single_sign_on"
AXES_USERNAME_FORM_FIELD = "username"
AXES_DISABLE_ACCESS_LOG = True  # sign-ins are security events (register/security_log.py)

# Sessions end: after SESSION_IDLE_MINUTES without a request (a warning shows
# SESSION_WARNING_MINUTES before), and SESSION_MAX_HOURS after signing in, whatever.
SESSION_IDLE_MINUTES = env_int("SESSION_IDLE_MINUTES", 30)
SESSION_WARNING_MINUTES = env_int("SESSION_WARNING_MINUTES", 5)
SESSION_MAX_HOURS = env_int("SESSION_MAX_HOURS", 9)
SESSION_COOKIE_AGE = SESSION_MAX_HOURS * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# In development (DEBUG) static files are served straight from the source folders.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
# Uploaded documents are private: served only through a view that checks permission.
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "/media/"
DOCUMENT_MAX_BYTES = env_int("DOCUMENT_MAX_MB", 10) * 1024 * 1024
# Bringing a council's register in (register/imports/): the largest upload, what an XLSX or
# ODS (a zip) may unpack to, judged from its directory before anything is unpacked, and
# the most rows one file may hold.
IMPORT_MAX_UPLOAD_BYTES = env_int("IMPORT_MAX_UPLOAD_MB", 10) * 1024 * 1024
IMPORT_MAX_UNPACKED_BYTES = env_int("IMPORT_MAX_UNPACKED_MB", 100) * 1024 * 1024
IMPORT_MAX_ROWS = env_int("IMPORT_MAX_ROWS", 10_000)
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"

# Nobody rewrites history: simple-history's revert screens are switched off.
SIMPLE_HISTORY_REVERT_DISABLED = True

# Browsers report what the policy blocks to /csp-report/ (register/security_views.py),
# logged as `csp.violation` security events. `report-uri` only: Chromium ignores it when
# the policy also names a `report-to` group, and sends Reporting API reports in batches and
# only from HTTPS pages (the endpoint reads that format too, should a council add one).
CSP_REPORT_PATH = "/csp-report/"
CSP_REPORT_MAX_BYTES = 16 * 1024  # a larger report is refused (413) unread
CSP_REPORTS_PER_MINUTE = 30  # from one address; more are refused (429) and not logged
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
    "report-uri": [CSP_REPORT_PATH],
}
# CSP_REPORT_ONLY=true sends the same policy as Content-Security-Policy-Report-Only: the
# browser blocks nothing and reports what it would have blocked (to trial a change).
SECURE_CSP_REPORT_ONLY = {}
if env_bool("CSP_REPORT_ONLY", False):
    SECURE_CSP, SECURE_CSP_REPORT_ONLY = {}, SECURE_CSP
# Browser features the portal never uses, switched off on every response.
PERMISSIONS_POLICY = dict.fromkeys(
    [
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    ],
    [],
)
CSRF_FAILURE_VIEW = "register.security_views.csrf_failure"
# /.well-known/security.txt (RFC 9116): who to tell about a vulnerability, as a mailto: or
# https: address (the file is not served until it is set); its Expires date (180 days
# ahead by default) and the council's disclosure policy, if it has one.
SECURITY_CONTACT = env_str("SECURITY_CONTACT", "")
SECURITY_TXT_EXPIRES = env_date("SECURITY_TXT_EXPIRES")
SECURITY_POLICY_URL = env_str("SECURITY_POLICY_URL", "")
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True


def smtp_mailer():
    """An SMTP server from EMAIL_HOST and friends (a local relay on port 25 by default)."""
    return {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": env_str("EMAIL_HOST", "localhost"),
            "port": env_int("EMAIL_PORT", 25),
            "username": env_str("EMAIL_HOST_USER", ""),
            "password": env_str("EMAIL_HOST_PASSWORD", ""),
            "use_tls": env_bool("EMAIL_USE_TLS", False),
        },
    }


# E-mail goes to the console unless EMAIL_HOST names an SMTP server.
MAILERS = {
    "default": smtp_mailer()
    if env_str("EMAIL_HOST", "")
    else {"BACKEND": "django.core.mail.backends.console.EmailBackend"}
}
# The portal's address, for links in e-mails.
PORTAL_URL = env_str("PORTAL_URL", "http://127.0.0.1:8000")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "partnership-register@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json_line": {"()": "register.security_log.JsonLineFormatter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        # Security events (register/security_log.py), one JSON line each, on standard output
        # for the council's log collector.
        "security": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "json_line",
        },
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "security": {"handlers": ["security"], "level": "INFO", "propagate": False},
        # WeasyPrint and its font tools narrate every render at INFO.
        "weasyprint": {"level": "WARNING"},
        # django-axes narrates every attempt; lockouts are security events of our own.
        "axes": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# Backups (register/backup.py, `manage.py backup`): where archives go by default, and the
# folder of PostgreSQL's pg_dump and pg_restore when they are not the ones on PATH (they
# must be of the server's major version or newer).
BACKUP_DIR = Path(env_str("BACKUP_DIR", str(BASE_DIR / "backups")))
POSTGRES_BIN_DIR = env_str("PG_BIN", "")

REGISTER_PAGE_SIZE = 50
# A PDF render still running after this many seconds is stopped (register/pdf.py).
PDF_RENDER_TIMEOUT_SECONDS = env_int("PDF_RENDER_TIMEOUT_SECONDS", 30)

# Notifications are sent by a worker (`manage.py db_worker`) from a queue in the database,
# so a slow mail server never slows a page.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
DEMO_DATA_ALLOWED = True  # manage.py seed_demo may run; production.py turns it off
