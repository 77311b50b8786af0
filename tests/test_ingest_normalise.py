"""Repairs of PDF-extraction artefacts, on snippets copied from ../shared/corpus and on the project's
own documents (the corpus files themselves are checked in tests/quality/test_shared_corpus.py)."""
from __future__ import annotations

import re

import pytest
from ingest_fixtures import assert_offsets_exact, count_round_tripped_mentions, normalised_files

from kg.ingest import normalise

CJK_SPACE_CJK = re.compile(r"[\u4e00-\u9fff][ \u3000]+[\u4e00-\u9fff]")


def text_of(raw: str) -> str:
    text, offset_map = normalise(raw)
    assert_offsets_exact(raw, text, offset_map)
    return text


# --- spaces ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("推 进 人 才 培 养 与 技 术 创", "推进人才培养与技术创"),  # 000, letter-spaced line
        ("目 前 ， 在 数 字 技 术 加 持", "目前，在数字技术加持"),  # 000, spaces around punctuation
        ("今年 《政府工作报告》 提", "今年《政府工作报告》提"),  # 000, spaces around brackets
        ("省 绿 电 交 易 量 同 比 增 长 超 过", "省绿电交易量同比增长超过"),  # 003
        ("升 ，从 2016 年 的 不 到 17% 提 升 至", "升，从2016年的不到17%提升至"),  # 003, justified line
        ("目 前 ，今 年“ 两 重 ”建 设 项 目 清 单", "目前，今年“两重”建设项目清单"),  # 003
        ("示范区，在雄 安 新 区 布 局", "示范区，在雄安新区布局"),  # 003
        ("■中国城市报记者 邢 灿", "■中国城市报记者邢灿"),  # 002, spaced-out name
        ("从 AI食堂自动记录饮食情", "从AI食堂自动记录饮食情"),  # 000, Latin next to Chinese
        ("况，到 24小时定位行动轨迹检", "况，到24小时定位行动轨迹检"),  # 000
        ("全国各电力交易中心绿电交易总量达 2336亿千瓦时", "全国各电力交易中心绿电交易总量达2336亿千瓦时"),
    ],
)
def test_spaces_inside_chinese_text_are_dropped(raw: str, expected: str) -> None:
    assert text_of(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("李国正 刘亚杉", "李国正 刘亚杉"),  # 003: two names, not a letter-spaced run
        ("上海持续做大经济体量 完善现代化产业体系", "上海持续做大经济体量 完善现代化产业体系"),  # 001 title
        ("离岸贸易（Offshore  trade）", "离岸贸易（Offshore trade）"),  # 001: Latin words keep one space
        ("R&D 2.0 version", "R&D 2.0 version"),
    ],
)
def test_spaces_between_words_stay(raw: str, expected: str) -> None:
    assert text_of(raw) == expected


# --- doubled glyphs -------------------------------------------------------------------------


def test_bold_heading_drawn_twice_is_undoubled() -> None:
    raw = "王王 鹏鹏作作（（新华社发新华社发））"  # 003, line 12
    text, offset_map = normalise(raw)
    assert text == "王鹏作（新华社发）"
    assert_offsets_exact(raw, text, offset_map)
    # The source span of 王鹏 is the doubled span, spaces included.
    assert raw[offset_map[0]:offset_map[2]] == "王王 鹏鹏"
    assert raw[offset_map[3]:offset_map[9]] == "（（新华社发新华社发））"


@pytest.mark.parametrize(
    "raw",
    [
        "参与电网调节可获得实实在在的经",  # 000: a real repeat inside running text
        "实实在在的获得感，绝非一件易事。",  # 003
        "谢谢",
        "常常",
        "人人",
        "看看",
        "研究研究",  # one unit repeated: a real reduplicated verb
        "要常常研究研究",
        "————",  # a rule line, no Chinese characters
        "1122",
    ],
)
def test_real_repeats_are_kept(raw: str) -> None:
    assert text_of(raw) == raw


# --- characters -----------------------------------------------------------------------------


def test_fullwidth_letters_and_digits_become_ascii_but_chinese_punctuation_stays() -> None:
    raw = "２０２４年ＡＩ产业增长１５．３％，《关于推进（试行）》“新”！"
    assert text_of(raw) == "2024年AI产业增长15.3%，《关于推进（试行）》“新”！"


