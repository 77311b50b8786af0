"""Sentence splitting of normalised text: full stops, closing quotes, headings."""
from __future__ import annotations

from kg.ingest import normalise, split_sentences


def texts(text: str) -> list[str]:
    sentences = split_sentences(text)
    assert [s.index for s in sentences] == list(range(len(sentences)))
    for s in sentences:
        assert text[s.start:s.end] == s.text
    return [s.text for s in sentences]


def test_splits_on_chinese_sentence_ends() -> None:
    text = "宁夏完成绿电园区首笔绿电交易；从内蒙古到上海，远景实现绿电交易全流程闭环。钱从哪里来？要坚定信心！"
    assert texts(text) == [
        "宁夏完成绿电园区首笔绿电交易；",
        "从内蒙古到上海，远景实现绿电交易全流程闭环。",
        "钱从哪里来？",
        "要坚定信心！",
    ]


def test_closing_quotes_and_brackets_stay_with_their_sentence() -> None:
    text = "“科技创新要让企业‘唱主角’。”姚金健认为，新质生产力的培育需协同发力。（时锋）"  # 002
    assert texts(text) == [
        "“科技创新要让企业‘唱主角’。”",
        "姚金健认为，新质生产力的培育需协同发力。",
        "（时锋）",
    ]


def test_headings_are_sentences_of_their_own() -> None:
    text = "建好智慧养老的软硬件\n目前，在数字技术加持下，智慧养老已经变得触手可及。从穿戴设备监测健康数据"
    assert texts(text) == [
        "建好智慧养老的软硬件",
        "目前，在数字技术加持下，智慧养老已经变得触手可及。",
        "从穿戴设备监测健康数据",
    ]


def test_halfwidth_ends_only_after_chinese_text() -> None:
    assert texts("要建设吗?是的!version 2.0; ok") == ["要建设吗?", "是的!", "version 2.0; ok"]


def test_ellipsis_and_decimals_do_not_end_sentences() -> None:
    text = "分别增长 62.7%、63.2%，上海人工智能制造业产值增长 13.2%……长三角地区正朝着目标迈进。"
    assert texts(text) == [text]


def test_offsets_index_the_normalised_text() -> None:
    raw = "多方发力化解绿电交易难题\n\n徐东涛\n\n绿电交易是沟通绿电生\n\n产与消费的纽带。当前，我\n\n国绿电交易市场仍处于建设初期。"
    text, _ = normalise(raw)
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "多方发力化解绿电交易难题", "徐东涛", "绿电交易是沟通绿电生产与消费的纽带。", "当前，我国绿电交易市场仍处于建设初期。",
    ]
    assert sentences[2].start == text.index("绿电交易是")
    assert sentences[-1].end == len(text)


def test_empty_text_has_no_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences("\n \n") == []


def test_a_sentence_over_the_limit_is_cut_after_its_last_clause_break_within_it() -> None:
    """A text of clauses without a full stop (a line-less export): cut, every character kept, each piece
    ending at a comma; a sentence under the limit stays whole."""
    from kg.ingest.sentences import sentences_and_cuts

    clause = "支持比亚迪股份有限公司在南京市发展新能源汽车产业，"
    text = "江苏省人民政府发布政策。" + clause * 40 + "推动产业集群发展。"
    sentences, cuts = sentences_and_cuts(text, limit=200)
    assert cuts == 1
    assert sentences[0].text == "江苏省人民政府发布政策。" and len(sentences) > 5
    assert all(len(s.text) <= 200 for s in sentences)
    assert all(s.text.endswith("，") for s in sentences[1:-1])
    assert "".join(s.text for s in sentences) == text
    assert sentences_and_cuts(text, limit=len(text))[1] == 0


def test_a_clause_without_a_break_is_cut_at_the_limit() -> None:
    from kg.ingest.sentences import sentences_and_cuts

    sentences, cuts = sentences_and_cuts("新能源" * 100, limit=120)
    assert cuts == 1 and [len(s.text) for s in sentences] == [120, 120, 60]
