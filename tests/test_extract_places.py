"""Places and bodies no reference lists, found by how the prose names them (kg.extract.places,
the local-body and sub-unit rules of kg.extract.names), on short sentences of the corpus's kind."""
from __future__ import annotations

from tests.extract_fixtures import extract, extractor, names, triples  # noqa: F401 (fixture)


# -- places abroad -------------------------------------------------------------------------------
def test_foreign_states_and_cities_follow_their_country(extractor):
    result = extract(extractor, "2012年该集团在美国俄亥俄州代顿市建成了汽车玻璃工厂，又在哈萨克斯坦阿特劳州设立了物流中心。"
                                "美国企业占全市外资比重逐年提高。")
    regions = names(result, "Region")
    assert {"俄亥俄州", "代顿市", "阿特劳州", "美国", "哈萨克斯坦"} <= regions
    assert not any(name.endswith("全市") for name in regions)  # common words before 市 name no city


def test_a_place_in_brackets_after_a_foreign_place(extractor):
    result = extract(extractor, "印度尼西亚（苏拉威西）镍铁产业园和越南（海防）工业区相继投产。")
    assert {"苏拉威西", "海防"} <= names(result, "Region")


def test_a_union_listed_beside_countries_is_a_place(extractor):
    result = extract(extractor, "企业出口主要面向德国、欧盟和东盟市场；东南亚国家联盟秘书处设在雅加达。")
    assert {"欧盟", "德国"} <= names(result, "Region")
    assert "东南亚国家联盟" in names(result, "Organization")  # named in full as a body


# -- zones, parks and towns ----------------------------------------------------------------------
def test_a_shared_head_names_one_zone_per_member(extractor):
    result = extract(extractor, "支持哈长、辽中南、山东半岛等城市群协同发展。")
    regions = names(result, "Region")
    assert {"哈长城市群", "辽中南城市群", "山东半岛城市群"} <= regions
    assert not any("等城市群" in name for name in regions)


def test_a_zone_named_after_a_part_of_a_province(extractor):
    result = extract(extractor, "依托皖南国际文化旅游示范区等战略平台，粤北现代农业示范园区建设扎实推进。京东物流园区投入使用。")
    regions = names(result, "Region")
    assert {"皖南国际文化旅游示范区", "粤北现代农业示范园区"} <= regions
    assert "京东物流园区" not in regions  # a firm's park: the firm reads like a part of 北京 (京|东)


def test_the_zones_of_a_kind_in_a_part_of_the_country_are_no_zone(extractor):
    result = extract(extractor, "支持西部地区自由贸易试验区在投资贸易领域依法依规开展先行先试。"
                                "泸州高新技术产业开发区地处长江经济带上游、成渝经济区南部核心区。")
    regions = names(result, "Region")
    assert "西部地区自由贸易试验区" not in regions and "西部地区" in regions
    assert "成渝经济区" in regions  # a grouping's own zone, named without 地区


def test_a_zone_name_sheds_the_county_before_its_own_name(extractor):
    result = extract(extractor, "项目落户闽侯县青口工业园区，配套企业进驻乳源铝箔产业园。")
    regions = names(result, "Region")
    assert {"青口工业园区", "闽侯县"} <= regions and "闽侯县青口工业园区" not in regions
    assert "铝箔产业园" not in regions  # a county's short form opening a park's name is part of it


def test_the_district_a_zone_sheds_holds_the_zone(extractor):
    # the district stood inside the untrimmed zone's name; shed from it, it is a place of its own
    result = extract(extractor, "宁德市蕉城区三屿园区内，供应商厂房与上汽基地一体布局规划。")
    assert ("三屿园区", "part_of", "蕉城区") in triples(result)


def test_a_province_before_a_city_zone_is_its_own_place(extractor):
    result = extract(extractor, "江西南昌经济技术开发区与周边园区联动。")
    regions = names(result, "Region")
    assert "南昌经济技术开发区" in regions and "江西省" in regions
    assert "江西南昌经济技术开发区" not in regions