def test_midline_ellipsis_becomes_ellipsis() -> None:
    raw = "到情感陪伴机器人缓解孤独情绪⋯⋯智慧养老以智能产品"  # 000
    assert text_of(raw) == "到情感陪伴机器人缓解孤独情绪……智慧养老以智能产品"


def test_halfwidth_punctuation_in_chinese_text_becomes_fullwidth() -> None:
    raw = "3月5日下午,在参加十四届全国人大三次会议江苏代表团审议时,习近平总书记强调"  # 002
    assert text_of(raw) == "3月5日下午，在参加十四届全国人大三次会议江苏代表团审议时，习近平总书记强调"
    assert text_of("version 2.0, build 3: ok") == "version 2.0, build 3: ok"


def test_pinyin_glosses_a_character_converter_left_are_dropped() -> None:
    raw = "赣府發(fā)〔2019〕11號\n關(guān)于加快發(fā)展旅游業的實(shí)施意見 页面宽度(px) 增加值(GDP)"
    text, offset_map = normalise(raw)
    assert text == "赣府發〔2019〕11號\n關于加快發展旅游業的實施意見 页面宽度（px）增加值（GDP)"
    assert_offsets_exact(raw, text, list(offset_map))


def test_pinyin_glosses_without_tone_marks_are_dropped_as_one_syllable_each() -> None:
    # a converter that writes glosses without tones, some doubled, brackets of either width mixed; Latin in
    # brackets that is no syllable (a road's code, a pollutant, a unit) and a bracketed Chinese word stay; the space
    # after a word's gloss is judged by the word, as in the page without glosses (一律 細顆粒物: two words)
    raw = "德州市人(ren)民(min)政府關于禁止(zhi)燒(shao)烤（kao)的通告 環(huan)(huan)路(G205) 一律(lv) 細顆粒物(PM2.5) 像素(px) 辦法(試行)"
    text, offset_map = normalise(raw)
    assert text == "德州市人民政府關于禁止燒烤的通告環路（G205）一律 細顆粒物（PM2.5）像素（px）辦法（試行）"
    assert_offsets_exact(raw, text, list(offset_map))


def test_a_gloss_of_a_characters_several_readings_between_slashes_is_dropped() -> None:
    # a converter glosses a character of several readings with each (一(yī / yì /yí)); a unit between slashes stays
    raw = "泉州市人(rén)民政府關于(yú)印發進一(yī / yì /yí)步支持外貿發展若幹措施的(de)通知 爲(wéi / wèi)了(le/liǎo) 時速(km/h)"
    text, offset_map = normalise(raw)
    assert text == "泉州市人民政府關于印發進一步支持外貿發展若幹措施的通知爲了時速（km/h)"
    assert_offsets_exact(raw, text, list(offset_map))


def test_the_characters_after_a_dropped_gloss_are_known() -> None:
    # the gap a gloss leaves in the offset map is no line break of the source (policy facts read them so)
    from kg.ingest.normalise import dropped_glosses

    raw = "對城區(qū)沿江大道實(shí)施交通管制的通告\n特此通告"
    text, offset_map = normalise(raw)
    assert text == "對城區沿江大道實施交通管制的通告\n特此通告"
    after, lengths = dropped_glosses(raw, offset_map)
    assert [text[i] for i in after] == ["沿", "施"]
    assert list(lengths) == [len("(qū)"), len("(shí)")]


