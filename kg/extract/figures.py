"""Quantitative targets and reported figures: 到2023年，智能传感器主营业务收入达到300亿元.

A figure is a number with a unit in one clause (the text between ，；。： and line breaks).

Its year is the nearest year before it in the sentence (到2025年 makes it a target, a bare 2020年
a reported value), else the 到YYYY年 that opened the current section (the bullets under 发展目标
inherit it; under a goals heading, （二）主要目标, the 到YYYY年 a sentence names anywhere), else the
year of the heading its section is under (a work report's 二、2024年主要任务: targets; 2023年工作回顾:
reported values; 2018年：铆足干劲抓落实, a slogan, reviews its year when a later heading names a later
year; a title 2023年…统计公报 dates a whole report), else, for a breakdown (其中，农业增加值52亿元) or a
clause the sentence before ended at ；, that sentence's year. 今年, 去年, 明年, 目前, 已累计 and 未来五年 count
from that heading's year, else from the document's date (its policy's date of issue, else a news
page's dateline 《人民日报》（2025年07月02日第 18 版）, else the date a web page prints in its head,
国家统计局 2024-10-18 10:15); 未来三年 after a named year counts from that
year. A year compared with (比2019年同期高0.3个百分点) is not the year of the values after it. In a
news report on a part of a year (上半年, 一季度), the year the text gives that part once (2021年上半年)
dates the figures that name the part, and all when its title names it (南京以7622.77亿元位居第六) or
an undated text's lead names it without its year (年初以来…首季: the latest year the text names); an
undated report whose lead opens with a year (2014年，全市上下…) is that year's, and a firm's 报告期
the year of the annual report it is on (发布2024年财报). A five-year plan's table of indicators
(“十四五”时期主要指标) is of the period's last year.
到2015年和2020年分别…A和B pairs the values with the years. A clause speaking of the present
(现有, 拥有) takes its year only from itself: 2012年获批…，现有企业218家 is no 2012 figure. Figures
without a year are left out, as are a subsidy ceiling (最高500万元), a qualifier (收入过200亿元的集群)
and a starting value (由14%降至12%); an allowance paid out in total (落实各类农业补贴1.8亿元) is a
figure.

Its subject is the region, or the industry or firm with a measure of it, named last before it in
the clause and before a share's 占 (占江苏省电子信息产业产值的18%: the whole is no subject) and not
as a market (美国市场占比12%), or the zone, airport or port the clause opens with in full where the recogniser missed
it (哈大齐国家自主创新示范区新增…, 张家港港完成货物吞吐量…), or the subsidiary a firm's stem and a trade word name
(海康机器人营收…); else the city or province 全市/全省 stands for, and no other place
when there is none; else the subject of the figure before it in the sentence (A率达到30%，B率达到60%);
else the place or firm the sentence names last outside a location phrase (位于四川省成都市, 支援湖北)
or a comparison (在全国处于前列, 高出上海), else the one its paragraph opens with (a news paragraph on
one park; 宝武：… for 中国宝武), else the place of the paragraph's figure before it (in a text speaking
for its region, only a place inside it), else the product its numbered item is titled with
(（六）智能语音交互系统。), else the region the document speaks for (when it says 全市, 全省 or 全县, or its speaker is a city's or
province's government, 我代表市人民政府: the one of that level holding the places it names, or whose
name it uses most, even inside other names, made an entity when the recogniser missed it, and a
city it never names as it calls itself, 我市, and 中国 for a text speaking as 全国 that never names it; a firm's results news whose title names the firm: that
firm; in a text speaking for no region, the industry or firm it names again and again: 建材工业,
东方财富证券), else its policy. A firm or a zone spoken of without its name (公司产值增长30%,
2002年高新区完成…150亿元；实现…) gives no figure to anyone else. Several figures in one clause
(工业总产值269亿元、营业收入289亿元) each have their own indicator; the values after 分别 are of the
names the sentence lists before it, in order, else, when the sentence gave each name a value of its own
before (A实现营收3.21万亿元，B实现营收3.01万亿元，较2022年分别下降3.19%和7.04%), the changes of those; one value
said of firms listed with 均 (中国工商银行、中国建设银行均以超3000亿元的净利润稳居前两名) is each one's, and a value a
firm is ranked by (晶科能源以74.4亿元的净利润排名第一) is that measure's. A firm's results table (项目|本报告期|上年同期|增减变动幅度(%)|…)
is read by its cells: each row's value of the report's year, of the year before, and its change in %.
A place opening a firm's short name (贵州|茅台 where the text names 贵州茅台酒股份有限公司) is that firm; one opening a
traded market's name (中国|小商品城) names no subject; a product line in a paragraph breaking a firm's results down
(分业务看，…全年锂离子电池销量390GWh) is the firm's, not its sector's.
"""
from __future__ import annotations

import os
import re
from bisect import bisect_left, insort
from collections import Counter
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cached_property, lru_cache
from typing import Any, Iterable, NamedTuple, Sequence

from kg.extract.candidates import ZONE_LEVELS, Covers
from kg.extract.lexicon import ENTERPRISE_SUFFIXES, PERSON_TITLES, WORKS_SUFFIXES
from kg.extract.names import FIRM_RANKS, may_name_a_listed_firm, word_tag
from kg.extract.prefix_matches import PrefixMatches
from kg.extract.word_counts import WordCounter
from kg.extract.policy_facts import dateline_date
from kg.ingest.headings import SECTION_HEADING, heading_rank, year_heading
from kg.model import Entity, Extraction, Figure, Mention, Sentence
from kg.reference import RefEntry, Reference
from kg.segmenter import cut_without_hmm
from kg.vocab import entity_iri

#: Counted or measured things; each also with 万 and 亿 before it (万吨, 亿台), and with 多 or 余
#: after those (1万多户: more than 1万户).
_BASE_UNITS = ("元", "美元", "千瓦", "千瓦时", "吨", "吨标准煤", "平方米", "平方公里", "公里", "立方米", "公顷", "亩", "家", "个", "项", "名", "人",
               "人次", "户", "台", "辆", "座", "盏", "股", "套", "件", "张", "部", "艘", "标箱", "例", "列", "宗", "头", "只",
               "株", "斤", "公斤", "千克", "担", "岁", "颗", "场次", "场", "种", "份", "架", "处", "块", "栋", "车次",
               "艘次", "架次", "航次", "标准箱", "羽", "位",  # 羽: poultry, as bulletins count it (出笼家禽393.53万羽)
               "枚",  # medals (获亚洲级以上大赛金牌33枚)
               "间",  # rooms (改造提升1.7万间中小学教室照明)
               "支",  # teams and funds (引进24支乡建乡创团队, 落地国家级大基金35支)
               "起",  # events (发生安全生产事故3起, 完成并购重组397起)
               "P",  # computing power in PFLOPS (建成智能算力超4.8万P), only where no letter goes on (_values: not 10PB)
               "片",  # panels, wafers and tablets (液晶显示屏2.88亿片), only where no word goes on (_values: not 3片区)
               "千升")  # liquor by volume, as a 白酒 county's bulletin gives its output (白酒企业实现产量28.45万千升)
#: Computing power in floating-point operations a second, as its prefix scales them.
_COMPUTING_POWER = ("EFLOPS", "PFLOPS", "TFLOPS", "EFlops", "PFlops", "TFlops")
#: Units, longest first, as they follow a number.
UNITS: tuple[str, ...] = tuple(sorted(
    {prefix + more + unit for unit in _BASE_UNITS for prefix in ("", "万", "亿")
     for more in (("", "多", "余") if prefix else ("",))}
    | {"万亿元", "万亿美元", "万亿千瓦时", "所", "条", "口", "倍", "个百分点", "个千分点", "万亿", "亿", "万", "%", "％", "‰", "微克", "天",
       "千公顷",  # a statistics bulletin's unit of sown area (粮食播种面积85.76千公顷)
       "万度", "亿度", "万方", "亿方",  # electricity in 度 (绿电输出345亿度), gas or concrete in 方 (天然气产能22亿方)
       "对",  # pairs (国际友城达到96对), only where no word goes on from it (_values: not 1对1, 对白)
       "分/千瓦时",  # a power price in cents (平均电价下降5分/千瓦时; a bare 分 is a score's or a minute's)
       # power and energy as the energy trade writes them (单晶硅片出货量125.42GW, 动力电池产能达到350吉瓦时)
       "GW", "GWh", "MW", "MWh", "吉瓦", "吉瓦时", "兆瓦", "兆瓦时",
       # computing power as a plan writes it in full (算力总规模超过12EFLOPS; 4.8万P is 4.8万PFLOPS)
       *_COMPUTING_POWER},
    key=lambda unit: (-len(unit), unit)))
#: A value in Chinese numerals needs a 十, 百 or 千 (三千亿元, 用户超千万): 一个, 两家 and 三大 are no figures.
_CHINESE_VALUE = "[零一二两三四五六七八九]?(?:[十百千][零一二两三四五六七八九]?)+"
_CHINESE_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"两": 2}
_CHINESE_UNITS = {"十": 10, "百": 100, "千": 1000}
#: A bare 万亿 passed or reached (突破万亿元, 超万亿元), or a bare 万 neared or passed (促消费活动近万场): one 万亿元, one
#: 万场, no number before it.
_BARE_TRILLION = r"|(?<=[超破过逾达])(?=万亿[元美])|(?<=[近超逾])(?=万(?!亿))"
#: A number and its unit (a page may print a space after its decimal point: 超2. 2万亿元 is 2.2万亿元); not 第十, 数十,
#: 几百, a section's number (§4股东…) or a table's (表1 户籍人口数…, not 代表500名), nor a class (千亿级产业, 跨越两个千亿元台阶); 人数1226.1万人次, GDP9602.72亿元 and a
#: negative rate (增速由一季度的-5.6%; an analyst's 同比- 16.3%, 分别为- 9.10%, its minus spaced) are figures, the second end of a range (5－6亿元, 5%-5.5%) is not; a firm's
#: announcement groups thousands (营业收入20,744.96万元), a bulletin printed from a PDF with a space (人均地区生产总值102 356元) or
#: with one between each digit (规模以上工业企业达到2 1 6户, 增长1 5 %: one number where a unit follows, which only these rules
#: know; so not in normalising, where 上一页 1 2 3 下一页 must stay a list).
_NUMBER = re.compile(r"(?:(?<=GDP)|(?<![\d.\-－—~～A-Za-z第§]))(?<!\d\. )(?<!(?<!代)表)((?:(?<![%％])(?<!\d元)(?<!\d万元)(?<!\d亿元)[-－](?=\d)|(?<=[为比])[-－]\s?(?=\d))?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?: \d{3})+(?:\.\d+)?|(?<!\d )\d(?: \d)+(?![\d.,])|\d+(?:\. ?\d+)?)|(?<![数几零一二两三四五六七八九十百千个])"
                     + _CHINESE_VALUE + _BARE_TRILLION + r")\s*(余|多)?\s*(" + "|".join(map(re.escape, UNITS)) + r")(?!级)")
#: The thing a rate's unit is per (劳动生产率50万元/人, 机器人使用密度360台/万人, 亩均税收37万元/亩), or the time (a
#: capacity, 新增产能3095万吨/年; an allowance, 城市低保标准842元/月): part of its unit.
_PER = re.compile(r"/(?:万|百|千)?(?:人|亩|户|平方米|平方公里|立方米|吨|千瓦时|标准煤|年|月)")
#: The smaller unit in brackets after a count of dwellings, vehicles or livestock that may be either (保障性租赁住房
#: 3.8万套（间）, 新能源重型货车和非道路移动机械8978辆（台）, 牲畜存栏112.4万头（只）): part of its unit; not a gloss on
#: households (棚户区改造47.63万户（套）).
_ALTERNATIVE_CLASSIFIER = re.compile(r"(?<=套)[（(]间[）)]|(?<=辆)[（(]台[）)]|(?<=头)[（(]只[）)]")
#: …and the same measure written before the value (PM2.5平均浓度低于每立方米19微克).
_PER_BEFORE = re.compile(r"每\s*((?:万|百|千)?(?:人|亩|户|平方米|平方公里|立方米|吨|千瓦时|标准煤))\s*$")
#: A rate whose unit the last of the list it is in carries (分别拉动增长2.1和2.4个百分点; 增长3.2、4.5和6.1%; 提高0.7个和
#: 1.1个百分点, each with the classifier of the points): the unit (group 3, read ahead) is each one's; not the first end
#: of a range (5-10%), which no joiner links.
_SHARED_RATES = ("个百分点", "个千分点", "%", "％", "倍")
_LIST_CHANGE = r"(?:增长|下降|提高|降低|上升|增加|减少)?"  # 下降0.2个、下降0.6个、提高0.8个百分点: each item's own change
#: What opens the words before a value of a list after the value before: the joiner, and the classifier
#: of a unit the list's last value carries (下降0.2个、下降0.6个百分点).
_LIST_REMNANT = re.compile(r"^[、和及]*(?:个[、和及与]+)?")
#: The gap to the next value of a list whose last value carries the unit, with that value's change word.
_NEXT_OF_LIST = re.compile(r"个?[、和及与]" + _LIST_CHANGE)
_SHARED_UNIT = re.compile(r"(?<![\d.\-－—~～A-Za-z第§])((?:[-－](?=\d))?\d+(?:\.\d+)?)()(?=个?(?:[、和及与]" + _LIST_CHANGE
                          + r"[-－]?\d+(?:\.\d+)?个?)*[、和及与]" + _LIST_CHANGE
                          + r"[-－]?\d+(?:\.\d+)?\s*(" + "|".join(_SHARED_RATES) + "))")
#: …and any value before the last of a list its clause says 分别 of (房县黄酒、香菇、黑木耳品牌价值分别达13.28、12.31、
#: 11.47亿元; IPO/再融资/债券承销规模分别为1.3/118.3/3039.2亿元): each one carries the last one's unit.
_SHARED_ANY_UNIT = re.compile(r"(?<![\d.\-－—~～A-Za-z第§])(\d+(?:\.\d+)?)()"
                              r"(?=(?:[、和及与/]\d+(?:\.\d+)?)*[、和及与/]\d+(?:\.\d+)?\s*("
                              + "|".join(map(re.escape, UNITS)) + r"))")
#: The slash of a unit's per before a value (5公里/百平方公里), not one between the values of a list (承销规模分别为
#: 1.3/118.3/3039.2亿元, 同比/环比- 20.1%/-64.0%).
_PER_UNIT = re.compile(r"(?<![\d%％])/\Z")
_ARABIC = re.compile(r"[-－]?\s?\d")
#: A measure of money: a bare 万 or 亿 after it is 万元 or 亿元 (财政收入飙升至290亿以上).
_MONEY = re.compile(r"收入|营收|产值|投资|总额|利润|生产总值|GDP|资金|销售额|成交额|增加值")
#: What joins a name to the value it owns (第二三名分别是大众集团的 13%): a firm's or sector's own value.
_OWNED = re.compile(r"\s*的\s*")
#: The year before, right before a value a change follows (较上年28899万元增长9.9%) or holding it in brackets
#: (比上年全年(5.3%)、今年1-2月(6.1%)分别加快2.8、2.0个百分点): the value is that year's.
_BASE_BEFORE = re.compile(r"(?:比|较)(?:上年|去年)(?:同期|全年)?\s*([（(])?\s*$")
#: A clause opening on the same part of the year before (…净利润亏损2358.97万元，上年同期盈利1464.66万元): its values
#: are of that year, whatever year the report's own are of.
_SAME_PERIOD_BEFORE = re.compile(r"\s*上年同期")
_CHANGED_FROM = re.compile(r"\s*(?:增长|下降|增加|减少|上升|下滑|提高|降低)")
#: …and the values a change starts from in the year before (由上年的22.26%、28.63%和49.11%调整为21.35%、…): that
#: year's, the list ending in the words of the change.
_FROM_LAST_YEAR = re.compile(r"由(?:上年|去年)(?:同期)?的?\s*(?:[-\d.]+\s*%?\s*[、和及与]\s*)*$")
_CHANGED_TO = re.compile(r"(?:\s*[、和及与]\s*[-\d.]+\s*%?)*\s*(?:调整为|变为|降至|降到|升至|增至|提升至|提高至|提高到|上升到|下降到)")
#: A clause saying only by how much a measure changed, in its own unit (，增加0.17千公顷).
_CHANGE = re.compile(r"\s*(?:同比|比上年|较上年|比去年|较去年)?(增加|减少)了?\s*")
#: (A digest's reference marks, …国际化进程加速[2][18] -金风科技…, close its statement.)
_CLAUSE_BREAK = re.compile(r"[，,；;。：:！？\n]|——|--|(?:\[\d{1,3}\])+")
#: Comparators before the number (longest word first: 不超过 before 超过) and after the unit.
_BEFORE = (("≤", ("不超过", "不高于", "控制在", "低于")),
           ("≥", ("超过", "突破", "不低于", "不少于", "高于", "逾", "过", "超")),
           ("≈", ("约", "近", "大约")))
_AFTER = (("≥", ("以上",)), ("≤", ("以内", "以下")), ("≈", ("左右",)))
_BEFORE_WORDS = sorted(((w, symbol) for symbol, group in _BEFORE for w in group), key=lambda pair: -len(pair[0]))
#: Words around a number that make it an allowance, not a figure (最高500万元, 奖补100万元).
_ALLOWANCE = re.compile(r"(最高|奖补|奖励|补助|补贴|资助|给予|贴息|不超过项目)[^，。；]{0,6}$")
#: A clause reporting allowances paid out or won in total (全市落实各类农业补贴1.8亿元, 争取到国家补贴6164万元), or
#: how far their standard was raised (边民补助标准再提高1200元): a figure.
_DISBURSED = re.compile(r"落实|发放|拨付|兑现|下达|争取|标准(?:再|又)?(?:提高|提升|上调)")
#: What follows a bare 万 or 亿 when it counts a thing the units do not name (15.3万农户) or is a
#: unit they do not know (出省带宽达到1.7万G).
_COUNTED_NOUN = re.compile(r"(?!以上|以内|以下|左右)[\u4e00-\u9fffA-Za-z]")
#: A year, maybe with the months a statistics release covers (2024年1-11月, 2024年12月份, 2024年6月末; not
#: an event's month, 2010年7月，…投资组建了…, nor a day, 2021年9月1日起), or a firm's year opening a clause
#: (2021年度，公司实现营业收入…; not 2021年度报告).
_YEAR = re.compile(r"(到|至|力争到|力争|预计到|预计)?\s*((?:19|20)\d{2})\s*年"
                   r"(?:度(?=\s*[，,])|(?:(?:1[0-2]|[1-9])[-－—~至](?:1[0-2]|[1-9])月份?|(?:1[0-2]|[1-9])月(?:份|末|底))?"
                   r"(?![\d月份度])(?:底|末)?)")
#: The date a stock is counted at (截至2024年2月29日，石英股份总股本3.61亿股): its year is the stock's, whatever period the
#: text reports on; not a plan's stated after it (…，以此计算合计拟派发现金红利20.57亿元: the year's payout).
_STOCK_DATE = re.compile(r"(?:截至|截止)到?\s*((?:19|20)\d{2})\s*年(?:1[0-2]|0?[1-9])月(?:[12]\d|3[01]|0?[1-9])日")
_PLANNED = re.compile(r"拟|计划|预计|以此计算")
#: A quarter or half of a year as analysts write it, its year's last two digits (1Q25实现收入17.4亿, 1H24).
_QUARTER_CODE = re.compile(r"(?<![\dA-Za-z])[1-4][QH](\d{2})(?![\dA-Za-z])")
_CENTURY = 2000
#: A year an analyst's forecast is of (2026E营业收入): a target's.
_ESTIMATE_YEAR = re.compile(r"(?<![\dA-Za-z])((?:19|20)\d{2})E(?![A-Za-z])")
#: A year a value is compared with, not the year of the value: 比2019年同期高0.3个百分点, 较2020年增长,
#: 与2000年相比 (a review of five years), 与去年增长10.9%, 剔除去年同期低基数影响 (but 在去年同期，上海市GDP为7856.62亿元
#: is that year's), 降至2017年水平 (a level of then, reached now), 高于去年投资时序进度3.8个百分点.
_COMPARED_YEAR = re.compile(r"(?<=[比较])(?:(?:19|20)\d{2}\s*年|去年|今年)|(?<!在)(?:(?:19|20)\d{2}年|去年|今年)同期"
                            r"|(?<=[高低]于)(?:(?:19|20)\d{2}\s*年|去年)"
                            r"|(?<=与)(?:(?:19|20)\d{2}\s*年|去年)(?=相比|增长|下降|增加|减少)"
                            r"|(?:(?:19|20)\d{2}\s*年|去年)(?=的?水平)")
#: What may come before a year of 同期 that opens its clause as its time: nothing, or the first year of a span
#: (2013-2018年同期).
_SPAN_OPENING = re.compile(r"\s*(?:(?:19|20)\d{2}\s*年?\s*[-－—–~～至到]\s*)?")
#: …and one a growth outpaces by the margin right after it (快于2024年1.8个百分点, 高于去年同期27.4个百分点: the
#: margin is of the year reported).
_OUTPACED_YEAR = re.compile(r"(?<=[快慢高低]于)(?:(?:19|20)\d{2}\s*年|去年)(?:同期)?$")
#: …or whose figures are the basis a value is compared on (按照北汇信息2022年全年营业收入口径进行对比).
_BASIS = re.compile(r"[^，。；]{0,12}口径")
#: The title of a plan for one year, named for it (数字山东2021行动方案, 2022年全省数字经济工作要点): its figures are
#: that year's targets, also in its task items (not a plan for several, 行动计划（2024—2026年）).
_ONE_YEAR_PLAN = re.compile(r"\s*[^\n\d]{0,20}((?:19|20)\d{2})年?度?[^\n\d—\-－~～至]{0,20}"
                            r"(?:行动方案|行动计划|工作方案|实施方案|工作要点|工作计划)\s*\n")
#: A year's digits written in Chinese (二〇二三年).
_YEAR_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")
#: The title of a report on one year, named for it (2023年上饶市国民经济和社会发展统计公报, 2021年椒江区经济
#:形势分析, 子洲县二〇二三年国民经济和社会发展统计公报): its figures naming no year are that year's. A bulletin's
#: title may run on into its body where a page was saved as one line (…统计公报2023年，在…领导下…).
_ONE_YEAR_REPORT = re.compile(r"^\s*[^\n\d]{0,20}?((?:19|20)\d{2}|[一二][〇○零一二三四五六七八九]{3})\s*年度?[^\n\d—\-－~～至]{0,30}"
                              r"(?:(?:统计公报|运行情况|形势分析|工作总结)\s*\n|统计公报)", re.MULTILINE)
#: The year a change starts from (由2020年的110亿元，提升至…; 从2017年的近36%，提高至…).
_FROM_YEAR = re.compile(r"(?<=[从由])(?:19|20)\d{2}\s*年")
#: 今年 and its neighbours, counted from the document's date (目前 and 已累计: a stock as of that date,
#: 目前…总市值为2960亿元); 预计/力争 make them targets.
#: A web page's date in its head, numerals parted by - or / (2024-10-18, 2022- 07- 18), or a newspaper page's
#: full date closing a head line: the document's date when it has no other; ``_PAGE_HEAD`` characters from its start.
_PAGE_DATE = re.compile(r"(?<![\d\-－/])((?:19|20)\d{2})\s*[-－/]\s*(?:0?[1-9]|1[0-2])\s*[-－/]\s*(?:0?[1-9]|[12]\d|3[01])(?![\d\-－/])"
                        r"|(?:日期|时间)\s*[:：]\s*((?:19|20)\d{2})\s*年\s*(?:0?[1-9]|1[0-2])\s*月"  # 日期:2022年01月24日
                        # a full date closing a head line that is no sentence (版次:01 作者:廖洋2023年10月30日)
                        r"|^[^。，,；\n]*?((?:19|20)\d{2})年(?:0?[1-9]|1[0-2])月(?:0?[1-9]|[12]\d|3[01])日[ \t]*$"
                        # a full date stamped with its time of day (2026年02月10日 07时41分来源:四川日报)
                        r"|((?:19|20)\d{2})年(?:0?[1-9]|1[0-2])月(?:0?[1-9]|[12]\d|3[01])日\s*(?:[01]?\d|2[0-3])"
                        r"(?:时[0-5]\d分|[:：][0-5]\d)", re.M)
_PAGE_HEAD = 300
_RELATIVE_YEAR = re.compile(r"(预计|力争)?(去年|今年|明年|目前|已累计)")
_RELATIVE_OFFSET = {"去年": -1, "今年": 0, "明年": 1, "目前": 0, "已累计": 0}
#: The heading of a plan's goals (（二）主要目标, 三、发展目标): the 到2025年 its opening paragraph names anywhere
#: (通过实施…九大行动，到2025年，创新环境进一步优化) is the year of the bullets under it.
_GOALS_HEADING = re.compile(r"\s*(?:（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、)\s*(?:主要|发展|总体|行动)?目标\s*$")
_GOALS_YEAR = re.compile(r"(?:力争)?到\s*((?:19|20)\d{2})\s*年")
#: The value a bare 万 or 亿 passed (突破百万大关) goes on to reach in the next clause (，达168.4万辆), with its counted word.
_REACHED_IN_UNIT = re.compile(r"(?:大关)?[，,]\s*达到?\s*\d+(?:\.\d+)?\s*([万亿])(辆|吨|人次|人|户|台|套|件|个|家)")
#: A clause that is only the verb of the value it reaches (…首次突破300万辆，达357万辆): the clause before goes on in it.
_REACHED_AGAIN = re.compile(r"\s*(?:达到|达|至)\s*")
#: What may open a clause before the year that frames it (而在去年同期, 预计今年).
_TIME_OPENING = re.compile(r"(?:而|但|并|同时)?(?:预计|力争|在|截至|截止|于)?")
#: A part of a year a report covers (上半年, 一季度, 前三季度, 1-6月; a firm's interim results, 中期业绩快报), and that
#: part with its year (2021年上半年, 上海2021第一季度).
_PERIOD = re.compile(r"第?[一二三四]季度|首季|[上下]半年|前[二两三]季度|1[-－—~至][1-9]\d?月|年初以来|中期(?=业绩|报告|财报)|半年报")
#: A firm's annual report (发布2024年财报, 2023年年度报告), whose 报告期 (the period it reports on) is that year.
_ANNUAL_REPORT = re.compile(r"((?:19|20)\d{2})\s*年(?:年度)?(?:财报|年报|年度报告|财务报告)")
_REPORT_PERIOD = re.compile(r"报告期")
#: The year a firm's report accounts for, named as such (2021年度的经营业绩): of its 报告期 when no annual
#: report names its year.
_YEAR_OF_ACCOUNT = re.compile(r"((?:19|20)\d{2})\s*年度")
#: A work report a news item's lead says was delivered (…市长代表市政府向大会作政府工作报告，回顾去年工作，提出
#: 今年…; its title in marks: 县长…在作《政府工作报告》时), and the speech itself, which has sections of its own
#: years (各位代表：…我代表市人民政府…).
_WORK_REPORT = re.compile(r"政府工作报告")
_DATED_REPORT = re.compile(r"((?:19|20)\d{2})\s*年[^\n\d]{0,12}?政府工作报告")
_REPORT_DELIVERED = re.compile(r"作(?:了|的)?[《〈]?政府工作报告")
#: The day a work report was delivered, as its head gives it (——2026年1月27日在福建省第十四届人民代表大会…上).
#: Also printed across lines (——2025年1月15日在龙华区第二届\n人民代表大会第五次会议上).
_DELIVERED_ON = re.compile(r"((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*在[^。]{0,30}?(?:人民代表大会|人代会)")
_SPEECH = re.compile(r"各位代表|我代表")
#: What says a speech is the work report, also where its spaced title (政 府 工 作 报 告) does not: 向大会报告政府工作.
_SPOKEN_REPORT = re.compile(r"政府工作报告|报告政府工作")
#: A people's congress session a news item's lead reports on (…第十八届人民代表大会第二次会议隆重开幕), where the
#: report is delivered.
_CONGRESS_SESSION = re.compile(r"人民代表大会[^。\n]{0,12}?会议|人代会")
#: The year a work report reviews, as news on it says (报告回顾了2024年工作, 回顾2024年的工作).
_REVIEWED_YEAR = re.compile(r"回顾了?\s*((?:19|20)\d{2})\s*年的?工作")
#: A work report's review heading naming no year (一、工作回顾, 一、过去一年工作回顾).
_UNDATED_REVIEW = re.compile(SECTION_HEADING.pattern + r"\s*(?:过去一年|过去的一年|上年|去年)?的?(?:政府)?工作回顾\s*")
#: A section heading naming a year only inside its motto (一、团结奋斗、攻坚克难，2024年龙华现代化建设迈出新的坚实步伐):
#: in a speech on the year after it, the review of that year.
_MOTTO_YEAR = re.compile(SECTION_HEADING.pattern + r"[^。；;！？\n\d]{0,30}?((?:19|20)\d{2})\s*年(?![\d月])[^。；;！？\n\d]{0,30}")
#: What makes a paragraph of such news the report's tasks for its year (深圳还将全力推动…；全年工业投资增长12%以上;
#: 同时，着力提升…，新增国家高新技术企业500家), and what makes it a look back (过去几年, 改革开放以来).
_TASKED = re.compile(r"将|(?<![重主需只])要|力争|预期|目标|计划|确保|争取|全年|新增|着力")
_PAST_YEAR = re.compile(r"过去一年|过去的一年|刚刚过去的一年|(?<![\d十几多两])一年来"  # not 十一年来
                        r"|据(?:初步)?统计(?:预测|测算)?|初步(?:核算|统计|测算)"  # the year's results, estimated,
                        r"|(?<![^\n。])\s*预计(?![^，。；\n]{0,6}?(?:到|今年|明年|未来))")  # or a paragraph or sentence
                        # opening on 预计 (预计地区生产总值超过2100亿元): the report's figures ahead of the final count
#: A sentence's lead saying the figures after it are its goals (今年…主要预期目标是：, 主要目标为).
_TARGETS_LEAD = re.compile(r"(?:预期|主要)目标(?:是|为)|(?:预期|主要)目标[：:]")
_LOOKED_BACK = re.compile(r"过去|回顾|以来|已经|截至|累计|此前|去年|上年|近年")
#: …those of a plan period's figures: a total over a period still to run (“十四五”期间，累计实际利用外资1000亿美元) is
#: its target, 累计 looks back on nothing there.
_PERIOD_LOOKED_BACK_ON = re.compile(r"过去|回顾|以来|已经|截至|此前|去年|上年|近年")
#: A lead opening with the year a report is on: 2014年，全市上下…, 2021年各省份GDP数据已陆续发布 (not with a part
#: of it: 2022年上半年).
_LEAD_YEAR = re.compile(r"\s*((?:19|20)\d{2})\s*年(?![\d底末度])(?!" + _PERIOD.pattern + ")")
_PERIOD_YEAR = re.compile(r"((?:19|20)\d{2})\s*年?\s*(?:" + _PERIOD.pattern + ")")
#: A five-year plan's period (“十四五”时期, 十二五末).
_PLAN_PERIOD = re.compile(r"十[一二三四五]五")
#: The caption of a five-year plan's table of indicators (专栏1　“十四五”时期主要指标, no sentence): its rows are
#: targets for the period's last year (十一五 2010 … 十四五 2025), not for the 到2035年 of the vision before it
#: (a table of what was achieved, 完成情况, is no plan's).
_PLAN_TABLE = re.compile(r"^(?![^。]*(?:完成|情况))[^。；，]*十([一二三四五])五[”\"]?(?:时期|期间)?(?:主要|发展)?(?:目标|指标)[^。；，]*$")
_PLAN_NUMBERS = "一二三四五"
#: Such a heading naming the period before's achievements too (“十四五”时期发展成就和“十五五”时期主要目标任务):
#: what a paragraph under it looking back on that period states (_PERIOD_LOOKED_BACK) is of that period's end.
_PERIOD_ACHIEVED = re.compile(r"十([一二三四五])五[”\"]?(?:时期|期间)?的?(?:发展|主要|工作)?(?:成就|成绩|回顾|总结)")
#: A paragraph opening with a look back on the five years before (过去五年，我们…; 五年来; “十四五”时期，全区…).
_PERIOD_LOOKED_BACK = re.compile(r"\s*(?:过去(?:的)?五年|五年来|这五年|[“\"]?十([一二三四五])五[”\"]?(?:时期|期间|以来))")
#: A sentence opening with ordinals listed, not a numbered heading (一、二、三产业增加值分别增长4.2%、5%、5.4%;
#: 一、二季度经济平稳增长): the section it is in goes on.
_ORDINALS_LISTED = re.compile(r"\s*[一二三四五六七八九十]+、[一二三四五六七八九十]+(?:[、和及]|产业|季度)")
#: A sentence opening with the year its statements are of (2025年，规模以上工业增加值…; 而2021年，…; a work report's
#: 刚刚过去的2025年，…, 2018年全区经济社会发展取得显著成效, 2023年四川… but not 2022年上半年, 2022年四季度), also after who says it
#: (邓辉在报告中说，2018年涪城全区…; 报告指出：2024年，…; 数据显示，2023年四川…) or the side of things it turns to (重点行业方面，2023年我国汽车…;
#: a statistics release's 从产品看，2023年我国出口…, 分地区看，…).
_FRAMED_YEAR = re.compile(r"\s*(?:[^，,。；：:]{1,12}?(?:说|指出|表示|介绍|称|显示)\s*[，,：:])?"
                          r"(?:[^，,。；：:]{1,10}方面\s*[，,]|[从分按][^，,。；：:]{1,8}看\s*[，,])?"
                          r"\s*(?:而|但|同时|其中)?\s*[，,]?\s*(?:(?:刚刚)?过去的)?((?:19|20)\d{2})\s*年\s*"
                          r"(?:[，,]|(?![\d底末度初中上下前后内第]|[一二三四](?:季|至|、|个)))")
