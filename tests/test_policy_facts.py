"""Policy attributes (issue 16): document number, ISO date, kind, level, period, the document's
own policy, and their place in `kg extract --format json`, on made-up text.

tests/data/policy-facts/jiangsu-digital-economy-notice.txt is a notice written for these tests:
a provincial 通知 with its number under the title, issuer and date at its foot, and the action
plan it issues, with targets under 发展目标 and a reported figure.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.policy_facts import (
    addressee_level, bare_level, document_number, issue_date, issuer_level, policy_kind, policy_period, record_number,
)
from tests.extract_fixtures import extract, extractor, printed  # noqa: F401 (fixture)

NOTICE = Path(__file__).resolve().parent / "data" / "policy-facts" / "jiangsu-digital-economy-notice.txt"
NOTICE_TITLE = "江苏省人民政府关于印发江苏省数字经济发展行动计划（2024—2026年）的通知"
PLAN_TITLE = "江苏省数字经济发展行动计划（2024—2026年）"


@pytest.fixture(scope="module")
def notice(extractor):
    from kg.ingest import read_document

    return printed(extractor.extract(read_document(NOTICE)))


def policy(result: dict, name: str) -> dict:
    return next(e for e in result["entities"] if e["type"] == "Policy" and e["name"] == name)


@pytest.mark.parametrize("head, expected", [
    ("国务院关于印发“十四五”数字经济发展规划的通知\n国发〔2021〕29号\n", "国发〔2021〕29号"),
    ("…的通知\n（皖政办秘〔2021〕82号）\n", "皖政办秘〔2021〕82号"),
    ("…的指导意见\n工信部信管[2025]180号\n", "工信部信管〔2025〕180号"),
    ("…实施方案\n苏政办发［2023］ 7 号\n", "苏政办发〔2023〕7号"),
    ("…实施方案\n各市人民政府：\n", None),
    # a heading whose line the normaliser joined to the number's (PDF lines): not the issuer code
    ("…三年行动方案（2025—2027年）的通知甘政办发〔2025〕21号\n", "甘政办发〔2025〕21号"),
    ("关于加快培育发展未来产业的实施意见黔府办发〔2025〕12号", "黔府办发〔2025〕12号"),
    # a page that lost the closing bracket and 号: the year and the serial run together on a line of their own
    ("…应急预案（试行）的通知\n牟政办发〔201746\n各乡镇人民政府，县级有关部门：", "牟政办发〔2017〕46号"),
    ("现将牟政办发〔201746号文件转发给你们。\n", None),
    # …or only its 号, the serial closing its brackets' line
    ("…成效明显市（州）的通知\n工信厅规函[2018]56\n各省、自治区、直辖市工业和信息化主管部门：", "工信厅规函〔2018〕56号"),
    ("按工信厅规函[2018]56的要求报送。\n", None),
    # a page whose encoding turned the number's brackets into stray marks, on a line of its own under the issuer
    ("某某市人民政府办公室\n富政办, 2005? 35号\n关于…的意见\n", "富政办〔2005〕35号"),
    ("根据富政办, 2005? 35号文件精神，现提出如下意见。\n", None),
])
def test_document_number_is_read_from_the_head_and_normalised(head, expected):
    assert document_number(head) == expected


@pytest.mark.parametrize("head, expected", [
    ("某市人民政府关于加强城市照明管理的通告\n某市人民政府\n甬府令第 45 号\n", "甬府令第45号"),
    ("城市道路管理条例\n中华人民共和国国务院令\n第 731 号\n现公布《城市道路管理条例》", "中华人民共和国国务院令第731号"),
    ("（2015年3月2日江西省人民政府令第188号发布 根据2019年江西省人民政府令第241号修订）", "江西省人民政府令第188号"),
    ("江西省气象灾害防御规定\n政府令〔2012〕第7号\n", "政府令〔2012〕第7号"),
    ("中华人民共和国主席令(十届第12号)\n", "中华人民共和国主席令（十届第12号）"),
    ("江西省第十二届人民代表大会常务委员会公告\n第15号\n", "江西省第十二届人民代表大会常务委员会公告第15号"),
    ("贛府發〔2019〕11號\n", "贛府發〔2019〕11号"),  # a page in traditional characters
    ("国务院关于同意福建省设立泉州市泉港区的批复\n(国函[20O0]31号)\n", "国函〔2000〕31号"),  # a letter O for a zero
    ("…秸秆禁烧工作的通知\n宁政发(2021)12号\n各乡镇人民政府：", "宁政发〔2021〕12号"),  # a site without the glyph 〔
    ("…秸秆禁烧工作的通知\n宁政发（2021）12号\n", "宁政发〔2021〕12号"),
    ("××政办发〔20××〕×号\n", None), ("XX政秘[20XX]61号\n", None),  # a template's placeholders
    ("江西省人民政府办公厅文件赣府厅发〔2020〕5号", "赣府厅发〔2020〕5号"),  # a red header joined to the number
    # a saver's line of Latin letters between the order's name and its serial, joined to the serial's line
    ("潍坊市人民政府令\nOriginal URL: http://lib.example.cn/bin/mse.exe?K=d70&rec=202&run=13第77号《潍坊市某办法》已经通过",
     "潍坊市人民政府令第77号"),
    # a law database's revision note joined to the order's line: its closing verb is no part of the order's name
    ("*注：本篇已被《某省人民政府关于修改<某省某管理办法>等12件规章的决定》（发布日期：2010年5月4日）修正某省人民政府令\n"
     "(第21号)\n《某省某暂行办法》，已于一九九三年五月六日经某省人民政府批准，发布施行。", "某省人民政府令第21号"),
    # an order cited with the year that names it, in brackets after the title it numbers: not the page's own
    ("某省人民政府办公厅关于做好某某评选工作的通知\n根据《某省某某评选和管理规定》(1999年省政府令第12号)的有关规定，", None),
    # a central body's yearly serial alone on the line under its title, maybe bracketed or letter-spaced: as printed
    ("国家药监局关于发布某某产品分类界定结果的通告\n2024年第3号\n为进一步规范…", "2024年第3号"),
    ("国家药监局关于某某事项的公告\n（2024年第12号）\n", "2024年第12号"),
    ("海关总署关于某某事项的公告\n2024 年第 27 号\n", "2024年第27号"),
    ("市场监管总局关于发布食品安全抽样检验\n不合格产品核查处置有关事项的公告\n2024年第21号\n为进一步规范…", "2024年第21号"),
    # …but not one a sentence runs on from under the title
    ("某某总局关于某某事项的公告\n2024年第18号文件同时废止。", None),
])
def test_orders_traditional_pages_and_red_headers_give_the_number_as_printed(head, expected):
    assert document_number(head) == expected


@pytest.mark.parametrize("head, expected", [
    # serial numbers of 通告/令 without an issuer code: bracketed, on a line of their own, in Chinese numerals
    ("某县防汛指挥部通告（第3号）\n为做好防汛工作，现通告如下：", "某县防汛指挥部通告第3号"),
    ("某市疫情防控指挥部\n通告\n（市防控指挥部第2号）\n为做好防控工作，", "市防控指挥部第2号"),
    ("某区人民政府森林防火禁火令（2024年第1號）当前天气干燥，", "某区人民政府森林防火禁火令2024年第1号"),
    ("某县防汛指挥部\n3号令\n各乡镇人民政府：严格落实市指挥部1号令的要求。", "3号令"),
    ("某市人民代表大会常务委员会公告\n第二十一号\n", "某市人民代表大会常务委员会公告第二十一号"),
    ("某某市指挥部关于加强疫情防控工作的通告（第5号）", "通告第5号"),  # an order's name cut at 的 keeps only its word
    # …but a 的 without 关于 is inside the body's own name (a wikisource page in traditional characters)
    ("黃岡市新型冠狀病毒感染的肺炎防控工作指揮部通告 (第1號)\n維基文庫", "黃岡市新型冠狀病毒感染的肺炎防控工作指揮部通告第1号"),
    # an order's serial closing its title's line; not one cited or named in a sentence
    ("跳转到内容\n临海市新型冠状病毒感染的肺炎疫情防控应急指挥部1号令\n维基文库，自由的图书馆", "1号令"),
    ("某县指挥部通告\n一、延长《5号令》执行时间，严格落实市防控指挥部2号令的要求。", None),
    # a number cited after the title it belongs to is not the document's own
    ("某县禁火令\n根据《森林防火条例》（国务院令第541号）的规定，特发布如下禁火令：", None),
    ("某省人民政府关于某事的决定\n为贯彻《中共中央关于某事的决定》（中发〔2016〕4号），", None),
    ("《某省某事实施方案》\n某政办发〔2022〕31号\n", "某政办发〔2022〕31号"),  # its own title on the line above
    # a site record's label before the number
    ("发文字号某交发〔2023〕41号\n", "某交发〔2023〕41号"),
    # a body that numbers its notices in a series of its own prints its whole name before the year, longer than a code
    ("某州市应对新冠肺炎疫情工作指挥部〔2022〕第5号通告为切实保障群众健康，", "某州市应对新冠肺炎疫情工作指挥部〔2022〕第5号"),
    # a serial printed with 第 after the year's bracket
    ("巩义市人民政府关于拟征收土地的预公告\n\n巩政征预告字〔2023〕第5号\n\n竹林镇镇集体:", "巩政征预告字〔2023〕第5号"),
    # a number the body's sentence goes on after (…号文的标准) is cited, not the document's own
    ("湛江市人民政府关于调整我市企业职工最低工资标准的通知\n各县(市、区)人民政府:\n"
     "从2018年7月1日起,我市企业职工最低工资标准按粤府函〔2018〕187号文的四类标准执行,", None),
    # …or that a sentence's citing verb runs into
    ("某县人民政府关于调整最低工资标准的通知\n各乡镇：\n我县最低工资标准按甬政办发〔2021〕3号执行，", None),
    ("某县人民政府关于某事的通知\n各乡镇：\n根据宁波市人民政府令第5号，", None),
    # before the 1990s: the year's last two digits in round brackets first, not one a sentence cites
    ("关于颁发《某办法》(试行)的通知\n ((78)交公路字412号)\n各省交通局：\n", "（78）交公路字412号"),
    ("各省交通局：\n按(84)财税字第12号规定执行。\n", None),
])
def test_serials_cited_numbers_and_labels(head, expected):
    assert document_number(head) == expected


@pytest.mark.parametrize("foot, expected", [
    # a site's record table at the page's foot, its labels a row over its values
    ("二○一一年二月二十三日\n主题词：农村公路 表彰 决定\n索  引  号 文       号 发布机构 发布日期\n"
     "N001-2011-000627 宛政〔2011〕7号\n某市人民政府办公室 2011-03-04\n", "宛政〔2011〕7号"),
    ("索引号 发布机构 发布日期\nN001-2011-000627 某市人民政府办公室\n依据宛政〔2011〕7号精神\n", None),  # no 文号 label
])
def test_a_record_tables_number_under_its_row_of_labels(foot, expected):
    assert record_number(foot) == expected


def test_an_issuer_code_never_spans_a_line_break_of_the_source(tmp_path):
    # a web page's title block: the normaliser joins its short lines, the offset map still knows them
    page = tmp_path / "page.txt"
    page.write_text("关于印发某市办理建议工作规则的通知\n作者：资料网 时间：2024-07-12\n\n某市人民政府办公室\n\n"
                    "关于印发某市人民政府办理人大代表建议\n\n洪政办发〔2011〕9号\n\n各县（区）人民政府：\n", encoding="utf-8")
    from kg.ingest import read_document

    document = read_document(page)
    assert document_number(document.text) != "洪政办发〔2011〕9号"  # as joined, a heading runs into it
    assert document_number(document.text, document.offset_map) == "洪政办发〔2011〕9号"


@pytest.mark.parametrize("text, expected", [
    ("现印发给你们。\n国务院\n2021年12月12日\n（此件公开发布）", "2021-12-12"),
    ("郑州航空港经济综合实验区条例\n2020年11月28日 河南省第十三届人民代表大会常务委员会第二十一次会议通过\n", "2020-11-28"),
    # as read: the normaliser drops the space between the date and the adopting body
    ("郑州航空港经济综合实验区条例\n2020年11月28日河南省第十三届人民代表大会常务委员会第二十一次会议通过\n", "2020-11-28"),
    ("2021年12月12日，国务院印发规划。\n", None),  # a date inside prose is not the date of issue
    ("工业和信息化部\n2025年13月45日\n", None),
    # orders and older notices sign in Chinese numerals; a typed page may have a Latin O for ○
    ("现予发布，自2002年1月1日起施行。\n市长\n二○○一年十二月三十日\n", "2001-12-30"),
    ("某市人民政府办公室\n二〇一〇年四月七日\n", "2010-04-07"),
    ("某市人民政府\n二OO六年二月二十日  \n", "2006-02-20"),
    ("某县公安局\n二0一一年五月十六日\n", "2011-05-16"),  # the digit 0 typed for 〇
    ("某市人民政府办公厅\n二o一一年四月二十二日\n", "2011-04-22"),  # a small Latin o
    ("于二○○一年十二月十三日通过。\n", None),
    # an order's signature run into the first article of its rules, the lines of a flattened page joined
    ("现予发布。市长某某某惠州市人民政府2013年5月20日第一条为加强城市绿地管理，制定本办法。", "2013-05-20"),
    ("经惠州市人民政府2013年5月20日第一次常务会议通过。", None),
    ("某县人民政府\n二○一○年一月八日。\n相关文档\n", "2010-01-08"),  # a full stop typed after it
    # a font that lost the glyph 〇: the year's numerals read as one year only, none to come
    ("市长：\n二六年十月十六日\n", "2006-10-16"),  # 2006; 2060 is to come, 2600 out of reach
    ("市长：\n二一年一月五日\n", None),  # 2001 or 2010
    ("市长：\n二六年二月三十日\n", None),  # no such day
    ("会议于二六年十月十六日召开。\n", None),
    ("某市防控指挥部通告\n第3号\n2021年2月3日于某市\n发布机关：某市防控指挥部\n", "2021-02-03"),  # signed at a place
    ("会议于2021年2月3日于北京召开。\n", None),
    # a law database's provenance line: its first date, the adoption or publication, unless it records a revision:
    # the text as printed is the latest revision's (a revision without its day dates nothing)
    ("江西省城市供水条例\n（2009年7月22日江西省第十一届人民代表大会常务委员会第十次会议通过）\n", "2009-07-22"),
    ("江西省实施办法\n(1998年11月17日江西省人民政府令第96号发布 根据2004年7月15日江西省人民政府令第172号修订)\n",
     "2004-07-15"),
    ("江西省实施办法\n(1998年11月17日江西省人民政府令第96号发布 根据2004年江西省人民政府令第172号修订)\n",
     "1998-11-17"),
    # …a text adopted at a meeting and promulgated later is dated by its promulgation
    ("某省组织机构代码管理办法\n（2002年10月16日某省人民政府第28次常务会议审议通过 2002年10月30日某省人民政府令第147号公布）\n",
     "2002-10-30"),
    # …or an order's date and number alone in that bracket
    ("某市征兵工作暂行规定\n(1994年8月12日 某市人民政府令第4号)\n第一章 总则\n", "1994-08-12"),
    ("《人民日报》（2025年07月02日第 18 版）\n", None),
    # a forum's anti-scraping filler before the foot's date on its line; a posting stamp with its time is none
    ("发表于 2022年12月28日 17:16\n确保节日平安。\n% l: u0 V/ `( S) K+ X某市人民政府办公室\n"
     ", L6 ~. M6 R7 N& I( G2022年12月8日\n您需要登录后才可以回帖\n", "2022-12-08"),
    # a page that lost the characters 年月日 signs with the date's digits only, under its signer (or a note)
    ("五、本通告自公布之日起执行。\n沅江市人民政府\n20171116\n相关信息\n", "2017-11-16"),
    ("请认真贯彻执行。\n某县人民政府办公室\n（此件公开发布）\n{ 2017 6 23\n", "2017-06-23"),
    ("请认真贯彻执行\n某市人民政府办公室\n2018525\n", "2018-05-25"),
    ("请认真贯彻执行\n某市人民政府办公室\n2018115\n", None),  # 1月15日 or 11月5日
    # …or right under the body's closing words, the signer left out (a note may follow it)
    ("五、本通告自发布之日起施行。\n特此通告\n2019424\n", "2019-04-24"),
    ("现将《某市行动方案》印发给你们，请认真贯彻执行。\n2020928\n（此件公开发布）\n", "2020-09-28"),
    ("特此通告\n2019230\n", None),  # neither 2月30日 nor 23月0日 is a day
    ("附件：3.示意图\n202465\n", None),  # no signer above it: a figure, a code
    # a repost that writes the foot's date in figures
    ("现将有关事项通告如下。\n宁海县人民政府\n2021-03-02\n", "2021-03-02"),
    ("现将有关事项通告如下。\n宁海县人民政府\n2021.3.2\n", "2021-03-02"),
    ("附件：3.示意图\n2024-6-5\n", None),
    # a page saved with its markup: the date is a paragraph of its own
    ('<p style="text-align: right;"> 山西省人民政府</p><p style="text-align: right;"> 2018年3月27日</p>', "2018-03-27"),
    ("<p>2018年3月27日，省政府召开常务会议。</p>", None),
    # the only date at the foot is the printing line (版记), with or without the office that prints it
    ("对因措施不力造成森林火灾的，从严追究责任。\n附件\n嵩县人民政府办公室\n2017年10月30日印发\n展开\n", "2017-10-30"),
    ("本通告自发布之日起施行。\n桂东县人民政府办公室2017年5月27日印发\n85%的人还看了\n", "2017-05-27"),
    ("2017年5月27日印发的通知要求各乡镇落实。\n", None),
    # a date in Chinese numerals after its signer's name and a space, on the signer's line
    ("请认真贯彻执行。\n宁海县人民政府办公室 二〇二一年一月五日\n", "2021-01-05"),
    ("会议于 二〇二一年一月五日召开。\n", None),
    # …or running on into the printing record on a flattened page
    ("附件：各市最低工资标准表\n山东省人民政府\n二〇一二年二月二十九日 主题词：劳动 工资 通知\n抄送：省委各部门。\n", "2012-02-29"),
    ("二〇一二年二月二十九日 主题词比对结果\n", None),
    ("山东省人民政府\n2012年2月29日 抄送：省委各部门。\n", "2012-02-29"),
])
def test_date_of_issue_is_a_date_standing_alone_on_a_line(text, expected):
    assert issue_date(text) == expected


@pytest.mark.parametrize("title, kind", [
    ("国务院关于印发“十四五”数字经济发展规划的通知", "通知"),
    ("工业和信息化部关于优化业务准入促进卫星通信产业发展的指导意见", "意见"),
    ("山东省推动智能传感器产业发展行动计划（2021-2023年）", "计划"),
    ("加快数字化高质量发展打造数字先锋城市推进方案", "方案"),
    ("粤港澳大湾区发展规划纲要", "纲要"),
    ("郑州航空港经济综合实验区条例", "条例"),
    ("江苏省数字经济促进办法（试行）", "办法"),
    # a text that implements another is of that one's kind, as 实施意见 is an 意见: 实施细则 is 细则 (ontology/policy-kinds.ttl)
    ("西宁住房公积金提取管理实施细则", "细则"), ("某市既有住宅增设电梯实施办法", "办法"), ("某市关于推进某工作的实施意见", "意见"),
    ("长三角一体化发展报告", None),
    # a notice's heading cut before its 的通知 is still a notice's; a title quoting one, or awarding a prize, is not
    ("山西省人民政府办公厅关于印发山西省贯彻落实《促进中部地区崛起“十三五”规划》工作方案", "通知"),
    ("某市关于贯彻落实《国务院关于印发某规划的通知》的实施意见", "意见"), ("某省人民政府关于颁发2023年度科学技术奖的决定", "决定"),
    ("国务院办公厅关于印发《国务院有关部门制定应急预案工作指南》的函", None),
    ("湖北省人民政府關于進一步優化營商環境的若干意見", "意见"),  # a page in traditional characters
    ("遼寧省城市供水條例", "条例"),
    ("國務院關於同意吉林省設立扶餘縣和松原市扶餘區更名為寧江區的批覆", "批复"),  # 批覆, the traditional reply
    ("某县人民政府森林防火禁火令", "令"), ("中华人民共和国国务院令", None),  # an order's title, not its series
    ("銅川市人民政府令第1號", "令"),  # …but an order named by its number in the series is one
    ("某县人民政府森林防火戒严令", "令"), ("銅川市人民政府森林防火戒嚴令", "令"), ("某市烟花爆竹禁放令", "令"),
    ("某区人民政府森林防火禁令", "令"),  # a ban of any kind (禁令) is an order
])
def test_kind_comes_from_the_titles_instrument_word(title, kind):
    assert policy_kind(title) == kind


@pytest.mark.parametrize("title, head", [
    ("关于建立健全信息发布和政策解读机制的实施意见", "意见"),  # an opinion on interpreting policies
    ("某县人民政府关于做好政策问答和回应关切工作的通知", "通知"),
    ("政策解读：关于加快发展数字经济的实施意见", None),  # the interpretation of an opinion is none
    ("《关于加快发展数字经济的实施意见》解读", None), ("加快发展数字经济实施意见政策问答", None),
])
def test_a_media_word_is_a_headings_subject_only_between_its_about_and_its_instrument_word(title, head):
    from kg.extract.policy import policy_head

    assert policy_head(title) == head


@pytest.mark.parametrize("title, period", [
    ("山东省推动智能传感器产业发展行动计划（2021-2023年）", {"start": 2021, "end": 2023}),
    ("甘肃省中医药产业发展三年行动方案（2025—2027年）", {"start": 2025, "end": 2027}),
    ("“十四五”数字经济发展规划", {"start": 2021, "end": 2025}),
    ("十三五国家战略性新兴产业发展规划", {"start": 2016, "end": 2020}),
    ("“十五五”规划", {"start": 2026, "end": 2030}),
    ("国民经济和社会发展第十四个五年规划和2035年远景目标纲要", {"start": 2021, "end": 2025}),
    ("关于印发安徽省工业互联网创新发展行动计划（2021-2023年）的通知", None),  # the plan's, not the notice's
    ("江苏省数字经济促进办法", None),
])
def test_period_from_a_bracketed_span_or_a_five_year_plan(title, period):
    assert policy_period(title) == period


@pytest.mark.parametrize("issuer, level", [
    ("国务院关于印发…的通知", "central"), ("工业和信息化部关于…的指导意见", "central"),
    ("安徽省人民政府办公厅关于…的通知", "provincial"), ("上海市人民政府关于…的若干意见", "provincial"),
    ("济南市人民政府关于…的通知", "municipal"), ("昆山市人民政府关于…的通知", "county"),
    ("新疆生产建设兵团关于…的实施意见", "provincial"),
    ("国家税务总局山东省税务局关于…的通知", "provincial"),  # a national bureau's branch in a province
    ("青岛市崂山区人民政府办公室关于…的通知", "county"), ("江苏省苏州市人民政府关于…的通知", "municipal"),
    ("保定清苑区某某镇人民政府关于…的通告", None),  # a township: no level of the scheme
    ("國務院關於…的批復", "central"), ("廣東省人民政府辦公廳關於…的通知", "provincial"),  # traditional pages
    ("寧海縣公安局關於…的通告", "county"),
    ("关于加快数字化发展的实施方案", None),
    # central bodies since merged or renamed, as law databases' older documents name them; a 部门 is none
    ("铁道部关于铁路货物运输管理的通知", "central"), ("国家计委关于…的批复", "central"), ("卫生部门关于…的通知", None),
    ("国家商检局关于…的通知", "central"),
    # a province's short name before a city's word names no province: 贵州市, a misprint of 贵阳市 (its addressees tell)
    ("贵州市人民政府办公厅关于…的通知", None), ("海南州人民政府关于…的通知", None), ("吉林市人民政府关于…的通知", "municipal"),
    # a Party committee is of its region's level; the Central Committee is central
    ("中共宁波市委办公室 宁波市人民政府办公室关于…的通知", "municipal"), ("中国共产党宁海县委员会关于…的决定", "county"),
    ("中共浙江省委 浙江省人民政府关于…的意见", "provincial"), ("中共中央办公厅 国务院办公厅关于…的意见", "central"),
    # a title's year before its region: the region's level
    ("2023年常熟市义务教育阶段学校入学工作意见", "county"), ("2021年度宁波市重点工程建设计划", "municipal"),
    # a plan for a grouping of regions names no issuer: not the district or province its name begins with
    ("中原城市群发展规划", None), ("山东半岛城市群发展规划", None),
])
def test_level_from_the_issuer_the_title_starts_with(issuer, level):
    from kg.reference import load_reference

    assert issuer_level(issuer, load_reference()) == level


@pytest.mark.parametrize("issuer, level", [
    ("省政府关于追授某某同志见义勇为英雄称号的决定", "provincial"), ("州人大常委会法工委", "municipal"),
    ("县人大工作评议办公室", "county"), ("市委办公室", "municipal"), ("區政府辦公室", "county"),
    ("市场监管局", None), ("关于加快数字化发展的实施方案", None),
    # a department named in full by its level's word, as a record table prints its publisher
    ("县交运局", "county"), ("市财政局", "municipal"), ("省教育厅", "provincial"), ("市场监督管理局", None),
    ("县交运局关于某事的通告", None),
])
def test_level_from_a_body_named_by_its_levels_word_alone(issuer, level):
    from kg.reference import load_reference

    assert bare_level(issuer, load_reference()) == level


@pytest.mark.parametrize("head, level", [
    ("某某关于印发某办法的通知\n各市、州人民政府，省政府各部门：现将办法印发给你们。", "provincial"),
    ("某某关于某事的通知各县（市、区）人民政府，市直各单位：", "municipal"),
    ("某某关于某事的通知\n各乡镇人民政府，县政府各部门：", "county"),
    # its own level's departments tell before the governments below it (a city without counties)
    ("某某关于某事的通知\n各镇人民政府（街道办事处），市府直属各单位：", "municipal"),
    ("关于印发某某办法的通知\n各县、市人民政府，地直有关单位：", "municipal"),  # a prefecture's own units
    ("某某关于某事的通知\n有关单位：", None),
    ("转发省某厅关于某事的通知\n各县（市、区）农业局（农业事务管理局）:\n为贯彻落实…", "municipal"),  # a half-width colon
])
def test_level_from_the_addressees_when_the_issuer_is_garbled(head, level):
    assert addressee_level(head) == level


def test_the_notice_carries_number_date_kind_and_level(notice):
    assert policy(notice, NOTICE_TITLE)["attributes"] == {
        "number": "苏政发〔2024〕15号", "date": "2024-03-05", "kind": "通知", "level": "provincial"}


def test_the_plan_it_issues_carries_kind_level_and_period_but_not_the_notices_number(notice):
    assert policy(notice, PLAN_TITLE)["attributes"] == {
        "kind": "计划", "level": "provincial", "period": {"start": 2024, "end": 2026}}


def test_a_numbered_heading_no_recogniser_took_becomes_the_documents_policy(extractor):
    # the normaliser joins a heading with the notice's first lines; the number still marks it
    result = extract(extractor, "安徽省推进“三地一区”建设领导小组办公室关于印发实施意见的通知（皖开放办〔2022〕6号）"
                                "省有关单位：现印发给你们。\n安徽省推进“三地一区”建设领导小组办公室\n2022年3月23日\n")
    title = "安徽省推进三地一区建设领导小组办公室关于印发实施意见的通知"
    assert policy(result, title)["attributes"] == {
        "kind": "通知", "level": "provincial", "number": "皖开放办〔2022〕6号", "date": "2022-03-23"}


def test_a_notice_without_its_issuers_name_has_the_level_of_the_text_it_issues(extractor):
    result = extract(extractor, "关于印发宁波市物业服务收费管理办法的通知\n甬政办发〔2006〕12号\n有关单位：\n"
                                "现将《宁波市物业服务收费管理办法》印发给你们，请认真执行。\n二〇〇六年三月一日\n")
    assert policy(result, "关于印发宁波市物业服务收费管理办法的通知")["attributes"]["level"] == "municipal"


def test_a_record_tables_publisher_gives_the_level_of_a_notice_naming_no_issuer(extractor):
    result = extract(extractor, "网站首页> 政府信息公开 > 县交运局\n索引号: 11341722003251665A/202305-00043\n"
                                "发布机构: 县交运局 主题分类: 其他\n成文日期: 2023-05-25\n"
                                "关于新建街路主车道分道封闭施工的通告\n为保障施工安全，对主车道实施分道封闭施工。\n")
    attributes = policy(result, "关于新建街路主车道分道封闭施工的通告")["attributes"]
    assert (attributes["kind"], attributes["level"]) == ("通告", "county")


def test_a_regulation_adopted_by_a_provincial_congress_is_provincial(extractor):
    # the title names a zone of 郑州 (a city); the body that adopted it is the province's
    result = extract(extractor, "郑州航空港经济综合实验区条例\n2020年11月28日河南省第十三届人民代表大会常务委员会"
                                "第二十一次会议通过\n第一章 总则\n第一条 为了促进实验区的开发建设，制定本条例。\n")
    attributes = policy(result, "郑州航空港经济综合实验区条例")["attributes"]
    assert (attributes["date"], attributes["kind"], attributes["level"]) == ("2020-11-28", "条例", "provincial")


def test_a_news_item_gets_no_number_or_date(extractor):
    result = extract(extractor, "2024年3月5日，江苏省人民政府印发《江苏省数字经济发展行动计划（2024—2026年）》。\n")
    attributes = policy(result, PLAN_TITLE)["attributes"]
    assert "number" not in attributes and attributes.get("date") != "2024-03-05"
    assert attributes["period"] == {"start": 2024, "end": 2026}


def test_a_title_is_dated_by_the_day_printed_before_it_with_its_issuing_verb_only(extractor):
    # a year before a title says which year's report it is, and a day something else happened is no issue date
    result = extract(extractor, "省政府于2021年12月20日印发《江苏省数字经济促进条例》。各地要落实2022年《政府工作报告》"
                                "部署，执行2022年3月1日起施行的《江苏省城市供水管理办法》。\n")
    assert policy(result, "江苏省数字经济促进条例")["attributes"]["date"] == "2021-12-20"
    assert "date" not in policy(result, "政府工作报告").get("attributes", {})
    assert "date" not in policy(result, "江苏省城市供水管理办法").get("attributes", {})


def test_json_keeps_every_existing_key_and_adds_targets(notice):
    assert list(notice) == ["source", "entities", "relations", "targets"]
    assert all(set(e) >= {"id", "type", "name", "aliases", "mentions", "confidence"} for e in notice["entities"])
    assert all("attributes" not in e or e["attributes"] for e in notice["entities"])




WEB_PAGES = Path(__file__).resolve().parent / "data" / "policy-facts" / "web-pages"


def test_a_news_headline_in_the_breadcrumb_is_no_document_policy(extractor):
    from kg.ingest import read_document

    result = printed(extractor.extract(read_document(WEB_PAGES / "news-headline-in-breadcrumb.txt")))
    assert not any({"number", "date"} & set(e.get("attributes", {})) for e in result["entities"])


@pytest.mark.parametrize("page", ["news-headline-reporting-a-notice", "gazette-table-of-contents",
                                  "compilation-contents-with-dashed-page-numbers",
                                  "list-of-a-governments-documents-with-their-numbers",
                                  "list-of-a-bureaus-notices-numbered-in-brackets",
                                  "list-of-documents-each-number-before-its-title"])
def test_a_page_about_or_listing_documents_is_none_of_them(extractor, page):
    # a newspaper's headline reporting a notice (…办公厅印发通知) over its date; a gazette's table of contents, whose
    # titles and order number are each followed by the page they start on (…令 2020年第1号/2); a compilation's list
    # of contents without the word 目录 under a news site's posting line, each title followed by its page between
    # dashes (…的意见 - 1 -); a site's list of documents, a row each of title and number in either order, maybe the
    # number in brackets and the date, in cells the normaliser runs together
    from kg.ingest import read_document

    result = extractor.extract(read_document(WEB_PAGES / f"{page}.txt"))
    assert result.document_policy == ""
    assert not any({"number", "date"} & set(e.attributes) for e in result.entities if e.type == "Policy")


def test_a_graphic_interpretations_posting_date_is_not_its_policys(extractor):
    # 一图读懂丨…的实施意见 over the page's 发布日期 and the policy's 文件名称/文号/发布机关 lines: the page is about the policy
    # it names (as a 政策解读 is) and quotes its number, but its 发布日期 is the page's own day (it was the policy's date)
    from kg.ingest import read_document

    result = extractor.extract(read_document(WEB_PAGES / "graphic-interpretation-quoting-its-policys-record.txt"))
    quoted = next(e for e in result.entities if e.type == "Policy")
    assert quoted.name == "嘉兴市南湖区人民政府关于加快推进老旧小区改造提升的实施意见"
    assert quoted.attributes == {"kind": "意见", "level": "county", "number": "南政发〔2024〕9号"}


def test_a_law_databases_bracket_of_number_and_chinese_date_dates_the_notice(extractor):
    # （某检发〔1990〕12号 一九九〇年三月五日） on a line of its own under the title; the page's foot is cut off
    from kg.ingest import read_document

    result = extractor.extract(read_document(WEB_PAGES / "law-database-number-and-chinese-date-in-brackets.txt"))
    document_policy = next(e for e in result.entities if e.iri == result.document_policy)
    assert document_policy.name == "某某部关于加强出口商品检验工作的通知"
    assert (document_policy.attributes["number"], document_policy.attributes["date"]) == ("某检发〔1990〕12号", "1990-03-05")


def test_a_breadcrumb_ending_in_a_category_of_notices_is_no_policy(extractor):
    # 首页 > 信息公开 > 通知公告 opens the page: a category word (公告) ends it, the title is the line under it
    from kg.ingest import read_document

    result = extractor.extract(read_document(WEB_PAGES / "breadcrumb-ending-in-a-notice-category.txt"))
    document_policy = next(e for e in result.entities if e.iri == result.document_policy)
    assert document_policy.name == "宁海县人民政府关于调整部分道路限速的通告"
    assert document_policy.attributes == {"kind": "通告", "level": "county", "date": "2021-03-02"}
    assert not any("首页" in e.name for e in result.entities if e.type == "Policy")


def test_a_title_behind_the_sites_chrome_lines_leaves_no_policy_named_with_the_chrome(extractor):
    # the site's name, category and posting dates over the title, joined to it by the normaliser: the title is
    # the heading from its issuer on, and the name with the chrome is no policy
    from kg.ingest import read_document

    result = extractor.extract(read_document(WEB_PAGES / "announcement-under-site-chrome-lines.txt"))
    document_policy = next(e for e in result.entities if e.iri == result.document_policy)
    assert document_policy.name == "宁海县人民政府关于拟征收某镇某社区居民委员会土地的预公告"
    assert document_policy.attributes["number"] == "宁政征预告字〔2023〕第5号"
    assert [e.name for e in result.entities if e.type == "Policy"] == [document_policy.name]


def test_a_decision_is_dated_in_brackets_under_its_title_not_by_the_pages_chrome(extractor):
    from kg.ingest import read_document

    result = extractor.extract(read_document(WEB_PAGES / "decision-dated-under-its-title.txt"))
    document_policy = next(e for e in result.entities if e.iri == result.document_policy)
    assert document_policy.name.endswith("关于加快建设创新型省份的决定")
    assert document_policy.attributes["date"] == "2007-04-12"  # not the page's 2007年04月20日


def test_a_title_printed_with_its_own_number_in_brackets_is_also_named_without_it(extractor):
    from kg.ingest import read_document

    result = extractor.extract(read_document(WEB_PAGES / "announcement-titled-with-its-number-in-brackets.txt"))
    document_policy = next(e for e in result.entities if e.iri == result.document_policy)
    assert "拟征收土地预公告" in document_policy.aliases
    assert document_policy.attributes == {"kind": "公告", "level": "county", "number": "宁征预公告〔2023〕12号",
                                          "date": "2023-06-12"}


def test_an_announcement_is_also_named_with_the_bracket_of_its_serial_it_was_printed_with(extractor):
    from kg.ingest import read_document

    result = extractor.extract(read_document(WEB_PAGES / "announcement-under-arrow-breadcrumb.txt"))
    document_policy = next(e for e in result.entities if e.iri == result.document_policy)
    assert document_policy.name == "大连市人民代表大会常务委员会办公室公告"
    assert "大连市人民代表大会常务委员会办公室公告（第3号）" in document_policy.aliases


def test_a_heading_behind_a_forums_filler_is_also_named_with_its_issuers_line_above(extractor):
    # anti-scraping filler without Chinese opens the heading's line; the issuer's line stands above it
    from kg.ingest import read_document

    result = extractor.extract(read_document(WEB_PAGES / "heading-behind-anti-scraping-filler.txt"))
    document_policy = next(e for e in result.entities if e.iri == result.document_policy)
    assert document_policy.name == "关于调整全省最低工资标准的通知"
    assert "浙江省人民政府关于调整全省最低工资标准的通知" in document_policy.aliases


def test_a_notice_is_also_named_by_its_own_heading_on_a_line_of_its_own(extractor):
    # a news site's headline puts the place before the notice's own heading, printed on a line of its own below
    from kg.ingest import read_document

    result = printed(extractor.extract(read_document(WEB_PAGES / "circular-reposted-on-a-news-site.txt")))
    assert "关于实施交通管制的通告" in policy(result, "宁海县关于实施交通管制的通告")["aliases"]
    # a news site's headline over the red header's issuer line and 关于 line: named by both, the full title too
    page = WEB_PAGES / "circular-under-a-posting-stamp-dated-by-its-printing-line.txt"
    result = printed(extractor.extract(read_document(page)))
    aliases = policy(result, "宁海县关于禁止露天焚烧秸秆的通告")["aliases"]
    assert {"关于禁止露天焚烧秸秆的通告", "宁海县人民政府关于禁止露天焚烧秸秆的通告"} <= set(aliases)
    # a law database's page of the text a notice issues: the notice is also named by its 关于 line under its issuer's
    page = WEB_PAGES / "law-database-notice-under-its-issuers-line.txt"
    result = printed(extractor.extract(read_document(page)))
    notice = policy(result, "浙江省宁波市人民政府办公室关于印发宁波市市本级政务公开工作实施细则的通知")
    assert "关于印发宁波市市本级政务公开工作实施细则的通知" in notice["aliases"]


#: Notices as web pages print them (tests/data/policy-facts/web-pages, made-up text of the shapes real
#: pages have): chrome before the title, a number beside or over the title, an order, a database
#: record with or without a title, a regulation's provenance line, traditional characters.
@pytest.mark.parametrize("page, title, expected", [
    ("order-behind-page-chrome", "宁波市人民政府关于加强城市绿化管理的通告", {"number": "甬府令第45号", "date": "2002-01-05"}),
    ("issued-before-addressees", "宁海县城市管理办法", {"date": "2019-01-17"}),
    ("heading-with-addressees-after-chrome", "宁海县城市照明管理办法（试行）", {"date": "2006-02-20"}),
    ("title-under-red-header-number", "江西省人民政府办公厅关于加强城市供水管理工作的通知", {"number": "赣府厅发〔2010〕24号"}),
    ("database-record-without-title", "江西省促进城乡居民增收实施方案", {"number": "赣府发〔2018〕13号"}),
    ("regulation-provenance-line", "江西省城市供水条例", {"date": "2009-07-22"}),
    ("traditional-characters", "廣東省人民政府關于加快發展旅遊業的若干意見", {"number": "粵府〔2019〕15号", "kind": "意见"}),
    # a traditional heading under its issuer's line (廣東省人民政府辦公廳|關於…的通知): that line gives the level
    ("traditional-heading-under-its-issuers-line", "關於加強森林防火工作的通知",
     {"number": "粵府辦〔2019〕15号", "date": "2019-03-02", "kind": "通知", "level": "provincial"}),
    # a traditional 批覆 whose title line is printed again before its number, issuer and date
    ("traditional-reply-title-printed-twice", "國務院關於同意浙江省設立寧海縣和寧波市某區更名為某某區的批覆",
     {"number": "國函〔1996〕42号", "date": "1996-05-14", "kind": "批复", "level": "central"}),
    ("title-line-over-a-document-record", "奉化区人民政府工作规则", {"number": "奉政发〔2023〕5号", "date": "2023-03-16"}),
    ("issued-after-addressees-without-title", "奉化区人民政府常务会议议事规则", {"date": "2023-05-16"}),
    ("circular-numbered-in-its-series", "宁海县防汛防台工作指挥部办公室通告",
     {"number": "宁海县防汛防台工作指挥部办公室通告第2号", "date": "2023-07-28", "kind": "通告"}),
    ("order-of-a-command-post", "宁海县防汛防台工作指挥部3号令", {"number": "3号令", "date": "2023-07-29", "kind": "令"}),
    ("circular-signed-in-its-head", "宁海县防汛防台工作指挥部通告", {"number": "宁海县防汛防台工作指挥部通告第4号",
                                                               "date": "2023-08-01"}),
    ("record-label-and-cited-number", "江西省公路养护管理办法", {"number": "赣交发〔2023〕41号", "date": "2023-06-12"}),
    # a law database's record fields under the site's menus; a national bureau's provincial branch
    ("law-database-record-fields", "国家税务总局江西省税务局关于优化纳税服务若干措施的通知",
     {"number": "赣税发〔2022〕7号", "date": "2022-03-08", "kind": "通知", "level": "provincial"}),
    ("law-database-announcement-by-year", "江西省国家税务局关于发票管理有关事项的公告",
     {"number": "江西省国家税务局公告2017年第3号", "date": "2017-05-12", "kind": "公告"}),
    # spaces saved as ?, the title broken over two lines under the number, the issuer's name garbled:
    # its addressees show a city's office
    ("title-broken-over-lines-lost-spaces", "某某资讯办公厅关于印发《政务信息发布工作规范（试行）》的通知",
     {"number": "宜政办〔2021〕17号", "date": "2021-06-03", "kind": "通知", "level": "municipal"}),
    # the heading of the notice issuing the page's text, behind a breadcrumb: a policy of its own with
    # its issuer's level (the text it issues names the city)
    ("issuing-notice-behind-breadcrumb", "关于印发《宁波市住宅小区物业管理实施细则》的通知", {"kind": "通知", "level": "municipal"}),
    ("issuing-notice-behind-breadcrumb", "宁波市住宅小区物业管理实施细则", {"number": "甬政发〔2004〕18号", "date": "2004-03-02"}),
    # a numbered heading the normaliser joined to the site's labels (来源： nb2024…): the heading alone
    ("numbered-heading-behind-site-labels", "宁波市人民政府关于推动民营经济高质量发展的实施意见",
     {"number": "甬政发〔2024〕9号", "date": "2024-02-27", "kind": "意见", "level": "municipal"}),
    # a regulation titled without 关于 on a line of its own, under the record table that numbers it and over its first
    # chapter (文号：绵公积金委〔2023〕5号|绵阳住房公积金缴存管理实施细则|第一章　总则), dated only by the site's 发布日期; or over
    # its first article with no record (…|德阳市城市道路挖掘修复管理规定|第一条…), or under its record over its preamble
    ("regulation-titled-without-about-under-its-record-table", "绵阳住房公积金缴存管理实施细则",
     {"number": "绵公积金委〔2023〕5号", "date": "2023-11-20", "kind": "细则", "level": "municipal"}),
    ("regulation-titled-without-about-over-its-first-article", "德阳市城市道路挖掘修复管理规定",
     {"number": None, "date": "2023-03-28", "kind": "规定", "level": "municipal"}),
    ("rules-titled-without-about-under-its-record-table-over-its-preamble", "遂宁市城乡居民医疗保险门诊统筹管理办法",
     {"number": "遂医保发〔2024〕3号", "date": "2024-02-06", "kind": "办法", "level": "municipal"}),
    # a heading broken over two lines under the record that numbers it, right above its addressees (…关于加快推进肉牛产业|
    # 高质量发展的实施意见|各乡镇人民政府…：): an opinion's, not only a notice's
    ("opinion-heading-broken-over-two-lines-under-its-record-table", "托克托县人民政府关于加快推进肉牛产业高质量发展的实施意见",
     {"number": "托政发〔2024〕9号", "date": "2024-03-22", "kind": "意见", "level": "county"}),
    # …or broken inside its issuer's name (泉州市人民政府辦公|室關於…的意見): named with the whole issuer, not from 室關於
    ("opinion-heading-broken-inside-its-issuers-name", "泉州市人民政府辦公室關於進一步加強城市道路停車管理工作的意見",
     {"number": "泉政辦〔2024〕21号", "date": "2024-06-03", "kind": "意见", "level": "municipal"}),
    # …or inside 关于 itself (國務院辦公廳關|於進一步…的意見): named with its issuer, not from the lower line's 於
    ("heading-broken-inside-its-about", "國務院辦公廳關於進一步加強城市地下管線建設管理的意見",
     {"number": "國辦發〔2024〕21号", "date": "2024-05-20", "kind": "意见", "level": "central"}),
    # a title without 关于 on the two lines right above its number: over its period (…三年行动方案|（2024—2026年）), or broken
    # where its line ran full (昆明市推进老旧小区改造提|质增效三年工作方案), also over a copy of the number a record table printed
    # first (攸县…财务管理|实施细则|攸政办发〔2024〕6号) or over its first chapter (格尔木市城市供水管理实|施细则|第一章　总则): named
    # whole, not from its lower line or with the chrome
    ("rules-title-broken-over-a-copy-of-the-record-tables-number", "攸县农村集体经济组织财务管理实施细则",
     {"number": "攸政办发〔2024〕6号", "date": "2024-05-13", "kind": "细则", "level": "county"}),
    ("regulation-title-broken-over-two-lines-above-its-first-chapter", "格尔木市城市供水管理实施细则",
     {"number": "格建〔2024〕12号", "date": "2024-03-07", "kind": "细则", "level": "county"}),
    ("plan-titled-over-its-period-on-a-line-of-its-own-above-its-number", "硚口区促进数字经济发展三年行动方案（2024—2026年）",
     {"number": "硚政办〔2024〕5号", "date": "2024-02-19", "kind": "方案", "level": "county",
      "period": {"start": 2024, "end": 2026}}),
    # …or broken right after the bracket its period opens (青海省生态环境保护规划（|2023—2030年）), under a record table, over
    # its number or over its first chapter: one title, named whole with its kind and period, not from the page's chrome
    ("plan-title-broken-after-its-period-bracket-under-its-record-table", "甘肃省水资源保护利用规划（2023—2035年）",
     {"number": "甘政〔2023〕29号", "date": "2023-07-14", "kind": "规划", "level": "provincial",
      "period": {"start": 2023, "end": 2035}}),
    ("action-plan-title-broken-after-its-period-bracket-above-its-number", "江岸区促进消费提质扩容三年行动方案（2024—2026年）",
     {"number": "岸政办〔2024〕7号", "date": "2024-03-12", "kind": "方案", "level": "county",
      "period": {"start": 2024, "end": 2026}}),
    ("plan-title-broken-after-a-half-width-period-bracket-over-its-first-chapter", "株洲市城市排水防涝规划（2021-2035年）",
     {"number": None, "date": "2022-05-16", "kind": "规划", "level": "municipal",
      "period": {"start": 2021, "end": 2035}}),
    ("plan-title-without-about-broken-over-two-lines-above-its-number", "昆明市推进老旧小区改造提质增效三年工作方案",
     {"number": "昆政办〔2024〕14号", "date": "2024-04-02", "kind": "方案", "level": "municipal"}),
    # a heading without a number broken over two lines where its line ran full, its body right under it (no addressees):
    # 自然资源部关于2024年度全国地质勘查资质复核|结果的公告
    ("announcement-heading-broken-over-two-lines-over-its-body", "自然资源部关于2024年度全国地质勘查资质复核结果的公告",
     {"number": None, "date": "2024-11-15", "kind": "公告", "level": "central"}),
    # a regulation named only by the breadcrumb's last step and the record under it
    ("regulation-title-in-breadcrumb", "宁波市行政规范性文件管理办法", {"kind": "办法", "level": "municipal"}),
    # a township's circular: the scheme has no township level, and the town is no city
    ("township-circular", "宁波鄞州横溪镇人民政府关于暂停举办庙会活动的通告", {"date": "2021-07-20", "level": None}),
    # a law database's heading behind its breadcrumb, dated on a line with its issuer
    ("heading-behind-breadcrumb-dated-with-issuer", "农业部关于印发《乡镇农机站工作规程》的通知",
     {"date": "1995-03-02", "kind": "通知", "level": "central"}),
    # a news site reposting a whole circular under its own headline; an order named by its first line
    ("circular-reposted-on-a-news-site", "宁海县关于实施交通管制的通告", {"date": "2022-07-05", "kind": "通告"}),
    ("order-named-in-its-first-line", "宁海县人民政府森林防火禁火令", {"date": "2013-10-08", "kind": "令", "level": "county"}),
    # …or by its number in the series alone, on a line of its own over the body; signed on the text's last line
    ("order-titled-by-its-number", "寧波市人民政府令第3號",
     {"number": "寧波市人民政府令第3号", "date": "2019-03-20", "kind": "令", "level": "municipal"}),
    # a red header's 关于 line under its issuer's line, signed with the date alone: the issuer's line gives the level
    ("circular-under-its-issuers-line", "关于禁止燃放烟花爆竹的通告", {"date": "2018-12-20", "kind": "通告", "level": "county"}),
    # a red header's number and signer's line over the heading, which the normaliser joined to its addressees
    ("heading-under-the-number-and-signer-line", "宁海县人民政府办公室关于做好春节期间安全工作的通知",
     {"number": "宁政办发〔2021〕1号", "date": "2021-01-05", "kind": "通知", "level": "county"}),
    # …or by a line of its own after the site's label and stamp, and the year a repost put before it
    ("order-title-after-a-stamp-and-year", "宁海县人民政府森林防火封山令", {"date": "2022-08-17", "kind": "令", "level": "county"}),
    # a posting stamp with its clock time is no signature: the printing line at the foot dates the circular
    ("circular-under-a-posting-stamp-dated-by-its-printing-line", "宁海县关于禁止露天焚烧秸秆的通告",
     {"number": "宁政通〔2018〕3号", "date": "2018-05-27", "kind": "通告", "level": "county"}),
    # a ban (禁令) under a record table of a traditional page with pinyin glosses: the order with the table's number
    ("order-of-bans-under-a-record-table", "寧海縣人民政府森林防火禁令",
     {"number": "寧政令〔2020〕2号", "date": "2020-09-28", "kind": "令", "level": "county"}),
    # a title without its issuer signed by a body named by its level's word alone (县人大常委会办公室)
    ("notice-signed-by-a-bare-county-body", "关于征集县人大代表建议线索的通知",
     {"date": "2021-03-02", "kind": "通知", "level": "county"}),
    # a site's record table naming the document (名稱: X, 名称 X): a notice issuing a text, without 关于 and 《》,
    # is the document, not the text it issues; the label is no part of the title
    ("issuing-notice-named-in-a-record-table", "印發廣東省城市道路照明管理暫行辦法的通知",
     {"number": "粵府辦〔2019〕31号", "date": "2019-04-12", "kind": "通知", "level": "provincial"}),
    ("decision-named-in-a-record-table", "省政府关于表彰全省安全生产先进集体的决定",
     {"number": "苏政发〔2015〕33号", "date": "2015-03-12", "kind": "决定", "level": "provincial"}),
    # a reply with no signature dated only in a record table whose cells put a pipe after each label's colon
    # (成文日期: | 2004-03-15 |)
    ("reply-dated-only-in-a-record-table-with-piped-cells", "济宁市人民政府关于同意红星路等道路命名的批复",
     {"number": "济政字〔2004〕12号", "date": "2004-03-15", "kind": "批复", "level": "municipal"}),
    # a law database's record run into one line with the rules' text, the signature's date glued between the
    # signer and the title (市长王某某二00四年五月十八日遵义市…): the record's 【公布日期】
    ("rules-under-a-law-databases-run-together-record", "遵义市城市绿化管理实施规定",
     {"number": "遵义市人民政府令第21号", "date": "2004-05-18", "kind": "规定", "level": "municipal"}),
    # a notice whose foot prints its signing body alone, no date, right over the site's 关闭 打印: the body's level
    ("notice-signed-without-a-date-over-the-sites-controls", "关于加强城区绿地保护的通告",
     {"date": None, "kind": "通告", "level": "municipal"}),
    # a decision numbered only by its place in the series on a line of its own, over the text promulgating it
    # (第121号|《…的决定》已经…常务会议审议通过): the serial as printed
    ("decision-numbered-by-a-bare-serial-over-its-promulgation", "青海省人民政府关于废止和修改部分省政府规章的决定",
     {"number": "第121号", "date": "2018-06-20", "kind": "决定", "level": "provincial"}),
    # a number whose year a site put in angle brackets (桂政发<2011>12号)
    ("decision-numbered-in-angle-brackets-under-its-broken-heading", "自治区人民政府关于命名卫生城市的决定",
     {"number": "桂政发〔2011〕12号", "date": "2011-03-08", "kind": "决定", "level": "provincial"}),
    # a department's notice saying 我市 on the site its greeting names a district's government's
    # (欢迎访问某市某区人民政府网站!): a county-level city then, the district's level
    ("notice-saying-our-city-on-a-county-level-citys-site", "关于调整我市公共汽车票价的通知",
     {"number": "徒价费〔2005〕56号", "kind": "通知", "level": "county"}),
    # an autonomous region writing to its own departments (自治区政府各部门, 各直属机构): its 区 is no county's
    ("decision-of-an-autonomous-region-addressed-to-its-own-departments", "自治区政府关于表彰民族团结进步模范集体的决定",
     {"date": "2015-01-20", "kind": "决定", "level": "provincial"}),
    # an order whose foot lost its date, over the site's list of other pages dated on their lines: no date
    ("order-over-a-list-of-related-pages", "宁海县人民政府森林防火禁火令", {"date": None, "kind": "令", "level": "county"}),
    # a reply without its issuer on the site of a department, whose name alone is the page's first line: its level
    ("reply-on-a-departments-site", "关于同意那坡县城厢乡撤乡设镇的批复",
     {"number": "桂政函〔2019〕21号", "kind": "批复", "level": "provincial"}),
    # a database record in 【】 fields on a traditional page
    ("law-database-record-in-brackets", "鐵路貨運安全管理辦法（試行）", {"date": "1992-05-08", "kind": "办法"}),
    # a township's circular signed in Chinese numerals with the digit 0, its foot lines joined
    ("township-circular-chinese-date", "县森林消防指挥部关于做好清明节期间森林防火工作的紧急通知",
     {"number": "桥政〔2010〕4号", "date": "2010-03-29"}),
    # an order's serial closing its title's line under the site's chrome; a circular under a news lead
    ("order-serial-closing-its-title-line", "临海市新型冠状病毒感染的肺炎疫情防控应急指挥部1号令",
     {"number": "1号令", "date": "2020-01-25", "kind": "令"}),
    ("circular-under-a-news-lead", "湖北省新型冠状病毒感染的肺炎疫情防控指挥部通告",
     {"date": "2020-01-24", "kind": "通告", "level": "provincial"}),
    # a police detachment's circular, its issuer's line and heading over three lines, all joined by the normaliser to
    # the news headline above and the body below: named from its issuer's line
    ("circular-by-a-police-detachment-under-a-headline",
     "宁海县公安局交通警察大队关于2024宁海国际徒步大会期间部分道路实施临时交通管制的通告",
     {"date": "2024-04-15", "kind": "通告", "level": "county"}),
    # a heading broken over lines behind the page's chrome: from its issuer's line, without the chrome
    ("heading-broken-over-three-lines", "广东省人民政府办公厅关于印发广东省进一步加大力度支持民间投资发展实施方案的通知",
     {"number": "粤府办〔2023〕5号", "date": "2023-03-17", "kind": "通知", "level": "provincial"}),
    ("issuer-line-above-heading-behind-crumb", "济宁市人民政府关于持续深化市县同权改革的实施意见",
     {"number": "济政字〔2021〕30号", "kind": "意见", "level": "municipal"}),
    ("circular-title-broken-under-a-headline", "易县洪崖山综合治理工作指挥部关于对洪崖山进行集中治理的通告",
     {"kind": "通告", "level": "county"}),
    # a law database prints the title three times, the date in brackets under the last one
    ("law-database-title-dated-in-brackets", "市政府关于印发《徐州市发展新型墙体材料管理规定》的通知", {"date": "1999-03-14"}),
    # a city's regulation adopted by its province's congress: the provenance line's body gives the level
    ("regulation-adopted-by-the-province", "承德避暑山庄及周围寺庙保护管理条例", {"date": "2003-07-18", "level": "provincial"}),
    # a notice without a title of its own (a page that cut it off, one that never had it): named after
    # its signing body, kind and date, as a citation names it
    ("untitled-circular-signed-at-its-foot", "陆丰市人民政府通告（2019年1月21日）",
     {"number": "陆府通〔2019〕2号", "date": "2019-01-21", "kind": "通告", "level": "county"}),
    ("circular-without-title", "宁海县人民政府通告（2023年1月17日）", {"date": "2023-01-17", "kind": "通告", "level": "county"}),
    # the addressees show the level: on a traditional page (各鄉鎮), on a line the normaliser joined to the number's
    ("traditional-notice-addressed-to-townships", "關于全縣禁止正月十六燃燒木柴的通知", {"kind": "通知", "level": "county"}),
    # (the notice issues a procedure, an instrument of its own: the notice's number and date are that procedure's)
    ("law-database-addressees-after-joined-number", "国防科技工业标准制定工作程序（试行）",
     {"number": "科工法字〔2000〕851号", "date": "2000-11-13", "level": "central"}),
    # a law database's date line with its issuer, a name longer than a place's, joined to the addressees
    ("law-database-dated-with-a-long-issuer-name", "国家土地管理局地籍管理司关于土地登记发证统计报表有关问题的通知",
     {"date": "1992-03-14", "kind": "通知", "level": "central"}),
    # a law database's issuer line under a copy of the title gives the level; a date line with its issuer
    ("law-database-issuer-line-dated-with-issuer", "海洋预报业务管理暂行规定",
     {"date": "1999-07-13", "kind": "规定", "level": "central"}),
    ("law-database-issuers-line", "关于开展1.6升及以下节能环保汽车推广工作的通知", {"number": "财建〔2013〕644号", "level": "central"}),
    # a heading without 关于, two offices issuing a text (…办公室印发《Y》的通知): a notice of its own
    ("joint-offices-issuing-heading", "中共岳阳市委办公室岳阳市人民政府办公室印发《关于全面推进政务公开工作的实施意见》的通知",
     {"kind": "通知", "level": "municipal"}),
    # four bureaus' names joined by spaces before 关于印发…的通知
    ("four-bureaus-issuing-heading",
     "成都市发展和改革委员会中共成都市委社会工作部成都市规划和自然资源局成都市住房和城乡建设局关于印发成都市城市社区嵌入式服务设施建设工程实施方案的通知",
     {"kind": "通知", "level": "municipal"}),
    # a regulation's title on a line of its own above the page's labels (作者：… 时间：…)
    ("title-above-page-labels", "铁路货物集装化用具准运证管理办法", {"date": "1990-03-10", "kind": "办法"}),
    # a site's category word before an announcement's number, its title after it on the same line
    ("announcement-title-after-its-number", "国家税务总局关于简化小型微利企业所得税年度纳税申报有关措施的公告",
     {"number": "国家税务总局公告2018年第58号", "kind": "公告", "level": "central"}),
    # the record's title and the red header's (issuer and 关于… on lines of their own) joined into one line by
    # the normaliser, the number printed in the record table and again under the title
    ("title-printed-twice-under-a-record-table", "平邑县人民政府关于城关镇东关村等9村村庄规划的批复",
     {"number": "平政字〔2023〕17号", "date": "2023-08-14", "kind": "批复", "level": "county"}),
    # a traditional heading holding the 《title》 it implements, broken over lines: the number under it is its
    # own, not the cited decision's
    ("traditional-heading-holding-a-title", "江西省人民政府關于貫徹《國務院關于加強農村公路建設的決定》的意見",
     {"number": "贛府發〔2005〕12号", "kind": "意见", "level": "provincial"}),
    # a converter's pinyin glosses (區(qū)) dropped from a traditional page break no line: the whole title, the
    # foot's date (not the event's date opening the body) and the level of its signer (a county-level city's police)
    ("traditional-circular-with-glosses", "對城區濱江路部分路段實施臨時交通管制的通告",
     {"date": "2023-05-08", "kind": "通告", "level": "county"}),
    # …and glosses without tone marks ((zhi), 環(huan)(huan), （kao)), in a lead sentence quoting the title in 《》
    # after its issuer: the title without them, the issuer's level
    ("circular-in-a-lead-with-toneless-glosses", "關于禁止在城區露天燒烤、焚燒（儲存）垃圾的通告",
     {"kind": "通告", "level": "municipal"}),
    # a spam-damaged repost of a regulation: its title on a line of its own over the site's labels, the first in
    # brackets ([日期：…] 来源：…), not the decision its history line cites (根據…《關于修改<X>的決定》重新修訂公布)
    ("regulation-over-bracketed-labels-citing-its-revision", "重慶市城市綠地保護管理辦法",
     {"kind": "办法", "level": "provincial", "date": None}),
    # a police detachment signing after a space on the date's line: a city's
    ("circular-signed-after-a-space", "關于對宁波體育館周邊道路實施臨時交通管制的通告", {"kind": "通告", "level": "municipal"}),
    # a joint notice of ministries and provinces: its lead signer's level
    ("joint-notice-signed-by-ministries-and-provinces", "关于印发《长三角地区秋冬季大气污染综合治理攻坚行动方案》的通知",
     {"date": "2020-10-30", "kind": "通知", "level": "central"}),
    # a page saver's Latin line above the title is no part of it
    ("announcement-under-a-savers-line", "宁海县人民政府拟征收土地启动公告",
     {"number": "宁征启公告〔2022〕6号", "date": "2022-03-14", "kind": "公告", "level": "county"}),
    # a title broken over two lines that names a programme in quotes: the title, not the programme
    ("heading-naming-a-quoted-programme", "市政府办公厅关于推进老旧小区和背街小巷平安用电工程建设的实施意见",
     {"number": "甬政办规字〔2023〕4号", "kind": "意见", "level": "municipal"}),
    # a law database's full title over the bracket that dates and numbers it, the breadcrumb's shorter heading above
    ("law-database-title-over-dated-number", "浙江省人民政府关于任免国家机关工作人员问题的通知",
     {"number": "浙政〔1985〕41号", "date": "1985-06-01", "kind": "通知", "level": "provincial"}),
    # …and without a number: the full title over the bracket that dates it, not the breadcrumb's shorter heading
    ("law-database-title-over-dated-bracket", "浙江省人民政府关于加强粮食收购管理的通知",
     {"date": "1986-07-08", "kind": "通知", "level": "provincial"}),
    # a letter (复函, 函: no kind of its own) behind a law database's breadcrumb; the letter issuing a guide
    ("law-database-reply-letter", "最高人民法院研究室关于继承开始时间问题的复函",
     {"date": "1985-09-12", "kind": None, "level": "central"}),
    ("law-database-letter-issuing-a-guide", "国务院办公厅关于印发《国务院有关部门制定应急预案工作指南》的函",
     {"kind": None, "level": "central"}),
    # an announcement under a breadcrumb whose last step is a category (首页 -> … -> 公 告), its serial in brackets
    ("announcement-under-arrow-breadcrumb", "大连市人民代表大会常务委员会办公室公告",
     {"number": "大连市人民代表大会常务委员会办公室公告第3号", "date": "2023-05-09", "kind": "公告", "level": "municipal"}),
    # a law database's notice issuing a text by 颁发, numbered with the year first ((80)交港字215号)
    ("law-database-notice-with-a-year-first-number", "港口装卸作业安全管理办法",
     {"number": "（80）交港字215号", "date": "1980-05-12", "kind": "办法", "level": "central"}),
    ("law-database-notice-with-a-year-first-number", "关于颁发《港口装卸作业安全管理办法》（试行）的通知",
     {"kind": "通知", "level": "central"}),
    # a county-level city's site, named by its breadcrumb's first step, publishing a reply titled 市政府关于…; its
    # record's 生成日期 dates it
    ("reply-of-a-county-level-citys-site", "市政府关于同意璜土镇部分道路命名的批复",
     {"number": "澄政发〔2024〕88号", "date": "2024-10-15", "kind": "批复", "level": "county"}),
    # a site's record table in pipes, its date of issue in a cell (发文日期 | 2023-03-16 09:40 |)
    ("record-table-in-pipes", "硚口区老旧小区改造工作方案", {"number": "硚政办〔2023〕4号", "date": "2023-03-16"}),
    # a notice about a regulation it quotes (关于认真贯彻执行《X条例》的通知) numbers itself, not the regulation
    ("law-database-notice-on-studying-a-regulation", "江西省人民政府关于认真贯彻执行《森林防火条例》的通知",
     {"number": "赣府字〔2009〕12号", "kind": "通知", "level": "provincial"}),
    # a heading broken after its issuing verb (某县人民政府办公室关于印发|某县…预案的通知), dated at its foot: the notice,
    # and the plan it issues carries the date, as an issued text does
    ("heading-wrapped-after-its-issuing-verb", "宁都县人民政府办公室关于印发宁都县防汛抗旱应急预案的通知",
     {"kind": "通知", "level": "county"}),
    ("heading-wrapped-after-its-issuing-verb", "宁都县防汛抗旱应急预案", {"date": "2010-05-12", "level": "county"}),
    # a law database's title wrapped inside the law it implements (江西省实施《中华人民共和国|…法》办法) over its dated bracket
    ("law-database-title-wrapped-inside-its-quoted-law", "江西省实施《中华人民共和国消费者权益保护法》办法",
     {"date": "1994-06-18", "kind": "办法", "level": "provincial"}),
    # a notice issuing an opinion, under its number: the quoted title's own 的实施意见 does not end the notice's heading
    ("notice-issuing-an-opinion-under-its-number", "宁波市人民政府关于印发《宁波市推进城乡学校结对帮扶的实施意见》的通知",
     {"kind": "通知", "level": "municipal"}),
    ("notice-issuing-an-opinion-under-its-number", "宁波市推进城乡学校结对帮扶的实施意见",
     {"number": "甬政发〔2019〕23号", "date": "2019-06-12", "kind": "意见"}),
    # a district's notice transmitting (转发) its city's notice, quoted before its addressees: the number under it
    # and the date at its foot are the district's notice's, the city's notice keeps its own level and no number
    ("notice-transmitting-a-citys-notice",
     "宁波市鄞州区人民政府办公室关于转发《宁波市人民政府办公厅关于印发宁波市政务服务事项管理办法的通知》的通知",
     {"number": "鄞政办发〔2022〕41号", "date": "2022-05-16", "kind": "通知", "level": "county"}),
    ("notice-transmitting-a-citys-notice", "宁波市人民政府办公厅关于印发宁波市政务服务事项管理办法的通知",
     {"number": None, "date": None, "level": "municipal"}),
    # a city bureau transmitting its province's notice, its foot's date mistyped (no signer read), the body speaking
    # of 我省: the addressees under a half-width colon show the city's level
    ("city-bureau-transmitting-a-provincial-notice", "转发省农业农村厅关于开展春季农作物病虫害监测调查的通知",
     {"number": "甬农通〔2019〕52号", "kind": "通知", "level": "municipal"}),
    # a heading without a number broken over three lines, once inside its quoted report, above its addressees; the
    # year before the report's title names which report it is and dates nothing
    ("heading-broken-inside-a-quoted-report", "宁海县人民政府办公室关于印发2023年《政府工作报告》重点任务责任分解的通知",
     {"number": None, "date": "2023-02-20", "kind": "通知", "level": "county"}),
    ("heading-broken-inside-a-quoted-report", "政府工作报告", {"date": None}),
    # a joint opinion of a province's Party committee and government reposted on a news page: the site's posting line
    # stands between the title and the bracket that dates it
    ("opinion-dated-in-brackets-under-the-posting-line", "中共浙江省委浙江省人民政府关于加快推进乡村人才振兴的实施意见",
     {"date": "2021-08-27", "kind": "意见", "level": "provincial"}),
    # an opinion on interpreting policies (解读 is what it is about) naming no issuer, citing its city's notice by
    # title and number: the bodies named in that citation issued the city's notice, not this one (我区: a district's)
    ("opinion-on-interpreting-policies-naming-no-issuer", "关于进一步做好政策解读和回应关切工作的实施意见",
     {"kind": "意见", "level": "county"}),
    # a site's title naming its issuer short (交通运输部关于…) under a web address line, the document's own heading
    # under it naming the issuer in full: another name of the notice; the address is no part of any title
    ("site-title-over-the-heading-with-its-issuer-in-full", "交通运输部关于印发某某港口群发展规划的通知",
     {"number": "交规划发〔2019〕31号", "kind": "通知", "level": "central"}),
    # a notice's heading cut before its 的通知 over its number: the notice issuing the 方案, kind 通知 (the 方案 it
    # issues keeps the number and the date)
    ("issuing-heading-cut-before-its-notice-word", "浙江省人民政府办公厅关于印发浙江省贯彻落实《长江三角洲区域一体化发展规划纲要》行动方案",
     {"kind": "通知", "level": "provincial", "period": None}),
    ("issuing-heading-cut-before-its-notice-word", "浙江省贯彻落实〈长江三角洲区域一体化发展规划纲要〉行动方案",
     {"number": "浙政办发〔2019〕31号", "date": "2019-08-20", "kind": "方案"}),
    # a county-level city's office named alone on the page's first line, its number garbled, its title naming no
    # issuer, its text speaking of 全市: the office's name gives the level, not the word a county-level city uses too
    ("county-level-citys-office-speaking-of-its-city", "关于进一步加强和改进市政府办公室督查工作的意见",
     {"kind": "意见", "level": "county"}),
    # a regulation revised by an order the page prints: the bracket of its history under the title (approved,
    # published, revised) dates it by its latest revision, the date under the signature, not the first approval
    # pages that print no title, starting at the red header's number or at the addressees, whose body issues a plan
    # (我部组织编制了《X》（见附件）。现印发给你们; 《X》已于…批复同意实施（某林批〔2010〕30号），现印发给你们): the plan
    # carries the page's number and date, the notice issuing it is named as such a notice is titled, after its signer
    # when its foot signs it; a number a bracket gives inside a sentence is cited, the file name's is the page's own
    ("untitled-notice-issuing-a-plan-under-its-red-header", "国家生态环境标准十四五发展规划",
     {"number": "环规发〔2018〕21号", "date": "2018-06-12", "kind": "规划"}),
    ("untitled-notice-issuing-a-plan-under-its-red-header", "生态环境部关于印发国家生态环境标准十四五发展规划的通知",
     {"kind": "通知", "level": "central", "number": None}),
    ("untitled-notice-issuing-a-plan-its-number-in-a-file-name", "宁海县林权改革试点方案",
     {"number": "宁政办发〔2010〕58号", "date": "2010-06-08"}),
    ("untitled-notice-issuing-a-plan-its-number-in-a-file-name", "关于印发宁海县林权改革试点方案的通知",
     {"kind": "通知", "level": "county"}),
    # …or that issues nothing, its number labelled on the first line and its addressees under it, signed by the date
    # alone ending its last paragraph: named by its number, as a citation names it; its kind is nowhere printed
    ("untitled-decision-under-its-number-label", "浙府〔2006〕5号",
     {"number": "浙府〔2006〕5号", "date": "2006-01-20", "kind": None}),
    # an announcement of the standard it issues (…发布《X》的公告, no headline), spam with digits in place of its 关于:
    # the printed title whole, its signer's level
    ("announcement-whose-about-spam-replaced", "888彩票平台发布国家环境保护标准《湿地保护区管理评估规范》的公告",
     {"date": "2018-12-20", "kind": "公告", "level": "central"}),
    # a city bureau forwarding its city's notice under the same title, naming no issuer of its own and addressing two
    # units (no 各…): the body its text says issued that title (市人民政府办公室印发了《X》) gives the level
    ("bureau-forwarding-its-citys-notice-under-the-same-title", "关于切实做好冬季道路扬尘防治工作的通知",
     {"kind": "通知", "level": "municipal"}),
    ("order-revising-an-old-regulation", "某省森林防火办法",
     {"number": "某省人民政府令第305号", "date": "2024-06-18", "kind": "办法", "level": "provincial"}),
    # a flattened law-database page whose foot's date (Chinese numerals with the digit 0) runs into the heading
    # of the text the notice issues
    ("notice-foot-date-run-into-the-issued-text", "某某市人民政府办公室关于印发某某市2009年物价工作要点的通知",
     {"number": "某政办发〔2009〕14号", "date": "2009-02-16"}),
    # …and one whose foot's date, in figures under its signer, does the same
    ("notice-foot-date-in-figures-run-into-the-issued-text", "某某县人民政府办公室关于印发某某县2016年安全生产工作要点的通知",
     {"date": "2016-03-08", "kind": "通知", "level": "county"}),
    # a site's clock with its weekday in the chrome over the title (2025年09月19日 星期五 16時46分): not the signature
    ("notice-under-a-site-clock-with-weekday", "某某省农业农村厅关于实行某江流域禁渔期制度的通告",
     {"date": "2019-01-18", "kind": "通告"}),
    # the number's brackets garbled into stray marks (某政办, 2006? 18号), the lines joined by the normaliser
    ("opinion-numbered-with-garbled-brackets", "关于进一步做好市政府办公室信息工作的意见",
     {"number": "某政办〔2006〕18号", "kind": "意见"}),
    # a site's record printed as a bulleted list, each label and each value an item of its own (• 成文日期|• 2019-05-16),
    # its notice signed by no date at the foot: the record's date is the notice's
    # a repost opening with its number run into a short title in 《》, a site line, the number again, then the full
    # heading on a line of its own: that heading is the notice, with the number, the foot's date and its issuer's level
    ("repost-numbered-twice-over-its-heading", "某某省人民政府关于公布第四批某某省非物质文化遗产代表性项目名录的通知",
     {"number": "某府发〔2016〕12号", "date": "2016-04-12", "kind": "通知", "level": "provincial"}),
    # a page without its title whose body issues an emergency plan (《X应急预案》已经县人民政府同意，现印发给你们): a 预案 is a
    # text a government issues, so the notice issuing it is named after its signer, dated at its foot, of its level
    ("untitled-notice-issuing-an-emergency-plan", "静乐县人民政府办公室关于印发静乐县森林火灾应急预案的通知",
     {"kind": "通知", "level": "county"}),
    ("untitled-notice-issuing-an-emergency-plan", "静乐县森林火灾应急预案", {"date": "2023-05-16"}),
    # a heading broken over two lines, a quoted name in the first, over a notice to some units only (有关县区农业局，…：)
    ("heading-broken-over-lines-above-units-concerned", "某某市农业局办公室关于开展三条河沿岸禁养区内畜禽养殖场关停情况督查的通知",
     {"kind": "通知", "level": "municipal"}),
    # a notice naming no issuer, its addressees no level (市区各…单位：), its site's posting line under the heading
    # naming its source (来源：滁州市住建局 作者：…): the source's level
    ("notice-naming-no-issuer-under-its-source-line", "关于调整市区公共租赁住房租金标准的通知",
     {"kind": "通知", "level": "municipal"}),
    ("record-printed-as-bulleted-items", "某某市人民政府关于公布第三批市级非物质文化遗产代表性项目名录的通知",
     {"number": "某府发〔2019〕56号", "date": "2019-05-16", "kind": "通知", "level": "municipal"}),
    # a law database's repost: a heading without 关于 on the line right over the number, which the normaliser joined to
    # the site's labels and the page's copies of the title before it
    ("law-database-transmitting-notice-over-its-number", "批转市发展改革委拟定的某某市粮食储备管理暂行办法的通知",
     {"number": "某政发〔2006〕032号", "date": "2006-03-14", "kind": "通知", "level": "municipal"}),
    # a page without its title that transmits an opinion its drafters named before its 《》 (…《X》已经国务院同意，现转发给
    # 你们): the document is X, dated at the foot, and the notice is titled as one that transmits it, not 关于印发X的通知
    ("untitled-notice-transmitting-ministries-opinion", "关于加快发展农村社会化服务体系的指导意见",
     {"date": "2016-03-02", "kind": "意见", "level": "central"}),
    ("untitled-notice-transmitting-ministries-opinion",
     "转发农业部、发展改革委、财政部关于加快发展农村社会化服务体系的指导意见的通知", {"kind": "通知", "level": "central"}),
    # a circular naming no issuer, signed by its date alone, its framing sentence naming the body that decided it
    # (经市…委员会研究决定，…现将有关事项通告如下): that body's level
    ("circular-decided-by-a-body-named-in-its-framing-sentence", "关于加强春节前后市容环境管理工作的通告",
     {"date": "2013-01-24", "kind": "通告", "level": "municipal"}),
    # an announcement that prints no title, its number on the first line over a body that says what it is (…现将有关
    # 情况公告如下): named by its number, as a citation names it, of the kind it states; its 本公告于…发布 is no signature
    ("untitled-announcement-under-its-number", "某区府发〔2025〕17号",
     {"number": "某区府发〔2025〕17号", "date": None, "kind": "公告"}),
    # a reply whose page cut its heading before its kind's word (国务院关于同意浙江省调整), its number under that heading
    # and over the one body it answers (浙江省人民政府：): its number and date, the reply named by its number
    ("reply-under-its-heading-cut-before-its-kind", "国函〔1998〕77号", {"number": "国函〔1998〕77号", "date": "1998-06-09"}),
    # an order titled with its place in its series (2025年森林禁火令(第2號)) over the 文号 it was filed under
    # (某森指令﹝2025﹞2號): the 文号 is its number
    ("order-titled-with-its-serial-over-its-document-number", "2025年森林禁火令（第2号）",
     {"number": "某森指令〔2025〕2号", "kind": "令"}),
    # a repost whose lines of bare markup take more than the head's span before its first Chinese: its number still counts
    ("notice-under-lines-of-bare-markup", "关于下达2020年农村义务教育学校校舍维修资金的通知",
     {"number": "某财教〔2020〕7号", "kind": "通知"}),
    # a heading issuing two texts, starting in the head under a site's long menu and running past its span
    ("notice-issuing-two-texts-under-a-long-menu",
     "某某自治区林业厅关于印发《某某自治区林业厅造林补助项目管理细则》《某某自治区林业厅森林抚育补助项目管理细则》的通知",
     {"date": "2024-09-18", "kind": "通知"}),
    # a circular quoted in a news item, its heading broken over lines with its kind's word on a line of its own
    # (望謨縣人民政府|關(guān)于實施…禁漁期的|通告), glosses and all: named from its issuer's line, of its kind and level
    ("circular-heading-broken-before-its-kind-in-a-news-item", "望謨縣人民政府關于實施2018年境內天然水域禁漁期的通告",
     {"kind": "通告", "level": "county"}),
    # a traditional page whose site title names no issuer and whose own heading, under its issuers' line
    # (郴州市財政局  郴州市教育局|關於下達…的通知), addresses no 各…: the issuers' level
    ("traditional-notice-heading-copy-under-its-issuers-line", "關於下達2020年農村義務教育學校校舍維修資金的通知",
     {"kind": "通知", "level": "municipal"}),
    # a reply whose number lost both brackets, a space left between its year and serial (天政函2021 37号)
    ("reply-number-that-lost-its-brackets", "天水市人民政府关于同意麦积区调整部分社区设置的批复",
     {"number": "天政函〔2021〕37号", "date": "2021-06-08", "kind": "批复"}),
    # a law database's order printed letter-spaced (无 锡 市 人 民 政 府 令|第 45 号) publishing the measures it names,
    # the meeting that adopted them in a spaced sentence (已经 2006 年 3 月 2 日 市政府…通过): the order's number
    # whole, the date of its foot
    ("order-letter-spaced-over-the-measures-it-publishes", "无锡市户外广告设置管理办法",
     {"number": "无锡市人民政府令第45号", "date": "2006-03-10", "kind": "办法"}),
    # a record table's posting time (发布时间 | 2007年08月01日 |) is the site's, not the foot's date
    ("record-table-posting-time-over-a-chinese-foot", "湖北省人民政府关于调整孝感市部分行政区划的通知",
     {"number": "鄂政〔2006〕18号", "date": "2006-05-12"}),
    # a decision abolishing rules lists each with its order's number in brackets closing the item (（省政府令第88号）。):
    # cited, not its own
    ("decision-abolishing-rules-that-lists-their-orders", "江西省人民政府关于废止《江西省渔业管理规定》等2件省政府规章的决定",
     {"number": None, "date": "2017-03-20", "kind": "决定"}),
    # a law database's regulation whose adoption line (1950年3月6日…会议通过) the normaliser joined to its title's
    # and to its first article: that line's date
    ("regulation-adopted-on-a-line-under-its-title", "中国人民政治协商会议全国委员会学习委员会工作条例",
     {"date": "1950-03-06", "kind": "条例", "level": "central"}),
    # a news item quoting a notice that issues two texts (…印发关于X的实施意见和行动方案的通知): the heading runs to the
    # notice's own kind, not the first text's
    ("notice-issuing-two-texts-under-a-news-lead", "青海省人民政府办公厅印发关于加快发展冰雪旅游的实施意见和行动方案的通知",
     {"number": "青政办发〔2021〕57号", "date": "2021-11-02", "kind": "通知", "level": "provincial"}),
    # a record's field prints the number first; the red header's copy of it stands over the issuer's line and a
    # heading without 关于 broken over lines (乐清市人民政府办公室|转发…工作|考核办法的通知|市政府直属各单位：)
    ("transmitting-notice-under-its-red-header-copy", "乐清市人民政府办公室转发温州市政府信息公开工作考核办法的通知",
     {"number": "乐政办〔2012〕58号", "date": "2012-06-15", "kind": "通知", "level": "county"}),
    # a repost whose own title, its year before its region, stands on the line of the source under the site's posting
    # labels (更新时间：…作者：未知|2023年某市…工作意见), under another page's headline; no issuer printed
    ("title-under-the-posting-labels", "2024年昆山市义务教育阶段学校入学工作意见", {"kind": "意见", "level": "county"}),
    # an untitled announcement whose first sentence closes on the number of the approval it reports (…批准文号：X。):
    # not its own number
    ("announcement-reporting-the-number-of-its-approval", "桐庐县民政局公告（2024年3月8日）",
     {"number": None, "date": "2024-03-08", "kind": "公告", "level": "county"}),
    # a law database's page printing the issuing notice's heading without issuer or 关于 (印发X的通知) over its number:
    # the notice is named as printed, not given a 关于 the page does not print
    ("issuing-notice-printed-without-issuer-or-about", "印发韶关市城镇职工医疗保险市级统筹办法的通知",
     {"kind": "通知", "level": "municipal"}),
    # a repost in traditional characters whose converter glossed each reading of a character of several between
    # slashes (進一(yī / yì /yí)步, 爲(wéi / wèi)): the notice's heading is read without them; its lead's 《若幹措施》
    # (若干 as such a page writes it) is a back-reference, not the page's own text
    ("notice-glossed-with-several-readings", "泉州市人民政府關于印發進一步支持外貿發展若幹措施的通知",
     {"number": "泉政文〔2020〕35号", "date": "2020-05-06", "kind": "通知", "level": "municipal"}),
    # a page opening with its menu's 相关新闻 above the circular: its foot's date, not a list of other pages under it
    ("notice-under-a-related-news-menu", "惠州市人民政府关于划定烟花爆竹禁放区域的通告",
     {"number": "惠府〔2019〕3号", "date": "2019-01-15", "kind": "通告", "level": "municipal"}),
    # the bracket dating an opinion stands on the line under its title, the normaliser running it into the body
    ("opinion-dated-in-brackets-on-the-line-under-its-title", "国务院办公厅关于加快建设统一开放的水运市场的意见",
     {"date": "2024-03-05", "kind": "意见", "level": "central"}),
    # an order's text (《X》…通过，现予公布) is the page's document, signed in Chinese numerals whose 〇 the font lost
    ("order-promulgating-rules-its-date-without-its-zeros", "绵阳市授予荣誉市民称号规定",
     {"date": "2006-10-16", "kind": "规定", "level": "municipal"}),
    # a notice titled on a line of its own below a repost's lines of bare markup, dated in bare digits under 特此通告
    ("notice-under-markup-lines-signed-with-bare-digits", "河北省林业局通告",
     {"date": "2019-04-24", "kind": "通告", "level": "provincial"}),
    # a heading broken over two lines right under a site's record table, which the page prints twice
    ("notice-heading-broken-under-a-record-table-printed-twice", "沅江市人民政府关于公布第三批市级文物保护单位的通知",
     {"number": "沅政发〔2023〕5号", "date": "2023-03-08", "kind": "通知", "level": "county"}),
    # a law database's copy of rules promulgated by an order printed without its word 令: the government's line, then
    # its place in the series on a line of its own (…柳州市人民政府|第12号|《X》业经…通过，现予发布施行)
    ("order-printed-without-its-word-under-the-government-line", "柳州市停车场管理规定",
     {"number": "广西壮族自治区柳州市人民政府第12号", "date": "1998-05-20", "kind": "规定", "level": "municipal"}),
    # a ministry's rules whose issuer only the order's number names (…規定(交通運輸部令2019年第5號), signed 部長):
    # central
    ("ministry-rules-numbered-only-by-the-order", "港口設施維護管理規定",
     {"date": "2019-04-01", "kind": "规定", "level": "central"}),
    # a repost of rules on the centre's own fund, no issuer printed, whose title the page runs into its posting stamp
    # (…暂行办法|2023-08-21 09:15): the page's own title, central
    ("central-fund-rules-reposted-without-issuer-under-a-posting-stamp", "中央农田水利建设补助资金管理暂行办法",
     {"kind": "办法", "level": "central"}),
    # a notice whose foot runs its issuer into the date on one line (江门市人民政府2022年11月1日): the signature's date,
    # not the date of the drill its body announces
    ("notice-signed-with-its-issuer-run-into-the-date", "江门市人民政府关于举行消防应急疏散演练的通告",
     {"date": "2022-11-01", "kind": "通告", "level": "municipal"}),
    # a repost cut before its signature whose lead says who issued it on what day (2022-12-16某区人民政府印发了《关于…
    # 的通知》): that day, not the site's posting stamp
    ("notice-reposted-under-a-lead-dating-its-issue", "西陵区人民政府关于划定西陵区烟花爆竹禁放区域的通知",
     {"date": "2022-12-16", "kind": "通知", "level": "county"}),
    # a site's clock stamp under its 返回顶部 link (a name ending in 部 run into the date), no signature printed: the
    # page gives no date
    ("notice-under-a-back-to-top-link-and-a-clock-stamp", "水利部关于做好2024年度汛准备工作的通知",
     {"date": None, "kind": "通知", "level": "central"}),
    # a bilingual page's decision whose English title stands between its heading and the bracket dating its adoption
    ("bilingual-decision-dated-under-its-translated-title", "全国人民代表大会常务委员会关于加强经济工作监督的决定",
     {"date": "2021-12-24", "kind": "决定", "level": "central"}),
    # an announcement whose heading the page broke over three lines (issuer|关于…|…的通告), no addressees under it:
    # the whole heading, not its last line
    ("announcement-heading-broken-over-three-lines-above-its-serial",
     "某县防汛抗旱指挥部办公室关于全县所有山区景区和漂流项目暂时关闭的通告",
     {"date": "2023-07-10", "kind": "通告", "level": "county"}),
    # a notice naming no issuer in its title, signed by two bodies of a county-level city over a date of a month only
    # (诸城市公安局、诸城市交通运输局|2022年8月): its lead signer's level, and no date
    ("notice-signed-by-joint-bodies-over-a-month-only-date", "关于诸城市农村公路改造项目施工路段禁行的通告",
     {"date": None, "kind": "通告", "level": "county"}),
    # a dump whose lines are numbered (1、…) and whose number lost its brackets, its serial run on after the year and
    # its title joined after it (1、某教函202114号某州市教育局关于…的通知各县…:): the number, and the title without its 号
    ("notice-numbered-lines-its-number-glued-before-its-title",
     "某州市教育局关于印发某州市第二期骨干教师培养工程实施方案（2021-2023年）的通知",
     {"number": "某教函〔2021〕14号", "kind": "通知", "level": "municipal"}),
    # a dump that ran the attachment's text on after the signature's date (…请认真贯彻执行。 某县人民政府办公室
    # 2022年5月6日某县…实施方案为…): the signature's date, its signer right after the body's closing words
    ("notice-signed-on-its-closing-line-the-attachment-run-on", "某县人民政府办公室关于印发某县农村人居环境整治实施方案的通知",
     {"date": "2022-05-06", "kind": "通知"}),
    # a site's category run straight into the heading on its first line (社会保障国务院关于…的意见国发〔2014〕8号各省…):
    # the heading from its issuer on, with the issuer's level
    ("notice-heading-run-on-after-the-sites-category", "国务院关于建立统一的城乡居民基本养老保险制度的意见",
     {"number": "国发〔2014〕8号", "date": "2014-02-21", "kind": "意见", "level": "central"}),
    # a heading on its own line under a posting line ending in its comments' label and a category in 【】, all joined
    # (…阅读量:2306 评论|【某某网 通知公告】|某省…的通知): the chrome's 评论 makes the whole no name, the heading is
    ("notice-heading-under-a-posting-line-ending-in-its-comments-label", "某省农业农村厅关于扎实做好秋收秋种工作的通知",
     {"kind": "通知", "level": "provincial"}),
    # a law database's heading behind the site's menu words parted by spaces, its name holding a country's (ABC中国 法规首页
    # 某市人民政府办公室关于…): the heading from its issuer on, of the city's level, not the country's
    ("notice-heading-behind-spaced-site-menu-words-naming-a-country",
     "嘉兴市人民政府办公室关于印发《嘉兴市燃气安全事故应急预案》的通知",
     {"number": "嘉政办发〔2022〕31号", "date": "2022-08-15", "kind": "通知", "level": "municipal"}),
    # a PDF's letter-spaced transcription on one line, its red header run into the heading (1 省 政 府 文 件 甘 肃 省 人 民
    # 政 府 关 于 …): the letter spacing parts no lines, the red header is no part of the heading
    ("notice-in-a-letter-spaced-transcription-under-its-red-header",
     "甘肃省人民政府关于印发甘肃省加快推进普惠金融发展若干措施的通知", {"kind": "通知", "level": "provincial"}),
    # …but a line of one character (a bar alone) between the site's labels and an order's title line (…责任编辑:某某, |,
    # 三元区…禁火令 (2025年第3号)) is a line of its own, no letter spacing: the order's title, not the labels before it
    ("order-with-its-serial-under-a-line-of-one-bar", "三元区人民政府森林防火禁火令",
     {"date": "2025-02-02", "kind": "令", "level": "county"}),
    # an order titled on its first line with its year and serial, whose body opens citing a notice that lost its opening
    # title mark (根据某指挥部关于…的通知》(…号)文件精神): the order, not the notice it cites
    ("order-titled-with-its-year-and-serial-over-a-body-citing-a-notice", "永泰县人民政府2025年第2号森林防火禁火令",
     {"date": "2025-02-10", "kind": "令", "level": "county"}),
    # an announcement whose title names no issuer, its issuer's name on the line above it (某县人民政府|征收土地预公告):
    # the whole heading, both lines
    ("announcement-titled-under-its-issuers-line", "香河县人民政府征收土地预公告",
     {"date": "2023-03-01", "kind": "公告", "level": "county"}),
    # a notice flattened onto one line, its date in Chinese numerals run on into the attachments' label (…工作。
    # 二○○八年五月十二日 附件: 第二批…名录): the foot's date
    ("notice-on-one-line-its-chinese-date-run-into-the-attachment", "某市人民政府关于公布第二批某市级非物质文化遗产名录的通知",
     {"date": "2008-05-12", "kind": "通知"}),
    # a record table whose title row opens with the site's mark of the document's standing (名称: 【已失效】某州市人民政府
    # 关于…的通知): the site's word on the document, no part of its title
    ("notice-record-title-behind-the-sites-standing-mark", "某州市人民政府关于印发《某州市政府合同管理办法》的通知",
     {"number": "某府〔2016〕31号", "date": "2016-08-12", "kind": "通知", "level": "municipal"}),
    # a notice forwarding three quoted texts (某县…办公室转发《某省…关于印发X》《Y》和《Z》的通知), the first holding the
    # 关于, over a record table whose 主题词 cell ends in 的通知: the heading, of the county's level
    ("notice-forwarding-three-quoted-texts-over-its-record-table",
     "某县人民政府办公室转发《某省人民政府办公厅关于印发某省政务大厅管理暂行办法》《某省政务服务网运行管理暂行办法》"
     "和《某省电子证照管理暂行办法》的通知",
     {"number": "某政办发〔2020〕7号", "date": "2020-03-10", "kind": "通知", "level": "county"}),
    # a notice a headquarters numbers in a series of its own, its title (its whole name, the number, 通告) run on with the
    # body, its foot run onto the body's last line after the closing sentence (…另行通知。某州市…指挥部2022年4月1日)
    ("notice-numbered-in-its-headquarters-series-run-on-with-its-body", "某州市应对新冠肺炎疫情工作指挥部〔2022〕第5号通告",
     {"number": "某州市应对新冠肺炎疫情工作指挥部〔2022〕第5号", "date": "2022-04-01", "kind": "通告"}),
    # a forum's repost whose anti-scraping filler runs on after the order's title on its line (市人民政府森林防火禁火令)
    # K. d/ P& \( j2 W): the title without it, of the level its issuer's word gives
    ("order-title-behind-forum-filler-on-its-line", "市人民政府森林防火禁火令", {"kind": "令", "level": "municipal"}),
    # a news lead reporting a plan issued, then printing it whole (无锡印发《X（2019—2021年）》。全文如下：): the plan
    ("plan-printed-in-full-under-a-news-lead-its-period-under-its-heading", "无锡市生态河湖行动计划（2019—2021年）",
     {"kind": "计划", "level": "municipal", "period": {"start": 2019, "end": 2021}}),
    # a tender site's tag of where the notice is from, places named short before its 关于 (四川宜宾关于…的通告): no issuer
    ("notice-titled-behind-a-sites-tag-of-short-place-names", "关于对县城区南门片区街道进行临时交通管制的通告",
     {"kind": "通告"}),
    # rules a notice issues, printed under it with the date of the meeting that adopted them in brackets under their
    # title (某省人民政府工作规则|（2016年8月29日…常务会议通过）), the notice signed later: the notice's date
    ("rules-issued-by-a-notice-its-adoption-date-under-its-title", "某省人民政府工作规则",
     {"number": "某政发〔2016〕41号", "date": "2016-09-12", "level": "provincial"}),
    # a notice flattened onto one line forwarding a bureau's opinion (现将市卫生局《X》转发给你们), its date in Chinese
    # numerals run on into the opinion's heading (…贯彻执行。 二○○九年三月五日 关于…意见 为…): the foot's date
    ("notice-on-one-line-forwarding-an-opinion-its-chinese-date-before-the-opinion",
     "某市人民政府办公厅转发市卫生局关于加强社区卫生服务工作意见的通知",
     {"number": "某政办发〔2009〕18号", "date": "2009-03-05", "kind": "通知", "level": "municipal"}),
    # a road closure notice whose title names no issuer, signed by two county bodies on lines of their own over a date
    # in Chinese numerals closing the page (特此通告。|丰县交通运输局|丰县公安局交通警察大队|二零二一年四月二十日): the
    # lead signer's level
    ("road-closure-notice-signed-by-two-county-bodies-over-a-chinese-date", "关于某县新园路改造工程全幅封闭交通的通告",
     {"date": "2021-04-20", "kind": "通告", "level": "county"}),
    # a county-level city's reply titled 市政府关于…, its foot cut, under a record table whose cells a bar parts
    # (发布机构 | 宜兴市人民政府网站 | 公开形式 | …): the publisher's region's level, not the bare 市's
    ("reply-of-a-county-level-citys-government-under-a-barred-record-table", "市政府关于同意丁蜀镇部分地名命名的批复",
     {"kind": "批复", "level": "county"}),
    # rules a law site reposts, issued by a central bureau since renamed (国家地震局, now 中国地震局), its name on the line
    # under the title and after the date: central
    ("rules-of-a-former-central-bureau-under-a-law-sites-header", "地震监测台站管理的规定",
     {"date": "1990-03-05", "kind": "规定", "level": "central"}),
    # an opinion printed under a repost's headline saying which city issued it and another (无锡印发《X》和《Y》), no
    # issuer printed with it: the city's level; the repost prints no number of the opinion, so its posting time
    # (发布时间:2022-03-15) is the repost's day, no date of the opinion
    ("opinion-under-a-reposts-headline-naming-the-issuing-city", "关于加强新时代中小学劳动教育的实施意见",
     {"kind": "意见", "level": "municipal", "date": None}),
    # a county-level city's reply whose record table a converter glossed (發(fā)布機構(gòu) |溧陽市…): a gloss closing a
    # cell leaves no space and no line break of its own, so the table's bars still open its cells and the title
    # is the summary cell's
    ("county-level-citys-reply-in-a-glossed-record-table", "市政府關于同意社渚鎮部分道路命名的批復",
     {"number": "溧政發〔2023〕58号", "date": "2023-06-05", "kind": "批复", "level": "county"}),
    # a county-level city's rules printed as their own title under a record table, the record's number printed again
    # under the title (发文字号：醴政办发〔2023〕15号 成文日期：…|醴陵市…实施细则|醴政办发〔2023〕15号): the title over the copy
    ("rules-titled-over-a-copy-of-the-record-tables-number", "醴陵市城区公共停车场管理实施细则",
     {"number": "醴政办发〔2023〕15号", "date": "2023-08-22", "kind": "细则", "level": "county"}),
    # a joint announcement numbered in the series of two ministries, their names parted by a space on the number's line
    # (财政部 税务总局公告2023年第18号): the number names both, as printed
    ("announcement-numbered-by-joint-issuers-parted-by-a-space", "财政部税务总局关于延续实施农户小额贷款利息收入增值税政策的公告",
     {"number": "财政部 税务总局公告2023年第18号", "date": "2023-08-01", "kind": "公告", "level": "central"}),
    # notices printing their number but no date of their own, their foot cut: the site's posting date dates them,
    # in a record table (发布日期：2023-04-18, no 成文日期) or on the posting line over the heading (发布日期：2024年03月12日
    # 来源：…　浏览次数：…)
    ("notice-dated-only-by-its-record-tables-posting-date", "河北省人民政府办公厅关于做好2023年防汛抗旱工作的通知",
     {"number": "冀政办字〔2023〕56号", "date": "2023-04-18", "kind": "通知", "level": "provincial"}),
    ("notice-dated-only-by-its-sites-posting-line", "开封市人民政府办公室关于做好2024年春季农业生产工作的通知",
     {"number": "汴政办〔2024〕7号", "date": "2024-03-12", "kind": "通知", "level": "municipal"}),
    # a notice whose heading the page broke over two lines under a record table, the record's number printed again under
    # it (…关于印发某某省加快发展数字经济|三年行动方案的通知|某政发〔2023〕9号): the whole heading over the copy, not its last line
    ("issuing-notice-broken-over-two-lines-above-a-copy-of-the-record-tables-number",
     "某某省人民政府关于印发某某省加快发展数字经济三年行动方案的通知",
     {"number": "某政发〔2023〕9号", "date": "2023-06-02", "kind": "通知", "level": "provincial"}),
    # …or so over the number itself, in traditional characters (江門市人民政府關於印發江門市|推進…實施方案的通知|江府〔2024〕
    # 15號): the notice named by the two lines joined, the text it issues numbered and dated under it
    ("traditional-issuing-notice-broken-over-two-lines-above-its-number",
     "江門市人民政府關於印發江門市推進製造業數字化轉型實施方案的通知", {"kind": "通知", "level": "municipal"}),
    ("traditional-issuing-notice-broken-over-two-lines-above-its-number", "江門市推進製造業數字化轉型實施方案",
     {"number": "江府〔2024〕15号", "date": "2024-04-12", "kind": "方案"}),
    # a central body's announcement numbered under its title by its yearly serial alone (…的公告|2024年第12号,
    # …的公告|〔2024〕第5号) or so in its record table's 发文字号: the serial as printed, not the body's cited 2021年第3号
    ("announcement-numbered-by-its-bare-year-serial-under-its-title",
     "国家药监局关于发布《化妆品检验检测机构能力建设指导原则》的公告",
     {"number": "2024年第12号", "date": "2024-02-06", "kind": "公告", "level": "central"}),
    ("announcement-numbered-by-its-bracketed-year-serial-under-its-title", "中国人民银行关于银行间债券市场柜台业务有关事项的公告",
     {"number": "〔2024〕第5号", "date": "2024-04-02", "kind": "公告", "level": "central"}),
    ("announcement-record-table-numbering-it-by-its-bare-year-serial", "关于调整进口冷链食品检验检疫有关措施的公告",
     {"number": "2024年第27号", "date": "2024-03-01", "kind": "公告"}),
    # …but an announcement a list in the body names over its serial (决定废止以下文件：|…的公告|2022年第18号) numbers
    # neither it nor the page's document
    ("announcement-citing-a-bare-year-serial-in-its-body", "市场监管总局关于废止部分食品生产许可文件的公告",
     {"number": None, "date": "2024-05-08", "kind": "公告", "level": "central"}),
])
def test_a_web_pages_notice_carries_its_own_facts(extractor, page, title, expected):
    from kg.ingest import read_document

    # a page in traditional characters: kg names its policies in simplified characters (kg.extract.reading), so one
    # policy printed in either script is one node, and gives the document's number, an identifier, as printed
    simplified = extractor.reference.simplified
    result = printed(extractor.extract(read_document(WEB_PAGES / f"{page}.txt")))
    attributes = policy(result, simplified(title))["attributes"]
    assert {key: attributes.get(key) for key in expected} == {
        key: simplified(value) if isinstance(value, str) and key != "number" else value
        for key, value in expected.items()}


def test_a_plan_printed_in_full_under_a_news_lead_is_also_named_by_its_own_heading(extractor):
    from kg.ingest import read_document

    # the page's document is the plan the lead reports issued; its heading with the period on the line under it
    # (无锡市生态河湖行动计划|(2019-2021年)), printed with another dash than the lead's, is another name of it
    page = WEB_PAGES / "plan-printed-in-full-under-a-news-lead-its-period-under-its-heading.txt"
    result = printed(extractor.extract(read_document(page)))
    assert policy(result, "无锡市生态河湖行动计划（2019—2021年）")["aliases"] == ["无锡市生态河湖行动计划(2019-2021年）"]


def test_an_untitled_notice_named_after_its_signer_is_also_named_without_it(extractor):
    from kg.ingest import read_document

    page = WEB_PAGES / "untitled-notice-issuing-a-plan-under-its-red-header.txt"
    result = printed(extractor.extract(read_document(page)))
    notice = policy(result, "生态环境部关于印发国家生态环境标准十四五发展规划的通知")
    assert notice["aliases"] == ["关于印发国家生态环境标准十四五发展规划的通知"]


def test_an_announcement_under_its_leading_groups_line_is_also_named_with_it(extractor):
    from kg.ingest import read_document

    # 某某县推进殡葬改革领导小组|关于…的公告: a leading group issues in its own name on the line above the heading
    page = WEB_PAGES / "announcement-under-its-leading-groups-line.txt"
    result = printed(extractor.extract(read_document(page)))
    announcement = policy(result, "关于在全县推行火化、整顿殡葬市场的公告")
    assert "某某县推进殡葬改革领导小组关于在全县推行火化、整顿殡葬市场的公告" in announcement["aliases"]
    assert announcement["attributes"]["kind"] == "公告"


def test_a_signed_notice_is_also_named_by_its_heading_cut_before_its_kinds_word(extractor):
    # 关于…孔明灯(许愿灯)的 陆府通〔2019〕2号 …现将有关事项通告如下…此告: the heading completed with the kind its body names
    from kg.ingest import read_document

    page = WEB_PAGES / "untitled-circular-signed-at-its-foot.txt"
    result = printed(extractor.extract(read_document(page)))
    notice = policy(result, "陆丰市人民政府通告（2019年1月21日）")
    assert notice["aliases"] == ["关于春节期间禁止在城区燃放烟花爆竹、孔明灯（许愿灯）的通告"]


def test_a_notices_heading_the_page_cut_off_with_an_ellipsis_names_the_notice_completed(extractor):
    # 包头市人民政府关于印发包头市城市生活垃圾分类管理办...: a site cut the long heading where its line ran out; it is
    # the heading of the notice issuing the 办法 printed under it, named in full, its printed part a mention of it
    from kg.extract import extraction_to_json
    from kg.ingest import read_document

    page = WEB_PAGES / "issuing-notice-heading-cut-off-by-the-page-with-an-ellipsis.txt"
    result = extraction_to_json(extractor.extract(read_document(page)))
    notice = policy(result, "包头市人民政府关于印发包头市城市生活垃圾分类管理办法的通知")
    assert [m["text"] for m in notice["mentions"]] == ["包头市人民政府关于印发包头市城市生活垃圾分类管理办"]
    assert notice["attributes"]["kind"] == "通知" and notice["attributes"]["level"] == "municipal"


@pytest.mark.parametrize("page, name, printed, attributes", [
    # 马鞍山市人民政府关于推动低空经济高质量发展的实...|马政〔2024〕11号: cut inside its kind's words, which its body states
    # (现提出如下实施意见): named completed, its printed part a mention of it
    ("opinion-heading-cut-off-inside-its-kinds-words-by-the-page", "马鞍山市人民政府关于推动低空经济高质量发展的实施意见",
     "马鞍山市人民政府关于推动低空经济高质量发展的实",
     {"kind": "意见", "level": "municipal", "number": "马政〔2024〕11号", "date": "2024-04-19"}),
    # …的若... over its number, a body stating no kind: named as printed, with no kind of its own
    ("heading-cut-off-inside-a-word-by-the-page-its-kind-unstated", "淮北市人民政府关于进一步促进民营经济发展壮大的若",
     "淮北市人民政府关于进一步促进民营经济发展壮大的若", {"level": "municipal", "number": "淮政〔2024〕7号", "date": "2024-03-12"}),
    # …维修养护工作的|办农水函〔2024〕112号: cut right after its 的, no ellipsis, its foot lost; the body states the kind
    # (现将有关事项通知如下) and the heading's issuer its level
    ("heading-cut-after-its-of-over-its-number-foot-lost", "水利部办公厅关于做好2024年农村供水工程维修养护工作的通知",
     "水利部办公厅关于做好2024年农村供水工程维修养护工作的", {"kind": "通知", "level": "central", "number": "办农水函〔2024〕112号"}),
])
def test_a_heading_the_page_cut_off_inside_a_word_over_its_number_is_the_pages_policy(extractor, page, name, printed,
                                                                                     attributes):
    from kg.extract import extraction_to_json
    from kg.ingest import read_document

    result = extraction_to_json(extraction := extractor.extract(read_document(WEB_PAGES / f"{page}.txt")))
    found = policy(result, name)
    mention = found["mentions"][0]
    assert mention["text"] == printed == extraction.document.text[mention["start"]:mention["end"]]
    assert found["attributes"] == attributes


@pytest.mark.parametrize("page, name, printed, attributes", [
    # 乌兰察布市人民政府办公室关于做好2024年防汛抗旱工作的...: a notice issuing no text, its heading cut where the site's
    # line ran out; the signed notice its body frames (通知如下) is named after its signer
    ("circular-heading-cut-off-by-the-page-with-an-ellipsis", "乌兰察布市人民政府办公室通知（2024年5月6日）",
     "乌兰察布市人民政府办公室关于做好2024年防汛抗旱工作的",
     {"kind": "通知", "level": "municipal", "number": "乌政办发〔2024〕12号", "date": "2024-05-06"}),
    # 生态环境部办公厅关于做好…综合治理工作的|环办大气函〔2024〕36号: cut at a word, no ellipsis, nothing of its kind's word
    # left (it had no mention nor other name, so a reader naming it by its heading found no policy)
    ("circular-heading-cut-after-its-of-over-its-number", "生态环境部办公厅通知（2024年2月26日）",
     "生态环境部办公厅关于做好2024年重点行业企业挥发性有机物综合治理工作的",
     {"kind": "通知", "level": "central", "number": "环办大气函〔2024〕36号", "date": "2024-02-26"}),
])
def test_a_circulars_heading_the_page_cut_off_is_a_mention_of_it(extractor, page, name, printed, attributes):
    # the heading as printed is a mention of the signed notice and, cut after its 的, completed with the kind its body
    # names another name of it
    from kg.extract import extraction_to_json
    from kg.ingest import read_document

    result = extraction_to_json(extraction := extractor.extract(read_document(WEB_PAGES / f"{page}.txt")))
    notice = policy(result, name)
    mention = notice["mentions"][0]
    assert mention["text"] == printed == extraction.document.text[mention["start"]:mention["end"]]
    assert notice["aliases"] == [printed + "通知"]
    assert notice["attributes"] == attributes


def test_a_notices_heading_with_its_issuer_in_full_is_another_name_of_it(extractor):
    from kg.ingest import read_document

    page = WEB_PAGES / "site-title-over-the-heading-with-its-issuer-in-full.txt"
    result = printed(extractor.extract(read_document(page)))
    notice = policy(result, "交通运输部关于印发某某港口群发展规划的通知")
    assert "中华人民共和国交通运输部关于印发某某港口群发展规划的通知" in notice["aliases"]
    assert not any(e["name"].startswith("//") for e in result["entities"])


def test_a_circular_under_a_crumb_category_is_named_by_its_site_title_and_its_own_heading(extractor):
    # 某某官网>>赛事公告 opens the page: a category of notices, no title; the site's title with the year its name gives
    # (2024年…的通告) names the circular, and its own heading under the posting stamp, worded a little otherwise, is
    # another name of it
    from kg.ingest import read_document

    page = WEB_PAGES / "circular-under-a-crumb-category-and-its-site-title.txt"
    result = printed(extractor.extract(read_document(page)))
    circular = policy(result, "2024年宁波半程马拉松赛部分道路临时交通管制的通告")
    assert circular["aliases"] == ["2024年宁波半程马拉松赛期间对部分道路实施临时交通管制的通告"]
    assert circular["attributes"] == {"kind": "通告", "level": "municipal", "date": "2024-03-11"}
    assert not any("官网" in e["name"] or "赛事公告" == e["name"] for e in result["entities"] if e["type"] == "Policy")


def test_a_circular_under_a_breadcrumb_is_named_without_it_and_with_its_serial(extractor):
    """A title without 关于 on its own line under a breadcrumb the normaliser joined to it (…>公告公示 正文|某县…指挥部
    通告第3号): the breadcrumb is no part of its name, and the serial it is titled with names it too."""
    from kg.ingest import read_document

    page = WEB_PAGES / "circular-numbered-in-its-series-under-a-breadcrumb.txt"
    result = printed(extractor.extract(read_document(page)))
    circular = policy(result, "某某县森林防火指挥部通告")
    assert "某某县森林防火指挥部通告第3号" in circular["aliases"]
    assert {key: circular["attributes"].get(key) for key in ("number", "date", "kind", "level")} == {
        "number": "某某县森林防火指挥部通告第3号", "date": "2021-03-02", "kind": "通告", "level": "county"}


def test_an_issuing_notice_titled_only_by_its_attachment_is_named_after_its_signer_too(extractor):
    """A page that prints its notice's heading only as an attachment's name (附件:关于印发《X》的通知.pdf), without its
    issuer, signed under its issuing paragraph (某某市農業農村局|2024年3月5日): the signer's heading names it too."""
    from kg.ingest import read_document

    page = WEB_PAGES / "issuing-notice-titled-only-by-its-attachment.txt"
    result = printed(extractor.extract(read_document(page)))
    notice = policy(result, "关于印发《某某市2024年耕地地力保护实施方案》的通知")
    assert "某某市农业农村局关于印发《某某市2024年耕地地力保护实施方案》的通知" in notice["aliases"]
    assert {key: notice["attributes"].get(key) for key in ("date", "kind", "level")} == {
        "date": "2024-03-05", "kind": "通知", "level": "county"}


