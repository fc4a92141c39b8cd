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
  too long with `PdfRenderError`, and one nested too deeply to lay out ends with one too.
  See `run_within` for how, and why the render has a thread of its own.
"""

import ctypes
import logging
import mimetypes
import ssl
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import DataHandler, Request, url2pathname

import weasyprint
from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.http import content_disposition_header
from weasyprint.urls import UNICODE_SCHEME_RE, URLFetcher, URLFetcherResponse

logger = logging.getLogger(__name__)

DEFAULT_TIMEOUT_SECONDS = 30
# After the limit the interruption repeats this often, in case WeasyPrint swallowed one
# (it catches BaseException around SVG drawing and colour profiles) ...
REPEAT_SECONDS = 0.05
# ... for this long; a render still running then is abandoned to finish by itself.
ABANDON_SECONDS = 5


class PdfRenderError(Exception):
    """The PDF could not be made; the message is fit to show to the person who asked."""


class RefusedURL(ValueError):
    """The fetcher will not give WeasyPrint this URL. WeasyPrint logs it and leaves it out."""


class TookTooLong(BaseException):
    """Raised inside WeasyPrint at the time limit. A BaseException, so that WeasyPrint's own
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


def run_within(seconds, function):
    """`function()`, run in a thread of its own and stopped once it has run for `seconds`
    (never, when `seconds` is 0).

    WeasyPrint's work is CPU-bound Python, which no Python API can cancel, and a process
    per PDF costs a fork and cold font caches every time. So the render runs in a fresh
    thread while the caller waits; at the limit the caller raises TookTooLong inside it
    with `PyThreadState_SetAsyncExc` (CPython's C API, which delivers it at the render's
    next Python instruction), repeating every REPEAT_SECONDS in case WeasyPrint swallowed
    it, and gives up waiting after ABANDON_SECONDS more: a render stuck inside one C call
    is left to finish on its own, and the person who asked gets the message, not a hung
    worker. This works whichever thread the request runs in (gunicorn's sync or gthread
    workers, the development server), unlike a timer signal.

    A fresh thread also starts with an empty Python stack. CPython 3.12 allocates frames
    in 16 KiB chunks and unmaps a chunk when its first frame returns; under Django's
    middleware one of WeasyPrint's hot functions can land on a chunk's edge and map and
    unmap one on every call (python/cpython#142183), which made a request's PDF up to a
    third slower than WeasyPrint alone. In its own thread the render's depth no longer
    depends on the caller's (benchmarks/README.md).
    """
    started = threading.Event()
    outcome = {}

    def render():
        try:
            started.set()
            outcome["result"] = function()
        except BaseException as error:  # handed to the caller, which re-raises it
            outcome["error"] = error

    worker = threading.Thread(target=render, name="pdf-render", daemon=True)
    worker.start()
    started.wait()
    worker.join(seconds or None)
    given_up_at = time.monotonic() + ABANDON_SECONDS
    while worker.is_alive() and not outcome and time.monotonic() < given_up_at:
        _raise_in_thread(worker, TookTooLong)
        worker.join(REPEAT_SECONDS)
    if "error" in outcome:
        raise outcome["error"]
    if "result" in outcome:
        return outcome["result"]
    logger.error("PDF render abandoned: still running %gs after its limit", ABANDON_SECONDS)
    raise TookTooLong


def _raise_in_thread(thread, exception_class):
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread.ident), ctypes.py_object(exception_class)
    )


def timeout_seconds() -> float:
    return getattr(settings, "PDF_RENDER_TIMEOUT_SECONDS", DEFAULT_TIMEOUT_SECONDS)


def html_to_pdf(html: str, *, fetcher=None) -> bytes:
    """The PDF of an HTML string, under the fetcher, without attachments, within the limit."""
    fetcher = fetcher or StaticOnlyURLFetcher()
    folders = [folder for _, folder in fetcher.folders]
    base_url = folders[0].as_uri() + "/" if folders else None

    def render():
        document = weasyprint.HTML(string=html, base_url=base_url, url_fetcher=fetcher).render()
        document.metadata.attachments = []
        for page in document.pages:
            page.links = [link for link in page.links if link[0] != "attachment"]
        # Tagged, so screen readers can follow the headings and tables.
        return document.write_pdf(pdf_tags=True)

    seconds = timeout_seconds()
    try:
        return run_within(seconds, render)
    except TookTooLong:
        raise PdfRenderError(
            f"The PDF took too long to make (more than {seconds:g} seconds) and was stopped. "
            "Try again in a few minutes. If it happens again, print the page instead and "
            "tell the register owner."
        ) from None
    except RecursionError:
        # WeasyPrint lays out nested elements recursively; hundreds of levels exhaust it.
        raise PdfRenderError(
            "The PDF could not be made: the page is nested too deeply to lay out. "
            "Tell the register owner which form or record you were printing."
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


def pdf_response(request, template_name, context, *, filename, back_url, cache_key=None):
    """The rendered PDF as a download, or a page saying it took too long (503). With a
    `cache_key`, for a document that never changes, it is rendered once and kept."""
    try:
        pdf = cache.get(cache_key) if cache_key else None
        if pdf is None:
            pdf = render_pdf(template_name, context)
            if cache_key:
                cache.set(cache_key, pdf, None)
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
