"""Closed word classes the recognisers rely on: head words, name suffixes, triggers, stop words.

These are general properties of Chinese policy and economic prose (how a policy title ends, how
an organisation or company name ends, which words are category words rather than sectors), not
names harvested from any document.
"""
from __future__ import annotations

import re

# --- Policy -------------------------------------------------------------------------------------
#: A 《title》 is a policy instrument when it ends in one of these (after a bracketed year/试行).
POLICY_HEADS: tuple[str, ...] = (
    "法", "条例", "规定", "办法", "细则", "规则", "规划", "纲要", "意见", "通知", "通告", "公告",
    "方案", "计划", "措施", "举措", "决定", "决议", "政府工作报告", "指导目录", "目录", "指南",
    "指引", "预案", "标准", "清单", "战略", "工程", "行动", "政策", "若干政策", "纪要", "批复", "函",
    "机制", "制度", "议程", "守则", "准则", "要点", "建议", "程序", "宪法", "章程", "框架", "协定", "路线图",
    # orders a government or a command post gives under a title of their own (not a series: 政府令第N号)
    "禁火令", "禁烧令", "禁渔令", "禁牧令", "禁猎令", "封山令", "动员令", "号令", "戒严令", "禁放令", "禁捕令",
    "禁令",  # 森林防火禁令
    # pages in traditional characters
    "條例", "規定", "辦法", "細則", "規則", "規劃", "綱要", "意見", "計劃", "舉措", "決定", "決議", "批復", "批覆", "戒嚴令",
)
#: …but not when it ends like a publication, a report by a non-government body or a work of art.
POLICY_EXCLUDED_ENDINGS: tuple[str, ...] = (
    "报", "日报", "晚报", "周刊", "杂志", "期刊", "学报", "白皮书", "蓝皮书", "绿皮书", "年鉴",
    "研究报告", "趋势报告", "发展报告", "指数", "论文", "丛书", "文集", "选集", "专著",
)
#: Title words that mark a media or book title even with a policy-like head word.
POLICY_EXCLUDED_WORDS: tuple[str, ...] = ("读本", "解读", "问答", "评论", "专栏", "节目")
#: A named five-year plan: “十五五”规划, 十四五规划.
FIVE_YEAR_PLAN = re.compile(r"[“\"‘]?(十[一二三四五六七八九]五)[”\"’]?(?:时期)?(?:发展)?规划(纲要)?")
#: A named government programme in quotes: “人工智能+”行动, “新兴产业集群发展”工程; the longest instrument
#: word the text gives is the name's end (“旅游+”行动计划, not “旅游+”行动).
NAMED_PROGRAMME = re.compile(r"“([^“”]{2,16})”(?:专项)?(行动计划|行动方案|行动|工程|计划)(?![书表])")
#: The body words an issuer standing before 关于 in a title ends with (国务院办公厅关于…,
#: 中共中央 国务院关于…, 江苏省人民政府关于…; 廣東省人民政府辦公廳, 委員會 on pages in traditional characters).
TITLE_ISSUER_END = re.compile(r"(?:政府|办公厅|办公室|委员会|中央|国务院|部|委|局|厅|院|署|行|会|辦公室|廳|會)\s*$")
GOVERNMENT_WORK_REPORT = "政府工作报告"
#: The words a government work report (or a part of one) opens with, within its first
#: WORK_REPORT_REACH characters. Not 政府工作报告 itself: news quotes it in its first lines.
WORK_REPORT_OPENING = re.compile(r"各位代表|工作回顾|主要工作|主要任务|五年来|过去一年|过去五年|今年是")
WORK_REPORT_REACH = 400
#: Central bodies the State Council has since merged or renamed, which law databases' older documents
#: name as their issuers (铁道部, 国家计委) and the reference, of today's bodies, does not know.
FORMER_CENTRAL_BODIES = re.compile(
    r"(?:铁道部|邮电部|电力工业部|煤炭工业部|冶金工业部|化学工业部|机械工业部|电子工业部|纺织工业部|轻工业部|"
    r"地质矿产部|林业部|劳动部|人事部|卫生部|建设部|监察部|信息产业部|国土资源部|劳动和社会保障部|"
    r"对外贸易经济合作部|外经贸部|对外经济贸易部|国家计划委员会|国家计委|国家发展计划委员会|国家经济贸易委员会|"
    r"国家经贸委|国家教育委员会|国家教委|国家体改委|国家科委|国家环保总局|国家环境保护总局|国家工商行政管理总局|"
    r"国家工商总局|国家质量监督检验检疫总局|国家质检总局|国家食品药品监督管理局|国家安全生产监督管理总局|"
    r"国家林业局|国家地震局|国家新闻出版广电总局|国家进出口商品检验局|国家商检局|国家人口和计划生育委员会|国家卫生和计划生育委员会|国家卫生计生委)(?!门)")