def test_a_forwarding_notice_whose_title_marks_an_inner_title_with_angle_brackets_is_the_page_own(extractor):
    """A 转发 of a 转发 marks the innermost title with ASCII angle brackets (…转发《…印发<某办法>的通知》的通知) over its
    number in brackets: the ``>`` closes a title mark, no breadcrumb's, so the heading is the page's own and carries
    its number."""
    from kg.ingest import read_document

    page = WEB_PAGES / "forwarding-notice-with-angle-brackets-in-its-title.txt"
    result = printed(extractor.extract(read_document(page)))
    notice = policy(result, "某某省农业农村厅关于转发《农业农村部财政部关于印发<耕地质量保护补助办法>的通知》的通知")
    assert {key: notice["attributes"].get(key) for key in ("number", "kind", "level")} == {
        "number": "某农政〔2021〕17号", "kind": "通知", "level": "provincial"}


def test_a_heading_under_the_breadcrumb_below_a_site_long_menus_is_the_page_own(extractor):
    """A provincial department's site prints its menus of departments before the breadcrumb (首页 > 政务公开 > … 正文),
    pushing the notice's heading under it below the head: the heading right under the breadcrumb is the page's own,
    dated by its foot (2021年4月9日), not by the posting stamp (发布日期:2021-04-12)."""
    from kg.ingest import read_document

    page = WEB_PAGES / "issuing-notice-under-a-breadcrumb-below-long-menus.txt"
    result = printed(extractor.extract(read_document(page)))
    notice = policy(result, "吉林省应急管理厅关于印发《省应急管理厅森林火灾应急处置工作预案（2021年版）》的通知")
    assert {key: notice["attributes"].get(key) for key in ("date", "kind", "level")} == {
        "date": "2021-04-09", "kind": "通知", "level": "provincial"}