def test_a_traditional_mirror_page_reads_without_the_glosses_inside_its_words() -> None:
    # a mirror site's page: glosses inside words and names, one with a space before its closing bracket
    # (創(chuàng )), a word's toned syllables spaced, a rare character of extension A glossed (㟃(wù))
    from kg.ingest.normalise import dropped_glosses

    raw = (
        "首頁(yè) > 政務(wù)公開\n"
        "國(guó)發(fā)〔2021〕29號\n"
        "在內(nèi)蒙古自治區(qū)第十四屆人民代表大會(huì )第三次會議上，預(yù)計地區(qū)生產(chǎn)總值增長6%左右。\n"
        "呼和浩特(hū hé hào tè)市社會(huì )資本參與創(chuàng )新，㟃(wù)口村通公路。\n"
    )
    text, offset_map = normalise(raw)
    assert text == (
        "首頁>政務公開\n國發〔2021〕29號\n"
        "在內蒙古自治區第十四屆人民代表大會第三次會議上，預計地區生產總值增長6%左右。\n"
        "呼和浩特市社會資本參與創新，㟃口村通公路。"
    )
    assert_offsets_exact(raw, text, list(offset_map))
    # every gap a gloss leaves is known as one, the spaced ones too (no line break of the source there)
    after = [text[i - 1:i + 1] for i in dropped_glosses(raw, offset_map)[0]]
    assert after == ["頁>", "務公", "國發", "發〔", "內蒙", "區第", "會第", "預計", "區生", "產總", "特市", "會資", "創新", "㟃口"]


def test_a_gloss_closing_a_cell_keeps_no_space_the_plain_page_does_not_keep() -> None:
    # a record table a converter glossed (發(fā)布機構(gòu) | 某市人民政府): the space after the cell's last character is
    # judged by the character, not by the gloss's bracket, so the page reads as its copy without glosses
    from kg.ingest.normalise import dropped_glosses, without_pinyin_glosses

    raw = "文件編號 | 宜政發(fā)[2024]129號 | 公開時限 | 長期公開 |\n發(fā)布機構(gòu) | 宜興市人民政府網(wǎng)站 | 公開形式 | 網(wǎng)站 |"
    text, offset_map = normalise(raw)
    assert text == normalise(without_pinyin_glosses(raw))[0]
    assert "發布機構|宜興市人民政府網站|" in text
    assert_offsets_exact(raw, text, list(offset_map))
    # the gap after 機構(gòu) is the gloss and the space: only the gloss is recorded as dropped
    after, lengths = dropped_glosses(raw, offset_map)
    bar = text.index("構|") + 1
    assert offset_map[bar] - offset_map[bar - 1] - 1 == lengths[list(after).index(bar)] + 1


def test_brackets_that_are_no_pinyin_gloss_stay() -> None:
    # abbreviations, words, numbers, a stock code's exchange, a list's labels, a name in pinyin, a loanword
    raw = (
        "國內生產總值（GDP）增長，採用(PPP)模式，辦法(試行)，（一）總體要求，方案(2021)，發行(A股)，"
        "覆蓋(Wi-Fi)，貴州茅台600519(sh)，情形(a)或第(i)項、條件(v)，記者張三(Zhang San)報道，咖啡(café)。"
    )
    assert text_of(raw) == (
        "國內生產總值（GDP）增長，採用（PPP）模式，辦法（試行），（一）總體要求，方案（2021)，發行（A股），"
        "覆蓋（Wi-Fi)，貴州茅台600519(sh)，情形（a）或第（i）項、條件（v)，記者張三（Zhang San）報道，咖啡（café)。"
    )


def test_spaces_a_page_saved_as_question_marks_are_spaces() -> None:
    raw = "某市人民政府办公室????\n  ?\n2021年6月3日????????\n为什么?请说明。"
    text, offset_map = normalise(raw)
    assert text.startswith("某市人民政府办公室\n2021年6月3日") and "?" not in text
    assert text.endswith("为什么？请说明。")  # a question mark of the text stays
    assert_offsets_exact(raw, text, list(offset_map))


def test_bom_and_zero_width_characters_are_dropped() -> None:
    raw = "\ufeff江苏\u200b省"
    assert text_of(raw) == "江苏省"


def test_characters_no_text_shows_are_dropped_and_counted() -> None:
    """A PDF's stray glyph codes, a pasted binary field and bidirectional overrides inside names: the
    names stay findable (江苏省, not 江苏\x01省) and XML, IRIs and pages can hold them."""
    from kg.ingest.normalise import unshown_characters

    raw = "江苏\x01省人民政府支持比\u202e亚迪\u202c股份有限公司\x7f在南京\x9b市\ufffe发展\u2066新能源\u2069汽车产业。"
    text, offset_map = normalise(raw)
    assert text == "江苏省人民政府支持比亚迪股份有限公司在南京市发展新能源汽车产业。"
    assert_offsets_exact(raw, text, list(offset_map))
    assert unshown_characters(raw) == {c: 1 for c in "\x01\u202e\u202c\x7f\x9b\ufffe\u2066\u2069"}
    assert not unshown_characters("江苏省\t人民政府\n\r\x0c")  # tab, line breaks and a PDF's page break are layout


