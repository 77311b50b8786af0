"""Name forms and the near-miss guard of kg.link: what of a name identifies the entity."""
from __future__ import annotations

import pytest

from kg.link.guard import near_miss
from kg.link.names import clean, name_form


def test_clean_removes_layout_but_not_identity():
    assert clean(" 《新能源汽车产业 发展规划》 ") == "新能源汽车产业发展规划"
    assert clean("“十五五”规划") == "十五五规划"
    assert clean("ＤｅｅｐＳｅｅｋ") == "deepseek"


@pytest.mark.parametrize("name, core, suffix", [
    ("江苏省", "江苏", "省"), ("江苏", "江苏", ""), ("广西壮族自治区", "广西", "壮族自治区"),
    ("长江三角洲地区", "长江三角洲", "地区"), ("雄安新区", "雄安", "新区"),
    ("临港新片区", "临港", "新片区"), ("上海港", "上海港", ""),
])
def test_region_forms_strip_administrative_suffixes(name, core, suffix):
    form = name_form(name, "Region")
    assert (form.core, form.suffix) == (core, suffix)


@pytest.mark.parametrize("name, core", [
    ("传化集团有限公司", "传化"), ("传化集团", "传化"), ("小米集团", "小米"), ("小米", "小米"),
    ("华为技术有限公司", "华为"), ("宁德时代新能源科技股份有限公司", "宁德时代"),
    ("小米科技", "小米科技"),  # without a legal form the trade word is part of the brand
])
def test_enterprise_forms_strip_legal_forms_and_trade_words(name, core):
    assert name_form(name, "Enterprise").core == core


def test_enterprise_place_prefix_is_stripped_only_before_a_distinctive_brand():
    places = {"合肥": "合肥", "北京": "北京", "上海": "上海"}
    assert name_form("合肥国轩高科动力能源有限公司", "Enterprise", places).core == "国轩高科"
    assert name_form("北京汽车集团有限公司", "Enterprise", places).core == "北京汽车"
    assert name_form("北京电子控股有限责任公司", "Enterprise", places).core == "北京电子"


def test_policy_editions_are_qualifiers():
    form = name_form("新能源汽车产业发展规划（2021—2035年）", "Policy")
    assert (form.core, form.qualifier) == ("新能源汽车产业发展规划", "2021-2035")
    assert name_form("实施办法（试行）", "Policy").qualifier == "试行"
    assert name_form("关于深化改革的意见（征求意见稿）", "Policy").core == "关于深化改革的意见"


@pytest.mark.parametrize("a, b, entity_type", [
    ("江苏", "江西", "Region"), ("江苏省", "江西省", "Region"), ("吉林省", "吉林市", "Region"),
    ("上海", "上海港", "Region"), ("上海市", "上海港", "Region"), ("南京", "南宁", "Region"),
    ("浙江", "浙商", "Enterprise"), ("中国银行", "中国人民银行", "Enterprise"),
    ("十四五规划", "十五五规划", "Policy"), ("汽车", "汽车电子", "Industry"),
    ("新能源汽车产业发展规划（2012—2020年）", "新能源汽车产业发展规划（2021—2035年）", "Policy"),
    ("海口市人工智能行业协会", "北海市人工智能行业协会", "Organization"),
    ("海口市数字经济发展规划实施方案", "北海市数字经济发展规划实施方案", "Policy"),
])
def test_guard_keeps_near_misses_apart(a, b, entity_type):
    assert near_miss(name_form(a, entity_type), name_form(b, entity_type)) is not None


@pytest.mark.parametrize("a, b, entity_type", [
    ("江苏", "江苏省", "Region"),
    ("新能源汽车产业发展规划", "新能源汽车产业发展规划（2021—2035年）", "Policy"),
    ("关于加快推进人工智能产业发展的若干意见", "关于加快推进人工智能产业发展若干意见", "Policy"),
    ("关于加快推进人工智能产业发展的若干意见", "关于加快人工智能产业发展的若干意见", "Policy"),
])
def test_guard_lets_decoration_differ(a, b, entity_type):
    assert near_miss(name_form(a, entity_type), name_form(b, entity_type)) is None


def test_a_leading_place_may_be_written_short_unless_the_short_form_is_ambiguous():
    places = {"浙江省": "浙江", "浙江": "浙江", "吉林省": "吉林", "吉林市": "吉林市"}
    assert (name_form("浙江省跨境电商产业带", "Region", places).core
            == name_form("浙江跨境电商产业带", "Region", places).core)
    assert (name_form("吉林省人民政府", "Organization", places).core
            != name_form("吉林市人民政府", "Organization", places).core)