def test_a_repost_quoting_the_notice_heading_over_its_addressees_is_dated_by_its_foot(extractor):
    """An aggregator's repost opens with its own headline and posting stamps, then quotes the notice's heading whole on
    a line of its own (…网站发布了|《某市人民政府关于…的通知》|全文如下:) over its addressees: the quoted heading is the
    page's own notice, dated by its signed foot (2025年3月5日), not by the repost's stamps."""
    from kg.ingest import read_document

    page = WEB_PAGES / "repost-quoting-the-notice-heading-over-its-addressees.txt"
    result = printed(extractor.extract(read_document(page)))
    notice = policy(result, "宝鸡市人民政府关于公布第二批市级非物质文化遗产代表性项目名录的通知")
    assert {key: notice["attributes"].get(key) for key in ("date", "kind", "level")} == {
        "date": "2025-03-05", "kind": "通知", "level": "municipal"}


def test_a_flattened_notice_is_dated_where_its_foot_runs_past_spaces_into_the_issued_text(extractor):
    """A law site flattens a notice into one line: a cited 《X》(its number) before the issued 《Y》…现印发, and the foot
    (特此通知。 附件:Y 二〇一九年三月六日 Y 第一章…) runs past spaces into the issued text's heading: that date, in
    Chinese numerals, is the notice's."""
    from kg.ingest import read_document

    page = WEB_PAGES / "flattened-issuing-notice-dated-between-attachment-and-issued-text.txt"
    result = printed(extractor.extract(read_document(page)))
    dates = {e["attributes"].get("date") for e in result["entities"] if e["type"] == "Policy"} - {None}
    assert dates == {"2019-03-06"}


