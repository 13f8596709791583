"""Places: the gazetteer of provinces and districts, and the province an article is about.

- ``find_province(title, paragraphs, published)`` -> ``ProvinceMatch | None`` (find.py);
- ``normalise_province_name``, ``to_2025``, ``resolve_province`` (gazetteer.py).
The data live in ``pipeline/data/geo/`` (CSV files a user may edit).
"""
from .find import ProvinceMatch, find_province
from .gazetteer import UnknownPlaceError, load_gazetteer, normalise_province_name, resolve_province, to_2025

__all__ = ["ProvinceMatch", "UnknownPlaceError", "find_province", "load_gazetteer", "normalise_province_name",
           "resolve_province", "to_2025"]
