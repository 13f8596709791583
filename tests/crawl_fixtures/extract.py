"""A minimal extractor for the crawl tests' own fixture pages.

The crawl tests check fetching, politeness, frontier, WARC and dedup; they must
not fail because extraction changes. This reads only the markup of
``sites.py`` (title element, body container, <p>); charset decoding is the
pipeline's (``pipeline.normalize.decode.decode_bytes``). The real extractor is
exercised on the same sites in test_crawl_sites.py when it is available.
"""
from __future__ import annotations

import hashlib
import re

import lxml.html

from pipeline.models import Article
from pipeline.normalize.decode import decode_bytes

TITLE = "//h1[contains(@class,'title')] | //h2[contains(@class,'ArticleTitle')]"
BODY = ("//*[contains(@class,'hometext')] | //*[@id='news-bodyhtml']//p | "
        "//*[contains(@class,'entry-content')]//p | //*[contains(@class,'ArticleBody')]//p | "
        "//*[contains(@class,'detail-content')]//p")
DATE = re.compile(r"(\d{2})/(\d{2})/(\d{4})")


def fixture_extract(body: bytes, *, url=None, profile=None, declared_charset=None) -> Article:
    decoded = decode_bytes(body, declared_charset, html=True)
    doc = lxml.html.document_fromstring(decoded.text)
    titles = [" ".join(e.text_content().split()) for e in doc.xpath(TITLE)]
    paragraphs = [" ".join(e.text_content().split()) for e in doc.xpath(BODY)]
    paragraphs = [p for p in paragraphs if p]
    text = doc.text_content()
    main = doc.xpath("//*[@id='main']")
    match = DATE.search(main[0].text_content()) if main else None
    published = f"{match.group(3)}-{match.group(2)}-{match.group(1)}" if match else None
    return Article(id=hashlib.sha1((url or text).encode()).hexdigest()[:16],
                   title=titles[0] if titles else None, paragraphs=paragraphs, url=url,
                   published=published, published_precision="day" if published else None,
                   provenance={"extractor": "crawl-test-fixture", "encoding": decoded.encoding})
