"""Canonical URLs: one key per page, so that nothing is fetched or stored twice.

The canonical form is a *key*, not the address we fetch: a server may answer
``/tin-tuc/`` but redirect ``/tin-tuc``, so the frontier keeps the URL as found
for fetching and this form for identity.
"""
from __future__ import annotations

import re
from urllib.parse import parse_qsl, quote, unquote, urlencode, urljoin, urlsplit, urlunsplit

DEFAULT_PORTS = {"http": 80, "https": 443}

# Parameters that only say where a click came from; they never change the page.
TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid",
    "igshid", "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok",
    "ref_src", "zarsrc", "zanalytics", "oly_anon_id", "oly_enc_id", "vero_id",
    "phpsessid", "jsessionid", "sessionid", "aspsessionid", "cfid", "cftoken",
})
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_")

_UNRESERVED = "-._~"
_PATH_SAFE = "/:@!$&'()*+,;=" + _UNRESERVED + "%"
_PCT = re.compile(r"%[0-9a-fA-F]{2}")
_SESSION_IN_PATH = re.compile(r";(jsessionid|phpsessid|sid)=[^/?#]*", re.IGNORECASE)


def is_tracking_param(name: str, extra: frozenset[str] = frozenset()) -> bool:
    low = name.lower()
    return low in TRACKING_PARAMS or low in extra or low.startswith(TRACKING_PREFIXES)


def canonical_url(url: str, base: str | None = None, *,
                  drop_params: frozenset[str] | set[str] = frozenset()) -> str | None:
    """The canonical key of ``url`` (resolved against ``base``), or None if it is not http(s).

    Lower-case scheme and host (IDNA for non-ASCII hosts), no default port, no
    fragment, no tracking or session parameters, the remaining query sorted,
    percent-encoding normalised, dot segments resolved, no trailing slash
    (except the root path).
    """
    url = (url or "").strip()
    if not url:
        return None
    if base:
        url = urljoin(base, url)
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:  # bad port or bracketed host
        return None
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.hostname:
        return None
    host = _canonical_host(parts.hostname)
    netloc = host if port in (None, DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    if parts.username:
        netloc = f"{parts.username}{':' + parts.password if parts.password else ''}@{netloc}"
    path = _canonical_path(parts.path)
    extra = frozenset(p.lower() for p in drop_params)
    pairs = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not is_tracking_param(k, extra)]
    query = urlencode(sorted(pairs), quote_via=quote, safe="")
    return urlunsplit((scheme, netloc, path, query, ""))


def fetchable_url(url: str, base: str | None = None) -> str | None:
    """The URL to send to the server: resolved, fragment removed, otherwise as written."""
    url = (url or "").strip()
    if base:
        url = urljoin(base, url)
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in DEFAULT_PORTS or not parts.hostname:
        return None
    path = quote(parts.path or "/", safe=_PATH_SAFE)  # spaces and Vietnamese letters in hrefs
    query = quote(parts.query, safe="=&;%+/:,@!$'()*?")
    return urlunsplit((parts.scheme.lower(), parts.netloc, path, query, ""))


def host_key(url: str) -> str:
    """The politeness key: host and port, lower case (two ports are two servers)."""
    parts = urlsplit(url)
    host = _canonical_host(parts.hostname or "")
    port = parts.port
    if port and port != DEFAULT_PORTS.get(parts.scheme.lower()):
        return f"{host}:{port}"
    return host


def _canonical_host(host: str) -> str:
    host = host.strip().rstrip(".").lower()
    try:
        host.encode("ascii")
    except UnicodeEncodeError:
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            pass
    return host


def _canonical_path(path: str) -> str:
    path = _SESSION_IN_PATH.sub("", path)
    path = _remove_dot_segments(path or "/")
    # Decode what need not be encoded, then encode the rest one way (upper-case hex).
    path = _PCT.sub(lambda m: m.group(0).upper(), path)
    # An encoded slash is data, not a separator: keep it encoded.
    path = "%2F".join(_requote(piece) for piece in path.split("%2F"))
    if len(path) > 1 and path.endswith("/"):
        path = path.rstrip("/") or "/"
    return path or "/"


def _requote(piece: str) -> str:
    return quote(unquote(piece, errors="surrogateescape"), safe=_PATH_SAFE.replace("%", ""),
                 errors="surrogateescape")


def _remove_dot_segments(path: str) -> str:
    """RFC 3986 section 5.2.4, enough for the paths found in links."""
    out: list[str] = []
    for segment in path.split("/"):
        if segment == "..":
            if len(out) > 1:
                out.pop()
        elif segment != ".":
            out.append(segment)
    if path.endswith(("/.", "/..")):
        out.append("")
    result = "/".join(out)
    return result if result.startswith("/") else "/" + result