def test_next_line_character_ends_a_line() -> None:
    raw = "苏州市发展和改革委员会\x85关于推进集成电路产业发展的通知"
    text, offset_map = normalise(raw, rejoin_lines=False)
    assert text == "苏州市发展和改革委员会\n关于推进集成电路产业发展的通知"
    assert_offsets_exact(raw, text, list(offset_map))


# --- lines ------------------------------------------------------------------------------------


def test_column_lines_are_rejoined_into_a_paragraph() -> None:
    raw = (  # 000, lines 282-296: a paragraph broken into column lines with blank lines between
        "国家发展改革委、国家能源局等部门前不久联合\n\n"
        "印发 《关于公布首批车网互动规模化应用试点的通\n\n"
        "知》，助推车网互动从局部区域的实验室项目走\n\n"
        "向全国范围的社会化实践。\n"
    )
    assert text_of(raw) == (
        "国家发展改革委、国家能源局等部门前不久联合印发《关于公布首批车网互动规模化应用试点的通知》，"
        "助推车网互动从局部区域的实验室项目走向全国范围的社会化实践。"
    )


def test_headings_and_bylines_stay_lines_of_their_own() -> None:
    raw = (  # 003, lines 6-23
        "越大，经济发展也会越来越有活力。\n"
        " 就业形势保持总体稳定\n\n"
        "让民间资本愿投敢投会投\n"
        "邓 浩\n\n"
        "王王 鹏鹏作作（（新华社发新华社发））\n\n"
        "多方发力化解绿电交易难题\n\n"
        "徐东涛\n\n"
        "虚拟数字人产业迎来新机遇\n"
        "李国正 刘亚杉\n\n"
        "绿电交易是沟通绿电生\n\n"
        "产与消费的纽带。当前，我\n"
    )
    assert text_of(raw).split("\n") == [
        "越大，经济发展也会越来越有活力。",
        "就业形势保持总体稳定",
        "让民间资本愿投敢投会投",
        "邓浩",
        "王鹏作（新华社发）",
        "多方发力化解绿电交易难题",
        "徐东涛",
        "虚拟数字人产业迎来新机遇",
        "李国正 刘亚杉",
        "绿电交易是沟通绿电生产与消费的纽带。当前，我",
    ]


def test_heading_before_an_indented_paragraph_stays_apart() -> None:
    raw = (  # 000, lines 11-16
        "福祉，又能稳定社会预期、有效激发内需潜力，是经济长期稳定增长的重要支撑。\n\n"
        "建好智慧养老的软硬件\n"
        " 目 前 ， 在 数 字 技 术 加 持\n\n"
        "下，智慧养老已经变得触手可\n"
    )
    assert text_of(raw).split("\n") == [
        "福祉，又能稳定社会预期、有效激发内需潜力，是经济长期稳定增长的重要支撑。",
        "建好智慧养老的软硬件",
        "目前，在数字技术加持下，智慧养老已经变得触手可",
    ]


def test_line_inside_an_open_title_bracket_continues() -> None:
    raw = "不久前发布的《关于推进绿色\n\n低碳转型加强全国碳市场建设的意\n\n见》明确指出，碳市场是重要工具。"  # 003
    assert text_of(raw) == "不久前发布的《关于推进绿色低碳转型加强全国碳市场建设的意见》明确指出，碳市场是重要工具。"


def test_a_web_address_line_stays_apart_from_the_title_under_it() -> None:
    # a saved page's address line over its title: the slash closing the address continues nothing
    raw = "EN\n//www.example-jobs.com/\n\n交通运输部关于印发某某港口群发展规划的通知\n\n2019-03-08 10:12 来源: 交通运输部网站"
    lines = text_of(raw).split("\n")
    assert lines[1] == "//www.example-jobs.com/" and lines[2].startswith("交通运输部关于印发某某港口群发展规划的通知")
    # …while a path broken over lines, or a list of words parted by slashes, goes on
    assert "\n" not in text_of("详见http://www.example.com/news/\n2019/0308.html 。")
    assert text_of("推动制造业/\n服务业融合发展。") == "推动制造业/服务业融合发展。"


