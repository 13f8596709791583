"""Cleaning and extraction: scraped text or HTML -> a clean ``Article``.

- ``clean_text(raw, id=None, url=None, source=None)``: text a scraper saved (clean.py);
- ``extract_html(html, url=None, profile=None, declared_charset=None)``: an HTML page (html.py);
- ``load_profile(name_or_path)`` / ``match_profile(url, html)``: site profiles (profiles.py).
"""
from .clean import clean_text

__all__ = ["clean_text"]