def test_an_issuing_notice_heading_under_a_spam_line_is_read_on_its_own_line(extractor):
    """The heading 某局关于印发《Y》的通知 on its own line under a spam site's line of keywords (…律师在线,合同范本),
    which the normaliser runs into it: read on its line of the source, it names the notice with its issuer."""
    from kg.ingest import read_document

    page = WEB_PAGES / "flattened-issuing-notice-dated-between-attachment-and-issued-text.txt"
    result = printed(extractor.extract(read_document(page)))
    notice = policy(result, "国家林业和草原局关于印发《林木种苗质量检查验收办法》的通知")
    assert {key: notice["attributes"].get(key) for key in ("kind", "level")} == {"kind": "通知", "level": "central"}


def test_an_announcement_titled_only_by_its_year_serial_is_named_with_it(extractor):
    """A ministry's 公告 has no title but its issuer's name and its place in the year's series (某局公告 2025 年第 7
    号): the name with that serial names it too, as the page titles it."""
    from kg.ingest import read_document

    result = printed(extractor.extract(read_document(WEB_PAGES / "announcement-titled-by-its-year-serial.txt")))
    announcement = policy(result, "国家药品监督管理局公告")
    assert "国家药品监督管理局公告2025年第7号" in announcement["aliases"]
    assert {key: announcement["attributes"].get(key) for key in ("date", "kind", "level")} == {
        "date": "2025-02-14", "kind": "公告", "level": "central"}


