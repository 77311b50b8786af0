"""Relations between the entities of one sentence, from trigger words and name structure.

Each rule names itself in ``Relation.method`` and carries a confidence reflecting how often such
evidence states the relation. part_of comes from the reference hierarchy between regions that
both occur in the document, with the sentence where they co-occur (or the inner one's first).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from heapq import merge

from kg.extract.candidates import Candidate, Covers
from kg.ingest.headings import NUMBERED_POINT as _HEADING  # (（三）做强中药制造: opens a section)
from kg.extract.lexicon import (
    ANALYST_DESK, CLAUSE_BREAK, DEVELOP_TRIGGERS, DUTY_NOTE, FIRM_CLASS_SECTORS, ISSUE_TRIGGERS, LEGAL_FORM_SUFFIXES,
    LOCATED_TRIGGERS, OPERATE_TRIGGERS, OWN_SCOPE_LINE, PROJECT_OUTPUT, SCOPED_PLACES_BEFORE, SCOPED_SETTING, SELF_REFERENCE_LEVEL, SHORT_FORM_SECTORS, TARGET_AFTER, TARGET_TRIGGERS, TRADE_PARTNER_BEFORE,
    TRADE_WORDS, WORK_REPORT_OPENING, WORK_REPORT_REACH, WORKS_SECTORS,
)
from kg.model import RELATION_SIGNATURES, Document, Entity, Relation

_IN_TITLE_ISSUER = re.compile(r"^[^关]{2,30}?关于")
_COORDINATION = re.compile(r"^[、和与及，,\s]*$|^[、]?(?:会同|联合)$")
_COUNTRY_KEYS = {"中国", "中华人民共和国"}
#: Containers a careful reader knows but annotators relate only where the text does (亚洲的日本:
#: region_chain): the country is never the container, so without this 山西省 would be placed in 亚洲.
#: A country and its continent or world region named in one sentence are related (关注美洲地区和东亚
#: 地区（包括美国、日本…）): the text sets them side by side.
_WORLD_LEVELS = frozenset(("continent", "world_region"))
#: Named groupings of places (长三角, 杭州都市圈): they hold their members by membership, not administration.
_GROUPING_LEVELS = frozenset(("grouping", "corridor"))
#: How many names before a sector word may hold it (a title names only so many others before it).
_NAME_LOOKBACK = 8
#: Rules whose evidence is a name itself (河北华兴钢铁有限公司 → 钢铁), wherever that name stands.
_NAME_EVIDENCE = frozenset({"firm_named_sector"})
#: What may stand between two members of one list of names.
LIST_JOINT = re.compile(r"[、和及与]|以及|、以及")
#: The same between quoted names (“太标”、“一通”).
_QUOTED_JOINT = re.compile(rf"[”\"」]?(?:{LIST_JOINT.pattern})[“\"「]?")
#: How far after a policy title an industry may stand to be what the policy "supports".
_TARGET_REACH = 40
#: Business figures after a sector name whose sentence is about a firm (销量, 装机量, 营收).
_FIRM_FIGURES = re.compile(r"销量|产量|装机量|出货量|营收|收入|市场份额|市占率|交付|订单|产能")
#: A transmittal notice: 现将《…》印发给你们 — its signatory issued the policy.
_TRANSMITTAL = re.compile(r"[^。]{0,16}?(?:(?:印发|转发|发)给(?:你们|您们|各)|现予(?:印发|公布|发布))")
#: How many sentences from the start a transmittal (现将《…》印发给你们) may stand in.
_HEAD_SENTENCES = 10
#: Verbs by which a policy "says" something (the content may follow in the next sentence).
#: The dateline under a law's or regulation's title: the body whose session adopted it
#: (2020年11月28日河南省第十三届人民代表大会常务委员会|第二十一次会议通过).
_SESSION_ADOPTED = re.compile(r"第[一二三四五六七八九十百零〇\d]+次(?:全体|常务)?会议(?:审议)?(?:通过|批准)")
_STATEMENT = re.compile(r"指出|提出|强调|明确|要求|部署|写入")
#: 全国 opening a sentence (after at most two short clauses) as the subject of a statistic:
#: 数据显示，2024年，全国建设制造业中试平台超过2000个.
_NATIONAL = re.compile(r"(?:[^，,。；]{0,8}[，,]){0,2}全国(?![人政总工妇青的碳])")
#: 该区/该市/全省 refer back to the last district, city or province named; 当地, 这里, 这片土地 to the
#: last place named.
_ANAPHORA = re.compile(r"(?:该|全|本|我)(区|市|省|县|州)|(当地|该地|此地|这里|这片(?:土地|热土))")
#: The words by which a text names its own place (我市, 全省, 本市), in the lexicon's order: of two
#: levels a text names itself by as often, the first counts.
_SELF_REFERENCE = tuple(word for word, _ in SELF_REFERENCE_LEVEL)
#: A developing verb with at most a short modifier before its object (聚焦|集成电路, 打造更具国际竞争力的|数字产业).
_DEVELOP_VERB = re.compile(r"(?:发展|培育|壮大|聚焦|布局|打造|做强|做大|做优|深耕|专注于?|主攻|支持|建设|引进|集聚)"
                           r"[^，。；、]{0,10}$")
#: Between a sector and the place it is in: 中药材产业|在|岷县, 新能源汽车|已在|安徽.
_AT_PLACE = re.compile(r"(?:产业|行业|企业)?(?:已经?|正|还|也|均|都|主要|大多|集中)?(?:在|于|落户|集聚于|集中在|分布在)")
#: What a firm does in a sector: 深耕|中成药, 布局|中药材种植, 发展|中成药、中药配方颗粒.
_OPERATE_VERB = re.compile(r"(?:发展|布局|深耕|专注于?|主攻|从事|进军|生产|研发|制造|开发|推出|拓展|涉足|聚焦|主营|经营)"
                           r"[^，。；、]{0,8}$")
#: A firm's project in a sector it builds (比亚迪公司在我市兴建…汽车零部件|项目): the verb before, the work after.
_BUILDS = re.compile(r"兴建|新建|建设|投资|投建|建成|投产|上马")
_PROJECT_AFTER = re.compile(r"(?:产业)?(?:项目|生产线|产线|工厂)")
#: A sentence set at a firm's works: 在(安徽省)X公司…生产车间.
_FIRM_SETTING = re.compile(r"\s*在[^，。；]{2,40}?(?:车间|工厂|厂区|生产线|基地|产线)")
#: 天士力在天津建设…基地: the firm is placed where it builds.
_SETS_UP_AFTER = re.compile(r"[^，。；]{0,4}?(?:建设|兴建|设立|投资|布局|建厂|成立|开设|打造|建成|新建|投产|落地)")
#: What sums up a list of places before the sector they share: 四川、贵州等地|中药材种植.
_SUMMED_PLACES = re.compile(r"等(?:\d+|[一二三四五六七八九十两多几]+)?(?:地|省|市|区|县|省份|省区|省市|城市|地区|国家)?的?"
                            r"|(?:\d+|[一二三四五六七八九十两多几]+)(?:地|省|市|区|县|省份|省区|省市|城市|地区|国)的?")
#: A place gathering firms: 集聚了, 拥有, 吸引了…落户, 汇聚.
_GATHERS = re.compile(r"(?:已|共|现已|目前)?(?:集聚|聚集|拥有|汇聚|吸引|培育|引进)了?(?:[\d一二三四五六七八九十百多几]+家)?")
#: A layout frame (以贵阳为核心，以遵义、六盘水为支撑，聚焦…): the places inside it are the roles of a
#: spatial plan, not the subject of the verb that follows, so they do not each develop its sectors.
#: 以X为重点/载体/依托 differ: they name where the action happens (以定西为重点，建设…基地).
_LAYOUT_FRAME = re.compile(r"以([^，。；以]{1,40}?)为(?:核心|支撑|龙头|引领|两翼|增长极|极核|主轴|枢纽|节点|支点|"
                           r"中心|副中心|骨干)")
#: What joins the places of a list a measure names, a pair of places one member (北京-河北).
_PLACE_JOINT = re.compile(rf"{LIST_JOINT.pattern}|[-—－]")
#: What after a list of places makes them a plan's pilots or demonstration sites (…、长沙等区域性示范应用,
#: …等有条件的地方先行先试): the pilot closes the clause, it is not a verb whose object is piloted there
#: (在苏州工业园、合肥声谷试点…“保税研发”制度: a customs rule, not the document's sector).
_PILOT_AFTER = re.compile(r"等?[^，,。；;、\n]{0,8}?(?:示范应用|应用示范|试点示范|先行先试|示范|试点)(?=[，,。；;\n]|$)")
#: The sector a document is about: named at least this often, and this many times as often as the next.
_TOPIC_MENTIONS = 10
_TOPIC_LEAD = 1.25
#: A clause laying out where a sector stands (已初步形成以长三角、环渤海为核心，珠三角…快速发展的产业空间格局):
#: the places inside it are where the sentence's sector is developed.
_SECTOR_LAYOUT = re.compile(r"形成了?([^。；]{2,80}?)(?:产业|空间|分布)格局")
#: A class of zones named by the sector before it, then the zones (制造业|海外园区，如|A和B; 商贸物流|海外园区有|A、B).
_ZONES_OF_SECTOR = re.compile(r"(?:产业)?(?:海外|境外|特色)?(?:园区|合作区|产业园|工业园)[，,]?(?:如|有|包括|主要有|主要包括)")
#: What makes a layout frame's clause build a sector's cluster (…产业集群, …产业带, …产业集聚, …基地).
_CLUSTER = re.compile(r"集群|产业带|集聚|基地|高地")
#: The sector word a mention of a sector may end with (装备制造产业).
_SECTOR_WORD = re.compile(r"(?:产业|行业)$")
#: What may stand between two chained layout frames (以A为核心|区域，|以B为支撑).
_FRAME_JOINT = re.compile(r"[^，,。；;]{0,4}[，,、]")
#: The bases a plan relies on (依托A、B等中心城市的科研资源优势, 发挥A、B等园区的集聚优势): the places
#: inside are its means, not the actors of the clauses after it.
_MEANS_FRAME = re.compile(r"(?:依托|发挥|借助|依靠)[^，。；]{1,80}?(?:优势|作用|基础|载体|平台|枢纽)")
#: Adverbs before a verb placing a firm (拟|在沙雅县投资建设, 已|落户合肥).
_ADVERB = r"(?:已|将|拟|正|还|也|先后|率先|首次|计划|正在|已经)?"
#: A foreign place's name in the original after its Chinese one: 卡姆登市（Camden）.
_ALIAS_AFTER = re.compile(r"(?:[（(][A-Za-z .\-]{2,40}[）)])?")
#: What stands before a partner or a list of partners: 与|A、B建立合作, 同|A集团合作.
_PARTNER_BEFORE = frozenset("与同跟")
#: A verb of supplying before the firm supplied: 配套|广汽日野, 供货|宁德时代.
_SUPPLIES = re.compile(r"配套|供货|供应")
#: What two firms joined by 与 do together (鞍钢与冀东水泥|合资生产): the second is the first's partner.
_JOINT_VENTURE = re.compile(r"[^，。；、]{0,4}?(?:合资|合作|共建|联合|签订|签署|携手)")
#: An event a body holds, after its name: 杭州|G20|峰会, 博鳌|亚洲论坛|年会 — the place before is
#: where the event is held, not where the body is.
_EVENT_AFTER = re.compile(r"峰会|年会|大会|会议|论坛|博览会|展览会|运动会")
#: A preposition whose object a placing verb's clause describes (对|入驻实验区的|公司, 为|落户本市的|企业):
#: the firm or body before it is not what the verb places.
_ATTRIBUTIVE_PLACE = re.compile(r"(?<![成作认])[对为向给]\S{0,2}$")
#: What closes a branch's name after the place it serves (延安大学铜川|校区, …公司安徽|分公司): the
#: place the name opens with is its parent's.
_BRANCH_SUFFIX = re.compile(r"(?:校区|分校|分院|研究院|研究生院|分公司|分行|支行|分局|分厂|分中心|办事处)$")
#: A firm announcing what it will do (惠丰钻石发布公告称，|拟在包头市…投资建设): it is still the subject.
_SAYS = r"(?:(?:(?:发布)?公告称?|宣布|表示|透露|称)[，,：:]?\s*)?"
#: The rest of a clause bringing firms to the speaker's place: …等一批知名企业|来鞍投资, 来我市落户 (not 未来, 带来).
_COMES_TO_INVEST = re.compile(r"[^，。；]*?(?<![未带原以年起出进后])来(?:我|本)?[^，。；]?(?:投资|落户|兴业|建厂)")
#: The rest of a clause naming its firms' projects as still under negotiation (…粤海集团城市公用基础设施
#: 建设与运营合作等一批重点在谈项目早日签约落地): investors the place courts, not yet its firms.
_UNDER_NEGOTIATION = re.compile(r"[^，。；]*?(?:在谈|洽谈中|拟签约|待签约)")
#: What closes a list before a place's class noun: A、B|等|深圳企业, …、稳健|等发展强劲的“|深圳军团.
_LIST_CLOSED = re.compile(r"等[^，。；、：等]{0,10}?[“\"「]?$")
_LIST_JOINTS = frozenset("、和及与")
#: What may open a list of examples: 像|迈瑞、先健科技…, 如|华为、中兴….
_LIST_LEAD = re.compile(r"\s*(?:像|如|例如|比如|包括|其中)?")
#: A place's class noun for firms: 深圳|企业, 深圳|军团, 日本|车企.
_PLACE_CLASS_AFTER = re.compile(r"(?:本土|本地)?(?:企业|公司|军团|厂商|厂家|药企|车企|钢企|房企)")
#: A firm going to a place: 中铝集团布局|宁德, 青拓集团落户|宁德.
_SETTLES = r"(?:布局|落户|落地|扎根|入驻|进驻|选址|来到)"
#: A clause bringing firms into a place: 入驻有|A、B, 已引进|A、B等企业.
_GATHERS_FIRMS = re.compile(r"(?:引进|引入|入驻|进驻|吸引|招引|集聚|聚集|汇聚)(?:了|有)?\s*$")
#: A firm named as one of a sector's firms: 无人机整机企业|峰羽智能, 三七加工企业120余家，其中|A、B,
#: 锂电材料供应商龙头企业|杉杉公司, 家电行业巨头|美的集团.
_SECTOR_CLASS = re.compile(r"(?:产业|行业)?的?(?:供应商|制造商|生产商|服务商)?"
                           r"(?:整机|龙头|骨干|制造|生产|加工|研发|服务|配套|链主|领军|头部)?(?:企业|厂商|厂家|公司|巨头)")
_CLASS_THEN_MEMBERS = re.compile(r"[^。；]{0,12}?[，,]\s*其中")
#: A list of firms a sector heads: 芯片生产则主要包括|A、B, 化学药物领域重点专利权人包括|A、B,
#: 外延片的厂商包括|A、B, 芯片市场由全球几大巨头垄断：|A、B.
_SECTOR_HEADS_LIST = re.compile(r"(?:的?(?:生产|制造|行业|产业|领域|市场|企业|厂商|厂家|公司|龙头|领头羊|巨头)){0,2}"
                                r"(?:[^，。；、：在]{0,6}?(?:主要)?(?:包括|包含|有|如)[：:]?"
                                r"|(?:主要)?由[^，。；、：]{0,8}?(?:垄断|主导|把持|瓜分|占据)[：:])")
#: A class noun closing a list of firms: A、B等大型|钢企, A、B等国内|车企 (not A、B等企业…钢企, another class);
#: also past items the recognisers missed, when the class noun follows 等 with at most a two-character
#: qualifier (宝武集团|、沙钢|等大型钢企; not 华为|、高校|等单位布局钢企, what they serve).
_CLASS_NOUN_AFTER_LIST = re.compile(r"等[^，。；、：企]{0,4}?(%s)|(?:、[^，。；、：等\s]{1,8})+等[^，。；、：企]{0,2}?(%s)"
                                    % ("|".join(FIRM_CLASS_SECTORS), "|".join(FIRM_CLASS_SECTORS)))
#: A firm's works focused on a sector (以新能源汽车为重点的|上汽集团宁德基地): the firm makes it.
_FOCUS_FRAME = re.compile(r"以([^，。；以]{1,30}?)为(?:重点|主导|主体|主)的")
#: A sector described by its core parts (布局|以电机、电控和压缩机为核心的|汽车零部件): the firm that
#: works in it works in the sector after the frame, not in each part.
_CORE_FRAME = re.compile(r"以([^，。；以]{1,30}?)为(?:核心|重点|主导|主体|主)的")
#: A class noun of firms closing a list (…“顶好”、“同乐”|等13家企业, 迈瑞、稳健|等发展强劲的“深圳军团”):
#: the list's members are named as firms of a kind, not each in passing.
_FIRMS_LIST_CLOSED = re.compile(r"[”\"」]?等(?:\d+|[一二三四五六七八九十百多几两]+)?(?:家|个)?[^，。；、：等]{0,8}?[“\"「]?"
                                r"(?:企业|公司|厂商|厂家|军团|集团)")
#: A sentence opening by taking a firm as its example: 以|黄河旋风|为例，… (after a lead-in: 例如，以…).
_EXAMPLE_OPENING = re.compile(r"\s*(?:例如|比如|其中)?[，,]?\s*以")
_EXAMPLE_CLOSE = "为例"
#: A place's firms of a kind, after its name: 东莞|外资企业, 深圳|本土企业.
_PLACE_FIRMS_AFTER = re.compile(r"(?:的)?(?:本土|本地|外资|外贸|民营|国有|上市)?(?:企业|公司|厂商|厂家)")
#: A sentence about the firm just named: 这家成立仅五年的企业专注于…, 该公司主营….
_FIRM_ANAPHOR = re.compile(r"\s*(?:这|该|此)(?:家|个)?(?:[^，。；]{0,10}?的)?(?:企业|公司)")
#: A clause introducing the firm after it as one of a sector's firms: 作为一家|跨境电商企业…服务商|，X.
_INTRODUCED_AS = re.compile(r"\s*[“”\"]?\s*作为(?:一家|一个|国内|全国|全球)?([^，。；]{2,30}?(?:企业|公司|厂商|服务商|制造商|供应商))"
                            r"[^，。；]{0,4}[，,]\s*")
#: What may stand between a firm's name and the predicate that says what it is: its short form or code in
#: brackets (安得智联（即安得物流）|是…, 天山股份（000877）|作为…) and an adverb.
_NAME_TAIL = r"\s*(?:[（(][^（）()，。；]{0,20}[）)])?\s*(?:已经|已|也|则|便|就|正|一直)?"
#: What may follow that class noun to the clause's end: nothing but 之一 (…的物流公司之一), not what the class
#: noun qualifies (是锂电池企业|的重要客户).
_CLASS_CLOSES = re.compile(r"(?:之一)?\s*")
#: The firm's own clause naming it as one of a sector's firms: 宁德时代|作为全球动力电池龙头企业, 安得智联|是一家
#: 物流公司 (the clause, up to its end; the sector is the one right before the class noun: _SECTOR_CLASS).
_CLASSED_AS = re.compile(_NAME_TAIL + r"(?:作为|是(?!否))(?:一家|一个|国内|全国|全球|我国)?[^，。；]{2,40}")
#: A firm named by what it makes (研发诊断试剂的|苏州艾杰和北京勤邦): the verb right before the sector, 的 after it.
_MAKER_OF = re.compile(r"(?:研发|生产|制造|从事|专注于?|主营|经营|开发|深耕)$")
_MAKER_TAIL = re.compile(r"(?:产业|行业|领域|产品|业务)?的")
#: The firms a sector's cluster is built around: 以|A、B|为龙头的|锂电池产业集群.
_HEADS_CLUSTER = re.compile(r"为(?:龙头|核心|引领|主体|骨干|链主)的?[^，。；、]{0,6}?")
#: A trigger right after the sector says what the firm does with it (锂电池|研发, 储能|业务, 光伏产业的|布局);
#: not one inside a product's noun after it (太阳能|电池生产线: the sector qualifies 电池).
_TRIGGER_AFTER = re.compile(rf"(?:产业|行业)?的?(?:{OPERATE_TRIGGERS.pattern})")
#: Verbs by which a firm uses a sector's products rather than makes them: A等企业|采用|工业机器人.
_ADOPT_VERB = re.compile(r"采用|使用|应用|购买|采购")
#: A clause that opens by supporting firms: ，支持|A等企业…
_SUPPORTED_CLAUSE = re.compile(r"[，,；;：:]\s*(?:支持|鼓励|引导|扶持)$")
#: A sector used as a resource: 利用|煤化工副产氢, 借助|大数据.
_RESOURCE_VERB = re.compile(r"(?:利用|借助)$")
#: A sector's market after it (我国|医疗电子产品市场销售额, 我国|天然气缺口): the place buys it; a market
#: strength (电子信息产业的市场优势) is a maker's.
_DEMAND_AFTER = re.compile(r"(?:产品|产业|行业)?的?(?:市场(?!优势|份额|占有|主体)|需求|缺口|消费量|进口)")
#: A stated figure: a number with its unit or measure (6000户, 72%), not an item's number (3）).
_STATED_FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?:%|％|[\u4e00-\u9fff])")
#: Firms named by their class, a sentence's actors as a named firm would be (部分企业|布局跨界业务,
#: 各跨国药企|极度重视…研发): what they develop is theirs, not the place the sentence would inherit.
_FIRMS_BY_CLASS = re.compile(r"(?:部分|一些|不少|许多|众多|多数|各大?|各类|一批|大批)[^，。；、]{0,4}?(?:企业|公司|厂商|厂家|药企|车企)")
#: An event held at a place: 在|成都|正式签署合作协议, 在|杭州|举行. The place is the venue, not what
#: develops the sectors the event's parties speak of.
_VENUE_EVENT = re.compile(r"(?:正式|隆重|成功)?(?:签署|签订|签约|举行|举办|召开)")
#: What opens a zone's seat clause (…开发区位于|四川省泸州市，地处|长江经济带上游; …示范区落户|翁源).
_ZONE_SEAT = re.compile(r"位于|地处|坐落(?:于|在)?|落户|设在")
#: Where a firm sits: 总部位于|南昌市, 落户|合肥.
_SEAT_BEFORE = re.compile(r"(?:位于|落户|坐落于?|设在|地处|扎根)$")
#: A firm's works named right after it: 吉林参源堂…公司的智能化车间里.
_WORKS_AFTER_FIRM = re.compile(r"的?[^，。；、]{0,6}?(?:车间|工厂|厂区|生产线|产线)")
#: A scope word right before a sector: 全省|人参产业, 全市|集成电路.
_SCOPE_BEFORE = re.compile(r"(?:全|本|我|该)(省|市|县|区|州)$")
#: A firm or body that acts or settles in the speaker's own place (比亚迪公司在我市兴建…, 落户本区):
#: it is there, in the document's own place of that level.
_IN_OWN_PLACE = re.compile(r"(?:已|将|拟|正|还|也|先后)?(?:在|落户|入驻|进驻|扎根|落地|来)(?:我|本)(省|市|县|区|州)")
#: Words by which a text cites a policy it carries out (为深入贯彻落实《河南省建设制造强省三年行动计划》，推动
#: 制造业…; 根据《…》): the place that policy's title names is its wider scope, not the actor of the citing
#: sentence — unlike a policy the sentence reports on (浙江省印发《浙江省…规划》指出，全省要…).
_CARRIED_OUT = re.compile(r"(?:贯彻|落实|根据|按照|依据|依照|遵照|对照)[《“\"]?$")
#: A ranking or comparison around 全省/全市 (进入全省前列, 居全省首位, 高出全市4.2个百分点, 全省平均): the
#: anaphor names the yardstick the actor is measured against, not the actor.
_RANKED_IN = re.compile(r"(?:进入|位居|居|位列|跻身|排名|高于|低于|超过|高出|领先)$")
_RANK_AFTER = re.compile(r"前列|前茅|首位|之首|第[一二三四五六七八九十\d]|平均")
#: A metropolitan area named after its core city (深圳都市圈, 西安大都市圈): it holds the city it is named after.
_METROPOLITAN = re.compile(r"(?:都市圈|都市区|城市圈)$")
#: Verbs whose object is the means a place develops by (依托A等龙头企业, 引进B公司), not an actor.
_MEANS_VERB = re.compile(r"(?:依托|依靠|借助|引进|引入|吸引|招引|联合|携手)$")
#: Between a place and the zone set up there (在巴基斯坦|兴建|拉合尔工业园, 在…特别经济区|建立“|中国工业园).
_SET_UP_IN = re.compile(r"(?:投资)?(?:兴建|设立|建立|建设|创建|创办|开办)了?(?:名为)?[“\"「]?")
#: A place in brackets inside a zone's name: 中国（郑州）跨境电子商务综合试验区.
_BRACKETED_NAME_PLACE = re.compile(r"[（(]([^（）()]{2,8})[）)]")
#: What a place's full name adds to the short form a zone's name holds (河南 → 河南省).
_SCOPE_AFTER_SHORT = re.compile(r"省|市|区|县|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区")
#: Verbs whose object is a place the actor joins or works with, not the actor (融入|成渝地区双城经济圈, 联合|成都高新区).
_JOINED_BEFORE = re.compile(r"(?:融入|对接|接轨|联合|携手|联动|打造)$")
#: What draws a sector to the place named before it: 向临港|地区集聚, 向园区|布局.
_DRAWN = re.compile(r"[^，。；、]{0,3}?(?:集聚|聚集|布局|集中|转移|倾斜|落地|落户)")
#: A policy's name alone on a line: the title a heading line (中共中央国务院印发) announces.
_TITLE_LINE = re.compile(r"\s*《[^》\n]{2,60}》\s*(?:\n|$)")
#: Openers before a sentence's subject: 例如，/ 同时，/ 近年来，/ 2024年，
_LEAD_IN = re.compile(r"例如|比如|同时|此外|另外|其中|近年来|近期|目前|当前|去年以来|今年以来|\d{4}年|"
                      r"支持|鼓励|推动|引导|扶持|[，,、\s（(]")


#: How far a name's own words may run past it before 在 (发布公告称，|在): the longest statement word with
#: its mark (_SAYS: 发布公告称，), before any whitespace.
_SAYS_WORDS_REACH = 6
#: The longest adverb and 在 after a statement's whitespace (_ADVERB: 已经|在).
_ADVERB_IN_REACH = 3
#: The longest placing trigger between a name and its place (_placed_after: len(between) <= 12).
_TRIGGER_REACH = 12
_WHITESPACE = re.compile(r"\s*")


class _Neighbourhood:
    """A sentence's hosts (bodies, firms) and places indexed by where they start and end, so each host is
    weighed only against the places that may sit next to it (_located_in): a sentence naming a body
    thousands of times (江苏省发展和改革委员会、…) costs a look-up per name, not a pass over every place
    per name — nor, for a list a place gathers or a chain of places, per pair."""

    def __init__(self, text: str, hosts: list[Candidate], regions: list[Candidate]) -> None:
        self._text = text
        self._by_start = sorted(range(len(regions)), key=lambda i: regions[i].start)
        self._starts = [regions[i].start for i in self._by_start]
        self._ending: defaultdict[int, list[int]] = defaultdict(list)  # end -> the places ending there
        self._chained: defaultdict[int, list[int]] = defaultdict(list)  # start -> the outer places starting there
        for i, region in enumerate(regions):
            self._ending[region.end].append(i)
            if not region.nested:
                self._chained[region.start].append(i)
        self._hosts = sorted(hosts, key=lambda h: h.start)  # stable: as _hosts_listed sorts them
        self._host_starts = [h.start for h in self._hosts]
        self._list_from: list[int] = []  # k -> the first host of the unbroken list (A、B、C) ending at host k
        for k, (before, host) in enumerate(zip([None, *self._hosts], self._hosts)):
            joined = before is not None and re.fullmatch(r"[、和与及]", text[before.end:host.start])
            self._list_from.append(self._list_from[-1] if joined else k)
        gathering = sorted((region.end, i) for i, region in enumerate(regions) if self._gathers(region.end))
        self._gathering_ends = [end for end, _ in gathering]
        self._gathering = [i for _, i in gathering]

    def _gathers(self, end: int) -> bool:
        """Whether a place ending at ``end`` is followed by a verb of gathering right up to the next host."""
        first = bisect_left(self._host_starts, end)
        return first < len(self._hosts) and bool(_GATHERS.fullmatch(self._text, end, self._hosts[first].start))

    def hosts_listed(self, region: Candidate, host: Candidate) -> bool:
        """连云港市集聚了A、B等骨干企业: whether ``host`` is in the list of hosts the place gathers — the hosts
        from the place's end to ``host`` (sorted by start) follow a verb of gathering, joined by 、和与及."""
        first = bisect_left(self._host_starts, region.end)
        last = bisect_right(self._host_starts, host.start) - 1
        return (first <= last and bool(_GATHERS.fullmatch(self._text, region.end, self._hosts[first].start))
                and self._list_from[last] <= first)

    def near(self, host: Candidate) -> list[int]:
        """The places (indices, in their order) that may stand in a relation to ``host`` in _located_in:
        inside it, right before it (or before 的 or a space), gathering a list it ends, or starting within a
        placing verb's reach after it. Every other place yields nothing there."""
        found = set(self._starting(host.start, host.end))
        for end in (host.start, host.start - 1):
            found.update(self._ending.get(end, ()))
        last = bisect_right(self._host_starts, host.start) - 1
        if last >= 0:
            first = self._list_from[last]  # a gathering place ends after the host before the list, if any
            after = self._host_starts[first - 1] if first > 0 else -1
            found.update(self._gathering[bisect_right(self._gathering_ends, after):
                                         bisect_right(self._gathering_ends, host.start)])
        found.update(self._starting(host.end, self.placing_reach(host.end)))
        return sorted(found)

    def _starting(self, low: int, high: int) -> list[int]:
        """The places starting from ``low`` to ``high``, both included."""
        return self._by_start[bisect_left(self._starts, low):bisect_right(self._starts, high)]

    def placing_reach(self, end: int) -> int:
        """The furthest a place may start after a host ending at ``end`` and still be placed by the words
        between (_placed_after): a trigger's twelve characters, or a statement's words, the whitespace after
        them however long (公告称，  |拟在), an adverb and 在."""
        spaced = _WHITESPACE.match(self._text, min(end + _SAYS_WORDS_REACH, len(self._text))).end()
        return max(end + _TRIGGER_REACH, spaced + _ADVERB_IN_REACH)

    def chain(self, region: Candidate, regions: list[Candidate]) -> list[Candidate]:
        """青拓集团落户|宁德福安: ``region`` and the outer places that follow it right on, each the first in
        the sentence's order after the one before it that starts where that one ends."""
        chain, index = [region], -1
        while True:
            following = self._chained.get(chain[-1].end, [])
            at = bisect_right(following, index)
            if at == len(following):
                return chain
            index = following[at]
            chain.append(regions[index])