#: A sentence of news opening with last year or this one as its time (去年，我省聚焦…。…全年汽车产量…达357万辆).
_FRAMED_RELATIVE = re.compile(r"\s*(去年|今年)\s*[，,]")
_SENTENCE_END = re.compile(r"[。！？]")
#: A work report's heading over a five-year plan period's review or targets (“十四五”时期工作回顾, “十五五”时期的
#: 主要目标任务, also after the words of another part it heads: “十五五”时期总体要求和目标任务): the period's last year,
#: reported under a review, a target otherwise.
_PLAN_HEADING = re.compile(r"\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)?\s*[“\"]?十([一二三四五])五[”\"]?"
                           r"(?:时期|期间)?(?:的)?(?:[\u4e00-\u9fff]{2,6}[和与及、])?(?:主要)?((?:经济社会)?(?:工作|发展)回顾|发展成就|主要成就|目标任务|发展目标|目标|工作安排)\s*$")
#: A five-year plan's period as the time its figures are for (“十四五”期间要…，有效发明专利达到8万件): the targets
#: of the period's last year. (Not 到“十二五”末, which the train gold leaves undated: r-06's 晋煤集团 plan.)
_PLAN_PERIOD_TIME = re.compile(r"十([一二三四五])五[”\"]?(?:期间|时期)")
#: A paragraph opening with that period as its time (“十四五”期间，…。经济开发区规上亩均税收达到37万元以上): the period of
#: every sentence of it.
_PLAN_PERIOD_OPENING = re.compile(r"\s*[“\"]?" + _PLAN_PERIOD_TIME.pattern + r"\s*[，,]")
#: What opens a sentence going on with the one before it in the same paragraph (同时，…数字贸易进出口总额达到1万亿元).
_GOES_ON = re.compile(r"\s*(?:同时|此外|另外)")
#: A sentence opening the next of a list of tasks or points (二是…, 第三，…).
_ENUMERATED = re.compile(r"\s*(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，,、])")
_PLAN_END_YEAR = 2010
_FUTURE_YEARS = re.compile(r"(?:未来|今后)([一二两三四五])年")
#: A sentence opening with the year of the targets after it (到2025年，…; 2025年的主要目标是：, which the
#: 到2035年 of the vision before it does not date).
_SECTION_YEAR = re.compile(r"^\s*(?:[（(][一二三四五六七八九十]+[）)][^。]{0,8}。)?\s*(?:(?:力争)?到\s*|"
                           r"(?=(?:19|20)\d{2}\s*年的?(?:主要|发展|总体)?目标(?:是|为)?[：:]))((?:19|20)\d{2})\s*年")
#: A paragraph of news opening with the goal year of the plan it quotes (《实施方案》提到,到2025年深圳市…): the year of the
#: paragraph's later goals (打造形成4个万亿级…产业集群。规模以上工业企业超过1.5万家), not of the paragraphs after it; a
#: short lead may open it (具体目标方面，《规划》提出，到2025年，…).
_QUOTED_GOALS = re.compile(r"^\s*(?:[^，,。；：:\n《》“”\d]{1,10}[，,]\s*)?《[^》\n]{1,60}》(?:还|进一步)?(?:提到|提出|明确|指出)\s*[，,：:]\s*(?:力争)?到\s*((?:19|20)\d{2})\s*年")
#: Verbs and markers stripped from an indicator's ends (并, not that of 并购: 完成并购重组397起).
_LEADING = re.compile(r"^(?:其中|而且|并且|同时|分别|全省|全市|全县|全区|我省|我市|我县|我区|我国|全国|力争|累计|每年|年均|并(?!购)|共|总计|合计|实现|完成|预计|"
                      r"新建|新增|建成|培育|打造|建设|形成|引进|开展|实施|遴选|推动|支持|面向|培育壮大|将?(?:锚定|瞄准|紧盯)|"
                      r"以[^，。；]{1,20}为代表的)+")
_TRAILING = re.compile(r"(?:达到|高达|有望|达|超过|突破|不低于|不少于|不超过|不高于|控制在|保持在|保持|稳定在|提高到|提高|提升到|提升|"
                       r"增长|增加|降低到|降低|下降|实现|完成|约|已接近|接近|近|为|是|占比|分别|(?<!平)均|力争|将在|将|"
                       r"上升至|上升到|提升至|提高至|增长至|增长到|增加到|增至|降至|下降至|在|超|[从由]的?)+$")
#: How a text names its own region before a figure (not 占全国利用总量的68.9%: a share of the whole).
_OWN_REGION = re.compile(r"(?<![占居在于比])(?:全市(?!场)|我市|本市(?!场)|全省|我省|本省|全国|我国|全县|我县|本县)")
#: The title of a body such a word ranks (全国重点实验室, 全省工程研究中心, 全国示范区): no region speaking.
_RANKED_TITLE = re.compile(r"重点实验室|(?:工程|技术)(?:技术)?研究中心|示范(?:区|县|市|基地)")
#: Such words listed before another (比全市和全国…): the list a comparison word opens.
_OWN_LISTED = re.compile(r"(?:(?:全市|全省|全国|全县|全区)[和、及与])+$")
#: …and the words a text may name its own level by, with 全区 (a district's, a zone's or an autonomous
#: region's): counted for the level it speaks for, never taken for a place before a figure.
_SPOKEN_AS = re.compile(_OWN_REGION.pattern[:-1] + "|全区|我区|本区)")
_SELF_REGION = {"我市": "city", "全市": "city", "本市": "city", "我省": "province", "全省": "province",
                "本省": "province", "我国": "country", "全国": "country", "全县": "county", "我县": "county",
                "本县": "county", "全区": "county", "我区": "county", "本区": "county"}
#: What 全区 speaks for in a text on an autonomous region (广西壮族自治区…全区): the province-level region.
_AUTONOMOUS_REGION = "自治区"
#: The level a region's name ends on: 市 a city's (a county-level city's too), 县 a county's.
_SPOKEN_LEVEL = {"市": "city", "县": "county"}
#: …and a zone's in a text on one.
_ZONE_WORD = re.compile(r"园区|开发区|高新区|经开区|新区|示范区|自贸区|保税区|试验区")
_SUBJECT_TYPES = ("Region", "Industry", "Enterprise")
#: A listed firm announcing its results at a clause's start (近日，东方中科发布2023年年度报告; a notice's
#: headline 德生科技：2023年度业绩快报; after a wire's dateline, 格隆汇4月26日丨…; 昨晚海普瑞发布了中期业绩快报): the
#: firm the news is on, its name the words before the verb and the stock code bracketed after it
#: (丽珠集团(000513.SZ)发布2023年年度报告), after a wire's byline and before the day it announced on
#: (中证网讯（记者 宋维东）獐子岛（002069）8月23日晚发布2019年半年报).
_ANNOUNCES = re.compile(r"(?:^|(?<=[。，,\n丨｜]))\s*(?:[\u4e00-\u9fff]{1,6}讯\s*[（(]记者[^）)\n]{1,12}[）)])?"
                        r"\s*(?:近日|日前|今日|今天|昨日|昨天|昨晚|近期)?[，,]?\s*"
                        r"([\u4e00-\u9fffA-Za-z]{2,8}?)(?:\s*[（(][\dA-Za-z.]{4,12}[）)])?"
                        r"(?:\s*\d{1,2}月\d{1,2}日(?:晚间?|早间|盘后)?)?"
                        r"(?:(?:发布|披露|公布|[：:])了?(?:(?:19|20)\d{2}\s*年度?)?"
                        r"|(?:19|20)\d{2}\s*年度?)(?:中期)?"
                        r"(?:年度报告|年报|半年度报告|半年报|业绩快报|业绩预告|业绩报告|财报|季报|[一三]季度报告)")
#: A results table's cells (项目|本报告期|上年同期|增减变动幅度（%)|营业总收入|842,278,711.44|…): its value
#: cells, and the columns of the period reported (本报告期, 本报告期末), the year before (上年同期, 本报告期初)
#: and the change (增减变动幅度（%)).
_CELL = re.compile(r"[^|]+")
_CELL_VALUE = re.compile(r"[-－]?\d[\d,]*(?:\.\d+)?%?")
#: A cell of a value the table does not give (变动比例 of a rate: -).
_NO_VALUE = re.compile(r"[-－—]+")
#: A change cell of a rate, in points and its direction (加权平均净资产收益率|7.85%|9.06%|减少1.21个百分点): the
#: rate's change of the report's year, named by its direction.
_POINTS_CHANGE = re.compile(r"(增加|减少|上升|下降|提高|降低)\s*(\d+(?:\.\d+)?)\s*个百分点")
_COLUMNS = (("", re.compile(r"(?:本(?:报告)?期末?|本年度?)$")),
            ("上年", re.compile(r"(?:上年同期|上年度?末?|本(?:报告)?期初|上期末?)$")),
            ("增减变动幅度", re.compile(r"增减|变动|同比")))
_TABLE_UNIT = re.compile(r"单位\s*[：:]\s*(?:人民币)?([万亿]?元)")
_ROW_UNIT = re.compile(r"[（(]\s*([万亿]?元|%)\s*[）)]")
_TABLE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年(?:年度|度)?")
#: A results table copied from a PDF, its lines rejoined without cells (营业总收入230,144,882.78 301,576,413.81
#: -23.69%营业利润19,880,558.89 …): its header of the period reported and the year before (项目 本报告期 上年同期,
#: 本报告期末 本报告期初), and each row, its label then its value, the year before's and the change in %.
_FLAT_HEADER = re.compile(r"本(?:报告)?期末?\s*(?:上年同期|上年度?末|本(?:报告)?期初)")
_FLAT_NUMBER = r"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?"
_FLAT_ROW = re.compile(rf"({_FLAT_NUMBER})[ \t]+({_FLAT_NUMBER})[ \t]+({_FLAT_NUMBER})%")
#: What a flattened table's label may hold besides the row's name: the columns' header and a page number.
_FLAT_NOISE = re.compile(r"^.*(?:增减变动幅度|本(?:报告)?期[末初]?|上年同期|项目|[（(]\s*%\s*[）)])|^[\s\d]+")
#: A results statement's words the recogniser may take for a firm (归母净利润, 扣非净利润: 归母 is
#: 归属于母公司股东的), or the report's own name (中报净利润同比增幅大于30%): never a figure's subject.
_STATEMENT_TERM = re.compile(r"(?:归母|扣非|^(?:中|年|季|半年)报)$")
#: The country a Chinese text's 全国 and 我国 speak of.
_THE_COUNTRY = "中国"
#: The lines a text's head (title, dateline, lead) may take.
_LEAD_LINES = 3
#: What an industry or firm has a figure of (智能传感器主营业务收入); without one of these between
#: them, an industry named before a count only qualifies the counted things (智能制造试点示范项目).
_MEASURES = ("收入", "规模", "增加值", "产值", "总值", "营收", "比重", "占比", "产量", "销量", "出口", "进口", "投资",
             "利润", "税收", "增速", "增长", "总量", "市场占有率", "份额", "用户", "市值", "渗透率", "比例")
#: …and what else a firm's figures measure: its sales, output, capacity and orders (预计未来两年销售额将达2亿元,
#: 一年内就实现年产4万吨).
_FIRMS_MEASURES = ("销售", "营业", "净利", "年产", "产能", "订单")
#: …and what an annual report states of a firm's research and the dividend it proposes (全年研发投入42.3亿元,
#: 年末研发人员超过4000人, 合计派发现金红利387.86亿元).
_ANNUAL_REPORT_ITEMS = ("研发投入", "研发费用", "研发人员", "现金红利", "分红")
#: Clause openings that frame a number as context, not as a figure (围绕37条产业链).
_CONTEXT = re.compile(r"^(?:围绕|依托|聚焦|按照|根据|结合|对照)")
#: A phrase of what a place has, before the thing its clause is on (武汉具有全国影响力的科技创新中心加快建设).
_HAVING_WHICH = re.compile(r"(?:具有|拥有|具备)[^，。；、]{1,16}的[\u4e00-\u9fff]")
#: What narrows a sector's name to a part of it the recogniser did not name (数字经济|核心产业增加值), or makes it
#: an example of a wider class (航空航天|制造等新兴产业税收): the sector measured is another.
_NARROWED = re.compile(r"核心产业|[\u4e00-\u9fff]{0,2}等[\u4e00-\u9fff]{0,4}产业")
#: A ranking, whose places a count in 位 moves by (全球创新指数排名提升5位至第24位): no count of people.
_RANKING = re.compile(r"排名|位次|名次|排位")
#: The change a rate with 以上 after it is of (营收保持20%以上增长, 年均10%以上的增速): no class of things.
_GROWTH_AFTER = re.compile(r"的?(?:增长|增速|增幅)")
#: A count of things and the bar they passed, before it (4个过五千亿、4个过千亿新兴产业): the bar is no figure.
_PASSED_BY_A_COUNT = re.compile(r"\d+\s*[个家项条]\s*(?:过|超过|突破)$")
#: A value followed by 的 and a measure is that measure's (形成13亿立方米的产能规模, 年均保持8%的增长速度, 继续实现
#: 38.6%的增长); followed by anything else, it qualifies what follows (收入过200亿元的集群).
_MEASURED_AFTER = re.compile(r"^的([^，。；]{0,4}(?:规模|产能|总量|产量|水平|增速|增幅|速度|增长))$")
#: A value followed by 的目标 is the goal's value (锚定地区生产总值增长7%以上的目标), no qualifier of the goal.
_GOAL_AFTER = re.compile(r"的(?:预期|增长|发展|奋斗)?目标")
#: …and so is a value something is ranked by (晶科能源以74.4亿元的净利润排名第一, 均以超3000亿元的净利润稳居前两名):
#: 以, maybe a comparator, before it, and a measure of money after its 的, whatever the ranking after that.
_RANKED_BY = re.compile(r"均?以(?:超过|超|逾|近|约)?\s*$")
_MONEY_AFTER = re.compile(r"^的([^，。；\d]{0,4}?(?:" + _MONEY.pattern + "))")
#: A firm spoken of without its name (“近5年，公司产值…”): its figures are no region's.
#: Words no firm's name opens or ends with: a preposition, a count of firms or an adverb (在已发布业绩
#: 预告的…, 多家券商披露…, 公司均已披露…): the words before an announcing verb that name no one.
_NO_NAME = re.compile(r"^(?:在|于|对|从|据|按|截至|已|将|均|也|都|还|正|共|多|各|部分|不少|数|\d)"
                      r"|(?:已|将|均|也|都|还|正|纷纷|陆续|相继|先后)$")
#: A group of provinces or cities named as one by where they lie and how many they are (南方五省区, 东北三省,
#: 长三角三省一市).
_PLACES_GROUP = re.compile(r"(?:南方|北方|东北|西北|西南|东南|华东|华南|华北|华中|中部|西部|东部|长三角|珠三角|沿海|沿边)"
                           r"[两二三四五六七八九十]+(?:省区市|省区|省市|省份|省)(?:[一二三四五]市)?")
#: A listed firm's stock code bracketed after its name (外高桥(600648.SH), 中信建投（601066)).
_STOCK_CODE = re.compile(r"\s*[（(]\d{6}(?:\.[A-Za-z]{2})?[）)]")
#: A listed firm's notice titled with its short name and the notice's number (中国重汽: 2025-24 关于2024年度利润分配
#: 预案的公告): the firm is the text's topic, however often it is named.
_NOTICE_TITLE = re.compile(r"\s*([\u4e00-\u9fffA-Za-z]{2,8}?)\s*[：:]\s*(?:(?:19|20)\d{2}\s*[-－]\s*\d{1,3}\s*)?"
                           r"关于[^\n]{2,40}?公告[ \t]*(?:\n|$)")
#: A research note's heading: the firm's name, its stock code bracketed, a colon (中信建投（601066)：…).
_CODED_HEADING = re.compile(r"^\s*([\u4e00-\u9fffA-Za-z]{2,8}?)\s*[（(]\d{6}(?:\.[A-Za-z]{2})?[）)]\s*[：:]", re.M)
#: A report announced by a group of firms counted after it (…发布业绩预告的14只券商股中): no one firm's.
#: The first of a class named by a value right before it (首个300亿元园区, 第一个千亿级产业): a class, not a figure.
_FIRST_OF_CLASS = re.compile(r"(?:首|第一)个$")
#: A distribution per so many shares before a value (向全体股东每10股转增10股).
_PER_SHARES = re.compile(r"每\s*\d+\s*股[^，。；：\d]{0,8}$")
#: A paragraph opening with a name and its stock code (天齐锂业(002466)8月23日晚间披露…): the paragraph's firm.
_CODED_OPENING = re.compile(r"^[ \t]*([\u4e00-\u9fffA-Za-z]{2,8}?)" + _STOCK_CODE.pattern, re.M)
_BY_A_GROUP = re.compile(r"的\s*(?:\d+|[一二三四五六七八九十百千多数]+)\s*[只家个]")
_FIRM_ANAPHOR = re.compile(r"(?:^|(?<=[，。；：“\s年月日]))公司|该公司|本公司")
#: The rest of a facility's name a place's name opens (昆明长水国际机场, 成都东站, 天山胜利隧道, 石家庄国际陆港):
#: the place only locates it.
_FACILITY_NAMED = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:机场|火车站|高铁站|东站|西站|南站|北站|隧道|陆港|铁路港|港口|码头)")
#: How a listed firm's own announcement speaks of itself.
_OWN_VOICE = "本公司"
#: Units a growth rate is given in.
_RATES = ("%", "个百分点", "个千分点", "倍")
#: What joins the names of a list (A、B和C) and its values (6%左右、8.5%左右和8.5%左右).
_LIST_JOINERS = ("、", "和", "及", "与")
#: The rest of a list closed by 等 after one of its items (、无锡银行等11家上市公司), or by the count of the group its
#: items make (、先进材料和生物医药四大产业创新集群: the group's figure) or by the quoted name of that group
#: (电动载人汽车、锂离子蓄电池和太阳能电池“新三样”产品合计出口: the goods the trade figure measures together).
_EXAMPLES_CLOSED = re.compile(r"(?:[、和及与][^，。；、等]{1,12}?)*(?:等|[两二三四五六七八九十]大|“[^”，。；]{1,8}”)")
#: The post of one who studies the economy for a firm (首席经济学家, 分析师): what that one says is no figure of the firm's.
_ANALYST = re.compile(r"\s*(?:首席)?(?:宏观)?(?:经济学家|分析师|研究员|策略师)")
#: One character more before a list's joiner after a firm's name (金属矿|砂、农产品和能源类大宗商品): the name is cut out of
#: the item, which names no firm.
_ITEM_GOES_ON = re.compile(r"[\u4e00-\u9fff]、")
#: A count of listed firms (99家上市公司): what the clauses around it say is of the firms counted, not of one firm.
_FIRMS_COUNTED = re.compile(r"\d+\s*家(?:A股)?上市公司")
#: Short names joined in a list, between two names (、分众传媒、): items of the list the recogniser missed.
_UNNAMED_ITEM = re.compile(r"[、和及与]([\u4e00-\u9fffA-Za-z]{2,8})")
_UNNAMED_ITEMS = re.compile(r"(?:" + _UNNAMED_ITEM.pattern + r")+[、和及与]")
#: The joiner after a value of a list whose last value a 的 follows (分别实现了34.4%与35.5%的显著增长): the
#: 的 is the list's, the last value no qualifier.
_AFTER_A_VALUE = re.compile(r"\d[^\d，。；]{0,4}[与和及、]\s*$")
_LIST_GAP = re.compile(r"(?:以上|以下|以内|左右)?[、和及与]")
#: 均 before the verb of one value said of each indicator listed (化肥、农药施用量均降低10%; not 人均, 年均).
_EACH = re.compile(r"(?<![平人户亩年日月周])均[^，。；、\d]{0,4}$")
#: 均 right after a list of names, up to the value (中国工商银行、中国建设银行均以超3000亿元).
_EACH_AFTER_LIST = re.compile(r"均[^，。；、\d]{0,4}$")
#: 双双 before the verb of one value said of both names its clause opens with (广东、江苏前三季度GDP双双突破8万亿元).
_BOTH = re.compile(r"双双[^，。；、\d]{0,4}$")
#: A value followed by more in a list (6%左右、8.5%左右和8.5%; 下降0.2个、下降0.6个百分点): one each, not one for all.
_MORE_VALUES = re.compile(r"(?:以上|以下|以内|左右|个)?[、和及与]" + _LIST_CHANGE + r"\s*[-－]?[\d零一二两三四五六七八九十百千]")
#: What joins the years of a list: 2015年和2020年, 2025年、2030年.
_YEAR_JOINERS = ("和", "、", "及", "与")
#: A range of years whose values a 分别 lists one by one (2017-2020年，…分别实现营业收入…; an analyst's, its last
#: years estimates: 2024-2027E营业收入分别为…).
_YEAR_RANGE = re.compile(r"((?:19|20)\d{2})\s*(?:年\s*)?[-－—–~～至到]\s*((?:19|20)\d{2})\s*(?:年|E(?![A-Za-z]))")
#: What a change is measured against (同比, 比上年同期, 与去年, 较上年末).
_COMPARED = r"(?:同比|[比较与](?:上年|去年)(?:同期|末|底)?)?"
#: The words of a fall (下降, 减少, 下滑, 降低).
_FALL_WORDS = "下降|减少|下滑|降低"
#: The words of a growth rate of the measure before it: 同比增长, 比上年同期增长, 与去年增长, 比上年末提高.
_GROWTH = re.compile(rf"^{_COMPARED}(?:增长|增速|{_FALL_WORDS})?$")
#: A fall stated right before its rate (同比下降4.96%, 比上年减少2.3%, 较2022年分别下降3.19%和|7.04%): the figure is the
#: size of the fall, its indicator says 下降 (营业收入下降 7.59%, as the golds write it), never a growth.
_FALL_BEFORE = re.compile(rf"(?:{_FALL_WORDS}|回落|下跌)了?(?:\s*[\d.]+\s*(?:%|％|个百分点|个)?\s*[、和及与])*\s*$")
#: The words of a growth or a comparison closing an indicator, which a fall's 下降 replaces (医学影像业务收入增速,
#: 规模以上工业增加值同比).
_GROWTH_TAIL = re.compile(rf"{_COMPARED}(?:增长|增速|增幅|{_FALL_WORDS}|下跌)?$")
#: A sentence pointing back to the policy a news item reports: 方案明确, 根据规划, 《计划》提出.
_POLICY_POINTER = re.compile(r"(方案|规划|计划|意见|措施|纲要|办法)(?:还|进一步)?(?:明确|提出|要求|指出|显示)|"
                             r"(?:根据|按照|依据)(?:该|这一)?(方案|规划|计划|意见|措施|纲要|办法)")
_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
#: Words that put a clause in the present: a year named in an earlier clause is not its year.
_PRESENT = re.compile(r"现有|拥有|目前|如今|当前|至今|先后")
#: The words of a change to a new value (提高到, 降至).
_CHANGED_TO_WORD = re.compile(r"降至|降到|升至|增至|提升至|提高至|提高到|上升到|下降到|增长到|增加到")
#: A value followed by where it moved to is the starting value (由14%降至12%).
_MOVED_TO = re.compile(r"^\s*(?:" + _CHANGED_TO_WORD.pattern + ")")
#: …but one the text dates by a year of its own is that year's figure (全省生产总值从2020年的3.68万亿元增长到…).
_DATED_START = re.compile(r"[从由]\s*(?:19|20)\d{2}\s*年(?:底|末)?的?\s*(?:近|约|超过?)?$")
#: A change between two years an earlier clause of the sentence states (从2011年的1091.18亿元增加到2016年的1650亿元).
_DATED_CHANGE = re.compile(r"[从由]\s*((?:19|20)\d{2})\s*年(?:底|末)?的[^，。；]*?(?:增加|增长|提高|提升|上升|下降|降低)?"
                           r"(?:到|至)\s*(?:19|20)\d{2}\s*年(?:底|末)?的")
#: A count naming a programme (10家企业做大做强方案) is part of the programme's name.
#: A clause framing what follows (以…和省上10个产业规划为指导): its numbers are context.
_FRAMING = re.compile(r"为(?:指导|依托|契机|重点|主线|抓手|核心|引领)$")
#: A capacity naming a plant (日产5000吨水泥熟料生产线): part of the plant's name.
_CAPACITY = re.compile(r"(?:日产|月产|年产)$")
#: Words after a value that name the amount itself (产值过百亿元目标, 突破千亿元大关, 总量超过五千亿规模 ending its
#: clause), not a thing it qualifies (千亿规模产业集群).
_THE_AMOUNT = re.compile(r"目标|大关|关口|台阶|规模(?![\u4e00-\u9fff])")
#: A quoted name closing a few words after a number (“…大干20件大事”): a slogan, no figure.
_QUOTE_CLOSES = re.compile(r"[^，。；：“”]{0,8}”")
#: Units of a plant's capacity, which name the plant when it follows (40万吨铜冶炼项目).
_CAPACITY_UNITS = ("吨", "千瓦", "标箱", "立方米")
_PLANT = re.compile(r"^[^，。；、]{0,10}(?:生产线|项目|工程|装置|基地)")
#: A verb saying whom the listed works reached, closing the words before a count (…、农村危房惠及群众10.08万户): the
#: count is of those reached, not of the items.
_REACHED = re.compile(r"(?:惠及|覆盖|带动|受益)[\u4e00-\u9fff]{0,4}$")
#: Three or more short items listed right before a count (新区南部、坡头、黄堡、董家河4个园区; 电子信息、医药化工和物流3个产业).
_LISTED = re.compile(r"(?:[^，。；、]{1,8}、){2,}[^，。；、]{1,8}$|(?:[^，。；、和]{1,8}、)+[^，。；、和]{1,8}和[^，。；、和]{1,8}$")
#: Words comparing things with a bar: 32个行业增速高于20%.
_PASSES = re.compile(r"高于|超过|低于|大于|小于|不低于|不少于")
#: Units that count the things named after them (4万个以上5G基站); after any other unit, 以上 and a
#: noun make the value a class of those things (30户以上自然村寨, 500万元以上项目, 60岁及以上老年人口).
_CLASSIFIERS = ("个", "家", "条", "项", "所", "座", "名", "台", "辆", "套", "件", "张", "部", "艘", "只", "头", "株", "盏",
                "口", "列", "宗", "例", "股", "颗", "种", "处", "块", "栋", "枚")
#: A size after its counted noun that makes a class of what follows (100张床位以上养老机构, 50人以下企业);
#: not a rank of what is counted (建设100个省级以上重点实验室: a hundred laboratories of that rank), nor a sum that
#: classes what is counted (1.22万个亿元以上新建续建项目: that many projects of that size).
_SIZE_CLASS = re.compile(r"(?![\u4e00-\u9fff]{0,2}级及?(?:以上|以下))(?![万亿]?元)[\u4e00-\u9fff]{1,3}及?(?:以上|以下)"
                         r"(?=[\u4e00-\u9fff]{2})(?!的)")
#: Units that count things: after examples (A、B、C等42个项目) they count those, and are no figure.
_COUNTED = ("个", "家", "条", "项", "所", "座", "户", "名")
#: Places of a kind a report compares (15个副省级城市, 8个省份GDP超过1万亿元, 长三角41个市中第30位): a count of them is
#: no figure of any one of them.
_PLACES_COMPARED = re.compile(r"^(?:普通|副省级|省会|地级以上|地级|一线|二线|超大|特大|大|中小)?(?:城市|省份|省区市|省市区?|设区市|地级市|地市|市州|计划单列市|[市省县](?=中))(?!广场|公园|更新|社区|书房|绿道|驿站|管网|道路)")
#: What a value qualifies when a count of it follows (新增超10亿元企业1家, 亿元以上项目12个) or a first of it is hoped for
#: (超50亿美元项目取得突破): a class, no figure.
_CLASS_COUNTED = re.compile(r"[\u4e00-\u9fff]{0,4}(?:企业|项目|集群|园区|城市)\s*"
                            r"(?:\d|[一二两三四五六七八九十]+[个家项]|(?:取得|实现)(?:零的)?突破)")
#: Works counted by their own classifier (建设300个乡村全民健身提升工程: 300 works, not a programme's name).
_WORKS_COUNTED = re.compile(r"[个项处][^，。；、]*工程$")
#: Places counted in a clause whose value they pass or fall short of (共有5个城市财政收入增速超过5%, 其它7个城市均低于6%):
#: a bar, no place's figure (but 21个试点城市已安装约22.2万盏路灯 is their figure); also places pointed back to by
#: their number (这五省份…增速均低于9.8%的全国增速).
_PLACES_COUNT = re.compile(r"(?:(?:\d+|[两二三四五六七八九十]+)个|[这该](?:\d+|[两二三四五六七八九十]+))(?:[\u4e00-\u9fff]{0,4}?)"
                           r"(?:城市|省份|地级市|地市|市州)")
#: …and places tallied before their count (财政收入过千亿的省份共有3个).
_BAR = re.compile(r"(?:超过|高于|低于|大于|小于|突破|不足|过)$")
_PLACES_TALLIED = re.compile(r"(?:城市|省份|地级市|地市|市州)中?(?:共有|共|有)$")
_PROGRAMME = re.compile(r"^[^，。；、]{0,12}(?:(?<!解决)方案|措施|举措|路径|政策|办法|工程)$")  # not 30个解决方案, products
#: Words just before a place or firm that make it where the subject is (位于四川省成都市), whom it
#: helps (支援武汉、湖北主战场…，先后调配2018名医务人员), what it buys (收购澳大利亚PEM公司50.1%股权)
#: or builds (建成贵州科学城，国家重点实验室达到5家), not the subject.
_LOCATIVE = re.compile(r"(?:位于|地处|坐落于|落户|支援|援助|援建|帮扶|收购|并购|兼并|参股|控股|建成|打造)\S{0,6}$")
#: The last character of a works' name before the place it holds, 工程 right after the place (引黄济宁工程完成投资30亿元 in
#: 青海's report: the works bringing water to 济宁, not 济宁市's investment); not a word that only goes before a name (在, 的).
_WORKS_NAME_BEFORE = re.compile(r"[\u4e00-\u9fff](?<![的在和与及对向从于为是])")
#: A word before a place that makes it the way things go (经西部陆海新通道, 途经): not the place whose figure it is.
_VIA = re.compile(r"(?<![已曾])经由?$|途经$")
#: A route named by where it goes, right after the place (中欧中亚班列, 中韩航线): its count is not the place's.
_ROUTE_NAMED = re.compile(r"(?:班列|航线|专列)")
#: A preposition before a place, or before the list it is in, that makes it the other side of a trade (对中亚五国、
#: 东盟进出口分别增长37.2%, 向欧盟出口): the trade is the speaker's with that place, not the place's.
_PARTNER = re.compile(r"[对向](?:[\u4e00-\u9fff“”]{1,12}[、和及])*$")
_TRADED = re.compile(r"进出口|出口|进口|贸易")
#: A bracket opening right after a name, holding the place that tells which of its kind (中欧班列（成渝）).
_QUALIFYING_BRACKET = re.compile(r"[\u4e00-\u9fff][（(]")
#: What follows a place that locates an example of the things its value counts (贵阳“青云市集”等夜间消费聚集区55个),
#: the example any of a list's (引进了河北某某绞股蓝开发、甘肃某某石油助剂等招商项目33个).
_EXAMPLE_OF = re.compile(r"[^，。；：、]{1,12}?(?:、[^，。；：、]{1,12}?)*等[^，。；：、\d]{1,12}")
#: A name given as one of the things a count includes (包括中国电信在内有42家上市公司, 含浦东新区在内的5个区):
#: the word opening the inclusion before it, and its close after it (through the rest of a list).
_INCLUDED = re.compile(r"(?:包括|包含|含)[^，。；：]{0,30}$")
_INCLUDED_END = re.compile(r"[^，。；：]{0,20}?在内")
#: What follows a place or firm that is a project, not an actor (推进皖南国际文化旅游示范区建设，…力争游客增长11%;
#: 永锋临港焦钢一体化等重大项目，力争高端精品钢产量占比达到50%左右).
_PROJECT_AFTER = re.compile(r"建设|[^，。；：]{0,20}?等(?:战略|重点|重大)?(?:平台|项目|园区)")
#: A sector a clause names of its own, which the recogniser may not know (能源工业增长3.4%).
_SECTOR_OF_ITS_OWN = re.compile(r"^(?!带动|拉动|推动|相关)[\u4e00-\u9fff]{1,6}(?:产业|工业|行业)")  # not 带动产业市场规模
#: A region's output of a product or service (粮食产量, 粮食总产, 烟叶收购, 快递业务量).
_OUTPUT = re.compile(r"产量|总产(?!值)|收购|业务量")
#: The sectors a region's accounts break its economy into (农林牧渔业总产值, 第三产业增加值, 工业增加值; the farming
#: branches a statistics bulletin breaks that gross output into, 林业产值, 农林牧渔专业及辅助性活动产值): their gross
#: output or value added, listed after the region's product (地区生产总值164亿元。其中：…建筑业增加值24932万元) or
#: opening a section of their own (二、农业 / 农业增加值32586万元), is one of the headline figures of the region a
#: statistics report speaks for; in a work report, only in the sentence of the product (its 全市服务业增加值增长8%
#: stays the sector's). The accounts' service sections count alike (…建筑业增加值72140万元；批发和零售业增加值
#: 38152万元；…；其他服务业增加值189846万元).
_REGIONS_PRODUCT = re.compile(r"地区生产总值|国内生产总值|GDP")
#: Totals that by definition are a place's, whatever sector an earlier clause of the sentence spoke of.
_PLACE_TOTAL = re.compile(_REGIONS_PRODUCT.pattern + r"|社会消费品零售总额")
_ACCOUNTS_TOTAL = re.compile(_REGIONS_PRODUCT.pattern + r"|农林牧渔业?总产值")
_ACCOUNTS_SERVICES = (r"批发和零售业|交通运输、仓储和邮政业|住宿和餐饮业|信息传输、软件和信息技术服务业|金融业|房地产业"
                      r"|租赁和商务服务业|其他服务业")
