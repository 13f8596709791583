"""Property tests: the extractor never raises, its spans are valid, and it finds
the same citations again in its own output (the surfaces, the annotated text)."""
from hypothesis import given, settings, strategies as st

from pipeline.citations import find_citations
from pipeline.citations.annotate import annotate

FRAGMENTS = [
    "Nghị quyết số ", "Chỉ thị ", "Kết luận số ", "Quyết định số ", "Văn bản số ", "Luật ", "Kế hoạch ",
    "25-NQ/TW", "22-CT/TU", "05 - CT/TU", "33/CT-TTg", "81/QD-UBND", "276/UBND-NCPC", "04/2015/NĐ-CP",
    "10/2022/QH15", "18, 19-NQ/TW", "36/NQ-TW", "ngày 12/10/2023", "ngày 12-10-2023", " ngày 12 tháng 10 năm 2023",
    " của Ban Thường vụ Tỉnh ủy", " của Bộ Chính trị", " (khóa XI)", " khóa ", "XIII", ", ", "; ", " và ", "\n",
    "Nghị quyết 25", "Chỉ thị 33", "Nghị quyết Trung ương 4 khóa XII", "Luật Thực hiện dân chủ ở cơ sở",
    "COVID-19", "81B1-123.45", "3-1", "Điều 5", "quý I/2024", "05/05 xã", "0913.456.789", "/", "-", " ",
    "số", "Ủy ban nhân dân tỉnh đã ban hành ", "Ngày 13/01/2023, ", "năm 2013", "uỷ", "\u00a0", "\u200b",
    "e\u0301", "Đ", "D", "TW", "tw", "(", ")",
]
texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=25).map("".join)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_never_raises_and_spans_are_valid(text):
    cites = find_citations(text, province="Bắc Kạn", published="2024-01-01")
    for i, c in enumerate(cites):
        assert 0 <= c.start < c.end <= len(text)
        assert text[c.start:c.end] == c.surface
        assert c.form in ("full", "short", "named")
        if c.form == "short":
            assert c.resolved_to is not None and cites[c.resolved_to].form == "full"
            assert cites[c.resolved_to].start < c.start
        if c.form == "full":
            assert c.number and c.key


@settings(max_examples=300, deadline=None)
@given(texts)
def test_each_surface_gives_its_citation_again(text):
    for c in find_citations(text):
        if c.form != "full" or "/" not in c.surface:
            continue  # a bare number of a list ("18" in "18, 19-NQ/TW") needs the number after it
        again = [x for x in find_citations(c.surface) if x.form == "full"]
        assert c.number in [x.number for x in again]


@settings(max_examples=300, deadline=None)
@given(texts)
def test_annotated_text_gives_the_same_citations(text):
    cites = [c for c in find_citations(text) if c.form == "full" and "/" in c.surface]
    marked = annotate(text, cites)
    again = [c for c in find_citations(marked) if c.form == "full" and "/" in c.surface]
    assert [c.number for c in again] == [c.number for c in cites]