class _ByStart:
    """A sentence's candidates in its order (by start), with their places in it by type: what a policy title
    holds, what ends right before it and what follows it are a bisection away, not a pass over every
    candidate per title (a sentence may cite one policy thousands of times)."""

    def __init__(self, cands: list[Candidate]) -> None:
        self._cands = cands
        self._starts = [c.start for c in cands]
        self._of_type: dict[str, list[int]] = defaultdict(list)  # type -> the places of its candidates
        for index, cand in enumerate(cands):
            self._of_type[cand.type].append(index)

    def starting(self, low: int, high: int) -> list[Candidate]:
        """Those starting from ``low`` to ``high`` (both included), in order."""
        return self._cands[bisect_left(self._starts, low):bisect_right(self._starts, high)]

    def ending_by(self, start: int, types: tuple[str, ...]) -> Iterator[Candidate]:
        """Those of ``types`` ending at or before ``start`` (none starting there), the last in order first."""
        limit = bisect_left(self._starts, start)
        places = [self._of_type.get(kind, []) for kind in types]
        backwards = (map(found.__getitem__, range(bisect_left(found, limit) - 1, -1, -1)) for found in places)
        return (self._cands[index] for index in merge(*backwards, reverse=True) if self._cands[index].end <= start)


def _start(cand: Candidate) -> int:
    return cand.start