def test_towns_in_a_list_and_after_their_county(extractor):
    result = extract(extractor, "会议部署了朱家角镇、练塘镇和金泽镇的工作。屏南县双溪镇工业集中区已经建成。")
    regions = names(result, "Region")
    assert {"练塘镇", "金泽镇", "双溪镇", "屏南县"} <= regions  # (the first after a verb: no edge to read)


def test_a_zone_named_again_by_its_short_head_is_one_zone(extractor):
    result = extract(extractor, "绵竹高新技术产业开发区位于绵竹市，园区以装备制造为主导产业。去年绵竹高新区新引进项目12个。"
                                "淄博高新技术产业园区建设提速，淄博高新区获批国家级孵化器3家。")
    zones = {e["name"]: set(e["aliases"]) for e in result["entities"] if e["type"] == "Region"}
    assert zones["绵竹高新技术产业开发区"] == {"绵竹高新区"}
    assert zones["淄博高新技术产业园区"] == {"淄博高新区"}
    assert not {"绵竹高新区", "淄博高新区"} & zones.keys()
    assert "绵竹市" in zones  # the city is a place of its own


def test_a_place_name_that_is_also_a_word_is_a_place_in_a_list_of_places(extractor):
    listed = extract(extractor, "深圳、中山、珠海三市共建新能源汽车产业链，合肥、黄山、芜湖等地承接产业转移。")
    assert {"中山市", "黄山市", "深圳市", "芜湖市"} <= names(listed, "Region")
    alone = extract(extractor, "中山大学与黄山旅游集团合作，游客登上黄山、泰山观日出。")
    assert not {"中山市", "黄山市"} & names(alone, "Region")


def test_a_place_name_that_is_also_a_word_is_the_city_whose_counties_the_text_names(extractor):
    divided = extract(extractor, "着力打造黄山工业发展“市级队”。支持歙县、徽州区联手打造国家级低碳高新开发区。")
    assert "黄山市" in names(divided, "Region")
    undivided = extract(extractor, "着力打造黄山工业发展“市级队”。支持合肥市、芜湖市联手打造国家级低碳高新开发区。")
    assert "黄山市" not in names(undivided, "Region")


def test_a_district_by_its_short_form_right_after_its_city(extractor):
    result = extract(extractor, "支持符合条件的港澳银行、保险机构在深圳前海、广州南沙、珠海横琴设立经营机构。")
    assert {"南沙区", "广州市"} <= names(result, "Region")
    alone = extract(extractor, "支持符合条件的保险机构在南沙设立经营机构。")
    assert "南沙区" not in names(alone, "Region")  # a short form no city names may be another place's


def test_a_country_opening_quoted_speech_is_a_place_but_not_opening_a_short_title(extractor):
    speech = extract(extractor, "业内人士表示：“德国能源转型以来，光伏装机持续增长。”")
    assert "德国" in names(speech, "Region")
    title = extract(extractor, "当地着力打造“中国药都”品牌。")
    assert "中国" not in names(title, "Region")


def test_a_continent_opening_a_body_name_is_its_reach_not_a_place_named(extractor):
    body = extract(extractor, "我国积极参与亚太经济合作组织框架下的数字贸易规则制定。")
    assert "亚太经济合作组织" in names(body, "Organization")
    assert not names(body, "Region") - {"中国"}
    market = extract(extractor, "企业产品远销亚洲、欧洲市场。")
    assert {"亚洲", "欧洲"} <= names(market, "Region")


def test_a_count_of_zones_names_none_of_them(extractor):
    result = extract(extractor, "该市位于京津冀、长三角两大城市群之间，承接产业转移。")
    regions = names(result, "Region")
    assert {"京津冀", "长江三角洲地区"} <= regions
    assert not any("两大" in name for name in regions)


