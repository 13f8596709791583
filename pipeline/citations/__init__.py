"""Directive citations: find the Party and State documents an article cites.

Public API::

    from pipeline.citations import find_citations, cite_article
    find_citations("... Chỉ thị số 33/CT-TTg ngày 26/11/2021 ...", province="Bắc Kạn")
    cite_article(article)  # fills article.citations

One module per verb, as in eyecite: ``find`` (numbers), ``parse`` (fields from
context), ``resolve`` (catalogue, identity keys, short forms), ``named`` (named
references), ``annotate`` (markup), ``index`` (aggregations over articles).
"""
from .extract import cite_article, find_citations

__all__ = ["cite_article", "find_citations"]