def _ending_by(cands: list[Candidate], end: int) -> Iterator[Candidate]:
    """Those of ``cands`` (by start) ending at or before ``end``, the last start first and those of one start in
    their order: what sorting them by descending start gives, a step back per name looked at instead of a
    pass over the sentence's names (a sentence may list thousands)."""
    high = bisect_right(cands, end, key=_start)
    while high > 0:
        low = bisect_left(cands, cands[high - 1].start, 0, high, key=_start)
        yield from (c for c in cands[low:high] if c.end <= end)
        high = low


def commentator_only(text: str, ends: Iterable[int]) -> bool:
    """Whether every mention of a firm (given by where each ends) opens a research desk
    (国金证券分析师郝征指出): a firm named only as its analysts' employer is in no sector they discuss."""
    ends = list(ends)
    return bool(ends) and all(ANALYST_DESK.match(text, end) for end in ends)


def clause_opening(text: str, offset: int) -> int:
    """Where the clause holding ``offset`` opens: after the last comma, stop, colon or line break before it."""
    return max(text.rfind(mark, 0, offset) for mark in "，,。；;：:\n") + 1


def self_reference_level(text: str) -> str | None:
    """The level a text names itself by most often (全市, 我市 → 市; 全省 → 省), None if it never does."""
    levels = Counter(word[-1] for word in _SELF_REFERENCE for _ in re.finditer(word, text))
    return levels.most_common(1)[0][0] if levels else None


