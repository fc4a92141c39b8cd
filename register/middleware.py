"""Security middleware of the portal's own: the Permissions-Policy header on every
response, and a security event for every refusal (403)."""

from django.conf import settings
from django.core.exceptions import PermissionDenied

from register.security_log import security_event


def permissions_policy(features: dict[str, list[str]]) -> str:
    """`{"camera": [], "fullscreen": ["self"]}` -> `camera=(), fullscreen=(self)`."""
    return ", ".join(f"{feature}=({' '.join(allowed)})" for feature, allowed in features.items())


class SecurityHeadersMiddleware:
    """Permissions-Policy switches off the browser features the portal never uses
    (settings.PERMISSIONS_POLICY), so a script that got in could not use the camera,
    microphone, location, payment..."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = permissions_policy(settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        if self.policy:
            response.headers.setdefault("Permissions-Policy", self.policy)
        return response


class RefusalEventsMiddleware:
    """One `permission.refused` security event for every 403 answer: a view's refusal, a
    failed CSRF check, or Django admin's."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 403:
            security_event(
                "permission.refused",
                request=request,
                method=request.method,
                reason=getattr(request, "_refusal_reason", "") or "refused",
            )
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, PermissionDenied):
            request._refusal_reason = str(exception)
        return None