#: A body named by its level's word alone, leaving its region to the page (省政府关于…的决定, 县人大工作评议办公室,
#: 州人大常委会法工委, 市委办公室): the word and the body heads it stands before, and the level it gives.
BARE_LEVEL_WORDS = (("自治区", "provincial"), ("省", "provincial"), ("市", "municipal"), ("州", "municipal"),
                    ("盟", "municipal"), ("县", "county"), ("区", "county"), ("旗", "county"))
BARE_LEVEL_BODIES = ("人民政府", "政府", "府", "人大", "政协", "党委", "委")
#: A department of a government named by that level's word alone, as a site's record table prints its publisher
#: (发布机构：县交运局, 市财政局, 省教育厅): the whole name is the word, a short name and one of these heads.
BARE_LEVEL_DEPARTMENT_HEADS = ("局", "厅", "委员会", "办公室")
#: How a text speaks of its own place (结合我市实际, 全省), and the level of government that place has
#: (the first word found decides a policy's level: 本市 only where none of the others stands).
SELF_REFERENCE_LEVEL = (("我市", "municipal"), ("全市", "municipal"), ("我省", "provincial"),
                        ("全省", "provincial"), ("我区", "county"), ("我县", "county"), ("全县", "county"),
                        ("本市", "municipal"), ("本省", "provincial"), ("本县", "county"))

