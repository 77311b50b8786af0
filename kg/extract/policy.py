"""Policy titles: 《…》 with a policy-instrument head word, five-year plans, named programmes."""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from itertools import chain

from kg.extract.candidates import Candidate
from kg.extract.lexicon import (
    FIVE_YEAR_PLAN, GOVERNMENT_WORK_REPORT, NAMED_PROGRAMME, POLICY_EXCLUDED_ENDINGS,
    POLICY_EXCLUDED_WORDS, POLICY_HEADS, TITLE_ISSUER_END,
)

_TITLE = re.compile(r"《([^《》\n]{2,80})》")
_TRAILING_BRACKET = re.compile(r"[（(][^（）()]*[）)]$")
_SPACES = re.compile(r"\s+")
_QUOTES = re.compile(r"[“”\"‘’「」]")
#: A title handed to a government (向省政府提交了《…建议》的报告) is a proposal to it, not its instrument.
_SUBMITTED = re.compile(r"(?:提交|报送|上报|呈报|呈送)了?$")
#: The day a title was issued, printed before it with the verb that issued it: 2021年12月20日印发的《…》,
#: 于2022年3月5日出台《…》. A year or month alone dates no issue (2022年《政府工作报告》 names the year's report,
#: 2020年12月份出台的《…》 gives no day), nor a day something else happened (2022年3月1日起施行的《…》).
_DATE_BEFORE = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*"
                          r"(?:印发|印發|出台|发布|發布|颁布|頒布|公布)了?的?$")


#: What stands before the head word in a back-reference (《实施意见》, 《行动方案》) rather than a name; a page in
#: traditional characters writes 若干 as 若幹, which the reading keeps (幹 is no variant of 干 everywhere).
_GENERIC_MODIFIERS = frozenset("""实施 行动 工作 若干 若幹 管理 指导 总体 专项 三年行动 建设 发展 实施细则 配套 有关 相关
    上述 该 本 这些 两个 系列 一系列 暂行 试行""".split())


#: What a heading is about, from its 关于 to the 的 before its instrument word: a media word there is its subject
#: (关于建立健全政策解读机制的实施意见 is an opinion on a mechanism of interpreting policies, not an interpretation).
_SUBJECT = re.compile(r"[关關][于於].*的")


def policy_head(title: str) -> str | None:
    """The instrument word a title ends in, or None when the title is not a policy instrument."""
    core = title
    while True:  # drop trailing （2021—2035年）, （试行）, （征求意见稿）
        stripped = _TRAILING_BRACKET.sub("", core).strip()
        if stripped == core:
            break
        core = stripped
    if not core or any(word in _SUBJECT.sub("", core) for word in POLICY_EXCLUDED_WORDS):
        return None
    if core.endswith(GOVERNMENT_WORK_REPORT):
        return GOVERNMENT_WORK_REPORT
    if core.endswith(POLICY_EXCLUDED_ENDINGS) or core.endswith("报告"):
        return None
    for head in sorted(POLICY_HEADS, key=len, reverse=True):
        if core.endswith(head):
            if len(core) <= len(head) + 1 and head not in ("宪法",) or core[: -len(head)] in _GENERIC_MODIFIERS:
                return None  # 《规划》, 《实施意见》 alone: a back-reference, not a name
            return head
    return None


class WorkTitles:
    """Spans of 《…》 titles that are not policy instruments (books, newspapers, reports).

    Names inside them (中国 in 《中国中医药报》, 中药材 in 《2024中药材产业发展报告》) name the work,
    not a place or sector the text talks about.
    """

    def __init__(self, text: str):
        self.titles = [(m.start(1), m.end(1), policy_head(_SPACES.sub("", m.group(1).strip())) is not None)
                       for m in _TITLE.finditer(text)]
        self.starts = [s for s, _, _ in self.titles]

    def covers(self, start: int, end: int, policies: bool = False) -> bool:
        """Whether a work's title (or, with ``policies``, any title) holds the span."""
        i = bisect_right(self.starts, start) - 1
        if i < 0:
            return False
        first, last, is_policy = self.titles[i]
        return first <= start and end <= last and (policies or not is_policy)


def canonical_policy_name(title: str) -> str:
    """Title without 《》, quotes or spaces: “十五五”规划 → 十五五规划."""
    return _QUOTES.sub("", _SPACES.sub("", title))


