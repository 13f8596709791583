"""Cleaning and extraction: scraped text or HTML -> a clean ``Article``.

- ``clean_text(raw, id=None, url=None, source=None)``: text a scraper saved (clean.py);
- ``extract_html(html, url=None, profile=None, declared_charset=None)``: an HTML page
  (html.py, through a site profile, or generic.py when none matches);
- ``load_profile(name_or_path)`` / ``match_profile(url, html)``: site profiles (profiles.py).
"""
from .clean import clean_text
from .html import extract_html
from .profiles import Profile, all_profiles, load_profile, match_profile

__all__ = ["Profile", "all_profiles", "clean_text", "extract_html", "load_profile", "match_profile"]