_ACCOUNTS_SECTOR = re.compile(r"第[一二三]产业|农林牧渔专业及辅助性活动|农林牧渔业?|农业|林业|牧业|畜牧业|渔业|工业|服务业|建筑业|"
                              + _ACCOUNTS_SERVICES)
#: A sector's output in the region's accounts, also as a bulletin words it (全年实现农林牧渔业总产值81.10亿元)
#: and its farming services (农业服务业产值2.15亿元).
_ACCOUNTS_MEASURE = re.compile(rf"^(?:全年|全部|规模以上|规上)?(?:实现|完成)?(?:{_ACCOUNTS_SECTOR.pattern})(?:服务业)?"
                               r"(?:总产值|增加值|产值)")
#: A product a clause names of its own before its growth, which the recogniser may not know (工业机器人同比增长
#: 56.5%，集成电路增长30.3%); not a measure (利润增长) nor a qualifier of the growth (同比增长).
_BARE_CHANGE_OPENING = re.compile(r"^(?:同比|比上年|较上年|比去年|较去年|全年|累计|分别|其中|均|也|还|实现|完成)+$")
_ITEM_OF_ITS_OWN = re.compile(r"^(?!同比|比上年|较上年|比去年|较去年|全年|累计)([\u4e00-\u9fff]{2,8})(?:同比)?(?:增长|下降)$")
#: The growth of investment in an industry (房地产开发投资增长10.5%, 软件和集成电路投资增长38.1%, also after the rest of a
#: longer name the sector's opens, 航空航天|器及设备投资增长61.2%): the investing place's figure (not the industry's own
#: investment plans: LED投资计划额超过300亿元).
_INVESTED_IN = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:制造|开发|产业|行业|领域)?投资(?:同比|比上年)?(?:增长|下降|增速)")
#: What may stand before a place leading its clause: a time (2021年，无锡市…; 2021年一季度安徽省…; 今年以来),
#: a connective, a proposal it is to act on (建议浙江省制定…，明确2027年建成5个…), or what the place is
#: described as (…基数偏低的武汉，经济增速达到18.8%).
_LEADS = re.compile(r"^\s*(?:其中|同时|此外|另外|而|建议|希望)?\s*(?:(?:19|20)\d{2}年|今年|去年)?(?:" + _PERIOD.pattern
                    + r")?(?:底|末|以来)?\s*$|的$")
#: A verb gaining or creating things, before the place that qualifies them in their name (新增中国名牌产品7只,
#: 中国驰名商标56只 later in its list; 新增中国美丽休闲乡村1个, 全国美丽乡村和中国最美休闲乡村11个): the place is no
#: subject of their count; also after the way they were gained (新增直接采认台湾地区职业技能资格6项).
_GAINED = re.compile(r"(?:新增|获得|荣获|培育|创建|争创|入选|认定|打造)(?:[^，。；：]*[、和]|直接|(?:直接)?(?:采认|引进|认定))?$")
#: A list of places the count right after it counts (唐山开平、张家口怀安2个国家级示范基地, 苏州、无锡等3个城市):
#: a list mark before the last place, and between it and the count at most the two characters of a place
#: inside it (苏州昆山), not a verb (南京、苏州新增3家), and 等.
_LISTED_BEFORE = re.compile(r"[、和及]")
_LISTED_AFTER = re.compile(r"(?:(?!新增|获得|获批|荣获|培育|创建|争创|入选|认定|建成|拥有|共有|达到|实现|完成|打造|建设)"
                           r"[\u4e00-\u9fff]{2})?\s*等?\s*")
#: Firms an industry's name qualifies (市级农业龙头企业销售收入增长11.1%): their measure is not the industry's.
_FIRMS_AFTER = re.compile(r"(?:龙头|骨干|重点|规上|规模以上)?企业")
#: Loans a sector took (制造业中长期贷款余额, 涉农贷款): what the place's lenders lent, not the sector's own measure.
_LENT = re.compile(r"贷款|信贷")
#: A sector's takings right after its name (全市旅游总收入, 旅游综合收入): what the place earned from visitors, a
#: headline figure of the place's report (the recogniser reads the sector there, for what the place develops).
_TAKINGS = re.compile(r"(?:总|综合)?收入")
#: A sector's share of its region's output (制造业增加值占地区生产总值比重20%, 规上高新技术产业产值占规上工业
#: 产值的比重达到55%): the region's figure.
_REGIONS_WHOLE = re.compile(r"占(?:地区生产总值|全省生产总值|全市生产总值|国内生产总值|GDP|"
                            r"(?:全省|全市)?(?:规上|规模以上)?工业(?:总产值|产值|增加值))")
#: The whole a share is of (占全国的10%, 在全球可再生能源发电总装机中的比重接近40%): what follows 占 or that 在 is no
#: subject.
_SHARE = re.compile(r"(?<![抢霸侵攻])占(?![据领有用])|在(?=[^，。；]{1,24}中的?(?:比重|占比|份额))")
#: The whole a text compares with (在全国处于前列, 居全省首位), as _OWN_REGION leaves it out.
_FRAME = re.compile(r"[在居占于比](?:全国|全省|全市|国内|全球)$")
#: Words before a place or firm a value is compared with (与深圳的差距缩小到1223亿元, 这一数据高出上海70.24亿元).
#: A bracket after a place, holding its own value (领先杭州（GDP 4539亿元）).
_OWN_BRACKET = re.compile(r"\s*[（(]\s*[A-Za-z\u4e00-\u9fff]{0,6}\s*")
_COMPARED_WITH = re.compile(r"(?:与|同|(?<![占对])[比较]|高出|超出|低于|高于|跑赢|距离|领先|落后于?)$")
#: A zone's name that is its kind alone (自贸试验区, 高新区): no place of its own to carry to later sentences.
_BARE_ZONE = re.compile(r"(?:自由贸易|自贸)?试验区|自贸区|高新区|开发区|经开区|保税区|综合保税区|新区")
#: A port's or airport's name (北部湾港, 天津港, 宁波舟山港): a facility, whose throughput its own clauses give; the later
#: sentences are not its (实际使用外资15.1亿美元 after 北部湾港货物吞吐量突破8亿吨 is the region's).
_FACILITY = re.compile(r"[\u4e00-\u9fff]{2,}(?:港|港口|港区|机场|码头)")
#: A zone, airport or port named in full at the opening of a clause on its own figures (哈大齐国家自主创新示范区新增科技型
#: 企业1200家, 海口江东新区新增注册企业1.2万家, 哈尔滨太平国际机场旅客吞吐量达到2081万人次, 张家港港完成货物吞吐量2.8亿吨:
#: a port named after a place whose name ends in 港, so not 张家|港): its name (group 1) and kind (group 2); not the kind
#: alone, nor zones counted (全省开发区, 各新区, 国家级新区).
_NAMED_ZONE = re.compile(r"\s*(?![全各我本该其这])([\u4e00-\u9fff]{2,10}?(?<!国家级)(?<!省级)(?<!重点)"
                         r"(自主创新示范区|经济技术开发区|高新技术产业开发区|经济开发区|综合保税区|高新区|新区|科技城|"
                         r"国际机场|机场|国际陆港|港(?!港|口|区)))(?=[\u4e00-\u9fff])")
#: …the kinds whose names say no more than a place and the kind (江东新区 could be any city's; 邮轮母港, 上半年港股 are no
#: places): the name opens with a place the text names (海口|江东新区, 张家港|港).
_PLACE_NAMED_KINDS = ("高新区", "新区", "科技城", "国际机场", "机场", "国际陆港", "港")
#: …the kinds of facility whose own figure is their throughput (旅客吞吐量, 货物吞吐量): their other counts (石家庄国际陆港
#: 开行中欧班列780列) are the region's that runs them.
_FACILITY_KINDS = ("国际机场", "机场", "国际陆港", "港")
_THROUGHPUT = "吞吐量"
#: The stem of a firm's name opening a clause before a trade word (其中，海康|机器人营收…): _house_brand.
_HOUSE_STEM = re.compile(r"\s*(?:其中|另外|此外|同时)?\s*[，,]?\s*([\u4e00-\u9fff]{2,4})")
#: The last character of a division's full name, which its short name drops (海口市: 海口).
_DIVISION_ENDS = ("省", "市", "县", "区")
#: A zone named by its kind alone at a clause's opening (2002年高新区完成技工贸总收入150亿元).
_UNNAMED_ZONE = re.compile(r"(?:^|[，；：])\s*(?:(?:19|20)\d{2}年)?(高新区|开发区|经开区|保税区)")
#: After a zone's kind, a count of such zones (开发区|和工业园区由162个整合为123个): through a list of kinds, a few words
#: and a number with the classifier of places.
_ZONES_COUNTED = re.compile(r"(?:[和及、][\u4e00-\u9fff]{1,6}?)*[^，。；：\d]{0,4}?[\d.]+个")
#: A new area, a road or a project's phase the recogniser does not name, opening a clause on its works
#: (芙蓉新区完成投资72.7亿元, 韶新高速完成投资25亿元, 铜镍项目一期完成投资20亿元): that clause's figures are its own.
_WORKS = re.compile(r"(?:^|[，；：])\s*([\u4e00-\u9fff]{2,6}?(?:新区|高速|项目[一二三]期)(?=完成|全面|实现))")
#: A financial market as a clause's holder (上半年A股市场融资融券的日均余额, 全市场新发基金, 市场股基日均成交额):
#: the market's figure, not the firm or place the text is about.
_MARKET = re.compile(r"(?:A股|港股|美股|股票|全)市场|市场股基")
#: A clause saying only how the value before it changed (相比去年同期增长9%, 同比下降2%).
_BARE_CHANGE = re.compile(r"(?:同比|相比|较|比)?(?:去年|上年)?(?:同期)?(?:增长|下降|增加|减少|上升|下滑)了?")
#: A set the clause counts things among (在已发布业绩预告的14只券商股中，有8家…): its counts are of others.
_AMONG = re.compile(r"(?:^|[，。；])在[^，。；]{0,30}\d+\s*[个家只所项名位][^，。；]{0,8}中(?:[，,]|$)")
#: …and the rest of a set's count that another count is among (41个大类行业中有37个).
_COUNTED_AMONG = re.compile(r"[^，。；\d]{0,10}中有\s*(?:\d|[一二两三四五六七八九十])")
#: A sentence breaking down the figures of the one before it.
_BREAKDOWN = re.compile(r"\s*其中")
#: Openings going on with the report of the sentence before: 同时, 此外, 同期, 主要产业中, 分产业看, 从增长走势来看.
_LINKED = re.compile(r"\s*(?:同时|此外|另外|同期|[^，。；]{1,8}中(?=[，,])|[分从][^，。；]{1,8}看(?=[，,]))")
#: A line restating a news page's title: 原标题 深圳上半年GDP增长3%.
_RESTATED_TITLE = re.compile(r"\s*原标题")
#: Firms by where their owners are from, after a place's name (外商及港澳台商投资企业, 台资企业): the place is
#: no subject of their figures.
_INVESTORS_FROM = re.compile(r"[台臺]?[商资](?:投资)?企业")
#: A place traded with (对南亚东南亚进出口额达到1200亿元, 对东盟出口增长12%): the partner, not whose trade it is;
#: _TRADE_WITH reads the words before the place, _TRADE those after it (other partners may be listed either side).
_TRADE_WITH = re.compile(r"(?:^|[^相针绝])对[\u4e00-\u9fff、和及与]{0,8}$")
_TRADE = re.compile(r"[\u4e00-\u9fff、和及与]{0,8}?(?:国家|地区|市场)?(?:的)?(?:进出口|出口|进口|贸易|外贸)")
#: A bar of level after a place's name (亚洲级以上大赛金牌33枚): the place names the level, it is no subject.
_LEVEL_BAR = re.compile(r"级及?以上")
#: A route between two places, named by its ends (崇左至凭祥铁路, 合浦至湛江铁路): neither end is a subject.
_ROUTE_WORD = r"(?:城际)?(?:高速铁路|铁路|高铁|高速公路|高速|公路|航线)"
_ROUTE_FROM = re.compile(r"[至到][\u4e00-\u9fff]{1,6}?" + _ROUTE_WORD)
_ROUTE_TO = re.compile(_ROUTE_WORD)
#: A belt's name whose 带 is the verb 带动/带来/带领 read into it (青海拉面产业带动力不断增强): no place.
_VERB_CUT = re.compile(r"带[动来领]")
#: A section's heading opening with the place it is on (合肥：2025年数字经济占GDP比重达50%以上): a line of no
#: sentence, the place's name before a colon; or a profile's heading, the place and what the profile is
#: (康保县简介, 尚义县基本情况: a page presenting two places, one after the other).
_PLACE_HEADING = re.compile(r"^\s*(?:([\u4e00-\u9fff]{2,8})[：:][^\n。]{2,40}"
                            r"|([\u4e00-\u9fff]{2,8}?)(?:简介|概况|基本情况))\s*$", re.MULTILINE)
#: The line marking an attachment (附件, 附件2：), which stands above its title.
_ATTACHMENT = re.compile(r"\s*附件\s*\d*\s*[:：]?[ \t]*\n")
#: Where a first line runs on past its title: the page's stamp (日期：, 来源：) or a full stop (- 2024一季度洛龙区
#: 经济运行分析-日期：2024-06-03来源：区统计局今年以来，…对标深圳南山…。); a headline may hold ！ or ？.
_TITLE_RUN_ON = re.compile(r"(?:日期|时间|来源|作者|发布时间|发布日期|发布机构)\s*[：:]|。")
#: A web page's path above its title (首页 > 资讯 >, 当前位置：首页/新闻中心): a line of its own.
_PAGE_PATH = re.compile(r"\s*(?:(?:当前|您的)位置[：:]\s*)?首页\s*[>＞»›/][^\n]{0,40}\n")
#: A paragraph opening with a name and a colon: 宝武：2023年力争实现碳达峰.
#: The day a news paragraph opens with before what it is on: 3月22日晚，, 近日，, 2024年4月29日，; also after the
#: wire's dateline the lead opens with (证券时报网讯  2024年4月29日晚间，, 中证网讯（记者 宋维东）).
_DAY = r"(?:(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}日(?:晚间?|早间|盘后|午间)?|近日|日前|同日|当日)[，,]\s*"
_OPENING_DAY = re.compile(r"\s*(?:[\u4e00-\u9fff]{1,6}讯\s*(?:[（(]记者[^）)\n]{1,12}[）)])?\s*(?:" + _DAY + ")?|" + _DAY + ")")
#: The rank a news item gives a firm right before its name (乳业龙头伊利股份, 光伏巨头隆基绿能).
_FIRM_RANK = re.compile(r"[\u4e00-\u9fff]{1,6}?(?:" + "|".join(FIRM_RANKS) + ")")
_LABEL = re.compile(r"\s*([\u4e00-\u9fff]{2,6})[：:]")
#: A numbered item titled with a product: （四）医疗影像辅助诊断系统。, （八）智能家居产品。
_PRODUCT_ITEM = re.compile(r"\s*（[一二三四五六七八九十]+）([\u4e00-\u9fff]{2,12}?(?:系统|产品|机器人|无人机|终端|装备|芯片|传感器))。")
#: How often a text names the industry or firm it is about, at least.
_TIMES_ABOUT = 3
#: The line of business a subsidiary's name adds to its parent's (东方财富证券, 平安银行), and the fewest
#: characters of a parent's name left (not 招商 of 招商证券, also in 招商引资).
_BUSINESS_LINE = re.compile(r"(?:证券|银行|基金|保险|期货|信托|租赁|财险|寿险)$")
_PARENT_STEM = 3
#: How often, as a share of the most-named region's, another of its level is named when a text compares
#: them rather than speaking for one.
_RIVAL_SHARE = 2 / 3
#: The reference level of a body of the central government (工业和信息化部, 国家统计局).
_NATIONAL_BODY = "national_body"
#: What separates the items of a list of places (江苏、山东、浙江), and what closes one of examples (…等9个工业大省).
_LIST_MARK = "、"
_EXAMPLES_END = "等"
#: The government a work report speaks for: 我代表市人民政府, 代表省人民政府.
_SPEAKER = re.compile(r"我代表[\u4e00-\u9fff]{0,8}?((?:自治)?[省市县区])人民政府")  # 我代表自治区人民政府: a province's
_SPEAKER_LEVELS = {"省": "province", "自治区": "province", "市": "city", "县": "county", "区": "county"}
#: News on a work report naming the head of government who delivered it (代理县长李卫作政府工作报告, 市长…作了政府工作报告).
_DELIVERED_BY = re.compile(r"([省市县区])长[^，,。；\n]{0,12}?作(?:了|的)?[《〈]?政府工作报告")
#: A region's government as a report's head or title names it (新郑市人民政府市长, 义乌市政府工作报告).
_GOVERNMENT = ("人民政府", "政府")
#: A region's statistics bureau as the first line of its bulletin names it (江口县统计局): the author, whose place
#: the bulletin's figures are.
_STATISTICS_BUREAU = "统计局"
#: The country's name inside the name of the state's founding or of its doctrine (新中国成立75周年,
#: 中国特色社会主义, 中国式现代化): no mention of the country as a place a text speaks of.
_COUNTRY_IN_A_NAME = re.compile(r"(?<=新)中国|中国(?=特色|式)")
#: The rest of a ranking's name a place opens (中国企业500强中各有20家企业上榜): the ranking's, no figure of the place.
_RANKING_NAMED = re.compile(r"[\u4e00-\u9fff]{0,4}\d+强")
#: The rest of a traded market's name a place opens (中国小商品城市场成交额 in 义乌's report, 中国|轻纺城): the market's
#: figure, no figure of the place (it falls to the place the text speaks for, as the market is in it).
_MARKET_NAMED = re.compile(r"[\u4e00-\u9fff]{0,3}?(?:商品城|商贸城|轻纺城|商城|批发市场)")
#: 控股 before a measure a firm holds (国电电力控股装机容量): the measure's word, no end of the firm's name.
_HOLDING = "控股"
_HELD_MEASURE = re.compile(r"装机|发电|产能|供热|售电|权益")
#: What ends a list's lead paragraph, and how many paragraphs after it may be its items.
_LIST_LEAD = ("：", ":")
#: A paragraph opening with a dash: an item of a list of goals (——高端制造引领功能大幅提升。…).
_DASHED_ITEM = re.compile(r"\s*(?:——|－－|--)")
_LIST_ITEMS = 6
#: What may open a clause before the 全省 or 我市 that speaks for the text: 力争到2027年，全省….
_SELF_OPENING = re.compile(r"\s*(?:其中|同时|此外|另外|而|力争|预计)?\s*(?:到\s*)?(?:(?:19|20)\d{2}\s*年|今年|去年|全年)?"
                           r"(?:底|末|以来)?\s*(?:" + _PERIOD.pattern + r")?\s*")
#: A rank right after 全国 or 全省 (全国一流大学城, 全省领先), or the title of a zone leading it (打造全省实数融合发展
#: 先行区 in a city's plan): it ranks a thing within, not the text's own region.
_RANKED_IN = re.compile(r"一流|领先|前列|知名|首[个家批位]|第[一二三四五六七八九十\d]"
                        r"|[\u4e00-\u9fff]{0,10}?(?:先行区|示范区)(?![\u4e00-\u9fff])")
#: Region levels whose own name a document that says 全市, 全省 or 全县 must use most.
_OWN_LEVELS = ("city", "province", "county")


class _Heading(NamedTuple):
    """The heading a section is under, when it names a year: 二、2024年主要任务."""

    rank: int  # heading_rank: a heading of this rank or above ends the section
    year: int
    kind: str  # target | reported
    period: bool = False  # over a five-year plan period (二、“十五五”时期的主要目标任务), its last year named by none


@dataclass
class _Scope:
    """What every figure of one document is read against."""

    extraction: Extraction
    mentions: list[tuple[int, int, Entity]]  # (start, end, entity) of its regions, industries and firms
    levels: dict[str, set[str]]  # region IRI → its reference levels (province, city …)
    issued: int | None  # the year of the document's date
    home: Entity | None  # the region it speaks for (全省, 我市), else its policy
    #: the regions a later sentence's figures may be of without naming them: the home region and
    #: the places inside it (not 长三角, the grouping a province's report names once); all when
    #: the document speaks for no region
    carried: set[str] | None
    #: (start, entity order, mention order, policy) of every policy mention, sorted
    policy_mentions: list[tuple[int, int, int, Entity]]
    #: the year of the part of a year a news report covers (2021年上半年): the year of its figures
    #: that name that part (上半年，全市规模以上工业增加值…), or all from ``period_from`` on
    period_year: int | None
    #: where the figures dated by the part of a year the report covers begin: at its title when that
    #: names the part, after it when its lead does (年初以来，…首季“开门红”), None when neither
    period_from: int | None
    #: the year of the annual report a firm's news is on (佩蒂股份发布2024年财报): of its 报告期内 figures
    report_year: int | None
    #: whether the text opens on a firm announcing that report (近日，东方中科发布2023年年度报告): then
    #: every paragraph naming no year of its own is on the report's year
    report_announced: bool = False
    #: the year of the government work report a news item's lead says was delivered (_work_report_year)
    work_report: int | None = None
    #: the country its 全国 speaks of when the text speaks for no country and never names it (_country_spoken)
    country: Entity | None = None
    #: the zones, airports and ports (_clause_zone) and the firms (_house_brand) the recogniser did not name whose own
    #: clauses give figures, by IRI: entities of the document once a figure is theirs
    unnamed: dict[str, Entity] = field(default_factory=dict)


def find_figures(extraction: Extraction, reference: Reference) -> list[Figure]:
    """Every figure with a year the document states, in text order.

    A page in traditional characters comes as its reading copy (kg.extract.reading): its figures carry
    the simplified indicator and unit (亿元, whatever the script it was printed in), so one query finds a
    measure across documents, as the reference names places in simplified characters."""
    document = extraction.document
    announcer = _announcing_firm(extraction)
    coded = _coded_firm(extraction) if announcer is None else None
    mentions = sorted(((m.start, m.end, e) for e in extraction.entities if e.type in _SUBJECT_TYPES
                       for m in e.mentions), key=lambda item: item[:2])  # a name before the names nested in it
    mentions = [(start, end, e) for start, end, e in mentions  # 金属矿|砂、农产品: no firm, a cut of a list's item
                if not (e.type == "Enterprise" and _ITEM_GOES_ON.match(document.text, end))]
    mentions = _described_firms(extraction, _held_measures(extraction, mentions))
    firm_end = {start: end for start, end, e in mentions if e.type == "Enterprise"}
    mentions = _firms_short_names(_without_places_in_names(mentions, document.text), document.text)
    mentions = [(start, end, e) for start, end, e in mentions  # 澳大利亚 of 澳大利亚OZ公司: where the firm is from
                if (e.type != "Region" or firm_end.get(start, 0) <= end)
                and not (e.type == "Enterprise" and _STATEMENT_TERM.search(e.name))
                and not (e.type == "Enterprise" and _LEADING.fullmatch(e.name))  # ；实现净利润…: a verb, no firm
                and not (e.type == "Enterprise" and _GROWTH.fullmatch(e.name))  # ，同比下跌44.32%: a change's words
                and not (e.type == "Region" and _VERB_CUT.match(document.text, end - 1))
                and not (e.type == "Region" and _INVESTORS_FROM.match(document.text, end))
                and not (e.type == "Region" and _TRADE.match(document.text, end)
                         and _TRADE_WITH.search(document.text[max(start - 10, 0):start]))
                and not (e.type == "Region" and _LEVEL_BAR.match(document.text, end))
                and not (e.type == "Region" and _RANKING_NAMED.match(document.text, end))
                and not (e.type == "Region" and _MARKET_NAMED.match(document.text, end))
                and not (e.type == "Region" and _route_end(document.text, start, end))]
    levels = {e.iri: {level for r in reference.lookup(e.name, "Region") for level in _levels(r)}
              for e in extraction.entities if e.type == "Region"}
    # the home may be a county-level city (慈溪市's 全市 is 慈溪市), but another city it names stays what it is
    spoken = {iri: level | _named_level(extraction.entity(iri).name) for iri, level in levels.items()}
    group = None if announcer or coded else _titled_group(extraction)
    home = group or _home_subject(extraction, spoken, reference, announcer or coded)  # may add the region it names most
    levels = {iri: levels[iri] if iri in levels and (home is None or iri != home.iri) else spoken[iri]
              for iri in spoken}
    mentions = sorted(mentions + [(m.start, m.end, parent) for parent in _parent_firms(extraction)
                                  for m in parent.mentions]
                      + [(m.start, m.end, group) for m in (group.mentions if group else ())], key=lambda item: item[:2])
    mentions = _coded_openings(extraction, mentions)
    policies = [e for e in extraction.entities if e.type == "Policy"]
    policy_mentions = sorted((m.start, i, j, e) for i, e in enumerate(policies) for j, m in enumerate(e.mentions))
    carried = _inside(home, extraction, reference) if home is not None and home.type == "Region" else None
    reviewed = _year_reviewed(document.text)
    issued = _issue_year(extraction) or (reviewed + 1 if reviewed is not None else None)
    period_from = _period_covered(document.text)
    period_year = _period_year(document.text, issued, period_from is not None, reviewed)
    year_reported = _year_reported(document.text) if issued is None and period_from is None else None
    if year_reported is not None:  # written after the year it is on: its 去年 is that year
        period_from, period_year = year_reported
        issued = period_year + 1
    # 天山股份首次披露年度ESG报告，…从2021年度的经营业绩…: its 截至报告期末 is the end of 2021
    annual_report = _ANNUAL_REPORT.search(document.text) or (
        _YEAR_OF_ACCOUNT.search(document.text) if _REPORT_PERIOD.search(document.text) else None)
    document_scope = _Scope(extraction, mentions, levels, issued or period_year, home, carried, policy_mentions,
                   period_year, period_from, int(annual_report.group(1)) if annual_report else None,
                   announcer is not None, _work_report_year(document.text, issued),
                   _country_spoken(extraction, levels, reference, home))
    texts = _issued_texts(extraction)
    figures: list[Figure] = []
    section_year: int | None = None
    goals = False  # under a heading of the plan's goals (（二）主要目标)
    heading: _Heading | None = _one_year_plan(document.text)
    unnamed: int | None = None  # where a zone spoken of without its name takes over the sentence
    in_plan_period = False
    goals_year: int | None = None  # the year of the goals a sentence ending at ； lists after its lead (_goals_year)
    plan_end: int | None = None  # the last year of the plan period the sentence's figures are for
    topics: dict[int, Entity | None] = {}  # by where the paragraph starts
    quoted_goals: tuple[int, int] | None = None  # where a paragraph quoting a plan's goal year starts, and the year
    paragraph_years: _ParagraphYears | None = None  # those of the paragraph the sentence is in
    list_year: tuple[int, str] | None = None  # the year the lead of the list the paragraph is an item of names
    going_on: tuple[int, str] | None = None  # the part of a year the paragraph before reports on
    looking_back = False  # whether the paragraph looks back on the five-year period its heading reviews
    columns: list[str] = []  # the columns of the results table read last (its rows may go on after a note)
    segments: list[str] = []  # the header of the table by segment the sentence before is a row of
    firms = [e for _, _, e in mentions if e.type == "Enterprise"]
    sections = _place_sections(extraction, mentions)
    for sentence in document.sentences:
        scope = _section_scope(document_scope, sections, sentence.start, reference)
        numbered = SECTION_HEADING.match(sentence.text) is not None and not _ORDINALS_LISTED.match(sentence.text)
        if numbered and not _SECTION_YEAR.match(sentence.text):
            section_year = None
            goals = bool(_GOALS_HEADING.match(sentence.text))
        dated = year_heading(sentence.text)
        period_heading = None if dated else _plan_heading(sentence.text)
        named = dated or period_heading or _undated_review(document.text, sentence.text, document_scope.issued)
        if named:
            year, kind = named
            heading = _Heading(heading_rank(sentence.text), year,
                               kind or _untold_kind(document.sentences[sentence.index + 1:], year),
                               period_heading is not None)
        elif heading and numbered and heading_rank(sentence.text) <= heading.rank:
            heading = None
        opened = _SECTION_YEAR.match(sentence.text) or (_GOALS_YEAR.search(sentence.text) if goals else None)
        if opened:
            section_year = int(opened.group(1))
        table = _PLAN_TABLE.search(sentence.text)
        if table and not dated:  # 二、“十五五”时期目标任务和2026年工作安排: the year's section, not a table of the period's
            section_year = _PLAN_END_YEAR + 5 * (_PLAN_NUMBERS.index(table.group(1)))
            achieved = _PERIOD_ACHIEVED.search(sentence.text)
            if achieved:
                achieved_end = _PLAN_END_YEAR + 5 * _PLAN_NUMBERS.index(achieved.group(1))
                heading = _Heading(heading_rank(sentence.text), achieved_end, "reported")
        previous: Figure | None = None
        outer: Figure | None = None  # the figure before it in the sentence outside a breakdown (其中…)
        previous_end = 0
        # 东方财富证券实现营业收入41.77亿元…；净利润28.48亿元: a clause after ； keeps the firm before it
        continued = figures[-1].subject if figures and figures[-1].sentence == sentence.index - 1 \
            and _continues(document.text, sentence) and _is_firm(extraction, figures[-1].subject) else None
        first_of_sentence = len(figures)
        breakdown = _breakdown_year(document.text, sentence, figures, document.sentences)
        paragraph_start = document.text.rfind("\n", 0, sentence.start) + 1
        if paragraph_years is None or paragraph_years.starts[0] != paragraph_start:  # a new paragraph
            paragraph_years = _ParagraphYears(document.text, paragraph_start, document_scope.issued)
            going_on = _period_going_on(document.text, figures, paragraph_start)
            list_year = _list_year(document.text, paragraph_start, document_scope.issued) \
                or _dashed_goal_year(document.text, paragraph_start) \
                or _five_years_reviewed(document.text, paragraph_start, document_scope.issued)
            looking_back = _looks_back_on_period(document.text, paragraph_start, heading)
        paragraph_year = paragraph_years.before(sentence)
        quoted = _QUOTED_GOALS.match(sentence.text)
        if quoted:
            quoted_goals = (paragraph_start, int(quoted.group(1)))
        quoted_year = quoted_goals[1] if quoted_goals is not None and quoted_goals[0] == paragraph_start else None
        if paragraph_start not in topics:  # the same for each sentence of the paragraph
            topics[paragraph_start] = _paragraph_topic(mentions, firms, document.text, paragraph_start) \
                or _firm_gone_on(scope, topics, paragraph_start)
        paragraph_topic = (topics[paragraph_start]
                           or _paragraph_subject(scope, figures, sentence.start)
                           or _paragraph_firm(scope, figures, sentence.start)
                           or _broken_down(scope, document.sentences, sentence)
                           or _paragraph_place(scope, sentence))
        product = _item_product(extraction, sentence.start)
        # “十四五”时期，全省地区生产总值年均增长7%左右；常住人口城镇化率达到58%左右 (under 到2035年):
        # figures of the plan's period, not of the year the section opened with
        in_plan_period = bool(_PLAN_PERIOD.search(sentence.text)) or (in_plan_period
                                                                      and _continues(document.text, sentence))
        plan_end = _plan_end(document.text, sentence, plan_end)
        goals_year = goals_year if goals_year is not None and _continues(document.text, sentence) \
            else _goals_year(sentence.text, _relative_base(document_scope, heading))
        unnamed = 0 if unnamed is not None and _continues(document.text, sentence) else _unnamed_zone(scope, sentence)
        works = _works_clauses(scope, sentence)
        by_segment = _segment_figures(scope, sentence, segments)
        segments = by_segment[0] if by_segment is not None else []
        if by_segment is not None:  # a results table's rows by segment: its cells, not its clauses
            figures += by_segment[1]
            continue
        rows = _table_figures(scope, sentence, columns)
        if rows is not None:  # a results table's rows: its cells, not its clauses
            columns = rows[0]
            figures += rows[1]
            continue
        flat = _flat_table_figures(scope, sentence)
        if flat:  # a results table copied from a PDF: its rows, not its clauses
            figures += flat
            continue
        for match in _values(sentence.text):
            if (unnamed is not None and match.start() >= unnamed) or any(a <= match.start() < b for a, b in works):
                continue  # 2002年高新区完成技工贸总收入150亿元…；实现高新技术产品产值50亿元: the zone's, not the city's
            broken_down = _BREAKDOWN.match(sentence.text, _clause_start(sentence.text, match.start()))
            # 地区生产总值年均增长5%以上，其中制造业增加值占比25%左右，…常住人口城镇化率达到69%: the breakdown's
            # sector is its clause's subject only
            carried = previous if broken_down else outer
            figure = _figure(scope, sentence, match, previous_end,
                             goals_year or (None if in_plan_period or looking_back or paragraph_year is not None
                                            or paragraph_years.dated_earlier_in_sentence(sentence)
                                            else section_year or quoted_year),
                             _framing(heading, breakdown),
                             carried.subject if carried else continued, paragraph_topic or product or scope.home,
                             list_year, going_on, plan_end, paragraph_year)
            if figure is None or _threshold(previous, figure, document.text):
                continue
            for unnamed_subject in (product, document_scope.country, scope.unnamed.get(figure.subject)):
                # a product or zone the recogniser did not name, or the country only 全国 speaks of
                if unnamed_subject is not None and figure.subject == unnamed_subject.iri \
                        and extraction.entity(unnamed_subject.iri) is None:
                    extraction.entities.append(unnamed_subject)
            # 山东9.9%、重庆9.9%: the place named right before it is its subject, whatever the figure before is of
            named_here = any(entity.iri == figure.subject for _, _, entity in
                             _window(mentions, sentence.start + previous_end, sentence.start + match.start()))
            gap = sentence.text[previous_end:match.start()].strip()  # 和; 个、下降 (下降0.2个、下降0.6个百分点)
            joined = gap in _YEAR_JOINERS or bool(_NEXT_OF_LIST.fullmatch(gap))
            previous_end = _unit_end(sentence.text, match)
            if (previous is not None and len(figure.indicator) < 2 and figure.unit == previous.unit
                    and (figure.year != previous.year or joined)):
                # 比例将在2015年上升至50%，在2020年达到80%: the same indicator in another year; 粮油产量稳定在11万吨、
                # 2.6万吨: the next of its values, whose subject the one before has
                figure.subject, figure.indicator = previous.subject, previous.indicator
            elif previous is not None and figure.indicator.startswith("占") and figure.unit in _RATES \
                    and figure.subject == previous.subject and not named_here:
                # 进出口18727.3亿元，增长24.3%，占外贸总值的57%: the share of the measure before it
                figure.indicator = previous.indicator.removesuffix("增速") + figure.indicator
            elif previous is not None and _GROWTH.match(figure.indicator) and figure.unit in _RATES \
                    and not (named_here and not figure.indicator):
                # 营业收入达到3200亿元，同比增长12.5%: the growth of the figure before it
                measure = previous.indicator.removesuffix(_change_of(sentence.text, previous.start - sentence.start))
                figure.subject, figure.indicator = previous.subject, measure + "增速"  # not 播种面积增加增速
            elif previous is not None and figure.unit == previous.unit and _change_of(sentence.text, match.start()):
                # 棉花播种面积3.69千公顷，增加0.17千公顷: the change of the figure before it, in its unit
                figure.subject = previous.subject
                figure.indicator = previous.indicator + _change_of(sentence.text, match.start())
            figure.policy = next((iri for start, iri in reversed(texts) if start < figure.start),
                                 extraction.document_policy or _reported_policy(scope, sentence, figure.start))
            figures.append(figure)
            figures += (_paired_indicators(scope, figure, sentence) + _each_listed_firm(scope, figure)
                        + _both_listed_places(scope, figure))
            previous = figure
            outer = outer if broken_down else figure
        _respectively(figures[first_of_sentence:], sentence)
        _respective_subjects(scope, figures[first_of_sentence:], sentence)
    return _falls_stated(_once(figures, document.text, document.sentences), document.text)


