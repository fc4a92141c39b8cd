"""PDFs from Django templates, made by WeasyPrint with nothing fetched from outside the portal.

`render_pdf(template_name, context)` is the one way the portal makes a PDF. Its templates
extend `pdf/base.html` (A4, the council's name, "Page X of Y"). Three guards:

* `StaticOnlyURLFetcher` gives WeasyPrint only files under our own static folders and
  `data:` URIs. Everything else (`file:///etc/passwd`, `http://`, `https://`, any other
  scheme, `..` or a symlink that leads out) is refused before any file or socket is opened,
  so nothing a template or an answer names can reach the disk or the network.
* Attachments (`<a rel="attachment">`, `<link rel="attachment">`) are dropped: a PDF from
  the portal never carries an embedded file.
* A time limit (settings.PDF_RENDER_TIMEOUT_SECONDS, 30 by default) stops a render that runs
  too long with `PdfRenderError`. See `time_limit` for why it is a timer signal.
"""

import contextlib
import logging
import mimetypes
import signal
import ssl
import threading
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import DataHandler, Request, url2pathname

import weasyprint
from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.http import content_disposition_header
from weasyprint.urls import UNICODE_SCHEME_RE, URLFetcher, URLFetcherResponse

logger = logging.getLogger(__name__)

DEFAULT_TIMEOUT_SECONDS = 30
# After the limit the alarm repeats this often, in case WeasyPrint was inside a C callback
# that swallowed the first interruption.
REPEAT_SECONDS = 0.05


class PdfRenderError(Exception):
    """The PDF could not be made; the message is fit to show to the person who asked."""


class RefusedURL(ValueError):
    """The fetcher will not give WeasyPrint this URL. WeasyPrint logs it and leaves it out."""


class TookTooLong(BaseException):
    """Raised inside WeasyPrint by the timer. A BaseException, so that WeasyPrint's own
    `except Exception` (around images, fonts and fetches) cannot swallow it."""


def static_folders() -> list[tuple[str, Path]]:
    """(URL prefix, resolved folder) of every folder the fetcher may read from."""
    folders = []
    for entry in settings.STATICFILES_DIRS:
        prefix, folder = entry if isinstance(entry, list | tuple) else ("", entry)
        folders.append((prefix.strip("/"), Path(folder).resolve()))
    if settings.STATIC_ROOT:
        folders.append(("", Path(settings.STATIC_ROOT).resolve()))
    return folders


_NO_TLS = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


class StaticOnlyURLFetcher(URLFetcher):
    """Serves our static files and `data:` URIs; refuses every other URL before opening it.

    A `file:` URL is served when its real path (symlinks and `..` resolved) is a file inside
    one of `static_folders()`. A path under STATIC_URL (what `{% static %}` gives) is looked
    up in those folders, so PDF templates can use `{% static %}` as pages do. Nothing is
    ever fetched over a network, so no redirect can lead anywhere.
    """

    def __init__(self, folders=None):
        # The parent's handlers are never used: fetch() below opens nothing but files. An
        # empty TLS context spares loading the system's certificates on every render.
        super().__init__(
            allowed_protocols=("data", "file"), allow_redirects=False, ssl_context=_NO_TLS
        )
        self.folders = static_folders() if folders is None else folders

    def fetch(self, url, headers=None):
        match = UNICODE_SCHEME_RE.match(url)
        scheme = match[1].lower() if match else ""
        if scheme == "data":
            response = DataHandler().data_open(Request(url))
            return URLFetcherResponse(url, response.read(), dict(response.headers.items()))
        if scheme == "file":
            return self._static_file(url)
        raise RefusedURL(f"A PDF may use only the portal's own static files, not {url[:200]}")

    def _static_file(self, url):
        parts = urlsplit(url)
        if parts.netloc not in ("", "localhost"):
            raise RefusedURL(f"Not a local file: {url[:200]}")
        path = url2pathname(parts.path)
        for candidate in self._candidates(path):
            try:
                real = candidate.resolve(strict=True)
            except (OSError, RuntimeError):
                continue
            if real.is_file() and any(real.is_relative_to(f) for _, f in self.folders):
                content_type = mimetypes.guess_type(real.name)[0] or "application/octet-stream"
                return URLFetcherResponse(
                    real.as_uri(), real.read_bytes(), {"Content-Type": content_type}
                )
        raise RefusedURL(f"Not one of the portal's static files: {url[:200]}")

    def _candidates(self, path: str):
        yield Path(path)
        static_url = settings.STATIC_URL or ""
        if static_url.startswith("/") and path.startswith(static_url):
            relative = path.removeprefix(static_url)
            for prefix, folder in self.folders:
                if not prefix:
                    yield folder / relative
                elif relative.startswith(prefix + "/"):
                    yield folder / relative.removeprefix(prefix + "/")


