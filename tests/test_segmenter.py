"""jieba's dictionary tables from kg's per-user cache: the same tables jieba builds, read back from
the cache on the next start, rebuilt when the cache is unreadable, written atomically."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg import segmenter


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    segmenter.dictionary_tables.cache_clear()
    yield tmp_path / "cache"
    segmenter.dictionary_tables.cache_clear()


def test_tables_are_jiebas_own(cache: Path) -> None:
    import jieba
    import jieba.posseg

    tables = segmenter.dictionary_tables()
    own = jieba.Tokenizer()
    freq, total = own.gen_pfdict(own.get_dict_file())
    assert tables.freq == freq and tables.total == total
    assert tables.tags == jieba.posseg.dt.word_tag_tab
    assert tables.tags["发展"] == "vn" and tables.freq["新能"] == 0  # a word, and a prefix of 新能源


def test_second_start_reads_the_cache(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = segmenter.dictionary_tables()
    [written] = cache.iterdir()
    assert written.name.startswith("jieba-") and written.suffix == ".pickle"  # no temporary file left
    segmenter.dictionary_tables.cache_clear()
    monkeypatch.setattr(segmenter, "_build_tables", lambda: pytest.fail("the cache was not read"))
    assert segmenter.dictionary_tables() == first


def test_unreadable_cache_is_rebuilt(cache: Path) -> None:
    expected = segmenter.dictionary_tables()
    [written] = cache.iterdir()
    written.write_bytes(b"\x80\x05truncated")
    segmenter.dictionary_tables.cache_clear()
    assert segmenter.dictionary_tables() == expected
    assert written.read_bytes() != b"\x80\x05truncated"


def test_unwritable_cache_directory_still_loads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("KG_CACHE_DIR", str(blocker / "cache"))
    segmenter.dictionary_tables.cache_clear()
    try:
        assert segmenter.word_tags()["发展"] == "vn"
    finally:
        segmenter.dictionary_tables.cache_clear()


def test_cut_gives_jiebas_words_on_the_projects_documents(corpus_files: list[Path]) -> None:
    """kg.segmenter.cut replaces jieba.cut under the pipeline: the same words, to the character,
    on real documents (prose, headings, figures, Latin names, unknown names for the HMM)."""
    import jieba

    for path in corpus_files:
        text = path.read_text(encoding="utf-8")
        assert segmenter.cut(text) == list(jieba.cut(text)), path.name


@pytest.mark.parametrize("text", [
    "",  # nothing
    "a  b\r\n\tc\u3000中文 123.5% ＡＢ 江苏省 南京市   ",  # white space of every kind, full-width letters
    "株洲翔云航空科技有限公司与峰羽新材料在岷县当归产业园签约",  # names no dictionary holds (jieba's HMM)
    "新能",  # a prefix of a word (新能源), not a word itself
    "C919大飞机、5G+工业互联网和AI-Agent",  # letters and digits inside Chinese runs
])
def test_cut_gives_jiebas_words_on_edge_cases(text: str) -> None:
    import jieba

    assert segmenter.cut(text) == list(jieba.cut(text))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="发展新能源汽车产业园区中国上海苏州工业的和高新技术ABCabcPEM0123456789·.-_%#+&，。 \n\t", max_size=24))
def test_cut_without_hmm_is_jiebas_own(text: str) -> None:
    import jieba

    assert segmenter.cut_without_hmm(text) == jieba.lcut(text, HMM=False)


def test_cut_without_hmm_joins_single_latin_letters_and_digits_as_jieba_does() -> None:
    import jieba

    for name in ("三安光电", "澳大利亚PEM公司", "Micro-LED显示", "5G基站", "A股上市公司", "ABC集团"):
        assert segmenter.cut_without_hmm(name) == jieba.lcut(name, HMM=False)


def test_a_repeated_unknown_name_is_decoded_once() -> None:
    """The HMM's words of characters the dictionary leaves single are kept: a name a text repeats
    (峰羽, 翔云 here) is decoded once, and every occurrence gets jieba's own words."""
    import jieba

    text = "株洲翔云航空与峰羽新材料签约。翔云航空将在岷县建设峰羽新材料基地，翔云航空、峰羽新材料各投资1亿元。"
    segmenter._hmm_words.cache_clear()
    words = segmenter.cut(text)
    info = segmenter._hmm_words.cache_info()
    assert words == list(jieba.cut(text))
    assert info.misses >= 1 and info.hits >= 1