#: A document heading: [issuing body]关于…的通知/意见/决定, at a paragraph or sentence start, also in
#: traditional characters (關于…的意見); a 《title》 it holds is what it is about (关于实施《国务院关于…的决定》的意见).
#: The issuer may hold a quoted programme (推进“三地一区”建设领导小组…办公室关于…).
_BARE_HEADING = re.compile(
    r"(?:^|(?<=[\n。！？]))((?:[^\n。，；：《》“”]|“[^\n。，；：《》“”]{1,12}”){0,40}?[关關][于於]"
    r"(?=(?:[^\n。，；：《》]|《){4})(?:[^\n。，；：《》]|《[^\n《》]{2,60}》){1,80}?的"
    r"(?:通知|意[见見]|[决決]定|通告|批[复復覆]|公告|[决決][议議]|指[导導]意[见見]|[实實]施意[见見]))(?=[\n〔（(]|[^\u4e00-\u9fff]|[\u4e00-\u9fff]{1,6}〔|$)")
#: The labels a site's record table gives a document's title row (信息名称 X, 标题|X, 【标题】X, 发文标题：X).
RECORD_TITLE_LABELS = "信息名称|发文标题|文件标题|法规标题|法规名称|文件名称|标题|標題|名称|名稱"
#: Such a label opening a heading's line, parted from the title by spaces or a table's bar: no part of the heading
#: (信息名称 某市人民政府关于…的通知 is the notice 某市人民政府关于…的通知).
_TITLE_ROW_LABEL = re.compile(rf"(?:{RECORD_TITLE_LABELS})(?:[ \t\u3000]*[|｜][ \t\u3000]*|[ \t\u3000]+)")
#: A heading that issues or transmits the 《title》 it holds.
_ISSUING = re.compile(r"(?:印发|转发|颁发|颁布|發布|印發|轉發|頒發)《")
#: A plan's heading line with its period: 甘肃省中医药产业高质量发展三年行动方案（2025—2027年）.
_PERIOD_HEADING = re.compile(r"(?:^|(?<=\n))([^\n，。；：《》“”]{4,60}?(?:方案|规划|计划|纲要|意见|办法|措施|条例|规定)"
                             r"[（(]\d{4}\s*[—–\-－至]+\s*\d{4}\s*年?[）)])(?=\n|$)")


#: The document's first line: its own title when it names a policy instrument (郑州航空港经济综合实验区条例,
#: 上海市人民政府关于…的若干意见, 加快数字化…推进方案), not a web page's breadcrumb (首页>信息公开>通知公告).
#: A site's posting stamp the normaliser ran into it is no part of it (…暂行办法|2024-05-13 13:42).
_FIRST_LINE = re.compile(r"\s*([^\n。，；：！？!?《》>»›|丨]{6,80}?)"
                         r"(?:[ \t\u3000]*(?:19|20)\d{2}-\d{1,2}-\d{1,2}(?:[ \t\u3000]+\d{1,2}:\d{2}(?::\d{2})?)?)?"
                         r"[ \t\u3000]*(?=\n|$)")
#: The instruments a government issues under its own heading (a think tank's 建议 or a 战略 is no such title).
_ISSUED_HEADS = frozenset("条例 规定 办法 细则 规则 规划 纲要 意见 通知 通告 公告 方案 计划 措施 决定 若干政策 "
                          "指导目录 目录 指南 清单".split())


#: A programme named in quotes with its instrument word inside them: “江淮英才计划”, “串链行动”.
_QUOTED_PROGRAMME = re.compile(r"“([^“”，。；]{2,14}(?:行动计划|行动|工程|计划))”")
#: A quoted name that is itself a plan of work: 出台“稳外贸30条”工作方案, 印发“强基固本”实施方案; or what a
#: government deploys or pilots: 落实省委、省政府“双转移”工作部署, "十城万盏"的21个试点城市.
_QUOTED_DEPLOYED = re.compile(r"[“\"]([^“”\"，。；、\s]{2,12})[”\"]"
                              r"(?=工作方案|实施方案|工作部署|决策部署|战略部署|的?\d*个?试点(?:城市|地区|省份|县))")
#: A plan named in quotes by its horizon year (对接“中国制造2025”, 实施“健康中国2030”); one with its instrument
#: word after the quotes (“区域化2000”计划) is a named programme.
_HORIZON_PLAN = re.compile(r"[“\"]([\u4e00-\u9fff]{2,10}(?:19|20)\d{2})[”\"](?!(?:专项)?(?:行动|工程|计划|规划|方案|战略))")
#: An instrument named as what is issued or carried out, without 《》: 出台了促进…的若干意见，
#: 全面实施关中—天水经济区发展规划， 深入开展中小微企业金融服务能力提升工程，
#: not one still to be drawn up (编制实施海域中长期发展规划: a plan of that kind, not a title).
_FRAMED_INSTRUMENT = re.compile(r"(?<!编制)(?:出台了?|印发了?|制定了?|实施|启动实施|深入开展|开展|推进实施)"
                                r"([^，。；、：:“”《》\n\s了和与及等]{4,30}?(?:规划纲要|规划|若干意见|意见|工程))"
                                r"(?=[，。；]|带来|全面|积极|深入)")