@contextlib.contextmanager
def time_limit(seconds):
    """Raise TookTooLong inside the block once it has run for `seconds`.

    WeasyPrint's work is CPU-bound Python, which a thread with a timeout cannot stop, and a
    process per PDF costs a fork (and cold font caches) every time. A timer signal
    (setitimer/SIGALRM) stops it at the next Python instruction and costs two system calls.
    Signals reach only the main thread: that is where gunicorn's sync workers (our
    deployment) and Django's test client run a view. In any other thread (the threaded
    development server, gunicorn's gthread workers) the render runs without this limit
    and a warning is logged. The alarm's handler raises only until `finished` is set, so
    once the block is over a late alarm does nothing.
    """
    if not seconds:
        yield
        return
    if threading.current_thread() is not threading.main_thread():
        logger.warning("PDF time limit not applied: signals work only in the main thread")
        yield
        return
    if signal.getitimer(signal.ITIMER_REAL)[0]:
        logger.warning("PDF time limit not applied: another timer is already set")
        yield
        return
    finished = False

    def on_alarm(signum, frame):
        if not finished:
            raise TookTooLong

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds, REPEAT_SECONDS)
    try:
        yield
    finally:
        finished = True
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def timeout_seconds() -> float:
    return getattr(settings, "PDF_RENDER_TIMEOUT_SECONDS", DEFAULT_TIMEOUT_SECONDS)


def html_to_pdf(html: str, *, fetcher=None) -> bytes:
    """The PDF of an HTML string, under the fetcher, without attachments, within the limit."""
    fetcher = fetcher or StaticOnlyURLFetcher()
    folders = [folder for _, folder in fetcher.folders]
    base_url = folders[0].as_uri() + "/" if folders else None
    seconds = timeout_seconds()
    try:
        with time_limit(seconds):
            document = weasyprint.HTML(string=html, base_url=base_url, url_fetcher=fetcher).render()
            document.metadata.attachments = []
            for page in document.pages:
                page.links = [link for link in page.links if link[0] != "attachment"]
            # Tagged, so screen readers can follow the headings and tables.
            return document.write_pdf(pdf_tags=True)
    except TookTooLong:
        raise PdfRenderError(
            f"The PDF took too long to make (more than {seconds:g} seconds) and was stopped. "
            "Try again in a few minutes. If it happens again, print the page instead and "
            "tell the register owner."
        ) from None


def render_pdf(template_name: str, context: dict, *, fetcher=None) -> bytes:
    """The PDF of a template. The council's name and the time of printing are in the
    context unless given. Raises PdfRenderError when the render takes too long."""
    from register.policies import get_policy

    defaults = {
        "council_name": settings.COUNCIL_NAME or get_policy().council,
        "printed_at": timezone.localtime(),
    }
    # The template (and its database queries) is rendered before the time limit starts.
    html = render_to_string(template_name, {**defaults, **context})
    return html_to_pdf(html, fetcher=fetcher)


def pdf_response(request, template_name, context, *, filename, back_url):
    """The rendered PDF as a download, or a page saying it took too long (503)."""
    try:
        pdf = render_pdf(template_name, context)
    except PdfRenderError as error:
        response = render(
            request,
            "pdf_unavailable.html",
            {"message": str(error), "back_url": back_url},
            status=503,
        )
        response["Retry-After"] = "120"
        return response
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=filename
    )
    return response
