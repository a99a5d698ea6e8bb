"""A source's outlet from its URL: the registered domain of the host, when no manifest or metadata named one."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlsplit

from compare.lang import LEXICON
from compare.models import Source

SECOND_LEVEL_LABELS = LEXICON.second_level_labels


def with_host_outlet(source: Source) -> Source:
    """`source` with its outlet named by its URL's domain if nothing named it before."""
    if source.outlet or not source.url:
        return source
    domain = registered_domain(source.url)
    return replace(source, outlet=domain, outlet_from="url") if domain else source


def registered_domain(url: str) -> str | None:
    """The name a site registered, from a URL: "https://japannews.yomiuri.co.jp/politics/" -> "yomiuri.co.jp",
    "https://www.reuters.com/world/" -> "reuters.com". None for a URL without a host name (a file, an address)."""
    try:
        host = (urlsplit(url if "//" in url else "//" + url).hostname or "").rstrip(".").lower()
    except ValueError:  # a malformed port or bracket
        return None
    labels = host.split(".")
    if len(labels) < 2 or all(label.isdigit() for label in labels) or ":" in host:
        return None
    # a country-code domain under a second-level label ("co.jp", "gov.uk") keeps three labels
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in SECOND_LEVEL_LABELS else 2
    return ".".join(labels[-keep:])