def _falls_stated(figures: list[Figure], text: str) -> list[Figure]:
    """A rate the text states as a fall (医学影像业务收入70.03亿元，下降4.96%) keeps its value and gets an indicator
    ending in 下降, whichever path named it: a fall never reads as a growth (增速 4.96) or as the bare measure."""
    for figure in figures:
        if figure.unit not in _RATES or figure.value < 0:
            continue
        clause_start = _clause_start(text, figure.start)
        if _FALL_BEFORE.search(text, clause_start, figure.start):
            figure.indicator = _GROWTH_TAIL.sub("", figure.indicator, count=1) + "下降"
    return figures


def _without_places_in_names(mentions: list[tuple[int, int, Entity]], text: str) -> list[tuple[int, int, Entity]]:
    """``mentions`` without the places a longer place's name holds before its own last word (宁波 and 舟山 of
    宁波舟山港: 宁波舟山港货物吞吐量12.6亿吨 is the port's); a name that ends with a place (无锡江阴) is a run of
    places, each its own; one holding a figure (苏州昆山2个国家级试验区) is the recogniser's run-on, no name."""
    places = [(start, end) for start, end, e in mentions if e.type == "Region"]  # in text order
    holders = []
    for first, last in places:
        inner = [(start, end) for start, end in _window(places, first, last) if (start, end) != (first, last)]
        if any(end < last for _, end in inner) and not any(start > first and end == last for start, end in inner) \
                and not _ARABIC.search(text, first, last):
            holders.append((first, last))
    return [(start, end, e) for start, end, e in mentions
            if e.type != "Region" or not any(first <= start and end < last for first, last in holders)]


#: How far past a place's name a firm's short name must go on as its full name does (贵州|茅台): one character
#: more may be a word's (江苏省|电…).
_SHORT_NAME_PAST_PLACE = 2


def _firms_short_names(mentions: list[tuple[int, int, Entity]], text: str) -> list[tuple[int, int, Entity]]:
    """``mentions`` with a place that opens a firm's short name, the text going on as the firm's full name does
    (贵州茅台 where it names 贵州茅台酒股份有限公司), made that firm's mention: 贵州茅台提出经营目标：营业总收入…
    is the firm's target, not 贵州省's."""
    firms = {e.name: e for _, _, e in mentions if e.type == "Enterprise"}
    named = []
    for start, end, entity in mentions:
        if entity.type == "Region":
            for name, firm in firms.items():
                shared = len(os.path.commonprefix([name, text[start:start + len(name)]]))
                if name.startswith(text[start:end]) and end - start + _SHORT_NAME_PAST_PLACE <= shared < len(name):
                    end, entity = start + shared, firm
                    break
        named.append((start, end, entity))
    return sorted(named, key=lambda item: item[:2])


def _titled_group(extraction: Extraction) -> Entity | None:
    """The group of provinces or cities a text's title names (1-7月南方五省区全社会用电量同比增长17.4%) when it names
    no region of its own there and the text names the group again and again: what its figures are of, an entity
    of this document alone (the reference knows no such group)."""
    document = extraction.document
    title_end = document.text.find("\n") if "\n" in document.text else len(document.text)
    group = _PLACES_GROUP.search(document.text, 0, title_end)
    if group is None or any(m.start < title_end for e in extraction.entities if e.type == "Region" for m in e.mentions):
        return None
    name = group.group()
    mentions = [Mention(name, m.start(), m.end(), getattr(document.sentence_at(m.start()), "index", 0))
                for m in re.finditer(re.escape(name), document.text)]
    if len(mentions) < _TIMES_ABOUT:
        return None
    key = f"{name}@{document.sha256[:12]}"
    entity = Entity(type="Region", name=name, key=key, iri=entity_iri("Region", key), mentions=mentions,
                    confidence=0.5)
    extraction.entities.append(entity)
    return entity


def _held_measures(extraction: Extraction, mentions: list[tuple[int, int, Entity]]) -> list[tuple[int, int, Entity]]:
    """The mentions with a firm's name the recogniser ran into the 控股 of a measure it holds (国电电力控股装机容量
    11170万千瓦: the capacity 国电电力 controls) cut back to the firm named so elsewhere in the text, when one is."""
    text = extraction.document.text
    firms = {text[m.start:m.end]: e for e in extraction.entities if e.type == "Enterprise" for m in e.mentions} \
        | {e.name: e for e in extraction.entities if e.type == "Enterprise"}
    return [(start, end - len(_HOLDING), firms[e.name.removesuffix(_HOLDING)])
            if e.type == "Enterprise" and e.name.endswith(_HOLDING) and e.name.removesuffix(_HOLDING) in firms
            and _HELD_MEASURE.match(text, end) else (start, end, e) for start, end, e in mentions]


def _described_firms(extraction: Extraction,
                     mentions: list[tuple[int, int, Entity]]) -> list[tuple[int, int, Entity]]:
    """The mentions with a firm's name the recogniser ran into the rank the text gives it (乳业龙头伊利股份同日披露年报,
    光伏巨头隆基绿能) cut back to the firm the text names so elsewhere: the rank describes the firm, it is no firm
    of its own."""
    firms = {e.name: e for e in extraction.entities if e.type == "Enterprise"}
    described = []
    for start, end, entity in mentions:
        rank = _FIRM_RANK.match(entity.name) if entity.type == "Enterprise" else None
        firm = firms.get(entity.name[rank.end():]) if rank else None
        described.append((start + rank.end(), end, firm) if rank and firm else (start, end, entity))
    return sorted(described, key=lambda item: item[:2])


def _route_end(text: str, start: int, end: int) -> bool:
    """Whether the place named at ``start``-``end`` is an end of a route's name (崇左至凭祥铁路: both)."""
    return _ROUTE_FROM.match(text, end) is not None \
        or (text[start - 1:start] in ("至", "到") and _ROUTE_TO.match(text, end) is not None)


def _change_of(text: str, value_start: int) -> str:
    """The word of a clause saying only by how much a measure changed (，增加0.17千公顷 / ，同比减少3家): 增加
    or 减少; else ''."""
    clause_start = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, value_start)), default=0)
    change = _CHANGE.fullmatch(text, clause_start, value_start)
    return change.group(1) if change else ""


#: What a count of characters goes on with: a page's length (共计20129个字,预计阅读时长68分钟), no figure.
_CHARACTERS_COUNTED = re.compile(r"(?:汉)?字(?![号段])")
#: A list page's pagination near a count of its items or pages (共 187 条　首页 上一页 1 2 … 19 下一页 尾页, 共19页 到第
#: 页), which is the page's furniture, no figure; and the units it counts in.
_PAGINATION = re.compile(r"[上下]一?[页頁]|[尾末][页頁]")
_PAGINATION_REACH = 30
_PAGINATED_UNITS = ("条", "條", "页", "頁", "篇", "项", "項")
#: A character a word goes on with after a value's 对 or 片, which is then no unit of pairs or pieces (1对1帮扶, 91对白,
#: 3片区).
_WORD_GOES_ON = re.compile(r"[\u4e00-\u9fff\dA-Za-z]")


#: A letter or digit a Latin word goes on with after a value's P, which is then no unit of computing power (10PB).
_LATIN_GOES_ON = re.compile(r"[A-Za-z\d]")


def _unit_end(text: str, match: re.Match) -> int:
    """Where the unit of the value ``match`` read ends: past the thing it is per (842元/月) or a classifier's
    alternative (3.8万套（间）), so that the words after it (提高至…, 、累计…) are read from there."""
    unit = _PER.match(text, match.end()) or _ALTERNATIVE_CLASSIFIER.match(text, match.end())
    return match.end() if unit is None else unit.end()


def _pagination_count(text: str, match: re.Match) -> bool:
    """The value ``match`` read counts a list page's items or pages beside its pagination (共 187 条　首页 上一页 …)."""
    return match.group(3) in _PAGINATED_UNITS and bool(
        _PAGINATION.search(text, max(0, match.start() - _PAGINATION_REACH), match.end() + _PAGINATION_REACH))


def _values(text: str) -> list[re.Match]:
    """The values of a sentence with their units, in text order: those written with one, and the rates
    before the last of a list that carries their unit (_SHARED_UNIT), or any values when their clause says
    分别 of them (_SHARED_ANY_UNIT)."""
    shared = [match for match in _SHARED_ANY_UNIT.finditer(text) if match.group(3) not in _SHARED_RATES
              and "分别" in text[_clause_start(text, match.start()):match.start()]]
    rates = list(_SHARED_UNIT.finditer(text))
    points = {match.start() for match in rates}  # 0.7个|和1.1个百分点: the 个 is of the points, no count
    written = [match for match in _NUMBER.finditer(text) if (match.start() not in points or match.group(3) != "个")
               and not (match.group(3) in ("对", "片") and _WORD_GOES_ON.match(text, match.end()))
               and not (match.group(3).endswith("P") and _LATIN_GOES_ON.match(text, match.end()))
               and not (match.group(3).endswith("个") and _CHARACTERS_COUNTED.match(text, match.end()))
               and not _pagination_count(text, match)
               and not _PER_UNIT.search(text, max(match.start() - 1, 0), match.start())]
    return sorted([*written, *rates, *shared], key=lambda match: match.start())


def _list_year(text: str, paragraph_start: int, issued: int | None) -> tuple[int, str] | None:
    """The year (and kind) the lead of the list this paragraph is an item of names before its colon: a
    paragraph with a colon (2022年重大项目计划重点安排于…三大领域：其中，现代产业类项目250个…) introduces the
    paragraphs after it (基础设施类项目276个…), whose figures are of that year; None outside such a list
    (at most ``_LIST_ITEMS`` paragraphs after its lead, none naming a year) or when the lead names none. A
    lead right before a numbered heading (2025年全省…。重点抓了以下工作：（一）着力推进…) introduces the sections
    numbered like it, each paragraph under them, up to a heading numbered further out (二、)."""
    start = paragraph_start
    items = 0
    outermost: int | None = None  # the outermost rank of the numbered headings passed on the way back
    while start > 0 and (items < _LIST_ITEMS or outermost is not None):
        lead_start = text.rfind("\n", 0, start - 1) + 1
        if SECTION_HEADING.match(text, lead_start):
            rank = heading_rank(text[lead_start:start])
            outermost = rank if outermost is None else min(outermost, rank)
        colon = max(text.rfind(mark, lead_start, start) for mark in _LIST_LEAD)
        # the reader joins the lead to its first item (…三大领域：其中，现代产业类项目250个)
        if colon >= 0 and not _bracketed(text, lead_start, colon):
            first = heading_rank(text[start:text.find("\n", start)]) if SECTION_HEADING.match(text, start) else -1
            if (first < 0 and items >= _LIST_ITEMS) or (first >= 0 and outermost is not None and outermost < first):
                return None  # too far after a lead of paragraphs; past the sections a lead of sections introduces
            year, kind = _year(text[lead_start:colon], issued)
            return (year, kind) if year is not None else None
        if _YEAR.search(text, lead_start, start):
            return None
        items += 1
        start = lead_start
    return None


def _dashed_goal_year(text: str, paragraph_start: int) -> tuple[int, str] | None:
    """The year a plan's goals are set for (到2025年，…) in the paragraph before a list of goals each opening with a
    dash (——高端制造引领功能大幅提升。…比重达45%): the items' figures are that year's targets. None for a paragraph
    opening with no dash, or when the paragraph before the dashed items names no such year."""
    if not _DASHED_ITEM.match(text, paragraph_start):
        return None
    start = paragraph_start
    while start > 0:
        lead_start = text.rfind("\n", 0, start - 1) + 1
        if text[lead_start:start].strip() and not _DASHED_ITEM.match(text, lead_start):
            years = [int(m.group(1)) for m in _GOALS_YEAR.finditer(text, lead_start, start)]
            return (years[-1], "target") if years else None
        start = lead_start
    return None


def _five_years_reviewed(text: str, paragraph_start: int, issued: int | None) -> tuple[int, str] | None:
    """(the year before the report's, reported) for a paragraph of a work report's speech opening with a look back
    on the five years (五年来，我们…；过去五年，…) under no heading naming a year: the years it looks back on end
    with the one the report reviews, whose levels (森林覆盖率达65.85%) its figures are. The report's year is the
    one it was delivered in (2017年1月7日在宜宾市第五届人民代表大会第一次会议上), else the document's."""
    opening = _PERIOD_LOOKED_BACK.match(text, paragraph_start)
    if opening is None or opening.group(1) is not None or not _SPEECH.search(text) or not _SPOKEN_REPORT.search(text):
        return None
    year = _delivered_year(text, issued)
    return (year - 1, "reported") if year is not None else None


def _delivered_year(text: str, issued: int | None) -> int | None:
    """The year a work report's speech was delivered, as its head gives it (——2025年1月15日在龙华区第二届人民代表
    大会第五次会议上), else the document's: the year after the one it reviews."""
    delivered = _DELIVERED_ON.search(text, 0, _PAGE_HEAD)
    return int(delivered.group(1)) if delivered else issued


def _bracketed(text: str, start: int, offset: int) -> bool:
    """Whether ``offset`` is inside brackets opened after ``start``: a colon there labels what the brackets
    note (…上市（证券代码：000877）), it leads no list."""
    before = text[start:offset]
    return max(before.rfind("（"), before.rfind("(")) > max(before.rfind("）"), before.rfind(")"))


class _ParagraphYears:
    """The years the sentences of one paragraph name, split at 。！？ once when the paragraph is reached: asking
    for each sentence by going back over the paragraph's text was quadratic in its length (a PDF joined into one
    paragraph of 190k characters: 2.4 CPU-s)."""

    def __init__(self, text: str, paragraph_start: int, issued: int | None) -> None:
        end = text.find("\n", paragraph_start)
        end = len(text) if end < 0 else end
        self.text = text
        self.issued = issued  # the document's year, that 去年 and 今年 count from
        self.starts = [paragraph_start] + [m.end() for m in _SENTENCE_END.finditer(text, paragraph_start, end)]
        self.ends = self.starts[1:] + [end]
        #: for each part, the index of the last part up to it naming a year (-1: none)
        self.last_dated: list[int] = []
        for index, (start, part_end) in enumerate(zip(self.starts, self.ends)):
            dated = self._years(start, part_end) > 0
            self.last_dated.append(index if dated else (self.last_dated[-1] if index else -1))

    def _years(self, start: int, end: int) -> int:
        return sum(1 for _ in _YEAR.finditer(self.text, start, end)) \
            + sum(1 for _ in _RELATIVE_YEAR.finditer(self.text, start, end))

    def _framed(self, start: int, years: int) -> int | None:
        framed = _FRAMED_YEAR.match(self.text, start)
        relative = _FRAMED_RELATIVE.match(self.text, start) if self.issued is not None else None
        if years != 1 or not (framed or relative):
            return None
        return int(framed.group(1)) if framed else self.issued + _RELATIVE_OFFSET[relative.group(1)]

    def dated_earlier_in_sentence(self, sentence: Sentence) -> bool:
        """Whether ``sentence`` opens after a ； of a 。-sentence whose part before it names a year (据统计，2023年全省
        新能源汽车产量达到36.2万辆；新能源汽车产业规模达到1580亿元): its time is that part's, not a section's."""
        index = bisect_left(self.starts, sentence.start) - 1
        return index >= 0 and self.ends[index] > sentence.start and self._years(self.starts[index], sentence.start) > 0

    def before(self, sentence: Sentence) -> int | None:
        """The year the last sentence before ``sentence`` in its paragraph that names a year opens with as the
        time of what it states (2025年，规模以上工业增加值同比增长5.9%。“进”的步伐持续加快。…), when it names no
        other and the year is no target's: the paragraph goes on about that year. None when that sentence names
        the year inside it (…预计到2011年将达到112万盏), or names several."""
        index = bisect_left(self.starts, sentence.start) - 1
        if index < 0:
            return None
        start = self.starts[index]
        if self.ends[index] > sentence.start:  # a sentence opening after ；: the part of its 。-sentence before it
            years = self._years(start, sentence.start)
            if years:
                return self._framed(start, years)
            index -= 1
        dated = self.last_dated[index] if index >= 0 else -1
        if dated < 0:
            return None
        start = self.starts[dated]
        return self._framed(start, self._years(start, self.ends[dated]))


def _relative_base(scope: _Scope, heading: _Heading | None) -> int | None:
    """The year 今年 is: that of the heading the section is under (今年 under 二、2024年主要任务 is 2024), but
    under a review of an earlier year the document's own (a report delivered in 2026 says 今年 of 2026 even
    where its copied text puts the year's targets under 一、2025年工作回顾), and under a five-year plan period's
    heading, whose year is the period's last (今年经济社会发展主要预期目标为 under 二、“十五五”时期的主要目标任务)."""
    if heading is None or (heading.period and scope.issued is not None):
        return scope.issued
    if heading.kind == "reported" and scope.issued is not None and scope.issued > heading.year:
        return scope.issued
    return heading.year


def _undated_review(text: str, heading: str, issued: int | None) -> tuple[int, str] | None:
    """(the year before the report's, reported) for a work report's review heading that names no year
    (一、工作回顾, 一、过去一年工作回顾), or names it only in a motto (…，2024年龙华现代化建设迈出新的坚实步伐):
    a speech to the congress (各位代表：…) reviews the year before it is delivered. The heading is read before the
    document's whole text is searched, which every sentence did (0.6 CPU-s of a build)."""
    undated = _UNDATED_REVIEW.fullmatch(heading) is not None
    motto = None if undated else _MOTTO_YEAR.fullmatch(heading)
    if not undated and motto is None:
        return None
    issued = _delivered_year(text, issued)
    if issued is None or not _SPEECH.search(text) or not _SPOKEN_REPORT.search(text):
        return None
    if undated or (motto is not None and int(motto.group(1)) == issued - 1):
        return issued - 1, "reported"
    return None


def _plan_heading(text: str) -> tuple[int, str] | None:
    """(year, kind) of a heading over a five-year plan period's review or targets (_PLAN_HEADING)."""
    heading = _PLAN_HEADING.match(text)
    if heading is None:
        return None
    year = _PLAN_END_YEAR + 5 * _PLAN_NUMBERS.index(heading.group(1))
    return year, "reported" if heading.group(2).endswith(("回顾", "成就")) else "target"


def _looks_back_on_period(text: str, paragraph_start: int, heading: _Heading | None) -> bool:
    """Whether the paragraph opens looking back on the five-year period ``heading`` reviews (过去五年，… under
    二、“十四五”时期发展成就和“十五五”时期主要目标任务): its figures are that period's results, not the next's targets."""
    opening = _PERIOD_LOOKED_BACK.match(text, paragraph_start)
    if heading is None or heading.kind != "reported" or opening is None:
        return False
    return opening.group(1) is None or _PLAN_END_YEAR + 5 * _PLAN_NUMBERS.index(opening.group(1)) == heading.year


def _plan_end(text: str, sentence: Sentence, before: int | None) -> int | None:
    """The last year of the five-year plan period the sentence names as the time of its figures (“十四五”
    期间, “十二五”时期: 2025, 2015), or, ``before`` that of the sentence before, when it goes on with it in
    the same paragraph (after a ；, or opening with 同时), or that of the period its paragraph opens with; else None."""
    period = _PLAN_PERIOD_TIME.search(sentence.text) \
        or _PLAN_PERIOD_OPENING.match(text, text.rfind("\n", 0, sentence.start) + 1)
    if period:
        return _PLAN_END_YEAR + 5 * _PLAN_NUMBERS.index(period.group(1))
    same_paragraph = "\n" not in text[max(sentence.start - 1, 0):sentence.start]
    goes_on = _continues(text, sentence) or (same_paragraph and _GOES_ON.match(sentence.text) is not None)
    return before if goes_on else None


def _period_going_on(text: str, figures: list[Figure], paragraph_start: int) -> tuple[int, str] | None:
    """The year (and kind) of the figures of the paragraph right before when it names a part of a year
    (去年1-11月，全市进出口总额…): a statistics analysis goes on with the changes and shares of those months
    in the paragraphs after it (贸易结构持续优化。一般贸易进出口增长15.7%；…。主要产品出口额快速增长，其中机电产品
    出口同比增长18.6%: every sentence of the paragraph) until it names another period. Asked as the paragraph
    opens, before any figure of its own."""
    last = figures[-1] if figures else None  # read as the paragraph opens: none of its own yet
    if last is None or paragraph_start == 0:
        return None
    previous_start = text.rfind("\n", 0, paragraph_start - 1) + 1
    if last.start < previous_start or not _PERIOD.search(text, previous_start, paragraph_start):
        return None
    return (last.year, last.kind) if last.year is not None else None


def _place_sections(extraction: Extraction, mentions: list[tuple[int, int, Entity]]) -> list[tuple[int, Entity]]:
    """(where it starts, its place) of each section of a news item comparing places under headings that
    open with the place (武汉：建成全国数字经济一线城市 / 合肥：2025年数字经济占GDP比重达50%以上), when it has
    sections of two places at least: each section is on its place, not on the one the title names."""
    text = extraction.document.text
    places = {(start, end): entity for start, end, entity in mentions if entity.type == "Region"}
    spans = ((heading.start(), heading.span(1) if heading.group(1) else heading.span(2))
             for heading in _PLACE_HEADING.finditer(text))
    sections = [(start, places[span]) for start, span in spans if span in places]
    return sections if len({place.iri for _, place in sections}) >= 2 else []


def _section_scope(scope: _Scope, sections: list[tuple[int, Entity]], offset: int, reference: Reference) -> _Scope:
    """The scope of the text at ``offset``: in a section on a place (_place_sections), that place's."""
    place = next((entity for start, entity in reversed(sections) if start <= offset), None)
    if place is None:
        return scope
    return replace(scope, home=place, carried=_inside(place, scope.extraction, reference))


def _table_figures(scope: _Scope, sentence: Sentence, columns: list[str]) -> tuple[list[str], list[Figure]] | None:
    """(its columns, its figures) when ``sentence`` is rows of a firm's results table (营业总收入|842,278,711.44|
    905,375,765.35|-6.97|…, under 单位：人民币元 and 一、2023年度主要财务数据和指标), None when it is no such
    table: each row's value of the period reported is of the report's year, the year before's of the year
    before, the change in % of the report's year; the unit is the row's own （元）, the value's %, else the
    table's 单位; the subject is the firm the text is on. ``columns``: those of the table read before, for
    rows going on after a note."""
    firm = scope.home
    if firm is None or firm.type != "Enterprise" or sentence.text.count("|") < 3:
        return None
    text = scope.extraction.document.text
    cells = [(sentence.start + m.start() + len(m.group()) - len(m.group().lstrip()), m.group().strip())
             for m in _CELL.finditer(sentence.text) if m.group().strip()]
    header = [next((name for name, pattern in _COLUMNS if pattern.match(cell)), None) for _, cell in cells]
    named = {i for i, name in enumerate(header) if name is not None and not _CELL_VALUE.fullmatch(cells[i][1])}
    years = list(_TABLE_YEAR.finditer(text, 0, sentence.start))
    unit = list(_TABLE_UNIT.finditer(text, 0, sentence.start))
    if not years:
        return None
    year = int(years[-1].group(1))
    figures: list[Figure] = []
    label: str | None = None
    values: list[tuple[int, str]] = []
    for index, (start, cell) in enumerate([*cells, (len(text), "")]):
        if cell and (_CELL_VALUE.fullmatch(cell) or _NO_VALUE.fullmatch(cell) or _POINTS_CHANGE.fullmatch(cell)):
            values.append((start, cell))
            continue
        if label is not None and columns and len(values) == len(columns):
            own = _ROW_UNIT.search(label)
            for (value_start, value), column in zip(values, columns):
                points = _POINTS_CHANGE.fullmatch(value)
                if points is not None:
                    figures.append(Figure(subject=firm.iri, indicator=_ROW_UNIT.sub("", label).strip() + points.group(1),
                                          comparator="=", value=_value(points.group(2)), unit="个百分点", year=year,
                                          kind="reported", sentence=sentence.index, start=value_start,
                                          policy=scope.extraction.document_policy))
                    continue
                value_unit = "%" if value.endswith("%") or column == "增减变动幅度" else \
                    own.group(1) if own else unit[-1].group(1) if unit else None
                if value_unit is None or _NO_VALUE.fullmatch(value):
                    continue
                indicator = _ROW_UNIT.sub("", label).strip() + column
                figures.append(Figure(subject=firm.iri, indicator=indicator, comparator="=",
                                      value=_value(value.rstrip("%").replace(",", "")), unit=value_unit,
                                      year=year - 1 if column == "上年" else year, kind="reported",
                                      sentence=sentence.index, start=value_start,
                                      policy=scope.extraction.document_policy))
        if index in named:  # 项目|本报告期|上年同期|增减变动幅度（%): a header, of the rows up to the next one
            if index - 1 not in named:
                columns = []
            columns = [*columns, header[index]]
            label, values = None, []
        else:
            label, values = cell, []
    return (columns, figures) if columns else None


def _flat_table_figures(scope: _Scope, sentence: Sentence) -> list[Figure]:
    """The figures of ``sentence`` when it is rows of a firm's results table copied from a PDF, its cells run
    together (营业总收入230,144,882.78 301,576,413.81 -23.69%营业利润…, under 项目 本报告期 上年同期), else none;
    two rows at least, so a sentence of prose with three numbers is not one: read as _table_figures reads a
    table with cells (the report's year, the year before, the change in %)."""
    firm = scope.home
    if firm is None or firm.type != "Enterprise" or "|" in sentence.text:
        return []
    text = scope.extraction.document.text
    rows = list(_FLAT_ROW.finditer(sentence.text))
    header = _FLAT_HEADER.search(text, 0, sentence.start + (rows[0].start() if rows else 0))
    years = list(_TABLE_YEAR.finditer(text, 0, sentence.start))
    unit = list(_TABLE_UNIT.finditer(text, 0, sentence.start))
    if len(rows) < 2 or header is None or not years or not unit:
        return []
    year = int(years[-1].group(1))
    figures: list[Figure] = []
    label_start = 0
    for row in rows:
        label = sentence.text[label_start:row.start()]
        label_start = row.end()
        label = _FLAT_NOISE.sub("", label)
        own = _ROW_UNIT.search(label)
        name = _ROW_UNIT.sub("", label).strip()
        if not name:
            continue
        row_unit = own.group(1) if own else unit[-1].group(1)
        for group, indicator, value_unit, value_year in ((1, name, row_unit, year), (2, name, row_unit, year - 1),
                                                         (3, name + "增减变动幅度", "%", year)):
            figures.append(Figure(subject=firm.iri, indicator=indicator, comparator="=",
                                  value=_value(row.group(group).replace(",", "")), unit=value_unit, year=value_year,
                                  kind="reported", sentence=sentence.index, start=sentence.start + row.start(group),
                                  policy=scope.extraction.document_policy))
    return figures


#: A results table broken down by segment (分产品|营业收入|占比|毛利率, 分地区|…): its header's first cell names
#: what its rows' labels are, the firm's business lines or its markets.
_SEGMENTED_BY = re.compile(r"(?:分|按)(行业|产品|业务|板块|地区|区域|市场)")
_MARKETS = ("地区", "区域", "市场")
#: A segment table's value cell, with the unit it may print (7.01亿元, 38.9%).
_SEGMENT_VALUE = re.compile(r"([-－]?\d[\d,]*(?:\.\d+)?)\s*(%|[万亿]?元)?")
#: A row of a segment table that sums the others (合计, 总计, 小计): the firm's own.
_TOTAL_ROW = re.compile(r"[合总小]计")
#: A column of a share (占比, 比重) named after the measure before it: the share of that measure.
_SHARE_COLUMN = re.compile(r"占比|比重|比例")


def _segment_figures(scope: _Scope, sentence: Sentence, header: list[str]) -> tuple[list[str], list[Figure]] | None:
    """(its header, its figures) when ``sentence`` is a row of a firm's results table by segment (分产品 | 营业收入 |
    占比 | 毛利率, then 北斗高精度业务 | 7.01亿元 | 38.9% | 49.05%), None when it is no such row: each value is of
    the report's year and of the row's segment, the entity the recogniser named there or a business line it did
    not name; a market it did not name (海外市场) or a total is the firm's, the label then opening the indicator.
    ``header``: the cells of the header read last ([] when the row before was no such table's)."""
    firm = scope.home
    if firm is None or firm.type != "Enterprise" or sentence.text.count("|") < 3:
        return None
    extraction = scope.extraction
    text = extraction.document.text
    cells = [(sentence.start + m.start() + len(m.group()) - len(m.group().lstrip()), m.group().strip())
             for m in _CELL.finditer(sentence.text) if m.group().strip()]
    if _SEGMENTED_BY.fullmatch(cells[0][1]) and not any(_SEGMENT_VALUE.fullmatch(cell) for _, cell in cells[1:]):
        return [cell for _, cell in cells], []
    if not header:
        return None
    if all(_NO_VALUE.fullmatch(cell) for _, cell in cells):  # ---|---|---: the header's rule
        return header, []
    (label_start, label), values = cells[0], [_SEGMENT_VALUE.fullmatch(cell) for _, cell in cells[1:]]
    years = list(_TABLE_YEAR.finditer(text, 0, sentence.start))
    if _SEGMENT_VALUE.fullmatch(label) or len(values) != len(header) - 1 or not all(values) or not years:
        return None
    table_unit = list(_TABLE_UNIT.finditer(text, 0, sentence.start))
    subject, opening = _segment(scope, sentence, label_start, label, _SEGMENTED_BY.fullmatch(header[0]).group(1))
    figures = []
    for (value_start, _), value, column, before in zip(cells[1:], values, header[1:], header):
        unit = value.group(2) or (own.group(1) if (own := _ROW_UNIT.search(column)) else None) \
            or (table_unit[-1].group(1) if table_unit else None)
        if unit is None:
            continue
        measure = _ROW_UNIT.sub("", column).strip()
        if _SHARE_COLUMN.fullmatch(measure) and before is not header[0]:  # 营业收入 | 占比: 营业收入占比
            measure = _ROW_UNIT.sub("", before).strip() + measure
        figures.append(Figure(subject=subject.iri, indicator=opening + measure, comparator="=",
                              value=_value(value.group(1).replace(",", "")), unit=unit.replace("％", "%"),
                              year=int(years[-1].group(1)), kind="reported", sentence=sentence.index,
                              start=value_start, policy=extraction.document_policy))
    if figures and extraction.entity(subject.iri) is None:
        extraction.entities.append(subject)
    return header, figures


def _segment(scope: _Scope, sentence: Sentence, start: int, label: str, kind: str) -> tuple[Entity, str]:
    """(subject, what opens the indicator) of a segment table's row labelled ``label`` at ``start``, its
    rows being of segments of ``kind`` (产品, 地区 …): see _segment_figures."""
    end = start + len(label)
    named = next((entity for s, e, entity in _window(scope.mentions, start, end) if (s, e) == (start, end)), None)
    if named is not None:
        return named, ""
    if _TOTAL_ROW.fullmatch(label) or kind in _MARKETS:
        return scope.home, "" if _TOTAL_ROW.fullmatch(label) else label
    return Entity(type="Industry", name=label, key=label, iri=entity_iri("Industry", label), confidence=0.6,
                  mentions=[Mention(label, start, end, sentence.index)]), ""


#: How long a sentence repeated word for word must be to be a page's block printed twice.
_REPEATED_BLOCK = 40