def test_a_circular_title_broken_over_two_lines_above_its_number_is_named_whole(extractor):
    """A spam repost prints a circular's title broken over two lines right above its number (关于划定…区域和|…时段的
    通告|某府发〔2024〕3号): the title is both lines, not the second's tail alone."""
    from kg.ingest import read_document

    page = WEB_PAGES / "circular-title-broken-over-two-lines-above-its-number.txt"
    result = printed(extractor.extract(read_document(page)))
    circular = policy(result, "关于划定烟花爆竹禁止燃放区域和禁止燃放时段的通告")
    assert {key: circular["attributes"].get(key) for key in ("number", "kind")} == {
        "number": "某府发〔2024〕3号", "kind": "通告"}
    assert not any(e["name"] == "禁止燃放时段的通告" for e in result["entities"] if e["type"] == "Policy")


@pytest.mark.parametrize("page, name", [
    ("record-table-row-labelled-with-its-title", "营口市人民政府关于公布第三批市级非物质文化遗产代表性项目名录的通知"),
    ("record-table-titled-on-its-first-row", "包头市人民政府关于下达2024年市级重点建设项目计划的通知"),
])
def test_a_record_tables_label_is_no_part_of_the_title_its_row_gives(extractor, page, name):
    """A site's record table gives the title in a row labelled 信息名称 or 标题, parted by a space only: the notice
    is named without that label and carries its kind and level, and no policy is named with the label."""
    from kg.ingest import read_document

    result = printed(extractor.extract(read_document(WEB_PAGES / f"{page}.txt")))
    notice = policy(result, name)
    assert {key: notice["attributes"].get(key) for key in ("kind", "level")} == {"kind": "通知", "level": "municipal"}
    assert not any(e["name"].startswith(("信息名称", "标题")) for e in result["entities"] if e["type"] == "Policy")