# --- Organisation and enterprise names ------------------------------------------------------
#: Government and Party body heads that follow a region name (上海市人民政府, 邢台市委).
LOCAL_BODY_HEADS: tuple[str, ...] = (
    "人民政府办公厅", "人民政府办公室", "人民政府", "人大常委会", "人民代表大会常务委员会",
    "人民代表大会", "政协", "党委", "省委", "市委", "区委", "县委", "州委", "委员会", "人大",
    "发展改革委", "发展和改革委员会", "发改委", "工信厅", "经信委", "经信厅", "科技厅", "科委",
    "商务厅", "商务委", "财政厅", "教育厅", "卫健委", "统计局", "市场监管局", "生态环境厅",
    "农业农村厅", "文旅厅", "文化和旅游厅", "人社厅", "自然资源厅", "住建厅", "交通运输厅",
    "能源局", "税务局", "中医药管理局", "政府", "委", "厅", "局", "办",
)
#: Name endings of organisations that are not enterprises (longest first matters: see ORG_SUFFIX).
ORGANIZATION_SUFFIXES: tuple[str, ...] = (
    "人民政府", "委员会", "管理局", "办公厅", "办公室", "研究院", "研究所", "研究中心", "科学院",
    "工程院", "社科院", "大学", "学院", "协会", "学会", "商会", "联合会", "联盟", "交易所",
    "医院", "实验室", "创新中心", "科学中心", "技术中心", "服务中心", "促进中心", "数据中心",
    "检测中心", "信息中心", "基金会", "总局", "总署", "法院", "检察院", "银保监会", "证监会",
    "研究会", "智库", "党校", "专科学校", "合作组织", "博物馆", "纪念馆", "图书馆", "科技馆",
)
#: Endings of trade bodies, named after the trade they gather (中国中药协会, 中国汽车工业协会), never
#: after a firm, though a firm may bear the trade's name too (中国中药).
TRADE_BODY_SUFFIXES: tuple[str, ...] = ("协会", "学会", "商会", "联合会", "研究会", "联盟", "贸促会")
#: Name endings of enterprises (legal forms and business-group words).
ENTERPRISE_SUFFIXES: tuple[str, ...] = (
    "集团股份有限公司", "集团有限公司", "股份有限公司", "有限责任公司", "有限公司", "控股集团", "集团公司", "集团", "公司", "银行", "株式会社",
    "股份", "控股", "电器",  # a listed firm's short name: 海立股份, 德业控股, 国光电器
    "药业", "制药",
)
#: A registered company's legal form, ending its full name: evidence of a firm wherever it stands.
REGISTERED_FORMS: tuple[str, ...] = ("有限公司", "有限责任公司")
#: The endings of ENTERPRISE_SUFFIXES that say what kind of company a name is, not its trade (鞍钢|集团,
#: 唐钢|股份; not 药业, 电器).
LEGAL_FORM_SUFFIXES: frozenset[str] = frozenset(ENTERPRISE_SUFFIXES) - {"银行", "电器", "药业", "制药"}
#: Where a clause or list item begins, so a 省/市 there opens a name (、省投资集团, （省港航集团, 和|市资本有限公司):
#: the province's or city's own group or company.
ITEM_START = frozenset("、，,；;：:（(\n 和及与")
#: Name endings of a firm's plant, works or mine (丹霞冶炼厂, 西川煤矿): a firm when the rest is a name.
WORKS_SUFFIXES: tuple[str, ...] = ("厂", "矿")
#: What a project's name states of its works right after the firm that builds them: the line's
#: number and its daily or yearly output (凤凰|日产4500吨水泥熟料生产线, 秦岭|第二条日产4500吨…, 宝丰|第二套…).
PROJECT_OUTPUT = re.compile(r"第[一二三四五六七八九十\d]+[条套期座台]?(?:[日年]产[\d.]+万?吨)?|[日年]产[\d.]+万?吨")
#: Sector characters a firm's short form ends in after its city's or province's first character
#: (鞍钢 鞍山钢铁, 唐钢, 陕汽 陕西汽车, 广汽): steel and carmakers, named so in the press and work
#: reports; and the sector each stands for.
SHORT_FORM_SECTORS: dict[str, str] = {"钢": "钢铁", "汽": "汽车"}
#: What a plant's or mine's name says it works (西川煤矿 mines coal, 坪石发电B厂 makes power), and the
#: sector each stands for.
WORKS_SECTORS: dict[str, str] = {"煤矿": "煤炭", "发电": "电力", "电厂": "电力", "电站": "电力", "钢厂": "钢铁",
                                 "水泥厂": "水泥", "药厂": "医药"}