def test_the_ports_of_a_place_are_not_the_port_it_names(extractor):
    result = extract(extractor, "完善北部湾港口建设，加强与宁波舟山港、上海洋山港等枢纽港合作。")
    regions = names(result, "Region")
    assert "北部湾港" not in regions  # 港口: the ports of the gulf
    assert "洋山港" in regions  # the port the reference names, standing as a word


def test_rivers_are_places_only_among_places(extractor):
    listed = extract(extractor, "推动新能源船舶在珠江、闽江以及京杭运河等水域示范应用。")
    assert {"珠江", "闽江", "京杭运河"} <= names(listed, "Region")
    brand = extract(extractor, "长江黄金水道运力提升，珠江啤酒销量增长。")
    assert not {"长江", "珠江"} & names(brand, "Region")


def test_a_management_committee_names_its_zone(extractor):
    result = extract(extractor, "由杭州钱塘综合保税区管理委员会负责组织实施。")
    assert "杭州钱塘综合保税区管理委员会" in names(result, "Organization")
    assert "杭州钱塘综合保税区" in names(result, "Region")


# -- bodies --------------------------------------------------------------------------------------
def test_provincial_departments_by_their_field(extractor):
    result = extract(extractor, "浙江省粮食局、江苏省物价局和湖南省工业和信息化委员会联合发文，市场局面趋稳。")
    bodies = names(result, "Organization")
    assert {"浙江省粮食局", "江苏省物价局", "湖南省工业和信息化委员会"} <= bodies


def test_a_district_body_keeps_its_city_and_a_branch_its_body(extractor):
    result = extract(extractor, "苏州市吴中区人民政府与中国人民银行南京分行签署协议，商务部外贸司出席。")
    bodies = names(result, "Organization")
    assert {"苏州市吴中区人民政府", "中国人民银行南京分行", "商务部外贸司"} <= bodies
    assert not {"吴中区人民政府", "南京分行"} & bodies


def test_a_body_named_with_its_province_and_city_keeps_both(extractor):
    result = extract(extractor, "当地组建湖南株洲轨道交通研究院，推动新疆乌鲁木齐经济技术开发区扩区。")
    assert "湖南株洲轨道交通研究院" in names(result, "Organization")
    assert {"湖南省", "株洲市"} <= names(result, "Region")
    assert "乌鲁木齐经济技术开发区" in names(result, "Region")  # a zone is the city's alone
    known = extract(extractor, "安徽合肥综合性国家科学中心建设提速。")
    assert "合肥综合性国家科学中心" in names(known, "Organization")  # a known body keeps its own name


def test_a_foreign_government_and_renamed_ministries(extractor):
    result = extract(extractor, "马来西亚政府宣布新的投资计划。原环境保护部和国家旅游局曾联合开展检查。")
    bodies = names(result, "Organization")
    assert {"马来西亚政府", "生态环境部", "文化和旅游部"} <= bodies


def test_a_zone_learned_with_its_country_sheds_it_but_not_a_verb_clause():
    from kg.extract.candidates import Candidate
    from kg.extract.places import trim_zone_prefixes
    from kg.reference import load_reference

    laos = load_reference().lookup("老挝", "Region")[0]
    text = "老挝赛色塔综合开发区，老挝兴建色塔工业园"
    second = text.index("，") + 1
    cands = [Candidate(0, 2, "Region", "老挝", key=laos.key, ref=laos, source="gazetteer:name"),
             Candidate(0, second - 1, "Region", text[:second - 1], source="suffix:learned"),
             Candidate(second, second + 2, "Region", "老挝", key=laos.key, ref=laos, source="gazetteer:name"),
             Candidate(second, len(text), "Region", text[second:], source="suffix:learned")]
    trimmed = {c.name for c in trim_zone_prefixes(text, cands)}
    assert "赛色塔综合开发区" in trimmed and "老挝赛色塔综合开发区" not in trimmed
    assert "老挝兴建色塔工业园" in trimmed  # 兴建色塔 opens with a verb: no name of its own to keep