def test_the_heading_printed_over_the_number_names_a_notice_its_record_titles_otherwise(extractor):
    """A site's record table titles the notice its own way (标题: 印发关于《某条例》实施细则的通知); the page prints the
    issuer's heading broken over three lines right above the number: that heading is the notice's name, with its
    number, date, kind and level."""
    from kg.ingest import read_document

    page = WEB_PAGES / "record-title-differing-from-the-heading-over-its-number.txt"
    result = printed(extractor.extract(read_document(page)))
    notice = policy(result, "黔东南苗族侗族自治州人民政府关于印发《贵州省黔东南苗族侗族自治州民族团结进步促进条例》实施细则的通知")
    assert {key: notice["attributes"].get(key) for key in ("number", "date", "kind", "level")} == {
        "number": "黔东南府发〔2016〕12号", "date": "2016-03-28", "kind": "通知", "level": "municipal"}


def test_an_order_promulgating_its_text_gets_no_made_up_notice(extractor):
    """An order's text (《X》…通过，现予公布) is the page's document: no notice 关于印发X的通知 is made up for it."""
    from kg.ingest import read_document

    page = WEB_PAGES / "order-promulgating-rules-its-date-without-its-zeros.txt"
    result = printed(extractor.extract(read_document(page)))
    assert policy(result, "绵阳市授予荣誉市民称号规定")
    assert not any("印发" in e["name"] for e in result["entities"] if e["type"] == "Policy")


