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