def _once(figures: list[Figure], text: str, sentences: Sequence[Sentence]) -> list[Figure]:
    """Each reported figure once: a news item's body repeats what its lead stated (东方财富证券实现营业收入
    41.77亿元), and its headline (深圳上半年GDP增长3%, again after 原标题) what the body states, in other
    words; a target a plan's task restates stays, as the golds list it again under the task. A headline's
    target goes as well when the body states it, or another headline did (郑州：2022年数字经济达5000亿元以上
    over 到2022年全市数字经济规模达到5000亿元以上: the section's place in the headline, its sector in the body).
    A long sentence a web page repeats word for word (its lead block printed twice) states its figures
    once; a short one (净利润28.48亿元，同比增长37.47%) may be stated again on purpose. A reported value said
    again of the same place and year with words naming only its time or rank is the one stated before
    (江西（6.9%）…。…一季度江西以6.9%的增速领跑全国)."""
    def loose(figure: Figure) -> tuple:
        return figure.subject, figure.value, figure.unit, figure.year, figure.kind

    def value(figure: Figure) -> tuple:
        return figure.value, figure.unit, figure.year, figure.kind

    body = [f for f in figures if not _in_headline(text, f.start)]
    in_body = Counter(loose(f) for f in body)
    targets_in_body = {value(f) for f in body if f.kind == "target"}
    seen: set[tuple] = set()
    seen_loose: set[tuple] = set()
    #: the title's figures: a subheading restating one (…净利逆市大增37% / “券茅”上半年净利大增37%) states it again, the
    #: title listing it for two measures (化肥、农药施用量均降低10%) does not, nor two short lines of a table (…增长4.4%)
    in_headlines: dict[tuple, int] = {}
    first_printed = _PRINTED.search(text)
    title_line = text.rfind("\n", 0, first_printed.start()) if first_printed else -1
    title_end = text.find("\n", title_line + 1)
    title = text[title_line + 1:len(text) if title_end < 0 else title_end]
    # the parts of a year the title names, whole: 三季度 is a measure's time under 前三季度国民经济运行…
    title_periods = {period.group().removeprefix("第") for period in _PERIOD.finditer(title)}
    printed: dict[tuple[str, int], int] = {}  # (sentence, where the value is in it) → the sentence's index
    kept = []
    for figure in figures:
        sentence = sentences[figure.sentence]
        where = (sentence.text, figure.start - sentence.start)
        if len(sentence.text) >= _REPEATED_BLOCK and printed.setdefault(where, sentence.index) != sentence.index:
            continue
        # 国内生产总值（GDP）and 国内生产总值: a bracketed gloss names no other measure
        key = (figure.subject, _GLOSS.sub("", figure.indicator), figure.value, figure.unit, figure.year, figure.kind)
        headline = _in_headline(text, figure.start)
        line = text.rfind("\n", 0, figure.start)
        restated = headline and (in_body[loose(figure)] > 0 or in_headlines.get(loose(figure), line) != line)
        bare = _NO_MEASURE.search(figure.indicator)  # a part of a year other than the title's is a measure's
        again = loose(figure) in seen_loose and bare is not None \
            and (not bare.group(1) or bare.group(1).removeprefix("第") in title_periods)
        if figure.kind == "reported" and (key in seen or restated or again):
            continue
        if headline and (key in seen or value(figure) in targets_in_body):
            continue
        seen.add(key)
        seen_loose.add(loose(figure))
        if headline and line == title_line:
            in_headlines.setdefault(loose(figure), line)
        kept.append(figure)
    return kept


#: A bracketed gloss in an indicator (国内生产总值（GDP）).
_GLOSS = re.compile(r"（[^（）]*）|\([^()]*\)")
#: Words before a value naming no measure: only its time (一季度, when the title names that part of the year:
#: 一季度 is no measure in news on the first quarter, 二季度 is one in a release on three) or its rank (领跑全国, 位列前三).
_NO_MEASURE = re.compile(r"^[^\u4e00-\u9fffA-Za-z]*(?:今年|去年)?(" + _PERIOD.pattern + r")?[^\u4e00-\u9fffA-Za-z]*$"
                         r"|^[^\u4e00-\u9fff]*(?:领跑|领先|位列|位居|居)(?:全国|全省|前[一二三四五六七八九十\d]+)")
#: A printed character: what the text's first line opens with.
_PRINTED = re.compile(r"\S")
#: A row of a page's record table, its cells parted by | ([ 索引号 ] | 11500238…/2025-00006 | [ 发文字号 ] | |).
_RECORD_ROW = re.compile(r"[^\n|]*(?:\|[^\n|]*){2,}")
#: A line of a page's frame above its title: a menu item (• 手机下载, • 微信关注) or its breadcrumb
#: (当前位置: 晋中>要闻), neither of them a printed line of the text.
_PAGE_FRAME = re.compile(r"[ \t]*[•·●▪][ \t]*[^\n]{1,8}[ \t]*|[ \t]*(?:当前|您的|您现在的)位置[：:][^\n]*[>＞»›][^\n]*")
#: A news item's subheading: a line of at most 50 characters ending no sentence.
_SUBHEADING = re.compile(r"[^\n。；;！？]{1,50}$", re.MULTILINE)
#: A text's last line going on past a clause break and ending no sentence: a copy cut off mid-sentence (年末全市
#: 民营经济主体达到23.28万户，比上年增长0.9%，占市场主体总量), which heads nothing.
_CUT_OFF = re.compile(r"[^\n]*[，,][^\n。；;！？]*\s*\Z")


def _in_headline(text: str, offset: int) -> bool:
    """Whether ``offset`` is in the text's first line, a line restating it (原标题 …), a section's heading
    on a place (合肥：2025年数字经济占GDP比重达50%以上) or a news item's subheading, a short line that ends no
    sentence (2022年重大项目共安排883个，年度社会投资占比74.3%, over the paragraph stating both), unless it is the
    text's last, cut off mid-sentence (_CUT_OFF)."""
    line_start = text.rfind("\n", 0, offset) + 1
    first_printed = _PRINTED.search(text)  # the text's first line starts there (not a copy of all before the offset)
    return first_printed is None or line_start <= first_printed.start() \
        or _RESTATED_TITLE.match(text, line_start) is not None or _PLACE_HEADING.match(text, line_start) is not None \
        or (_SUBHEADING.match(text, line_start) is not None and _CUT_OFF.match(text, line_start) is None)


def _is_firm(extraction: Extraction, iri: str) -> bool:
    """Whether ``iri`` is a firm's: its results go on after a ；."""
    entity = extraction.entity(iri)
    return entity is not None and entity.type == "Enterprise"


def _one_year_plan(text: str) -> _Heading | None:
    """The year a plan for one year, or a report on one, is titled with, as a heading over the whole text
    that no numbered heading ends."""
    title = _ONE_YEAR_PLAN.match(text)
    if title:
        return _Heading(-1, int(title.group(1)), "target")
    # 2023年上饶市国民经济和社会发展统计公报 (or 子洲县二〇二三年…, under a page's path): that year's values
    report = _ONE_YEAR_REPORT.search(text, 0, _title_lines_end(text))
    return _Heading(-1, _year_number(report.group(1)), "reported") if report else None


def _title_lines_end(text: str) -> int:
    """Where the text's first ``_LEAD_LINES`` printed lines end: a page's path (首页/ 政务公开/ …) may come
    before its title, and so may its record table (索引号 | … | 发布机构 | …) and its frame (• 手机下载,
    当前位置: 晋中>要闻), whose lines count for none."""
    end = 0
    lines = 0
    while lines < _LEAD_LINES:
        printed = _PRINTED.search(text, end)
        if printed is None:
            return len(text)
        line_end = text.find("\n", printed.start())
        if line_end < 0:
            return len(text)
        lines += not (_RECORD_ROW.fullmatch(text, printed.start(), line_end)
                      or _PAGE_FRAME.fullmatch(text, printed.start(), line_end))
        end = line_end + 1
    return end


def _year_number(year: str) -> int:
    """2023 → 2023; 二〇二三 → 2023."""
    return int(year.translate(_YEAR_DIGITS))


def _untold_kind(later: list[Sentence], year: int) -> str:
    """What a year heading that does not say it (2018年：铆足干劲抓落实) heads: the review of that year
    when a later heading names a later year (2019年：砥砺前行开新局, the plan after the review), else its plan."""
    return "reported" if any((named := year_heading(s.text)) and named[0] > year for s in later) else "target"


def _threshold(count: Figure | None, figure: Figure, text: str) -> bool:
    """Whether ``figure`` is the bar the things counted before it in its clause pass (其中32个行业增速
    高于20%, 培育10家营收超过100亿元企业), not a figure of its own."""
    if count is None or count.sentence != figure.sentence or count.unit.lstrip("万亿") not in _CLASSIFIERS:
        return False
    between = text[count.start:figure.start]
    return not _CLAUSE_BREAK.search(between) and _PASSES.search(between) is not None


def _paired_indicators(scope: _Scope, figure: Figure, sentence: Sentence) -> list[Figure]:
    """财政总收入和地方财政收入增长18%, 全社会固定资产投资、税收增速均超过37%: the same rate for the
    other indicators, as figures of their own (measures joined by 和 or 、, each naming what it
    measures; not 城镇和农村居民收入, one measure, nor 收入、净利润分别增长31.3%、98.67%, one each);
    and, whatever the unit, the one value said of each of them (耕地化肥、农药施用量均降低10%), when they
    are no places."""
    clause = _CLAUSE_BREAK.split(sentence.text[:figure.start - sentence.start])[-1]
    if _said_of_each(scope, figure, sentence, clause):  # 、 lists them when it is there: 教育支出、社会保障和就业支出
        parts = figure.indicator.split("、" if "、" in figure.indicator else "和")
        figure.subject = _owner_of_listed(scope, figure, clause)
    else:
        parts = re.split("[和、]", figure.indicator)
        value = _NUMBER.match(sentence.text, figure.start - sentence.start) \
            or _SHARED_UNIT.match(sentence.text, figure.start - sentence.start)
        if figure.unit not in _RATES or not all(_names_a_measure(part) for part in parts) or "分别" in clause \
                or (value is not None and _MORE_VALUES.match(sentence.text, value.end())) \
                or _AFTER_A_VALUE.search(sentence.text, 0, figure.start - sentence.start):
            return []  # …占全国份额分别为11.4%、15.1%和6.8%，较上年同期提升1.1、1.6和0.3个百分点: one value each
    parts = [part for part in parts if part]
    if len(parts) < 2:
        return []
    figure.indicator = parts[0]
    return [replace(figure, indicator=part) for part in parts[1:]]


def _each_listed_firm(scope: _Scope, figure: Figure) -> list[Figure]:
    """中国工商银行、中国建设银行均以超3000亿元的净利润稳居前两名: the one value of a firm named last in a list right
    before 均 is each listed firm's, as figures of their own (a firm's results are its own, never shared)."""
    text = scope.extraction.document.text
    clause_start = _clause_start(text, figure.start)
    each = _EACH_AFTER_LIST.search(text, clause_start, figure.start)
    if each is None:
        return []
    listed: list[tuple[int, int, Entity]] = []
    for start, end, entity in _window(scope.mentions, clause_start, each.start()):
        if listed and start < listed[-1][1]:
            continue  # a name nested in the one before
        joined = listed and text[listed[-1][1]:start] in _LIST_JOINERS
        listed = [*listed, (start, end, entity)] if joined else [(start, end, entity)]
    firms = [entity for _, _, entity in listed if entity.type == "Enterprise"]
    if len(firms) < 2 or len(firms) != len(listed) or listed[-1][1] != each.start() \
            or firms[-1].iri != figure.subject:
        return []
    return [replace(figure, subject=firm.iri) for firm in firms[:-1]]


def _both_listed_places(scope: _Scope, figure: Figure) -> list[Figure]:
    """广东、江苏前三季度GDP双双突破8万亿元: the one value 双双 says of the two places joined at its clause's opening
    is the first one's too (the figure is the second's, named last)."""
    text = scope.extraction.document.text
    clause_start = _clause_start(text, figure.start)
    both = _BOTH.search(text, clause_start, figure.start)
    if both is None:
        return []
    places = [(start, end, entity) for start, end, entity in _window(scope.mentions, clause_start, both.start())
              if entity.type == "Region"]
    if len(places) != 2 or text[places[0][1]:places[1][0]] not in _LIST_JOINERS \
            or places[1][2].iri != figure.subject or places[0][2].iri == figure.subject:
        return []
    return [replace(figure, subject=places[0][2].iri)]


def _said_of_each(scope: _Scope, figure: Figure, sentence: Sentence, clause: str) -> bool:
    """Whether ``figure``'s one value is said of each indicator its clause lists, with 均 (化肥、农药施用量均降低
    10%), and not of places listed (杭州和武汉上半年GDP均超过8000亿元) nor as the first of several values."""
    value = _NUMBER.match(sentence.text, figure.start - sentence.start)
    joined = re.search("[、和]", clause)
    listed_from = figure.start - len(clause) + (joined.start() if joined else len(clause))
    places = [e for _, _, e in _window(scope.mentions, listed_from, figure.start) if e.type == "Region"]
    return _EACH.search(clause) is not None and value is not None and not places \
        and not _MORE_VALUES.match(sentence.text, value.end())


def _owner_of_listed(scope: _Scope, figure: Figure, clause: str) -> str:
    """The subject of one value said of each industry listed (烟草、机械、钢铁、铜、建材5个产业年产值均达到100亿元):
    the region they are industries of, not the one listed last."""
    listed = _window(scope.mentions, figure.start - len(clause), figure.start)
    home = scope.home
    if home is None or home.type != "Region" or not any(
            e.iri == figure.subject and e.type == "Industry" for _, _, e in listed):
        return figure.subject
    return home.iri


def _names_a_measure(words: str) -> bool:
    """Whether ``words`` say what is measured (地方财政收入), not only whose (城镇)."""
    return len(words) >= 2 and any(measure in words for measure in _MEASURES + ("率",))


#: How many sentences back the figures 其中 breaks down may be (去年1-11月，…增长4.8%。…30个行业增加值同比增长。
#: 前十大行业中，…。其中，通用设备制造业…分别增长17.3%…).
_BREAKDOWN_REACH = 3


def _breakdown_year(text: str, sentence: Sentence, figures: list[Figure],
                    sentences: Sequence[Sentence]) -> _Heading | None:
    """The year of the sentence before for a breakdown of its figures (预计2002年全市实现国内生产总值
    709亿元…。其中，农业增加值52亿元…；工业增加值349.7亿元), as a heading would give it: after 其中,
    after the ； that ended the sentence before (a clause of the same sentence, also past clauses of no figure:
    …城镇新增就业50万人；居民收入增长与经济增长同步；粮食产量513万吨以上), and after a link that
    goes on with a report (2021年前11月，重庆实现…。同时，全市…增长11.9%。主要产业中，汽车产业增长14.0%)."""
    last = figures[-1] if figures else None
    if last is None or last.sentence < sentence.index - _BREAKDOWN_REACH:
        return None
    linked = last.kind == "reported" and _LINKED.match(sentence.text) is not None
    clauses = all(_continues(text, between) for between in sentences[last.sentence + 1:sentence.index + 1])
    if last.sentence != sentence.index - 1 and not _BREAKDOWN.match(sentence.text) and not clauses:
        return None  # …but 其中 may break down figures a few sentences back, past counts of no year (30个行业…)
    if not _BREAKDOWN.match(sentence.text) and not _continues(text, sentence) and not linked:
        return None
    return _Heading(heading_rank(sentence.text), last.year, last.kind)


def _framing(heading: _Heading | None, breakdown: _Heading | None) -> _Heading | None:
    """What dates a sentence's figures naming no year: its section's heading, but not a review's over a
    clause going on from a later year's figures (今年…主要预期目标是：地区生产总值增长5.5%左右；城镇新增就业
    85万人 under 一、2025年工作回顾: the clause after the ； is of the year before it, as a review looks back
    on no later year)."""
    if heading is not None and breakdown is not None and heading.kind == "reported" and breakdown.year > heading.year:
        return breakdown
    return heading or breakdown


def _goals_year(text: str, issued: int | None) -> int | None:
    """The year a sentence's lead names for the goals it lists (今年经济社会发展主要预期目标为：全省生产总值增长5%—5.5%；
    城镇调查失业率5%以内；…): that of the goals of the clauses after it up to the list's end, each a sentence
    ending at ；, not the year of the section (二、“十五五”时期的主要目标任务) they are under."""
    lead = _TARGETS_LEAD.search(text)
    return _year(text[:lead.start()], issued)[0] if lead else None


def _continues(text: str, sentence: Sentence) -> bool:
    """Whether the sentence before ended at a ；, so that this one is a clause of the same (read
    back from the sentence over white space: a copy of the text before it would make a long
    document's figures quadratic in its length)."""
    end = sentence.start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end > 0 and text[end - 1] in "；;"


def _unnamed_zone(scope: _Scope, sentence: Sentence) -> int | None:
    """Where in the sentence a clause opens with a zone the recogniser did not name (2002年高新区
    完成…, 开发区实现…): the figures from there on are the zone's, which has no entity (like a firm
    spoken of without its name), not the city's."""
    for match in _UNNAMED_ZONE.finditer(sentence.text):
        at = sentence.start + match.start(1)
        if _ZONES_COUNTED.match(sentence.text, match.end(1)):
            continue  # 开发区和工业园区由162个整合为123个: zones counted, none speaking
        if not any(start <= at < end for start, end, _ in _window(scope.mentions, at - 30, at + 1)):
            return match.start(1)
    return None


def _clause_zone(scope: _Scope, sentence: Sentence, clause_start: int,
                 value_start: int) -> tuple[Entity, int, int] | None:
    """The zone, airport or port the value's clause opens with, named in full where the recogniser named at most a
    place inside it (_NAMED_ZONE), and where its name starts and ends in the document: a new Region entity, added to
    the document when a figure is its."""
    found = _NAMED_ZONE.match(sentence.text, clause_start, value_start)
    if found is None:
        return None
    start, end = sentence.start + found.start(1), sentence.start + found.end(1)
    if found.group(2) in _FACILITY_KINDS and _THROUGHPUT not in sentence.text[found.end(1):value_start]:
        return None
    if found.group(2) in _PLACE_NAMED_KINDS and not any(
            found.group(1).startswith(name) for e in scope.extraction.entities if e.type == "Region"
            for name in (e.name[:-1] if e.name.endswith(_DIVISION_ENDS) else e.name,
                         *(m.text for m in e.mentions))):
        return None  # (as the text names a place anywhere, 海口市: the recogniser may not name it inside the zone's name)
    named = [(first, last, e) for first, last, e in _window(scope.mentions, start - 30, end) if first < end <= last]
    if named:  # 哈尔滨新区, 中国（黑龙江）自由贸易试验区: named already (or read at the clause's value before)
        first, last, entity = named[-1]
        return (entity, first, last) if (first, last) == (start, end) and entity.iri in scope.unnamed else None
    name = found.group(1)
    iri = entity_iri("Region", name)
    zone = scope.unnamed.setdefault(iri, Entity(type="Region", name=name, key=name, iri=iri, confidence=0.6))
    zone.mentions.append(Mention(name, start, end, sentence.index))
    # a mention as the recogniser's are, so that the clauses after it in the sentence may carry it (…，集装箱吞吐量达到
    # 110万标箱 is the port's), and a place inside the region the text speaks for, as one the reference does not know
    insort(scope.mentions, (start, end, zone), key=lambda item: item[:2])
    if scope.carried is not None:
        scope.carried.add(iri)
    return zone, start, end


def _house_brand(scope: _Scope, sector: Entity, clause_start: int, value_start: int) -> Entity | None:
    """The firm a clause opens with whose name is a stem of a firm the text names and a trade word the recogniser took
    for the sector (海康|机器人营收47.9亿元 in news on 海康威视's results: its subsidiary 海康机器人, not the robot
    trade): a new Enterprise entity, added to the document when a figure is its."""
    text = scope.extraction.document.text
    spans = [(start, end) for start, end, entity in _window(scope.mentions, clause_start, value_start) if entity is sector]
    stem = _HOUSE_STEM.fullmatch(text, clause_start, spans[0][0]) if spans else None
    if stem is None or any(first == stem.start(1) and e.type == "Region" for first, _, e in scope.mentions):
        return None  # 深圳市|医疗电子产品产值: the place's trade
    firms = [m.text for e in scope.extraction.entities if e.type == "Enterprise" for m in e.mentions]
    if stem.group(1) in firms or not any(name.startswith(stem.group(1)) for name in firms):
        return None  # (海尔智家|空调业务收入: the firm's own line of business)
    start, end = stem.start(1), spans[0][1]
    name = text[start:end]
    iri = entity_iri("Enterprise", name)
    firm = scope.unnamed.setdefault(iri, Entity(type="Enterprise", name=name, key=name, iri=iri, confidence=0.5))
    if not any(m.start == start for m in firm.mentions):
        sentence = scope.extraction.document.sentence_at(start)
        firm.mentions.append(Mention(name, start, end, sentence.index if sentence else 0))
    return firm


def _works_clauses(scope: _Scope, sentence: Sentence) -> list[tuple[int, int]]:
    """The spans of the sentence that speak of works the recogniser did not name (芙蓉新区完成投资72.7亿元):
    the clause they open, and the next one when theirs states no figure (芙蓉新区全面提速，完成清表交地
    6073亩; 核电项目一期全面建设，完成投资50亿元), but no further (韶新高速完成投资25亿元，…，开工建设旅游公路
    104公里 is the city's)."""
    text = sentence.text
    spans = []
    for match in _WORKS.finditer(text):
        at = sentence.start + match.start(1)
        if any(start <= at < end for start, end, _ in _window(scope.mentions, at - 30, at + 1)):
            continue
        end = _clause_end(text, match.start(1))
        if not _NUMBER.search(text, match.start(1), end) and end < len(text):
            end = _clause_end(text, end + 1)
        spans.append((match.start(1), end))
    return spans


def _clause_end(text: str, offset: int) -> int:
    """Where the clause holding ``offset`` ends."""
    found = _CLAUSE_BREAK.search(text, offset)
    return found.start() if found else len(text)


def _respectively(figures: list[Figure], sentence: Sentence) -> None:
    """到2015年和2020年分别新增探明地质储量10000亿立方米和20000亿立方米, 2017-2020年，五矿证券分别实现营业收入
    7.16亿元、…和18.1亿元，同比增幅分别为39.17%、…和30.51%: the k-th value of the run after a 分别 is the k-th
    year's (of the list, or of the range, the sentence names last before it), of the run's first value's
    subject and indicator, when the run has a value for each year."""
    text = sentence.text
    starts = [m.start() for m in re.finditer("分别", text)]
    for at, next_at in zip(starts, [*starts[1:], len(text)]):
        years, target = _years_before(text, at)
        paired = [f for f in figures if at < f.start - sentence.start < next_at]
        if len(years) < 2 or len(years) != len(paired):
            continue
        first = paired[0]
        kind = "target" if target else first.kind
        for figure, year in zip(paired, years):
            figure.year, figure.kind = year, kind
            figure.subject, figure.indicator = first.subject, first.indicator


def _years_before(text: str, end: int) -> tuple[list[int], bool]:
    """The years of the last list (2015年和2020年) or range (2017-2020年) of years before ``end``, and
    whether a 到 marks them as targets."""
    listed: list[re.Match] = []
    for match in _YEAR.finditer(text, 0, end):
        joined = listed and text[listed[-1].end():match.start()].strip() in _YEAR_JOINERS
        listed = [*listed, match] if joined else [match]
    ranged = [m for m in _YEAR_RANGE.finditer(text, 0, end) if not listed or m.end() >= listed[-1].end()]
    if ranged and len(listed) < 2:
        first, last = int(ranged[-1].group(1)), int(ranged[-1].group(2))
        return list(range(first, last + 1)) if first < last else [], False
    return [int(m.group(2)) for m in listed], any(m.group(1) for m in listed)


#: A clause opening with a list of its own (人参、食用菌全产业链产值…): the items 分别 pairs its values with.
_LISTED_ITEMS = re.compile(r"\s*[\u4e00-\u9fff]{1,8}(?:[、和及与][\u4e00-\u9fff]{1,8})+")


def _respective_subjects(scope: _Scope, figures: list[Figure], sentence: Sentence) -> None:
    """通用设备制造业、电气机械和器材制造业、仪器仪表制造业增加值同比分别增长27.7%、25.1%和23.0%:
    the k-th value of the run after 分别 is of the k-th name of the list its sentence names last
    before it (…，两年平均分别增长9.6%、8.1%和6.4%; 依次是虹口区、黄浦区和普陀区，比重分别为…)."""
    text = scope.extraction.document.text
    for respectively in re.finditer("分别", sentence.text):
        at = sentence.start + respectively.start()
        listed: list[tuple[int, int, Entity]] = []
        for start, end, entity in _window(scope.mentions, sentence.start, at):
            if listed and start < listed[-1][1]:
                continue  # a name nested in the one before
            gap = text[listed[-1][1]:start] if listed else ""
            unnamed = _unnamed_firms(scope, listed[-1][2], entity, listed[-1][1], gap) if listed else []
            listed = [*listed, *unnamed, (start, end, entity)] if unnamed or (
                len(gap) <= 4 and gap.endswith(_LIST_JOINERS)) else [(start, end, entity)]
        after = [f for f in figures if f.start > at]
        run = after[:1]
        for figure in after[1:]:  # 27.7%、25.1%和23.0%; 6%左右、8.5%左右
            gap = text[run[-1].start:figure.start]
            value = _NUMBER.match(gap)
            if not _LIST_GAP.fullmatch(gap[value.end() if value else 0:]):
                break
            run.append(figure)
        breaks = _CLAUSE_BREAK.finditer(sentence.text, 0, respectively.start())
        clause_start = sentence.start + max((m.end() for m in breaks), default=0)
        own_list = _LISTED_ITEMS.match(text, clause_start)
        if own_list and listed and listed[-1][1] <= clause_start:
            listed = []  # 加力发展林下经济、棚膜经济，人参、食用菌全产业链产值分别达到…: its clause lists its own
        if listed and _PARTNER.search(text, max(listed[0][0] - 1, 0), listed[0][0]) \
                and _TRADED.search(text, listed[-1][1], at):
            listed = []  # 对中亚五国、俄罗斯进出口分别增长21.5%、8%: the trade with each is the speaker's
        stated = [f for f in figures if f.start < at][-len(run):]
        if len(listed) >= 2 and len(run) == len(listed):
            indicator = _TRAILING.sub("", text[max(listed[-1][1], clause_start):at]).strip().removeprefix("的")
            # 增加值同比; 的GDP增速 (广东、江苏和浙江的GDP增速分别是…): GDP增速
            for figure, (_, _, entity) in zip(run, listed):
                figure.subject, figure.indicator = entity.iri, indicator or figure.indicator
                if scope.extraction.entity(entity.iri) is None:  # a firm of the list the recogniser missed
                    scope.extraction.entities.append(entity)
        elif len(run) >= 2 and len(stated) == len(run) and len({f.subject for f in stated}) == len(run) \
                and not _window(scope.mentions, clause_start, at):
            # A实现营收3.21万亿元，B实现营收3.01万亿元，较2022年分别下降3.19%和7.04%: the changes of the values
            # each name was given before, in order
            for figure, own in zip(run, stated):
                figure.subject, figure.indicator = own.subject, own.indicator + "增速"
        elif len(run) >= 2:
            places = [e for _, _, e in _window(scope.mentions, sentence.start, at) if e.type == "Region"]
            _listed_measures(scope, run, _TRAILING.sub("", text[clause_start:at]).strip(),
                             places[-1] if places else None)


def _unnamed_firms(scope: _Scope, before: Entity, after: Entity, gap_start: int, gap: str) -> list[tuple[int, int, Entity]]:
    """The items between two firms of one list the recogniser did not name (宝钢股份、分众传媒、长城汽车…分别为…):
    firms too, new entities each (added when a figure is theirs); none unless both ends are firms and the gap is
    only short names joined."""
    if before.type != "Enterprise" or after.type != "Enterprise" or not _UNNAMED_ITEMS.fullmatch(gap):
        return []
    sentence = scope.extraction.document.sentence_at(gap_start)
    firms = []
    for item in _UNNAMED_ITEM.finditer(gap):
        name = item.group(1)
        start = gap_start + item.start(1)
        firms.append((start, start + len(name), Entity(
            type="Enterprise", name=name, key=name, iri=entity_iri("Enterprise", name), confidence=0.6,
            mentions=[Mention(name, start, start + len(name), sentence.index if sentence else 0)])))
    return firms


def _listed_measures(scope: _Scope, run: list[Figure], listed: str, named: Entity | None) -> None:
    """新能源汽车、充电桩、5G智能手机、民用无人机产量分别增长174.0%、164.0%、67.0%、28.8%, 现代服务业和营利性
    服务业分别增长7%和17%: items the recogniser did not all name are measures of the place reported on
    (the first value's, else the document's, else the place ``named`` last before 分别 in a text speaking for
    none: 山东省…，限额以上体育娱乐用品类、通讯器材类和新能源汽车零售额分别增长…), one value each, not of the one
    industry named among them; a firm's measures stay the firm's."""
    items = [item for item in listed.split("、") if item]  # 信息传输、租赁和商务服务业: 和 inside an item's name
    if len(items) != len(run):
        items = [item for item in re.split("[、和及与]", listed) if item]
    if len(items) != len(run) or any(_YEAR.search(item) for item in items):
        return  # 到2015年和2020年分别新增…: the years', paired by _respectively
    first = scope.extraction.entity(run[0].subject)
    if first is None or first.type == "Enterprise":
        return  # 公司一季度主营业务收入、净利润分别增长31.3%、98.67%: the firm's
    place = first if first.type == "Region" else scope.home if scope.home is not None else named
    if place is None or place.type != "Region":
        return
    for figure, item in zip(run, items):
        figure.subject, figure.indicator = place.iri, item


def _reported_policy(scope: _Scope, sentence: Sentence, value_start: int) -> str:
    """In a text that is no policy itself, the policy a figure's sentence names before it
    (出台《稳外贸30条》，明确提出…), or the one it points back to (方案明确，到2030年…) when the
    text names a single policy of that kind."""
    named = _window(scope.policy_mentions, sentence.start, value_start)
    if named:  # the last named; of names at one place, the first policy's
        last = named[-1][0]
        return next(e for start, _, _, e in named if start == last).iri
    policies = [e for e in scope.extraction.entities if e.type == "Policy"]
    pointer = _POLICY_POINTER.search(sentence.text[: value_start - sentence.start])
    if pointer:
        kinds = [e for e in policies if e.attributes.get("kind") == (pointer.group(1) or pointer.group(2))]
        if len(kinds) == 1:
            return kinds[0].iri
    return ""


def _issued_texts(extraction: Extraction) -> list[tuple[int, str]]:
    """(heading offset, policy) of the texts a notice issues, where their own text begins (a
    line holding only the title): figures after it are stated by that text, not the notice."""
    head = extraction.entity(extraction.document_policy) if extraction.document_policy else None
    if head is None:
        return []
    text = extraction.document.text
    found = []
    for entity in extraction.entities:
        if entity.type != "Policy" or entity is head or entity.name not in head.name:
            continue
        for mention in entity.mentions:
            line_start = text.rfind("\n", 0, mention.start) + 1
            line_end = text.find("\n", mention.end)
            if text[line_start:mention.start].strip() == "" and text[mention.end:line_end if line_end >= 0 else None].strip() == "":
                found.append((mention.start, entity.iri))
    return sorted(found)


def _window(items: list, start: int, end: int) -> list:
    """The items (tuples sorted by their first field, an offset) whose offset is in [start, end)."""
    first = bisect_left(items, start, key=lambda item: item[0])
    return items[first:bisect_left(items, end, lo=first, key=lambda item: item[0])]


def _paragraph_topic(mentions: list[tuple[int, int, Entity]], firms: list[Entity], text: str,
                     paragraph_start: int) -> Entity | None:
    """The region or firm the paragraph at ``paragraph_start`` opens with (成都高新技术产业开发区位于…),
    or names by a short form before a colon (宝武：2025年具备减碳30%工艺技术能力, for 中国宝武): the
    topic its later sentences speak of (园区实现营业收入…), also after the day it opens with (3月22日晚，紫金矿业…发布
    2023年年度报告。报告期内，公司实现营业收入…). ``firms``: the entities of the firm mentions, in text order (looked
    through for each labelled paragraph, not every mention)."""
    dated = _OPENING_DAY.match(text, paragraph_start)
    name_start = dated.end() if dated else paragraph_start
    opening = [(end, entity) for _, end, entity in _window(mentions, name_start, name_start + 1)
               if entity.type in ("Region", "Enterprise")]
    if opening:
        end, entity = max(opening, key=lambda pair: pair[0])
        # 中远海运、招商局等央企新业务板块落地，…新增企业476家: the first of a list is what the paragraph is on
        return None if text.startswith(("、", "等"), end) else entity
    labelled = _LABEL.match(text, paragraph_start)
    if labelled is None:
        return None
    named = {e.iri: e for e in firms if e.name.endswith(labelled.group(1))}
    return next(iter(named.values())) if len(named) == 1 else None


def _firm_gone_on(scope: _Scope, topics: dict[int, Entity | None], paragraph_start: int) -> Entity | None:
    """In news on firms' results, the firm the paragraph before opened with (3月22日晚，紫金矿业…发布2023年年度报告…),
    when this paragraph names no firm nor place (主要产品方面，2023年公司矿产铜101万吨): the news goes on about that
    firm until it names another, its 公司 is not the firm the news names most."""
    home, text = scope.home, scope.extraction.document.text
    earlier = [start for start in topics if start < paragraph_start]
    before = topics[max(earlier)] if earlier else None
    if home is None or home.type != "Enterprise" or before is None or before.type != "Enterprise":
        return None
    paragraph_end = text.find("\n", paragraph_start)
    named = _window(scope.mentions, paragraph_start, len(text) if paragraph_end < 0 else paragraph_end)
    return None if any(entity.type in ("Region", "Enterprise") for _, _, entity in named) else before