class RelationFinder:
    def __init__(self, doc: Document, cands: list[Candidate], iri_of: dict[int, str], entities: list[Entity],
                 reference=None):
        self.doc = doc
        self.text = doc.text
        self.iri_of = iri_of
        self.entity_by_iri = {e.iri: e for e in entities}
        self.contains: Callable[[object, object], bool] | None = reference.contains if reference else None
        self._reference = reference
        self._sentence_iris: list[tuple[int, set]] | None = None
        self.found: dict[tuple[str, str, str], Relation] = {}
        #: per sentence, the region it is about when it names none at its start (for continuations)
        self._referent: dict[int, tuple[Candidate, float, str]] = {}
        self.by_sentence: dict[int, list[Candidate]] = defaultdict(list)
        starts = [(s.start, s.end, s.index) for s in doc.sentences]
        import bisect
        keys = [s for s, _, _ in starts]
        for cand in sorted(cands, key=lambda c: c.start):
            i = bisect.bisect_right(keys, cand.start) - 1
            self.by_sentence[starts[i][2] if i >= 0 else 0].append(cand)
        self.sentence_span = {idx: (s, e) for s, e, idx in starts}
        self.cands = sorted(cands, key=lambda c: c.start)
        self._starts = [c.start for c in self.cands]
        # what the anaphora and national-subject rules look up per sentence, found once (a look-up
        # walking every candidate per sentence is quadratic in a long document)
        places = [c for c in self.cands if c.type == "Region" and not c.nested]
        self._places = [c for c in places if c.name not in _COUNTRY_KEYS]
        self._place_starts = [c.start for c in self._places]
        self._places_by_level = {level: [c for c in places if c.name.endswith(level)] for level in "区市省县州"}
        self._country_cand = next((c for c in self.cands if c.type == "Region" and c.name in _COUNTRY_KEYS), None)
        self._topic = self._topic_sector()
        title_end = self._paragraph_end(0)
        if _TITLE_LINE.match(self.text, title_end + 1):  # 中共中央国务院印发 / 《粤港澳大湾区发展规划纲要》
            title_end = self._paragraph_end(title_end + 1)
        self._title_end = title_end
        self._title_place = any(c.type == "Region" and c.start < title_end and c.name not in _COUNTRY_KEYS
                                for c in self.cands)
        #: a document headed by a policy's title: its sentences are the policy's measures, each its own
        title_policies = [c for c in self.cands if c.type == "Policy" and c.start < title_end]
        if not title_policies:  # a title broken over lines (国务院关于印发⏎“十四五”…规划的通知) names none
            title_policies = self._transmitted()
        self._policy_document = bool(title_policies)
        #: the policy the document is (the plan a 印发 notice sends, named last in the title)
        self._title_policy = title_policies[-1] if title_policies else None
        #: a government work report speaks of its own place as 我市/全市/本市 throughout, and of what
        #: grew there sentence after sentence without naming it: its most-named place of the level it
        #: names itself by most often (全市, 我市 → its city), when that is the place it names most of
        #: all (a report whose city the recognisers miss names its neighbour 杭州 in passing)
        self._report = bool(WORK_REPORT_OPENING.search(self.text, 0, WORK_REPORT_REACH))
        self._report_level = self_reference_level(self.text) if self._report else None
        own = self._own_place(self._report_level) if self._report_level else None
        named = Counter(self.iri_of.get(id(c)) for c in self._places)
        self._report_place = own if own is not None and named[self.iri_of.get(id(own))] == max(named.values()) else None
        firm_ends: dict[str, list[int]] = defaultdict(list)
        for cand in self.cands:
            if cand.type == "Enterprise" and id(cand) in iri_of:
                firm_ends[iri_of[id(cand)]].append(cand.end)
        self._commentators = {iri for iri, ends in firm_ends.items() if commentator_only(self.text, ends)}
        self._duty_notes = [m.span() for m in DUTY_NOTE.finditer(self.text)]
        self._sectors: list[Candidate] | None = None
        #: zones placed in the region before them whose named place is placed there too (古田县|大甲镇工业集中区)
        self._named_in_chain: set[str | None] = set()

    def _transmitted(self) -> list[Candidate]:
        """The policies a transmittal in the document's first sentences sends (现将《…》印发给你们): the
        policy the document is, whatever its heading says."""
        head = self.doc.sentences[:_HEAD_SENTENCES]
        head_end = head[-1].end if head else 0
        return [c for c in self.cands if c.type == "Policy" and not c.nested and c.start < head_end
                and _TRANSMITTAL.match(self.text, c.end + 1)]

    def add(self, head: Candidate, relation: str, tail: Candidate, confidence: float, sentence: int,
            method: str) -> None:
        h, t = self.iri_of.get(id(head)), self.iri_of.get(id(tail))
        if not h or not t or h == t:
            return
        heads, tails = RELATION_SIGNATURES[relation]
        if head.type not in heads or tail.type not in tails:
            return
        if relation == "operates_in" and (h in self._commentators or (
                method not in _NAME_EVIDENCE and self._in_duty_note(head))):
            return
        key = (h, relation, t)
        old = self.found.get(key)
        if old is None or old.confidence < confidence:
            self.found[key] = Relation(h, relation, t, round(confidence, 2), sentence, method)

    def _in_duty_note(self, cand: Candidate) -> bool:
        """Whether the candidate stands in a note of the units charged with a measure (DUTY_NOTE)."""
        i = bisect_right(self._duty_notes, (cand.start, len(self.text)))
        return i > 0 and cand.end <= self._duty_notes[i - 1][1]

    def run(self) -> list[Relation]:
        for sentence, cands in self.by_sentence.items():
            self._policy_relations(sentence, cands)
            self._reported_targets(sentence, cands)
            self._scoped_places(sentence, cands)
            self._own_scope(sentence)
            self._adopting_session(sentence, cands)
            self._located_in(sentence, cands)
            self._operates_in(sentence, cands)
            self._sector_class_firms(sentence, cands)
            self._firms_listed_under_sector(sentence, cands)
            self._firm_anaphor(sentence, cands)
            self._focused_firms(sentence, cands)
            self._section_sector_firms(sentence, cands)
            self._exemplifying_firms(sentence, cands)
            self._develops(sentence, cands)
            self._sector_layout(sentence, cands)
            self._pilot_places(sentence, cands)
            self._zones_filed_under_sector(sentence, cands)
            self._structural_part_of(sentence, cands)
            self._union_members(sentence, cands)
            self._bracketed_places(sentence, cands)
            self._zone_seats(sentence, cands)
            self._zones_set_up_in(sentence, cands)
        self._hierarchy_part_of()
        self._zones_named_after_places()
        self._firms_named_for_sectors()
        self._report_firms()
        return sorted(self.found.values(), key=lambda r: (r.sentence, r.relation))

    # -- policies ------------------------------------------------------------------------------
    def _policy_relations(self, sentence: int, cands: list[Candidate]) -> None:
        policies = [c for c in cands if c.type == "Policy"]
        if not policies:
            return
        around = _ByStart(cands)
        for policy in policies:
            inside = [c for c in around.starting(policy.start, policy.end)
                      if c.type != "Policy" and c.end <= policy.end]
            title = self.text[policy.start:policy.end]
            issuer_part = _IN_TITLE_ISSUER.match(title)
            for c in inside:
                if c.type == "Organization" and (issuer_part and c.end <= policy.start + issuer_part.end()
                                                 or c.start == policy.start):
                    self.add(policy, "issued_by", c, 0.9, sentence, "issuer_in_title")
                elif c.type == "Region" and c.name not in _COUNTRY_KEYS and not c.nested:
                    self.add(policy, "applies_to", c, 0.85, sentence, "region_in_title")
                elif c.type == "Region" and c.nested and c.name not in _COUNTRY_KEYS:
                    self.add(policy, "applies_to", c, 0.7, sentence, "region_in_title_issuer")
                elif c.type == "Industry":
                    self.add(policy, "targets", c, 0.85, sentence, "industry_in_title")
            scopes = [c for c in inside if c.type == "Region" and c.name not in _COUNTRY_KEYS]
            places = {self.iri_of.get(id(c)) for c in scopes}
            for ind in (c for c in inside if c.type == "Industry") if len(places) == 1 else ():
                # 《湖南省低空经济…行动方案》: the place a sector's own policy is for develops it
                self.add(scopes[0], "develops", ind, 0.6, sentence, "policy_title_scope")
            self._issuers_before(policy, around.ending_by(policy.start, ("Organization",)), sentence)
            self._issuing_place(policy, around.ending_by(policy.start, ("Region", "Organization")), sentence)
            if _TRANSMITTAL.match(self.text, policy.end + 1):
                self._signatory(policy, sentence)
            for c in around.starting(policy.end, policy.end + _TARGET_REACH):
                if c.type == "Industry":
                    between = self.text[policy.end:c.start]
                    if ((TARGET_TRIGGERS.search(between) or TARGET_AFTER.match(self.text, c.end))
                            and not re.search(r"[。；]", between)):
                        if not any(o.type in ("Policy", "Organization")  # another policy or a body between owns it
                                   for o in around.starting(policy.end, c.start - 1)):
                            self.add(policy, "targets", c, 0.65, sentence, "policy_trigger_industry")

    def _scoped_places(self, sentence: int, cands: list[Candidate]) -> None:
        """支持重庆、四川、陕西发挥综合优势: a policy's measure singling out places applies the
        policy the document is to each of them — unless a place its title or its issuer names holds
        them (a province's plan supporting its own counties is still the province's; a grouping's
        plan, 中部地区, is for the provinces it names)."""
        policy = self._title_policy
        if policy is None:
            return
        scopes = [c.ref for c in self.cands if c.type == "Region" and c.start < policy.end  # 贵州省人民政府办公厅关于…
                  and c.ref is not None and c.ref.level != "grouping"]
        regions = [c for c in cands if c.type == "Region" and not c.nested and c.name not in _COUNTRY_KEYS]
        for first in regions:
            if self._list_start(first, regions) is not first or first.start < policy.end:
                continue
            members = [first]
            following = range(bisect_left(regions, first.end, key=_start), len(regions))
            for region in self._listed_after(first, map(regions.__getitem__, following)):
                if "与" in self.text[members[-1].end:region.start]:
                    break  # 支持实验区与长江经济带…开展合作: the places after 与 are its partners
                members.append(region)
            before = self.text[max(0, first.start - 2):first.start]
            setting_before, setting_after = SCOPED_SETTING
            if SCOPED_PLACES_BEFORE.search(before) or (
                    setting_before.search(before) and setting_after.match(self.text, members[-1].end)):
                for region in members:
                    if not self._held_by(scopes, region):
                        self.add(policy, "applies_to", region, 0.6, sentence, "scoped_places")

    def _own_scope(self, sentence: int) -> None:
        """结合我市实际，制定本方案: the policy the document is applies to the speaker's own place."""
        start, end = self.sentence_span.get(sentence, (0, 0))
        found = OWN_SCOPE_LINE.search(self.text, start, end)
        place = self._own_place(found.group(1)) if found and self._title_policy is not None else None
        if place is not None:
            self.add(self._title_policy, "applies_to", place, 0.6, sentence, "own_scope_line")

    def _adopting_session(self, sentence: int, cands: list[Candidate]) -> None:
        """XX条例⏎2020年11月28日河南省第十三届人民代表大会常务委员会第二十一次会议通过: the body whose
        session the line under the title says adopted the policy the document is issued it."""
        policy = self._title_policy
        start, end = self.sentence_span.get(sentence, (0, 0))
        if policy is None or not self._title_end < start <= self._title_end + 2:
            return  # only the line right under the title is its dateline
        for org in (c for c in cands if c.type == "Organization" and not c.nested):
            if _SESSION_ADOPTED.match(self.text, org.end, end):
                self.add(policy, "issued_by", org, 0.8, sentence, "adopting_session")

    def _held_by(self, containers: list, region: Candidate) -> bool:
        """Whether one of the places ``containers`` (references) holds ``region``."""
        return self.contains is not None and region.ref is not None and any(
            self.contains(container, region.ref) for container in containers)

    def _reported_targets(self, sentence: int, cands: list[Candidate]) -> None:
        """今年的政府工作报告指出，…。做大做强先进制造业…: a policy's statement goes on in the next sentence."""
        if any(c.type == "Policy" for c in cands):
            return
        previous = [c for c in self.by_sentence.get(sentence - 1, []) if c.type == "Policy"]
        if not previous:
            return
        policy = previous[-1]
        _, prev_end = self.sentence_span.get(sentence - 1, (0, 0))
        if not _STATEMENT.search(self.text, policy.end, min(prev_end, policy.end + 6)):
            return
        if any(c.type == "Industry" and c.start >= policy.end for c in self.by_sentence.get(sentence - 1, [])):
            return  # the statement already named its sectors
        for ind in (c for c in cands if c.type == "Industry"):
            if TARGET_TRIGGERS.search(self.text, max(0, ind.start - 8), ind.start):
                self.add(policy, "targets", ind, 0.5, sentence, "policy_statement_continued")

    def _signatory(self, policy: Candidate, sentence: int) -> None:
        """现将《…》印发给你们 … 上海市人民政府办公厅: the body signing the notice issued it."""
        for following in (sentence + 1, sentence + 2):
            cands = [c for c in self.by_sentence.get(following, []) if not c.nested]
            start, _ = self.sentence_span.get(following, (0, 0))
            if cands and cands[0].type == "Organization" and cands[0].start - start <= 2:
                self.add(policy, "issued_by", cands[0], 0.7, following, "signatory")
                return

    def _issuers_before(self, policy: Candidate, orgs: Iterator[Candidate], sentence: int) -> None:
        """国家发展改革委、国家能源局等部门前不久联合印发《…》; 国务院办公厅在《…》中. ``orgs``: the bodies
        ending before the title, the last first."""
        last = next(orgs, None)
        if last is None:
            return
        between = self.text[last.end:policy.start]
        if len(between) > 25 or re.search(r"[。；]", between):
            return
        if not (ISSUE_TRIGGERS.search(between) or re.fullmatch(r"\s*在\s*《?", between)):
            return
        chain = [last]
        for org in orgs:
            gap = self.text[org.end:chain[-1].start]
            if _COORDINATION.match(gap):
                chain.append(org)
            else:
                break
        for org in chain:
            self.add(policy, "issued_by", org, 0.8, sentence, "issue_trigger")

    def _issuing_place(self, policy: Candidate, before: Iterator[Candidate], sentence: int) -> None:
        """东莞出台“稳外贸30条”: a place that issues a policy (its government unnamed) is its scope. ``before``:
        the places and bodies ending before the title, the last first."""
        place = next(before, None)
        if place is None or place.type != "Region" or place.name in _COUNTRY_KEYS:
            return
        between = self.text[place.end:policy.start]
        if len(between) <= 8 and ISSUE_TRIGGERS.search(between) and not CLAUSE_BREAK.search(between):
            self.add(policy, "applies_to", place, 0.6, sentence, "issuing_place")

    # -- located_in ----------------------------------------------------------------------------
    def _located_in(self, sentence: int, cands: list[Candidate]) -> None:
        hosts = [c for c in cands if c.type in ("Organization", "Enterprise") and not c.nested]
        regions = [c for c in cands if c.type == "Region"]
        neighbourhood = _Neighbourhood(self.text, hosts, regions)
        for host in hosts:
            near = neighbourhood.near(host)
            prefix = self._prefix_place(host, [regions[i] for i in near])
            if prefix is not None:
                self.add(host, "located_in", prefix, 0.85, sentence, "region_prefix")
            own = _IN_OWN_PLACE.match(self.text, host.end)
            referent = self._own_place(own.group(1)) if own else None
            if referent is not None:
                self.add(host, "located_in", referent, 0.6, sentence, "in_own_place")
            for region in (regions[i] for i in near):
                if region.nested and host.start <= region.start and region.end <= host.end:
                    continue  # the places of the name itself: _prefix_place
                if (region.end <= host.start and self.text[region.end:host.start] in ("", " ", "的")
                        and not _EVENT_AFTER.match(self.text, host.end)):
                    # not 文山州与云南农业大学 (a partner) nor 日本、韩国行业协会 (a list of places)
                    self.add(host, "located_in", region, 0.7, sentence, "region_before_name")
                elif region.end <= host.start and neighbourhood.hosts_listed(region, host):
                    self.add(host, "located_in", region, 0.6, sentence, "region_gathers")
                elif region.start >= host.end:
                    self._placed_after(host, neighbourhood.chain(region, regions), sentence)
        self._gathered_firms(sentence, cands, hosts)
        self._firms_summed_up_by_place(cands, hosts, sentence)

    def _firms_summed_up_by_place(self, cands: list[Candidate], hosts: list[Candidate], sentence: int) -> None:
        """华为、中兴等深圳企业, 像迈瑞、先健科技、安科等发展强劲的“深圳军团”: the firms a list closed by a
        place's class noun sums up are that place's — each a whole item of the list (not 西门子 cut
        from 西门子迈迪特), whatever items the recognisers miss."""
        for region in (c for c in cands if c.type == "Region" and not c.nested):
            if not _PLACE_CLASS_AFTER.match(self.text, region.end):
                continue
            clause_start = clause_opening(self.text, region.start)
            closing = _LIST_CLOSED.search(self.text[clause_start:region.start])
            if closing is None:
                continue
            list_end = clause_start + closing.start()
            for firm in hosts:
                if (firm.type == "Enterprise" and clause_start <= firm.start and firm.end <= list_end
                        and (firm.end == list_end or self.text[firm.end] in _LIST_JOINTS)
                        and (self.text[firm.start - 1] in _LIST_JOINTS
                             or _LIST_LEAD.fullmatch(self.text, clause_start, firm.start))):
                    self.add(firm, "located_in", region, 0.6, sentence, "place_sums_up")

    def _placed_after(self, host: Candidate, chain: list[Candidate], sentence: int) -> None:
        """青拓集团落户|宁德福安, 海尔集团在|美国南卡罗来纳州卡姆登市（Camden）兴建了工业园: the firm is in
        the place a verb puts it (``chain[0]``), and in every place of the chain that narrows it down."""
        region = chain[0]
        chain_end = _ALIAS_AFTER.match(self.text, chain[-1].end).end()
        between = self.text[host.end:region.start]
        if _ATTRIBUTIVE_PLACE.search(between) and self.text.startswith("的", chain_end):
            return  # 郑州市人民政府…对|入驻实验区的|…公司给予支持: the verb places the noun after 的
        if len(between) <= 12 and LOCATED_TRIGGERS.search(between) and not CLAUSE_BREAK.search(between):
            confidence, method = 0.75, "located_trigger"
        elif re.fullmatch(_SAYS + _ADVERB + "在", between) and _SETS_UP_AFTER.match(self.text, chain_end):
            confidence, method = 0.6, "sets_up_in"
        elif re.fullmatch(_ADVERB + _SETTLES, between):
            confidence, method = 0.6, "settles_in"
        else:
            return
        for place in chain:
            self.add(host, "located_in", place, confidence, sentence, method)

    def _prefix_place(self, host: Candidate, regions: list[Candidate]) -> Candidate | None:
        """The place a name opens with, the innermost of a chain (佛山市禅城区政府 → 禅城区,
        深圳市慧康医疗器械有限公司 → 深圳市): the body or firm is where its name places it."""
        inside = [r for r in regions if r.nested and host.start <= r.start and r.end <= host.end]
        branch = _BRANCH_SUFFIX.search(self.text, host.start, host.end)
        seat = next((r for r in inside if branch and host.start < r.start and r.end == branch.start()), None)
        if seat is not None:  # 延安大学|铜川|校区, 中国出口信用保险公司|安徽|分公司: the branch's own place
            return seat
        place = max((r for r in inside if r.start == host.start), key=lambda r: r.end, default=None)
        while place is not None:
            following = max((r for r in inside if r.start == place.end), key=lambda r: r.end, default=None)
            if following is None or following.end >= host.end:
                return place
            place = following
        return None

    def _gathered_firms(self, sentence: int, cands: list[Candidate], hosts: list[Candidate]) -> None:
        """资阳高新技术产业园区……入驻有韩国现代、美国百威等企业; (目前，)已引进卡瓦集团、爱齐科技等企业
        in a paragraph opened by the park: the firms a place gathers are in it — the place the
        sentence opens with, or else the one that opens its paragraph."""
        firms = [h for h in hosts if h.type == "Enterprise"]
        start, _ = self.sentence_span.get(sentence, (0, 0))
        for index, first in enumerate(firms):
            verb = _GATHERS_FIRMS.search(self.text, max(start, first.start - 6), first.start)
            if verb is None or any(r.type == "Region" and verb.start() <= r.start < first.start for r in cands):
                continue
            place = self._subject_region(sentence) or self._paragraph_opener(start)
            if place is None:
                continue
            # 蕉城区三屿园区…成为吸引上汽集团落地的重要因素: the park named right after the place holds them too
            zone = next((c for c in cands if c.type == "Region" and c.start == place.end and not c.nested
                         and c.source.startswith("suffix:")), None)
            for firm in self._listed_from(first, firms[index + 1:]):
                for where in (place, zone) if zone is not None else (place,):
                    self.add(firm, "located_in", where, 0.55, sentence, "place_gathers")

    def _paragraph_opener(self, offset: int) -> Candidate | None:
        """The place a paragraph opens with (资阳高新技术产业园区地处……): what its sentences speak of."""
        paragraph = self._paragraph_start(offset)
        i = bisect_left(self._starts, paragraph)
        first = self.cands[i] if i < len(self.cands) else None
        if first is None or first.type != "Region" or first.start >= offset or first.start - paragraph > 2:
            return None
        return first

    # -- operates_in ---------------------------------------------------------------------------
    def _operates_in(self, sentence: int, cands: list[Candidate]) -> None:
        firms = [c for c in cands if c.type == "Enterprise"]
        industries = [c for c in cands if c.type == "Industry"]
        parts = self._core_parts(sentence, industries)
        for index, firm in enumerate(firms):
            # firms listed together (云南白药、同仁堂等企业布局…) share what follows the list
            group = [firm]
            for following in firms[index + 1:]:
                if not re.fullmatch(r"[、和与及]", self.text[group[-1].end:following.start]):
                    break
                group.append(following)
            last = group[-1]
            for ind in industries:
                if ind.start < last.end or id(ind) in parts:
                    continue
                between = self.text[last.end:ind.start]
                if len(between) <= 1:
                    confidence, method = 0.75, "industry_after_firm"
                elif self.text[firm.start - 1:firm.start] == "以" and _HEADS_CLUSTER.fullmatch(between):
                    confidence, method = 0.6, "firm_heads_cluster"  # 以宁德时代为龙头的锂电池产业集群
                elif len(between) <= 15 and not CLAUSE_BREAK.search(between) and not _ADOPT_VERB.search(
                        between) and (OPERATE_TRIGGERS.search(between) or _TRIGGER_AFTER.match(self.text, ind.end)) and not any(
                        f.start > last.end and f.end <= ind.start for f in firms) and not any(
                        other.start == ind.end for other in industries):
                    # (a sector word glued to the next one only qualifies it: 打造了|互联网大数据|应用)
                    confidence, method = 0.6, "operate_trigger"
                else:
                    continue
                for member in group:
                    self.add(member, "operates_in", ind, confidence, sentence, method)
        subject = self._subject(sentence, "Enterprise") or self._supported_firm(firms)
        if subject is not None:  # 宁德时代在德国建厂，动力电池装机量连续多年全球第一
            group = [subject]
            for following in firms:
                if following.start > group[-1].end and re.fullmatch(r"[、和与及]", self.text[group[-1].end:following.start]):
                    group.append(following)
            last = group[-1]
            for ind in industries:
                if ind.start <= last.end:
                    continue
                others = any(c.type in ("Region", "Enterprise", "Organization") and not c.nested
                             and last.end <= c.start < ind.start and not self._firm_seat(c) for c in cands)
                if _FIRM_FIGURES.search(self.text, ind.end, ind.end + 6):
                    confidence = 0.55
                elif not others and self._governed(ind, industries, _OPERATE_VERB):
                    confidence = 0.55  # 支持A、B等企业开展…，发展中成药、中药配方颗粒
                elif not others and _PROJECT_AFTER.match(self.text, ind.end) and _BUILDS.search(
                        self.text, last.end, ind.start) and not CLAUSE_BREAK.search(self.text, last.end, ind.start):
                    confidence = 0.55  # 比亚迪公司在我市兴建…汽车零部件项目
                else:
                    continue
                for member in group:
                    self.add(member, "operates_in", ind, confidence, sentence, "firm_subject")
        self._firm_introduced_as(sentence, firms, industries)
        self._firm_classed_as(sentence, firms, industries)
        self._firms_named_by_product(sentence, firms, industries)
        self._firms_output(sentence, firms, industries)
        setting = _FIRM_SETTING.match(self.text, self.sentence_span.get(sentence, (0, 0))[0])
        firm_at = next((f for f in firms if setting and f.start < setting.end() <= f.end + 14
                        or _WORKS_AFTER_FIRM.match(self.text, f.end)), None)
        if firm_at is not None and len(firms) == 1:  # 在X公司动力电池生产车间，…锂电池的生产效率
            for ind in industries:
                self.add(firm_at, "operates_in", ind, 0.5, sentence, "firm_setting")

    def _firm_introduced_as(self, sentence: int, firms: list[Candidate], industries: list[Candidate]) -> None:
        """作为一家跨境电商企业…，宏远集团…: the firm a clause introduces as one of a sector's firms — the
        clause right before the firm's, whatever opens the sentence (6月7日晚间，|作为全球最大水泥企业，|天山股份)."""
        for firm in firms:
            frame_end = len(self.text[:firm.start].rstrip())
            if firm.nested or frame_end == 0 or self.text[frame_end - 1] not in "，,":
                continue
            frame = _INTRODUCED_AS.fullmatch(self.text, clause_opening(self.text, frame_end - 1), firm.start)
            if frame is None:
                continue
            for ind in industries:
                if frame.start(1) <= ind.start and ind.end <= frame.end(1):
                    self.add(firm, "operates_in", ind, 0.6, sentence, "firm_introduced_as")

    def _firm_classed_as(self, sentence: int, firms: list[Candidate], industries: list[Candidate]) -> None:
        """宁德时代作为全球动力电池龙头企业, 安得智联（即安得物流）是美的集团…发展起来的物流公司: the firm
        whose own clause names it one of a sector's firms works in that sector — the one the class noun
        follows (物流|公司), not another the clause names on the way (美的集团|家电|业务)."""
        for firm in firms:
            clause = _CLASSED_AS.match(self.text, firm.end)
            if firm.nested or clause is None:
                continue
            for ind in industries:
                cls = _SECTOR_CLASS.match(self.text, ind.end, clause.end()) \
                    if clause.start() < ind.start and ind.end < clause.end() and not self._inside_name(ind) else None
                if cls is not None and _CLASS_CLOSES.fullmatch(self.text, cls.end(), clause.end()):
                    self.add(firm, "operates_in", ind, 0.6, sentence, "firm_classed_as")

    def _firms_output(self, sentence: int, firms: list[Candidate], industries: list[Candidate]) -> None:
        """凤凰日产4500吨水泥熟料生产线: a project named by its firm, its line and its output; the firm
        makes what the line puts out, a sector the document names (水泥产业) though the product's
        name goes on (水泥|熟料)."""
        for firm in firms:
            output = PROJECT_OUTPUT.match(self.text, firm.end)
            if output is None:
                continue
            sectors = [ind for ind in industries if ind.start == output.end()] or [
                ind for ind in self._sectors_by_length() if self.text.startswith(ind.name, output.end())][:1]
            for ind in sectors:
                self.add(firm, "operates_in", ind, 0.6, sentence, "firm_output")

    def _sectors_by_length(self) -> list[Candidate]:
        """The document's sectors, one mention each, the longest name first."""
        if self._sectors is None:
            first = {}
            for cand in self.cands:
                if cand.type == "Industry" and not cand.nested:
                    first.setdefault(cand.name, cand)
            self._sectors = sorted(first.values(), key=lambda c: -len(c.name))
        return self._sectors

    def _firms_named_by_product(self, sentence: int, firms: list[Candidate], industries: list[Candidate]) -> None:
        """研发诊断试剂的苏州艾杰和北京勤邦: the firms a relative clause names by what they make. Weak
        evidence (0.55): it relates them without framing the industry as a sector on its own."""
        for ind in industries:
            if not _MAKER_OF.search(self.text, max(0, ind.start - 3), ind.start):
                continue
            firm = next((f for f in firms if f.start >= ind.end and not f.nested), None)
            if firm is not None and _MAKER_TAIL.fullmatch(self.text, ind.end, firm.start):
                for member in self._listed_from(firm, firms):
                    self.add(member, "operates_in", ind, 0.55, sentence, "named_by_product")

    def _core_parts(self, sentence: int, industries: list[Candidate]) -> set[int]:
        """The sectors named as a sector's core parts (以电机、电控和压缩机为核心的|汽车零部件): the firm
        works in the sector after the frame (core_frame), not in each part."""
        start, end = self.sentence_span.get(sentence, (0, len(self.text)))
        parts: set[int] = set()
        for frame in _CORE_FRAME.finditer(self.text, start, end):
            if any(c.start == frame.end() for c in industries):
                parts |= {id(c) for c in industries if frame.start(1) <= c.start and c.end <= frame.end(1)}
        return parts

    def _supported_firm(self, firms: list[Candidate]) -> Candidate | None:
        """…，支持A、B等企业开展…，发展X: the firms a clause opens by supporting act in what follows."""
        for firm in firms:
            if not firm.nested and _SUPPORTED_CLAUSE.search(self.text, max(0, firm.start - 6), firm.start):
                return firm
        return None

    def _firm_seat(self, region: Candidate) -> bool:
        """瑞驰总部位于|南昌市，专注于…: a place named as the firm's seat is no new actor."""
        return region.type == "Region" and bool(_SEAT_BEFORE.search(self.text, max(0, region.start - 4), region.start))

    def _listed_from(self, first: Candidate, firms: list[Candidate]) -> list[Candidate]:
        """The firms listed together starting at ``first`` (A、B和C, A、B以及C)."""
        group = [first]
        for following in firms:
            if following.start > group[-1].end and _QUOTED_JOINT.fullmatch(self.text[group[-1].end:following.start]):
                group.append(following)
        return group

    def _sector_class_firms(self, sentence: int, cands: list[Candidate]) -> None:
        """无人机整机企业峰羽智能; 全州现有三七加工企业120余家，其中A、B等企业; 芯片生产则主要包括A、B:
        the firms named as members of a sector's firms operate in it."""
        firms = [c for c in cands if c.type == "Enterprise" and not c.nested]
        industries = [c for c in cands if c.type == "Industry"]
        for ind in industries:
            following = [f for f in firms if f.start >= ind.end]
            if not following:
                continue
            cls = _SECTOR_CLASS.match(self.text, ind.end, following[0].start)
            gap = self.text[cls.end() if cls else ind.end:following[0].start]
            if cls and (gap == "" or _CLASS_THEN_MEMBERS.fullmatch(gap)) or _SECTOR_HEADS_LIST.fullmatch(
                    self.text, ind.end, following[0].start) and not any(
                    ind.end <= c.start < following[0].start for c in industries):
                for firm in self._listed_from(following[0], firms):
                    self.add(firm, "operates_in", ind, 0.6, sentence, "sector_firm_class")

    def _firms_listed_under_sector(self, sentence: int, cands: list[Candidate]) -> None:
        """太阳能“家电下乡”中标结果中，云南省共有“太标”、“一通”、“顶好”等13家企业上榜: a list of firms
        closed by their class noun in a sentence about one sector (the only one it names before the
        list, outside other names) names that sector's firms — unless the sector is the class of a firm
        named before the list (无人机整机企业峰羽智能…与A、B等企业组建联合体: A and B are its partners)."""
        firms = [c for c in cands if c.type == "Enterprise" and not c.nested]
        for index, firm in enumerate(firms):
            if index and _QUOTED_JOINT.fullmatch(self.text[firms[index - 1].end:firm.start]):
                continue  # not a list's first member
            members = self._listed_from(firm, firms)
            if len(members) < 2 or not _FIRMS_LIST_CLOSED.match(self.text, members[-1].end):
                continue
            sectors = {self.iri_of.get(id(c)): c for c in cands  # each sector at its last mention before the list
                       if c.type == "Industry" and c.end <= firm.start and not self._inside_name(c)}
            if len(sectors) != 1:
                continue
            sector = next(iter(sectors.values()))
            if not any(_SECTOR_CLASS.fullmatch(self.text, sector.end, other.start) for other in firms[:index]):
                for member in members:
                    self.add(member, "operates_in", sector, 0.5, sentence, "sector_firm_list")

    def _firm_anaphor(self, sentence: int, cands: list[Candidate]) -> None:
        """这家成立仅五年的企业专注于飞控系统: the firm the previous sentence named does it."""
        start, _ = self.sentence_span.get(sentence, (0, 0))
        anaphor = _FIRM_ANAPHOR.match(self.text, start)
        if anaphor is None:
            return
        previous = [c for c in self.by_sentence.get(sentence - 1, []) if c.type == "Enterprise" and not c.nested]
        if len({self.iri_of.get(id(c)) for c in previous}) != 1:
            return  # only an unambiguous antecedent
        industries = [c for c in cands if c.type == "Industry"]
        for ind in industries:
            if not any(c.type in ("Region", "Enterprise", "Organization") and not c.nested
                       and anaphor.end() <= c.start < ind.start for c in cands) \
                    and self._governed(ind, industries, _OPERATE_VERB):
                self.add(previous[0], "operates_in", ind, 0.55, sentence, "firm_anaphor")

    def _focused_firms(self, sentence: int, cands: list[Candidate]) -> None:
        """以新能源汽车为重点的上汽集团宁德基地: the firm right after the frame works in its sectors."""
        start, end = self.sentence_span.get(sentence, (0, len(self.text)))
        for frame in _FOCUS_FRAME.finditer(self.text, start, end):
            firm = next((c for c in cands if c.type == "Enterprise" and not c.nested and c.start >= frame.end()), None)
            if firm is None or firm.start > frame.end():
                continue
            for sector in cands:
                if sector.type == "Industry" and frame.start(1) <= sector.start and sector.end <= frame.end(1):
                    self.add(firm, "operates_in", sector, 0.6, sentence, "focus_frame")
        for frame in _CORE_FRAME.finditer(self.text, start, end):
            sector = next((c for c in cands if c.type == "Industry" and not c.nested and c.start >= frame.end()), None)
            firm = next((c for c in reversed(cands) if c.type == "Enterprise" and not c.nested and c.end <= frame.start()),
                        None)
            if sector is None or firm is None or sector.start > frame.end() \
                    or CLAUSE_BREAK.search(self.text, firm.end, frame.start()) \
                    or not _OPERATE_VERB.search(self.text, firm.end, frame.start()):
                continue
            self.add(firm, "operates_in", sector, 0.6, sentence, "core_frame")

    def _exemplifying_firms(self, sentence: int, cands: list[Candidate]) -> None:
        """有的超硬材料企业明显承压。以黄河旋风为例，…; 东莞外资企业内销额累计突破1.8万亿元。以博力威公司为例:
        the firm a sentence opens by taking as its example is one of the firms the sentence before speaks
        of — of the sector (超硬材料|企业) or the place (东莞|外资企业) their class noun names."""
        start, _ = self.sentence_span.get(sentence, (0, 0))
        example = _EXAMPLE_OPENING.match(self.text, start)
        if example is None:
            return
        firm = next((c for c in cands if c.type == "Enterprise" and not c.nested and c.start == example.end()), None)
        if firm is None or not self.text.startswith(_EXAMPLE_CLOSE, firm.end):
            return
        before_start, before_end = self.sentence_span.get(sentence - 1, (start, start))
        claimed: list[tuple[int, int]] = []  # a longer sector's words are not a shorter one's (超硬材料, not 材料)
        for sector in self._sectors_by_length():  # by the text: the recognisers may miss it there (有的|超硬材料|企业)
            at = self.text.find(sector.name, before_start, before_end)
            end = at + len(sector.name)
            if at >= 0 and _SECTOR_CLASS.match(self.text, end) and not any(a <= at and end <= b for a, b in claimed):
                claimed.append((at, end))
                self.add(firm, "operates_in", sector, 0.55, sentence, "example_of_class")
        for place in self.by_sentence.get(sentence - 1, []):
            if place.type == "Region" and not place.nested and _PLACE_FIRMS_AFTER.match(self.text, place.end):
                self.add(firm, "located_in", place, 0.55, sentence, "example_of_class")

    def _section_sector_firms(self, sentence: int, cands: list[Candidate]) -> None:
        """（二）培育具身智能产业。…支持A公司牵头组建产业联盟: a firm a policy section names is in
        the one sector its numbered heading names."""
        firms = [c for c in cands if c.type == "Enterprise" and not c.nested]
        if not firms or any(c.type == "Industry" and c.start > firms[0].start for c in cands):
            return  # the sentence names the firms' own sectors
        for back in range(sentence - 1, max(-1, sentence - 4), -1):
            head_start, _ = self.sentence_span.get(back, (0, 0))
            if _HEADING.match(self.text, head_start):
                sectors = {self.iri_of.get(id(c)): c for c in self.by_sentence.get(back, []) if c.type == "Industry"}
                if len(sectors) == 1:
                    for firm in firms:
                        self.add(firm, "operates_in", next(iter(sectors.values())), 0.5, sentence, "section_sector")
                return

    # -- develops ------------------------------------------------------------------------------
    def _develops(self, sentence: int, cands: list[Candidate]) -> None:
        start, end = self.sentence_span.get(sentence, (0, len(self.text)))
        means_frames = [m.span() for m in _MEANS_FRAME.finditer(self.text, start, end)]
        # the places the actor joins or works with (积极融入成渝地区双城经济圈建设，联合成都高新区…) are not
        # the actor: the sentence's sectors are its referent's (the zone the sentences before are about)
        carried_out = Covers((c.start, c.end) for c in cands if c.type == "Policy"
                             and _CARRIED_OUT.search(self.text, max(start, c.start - 4), c.start))
        regions = [c for c in cands if c.type == "Region" and not c.nested and not carried_out.holds(c.start, c.end)
                   and not _JOINED_BEFORE.search(self.text, max(start, c.start - 3), c.start)]
        # a layout frame placing no place (园区以“三星湖”为核心，…重点发展X) leaves the actor as it is
        frames = [(m.start(), m.end(), [r for r in regions if m.start(1) <= r.start and r.end <= m.end(1)])
                  for m in _LAYOUT_FRAME.finditer(self.text, start, end)]
        frames = [frame for frame in frames if frame[2]]
        frame_ends = [frame_end for _, frame_end, _ in frames]
        industries = self._outside_policies(cands)
        subject = self._subject_region(sentence)
        if subject is not None and not self._heads_list(subject, regions):
            self._referent[sentence] = (subject, 0.55, "previous_subject")
        fallback = self._referents(sentence, cands, regions)
        locations = self._subject_locations(regions) if subject is not None else set()
        partners = self._trade_partners(regions)
        # asked per sector, the same for all: whether the sentence develops, where its first actor ends
        develops = DEVELOP_TRIGGERS.search(self.text, start, end) is not None
        first_actor_end = min((c.end for c in cands if c.type in ("Enterprise", "Organization", "Policy")
                               and not c.nested), default=None)
        for ind in industries:
            # a verb before a list of sectors speaks of each member (发展…软件服务、科技咨询、…、工业设计)
            lead = self._list_head(ind, industries)
            window = self.text[max(start, lead.start - 30):min(end, ind.end + 8)]
            frame_end = max((e for e in frame_ends if e <= ind.start), default=start)
            if frame_end > start:  # after a layout frame only a place named after it is the actor
                before = [r for r in regions if frame_end <= r.start and r.end <= ind.start]
                if not before:
                    self._frame_cluster(ind, frames, end, sentence, industries)
                    continue
            else:
                before = [r for r in regions if r.end <= ind.start and id(r) not in locations
                          and not (self.text[r.start - 1:r.start] == "在" and _VENUE_EVENT.match(self.text, r.end))]
            relied_on = [r for r in before if any(
                f_start <= r.start and r.end <= f_end and CLAUSE_BREAK.search(self.text, f_end, ind.start)
                for f_start, f_end in means_frames)]
            if relied_on:  # 依托A、B等园区的集聚优势，…发展X: the places a plan relies on are its means
                before = [r for r in before if r not in relied_on]
                if not before:
                    continue
            if partners and any(id(r) in partners for r in before):  # 对美国、日本出口X: partners, not makers
                before = [r for r in before if id(r) not in partners]
                if not before:
                    continue
            after = next((r for r in regions if r.start >= ind.end), None)
            scope = _SCOPE_BEFORE.search(self.text, max(start, ind.start - 2), ind.start)
            if scope is not None:  # 全省人参产业产值…: the province meant develops it, whoever speaks
                referent = self._place_referred_to(scope.group(), ind.start)
                if referent is not None:
                    self.add(referent, "develops", ind, 0.6, sentence, "scope_anaphor")
                    continue
            if not before and after is not None and _AT_PLACE.fullmatch(self.text, ind.end, after.start):
                self.add(after, "develops", ind, 0.55, sentence, "industry_at_region")  # 中药材产业在岷县…
                continue
            drawn = self._drawn_to(ind, regions)
            if drawn is not None:  # …等重大项目优先向临港地区集聚: the place the sector is drawn to develops it
                self.add(drawn, "develops", ind, 0.55, sentence, "drawn_to_region")
                continue
            if not before:  # the sentence's referent (该区, 全国, the previous subject) develops it
                actors = ((first_actor_end is not None and first_actor_end <= ind.start)
                          or _FIRMS_BY_CLASS.search(self.text, start, ind.start))
                if not actors and develops:
                    governed = None
                    for region, confidence, method in fallback:
                        # weak evidence: only the object of a developing verb (or, for the country, a figure line)
                        if method == "paragraph_topic" or (
                                method == "national_figure" and not _STATED_FIGURE.search(self.text, start, end)):
                            governed = self._governed(ind, industries) if governed is None else governed
                            if not governed:
                                continue
                        self.add(region, "develops", ind, confidence, sentence, method)
                continue
            if _RESOURCE_VERB.search(self.text, max(start, ind.start - 2), ind.start):
                continue  # 利用煤化工副产氢: a resource the place uses, not what it develops
            if _DEMAND_AFTER.match(self.text, ind.end):
                continue  # 我国天然气缺口: a market the place is, not what it develops
            nearest = before[-1]
            group = self._place_list(before)
            between = self.text[nearest.end:ind.start]
            # a list the place's own clause opens reaches its last member (与临港地区…相适应的软件服务、…、教育培训)
            to_list = self.text[nearest.end:max(nearest.end, lead.start)]
            near = len(between) <= 30 or len(to_list) <= 30 and not CLAUSE_BREAK.search(to_list)
            blocked = any(c.type in ("Enterprise", "Organization", "Policy") and nearest.end <= c.start < ind.start
                          and not self._object_of_means(c, cands) for c in cands)
            if nearest.name in _COUNTRY_KEYS and subject is not None and subject is not nearest \
                    and re.search(r"(?:是|为|成为|作为)$", self.text[max(start, nearest.start - 3):nearest.start]):
                group = [subject]  # 长三角是我国中医药…集聚区: the subject develops it, not the country
                confidence, method = 0.6, "sentence_subject"
            elif len(between) <= 1 or between == "的" or _SUMMED_PLACES.fullmatch(between):
                confidence, method = 0.75, "region_industry_adjacent"  # …or 四川、贵州、云南等地|中药材
            elif (near and not re.search(r"[。；]", between) and not blocked
                  and not self._inside_means(ind, means_frames) and (
                    DEVELOP_TRIGGERS.search(window) or DEVELOP_TRIGGERS.search(self._after_list(ind, industries, end)))):
                confidence, method = 0.6, "develop_trigger"
            elif subject is not None and subject in group and not blocked and (
                    DEVELOP_TRIGGERS.search(window) or DEVELOP_TRIGGERS.search(self._clause(ind, start, end))):
                confidence, method = 0.55, "sentence_subject"
            else:
                continue
            for region in group:
                self.add(region, "develops", ind, confidence, sentence, method)

    def _sector_layout(self, sentence: int, cands: list[Candidate]) -> None:
        """我国智能传感器市场空间广阔，…已初步形成了长三角、珠三角、京津冀…集聚发展的产业空间格局: each
        place the layout clause names develops the sector it lays out — one named in the clause after
        the places, else the sector the sentence opens with (before the clause)."""
        start, end = self.sentence_span.get(sentence, (0, len(self.text)))
        industries = self._outside_policies(cands)
        for layout in _SECTOR_LAYOUT.finditer(self.text, start, end):
            inside = layout.start(1), layout.end(1)
            places = [c for c in cands if c.type == "Region" and not c.nested
                      and inside[0] <= c.start and c.end <= inside[1] and c.name not in _COUNTRY_KEYS]
            if not places:
                continue
            after = [c for c in industries if places[-1].end <= c.start and c.end <= inside[1]]
            before = [c for c in industries if c.end <= layout.start()]
            sectors = after or before[:1]
            for place in places:
                for sector in sectors:
                    self.add(place, "develops", sector, 0.6, sentence, "sector_layout")

    def _pilot_places(self, sentence: int, cands: list[Candidate]) -> None:
        """推进上海、北京-河北、重庆、…和长沙等区域性示范应用: the places a measure lists as pilots or
        demonstration sites develop the sector the document is about, in a sentence naming no other sector
        (one that does, …先行先试，…扩大绿色智能船舶增量, is left to the rules that read it). Not waterways
        (实现在长江、西江…等有代表性地区的示范应用): where a ship is shown at work, not who builds it."""
        topic = self._topic
        if topic is None or any(self.iri_of.get(id(c)) != self.iri_of.get(id(topic))
                                for c in self._outside_policies(cands)):
            return
        places = [c for c in cands if c.type == "Region" and not c.nested and c.name not in _COUNTRY_KEYS
                  and not (c.ref is not None and c.ref.level == "river")]
        run: list[Candidate] = []
        for region in places:  # a waterway between two places breaks their run: the gap holds its name
            if run and not _PLACE_JOINT.fullmatch(self.text, run[-1].end, region.start):
                run = []
            run.append(region)
            if len(run) >= 2 and _PILOT_AFTER.match(self.text, region.end):
                for place in run:
                    self.add(place, "develops", topic, 0.55, sentence, "pilot_places")

    def _topic_sector(self) -> Candidate | None:
        """A mention of the sector the document names far more than any other (车联网 28 times, the next 20):
        what a plan or report on one sector is about. None when no sector leads so."""
        counts = Counter(self.iri_of.get(id(c)) for c in self.cands if c.type == "Industry")
        counts.pop(None, None)
        ranked = counts.most_common(2)
        if not ranked or ranked[0][1] < _TOPIC_MENTIONS or (
                len(ranked) > 1 and ranked[0][1] < _TOPIC_LEAD * ranked[1][1]):
            return None
        return next(c for c in self.cands if self.iri_of.get(id(c)) == ranked[0][0])

    def _zones_filed_under_sector(self, sentence: int, cands: list[Candidate]) -> None:
        """制造业海外园区，如白俄罗斯明斯克中白工业园和印度（浦那）中国三一重工产业园: the zones a text files under
        a sector (a class of zones named by it, then 如/有/包括 and the zones) develop it."""
        for ind in (c for c in cands if c.type == "Industry"):
            filed = _ZONES_OF_SECTOR.match(self.text, ind.end)
            if filed is None:
                continue
            closed = CLAUSE_BREAK.search(self.text, filed.end())
            end = closed.start() if closed else len(self.text)
            for zone in cands:
                if (zone.type == "Region" and not zone.nested and zone.ref is None and zone.source.startswith("suffix:")
                        and filed.end() <= zone.start < end):
                    self.add(zone, "develops", ind, 0.6, sentence, "zones_of_sector")

    def _frame_cluster(self, ind: Candidate, frames: list[tuple[int, int, list[Candidate]]], end: int,
                       sentence: int, industries: list[Candidate]) -> None:
        """以珠海、佛山为龙头建设珠江西岸先进装备制造产业带; 以崂山区、城阳区为核心区域，以…为支撑，…推动智能
        传感器产业集聚: the places of the layout frames before a sector whose clause builds a cluster of it
        develop it (a frame that only points at directions, 聚焦A、B等方向, relates none)."""
        closed = CLAUSE_BREAK.search(self.text, ind.end, end)
        if not _CLUSTER.search(self.text, ind.start, closed.start() if closed else end):  # (装备制造产业|带)
            return
        # a short form the recognisers expand (锂电产业集群 → 锂电池) may mean a wider sector of the
        # document's (锂电新能源): a cluster is related only by a sector named in full
        written = _SECTOR_WORD.sub("", self.text[ind.start:ind.end])
        if written != ind.name and ind.name.startswith(written):
            return
        # the frames chained up to the sector's clause (以A为核心区域，以B为支撑，…), not one with a clause of its own
        chained: list[tuple[int, int, list[Candidate]]] = []
        for frame in reversed([f for f in frames if f[1] <= ind.start]):
            if chained and not _FRAME_JOINT.fullmatch(self.text, frame[1], chained[-1][0]):
                break
            chained.append(frame)
        # the class a list of sectors is summed up by (电子信息等世界级先进制造业产业集群) is not built itself
        if any(chained[0][1] <= c.start and c.end <= ind.start and "等" in self.text[c.end:ind.start]
               for c in industries):
            return
        for _, _, placed in chained:
            for place in placed:
                self.add(place, "develops", ind, 0.6, sentence, "layout_cluster")

    @staticmethod
    def _inside_means(ind: Candidate, means_frames: list[tuple[int, int]]) -> bool:
        """发挥A、B等园区的集成电路和声学光电产业集聚优势: a sector inside the means a plan relies on is
        a base the places listed share, not one each develops (only a place naming it right before does)."""
        return any(f_start <= ind.start and ind.end <= f_end for f_start, f_end in means_frames)

    def _drawn_to(self, ind: Candidate, regions: list[Candidate]) -> Candidate | None:
        """推动A、B等产业项目向临港地区集聚; 本市承接的…重大工程，优先向临港地区布局: the place the
        sentence draws the sector to, not the speaker's place nor the sentence's subject."""
        for region in regions:
            if region.start >= ind.end and self.text[region.start - 1] == "向" \
                    and _DRAWN.match(self.text, region.end) and not re.search(r"[。；;]", self.text[ind.end:region.start]):
                return region
        return None

    def _clause(self, cand: Candidate, start: int, end: int) -> str:
        """The clause of the sentence ``start``–``end`` a name stands in: a list of sectors is one
        clause, however long (已形成以A、B、…、F以及G为主的产业体系)."""
        opened = max(self.text.rfind(mark, start, cand.start) for mark in "，,；;：:")
        closed = CLAUSE_BREAK.search(self.text, cand.end, end)
        return self.text[max(start, opened + 1):closed.start() if closed else end]

    def _heads_list(self, region: Candidate, regions: list[Candidate]) -> bool:
        """依托香港、澳门、广州、深圳等中心城市…: a place opening a list of places shares the sentence
        with them; it is not the one place the sentences after it go on about."""
        following = next((r for r in regions if r.start >= region.end), None)
        return following is not None and LIST_JOINT.fullmatch(self.text, region.end, following.start) is not None

    def _trade_partners(self, regions: list[Candidate]) -> set[int]:
        """The regions (ids) a trade frame names (对美国、日本等国出口…, 从德国进口…, 巩固对新加坡、越南
        等国…服务外包规模): the trade's partners develop nothing the clause names."""
        partners: set[int] = set()
        for index, first in enumerate(regions):
            if not TRADE_PARTNER_BEFORE.search(self.text, max(0, first.start - 1), first.start):
                continue
            members = [first, *self._listed_after(first, regions[index + 1:])]
            clause_end = CLAUSE_BREAK.search(self.text, members[-1].end)
            if TRADE_WORDS.search(self.text, members[-1].end, clause_end.start() if clause_end else len(self.text)):
                partners.update(id(member) for member in members)
        return partners

    def _subject_locations(self, regions: list[Candidate]) -> set[int]:
        """The regions (ids) that say where the sentence's subject lies (乐山高新区位于|四川省乐山市，…
        形成以电子信息…为主导): the places of the clause a seat word (位于, 地处, 落户 …) opens
        (地处|长江经济带上游、成渝经济区南部核心区，), which develop nothing the subject does."""
        located: set[int] = set()
        clause_end = -1
        for region in regions:
            if _SEAT_BEFORE.search(self.text, max(0, region.start - 3), region.start):
                found = CLAUSE_BREAK.search(self.text, region.end)
                clause_end = found.start() if found else len(self.text)
            if region.start < clause_end:
                located.add(id(region))
        return located

    def _object_of_means(self, cand: Candidate, cands: list[Candidate]) -> bool:
        """吉林应依托A、B等龙头企业，加快…: a firm or body the place relies on or draws in is its
        means, not another actor; so is one inside a place's development verb phrase."""
        first = self._list_start(cand, cands)
        return bool(_MEANS_VERB.search(self.text, max(0, first.start - 4), first.start))

    def _list_start(self, cand: Candidate, cands: list[Candidate]) -> Candidate:
        """The first member of the list of names ``cand`` closes (A、B和C → A); ``cands`` by start."""
        first = cand
        for other in (c for c in _ending_by(cands, cand.start) if not c.nested):
            if re.fullmatch(r"[、和与及]", self.text[other.end:first.start]):
                first = other
            else:
                break
        return first

    def _place_list(self, before: list[Candidate]) -> list[Candidate]:
        """The places listed together ending at the last one: 江苏泰州、连云港和浙江杭州、金华 →
        金华, 杭州, 连云港, 泰州 (a province right before its city only qualifies it)."""
        group = [before[-1]]
        edge = before[-1]
        for r in reversed(before[:-1]):
            gap = self.text[r.end:edge.start]
            if gap == "" and self.contains is not None and r.ref is not None and edge.ref is not None \
                    and self.contains(r.ref, edge.ref):
                edge = r  # the qualifier of the member after it
            elif LIST_JOINT.fullmatch(gap):  # 、和与及, and 以及 before a list's last member
                group.append(r)
                edge = r
            else:
                break
        return group

    def _referents(self, sentence: int, cands: list[Candidate],
                   regions: list[Candidate]) -> list[tuple[Candidate, float, str]]:
        """The region a sentence without a leading region is about, and how it was found.

        In order: an anaphor (全省, 该市, 当地), 全国 opening a statistic, the referent of the
        sentence this one continues (after ；, or a pure continuation in the same paragraph — not in
        a policy, whose sentences are measures of their own), a work report's own place, the one
        region the paragraph has named so far, and for a standalone line in a document about the
        country (an infographic's figure, a heading), the country.
        """
        start, end = self.sentence_span.get(sentence, (0, len(self.text)))
        if regions and regions[0].start - start <= 12 or _HEADING.match(self.text, start):
            return []
        first_region = regions[0].start if regions else end
        anaphor = next((m for m in _ANAPHORA.finditer(self.text, start, first_region) if not self._yardstick(m)), None)
        if anaphor:
            referent = (self._place_referred_to(anaphor.group(), start) if anaphor.group(1)
                        else self._last_region_in_reach(sentence, start))
            if referent is not None:
                self._referent[sentence] = (referent, 0.55, "anaphora")
                return [(referent, 0.55, "anaphora")]
        country = self._country()
        if _NATIONAL.match(self.text, start) and country is not None:
            return [(country, 0.5, "national_subject")]
        paragraph = self._paragraph_start(start)
        previous = self._referent.get(sentence - 1)
        prev_start, prev_end = self.sentence_span.get(sentence - 1, (0, 0))
        if previous is not None and prev_start >= paragraph:
            continues = prev_end > 0 and self.text[prev_end - 1] in "；;，,"
            industries = [c.start for c in cands if c.type == "Industry"]
            pure = not regions or industries and regions[0].start > min(industries)
            if continues or pure and not self._policy_document:
                region, _, _ = previous
                self._referent[sentence] = (region, 0.5, "previous_subject")
                return [(region, 0.5 if continues else 0.45, "previous_subject")]
        if self._report_place is not None:  # not a place the report names in passing
            return [(self._report_place, 0.4, "report_place")]
        if regions:
            return []
        first, last = bisect_left(self._starts, paragraph), bisect_left(self._starts, start)
        named = {self.iri_of.get(id(c)): c for c in self.cands[first:last] if c.type == "Region" and not c.nested}
        if len(named) == 1:
            return [(next(iter(named.values())), 0.45, "paragraph_topic")]
        if (not named and country is not None and end - start <= 40 and self._paragraph_end(start) <= end
                and not self._title_names_a_place()):
            return [(country, 0.4, "national_figure")]
        return []

    def _yardstick(self, anaphor: re.Match[str]) -> bool:
        """Whether the anaphor names the whole the actor is ranked in or measured against (进入|全省|前列,
        居|全省|第一, 高出|全市|4.2个百分点): that wider place is no referent of the sentence."""
        return bool(_RANKED_IN.search(self.text, max(0, anaphor.start() - 2), anaphor.start())
                    or _RANK_AFTER.match(self.text, anaphor.end()))

    def _after_list(self, ind: Candidate, industries: list[Candidate], end: int) -> str:
        """What follows the list a sector stands in, as far as it follows a single name (新一代信息技术、
        电子商务、云计算|等领域培育): a verb after a list speaks of each member."""
        last = ind
        for other in industries:
            if other.start >= last.end and LIST_JOINT.fullmatch(self.text, last.end, other.start):
                last = other
        return self.text[last.end:min(end, last.end + 8)]

    def _governed(self, ind: Candidate, industries: list[Candidate], verb: re.Pattern[str] | None = None) -> bool:
        """The sector (or the list it stands in: 集成电路、生物医药、人工智能) is the object of a
        developing verb: 聚焦集成电路…, 发展中药材种植和…, 打造…数字产业集群."""
        first = self._list_head(ind, industries)
        return bool((verb or _DEVELOP_VERB).search(self.text, max(0, first.start - 12), first.start))

    def _list_head(self, ind: Candidate, industries: list[Candidate]) -> Candidate:
        """The first sector of the list ``ind`` stands in (集成电路、生物医药、人工智能 → 集成电路), or ``ind``."""
        first = ind
        for other in sorted((c for c in industries if c.end <= ind.start), key=lambda c: -c.start):
            if re.fullmatch(r"[、和与及]|以及", self.text[other.end:first.start]):
                first = other
            elif other.end <= first.start:
                break
        return first

    def _paragraph_start(self, offset: int) -> int:
        return self.text.rfind("\n", 0, offset) + 1

    def _paragraph_end(self, offset: int) -> int:
        found = self.text.find("\n", offset)
        return len(self.text) if found < 0 else found

    def _title_names_a_place(self) -> bool:
        """Whether the document's title (its first line, and a policy's name alone on the next)
        names a place other than the country."""
        return self._title_place

    def _last_region_in_reach(self, sentence: int, offset: int) -> Candidate | None:
        """当地, 该地: the last place named in this or the previous sentence."""
        reach, _ = self.sentence_span.get(sentence - 1, self.sentence_span.get(sentence, (0, 0)))
        i = bisect_left(self._place_starts, offset) - 1
        return self._places[i] if i >= 0 and self._places[i].start >= reach else None

    def _country(self) -> Candidate | None:
        """The document's own country when it names it (我国, 中国)."""
        return self._country_cand

    def _subject_region(self, sentence: int) -> Candidate | None:
        """The region a sentence is about: its first name, at the start (例如，上海市聚焦…)."""
        return self._subject(sentence, "Region")

    def _subject(self, sentence: int, etype: str) -> Candidate | None:
        """The entity of ``etype`` a sentence is about: its first name, standing at the start."""
        cands = [c for c in self.by_sentence.get(sentence, []) if not c.nested]
        if not cands or cands[0].type != etype:
            return None
        start, _ = self.sentence_span.get(sentence, (0, 0))
        lead = self.text[start:cands[0].start]
        if len(_LEAD_IN.sub("", lead)) > 2:
            return None
        subject = cands[0]
        for inner in cands[1:]:  # 河北省邢台市…: the sentence is about the innermost place of the chain
            if (etype != "Region" or inner.type != "Region" or self.text[subject.end:inner.start] not in ("", "的")
                    or self.contains is None or subject.ref is None or inner.ref is None
                    or not self.contains(subject.ref, inner.ref)):
                break
            subject = inner
        return subject

    def _own_place(self, level_char: str) -> Candidate | None:
        """The speaker's own place of a level (我市, 本省): the one the document names most often
        (its first mention), not the last one named — a report names other places in passing."""
        places = self._places_by_level[level_char]
        counts = Counter(self.iri_of.get(id(c)) for c in places)
        return max(places, key=lambda c: counts[self.iri_of.get(id(c))], default=None)

    def _place_referred_to(self, word: str, offset: int) -> Candidate | None:
        """The place 全省, 该市, 我市 stand for at ``offset``: in a work report, the report's own place
        for the words it names itself by (a report names other places in passing: 融入杭州都市圈…，全市);
        elsewhere the last place of that level named before."""
        if self._report and word in _SELF_REFERENCE:
            # the report's own level stands for its own place only: where the recognisers miss its
            # city, 全市 is not the neighbour it names most (深化与杭州多层面合作)
            return self._report_place if word[-1] == self._report_level else self._own_place(word[-1])
        return self._last_region_before(offset, word[-1])

    def _last_region_before(self, offset: int, level_char: str) -> Candidate | None:
        places = self._places_by_level[level_char]
        i = bisect_left(places, offset, key=lambda c: c.start) - 1
        return places[i] if i >= 0 else None

    @staticmethod
    def _outside_policies(cands: list[Candidate]) -> list[Candidate]:
        """The sentence's sectors no policy's title holds (not 新能源汽车产业 of 《…新能源汽车产业发展规划》)."""
        titles = Covers((c.start, c.end) for c in cands if c.type == "Policy")
        return [c for c in cands if c.type == "Industry" and not titles.holds(c.start, c.end)]

    # -- part_of -------------------------------------------------------------------------------
    def _structural_part_of(self, sentence: int, cands: list[Candidate]) -> None:
        """河北省邢台市, 即墨区的青岛汽车产业新城: adjacency states containment, for the regions
        listed after the inner one too (欧洲的英国、德国、意大利)."""
        regions = [c for c in cands if c.type == "Region" and not c.nested]
        named_after = {c.start: c for c in cands if c.type == "Region" and c.nested}
        for i, (outer, inner) in enumerate(zip(regions, regions[1:])):
            between = self.text[outer.end:inner.start]
            if between in ("", "的") and not inner.nested and not outer.nested:
                if self.contains is None or outer.ref is None or inner.ref is None:
                    if inner.ref is None:  # a named zone or park after its region
                        self.add(inner, "part_of", outer, 0.7, sentence, "region_before_zone")
                        # 古田县|大甲镇工业集中区: the place the zone is named after lies there too (and the
                        # zone in that place: _zones_named_after_places)
                        place = named_after.get(inner.start)
                        if place is not None and place.end < inner.end and (
                                place.ref is None or outer.ref is None or self.contains is None
                                or self.contains(outer.ref, place.ref)):
                            self.add(place, "part_of", outer, 0.7, sentence, "region_before_zone")
                            self._named_in_chain.add(self.iri_of.get(id(inner)))
                elif self.contains(outer.ref, inner.ref):
                    for member in [inner, *self._listed_after(inner, regions[i + 2:])]:
                        if member.ref is not None and self.contains(outer.ref, member.ref):
                            self.add(member, "part_of", outer, 0.9, sentence, "region_chain")

    def _union_members(self, sentence: int, cands: list[Candidate]) -> None:
        """A union of states read as a place (东盟, 欧盟) holds the member countries its sentence names
        beside it (推动实验区与卢森堡及欧盟跨境通关协作; 与东盟重点国家…与越南、泰国、印尼等国), as a world region
        does (_hierarchy_part_of); a country outside it (日本、东盟等RCEP国家) is not in it."""
        if self._reference is None:
            return
        regions = [c for c in cands if c.type == "Region" and not c.nested]
        for union in (c for c in regions if c.ref is None):
            members = {key for entry in self._reference.lookup(union.name, "Organization") for key in entry.members}
            for country in (c for c in regions if members and c.ref is not None and c.ref.level == "country"):
                if country.ref.key in members:
                    self.add(country, "part_of", union, 0.8, sentence, "union_member")

    def _bracketed_places(self, sentence: int, cands: list[Candidate]) -> None:
        """印度（浦那）中国三一重工产业园, 莫斯科（杜布纳）: a place in brackets after a known one is in it,
        and a park or zone right after the bracket is in the bracketed place (not the country: the
        documents' own provinces are never related to it)."""
        regions = [c for c in cands if c.type == "Region" and not c.nested]
        for i, (outer, inner) in enumerate(zip(regions, regions[1:])):
            if self.text[outer.end:inner.start] not in ("（", "(") or self.text[inner.end:inner.end + 1] not in ("）", ")"):
                continue
            # a known place, not a zone (乌鲁木齐经济技术开发区（头屯河区）: the district it is run with)
            if outer.ref is not None and outer.name not in _COUNTRY_KEYS and (
                    self.contains is None or inner.ref is None or self.contains(outer.ref, inner.ref)):
                self.add(inner, "part_of", outer, 0.7, sentence, "bracketed_place")
            after = regions[i + 2] if i + 2 < len(regions) else None
            if after is not None and after.start == inner.end + 1 and after.ref is None:
                self.add(after, "part_of", inner, 0.7, sentence, "bracketed_place")

    def _zone_seats(self, sentence: int, cands: list[Candidate]) -> None:
        """泸州高新技术产业开发区位于四川省泸州市，地处长江经济带上游、成渝经济区南部核心区: a zone that
        opens its sentence lies in the places its seat clauses (位于, 地处, right after it or opening a
        clause of its own) name; of a chain (四川省泸州市) the last, the others only qualify it."""
        start, end = self.sentence_span.get(sentence, (0, len(self.text)))
        regions = [c for c in cands if c.type == "Region" and not c.nested]
        names = [c for c in cands if not c.nested and c.type != "Industry"]
        if not regions or not names or names[0] is not regions[0]:
            return
        zone = regions[0]
        if zone.ref is not None or not zone.source.startswith("suffix:") or self.text[start:zone.start].strip():
            return
        for seat in _ZONE_SEAT.finditer(self.text, zone.end, end):
            if seat.start() != zone.end and self.text[seat.start() - 1] not in "，,":
                continue
            closed = CLAUSE_BREAK.search(self.text, seat.end(), end)
            clause_end = closed.start() if closed else end
            named = [r for r in regions if seat.end() <= r.start and r.end <= clause_end]
            for place, following in zip(named, [*named[1:], None]):
                if following is None or following.start != place.end:
                    self.add(zone, "part_of", place, 0.7, sentence, "zone_seat")

    def _zones_set_up_in(self, sentence: int, cands: list[Candidate]) -> None:
        """2001年我国企业在巴基斯坦兴建拉合尔工业园, 在美国南卡罗来纳州设立了天津美国商贸工业园: a zone set up
        in a place lies there (of a chain the last place), not in the place its own name opens with."""
        regions = [c for c in cands if c.type == "Region" and not c.nested]
        for i, zone in enumerate(regions):
            if zone.ref is not None or i == 0:
                continue
            place = regions[i - 1]
            if not _SET_UP_IN.fullmatch(self.text, place.end, zone.start):
                continue
            first = place
            for before in reversed(regions[:i - 1]):  # back over the chain to the 在 that opens it
                if before.end != first.start:
                    break
                first = before
            if self.text[first.start - 1:first.start] == "在":
                self.add(zone, "part_of", place, 0.75, sentence, "zone_set_up_in")

    def _listed_after(self, first: Candidate, following: Iterable[Candidate]) -> list[Candidate]:
        """The regions listed right after ``first`` (欧洲的英国、德国、意大利): they share its container."""
        members, previous = [], first
        for cand in following:
            if not LIST_JOINT.fullmatch(self.text[previous.end:cand.start]):
                break
            members.append(cand)
            previous = cand
        return members

    def _zones_named_after_places(self) -> None:
        """亳州高新技术产业开发区 ⊂ 亳州市: a park or zone lies in the place it is named after, unless
        the text already placed it (即墨区的青岛汽车产业新城)."""
        # a seat clause names a grouping or region the zone lies in, not the city it is named after
        placed = {r.head for r in self.found.values() if r.relation == "part_of" and r.method != "zone_seat"}
        placed -= self._named_in_chain  # 古田县|大甲镇工业集中区 lies in 大甲镇 as well
        nested_at = {(c.start, c.end): c for c in self.cands if c.type == "Region" and c.nested}
        nested_from: dict[int, list[Candidate]] = defaultdict(list)
        for (start, _), cand in nested_at.items():
            nested_from[start].append(cand)
        sentences = self.doc.sentences
        sentence_starts = [s.start for s in sentences]
        for zone in self.cands:
            if zone.type != "Region" or not zone.source.startswith("suffix:") or self.iri_of.get(id(zone)) in placed:
                continue
            inner = [c for c in nested_from.get(zone.start, ()) if c.end < zone.end]
            place = max(inner, key=lambda c: c.length) if inner else self._bracketed_in_name(zone)
            if place is not None:
                i = bisect_right(sentence_starts, zone.start) - 1
                sentence = sentences[i].index if i >= 0 and zone.start < sentences[i].end else 0
                if _METROPOLITAN.search(zone.name):  # 深圳都市圈 holds 深圳市, its core, not the reverse
                    self.add(place, "part_of", zone, 0.75, sentence, "metropolitan_core")
                else:
                    self.add(zone, "part_of", place, 0.75, sentence, "zone_named_after")
                placed.add(self.iri_of.get(id(zone)))

    def _bracketed_in_name(self, zone: Candidate) -> Candidate | None:
        """中国（郑州）跨境电子商务综合试验区, 中国电信（安徽）大数据产业园: the place a zone's name holds in
        brackets, when the document names it (郑州市, 安徽省); the zone is named after it."""
        bracketed = _BRACKETED_NAME_PLACE.search(zone.name)
        if bracketed is None:
            return None
        short = bracketed.group(1)
        return next((c for c in self._places if c.name == short or (
            c.name.startswith(short) and _SCOPE_AFTER_SHORT.fullmatch(c.name[len(short):]))), None)

    def _report_firms(self) -> None:
        """A work report's firms (西洋耐火、宝德轧钢等一批民营企业不断壮大) are in the report's own place,
        unless their name opens with another place (深圳盐田港), the report names them as partners or
        their projects as still under negotiation (…等一批重点在谈项目);
        a firm its clause brings in to invest (美国欧文斯·科宁、加拿大好运集团等一批知名企业来鞍投资) is
        there too, wherever its name says it comes from."""
        if self._report_place is None:
            return
        place = self.iri_of.get(id(self._report_place))
        named_elsewhere = {r.head for r in self.found.values()
                           if r.relation == "located_in" and r.method == "region_prefix" and r.tail != place}
        for sentence in sorted(self.by_sentence):
            for firm in self.by_sentence[sentence]:
                if (firm.type == "Enterprise" and not firm.nested
                        and (self.iri_of.get(id(firm)) not in named_elsewhere or _COMES_TO_INVEST.match(self.text, firm.end))
                        and not self._partner(firm, self.by_sentence[sentence])
                        and not _UNDER_NEGOTIATION.match(self.text, firm.end)):
                    self.add(firm, "located_in", self._report_place, 0.45, sentence, "report_firm")

    def _partner(self, firm: Candidate, cands: list[Candidate]) -> bool:
        """与A、B、C建立了合作关系, 同A集团的合作: the firm (or the list it stands in) is a partner the
        sentence names after 与/同/跟, not one of the place's own; so is the customer its firms supply
        (宏大齿轮、正星车轮配套|广汽日野), and the firm another joins in a venture (鞍钢与冀东水泥合资生产…)."""
        first = self._list_start(firm, cands)
        if self.text[first.start - 1:first.start] in _PARTNER_BEFORE or _SUPPLIES.search(
                self.text, max(0, first.start - 2), first.start):
            return True
        return first is not firm and self.text[firm.start - 1:firm.start] in _PARTNER_BEFORE and bool(
            _JOINT_VENTURE.match(self.text, firm.end))

    def _firms_named_for_sectors(self) -> None:
        """湖南华菱涟源钢铁有限公司 … 钢铁产业, 鞍钢 … 钢铁, 西川煤矿 … 煤炭: a firm whose own name holds
        (or whose short form or works stand for) a sector the document names works in it, however far apart the two stand (of the annotated firms so named, 18 in
        19 operate in that sector). Both must be named in their own right, not only inside a name
        (a policy's title: 《医药工业…行动计划》 names no sector a 医药集团 works in)."""
        firsts: dict[str, tuple[Candidate, int]] = {}
        for sentence in sorted(self.by_sentence):
            for cand in self.by_sentence[sentence]:
                iri = self.iri_of.get(id(cand))
                if iri and cand.type in ("Enterprise", "Industry") and not cand.nested and iri not in firsts \
                        and not (cand.type == "Industry" and self._inside_name(cand)):
                    firsts[iri] = (cand, sentence)
        sector_of: dict[str, tuple[str, Candidate]] = {}  # a sector's name or alias -> the sector
        for iri, (cand, _) in firsts.items():
            if cand.type == "Industry":
                for word in self._names_of(iri, cand):
                    sector_of.setdefault(word, (iri, cand))
        if not sector_of:
            return
        longest = max(len(word) for word in sector_of)
        for firm_iri, (firm, sentence) in firsts.items():
            if firm.type != "Enterprise":
                continue
            found: dict[str, Candidate] = {}
            for name in self._names_of(firm_iri, firm):
                short = SHORT_FORM_SECTORS.get(name[1:2], "")
                if short in sector_of and self._named_as_group(name):  # 鞍钢, 韶钢集团: its short form's sector
                    found.setdefault(*sector_of[short])
                for works, sector_name in WORKS_SECTORS.items():  # 西川煤矿: what the plant or mine works
                    if works in name and sector_name in sector_of:
                        found.setdefault(*sector_of[sector_name])
                name = name[1:]  # not the place or brand it opens with
                for start in range(len(name) - 1):  # every part of the name a sector could be (linear in names)
                    for end in range(start + 2, min(len(name), start + longest) + 1):
                        if name[start:end] in sector_of:
                            found.setdefault(*sector_of[name[start:end]])
            for sector_iri, sector in found.items():
                self.add(firm, "operates_in", sector, 0.55, self._shared_sentence(firm_iri, sector_iri, sentence),
                         "firm_named_sector")
        self._firms_of_a_class_noun(sector_of)

    @staticmethod
    def _named_as_group(name: str) -> bool:
        """Whether a name opening with a firm's short form is the firm itself (鞍钢, 韶钢集团, 唐钢股份), not
        one of its arms named by its own business after it (韶钢|港务 a logistics firm, 鞍钢|铸管厂 a pipe plant)."""
        rest = name[2:]
        return not rest or rest in LEGAL_FORM_SUFFIXES

    def _firms_of_a_class_noun(self, sector_of: dict[str, tuple[str, Candidate]]) -> None:
        """宝武集团、沙钢等大型钢企: the firms a list closes with a sector's class noun (钢企 steel firms)
        work in the sector the document names, however far from the list it stands."""
        for sentence, cands in self.by_sentence.items():
            firms = [c for c in cands if c.type == "Enterprise" and not c.nested]
            for index, firm in enumerate(firms):
                if index and LIST_JOINT.fullmatch(self.text[firms[index - 1].end:firm.start]):
                    continue  # not a list's first member
                members = self._listed_from(firm, firms)
                noun = _CLASS_NOUN_AFTER_LIST.match(self.text, members[-1].end)
                sector = sector_of.get(FIRM_CLASS_SECTORS.get(noun.group(1) or noun.group(2), "")) if noun else None
                if sector is not None:
                    for member in members:
                        self.add(member, "operates_in", sector[1], 0.55,
                                 self._shared_sentence(self.iri_of.get(id(member)), sector[0], sentence),
                                 "firm_class_noun")

    def _names_of(self, iri: str, cand: Candidate) -> tuple[str, ...]:
        """The entity's name and aliases (the candidate's name where no entity is built, as in tests)."""
        entity = self.entity_by_iri.get(iri)
        return (entity.name, *entity.aliases) if entity else (cand.name,)

    def _inside_name(self, cand: Candidate) -> bool:
        """Whether another kind of name holds the candidate (a sector in a policy's title)."""
        i = bisect_right(self._starts, cand.start)
        return any(other.type != cand.type and cand.inside(other)
                   for other in self.cands[max(0, i - _NAME_LOOKBACK):i + 1])

    def ancestors(self, entry) -> set[str]:
        return {a.key for a in self._reference.ancestors(entry)} if self._reference else set()

    def _hierarchy_part_of(self) -> None:
        if self.contains is None:
            return
        firsts: dict[str, tuple[Candidate, int]] = {}
        for sentence in sorted(self.by_sentence):
            for cand in self.by_sentence[sentence]:
                iri = self.iri_of.get(id(cand))
                if cand.type == "Region" and cand.ref is not None and iri and iri not in firsts:
                    firsts[iri] = (cand, sentence)
        items = list(firsts.items())
        named = Counter(self.iri_of.get(id(c)) for c in self.cands if c.type == "Region")
        for iri_in, (inner, s_in) in items:
            # a grouping named once in passing (加强与长三角…对接) frames none of the places around it:
            # only one the document is about, by its title or by naming it again, holds its members
            outers = [(iri, c, s) for iri, (c, s) in items
                      if iri != iri_in and c.name not in _COUNTRY_KEYS
                      and (c.ref.level not in _WORLD_LEVELS or inner.ref.level == "country"
                           and self._shared_sentence(iri_in, iri, -1) >= 0)
                      and self.contains(c.ref, inner.ref)
                      and (c.ref.level not in _GROUPING_LEVELS or named[iri] > 1 or c.start < self._title_end)]
            # the administrative parent when the document names one (杭州市 ⊂ 浙江省, not also
            # ⊂ G60科创走廊); a grouping (长三角) only for what has no named parent
            parents = self.ancestors(inner.ref)
            admin = [o for o in outers if o[1].ref.key in parents]
            # a corridor or metropolitan area (沪宁合产业创新带) contains its members only where
            # no wider grouping the text names does: 上海市 ⊂ 长三角 first
            wide = [o for o in outers if getattr(o[1].ref, "level", "") != "corridor"]
            candidates = admin or wide or outers
            # only the nearest container the document names: 沙河市 ⊂ 邢台市, not also 河北省
            nearest = [o for o in candidates if not any(o2[0] != o[0] and self.contains(o[1].ref, o2[1].ref)
                                                        for o2 in candidates)]
            for outer_iri, outer, _s in nearest:
                self.add(inner, "part_of", outer, 0.8, self._shared_sentence(iri_in, outer_iri, s_in),
                         "reference_hierarchy")

    def _shared_sentence(self, first_iri: str, second_iri: str, default: int) -> int:
        """The first sentence naming both regions (the best evidence), else ``default``."""
        if self._sentence_iris is None:
            self._sentence_iris = [(sentence, {self.iri_of.get(id(c)) for c in self.by_sentence[sentence]})
                                   for sentence in sorted(self.by_sentence)]
        for sentence, iris in self._sentence_iris:
            if first_iri in iris and second_iri in iris:
                return sentence
        return default
