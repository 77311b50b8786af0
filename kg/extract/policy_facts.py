"""Policy facts analysts ask for: document number (文号), date of issue, kind, level and period.

A policy's kind and period come from its title (…行动计划（2021-2023年） → 计划, 2021–2023;
“十四五”…规划 → 规划, 2021–2025), its level from the issuer the title or the issued_by relation
names (国务院 → central, 安徽省… → provincial). Number and date belong to the document itself: when
the document is a policy (its title at its head, the number under it, issuer and date at its foot),
they are set on that policy and ``Extraction.document_policy`` names it.
"""
from __future__ import annotations

import datetime
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from itertools import accumulate, combinations
from os.path import commonprefix

import numpy

from kg.extract.lexicon import (
    BARE_LEVEL_BODIES, BARE_LEVEL_DEPARTMENT_HEADS, BARE_LEVEL_WORDS, FORMER_CENTRAL_BODIES, SELF_REFERENCE_LEVEL,
    TITLE_ISSUER_END,
)
from kg.extract.policy import RECORD_TITLE_LABELS, canonical_policy_name, policy_head
from kg.model import Document, Entity, Extraction, Mention
from kg.reference import RefEntry, Reference
from kg.vocab import POLICY_KINDS, entity_iri

#: 国发〔2021〕29号, 皖政办秘〔2021〕82号, 工信部信管[2025]180号 (PDF text often has square brackets),
#: 鄂政發〔2018〕26號 (a page in traditional characters), 国函[20O0]31号 (a law site typed the letter O for a
#: zero; a template's 20XX or 20××, with no digit there, is no number), 巩政征预告字〔2023〕第5号 (a serial with 第),
#: 宁政发(2021)12号 or 宁政发<2009>7号 (a site without the glyph 〔).
DOCUMENT_NUMBER = re.compile(r"([\u4e00-\u9fff]{1,12})\s*[〔\[［【﹝（(<＜]\s*((?:19|20)(?:\d\d|\d[Oo]|[Oo]\d))\s*"
                             r"[〕\]］】﹞）)>＞]"
                             r"\s*((?:第\s*)?\d{1,4})\s*[号號]")
_LETTER_O = str.maketrans("Oo", "00")
#: …or, before the 1990s, with the year's last two digits in round brackets first: （78）交公路字412号,
#: (84)财税字第12号 (kept as printed, its brackets full-width).
YEAR_FIRST_NUMBER = re.compile(r"[（(]\s*(\d\d)\s*[）)]\s*([\u4e00-\u9fff]{1,12}?\s*(?:第\s*)?\d{1,4})\s*[号號]")
#: …on a page that lost its closing bracket and 号, as glyphs a font drew (牟政办发〔201746): a line of the
#: source of its own, the serial run on after the year.
LOST_BRACKET_NUMBER = re.compile(r"([\u4e00-\u9fff]{1,12})[〔\[［【﹝]((?:19|20)\d\d)(\d{1,4})")
#: …or that lost both brackets, a space left between the year and the serial (兰政函2020 48号): a line of the
#: source of its own.
BARE_YEAR_NUMBER = re.compile(r"([\u4e00-\u9fff]{1,12})((?:19|20)\d\d)[ \t\u3000]+(\d{1,4})[ \t\u3000]*[号號]")
#: …or that lost only its 号, the serial closing its brackets' line (工信厅规函[2018]56): a line of the source of its own.
UNMARKED_SERIAL_NUMBER = re.compile(r"([\u4e00-\u9fff]{1,12})[〔\[［【﹝]((?:19|20)\d\d)[〕\]］】﹞](\d{1,4})")
#: …or that lost both brackets and ran the serial on after the year, the heading of its own document joined after it
#: (1、滨教函202011号滨州市教育局关于…的通知): a line of the source it opens, maybe after the line's list mark.
GLUED_YEAR_NUMBER = re.compile(r"(?:\d{1,3}[、.．][ \t\u3000]*)?([\u4e00-\u9fff]{1,12}?)((?:19|20)\d\d)(\d{1,4})[号號]"
                               r"(?=[\u4e00-\u9fff]{2,30}?[关關][于於])")
#: …or whose brackets its encoding turned into stray marks (富政办, 2005? 35号): a line of the source of its own, the
#: issuer code, then the year after a comma or question mark and the serial after a question mark.
_GARBLED_YEAR = re.compile(r"[ \t]*[,，?？][ \t]*((?:19|20)\d\d)[ \t]*[?？][ \t]*(\d{1,4})[ \t]*[号號]")
GARBLED_BRACKET_NUMBER = re.compile(r"([\u4e00-\u9fff]{1,12})" + _GARBLED_YEAR.pattern)
#: The place in a series: 第121号, 第 37 號, 第三十七号 (Chinese numerals kept as printed).
_SERIAL = r"第\s*(?:\d{1,4}|[一二三四五六七八九十百〇零]{1,5})\s*[号號]"
#: A line of Latin letters a page saver or a site put between a head's lines (Original URL: http://…),
#: maybe joined to the next by the normaliser.
_ASCII_LINE = r"\n[\x20-\x7e]*?\s*"
#: An order, announcement or circular numbered in its own series: 渝府令第 121 号, 中华人民共和国国务院令 第227号,
#: 政府令〔2010〕第15号, 中华人民共和国主席令（九届第37号）, …常务委员会公告 第28号, …指挥部通告（第1号）,
#: …禁火令（2025年第2号）, a tax bureau's 公告2016年第6号 (its series restarts every year), or a bracket
#: that names the series' own body: 通告（县防控指挥部第1号）; a saver's line of Latin letters may part the
#: order's name from its serial (潍坊市人民政府令|Original URL: …|第77号).
ORDER_NUMBER = re.compile(r"([\u4e00-\u9fff]{0,30}?(?:令|公告|通告))\s*(?:" + _ASCII_LINE + r")?"
                          + r"(〔(?:19|20)\d{2}〕\s*" + _SERIAL
                          + r"|(?:19|20)\d{2}\s*年\s*" + _SERIAL
                          + r"|[（(][一二三四五六七八九十]+届\s*" + _SERIAL + r"[）)]"
                          + r"|[（(]\s*([\u4e00-\u9fff]{2,15}?)?\s*((?:(?:19|20)\d{2}\s*年\s*)?" + _SERIAL
                          + r")\s*[）)]|" + _SERIAL + ")")
#: An announcement's or circular's place in its issuer's yearly series alone, as central bodies print it on a line of
#: its own under the title (市场监管总局关于…的公告|2024年第18号, 中国人民银行…的公告|〔2024〕第5号) or in a record's
#: 发文字号 field: kept as printed, the issuer's name it leaves out being no part of it.
YEAR_SERIAL = re.compile(r"(?:(?:19|20)\d{2}\s*年|〔(?:19|20)\d{2}〕)\s*" + _SERIAL)
#: An order printed without its word 令: the government's line, then its place in the series on a line of its own
#: (吉林省长春市人民政府|第63号|《长春市…规定》业经…通过，现予发布施行).
GOVERNMENT_SERIAL = re.compile(r"([\u4e00-\u9fff]{2,30}?人民政府)(" + _SERIAL + ")")
#: An order's name and its number in the series, ending a title (銅川市人民政府令第1號): the order's kind.
ORDER_IN_SERIES = re.compile(r"令\s*" + _SERIAL + r"$")
#: An order's place in its series alone on a line of the head, its issuer and word 令 lost, over the text it
#: promulgates (…的决定|第153号|《…的决定》已经…常务会议审议通过): kept as printed.
BARE_SERIAL_LINE = re.compile(r"(" + _SERIAL + r")(?=\s*《[^《》\n]{2,80}》(?:已|业|業)?经[^\n。]{0,60}?(?:通过|通過))")
#: An order numbered on a line of its own under its issuer: …防控指挥部|2号令.
ORDER_LINE = re.compile(r"^[ \t\u3000]*((?:\d{1,4}|[一二三四五六七八九十]{1,4})\s*[号號]令)[ \t\u3000]*$", re.M)
#: …or closing its issuer's line, the order's title: 某县疫情防控应急指挥部1号令 (not a cited 《5号令》, not
#: 市指挥部2号令的要求 in a sentence: the serial must end a line of the source).
ORDER_TITLE_SERIAL = re.compile(r"(?<=[\u4e00-\u9fff])((?:\d{1,4}|[一二三四五六七八九十]{1,4})\s*[号號]令)")
#: A number the text cites after the title it belongs to (《森林防火条例》（国务院令第541号）, 《…请示》(州政〔2015〕87号)),
#: not the document's own; nor one a sentence goes on after (按粤府函〔2018〕187号文的标准执行, …号的要求, …号精神)
#: or that a sentence's verb runs into (根据甬政办发〔2021〕3号, 按粤府函〔2018〕187号执行).
_CITED = re.compile(r"[》〉][ \t\u3000]*[（(]?[ \t\u3000]*$")
_CITED_IN_SENTENCE = re.compile(r"文|的|精神|要求|[规規]定")
_CITING_VERB = re.compile(r"根据|依据|按照|依照|参照|贯彻|落实|执行|按")
#: …or that closes a sentence begun before it on its line (…审议批准了…道路名称，批准文号：某政函〔2023〕67号。: the
#: approval the text reports);
#: …or that a bracket gives inside a sentence, which goes on after it (…经省林业厅批复同意实施（浙林资批〔2009〕53号），现…)
#: or closes (a list's item: 一、山东省信访规定（省政府令第114号）。).
_BRACKET_IN_SENTENCE = re.compile(r"[ \t\u3000]*[）)][，、；。]")
#: A site record's label before the number (发文字号皖交发〔2021〕63号): not part of the issuer code.
_NUMBER_LABEL = re.compile(r".*(?:发文字号|發文字號|文号|文號|字号|编号)[：:]?")
#: A line that is only a date (the foot of a notice), or a date followed by the body that adopted
#: it (2020年11月28日河南省第十三届人民代表大会常务委员会第二十一次会议通过; normalising drops the
#: space between them) or by the place it was signed (2020年1月23日于某市, 於 on traditional pages), or in
#: a law database by its issuer, whose name may be long (1991年8月29日，某部; 1989年12月21日，全国土地资源调查办公室).
#: A line of the foot may also run on into the printing record (二○一二年二月二十九日 主题词：劳动 工资 通知, 抄送：…),
#: as a flattened page prints it.
_DATE = r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
_SIGNED_AT = r"[于於][\u4e00-\u9fff]{2,10}|，[\u4e00-\u9fff]{2,30}"
_PRINTING_RECORD = re.compile(r"[ \t\u3000]*(?:主题词|主題詞|抄送|抄报|抄報)[：:]")
DATE_LINE = re.compile(r"^[ \t\u3000]*" + _DATE + r"[ \t\u3000]*(?:([^\n\d（(][^\n]{0,60}?)(?:通过|发布|印发|公布)"
                       r"|" + _SIGNED_AT + r")?(?:[ \t\u3000]*$|" + _PRINTING_RECORD.pattern + ")", re.M)
#: …also where the normaliser joined that line to its neighbours (a page's short lines): a date, or a
#: date and its place, between two line breaks of the source.
SIGNED_DATE = re.compile(_DATE + r"(?P<place>" + _SIGNED_AT + ")?")
#: …or, the only date at some feet, the document's printing line (版记): 嵩县人民政府办公室 2017年10月30日印发.
PRINTING_LINE = re.compile(r"^[ \t\u3000]*(?:[\u4e00-\u9fff]{2,30}[ \t\u3000]*)?" + _DATE
                           + r"[ \t\u3000]*印[发發][ \t\u3000]*$", re.M)
#: A date with its clock time (2017年10月23日 09:24来源：…) or its weekday (2025年09月19日 星期五 16時46分, a site's
#: clock in its chrome) is a site's posting stamp, not a signature's: a signature prints neither.
_CLOCK_TIME = re.compile(r"\s*(?:\d{1,2}[:：]\d{2}|(?:星期|禮拜|礼拜|周|週)[一二三四五六日天])")
#: …or a paragraph of its own in a page saved with its markup (<p style="text-align: right;"> 2018年3月27日</p>).
MARKUP_DATE = re.compile(r"<p(?:\s[^<>]*)?>\s*" + _DATE + r"\s*</p>")
#: A law database's provenance line under a regulation's title, whose first date is its adoption or
#: publication: （1998年11月17日山东省人民政府令第96号发布 根据2004年7月15日…修订）, or an order's date and
#: number alone (1994年8月12日 贵阳市人民政府令第4号); a revision it records dates the text as printed
#: (see _history_date).
PROVENANCE_LINE = re.compile(r"[（(]\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
                             r"([^\n（）()。]{0,60}?)(?:通过|发布|公布|令\s*第\s*\d{1,4}\s*[号號](?=\s*[）)]))")
#: A line that is only a date written in Chinese numerals, as orders and older notices sign:
#: 二○○一年十二月三十日, 二〇一〇年四月七日 (a page's OCR or typing may give 二OO六 or 二o一一 with Latin O, or 二0一一
#: with the digit), maybe with a full stop typed after it (二○一○年一月八日。); where the normaliser joined it to its
#: neighbours, a line of the source (CHINESE_DATE).
_CHINESE_DATE = (r"([〇○零OoＯ0一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月"
                 r"\s*([一二三四五六七八九十]{1,3})\s*日")
CHINESE_DATE = re.compile(_CHINESE_DATE)
CHINESE_DATE_LINE = re.compile(r"^[ \t\u3000]*" + _CHINESE_DATE + r"[ \t\u3000]*。?[ \t\u3000]*$", re.M)
_CHINESE_DIGIT = {**dict.fromkeys("〇○零OoＯ0", 0), **{c: i for i, c in enumerate("一二三四五六七八九", start=1)}}
#: …or such a line (of the source) whose font lost the glyph 〇 (二六年十月十六日 for 二〇〇六年…): a year of two or
#: three numerals.
ZEROS_LOST_DATE = re.compile(r"([一二三四五六七八九]{2,3})\s*年\s*([一二三四五六七八九十]{1,3})\s*月"
                             r"\s*([一二三四五六七八九十]{1,3})\s*日(?:[ \t\u3000]*。)?")
#: The years such a date may read as: none before the People's Republic's nor after this one.
_FIRST_YEAR = 1949
#: …or, on a page that lost the characters 年月日 or a repost that writes the date in figures, only its digits,
#: run together, spaced or parted by marks, after a stray mark: 2018525, 20171116, { 2017 6 23, 2021-03-02,
#: 2021.3.2 (see _digits_only_date); a note in brackets may stand between it and its signer.
_DATE_PARTS_MARK = r"[ \t]*[-./][ \t]*|[ \t]+"
DIGITS_ONLY_DATE = re.compile(r"[{}\[\]【】]?[ \t]*((?:19|20)\d{2})(?:" + _DATE_PARTS_MARK
                              + r")?(\d{1,2}(?:" + _DATE_PARTS_MARK + r")?\d{1,2})[ \t]*")
_FOOT_NOTE = re.compile(r"[（(][\u4e00-\u9fff]{2,12}[）)]$")
#: The date of issue a government site's or law database's document record gives: 发文日期：2024年04月06日 16:40,
#: 成文日期: 2019-01-23, 发文时间: 2016-4-22, 【颁布时间】1988-1-6 (not 实施时间, when it takes effect), also in a
#: table of cells parted by pipes (发文日期 | 2022-01-30 16:20 |, 成文日期: | 2003-01-02 |; a Jiangsu site's
#: 生成日期 | 2024-12-03, its 成文日期) or a record printed as a bulleted list, each label and each value an item of
#: its own (• 成文日期|• 2017-07-12); a law database's 【公布日期】2002.07.24 is an order's date of promulgation (a
#: site's bare 公布日期 may be its posting's).
_RECORD_DATE = r"((?:19|20)\d{2})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})"
METADATA_DATE = re.compile(r"(?:发文日期|發文日期|成文日期|生成日期|发文时间|颁布时间|頒布時間|颁布日期|頒布日期"
                           r"|(?<=【)公布日期)"
                           r"(?:】|\s*[：:]?\s*[|｜]|\s*[：:]|[ \t\u3000]*\n[ \t\u3000]*[•·●▪][ \t\u3000]*)\s*"
                           + _RECORD_DATE)