def _item_product(extraction: Extraction, offset: int) -> Entity | None:
    """The product a numbered item is titled with (（六）智能语音交互系统。…到2020年，多场景下中文语音
    识别平均准确率达到96%): the subject of the item's figures that name none; a new entity (added
    when a figure is its) when the recogniser named none there."""
    text = extraction.document.text
    paragraph_start = text.rfind("\n", 0, offset) + 1
    titled = _PRODUCT_ITEM.match(text, paragraph_start)
    if titled is None:
        return None
    start, end = titled.span(1)
    named = next((e for e in extraction.entities if e.type == "Industry"
                  for m in e.mentions if (m.start, m.end) == (start, end)), None)
    if named is not None:
        return named
    sentence = extraction.document.sentence_at(start)
    return Entity(type="Industry", name=titled.group(1), key=titled.group(1),
                  iri=entity_iri("Industry", titled.group(1)), confidence=0.6,
                  mentions=[Mention(titled.group(1), start, end, sentence.index if sentence else 0)])


def _paragraph_subject(scope: _Scope, figures: list[Figure], offset: int) -> Entity | None:
    """The place the paragraph's last figure so far is of: 2021年，无锡市物联网企业研发投入占…8%。
    专利申请量在全国处于前列，2021年全行业利润率达到12% speaks of the same 全行业. An industry or a
    firm is not carried: the next sentence's counts are seldom its measures (收购某公司51%股权。
    口岸货运量400万吨 is the city's); nor, in a text speaking for its region, a place outside it
    (长三角…250个重大项目。…棚改开工11.6万套 is the province's); nor into the next of a list of tasks
    (一是…在兰州新区增补学位2万个。二是…改造建设100个乡镇综合养老服务中心: the province's); nor a place the
    clause of the first of its figures (or the sentence its sentence breaks down) does not name before it: one
    that figure only qualifies or locates (总投资近2000亿元的格尔木东…基地开工建设; 2座…光热发电项目分别在格尔木、
    德令哈开工), or whose name only opens a facility's (昆明长水国际机场年度旅客吞吐量近5000万人次), or that an earlier
    clause has doing something else (青南试验区启动规划和建设，…，旅游人次和花费增长均超20%): the next sentence's
    figures are not of that place. Nor is the last of the places a sentence gives a figure each (兰州市…增长6.5%以上，
    兰州新区…突破1000亿元): that sentence lists them."""
    extraction = scope.extraction
    text = extraction.document.text
    if _ENUMERATED.match(text, offset):
        return None
    paragraph_start = text.rfind("\n", 0, offset) + 1
    last = extraction.entity(figures[-1].subject) if figures and figures[-1].start >= paragraph_start else None
    if last is None or last.type != "Region" or (scope.carried is not None and last.iri not in scope.carried):
        return None
    if _BARE_ZONE.fullmatch(last.name) or _FACILITY.fullmatch(last.name):
        return None  # 自贸试验区3项创新成果在全国推广。…好办易办率超过90%: a zone named by its kind alone, not a place;
        # a port's throughput is no figure of the sentences after it
    if _a_zone(scope, last) and scope.home is not None and scope.home.type == "Region" and last is not scope.home:
        return None  # 黑龙江自由贸易试验区新设立企业4780家…。全年开行中欧班列412列 in 黑龙江's report: a zone's figures end
        # with its sentence, the next one naming no place is the region's
    first = figures[-1]  # the first of the paragraph's last figures of that place
    for figure in reversed(figures):
        if figure.start < paragraph_start or figure.subject != last.iri:
            break
        first = figure
    if any(figure.sentence == first.sentence and figure.start < first.start and figure.subject != last.iri
           and getattr(extraction.entity(figure.subject), "type", None) == "Region" for figure in figures):
        return None  # …兰州新区规模以上工业产值突破1000亿元。…全年完成交通投资800亿元: the province's
    sentences = extraction.document.sentences
    start = _clause_start(text, first.start)
    if first.sentence > 0 and _BREAKDOWN.match(sentences[first.sentence].text):
        start = sentences[first.sentence - 1].start  # …厦门市固定资产投资增速…。其中，…完成投资452.5亿元
    named = any(entity.iri == last.iri and not _FACILITY_NAMED.match(text, end)
                for _, end, entity in _window(scope.mentions, max(start, paragraph_start), first.start))
    return last if named else None


def _a_zone(scope: _Scope, region: Entity) -> bool:
    """Whether ``region`` is a zone, park, new area or port, not a division: by the reference's level, else as read
    from a clause opening with its name (_clause_zone)."""
    return bool(scope.levels.get(region.iri, set()) & ZONE_LEVELS) or region.iri in scope.unnamed


def _paragraph_firm(scope: _Scope, figures: list[Figure], offset: int) -> Entity | None:
    """In news on one firm's results, another firm the paragraph's last figure so far is of, the last firm the
    paragraph names before it (同日，…海天味业披露的2023年年报显示，公司全年实现营业收入245.59亿元…。分产品看，酱油收入
    126.95亿元): the paragraph has turned to that firm, its next sentences naming none are that firm's, not the
    news's own firm's."""
    home, extraction = scope.home, scope.extraction
    text = extraction.document.text
    if home is None or home.type != "Enterprise" or not figures or _ENUMERATED.match(text, offset):
        return None
    paragraph_start = text.rfind("\n", 0, offset) + 1
    last = extraction.entity(figures[-1].subject) if figures[-1].start >= paragraph_start else None
    if last is None or last.type != "Enterprise" or last.iri == home.iri:
        return None
    named = [entity for _, _, entity in _window(scope.mentions, paragraph_start, figures[-1].start)
             if entity.type == "Enterprise"]
    return last if named and named[-1].iri == last.iri else None


def _broken_down(scope: _Scope, sentences: list[Sentence], sentence: Sentence) -> Entity | None:
    """For a sentence breaking down the one before (…厦门市固定资产投资增速连续4个月居全省首位。
    其中，111个省重点在建项目实际完成投资452.5亿元), the place or firm that one names last, in a text
    speaking for no region of its own (one speaking for its region breaks down its own figures)."""
    if sentence.index == 0 or scope.carried is not None or not _BREAKDOWN.match(sentence.text):
        return None
    before = sentences[sentence.index - 1]
    text = scope.extraction.document.text
    named = [e for start, end, e in _window(scope.mentions, before.start, before.end)
             if e.type in ("Region", "Enterprise") and not _FRAME.search(text[max(start - 1, 0):end])]
    return named[-1] if named else None


def _paragraph_place(scope: _Scope, sentence: Sentence) -> Entity | None:
    """In a text speaking for the country that reports on its cities (我国GDP前十强城市…), the city or
    province an earlier sentence of the paragraph opens a clause with (值得一提的是，广东的固定资产投资…在2021年
    明显“发力”。…两年平均增长12.8%): what the paragraph is on, not the country; not one of a list of them
    closed by 等 (江苏、山东、浙江等9个工业大省增速高于全国平均水平。…增长面较去年扩大22个百分点: examples,
    the country's)."""
    home = scope.home
    if home is None or "country" not in scope.levels.get(home.iri, ()):
        return None
    text = scope.extraction.document.text
    paragraph_start = text.rfind("\n", 0, sentence.start) + 1
    for start, end, entity in reversed(_window(scope.mentions, paragraph_start, sentence.start)):
        local = scope.levels.get(entity.iri, set()) & set(_OWN_LEVELS)
        if entity.type == "Region" and local and _LEADS.search(text[_clause_start(text, start):start]):
            # the places' spans only for the one place that leads (they were a dict per sentence: ~1% of a build)
            places = {first: last for first, last, e in scope.mentions if e.type == "Region"}
            return None if _example_place(text, start, end, places) else entity
    return None


def _inside(home: Entity, extraction: Extraction, reference: Reference) -> set[str]:
    """The IRIs of ``home`` and of the document's regions the reference puts inside it or does
    not know (a city's own 莞韶产业园)."""
    home_keys = {entry.key for entry in reference.lookup(home.name, "Region")} | {home.key}
    inside = {home.iri}
    for region in (e for e in extraction.entities if e.type == "Region"):
        entries = reference.lookup(region.name, "Region")
        if not entries or any(parent.key in home_keys for entry in entries for parent in reference.ancestors(entry)):
            inside.add(region.iri)
    return inside


def _figure(scope: _Scope, sentence: Sentence, match: re.Match, previous_end: int, section_year: int | None,
            heading: _Heading | None, previous_subject: str | None, fallback: Entity | None,
            list_year: tuple[int, str] | None = None, going_on: tuple[int, str] | None = None,
            plan_end: int | None = None, paragraph_year: int | None = None) -> Figure | None:
    """The figure ``match`` states, or None when it is no figure or has no year or subject.
    ``previous_end``: where the figure before it in the sentence ended; ``heading``: the year
    heading its section is under; ``fallback``: the subject when the sentence names none (the
    paragraph's topic, else the document's home); ``list_year``: the year and kind the lead of
    the list the sentence is an item of names (_list_year); ``going_on``: those of the part of a year
    the paragraph before reports on (_period_going_on), for its rates; ``plan_end``: the last year of
    the plan period the sentence names as its time (_plan_end), of its targets naming no year;
    ``paragraph_year``: the year an earlier sentence of its paragraph opens with (_ParagraphYears.before), of a
    rate or a named measure (销量, 增加值 …; not 德豪润达则宣布41亿元投向LED) whose sentence names no year and
    looks back on nothing."""
    extraction, mentions = scope.extraction, scope.mentions
    issued = _relative_base(scope, heading)
    text = sentence.text
    scans = _sentence_scans(text)
    unit_end = _unit_end(text, match)
    before, after = text[: match.start()], text[unit_end:]
    clause_start = scans.clause_breaks.last_end(match.start())
    clause_end_match = _CLAUSE_BREAK.search(after)
    right = after[: clause_end_match.start() if clause_end_match else len(after)]
    left = _LIST_REMNANT.sub("", before[max(clause_start, previous_end):])
    ranked = _RANKED_BY.search(before) if _MONEY_AFTER.match(right) else None
    measured_after = _MEASURED_AFTER.match(right) or (_MONEY_AFTER.match(right) if ranked else None)
    # 国能龙源储能电站、天新医药化工等160多个高科技项目投产: the names are examples of what is counted, not whose count
    examples = before.rstrip().endswith("等")
    value_end = sentence.start + match.end()
    owner = next((e for start, _, e in _window(mentions, value_end + 1, value_end + 2) if e.type == "Region"),
                 None) if right.startswith("的") else None  # 距离10223.99亿元的湖南仅一步之遥: 湖南's
    if _COUNTED_AMONG.match(right):
        return None  # 全省41个大类行业中有37个增加值保持增长: the set, not a count of what the clause says
    if _FIRST_OF_CLASS.search(before):
        return None  # 成为玉林首个300亿元园区: the class of the park (its value a bar), stated again
    if match.group(3) == "股" and _PER_SHARES.search(before):
        return None  # 向全体股东每10股转增10股: the ratio of a bonus issue, not a count of shares (每10股派发现金红利
        # 4.1元 is the dividend paid)
    # 人均GDP从24433元增加到36700元 after 从2011年的…增加到2016年的…: 2011's, a starting value of a year after all
    parallel = _parallel_start(extraction.document.text, sentence.start + match.start()) \
        if _MOVED_TO.match(right) else None
    if owner is None and parallel is None and (_no_figure(before, before[clause_start:], after, right, match.group(1), match.group(3))
                          or _counts_a_list(left, match.group(3), right, bool(match.group(2)))):
        return None
    year, kind = (None, "target") if scans.yearless else _year(
        before[clause_start:] if _PRESENT.search(before[clause_start:]) else _framing_years(before, clause_start),
        issued)
    if year is None and plan_end is not None and (scope.issued is None or plan_end >= scope.issued) \
            and not _PERIOD_LOOKED_BACK_ON.search(before) and not _PRESENT.search(before):
        year, kind = plan_end, "target"  # “十四五”期间要…，有效发明专利达到8万件 (not “十三五”期间 looked back on)
    elif year is None and section_year is not None:
        year, kind = section_year, "target"
    elif heading is not None and year in (None, heading.year):
        year, kind = heading.year, heading.kind
    elif year is None and ((scope.period_from is not None and sentence.start >= scope.period_from)
                           or scans.period) and not _PRESENT.search(before):
        year, kind = scope.period_year, "reported"  # 南京以7622.77亿元位居第六 under 15个副省级城市上半年GDP
    elif year is None and scope.report_year is not None \
            and _in_report_period(scope, sentence, match.start(), bool(measured_after or _names_a_measure(left)
                                                                       or any(word in left for word in _ANNUAL_REPORT_ITEMS))):
        year, kind = scope.report_year, "reported"  # 报告期内，公司海外销售收入为13.71亿元 after 发布2024年财报
    elif year is None and list_year is not None and not _PRESENT.search(before):
        year, kind = list_year  # 民生改善类项目357个 under …2022年重大项目计划重点安排于…三大领域：
    elif year is None and going_on is not None and match.group(3).replace("％", "%") in _RATES \
            and not _PRESENT.search(before):
        year, kind = going_on  # 一般贸易进出口增长15.7% after 去年1-11月，全市进出口总额…: not a stock (常住人口942万人)
    elif year is None and paragraph_year is not None and not _PRESENT.search(before) \
            and not _LOOKED_BACK.search(before) and (match.group(3).replace("％", "%") in _RATES
                                                     or any(word in left for word in _MEASURES)
                                                     or _REGIONS_PRODUCT.search(left)):
        year, kind = paragraph_year, "reported"  # 2025年，规模以上工业增加值…。…装备制造业增加值同比分别增长9.2%
    elif year is None and scope.work_report is not None and _looks_back_a_year(scope, sentence, match.start()):
        year, kind = scope.work_report - 1, "reported"  # 过去一年，宁波地区生产总值达到1.7万亿元 in news on its report
    elif year is None and scope.work_report is not None and _reports_task(scope, sentence, match.start()):
        year, kind = scope.work_report, "target"  # 深圳还将…。…全年工业投资增长12%以上 in news on 深圳's 2022 report
    if parallel is not None:
        year, kind = parallel, "reported"
    if year is None:
        return None
    base = _BASE_BEFORE.search(before)
    if base and (right.startswith(("）", ")")) if base.group(1) else _CHANGED_FROM.match(right)):
        year, kind = year - 1, "reported"  # 较上年28899万元增长9.9%: last year's amount, the base of the growth
    elif _FROM_LAST_YEAR.search(before, clause_start) and _CHANGED_TO.match(after):
        year, kind = year - 1, "reported"  # 产业结构由上年的22.26%、28.63%和49.11%调整为…: last year's make-up
    elif _SAME_PERIOD_BEFORE.match(before, clause_start):
        year, kind = year - 1, "reported"  # …亏损2358.97万元，上年同期盈利1464.66万元: the year before's result
    if kind == "reported" and _TARGETS_LEAD.search(before):
        kind = "target"  # 今年全省经济社会发展主要预期目标是：…城镇新增就业85万人
    left = _LEADING.sub("", _YEAR.sub("", left).strip())
    per_before = _PER_BEFORE.search(left) if unit_end == match.end() else None  # 低于每立方米19微克: 19微克/立方米
    if per_before is not None:
        left = left[:per_before.start()]
    written_unit = match.group(3).replace("％", "%") + text[match.end():unit_end].replace("(", "（").replace(")", "）") \
        + ("/" + per_before.group(1) if per_before else "")
    unit = re.sub("[多余]", "", written_unit)  # 1万多户: more than 1万户
    if unit in ("万", "亿") and _MONEY.search(before, clause_start):
        unit += "元"  # 一般公共预算收入都只有120亿左右: 120亿元
    elif unit in ("万", "亿"):
        reached = _REACHED_IN_UNIT.match(after)
        if reached and reached.group(1) == unit:
            unit += reached.group(2)  # 突破百万大关，达168.4万辆: a bar of the thing the value it reaches counts
    comparator = _comparator(left, bool(match.group(2)) or unit != written_unit, right)
    places = [text[start - sentence.start:end - sentence.start]
              for start, end, e in _window(mentions, sentence.start + clause_start, sentence.start + match.start())
              if e.type == "Region" and not _FACILITY_NAMED.match(extraction.document.text, end)]
    zone = _clause_zone(scope, sentence, clause_start, match.start()) if owner is None else None
    if zone is not None:
        places = [zone[0].name]  # 张家港港完成货物吞吐量: the port's 货物吞吐量, not 港完成…
    for place in places:  # 安徽省培育3家平台: the place is the subject, not part of the indicator (but of 石家庄国际陆港)
        left = left[len(place):] if left.startswith(place) else left
    indicator = _TRAILING.sub("", _LEADING.sub("", left)).strip()
    if not indicator and _tallies_the_items_after(after, unit, match.group(1)):
        return None  # 石嘴山市2个，…整治工程、…面板项目: how many of the listed projects are whose, each named after it
    if measured_after:
        indicator = measured_after.group(1)
    elif (len(indicator) < 2 or examples) and not _MORE_VALUES.match(right):
        # …等1700多个新项目开工: what the count is of follows it (not the rest of a list of values, 13.28、12.31、11.47亿元)
        indicator = _LEADING.sub("", re.sub(r"^(?:以上|以内|以下|左右)", "", right)).strip() or indicator
    absolute_start = sentence.start + match.start()
    carried = extraction.entity(previous_subject) if previous_subject else None
    if carried is not None and carried.type == "Industry" and not _AVERAGED.fullmatch(left) and (
            not any(word in left for word in _MEASURES + ("率",)) or _SECTOR_OF_ITS_OWN.search(left)
            or _item_of_its_own(left) or _INVESTED_IN.search(left) or _names_its_own_thing(left)):
        carried = None  # 产业规模超过5500亿元，打造300个项目: the projects are not the industry's measure;
        # 消费品产业增长9.6%，能源工业增长3.4%: another sector's; 教育投资同比增长31.6%: the place's investment
    elif carried is not None and carried.type == "Region" and scope.carried is not None \
            and carried.iri not in scope.carried and unit.lstrip("万亿") in _CLASSIFIERS:
        carried = None  # 京津冀区域优良天数比率接近80%，…，引进央企二、三级子公司超800家 in 河北's report: a count of what
        # the region the text speaks for did, not of the wider place a figure before it was of
    share = list(_SHARE.finditer(before, clause_start))
    # 占本集团营业收入的26.17%: the whole after 占 is no subject, whatever the recogniser took into its name
    subject_end = sentence.start + share[-1].start() if share else absolute_start
    named = None if examples else _subject(mentions, extraction.document.text, sentence.start + clause_start,
                                           subject_end)
    if named is not None and named.type == "Industry" and share and _REGIONS_WHOLE.match(before, share[-1].start()):
        named = None  # 制造业增加值占地区生产总值比重20%: the region's make-up, not the sector's figure
    elif named is not None and named.type == "Industry" and _LENT.search(before, clause_start):
        named = None  # 制造业中长期贷款余额增长10.6%: what the place's banks lent the sector, a figure of its finance
    elif named is not None and named.type == "Industry" and any(
            entity is named and _TAKINGS.match(extraction.document.text, end)
            for _, end, entity in _window(mentions, sentence.start + clause_start, absolute_start)):
        named = None  # 全市旅游总收入增长12%: the city's takings from tourism, its figure
    if named is None and ranked is not None:  # 宁德时代以441.2亿元的净利润高居第一: the firm ranked
        named = next((e for _, end, e in _window(mentions, sentence.start + clause_start, absolute_start)
                      if end == sentence.start + ranked.start() and e.type != "Region"), None)
    if named is not None and named.type == "Industry":
        named = _house_brand(scope, named, sentence.start + clause_start, absolute_start) or named
    if zone is not None and (named is None or named.type == "Region" and any(
            e is named for _, _, e in _window(mentions, zone[1], zone[2]))):
        named = zone[0]  # 哈尔滨太平国际机场旅客吞吐量…: the airport's, not its city's nor the zone's before it
    if owner is None and named is None and scope.country is not None and right.startswith("的") \
            and _COUNTRY_COMPARED.search(before, clause_start):
        owner, comparator = scope.country, "="  # 高于全国同期1.7%的两年平均增速: the country's rate, passed
    subject = owner or named or _own_region(scope, before[clause_start:], sentence.start, absolute_start, unit)
    if subject is None and not _own_word(before[clause_start:]):  # 全市 speaks of no other place
        local_home = scope.home is not None and scope.levels.get(scope.home.iri, set()) & set(_OWN_LEVELS)
        sentence_subject = _subject(mentions, extraction.document.text, sentence.start,
                                    sentence.start + clause_start if examples else subject_end,
                                    sentence_subjects=True, places=scope.carried if local_home else None)
        # …3家骨干企业…拉动…16.3个百分点，其中，中航光电公司…，直接拉动…14.3个百分点: a firm named after the figure
        # before is this one's, not that figure's subject (a place named between may be doing something else)
        named_since = sentence_subject is not None and sentence_subject.type == "Enterprise" and any(
            entity is sentence_subject
            for _, _, entity in _window(mentions, sentence.start + previous_end, absolute_start))
        # 蚌埠综合保税区封关运行，滁州保税物流中心…获批设立，新开通国际客货运航线15条 in a province's report: its places
        # listed clause by clause, each doing its own thing; a later clause naming none after another of them is
        # the province's, not that of a place named before (a place compared with, 比柳州多出…, is none of them)
        whole = extraction.document.text
        last_place = next((entity for start, _, entity in reversed(_window(mentions, sentence.start,
                                                                           sentence.start + clause_start))
                           if entity.type == "Region" and not _COMPARED_WITH.search(whole, max(start - 2, 0), start)),
                          None)
        if local_home and last_place is not None and last_place.iri in (scope.carried or ()) and not named_since:
            sentence_subject = sentence_subject if sentence_subject in (None, last_place, scope.home) \
                or sentence_subject.type != "Region" else None
            carried = carried if carried in (None, last_place, scope.home) or carried.type != "Region" else None
        if local_home and carried is not None and carried is not scope.home \
                and _only_opens_facilities(carried, _window(mentions, sentence.start, absolute_start), whole):
            carried = None  # 石家庄国际陆港开行中欧班列780列，黄骅港开行…3200列 in 河北's report: the place only
            # locates the port its clause is on; the later clause's figure is the province's
        subject = (sentence_subject if named_since else carried) or sentence_subject or fallback
    if subject is not None and _OUTPUT.search(indicator) and _regions_product(scope, subject):
        subject = scope.home  # 粮食产量296.9万吨 in 青岛's report: the city's harvest
    elif subject is not None and subject.type == "Industry" and unit.endswith(("P", *_COMPUTING_POWER)):
        # 建成标准机架4万架、算力规模超2.2万P: computing power, a resource the place built, not a sector's output
        subject = next((e for _, _, e in reversed(_window(mentions, sentence.start, absolute_start))
                        if e.type == "Region"), scope.home)
    elif subject is not None and subject.type == "Industry" and _PLACE_TOTAL.match(indicator) \
            and scope.home is not None and scope.home.type == "Region":
        subject = scope.home  # 推动消费复苏回暖，力争社会消费品零售总额增长4.5%: the place's total, not the sector's
    elif subject is not None and _ACCOUNTS_SECTOR.fullmatch(subject.name) and _ACCOUNTS_MEASURE.match(indicator) \
            and _speaks_for_region(scope) and (_after_regions_product(extraction.document.text, absolute_start)
                                               or _speaker_level(extraction.document.text) is None):
        subject = scope.home  # 地区生产总值164亿元；农林牧渔业总产值36亿元 in 建宁's report: the county's accounts
    if subject is not None and subject.type != "Enterprise" and scope.home is not None \
            and scope.home.type == "Enterprise" and _FIRM_ANAPHOR.search(before[clause_start:]):
        subject = scope.home  # 公司全年新能源汽车销量302.44万辆 in news on 比亚迪's results: the firm's
    elif subject is not None and subject.type == "Industry" \
            and ("业务" in before[clause_start:] or _by_lines_of_business(extraction.document.text, sentence.start)) \
            and (reporting_firm := next((firm for firm in (carried, fallback, scope.home)
                                         if firm is not None and firm.type == "Enterprise"), None)) is not None:
        # 集装箱租赁业务实现营业收入49.59亿元 in news on 中远海发's results: its line of business's; after another firm's
        # figures or in a paragraph on its results (…迈瑞医疗…年报显示，…体外诊断业务收入125.53亿元), that firm's; so is
        # a product line's in a paragraph it breaks down by (分业务看，宁德时代…。全年锂离子电池销量390GWh)
        subject = reporting_firm
    if subject is not None and subject.type == "Enterprise" and named is None and owner is None \
            and _FIRMS_COUNTED.search(before + match.group() + right):
        return None  # 目前已有99家上市公司发布…，合计分红金额达到720.26亿元 in news on 中国石油: the firms counted's
    if subject is None or (subject.type != "Enterprise" and _firm_spoken_of(before)) \
            or (subject.type == "Region" and "板块" in before[clause_start:]) \
            or (named is None and (_MARKET.search(before[clause_start:]) or _markets_change(before, clause_start))) \
            or _AMONG.search(before + match.group() + right):
        return None  # “…公司产值年均增长30%左右”, 稀土板块全年累计涨幅158.91%, 上半年A股市场融资融券的日均余额
        # 同比下降2.12%: a firm's, a market sector's or the market's; 在…14只券商股中，有8家…: counts among others
    if subject.type == "Enterprise" and indicator.startswith(subject.name):  # 五矿证券的净利润: the firm's 净利润
        indicator = _LEADING.sub("", indicator[len(subject.name):].removeprefix("的")).strip() or indicator
    return Figure(subject=subject.iri, indicator=indicator, comparator=comparator, value=_value(match.group(1)),
                  unit=unit, year=year, kind=kind,
                  sentence=sentence.index, start=absolute_start, policy=extraction.document_policy)




#: Loosely, what any year _year reads holds (_YEAR, _STOCK_DATE, _QUARTER_CODE, _ESTIMATE_YEAR, _RELATIVE_YEAR,
#: _FUTURE_YEARS): a sentence without it names none. Loose because _year reads the words before a value: there
#: 2024年1,313,154,265.85元's year stands last, once its value is cut off.
_YEARISH = re.compile(r"(?:19|20)\d{2}\s*年|[1-4][QH]\d{2}|(?:19|20)\d{2}E|去年|今年|明年|目前|已累计"
                      r"|(?:未来|今后)[一二两三四五]年")


class _SentenceScans:
    """What each value of a sentence asks of the whole sentence or of its words before the value, found once
    for the sentence: one may hold thousands of values (全市生产总值增长5.6%， repeated)."""

    def __init__(self, text: str) -> None:
        self._text = text
        self.clause_breaks = PrefixMatches(_CLAUSE_BREAK, text)
        self.yearless = _YEARISH.search(text) is None  # _year finds no year in any of its words

    @cached_property
    def period(self) -> bool:
        """Whether the sentence names a part of a year (上半年, 1-11月)."""
        return _PERIOD.search(self._text) is not None


@lru_cache(maxsize=1)  # the values of a sentence ask in turn
def _sentence_scans(text: str) -> _SentenceScans:
    return _SentenceScans(text)


#: A paragraph opening that breaks a firm's results down by its lines (分业务看，分产品来看，按板块看，).
_LINES_OPENING = re.compile(r"\s*(?:分|按)(?:业务|产品|板块)(?:来|上)?看[，,]")


def _by_lines_of_business(text: str, sentence_start: int) -> bool:
    """Whether the paragraph of the sentence at ``sentence_start`` opens by breaking results down by lines of
    business (分业务看，…): its products' figures are a firm's lines, not their sectors'."""
    return _LINES_OPENING.match(text, text.rfind("\n", 0, sentence_start) + 1) is not None


def _markets_change(before: str, clause_start: int) -> bool:
    """Whether a clause only saying how a value changed (相比去年同期增长9%) follows a market's value
    (市场股基日均成交额为1.06万亿元，…): the market's change, not the firm's."""
    previous_start = max((m.end() for m in _CLAUSE_BREAK.finditer(before, 0, max(clause_start - 1, 0))), default=0)
    return bool(_BARE_CHANGE.fullmatch(before[clause_start:].strip())
                and _MARKET.search(before, previous_start, clause_start))


def _regions_product(scope: _Scope, named: Entity) -> bool:
    """Whether ``named`` is a product (粮食, 蔬菜, 烟叶; no sector, 畜牧业) whose output a text speaking for its
    city or province reports as the region's own."""
    return named.type == "Industry" and not named.name.endswith("业") and _speaks_for_region(scope)


def _after_regions_product(text: str, offset: int) -> bool:
    """Whether the sentence up to ``offset`` (its clauses past ；) lists the region's product or its farming's
    gross output."""
    start = max(text.rfind("。", 0, offset), text.rfind("\n", 0, offset)) + 1
    return bool(_ACCOUNTS_TOTAL.search(text, start, offset))


def _speaks_for_region(scope: _Scope) -> bool:
    """Whether the text speaks for a city, county or province of its own."""
    home = scope.home
    return home is not None and bool(scope.levels.get(home.iri, set()) & set(_OWN_LEVELS))


def _names_its_own_thing(left: str) -> bool:
    """Whether the words before a clause's first measure name a thing of their own, the clause measuring that
    (…新能源汽车零售额分别增长…，通过公共网络实现零售额增长22.9%; 机电产品出口占比86%), not the sector before:
    neither only a change's words, nor part of a measure (营业|收入, 新产品销售|收入), nor the whole a share is of
    (占江苏省电子信息产业|产值的18%)."""
    first = min((left.find(word) for word in _MEASURES + ("零售额", "销售额") if word in left), default=-1)
    own = left[:first]
    return first > 0 and not _BARE_CHANGE_OPENING.match(own) and not own.startswith(("占", "比")) \
        and not any(word in own for word in _MEASURES + _FIRMS_MEASURES)


def _item_of_its_own(left: str) -> bool:
    """Whether the words before a growth name a product of their own, no measure (集成电路增长30.3%)."""
    item = _ITEM_OF_ITS_OWN.match(left)
    return item is not None and not any(word in item.group(1) for word in _MEASURES + ("率",))


def _in_report_period(scope: _Scope, sentence: Sentence, value_start: int, measured: bool) -> bool:
    """Whether a value's paragraph speaks of the period an annual report covers before it (报告期内，主营业务
    销售收入大部分来自宠物零食产品。其中，畜皮咬胶和植物咬胶的合计营收达11.13亿元), or names that year as the
    last before a ``measured`` value, one naming its measure (上市公司盈利方面，2023年中国工商银行…。科创板方面，
    …晶科能源…以74.4亿元的净利润排名第一; not 2010年…。德豪润达则宣布41亿元投向LED), or, in news on the firm's results,
    names no year before that value (分业务看，…。境外主业收入达到240.38亿元), or names no year of its own in a text
    opening on the firm's announcing it."""
    text = scope.extraction.document.text
    paragraph_start = text.rfind("\n", 0, sentence.start) + 1
    named = _year(text[paragraph_start:sentence.start + value_start], None)[0]
    firm_news = scope.home is not None and scope.home.type == "Enterprise"
    if (measured and (named == scope.report_year or firm_news and named is None)) \
            or (scope.report_announced and named is None):
        return True  # 近日，东方中科发布2023年年度报告。…\n在测试技术与服务板块，…营业收入较去年同期增长19.56%
    return _REPORT_PERIOD.search(text, paragraph_start, sentence.start + value_start) is not None


def _work_report_year(text: str, issued: int | None) -> int | None:
    """The year of the government work report a news item is on, when its lead (its first line of sentences
    after the title) says one was delivered (…向大会作政府工作报告), or names it under a title naming it: the
    year the report is for, that of the item's date (a city's report is delivered early in the year it plans).
    None in the speech itself, whose sections name their years (一、2023年工作回顾), and in news mentioning a
    report in passing (…与政府工作报告提出的5%左右的预期目标相比: a statistics release's year is another)."""
    if _SPEECH.search(text):
        return None
    title_end = text.find("\n")
    dated = _DATED_REPORT.search(text, 0, len(text) if title_end < 0 else title_end)
    if dated is not None:  # 2023年浙江省政府工作报告(全文) over a part of it: the year the title names
        return int(dated.group(1))
    if issued is None:
        return None
    titled = _WORK_REPORT.search(text, 0, len(text) if title_end < 0 else title_end) is not None
    lead = _lead(text)
    if lead is None:
        return None
    # 2月12日上午，…县第十八届人民代表大会第二次会议隆重开幕。 leading news on the session, the report delivered a few
    # paragraphs on (县长…代表县人民政府向大会作政府工作报告。)
    delivered = _REPORT_DELIVERED.search(text, *lead) is not None or (
        _CONGRESS_SESSION.search(text, *lead) is not None and _REPORT_DELIVERED.search(text, lead[1]) is not None)
    return issued if delivered or (titled and _WORK_REPORT.search(text, *lead)) else None


def _lead(text: str) -> tuple[int, int] | None:
    """(start, end) of a news item's lead: its first line of sentences (not the title, source, date or
    reporter's line; the reader may have joined them to it: 宁波市政府工作报告解读2024-01-25 1月24日，…作政府工作报告。)."""
    line_start = 0
    while line_start < len(text):
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        if "。" in text[line_start:line_end]:
            return line_start, line_end
        line_start = line_end + 1
    return None


def _year_reviewed(text: str) -> int | None:
    """The year a work report reviews as the lead of news on it says (…作政府工作报告。报告回顾了2024年工作，并就
    2025年重点工作进行了部署): the year before the item's own (a city's report is delivered early in the year it
    plans), that of the parts of a year it names without their year (1—11月份，…主要经济指标…), not the latest
    year the item names."""
    lead = _lead(text)
    if lead is None or _SPEECH.search(text) or not _REPORT_DELIVERED.search(text, *lead):
        return None
    reviewed = _REVIEWED_YEAR.search(text, *lead)
    return int(reviewed.group(1)) if reviewed else None


def _looks_back_a_year(scope: _Scope, sentence: Sentence, value_start: int) -> bool:
    """Whether a value naming no year, in news on a work report, is in a paragraph looking back on the year
    the report reviews (过去一年，…) or giving its results as the statistics estimate them before they are
    final (据统计预测，全县地区生产总值增长12.6%; a paragraph opening on 预计地区生产总值超过2100亿元): the year
    before the report's."""
    text = scope.extraction.document.text
    paragraph_start = text.rfind("\n", 0, sentence.start) + 1
    return _PAST_YEAR.search(text, paragraph_start, sentence.start + value_start) is not None