def test_source_note_in_brackets_stays_apart() -> None:
    raw = "更好赋能经济高质量发展。\n\n（中国经济网供稿）\n\n日 前 ， 京 津 冀 绿 色 发\n\n展典型案例发布。"  # 003
    assert text_of(raw).split("\n") == [
        "更好赋能经济高质量发展。", "（中国经济网供稿）", "日前，京津冀绿色发展典型案例发布。",
    ]


def test_one_paragraph_per_line_text_keeps_short_headings_and_joins_split_words() -> None:
    body = "上海人工智能产业布局已形成“两核一窗”的战略空间格局，集聚了大量企业和研究机构，形成了完整的产业链条。"
    raw = (  # 001 layout: long paragraph lines, headings, a paragraph broken at a page end
        f"生态聚合效应产业集群崛起\n\n{body}\n\n"
        "位于浦东新区的“模力社区”充分利用张江科学城深厚的产业积淀，打造专注于垂\n\n"
        f"直领域的大模型生态高地。{body}\n\n"
        "科技深度融合创新范式变革\n\n"
        f"{body}\n"
    )
    assert text_of(raw).split("\n") == [
        "生态聚合效应产业集群崛起",
        body,
        f"位于浦东新区的“模力社区”充分利用张江科学城深厚的产业积淀，打造专注于垂直领域的大模型生态高地。{body}",
        "科技深度融合创新范式变革",
        body,
    ]


def test_rejoin_lines_off_keeps_every_line() -> None:
    assert normalise("第一段没有句号\n第二段", rejoin_lines=False)[0] == "第一段没有句号\n第二段"


def test_empty_and_blank_input() -> None:
    assert normalise("")[0] == "" and list(normalise("")[1]) == [0]
    assert normalise(" \n\u3000\n")[0] == ""


# --- the project's documents -------------------------------------------------------------


@pytest.fixture(scope="module")
def normalised_documents(corpus_files) -> list[tuple[str, str, list[int]]]:  # type: ignore[no-untyped-def]
    return normalised_files(corpus_files)


def test_offset_maps_of_real_documents_are_exact(normalised_documents) -> None:  # type: ignore[no-untyped-def]
    for raw, text, offset_map in normalised_documents:
        assert_offsets_exact(raw, text, offset_map)


def test_mention_spans_of_real_documents_round_trip(normalised_documents) -> None:  # type: ignore[no-untyped-def]
    assert count_round_tripped_mentions(normalised_documents) > 150


def test_a_letter_spaced_title_and_a_broken_sentence_are_repaired(corpus_files) -> None:  # type: ignore[no-untyped-def]
    raw = next(p for p in corpus_files if p.name == "01-yangtze-delta-nev.txt").read_text(encoding="utf-8")
    text = text_of(raw)
    assert CJK_SPACE_CJK.search(raw), "the example was written to show the artefact"
    assert not CJK_SPACE_CJK.search(text)


def test_a_chatty_lines_final_tilde_ends_its_paragraph() -> None:
    assert text_of("报告也谋划了“十四五”发展蓝图，快一起来看看~\n“十四五”主要目标\n构建厦门都市圈\n"
                   "力争厦门港集装箱吞吐量突破1500万标箱。") == \
        "报告也谋划了“十四五”发展蓝图，快一起来看看~\n“十四五”主要目标\n构建厦门都市圈\n力争厦门港集装箱吞吐量突破1500万标箱。"


def test_a_text_without_a_gloss_never_compiles_the_gloss_patterns() -> None:
    # kg's costliest patterns to compile (~0.03 CPU-s each, in every process): only a text that may hold a
    # gloss needs them; the ones that do still lose their glosses
    import subprocess
    import sys

    code = ("import importlib; n = importlib.import_module('kg.ingest.normalise'); n.normalise('第 一 章 发展 GDP(px) 江苏（G240）(PM2.5)\\n关于 加快 发展'); "
            "print(n._gloss_patterns.cache_info().currsize, n.normalise('發(fā)展')[0], n._gloss_patterns.cache_info().currsize)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["0", "發展", "1"]