#: An instrument a rule or plan says it follows, without 《》: 根据郑州市国土空间总体规划编制…,
#: 按照专项发展资金管理办法执行.
_CITED_INSTRUMENT = re.compile(r"(?:根据|按照|依据|依照|遵照)([^，。；、：:“”《》\n\s了和与及等的]{5,30}?"
                               r"(?:规划纲要|规划|条例|办法|规定|方案|意见|纲要|细则))"
                               r"(?=[，。；]|编制|制定|的规定|的要求|要求|规定|精神|有关|确定|执行|组织|实施)")
#: What makes a framed phrase a description rather than a title (具体实施方案, 一批重大工程, 城市道路工程).
_DESCRIBED = re.compile(r"^(?:各|一|相关|有关|具体|诸多|系统性|全国性)|重大|道路|供水|电网|治理|安居|民生|试点|\d+项")
#: A count before the instrument word (四大行动, 三项工程, 十大举措): how many, not which.
_COUNTED = re.compile(r"[一二三四五六七八九十两百千万\d]+[大项个条类]")


def _counted(name: str) -> bool:
    """Whether a name is only a count and its instrument word: “四大行动” says how many, not which."""
    return _COUNTED.fullmatch(_modifier(name)) is not None


#: Programmes a work report names as carried out, at a clause's start, alone or listed:
#: 雄鹰行动、凤凰行动、雏鹰行动深入实施; “六个千亿”产业投资工程深入实施; …发展方案全面实施;
#: also a programme's new version (传统产业改造提升2.0版全面实施).
_CARRIED_OUT = re.compile(r"(?:^|(?<=[，。；：\n]))((?:[^，。；：、\n《》“”]|“[^“”，。]{2,10}”){2,26}?"
                          r"(?:行动计划|行动|工程|方案|\d+\.\d+版)"
                          r"(?:、(?:[^，。；：、\n《》“”]|“[^“”，。]{2,10}”){2,16}?(?:行动计划|行动|工程|方案))*)"
                          r"(?=深入实施|全面实施|扎实实施|有效实施|加快实施|顺利实施|启动实施|积极推进|深入推进|扎实推进)")

#: A quoted code of digits (“632”工程, “4105”行动计划).
_NUMERAL_CODE = re.compile(r"[\d.+]+")

#: A programme's version at its end (…提升2.0版): it names that programme.
_VERSION = re.compile(r"\d+\.\d+版$")

#: What makes a …工程 a programme rather than a work of construction (引汉济渭工程, 水库工程).
_PROGRAMME_WORK = re.compile(r"产业|提升|培育|人才|创新|振兴|改造|再造|投资|行动")


#: Programmes listed by name before the kind they are (依托泰山学者、泰山产业领军人才等人才工程): each item
#: is one; a talent programme is named by the honour it confers, with no instrument word of its own.
_LISTED_PROGRAMMES = re.compile(r"(?:^|(?<=[，。；：\n]))(?:依托|通过|借助|用好|实施|深入实施|推进|发挥)?"
                                r"((?:[^，。；：、\n《》“”]|“[^“”，。]{2,10}”){2,16}"
                                r"(?:、(?:[^，。；：、\n《》“”]|“[^“”，。]{2,10}”){2,16})+)"
                                r"等(?:人才|引才|引智|育才)(?:工程|计划|项目)")


def _listed_programmes(text: str) -> Iterator[Candidate]:
    for match in _LISTED_PROGRAMMES.finditer(text):
        offset = match.start(1)
        for item in match.group(1).split("、"):
            yield Candidate(offset, offset + len(item), "Policy", canonical_policy_name(item),
                            source="listed_programme", confidence=0.6)
            offset += len(item) + 1


def _carried_out(text: str) -> Iterator[Candidate]:
    for match in _CARRIED_OUT.finditer(text):
        offset = match.start(1)
        for item in match.group(1).split("、"):
            name = canonical_policy_name(item)
            if (policy_head(name) is not None or _VERSION.search(name)) and not _DESCRIBED.search(name) and (
                    not name.endswith("工程") or _PROGRAMME_WORK.search(name)):
                yield Candidate(offset, offset + len(item), "Policy", name, source="carried_out", confidence=0.6)
            offset += len(item) + 1


def _modifier(title: str) -> str:
    """What a title says before its instrument word, less a 的 right before it (…发展的若干意见):
    a 的 further left makes it a description (推动…的相关意见)."""
    head = policy_head(title) or ""
    return title[: len(title) - len(head)].removesuffix("若干").removesuffix("的")


def _copies(heading: str) -> list[str]:
    """A heading a page prints twice in a row (its record's title, then the red header's), which the
    normaliser joined into one line, as its copies: each copy is a mention of the one title."""
    half = len(heading) // 2
    return [heading[:half]] * 2 if heading[:half] * 2 == heading else [heading]