def _reports_task(scope: _Scope, sentence: Sentence, value_start: int) -> bool:
    """Whether a value naming no year, in news on a work report, is one of the report's tasks for its year:
    its paragraph up to it states a task (将, 力争, 全年, 新增 …) and looks back on nothing (过去几年, 以来,
    目前), and is no one's words quoted (“…制造业占GDP比重可能早就低于30%了”)."""
    text = scope.extraction.document.text
    paragraph_start = text.rfind("\n", 0, sentence.start) + 1
    paragraph = text[paragraph_start:sentence.start + value_start]
    return bool(_TASKED.search(paragraph)) and not _LOOKED_BACK.search(paragraph) \
        and not _PRESENT.search(paragraph) and not paragraph.lstrip().startswith(("“", "\""))


def _firm_spoken_of(before: str) -> bool:
    """Whether a firm is spoken of without its name: 公司, or 我们 in a quotation (“目前，我们的业务
    已延展至…”: its manager speaking); 我们 outside one is the government a work report speaks for
    (我们全力以赴推动经济恢复增长，全年地区生产总值增长4.5%)."""
    return bool(_FIRM_ANAPHOR.search(before)) or any(
        before.count("“", 0, we.start()) > before.count("”", 0, we.start()) for we in re.finditer("我们", before))


#: The top share of a ranking, before what it classes (ESI全球前1‰学科1个, 前1%学科24个): no figure.
_TOP_SHARE = re.compile(r"前$")
_CJK_START = re.compile(r"[\u4e00-\u9fff]")


def _parallel_start(text: str, value_start: int) -> int | None:
    """The year a starting value of no year of its own (…；人均GDP从24433元增加到36700元) is of when an earlier
    clause of its sentence, up to its 。, states a change between two years (地区生产总值从2011年的1091.18亿元增加到
    2016年的1650亿元): its first, as the clauses after it list changes over the same years."""
    if not text[:value_start].rstrip().endswith(("从", "由")):
        return None
    sentence_start = max(text.rfind("。", 0, value_start), text.rfind("\n", 0, value_start)) + 1
    change = _DATED_CHANGE.search(text, sentence_start, value_start)
    return int(change.group(1)) if change else None


def _no_figure(before: str, clause: str, after: str, right: str, number: str, unit: str) -> bool:
    """The number is an allowance (最高500万元), a qualifier (过200亿元的集群, 20万平方米以上的楼盘, but not the
    last value of a list: 分别增长34.4%与35.5%的水平,
    300亿产业集群, and a value in Chinese numerals before a noun: 产业百项工程, 千百亿元产业园区), one
    end of a range (5-10年, 3至5家), context (围绕37条产业链, 以…12个规划为指导), a starting value of no year of its own
    (由14%降至12%, not 从2020年的3.68万亿元增长到…),
    part of a programme's, a slogan's or a plant's name (日产5000吨水泥熟料生产线, 40万吨铜冶炼项目,
    “千万工程”, “大干20件大事”, 万亩千亿新产业平台), a count of the places a report compares (27个省份,
    过千亿的省份共有3个), a bar the places it counts pass (共有5个城市财政收入增速超过5%, 其它7个城市均低于6%), a
    number of months or quarters (连续4个月, 连续16个季度) or of the steps a value passed (连跨3个千亿级台阶), the
    things a share after it is of (其中12条重点产业链项目占比达84.4%), a class counted after it (新增超10亿元企业1家), a rank
    (位居前50名) or the places a ranking moved by (总量前进1个位次) or the top share a class is of (ESI全球前1‰学科), a condition for what follows (增速在2019年、2020年连续两年低于20%之后，…), the base of a rate
    (每10股派发现金红利3.16元), a bare 万 or 亿 counting what follows it in a word of its own (带动15.3万农户), a
    bare 万亿 of no money measure (规模突破了1万亿: 地区生产总值3.12万亿 is one in 元), the bar the things a count
    before it counts passed (新增软件等4个过五千亿产业), or a day's tally of an epidemic's cases (3月14日又报告新增10例
    阳性感染者; 25日…，其中昆山市30例; not a year's, 全省累计报告确诊病例1306例)."""
    quoted = before.count("“") > before.count("”") and (not _ARABIC.match(number) or _QUOTE_CLOSES.match(after))
    qualifying = re.sub(r"^(?:以上|以下|以内|左右)", "", right)  # 20万平方米以上的楼盘
    bound = re.match(r"及?(?:以上|以下)(?=[\u4e00-\u9fff])", right)
    class_of = bound is not None and unit.lstrip("万亿") not in _CLASSIFIERS \
        and not _THE_AMOUNT.match(right, bound.end()) and not _GROWTH_AFTER.match(right, bound.end()) \
        and not _GOAL_AFTER.match(right, bound.end())
    # 30户以上自然村寨, not 4万个以上5G基站 nor 营收保持20%以上增长
    return bool(quoted or (qualifying.startswith("的") and not _MEASURED_AFTER.match(right)
                           and not _GOAL_AFTER.match(qualifying)
                           and not (_RANKED_BY.search(before) and _MONEY_AFTER.match(right))
                           and not _AFTER_A_VALUE.search(before))
                or class_of or _SIZE_CLASS.match(right) or (_TOP_SHARE.search(before) and unit in ("%", "‰")
                                                            and _CJK_START.match(right))
                or (not _ARABIC.match(number) and _COUNTED_NOUN.match(right) and not _THE_AMOUNT.match(right))
                or (unit in ("万", "亿", "万亿") and _COUNTED_NOUN.match(right) and not _THE_AMOUNT.match(right))
                or (unit == "万亿" and not _MONEY.search(clause))
                or (_ALLOWANCE.search(before[-12:]) and not _DISBURSED.search(clause))
                or _range_start(after, unit) or (before.rstrip().endswith(("至", "到")) and _RANGE_END.search(before))
                or _CONTEXT.match(clause.strip())
                or (clause.strip().startswith("以") and _FRAMING.search(right))
                or (((_closes_with(before, ("日产", "月产", "年产")) and _CAPACITY.search(before))
                     or unit.lstrip("万亿") in _CAPACITY_UNITS) and _PLANT.match(right))
                or (_MOVED_TO.match(right) and not _DATED_START.search(before)) or (_PROGRAMME.match(right) and not _WORKS_COUNTED.match(unit + right))
                or _CLASS_COUNTED.match(qualifying)
                or (unit == "个" and (_PLACES_COMPARED.match(right) or right.startswith(("月", "多月", "工作日", "小时", "季度", "位次", "名次"))
                                     or _STEPS.match(right)))
                or (unit in ("个", "条") and _FRAMEWORK.fullmatch(right))
                or (_PLACES_COUNT.search(clause) and _BAR.search(before))
                or (unit == "个" and _PLACES_TALLIED.search(before))
                or (unit.lstrip("万亿") in _CLASSIFIERS and _SHARE_OF_COUNTED.match(right))
                or (unit == "天" and "天数" not in clause) or (unit in ("名", "位") and before.endswith("前"))
                or (unit == "位" and (_RANKING.search(clause) or right.startswith("至第")))
                or right.endswith("之后") or before.rstrip().endswith("每")
                or (_closes_with(before, ("过", "突破")) and _PASSED_BY_A_COUNT.search(before))
                or (unit in _CASE_UNITS and _INFECTIONS.search(before + after) is not None
                    and _DAY.search(before + after) is not None))


def _tallies_the_items_after(after: str, unit: str, number: str) -> bool:
    """Whether a count naming no measure is a tally of the projects or works named one by one right after it
    (按责任单位划分分别是：固原市1个，…焚烧发电工程；石嘴山市2个，…整治工程、…面板项目): who the items of a list
    belong to, no figure; told by as many items as it counts."""
    items = _ITEMS_NAMED.match(after)
    return unit in _CLASSIFIERS and items is not None and _ARABIC.match(number) is not None \
        and len(_ITEM_PARTING.findall(items.group(1))) + 1 == _value(number)


#: The average growth of the measure before it, all a clause says (先进制造业增加值增长46.7%，两年平均增长6.9%): of the
#: same sector.
_AVERAGED = re.compile(r"(?:[两二三四五]年)?(?:平均|年均)(?:增长|增速|下降)?(?:为|达)?")
#: The country's value a region's passes or falls short of, right before it (高于全国同期|1.7%的两年平均增速).
_COUNTRY_COMPARED = re.compile(r"(?:高于|低于|快于|慢于|超过|超出|领先)全国(?:同期|平均)?(?:水平)?$")
#: The items a tally counts, named after it, its clause's last words (，…焚烧发电工程；).
_ITEMS_NAMED = re.compile(r"\s*[，,]([^，。；;：:]{2,80}?(?:项目|工程))\s*(?:[；;。]|$)")
#: What parts one of those items from the next.
_ITEM_PARTING = re.compile(r"[、和]")


def _closes_with(before: str, last: tuple[str, ...]) -> bool:
    """Whether ``before`` closes with one of ``last``, or with it and a line break (where ``$`` matches too):
    what a pattern anchored at the end needs before it is searched, as the words before each value of a
    sentence holding thousands would be scanned anew."""
    return before.endswith(last, 0, len(before) - before.endswith("\n"))


#: Words of an epidemic's tally (阳性, 无症状感染者, 确诊病例) in the sentence of a count of people or cases
#: (_CASE_UNITS), and the day it dates (3月14日, 25日): the cases one day reported, no figure of a year.
_INFECTIONS = re.compile(r"阳性|感染者|确诊|病例|疑似")
_CASE_UNITS = ("例", "人")
_DAY = re.compile(r"(?<![\d.])\d{1,2}日")
#: The things counted and the share they have, after their count (12条重点产业链项目占比达84.4%): the count names the
#: group the share is of.
_SHARE_OF_COUNTED = re.compile(r"[\u4e00-\u9fff]{1,12}?(?:占比|所占比重|比重)")
#: The steps a value passed, after their count (连跨3个千亿级台阶, 迈上2个新台阶): no figure of what is counted.
_STEPS = re.compile(r"[^，。；、\d]{0,6}台阶")
#: The parts of a plan's frame counted (“1136”的思路：1个总体目标、1个总抓手、3条主线): how the plan is built, no figure.
_FRAMEWORK = re.compile(r"[^，。；、\d]{0,2}(?:目标|抓手|主线)")
#: The dash or word between a range's two ends.
_RANGE_DASH = re.compile(r"\s*[-－—~～至到]\s*(?=\d)")
#: The number before the second end of a range in words (培育3至5家上市公司: no figure of 5家).
_RANGE_END = re.compile(r"\d\s*[至到]\s*$")
#: What a clause opens saying is added, before the kinds of it (新增单项冠军、独角兽和科创上市企业等10家): the count is
#: of all added, however many kinds are named.
_ADDED = re.compile(r"(?:新增|新培育|新引进|新认定)")
#: Kinds listed before the noun a count after it counts, closing the clause (医疗卫生强基、扩容、下沉项目785个):
#: the count is of the noun's things, not of the kinds.
_KINDS_OF = re.compile(r"、[^，。；、]{1,8}?(?:项目|工程|企业|平台|园区|基地)$")
#: Projects a year saw started or finished (…等124个|项目开工建设, …等42个|项目竣工投产).
_PROJECTS_DONE = re.compile(r"项目(?:集中)?(?:开工|竣工|建成|投产)")
#: The same of some kind, told roughly (…等1700多个新项目开工, …等160多个高科技项目投产).
_SOME_PROJECTS_DONE = re.compile(r"[^，。；、]{0,4}?" + _PROJECTS_DONE.pattern)
#: The works done, said before examples of them (新开工郁江新里等8个更新项目, 维修改造机场大道、友谊路等58条重要道路):
#: the count is of the works the year saw, however many are named.
_WORKS_DONE = re.compile(r"(?:新开工|开工建设|建成投用|建成投产|建成|竣工|维修改造|改造提升|新建|改扩建)")


def _range_start(after: str, unit: str) -> bool:
    """Whether a value is the first end of a range (3%-5%, 5万吨至8万吨): the other end after the dash has its
    unit too; a bare number there is a flattened table's next cell (谷物97658吨-9.7豆类…: a change in %). Points
    before a rate are the change that reached it (毛利率改善4.22个百分点至7.97%), no range."""
    dash = _RANGE_DASH.match(after)
    other = _NUMBER.match(after, dash.end()) if dash else None
    return other is not None and not (unit in ("个百分点", "个千分点") and other.group(3) in ("%", "％", "‰"))


def _counts_a_list(left: str, unit: str, right: str = "", approximate: bool = False) -> bool:
    """A count right after the examples or the items it counts: 滨海新区厂房、柯桥物流园、上虞码头等
    42个项目, 新区南部、坡头、黄堡、董家河4个市级工业园区 (not 实验室、…、工业设计中心等各级各类平台
    1000家, the platforms of these kinds; nor the projects a year saw started or finished, one example
    before them: 薛店产业园等124个项目开工建设, a work report's result, where a list of them is the list's,
    or several before a count only told roughly: …、飞鹤婴幼儿配方奶粉等1700多个新项目开工, a tally no list
    spells out; nor what a clause says is added, 新增单项冠军、独角兽和科创上市企业等10家: the kinds of it; nor a
    count closing its clause after the noun of what it counts, 强基、扩容、下沉项目785个)."""
    if left.endswith("等") and "、" not in left and _PROJECTS_DONE.match(right):
        return False
    if left.endswith("等") and approximate and _SOME_PROJECTS_DONE.match(right):
        return False
    if left.endswith("等") and (_WORKS_DONE.search(left) or _ADDED.match(left)):
        return False
    if not right.strip() and _KINDS_OF.search(left):
        return False
    if _REACHED.search(left):
        return False  # 改造老旧小区、城中村、农村危房惠及群众10.08万户: the households the works reached
    return unit.removeprefix("万").removeprefix("亿") in _COUNTED and (left.endswith("等") or bool(_LISTED.search(left)))


def _value(number: str) -> Decimal:
    """300 → 300; -5.6 → -5.6; 20,744.96 → 20744.96; 102 356 → 102356; 2 1 6 → 216; 三千 → 3000; 一百二十 → 120; the bare 万亿 of 突破万亿元 → 1.
    A Decimal, exact to the last digit stated (kg.exact_numbers): a float drops those past its 17th."""
    if not number:
        return Decimal(1)
    if _ARABIC.match(number):
        return Decimal(number.replace("－", "-").replace(" ", "").replace(",", ""))
    total = digit = 0
    for char in number:
        if char in _CHINESE_UNITS:
            total += (digit or 1) * _CHINESE_UNITS[char]
            digit = 0
        else:
            digit = _CHINESE_DIGITS[char]
    return Decimal(total + digit)


def _year(before: str, issued: int | None) -> tuple[int | None, str]:
    """The last year named before the value: stated (2025年; an analyst's quarter 1Q25, or the year of a forecast
    2026E, a target's), relative to the document's date (今年), or 未来三年 counted from the year named before it (浙江阳光2010年年报中宣称，未来三年内…
    is 2013), else from the document's date."""
    found = [(m.start(), int(m.group(2)), bool(m.group(1))) for m in _YEAR.finditer(before)
             if not _compared(before, m)]
    found += [(m.start(), int(m.group(1)), False) for m in _STOCK_DATE.finditer(before)
              if not _PLANNED.search(before, m.end())]
    found += [(m.start(), _CENTURY + int(m.group(1)), False) for m in _QUARTER_CODE.finditer(before)]
    found += [(m.start(), int(m.group(1)), True) for m in _ESTIMATE_YEAR.finditer(before)]
    if issued is not None:
        found += [(m.start(), issued + _RELATIVE_OFFSET[m.group(2)], bool(m.group(1)) or m.group(2) == "明年")
                  for m in _RELATIVE_YEAR.finditer(before) if not _compared(before, m)]
    for future in _FUTURE_YEARS.finditer(before):
        base = max((item for item in found if item[0] < future.start()), default=None)
        start = base[1] if base else issued
        if start is not None:
            found.append((future.start(), start + _DIGITS[future.group(1)], True))
    if not found:
        return None, "target"
    _, year, ahead = max(found)
    if ahead or (issued is not None and year > issued):
        return year, "target"
    return year, "reported"


def _framing_years(before: str, clause_start: int) -> str:
    """``before`` without the relative years of its earlier clauses that do not open them: 加快去年85个
    集中动工项目落地建设，…装备制造业增加值增长8%以上 is this year's target, not last year's; nor the year a
    change starts from (中国移动研发支出由2020年的110亿元，提升至185亿元: 185亿元 is no 2020 value), also in the
    value's own clause past the word of the change (从2021年的46503元和16935元分别提高到58794元和23184元)."""
    def blank(match: re.Match) -> str:
        opening = _CLAUSE_BREAK.split(before[:match.start()])[-1].strip()
        return match.group() if _TIME_OPENING.fullmatch(opening) else "＿" * len(match.group())
    if _REACHED_AGAIN.fullmatch(before[clause_start:]):  # 去年汽车产量首次突破300万辆，达357万辆: the clause before
        # goes on in it, its time with it
        clause_start = max((m.end() for m in _CLAUSE_BREAK.finditer(before, 0, clause_start - 1)), default=0)
    earlier = _FROM_YEAR.sub(lambda match: "＿" * len(match.group()), before[:clause_start])
    own = before[clause_start:]
    own = _FROM_YEAR.sub(lambda match: "＿" * len(match.group()) if _CHANGED_TO_WORD.search(own, match.end())
                         else match.group(), own)
    return _RELATIVE_YEAR.sub(blank, earlier) + own


def _period_covered(text: str) -> int | None:
    """Where a report's figures begin to be of the part of a year its title (15个副省级城市上半年GDP) or,
    after the title, its lead paragraph (its first line of sentences, past a byline) names when the text never gives that part its year (大庆市经济
    运行开局良好 / 年初以来，…首季“开门红”: every figure is of the quarter; after 2022年上半年，… only those
    naming 上半年 are)."""
    title_start = len(text) - len(text.lstrip())
    title_end = text.find("\n", title_start)
    if _PERIOD.search(text, title_start, len(text) if title_end < 0 else title_end):
        return title_start
    if title_end < 0 or _PERIOD_YEAR.search(text):
        return None
    lead_start = title_end + 1  # the first line of sentences after the title (not a byline, 版次:01 作者:…)
    while (lead_end := text.find("\n", lead_start)) >= 0 and "。" not in text[lead_start:lead_end]:
        lead_start = lead_end + 1
    return title_end + 1 if _PERIOD.search(text, lead_start, len(text) if lead_end < 0 else lead_end) else None


def _year_reported(text: str) -> tuple[int, int] | None:
    """(where its lead begins, the year) when an undated report's lead opens with the year it reports on
    (我市农村经济在新常态下稳步发展 / 2014年，全市上下…; or, untitled, its first line: 2023年，是…的开局之年。):
    the year of its figures naming none. A first line of sentences that opens with no year is no lead
    but a speech's address (各位代表：现在，我代表市人民政府向大会报告工作…。 / 2024年全市上下…): the line
    after it is."""
    title_start = len(text) - len(text.lstrip())
    title_end = text.find("\n", title_start)
    if title_end < 0 or SECTION_HEADING.match(text, title_start):
        return None  # 一、2023年工作回顾 opens no title: a work report's sections have their own years
    opening = _LEAD_YEAR.match(text, title_start) if "。" in text[title_start:title_end] else None
    if opening:  # no title: its first line is the lead (2023年，是…的一年。…)
        return title_start, int(opening.group(1))
    opening = _LEAD_YEAR.match(text, title_end + 1)
    return (title_end + 1, int(opening.group(1))) if opening else None


def _period_year(text: str, issued: int | None, covered: bool, reviewed: int | None = None) -> int | None:
    """The year of the part of a year a report covers: the one it first names with its year
    (2021年一季度), else, in a dated text, the year its paragraph names before it (2021年全区…。从增长
    走势来看，一季度…), else, when it names one (今年上半年), its date's, else, undated and a report on that
    part (``covered``: its title or lead names it), the latest year it names other than as a target
    (一季度…比2016年全年增速高…，与2017年计划目标持平: it compares with the years before, never after);
    a part it compares with (1-7月，…同比增长7.4%，比2019年1-7月增长20.5%) is none of its own; in news on a work report, the year
    the report reviews (``reviewed``, _year_reviewed) rather than its date's."""
    stated = next((m for m in _PERIOD_YEAR.finditer(text)
                   if not _COMPARED_WITH.search(text, max(0, m.start() - 4), m.start())), None)
    if stated:
        return int(stated.group(1))
    period = _PERIOD.search(text)
    if not period:
        return None
    paragraph_start = text.rfind("\n", 0, period.start()) + 1
    told = [int(m.group(2)) for m in _YEAR.finditer(text, paragraph_start, period.start()) if not m.group(1)]
    if told and issued is not None:  # 2021年全区实现生产总值…。从增长走势来看，一季度、上半年…: that year's
        return told[-1]  # parts, in an analysis dated the year after
    if issued is None and covered:
        return max((int(m.group(2)) for m in _YEAR.finditer(text) if not m.group(1)), default=None)
    return reviewed if reviewed is not None else issued


def _compared(before: str, year: re.Match) -> bool:
    """Whether ``year`` is one the value is compared with (比2019年同期高0.3个百分点), not the value's own
    year, or the basis it is compared on (按照…2022年全年营业收入口径进行对比); the value compared with right
    after it is of that year (比2010年的3.10人, 由去年同期39.7%), and so are the values of a clause the year
    opens as its time (去年同期，这两个城市的一般公共预算收入都只有120亿左右; 2020年同期规模以上工业增加值同比下降23.2%,
    2013-2018年同期…平均增速为7.35%: the last year of the span); a margin right after the year a growth outpaces
    (快于2024年1.8个百分点) is not."""
    compared = _COMPARED_YEAR.search(before, year.start(), year.end() + 2)
    framing = compared is not None and (_CLAUSE_BREAK.match(before, compared.end()) is not None  # 去年同期，…只有120亿
                                        or _SPAN_OPENING.fullmatch(_CLAUSE_BREAK.split(before[:compared.start()])[-1]))
    return (compared is not None and before[compared.end():].strip("的同期 ") != "" and not framing) \
        or _BASIS.match(before, year.end()) is not None or _OUTPACED_YEAR.search(before, year.start()) is not None


def _comparator(left: str, more: bool, right: str) -> str:
    for symbol, words in _AFTER:
        if right.startswith(words):
            return symbol
    if more:  # 400余家, 1万多户
        return "≥"
    tail = left[-6:]
    for word, symbol in _BEFORE_WORDS:  # 不低于 before 低于; the word may stand a little before the number
        if word in tail:
            return symbol
    return "="


def _subject(mentions: list[tuple[int, int, Entity]], text: str, clause_start: int, value_start: int,
             sentence_subjects: bool = False, places: set[str] | None = None) -> Entity | None:
    """The entity named last before the value in its clause: a region, or an industry or firm
    with a measure of it between the name and the value. With ``sentence_subjects``, the firm or place
    named last before it (晋煤集团…，累计施工钻井2001口: the firm leads the sentence), a place only
    among ``places`` when given (in a text speaking for its region, 北京华联等超市入驻…，社会消费品
    零售总额达59.8亿元 is not Beijing's)."""
    window = _window(mentions, clause_start, value_start + 1)
    counted = _places_counted(text, window, clause_start, value_start)
    for start, end, entity in reversed(window):
        if counted and entity.type == "Region":
            continue
        if end > value_start or _FRAME.search(text[max(start - 1, 0):end]) or text.startswith("市场", end) \
                or (_COMPARED_WITH.search(text, max(start - 2, 0), start)
                    and text[end:value_start] not in ("的", "同期的") and not _OWN_BRACKET.fullmatch(text, end, value_start)):
            continue  # 在全国处于前列; 美国市场占比由14%降至12% is the share of the market 美国 is; 与深圳的差距
            # (but 高于江苏的19.2%, 高于广东省同期的2% and 领先杭州（GDP 4539亿元） are theirs)
        if entity.type == "Enterprise" and entity.name.endswith(WORKS_SUFFIXES) \
                and _REACHING.fullmatch(text, end, value_start) and _COUNT_OF_WORKS.match(text, value_start):
            continue  # 智能化煤矿达到400座, 新建智能化煤矿60座: the mines counted, not a mine's own figure
        if entity.type == "Region" and _ROUTE_NAMED.match(text, end):
            continue  # 开行中欧中亚班列721列: where the trains go, not whose count
        if entity.type == "Region" and _FACILITY_NAMED.match(text, end):
            continue  # 石家庄国际陆港开行中欧班列780列: the port's count, the place only locates it
        if entity.type == "Region" and start > 0 and text.startswith("工程", end) \
                and _WORKS_NAME_BEFORE.match(text, start - 1):
            continue  # 引黄济宁工程完成投资30亿元: a works named after the place it serves, not the place's figure
        if _VIA.search(text, max(start - 2, 0), start) or (_QUALIFYING_BRACKET.match(text, max(start - 2, 0))
                                                           and text.startswith(("）", ")"), end)):
            continue  # 重庆经西部陆海新通道货运量达到50万标箱: the route, not whose freight; 中欧班列（成渝）年开行量: which
            # trains, not whose count
        if entity.type == "Region" and _PARTNER.search(text, max(start - 20, clause_start), start) \
                and _TRADED.search(text, end, value_start):
            continue  # 对中亚五国、东盟进出口分别增长37.2%、19% in 陕西's report: 陕西's trade with them
        if entity.type == "Enterprise" and text[start - 1:start] == "对" and text.startswith("的", end):
            continue  # 其中，公司对广发证券的投资收益为14.91亿元: the firm invested in, not whose income
        if entity.type == "Enterprise" and _ANALYST.match(text, end):
            continue  # 财信证券首席经济学家伍超明对记者表示，…那么三、四季度分别在5.2%、5.5%: the economy's, not the firm's
        if entity.type == "Region" and _EXAMPLE_OF.fullmatch(text, end, value_start):
            continue  # 打造贵阳“青云市集”等夜间消费聚集区55个: where an example of the things counted is, not whose count
        if entity.type != "Region" and (text[start - 1:start] in _LIST_JOINERS or text[end:end + 1] in _LIST_JOINERS) \
                and _EXAMPLES_CLOSED.match(text, end):
            continue  # 集成电路、电工器材、汽车零配件等进口3494.1亿元: an example of the goods measured together
        if _INCLUDED.search(text, clause_start, start) and _INCLUDED_END.match(text, end):
            return None  # 包括中国电信在内有42家上市公司…超百亿元: one of the firms counted, and a group the
            # names before it are not
        if entity.type == "Region" and _GAINED.search(text, clause_start, start) \
                and _counts_things(text, end, value_start):
            continue  # 新增中国名牌产品7只
        if sentence_subjects:
            locator = next((s for s, e, other in window if e == start and other.type == "Region"), start)
            opening = text[max(_clause_start(text, start), clause_start):locator]  # 金华义乌：: 义乌 opens it
            if entity.type == "Region" and not _LEADS.search(opening):
                continue  # 做好中科院金华科技园实体化推进工作，争取新培育…50家: the place is the task's, not the figure's
            if places is not None and (text.startswith(("、", "等"), end) or text[start - 1:start] == "、"):
                continue  # 中远海运、招商局等央企新业务板块落地，航运服务集聚区新增企业476家 in a city's report: one
                # of a list, the later clause's figure is none of theirs but the city's
            value_clause = _clause_start(text, value_start)
            if places is not None and end <= value_clause and _qualifies_a_thing(text, end):
                continue  # 西安地铁15号线通车运营，…，全年交通、水利投资分别达到845亿元 in a province's report: the
                # place only qualifies what its clause is on, the later clause's figure is the province's
            if entity.type == "Enterprise" and places is not None and end <= value_clause \
                    and not any(word in text[value_clause:value_start] for word in _MEASURES + _FIRMS_MEASURES):
                continue  # …，天焦公司转型退出，新增新能源重型货车…8978辆 in a city's report: a firm an earlier clause
                # names has no figure of the clause after it that measures nothing a firm has
            if entity.type in ("Enterprise", "Region") and not _LOCATIVE.search(text[max(start - 12, 0):start]) \
                    and not _PROJECT_AFTER.match(text, end) \
                    and (entity.type == "Enterprise" or places is None or entity.iri in places):
                return entity
        elif entity.type == "Region" or _OWNED.fullmatch(text, end, value_start) \
                or (any(word in text[end:value_start] for word in _MEASURES) and not (
                entity.type == "Industry" and (_not_the_sector_measured(text, window, clause_start, start, end)
                                               or _INVESTED_IN.match(text, end)))):
            return entity
    return None


#: Between a plant's or mine's name and a count of such works (智能化煤矿达到400座): a verb of reaching or nothing.
_REACHING = re.compile(r"(?:达到|达|突破|超过|超|增至|增加到|增加|共|有)?")
#: A count of works (400座, 60个, 12处, 3家).
_COUNT_OF_WORKS = re.compile(r"[\d.]+\s*[座个处家]")


def _only_opens_facilities(place: Entity, window: list[tuple[int, int, Entity]], text: str) -> bool:
    """Whether ``place`` is named in ``window`` and each time only opens a facility's name (石家庄|国际陆港,
    昆明|长水国际机场): it locates the facility, it does not lead the sentence."""
    ends = [end for _, end, entity in window if entity is place]
    return bool(ends) and all(_FACILITY_NAMED.match(text, end) for end in ends)


def _qualifies_a_thing(text: str, name_end: int) -> bool:
    """Whether the name ending at ``name_end`` only qualifies the thing its clause is about (西安|地铁15号线通车运营,
    延安|苹果、汉中中药材入选…, 三星V|8闪存芯片…落地投产): a noun or a model number follows it, not a verb that
    makes it the clause's subject (博鳌乐城国际医疗旅游先行区|成为…, 中国盐湖集团|组建后…), the word for its kind
    (中航光电|公司由于…) nor the post of one who speaks for it (得利钟表有限公司|总经理刘仁告诉记者); or a phrase
    saying what it has before the thing (武汉|具有全国影响力的科技创新中心), or the rest of a facility's name
    (天山|胜利隧道)."""
    following = text[name_end:name_end + 6]
    if not following or following[0] in "，。；：、" or following.startswith(PERSON_TITLES):
        return False
    if _HAVING_WHICH.match(text, name_end):
        return True  # 武汉|具有全国影响力的科技创新中心加快建设: the centre its clause is on, which the place has
    if _FACILITY_NAMED.match(text, name_end):
        return True  # 天山|胜利隧道贯通, 乌鲁木齐|天山国际机场…投运: the facility's name opens with the place
    if following[0].isascii() and following[0].isalnum():
        return True
    word = cut_without_hmm(following)[0]
    return (word_tag(word) or "").startswith("n") and not word.endswith(ENTERPRISE_SUFFIXES)


def _places_counted(text: str, window: list[tuple[int, int, Entity]], clause_start: int, value_start: int) -> bool:
    """Whether the places named before a count are the things it counts, not whose figure it is
    (唐山开平、张家口怀安2个国家应急产业示范基地: two bases, no place's count): a list of them ends
    right before it."""
    match = _NUMBER.match(text, value_start)
    places = [(start, end) for start, end, entity in window if entity.type == "Region" and end <= value_start]
    if match is None or match.group(3).lstrip("万亿") not in _CLASSIFIERS or not places:
        return False
    start, end = places[-1]
    return bool(_LISTED_AFTER.fullmatch(text, end, value_start) and _LISTED_BEFORE.search(text, clause_start, start))


def _clause_start(text: str, offset: int) -> int:
    """Where the clause holding ``offset`` opens, looking back at most 200 characters (so a document's figures cost
    time linear in its length)."""
    earliest = max(offset - 200, 0)
    return max((m.end() for m in _CLAUSE_BREAK.finditer(text, earliest, offset)), default=earliest)


def _counts_things(text: str, name_end: int, value_start: int) -> bool:
    """Whether the value after a name counts things its name is part of (中国名牌产品7只): a noun follows
    the name, with no measure of it, and a classifier the value."""
    match = _NUMBER.match(text, value_start)
    between = text[name_end:value_start]
    return match is not None and match.group(3).lstrip("万亿") in _CLASSIFIERS and bool(between) \
        and not any(word in between for word in _MEASURES)


def _not_the_sector_measured(text: str, window: list[tuple[int, int, Entity]], clause_start: int, start: int,
                             end: int) -> bool:
    """Whether the industry named at [start, end) only qualifies the firms measured (市级农业龙头企业
    销售收入) or is only part of a longer sector name: after 全省, 全市 or 全区 (全省云服务大数据产业规模达到
    5000亿元: the province's figure; not 全省集成电路产业营业收入), with another name right after it
    (云服务 of 云服务大数据), or after an adjective in 性 that narrows it (营利性|服务业增加值增长6.9%: the sector measured
    is 营利性服务业, which the recogniser did not name) or after 传统 (17个重点传统|制造业增加值增长5.3%: 传统制造业's)."""
    own = list(_SPOKEN_AS.finditer(text, clause_start, start))
    return bool(_FIRMS_AFTER.match(text, end) or text[start - 1:start] == "性" or text[max(start - 2, 0):start] == "传统"
                or (own and re.fullmatch(r"[\u4e00-\u9fff]+", text[own[-1].end():start]))
                or any(other == end for other, _, _ in window) or _NARROWED.match(text, end)
                or text[max(start - 2, 0):start] == "规上")


def _issue_year(extraction: Extraction) -> int | None:
    """The year of the document's date: its policy's date of issue, else its dateline, else the date
    a web page prints in its head (国家统计局 2024-10-18 10:15, 发布日期: 2022- 07- 18)."""
    policy = extraction.entity(extraction.document_policy) if extraction.document_policy else None
    date = str(policy.attributes.get("date", "")) if policy else ""
    date = date or dateline_date(extraction.document.text) or ""
    if not date:
        page_date = _PAGE_DATE.search(extraction.document.text, 0, _PAGE_HEAD)
        date = next(filter(None, page_date.groups()), "") if page_date else ""
    return int(date[:4]) if re.match(r"\d{4}", date) else None