#: The day a site posted the document, as its record table or the posting line over the title prints it (发布日期：
#: 2023-09-05, 发布日期：2024年02月27日　来源：…): a few days after it was signed, and all a page whose foot was cut and
#: whose record gives no 成文日期 says of its date; on a page that does not print the document's number (a repost, a
#: 解读 citing it) or interprets it (一图读懂丨…, though it quotes the number: _interpretation) the page's own day.
POSTING_DATE = re.compile(r"(?:发布|發布)(?:日期|时间|時間)\s*(?:[：:]?\s*[|｜]|[：:])\s*" + _RECORD_DATE)
#: The date a news page prints in brackets at its head: 《人民日报》（2025年07月02日第 18 版）.
DATELINE = re.compile(r"[（(]\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
#: A revision a bracket of the document's history records after its first date: a date, then the act before
#: the next date (根据2004年7月15日…令第172号修订, 2025年11月9日…國務院令第821號修訂, …第一次修正), up to
#: the bracket's close.
_REVISION = re.compile(_DATE + r"(?:(?!(?:19|20)\d{2}\s*年)[^（）()。；]){0,60}?(?:修订|修訂|修正|修改)")
#: …or the promulgation that follows the text's adoption (通过) in the bracket: a date, then its act (公布, 发布).
_PROMULGATION = re.compile(_DATE + r"(?:(?!(?:19|20)\d{2}\s*年)[^（）()。；]){0,60}?(?:公布|公佈|发布|發布)")
_ADOPTION = re.compile(r"通过|通過")
_BRACKET_REST = re.compile(r"[^（）()]{0,300}?[）)]")
#: （2021—2025年）, (2021-2023年)
PERIOD = re.compile(r"[（(]\s*((?:19|20)\d{2})\s*年?\s*[—–\-－~～至到]+\s*((?:19|20)\d{2})\s*年?\s*[）)]")
#: 关于印发《X》的通知: a notice that issues another text.
ISSUING_NOTICE = re.compile(r"印发.+通知$")
#: “十四五”: the k-th five-year plan; the sixth ran 1981–1985 and they have followed on since.
FIVE_YEAR_PLAN = re.compile(r"十([一二三四五六七八九]?)五|第十([一二三四五六七八九]?)个五年")
_DIGITS = {c: i for i, c in enumerate("一二三四五六七八九", start=1)}
#: Reference levels → the administrative level of an issuer.
LEVEL_OF = {
    "country": "central", "party_central": "central", "national_body": "central",
    "province": "provincial", "provincial_body": "provincial", "city": "municipal", "county": "county",
}
#: Whom a notice is sent to shows who sends it, when its name is garbled or missing: its own level's
#: departments (省政府各部门, 市直各单位, 市府直属各单位, 县政府各部门) first, else the governments below
#: it (各市人民政府 from a province, 各县（市、区） from a city, 各乡镇 from a county; a city without
#: counties writes to 各镇 and 市府直属各单位); an autonomous region writes to 自治区政府各部门, whose 区政府各 is no
#: county's.
ADDRESSEE_LEVEL = (
    (("central", "国务院各部委|国务院各直属"),
     ("provincial", "自治区(?:人民)?政府各|自治区直|省政府各|省人民政府各|省直|省级各|省属各"),
     ("municipal", "市政府各|市人民政府各|市直|市级各|市府直属|市属各|地直|州直|盟直"),
     ("county", "县政府各|县人民政府各|县直|县级各|县属各|区政府各|区人民政府各|区级各|区直")),
    (("central", "各省、自治区、直辖市"),
     ("provincial", "各地级以上市|各设区市|各市、(?:自治)?州|各市（州|各市人民政府"),
     ("municipal", "各县（市、区|各县（区|各区、?县|各县、?区|各区人民政府"), ("county", "各乡|各镇|各街道")),
)
_ADDRESSEE_LEVEL = tuple(re.compile("|".join(f"(?P<{level}>{words})" for level, words in tier))
                        for tier in ADDRESSEE_LEVEL)
#: (title ending, kind label), longest ending first.
_KIND_ENDINGS = sorted(((ending, label) for label, (_, endings) in POLICY_KINDS.items() for ending in endings),
                       key=lambda pair: len(pair[0]), reverse=True)
#: How far into the text a document's head (title and number) may reach.
HEAD_SPAN = 400
def _head_end(text: str) -> int:
    """Where the document's head ends, measured from its first line holding Chinese: a repost's lines of bare markup
    above it (<meter id="…"></meter>) are no part of it."""
    return _head_start(text) + HEAD_SPAN


#: A law database's or a site's record of a document, under the site's menus, a field a line of the source or
#: in 【】: 发文标题: X, 发文文号: N, 发文时间: D, 名称 X (a table's cells parted by a space); 【标题】X【发文号】N
#: (also traditional).
_RECORD_NUMBER = "发文文号|发文字号|文号|发文号|發文號"
RECORD_TITLE = re.compile(rf"(?:【(?:{RECORD_TITLE_LABELS})】|(?:{RECORD_TITLE_LABELS})(?:\s*[：:]|[ \t\u3000]+))\s*")
RECORD_NUMBER = re.compile(rf"(?:【(?:{_RECORD_NUMBER})】|(?:{_RECORD_NUMBER})\s*[：:])\s*")
#: A site's record table's publisher (发布机构: 县交运局 主题分类: 其他): the body that issued the document.
RECORD_ISSUER = re.compile(r"(?:发布机构|發布機構|发文机关|發文機關|发文单位|發文單位)\s*[：:]\s*")
#: …or in a table whose cells a bar parts (发布机构 | 宜兴市人民政府网站 | 公开形式 | 网站): its first cell after the label
#: names the publisher's region, for the level only (the cell may be the publisher's site, no issuer's name).
RECORD_ISSUER_CELL = re.compile(r"(?:发布机构|發布機構|发文机关|發文機關|发文单位|發文單位)\s*[|｜]\s*")
_CELL_END = re.compile(r"[\s|｜]")
#: How far into the text such a record may stand (the menus before it are long).
RECORD_SPAN = 1500
#: A site's mark of a document's standing in 【】 before the title its record gives (【已失效】某市人民政府关于…的通知,
#: 【现行有效】): the site's word on the document, no part of its title.
_STANDING_MARK = re.compile(r"【[^【】\n]{0,6}(?:有效|失效|废止|廢止|作废|作廢)】[ \t\u3000]*")


#: A notice's or letter's instrument word closing a heading that issues a text (…关于印发X的通知, …的复函).
_ISSUING_INSTRUMENT = re.compile(r"的(?:通知|[复復]?函)$")


def _issuing_heading_cut(title: str) -> bool:
    """The title's own 关于 opens 印发 (not one inside a title it quotes) and no 的通知 closes it: a page printed
    the notice's heading cut before its instrument word (山西省人民政府办公厅关于印发…工作方案)."""
    about = _ABOUT.search(title)
    return bool(about) and title.startswith(("印发", "印發"), about.end()) and not _ISSUING_INSTRUMENT.search(title)


def policy_kind(title: str) -> str | None:
    """The kind (a POLICY_KINDS label) the title's instrument word names, if any; a notice's heading cut before
    its 的通知 is still a notice's."""
    core = PERIOD.sub("", title)
    core = re.sub(r"[（(][^（）()]*[）)]$", "", core.strip())
    if ORDER_IN_SERIES.search(core):
        return "令"
    if _issuing_heading_cut(core):
        return "通知"
    return next((label for ending, label in _KIND_ENDINGS if core.endswith(ending)), None)


def policy_period(title: str) -> dict[str, int] | None:
    """{"start", "end"} from （2021—2025年） or a five-year plan (“十四五”) in the title; a notice
    issuing a plan (关于印发…计划（2021-2023年）的通知, its heading cut before 的通知 too) has no period of its own."""
    if ISSUING_NOTICE.search(title) or _issuing_heading_cut(title):
        return None
    match = PERIOD.search(title)
    if match and int(match.group(1)) <= int(match.group(2)):
        return {"start": int(match.group(1)), "end": int(match.group(2))}
    match = FIVE_YEAR_PLAN.search(title)
    if match:
        number = 10 + _DIGITS.get(match.group(1) or match.group(2) or "", 0)
        start = 1981 + 5 * (number - 6)
        return {"start": start, "end": start + 4}
    return None


#: A township's body, maybe named after its county or city (保定腰山镇人民政府, 某县某某乡人民政府): the
#: scheme has no township level, and the town is no city.
_TOWNSHIP = re.compile(r"[\u4e00-\u9fff]{0,12}?(?:[镇乡](?:人民政府|政府|党委)|街道办事处)")
#: The Party's name before a local committee's region (中共宁波市委办公室, 中国共产党宁海县委员会): the
#: committee is of its region's level (the Central Committee, 中共中央, is central).
_PARTY_BEFORE_REGION = re.compile(r"(?:中国共产党|中共)(?!中央)")
#: …or the year a title gives before its region (2023年常熟市…工作意见).
_YEAR_BEFORE_REGION = re.compile(r"(?:19|20)\d\d年度?")
#: A body named by its level's word alone (省政府, 县人大…办公室): see BARE_LEVEL_WORDS.
_BARE_LEVEL = re.compile(f"({'|'.join(word for word, _ in BARE_LEVEL_WORDS)})(?:{'|'.join(BARE_LEVEL_BODIES)})")
#: A department named so (县交运局), never 市场监管局 (a market, not a city).
_BARE_LEVEL_DEPARTMENT = re.compile(f"({'|'.join(word for word, _ in BARE_LEVEL_WORDS)})(?!场)[\u4e00-\u9fff]{{1,8}}?"
                                    f"(?:{'|'.join(BARE_LEVEL_DEPARTMENT_HEADS)})")
_BARE_LEVEL_OF = dict(BARE_LEVEL_WORDS)


#: The word a division below a province ends its name with: a province's short name followed by one names another
#: division (贵州市 is no 贵州省; a county-level city, 富阳市, is of the county's level the reference's 富阳区 has).
_BELOW_PROVINCE = re.compile(r"[市县縣区區州盟旗]")


def issuer_level(issuer: str, reference: Reference, within: RefEntry | None = None) -> str | None:
    """The level of the body or region an issuer name starts with (longest known prefix); a national
    body's branch named after its region is of that region's level (国家税务总局陕西省税务局 is provincial),
    and so is a body of a region named after the region containing it (广安市广安区人民政府 is a county's)
    and a Party committee of a region (中共宁波市委 is municipal), also after a title's year (2023年常熟市…意见 is a
    county's); a central body since merged or renamed
    (铁道部, 国家计委) is central; a grouping of regions (中原城市群, 山东半岛城市群) has no level, nor does the
    division its name begins with stand for it (中原区, 山东省); a province's short name followed by a lower division's
    word (贵州市, misprinted for 贵阳市) is not that province. ``within``: only a region inside this one."""
    if within is None:
        issuer = reference.simplified(issuer)  # a page in traditional characters: 甘肅省人民政府
        prefix = _PARTY_BEFORE_REGION.match(issuer) or _YEAR_BEFORE_REGION.match(issuer)
        issuer = issuer[prefix.end():] if prefix else issuer
        if _TOWNSHIP.match(issuer):
            return None
    for length in range(min(len(issuer), 16), 1, -1):
        for entry in reference.lookup(issuer[:length]):
            if within is None and entry.type == "Region" and entry.level == "grouping":
                return None
            if entry.level == "province" and _BELOW_PROVINCE.match(issuer, length) and not entry.name.endswith(
                    issuer[length]):
                continue  # 贵州市 (a misprint, or a division the reference lacks) is no 贵州省
            if entry.level not in LEVEL_OF or entry.type not in ("Region", "Organization") or within is not None and (
                    entry.type != "Region" or within.type == "Region" and not reference.contains(within, entry)):
                continue
            inner = issuer_level(issuer[length:], reference, entry) if entry.type == "Region" or (
                LEVEL_OF[entry.level] == "central") else None
            return inner or LEVEL_OF[entry.level]
    return "central" if within is None and FORMER_CENTRAL_BODIES.match(issuer) else None


#: A title whose subject is the central government's own (中央水利建设基金财务管理暂行办法, 中央财政…资金管理办法,
#: 中央企业…): only the centre rules on its own funds, firms and stocks, also where a reposting page prints no issuer.
_CENTRAL_SUBJECT = re.compile(r"中央(?!.*[省市县区])")


def _central_subject_level(title: str) -> str | None:
    """``central`` for a title opening with 中央 that names no region below it, the last resort."""
    return "central" if _CENTRAL_SUBJECT.match(title) else None


def bare_level(issuer: str, reference: Reference) -> str | None:
    """The level of a body named by its level's word alone (省政府关于…, 县人大工作评议办公室, a department
    named in full so: 县交运局): the last resort, as a county-level city's title also says 市政府 (its addressees,
    各镇, tell it first)."""
    simplified = reference.simplified(issuer)
    bare = _BARE_LEVEL.match(simplified) or _BARE_LEVEL_DEPARTMENT.fullmatch(simplified)
    return _BARE_LEVEL_OF[bare.group(1)] if bare else None


#: What a heading joined to the number's line leaves before its issuer code (…的通知|甘政办发〔2025〕21号,
#: a red header 湖南省人民政府办公厅文件|湘政办发〔2009〕24号, a title …管理条例|中华人民共和国国务院令, the date
#: of an order's publication 1998年11月17日|山东省人民政府令第96号发布).
_HEADING_TAIL = re.compile(r".*(?:的(?:实施|指导|若干)?(?:通知|意见|决定|批复|函|报告|公告|通报|方案|办法|规定|细则)?"
                           r"|文件|条例|办法|规定|通告|(?<=\d)日)")
_ORDER_SPELLING = str.maketrans({"(": "（", ")": "）", "號": "号"})


def number_in_head(text: str, offsets: Sequence[int] = ()) -> tuple[int, int, str] | None:
    """(where it starts, where it ends, the number normalised to 〔〕) of the number standing in the document's
    head: a 文号 or an order's number, whichever comes first, unless the text cites it after the
    《title》 it belongs to. A heading whose line the text joined to the number's is not part of its
    issuer code: an issuer code never holds a 的, and never spans a line break of the source
    (``offsets``: the normalised text's offset map)."""
    head = text[:_head_end(text)]
    found = [(match, f"〔{match.group(2).translate(_LETTER_O)}〕{''.join(match.group(3).split())}号")
             for match in DOCUMENT_NUMBER.finditer(head)]
    found += [(match, _order_number(match)) for match in ORDER_NUMBER.finditer(head)]
    line_starts = _line_starts(text, 0, len(head), offsets)  # where the normaliser joined them too
    found += [(match, f"〔{match.group(2)}〕{match.group(3)}号")
              for pattern in (LOST_BRACKET_NUMBER, BARE_YEAR_NUMBER, UNMARKED_SERIAL_NUMBER) for start in line_starts
              if (match := pattern.match(head, start)) and _ends_line(text, match.end(), offsets)]
    found += [(match, f"〔{match.group(2)}〕{match.group(3)}号")
              for match in filter(None, (GLUED_YEAR_NUMBER.match(head, start) for start in line_starts))]
    found += [(match, f"〔{match.group(2)}〕{match.group(3)}号")
              for match in _garbled_bracket_numbers(text, head, offsets)]
    found += [(match, f"（{match.group(1)}）{''.join(match.group(2).split())}号")
              for match in YEAR_FIRST_NUMBER.finditer(head)]
    found += [(match, "".join(match.group(2).split()).translate(_ORDER_SPELLING))
              for match in GOVERNMENT_SERIAL.finditer(head)
              if _starts_line(text, match.start(2), offsets) and _ends_line(text, match.end(), offsets)]
    found += [(match, match.group(1)) for match in ORDER_LINE.finditer(head)]
    found += [(match, match.group(1)) for match in BARE_SERIAL_LINE.finditer(text, 0, len(head))
              if _starts_line(text, match.start(), offsets) and _ends_line(text, match.end(1), offsets)]
    found += [(match, match.group(1)) for match in ORDER_TITLE_SERIAL.finditer(head)
              if _ends_line(text, match.end(), offsets)]
    for match, number in sorted(found, key=lambda pair: pair[0].start()):
        if (match.re in (ORDER_LINE, ORDER_TITLE_SERIAL, BARE_SERIAL_LINE)
                or match.re is ORDER_NUMBER and match.group(3)):
            return match.start(3 if match.re is ORDER_NUMBER else 1), match.end(), re.sub(r"\s+", "", number).translate(
                _ORDER_SPELLING)
        if match.re is YEAR_FIRST_NUMBER:
            if not _cited(text, match.start(), match.end(2), match.end(), offsets):
                return match.start(), match.end(), number
            continue
        if match.re is ORDER_NUMBER and (serial := _serial_under_title(text, match, offsets)):
            if not _body_begun(text, serial[0], offsets):
                return serial
            continue  # 决定废止以下文件：|…的公告|2022年第18号: an announcement the body lists, not the document
        if match.re is ORDER_NUMBER and _filed_under(text, match, found, offsets):
            continue  # 2024年森林禁火令（第1號）|湘森指令﹝2024﹞1號: the serial in its title gives way to its 文号
        if match.re is ORDER_NUMBER:  # the order's own word is no heading's tail
            keyword = match.end(1) - (1 if match.group(1).endswith("令") else 2)
            start = _issuer_start(text, match.start(1), keyword, offsets)
            if start > match.start(1) and text[start - 1] == "的":  # …关于X的通告（第5号）: only its word
                start = keyword if _ABOUT.search(text, match.start(1), start) else _issuer_start(
                    text, match.start(1), keyword, offsets, heading_tail=False)  # 某市…感染的肺炎…指挥部通告
            start, cited_from = _past_order_lead(text, start, keyword)
            joint = _joint_issuers_start(text, start, offsets)
            start, cited_from = (joint, joint) if joint < start else (start, cited_from)
        else:
            start = cited_from = _issuer_start(text, match.start(1), match.end(1), offsets)
            if match.re is DOCUMENT_NUMBER:
                start = cited_from = _body_named_in_full(text, start, match.end(1), offsets)
        if start < match.end(1) and not _cited(text, cited_from, match.end(1), match.end(), offsets):
            return start, match.end(), text[start:match.end(1)] + number.translate(_ORDER_SPELLING)
    return None


#: How many characters of an issuer code DOCUMENT_NUMBER reads before the year's bracket.
_CODE_REACH = 12


def _body_named_in_full(text: str, start: int, end: int, offsets: Sequence[int]) -> int:
    """Where the issuer before a number ending at ``end`` starts when DOCUMENT_NUMBER's reach cut into a body's name
    opening the line of the source (漳州市应对新冠肺炎疫情工作指挥部〔2021〕第3号): a body numbering its notices in a
    series of its own prints its whole name before the year, no code of a few characters."""
    if end - start < _CODE_REACH or _starts_line(text, start, offsets) or not "\u4e00" <= text[start - 1] <= "\u9fff":
        return start
    line = _source_line_start(text, max(0, end - _TITLE_LINE), start, offsets)
    named = _starts_line(text, line, offsets) and _SIGNING_BODY.fullmatch(text, line, end)
    return line if named and not _ABOUT.search(text, line, end) else start


#: A year the text names an order by, joined before the order's body (…规定》(1998年省政府令第19号)).
_YEAR_BEFORE_ORDER = re.compile(r"(?:19|20)\d\d年")
#: A revision note's closing verb joined before the name of the order it revised (…)修正江苏省人民政府令|(第33号)).
_REVISED_BY_ORDER = re.compile(r"修正|修訂|修订|修改")


def _past_order_lead(text: str, start: int, keyword: int) -> tuple[int, int]:
    """(where the order's name begins, where the text naming it begins) for an order's name found at ``start``
    (its word at ``keyword``): a body's name never opens with a year's 年 or a revision's verb, which end the words
    before it; a year it is named by is part of a citation (so 》(1998年… is a cited order)."""
    year = _YEAR_BEFORE_ORDER.match(text, start - 4) if start >= 4 else None
    if year and year.end() == start + 1:
        return start + 1, year.start()
    revised = _REVISED_BY_ORDER.match(text, start, keyword)
    return (revised.end(), revised.end()) if revised else (start, start)


def _joint_issuers_start(text: str, start: int, offsets: Sequence[int]) -> int:
    """Where the names of the bodies issuing an order or announcement jointly begin, when they open its line of the
    source before the name at ``start``, each parted from the next by spaces (财政部 税务总局公告2023年第18号): the
    number names them all, as printed."""
    line = _source_line_start(text, max(0, start - _TITLE_LINE), start, offsets)
    joint = _JOINT_ISSUERS.fullmatch(text, line, start) if line < start else None
    return line if joint and _starts_line(text, line, offsets) else start


#: A sentence or a list's lead (…决定废止以下文件：) above a line: the body has begun, and a title there is one it cites.
_BODY_BEGUN = re.compile(r"[。：:]")


def _body_begun(text: str, end: int, offsets: Sequence[int]) -> bool:
    """A sentence ends, or a line of the source ends in a list's lead (_BODY_BEGUN), before ``end`` in the head."""
    return any(mark.group() == "。" or _ends_line(text, mark.end(), offsets)
               for mark in _BODY_BEGUN.finditer(text, _head_start(text), end))


def _serial_under_title(text: str, order: re.Match, offsets: Sequence[int]) -> tuple[int, int, str] | None:
    """(where it starts, where it ends, the serial as printed) of an ORDER_NUMBER ``order`` that is a YEAR_SERIAL on a
    line of the source of its own right under a title 关于…的公告 (or 的通告, maybe broken over lines) closing the line
    above: the document's own number (unless the body has begun above it: _body_begun), which its title leaves its
    issuer out of."""
    keyword = order.end(1) - 2
    serial = order.group(4) if order.group(4) and not order.group(3) else order.group(2)
    serial_start = order.start(4) if serial is order.group(4) else order.start(2)
    under_title = (text[keyword - 1:order.end(1)] in ("的公告", "的通告") and _ABOUT.search(text, _head_start(text), keyword)
                   and _ends_line(text, order.end(1), offsets) and _starts_line(text, order.start(2), offsets)
                   and _ends_line(text, order.end(), offsets))
    if under_title and YEAR_SERIAL.fullmatch(serial):
        return serial_start, order.end(), re.sub(r"\s+", "", serial).translate(_ORDER_SPELLING)
    return None


def _filed_under(text: str, order: re.Match, found: list[tuple[re.Match, str]], offsets: Sequence[int]) -> bool:
    """Whether a 文号 opens a line of the source after the order's or notice's name and serial ``order`` in the head
    (``found``: the head's numbers): the number it was filed under, which its place in its series is not."""
    return any(match.re is DOCUMENT_NUMBER and match.start() >= order.end() and _starts_line(text, match.start(), offsets)
               for match, _ in found)


def _garbled_bracket_numbers(text: str, head: str, offsets: Sequence[int]) -> Iterable[re.Match]:
    """The GARBLED_BRACKET_NUMBERs of ``head`` (the start of ``text``) each on a line of the source of its own,
    its issuer code opening the line (the normaliser may have joined it to the issuer's line above)."""
    for year in _GARBLED_YEAR.finditer(head):
        line = _source_line_start(text, max(0, year.start() - 12), year.start(), offsets)
        match = GARBLED_BRACKET_NUMBER.fullmatch(head, line, year.end())
        if match and _starts_line(text, line, offsets) and _ends_line(text, year.end(), offsets):
            yield match


def _order_number(match: re.Match) -> str:
    """The place in the series as printed without spaces; a bracketed place joins the order's name
    without its brackets (禁火令2025年第2号), a bracket naming its own body stands alone."""
    if match.group(3):
        return re.sub(r"\s+", "", match.group(3) + match.group(4))
    return re.sub(r"\s+", "", match.group(4) or match.group(2))


#: The bracket closing right after a number (…（林草发〔2020〕40号）…).
_BRACKET_CLOSE = re.compile(r"[ \t\u3000]*[）)]")


def _cited(text: str, start: int, code_end: int, end: int, offsets: Sequence[int]) -> bool:
    """The number from ``start`` to ``end`` follows the title it belongs to on the same source line, a
    sentence goes on after it on its line or closes after it, or a citing verb stands in its issuer code (up to
    ``code_end``)."""
    after_title = bool(_CITED.search(text, max(0, start - 3), start)) and not _starts_line(text, start, offsets)
    in_sentence = bool(_CITED_IN_SENTENCE.match(text, end)) and not _ends_line(text, end, offsets)
    closes_sentence = text.startswith("。", end) and not _starts_line(text, start, offsets)
    return (after_title or in_sentence or closes_sentence or bool(_BRACKET_IN_SENTENCE.match(text, end))
            or _bracketed_in_sentence(text, start, end, offsets) or bool(_CITING_VERB.search(text, start, code_end)))


def _bracketed_in_sentence(text: str, start: int, end: int, offsets: Sequence[int]) -> bool:
    """The number from ``start`` to ``end`` stands in brackets inside a sentence that goes on after them, its issuer
    before them (…和国家林业和草原局（林草发〔2020〕40号）关于…的通知、《…》等文件精神): the text it cites."""
    close = _BRACKET_CLOSE.match(text, end)
    if not (close and text[start - 1:start] in ("（", "(")) or _starts_line(text, start - 1, offsets):
        return False
    line_start = _source_line_start(text, 0, start - 1, offsets)
    return (not _ends_line(text, close.end(), offsets) and _SENTENCE_MARK.search(text, line_start, start) is not None
            and "\u4e00" <= text[close.end():close.end() + 1] <= "\u9fff")


#: A heading's 关于 (關於 on traditional pages): a 的 after it closes the heading, not a body's name.
_ABOUT = re.compile(r"[关關][于於]")


def _issuer_start(text: str, start: int, end: int, offsets: Sequence[int], heading_tail: bool = True) -> int:
    """Where the issuer code ending at ``end`` begins: after a joined heading's tail (unless
    ``heading_tail`` is off: a 的 inside the body's own name) and after the last line break of the
    source inside it."""
    for pattern in (_HEADING_TAIL, _NUMBER_LABEL) if heading_tail else (_NUMBER_LABEL,):
        tail = pattern.match(text, start, end)
        if tail:
            start = tail.end()
    if len(offsets) > end:
        start = max([start, *(i for i in range(start + 1, end)
                              if offsets[i] - offsets[i - 1] > 1 and not _letter_spaced(offsets, i))])
    return start


def _letter_spaced(offsets: Sequence[int], index: int) -> bool:
    """The normaliser dropped one character before ``index`` and one before a neighbour of it: the spaces of
    a name printed letter-spaced (苏 州 市 人 民 政 府 令), no break of the source's lines."""
    def one_dropped(i: int) -> bool:
        return 0 < i < len(offsets) and offsets[i] - offsets[i - 1] == 2
    return one_dropped(index) and (one_dropped(index - 1) or one_dropped(index + 1))


def _inside_letter_spacing(offsets: Sequence[int], index: int) -> bool:
    """The normaliser dropped one character before ``index`` and one before each of its neighbours: a character inside
    a letter-spaced line (省 政 府 文 件), where a line of one character (|) leaves a neighbour unspaced."""
    return all(0 < i < len(offsets) and offsets[i] - offsets[i - 1] == 2 for i in (index - 1, index, index + 1))


def document_number(text: str, offsets: Sequence[int] = ()) -> str | None:
    """The number standing in the document's head, normalised to 〔〕."""
    found = number_in_head(text, offsets)
    return found[2] if found else None


def record_field(text: str, label: re.Pattern[str], offsets: Sequence[int]) -> tuple[int, str] | None:
    """(where it starts, the value) of a record's field opening a line of the source or in 【】 in its
    first RECORD_SPAN characters; the value ends with that line or at the next field's 【."""
    for field in label.finditer(text, 0, RECORD_SPAN):
        if text[field.start()] == "【" or _starts_line(text, field.start(), offsets):
            end = next((i for i in range(field.end() + 1, len(text))
                        if text[i] == "【" or _starts_line(text, i, offsets)), len(text))
            return field.end(), text[field.end():end].strip()
    return None


#: A site's record table whose labels make a row of their own over a row of values, often at the page's foot
#: (索引号 文号 发布机构 发布日期|N001-2011-000627 宛政〔2011〕7号): its row of labels and the row under it.
_RECORD_LABEL_ROW = re.compile(r"^(?=[^\n]*(?:索[ \t\u3000]*引[ \t\u3000]*[号號]|发布机构|發布機構))"
                               r"(?=[^\n]*文[ \t\u3000]*[号號])[^\n\d：:]*\n([^\n]*)", re.M)


def record_number(text: str, offsets: Sequence[int] = ()) -> str | None:
    """The number a law database's record gives in its 发文文号 field, below the head, or a site's record table
    in the row under its labels."""
    field = record_field(text, RECORD_NUMBER, offsets)
    row = _RECORD_LABEL_ROW.search(text) if field is None else None
    if field and (serial := YEAR_SERIAL.fullmatch(field[1].strip())):
        return re.sub(r"\s+", "", serial.group()).translate(_ORDER_SPELLING)
    found = number_in_head(field[1] if field else row.group(1)) if field or row else None
    return found[2] if found else None


#: The heading of a site's list of other pages under the document (相关推荐|• 某某总结…|实用范文 2022年12月9日):
#: no date after it is the document's. One above the document's first sentence is the site's menu
#: (相关新闻|当前位置：首页>…|某市…的通告), with the document still to come.
_RELATED_PAGES = re.compile(r"^[ \t\u3000]*(?:相关推荐|相关阅读|相关文章|相关新闻|猜你喜欢|热门推荐|延伸阅读)[ \t\u3000：:]*$",
                            re.M)


def issue_date(text: str, offsets: Sequence[int] = ()) -> str | None:
    """ISO date of the first date standing alone on a line (a notice's foot, an adoption line, a printing
    line), in Arabic or in Chinese numerals, or opening a provenance line in brackets (a line of its own in
    the source: ``offsets``, the offset map, shows where the normaliser joined lines), above the site's list
    of other pages."""
    related = next((m for m in _RELATED_PAGES.finditer(text) if "。" in text[:m.start()]), None)
    text = text[:related.start()] if related else text
    provenance = next((m for m in PROVENANCE_LINE.finditer(text) if _starts_line(text, m.start(), offsets)), None)
    joined = next((m for m in SIGNED_DATE.finditer(text) if _joined_line(text, m, offsets)
                   and not _CLOCK_TIME.match(text, m.end()) and not _repeats_posting_stamp(text, m)),
                  None) if offsets else None
    arabic = min(filter(None, (DATE_LINE.search(text), provenance, joined, MARKUP_DATE.search(text),
                               PRINTING_LINE.search(text), _filled_date_line(text, offsets), _signed_over_articles(text))),
                 key=re.Match.start, default=None)
    chinese = CHINESE_DATE_LINE.search(text) or next(
        (m for m in CHINESE_DATE.finditer(text) if _foot_line(text, m, offsets)), None)
    if chinese and (arabic is None or chinese.start() < arabic.start()):
        year = int("".join(str(_CHINESE_DIGIT[c]) for c in chinese.group(1)))
        return _iso(year, _chinese_number(chinese.group(2)), _chinese_number(chinese.group(3)))
    if arabic is not None and arabic is provenance:
        return _history_date(text, provenance)
    return _iso_date(arabic) if arabic else _digits_only_date(text, offsets) or _zeros_lost_date(text, offsets)


def _zeros_lost_date(text: str, offsets: Sequence[int]) -> str | None:
    """ISO date of the first ZEROS_LOST_DATE on a foot's line whose year reads as one year only once its lost 〇
    are put back (二六: 2006, for 2060 is to come and 2600 out of reach; 二一 is 2001 or 2010: none)."""
    for date in (m for m in ZEROS_LOST_DATE.finditer(text) if _foot_line(text, m, offsets)):
        digits = [str(_CHINESE_DIGIT[c]) for c in date.group(1)]
        lost = 4 - len(digits)
        years = {int("".join(arrangement)) for arrangement in _with_zeros(digits, lost)}
        years = {year for year in years if _FIRST_YEAR <= year <= datetime.date.today().year}
        if len(years) == 1:
            return _iso(years.pop(), _chinese_number(date.group(2)), _chinese_number(date.group(3)))
    return None


def _with_zeros(digits: list[str], zeros: int) -> Iterable[list[str]]:
    """Every way of putting ``zeros`` zeros among ``digits`` after the first, their order kept."""
    for places in combinations(range(1, len(digits) + zeros), zeros):
        rest = iter(digits)
        yield ["0" if i in places else next(rest) for i in range(len(digits) + zeros)]


#: The first article of the rules an order promulgates, which a flattened page runs on right after the order's
#: signature (…市长某某某市人民政府2012年10月26日第一条为加强…).
_FIRST_ARTICLE = re.compile(r"[ \t\u3000]*第[一1]条")


def _signed_over_articles(text: str) -> re.Match | None:
    """A date between its signing body's name and the first article of the text that follows (a SIGNED_DATE):
    an order's signature run into its rules, each line joined to the next."""
    return next((m for m in SIGNED_DATE.finditer(text) if not m.group("place") and _FIRST_ARTICLE.match(text, m.end())
                 and _SIGNER_BEFORE.search(text, max(0, m.start() - 30), m.start())), None)


#: A site's posting stamp in the page's chrome: 时间：2022年12月06日, 发布日期：…
_POSTING_STAMP = re.compile(r"(?:时间|時間|日期)[：:]\s*" + _DATE)
#: How far under its stamp a site repeats its source and posting date (时间：…来源：某委|[字体]打印|某委 2022年12月06日).
_STAMP_REPEAT_REACH = 80


def _repeats_posting_stamp(text: str, date: re.Match) -> bool:
    """``date`` repeats the posting stamp shortly above it, as a site's line of source and date under the title
    does: the posting's date, not a signature's."""
    stamps = _POSTING_STAMP.finditer(text, max(0, date.start() - _STAMP_REPEAT_REACH), date.start())
    return any(_iso_date(SIGNED_DATE.match(stamp.group(), stamp.start(1) - stamp.start())) == _iso_date(date)
               for stamp in stamps)


#: What leads into a date that opens no line, only spaces the normaliser dropped before it: a sentence's word
#: (已经 2004 年 7 月 14 日 市政府…通过, 已于…, 在, 自) or a record's label, maybe past its cell's mark
#: (发布时间 | 2006年09月06日 |: when the site posted it).
_LEADS_INTO_DATE = re.compile(r"(?:[经經于於在自]|(?:时间|時間|日期)[ \t\u3000]*[：:|｜]?[ \t\u3000]*)$")


def _filled_date_line(text: str, offsets: Sequence[int]) -> re.Match | None:
    """A date ending a line of the source behind a forum's anti-scraping filler, no Chinese before it on its
    line (国务院办公厅|, L6 ~. M6 R7 N& I( G2022年12月8日): the foot's, as if the line were the date's alone."""
    return next((m for m in SIGNED_DATE.finditer(text) if not m.group("place") and _ends_line(text, m.end(), offsets)
                 and not _CLOCK_TIME.match(text, m.end()) and not _repeats_posting_stamp(text, m)
                 and not _LEADS_INTO_DATE.search(text, max(0, m.start() - 12), m.start())
                 and _line_behind_filler(text, m.start(), offsets) is not None), None)


#: The words that close a notice's body, the foot under them: 特此通告, 特此通知。, 此复, …请认真贯彻执行。
_BODY_CLOSE = re.compile(r"(?:特此(?:通知|通告|公告|函告|批复|批覆)|此复|此覆|执行)[。！!]?$")
_BODY_CLOSE_REACH = 8


def _digits_only_date(text: str, offsets: Sequence[int]) -> str | None:
    """ISO date of a foot whose page lost the characters 年月日 or writes the date in figures: a line of the
    source holding only the date's digits (2018525, 20171116, { 2017 6 23, 2021-03-02) under its signer's line
    (or a bracketed note under it: （此件公开发布）) or right under the body's closing words (特此通告, 请认真贯彻执行。)
    when the page left out the signer, when its digits read as one date only (2018115 is 1-15 or 11-5: none;
    2019230 is none, there being no 2-30 nor 23-0)."""
    for date in DIGITS_ONLY_DATE.finditer(text):
        if not (_starts_line(text, date.start(), offsets) and _ends_line(text, date.end(), offsets)):
            continue
        above = _end_before_space(text, date.start())
        note = _FOOT_NOTE.search(text, max(0, above - 20), above)
        above = _end_before_space(text, note.start()) if note else above
        if (_signer_ending(text, offsets, max(0, above - 40), above) is None
                and not _BODY_CLOSE.search(text, max(0, above - _BODY_CLOSE_REACH), above)):
            continue
        year, rest = int(date.group(1)), re.sub(_DATE_PARTS_MARK, " ", date.group(2))
        splits = [rest.split()] if " " in rest else [[rest[:i], rest[i:]] for i in (1, 2) if i < len(rest)]
        readings = {_iso(year, int(month), int(day)) for month, day in splits if len(day) <= 2} - {None}
        if len(readings) == 1:
            return readings.pop()
    return None


def _end_before_space(text: str, position: int) -> int:
    """Where the text before ``position`` ends once the white space (line breaks too) before it is cut."""
    while position > 0 and text[position - 1].isspace():
        position -= 1
    return position


#: The body that adopted or issued the text after its date, up to the line's end (see DATE_LINE).
_ADOPTED_BY = re.compile(r"[ \t\u3000]*[^\n\d（(][^\n。，]{0,60}?(?:通过|发布|印发|公布)")


def _joined_line(text: str, date: re.Match, offsets: Sequence[int]) -> bool:
    """``date`` (a SIGNED_DATE) opens a line of the source that ends after the date, inside its place or after
    the body that adopted the text (as on a DATE_LINE), or that runs on into the heading of the text the notice
    issues (see _foot_line); not a date a sentence leads into (已经 2004 年 7 月 14 日 市政府…通过: the spaces
    the normaliser dropped are no line break)."""
    if (not _starts_line(text, date.start(), offsets)
            or _LEADS_INTO_DATE.search(text, max(0, date.start() - 12), date.start())):
        return False
    date_end = date.start("place") if date.group("place") else date.end()
    ends = [date_end, *range(date_end + 3, date.end() + 1)] if date.group("place") else [date_end]
    adopted = _ADOPTED_BY.match(text, date_end)
    if adopted:  # 1949年10月18日…第一次会议通过: an adoption line of its own
        ends.append(adopted.end())
    return (any(_ends_line(text, end, offsets) for end in ends if end <= len(text))
            or _runs_into_issued_text(text, date_end))


#: The label of a notice's attachments, which a flattened page runs on after its foot's date (…二○○六年六月八日 附件:
#: 第一批…名录, 附件1：…): the attachment follows the signature.
_ATTACHMENT_LABEL = re.compile(r"[ \t\u3000]*附件[ \t\u3000]*[\d一二三四五六七八九十]{0,2}[ \t\u3000]*[：:]")


def _foot_line(text: str, match: re.Match, offsets: Sequence[int]) -> bool:
    """``match`` ends a line of the source (maybe one the normaliser joined to its neighbours) that it
    opens, or that its signer's name opens before a space (某县人民政府办公室 二〇二一年一月五日), or runs on
    into the printing record (see DATE_LINE), the attachments' label or the heading of the text the notice issues."""
    ends = (_ends_line(text, match.end(), offsets) or bool(_PRINTING_RECORD.match(text, match.end()))
            or bool(_ATTACHMENT_LABEL.match(text, match.end())) or _runs_into_issued_text(text, match.end()))
    return ends and (_starts_line(text, match.start(), offsets) or text[match.start() - 1] == " ")


#: The title of a text a notice issues or forwards, as its body quotes it: 现将《X》印发给你们, 现将市民政局《X》转发给你们.
_QUOTED_ISSUED_TEXT = re.compile(r"《([^《》\n]{2,80})》[^。\n《]{0,60}?(?:印|[转轉])[发發]")


_SPACES = re.compile(r"[ \t\u3000]*")


def _runs_into_issued_text(text: str, end: int) -> bool:
    """The heading of the text the notice issues starts at ``end``, maybe past spaces: a flattened page runs the
    notice's foot into it (…认真贯彻执行。|二00八年三月二十四日某市2008年价格工作要点|2008年，全市…; …特此通知。 附件：X
    二〇一一年五月四日 X 第一章), so a date there closes the foot."""
    start = _SPACES.match(text, end).end()
    return any(text.startswith(title.group(1), start) for title in _QUOTED_ISSUED_TEXT.finditer(text, 0, end))


class _SourceOffsets(Sequence[int]):
    """A document's offset map as if the pinyin glosses the normaliser dropped had never been in
    the source: a gap left in it is a line the normaliser joined (or spaces it dropped, 機構(gòu) |宜興)."""

    def __init__(self, document: Document) -> None:
        self.offsets, self.glosses = document.offset_map, document.dropped_glosses
        self.closed = list(accumulate(document.dropped_gloss_lengths))

    def __len__(self) -> int:
        return len(self.offsets)

    def __getitem__(self, index: int) -> int:  # type: ignore[override]  # no slices taken
        glosses_before = bisect_right(self.glosses, index)
        return self.offsets[index] - (self.closed[glosses_before - 1] if glosses_before else 0)


def _source_offsets(document: Document) -> Sequence[int]:
    """The offset map whose gaps show where the source broke its lines (see _SourceOffsets)."""
    return _SourceOffsets(document) if document.dropped_glosses else document.offset_map


def _ends_line(text: str, end: int, offsets: Sequence[int]) -> bool:
    """``end`` closes a line of the text, or did in the source before the normaliser joined it."""
    return end == len(text) or text[end] == "\n" or _starts_line(text, end, offsets)


def _starts_line(text: str, start: int, offsets: Sequence[int]) -> bool:
    """``start`` opens a line of the text, or did in the source before the normaliser joined it."""
    line_start = start == 0 or text[start - 1] == "\n"
    return line_start or (len(offsets) > start and offsets[start] - offsets[start - 1] > 1)


def _line_starts(text: str, begin: int, end: int, offsets: Sequence[int]) -> list[int]:
    """Each ``i`` of ``range(begin, end)`` that opens a line (:func:`_starts_line`), in order: the text's
    line breaks found by ``str.find`` and the source's as the gaps of the offset map's stretch, where a
    call per character of the head was ~1.5% of extracting an archive of ordinary documents."""
    if end <= begin:
        return []  # (str.find would read an end of -1 as the text's last character)
    starts = {0} if begin <= 0 else set()
    at = text.find("\n", max(begin - 1, 0), end - 1)
    while at >= 0:
        starts.add(at + 1)
        at = text.find("\n", at + 1, end - 1)
    first, last = max(begin, 1), min(end, len(offsets))
    if first < last:
        stretch = numpy.fromiter(map(offsets.__getitem__, range(first - 1, last)), numpy.int64, last - first + 1)
        starts.update((numpy.flatnonzero(numpy.diff(stretch) > 1) + first).tolist())
    return sorted(starts)


def _chinese_number(numeral: str) -> int:
    """十二 → 12, 二十一 → 21, 三十 → 30, 七 → 7."""
    tens, _, units = numeral.rpartition("十")
    if "十" not in numeral:
        return _CHINESE_DIGIT[numeral] if len(numeral) == 1 else 0
    return (_CHINESE_DIGIT.get(tens, 0) if tens else 1) * 10 + (_CHINESE_DIGIT[units] if units else 0)


def dateline_date(text: str) -> str | None:
    """ISO date of a news page's dateline in the document's head, if it prints one."""
    return _iso_date(DATELINE.search(text[:HEAD_SPAN]))


def _history_date(text: str, bracket: re.Match) -> str | None:
    """ISO date of a dated bracket under a title (a DATELINE or PROVENANCE_LINE): its first date, unless the
    bracket goes on to record revisions ((1993年8月31日…批准 1993年9月24日…发布 2025年11月9日…令第821号修订)),
    when the text as printed is the latest revision's and so is its date (the signature's under it); a text adopted
    at a meeting and promulgated later ((2002年10月16日…常务会议审议通过 2002年10月30日…令第147号公布)) is dated by
    its promulgation, as its order is signed."""
    rest = _BRACKET_REST.match(text, bracket.end())
    end = rest.end() if rest else bracket.end()
    revisions = _REVISION.finditer(text, bracket.end(), end)
    promulgation = _PROMULGATION.search(text, bracket.end(), end)
    promulgation = promulgation if promulgation and _ADOPTION.search(text, bracket.start(), promulgation.start()) else None
    return (max(filter(None, map(_iso_date, revisions)), default=None) or _iso_date(promulgation)
            or _iso_date(bracket))


def _iso_date(match: re.Match | None) -> str | None:
    """YYYY-MM-DD from a match whose first three groups are year, month and day, if it is a date."""
    return _iso(*(int(g) for g in match.groups()[:3])) if match else None


def _iso(year: int, month: int, day: int) -> str | None:
    """YYYY-MM-DD if the calendar has that day (not 2-30, nor 2-29 outside a leap year)."""
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


#: A notice's addressees up to their colon, full-width or, typed at a line's end after a bracket (where the
#: normaliser sees no Chinese beside it), half-width: 各县（市、区）农业局（农业事务管理局）:
_ADDRESSED = r"各[^。\n]{0,80}?[：:]"
#: Where a notice prints its own title on a web page, behind the page's chrome: beside its number,
#: with only the issuing body's name between (…通告|重庆市人民政府|渝府令) or the tail of a heading
#: that issues it (…《X》的通知|沪建建) and no sentence, on the number's line or the line above; or printed under it (鲁政发〔2014〕20号《山东省…
#: 意见》, an order's 现发布《X》); or under it up to the addressees, its lines maybe broken (湘政办发〔2009〕24号|
#: 湖南省…关于印发|《X》的通知|各市州…：).
_TITLE_TO_NUMBER, _NUMBER_TO_TITLE, _TITLE_UNDER_NUMBER = (
    re.compile(r"[^。；，：！？\n]{0,30}\n?"), re.compile(r"\s*(?:现予?(?:发布|公布))?[《〈“]?"),
    re.compile(r"\s*([^。，；：]{4,100}?)(?=" + _ADDRESSED + ")"))
#: …or a heading 关于…的公告 right after the number, ending its line (法规国家税务总局公告2018年第58号 国家税务总局
#: 关于…的公告|为切实…: a site's category word before the number makes no title);
_HEADING_AFTER_NUMBER = re.compile(r"\s*([^\n。，；：《》]{0,40}?[关關][于於][^\n。，；]{4,120}?的"
                                   r"(?:[实實]施|指[导導]|若干)?(?:通知|通告|公告|[决決]定|意[见見]|批[复復覆]|[决決]议))")
#: …or, where a record's field printed the number first, under its red header's copy: the issuer's line and a
#: heading without 关于 (瑞政办〔2011〕129号|瑞安市人民政府办公室|转发…|…的通知), up to the addressees' line
#: (市政府直属各单位：).
_HEADING_UNDER_COPY = re.compile(r"\s*([^\n。，；：《》]{4,120}?的(?:通知|通告|公告|[决決]定|意[见見]|批[复復覆]))"
                                 r"(?=[^\n。，；：]{2,30}[：:])")
#: …or right before the addressees (…》的通知各乡、镇人民政府，县政府各部门：), wherever the chrome put
#: the heading 关于印发X的通知 they follow; a notice to some units only names them 有关… (…督查的通知|有关县区农业局，
#: 某开发区社发局：), words a body's sentence uses too (有关事项通知如下：), so only right after its heading's 的通知;
_ADDRESSEES, _ADDRESSED_HEADING = (re.compile(r"[》〉”]?(?:的通知)?" + _ADDRESSED),
                                   re.compile(r"的通知(?=\s*(?:" + _ADDRESSED + r"|有关[^。\n]{0,80}?[：:]))"))
#: …or on a line of its own above the number, at most this long (返回顶部|镇巴县人民政府工作规则|•索引号…);
_TITLE_LINE = 60
#: …or, for an order or a circular, its own name on the line of its serial: …指挥部通告（第1号）;
_TRAILING_SERIAL = re.compile(r"[（(]?\s*(?:(?:19|20)\d{2}\s*年\s*)?" + _SERIAL + r"\s*[）)]?$")
#: …or, with no title at all (a database record: 发文机关, 文号, then the body), the text it issues:
#: 现将《X》印发给你们, or right after its addressees 各…：《X》已经…通过，现予印发 (also traditional).
_ISSUES_BEFORE, _ISSUES_AFTER = re.compile(r"(?:[现現][将將]|：\s*)《$"), re.compile(r"》[^。\n]{0,60}?印[发發]")
#: …or the one text its paragraph names last before the words that issue it, maybe a sentence later (我部组织编制了
#: 《X》（见附件）。现印发给你们; 《X》已于…经省林业厅批复同意实施（…），现印发给你们); not the last of a list of texts
#: it issues together (《X》《Y》《Z》已经…通过，现印发给你们: none of them is the document), or transmits, drafted by
#: others (财政部、发展改革委《X》已经国务院同意，现转发给你们); or the text an order promulgates (《X》已经…常务会议讨论通过，
#: 现予公布).
_ISSUED_LATER = re.compile(r"》[^《\n]{0,80}?(?:[现現](?:予以?|将其|將其)?(?:印[发發]|[转轉][发發]|公[布佈]|[发發]布)"
                           r"|(?:印[发發]|[转轉][发發])[给給]你[们們])")
#: …or, in a law database, on the line above the bracket that dates and numbers it (某省人民政府关于…的通知|
#: （1985年5月4日皖政〔1985〕38号）), whatever shorter heading the breadcrumb above gives.
_DATED_BRACKET = re.compile(r"[（(]\s*" + _DATE + r"\s*")
#: A programme a heading names in quotes (…餐饮用户“安心用气工程”建设的实施意见): part of the title, not it.
_QUOTED = re.compile(r"(?<=[\u4e00-\u9fff])[“「]")


def _title_over_dated_bracket(text: str, offsets: Sequence[int], begin: int) -> tuple[int, str] | None:
    """(where it starts, the title) of the line of the source above the first bracket in the head that
    opens a line of the source with a date (a law database's title over （1985年5月4日皖政〔1985〕38号）),
    from its issuer's line above when it starts with 关于 (中共某省委 某省人民政府|关于…的决定|（2006年5月22日）),
    or from the line it was wrapped on inside a quoted name."""
    bracket = next((m for m in _DATED_BRACKET.finditer(text, begin + 1, HEAD_SPAN)
                    if _starts_line(text, m.start(), offsets)), None)
    if bracket is None:
        return None
    above = _source_line_start(text, begin, bracket.start() - 1, offsets)
    above = _under_issuer_lines(text, begin, above, offsets) if _ABOUT.match(text, above) else above
    while above > begin and _unopened_quote(text[above:bracket.start()]):
        above = _source_line_start(text, begin, above - 1, offsets)
    return above, text[above:bracket.start()]


def _unopened_quote(title: str) -> bool:
    """Whether ``title`` closes a quoted name it does not open: a title wrapped inside the law it
    implements (某省实施《中华人民共和国…|…代表法》办法), its start on the line above."""
    return title.count("》") > title.count("《")


def _titled(policies: list[Entity], text: str, number: tuple[int, int, str] | None) -> list[Entity]:
    """Policies named where a web page's notice prints its own title, behind the page's chrome
    (breadcrumbs, 作者/时间 lines), and not in quotes inside a longer title: beside its number
    (wherever the head prints it again: a record's 发文字号 field, then the red header's number under
    the title), or right before its addressees; nearest first."""
    printed = text[number[0]:number[1]] if number else None
    copies = [(m.start(), m.end()) for m in re.finditer(re.escape(printed), text[:HEAD_SPAN])] if printed else []
    found = []
    for policy in policies:
        for mention in (m for m in policy.mentions if m.start < HEAD_SPAN and not _QUOTED.match(text, m.start - 1)):
            before = [start for start, _ in copies if mention.end <= start
                      and _TITLE_TO_NUMBER.fullmatch(text, mention.end, start)
                      and not _cited_in_title(text, mention.start)]
            after = [end for _, end in copies if mention.start >= end and _NUMBER_TO_TITLE.fullmatch(text, end, mention.start)]
            if before:
                found.append((before[0] - mention.end, policy))
            elif after:
                found.append((mention.start - after[-1], policy))
            elif _ADDRESSEES.match(text, mention.end) and not _quoted_in_heading(text, mention.start, mention.end):
                found.append((HEAD_SPAN, policy))
    return [policy for _, policy in sorted(found, key=lambda pair: pair[0])]


def _quoted_in_heading(text: str, start: int, end: int) -> bool:
    """Whether the title from ``start`` to ``end`` is quoted in a heading of its own kind before the addressees,
    one that does not issue it: …关于转发《某市…的通知》的通知|各镇人民政府…： transmits another body's notice, and
    is the page's document itself (a heading cut before its own 的通知 leaves the quoted title the page's name)."""
    return _cited_in_title(text, start) and bool(_ADDRESSED_HEADING.match(text, end + 1))


def _cited_in_title(text: str, start: int) -> bool:
    """Whether the text named at ``start`` is quoted in a title that does not issue it: 关于认真学习贯彻
    《某条例》的通知 is a notice about the regulation, while …关于印发《X》的通知 over its number issues X."""
    return text[start - 1:start] in "《〈" and start > 0 and not _ISSUES.search(text, max(0, start - 3), start)


#: The lines a page may open with before its Chinese head: a saver's or site's words in Latin letters
#: (The Beginning, Home), digits and marks.
_LINES_WITHOUT_CHINESE = re.compile(r"(?:[^\n\u3400-\u9fff]*\n)*")


def _head_start(text: str) -> int:
    """Where the document's head starts: at its first line holding a Chinese character."""
    start = _LINES_WITHOUT_CHINESE.match(text).end()
    return start if start < len(text) else len(text) - len(text.lstrip())


#: How long a heading that issues several texts may run (their titles in full).
_LONG_TITLE = 200


#: The mark closing a title a sentence quotes: a heading it closes is cited, not the page's.
_CLOSING_TITLE_MARK = re.compile(r"[ \t\u3000]*[》〉]")


def _heading_line(extraction: Extraction) -> Entity | None:
    """The policy a page without a number names in its head in the shape a notice names itself:
    a title over the bracket that dates it (a law database's, under its breadcrumb's shorter heading), else
    关于…的通知 at a line's start or behind a breadcrumb (您的位置：首页 » 法律法规 » 某部关于…的通知), or
    broken over lines above its addressees, or above the page's labels, or …通告 / …禁火令 as its first line or
    a line of its own further down; a headline (我市出台…措施) is no such line."""
    text = extraction.document.text
    begin = _head_start(text)
    dated = _title_over_dated_bracket(text, _source_offsets(extraction.document), begin)
    policy = _named_policy(extraction, dated[1], dated[0]) if dated else None
    if policy:
        return _without_chrome(extraction, policy)
    # a heading starting in the head, however far its title runs (…关于印发《X》《Y》的通知 under a site's long menu);
    # not a title a sentence of the body names, its line's words before it (…和国家林业和草原局（林草发〔2020〕40号）关于…的通知)
    # or the title mark closing it after it (根据某指挥部关于…的通知》(…号)文件精神, its opening mark lost)
    offsets = _source_offsets(extraction.document)
    heading = next((m for m in _PAGE_HEADING.finditer(text, begin, HEAD_SPAN + _LONG_TITLE) if m.start(1) < HEAD_SPAN
                    and not _SENTENCE_MARK.search(text, _source_line_start(text, begin, m.start(1), offsets), m.start(1))
                    and not _CLOSING_TITLE_MARK.match(text, m.end(1))), None)
    if heading:
        policy = _named_policy(extraction, heading.group(1), heading.start(1)) or _named_after_chrome(extraction, heading)
        return _without_chrome(extraction, policy) if policy else None
    broken = _heading_broken_over_lines(text, offsets, begin) or _heading_broken_before_its_end(text, offsets, begin)
    policy = _named_policy(extraction, broken[1], broken[0]) if broken else None
    if policy:
        return policy
    crumbs = (_CRUMB_TITLE.search(text, begin, HEAD_SPAN), _LABELLED_TITLE.search(text, begin, HEAD_SPAN))
    for crumb in filter(None, crumbs):
        if policy_kind(crumb.group(1)) in _CRUMB_KINDS and not _CRUMB_CATEGORY.fullmatch(crumb.group(1)):
            return _named_policy(extraction, crumb.group(1), crumb.start(1))
    first = text[begin:text.find("\n", begin) % (len(text) + 1)].strip()
    if policy_kind(first) in _SELF_NAMED_KINDS and not _ends_in_crumb(first):
        return _named_policy(extraction, first, begin)
    # the head measured from its first Chinese line: a repost's lines of bare markup above it are no part of it
    starts = _line_starts(text, begin, min(_head_end(text), len(text)), offsets)
    lines = (_broken_above(text, offsets, begin, line) for line in (_SELF_NAMED_LINE.fullmatch(
        text, a, _TRAILING_FILLER.search(text, a, b).start()) for a, b in zip(starts, starts[1:]))
             if line and policy_kind(line.group(1)) in _SELF_NAMED_KINDS)
    regulation = _regulation_title(text, offsets, begin)
    return (next(filter(None, (_named_policy(extraction, title, start) for start, title in lines)), None)
            or (_named_policy(extraction, regulation[1], regulation[0]) if regulation else None)
            or _title_under_labels(extraction, starts) or _heading_under_breadcrumb(extraction)
            or _quoted_heading_over_addressees(extraction))


#: What a forum's anti-scraping filler leaves after a title on its line: a space, then Latin letters and marks, maybe
#: after a stray closing bracket (市人民政府森林防火戒严令) F. c/ M& \( h1 I); nothing (the line's own end) if none.
_TRAILING_FILLER = re.compile(r"(?:[）)]?[ \t\u3000]+(?=[\x20-\x7e]*[A-Za-z])[\x20-\x7e]{3,})?\s*$")


def _named_after_chrome(extraction: Extraction, heading: re.Match) -> Entity | None:
    """The policy a ``heading`` (a _PAGE_HEADING) names from where its title starts past the page's chrome joined
    to it, when the chrome's words make the whole no instrument's name (a posting line's 阅读量:…评论 label, a
    commentary's word, run into 【某网 通知公告】|某省某厅关于…的通知)."""
    text = extraction.document.text
    start = _title_start(text, heading.start(1), heading.end(1), _source_offsets(extraction.document))
    return _named_policy(extraction, text[start:heading.end(1)], start) if start > heading.start(1) else None


#: A line that opens inside a heading's phrase: its 的 closes a 关于 printed on a line above.
_PHRASE_WITHOUT_ABOUT = re.compile(r"(?![^\n]*[关關][于於])[^\n]*的")


def _broken_above(text: str, offsets: Sequence[int], begin: int, line: re.Match) -> tuple[int, str]:
    """(where it starts, the title) of a self-named ``line`` (…暂时停运的通告): the whole heading when the page broke it
    over lines (某县…指挥部办公室|关于全县…线路|暂时停运的通告), or put its issuer's name on the line above a title
    that names none (某县人民政府|征收土地预公告), else the line itself."""
    if not _starts_line(text, line.start(1), offsets):
        return line.start(1), line.group(1)
    if _PHRASE_WITHOUT_ABOUT.match(line.group(1)):
        broken = _heading_ending_at(text, offsets, begin, line.end(1))
        if broken:
            return broken
    elif not _SIGNING_BODY.match(line.group(1)):
        issuer = _under_issuer_lines(text, begin, line.start(1), offsets)
        return issuer, text[issuer:line.end(1)]
    return line.start(1), line.group(1)


#: A page's breadcrumb on a line of its own, from its home page on (首页 > 政务公开 > 应急预案 正文).
_BREADCRUMB_LINE = re.compile(r"^[ \t\u3000]*首[页頁][ \t\u3000]*[>»›][^\n]*$", re.M)


def _heading_under_breadcrumb(extraction: Extraction) -> Entity | None:
    """The policy a heading 关于…的通知 names on the line of the source right under the page's breadcrumb, where a
    site's long menus push it below the head: the breadcrumb marks where the page's own content starts."""
    text, offsets = extraction.document.text, _source_offsets(extraction.document)
    crumb = _BREADCRUMB_LINE.search(text, _head_start(text), RECORD_SPAN)
    start = next((i for i in range(crumb.end(), min(crumb.end() + 3, len(text))) if _starts_line(text, i, offsets)),
                 None) if crumb else None
    heading = _PAGE_HEADING.match(text, start) if start is not None else None
    if heading is None or not _ends_line(text, heading.end(1), offsets):
        return None
    return _named_policy(extraction, heading.group(1), heading.start(1))


#: A repost's line of the source quoting the notice's own heading whole (…网站发布了|《某市人民政府关于…的通知》|全文如下:),
#: and what may stand between it and the notice's addressees: a short lead ending in a colon (全文如下:).
_QUOTED_HEADING = re.compile(r"《([^《》\n]{4,150})》")
_LEAD_TO_ADDRESSEES = re.compile(r"\s*(?:[^\n。，；：:]{0,10}[：:]\s*)?" + _ADDRESSED)


def _quoted_heading_over_addressees(extraction: Extraction) -> Entity | None:
    """The policy a repost quotes on a line of its own in the head, 《…关于…的通知》, right above the notice's
    addressees (各区、县人民政府…:): the notice it reprints in full, not one it cites."""
    text, offsets = extraction.document.text, _source_offsets(extraction.document)
    for quoted in _QUOTED_HEADING.finditer(text, _head_start(text), HEAD_SPAN):
        if (_starts_line(text, quoted.start(), offsets) and _ends_line(text, quoted.end(), offsets)
                and _PAGE_HEADING.fullmatch(quoted.group(1)) and _LEAD_TO_ADDRESSEES.match(text, quoted.end())):
            return _named_policy(extraction, quoted.group(1), quoted.start(1))
    return None


#: A site's posting labels (更新时间：2023-06-07 20:56:09作者：未知), and the kinds of a title printed on the line of the
#: source right under them, as a page without a heading of its own above them prints it (…作者：未知|2023年某市…工作意见),
#: or without 关于 under a record table or over a regulation's first article (_regulation_title).
_POSTING_LABELS = re.compile(r"(?:作者|来源)[：:][^\n]*")
_UNDER_LABELS_KINDS = ("意见", "办法", "规定", "细则", "条例", "决定", "通知")
_UNDER_LABELS_TITLE = re.compile(r"[^\n。，；：！？、>»›|丨《》]{6,60}")


def _title_under_labels(extraction: Extraction, starts: Sequence[int]) -> Entity | None:
    """The policy a line of the source names right under the page's posting labels, to the end of its line
    (``starts``: where the head's lines of the source start)."""
    text = extraction.document.text
    labels = _POSTING_LABELS.search(text, 0, HEAD_SPAN)
    start = next((i for i in starts if labels and labels.start() < i < labels.end()), None) if labels else None
    title = _UNDER_LABELS_TITLE.fullmatch(text, start, labels.end()) if start is not None else None
    if title is None or policy_kind(title.group()) not in _UNDER_LABELS_KINDS:
        return None
    return _named_policy(extraction, title.group(), start)


#: A regulation's first chapter or article opening its line (第一章　总则, 第一条　为…), and a site's record row (发布日期：…).
_FIRST_PROVISION, _RECORD_ROW = re.compile(r"[ \t\u3000]*第[一1][章条條]"), re.compile(r"[^\n：:。，]{2,8}[：:]")


def _regulation_title(text: str, offsets: Sequence[int], begin: int) -> tuple[int, str] | None:
    """(where it starts, the title) of a regulation's title printed without 关于 on a line of its own: right above its
    first chapter or article (西宁住房公积金提取管理实施细则|第一章　总则), or on the first line under the record table
    that numbers it (文号：宁公积金委〔2023〕3号|西宁住房公积金提取管理实施细则); a line of a title's length, no sentence,
    ending in the kind of a text printed under labels (_UNDER_LABELS_KINDS)."""
    lines = [(start + len(line) - len(line.lstrip()), line.strip()) for start, line in _lines_from(text, offsets, begin)]
    record = record_field(text, RECORD_NUMBER, offsets)
    above_provisions = next((i - 1 for i, (start, _) in enumerate(lines) if i and _FIRST_PROVISION.match(text, start)),
                            None)
    under_record = next((i for i, (start, line) in enumerate(lines) if record and start > record[0]
                         and not _RECORD_ROW.match(line)), None)
    titles = (lines[i] for i in (above_provisions, under_record) if i is not None)
    return next(((start, title) for start, title in titles if 0 < len(title) <= _TITLE_LINE
                 and not _SENTENCE_MARK.search(title) and policy_kind(title) in _UNDER_LABELS_KINDS), None)


#: How many lines of the source a heading broken above its addressees may take, and what none of them holds
#: (a sentence's marks).
_BROKEN_HEADING_LINES, _SENTENCE_MARK = 4, re.compile(r"[。，；！？]")


#: …or the heading's kind's word alone on a line of the source under the line its 的 ends (某县人民政府|关于实施…禁渔期的|
#: 通告), where a circular, addressed to no one, broke it.
_KIND_WORD_LINE = re.compile(r"的[ \t\u3000]*\n[ \t\u3000]*(?:通知|通告|公告|[决決]定|意[见見]|批[复復覆]|[决決]议)(?=[ \t\u3000]*\n)")


#: …or a heading of another kind right above the addressees (…关于加快发|展设施农业的实施意见|各乡镇人民政府…：).
_KIND_OVER_ADDRESSEES = re.compile(r"的(?:[实實]施|指[导導]|若干)?(?:通告|公告|[决決]定|意[见見]|批[复復覆]|[决決]议)"
                                   r"(?=\s*" + _ADDRESSED + ")")


def _heading_broken_over_lines(text: str, offsets: Sequence[int], begin: int,
                               limit: int = HEAD_SPAN) -> tuple[int, str] | None:
    """(where it starts, the title) of a heading …的通知 (or …的实施意见, …的决定) right above the addressees that the
    page broke over lines wherever a line ran full, inside a quoted name too (某旗人民政府办公室|关于印发2022年《政府工作
    报告》|重点任务责任落实分工的通知|各苏木乡镇人民政府…：), or of one whose kind's word the page put on a line of its own
    (某县人民政府|关于…的|通告): from the line of its 关于, or the issuer's lines above it."""
    addressed = (_ADDRESSED_HEADING.search(text, begin, limit) or _KIND_WORD_LINE.search(text, begin, limit)
                 or _KIND_OVER_ADDRESSEES.search(text, begin, limit))
    return _heading_ending_at(text, offsets, begin, addressed.end()) if addressed else None


#: A heading's last line of the source where the page broke it wherever a line ran full: the rest of its subject,
#: 的 and its kind's word (民政部关于2023年度全国性社会组织评估|等级的公告).
_HEADING_LAST_LINE = re.compile(r"[^\n。，；：！？《》>»›|丨]{0,60}?的(?:[实實]施|指[导導]|若干)?"
                                r"(?:通知|通告|公告|[决決]定|意[见見]|批[复復覆]|[决決]议)")


def _heading_broken_before_its_end(text: str, offsets: Sequence[int], begin: int) -> tuple[int, str] | None:
    """(where it starts, the title) of a heading broken over lines whose last line of the source in the head ends in
    its kind's word, whatever follows it (no addressees: a circular's or an announcement's body): from the line of its
    关于 (_heading_ending_at)."""
    lines = ((start, line.rstrip()) for start, line in _lines_from(text, offsets, begin))
    return next(filter(None, (_heading_ending_at(text, offsets, begin, start + len(line)) for start, line in lines
                              if _HEADING_LAST_LINE.fullmatch(line) and not _ABOUT.search(line))), None)


def _heading_ending_at(text: str, offsets: Sequence[int], begin: int, end: int) -> tuple[int, str] | None:
    """(where it starts, the title) of a heading broken over lines whose last line ends at ``end``: from the line
    of its 关于 (or the issuer's lines above it) down, no line a sentence; None if no 关于 opens it."""
    for start, line in _heading_lines_up(text, offsets, begin, end):
        if _ABOUT.search(line):
            first = _title_start(text, start, end, offsets)
            if first == start:
                first = _under_issuer_lines(text, begin, first, offsets, text[start:_ABOUT.search(text, start).start()])
            return first, text[first:end]
    return None


def _heading_lines_up(text: str, offsets: Sequence[int], begin: int, end: int) -> Iterator[tuple[int, str]]:
    """The lines of the source a heading broken over lines may hold, from the one ending at ``end`` upwards (its
    start, its stripped text): at most ``_BROKEN_HEADING_LINES``, none before ``begin``; the walk stops at an empty
    line, one longer than a title's or one with a sentence's marks."""
    line_end = end
    for _ in range(_BROKEN_HEADING_LINES):
        start = _source_line_start(text, begin, line_end - 1, offsets)
        line = text[start:line_end].strip()
        if not line or len(line) > _TITLE_LINE or _SENTENCE_MARK.search(line):
            return
        yield start, line
        if start <= begin:
            return
        line_end = start


#: What the page's chrome puts before a title on its line (政务服务丨, 首页>…>, 来源：) or a red header run into it
#: (省政府文件青海省人民政府关于…, a PDF's transcription), and what a line of the issuer's name above a heading broken
#: over lines never holds (注意！…, 《…, a sentence).
_CHROME_END = re.compile(r".*(?:[丨|»>›：:】]|(?<=[\u4e00-\u9fff])文件)")
_NOT_ISSUER_LINE = re.compile(r"[！!？?。，；：:丨|»>›《》“”]")
#: The mark a breadcrumb parts its steps with (首页>公告栏>公告公示).
_CRUMB_MARK = re.compile(r"[>»›]")


def _source_line_start(text: str, floor: int, position: int, offsets: Sequence[int]) -> int:
    """Where the line of the source holding ``position`` starts, not before ``floor``; the spaces the normaliser
    dropped from a letter-spaced line (1 省 政 府 文 件 青 海 省 …, a PDF's transcription) part none."""
    return max([floor, *(i for i in _line_starts(text, floor + 1, position + 1, offsets)
                         if text[i - 1] == "\n" or not _inside_letter_spacing(offsets, i))])


def _title_start(text: str, start: int, end: int, offsets: Sequence[int]) -> int:
    """Where a heading joined to the page's chrome really starts: a title without 关于 on its own line of the
    source after a breadcrumb; a heading 关于… on the line of its 关于, after
    the chrome there (政务服务丨济宁市人民政府关于…), or on the lines of its issuer's name above it when the
    page broke it over lines (易县…指挥部|关于对…的|通告; 广东省人民政府办公厅关于印发广东省|…|…的通知)."""
    about = _ABOUT.search(text, start, end)
    if about is None:  # a title without 关于 under a breadcrumb joined to it (…>公告公示 正文|某县指挥部通告第14号)
        line = _source_line_start(text, start, end - 1, offsets)
        return line if _CRUMB_MARK.search(text, start, line) else start
    title = _source_line_start(text, start, about.start(), offsets)
    chrome = _CHROME_END.match(text, title, about.start())
    if chrome:
        return chrome.end()
    return _under_issuer_lines(text, start, title, offsets, text[title:about.start()])


#: A police detachment or a leading group, bodies that issue circulars and announcements in their own name on a
#: line of its own above their heading (某市公安局交通警察支队|关于…期间|…的通告; 某县推进殡葬改革领导小组|关于…的公告);
#: a title's issuer ends so more rarely than TITLE_ISSUER_END's bodies.
_OWN_LINE_ISSUER_END = re.compile(r"(?:[支大][队隊]|小[组組])\s*$")


def _under_issuer_lines(text: str, floor: int, title: int, offsets: Sequence[int], rest: str = "") -> int:
    """Where the lines of the issuer's name right above a heading starting at ``title`` start (not before
    ``floor``; 易县…指挥部|关于对…的通告, 某市公安局交通警察支队|关于…), or ``title`` if none stands there; ``rest``, the
    end of the issuer's name on the heading's own line where the page broke the name (漳州市人民政府办公|室关于…), not a
    name of its own (某市人民政府关于…)."""
    rest = "" if TITLE_ISSUER_END.search(rest) else rest
    while title > floor:
        above = _source_line_start(text, floor, title - 1, offsets)
        line = text[above:title].strip()
        if not line or len(line + rest) > _TITLE_LINE or _NOT_ISSUER_LINE.search(line + rest) or not (
                TITLE_ISSUER_END.search(line + rest) or _OWN_LINE_ISSUER_END.search(line + rest)):
            break
        title, rest = above, ""
    return title


def _issuer_after_category(extraction: Extraction, start: int, end: int) -> int:
    """Where a heading starts when a site's category ran straight into it (非物质文化遗产国务院关于…的通知): at the
    organisation the text names right before its 关于, when what stands before that name is neither an issuer's
    name (中共某市委某市人民政府关于…) nor a place or body the text names (某省教育厅关于…), a space parting the name
    from the site's menu words before it (see _word_before)."""
    text = extraction.document.text
    about = _ABOUT.search(text, start, end)
    if about is None:
        return start
    if _places_named_short(extraction, start, about.start()):
        return about.start()
    named = [m for e in extraction.entities if e.type in ("Organization", "Region") for m in e.mentions]
    issuer = min((m.start for m in named if start < m.start and m.end == about.start()), default=None)
    if issuer is None or TITLE_ISSUER_END.search(text[start:issuer]) or _ABOUT.search(text, start, issuer) or any(
            m.start < issuer and m.end > _word_before(text, start, issuer) for m in named):
        return start
    return issuer


def _places_named_short(extraction: Extraction, start: int, end: int) -> bool:
    """The words from ``start`` to ``end`` are only places each named short, without its 省/市/县 (四川内江关于…的通告: a
    news or tender site's tag of where the notice is from): a heading's issuer is a body, or a place named in full."""
    short = sorted((m.start, m.end) for e in extraction.entities if e.type == "Region" for m in e.mentions
                   if start <= m.start and m.end <= end and len(m.text) < len(e.name))
    position = start
    for place_start, place_end in short:
        if place_start != position:
            return False
        position = place_end
    return start < position == end


def _word_before(text: str, start: int, issuer: int) -> int:
    """Where the word right before the issuer's name starts when a space parts them (ABC中国 法规首页 某市人民政府办公室
    关于…: the site's menu words), else ``start``: only that word may be of the issuer's name (某省 教育厅关于…), a
    place named further left is the site's (its name, 某某中国)."""
    words = text[start:issuer].rstrip()
    if not words or len(words) == issuer - start:
        return start
    return start + len(words) - len(words.split()[-1])


def _without_chrome(extraction: Extraction, policy: Entity) -> Entity:
    """The policy a head policy's heading names once the page's chrome before it is cut off; the name
    with the chrome (巩义市基层政务公开…2023-02-24巩义市人民政府关于…) is none, unless the text names it
    again or a relation holds it."""
    text, offsets = extraction.document.text, _source_offsets(extraction.document)
    mention = next((m for m in policy.mentions if m.start < HEAD_SPAN), None)
    if mention is None:
        return policy
    start = _issuer_after_category(extraction, _title_start(text, mention.start, mention.end, offsets), mention.end)
    clean = _named_policy(extraction, text[start:mention.end], start) if start > mention.start else None
    if clean is None:
        return policy
    if len(policy.mentions) == 1 and not any(policy.iri in (r.head, r.tail) for r in extraction.relations):
        extraction.entities.remove(policy)
    return clean


def _with_its_issuer(policies: list[Entity], heading: Entity) -> Entity:
    """The same heading with its issuer's name before it, when the page also prints it so (a record's
    title line above the red header's issuer line and 关于… line): the fuller name is the document's."""
    fuller = [policy for policy in policies if policy.name.endswith(heading.name) and policy is not heading
              and heading.name.startswith("关于") and TITLE_ISSUER_END.search(policy.name[:-len(heading.name)])]
    return max(fuller, key=lambda policy: len(policy.name), default=heading)


def _issued_in_body(policies: list[Entity], text: str) -> Entity | None:
    """The policy a notice without a title of its own issues in its first sentence, or names last in its paragraph
    before the words that issue it."""
    return next((policy for later in (False, True) for policy in policies for mention in policy.mentions
                 if _issuing_clause(text, mention, later)), None)


#: A news lead that reports a text issued and prints it whole after it (某市印发《X》。全文如下：).
_REPORTED_ISSUE_BEFORE = re.compile(r"(?:印[发發]|[发發]布|公[布佈])了?《$")
_IN_FULL_AFTER = re.compile(r"》[^《。\n]{0,20}。?[ \t\u3000]*全文如下")


def _printed_in_full(policies: list[Entity], text: str) -> Entity | None:
    """The text a news lead in the head reports issued and then prints whole (日前，某市印发《X》。全文如下：): the page's
    own document, though it prints no title of a notice."""
    return next((policy for policy in policies for mention in policy.mentions if mention.start < HEAD_SPAN
                 and _REPORTED_ISSUE_BEFORE.search(text, max(0, mention.start - 4), mention.start)
                 and _IN_FULL_AFTER.match(text, mention.end)), None)


def _issuing_clause(text: str, mention: Mention, later: bool | None = None) -> tuple[int, int] | None:
    """(start, end) of the clause of the head that issues the text named at ``mention``: 现将《X》印发 or …：《X》…现予印发
    (``later`` False), 《X》（见附件）。现印发给你们 but not the last of a list of titles (``later`` True); either if None."""
    if mention.start >= HEAD_SPAN:
        return None
    if later is not True and _ISSUES_BEFORE.search(text, max(0, mention.start - 4), mention.start):
        clause = _ISSUES_AFTER.match(text, mention.end)
        if clause:
            return mention.start - 1, clause.end()
    if later is not False and text[mention.start - 1:mention.start] == "《" and (
            mention.start < 2 or text[mention.start - 2] not in "》、，和及"):
        clause = _ISSUED_LATER.match(text, mention.end)
        if clause:
            return mention.start - 1, clause.end()
    return None


#: A news headline that reports a notice (中办国办印发通知, 某市发布通告): a body and the verb issuing an instrument
#: named by its kind's word alone, no 关于…的 title; a page it heads is news about the document, not the document.
_HEADLINE = re.compile(r"(?:印[发發]|[发發]布|下[发發]|[发發]出|出台|公布)(?:通知|通告|公告|意[见見]|[决決]定)$")
#: A table of contents (a gazette's 目录): titles each followed by the page it starts on (…的实施意见 /6); the page
#: is a list of documents, none of them its own.
_CONTENTS, _PAGE_REFERENCE = re.compile(r"目\s*[录錄]"), re.compile(r"(?<=[\u4e00-\u9fff）)号號》?？\s])\s*/\s*\d{1,3}(?![\d/.])")
_CONTENTS_ENTRIES = 3
#: …or a compilation's list without the word 目录: titles each followed by its page between dashes, as a word
#: processor numbers pages (1中共中央国务院关于…的决定 - 1 - 2国务院关于…的意见 - 13 -).
_DASHED_ENTRY = re.compile(r"([^\n\d。，；：]{4,120}?)[ \t\u3000]*[-—–－][ \t\u3000]*(\d{1,3})[ \t\u3000]*[-—–－]")


def _table_of_contents(text: str) -> bool:
    """The head is a table of contents: 目录, then at least _CONTENTS_ENTRIES titles with their page numbers; or,
    starting in the head, as many titles of a policy's kind each followed by its page between dashes, on later
    and later pages (a notice's page footers follow its sentences, not titles)."""
    contents = _CONTENTS.search(text, 0, HEAD_SPAN)
    if contents is not None:
        return len(_PAGE_REFERENCE.findall(text, contents.end(), contents.end() + 2 * HEAD_SPAN)) >= _CONTENTS_ENTRIES
    head = _head_start(text)
    entries = [entry for entry in _DASHED_ENTRY.finditer(text, head, _head_end(text) + HEAD_SPAN)
               if policy_kind(entry.group(1))]
    pages = [int(entry.group(2)) for entry in entries]
    return (len(entries) >= _CONTENTS_ENTRIES and entries[0].start() < _head_end(text)
            and all(a < b for a, b in zip(pages, pages[1:])))


#: What a row of a site's list of documents prints beside a title and its number: the date, its place in the list
#: (序号 1), cells' marks, brackets.
_ROW_DATE = re.compile(r"(?:19|20)\d{2}\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}\s*日?|(?<!\S)\d{1,4}[、.．]?(?!\S)")
_ROW_MARKS = " \t\u3000|｜（）()【】[]·•●▪"


def _list_cell(cell: str) -> tuple[str | None, bool] | None:
    """(the number it holds, whether it holds a title of a policy's kind) of a line or cell of a site's list of
    documents, each row a title and its number in either order, maybe its date, in cells of their own or on one line
    (某市…的通知	某府办发〔2021〕111号	2021-09-28, ·某市…的意见（某府办发〔2021〕98号） 2021-08-19); None for anything
    else (a sentence citing a number, a record's label, addressees)."""
    numbers = list(DOCUMENT_NUMBER.finditer(cell))
    if len(numbers) > 1 or _SENTENCE_MARK.search(cell):
        return None
    number = numbers[0] if numbers else None
    rest = _ROW_DATE.sub("", cell[:number.start()] + " " + cell[number.end():] if number else cell).strip(_ROW_MARKS)
    titled = bool(rest) and policy_kind(rest) is not None
    return None if rest and not titled else (number.group() if number else None, titled)


def _list_of_documents(text: str, offsets: Sequence[int]) -> bool:
    """The head is a site's list of documents: from the line of the source holding its first number on, nothing but
    titles, numbers and dates, at least _CONTENTS_ENTRIES different numbers each beside a title (a government's list
    of 文件, the normaliser maybe running its rows and cells together); the page is none of them. A document's own
    head over a list in its body (某政发〔2023〕5号|经研究，决定废止以下文件：|1．…) is parted from the list by its
    sentences, a record's number by its label."""
    begin, end = _head_start(text), _head_end(text)
    first = DOCUMENT_NUMBER.search(text, begin, end)
    if first is None:
        return False
    stop = min(len(text), end + HEAD_SPAN)
    starts = _line_starts(text, begin, stop, offsets)
    numbers, titles = set(), 0
    for start, line_end in zip(starts, [*starts[1:], stop]):
        cell = _list_cell(text[start:line_end].strip())
        if line_end <= first.start():  # above the first number: only the first row's title, in a cell of its own
            titles = int(cell is not None and cell[1])
            continue
        if cell is None:
            break
        numbers |= {cell[0]} - {None}
        titles += cell[1]
    return len(numbers) >= _CONTENTS_ENTRIES and titles >= len(numbers)


#: The last step of a web page's breadcrumb, a category's few characters (首页 -> 政务公开 -> 公 告): a heading
#: ending in one is the page's menu, not the title over the number, though the category names a kind of notice.
_CRUMB_END = re.compile(r"[>»›][^>»›\n]{0,8}$")
#: Angle brackets a title uses as its inner title marks (转发《…关于印发<某办法>的通知》的通知): no breadcrumb's steps.
_ANGLED_TITLE = re.compile(r"<([^<>\n]{1,80})>")


def _ends_in_crumb(title: str) -> bool:
    """``title`` ends in a breadcrumb's last step (…>公告公示 正文), a ``>`` closing an inner title mark aside."""
    return bool(_CRUMB_END.search(_ANGLED_TITLE.sub(r"\1", title)))


def head_policy(extraction: Extraction) -> Entity | None:
    """The policy the document itself is: the one named at the very start of its text, else the
    one a heading 关于印发X的通知 issues (its first line, or the heading its addressees follow),
    else the one named beside its number or before its addressees; a heading with a document number
    under it (or a title under the number, a title line of its own above it or above the bracket that
    dates and numbers it, an order's or circular's name before its serial: …通告（第1号）, …指挥部|2号令,
    last a heading on a line of its own further under the number: 宁政办发〔2021〕1号 签发人：…|某县…的通知)
    that no recogniser took (its lines joined with the notice's body) becomes a Policy entity here;
    without a number, a heading behind the page's chrome (_heading_line); failing all, the text a
    notice without a title issues (现将《X》印发给你们) is the one, or an order titled only by its number
    (銅川市人民政府令第1號). A law database's record title (发文标题：X) comes before all; a heading the issuer prints
    over the number under the record comes before the site's title (the document's name in its own words)."""
    document = extraction.document
    text, offsets = document.text, _source_offsets(document)
    if _table_of_contents(text) or _list_of_documents(text, offsets):
        return None
    begin = _head_start(text)
    number = number_in_head(text, offsets)
    record = record_field(text, RECORD_TITLE, offsets)
    if record:
        printed = _issuers_heading_over_number(text, offsets, record[0], number[0]) if number else None
        start, title = printed or record
        mark = _STANDING_MARK.match(title)
        start, title = (start + mark.end(), title[mark.end():]) if mark else (start, title)
        record_policy = _named_policy(extraction, title, start)
        if record_policy:
            return record_policy
    heading_end = number[0] if number else max(text.find("\n", begin), 0)
    heading = text[begin:heading_end].rstrip("（([【 \t\u3000\n")
    canonical = canonical_policy_name(heading)
    policies = [e for e in extraction.entities if e.type == "Policy"]
    at_head = [e for e in policies if any(m.start == begin for m in e.mentions) and not _HEADLINE.search(e.name)]
    addressed = _ADDRESSED_HEADING.search(text, begin, HEAD_SPAN)
    headings = [canonical, *([canonical_policy_name(text[begin:addressed.end()])] if addressed else [])]
    issued = [e for e in policies if any("印发" in candidate and candidate.endswith(canonical_policy_name(e.name) + "的通知")
                                         for candidate in headings)]
    # a title without 关于 broken over the two lines above its number, which a recogniser took from its lower line only
    unbroken = next(filter(None, (_title_without_about_broken_over_number(extraction, begin, under)
                                  for under in _lines_under_a_title(text, offsets, begin, number))), None)
    whole = _named_policy(extraction, unbroken[1], unbroken[0]) if unbroken else None
    found = ([whole] if whole else sorted(at_head, key=lambda e: -len(e.name)) or sorted(issued, key=lambda e: -len(e.name))
             or _titled(policies, text, number))
    if found:
        return _without_chrome(extraction, _with_its_issuer(policies, found[0]))
    if number is None:
        return (_heading_line(extraction) or _issued_in_body(policies, text) or _printed_in_full(policies, text)
                or _signed_notice(extraction, heading_end))
    under = _TITLE_UNDER_NUMBER.match(text, number[1])
    lines = [(begin + m.start(), m.group()) for m in re.finditer(r"[^\n]+", text[begin:number[0]])][::-1]
    line_start = max(begin, text.rfind("\n", 0, number[0]) + 1)
    serial = _TRAILING_SERIAL.search(text, line_start, number[1])
    lines += [(line_start, text[line_start:serial.start()])] if serial else [(begin, text[begin:number[1]])]
    page = _PAGE_HEADING.search(text, begin, heading_end)  # the heading behind the chrome joined to it
    glued = _source_line_start(text, begin, number[0], offsets)  # 某县指挥部1号令 on one line
    # the line of the source right over the number's, which the normaliser joined to the page's chrome and labels
    # before it (…下载地址：点击此处下载|某某…的通知|津政发〔2005〕061号)
    over = _source_line_start(text, begin, number[0] - 1, offsets) if glued == number[0] > begin else number[0]
    dated = _title_over_dated_bracket(text, offsets, begin)
    broken = _title_broken_over_number(text, offsets, begin, number[0])
    table_end = _record_table_end(text, begin)
    under_table = _heading_broken_over_lines(text, offsets, table_end, table_end + HEAD_SPAN) if table_end else None
    # a heading broken over lines under the record that numbers it, above its addressees
    under_record = _heading_broken_over_lines(text, offsets, number[1])
    after = _HEADING_AFTER_NUMBER.match(text, number[1])
    after = after if after and _ends_line(text, after.end(), offsets) else None
    kind_after = _KIND_AFTER_NUMBER.match(text, number[1]) if _starts_line(text, number[0], offsets) else None
    # each line of the source read by itself: a copy of the number the normaliser ran into the heading's line (a repost's
    # 沪府发〔2015〕24号|上海市人民政府关于…的通知) does not hide the heading
    starts = _line_starts(text, number[1], min(HEAD_SPAN, len(text)), offsets)
    below = next(((start, line.group(1)) for start, end in zip(starts, [*starts[1:], min(HEAD_SPAN, len(text))])
                  if (line := _PAGE_HEADING.fullmatch(text[start:end].rstrip()))), None)
    copied, over_copies = _headings_at_copies(text, offsets, begin, number)
    regulation = _regulation_title(text, offsets, begin)
    for start, title in (*([dated] if dated else []),
                         *([(page.start(1), page.group(1))] if page else []),
                         *([(after.start(1), after.group(1))] if after else []),
                         *([(number[0], text[number[0]:kind_after.end()])] if kind_after else []),
                         *([(glued, text[glued:number[1]])] if glued < number[0] else []),
                         (begin, heading),
                         *([(under.start(1), under.group(1))] if under else []),
                         *([broken] if broken else []),
                         *((start, line) for start, line in lines if len(line) <= _TITLE_LINE),
                         *([(over, text[over:number[0]])] if 0 < number[0] - over <= _TITLE_LINE else []),
                         *([below] if below else []), *copied[:1], *([under_table] if under_table else []),
                         *over_copies, *([regulation] if regulation else []),
                         *([under_record] if under_record else [])):
        if _ends_in_crumb(title.strip()):
            continue
        policy = _named_policy(extraction, title, start)
        if policy:
            return _without_chrome(extraction, policy)
    return (_issued_in_body(policies, text) or _signed_notice(extraction, heading_end)
            or _heading_cut_off_over_number(extraction, number)
            or _order_named_by_its_number(extraction, number) or _addressed_under_its_number(extraction, number))


#: A page's heading naming it an interpretation of a policy, opening its line (一图读懂丨…, 图解：…, 政策解读丨…) or ending it
#: (《…》政策解读, a line without spaces: not a menu's 下载文字版 下载图片版 政策解读, nor a link's 相关解读, nor a policy on
#: interpreting: 关于建立健全政策解读机制的实施意见 ends in its kind).
_INTERPRETATION_OPENING = re.compile(r"[ \t\u3000]*(?:一[图圖](?:[读讀]懂|看懂|速[览覽])|[图圖]解|(?:政策)?解[读讀])"
                                     r"[ \t\u3000]*[丨|｜：:]")
_INTERPRETATION_ENDING = re.compile(r"[^\s]{4,}?(?<!相关)(?<!相關)解[读讀]")


def _interpretation(text: str, offsets: Sequence[int]) -> bool:
    """Whether a line of the head (no breadcrumb) is a heading naming the page an interpretation of a policy: such a
    page quotes the policy's name, 文号 and 发布机关 (文件名称：…|文号：…), but is not its text: its 发布日期 is the
    page's own day, no date of the policy's."""
    return any(_INTERPRETATION_OPENING.match(line) or _INTERPRETATION_ENDING.fullmatch(line)
               for _, line in _head_lines(text, offsets) if not _CRUMB_MARK.search(line))


def _headings_at_copies(text: str, offsets: Sequence[int], begin: int,
                        number: tuple[int, int, str]) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """(where it starts, the title) of the document's own heading at each copy of the ``number`` a record's field
    printed first: the red header's headings under a copy (…|某政发〔2022〕2号|某市人民政府关于…的通知), and the titles on
    the line of the source right over a copy opening its line (发文字号：某政办发〔2023〕15号|某市…实施细则|某政办发〔2023〕15号),
    which the issuer printed over its number as a heading of its own, from the line of its 关于 where the page broke it
    over lines (a notice's heading cut before its 的通知 is the notice's, read by issuing_notice)."""
    under, over = [], []
    for copy in re.finditer(re.escape(text[number[0]:number[1]]), text[number[1]:HEAD_SPAN]):
        at, after = number[1] + copy.start(), number[1] + copy.end()
        red = _HEADING_UNDER_COPY.match(text, after)
        if red and _starts_line(text, red.start(1), offsets) and _ends_line(text, red.end(1), offsets):
            under.append((red.start(1), red.group(1)))
        line = _source_line_start(text, begin, at - 1, offsets) if _starts_line(text, at, offsets) else at
        if 0 < at - line <= _TITLE_LINE and not _issuing_heading_cut(text[line:at]):
            # the heading maybe broken over lines above the copy (…关于印发甘肃省推进新型工业化|实施方案的通知|甘政发…)
            broken = _heading_ending_at(text, offsets, number[1], at) if not _ABOUT.search(text, line, at) else None
            over.append(broken if broken and not _issuing_heading_cut(broken[1]) else (line, text[line:at]))
    return under, over


#: The word of a notice or order its body numbers in a series of its own, run on after the number opening its line:
#: its title (漳州市…指挥部〔2021〕第3号通告为切实…, the body joined to it); not a sentence citing it (…号通告的要求).
_KIND_AFTER_NUMBER = re.compile(r"(?:令|通告|公告)(?!的)")


#: A line of a site's record table: cells parted by pipes (文号 |南政发〔2022〕2号 |, ---|---|).
_TABLE_LINE = re.compile(r"[^\n]*\|[^\n]*(?:\n|$)")


def _record_table_end(text: str, begin: int) -> int | None:
    """Where the site's record table opening the head at ``begin`` ends (its lines, however many, maybe printed
    twice), if it opens it: the document's own head starts under it."""
    end = begin
    while (line := _TABLE_LINE.match(text, end)) and line.end() > end:
        end = line.end()
    return end if end > begin else None


def _title_broken_over_number(text: str, offsets: Sequence[int], begin: int, number: int) -> tuple[int, str] | None:
    """(where it starts, the title) of a heading the page broke over two lines of the source right above its number
    (关于划定…禁猎区和|禁猎期范围的通告|某府发〔2025〕2号): a line holding 关于 over one ending in a kind's word, neither
    with a sentence's marks."""
    lower = _source_line_start(text, begin, number - 1, offsets)
    upper = _source_line_start(text, begin, lower - 1, offsets) if lower > begin else lower
    first, second = text[upper:lower].strip(), text[lower:number].strip()
    if (upper == lower or not _ABOUT.search(first) or _ABOUT.search(second) or policy_kind(second) is None
            or len(first) > _TITLE_LINE or _SENTENCE_MARK.search(first + second)):
        return None
    return upper, first + second


def _lines_under_a_title(text: str, offsets: Sequence[int], begin: int,
                         number: tuple[int, int, str] | None) -> list[int]:
    """Where the lines a title without 关于 stands right above may start: its ``number``'s and each copy's of it in
    the head (a record's field printing it first), and a regulation's first chapter or article."""
    copies = [number[0], *(number[1] + m.start() for m in re.finditer(re.escape(text[number[0]:number[1]]),
                                                                       text[number[1]:HEAD_SPAN]))] if number else []
    provision = next((start for start, _ in _lines_from(text, offsets, begin) if _FIRST_PROVISION.match(text, start)),
                     None)
    return [*copies, *([provision] if provision is not None else [])]


def _title_without_about_broken_over_number(extraction: Extraction, begin: int, under: int) -> tuple[int, str] | None:
    """(where it starts, the title) of a title without 关于 the page broke over the two lines of the source right above
    the line starting at ``under`` (its number, a copy of it, its first article: _lines_under_a_title): its period on
    the lower line (江汉区优化营商环境三年行动方案|（2024—2026年）|江政办〔2024〕3号), or from its opening bracket on
    (青海省生态环境保护规划（|2023—2030年）|青政〔2023〕37号: _period_broken_open), or wherever the upper line ran full
    (长春市深入推进城市一刻钟便|民生活圈建设工作方案|长府办发〔2024〕11号), when the upper opens with a place and is no title
    or issuer of its own and the lower, ending in a kind's word, opens with no place (a line that does is the whole
    title, under a line of the page's chrome)."""
    text, offsets = extraction.document.text, _source_offsets(extraction.document)
    lower = _source_line_start(text, begin, under - 1, offsets)
    upper = _source_line_start(text, begin, lower - 1, offsets) if lower > begin else lower
    first, second = text[upper:lower].strip(), text[lower:under].strip()
    if (upper == lower or len(first) > _TITLE_LINE or re.search(r"\s", first)
            or _MARKS_NO_TITLE_HOLDS.search(first + second) or _ABOUT.search(first + second)):
        return None
    places = {m.start for e in extraction.entities if e.type == "Region" for m in e.mentions}
    over_period = (PERIOD.fullmatch(second) and policy_kind(first) is not None) or _period_broken_open(first, second)
    run_full = (upper in places and lower not in places and policy_kind(second) is not None
                and policy_kind(first) is None and not TITLE_ISSUER_END.search(first))
    return (upper, text[upper:lower + len(text[lower:under].rstrip())]) if over_period or run_full else None


def _period_broken_open(first: str, second: str) -> bool:
    """Whether a plan's title line ``first`` ends in the bracket its period opens, closed on the line ``second``
    under it (青海省生态环境保护规划（|2023—2030年）): one title, as if the whole period were on the lower line."""
    return (first[-1:] in ("（", "(") and bool(PERIOD.fullmatch(first[-1] + second))
            and policy_kind(first[:-1]) is not None)


#: What a line of a title never holds: a sentence's marks, a breadcrumb's or a menu's (a title may quote: “十四五”).
_MARKS_NO_TITLE_HOLDS = re.compile(r"[！!？?。，；：:丨|»>›]")


def _issuers_heading_over_number(text: str, offsets: Sequence[int], begin: int, number: int) -> tuple[int, str] | None:
    """(where it starts, the title) of a heading its issuer prints on the lines of the source right above its number,
    maybe broken wherever a line ran full (某州人民政府关于|印发《某条例》|实施办法的通知|州政发〔2013〕97号): from the
    line holding its 关于, the issuer before it, down to the kind's word; no line with a sentence's marks."""
    for start, line in _heading_lines_up(text, offsets, begin, number):
        about = _ABOUT.search(line)
        if about:
            title = text[start:number].strip()
            issued_by = TITLE_ISSUER_END.search(line[:about.start()])
            return (start, title) if issued_by and policy_head(canonical_policy_name(title)) else None
    return None


#: A notice without a title of its own says what it is in its body (现将有关事项通告如下, 特此公告) and
#: is signed at its foot by its issuer's name and the date; a body's name ends in one of these.
_NOTICE_FRAME = re.compile(r"(通告|公告|通知)如下|特此(通告|公告)")
_SIGNING_BODY = re.compile(r"[\u4e00-\u9fff]{2,30}(?:政府|指挥部|委员会|办公室|办公厅|局|厅|委|部|署|中心|支[队隊]|大[队隊])")
#: The joint issuers' names before the last one's on the line of their order's or announcement's number, each with the
#: spaces after it (财政部 税务总局公告…: see _joint_issuers_start).
_JOINT_ISSUERS = re.compile(r"(?:" + _SIGNING_BODY.pattern + r"[ \t\u3000]+){1,4}")
#: The body's closing words, then its signer right before a date, all on one line (…请遵照执行。 某市教育局 2020年1月8日…):
#: the foot, though a dump ran the text of the attachment on after the date.
_CLOSED_THEN_SIGNED = re.compile(r"(?:特此(?:通知|通告|公告|函告|批复)|此复|此覆|执行)[。！!][ \t\u3000]*("
                                 + _SIGNING_BODY.pattern + r")[ \t\u3000]*$")
#: Most bodies a joint notice's foot lists (ten ministries and four provinces' governments sign one).
_MOST_SIGNERS = 16
#: …ending right before a date on its line (某市人民政府2012年10月26日).
_SIGNER_BEFORE = re.compile(_SIGNING_BODY.pattern + r"[ \t\u3000]*$")


def _signature(text: str, offsets: Sequence[int], start: int = 0) -> tuple[list[tuple[int, int]], re.Match] | None:
    """(the signers' names as spans, lead first; the date) of the first signature after ``start``:
    a date ending a line of the source under its signers' names, on lines of their own above it
    (此告|某县人民政府|2023年1月17日; 生态环境部 发展改革委|…|2020年10月30日) or after a space on its line
    (特此通告 某市公安局交通警察支队 2023年1月20日)."""
    for date in SIGNED_DATE.finditer(text, start):
        closed = None if _ends_line(text, date.end(), offsets) else _CLOSED_THEN_SIGNED.search(
            text, max(start, date.start() - _TITLE_LINE), date.start())
        if closed is None and not _ends_line(text, date.end(), offsets):
            continue  # a date in a sentence, not the foot's
        names: list[tuple[int, int]] = []
        end = date.start()
        while len(names) < _MOST_SIGNERS:
            while end > start and text[end - 1] in " \n":
                end -= 1
            signer = _signer_ending(text, offsets, max(start, end - 40), end)
            if signer is None:
                break
            names.insert(0, (signer, end))
            end = signer
        if not names and closed:
            names = [closed.span(1)]
        if names:
            return names, date
    return None


def _signed_date(text: str, offsets: Sequence[int]) -> str | None:
    """ISO date of the page's signature where no line gives the date alone: the signer's name run into it on
    its line (中山市人民政府2021年9月1日, the foot's two lines joined by the page)."""
    signature = _signature(text, offsets)
    if signature is None:
        return None
    names, date = signature
    return _iso_date(date) if names[-1][1] == date.start() else None  # not a 返回顶部 link over a site's clock stamp


#: A repost's lead saying who issued the page's text on what day: 2020-02-25某区人民政府印发了《关于…的通知》.
_REPORTED_ISSUE = re.compile(r"((?:19|20)\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})日?\s*"
                             r"([\u4e00-\u9fff]{0,30}?)(?:印发|印發|发布|發布)了?《([^《》\n]{2,80})》")


def _reported_issue_date(text: str, head: Entity) -> str | None:
    """ISO date a repost's lead in the head gives the issue of the page's own text, its issuer and title those of
    the head (the page cut off its signature); not the date of another text it reports."""
    for lead in _REPORTED_ISSUE.finditer(text, 0, HEAD_SPAN):
        if canonical_policy_name(lead.group(4) + lead.group(5)) == head.name:
            return _iso_date(lead)
    return None


def _signer_ending(text: str, offsets: Sequence[int], floor: int, end: int) -> int | None:
    """Where a body's name ending at ``end`` starts, opening a line of the source, after a space or after the
    sentence the body's text closes with (…另行通知。某市…指挥部2021年9月18日: a page ran its foot onto that line)."""
    return next((s for s in range(end - 2, floor - 1, -1) if (_starts_line(text, s, offsets) or text[s - 1] in " 。")
                 and _SIGNING_BODY.fullmatch(text, s, end)), None)


#: The marks a page cuts a long heading off with where its line runs out (…供热管理办..., …政策措…).
_CUT_OFF_MARK = re.compile(r"[ \t\u3000]*(?:\.{2,}|…+|。{3})$")


def _signed_notice(extraction: Extraction, heading_end: int) -> Entity | None:
    """A notice without a title (a page that lost it, a reposted circular): named after its signing
    body, its kind and its date, 某县人民政府通告（2023年1月17日）, as a citation would name it; a heading the site cut
    off on the line ending at ``heading_end`` (_cut_heading) is a mention of it as printed (某市人民政府办公室关于做好…工作的...),
    and, cut right after its 的, another name of it completed with the kind its body names (关于…的 + 通告)."""
    text, offsets = extraction.document.text, _source_offsets(extraction.document)
    frame = _NOTICE_FRAME.search(text, 0, RECORD_SPAN)
    signature = _signature(text, offsets, frame.end()) if frame else None
    if signature is None:
        return None
    (signer, end), date = signature[0][-1], signature[1]
    kind = frame.group(1) or frame.group(2)
    signed = "".join(date.group(0).split())
    notice = _new_policy(extraction, f"{text[signer:end]}{kind}（{signed}）", signer, date.end(), 0.6)
    cut = _cut_heading(extraction, heading_end)
    if cut is not None and cut.end() <= signer:
        printed = cut.group()
        if printed.endswith("的"):
            notice.aliases.append(canonical_policy_name(printed + kind))
        sentence = extraction.document.sentence_at(cut.start())
        notice.mentions.insert(0, Mention(printed, cut.start(), cut.end(), sentence.index if sentence else 0))
    return notice


def _cut_heading(extraction: Extraction, end: int) -> re.Match | None:
    """The printed part of a heading the site cut off on the line of the source ending at ``end``: with an ellipsis,
    anywhere (…高质量发展的实..., …工作的...), or right after its 的, its kind's word lost (住房和城乡建设部办公厅关于做好…
    工作的|建办城函〔2024〕58号; 关于…孔明灯(许愿灯)的 陆府通〔2019〕2号): 关于 and its subject, maybe its issuer before."""
    text, offsets = extraction.document.text, _source_offsets(extraction.document)
    line = _source_line_start(text, _head_start(text), end - 1, offsets) if end > 0 else end
    printed = text[line:end].rstrip()
    mark = _CUT_OFF_MARK.search(printed)
    if line >= end or not (mark or printed.endswith("的")):
        return None
    cut_end = line + (mark.start() if mark else len(printed))
    return _CUT_OFF_HEADING.fullmatch(text, _title_start(text, line, cut_end, offsets), cut_end)


#: A heading line the site cut off anywhere (…高质量发展的实..., …工作的通...): 关于 and its subject, maybe its issuer
#: before; and what a body says it is, an opinion (现提出如下实施意见, 提出以下意见) or a notice (_NOTICE_FRAME).
_CUT_OFF_HEADING = re.compile(r"[^\n。，；：！？《》]{0,40}?[关關][于於][^\n。，；：！？《》]{4,120}")
_OPINION_FRAME = re.compile(r"提出(?:如下|以下)((?:实施|指导|若干)?意[见見])")


def _heading_cut_off_over_number(extraction: Extraction, number: tuple[int, int, str]) -> Entity | None:
    """The policy a heading the site cut off names, on the line of the source right above its ``number``
    (芜湖市人民政府关于加快预制菜产业高质量发展的实...|芜政〔2024〕20号; …改造工作的|建办城函〔2024〕58号): completed with
    the kind its body states when the words after its last 的 open that kind's (现提出如下实施意见: …的实 → …的实施意见;
    …工作的 + 通知), else named as printed (…的实); the printed part is its mention."""
    text = extraction.document.text
    cut = _cut_heading(extraction, number[0])
    if cut is None:
        return None
    start, end = cut.span()
    frame = _OPINION_FRAME.search(text, number[1], RECORD_SPAN) or _NOTICE_FRAME.search(text, number[1], RECORD_SPAN)
    stated = next(filter(None, frame.groups()), None) if frame else None
    subject, of, tail = cut.group().rpartition("的")
    completed = _named_policy(extraction, subject + of + stated, start, end) \
        if of and stated and stated.startswith(tail) else None
    return completed or _new_policy(extraction, canonical_policy_name(cut.group()), start, end, 0.6)


def _order_named_by_its_number(extraction: Extraction, number: tuple[int, int, str]) -> Entity | None:
    """An order whose only title is its number in its series, on a line of its own over its body
    (銅川市人民政府令第1號): named by that number, as a citation names it."""
    text, offsets = extraction.document.text, _source_offsets(extraction.document)
    start, end = number[:2]
    if not (ORDER_IN_SERIES.search(text, start, end) and _starts_line(text, start, offsets)
            and _ends_line(text, end, offsets)):
        return None
    return _new_policy(extraction, canonical_policy_name(text[start:end]), start, end, 0.6)


#: What may stand before a document's number on the page's first line: a label (发布文号：) or a red header (某某部文件),
#: a few words and no sentence.
_NUMBER_LINE_OPENING = re.compile(r"[^\n。，；！？《》]{0,20}")
#: …or the one line over it, a heading the page cut before its kind's word (国务院关于同意黑龙江省调整|国函〔2004〕10号):
#: an issuer, 关于 and a few words, no sentence.
_CUT_HEADING_LINE = re.compile(r"[^\n。，；！？《》]{0,30}[关關][于於][^\n。，；：！？《》]{2,60}\n")
#: The one body a reply or a letter addresses, opening the line under its number (黑龙江省人民政府：).
_BODY_ADDRESSED = re.compile(_SIGNING_BODY.pattern + r"[：:]")


def _addressed_under_its_number(extraction: Extraction, number: tuple[int, int, str]) -> Entity | None:
    """A document that prints no title, its number on the page's first line (发布文号：琼府〔2005〕9号, 某某部文件 N)
    or under its heading cut before its kind's word (国务院关于同意黑龙江省调整|国函〔2004〕10号), and its addressees
    opening the next (各市、县人民政府…：, or the one body a reply answers: 黑龙江省人民政府：), or its body, whose first
    paragraph says what it is (…现将有关情况公告如下): named by its number, as a citation names it (its whole title is
    nowhere printed)."""
    text, offsets = extraction.document.text, _source_offsets(extraction.document)
    begin = _head_start(text)
    start, end = number[:2]
    if not (_NUMBER_LINE_OPENING.fullmatch(text, begin, start) or _CUT_HEADING_LINE.fullmatch(text, begin, start)):
        return None
    line_end = next((i for i in range(end, min(len(text), end + 20)) if _starts_line(text, i, offsets)), None)
    if line_end is None:
        return None
    paragraph_end = _PARAGRAPH_END.match(text, line_end).end()
    frame = _NOTICE_FRAME.search(text, line_end, paragraph_end)
    addressed = _ADDRESSEE_LINE.match(text, line_end) or _BODY_ADDRESSED.match(text, line_end)
    if not addressed and not (frame and frame.group(1)):
        return None
    return _new_policy(extraction, number[2], start, end, 0.6)


def _new_policy(extraction: Extraction, name: str, start: int, end: int, confidence: float) -> Entity:
    """A Policy entity named ``name``, mentioned from ``start`` to ``end``, added to the extraction."""
    sentence = extraction.document.sentence_at(start)
    mention = Mention(extraction.document.text[start:end], start, end, sentence.index if sentence else 0)
    policy = Entity(type="Policy", name=name, key=name, iri=entity_iri("Policy", name), confidence=confidence,
                    mentions=[mention])
    extraction.entities.append(policy)
    return policy


#: The rest of a heading that issues two texts, run on after the first one's kind (…印发关于X的实施意见|和行动计划的通知):
#: the heading ends with the notice's kind, not the first text's.
_SECOND_ISSUED_TEXT = re.compile(r"[和及与][^。；，：！？\n《》]{2,30}的通知")


#: A notice's own heading on a page, at a line's start or behind the page's chrome (首页 » 法律法规 »,
#: 当前位置：, 政务服务丨, 来源：sp2024…; 關於 on traditional pages): its issuer a run of Chinese (four
#: bureaus' names joined by spaces: 成都市发展和改革委员会 中共成都市委社会工作部 …), then
#: 关于…的[实施]通知/意见/…/[复]函 (a letter has no kind of its own; maybe wrapped after 关于印发) or 印发《Y》的通知 (中共某市委办公室某市人民政府办公室
#: 印发《…》的通知), or 转发 of one or more quoted texts (某县人民政府办公室转发《某省…关于印发X》《Y》和《Z》的通知: the 关于 is
#: the forwarded text's); and the kinds a notice without 关于 names itself with (某县人民政府森林防火禁火令). A title the
#: heading quotes is read whole: its own 的实施意见 (关于印发《某市…的实施意见》的通知) does not end the heading.
_PAGE_HEADING = re.compile(r"(?:^|(?<=[\n>»›：丨|\x21-\x7e]))([^\n。，；：>»›《》丨|\x00-\x1f\x21-\x7f]{0,60}?"
                           r"(?:[关關][于於](?:印[发發]\n)?(?=[^\n。，；>»›]{4})"
                           r"(?:[^\n。，；>»›《〈]|《[^《》\n]{1,80}》|〈[^〈〉\n]{1,80}〉){1,120}?的"
                           r"(?:[实實]施|指[导導]|若干)?(?:通知|通告|公告|[决決]定|意[见見]|批[复復覆]|[决決]议|[复復]?函)"
                           r"(?!" + _SECOND_ISSUED_TEXT.pattern + r")"
                           r"|(?:印[发發]|[转轉][发發])(?:《[^《》\n]{2,80}》[、和及与與]?){1,4}的通知))", re.M)
_SELF_NAMED_KINDS = ("令", "通告", "公告")
#: …a line of their own further down (跳转到内容|临海市…指挥部1号令, a news item's lead above 湖北省…指揮部通告),
#: a name and not a headline (…发布通告; an announcement of the text it issues is a name: …发布《X》的公告) or a
#: closing formula (特此通告), maybe after the site's label and
#: stamp in Latin letters and digits (最后更新：22-08-18 12:45:37 2022石柱…封山令: a repost's year is no part of it, a year
#: the name gives with its 年 is: 2019年某市…的通告; other
#: digits opening the name are: 365体育投注发布…的公告, where spam took the place of its 关于); never a breadcrumb, whose
#: last step may be a category of notices (某某官网>>官方公告).
_SELF_NAMED_LINE = re.compile(r"(?:[^\n]*[丨|»>›：:】])?"
                              r"(?:[\x20-\x7e]*(?:19|20)\d\d(?!年)|[\x20-\x7e]*[\x20-\x2f\x3a-\x7e])?"
                              r"((?![^\n]*(?:[发發]布(?![^\n]*[》〉]的)|特此))"
                              r"[^\n。，；：！？、>»›]{6,60})\s*")
#: …or a law database's title as the breadcrumb's last step, before the record's labels
#: (首页»法律资料网»法律法规»某市行政规章制定办法时间：…), of a regulation's kind: a news site's
#: headline in that place ends in 措施, 方案, 规划 more often than a page of rules does.
_CRUMB_TITLE = re.compile(r"[>»›]\s*([^>»›\n。，；：]{4,100}?)(?=\s*(?:作者|时间|来源|发布|浏览|阅读|\n))")
_CRUMB_KINDS = ("法", "条例", "规定", "办法", "细则", "规则", "决定", "令", "通告", "公告", "通知")
#: …but not a site's category of notices as that last step (呼和浩特某某官网>>官方公告, 首页>政府公告): a few characters
#: before the notice's word, no title.
_CRUMB_CATEGORY = re.compile(r"[^>»›\n]{0,4}(?:通告|公告|通知)")
#: …or a line of its own standing above the page's labels (热门站点|…|首页|铁路货物…管理办法|作者：…时间：…), the first maybe
#: in brackets (某市古树名木保护管理办法|[日期：2007-04-02] 来源：…); not a news headline that exclaims or asks
#: (4月15日至11月15日为禁牧期！某区最新公告|发布时间：…).
_LABELLED_TITLE = re.compile(r"(?:^|(?<=\n))([^>»›\n。，；：！？!?]{4,100}?)"
                             r"(?=\s*[\[【]?(?:作者|时间|日期|来源|发布机构|发布时间|发布日期)\s*[：:])", re.M)
#: What a notice issues: 《X》 in its title, the word before it (…关于印发《X》的通知, 关于颁发《X》的通知), the marks around it.
_ISSUED_TITLE, _ISSUES = re.compile(r"《[^《》]*》"), re.compile(r"(?:印|颁|頒)[发發]《?")
_ISSUED_TITLE_MARKS = re.compile(r"[《》〈〉]")


def _named_policy(extraction: Extraction, title: str, start: int, end: int | None = None) -> Entity | None:
    """The Policy entity a title standing at ``start`` (to ``end``, where the page printed less of it) names, made
    here if no recogniser took it; None when the title names no policy instrument. The text a notice issues is no part of its
    instrument (…关于印发《政策解读工作规范》的通知 is a notice, though a 解读 is none)."""
    broken = _about_broken_above(extraction, start)
    title, start = (extraction.document.text[broken:start] + title, broken) if broken < start else (title, start)
    canonical = canonical_policy_name(title)
    if not canonical or len(canonical) > 150 or policy_head(_ISSUED_TITLE.sub("", canonical)) is None:
        return None
    known = next((e for e in extraction.entities if e.type == "Policy" and e.name == canonical), None)
    return known or _new_policy(extraction, canonical, start, start + len(title) if end is None else end, 0.8)


def _about_broken_above(extraction: Extraction, start: int) -> int:
    """Where a title read from its 于 at ``start`` really starts: at its issuer's line right above, when the page
    broke the heading inside 关于 (國務院辦公廳關|於進一步…的意見), else ``start``."""
    text, offsets = extraction.document.text, _source_offsets(extraction.document)
    if text[start:start + 1] not in ("于", "於") or not _starts_line(text, start, offsets):
        return start
    above = _source_line_start(text, 0, start - 1, offsets)
    line = text[above:start].rstrip()
    issuer = _title_start(text, above, above + len(line), offsets) if line[-1:] in ("关", "關") else start
    name = text[issuer:above + len(line) - 1]
    return issuer if name and TITLE_ISSUER_END.search(name) and not _NOT_ISSUER_LINE.search(name) else start


#: The addressees of a notice: 各…： after a line break, a title (…》, 的通知) or, where the normaliser
#: joined the lines, at a line of the source (科工法字[2000] 851号|各军工集团公司，各省、自治区、直辖市…：).
_ADDRESSEE_LINE = re.compile(_ADDRESSED)


def addressee_level(text: str, offsets: Sequence[int] = ()) -> str | None:
    """The issuer's level its addressees (各…：, opening a line in the document's head) show."""
    line = next((m for m in _ADDRESSEE_LINE.finditer(text, 0, RECORD_SPAN)
                 if m.start() == 0 or text[m.start() - 1] in "\n》〉”" or text.endswith("的通知", 0, m.start())
                 or _starts_line(text, m.start(), offsets)), None)
    found = next(filter(None, (tier.search(line.group()) for tier in _ADDRESSEE_LEVEL)), None) if line else None
    return found.lastgroup if found else None


#: A site's posting line, which a page may print between a title and the bracket that dates it: its labels
#: (来源：, 发布时间：, 作者：) or the posting date in figures (2018-08-07 来源：教师司).
_POSTING_LINE = re.compile(r"来源|发布|时间|日期|作者|浏览|点击|(?:19|20)\d{2}-\d{1,2}-\d{1,2}")


#: The spaces and the one line break between a title and a bracket under it, maybe over a bilingual page's
#: translation of the title in a line of its own (…的决定|Decision of the Standing Committee …|（2023年12月29日…通过）).
_LINE_BREAK = re.compile(r"[ \t\u3000]*\n?[ \t\u3000]*(?:[A-Z][A-Za-z ,.'’&-]{5,300}?[ \t\u3000]*\n?[ \t\u3000]*(?=[（(]))?")


def _title_date(text: str, policy: Entity, offsets: Sequence[int]) -> str | None:
    """The date a decision or opinion prints in brackets under its title in the head (…的决定（2006年5月22日）),
    on its line or the next, under any of the page's copies of the title (a law database prints it as the page's,
    the record's and the document's own), maybe with the site's posting line between them (…的实施意见|2018-08-07
    来源：…|（2018年8月7日））."""
    titles = {text[m.start:m.end] for m in policy.mentions if m.start < HEAD_SPAN}
    ends = (m.end() for title in titles for m in re.compile(re.escape(title)).finditer(text, 0, HEAD_SPAN))
    brackets = ((DATELINE.match(text, _LINE_BREAK.match(text, end).end()), end) for end in ends)
    return next(filter(None, (_history_date(text, bracket) if bracket else _dated_under_posting_line(text, end, offsets)
                              for bracket, end in brackets)), None)


#: A law database's bracket under a title holding the document's number and the date it was issued, in figures or
#: in Chinese numerals: （国检监〔1989〕565号 一九八九年十月十六日）.
_DATE_AFTER_NUMBER = re.compile(r"[ \t\u3000]*(?:" + _DATE + "|" + _CHINESE_DATE + r")[ \t\u3000]*[）)]")


def _numbered_bracket_date(text: str, number: tuple[int, int, str] | None, offsets: Sequence[int]) -> str | None:
    """ISO date of the bracket opening a line of the source with the document's number (``number``: where it
    starts and ends) and closing after its date."""
    if number is None or text[number[0] - 1:number[0]] not in ("（", "(") or not _starts_line(text, number[0] - 1,
                                                                                           offsets):
        return None
    date = _DATE_AFTER_NUMBER.match(text, number[1])
    if date is None:
        return None
    if date.group(1):
        return _iso(*(int(g) for g in date.groups()[:3]))
    year = int("".join(str(_CHINESE_DIGIT[c]) for c in date.group(4)))
    return _iso(year, _chinese_number(date.group(5)), _chinese_number(date.group(6)))


def _dated_under_posting_line(text: str, end: int, offsets: Sequence[int]) -> str | None:
    """ISO date of the bracket opening a line of the source under a posting line that starts at ``end``."""
    bracket = DATELINE.search(text, end, end + _TITLE_LINE)
    if bracket is None or not (_starts_line(text, end, offsets) and _starts_line(text, bracket.start(), offsets)):
        return None
    between = text[end:bracket.start()]
    return _history_date(text, bracket) if _POSTING_LINE.search(between) and not _SENTENCE_MARK.search(between) else None


def issuing_notice(extraction: Extraction, head: Entity | None) -> Entity | None:
    """The notice that issues the document's own text, when the page prints its heading (…关于印发Y的通知
    over Y, the head): a Policy of its own (kind 通知), made here if no recogniser took it."""
    if head is None or policy_kind(head.name) == "通知":
        return None
    issued = _ISSUED_TITLE_MARKS.sub("", head.name)
    text, offsets = extraction.document.text, _source_offsets(extraction.document)
    # each line of the source read by itself too: the normaliser may have run the spam line above into it
    # (…国产精品自拍视频|国家林业局关于印发《X》的通知)
    headings = [*((m.start(1), m.group(1)) for m in _PAGE_HEADING.finditer(text, 0, HEAD_SPAN)),
                *((start + m.start(1), m.group(1)) for start, line in _head_lines(text, offsets)
                  if (m := _PAGE_HEADING.match(line)))]
    notice = next((_named_policy(extraction, title, start) for start, title in headings if _issues(title, issued)), None)
    if notice is None:
        broken = _broken_issuing_heading(extraction, issued)
        notice = _named_policy(extraction, broken[1], broken[0]) if broken else None
    if notice is None:
        cut = _cut_issuing_line(extraction, issued)
        notice = _named_policy(extraction, cut[2], cut[0], cut[1]) if cut else None
    if notice is None:
        bare = _bare_issuing_line(extraction, issued)
        notice = _named_policy(extraction, bare[1], bare[0]) if bare else None
    return _without_chrome(extraction, notice) if notice else _untitled_issuing_notice(extraction, head)


#: Where a body's issuing sentence ends: its paragraph's end.
_PARAGRAPH_END = re.compile(r"[^\n]*")


#: A clause that transmits the text it names rather than issuing it (《X》已经国务院同意，现转发给你们), and the bodies
#: that drafted that text, printed right before its 《 (财政部、发展改革委、人民银行《X》), whom its title names.
_TRANSMITS = re.compile(r"[转轉][发發]")
_DRAFTERS = re.compile(r"(?<=[\n：:。，])[\u4e00-\u9fff]{2,20}(?:、[\u4e00-\u9fff]{2,20})*$")


#: The verbs an order promulgates a text with.
_PROMULGATES = ("公布", "公佈", "发布", "發布")


def _untitled_issuing_notice(extraction: Extraction, head: Entity) -> Entity | None:
    """The notice a page without its title is, when its body issues the head (《X》…现印发给你们): named as such a
    notice is titled, 关于印发X的通知 (转发X的通知, with the bodies that drafted X, for one that transmits it), after its
    issuer when the page names it: its lead signer, when its foot signs it
    right under that paragraph (某县人民政府办公室|2018年10月18日: 某县人民政府办公室关于印发X的通知), else its record's
    发文机关. Nothing else names it: a number's code (永政办发) is an abbreviation the page does not spell out; nor
    is an order that promulgates the head (《X》已经…通过，现予公布) any such notice."""
    text, offsets = extraction.document.text, _source_offsets(extraction.document)
    issuing = next(filter(None, (_issuing_clause(text, mention) for mention in head.mentions)), None)
    if issuing is None or text[issuing[1] - 2:issuing[1]] in _PROMULGATES:
        return None
    paragraph_end = _PARAGRAPH_END.match(text, issuing[1]).end()
    signature = _signature(text, offsets, paragraph_end)
    record = record_field(text, RECORD_ISSUER, offsets)
    signer = record[1].split()[0] if record and record[1] else ""
    if signature and not text[paragraph_end:signature[0][0][0]].strip():
        signer = text[slice(*signature[0][0])]
    title = f"关于印发{head.name}的通知"
    if _TRANSMITS.search(text, *issuing):  # 现转发给你们: a notice transmitting X is titled 转发X的通知
        drafters = _DRAFTERS.search(text, max(0, issuing[0] - 40), issuing[0])
        title = f"转发{drafters.group() if drafters else ''}{head.name}的通知"
    notice = _new_policy(extraction, canonical_policy_name(signer + title), *issuing, 0.6)
    if signer:
        notice.aliases.append(canonical_policy_name(title))
    return notice


#: A line of the head that is a notice's heading cut before its 的通知: its issuer's name, 关于印发 and the title it
#: issues (山西省人民政府办公厅关于印发山西省…工作方案).
_CUT_ISSUING_LINE = re.compile(r"[\u4e00-\u9fff]{2,60}?[关關][于於]印[发發][^\n。，；：！？]{2,120}")


def _head_lines(text: str, offsets: Sequence[int]) -> Iterable[tuple[int, str]]:
    """(where it starts, the line) of each line of the source in the head, white space cut from its end."""
    starts = _line_starts(text, _head_start(text), min(HEAD_SPAN, len(text)), offsets)
    for start, end in zip(starts, [*starts[1:], min(HEAD_SPAN, len(text))]):
        yield start, text[start:end].rstrip()


def _lines_from(text: str, offsets: Sequence[int], begin: int) -> list[tuple[int, str]]:
    """(where it starts, the line as printed) of each line of the source from ``begin`` to the head's end (measured from
    its first Chinese line: a repost's lines of bare markup above it are no part of it)."""
    end = min(_head_end(text), len(text))
    starts = _line_starts(text, begin, end, offsets)
    return [(start, text[start:stop]) for start, stop in zip(starts, [*starts[1:], end])]


def _broken_issuing_heading(extraction: Extraction, issued: str) -> tuple[int, str] | None:
    """(where it starts, the heading) of a notice's heading issuing ``issued`` (the head's name without its title
    marks) that the page broke over lines where a line ran full, right above its number (珠海市人民政府关于印发珠海市|
    建设国际化营商环境实施方案的通知|珠府〔2024〕32号) or its addressees: no line of it is a heading by itself."""
    text, offsets = extraction.document.text, _source_offsets(extraction.document)
    begin, number = _head_start(text), number_in_head(text, offsets)
    over_number = _heading_ending_at(text, offsets, begin, number[0]) if number else None
    for found in (over_number, _heading_broken_over_lines(text, offsets, begin)):
        if found and _issues(found[1], issued):
            return found[0], found[1].rstrip()
    return None


def _issues(heading: str, issued: str) -> bool:
    """``heading`` is that of a notice issuing ``issued`` (a name without its title marks): 关于印发《X》的通知 issues X."""
    return bool(_ISSUES.search(heading)) and issued in _ISSUED_TITLE_MARKS.sub("", canonical_policy_name(heading))


def _cut_issuing_line(extraction: Extraction, issued: str) -> tuple[int, int, str] | None:
    """(where it starts and ends, the heading) of a line of the source in the head that issues ``issued`` (the head's
    name without its title marks) under a heading cut before its 的通知, if the page prints one; a heading the page
    cut off with an ellipsis inside the title it issues (…关于印发某市城市供热管理办...) is that notice's heading,
    completed with the rest of ``issued`` and 的通知."""
    for start, printed in _head_lines(extraction.document.text, _source_offsets(extraction.document)):
        mark = _CUT_OFF_MARK.search(printed)
        shown = printed[:mark.start()] if mark else printed
        line = _CUT_ISSUING_LINE.fullmatch(shown)
        if not line or not _issuing_heading_cut(shown):
            continue
        name = _ISSUED_TITLE_MARKS.sub("", canonical_policy_name(shown))
        if name.endswith(issued):
            return start, start + len(shown), shown
        opened = _ISSUES.search(name, _ABOUT.search(name).end())
        if mark and opened and len(name) > opened.end() and issued.startswith(name[opened.end():]):
            return start, start + len(shown), name[:opened.end()] + issued + "的通知"
    return None


#: A notice's heading printed without its issuer and 关于, on a line of its own: 印发X的通知 (颁发《X》的通知).
_BARE_ISSUING_LINE = re.compile(r"(?:印|颁|頒)[发發]([^\n。，；：！？]{2,120}?)的通知")


def _bare_issuing_line(extraction: Extraction, issued: str) -> tuple[int, str] | None:
    """(where it starts, the heading) of a line of the source in the head that is a heading without issuer or 关于
    issuing ``issued`` (the head's name without its title marks), printed as it stands: a page that prints no
    issuer there is not given one."""
    for start, printed in _head_lines(extraction.document.text, _source_offsets(extraction.document)):
        line = _BARE_ISSUING_LINE.fullmatch(printed)
        if line and _ISSUED_TITLE_MARKS.sub("", canonical_policy_name(line.group(1))) == issued:
            return start, line.group()
    return None


def adopting_body(text: str, offsets: Sequence[int] = ()) -> str | None:
    """The body named on the date line (河南省第十三届人民代表大会常务委员会第二十一次会议) or on the
    provenance line under a regulation's title ((2003年7月18日河北省第十届人民代表大会常务委员会第四次会议通过):
    a city's regulation that its province approved is the city's)."""
    provenance = next((m for m in PROVENANCE_LINE.finditer(text) if _starts_line(text, m.start(), offsets)), None)
    match = min(filter(None, (DATE_LINE.search(text), provenance)), key=re.Match.start, default=None)
    return match.group(4) if match else None


def _issuer_names(policy: Entity, extraction: Extraction, head: Entity | None,
                  citations: list[tuple[int, int, Entity]], simplified: str) -> Iterable[str]:
    """Who issued it, most telling first: for the document's own policy the body that adopted it
    (a 条例 of 郑州航空港… adopted by 河南省人大 is provincial), the issuer's line under its title and its
    record table's publisher, then its title (and its heading under its issuer's line) and issued_by, then the
    lead signer at its foot (对…实施交通管制的通告 signed 某市公安局), and last the text a notice without its issuer's name issues
    (关于印发喀什地区…办法的通知: its issuer's region). ``citations``: the document's policy titles
    (_citations)."""
    body = adopting_body(extraction.document.text, _source_offsets(extraction.document)) if policy is head else None
    if body:
        yield body
    if policy is head:
        yield from _issuer_lines(extraction, policy)
        record = record_field(extraction.document.text, RECORD_ISSUER, _source_offsets(extraction.document))
        if record and record[1]:  # the field's value runs on to the row's next label
            yield record[1].split()[0]
        cell = None if record else record_field(extraction.document.text, RECORD_ISSUER_CELL,
                                                 _source_offsets(extraction.document))
        if cell and cell[1]:
            yield _CELL_END.split(cell[1], maxsplit=1)[0]
    yield policy.name
    if policy is head:  # 关于…的通告 printed under its issuer's line (某县人民政府|关于…的通告)
        yield from _own_headings(extraction, policy, simplified)
    for relation in extraction.relations:
        if relation.head == policy.iri and relation.relation == "issued_by":
            issuer = extraction.entity(relation.tail)
            if issuer is not None and not _named_only_in_other_titles(issuer, policy, citations):
                yield issuer.name
    yield from _issuers_in_sentences(extraction.document.text, policy)
    if policy is head:
        text, offsets = extraction.document.text, _source_offsets(extraction.document)
        lead = _LEAD_ISSUED.match(text, _head_start(text))
        if lead and _ends_line(text, lead.end(), offsets) and policy.name in (
                canonical_policy_name(title) for title in _QUOTED_TITLE.findall(lead.group(2))):
            yield lead.group(1)
        document = extraction.document
        signature = _signature(document.text, _source_offsets(document))
        if signature:  # its lead signer
            yield document.text[slice(*signature[0][0])]
        else:
            undated = _UNDATED_SIGNER.search(document.text) or _SIGNER_OVER_CHINESE_DATE.search(document.text)
            if undated:
                yield undated.group(1)
    issued = _ISSUES.search(policy.name)
    if issued:
        yield policy.name[issued.end():]


#: A repost's headline opening the page, saying which place issued the page's text (南京印发《X》和《Y》): that place
#: is its issuer's region.
_LEAD_ISSUED = re.compile(r"[ \t\u3000]*([\u4e00-\u9fff]{2,10}?)(?:印发|印發)((?:《[^《》\n]{2,120}》[和、及与]?)+)")
_QUOTED_TITLE = re.compile(r"《([^《》]{2,120})》")


#: A foot that prints no date of a day: the signing bodies alone on the line closing the text (the lead one
#: first, joint ones after 、), right over the site's controls (…集市贸易活动。|某市水利局|关闭 打印, 【打印】【关闭】,
#: 上一篇：…) or over (or joined to) a date of a month only closing the page (特此通告。|某市公安局、某市交通局|2021年9月).
_UNDATED_SIGNER = re.compile(r"^[ \t\u3000]*(" + _SIGNING_BODY.pattern + r")(?:[、 \t\u3000]+" + _SIGNING_BODY.pattern
                             + r")*(?:[ \t\u3000]*\n[ \t\u3000]*[【\[]?(?:关闭|打印|上一篇|返回)"
                             r"|\s*(?:19|20)\d\d[ \t\u3000]*年[ \t\u3000]*\d{1,2}[ \t\u3000]*月\s*\Z)", re.M)
#: A foot dated in Chinese numerals closing the text, which the signature (dated in figures) does not read: the
#: signing bodies on lines of their own over the date (特此通告。|某县交通运输局|某县公安局交通警察大队|二零二零年四月十日).
_SIGNER_OVER_CHINESE_DATE = re.compile(r"^[ \t\u3000]*(" + _SIGNING_BODY.pattern + r")(?:[、 \t\u3000]*\n?[ \t\u3000]*"
                                       + _SIGNING_BODY.pattern + r")*[ \t\u3000]*\n[ \t\u3000]*" + _CHINESE_DATE
                                       + r"[ \t\u3000]*。?\s*\Z", re.M)


#: A body a sentence says issued a text, right before it: 。市人民政府办公室印发了《X》, 国务院办公厅印发的《X》.
_ISSUED_BY_SENTENCE = re.compile(r"(?:^|(?<=[\n。，；：！？）)]))([\u4e00-\u9fff]{2,30}?)印[发發][了的]?《$")


def _issuers_in_sentences(text: str, policy: Entity) -> Iterable[str]:
    """The bodies the text says issued ``policy`` in a sentence opening with them (市人民政府办公室印发了《X》)."""
    for mention in policy.mentions:
        said = _ISSUED_BY_SENTENCE.search(text, max(0, mention.start - 40), mention.start)
        if said and TITLE_ISSUER_END.search(said.group(1)):
            yield said.group(1)


#: The number a citation gives in brackets after the title it quotes: 《…的通知》（市委办发〔2017〕2号）.
_NUMBER_AFTER_TITLE = re.compile(r"[》〉]?[（(][^（）()\n]{2,30}?[号號][）)]")


def _citations(extraction: Extraction) -> list[tuple[int, int, Entity]]:
    """(start, end, policy) of each policy title the document prints, with the number cited after it
    (《…的通知》（市委办发〔2017〕2号）): read once, not once per issuer asked about."""
    text = extraction.document.text
    citations = []
    for policy in (e for e in extraction.entities if e.type == "Policy"):
        for title in policy.mentions:
            number = _NUMBER_AFTER_TITLE.match(text, title.end)
            citations.append((title.start, number.end() if number else title.end, policy))
    return citations


def _named_only_in_other_titles(body: Entity, policy: Entity, citations: list[tuple[int, int, Entity]]) -> bool:
    """Whether every mention of ``body`` stands inside another policy's title or the number cited after it
    (根据《中共某市委办公厅、某市人民政府办公厅印发…的通知》（市委办发〔2017〕2号）…): the body issued that
    document, not ``policy``."""
    return all(any(start <= m.start and m.end <= end for start, end, other in citations if other is not policy)
               for m in body.mentions)


def _issuer_lines(extraction: Extraction, policy: Entity) -> Iterable[str]:
    """The issuer a law database prints on a line of its own under a copy of the title
    (海洋预报业务管理暂行规定|国家海洋局|海洋预报业务管理暂行规定, …的通知|财政部 国家发展和改革委员会 …)."""
    text, offsets = extraction.document.text, _source_offsets(extraction.document)
    for title in {text[m.start:m.end] for m in policy.mentions if m.start < RECORD_SPAN}:
        for copy in re.compile(re.escape(title)).finditer(text, 0, RECORD_SPAN):
            start = copy.end() + (text.startswith("\n", copy.end()))
            if not _starts_line(text, start, offsets):
                continue
            end = next((i for i in range(start + 1, min(start + _TITLE_LINE, len(text)))
                        if _starts_line(text, i, offsets)), start)
            line = text[start:end].strip()
            if 2 <= len(line) and not _NOT_ISSUER_LINE.search(line) and TITLE_ISSUER_END.search(line) and (
                    policy_head(line) is None):
                yield line


#: A breadcrumb's first step when it names the site's body: 当前位置：宜兴市人民政府>政府信息公开>… (當前位置 too).
_SITE_CRUMB = re.compile(r"(?:当前位置|當前位置|您的位置|您现在的位置)[：:]\s*([^>»›\n]{2,30}?)\s*[>»›]")
#: …or the site's greeting opening the page: • 欢迎访问常州市金坛区人民政府网站! (歡迎訪問 too).
_SITE_WELCOME = re.compile(r"[•·\s]*(?:欢迎访问|歡迎訪問|欢迎来到|歡迎來到)\s*([\u4e00-\u9fff]{2,30}?)(?:门户|門戶)?(?:网站|網站)")


def masthead_level(extraction: Extraction, reference: Reference) -> str | None:
    """The level of the body whose name alone is the page's first line (新疆维吾尔自治区民政厅|政府信息公开|
    关于…的批复), the first step of the breadcrumb opening it (当前位置：宜兴市人民政府>…>市政府文件) or the body its
    greeting names (欢迎访问某市某区人民政府网站!): the site of a government or of one of its departments, which
    publishes its own level's documents (a county-level city's department says 我市 too)."""
    text, offsets = extraction.document.text, _source_offsets(extraction.document)
    begin = _head_start(text)
    crumb = _SITE_CRUMB.match(text, begin) or _SITE_WELCOME.match(text, begin)
    end = next((i for i in range(begin + 1, min(begin + _TITLE_LINE, len(text))) if _starts_line(text, i, offsets)),
               begin)
    line = crumb.group(1) if crumb else text[begin:end].strip()
    masthead = not _NOT_ISSUER_LINE.search(line) and TITLE_ISSUER_END.search(line)
    return issuer_level(line, reference) if masthead else None


#: The source a site's posting line names (来源：宣城市发改委 作者：…).
_SOURCE_FIELD = re.compile(r"(?:来源|來源)[：:][ \t\u3000]*([\u4e00-\u9fff]{2,30})")


def source_level(extraction: Extraction, policy: Entity, reference: Reference) -> str | None:
    """The level of the government body the site's posting line right under the heading names as the page's
    source (关于…的通知|来源：宣城市发改委 作者：… 发表时间：…): a notice naming no issuer is its publisher's."""
    text = extraction.document.text
    mention = next((m for m in policy.mentions if m.start < HEAD_SPAN), None)
    source = _SOURCE_FIELD.search(text, mention.end, mention.end + _TITLE_LINE) if mention else None
    body = reference.simplified(source.group(1)) if source else ""
    return issuer_level(body, reference) if TITLE_ISSUER_END.search(body) else None


#: The body a notice's framing sentence says decided it (经市城市管理委员会研究决定，…现将有关事项通告如下): its issuer.
_DECIDED_BY = re.compile(r"经([\u4e00-\u9fff]{2,30}?)(?:研究|同意|批准)*决定")


def framed_kind(text: str) -> str | None:
    """The kind a document whose name does not say it states in its own words (现将有关事项通告如下, 特此公告)."""
    frame = _NOTICE_FRAME.search(text, 0, RECORD_SPAN)
    return (frame.group(1) or frame.group(2)) if frame else None


def deciding_level(text: str, reference: Reference) -> str | None:
    """The level of the body a notice naming no issuer says decided it, in the sentence that frames it
    (经市城市管理委员会研究决定，…现将有关事项通告如下: a city's), the body named in full or by its level's word."""
    frame = _NOTICE_FRAME.search(text, 0, RECORD_SPAN)
    if frame is None or frame.group(1) is None:
        return None
    sentence = max(text.rfind("。", 0, frame.start()), text.rfind("\n", 0, frame.start())) + 1
    decided = _DECIDED_BY.search(text, sentence, frame.start())
    body = decided.group(1) if decided and TITLE_ISSUER_END.search(decided.group(1)) else None
    return (issuer_level(body, reference) or bare_level(body, reference)) if body else None


def _own_headings(extraction: Extraction, policy: Entity, simplified: str) -> list[str]:
    """The document's own heading (or its issuing notice's) where the page also prints it on a line
    of its own without the words before its 关于, a news site's place (新乡某市关于实施交通管制的通告|…|
    关于实施交通管制的通告) or the issuer's line above it (某市人民政府办公室|关于印发…的通知): another name of it,
    and so is that line with its issuer's line above it, the red header's full title (桂东县关于…的通告, a
    headline, over 桂东县人民政府|关于…的通告; 关于…的通告 under 桂东县人民政府); and so is a copy whose line
    opens with another spelling of its issuer (a site's title 发展改革委关于…的通知 over the document's own
    heading 国家发展改革委关于…的通知). Looked for in ``simplified``, the text in simplified characters, as the policy is
    named: a traditional page prints its heading in its own script (永州市財政局|關于下達…的通知)."""
    text, offsets = simplified, _source_offsets(extraction.document)
    about = _ABOUT.search(policy.name)
    own = policy.name[about.start():] if about else None
    printed = [m.start() for m in re.finditer(re.escape(own), text[:_head_end(text)])] if own else []
    lines = [line for line in (_line_behind_filler(text, start, offsets) for start in printed) if line is not None]
    names = []
    for line in lines:  # each copy: a site's title over the document's own heading under its issuers' line
        issuer = canonical_policy_name(text[_under_issuer_lines(text, _head_start(text), line, offsets):line])
        names += [own, issuer and issuer + own]
    names += [issuer + own for issuer in (_issuer_opening_its_line(text, start, offsets) for start in printed) if issuer]
    return [name for name in dict.fromkeys(names) if name and name != policy.name]


#: How many characters a heading printed again shares with the site's title of the notice at its start and at its end.
_SAME_OPENING, _SAME_ENDING = 4, 6
#: A plan's period in brackets on a line of its own under its heading: （2018-2020年）.
_PERIOD_LINE = re.compile(r"[ \t\u3000]*([（(]\d{4}[ \t\u3000]*[—–\-－~～至]+[ \t\u3000]*\d{4}[ \t\u3000]*年?[）)])\s*")


def _heading_printed_again(extraction: Extraction, policy: Entity) -> str | None:
    """The notice's own heading on a line of its own under the site's title of it (a posting stamp between),
    worded a little otherwise (2019年某市马拉松赛部分路段…的通告|2019年05月10日|2019年某市“马拉松赛事”期间对部分
    路段…的通告), or a plan's heading with its period on the line under it (a news lead's 《某市…行动计划(2018—2020年)》
    over 某市…行动计划|(2018-2020年)): another name of it, of the same kind, opening and ending as the title does."""
    text, offsets = extraction.document.text, _source_offsets(extraction.document)
    mention = next((m for m in policy.mentions if m.start < HEAD_SPAN), None)
    if mention is None:
        return None
    starts = _line_starts(text, mention.end, min(HEAD_SPAN, len(text)), offsets)
    for a, b, c in zip(starts, starts[1:], [*starts[2:], min(HEAD_SPAN, len(text))]):
        line = _SELF_NAMED_LINE.fullmatch(text, a, b)
        if line is None:
            continue
        period = _PERIOD_LINE.fullmatch(text, b, c)
        name = canonical_policy_name(line.group(1) + (period.group(1) if period else ""))
        if (name != policy.name and policy_kind(name) == policy_kind(policy.name)
                and len(commonprefix([name, policy.name])) >= _SAME_OPENING
                and len(commonprefix([name[::-1], policy.name[::-1]])) >= _SAME_ENDING):
            return name
    return None


#: An issuer's name as a heading's line opens with it: Chinese characters only.
_CHINESE_NAME = re.compile(r"[\u4e00-\u9fff]{2,60}")


def _issuer_opening_its_line(text: str, start: int, offsets: Sequence[int]) -> str | None:
    """The issuer's name standing alone before ``start`` on its line of the source (国家发展改革委|关于…), if so:
    Chinese only (a site's label before it, 【工信部政策】, 内容概况 市政府, is none)."""
    before = text[_source_line_start(text, 0, start, offsets):start].strip()
    issuer = _CHINESE_NAME.fullmatch(before) and TITLE_ISSUER_END.search(before)
    return before if issuer and policy_head(before) is None else None


#: What a forum's anti-scraping filler leaves before a heading on its line: no Chinese (`* Q, x% {8 l关于…).
_FILLER = re.compile(r"[^\u3400-\u9fff\n]*")


def _line_behind_filler(text: str, start: int, offsets: Sequence[int]) -> int | None:
    """Where the line of the source holding ``start`` opens, when only filler stands before ``start`` on it."""
    line = _source_line_start(text, 0, start, offsets)
    return line if _FILLER.fullmatch(text, line, start) else None


def _from_its_issuer(number: str | None, head: Entity) -> str | None:
    """An announcement's number from its issuer's name on, the issuer its title names before 关于: a
    site's category word run into it is none of it (法规国家税务总局公告2018年第58号, 国家税务总局关于…的公告)."""
    about = _ABOUT.search(head.name)
    issuer = head.name[:about.start()] if about else ""
    at = number.find(issuer) if number and issuer else -1
    return number[at:] if at > 0 else number


def _with_its_signer(extraction: Extraction, policy: Entity) -> str | None:
    """The name of a heading without its issuer (关于印发《X》的通知, an attachment's name the page prints) with its
    lead signer's before it, as the signer titles it (某市农业农村局关于印发《X》的通知); None if the page signs nothing."""
    if not _ABOUT.match(policy.name):
        return None
    signature = _signature(extraction.document.text, _source_offsets(extraction.document))
    return canonical_policy_name(extraction.document.text[slice(*signature[0][0])] + policy.name) if signature else None


#: An order's or announcement's place in its series, printed after its name, in brackets or not, maybe in its year's
#: series (…办公室公告（第7号）, …指挥部通告第14号, 某局公告 2026 年第 2 号).
_SERIES_YEAR = r"(?:(?:19|20)\d{2}\s*年\s*)?"
_BRACKETED_SERIAL = re.compile(r"[ \t\u3000]*(?:[（(]\s*" + _SERIES_YEAR + _SERIAL + r"\s*[）)]|" + _SERIES_YEAR + _SERIAL + ")")


def _with_its_serial(extraction: Extraction, policy: Entity) -> str | None:
    """The name of an order or announcement with its place in the series it was printed with (沈阳市…办公室公告 →
    沈阳市…办公室公告（第7号）, 某县…指挥部通告第14号), as a page titles it; None if none follows it in the head."""
    text = extraction.document.text
    serial = next(filter(None, (_BRACKETED_SERIAL.match(text, m.end) for m in policy.mentions if m.start < HEAD_SPAN)),
                  None)
    return canonical_policy_name(policy.name + serial.group().strip()) if serial else None


#: A title's last bracket, which may hold the document's own number (征收土地预公告（昌政征启公告〔2024〕05号）).
_LAST_BRACKET = re.compile(r"[（(]([^（）()]+)[）)]$")


def _without_its_number(title: str) -> str | None:
    """The title without the bracket holding its own number it was printed with, as it is cited
    (征收土地预公告（昌政征启公告〔2024〕05号） → 征收土地预公告); None if it holds none."""
    bracket = _LAST_BRACKET.search(title)
    number = number_in_head(bracket.group(1)) if bracket else None
    return title[:bracket.start()] if number and number[:2] == (0, len(bracket.group(1))) else None


#: An order's number, which opens with its issuer's name in full: 交通运输部令2021年第2号, 某市人民政府令第5号.
_ORDER_ISSUER = re.compile(r"([\u4e00-\u9fff]{2,30}?)令")


def _order_issuer_level(number: str, reference: Reference) -> str | None:
    """The level of the body an order's own number names (民用航空…管理规定|文號：交通運輸部令2021年第2號 is a
    ministry's): a 规定 promulgated by an order names its issuer nowhere else but in the signer's post."""
    order = _ORDER_ISSUER.match(reference.simplified(number))
    return issuer_level(order.group(1), reference) if order else None


def add_policy_facts(extraction: Extraction, reference: Reference) -> None:
    """Set number, date, kind, level and period on the Policy entities of ``extraction``."""
    text = extraction.document.text
    simplified = reference.simplified(text)  # a page in traditional characters: 各鄉鎮人民政府, 我縣
    self_level = next((level for word, level in SELF_REFERENCE_LEVEL if word in simplified), None)
    head = head_policy(extraction)
    notice = issuing_notice(extraction, head)
    citations = _citations(extraction)
    for policy in (e for e in extraction.entities if e.type == "Policy"):
        kind = policy_kind(policy.name)
        period = policy_period(policy.name)
        issuers = list(_issuer_names(policy, extraction, head, citations, simplified))
        level = next(filter(None, (issuer_level(name, reference) for name in issuers)), None)
        if level is None and policy is head:
            # the body the page's head names alone before the words its text speaks of its place with: a
            # county-level city says 全市 too (富阳市人民政府办公室|…|为全市经济社会发展…)
            level = (addressee_level(simplified, _source_offsets(extraction.document))
                     or masthead_level(extraction, reference) or source_level(extraction, policy, reference)
                     or deciding_level(simplified, reference) or self_level)
        level = (level or next(filter(None, (bare_level(name, reference) for name in issuers)), None)
                 or _central_subject_level(policy.name))
        if kind is None and policy is head:
            kind = framed_kind(text)
        facts = {"kind": kind, "level": level, "period": period}
        policy.attributes.update({key: value for key, value in facts.items() if value})
    if head is None:
        return
    for own in filter(None, (head, notice)):
        names = [*_own_headings(extraction, own, simplified), _without_its_number(own.name), _with_its_serial(extraction, own),
                 _heading_printed_again(extraction, own), _with_its_signer(extraction, own)]
        own.aliases += [name for name in names if name and name not in own.aliases]
    if notice is not None and "level" not in notice.attributes and "level" in head.attributes:
        notice.attributes["level"] = head.attributes["level"]  # the text it issues is its issuer's
    extraction.document_policy = head.iri
    offsets = _source_offsets(extraction.document)
    number = _from_its_issuer(document_number(text, offsets) or record_number(text, offsets), head)
    # the bracket under the title of a text a notice issues dates its adoption, not the notice (…工作规则|（2013年6月17日
    # …常务会议通过）, the notice signed 2013年7月2日)
    title_date = _title_date(text, head, offsets) if notice is None or notice is head else None
    date = (title_date or _numbered_bracket_date(text, number_in_head(text, offsets), offsets)
            or issue_date(text, offsets)
            or _iso_date(METADATA_DATE.search(text, 0, RECORD_SPAN)) or _signed_date(text, offsets)
            or _reported_issue_date(text, head)
            # the page printing the document's own number is the document's: the site's posting date, its last resort;
            # not an interpretation's, which quotes the number (文号：…) but was posted on a day of its own
            or (_iso_date(POSTING_DATE.search(text, 0, RECORD_SPAN)) if number and not _interpretation(text, offsets)
                else None))
    if number:
        head.attributes["number"] = number
        if "level" not in head.attributes:
            level = _order_issuer_level(number, reference)
            if level:
                head.attributes["level"] = level
    if date:
        head.attributes["date"] = date