def test_a_number_bracketed_in_a_sentence_is_cited_and_an_exclaiming_headline_is_no_title(extractor):
    """A repost's headline that exclaims (…为禁牧期!某区最新公告|发布时间：…) stands over the announcement's own title
    line; the body cites a number in brackets after its issuer, its sentence going on (…和国家林业和草原局(林草发〔2020〕
    40号)关于…的通知等文件精神): the page's document is the titled announcement, without that number."""
    from kg.ingest import read_document

    page = WEB_PAGES / "announcement-under-an-exclaiming-headline-citing-a-bracketed-number.txt"
    result = printed(extractor.extract(read_document(page)))
    announcement = policy(result, "北林区草原禁牧公告")
    assert {key: announcement["attributes"].get(key) for key in ("number", "date", "kind", "level")} == {
        "number": None, "date": "2023-04-26", "kind": "公告", "level": "county"}
    assert not any("number" in e.get("attributes", {}) for e in result["entities"])


def test_a_number_that_lost_its_hao_on_the_line_under_the_title_is_the_notices(extractor):
    """A repost prints the notice's number under its title without 号 (工信厅节函[2019]101), the normaliser joining
    the title, the number and the addressees into one line: the number is the notice's, its 号 put back."""
    from kg.ingest import read_document

    page = WEB_PAGES / "notice-numbered-without-its-hao-under-its-title.txt"
    result = printed(extractor.extract(read_document(page)))
    notice = policy(result, "工业和信息化部办公厅关于组织开展2019年工业节能诊断服务工作的通知")
    assert {key: notice["attributes"].get(key) for key in ("number", "date", "kind", "level")} == {
        "number": "工信厅节函〔2019〕101号", "date": "2019-05-08", "kind": "通知", "level": "central"}


def test_an_orders_signature_run_into_its_rules_dates_them(extractor):
    """A periodical's abstract prints an order and its rules as one line (…现予发布。市长某某某某市人民政府2013年5月20日
    第一条为加强…): the date between the signing body and the first article is the rules' date of issue."""
    from kg.ingest import read_document

    page = WEB_PAGES / "order-run-together-with-its-rules-in-a-periodical-abstract.txt"
    result = printed(extractor.extract(read_document(page)))
    rules = policy(result, "惠州市城市绿地管理办法")
    assert {key: rules["attributes"].get(key) for key in ("number", "date", "kind", "level")} == {
        "number": "惠州市人民政府令第88号", "date": "2013-05-20", "kind": "办法", "level": "municipal"}