#: Short class nouns of firms (A、B等大型钢企, 国内车企) and the sector each stands for.
FIRM_CLASS_SECTORS: dict[str, str] = {"钢企": "钢铁", "车企": "汽车", "药企": "医药", "煤企": "煤炭"}
#: What only a firm has or does, right after its name (美的营收, 鞍钢股价, 中海油董事长).
FIRM_ONLY_AFTER = re.compile(r"营收|营业收入|净利润|股价|市值|董事长|总经理|总裁|旗下|子公司|年报|财报")
#: Words that end a name search to the left: verbs, function words, generic heads, and a notice's
#: kind (业绩快报公告|观典防务…有限公司: a title's last word, the firm's name on the next line joined to it).
NAME_BOUNDARY_WORDS: frozenset[str] = frozenset(
    """的 在 与 和 及 以及 或 由 据 根据 对 为 将 从 向 等 经 系 是 了 把 被 让 使 于 至 到 并 而 又
    也 都 还 就 已 已经 曾 如 例如 比如 包括 其中 其 该 此 这 那 这些 那些 各 每 某 有 没有 无 同时 此外
    发挥 依托 提升 推动 推进 支持 成立 组建 联合 建设 加快 加强 发布 印发 出台 制定 会同 牵头 举办
    召开 主办 承办 指导 组织 参加 参与 加入 选择 通过 实现 开展 带动 引领 打造 培育 发展 强化 完善
    深化 促进 鼓励 引导 围绕 聚焦 面向 服务 优化 提高 落实 贯彻 实施 启动 设立 建立 形成 获得 获批
    认定 入选 来自 作者 记者 主任 院长 校长 董事长 总裁 创始人 首席 执行官 代表 委员 副 原 前 新 近日
    日前 近期 今年 去年 目前 当前 已有 共有 拥有 位于 落户 携手 同 跟 给 让 以 用 按 按照 依据 借助
    大力发展 加快发展 积极发展 重点发展 谋划 推进 推动 力争 争取 确保 任命 重新 业务 像 诸如 布局
    公告 快报 年报 公示""".split()
)
#: Generic words that cannot be the distinctive part of a name (国家发展改革委 is fine, 部门 is not).
GENERIC_NAME_WORDS: frozenset[str] = frozenset(
    """相关 有关 主管 职能 政府 部门 企业 单位 机构 地方 各地 各级 国家 全国 省 市 县 区 各类 重点 龙头
    该 本 我 我们 他们 其他 其它 一些 多家 多个 一批 这家 这个 一个 首个 首批 多 大 小 新 老 主要 骨干
    行业 产业 业内 科研 高校 院校 医疗 金融 民营 国有 中小 外资 合资 上市 头部 链主 领军 科技型 创新型
    平台 龙头企业 中小企业 民营企业 国有企业 公司 集团 银行 有限公司 大学 学院 协会 联盟 中心
    商业 人民 政策性 开发性 股份制 城市 农村 村镇 农商 城商 外资 合资 跨国 本土 审查 伦理""".split()
)

# --- People ---------------------------------------------------------------------------------
#: Posts only a firm has: the name before one, with its holder named after it, is a firm's
#: (浙江圣熙资产|基金经理|王峰, 高工LED|首席执行官|张小飞).
FIRM_POSTS: tuple[str, ...] = (
    "董事长", "副董事长", "总经理", "副总经理", "总裁", "副总裁", "CEO", "首席执行官", "基金经理", "首席分析师",
    "分析师",
)
#: Posts a person holds in a firm, a body or a profession; the name after one is that person's
#: (基金经理王峰, 副秘书长阮军), not a firm's.
PERSON_TITLES: tuple[str, ...] = FIRM_POSTS + (
    "董事", "经理", "执行官", "创始人", "负责人", "总监", "院士", "教授", "研究员", "专家", "工程师", "书记",
    "市长", "省长", "区长", "县长", "局长", "厅长", "部长", "主任", "秘书长", "会长", "理事长", "院长", "所长",
    "校长", "记者",
)
#: A firm's division or desk between its name and a post (徐福记|制造|总经理, 中信证券|石油化工行业|首席分析师).
FIRM_DIVISION = re.compile(r"(?:[\u4e00-\u9fff]{2,4}行业|制造|营销|销售|市场|技术|研发|运营|财务|生产|行政)$")
#: What a person does right after being named (王峰表示, 刘仁告诉记者): words of speech.
SPEECH_VERBS = re.compile(r"表示|介绍|称|说|指出|认为|告诉|坦言|透露|强调|建议|分析")
#: The common Chinese surnames, single and double: a name opens with one (王峰, 欧阳明). Surnames that
#: are as often a function word (和, 于, 向, 应, 时) are left out: a person's name is never read from them.
SURNAMES: frozenset[str] = frozenset(
    """王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 肖 田 董 袁
    潘 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 廖 贾 夏 韦 付 方 白 邹 孟 熊 秦 邱
    江 尹 薛 闫 段 雷 侯 龙 史 陶 黎 贺 顾 毛 郝 龚 邵 万 钱 严 覃 武 戴 莫 孔 汤 温 康 施 文 牛 樊 葛 邢 安 齐
    易 乔 伍 庞 颜 倪 庄 聂 章 鲁 岳 翟 殷 詹 申 欧 耿 关 兰 焦 俞 左 柳 甘 祝 包 宁 尚 符 舒 阮 柯 纪 梅 童 凌
    毕 季 裴 霍 涂 苗 谷 盛 曲 翁 冉 骆 蓝 路 游 辛 靳 管 柴 蒙 鲍 华 喻 祁 蒲 房 滕 屈 饶 牟 艾 尤 阳 穆 农 卓
    古 吉 缪 简 车 项 芦 麦 褚 娄 窦 戚 岑 景 党 宫 费 卜 冷 晏 席 卫 米 柏 宗 瞿 桂 佟 臧 闵 苟 邬 边 卞 姬 仇
    栾 隋 刁 沙 荣 巫 寇 桑 郎 甄 丛 仲 虞 敖 巩 明 佘 池 麻 苑 迟 邝
    欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 令狐 端木""".split()
)