def test_a_national_zone_around_its_place_in_brackets(extractor):
    result = extract(extractor, "积极建设中国（杭州）跨境电子商务综合试验区和国家数字经济（浙江）创新发展试验区。")
    regions = names(result, "Region")
    assert {"中国（杭州）跨境电子商务综合试验区", "国家数字经济（浙江）创新发展试验区"} <= regions


def test_a_union_read_as_a_place_is_a_place_in_every_mention(extractor):
    result = extract(extractor, "产品销往日本、欧盟等地。企业加强与欧盟企业的技术合作。")
    assert "欧盟" in names(result, "Region") and "欧洲联盟" not in names(result, "Organization")


def test_no_zone_is_learned_from_a_count_or_a_description_of_zones():
    from kg.extract.entity_model import propose

    text = "规划建设六大特色产业岛，建设航天科技配套的产业园。"
    assert not {p.name for p in propose(text, []) if p.type == "Region"} & {
        "规划建设六大特色产业岛", "六大特色产业岛", "航天科技配套的产业园", "配套的产业园"}


def test_no_zone_is_learned_from_places_a_dash_lists():
    from kg.extract.entity_model import propose

    text = "构筑“北市区—黄堡—董家河—耀州区—新区—坡头”大城市格局，全面实施关中—天水经济区发展规划。"
    proposed = {p.name for p in propose(text, []) if p.type == "Region"}
    assert not {"耀州区—新区", "董家河—耀州区—新区", "黄堡—董家河—耀州区—新区"} & proposed
    assert "关中—天水经济区" in proposed  # two places joined by a dash name one zone


def test_a_province_level_body_beside_the_divisions_names_no_region(extractor):
    result = extract(extractor, "各省、自治区、直辖市及计划单列市、新疆生产建设兵团工业和信息化主管部门：")
    assert "新疆生产建设兵团" in names(result, "Organization")
    assert "新疆维吾尔自治区" not in names(result, "Region")


def test_the_classifier_puts_no_firm_in_a_province_away_from_the_city_the_rules_put_it_in():
    """连云港市集聚了A、B等骨干企业。浙江省则…: the rules place B in 连云港市 (320700); 浙江省 (330000) a
    sentence later is no place of B, while 江苏省 (320000), which holds the city, still may be."""
    from kg.extract.relation_model import _elsewhere
    from kg.model import Entity

    def region(name: str, code: str) -> Entity:
        return Entity("Region", name, name, attributes={"code": code})

    in_lianyungang = ["320700"]
    assert _elsewhere(in_lianyungang, region("浙江省", "330000"))
    assert not _elsewhere(in_lianyungang, region("江苏省", "320000"))
    assert not _elsewhere(in_lianyungang, region("海州区", "320706"))
    assert not _elsewhere([], region("浙江省", "330000"))  # placed nowhere by the rules: the classifier decides
    assert not _elsewhere(in_lianyungang, region("美国", "US"))  # no division code to compare


def test_a_zone_of_two_places_joined_by_a_dash_is_named_by_both(extractor):
    result = extract(extractor, "研究探索建设澳门—珠海跨境金融合作示范区。")
    assert "澳门—珠海跨境金融合作示范区" in names(result, "Region")
    assert "珠海跨境金融合作示范区" not in names(result, "Region")


def test_a_kind_of_zone_the_text_counts_is_no_place(extractor):
    result = extract(extractor, "科技成果转化企业新增1013家，孵化器、中试基地分别达到58家、97家，苏州工业园区新增企业120家。")
    regions = names(result, "Region")
    assert "中试基地" not in regions  # so many bases, not one base's name
    assert "苏州工业园区" in regions  # a zone's own count of firms is still its own


def test_a_kind_of_zone_a_count_opens_is_no_place(extractor):
    result = extract(extractor, "乡村振兴扎实推进，新建2个国家优势特色产业集群、4个国家现代农业产业园和7个农业产业强镇。")
    assert not {name for name in names(result, "Region") if name[0].isdigit()}  # how many parks, no park's name