def _own_region(scope: _Scope, clause: str, sentence_start: int, value_start: int, unit: str) -> Entity | None:
    """全市/全省/全国 before a value whose clause names no place, industry or firm of its own: in a text
    speaking for a region of that level, the one the sentence names last (长沙市要…，到2025年全市新增上云企业
    1000家), else that home region; in one speaking for none of that level (a news report comparing
    cities), the one its paragraph names last (2021年前11月，重庆实现…。同时，全市规模以上工业增加值…), and
    for a 全国 opening its clause, the country. In a text speaking for a city, county or province, a 全国
    before a count (``unit`` 家, 个 …) titles the things it counts, its own (全国重点实验室达8家)."""
    own = _own_word(clause)
    if own is None:
        return None
    level = _level_spoken(own.group(), scope.extraction)
    home = scope.home
    if home is not None and level in scope.levels.get(home.iri, ()):
        named = _named_at_level(scope, level, sentence_start, value_start)
        return named or home
    if level == "country" and _speaks_for_region(scope) and unit.lstrip("万亿") in _CLASSIFIERS:
        return home
    text = scope.extraction.document.text  # a news report comparing cities: the city its paragraph is on
    named = _named_at_level(scope, level, text.rfind("\n", 0, sentence_start) + 1, value_start)
    if named is None and level == "country" and _LEADS.search(clause[:own.start()]):
        return scope.country  # 一季度，全国居民人均可支配收入10345元 (not 主要经济指标全国排名…, 6个全国整治项目)
    return named


def _own_word(clause: str) -> re.Match | None:
    """The 全市/全省/全国 a clause speaks as, not one in the title of what it gained (创建国家特色小镇2个、
    全国美丽乡村…11个) or of a body of that rank (陆相页岩油全国重点实验室助力页岩油年产量突破100万吨), nor the wider region a value is compared with (a county's 同比增长6%，高出全市1.1个
    百分点: its own lead over its city; 比全市和全国分别高6.4和6.9个百分点)."""
    own = _OWN_REGION.search(clause)
    if own is None:
        return None
    listed = _OWN_LISTED.search(clause, 0, own.start())  # 比全市和|全国分别高6.4和6.9个百分点: compared with both
    return None if _GAINED.search(clause, 0, own.start()) or _RANKED_TITLE.match(clause, own.end()) \
        or _COMPARED_WITH.search(clause, 0, listed.start() if listed else own.start()) else own


def _named_at_level(scope: _Scope, level: str, start: int, end: int) -> Entity | None:
    """The region of ``level`` named last in [start, end)."""
    named = [e for _, _, e in _window(scope.mentions, start, end)
             if e.type == "Region" and level in scope.levels.get(e.iri, ())]
    return named[-1] if named else None


def _home_subject(extraction: Extraction, levels: dict[str, set[str]], reference: Reference,
                  announcer: Entity | None = None) -> Entity | None:
    """The region a document speaks for (a firm's results news: its titled firm, or the one its lead
    announces, ``announcer``): when it says 全省 or
    我市 (of the level of its speaker, 我代表市人民政府, when it names one), the region of that level its
    title names (none when it names several), else the most-mentioned one, with the places it names
    inside it counted (the issuer's own region is named most; a city's report names its counties),
    else, in a text that is no policy, the city it never names (_unnamed_home); when it says only 全国
    (打造全国北斗产业创新发展高地), the one city or province its title names (上海市北斗产业高质量发展
    三年行动计划); else its most-mentioned region, else the document's policy. A city or province it
    speaks for is the one whose name it uses most, even inside other names (黄山风景区, 黄山旅游集团), not a partner
    city it names twice (与杭州合作): when the recogniser missed that one, it becomes an entity here
    (_region_named_most)."""
    text = extraction.document.text
    firm = _titled_firm(extraction) or announcer
    if firm is not None:
        return firm
    regions = [e for e in extraction.entities if e.type == "Region"]
    government = _speaking_government(text, regions) or _heading_bureau(text, regions)
    if government is not None:
        return government
    level = _speaker_level(text) or _self_level(extraction)
    if level == "country":
        titled = _titled(extraction, [e for e in regions if levels.get(e.iri, set()) & set(_OWN_LEVELS)])
        if len(titled) == 1:
            return titled[0]
    if level is None:
        topic = _topic(extraction, regions)
        if topic is not None:
            return topic
    else:
        regions = [e for e in regions if level in levels.get(e.iri, ())]
    named_in_title = _titled(extraction, regions) if level in _OWN_LEVELS else []
    titled = _unlocated(named_in_title, reference)
    parents = _parents(extraction, reference) if regions else []
    spans = Covers((m.start, m.end) for e in extraction.entities if e.type == "Region" for m in e.mentions)
    weight = {e.iri: _place_mentions(e, text, spans) + _places_inside(e, parents, reference) for e in regions}
    # a headline (城市GDP竞争：谁蚌埠住了？) over a news item comparing cities, not a government's own document
    news = not _titled(extraction, [e for e in extraction.entities if e.type in ("Organization", "Policy")])
    located = len(titled) < len(named_in_title)  # 金华义乌：…: 义乌, however often the text names 金华
    if len(titled) == 1 and (located or not (news and _rivalled(titled[0], regions, weight, levels))):
        return titled[0]
    if titled:  # 15个副省级城市上半年GDP：深圳总量第一 厦门增速最快 compares cities, speaking for none
        return extraction.entity(extraction.document_policy) if extraction.document_policy else None
    named_most = _most_named(text, reference, level) if level in _OWN_LEVELS else None
    if regions:
        home = _weightiest(regions, weight, text, reference)
        if _rivalled(home, regions, weight, levels) or _only_listed(home, regions, text):
            # 粤苏鲁经济领跑全国: three provinces compared; 江苏、山东、浙江等9个工业大省: examples
            if extraction.document_policy:
                return extraction.entity(extraction.document_policy)
            return _country(extraction, levels, reference) if _national_voice(extraction, reference) else None
        if _firm_news_in_passing(extraction, level, _times_named(_outside_firms(extraction), _names(home, reference))):
            return None
        if named_most is None or _times_named(text, _names(home, reference)) >= named_most[0]:
            return home
    if named_most is not None:
        home = _region_named_most(extraction, named_most[1], levels)
        if home is not None or regions:
            return home
    if extraction.document_policy:
        return extraction.entity(extraction.document_policy)
    if level == "country" or level is None and _national_voice(extraction, reference):
        return _country(extraction, levels, reference)
    return _unnamed_home(extraction, level, levels) if level in _OWN_LEVELS else None


def _country(extraction: Extraction, levels: dict[str, set[str]], reference: Reference) -> Entity | None:
    """The country a text speaking as 全国 or 我国 is on when it never names it (a statistics bureau's
    release: 前三季度，全国规模以上工业增加值…): 中国, its mentions the words it speaks as."""
    home = _country_entity(extraction, levels, reference)
    if home is not None:
        extraction.entities.append(home)
    return home


def _national_voice(extraction: Extraction, reference: Reference) -> bool:
    """Whether the body a text names most, again and again, is a national one (工信部：一季度规模以上工业
    增加值同比增长6.1% / 工信部今天…介绍 / 工信部副部长…说): a release of the country's figures."""
    bodies = [e for e in extraction.entities if e.type == "Organization"]
    if not bodies:
        return False
    voice = max(bodies, key=lambda e: len(e.mentions))
    return len(voice.mentions) >= _TIMES_ABOUT and any(
        entry.level == _NATIONAL_BODY for entry in reference.lookup(voice.name, "Organization"))


def _country_entity(extraction: Extraction, levels: dict[str, set[str]], reference: Reference) -> Entity | None:
    """中国 with the 全国/我国 of the text as its mentions (not yet among the extraction's entities)."""
    entry = next((e for e in reference.lookup(_THE_COUNTRY, "Region") if e.level == "country"), None)
    if entry is None:
        return None
    document = extraction.document
    mentions = [Mention(m.group(), m.start(), m.end(), getattr(document.sentence_at(m.start()), "index", 0))
                for m in _OWN_REGION.finditer(document.text) if _SELF_REGION[m.group()] == "country"]
    levels[entry.iri] = _levels(entry)
    return Entity(type="Region", name=entry.name, key=entry.key, iri=entry.iri, mentions=mentions,
                  aliases=sorted({m.text for m in mentions}), confidence=0.6)


def _country_spoken(extraction: Extraction, levels: dict[str, set[str]], reference: Reference,
                    home: Entity | None) -> Entity | None:
    """The country a text speaking for a province or city, or for none, means by 全国 (一季度，全国居民人均可支配
    收入10345元 in news on the provinces' results) when its paragraph names none: 中国, added to the entities
    only when a figure is its if the text never names it."""
    if home is not None and "country" in levels.get(home.iri, ()):
        return None
    country = _country_entity(extraction, levels, reference)
    named = extraction.entity(country.iri) if country is not None else None
    return named or country


def _announcing_firm(extraction: Extraction) -> Entity | None:
    """The firm a results news item's lead announces (近日，东方中科发布2023年年度报告。公告显示，东方中科2023年
    实现营业收入30.07亿元), the text's topic; when the recogniser missed it, an entity of its name, its mentions
    every use of the name outside other entities' names, when the text uses it again; the firm whose full
    name holds it when there is one."""
    text = extraction.document.text
    titled = _NOTICE_TITLE.match(text)
    if titled is not None:
        return _firm_named(extraction, titled.start(1), titled.end(1), titled=True)
    announced = _ANNOUNCES.search(text)
    if announced is None or _FIRM_ANAPHOR.fullmatch(announced.group(1)) \
            or text.count("\n", 0, announced.start()) >= _LEAD_LINES:
        return None  # 公司发布2023年年度报告: the firm the text names elsewhere; not in its lead: not its topic
    if _NO_NAME.search(announced.group(1)) or _BY_A_GROUP.match(text, announced.end()):
        return None  # 在已发布业绩预告的14只券商股中: firms counted, no name
    return _firm_named(extraction, announced.start(1), announced.end(1))


def _coded_openings(extraction: Extraction, mentions: list[tuple[int, int, Entity]]) -> list[tuple[int, int, Entity]]:
    """``mentions`` with each paragraph that opens with a name and its stock code (天齐锂业(002466)8月23日晚间披露
    半年报…; 张江高科（600895）…) opening with that firm: the paragraph's topic in a round-up of firms' results,
    whatever the recogniser took the name or a part of it for (航空 of 春秋航空, the park 张江高科技园区)."""
    text = extraction.document.text
    coded = []
    for opening in _CODED_OPENING.finditer(text):
        start, end = opening.span(1)
        if not may_name_a_listed_firm(opening.group(1)):
            continue  # 当日沪指(000001.SH)收跌: an index, no firm
        firm = next((e for e in extraction.entities if e.type == "Enterprise" and e.name == opening.group(1)), None)
        if firm is None:
            sentence = extraction.document.sentence_at(start)
            firm = Entity(type="Enterprise", name=opening.group(1), key=opening.group(1),
                          iri=entity_iri("Enterprise", opening.group(1)), confidence=0.5,
                          mentions=[Mention(opening.group(1), start, end, sentence.index if sentence else 0)])
            extraction.entities.append(firm)
        coded.append((start, end, firm))
    if not coded:
        return mentions
    kept = [(start, end, e) for start, end, e in mentions
            if not any(first < end and start < last for first, last, _ in coded)]
    return sorted(kept + coded, key=lambda item: item[:2])


def _coded_firm(extraction: Extraction) -> Entity | None:
    """The firm a research note's heading names with its stock code (中信建投（601066)：经纪、自营同比增长明显):
    the text's topic, when it is the one such heading; an entity of its name when the recogniser missed it
    (as for _announcing_firm)."""
    headings = list(_CODED_HEADING.finditer(extraction.document.text))
    return _firm_named(extraction, headings[0].start(1), headings[0].end(1)) if len(headings) == 1 else None


def _firm_named(extraction: Extraction, start: int, end: int, titled: bool = False) -> Entity | None:
    """The firm whose name the text prints at ``start``-``end``: the entity recognised there, else the firm
    whose full name holds it, else a new entity of the name whose mentions are every use of the name outside
    other entities' names, when the text uses it again or prints its stock code after it (外高桥(600648.SH)) or
    titles its notice with it (``titled``). A name the recogniser cut into a place and the firm's rest (中国|重汽)
    is the firm's whole."""
    text = extraction.document.text
    name = text[start:end]
    recognised = [e for e in extraction.entities for m in e.mentions
                  if m.start < end and start < m.end and not (e.type == "Region" and m.start == start and m.end < end)]
    cut = [(m.start, m.end) for e in extraction.entities for m in e.mentions if m.start < end and start < m.end]
    if titled and len(cut) == 2 and cut[0][0] == start and cut[0][1] == cut[1][0] and cut[1][1] == end:
        recognised = []
    if recognised:  # (a place the name opens with, 贵州 of 贵州茅台, is where the firm is from; a name the
        # recogniser took for a place's and a firm's both, 獐子岛, is the firm's)
        firm = next((e for e in recognised if e.type == "Enterprise"), None)
        return firm if recognised[0].type == "Enterprise" or (recognised[0].type == "Region" and firm is not None
                                                              and firm.name == recognised[0].name) else None
    full = [e for e in extraction.entities if e.type == "Enterprise" and name in e.name]
    if full:  # 华测导航：2023年度业绩快报 over 上海华测导航技术股份有限公司…
        return full[0]
    taken = [(m.start, m.end) for e in extraction.entities for m in e.mentions
             if not (e.type == "Region" and name.startswith(m.text))]
    mentions = [Mention(name, m.start(), m.end(), getattr(extraction.document.sentence_at(m.start()), "index", 0))
                for m in re.finditer(re.escape(name), text)
                if not any(first < m.end() and m.start() < last for first, last in taken)]
    if len(mentions) < 2 and not _STOCK_CODE.match(text, end) and not titled:
        return None
    firm = Entity(type="Enterprise", name=name, key=name, iri=entity_iri("Enterprise", name), mentions=mentions,
                  confidence=0.5)
    extraction.entities.append(firm)
    return firm


def _parent_firms(extraction: Extraction) -> list[Entity]:
    """The parents a text names by the stem of a recognised firm's name (东方财富 of 东方财富证券, its listed
    parent: 今年以来东方财富股价下跌了27.34%), when it uses the stem on its own again and again: firms of
    their own, made entities after the text's topic is chosen, which stays the firm the recogniser found."""
    text = extraction.document.text
    taken = [(m.start, m.end) for e in extraction.entities for m in e.mentions]
    parents = []
    for firm in [e for e in extraction.entities if e.type == "Enterprise"]:
        stem = _BUSINESS_LINE.sub("", firm.name)
        if stem == firm.name or len(stem) < _PARENT_STEM or extraction.entity(entity_iri("Enterprise", stem)):
            continue
        mentions = [Mention(stem, m.start(), m.end(), getattr(extraction.document.sentence_at(m.start()), "index", 0))
                    for m in re.finditer(re.escape(stem), text) if not text.startswith(firm.name, m.start())
                    and not any(start < m.end() and m.start() < end for start, end in taken)]
        if len(mentions) >= _TIMES_ABOUT:
            parent = Entity(type="Enterprise", name=stem, key=stem, iri=entity_iri("Enterprise", stem),
                            mentions=mentions, confidence=0.5)
            extraction.entities.append(parent)
            parents.append(parent)
    return parents


def _firm_news_in_passing(extraction: Extraction, level: str | None, times_named: int) -> bool:
    """Whether a text is a firm's news that names its most-named region only in passing (中国 once, in its
    source's name: 中国经济网北京6月12日讯): it speaks for no region, nor as one (全市), and is no policy; a 全国
    leading a clause fewer than three times is a firm's reach (恒大宣布，全国所有楼盘…), no voice of the country."""
    in_passing = level is None or (level == "country" and _self_levels(extraction)[level] < _TIMES_ABOUT)
    return in_passing and not extraction.document_policy and times_named < _TIMES_ABOUT \
        and any(e.type == "Enterprise" for e in extraction.entities)


def _outside_firms(extraction: Extraction) -> str:
    """The text with the names of its firms blanked: a firm's name (中国石化, 中国电信) says where it is
    registered, not that the text speaks of that place."""
    text = list(extraction.document.text)
    for entity in extraction.entities:
        if entity.type == "Enterprise":
            for mention in entity.mentions:
                text[mention.start:mention.end] = " " * (mention.end - mention.start)
    return "".join(text)


def _rivalled(home: Entity, regions: list[Entity], weight: dict[str, int], levels: dict[str, set[str]]) -> bool:
    """Whether another region of the level of ``home`` is named nearly as often (``weight``: its mentions
    and the places named inside it): a news report comparing 广东, 江苏 and 山东 speaks for none of them."""
    return any(other is not home and levels.get(other.iri, set()) & levels.get(home.iri, set())
               and weight[other.iri] >= max(_TIMES_ABOUT, _RIVAL_SHARE * weight[home.iri]) for other in regions)


def _unnamed_home(extraction: Extraction, level: str, levels: dict[str, set[str]]) -> Entity | None:
    """The city or province a report speaks for without ever naming it (我市农村经济在新常态下稳步发展 /
    2014年，全市…: a statistics bureau's analysis), as the text calls itself most (我市), its mentions those
    words: an entity of this document alone, never merged with another text's 我市."""
    document = extraction.document
    said = Counter(match.group() for match in _OWN_REGION.finditer(document.text)
                   if _level_spoken(match.group(), extraction) == level)
    if sum(said.values()) < _TIMES_ABOUT:
        return None  # a 全市 said in passing speaks for no city of the text's own
    word = said.most_common(1)[0][0]
    mentions = []
    for match in re.finditer(word, document.text):
        sentence = document.sentence_at(match.start())
        mentions.append(Mention(word, match.start(), match.end(), sentence.index if sentence else 0))
    home = Entity(type="Region", name=word, key=f"{word}@{document.sha256[:12]}",
                  iri=entity_iri("Region", f"{word}@{document.sha256[:12]}"), mentions=mentions, confidence=0.5)
    extraction.entities.append(home)
    levels[home.iri] = {level}
    return home


def _self_level(extraction: Extraction) -> str | None:
    """The level a text names itself by most often (not 占全国的10%), counting only the names that lead
    a clause (力争到2027年，全省算力规模达到…) when it has any: 打造全国…高地, 全国领先的 rank it in the
    country, they do not speak for it, and a 全国 a rank follows (全国一流大学城) is never counted."""
    counts = _self_levels(extraction)
    return counts.most_common(1)[0][0] if counts else None


def _self_levels(extraction: Extraction) -> Counter[str]:
    """How often a text names itself by each level (全省, 我市, 全国), counting only the names that lead a clause
    when it has any (_self_level)."""
    text = extraction.document.text
    said = [match for match in _SPOKEN_AS.finditer(text) if not _RANKED_IN.match(text, match.end())]
    leading = [match for match in said
               if _SELF_OPENING.fullmatch(text, _clause_start(text, match.start()), match.start())]
    return Counter(level for match in leading or said if (level := _level_spoken(match.group(), extraction)))


def _level_spoken(word: str, extraction: Extraction) -> str | None:
    """The level of region a text's 全市, 全县 or 全区 speaks for: 全区 is a district's, an autonomous
    region's in a text naming one, in full or by its short name (广西壮族自治区…全区; a bulletin's 对内蒙古的
    重要指示…全区地区生产总值), none in a text on a zone (园区, 开发区, 新区)."""
    text = extraction.document.text
    if word.endswith("区") and (_AUTONOMOUS_REGION in text or any(
            e.type == "Region" and e.name.endswith(_AUTONOMOUS_REGION) for e in extraction.entities)):
        return "province"
    if word.endswith("区") and _ZONE_WORD.search(text):
        return None  # a zone's (苏州工业园区…全区规上工业总产值): no level of the reference's
    return _SELF_REGION[word]


def _speaker_level(text: str) -> str | None:
    """The level of the government a work report speaks for (我代表市人民政府: a city's, however often
    it ranks itself 全省第二), or news on it names as its speaker (县长…作政府工作报告: a county's, however
    often it ranks itself 全市唯一), None when it names no speaker."""
    speaker = _SPEAKER.search(text) or _DELIVERED_BY.search(text)
    return _SPEAKER_LEVELS[speaker.group(1)] if speaker else None


def _speaking_government(text: str, regions: list[Entity]) -> Entity | None:
    """The region whose government a work report's speaker represents (我代表市人民政府 under 新郑市人民政府
    市长 in its head, 义乌市政府工作报告 as its title): the one 市 (or 省, 县, 区) the text names with 人民政府
    or 政府 right after it, whatever its level in the reference (a county-level city speaks as 市 too),
    however often it names its prefecture when ranking itself (居郑州县(市)第2位); None when it names no speaker, or no such body or several."""
    speaker = _SPEAKER.search(text)
    if speaker is None:
        return None
    named = {e.iri: e for e in regions if e.name.endswith(speaker.group(1))
             and any(text.startswith(_GOVERNMENT, m.end) for m in e.mentions)}
    return next(iter(named.values())) if len(named) == 1 else None


def _heading_bureau(text: str, regions: list[Entity]) -> Entity | None:
    """The region whose statistics bureau is a bulletin's first line (江口县统计局 over 2024年是新中国成立75周年…):
    the bulletin is that bureau's, its figures its region's, whatever wider places its preamble names."""
    opening = len(text) - len(text.lstrip())
    if not text[opening:].split("\n", 1)[0].rstrip().endswith(_STATISTICS_BUREAU):
        return None
    named = [e for e in regions if any(m.start == opening for m in e.mentions)]
    return named[0] if len(named) == 1 else None


def _place_mentions(region: Entity, text: str, spans: Covers) -> int:
    """How many of a region's mentions name it as a place: not 中国 of 新中国成立 or 中国特色社会主义, nor
    one inside another place's name (``spans``: the regions' mentions), 福建 of 中国东南（福建）科学城 (its
    own bodies, 安徽省经济和信息化厅, do speak of it)."""
    return sum(1 for m in region.mentions
               if not (m.text == _THE_COUNTRY and _COUNTRY_IN_A_NAME.match(text, m.start))
               and not spans.holds_longer(m.start, m.end))


def _only_listed(region: Entity, regions: list[Entity], text: str) -> bool:
    """Whether every mention of ``region`` is an example in a list of places (江苏、山东、浙江、福建、湖北等9个
    工业大省增速高于全国平均水平): the text names it among its peers, it speaks for none of them."""
    spans = {m.start: m.end for e in regions for m in e.mentions}
    return all(_example_place(text, m.start, m.end, spans) for m in region.mentions)


def _example_place(text: str, start: int, end: int, spans: dict[int, int]) -> bool:
    """Whether the place named at ``start``-``end`` is one of a list of places closed by 等 (山东 of 江苏、山东、
    浙江等9个工业大省; ``spans``: the end of each place the text names, by its start): examples of a group."""
    mark = start - len(_LIST_MARK)
    listed = mark >= 0 and text.startswith(_LIST_MARK, mark) and mark in spans.values()
    while text.startswith(_LIST_MARK, end) and end + len(_LIST_MARK) in spans:
        end, listed = spans[end + len(_LIST_MARK)], True
    return listed and text.startswith(_EXAMPLES_END, end)


def _weightiest(regions: list[Entity], weight: dict[str, int], text: str, reference: Reference) -> Entity:
    """The region of most weight; of several, the one whose name the text uses most, even inside other
    names (福州 of 福州都市圈 and 福州港, over a 福建 and a 科学城 named once each)."""
    top = max(weight[e.iri] for e in regions)
    tied = [e for e in regions if weight[e.iri] == top]
    return tied[0] if len(tied) == 1 else max(tied, key=lambda e: _times_named(text, _names(e, reference)))


def _parents(extraction: Extraction, reference: Reference) -> list[set[str]]:
    """The reference keys of the places holding each of the document's regions (looked up once: a
    long document names hundreds)."""
    return [{parent.key for entry in reference.lookup(e.name, "Region") for parent in reference.ancestors(entry)}
            for e in extraction.entities if e.type == "Region"]


def _places_inside(region: Entity, parents: list[set[str]], reference: Reference) -> int:
    """How many of the document's regions (``parents``: the keys of the places holding each) the
    reference puts inside ``region``: a city's report names its counties and districts (依安县, 铁锋区),
    not those of a city it names in passing."""
    keys = {entry.key for entry in reference.lookup(region.name, "Region")}
    return sum(1 for holding in parents if holding & keys)


def _titled_firm(extraction: Extraction) -> Entity | None:
    """The one firm a text's title names when its body calls it 公司 again and again (佩蒂股份2024净利润
    同比大增1742% / …公司全年实现营业收入16.59亿元): a report on that firm's results, whatever countries
    its plants are in; or the firm's own announcement, which speaks as 本公司 (内蒙古…股份有限公司2024年年度业绩快报公告 /
    本公司及董事会全体成员保证…): its figures are the firm's, not those of the region its name opens with."""
    text = extraction.document.text
    if len(_FIRM_ANAPHOR.findall(text)) < _TIMES_ABOUT and _OWN_VOICE not in text:
        return None
    titled = _titled(extraction, [e for e in extraction.entities if e.type == "Enterprise"])
    return titled[0] if len(titled) == 1 else None


def _topic(extraction: Extraction, regions: list[Entity]) -> Entity | None:
    """The industry or firm a text speaking for no region is about: one whose name it uses again and
    again, more often than it names all its places together (a ministry's plan for 建材工业 names 中国
    once, in 中国特色社会主义; a results report names 东方财富证券 in most paragraphs), so its figures
    are that one's; a sentence naming an industry once is about no one. The text names its topic in its
    title or lead: a sector it first names halfway, in a list of the sectors that grew (A股半年报…：…
    8个行业净利润增幅超100%，分别是交通运输、采掘…), is one of many the text compares, not what its
    market-wide figures are of."""
    candidates = [e for e in extraction.entities if e.type in ("Industry", "Enterprise")
                  and not (e.type == "Enterprise" and _STATEMENT_TERM.search(e.name))]
    if not candidates:
        return None
    topic = max(candidates, key=lambda e: len(e.mentions))  # by its mentions: 证券 is inside every broker's name
    text = extraction.document.text
    names = [topic.name, *topic.aliases]
    named = _times_named(text, names)  # also where the recogniser missed it
    headed = _times_named(text[:_title_lines_end(text)], names) > 0
    return topic if headed and named >= _TIMES_ABOUT and named > sum(len(e.mentions) for e in regions) else None


def _titled(extraction: Extraction, regions: list[Entity]) -> list[Entity]:
    """The regions of the level 全市/全省 speaks of that the document's first line (its title:
    鞍山市人民政府工作报告) names, in order: the one it speaks for, however often it names a partner
    city later, when there is one. Places it lists as examples of a group (北京、上海、重庆…等地方) it names
    among their peers: it speaks for none of them."""
    text = extraction.document.text
    above = _ATTACHMENT.match(text) or _PAGE_PATH.match(text)  # 附件, or the page's path, above the title
    begin = len(text) - len(text.lstrip()) if above is None else \
        above.end() + len(text[above.end():]) - len(text[above.end():].lstrip())
    title_end = text.find("\n", begin) if "\n" in text[begin:] else len(text)
    run_on = _TITLE_RUN_ON.search(text, begin, title_end)  # the page's stamp and lead joined to the title
    title_end = run_on.start() if run_on else title_end
    places = {m.start: m.end for e in extraction.entities if e.type == "Region" for m in e.mentions}
    named = sorted((m.start, e.iri, e) for e in regions for m in e.mentions if begin <= m.start < title_end
                   and not (e.type == "Region" and _example_place(text, m.start, m.end, places)))
    return list({iri: e for _, iri, e in named}.values())


def _unlocated(titled: list[Entity], reference: Reference) -> list[Entity]:
    """The regions a title names without the one it names only to locate the next, a place inside it written
    right after it (金华义乌：上半年GDP增长7.5%: the news is on 义乌, 金华 says where it is)."""
    def inside(inner: Entity, outer: Entity) -> bool:
        keys = {entry.key for entry in reference.lookup(outer.name, "Region")}
        return any(parent.key in keys for entry in reference.lookup(inner.name, "Region")
                   for parent in reference.ancestors(entry))

    ends = {outer.iri: {m.end for m in outer.mentions} for outer in titled}  # a set: mentions × mentions was
    # quadratic where the whole text is one line
    return [outer for outer in titled if not any(
        inner is not outer and any(n.start in ends[outer.iri] for n in inner.mentions)
        and inside(inner, outer) for inner in titled)]


def _region_named_most(extraction: Extraction, entry: RefEntry, levels: dict[str, set[str]]) -> Entity | None:
    """The city or province a report says 全市 or 全省 of, named most but maybe only inside other
    names or in forms the recogniser did not take (黄山风景区, 打造黄山工业发展): its entity, made
    here when the recogniser missed it, with its names standing outside the other entities' names
    as mentions; None when it has none (a name met only inside others, 中山大学, makes no region)."""
    found = extraction.entity(entry.iri)
    if found is not None:
        return found
    text = extraction.document.text
    taken = [(m.start, m.end) for e in extraction.entities for m in e.mentions]
    mentions: list[Mention] = []
    for name in sorted({entry.name, *entry.aliases}, key=len, reverse=True):
        for match in re.finditer(re.escape(name), text):
            if not any(start < match.end() and match.start() < end for start, end in taken):
                sentence = extraction.document.sentence_at(match.start())
                mentions.append(Mention(name, match.start(), match.end(), sentence.index if sentence else 0))
                taken.append(match.span())
    if not mentions:
        return None
    mentions.sort(key=lambda m: m.start)
    home = Entity(type="Region", name=entry.name, key=entry.key, iri=entry.iri,
                  aliases=sorted({m.text for m in mentions} - {entry.name}), mentions=mentions, confidence=0.6,
                  attributes={"code": entry.code} if entry.code else {})
    extraction.entities.append(home)
    levels[home.iri] = _levels(entry)
    return home


def _named_level(name: str) -> set[str]:
    """The level a region's name speaks at, whatever the reference ranks it: a county-level city (义乌市, 慈溪市)
    says 全市 of itself, as a prefecture does."""
    return {_SPOKEN_LEVEL[name[-1]]} if name[-1:] in _SPOKEN_LEVEL else set()


def _levels(entry: RefEntry) -> set[str]:
    """The levels 全市/全省 may speak of a region at: a municipality (上海市, a province) also says 本市 and 全市."""
    return {entry.level, "city"} if entry.level == "province" and entry.name.endswith("市") else {entry.level}


def _names(region: Entity, reference: Reference) -> list[str]:
    """A region's name and short forms: 铜川市, 铜川."""
    return [region.name, *region.aliases, *(alias for entry in reference.lookup(region.name, "Region")
                                            for alias in entry.aliases)]


def _most_named(text: str, reference: Reference, level: str) -> tuple[int, RefEntry] | None:
    """How often ``text`` uses the region of ``level`` it names most (the first in the reference's order of
    those it names as often), and that region; the reference's first of the level when it names none."""
    regions = _region_names(reference, level)
    counts = regions.times_named(text)
    count, index = max(((max(counts.get(name, 0) for name in regions.names[index]), index)
                        for index in regions.holding(counts)), key=lambda pair: pair[0], default=(0, 0))
    return (count, regions.entries[index]) if regions.entries else None


class _RegionNames:
    """The regions of one level in the reference's order, with their names, and an automaton of the names:
    how often a text uses each is one pass over it, not a count per name of thousands (asked per document)."""

    def __init__(self, reference: Reference, level: str) -> None:
        self.entries = [entry for entry in reference.entries("Region") if level in _levels(entry)]
        self.names = [[entry.name, *entry.aliases] for entry in self.entries]
        self._holding: dict[str, list[int]] = {}  # a name -> where the regions of that name are
        for index, names in enumerate(self.names):
            for name in dict.fromkeys(name for name in names if name):
                self._holding.setdefault(name, []).append(index)
        self._counter = WordCounter(self._holding)
        #: names one use of which may overlap the next (an automaton finds both, str.count the first)
        self._overlapping = {name for name in self._holding
                             if any(name[:size] == name[-size:] for size in range(1, len(name)))}

    def times_named(self, text: str) -> Counter[str]:
        """How often ``text`` uses each name it holds, as ``str.count`` counts (uses that do not overlap)."""
        counts = self._counter.counts(text)
        for name in self._overlapping.intersection(counts):
            counts[name] = text.count(name)
        return counts

    def holding(self, names: Iterable[str]) -> list[int]:
        """Where the regions with one of ``names`` are, in order."""
        return sorted({index for name in names for index in self._holding[name]})


@lru_cache(maxsize=8)  # a few levels of the one reference, asked per document
def _region_names(reference: Reference, level: str) -> _RegionNames:
    return _RegionNames(reference, level)


def _times_named(text: str, names: Iterable[str], chars: frozenset[str] | None = None) -> int:
    """How often ``text`` uses the most used of ``names``, even inside other names (黄山风景区);
    ``chars``, the text's characters, spare counting a name whose first one it lacks."""
    return max(text.count(name) if chars is None or name[:1] in chars else 0 for name in names)


def figures_to_json(extraction: Extraction) -> list[dict[str, Any]]:
    """The top-level ``targets`` list of ``kg extract --format json``."""
    by_iri = {e.iri: e for e in extraction.entities}
    sentences = {s.index: s.text for s in extraction.document.sentences}
    return [
        {
            "subject": by_iri[f.subject].name,
            "subject_type": by_iri[f.subject].type,
            "indicator": f.indicator,
            "comparator": f.comparator,
            "value": f.value,  # a Decimal: kg.exact_numbers.json_text writes its digits
            "unit": f.unit,
            "year": f.year,
            "kind": f.kind,
            "policy": by_iri[f.policy].name if f.policy in by_iri else None,
            "evidence": sentences.get(f.sentence, ""),
        }
        for f in extraction.figures
        if f.subject in by_iri
    ]
