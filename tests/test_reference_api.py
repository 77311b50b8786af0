"""The reference lookup API on real entries: divisions, named regions, bodies, industries."""
from __future__ import annotations

import pytest

from kg.reference import Reference, load_reference
from kg.vocab import entity_iri


@pytest.fixture(scope="module")
def ref() -> Reference:
    return load_reference()


def one(ref: Reference, surface: str, type_: str | None = None):
    found = ref.lookup(surface, type_)
    assert found, f"{surface} not found"
    return found[0]


def test_province_short_form_resolves_with_code(ref):
    jiangsu = one(ref, "江苏")
    assert (jiangsu.name, jiangsu.code, jiangsu.level, jiangsu.type) == ("江苏省", "320000", "province", "Region")
    assert jiangsu.key == "江苏省" and jiangsu.iri == entity_iri("Region", "江苏省")
    assert jiangsu.parents == ("中国",)


@pytest.mark.parametrize("short, full", [
    ("广西", "广西壮族自治区"), ("内蒙古", "内蒙古自治区"), ("新疆", "新疆维吾尔自治区"), ("杭州", "杭州市"),
    ("浦东", "浦东新区"), ("延边", "延边朝鲜族自治州"), ("黔东南", "黔东南苗族侗族自治州"), ("香港", "香港特别行政区"),
])
def test_short_forms(ref, short, full):
    assert one(ref, short, "Region").name == full


def test_higher_level_owns_contested_short_form(ref):
    assert [e.name for e in ref.lookup("吉林")][:1] == ["吉林省"]
    assert [e.name for e in ref.lookup("海南")][:1] == ["海南省"]
    assert "海南" not in one(ref, "海南藏族自治州").aliases


def test_short_forms_are_at_least_two_characters(ref):
    for surface, entry, kind in ref.surfaces():
        if kind != "abbreviation":
            assert len(surface) >= 2, (surface, entry.key)


def test_same_named_districts_stay_distinct(ref):
    chaoyang = ref.lookup("朝阳区")
    assert {e.key for e in chaoyang} == {"朝阳区@110105", "朝阳区@220104"}
    assert {e.parents[0] for e in chaoyang} == {"北京市", "长春市"}
    assert len({e.iri for e in chaoyang}) == 2
    assert len(ref.lookup("鼓楼区")) >= 4


def test_generic_district_names_get_their_city(ref):
    assert ref.lookup("城区") == []
    assert any(e.name == "阳泉市城区" for e in ref.lookup_abbreviation("城区"))


def test_recent_division_changes_are_present(ref):
    for name, code in [("会理市", "513402"), ("白杨市", "659012"), ("和安县", "653229"), ("渝北区", "500112")]:
        assert one(ref, name).code == code


def test_province_abbreviations_are_context_only(ref):
    assert ref.lookup("沪") == []
    assert [e.name for e in ref.lookup_abbreviation("沪")] == ["上海市"]
    assert {e.name for e in ref.lookup_abbreviation("蜀")} == {"四川省"}
    assert {e.name for e in ref.lookup_abbreviation("冀")} == {"河北省"}


def test_containment(ref):
    jiangsu, suzhou, jiangxi = one(ref, "江苏省"), one(ref, "苏州市"), one(ref, "江西省")
    assert ref.contains(jiangsu, suzhou)
    assert not ref.contains(jiangxi, suzhou)
    assert not ref.contains(suzhou, jiangsu)
    pudong = one(ref, "浦东新区")
    assert [a.name for a in ref.ancestors(pudong)] == ["上海市", "中国", "亚洲"]
    assert ref.contains(one(ref, "亚洲"), one(ref, "东京"))


def test_groupings_have_members(ref):
    yrd = one(ref, "长三角")
    assert yrd.name == "长江三角洲地区" and yrd.level == "grouping"
    assert "上海市" in yrd.members
    assert ref.contains(yrd, one(ref, "苏州市"))
    assert ref.contains(yrd, one(ref, "浦东新区"))
    assert not ref.contains(yrd, one(ref, "广州市"))
    assert one(ref, "大湾区").name == "粤港澳大湾区"
    assert ref.contains(one(ref, "粤港澳大湾区"), one(ref, "香港"))


def test_zones(ref):
    lingang = one(ref, "临港新片区")
    assert lingang.parents and ref.contains(one(ref, "上海市"), lingang)
    assert one(ref, "上海自贸区").name == "中国（上海）自由贸易试验区"
    assert one(ref, "雄安新区").level == "national_new_area"
    assert ref.contains(one(ref, "河北省"), one(ref, "雄安新区"))
    assert "临港" in lingang.abbreviations and ref.lookup("临港") == []


def test_countries_and_foreign_cities(ref):
    assert one(ref, "中华人民共和国").name == "中国"
    usa = one(ref, "美国")
    assert usa.level == "country" and usa.code == "US"
    tokyo = one(ref, "东京")
    assert tokyo.level == "foreign_city" and tokyo.parents == ("日本",)


def test_state_bodies(ref):
    ndrc = one(ref, "发改委", "Organization")
    assert ndrc.name == "国家发展改革委"
    assert one(ref, "国家发展和改革委员会").key == ndrc.key
    assert one(ref, "工信部").name == "工业和信息化部"
    assert one(ref, "国家卫健委").name == "国家卫生健康委员会"
    assert "国务院" in ndrc.parents
    assert one(ref, "国家中医药局").parents == ("国家卫生健康委员会",)


def test_international_organisations(ref):
    assert one(ref, "欧盟").type == "Organization"
    assert one(ref, "东盟").level == "intl_org"
    assert one(ref, "WTO").name == "世界贸易组织"


