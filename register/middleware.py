"""Security middleware of the portal's own: the Permissions-Policy and Reporting-Endpoints
headers on every response, and a security event for every refusal (403)."""

from django.conf import settings
from django.core.exceptions import PermissionDenied

from register.security_log import security_event


def permissions_policy(features: dict[str, list[str]]) -> str:
    """`{"camera": [], "fullscreen": ["self"]}` -> `camera=(), fullscreen=(self)`."""
    return ", ".join(f"{feature}=({' '.join(allowed)})" for feature, allowed in features.items())


class SecurityHeadersMiddleware:
    """Permissions-Policy switches off the browser features the portal never uses
    (settings.PERMISSIONS_POLICY), so a script that got in could not use the camera,
    microphone, location, payment... Reporting-Endpoints names where the browser sends
    Content Security Policy reports (the CSP's `report-to`)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.headers = {
            "Permissions-Policy": permissions_policy(settings.PERMISSIONS_POLICY),
            "Reporting-Endpoints": ", ".join(
                f'{name}="{url}"' for name, url in settings.REPORTING_ENDPOINTS.items()
            ),
        }

    def __call__(self, request):
        response = self.get_response(request)
        for header, value in self.headers.items():
            if value:
                response.headers.setdefault(header, value)
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