# --- Industry ---------------------------------------------------------------------------------
#: Category words that are never an industry name on their own.
GENERIC_INDUSTRY_WORDS: frozenset[str] = frozenset(
    """新兴 未来 传统 重点 特色 主导 支柱 优势 相关 上下游 全 整个 各 各类 这些 该 本 新 老 大 小 高端 
    现代化 新型 主要 基础 战略性 战略性新兴 先导 朝阳 夕阳 第一 第二 第三 其他 其它 多 千亿级 万亿级
    百亿级 地方 县域 区域 城市 农村 国内 国外 海外 全球 我国 中国 本地 当地 配套 关联 融合 数字化
    智能化 绿色化 高技术 实体 民营 国有 民生 文体 软信 一二三 三次 一 二 三 两 几 若干 多个 不同
    核心 关键 细分 新赛道 前沿 新质 头部 链主 龙头 中小 外资 产业 行业 企业 经济 发展 创新 科技 科创 技术 国际 世界级
    全球性 大力发展 加快发展 积极发展""".split()
)
#: Sectors named by a level of technology: a category of sectors where the text names a base or a
#: zone's kind by it (高新技术产业基础, 高新技术产业开发区), a sector only where it frames it as one.
TECHNOLOGY_LEVEL_SECTORS: frozenset[str] = frozenset({"高技术产业", "高新技术产业", "高科技产业"})
#: After a list member, the next member and the sector head they share (烟草|和有色金属工业,
#: 汽车|及零部件产业, 制药|和玩具工业): the head frames every member, not only the last.
SHARED_SECTOR_HEAD = re.compile(r"(?:、|和|及|与|以及)[\u4e00-\u9fff]{2,6}?(?:工业|产业|行业)(?![化政])")
#: After a list member, the rest of its list and what the list sums up as when that is public
#: services or scenes of use (教育|、卫生、文化等公共服务, 农业|等社会公益事业, 工业、交通|等智能化场景, 卫生|等岗位):
#: the members are fields of public life or of an application, not sectors the text names.
PUBLIC_SERVICE_LIST = re.compile(r"(?:[、和及与][\u4e00-\u9fff]{1,6}?)*等[\u4e00-\u9fff]{0,6}?(?:公共服务|公益|社会事业|场景|岗位)")
#: Words that stand before a sector's name without being part of it: the clause's verbs and
#: adverbs (营造|卫星通信, 努力实现|煤电铝) and its rank or scale (世界级|信息技术装备).
SECTOR_LEFT_NOISE = re.compile(r"营造|努力|实现|力争|着力|引领|将|已|正在|世界级|国际级|国家级|千亿级|百亿级|万亿级|一流")
#: Verbs of joint or finishing action that end a clause, never a sector's name (光伏发电就地消纳,
#: 文化设施共建共享, 互利共赢).
SECTOR_NOT_LAST: tuple[str, ...] = ("消纳", "共享", "共建", "共赢", "推进", "合作", "落实", "提升")
#: What closes a list member after a sector's name: a count of the list (铜材料|四大), or the rank of
#: the sector's core (数字经济|核心产业).
SECTOR_RIGHT_NOISE = re.compile(r"(?:[\d一二三四五六七八九十两几]+大|核心)$")
#: Verbs that head a sector's name as its last word (装备|制造, 农产品|加工, 算力|服务, 飞机|维修,
#: 工业|设计, LED|封装): a left walk from a sector word does not stop at them.
SECTOR_HEAD_VERBS: frozenset[str] = frozenset("服务 制造 加工 维修 设计 开发 养殖 种植 运输 封装".split())
#: Product classes a verb narrows into a sector of its own (诊断|试剂, 检测|仪器, 治疗|设备): a left
#: walk from a sector word takes the one verb right before them.
PRODUCT_CLASS_HEADS: frozenset[str] = frozenset("试剂 仪器 器械 设备".split())
#: Feedstocks and energy carriers a conversion industry turns into another (煤制油, 天然气制氢,
#: 甲醇制烯烃): what stands before 制 in an X制Y sector's name.
CONVERSION_FEEDSTOCKS: tuple[str, ...] = (
    "煤", "煤炭", "天然气", "页岩气", "焦炉气", "焦炉煤气", "合成气", "沼气", "石油", "原油", "甲醇", "乙醇",
    "生物质", "秸秆", "二氧化碳", "电", "绿电", "风电", "光伏",
)
#: Fuels and base chemicals a conversion industry makes: what stands after 制 in an X制Y sector's name.
CONVERSION_PRODUCTS: tuple[str, ...] = (
    "油", "油品", "气", "天然气", "烯烃", "芳烃", "氢", "甲醇", "乙醇", "乙二醇", "合成氨", "氨", "汽油",
    "柴油", "航煤", "甲烷", "醇醚",
)
#: Verbs whose object is a sector a place or firm develops (发展|智慧养老, 推动|航空材料、低空运营服务等领域).
SECTOR_VERBS: tuple[str, ...] = ("发展", "培育", "壮大", "聚焦", "布局", "支持", "推动", "推进", "加快", "打造", "做强",
                                 "做大", "助推", "深耕", "进军", "从事", "振兴", "繁荣", "引领")