def _without_row_label(title: str) -> str:
    """``title`` without the label of the record table's row it opens (信息名称 X → X)."""
    label = _TITLE_ROW_LABEL.match(title)
    return title[label.end():] if label else title


def recognise_policies(text: str) -> Iterator[Candidate]:
    yield from _carried_out(text)
    yield from _listed_programmes(text)
    for match in chain(_QUOTED_PROGRAMME.finditer(text), _QUOTED_DEPLOYED.finditer(text), _HORIZON_PLAN.finditer(text)):
        if _counted(match.group(1)):
            continue
        yield Candidate(match.start(1), match.end(1), "Policy", canonical_policy_name(match.group(1)),
                        source="named_programme", confidence=0.6)
    for match in chain(_FRAMED_INSTRUMENT.finditer(text), _CITED_INSTRUMENT.finditer(text)):
        title = match.group(1)
        if policy_head(title) is not None and not _DESCRIBED.search(title) and "的" not in _modifier(title):
            yield Candidate(match.start(1), match.end(1), "Policy", canonical_policy_name(title),
                            source="framed_instrument", confidence=0.6)
    own = _FIRST_LINE.match(text)
    if own and policy_head(_SPACES.sub("", own.group(1).strip())) in _ISSUED_HEADS:
        title = _without_row_label(own.group(1).strip())
        start = own.start(1) + own.group(1).index(title)
        yield Candidate(start, start + len(title), "Policy", canonical_policy_name(title), source="own_title",
                        confidence=0.8)
    for match in _BARE_HEADING.finditer(text):
        title = _without_row_label(match.group(1).strip())
        issuer = title[: re.search("[关關][于於]", title).start()]
        if issuer and not TITLE_ISSUER_END.search(issuer) or policy_head(title) is None:
            continue  # 关于这个问题的意见 is prose, not a heading
        if _ISSUING.search(title):
            continue  # 关于印发《X》的通知 is the notice that issues X: the policy is X (policy_facts)
        if not issuer and not re.match(r"\s*(?:\n|〔|[（(]|$)", text[match.end(1):match.end(1) + 1]):
            continue  # an issuer-less 关于… title stands on its own line
        start = match.start(1) + match.group(1).index(title)
        for copy in _copies(title):
            yield Candidate(start, start + len(copy), "Policy", canonical_policy_name(copy),
                            source="heading", confidence=0.8)
            start += len(copy)
    for match in _PERIOD_HEADING.finditer(text):
        title = match.group(1).strip()
        if policy_head(title) is not None:
            yield Candidate(match.start(1), match.end(1), "Policy", canonical_policy_name(title),
                            source="heading", confidence=0.8)
    for match in _TITLE.finditer(text):
        title = match.group(1).strip()
        if policy_head(_SPACES.sub("", title)) is None:
            continue
        if _SUBMITTED.search(text, max(0, match.start() - 4), match.start()):
            continue  # a proposal handed to a government
        name = canonical_policy_name(title)
        attributes = {}
        date = _DATE_BEFORE.search(text, max(0, match.start() - 20), match.start())
        if date and 1 <= int(date.group(2)) <= 12 and 1 <= int(date.group(3)) <= 31:
            attributes["date"] = f"{date.group(1)}-{int(date.group(2)):02d}-{int(date.group(3)):02d}"
        yield Candidate(match.start(1), match.end(1), "Policy", name, source="policy_title",
                        confidence=0.9, attributes=attributes)
    for match in FIVE_YEAR_PLAN.finditer(text):
        name = f"{match.group(1)}规划" + ("纲要" if match.group(2) else "")
        yield Candidate(match.start(), match.end(), "Policy", name, source="five_year_plan",
                        confidence=0.85)
    for match in re.finditer(GOVERNMENT_WORK_REPORT, text):
        before = text[max(0, match.start() - 1): match.start()]
        if before != "《":
            yield Candidate(match.start(), match.end(), "Policy", GOVERNMENT_WORK_REPORT,
                            source="work_report", confidence=0.85)
    for match in NAMED_PROGRAMME.finditer(text):
        inner = _SPACES.sub("", match.group(1))
        if len(inner) < 3 or re.search(r"[，。；！？]", inner):
            continue
        if _NUMERAL_CODE.fullmatch(inner) or _counted(inner + match.group(2)):
            continue  # “632”工程, “三大”工程: a code or a count names nothing without the words around it
        # the mention is the quoted name, which the text also uses alone (“万村绿”工程 → 万村绿)
        yield Candidate(match.start(1), match.end(1), "Policy", inner + match.group(2),
                        source="named_programme", confidence=0.6)