def test_local_body_patterns(ref):
    patterns = ref.local_body_patterns()
    suffixes = [p.suffix for p in patterns]
    assert suffixes == sorted(suffixes, key=len, reverse=True)
    by_suffix = {p.suffix: p for p in patterns}
    jiangsu = one(ref, "江苏省")
    assert by_suffix["发改委"].canonical_name(jiangsu) == "江苏省发展和改革委员会"
    assert by_suffix["人民政府"].kind == "government"
    assert by_suffix["委"].canonical_name(one(ref, "邢台市")) == "邢台市委"
    assert "province" in by_suffix["工业和信息化厅"].levels and "city" not in by_suffix["工业和信息化厅"].levels


def test_industries(ref):
    nev = one(ref, "新能源汽车产业")
    assert nev.name == "新能源汽车" and nev.type == "Industry"
    tcm = one(ref, "中医药")
    subsectors = [e for e in ref.entries("Industry") if tcm in ref.ancestors(e)]
    assert {"中药材", "中药饮片", "中成药", "中药配方颗粒", "中医药健康旅游", "藏医药"} <= {e.name for e in subsectors}
    assert one(ref, "AI").name == "人工智能"
    assert one(ref, "制造业").code == "C"


def test_product_level_sectors_are_narrower_concepts_not_synonyms(ref):
    """正极材料 is a part of the 锂电材料 sector, not another name for it: a text about cathode
    materials must not be scored or linked as one about battery materials as a whole."""
    materials = one(ref, "锂电材料")
    for name in ("正极材料", "负极材料", "电解液"):
        entry = one(ref, name)
        assert entry.name == name and materials in ref.ancestors(entry)
    assert one(ref, "钕铁硼永磁材料").name == "稀土永磁材料"
    assert one(ref, "稀土") in ref.ancestors(one(ref, "稀土永磁材料"))


def test_generic_industry_words(ref):
    for word in ("新兴产业", "未来产业", "传统产业", "产业"):
        assert ref.is_generic_industry_word(word)
        assert ref.lookup(word, "Industry") == []
    assert not ref.is_generic_industry_word("人工智能")


def test_keys_unique_and_parents_resolve(ref):
    seen = set()
    for entry in ref.entries():
        assert (entry.type, entry.key) not in seen
        seen.add((entry.type, entry.key))
        for key in entry.parents:
            assert ref.get(entry.type, key) is not None, (entry.key, key)
        for key in entry.members:  # member regions: of a grouping, or the member states of a union (东盟)
            assert ref.get("Region", key) is not None, (entry.key, key)


def test_corridors_lie_in_their_macro_region(ref):
    belt = one(ref, "沪宁合产业创新带")
    assert belt.level == "corridor" and {"上海市", "南京市", "合肥市"} <= set(belt.members)
    yrd = one(ref, "长三角")
    assert ref.contains(yrd, belt) and ref.contains(belt, one(ref, "合肥市"))
    assert one(ref, "G60科创走廊").level == "corridor"


def test_slogans_and_concepts_are_not_industries(ref):
    for word in ("人工智能+", "AI+", "绿色低碳", "高耗能产业"):
        assert ref.lookup(word, "Industry") == [], word
    assert one(ref, "绿色低碳产业").name == "绿色产业"


def test_national_science_centres_are_organisations(ref):
    for surface in ("合肥综合性国家科学中心", "上海张江综合性国家科学中心"):
        assert one(ref, surface).type == "Organization"


def test_tcm_taxonomy_distinguishes_manufacturing_from_farming_and_services(ref):
    industry = one(ref, "中药工业")
    assert {p for p in industry.parents} >= {"中药", "医药"}
    assert {e.name for e in ref.entries("Industry") if industry in ref.ancestors(e)} >= {"中药饮片", "中成药", "中药制剂"}
    assert one(ref, "中药材精深加工").name == "中药材加工"
    assert one(ref, "中医药文化旅游").name == "中医药健康旅游"
    assert one(ref, "藏药").name == "藏医药"


def test_gbt4754_divisions_carry_their_codes(ref):
    codes = {e.code for e in ref.entries("Industry") if e.code}
    divisions = {f"{section}{number:02d}" for section, numbers in {
        "A": range(1, 6), "C": range(13, 44), "E": range(47, 51), "G": range(53, 61), "N": range(76, 78)}.items()
        for number in numbers}
    assert divisions - codes == set()
    assert one(ref, "新闻出版").code == "R86"


def test_traditional_characters_read_as_simplified_one_for_one(ref):
    text = "全縣生產總值443.9億元，同比增長5.7%，糧食播種面積81.46萬畝，產量36.17萬噸"
    assert ref.simplified(text) == "全县生产总值443.9亿元，同比增长5.7%，粮食播种面积81.46万亩，产量36.17万吨"
    assert ref.simplified("乾县") == "乾县"  # a character a place's name uses as written stays


@pytest.mark.parametrize("text, traditional", [
    ("2023年，全縣生產總值443.9億元，同比增長5.7%。", True),
    ("2023年，全县生产总值443.9亿元，同比增长5.7%，增势显著。", False),  # 著 is also a simplified character
    ("两岸交流持续深化，臺灣居民来往大陆更加便利。", False),  # a simplified page quoting a name as printed
    ("2023 GDP 5.2%", False),
])
def test_a_text_is_in_traditional_characters_when_most_of_its_characters_with_two_forms_are(ref, text, traditional):
    assert ref.in_traditional(text) is traditional
