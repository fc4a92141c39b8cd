"""Production: secrets and hosts must come from the environment; HTTPS everywhere."""

from config.env import env_bool, env_int, env_list, env_str

from .base import *  # noqa: F403
from .base import smtp_mailer

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
MAILERS = {"default": smtp_mailer()}
DEMO_DATA_ALLOWED = False  # never seed demo users with a published password