#: Heads of 经济 compounds that are sectors (低空经济, 银发经济); others (民营经济) are not, nor the ways
#: an economy is run (绿色经济, 蓝色经济, 循环经济: a way of development, no trade a firm is in).
ECONOMY_SECTOR_HEADS: frozenset[str] = frozenset(
    """低空 银发 海洋 数字 平台 临空 临港 夜间 冰雪 首发 共享 湾区 枢纽 会展 体育 
    文旅 旅游 创意 网红 直播 林下 氢能 生物 太空 深海 空天 新能源 智能 网络 互联网 数据 服务型""".split()
)

#: 业务 (a line of business) read from a span's last character on: a name ending in 业 right before 务
#: cuts that word (再保险|业务, 金融|业务) and names no sector.
BUSINESS_WORD = re.compile(r"业务")

# --- Regions ----------------------------------------------------------------------------------
#: Name endings of zones, parks and corridors that a region prefix may start (青岛汽车产业新城).
ZONE_SUFFIXES: tuple[str, ...] = (
    "自由贸易试验区", "自贸试验区", "自贸区", "高新技术产业开发区", "高新技术产业园区", "经济技术开发区", "经济开发区",
    "高新区", "经开区", "开发区", "保税区", "综合保税区", "新片区", "新区", "科学城", "科技城",
    "产业新城", "产业园区", "工业园区", "科技园区", "产业园", "科技园", "示范区", "先行区", "试验区",
    "合作区", "实验区", "科创走廊", "经济带", "创新带", "产业带", "都市圈", "城市群", "经济圈", "港区",
    "工业园", "软件园", "物流园区", "物流园", "产业基地", "产业化基地", "工业集中区", "集聚区", "经济区",
    "经济走廊", "起步区", "园区",
)
#: A count of zones inside a span (珠三角两大经济圈, 六大特色产业岛): several zones described, no one's name.
COUNTED_KINDS = re.compile(r"[两二三四五六七八九十几多数]+[大个类项座]")
#: A zone's short head and the full heads it abbreviates: a text names 德阳高新技术产业开发区 once
#: and 德阳高新区 after, one zone.
ZONE_SHORT_HEADS: dict[str, tuple[str, ...]] = {
    "高新区": ("高新技术产业开发区", "高新技术产业园区"), "经开区": ("经济技术开发区", "经济开发区"),
    "自贸区": ("自由贸易试验区",), "自贸试验区": ("自由贸易试验区",), "综保区": ("综合保税区",),
}

# --- Relations --------------------------------------------------------------------------------
ISSUE_TRIGGERS = re.compile(r"印发|发布|出台|制定|颁布|公布|联合|下发|审议通过|原则通过|通过了|推出|发出|批复")
#: After a sector a policy names as its focus: 把中药列为重点发展领域.
TARGET_AFTER = re.compile(r"(?:列为|列入|纳入|作为)[^，。；]{0,8}(?:重点|领域|产业|方向)")
TARGET_TRIGGERS = re.compile(
    r"提出|指出|强调|明确|要求|部署|聚焦|支持|推动|促进|助推|加快|发展|培育|壮大|规范|鼓励|扶持|"
    r"引导|布局|打造|提升|做大|做强|推进"
)
#: A policy's measure singling out places it is for: 支持|重庆、四川、陕西|发挥综合优势, 鼓励|广西|积极参与….
SCOPED_PLACES_BEFORE = re.compile(r"(?:支持|鼓励)$")
#: The same with the places as the measure's setting: 在|京津冀、长三角、贵州|等地区布局….
SCOPED_SETTING = (re.compile(r"在$"), re.compile(r"等(?:地区|地|省份|城市)"))
#: A policy's purpose line naming its own place: 结合我市实际，制定本方案.
OWN_SCOPE_LINE = re.compile(r"(?:我|本)(省|市|县|区)[^。；]{0,12}?制定本(?:方案|意见|办法|计划|措施|规定|细则|规划)")
DEVELOP_TRIGGERS = re.compile(
    r"发展|打造|培育|壮大|集群|产量|产值|产能|基地|增加值|营收|规模|布局|聚焦|围绕|建设|高地|优势|"
    r"领先|突破|增长|集聚|聚集|形成|拥有|做大|做强|引进|落地|试点|示范|应用|推进|建成|出口|依托|生产|"
    r"开发(?!区)|见长|重点|吸引|落户|入驻|共建|产业链|主产区|产区|产地|集散地|主导产业|支柱产业|首位产业"
)
#: A trade frame around a list of places: 对|美国、日本|出口, 从|德国|进口, 巩固对|新加坡、越南等国|…服务外包规模.
#: The places are the trade's partners, not where its goods or services are made.
TRADE_PARTNER_BEFORE = re.compile(r"[对从自向]$")
TRADE_WORDS = re.compile(r"出口|进口|外包|贸易|采购|销往|输往")
LOCATED_TRIGGERS = re.compile(r"位于|总部|落户|坐落|设在|扎根|驻|入驻|注册于|地处")
OPERATE_TRIGGERS = re.compile(
    r"生产|研发|制造|布局|深耕|从事|专注|推出|进军|发布|打造|投资|投向|主营|供应|提供|开发|运营|"
    r"车间|产品|业务|领域|企业"
)

#: A research desk after a firm's name (中信证券|石油化工行业首席分析师, 国金证券|分析师, 国金证券|分析人士,
#: 中金公司|研究部): the firm is where a commentator on other firms' sectors works, not a firm in those sectors.
ANALYST_DESK = re.compile(r"[^，,。；;、\s]{0,10}?(?:首席)?(?:分析师|分析人士|研究员|研究部)")
#: A plan's note of the units charged with a measure (（责任单位：省通信管理局，省铁塔公司…）,
#: （省发展改革委牵头，…省港航集团按职责分工负责）): the firms in it carry out the measure, whatever
#: sector it is about.
DUTY_NOTE = re.compile(r"[（(](?:[^（）()]{0,8}(?:责任|牵头|配合)单位[：:]|[^（）()]{0,30}?牵头)[^（）()]*[）)]")
#: Characters that end a clause; relations rarely cross them without a stated link.
CLAUSE_BREAK = re.compile(r"[，,；;：:。！？!?]")
